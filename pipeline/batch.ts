/**
 * Batch processing of files and folders into an output folder. Output paths
 * mirror the input: input/a/b.txt → out/a/b.json and out/a/b.md when the
 * folder input/ was given; a file given by name lands at out/<basename>.
 * Each file is written to a temporary name and renamed, so an interrupted run
 * leaves no partial output. Files are processed in sorted order.
 */
import { mkdirSync, readFileSync, readdirSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { processDocument, type ProcessOptions, type ProcessResult } from './pipeline.js';
import { toMarkdown, type OutputScript } from './stages/to-markdown.js';

export const INPUT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'];

export interface BatchOptions extends ProcessOptions {
  out: string;
  formats?: readonly ('json' | 'md')[];
  script?: OutputScript;
  /** Called after each file, for progress reporting. */
  onFile?: (outcome: FileOutcome, index: number, total: number) => void;
}

export interface FileOutcome {
  file: string;
  ok: boolean;
  outputs: string[];
  /** One line naming the reason when the file failed. */
  error?: string;
  result?: ProcessResult;
}

export interface BatchSummary {
  files: number;
  ok: number;
  failed: number;
  outcomes: FileOutcome[];
}

interface Job {
  file: string;
  /** Output path without extension, relative to out. */
  target: string;
}

/** Expand files and folders into a sorted job list; folders recurse (symlink loops are visited once). */
export function collectJobs(paths: readonly string[]): { jobs: Job[]; errors: FileOutcome[] } {
  const jobs: Job[] = [];
  const errors: FileOutcome[] = [];
  const seen = new Set<string>();
  const walk = (dir: string, root: string): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (e) {
      errors.push({ file: dir, ok: false, outputs: [], error: `cannot read folder: ${(e as Error).message}` });
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      let stat;
      try {
        stat = statSync(path);
      } catch (e) {
        errors.push({ file: path, ok: false, outputs: [], error: `cannot read: ${(e as Error).message}` });
        continue;
      }
      if (stat.isDirectory()) walk(path, root);
      else if (INPUT_EXTENSIONS.includes(extname(name).toLowerCase())) jobs.push({ file: path, target: stripExt(relative(root, path)) });
    }
  };
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(p);
    } catch (e) {
      errors.push({ file: p, ok: false, outputs: [], error: `cannot read: ${(e as Error).message}` });
      continue;
    }
    if (stat.isDirectory()) walk(p, p);
    else jobs.push({ file: p, target: stripExt(basename(p)) });
  }
  // two inputs must never write the same output
  const byTarget = new Map<string, number>();
  for (const job of jobs) {
    const n = byTarget.get(job.target) ?? 0;
    byTarget.set(job.target, n + 1);
    if (n > 0) job.target = `${job.target}~${n + 1}`;
  }
  return { jobs, errors };
}

function stripExt(path: string): string {
  const ext = extname(path);
  return ext ? path.slice(0, -ext.length) : path;
}

export function writeAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

export function processPaths(paths: readonly string[], options: BatchOptions): BatchSummary {
  const formats = options.formats ?? ['json', 'md'];
  const { jobs, errors } = collectJobs(paths);
  const outcomes: FileOutcome[] = [];
  const total = jobs.length + errors.length;
  // unreadable paths are failures like any other, reported first
  for (const e of errors) {
    outcomes.push(e);
    options.onFile?.(e, outcomes.length - 1, total);
  }
  jobs.forEach((job, index) => {
    let outcome: FileOutcome;
    try {
      const result = processDocument({ bytes: readFileSync(job.file), file: job.file }, options);
      if (!result.ok || !result.document) {
        const reason = result.diagnostics.find((d) => d.severity === 'error');
        outcome = { file: job.file, ok: false, outputs: [], error: reason ? `${reason.code}: ${reason.message}` : 'failed', result };
      } else {
        const outputs: string[] = [];
        if (formats.includes('json')) {
          const path = join(options.out, `${job.target}.json`);
          writeAtomic(path, `${JSON.stringify(result.document, null, 1)}\n`);
          outputs.push(path);
        }
        if (formats.includes('md')) {
          const path = join(options.out, `${job.target}.md`);
          writeAtomic(path, toMarkdown(result.document, options.script ?? 'zh-Hans'));
          outputs.push(path);
        }
        outcome = { file: job.file, ok: true, outputs, result };
      }
    } catch (e) {
      outcome = { file: job.file, ok: false, outputs: [], error: `cannot process: ${(e as Error).message}` };
    }
    outcomes.push(outcome);
    options.onFile?.(outcome, errors.length + index, total);
  });
  const ok = outcomes.filter((o) => o.ok).length;
  return { files: outcomes.length, ok, failed: outcomes.length - ok, outcomes };
}
