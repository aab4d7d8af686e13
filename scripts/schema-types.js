#!/usr/bin/env node
// Regenerates pipeline/schema-types.ts from schemas/document.schema.json.
import { writeFileSync } from 'node:fs';
import { compileFromFile } from 'json-schema-to-typescript';
import { JSON2TS_OPTIONS } from './schema-types.options.js';

const ts = await compileFromFile(new URL('../schemas/document.schema.json', import.meta.url).pathname, JSON2TS_OPTIONS);
writeFileSync(new URL('../pipeline/schema-types.ts', import.meta.url), ts);
