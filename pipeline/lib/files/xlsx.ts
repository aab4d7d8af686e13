/**
 * An XLSX workbook (a 任务分工表 as a spreadsheet) → HTML: each sheet a
 * heading and a table, each row a <tr>, so the HTML path makes it rows with
 * the one cell separator, as it does a page's task table. Read with exceljs.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function readXlsx(bytes: Uint8Array): Promise<{ html: string; version: string }> {
  // loaded when an XLSX comes (≈ 2 s to import on a loaded machine: not at every worker's start)
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  const out: string[] = [];
  workbook.eachSheet((sheet) => {
    out.push(`<h2>${escape(sheet.name)}</h2>`, '<table>');
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => {
        cells.push(escape(cell.text ?? '').replace(/\r?\n/g, '<br>'));
      });
      out.push(`<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`);
    });
    out.push('</table>');
  });
  return { html: out.join('\n'), version: (require('exceljs/package.json') as { version: string }).version };
}
