/**
 * Prepared files (lib/prepared.ts): a validator loaded from its kept standalone code judges as the compiled one;
 * writing a new version removes the old versions of its kind that nothing used for minutes, and nothing else.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STALE_AFTER_MS, keepPrepared, pack, preparedPath, removeStalePrepared, unpack, usePrepared } from '../pipeline/lib/prepared.js';
import { newAjv, preparedValidator, schemaPath } from '../pipeline/validate.js';
import { ROOT } from './helpers/paths.js';

describe('prepared validators', () => {
  const sample = JSON.parse(readFileSync(join(ROOT, 'output', 'chengdu-future-industries-2024.json'), 'utf8')) as Record<string, unknown>;
  const broken: [string, unknown][] = [
    ['the sample', sample],
    ['without its text', { ...sample, text: undefined }],
    ['a span that is a string', { ...sample, sections: [{ ...(sample.sections as object[])[0], span: 'x' }] }],
    ['an unknown field', { ...sample, extra: 1 }],
    ['not an object', 42],
    ['a date that is no day of the calendar', { ...sample, document: { ...(sample.document as object), date: '2024-02-30' } }],
  ];

  it('judges every document as a freshly compiled validator, with the same errors', () => {
    preparedValidator('document.schema.json'); // compiles, or loads the kept code
    const loaded = preparedValidator('document.schema.json'); // loads the kept code
    const fresh = newAjv().compile(JSON.parse(readFileSync(schemaPath(), 'utf8')) as object);
    for (const [what, doc] of broken) {
      const value = JSON.parse(JSON.stringify(doc ?? null)) as unknown;
      expect(loaded(value), what).toBe(fresh(value));
      expect(loaded.errors ?? null, what).toEqual(fresh.errors ?? null);
    }
    expect(loaded(sample)).toBe(true);
    expect(loaded({ ...sample, text: undefined })).toBe(false);
    // the format the code requires from the loader: 2024-02-30 has the shape of a date but is no day
    expect(loaded({ ...sample, document: { ...(sample.document as object), date: '2024-02-30' } })).toBe(false);
    expect(loaded.errors?.map((e) => e.keyword)).toContain('format');
  });

  it('names a prepared file by everything it is made of', () => {
    const a = preparedPath('validator', ['x', 'schema'], 'cjs');
    expect(preparedPath('validator', ['x', 'schema'], 'cjs')).toBe(a);
    expect(preparedPath('validator', ['x', 'schema2'], 'cjs')).not.toBe(a);
    expect(preparedPath('validator', ['xs', 'chema'], 'cjs')).not.toBe(a);
    expect(existsSync(a)).toBe(false);
  });
});

describe('old prepared files', () => {
  const hash = (k: number) => k.toString(16).padStart(16, '0');

  it('writing a new version removes the versions of its kind unused for STALE_AFTER_MS, and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-prepared-test-'));
    try {
      const old = Date.now() / 1000 - STALE_AFTER_MS / 1000 - 60;
      const files = {
        staleVersion: `gongwen-word-model-${hash(1)}.v8`, // another code version, unused for long: removed
        recentVersion: `gongwen-word-model-${hash(2)}.v8`, // another version in use (marked minutes ago): kept
        otherKind: `gongwen-validator-${hash(3)}.cjs`, // another kind: kept
        longerKind: `gongwen-word-model-extra-${hash(4)}.v8`, // a kind whose name starts like this one: kept
        otherFormat: `gongwen-word-model-${hash(5)}.bin`, // this kind in an earlier format, unused for long: removed
        partial: `gongwen-word-model-${hash(6)}.v8.123.abc.tmp`, // a file being written: kept
        foreign: 'notes.txt',
      };
      for (const name of Object.values(files)) {
        writeFileSync(join(dir, name), 'x');
        utimesSync(join(dir, name), old, old);
      }
      const recent = Date.now() / 1000 - STALE_AFTER_MS / 1000 + 60;
      utimesSync(join(dir, files.recentVersion), recent, recent);
      const current = join(dir, `gongwen-word-model-${hash(7)}.v8`);
      keepPrepared(current, 'tables');
      expect(readFileSync(current, 'utf8')).toBe('tables');
      expect(readdirSync(dir).sort()).toEqual([...Object.values(files).filter((f) => f !== files.staleVersion && f !== files.otherFormat), basename(current)].sort());
      // the file just written is never its own stale version, however old
      utimesSync(current, old, old);
      expect(removeStalePrepared(current)).toEqual([]);
      expect(existsSync(current)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a file that is read is marked used, so that another version does not remove it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-prepared-test-'));
    try {
      const inUse = join(dir, `gongwen-validator-document-${hash(1)}.cjs`);
      writeFileSync(inUse, 'code');
      const old = Date.now() / 1000 - STALE_AFTER_MS / 1000 - 60;
      utimesSync(inUse, old, old);
      usePrepared(inUse);
      expect(Date.now() - statSync(inUse).mtimeMs).toBeLessThan(60_000);
      keepPrepared(join(dir, `gongwen-validator-document-${hash(2)}.cjs`), 'new code');
      expect(existsSync(inUse)).toBe(true);
      // an hour later nothing has read it: the next version written removes it
      expect(removeStalePrepared(join(dir, `gongwen-validator-document-${hash(2)}.cjs`), Date.now() + 3_600_000)).toEqual([basename(inUse)]);
      expect(existsSync(inUse)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the schema validators are prepared files of two kinds, so neither removes the other', () => {
    preparedValidator('document.schema.json');
    preparedValidator('run-report.schema.json');
    const names = readdirSync(tmpdir());
    expect(names.some((n) => /^gongwen-validator-document-[0-9a-f]{16}\.cjs$/.test(n))).toBe(true);
    expect(names.some((n) => /^gongwen-validator-run-report-[0-9a-f]{16}\.cjs$/.test(n))).toBe(true);
  });
});

describe('the prepared gazetteer', () => {
  it('reads back the map it was written from: every name, its jurisdiction and the order, and the lengths by first units', async () => {
    const { buildJurisdictions, lengthsByStart, nameLengthsAt, readPrepared, writePrepared, jurisdictions } = await import('../pipeline/lib/entities/gazetteer.js');
    const built = buildJurisdictions();
    const read = readPrepared(writePrepared(built));
    expect([...read.names]).toEqual([...built]);
    expect([...read.names.keys()]).toEqual([...built.keys()]);
    expect(read.names.size).toBe(built.size);
    expect(built.size).toBeGreaterThan(30_000);
    expect(read.names.get('凉山')).toEqual({ full: '凉山彝族自治州', kind: 'city' });
    expect([read.names.has('成都'), read.names.has('成都市'), read.names.has('成'), read.names.get('成都X')]).toEqual([true, true, false, undefined]);
    for (const name of ['北京', '北京市', '美国', '锦江区', '黔东南州']) expect(read.names.get(name), name).toEqual(built.get(name));
    // the lengths of the names by their first two units: every pair as the names give it, 0 for a pair no name starts with
    const lengths = lengthsByStart(built.keys());
    let pairs = 0;
    for (const [a, row] of lengths) {
      for (const [b, mask] of row) {
        pairs++;
        const two = String.fromCharCode(a, b);
        expect(read.lengths.at(a, b), two).toBe(mask);
        expect(nameLengthsAt(`x${two}`, 1), two).toBe(mask);
      }
    }
    expect(pairs).toBeGreaterThan(10_000);
    // 成都 (2) and 成都市 (3) start with 成都, a bit per length; no name starts with 的的, and a text's last unit starts none
    expect(nameLengthsAt('成都', 0) & 0b1100).toBe(0b1100);
    expect([nameLengthsAt('的的', 0), nameLengthsAt('成都', 1)]).toEqual([0, 0]);
    // what the pipeline uses, prepared or built, is the same
    expect([...jurisdictions()]).toEqual([...built]);
    expect(() => readPrepared(new TextEncoder().encode('成都\t成都市\tcity'))).toThrow();
    // a column that does not fit the others is refused, not read into a wrong map
    const { pack, unpack } = await import('../pipeline/lib/prepared.js');
    const columns = unpack(writePrepared(built)) as { fullStarts: Uint32Array; lengths: { mask: Int32Array } };
    expect(() => readPrepared(pack({ ...columns, fullStarts: columns.fullStarts.subarray(1) }))).toThrow(/prepared gazetteer/);
    expect(() => readPrepared(pack({ ...columns, lengths: { ...columns.lengths, mask: columns.lengths.mask.subarray(1) } }))).toThrow(/prepared gazetteer/);
  });
});

describe('packed files', () => {
  const value = {
    words: new Uint16Array([0x4e2d, 0x56fd, 0xd840, 0xdc00]),
    scores: new Float64Array([-3.5, Infinity, 0, -0]),
    slots: new Int32Array([0, -1, 2 ** 31 - 1]),
    empty: new Uint32Array(0),
    odd: new Uint8Array([1, 2, 3]),
    nested: { list: [new Int8Array([-1]), 'text', 1.5, null], common: ['的', '是'] },
  };
  it('reads back the value it packed, each array a view of the bytes, aligned', () => {
    const bytes = pack(value);
    const read = unpack(bytes) as typeof value;
    expect(read).toEqual(value);
    expect(Object.is(read.scores[3], -0)).toBe(true);
    for (const a of [read.words, read.scores, read.slots, read.odd, read.nested.list[0] as Int8Array]) {
      expect(a.buffer).toBe((bytes as Buffer).buffer); // no copy
      expect(a.byteOffset % 8).toBe(0);
    }
    // bytes not aligned to 8 are copied once, and read the same
    const shifted = new Uint8Array(bytes.length + 1).subarray(1);
    shifted.set(bytes);
    expect(unpack(shifted)).toEqual(value);
  });
  it('refuses bytes cut short or not packed', () => {
    const bytes = pack(value);
    expect(() => unpack(bytes.subarray(0, bytes.length - 16))).toThrow(/cut short/);
    expect(() => unpack(new TextEncoder().encode('{"a":1}'))).toThrow(/Not a packed file/);
    expect(() => pack({ a: new DataView(new ArrayBuffer(4)) })).toThrow(/Cannot pack/);
  });
});
