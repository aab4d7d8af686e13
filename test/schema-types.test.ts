/** pipeline/schema-types.ts is generated from schemas/document.schema.json and must not drift from it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileFromFile } from 'json-schema-to-typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';
import { JSON2TS_OPTIONS } from '../scripts/schema-types.options.js';

describe('schema types', () => {
  it('are what json-schema-to-typescript generates from the schema', async () => {
    const generated = await compileFromFile(join(ROOT, 'schemas', 'document.schema.json'), JSON2TS_OPTIONS);
    expect(readFileSync(join(ROOT, 'pipeline', 'schema-types.ts'), 'utf8')).toBe(generated);
  });
});
