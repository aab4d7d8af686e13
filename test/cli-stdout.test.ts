/**
 * The command's pandoc-like flags (real processes on the built bin): -o - and
 * --to json|jsonl|md, --from for standard input, YAML front matter read back,
 * warnings by code in the summary line, the report it names (written also when
 * every file failed, and under --abort-on-error), --dataset, --abort-on-error.
 * --list and --exclude: test/cli-list.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summary } from '../pipeline/cli.js';
import { ROOT, SHARED } from './helpers/paths.js';

const BIN = join(ROOT, 'bin', 'gongwen.js');
const temp = (name: string) => mkdtempSync(join(tmpdir(), `gongwen-${name}-`));
const run = (args: string[], options: { input?: string | Buffer; cwd?: string } = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { input: options.input, encoding: 'utf8', cwd: options.cwd ?? ROOT, maxBuffer: 64 * 1024 * 1024 });
const NOTICE = (topic: string, date = '2024年3月1日') => `某某市人民政府关于做好${topic}工作的通知\n各区县政府：\n一、总体要求\n做好工作（市发改委牵头，市财政局配合）。\n某某市人民政府\n${date}\n`;

function folder(): string {
  const src = temp('stdout-src');
  writeFileSync(join(src, 'a.txt'), NOTICE('数字经济'));
  writeFileSync(join(src, 'b.txt'), NOTICE('数据要素'));
  return src;
}

describe('-o - and --to', () => {
  it('--to jsonl writes one line per document to standard output, and no folder named -', { timeout: 300_000 }, () => {
    const src = folder();
    const r = run([src, '-o', '-', '--to', 'jsonl'], { cwd: src });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { document: { title: { 'zh-Hans': string } } });
    expect(lines.map((d) => d.document.title['zh-Hans'])).toEqual(['某某市人民政府关于做好数字经济工作的通知', '某某市人民政府关于做好数据要素工作的通知']);
    expect(existsSync(join(src, '-'))).toBe(false);
    expect(readdirSync(src).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('--to json is one JSON document for one input, JSON Lines for several; --to md the Markdown', { timeout: 300_000 }, () => {
    const src = folder();
    const one = run([join(src, 'a.txt'), '-o', '-']);
    expect(one.status, one.stderr).toBe(0);
    expect(one.stdout.split('\n').length).toBeGreaterThan(10);
    expect((JSON.parse(one.stdout) as { document: { date: string } }).document.date).toBe('2024-03-01');
    const many = run([src, '-o', '-', '--to', 'json']);
    expect(many.stdout.trim().split('\n')).toHaveLength(2);
    const md = run([src, '-o', '-', '--to', 'md', '--script', 'zh-Hant']);
    expect(md.stdout.match(/^# .*$/gm)).toEqual(['# 某某市人民政府關於做好數字經濟工作的通知', '# 某某市人民政府關於做好數據要素工作的通知']);
  });

  it('a file that fails is a line on standard error and exit 1; the others are written', { timeout: 300_000 }, () => {
    const src = folder();
    writeFileSync(join(src, 'c.txt'), '');
    const r = run([src, '-o', '-', '--to', 'jsonl']);
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/✗ .*c\.txt: decode:empty/);
  });

  it('--to or --from in a batch (no standard output) is a usage error, not ignored', { timeout: 300_000 }, () => {
    const src = folder();
    const out = join(temp('stdout-out'), 'out');
    const r = run([src, '--out', out, '--to', 'md']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("gongwen: --to applies to standard output (- or -o -); a batch writes --format's files into --out\n");
    expect(existsSync(out)).toBe(false);
  });
});

describe('--from and front matter', () => {
  it('--from md reads Markdown on standard input as Markdown (a ## heading is a heading, no backslash)', { timeout: 300_000 }, () => {
    const md = '# 某某省数据管理办法\n\n## 第一章 总则\n\n第一条 为了规范数据管理，制定本办法。\n\n第二条 本办法适用于本省。\n';
    const asMd = run(['-', '--from', 'md'], { input: md });
    expect(asMd.status, asMd.stderr).toBe(0);
    const doc = JSON.parse(asMd.stdout) as { document: { title: { 'zh-Hans': string } }; sections: { level: string; marker: string; children: { level: string }[] }[] };
    expect(doc.document.title['zh-Hans']).toBe('某某省数据管理办法');
    expect(doc.sections[0]).toMatchObject({ level: '章', marker: '第一章' });
    expect(doc.sections[0]!.children.map((c) => c.level)).toEqual(['条', '条']);
    const mdOut = run(['-', '--from', 'md', '--to', 'md'], { input: md });
    expect(mdOut.stdout).not.toContain('\\#');
    // without --from, standard input is text: the #s are kept as characters
    const asText = JSON.parse(run(['-'], { input: md }).stdout) as { text: { 'zh-Hans': string } };
    expect(asText.text['zh-Hans']).toContain('## 第一章');
  });

  it("gongwen's own Markdown fed back gives the same title and 发文字号 (the 发文字号 stands only in its front matter)", { timeout: 300_000 }, () => {
    const out = temp('front');
    const page = join(SHARED, 'corpus', 'govcn', 'govcn-05.html');
    expect(run([page, '--out', out, '-q']).status).toBe(0);
    const first = JSON.parse(readFileSync(join(out, 'govcn-05.json'), 'utf8')) as { document: { title: { 'zh-Hans': string }; documentNumber: string; issuer: { 'zh-Hans': string }; date: string } };
    const md = readFileSync(join(out, 'govcn-05.md'), 'utf8');
    // read by hand on the page: 国发〔2019〕3号, in the Markdown only in the front matter
    expect(first.document.documentNumber).toBe('国发〔2019〕3号');
    expect(md.split('\n---\n')[1]).not.toContain('国发〔2019〕3号');
    const again = run(['-', '--from', 'md'], { input: md });
    expect(again.status, again.stderr).toBe(0);
    const second = JSON.parse(again.stdout) as typeof first & { text: { 'zh-Hans': string } };
    expect(second.document.title['zh-Hans']).toBe(first.document.title['zh-Hans']);
    expect(second.document.documentNumber).toBe('国发〔2019〕3号');
    expect(second.document.date).toBe(first.document.date);
    expect(second.document.issuer['zh-Hans']).toBe(first.document.issuer['zh-Hans']);
    // the front matter is no text
    expect(second.text['zh-Hans']).not.toContain('documentNumber');
    // a .md file in a batch is read the same way
    const back = temp('front-back');
    writeFileSync(join(back, 'govcn-05.md'), md);
    const out2 = temp('front-out');
    expect(run([back, '--out', out2, '-q']).status).toBe(0);
    expect((JSON.parse(readFileSync(join(out2, 'govcn-05.json'), 'utf8')) as typeof first).document.documentNumber).toBe('国发〔2019〕3号');
  });
});

describe('the summary line', () => {
  it('counts warnings by code, most frequent first, and leaves infos out', { timeout: 300_000 }, () => {
    expect(summary({ ok: 3, skipped: 1, failed: 0 }, { 'segment:no-title': 2, 'segment:impossible-date': 1, 'segment:no-date': 5 })).toBe('3 ok, 1 unchanged, 0 failed; 3 warnings: 2 segment:no-title, 1 segment:impossible-date');
    expect(summary({ ok: 1, skipped: 0, failed: 0 }, { 'segment:no-date': 1 })).toBe('1 ok, 0 unchanged, 0 failed; no warnings');
  });

  it('names the report it wrote: the shard\'s under --shard, none when none was written', { timeout: 300_000 }, () => {
    const src = folder();
    writeFileSync(join(src, 'c.txt'), NOTICE('算力', '2024年2月31日'));
    const out = join(temp('summary'), 'out');
    const r = run([src, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const last = r.stderr.trim().split('\n').at(-1)!;
    expect(last).toMatch(new RegExp(`^3 ok, 0 unchanged, 0 failed; 1 warning: 1 segment:impossible-date — [\\d.]+ s; report: ${out}/run-report\\.json$`));
    const shard = run([src, '--out', out, '--shard', '1/2']);
    const line = shard.stderr.trim().split('\n').at(-1)!;
    expect(line).toContain(`report: ${out}/run-report.shard-1-of-2.json`);
    expect(existsSync(join(out, 'run-report.shard-1-of-2.json'))).toBe(true);
    // a pattern that matches nothing: no folder made, no report written, none named
    const none = join(temp('summary-none'), 'out');
    const missing = run([`${src}/*.pdf`, '--out', none]);
    expect(missing.status).toBe(1);
    expect(existsSync(none)).toBe(false);
    expect(missing.stderr).not.toContain('report:');
  });

  it('names and writes the report when every file failed', { timeout: 300_000 }, () => {
    const src = temp('all-failed');
    writeFileSync(join(src, 'a.txt'), '');
    writeFileSync(join(src, 'b.txt'), 'plain English, no Chinese at all, so not a document gongwen reads');
    const out = join(temp('all-failed-out'), 'out');
    const r = run([src, '--out', out]);
    expect(r.status).toBe(1);
    const last = r.stderr.trim().split('\n').at(-1)!;
    expect(last).toMatch(new RegExp(`^0 ok, 0 unchanged, 2 failed; no warnings — [\\d.]+ s; report: ${out}/run-report\\.json$`));
    const report = JSON.parse(readFileSync(join(out, 'run-report.json'), 'utf8')) as { files: { failed: number }; failures: { file: string; reason: string }[] };
    expect(report.files.failed).toBe(2);
    expect(report.failures.map((f) => f.reason.split(':').slice(0, 2).join(':'))).toEqual(['decode:empty', 'decode:not-chinese']);
  });
});

describe('--dataset', () => {
  it('slim: dataset.jsonl without the edit log, the alignment or the sentences; the document JSON keeps them', { timeout: 300_000 }, () => {
    const src = folder();
    const out = join(temp('dataset-out'), 'out');
    expect(run([src, '--out', out, '--dataset', 'slim', '-q']).status).toBe(0);
    const lines = readFileSync(join(out, 'dataset.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown> & { path: string; cleaning: object });
    expect(lines.map((l) => l.path)).toEqual(['a', 'b']);
    expect(Object.keys(lines[0]!.cleaning).sort()).toEqual(['rawLength', 'script']);
    expect(lines[0]).not.toHaveProperty('textAlignment');
    expect(JSON.stringify(lines[0])).not.toContain('"sentences"');
    const full = JSON.parse(readFileSync(join(out, 'a.json'), 'utf8')) as { cleaning: object };
    expect(full.cleaning).toHaveProperty('edits');
    expect(run([src, '--out', out, '--dataset', 'thin']).status).toBe(2);
  });
});

describe('--abort-on-error', () => {
  it('starts no further document after the first failure, says so, and exits 1', { timeout: 300_000 }, () => {
    const src = temp('abort');
    writeFileSync(join(src, 'a.txt'), '');
    writeFileSync(join(src, 'b.txt'), NOTICE('数字经济'));
    writeFileSync(join(src, 'c.txt'), NOTICE('数据要素'));
    const out = join(temp('abort-out'), 'out');
    const r = run([src, '--out', out, '--jobs', '1', '--abort-on-error']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('decode:empty');
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^gongwen: stopped at the first failure \(--abort-on-error\): .*a\.txt; 2 files not started$/);
    expect(existsSync(join(out, 'b.json'))).toBe(false);
    // the report of what was done is written: the failure, and the files not started as failures that say so
    const report = JSON.parse(readFileSync(join(out, 'run-report.json'), 'utf8')) as { files: { ok: number; failed: number }; failures: { reason: string }[] };
    expect(report.files).toMatchObject({ ok: 0, failed: 3 });
    expect(report.failures.map((f) => f.reason)).toEqual([
      expect.stringMatching(/^decode:empty/),
      expect.stringMatching(/^not started: .*a\.txt failed \(--abort-on-error\)$/),
      expect.stringMatching(/^not started: .*a\.txt failed \(--abort-on-error\)$/),
    ]);
    // without the flag the batch goes on
    const on = run([src, '--out', out, '--jobs', '1']);
    expect(on.status).toBe(1);
    expect(existsSync(join(out, 'b.json'))).toBe(true);
    // -o - stops too
    const stdout = run([src, '-o', '-', '--to', 'jsonl', '--abort-on-error']);
    expect(stdout.status).toBe(1);
    expect(stdout.stdout).toBe('');
  });
});
