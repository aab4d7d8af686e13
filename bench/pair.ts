/**
 * One thread of gongwen's own work, for the benchmark's parallel ceiling:
 * processDocument over the real documents, a fixed number of rounds, after
 * a warm-up. The benchmark runs it alone and two at once in fresh processes,
 * with V8's defaults and single-threaded. Prints its time in ms.
 */
import { performance } from 'node:perf_hooks';
import { processDocument } from '../pipeline/pipeline.js';
import { realDocuments } from './documents.js';

const rounds = Number(process.argv[2] ?? 6);
const documents = realDocuments();
for (const d of documents) processDocument({ bytes: d.bytes, file: d.name });
const started = performance.now();
for (let round = 0; round < rounds; round++) for (const d of documents) processDocument({ bytes: d.bytes, file: d.name });
process.stdout.write(`${Math.round(performance.now() - started)}\n`);
