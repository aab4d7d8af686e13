/**
 * The package as others get it: `npm pack` ships the compiled library, its
 * types, the schemas and the lexicon, and nothing of the tests, benchmark or
 * outputs; unpacked into a scratch project as npm installs it, it imports,
 * processes a document, runs its command and type-checks a script against its
 * types. (The scratch project links the dependencies from this checkout's
 * install, so the test needs no registry; `npm run test:pack`,
 * scripts/pack-test.js, which .ci/run runs, installs the tarball from the
 * registry as a user does.)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';

const NOTICE = '某某市人民政府关于做好数字经济工作的通知\n各区县政府：\n一、总体要求\n做好工作（市发改委牵头，市财政局配合）。\n某某市人民政府\n2024年3月1日\n';

let scratch: string;
let files: string[];

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-pack-'));
  // dist/ is built by npm test (and by prepare on npm pack; skipped here)
  const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
  expect(pack.status, pack.stderr).toBe(0);
  const info = (JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[])[0]!;
  files = info.files.map((f) => f.path);
  scratch = join(dir, 'app');
  const installed = join(scratch, 'node_modules', 'gongwen');
  mkdirSync(installed, { recursive: true });
  // as npm installs a tarball: its package/ folder becomes node_modules/gongwen
  const untar = spawnSync('tar', ['xzf', join(dir, info.filename), '-C', installed, '--strip-components=1']);
  expect(untar.status, String(untar.stderr)).toBe(0);
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  for (const name of Object.keys(manifest.dependencies)) {
    mkdirSync(dirname(join(scratch, 'node_modules', name)), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', name), join(scratch, 'node_modules', name));
  }
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  writeFileSync(join(scratch, 'notice.txt'), NOTICE);
}, 120_000);

describe('the npm package', () => {
  it('ships the library, its types, the schemas and the lexicon; no tests, benchmark, inputs or outputs', () => {
    for (const f of ['dist/pipeline/index.js', 'dist/pipeline/index.d.ts', 'dist/pipeline/worker.js', 'dist/pipeline/cli.js', 'bin/gongwen.js', 'schemas/document.schema.json', 'schemas/run-report.schema.json', 'lexicon/agencies.tsv', 'package.json']) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => /^(test|bench|output|input|scripts|dist\/bench|dist\/test)\//.test(f))).toEqual([]);
  });

  it('imports from a scratch project and processes a document', () => {
    const script = [
      "import { readFileSync } from 'node:fs';",
      "import { processDocument, toMarkdown, validateDocument } from 'gongwen';",
      "const result = processDocument({ bytes: readFileSync('notice.txt'), file: 'notice.txt' });",
      'const doc = result.document;',
      'console.log(JSON.stringify({',
      '  ok: result.ok, title: doc.document.title["zh-Hans"], date: doc.document.date,',
      '  lead: doc.responsibilities[0].lead, valid: validateDocument(doc).valid,',
      "  markdown: toMarkdown(doc, 'zh-Hant').split('\\n').find((l) => l.startsWith('# ')),",
      '}));',
    ].join('\n');
    writeFileSync(join(scratch, 'main.mjs'), script);
    const r = spawnSync(process.execPath, ['main.mjs'], { cwd: scratch, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      ok: true,
      title: '某某市人民政府关于做好数字经济工作的通知',
      date: '2024-03-01',
      lead: ['agency:某某市发展和改革委员会'],
      valid: true,
      markdown: '# 某某市人民政府關於做好數字經濟工作的通知',
    });
  });

  it('runs its command from the installed package', () => {
    const r = spawnSync(process.execPath, [join(scratch, 'node_modules', 'gongwen', 'bin', 'gongwen.js'), '-', '--to', 'md'], { cwd: scratch, input: NOTICE, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('# 某某市人民政府关于做好数字经济工作的通知');
  });

  it('type-checks a script against the installed types (and refuses a wrong use)', () => {
    writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['check.ts'] }));
    const good = [
      "import { processDocument, type GongwenDocument, type ProcessResult } from 'gongwen';",
      "const result: ProcessResult = processDocument({ bytes: new TextEncoder().encode('通知'), file: 'a.txt' }, { variant: 'tw' });",
      "const title: string | undefined = result.document?.document.title['zh-Hans'];",
      "const level: GongwenDocument['sections'][number]['level'] = '条';",
      'export { title, level };',
    ].join('\n');
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    writeFileSync(join(scratch, 'check.ts'), good);
    const ok = spawnSync(process.execPath, [tsc, '-p', scratch], { cwd: scratch, encoding: 'utf8' });
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    // the types are real: a wrong option is an error
    writeFileSync(join(scratch, 'check.ts'), good.replace("variant: 'tw'", "variant: 'xx'"));
    const bad = spawnSync(process.execPath, [tsc, '-p', scratch], { cwd: scratch, encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toContain('check.ts');
  });
});
