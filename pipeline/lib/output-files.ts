/**
 * Writing into the output folder, crash-safe and contained.
 *
 * - Every byte is written with its result checked (a short write is retried,
 *   a write that makes no progress fails with ENOSPC), the file is fsynced,
 *   closed and only then renamed over its final name; the folders that got
 *   new names are fsynced after the renames, so a power loss, not only a
 *   killed process, leaves either the old file or the new one.
 * - A group of files (one document's outputs, the batch files) is written
 *   whole before any of them is renamed: a failure while writing leaves every
 *   earlier file as it was and removes the group's temporary files.
 * - No file is written outside the output folder or through a symbolic link
 *   inside it (the folder given as --out may itself be a link).
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsync, fsyncSync, lstatSync, mkdirSync, openSync, promises as fsPromises, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { threadId } from 'node:worker_threads';
import { chunked } from './json-writer.js';

/** Errors after which no other file can be written either: the batch stops instead of failing every document in turn. */
export const FATAL_WRITE_CODES: ReadonlySet<string> = new Set(['ENOSPC', 'EDQUOT', 'EROFS']);

/** Longest file name (bytes) the usual file systems (ext4, xfs, btrfs, tmpfs, APFS, NTFS in UTF-16 units) accept. */
export const NAME_MAX = 255;

function errnoError(code: string, message: string, path?: string): NodeJS.ErrnoException {
  const e = new Error(`${code}: ${message}${path ? `, '${path}'` : ''}`) as NodeJS.ErrnoException;
  e.code = code;
  if (path) e.path = path;
  return e;
}

/**
 * Write all of `data` to `fd`: a short write is continued where it stopped;
 * a write the system accepts none of is a full disk (the system reports
 * ENOSPC itself on the next call, but a write returning 0 must not loop).
 */
export function writeAll(fd: number, data: string | Uint8Array, write: (fd: number, buffer: Uint8Array, offset: number, length: number) => number = writeSync): void {
  const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let offset = 0;
  while (offset < buffer.length) {
    const n = write(fd, buffer, offset, buffer.length - offset);
    if (!(n > 0)) throw errnoError('ENOSPC', 'no space left on device, write (the system accepted 0 bytes)');
    offset += n;
  }
}

/** This machine's name as it may stand in a file name. */
const HOST = hostname().replace(/[^A-Za-z0-9-]/g, '').slice(0, 63) || 'host';

/** The longest prefix of `name` within `bytes` bytes of UTF-8, cut at a character boundary. */
export function cutToBytes(name: string, bytes: number): string {
  if (Buffer.byteLength(name) <= bytes) return name;
  let out = '';
  let used = 0;
  for (const ch of name) {
    const n = Buffer.byteLength(ch);
    if (used + n > bytes) break;
    out += ch;
    used += n;
  }
  return out;
}

/**
 * The temporary name a file is written under before it is renamed: in the
 * same folder, naming the machine, process and thread, so a later run can tell
 * a file abandoned by a dead process of this machine from one another shard is
 * writing right now. The final name is cut to keep the whole name within
 * NAME_MAX bytes (a 254-byte name plus the suffix would not fit), and a hash of
 * it keeps two cut names apart.
 */
export function temporaryName(path: string): string {
  const name = basename(path);
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  const suffix = `.${hash}.gw-${HOST}~${process.pid}~${threadId}.tmp`;
  return join(dirname(path), cutToBytes(name, NAME_MAX - Buffer.byteLength(suffix)) + suffix);
}

/** host, pid of a temporary name, or null for any other file. */
export function temporaryOwner(name: string): { host: string; pid: number } | null {
  const m = /\.gw-([A-Za-z0-9-]+)~(\d+)~\d+\.tmp$/.exec(name);
  return m ? { host: m[1]!, pid: Number(m[2]) } : null;
}

export function isOwnHost(host: string): boolean {
  return host === HOST;
}

/**
 * Create a folder and its missing parents, one level at a time, each failure
 * thrown with its reason. Written by hand because Node 20's
 * mkdirSync(path, { recursive: true }) never returns when the system answers
 * ENOENT for a folder whose parent exists (an output folder under /proc, for
 * one): the run would spin for ever instead of failing.
 */
export function makeFolder(path: string): void {
  const missing: string[] = [];
  for (let p = resolve(path); !existsSync(p); p = dirname(p)) {
    missing.push(p);
    if (dirname(p) === p) break;
  }
  for (const p of missing.reverse()) {
    try {
      mkdirSync(p);
    } catch (e) {
      // another worker or shard made it in the meantime
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(p).isDirectory()) throw e;
    }
  }
}

/** Thrown for a symbolic link inside the output folder: gongwen does not write through it. */
export class LinkInOutputError extends Error {
  readonly code = 'ELINK';
  constructor(readonly link: string) {
    super(`${link} is a symbolic link inside the output folder; gongwen does not write through links there (remove it, or give the folder it points to as --out)`);
  }
}

/**
 * The output folder of a run: makes the folders below it, refusing to leave
 * it and to pass through a symbolic link inside it. Folders already checked
 * are remembered for the life of the object (one document, or one run's batch
 * files), so a document costs a few lstat calls.
 */
export class OutputFolder {
  private readonly root: string;
  private readonly checked = new Set<string>();

  constructor(readonly out: string) {
    this.root = resolve(out);
  }

  /** Make the folder `dir` (inside the output folder) and its missing parents; refuse a link or a file on the way. */
  prepare(dir: string): void {
    const target = resolve(dir);
    if (target !== this.root && !target.startsWith(this.root + sep)) throw errnoError('EOUTSIDE', `${dir} lies outside the output folder ${this.out}`);
    if (!this.checked.has(this.root)) {
      makeFolder(this.root);
      this.checked.add(this.root);
    }
    let p = this.root;
    for (const part of relative(this.root, target).split(sep)) {
      if (part === '') continue;
      p = join(p, part);
      if (this.checked.has(p)) continue;
      this.check(p, true);
      this.checked.add(p);
    }
  }

  /** Refuse `path` if it is a symbolic link; make it when `make` and it is missing. */
  private check(path: string, make: boolean): void {
    let stat;
    try {
      stat = lstatSync(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || !make) throw e;
      try {
        mkdirSync(path);
      } catch (made) {
        if ((made as NodeJS.ErrnoException).code !== 'EEXIST') throw made;
      }
      stat = lstatSync(path);
    }
    if (stat.isSymbolicLink()) throw new LinkInOutputError(this.shown(path));
    if (!stat.isDirectory()) throw errnoError('ENOTDIR', 'not a directory', this.shown(path));
  }

  /** The first symbolic link among the existing folders from the output folder down to `dir`, or null. */
  firstLink(dir: string): string | null {
    let p = this.root;
    for (const part of relative(this.root, resolve(dir)).split(sep)) {
      if (part === '' || part === '..') continue;
      p = join(p, part);
      try {
        if (lstatSync(p).isSymbolicLink()) return this.shown(p);
      } catch {
        return null;
      }
    }
    return null;
  }

  /** A path inside the folder as the user wrote the folder. */
  private shown(path: string): string {
    return join(this.out, relative(this.root, path));
  }
}

/** A piece of a file: text (UTF-8) or bytes copied as they are. */
export type Put = (piece: string | Uint8Array) => void;

/** A file to write: its final path and what goes into it, as a string or piece by piece. */
export interface FileToWrite {
  path: string;
  write: string | ((put: Put) => void);
}

/** Whether files are fsynced; on unless a caller turns it off. */
export interface WriteOptions {
  fsync?: boolean;
}

/**
 * Write a group of files crash-safely (module comment): each to a temporary
 * name, fsynced; then all renamed; then their folders fsynced. A failure
 * before the renames leaves every earlier file as it was; a rename that fails
 * (a folder in the way) removes the temporary files still waiting. Either way
 * no temporary file is left and the error is thrown.
 */
export function writeFiles(folder: OutputFolder, files: readonly FileToWrite[], options: WriteOptions = {}): void {
  const sync = options.fsync ?? true;
  const written = writeTemporaries(folder, files, (fd) => {
    try {
      if (sync) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  });
  renameAll(written);
  if (sync) for (const dir of foldersOf(written)) syncFolder(dir);
}

/**
 * `writeFiles` with the group's fsyncs issued at once, on libuv's thread
 * pool, instead of one after the other on the calling thread: the same
 * guarantees (every file durable before any rename, the folders after the
 * renames), but the file system commits concurrent fsyncs together, so a
 * group costs about one commit instead of one per file (Benchmark, fsync),
 * and the thread is free meanwhile.
 */
export async function writeFilesConcurrently(folder: OutputFolder, files: readonly FileToWrite[], options: WriteOptions = {}): Promise<void> {
  const sync = options.fsync ?? true;
  const open: number[] = [];
  let written: Temporary[];
  try {
    written = writeTemporaries(folder, files, (fd) => (sync ? open.push(fd) : closeSync(fd)));
  } catch (e) {
    for (const fd of open) closeSync(fd);
    throw e;
  }
  try {
    await Promise.all(open.map((fd) => promisify(fsync)(fd)));
  } catch (e) {
    discard(written, 0);
    throw e;
  } finally {
    for (const fd of open) closeSync(fd);
  }
  renameAll(written);
  if (sync) await Promise.all([...foldersOf(written)].map((dir) => syncFolderConcurrently(dir)));
}

interface Temporary {
  tmp: string;
  path: string;
}

/**
 * Every file of the group written to its temporary name; `done` gets each
 * descriptor once its bytes are written (to fsync and close it, or keep it).
 * A failure removes the group's temporaries and is thrown.
 */
function writeTemporaries(folder: OutputFolder, files: readonly FileToWrite[], done: (fd: number) => void): Temporary[] {
  const written: Temporary[] = [];
  try {
    for (const f of files) {
      folder.prepare(dirname(f.path));
      const tmp = temporaryName(f.path);
      const fd = openSync(tmp, 'w');
      written.push({ tmp, path: f.path });
      try {
        if (typeof f.write === 'string') writeAll(fd, f.write);
        else {
          const text = chunked((chunk) => writeAll(fd, chunk));
          f.write((piece) => {
            if (typeof piece === 'string') text.sink(piece);
            else {
              text.end();
              writeAll(fd, piece);
            }
          });
          text.end();
        }
      } catch (e) {
        closeSync(fd);
        throw e;
      }
      done(fd);
    }
  } catch (e) {
    discard(written, 0);
    throw e;
  }
  return written;
}

/** The temporaries renamed over their final names, in order; a rename that fails removes those still waiting. */
function renameAll(written: readonly Temporary[]): void {
  for (const [k, w] of written.entries()) {
    try {
      renameSync(w.tmp, w.path);
    } catch (e) {
      discard(written, k);
      throw e;
    }
  }
}

/** Remove the temporaries from `from` on (those not renamed yet). */
function discard(written: readonly Temporary[], from: number): void {
  for (const w of written.slice(from)) {
    try {
      unlinkSync(w.tmp);
    } catch {
      // already gone
    }
  }
}

function foldersOf(written: readonly Temporary[]): Set<string> {
  return new Set(written.map((w) => dirname(w.path)));
}

/** `syncFolder` on libuv's thread pool. */
async function syncFolderConcurrently(dir: string): Promise<void> {
  let handle;
  try {
    handle = await fsPromises.open(dir, 'r');
  } catch {
    return;
  }
  try {
    await handle.sync();
  } catch (e) {
    if (!UNSYNCABLE_FOLDER.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
  } finally {
    await handle.close();
  }
}

/** What fsync of a folder answers on file systems that cannot sync one: such folders are let be. */
const UNSYNCABLE_FOLDER: ReadonlySet<string> = new Set(['EINVAL', 'ENOTSUP', 'EBADF']);

/** fsync a folder, so that the names renamed into it survive a power loss; file systems that cannot (EINVAL) are let be. */
export function syncFolder(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch (e) {
    if (!UNSYNCABLE_FOLDER.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
  } finally {
    closeSync(fd);
  }
}

/** Remove files (missing ones are fine) and fsync their folders. */
export function removeFiles(paths: readonly string[], options: WriteOptions = {}): void {
  const touched = new Set<string>();
  for (const p of paths) {
    try {
      unlinkSync(p);
      touched.add(dirname(p));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  if (options.fsync ?? true) for (const dir of touched) syncFolder(dir);
}
