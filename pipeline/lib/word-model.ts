/**
 * A unigram word model from jieba's own dictionary (word, frequency) plus the
 * project's user dictionary: enough to tell 贯彻数字中国 from 贯彻擞字中国.
 *
 * Written by hand because nodejieba keeps its frequencies inside the native
 * module (it exposes segmentation, not scores). The dictionary file is read
 * once, on first use: only documents with corrupted bytes pay for it. Texts
 * are scored in Simplified, the dictionary's script.
 *
 * Building the tables from the dictionary takes about a second of CPU; the
 * built tables (typed arrays: lib/string-table.ts) are kept in a cache file
 * in the temporary directory, named by the dictionary file (path, size and
 * time), the user dictionary and this module's code, so a process reads them back in a few
 * milliseconds and a changed dictionary or a rebuild prepares them anew.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { userDictionaryLines } from './lexicon.js';
import { fromPrepared, pack, packCode, preparedPath, unpack } from './prepared.js';
import {
  CodePointSets,
  HASH_SEED,
  StringTable,
  hashUnits,
  codePointSetsData,
  stringTableCode,
  stringTableData,
  type CodePointSetsData,
  type StringTableData,
} from './string-table.js';

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
  /**
   * The same score for many texts that differ only at one position: `points`
   * (code points) with position `at` open. Returns the score of the text with
   * a given character at `at`, equal to `score` of that text; the fixed
   * parts are segmented once, so each character costs only the words that
   * cover it.
   */
  scoreAt(points: readonly string[], at: number, document?: DocumentCounts): (ch: string) => number;
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

/** Characters that sit next to each other inside some word: the code points that follow each code point. */
type Adjacency = Map<number, Set<number>>;

function addPairs(into: Adjacency, word: string): void {
  let previous = -1;
  for (let i = 0; i < word.length; ) {
    const cp = word.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    if (previous >= 0) {
      let followers = into.get(previous);
      if (!followers) into.set(previous, (followers = new Set()));
      followers.add(cp);
    }
    previous = cp;
  }
}

let model: WordModel | undefined;

export function wordModel(): WordModel {
  model ??= build(preparedTables());
  return model;
}

/** Whether this process has built the word model (only a document with a suspect run needs it). */
export function wordModelLoaded(): boolean {
  return model !== undefined;
}

/** Value kept for a string that only begins dictionary words (jieba's own prefix dictionary does the same). */
const PREFIX_ONLY = Number.POSITIVE_INFINITY;

/** What the model is made of, as stored in the cache file. */
export interface Tables {
  /** Log probability of every word, PREFIX_ONLY for a proper prefix that is no word. */
  logP: StringTableData;
  /** Code points that follow each code point inside some word, and those that precede it. */
  followers: CodePointSetsData;
  preceders: CodePointSetsData;
  /** Second characters of the two-character words by their first, and first by second. */
  after: CodePointSetsData;
  before: CodePointSetsData;
  /** The 30 most frequent single-character words, most frequent first. */
  commonChars: string[];
  logTotal: number;
}

/** The tables, from the cache file when one was prepared for this dictionary and code, else built (and cached). */
export function preparedTables(): Tables {
  const { file, dictionary, user } = cacheFile();
  return fromPrepared(file, (f) => checkedTables(unpack(readFileSync(f))), () => buildTables(readFileSync(dictionary, 'utf8'), user), pack);
}

/** The tables a cache file holds (typed arrays viewing the file's bytes: lib/prepared.ts `pack`), checked for their types. */
function checkedTables(value: unknown): Tables {
  const t = value as Tables;
  const is = (a: unknown, type: Function) => a instanceof type;
  const sets = (s: CodePointSetsData | undefined) => is(s?.keys, Uint32Array) && is(s?.offsets, Uint32Array) && is(s?.members, Uint32Array);
  const ok =
    is(t?.logP?.units, Uint16Array) && is(t.logP.starts, Uint32Array) && is(t.logP.values, Float64Array) && is(t.logP.slots, Int32Array) &&
    [t.followers, t.preceders, t.after, t.before].every(sets) && Array.isArray(t.commonChars) && typeof t.logTotal === 'number';
  if (!ok) throw new Error('Not the word model tables');
  return t;
}

/**
 * The cache file of the tables for the dictionaries and code at hand: named by jieba's dictionary file (its path,
 * size and time: hashing its 5 MB took ≈ 15 ms of every process that read the tables), the user dictionary's lines
 * and the code.
 */
export function cacheFile(): { file: string; dictionary: string; user: readonly string[] } {
  const { DEFAULT_DICT: dictionary } = require('nodejieba') as { DEFAULT_DICT: string };
  const stat = statSync(dictionary);
  const user = userDictionaryLines();
  const file = preparedPath(
    'word-model',
    [
      dictionary,
      String(stat.size),
      String(stat.mtimeMs),
      user.join('\n'),
      readFileSync(fileURLToPath(import.meta.url)),
      // the tables' layout and the file's
      stringTableCode(),
      packCode(),
    ],
    'bin',
  );
  return { file, dictionary, user };
}

function buildTables(dictionary: string, userLines: readonly string[]): Tables {
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
  for (let from = 0; from < dictionary.length; ) {
    const end = dictionary.indexOf('\n', from);
    read(dictionary.slice(from, end < 0 ? dictionary.length : end));
    from = end < 0 ? dictionary.length : end + 1;
  }
  for (const line of userLines) read(line);
  let total = 0;
  for (const n of logP.values()) total += n;
  const logTotal = Math.log(total);

  const afterMap: Adjacency = new Map();
  const beforeMap: Adjacency = new Map();
  const singles: [string, number][] = [];
  const words = [...logP.keys()];
  const adjacent: Adjacency = new Map();
  // each word's log probability, adjacent pairs, the single and two-character words, and every
  // proper prefix (so the search stops extending a word as soon as no entry can continue it);
  // no per-word arrays, as this runs over the whole dictionary
  for (const w of words) {
    const n = logP.get(w)!;
    logP.set(w, Math.log(n) - logTotal);
    addPairs(adjacent, w);
    let count = 0;
    let second = 0;
    for (let i = 0; i < w.length; ) {
      if (count === 1) second = i;
      i += w.codePointAt(i)! > 0xffff ? 2 : 1;
      count++;
      if (i < w.length) {
        const prefix = w.slice(0, i);
        if (!logP.has(prefix)) logP.set(prefix, PREFIX_ONLY);
      }
    }
    if (count === 1) singles.push([w, n]);
    if (count === 2) {
      const a = w.codePointAt(0)!;
      const b = w.codePointAt(second)!;
      (afterMap.get(a) ?? afterMap.set(a, new Set()).get(a)!).add(b);
      (beforeMap.get(b) ?? beforeMap.set(b, new Set()).get(b)!).add(a);
    }
  }
  singles.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const preceding: Adjacency = new Map();
  for (const [a, followers] of adjacent) for (const b of followers) (preceding.get(b) ?? preceding.set(b, new Set()).get(b)!).add(a);
  return {
    logP: stringTableData(logP),
    followers: codePointSetsData(adjacent),
    preceders: codePointSetsData(preceding),
    after: codePointSetsData(afterMap),
    before: codePointSetsData(beforeMap),
    commonChars: singles.slice(0, 30).map(([w]) => w),
    logTotal,
  };
}

function build(tables: Tables): WordModel {
  const logP = new StringTable(tables.logP);
  const logTotal = tables.logTotal;
  // rows of the dictionary's adjacency as sets, made when first asked for
  const setsOf = <T>(rows: CodePointSets, as: (cp: number) => T) => {
    const made = new Map<number, ReadonlySet<T>>();
    return (cp: number): ReadonlySet<T> => {
      let set = made.get(cp);
      if (!set) made.set(cp, (set = new Set([...rows.members(cp)].map(as))));
      return set;
    };
  };
  const followersOf = setsOf(new CodePointSets(tables.followers), (cp) => cp);
  const precedersOf = setsOf(new CodePointSets(tables.preceders), (cp) => cp);
  const afterOf = setsOf(new CodePointSets(tables.after), (cp) => String.fromCodePoint(cp));
  const beforeOf = setsOf(new CodePointSets(tables.before), (cp) => String.fromCodePoint(cp));
  const single = (ch: string): number => (ch.length > 0 && ch.length === (ch.codePointAt(0)! > 0xffff ? 2 : 1) ? ch.codePointAt(0)! : -1);

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

  // mixed log probabilities of the words a document uses (and their adjacent pairs), computed once per document
  const mixed = new WeakMap<DocumentCounts, DocumentModel>();
  const shift = Math.log(1 - DOCUMENT_WEIGHT);
  interface DocumentModel {
    /** The mixed log probability of each word the document uses (a table like the dictionary's: looked up by units). */
    logP: StringTable;
    adjacent: Adjacency;
    /** Score of each character as a token of its own, filled as characters are asked for. */
    singles: Map<string, number>;
  }
  const generalSingles = new Map<string, number>();
  const singleScores = (document: DocumentCounts | undefined) => (document ? documentModel(document).singles : generalSingles);
  function documentModel(document: DocumentCounts): DocumentModel {
    let m = mixed.get(document);
    if (!m) {
      const own = new Map<string, number>();
      const adjacent: Adjacency = new Map();
      for (const [word, count] of document.counts) {
        const general = logP.get(word);
        const p = general === undefined || general === PREFIX_ONLY ? 0 : Math.exp(general);
        own.set(word, Math.log((1 - DOCUMENT_WEIGHT) * p + DOCUMENT_WEIGHT * (count / document.total)));
        addPairs(adjacent, word);
      }
      m = { logP: new StringTable(stringTableData(own)), adjacent, singles: new Map() };
      mixed.set(document, m);
    }
    return m;
  }
  const ownTable = (document: DocumentCounts | undefined) => (document ? documentModel(document).logP : undefined);

  /**
   * Log probability of the word in `units[start, end)` (hash `h`), given its entry in the dictionary's table
   * (`general`: undefined when it has none): the document's mixed value when the document uses the word, else the
   * dictionary's (less the document's share when there is a document), undefined for no word. One hash a word serves
   * both tables and the next extension; no string is made for it.
   */
  const logPOf = (own: StringTable | undefined, units: Uint16Array, start: number, end: number, h: number, general: number | undefined): number | undefined =>
    own?.getUnits(units, start, end, h) ?? generalLogP(own, general);
  const wordLogP = (own: StringTable | undefined, word: string): number | undefined => own?.get(word) ?? generalLogP(own, logP.get(word));
  /** A dictionary entry's log probability, less the document's share when there is a document; undefined for no word. */
  const generalLogP = (own: StringTable | undefined, general: number | undefined): number | undefined =>
    general === undefined || general === PREFIX_ONLY ? undefined : own ? general + shift : general;

  /** The points' UTF-16 units in one array, and the offset each point starts at (offsets[points.length]: the end). */
  function unitsOf(points: readonly string[]): { units: Uint16Array; offsets: Int32Array } {
    const offsets = new Int32Array(points.length + 1);
    let length = 0;
    for (let k = 0; k < points.length; k++) {
      offsets[k] = length;
      length += points[k]!.length;
    }
    offsets[points.length] = length;
    const units = new Uint16Array(length);
    for (let k = 0; k < points.length; k++) {
      const point = points[k]!;
      for (let u = 0; u < point.length; u++) units[offsets[k]! + u] = point.charCodeAt(u);
    }
    return { units, offsets };
  }

  /**
   * Viterbi over `cps[0, to)`, left to right: best[k] = best score of
   * `cps[0, k)`. An alphanumeric run is one token ending where the run ends,
   * or at `to` (the caller guarantees a non-alphanumeric character there).
   * `units` and `offsets` hold the same points (unitsOf).
   */
  function forward(cps: readonly string[], to: number, own: StringTable | undefined, units: Uint16Array, offsets: Int32Array): Float64Array {
    const best = new Float64Array(to + 1).fill(-Infinity);
    best[0] = 0;
    for (let i = 0; i < to; i++) {
      const here = best[i]!;
      if (here === -Infinity) continue;
      if (isAlnum(cps[i]!)) {
        let j = i;
        while (j < to && isAlnum(cps[j]!)) j++;
        if (here + alnumRun > best[j]!) best[j] = here + alnumRun;
      }
      const start = offsets[i]!;
      let h = hashUnits(HASH_SEED, units, start, offsets[i + 1]!);
      let general = logP.getUnits(units, start, offsets[i + 1]!, h);
      const one = here + (logPOf(own, units, start, offsets[i + 1]!, h, general) ?? singleCost(cps[i]!));
      if (one > best[i + 1]!) best[i + 1] = one;
      let known = general !== undefined;
      for (let j = i + 1; j < to && j - i < MAX_WORD && known; j++) {
        h = hashUnits(h, units, offsets[j]!, offsets[j + 1]!);
        general = logP.getUnits(units, start, offsets[j + 1]!, h);
        known = general !== undefined;
        const p = logPOf(own, units, start, offsets[j + 1]!, h, general);
        if (p !== undefined && here + p > best[j + 1]!) best[j + 1] = here + p;
      }
    }
    return best;
  }

  function score(hans: string, document?: DocumentCounts): number {
    const cps = [...hans];
    const { units, offsets } = unitsOf(cps);
    return forward(cps, cps.length, ownTable(document), units, offsets)[cps.length]!;
  }

  /**
   * Written by hand for the repair's search, which scores hundreds of
   * candidates per position: forward scores up to `at`, backward scores from
   * `at + 1`, and per candidate only the tokens that cover `at` (the single
   * character, or a dictionary word through it). Every segmentation has
   * exactly one such token, so the maximum equals the full Viterbi score.
   * An alphanumeric candidate (which could join a run) is scored in full.
   * Words are looked up by their units and a hash extended unit by unit
   * (lib/string-table.ts `hashUnits`): no string is made per candidate.
   */
  function scoreAt(points: readonly string[], at: number, document?: DocumentCounts): (ch: string) => number {
    const own = ownTable(document);
    const n = points.length;
    const { units, offsets } = unitsOf(points);
    const before = forward(points, at, own, units, offsets);
    // after[k - at - 1] = best score of points[k, n), right to left
    const after = new Float64Array(n - at).fill(-Infinity);
    after[n - at - 1] = 0;
    const tail = (k: number) => after[k - at - 1]!;
    for (let i = n - 1; i > at; i--) {
      const start = offsets[i]!;
      let h = hashUnits(HASH_SEED, units, start, offsets[i + 1]!);
      let general = logP.getUnits(units, start, offsets[i + 1]!, h);
      let best = (logPOf(own, units, start, offsets[i + 1]!, h, general) ?? singleCost(points[i]!)) + tail(i + 1);
      if (isAlnum(points[i]!)) {
        let j = i;
        while (j < n && isAlnum(points[j]!)) j++;
        best = Math.max(best, alnumRun + tail(j));
      }
      let known = general !== undefined;
      for (let j = i + 1; j < n && j - i < MAX_WORD && known; j++) {
        h = hashUnits(h, units, offsets[j]!, offsets[j + 1]!);
        general = logP.getUnits(units, start, offsets[j + 1]!, h);
        known = general !== undefined;
        const p = logPOf(own, units, start, offsets[j + 1]!, h, general);
        if (p !== undefined) best = Math.max(best, p + tail(j + 1));
      }
      after[i - at - 1] = best;
    }
    // the word starts before `at` whose text up to `at` continues a word at every prefix, with that text's hash
    const starts: { from: number; hash: number }[] = [];
    for (let a = at; a >= 0 && at - a < MAX_WORD; a--) {
      let h = HASH_SEED;
      let open = true;
      for (let k = a; k < at && open; k++) {
        h = hashUnits(h, units, offsets[k]!, offsets[k + 1]!);
        open = logP.getUnits(units, offsets[a]!, offsets[k + 1]!, h) !== undefined;
      }
      if (open && before[a]! > -Infinity) starts.push({ from: a, hash: h });
    }
    // the words through `at`: the fixed units before it, the candidate's at `at`, then the points after it, copied as a word extends
    const at0 = offsets[at]!;
    const word = new Uint16Array(offsets[n]! + 2);
    word.set(units.subarray(0, at0));
    // a word through `at` holds the character together with its left or right neighbour
    const ownAdjacent = document ? documentModel(document).adjacent : undefined;
    const left = at > 0 ? points[at - 1]!.codePointAt(0)! : -1;
    const right = at + 1 < n ? points[at + 1]!.codePointAt(0)! : -1;
    const leftFollowers = left >= 0 ? followersOf(left) : undefined;
    const rightPreceders = right >= 0 ? precedersOf(right) : undefined;
    const ownLeftFollowers = ownAdjacent?.get(left);
    const singles = singleScores(document);
    return (ch: string): number => {
      const c = ch.codePointAt(0) ?? 0;
      if (ch.length !== (c > 0xffff ? 2 : 1) || isAlnum(ch)) {
        const whole = [...points];
        whole[at] = ch;
        return score(whole.join(''), document);
      }
      let single = singles.get(ch);
      if (single === undefined) singles.set(ch, (single = wordLogP(own, ch) ?? singleCost(ch)));
      let best = before[at]! + single + tail(at + 1);
      // a word that starts before `at` holds the left neighbour and the character; one that starts at `at`, the character and the right neighbour
      const withLeft = leftFollowers?.has(c) === true || ownLeftFollowers?.has(c) === true;
      const withRight = right >= 0 && (rightPreceders?.has(c) === true || ownAdjacent?.get(c)?.has(right) === true);
      if (!withLeft && !withRight) return best;
      word[at0] = ch.charCodeAt(0);
      if (ch.length === 2) word[at0 + 1] = ch.charCodeAt(1);
      for (const { from, hash } of starts) {
        if (from < at ? !withLeft : !withRight) continue;
        const start = offsets[from]!;
        let end = at0 + ch.length;
        let h = hashUnits(hash, word, at0, end);
        const general = logP.getUnits(word, start, end, h);
        let known = general !== undefined;
        // a word of two characters or more through `at`, from `from` to j + 1
        if (from < at) {
          const p = logPOf(own, word, start, end, h, general);
          if (p !== undefined) best = Math.max(best, before[from]! + p + tail(at + 1));
        }
        for (let j = at + 1; j < n && j - from < MAX_WORD && known; j++) {
          const next = end + offsets[j + 1]! - offsets[j]!;
          for (let u = offsets[j]!, w = end; w < next; u++, w++) word[w] = units[u]!;
          h = hashUnits(h, word, end, next);
          end = next;
          const longer = logP.getUnits(word, start, end, h);
          known = longer !== undefined;
          const p = logPOf(own, word, start, end, h, longer);
          if (p !== undefined) best = Math.max(best, before[from]! + p + tail(j + 1));
        }
      }
      return best;
    };
  }

  return {
    score,
    scoreAt,
    after: (ch) => (single(ch) < 0 ? EMPTY : afterOf(single(ch))),
    before: (ch) => (single(ch) < 0 ? EMPTY : beforeOf(single(ch))),
    knownChar: (ch) => (logP.get(ch) ?? PREFIX_ONLY) !== PREFIX_ONLY,
    commonChars: tables.commonChars,
  };
}
