/**
 * Invisible format characters: zero-width spaces and joiners (U+200B–U+200D,
 * U+2060–U+2064, U+FEFF inside the text, the soft hyphen U+00AD) and bidi
 * controls (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069). A page
 * shows nothing for them, but a pattern sees them: a U+200B between
 * characters hid every 责任单位 note, the date and the issuer of a document,
 * and a U+202E before 一、 made its headings orphans.
 *
 * Never inside a URL (a link is copied as written), and a zero-width joiner
 * between two emoji stays (it joins them into one picture).
 */
import { replaceAll, type CleanRule } from './types.js';

const INVISIBLE = '\\u00ad\\u061c\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff';
const RUN = new RegExp(`[${INVISIBLE}]+`, 'g');
/** A URL, invisible characters inside it included; it ends at its last visible character. */
const URL = new RegExp(`(?:(?:https?|ftp)://|www\\.)(?:[${INVISIBLE}]*[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%])+`, 'g');
const PICTOGRAPH = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F]/u;

export const invisibleCharacters: CleanRule = {
  name: 'invisible-characters',
  run(text) {
    const urls: { start: number; end: number }[] = [];
    URL.lastIndex = 0;
    for (let m = URL.exec(text); m; m = URL.exec(text)) urls.push({ start: m.index, end: m.index + m[0].length });
    let u = 0;
    return replaceAll(text, RUN, (m) => {
      while (u < urls.length && urls[u]!.end <= m.index) u++;
      if (u < urls.length && urls[u]!.start <= m.index) return null;
      if (m[0] === '\u200d' && PICTOGRAPH.test(codePointBefore(text, m.index)) && PICTOGRAPH.test(String.fromCodePoint(text.codePointAt(m.index + 1) ?? 0))) return null;
      return '';
    });
  },
};

function codePointBefore(text: string, index: number): string {
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) return text.slice(index - 2, index);
  return text.slice(index - 1, index);
}
