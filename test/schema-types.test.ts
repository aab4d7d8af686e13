/** The types in pipeline/ are generated from the schemas in schemas/ and must not drift from them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileFromFile } from 'json-schema-to-typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';
import { SCHEMA_TYPES, json2tsOptions } from '../scripts/schema-types.options.js';

describe('schema types', () => {
  it.each(SCHEMA_TYPES)('pipeline/$types is what json-schema-to-typescript generates from schemas/$schema', async ({ schema, types }) => {
    const generated = await compileFromFile(join(ROOT, 'schemas', schema), json2tsOptions(schema));
    expect(readFileSync(join(ROOT, 'pipeline', types), 'utf8')).toBe(generated);
  });
});
