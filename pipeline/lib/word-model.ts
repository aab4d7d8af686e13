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

/** Value kept for a string that only begins dictionary words (jieba's own prefix dictionary does the same). */
const PREFIX_ONLY = Number.POSITIVE_INFINITY;

function build(): WordModel {
  const { DEFAULT_DICT } = require('nodejieba') as { DEFAULT_DICT: string };
  // one map for counts, then log probabilities, then the prefixes of words: one lookup per substring later
  const logP = new Map<string, number>();
  const read = (line: string) => {
    const space = line.indexOf(' ');
    const word = (space < 0 ? line : line.slice(0, space)).trim();
    if (!word) return;
    const rest = space < 0 ? '' : line.slice(space + 1);
    const n = Number.parseFloat(rest);
    logP.set(word, Math.max(logP.get(word) ?? 0, Number.isFinite(n) && n > 0 ? n : 1000));
  };
  const dictionary = readFileSync(DEFAULT_DICT, 'utf8');
  for (let from = 0; from < dictionary.length; ) {
    const end = dictionary.indexOf('\n', from);
    read(dictionary.slice(from, end < 0 ? dictionary.length : end));
    from = end < 0 ? dictionary.length : end + 1;
  }
  for (const line of userDictionaryLines()) read(line);
  let total = 0;
  for (const n of logP.values()) total += n;
  const logTotal = Math.log(total);

  const afterMap = new Map<string, Set<string>>();
  const beforeMap = new Map<string, Set<string>>();
  const singles: [string, number][] = [];
  const words = [...logP.keys()];
  for (const w of words) {
    const n = logP.get(w)!;
    logP.set(w, Math.log(n) - logTotal);
    const cps = [...w];
    if (cps.length === 1) singles.push([w, n]);
    if (cps.length === 2) {
      const [a, b] = cps as [string, string];
      (afterMap.get(a) ?? afterMap.set(a, new Set()).get(a)!).add(b);
      (beforeMap.get(b) ?? beforeMap.set(b, new Set()).get(b)!).add(a);
    }
  }
  // every proper prefix of a word, so the search stops extending a word as soon as no entry can continue it
  for (const w of words) {
    let prefix = '';
    const cps = [...w];
    for (let k = 0; k < cps.length - 1; k++) {
      prefix += cps[k]!;
      if (!logP.has(prefix)) logP.set(prefix, PREFIX_ONLY);
    }
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

  // mixed log probabilities of the words a document uses, computed once per document
  const mixed = new WeakMap<DocumentCounts, Map<string, number>>();
  const shift = Math.log(1 - DOCUMENT_WEIGHT);
  function documentLogP(document: DocumentCounts): Map<string, number> {
    let m = mixed.get(document);
    if (!m) {
      m = new Map();
      for (const [word, count] of document.counts) {
        const general = logP.get(word);
        const p = general === undefined || general === PREFIX_ONLY ? 0 : Math.exp(general);
        m.set(word, Math.log((1 - DOCUMENT_WEIGHT) * p + DOCUMENT_WEIGHT * (count / document.total)));
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
      return general === undefined || general === PREFIX_ONLY ? undefined : own ? general + shift : general;
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
      for (let j = i + 1; j < n && j - i < MAX_WORD && logP.has(word); j++) {
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
    knownChar: (ch) => (logP.get(ch) ?? PREFIX_ONLY) !== PREFIX_ONLY,
    commonChars: singles.slice(0, 30).map(([w]) => w),
  };
}
