/** Prepared files (lib/prepared.ts): a validator loaded from its kept standalone code judges as the compiled one. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preparedPath } from '../pipeline/lib/prepared.js';
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
