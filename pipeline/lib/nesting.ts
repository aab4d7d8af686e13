/**
 * How deeply a Markdown or HTML input nests, read in one pass before any
 * parser sees it. remark-parse, remark-gfm and hast-util-from-parse5 recurse
 * once per level: 3 k nested blockquotes took 2.1 GB and minutes, and 10 k
 * overflowed the stack of the main thread but not of a worker thread (whose
 * stack is larger), so the result depended on --jobs. Above the limits below
 * the parsers are not run at all (rules/markdown-syntax.ts, rules/html-markup.ts),
 * whatever the thread: the same input gives the same result.
 */

import { diagnostic, type Diagnostic } from './diagnostics.js';

/** Container levels (blockquotes, list items) a Markdown input may nest; a policy document nests two or three. */
export const MAX_MARKDOWN_DEPTH = 32;
/** Nested HTML elements that must be closed (div, span, table, ul, font …) a page may nest; pages nest a few dozen. */
export const MAX_HTML_DEPTH = 100;

export interface Depth {
  depth: number;
  /** UTF-16 offset of the line or tag where the depth was first reached. */
  at: number;
}

/** The clean:too-deep warning, placed on the line where the depth was passed (`placeOf` maps the rule's text to the raw input). */
export function tooDeep(text: string, nesting: Depth, placeOf: (index: number) => number, message: string): Diagnostic {
  const end = text.indexOf('\n', nesting.at);
  return diagnostic('clean:too-deep', message, { space: 'raw', start: placeOf(nesting.at), end: placeOf(end < 0 ? text.length : end) });
}

/**
 * The deepest nesting of Markdown containers, an upper bound: per line, the
 * blockquote and list markers at its start (`> > - 1. text`) plus half its
 * indentation (a nested list item is indented by at least two columns per
 * level). Stops counting once the limit is passed.
 */
export function markdownDepth(text: string, limit = MAX_MARKDOWN_DEPTH): Depth {
  let best: Depth = { depth: 0, at: 0 };
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let i = start;
    let columns = 0;
    let markers = 0;
    let indent = 0;
    for (;;) {
      // up to the next marker: spaces and tabs
      while (i < end && (text[i] === ' ' || text[i] === '\t')) {
        columns += text[i] === '\t' ? 4 : 1;
        i++;
      }
      if (markers === 0) indent = columns;
      const ch = text[i];
      if (ch === '>') {
        markers++;
        i++;
      } else if ((ch === '-' || ch === '*' || ch === '+') && (i + 1 === end || text[i + 1] === ' ' || text[i + 1] === '\t')) {
        markers++;
        i++;
      } else if (ch !== undefined && ch >= '0' && ch <= '9') {
        let j = i;
        while (j < end && j - i < 9 && text[j]! >= '0' && text[j]! <= '9') j++;
        if ((text[j] === '.' || text[j] === ')') && (j + 1 === end || text[j + 1] === ' ' || text[j + 1] === '\t')) {
          markers++;
          i = j + 1;
        } else break;
      } else break;
      if (markers > limit) break;
    }
    const depth = markers > 0 ? markers + Math.floor(indent / 2) : 0;
    if (depth > best.depth) best = { depth, at: start };
    if (best.depth > limit) return best;
    start = end + 1;
  }
  return best;
}

/** Elements that never have content. */
const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose end tag may be left out (a new one closes the last): not counted. */
const OPTIONAL_END = new Set(['html', 'head', 'body', 'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'option', 'optgroup', 'rb', 'rt', 'rtc', 'rp']);
/** Elements whose content is text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*?(\/?)>|<!--|<[!?]/g;

/**
 * The deepest nesting of HTML elements that must be closed (a lower bound of
 * the parsed tree's depth, which adds at most a few levels per counted one: a
 * table's tbody, tr and td). An end tag closes the last open element of its
 * name and everything opened after it; a self-closed tag (`<path/>`) opens
 * nothing. Stops counting once the limit is passed.
 */
export function htmlDepth(text: string, limit = MAX_HTML_DEPTH): Depth {
  const stack: string[] = [];
  const open = new Map<string, number>();
  let best: Depth = { depth: 0, at: 0 };
  let lower: string | undefined;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    if (m[0] === '<!--') {
      const close = text.indexOf('-->', m.index + 4);
      TAG.lastIndex = close < 0 ? text.length : close + 3;
      continue;
    }
    if (m[2] === undefined) {
      const close = text.indexOf('>', m.index);
      TAG.lastIndex = close < 0 ? text.length : close + 1;
      continue;
    }
    const name = m[2].toLowerCase();
    if (m[1]) {
      if ((open.get(name) ?? 0) === 0) continue;
      for (;;) {
        const top = stack.pop()!;
        open.set(top, open.get(top)! - 1);
        if (top === name) break;
      }
      continue;
    }
    if (RAW_TEXT.has(name)) {
      lower ??= text.toLowerCase();
      const close = lower.indexOf(`</${name}`, TAG.lastIndex);
      TAG.lastIndex = close < 0 ? text.length : close;
      continue;
    }
    if (VOID.has(name) || OPTIONAL_END.has(name) || m[3]) continue;
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
    if (stack.length > best.depth) best = { depth: stack.length, at: m.index };
    if (best.depth > limit) return best;
  }
  return best;
}
