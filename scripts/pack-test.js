#!/usr/bin/env node
// The package as a user installs it (issue 18): `npm pack`, then `npm install <tarball>` into a scratch project —
// a real install from the npm registry (npm's cache first: --prefer-offline), nodejieba compiled by its install
// script — then, in that project, a 10-line script that imports gongwen, processes a document with the synchronous
// and the asynchronous API (the worker pool, from the installed files) and renders it; the same script type-checked
// by `tsc --noEmit` against the installed types, and a wrong use refused; and the installed command.
// test/package.test.ts checks the same tarball with the dependencies linked (no registry, in npm test).
// Usage: npm run test:pack [-- --keep]   (builds first; needs the registry or a filled npm cache; .ci/run runs it)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const keep = process.argv.includes('--keep');
const NOTICE = '某某市人民政府关于做好数字经济工作的通知\n各区县政府：\n一、总体要求\n做好工作（市发改委牵头，市财政局配合）。\n某某市人民政府\n2024年3月1日\n';
// valid JavaScript and TypeScript alike: run as main.mjs, type-checked as main.ts
const SCRIPT = `import { readFileSync } from 'node:fs';
import { createProcessor, processDocument, toMarkdown, validateDocument } from 'gongwen';
const bytes = readFileSync('notice.txt');
const sync = processDocument({ bytes, file: 'notice.txt' });
const processor = createProcessor({ jobs: 1 });
const result = await processor.process({ bytes, file: 'notice.txt' });
await processor.close();
const doc = result.document;
if (!doc || !sync.document) throw new Error('no document');
console.log(JSON.stringify({ ok: result.ok, title: doc.document.title?.['zh-Hans'], date: doc.document.date, same: JSON.stringify(doc.sections) === JSON.stringify(sync.document.sections), valid: validateDocument(doc).valid, heading: toMarkdown(doc, 'zh-Hant').split('\\n').find((l) => l.startsWith('# ')) }));
`;
const EXPECTED = { ok: true, title: '某某市人民政府关于做好数字经济工作的通知', date: '2024-03-01', same: true, valid: true, heading: '# 某某市人民政府關於做好數字經濟工作的通知' };

const dir = mkdtempSync(join(tmpdir(), 'gongwen-pack-install-'));
const app = join(dir, 'app');
let failed = false;

/** Runs a command, prints one line with its time, and returns its result; a failure ends the test. */
function step(name, command, args, options = {}) {
  const start = performance.now();
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  const ok = r.status === 0 && (options.check?.(r) ?? true);
  console.log(`${ok ? 'ok' : 'FAILED'} ${name} — ${seconds} s`);
  if (!ok) {
    process.stdout.write(`${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? `${r.error.message}\n` : ''}`);
    throw new Error(`${name} failed`);
  }
  return r;
}

function expect(what, actual, expected) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) {
    console.log(`FAILED ${what}: got ${a}, expected ${e}`);
    return false;
  }
  return true;
}

try {
  // dist/ is built by `npm run test:pack` before this script (prepare would build it again on npm pack)
  const pack = step('npm pack', 'npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: root });
  const info = JSON.parse(pack.stdout)[0];
  console.log(`   ${info.filename}: ${info.entryCount} files, ${(info.size / 1024).toFixed(0)} kB packed, ${(info.unpackedSize / 1024).toFixed(0)} kB unpacked`);
  if (!info.files.some((f) => f.path === 'dist/pipeline/index.d.ts') || info.files.some((f) => /^(test|bench|output|input)\//.test(f.path))) {
    throw new Error('the tarball lacks dist/ or carries test/, bench/, output/ or input/');
  }

  mkdirSync(app);
  // a user's project: ESM; nodejieba's install script allowed (it compiles the segmenter); onnxruntime-node's download
  // of GPU binaries from outside the registry skipped, as the project's own .npmrc does
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module', allowScripts: { nodejieba: true } }, null, 1));
  writeFileSync(join(app, '.npmrc'), 'onnxruntime-node-install=skip\n');
  // with @types/node for the Node it requires, as a TypeScript user installs it (a dependency's own old @types/node —
  // exceljs's fast-csv brings 14 — must not be what the types are checked against)
  step('npm install <tarball> @types/node@20 (from the registry, npm cache first)', 'npm', ['install', join(dir, info.filename), '@types/node@20', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: app });
  const installed = JSON.parse(readFileSync(join(app, 'node_modules', 'gongwen', 'package.json'), 'utf8'));
  console.log(`   installed gongwen ${installed.version} and ${Object.keys(JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')).packages).length - 2} other packages`);

  writeFileSync(join(app, 'notice.txt'), NOTICE);
  writeFileSync(join(app, 'main.mjs'), SCRIPT);
  const run = step('node main.mjs (a 10-line script: processDocument, createProcessor, toMarkdown)', process.execPath, ['main.mjs'], { cwd: app });
  failed ||= !expect('main.mjs', JSON.parse(run.stdout), EXPECTED);

  // the same script against the installed types (and the user's @types/node); the checkout's TypeScript
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, types: ['node'] }, files: ['main.ts'] }, null, 1));
  writeFileSync(join(app, 'main.ts'), SCRIPT);
  step('tsc --noEmit main.ts against the installed types', process.execPath, [tsc, '--noEmit', '-p', app], { cwd: app });
  // the types are real: a wrong option is refused
  writeFileSync(join(app, 'main.ts'), SCRIPT.replace('{ jobs: 1 }', "{ jobs: 1, variant: 'xx' }"));
  const bad = spawnSync(process.execPath, [tsc, '--noEmit', '-p', app], { cwd: app, encoding: 'utf8' });
  const refused = bad.status !== 0 && /main\.ts\(5,.*'"xx"' is not assignable/.test(bad.stdout);
  console.log(`${refused ? 'ok' : 'FAILED'} tsc refuses a wrong option (variant: 'xx')`);
  if (!refused) process.stdout.write(bad.stdout);
  failed ||= !refused;

  step('gongwen - --to md (the installed command)', join(app, 'node_modules', '.bin', 'gongwen'), ['-', '--to', 'md'], {
    cwd: app,
    input: NOTICE,
    check: (r) => r.stdout.includes('# 某某市人民政府关于做好数字经济工作的通知\n'),
  });
} catch (e) {
  console.log(`gongwen pack test: ${e.message}`);
  failed = true;
} finally {
  if (keep) console.log(`   scratch project kept: ${app}`);
  else rmSync(dir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
