/**
 * A piscina worker: each thread imports the pipeline once, so jieba's dictionaries, OpenCC
 * and the compiled ajv validator are loaded once per worker and reused for
 * every file it gets. The default export runs a batch's job (batch.ts);
 * `processInput` and `warmUp` serve the async API (processor.ts).
 */
import { threadId } from 'node:worker_threads';
import { runJob, type JobTask, type JobResult } from './job.js';
import { processDocument, type ProcessInput, type ProcessOptions, type ProcessResult } from './pipeline.js';

export default function work(task: JobTask): Promise<JobResult> {
  return runJob(task);
}

export function processInput(task: { input: ProcessInput; options: ProcessOptions }): ProcessResult {
  return processDocument(task.input, task.options);
}

/** A small notice through the whole pipeline: loads what every document needs (jieba, OpenCC, ajv). */
const WARM_UP = '某某市人民政府关于做好数字经济工作的通知\n各区县政府：\n一、总体要求\n做好工作（市发改委牵头，市财政局配合）。\n某某市人民政府\n2024年3月1日\n';

export function warmUp(): { threadId: number; ms: number } {
  const start = performance.now();
  processDocument({ bytes: new TextEncoder().encode(WARM_UP), file: 'warm-up.txt' });
  return { threadId, ms: performance.now() - start };
}
