#!/usr/bin/env node
// Scores gongwen's agency finder on CLUENER2020's `government` spans: for each
// record, the set of names found against the set of government names labelled
// (exact strings), summed over records (micro precision, recall, F1). The
// finder is the one the extract stage runs on documents (findAgencies, with no
// issuer and no notes), over each record's text as it is.
// Usage: npm run eval:cluener [-- file.jsonl] [--errors out.tsv]
// Default file: ../shared/corpus/cluener/train.jsonl (needs `npm run build` first).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findAgencies } from '../dist/pipeline/lib/entities/agencies.js';
import { boundaries } from '../dist/pipeline/lib/jieba.js';

const args = process.argv.slice(2);
const errorsAt = args.indexOf('--errors');
const errorsFile = errorsAt >= 0 ? args.splice(errorsAt, 2)[1] : null;
const file = args[0] ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'cluener', 'train.jsonl');

let tp = 0, fp = 0, fn = 0, records = 0;
const errors = [];
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const { text, label } = JSON.parse(line);
  records++;
  const gold = new Set(Object.keys(label.government ?? {}));
  const found = new Set(findAgencies(text, boundaries(text), { named: [], issuer: null }).map((c) => c.surface));
  for (const n of found) {
    if (gold.has(n)) tp++;
    else {
      fp++;
      errors.push(`FP\t${n}\t${text}`);
    }
  }
  for (const n of gold) {
    if (!found.has(n)) {
      fn++;
      errors.push(`FN\t${n}\t${text}`);
    }
  }
}
const precision = tp / (tp + fp || 1);
const recall = tp / (tp + fn || 1);
const f1 = (2 * precision * recall) / (precision + recall || 1);
console.log(`CLUENER government (${records} records, ${tp + fn} spans): precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, F1 ${f1.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})`);
if (errorsFile) writeFileSync(errorsFile, `${errors.join('\n')}\n`);
