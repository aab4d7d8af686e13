/**
 * What names the tool and its defaults, without the pipeline: the main thread
 * of a batch with workers reads them, and never loads the stages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './project.js';

/** Files above this size are refused (--max-size). */
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

let version: string | undefined;
export function toolVersion(): string {
  version ??= (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}
