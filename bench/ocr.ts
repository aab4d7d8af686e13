/**
 * OCR accuracy and speed (`node dist/bench/ocr.js [pages per file]`): the
 * text-layer PDFs of ../shared/corpus/files, their first pages (default 1)
 * rendered and read by OCR, compared with what their text layer says on the
 * same pages. Characters compared: Han, letters and digits (punctuation and
 * spacing aside, full-width folded), in reading order; accuracy is
 * 1 − edit distance / characters of the text layer. OCR also reads what the
 * text layer lacks (a red header drawn as graphics, a seal's text), which the
 * edit distance counts as errors: so a second figure counts only the text
 * layer's characters OCR missed or misread (insertions free). Prints both per
 * file and over all, and the seconds per page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ocrPage } from '../pipeline/lib/files/ocr.js';
import { pageLines, type TextRun } from '../pipeline/lib/files/pdf-layout.js';
import { projectRoot } from '../pipeline/lib/project.js';

const require = createRequire(import.meta.url);
const PDFJS = dirname(require.resolve('pdfjs-dist/package.json'));

/** What is compared: Han, letters and digits, full-width folded. */
export function comparable(text: string): string[] {
  return [...text.normalize('NFKC')].filter((c) => /[\p{Script=Han}A-Za-z0-9]/u.test(c));
}

/** Levenshtein distance from a to b, two rows: O(n·m) time, O(m) memory; `insertion` is the cost of a character of b not in a. */
export function editDistance(a: readonly string[], b: readonly string[], insertion = 1): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j * insertion);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + insertion, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

const linesText = (runs: TextRun[]) => pageLines(runs).map((l) => l.text).join('\n');

async function main(): Promise<void> {
  const perFile = Number(process.argv[2] ?? 1);
  const dir = join(projectRoot(), '..', 'shared', 'corpus', 'files');
  if (!existsSync(join(dir, 'labels.json'))) throw new Error('../shared/corpus/files not found');
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as { file: string; text_layer: string }[];
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let errors = 0;
  let missed = 0;
  let total = 0;
  let pages = 0;
  let ms = 0;
  for (const l of labels.filter((x) => x.text_layer === 'ok')) {
    const doc = await getDocument({ data: new Uint8Array(readFileSync(join(dir, l.file))), cMapUrl: join(PDFJS, 'cmaps') + '/', cMapPacked: true, standardFontDataUrl: join(PDFJS, 'standard_fonts') + '/', isEvalSupported: false, verbosity: 0 }).promise;
    let fileErrors = 0;
    let fileMissed = 0;
    let fileTotal = 0;
    for (let n = 1; n <= Math.min(perFile, doc.numPages); n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const truth = comparable(linesText(content.items.flatMap((it) => ('str' in it ? [{ str: it.str, x: it.transform[4]!, y: it.transform[5]!, width: it.width, size: Math.hypot(it.transform[2]!, it.transform[3]!) }] : []))));
      const t = performance.now();
      const read = await ocrPage(page as never);
      ms += performance.now() - t;
      pages++;
      const ocr = comparable(linesText(read.runs));
      fileErrors += editDistance(truth, ocr);
      fileMissed += editDistance(truth, ocr, 0);
      fileTotal += truth.length;
      page.cleanup();
    }
    await doc.destroy();
    errors += fileErrors;
    missed += fileMissed;
    total += fileTotal;
    console.log(`${l.file}: ${fileTotal} characters, accuracy ${(100 * (1 - fileErrors / fileTotal)).toFixed(1)} %, text layer read ${(100 * (1 - fileMissed / fileTotal)).toFixed(1)} %`);
  }
  console.log(`OCR over ${pages} pages: character accuracy ${(100 * (1 - errors / total)).toFixed(1)} % (${errors} edits in ${total} characters); the text layer's characters read right ${(100 * (1 - missed / total)).toFixed(1)} % (OCR's extra text free); ${(ms / pages / 1000).toFixed(1)} s per page (render and OCR)`);
}

await main();
