/**
 * Responsibility notes tied to the document's structure: every paragraph of a
 * body (preamble, then the sections in order) is read for notes
 * (`lib/notes/`: brackets, trailing text, task-table rows under their header
 * row); each note gets its section, the sentence it closes, an
 * id `<section>.r<n>`, and its roles under the document's convention.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { CELL_SEPARATOR } from '../lines.js';
import type { NameRef } from '../notes/grammar.js';
import { findNotes, FIRST_LISTED_LEADS, type NoteMatch } from '../notes/reader.js';
import { tableHeader, TableReader } from '../notes/table.js';
import type { SegNote, SegParagraph, SegSection } from './types.js';

/**
 * Find responsibility notes in every paragraph and tie each to its section.
 * `year` is the document's, for deadlines that do not name theirs.
 */
export function attachNotes(text: string, preamble: SegParagraph[], sections: SegSection[], diagnostics: Diagnostic[], scope: string, year: number | null): SegNote[] {
  const notes: SegNote[] = [];
  const perSection = new Map<string | null, number>();
  // 排在第一位的部门为牵头部门(，下同): from the note that says it on
  const convention = FIRST_LISTED_LEADS.exec(text)?.index ?? Infinity;
  // a task table's header row says which of its columns name agencies, for the rows under it
  let table: TableReader | null = null;
  const notesIn = (row: string): NoteMatch[] => {
    const header = tableHeader(row);
    if (header) {
      table = new TableReader(header, year);
      return [];
    }
    const fromTable = table ? table.row(row) : null;
    if (!fromTable && !row.includes(CELL_SEPARATOR)) table = null;
    return fromTable ? [fromTable] : findNotes(row, { year });
  };
  const visit = (paragraphs: SegParagraph[], section: SegSection | null, parent: SegSection | null): void => {
    for (const p of paragraphs) {
      // notes come in order: the sentence of each is found by walking the sentences once
      let k = 0;
      for (const n of notesIn(text.slice(p.start, p.end))) {
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
        if (n.joint && (end > convention || n.firstListed) && lead.length > 1) {
          support = lead.slice(1);
          lead = lead.slice(0, 1);
          roles = 'first-listed';
        } else if (n.joint) roles = lead.length > 1 ? 'joint' : 'explicit';
        while (k + 1 < p.sentences.length && p.sentences[k]!.end <= start) k++;
        const inside = p.sentences[k] !== undefined && start >= p.sentences[k]!.start && start < p.sentences[k]!.end ? k : -1;
        const closes = inside > 0 && p.sentences[inside]!.start === start ? inside - 1 : inside;
        const note: SegNote = {
          id: `${sectionId ?? scope}.r${ordinal}`,
          sectionId,
          sentenceId: p.sentences[closes]?.id ?? null,
          start,
          end,
          lead,
          support,
          roles,
          deadline: n.deadline ? { ...n.deadline, start: n.deadline.start + p.start, end: n.deadline.end + p.start } : null,
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
