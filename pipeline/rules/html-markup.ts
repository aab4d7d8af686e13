/**
 * HTML input: keep the text a reader sees, line by line; drop the markup and
 * the page around it.
 *
 * rehype-parse (parse5, the HTML standard's algorithm) gives every text node
 * its source span with entities decoded. Text inside scripts, styles, forms,
 * navigation and other page chrome is dropped, as are ruby annotations
 * (<rt>, <rp>); block elements (<p>, <div>, table rows and cells, headings,
 * list items) and <br> end a line — except in a data row (two or more cells,
 * no nested table), which is one line with its cells separated by ` | `, so
 * a task table keeps each task with its 责任单位. Source newlines inside a paragraph are
 * layout, not text, and become spaces (later rules drop spaces between
 * Chinese characters); <pre> keeps them. `&nbsp;` becomes a space.
 */
import { unified } from 'unified';
import { lazy } from '../lib/lazy.js';
import type { Element, Nodes, RootContent } from 'hast';
import { BLOCK, NEVER_TEXT } from '../lib/page/blocks.js';
import { readPage } from '../lib/page/page.js';
import { keepCells, keepOnly, type Kept } from './kept-text.js';
import { SPANNED_CELL } from '../lib/lines.js';
import { MAX_HTML_DEPTH, htmlDepth, tooDeep } from '../lib/nesting.js';
import { replaceAll, type CleanRule } from './types.js';

/** The HTML parser, loaded for the first HTML input (lib/lazy.ts). */
const rehypeParse = lazy<typeof import('rehype-parse')>('rehype-parse');

/** Elements whose text is never document text (a <form> is not one of them: many sites wrap the whole page in one). */
const DROP = NEVER_TEXT;

/** Page chrome named by its class or id (navigation bars, share buttons, breadcrumbs, footers). */
const CHROME = /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|share|sharebar|toolbar|sidebar|footer|header|topbar|copyright)(?:$|[\s_-])/i;

function isChrome(node: Element): boolean {
  const id = node.properties?.id;
  const cls = node.properties?.className;
  const names = [typeof id === 'string' ? id : '', ...(Array.isArray(cls) ? cls.map(String) : [])];
  return names.some((n) => CHROME.test(n));
}

/**
 * The cells of a table row, when the row is a data row: two or more cells, or
 * one beside cells merged down from a row above (`spanned`: a merged cell
 * covers the first or second column, where the row's placement starts), and
 * no table nested in them (a layout table).
 */
function dataCells(row: Element, spanned: boolean): Element[] | null {
  const cells = row.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
  if (cells.length < (spanned ? 1 : 2)) return null;
  const nested = (n: Element): boolean => n.children.some((c) => c.type === 'element' && (c.tagName === 'table' || nested(c)));
  return cells.some(nested) ? null : cells;
}

type Placed = { spanned: false; element: Element; position: { start: { offset?: number } } } | { spanned: true; position: { start: { offset: number } } };

/**
 * The cells of a data row in their columns, with a placeholder where a cell
 * of a row above spans down (rowspan): the row's line then has as many cells
 * as the table's header, the merged one written as 〃 (lib/lines.ts
 * SPANNED_CELL), and the task-table reader carries the cell above down.
 * `spans` (per column, rows still covered) is updated for the next row.
 */
function spannedCells(cells: Element[], spans: number[]): Placed[] {
  const out: Placed[] = [];
  let k = 0;
  for (let column = 0; k < cells.length || (spans[column] ?? 0) > 0; column++) {
    const at = cells[k]?.position?.start.offset ?? cells[cells.length - 1]!.position?.end.offset ?? 0;
    if ((spans[column] ?? 0) > 0) {
      spans[column]!--;
      out.push({ spanned: true, position: { start: { offset: at } } });
      continue;
    }
    const cell = cells[k++]!;
    const rows = Number(cell.properties?.rowSpan ?? 1);
    const below = Number.isInteger(rows) && rows > 1 ? Math.min(rows, 1000) - 1 : 0;
    // a cell over several columns (colspan) is written once and takes its columns, so that a cell merged
    // down after it keeps its own (责任单位 over 牵头单位 | 配合单位 in a header of two rows, 完成时限 beside it)
    const cols = Number(cell.properties?.colSpan ?? 1);
    const width = Number.isInteger(cols) && cols > 1 ? Math.min(cols, 100) : 1;
    spans[column] = below;
    for (let c = 1; c < width; c++) spans[column + c] = 0;
    column += width - 1;
    out.push({ spanned: false, element: cell, position: cell.position ?? { start: {} } });
  }
  return out;
}

/** Words of a task table's header row (序号 | 重点任务 | 牵头单位 | 完成时限), in either script. */
const COLUMN_NAMES = /[单單]位|部[门門]|任[务務]|措施|[时時]限|序[号號]/;

/** The text of an element (its text nodes, in order). */
function textOf(node: Element): string {
  let out = '';
  const walk = (n: Nodes): void => {
    if (n.type === 'text') out += n.value;
    else if (n.type === 'element') for (const c of n.children) walk(c as Nodes);
  };
  walk(node);
  return out;
}

/** How many columns a row of one cell fills beside the cells merged down into it (`spans`, left unchanged). */
function filledWidth(spans: readonly number[]): number {
  let placed = false;
  let column = 0;
  for (; !placed || (spans[column] ?? 0) > 0; column++) if ((spans[column] ?? 0) === 0) placed = true;
  return column;
}

export const htmlMarkup: CleanRule = {
  name: 'html-markup',
  run(text, context) {
    // the parsers recurse once per level: bounded here, the result cannot depend on the thread's stack
    const nesting = htmlDepth(text);
    if (nesting.depth > MAX_HTML_DEPTH) {
      context.diagnostics.push(
        tooDeep(
          text,
          nesting,
          context.placeOf,
          `Unexpected HTML nested more than ${MAX_HTML_DEPTH} levels deep (elements that must be closed: div, span, table, ul, font …), expected at most ${MAX_HTML_DEPTH}: read as plain text with its tags removed`,
        ),
      );
      return replaceAll(text, /<[^<>]*>/g, () => '');
    }
    const tree = unified().use(rehypeParse().default).parse(text);
    context.page = readPage(tree, context.placeOf);
    const kept: Kept[] = [];
    let block = 0;
    /** Of the table being read: how many more rows each column's merged cell covers, and its widest row so far. */
    let spans: number[] = [];
    let widest = 0;
    /** Whether the table's first row names its columns (null until that row is read). */
    let headed: boolean | null = null;
    /** Inside a data row every cell stays on the row's line: blocks and <br> do not break it. */
    const visit = (node: Nodes, pre: boolean, inRow: boolean): void => {
      if (node.type === 'text') {
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        if (start === undefined || end === undefined) return;
        const value = pre ? node.value : node.value.replace(/[ \t\r\n\f\u00a0]+/g, ' ');
        kept.push({ start, end, value, block });
        return;
      }
      if (node.type === 'element') {
        if (DROP.has(node.tagName) || isChrome(node)) return;
        if (node.tagName === 'br') {
          const start = node.position?.start.offset;
          if (start !== undefined) kept.push({ start, end: start, value: inRow ? ' ' : '\n', block });
          return;
        }
        if (node.tagName === 'table') {
          // rows below a cell merged over them (rowspan) get a 〃 in its place (see spannedCells)
          const outer = spans;
          const outerWidest = widest;
          const outerHeaded = headed;
          spans = [];
          widest = 0;
          headed = null;
          for (const child of node.children) visit(child as RootContent, pre, inRow);
          spans = outer;
          widest = outerWidest;
          headed = outerHeaded;
          return;
        }
        // a row of one cell is a data row when the cells merged down from above fill every other column of
        // a table whose first row names its columns (a task table: 〃 | 完善调度平台 | 〃 under
        // 序号 | 重点任务 | 牵头单位); else (a letter's header table: 行政院 函 beside its date and number) it stays a line
        if (node.tagName === 'tr' && !inRow && headed === null) headed = COLUMN_NAMES.test(textOf(node));
        const cells = node.tagName === 'tr' && !inRow ? dataCells(node, headed === true && widest >= 3 && filledWidth(spans) >= widest) : null;
        if (cells) {
          // a data row is one line: 序号 | 重点任务 | 责任单位
          block++;
          const placed = spannedCells(cells, spans);
          widest = Math.max(widest, placed.length);
          keepCells(kept, block, placed, (cell) => {
            if (cell.spanned) kept.push({ start: cell.position.start.offset, end: cell.position.start.offset, value: SPANNED_CELL, block });
            else for (const child of cell.element.children) visit(child as RootContent, pre, true);
          });
          block++;
          return;
        }
        const isBlock = BLOCK.has(node.tagName) && !inRow;
        if (isBlock) block++;
        for (const child of node.children) visit(child as RootContent, pre || node.tagName === 'pre', inRow);
        if (isBlock) block++;
        return;
      }
      if (node.type === 'root') for (const child of node.children) visit(child, pre, inRow);
    };
    visit(tree, false, false);
    return keepOnly(text, kept);
  },
};
