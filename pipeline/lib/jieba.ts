/**
 * nodejieba, loaded once per process (load() takes about a second) with the
 * project's lexicon as its user dictionary, so agency names segment whole.
 * nodejieba returns tokens without offsets; `tokens` computes them by walking
 * the text, in UTF-16 units of the string it was given.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Jieba from 'nodejieba';
import { userDictionaryLines } from './lexicon.js';
import { splitLines } from './lines.js';
import { keepPrepared, preparedPath, usePrepared } from './prepared.js';

const require = createRequire(import.meta.url);
let jieba: typeof Jieba | undefined;

export function loadJieba(): typeof Jieba {
  if (!jieba) {
    const j = require('nodejieba') as typeof Jieba;
    // keyword extraction is never used: a one-line IDF and stop-word list spare loading 6 MB
    j.load({ userDict: userDictionaryFile(), idfDict: tempFile('idf', '的 1.0\n'), stopWordDict: tempFile('stop', '的\n') });
    jieba = j;
  }
  return jieba;
}

/**
 * nodejieba reads its user dictionary from a file: the lexicon's entries are
 * written once to a file named by their hash in the temporary directory
 * (written under a temporary name and renamed, so parallel workers never
 * read half a file).
 */
function userDictionaryFile(): string {
  return tempFile('userdict', `${userDictionaryLines().join('\n')}\n`);
}

/** A file in the temporary directory named by its content's hash, written once (lib/prepared.ts: old versions are removed). */
function tempFile(kind: string, content: string): string {
  const file = preparedPath(kind, [content], 'utf8');
  if (existsSync(file)) usePrepared(file);
  else keepPrepared(file, content);
  return file;
}

export interface Token {
  word: string;
  start: number;
  end: number;
}

/** Tokens of `text` with their offsets. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  let cursor = 0;
  for (const word of loadJieba().cut(text)) {
    const at = text.startsWith(word, cursor) ? cursor : text.indexOf(word, cursor);
    if (at < 0) continue;
    out.push({ word, start: at, end: at + word.length });
    cursor = at + word.length;
  }
  return out;
}

/**
 * Word boundaries of a whole text, cut line by line (a large document never
 * holds all its tokens at once): `starts[i]` is 1 where a token starts,
 * `startOfTokenEndingAt[e]` the start of the token that ends at e, or -1.
 */
export interface Boundaries {
  starts: Uint8Array;
  startOfTokenEndingAt: Int32Array;
}

export function boundaries(text: string): Boundaries {
  const starts = new Uint8Array(text.length + 1);
  const startOfTokenEndingAt = new Int32Array(text.length + 1).fill(-1);
  for (const line of splitLines(text)) {
    for (const piece of pieces(line.text)) {
      const at = line.start + piece.start;
      for (const t of tokens(piece.text)) {
        starts[at + t.start] = 1;
        startOfTokenEndingAt[at + t.end] = at + t.start;
      }
    }
  }
  return { starts, startOfTokenEndingAt };
}

/** The most characters jieba is given at once. */
const PIECE = 4096;
const PIECE_BREAK = /[。！？；，、：\s]/;

/**
 * A line in pieces of at most PIECE characters, each ending after a mark or a
 * space where one lies in its last quarter (no word is cut there), for jieba:
 * a line of millions of characters (a hostile input, a page on one line) made
 * millions of token strings at once (16 MB of `[责任单位：` on one line took
 * 2.8 GB). Lines of ordinary length are one piece.
 */
export function* pieces(line: string, max = PIECE): Generator<{ start: number; text: string }> {
  let start = 0;
  while (line.length - start > max) {
    let end = start + max;
    let k = end;
    while (k > start + max * 0.75 && !PIECE_BREAK.test(line[k - 1]!)) k--;
    if (k > start + max * 0.75) end = k;
    else if (line.charCodeAt(end) >= 0xdc00 && line.charCodeAt(end) <= 0xdfff) end--; // never between the halves of a pair
    yield { start, text: line.slice(start, end) };
    start = end;
  }
  yield { start, text: line.slice(start) };
}
