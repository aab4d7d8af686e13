/**
 * The compiled ajv validator for schemas/document.schema.json, built once per
 * process. Every document the pipeline emits goes through it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { projectRoot } from './lib/project.js';
import type { GongwenDocument } from './schema-types.js';

let compiled: ValidateFunction<GongwenDocument> | undefined;

export function schemaPath(): string {
  return join(projectRoot(), 'schemas', 'document.schema.json');
}

export function documentValidator(): ValidateFunction<GongwenDocument> {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(schemaPath(), 'utf8')) as object;
    compiled = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile<GongwenDocument>(schema);
  }
  return compiled;
}

export function validateDocument(doc: unknown): { valid: boolean; errors: string[] } {
  const validate = documentValidator();
  const valid = validate(doc);
  return { valid, errors: (validate.errors ?? []).map(formatError) };
}

function formatError(e: ErrorObject): string {
  return `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`;
}
