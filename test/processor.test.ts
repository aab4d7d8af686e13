/**
 * The async API (createProcessor) as a web server uses it: a node:http handler
 * on 127.0.0.1 processes request bodies on worker threads, the event loop
 * stays free while documents are processed, and close() ends the workers.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProcessor, type Processor } from '../pipeline/processor.js';
import { processDocument } from '../pipeline/pipeline.js';
import { SAMPLE } from './helpers/paths.js';

const NOTICE = '某某市人民政府关于着力做好数字经济工作的通知\n各区县政府：\n一、总体要求\n做好工作（市发改委牵头，市财政局配合）。\n某某市人民政府\n2024年3月1日\n';

let processor: Processor;
let server: Server;
let url: string;

beforeAll(async () => {
  processor = createProcessor({ jobs: 2, variant: 'tw' });
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const result = await processor.process({ bytes: Buffer.concat(chunks), file: req.url?.slice(1) || 'request.txt' });
    res.writeHead(result.ok ? 200 : 422, { 'content-type': 'application/json' });
    res.end(JSON.stringify(result.ok ? { title: result.document!.document.title, date: result.document!.document.date } : { errors: result.diagnostics.map((d) => d.code) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await processor.close();
});

describe('createProcessor', () => {
  it('warmUp starts every worker and says what the first document costs', async () => {
    const warm = await processor.warmUp();
    expect(warm.threads).toBe(2);
    expect(warm.workerMs).toHaveLength(2);
    expect(warm.workerMs.every((ms) => ms > 0)).toBe(true);
  }, 60_000);

  it('serves documents from an HTTP handler, the same records as processDocument, options from createProcessor', async () => {
    const [a, b, empty] = await Promise.all([
      fetch(`${url}/notice.txt`, { method: 'POST', body: NOTICE }),
      fetch(`${url}/sample.txt`, { method: 'POST', body: readFileSync(SAMPLE) }),
      fetch(`${url}/empty.txt`, { method: 'POST', body: '' }),
    ]);
    expect(a.status).toBe(200);
    // variant tw, as createProcessor was told: 着 → 著 (the default t keeps 着)
    expect(await a.json()).toEqual({ title: { 'zh-Hans': '某某市人民政府关于着力做好数字经济工作的通知', 'zh-Hant': '某某市人民政府關於著力做好數字經濟工作的通知' }, date: '2024-03-01' });
    const sample = (await b.json()) as { title: { 'zh-Hans': string } };
    expect(sample.title['zh-Hans']).toBe(processDocument({ bytes: readFileSync(SAMPLE), file: 'sample.txt' }).document!.document.title['zh-Hans']);
    expect(empty.status).toBe(422);
    expect(await empty.json()).toEqual({ errors: ['decode:empty'] });
  }, 120_000);

  it('leaves the event loop free while documents are processed', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const start = performance.now();
    const results = await Promise.all(Array.from({ length: 4 }, () => processor.process({ bytes: readFileSync(SAMPLE), file: 'sample.txt' })));
    const elapsed = performance.now() - start;
    clearInterval(timer);
    expect(results.every((r) => r.ok)).toBe(true);
    // a blocked loop would tick about once for the whole run; a free one every few ms (loose: a loaded machine)
    expect(ticks).toBeGreaterThan(elapsed / 5 / 10);
    expect(ticks).toBeGreaterThan(10);
  }, 120_000);

  it('refuses work once closed, and a bad number of jobs at once', async () => {
    const p = createProcessor({ jobs: 1 });
    await p.close();
    await expect(p.process({ bytes: Buffer.from(NOTICE), file: 'a.txt' })).rejects.toThrow('closed');
    expect(() => createProcessor({ jobs: 0 })).toThrow(RangeError);
  });
});
