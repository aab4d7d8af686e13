/**
 * A unigram word model from jieba's own dictionary (word, frequency) plus the
 * project's user dictionary: enough to tell 贯彻数字中国 from 贯彻擞字中国.
 *
 * Written by hand because nodejieba keeps its frequencies inside the native
 * module (it exposes segmentation, not scores). The dictionary file is read
 * once, on first use: only documents with corrupted bytes pay for it. Texts
 * are scored in Simplified, the dictionary's script.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { userDictionaryLines } from './lexicon.js';

const require = createRequire(import.meta.url);

/**
 * Word counts of the document at hand (a cache model): a word the document
 * already uses is far likelier in it than the general dictionary says.
 */
export interface DocumentCounts {
  counts: ReadonlyMap<string, number>;
  total: number;
}

/** Share of probability given to the document's own word counts. */
const DOCUMENT_WEIGHT = 0.5;

export interface WordModel {
  /** Best segmentation's log probability (natural log), optionally mixed with the document's own counts. */
  score(hans: string, document?: DocumentCounts): number;
  /** Characters that follow `ch` in a two-character word of the dictionary. */
  after(ch: string): ReadonlySet<string>;
  /** Characters that precede `ch` in a two-character word of the dictionary. */
  before(ch: string): ReadonlySet<string>;
  /** Whether the dictionary has this character as a word of its own. */
  knownChar(ch: string): boolean;
  /** The most frequent single-character words, most frequent first. */
  commonChars: readonly string[];
}

const MAX_WORD = 8;

function isAlnum(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return ch.length === 1 && ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122));
}
const EMPTY: ReadonlySet<string> = new Set();

let model: WordModel | undefined;

export function wordModel(): WordModel {
  model ??= build();
  return model;
}

function build(): WordModel {
  const { DEFAULT_DICT } = require('nodejieba') as { DEFAULT_DICT: string };
  const freq = new Map<string, number>();
  for (const lines of [readFileSync(DEFAULT_DICT, 'utf8').split('\n'), userDictionaryLines()]) {
    for (const line of lines) {
      const [word, count] = line.trim().split(/\s+/);
      if (!word) continue;
      const n = Number(count);
      freq.set(word, Math.max(freq.get(word) ?? 0, Number.isFinite(n) && n > 0 ? n : 1000));
    }
  }
  let total = 0;
  for (const n of freq.values()) total += n;
  const logTotal = Math.log(total);
  const logP = new Map<string, number>();
  for (const [w, n] of freq) logP.set(w, Math.log(n) - logTotal);

  const afterMap = new Map<string, Set<string>>();
  const beforeMap = new Map<string, Set<string>>();
  const singles: [string, number][] = [];
  for (const [w, n] of freq) {
    const cps = [...w];
    if (cps.length === 1) singles.push([w, n]);
    if (cps.length !== 2) continue;
    const [a, b] = cps as [string, string];
    (afterMap.get(a) ?? afterMap.set(a, new Set()).get(a)!).add(b);
    (beforeMap.get(b) ?? beforeMap.set(b, new Set()).get(b)!).add(a);
  }
  singles.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));

  // Costs for what the dictionary lacks: a run of Latin letters and digits is
  // one token of modest probability; punctuation is common; an unknown Han
  // character is rare; anything else (private use, ?, enclosed numerals) is junk.
  const alnumRun = Math.log(50) - logTotal;
  const punctuation = Math.log(2000) - logTotal;
  const unknownHan = Math.log(0.5) - logTotal;
  const junk = Math.log(0.01) - logTotal;

  const singleCosts = new Map<string, number>();
  function singleCost(ch: string): number {
    let cost = singleCosts.get(ch);
    if (cost === undefined) {
      cost = /\p{Script=Han}/u.test(ch) ? unknownHan : /[\p{P}\s]/u.test(ch) && ch !== '?' ? punctuation : junk;
      singleCosts.set(ch, cost);
    }
    return cost;
  }

  // Every proper prefix of a dictionary word, so the search stops extending a
  // word as soon as no entry can continue it (as jieba's own prefix dictionary).
  const prefixes = new Set<string>();
  for (const w of freq.keys()) {
    let prefix = '';
    const cps = [...w];
    for (let k = 0; k < cps.length - 1; k++) prefixes.add((prefix += cps[k]!));
  }

  // mixed log probabilities of the words a document uses, computed once per document
  const mixed = new WeakMap<DocumentCounts, Map<string, number>>();
  const shift = Math.log(1 - DOCUMENT_WEIGHT);
  function documentLogP(document: DocumentCounts): Map<string, number> {
    let m = mixed.get(document);
    if (!m) {
      m = new Map();
      for (const [word, count] of document.counts) {
        m.set(word, Math.log((1 - DOCUMENT_WEIGHT) * ((freq.get(word) ?? 0) / total) + DOCUMENT_WEIGHT * (count / document.total)));
      }
      mixed.set(document, m);
    }
    return m;
  }

  function score(hans: string, document?: DocumentCounts): number {
    const own = document ? documentLogP(document) : undefined;
    const wordLogP = (word: string): number | undefined => {
      const p = own?.get(word);
      if (p !== undefined) return p;
      const general = logP.get(word);
      return general === undefined ? undefined : own ? general + shift : general;
    };
    const cps = [...hans];
    const n = cps.length;
    const best = new Float64Array(n + 1).fill(-Infinity);
    best[0] = 0;
    for (let i = 0; i < n; i++) {
      const here = best[i]!;
      if (here === -Infinity) continue;
      if (isAlnum(cps[i]!)) {
        let j = i;
        while (j < n && isAlnum(cps[j]!)) j++;
        if (here + alnumRun > best[j]!) best[j] = here + alnumRun;
      }
      const one = here + (wordLogP(cps[i]!) ?? singleCost(cps[i]!));
      if (one > best[i + 1]!) best[i + 1] = one;
      let word = cps[i]!;
      for (let j = i + 1; j < n && j - i < MAX_WORD && prefixes.has(word); j++) {
        word += cps[j]!;
        const p = wordLogP(word);
        if (p !== undefined && here + p > best[j + 1]!) best[j + 1] = here + p;
      }
    }
    return best[n]!;
  }

  return {
    score,
    after: (ch) => afterMap.get(ch) ?? EMPTY,
    before: (ch) => beforeMap.get(ch) ?? EMPTY,
    knownChar: (ch) => freq.has(ch),
    commonChars: singles.slice(0, 100).map(([w]) => w),
  };
}
