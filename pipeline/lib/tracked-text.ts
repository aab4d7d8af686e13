/**
 * Text that remembers where every character came from.
 *
 * The clean stage is a list of rules; each rule proposes replacements on the
 * current text. Applying them keeps, per UTF-16 unit of the current text, the
 * offset of the raw unit it came from (-1 for a unit a rule inserted), and for
 * every raw unit the rule that removed it. From that provenance the final edit
 * log (raw span, clean span, before, after, rule) falls out by walking the
 * gaps between kept characters, so edits made by successive rules compose
 * without any rule knowing about the others. Written by hand: diff libraries
 * recover edits after the fact and cannot say which rule made them.
 */
import type { GongwenDocument } from '../schema-types.js';

export interface Replacement {
  /** UTF-16 offsets into the current text, end exclusive. */
  start: number;
  end: number;
  /** The text that replaces [start, end). */
  text: string;
}

export interface Edit {
  /** Rule name(s), joined by + where adjacent rules touched the same gap. */
  kind: string;
  /** UTF-16 offsets into the raw text. */
  rawStart: number;
  rawEnd: number;
  /** UTF-16 offsets into the final text. */
  cleanStart: number;
  cleanEnd: number;
  before: string;
  after: string;
}

/** Kept runs shorter than this (units) are copied by a loop, longer ones by TypedArray.set. */
const SHORT_COPY = 32;

export class TrackedText {
  readonly raw: string;
  private current: string;
  /** Per unit of `current`: raw offset, or -1 when inserted. */
  private origin: Int32Array;
  /** Per unit of `current`: raw offset, or for an inserted unit the raw offset of what its replacement replaced. */
  private anchor: Int32Array;
  /** Per unit of `current`: 1 + index of the rule that inserted it (0 = kept). */
  private insertedBy: Uint16Array;
  /** Per raw unit: 1 + index of the rule that removed it (0 = still present). */
  private readonly removedBy: Uint16Array;
  private readonly rules: string[] = [];

  constructor(raw: string) {
    this.raw = raw;
    this.current = raw;
    this.origin = new Int32Array(raw.length);
    for (let i = 0; i < raw.length; i++) this.origin[i] = i;
    this.anchor = this.origin.slice();
    this.insertedBy = new Uint16Array(raw.length);
    this.removedBy = new Uint16Array(raw.length);
  }

  get text(): string {
    return this.current;
  }

  /** Raw offset of the current unit at `index`, or -1 when a rule inserted it. */
  originOf(index: number): number {
    return this.origin[index] ?? -1;
  }

  /**
   * Where the unit at `index` stands in the raw text: its origin, or, when a
   * rule inserted it, where the text it replaced began (so a rule can still
   * place a line whose characters a whitespace or entity rule rewrote).
   */
  placeOf(index: number): number {
    return this.anchor[index] ?? this.raw.length;
  }

  /**
   * Apply one rule's replacements. They must be sorted and must not overlap;
   * a replacement that changes nothing is ignored.
   */
  apply(rule: string, replacements: readonly Replacement[]): number {
    let ruleIndex = this.rules.indexOf(rule);
    if (ruleIndex < 0) ruleIndex = this.rules.push(rule) - 1;
    const tag = ruleIndex + 1;
    // a replacement by the same text changes nothing (compared in place: no slice per replacement)
    const effective = replacements.filter((r) => r.end - r.start !== r.text.length || !this.current.startsWith(r.text, r.start));
    if (effective.length === 0) return 0;

    let length = this.current.length;
    let cursor = 0;
    for (const r of effective) {
      if (r.start < cursor || r.end < r.start || r.end > this.current.length) {
        throw new RangeError(`Rule ${rule}: replacement [${r.start}, ${r.end}) overlaps or lies outside the text`);
      }
      length += r.text.length - (r.end - r.start);
      cursor = r.end;
    }

    const origin = new Int32Array(length);
    const anchor = new Int32Array(length);
    const insertedBy = new Uint16Array(length);
    const pieces: string[] = [];
    let out = 0;
    cursor = 0;
    const keep = (from: number, to: number): void => {
      if (to <= from) return;
      pieces.push(this.current.slice(from, to));
      if (to - from < SHORT_COPY) {
        // most kept runs between a page's tags are short: a loop, where three subarray views cost more
        for (let i = from, k = out; i < to; i++, k++) {
          origin[k] = this.origin[i]!;
          anchor[k] = this.anchor[i]!;
          insertedBy[k] = this.insertedBy[i]!;
        }
      } else {
        origin.set(this.origin.subarray(from, to), out);
        anchor.set(this.anchor.subarray(from, to), out);
        insertedBy.set(this.insertedBy.subarray(from, to), out);
      }
      out += to - from;
    };
    for (const r of effective) {
      keep(cursor, r.start);
      for (let i = r.start; i < r.end; i++) {
        const o = this.origin[i]!;
        if (o >= 0) this.removedBy[o] = tag;
      }
      pieces.push(r.text);
      origin.fill(-1, out, out + r.text.length);
      anchor.fill(r.start < this.current.length ? this.anchor[r.start]! : this.raw.length, out, out + r.text.length);
      insertedBy.fill(tag, out, out + r.text.length);
      out += r.text.length;
      cursor = r.end;
    }
    keep(cursor, this.current.length);
    this.current = pieces.join('');
    this.origin = origin;
    this.anchor = anchor;
    this.insertedBy = insertedBy;
    return effective.length;
  }

  /** The edit log: one edit per maximal gap between characters kept from the raw text. */
  edits(): Edit[] {
    const edits: Edit[] = [];
    let rawCursor = 0;
    let cleanCursor = 0;
    const flush = (rawEnd: number, cleanEnd: number): void => {
      if (rawEnd === rawCursor && cleanEnd === cleanCursor) return;
      // the rules that touched the gap, in the order they ran (a flag per rule: a gap is one run of one rule, mostly)
      const touched = new Uint8Array(this.rules.length + 1);
      for (let i = rawCursor; i < rawEnd; i++) touched[this.removedBy[i]!] = 1;
      for (let i = cleanCursor; i < cleanEnd; i++) touched[this.insertedBy[i]!] = 1;
      let kind = '';
      for (let t = 1; t < touched.length; t++) if (touched[t] === 1) kind = kind === '' ? this.rules[t - 1]! : `${kind}+${this.rules[t - 1]!}`;
      edits.push({
        kind,
        rawStart: rawCursor,
        rawEnd,
        cleanStart: cleanCursor,
        cleanEnd,
        before: this.raw.slice(rawCursor, rawEnd),
        after: this.current.slice(cleanCursor, cleanEnd),
      });
    };
    for (let j = 0; j < this.current.length; j++) {
      const o = this.origin[j]!;
      if (o < 0) continue;
      flush(o, j);
      rawCursor = o + 1;
      cleanCursor = j + 1;
    }
    flush(this.raw.length, this.current.length);
    return edits;
  }
}

/**
 * The decoded input of a document, rebuilt from its JSON record alone: the
 * cleaned text (`cleaning.text`, or the entry of `text` in `cleaning.script`)
 * with each edit's clean span (code points) replaced by what it was before. What the schema promises of the edit log,
 * for users who trace an output back to its source.
 */
export function rebuildInput(doc: Pick<GongwenDocument, 'text' | 'cleaning'>): string {
  const points = [...(doc.cleaning.text ?? doc.text[doc.cleaning.script])];
  const pieces: string[] = [];
  let cursor = 0;
  for (const e of doc.cleaning.edits) {
    pieces.push(points.slice(cursor, e.clean.start).join(''), e.before);
    cursor = e.clean.end;
  }
  pieces.push(points.slice(cursor).join(''));
  return pieces.join('');
}

/** Rebuild the raw text from a cleaned text and the clean stage's edits (UTF-16 offsets; the inverse of cleaning). */
export function rebuildRaw(clean: string, edits: readonly Pick<Edit, 'cleanStart' | 'cleanEnd' | 'before'>[]): string {
  const pieces: string[] = [];
  let cursor = 0;
  for (const e of edits) {
    pieces.push(clean.slice(cursor, e.cleanStart), e.before);
    cursor = e.cleanEnd;
  }
  pieces.push(clean.slice(cursor));
  return pieces.join('');
}
