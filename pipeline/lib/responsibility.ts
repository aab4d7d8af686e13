/**
 * Responsibility notes (责任单位): who leads (牵头) and who supports (配合) a
 * task. Forms handled here, all in zh-Hans:
 *   [责任单位：A、B，C、D]                lead before the first comma, support after
 *   （牵头单位：A；配合单位：B、C）          explicit roles
 *   （A牵头，B、C参与）  （A牵头负责，B配合）  explicit roles
 *   （A、B负责）  （A、B等按职责分工负责）    a list of responsible agencies
 *   （负责部门：A、B，适用范围：X）          the same, with a label
 * A list of responsible agencies is joint (every one leads) unless the
 * document says that the first listed leads (排在第一位的部门为牵头部门): the
 * caller applies that convention (see `FIRST_LISTED_LEADS`).
 * A note whose opening bracket and first characters were lost to corrupted
 * bytes (…任单位：A，B]) is still read, and flagged as damaged.
 */
export interface NameRef {
  name: string;
  /** UTF-16 offsets in the text the note was found in. */
  start: number;
  end: number;
}

export interface NoteMatch {
  start: number;
  end: number;
  lead: NameRef[];
  support: NameRef[];
  damaged: boolean;
  /** A list of responsible agencies (…负责): all in `lead` until a convention says the first leads. */
  joint: boolean;
}

const BRACKETED = /[[［【]\s*(?:责任单位|责任部门|牵头单位)[：:]([^\]］】\n]*)[\]］】]/g;
const ROLES = /[（(]\s*牵头(?:单位|部门)[：:]([^；;）)\n]*)[；;]\s*(?:配合|参与|协同)(?:单位|部门)[：:]([^）)\n]*)[）)]/g;
/** A note that lost its opening to corrupted bytes: 任单位：…] */
const DAMAGED = /(?:责?任单位|单位)[：:]([^\]］】\n[［【]*)[\]］】]/g;
/** The convention that makes the first agency of a list the lead one. */
export const FIRST_LISTED_LEADS = /排在第一位的(?:部门|单位)为牵头(?:部门|单位)/;

/** Inside a bracket: （负责部门：A、B，适用范围：X） */
const LABELLED = /^(?:负责|责任|主责)(?:部门|单位)[：:](.+?)(?:[，,；;][^，,；;：:]{1,8}[：:].*)?$/;
/** Inside a bracket: （A牵头，B、C参与） */
const LEAD_AND_SUPPORT = /^(.+?)牵头(?:负责)?[，,、；;]\s*(.+?)(?:等)?(?:参与|配合|协同|参加)(?:负责)?$/;
/** Inside a bracket: （A、B等按职责分工负责，remark） */
const RESPONSIBLE = /^(.+?)(?:等(?:有关)?(?:部门|单位)?)?(?:按职责(?:分工)?)?(?:分别)?负责(?:[，,；;](.*))?$/;
/** Words that make a list a clause of prose, not a list of agencies: （技工院校内由…部门负责）. */
const NOT_A_LIST = /[由对把将向为是被在的]|^[^、]{25,}$/;

export function findNotes(text: string): NoteMatch[] {
  const notes: NoteMatch[] = [];
  const taken = (start: number, end: number) => notes.some((n) => start < n.end && end > n.start);
  const push = (n: Omit<NoteMatch, 'damaged' | 'joint'> & Partial<NoteMatch>) => notes.push({ damaged: false, joint: false, ...n });
  for (const m of text.matchAll(BRACKETED)) {
    const bodyStart = m.index + m[0].search(/[：:]/) + 1;
    push({ start: m.index, end: m.index + m[0].length, ...splitRoles(m[1]!, bodyStart) });
  }
  for (const m of text.matchAll(ROLES)) {
    if (taken(m.index, m.index + m[0].length)) continue;
    const leadStart = m.index + m[0].indexOf(m[1]!);
    const supportStart = m.index + m[0].lastIndexOf(m[2]!);
    push({ start: m.index, end: m.index + m[0].length, lead: names(m[1]!, leadStart), support: names(m[2]!, supportStart) });
  }
  for (const b of brackets(text)) {
    if (taken(b.start, b.end)) continue;
    const inner = text.slice(b.start + 1, b.end - 1);
    const at = b.start + 1;
    const labelled = LABELLED.exec(inner);
    if (labelled) {
      const list = names(labelled[1]!, at + inner.indexOf(labelled[1]!));
      if (list.length > 0 && list.every(looksLikeName)) push({ start: b.start, end: b.end, lead: list, support: [], joint: true });
      continue;
    }
    const both = LEAD_AND_SUPPORT.exec(inner);
    if (both) {
      const lead = names(both[1]!, at);
      const support = names(both[2]!, at + inner.indexOf(both[2]!, both[1]!.length));
      if ([...lead, ...support].every(looksLikeName)) push({ start: b.start, end: b.end, lead, support });
      continue;
    }
    const responsible = RESPONSIBLE.exec(inner);
    if (responsible && !NOT_A_LIST.test(responsible[1]!)) {
      const list = names(responsible[1]!.replace(/等(?:有关)?(?:部门|单位)?$/, ''), at);
      if (list.length > 0 && list.every(looksLikeName)) push({ start: b.start, end: b.end, lead: list, support: [], joint: true });
    }
  }
  for (const m of text.matchAll(DAMAGED)) {
    if (taken(m.index, m.index + m[0].length)) continue;
    const bodyStart = m.index + m[0].length - 1 - m[1]!.length;
    push({ start: m.index, end: m.index + m[0].length, ...splitRoles(m[1]!, bodyStart), damaged: true });
  }
  return notes.sort((a, b) => a.start - b.start);
}

/** Outermost full- or half-width brackets of a text, nested ones included in their parent: （各区（市）县政府负责）. */
function brackets(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '（' || ch === '(') {
      if (depth === 0) open = i;
      depth++;
    } else if ((ch === '）' || ch === ')') && depth > 0) {
      depth--;
      if (depth === 0) out.push({ start: open, end: i + 1 });
    } else if (ch === '\n') depth = 0;
  }
  return out;
}

/** An agency name or collective: Chinese, short, no prose. */
function looksLikeName(ref: NameRef): boolean {
  return ref.name.length >= 2 && ref.name.length <= 30 && /^[\p{Script=Han}（）()·]+$/u.test(ref.name) && !NOT_A_LIST.test(ref.name);
}

/** Lead before the first comma, support after it; an explanatory sentence after 。 is not a name. */
export function splitRoles(body: string, offset: number): { lead: NameRef[]; support: NameRef[] } {
  const stop = body.indexOf('。');
  const list = stop >= 0 ? body.slice(0, stop) : body;
  const comma = list.search(/[，,]/);
  if (comma < 0) return { lead: names(list, offset), support: [] };
  return { lead: names(list.slice(0, comma), offset), support: names(list.slice(comma + 1), offset + comma + 1) };
}

/**
 * Split an enumeration of names at 、，, and ；, and at 和 where it joins a
 * collective (…等和各省级人民政府), keeping each name's offsets. 和 inside a
 * name (文化和旅游部) stays.
 */
export function names(list: string, offset: number): NameRef[] {
  const out: NameRef[] = [];
  const pattern = /[^、，,；;\s]+/g;
  for (const m of list.matchAll(pattern)) {
    let from = 0;
    for (const part of m[0].split(/(?<=等)和|和(?=各)/)) {
      const name = part.replace(/等$/, '');
      const start = offset + m.index + m[0].indexOf(part, from);
      from = start - offset - m.index + part.length;
      if (name.length > 0) out.push({ name, start, end: start + name.length });
    }
  }
  return out;
}

/** The columns of a task table (a line of cells separated by ` | `) that name agencies, read off its header row. */
export interface TableColumns {
  cells: number;
  lead: number[];
  support: number[];
  /** 责任单位 columns: lead before the first comma, support after it, or a joint list. */
  responsible: number[];
}

const CELL = ' | ';
const LEAD_HEADER = /^(?:牵头(?:单位|部门)|主办单位|主责单位)$/;
const SUPPORT_HEADER = /^(?:配合(?:单位|部门)|参与单位|协办单位|协同单位)$/;
const RESPONSIBLE_HEADER = /^(?:责任(?:单位|部门)|负责(?:单位|部门))$/;

function cellsOf(row: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let from = 0;
  for (;;) {
    const at = row.indexOf(CELL, from);
    const end = at < 0 ? row.length : at;
    const raw = row.slice(from, end);
    const lead = raw.length - raw.trimStart().length;
    out.push({ text: raw.trim(), start: from + lead });
    if (at < 0) return out;
    from = at + CELL.length;
  }
}

/** A header row such as 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限, or null. */
export function tableHeader(row: string): TableColumns | null {
  if (!row.includes(CELL)) return null;
  const cells = cellsOf(row);
  const pick = (pattern: RegExp) => cells.flatMap((c, k) => (pattern.test(c.text) ? [k] : []));
  const columns = { cells: cells.length, lead: pick(LEAD_HEADER), support: pick(SUPPORT_HEADER), responsible: pick(RESPONSIBLE_HEADER) };
  return columns.lead.length + columns.support.length + columns.responsible.length > 0 ? columns : null;
}

/** The note a task table's row makes under its header: the agencies of its lead, support and 责任单位 cells. */
export function tableNote(row: string, columns: TableColumns): NoteMatch | null {
  if (!row.includes(CELL)) return null;
  const cells = cellsOf(row);
  if (cells.length !== columns.cells) return null;
  const lead: NameRef[] = [];
  const support: NameRef[] = [];
  let joint = false;
  const used: { start: number; end: number }[] = [];
  const take = (k: number) => {
    const c = cells[k]!;
    if (c.text) used.push({ start: c.start, end: c.start + c.text.length });
    return c;
  };
  for (const k of columns.lead) lead.push(...names(take(k).text, cells[k]!.start));
  for (const k of columns.support) support.push(...names(take(k).text, cells[k]!.start));
  for (const k of columns.responsible) {
    const c = take(k);
    const roles = splitRoles(c.text, c.start);
    if (!/[，,]/.test(c.text)) joint = roles.lead.length > 0;
    lead.push(...roles.lead);
    support.push(...roles.support);
  }
  if (used.length === 0 || lead.length + support.length === 0) return null;
  return { start: Math.min(...used.map((u) => u.start)), end: Math.max(...used.map((u) => u.end)), lead, support, damaged: false, joint };
}
