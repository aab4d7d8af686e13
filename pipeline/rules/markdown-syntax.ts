/**
 * Markdown input: keep the text of every block, drop the syntax around it.
 * remark-parse (with remark-gfm, so GitHub tables, strikethrough and
 * footnotes are syntax too) gives each text node its source position;
 * everything between text nodes is markup (#, **, list bullets, table pipes
 * and delimiter rows, HTML comments) and goes, with a line break between
 * blocks. Escapes and entities become the characters they stand for. A table
 * row is one line with its cells separated by ` | `, as an HTML data row is,
 * so a task table keeps each task with its 责任单位.
 *
 * YAML front matter (remark-frontmatter) is no text: its fields that name the
 * document (title, documentNumber, issuer, date — the keys gongwen's own
 * Markdown writes — or 标题, 发文字号, 发文机关, 成文日期) are read as the
 * document's metadata (`pageMetadata`), so what the text lacks comes from
 * there, as from a page's metadata block: gongwen's Markdown fed back keeps
 * its 发文字号.
 */
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { parse as parseYaml } from 'yaml';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Nodes, Parents, RootContent } from 'mdast';
import { keepCells, keepOnly, type Kept } from './kept-text.js';
import { diagnostic } from '../lib/diagnostics.js';
import { MAX_MARKDOWN_DEPTH, markdownDepth } from '../lib/nesting.js';
import type { CleanRule } from './types.js';

const BLOCKS = new Set(['heading', 'paragraph', 'code', 'html']);

export const markdownSyntax: CleanRule = {
  name: 'markdown-syntax',
  run(text, context) {
    // the parsers recurse once per level: bounded here, the result cannot depend on the thread's stack
    const nesting = markdownDepth(text);
    if (nesting.depth > MAX_MARKDOWN_DEPTH) {
      const end = text.indexOf('\n', nesting.at);
      context.diagnostics.push(
        diagnostic(
          'clean:too-deep',
          `Unexpected Markdown nested more than ${MAX_MARKDOWN_DEPTH} levels deep (blockquotes and list items), expected at most ${MAX_MARKDOWN_DEPTH}: read as plain text, its markup kept`,
          { space: 'raw', start: context.placeOf(nesting.at), end: context.placeOf(end < 0 ? text.length : end) },
        ),
      );
      return [];
    }
    const tree = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).parse(text);
    const front = tree.children[0]?.type === 'yaml' ? frontMatter(tree.children[0].value) : [];
    if (front.length > 0) context.pageMetadata = front;
    const kept: Kept[] = [];
    let block = 0;
    /** Inside a table row every cell stays on the row's line: a <br> or hard break there is a space. */
    const visit = (node: Nodes, inRow = false): void => {
      if (inRow && (node.type === 'html' || node.type === 'break')) {
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        if (start !== undefined && end !== undefined && (node.type === 'break' || /^<br\s*\/?>$/i.test(node.value))) kept.push({ start, end, value: ' ', block });
        return;
      }
      if (BLOCKS.has(node.type)) block++;
      // where the heading's text starts: the clean line will start there once the #s are gone
      const first = node.type === 'heading' ? node.children[0]?.position?.start.offset : undefined;
      if (node.type === 'heading' && first !== undefined) context.markdownHeadings.push({ depth: node.depth, raw: context.originOf(first) });
      if (node.type === 'list' && node.ordered) {
        // an ordered item's number is the document's numbering (1. 2. 3.): keep it as text
        node.children.forEach((item, k) => {
          const start = item.position?.start.offset;
          if (start === undefined) return;
          const marker = /^\s*(\d{1,9})([.)])/.exec(text.slice(start, start + 12));
          // on the line of the item's first paragraph (the next block)
          if (marker) kept.push({ start, end: start + marker[0].length, value: `${(node.start ?? 1) + k}.`, block: block + 1 });
          for (const child of item.children) visit(child);
        });
        return;
      }
      if (node.type === 'tableRow') {
        // a row is one line: 序号 | 重点任务 | 责任单位
        block++;
        keepCells(kept, block, node.children, (cell) => {
          for (const child of cell.children) visit(child, true);
        });
        block++;
        return;
      }
      if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') {
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        if (start !== undefined && end !== undefined) kept.push({ start, end, value: node.value, block });
        return;
      }
      if (node.type === 'break') {
        const start = node.position?.start.offset;
        if (start !== undefined) kept.push({ start, end: start, value: '\n', block });
        return;
      }
      if ('children' in node) for (const child of (node as Parents).children as RootContent[]) visit(child, inRow);
    };
    visit(tree);

    return keepOnly(text, kept);
  },
};

/** The labels front-matter keys stand for (lib/page/metadata-labels.ts reads them by field). */
const FRONT_MATTER_LABELS: Record<string, string> = { title: '标题', documentNumber: '发文字号', issuer: '发文机关', date: '成文日期' };

/** The document's fields in a YAML front matter, as metadata pairs; none when it is not YAML or names none. */
function frontMatter(yaml: string): [string, string][] {
  let data: unknown;
  try {
    data = parseYaml(yaml, { maxAliasCount: 0 });
  } catch {
    return [];
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return [];
  const pairs: [string, string][] = [];
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const label = FRONT_MATTER_LABELS[key] ?? (Object.values(FRONT_MATTER_LABELS).includes(key) ? key : null);
    if (!label) continue;
    // YAML reads an unquoted 2024-01-03 as a string here (the core schema has no timestamps)
    if (typeof value === 'string' && value.trim() !== '') pairs.push([label, value.trim()]);
  }
  return pairs;
}
