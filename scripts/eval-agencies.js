#!/usr/bin/env node
// Scores the agencies of whole documents (the extract stage: notes, addressees, issuer, lexicon, the organ
// grammar) on development documents labelled in test/fixtures/entities/agencies.json: for each document the set of
// names (every form) of `agency` entities against the set labelled, summed over documents — the pages labelled
// in session 5 (`pages`) and the files labelled in session 6 (`documents`, read without OCR) apart, then together.
// Usage: npm run eval:agencies [-- --list]   (needs `npm run build` first; reads ../shared/corpus)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processFile } from '../dist/pipeline/pipeline.js';

const root = join(import.meta.dirname, '..');
const corpus = join(root, '..', 'shared', 'corpus');
const gold = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'entities', 'agencies.json'), 'utf8'));
const list = process.argv.includes('--list');
const sets = [
  ['development pages labelled in session 5', gold.pages.map((d) => ({ ...d, path: join(corpus, 'pages', d.file) }))],
  ['development files labelled in session 6', gold.documents.map((d) => ({ ...d, path: join(corpus, d.file) }))],
];
sets.push(['labelled development documents', sets.flatMap(([, docs]) => docs)]);
for (const doc of sets.flatMap(([, docs]) => docs)) {
  if (doc.found) continue;
  const result = await processFile({ file: doc.path, bytes: readFileSync(doc.path) }, { ocr: false });
  doc.found = new Set(result.document.entities.filter((e) => e.type === 'agency').flatMap((e) => [e.name['zh-Hans'], ...(e.forms ?? [])]));
}
for (const [name, docs] of sets) {
  let tp = 0, fp = 0, fn = 0;
  for (const doc of docs) {
    const want = new Set(doc.agencies);
    const wrong = [...doc.found].filter((n) => !want.has(n));
    const missed = [...want].filter((n) => !doc.found.has(n));
    tp += doc.found.size - wrong.length;
    fp += wrong.length;
    fn += missed.length;
    if (list && !name.startsWith('labelled')) console.log(`${doc.file}\n  wrong: ${wrong.join('、')}\n  missed: ${missed.join('、')}`);
  }
  const p = tp / (tp + fp || 1), r = tp / (tp + fn || 1);
  console.log(`agencies on ${docs.length} ${name}: precision ${p.toFixed(3)}, recall ${r.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})`);
}
