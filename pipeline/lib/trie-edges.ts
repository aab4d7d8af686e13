/**
 * Child lookup for the tries kept in CSR form (OpenCC's phrases: phrase-trie.ts,
 * jieba's dictionary: segmenter/): node k's edges are first[k] … first[k + 1] - 1,
 * their keys (code points) ascending.
 *
 * A node with a few edges is scanned; the edges of the nodes with more (the
 * first characters of thousands of words or phrases) are kept in one
 * open-addressing table keyed by node and code point, built from the arrays
 * when the trie is read (≈ 1 ms for OpenCC's, 2–3 ms for jieba's): one probe
 * where halving hundreds of edges took eight unpredictable steps.
 */

/** Nodes with more edges than this have them in the table. */
const FEW = 8;

/** A slot for the edge of `node` by `key` (multiplicative hashing of both). */
const slotOf = (node: number, key: number): number => Math.imul(node, 0x9e3779b1) ^ Math.imul(key, 0x85ebca6b);

export class TrieEdges {
  /** Edge indexes by slot, -1 for an empty slot. */
  private readonly table: Int32Array;
  private readonly mask: number;

  constructor(
    private readonly first: Int32Array,
    private readonly keys: Int32Array,
  ) {
    let many = 0;
    for (let node = 0; node + 1 < first.length; node++) if (first[node + 1]! - first[node]! > FEW) many += first[node + 1]! - first[node]!;
    let size = 1;
    while (size < 2 * many) size *= 2;
    this.table = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let node = 0; node + 1 < first.length; node++) {
      if (first[node + 1]! - first[node]! <= FEW) continue;
      for (let edge = first[node]!; edge < first[node + 1]!; edge++) {
        let slot = slotOf(node, keys[edge]!) & this.mask;
        while (this.table[slot]! >= 0) slot = (slot + 1) & this.mask;
        this.table[slot] = edge;
      }
    }
  }

  /** The index of `node`'s edge by `key`, -1 when it has none. */
  edge(node: number, key: number): number {
    const lo = this.first[node]!;
    const hi = this.first[node + 1]!;
    const keys = this.keys;
    if (hi - lo <= FEW) {
      for (let e = lo; e < hi; e++) if (keys[e] === key) return e;
      return -1;
    }
    const table = this.table;
    for (let slot = slotOf(node, key) & this.mask; ; slot = (slot + 1) & this.mask) {
      const e = table[slot]!;
      if (e < 0) return -1;
      if (keys[e] === key && e >= lo && e < hi) return e;
    }
  }
}
