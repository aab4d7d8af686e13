/**
 * What a batch's job is and where its files go — the task, its result, the
 * paths of its state and records — without the pipeline that runs it
 * (job.ts): the main thread of a batch with workers needs these, not the
 * stages.
 */
import { join } from 'node:path';
import type { DatasetRecord } from './datasets.js';
import { removeFiles } from './output-files.js';
import { STATE_FOLDER, TARGET_SUFFIXES } from './output-names.js';
import type { ThreadCpu } from './thread-cpu.js';
import type { ProcessOptions, Stage } from '../pipeline.js';
import type { OutputScript } from '../stages/to-markdown.js';

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
  /** fsync every file before its rename and its folder after (default true). */
  fsync?: boolean;
  /** What the document's line of dataset.jsonl holds (lib/datasets.ts; default full). */
  dataset?: DatasetRecord;
}

export interface JobResult {
  file: string;
  target: string;
  status: 'ok' | 'skipped' | 'failed';
  outputs: string[];
  /** One line naming the reason when the file failed. */
  error?: string;
  /** Set (to the error code: ENOSPC …) when writing failed in a way every later document would too: the batch stops. */
  stop?: string;
  /** Diagnostics of a processed file by code (skipped files: from their JSON, read by the caller). */
  diagnostics: Record<string, number>;
  /** Warnings and errors of a processed file, one line each, for --verbose. */
  warnings: string[];
  /** Time of each stage, and of rendering and writing the outputs (`write`), in ms. */
  timings: Partial<Record<Stage | 'write', number>>;
  /** CPU time of the thread that ran the job, during it and before it (lib/thread-cpu.ts; null values where unreadable). */
  cpu?: ThreadCpu;
}

/** Where the state of a target is kept: the key of the run that wrote its outputs, and its diagnostics by code. */
export function statePath(out: string, target: string): string {
  return join(out, STATE_FOLDER, 'state', `${target}.json`);
}

/**
 * The document's share of the batch files, written with its outputs by the
 * worker that processed it: its line of dataset.jsonl, and its rows of the
 * three tables (one JSON line, lib/datasets.ts); one folder per kind, so a
 * record's name is the target plus a short extension (a long name fits
 * wherever its JSON fits).
 */
export function recordPaths(out: string, target: string): { dataset: string; tables: string } {
  const records = join(out, STATE_FOLDER, 'records');
  return { dataset: join(records, 'dataset', `${target}.jsonl`), tables: join(records, 'tables', `${target}.jsonl`) };
}

/** Every file a target may own: its outputs under any options, its records, its state (state last). */
export function ownedFiles(out: string, target: string): string[] {
  return [...TARGET_SUFFIXES.map((s) => join(out, `${target}${s}`)), ...Object.values(recordPaths(out, target)), statePath(out, target)];
}

/**
 * Remove a document from the output folder: its state first (a run killed
 * halfway leaves outputs no state names, which the batch files leave out and
 * the next run replaces or removes), then its outputs and records.
 */
export function removeDocument(out: string, target: string, options: { fsync?: boolean } = {}): void {
  const owned = ownedFiles(out, target);
  removeFiles([owned[owned.length - 1]!], options);
  removeFiles(owned.slice(0, -1), options);
}

