/**
 * The rows of responsibilities.csv for one document: one row per agency and
 * role of each note, with the note's section and its heading, the note's
 * text and its deadline. (The batch writes them: pipeline/job.ts.)
 */
import type { GongwenDocument, Section } from '../../schema-types.js';

export const RESPONSIBILITY_COLUMNS = [
  'document', 'note', 'section', 'section_heading', 'sentence', 'agency', 'agency_name', 'role', 'roles_basis',
  'deadline', 'deadline_date', 'deadline_kind', 'note_text',
];

/** `target` names the document (its output path without extension). */
export function responsibilityRows(target: string, doc: GongwenDocument): (string | number)[][] {
  const names = new Map(doc.entities.map((e) => [e.id, e.name['zh-Hans']]));
  const headings = new Map<string, string>();
  const walk = (list: readonly Section[]) => {
    for (const s of list) {
      headings.set(s.id, `${s.marker}${s.heading?.['zh-Hans'] ?? ''}`);
      walk(s.children);
    }
  };
  walk(doc.sections);
  for (const a of doc.attachments) walk(a.sections);
  return doc.responsibilities.flatMap((n) => {
    const row = (agency: string, role: 'lead' | 'support') => [
      target, n.id, n.sectionId ?? '', n.sectionId ? (headings.get(n.sectionId) ?? '') : '', n.sentenceId ?? '', agency, names.get(agency) ?? '', role, n.roles,
      n.deadline?.text['zh-Hans'] ?? '', n.deadline?.date ?? '', n.deadline?.kind ?? '', n.text['zh-Hans'],
    ];
    return [...n.lead.map((a) => row(a, 'lead')), ...n.support.map((a) => row(a, 'support'))];
  });
}
