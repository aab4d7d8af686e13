/** Child lookup of the CSR tries (lib/trie-edges.ts): a scan of a node's few edges, halving for more (without a branch on the comparison) */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { edgeIndex } from '../pipeline/lib/trie-edges.js';

describe('edgeIndex', () => {
  it('finds each node’s edge by its key, and no edge for a key the node lacks, whatever the node’s number of edges', () => {
    // nodes of 0 to 40 edges (past the 8 above which they are halved), keys from a small range so nodes share them
    const node = fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 40, size: 'max' }).map((keys) => keys.sort((a, b) => a - b));
    fc.assert(
      fc.property(fc.array(node, { minLength: 1, maxLength: 30, size: 'max' }), (nodes) => {
        const first = new Int32Array(nodes.length + 1);
        nodes.forEach((keys, k) => (first[k + 1] = first[k]! + keys.length));
        const keys = Int32Array.from(nodes.flat());
        nodes.forEach((own, k) => {
          for (let key = 0; key <= 61; key++) {
            const at = own.indexOf(key);
            const want = at < 0 ? -1 : first[k]! + at;
            expect(edgeIndex(keys, first[k]!, first[k + 1]!, key), `node ${k} key ${key}`).toBe(want);
          }
        });
      }),
      { numRuns: 300, seed: 13 },
    );
  });
});
