#!/usr/bin/env node
// Scores the technology/industry finder on the development documents labelled in
// test/fixtures/entities/technologies.json: for each document (or its labelled
// paragraphs) the set of terms found against the set labelled, summed over documents,
// with the term list emptied (the patterns alone) and with it, for the pages labelled
// in session 5 (`pages`) and the files, State Council pages and regulation labelled in
// session 6 (`documents`) separately, then both together.
// A name matches when equal after a trailing 产业 or 技术 is dropped on both sides.
// Usage: npm run eval:terms [-- --list]   (needs `npm run build` first; reads ../shared/corpus)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processFile } from '../dist/pipeline/pipeline.js';
import { findTerms } from '../dist/pipeline/lib/entities/terms.js';

const root = join(import.meta.dirname, '..');
const corpus = join(root, '..', 'shared', 'corpus');
const gold = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'entities', 'technologies.json'), 'utf8'));
const list = process.argv.includes('--list');
const norm = (t) => t.replace(/(?:产业|技术)$/, '');

/** The text a labelled entry covers: the whole document, or the lines that start with its paragraphs. */
async function scope(path, paragraphs) {
  const result = await processFile({ file: path, bytes: readFileSync(path) }, { ocr: false });
  const text = result.document.text['zh-Hans'];
  if (!paragraphs) return text;
  const lines = text.split('\n');
  for (const p of paragraphs) if (!lines.some((l) => l.startsWith(p))) console.error(`${path}: no paragraph starts with ${p}`);
  return paragraphs.map((p) => lines.find((l) => l.startsWith(p)) ?? '').join('\n');
}

const sets = [
  ['pages labelled in session 5', gold.pages.map((d) => ({ ...d, path: join(corpus, 'pages', d.file) }))],
  ['documents labelled in session 6', gold.documents.map((d) => ({ ...d, path: join(corpus, d.file) }))],
];
for (const entry of sets.flatMap(([, docs]) => docs)) entry.text = await scope(entry.path, entry.paragraphs);
sets.push(['all labelled documents', sets.flatMap(([, docs]) => docs)]);

for (const [label, lexicon] of [['term list emptied', new Map()], ['with the term list', undefined]]) {
  for (const [name, docs] of sets) {
    let tp = 0, fp = 0, fn = 0;
    for (const doc of docs) {
      const found = new Set(findTerms(doc.text, lexicon).map((c) => norm(c.surface)));
      const want = new Set(doc.terms.map(norm));
      const wrong = [...found].filter((t) => !want.has(t));
      const missed = [...want].filter((t) => !found.has(t));
      tp += found.size - wrong.length;
      fp += wrong.length;
      fn += missed.length;
      if (list && name !== 'all labelled documents' && (wrong.length || missed.length)) console.log(`${doc.file} [${label}]\n  wrong: ${wrong.join('、')}\n  missed: ${missed.join('、')}`);
    }
    const p = tp / (tp + fp || 1), r = tp / (tp + fn || 1);
    console.log(`technologies/industries, ${label}, ${docs.length} ${name}: precision ${p.toFixed(3)}, recall ${r.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})`);
  }
}
