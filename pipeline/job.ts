/**
 * One file of a batch, start to finish: read, skip when nothing changed,
 * process, write every output under a temporary name and rename it, then
 * record the state that lets the next run skip it. Runs inline or in a
 * worker thread (worker.ts); it returns only a small summary, never the
 * document, so results cross threads cheaply.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import { threadId } from 'node:worker_threads';
import { stringify } from 'csv-stringify/sync';
import { chunked, writeJson, type Sink } from './lib/json-writer.js';
import { projectRoot } from './lib/project.js';
import { DEFAULT_MAX_BYTES, processDocument, toolVersion, type ProcessOptions, type Stage } from './pipeline.js';
import type { GongwenDocument } from './schema-types.js';
import { toMarkdown, type OutputScript } from './stages/to-markdown.js';

export type Format = 'json' | 'md';

export interface JobTask {
  file: string;
  /** Output path without extension, relative to out. */
  target: string;
  out: string;
  formats: readonly Format[];
  /** Script of the Markdown; both writes <target>.md (zh-Hans) and <target>.zh-Hant.md. */
  script: OutputScript | 'both';
  options: ProcessOptions;
  force: boolean;
}

export interface JobResult {
  file: string;
  target: string;
  status: 'ok' | 'skipped' | 'failed';
  outputs: string[];
  /** One line naming the reason when the file failed. */
  error?: string;
  /** Diagnostics of a processed file by code (skipped files: from their JSON, read by the caller). */
  diagnostics: Record<string, number>;
  /** Warnings and errors of a processed file, one line each, for --verbose. */
  warnings: string[];
  /** Time of each stage, and of rendering and writing the outputs (`write`), in ms. */
  timings: Partial<Record<Stage | 'write', number>>;
}

/** Where the state of a target is kept: the key of the run that wrote its outputs, and its diagnostics by code. */
export function statePath(out: string, target: string): string {
  return join(out, '.gongwen', 'state', `${target}.json`);
}

/** The document's share of the batch files, written next to its state by the worker that processed it. */
export function recordPaths(out: string, target: string): { dataset: string; entities: string; responsibilities: string } {
  const base = join(out, '.gongwen', 'records', target);
  return { dataset: `${base}.jsonl`, entities: `${base}.entities.csv`, responsibilities: `${base}.responsibilities.csv` };
}

export const ENTITY_COLUMNS = ['document', 'entity', 'type', 'name_hans', 'name_hant', 'canonical', 'category', 'year', 'value', 'unit', 'mentions', 'first_start', 'first_end'];
export const RESPONSIBILITY_COLUMNS = ['document', 'note', 'section', 'sentence', 'agency', 'agency_name', 'role', 'roles_basis'];

/** The CSV rows of one document (its line of dataset.jsonl is written by renderDocument). */
function csvRecords(target: string, doc: GongwenDocument): { entities: string; responsibilities: string } {
  const names = new Map(doc.entities.map((e) => [e.id, e.name['zh-Hans']]));
  return {
    entities: stringify(
      doc.entities.map((e) => [
        target, e.id, e.type, e.name['zh-Hans'], e.name['zh-Hant'], e.canonical ?? '', e.category ?? '', e.year ?? '', e.quantity?.value ?? '', e.quantity?.unit ?? '',
        e.mentions.length, e.mentions[0].start, e.mentions[0].end,
      ]),
    ),
    responsibilities: stringify(
      doc.responsibilities.flatMap((n) => [
        ...n.lead.map((a) => [target, n.id, n.sectionId ?? '', n.sentenceId ?? '', a, names.get(a) ?? '', 'lead', n.roles]),
        ...n.support.map((a) => [target, n.id, n.sectionId ?? '', n.sentenceId ?? '', a, names.get(a) ?? '', 'support', n.roles]),
      ]),
    ),
  };
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

/** This machine's name as it may stand in a file name. */
const HOST = hostname().replace(/[^A-Za-z0-9-]/g, '') || 'host';

/**
 * The temporary name a file is written under before it is renamed: it names
 * the machine, process and thread, so a later run can tell a file abandoned by
 * a dead process of this machine from one another shard is writing right now.
 */
export function temporaryName(path: string): string {
  return `${path}.gw-${HOST}~${process.pid}~${threadId}.tmp`;
}

/** host, pid of a temporary name, or null for any other file. */
export function temporaryOwner(name: string): { host: string; pid: number } | null {
  const m = /\.gw-([A-Za-z0-9-]+)~(\d+)~\d+\.tmp$/.exec(name);
  return m ? { host: m[1]!, pid: Number(m[2]) } : null;
}

export function isOwnHost(host: string): boolean {
  return host === HOST;
}

export function writeAtomic(path: string, content: string | ((sink: Sink) => void)): void {
  makeFolder(dirname(path));
  const tmp = temporaryName(path);
  if (typeof content === 'string') writeFileSync(tmp, content);
  else {
    const fd = openSync(tmp, 'w');
    try {
      const out = chunked((chunk) => writeSync(fd, chunk));
      content(out.sink);
      out.end();
    } finally {
      closeSync(fd);
    }
  }
  renameSync(tmp, path);
}

/**
 * What decides whether a file must be processed again: its bytes, the
 * options that change output (defaults resolved, so the CLI and the API agree),
 * the tool version and the lexicon.
 */
function jobKey(bytes: Uint8Array, task: JobTask): string {
  const o = task.options;
  const options = {
    variant: o.variant ?? 't',
    encoding: o.encoding ?? null,
    keepPunctuation: Boolean(o.clean?.keepPunctuation),
    keepWrapper: Boolean(o.clean?.keepWrapper),
    keepPinyin: Boolean(o.clean?.keepPinyin),
    formats: [...task.formats].sort(),
    script: task.script,
  };
  return createHash('sha256')
    .update(bytes)
    .update(JSON.stringify(options))
    .update(toolVersion())
    .update(folderHash(join(projectRoot(), 'lexicon')))
    .update(folderHash(dirname(fileURLToPath(import.meta.url))))
    .digest('hex');
}

/** The lexicon folder's files, hashed once per process: editing a lexicon re-runs every document. */
/**
 * A hash of every file under a folder (relative names and bytes, in name
 * order), once per process: the lexicon, and the pipeline's own code (the
 * folder of this module), so a changed lexicon or a rebuilt pipeline
 * re-processes documents even when the version number stayed the same.
 */
export function folderHash(dir: string): string {
  let digest = folderDigests.get(dir);
  if (!digest) {
    const hash = createHash('sha256');
    const walk = (sub: string) => {
      for (const entry of readdirSync(join(dir, sub), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        const path = join(sub, entry.name);
        if (entry.isDirectory()) walk(path);
        else hash.update(path).update(readFileSync(join(dir, path)));
      }
    };
    walk('');
    digest = hash.digest('hex');
    folderDigests.set(dir, digest);
  }
  return digest;
}
const folderDigests = new Map<string, string>();

/** What decides which files a document writes, and where. */
type OutputTask = Pick<JobTask, 'out' | 'target' | 'formats' | 'script'>;

/** The files a task writes: the JSON, and the Markdown in one script or both. */
function outputFiles(task: OutputTask): { path: string; script: OutputScript | null }[] {
  const out: { path: string; script: OutputScript | null }[] = [];
  if (task.formats.includes('json')) out.push({ path: join(task.out, `${task.target}.json`), script: null });
  if (task.formats.includes('md')) {
    if (task.script !== 'zh-Hant') out.push({ path: join(task.out, `${task.target}.md`), script: 'zh-Hans' });
    if (task.script === 'zh-Hant') out.push({ path: join(task.out, `${task.target}.md`), script: 'zh-Hant' });
    if (task.script === 'both') out.push({ path: join(task.out, `${task.target}.zh-Hant.md`), script: 'zh-Hant' });
  }
  return out;
}

export function runJob(task: JobTask): JobResult {
  const base = { file: task.file, target: task.target, outputs: [] as string[], diagnostics: {}, warnings: [] as string[], timings: {} };
  const fail = (error: string): JobResult => ({ ...base, status: 'failed', error });
  let bytes: Buffer;
  try {
    const size = statSync(task.file).size;
    const max = task.options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (size > max) return fail(`decode:too-large: ${(size / 1024 / 1024).toFixed(1)} MB is above the limit of ${(max / 1024 / 1024).toFixed(1)} MB (raise it with --max-size)`);
    bytes = readFileSync(task.file);
  } catch (e) {
    return fail(`cannot read: ${(e as NodeJS.ErrnoException).code ?? ''} ${(e as Error).message}`.trim());
  }
  const key = jobKey(bytes, task);
  const files = outputFiles(task);
  const outputs = files.map((f) => f.path);
  const record = recordPaths(task.out, task.target);
  if (!task.force && [...outputs, ...Object.values(record)].every((o) => existsSync(o))) {
    try {
      const state = JSON.parse(readFileSync(statePath(task.out, task.target), 'utf8')) as { key?: string; diagnostics?: Record<string, number> };
      if (state.key === key) return { ...base, status: 'skipped', outputs, diagnostics: state.diagnostics ?? {} };
    } catch {
      // no state: process
    }
  }
  const result = processDocument({ bytes, file: task.file }, task.options);
  const diagnostics: Record<string, number> = {};
  for (const d of result.diagnostics) diagnostics[d.code] = (diagnostics[d.code] ?? 0) + 1;
  const warnings = result.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.severity} ${d.code}: ${d.message}`);
  if (!result.ok || !result.document) {
    const reason = result.diagnostics.find((d) => d.severity === 'error');
    return { ...base, status: 'failed', error: reason ? `${reason.code}: ${reason.message}` : 'failed', diagnostics, warnings, timings: result.timings };
  }
  const timings: JobResult['timings'] = { ...result.timings };
  const writeStart = performance.now();
  try {
    for (const f of renderDocument(task, result.document)) writeAtomic(f.path, f.write);
    // the state is written last: a run killed before this line processes the file again
    writeAtomic(statePath(task.out, task.target), `${JSON.stringify({ key, file: task.file, diagnostics })}\n`);
  } catch (e) {
    return { ...base, status: 'failed', error: `cannot write: ${(e as Error).message}`, diagnostics, warnings, timings };
  }
  timings.write = performance.now() - writeStart;
  return { ...base, status: 'ok', outputs, diagnostics, warnings, timings };
}

/**
 * Documents whose text is longer than this (characters) have their JSON
 * written piece by piece (lib/json-writer.ts): their JSON runs to tens of
 * millions of characters, which as one string raised a 20 MB document's peak
 * memory past 1.5 GB. Smaller ones are serialised in one call, 3× faster.
 */
export const PIECEWISE_TEXT = 1_000_000;

/**
 * What a processed document writes, file by file, each to a sink: its
 * outputs (JSON, Markdown), then its records for the batch files.
 */
export function* renderDocument(
  task: OutputTask,
  doc: GongwenDocument,
  piecewiseAbove = PIECEWISE_TEXT,
): Generator<{ path: string; write: (sink: Sink) => void }> {
  const json = (value: unknown, indent: number) => (sink: Sink) => {
    if (doc.text['zh-Hans'].length > piecewiseAbove) writeJson(value, indent, sink);
    else sink(JSON.stringify(value, null, indent));
    sink('\n');
  };
  for (const f of outputFiles(task)) {
    const script = f.script;
    yield { path: f.path, write: script ? (sink) => sink(toMarkdown(doc, script)) : json(doc, 1) };
  }
  const record = recordPaths(task.out, task.target);
  yield { path: record.dataset, write: json({ path: task.target, ...doc }, 0) };
  const rows = csvRecords(task.target, doc);
  for (const k of ['entities', 'responsibilities'] as const) yield { path: record[k], write: (sink) => sink(rows[k]) };
}
