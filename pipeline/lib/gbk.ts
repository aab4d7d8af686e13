/**
 * The two-byte part of GBK (as GB18030 extends it), as a table: lead byte ×
 * trail byte → character, and its inverse. Built once with iconv-lite and
 * kept as a prepared file (lib/prepared.ts: two typed arrays), read on first
 * use; the corrupted-bytes repair looks up thousands of byte pairs while
 * it searches, and decoding each pair through iconv would be far slower than
 * an array.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import iconv from 'iconv-lite';
import { fromPrepared, preparedPath } from './prepared.js';

const require = createRequire(import.meta.url);

export const LEAD_MIN = 0x81;
export const LEAD_MAX = 0xfe;

export function isLead(byte: number): boolean {
  return byte >= LEAD_MIN && byte <= LEAD_MAX;
}

export function isTrail(byte: number): boolean {
  return byte >= 0x40 && byte <= 0xfe && byte !== 0x7f;
}

/**
 * The table: each code's (lead × 256 + trail) character as its one UTF-16 unit, 0 where GBK has none (every pair
 * GBK defines decodes to one character of the BMP), and its inverse over the BMP: the first code that decodes to a
 * character, as iconv-lite's encoder takes it (U+3000 is A1A1, not A3A0).
 */
export interface GbkTable {
  units: Uint16Array;
  encode: Int32Array;
}

let table: GbkTable | undefined;
let byTrail: Map<number, number[]> | undefined;

function gbk(): GbkTable {
  table ??= fromPrepared(gbkTableFile(), (f) => readTable(readFileSync(f)), buildTable, writeTable);
  return table;
}

/** The prepared table's file: named by iconv-lite's version and this module's code. */
export function gbkTableFile(): string {
  const version = (require('iconv-lite/package.json') as { version: string }).version;
  return preparedPath('gbk', [version, readFileSync(fileURLToPath(import.meta.url))], 'v8');
}

/** The table as its prepared file holds it: its two arrays, serialised with v8 (read back as two copies). */
export function writeTable(t: GbkTable): Uint8Array {
  return serialize({ units: t.units, encode: t.encode });
}

export function readTable(bytes: Uint8Array): GbkTable {
  const t = deserialize(bytes) as GbkTable;
  if (!(t?.units instanceof Uint16Array) || !(t.encode instanceof Int32Array) || t.units.length !== 0x10000 || t.encode.length !== 0x10000) throw new Error('Not a GBK table');
  return t;
}

export function buildTable(): GbkTable {
  const units = new Uint16Array(0x10000);
  const encode = new Int32Array(0x10000);
  // every pair decoded in one call, each followed by a line feed: the decoder is back in step at each
  // line feed (an ASCII byte), so a piece is what the pair alone decodes to (tested against one call a pair)
  const codes: number[] = [];
  const bytes: number[] = [];
  for (let lead = LEAD_MIN; lead <= LEAD_MAX; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      codes.push(lead * 256 + trail);
      bytes.push(lead, trail, 0x0a);
    }
  }
  const pieces = iconv.decode(Buffer.from(bytes), 'gb18030').split('\n');
  codes.forEach((code, k) => {
    const ch = pieces[k]!;
    if (ch.length < 1 || ch.includes('\ufffd') || [...ch].length !== 1) return;
    if (ch.length !== 1) throw new Error(`GBK pair ${code.toString(16)} decodes beyond the BMP`);
    const u = ch.charCodeAt(0);
    units[code] = u;
    if (encode[u] === 0) encode[u] = code;
  });
  return { units, encode };
}

/** The character a lead and trail byte decode to, or null where GBK has none. */
export function decodePair(lead: number, trail: number): string | null {
  const u = gbk().units[lead * 256 + trail];
  return u ? String.fromCharCode(u) : null;
}

/** Every defined character with this trail byte (any lead), in lead order. */
export function leadsFor(trail: number): number[] {
  byTrail ??= new Map();
  let list = byTrail.get(trail);
  if (!list) {
    list = [];
    const { units } = gbk();
    for (let lead = LEAD_MIN; lead <= LEAD_MAX; lead++) if (units[lead * 256 + trail] !== 0) list.push(lead);
    byTrail.set(trail, list);
  }
  return list;
}

/** Every defined trail byte after this lead. */
export function trailsFor(lead: number): number[] {
  const out: number[] = [];
  const { units } = gbk();
  for (let trail = 0x40; trail <= 0xfe; trail++) if (units[lead * 256 + trail] !== 0) out.push(trail);
  return out;
}

/** Every two-byte character GBK defines, with its bytes. */
export function allPairs(): { ch: string; lead: number; trail: number }[] {
  const out: { ch: string; lead: number; trail: number }[] = [];
  const { units } = gbk();
  for (let i = 0; i < units.length; i++) if (units[i]) out.push({ ch: String.fromCharCode(units[i]!), lead: i >> 8, trail: i & 0xff });
  return out;
}

/**
 * The GB18030 bytes of one character, or null when it needs the four-byte form (not GBK). A character of the BMP is
 * looked up in the table's inverse (tested on every BMP code point against iconv-lite), so the repair never builds
 * iconv's own GB18030 tables (≈ 25 ms); anything else is encoded by iconv-lite.
 */
export function encodeChar(ch: string): number[] | null {
  if (ch.length !== 1) return iconvEncodeChar(ch);
  const cp = ch.charCodeAt(0);
  if (cp < 0x80) return [cp];
  const code = gbk().encode[cp]!;
  return code === 0 ? null : [code >> 8, code & 0xff];
}

/** encodeChar through iconv-lite itself. */
export function iconvEncodeChar(ch: string): number[] | null {
  const bytes = [...iconv.encode(ch, 'gb18030')];
  if (bytes.length > 2) return null;
  if (bytes.length === 1 && bytes[0]! >= 0x80) return null;
  // iconv-lite encodes an unmappable character as '?'
  if (bytes.length === 1 && bytes[0] === 0x3f && ch !== '?') return null;
  return bytes;
}
