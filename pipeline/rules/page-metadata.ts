/**
 * The metadata table government sites print above a document (政府信息公开:
 * 索引号, 主题分类, 发文机关, 成文日期, 标题, 发文字号, 发布日期 …), as the
 * HTML rule left it — one line per row, cells separated by ` | ` — or as
 * plain `标签：值` lines. Left in the text it read as the title; it is cut as
 * an edit (never silently), and its label → value pairs are kept as page
 * metadata, which the record reports and uses where the document itself does
 * not say (发文字号, 成文日期, issuer, title).
 *
 * Labels match either script (发文机关/發文機關): cleaning runs before
 * conversion.
 */
import { CELL_SEPARATOR, splitLines } from '../lib/lines.js';
import { eitherScript } from '../lib/opencc.js';
import type { CleanRule } from './types.js';

/** Labels a metadata table uses, as printed (spaces inside a label are dropped: 索  引  号). */
const LABELS = [
  '索引号', '主题分类', '组配分类', '体裁分类', '发文机关', '发布机构', '发文单位', '成文日期', '发文日期', '标题', '发文字号', '文号',
  '发布日期', '生效日期', '废止日期', '有效性', '公开方式', '公开范围', '信息来源', '主题词', '统一编号', '登记号',
];
/** The metadata block is looked for this far into the text (lines). */
const HEAD_LINES = 40;

let labelPattern: RegExp | undefined;

/** Whether `label` (spaces removed) is a metadata label, in either script. */
export function isMetadataLabel(label: string): boolean {
  labelPattern ??= new RegExp(`^(?:${LABELS.map(eitherScript).join('|')})$`, 'u');
  return labelPattern.test(label);
}

/** label：value pairs of one line (table cells or plain text), or null when the line holds anything else. */
export function metadataPairs(line: string): [string, string][] | null {
  const cells = line.split(CELL_SEPARATOR).map((c) => c.trim());
  const pairs: [string, string][] = [];
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k]!;
    if (cell === '') continue;
    const colon = cell.search(/[：:]/);
    const label = colon < 0 ? '' : cell.slice(0, colon).replace(/\s+/gu, '');
    if (!isMetadataLabel(label)) return null;
    const rest = cell.slice(colon + 1).trim();
    // the value is in the label's own cell, or in the next one
    if (rest !== '' || cells.length === 1) pairs.push([label, rest]);
    else pairs.push([label, cells[++k] ?? '']);
  }
  return pairs.length > 0 ? pairs : null;
}

export const pageMetadata: CleanRule = {
  name: 'page-metadata',
  run(text, context) {
    // only the head of the text is split (a long document's lines are not all needed)
    let headEnd = 0;
    for (let n = 0; n < HEAD_LINES && headEnd >= 0; n++) headEnd = text.indexOf('\n', headEnd + (n > 0 ? 1 : 0));
    const lines = splitLines(headEnd < 0 ? text : text.slice(0, headEnd));
    let first = -1;
    let last = -1;
    const pairs: [string, string][] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.text.trim();
      if (line === '') continue;
      const found = metadataPairs(line);
      if (found) {
        if (first < 0) first = i;
        last = i;
        pairs.push(...found);
      } else if (first >= 0) break;
    }
    // one label alone (发文字号：… in a body) is no table
    if (first < 0 || new Set(pairs.map(([label]) => label)).size < 2) return [];
    context.pageMetadata = pairs.filter(([, value]) => value !== '');
    const start = lines[first]!.start;
    const end = last + 1 < lines.length ? lines[last + 1]!.start : lines[last]!.end;
    return [{ start, end, text: '' }];
  },
};
