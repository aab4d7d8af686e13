/**
 * segment: zh-Hans text → the parts of an official document (GB/T 9704),
 * the heading tree with paragraphs and sentences, and the responsibility
 * notes. Offsets are UTF-16 units into the zh-Hans text.
 */
import { diagnostic, type Diagnostic } from '../lib/diagnostics.js';
import {
  ADOPTION_LINE,
  ATTACHMENT_LIST,
  CC_LINE,
  DOCUMENT_NUMBER,
  documentNumberOf,
  NOTE_LINE,
  ORGAN_SUFFIX,
  PRINTING_LINE,
  documentKind,
  matchHeading,
  parseDateLine,
  type HeadingMatch,
  type Level,
} from '../lib/gbt9704.js';
import { CELL_SEPARATOR, splitLines, type Line } from '../lib/lines.js';
import { findNotes, FIRST_LISTED_LEADS, tableHeader, tableNote, type NameRef, type NoteMatch, type TableColumns } from '../lib/responsibility.js';
import { splitClauses, splitSentences, type Range } from '../lib/sentences.js';

export type PartType =
  | 'copyNumber'
  | 'classification'
  | 'issuerMark'
  | 'title'
  | 'documentNumber'
  | 'addressees'
  | 'body'
  | 'signature'
  | 'date'
  | 'note'
  | 'attachmentList'
  | 'cc'
  | 'printing'
  | 'attachment'
  | 'attachmentLabel';

export interface Part extends Range {
  type: PartType;
}

export interface SegSentence extends Range {
  id: string;
  /** Two or more when the sentence has clauses ending in ；, else empty. */
  clauses: Range[];
}

export interface SegParagraph extends Range {
  id: string;
  sentences: SegSentence[];
  /** In an article (条): which 款 the paragraph is, and the 项 number when it is an item （一）. */
  article?: { kuan: number; xiang: number | null };
}

export interface SegSection extends Range {
  id: string;
  level: Level;
  depth: number;
  marker: string;
  number: number;
  heading: Range | null;
  paragraphs: SegParagraph[];
  children: SegSection[];
}

export interface SegNote extends Range {
  id: string;
  sectionId: string | null;
  /** The sentence the note closes: the one it ends, or the one before when the note stands alone after 。. */
  sentenceId: string | null;
  lead: NameRef[];
  support: NameRef[];
  /** How the roles were read: named (牵头/配合, or the [责任单位：lead，support] layout), first-listed (a 负责 list under the document's convention), joint (a 负责 list: all lead). */
  roles: 'explicit' | 'first-listed' | 'joint';
  damaged: boolean;
}

/** A document forwarded or promulgated by the cover (印发…的通知 + the plan; 国务院令 + the regulation). */
export interface SegAttachment extends Range {
  id: string;
  parts: Part[];
  title: Range[];
  kind: string | null;
  issuer: Range | null;
  date: (Range & { iso: string }) | null;
  preamble: SegParagraph[];
  sections: SegSection[];
}

export interface Segmented {
  parts: Part[];
  title: Range[];
  documentNumber: string | null;
  issuer: Range | null;
  date: (Range & { iso: string }) | null;
  addressees: Range[];
  kind: string | null;
  preamble: SegParagraph[];
  sections: SegSection[];
  attachments: SegAttachment[];
  notes: SegNote[];
  diagnostics: Diagnostic[];
}

/** Rank of a level in the tree: a heading closes every open section of the same or a lower rank. */
const RANK: Record<string, number> = { 编: 1, 章: 2, 节: 3, 条: 4, 1: 5, 2: 6, 3: 7, 4: 8 };

const MAX_TITLE_LINES = 3;
/** Lines read from the end of a document for its signature, date and 版记. */
const TAIL_LINES = 8;

/** 中华人民共和国国务院令 / 第707号 (on one line or two): a decree that promulgates what follows. */
const DECREE = /^(?:中华人民共和国)?(\p{Script=Han}{2,20}?)令\s*(第[〇零一二三四五六七八九十百千\d]+号)?$/u;
const DECREE_NUMBER = /^第[〇零一二三四五六七八九十百千\d]+号$/;
/** A person signing for the organ: 总理李克强, 省长 王某某. */
const PERSON_SIGNER = /^(?:总理|副总理|主席|部长|主任|省长|市长|县长|区长|局长|署长|行长|会长)\s*\p{Script=Han}{2,4}$/u;
/** 份号: six digits alone on a line. */
const COPY_NUMBER = /^\d{6}$/;
/** 密级 and 保密期限, 紧急程度: 秘密★1年, 机密, 特急, 加急 (alone or together). */
const CLASSIFICATION = /^(?:(?:绝密|机密|秘密)(?:\s*★\s*[\d一二三四五六七八九十]+\s*年)?|特急|加急|平急|特提)(?:\s+(?:特急|加急|平急|特提))?$/;
/** 发文机关标志: the organ's name followed by 文件 (国务院文件; 中共中央办公厅 国务院办公厅文件). */
const ISSUER_MARK = /^[\p{Script=Han}\s]{2,40}文件$/u;
/** Between the cells of a table row on its line (see rules/html-markup.ts). */
/** The label above an attached document: 附件, 附件1, 附件：. */
const ATTACHMENT_LABEL = /^附件\s*\d*\s*[：:]?$/;
/** 附件2: the label of a second (third …) attached document. */
const NUMBERED_ATTACHMENT_LABEL = /^附件\s*\d+\s*[：:]?$/;

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
  const cover = readBody(text, coverLines, header.next, parts, diagnostics, '', markdown);

  const titleText = joined(text, header.title);
  let issuer = cover.issuer;
  if (header.decree) issuer = header.decree.organ;
  else if (!issuer || split >= 0) {
    // a cover signed by a person, or no signature: the organ in the title (国务院关于…, 国务院办公厅转发…)
    const m = /^(.+?)(?:关于|转发|印发)/.exec(titleText);
    if (m && ORGAN_SUFFIX.test(m[1]!) && header.title[0]!.end - header.title[0]!.start >= m[1]!.length) {
      issuer = { start: header.title[0]!.start, end: header.title[0]!.start + m[1]!.length };
    }
  }
  // a law or regulation says under its title when and by whom it was adopted
  let date = cover.date;
  const adoption = cover.preamble[0] ? ADOPTION_LINE.exec(text.slice(cover.preamble[0].start, cover.preamble[0].end)) : null;
  if (adoption && cover.preamble[0]) {
    const at = cover.preamble[0].start;
    date ??= { start: at, end: at + adoption[1]!.length, iso: parseDateLine(adoption[1]!.replace(/\s/g, ''))! };
    // the organ as written, session number included (上海市第十五届人民代表大会常务委员会)
    issuer ??= { start: at + adoption[0].indexOf(adoption[2]!), end: at + adoption[0].indexOf(adoption[3]!, adoption[0].indexOf(adoption[2]!)) + adoption[3]!.length };
  }
  if (!date) diagnostics.push(diagnostic('segment:no-date', 'No 成文日期 line found at the end of the document'));
  if (!issuer) diagnostics.push(diagnostic('segment:no-issuer', 'No issuing organ found in the signature or the title'));

  const attachments: SegAttachment[] = [];
  if (split >= 0) {
    // 附件1 … 附件2 …: each numbered label after the first starts another attached document
    const bounds = [split];
    for (let k = split + 1; k < lines.length; k++) if (NUMBERED_ATTACHMENT_LABEL.test(lines[k]!.text) && lines[k + 1]) bounds.push(k);
    bounds.forEach((from, n) => {
      const own = lines.slice(from, bounds[n + 1] ?? lines.length);
      const id = `att${n + 1}`;
      let k = 0;
      const attParts: Part[] = [];
      if (ATTACHMENT_LABEL.test(own[0]!.text)) {
        attParts.push({ type: 'attachmentLabel', start: own[0]!.start, end: own[0]!.end });
        k++;
      }
      const attHeader = readHeader(text, own, k, attParts, diagnostics, false);
      const body = readBody(text, own, attHeader.next, attParts, diagnostics, `${id}.`, markdown);
      const start = own[0]!.start;
      const end = own[own.length - 1]!.end;
      parts.push({ type: 'attachment', start, end });
      attachments.push({
        id,
        start,
        end,
        parts: attParts,
        title: attHeader.title,
        kind: documentKind(joined(text, attHeader.title)),
        issuer: body.issuer,
        date: body.date,
        preamble: body.preamble,
        sections: body.sections,
      });
    });
  }

  // a decree's title is the title of what it promulgates
  const title = header.decree && attachments[0] && attachments[0].title.length > 0 ? attachments[0].title : header.title;
  const notes = [
    ...attachNotes(text, cover.preamble, cover.sections, diagnostics, 'doc'),
    ...attachments.flatMap((a) => attachNotes(text, a.preamble, a.sections, diagnostics, a.id)),
  ];
  return {
    parts,
    title,
    documentNumber: header.documentNumber,
    issuer,
    date,
    addressees: header.addressees,
    kind: header.decree ? '令' : documentKind(titleText),
    preamble: cover.preamble,
    sections: cover.sections,
    attachments,
    notes,
    diagnostics,
  };
}

/** The text of ranges read as one, such as a title over several lines. */
function joined(text: string, ranges: readonly Range[]): string {
  return ranges.map((r) => text.slice(r.start, r.end)).join('');
}

interface Header {
  next: number;
  title: Range[];
  documentNumber: string | null;
  addressees: Range[];
  decree: { organ: Range } | null;
}

/** 版头: document number (before or after the title), the title (up to three lines), 主送机关; or a decree's 令 and 第N号. */
function readHeader(text: string, lines: Line[], from: number, parts: Part[], diagnostics: Diagnostic[], cover: boolean): Header {
  let i = from;
  let documentNumber: string | null = null;
  const takeNumber = (line: Line | undefined): boolean => {
    if (!line || line.text.length > 30) return false;
    const m = DOCUMENT_NUMBER.exec(line.text);
    if (!m || m.index !== 0) return false;
    documentNumber = documentNumberOf(m);
    parts.push({ type: 'documentNumber', start: line.start, end: line.end });
    return true;
  };
  // 版头 before the title, in any order: 份号 (000123), 密级 and 保密期限 (机密★1年), 紧急程度 (特急),
  // 发文机关标志 (国务院文件), 发文字号
  for (let n = 0; n < 6 && i < lines.length; n++) {
    const line = lines[i]!;
    if (takeNumber(line)) {
      i++;
      continue;
    }
    const type: PartType | null = COPY_NUMBER.test(line.text) ? 'copyNumber' : CLASSIFICATION.test(line.text) ? 'classification' : ISSUER_MARK.test(line.text) ? 'issuerMark' : null;
    if (!type) break;
    parts.push({ type, start: line.start, end: line.end });
    i++;
  }

  let decree: Header['decree'] = null;
  const decreeLine = lines[i];
  const decreeMatch = decreeLine && cover ? DECREE.exec(decreeLine.text) : null;
  if (decreeLine && decreeMatch && ORGAN_SUFFIX.test(decreeMatch[1]!)) {
    let serial = decreeMatch[2] ?? null;
    let last = decreeLine;
    if (!serial && lines[i + 1] && DECREE_NUMBER.test(lines[i + 1]!.text)) {
      serial = lines[i + 1]!.text;
      last = lines[i + 1]!;
    }
    if (serial) {
      const organ = decreeMatch[1]!;
      const organStart = decreeLine.start + decreeLine.text.indexOf(organ);
      decree = { organ: { start: organStart, end: organStart + organ.length } };
      // the State Council's decrees are cited 国令第N号; other organs' as written
      documentNumber = `${organ === '国务院' ? '国' : organ}令${serial}`;
      parts.push({ type: 'documentNumber', start: decreeLine.start, end: last.end });
      i = lines.indexOf(last) + 1;
      return { next: i, title: [], documentNumber, addressees: [], decree };
    }
  }

  // an editor's note in brackets above the title of a forwarded document: （本文有删减）
  while (!cover && lines[i] && /^[（(][^（）()]{1,30}[）)]$/.test(lines[i]!.text)) {
    parts.push({ type: 'note', start: lines[i]!.start, end: lines[i]!.end });
    i++;
  }
  const title: Range[] = [];
  while (i < lines.length && title.length < MAX_TITLE_LINES) {
    const line = lines[i]!;
    if (title.length > 0) {
      const sofar = joined(text, title);
      // a short bracket on a line of its own ends the title it belongs to: …行动计划 / （2024—2026年）, …办法 / （试行）
      if (TITLE_SUFFIX.test(line.text) && !NOTE_WORDS.test(line.text)) {
        title.push({ start: line.start, end: line.end });
        i++;
        break;
      }
      if (documentKind(sofar) || line.text.endsWith('：') || matchHeading(line.text) || line.text.includes('。') || line.text.length > 40 || DOCUMENT_NUMBER.test(line.text)) break;
      // a law's adoption note (（2021年6月10日…会议通过）), a long bracketed note about the text, and 目录 follow a title;
      // a short bracket continues it: （2024—2026年）, （试行）, （2024年修订）
      if (ADOPTION_LINE.test(line.text) || TITLE_NOTE.test(line.text) || CONTENTS_HEADING.test(line.text)) break;
    } else if (matchHeading(line.text) || line.text.includes('。') || /[：:]$/.test(line.text)) break; // 主送机关 is no title
    title.push({ start: line.start, end: line.end });
    i++;
  }
  if (title.length > 0) parts.push({ type: 'title', start: title[0]!.start, end: title[title.length - 1]!.end });
  else if (cover) diagnostics.push(diagnostic('segment:no-title', 'Unexpected body text at the start, expected a title line', lines[from] ? { space: 'hans', start: lines[from]!.start, end: lines[from]!.end } : null));
  if (takeNumber(lines[i])) i++;

  const addressees: Range[] = [];
  const addresseeLine = lines[i];
  if (addresseeLine && /[：:]$/.test(addresseeLine.text) && addresseeLine.text.length <= 300 && !matchHeading(addresseeLine.text)) {
    const body = addresseeLine.text.slice(0, -1);
    for (const m of body.matchAll(/[^，,；;]+/g)) {
      addressees.push({ start: addresseeLine.start + m.index, end: addresseeLine.start + m.index + m[0].length });
    }
    parts.push({ type: 'addressees', start: addresseeLine.start, end: addresseeLine.end });
    i++;
  }
  return { next: i, title, documentNumber, addressees, decree };
}

function isSigner(line: Line): boolean {
  return line.text.length <= 40 && !line.text.includes('。') && !matchHeading(line.text) && (ORGAN_SUFFIX.test(line.text) || PERSON_SIGNER.test(line.text));
}

/**
 * Where a cover ends and the document it forwards begins: the first
 * signature + 成文日期 pair (with its 附注) that still has a document after
 * it. -1 when the text is one document.
 */
function coverEnd(lines: Line[], from: number): number {
  for (let j = from + 1; j < lines.length - 2; j++) {
    if (!parseDateLine(lines[j]!.text) || !isSigner(lines[j - 1]!)) continue;
    let k = j + 1;
    while (k < lines.length && NOTE_LINE.test(lines[k]!.text)) k++;
    const rest = lines.slice(k);
    // a document follows: a title line (short, no 。), possibly under an 附件 label, then text
    const titleAt = rest[0] && ATTACHMENT_LABEL.test(rest[0].text) ? 1 : 0;
    const head = rest[titleAt];
    if (rest.length - titleAt >= 2 && head && head.text.length <= 60 && !head.text.includes('。') && !CC_LINE.test(head.text) && !PRINTING_LINE.test(head.text)) return k;
  }
  return -1;
}

interface Body {
  issuer: Range | null;
  date: (Range & { iso: string }) | null;
  preamble: SegParagraph[];
  sections: SegSection[];
}

/** 正文 and what closes it: signature, 成文日期, 附注, 附件说明, 抄送/印发, read from the end of `lines`. */
function readBody(text: string, lines: Line[], from: number, parts: Part[], diagnostics: Diagnostic[], idPrefix: string, markdown: ReadonlyMap<number, number>): Body {
  let end = lines.length;
  const tail: Part[] = [];
  let date: Body['date'] = null;
  let issuer: Range | null = null;
  for (let j = lines.length - 1; j >= from && j >= lines.length - TAIL_LINES; j--) {
    const line = lines[j]!;
    const iso = parseDateLine(line.text);
    if (!iso) continue;
    date = { start: line.start, end: line.end, iso };
    tail.unshift({ type: 'date', start: line.start, end: line.end });
    end = j;
    const signer = lines[j - 1];
    if (signer && j - 1 >= from && isSigner(signer)) {
      if (ORGAN_SUFFIX.test(signer.text)) issuer = { start: signer.start, end: signer.end };
      tail.unshift({ type: 'signature', start: signer.start, end: signer.end });
      end = j - 1;
    }
    // everything after the date is 版记 or furniture the cleaner left
    for (let k = j + 1; k < lines.length; k++) {
      const after = lines[k]!;
      const type: PartType = NOTE_LINE.test(after.text) ? 'note' : CC_LINE.test(after.text) ? 'cc' : PRINTING_LINE.test(after.text) ? 'printing' : 'note';
      tail.push({ type, start: after.start, end: after.end });
    }
    break;
  }

  // 附件说明 just above the signature
  let attachmentList: Part | null = null;
  for (let j = from; j < end; j++) {
    if (ATTACHMENT_LIST.test(lines[j]!.text)) {
      attachmentList = { type: 'attachmentList', start: lines[j]!.start, end: lines[end - 1]!.end };
      end = j;
      break;
    }
  }

  const bodyLines = lines.slice(from, end);
  if (bodyLines.length > 0) parts.push({ type: 'body', start: bodyLines[0]!.start, end: bodyLines[bodyLines.length - 1]!.end });
  if (attachmentList) parts.push(attachmentList);
  parts.push(...tail);
  const { preamble, sections } = buildTree(text, bodyLines, diagnostics, idPrefix, markdown);
  return { issuer, date, preamble, sections };
}

function buildTree(
  text: string,
  lines: Line[],
  diagnostics: Diagnostic[],
  idPrefix: string,
  markdown: ReadonlyMap<number, number>,
): { preamble: SegParagraph[]; sections: SegSection[] } {
  /** Markdown depth of each section that came from a Markdown heading. */
  const markdownDepth = new Map<SegSection, number>();
  /** Inside a list introduced by a line ending in ：, whose numbered items end in ；. */
  let listNext = 0;
  let previousText = '';
  const preamble: SegParagraph[] = [];
  const roots: SegSection[] = [];
  const stack: SegSection[] = [];
  const usedIds = new Set<string>();
  /** The last number seen at each level, anywhere: numbering that runs on across parents is not a skip. */
  const lastAtLevel = new Map<Level, number>();
  const toc = tableOfContents(lines);
  if (toc.size > 0) {
    const first = lines.find((l) => toc.has(l))!;
    const last = [...toc].at(-1)!;
    diagnostics.push(diagnostic('segment:table-of-contents', `Read ${toc.size} consecutive chapter headings without text as a table of contents, not as sections`, { space: 'hans', start: first.start, end: last.end }));
  }

  for (const line of lines) {
    const top = stack[stack.length - 1];
    // a row of a data table (序号 | 任务 | 责任单位) is a paragraph, even when it starts with its number
    const heading = toc.has(line) || line.text.includes(CELL_SEPARATOR) ? null : matchHeading(line.text);
    const md = markdown.get(line.start);
    // inside an article, （一） items are 项 of the article, not sections
    const isItem = heading && typeof heading.level === 'number' && stack.some((s) => s.level === '条');
    // 1. 2. 3. after a line ending in ：, each ending in ；: a list in the paragraph, not sections
    const listItem = heading !== null && md === undefined && isListItem(heading, line.text, previousText, listNext);
    listNext = listItem && heading ? heading.number + 1 : 0;
    previousText = line.text;
    if (md !== undefined && !heading && !toc.has(line)) {
      diagnostics.push(
        diagnostic('segment:unplaced-heading', `Unexpected Markdown heading “${line.text.slice(0, 30)}” without a 一、/（一）/1./第X章 marker: kept as a paragraph`, { space: 'hans', start: line.start, end: line.end }),
      );
    }
    if (heading && !isItem && !listItem) {
      const rank = RANK[heading.level]!;
      while (stack.length > 0 && RANK[stack[stack.length - 1]!.level]! >= rank) stack.pop();
      const parent = stack[stack.length - 1];
      const siblings = parent ? parent.children : roots;
      const previous = [...siblings].reverse().find((s) => s.level === heading.level);
      const expected = previous ? previous.number + 1 : 1;
      // numbering may also run on across parents (gov.cn: 一、（一）…（五） 二、（六）…)
      const runsOn = !previous && lastAtLevel.has(heading.level) && heading.number === lastAtLevel.get(heading.level)! + 1;
      lastAtLevel.set(heading.level, heading.number);
      if (heading.number !== expected && !runsOn && heading.level !== '条') {
        diagnostics.push(
          diagnostic('segment:heading-sequence', `Unexpected heading ${heading.marker}, expected number ${expected} at this level`, { space: 'hans', start: line.start, end: line.start + heading.length }),
        );
      }
      if (typeof heading.level === 'number' && heading.level > 1 && !parent) {
        diagnostics.push(diagnostic('segment:orphan-heading', `Unexpected heading ${heading.marker} outside any higher-level section`, { space: 'hans', start: line.start, end: line.start + heading.length }));
      }
      let id = sectionId(heading.level, heading.number, stack);
      if (!id.startsWith(idPrefix)) id = idPrefix + id;
      if (usedIds.has(id)) {
        let n = 2;
        while (usedIds.has(`${id}-${n}`)) n++;
        id = `${id}-${n}`;
      }
      usedIds.add(id);
      const rest = line.text.slice(heading.length);
      const headStart = line.start + heading.length;
      const stop = rest.search(/[。！？]/);
      const runIn = stop >= 0 && stop < rest.length - 1;
      let headingRange: Range | null;
      if (heading.level === '条') headingRange = null;
      else if (stop < 0) headingRange = { start: headStart, end: line.end };
      else headingRange = { start: headStart, end: headStart + stop };
      const section: SegSection = {
        id,
        level: heading.level,
        depth: stack.length + 1,
        marker: heading.marker,
        number: heading.number,
        heading: headingRange,
        start: line.start,
        end: line.end,
        paragraphs: [],
        children: [],
      };
      siblings.push(section);
      stack.push(section);
      if (md !== undefined) {
        markdownDepth.set(section, md);
        const parentDepth = parent ? markdownDepth.get(parent) : undefined;
        if (parentDepth !== undefined && md <= parentDepth) {
          diagnostics.push(
            diagnostic('segment:markdown-level', `Markdown level ${'#'.repeat(md)} of ${heading.marker} disagrees with its markers (it is inside ${parent!.marker}); the marker decides`, { space: 'hans', start: line.start, end: line.end }),
          );
        }
      }
      // a run-in heading's line (or an article's text) is also the section's first paragraph
      if (headingIsParagraph(heading.level, rest, runIn)) {
        const first = paragraph(text, `${id}.p1`, line);
        if (heading.level === '条') first.article = { kuan: 1, xiang: null };
        section.paragraphs.push(first);
      }
      extend(stack, line.end);
      continue;
    }
    if (top) {
      const p = paragraph(text, `${top.id}.p${top.paragraphs.length + 1}`, line);
      if (top.level === '条') {
        // an article's paragraphs are its 款; a （一） line is a 项 of the 款 before it
        const kuan = top.paragraphs.filter((x) => x.article?.xiang === null).length;
        p.article = isItem && heading ? { kuan: Math.max(1, kuan), xiang: heading.number } : { kuan: kuan + 1, xiang: null };
      }
      top.paragraphs.push(p);
      extend(stack, line.end);
    } else {
      preamble.push(paragraph(text, `${idPrefix}p${preamble.length + 1}`, line));
    }
  }
  return { preamble, sections: roots };
}

/** A short bracket that ends a title: （试行）, （2024—2026年）, （征求意见稿）, （2024年修订）. */
const TITLE_SUFFIX = /^[（(][^（）()。，]{1,11}[）)]$/u;

/** Words that make a short bracket a note about the text, not part of the title: （此件公开发布）, （本文有删减）. */
const NOTE_WORDS = /此件|删减|公开|发布|转载|来源/;

/** A bracketed note under a title about how the text came to be: （…会议通过）, （本文有删减）, （…公布，自…起施行）. */
const TITLE_NOTE = /^[（(](?=.{12,}[）)]$).*(?:通过|公布|发布|施行|会议|删减|修正).*[）)]$/u;

/** The heading of a table of contents: 目录, 目　　录. */
const CONTENTS_HEADING = /^目\s*录$/;

/** Runs of three or more 编/章/节 heading lines with nothing between them, and the 目录 line above them: a table of contents. */
function tableOfContents(lines: Line[]): Set<Line> {
  const toc = new Set<Line>();
  let run: Line[] = [];
  // a 目录 line seen, and the one above the current run
  let pending: Line | null = null;
  let runHeading: Line | null = null;
  const flush = () => {
    if (run.length >= 3) {
      for (const l of run) toc.add(l);
      if (runHeading) toc.add(runHeading);
    }
    run = [];
    runHeading = null;
  };
  for (const line of lines) {
    if (CONTENTS_HEADING.test(line.text)) {
      flush();
      pending = line;
      continue;
    }
    const h = matchHeading(line.text);
    if (h && (h.level === '编' || h.level === '章' || h.level === '节') && line.text.length <= 30 && !line.text.includes('。')) {
      // the contents end where the first heading comes round again
      if (run.some((l) => l.text === line.text)) flush();
      if (run.length === 0) runHeading = pending;
      pending = null;
      run.push(line);
    } else {
      flush();
      pending = null;
    }
  }
  flush();
  return toc;
}

/** A numbered line that continues or starts a list: after a line ending in ：, or after the previous item; each item ends in ；（the last in 。). */
function isListItem(heading: HeadingMatch, line: string, previous: string, expected: number): boolean {
  if (heading.level !== 3 && heading.level !== 4) return false;
  const starts = expected === 0 ? heading.number === 1 && /[：:]$/.test(previous) : heading.number === expected;
  if (!starts) return false;
  const body = line.slice(heading.length);
  // an item is one clause: no 。 before its end
  return /[；;。]$/.test(body) && !body.slice(0, -1).includes('。');
}

/**
 * Whether a heading's line is also the section's first paragraph: a run-in
 * heading (text after its first 。), an article (its text is the article), a
 * long heading that is a whole sentence, or one that carries a
 * responsibility note (（一）加强监管（海关总署负责）。).
 */
function headingIsParagraph(level: Level, rest: string, runIn: boolean): boolean {
  if (runIn || level === '条') return true;
  const stop = rest.search(/[。！？]/);
  if (stop >= 0 && stop === rest.length - 1 && level !== 1 && rest.length > 30) return true;
  return findNotes(rest).length > 0;
}

function extend(stack: SegSection[], end: number): void {
  for (const s of stack) s.end = Math.max(s.end, end);
}

function sectionId(level: Level, number: number, stack: readonly SegSection[]): string {
  if (level === '条') return `a${number}`;
  if (level === '编') return `b${number}`;
  if (level === '章') return `${prefix(stack, ['编'])}c${number}`;
  if (level === '节') return `${prefix(stack, ['编', '章'])}j${number}`;
  const numbered = stack.filter((s) => typeof s.level === 'number');
  const path = [...numbered.map((s) => s.number), number].join('.');
  const outer = stack.filter((s) => typeof s.level !== 'number');
  return `${outer.length ? `${outer[outer.length - 1]!.id}.` : ''}s${path}`;
}

function prefix(stack: readonly SegSection[], levels: Level[]): string {
  const parent = [...stack].reverse().find((s) => levels.includes(s.level));
  return parent ? `${parent.id}.` : '';
}

function paragraph(text: string, id: string, line: Line): SegParagraph {
  const sentences = splitSentences(text, line.start, line.end).map((r, k) => {
    const clauses = splitClauses(text, r.start, r.end);
    return { ...r, id: `${id}.s${k + 1}`, clauses: clauses.length > 1 ? clauses : [] };
  });
  return { id, start: line.start, end: line.end, sentences };
}

/** Find responsibility notes in every paragraph and tie each to its section. */
function attachNotes(text: string, preamble: SegParagraph[], sections: SegSection[], diagnostics: Diagnostic[], scope: string): SegNote[] {
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
