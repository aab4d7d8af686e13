/**
 * A longest-match dictionary for one OpenCC dictionary group, with the
 * semantics of opencc-js's `Trie` (same loading order, same longest-prefix
 * match, same handling of unmatched characters and ideographic description
 * sequences), so converters built on it give opencc-js's results — the
 * upstream test cases in test/opencc.test.ts check that.
 *
 * Written by hand for speed only: conversion is on every document's hot
 * path, and opencc-js's trie allocates a match object per position and
 * walks each matched unit twice (once to segment, once to convert). Here the
 * root is an array indexed by code point, a match returns its end and leaves
 * its value in `value`, and `convertLine` converts and segments in one pass.
 */
import type { DictGroup, DictLike } from 'opencc-js';

interface TrieNode {
  next: Map<number, TrieNode> | null;
  value: string | undefined;
}

/** Code points below this are looked up in an array at the root. */
const ROOT_ARRAY = 0x10000;

export class PhraseTrie {
  private readonly rootArray: (TrieNode | undefined)[] = new Array<TrieNode | undefined>(ROOT_ARRAY);
  private readonly rootMap = new Map<number, TrieNode>();
  /** The value of the last successful `match`. */
  value = '';

  addWord(source: string, value: string): void {
    let node: TrieNode | undefined;
    for (const ch of source) {
      const cp = ch.codePointAt(0)!;
      let child: TrieNode | undefined;
      if (!node) {
        child = cp < ROOT_ARRAY ? this.rootArray[cp] : this.rootMap.get(cp);
        if (!child) {
          child = { next: null, value: undefined };
          if (cp < ROOT_ARRAY) this.rootArray[cp] = child;
          else this.rootMap.set(cp, child);
        }
      } else {
        node.next ??= new Map();
        child = node.next.get(cp);
        if (!child) node.next.set(cp, (child = { next: null, value: undefined }));
      }
      node = child;
    }
    if (node) node.value = value;
  }

  /** As opencc-js: the group's dictionaries are loaded last to first, so the first one wins. */
  loadDictGroup(group: DictGroup): void {
    for (const dict of [...group].reverse()) this.loadDict(dict);
  }

  private loadDict(dict: DictLike): void {
    if (typeof dict === 'string') {
      for (const entry of dict.split('|')) {
        const [source, value] = entry.split(' ');
        if (typeof value !== 'string') throw new TypeError(`Unexpected OpenCC dictionary entry “${entry}”: expected “source replacement”`);
        this.addWord(source!, value);
      }
    } else for (const [source, value] of dict) this.addWord(source, value);
  }

  /** End (UTF-16) of the longest entry starting at `i`, its value in `value`; 0 when none. */
  match(s: string, i: number): number {
    let end = 0;
    let node: TrieNode | undefined;
    for (let j = i; j < s.length; ) {
      const cp = s.codePointAt(j)!;
      j += cp > 0xffff ? 2 : 1;
      const next = node ? node.next?.get(cp) : cp < ROOT_ARRAY ? this.rootArray[cp] : this.rootMap.get(cp);
      if (!next) break;
      node = next;
      if (node.value !== undefined) {
        end = j;
        this.value = node.value;
      }
    }
    return end;
  }

  /** The text cut into its longest matches and the runs between them. */
  segment(s: string): string[] {
    const out: string[] = [];
    this.walk(s, (from, to) => out.push(s.slice(from, to)), (from, to) => out.push(s.slice(from, to)));
    return out;
  }

  convert(s: string): string {
    return this.convertUnits(s);
  }

  /**
   * Segment and convert in one pass: `onUnit`, if given, sees each unit's
   * source span (a match, or a run without one) before it is converted.
   */
  convertUnits(s: string, onUnit?: (from: number, to: number) => void): string {
    let out = '';
    this.walk(
      s,
      (from, to) => {
        onUnit?.(from, to);
        out += this.value;
      },
      (from, to) => {
        onUnit?.(from, to);
        out += s.slice(from, to);
      },
    );
    return out;
  }

  /** Matches (with `value` set) and the runs between them, in order. */
  private walk(s: string, onMatch: (from: number, to: number) => void, onRun: (from: number, to: number) => void): void {
    let run = -1;
    for (let i = 0; i < s.length; ) {
      const end = this.match(s, i);
      if (end > 0) {
        if (run >= 0) onRun(run, i);
        run = -1;
        onMatch(i, end);
        i = end;
      } else {
        if (run < 0) run = i;
        i += unmatchedLength(s, i);
      }
    }
    if (run >= 0) onRun(run, s.length);
  }
}

function codePointLength(s: string, i: number): number {
  return s.codePointAt(i)! > 0xffff ? 2 : 1;
}

/** Ideographic description characters take two or three components (⿰氵青). */
function idsArity(cp: number): number {
  if (cp >= 0x2ff0 && cp <= 0x2ff1) return 2;
  if (cp >= 0x2ff2 && cp <= 0x2ff3) return 3;
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2;
  return 0;
}

function idsEnd(s: string, i: number): number {
  const arity = idsArity(s.codePointAt(i)!);
  if (arity === 0) return 0;
  let end = i + codePointLength(s, i);
  for (let n = 0; n < arity; n++) {
    if (end >= s.length) return 0;
    const child = idsEnd(s, end);
    end = child || end + codePointLength(s, end);
  }
  return end;
}

/** An unmatched character, or a whole ideographic description sequence: never converted piecewise. */
function unmatchedLength(s: string, i: number): number {
  const end = idsEnd(s, i);
  return end > i ? end - i : codePointLength(s, i);
}
