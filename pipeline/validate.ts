/**
 * The compiled ajv validators for the JSON gongwen writes, each built once
 * per process: schemas/document.schema.json (every document the pipeline
 * emits goes through it) and schemas/run-report.schema.json (every
 * run-report.json, before it is written).
 *
 * Compiling a schema costs ~0.15 s of CPU; ajv's standalone code of the
 * compiled validator is kept as a prepared file (lib/prepared.ts, named by a
 * hash of the schema, ajv's version and this module), so later processes
 * only load that code (and ajv itself is then never loaded: lib/lazy.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { isCalendarDate } from './lib/gbt9704.js';
import { lazy } from './lib/lazy.js';
import { keepPrepared, preparedPath, usePrepared } from './lib/prepared.js';
import { projectRoot } from './lib/project.js';
import type { RunReport } from './run-report-types.js';
import type { GongwenDocument } from './schema-types.js';

export function schemaPath(name = 'document.schema.json'): string {
  return join(projectRoot(), 'schemas', name);
}

const compiled = new Map<string, ValidateFunction>();

const require = createRequire(import.meta.url);
// the schema compiler (ajv, ≈ 65 ms to load) only when a validator is not prepared yet: the prepared code needs ajv's runtime helpers only
const ajvModule = lazy<typeof import('ajv')>('ajv');
const standaloneCode = lazy<typeof import('ajv/dist/standalone/index.js')>('ajv/dist/standalone/index.js');

function validator<T>(name: string): ValidateFunction<T> {
  let v = compiled.get(name);
  if (!v) {
    v = preparedValidator<T>(name);
    compiled.set(name, v);
  }
  return v as ValidateFunction<T>;
}

/** What the prepared code requires for the formats below (resolved by the loader, not by Node). */
const FORMATS_MODULE = 'gongwen:validator-formats';
/** Format date: a real day of the calendar (the pattern checks only the shape). */
const FORMATS = { date: { type: 'string' as const, validate: isCalendarDate } };

export function newAjv(): Ajv {
  const { Ajv, _ } = ajvModule();
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, code: { source: true, formats: _`require(${FORMATS_MODULE})` } });
  for (const [name, format] of Object.entries(FORMATS)) ajv.addFormat(name, format);
  return ajv;
}

/** The validator of a schema, from its prepared standalone code, or compiled (and its code kept). */
export function preparedValidator<T>(name: string): ValidateFunction<T> {
  const source = readFileSync(schemaPath(name), 'utf8');
  const ajvVersion = (require('ajv/package.json') as { version: string }).version;
  const file = preparedPath(`validator-${name.replace(/\.schema\.json$/, '')}`, [name, source, ajvVersion, readFileSync(fileURLToPath(import.meta.url))], 'cjs');
  let code: string | undefined;
  try {
    code = readFileSync(file, 'utf8');
    usePrepared(file);
  } catch {
    // not prepared yet
  }
  if (code === undefined) {
    const ajv = newAjv();
    const compiledNow = ajv.compile<T>(JSON.parse(source) as object);
    keepPrepared(file, standaloneCode().default(ajv, compiledNow));
    return compiledNow;
  }
  // the standalone code is a CommonJS module that requires ajv's runtime helpers and the formats
  const module = { exports: {} as { default?: ValidateFunction<T> } & ValidateFunction<T> };
  const load = (id: string): unknown => (id === FORMATS_MODULE ? FORMATS : require(id));
  new Function('require', 'module', 'exports', code)(load, module, module.exports);
  return module.exports.default ?? module.exports;
}

export function documentValidator(): ValidateFunction<GongwenDocument> {
  return validator<GongwenDocument>('document.schema.json');
}

export function validateDocument(doc: unknown): { valid: boolean; errors: string[] } {
  return run(documentValidator(), doc);
}

export function validateRunReport(report: unknown): { valid: boolean; errors: string[] } {
  return run(validator<RunReport>('run-report.schema.json'), report);
}

function run(validate: ValidateFunction, value: unknown): { valid: boolean; errors: string[] } {
  const valid = validate(value);
  return { valid, errors: (validate.errors ?? []).map(formatError) };
}

function formatError(e: ErrorObject): string {
  return `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`;
}
