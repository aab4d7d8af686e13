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
import { parse as parseYaml } from 'yaml';
import { unified } from 'unified';
import type { Nodes, Parents, RootContent } from 'mdast';
import { lazy } from '../lib/lazy.js';
import { keepCells, keepOnly, type Kept } from './kept-text.js';
import { MAX_MARKDOWN_DEPTH, markdownDepth, tooDeep } from '../lib/nesting.js';
import type { CleanRule } from './types.js';

/** The Markdown parser and its GitHub extensions, loaded for the first Markdown input (lib/lazy.ts). */
const markdownParser = lazy<typeof import('remark-parse')>('remark-parse');
const gfm = lazy<typeof import('remark-gfm')>('remark-gfm');

const BLOCKS = new Set(['heading', 'paragraph', 'code', 'html']);

export const markdownSyntax: CleanRule = {
  name: 'markdown-syntax',
  run(text, context) {
    // the parsers recurse once per level: bounded here, the result cannot depend on the thread's stack
    const nesting = markdownDepth(text);
    if (nesting.depth > MAX_MARKDOWN_DEPTH) {
      context.diagnostics.push(
        tooDeep(
          text,
          nesting,
          context.placeOf,
          `Unexpected Markdown nested more than ${MAX_MARKDOWN_DEPTH} levels deep (blockquotes and list items), expected at most ${MAX_MARKDOWN_DEPTH}: read as plain text, its markup kept`,
        ),
      );
      return [];
    }
    const { default: remarkParse } = markdownParser();
    const { default: remarkGfm } = gfm();
    const parser = unified().use(remarkParse).use(remarkGfm);
    // YAML front matter only at the start of the text (a later piece's --- line is a thematic break)
    const head = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
    const trees = markdownPieces(text).map((piece, k) => {
      const tree = (k === 0 ? head : parser).parse(text.slice(piece.start, piece.end));
      if (piece.start > 0) shiftPositions(tree, piece.start);
      return tree;
    });
    const top = trees[0]?.children[0];
    const front = top?.type === 'yaml' ? frontMatter(top.value) : [];
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
    for (const tree of trees) visit(tree);

    return keepOnly(text, kept);
  },
};

/** Characters above which a Markdown input is parsed in pieces. */
export const MARKDOWN_PIECE = 2048;
/** A link reference or footnote definition: it may be used anywhere in the document, so such a document is parsed whole. */
const DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;
const LIST_ITEM = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HTML_BLOCK = /^ {0,3}<(!--|script|pre|style|textarea)(?=[\s>]|$)/i;

/**
 * Where a Markdown text may be parsed in pieces: remark's parser (micromark's edit map) takes time quadratic in
 * the blocks of one parse when they are containers — 16 k characters of `> 文本` blocks took 2.5 s, 64 k took 37 s.
 * A piece of at least MARKDOWN_PIECE characters ends before a line that starts a new top-level block whatever came
 * before it: after a blank line, at column 0, not a list item (it would split a loose list), outside a fenced
 * code block and an HTML block that runs over blank lines. A text with a reference or footnote definition is
 * parsed whole.
 */
export function markdownPieces(text: string): { start: number; end: number }[] {
  if (text.length <= MARKDOWN_PIECE || DEFINITION.test(text)) return [{ start: 0, end: text.length }];
  const out: { start: number; end: number }[] = [];
  let pieceStart = 0;
  let fence: string | null = null;
  let htmlEnd: string | null = null;
  let previousBlank = false;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    if (fence !== null) {
      const close = FENCE.exec(line);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length && line.trim() === close[0].trim()) fence = null;
    } else if (htmlEnd !== null) {
      if (line.toLowerCase().includes(htmlEnd)) htmlEnd = null;
    } else {
      if (previousBlank && start - pieceStart >= MARKDOWN_PIECE && /^\S/.test(line) && !LIST_ITEM.test(line)) {
        out.push({ start: pieceStart, end: start });
        pieceStart = start;
      }
      const open = FENCE.exec(line);
      const html = HTML_BLOCK.exec(line);
      if (open) fence = open[1]!;
      else if (html) {
        const close = html[1] === '!--' ? '-->' : `</${html[1]!.toLowerCase()}>`;
        if (!line.slice(html[0].length).toLowerCase().includes(close)) htmlEnd = close;
      }
    }
    previousBlank = line.trim() === '';
    start = end + 1;
  }
  out.push({ start: pieceStart, end: text.length });
  return out;
}

/** Moves every position of a tree parsed from a piece by the piece's offset in the text. */
function shiftPositions(node: Nodes, by: number): void {
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.position) {
      if (n.position.start.offset !== undefined) n.position.start.offset += by;
      if (n.position.end.offset !== undefined) n.position.end.offset += by;
    }
    if ('children' in n) for (const child of (n as Parents).children) stack.push(child as Nodes);
  }
}

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
