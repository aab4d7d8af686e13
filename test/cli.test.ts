/** The gongwen command as a user runs it (built bin, real processes). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SAMPLE } from './helpers/paths.js';

const BIN = join(ROOT, 'bin', 'gongwen.js');
const run = (args: string[], input?: string | Buffer) => spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', cwd: ROOT });

describe('gongwen CLI', () => {
  it('writes JSON and Markdown for a folder, mirroring subfolders', () => {
    const src = mkdtempSync(join(tmpdir(), 'gongwen-in-'));
    mkdirSync(join(src, '子目录 with space'));
    writeFileSync(join(src, '子目录 with space', '通知.txt'), '某某市人民政府关于做好工作的通知\n各区县政府：\n一、总体要求\n做好工作。\n某某市人民政府\n2024年3月1日\n');
    writeFileSync(join(src, 'a.txt'), readFileSync(SAMPLE));
    const out = mkdtempSync(join(tmpdir(), 'gongwen-out-'));
    const r = run([src, '--out', out, '--script', 'zh-Hant']);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.gongwen', 'a.json', 'a.md', 'dataset.jsonl', 'documents.csv', 'documents.parquet', 'entities.csv', 'entities.parquet', 'responsibilities.csv', 'responsibilities.parquet', 'run-report.json', '子目录 with space']);
    expect(readdirSync(join(out, '子目录 with space')).sort()).toEqual(['通知.json', '通知.md']);
    const md = readFileSync(join(out, 'a.md'), 'utf8');
    const json = JSON.parse(readFileSync(join(out, 'a.json'), 'utf8'));
    expect(md).toContain(`\n# ${json.document.title['zh-Hant']}\n`);
    expect(md).toContain('前瞻培育未來產業');
    expect(md).not.toContain('未来产业');
  });

  it('reads stdin and writes Markdown to stdout', () => {
    const r = run(['-', '--to', 'md'], readFileSync(SAMPLE));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^---\ntitle: 成都市人民政府关于前瞻培育未来产业构筑高质量发展新动能的实施意见/);
    expect(r.stdout).toContain('\n## 一、总体要求\n');
    expect(r.stdout).toContain('\n### （一）指导思想\n');
  });

  it('stops quietly when the reader of stdout goes away (| head)', () => {
    // a shell pipeline into head: head reads the first lines and exits, closing the pipe
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" - < "${SAMPLE}" | head -c 64 > /dev/null`], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  // util-linux script(1) runs the command on a pseudo-terminal, as a user at a terminal would
  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('shows a progress bar on a terminal: files done/total, rate, ETA; failures still get their line', () => {
    const src = mkdtempSync(join(tmpdir(), 'gongwen-tty-'));
    for (const name of ['a.txt', 'b.txt', 'c.txt']) writeFileSync(join(src, name), readFileSync(SAMPLE));
    writeFileSync(join(src, 'empty.txt'), '');
    const out = mkdtempSync(join(tmpdir(), 'gongwen-out-'));
    const r = spawnSync('script', ['-qec', `"${process.execPath}" "${BIN}" "${src}" --out "${out}" --jobs 1`, '/dev/null'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    const screen = r.stdout.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
    expect(screen).toMatch(/4\/4 files \| \d+\.\d files\/s \| ETA \d+s/);
    // drawn while the run goes on, not only at its end (one thread works between the redraws)
    expect(screen).toMatch(/[123]\/4 files/);
    expect(screen).toMatch(/✗ \S*empty\.txt: decode:empty/);
    // no per-file lines for the documents that went well: the bar stands for them
    expect(screen).not.toContain('✓');
  });

  it.skipIf(!hasScript)('gives the terminal its cursor back when interrupted (Ctrl-C), and dies of the signal', () => {
    const src = mkdtempSync(join(tmpdir(), 'gongwen-int-'));
    for (let k = 0; k < 200; k++) writeFileSync(join(src, `d${k}.txt`), readFileSync(SAMPLE));
    const out = mkdtempSync(join(tmpdir(), 'gongwen-out-'));
    // SIGINT as a user's Ctrl-C, once the first document is written (the bar is up), well before 200 are done;
    // job control (set -m) so that the background run does not start with SIGINT ignored
    const run = `"${process.execPath}" "${BIN}" "${src}" --out "${out}" --jobs 1`;
    const first = join(out, 'd0.json');
    const command = `bash -c 'set -m; ${run} & p=$!; while [ ! -e "${first}" ] && kill -0 $p 2>/dev/null; do sleep 0.05; done; sleep 0.2; kill -INT $p; wait $p'`;
    const r = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8' });
    expect(r.status).toBe(130);
    const hidden = r.stdout.lastIndexOf('\x1b[?25l');
    expect(hidden).toBeGreaterThanOrEqual(0);
    expect(r.stdout.indexOf('\x1b[?25h', hidden)).toBeGreaterThan(hidden);
  });

  it('exits 1 when a file fails, names it, and still writes the others', () => {
    const src = mkdtempSync(join(tmpdir(), 'gongwen-bad-'));
    writeFileSync(join(src, 'empty.txt'), '');
    writeFileSync(join(src, 'ok.txt'), '关于做好工作的通知\n各单位：\n做好工作。');
    const out = mkdtempSync(join(tmpdir(), 'gongwen-out-'));
    const r = run([src, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/empty\.txt: decode:empty/);
    expect(readdirSync(out).filter((n) => /\.(json|md)$/.test(n) && !n.startsWith('run-report')).sort()).toEqual(['ok.json', 'ok.md']);
    const report = JSON.parse(readFileSync(join(out, 'run-report.json'), 'utf8'));
    expect(report.files).toEqual({ total: 2, ok: 1, skipped: 0, failed: 1 });
    expect(report.failures[0].reason).toMatch(/^decode:empty/);
  });

  it('exits 2 on a usage error', () => {
    expect(run(['input', '--variant', 'xx']).status).toBe(2);
    expect(run([]).status).toBe(2);
    const mixed = run(['-', 'input'], 'x');
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toBe('gongwen: - (one document from stdin to stdout) cannot be combined with other paths\n');
    expect(run(['/no/such/folder/at/all', '--out', mkdtempSync(join(tmpdir(), 'gongwen-out-'))]).status).toBe(1);
  });
});
