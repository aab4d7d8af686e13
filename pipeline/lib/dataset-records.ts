/**
 * A document's share of the batch files, built by the thread that processed
 * it (job.ts): its rows of the three tables (lib/datasets.ts declares them)
 * and its line of dataset.jsonl. Apart from lib/datasets.ts, which the main
 * thread loads to write the files, so that it never loads what these read
 * (the document's facts).
 */
import type { GongwenDocument, Paragraph, Section } from '../schema-types.js';
import type { DatasetRecord, Row, TableName } from './datasets.js';
import { publishedDate } from './document-facts.js';
import { responsibilityRows } from './notes/records.js';

/** A section tree's size, attachments' included. */
function countSections(list: readonly Section[]): number {
  return list.reduce((n, s) => n + 1 + countSections(s.children), 0);
}

/** The document's row of the documents table; `target` is its output path without extension. */
export function documentRow(target: string, doc: GongwenDocument): Row {
  const d = doc.document;
  const warnings = doc.diagnostics.filter((x) => x.severity !== 'info');
  return [
    target, doc.source.file, d.title['zh-Hans'] || null, d.title['zh-Hant'] || null, d.documentNumber, d.issuer?.['zh-Hans'] ?? null, d.date, d.kind, d.status, d.isDocument,
    d.titleSource, doc.source.script, doc.source.format, doc.source.encoding, doc.publication?.publishedAt ?? publishedDate(doc.pageMetadata ?? []),
    countSections(doc.sections) + doc.attachments.reduce((n, a) => n + countSections(a.sections), 0), doc.attachments.length, doc.responsibilities.length, doc.entities.length,
    warnings.length, [...new Set(warnings.map((x) => x.code))].sort(),
  ];
}

/** An entity id without its type: agency:成都市科学技术局 → 成都市科学技术局. */
export function entityKey(id: string): string {
  return id.slice(id.indexOf(':') + 1);
}

export function entityRows(target: string, doc: GongwenDocument): Row[] {
  return doc.entities.map((e) => [
    target, e.id, e.type, entityKey(e.id), e.name['zh-Hans'], e.name['zh-Hant'], e.canonical ?? null, e.category ?? null, e.year ?? null, e.quantity?.value ?? null, e.quantity?.unit ?? null,
    e.mentions.length, e.mentions[0]!.start, e.mentions[0]!.end,
  ]);
}

/** One document's rows of every table: the record a worker writes, read back by `tableFiles`. */
export function tableRecord(target: string, doc: GongwenDocument): string {
  const record: Record<TableName, Row[]> = { documents: [documentRow(target, doc)], entities: entityRows(target, doc), responsibilities: responsibilityRows(target, doc) };
  return `${JSON.stringify(record)}\n`;
}

export function datasetRecord(target: string, doc: GongwenDocument, kind: DatasetRecord = 'full'): object {
  if (kind === 'full') return { path: target, ...doc };
  const paragraph = (p: Paragraph) => (kind === 'sentences' ? p : { id: p.id, span: p.span, ...(p.article ? { article: p.article } : {}) });
  const section = (s: Section): object => ({ ...s, paragraphs: s.paragraphs.map(paragraph), children: s.children.map(section) });
  const { textAlignment: _alignment, cleaning, ...rest } = doc;
  return {
    path: target,
    ...rest,
    cleaning: { script: cleaning.script, rawLength: cleaning.rawLength },
    preamble: doc.preamble.map(paragraph),
    sections: doc.sections.map(section),
    attachments: doc.attachments.map((a) => ({ ...a, preamble: a.preamble.map(paragraph), sections: a.sections.map(section) })),
  };
}
