/**
 * Files that a process prepares once and later processes read instead of
 * building again (the word model's tables, the compiled schema validators):
 * kept in the temporary directory under a name that holds a hash of
 * everything they are made from — data and code — so a changed dictionary,
 * schema or a rebuild gets a new file and an old one is never read.
 */
import { createHash } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The path of a prepared file of this kind, for these ingredients. */
export function preparedPath(kind: string, ingredients: readonly (string | Uint8Array)[], extension: string): string {
  const hash = createHash('sha256');
  for (const part of ingredients) hash.update(part).update('\u0000');
  return join(tmpdir(), `gongwen-${kind}-${hash.digest('hex').slice(0, 16)}.${extension}`);
}

/**
 * Writes a prepared file under a temporary name, then renames it, so that a
 * parallel worker never reads half a file. A failure (a read-only temporary
 * directory) only costs the next process the preparation again.
 */
export function keepPrepared(file: string, data: string | Uint8Array): void {
  try {
    const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(partial, data);
    renameSync(partial, file);
  } catch {
    // not kept: the next process prepares it again
  }
}
