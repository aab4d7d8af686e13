/**
 * Offset alignment between a text (a) and its script conversion (b).
 *
 * OpenCC converts character for character almost everywhere; where a phrase
 * changes length (twp: 算法 → 演算法, or a character outside the BMP becomes
 * one inside it) the texts drift. The converter (lib/opencc.ts) records each
 * such place as a segment: a span of a and the span of b it became. Offsets
 * outside segments shift by the accumulated difference; a span that starts or
 * ends inside a segment is widened to the whole segment, so a mapped span
 * always covers the conversion of the text it came from. Written by hand:
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

  get identity(): boolean {
    return this.segments.length === 0;
  }

  /** The span of b that a span of a became (widened to whole segments). */
  forwardSpan(start: number, end: number): { start: number; end: number } {
    return { start: map(this.segments, start, 'a', 'b', 'start'), end: map(this.segments, Math.max(start, end), 'a', 'b', 'end') };
  }

  /** The span of a that a span of b came from (widened to whole segments). */
  backwardSpan(start: number, end: number): { start: number; end: number } {
    return { start: map(this.segments, start, 'b', 'a', 'start'), end: map(this.segments, Math.max(start, end), 'b', 'a', 'end') };
  }

  /**
   * This alignment (a → b) followed by `next` (b → c): a → c. Each piece of
   * either becomes a piece of the result, widened through the other, and
   * overlapping pieces merge.
   */
  then(next: Alignment): Alignment {
    if (this.identity) return next;
    if (next.identity) return this;
    const pieces: Segment[] = [
      ...this.segments.map((s) => {
        const c = next.forwardSpan(s.bStart, s.bEnd);
        return { aStart: s.aStart, aEnd: s.aEnd, bStart: c.start, bEnd: c.end };
      }),
      ...next.segments.map((s) => {
        const a = this.backwardSpan(s.aStart, s.aEnd);
        return { aStart: a.start, aEnd: a.end, bStart: s.bStart, bEnd: s.bEnd };
      }),
    ].sort((x, y) => x.aStart - y.aStart || x.bStart - y.bStart);
    const merged: Segment[] = [];
    for (const p of pieces) {
      const last = merged[merged.length - 1];
      if (last && (p.aStart < last.aEnd || p.bStart < last.bEnd || (p.aStart === last.aStart && p.bStart === last.bStart))) {
        last.aEnd = Math.max(last.aEnd, p.aEnd);
        last.bEnd = Math.max(last.bEnd, p.bEnd);
      } else merged.push({ ...p });
    }
    return new Alignment(merged);
  }

  inverse(): Alignment {
    return new Alignment(this.segments.map((s) => ({ aStart: s.bStart, aEnd: s.bEnd, bStart: s.aStart, bEnd: s.aEnd })));
  }
}

/**
 * Offset in `to` of an offset in `from`. Inside a segment a span's start goes
 * to the segment's start and its end to the segment's end; an empty segment
 * (an insertion) belongs to the span that starts at it.
 */
function map(segments: readonly Segment[], x: number, from: 'a' | 'b', to: 'a' | 'b', bias: 'start' | 'end'): number {
  let delta = 0;
  for (const s of segments) {
    const fs = from === 'a' ? s.aStart : s.bStart;
    const fe = from === 'a' ? s.aEnd : s.bEnd;
    const ts = to === 'a' ? s.aStart : s.bStart;
    const te = to === 'a' ? s.aEnd : s.bEnd;
    if (x < fs) break;
    if (x > fe || (x === fe && fe > fs && bias === 'start')) {
      delta = te - fe;
      continue;
    }
    if (bias === 'start') return ts;
    return x === fs ? ts : te;
  }
  return x + delta;
}
