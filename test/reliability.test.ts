/**
 * The batch under faults and hostile input (issue 17, README "Reliability"): a full disk, colliding
 * and reserved names, patterns and links that point out of the output folder, slow and large pipes,
 * stale outputs, odd file names.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmdirSync, statfsSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { collectJobs, runBatch } from '../pipeline/batch.js';
import { readStream, printable } from '../pipeline/cli.js';
import { recordPaths, runJob, statePath } from '../pipeline/job.js';
import { temporaryName, writeAll } from '../pipeline/lib/output-files.js';
import { assignTargets } from '../pipeline/lib/output-names.js';
import { ROOT, SAMPLE } from './helpers/paths.js';

const BIN = join(ROOT, 'bin', 'gongwen.js');
const temp = (name: string) => mkdtempSync(join(tmpdir(), `gongwen-${name}-`));
const cli = (args: string[], cwd = ROOT) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd });
const sh = (script: string) => spawnSync('bash', ['-c', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** A short document that processes in milliseconds. */
const NOTICE = (topic: string) => `某某市人民政府关于做好${topic}工作的通知\n各区县政府：\n一、总体要求\n做好${topic}工作，加快发展。\n某某市人民政府\n2024年3月1日\n`;

/** Every file under a folder (relative path → bytes as text), links not followed. */
function files(dir: string, skip: (rel: string) => boolean = () => false): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      const rel = relative(dir, p);
      if (skip(rel)) continue;
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out[rel] = readFileSync(p, 'latin1');
    }
  };
  walk(dir);
  return out;
}
const temporaries = (dir: string) => Object.keys(files(dir)).filter((f) => f.endsWith('.tmp'));
/** The documents' outputs at the top of an output folder. */
const docs = (out: string) => readdirSync(out).filter((f) => /\.(json|md)$/.test(f) && !f.startsWith('run-report')).sort();
const datasetPaths = (out: string) => readFileSync(join(out, 'dataset.jsonl'), 'utf8').trim().split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { path: string }).path);

// A small tmpfs for the disk-full cases (root only; elsewhere the injected short write below still runs).
const mounts: string[] = [];
function smallDisk(size: string): string | null {
  if (process.getuid?.() !== 0) return null;
  const dir = temp('tmpfs');
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]).status !== 0) return null;
  mounts.push(dir);
  return dir;
}
/** Unmount (lazily: a child still holding a file must not keep the mount alive). */
function unmount(dir: string): void {
  if (spawnSync('umount', ['-l', dir]).status === 0) mounts.splice(mounts.indexOf(dir), 1);
}
afterAll(() => {
  for (const m of [...mounts]) unmount(m);
});
const canMount = (() => {
  const d = smallDisk('64k');
  if (d) unmount(d);
  else console.warn('reliability.test: cannot mount a tmpfs here (needs root); the disk-full runs are skipped, the injected short write still runs');
  return d !== null;
})();

/** Fill a file system until `leave` bytes are free. */
function fill(fs: string, leave: number): void {
  const st = statfsSync(fs);
  const free = Number(st.bavail) * Number(st.bsize);
  writeFileSync(join(fs, 'filler'), Buffer.alloc(Math.max(0, free - leave), 0x61));
}

describe('a full disk', () => {
  it('every write is checked: a short write goes on, a write the system takes nothing of is ENOSPC', () => {
    const got: number[] = [];
    const shortWrites = [3, 2, 100];
    writeAll(7, 'abcdefgh', (_fd, buffer, offset, length) => {
      const n = Math.min(length, shortWrites.shift()!);
      got.push(...buffer.subarray(offset, offset + n));
      return n;
    });
    expect(Buffer.from(got).toString()).toBe('abcdefgh');
    expect(() => writeAll(7, 'abcdefgh', (_fd, _b, _o, length) => (length > 4 ? 4 : 0))).toThrow(/^ENOSPC/);
  });

  it.skipIf(!canMount)('a document that cannot be written leaves its earlier outputs as they were, no temporary file, one line naming ENOSPC, exit 1', { timeout: 180_000 }, async (ctx) => {
    const disk = smallDisk('2m')!;
    ctx.onTestFinished(() => unmount(disk));
    const src = temp('full-src');
    cpSync(SAMPLE, join(src, 'a.txt'));
    writeFileSync(join(src, 'b.txt'), NOTICE('数字经济'));
    const out = join(disk, 'out');
    expect((await runBatch([src], { out, jobs: 1 })).files.failed).toBe(0);
    const before = files(out, (f) => f.startsWith('run-report'));
    // a changed a.txt must be written again, and its 566 KB JSON cannot be
    writeFileSync(join(src, 'a.txt'), `${readFileSync(SAMPLE, 'utf8')}\n附件：无\n`);
    writeFileSync(join(src, 'c.txt'), NOTICE('人工智能'));
    fill(disk, 150 * 1024);
    const r = cli([src, '--out', out, '--jobs', '1']);
    expect(r.status, r.stderr).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[lines.length - 1]).toMatch(/^gongwen: stopped: cannot write: ENOSPC: no space left on device.*\(ENOSPC\); 2 files not started; earlier outputs left as they were$/);
    expect(files(out, (f) => f.startsWith('run-report'))).toEqual(before);
    expect(temporaries(out)).toEqual([]);
  });

  it.skipIf(!canMount)('batch files that cannot be written are left as they were; the documents written before stay whole', { timeout: 180_000 }, (ctx) => {
    const disk = smallDisk('2m')!;
    ctx.onTestFinished(() => unmount(disk));
    const src = temp('full-src');
    cpSync(SAMPLE, join(src, 'a.txt'));
    const out = join(disk, 'out');
    // by the program of the second run, so that it finds a.txt unchanged (the incremental key includes the pipeline's code)
    expect(cli([src, '--out', out, '--jobs', '1']).status).toBe(0);
    const batch = ['dataset.jsonl', 'documents.csv', 'entities.csv', 'responsibilities.csv', 'documents.parquet', 'entities.parquet', 'responsibilities.parquet'];
    const before = Object.fromEntries(batch.map((f) => [f, readFileSync(join(out, f), 'base64')]));
    // room for a small document's outputs, not for a new dataset.jsonl (390 KB) beside the old one
    writeFileSync(join(src, 'b.txt'), NOTICE('数字经济'));
    fill(disk, 150 * 1024);
    const r = cli([src, '--out', out, '--jobs', '1']);
    expect(r.status, r.stderr).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[lines.length - 1]).toMatch(/^gongwen: cannot write the batch files: ENOSPC: no space left on device.*; they are left as they were$/);
    for (const f of batch) expect(readFileSync(join(out, f), 'base64'), f).toBe(before[f]);
    expect(JSON.parse(readFileSync(join(out, 'b.json'), 'utf8')).document.title['zh-Hans']).toBe('某某市人民政府关于做好数字经济工作的通知');
    expect(temporaries(out)).toEqual([]);
  });
});

describe('output names', () => {
  it('are unique by construction: a.html, a.htm and a~2.html, case, folders, long names', () => {
    expect(assignTargets(['a', 'a', 'a~2'])).toEqual(['a', 'a~3', 'a~2']);
    expect(assignTargets(['A', 'a'])).toEqual(['A', 'a~2']);
    // a document named like another's folder: x.md would be both a file and the folder of x.md/y
    expect(assignTargets(['x', 'x.md/y'])).toEqual(['x~2', 'x.md/y']);
    // a.zh-Hant would write a.zh-Hant.md, a's Traditional Markdown
    expect(assignTargets(['a', 'a.zh-Hant'])).toEqual(['a', 'a.zh-Hant~2']);
    // the batch's own names are not the documents'
    expect(assignTargets(['run-report', 'run-report.shard-1-of-2', 'dataset', '.gongwen/state/x', '.gongwen/records/dataset/y', 'sub/run-report'])).toEqual([
      'run-report~2', 'run-report.shard-1-of-2~2', 'dataset', '.gongwen~2/state/x', '.gongwen~2/records/dataset/y', 'sub/run-report',
    ]);
    // a name whose longest file (.zh-Hant.md) would pass 255 bytes is cut at a character and marked
    const long = `${'长'.repeat(83)}x`;
    const [cut] = assignTargets([long]);
    expect(cut).toMatch(/^长+~2$/);
    expect(Buffer.byteLength(`${cut}.zh-Hant.md`)).toBeLessThanOrEqual(255);
  });

  it('a.html, a.htm and a~2.html each get their own output and dataset record', async () => {
    const src = temp('names');
    writeFileSync(join(src, 'a.html'), `<html><body><p>${NOTICE('甲').replaceAll('\n', '</p><p>')}</p></body></html>`);
    writeFileSync(join(src, 'a.htm'), `<html><body><p>${NOTICE('乙').replaceAll('\n', '</p><p>')}</p></body></html>`);
    writeFileSync(join(src, 'a~2.html'), `<html><body><p>${NOTICE('丙').replaceAll('\n', '</p><p>')}</p></body></html>`);
    expect(collectJobs([src]).jobs.map((j) => [relative(src, j.file), j.target])).toEqual([
      ['a.htm', 'a'], ['a.html', 'a~3'], ['a~2.html', 'a~2'],
    ]);
    const out = temp('names-out');
    const report = await runBatch([src], { out, jobs: 1 });
    expect(report.files).toMatchObject({ ok: 3, failed: 0 });
    const source = (t: string) => relative(src, JSON.parse(readFileSync(join(out, `${t}.json`), 'utf8')).source.file);
    expect(['a', 'a~2', 'a~3'].map(source)).toEqual(['a.htm', 'a~2.html', 'a.html']);
    expect(datasetPaths(out)).toEqual(['a', 'a~2', 'a~3']);
  });

  it('an input named run-report.html or lying under .gongwen/state/ does not overwrite the batch’s files', async () => {
    const src = temp('reserved');
    writeFileSync(join(src, 'run-report.html'), `<p>${NOTICE('报告').replaceAll('\n', '</p><p>')}</p>`.repeat(2));
    mkdirSync(join(src, '.gongwen', 'state'), { recursive: true });
    writeFileSync(join(src, '.gongwen', 'state', 'b.txt'), NOTICE('状态'));
    writeFileSync(join(src, 'b.txt'), NOTICE('数据'));
    const out = temp('reserved-out');
    // (--hidden: .gongwen/ is a hidden folder, passed over without it)
    const report = await runBatch([src], { out, jobs: 1, hidden: true });
    expect(report.files).toMatchObject({ ok: 3, failed: 0 });
    // the run report is the run report; the document is beside it
    expect(JSON.parse(readFileSync(join(out, 'run-report.json'), 'utf8')).tool.name).toBe('gongwen');
    expect(JSON.parse(readFileSync(join(out, 'run-report~2.json'), 'utf8')).document.title['zh-Hans']).toBe('某某市人民政府关于做好报告工作的通知');
    // the state of b is b's state, the document under .gongwen/state/ is a document
    expect(JSON.parse(readFileSync(join(out, '.gongwen', 'state', 'b.json'), 'utf8')).key).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(readFileSync(join(out, '.gongwen~2', 'state', 'b.json'), 'utf8')).document.title['zh-Hans']).toBe('某某市人民政府关于做好状态工作的通知');
    expect(datasetPaths(out)).toEqual(['.gongwen~2/state/b', 'b', 'run-report~2']);
    // and the next run skips all three: the state records are intact
    expect((await runBatch([src], { out, jobs: 1, hidden: true })).files).toMatchObject({ skipped: 3 });
  });
});

describe('nothing is written outside the output folder', () => {
  it('whatever the pattern: in/*/../../other/*.txt writes into --out', { timeout: 120_000 }, () => {
    const root = temp('escape');
    mkdirSync(join(root, 'in', 'x'), { recursive: true });
    mkdirSync(join(root, 'other'));
    writeFileSync(join(root, 'other', 'secret.txt'), NOTICE('保密'));
    const r = cli(['in/*/../../other/*.txt', '--out', 'outA'], root);
    expect(r.status, r.stderr).toBe(0);
    expect(Object.keys(files(root, (f) => f.startsWith('outA')))).toEqual(['other/secret.txt']);
    expect(existsSync(join(root, 'outA', 'secret.json'))).toBe(true);
    // a path that climbs out of its folder is named by its file name
    expect(collectJobs([join(root, 'in', 'x', '..', '..', 'other', 'secret.txt')]).jobs.map((j) => j.target)).toEqual(['secret']);
  });

  it('a symbolic link to a folder inside the output folder is refused with one line before any document (exit 2)', { timeout: 120_000 }, () => {
    const src = temp('link-src');
    mkdirSync(join(src, 'sub'));
    writeFileSync(join(src, 'sub', 'a.txt'), NOTICE('链接'));
    for (const link of ['sub', '.gongwen']) {
      const out = temp('link-out');
      const elsewhere = temp('elsewhere');
      symlinkSync(elsewhere, join(out, link));
      const r = cli([src, '--out', out]);
      expect(r.status, link).toBe(2);
      expect(r.stderr).toBe(`gongwen: ${join(out, link)} is a symbolic link inside the output folder; gongwen does not write through links there (remove it, or give the folder it points to as --out)\n`);
      expect(readdirSync(elsewhere), link).toEqual([]);
      expect(lstatSync(join(out, link)).isSymbolicLink()).toBe(true);
    }
  });

  it('--prune does not remove through a link either', async () => {
    const src = temp('prune-link');
    mkdirSync(join(src, 'sub'));
    writeFileSync(join(src, 'sub', 'a.txt'), NOTICE('链接'));
    writeFileSync(join(src, 'b.txt'), NOTICE('乙'));
    const out = temp('prune-link-out');
    await runBatch([src], { out, jobs: 1 });
    // sub/ becomes a link to a folder holding a file of the same name
    const elsewhere = temp('elsewhere');
    writeFileSync(join(elsewhere, 'a.json'), 'keep me');
    for (const f of readdirSync(join(out, 'sub'))) unlinkSync(join(out, 'sub', f));
    rmdirSync(join(out, 'sub'));
    symlinkSync(elsewhere, join(out, 'sub'));
    await expect(runBatch([join(src, 'b.txt')], { out, jobs: 1, prune: true })).rejects.toThrow(`${join(out, 'sub')} is a symbolic link inside the output folder`);
    expect(readFileSync(join(elsewhere, 'a.json'), 'utf8')).toBe('keep me');
  });
});

describe('standard input', () => {
  it('is read as a stream: a slow producer', { timeout: 180_000 }, async () => {
    async function* slow() {
      for (const part of ['某某市人民政府', '关于做好工作的通知\n']) {
        await new Promise((r) => setTimeout(r, 50));
        yield Buffer.from(part);
      }
    }
    expect((await readStream(Readable.from(slow()))).toString()).toBe('某某市人民政府关于做好工作的通知\n');
    const r = sh(`(sleep 1; cat "${SAMPLE}") | "${process.execPath}" "${BIN}" -`);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).document.title['zh-Hans']).toBe('成都市人民政府关于前瞻培育未来产业构筑高质量发展新动能的实施意见');
  });

  it('is read as a stream: a 50 MB pipe arrives whole (and one above --max-size is refused)', { timeout: 180_000 }, () => {
    // 50 MB of mostly Latin text: read whole, then refused as not Chinese (not EAGAIN)
    const feed = `yes 'abcdefghij klmnopqrst 中文' | head -c 52428800`;
    const r = sh(`${feed} | "${process.execPath}" "${BIN}" - --max-size 64`);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^-: error decode:not-chinese/);
    const big = sh(`${feed} | "${process.execPath}" "${BIN}" - --max-size 1`);
    expect(big.status).toBe(1);
    expect(big.stderr).toBe('-: error decode:too-large: more than 1 MB on standard input (raise the limit with --max-size)\n');
  });

  it('closed standard output (gongwen - >&-) is an error, not a silent exit 0', { timeout: 180_000 }, () => {
    const r = sh(`"${process.execPath}" "${BIN}" - < "${SAMPLE}" >&-`);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('gongwen: standard output is closed: the document would be written nowhere (redirect it to a file, or use --out)\n');
    // > /dev/null is the user's choice
    expect(sh(`"${process.execPath}" "${BIN}" - < "${SAMPLE}" > /dev/null`).status).toBe(0);
  });
});

describe('stale outputs: the output folder holds what the current options produce, the batch files describe all of it', () => {
  const corpus = () => {
    const src = temp('stale');
    writeFileSync(join(src, 'a.txt'), NOTICE('甲'));
    writeFileSync(join(src, 'b.txt'), NOTICE('乙'));
    return src;
  };
  it('outputs the current options do not produce are removed', async () => {
    const src = corpus();
    const out = temp('stale-out');
    await runBatch([src], { out, jobs: 1, script: 'both' });
    expect(docs(out)).toEqual(['a.json', 'a.md', 'a.zh-Hant.md', 'b.json', 'b.md', 'b.zh-Hant.md']);
    await runBatch([src], { out, jobs: 1 });
    expect(docs(out)).toEqual(['a.json', 'a.md', 'b.json', 'b.md']);
    await runBatch([src], { out, jobs: 1, formats: ['json'] });
    expect(docs(out)).toEqual(['a.json', 'b.json']);
  });

  it('a run over a subset keeps the other documents in the batch files; an input that now fails loses its outputs', async () => {
    const src = corpus();
    const out = temp('stale-out');
    await runBatch([src], { out, jobs: 1 });
    await runBatch([join(src, 'a.txt')], { out, jobs: 1, force: true });
    expect(datasetPaths(out)).toEqual(['a', 'b']);
    expect(readFileSync(join(out, 'responsibilities.csv'), 'utf8').split('\n')[0]).toBe('document,document_title,note,section,section_heading,sentence,agency,agency_type,agency_name,role,roles_basis,deadline,deadline_date,deadline_kind,task,note_text');
    writeFileSync(join(src, 'b.txt'), '');
    const r = await runBatch([src], { out, jobs: 1 });
    expect(r.failures.map((f) => f.reason)).toEqual([expect.stringMatching(/^decode:empty/)]);
    expect(docs(out)).toEqual(['a.json', 'a.md']);
    expect(datasetPaths(out)).toEqual(['a']);
    expect(existsSync(join(out, '.gongwen', 'state', 'b.json'))).toBe(false);
  });

  it('an input that is gone keeps its outputs until a run with --prune', async () => {
    const src = corpus();
    const out = temp('stale-out');
    await runBatch([src], { out, jobs: 1 });
    unlinkSync(join(src, 'b.txt'));
    await runBatch([src], { out, jobs: 1 });
    expect(docs(out)).toEqual(['a.json', 'a.md', 'b.json', 'b.md']);
    expect(datasetPaths(out)).toEqual(['a', 'b']);
    const pruned = await runBatch([src], { out, jobs: 1, prune: true });
    expect(pruned.files).toMatchObject({ skipped: 1, failed: 0 });
    expect(docs(out)).toEqual(['a.json', 'a.md']);
    expect(datasetPaths(out)).toEqual(['a']);
    // only a's records and state remain
    expect(Object.keys(files(join(out, '.gongwen'))).sort()).toEqual([...Object.values(recordPaths(out, 'a')), statePath(out, 'a')].map((p) => relative(join(out, '.gongwen'), p)).sort());
    expect(Object.keys(files(join(out, '.gongwen'))).every((f) => /\/a\.\w+$/.test(f))).toBe(true);
    // --prune with a shard touches only that shard's documents; an unreadable input path prunes nothing
    writeFileSync(join(src, 'b.txt'), NOTICE('乙'));
    await runBatch([src], { out, jobs: 1 });
    const missing = await runBatch([join(src, 'a.txt'), join(src, 'no-such.txt')], { out, jobs: 1, prune: true });
    expect(missing.files.failed).toBe(1);
    expect(docs(out)).toEqual(['a.json', 'a.md', 'b.json', 'b.md']);
    // nor does a run that found no input at all (a mistyped or empty folder)
    await runBatch([temp('empty')], { out, jobs: 1, prune: true });
    expect(docs(out)).toEqual(['a.json', 'a.md', 'b.json', 'b.md']);
  });
});

describe('small ones', () => {
  it('a 254-byte Chinese file name is written (the temporary name stays within 255 bytes)', async () => {
    const src = temp('long');
    const name = `${'长'.repeat(83)}x.txt`;
    expect(Buffer.byteLength(name)).toBe(254);
    writeFileSync(join(src, name), NOTICE('长名'));
    expect(Buffer.byteLength(relative(src, temporaryName(join(src, name))))).toBeLessThanOrEqual(255);
    const out = temp('long-out');
    const report = await runBatch([src], { out, jobs: 1, script: 'both' });
    expect(report.failures).toEqual([]);
    expect(docs(out)).toEqual([`${'长'.repeat(80)}~2.json`, `${'长'.repeat(80)}~2.md`, `${'长'.repeat(80)}~2.zh-Hant.md`]);
    expect(temporaries(out)).toEqual([]);
  });

  it('a line break in a file name does not break the progress line', { timeout: 120_000 }, () => {
    const src = temp('newline');
    writeFileSync(join(src, 'a\nb.txt'), NOTICE('换行'));
    writeFileSync(join(src, 'c\u202ed.txt'), '');
    const r = cli([src, '--out', temp('newline-out')]);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(`✓ ${src}/a\\nb.txt → `);
    expect(lines[1]).toContain(`✗ ${src}/c\\u{202e}d.txt: decode:empty`);
    expect(printable('a\tb\x1bc')).toBe('a\\tb\\u{1b}c');
  });

  it('an error code is named once', async () => {
    const out = temp('enoent');
    const r = await runJob({ file: join(out, 'gone.txt'), target: 'gone', out, formats: ['json'], script: 'zh-Hans', options: {}, force: false });
    expect(r.error).toBe(`cannot read: ENOENT: no such file or directory, stat '${join(out, 'gone.txt')}'`);
  });

  it('a rename onto a folder fails that document with one line and leaves no temporary file', { timeout: 120_000 }, () => {
    const src = temp('isdir');
    writeFileSync(join(src, 'a.txt'), NOTICE('甲'));
    writeFileSync(join(src, 'b.txt'), NOTICE('乙'));
    const out = temp('isdir-out');
    mkdirSync(join(out, 'a.json'));
    const r = cli([src, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/✗ \S+a\.txt: cannot write: EISDIR: illegal operation on a directory, rename/);
    expect(existsSync(join(out, 'b.json'))).toBe(true);
    expect(temporaries(out)).toEqual([]);
    // the folder in the way was not touched
    expect(readdirSync(join(out, 'a.json'))).toEqual([]);
  });
});

