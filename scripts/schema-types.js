#!/usr/bin/env node
// Regenerates the TypeScript types in pipeline/ from the schemas in schemas/ (the list is in schema-types.options.js).
import { writeFileSync } from 'node:fs';
import { compileFromFile } from 'json-schema-to-typescript';
import { SCHEMA_TYPES, json2tsOptions } from './schema-types.options.js';

for (const { schema, types } of SCHEMA_TYPES) {
  const ts = await compileFromFile(new URL(`../schemas/${schema}`, import.meta.url).pathname, json2tsOptions(schema));
  writeFileSync(new URL(`../pipeline/${types}`, import.meta.url), ts);
}
