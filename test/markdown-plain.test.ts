/**
 * The Markdown rule's plain pieces (rules/markdown-syntax.ts, plainTree): built without the parser, they
 * must be the trees remark-parse (with GFM) gives — on the corpus's regulations and on random texts made of
 * plain lines, headings, blank lines and characters that are syntax somewhere.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { markdownPieces, plainTree } from '../pipeline/rules/markdown-syntax.js';
import { ROOT, SHARED } from './helpers/paths.js';

const parser = unified().use(remarkParse).use(remarkGfm);

/** What the rule reads of a tree: types, depths, values and the text nodes' offsets (moved by `by`). */
interface Shape {
  type: string;
  depth?: number;
  value?: string;
  span?: [number, number];
  children?: Shape[];
}
const shape = (n: Nodes, by = 0): Shape => ({
  type: n.type,
  ...('depth' in n ? { depth: n.depth } : {}),
  ...('value' in n ? { value: n.value, span: [n.position!.start.offset! + by, n.position!.end.offset! + by] as [number, number] } : {}),
  ...('children' in n ? { children: (n.children as Nodes[]).map((c) => shape(c, by)) } : {}),
});

/** Every piece plainTree accepts reads as the parser reads it; how many it accepted. */
function compare(text: string): number {
  let accepted = 0;
  for (const p of markdownPieces(text)) {
    const mine = plainTree(text, p.start, p.end);
    if (!mine) continue;
    accepted++;
    expect(shape(mine), text.slice(p.start, p.end)).toEqual(shape(parser.parse(text.slice(p.start, p.end)), p.start));
  }
  return accepted;
}

describe('plainTree', () => {
  it('reads the regulations of the corpus as remark-parse does, most of their pieces without it', () => {
    const folder = join(SHARED, 'corpus', 'lawrefbook');
    let pieces = 0;
    let accepted = 0;
    for (const f of readdirSync(folder).filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(join(folder, f), 'utf8');
      pieces += markdownPieces(text).length;
      accepted += compare(text);
    }
    expect(accepted).toBeGreaterThan(pieces / 2);
  });

  it('reads random texts as remark-parse does wherever it accepts them', () => {
    const PARTS = ['第一条', '本条例', '数据', 'ABC', 'x1', '2021年', '　', ' ', '  ', '\t', '#', '# ', '## ', '###### ', '####### ', '\n', '\n\n', '\n \n', '1. ', '1）', '-', '- ', '*', '=', '|', '>', '<', '&amp;', '\\', '`', '~', '_', '[a]', 'www.a.cn', 'a@b.cn', '\u0000', '\ufeff', '\u00a0', '𠀀', '，', '。', '：', ',', ';', '%', '+', '+ ', '1.', '1)', '*a*', '_a_', '~~a~~', 'http://a.cn', 'a|b\n-|-', '<!-- INFO END -->', '<!-- a -->', '<!---->', '-->'];
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PARTS), { minLength: 1, maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const mine = plainTree(text, 0, text.length);
        if (!mine) return;
        accepted++;
        expect(shape(mine), JSON.stringify(text)).toEqual(shape(parser.parse(text)));
      }),
      { numRuns: 6000, seed: 20 },
    );
    // plain texts among them, so the comparison ran
    expect(accepted).toBeGreaterThan(50);
  });

  it('reads headings, paragraphs and comment lines as remark-parse does', () => {
    for (const text of ['# 上海市数据条例\n\n2021年11月25日 通过\n\n<!-- INFO END -->\n\n## 第一章  总则\n\n第一条 为了，\n保护+权益；\n<!-- a -->\n第二条 100%\n', '第一条\n# 标题\n第二条', '<!-- x -->\n正文']) {
      expect(compare(text), text).toBe(1);
    }
  });

  it('refuses a piece with any syntax', () => {
    for (const text of ['第一条\n- 项', '标题\n===', '  缩进', '文本  \n下一行', '# 标题 #', '#标题', '见<br>', '第一条\n\n1. 项', '\u0000']) expect(plainTree(text, 0, text.length), text).toBeNull();
    expect(plainTree('## 第一章  总则\n\n第一条 为了\n保护。\n', 0, 25)).not.toBeNull();
  });
});

describe('plainTree scaling', () => {
  it('is linear in its input', () => {
    const unit = '## 第一章  总则\n\n第一条 为了保护自然人、法人和非法人组织与数据有关的权益，规范数据处理活动。\n第二条 本条例中下列用语的含义：\n\n';
    const time = (n: number) => {
      const text = unit.repeat(n);
      const t = performance.now();
      plainTree(text, 0, text.length);
      return performance.now() - t;
    };
    // the best of three runs of each size, after a warm-up at the smaller one: a collection in one run is not the rule's
    // cost. Both sizes past 10 000 units: below that the tree fits the young generation and each unit costs half
    // (1.1–1.3 µs against 2.6 µs from 20 000 units on, measured), which a 10× step from 2 000 counted as growth
    const best = (n: number) => Math.min(time(n), time(n), time(n));
    time(10000);
    expect(best(100000) / Math.max(best(10000), 0.5)).toBeLessThan(30);
  });
});

describe('the Markdown parser, loaded on first use', () => {
  it('is not loaded for a text of plain pieces, and is for one with syntax (fresh processes, the built pipeline)', () => {
    const loaded = (text: string) => {
      const script = `import { createRequire } from 'node:module';
const { processDocument } = await import(${JSON.stringify(join(ROOT, 'dist', 'pipeline', 'pipeline.js'))});
processDocument({ bytes: Buffer.from(${JSON.stringify(text)}), file: 'a.md' });
console.log(Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('remark-parse')));`;
      return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim();
    };
    expect(loaded('# 条例\n\n第一条 为了保护权益。\n')).toBe('false');
    expect(loaded('# 条例\n\n- 第一条 为了保护权益。\n')).toBe('true');
  });
});
