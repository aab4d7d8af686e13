/**
 * The pipeline: decode → clean → convert → segment → extract → emit, in this
 * one place. `processDocument` is the library entry point; the CLI is a thin
 * layer over it. A problem in a file stops that file (ok: false, with an
 * error diagnostic), never the caller's batch.
 */
import { createHash } from 'node:crypto';
import { lettersAndHan } from './lib/cjk.js';
import { diagnostic, type Diagnostic } from './lib/diagnostics.js';
import type { Variant } from './lib/opencc.js';
import { DEFAULT_MAX_BYTES, toolVersion } from './lib/tool.js';
import type { GongwenDocument } from './schema-types.js';
import { clean, type CleanOptions, type InputFormat } from './stages/clean.js';
import { convert } from './stages/convert.js';
import { decode } from './stages/decode.js';
import { fileText, type FileText } from './stages/file-text.js';
import { extract } from './stages/extract.js';
import { segment } from './stages/segment.js';
import { toJson } from './stages/to-json.js';
import { toMarkdown, type OutputScript } from './stages/to-markdown.js';
import { validateDocument } from './validate.js';

export interface ProcessInput {
  bytes: Uint8Array;
  /** Path as the user gave it (recorded in source.file), or "-" for stdin. */
  file: string;
  /** Parse as this format instead of deciding from the extension and content. */
  format?: InputFormat;
  /** The text of a PDF, Word or Excel file, read by fileText (processFile does both). */
  fileText?: FileText;
}

export interface ProcessOptions {
  /** Traditional standard for zh-Hant (default t). */
  variant?: Variant;
  /** Refuse inputs larger than this many bytes (default 32 MiB): a policy document is far smaller. */
  maxBytes?: number;
  /** Force the input encoding (skips detection). */
  encoding?: string;
  clean?: CleanOptions;
  /** OCR a scanned PDF or one whose fonts have no Unicode map (processFile; default true, --no-ocr turns it off). */
  ocr?: boolean;
}

export interface ProcessResult {
  ok: boolean;
  file: string;
  /** The record, valid against schemas/document.schema.json; null when the file failed. */
  document: GongwenDocument | null;
  /** Diagnostics (also inside document.diagnostics when there is a document). */
  diagnostics: GongwenDocument['diagnostics'];
  /** Milliseconds spent in each stage. */
  timings: Partial<Record<Stage, number>>;
}

export { DEFAULT_MAX_BYTES, toolVersion };

export type Stage = 'read' | 'decode' | 'clean' | 'convert' | 'segment' | 'extract' | 'emit';

/** Below this many Han characters, or this share of letters, a text is not a Chinese document. */
const MIN_HAN = 10;
const MIN_HAN_SHARE = 0.2;


export function detectFormat(file: string, text: string): InputFormat {
  const lower = file.toLowerCase();
  if (/\.(md|markdown)$/.test(lower)) return 'markdown';
  if (/\.(?:s?html?|xhtml|jhtml|aspx?|jsp|php)$/.test(lower)) return 'html';
  const head = text.slice(0, 2000).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || (head.match(/<(p|div|table|td|br)\b/g)?.length ?? 0) >= 5) return 'html';
  return 'text';
}

export function processDocument(input: ProcessInput, options: ProcessOptions = {}): ProcessResult {
  const variant = options.variant ?? 't';
  const timings: ProcessResult['timings'] = {};
  const timed = <T>(stage: Stage, run: () => T): T => {
    const start = performance.now();
    const out = run();
    timings[stage] = performance.now() - start;
    return out;
  };
  const failed = (diagnostics: Diagnostic[]): ProcessResult => ({
    ok: false,
    file: input.file,
    document: null,
    diagnostics: diagnostics.map((d) => ({ severity: d.severity, code: d.code, message: d.message, span: null, ...(d.place?.space === 'bytes' ? { byteSpan: { start: d.place.start, end: d.place.end } } : {}) })),
    timings,
  });
  try {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (input.bytes.length > maxBytes) {
      return failed([diagnostic('decode:too-large', `Unexpected input of ${megabytes(input.bytes.length)}, above the limit of ${megabytes(maxBytes)} (raise it with --max-size)`)]);
    }
    const decoded = timed('decode', () => decode({ bytes: input.bytes, encoding: options.encoding, file: input.fileText }));
    if (!decoded.ok) return failed(decoded.diagnostics);
    const format = input.fileText?.parse ?? input.format ?? detectFormat(input.file, decoded.text);
    const cleaned = timed('clean', () => clean({ text: decoded.text, format, options: options.clean, furniture: input.fileText?.furniture }));
    const notChinese = chineseCheck(cleaned.text);
    if (notChinese) return failed([...decoded.diagnostics, ...cleaned.diagnostics, notChinese]);
    const converted = timed('convert', () => convert({ text: cleaned.text, variant }));
    const segmented = timed('segment', () => {
      const markdownHeadings = new Map(cleaned.markdownHeadings.map((h) => [converted.cleanToHans.forwardSpan(h.start, h.start).start, h.depth] as const));
      return segment(converted.hans, { markdownHeadings });
    });
    const extracted = timed('extract', () => extract(converted.hans, segmented));
    const diagnostics = [...decoded.diagnostics, ...cleaned.diagnostics, ...converted.diagnostics, ...segmented.diagnostics];
    return timed('emit', () => {
      const document = toJson({
        file: input.file,
        bytes: input.bytes,
        sha256: createHash('sha256').update(input.bytes).digest('hex'),
        format,
        fileText: input.fileText ?? null,
        variant,
        version: toolVersion(),
        decoded,
        cleaned,
        converted,
        segmented,
        extracted,
        diagnostics,
      });
      const check = validateDocument(document);
      if (!check.valid) {
        return failed([...diagnostics, diagnostic('emit:invalid-output', `Unexpected output that does not match the schema: ${check.errors.slice(0, 5).join('; ')}`)]);
      }
      return { ok: true, file: input.file, document, diagnostics: document.diagnostics, timings };
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return failed([diagnostic('pipeline:failed', `Unexpected failure: ${message}`)]);
  }
}

/**
 * Any input, files included: a PDF, DOCX, DOC, WPS or XLSX (sniffed from the
 * bytes) is read by its extractor first (asynchronous: pdfjs-dist is), then
 * processed as processDocument processes text; other bytes go to
 * processDocument as they are. Never throws for a bad file.
 */
export async function processFile(input: ProcessInput, options: ProcessOptions = {}): Promise<ProcessResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (input.fileText || input.bytes.length > maxBytes) return processDocument(input, options);
  const start = performance.now();
  let text: FileText | null;
  try {
    text = await fileText(input, { ocr: options.ocr ?? true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, file: input.file, document: null, diagnostics: [{ severity: 'error', code: 'pipeline:failed', message: `Unexpected failure reading the file: ${message}`, span: null }], timings: {} };
  }
  const read = performance.now() - start;
  const result = processDocument(text ? { ...input, fileText: text } : input, options);
  if (text) result.timings.read = read;
  return result;
}

/** An error when the text is not a Chinese document (English, numbers, an empty page). */
function chineseCheck(text: string): Diagnostic | null {
  // counted, not matched: a 20 MB text would otherwise make an array of millions of one-character strings
  const { letters, han } = lettersAndHan(text);
  if (han >= MIN_HAN && han >= MIN_HAN_SHARE * letters) return null;
  return diagnostic('decode:not-chinese', `Unexpected text with ${han} Chinese characters among ${letters} letters: not a Chinese document`);
}

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
