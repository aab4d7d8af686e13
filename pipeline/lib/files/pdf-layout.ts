/**
 * A PDF page's glyph runs → the text of a 公文: lines, paragraphs, page furniture.
 *
 * pdfjs-dist gives text runs (a string, its baseline origin, advance width and
 * font size) in drawing order. Here, without pdfjs (so it is tested on plain
 * data):
 * - runs on one baseline (within 0.4 of the font size) make a line, read left
 *   to right; between Latin letters and digits a space goes where the PDF
 *   drew one or the runs stand apart, beside Chinese only where they stand half
 *   a character apart (Word's quarter-em autospace between 年 and a digit is
 *   no space; a letter-spaced title's blanks are left for the cleaner);
 *   a run drawn twice on itself (fake bold) is read once; a line with three or
 *   more cells two characters apart is a table row, its cells joined by the
 *   HTML rows' separator;
 * - lines make paragraphs as a 公文 is laid out: a line indented (two
 *   characters), centred, in another font size, after a gap wider than the
 *   line pitch, or after a line that ends short starts a new paragraph; a
 *   paragraph runs on across a page break unless the next page starts one or
 *   is turned the other way (portrait to landscape);
 * - page furniture: in the top 12 % or bottom 15 % of a page, a page number
 *   (`— 3 —`, `-3-`, `3`, `第3页 共8页`, `3/8`) or a line repeated (digits
 *   aside) on at least half of the pages (and two) is returned as a span of the
 *   text for the cleaner to remove as an edit, so the text stays what was read.
 *
 * Everything is linear in the number of runs but for the sorts.
 */
import { ORGAN_SUFFIX } from '../gbt9704.js';
import { CELL_SEPARATOR, SPANNED_CELL } from '../lines.js';
import { cellSpans, columnEdges, rowText, tableRows } from './pdf-table.js';

export interface TextRun {
  str: string;
  /** Baseline origin, PDF user space (y up). */
  x: number;
  y: number;
  /** Advance width in user space. */
  width: number;
  /** Font size (height of the em square) in user space. */
  size: number;
}

export interface PageRuns {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
}

export interface Line {
  text: string;
  x0: number;
  x1: number;
  /** Baseline, y up. */
  y: number;
  size: number;
  /** The runs it was read from. */
  runs?: readonly TextRun[];
  /** A table row (its own paragraph); rebuilt over several lines, the baseline of its lowest. */
  row?: boolean;
  bottom?: number;
  /** The second line of an item whose number stands centred beside its two lines (it goes on the line above). */
  wrapped?: boolean;
  /** The line's stretches two characters or more apart, with where they stand, when it has more than one (cells, a foot's parts). */
  parts?: { text: string; x0: number; x1: number }[];
}

/** A piece of the text on one page: a paragraph, or the part of it on this page. */
export interface LayoutBlock {
  /** UTF-16 offsets into the text. */
  start: number;
  end: number;
  page: number;
  /** [left, top, right, bottom] in PDF points from the page's top-left corner. */
  bbox: [number, number, number, number];
}

/** A span of the text that is page furniture, and what the cleaner puts in its place. */
export interface Furniture {
  start: number;
  end: number;
  replacement: string;
  page: number;
  text: string;
}

export interface PdfText {
  text: string;
  blocks: LayoutBlock[];
  furniture: Furniture[];
  pages: { number: number; width: number; height: number }[];
}

const HAN_OR_FULL = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** The lines of one page, top to bottom. */
export function pageLines(runs: readonly TextRun[]): Line[] {
  const sorted = runs.filter((r) => r.str !== '' && r.size > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextRun[][] = [];
  let current: TextRun[] = [];
  let baseline = Number.NaN;
  for (const r of sorted) {
    if (current.length > 0 && Math.abs(r.y - baseline) <= 0.4 * r.size) {
      current.push(r);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [r];
    baseline = r.y;
  }
  if (current.length > 0) groups.push(current);
  const lines: Line[] = [];
  for (const group of groups) {
    const line = lineOf(group.sort((a, b) => a.x - b.x));
    if (line) lines.push(line);
  }
  return withCentredMarkers(lines);
}

/** An item's number on its own: 3, 3., 3、, （3）, ③, 三、, A. */
const ITEM_NUMBER = /^(?:\d{1,3}|[一二三四五六七八九十]{1,3}|[\u2460-\u2473]|[A-Za-z])[.、．)）]?$|^[（(](?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）]$/u;

/**
 * An item whose text wraps onto two lines, its number set centred beside both
 * (a cell with its content centred vertically, as FAQs and forms lay out their
 * questions): the number is a line of its own between the two. It goes at the
 * start of the upper line, and the lower line is marked to run on after it.
 */
function withCentredMarkers(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = lines[i]!;
    const above = out.at(-1);
    const below = lines[i + 1];
    if (above && below && ITEM_NUMBER.test(marker.text) && isCentredBeside(marker, above, below)) {
      const { parts: _, ...rest } = above;
      out[out.length - 1] = { ...rest, text: `${marker.text} ${above.text}`, x0: marker.x0, runs: [...(marker.runs ?? []), ...(above.runs ?? [])] };
      out.push({ ...below, wrapped: true });
      i++;
      continue;
    }
    out.push(marker);
  }
  return out;
}

function isCentredBeside(marker: Line, above: Line, below: Line): boolean {
  const size = Math.max(above.size, below.size);
  return (
    !above.row && !below.row && !above.wrapped &&
    marker.x1 <= above.x0 + 0.2 * size &&
    Math.abs(above.x0 - below.x0) < 0.5 * size &&
    above.y - below.y < 2 * size &&
    Math.abs((above.y + below.y) / 2 - marker.y) < 0.3 * size
  );
}

function lineOf(runs: readonly TextRun[]): Line | null {
  const cells: string[] = [];
  /** Where each cell starts (its first run's x) and ends. */
  const spans: [number, number][] = [];
  let text = '';
  let x0 = Number.NaN;
  let x1 = Number.NaN;
  let size = 0;
  let sized = 0;
  let spaceSeen = false;
  let previous: TextRun | null = null;
  let wideGaps = 0;
  let widest = 0;
  for (const r of runs) {
    if (r.str.trim() === '') {
      spaceSeen = true;
      continue;
    }
    // a run drawn again on itself (fake bold, a shadow) is read once
    if (previous && r.str === previous.str && Math.abs(r.x - previous.x) < 0.3 * r.size) continue;
    if (previous) {
      const gap = r.x - x1;
      const last = text.at(-1) ?? '';
      const next = r.str[0]!;
      // Word sets a quarter em between Chinese and Latin or digits (autospace) and pdfjs reports it as a
      // space: beside Chinese only a gap of half a character is a space; between Latin letters and digits, any
      const cjk = HAN_OR_FULL.test(last) || HAN_OR_FULL.test(next);
      if (gap >= 2 * r.size) {
        wideGaps++;
        widest = Math.max(widest, gap / r.size);
        cells.push(text);
        spans.at(-1)![1] = x1;
        spans.push([r.x, r.x]);
        text = '';
      } else if (gap >= (cjk ? 0.5 : 0.15) * r.size || (spaceSeen && !cjk)) {
        text += ' ';
      }
    } else {
      x0 = r.x;
      spans.push([r.x, r.x]);
    }
    text += r.str;
    x1 = Math.max(Number.isNaN(x1) ? r.x : x1, r.x + r.width);
    size += r.size * r.str.length;
    sized += r.str.length;
    spaceSeen = false;
    previous = r;
  }
  if (!previous) return null;
  cells.push(text);
  spans.at(-1)![1] = x1;
  // three or more cells apart: a table row; two organs' names four characters or more apart (a joint signature set side
  // by side) are two cells, not a table row; other lines: one line, its gap a space
  const row = cells.length >= 3 && wideGaps >= 2;
  const pair = cells.length === 2 && widest >= SIDE_BY_SIDE && cells.every(isOrganName);
  const joined = row || pair ? cells.map((c) => c.trim()).join(CELL_SEPARATOR) : cells.join(' ');
  const parts = cells.length > 1 ? cells.map((c, k) => ({ text: c, x0: spans[k]![0], x1: spans[k]![1] })) : undefined;
  return { text: joined.trim(), x0, x1, y: runs[0]!.y, size: size / sized, runs, row, ...(parts ? { parts } : {}) };
}

/** Characters between two organs' names set side by side on a line (a joint signature): they are two cells. */
const SIDE_BY_SIDE = 4;
/** An organ's name alone: Chinese, up to 30 characters, a name before its suffix (某某市财政局; not 办公室 alone). */
function isOrganName(text: string): boolean {
  const t = text.trim();
  return /^\p{Script=Han}{3,30}$/u.test(t) && ORGAN_SUFFIX.test(t) && t.replace(ORGAN_SUFFIX, '').length >= 2;
}

const PAGE_NUMBER = [
  /^[-—–－~～\s]*\d{1,4}[-—–－~～\s]*$/u,
  /^第\s*\d{1,4}\s*页\s*[,，/]?\s*(共\s*\d{1,4}\s*页)?$/u,
  /^\d{1,4}\s*\/\s*\d{1,4}$/u,
  /^(page\s*)?\d{1,4}\s*(of\s*\d{1,4})?$/iu,
];

type Band = 'top' | 'bottom' | null;

function bandOf(line: Line, height: number, top: number, bottom: number): Band {
  const fromTop = (height - line.y) / height;
  if (fromTop <= top) return 'top';
  if (fromTop >= 1 - bottom) return 'bottom';
  return null;
}

/** Lines of each page that are furniture: page numbers and running heads or feet. */
export function furnitureLines(pages: readonly { lines: Line[]; height: number; width?: number }[]): Set<Line> {
  const out = new Set<Line>();
  const key = (l: Line, band: Band): string => `${band}:${l.text.replace(/\d+/g, '#').replace(/\s+/g, '')}`;
  const seen = new Map<string, number>();
  for (const page of pages) {
    const keys = new Set<string>();
    for (const l of page.lines) {
      const band = bandOf(l, page.height, 0.12, 0.15);
      if (band) keys.add(key(l, band));
    }
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  for (const page of pages) {
    for (const l of page.lines) {
      const band = bandOf(l, page.height, 0.12, 0.15);
      if (!band) continue;
      const compact = l.text.replace(/\s+/g, ' ').trim();
      if (PAGE_NUMBER.some((p) => p.test(compact)) || (seen.get(key(l, band)) ?? 0) >= needed || hasCentredPageNumber(l, page.width)) out.add(l);
    }
  }
  return out;
}

/**
 * A foot or head line with the page number centred on the page and other text
 * far from it at a side (`2` … `09/2025`, a revision date or a form number): its
 * parts are the stretches lineOf found two characters or more apart.
 */
function hasCentredPageNumber(line: Line, width: number | undefined): boolean {
  if (width === undefined || !line.parts || line.row || line.parts.length > 3) return false;
  return line.parts.some((p) => Math.abs((p.x0 + p.x1) / 2 - width / 2) < 0.05 * width && PAGE_NUMBER.some((re) => re.test(p.text.replace(/\s+/g, ' ').trim())));
}

/** The most frequent value of rounded numbers (ties: the smaller). */
function mode(values: readonly number[], step: number): number {
  const counts = new Map<number, number>();
  for (const v of values) {
    const k = Math.round(v / step);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = -1;
  for (const [k, c] of counts) if (c > bestCount || (c === bestCount && k < best)) [best, bestCount] = [k, c];
  return best * step;
}

function quantile(values: readonly number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
}

interface Geometry {
  left: number;
  right: number;
  pitch: number;
}

/** Text column and line pitch of the body lines of pages of one width. */
function geometry(lines: readonly Line[]): Geometry {
  const left = mode(lines.map((l) => l.x0), 2);
  const right = quantile(lines.map((l) => l.x1), 0.9);
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const d = lines[i - 1]!.y - lines[i]!.y;
    if (d > 0 && d < 4 * lines[i]!.size) steps.push(d);
  }
  return { left, right, pitch: steps.length > 0 ? quantile(steps, 0.5) : 0 };
}

function joiner(before: string, after: string): string {
  return /[A-Za-z]$/.test(before) && /^[A-Za-z]/.test(after) ? ' ' : '';
}

/** Lines under a header row read for the column edges. */
const MAX_COLUMN_LINES = 200;

/** An open table: its columns, and its last row, which a page break may have cut. */
interface OpenTable {
  edges: number[];
  width: number;
  /** The last row, which a page break may have cut, and per column the row that wrote its latest text (where a merged cell goes on). */
  last: { line: Line; cells: string[] } | null;
  owners: ({ line: Line; cells: string[] } | null)[];
  /** The header's font size. */
  size: number;
  /** The column whose cells make the rows, once the table's first rows are read. */
  key?: number;
}

/**
 * A page's lines with its tables' rows rebuilt (pdf-table.ts): from a header
 * row (three or more cells far apart) down, the lines are read by column
 * until a line of text crosses the first column's edge and the second's (a
 * paragraph under the table); a table open at the foot of a page runs on at
 * the top of the next of the same width.
 */
function withTables(lines: readonly Line[], furniture: ReadonlySet<Line>, width: number, open: OpenTable | null): { lines: Line[]; open: OpenTable | null } {
  const out: Line[] = [];
  let table: OpenTable | null = open && Math.round(open.width) === Math.round(width) ? open : null;
  let region: Line[] = [];
  const close = (): void => {
    if (!table || region.length === 0) return;
    const { rows, carried, key } = tableRows(region.flatMap((l) => l.runs ?? []), table.edges, table.key);
    if (rows.length > 0) table.key = key;
    const t = table;
    const last = t.last;
    if (last && carried.some((c) => c !== '')) {
      // the row cut by the page break goes on; a cell merged down into it, in the row that wrote it
      carried.forEach((text, k) => {
        const owner = last.cells[k] === SPANNED_CELL ? (t.owners[k] ?? last) : last;
        if (text === '') return;
        owner.cells[k] = owner.cells[k] === '' ? text : `${owner.cells[k]}${text}`;
        owner.line.text = rowText(owner.cells);
      });
    } else if (carried.some((c) => c !== '')) {
      const first = region[0]!;
      out.push({ text: rowText(carried), x0: first.x0, x1: first.x1, y: first.y, size: first.size, row: true });
    }
    for (const r of rows) {
      const line: Line = { text: rowText(r.cells), x0: r.x0, x1: r.x1, y: r.top, size: r.size, row: true, bottom: r.bottom };
      out.push(line);
      t.last = { line, cells: r.cells };
      r.cells.forEach((c, k) => {
        if (c !== '' && c !== SPANNED_CELL) t.owners[k] = { line, cells: r.cells };
      });
    }
    region = [];
  };
  const furnitureHere: Line[] = [];
  for (const [index, line] of lines.entries()) {
    if (furniture.has(line)) {
      furnitureHere.push(line);
      continue;
    }
    if (table) {
      const e = table.edges;
      // a line in another size than the header's (a heading, an attachment's label over the next page) is no cell either
      if (!crossesEdge(line, e) && Math.abs(line.size - table.size) <= 0.3 * table.size) {
        // a line of the table: cells of one or more columns at one baseline, a header repeated
        region.push(line);
        continue;
      }
      // text running across a column's edge is no cell: a caption over the table's width, or
      // (from the left edge) a paragraph under the table, which ends it
      close();
      if (line.x0 < e[0]! + 2.5 * line.size) table = null;
      out.push(line);
      continue;
    }
    if (line.row && line.runs && isHeaderRow(line.text)) {
      // a header row: the table's columns, read off it and the lines under it
      const header = cellSpans(line.runs);
      // (the next lines only, at most a page's worth: each header costs a bounded look ahead)
      const below = lines.slice(index + 1, index + 1 + MAX_COLUMN_LINES).filter((l) => !furniture.has(l)).flatMap((l) => l.runs ?? []);
      const edges = columnEdges(header, below);
      table = { edges, width, size: line.size, last: null, owners: edges.map(() => null) };
      out.push(line);
      continue;
    }
    out.push(line);
  }
  close();
  // the furniture back in its place, top to bottom (a table's rows are written when it closes)
  for (const f of furnitureHere) {
    const at = out.findIndex((l) => l.y < f.y);
    out.splice(at < 0 ? out.length : at, 0, f);
  }
  return { lines: out, open: table };
}

/** A header row: three or more cells, each a short label (序号, 重点任务, 牵头单位, 完成时限), no sentence or form blank in it. */
function isHeaderRow(text: string): boolean {
  const cells = text.split(CELL_SEPARATOR).map((c) => c.trim());
  return cells.length >= 3 && cells.every((c) => c.length >= 1 && c.length <= 12 && !/[，。；：,;:]/.test(c));
}

/** Whether a line's text runs on across a column edge (no gap of a third of a character there): it is no table cell. */
function crossesEdge(line: Line, edges: readonly number[]): boolean {
  const spans: { x0: number; x1: number }[] = [];
  for (const r of [...(line.runs ?? [])].filter((x) => x.str.trim() !== '').sort((a, b) => a.x - b.x)) {
    const last = spans.at(-1);
    if (last && r.x - last.x1 < 0.3 * r.size) last.x1 = Math.max(last.x1, r.x + r.width);
    else spans.push({ x0: r.x, x1: r.x + r.width });
  }
  return edges.some((edge, k) => k > 0 && spans.some((sp) => sp.x0 < edge - 0.1 * line.size && sp.x1 > edge + 0.5 * line.size));
}

/** Pages of runs → the document's text, its blocks and its furniture. */
export function layoutText(pages: readonly PageRuns[]): PdfText {
  const read = pages.map((p) => ({ page: p, lines: pageLines(p.runs), height: p.height, width: p.width }));
  const furniture = furnitureLines(read);
  let openTable: OpenTable | null = null;
  const laid = read.map((r) => {
    const t = withTables(r.lines, furniture, r.page.width, openTable);
    openTable = t.open;
    return { ...r, lines: t.lines };
  });
  // one geometry per page width (a landscape table page has its own column)
  const byWidth = new Map<number, Line[]>();
  for (const { page, lines } of laid) {
    const k = Math.round(page.width);
    const list = byWidth.get(k) ?? [];
    // table rows have their own width: the text column is measured on the other lines
    for (const l of lines) if (!furniture.has(l) && !l.row) list.push(l);
    byWidth.set(k, list);
  }
  const geometries = new Map([...byWidth].map(([k, lines]) => [k, geometry(lines)] as const));

  let text = '';
  const blocks: LayoutBlock[] = [];
  const spans: Furniture[] = [];
  let open: { block: LayoutBlock; last: Line; landscape: boolean } | null = null;
  let pendingFurniture: Furniture[] = [];
  const box = (l: Line, height: number): [number, number, number, number] => [l.x0, height - (l.y + 0.88 * l.size), l.x1, height - ((l.bottom ?? l.y) - 0.12 * l.size)];
  const closeParagraph = (): void => {
    if (!open) return;
    text += '\n';
    // furniture met while the paragraph could still run on: its own lines, after it
    for (const f of pendingFurniture) {
      const start = text.length;
      text += `${f.text}\n`;
      spans.push({ ...f, start, end: text.length });
    }
    pendingFurniture = [];
    open = null;
  };
  for (const { page, lines } of laid) {
    const g = geometries.get(Math.round(page.width))!;
    let previous: Line | null = null;
    for (const line of lines) {
      if (furniture.has(line)) {
        if (open) {
          // inside a paragraph that may run on: the furniture swallows the line breaks around it
          pendingFurniture.push({ start: -1, end: -1, replacement: '', page: page.number, text: line.text });
        } else {
          const start = text.length;
          text += `${line.text}\n`;
          spans.push({ start, end: text.length, replacement: '', page: page.number, text: line.text });
        }
        continue;
      }
      const ref: Line | null = previous ?? open?.last ?? null;
      // a page turned the other way (a landscape table or form after portrait text, and back) starts a paragraph: measured
      // on the new page's column, the last line of the page before may look full and run on into its first line
      const landscape = page.width > page.height;
      const turned = previous === null && open !== null && open.landscape !== landscape;
      const continues = open !== null && ref !== null && !turned && !startsParagraph(ref, line, g, previous === null);
      if (continues && open) {
        const o: { block: LayoutBlock; last: Line; landscape: boolean } = open;
        if (o.block.page !== page.number) {
          // run on across the page break: the furniture between goes with its line breaks
          const breakAt = text.length;
          let inserted = '';
          for (const f of pendingFurniture) inserted += `\n${f.text}`;
          const join = joiner(o.last.text, line.text);
          if (pendingFurniture.length > 0) {
            text += `${inserted}\n`;
            const first = pendingFurniture[0]!;
            spans.push({ start: breakAt, end: text.length, replacement: join, page: first.page, text: pendingFurniture.map((f) => f.text).join(' / ') });
            pendingFurniture = [];
          } else {
            text += join;
          }
          const start = text.length;
          text += line.text;
          o.block = { start, end: text.length, page: page.number, bbox: box(line, page.height) };
          blocks.push(o.block);
        } else {
          text += joiner(o.last.text, line.text) + line.text;
          o.block.end = text.length;
          const b = box(line, page.height);
          o.block.bbox = [Math.min(o.block.bbox[0], b[0]), o.block.bbox[1], Math.max(o.block.bbox[2], b[2]), b[3]];
        }
        o.last = line;
        o.landscape = landscape;
      } else {
        closeParagraph();
        const start = text.length;
        text += line.text;
        const block: LayoutBlock = { start, end: text.length, page: page.number, bbox: box(line, page.height) };
        blocks.push(block);
        open = { block, last: line, landscape };
      }
      previous = line;
    }
  }
  closeParagraph();
  return { text, blocks, furniture: spans, pages: pages.map((p) => ({ number: p.number, width: p.width, height: p.height })) };
}

/** Whether `line` starts a paragraph after `previous` (on the same page, or `pageBreak`). */
function startsParagraph(previous: Line, line: Line, g: Geometry, pageBreak: boolean): boolean {
  const size = line.size;
  // a table row is a paragraph of its own
  if (line.row || previous.row) return true;
  if (line.wrapped) return false;
  if (Math.abs(previous.size - size) > 0.15 * size) return true;
  if (line.x0 > g.left + 1.2 * size || line.x0 < g.left - size) return true;
  if (previous.x1 < g.right - 1.5 * size) return true;
  if (!pageBreak && g.pitch > 0 && previous.y - line.y > 1.5 * g.pitch) return true;
  // a marker at the start of a line opens a paragraph unless the line above breaks off mid-sentence (a full line — 20
  // characters or more; a 公文's holds 28 — ending in a character, a comma or an opening bracket): 依照第二十条第 /
  // （二）项规定, 违反《…办法》 / 第三十条规定 are wraps; a heading of its own line (一、总体要求) is not
  return PARAGRAPH_START.test(line.text) && !(previous.text.length >= MIN_WRAPPED_LINE && MID_SENTENCE.test(previous.text));
}

/** Characters of a line that a paragraph wraps (a 公文's line holds 28). */
const MIN_WRAPPED_LINE = 20;
/** The end of a line that breaks off mid-sentence: a character, a digit, a comma or enumeration mark, an opening bracket or quote, a closing book title (《…》 is cited, then its article). */
const MID_SENTENCE = /[\p{Script=Han}A-Za-z0-9，、,《》“‘（(〔\[【]$/u;

/** Heading markers at the start of a line that is not indented (some files set headings flush left). */
const PARAGRAPH_START = /^(第[一二三四五六七八九十百零〇]+[章节条]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/u;
