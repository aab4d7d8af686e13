/**
 * The PDF figures of `npm run bench`: pages per second of gongwen on the
 * text-layer PDFs of ../shared/corpus/files — reading the text layer and
 * laying it out (readPdf), and the whole pipeline (processFile) — against
 * pdfjs-dist's own getTextContent on the same pages with the same options
 * (the floor: what any pdfjs-based reader pays); and peak memory of a batch
 * run, in a fresh process, on the largest of those PDFs and on a 500-page
 * PDF built here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readPdf } from '../pipeline/lib/files/pdf.js';
import { projectRoot } from '../pipeline/lib/project.js';
import { processFile } from '../pipeline/pipeline.js';
import { textPdf } from './pdf-build.js';

const require = createRequire(import.meta.url);
const PDFJS = dirname(require.resolve('pdfjs-dist/package.json'));

/** pdfjs-dist alone: every page's getTextContent, nothing else. Returns the pages read. */
async function pdfjsFloor(bytes: Uint8Array): Promise<number> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(bytes), cMapUrl: join(PDFJS, 'cmaps') + '/', cMapPacked: true, standardFontDataUrl: join(PDFJS, 'standard_fonts') + '/', isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await page.getTextContent();
    page.cleanup();
  }
  const pages = doc.numPages;
  await doc.destroy();
  return pages;
}

export async function pdfBench(work: string, mb: (n: number) => string): Promise<void> {
  const dir = join(projectRoot(), '..', 'shared', 'corpus', 'files');
  if (!existsSync(join(dir, 'labels.json'))) {
    console.log('PDF: ../shared/corpus/files not found, skipped');
    return;
  }
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as { file: string; text_layer: string; pages: number | null }[];
  const files = labels.filter((l) => l.text_layer === 'ok').map((l) => ({ name: l.file, bytes: readFileSync(join(dir, l.file)), pages: l.pages ?? 0 }));
  const pages = files.reduce((n, f) => n + f.pages, 0);
  // warm-up: pdfjs's modules, and the pipeline's dictionaries
  for (const f of files) await processFile({ bytes: f.bytes, file: f.name });
  const best = { floor: Infinity, read: Infinity, pipeline: Infinity };
  // in turn, three rounds, the best of each: the machine's drift hits all alike
  for (let round = 0; round < 3; round++) {
    let t = performance.now();
    for (const f of files) await pdfjsFloor(f.bytes);
    best.floor = Math.min(best.floor, performance.now() - t);
    t = performance.now();
    for (const f of files) await readPdf(f.bytes);
    best.read = Math.min(best.read, performance.now() - t);
    t = performance.now();
    for (const f of files) {
      const r = await processFile({ bytes: f.bytes, file: f.name });
      if (!r.ok) throw new Error(`bench PDF ${f.name} failed`);
    }
    best.pipeline = Math.min(best.pipeline, performance.now() - t);
  }
  const rate = (ms: number) => (pages / (ms / 1000)).toFixed(1);
  console.log(`PDF: ${files.length} text-layer files, ${pages} pages (best of 3 rounds)`);
  console.log(`  pdfjs getTextContent alone: ${rate(best.floor)} pages/s (the floor)`);
  console.log(`  readPdf (text + layout):    ${rate(best.read)} pages/s  (${(best.floor / best.read).toFixed(2)} of the floor's speed)`);
  console.log(`  processFile (whole pipeline): ${rate(best.pipeline)} pages/s  (${(best.floor / best.pipeline).toFixed(2)} of the floor's speed)`);

  const memory = join(projectRoot(), 'dist', 'bench', 'memory.js');
  const peak = (path: string) => Number(execFileSync(process.execPath, [memory, path], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim());
  const largest = files.reduce((a, b) => (b.pages > a.pages ? b : a));
  console.log(`  peak memory, ${largest.name} (${largest.pages} pages, ${mb(largest.bytes.length)}): ${mb(peak(join(dir, largest.name)))}`);
  // 500 pages of 公文 lines, a running head and a page number on each
  const line = '为进一步促进房地产市场健康发展，贯彻落实好住房限购政策，经市政府同意。';
  const big = textPdf(
    Array.from({ length: 500 }, (_, p) => [
      [80, 790, 12, '某某市人民政府规章'] as [number, number, number, string],
      ...Array.from({ length: 24 }, (_, i) => [i % 6 === 0 ? 112 : 80, 740 - i * 28, 16, line] as [number, number, number, string]),
      [280, 40, 12, `— ${p + 1} —`] as [number, number, number, string],
    ]),
  );
  const path = join(work, 'five-hundred-pages.pdf');
  writeFileSync(path, big);
  console.log(`  peak memory, a 500-page PDF (${mb(big.length)}): ${mb(peak(path))}  (target ≤ 1024 MB)`);
}
