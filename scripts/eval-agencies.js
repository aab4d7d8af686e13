#!/usr/bin/env node
// Scores the agencies of whole documents (the extract stage: notes, addressees, issuer, lexicon, the organ
// grammar) on development pages labelled in test/fixtures/entities/agencies.json: for each page the set of
// names (every form) of `agency` entities against the set labelled, summed over pages.
// Usage: npm run eval:agencies [-- --list]   (needs `npm run build` first; reads ../shared/corpus/pages)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processDocument } from '../dist/pipeline/pipeline.js';

const root = join(import.meta.dirname, '..');
const gold = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'entities', 'agencies.json'), 'utf8'));
const list = process.argv.includes('--list');
let tp = 0, fp = 0, fn = 0;
for (const page of gold.pages) {
  const doc = processDocument({ file: page.file, bytes: readFileSync(join(root, '..', 'shared', 'corpus', 'pages', page.file)) }).document;
  const found = new Set(doc.entities.filter((e) => e.type === 'agency').flatMap((e) => [e.name['zh-Hans'], ...(e.forms ?? [])]));
  const want = new Set(page.agencies);
  const wrong = [...found].filter((n) => !want.has(n));
  const missed = [...want].filter((n) => !found.has(n));
  tp += found.size - wrong.length;
  fp += wrong.length;
  fn += missed.length;
  if (list) console.log(`${page.file}\n  wrong: ${wrong.join('、')}\n  missed: ${missed.join('、')}`);
}
const p = tp / (tp + fp || 1), r = tp / (tp + fn || 1);
console.log(`agencies on ${gold.pages.length} labelled development pages: precision ${p.toFixed(3)}, recall ${r.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})`);
