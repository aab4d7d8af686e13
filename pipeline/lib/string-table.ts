/**
 * Read-only lookup structures held in typed arrays, so that a prepared table
 * loads as a few memory copies (v8.deserialize of typed arrays) instead of
 * hundreds of thousands of Map insertions: the word model's dictionary
 * (~500 k words and prefixes) is read this way on every cold start.
 *
 *   - StringTable: string → number, an open-addressing hash table over the
 *     keys' UTF-16 units (FNV-1a, linear probing, at most half full).
 *   - CodePointSets: code point → code points, in compressed rows (CSR); each
 *     row keeps the order its members were added in.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** This module's code: a prepared file holding a table names it among its ingredients, so a new layout is a new file. */
export function stringTableCode(): Buffer {
  return readFileSync(fileURLToPath(import.meta.url));
}

/** The plain data of a StringTable (what is stored). */
export interface StringTableData {
  /** Every key's UTF-16 units, one after another. */
  units: Uint16Array;
  /** Key i is units[starts[i], starts[i + 1]). */
  starts: Uint32Array;
  values: Float64Array;
  /**
   * Open-addressing slots, 0 when empty, else key index + 1 in the low bits and the top bits of the key's hash above
   * them (slotLayout): a probe that meets another key's slot passes over it without reading that key (a miss in a
   * table of 500 k words read three arrays per slot it met, each a cache miss); length a power of two.
   */
  slots: Int32Array;
}

/** Where every key's hash starts (FNV-1a's offset basis); `hashUnits` continues it. */
export const HASH_SEED = 0x811c9dc5;

/**
 * The hash of a key continued over `units[start, end)`: hashUnits(hashUnits(HASH_SEED, a), b) is the hash of a + b,
 * so a caller that extends a word unit by unit pays one step per unit, not a hash of the whole word each time.
 */
export function hashUnits(h: number, units: Uint16Array, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    h ^= units[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

function hashOf(s: string): number {
  let h = HASH_SEED;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * How a slot holds a key for a table of `size` keys: the index + 1 in the low `indexBits`, the hash's top bits in the
 * others (31 in all, so that a slot stays a positive Int32; StringTable `tagOf` gives a hash's part).
 */
function slotLayout(size: number): { indexMask: number; tagShift: number; indexBits: number } {
  const indexBits = 32 - Math.clz32(size + 1);
  return { indexMask: 2 ** indexBits - 1, tagShift: indexBits + 1, indexBits };
}

export function stringTableData(entries: ReadonlyMap<string, number>): StringTableData {
  let length = 0;
  for (const key of entries.keys()) length += key.length;
  const units = new Uint16Array(length);
  const starts = new Uint32Array(entries.size + 1);
  const values = new Float64Array(entries.size);
  let capacity = 1;
  while (capacity < entries.size * 2) capacity *= 2;
  const slots = new Int32Array(capacity);
  const mask = capacity - 1;
  const { tagShift, indexBits } = slotLayout(entries.size);
  let at = 0;
  let i = 0;
  for (const [key, value] of entries) {
    starts[i] = at;
    for (let k = 0; k < key.length; k++) units[at++] = key.charCodeAt(k);
    values[i] = value;
    const h = hashOf(key);
    let slot = h & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = ((h >>> tagShift) << indexBits) | (i + 1);
    i++;
  }
  starts[i] = at;
  return { units, starts, values, slots };
}

export class StringTable {
  private readonly mask: number;
  private readonly indexMask: number;
  private readonly tagShift: number;
  private readonly indexBits: number;
  constructor(private readonly data: StringTableData) {
    this.mask = data.slots.length - 1;
    ({ indexMask: this.indexMask, tagShift: this.tagShift, indexBits: this.indexBits } = slotLayout(data.values.length));
  }

  /** The part of a slot a key of hash `h` has above its index. */
  private tagOf(h: number): number {
    return ((h >>> 0) >>> this.tagShift) << this.indexBits;
  }

  get size(): number {
    return this.data.values.length;
  }

  /** The key's index, or -1. */
  private find(key: string): number {
    const { units, starts, slots } = this.data;
    const h = hashOf(key);
    const tag = this.tagOf(h);
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = slots[slot]!;
      if (entry === 0) return -1;
      if ((entry & ~this.indexMask) !== tag) continue;
      const i = (entry & this.indexMask) - 1;
      const from = starts[i]!;
      if (starts[i + 1]! - from !== key.length) continue;
      let k = 0;
      while (k < key.length && units[from + k] === key.charCodeAt(k)) k++;
      if (k === key.length) return i;
    }
  }

  /** The index of the key text.slice(start, end), or -1, without making the slice (hashed and compared in place). */
  private findRange(text: string, start: number, end: number): number {
    const { units, starts, slots } = this.data;
    let h = HASH_SEED;
    for (let i = start; i < end; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    const length = end - start;
    const tag = this.tagOf(h);
    for (let slot = (h >>> 0) & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = slots[slot]!;
      if (entry === 0) return -1;
      if ((entry & ~this.indexMask) !== tag) continue;
      const i = (entry & this.indexMask) - 1;
      const from = starts[i]!;
      if (starts[i + 1]! - from !== length) continue;
      let k = 0;
      while (k < length && units[from + k] === text.charCodeAt(start + k)) k++;
      if (k === length) return i;
    }
  }

  /** The value of the key held in `units[start, end)`, whose hash (`hashUnits` from HASH_SEED) is `h`; no string made. */
  getUnits(units: Uint16Array, start: number, end: number, h: number): number | undefined {
    const { units: keys, starts, slots, values } = this.data;
    const length = end - start;
    const tag = this.tagOf(h);
    for (let slot = (h >>> 0) & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = slots[slot]!;
      if (entry === 0) return undefined;
      if ((entry & ~this.indexMask) !== tag) continue;
      const i = (entry & this.indexMask) - 1;
      const from = starts[i]!;
      if (starts[i + 1]! - from !== length) continue;
      let k = 0;
      while (k < length && keys[from + k] === units[start + k]) k++;
      if (k === length) return values[i];
    }
  }

  /** get(text.slice(start, end)), without the slice. */
  getRange(text: string, start: number, end: number): number | undefined {
    const i = this.findRange(text, start, end);
    return i < 0 ? undefined : this.data.values[i];
  }

  get(key: string): number | undefined {
    const i = this.find(key);
    return i < 0 ? undefined : this.data.values[i];
  }

  has(key: string): boolean {
    return this.find(key) >= 0;
  }
}

/** The plain data of CodePointSets. */
export interface CodePointSetsData {
  /** Row keys, ascending. */
  keys: Uint32Array;
  /** Row r is members[offsets[r], offsets[r + 1]). */
  offsets: Uint32Array;
  members: Uint32Array;
}

export function codePointSetsData(rows: ReadonlyMap<number, ReadonlySet<number>>): CodePointSetsData {
  const keys = Uint32Array.from([...rows.keys()].sort((a, b) => a - b));
  const offsets = new Uint32Array(keys.length + 1);
  let total = 0;
  for (const set of rows.values()) total += set.size;
  const members = new Uint32Array(total);
  let at = 0;
  keys.forEach((key, r) => {
    offsets[r] = at;
    for (const m of rows.get(key)!) members[at++] = m;
  });
  offsets[keys.length] = at;
  return { keys, offsets, members };
}

export class CodePointSets {
  constructor(private readonly data: CodePointSetsData) {}

  /** The row of `key` as a range of `members`, or null. */
  private row(key: number): [number, number] | null {
    const { keys, offsets } = this.data;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid]!;
      if (k === key) return [offsets[mid]!, offsets[mid + 1]!];
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }

  /** The members of `key`'s row, in the order they were added (empty when there is none). */
  members(key: number): Uint32Array {
    const r = this.row(key);
    return r ? this.data.members.subarray(r[0], r[1]) : EMPTY_ROW;
  }
}

const EMPTY_ROW = new Uint32Array(0);
