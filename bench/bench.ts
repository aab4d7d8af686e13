/**
 * npm run bench — ratios measured in one run, on a corpus built from the
 * real documents in the repo (the sample, repeated to --mb megabytes of text,
 * default 2). Prints end-to-end throughput of processDocument on one thread
 * against nodejieba.cut alone on the same text (the floor), and the share of
 * time per stage. Compare ratios, not absolute times: machines are noisy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadJieba } from '../pipeline/lib/jieba.js';
import { projectRoot } from '../pipeline/lib/project.js';
import { processDocument } from '../pipeline/pipeline.js';
import { clean } from '../pipeline/stages/clean.js';
import { convert } from '../pipeline/stages/convert.js';
import { decode } from '../pipeline/stages/decode.js';
import { extract } from '../pipeline/stages/extract.js';
import { segment } from '../pipeline/stages/segment.js';

const mbArg = process.argv.indexOf('--mb');
const megabytes = mbArg > 0 ? Number(process.argv[mbArg + 1]) : 2;
const sample = readFileSync(join(projectRoot(), 'input', 'chengdu-future-industries-2024.txt'), 'utf8');

// one document per copy, so the corpus is many documents of real size
const copies = Math.max(1, Math.round((megabytes * 1024 * 1024) / Buffer.byteLength(sample)));
const docs = Array.from({ length: copies }, () => Buffer.from(sample));
const chars = sample.length * copies;

const time = (fn: () => void): number => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

const jieba = loadJieba();
// warm up both paths once
processDocument({ bytes: docs[0]!, file: 'warm.txt' });
jieba.cut(sample);

const cleanedHans = convert({ text: clean({ text: sample, format: 'text' }).text, variant: 't' }).hans;
const cutMs = time(() => {
  for (let i = 0; i < copies; i++) jieba.cut(cleanedHans);
});
const e2eMs = time(() => {
  for (const bytes of docs) {
    const r = processDocument({ bytes, file: 'bench.txt' });
    if (!r.ok) throw new Error('bench document failed');
  }
});

// stage shares on one document, repeated
const stages = { decode: 0, clean: 0, convert: 0, segment: 0, extract: 0 };
const reps = Math.min(copies, 20);
for (let i = 0; i < reps; i++) {
  let decoded!: ReturnType<typeof decode>;
  let cleaned!: ReturnType<typeof clean>;
  let converted!: ReturnType<typeof convert>;
  let seg!: ReturnType<typeof segment>;
  stages.decode += time(() => (decoded = decode({ bytes: docs[0]! })));
  stages.clean += time(() => (cleaned = clean({ text: decoded.text, format: 'text' })));
  stages.convert += time(() => (converted = convert({ text: cleaned.text, variant: 't' })));
  stages.segment += time(() => (seg = segment(converted.hans)));
  stages.extract += time(() => extract(converted.hans, seg));
}
const stageTotal = Object.values(stages).reduce((a, b) => a + b, 0);

const rate = (ms: number) => Math.round(chars / (ms / 1000));
console.log(`corpus: ${copies} documents, ${(chars / 1e6).toFixed(2)} M characters`);
console.log(`nodejieba.cut alone:      ${rate(cutMs).toLocaleString('en')} chars/s`);
console.log(`end-to-end, 1 thread:     ${rate(e2eMs).toLocaleString('en')} chars/s`);
console.log(`ratio end-to-end / cut:   ${(cutMs / e2eMs).toFixed(2)}  (target ≥ 0.40)`);
console.log('stage shares (before emit/validate):');
for (const [name, ms] of Object.entries(stages)) console.log(`  ${name.padEnd(8)} ${((100 * ms) / stageTotal).toFixed(1)} %`);
