/** Agencies of whole documents on development pages labelled by reading them (test/fixtures/entities/agencies.json). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processDocument, processFile } from '../pipeline/pipeline.js';
import { ROOT, SHARED } from './helpers/paths.js';

const gold = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'entities', 'agencies.json'), 'utf8')) as { pages: { file: string; agencies: string[] }[]; documents: { file: string; agencies: string[] }[] };
const PAGES = join(SHARED, 'corpus', 'pages');

describe.skipIf(!existsSync(PAGES))('agencies on labelled development pages', () => {
  it('keeps precision ≥ 0.95 and recall ≥ 0.9 (the figures `npm run eval:agencies` prints)', () => {
    let tp = 0, fp = 0, fn = 0;
    for (const page of gold.pages) {
      const doc = processDocument({ file: page.file, bytes: readFileSync(join(PAGES, page.file)) }).document!;
      const found = new Set(doc.entities.filter((e) => e.type === 'agency').flatMap((e) => [e.name['zh-Hans'], ...(e.forms ?? [])]));
      const want = new Set(page.agencies);
      for (const n of found) want.has(n) ? tp++ : fp++;
      for (const n of want) if (!found.has(n)) fn++;
    }
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.95);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.9);
  }, 120_000);

  it('keeps precision ≥ 0.95 and recall ≥ 0.9 on the files labelled after them (read without OCR)', async () => {
    let tp = 0, fp = 0, fn = 0;
    for (const labelled of gold.documents) {
      const path = join(SHARED, 'corpus', labelled.file);
      const doc = (await processFile({ file: path, bytes: readFileSync(path) }, { ocr: false })).document!;
      const found = new Set(doc.entities.filter((e) => e.type === 'agency').flatMap((e) => [e.name['zh-Hans'], ...(e.forms ?? [])]));
      const want = new Set(labelled.agencies);
      for (const n of found) want.has(n) ? tp++ : fp++;
      for (const n of want) if (!found.has(n)) fn++;
    }
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.95);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.9);
  }, 120_000);

  it('reads an addressee written with a shared head, or under 市各相关单位, as a collective', () => {
    const doc = processDocument({ file: 'pages-13-ezhou-cjw.html', bytes: readFileSync(join(PAGES, 'pages-13-ezhou-cjw.html')) }).document!;
    expect(doc.entities.find((e) => e.name['zh-Hans'] === '葛店经开区、临空经济区管委会')?.type).toBe('agencyGroup');
  });
});
