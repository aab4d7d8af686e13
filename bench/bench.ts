/**
 * npm run bench — every figure measured in this one run, so compare ratios,
 * not absolute times (machines are noisy).
 *
 * The corpus is built from the real documents at hand — the sample in
 * input/, the gov.cn pages and lawrefbook regulations of ../shared/corpus
 * when present — repeated as separate documents up to --mb megabytes
 * (default 20). `--only text` prints only the text part (the first three
 * items below: end-to-end, its ratio to the cut, the stage shares) and stops,
 * in about a tenth of the time (`node dist/bench/bench.js --only text --mb 2`
 * while iterating on speed). Printed:
 *   - end-to-end characters per second on one thread: processDocument and the
 *     rendering of everything a batch writes for the document (JSON, Markdown,
 *     records; not the disk writes), input characters counted;
 *   - its ratio to nodejieba.cut alone on the same documents' clean text (the
 *     floor), and the cut's share of the end-to-end time;
 *   - the share of each stage;
 *   - the speed-up of a batch run with --jobs 2 over --jobs 1 (fresh CLI
 *     processes on the corpus written as files, start-up and batch files
 *     included), the CPU time each used (from run-report.json) and the bound
 *     that CPU time sets on the speed-up of two cores, and what two processes
 *     of processDocument gain over one once warm, with V8's defaults and with
 *     single-threaded GC (bench/pair.ts);
 *   - what fsync costs: the corpus's files (outputs, records, state) written
 *     as a batch writes them, with fsync and without, in turn;
 *   - the cold start of a one-document CLI run;
 *   - peak memory of a batch run (processing and writing every file) on one
 *     20 MB document against one 2 MB document (fresh processes);
 *   - PDF pages per second against pdfjs-dist's own text extraction, and peak
 *     memory on the largest PDF and a 500-page one (bench/pdf.ts).
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadJieba } from '../pipeline/lib/jieba.js';
import { projectRoot } from '../pipeline/lib/project.js';
import { renderDocument, statePath } from '../pipeline/job.js';
import { chunked } from '../pipeline/lib/json-writer.js';
import { OutputFolder, writeFiles } from '../pipeline/lib/output-files.js';
import { processDocument, type Stage } from '../pipeline/pipeline.js';
import type { RunReport as RunReportFile } from '../pipeline/run-report-types.js';
import { realDocuments } from './documents.js';
import { pageBench } from './pages.js';
import { pdfBench } from './pdf.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const megabytes = arg('--mb', 20);
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? process.argv[onlyAt + 1] : undefined;
if (only !== undefined && only !== 'text') throw new Error(`--only ${only}: the only part that runs alone is text`);
const root = projectRoot();

const sources = realDocuments();
const sourceBytes = sources.reduce((n, s) => n + s.bytes.length, 0);
const rounds = Math.max(1, Math.round((megabytes * 1024 * 1024) / sourceBytes));
const docs = Array.from({ length: rounds }, (_, r) => sources.map((s) => ({ name: `${r}/${s.name}`, bytes: s.bytes }))).flat();
const totalBytes = docs.reduce((n, d) => n + d.bytes.length, 0);

const time = (fn: () => void): number => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

const jieba = loadJieba();
/** What a batch does with a document, without the disk: process it, then render every file it writes. */
const endToEnd = (d: { name: string; bytes: Buffer }) => {
  const r = processDocument({ bytes: d.bytes, file: d.name });
  if (!r.ok || !r.document) throw new Error(`bench document ${d.name} failed`);
  const started = performance.now();
  let rendered = 0;
  for (const f of renderDocument({ out: 'out', target: d.name, formats: ['json', 'md'], script: 'zh-Hans' }, r.document)) {
    // the same chunking as a batch's writes, without the disk
    const out = chunked((chunk) => (rendered += chunk.length));
    f.write(out.sink);
    out.end();
  }
  return { ...r, document: r.document, rendered, timings: { ...r.timings, write: performance.now() - started } };
};
// warm-up (jieba, OpenCC, the word model, ajv), and each document's clean text for the cut
const hansTexts = sources.map((s) => endToEnd(s).document.text['zh-Hans']);

// end-to-end on one thread, and nodejieba.cut alone on the same documents' clean text, round by
// round in turn, so both see the same machine (its speed drifts by a quarter over minutes here)
// each document's characters, counted before the clock runs (decoding them again in the timed loop added to the pipeline's time)
const charsOf = new Map(sources.map((s) => [s.bytes, s.bytes.toString('utf8').length]));
let chars = 0;
let rendered = 0;
let e2eMs = 0;
let cutMs = 0;
const stages: Partial<Record<Stage | 'write', number>> = {};
for (let round = 0; round < rounds; round++) {
  e2eMs += time(() => {
    for (const d of docs.slice(round * sources.length, (round + 1) * sources.length)) {
      const r = endToEnd(d);
      chars += charsOf.get(d.bytes)!;
      rendered += r.rendered;
      for (const [k, v] of Object.entries(r.timings)) stages[k as Stage | 'write'] = (stages[k as Stage | 'write'] ?? 0) + v;
    }
  });
  // a first pass warms jieba's caches after the pipeline's work, so the cut is timed as it runs alone
  for (const t of hansTexts) jieba.cut(t);
  cutMs += time(() => {
    for (const t of hansTexts) jieba.cut(t);
  });
}
const hansChars = rounds * hansTexts.reduce((n, t) => n + t.length, 0);
const rate = (n: number, ms: number) => Math.round(n / (ms / 1000));
const e2eRate = rate(chars, e2eMs);
const cutRate = rate(hansChars, cutMs);

console.log(`corpus: ${docs.length} documents (${sources.length} real ones × ${rounds}), ${mb(totalBytes)}, ${(chars / 1e6).toFixed(2)} M characters`);
console.log(`rendered:                   ${(rendered / 1e6).toFixed(1)} M characters of JSON, Markdown and records`);
console.log(`nodejieba.cut alone:        ${cutRate.toLocaleString('en')} chars/s`);
console.log(`end-to-end, 1 thread:       ${e2eRate.toLocaleString('en')} chars/s`);
console.log(`ratio end-to-end / cut:     ${(e2eRate / cutRate).toFixed(2)}  (target ≥ 0.40)`);
console.log(`cut share of end-to-end:    ${((100 * cutMs) / e2eMs).toFixed(0)} % of the time (the same cut on the clean text, which is shorter than the input)`);
const stageTotal = Object.values(stages).reduce((a, b) => a + b, 0);
console.log(`stage shares: ${Object.entries(stages).map(([k, v]) => `${k} ${((100 * v) / stageTotal).toFixed(0)} %`).join(', ')}`);
if (only === 'text') {
  console.log(`load average: ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
  process.exit(0);
}

// --jobs 2 against --jobs 1, on files
const work = mkdtempSync(join(tmpdir(), 'gongwen-bench-'));
try {
  const input = join(work, 'in');
  for (const d of docs) {
    const path = join(input, d.name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, d.bytes);
  }
  // each in a fresh CLI process, so both pay the same start-up (jieba, OpenCC, the word model per thread)
  const bin = join(root, 'bin', 'gongwen.js');
  const batch = (jobs: number, folder = input) => {
    // an output folder per input folder: the batch files describe the whole folder, so the pages written where the
    // corpus was would have rewritten the corpus's 780 documents' datasets too (2.2 s of the pages' run)
    const out = join(work, `out${jobs}-${folder === input ? 'corpus' : 'pages'}`);
    const t = performance.now();
    // without fsync: these runs measure how the work scales over cores; what fsync costs is measured on its own below
    const r = spawnSync(process.execPath, [bin, folder, '--out', out, '--jobs', String(jobs), '--force', '--quiet', '--no-fsync']);
    if (r.status !== 0) throw new Error(`batch --jobs ${jobs} failed: ${r.stderr}`);
    const wall = performance.now() - t;
    const report = JSON.parse(readFileSync(join(out, 'run-report.json'), 'utf8')) as RunReportFile;
    return { wall, cpu: report.cpu.userMs + report.cpu.systemMs, elapsed: report.elapsedMs, threads: report.threads, load: loadavg()[0]! };
  };
  // in turn, twice each, the best of each: the machine's drift hits both alike
  const ones: ReturnType<typeof batch>[] = [];
  const twos: ReturnType<typeof batch>[] = [];
  for (let trial = 0; trial < 2; trial++) {
    ones.push(batch(1));
    twos.push(batch(2));
  }
  const best = (list: ReturnType<typeof batch>[]) => list.reduce((a, b) => (b.wall < a.wall ? b : a));
  const one = best(ones);
  const two = best(twos);
  const seconds = (list: ReturnType<typeof batch>[]) => list.map((r) => (r.wall / 1000).toFixed(1)).join(', ');
  const cores = (r: ReturnType<typeof batch>) => (r.cpu / r.elapsed).toFixed(2);
  console.log(`batch --jobs 1:             ${(one.wall / 1000).toFixed(1)} s (best of ${seconds(ones)}); CPU ${(one.cpu / 1000).toFixed(1)} s, ${cores(one)} cores busy`);
  console.log(`batch --jobs 2:             ${(two.wall / 1000).toFixed(1)} s (best of ${seconds(twos)}); CPU ${(two.cpu / 1000).toFixed(1)} s, ${cores(two)} cores busy`);
  console.log(`speed-up --jobs 2 / 1:      ${(one.wall / two.wall).toFixed(2)}  (target ≥ 1.7)`);
  // with both cores busy all the time, --jobs 2 takes at least its CPU time over 2
  console.log(`bound from CPU time:        ${((2 * one.elapsed) / two.cpu).toFixed(2)}  (2 cores over --jobs 2's CPU time: it needs ${((100 * (two.cpu - one.cpu)) / one.cpu).toFixed(0)} % more CPU than --jobs 1 for the same documents)`);

  // the same on the 58 development pages (2.2 MB), where each thread's start-up weighs most; with each thread's own CPU
  const devPages = join(root, '..', 'shared', 'corpus', 'pages');
  if (existsSync(devPages)) {
    const pageOnes: ReturnType<typeof batch>[] = [];
    const pageTwos: ReturnType<typeof batch>[] = [];
    for (let trial = 0; trial < 3; trial++) {
      pageOnes.push(batch(1, devPages));
      pageTwos.push(batch(2, devPages));
    }
    const p1 = best(pageOnes);
    const p2 = best(pageTwos);
    const threads = (r: ReturnType<typeof batch>) =>
      r.threads.map((t) => `${t.role === 'main' ? 'main' : `worker ${t.thread}`}: ${t.documents} docs, start ${t.startupMs} ms, documents ${t.documentsMs} ms${t.otherMs === null ? '' : `, other ${t.otherMs} ms`}`).join('; ');
    console.log(`pages --jobs 1:             ${(p1.wall / 1000).toFixed(1)} s (best of ${seconds(pageOnes)}); CPU ${(p1.cpu / 1000).toFixed(1)} s; load ${p1.load.toFixed(1)}; ${threads(p1)}`);
    console.log(`pages --jobs 2:             ${(p2.wall / 1000).toFixed(1)} s (best of ${seconds(pageTwos)}); CPU ${(p2.cpu / 1000).toFixed(1)} s; load ${p2.load.toFixed(1)}; ${threads(p2)}`);
    console.log(`pages speed-up --jobs 2 / 1: ${(p1.wall / p2.wall).toFixed(2)}  (target ≥ 1.3); bound from CPU time ${((2 * p1.elapsed) / p2.cpu).toFixed(2)}`);
    // what no thread of gongwen's own does: V8's optimizing compiler and collector threads, one set per isolate
    const helpers = (r: ReturnType<typeof batch>) => (r.cpu - r.threads.reduce((n, t) => n + (t.startupMs ?? 0) + (t.documentsMs ?? 0) + (t.otherMs ?? 0), 0)) / 1000;
    console.log(`  CPU outside gongwen's threads (V8's compiler and collector): --jobs 1 ${helpers(p1).toFixed(1)} s, --jobs 2 ${helpers(p2).toFixed(1)} s`);
  }

  // fsync: every file of the corpus written as runJob writes it (outputs and records as one group, fsynced or not,
  // then the state, never fsynced), in turn; the documents processed once
  const processed = sources.map((s) => ({ name: s.name, doc: processDocument({ bytes: s.bytes, file: s.name }).document! }));
  const writeAll = (sync: boolean, trial: number) => {
    const out = join(work, `fsync-${sync}-${trial}`);
    const folder = new OutputFolder(out);
    return time(() => {
      for (let r = 0; r < rounds; r++) {
        for (const p of processed) {
          const task = { out, target: `${r}/${p.name}`, formats: ['json', 'md'] as const, script: 'zh-Hans' as const };
          writeFiles(folder, [...renderDocument(task, p.doc)], { fsync: sync });
          writeFiles(folder, [{ path: statePath(out, task.target), write: '{}\n' }], { fsync: false });
        }
      }
    });
  };
  const synced: number[] = [];
  const unsynced: number[] = [];
  for (let trial = 0; trial < 2; trial++) {
    unsynced.push(writeAll(false, trial));
    synced.push(writeAll(true, trial));
  }
  const fsyncCost = Math.min(...synced) - Math.min(...unsynced);
  console.log(`fsync, ${rounds * processed.length} documents:      ${(Math.min(...synced) / 1000).toFixed(1)} s writing with fsync, ${(Math.min(...unsynced) / 1000).toFixed(1)} s without: +${(fsyncCost / 1000).toFixed(1)} s, ${((100 * fsyncCost) / one.wall).toFixed(1)} % of the --jobs 1 batch`);

  // what two threads of gongwen's own work gain on this machine once warm (no start-up, no
  // compilation left): processDocument alone and two at once in fresh processes. With V8's defaults
  // its garbage-collector and compiler threads work for a lone process on the spare core and compete
  // when two run; single-threaded GC keeps each process to its core.
  const pair = join(root, 'dist', 'bench', 'pair.js');
  const pairRun = (flags: string[]) =>
    new Promise<number>((resolve, reject) =>
      execFile(process.execPath, [...flags, pair, '8', '12'], { encoding: 'utf8' }, (error, stdout) => (error ? reject(error) : resolve(Number(stdout.trim())))),
    );
  const aloneAndPair = async (flags: string[]) => {
    // in turn, twice each, the best of each
    const alones: number[] = [];
    const pairs: number[] = [];
    for (let trial = 0; trial < 2; trial++) {
      alones.push(await pairRun(flags));
      pairs.push(Math.max(...(await Promise.all([pairRun(flags), pairRun(flags)]))));
    }
    return { alone: Math.min(...alones), both: Math.min(...pairs) };
  };
  const defaults = await aloneAndPair([]);
  const singleGc = await aloneAndPair(['--single-threaded-gc']);
  console.log(`two processes / one, warm:  ${((2 * defaults.alone) / defaults.both).toFixed(2)}  (V8 defaults: alone ${defaults.alone} ms, two at once ${defaults.both} ms each)`);
  console.log(`  with single-threaded GC:  ${((2 * defaults.alone) / singleGc.both).toFixed(2)}  (two at once ${singleGc.both} ms each, against the lone process with defaults; alone it takes ${singleGc.alone} ms)`);

  // cold start: a fresh CLI process on one document
  const sample = join(root, 'input', 'chengdu-future-industries-2024.txt');
  const colds: number[] = [];
  const coldCpus: number[] = [];
  const coldMains: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [bin, sample, '--out', join(work, `cold${k}`), '--jobs', '1', '--quiet']);
    if (r.status !== 0) throw new Error(`cold start failed: ${r.stderr}`);
    colds.push(performance.now() - t);
    const report = JSON.parse(readFileSync(join(work, `cold${k}`, 'run-report.json'), 'utf8')) as RunReportFile;
    coldCpus.push(report.cpu.userMs + report.cpu.systemMs);
    const main = report.threads[0]!;
    coldMains.push((main.startupMs ?? 0) + (main.documentsMs ?? 0) + (main.otherMs ?? 0));
  }
  console.log(
    `cold start, one document:   ${(Math.min(...colds) / 1000).toFixed(2)} s, ${(Math.min(...coldCpus) / 1000).toFixed(2)} s of CPU in the run, ${(Math.min(...coldMains) / 1000).toFixed(2)} s of it on the main thread (best of 3; load ${loadavg()[0]!.toFixed(1)}; target ≤ 1 s; steps: npm run bench:cold)`,
  );

  // peak memory of one big document against one small one, each in a fresh process
  const memory = join(root, 'dist', 'bench', 'memory.js');
  const oneDocument = (size: number) => {
    const parts: Buffer[] = [];
    let n = 0;
    for (let k = 0; n < size; k++) {
      // text documents only: one document made of many policy texts in a row
      const s = sources[k % sources.length]!;
      if (!s.name.endsWith('.txt') && !s.name.endsWith('.md')) continue;
      parts.push(s.bytes, Buffer.from('\n\n'));
      n += s.bytes.length + 2;
    }
    const path = join(work, `one-${size}.txt`);
    writeFileSync(path, Buffer.concat(parts));
    return path;
  };
  const peak = (path: string) => Number(execFileSync(process.execPath, [memory, path], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim());
  const small = peak(oneDocument(2 * 1024 * 1024));
  const big = peak(oneDocument(20 * 1024 * 1024));
  console.log(`peak memory, 2 MB document:  ${mb(small)}`);
  console.log(`peak memory, 20 MB document: ${mb(big)}  (target ≤ 1536 MB)`);
  console.log(`memory ratio 20 MB / 2 MB:   ${(big / small).toFixed(1)}  (target ≤ 12)`);

  await pdfBench(work, mb);
} finally {
  rmSync(work, { recursive: true, force: true });
}

// whole pages: gongwen against Readability and defuddle on the development pages (bench/pages.ts)
const pagesFolder = join(root, '..', 'shared', 'corpus', 'pages');
if (existsSync(pagesFolder)) for (const line of await pageBench(root, pagesFolder)) console.log(line);
