/**
 * A longest-match dictionary for one OpenCC dictionary group, with the
 * semantics of opencc-js's `Trie` (same loading order, same longest-prefix
 * match, same handling of unmatched characters and ideographic description
 * sequences), so converters built on it give opencc-js's results — the
 * upstream test cases in test/opencc.test.ts check that.
 *
 * Written by hand for speed only: conversion is on every document's hot
 * path, and opencc-js's trie allocates a match object per position and
 * walks each matched unit twice (once to segment, once to convert). Here a
 * match returns its end and leaves its value in `value`, and `convertUnits`
 * converts and segments in one pass.
 *
 * Two forms: `PhraseTrie` is built word by word from the dictionaries (nodes
 * in maps; ≈ 0.1 s for s2t's 54 k entries), and `FlatTrie` is the same trie
 * in a few typed arrays and one string (`flatten`), which is what converters
 * match with: a process reads it back from a prepared file (lib/opencc.ts)
 * in a few milliseconds instead of building it, and since every converter
 * matches with the flat form, a built trie and a read one convert alike.
 * Read back, a node's first edge and value sit side by side, and below the
 * root a child's number is its edge's plus a constant (breadth first): a
 * step of a match reads one place where it read three (≈ 5 % faster with
 * the caches emptied before each text, as in the pipeline).
 */
import { edgeIndex } from './trie-edges.js';

/**
 * opencc-js's dictionary shapes (its `DictLike`, `DictGroup`), spelled here so
 * that gongwen's published types do not import opencc-js's, which do not
 * resolve under NodeNext: a dictionary as `source replacement|…` text or as
 * pairs, a group of dictionaries.
 */
type DictLike = string | readonly (readonly [string, string])[];
type DictGroup = readonly DictLike[];

interface TrieNode {
  next: Map<number, TrieNode> | null;
  value: string | undefined;
}

/** Code points below this are looked up in an array at the root. */
const ROOT_ARRAY = 0x10000;

export class PhraseTrie {
  private readonly rootArray: (TrieNode | undefined)[] = new Array<TrieNode | undefined>(ROOT_ARRAY);
  private readonly rootMap = new Map<number, TrieNode>();

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

  /** The same trie in flat arrays (children of a node in code-point order, equal values stored once). */
  flatten(): FlatTrie {
    const nodes: TrieNode[] = [{ next: null, value: undefined }];
    const index = new Map<TrieNode, number>();
    const number = (node: TrieNode) => {
      index.set(node, nodes.length);
      nodes.push(node);
    };
    const rootCodes: number[] = [];
    for (let cp = 0; cp < ROOT_ARRAY; cp++) if (this.rootArray[cp]) rootCodes.push(cp);
    const astral = [...this.rootMap.keys()].sort((x, y) => x - y);
    for (const cp of rootCodes) number(this.rootArray[cp]!);
    for (const cp of astral) number(this.rootMap.get(cp)!);
    const edgeCp: number[] = [];
    const edgeNode: number[] = [];
    const first: number[] = [];
    const value: number[] = [];
    const values: string[] = [];
    const valueIndex = new Map<string, number>();
    // breadth first: a node's children are numbered when it is reached, so every child has a number before its edge is written
    for (let k = 0; k < nodes.length; k++) {
      const node = nodes[k]!;
      first.push(edgeCp.length);
      if (node.value === undefined) value.push(-1);
      else {
        let v = valueIndex.get(node.value);
        if (v === undefined) {
          v = values.length;
          valueIndex.set(node.value, v);
          values.push(node.value);
        }
        value.push(v);
      }
      const children: [number, TrieNode][] = k === 0 ? astral.map((cp) => [cp, this.rootMap.get(cp)!]) : [...(node.next ?? [])].sort((x, y) => x[0] - y[0]);
      for (const [cp, child] of children) {
        if (k !== 0) number(child);
        edgeCp.push(cp);
        edgeNode.push(index.get(child)!);
      }
    }
    first.push(edgeCp.length);
    const root = new Int32Array(ROOT_ARRAY);
    for (const cp of rootCodes) root[cp] = index.get(this.rootArray[cp]!)!;
    const valueStart = new Int32Array(values.length + 1);
    for (let v = 0; v < values.length; v++) valueStart[v + 1] = valueStart[v]! + values[v]!.length;
    return new FlatTrie({
      root,
      first: Int32Array.from(first),
      edgeCp: Int32Array.from(edgeCp),
      edgeNode: Int32Array.from(edgeNode),
      value: Int32Array.from(value),
      valueStart,
      values: values.join(''),
    });
  }
}

/**
 * A trie in flat arrays, as a prepared file keeps it. Node 0 is the root: its
 * children below U+10000 are found through `root` (by code point), the others
 * among its edges; node k's children are the edges first[k] … first[k+1] - 1,
 * in code-point order.
 */
export interface FlatTrieData {
  /** The root's child for each code point below U+10000, 0 for none. */
  root: Int32Array;
  first: Int32Array;
  edgeCp: Int32Array;
  edgeNode: Int32Array;
  /** Each node's value (an index into valueStart), -1 for none. */
  value: Int32Array;
  /** Value v is values.slice(valueStart[v], valueStart[v + 1]). */
  valueStart: Int32Array;
  values: string;
}

export class FlatTrie {
  /** The value of the last successful `match`. */
  value = '';
  private readonly root: Int32Array;
  /**
   * Per node k, what a step of a match reads of it in one place: [2k] its first edge (its edges end where node
   * k + 1's start, at [2k + 2]), [2k + 1] its value (-1 none). Made from `first` and `value` when the trie is read.
   */
  private readonly nodes: Int32Array;
  private readonly edgeCp: Int32Array;
  private readonly edgeNode: Int32Array;
  /** edgeNode[e] - e for every edge below the root (breadthFirstOffset). */
  private readonly childOffset: number;
  private readonly valueStart: Int32Array;
  private readonly text: string;

  constructor(readonly data: FlatTrieData) {
    for (const key of ['root', 'first', 'edgeCp', 'edgeNode', 'value', 'valueStart'] as const) {
      if (!(data[key] instanceof Int32Array)) throw new TypeError(`Not a flat trie: ${key} is no Int32Array`);
    }
    if (typeof data.values !== 'string' || data.root.length !== ROOT_ARRAY || data.first.length !== data.value.length + 1 || data.edgeCp.length !== data.edgeNode.length) {
      throw new TypeError('Not a flat trie: its arrays do not fit together');
    }
    this.root = data.root;
    this.nodes = new Int32Array(2 * data.first.length);
    for (let k = 0; k < data.first.length; k++) {
      this.nodes[2 * k] = data.first[k]!;
      this.nodes[2 * k + 1] = k < data.value.length ? data.value[k]! : -1;
    }
    this.edgeCp = data.edgeCp;
    this.edgeNode = data.edgeNode;
    this.childOffset = breadthFirstOffset(data);
    this.valueStart = data.valueStart;
    this.text = data.values;
    // filled, not grown by index: an array written at scattered indexes becomes a slow dictionary
    this.valueStrings = new Array<string | undefined>(data.valueStart.length - 1).fill(undefined);
  }

  /**
   * The child of `node` by code point `cp`, 0 when none. Below the root a child's number is its edge's plus
   * `childOffset`: no load on the match's chain of dependent loads.
   */
  private child(node: number, cp: number): number {
    if (node === 0) {
      if (cp < ROOT_ARRAY) return this.root[cp]!;
      const e = edgeIndex(this.edgeCp, this.nodes[0]!, this.nodes[2]!, cp);
      return e < 0 ? 0 : this.edgeNode[e]!;
    }
    const e = edgeIndex(this.edgeCp, this.nodes[2 * node]!, this.nodes[2 * node + 2]!, cp);
    return e < 0 ? 0 : e + this.childOffset;
  }

  /** End (UTF-16) of the longest entry starting at `i`, its value in `value`; 0 when none. */
  match(s: string, i: number): number {
    let end = 0;
    let found = -1;
    let node = 0;
    for (let j = i; j < s.length; ) {
      const cp = s.codePointAt(j)!;
      j += cp > 0xffff ? 2 : 1;
      node = this.child(node, cp);
      if (node === 0) break;
      const v = this.nodes[2 * node + 1]!;
      if (v >= 0) {
        end = j;
        found = v;
      }
    }
    if (found >= 0) this.value = this.valueOf(found);
    return end;
  }

  /** Each value as a string, made when first matched: most matches are a character, which slicing made anew each time. */
  private readonly valueStrings: (string | undefined)[];

  private valueOf(v: number): string {
    let value = this.valueStrings[v];
    if (value === undefined) this.valueStrings[v] = value = this.text.slice(this.valueStart[v], this.valueStart[v + 1]);
    return value;
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

/**
 * `flatten` numbers nodes breadth first and writes each node's edges as it numbers their children, so below the root
 * a child's number is its edge's plus one constant (the root's children, numbered first, apart from its edges). That
 * constant, checked on every edge: a trie not laid out so is refused.
 */
function breadthFirstOffset(data: FlatTrieData): number {
  const { first, edgeNode } = data;
  const from = first[1] ?? 0;
  const offset = from < edgeNode.length ? edgeNode[from]! - from : 0;
  for (let e = from; e < edgeNode.length; e++) {
    if (edgeNode[e] !== e + offset) throw new TypeError(`Not a flat trie: edge ${e} leads to node ${edgeNode[e]}, not ${e + offset} (breadth first)`);
  }
  return offset;
}
