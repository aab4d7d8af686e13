/**
 * The async API: documents processed on worker threads (the batch's piscina
 * pool and worker, worker.ts), so a server's event loop never waits for a
 * document. Each worker loads jieba, OpenCC and the compiled validator on its
 * first document (about 1.5 s of CPU); `warmUp()` pays that before the first
 * request and says what it cost.
 *
 *   const processor = createProcessor({ jobs: 2 });
 *   await processor.warmUp();
 *   const result = await processor.process({ bytes, file: 'a.html' });
 *   await processor.close();
 */
import { workerFile } from './batch.js';
import { piscina } from './lib/piscina.js';
import type { ProcessInput, ProcessOptions, ProcessResult } from './pipeline.js';

export interface ProcessorOptions extends ProcessOptions {
  /** Worker threads (default 1): documents processed at once. */
  jobs?: number;
}

export interface Processor {
  /** One document on a worker thread; options default to the processor's. Rejects only when the processor is closed. */
  process(input: ProcessInput, options?: ProcessOptions): Promise<ProcessResult>;
  /** Start every worker and load what a document needs; resolves with each worker's start-up time (ms) and the time taken. */
  warmUp(): Promise<{ threads: number; workerMs: number[]; elapsedMs: number }>;
  /** Finish the documents in flight and stop the workers. */
  close(): Promise<void>;
}

export function createProcessor(options: ProcessorOptions = {}): Processor {
  const { jobs = 1, ...defaults } = options;
  if (!Number.isInteger(jobs) || jobs < 1) throw new RangeError(`jobs must be a positive integer (got ${jobs})`);
  const pool = new (piscina().Piscina)({ filename: workerFile(), minThreads: jobs, maxThreads: jobs, idleTimeout: Number.POSITIVE_INFINITY });
  let closed = false;
  return {
    async process(input, opts) {
      if (closed) throw new Error('gongwen: the processor is closed');
      return (await pool.run({ input, options: { ...defaults, ...opts } }, { name: 'processInput' })) as ProcessResult;
    },
    async warmUp() {
      const start = performance.now();
      // one warm-up per thread: each takes the first document's cost, so the pool spreads them over its threads
      const runs = (await Promise.all(Array.from({ length: jobs }, () => pool.run(null, { name: 'warmUp' })))) as { threadId: number; ms: number }[];
      return { threads: new Set(runs.map((r) => r.threadId)).size, workerMs: runs.map((r) => Math.round(r.ms)), elapsedMs: Math.round(performance.now() - start) };
    },
    async close() {
      closed = true;
      // waits for the documents in flight (destroy would reject them)
      await pool.close();
    },
  };
}
