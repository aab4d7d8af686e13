/**
 * The pipeline: decode → clean → convert → segment → extract → emit, in this
 * one place. `processDocument` is the library entry point; the CLI is a thin
 * layer over it. A problem in a file stops that file (ok: false, with an
 * error diagnostic), never the caller's batch.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnostic, type Diagnostic } from './lib/diagnostics.js';
import type { Variant } from './lib/opencc.js';
import { projectRoot } from './lib/project.js';
import type { GongwenDocument } from './schema-types.js';
import { clean, type CleanOptions, type InputFormat } from './stages/clean.js';
import { convert } from './stages/convert.js';
import { decode } from './stages/decode.js';
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
}

export interface ProcessOptions {
  /** Traditional standard for zh-Hant (default t). */
  variant?: Variant;
  /** Force the input encoding (skips detection). */
  encoding?: string;
  clean?: CleanOptions;
}

export interface ProcessResult {
  ok: boolean;
  file: string;
  /** The record, valid against schemas/document.schema.json; null when the file failed. */
  document: GongwenDocument | null;
  /** Diagnostics (also inside document.diagnostics when there is a document). */
  diagnostics: GongwenDocument['diagnostics'];
}

let version: string | undefined;
export function toolVersion(): string {
  version ??= (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}

export function detectFormat(file: string, text: string): InputFormat {
  const lower = file.toLowerCase();
  if (/\.(md|markdown)$/.test(lower)) return 'markdown';
  if (/\.(html?|xhtml)$/.test(lower)) return 'html';
  const head = text.slice(0, 2000).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || (head.match(/<(p|div|table|td|br)\b/g)?.length ?? 0) >= 5) return 'html';
  return 'text';
}

export function processDocument(input: ProcessInput, options: ProcessOptions = {}): ProcessResult {
  const variant = options.variant ?? 't';
  const failed = (diagnostics: Diagnostic[]): ProcessResult => ({
    ok: false,
    file: input.file,
    document: null,
    diagnostics: diagnostics.map((d) => ({ severity: d.severity, code: d.code, message: d.message, span: null, ...(d.place?.space === 'bytes' ? { byteSpan: { start: d.place.start, end: d.place.end } } : {}) })),
  });
  try {
    const decoded = decode({ bytes: input.bytes, encoding: options.encoding });
    if (!decoded.ok) return failed(decoded.diagnostics);
    const format = input.format ?? detectFormat(input.file, decoded.text);
    const cleaned = clean({ text: decoded.text, format, options: options.clean });
    const converted = convert({ text: cleaned.text, variant });
    const markdownHeadings = new Map(cleaned.markdownHeadings.map((h) => [converted.cleanToHans.forwardSpan(h.start, h.start).start, h.depth] as const));
    const segmented = segment(converted.hans, { markdownHeadings });
    const extracted = extract(converted.hans, segmented);
    const diagnostics = [...decoded.diagnostics, ...cleaned.diagnostics, ...converted.diagnostics, ...segmented.diagnostics];
    const document = toJson({
      file: input.file,
      bytes: input.bytes,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      format,
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
    return { ok: true, file: input.file, document, diagnostics: document.diagnostics };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return failed([diagnostic('pipeline:failed', `Unexpected failure: ${message}`)]);
  }
}

export { toMarkdown, type OutputScript };
