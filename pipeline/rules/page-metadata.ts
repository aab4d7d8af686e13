/**
 * A site's metadata about the document (政府信息公开 tables, the info row
 * under a headline, `[label] value` runs, definition lists), as the HTML rule
 * left it — one line per row, cells separated by ` | ` — or as plain
 * `标签：值` lines. Its label → value pairs are kept as page metadata, which
 * the record reports and uses where the document itself does not say
 * (发文字号, 成文日期, issuer, title, status).
 *
 * Two places are read. On a page whose document was located, every line
 * outside it (page-chrome cuts those next). And a block of such lines at the
 * head of the document's text (a table inside the content block, or a text
 * input), which is cut here as an edit — left in, its first row read as the
 * title. A label alone (发文字号：… in a body) is no block.
 *
 * Labels match either script (lib/page/metadata-labels.ts): cleaning runs
 * before conversion.
 */
import { CELL_SEPARATOR, splitLines } from '../lib/lines.js';
import { fieldOfLabel, isBlockLabel, labelPattern, META_TAGS } from '../lib/page/metadata-labels.js';
import { isTaiwanHeaderValue, isTaiwanIssuerLine } from '../lib/tw-gongwen.js';
import { documentLines } from './page-chrome.js';
import type { CleanRule } from './types.js';

/** The metadata block is looked for this far into the document's text (lines). */
const HEAD_LINES = 40;

let labelAt: RegExp | undefined;
let looseLabelAt: RegExp | undefined;
/** The same patterns anchored at the cell's start (sticky): a cell that does not open with a label is passed over without a scan. */
let labelAtStart: RegExp | undefined;
let looseLabelAtStart: RegExp | undefined;

/** On the page around a document any short label of a metadata shape counts (索取号：…, 内容描述：…), not only the known ones. */
const LABEL_SHAPE = '\\p{Script=Han}{1,6}(?:号|號|日期|时间|時間|机关|機關|机构|機構|单位|單位|来源|來源|分类|分類|状态|狀態|性|描述|方式|范围|範圍|名称|名稱|标题|標題|词|詞|期限)';

/** Font-size and print controls that share the labels' shape (字号：大 中 小). */
const CONTROL_VALUE = /^(?=.*[大中小])[\s大中小默认【】\[\]|｜]+$/u;

/** label → value pairs of one cell, or null when the cell does not start with a label. */
function cellPairs(cell: string, loose = false): [string, string][] | null {
  labelAt ??= new RegExp(`(?:[【\\[]\\s*(${labelPattern()})\\s*[】\\]]\\s*[：:]?|(${labelPattern()})\\s*[：:])`, 'gu');
  // a label of the loose shape starts after a boundary, so it cannot take the end of the value before it (…14号发布日期：)
  const shape = `(?<=^|[\\s|｜】\\]，。；、])${LABEL_SHAPE}`;
  looseLabelAt ??= new RegExp(`(?:[【\\[]\\s*(${labelPattern()}|${shape})\\s*[】\\]]\\s*[：:]?|(${labelPattern()}|${shape})\\s*[：:])`, 'gu');
  labelAtStart ??= new RegExp(labelAt.source, 'uy');
  looseLabelAtStart ??= new RegExp(looseLabelAt.source, 'uy');
  // the cell's first label where it starts (sticky: a cell that opens with none is not scanned), then the others
  const atStart = loose ? looseLabelAtStart : labelAtStart;
  atStart.lastIndex = 0;
  const first = atStart.exec(cell);
  if (!first) return null;
  const pattern = loose ? looseLabelAt : labelAt;
  const found: { label: string; start: number; end: number }[] = [];
  pattern.lastIndex = atStart.lastIndex;
  for (let m: RegExpExecArray | null = first; m; m = pattern.exec(cell)) found.push({ label: (m[1] ?? m[2]!).replace(/\s+/gu, ''), start: m.index, end: m.index + m[0].length });
  // a value ends where page furniture glued to it begins (来源：省政府办公厅【字号：大 中 小】)
  return found.map((f, k) => [f.label, cell.slice(f.end, found[k + 1]?.start ?? cell.length).replace(/[\s【\[（(|｜]+$/u, '').trim()]);
}

/**
 * label：value pairs of one line (table cells, `label：value` runs, `【label】value`), or null when the line
 * holds anything else. `loose` (the page around a document): any label of a metadata shape, and cells
 * that are no pair (a 查看更多属性 button) are passed over.
 */
export function metadataPairs(line: string, loose = false): [string, string][] | null {
  const cells = line.split(CELL_SEPARATOR).map((c) => c.trim());
  const pairs: [string, string][] = [];
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k]!;
    if (cell === '') continue;
    // a label alone in its cell (索引号 | 000014349/2019-00010), with or without its colon
    const bare = cell.replace(/[：:]$/u, '').replace(/\s+/gu, '');
    if (fieldOfLabel(bare) && k + 1 < cells.length && !cellPairs(cells[k + 1]!) && !fieldOfLabel(cells[k + 1]!.replace(/\s+/gu, ''))) {
      pairs.push([bare, cells[++k]!]);
      continue;
    }
    const found = cellPairs(cell, loose);
    if (!found) {
      if (loose) continue;
      return null;
    }
    // a label whose value is empty in its own cell takes the next cell
    const last = found[found.length - 1]!;
    if (last[1] === '' && k + 1 < cells.length && !cellPairs(cells[k + 1]!)) last[1] = cells[++k]!;
    pairs.push(...found);
  }
  return pairs.length > 0 ? pairs.filter(([label, value]) => !(CONTROL_VALUE.test(value) && fieldOfLabel(label) !== 'title')) : null;
}

export const pageMetadata: CleanRule = {
  name: 'page-metadata',
  run(text, context) {
    const lines = splitLines(text);
    const inside = documentLines(text, lines, context);
    const pairs: [string, string][] = [];
    // the page's chrome: read, not cut (page-chrome cuts it)
    if (inside) {
      for (let i = 0; i < lines.length; i++) {
        // only a line with a colon, a bracket or cells can hold a pair (the test is cheap; the label pattern is not)
        if (inside[i] || !/[：:】\]|]/u.test(lines[i]!.text)) continue;
        const found = metadataPairs(lines[i]!.text.trim(), true);
        if (!found || found.length === 0) continue;
        // a label whose value stands on the next line (<dt>索引号：</dt><dd>…</dd>)
        const last = found[found.length - 1]!;
        let next = i + 1;
        while (next < lines.length && lines[next]!.text.trim() === '') next++;
        if (last[1] === '' && next < lines.length && !inside[next] && !metadataPairs(lines[next]!.text.trim(), true)?.length) {
          last[1] = lines[next]!.text.trim();
          i = next;
        }
        pairs.push(...found);
      }
    }
    // a block at the head of the document's text
    let first = -1;
    let last = -1;
    const block: [string, string][] = [];
    let seen = 0;
    for (let i = 0; i < lines.length && seen < HEAD_LINES; i++) {
      if (inside && !inside[i]) continue;
      const line = lines[i]!.text.trim();
      if (line === '') continue;
      seen++;
      const found = metadataPairs(line);
      if (found && found.length > 0 && found.every(([label]) => isBlockLabel(label) || fieldOfLabel(label) !== null) && found.some(([label]) => isBlockLabel(label))) {
        if (first < 0) first = i;
        last = i;
        block.push(...found);
      } else if (first >= 0) break;
    }
    // one label alone (发文字号：… in a body) is no table
    // a Taiwan 公文's own header (經濟部　函 above 發文日期：中華民國…, 發文字號：…字第…號) is the document's, read by its segmenter
    // (tw-gongwen.ts) with what it shares lines with (a second 字號 on the next line, 受文者, 速別): not a site's table
    const isBlock = first >= 0 && new Set(block.map(([label]) => label)).size >= 2 && !taiwanOwnHeader(lines, inside, first, block);
    if (isBlock) pairs.push(...block);
    // the <meta> tags that carry metadata, after what the page prints
    for (const [name, content] of context.page?.head.meta ?? []) if (META_TAGS[name] && content !== '') pairs.push([name, content]);
    // after what an earlier rule read (a Markdown input's front matter)
    const kept = [...(context.pageMetadata ?? []), ...pairs.filter(([, value]) => value !== '')];
    context.pageMetadata = kept.length > 0 ? kept : null;
    if (!isBlock) return [];
    const start = lines[first]!.start;
    const end = last + 1 < lines.length ? lines[last + 1]!.start : lines[last]!.end;
    return [{ start, end, text: '' }];
  },
};

/** Whether a head block is a Taiwan 公文's own header fields: a Taiwan-shaped date or number among its values, an organ and 文別 line among the few lines above it. */
function taiwanOwnHeader(lines: ReturnType<typeof splitLines>, inside: readonly boolean[] | null, first: number, block: [string, string][]): boolean {
  if (!block.some(([, value]) => isTaiwanHeaderValue(value))) return false;
  let seen = 0;
  for (let i = first - 1; i >= 0 && seen < 8; i--) {
    if (inside && !inside[i]) continue;
    const line = lines[i]!.text.trim();
    if (line === '') continue;
    seen++;
    if (isTaiwanIssuerLine(line)) return true;
  }
  return false;
}
