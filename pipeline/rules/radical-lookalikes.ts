/**
 * Radicals and strokes written where a character was meant. A PDF's font often
 * maps the glyph of 一, 人 or 民 to a code point of the Kangxi Radicals block
 * (⼀ U+2F00, ⼈ U+2F08), of the CJK Radicals Supplement (⺠ U+2EA0, ⻓ U+2ED3)
 * or of the CJK Strokes (㇐ U+31D0): the page looks right, but the extracted
 * text says 同㇐僱主, ⼈⺠政府, and no word, organ name or heading pattern
 * matches it. Inside Chinese text (a Han character or Chinese punctuation on
 * either side, blanks aside) each becomes the character it is drawn as:
 * Kangxi radicals by their compatibility decomposition (NFKC, one character
 * at a time, so nothing else is normalised), the supplement's full-character
 * forms and the single strokes by the table below. Component forms (⺅, ⺡,
 * ⻌) that are no character of their own are left as they are; so is a radical
 * with no Chinese beside it (a table of radicals).
 */
import { isCjkContext } from '../lib/cjk.js';
import { replaceAll, type CleanRule } from './types.js';

/** CJK Radicals Supplement and CJK Strokes drawn as a whole character, with that character. */
const LOOKALIKE: Readonly<Record<string, string>> = {
  '⺟': '母', '⺠': '民', '⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车', '⻑': '長', '⻓': '长', '⻔': '门',
  '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼',
  '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟',
  '㇐': '一', '㇑': '丨', '㇒': '丿', '㇔': '丶', '㇚': '亅',
};

const CANDIDATE = new RegExp(`[\\u2F00-\\u2FD5${Object.keys(LOOKALIKE).join('')}]`, 'gu');
/** Kangxi radicals, the supplement and strokes: they do not count as the Chinese around a radical. */
const RADICAL = /[\u2E80-\u2FDF\u31C0-\u31EF]/u;

/** The character a radical or stroke is drawn as, or null. */
function characterOf(ch: string): string | null {
  const code = ch.codePointAt(0)!;
  if (code >= 0x2f00 && code <= 0x2fd5) return ch.normalize('NFKC');
  return LOOKALIKE[ch] ?? null;
}

/** Passed over on the way to a radical's neighbour: blanks, other radicals, ASCII marks (`(⼀)` before the punctuation rule). */
const PASSED = /[ \u3000!-/:-@[-`{-~]/u;

/** The nearest character on one side of the line that is none of PASSED (at most 8 away). */
function neighbour(text: string, index: number, step: 1 | -1): string | undefined {
  for (let i = index + step, seen = 0; i >= 0 && i < text.length && seen < 8; i += step, seen++) {
    const ch = text[i]!;
    if (ch === '\n') return undefined;
    if (PASSED.test(ch) || RADICAL.test(ch)) continue;
    return ch;
  }
  return undefined;
}

export const radicalLookalikes: CleanRule = {
  name: 'radical-lookalikes',
  run: (text) =>
    replaceAll(text, CANDIDATE, (m) => {
      if (!isCjkContext(neighbour(text, m.index, -1)) && !isCjkContext(neighbour(text, m.index, 1))) return null;
      return characterOf(m[0]);
    }),
};
