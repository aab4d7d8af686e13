/**
 * Converts UTF-16 offsets (what JavaScript strings index) to Unicode code
 * point offsets (what every span in the output uses, so that a character
 * outside the Basic Multilingual Plane — common in rare names — counts once).
 * Text without surrogate pairs, the usual case, takes the identity path.
 */
export class CodePointIndex {
  /** UTF-16 offsets of the low surrogates, ascending; empty for BMP-only text. */
  private readonly lowSurrogates: number[] = [];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) this.lowSurrogates.push(++i);
      }
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
