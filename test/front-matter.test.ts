/** The Markdown's front matter (lib/front-matter.ts): byte for byte what the yaml package writes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { frontMatter, type YamlValue } from '../pipeline/lib/front-matter.js';

// pieces of strings: ordinary ones, and every kind of character or shape that makes yaml quote or fold
const PIECES = ['国务院办公厅', '关于印发“无废城市”的通知', '国办发〔2018〕128号', '2018-12-29', 'zh-Hans', '/work/a b/文件.html', 'ab12', '1c46', '-', '?', ':', ': ', ' #', '#', ' ', '\t', '\n', '\u0007', '\ud800', '---', '...', '%', '@', '`', '"', "'", '[', '{', ',', '&', '*', '!', '|', '>', 'null', 'true', 'False', '~', '12', '1.5', '1e5', '.inf', '0x1f', '0o17', '+3', '', '　', '《》', '、'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((p) => p.join(''));
const leaf: fc.Arbitrary<YamlValue> = fc.oneof(text, fc.constant(null), fc.boolean());
const key = fc.oneof(fc.constantFrom('title', 'documentNumber', 'issuer', 'date', 'source', 'file', 'href'), fc.constantFrom('a b', '1', 'x:', ''));
const value: fc.Arbitrary<YamlValue> = fc.letrec<{ v: YamlValue }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(fc.oneof(leaf, fc.dictionary(key, leaf, { maxKeys: 3 })), { maxLength: 3 }),
    fc.dictionary(key, tie('v'), { maxKeys: 3 }),
  ),
})).v;

describe('frontMatter', () => {
  it('writes what yaml writes, for random fields of ordinary and awkward strings, lists, maps, nulls and booleans', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 8 }), (front) => {
        expect(frontMatter(front)).toBe(stringify(front, { lineWidth: 0 }));
      }),
      { numRuns: 3000, seed: 14 },
    );
  });

  it('writes what yaml writes when nearly every string is plain (the direct path: keys are words, strings mostly ordinary)', () => {
    const ordinary = fc.array(fc.constantFrom('国务院办公厅', '〔2018〕', '128号', '2018-12-29', 'zh-Hant', 'a/b.html', 'x', '、', '“无废城市”', '#', '-', ':', ' '), { minLength: 1, maxLength: 4 }).map((p) => p.join(''));
    const word = fc.constantFrom('title', 'issuer', 'date', 'source', 'file', 'href', 'text', 'addressees');
    const small: fc.Arbitrary<YamlValue> = fc.oneof(ordinary, fc.constant(null), fc.boolean());
    const nested: fc.Arbitrary<YamlValue> = fc.oneof(small, fc.array(fc.oneof(small, fc.dictionary(word, small, { minKeys: 1, maxKeys: 3 })), { maxLength: 3 }), fc.dictionary(word, small, { maxKeys: 3 }));
    let direct = 0;
    fc.assert(
      fc.property(fc.dictionary(word, nested, { minKeys: 1, maxKeys: 8 }), (front) => {
        const expected = stringify(front, { lineWidth: 0 });
        expect(frontMatter(front)).toBe(expected);
        if (!expected.includes('"') && !expected.includes("'")) direct++;
      }),
      { numRuns: 2000, seed: 15 },
    );
    expect(direct).toBeGreaterThan(500);
  });

  it('writes a document’s usual front matter itself (no fallback needed), as yaml does', () => {
    const front = {
      title: '国务院办公厅关于印发“无废城市”建设试点工作方案的通知',
      documentNumber: '国办发〔2018〕128号',
      issuer: '国务院办公厅',
      date: '2018-12-29',
      kind: null,
      addressees: ['各省、自治区、直辖市人民政府', '国务院各部委、各直属机构'],
      isDocument: false,
      attachmentLinks: [{ text: '附件1.docx', href: 'https://www.gov.cn/a/b.docx' }],
      script: 'zh-Hans',
      source: { file: '/work/shared/corpus/govcn/govcn-07.html', sha256: '1c461472502638edbefab7f1daaa42766d3a2d858a23fe99da08886bca21c213', encoding: 'utf-8', script: 'zh-Hans' },
    };
    expect(frontMatter(front)).toBe(stringify(front, { lineWidth: 0 }));
    expect(frontMatter(front)).toContain('attachmentLinks:\n  - text: 附件1.docx\n    href: https://www.gov.cn/a/b.docx\n');
  });
});
