/**
 * A PDF's text layer through pdfjs-dist (Mozilla PDF.js, the legacy build that
 * runs in Node), one page at a time: each page's text runs are read, kept as
 * small records, and the page's resources are released before the next, so
 * memory grows with the text, not with the file's images and fonts. The layout
 * (lines, paragraphs, furniture) is pdf-layout.ts.
 *
 * The character maps and standard font data pdfjs needs come from the
 * installed package; nothing is fetched.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ocrPage, ocrVersion } from './ocr.js';
import { layoutText, type PageRuns, type PdfText, type TextRun } from './pdf-layout.js';

const require = createRequire(import.meta.url);
const PDFJS_ROOT = dirname(require.resolve('pdfjs-dist/package.json'));

export interface PdfRead extends PdfText {
  pageCount: number;
  /** pdfjs-dist's version. */
  version: string;
  /** Han characters among the letters and symbols read (not spaces, digits or punctuation of the CJK blocks). */
  hanShare: number;
  /** Characters read, before layout, and the Han characters among them. */
  characters: number;
  han: number;
  /** When the pages were read by OCR (the text layer was empty or not Chinese): the engine and how sure it was. */
  ocr: { engine: string; version: string; pages: number; confidence: number; textLayerHanShare: number } | null;
}

/** Below this share of Han characters among the letters and symbols read, a text layer is not Chinese text (fonts without a Unicode map). */
export const MIN_HAN_SHARE = 0.35;
/** Fewer Han characters than this in the whole text layer: a scan (a stamp or a page number may be text). */
export const MIN_HAN = 10;

/** Why a PDF could not be read at all, as one line. */
export class PdfError extends Error {
  constructor(
    readonly reason: 'encrypted' | 'corrupt' | 'no-pages',
    message: string,
  ) {
    super(message);
  }
}

type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfjsModule> | undefined;
function loadPdfjs(): Promise<PdfjsModule> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

export function pdfjsVersion(): string {
  return (require('pdfjs-dist/package.json') as { version: string }).version;
}

/** The runs of a text content item list (pdfjs TextItem), in user space. */
function runsOf(items: readonly unknown[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of items) {
    const it = item as { str?: string; transform?: number[]; width?: number };
    if (typeof it.str !== 'string' || !it.transform) continue;
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = it.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b);
    runs.push({ str: it.str, x: e, y: f, width: it.width ?? 0, size });
  }
  return runs;
}

const ASCII_SIGN = /[!-/:-@[-`{-~]/;
const NOT_COUNTED = /[()[\]{}\-_]/;

/**
 * Characters, Han characters, and letters and symbols (the Han ones, Latin
 * letters, signs and other punctuation outside the CJK punctuation blocks: what
 * a font without a Unicode map turns Chinese into), counted by code point with
 * fast paths for ASCII and the main CJK block.
 */
export function countCharacters(s: string): { characters: number; han: number; letters: number } {
  let characters = 0;
  let han = 0;
  let letters = 0;
  for (const ch of s) {
    characters++;
    const c = ch.codePointAt(0)!;
    if (c < 0x80) {
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (ASCII_SIGN.test(ch) && !NOT_COUNTED.test(ch))) letters++;
    } else if (c >= 0x4e00 && c <= 0x9fff) {
      han++;
      letters++;
    } else if ((c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) {
      // CJK punctuation and full-width forms: neither
    } else {
      if (/\p{Script=Han}/u.test(ch)) han++;
      if (/[\p{L}\p{S}\p{Po}]/u.test(ch)) letters++;
    }
  }
  return { characters, han, letters };
}

/** Reads the text layer of every page and lays it out. Throws PdfError for a file that cannot be read. */
export async function readPdf(bytes: Uint8Array, options: { onPage?: (page: number) => void; ocr?: boolean } = {}): Promise<PdfRead> {
  const { getDocument } = await loadPdfjs();
  const task = getDocument({
    // pdfjs takes ownership of (and may detach) the buffer it is given
    data: new Uint8Array(bytes),
    cMapUrl: pathToFileURL(join(PDFJS_ROOT, 'cmaps')).pathname + '/',
    cMapPacked: true,
    standardFontDataUrl: pathToFileURL(join(PDFJS_ROOT, 'standard_fonts')).pathname + '/',
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = (error as { name?: string }).name ?? '';
    const message = error instanceof Error ? error.message : String(error);
    if (name === 'PasswordException') throw new PdfError('encrypted', 'encrypted PDF: it needs a password; save an unprotected copy');
    throw new PdfError('corrupt', `corrupt PDF: ${message}`);
  }
  try {
    if (doc.numPages === 0) throw new PdfError('no-pages', 'PDF with zero pages');
    const pages: PageRuns[] = [];
    let han = 0;
    let letters = 0;
    let characters = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , width = 0, height = 0] = page.view;
      const content = await page.getTextContent();
      const runs = runsOf(content.items);
      for (const r of runs) {
        const counted = countCharacters(r.str);
        characters += counted.characters;
        han += counted.han;
        letters += counted.letters;
      }
      pages.push({ number: n, width, height, runs });
      page.cleanup();
      options.onPage?.(n);
    }
    const hanShare = letters === 0 ? 0 : han / letters;
    if (options.ocr && (han < MIN_HAN || hanShare < MIN_HAN_SHARE)) {
      // a scan, or fonts without a Unicode map: the rendered pages read by OCR, page by page
      const confidence: number[] = [];
      let ocrHan = 0;
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const read = await ocrPage(page as never);
        pages[n - 1] = { ...pages[n - 1]!, runs: read.runs };
        confidence.push(...read.confidence);
        for (const r of read.runs) ocrHan += countCharacters(r.str).han;
        page.cleanup();
        options.onPage?.(n);
      }
      const mean = confidence.length === 0 ? 0 : confidence.reduce((a, b) => a + b, 0) / confidence.length;
      return {
        ...layoutText(pages), pageCount: doc.numPages, version: pdfjsVersion(), hanShare: 1, characters, han: ocrHan,
        ocr: { engine: '@gutenye/ocr-node (PaddleOCR)', version: ocrVersion(), pages: doc.numPages, confidence: Math.round(mean * 1000) / 1000, textLayerHanShare: Math.round(hanShare * 1000) / 1000 },
      };
    }
    return { ...layoutText(pages), pageCount: doc.numPages, version: pdfjsVersion(), hanShare, characters, han, ocr: null };
  } finally {
    await doc.destroy();
  }
}
