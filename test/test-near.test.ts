/** testNear (lib/test-near.ts): a pattern tried only near its anchor. */
import { describe, expect, it } from 'vitest';
import { testNear } from '../pipeline/lib/test-near.js';

const CN_NUMBER = /\p{Script=Han}{1,12}〔\d{4}〕\d{1,4}号/u;
const TW_NUMBER = /\p{Script=Han}{1,8}字第\s*[\dA-Za-z-]+\s*号/u;

describe('testNear', () => {
  it('answers as the pattern does, wherever the match is', () => {
    const cases: [RegExp, string, string, number, boolean][] = [
      [CN_NUMBER, '成都市人民政府办公厅关于印发……的通知\n成办发〔2024〕12号\n', '〔', 24, true],
      [CN_NUMBER, '〔2024〕12号 前面没有汉字', '〔', 24, false],
      [CN_NUMBER, '见（〔2024〕12号）', '〔', 24, false],
      [CN_NUMBER, '文〔2024〕〔2025〕1号、国发〔2025〕3号', '〔', 24, true],
      // a Han character outside the BMP (𠀀, two units) counts as one of the twelve
      [CN_NUMBER, '𠀀〔2024〕1号', '〔', 24, true],
      [CN_NUMBER, '文号〔20x4〕1号', '〔', 24, false],
      [TW_NUMBER, '行政院 中華民國113年 院臺經字第 1130012345 號'.replace('號', '号'), '字第', 16, true],
      [TW_NUMBER, '农授粮字第0941057981', '字第', 16, false],
      [TW_NUMBER, '', '字第', 16, false],
    ];
    for (const [re, text, anchor, reach, expected] of cases) {
      expect(re.test(text), text).toBe(expected);
      expect(testNear(re, text, anchor, reach), text).toBe(expected);
    }
  });

  it('is linear in its input', () => {
    const time = (n: number) => {
      const text = '关于印发〔通知〕的通知，成办发〔20'.repeat(n);
      const t = performance.now();
      testNear(CN_NUMBER, text, '〔', 24);
      return performance.now() - t;
    };
    // the best of three runs of each size, after a warm-up at the smaller one: a collection in one run is not the rule's cost
    const best = (n: number) => Math.min(time(n), time(n), time(n));
    time(2000);
    expect(best(20000) / Math.max(best(2000), 0.5)).toBeLessThan(30);
  });
});
