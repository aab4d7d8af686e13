/**
 * jieba's segmentation, as cppjieba (nodejieba 3.5) does it, over the typed
 * arrays of segmenter/dictionary.ts: the same words and tags for the same
 * dictionaries (tested against nodejieba on the corpus).
 *
 * - `cut` is cppjieba's MPSegment (nodejieba's `cut(text)`, no HMM): the text
 *   is split at the separators (space, tab, newline, ，and 。, each a word of
 *   its own); in each range every position's dictionary words are found in
 *   the trie, and the route of greatest summed weight is taken, computed from
 *   the end (an unknown character weighs the smallest weight; a tie keeps the
 *   shorter word).
 * - `tag` is cppjieba's MixSegment with its HMM, then PosTagger: runs of
 *   single characters the route left (but not the user dictionary's
 *   one-character words) are cut again by the HMM (Viterbi over B E M S;
 *   Latin letters and digits as runs of their own), and each word gets its
 *   dictionary tag, or m (digits), eng (Latin) or x.
 *
 * Characters are code points (a lone surrogate reads as U+FFFD, as it does
 * once nodejieba has it in UTF-8); offsets are UTF-16 units of the text.
 * Scratch arrays are the instance's, grown as needed: one instance per thread.
 */
import { edgeIndex } from '../trie-edges.js';
import { MIN_DOUBLE, runeOf, TRIE_RECORD, trieWeights, type SegmenterDictionary } from './dictionary.js';

const E = 1;
const S = 3;
/** cppjieba's MAX_WORD_LENGTH, in characters. */
const MAX_WORD = 512;

/** `next`'s edge for the root (no edge leads to it). */
const ROOT = -2;

const isSeparator = (r: number) => r === 0x20 || r === 0x09 || r === 0x0a || r === 0xff0c || r === 0x3002;

export interface TaggedWord {
  word: string;
  tag: string;
}

export class WordSegmenter {
  private runes = new Int32Array(1024);
  /** UTF-16 offset of each character, and of the end after the last. */
  private units = new Int32Array(1025);
  private route = new Float64Array(1024);
  private length = new Int32Array(1024);
  /** Word ends (character indexes, exclusive) of the last mixed cut. */
  private ends = new Int32Array(1024);
  private endCount = 0;
  private viterbiWeight = new Float64Array(4096);
  private viterbiPath = new Int8Array(4096);
  private readonly singles: Set<number>;
  private readonly trie: Int32Array;
  /** The trie records' weights (edge e's at 2e + 1). */
  private readonly weights: Float64Array;

  constructor(private readonly dict: SegmenterDictionary) {
    this.singles = new Set(dict.userSingles);
    this.trie = dict.trie;
    this.weights = trieWeights(dict.trie);
  }

  /** nodejieba's `cut(text)`: the words, in order. */
  cut(text: string): string[] {
    const out: string[] = [];
    this.forEachWord(text, 0, text.length, false, (start, end) => out.push(text.slice(start, end)));
    return out;
  }

  /** nodejieba's `tag(text)`: the words (cut with the HMM) and their tags. */
  tag(text: string): TaggedWord[] {
    const out: TaggedWord[] = [];
    this.forEachWord(text, 0, text.length, true, (start, end) => {
      const word = text.slice(start, end);
      out.push({ word, tag: this.tagOf(word) });
    });
    return out;
  }

  /** Calls `word` with the UTF-16 span of each word of text[from, to), in order; with the HMM as `tag` cuts, or without as `cut`. */
  forEachWord(text: string, from: number, to: number, hmm: boolean, word: (start: number, end: number) => void): void {
    const n = this.decode(text, from, to);
    const { runes, units } = this;
    let begin = 0;
    while (begin < n) {
      // PreFilter: a separator is a range of its own, the text between two a range
      let end = begin;
      if (isSeparator(runes[begin]!)) end = begin + 1;
      else while (end < n && !isSeparator(runes[end]!)) end++;
      if (hmm) this.mixedRange(begin, end);
      else this.routeRange(begin, end);
      if (hmm) {
        let start = begin;
        for (let k = 0; k < this.endCount; k++) {
          const e = this.ends[k]!;
          word(units[start]!, units[e]!);
          start = e;
        }
      } else {
        for (let i = begin; i < end; i += this.length[i]!) word(units[i]!, units[i + this.length[i]!]!);
      }
      begin = end;
    }
  }

  /** The tag cppjieba's PosTagger gives a word. */
  tagOf(word: string): string {
    const { dict } = this;
    let edge = ROOT;
    for (const ch of word) {
      edge = this.next(edge, runeOf(ch));
      if (edge < 0) break;
    }
    const tag = edge >= 0 ? this.trie[TRIE_RECORD * edge + 1]! : 0;
    if (edge >= 0 && !Number.isNaN(this.weights[2 * edge + 1]!) && tag !== 0) return dict.tags[tag]!;
    // SpecialRule: no ASCII → x; ASCII all digits → m; else eng (counted over the first half of the characters)
    const chars = [...word];
    let ascii = 0;
    let digits = 0;
    for (let i = 0; i < chars.length && ascii < Math.floor(chars.length / 2); i++) {
      const r = runeOf(chars[i]!);
      if (r < 0x80) {
        ascii++;
        if (r >= 0x30 && r <= 0x39) digits++;
      }
    }
    return ascii === 0 ? 'x' : digits === ascii ? 'm' : 'eng';
  }

  /** The text's characters into `runes`, their offsets into `units`; returns how many. */
  private decode(text: string, from: number, to: number): number {
    if (this.runes.length < to - from) this.grow(to - from);
    const { runes, units } = this;
    let n = 0;
    for (let u = from; u < to; ) {
      const c = text.charCodeAt(u);
      units[n] = u;
      if (c >= 0xd800 && c <= 0xdbff && u + 1 < to) {
        const d = text.charCodeAt(u + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          runes[n++] = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
          u += 2;
          continue;
        }
      }
      runes[n++] = c >= 0xd800 && c <= 0xdfff ? 0xfffd : c;
      u++;
    }
    units[n] = to;
    return n;
  }

  private grow(size: number): void {
    const n = Math.max(size, this.runes.length * 2);
    this.runes = new Int32Array(n);
    this.units = new Int32Array(n + 1);
    this.route = new Float64Array(n);
    this.length = new Int32Array(n);
    this.ends = new Int32Array(n);
  }

  /** The edge by code point `r` from the node `edge` leads to (ROOT: from the root), -1 when none. */
  private next(edge: number, r: number): number {
    const { trie, dict } = this;
    if (edge === ROOT) return r < 0x10000 ? dict.rootChild[r]! - 1 : edgeIndex(dict.keys, 0, dict.rootEdges, r);
    const at = TRIE_RECORD * edge;
    return edgeIndex(dict.keys, trie[at]!, trie[at + TRIE_RECORD]!, r);
  }

  /** MPSegment on runes[begin, end): `length[i]` is the length of the word the best route takes at i. */
  private routeRange(begin: number, end: number): void {
    const { runes, route, length, dict, weights } = this;
    for (let i = end - 1; i >= begin; i--) {
      let edge = this.next(ROOT, runes[i]!);
      const after = i + 1 < end ? route[i + 1]! : 0;
      // the character alone first: its word's weight, or the smallest when it is none
      let best = MIN_DOUBLE;
      let bestLength = 1;
      const single = edge >= 0 && !Number.isNaN(weights[2 * edge + 1]!) ? weights[2 * edge + 1]! : dict.minWeight;
      const first = after + single;
      if (first > best) best = first;
      for (let j = i + 1; edge >= 0 && j < end && j - i + 1 <= MAX_WORD; j++) {
        edge = this.next(edge, runes[j]!);
        if (edge < 0) break;
        const w = weights[2 * edge + 1]!;
        if (Number.isNaN(w)) continue;
        const value = (j + 1 < end ? route[j + 1]! : 0) + w;
        if (value > best) {
          best = value;
          bestLength = j - i + 1;
        }
      }
      route[i] = best;
      length[i] = bestLength;
    }
  }

  /** MixSegment on runes[begin, end): the word ends into `ends`. */
  private mixedRange(begin: number, end: number): void {
    this.routeRange(begin, end);
    const { runes, length } = this;
    this.endCount = 0;
    let i = begin;
    while (i < end) {
      const len = length[i]!;
      if (len > 1 || this.singles.has(runes[i]!)) {
        this.ends[this.endCount++] = i + len;
        i += len;
        continue;
      }
      // a run of single characters the user dictionary does not hold: the HMM cuts it
      let j = i;
      while (j < end && length[j] === 1 && !this.singles.has(runes[j]!)) j++;
      this.hmmCut(i, j);
      i = j;
    }
  }

  /** HMMSegment::Cut on runes[begin, end): Latin letters (with digits after them) and numbers are words; the rest by Viterbi. */
  private hmmCut(begin: number, end: number): void {
    const { runes } = this;
    let left = begin;
    let right = begin;
    while (right < end) {
      const r = runes[right]!;
      if (r >= 0x80) {
        right++;
        continue;
      }
      if (left !== right) this.viterbi(left, right);
      left = right;
      const isLetter = (x: number) => (x >= 0x61 && x <= 0x7a) || (x >= 0x41 && x <= 0x5a);
      const isDigit = (x: number) => x >= 0x30 && x <= 0x39;
      if (isLetter(r)) {
        right = left + 1;
        while (right < end && (isLetter(runes[right]!) || isDigit(runes[right]!))) right++;
      } else if (isDigit(r)) {
        right = left + 1;
        while (right < end && (isDigit(runes[right]!) || runes[right] === 0x2e)) right++;
      } else right = left + 1;
      this.ends[this.endCount++] = right;
      left = right;
    }
    if (left !== right) this.viterbi(left, right);
  }

  /** HMMSegment::InternalCut: Viterbi over runes[begin, end), a word ending at each E or S. */
  private viterbi(begin: number, end: number): void {
    const X = end - begin;
    if (this.viterbiWeight.length < 4 * X) {
      this.viterbiWeight = new Float64Array(8 * X);
      this.viterbiPath = new Int8Array(8 * X);
    }
    const weight = this.viterbiWeight;
    const path = this.viterbiPath;
    const { start, trans } = this.dict.hmm;
    for (let y = 0; y < 4; y++) {
      weight[y * X] = start[y]! + this.emit(y, this.runes[begin]!);
      path[y * X] = -1;
    }
    for (let x = 1; x < X; x++) {
      const r = this.runes[begin + x]!;
      for (let y = 0; y < 4; y++) {
        const now = x + y * X;
        let best = MIN_DOUBLE;
        let from = E;
        const emit = this.emit(y, r);
        for (let pre = 0; pre < 4; pre++) {
          const value = weight[x - 1 + pre * X]! + trans[pre * 4 + y]! + emit;
          if (value > best) {
            best = value;
            from = pre;
          }
        }
        weight[now] = best;
        path[now] = from;
      }
    }
    let state = weight[X - 1 + E * X]! >= weight[X - 1 + S * X]! ? E : S;
    // the states from the end back; a word ends where the state is E or S
    const firstEnd = this.endCount;
    let count = 0;
    for (let x = X - 1; x >= 0; x--) {
      if (state % 2 === 1) this.ends[firstEnd + count++] = begin + x + 1;
      state = path[x + state * X]!;
    }
    // written from the end: reverse them into order
    for (let a = firstEnd, b = firstEnd + count - 1; a < b; a++, b--) {
      const t = this.ends[a]!;
      this.ends[a] = this.ends[b]!;
      this.ends[b] = t;
    }
    this.endCount += count;
  }

  private emit(state: number, r: number): number {
    if (r < 0x10000) {
      const p = this.dict.hmm.emit[state * 0x10000 + r]!;
      return Number.isNaN(p) ? MIN_DOUBLE : p;
    }
    const { astral } = this.dict.hmm;
    for (let k = astral.length - 1; k >= 0; k--) if (astral[k]![0] === r && astral[k]![1] === state) return astral[k]![2];
    return MIN_DOUBLE;
  }
}
