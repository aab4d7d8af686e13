/**
 * A piscina worker: each thread imports the pipeline once, so jieba, OpenCC
 * and the compiled ajv validator are loaded once per worker and reused for
 * every file it gets.
 */
import { runJob, type JobTask, type JobResult } from './job.js';

export default function work(task: JobTask): Promise<JobResult> {
  return runJob(task);
}
