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
/** A text piece as word-extractor's OLE reader keeps it. */
interface Piece {
  text: string;
  startFilePos: number;
  size: number;
  bpc: number;
  endFilePos: number;
}
interface OleExtractor {
  _pieces: Piece[];
  extract(reader: unknown): Promise<ExtractedDoc>;
}
type OleExtractorClass = new () => OleExtractor;

/** sprmCFRMarkDel, the whole 16-bit SPRM: text deleted with track changes on. */
const SPRM_DELETED = 0x0800;

/**
 * word-extractor 1.0.4 (its latest release) reads a SPRM's ispmd from 5 bits
 * where MS-DOC gives it 9, so any character property whose low 5 bits are 0 —
 * sprmCIcoBi (0x4A60), the complex-script colour WPS writes on every run — is
 * taken for sprmCFRMarkDel and its text dropped as deleted (files-35 here lost
 * 80 % of its text and its title; fixed upstream, unreleased:
 * morungos/node-word-extractor#56). This reads the character properties again
 * with the whole SPRM compared, as that fix does; everything else is
 * word-extractor's.
 */
function fixedOleExtractor(): OleExtractorClass {
  const Base = require('word-extractor/lib/word-ole-extractor.js') as OleExtractorClass;
  class Fixed extends Base {
    writeCharacterProperties(buffer: Buffer, table: Buffer): void {
      markDeletedRuns(this._pieces, buffer, table);
    }
  }
  return Fixed;
}

/** The operand size of a SPRM (MS-DOC 2.2.5.1, spra), or -1 for a variable one (its first byte). */
function operandSize(sprm: number): number {
  return [1, 1, 2, 4, 2, 2, -1, 3][(sprm >>> 13) & 7]!;
}

/** Overwrites with NULs (word-extractor's mark for deleted text, removed later) the runs whose properties say deleted. */
function markDeletedRuns(pieces: Piece[], buffer: Buffer, table: Buffer): void {
  const fc = buffer.readUInt32LE(0x00fa);
  const lcb = buffer.readUInt32LE(0x00fe);
  const count = (lcb - 4) / 8;
  const plc = table.subarray(fc, fc + lcb);
  for (let i = 0; i < count; i++) {
    const block = plc.readUInt32LE((count + 1) * 4 + i * 4);
    const fkp = buffer.subarray(block * 512, (block + 1) * 512);
    if (fkp.length < 512) continue;
    const runs = fkp.readUInt8(511);
    for (let j = 0; j < runs; j++) {
      const start = fkp.readUInt32LE(j * 4);
      const end = fkp.readUInt32LE((j + 1) * 4);
      const rgb = fkp.readUInt8((runs + 1) * 4 + j);
      if (rgb === 0) continue;
      const cb = fkp.readUInt8(rgb * 2);
      const grpprl = fkp.subarray(rgb * 2 + 1, rgb * 2 + 1 + cb);
      let deleted = false;
      for (let k = 0; k + 1 < grpprl.length; ) {
        const sprm = grpprl.readUInt16LE(k);
        k += 2;
        // a toggle operand: 1 on, 0x81 the opposite of the style's (never deleted in a style)
        if (sprm === SPRM_DELETED) deleted = (grpprl[k]! & 1) === 1;
        const size = operandSize(sprm);
        k += size >= 0 ? size : (grpprl[k] ?? 0) + 1;
      }
      if (deleted) for (const p of pieces) blank(p, start, end);
    }
  }
}

/** Replaces the characters of a piece that lie between two file positions with NULs. */
function blank(piece: Piece, start: number, end: number): void {
  const from = Math.max(start, piece.startFilePos);
  const to = Math.min(end, piece.endFilePos);
  if (from >= to) return;
  const a = (from - piece.startFilePos) / piece.bpc;
  const b = (to - piece.startFilePos) / piece.bpc;
  piece.text = piece.text.slice(0, a) + '\0'.repeat(b - a) + piece.text.slice(b);
}

export async function readOle(bytes: Uint8Array): Promise<WordRead> {
  const BufferReader = require('word-extractor/lib/buffer-reader.js') as new (b: Buffer) => unknown;
  const Extractor = fixedOleExtractor();
  const doc = await new Extractor().extract(new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
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
