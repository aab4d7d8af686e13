/** namesIn (lib/entities/names-in.ts): the names of a list a text holds, in one pass. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { namesIn } from '../pipeline/lib/entities/names-in.js';
import { bestTime } from './helpers/timing.js';

describe('namesIn', () => {
  it('finds the names includes finds, overlapping and nested ones too', () => {
    const list = new Map(['人工智能', '生成式人工智能', '人工', '智能制造', '成都', '成都市', '都市', '𠀀名', 'AI'].map((n) => [n, 1]));
    fc.assert(
      fc.property(fc.array(fc.constantFrom('人工', '智能', '生成式', '制造', '成都', '市', '𠀀', '名', 'A', 'I', '，'), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(namesIn(text, list)).toEqual(new Set([...list.keys()].filter((n) => text.includes(n))));
      }),
      { numRuns: 3000, seed: 20 },
    );
  });

  it('is linear in the text', () => {
    const list = new Map(['人工智能', '人工智能产业', '人工智能技术'].map((n) => [n, 1]));
    const time = (n: number) => {
      const text = '人工智人工智能产'.repeat(n);
      return bestTime(() => namesIn(text, list));
    };
    time(100);
    expect(time(100000) / Math.max(time(10000), 0.5)).toBeLessThan(30);
  });
});
