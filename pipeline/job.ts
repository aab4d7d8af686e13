/**
 * One file of a batch, start to finish: read, skip when nothing changed,
 * process, write every output under a temporary name and rename it, then
 * record the state that lets the next run skip it. Runs inline or in a
 * worker thread (worker.ts); it returns only a small summary, never the
 * document, so results cross threads cheaply.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { datasetRecord, tableRecord } from './lib/dataset-records.js';
import { writeJson, type Sink } from './lib/json-writer.js';
import { FATAL_WRITE_CODES, OutputFolder, removeFiles, writeFiles, writeFilesConcurrently } from './lib/output-files.js';
import { TARGET_SUFFIXES } from './lib/output-names.js';
import { projectRoot } from './lib/project.js';
import { onThreadCpu } from './lib/thread-cpu.js';
import { DEFAULT_MAX_BYTES, processFile, toolVersion } from './pipeline.js';
import type { GongwenDocument } from './schema-types.js';
import { toMarkdown, type OutputScript } from './stages/to-markdown.js';

import { ownedFiles, recordPaths, removeDocument, statePath, type Format, type JobResult, type JobTask } from './lib/job-files.js';

export { ownedFiles, recordPaths, removeDocument, statePath, type Format, type JobResult, type JobTask } from './lib/job-files.js';

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
    ocr: o.ocr ?? true,
    formats: [...task.formats].sort(),
    script: task.script,
    dataset: task.dataset ?? 'full',
  };
  return createHash('sha256')
    .update(bytes)
    // the path is in the record (source.file): the same bytes from another file are another output
    .update(task.file)
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
type OutputTask = Pick<JobTask, 'out' | 'target' | 'formats' | 'script' | 'dataset'>;

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

/**
 * One document, start to finish (module comment). What a failure leaves:
 * - the input cannot be read (gone, no permission): the document's earlier
 *   outputs stay as they were;
 * - the input is refused or cannot be processed (empty, binary, too large,
 *   not Chinese): the options no longer produce a document from it, so its
 *   earlier outputs, records and state are removed;
 * - an output cannot be written (a full disk, a folder in the way): the
 *   earlier outputs stay as they were, no temporary file is left, and a full
 *   disk (FATAL_WRITE_CODES) sets `stop`, for the batch to stop.
 */
export async function runJob(task: JobTask): Promise<JobResult> {
  const { value, cpu } = await onThreadCpu(() => runJobOnce(task));
  return { ...value, cpu };
}

async function runJobOnce(task: JobTask): Promise<JobResult> {
  const base = { file: task.file, target: task.target, outputs: [] as string[], diagnostics: {}, warnings: [] as string[], timings: {} };
  const io = { fsync: task.fsync ?? true };
  /** A failure that no longer produces a document: its earlier outputs go too. */
  const refused = (result: JobResult): JobResult => {
    try {
      removeDocument(task.out, task.target, io);
    } catch (e) {
      return { ...result, error: `${result.error}; its earlier outputs could not be removed: ${(e as Error).message}` };
    }
    return result;
  };
  let bytes: Buffer;
  try {
    const size = statSync(task.file).size;
    const max = task.options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (size > max) return refused({ ...base, status: 'failed', error: `decode:too-large: ${(size / 1024 / 1024).toFixed(1)} MB is above the limit of ${(max / 1024 / 1024).toFixed(1)} MB (raise it with --max-size)` });
    bytes = readFileSync(task.file);
  } catch (e) {
    // Node's message starts with the code already (ENOENT: no such file …)
    return { ...base, status: 'failed', error: `cannot read: ${(e as Error).message}` };
  }
  const key = jobKey(bytes, task);
  const files = outputFiles(task);
  const outputs = files.map((f) => f.path);
  const record = recordPaths(task.out, task.target);
  const state = statePath(task.out, task.target);
  if (!task.force && [...outputs, ...Object.values(record)].every((o) => existsSync(o))) {
    try {
      const earlier = JSON.parse(readFileSync(state, 'utf8')) as { key?: string; diagnostics?: Record<string, number> };
      if (earlier.key === key) return { ...base, status: 'skipped', outputs, diagnostics: earlier.diagnostics ?? {} };
    } catch {
      // no state: process
    }
  }
  // a PDF, Word or Excel file is read by its extractor first (stages/file-text.ts)
  const result = await processFile({ bytes, file: task.file }, task.options);
  const diagnostics: Record<string, number> = {};
  for (const d of result.diagnostics) diagnostics[d.code] = (diagnostics[d.code] ?? 0) + 1;
  const warnings = result.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.severity} ${d.code}: ${d.message}`);
  if (!result.ok || !result.document) {
    const reason = result.diagnostics.find((d) => d.severity === 'error');
    return refused({ ...base, status: 'failed', error: reason ? `${reason.code}: ${reason.message}` : 'failed', diagnostics, warnings, timings: result.timings });
  }
  const timings: JobResult['timings'] = { ...result.timings };
  const writeStart = performance.now();
  const folder = new OutputFolder(task.out);
  try {
    // outputs and records as one group: all renamed, or none
    await writeFilesConcurrently(folder, [...renderDocument(task, result.document)], io);
    // outputs of other options (a .zh-Hant.md after --script both, a .md after --format md) are no longer this document's
    removeFiles(ownedFiles(task.out, task.target).slice(0, TARGET_SUFFIXES.length).filter((p) => !outputs.includes(p)), io);
    // the state is written last: a run killed before this line processes the file again. It needs no fsync: the
    // outputs are durable before it is written, and a state lost or emptied by a power cut only makes the next run redo the document
    writeFiles(folder, [{ path: state, write: `${JSON.stringify({ key, file: task.file, diagnostics })}\n` }], { fsync: false });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ...base, status: 'failed', error: `cannot write: ${(e as Error).message}`, ...(code && FATAL_WRITE_CODES.has(code) ? { stop: code } : {}), diagnostics, warnings, timings };
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
  yield { path: record.dataset, write: json(datasetRecord(task.target, doc, task.dataset), 0) };
  yield { path: record.tables, write: (sink) => sink(tableRecord(task.target, doc)) };
}
