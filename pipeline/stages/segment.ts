/**
 * segment: zh-Hans text → the parts of an official document (GB/T 9704),
 * the heading tree with paragraphs and sentences, and the responsibility
 * notes. Offsets are UTF-16 units into the zh-Hans text.
 *
 * The work lives in `lib/segment/`: parts.ts (版头, title, 主送机关, signature,
 * date, 版记), headings.ts (the heading tree, paragraphs, sentences),
 * attachments.ts (where a cover ends, the documents it forwards), notes.ts
 * (responsibility notes tied to sections and sentences).
 */
import type { Diagnostic } from '../lib/diagnostics.js';
import { diagnostic } from '../lib/diagnostics.js';
import { documentKind, isCalendarDate } from '../lib/gbt9704.js';
import { splitLines } from '../lib/lines.js';
import { coverEnd, readAttachments } from '../lib/segment/attachments.js';
import { buildTree } from '../lib/segment/headings.js';
import { attachNotes } from '../lib/segment/notes.js';
import { documentIssuerAndDate, joined, readClosing, readHeader } from '../lib/segment/parts.js';
import type { Part, SegAttachment, Segmented } from '../lib/segment/types.js';

export type { Part, PartType, SegAttachment, SegNote, SegParagraph, SegSection, SegSentence, Segmented } from '../lib/segment/types.js';

export interface SegmentOptions {
  /** Headings of a Markdown input: zh-Hans offset of the line → depth (# = 1). */
  markdownHeadings?: ReadonlyMap<number, number>;
}

export function segment(text: string, options: SegmentOptions = {}): Segmented {
  const markdown = options.markdownHeadings ?? new Map<number, number>();
  const diagnostics: Diagnostic[] = [];
  const lines = splitLines(text).filter((l) => l.text.trim() !== '');
  const parts: Part[] = [];
  const header = readHeader(text, lines, 0, parts, diagnostics, true);
  const split = coverEnd(lines, header.next);
  const coverLines = split < 0 ? lines : lines.slice(0, split);
  const closing = readClosing(coverLines, header.next, parts);
  const cover = { ...closing, ...buildTree(text, closing.bodyLines, diagnostics, '', markdown) };
  const { issuer, date } = documentIssuerAndDate(text, header, cover, split >= 0, diagnostics);
  const attachments: SegAttachment[] = split >= 0 ? readAttachments(text, lines, split, parts, diagnostics, markdown) : [];

  // a date line is read by its shape; a day no calendar has is reported here, and the record's date is null (to-json)
  for (const d of [date, ...attachments.map((a) => a.date)]) {
    if (d && !isCalendarDate(d.iso)) diagnostics.push(diagnostic('segment:impossible-date', `Unexpected 成文日期 ${d.iso}: no such day in the calendar; the date is left null`, { space: 'hans', start: d.start, end: d.end }));
  }
  // a decree's title is the title of what it promulgates
  const title = header.decree && attachments[0] && attachments[0].title.length > 0 ? attachments[0].title : header.title;
  const yearOf = (d: { iso: string } | null) => (d ? Number(d.iso.slice(0, 4)) : null);
  const notes = [
    ...attachNotes(text, cover.preamble, cover.sections, diagnostics, 'doc', yearOf(date)),
    ...attachments.flatMap((a) => attachNotes(text, a.preamble, a.sections, diagnostics, a.id, yearOf(a.date ?? date))),
  ];
  return {
    parts,
    title,
    documentNumber: header.documentNumber,
    issuer,
    // the other organs of a joint signature, when the issuer is the signature's lead organ
    coIssuers: issuer === closing.issuer ? closing.coIssuers : [],
    date,
    addressees: header.addressees,
    kind: header.decree ? '令' : documentKind(joined(text, header.title)),
    preamble: cover.preamble,
    sections: cover.sections,
    attachments,
    notes,
    diagnostics,
  };
}
