/** Per-thread CPU time (lib/thread-cpu.ts): each thread reads its own clock from /proc/thread-self/stat on Linux. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { parseThreadStat, threadCpuMs } from '../pipeline/lib/thread-cpu.js';
import { ROOT } from './helpers/paths.js';

describe('thread CPU time', () => {
  it('reads utime and stime (fields 14 and 15, clock ticks of 10 ms) after the command name, whatever it holds', () => {
    // a line of this machine's /proc/<pid>/stat, with a command name that has spaces and parentheses
    const line = '12956 (we (ird) name) R 12952 12952 29384 0 -1 4194304 102 0 0 0 37 5 0 0 20 0 1 0 1078480 3133440 387 18446744073709551615';
    expect(parseThreadStat(line)).toBe((37 + 5) * 10);
    expect(parseThreadStat('garbage')).toBeNull();
    expect(parseThreadStat('1 (x) R 1 2')).toBeNull();
  });

  it.runIf(process.platform === 'linux')('is the calling thread’s own: a busy worker’s clock advances, the waiting main thread’s does not', async () => {
    const mainBefore = threadCpuMs()!;
    // the worker runs the compiled module (built by npm test before vitest, as the batch's workers are) and spins for 400 ms
    const compiled = pathToFileURL(join(ROOT, 'dist', 'pipeline', 'lib', 'thread-cpu.js')).href;
    const code = `
      const { parentPort } = require('node:worker_threads');
      import(${JSON.stringify(compiled)}).then(({ threadCpuMs }) => {
        const before = threadCpuMs();
        const end = Date.now() + 400;
        let x = 0;
        while (Date.now() < end) x += Math.sqrt(x + 1);
        parentPort.postMessage({ before, after: threadCpuMs(), x });
      });`;
    const worker = new Worker(code, { eval: true });
    const { before, after } = await new Promise<{ before: number; after: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    const mainAfter = threadCpuMs()!;
    // the worker used CPU for most of its 400 ms (less on a loaded machine, never nothing)
    expect(after - before).toBeGreaterThanOrEqual(50);
    // the main thread only waited: far less than the worker (a process-wide clock would count the worker's too)
    expect(mainAfter - mainBefore).toBeLessThan(after - before);
  });
});
