/**
 * Web whitespace: indentation (spaces, &nbsp;, U+3000), trailing blanks,
 * spaces a typesetter put between Chinese characters, and runs of blank
 * lines. Spaces between Latin words or numbers stay.
 */
import { isCjkContext } from '../lib/cjk.js';
import { replaceAll, type CleanRule } from './types.js';

const BLANK = '[ \\t\\u00a0\\u3000\\u2002\\u2003\\u200b\\ufeff]';

const LINE_END = /[\n\r\u2028\u2029]/;

/**
 * Leading and trailing blanks of every line. Each run of blanks is matched once and kept unless a line starts
 * or ends at it: a `${BLANK}+$` pattern with the m flag rescanned a run from each of its characters (quadratic:
 * 50 s for a line of 100 k spaces).
 */
export const lineEdges: CleanRule = {
  name: 'whitespace',
  run: (text) =>
    replaceAll(text, new RegExp(`${BLANK}+`, 'g'), (m) => {
      const end = m.index + m[0].length;
      const startsLine = m.index === 0 || LINE_END.test(text[m.index - 1]!);
      const endsLine = end === text.length || LINE_END.test(text[end]!);
      return startsLine || endsLine ? '' : null;
    }),
};

/** Blanks between Chinese characters or around + between them (元宇宙 + 示范 → 元宇宙+示范). */
export const innerBlanks: CleanRule = {
  name: 'whitespace',
  run: (text) =>
    replaceAll(text, new RegExp(`${BLANK}+`, 'g'), (m) => {
      const before = text[m.index - 1];
      const after = text[m.index + m[0].length];
      const joins = (ch: string | undefined) => isCjkContext(ch) || ch === '+';
      if (!joins(before) || !joins(after)) return null;
      return isCjkContext(before) || isCjkContext(after) ? '' : null;
    }),
};

/** Two or more blank lines become one; blank lines at the start and end go. */
export const blankLines: CleanRule = {
  name: 'whitespace',
  run: (text) =>
    replaceAll(text, /^\n+|\n{3,}|\n+$/g, (m) => (m.index === 0 || m.index + m[0].length === text.length ? '' : '\n\n')),
};
