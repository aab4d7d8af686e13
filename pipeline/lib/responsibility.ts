/**
 * Responsibility notes (责任单位): who leads (牵头) and who supports (配合) a
 * task. Forms handled here, all in zh-Hans:
 *   [责任单位：A、B，C、D]                lead before the first comma, support after
 *   （牵头单位：A；配合单位：B、C）          explicit roles
 *   （A牵头，B、C参与）  （A牵头负责，B配合）  explicit roles
 *   （A、B负责）  （A、B等按职责分工负责）    a list of responsible agencies
 *   （负责部门：A、B，适用范围：X）          the same, with a label
 *   （责任单位：A牵头，B、C配合） （责任单位：A（牵头）、B、C）  roles marked in the list
 *   （牵头单位：A　责任单位：B） （牵头单位：A）  labelled parts in any order
 *   责任单位：A（牵头）、B、C              the same without brackets, ending a paragraph
 * A list of responsible agencies is joint (every one leads) unless the
 * document says that the first listed leads (排在第一位的部门为牵头部门): the
 * caller applies that convention (see `FIRST_LISTED_LEADS`).
 * A note whose opening bracket and first characters were lost to corrupted
 * bytes (…任单位：A，B]) is still read, and flagged as damaged.
 */
import { CELL_SEPARATOR } from './lines.js';

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

// the note patterns scan at most 300 characters for their closing bracket: unbounded, a long paragraph with many
// labels and no closing bracket took quadratic time (1 s for 100 k characters)
const BRACKETED = /[[［【]\s*(?:责任单位|责任部门|牵头单位)[：:]([^\]］】\n]{0,300})[\]］】]/g;
const ROLES = /[（(]\s*牵头(?:单位|部门)[：:]([^；;）)\n]{0,300})[；;]\s*(?:配合|参与|协同)(?:单位|部门)[：:]([^）)\n]{0,300})[）)]/g;
/** A note that lost its opening to corrupted bytes: 任单位：…] */
const DAMAGED = /(?:责?任单位|单位)[：:]([^\]］】\n[［【]{0,300})[\]］】]/g;
/** The convention that makes the first agency of a list the lead one. */
export const FIRST_LISTED_LEADS = /(?:排在|排名|列)第一(?:位)?的(?:部门|单位)?为牵头(?:部门|单位)/;
/** The convention stated at the end of a list: （责任单位：A、B，排在第一位的为牵头单位）. */
const CONVENTION_TAIL = /[，,；;]\s*(?:排在|排名|列)第一(?:位)?的(?:部门|单位)?为牵头(?:部门|单位).*$/;
/** A role label: 牵头单位： 配合部门： 责任单位： … */
const ROLE_LABEL = /(牵头|主责|配合|参与|协同|协办|责任|负责)(?:单位|部门)[：:]/g;
const LEAD_LABELS = new Set(['牵头', '主责']);
const SUPPORT_LABELS = new Set(['配合', '参与', '协同', '协办']);

/** Inside a bracket: （负责部门：A、B，适用范围：X） */
const LABELLED = /^(?:负责|责任|主责)(?:部门|单位)[：:](.+?)(?:[，,；;][^，,；;：:]{1,8}[：:].*)?$/;
/** Inside a bracket: （A牵头，B、C参与）, （A牵头，B等按职责分工负责） */
const LEAD_AND_SUPPORT = /^(.+?)牵头(?:负责)?[，,、；;]\s*(.+?)(?:等(?:有关)?(?:部门|单位)?)?(?:(?:参与|配合|协同|参加)(?:负责)?|(?:按职责(?:分工)?)?(?:分别)?负责)$/;
/** Inside a bracket: （A牵头）, a lead and no one else named. */
const LEAD_ALONE = /^([^，,；;]+?)牵头(?:负责)?$/;
/** What may close a labelled list without being a name: （责任单位：A、B按职责分工负责）. */
const DUTY_TAIL = /(?:等(?:有关)?(?:部门|单位)?)?(?:按职责(?:分工)?)?(?:分别)?负责$/;
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
    const parts = labelledParts(inner, at);
    if (parts) {
      const roles = labelledRoles(parts);
      if (roles && [...roles.lead, ...roles.support].every(looksLikeName)) push({ start: b.start, end: b.end, ...roles });
      continue;
    }
    const labelled = LABELLED.exec(inner);
    if (labelled) {
      const body = labelled[1]!.replace(CONVENTION_TAIL, '').replace(DUTY_TAIL, '');
      const bodyAt = at + inner.indexOf(labelled[1]!);
      const marked = markedRoles(body, bodyAt);
      const list = marked ? [...marked.lead, ...marked.support] : names(body, bodyAt);
      if (list.length > 0 && list.every(looksLikeName)) push({ start: b.start, end: b.end, ...(marked ?? { lead: list, support: [], joint: true }) });
      continue;
    }
    // a bracket without a label is read only in these exact forms: markedRoles, which a label makes safe,
    // would take prose for names here (（市发改委牵头，研究制定具体办法）)
    const both = LEAD_AND_SUPPORT.exec(inner);
    if (both) {
      const lead = names(both[1]!, at);
      const support = names(both[2]!, at + inner.indexOf(both[2]!, both[1]!.length));
      if ([...lead, ...support].every(looksLikeName)) push({ start: b.start, end: b.end, lead, support });
      continue;
    }
    // （A牵头） alone: one lead, which must name an organ
    const alone = LEAD_ALONE.exec(inner);
    if (alone) {
      const lead = names(alone[1]!, at);
      if (lead.length > 0 && lead.every((r) => looksLikeName(r) && ORGAN_END.test(r.name))) push({ start: b.start, end: b.end, lead, support: [] });
      continue;
    }
    const responsible = RESPONSIBLE.exec(inner);
    if (responsible && !NOT_A_LIST.test(responsible[1]!)) {
      const list = names(responsible[1]!.replace(/等(?:有关)?(?:部门|单位)?$/, ''), at);
      if (list.length > 0 && list.every(looksLikeName)) push({ start: b.start, end: b.end, lead: list, support: [], joint: true });
    }
  }
  const ending = endingNote(text);
  if (ending && !taken(ending.start, ending.end)) push(ending);
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
  const marked = markedRoles(list, offset);
  if (marked) return marked;
  const comma = list.search(/[，,]/);
  if (comma < 0) return { lead: names(list, offset), support: [] };
  return { lead: names(list.slice(0, comma), offset), support: names(list.slice(comma + 1), offset + comma + 1) };
}

/**
 * Roles written into a list itself — A牵头，B、C配合 / A（牵头）、B、C — or
 * null when the list marks no role. Names left unmarked support a named
 * lead, or lead when none is named.
 */
export function markedRoles(body: string, offset: number): { lead: NameRef[]; support: NameRef[] } | null {
  const lead: NameRef[] = [];
  const support: NameRef[] = [];
  const rest: NameRef[] = [];
  let marked = false;
  for (const m of body.matchAll(/[^，,；;]+/g)) {
    const at = offset + m.index;
    // a role word after a 、 list applies to all of it: B、C配合
    const group = /^(.*?[^、\s])(?:等)?(牵头|配合|参与|协同|参加)(?:负责)?\s*$/.exec(m[0]);
    if (group) {
      marked = true;
      (group[2] === '牵头' ? lead : support).push(...names(group[1]!, at));
      continue;
    }
    for (const n of names(m[0], at)) {
      // a role in brackets after one name: A（牵头）
      const own = /^(.+?)[（(](牵头|配合|参与|协同)[）)]$/.exec(n.name);
      if (!own) {
        rest.push(n);
        continue;
      }
      marked = true;
      (own[2] === '牵头' ? lead : support).push({ name: own[1]!, start: n.start, end: n.start + own[1]!.length });
    }
  }
  if (!marked) return null;
  (lead.length > 0 ? support : lead).push(...rest);
  const byStart = (x: NameRef, y: NameRef) => x.start - y.start;
  return { lead: lead.sort(byStart), support: support.sort(byStart) };
}

interface LabelledPart {
  label: string;
  body: string;
  at: number;
}

/**
 * A text made of role labels and their lists — 牵头单位：A；配合单位：B、C /
 * 牵头单位：A　责任单位：B — split at its labels; null unless it starts with
 * a label and has a lead or support label (a lone 责任单位： is LABELLED's).
 */
function labelledParts(text: string, offset: number): LabelledPart[] | null {
  const parts = splitAtLabels(text, offset);
  if (parts.length === 0 || text.slice(0, parts[0]!.labelAt - offset).trim() !== '') return null;
  if (!parts.some((p) => LEAD_LABELS.has(p.label) || SUPPORT_LABELS.has(p.label))) return null;
  return parts;
}

/** A text cut at its role labels: each label with the list after it (closing marks trimmed), offsets shifted by `offset`. */
function splitAtLabels(text: string, offset: number): (LabelledPart & { labelAt: number })[] {
  const labels = [...text.matchAll(ROLE_LABEL)];
  return labels.map((l, k) => {
    const from = l.index + l[0].length;
    const to = labels[k + 1]?.index ?? text.length;
    return { label: l[1]!, body: text.slice(from, to).replace(/[；;，,。\s]+$/, ''), at: offset + from, labelAt: offset + l.index };
  });
}

/** Lead and support from labelled parts: a 责任单位 list beside a named lead supports it. */
function labelledRoles(parts: LabelledPart[]): { lead: NameRef[]; support: NameRef[] } | null {
  const lead: NameRef[] = [];
  const support: NameRef[] = [];
  const responsible: NameRef[] = [];
  for (const p of parts) {
    const list = names(p.body.replace(CONVENTION_TAIL, ''), p.at);
    if (LEAD_LABELS.has(p.label)) lead.push(...list);
    else if (SUPPORT_LABELS.has(p.label)) support.push(...list);
    else responsible.push(...list);
  }
  const leading = new Set(lead.map((r) => r.name));
  if (lead.length > 0) support.push(...responsible.filter((r) => !leading.has(r.name)));
  else lead.push(...responsible);
  if (lead.length + support.length === 0) return null;
  return { lead, support };
}

/** A label that may open a note without brackets. */
const ENDING_LABEL = /(?:牵头|主责|责任|负责)(?:单位|部门)[：:]/g;

/** How many brackets are open at `to`, given `depth` open at `from`. */
function depthAfter(text: string, from: number, to: number, depth: number): number {
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === '（' || ch === '(' || ch === '[' || ch === '［' || ch === '【') depth++;
    else if ((ch === '）' || ch === ')' || ch === ']' || ch === '］' || ch === '】') && depth > 0) depth--;
  }
  return depth;
}

/** How the name of an organ or a collective of them ends: a note without brackets must name only such (not 要按照职责分工抓好落实). */
const ORGAN_END = /(?:委员会|办公厅|办公室|管委会|政府|局|委|厅|部|署|办|院|会|中心|集团|公司|银行|单位|部门|机构|学校|大学|队|所|站|社|联)$/;

/**
 * A note without brackets that ends its paragraph, after the text or on a
 * line of its own: 责任单位：A（牵头）、B、C / 牵头单位：A；配合单位：B.
 * Every name must look like one, so prose that happens to start with a
 * label is left alone.
 */
function endingNote(text: string): (Omit<NoteMatch, 'damaged' | 'joint'> & Partial<NoteMatch>) | null {
  // the last label at bracket depth 0 that opens the paragraph or follows the end of a sentence
  let start = -1;
  // bracket depth carried from one label to the next (labels come in order)
  let depth = 0;
  let cursor = 0;
  ENDING_LABEL.lastIndex = 0;
  for (let m = ENDING_LABEL.exec(text); m; m = ENDING_LABEL.exec(text)) {
    depth = depthAfter(text, cursor, m.index, depth);
    cursor = m.index;
    if (depth === 0 && /^$|[。；;！!]\s*$/.test(text.slice(Math.max(0, m.index - 2), m.index))) start = m.index;
  }
  if (start < 0) return null;
  const end = start + text.slice(start).replace(/[。；;\s]+$/, '').length;
  const parts = splitAtLabels(text.slice(start, end), start);
  let roles: { lead: NameRef[]; support: NameRef[]; joint?: boolean } | null;
  if (parts.length === 1 && !LEAD_LABELS.has(parts[0]!.label)) {
    // one 责任单位 list: roles marked in it, or lead before the first comma as in [责任单位：A，B], or joint
    const body = parts[0]!.body.replace(CONVENTION_TAIL, '');
    roles = /[，,]/.test(body) || markedRoles(body, parts[0]!.at) ? splitRoles(body, parts[0]!.at) : { lead: names(body, parts[0]!.at), support: [], joint: true };
  } else roles = labelledRoles(parts);
  const all = roles ? [...roles.lead, ...roles.support] : [];
  if (all.length === 0 || !all.every((r) => looksLikeName(r) && ORGAN_END.test(r.name))) return null;
  return { start, end, ...roles! };
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

const LEAD_HEADER = /^(?:牵头(?:单位|部门)|主办单位|主责单位)$/;
const SUPPORT_HEADER = /^(?:配合(?:单位|部门)|参与单位|协办单位|协同单位)$/;
const RESPONSIBLE_HEADER = /^(?:责任(?:单位|部门)|负责(?:单位|部门))$/;

function cellsOf(row: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let from = 0;
  for (;;) {
    const at = row.indexOf(CELL_SEPARATOR, from);
    const end = at < 0 ? row.length : at;
    const raw = row.slice(from, end);
    const lead = raw.length - raw.trimStart().length;
    out.push({ text: raw.trim(), start: from + lead });
    if (at < 0) return out;
    from = at + CELL_SEPARATOR.length;
  }
}

/** A header row such as 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限, or null. */
export function tableHeader(row: string): TableColumns | null {
  if (!row.includes(CELL_SEPARATOR)) return null;
  const cells = cellsOf(row);
  const pick = (pattern: RegExp) => cells.flatMap((c, k) => (pattern.test(c.text) ? [k] : []));
  const columns = { cells: cells.length, lead: pick(LEAD_HEADER), support: pick(SUPPORT_HEADER), responsible: pick(RESPONSIBLE_HEADER) };
  return columns.lead.length + columns.support.length + columns.responsible.length > 0 ? columns : null;
}

/** The note a task table's row makes under its header: the agencies of its lead, support and 责任单位 cells. */
export function tableNote(row: string, columns: TableColumns): NoteMatch | null {
  if (!row.includes(CELL_SEPARATOR)) return null;
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
