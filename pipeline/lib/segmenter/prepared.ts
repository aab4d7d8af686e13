/**
 * The segmenter's dictionaries for this process: read from their prepared
 * file (a few milliseconds), or built from jieba's dictionary files and the
 * project's lexicon once (about a second) and kept for the next process. The
 * file's name holds everything it is made of — the dictionary files (path,
 * size and time), the trimming rule, the user dictionary's lines and the code
 * that builds and lays out the arrays — so a changed lexicon or a rebuild
 * prepares a new one.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { userDictionaryLines } from '../lexicon.js';
import { fromPrepared, pack, packCode, preparedPath, unpack } from '../prepared.js';
import { buildDictionary, TRIE_RECORD, type SegmenterDictionary } from './dictionary.js';

const require = createRequire(import.meta.url);

/** jieba's dictionary and HMM model files (nodejieba's: the segmenter reads the same data nodejieba does). */
export function jiebaFiles(): { dictionary: string; hmm: string } {
  const j = require('nodejieba') as { DEFAULT_DICT: string; DEFAULT_HMM_DICT: string };
  return { dictionary: j.DEFAULT_DICT, hmm: j.DEFAULT_HMM_DICT };
}

/**
 * What the dictionaries for `rule` (what the main dictionary's trimming keeps) are made of, and the prepared file
 * named by all of it and by the code that builds and lays them out.
 */
function sources(rule: string): { file: string; dictionary: string; hmm: string; user: string[] } {
  const { dictionary, hmm } = jiebaFiles();
  const user = userDictionaryLines();
  const stamp = (path: string) => {
    const s = statSync(path);
    return [path, String(s.size), String(s.mtimeMs)];
  };
  const code = (name: string) => readFileSync(fileURLToPath(new URL(`./${name}${extname(import.meta.url)}`, import.meta.url)));
  const file = preparedPath('segmenter', [...stamp(dictionary), ...stamp(hmm), rule, user.join('\n'), code('dictionary'), packCode()], 'bin');
  return { file, dictionary, hmm, user };
}

/**
 * The dictionaries, read from `file` (by default the prepared file for `rule`), or built — the main dictionary's text
 * given to `trim` — and kept there.
 */
export function preparedDictionary(trim: (dictionary: string) => string, rule: string, file?: string): SegmenterDictionary {
  const s = sources(rule);
  return fromPrepared(
    file ?? s.file,
    (f) => checked(unpack(readFileSync(f))),
    () => buildDictionary(trim(readFileSync(s.dictionary, 'utf8')), s.user, readFileSync(s.hmm, 'utf8')),
    pack,
  );
}

/** A prepared file's value, checked to be the dictionaries' arrays. */
function checked(value: unknown): SegmenterDictionary {
  const d = value as SegmenterDictionary;
  const ok =
    d?.keys instanceof Int32Array &&
    d.trie instanceof Int32Array &&
    d.trie.length === TRIE_RECORD * (d.keys.length + 1) &&
    d.trie.byteOffset % 8 === 0 &&
    typeof d.rootEdges === 'number' &&
    d.rootChild instanceof Int32Array &&
    Array.isArray(d.tags) &&
    typeof d.minWeight === 'number' &&
    d.userSingles instanceof Int32Array &&
    d.hmm?.emit instanceof Float64Array &&
    Array.isArray(d.hmm.start) &&
    Array.isArray(d.hmm.trans) &&
    Array.isArray(d.hmm.astral);
  if (!ok) throw new Error('Not the segmenter dictionaries');
  return d;
}
