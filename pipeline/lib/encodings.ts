/**
 * Byte-level validators for the encodings gongwen detects. iconv-lite decodes
 * but does not say where a sequence was invalid; these scanners do, so every
 * bad sequence becomes a diagnostic with its byte offsets.
 */
import { isUtf8 } from 'node:buffer';

export interface ByteRange {
  start: number;
  end: number;
}

export type CheckedEncoding = 'utf-8' | 'gb18030' | 'big5';

export function invalidSequences(bytes: Uint8Array, encoding: CheckedEncoding): ByteRange[] {
  switch (encoding) {
    case 'utf-8':
      return scanUtf8(bytes);
    case 'gb18030':
      return scanGb18030(bytes);
    case 'big5':
      return scanBig5(bytes);
  }
}

function push(out: ByteRange[], start: number, end: number): void {
  const last = out[out.length - 1];
  if (last && last.end === start) last.end = end;
  else out.push({ start, end });
}

function scanUtf8(b: Uint8Array): ByteRange[] {
  // valid UTF-8 (Node's native check, the same definition: no overlong forms, surrogates or code points past
  // U+10FFFF; tested) has nothing to report — most inputs, checked without the byte loop
  return isUtf8(b) ? [] : utf8Errors(b);
}

/** The invalid sequences of UTF-8 bytes, byte by byte. */
export function utf8Errors(b: Uint8Array): ByteRange[] {
  const out: ByteRange[] = [];
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let min = 0;
    if (c >= 0xc2 && c <= 0xdf) (need = 1), (min = 0x80);
    else if (c >= 0xe0 && c <= 0xef) (need = 2), (min = 0x800);
    else if (c >= 0xf0 && c <= 0xf4) (need = 3), (min = 0x10000);
    else {
      push(out, i, i + 1);
      i++;
      continue;
    }
    let cp = c & (0x3f >> need);
    let ok = true;
    for (let k = 1; k <= need; k++) {
      const t = b[i + k];
      if (t === undefined || (t & 0xc0) !== 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (t & 0x3f);
    }
    if (!ok || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      push(out, i, i + 1);
      i++;
      continue;
    }
    i += need + 1;
  }
  return out;
}

function scanGb18030(b: Uint8Array): ByteRange[] {
  const out: ByteRange[] = [];
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c <= 0x80) {
      // 0x80 is valid in GB18030 (euro sign in CP936 practice); ASCII otherwise
      i++;
      continue;
    }
    if (c === 0xff) {
      push(out, i, i + 1);
      i++;
      continue;
    }
    const t = b[i + 1];
    if (t === undefined) {
      push(out, i, n);
      break;
    }
    if ((t >= 0x40 && t <= 0x7e) || (t >= 0x80 && t <= 0xfe)) {
      i += 2;
      continue;
    }
    if (t >= 0x30 && t <= 0x39) {
      const u = b[i + 2];
      const v = b[i + 3];
      if (u !== undefined && v !== undefined && u >= 0x81 && u <= 0xfe && v >= 0x30 && v <= 0x39) {
        i += 4;
        continue;
      }
    }
    push(out, i, i + 1);
    i++;
  }
  return out;
}

function scanBig5(b: Uint8Array): ByteRange[] {
  const out: ByteRange[] = [];
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    if (c < 0x81 || c > 0xfe) {
      push(out, i, i + 1);
      i++;
      continue;
    }
    const t = b[i + 1];
    if (t === undefined) {
      push(out, i, n);
      break;
    }
    if ((t >= 0x40 && t <= 0x7e) || (t >= 0xa1 && t <= 0xfe)) {
      i += 2;
      continue;
    }
    push(out, i, i + 1);
    i++;
  }
  return out;
}
