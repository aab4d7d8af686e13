/**
 * The GB/T 9704 parts around the body: 版头 (份号, 密级, 紧急程度, 发文机关标志,
 * 发文字号), the title, 主送机关, and what closes a body read from its end
 * (signature, 成文日期, 附注, 附件说明, 抄送/印发); the issuer and date of a
 * document from them. Each reader takes the non-blank lines, pushes the parts
 * it finds and returns what it read and where it stopped.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import {
  ADOPTION_LINE,
  ANNOUNCEMENT_NUMBER,
  announcementNumberOf,
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
  parseMeetingDateLine,
} from '../gbt9704.js';
import { isHistoryLine, readHistory, startsHistoryEntry } from '../law-history.js';
import { CELL_SEPARATOR, type Line } from '../lines.js';
import { findRocDate } from '../roc-date.js';
import { COPY_LINE, readTaiwanHeader, TW_NUMBER_LINE, TW_SIGNER, type TwHeader } from '../tw-gongwen.js';
import type { Range } from '../sentences.js';
import { CONTENTS_HEADING } from './headings.js';
import { HK_CAP, HK_PAPER_COMMITTEE, HK_PAPER_REFERENCE } from '../hk-ordinance.js';
import type { Jurisdiction } from '../articles.js';
import type { Part, PartType, SegHistoryEvent, SegParagraph } from './types.js';

const MAX_TITLE_LINES = 3;
/**
 * A title still short of its 文种 after three lines runs on to five: a joint
 * title names each organ on a line of its own (海南省住房和城乡建设厅 /
 * 海南省住房公积金管理局 / 关于提取住房公积金支付购买 / 新建商品住房和…的通知).
 */
const MAX_UNFINISHED_TITLE_LINES = 5;
/** A 发文字号 written as a code: letters and digits (at least four digits), then 号, alone on its line. */
const CODE_NUMBER = /^([A-Za-z]{1,8}\d{4,}(?:-\d+)?)\s*号$/;
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
/** 发文机关标志: the organ's name followed by 文件 (国务院文件; 中共中央办公厅 国务院办公厅文件); 文件 alone where a PDF draws the names as graphics. */
const ISSUER_MARK = /^[\p{Script=Han}\s]{0,40}文件$/u;
/**
 * A letterhead of the 信函格式 (GB/T 9704 10.1, a 函 or 纪要): the organ's name alone, without 文件 — one or more such
 * lines (a joint letterhead) directly over the 发文字号 line, which stands between it and the title. Without the number
 * under it an organ's name is the first line of a title (某某市财政局 / 关于…的通知) and stays one.
 */
const ORGAN_NAME_LINE = /^[\p{Script=Han}\s]{2,30}$/u;
const MAX_LETTERHEAD_LINES = 3;
function isLetterhead(lines: readonly Line[], i: number): boolean {
  for (let k = i; k < Math.min(lines.length, i + MAX_LETTERHEAD_LINES + 1); k++) {
    const t = lines[k]!.text.trim();
    if (k > i && t.length <= 30 && DOCUMENT_NUMBER.exec(t)?.index === 0) return true;
    if (!ORGAN_NAME_LINE.test(t) || !ORGAN_SUFFIX.test(t.replace(/\s+/g, '')) || /关于|转发|印发/.test(t)) return false;
  }
  return false;
}
/** A 公告's serial alone on the line under its title: 2024年第3号, （2024年第3号）, 〔2024〕第3号, 第3号. */
const SERIAL_UNDER_TITLE = /^[（(]?\s*((?:\d{4}\s*年|[〔［[]\s*\d{4}\s*[〕］\]])?\s*第\s*\d{1,4}\s*号)\s*[)）]?$/u;
/** 公开属性 printed above the title where 密级 would stand (公开, 主动公开, 依申请公开, 不予公开). */
const OPENNESS = /^(?:公开|主动公开|依申请公开|不予公开)$/;
/** The label of a file that is an attachment, above its title: 附件, 附件1, 附件：. */
const ATTACHMENT_LABEL = /^附件\s*\d*\s*[：:]?$/;

/** The text of ranges read as one, such as a title over several lines. */
export function joined(text: string, ranges: readonly Range[]): string {
  return ranges.map((r) => text.slice(r.start, r.end)).join('');
}

export interface Header {
  next: number;
  title: Range[];
  documentNumber: string | null;
  addressees: Range[];
  decree: { organ: Range } | null;
  /** The header of a Taiwan 函/令/公告 (行政院函 | 中华民国94年4月29日, 院授主忠字第…号), which has no title line. */
  taiwan: TwHeader | null;
  /** A date in the title's own row (行政院95年度施政方针 | 中华民国94年3月30日行政院第2933次会议通过). */
  date: (Range & { iso: string }) | null;
  /** An organ on its own line under the title, above the date (a plan's 農業部 / 中華民國…): the issuer when the end names none. */
  organ?: Range | null;
  /** A LegCo paper's reference above its title (立法会CB(2)123/23-24(01)号文件, CB(3) 566/13-14), as written. */
  paperReference?: Range;
}

/** 版头: document number (before or after the title), the title (up to three lines), 主送机关; or a decree's 令 and 第N号. */
/** Words an addressee ends in: an organ, a collective, people addressed (各位代表, 同志们). */
const ADDRESSEE_END = /(?:政府|委员会|管委会|局|委|厅|部|署|办|室|院|会|处|科|所|站|队|中心|单位|机构|部门|公司|企业|集团|学校|高校|同志|代表|市|县|区|省|州|盟|旗|镇|乡|街道|团体|组织|银行|机关|党组|党委|们|人|者|户|家|职工|员工|人员|群众|居民|市民|平台|主体|各方)$/;
/** Prose announcing what follows, not a list of names. */
const ANNOUNCING = /[。！？]|了|以下|如下|下列|几点|表示|指出|认为|说|称|提出|要求/;

/** A line (without its colon) that lists addressees: every item ends in an organ or a collective, no sentence in it. */
export function isAddresseeList(body: string): boolean {
  if (ANNOUNCING.test(body)) return false;
  // an item is what ，or ； separate; 、 joins the names of one item (江宁、浦口、六合、溧水、高淳区政府)
  const items = body.split(/[，,；;]/).map((x) => x.replace(/[（(][^（）()]*[）)]$/, '').trim());
  return items.every((x) => x.length > 0 && ADDRESSEE_END.test(x));
}

export function readHeader(text: string, lines: Line[], from: number, parts: Part[], diagnostics: Diagnostic[], cover: boolean, jurisdiction: Jurisdiction | null = null): Header {
  let i = from;
  // a Hong Kong ordinance: its chapter number (第57章) before or above its title is its number, the title the rest of the line or the next line
  // a paper of the Legislative Council: its reference above the title (A 13/14-24, CB(3) 566/13-14)
  if (cover && jurisdiction === 'hk' && lines[i] && HK_PAPER_REFERENCE.test(lines[i]!.text.trim())) {
    parts.push({ type: 'documentNumber', start: lines[i]!.start, end: lines[i]!.end });
    // the committee the paper is for (立法会福利事务委员会) stands between the reference and the title: its addressee
    const committee = lines[i + 1] && HK_PAPER_COMMITTEE.test(lines[i + 1]!.text.trim()) ? lines[i + 1]! : null;
    if (committee) parts.push({ type: 'addressees', start: committee.start, end: committee.end });
    const header = readHeader(text, lines, i + (committee ? 2 : 1), parts, diagnostics, cover, null);
    const lead = lines[i]!.text.length - lines[i]!.text.trimStart().length;
    const reference = { start: lines[i]!.start + lead, end: lines[i]!.start + lead + lines[i]!.text.trim().length };
    // a paper's (CB(2) 123/23-24, 立法会…号文件; an agenda's A 13/14-24 is none), kept as written when it holds Chinese
    const paper = /\(\d{1,2}\)|号文件|LC Paper/u.test(lines[i]!.text);
    return { ...header, documentNumber: header.documentNumber ?? lines[i]!.text.trim(), ...(paper ? { paperReference: reference } : {}), addressees: committee ? [{ start: committee.start, end: committee.end }, ...header.addressees] : header.addressees };
  }
  const cap = cover && jurisdiction === 'hk' && lines[i] ? HK_CAP.exec(lines[i]!.text) : null;
  if (cap) {
    parts.push({ type: 'documentNumber', start: lines[i]!.start, end: lines[i]!.end });
    const capNumber = `第${cap[1] ?? cap[2]}章`;
    if (cap[3]) {
      const at = lines[i]!.start + lines[i]!.text.lastIndexOf(cap[3]);
      parts.push({ type: 'title', start: at, end: lines[i]!.end });
      return { next: i + 1, title: [{ start: at, end: lines[i]!.end }], documentNumber: capNumber, addressees: [], decree: null, taiwan: null, date: null };
    }
    const header = readHeader(text, lines, i + 1, parts, diagnostics, cover, null);
    return { ...header, documentNumber: header.documentNumber ?? capNumber };
  }
  const taiwan = cover ? readTaiwanHeader(lines, i) : null;
  if (taiwan) {
    // 發文機關 and 文別, 發文日期, 發文字號, 受文者: parts of the header; a 函 has no title, and its header line is never one
    taiwan.lines.forEach((line, k) => {
      const within = (r: Range) => r.start >= line.start && r.end <= line.end;
      const type: PartType =
        k === 0 ? 'issuerMark' : taiwan.numbers.some(within) ? 'documentNumber' : taiwan.date && within(taiwan.date) ? 'date' : taiwan.addressees.some(within) ? 'addressees' : taiwan.contact.some(within) ? 'note' : 'classification';
      parts.push({ type, start: line.start, end: line.end });
    });
    diagnostics.push(diagnostic('segment:no-title', `A Taiwan ${taiwan.kind} has no title line; its header “${text.slice(taiwan.lines[0]!.start, taiwan.lines[0]!.end).slice(0, 40)}” is not one: the title is left empty unless the page gives one`, { space: 'hans', start: taiwan.lines[0]!.start, end: taiwan.lines[0]!.end }));
    const documentNumber = taiwan.numbers.length > 0 ? taiwan.numbers.map((r) => text.slice(r.start, r.end).replace(/\s+/g, '')).join('、') : null;
    return { next: taiwan.next, title: [], documentNumber, addressees: taiwan.addressees, decree: null, taiwan, date: null };
  }
  let documentNumber: string | null = null;
  const takeNumber = (line: Line | undefined): boolean => {
    if (!line) return false;
    // 财政部 税务总局公告2025年第17号: a 公告's number, under its title
    const announcement = line.text.length <= 50 ? ANNOUNCEMENT_NUMBER.exec(line.text) : null;
    if (announcement) {
      documentNumber = announcementNumberOf(announcement);
      parts.push({ type: 'documentNumber', start: line.start, end: line.end });
      return true;
    }
    if (line.text.length > 30) return false;
    const m = DOCUMENT_NUMBER.exec(line.text);
    // a registration code may stand before it on the same line: CSCR-2018-01025 长政办函〔2018〕75号
    if (!m || (m.index !== 0 && !/^[A-Za-z0-9-]+\s+$/.test(line.text.slice(0, m.index)))) {
      // a number without a year in brackets, as some organs write theirs: FSBG2023063 号
      const code = CODE_NUMBER.exec(line.text);
      if (!code) return false;
      documentNumber = `${code[1]}号`;
      parts.push({ type: 'documentNumber', start: line.start, end: line.end });
      return true;
    }
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
    const type: PartType | null =
      COPY_NUMBER.test(line.text) ? 'copyNumber'
      : CLASSIFICATION.test(line.text) || OPENNESS.test(line.text) ? 'classification'
      : ISSUER_MARK.test(line.text) || (cover && isLetterhead(lines, i)) ? 'issuerMark'
      // a file that is an attachment starts with its label: 附件1 / title
      : n === 0 && from === 0 && ATTACHMENT_LABEL.test(line.text) ? 'note'
      : null;
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
      return { next: i, title: [], documentNumber, addressees: [], decree, taiwan: null, date: null };
    }
  }

  // an editor's note in brackets above the title of a forwarded document: （本文有删减）
  while (!cover && lines[i] && /^[（(][^（）()]{1,30}[）)]$/.test(lines[i]!.text)) {
    parts.push({ type: 'note', start: lines[i]!.start, end: lines[i]!.end });
    i++;
  }
  const title: Range[] = [];
  // a title in a table row with its date (the gazette's header table): the title is the first cell, the date the cell it opens
  let rowDate: Header['date'] = null;
  const row = cover ? lines[i] : undefined;
  if (row && row.text.includes(CELL_SEPARATOR)) {
    const cells = row.text.split(CELL_SEPARATOR);
    const first = cells[0]!.trim();
    const datedAt = cells.findIndex((c, k) => k > 0 && findRocDate(c.trim())?.start === 0);
    if (datedAt > 0 && first.length >= 4 && first.length <= 60 && !first.includes('。')) {
      const cellStart = row.start + cells.slice(0, datedAt).reduce((n, c) => n + c.length + CELL_SEPARATOR.length, 0);
      const cell = cells[datedAt]!;
      const d = findRocDate(cell)!;
      rowDate = { start: cellStart + d.start, end: cellStart + d.end, iso: d.iso };
      const lead = cells[0]!.length - cells[0]!.trimStart().length;
      title.push({ start: row.start + lead, end: row.start + lead + first.length });
      i++;
    }
  }
  while (i < lines.length && rowDate === null) {
    const line = lines[i]!;
    if (title.length > 0) {
      const sofar = joined(text, title);
      // a short bracket on a line of its own ends the title it belongs to: …行动计划 / （2024—2026年）, …办法 / （试行）;
      // so does a longer one that marks a draft or version (（2023年修订版 公开征求意见稿）)
      if ((TITLE_SUFFIX.test(line.text) && !NOTE_WORDS.test(line.text) && !SERIAL_UNDER_TITLE.test(line.text.trim())) || VERSION_MARK.test(line.text)) {
        title.push({ start: line.start, end: line.end });
        i++;
        break;
      }
      if (title.length >= MAX_TITLE_LINES && (title.length >= MAX_UNFINISHED_TITLE_LINES || documentKind(sofar) || !TITLE_START.test(sofar))) break;
      // a table row is no title line (a table under an attachment's title: 一级指标 | 二级指标 | …), nor a rule under the title (＊＊＊＊)
      if (line.text.includes(CELL_SEPARATOR) || RULE_LINE.test(line.text.trim())) break;
      if (documentKind(sofar) || line.text.endsWith('：') || matchHeading(line.text) || line.text.includes('。') || line.text.length > 40 || DOCUMENT_NUMBER.test(line.text) || TW_NUMBER_LINE.test(line.text) || parseDateLine(line.text)) break;
      // a law's adoption note (（2021年6月10日…会议通过）) or any line of its history (1999年6月25日 最高人民法院公告公布),
      // a long bracketed note about the text, and 目录 follow a title; a short bracket continues it: （2024—2026年）, （试行）, （2024年修订）
      if (ADOPTION_LINE.test(line.text) || isHistoryLine(line.text) || startsHistoryEntry(line.text) || TITLE_NOTE.test(line.text) || CONTENTS_HEADING.test(line.text)) break;
    } else if (matchHeading(line.text) || line.text.includes('。') || /[：:]$/.test(line.text)) break; // 主送机关 is no title
    // a title in a table row keeps its text, not the row's empty cells (行政院95年度施政方针 |)
    const lead = /^[\s|]*/.exec(line.text)![0].length;
    const trail = /[\s|]*$/.exec(line.text)![0].length;
    title.push({ start: line.start + lead, end: Math.max(line.start + lead, line.end - trail) });
    i++;
  }
  // an organ and a date on the two lines under the title (a plan's 農業部 / 中華民國一百一十三年十二月二十日): its issuer and date unless
  // its end gives them — the pair is no closing, since no body comes before it (attachments.ts coverEnd)
  let organ: Range | null = null;
  const organLine = cover && rowDate === null && title.length > 0 ? lines[i] : undefined;
  const organDate = organLine && lines[i + 1] && organLine.text.length <= 40 && ORGAN_SUFFIX.test(organLine.text.trim()) && !organLine.text.includes('。') && !matchHeading(organLine.text) ? parseDateLine(lines[i + 1]!.text) : null;
  if (organLine && organDate) {
    organ = { start: organLine.start, end: organLine.end };
    parts.push({ type: 'signature', start: organLine.start, end: organLine.end });
    i++;
  }
  // a date alone under the title (a report, a speech; a meeting's with its weekday and hour), or opening a bracket that names
  // the occasion (（2024年1月20日在某某市第十七届人民代表大会第三次会议上）): the document's date unless its end gives one
  const under = cover && rowDate === null && title.length > 0 ? lines[i] : undefined;
  const occasion = under ? OCCASION_DATE.exec(under.text.trim()) : null;
  const dateUnder = under ? (parseDateLine(under.text) ?? parseMeetingDateLine(under.text) ?? (occasion ? parseDateLine(occasion[1]!) : null)) : null;
  if (dateUnder) {
    rowDate = { start: lines[i]!.start, end: lines[i]!.end, iso: dateUnder };
    parts.push({ type: 'date', start: lines[i]!.start, end: lines[i]!.end });
    i++;
  }
  if (title.length > 0) parts.push({ type: 'title', start: title[0]!.start, end: title[title.length - 1]!.end });
  // a 公告 or 通告 whose title is its organ and kind (某某市人民政府通告) prints its serial alone under it (2024年第3号,
  // （〔2024〕第3号）): the number is the title's and the serial, as a one-line announcement number reads
  const serial = cover && title.length > 0 && documentNumber === null && lines[i] ? SERIAL_UNDER_TITLE.exec(lines[i]!.text.trim()) : null;
  const titleText = title.length > 0 ? joined(text, title).replace(/\s+/g, '') : '';
  if (serial && lines[i] && /(?:公告|通告)$/.test(titleText) && !/关于/.test(titleText) && titleText.length <= 30) {
    documentNumber = `${titleText}${serial[1]!.replace(/\s+/g, '')}`;
    parts.push({ type: 'documentNumber', start: lines[i]!.start, end: lines[i]!.end });
    i++;
  } else if (title.length === 0 && cover) diagnostics.push(diagnostic('segment:no-title', 'Unexpected body text at the start, expected a title line', lines[from] ? { space: 'hans', start: lines[from]!.start, end: lines[from]!.end } : null));
  if (takeNumber(lines[i])) i++;

  const addressees: Range[] = [];
  const addresseeLine = lines[i];
  // 主送机关 only under a title (a 公文), and only a list of organs: a line of prose announcing a list (…公布了以下几点：) is none
  if (addresseeLine && title.length > 0 && /[：:]$/.test(addresseeLine.text) && addresseeLine.text.length <= 300 && !matchHeading(addresseeLine.text) && isAddresseeList(addresseeLine.text.slice(0, -1))) {
    const body = addresseeLine.text.slice(0, -1);
    for (const m of body.matchAll(/[^，,；;]+/g)) {
      addressees.push({ start: addresseeLine.start + m.index, end: addresseeLine.start + m.index + m[0].length });
    }
    parts.push({ type: 'addressees', start: addresseeLine.start, end: addresseeLine.end });
    i++;
  }
  return { next: i, title, documentNumber, addressees, decree, taiwan: null, date: rowDate, organ };
}

/**
 * What closes the body of a Taiwan 函/令/公告 (lines[from…end)): the 署名
 * lines (院长 谢长廷, two for a joint 函), 正本：/副本： lines (主送/抄送),
 * and whatever follows the signature. Pushes the body and these parts.
 */
export function readTaiwanClosing(lines: Line[], from: number, parts: Part[]): Closing & { addressees: Range[] } {
  let signerAt = -1;
  for (let j = from + 1; j < lines.length; j++) {
    if (TW_SIGNER.test(lines[j]!.text.trim())) {
      signerAt = j;
      break;
    }
  }
  const end = signerAt < 0 ? lines.length : signerAt;
  const bodyLines: Line[] = [];
  const copies: Part[] = [];
  const addressees: Range[] = [];
  for (const line of lines.slice(from, end)) {
    const copy = COPY_LINE.exec(line.text);
    if (!copy) {
      bodyLines.push(line);
      continue;
    }
    copies.push({ type: copy[1] === '正本' ? 'addressees' : 'cc', start: line.start, end: line.end });
    if (copy[1] === '正本') {
      for (const m of line.text.slice(copy[0].length).matchAll(/[^、，,；;]+/g)) {
        const name = m[0].trim();
        if (name) addressees.push({ start: line.start + copy[0].length + m.index + m[0].indexOf(name), end: line.start + copy[0].length + m.index + m[0].indexOf(name) + name.length });
      }
    }
  }
  if (bodyLines.length > 0) parts.push({ type: 'body', start: bodyLines[0]!.start, end: bodyLines[bodyLines.length - 1]!.end });
  parts.push(...copies);
  for (let j = end; j < lines.length; j++) {
    const line = lines[j]!;
    parts.push({ type: TW_SIGNER.test(line.text.trim()) ? 'signature' : /^附件\s*(?:\d+|[一二三四五六七八九十]+)/u.test(line.text.trim()) ? 'attachmentList' : 'note', start: line.start, end: line.end });
  }
  return { issuer: null, coIssuers: [], date: null, bodyLines, addressees };
}

/**
 * A joint signature laid out in a table row (Word users set two organs side by side in a borderless table: 某某市财政局 |
 * 某某市税务局): the organs, when every cell is an organ's name — a name before its suffix, so a cell holding an office
 * alone (办公室) or a number does not count. Null for any other line.
 */
function organsInCells(line: Line): Range[] | null {
  if (!line.text.includes(CELL_SEPARATOR)) return null;
  const organs: Range[] = [];
  let at = 0;
  for (const cell of line.text.split(CELL_SEPARATOR)) {
    const lead = cell.length - cell.trimStart().length;
    const name = cell.trim();
    if (!ORGAN_SUFFIX.test(name) || name.replace(ORGAN_SUFFIX, '').length < 2) return null;
    organs.push({ start: line.start + at + lead, end: line.start + at + lead + name.length });
    at += cell.length + CELL_SEPARATOR.length;
  }
  return organs;
}

export function isSigner(line: Line): boolean {
  return line.text.length <= 40 && !line.text.includes('。') && !matchHeading(line.text) && (ORGAN_SUFFIX.test(line.text) || PERSON_SIGNER.test(line.text));
}

export interface Closing {
  issuer: Range | null;
  /** A joint signature's other organs, one per line, after the first (联合行文: the lead organ signs first). */
  coIssuers: Range[];
  date: (Range & { iso: string }) | null;
  /** The lines of 正文, between the header and what closes it. */
  bodyLines: Line[];
}

/**
 * What closes a body, read from the end of `lines`: signature, 成文日期, 附注,
 * 附件说明, 抄送/印发. Pushes the body's part and these parts; returns the
 * body's lines for the heading tree.
 */
export function readClosing(lines: Line[], from: number, parts: Part[]): Closing {
  let end = lines.length;
  const tail: Part[] = [];
  let date: Closing['date'] = null;
  let issuer: Range | null = null;
  const coIssuers: Range[] = [];
  for (let j = lines.length - 1; j >= from && j >= lines.length - TAIL_LINES; j--) {
    const line = lines[j]!;
    // a date with its weekday (2023年11月10日（星期五）: a press release's, above its hour of release) closes a text as a date alone does
    const iso = parseDateLine(line.text) ?? (WEEKDAY_END.test(line.text.trim()) ? parseMeetingDateLine(line.text) : null);
    // a month without its day under organs closes a paper too (勞工及福利局 / 社會福利署 / 2023年11月): their signature, no date
    const monthOnly = !iso && MONTH_LINE.test(line.text.trim()) && j - 1 >= from && isSigner(lines[j - 1]!) && ORGAN_SUFFIX.test(lines[j - 1]!.text);
    if (!iso && !monthOnly) continue;
    if (iso) date = { start: line.start, end: line.end, iso };
    tail.unshift({ type: 'date', start: line.start, end: line.end });
    end = j;
    const signer = lines[j - 1];
    if (signer && j - 1 >= from && isSigner(signer)) {
      // a joint signature: one organ a line, the lead organ first
      let top = j - 1;
      if (ORGAN_SUFFIX.test(signer.text)) {
        while (top - 1 >= from && j - top < MAX_JOINT_SIGNERS && isSigner(lines[top - 1]!) && ORGAN_SUFFIX.test(lines[top - 1]!.text)) top--;
        const organs: Range[] = [];
        for (let k = top; k < j; k++) {
          // a branch on a line of its own under the organ it belongs to (国家金融监督管理总局 / 佛山监管分局) is that organ's name
          if (k > top && BRANCH_LINE.test(lines[k]!.text) && BRANCH_HEAD.test(lines[k - 1]!.text)) {
            organs[organs.length - 1]!.end = lines[k]!.end;
            continue;
          }
          organs.push(...(organsInCells(lines[k]!) ?? [{ start: lines[k]!.start, end: lines[k]!.end }]));
        }
        issuer = organs[0]!;
        coIssuers.push(...organs.slice(1));
      }
      tail.unshift({ type: 'signature', start: lines[top]!.start, end: signer.end });
      end = top;
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
  return { issuer, coIssuers, date, bodyLines };
}

/** A date line that ends with its weekday, no hour after it: 2023年11月10日（星期五）. */
const WEEKDAY_END = /日\s*[（(]?(?:星期|礼拜)[一二三四五六日天][）)]?$/u;
/** A line of one mark repeated, that rules off a title or a part: ＊＊＊＊, ****, ——————, ＝＝＝＝. */
const RULE_LINE = /^([＊*＝=—\-~～·•])\1{3,}$/u;

/** A month without its day, alone on its line: 2023年11月, 二〇二三年十一月. */
const MONTH_LINE = /^(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月$/u;

/** A branch's name without its parent organ: 佛山监管分局, 广州分行, 天河区支行, 华南分中心 (a line of a joint signature). */
const BRANCH_LINE = /^\p{Script=Han}{2,10}?(?:监管分局|分局|支局|分行|支行|中心支行|分公司|分中心|分院|分署|办事处)$/u;
/** The organs whose branches sign so: 国家金融监督管理总局, 中国人民银行, 海关总署, 中国电信集团公司. */
const BRANCH_HEAD = /(?:总局|总行|银行|总署|总公司|集团公司|集团)$/u;

/** The most organs a joint signature is read with (a line above them is text). */
const MAX_JOINT_SIGNERS = 12;

/** A short bracket that ends a title: （试行）, （2024—2026年）, （征求意见稿）, （2024年修订）. */
const TITLE_SUFFIX = /^[（(][^（）()。，]{1,11}[）)]$/u;

/** A bracket of up to 30 characters that names the text's draft or version: （征求意见稿）, （2023年修订版 公开征求意见稿）, （送审稿）. */
const VERSION_MARK = /^[（(][^（）()。，]{0,24}(?:征求意见稿|送审稿|草案|讨论稿|修订稿|修订版|试行|暂行)[^（）()。，]{0,6}[）)]$/u;

/** What a title that names its subject starts with, after the organs: 关于…, 转发…, 印发…. */
const TITLE_START = /关于|转发|印发/;

/** Words that make a short bracket a note about the text, not part of the title: （此件公开发布）, （本文有删减）. */
const NOTE_WORDS = /此件|删减|公开|发布|转载|来源/;

/** A bracket under a title that opens with the day and names the occasion: （2024年1月20日在…会议上）, （…日在全市工作会议上的讲话）. */
const OCCASION_DATE = /^[（(]\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)\s*(?:在|于)[^（）()]{2,60}?(?:上|时|期间)(?:的(?:讲话|报告|发言|致辞))?\s*[）)]$/u;

/** A bracketed note under a title about how the text came to be: （…会议通过）, （本文有删减）, （…公布，自…起施行）. */
const TITLE_NOTE = /^[（(](?=.{12,}[）)]$).*(?:通过|公布|发布|施行|会议|删减|修正).*[）)]$/u;


/** Whether an organ's name is a short form of another's: its characters in the same order, the same kind of organ (市政府 of 常州市人民政府, 市政府办公室 of 成都市人民政府办公室). */
function isShortFormOf(short: string, full: string): boolean {
  if (short === full || short.length >= full.length || short[short.length - 1] !== full[full.length - 1]) return false;
  let k = 0;
  for (const ch of full) if (ch === short[k]) k++;
  return k === short.length;
}

/**
 * The issuer and date of the whole document: a decree's organ; else the
 * cover's signature, or the organ in the title when the cover is signed by a
 * person, unsigned or forwards a document (国务院关于…, 国务院办公厅转发…); a law's
 * history under its title (adopted, approved, promulgated, revised …: the
 * lines at the start of the body that begin with a date and name an action)
 * when nothing else gives them: the first event's date and organ.
 */
export function documentIssuerAndDate(
  text: string,
  header: Header,
  cover: Closing & { preamble: SegParagraph[] },
  forwards: boolean,
  diagnostics: Diagnostic[],
  /** The events of a numbered history read from the preamble's first lines (lib/law-history.ts readNumberedHistory), when it has one. */
  numberedHistory: readonly SegHistoryEvent[] | null = null,
): { issuer: Range | null; date: (Range & { iso: string }) | null; history: SegHistoryEvent[] } {
  const titleText = joined(text, header.title);
  let issuer = cover.issuer;
  if (header.decree) issuer = header.decree.organ;
  else if (!issuer || forwards) {
    // a cover signed by a person, or no signature: the organ in the title (国务院关于…, 国务院办公厅转发…)
    const m = /^(.+?)(?:关于|转发|印发)/.exec(titleText);
    // a title that names the signer in short (市政府 for 常州市人民政府) keeps the signature's full name
    const shortForm = m && issuer ? isShortFormOf(m[1]!, text.slice(issuer.start, issuer.end)) : false;
    if (m && !shortForm && ORGAN_SUFFIX.test(m[1]!) && header.title[0]!.end - header.title[0]!.start >= m[1]!.length) {
      issuer = { start: header.title[0]!.start, end: header.title[0]!.start + m[1]!.length };
    }
  }
  // a law or regulation says under its title when and by whom it was adopted, promulgated, revised
  const history: SegHistoryEvent[] = numberedHistory ? [...numberedHistory] : [];
  for (const p of numberedHistory ? [] : cover.preamble) {
    const line = text.slice(p.start, p.end);
    if (!isHistoryLine(line)) break;
    for (const e of readHistory(line)) {
      history.push({ iso: e.iso, action: e.action, organ: e.organ ? { start: p.start + e.organ.start, end: p.start + e.organ.end } : null, start: p.start + e.start, end: p.start + e.end });
    }
  }
  // the cover's 成文日期, else a date in the title's row or alone under the title (a report, a meeting's decisions)
  let date = cover.date ?? header.date;
  issuer ??= header.organ ?? null;
  const first = history[0];
  if (first) {
    date ??= { start: first.start, end: first.end, iso: first.iso };
    // the organ as written, session number included (上海市第十五届人民代表大会常务委员会)
    issuer ??= history.find((e) => e.organ)?.organ ?? null;
  }
  // a report or speech by an organ's head: 行政院谢院长于立法院…施政方针报告
  const head = issuer || !header.title[0] ? null : /^(\p{Script=Han}{1,12}?(?:院|部|委员会|署|局|政府))\p{Script=Han}{0,3}?(?:院长|部长|主任委员|署长|局长|市长|县长|省长)/u.exec(titleText);
  if (head) issuer = { start: header.title[0]!.start, end: header.title[0]!.start + head[1]!.length };
  // an organ's agenda or minutes: 立法会议程, 某某委员会会议纪要
  const agenda = issuer || !header.title[0] ? null : /^(\p{Script=Han}{2,12}?(?:委员会|会|院|局|署|部|处|政府))(?:第[\d一二三四五六七八九十百]+次)?(?:会议)?(?:议程|纪要|记录)$/u.exec(titleText);
  if (agenda) issuer = { start: header.title[0]!.start, end: header.title[0]!.start + agenda[1]!.length };
  // a meeting's decisions name the organ that met: 行政院第2928次会议…决定决议事项
  const meeting = issuer || !header.title[0] ? null : /^(\p{Script=Han}{1,16}?(?:院|部|委员会|会|署|局|政府))第[\d一二三四五六七八九十百千零〇]+次(?:\p{Script=Han}{0,6})会议/u.exec(titleText);
  if (meeting) issuer = { start: header.title[0]!.start, end: header.title[0]!.start + meeting[1]!.length };
  if (!date) diagnostics.push(diagnostic('segment:no-date', 'No 成文日期 line found at the end of the document'));
  if (!issuer) diagnostics.push(diagnostic('segment:no-issuer', 'No issuing organ found in the signature or the title'));
  return { issuer, date, history };
}
