/**
 * Batch runs: expand files and folders into jobs, keep this shard's share,
 * run the jobs (in piscina worker threads when there is more than one job
 * and more than one thread), then write the batch's datasets — dataset.jsonl,
 * entities.csv, responsibilities.csv — and run-report.json.
 *
 * Output paths mirror the input: input/a/b.txt → out/a/b.json and out/a/b.md
 * when the folder input/ was given; a file given by name lands at
 * out/<basename>; two inputs never write the same output (the second gets ~2).
 * Every file is written under a temporary name and renamed, the per-file
 * state last, the datasets at the end: a run killed at any moment leaves no
 * partial file, and the next run skips what was finished and completes the
 * rest. Results are ordered by output path, whatever order threads finish in.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, realpathSync, statSync, unlinkSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, extname, isAbsolute, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';
import type { Piscina } from 'piscina';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { globMatcher } from './lib/glob-match.js';
import { datasetFiles, type DatasetRecord, type Row, type TableName } from './lib/datasets.js';

type ParquetWriter = (table: TableName, rows: readonly Row[]) => Uint8Array;
import { recordPaths, removeDocument, statePath, type Format, type JobResult, type JobTask } from './lib/job-files.js';
import { FATAL_WRITE_CODES, OutputFolder, isOwnHost, makeFolder, temporaryOwner, writeFilesConcurrently } from './lib/output-files.js';
import { BATCH_FILES, STATE_FOLDER, assignTargets } from './lib/output-names.js';
import { projectRoot } from './lib/project.js';
import { threadCpuMs } from './lib/thread-cpu.js';
import { piscina } from './lib/piscina.js';
import type { ProcessOptions, Stage } from './pipeline.js';
import { DEFAULT_MAX_BYTES, toolVersion } from './lib/tool.js';
import type { RunReport as RunReportFile } from './run-report-types.js';
import type { OutputScript } from './stages/to-markdown.js';
import { documentValidator, validateRunReport } from './validate.js';

/**
 * The input files gongwen reads (in folders and patterns; a file named on the command line is read whatever its
 * name): text, Markdown, pages as sites name them (.shtml, .jhtml, .aspx, .jsp …; read as HTML by content), and
 * files (PDF, DOCX, DOC, WPS, XLSX: read by their extractor, the kind sniffed from the bytes).
 * A file without an extension is read when its first bytes are HTML (a crawler's saved page).
 */
export const INPUT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.shtml', '.shtm', '.xhtml', '.jhtml', '.asp', '.aspx', '.jsp', '.php', '.pdf', '.docx', '.doc', '.wps', '.xlsx'];

/** Whether a file without an extension starts like an HTML page. */
function looksLikeHtml(path: string): boolean {
  try {
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(1024);
      const n = readSync(fd, head, 0, head.length, 0);
      return /^\s*(?:<!doctype html|<html[\s>])/i.test(head.subarray(0, n).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, ''));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/**
 * Input a worker thread must have to be worth starting: each worker loads
 * jieba, OpenCC and the word model for itself (~1.5 s of CPU), which a small
 * batch never earns back (measured in README, Benchmark).
 */
export const WORKER_INPUT = 4 * 1024 * 1024;

/** The default number of worker threads for `bytes` of input. */
export function defaultJobs(bytes: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(bytes / WORKER_INPUT)));
}

export interface BatchOptions extends ProcessOptions {
  out: string;
  formats?: readonly Format[];
  script?: OutputScript | 'both';
  /** Worker threads; 1 runs inline. Default: one per WORKER_INPUT bytes of input to process, at most the available cores. */
  jobs?: number;
  /** Process every file even when its input, options and tool version are unchanged. */
  force?: boolean;
  /** Process only this deterministic share of the files: index 1..count. */
  shard?: { index: number; count: number };
  /** Remove the documents of the output folder (this shard's) that none of this run's inputs produced: inputs that are gone. */
  prune?: boolean;
  /** fsync every file before its rename and its folder after it (default true). */
  fsync?: boolean;
  /** Globs of files and folders not to read (--exclude), matched against the path under the folder or pattern they were found in and against the bare name. */
  exclude?: readonly string[];
  /** Also read hidden files and folders (names starting with .) found inside a folder or by a pattern (--hidden); a path named on the command line is read either way. */
  hidden?: boolean;
  /** Stop at the first file that fails: no further document is started (--abort-on-error). */
  abortOnError?: boolean;
  /** What each document's line of dataset.jsonl holds: full (default), slim or sentences (lib/datasets.ts). */
  dataset?: DatasetRecord;
  /** Called after each file, in completion order. */
  onFile?: (result: JobResult, done: number, total: number) => void;
}

/**
 * What runBatch returns: run-report.json as written (its type generated from
 * schemas/run-report.schema.json), every file's result, and, when the run
 * stopped early (a full disk), the one line saying why.
 */
export type RunReport = RunReportFile & { results: JobResult[]; stopped?: string; reportFile?: string };

interface Job {
  file: string;
  target: string;
  /** Size when the folder was read. */
  bytes: number;
}

// Expand files, folders and glob patterns into a job list; folders recurse
// (symlink loops are visited once). A path that exists is taken as it is,
// whatever characters its name has (`通知 (1).txt`); one that does not and
// holds glob syntax (`corpus/**/*.html`, quoted so that the shell leaves it
// alone) is expanded with tinyglobby, its matches read like a folder's files
// (input extensions only) and named from the pattern's fixed folder, so
// `corpus/**/*.html` writes out/a/b.json for corpus/a/b.html. A file reached
// twice (given twice, or matched by two patterns) is processed once.
// Every file and folder found and not read is listed in notRead with its
// reason (NOT_READ), never passed over in silence — hidden files aside.
// `out` is the output folder (never read as input); `exclude` the --exclude globs.
export function collectJobs(paths: readonly string[], options: { out?: string; exclude?: readonly string[]; hidden?: boolean } = {}): { jobs: Job[]; errors: JobResult[]; notRead: NotRead[] } {
  const jobs: Job[] = [];
  const errors: JobResult[] = [];
  const notRead: NotRead[] = [];
  const failure = (file: string, error: string): JobResult => ({ file, target: file, status: 'failed', outputs: [], error, diagnostics: {}, warnings: [], timings: {} });
  const seen = new Set<string>();
  const seenFiles = new Set<string>();
  // the output folder is never read as input, though it may lie inside an input folder (gongwen . --out out)
  const excluded = options.out && existsSync(options.out) ? realpathSync(options.out) : null;
  const isExcluded = (real: string) => excluded !== null && (real === excluded || real.startsWith(excluded + sep));
  // --exclude: a glob matched against the path under the folder or pattern the path was found in and against its bare
  // name, and so against each folder on the way (a pattern's match inside an excluded folder is excluded too); a path
  // named on the command line, against the path as given and its name
  const globs = (options.exclude ?? []).map((glob) => ({ glob, match: globMatcher(glob) }));
  const excludedBy = (path: string, root: string | null): string | null => {
    if (globs.length === 0) return null;
    const matching = (...candidates: string[]) => globs.find((g) => candidates.some((c) => g.match(c)))?.glob ?? null;
    if (root === null) return matching(path.split(sep).join('/'), basename(path));
    const rel = relative(root, path);
    if (rel === '' || isAbsolute(rel) || rel.split(sep).includes('..')) return matching(basename(path));
    let under = '';
    for (const name of rel.split(sep)) {
      under = under ? `${under}/${name}` : name;
      const glob = matching(under, name);
      if (glob !== null) return glob;
    }
    return null;
  };
  const add = (file: string, target: string, bytes: number, real = realOrSelf(file)) => {
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    jobs.push({ file, target, bytes });
  };
  /** A path's stat, or null with its failure recorded. */
  const statOrFail = (path: string) => {
    try {
      return statSync(path);
    } catch (e) {
      errors.push(failure(path, `cannot read: ${(e as Error).message}`));
      return null;
    }
  };
  const hidden = (path: string) => basename(path).startsWith('.');
  /** A hidden file or folder found inside a folder or by a pattern (.git, .DS_Store, .cache): passed over unlisted, as ripgrep and fd do, unless --hidden. */
  const skipped = (path: string) => !options.hidden && hidden(path);
  /** A file found under `root` (in a folder or by a pattern): read when it has an input extension, is not excluded and is not an output. */
  const found = (path: string, root: string, size: number): 'read' | 'other' | 'excluded' | 'output' | 'hidden' => {
    if (skipped(path)) return 'hidden';
    const ext = extname(path).toLowerCase();
    const glob = excludedBy(path, root);
    if (glob !== null) {
      if (!hidden(path)) notRead.push({ file: path, reason: NOT_READ.excluded(glob) });
      return 'excluded';
    }
    if (!INPUT_EXTENSIONS.includes(ext) && !(ext === '' && !hidden(path) && looksLikeHtml(path))) {
      if (!hidden(path)) notRead.push({ file: path, reason: NOT_READ.type(ext) });
      return 'other';
    }
    const real = realOrSelf(path);
    if (isExcluded(real)) {
      notRead.push({ file: path, reason: NOT_READ.output });
      return 'output';
    }
    add(path, naturalTarget(root, path), size, real);
    return 'read';
  };
  const walk = (dir: string, root: string): void => {
    let real: string;
    let names: string[];
    try {
      real = realpathSync(dir);
      if (seen.has(real)) return;
      seen.add(real);
      if (isExcluded(real)) {
        notRead.push({ file: dir, reason: NOT_READ.output });
        return;
      }
      names = readdirSync(dir).sort();
    } catch (e) {
      errors.push(failure(dir, `cannot read folder: ${(e as Error).message}`));
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      const stat = statOrFail(path);
      if (!stat) continue;
      if (!stat.isDirectory()) {
        found(path, root, stat.size);
        continue;
      }
      if (skipped(path)) continue;
      const glob = excludedBy(path, root);
      if (glob !== null) {
        if (!hidden(path)) notRead.push({ file: path, reason: NOT_READ.excluded(glob) });
        continue;
      }
      // a page saved by a browser keeps its images, scripts and styles in name_files/ beside name.html: not documents
      if (/_files$/.test(name) && ['.html', '.htm', '.shtml', '.xhtml'].some((e) => names.includes(name.slice(0, -6) + e))) {
        notRead.push({ file: path, reason: NOT_READ.savedPage });
        continue;
      }
      walk(path, root);
    }
  };
  const expand = (pattern: string): void => {
    const { base, rest } = splitPattern(pattern);
    // symbolic links are not followed while matching (a link loop must not hang the run); a matched folder is walked
    const matches = globSync(rest, { cwd: base, onlyFiles: false, followSymbolicLinks: false, expandDirectories: false }).sort();
    let read = 0;
    let outputs = 0;
    let excludedHere = 0;
    for (const m of matches) {
      const path = join(base, m);
      const stat = statOrFail(path);
      if (!stat) continue;
      if (stat.isDirectory()) {
        if (skipped(path)) continue;
        const glob = excludedBy(path, base);
        if (glob !== null) {
          if (!hidden(path)) notRead.push({ file: path, reason: NOT_READ.excluded(glob) });
          excludedHere++;
          continue;
        }
        const before = jobs.length;
        walk(path, base);
        read += jobs.length - before;
        continue;
      }
      const kind = found(path, base, stat.size);
      if (kind === 'read') read++;
      else if (kind === 'output') outputs++;
      else if (kind === 'excluded') excludedHere++;
    }
    if (read === 0) {
      const others = matches.length - outputs - excludedHere;
      const notes = [
        ...(others > 0 ? [`${others} file${others > 1 ? 's' : ''} of another type matched`] : []),
        ...(excludedHere > 0 ? [`${excludedHere} excluded by --exclude`] : []),
        ...(outputs > 0 ? [`${outputs} in the output folder, never read`] : []),
      ];
      errors.push(failure(pattern, `no input file matches this pattern${notes.length ? ` (${notes.join('; ')})` : ''}; gongwen reads ${INPUT_EXTENSIONS.join(' ')}`));
    }
  };
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(p);
    } catch (e) {
      if (isDynamicPattern(p)) expand(p);
      else errors.push(failure(p, `cannot read: ${(e as Error).message}`));
      continue;
    }
    // a path named on the command line: --exclude matches the path as given or its name
    const glob = excludedBy(p, null);
    if (glob !== null) notRead.push({ file: p, reason: NOT_READ.excluded(glob) });
    else if (stat.isDirectory()) walk(p, p);
    else add(p, stripExt(basename(p)), stat.size);
  }
  // two inputs never write the same output, nor a document the batch's own files (lib/output-names.ts)
  const targets = assignTargets(jobs.map((j) => j.target));
  for (const [k, job] of jobs.entries()) job.target = targets[k]!;
  return { jobs, errors, notRead };
}

/** A file or folder found under the inputs that gongwen does not read, and why (a reason of NOT_READ). */
export interface NotRead {
  file: string;
  reason: string;
}

/**
 * The reasons a file or folder found under the inputs is not read: one vocabulary for run-report.json (notRead),
 * the lines before the final line, -o -'s standard error and --list.
 */
export const NOT_READ = {
  /** A file of a type gongwen does not read (an image, an archive, a .wpt template), or without an extension and not an HTML page. */
  type: (ext: string) => `not a type gongwen reads (${ext || 'no extension'})`,
  /** A file or folder matched by an --exclude glob. */
  excluded: (glob: string) => `excluded by --exclude ${glob}`,
  /** The name_files/ folder a browser saves beside name.html. */
  savedPage: "a saved page's folder of images, scripts and styles",
  /** The output folder (or a file in it) found inside an input folder or by a pattern. */
  output: 'the output folder, never read as input',
} as const;

/**
 * A found file's output name before uniqueness: its path under the folder it
 * was found in, without extension; its bare name when that path leaves the
 * folder (a pattern that climbs out of its fixed folder with `..`), so no output
 * name ever climbs out of the output folder.
 */
function naturalTarget(root: string, path: string): string {
  const rel = relative(root, path);
  if (rel === '' || isAbsolute(rel) || rel.split(sep).includes('..')) return stripExt(basename(path));
  return stripExt(rel);
}

/** The real path of a file, or the path itself when it cannot be resolved (the file is still tried, and fails with its reason). */
function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

// A glob pattern's fixed leading folder and the rest: `corpus/2024/**/*.html` → corpus/2024 and `**/*.html`.
export function splitPattern(pattern: string): { base: string; rest: string } {
  const parts = pattern.split('/');
  let k = 0;
  while (k < parts.length - 1 && !isDynamicPattern(parts[k]!)) k++;
  const base = parts.slice(0, k).join('/');
  return { base: base === '' ? (pattern.startsWith('/') ? '/' : '.') : base, rest: parts.slice(k).join('/') };
}

function stripExt(path: string): string {
  const ext = extname(path);
  return ext ? path.slice(0, -ext.length) : path;
}

/**
 * Whether a target belongs to shard index/count: by a hash of its output
 * path, so a file stays in its shard when others are added or removed.
 */
export function inShard(target: string, shard: { index: number; count: number }): boolean {
  let h = 0x811c9dc5;
  for (const ch of target) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % shard.count === shard.index - 1;
}

export async function runBatch(paths: readonly string[], options: BatchOptions): Promise<RunReport> {
  // an explicit --jobs of 2 or more starts its workers at once, so that they start (import the pipeline, OpenCC)
  // while this thread reads the folders and prepares the output folder
  const early = options.jobs !== undefined && options.jobs > 1 ? workerPool(options.jobs) : undefined;
  try {
    return await runBatchWith(paths, options, early);
  } finally {
    await early?.destroy();
  }
}

/** The batch's worker threads (piscina), sharing this thread's jieba server when it has one (bin/gongwen.js starts it). */
function workerPool(threads: number): { pool: Piscina; destroy: () => Promise<void> } {
  const pool = new (piscina().Piscina)({ filename: workerFile(), minThreads: threads, maxThreads: threads });
  let destroyed: Promise<void> | undefined;
  return { pool, destroy: () => (destroyed ??= pool.destroy()) };
}

async function runBatchWith(paths: readonly string[], options: BatchOptions, early: ReturnType<typeof workerPool> | undefined): Promise<RunReport> {
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const mainCpuStart = threadCpuMs();
  const formats = options.formats ?? ['json', 'md'];
  const io = { fsync: options.fsync ?? true };
  const collected = collectJobs(paths, { out: options.out, exclude: options.exclude, hidden: options.hidden });
  const mine = <T extends { target: string }>(list: T[]) => (options.shard ? list.filter((j) => inShard(j.target, options.shard!)) : list);
  // an unreadable path is one shard's failure too, not every shard's
  const jobs = mine(collected.jobs);
  const errors = mine(collected.errors);
  const notRead = options.shard ? collected.notRead.filter((n) => inShard(n.file, options.shard!)) : collected.notRead;
  const total = jobs.length + errors.length;
  const folder = new OutputFolder(options.out);
  if (jobs.length > 0) {
    try {
      makeFolder(options.out);
    } catch (e) {
      throw new Error(`cannot write to the output folder ${options.out}: ${(e as Error).message}`);
    }
  }
  // --prune removes recorded documents too: their folders are checked as well
  refuseLinks(folder, options.out, options.prune ? [...jobs.map((j) => j.target), ...recordedTargets(options.out, options.shard)] : jobs.map((j) => j.target));
  const results: JobResult[] = [];
  let done = 0;
  const report = (r: JobResult) => {
    results.push(r);
    options.onFile?.(r, ++done, total);
  };
  for (const e of errors) report(e);
  removeStaleTemporaries(options.out);

  const processOptions: ProcessOptions = { variant: options.variant, encoding: options.encoding, clean: options.clean, maxBytes: options.maxBytes, ocr: options.ocr };
  const tasks: JobTask[] = jobs.map((j) => ({ file: j.file, target: j.target, out: options.out, formats, script: options.script ?? 'zh-Hans', options: processOptions, force: options.force ?? false, fsync: io.fsync, dataset: options.dataset }));
  const threads = Math.max(1, Math.min(options.jobs ?? defaultJobs(jobs.reduce((n, j) => n + j.bytes, 0)), tasks.length));
  // a write that no document could do either (a full disk) stops the run: no further document is started
  let stopped: JobResult | undefined;
  // --abort-on-error: a failed file (or an input path that could not be read) starts no further document
  let aborted: JobResult | undefined = options.abortOnError ? errors[0] : undefined;
  const finished = (r: JobResult) => {
    if (r.stop && !stopped) stopped = r;
    if (options.abortOnError && r.status === 'failed') aborted ??= r;
    report(r);
  };
  /** The Parquet writer's module, loading; the records of the documents finished in this run, read as they finished. */
  let parquet: Promise<typeof import('./lib/parquet.js')> | undefined;
  const loadParquet = () => {
    parquet = import('./lib/parquet.js');
    // a failure to load it is the batch files' failure, reported when they are written, not the documents'
    return parquet.catch(() => undefined);
  };
  const finishedRecords = new Map<string, DocumentRecords>();
  /** The workers stopping, awaited before the run returns. */
  let stopping: Promise<void> | undefined;
  let next = 0;
  const take = () => (stopped || aborted || next >= tasks.length ? undefined : tasks[next++]);
  if (threads === 1) {
    // fewer files than the workers started early (one, or none): they run here, the workers stop
    await early?.destroy();
    // the pipeline is loaded only by the threads that process documents: here with one thread, else the workers.
    // With it, what the run needs in every document (the validator) and after them (the Parquet writer)
    const [{ runJob }] = await Promise.all([import('./job.js'), loadParquet()]);
    documentValidator();
    for (let t = take(); t; t = take()) {
      finished(await runJob(t));
      // let timers run between files (a progress bar redraws on one, a caller may want to cancel)
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } else {
    // the workers share this thread's jieba server, when it has one, instead of each loading jieba
    const workers = early ?? workerPool(threads);
    const { pool } = workers;
    // this thread is idle while the workers work: it loads the Parquet writer and reads each finished document's
    // records then, not after the last one
    void loadParquet();
    try {
      // one document in flight per thread, so that a stop leaves the rest unstarted
      await Promise.all(Array.from({ length: threads }, async () => {
        for (let t = take(); t; t = take()) {
          const r = (await pool.run(t)) as JobResult;
          if (r.status !== 'failed') finishedRecords.set(r.target, readRecords(options.out, r.target));
          finished(r);
        }
      }));
    } catch (e) {
      await workers.destroy();
      throw e;
    }
    // the workers stop (their threads end on their own) while this thread writes the batch files
    stopping = workers.destroy();
  }
  // the documents a stopped run did not start: failed, their earlier outputs as they were (not reported one by one)
  const stopLine = stopped ? `stopped: ${stopped.error} (${stopped.stop}); ${tasks.length - next} file${tasks.length - next === 1 ? '' : 's'} not started; earlier outputs left as they were` : undefined;
  for (const t of tasks.slice(next)) results.push({ file: t.file, target: t.target, status: 'failed', outputs: [], error: stopped ? `not started: the run stopped (${stopped.stop})` : `not started: ${aborted!.file} failed (--abort-on-error)`, diagnostics: {}, warnings: [], timings: {} });
  const abortLine = !stopped && aborted && next < tasks.length ? `stopped at the first failure (--abort-on-error): ${aborted.file}; ${tasks.length - next} file${tasks.length - next === 1 ? '' : 's'} not started` : undefined;
  results.sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));

  const diagnostics: Record<string, number> = {};
  const stageTime: RunReport['stageTime'] = {};
  // unchanged documents report the diagnostics recorded when they were processed
  for (const r of results) {
    for (const [code, n] of Object.entries(r.diagnostics)) diagnostics[code] = (diagnostics[code] ?? 0) + n;
    for (const [stage, ms] of Object.entries(r.timings)) {
      const k = stage as keyof RunReport['stageTime'];
      stageTime[k] = (stageTime[k] ?? 0) + ms;
    }
  }
  const datasetStart = performance.now();
  let datasets: string[] = [];
  let failedWrite: string | undefined = stopLine;
  if (!stopped) {
    try {
      // --prune: the documents of this folder (this shard's) that no input of this run produced; not when some input
      // could not be read, nor when the run found no input at all (a mistyped path must not empty the folder)
      if (options.prune && errors.length === 0 && jobs.length > 0) prune(options.out, new Set(jobs.map((j) => j.target)), options.shard, io);
      const { tableParquet } = await (parquet ?? import('./lib/parquet.js'));
      datasets = await writeDatasets(folder, options.out, options.shard, io, tableParquet, finishedRecords);
    } catch (e) {
      failedWrite = `cannot write the batch files: ${(e as Error).message}; they are left as they were`;
    }
  }
  stageTime.datasets = performance.now() - datasetStart;
  const limit = processOptions.maxBytes ?? DEFAULT_MAX_BYTES;
  const runReport: RunReport = {
    tool: { name: 'gongwen', version: toolVersion() },
    options: { ...processOptions, maxBytes: limit === Number.POSITIVE_INFINITY ? null : limit, formats: [...formats], script: options.script ?? 'zh-Hans', force: options.force ?? false, jobs: threads, ...(options.exclude?.length ? { exclude: [...options.exclude] } : {}), ...(options.hidden ? { hidden: true } : {}) },
    shard: options.shard ?? null,
    files: {
      total: results.length,
      ok: results.filter((r) => r.status === 'ok').length,
      skipped: results.filter((r) => r.status === 'skipped').length,
      failed: results.filter((r) => r.status === 'failed').length,
    },
    failures: results.filter((r) => r.status === 'failed').map((r) => ({ file: r.file, reason: r.error ?? 'failed' })),
    notRead,
    diagnostics,
    stageTime,
    elapsedMs: Math.round(performance.now() - started),
    cpu: cpuSince(cpuStart),
    threads: threadCpu(results, mainCpuStart),
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    datasets,
    results,
  };
  if (results.length > 0 && existsSync(options.out)) {
    const { results: _omit, ...written } = runReport;
    const text = `${JSON.stringify(written, null, 1)}\n`;
    // checked as written (options left unset are absent, not undefined)
    const check = validateRunReport(JSON.parse(text));
    if (!check.valid) throw new Error(`run-report.json does not match schemas/run-report.schema.json: ${check.errors.join('; ')}`);
    const reportFile = join(options.out, shardName('run-report', BATCH_FILES['run-report'], options.shard));
    try {
      await writeFilesConcurrently(folder, [{ path: reportFile, write: text }], io);
      runReport.reportFile = reportFile;
    } catch (e) {
      failedWrite ??= `cannot write the run report: ${(e as Error).message}; it is left as it was`;
    }
  }
  if (failedWrite ?? abortLine) runReport.stopped = failedWrite ?? abortLine;
  await stopping;
  return runReport;
}

/**
 * Stop before any document when a folder the run would write through is a
 * symbolic link inside the output folder (README, Reliability): the state
 * folder, the records' folders, every document's folder (with --prune, also
 * those of the recorded documents it may remove).
 */
function refuseLinks(folder: OutputFolder, out: string, targets: readonly string[]): void {
  const dirs = new Set<string>([dirname(statePath(out, 'x')), ...Object.values(recordPaths(out, 'x')).map(dirname)]);
  for (const t of targets) {
    dirs.add(dirname(join(out, t)));
    dirs.add(dirname(statePath(out, t)));
  }
  for (const dir of dirs) {
    const link = folder.firstLink(dir);
    if (link) throw new Error(`${link} is a symbolic link inside the output folder; gongwen does not write through links there (remove it, or give the folder it points to as --out)`);
  }
}

/** The documents recorded in the output folder (targets with a state record), in output-path order; this shard's only with a shard. */
export function recordedTargets(out: string, shard?: BatchOptions['shard']): string[] {
  const root = dirname(statePath(out, 'x'));
  const targets: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.json') && !temporaryOwner(entry.name)) targets.push(relative(root, path).slice(0, -'.json'.length));
    }
  };
  walk(root);
  return (shard ? targets.filter((t) => inShard(t, shard)) : targets).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** --prune: remove the recorded documents (this shard's) that this run's inputs did not produce. */
function prune(out: string, produced: ReadonlySet<string>, shard: BatchOptions['shard'], io: { fsync: boolean }): void {
  for (const target of recordedTargets(out, shard)) if (!produced.has(target)) removeDocument(out, target, io);
}

/**
 * CPU time of each thread that ran documents, and of the main thread, from
 * each thread's own clock (lib/thread-cpu.ts): what a document costs each
 * worker, what its start-up cost (for the main thread: the process's start and
 * imports before the run), and what the main thread spent on the run besides
 * documents (reading folders, the results, progress, the batch files). With
 * --jobs 1 the main thread runs the documents. Null where the clock cannot be
 * read.
 */
function threadCpu(results: readonly JobResult[], mainCpuStart: number | null): RunReport['threads'] {
  const byThread = new Map<number, JobResult[]>();
  for (const r of results) if (r.cpu) byThread.set(r.cpu.thread, [...(byThread.get(r.cpu.thread) ?? []), r]);
  const sum = (list: readonly JobResult[]) => (list.every((r) => r.cpu?.ms != null) ? list.reduce((n, r) => n + r.cpu!.ms!, 0) : null);
  const mainNow = threadCpuMs();
  const mainJobs = byThread.get(threadId) ?? [];
  const mainDocuments = sum(mainJobs);
  const main = {
    thread: threadId,
    role: 'main' as const,
    documents: mainJobs.length,
    startupMs: mainCpuStart,
    documentsMs: mainDocuments,
    perDocumentMs: mainDocuments !== null && mainJobs.length > 0 ? Math.round(mainDocuments / mainJobs.length) : null,
    otherMs: mainNow === null || mainCpuStart === null || mainDocuments === null ? null : mainNow - mainCpuStart - mainDocuments,
  };
  const workers = [...byThread]
    .filter(([thread]) => thread !== threadId)
    .sort(([a], [b]) => a - b)
    .map(([thread, list]) => {
      const ms = sum(list);
      const before = list.map((r) => r.cpu!.beforeMs);
      return {
        thread,
        role: 'worker' as const,
        documents: list.length,
        startupMs: before.every((b) => b !== null) ? Math.min(...(before as number[])) : null,
        documentsMs: ms,
        perDocumentMs: ms === null ? null : Math.round(ms / list.length),
        otherMs: null,
      };
    });
  return [main, ...workers];
}

/** CPU time of the whole process (every thread) since `start`, in ms. */
function cpuSince(start: NodeJS.CpuUsage): RunReport['cpu'] {
  const used = process.cpuUsage(start);
  return { userMs: Math.round(used.user / 1000), systemMs: Math.round(used.system / 1000) };
}

/** The compiled worker next to this module, or in dist/ when this module runs from its TypeScript source (tests). */
export function workerFile(): string {
  const beside = new URL('./worker.js', import.meta.url);
  return existsSync(beside) ? beside.href : pathToFileURL(join(projectRoot(), 'dist', 'pipeline', 'worker.js')).href;
}

function shardName(name: string, ext: string, shard: BatchOptions['shard']): string {
  return shard ? `${name}.shard-${shard.index}-of-${shard.count}.${ext}` : `${name}.${ext}`;
}

/**
 * The batch files (lib/datasets.ts): dataset.jsonl and the documents,
 * entities and responsibilities tables as CSV and Parquet. They describe the
 * whole output folder (this shard's share of it) — every document with a
 * state record, processed now or by an earlier run — from the records each
 * worker wrote for its document, in output-path order. They are written as
 * one group (lib/output-files.ts): all replaced, or all left as they were. A
 * folder with no document and no earlier batch files gets none.
 */
async function writeDatasets(
  folder: OutputFolder,
  out: string,
  shard: BatchOptions['shard'],
  io: { fsync: boolean },
  tableParquet: ParquetWriter,
  finished: ReadonlyMap<string, DocumentRecords>,
): Promise<string[]> {
  const path = (name: string, ext: string) => join(out, shardName(name, ext, shard));
  const targets = recordedTargets(out, shard);
  if (targets.length === 0 && !['dataset.jsonl', 'documents.csv', 'entities.csv', 'responsibilities.csv'].some((f) => existsSync(path(...(f.split('.') as [string, string]))))) return [];
  // the documents finished in this run were read as they finished; those of earlier runs are read now
  const files = datasetFiles(targets, (t) => finished.get(t) ?? readRecords(out, t), path, tableParquet);
  await writeFilesConcurrently(folder, files, io);
  return files.map((f) => f.path);
}

/** A document's records (job.ts writes them with its outputs): its line of dataset.jsonl and its rows of the tables. */
interface DocumentRecords {
  dataset: Buffer | null;
  tables: string | null;
}

function readRecords(out: string, target: string): DocumentRecords {
  const record = recordPaths(out, target);
  return { dataset: existsSync(record.dataset) ? readFileSync(record.dataset) : null, tables: existsSync(record.tables) ? readFileSync(record.tables, 'utf8') : null };
}

/**
 * Temporary files a killed run left behind. One written by a process of this
 * machine that no longer runs is abandoned and goes at once; one from another
 * machine (a shard writing into a shared folder) goes only when it is over a
 * minute old — a file is written and renamed in milliseconds.
 */
function removeStaleTemporaries(out: string): void {
  if (!existsSync(out)) return;
  const abandoned = Date.now() - 60_000;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(path);
        continue;
      }
      const owner = temporaryOwner(entry.name);
      if (!owner) continue;
      const dead = isOwnHost(owner.host) && owner.pid !== process.pid && !running(owner.pid);
      if (dead || statSync(path).mtimeMs < abandoned) unlinkSync(path);
    }
  };
  walk(out);
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
