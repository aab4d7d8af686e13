/**
 * The document's record-level facts where the text and the page meet: the
 * title (the text's own title line, else the site's metadata, else the page's
 * headline — and where it came from), a status marked on the title or in the
 * metadata (【已废止】, 有效性：有效), the 发文字号, issuer and date the
 * text lacks, whether the page is an official document at all, and where the
 * page's metadata disagrees with the text.
 */
import { diagnostic, type Diagnostic } from './diagnostics.js';
import { ANNOUNCEMENT_NUMBER, announcementNumberOf, DOCUMENT_NUMBER, documentKind, documentNumberOf, isCalendarDate, parseDateLine } from './gbt9704.js';
import { fieldOfLabel, type MetadataField } from './page/metadata-labels.js';

export type TitleSource = 'text' | 'pageMetadata' | 'headline';

export interface FactsInput {
  /** The text's own title (zh-Hans), '' when it has none. */
  title: string;
  documentNumber: string | null;
  issuer: string | null;
  date: string | null;
  kind: string | null;
  addressees: number;
  /** Whether the text has a signature with a 成文日期 (or a law's adoption line). */
  signed: boolean;
  /** The site's label → value pairs (source script) and the page's headline, both converted to zh-Hans by the caller. */
  metadata: readonly [string, string][];
  headline: string | null;
  /** A page with no document-like text (a list or search page of links). */
  pageOfLinks: boolean;
  /** The texts of the page's links to files (附件), converted to zh-Hans. */
  attachmentNames?: readonly string[];
  /** A site's tag the page put before the title line and the chrome cut (已废止, 市级相关政策), zh-Hans. */
  titleTag?: string | null;
}

export interface DocumentFacts {
  /** The title in zh-Hans, decorations removed; null when there is none. */
  title: string | null;
  titleSource: TitleSource | null;
  /** How many characters of the text's own title were decoration at its start and end (to cut the same from zh-Hant). */
  titleCut: { start: number; end: number };
  status: string | null;
  documentNumber: string | null;
  issuer: string | null;
  date: string | null;
  kind: string | null;
  isDocument: boolean;
  diagnostics: Diagnostic[];
}

/** Validity a site marks on a document (in a tag before its title, or as metadata). */
const STATUS = /^(?:现行)?有效$|^(?:已|被)?(?:废止|失效|修订|修改|宣布失效|部分失效|部分废止)$|^尚未生效$|^失效$/u;
const LEADING_TAG = /^[【\[［]([^】\]］]{1,12})[】\]］]\s*/u;
const TRAILING_STATUS = /\s*[（(]((?:现行)?有效|(?:已|被)?(?:废止|失效|修订|修改)|部分失效)[）)]$/u;
/** A date a site prints after the title: 关于…的通知 ( 2021年07月23日 ). */
const TRAILING_DATE = /\s*[（(]\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*[）)]$/u;
/** Pages about a document rather than the document (解读, 答记者问 …). */
const INTERPRETATION = /(?:解读|答记者问|问答|图解|一图读懂|新闻发布会|答问|政策吹风)(?:材料|稿)?[）)]?$/u;

/** A title without the decorations sites add: a tag before it, a status or a date after it, a 发文字号 glued in front. */
export function tidyTitle(title: string): { title: string; status: string | null; documentNumber: string | null; cut: { start: number; end: number } } {
  let t = title;
  let start = 0;
  let status: string | null = null;
  let documentNumber: string | null = null;
  const tag = LEADING_TAG.exec(t);
  if (tag && t.length - tag[0].length >= 6) {
    if (STATUS.test(tag[1]!.trim())) status = tag[1]!.trim();
    start += tag[0].length;
    t = t.slice(tag[0].length);
  }
  // 武公中规〔2026〕2号武汉…的通知: the number printed before the title
  const number = DOCUMENT_NUMBER.exec(t);
  if (number && number.index === 0 && t.length - number[0].length >= 8) {
    documentNumber = documentNumberOf(number);
    start += number[0].length;
    t = t.slice(number[0].length);
  }
  // a 发文字号 in brackets after the title (…的通知（市房金委字〔2022〕2号）) is the title's, but names the number
  const bracketed = /[（(]([^（()）]{2,30})[）)]$/u.exec(t);
  const inBracket = bracketed ? DOCUMENT_NUMBER.exec(bracketed[1]!) : null;
  if (inBracket && inBracket.index === 0) documentNumber ??= documentNumberOf(inBracket);
  let end = 0;
  for (const pattern of [TRAILING_STATUS, TRAILING_DATE]) {
    const m = pattern.exec(t);
    if (!m || t.length - m[0].length < 6) continue;
    if (pattern === TRAILING_STATUS) status ??= m[1]!;
    end += m[0].length;
    t = t.slice(0, t.length - m[0].length);
  }
  return { title: t, status, documentNumber, cut: { start, end } };
}

function metadataValue(metadata: readonly [string, string][], field: MetadataField): string | null {
  return metadata.find(([label, value]) => value !== '' && fieldOfLabel(label) === field)?.[1] ?? null;
}

/** A date as a site writes it (2024-03-01, 2024年3月1日, 2024-03-01 10:30) → YYYY-MM-DD. */
function isoDate(value: string | null): string | null {
  if (!value) return null;
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(value);
  return m ? parseDateLine(`${m[1]}年${m[2]}月${m[3]}日`) : parseDateLine(value.trim());
}

/** The date a page says it published the document (its first 发布日期/公开日期/发布时间 row that reads as a day of the calendar), or null. */
export function publishedDate(metadata: readonly { value: string; field?: string | null }[]): string | null {
  for (const m of metadata) {
    if (m.field !== 'published') continue;
    const iso = isoDate(m.value);
    if (iso && isCalendarDate(iso)) return iso;
  }
  return null;
}

export function documentFacts(input: FactsInput): DocumentFacts {
  const diagnostics: Diagnostic[] = [];
  const meta = input.metadata;
  const metaNumberValue = (metadataValue(meta, 'documentNumber') ?? '').trim();
  const metaNumberMatch = DOCUMENT_NUMBER.exec(metaNumberValue);
  const metaAnnouncement = metaNumberMatch ? null : ANNOUNCEMENT_NUMBER.exec(metaNumberValue);
  const metaNumber = metaNumberMatch ? documentNumberOf(metaNumberMatch) : metaAnnouncement ? announcementNumberOf(metaAnnouncement) : null;
  const metaDateWritten = isoDate(metadataValue(meta, 'date'));
  const metaDate = metaDateWritten && isCalendarDate(metaDateWritten) ? metaDateWritten : null;
  if (metaDateWritten && !metaDate) diagnostics.push(diagnostic('segment:impossible-date', `Unexpected 成文日期 ${metaDateWritten} in the page's metadata: no such day in the calendar; it is not used`));
  const metaTitle = metadataValue(meta, 'title');

  // a page of links has no title line of its own: its first line is a menu
  let raw = input.pageOfLinks ? '' : input.title;
  let titleSource: TitleSource | null = raw !== '' ? 'text' : null;
  if (raw === '' && metaTitle) {
    raw = metaTitle;
    titleSource = 'pageMetadata';
  }
  if (raw === '' && input.headline) {
    raw = input.headline;
    titleSource = 'headline';
  }
  const tidy = tidyTitle(raw);
  const title = tidy.title !== '' ? tidy.title : null;
  // a validity the site prints under its own label, or in the row of the date it would expire (废止日期：有效)
  const status = tidy.status ?? metadataStatus(input.titleTag ?? null) ?? metadataStatus(metadataValue(meta, 'status')) ?? metadataStatus(metadataValue(meta, 'expired'));

  let documentNumber = input.documentNumber ?? tidy.documentNumber ?? metaNumber;
  if (documentNumber === null && title) {
    const fromFile = numberOfDocumentFile(input.attachmentNames ?? [], title);
    if (fromFile) {
      documentNumber = fromFile;
      diagnostics.push(diagnostic('segment:number-from-attachment', `The 发文字号 ${fromFile} is read from the name of the file the page links: the text and the metadata give none`));
    }
  }
  if (input.documentNumber && metaNumber && squash(input.documentNumber) !== squash(metaNumber)) {
    diagnostics.push(diagnostic('segment:metadata-disagrees', `Unexpected 发文字号 ${metaNumber} in the page's metadata, where the document's text says ${input.documentNumber}; the text's is kept`));
  }
  if (input.date && metaDate && input.date !== metaDate) {
    diagnostics.push(diagnostic('segment:metadata-disagrees', `Unexpected 成文日期 ${metaDate} in the page's metadata, where the document's text says ${input.date}; the text's is kept`));
  }
  const kind = input.kind ?? (title && titleSource !== 'text' ? documentKind(title) : null);
  const interpretation = title !== null && INTERPRETATION.test(title);
  const isDocument = !input.pageOfLinks && !interpretation && (kind !== null || documentNumber !== null || input.addressees > 0 || input.signed);
  if (!isDocument) {
    diagnostics.push(
      diagnostic(
        'segment:not-a-document',
        input.pageOfLinks
          ? 'Unexpected page of links and labels without document text (a list or a search page); document.kind is null'
          : interpretation
          ? `Unexpected page about a document (${title}): an interpretation, not an official document; document.kind is null`
          : 'Unexpected text without the parts of an official document (a title ending in a 文种, a 发文字号, 主送机关, a signature with its date): a news story, a list or another page; document.kind is null',
      ),
    );
  }
  return {
    title,
    titleSource: title ? titleSource : null,
    titleCut: titleSource === 'text' ? tidy.cut : { start: 0, end: 0 },
    status,
    documentNumber,
    issuer: input.issuer ?? metadataValue(meta, 'issuer'),
    date: input.date ?? metaDate,
    kind: isDocument ? kind : null,
    isDocument,
    diagnostics,
  };
}

/**
 * The 发文字号 of a document that the page links as a file named by it: the
 * link reads the number alone (宁房市字〔2017〕108号.pdf) or the number and the
 * document's title (东公积金委〔2020〕2号关于…的通知). A file named by another
 * number, or by its own title, is an attachment or a cited document: no number.
 * Several such files with different numbers: none.
 */
function numberOfDocumentFile(names: readonly string[], title: string): string | null {
  const found = new Set<string>();
  const wanted = squash(title).replace(/[《》“”]/gu, '');
  for (const name of names) {
    const t = squash(name).replace(/\.(?:pdf|docx?|wps|ofd|xlsx?|zip|rar)$/iu, '').replace(/[《》“”]/gu, '');
    const m = DOCUMENT_NUMBER.exec(t);
    if (!m || m.index !== 0) continue;
    const rest = t.slice(m[0].length).replace(/^[-_—：:]/u, '');
    if (rest === '' || rest === wanted) found.add(documentNumberOf(m));
  }
  return found.size === 1 ? [...found][0]! : null;
}

function metadataStatus(value: string | null): string | null {
  const v = value?.trim() ?? '';
  return v !== '' && STATUS.test(v) ? v : null;
}

function squash(s: string): string {
  return s.replace(/\s+/gu, '');
}
