/**
 * Task tables (重点任务分工表): rows kept as one line each with their cells
 * separated by ` | ` (rules/html-markup.ts, rules/markdown-syntax.ts). A header
 * row names the columns — 序号 / 重点任务 / 具体措施 / 牵头单位 / 配合单位 /
 * 责任单位 / 完成时限 — and each row under it is a note: its task cells,
 * its agencies read with the note grammar in the role of their column (so
 * a cell may mark roles itself: 市发改委（牵头）、市财政局), its deadline.
 * A cell merged over several rows (rowspan) is absent from the later rows;
 * the HTML reader writes it there as 〃 (`SPANNED_CELL`, the ditto mark
 * tables use for "as above"), and the row takes the cell above. A header row
 * repeated on every page is read again, to the same columns.
 */
import { CELL_SEPARATOR, SPANNED_CELL } from '../lines.js';
import { readDeadline } from './deadline.js';
import { parseNote, roleOf, type NameRef, type NoteContext, type Role } from './grammar.js';
import type { NoteMatch } from './reader.js';

/** The columns of a task table, read off its header row. */
export interface TableColumns {
  cells: number;
  /** Columns that name agencies, with the role their header gives, and the role of names in brackets where the header gives one (主（协）办机关). */
  agencies: { column: number; role: Role; bracketed?: Role }[];
  task: number[];
  deadline: number[];
  /** Columns that number the rows (序号): no part of the task. */
  number: number[];
}

/**
 * A header cell naming agencies: 牵头单位, 配合部门, 责任单位, 主办单位, 协同配合单位, 责任处室, 责任主体, 牵头,
 * 主要责任单位, 实施单位, 牵头单位（部门）; a remark in brackets after it may state the table's convention
 * (责任单位（排在第一位的为牵头单位）), which the document's conventions read (lib/segment/notes.ts).
 */
const AGENCY_HEADER = /^(?:主要|具体|直接)?((?:牵头|主责|主办|责任|负责|配合|协同|协办|参与|参加|协助){1,4}|(?:实施|落实|承担)(?=单位|部门|主体))(?:单位|部门|处室|机关|科室|机构|主体)?(?:[（(／/](?:单位|部门|处室)[）)]?)?(?:[（(][^（）()]{2,30}[）)])?$/;
/**
 * A header naming two roles, the second in brackets: 主（协）办机关 (主办, 协办 sharing 办), 牵头（配合）单位.
 * Its cells name the first role's agencies and, in brackets after them, the second's: 本部（机关学校、民间团体）.
 */
const BRACKETED_HEADER = /^(\p{Script=Han}{1,2})[（(](\p{Script=Han}{1,2})[）)](\p{Script=Han}?)(?:单位|部门|处室|机关|科室|机构)$/u;

/** The two roles of a bracketed header, or null: both its words (each completed by a shared last character) must be role words. */
function bracketedRoles(text: string): { role: Role; bracketed: Role } | null {
  const m = BRACKETED_HEADER.exec(text);
  if (!m) return null;
  const outer = roleOf(m[1]! + m[3]!);
  const inner = roleOf(m[2]! + m[3]!);
  return outer !== 'other' && inner !== 'other' && outer !== inner ? { role: outer, bracketed: inner } : null;
}

const TASK_HEADER = /^(?:重点|主要|具体|工作|目标|改革|政策)?(?:任务|措施|举措|工作|内容|事项)(?:内容|措施|事项|名称)?$|^(?:任务|工作)(?:分工|要求)$/;
const DEADLINE_HEADER = /^(?:完成|办结)?(?:时限|时间|期限|时间节点|时间要求|时间安排|进度安排)$/;
const NUMBER_HEADER = /^(?:序号|编号|序|号|项次)$/;

export interface Cell {
  text: string;
  /** Offset of the cell's text in the row. */
  start: number;
}

/** The cells of a row line; a line that starts with `| ` has an empty first cell, one that ends in ` |` an empty last cell (the line's space there was trimmed). */
export function cellsOf(row: string): Cell[] {
  const out: Cell[] = [];
  let from = 0;
  if (row.startsWith(CELL_SEPARATOR.trimStart())) {
    out.push({ text: '', start: 0 });
    from = CELL_SEPARATOR.trimStart().length;
  }
  for (;;) {
    const at = row.indexOf(CELL_SEPARATOR, from);
    const end = at < 0 ? row.length : at;
    const raw = row.slice(from, end);
    const lead = raw.length - raw.trimStart().length;
    out.push({ text: raw.trim(), start: from + lead });
    if (at < 0) {
      // a line that ends in ` |` has an empty last cell (the line's trailing space was trimmed)
      const last = out[out.length - 1]!;
      if (out.length > 1 && last.text.endsWith(CELL_SEPARATOR.trimEnd()) && raw.endsWith(CELL_SEPARATOR.trimEnd())) {
        last.text = last.text.slice(0, -CELL_SEPARATOR.trimEnd().length).trimEnd();
        out.push({ text: '', start: row.length });
      }
      return out;
    }
    from = at + CELL_SEPARATOR.length;
  }
}

/**
 * The texts of a header's second row, its cells merged down from the first
 * (〃) named by the first row's: 序号 | 重点任务 | 责任单位 | 完成时限 over
 * 〃 | 〃 | 牵头单位 | 配合单位 | 〃, where 责任单位 spans two columns (colspan,
 * which the rows do not repeat) and the others two rows. The first row's
 * cells are taken in order by the ditto marks; a run of the second row's own
 * cells stands under one spanning cell of the first.
 */
function underHeader(cells: Cell[], above: Cell[]): string[] {
  let k = 0;
  let under = false;
  return cells.map((c) => {
    if (c.text !== SPANNED_CELL) {
      under = true;
      return c.text;
    }
    if (under) k++;
    under = false;
    return above[k++]?.text ?? '';
  });
}

/**
 * A header row such as 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限, or null.
 * `above`: the header row just above, when this is a header's second row.
 */
export function tableHeader(row: string, above: string | null = null): TableColumns | null {
  if (!row.includes(CELL_SEPARATOR)) return null;
  const cells = cellsOf(row);
  const texts = above !== null && cells.some((c) => c.text === SPANNED_CELL) ? underHeader(cells, cellsOf(above)) : cells.map((c) => c.text);
  const columns: TableColumns = { cells: cells.length, agencies: [], task: [], deadline: [], number: [] };
  cells.forEach((c, k) => {
    const text = texts[k]!.replace(/\s/g, '');
    const agency = AGENCY_HEADER.exec(text);
    const two = agency ? null : bracketedRoles(text);
    if (agency) columns.agencies.push({ column: k, role: roleOf(agency[1]!) });
    else if (two) columns.agencies.push({ column: k, ...two });
    else if (TASK_HEADER.test(text)) columns.task.push(k);
    else if (DEADLINE_HEADER.test(text)) columns.deadline.push(k);
    else if (NUMBER_HEADER.test(text)) columns.number.push(k);
  });
  if (columns.agencies.length === 0) return null;
  // without a column named as the task's, the task is every other column's (备注 aside)
  if (columns.task.length === 0) {
    const taken = new Set([...columns.agencies.map((a) => a.column), ...columns.deadline, ...columns.number]);
    texts.forEach((t, k) => {
      if (!taken.has(k) && !/^备注|^说明$/.test(t)) columns.task.push(k);
    });
  }
  return columns;
}

/** Reads the rows of one table under its header, carrying merged cells down. */
export class TableReader {
  private above: string[] = [];
  /** Where the text of each cell of the row above stands (offsets in the whole text): a merged cell's is the row that wrote it. */
  private origin: ({ start: number; end: number } | null)[] = [];
  constructor(readonly columns: TableColumns, private readonly context: NoteContext) {}

  /**
   * The note a row makes, or null when it is no row of this table. `base` is
   * the row's offset in the whole text: a task cell carried from a merged cell
   * above points at that cell (its offsets relative to this row may be negative).
   */
  row(row: string, base = 0): NoteMatch | null {
    if (!row.includes(CELL_SEPARATOR)) return null;
    const cells = cellsOf(row);
    if (cells.length !== this.columns.cells) return null;
    // a merged cell repeats the one above; `texts` are what each cell means
    const texts = cells.map((c, k) => (c.text === SPANNED_CELL ? (this.above[k] ?? '') : c.text));
    const origin = cells.map((c, k) => (c.text === SPANNED_CELL ? (this.origin[k] ?? null) : c.text === '' ? null : { start: base + c.start, end: base + c.start + c.text.length }));
    this.above = texts;
    this.origin = origin;
    const lead: NameRef[] = [];
    const support: NameRef[] = [];
    const responsible: NameRef[] = [];
    let joint = false;
    let deadline: NoteMatch['deadline'] = null;
    for (const { column, role, bracketed } of this.columns.agencies) {
      const c = cells[column]!;
      const text = texts[column]!;
      if (text === '') continue;
      // a carried cell's names point at the ditto mark of this row
      const carried = c.text === SPANNED_CELL;
      const place = (r: NameRef): NameRef => (carried ? { ...r, start: c.start, end: c.start + c.text.length } : r);
      // under 主（协）办机关 the names outside brackets have the first role, those inside the second
      const parts = bracketed ? bracketParts(text, role, bracketed) : [{ text, at: 0, role }];
      for (const part of parts) {
        const parsed = parseNote(part.text, (carried ? 0 : c.start) + part.at, { ...this.context, role: part.role });
        if (!parsed) continue;
        // names a 责任单位 cell gives as a plain list: they support a lead named in another column
        if (part.role === 'responsible' && parsed.support.length === 0) responsible.push(...parsed.lead.map(place));
        else if (part.role === 'support' && parsed.lead.length > 0 && parsed.support.length === 0) support.push(...parsed.lead.map(place));
        else {
          lead.push(...parsed.lead.map(place));
          support.push(...parsed.support.map(place));
        }
        joint ||= parsed.joint;
        deadline ??= parsed.deadline;
      }
    }
    if (lead.length > 0) support.push(...responsible.filter((r) => !lead.some((l) => l.name === r.name)));
    else {
      // responsible names of several columns (主要责任单位 | 实施单位) with no lead named: a joint list
      lead.push(...responsible);
      joint ||= lead.length > 1;
    }
    if (support.length > 0) joint = false;
    for (const k of this.columns.deadline) {
      const c = cells[k]!;
      const read = readDeadline(texts[k]!, c.start, this.context.year, true);
      // a carried deadline points at this row's ditto mark
      deadline ??= read && c.text === SPANNED_CELL ? { ...read, start: c.start, end: c.start + c.text.length } : read;
    }
    if (lead.length + support.length === 0) return null;
    const written = cells.filter((c, k) => c.text !== '' && (this.columns.task.includes(k) || this.columns.deadline.includes(k) || this.columns.agencies.some((a) => a.column === k)));
    if (written.length === 0) return null;
    const start = written[0]!.start;
    const end = Math.max(...written.map((c) => c.start + c.text.length));
    // the task: its cells in this row, or the merged cells above they carry down
    const task = this.columns.task.flatMap((k) => (origin[k] ? [{ start: origin[k]!.start - base, end: origin[k]!.end - base }] : []));
    return { start, end, lead, support, joint, firstListed: false, deadline, damaged: false, task: task.length > 0 ? task : null };
  }
}

/**
 * A cell under a bracketed header cut into its lists: the text outside brackets
 * (the first role's), each bracket's inside (the second's). 本部、主管教育行政机关（民间团体及各级学校）
 * → 本部、主管教育行政机关 | 民间团体及各级学校. A bracket that is a role mark (A（牵头）) stays with its name.
 */
function bracketParts(text: string, role: Role, bracketed: Role): { text: string; at: number; role: Role }[] {
  const out: { text: string; at: number; role: Role }[] = [];
  const outside = (from: number, to: number): void => {
    const run = text.slice(from, to);
    const lead = run.search(/[^、，,；;\s]/u);
    if (lead < 0) return;
    out.push({ text: run.slice(lead).replace(/[、，,；;\s]+$/u, ''), at: from + lead, role });
  };
  const pattern = /[（(]([^（）()]*)[）)]/gu;
  let from = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    // A（牵头）: a role mark, part of the run around it
    if (m[1]!.length <= 4 && roleOf(m[1]!.replace(/(?:单位|部门)$/u, '')) !== 'other') continue;
    outside(from, m.index);
    out.push({ text: m[1]!, at: m.index + 1, role: bracketed });
    from = m.index + m[0].length;
  }
  outside(from, text.length);
  return out;
}
