/**
 * nodejieba, loaded once per process (load() takes about a second) with the
 * project's lexicon as its user dictionary, so agency names segment whole.
 * nodejieba returns tokens without offsets; `tokens` computes them by walking
 * the text, in UTF-16 units of the string it was given.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Jieba from 'nodejieba';
import { JiebaClient, type Tagged } from './jieba-server.js';
import { userDictionaryLines } from './lexicon.js';
import { splitLines } from './lines.js';
import { ensurePrepared, preparedPath } from './prepared.js';

const require = createRequire(import.meta.url);
let jieba: typeof Jieba | undefined;

/** What the pipeline asks of jieba. */
export interface Segmenter {
  cut(text: string): string[];
  /** Several texts in one call (one request to a server thread). */
  cutMany(texts: readonly string[]): string[][];
  tag(text: string): Tagged[];
}

let server: JiebaClient | undefined;

/**
 * Use the jieba server thread of this buffer (lib/jieba-server.ts) instead of
 * loading jieba in this thread: started by the CLI before it imports the
 * pipeline, handed to the batch's workers.
 */
export function useJiebaServer(buffer: SharedArrayBuffer): void {
  server = new JiebaClient(buffer);
  serverBuffer = buffer;
}
let serverBuffer: SharedArrayBuffer | undefined;

/** Stop using a server thread: jieba is loaded in this thread again (measurements, tests). */
export function detachJiebaServer(): void {
  server = undefined;
  serverBuffer = undefined;
}

/** The server's buffer this thread uses, if any (for the batch to hand to its workers). */
export function jiebaServerBuffer(): SharedArrayBuffer | undefined {
  return serverBuffer;
}

/**
 * jieba for the pipeline: the server thread's when this thread was given one
 * and it answers, else this thread's own (loaded on first use). Both give
 * nodejieba's own results.
 */
export function segmenter(): Segmenter {
  return SEGMENTER;
}

const SEGMENTER: Segmenter = {
  cut(text) {
    return server?.call('cut', [text])?.[0] ?? loadJieba().cut(text);
  },
  cutMany(texts) {
    if (server) {
      const answer = server.call('cut', texts);
      if (answer) return answer;
    }
    const local = loadJieba();
    return texts.map((t) => local.cut(t));
  },
  tag(text) {
    return server?.call('tag', [text])?.[0] ?? loadJieba().tag(text);
  },
};

/** Whether this thread has loaded nodejieba itself (a thread with a server should never need to: a second second of CPU and 260 MB). */
export function jiebaLoadedHere(): boolean {
  return jieba !== undefined;
}

/** nodejieba itself, loaded in this thread (the benchmark's floor, the server thread, a thread without a server). */
export function loadJieba(): typeof Jieba {
  if (!jieba) {
    const j = require('nodejieba') as typeof Jieba;
    // keyword extraction is never used: a one-line IDF and stop-word list spare loading 6 MB
    j.load({ dict: dictionaryFile((j as unknown as { DEFAULT_DICT: string }).DEFAULT_DICT), userDict: userDictionaryFile(), idfDict: tempFile('idf', '的 1.0\n'), stopWordDict: tempFile('stop', '的\n') });
    jieba = j;
  }
  return jieba;
}

/**
 * The main dictionary jieba loads: nodejieba's own without the words it saw
 * fewer than 5 times (172 k of its 349 k words: rare compounds, idioms, personal
 * names), but with every place, organisation and other proper name and every
 * set phrase (ns nt nz j l: 综合利用, 固体废物). cppjieba builds its trie word by
 * word, so the load takes 0.43–0.59 s instead of 1.13 s (ADR 8). Two entries in
 * private-use characters, never in a text, keep the dictionary's smallest
 * frequency and its total, so every kept word weighs what it weighed and an
 * unknown character what it did. Prepared once per dictionary file (named by
 * its path, size and time), in the temporary directory as the user dictionary.
 */
function dictionaryFile(source: string): string {
  const stat = statSync(source);
  const file = preparedPath('dict', [source, String(stat.size), String(stat.mtimeMs), DICTIONARY_RULE], 'utf8');
  return ensurePrepared(file, () => trimDictionary(readFileSync(source, 'utf8'))) ? file : source;
}

/** What dictionaryFile keeps (part of the prepared file's name: a new rule prepares a new file). */
const DICTIONARY_RULE = 'freq>=5|ns,nt,nz,j,l|balanced';
const KEPT_TAGS = new Set(['ns', 'nt', 'nz', 'j', 'l']);

/** jieba's dictionary (`word freq tag` lines) without its rare common words; the removed frequency kept in two unused entries. */
export function trimDictionary(dictionary: string): string {
  const kept: string[] = [];
  let smallest = Infinity;
  let removed = 0;
  for (const line of dictionary.split('\n')) {
    if (line.trim() === '') continue;
    const [, freq, tag] = line.split(' ');
    const f = Number(freq);
    if (!Number.isFinite(f)) {
      kept.push(line);
      continue;
    }
    smallest = Math.min(smallest, f);
    if (f >= 5 || KEPT_TAGS.has(tag ?? '')) kept.push(line);
    else removed += f;
  }
  if (removed > 0 && Number.isFinite(smallest)) {
    kept.push(`\ue000\ue001 ${smallest} x`);
    if (removed > smallest) kept.push(`\ue000\ue002 ${removed - smallest} x`);
  }
  return `${kept.join('\n')}\n`;
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
  ensurePrepared(file, () => content);
  return file;
}

export interface Token {
  word: string;
  start: number;
  end: number;
}

/** Tokens of `text` with their offsets. */
export function tokens(text: string): Token[] {
  return offsets(text, segmenter().cut(text));
}

/** The offsets of jieba's words in the text they were cut from. */
function offsets(text: string, words: readonly string[]): Token[] {
  const out: Token[] = [];
  let cursor = 0;
  for (const word of words) {
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
  // the pieces are cut in groups of about BATCH characters: one request each to a server thread
  let group: { at: number; text: string }[] = [];
  let size = 0;
  const flush = () => {
    const cut = segmenter().cutMany(group.map((p) => p.text));
    for (const [k, piece] of group.entries()) {
      for (const t of offsets(piece.text, cut[k]!)) {
        starts[piece.at + t.start] = 1;
        startOfTokenEndingAt[piece.at + t.end] = piece.at + t.start;
      }
    }
    group = [];
    size = 0;
  };
  for (const line of splitLines(text)) {
    for (const piece of pieces(line.text)) {
      group.push({ at: line.start + piece.start, text: piece.text });
      size += piece.text.length;
      if (size >= BATCH) flush();
    }
  }
  if (group.length > 0) flush();
  return { starts, startOfTokenEndingAt };
}

/** Characters of text cut in one request (a large document never holds all its tokens at once). */
const BATCH = 200_000;

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
