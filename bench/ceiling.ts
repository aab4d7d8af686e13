/**
 * A fixed JavaScript workload that is not gongwen (maps keyed by strings,
 * string building, JSON), for the benchmark's machine ceiling: run alone and
 * two at once in fresh processes, it shows how much two threads can gain on
 * this machine whatever the program. Prints its own time in ms.
 */
import { performance } from 'node:perf_hooks';

const started = performance.now();
const map = new Map<string, number>();
let sum = 0;
for (let round = 0; round < 30; round++) {
  for (let i = 0; i < 200_000; i++) map.set(`k${(i * 7919) % 150_000}`, i);
  for (let i = 0; i < 200_000; i++) sum += map.get(`k${i}`) ?? 0;
}
const json = JSON.stringify([...map.entries()]);
for (let i = 0; i < 20; i++) sum += (JSON.parse(json) as unknown[]).length;
if (sum < 0) throw new Error('unreachable');
process.stdout.write(`${Math.round(performance.now() - started)}\n`);
