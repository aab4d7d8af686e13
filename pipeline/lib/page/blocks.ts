/**
 * A parsed page as a reader sees it: its lines (one per block element, as
 * the HTML rule breaks them), each with what it holds — Chinese characters,
 * how many of them are link or button text, sentence punctuation — and every
 * element's weight of document-like text. The body finder works on these
 * measures, never on a site's class names or phrases.
 */
import type { Element, Nodes, Root, Text } from 'hast';
import { countHan } from '../cjk.js';
import { textOf } from './head.js';

/** Elements whose text is never document text (as in rules/html-markup.ts). */
export const NEVER_TEXT = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'math',
  'rt', 'rp', 'nav', 'button', 'select', 'textarea', 'input', 'option', 'menu', 'dialog',
]);

/**
 * An element the page hides from its reader (the `hidden` attribute, an inline `display:none` or
 * `visibility:hidden`): a share dialog's text, a copy of the title for crawlers, a print-only duplicate — never
 * document text a reader sees. (The HTML rule keeps their text: a site's collapsed metadata is still read.)
 */
export function isHidden(node: Element): boolean {
  const p = node.properties ?? {};
  if (p.hidden === true || p.hidden === '') return true;
  const style = typeof p.style === 'string' ? p.style : '';
  return style !== '' && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/iu.test(style);
}

/** Elements that start and end a line. */
export const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'div', 'dl', 'dt',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li', 'main',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

export interface PageLine {
  /** Source span (UTF-16, of the text the parser saw) from the line's first to its last text. */
  start: number;
  end: number;
  text: string;
  han: number;
  /** Chinese characters inside links or script-driven controls (onclick, javascript: links). */
  linkHan: number;
  /** Sentence punctuation: 。，；、！？ */
  punct: number;
  /** Links on the line, and how many of them point to a file (附件: .pdf, .docx …). */
  links: number;
  fileLinks: number;
  /** The innermost block element the line belongs to. */
  block: Element;
  /** Whether its block is a heading element or centred. */
  emphasised: boolean;
}

export interface PageMeasure {
  lines: PageLine[];
  /** Weight of document-like text below each element. */
  weight: Map<Element, number>;
  /** The <body> element (or the root's first element). */
  body: Element | null;
  /** For each element, the index range [first, last] of its lines, when it has any. */
  lineRange: Map<Element, [number, number]>;
  /** Links to files (附件), with the index of their line. */
  files: FileLink[];
  /** Source spans of the elements the page hides (isHidden), in order: no line, no weight; the text keeps them, the document does not. */
  hidden: [number, number][];
}

export interface FileLink {
  line: number;
  text: string;
  href: string;
}

/** A link to a document file rather than a page. */
export const FILE_LINK = /\.(?:pdf|docx?|wps|xlsx?|et|ofd|zip|rar|7z|txt|rtf|pptx?|csv)(?:[?#].*)?$/i;

const SENTENCE_PUNCT = /[。，；、！？]/gu;

function count(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s)) n++;
  return n;
}

function isInteractive(node: Element): boolean {
  const p = node.properties ?? {};
  if (p.onClick !== undefined || p.onclick !== undefined) return true;
  const href = p.href;
  return node.tagName === 'a' && typeof href === 'string' && /^\s*javascript:/i.test(href);
}

function isCentred(node: Element): boolean {
  const p = node.properties ?? {};
  const align = typeof p.align === 'string' ? p.align.toLowerCase() : '';
  const style = typeof p.style === 'string' ? p.style : '';
  return align === 'center' || /text-align\s*:\s*center/i.test(style) || node.tagName === 'center';
}

export function measurePage(tree: Root): PageMeasure {
  const lines: PageLine[] = [];
  const weight = new Map<Element, number>();
  const lineRange = new Map<Element, [number, number]>();
  let body: Element | null = null;
  let current: PageLine | null = null;
  let currentBlock: Element | null = null;
  const textNodes: { node: Text; line: PageLine; linked: boolean }[] = [];
  const files: FileLink[] = [];
  const hidden: [number, number][] = [];

  const open = (block: Element) => {
    current = null;
    currentBlock = block;
  };
  const addText = (node: Text, linked: boolean, emphasised: boolean) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const value = node.value.replace(/[\s\u00a0\u3000]+/gu, ' ');
    if (value.trim() === '') return;
    if (!current) {
      current = { start, end, text: '', han: 0, linkHan: 0, punct: 0, links: 0, fileLinks: 0, block: currentBlock!, emphasised };
      lines.push(current);
    }
    const line: PageLine = current;
    line.end = end;
    line.text += value;
    const han = countHan(value);
    line.han += han;
    if (linked) line.linkHan += han;
    line.punct += count(SENTENCE_PUNCT, value);
    line.emphasised ||= emphasised;
    textNodes.push({ node, line, linked });
  };

  // first pass: lines
  const walk = (node: Nodes, linked: boolean, emphasised: boolean): void => {
    if (node.type === 'text') return addText(node, linked, emphasised);
    if (node.type === 'root') {
      for (const child of node.children) walk(child, linked, emphasised);
      return;
    }
    if (node.type !== 'element' || NEVER_TEXT.has(node.tagName)) return;
    if (isHidden(node)) {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) hidden.push([start, end]);
      return;
    }
    if (node.tagName === 'body') body ??= node;
    const isBlock = BLOCK.has(node.tagName) || node.tagName === 'br';
    const outer = currentBlock;
    const emph = emphasised || /^h[1-6]$/.test(node.tagName) || isCentred(node);
    if (isBlock) open(node);
    const first = lines.length;
    const firstText = textNodes.length;
    for (const child of node.children) walk(child as Nodes, linked || node.tagName === 'a' || isInteractive(node), emph);
    // a link counts on the line of its first text
    const line = node.tagName === 'a' && textNodes.length > firstText ? textNodes[firstText]!.line : null;
    if (line) line.links++;
    const href = node.tagName === 'a' ? node.properties?.href : undefined;
    if (typeof href === 'string' && FILE_LINK.test(href)) {
      if (line) line.fileLinks++;
      // a link made of an icon has its name in its title attribute
      const title = node.properties?.title;
      const text = textOf(node).replace(/\s+/gu, ' ').trim() || (typeof title === 'string' ? title.trim() : '');
      files.push({ line: line ? lines.indexOf(line, first > 0 ? first - 1 : 0) : Math.max(0, lines.length - 1), text, href: href.trim() });
    }
    if (lines.length > first) lineRange.set(node, [first, lines.length - 1]);
    if (isBlock) open(outer ?? node);
  };
  walk(tree, false, false);

  // second pass: weights. Text in a line with sentence punctuation counts whole; in a line without (menus, labels, footers) a quarter.
  const nodeWeight = new Map<Text, number>();
  for (const { node, line, linked } of textNodes) {
    if (linked) continue;
    const factor = line.punct > 0 ? 1 : 0.25;
    nodeWeight.set(node, countHan(node.value) * factor);
  }
  const sum = (node: Nodes): number => {
    if (node.type === 'text') return nodeWeight.get(node) ?? 0;
    if (node.type !== 'element' && node.type !== 'root') return 0;
    if (node.type === 'element' && (NEVER_TEXT.has(node.tagName) || isHidden(node))) return 0;
    let w = 0;
    for (const child of node.children) w += sum(child as Nodes);
    if (node.type === 'element') weight.set(node, w);
    return w;
  };
  sum(tree);
  return { lines, weight, body, lineRange, files, hidden };
}
