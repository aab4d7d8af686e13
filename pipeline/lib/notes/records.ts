/**
 * The rows of the responsibilities table (responsibilities.csv and .parquet;
 * lib/datasets.ts writes them) for one document: one row per agency and role
 * of each note, with the document's title, the note's section and its
 * heading, the note's task, its text and its deadline.
 *
 * `role` is lead, support or joint: the agencies of a note that lists them as
 * jointly responsible (`roles` joint: A、B负责) are `joint`, not leads. `agency`
 * is the agency's canonical name (its entity id without the type prefix),
 * `agency_type` agency or agencyGroup, `agency_name` the name as written.
 */
import type { GongwenDocument, Section } from '../../schema-types.js';

export const RESPONSIBILITY_COLUMNS = [
  'document', 'document_title', 'note', 'section', 'section_heading', 'sentence', 'agency', 'agency_type', 'agency_name', 'role', 'roles_basis',
  'deadline', 'deadline_date', 'deadline_kind', 'task', 'note_text',
];

/** `target` names the document (its output path without extension); an absent value is null. */
export function responsibilityRows(target: string, doc: GongwenDocument): (string | null)[][] {
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const headings = new Map<string, string>();
  const walk = (list: readonly Section[]) => {
    for (const s of list) {
      headings.set(s.id, `${s.marker}${s.heading?.['zh-Hans'] ?? ''}`);
      walk(s.children);
    }
  };
  walk(doc.sections);
  for (const a of doc.attachments) walk(a.sections);
  const title = doc.document.title['zh-Hans'] || null;
  return doc.responsibilities.flatMap((n) => {
    const row = (id: string, role: 'lead' | 'support' | 'joint') => {
      const e = entities.get(id);
      const colon = id.indexOf(':');
      return [
        target, title, n.id, n.sectionId, n.sectionId ? (headings.get(n.sectionId) ?? null) : null, n.sentenceId,
        e?.canonical ?? id.slice(colon + 1), id.slice(0, colon), e?.name['zh-Hans'] ?? null, role, n.roles,
        n.deadline?.text['zh-Hans'] ?? null, n.deadline?.date ?? null, n.deadline?.kind ?? null, n.task?.text['zh-Hans'] ?? null, n.text['zh-Hans'],
      ];
    };
    return [...n.lead.map((a) => row(a, n.roles === 'joint' ? 'joint' : 'lead')), ...n.support.map((a) => row(a, 'support'))];
  });
}
