/**
 * segment: zh-Hans text → the parts of an official document (GB/T 9704),
 * the heading tree with paragraphs and sentences, and the responsibility
 * notes. Offsets are UTF-16 units into the zh-Hans text.
 */
import { diagnostic, type Diagnostic } from '../lib/diagnostics.js';
import {
  ATTACHMENT_LIST,
  CC_LINE,
  DOCUMENT_NUMBER,
  NOTE_LINE,
  ORGAN_SUFFIX,
  PRINTING_LINE,
  documentKind,
  matchHeading,
  parseDateLine,
  type Level,
} from '../lib/gbt9704.js';
import { splitLines, type Line } from '../lib/lines.js';
import { findNotes, type NameRef } from '../lib/responsibility.js';
import { splitSentences, type Range } from '../lib/sentences.js';

export type PartType = 'title' | 'documentNumber' | 'addressees' | 'body' | 'signature' | 'date' | 'note' | 'attachmentList' | 'cc' | 'printing';

export interface Part extends Range {
  type: PartType;
}

export interface SegParagraph extends Range {
  id: string;
  sentences: Range[];
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
  lead: NameRef[];
  support: NameRef[];
  damaged: boolean;
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
  notes: SegNote[];
  diagnostics: Diagnostic[];
}

/** Rank of a level in the tree: a heading closes every open section of the same or a lower rank. */
const RANK: Record<string, number> = { 编: 1, 章: 2, 节: 3, 条: 4, 1: 5, 2: 6, 3: 7, 4: 8 };

const MAX_TITLE_LINES = 3;

export function segment(text: string): Segmented {
  const diagnostics: Diagnostic[] = [];
  const lines = splitLines(text).filter((l) => l.text.trim() !== '');
  const parts: Part[] = [];
  let i = 0;

  // 版头: document number (may stand before or after the title), title, addressees
  let documentNumber: string | null = null;
  const takeNumber = (line: Line | undefined): boolean => {
    if (!line || line.text.length > 30) return false;
    const m = DOCUMENT_NUMBER.exec(line.text);
    if (!m || m.index !== 0) return false;
    documentNumber = `${m[1]}〔${m[2]}〕${m[3]}号`;
    parts.push({ type: 'documentNumber', start: line.start, end: line.end });
    return true;
  };
  while (i < lines.length && i < 3 && takeNumber(lines[i])) i++;

  const title: Range[] = [];
  while (i < lines.length && title.length < MAX_TITLE_LINES) {
    const line = lines[i]!;
    if (title.length > 0) {
      const sofar = title.map((r) => text.slice(r.start, r.end)).join('');
      if (documentKind(sofar) || line.text.endsWith('：') || matchHeading(line.text) || line.text.includes('。') || line.text.length > 40) break;
    } else if (matchHeading(line.text) || line.text.includes('。')) break;
    title.push({ start: line.start, end: line.end });
    i++;
  }
  if (title.length > 0) parts.push({ type: 'title', start: title[0]!.start, end: title[title.length - 1]!.end });
  else diagnostics.push(diagnostic('segment:no-title', 'Unexpected body text at the start, expected a title line', lines[0] ? { space: 'hans', start: lines[0].start, end: lines[0].end } : null));
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

  // 版记 and signature, read from the end: 印发, 抄送, 附注, 成文日期, 署名
  let end = lines.length;
  const tail: Part[] = [];
  let date: Segmented['date'] = null;
  let issuer: Range | null = null;
  for (let j = lines.length - 1; j >= i && j >= lines.length - 8; j--) {
    const line = lines[j]!;
    const iso = parseDateLine(line.text);
    if (iso) {
      date = { start: line.start, end: line.end, iso };
      tail.unshift({ type: 'date', start: line.start, end: line.end });
      end = j;
      const signer = lines[j - 1];
      if (signer && j - 1 >= i && signer.text.length <= 40 && !signer.text.includes('。') && !matchHeading(signer.text) && ORGAN_SUFFIX.test(signer.text)) {
        issuer = { start: signer.start, end: signer.end };
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
  }
  if (!date) diagnostics.push(diagnostic('segment:no-date', 'No 成文日期 line found at the end of the document'));

  // 附件说明 just above the signature
  let attachmentList: Part | null = null;
  for (let j = i; j < end; j++) {
    if (ATTACHMENT_LIST.test(lines[j]!.text)) {
      attachmentList = { type: 'attachmentList', start: lines[j]!.start, end: lines[end - 1]!.end };
      end = j;
      break;
    }
  }

  const bodyLines = lines.slice(i, end);
  if (bodyLines.length > 0) parts.push({ type: 'body', start: bodyLines[0]!.start, end: bodyLines[bodyLines.length - 1]!.end });
  if (attachmentList) parts.push(attachmentList);
  parts.push(...tail);

  const { preamble, sections } = buildTree(text, bodyLines, diagnostics);

  const titleText = title.map((r) => text.slice(r.start, r.end)).join('');
  if (!issuer && title.length > 0) {
    const m = /^(.+?)关于/.exec(titleText);
    if (m && ORGAN_SUFFIX.test(m[1]!) && title[0]!.end - title[0]!.start >= m[1]!.length) {
      issuer = { start: title[0]!.start, end: title[0]!.start + m[1]!.length };
    }
  }
  if (!issuer) diagnostics.push(diagnostic('segment:no-issuer', 'No issuing organ found in the signature or the title'));

  const notes = attachNotes(text, preamble, sections, diagnostics);
  return { parts, title, documentNumber, issuer, date, addressees, kind: documentKind(titleText), preamble, sections, notes, diagnostics };
}

function buildTree(text: string, lines: Line[], diagnostics: Diagnostic[]): { preamble: SegParagraph[]; sections: SegSection[] } {
  const preamble: SegParagraph[] = [];
  const roots: SegSection[] = [];
  const stack: SegSection[] = [];
  const usedIds = new Set<string>();
  const toc = tableOfContents(lines);
  if (toc.size > 0) {
    const first = lines.find((l) => toc.has(l))!;
    const last = [...toc].at(-1)!;
    diagnostics.push(diagnostic('segment:table-of-contents', `Read ${toc.size} consecutive chapter headings without text as a table of contents, not as sections`, { space: 'hans', start: first.start, end: last.end }));
  }

  for (const line of lines) {
    const top = stack[stack.length - 1];
    const heading = toc.has(line) ? null : matchHeading(line.text);
    // inside an article, （一） items are 项 of the article, not sections
    const isItem = heading && typeof heading.level === 'number' && stack.some((s) => s.level === '条');
    if (heading && !isItem) {
      const rank = RANK[heading.level]!;
      while (stack.length > 0 && RANK[stack[stack.length - 1]!.level]! >= rank) stack.pop();
      const parent = stack[stack.length - 1];
      const siblings = parent ? parent.children : roots;
      const previous = [...siblings].reverse().find((s) => s.level === heading.level);
      const expected = previous ? previous.number + 1 : 1;
      if (heading.number !== expected && heading.level !== '条') {
        diagnostics.push(
          diagnostic('segment:heading-sequence', `Unexpected heading ${heading.marker}, expected number ${expected} at this level`, { space: 'hans', start: line.start, end: line.start + heading.length }),
        );
      }
      if (typeof heading.level === 'number' && heading.level > 1 && !parent) {
        diagnostics.push(diagnostic('segment:orphan-heading', `Unexpected heading ${heading.marker} outside any higher-level section`, { space: 'hans', start: line.start, end: line.start + heading.length }));
      }
      let id = sectionId(heading.level, heading.number, stack);
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
      // a run-in heading's line (or an article's text) is also the section's first paragraph
      if (runIn || heading.level === '条' || (stop >= 0 && rest.length - 1 === stop && heading.level !== 1 && rest.length > 30)) {
        section.paragraphs.push(paragraph(text, `${id}.p1`, line));
      }
      extend(stack, line.end);
      continue;
    }
    if (top) {
      const target = top;
      target.paragraphs.push(paragraph(text, `${target.id}.p${target.paragraphs.length + 1}`, line));
      extend(stack, line.end);
    } else {
      preamble.push(paragraph(text, `p${preamble.length + 1}`, line));
    }
  }
  return { preamble, sections: roots };
}

/** Runs of three or more 编/章/节 heading lines with nothing between them: a table of contents (目录). */
function tableOfContents(lines: Line[]): Set<Line> {
  const toc = new Set<Line>();
  let run: Line[] = [];
  const flush = () => {
    if (run.length >= 3) for (const l of run) toc.add(l);
    run = [];
  };
  for (const line of lines) {
    const h = matchHeading(line.text);
    if (h && (h.level === '编' || h.level === '章' || h.level === '节') && line.text.length <= 30 && !line.text.includes('。')) {
      // the contents end where the first heading comes round again
      if (run.some((l) => l.text === line.text)) flush();
      run.push(line);
    } else flush();
  }
  flush();
  return toc;
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
  return { id, start: line.start, end: line.end, sentences: splitSentences(text, line.start, line.end) };
}

/** Find responsibility notes in every paragraph and tie each to its section. */
function attachNotes(text: string, preamble: SegParagraph[], sections: SegSection[], diagnostics: Diagnostic[]): SegNote[] {
  const notes: SegNote[] = [];
  const visit = (paragraphs: SegParagraph[], section: SegSection | null): void => {
    for (const p of paragraphs) {
      for (const n of findNotes(text.slice(p.start, p.end))) {
        const sectionId = section?.id ?? null;
        const ordinal = notes.filter((x) => x.sectionId === sectionId).length + 1;
        const note: SegNote = {
          id: `${sectionId ?? 'doc'}.r${ordinal}`,
          sectionId,
          start: p.start + n.start,
          end: p.start + n.end,
          lead: n.lead.map((r) => ({ ...r, start: r.start + p.start, end: r.end + p.start })),
          support: n.support.map((r) => ({ ...r, start: r.start + p.start, end: r.end + p.start })),
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
