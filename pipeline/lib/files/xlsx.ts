/**
 * An XLSX workbook (a 任务分工表 as a spreadsheet) → HTML: each sheet a
 * heading and a table, each row a <tr> with a cell for every column of the
 * sheet (empty ones too, so the columns stay in line with the header), so
 * the HTML path makes it rows with the one cell separator, as it does a
 * page's task table. Merged cells are written as HTML merges them: the
 * top-left cell with its rowspan and colspan, the cells it covers left out —
 * so a cell merged down (a 牵头单位 over three tasks) is 〃 in the rows
 * below and the task-table reader carries it down, and a title merged across
 * the sheet is a row of one cell, text. Read with exceljs.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A1-style address → 1-based row and column. */
function address(a: string): { row: number; column: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a.replace(/\$/g, ''));
  if (!m) return { row: 0, column: 0 };
  let column = 0;
  for (const ch of m[1]!) column = column * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), column };
}

interface Sheet {
  name: string;
  columnCount: number;
  model: { merges?: string[] };
  eachRow(options: { includeEmpty: boolean }, fn: (row: Row, number: number) => void): void;
}
interface Row {
  getCell(column: number): { text?: string };
}

export async function readXlsx(bytes: Uint8Array): Promise<{ html: string; version: string }> {
  // loaded when an XLSX comes (≈ 2 s to import on a loaded machine: not at every worker's start)
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  const out: string[] = [];
  workbook.eachSheet((worksheet) => {
    const sheet = worksheet as unknown as Sheet;
    // merged ranges: the top-left cell's spans, and the cells they cover
    const spans = new Map<string, { rows: number; columns: number }>();
    const covered = new Set<string>();
    for (const range of sheet.model.merges ?? []) {
      const [from, to] = range.split(':').map(address);
      if (!from || !to || from.row === 0 || to.row === 0) continue;
      spans.set(`${from.row}:${from.column}`, { rows: to.row - from.row + 1, columns: to.column - from.column + 1 });
      for (let r = from.row; r <= to.row; r++) for (let c = from.column; c <= to.column; c++) if (r !== from.row || c !== from.column) covered.add(`${r}:${c}`);
    }
    out.push(`<h2>${escape(sheet.name)}</h2>`, '<table>');
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: string[] = [];
      for (let column = 1; column <= sheet.columnCount; column++) {
        if (covered.has(`${number}:${column}`)) continue;
        const span = spans.get(`${number}:${column}`);
        const attributes = (span && span.rows > 1 ? ` rowspan="${span.rows}"` : '') + (span && span.columns > 1 ? ` colspan="${span.columns}"` : '');
        cells.push(`<td${attributes}>${escape(row.getCell(column).text ?? '').replace(/\r?\n/g, '<br>')}</td>`);
      }
      out.push(`<tr>${cells.join('')}</tr>`);
    });
    out.push('</table>');
  });
  return { html: out.join('\n'), version: (require('exceljs/package.json') as { version: string }).version };
}
