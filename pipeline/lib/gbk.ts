/**
 * The two-byte part of GBK (as GB18030 extends it), as a table: lead byte ×
 * trail byte → character. Built once with iconv-lite and kept as a prepared
 * file (lib/prepared.ts: a line per pair, read back in a split), read on
 * first use; the corrupted-bytes repair looks up thousands of byte pairs while
 * it searches, and decoding each pair through iconv would be far slower than
 * an array.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
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

let table: (string | null)[] | undefined;
let byTrail: Map<number, number[]> | undefined;

function pairs(): (string | null)[] {
  table ??= fromPrepared(gbkTableFile(), (f) => readTable(readFileSync(f, 'utf8')), buildTable, writeTable);
  return table;
}

/** The prepared table's file: named by iconv-lite's version and this module's code. */
export function gbkTableFile(): string {
  const version = (require('iconv-lite/package.json') as { version: string }).version;
  return preparedPath('gbk', [version, readFileSync(fileURLToPath(import.meta.url))], 'txt');
}

/** The table as its prepared file holds it: a line per code (lead × 256 + trail), empty where GBK has no character. */
export function writeTable(t: readonly (string | null)[]): string {
  return t.map((ch) => ch ?? '').join('\n');
}

export function readTable(text: string): (string | null)[] {
  const lines = text.split('\n');
  if (lines.length !== 256 * 256) throw new Error(`Not a GBK table: ${lines.length} lines`);
  return lines.map((ch) => ch || null);
}

export function buildTable(): (string | null)[] {
  const out = new Array<string | null>(256 * 256).fill(null);
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
    if (ch.length >= 1 && !ch.includes('\ufffd') && [...ch].length === 1) out[code] = ch;
  });
  return out;
}

/** The character a lead and trail byte decode to, or null where GBK has none. */
export function decodePair(lead: number, trail: number): string | null {
  return pairs()[lead * 256 + trail] ?? null;
}

/** Every defined character with this trail byte (any lead), in lead order. */
export function leadsFor(trail: number): number[] {
  if (!byTrail) {
    byTrail = new Map();
    const t = pairs();
    for (let lead = LEAD_MIN; lead <= LEAD_MAX; lead++) {
      for (let tr = 0x40; tr <= 0xfe; tr++) {
        if (t[lead * 256 + tr] === null) continue;
        const list = byTrail.get(tr) ?? [];
        list.push(lead);
        byTrail.set(tr, list);
      }
    }
  }
  return byTrail.get(trail) ?? [];
}

/** Every defined trail byte after this lead. */
export function trailsFor(lead: number): number[] {
  const out: number[] = [];
  const t = pairs();
  for (let trail = 0x40; trail <= 0xfe; trail++) if (t[lead * 256 + trail] !== null) out.push(trail);
  return out;
}

/** Every two-byte character GBK defines, with its bytes. */
export function allPairs(): { ch: string; lead: number; trail: number }[] {
  const out: { ch: string; lead: number; trail: number }[] = [];
  const t = pairs();
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (ch) out.push({ ch, lead: i >> 8, trail: i & 0xff });
  }
  return out;
}

/** The GB18030 bytes of one character, or null when it needs the four-byte form (not GBK). */
export function encodeChar(ch: string): number[] | null {
  const bytes = [...iconv.encode(ch, 'gb18030')];
  if (bytes.length > 2) return null;
  if (bytes.length === 1 && bytes[0]! >= 0x80) return null;
  // iconv-lite encodes an unmappable character as '?'
  if (bytes.length === 1 && bytes[0] === 0x3f && ch !== '?') return null;
  return bytes;
}
