/**
 * Responsibility notes tied to the document's structure: every paragraph of a
 * body (preamble, then the sections in order) is read for notes
 * (`lib/notes/`: brackets, trailing text, task-table rows under their header
 * row); each note gets its section, the sentence it closes, its task, an id
 * `<section>.r<n>`, and its roles under the document's conventions.
 *
 * Conventions a document states once and applies from there on: the first
 * listed agency leads (排在第一位的部门为牵头部门), the group before a list's
 * first ， leads (逗号前为牵头单位, or labels that join two roles: 责任单位及承办科室：A，B),
 * names marked with a star lead (带*的为牵头单位), a bracket of agencies alone
 * lists the responsible ones (括号内为责任单位).
 *
 * The task of a note is the text it closes: from the start of its paragraph
 * (after a run-in heading's marker) or the end of the note before it in the
 * paragraph, to the note; for a note on a line of its own, the paragraph
 * before it, or the section's heading when it opens the section's body; for
 * an item whose heading is the note (（四）责任单位：…), the heading of the
 * section it belongs to; for a task table's row, its task cells.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { matchHeading } from '../gbt9704.js';
import { CELL_SEPARATOR } from '../lines.js';
import { BRACKET_LISTS, COMMA_LEADS, LABEL, MAX_NOTE, STAR_LEADS, type NameRef } from '../notes/grammar.js';
import { findNotes, FIRST_LISTED_LEADS, type NoteMatch } from '../notes/reader.js';
import { tableHeader, TableReader } from '../notes/table.js';
import type { Range } from '../sentences.js';
import type { SegNote, SegParagraph, SegSection } from './types.js';

/** Labels joining two roles whose lists the document splits at ，: 责任单位及承办科室：A，B (A responsible, B the office handling it). */
const COMPOUND_LAYOUT = /(?:责任|牵头)(?:单位|部门)(?:及|和)(?:相关)?(?:承办|配合|协办|参与)[^：:\n]{0,8}[：:][^，,；;。\n]{1,40}[，,]/;
/** A line that opens with a role label (牵头单位：), and one that opens with a deadline key (完成时限：). */
const LABEL_LINE = new RegExp(LABEL.source, 'y');
const DEADLINE_LINE = /^(?:完成|办结)?(?:时限|时间|期限|时间节点|时间要求)[：:]/;

/**
 * The paragraphs to read for notes: each alone, but a run of lines that each
 * open with a label, the first with a role label (牵头单位：A / 配合单位：B /
 * 完成时限：2024年底前, one per line), is one note's: read as one paragraph.
 */
function units(text: string, paragraphs: SegParagraph[]): SegParagraph[] {
  const out: SegParagraph[] = [];
  const opens = (p: SegParagraph, role: boolean) => {
    LABEL_LINE.lastIndex = p.start;
    return LABEL_LINE.test(text) || (!role && DEADLINE_LINE.test(text.slice(p.start, Math.min(p.end, p.start + 8))));
  };
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    let j = i;
    if (opens(p, true)) while (j + 1 < paragraphs.length && paragraphs[j + 1]!.end - p.start <= MAX_NOTE && opens(paragraphs[j + 1]!, false)) j++;
    if (j === i) out.push(p);
    else out.push({ ...p, end: paragraphs[j]!.end, sentences: paragraphs.slice(i, j + 1).flatMap((q) => q.sentences) });
    i = j;
  }
  return out;
}

/** Characters a task's text does not start or end with. */
const TASK_TRIM = /[\s。，；;,：:、]/;

/** Where each convention a document states is first stated in its text (Infinity: never). */
export interface Conventions {
  firstListed: number;
  groups: number;
  stars: number;
  bare: number;
}

/** The conventions of a text: one scan per convention, once per document (not per attachment). */
export function conventions(text: string): Conventions {
  const at = (re: RegExp) => re.exec(text)?.index ?? Infinity;
  return { firstListed: at(FIRST_LISTED_LEADS), groups: Math.min(at(COMMA_LEADS), at(COMPOUND_LAYOUT)), stars: at(STAR_LEADS), bare: at(BRACKET_LISTS) };
}

/**
 * `text[from..to)` without leading and trailing separators and spaces, and
 * without a heading marker that opens it (an item run on after the note
 * before: …（A负责）（二）培育市场。), or null when nothing is left.
 */
function trimmed(text: string, from: number, to: number): Range | null {
  while (from < to && TASK_TRIM.test(text[from]!)) from++;
  while (to > from && TASK_TRIM.test(text[to - 1]!)) to--;
  const marker = from < to ? matchHeading(text.slice(from, Math.min(to, from + 16))) : null;
  if (marker && marker.level !== '条' && from + marker.length < to) from += marker.length;
  return to > from ? { start: from, end: to } : null;
}

/**
 * Find responsibility notes in every paragraph and tie each to its section.
 * `year` is the document's, for deadlines that do not name theirs; `stated`
 * the document's conventions (`conventions(text)`, read once per document).
 */
export function attachNotes(text: string, preamble: SegParagraph[], sections: SegSection[], diagnostics: Diagnostic[], scope: string, year: number | null, stated: Conventions = conventions(text)): SegNote[] {
  const notes: SegNote[] = [];
  const perSection = new Map<string | null, number>();
  // a task table's header row says which of its columns name agencies, for the rows under it
  let table: TableReader | null = null;
  /** The header row just read, when no row has followed it: a second header row names its merged cells from it. */
  let headerRow: string | null = null;
  const notesIn = (p: SegParagraph): NoteMatch[] => {
    // the lines of a label run are one note's: their breaks are read as spaces
    const row = text.slice(p.start, p.end).replace(/\n/g, ' ');
    const options = { year, groupsLeadFirst: p.end > stated.groups, starLeads: p.end > stated.stars, bareLists: p.end > stated.bare };
    const header = tableHeader(row, headerRow);
    headerRow = header ? row : null;
    if (header) {
      table = new TableReader(header, options);
      return [];
    }
    const fromTable = table ? table.row(row, p.start) : null;
    if (!fromTable && !row.includes(CELL_SEPARATOR)) table = null;
    return fromTable ? [fromTable] : findNotes(row, options);
  };
  const visit = (paragraphs: SegParagraph[], section: SegSection | null, parent: SegSection | null): void => {
    /** The paragraph before, for a note on a line of its own: its last sentence and its text after its last note. */
    let before: { sentence: string | null; task: Range | null } | null = null;
    for (const p of units(text, paragraphs)) {
      // notes come in order: the sentence of each is found by walking the sentences once
      let k = 0;
      // a run-in heading's marker is no part of a task: 一、加强组织领导。…
      const runIn = section?.heading && section.heading.start >= p.start && section.heading.start < p.end ? section.heading.start : p.start;
      let taskFrom = runIn;
      for (const n of notesIn(p)) {
        // an item whose heading is the note itself (（四）责任单位：…) gives it to the section it belongs to
        const isHeading = section?.heading && parent && p.start + n.start <= section.heading.start && p.start + n.end >= section.heading.end;
        const sectionId = (isHeading ? parent : section)?.id ?? null;
        const ordinal = (perSection.get(sectionId) ?? 0) + 1;
        perSection.set(sectionId, ordinal);
        const start = p.start + n.start;
        const end = p.start + n.end;
        const shift = (r: NameRef): NameRef => ({ ...r, start: r.start + p.start, end: r.end + p.start });
        let lead = n.lead.map(shift);
        let support = n.support.map(shift);
        let roles: SegNote['roles'] = 'explicit';
        if (n.joint && (end > stated.firstListed || n.firstListed) && lead.length > 1) {
          support = lead.slice(1);
          lead = lead.slice(0, 1);
          roles = 'first-listed';
        } else if (n.joint) roles = lead.length > 1 ? 'joint' : 'explicit';
        while (k + 1 < p.sentences.length && p.sentences[k]!.end <= start) k++;
        const inside = p.sentences[k] !== undefined && start >= p.sentences[k]!.start && start < p.sentences[k]!.end ? k : -1;
        const closes = inside > 0 && p.sentences[inside]!.start === start ? inside - 1 : inside;
        // the text the note closes; nothing before it in its paragraph: the paragraph before (a note on its own line)
        const own = n.task !== undefined ? null : trimmed(text, taskFrom, start);
        const alone = n.task === undefined && own === null && !isHeading && before !== null;
        let task: Range[] | null;
        if (n.task !== undefined) task = n.task ? n.task.map((r) => ({ start: r.start + p.start, end: r.end + p.start })) : null;
        else if (own) task = [own];
        else if (isHeading && parent?.heading) task = [parent.heading];
        else if (alone && before!.task) task = [before!.task];
        // a note that opens its section's body (（一）建设平台 / （牵头单位：A）): the section's heading
        else task = section?.heading && section.heading.end <= start ? [section.heading] : null;
        taskFrom = end;
        const note: SegNote = {
          id: `${sectionId ?? scope}.r${ordinal}`,
          sectionId,
          sentenceId: alone && (closes <= 0 || p.sentences[closes]!.start >= start) ? before!.sentence : (p.sentences[closes]?.id ?? null),
          start,
          end,
          lead,
          support,
          roles,
          deadline: n.deadline ? { ...n.deadline, start: n.deadline.start + p.start, end: n.deadline.end + p.start } : null,
          task,
          damaged: n.damaged,
        };
        if (n.damaged) {
          diagnostics.push(diagnostic('segment:damaged-note', `Unexpected damaged responsibility note “${text.slice(note.start, note.end)}”: its opening was lost to corrupted bytes; read from 单位：`, { space: 'hans', start: note.start, end: note.end }));
        }
        if (note.lead.length + note.support.length === 0) {
          diagnostics.push(diagnostic('segment:empty-note', 'Unexpected responsibility note without agencies', { space: 'hans', start: note.start, end: note.end }));
        }
        notes.push(note);
      }
      before = { sentence: p.sentences[p.sentences.length - 1]?.id ?? null, task: trimmed(text, taskFrom, p.end) };
    }
  };
  visit(preamble, null, null);
  const walk = (list: SegSection[], parent: SegSection | null): void => {
    for (const s of list) {
      visit(s.paragraphs, s, parent);
      walk(s.children, s);
    }
  };
  walk(sections, null);
  return notes;
}
