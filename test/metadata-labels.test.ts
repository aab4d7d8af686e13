/** The labels of sites' metadata blocks (lib/page/metadata-labels.ts). */
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { protectedLexicon } from '../pipeline/lib/lexicon.js';
import { fieldOfLabel } from '../pipeline/lib/page/metadata-labels.js';

describe('fieldOfLabel', () => {
  it('reads a label in either script, after an owner word, or a meta tag name', () => {
    expect(fieldOfLabel('發文字號')).toBe('documentNumber');
    expect(fieldOfLabel('发 文 字 号')).toBe('documentNumber');
    expect(fieldOfLabel('文件有效性')).toBe('status');
    expect(fieldOfLabel('ArticleTitle')).toBe('title');
    expect(fieldOfLabel('关于印发成都市进一步推动未来产业发展的若干政策措施的通知')).toBeNull();
  });

  it('reads a label spread by many spaces, however long its line, and passes over a line that is long without them', () => {
    const spread = `文 ${' '.repeat(30)}件 有\u3000效\t性${' '.repeat(30)}`;
    expect(spread.length).toBeGreaterThan(60);
    expect(fieldOfLabel(spread)).toBe('status');
    expect(fieldOfLabel(`${'　'.repeat(40)}og:title`)).toBeNull(); // a meta tag's name counts only as the whole text
    expect(fieldOfLabel('OG:TITLE')).toBe('title');
    expect(fieldOfLabel('发布日期'.repeat(20))).toBeNull();
  });

  it('may pass over a text longer than twice the longest label: the conversion never halves a text', () => {
    // every mapping of the Traditional → Simplified chain (and of the protected names) keeps at least half the length
    type Entries = string | [string, string][];
    const config = (OpenCC.Locale as unknown as { configs: Record<string, { normalizationChain?: Entries[][]; conversionChain: Entries[][] }> }).configs.t2s!;
    const pairs: [string, string][] = protectedLexicon().map((e) => [e.hant, e.hans]);
    for (const group of [...(config.normalizationChain ?? []), ...config.conversionChain])
      for (const dict of group) pairs.push(...(typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ') as [string, string]) : dict));
    expect(pairs.length).toBeGreaterThan(4000);
    expect(pairs.filter(([from, to]) => from && to && 2 * to.length < from.length)).toEqual([]);
  });
});
