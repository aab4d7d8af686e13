/**
 * Upstream conformance: OpenCC's own test cases (../shared/corpus/opencc/cases.json)
 * through the converters the pipeline uses, protected vocabulary included.
 * Known deviations are listed, with their reason, in fixtures/opencc-deviations.json;
 * any other difference fails, and so does a listed deviation that no longer deviates.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { loadJieba } from '../pipeline/lib/jieba.js';
import { protectedLexicon, userDictionaryLines } from '../pipeline/lib/lexicon.js';
import { converters, VARIANTS, type Variant } from '../pipeline/lib/opencc.js';
import { processDocument } from '../pipeline/pipeline.js';
import { ROOT, SHARED } from './helpers/paths.js';

interface Case {
  id: string;
  config: string;
  input: string;
  expected: string;
}
interface Deviation {
  id: string;
  config: string;
  reason: string;
}

const cases = JSON.parse(readFileSync(join(SHARED, 'corpus', 'opencc', 'cases.json'), 'utf8')) as Case[];
const deviations = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'opencc-deviations.json'), 'utf8')) as Deviation[];

/** The OpenCC configs the pipeline exposes: --variant picks the Traditional side, zh-Hans is always mainland. */
const EXPOSED: Record<string, { variant: Variant; direction: 'toHans' | 'toHant' }> = {
  s2t: { variant: 't', direction: 'toHant' },
  t2s: { variant: 't', direction: 'toHans' },
  s2tw: { variant: 'tw', direction: 'toHant' },
  tw2s: { variant: 'tw', direction: 'toHans' },
  s2twp: { variant: 'twp', direction: 'toHant' },
  tw2sp: { variant: 'twp', direction: 'toHans' },
  s2hk: { variant: 'hk', direction: 'toHant' },
  hk2s: { variant: 'hk', direction: 'toHans' },
};

describe('OpenCC upstream test cases', () => {
  const exposed = cases.filter((c) => c.config in EXPOSED);
  const known = new Set(deviations.map((d) => `${d.id}|${d.config}`));

  it('covers the 543 records and every exposed config', () => {
    expect(cases).toHaveLength(543);
    expect(new Set(exposed.map((c) => c.config))).toEqual(new Set(Object.keys(EXPOSED)));
    expect(exposed.length).toBe(457);
  });

  it('passes every exposed case except the listed deviations, each with a reason', () => {
    const failing = exposed
      .filter((c) => {
        const { variant, direction } = EXPOSED[c.config]!;
        return converters(variant)[direction](c.input) !== c.expected;
      })
      .map((c) => `${c.id}|${c.config}`);
    expect(failing.filter((k) => !known.has(k)), 'new deviations').toEqual([]);
    expect([...known].filter((k) => !failing.includes(k)), 'listed deviations that now pass').toEqual([]);
    for (const d of deviations) expect(d.reason.length, d.id).toBeGreaterThan(20);
  });
});

describe('our converters against opencc-js', () => {
  it('give what opencc-js’s own Converter gives on every exposed case (the protected names aside)', () => {
    const upstream = new Map<string, (text: string) => string>();
    for (const c of cases.filter((x) => x.config in EXPOSED)) {
      const { variant, direction } = EXPOSED[c.config]!;
      const [from, to] = direction === 'toHans' ? [variant, 'cn'] : ['cn', variant];
      if (!upstream.has(c.config)) upstream.set(c.config, OpenCC.Converter({ from: from!, to: to! }));
      expect(converters(variant)[direction](c.input), c.id).toBe(upstream.get(c.config)!(c.input));
    }
  });
});

describe('protected vocabulary', () => {
  it('keeps each name whole in both directions, for every variant', () => {
    for (const variant of VARIANTS) {
      const { toHans, toHant } = converters(variant);
      expect(toHans('吉林乾安縣和吉林乾安'), variant).toBe('吉林乾安县和吉林乾安');
      expect(toHant('吉林乾安县'), variant).toBe('吉林乾安縣');
      expect(toHans('摸著石頭過河'), variant).toBe('摸着石头过河');
    }
    // without the lexicon OpenCC gets these wrong, which is why they are listed
    expect(OpenCC.Converter({ from: 't', to: 'cn' })('吉林乾安')).toBe('吉林干安');
    expect(OpenCC.Converter({ from: 't', to: 'cn' })('摸著')).toBe('摸著');
  });
  it('is in jieba’s user dictionary, so a name segments whole', () => {
    expect(loadJieba().cut('吉林省乾安县和成渝地区双城经济圈')).toEqual(expect.arrayContaining(['乾安县', '成渝地区双城经济圈']));
    for (const entry of protectedLexicon()) expect(userDictionaryLines().some((l) => l.startsWith(`${entry.hans} `))).toBe(true);
  });
});

describe('ambiguous characters', () => {
  it('are reported once per character where no phrase decided them, never where one did', () => {
    const text = '国务院关于加快发展的意见\n干实事，头发，干部，干实事。';
    const result = processDocument({ file: 'x.txt', bytes: Buffer.from(text) });
    const reports = result.document!.diagnostics.filter((d) => d.code === 'convert:ambiguous-character');
    // 干部 and 头发 are phrases of OpenCC's dictionary; 发展 converts 发 by default but…
    const chars = reports.map((d) => d.message.match(/Ambiguous “(.)”/)![1]);
    expect(chars).toContain('干');
    expect(reports.find((d) => d.message.includes('“干”'))!.message).toMatch(/2× without a deciding phrase/);
    expect(reports.every((d) => d.severity === 'info' && d.span !== null)).toBe(true);
  });
  it('are not reported for a Traditional source (nothing is converted to zh-Hant)', () => {
    const result = processDocument({ file: 'x.txt', bytes: Buffer.from('國務院關於加快發展的意見\n幹實事，頭髮。') });
    expect(result.document!.diagnostics.filter((d) => d.code === 'convert:ambiguous-character')).toEqual([]);
  });
});

describe('offset map', () => {
  // fragments whose conversion changes length (twp phrases, characters outside the BMP) among plain ones
  const fragments = ['算法', '软件', '数据库', '信息', '人工智能', '𣨼', '云', '后来', '发展', '，', '。', '\n', '的', '乾安县', 'AI', '𠮷'];
  const text = fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 40 }).map((xs) => xs.join(''));

  it('maps any span there and back onto a span that covers it (property)', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...VARIANTS), fc.boolean(), fc.nat(), fc.nat(), (source, variant, toHant, i, j) => {
        const c = converters(variant);
        const input = toHant ? source : c.toHant(source);
        const { text: output, alignment } = toHant ? c.toHantAligned(input) : c.toHansAligned(input);
        const points = [...input];
        const offsets = [0];
        for (const p of points) offsets.push(offsets.at(-1)! + p.length);
        const [s, e] = [offsets[i % offsets.length]!, offsets[j % offsets.length]!].sort((x, y) => x - y) as [number, number];
        const f = alignment.forwardSpan(s, e);
        expect(f.start).toBeGreaterThanOrEqual(0);
        expect(f.end).toBeLessThanOrEqual(output.length);
        expect(f.start).toBeLessThanOrEqual(f.end);
        const b = alignment.backwardSpan(f.start, f.end);
        expect(b.start).toBeLessThanOrEqual(s);
        expect(b.end).toBeGreaterThanOrEqual(e);
        expect(alignment.forwardSpan(b.start, b.end)).toEqual(f);
        // the whole text maps onto the whole text
        expect(alignment.forwardSpan(0, input.length)).toEqual({ start: 0, end: output.length });
      }),
      { numRuns: 500 },
    );
  });
  it('pins a length change to its phrase', () => {
    const { text: out, alignment } = converters('twp').toHantAligned('我们的算法，软件');
    expect(out).toBe('我們的演算法，軟體');
    const f = alignment.forwardSpan(3, 5);
    expect(out.slice(f.start, f.end)).toBe('演算法');
    const g = alignment.forwardSpan(6, 8);
    expect(out.slice(g.start, g.end)).toBe('軟體');
  });
});
