import { replaceAll, type CleanRule } from './types.js';

/** CRLF, CR and the Unicode line and paragraph separators become \n. */
export const lineBreaks: CleanRule = {
  name: 'line-break',
  run: (text) => replaceAll(text, /\r\n?|[\u2028\u2029\u0085]/g, () => '\n'),
};
