/**
 * Word files → HTML for the HTML path of the clean stage, so a Word table
 * gives the same rows (cells joined by the one cell separator) as a page's.
 *
 * DOCX: mammoth (Word → semantic HTML: headings, lists, tables), after
 * docx-numbering.ts has written Word's list numbering as text. DOC and WPS
 * (Word 97 / WPS Office binary, both OLE compound files): word-extractor,
 * whose text marks a table cell's end with a tab and a row's end with a tab
 * and a line break; its rows become <tr>, its other lines <p>.
 */
import { createRequire } from 'node:module';
import { withVisibleNumbering } from './docx-numbering.js';

const require = createRequire(import.meta.url);

export interface WordRead {
  html: string;
  messages: string[];
  version: string;
}

function versionOf(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version;
}

export async function readDocx(bytes: Uint8Array): Promise<WordRead> {
  // Word's automatic numbering (第五章, 一、) written as text first: mammoth drops it
  const numbered = await withVisibleNumbering(bytes);
  // loaded when a DOCX comes, not at every worker's start
  const { default: mammoth } = await import('mammoth');
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(numbered.buffer, numbered.byteOffset, numbered.byteLength) });
  return { html: result.value, messages: result.messages.map((m) => `${m.type}: ${m.message}`), version: versionOf('mammoth') };
}

interface ExtractedDoc {
  getBody(): string;
}
interface WordExtractorClass {
  new (): { extract(input: Buffer): Promise<ExtractedDoc> };
}

export async function readOle(bytes: Uint8Array): Promise<WordRead> {
  const WordExtractor = require('word-extractor') as WordExtractorClass;
  const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return { html: tabbedTextToHtml(doc.getBody()), messages: [], version: versionOf('word-extractor') };
}

/** Within a table: a line that the next few lines (no blank one) carry into a row's first tab is that row's first cell. */
function rowFollows(lines: readonly string[], i: number): boolean {
  for (let j = i; j < Math.min(lines.length, i + 8); j++) {
    const l = lines[j]!;
    if (l.trim() === '') return false;
    if (l.includes('\t')) return true;
  }
  return false;
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * word-extractor's text → HTML: a run of text ending in "\t\n" is a table row,
 * its cells split at tabs (a cell's own line breaks become <br>); a row
 * starts at the start of the line of its first tab, or, right after another
 * row, at the first of up to 8 lines before it (a first cell of several
 * lines). Other lines are paragraphs. Linear in the text.
 */
export function tabbedTextToHtml(text: string): string {
  const out: string[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let row: string[] | null = null;
  let inTable = false;
  const flushTable = (): void => {
    if (inTable) out.push('</table>');
    inTable = false;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (row === null && !line.includes('\t') && !(inTable && rowFollows(lines, i))) {
      // a line without a tab that the next row does not continue is a paragraph
      flushTable();
      if (line.trim() !== '') out.push(`<p>${escape(line)}</p>`);
      continue;
    }
    row ??= [];
    row.push(line);
    if (line.endsWith('\t')) {
      const cells = row.join('\n').replace(/\t$/, '').split('\t');
      if (!inTable) out.push('<table>');
      inTable = true;
      out.push(`<tr>${cells.map((c) => `<td>${c.split('\n').map(escape).join('<br>')}</td>`).join('')}</tr>`);
      row = null;
    }
  }
  if (row) out.push(`<p>${escape(row.join('\n'))}</p>`);
  flushTable();
  return out.join('\n');
}
