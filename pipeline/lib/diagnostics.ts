/**
 * Diagnostics: problems carried with the document, never printed.
 *
 * Every code a stage can emit is listed once here (a catalogue, as zhlint
 * keeps its messages), with its severity, so tests and documentation import
 * the same list. Internally a diagnostic's place is in one of four spaces;
 * the JSON emitter translates each to the schema's span fields.
 */
export type Severity = 'error' | 'warning' | 'info';

/** Coordinate space of an internal span: raw bytes, decoded input, cleaned text (source script), or zh-Hans text. UTF-16 units except bytes. */
export type Space = 'bytes' | 'raw' | 'clean' | 'hans';

export interface Place {
  space: Space;
  start: number;
  end: number;
}

export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  place: Place | null;
}

export const catalogue = {
  'decode:invalid-bytes': { severity: 'warning', summary: 'Bytes that are not valid in the detected encoding; they were decoded as U+FFFD.' },
  'decode:uncertain-encoding': { severity: 'warning', summary: 'The encoding was guessed with low confidence.' },
  'decode:empty': { severity: 'error', summary: 'The input holds no text.' },
  'decode:too-large': { severity: 'error', summary: 'The input is larger than the size limit (--max-size); it was not read.' },
  'decode:not-chinese': { severity: 'error', summary: 'The text holds too few Chinese characters to be a Chinese document.' },
  'decode:binary': { severity: 'error', summary: 'The input looks like a binary file, not text (a PDF, Word or Excel file given to the synchronous processDocument: read it with processFile).' },
  'decode:encrypted': { severity: 'error', summary: 'The file is encrypted or password-protected.' },
  'decode:corrupt': { severity: 'error', summary: 'The file is damaged: its extractor could not read it (a broken PDF, a corrupt zip inside a .docx).' },
  'decode:no-pages': { severity: 'error', summary: 'The PDF has no pages.' },
  'decode:scanned': { severity: 'error', summary: 'A scanned PDF: no page has a text layer, and no OCR ran.' },
  'decode:unmapped-font': { severity: 'error', summary: 'The PDF’s text layer is not text: its fonts have no Unicode map, so the characters read are symbols.' },
  'decode:unsupported': { severity: 'error', summary: 'A file format gongwen does not read (RTF, a zip that is not DOCX or XLSX, an OLE file that is not a Word document).' },
  'decode:ocr': { severity: 'warning', summary: 'A PDF’s text was read by OCR from its rendered pages (a scan, or fonts without a Unicode map); the message gives the engine and its mean confidence.' },
  'decode:extractor-message': { severity: 'info', summary: 'What the file’s extractor said about something it could not convert (mammoth: an unknown style, an image).' },
  'clean:corrupted-bytes': { severity: 'warning', summary: 'A run of characters that looks like text decoded out of step (GBK bytes shifted by one); left as it is.' },
  'clean:corrupted-bytes-repaired': { severity: 'info', summary: 'A run of text decoded out of step was repaired by re-encoding and decoding it shifted.' },
  'clean:cut-refused': { severity: 'warning', summary: 'A rule that cuts the page around the document (wrapper, metadata table, site furniture) would have removed most of the text; the cut was not made.' },
  'clean:too-deep': { severity: 'warning', summary: 'A Markdown or HTML input nests deeper than gongwen reads (32 Markdown containers, 100 HTML elements that must be closed); it was read as plain text (Markdown with its syntax kept, HTML with its tags removed).' },
  'clean:impossible-date': { severity: 'warning', summary: "The publication date of a page's news wrapper (来源 … 2024-02-31) names a day no calendar has; publication.publishedAt is null." },
  'clean:no-document': { severity: 'warning', summary: 'No document body could be told apart from the page around it.' },
  'convert:mixed-script': { severity: 'info', summary: 'The text mixes Simplified and Traditional characters.' },
  'convert:ambiguous-character': { severity: 'info', summary: 'A Simplified character with several Traditional forms was converted by the dictionary’s first choice, with no phrase to decide (one diagnostic per character, at its first place).' },
  'segment:not-a-document': { severity: 'warning', summary: 'The text has none of the parts of an official document (文种 title, 发文字号, 主送机关, signature and date), or is an interpretation of one: a news story, a list or another page; document.kind is null and document.isDocument false.' },
  'segment:number-from-attachment': { severity: 'info', summary: 'The 发文字号 is not in the text or the metadata; it was read from the name of the file the page links the document as (宁房市字〔2017〕108号.pdf, or the number before the title).' },
  'segment:metadata-disagrees': { severity: 'warning', summary: "The page's metadata gives another 发文字号 or 成文日期 than the document's own text; the text's is kept." },
  'segment:no-title': { severity: 'warning', summary: 'No title line was found.' },
  'segment:impossible-date': { severity: 'warning', summary: 'A 成文日期 (in the text or the page\'s metadata) names a day no calendar has (2024年2月31日); the record\'s date is null.' },
  'segment:no-date': { severity: 'info', summary: 'No 成文日期 was found.' },
  'segment:no-issuer': { severity: 'info', summary: 'No issuing organ was found in the signature or the title.' },
  'segment:heading-sequence': { severity: 'warning', summary: 'A heading number does not follow the previous one at its level.' },
  'segment:orphan-heading': { severity: 'warning', summary: 'A heading appears below no heading of the level above it.' },
  'segment:table-of-contents': { severity: 'info', summary: 'A run of chapter headings without text was read as a table of contents.' },
  'segment:markdown-level': { severity: 'info', summary: 'A Markdown heading level disagrees with the numbering markers; the markers decide the tree.' },
  'segment:unplaced-heading': { severity: 'warning', summary: 'A Markdown heading without a numbering marker could not be placed in the tree; it is kept as a paragraph.' },
  'segment:damaged-note': { severity: 'warning', summary: 'A responsibility note lost its opening to corrupted bytes; it was read from 单位： on.' },
  'segment:empty-note': { severity: 'warning', summary: 'A responsibility note names no agency.' },
  'segment:unclosed-note': { severity: 'warning', summary: 'A responsibility note opens but does not close on its line.' },
  'extract:unknown-agency': { severity: 'info', summary: 'A name in a responsibility note does not look like an agency.' },
  'emit:invalid-output': { severity: 'error', summary: 'The emitted JSON does not validate against the schema.' },
  'pipeline:failed': { severity: 'error', summary: 'A stage threw; the file could not be processed.' },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type DiagnosticCode = keyof typeof catalogue;

export function diagnostic(code: DiagnosticCode, message: string, place: Place | null = null): Diagnostic {
  return { severity: catalogue[code].severity, code, message, place };
}
