#!/usr/bin/env node
/**
 * Writes test/fixtures/files/task-table.xlsx: a small 重点任务分工表 as an
 * organ would keep it in Excel — a title merged across the sheet, a header
 * row, a 牵头单位 and a 完成时限 merged down over two tasks, a task cell with a
 * line break, an empty deadline — for test/files.test.ts. Made with exceljs
 * (the reader gongwen uses is exceljs too, but the test's expectations are
 * written from this table, not from what the reader returns). Run:
 * node scripts/make-xlsx-fixture.js
 */
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const out = fileURLToPath(new URL('../test/fixtures/files/task-table.xlsx', import.meta.url));
const workbook = new ExcelJS.Workbook();
workbook.creator = 'gongwen tests';
workbook.created = new Date('2024-01-01T00:00:00Z');
workbook.modified = new Date('2024-01-01T00:00:00Z');
const sheet = workbook.addWorksheet('任务分工');
sheet.addRow(['某某市2024年数据要素重点任务分工表']);
sheet.mergeCells('A1:E1');
sheet.addRow(['序号', '重点任务', '牵头单位', '配合单位', '完成时限']);
sheet.addRow([1, '建立公共数据授权运营机制，明确授权范围和运营规则', '市数据局', '市发展改革委、市财政局', '2024年12月底前']);
sheet.addRow([2, '推进数据交易场所建设', '市金融局', '市商务局', '2025年6月底前']);
sheet.addRow([3, '培育数据商和第三方专业服务机构', null, '市市场监管局', null]);
sheet.mergeCells('C4:C5');
sheet.mergeCells('E4:E5');
sheet.addRow([4, '完善数据基础设施\n建设城市算力体系', '市工业和信息化局', '各区政府', null]);
sheet.getCell('B6').alignment = { wrapText: true };
await workbook.xlsx.writeFile(out);
console.log(`wrote ${out}`);
