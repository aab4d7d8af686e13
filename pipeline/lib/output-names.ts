/**
 * Output names ("targets": a document's output path without extension,
 * relative to the output folder), unique by construction.
 *
 * A target names up to three files — <t>.json, <t>.md, <t>.zh-Hant.md, all
 * three claimed whatever the options, so a name never depends on them — and
 * the folders above it. Names are compared case-folded (a case-insensitive
 * file system must not merge two documents). The batch's own entries at the
 * top of the output folder — `.gongwen/` (state and records) and the batch
 * files run-report, dataset, documents, entities, responsibilities (CSV and
 * Parquet; with their shard
 * forms) — are reserved: no document may claim them.
 *
 * Every target first tries its natural name (the input's path without its
 * extension). A name that would clash with a name already claimed, with a
 * reserved entry, or whose files would pass NAME_MAX bytes, is given `~N`:
 * on its last part (on its first folder when that folder is reserved), with the
 * smallest N whose name is free. All natural names are claimed before any
 * `~N` name is made, so a renamed file never takes another input's own name
 * (inputs a.html, a.htm and a~2.html give a, a~3 and a~2).
 */
import { sep } from 'node:path';
import { NAME_MAX, cutToBytes } from './output-files.js';

/** The file name endings a target claims, longest last. */
export const TARGET_SUFFIXES = ['.json', '.md', '.zh-Hant.md'] as const;
const LONGEST_SUFFIX = Math.max(...TARGET_SUFFIXES.map((s) => Buffer.byteLength(s)));
/** The folder of the batch's state and records. */
export const STATE_FOLDER = '.gongwen';
/** The batch files: name and extension (a shard's are <name>.shard-i-of-n.<ext>). */
export const BATCH_FILES = { dataset: 'jsonl', documents: 'csv', entities: 'csv', responsibilities: 'csv', 'run-report': 'json' } as const;
/** The tables, written as Parquet too (<name>.parquet, lib/datasets.ts). */
export const PARQUET_TABLES: readonly string[] = ['documents', 'entities', 'responsibilities'];

/** Whether an entry at the top of the output folder (a file or folder name) belongs to the batch. */
export function isReservedName(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower === STATE_FOLDER) return true;
  const m = /^([a-z-]+)(?:\.shard-\d+-of-\d+)?\.([a-z]+)$/.exec(lower);
  return m !== null && (Object.entries(BATCH_FILES).some(([name, ext]) => m[1] === name && m[2] === ext) || (m[2] === 'parquet' && PARQUET_TABLES.includes(m[1]!)));
}

/** Unique targets for natural ones (same order): see the module comment. */
export function assignTargets(natural: readonly string[]): string[] {
  const files = new Set<string>();
  const folders = new Set<string>();
  const key = (s: string) => s.toLowerCase();
  const parts = natural.map((t) => t.split(sep));
  const folderPaths = (p: string[]) => p.slice(0, -1).map((_, k) => key(p.slice(0, k + 1).join(sep)));
  const fileNames = (p: string[]) => TARGET_SUFFIXES.map((s) => key(p.join(sep) + s));
  // a name's last part must leave room for its longest suffix
  const fits = (p: string[]) => Buffer.byteLength(p[p.length - 1]!) + LONGEST_SUFFIX <= NAME_MAX;
  const reserved = (p: string[]) => (p.length > 1 ? isReservedName(p[0]!) : TARGET_SUFFIXES.some((s) => isReservedName(p[0]! + s)));
  const free = (p: string[]) => fits(p) && !reserved(p) && fileNames(p).every((f) => !files.has(f) && !folders.has(f)) && folderPaths(p).every((d) => !files.has(d));
  const claim = (p: string[]) => {
    for (const f of fileNames(p)) files.add(f);
    for (const d of folderPaths(p)) folders.add(d);
  };
  // folders are shared, never renamed (except a reserved first one): claim them all first, so no file takes a folder's name
  for (const p of parts) if (!(p.length > 1 && isReservedName(p[0]!))) for (const d of folderPaths(p)) folders.add(d);
  const out: (string | null)[] = parts.map((p) => {
    if (!free(p)) return null;
    claim(p);
    return p.join(sep);
  });
  for (const [k, p] of parts.entries()) {
    if (out[k] !== null) continue;
    // the part that must change: a reserved first folder, else the last part (cut when too long)
    const at = p.length > 1 && isReservedName(p[0]!) ? 0 : p.length - 1;
    for (let n = 2; ; n++) {
      const mark = `~${n}`;
      const candidate = [...p];
      candidate[at] = (at === p.length - 1 ? cutToBytes(p[at]!, NAME_MAX - LONGEST_SUFFIX - mark.length) : p[at]!) + mark;
      if (free(candidate)) {
        claim(candidate);
        out[k] = candidate.join(sep);
        break;
      }
    }
  }
  return out as string[];
}
