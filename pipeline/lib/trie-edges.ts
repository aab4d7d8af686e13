/**
 * Child lookup for the tries kept in CSR form (OpenCC's phrases: phrase-trie.ts,
 * jieba's dictionary: segmenter/): node k's edges are first[k] … first[k + 1] - 1,
 * their keys (code points) ascending. A node's few edges are scanned, more are
 * halved. (A hash table of the edges of the nodes with many was measured in
 * session 10: 11–16 % faster in a loop over the same texts, no faster inside
 * the pipeline, where its megabyte of random probes leaves the caches.)
 */

/** Nodes with more edges than this are halved, not scanned. */
const FEW = 8;

/** The index of the edge among `keys[lo, hi)` (ascending) whose key is `key`, -1 when none. */
export function edgeIndex(keys: Int32Array, lo: number, hi: number, key: number): number {
  if (hi - lo <= FEW) {
    for (; lo < hi; lo++) if (keys[lo] === key) return lo;
    return -1;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}
