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
import { detectJurisdiction, placeArticleParagraphs } from '../lib/articles.js';
import type { Diagnostic } from '../lib/diagnostics.js';
import { diagnostic } from '../lib/diagnostics.js';
import { documentKind, isCalendarDate, matchHeading } from '../lib/gbt9704.js';
import { readNumberedHistory } from '../lib/law-history.js';
import { splitLines } from '../lib/lines.js';
import { coverEnd, readAttachments, taiwanCoverEnd } from '../lib/segment/attachments.js';
import { buildTree } from '../lib/segment/headings.js';
import { attachNotes, conventions } from '../lib/segment/notes.js';
import { documentIssuerAndDate, joined, readClosing, readHeader, readTaiwanClosing } from '../lib/segment/parts.js';
import { isMeetingDecision, SUBJECT_LABEL } from '../lib/tw-gongwen.js';
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
  // whose layout: from the text's own marks (a Hong Kong ordinance's title, headings and sections are its own)
  const detected = detectJurisdiction(text);
  const header = readHeader(text, lines, 0, parts, diagnostics, true, detected);
  const taiwan = header.taiwan;
  // a Taiwan 函/令 ends at its 署名 when it sends a document; a mainland cover at its signature and 成文日期
  const split = taiwan ? taiwanCoverEnd(lines, header.next) : coverEnd(lines, header.next);
  const coverLines = split < 0 ? lines : lines.slice(0, split);
  const twClosing = taiwan ? readTaiwanClosing(coverLines, header.next, parts) : null;
  const closing = twClosing ?? readClosing(coverLines, header.next, parts);
  // a Taiwan 函 or 公告 is in labelled parts (主旨：, 说明：, 公告事项：); so is a text whose body opens with 主旨：
  // a meeting's decisions (行政院第2928次会议院长提示暨院会决定决议事项) are in parts 院长提示, 报告事项, 讨论事项
  const labelled =
    taiwan?.kind === '开会通知单' ? 'notice'
    : taiwan !== null || (closing.bodyLines[0] !== undefined && /^主旨[：:]/.test(closing.bodyLines[0].text)) ? true
    : isMeetingDecision(joined(text, header.title), closing.bodyLines.map((l) => l.text)) ? 'meeting'
    : header.paperReference && detected === 'hk' ? 'paper'
    : false;
  // a Hong Kong ordinance: its chapter number above or before the title, or its short title (本条例可引称为《…》)
  const ordinance = detected === 'hk' && (/^第\d+[A-Z]{0,2}章$/u.test(header.documentNumber ?? '') || /可引称为《/u.test(text));
  // a law's numbered history under its title (the law database's 沿革: 1.中华民国…令订定发布, wrapped lines, notes)
  const numbered = readNumberedHistory(closing.bodyLines, (line) => typeof matchHeading(line)?.level === 'string');
  // what the document says once about its notes (逗号前为牵头单位, 括号内为责任单位 …), read once
  const stated = conventions(text);
  const cover = { ...closing, ...buildTree(text, closing.bodyLines, diagnostics, '', markdown, labelled, numbered?.lines ?? 0, detected, ordinance, stated.bare) };
  const found = documentIssuerAndDate(text, header, cover, split >= 0, diagnostics, numbered?.events ?? null);
  const { history } = found;
  // a Taiwan header names the issuing organs (several for a joint 函) and the 發文日期
  const issuers = taiwan?.issuers ?? [];
  const issuer = issuers[0] ?? found.issuer;
  const date = found.date ?? taiwan?.date ?? header.date;
  // 主旨 (a 函, a 公告), 開會事由 (a 開會通知單)
  const subjectPart = cover.sections.find((s) => s.level === '段' && (s.marker === '主旨' || s.marker === '开会事由'));
  const subjectLine = subjectPart?.paragraphs[0];
  const subject = subjectLine ? { start: subjectLine.start + SUBJECT_LABEL.exec(text.slice(subjectLine.start, subjectLine.end))![0].length, end: subjectLine.end } : null;
  // 受文者, else the 正本 line of a 函
  const addressees = header.addressees.length > 0 ? header.addressees : (twClosing?.addressees ?? []);
  const attachments: SegAttachment[] = split >= 0 ? readAttachments(text, lines, split, parts, diagnostics, markdown, stated.bare) : [];
  // whose layout: from the text's own marks, else from its articles (Taiwan's 一、 款 inside them)
  const articles = placeArticleParagraphs(text, [cover.sections, ...attachments.map((a) => a.sections)], detected);

  // a date line is read by its shape; a day no calendar has is reported here, and the record's date is null (to-json)
  for (const d of [date, ...attachments.map((a) => a.date)]) {
    if (d && !isCalendarDate(d.iso)) diagnostics.push(diagnostic('segment:impossible-date', `Unexpected 成文日期 ${d.iso}: no such day in the calendar; the date is left null`, { space: 'hans', start: d.start, end: d.end }));
  }
  // a decree's title is the title of what it promulgates
  const title = header.decree && attachments[0] && attachments[0].title.length > 0 ? attachments[0].title : header.title;
  const yearOf = (d: { iso: string } | null) => (d ? Number(d.iso.slice(0, 4)) : null);
  const notes = [
    ...attachNotes(text, cover.preamble, cover.sections, diagnostics, 'doc', yearOf(date), stated),
    ...attachments.flatMap((a) => attachNotes(text, a.preamble, a.sections, diagnostics, a.id, yearOf(a.date ?? date), stated)),
  ];
  return {
    parts,
    title,
    documentNumber: header.documentNumber,
    // a Taiwan 發文字號 or a LegCo paper's Chinese reference (立法會…號文件), given as the source writes it
    numberRanges: taiwan?.numbers ?? (header.paperReference && /\p{Script=Han}/u.test(text.slice(header.paperReference.start, header.paperReference.end)) ? [header.paperReference] : []),
    issuer,
    // the other organs of a joint signature (a Taiwan header's: 行政院 / 司法院), when the issuer is its lead organ
    coIssuers: taiwan ? issuers.slice(1) : issuer === closing.issuer ? closing.coIssuers : [],
    jurisdiction: taiwan ? 'tw' : (detected ?? articles),
    subject,
    history,
    date,
    addressees,
    kind: header.decree ? '令' : (taiwan?.kind ?? documentKind(joined(text, header.title))),
    preamble: cover.preamble,
    sections: cover.sections,
    attachments,
    notes,
    diagnostics,
  };
}
