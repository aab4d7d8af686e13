#!/usr/bin/env node
// Scores the technology/industry finder on the development pages labelled in
// test/fixtures/entities/technologies.json: for each page (or its labelled
// paragraphs) the set of terms found against the set labelled, summed over pages,
// with the term list emptied (the patterns alone) and with it.
// A name matches when equal after a trailing 产业 or 技术 is dropped on both sides.
// Usage: npm run eval:terms [-- --list]   (needs `npm run build` first; reads ../shared/corpus/pages)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processDocument } from '../dist/pipeline/pipeline.js';
import { findTerms } from '../dist/pipeline/lib/entities/terms.js';

const root = join(import.meta.dirname, '..');
const gold = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'entities', 'technologies.json'), 'utf8'));
const list = process.argv.includes('--list');
const norm = (t) => t.replace(/(?:产业|技术)$/, '');

for (const [label, lexicon] of [['term list emptied', new Map()], ['with the term list', undefined]]) {
  let tp = 0, fp = 0, fn = 0;
  for (const page of gold.pages) {
    const bytes = readFileSync(join(root, '..', 'shared', 'corpus', 'pages', page.file));
    const text = processDocument({ file: page.file, bytes }).document.text['zh-Hans'];
    const lines = text.split('\n');
    const scope = page.paragraphs ? page.paragraphs.map((p) => lines.find((l) => l.startsWith(p)) ?? '').join('\n') : text;
    if (page.paragraphs) for (const p of page.paragraphs) if (!lines.some((l) => l.startsWith(p))) console.error(`${page.file}: no paragraph starts with ${p}`);
    const found = new Set(findTerms(scope, lexicon).map((c) => norm(c.surface)));
    const want = new Set(page.terms.map(norm));
    const wrong = [...found].filter((t) => !want.has(t));
    const missed = [...want].filter((t) => !found.has(t));
    tp += found.size - wrong.length;
    fp += wrong.length;
    fn += missed.length;
    if (list) console.log(`${page.file} [${label}]\n  wrong: ${wrong.join('、')}\n  missed: ${missed.join('、')}`);
  }
  const p = tp / (tp + fp || 1), r = tp / (tp + fn || 1);
  console.log(`technologies/industries on ${gold.pages.length} labelled development pages, ${label}: precision ${p.toFixed(3)}, recall ${r.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})`);
}
