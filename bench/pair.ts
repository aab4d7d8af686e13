/**
 * One thread of gongwen's own work, for the benchmark's parallel ceiling:
 * processDocument over the real documents, `warm` rounds untimed (so V8 has
 * compiled what it will compile), then `rounds` rounds timed. The benchmark
 * runs it alone and two at once in fresh processes. Prints its time in ms.
 */
import { performance } from 'node:perf_hooks';
import { processDocument } from '../pipeline/pipeline.js';
import { realDocuments } from './documents.js';

const warm = Number(process.argv[2] ?? 8);
const rounds = Number(process.argv[3] ?? 12);
const documents = realDocuments();
for (let round = 0; round < warm; round++) for (const d of documents) processDocument({ bytes: d.bytes, file: d.name });
const started = performance.now();
for (let round = 0; round < rounds; round++) for (const d of documents) processDocument({ bytes: d.bytes, file: d.name });
process.stdout.write(`${Math.round(performance.now() - started)}\n`);
