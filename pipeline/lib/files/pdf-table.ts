/**
 * Tables in a PDF whose cells wrap over several lines (a 重点任务分工表, a
 * 裁量基准表): rows rebuilt from the glyph runs' positions, so a wrapped cell
 * stays one cell and a row is one line with the HTML rows' cell separator.
 *
 * A PDF has no table, only runs at positions. The columns come from the
 * header row (a line of three or more cells far apart): each column's left
 * edge is where most runs start between the end of the header cell before it
 * and the start of its own header cell (a header is centred over its column,
 * the column's text set from its left edge). In the table, every run belongs to
 * the column whose left edge is nearest at or before its start; a column's
 * runs make lines by baseline and its lines make cells where they follow at
 * the line pitch (a wider gap starts the next cell). The rows: the column
 * with the most cells (the leftmost of those: 序号, 编码) is the key, each of
 * its cells a row; any other cell joins the row whose key cell it overlaps
 * vertically (a cell vertically centred or set at the row's top overlaps its
 * row's key), the first of them when it overlaps several — a cell merged over
 * rows, written in the later rows as 〃 as the HTML rows write a rowspan — or,
 * overlapping none, the row whose key is nearest. Cells above the first key
 * cell of a page continue the last row of the page before (a row broken by a
 * page break). Linear in the runs but for sorts.
 */
import { CELL_SEPARATOR, SPANNED_CELL } from '../lines.js';

/** A glyph run as the layout reads it (pdf-layout.ts's TextRun). */
export interface Run {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A row rebuilt: its cells (one per column), its box in PDF user space (y up). */
export interface TableRow {
  cells: string[];
  x0: number;
  x1: number;
  /** Baseline of its top line and of its bottom line. */
  top: number;
  bottom: number;
  size: number;
}

const HAN_OR_FULL = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** The runs of a line split where they stand two characters apart: the cells of a header row, left to right. */
export function cellSpans(runs: readonly Run[]): { x0: number; x1: number }[] {
  const sorted = runs.filter((r) => r.str.trim() !== '').sort((a, b) => a.x - b.x);
  const spans: { x0: number; x1: number }[] = [];
  for (const r of sorted) {
    const last = spans.at(-1);
    if (last && r.x - last.x1 < 2 * r.size) last.x1 = Math.max(last.x1, r.x + r.width);
    else spans.push({ x0: r.x, x1: r.x + r.width });
  }
  return spans;
}

/**
 * The left edge of each column under a header row's cells: the most frequent
 * start (to a point) of the body runs between the previous header cell's end
 * and this one's start; the header cell's own start when no run starts there.
 */
export function columnEdges(header: readonly { x0: number; x1: number }[], body: readonly Run[]): number[] {
  return header.map((cell, k) => {
    const from = k === 0 ? Number.NEGATIVE_INFINITY : header[k - 1]!.x1;
    const counts = new Map<number, number>();
    for (const r of body) {
      if (r.str.trim() === '' || r.x <= from || r.x > cell.x0 + 0.5 * r.size) continue;
      const at = Math.round(r.x);
      counts.set(at, (counts.get(at) ?? 0) + 1);
    }
    let best = cell.x0;
    let bestCount = 0;
    for (const [at, n] of counts) if (n > bestCount || (n === bestCount && at < best)) [best, bestCount] = [at, n];
    return best;
  });
}

interface ColumnLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

interface Block {
  column: number;
  text: string;
  x0: number;
  x1: number;
  /** Baselines of its first and last line. */
  first: number;
  last: number;
  size: number;
  /** Vertical extent, y up. */
  top: number;
  bottom: number;
}

/** The column of a run: the last edge at or before its start (half a character of slack). */
function columnOf(edges: readonly number[], x: number, size: number): number {
  let k = 0;
  while (k + 1 < edges.length && edges[k + 1]! <= x + 0.5 * size) k++;
  return k;
}

/** Runs of one column → its lines, top to bottom (one baseline within 0.4 of the size; a run drawn twice read once). */
function columnLines(runs: Run[]): ColumnLine[] {
  const sorted = runs.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: ColumnLine[] = [];
  let group: Run[] = [];
  const flush = (): void => {
    if (group.length === 0) return;
    group.sort((a, b) => a.x - b.x);
    let text = '';
    let x1 = Number.NEGATIVE_INFINITY;
    let previous: Run | null = null;
    let size = 0;
    for (const r of group) {
      if (previous && r.str === previous.str && Math.abs(r.x - previous.x) < 0.3 * r.size) continue;
      if (previous) {
        const gap = r.x - x1;
        const cjk = HAN_OR_FULL.test(text.at(-1) ?? '') || HAN_OR_FULL.test(r.str[0] ?? '');
        if (gap >= (cjk ? 0.5 : 0.15) * r.size) text += ' ';
      }
      text += r.str.trim() === '' ? ' ' : r.str;
      x1 = Math.max(x1, r.x + r.width);
      size = Math.max(size, r.size);
      previous = r;
    }
    const t = text.replace(/\s+/g, ' ').trim();
    if (t !== '') lines.push({ text: t, x0: group[0]!.x, x1, y: group[0]!.y, size });
    group = [];
  };
  for (const r of sorted) {
    if (group.length > 0 && Math.abs(r.y - group[0]!.y) > 0.4 * r.size) flush();
    group.push(r);
  }
  flush();
  return lines;
}

const join = (a: string, b: string): string => (a === '' ? b : /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b);

/** The most frequent step between a column's consecutive baselines (to half a point), under two sizes: its line pitch. */
function pitchOf(lines: readonly ColumnLine[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const step = lines[i - 1]!.y - lines[i]!.y;
    if (step > 0 && step < 2 * lines[i]!.size) counts.set(Math.round(step * 2) / 2, (counts.get(Math.round(step * 2) / 2) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [step, n] of counts) if (n > bestCount || (n === bestCount && step < best)) [best, bestCount] = [step, n];
  return best;
}

/**
 * A column's lines → its cells: a line starts a new cell when it stands
 * further below the one before than the column's line pitch and a third of a
 * character (a cell's padding and rule), or 1.75 of the size when the column
 * has no pitch. (A line on the baseline a row's key cell starts on is no
 * sign: a cell merged over rows and centred may have a line there.)
 */
function columnBlocks(column: number, lines: readonly ColumnLine[]): Block[] {
  const blocks: Block[] = [];
  const pitch = pitchOf(lines);
  for (const l of lines) {
    const b = blocks.at(-1);
    const size = Math.max(l.size, b?.size ?? 0);
    const limit = pitch > 0 ? Math.min(1.75 * size, pitch + size / 3) : 1.75 * size;
    if (b && b.last - l.y <= limit) {
      b.text = join(b.text, l.text);
      b.x0 = Math.min(b.x0, l.x0);
      b.x1 = Math.max(b.x1, l.x1);
      b.last = l.y;
      b.bottom = l.y - 0.12 * l.size;
      b.size = Math.max(b.size, l.size);
    } else {
      blocks.push({ column, text: l.text, x0: l.x0, x1: l.x1, first: l.y, last: l.y, size: l.size, top: l.y + 0.88 * l.size, bottom: l.y - 0.12 * l.size });
    }
  }
  return blocks;
}

/**
 * The rows of a table's runs under given column edges, top to bottom, and
 * the cells above the first row (`carried`: one text per column, '' where
 * none), which continue the row before when the table began on an earlier page.
 */
export function tableRows(runs: readonly Run[], edges: readonly number[], keyColumn?: number): { rows: TableRow[]; carried: string[]; key: number } {
  const byColumn: Run[][] = edges.map(() => []);
  for (const r of runs) if (r.str !== '' && r.size > 0) byColumn[columnOf(edges, r.x, r.size)]!.push(r);
  const columns = byColumn.map((rs, k) => columnBlocks(k, columnLines(rs)));
  // the key column: given (the table's, on a page it runs on to), else the one with the most cells
  let key = keyColumn ?? 0;
  if (keyColumn === undefined) for (let k = 1; k < columns.length; k++) if (columns[k]!.length > columns[key]!.length) key = k;
  const keys = columns[key] ?? [];
  const carried = edges.map(() => '');
  if (keys.length === 0) {
    for (const blocks of columns) for (const b of blocks) carried[b.column] = join(carried[b.column]!, b.text);
    return { rows: [], carried, key };
  }
  const rows: TableRow[] = keys.map((b) => ({ cells: edges.map((_, k) => (k === key ? b.text : '')), x0: b.x0, x1: b.x1, top: b.first, bottom: b.last, size: b.size }));
  const spanned = rows.map(() => new Set<number>());
  // key blocks are sorted top to bottom: the rows a block overlaps are found by a moving start (blocks of a column are sorted too)
  for (let k = 0; k < columns.length; k++) {
    if (k === key) continue;
    let from = 0;
    for (const b of columns[k]!) {
      while (from < keys.length && keys[from]!.bottom > b.top) from++;
      // from: the first key block not wholly above b; overlap while the key's top is above b's bottom
      let first = -1;
      let last = -1;
      for (let i = Math.max(0, from - 1); i < keys.length && keys[i]!.top > b.bottom; i++) {
        if (keys[i]!.bottom < b.top) {
          if (first < 0) first = i;
          last = i;
        }
      }
      if (first < 0) {
        if (b.bottom > keys[0]!.top) {
          carried[k] = join(carried[k]!, b.text);
          continue;
        }
        // overlapping no key cell: the row whose key is nearest
        const centre = (b.top + b.bottom) / 2;
        let best = Math.min(keys.length - 1, Math.max(0, from - 1));
        for (let i = best + 1; i < Math.min(keys.length, from + 1); i++) {
          if (Math.abs((keys[i]!.top + keys[i]!.bottom) / 2 - centre) < Math.abs((keys[best]!.top + keys[best]!.bottom) / 2 - centre)) best = i;
        }
        first = best;
        last = best;
      }
      const row = rows[first]!;
      row.cells[k] = join(row.cells[k]!, b.text);
      row.x0 = Math.min(row.x0, b.x0);
      row.x1 = Math.max(row.x1, b.x1);
      row.top = Math.max(row.top, b.first);
      row.bottom = Math.min(row.bottom, b.last);
      for (let i = first + 1; i <= last; i++) spanned[i]!.add(k);
    }
  }
  rows.forEach((row, i) => {
    for (const k of spanned[i]!) if (row.cells[k] === '') row.cells[k] = SPANNED_CELL;
  });
  return { rows, carried, key };
}

/** A row as a line of text: its cells joined by the HTML rows' separator. */
export function rowText(cells: readonly string[]): string {
  return cells.map((c) => c.trim()).join(CELL_SEPARATOR).trim();
}
