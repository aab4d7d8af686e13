/** Technologies and industries with the term list emptied, on development pages labelled by reading them (test/fixtures/entities/technologies.json). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTerms } from '../pipeline/lib/entities/terms.js';
import { processDocument } from '../pipeline/pipeline.js';
import { ROOT, SHARED } from './helpers/paths.js';

interface Gold {
  pages: { file: string; paragraphs?: string[]; terms: string[] }[];
}
const gold = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'entities', 'technologies.json'), 'utf8')) as Gold;
const PAGES = join(SHARED, 'corpus', 'pages');
const norm = (t: string) => t.replace(/(?:产业|技术)$/, '');

describe.skipIf(!existsSync(PAGES))('technologies on labelled development pages (term list emptied)', () => {
  it('keeps precision ≥ 0.95 and recall ≥ 0.75 (the figures `npm run eval:terms` prints)', () => {
    let tp = 0, fp = 0, fn = 0;
    for (const page of gold.pages) {
      const text = processDocument({ file: page.file, bytes: readFileSync(join(PAGES, page.file)) }).document!.text['zh-Hans'];
      const lines = text.split('\n');
      const scope = page.paragraphs ? page.paragraphs.map((p) => lines.find((l) => l.startsWith(p))!).join('\n') : text;
      const found = new Set(findTerms(scope, new Map()).map((c) => norm(c.surface)));
      const want = new Set(page.terms.map(norm));
      for (const t of found) want.has(t) ? tp++ : fp++;
      for (const t of want) if (!found.has(t)) fn++;
    }
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.95);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.75);
  }, 120_000);

  it('splits a pair, takes two-character items of a long list, and reads a list that shares its head', () => {
    const found = (t: string) => findTerms(t, new Map()).map((c) => c.surface);
    expect(found('加快钢铁、化工、建材等传统优势产业提质升级。')).toEqual(['钢铁', '化工', '建材']);
    expect(found('聚焦新能源及绿色低碳、新材料等战略性新兴产业，')).toEqual(['新能源', '绿色低碳', '新材料']);
    expect(found('发展智能制造、绿色制造、服务型制造，')).toEqual(['智能制造', '绿色制造', '服务型制造']);
    expect(found('推动量子科技、生物制造、氢能和核聚变能等成为新的经济增长点。')).toEqual(['量子科技', '生物制造', '氢能', '核聚变能']);
    expect(found('攻关高端航空装备设计、材料、制造、服务保障等关键技术，')).not.toContain('材料');
    // paperwork closed by 材料 is no material
    expect(found('提供户口本、结婚证、出生医学证明等材料。')).toEqual([]);
  });
});
