/**
 * to-json: the stages' results → one GongwenDocument (schemas/document.schema.json).
 * Internal offsets are UTF-16 units; here every span becomes code points into
 * the zh-Hans text, and every text a { zh-Hans, zh-Hant } pair sliced from
 * the aligned texts (so both scripts always say the same thing).
 */
import type { Diagnostic, Place } from '../lib/diagnostics.js';
import { CodePointIndex } from '../lib/code-points.js';
import { documentFacts } from '../lib/document-facts.js';
import { CELL_SEPARATOR, joinLines } from '../lib/lines.js';
import { isCalendarDate } from '../lib/gbt9704.js';
import { fieldOfLabel } from '../lib/page/metadata-labels.js';
import { converters, type Variant } from '../lib/opencc.js';
import { TW_DOCUMENT_NUMBER } from '../lib/tw-gongwen.js';
import type { Range } from '../lib/sentences.js';
import type { GongwenDocument, Paragraph, Section, Sentence, Span, Text } from '../schema-types.js';
import { editsInCodePoints, type Cleaned, type InputFormat } from './clean.js';
import type { Converted } from './convert.js';
import type { Decoded } from './decode.js';
import type { FileText } from './file-text.js';
import type { Extracted } from './extract.js';
import type { SegParagraph, SegSection, Segmented } from './segment.js';

export const SCHEMA_VERSION = '1.8.0';

export interface JsonInput {
  file: string;
  bytes: Uint8Array;
  sha256: string;
  format: InputFormat;
  /** The file's extracted text (PDF, Word, Excel), or null for text input. */
  fileText?: FileText | null;
  variant: Variant;
  version: string;
  decoded: Decoded;
  cleaned: Cleaned;
  converted: Converted;
  segmented: Segmented;
  extracted: Extracted;
  diagnostics: Diagnostic[];
}

export function toJson(input: JsonInput): GongwenDocument {
  const { converted: cv, segmented: seg, cleaned, extracted } = input;
  const hans = cv.hans;
  const hant = cv.hant;
  const cp = new CodePointIndex(hans);
  const hantCp = new CodePointIndex(hant);
  const rawCp = new CodePointIndex(cleaned.raw);
  const span = (r: Range): Span => cp.span(r.start, r.end);
  const textOf = (r: Range): Text => {
    const t = cv.hansToHant.forwardSpan(r.start, r.end);
    return { 'zh-Hans': hans.slice(r.start, r.end), 'zh-Hant': hant.slice(t.start, t.end) };
  };
  const cleanSpan = (start: number, end: number): Span => {
    const h = cv.cleanToHans.forwardSpan(start, end);
    return cp.span(h.start, h.end);
  };
  const { toHans, toHant } = converters(input.variant);
  const fromSource = (s: string): Text => {
    const h = toHans(s);
    return { 'zh-Hans': h, 'zh-Hant': cv.script === 'zh-Hant' ? s : toHant(h) };
  };

  const paragraph = (p: SegParagraph): Paragraph => ({
    id: p.id,
    span: span(p),
    ...(p.article ? { article: p.article } : {}),
    sentences: p.sentences.map((s) => ({
      id: s.id,
      span: span(s),
      text: textOf(s),
      ...(s.clauses.length > 1 ? { clauses: s.clauses.map((c) => ({ span: span(c), text: textOf(c) })) as NonNullable<Sentence['clauses']> } : {}),
    })),
  });
  const section = (s: SegSection): Section => ({
    id: s.id,
    level: String(s.level) as Section['level'],
    depth: s.depth,
    marker: s.marker,
    number: s.number,
    ...(s.sub ? { sub: s.sub } : {}),
    heading: s.heading ? textOf(s.heading) : null,
    span: span(s),
    paragraphs: s.paragraphs.map(paragraph),
    children: s.children.map(section),
  });

  const place = (d: Diagnostic): Pick<GongwenDocument['diagnostics'][number], 'span' | 'rawSpan' | 'byteSpan'> => {
    const p: Place | null = d.place;
    if (!p) return { span: null };
    switch (p.space) {
      case 'bytes':
        return { span: null, byteSpan: { start: p.start, end: p.end } };
      case 'raw': {
        const cleanStart = cleaned.rawToClean(p.start);
        const cleanEnd = cleaned.rawToClean(p.end);
        const rawSpan = rawCp.span(p.start, p.end);
        // text the cleaner removed has no place in the clean text
        if (cleanEnd <= cleanStart) return { span: null, rawSpan };
        return { span: cleanSpan(cleanStart, cleanEnd), rawSpan };
      }
      case 'clean':
        return { span: cleanSpan(p.start, p.end) };
      case 'hans':
        return { span: span(p) };
    }
  };

  const pub = cleaned.publication;
  const titleText = joinText(seg.title.map(textOf));
  // a joint signature's organs, the lead organ first, joined by 、
  // (an organ whose branch signs on a line of its own below it is one name: the line break goes)
  const issuerText = seg.issuer ? withoutBreaks(joinText([seg.issuer, ...seg.coIssuers].map(textOf), '、')) : null;
  // the text's own title, else the site's metadata, else the page's headline; what the text lacks from the page
  const facts = documentFacts({
    title: titleText['zh-Hans'],
    documentNumber: seg.documentNumber,
    issuer: issuerText?.['zh-Hans'] ?? null,
    date: calendarDate(seg.date?.iso),
    kind: seg.kind,
    addressees: seg.addressees.length,
    signed: seg.date !== null,
    metadata: (cleaned.pageMetadata ?? []).map(([label, value]) => [label, toHans(value)] as [string, string]),
    headline: pub?.headline ? toHans(pub.headline) : cleaned.page?.headline ? toHans(cleaned.page.headline) : null,
    pageOfLinks: cleaned.page?.noDocument ?? false,
    attachmentNames: (cleaned.page?.attachmentLinks ?? []).map((a) => toHans(a.text)),
    titleTag: cleaned.page?.titleTag ? toHans(cleaned.page.titleTag.words) : null,
  });
  const cutTitle = (t: Text): Text => ({
    'zh-Hans': facts.title ?? '',
    'zh-Hant': [...t['zh-Hant']].slice(facts.titleCut.start, [...t['zh-Hant']].length - facts.titleCut.end).join(''),
  });
  const title: Text = facts.titleSource === 'text' ? cutTitle(titleText) : facts.title ? fromSource(facts.title) : titleText;
  // a Taiwan 發文字號 in the page's metadata (经商字第…号: the cleaner keeps 发文日期 and 发文字号 together apart), as written
  const metaTaiwanNumber = taiwanNumbers(cleaned.pageMetadata?.find(([label]) => ['发文字号', '文号'].includes(toHans(label)))?.[1] ?? '', toHans);

  return {
    schemaVersion: SCHEMA_VERSION,
    generator: { name: 'gongwen', version: input.version, options: { variant: input.variant } },
    source: {
      file: input.file,
      sha256: input.sha256,
      bytes: input.bytes.length,
      format: input.fileText?.format ?? input.format,
      extractor: input.fileText ? { ...input.fileText.extractor } : null,
      ocr: input.fileText?.ocr ? { ...input.fileText.ocr } : null,
      encoding: input.decoded.encoding,
      encodingConfidence: input.decoded.confidence,
      script: cv.script,
      scriptConfidence: cv.scriptConfidence,
    },
    layout: input.fileText?.layout ? layoutOf(input.fileText.layout, cleaned, cleanSpan) : null,
    publication: pub
      ? {
          site: pub.site ? fromSource(pub.site) : null,
          headline: pub.headline ? fromSource(pub.headline) : null,
          source: pub.source ? fromSource(pub.source) : null,
          publishedAt: pub.publishedAt,
          views: pub.views,
          lead: pub.lead.map(fromSource),
          rawSpan: rawCp.span(0, wrapperRawEnd(cleaned)),
        }
      : null,
    pageMetadata:
      cleaned.pageMetadata && cleaned.pageMetadata.length > 0
        ? (cleaned.pageMetadata.map(([label, value]) => ({ label, value, field: fieldOfLabel(label) ?? 'other' })) as NonNullable<GongwenDocument['pageMetadata']>)
        : null,
    attachmentLinks: cleaned.page?.attachmentLinks ?? [],
    document: {
      title,
      titleSource: facts.titleSource,
      // a Taiwan 發文字號 as the source writes it (院臺法字…號), several joined by 、
      documentNumber:
        seg.numberRanges.length > 0 && cv.script === 'zh-Hant' ? seg.numberRanges.map((r) => textOf(r)['zh-Hant'].replace(/\s+/g, '')).join('、') : (facts.documentNumber ?? metaTaiwanNumber),
      issuer: issuerText ?? (facts.issuer ? fromSource(facts.issuer) : null),
      date: facts.date,
      addressees: seg.addressees.map(textOf),
      kind: facts.kind,
      status: facts.status,
      isDocument: facts.isDocument,
      jurisdiction: seg.jurisdiction,
      subject: seg.subject ? textOf(seg.subject) : null,
      history: seg.history.map((e) => ({ date: e.iso, organ: e.organ ? textOf(e.organ) : null, action: e.action, span: span(e) })),
    },
    text: { 'zh-Hans': hans, 'zh-Hant': hant },
    textAlignment: {
      identity: cv.hansToHant.identity,
      segments: cv.hansToHant.segments.map((s) => ({ hans: cp.span(s.aStart, s.aEnd), hant: hantCp.span(s.bStart, s.bEnd) })),
    },
    cleaning: {
      script: cv.script === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans',
      // a mixed source is converted both ways: neither entry of text is the text the edits were made in
      text: cv.script === 'mixed' ? cleaned.text : null,
      rawLength: rawCp.toCodePoint(cleaned.raw.length),
      edits: editsInCodePoints(cleaned),
    },
    parts: seg.parts.map((p) => ({ type: p.type, span: span(p) })),
    preamble: seg.preamble.map(paragraph),
    sections: seg.sections.map(section),
    attachments: seg.attachments.map((a) => ({
      id: a.id,
      span: span(a),
      title: a.title.length > 0 ? joinText(a.title.map(textOf)) : null,
      kind: a.kind,
      issuer: a.issuer ? textOf(a.issuer) : null,
      date: calendarDate(a.date?.iso),
      parts: a.parts.map((p) => ({ type: p.type, span: span(p) })),
      preamble: a.preamble.map(paragraph),
      sections: a.sections.map(section),
    })),
    responsibilities: seg.notes.map((n) => ({
      id: n.id,
      sectionId: n.sectionId,
      sentenceId: n.sentenceId,
      span: span(n),
      text: textOf(n),
      lead: ids(n.lead, extracted),
      support: ids(n.support, extracted),
      roles: n.roles,
      deadline: n.deadline ? { span: span(n.deadline), text: textOf(n.deadline), date: n.deadline.date, kind: n.deadline.kind } : null,
      task: n.task && n.task.length > 0 ? { spans: n.task.map(span) as [Span, ...Span[]], text: joinText(n.task.map(textOf), CELL_SEPARATOR) } : null,
    })),
    entities: extracted.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: textOf(e.mentions.find((m) => hans.slice(m.start, m.end) === e.name) ?? e.mentions[0]!),
      ...(e.forms.length > 0 ? { forms: e.forms } : {}),
      ...(e.canonical ? { canonical: e.canonical } : {}),
      ...(e.category ? { category: e.category } : {}),
      ...(e.year !== null ? { year: e.year } : {}),
      ...(e.quantity ? { quantity: e.quantity } : {}),
      mentions: e.mentions.map(span) as [Span, ...Span[]],
    })),
    diagnostics: [...input.diagnostics, ...facts.diagnostics].map((d) => ({ severity: d.severity, code: d.code, message: d.message, ...place(d) })),
  };
}

/** Taiwan 發文字號 in a value as written (经商字第…号 found on its Simplified form), joined by 、; null when there is none. */
function taiwanNumbers(value: string, toHans: (s: string) => string): string | null {
  const hans = toHans(value);
  const found = [...hans.matchAll(TW_DOCUMENT_NUMBER)].map((m) => (hans.length === value.length ? value.slice(m.index, m.index + m[0].length) : m[0]).replace(/\s+/g, ''));
  return found.length > 0 ? found.join('、') : null;
}

/** The PDF's blocks with spans into the zh-Hans text (a block the cleaner removed whole has none and is left out). */
function layoutOf(layout: NonNullable<FileText['layout']>, cleaned: Cleaned, cleanSpan: (start: number, end: number) => Span): NonNullable<GongwenDocument['layout']> {
  const round = (n: number): number => Math.round(n * 10) / 10;
  const blocks: NonNullable<GongwenDocument['layout']>['blocks'] = [];
  for (const b of layout.blocks) {
    const start = cleaned.rawToClean(b.start);
    const end = cleaned.rawToClean(b.end);
    if (end <= start) continue;
    blocks.push({ page: b.page, bbox: b.bbox.map(round) as [number, number, number, number], span: cleanSpan(start, end) });
  }
  return { pages: layout.pages.map((p) => ({ number: p.number, width: round(p.width), height: round(p.height) })), blocks };
}

/** Title lines joined into one title, in both scripts. */
function withoutBreaks(t: Text): Text {
  return { 'zh-Hans': joinLines(t['zh-Hans']), 'zh-Hant': joinLines(t['zh-Hant']) };
}

function joinText(lines: Text[], separator = ''): Text {
  return { 'zh-Hans': lines.map((t) => t['zh-Hans']).join(separator), 'zh-Hant': lines.map((t) => t['zh-Hant']).join(separator) };
}

function ids(refs: readonly { name: string; written?: string }[], extracted: Extracted): string[] {
  const out: string[] = [];
  for (const r of refs) {
    // a short form completed from its list (经信局 → 市经信局) links to the full name, else to the form written
    const id = extracted.idOf(r.name) ?? (r.written ? extracted.idOf(r.written) : undefined);
    if (id && !out.includes(id)) out.push(id);
  }
  return out;
}

/** Raw offset where the publication wrapper ended: the edit that removed it (possibly merged with others) says. */
function wrapperRawEnd(cleaned: Cleaned): number {
  const first = cleaned.edits.find((e) => e.kind.includes('publication-wrapper'));
  return first ? first.rawEnd : 0;
}

/** A date line's ISO date when it is a day of the calendar, else null (segment reports it: segment:impossible-date). */
function calendarDate(iso: string | undefined): string | null {
  return iso !== undefined && isCalendarDate(iso) ? iso : null;
}
