/**
 * What kind of file the bytes are, from their content, never from the name:
 * a `.doc` that is really HTML is text, a `.pdf` saved as `.html` is a PDF.
 */
export type FileKind = 'pdf' | 'docx' | 'xlsx' | 'ole' | 'rtf' | 'zip';

function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.max(0, Math.min(end, bytes.length) - start)).toString('latin1');
}

/** The file kind, or null for text (plain, Markdown, HTML) and anything else. */
export function sniffFile(bytes: Uint8Array): FileKind | null {
  const head = latin1(bytes, 0, 1024);
  // the PDF header may follow junk within the first 1024 bytes (PDF 32000-1, 7.5.2; readers accept it)
  if (head.includes('%PDF-')) return 'pdf';
  if (head.startsWith('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1')) return 'ole';
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (head.startsWith('PK\x03\x04')) {
    // the names of the parts stand uncompressed in the local headers and the central directory
    const names = latin1(bytes, 0, Math.min(bytes.length, 64 * 1024)) + latin1(bytes, Math.max(0, bytes.length - 64 * 1024), bytes.length);
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
    return 'zip';
  }
  return null;
}
