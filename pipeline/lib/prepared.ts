/**
 * Files that a process prepares once and later processes read instead of
 * building again (the word model's tables, the compiled schema validators,
 * jieba's user dictionary): kept in the temporary directory under a name that
 * holds a hash of everything they are made from — data and code — so a
 * changed dictionary, schema or a rebuild gets a new file and an old one is
 * never read. Old ones do not pile up (16 MB per code version for the word
 * model): a process that writes a new file removes the files of the same kind
 * made from other ingredients that no process has used for STALE_AFTER_MS
 * (a process that reads a prepared file marks it used, `usePrepared`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
    return;
  }
  removeStalePrepared(file);
}

/**
 * How long a prepared file of other ingredients must have gone unused before
 * it is removed. Another version of the code (another checkout, a process
 * started before a rebuild) may still use its own file: removing it only
 * costs that version one preparation, and a file in use is marked at every
 * read, so an old file goes only after minutes without a reader. A process
 * that has just computed the name and not yet opened it finds it gone and
 * prepares it again; one reading it keeps its bytes (Linux frees an unlinked
 * file when the last reader closes it).
 */
export const STALE_AFTER_MS = 10 * 60_000;

/** A prepared file's name: its kind, the hash of its ingredients and its extension. */
const PREPARED_NAME = /^(gongwen-.+)-[0-9a-f]{16}(\.[a-z0-9]+)$/;

/**
 * Removes the prepared files of `file`'s kind, in its folder, that were made
 * from other ingredients or in another format (extension) and have not been
 * used for STALE_AFTER_MS; returns
 * their names. Files of other kinds (`gongwen-validator-document-…` is not of
 * kind `gongwen-validator`), temporary files and `file` itself are left.
 */
export function removeStalePrepared(file: string, now = Date.now()): string[] {
  const dir = dirname(file);
  const own = basename(file);
  const kind = PREPARED_NAME.exec(own);
  if (!kind) return [];
  const [, prefix] = kind;
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    // a version of the kind in another format (its extension) is a version too: a change of format leaves none behind
    if (name === own || !name.startsWith(`${prefix}-`)) continue;
    const other = PREPARED_NAME.exec(name);
    if (!other || other[1] !== prefix) continue;
    const path = join(dir, name);
    try {
      if (now - statSync(path).mtimeMs < STALE_AFTER_MS) continue;
      unlinkSync(path);
      removed.push(name);
    } catch {
      // gone already (another process removed it), or not ours to remove
    }
  }
  return removed;
}

/** Marks a prepared file as used now (its modification time), so that no process writing another version removes it. */
export function usePrepared(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // a read-only temporary directory: the file may go after STALE_AFTER_MS, and is then prepared again
  }
}

/**
 * A prepared file another library reads by its path (jieba's dictionaries): marked used when present, else written
 * from `make`. False when it could not be written (a read-only temporary directory): the caller uses its source.
 */
export function ensurePrepared(file: string, make: () => string | Uint8Array): boolean {
  if (existsSync(file)) {
    usePrepared(file);
    return true;
  }
  keepPrepared(file, make());
  return existsSync(file);
}

/**
 * What a prepared file holds, as `read` reads it (and the file marked used); when it is absent or unreadable, what
 * `build` builds, kept with `write` for the next process.
 */
export function fromPrepared<T>(file: string, read: (file: string) => T, build: () => T, write: (value: T) => string | Uint8Array): T {
  try {
    const value = read(file);
    usePrepared(file);
    return value;
  } catch {
    // not prepared yet (or unreadable): built below
  }
  const value = build();
  keepPrepared(file, write(value));
  return value;
}

const TYPED = {
  Int8Array,
  Uint8Array,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
} as const;
type TypedName = keyof typeof TYPED;
type Typed = InstanceType<(typeof TYPED)[TypedName]>;

const MAGIC = 'gongwen-packed-1';

/** This module's code: an ingredient of every packed file (its layout is written here). */
export function packCode(): Buffer {
  return readFileSync(fileURLToPath(import.meta.url));
}
const align8 = (n: number) => Math.ceil(n / 8) * 8;

/**
 * A value of plain data and typed arrays as one buffer that `unpack` reads back without copying the arrays: a JSON
 * header (the value, each typed array replaced by its type, length and offset), then the arrays' bytes, each at an
 * offset aligned to 8. For a large prepared file (the word model's 16 MB of tables), v8.deserialize's copy of every
 * array took as long as reading the file.
 */
export function pack(value: unknown): Uint8Array {
  const arrays: Typed[] = [];
  const offsets: number[] = [];
  let size = 0;
  const header = JSON.stringify(value, (_key, v: unknown) => {
    if (ArrayBuffer.isView(v)) {
      const name = v.constructor.name as TypedName;
      if (!(name in TYPED) || !(v instanceof TYPED[name])) throw new TypeError(`Cannot pack a ${name}`);
      const a = v as Typed;
      arrays.push(a);
      offsets.push(size);
      const placeholder = { $packed: name, length: a.length, offset: size };
      size = align8(size + a.byteLength);
      return placeholder;
    }
    return v;
  });
  const head = Buffer.from(`${MAGIC}\n${header}\n`, 'utf8');
  const start = align8(4 + head.length);
  const out = Buffer.alloc(start + size);
  out.writeUInt32LE(head.length, 0);
  head.copy(out, 4);
  arrays.forEach((a, i) => out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), start + offsets[i]!));
  return out;
}

/** What `pack` packed: its typed arrays are views of `bytes` (copied once if `bytes` is not aligned to 8). */
export function unpack(bytes: Uint8Array): unknown {
  const data = bytes.byteOffset % 8 === 0 ? bytes : new Uint8Array(bytes);
  const view = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const bad = (why: string) => new Error(`Not a packed file: ${why}`);
  if (view.length < 4) throw bad('too short');
  const headLength = view.readUInt32LE(0);
  if (4 + headLength > view.length) throw bad('too short');
  const head = view.toString('utf8', 4, 4 + headLength);
  if (!head.startsWith(`${MAGIC}\n`) || !head.endsWith('\n')) throw bad('no header');
  const start = align8(4 + headLength);
  return JSON.parse(head.slice(MAGIC.length + 1, -1), (_key, v: unknown) => {
    if (v && typeof v === 'object' && '$packed' in v) {
      const { $packed: name, length, offset } = v as { $packed: TypedName; length: number; offset: number };
      const Ctor = TYPED[name];
      if (!Ctor || !Number.isInteger(length) || length < 0 || !Number.isInteger(offset) || offset < 0 || offset % 8 !== 0) throw bad('an array without its place');
      if (start + offset + length * Ctor.BYTES_PER_ELEMENT > data.byteLength) throw bad('cut short');
      return new Ctor(data.buffer as ArrayBuffer, data.byteOffset + start + offset, length);
    }
    return v;
  });
}
