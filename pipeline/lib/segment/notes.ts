/**
 * Responsibility notes tied to the document's structure: every paragraph of a
 * body (preamble, then the sections in order) is read for notes
 * (`lib/responsibility.ts`: brackets, trailing labels, task-table rows under
 * their header row); each note gets its section, the sentence it closes, an
 * id `<section>.r<n>`, and its roles under the document's convention.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { CELL_SEPARATOR } from '../lines.js';
import { findNotes, FIRST_LISTED_LEADS, tableHeader, tableNote, type NameRef, type NoteMatch, type TableColumns } from '../responsibility.js';
import type { SegNote, SegParagraph, SegSection } from './types.js';

/** Find responsibility notes in every paragraph and tie each to its section. */
export function attachNotes(text: string, preamble: SegParagraph[], sections: SegSection[], diagnostics: Diagnostic[], scope: string): SegNote[] {
  const notes: SegNote[] = [];
  // 排在第一位的部门为牵头部门(，下同): from the note that says it on
  const convention = FIRST_LISTED_LEADS.exec(text)?.index ?? Infinity;
  // a task table's header row says which of its columns name agencies, for the rows under it
  let columns: TableColumns | null = null;
  const notesIn = (row: string): NoteMatch[] => {
    const header = tableHeader(row);
    if (header) {
      columns = header;
      return [];
    }
    const fromTable = columns ? tableNote(row, columns) : null;
    if (!fromTable && !row.includes(CELL_SEPARATOR)) columns = null;
    return fromTable ? [fromTable] : findNotes(row);
  };
  const visit = (paragraphs: SegParagraph[], section: SegSection | null): void => {
    for (const p of paragraphs) {
      for (const n of notesIn(text.slice(p.start, p.end))) {
        const sectionId = section?.id ?? null;
        const ordinal = notes.filter((x) => x.sectionId === sectionId).length + 1;
        const start = p.start + n.start;
        const end = p.start + n.end;
        const shift = (r: NameRef): NameRef => ({ ...r, start: r.start + p.start, end: r.end + p.start });
        let lead = n.lead.map(shift);
        let support = n.support.map(shift);
        let roles: SegNote['roles'] = 'explicit';
        if (n.joint && end > convention && lead.length > 1) {
          support = lead.slice(1);
          lead = lead.slice(0, 1);
          roles = 'first-listed';
        } else if (n.joint) roles = lead.length > 1 ? 'joint' : 'explicit';
        const k = p.sentences.findIndex((s) => start >= s.start && start < s.end);
        const closes = k > 0 && p.sentences[k]!.start === start ? k - 1 : k;
        const note: SegNote = {
          id: `${sectionId ?? scope}.r${ordinal}`,
          sectionId,
          sentenceId: p.sentences[closes]?.id ?? null,
          start,
          end,
          lead,
          support,
          roles,
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
    }
  };
  visit(preamble, null);
  const walk = (list: SegSection[]): void => {
    for (const s of list) {
      visit(s.paragraphs, s);
      walk(s.children);
    }
  };
  walk(sections);
  return notes;
}
