/**
 * The compiled ajv validators for the JSON gongwen writes, each built once
 * per process: schemas/document.schema.json (every document the pipeline
 * emits goes through it) and schemas/run-report.schema.json (every
 * run-report.json, before it is written).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isCalendarDate } from './lib/gbt9704.js';
import { projectRoot } from './lib/project.js';
import type { RunReport } from './run-report-types.js';
import type { GongwenDocument } from './schema-types.js';

export function schemaPath(name = 'document.schema.json'): string {
  return join(projectRoot(), 'schemas', name);
}

const compiled = new Map<string, ValidateFunction>();

function validator<T>(name: string): ValidateFunction<T> {
  let v = compiled.get(name);
  if (!v) {
    const schema = JSON.parse(readFileSync(schemaPath(name), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    // format date: a real day of the calendar (the pattern checks only the shape)
    ajv.addFormat('date', { type: 'string', validate: isCalendarDate });
    v = ajv.compile<T>(schema);
    compiled.set(name, v);
  }
  return v as ValidateFunction<T>;
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
