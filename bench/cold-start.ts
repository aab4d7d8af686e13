/**
 * npm run bench:cold — the cold start of a one-document run, on its own (the
 * full `npm run bench` prints the same first line among its figures).
 *
 * Prints, best of --runs fresh CLI processes (default 5) on the sample:
 *   - the wall time of `gongwen <sample> --jobs 1`, and its CPU time (from
 *     its run-report.json: every thread of the process over the run, and the
 *     main thread's own, start-up included: the critical path);
 *   - the same in an empty temporary directory, i.e. what the first run after
 *     a rebuild pays once to prepare every prepared file (OpenCC's tries and
 *     script characters, the GBK tables, the gazetteer, the word model, the
 *     validators, jieba's dictionaries);
 *   - where one fresh process spends its CPU time, step by step: importing the
 *     modules, jieba's dictionaries (read from their prepared file), OpenCC (the script characters and
 *     the Simplified→Traditional tries, read from their prepared files), the
 *     word model (likewise), the first document, and the same document again
 *     (what is left of the first document's extra cost is the difference).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../pipeline/lib/project.js';
import type { RunReport } from '../pipeline/run-report-types.js';

const root = projectRoot();
const sample = join(root, 'input', 'chengdu-future-industries-2024.txt');
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

if (process.argv.includes('--steps')) {
  // one fresh process, step by step (run as a child of the measuring process)
  const steps: [string, number, number][] = [];
  let wall = performance.now();
  let cpu = cpuNow();
  const step = (name: string) => {
    steps.push([name, performance.now() - wall, cpuNow() - cpu]);
    wall = performance.now();
    cpu = cpuNow();
  };
  const { processDocument } = await import('../pipeline/pipeline.js');
  await import('../pipeline/batch.js');
  const { wordSegmenter } = await import('../pipeline/lib/jieba.js');
  const { converters, scriptCharacters } = await import('../pipeline/lib/opencc.js');
  const { wordModel } = await import('../pipeline/lib/word-model.js');
  step('import the modules');
  wordSegmenter();
  step('jieba dictionaries (prepared file)');
  scriptCharacters('t');
  converters('t').toHant('国');
  step('OpenCC (script characters, s2t)');
  wordModel();
  step('word model (cache file)');
  processDocument({ bytes: readFileSync(sample), file: 'sample.txt' });
  step('first document (processDocument)');
  processDocument({ bytes: readFileSync(sample), file: 'sample.txt' });
  step('the same document again');
  console.log(JSON.stringify(steps));
} else {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const runs = arg('--runs', 5);
  const bin = join(root, 'bin', 'gongwen.js');
  const work = mkdtempSync(join(tmpdir(), 'gongwen-cold-'));
  const once = (k: number, clearCache: boolean) => {
    // an empty temporary directory: no prepared file
    const env = clearCache ? { ...process.env, TMPDIR: mkdtempSync(join(work, 'tmp-')) } : process.env;
    const out = join(work, `out${k}`);
    const t = performance.now();
    const r = spawnSync(process.execPath, [bin, sample, '--out', out, '--jobs', '1', '--quiet'], { env });
    if (r.status !== 0) throw new Error(`cold start failed: ${r.stderr}`);
    const wall = performance.now() - t;
    const report = JSON.parse(readFileSync(join(out, 'run-report.json'), 'utf8')) as RunReport;
    // the main thread's own CPU (process start, imports, the document, the batch files): the run's critical path (the
    // rest of the process's CPU is V8's compiler and collector threads)
    const main = report.threads[0]!;
    return { wall, cpu: report.cpu.userMs + report.cpu.systemMs, main: (main.startupMs ?? 0) + (main.documentsMs ?? 0) + (main.otherMs ?? 0) };
  };
  try {
    const cold = Array.from({ length: runs }, (_, k) => once(k, false));
    const prepared = [once(runs, true), once(runs + 1, true)];
    const best = (list: { wall: number; cpu: number; main: number }[]) => ({ wall: Math.min(...list.map((r) => r.wall)), cpu: Math.min(...list.map((r) => r.cpu)), main: Math.min(...list.map((r) => r.main)) });
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const b = best(cold);
    const p = best(prepared);
    console.log(`cold start, one document:   ${s(b.wall)} wall, ${s(b.cpu)} CPU in the run, ${s(b.main)} of it on the main thread (best of ${runs}; load ${loadavg()[0]!.toFixed(1)}; target ≤ 1 s)`);
    console.log(`  first run after a rebuild: ${s(p.wall)} wall, ${s(p.cpu)} CPU (every prepared file made, in an empty temporary directory; best of 2)`);
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--steps'], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`steps failed: ${child.stderr}`);
    for (const [name, wall, cpu] of JSON.parse(child.stdout) as [string, number, number][]) {
      console.log(`  ${name.padEnd(34)} ${wall.toFixed(0).padStart(5)} ms wall ${cpu.toFixed(0).padStart(5)} ms CPU`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
