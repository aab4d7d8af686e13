/**
 * to-markdown's own handlers (stages/to-markdown.ts, HANDLERS): a paragraph or heading whose text needs no
 * escape is written without remark-stringify's phrasing machinery. The Markdown must be remark-stringify's
 * own with only the text handler — on random paragraphs and headings of plain and Markdown-significant parts.
 */
import fc from 'fast-check';
import type { Root, RootContent } from 'mdast';
import { defaultHandlers } from 'mdast-util-to-markdown';
import remarkFrontmatter from 'remark-frontmatter';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { processDocument } from '../pipeline/pipeline.js';
import { HANDLERS, markdownTree, plainMarkdown, remarkMarkdown } from '../pipeline/stages/to-markdown.js';
import { SAMPLE, SHARED } from './helpers/paths.js';

const write = (root: Root, handlers: object) => unified().use(remarkFrontmatter, ['yaml']).use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', handlers }).stringify(root);

describe('to-markdown handlers', () => {
  it('write what remark-stringify writes', () => {
    const PARTS = ['第一条', '国务院', '关于', '，', '。', '（一）', '1.', '1)', ' ', '\t', '\n', '#', '*', '_', '[', ']', '(', ')', '<', '&', '\\', '`', '~', '-', '+', '|', '!', '=', '>', '　', '𠀀', 'ABC', '2024'];
    // up to the length named (fast-check's default size stops near ten parts: an ideographic space at an article number's edge was never made)
    const value = fc.array(fc.constantFrom(...PARTS), { maxLength: 12, size: 'max' }).map((xs) => xs.join(''));
    const node: fc.Arbitrary<RootContent> = fc.oneof(
      value.map((v) => ({ type: 'paragraph', children: [{ type: 'text', value: v }] }) as RootContent),
      fc.tuple(fc.integer({ min: 1, max: 6 }), value).map(([depth, v]) => ({ type: 'heading', depth, children: [{ type: 'text', value: v }] }) as RootContent),
      fc.tuple(value, value).map(([m, v]) => ({ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: m }] }, { type: 'text', value: ` ${v}` }] }) as RootContent),
    );
    let plain = 0;
    let articles = 0;
    let direct = 0;
    fc.assert(
      fc.property(fc.array(node, { minLength: 1, maxLength: 8 }), (children) => {
        const root: Root = { type: 'root', children: [{ type: 'yaml', value: 'title: x' }, ...children] };
        // runs where a node takes the short way: one text of no ASCII mark or space
        const inert = (v: string) => /^[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]*$/.test(v);
        if (children.some((c) => 'children' in c && c.children.length === 1 && inert((c.children[0] as { value: string }).value))) plain++;
        // and an article's bold number and text
        if (children.some((c) => c.type === 'paragraph' && c.children[0]!.type === 'strong' && inert((c.children[0]!.children[0] as { value: string }).value) && inert((c.children[1] as { value: string }).value.slice(1)))) articles++;
        expect(write(root, HANDLERS)).toBe(write(root, { text: HANDLERS.text }));
        // the tree written without remark, where every block allows it, is the same Markdown
        const plainWay = plainMarkdown(root);
        if (plainWay !== null) {
          direct++;
          expect(plainWay).toBe(write(root, { text: HANDLERS.text }));
        }
      }),
      { numRuns: 4000, seed: 20 },
    );
    expect(plain).toBeGreaterThan(100);
    expect(articles).toBeGreaterThan(50);
    expect(direct).toBeGreaterThan(50);
    // and the text handler alone is remark's own wherever a text needs no escape
    const inert: Root = { type: 'root', children: [{ type: 'heading', depth: 2, children: [{ type: 'text', value: '一、总体要求' }] }, { type: 'paragraph', children: [{ type: 'text', value: '加快发展。' }] }] };
    expect(write(inert, HANDLERS)).toBe(write(inert, { text: defaultHandlers.text }));
    expect(write(inert, HANDLERS)).toBe('## 一、总体要求\n\n加快发展。\n');
    // an article number with white space at its edge: a bold run cannot open or close beside it, remark writes a character reference
    const spaced: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: '　第一条' }] }, { type: 'text', value: ' 总则' }] }] };
    expect(write(spaced, HANDLERS)).toBe('**&#x3000;第一条** 总则\n');
    expect(plainMarkdown(spaced)).toBe('**&#x3000;第一条** 总则\n');
    // a root with any other block is left to remark whole (a list's bullet depends on the lists before it)
    const list: Root = { type: 'root', children: [{ type: 'list', children: [{ type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'a' }] }] }] }] };
    expect(plainMarkdown(list)).toBeNull();
  });

  it('write the corpus documents’ Markdown as remark-stringify does, block by block without it', () => {
    const files = [SAMPLE, ...['govcn', 'lawrefbook', 'pages', 'traditional'].flatMap((d) => readdirSync(join(SHARED, 'corpus', d)).filter((f) => /\.(?:html|md|txt)$/.test(f)).map((f) => join(SHARED, 'corpus', d, f)))];
    let direct = 0;
    for (const file of files) {
      const result = processDocument({ bytes: readFileSync(file), file });
      if (!result.document) continue;
      for (const script of ['zh-Hans', 'zh-Hant'] as const) {
        const tree = markdownTree(result.document, script);
        const plainWay = plainMarkdown(tree);
        if (plainWay === null) continue;
        direct++;
        expect(plainWay, `${file} ${script}`).toBe(remarkMarkdown(tree));
      }
    }
    // every one: the Markdown of a document is front matter, headings and paragraphs (a root with another block goes to remark whole)
    expect(direct).toBe(2 * files.length);
  });
});
