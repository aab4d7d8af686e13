/** The piecewise JSON writer gives exactly JSON.stringify's text. */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocument, type Format } from '../pipeline/job.js';
import { chunked, writeJson } from '../pipeline/lib/json-writer.js';
import type { GongwenDocument } from '../pipeline/schema-types.js';
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

  it('hands a piece of the chunk size or more on as it is, after what came before it', () => {
    const chunks: string[] = [];
    const big = 'x'.repeat(25);
    const out = chunked((c) => chunks.push(c), 10);
    for (const p of ['ab', big, 'cd', 'ef']) out.sink(p);
    out.end();
    expect(chunks).toEqual(['ab', big, 'cdef']);
    // the very string, not a copy joined into a chunk
    expect(chunks[1]).toBe(big);
  });

  it('hands a piece of 16 K or more on as it is, when chunks are larger: the JSON of a document and its line break are not joined', () => {
    const chunks: string[] = [];
    const json = `{"text":"${'文'.repeat(20_000)}"}`;
    const out = chunked((c) => chunks.push(c));
    for (const p of ['[', json, '\n', 'x'.repeat(16_383), '\n']) out.sink(p);
    out.end();
    expect(chunks).toEqual(['[', json, `\n${'x'.repeat(16_383)}\n`]);
    expect(chunks[1]).toBe(json);
  });

  it('hands on every character in order, whatever the chunk and whole sizes', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 }), (pieces, size, whole) => {
        const chunks: string[] = [];
        const out = chunked((c) => chunks.push(c), size, whole);
        for (const p of pieces) out.sink(p);
        out.end();
        expect(chunks.join('')).toBe(pieces.join(''));
        // a chunk is a piece handed on whole, or collected pieces that stopped at the size
        for (const c of chunks) expect(c.length > 0).toBe(true);
      }),
      { numRuns: 500, seed: 8 },
    );
  });
});

describe('renderDocument', () => {
  it('writes a large document piece by piece to the same bytes as a small one in one piece', () => {
    const doc = JSON.parse(readFileSync(join(ROOT, 'output', 'chengdu-future-industries-2024.json'), 'utf8')) as GongwenDocument;
    const task = { out: 'out', target: 'a/b', formats: ['json', 'md'] as Format[], script: 'both' as const };
    const render = (piecewiseAbove: number) =>
      [...renderDocument(task, doc, piecewiseAbove)].map((f) => {
        const pieces: string[] = [];
        f.write((p) => pieces.push(p));
        return { path: f.path, pieces };
      });
    const whole = render(Number.POSITIVE_INFINITY);
    const piecewise = render(0);
    expect(piecewise.map((f) => f.path)).toEqual(whole.map((f) => f.path));
    piecewise.forEach((f, k) => expect(f.pieces.join(''), f.path).toBe(whole[k]!.pieces.join('')));
    // the JSON and the dataset line come in many pieces, each far smaller than the whole
    const json = piecewise.find((f) => f.path.endsWith('b.json'))!;
    expect(json.pieces.length).toBeGreaterThan(1000);
    expect(Math.max(...json.pieces.map((p) => p.length))).toBeLessThan(json.pieces.join('').length / 20);
    expect(whole.find((f) => f.path.endsWith('b.json'))!.pieces.join('')).toBe(`${JSON.stringify(doc, null, 1)}\n`);
  });
});
