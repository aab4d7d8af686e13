/**
 * Offset alignment between a text and its script conversion.
 *
 * OpenCC converts character for character almost everywhere; where a phrase
 * conversion changes length (twp: 算法 → 演算法) the two texts drift. Lines
 * never merge or split, so each line pair is compared, and the part that
 * differs in length (between the longest common prefix and suffix) becomes
 * one segment. Offsets outside segments shift by the accumulated difference;
 * offsets inside a segment are clamped proportionally. Written by hand:
 * opencc-js returns only the converted string.
 */
export interface Segment {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

export class Alignment {
  readonly segments: readonly Segment[];

  constructor(segments: Segment[]) {
    this.segments = segments;
  }

  static between(a: string, b: string): Alignment {
    if (a.length === b.length) return new Alignment([]);
    const segments: Segment[] = [];
    const aLines = a.split('\n');
    const bLines = b.split('\n');
    if (aLines.length !== bLines.length) {
      // not expected from OpenCC; treat the whole text as one segment
      return new Alignment([{ aStart: 0, aEnd: a.length, bStart: 0, bEnd: b.length }]);
    }
    let aOffset = 0;
    let bOffset = 0;
    for (let i = 0; i < aLines.length; i++) {
      const x = aLines[i]!;
      const y = bLines[i]!;
      if (x.length !== y.length) {
        let prefix = 0;
        while (prefix < x.length && prefix < y.length && x[prefix] === y[prefix]) prefix++;
        let suffix = 0;
        while (suffix < x.length - prefix && suffix < y.length - prefix && x[x.length - 1 - suffix] === y[y.length - 1 - suffix]) suffix++;
        segments.push({ aStart: aOffset + prefix, aEnd: aOffset + x.length - suffix, bStart: bOffset + prefix, bEnd: bOffset + y.length - suffix });
      }
      aOffset += x.length + 1;
      bOffset += y.length + 1;
    }
    return new Alignment(segments);
  }

  get identity(): boolean {
    return this.segments.length === 0;
  }

  /** Offset in b of an offset in a. */
  forward(x: number): number {
    return map(this.segments, x, 'a', 'b');
  }

  /** Offset in a of an offset in b. */
  backward(y: number): number {
    return map(this.segments, y, 'b', 'a');
  }

  inverse(): Alignment {
    return new Alignment(this.segments.map((s) => ({ aStart: s.bStart, aEnd: s.bEnd, bStart: s.aStart, bEnd: s.aEnd })));
  }
}

function map(segments: readonly Segment[], x: number, from: 'a' | 'b', to: 'a' | 'b'): number {
  let delta = 0;
  for (const s of segments) {
    const fs = from === 'a' ? s.aStart : s.bStart;
    const fe = from === 'a' ? s.aEnd : s.bEnd;
    const ts = to === 'a' ? s.aStart : s.bStart;
    const te = to === 'a' ? s.aEnd : s.bEnd;
    if (x < fs) break;
    if (x <= fe) {
      if (x === fe) return te;
      const width = fe - fs;
      return ts + (width === 0 ? 0 : Math.round(((x - fs) * (te - ts)) / width));
    }
    delta = te - fe;
  }
  return x + delta;
}
