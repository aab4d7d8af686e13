/**
 * OCR of a PDF's pages, for scans and for text layers in fonts without a
 * Unicode map: each page rendered by pdfjs-dist on an @napi-rs/canvas (A4 at
 * 150 dpi: the longer side at most 1754 pixels), read by PaddleOCR's Chinese
 * detection and recognition models through ONNX Runtime (@gutenye/ocr-node;
 * the models come in the npm package, nothing is fetched). Each recognised
 * line becomes a text run at its box, in PDF points, so the layout of
 * pdf-layout.ts (paragraphs, page furniture) reads OCR output as it reads a
 * text layer. The engine is loaded once per thread.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextRun } from './pdf-layout.js';

interface OcrLine {
  text: string;
  mean: number;
  box?: number[][];
}
interface OcrEngine {
  detect(path: string): Promise<OcrLine[]>;
}
interface PdfPage {
  view: number[];
  getViewport(options: { scale: number }): { width: number; height: number };
  render(options: { canvasContext: unknown; viewport: unknown }): { promise: Promise<void> };
}

let engine: Promise<OcrEngine> | undefined;
function loadEngine(): Promise<OcrEngine> {
  engine ??= (async () => {
    const { default: Ocr } = (await import('@gutenye/ocr-node')) as unknown as { default: { create(): Promise<OcrEngine> } };
    return Ocr.create();
  })();
  return engine;
}

export function ocrVersion(): string {
  // the package exports no package.json: found from its entry point
  let dir = dirname(fileURLToPath(import.meta.resolve('@gutenye/ocr-node')));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The longer side of a rendered page, in pixels (A4 at 150 dpi). */
const MAX_SIDE = 1754;

/** One page read by OCR: its lines as text runs (PDF user space, y up) and their mean confidence. */
export async function ocrPage(page: PdfPage): Promise<{ runs: TextRun[]; confidence: number[] }> {
  const { createCanvas } = (await import('@napi-rs/canvas')) as unknown as { createCanvas(w: number, h: number): { width: number; height: number; getContext(kind: '2d'): { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void }; toBuffer(mime: 'image/png'): Buffer } };
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
  const width = x1 - x0;
  const height = y1 - y0;
  const scale = Math.min(150 / 72, MAX_SIDE / Math.max(width, height));
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  context.fillStyle = 'white';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvasContext: context, viewport }).promise;
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-ocr-'));
  try {
    const path = join(dir, 'page.png');
    writeFileSync(path, canvas.toBuffer('image/png'));
    const lines = await (await loadEngine()).detect(path);
    const runs: TextRun[] = [];
    const confidence: number[] = [];
    for (const line of lines) {
      const box = line.box;
      if (!box || box.length < 4 || line.text.trim() === '') continue;
      const xs = box.map((p) => p[0]!);
      const ys = box.map((p) => p[1]!);
      const left = Math.min(...xs) / scale;
      const right = Math.max(...xs) / scale;
      const top = Math.min(...ys) / scale;
      const bottom = Math.max(...ys) / scale;
      // the box holds the glyphs: its height is about the font size, its bottom a little below the baseline
      const size = (bottom - top) * 0.9;
      runs.push({ str: line.text, x: left, y: height - bottom + 0.12 * size, width: right - left, size });
      confidence.push(line.mean);
    }
    return { runs, confidence };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
