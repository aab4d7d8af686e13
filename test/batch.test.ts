/** Batch runs as users run them: incremental, parallel, sharded, killed and resumed, fed bad input. */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectJobs, defaultJobs, INPUT_EXTENSIONS, inShard, runBatch, splitPattern, WORKER_INPUT } from '../pipeline/batch.js';
import { folderHash } from '../pipeline/job.js';
import { temporaryName } from '../pipeline/lib/output-files.js';
import { validateRunReport } from '../pipeline/validate.js';
import { ROOT, SAMPLE, SHARED } from './helpers/paths.js';

const BIN = join(ROOT, 'bin', 'gongwen.js');
/** The extensions a failure line lists (one list, in pipeline/batch.ts). */
const READS = INPUT_EXTENSIONS.join(' ');
const temp = (name: string) => mkdtempSync(join(tmpdir(), `gongwen-${name}-`));

/** Every file under a folder with its content, except the per-run report and state. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.name === '.gongwen' || e.name.startsWith('run-report')) continue;
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** A small corpus of real documents: the sample, gov.cn pages, a regulation. */
function corpus(): string {
  const dir = temp('corpus');
  cpSync(SAMPLE, join(dir, 'sample.txt'));
  mkdirSync(join(dir, 'govcn'));
  for (const f of ['govcn-02.html', 'govcn-05.html', 'govcn-20.html', 'govcn-33.html', 'govcn-57.html']) cpSync(join(SHARED, 'corpus', 'govcn', f), join(dir, 'govcn', f));
  cpSync(join(SHARED, 'corpus', 'lawrefbook', '山东省人才发展促进条例(2020-03-26).md'), join(dir, '山东 条例.md'));
  return dir;
}

describe('incremental runs', () => {
  it('skips unchanged documents, re-runs changed ones and everything with force', async () => {
    const src = corpus();
    const out = temp('out');
    const first = await runBatch([src], { out, jobs: 1 });
    expect(first.files).toEqual({ total: 7, ok: 7, skipped: 0, failed: 0 });
    const before = snapshot(out);
    const second = await runBatch([src], { out, jobs: 1 });
    expect(second.files).toEqual({ total: 7, ok: 0, skipped: 7, failed: 0 });
    expect(snapshot(out)).toEqual(before);
    // the report still counts the diagnostics of unchanged documents
    expect(second.diagnostics).toEqual(first.diagnostics);
    writeFileSync(join(src, 'govcn', 'govcn-02.html'), readFileSync(join(src, 'govcn', 'govcn-02.html'), 'utf8').replace('近年来', '近几年来'));
    const third = await runBatch([src], { out, jobs: 1 });
    expect(third.files).toMatchObject({ ok: 1, skipped: 6 });
    // other options are another output: no skip
    const fourth = await runBatch([src], { out, jobs: 1, variant: 'tw' });
    expect(fourth.files).toMatchObject({ ok: 7, skipped: 0 });
    const forced = await runBatch([src], { out, jobs: 1, variant: 'tw', force: true });
    expect(forced.files).toMatchObject({ ok: 7, skipped: 0 });
  });
});

describe('the incremental key', () => {
  it('changes with any file of a folder it hashes (the lexicon, the pipeline’s code), names and bytes', () => {
    const dir = temp('code');
    mkdirSync(join(dir, 'lib'));
    writeFileSync(join(dir, 'a.js'), 'export const a = 1;\n');
    writeFileSync(join(dir, 'lib', 'b.js'), 'export const b = 2;\n');
    const first = folderHash(dir);
    expect(folderHash(dir)).toBe(first);
    // (hashed once per process and folder: each state is a folder of its own)
    const copy = temp('code');
    cpSync(dir, copy, { recursive: true });
    expect(folderHash(copy)).toBe(first);
    const changed = temp('code');
    cpSync(dir, changed, { recursive: true });
    writeFileSync(join(changed, 'lib', 'b.js'), 'export const b = 3;\n');
    expect(folderHash(changed)).not.toBe(first);
    const renamed = temp('code');
    cpSync(dir, renamed, { recursive: true });
    renameSync(join(renamed, 'a.js'), join(renamed, 'c.js'));
    expect(folderHash(renamed)).not.toBe(first);
  });
});

describe('parallel workers and shards', () => {
  it('write with two workers exactly what one thread writes', async () => {
    const src = corpus();
    const one = temp('one');
    const two = temp('two');
    const single = await runBatch([src], { out: one, jobs: 1 });
    const report = await runBatch([src], { out: two, jobs: 2 });
    expect(report.options.jobs).toBe(2);
    expect(snapshot(two)).toEqual(snapshot(one));
    // the CPU time of each thread, from its own clock: with one thread the main thread ran every document;
    // with two, each worker ran some (the first of each loads jieba: ~1 s), the main thread none
    const processed = report.files.ok + report.files.failed;
    expect(single.threads.map((t) => [t.role, t.documents])).toEqual([['main', processed]]);
    expect(report.threads[0]).toMatchObject({ thread: 0, role: 'main', documents: 0, documentsMs: 0, perDocumentMs: null });
    const workers = report.threads.slice(1);
    expect(workers.map((t) => t.role)).toEqual(['worker', 'worker']);
    expect(workers.reduce((n, t) => n + t.documents, 0)).toBe(processed);
    if (process.platform === 'linux') {
      for (const t of workers) {
        expect(t.documentsMs).toBeGreaterThan(100);
        expect(t.perDocumentMs).toBe(Math.round(t.documentsMs! / t.documents));
        expect(t.startupMs).toBeGreaterThan(0);
      }
      // threads' own clocks: together no more than the process's CPU time (a process-wide clock read in each
      // worker would count the other worker's time too, and exceed it)
      const threadsMs = report.threads.reduce((n, t) => n + (t.startupMs ?? 0) + (t.documentsMs ?? 0) + (t.otherMs ?? 0), 0) - report.threads[0]!.startupMs!;
      expect(threadsMs).toBeLessThanOrEqual(report.cpu.userMs + report.cpu.systemMs + 20);
    }
  });

  it('start workers by default only for input that earns back their start-up', async () => {
    expect(defaultJobs(0)).toBe(1);
    expect(defaultJobs(WORKER_INPUT - 1)).toBe(1);
    expect(defaultJobs(2 * WORKER_INPUT)).toBe(Math.min(2, availableParallelism()));
    expect(defaultJobs(1000 * WORKER_INPUT)).toBe(availableParallelism());
    // the small corpus (well under 4 MB) runs on one thread unless asked otherwise
    const report = await runBatch([corpus()], { out: temp('default-jobs') });
    expect(report.options.jobs).toBe(1);
  });

  it('split a corpus into disjoint, deterministic shares that cover it', async () => {
    const src = corpus();
    const outs = [1, 2, 3].map(() => temp('shard'));
    const reports = await Promise.all(outs.map((out, k) => runBatch([src], { out, jobs: 1, shard: { index: k + 1, count: 3 } })));
    const files = reports.flatMap((r) => r.results.map((x) => x.file)).sort();
    expect(files).toHaveLength(7);
    expect(new Set(files).size).toBe(7);
    for (const [k, out] of outs.entries()) expect(readdirSync(out)).toContain(`dataset.shard-${k + 1}-of-3.jsonl`);
    // the same target always lands in the same shard
    expect(inShard('govcn/govcn-02', { index: 1, count: 3 })).toBe(inShard('govcn/govcn-02', { index: 1, count: 3 }));
  });
});

describe('glob patterns', () => {
  it('split at the first folder with glob syntax', () => {
    expect(splitPattern('corpus/2024/**/*.html')).toEqual({ base: 'corpus/2024', rest: '**/*.html' });
    expect(splitPattern('/data/in/*.txt')).toEqual({ base: '/data/in', rest: '*.txt' });
    expect(splitPattern('*.md')).toEqual({ base: '.', rest: '*.md' });
    expect(splitPattern('/*.md')).toEqual({ base: '/', rest: '*.md' });
    expect(splitPattern('docs/{a,b}/*.txt')).toEqual({ base: 'docs', rest: '{a,b}/*.txt' });
  });

  it('expand like folders: input files only, named from the fixed folder, each file once, no match a clear failure', () => {
    const src = corpus();
    writeFileSync(join(src, 'govcn', 'notes.json'), '{}');
    // a folder matched by a pattern is walked
    expect(collectJobs([`${src}/gov*`]).jobs.map((j) => j.target)).toEqual(['govcn/govcn-02', 'govcn/govcn-05', 'govcn/govcn-20', 'govcn/govcn-33', 'govcn/govcn-57']);
    // a link loop under ** must not hang the run
    symlinkSync(src, join(src, 'govcn', 'loop'));
    const { jobs, errors } = collectJobs([`${src}/**/*.html`, join(src, 'govcn', 'govcn-02.html'), `${src}/govcn/*.json`, `${src}/none/*.txt`]);
    expect(jobs.map((j) => j.target)).toEqual(['govcn/govcn-02', 'govcn/govcn-05', 'govcn/govcn-20', 'govcn/govcn-33', 'govcn/govcn-57']);
    expect(errors.map((e) => [relative(src, e.file), e.error])).toEqual([
      ['govcn/*.json', `no input file matches this pattern (1 file of another type matched); gongwen reads ${READS}`],
      ['none/*.txt', `no input file matches this pattern; gongwen reads ${READS}`],
    ]);
    // a pattern relative to the working directory, as the CLI gets it when quoted
    const out = temp('glob');
    const run = spawnSync(process.execPath, [BIN, '*.txt', '--out', out, '--quiet'], { cwd: src });
    expect(run.status).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.json') && f !== 'run-report.json')).toEqual(['sample.json']);
  });
});

describe('the output folder', () => {
  it('is never read as input, even inside an input folder or matched by a pattern', async () => {
    const src = corpus();
    const out = join(src, 'out');
    const first = await runBatch([src], { out, jobs: 1 });
    const second = await runBatch([src], { out, jobs: 1 });
    expect(second.files).toEqual({ ...first.files, ok: 0, skipped: first.files.ok });
    expect(existsSync(join(out, 'out'))).toBe(false);
    const pattern = await runBatch([`${out}/**/*.md`], { out, jobs: 1 });
    expect(pattern.failures.map((f) => f.reason)).toEqual([`no input file matches this pattern (7 in the output folder, never read); gongwen reads ${READS}`]);
  });

  it('that cannot be made stops the run with one line naming it (exit 2), and never hangs', () => {
    const src = corpus();
    const file = join(temp('plain'), 'a-file');
    writeFileSync(file, 'x');
    const r = spawnSync(process.execPath, [BIN, src, '--out', join(file, 'out')], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^gongwen: cannot write to the output folder .*a-file\/out: ENOTDIR/m);
    // under /proc the system answers ENOENT with the parent present, where Node's recursive mkdir loops for ever
    if (existsSync('/proc/self')) {
      const proc = spawnSync(process.execPath, [BIN, src, '--out', '/proc/gongwen-out'], { encoding: 'utf8', timeout: 30_000 });
      expect(proc.status).toBe(2);
      expect(proc.stderr).toMatch(/^gongwen: cannot write to the output folder \/proc\/gongwen-out: ENOENT/m);
    }
  });
});

describe('datasets', () => {
  it('hold one record per document and one row per agency role, in output order', async () => {
    const src = corpus();
    const out = temp('out');
    await runBatch([src], { out, jobs: 1 });
    const records = readFileSync(join(out, 'dataset.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(records.map((r) => r.path)).toEqual(['govcn/govcn-02', 'govcn/govcn-05', 'govcn/govcn-20', 'govcn/govcn-33', 'govcn/govcn-57', 'sample', '山东 条例']);
    const sample = records.find((r) => r.path === 'sample');
    expect(sample.responsibilities).toHaveLength(15);
    const rows = readFileSync(join(out, 'responsibilities.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('document,document_title,note,section,section_heading,sentence,agency,agency_type,agency_name,role,roles_basis,deadline,deadline_date,deadline_kind,task,note_text');
    const sampleRows = rows.filter((r) => r.startsWith('sample,'));
    const roles = sample.responsibilities.reduce((n: number, r: { lead: string[]; support: string[] }) => n + r.lead.length + r.support.length, 0);
    expect(sampleRows).toHaveLength(roles);
    expect(sampleRows).toContain('sample,成都市人民政府关于前瞻培育未来产业构筑高质量发展新动能的实施意见,s5.5.r1,s5.5,（五）营造创新氛围,s5.5.p1.s1,成都市发展和改革委员会,agency,市发改委,lead,explicit,,,,全方位打造“蓉耀未来”品牌标识，举办“蓉耀未来”研讨会、“蓉耀未来”颠覆性技术大赛、“蓉耀未来”天使基金专场路演等具有显示度和影响力的品牌系列活动，定期评选聚焦未来产业重点领域的“蓉耀未来”新锐创业团队、新型研发机构和初创明星企业，著力营造勇于创新、勇于探索、勇于担当的浓厚氛围,[责任单位：市发改委，市科技局、市经信局市新经济委、市国资委、成都产业集团、各区（市）县政府（管委会）]');
    const entities = readFileSync(join(out, 'entities.csv'), 'utf8');
    expect(entities).toContain('govcn/govcn-05,agency:国家税务总局,agency,国家税务总局,税务总局,稅務總局');
  });
});

describe('run-report.json', () => {
  it('is valid against its schema, with the time and memory the run used', async () => {
    const src = corpus();
    const out = temp('report');
    const returned = await runBatch([src], { out, jobs: 2, shard: { index: 1, count: 2 }, maxBytes: Number.POSITIVE_INFINITY });
    const report = JSON.parse(readFileSync(join(out, 'run-report.shard-1-of-2.json'), 'utf8'));
    expect(validateRunReport(report)).toEqual({ valid: true, errors: [] });
    // what the run returns besides the report: its results and where it wrote the report
    const { results: _results, reportFile, ...written } = returned;
    expect(reportFile).toBe(join(out, 'run-report.shard-1-of-2.json'));
    expect(report).toEqual(JSON.parse(JSON.stringify(written)));
    expect(report.shard).toEqual({ index: 1, count: 2 });
    // no size limit is written as null (JSON has no Infinity)
    expect(report.options.maxBytes).toBeNull();
    expect(report.files.total).toBeGreaterThan(0);
    // two worker threads processed documents: CPU time is the whole process's, memory its peak
    expect(report.cpu.userMs).toBeGreaterThan(0);
    expect(report.peakRssBytes).toBeGreaterThan(50 * 1024 * 1024);
    // the schema is strict: a report missing a field or with a stray one is refused, naming the place
    const { cpu: _cpu, ...withoutCpu } = report;
    expect(validateRunReport(withoutCpu).errors).toEqual(["/ must have required property 'cpu'"]);
    expect(validateRunReport({ ...report, options: { ...report.options, jobs: 0 } }).errors).toEqual(['/options/jobs must be >= 1']);
  });
});

describe('a run killed at any moment', () => {
  it('leaves no partial file, and the next run finishes with output identical to an uninterrupted run', async () => {
    const src = corpus();
    for (let k = 0; k < 3; k++) cpSync(join(src, 'govcn'), join(src, `copy${k}`), { recursive: true });
    const reference = temp('ref');
    await runBatch([src], { out: reference, jobs: 1 });

    const out = temp('killed');
    const child = spawn(process.execPath, [BIN, src, '--out', out, '--jobs', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
    // kill as soon as the first document is written: mid-run, with work left
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        if (/\[1\/\d+\]/.test(chunk.toString())) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => resolve());
    });
    await new Promise((r) => child.on('close', r));
    const partial = snapshot(out);
    expect(Object.keys(partial).length).toBeLessThan(Object.keys(snapshot(reference)).length);
    // every file that exists is complete: a JSON parses, a Markdown starts with its front matter
    for (const [name, content] of Object.entries(partial)) {
      if (name.endsWith('.json')) expect(() => JSON.parse(content), name).not.toThrow();
      if (name.endsWith('.md')) expect(content.startsWith('---\n'), name).toBe(true);
    }
    // the next run, by the same program (the incremental key includes the pipeline's code)
    const rerun = spawnSync(process.execPath, [BIN, src, '--out', out, '--jobs', '1', '--quiet']);
    expect(rerun.status, rerun.stderr.toString()).toBe(0);
    const resumed = JSON.parse(readFileSync(join(out, 'run-report.json'), 'utf8')) as { files: { failed: number; skipped: number } };
    expect(resumed.files.failed).toBe(0);
    expect(resumed.files.skipped).toBeGreaterThan(0);
    expect(snapshot(out)).toEqual(snapshot(reference));
    expect(JSON.stringify(readdirSync(out)).includes('.tmp')).toBe(false);
  });
});

describe('temporary files', () => {
  it('of a dead process on this machine are removed at the next run; a young one from another machine stays', async () => {
    const src = corpus();
    const out = temp('tmpfiles');
    mkdirSync(join(out, 'govcn'), { recursive: true });
    const own = temporaryName(join(out, 'govcn', 'govcn-02.json')).replace(`~${process.pid}~`, '~999999~');
    const foreign = join(out, 'sample.json.gw-othermachine~4242~0.tmp');
    writeFileSync(own, '{"half": ');
    writeFileSync(foreign, '{"being written": ');
    await runBatch([src], { out, jobs: 1 });
    expect(existsSync(own)).toBe(false);
    expect(existsSync(foreign)).toBe(true);
  });
});

describe('bad input gets one clear line and loses nothing', () => {
  it('names each file and its reason, writes the rest, and exits 1', () => {
    const src = temp('bad');
    writeFileSync(join(src, 'empty.txt'), '');
    writeFileSync(join(src, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    writeFileSync(join(src, 'report.txt'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64, 0)]));
    writeFileSync(join(src, 'archive.txt'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 0)]));
    writeFileSync(join(src, 'english.txt'), 'This is a plain English memo about the budget for next year. '.repeat(20));
    writeFileSync(join(src, 'huge.txt'), Buffer.alloc(3 * 1024 * 1024, 0x61));
    // invalid bytes: processed, with a warning naming their byte offset
    writeFileSync(join(src, 'invalid.txt'), Buffer.concat([Buffer.from('国务院关于加快发展数字经济的意见\n一、总体要求\n'), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from('加快发展数字经济，建设数字中国。\n')]));
    symlinkSync(join(src, 'no-such-target.txt'), join(src, 'dangling.txt'));
    mkdirSync(join(src, 'loop'));
    symlinkSync(src, join(src, 'loop', 'back'));
    mkdirSync(join(src, '政策 文件'));
    writeFileSync(join(src, '政策 文件', '通知 (1).txt'), '某某市人民政府关于做好数字经济工作的通知\n各区县政府：\n一、总体要求\n做好数字经济工作。\n');
    const locked = join(src, 'locked.txt');
    writeFileSync(locked, '国务院关于加快发展数字经济的意见\n加快发展。');
    chmodSync(locked, 0o000);
    const out = temp('out');
    const r = spawnSync(process.execPath, [BIN, src, '--out', out, '--max-size', '2'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n');
    const failure = (name: string) => lines.find((l) => l.startsWith('[') && l.includes(`✗ ${join(src, name)}:`));
    expect(failure('empty.txt')).toMatch(/decode:empty/);
    expect(failure('image.txt')).toMatch(/decode:binary.*PNG/);
    // read as the files their bytes are, whatever the extension says
    expect(failure('report.txt')).toMatch(/decode:corrupt: corrupt PDF/);
    expect(failure('archive.txt')).toMatch(/decode:unsupported: zip archive that is neither DOCX nor XLSX/);
    expect(failure('english.txt')).toMatch(/decode:not-chinese/);
    expect(failure('huge.txt')).toMatch(/decode:too-large: 3\.0 MB/);
    expect(failure('dangling.txt')).toMatch(/cannot read/);
    // a root user can read a file whatever its mode; anyone else gets a clear refusal
    if (process.getuid?.() !== 0) expect(failure('locked.txt')).toMatch(/cannot read/);
    // the loop is visited once; the file with spaces and Chinese in its name is processed
    expect(existsSync(join(out, '政策 文件', '通知 (1).json'))).toBe(true);
    expect(existsSync(join(out, 'loop'))).toBe(false);
    const invalid = JSON.parse(readFileSync(join(out, 'invalid.json'), 'utf8'));
    expect(invalid.diagnostics.find((d: { code: string }) => d.code === 'decode:invalid-bytes')?.byteSpan).toBeDefined();
    const report = JSON.parse(readFileSync(join(out, 'run-report.json'), 'utf8'));
    expect(report.failures.map((f: { file: string }) => relative(src, f.file)).sort()).toEqual(
      ['archive.txt', 'dangling.txt', 'empty.txt', 'english.txt', 'huge.txt', 'image.txt', 'report.txt', ...(process.getuid?.() !== 0 ? ['locked.txt'] : [])].sort(),
    );
    expect(statSync(join(out, 'dataset.jsonl')).size).toBeGreaterThan(0);
  });
});
