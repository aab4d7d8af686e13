/**
 * file-text: the text inside a file that is not text — PDF, DOCX, DOC, WPS,
 * XLSX — read by its extractor before the pipeline runs. Asynchronous, as
 * pdfjs-dist is, so it stands before processDocument (which stays
 * synchronous for text, Markdown and HTML): processFile in pipeline.ts and
 * the batch's jobs call it, then hand its result to processDocument, whose
 * decode stage takes the extracted text as the raw text of the edit log.
 *
 * The kind is sniffed from the bytes (sniff.ts); the extension only names a
 * Word binary file WPS rather than DOC. A file that cannot be read gives one
 * error diagnostic saying why and what to do.
 */
import { extname } from 'node:path';
import { diagnostic, type Diagnostic } from '../lib/diagnostics.js';
import { MIN_HAN, MIN_HAN_SHARE, PdfError, readPdf } from '../lib/files/pdf.js';
import type { LayoutBlock } from '../lib/files/pdf-layout.js';
import { sniffFile } from '../lib/files/sniff.js';
import { readDocx, readOle } from '../lib/files/word.js';
import { readXlsx } from '../lib/files/xlsx.js';
import type { InputFormat } from './clean.js';

export type FileFormat = 'pdf' | 'docx' | 'doc' | 'wps' | 'xlsx';

export interface FileText {
  ok: boolean;
  format: FileFormat;
  /** How the clean stage parses the text: HTML for Word and Excel (their tables become rows), text for PDF. */
  parse: InputFormat;
  /** What the extractor read: the raw text of the edit log. */
  text: string;
  extractor: { name: string; version: string };
  /** Spans of `text` that are page furniture (page numbers, running heads), removed by the cleaner as edits. */
  furniture: { start: number; end: number; replacement: string }[];
  /** PDF only: the pages and where each paragraph (or its part on a page) stands. */
  layout: { pages: { number: number; width: number; height: number }[]; blocks: LayoutBlock[] } | null;
  /** PDF only: when its pages were read by OCR, the engine, its version, the pages and the mean confidence. */
  ocr: { engine: string; version: string; pages: number; confidence: number } | null;
  diagnostics: Diagnostic[];
}

export interface FileTextOptions {
  /** OCR a scanned PDF or one whose fonts have no Unicode map (default true; --no-ocr). */
  ocr?: boolean;
}


/** The file's text, or null when the bytes are not a file format (text, Markdown, HTML: processDocument reads them). */
export async function fileText(input: { bytes: Uint8Array; file: string }, options: FileTextOptions = {}): Promise<FileText | null> {
  const kind = sniffFile(input.bytes);
  if (kind === null) return null;
  const failed = (format: FileFormat, name: string, d: Diagnostic): FileText => ({
    ok: false, format, parse: 'text', text: '', extractor: { name, version: '' }, furniture: [], layout: null, ocr: null, diagnostics: [d],
  });
  switch (kind) {
    case 'pdf':
      return pdfText(input.bytes, options.ocr ?? true);
    case 'docx':
      try {
        const read = await readDocx(input.bytes);
        return {
          ok: true, format: 'docx', parse: 'html', text: read.html, extractor: { name: 'mammoth', version: read.version }, furniture: [], layout: null, ocr: null,
          diagnostics: read.messages.map((m) => diagnostic('decode:extractor-message', `mammoth: ${m}`)),
        };
      } catch (error) {
        return failed('docx', 'mammoth', diagnostic('decode:corrupt', `corrupt DOCX: ${message(error)}; open and save it again in Word or WPS`));
      }
    case 'xlsx':
      try {
        const read = await readXlsx(input.bytes);
        return { ok: true, format: 'xlsx', parse: 'html', text: read.html, extractor: { name: 'exceljs', version: read.version }, furniture: [], layout: null, ocr: null, diagnostics: [] };
      } catch (error) {
        return failed('xlsx', 'exceljs', diagnostic('decode:corrupt', `corrupt XLSX: ${message(error)}`));
      }
    case 'ole': {
      const format: FileFormat = extname(input.file).toLowerCase() === '.wps' ? 'wps' : 'doc';
      try {
        const read = await readOle(input.bytes);
        return { ok: true, format, parse: 'html', text: read.html, extractor: { name: 'word-extractor', version: read.version }, furniture: [], layout: null, ocr: null, diagnostics: [] };
      } catch (error) {
        return failed(format, 'word-extractor', diagnostic('decode:unsupported', `OLE file that is not a readable Word document (${message(error)}); save it as DOCX`));
      }
    }
    case 'rtf':
      return failed('doc', 'none', diagnostic('decode:unsupported', 'RTF document: not read; save it as DOCX'));
    case 'zip':
      return failed('docx', 'none', diagnostic('decode:unsupported', 'zip archive that is neither DOCX nor XLSX: unpack it and give its files'));
  }
}

async function pdfText(bytes: Uint8Array, ocr: boolean): Promise<FileText> {
  const base = { format: 'pdf' as const, parse: 'text' as const, extractor: { name: 'pdfjs-dist', version: '' } };
  try {
    const read = await readPdf(bytes, { ocr });
    const extractor = { name: 'pdfjs-dist', version: read.version };
    const fail = (d: Diagnostic): FileText => ({ ...base, extractor, ok: false, text: '', furniture: [], layout: null, ocr: null, diagnostics: [d] });
    const notes: Diagnostic[] = [];
    if (read.ocr) {
      const why = read.ocr.textLayerHanShare === 0 && read.han >= MIN_HAN ? 'no text layer' : `a text layer ${Math.round(read.ocr.textLayerHanShare * 100)} % Chinese`;
      if (read.han < MIN_HAN) return fail(diagnostic('decode:scanned', `scanned PDF: OCR found no Chinese text on its ${read.pageCount} page${read.pageCount > 1 ? 's' : ''}`));
      notes.push(diagnostic('decode:ocr', `text read by OCR (${read.ocr.engine} ${read.ocr.version}) from ${read.ocr.pages} rendered page${read.ocr.pages > 1 ? 's' : ''} (${why}), mean confidence ${read.ocr.confidence}: check names and numbers against the page`));
    }
    if (read.han < MIN_HAN) {
      return fail(diagnostic('decode:scanned', `scanned PDF, no text layer (${read.pageCount} page${read.pageCount > 1 ? 's' : ''} of images): run without --no-ocr, or OCR it first (ocrmypdf, a scanner's searchable PDF)`));
    }
    if (read.hanShare < MIN_HAN_SHARE) {
      return fail(diagnostic('decode:unmapped-font', `PDF text layer without a Unicode map: ${Math.round(read.hanShare * 100)} % of the characters read are Chinese; run without --no-ocr, or use the publisher's Word or HTML version`));
    }
    return {
      ...base,
      extractor,
      ok: true,
      text: read.text,
      furniture: read.furniture.map((f) => ({ start: f.start, end: f.end, replacement: f.replacement })),
      layout: { pages: read.pages, blocks: read.blocks },
      ocr: read.ocr ? { engine: read.ocr.engine, version: read.ocr.version, pages: read.ocr.pages, confidence: read.ocr.confidence } : null,
      diagnostics: notes,
    };
  } catch (error) {
    if (error instanceof PdfError) {
      const code = error.reason === 'encrypted' ? 'decode:encrypted' : error.reason === 'no-pages' ? 'decode:no-pages' : 'decode:corrupt';
      return { ...base, ok: false, text: '', furniture: [], layout: null, ocr: null, diagnostics: [diagnostic(code, error.message)] };
    }
    throw error;
  }
}

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
}
