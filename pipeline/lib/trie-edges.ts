/**
 * Child lookup for the tries kept in flat arrays (OpenCC's phrases: phrase-trie.ts, node k's edges first[k] …
 * first[k + 1] - 1; jieba's dictionary: segmenter/dictionary.ts, breadth first), their keys (code points)
 * ascending. A node's few edges are scanned, more are halved without a branch on the comparison. (A hash table of
 * the edges of the nodes with many was measured in session 10: 11–16 % faster in a loop over the same texts, no
 * faster inside the pipeline, where its megabyte of random probes leaves the caches.)
 */

/** Nodes with more edges than this are halved, not scanned. */
const FEW = 8;

/** The index of the edge among `keys[lo, hi)` (ascending) whose key is `key`, -1 when none. */
export function edgeIndex(keys: Int32Array, lo: number, hi: number, key: number): number {
  if (hi - lo <= FEW) {
    for (; lo < hi; lo++) if (keys[lo] === key) return lo;
    return -1;
  }
  // the last edge whose key is ≤ key, halving without a branch on the comparison (its outcome is random: a
  // mispredicted branch at every other step); keys are code points, so keys[m] - key - 1 < 0 exactly when keys[m] ≤ key
  let base = lo;
  for (let n = hi - lo; n > 1; ) {
    const half = n >>> 1;
    base += half * ((keys[base + half]! - key - 1) >>> 31);
    n -= half;
  }
  return keys[base] === key ? base : -1;
}
