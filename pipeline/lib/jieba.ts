/**
 * jieba's segmentation for the pipeline: cppjieba's algorithm in TypeScript
 * over dictionaries read from a prepared file (lib/segmenter/, ADR 9), with
 * the project's lexicon as its user dictionary so agency names segment whole.
 * The words and tags are nodejieba's own for the same dictionaries (tested
 * on the corpus); nodejieba itself is still loaded for the benchmark's floor
 * and for that test (`loadJieba`).
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Jieba from 'nodejieba';
import { userDictionaryLines } from './lexicon.js';
import { splitLines } from './lines.js';
import { ensurePrepared, preparedPath } from './prepared.js';
import { WordSegmenter, type TaggedWord } from './segmenter/cut.js';
import { preparedDictionary } from './segmenter/prepared.js';

const require = createRequire(import.meta.url);
let jieba: typeof Jieba | undefined;

/** What the pipeline asks of jieba. */
export interface Segmenter {
  cut(text: string): string[];
  tag(text: string): TaggedWord[];
}

let words: WordSegmenter | undefined;

/** This thread's segmenter: its dictionaries read (or, once after a rebuild, prepared) on first use. */
export function wordSegmenter(): WordSegmenter {
  words ??= new WordSegmenter(preparedDictionary(trimDictionary, DICTIONARY_RULE));
  return words;
}

/** jieba for the pipeline: nodejieba's `cut` (no HMM) and `tag` (with it), from this thread's segmenter. */
export function segmenter(): Segmenter {
  return SEGMENTER;
}

const SEGMENTER: Segmenter = {
  cut: (text) => wordSegmenter().cut(text),
  tag: (text) => wordSegmenter().tag(text),
};

/** nodejieba itself, loaded in this thread with the same dictionaries (the benchmark's floor; the test that the segmenter cuts as it does). */
export function loadJieba(): typeof Jieba {
  if (!jieba) {
    const j = require('nodejieba') as typeof Jieba;
    // keyword extraction is never used: a one-line IDF and stop-word list spare loading 6 MB
    j.load({ dict: dictionaryFile((j as unknown as { DEFAULT_DICT: string }).DEFAULT_DICT), userDict: userDictionaryFile(), idfDict: tempFile('idf', '的 1.0\n'), stopWordDict: tempFile('stop', '的\n') });
    jieba = j;
  }
  return jieba;
}

/** Whether this thread has loaded nodejieba (the pipeline never does: only the benchmark's floor and the tests). */
export function jiebaLoadedHere(): boolean {
  return jieba !== undefined;
}

/**
 * The main dictionary jieba loads: nodejieba's own without the words it saw
 * fewer than 5 times (172 k of its 349 k words: rare compounds, idioms, personal
 * names), but with every place, organisation and other proper name and every
 * set phrase (ns nt nz j l: 综合利用, 固体废物): trimmed for nodejieba's load
 * (0.43–0.59 s instead of 1.13 s, ADR 8), and what the segmenter reads too
 * (ADR 9), so the words stay those the evaluations were measured with. Two entries in
 * private-use characters, never in a text, keep the dictionary's smallest
 * frequency and its total, so every kept word weighs what it weighed and an
 * unknown character what it did. For nodejieba (`loadJieba`), prepared once per
 * dictionary file (named by its path, size and time) in the temporary directory.
 */
function dictionaryFile(source: string): string {
  const stat = statSync(source);
  const file = preparedPath('dict', [source, String(stat.size), String(stat.mtimeMs), DICTIONARY_RULE], 'utf8');
  return ensurePrepared(file, () => trimDictionary(readFileSync(source, 'utf8'))) ? file : source;
}

/** What dictionaryFile keeps (part of the prepared file's name: a new rule prepares a new file). */
export const DICTIONARY_RULE = 'freq>=5|ns,nt,nz,j,l|balanced';
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
  const cutter = wordSegmenter();
  const mark = (start: number, end: number) => {
    starts[start] = 1;
    startOfTokenEndingAt[end] = start;
  };
  for (const line of splitLines(text)) {
    for (const piece of pieces(line.text)) {
      const at = line.start + piece.start;
      cutter.forEachWord(text, at, at + piece.text.length, false, mark);
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
