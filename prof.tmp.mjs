import { readFileSync, readdirSync } from 'node:fs';
import { processDocument } from './dist/pipeline/pipeline.js';
const docs = [readFileSync('input/chengdu-future-industries-2024.txt')];
for (const d of ['govcn', 'lawrefbook']) for (const f of readdirSync('/work/shared/corpus/' + d)) if (/\.(html|md)$/.test(f)) docs.push(readFileSync('/work/shared/corpus/' + d + '/' + f));
for (const b of docs) processDocument({ bytes: b, file: 'x' });
const t = performance.now();
for (let r = 0; r < 5; r++) for (const [i, b] of docs.entries()) processDocument({ bytes: b, file: i === 0 ? 'x.txt' : i < 12 ? 'x.html' : 'x.md' });
console.log('ms', performance.now() - t);
