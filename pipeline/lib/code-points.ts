/**
 * Converts UTF-16 offsets (what JavaScript strings index) to Unicode code
 * point offsets (what every span in the output uses, so that a character
 * outside the Basic Multilingual Plane — common in rare names — counts once).
 * Text without surrogate pairs, the usual case, takes the identity path.
 */
/** A high surrogate followed by a low one (UTF-16 units: no u flag). */
const PAIR = /[\ud800-\udbff](?=[\udc00-\udfff])/g;

export class CodePointIndex {
  /** UTF-16 offsets of the low surrogates, ascending; empty for BMP-only text. */
  private readonly lowSurrogates: number[] = [];

  constructor(text: string) {
    // found by the regular expression engine's scan (four times a loop over the units: texts are mostly without pairs)
    PAIR.lastIndex = 0;
    for (let m = PAIR.exec(text); m; m = PAIR.exec(text)) {
      this.lowSurrogates.push(m.index + 1);
      PAIR.lastIndex = m.index + 2;
    }
  }

  /** Code point offset of a UTF-16 offset (an offset inside a pair counts as its start). */
  toCodePoint(utf16: number): number {
    // every pair whose low surrogate lies at or before utf16 counts one unit too many
    return utf16 - lowerBound(this.lowSurrogates, utf16 + 1);
  }

  /** UTF-16 offset of a code point offset. */
  toUtf16(codePoint: number): number {
    // the n-th code point lies at codePoint + (number of pairs before it)
    let lo = 0;
    let hi = this.lowSurrogates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      // code point index of the pair whose low surrogate is lowSurrogates[mid]
      if (this.lowSurrogates[mid]! - 1 - mid < codePoint) lo = mid + 1;
      else hi = mid;
    }
    return codePoint + lo;
  }

  span(start: number, end: number): { start: number; end: number } {
    return { start: this.toCodePoint(start), end: this.toCodePoint(end) };
  }
}

/** First index in a sorted array whose value is >= x. */
export function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
