/**
 * GB/T 15834 punctuation: ASCII marks in Chinese context become full-width.
 * Each mark has its own small rule; none fires inside numbers (1,000  10:30),
 * Latin words, URLs or between digits, and none uses a blanket NFKC.
 */
import { isCjkContext, isHan } from '../lib/cjk.js';
import { replaceAll, type CleanRule } from './types.js';

const DIGIT = /[0-9]/;

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && DIGIT.test(ch);
}

/** `,` → `，` beside Chinese, but not between digits (1,000). */
export const comma: CleanRule = {
  name: 'punctuation',
  run: (text) =>
    replaceAll(text, /,/g, (m) => {
      const before = text[m.index - 1];
      const after = text[m.index + 1];
      if (isDigit(before) && isDigit(after)) return null;
      return isCjkContext(before) || isCjkContext(after) ? '，' : null;
    }),
};

/** `;` → `；` beside Chinese. */
export const semicolon: CleanRule = {
  name: 'punctuation',
  run: (text) => replaceAll(text, /;/g, (m) => (isCjkContext(text[m.index - 1]) || isCjkContext(text[m.index + 1]) ? '；' : null)),
};

/** `:` → `：` after Chinese (not 10:30, not http:). */
export const colon: CleanRule = {
  name: 'punctuation',
  run: (text) =>
    replaceAll(text, /:/g, (m) => {
      const before = text[m.index - 1];
      if (isDigit(before) && isDigit(text[m.index + 1])) return null;
      return isCjkContext(before) ? '：' : null;
    }),
};

/** What follows a bracket inside a Taiwan document number: 臺教高(二)字第1130028765號 — kept as the number is written. */
const IN_DOCUMENT_NUMBER = /^\p{Script=Han}{0,3}字第/u;

/**
 * `(`…`)` → `（`…`）` when the brackets hold Chinese: 各区(市)县 → 各区（市）县; (Cyber Security) stays, and so does
 * a bracket inside a 字號 (`臺教高(二)字第…號`: a number is cited as written).
 */
export const parentheses: CleanRule = {
  name: 'punctuation',
  run(text) {
    const out: ReturnType<CleanRule['run']> = [];
    const pattern = /\(([^()\n]{1,80})\)/g;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (!/\p{Script=Han}/u.test(m[1]!)) continue;
      const after = m.index + m[0].length;
      if (IN_DOCUMENT_NUMBER.test(text.slice(after, after + 5))) continue;
      out.push({ start: m.index, end: m.index + 1, text: '（' });
      out.push({ start: m.index + m[0].length - 1, end: m.index + m[0].length, text: '）' });
    }
    return out;
  },
};

/** `!` → `！` and a sentence-final `?` → `？` after Chinese. A `?` inside a run is left: it marks corrupted bytes. */
export const sentenceMarks: CleanRule = {
  name: 'punctuation',
  run: (text) =>
    replaceAll(text, /[!?](?=$|\n|[”’）」』])/gm, (m) => (isHan(text[m.index - 1]) ? (m[0] === '!' ? '！' : '？') : null)),
};

/** Full-width digits and Latin letters fold to ASCII (ＡＩ → AI, ２０２４ → 2024). Punctuation is not folded. */
export const fullWidthAlphanumerics: CleanRule = {
  name: 'full-width-fold',
  run: (text) => replaceAll(text, /[０-９Ａ-Ｚａ-ｚ]+/g, (m) => m[0].replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))),
};
