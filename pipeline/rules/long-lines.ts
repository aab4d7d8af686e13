/**
 * A page saved without its line breaks: the whole document on one line, so no
 * heading starts a line and the wrapper, the title and the signature run into
 * the text. In a line of more than LONG_LINE characters — far longer than any
 * paragraph of a policy document — a line break is inserted (an edit, so the
 * input is still rebuilt exactly):
 *   - before a heading marker that follows the end of a sentence or of a
 *     note (。！？；] ］ 】) or a heading's words: 一、 （一） 第三章 第十二条;
 *   - before and after the wrapper's 附全文 / 全文如下 when a sentence ends
 *     before it.
 * A heading's words and its paragraph stay on one line (nothing marks where
 * the heading ends), so such a heading runs to its first 。; a 1. or （1）
 * level is not split (a number and a dot are too common in running text).
 */
import type { Replacement } from '../lib/tracked-text.js';
import { wrapperPatterns } from './page-wrapper.js';
import type { CleanRule } from './types.js';

/** Characters in a line above which it is read as a page saved on one line. */
export const LONG_LINE = 2000;

const NUMERAL = '[一二三四五六七八九十]{1,3}';
/** A heading marker, and what may stand before it: the end of a sentence or note, or a Han character (a heading's last word). */
const MARKER = new RegExp(`(?<=[。！？；\\]］】\\p{Script=Han}])(?<![第之至和或、])(?:${NUMERAL}、(?!${NUMERAL}、)|（${NUMERAL}）|第${NUMERAL}[章节条](?![的中])\\S)`, 'gu');
const SENTENCE_END = /[。！？；\]］】]/;

export const longLines: CleanRule = {
  name: 'long-line',
  run(text) {
    const out: Replacement[] = [];
    const fullText = wrapperPatterns().fullTextMarkerInLine;
    let start = 0;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      if (end - start > LONG_LINE) {
        const line = text.slice(start, end);
        const at = new Set<number>();
        for (const m of line.matchAll(MARKER)) if (m.index > 0) at.add(m.index);
        for (const m of line.matchAll(fullText)) {
          if (m.index > 0 && SENTENCE_END.test(line[m.index - 1]!)) {
            at.add(m.index);
            if (m.index + m[0].length < line.length) at.add(m.index + m[0].length);
          }
        }
        for (const i of [...at].sort((a, b) => a - b)) out.push({ start: start + i, end: start + i, text: '\n' });
      }
      start = end + 1;
    }
    return out;
  },
};
