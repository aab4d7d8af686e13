/**
 * Every occurrence of each of many words in a text, in one pass (ADR 10).
 *
 * A word's occurrences were found with one `indexOf` scan of the text per
 * word: the text's length times the number of words, which grows with the
 * text too (a compilation of many documents names thousands of agencies).
 * Here the words are a trie walked from each offset whose unit starts some
 * word, as deep as the text follows a word: linear in the text for words of
 * bounded length (names are a few dozen characters at most).
 */

/** A trie over UTF-16 units: node 0 the root, its edges in one map keyed by node and unit, and the word that ends at each node (-1: none). */
class UnitTrie {
  private readonly edges = new Map<number, number>();
  private readonly ends: number[] = [-1];
  /** 1 for the units some word starts with: most offsets of a text start none and cost one lookup. */
  readonly first = new Uint8Array(0x10000);

  add(word: string, index: number): void {
    let node = 0;
    for (let k = 0; k < word.length; k++) {
      const key = node * 0x10000 + word.charCodeAt(k);
      let next = this.edges.get(key);
      if (next === undefined) {
        next = this.ends.length;
        this.ends.push(-1);
        this.edges.set(key, next);
      }
      node = next;
    }
    this.ends[node] = index;
    this.first[word.charCodeAt(0)] = 1;
  }

  /** Calls `found(index, start)` for each word that starts at `start` of `text`, shortest first. */
  wordsAt(text: string, start: number, found: (index: number, start: number) => void): void {
    let node = 0;
    for (let k = start; k < text.length; k++) {
      const next = this.edges.get(node * 0x10000 + text.charCodeAt(k));
      if (next === undefined) return;
      node = next;
      const end = this.ends[node]!;
      if (end >= 0) found(end, start);
    }
  }
}

/**
 * The start offsets (UTF-16, ascending) of every occurrence of each word in `text`, overlapping ones included: what
 * `indexOf` from each offset in turn would find. Empty words have none.
 */
export function occurrences(text: string, words: readonly string[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const trie = new UnitTrie();
  const lists: number[][] = [];
  for (const word of words) {
    if (word === '' || out.has(word)) continue;
    const list: number[] = [];
    out.set(word, list);
    trie.add(word, lists.length);
    lists.push(list);
  }
  if (lists.length === 0) return out;
  const found = (index: number, start: number) => lists[index]!.push(start);
  for (let i = 0; i < text.length; i++) if (trie.first[text.charCodeAt(i)] === 1) trie.wordsAt(text, i, found);
  return out;
}
