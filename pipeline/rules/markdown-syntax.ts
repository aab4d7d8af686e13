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
import type { Nodes, Parents, Root, RootContent } from 'mdast';
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
    // the parsers are loaded and made for the first piece that is not plain (a text of plain pieces needs none)
    let parsers: ReturnType<typeof makeParsers> | undefined;
    const trees = markdownPieces(text).map((piece, k): Root => {
      // a piece of plain lines needs no parser (its tree has the text's positions already)
      const plain = plainTree(text, piece.start, piece.end);
      if (plain) return plain;
      parsers ??= makeParsers();
      const tree = (k === 0 ? parsers.head : parsers.parser).parse(text.slice(piece.start, piece.end));
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

/** remark-parse with GFM, and the same with YAML front matter for a text's first piece (a later piece's --- line is a thematic break). */
function makeParsers() {
  const { default: remarkParse } = markdownParser();
  const { default: remarkGfm } = gfm();
  return { parser: unified().use(remarkParse).use(remarkGfm), head: unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm) };
}

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

/**
 * A character no syntax of CommonMark or GFM starts from or turns on: not ASCII punctuation (every construct
 * — markers, emphasis, escapes, entities, HTML, links, tables, autolinks, setext and thematic lines — needs
 * one; INNER's few are text after a line's first character), not a space or tab (indentation, hard breaks,
 * trimming), not a control character (NUL becomes U+FFFD).
 */
const PLAIN = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) PLAIN[c] = c > 0x20 && c < 0x7f && !/[!-/:-@[-`{-~]/.test(String.fromCharCode(c)) ? 1 : 0;
// (and not U+FEFF, which the parser drops at a text's start)
const isPlain = (c: number) => (c < 0x80 ? PLAIN[c] === 1 : c !== 0xfeff);
/** ASCII punctuation that is syntax only at a line's start (+ a bullet) or inside constructs that need other marks: text after it. */
const INNER = new Set([',', ';', '%', '+'].map((ch) => ch.charCodeAt(0)));

/** A line that is an HTML comment alone, of plain words (lawrefbook's <!-- INFO END -->). */
const COMMENT_LINE = /^<!-- [^-<>\n]* -->$/;

/** Where a plain line's content starts: 0, or after `#`s and spaces for an ATX heading (`## 第一章  总则`); -1 when the line is not plain. */
function plainLine(text: string, start: number, end: number): { depth: number; from: number } | null {
  let at = start;
  let depth = 0;
  while (at < end && depth < 7 && text.charCodeAt(at) === 0x23) (at++, depth++);
  if (depth > 6) return null;
  if (depth > 0) {
    // `#`s, at least one space, the heading's text (no closing `#`s: they are punctuation)
    if (at >= end || text.charCodeAt(at) !== 0x20) return null;
    while (at < end && text.charCodeAt(at) === 0x20) at++;
    if (at === end) return null;
  }
  // inner spaces are text; none at either end (a heading's text is trimmed, a paragraph's lines are)
  if (text.charCodeAt(end - 1) === 0x20) return null;
  for (let i = at; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isPlain(c) && !(i > at && (c === 0x20 || INNER.has(c)))) return null;
  }
  return { depth, from: at };
}

/**
 * The tree remark-parse gives a piece made only of plain lines (paragraphs of lines without any Markdown
 * syntax character, ATX headings of such text, HTML comments alone on their line) and empty lines, built without the parser (micromark takes
 * ≈ 0.8 ms a kilobyte; a regulation is mostly such pieces): a paragraph per run of lines, one text node each
 * holding the lines as written, a heading's text node after its `#`s. Positions are the text's (not the
 * piece's). Null for any other piece (test: the same trees as the parser on plain and near-plain texts).
 */
export function plainTree(text: string, start: number, end: number): Root | null {
  const children: RootContent[] = [];
  let paragraph: { start: number; end: number } | null = null;
  const at = (offset: number) => ({ line: 0, column: 0, offset });
  const close = () => {
    if (!paragraph) return;
    const position = { start: at(paragraph.start), end: at(paragraph.end) };
    children.push({ type: 'paragraph', children: [{ type: 'text', value: text.slice(paragraph.start, paragraph.end), position }], position });
    paragraph = null;
  };
  for (let lineStart = start; lineStart < end; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    if (lineEnd === lineStart) close();
    else {
      const line = plainLine(text, lineStart, lineEnd);
      if (!line) {
        // an HTML comment on a line of its own (<!-- INFO END -->): a block of its own, no text
        const comment = text.slice(lineStart, lineEnd);
        if (!COMMENT_LINE.test(comment)) return null;
        close();
        children.push({ type: 'html', value: comment, position: { start: at(lineStart), end: at(lineEnd) } });
      } else if (line.depth > 0) {
        close();
        const position = { start: at(line.from), end: at(lineEnd) };
        children.push({ type: 'heading', depth: line.depth as 1 | 2 | 3 | 4 | 5 | 6, children: [{ type: 'text', value: text.slice(line.from, lineEnd), position }], position: { start: at(lineStart), end: at(lineEnd) } });
      } else if (paragraph) paragraph.end = lineEnd;
      else paragraph = { start: lineStart, end: lineEnd };
    }
    lineStart = lineEnd + 1;
  }
  close();
  return { type: 'root', children };
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
