/** A gazetteer lookup of a range of the text (no slice made) answers what a lookup of the slice answers. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildJurisdictions, jurisdictionAt, jurisdictions, NameTable, readPrepared, writePrepared } from '../pipeline/lib/entities/gazetteer.js';
import { HASH_SEED, StringTable, hashUnits, stringTableData } from '../pipeline/lib/string-table.js';

describe('range lookups', () => {
  it('StringTable.getRange(text, s, e) is get(text.slice(s, e)) on random keys and texts', () => {
    const keys = ['成都', '成都市', '四川省', '𠀀名', 'A', '市', '都市', ''];
    const table = new StringTable(stringTableData(new Map(keys.map((k, i) => [k, i]))));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...keys, '省', '𠀀', '\ud800', 'B'), { maxLength: 12 }), fc.nat(), fc.nat(), (parts, x, y) => {
        const text = parts.join('');
        const s = x % (text.length + 1);
        const e = s + (y % (text.length - s + 1));
        expect(table.getRange(text, s, e)).toBe(table.get(text.slice(s, e)));
      }),
      { numRuns: 3000, seed: 8 },
    );
  });

  it('StringTable.getUnits(units, s, e, hash) is get of those units as a string, with the hash extended unit by unit as a word grows', () => {
    const keys = ['成都', '成都市', '四川省', '𠀀名', 'A', '市', '都市', ''];
    const table = new StringTable(stringTableData(new Map(keys.map((k, i) => [k, i]))));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...keys, '省', '𠀀', '\ud800', 'B'), { maxLength: 12 }), fc.nat(), (parts, x) => {
        const text = parts.join('');
        const units = Uint16Array.from({ length: text.length }, (_, k) => text.charCodeAt(k));
        const s = x % (text.length + 1);
        // the word from s grown one unit at a time: each step's hash continues the last
        let h = HASH_SEED;
        for (let e = s; e <= text.length; e++) {
          if (e > s) h = hashUnits(h, units, e - 1, e);
          expect(table.getUnits(units, s, e, h)).toBe(table.get(text.slice(s, e)));
          expect(hashUnits(HASH_SEED, units, s, e)).toBe(h);
        }
      }),
      { numRuns: 2000, seed: 9 },
    );
  });

  it('a table of any size finds each of its keys by every lookup, and no other string: the hash bits a slot keeps beside the index only pass over other keys', () => {
    // keys from four characters, so that many share their first units and their hashes' slots; sizes across the
    // boundaries where the index takes one bit more (and the hash's part one bit less): 0, 1, 2, 3, 255 … 4097
    const word = fc.array(fc.constantFrom('成', '都', '市', '𠀀'), { minLength: 0, maxLength: 9 }).map((p) => p.join(''));
    let largest = 0;
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 4200, maxLength: 4200, size: 'max' }), fc.array(word, { maxLength: 200 }), fc.constantFrom(0, 1, 2, 3, 255, 256, 511, 1023, 2047, 4095, 4096, 4097), (all, others, size) => {
        const keys = all.slice(0, size);
        largest = Math.max(largest, keys.length);
        const table = new StringTable(stringTableData(new Map(keys.map((k, i) => [k, i * 0.5]))));
        expect(table.size).toBe(keys.length);
        const has = new Map(keys.map((k, i) => [k, i * 0.5]));
        for (const key of [...keys, ...others]) {
          const units = Uint16Array.from({ length: key.length }, (_, k) => key.charCodeAt(k));
          const text = `x${key}y`;
          expect([table.get(key), table.has(key), table.getRange(text, 1, 1 + key.length), table.getUnits(units, 0, key.length, hashUnits(HASH_SEED, units, 0, key.length))], key).toEqual([
            has.get(key),
            has.has(key),
            has.get(key),
            has.get(key),
          ]);
        }
      }),
      { numRuns: 40, seed: 10 },
    );
    expect(largest).toBe(4097);
  });

  it('jurisdictionAt finds every name of the gazetteer inside a text, and what the built map finds at every range', () => {
    const built = buildJurisdictions();
    const names = [...built.keys()];
    // every 40th name inside a sentence, and the ranges around it
    for (let i = 0; i < names.length; i += 40) {
      const name = names[i]!;
      const text = `关于${name}人民政府`;
      expect(jurisdictionAt(text, 2, 2 + name.length)).toEqual(built.get(name));
      for (let s = 0; s < 4; s++) for (let e = s; e <= Math.min(text.length, s + 8); e++) expect(jurisdictionAt(text, s, e), text.slice(s, e)).toEqual(built.get(text.slice(s, e)));
    }
    expect(jurisdictions().size).toBe(built.size);
  });

  it('NameTable.getRange (the prepared table) answers what the built map answers at every range of texts of names', () => {
    const built = buildJurisdictions();
    const table = readPrepared(writePrepared(built)).names as NameTable;
    expect(table).toBeInstanceOf(NameTable);
    const names = [...built.keys()].filter((_, i) => i % 97 === 0);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...names, '市', '人民政府', '省', '区'), { maxLength: 6 }), (parts) => {
        const text = parts.join('');
        for (let s = 0; s < text.length; s++) for (let e = s; e <= Math.min(text.length, s + 12); e++) expect(table.getRange(text, s, e), text.slice(s, e)).toEqual(built.get(text.slice(s, e)));
      }),
      { numRuns: 300, seed: 8 },
    );
  });
});
