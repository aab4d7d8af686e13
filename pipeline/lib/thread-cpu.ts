/**
 * The CPU time of the calling thread. Node 20 has no per-thread CPU clock
 * (process.cpuUsage counts every thread, threadCpuUsage came in Node 23.9);
 * on Linux a thread reads its own /proc/thread-self/stat, and a synchronous
 * read runs on the calling thread itself, so a worker reads its own line.
 * Fields 14 and 15 (utime, stime) are in clock ticks of USER_HZ, which Linux
 * fixes at 100 a second for user space: 10 ms resolution. Null where the
 * file does not exist (another system, a /proc not mounted).
 */
import { readFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

/** Milliseconds in one clock tick of /proc (USER_HZ = 100). */
const TICK_MS = 10;

/** User plus system CPU time of this thread so far, in ms; null where it cannot be read. */
export function threadCpuMs(): number | null {
  if (process.platform !== 'linux') return null;
  try {
    return parseThreadStat(readFileSync('/proc/thread-self/stat', 'latin1'));
  } catch {
    return null;
  }
}

/**
 * utime + stime (ms) of a /proc/…/stat line. The second field, the command
 * name, is in parentheses and may hold spaces and parentheses itself, so the
 * fields are counted from the last `)`: field 3 (state) follows it.
 */
export function parseThreadStat(line: string): number | null {
  const close = line.lastIndexOf(')');
  if (close < 0) return null;
  const fields = line.slice(close + 2).trim().split(' ');
  // fields[0] is field 3 (state): utime is field 14, stime field 15
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) return null;
  return (utime + stime) * TICK_MS;
}

/** What a document cost its thread: the thread's id, its CPU before the document (start-up and earlier documents) and during it. */
export interface ThreadCpu {
  thread: number;
  beforeMs: number | null;
  ms: number | null;
}

/** Measures `run` on this thread's CPU clock. */
export async function onThreadCpu<T>(run: () => Promise<T>): Promise<{ value: T; cpu: ThreadCpu }> {
  const before = threadCpuMs();
  const value = await run();
  const after = threadCpuMs();
  return { value, cpu: { thread: threadId, beforeMs: before, ms: before === null || after === null ? null : after - before } };
}
