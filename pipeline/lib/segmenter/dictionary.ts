/**
 * jieba's dictionaries as typed arrays: the word trie (with each word's
 * weight and part-of-speech tag) and the HMM model for unknown words — what
 * cppjieba builds in C++ at every load (`DictTrie`, `HMMModel`), built here
 * once per dictionary and kept as a prepared file (lib/prepared.ts) that a
 * process reads back in milliseconds (ADR 9).
 *
 * The weights are cppjieba's: a dictionary word weighs log(freq / Σ freq)
 * over the main dictionary; a user-dictionary word without a frequency weighs
 * the main dictionary's median weight; an unknown character the smallest.
 * A word listed twice keeps its last entry (the user dictionary comes last).
 */

export interface SegmenterDictionary {
  /**
   * The word trie, breadth first: edge e reads the code point `keys[e]`; a node's edges are contiguous, sorted by code
   * point, the root's [0, rootEdges). The rest of an edge is one 16-byte record of the node it leads to: Int32
   * `trie[4e]` where that node's edges start (they end where edge e + 1's start), `trie[4e + 1]` the tag of the word
   * ending there (an index into `tags`), and at bytes 8–15 a Float64 (`trieWeights(trie)[2e + 1]`) that word's
   * weight, NaN when none. A step of the route searches one node's keys (dense: few cache lines for hundreds of
   * edges) and reads one record (four arrays and cache misses a step before: ADR 9).
   */
  keys: Int32Array;
  trie: Int32Array;
  /** The root's edges are [0, rootEdges). */
  rootEdges: number;
  /** The root's edge for each BMP code point, + 1 (0: none). */
  rootChild: Int32Array;
  /** Part-of-speech tags, by index (0 is "", no tag). */
  tags: string[];
  /** The weight of a character no word starts with (the dictionary's smallest). */
  minWeight: number;
  /** Code points that are words of one character in the user dictionary (the HMM leaves them whole), sorted. */
  userSingles: Int32Array;
  hmm: HmmModel;
}

/** Ints per trie record: the first edge of the node, its tag, and the Float64 weight (two ints' bytes). */
export const TRIE_RECORD = 4;

/** The trie's records' weights: edge e's is at [2e + 1] (the records' buffer as Float64, aligned to 8). */
export function trieWeights(trie: Int32Array): Float64Array {
  return new Float64Array(trie.buffer, trie.byteOffset, trie.length >> 1);
}

/** cppjieba's HMM (states B E M S): log probabilities. */
export interface HmmModel {
  start: number[];
  /** trans[from * 4 + to] */
  trans: number[];
  /** emit[state * 65536 + code point] for BMP characters, NaN when the model has none. */
  emit: Float64Array;
  /** Emissions of characters beyond the BMP: [code point, state, log probability]. */
  astral: [number, number, number][];
}

/** cppjieba's "no path": the weight an unseen character emits in the HMM. */
export const MIN_DOUBLE = -3.14e100;

/** limonp's Split on one separator: empty fields kept, but not one after a final separator. */
function split(line: string, separator: string): string[] {
  const parts = line.split(separator);
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.length === 1 && parts[0] === '' ? [] : parts;
}

/** cppjieba's getline: lines without their "\n" (a final empty line is none). */
function lines(text: string): string[] {
  const out = text.split('\n');
  if (out[out.length - 1] === '') out.pop();
  return out;
}

/** C's atof/atoi on a field (a leading number, else 0). */
const atof = (s: string): number => {
  const n = Number.parseFloat(s);
  return Number.isNaN(n) ? 0 : n;
};
const atoi = (s: string): number => {
  const n = Number.parseInt(s, 10);
  return Number.isNaN(n) ? 0 : n;
};

/**
 * The dictionaries as cppjieba loads them: `dictionary` (`word freq tag`
 * lines), the user dictionary's lines (`word`, `word tag` or `word freq tag`)
 * and the HMM model file's text.
 */
export function buildDictionary(dictionary: string, userLines: readonly string[], hmmModel: string): SegmenterDictionary {
  const words: string[] = [];
  const weights: number[] = [];
  const wordTags: string[] = [];
  let sum = 0;
  for (const line of lines(dictionary)) {
    const fields = split(line, ' ');
    if (fields.length !== 3) throw new Error(`jieba dictionary: not “word freq tag”: ${JSON.stringify(line.slice(0, 80))}`);
    words.push(fields[0]!);
    const freq = atof(fields[1]!);
    weights.push(freq);
    wordTags.push(fields[2]!);
    sum += freq;
  }
  if (words.length === 0) throw new Error('jieba dictionary: empty');
  for (let i = 0; i < weights.length; i++) weights[i] = Math.log(weights[i]! / sum);
  const sorted = Float64Array.from(weights).sort();
  const minWeight = sorted[0]!;
  const median = sorted[sorted.length >> 1]!;
  const singles = new Set<number>();
  for (const line of userLines) {
    if (line.length === 0) continue;
    const fields = split(line, ' ');
    if (fields.length < 1 || fields.length > 3 || fields[0] === '') continue;
    const word = fields[0]!;
    words.push(word);
    weights.push(fields.length === 3 ? Math.log(atoi(fields[1]!) / sum) : median);
    wordTags.push(fields.length === 1 ? '' : fields[fields.length - 1]!);
    const first = word.codePointAt(0)!;
    if (word.length === (first > 0xffff ? 2 : 1)) singles.add(first);
  }
  return { ...buildTrie(words, weights, wordTags), minWeight, userSingles: Int32Array.from([...singles].sort((a, b) => a - b)), hmm: parseHmm(hmmModel) };
}

/** The trie of the words (a later entry of the same word replaces an earlier one, as cppjieba's insertion does). */
function buildTrie(words: readonly string[], weights: readonly number[], wordTags: readonly string[]) {
  // edges as one map from (node, code point) to child: node * 0x110000 + code point stays below 2^53
  const edges = new Map<number, number>();
  const nodeWeight: number[] = [Number.NaN];
  const nodeTag: number[] = [0];
  const tags = [''];
  const tagIndex = new Map<string, number>([['', 0]]);
  for (let w = 0; w < words.length; w++) {
    let node = 0;
    for (const ch of words[w]!) {
      const key = node * 0x110000 + runeOf(ch);
      let next = edges.get(key);
      if (next === undefined) {
        next = nodeWeight.length;
        edges.set(key, next);
        nodeWeight.push(Number.NaN);
        nodeTag.push(0);
      }
      node = next;
    }
    if (node === 0) continue; // an empty word: cppjieba inserts nothing
    let t = tagIndex.get(wordTags[w]!);
    if (t === undefined) {
      t = tags.length;
      tags.push(wordTags[w]!);
      tagIndex.set(wordTags[w]!, t);
    }
    nodeWeight[node] = weights[w]!;
    nodeTag[node] = t;
  }
  const order = Float64Array.from(edges.keys()).sort();
  const nodes = nodeWeight.length;
  // each node's edges, by code point: first[n] … first[n + 1] - 1, the node each leads to in `child`
  const first = new Int32Array(nodes + 1);
  const keys = new Int32Array(order.length);
  const child = new Int32Array(order.length);
  for (let e = 0; e < order.length; e++) {
    const key = order[e]!;
    const parent = Math.floor(key / 0x110000);
    keys[e] = key - parent * 0x110000;
    child[e] = edges.get(key)!;
    first[parent + 1] = first[parent + 1]! + 1;
  }
  for (let n = 0; n < nodes; n++) first[n + 1] = first[n + 1]! + first[n]!;
  return { ...breadthFirst(first, keys, child, nodeWeight, nodeTag), tags };
}

/**
 * The trie as records, breadth first: the root's edges, then the edges of each node in the order its edge was
 * written, so that the edges of the node edge k leads to start where those of edge k - 1's node end.
 */
function breadthFirst(first: Int32Array, keys: Int32Array, child: Int32Array, nodeWeight: readonly number[], nodeTag: readonly number[]) {
  const count = keys.length;
  const ordered = new Int32Array(count);
  const trie = new Int32Array(TRIE_RECORD * (count + 1));
  const weights = trieWeights(trie);
  const rootChild = new Int32Array(0x10000);
  // the nodes in the order their edges are written (the root first): queue[q] is reached by edge q - 1
  const queue = new Int32Array(count + 1);
  let written = 0;
  for (let q = 0; q <= count; q++) {
    const node = queue[q]!;
    if (q > 0) trie[TRIE_RECORD * (q - 1)] = written;
    for (let e = first[node]!; e < first[node + 1]!; e++, written++) {
      const next = child[e]!;
      ordered[written] = keys[e]!;
      trie[TRIE_RECORD * written + 1] = nodeTag[next]!;
      weights[2 * written + 1] = nodeWeight[next]!;
      queue[written + 1] = next;
      if (node === 0 && keys[e]! < 0x10000) rootChild[keys[e]!] = written + 1;
    }
  }
  // the last record ends the last edge's node's edges
  trie[TRIE_RECORD * count] = count;
  return { keys: ordered, trie, rootEdges: first[1]!, rootChild };
}

/** A character as cppjieba reads it from UTF-8: a lone surrogate (which UTF-8 cannot hold) is U+FFFD. */
export function runeOf(ch: string): number {
  const cp = ch.codePointAt(0)!;
  return cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp;
}

/** cppjieba's HMMModel::LoadModel: start, transitions, then the emissions of B, E, M and S ("char:logp,…"). */
function parseHmm(text: string): HmmModel {
  const rows = lines(text)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (rows.length < 9) throw new Error('jieba HMM model: fewer than 9 lines');
  const numbers = (row: string) => {
    const fields = split(row, ' ');
    if (fields.length !== 4) throw new Error('jieba HMM model: a probability line without 4 numbers');
    return fields.map(atof);
  };
  const start = numbers(rows[0]!);
  const trans = [1, 2, 3, 4].flatMap((r) => numbers(rows[r]!));
  const emit = new Float64Array(4 * 0x10000).fill(Number.NaN);
  const astral: [number, number, number][] = [];
  for (let state = 0; state < 4; state++) {
    for (const item of split(rows[5 + state]!, ',')) {
      const pair = split(item, ':');
      const chars = [...(pair[0] ?? '')];
      if (pair.length !== 2 || chars.length !== 1) throw new Error('jieba HMM model: an emission not “char:logp”');
      const cp = runeOf(chars[0]!);
      if (cp < 0x10000) emit[state * 0x10000 + cp] = atof(pair[1]!);
      else astral.push([cp, state, atof(pair[1]!)]);
    }
  }
  return { start, trans, emit, astral };
}
