/**
 * What a run does not read: --list (what would be read, not read and why, or
 * fail; nothing processed), --exclude globs, and every file and folder found
 * and not read named with its reason — in the lines before the final line, in
 * the final line's count and in run-report.json (notRead) — with one
 * vocabulary of reasons (NOT_READ). Real processes on the built bin.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectJobs, runBatch } from '../pipeline/batch.js';
import { summary } from '../pipeline/cli.js';
import { validateRunReport } from '../pipeline/validate.js';
import { ROOT, SHARED } from './helpers/paths.js';

const BIN = join(ROOT, 'bin', 'gongwen.js');
const temp = (name: string) => mkdtempSync(join(tmpdir(), `gongwen-${name}-`));
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
const NOTICE = (topic: string) => `某某市人民政府关于做好${topic}工作的通知\n各区县政府：\n一、总体要求\n做好工作。\n某某市人民政府\n2024年3月1日\n`;

/**
 * A crawl as saved: a page and its resources folder, an image, a file without an extension that is no page, a hidden
 * file, a draft folder, a text and its backup.
 */
function crawl(): string {
  const src = temp('crawl');
  cpSync(join(SHARED, 'corpus', 'govcn', 'govcn-05.html'), join(src, 'page.html'));
  mkdirSync(join(src, 'page_files'));
  writeFileSync(join(src, 'page_files', 'style.css'), 'body {}');
  writeFileSync(join(src, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(src, 'notes'), '待办事项\n');
  writeFileSync(join(src, '.DS_Store'), 'x');
  mkdirSync(join(src, 'sub', 'draft'), { recursive: true });
  writeFileSync(join(src, 'sub', 'draft', 'old.txt'), NOTICE('草稿'));
  writeFileSync(join(src, 'sub', 'a.txt'), NOTICE('数字经济'));
  writeFileSync(join(src, 'sub', 'a.bak.txt'), NOTICE('备份'));
  return src;
}

/** What a crawl holds that is never read, whatever --exclude says, in the order found (names sorted, folder by folder). */
const NEVER = [
  ['logo.png', 'not a type gongwen reads (.png)'],
  ['notes', 'not a type gongwen reads (no extension)'],
  ['page_files', "a saved page's folder of images, scripts and styles"],
];

const under = (src: string, list: { file: string; reason: string }[]) => list.map((n) => [n.file.slice(src.length + 1), n.reason]);

describe('collectJobs: what it does not read', () => {
  it('names every file and folder it does not read, with the reason (hidden files aside)', () => {
    const src = crawl();
    const { jobs, notRead } = collectJobs([src]);
    expect(jobs.map((j) => j.target)).toEqual(['page', 'sub/a.bak', 'sub/a', 'sub/draft/old']);
    expect(under(src, notRead)).toEqual(NEVER);
  });

  it('--exclude: a glob matches the path under the folder given or the bare name, files and folders alike; ** reaches any depth', () => {
    const src = crawl();
    const { jobs, notRead } = collectJobs([src], { exclude: ['sub/draft', '*.bak.txt'] });
    expect(jobs.map((j) => j.target)).toEqual(['page', 'sub/a']);
    expect(under(src, notRead)).toEqual([...NEVER, ['sub/a.bak.txt', 'excluded by --exclude *.bak.txt'], ['sub/draft', 'excluded by --exclude sub/draft']]);
    // a bare name matches at any depth; a path under the folder only there
    expect(collectJobs([src], { exclude: ['draft'] }).jobs.map((j) => j.target)).toEqual(['page', 'sub/a.bak', 'sub/a']);
    expect(collectJobs([src], { exclude: ['draft/old.txt'] }).jobs.map((j) => j.target)).toEqual(['page', 'sub/a.bak', 'sub/a', 'sub/draft/old']);
    expect(collectJobs([src], { exclude: ['**/*.txt'] }).jobs.map((j) => j.target)).toEqual(['page']);
    expect(collectJobs([src], { exclude: ['sub/**'] }).jobs.map((j) => j.target)).toEqual(['page']);
    // a glob that matches nothing excludes nothing
    expect(collectJobs([src], { exclude: ['*.docx'] }).jobs).toHaveLength(4);
  });

  it('passes over hidden files and folders inside the inputs, unlisted (.git, .cache), unless --hidden; reads a hidden path named', () => {
    const src = crawl();
    mkdirSync(join(src, '.git'));
    writeFileSync(join(src, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    mkdirSync(join(src, '.cache'));
    writeFileSync(join(src, '.cache', 'copy.txt'), NOTICE('缓存'));
    writeFileSync(join(src, '.draft.txt'), NOTICE('隐藏'));
    const plain = collectJobs([src]);
    expect(plain.jobs.map((j) => j.target)).toEqual(['page', 'sub/a.bak', 'sub/a', 'sub/draft/old']);
    expect(under(src, plain.notRead)).toEqual(NEVER);
    const all = collectJobs([src], { hidden: true });
    expect(all.jobs.map((j) => j.target)).toEqual(['.cache/copy', '.draft', 'page', 'sub/a.bak', 'sub/a', 'sub/draft/old']);
    expect(under(src, all.notRead)[0]).toEqual(['.git/HEAD', 'not a type gongwen reads (no extension)']);
    // a hidden folder or file named on the command line is read
    expect(collectJobs([join(src, '.cache')]).jobs.map((j) => j.target)).toEqual(['copy']);
    expect(collectJobs([join(src, '.draft.txt')]).jobs).toHaveLength(1);
    // the CLI: --list without and with --hidden
    const listed = run([src, '--out', join(src, 'out'), '--list']);
    expect(listed.stdout).not.toContain('.git');
    expect(listed.stdout).not.toContain('.cache');
    expect(run([src, '--out', join(src, 'out'), '--list', '--hidden']).stdout).toContain(`read ${join(src, '.cache', 'copy.txt')}`);
  });

  it('--exclude applies to a file named on the command line (by its path or name) and to what a pattern matches', () => {
    const src = crawl();
    const named = collectJobs([join(src, 'sub', 'a.txt'), join(src, 'sub', 'a.bak.txt')], { exclude: ['*.bak.txt'] });
    expect(named.jobs.map((j) => j.target)).toEqual(['a']);
    expect(under(src, named.notRead)).toEqual([['sub/a.bak.txt', 'excluded by --exclude *.bak.txt']]);
    const matched = collectJobs([`${src}/**/*.txt`], { exclude: ['*.bak.txt', 'draft'] });
    expect(matched.jobs.map((j) => j.target)).toEqual(['sub/a']);
    // a pattern all of whose matches are excluded fails, and says so
    const none = collectJobs([`${src}/sub/*.bak.txt`], { exclude: ['*.bak.txt'] });
    expect(none.jobs).toEqual([]);
    expect(none.errors.map((e) => e.error)).toEqual([expect.stringMatching(/^no input file matches this pattern \(1 excluded by --exclude\)/)]);
  });

  it('names the output folder when it lies inside an input folder, and reads nothing of it', () => {
    const src = crawl();
    mkdirSync(join(src, 'out'));
    writeFileSync(join(src, 'out', 'page.md'), '# 某某市人民政府关于做好工作的通知\n');
    const { jobs, notRead } = collectJobs([src], { out: join(src, 'out') });
    expect(jobs.map((j) => j.target)).toEqual(['page', 'sub/a.bak', 'sub/a', 'sub/draft/old']);
    expect(under(src, notRead)).toEqual([...NEVER.slice(0, 2), ['out', 'the output folder, never read as input'], NEVER[2]]);
  });

  it('takes time linear in the number of files (a scaling case: 10 times the files, with three globs)', { timeout: 120_000 }, () => {
    const folder = (n: number) => {
      const dir = temp('many');
      for (let k = 0; k < n; k++) writeFileSync(join(dir, `${k}.${['txt', 'png', 'bak.txt'][k % 3]}`), '');
      return dir;
    };
    const time = (dir: string) => {
      let best = Number.POSITIVE_INFINITY;
      // best of five, after a first run that fills the file system's caches (the machine is shared)
      collectJobs([dir]);
      for (let r = 0; r < 5; r++) {
        const start = performance.now();
        const { jobs, notRead } = collectJobs([dir], { exclude: ['*.bak.txt', 'old/**', '**/draft'] });
        best = Math.min(best, performance.now() - start);
        expect(jobs.length + notRead.length).toBeGreaterThan(0);
      }
      return best;
    };
    const small = folder(500);
    const large = folder(5000);
    // measured here (best of five, load 12): 300 → 3,000 → 30,000 files 18 → 125 → 1,609 ms; quadratic work would be ×100
    expect(time(large) / Math.max(1, time(small))).toBeLessThan(30);
    expect(collectJobs([large], { exclude: ['*.bak.txt'] }).notRead).toHaveLength(3333);
  });
});

describe('the final line', () => {
  it('counts what was not read beside the files, and warnings only (a failed file\'s error has its own line)', () => {
    expect(summary({ ok: 2, skipped: 0, failed: 1 }, { 'decode:empty': 1, 'segment:no-title': 2, 'segment:no-date': 1 }, 3)).toBe('2 ok, 0 unchanged, 1 failed, 3 not read; 2 warnings: 2 segment:no-title');
    expect(summary({ ok: 2, skipped: 0, failed: 0 }, {}, 0)).toBe('2 ok, 0 unchanged, 0 failed; no warnings');
  });
});

describe('--list and --exclude', () => {
  it('--list prints what would be read (and where), not read (and why) and fail; it processes nothing', { timeout: 120_000 }, () => {
    const src = crawl();
    const out = join(temp('list'), 'out');
    const r = run([src, `${src}/none/*.txt`, '--out', out, '--list', '--exclude', 'draft']);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout.split('\n').filter(Boolean).map((l) => l.replaceAll(`${src}/`, '').replaceAll(`${out}/`, 'OUT/'))).toEqual([
      'read page.html → OUT/page',
      'read sub/a.bak.txt → OUT/sub/a.bak',
      'read sub/a.txt → OUT/sub/a',
      ...NEVER.map(([file, reason]) => `not read ${file}: ${reason}`),
      'not read sub/draft: excluded by --exclude draft',
      expect.stringMatching(/^fail none\/\*\.txt: no input file matches this pattern/),
    ]);
    expect(existsSync(out)).toBe(false);
    // with -o -, to standard output; under --shard, that shard's share (the two shards make the whole)
    const stdout = run([src, '-o', '-', '--list']);
    expect(stdout.status).toBe(0);
    expect(stdout.stdout).toContain(`read ${src}/sub/a.txt → -\n`);
    const shares = ['1/2', '2/2'].map((s) => run([src, '--out', out, '--list', '--shard', s]).stdout.split('\n').filter(Boolean));
    expect([...shares[0]!, ...shares[1]!].sort()).toEqual(run([src, '--out', out, '--list']).stdout.split('\n').filter(Boolean).sort());
    expect(shares[0]!.length * shares[1]!.length).toBeGreaterThan(0);
    // nothing to read at all: as a run, exit 2
    const empty = run([join(src, 'page_files'), '--out', out, '--list']);
    expect(empty.status).toBe(2);
  });

  it('a run names what it did not read before its final line, counts it there, and lists it in run-report.json; --exclude keeps files out', { timeout: 300_000 }, () => {
    const src = crawl();
    const out = join(temp('passed'), 'out');
    const r = run([src, '--out', out, '--exclude', 'draft', '--exclude', '*.bak.txt', '--jobs', '1']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stderr.trim().split('\n').map((l) => l.replaceAll(`${src}/`, ''));
    const notRead = [...NEVER, ['sub/a.bak.txt', 'excluded by --exclude *.bak.txt'], ['sub/draft', 'excluded by --exclude draft']];
    expect(lines.filter((l) => l.startsWith('- '))).toEqual(notRead.map(([file, reason]) => `- ${file}: not read: ${reason}`));
    expect(lines.at(-1)).toMatch(/^2 ok, 0 unchanged, 0 failed, 5 not read; .* — [\d.]+ s; report: /);
    const report = JSON.parse(readFileSync(join(out, 'run-report.json'), 'utf8')) as { notRead: { file: string; reason: string }[]; options: { exclude: string[] } };
    expect(validateRunReport(report).valid).toBe(true);
    expect(under(src, report.notRead)).toEqual(notRead);
    expect(report.options.exclude).toEqual(['draft', '*.bak.txt']);
    expect(existsSync(join(out, 'sub', 'draft'))).toBe(false);
    expect(existsSync(join(out, 'sub', 'a.bak.json'))).toBe(false);
    expect(existsSync(join(out, 'sub', 'a.json'))).toBe(true);
    // -o - names them on standard error
    const stdout = run([join(src, 'sub'), '-o', '-', '--to', 'jsonl', '--exclude', '*.bak.txt']);
    expect(stdout.status, stdout.stderr).toBe(0);
    expect(stdout.stdout.trim().split('\n')).toHaveLength(2);
    expect(stdout.stderr).toBe(`- ${join(src, 'sub', 'a.bak.txt')}: not read: excluded by --exclude *.bak.txt\n`);
  });

  it('a shard lists its share of what was not read, by the same hash as its files', async () => {
    const src = crawl();
    const out = temp('shard-out');
    const parts = await Promise.all([1, 2].map((index) => runBatch([join(src, 'logo.png'), join(src, 'notes'), join(src, 'page_files')], { out, shard: { index, count: 2 }, exclude: ['*'] })));
    expect(parts.flatMap((p) => under(src, p.notRead)).sort()).toEqual([
      ['logo.png', 'excluded by --exclude *'],
      ['notes', 'excluded by --exclude *'],
      ['page_files', 'excluded by --exclude *'],
    ]);
  });
});
