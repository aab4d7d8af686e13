/**
 * jieba on a server thread (lib/jieba-server.ts): the same words and tags as nodejieba loaded in the thread,
 * requests too large for the buffer split, a text too large for it answered by a local load, several threads
 * sharing one server, and the CLI (which starts the server, and hands it to its workers) writing what an
 * in-process batch writes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../pipeline/batch.js';
import { JiebaClient, startJiebaServer } from '../pipeline/lib/jieba-server.js';
import { loadJieba, pieces } from '../pipeline/lib/jieba.js';
import { ROOT, SAMPLE, SHARED } from './helpers/paths.js';

const temp = (name: string) => mkdtempSync(join(tmpdir(), `gongwen-${name}-`));

/** Lines of real documents, cut in jieba's pieces: the sample and two gov.cn pages' text. */
function realTexts(): string[] {
  const texts = readFileSync(SAMPLE, 'utf8').split('\n');
  for (const f of ['govcn-02.html', 'govcn-33.html']) {
    const html = readFileSync(join(SHARED, 'corpus', 'govcn', f), 'utf8');
    texts.push(...html.replace(/<[^>]*>/g, '\n').split('\n'));
  }
  return texts.map((t) => t.trim()).filter((t) => t !== '').flatMap((t) => [...pieces(t)].map((p) => p.text));
}

describe('jieba on a server thread', () => {
  it('gives nodejieba’s own words and tags, for one text or many in a request', () => {
    const client = new JiebaClient(startJiebaServer());
    const texts = realTexts();
    expect(texts.length).toBeGreaterThan(200);
    const local = loadJieba();
    expect(client.call('cut', texts)).toEqual(texts.map((t) => local.cut(t)));
    const some = texts.slice(0, 60);
    expect(client.call('tag', some)).toEqual(some.map((t) => local.tag(t).map(({ word, tag }) => ({ word, tag }))));
    expect(client.call('cut', ['成都市科学技术局牵头'])).toEqual([local.cut('成都市科学技术局牵头')]);
    expect(client.call('cut', [])).toEqual([]);
    // text JSON must carry intact: quotes, backslashes, a lone surrogate, NUL
    const odd = ['"引号"\\反斜杠', '孤\ud800立', 'a\u0000b 中文'];
    expect(client.call('cut', odd)).toEqual(odd.map((t) => local.cut(t)));
  });

  it('splits a request too large for its buffer, and leaves a text too large for it to a local load', () => {
    const client = new JiebaClient(startJiebaServer(16 * 1024));
    const texts = realTexts();
    const local = loadJieba();
    // the request is several times the buffer (3 bytes a character): answered in parts, in order
    expect(JSON.stringify(texts).length * 3).toBeGreaterThan(4 * 16 * 1024);
    expect(client.call('cut', texts)).toEqual(texts.map((t) => local.cut(t)));
    // one text of 30 000 characters (90 kB) cannot be sent in 16 kB: null, the caller cuts it itself
    expect(client.call('cut', ['中'.repeat(30_000)])).toBeNull();
  });

  it('serves several threads at once, each its own answers', async () => {
    const buffer = startJiebaServer();
    const texts = realTexts();
    const compiled = pathToFileURL(join(ROOT, 'dist', 'pipeline', 'lib', 'jieba-server.js')).href;
    // each worker asks for its own share, word by word in many small requests, all at the same time
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      import(${JSON.stringify(compiled)}).then(({ JiebaClient }) => {
        const client = new JiebaClient(workerData.buffer);
        parentPort.postMessage(workerData.texts.map((t) => client.call('cut', [t])[0]));
      });`;
    const shares = [0, 1, 2].map((k) => texts.filter((_, i) => i % 3 === k));
    const answers = await Promise.all(
      shares.map(
        (share) =>
          new Promise<string[][]>((resolve, reject) => {
            const w = new Worker(code, { eval: true, workerData: { buffer, texts: share } });
            w.once('message', (m: string[][]) => void w.terminate().then(() => resolve(m)));
            w.once('error', reject);
          }),
      ),
    );
    const local = loadJieba();
    for (const [k, share] of shares.entries()) expect(answers[k]).toEqual(share.map((t) => local.cut(t)));
  });

  it('is the only jieba of a thread that has a server: the pipeline never loads its own (terms once did, 1.1 s and 260 MB a worker)', async () => {
    const buffer = startJiebaServer();
    const dist = (f: string) => pathToFileURL(join(ROOT, 'dist', 'pipeline', ...f.split('/'))).href;
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      const { readFileSync } = require('node:fs');
      (async () => {
        const jieba = await import(${JSON.stringify(dist('lib/jieba.js'))});
        jieba.useJiebaServer(workerData.buffer);
        const { processDocument } = await import(${JSON.stringify(dist('pipeline.js'))});
        const d = processDocument({ bytes: readFileSync(workerData.sample), file: 'sample.txt' }).document;
        parentPort.postMessage({ loaded: jieba.jiebaLoadedHere(), terms: d.entities.filter((e) => e.type === 'technology' || e.type === 'industry').length });
      })().catch((e) => parentPort.postMessage({ error: String(e) }));`;
    const answer = await new Promise<{ loaded: boolean; terms: number; error?: string }>((resolve, reject) => {
      const w = new Worker(code, { eval: true, workerData: { buffer, sample: SAMPLE } });
      w.once('message', (m: { loaded: boolean; terms: number }) => void w.terminate().then(() => resolve(m)));
      w.once('error', reject);
    });
    expect(answer.error).toBeUndefined();
    expect(answer.terms).toBeGreaterThan(10);
    expect(answer.loaded).toBe(false);
  });

  it('the CLI, with its server thread and its workers sharing it, writes what an in-process batch writes', async () => {
    const src = temp('server-corpus');
    cpSync(SAMPLE, join(src, 'sample.txt'));
    mkdirSync(join(src, 'govcn'));
    for (const f of ['govcn-02.html', 'govcn-05.html', 'govcn-33.html']) cpSync(join(SHARED, 'corpus', 'govcn', f), join(src, 'govcn', f));
    const reference = temp('server-ref');
    await runBatch([src], { out: reference, jobs: 1, fsync: false });
    const snapshot = (dir: string) => {
      const out: Record<string, string> = {};
      const walk = (d: string) => {
        for (const e of readdirSync(d, { withFileTypes: true })) {
          if (e.name === '.gongwen' || e.name.startsWith('run-report')) continue;
          if (e.isDirectory()) walk(join(d, e.name));
          else out[relative(dir, join(d, e.name))] = readFileSync(join(d, e.name), 'utf8');
        }
      };
      walk(dir);
      return out;
    };
    for (const jobs of ['1', '2']) {
      const out = temp(`server-cli-${jobs}`);
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'gongwen.js'), src, '--out', out, '--jobs', jobs, '--quiet', '--no-fsync'], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(snapshot(out)).toEqual(snapshot(reference));
    }
  });
});
