/** The piecewise JSON writer gives exactly JSON.stringify's text. */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunked, writeJson } from '../pipeline/lib/json-writer.js';
import { ROOT } from './helpers/paths.js';

const pieces = (value: unknown, indent: number, depth?: number): string[] => {
  const out: string[] = [];
  writeJson(value, indent, (p) => out.push(p), depth);
  return out;
};

describe('writeJson', () => {
  it('writes the sample document as JSON.stringify does, pretty and compact, in many pieces', () => {
    const doc = JSON.parse(readFileSync(join(ROOT, 'output', 'chengdu-future-industries-2024.json'), 'utf8')) as unknown;
    for (const indent of [0, 1, 2]) {
      const p = pieces(doc, indent);
      expect(p.join('')).toBe(JSON.stringify(doc, null, indent));
      expect(p.length).toBeGreaterThan(1000);
    }
  });

  it('agrees with JSON.stringify on any JSON value, at any splitting depth', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 5 }), (value, indent, depth) => {
        expect(pieces(value, indent, depth).join('')).toBe(JSON.stringify(value, null, indent));
      }),
      { numRuns: 500 },
    );
  });

  it('drops and nulls what JSON.stringify drops and nulls', () => {
    const value = { a: undefined, b: () => 1, c: [undefined, () => 1, Symbol('s')], d: { e: undefined }, f: [], g: {} };
    for (const indent of [0, 1]) expect(pieces(value, indent).join('')).toBe(JSON.stringify(value, null, indent));
  });

  it('hands pieces on in chunks of about the size asked for, nothing lost', () => {
    const chunks: string[] = [];
    const out = chunked((c) => chunks.push(c), 10);
    for (const p of ['abc', 'defgh', 'ijklm', 'n', 'opq']) out.sink(p);
    out.end();
    expect(chunks).toEqual(['abcdefghijklm', 'nopq']);
  });
});
