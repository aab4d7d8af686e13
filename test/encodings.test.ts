/** Byte-level validators (lib/encodings.ts). */
import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invalidSequences, utf8Errors } from '../pipeline/lib/encodings.js';

describe('UTF-8 validation', () => {
  it('finds no invalid sequence exactly where Node says the bytes are UTF-8 (its check stands in for the scan)', () => {
    // bytes biased to UTF-8's structure: ASCII, continuation bytes, every kind of lead, the edges of the ranges
    const byte = fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0xbf }), fc.integer({ min: 0xc0, max: 0xff }), fc.constantFrom(0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0x9f, 0xa0));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 12 }), (xs) => {
        const bytes = Uint8Array.from(xs);
        expect(utf8Errors(bytes).length === 0).toBe(isUtf8(bytes));
        expect(invalidSequences(bytes, 'utf-8')).toEqual(utf8Errors(bytes));
      }),
      { numRuns: 20000, seed: 20 },
    );
    for (const text of ['国务院', '𠀀a', '']) expect(invalidSequences(Buffer.from(text), 'utf-8')).toEqual([]);
    // an overlong slash, an encoded surrogate, a code point past U+10FFFF
    for (const bytes of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]]) expect(invalidSequences(Uint8Array.from(bytes), 'utf-8').length).toBeGreaterThan(0);
  });
});
