/**
 * A set of pairs of UTF-16 units kept as one bit per hash of the pair: `has` may answer true for a pair never added
 * (about one in ten: the table has 8 to 16 bits per pair), never false for one added. The organ grammar asks at every
 * Han character whether a gazetteer name or a closed organ word starts with it and the next one; most characters
 * start none, and one load from this table tells so where a search would take several unpredictable branches
 * (findOrgans 9.5 → 7.5–8.0 ms a round of the bench's documents). Eight bits a pair rather than 32 (the gazetteer's
 * table 32 KB, not 128 KB: it stays in the caches among the pipeline's other work) made extract ≈ 1 % faster.
 */
export class PairFilter {
  private readonly bits: Int32Array;
  private readonly shift: number;

  /** An empty filter sized for `count` pairs (added with `add`). */
  constructor(count: number) {
    let log2 = 10;
    while (1 << log2 < count * 8 && log2 < 24) log2++;
    this.bits = new Int32Array((1 << log2) >>> 5);
    this.shift = 32 - log2;
  }

  add(a: number, b: number): void {
    const h = this.hash(a, b);
    this.bits[h >>> 5]! |= 1 << (h & 31);
  }

  /** Whether the pair may have been added (a unit beyond the text, NaN, reads as 0). */
  has(a: number, b: number): boolean {
    const h = this.hash(a, b);
    return (this.bits[h >>> 5]! & (1 << (h & 31))) !== 0;
  }

  private hash(a: number, b: number): number {
    return Math.imul((a << 16) | b, 0x9e3779b1) >>> this.shift;
  }
}
