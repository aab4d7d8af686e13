/**
 * Taiwan's official documents (公文程式條例; 文書處理手冊), in zh-Hans lines:
 *
 *   行政院函 | 中华民国94年4月29日            ← 發文機關 + 文別, 發文日期
 *   院授主忠字第0940002788号                  ← 發文字號 (several for a joint 令)
 *   受文者：…  速别：…  密等及解密条件：…
 *   主旨：…                                  ← the body's labelled parts
 *   说明：/ 办法：(函)   依据：/ 公告事项：(公告)
 *   正本：…  副本：…                          ← 主送 / 抄送
 *   院长 谢长廷                               ← 署名: the official's title and name
 *
 * A 函/令/公告 has no title line; the header line is never one.
 */
import { items } from './notes/grammar.js';
import { findRocDate, parseRocDateLine } from './roc-date.js';
import type { HeadingMatch } from './gbt9704.js';
import { CELL_SEPARATOR, type Line } from './lines.js';

interface Range {
  start: number;
  end: number;
}

/** 文別 at the end of the header's organ cell: 函, 书函, 令, 公告, 预告 (法规命令草案预告 is a 公告). */
const KIND = /(书函|函|令|公告|预告|开会通知单)$/u;
/** A name that ends like an organ (機關). */
const ORGAN_END = /(?:院|部|会|署|局|处|厅|府|所|室|馆|中心|委员会|公所|法院)$/u;
/** 發文字號: 院台经字第1130012345号, 台训（一）字第0930172100A号, 劳动1字第0980130167号. */
export const TW_DOCUMENT_NUMBER = /(?:[\p{Script=Han}\d]|[（(][一二三四五六七八九十\d]{1,3}[）)]){1,10}字第\s*[\dA-Za-z-]+\s*号/gu;
/** A line that is only a 發文字號 (96年度鉴字第10886号 under an attached decision's title). */
export const TW_NUMBER_LINE = /^(?:[\p{Script=Han}\d]|[（(][一二三四五六七八九十\d]{1,3}[）)]){1,12}字第\s*[\dA-Za-z-]+\s*号$/u;
/** The five branches (院) and the organs that head a joint header cell: a joint issuer's second organ starts with one, or is a ministry's short name. */
const TOP_ORGAN = /^(?:行政院|立法院|司法院|考试院|监察院|总统府)|^\p{Script=Han}{1,3}(?:部|署)$/u;
const YUAN = /^(?:行政|立法|司法|考试|监察)院$/u;
/** Labelled header fields: 发文日期：, 发文字号：, 速别：, 密等及解密条件：, 受文者：. */
const FIELD = /^(发文日期|发文字号|速别|密等(?:及解密条件(?:或保密期限)?)?|受\s*文\s*者|附件|地址|联络人|联络电话|联络方式|承办人|电话|传真|电子信箱|电子邮件)\s*[：:]\s*/u;
/** The organ's contact fields in a 函's header: 地址, 联络人, 电话 …. */
const CONTACT = /^(?:地址|联络人|联络电话|联络方式|承办人|电话|传真|电子信箱|电子邮件)$/u;

/** The organ and 文別 line of a Taiwan 函/令/公告 in either script (the cleaner reads it before conversion): 經濟部　函, 國家發展委員會 開會通知單. */
const KIND_EITHER = /(?:書函|书函|函|令|公告|預告|预告|開會通知單|开会通知单)$/u;
const ORGAN_END_EITHER = /(?:院|部|會|会|署|局|處|处|廳|厅|府|所|室|館|馆|中心|公所)$/u;

/** Whether a line is a Taiwan 公文's organ and 文別 (經濟部　函, 內政部 | 令, 財政部令), either script; a title ending in 函 (…的函) is not. */
export function isTaiwanIssuerLine(line: string): boolean {
  const cells = line.split(CELL_SEPARATOR).map((c) => c.trim()).filter((c) => c !== '');
  const cell = cells.join('');
  if (cell.length > 40) return false;
  const kind = KIND_EITHER.exec(cell);
  if (!kind) return false;
  const organs = cell.slice(0, kind.index).trim();
  return organs === '' || ORGAN_END_EITHER.test(organs);
}

/** A value of a Taiwan header field, either script: an ROC date or a 字第…號 number. */
export function isTaiwanHeaderValue(value: string): boolean {
  return findRocDate(value) !== null || /字第\s*[\dA-Za-z-]+\s*[號号]/u.test(value);
}

export interface TwHeader {
  /** Index of the first line after the header. */
  next: number;
  /** The header's lines. */
  lines: Range[];
  /** The issuing organs as written (two or more for a joint 函/令). */
  issuers: Range[];
  /** 文別 in zh-Hans: 函, 书函, 令, 公告 (a 预告 is a 公告). */
  kind: string | null;
  date: (Range & { iso: string }) | null;
  /** 發文字號 as written, in order. */
  numbers: Range[];
  /** 受文者. */
  addressees: Range[];
  /** 速別 and 密等 lines. */
  classification: Range[];
  /** 地址, 联络人, 电话 … lines. */
  contact: Range[];
}

/**
 * The header of a Taiwan 函/令/公告 at lines[from…], or null when the lines
 * do not start with one: an organ cell ending in its 文別 (行政院函,
 * 法务部内政部 | 令) together with an ROC date, a 字第…号 number or a labelled
 * field (受文者：, 速别：, 地址：), as the
 * gazette's header table or a plain text writes them, one cell per line or
 * several on one line (cells joined by ` | `).
 */
export function readTaiwanHeader(lines: readonly Line[], from: number): TwHeader | null {
  const header: TwHeader = { next: from, lines: [], issuers: [], kind: null, date: null, numbers: [], addressees: [], classification: [], contact: [] };
  let pendingOrgans: Range[] = [];
  let i = from;
  for (; i < lines.length && i < from + 10; i++) {
    const line = lines[i]!;
    let known = false;
    let offset = 0;
    for (const raw of line.text.split(CELL_SEPARATOR)) {
      const cellStart = line.start + offset;
      offset += raw.length + CELL_SEPARATOR.length;
      const lead = raw.length - raw.trimStart().length;
      const cell = raw.trim();
      const at = cellStart + lead;
      if (cell === '') continue;
      const field = FIELD.exec(cell);
      if (field) {
        known = true;
        const value = { start: at + field[0].length, end: at + cell.length };
        const label = field[1]!.replace(/\s/g, '');
        if (label === '发文日期') {
          const d = findRocDate(cell);
          if (d) header.date = { start: at + d.start, end: at + d.end, iso: d.iso };
        } else if (label === '发文字号') header.numbers.push(...numbersIn(cell, at));
        else if (label === '受文者') {
          // several organs, as a 正本 line lists them (各直轄市政府勞動局、各縣（市）政府), read as a note's list is: a level
          // alone goes with the name after it (各直轄市、縣（市）政府 is one collective), a bracket's 、 splits nothing
          for (const item of items(cell.slice(field[0].length))) header.addressees.push({ start: value.start + item.index, end: value.start + item.index + item.text.length });
        } else if (CONTACT.test(label)) header.contact.push({ start: at, end: at + cell.length });
        else if (label !== '附件') header.classification.push({ start: at, end: at + cell.length });
        continue;
      }
      // 受 文 / 者：陈月娇女士: the label broken over two lines
      if (/^受\s*文$/.test(cell) && /^者\s*[：:]/.test(lines[i + 1]?.text ?? '')) {
        known = true;
        continue;
      }
      const kind = KIND.exec(cell);
      const organs = kind ? cell.slice(0, kind.index).trim() : cell;
      if (kind && header.kind === null && organs.length <= 40 && (organs === '' || ORGAN_END.test(organs))) {
        known = true;
        header.kind = kind[1] === '预告' ? '公告' : kind[1]!;
        header.issuers.push(...pendingOrgans, ...splitOrgans(organs, at));
        pendingOrgans = [];
        continue;
      }
      const d = cell.startsWith('中华民国') || cell.startsWith('民国') ? findRocDate(cell) : null;
      if (d && d.start === 0) {
        known = true;
        header.date ??= { start: at + d.start, end: at + d.end, iso: d.iso };
        header.numbers.push(...numbersIn(cell.slice(d.end), at + d.end));
        continue;
      }
      const numbers = numbersIn(cell, at);
      if (numbers.length > 0 && numbers.reduce((n, r) => n + r.end - r.start, 0) >= cell.replace(/\s/g, '').length - 2) {
        known = true;
        header.numbers.push(...numbers);
        continue;
      }
      // an organ on a line of its own, before the 文別 (法务部 / 内政部 / 令) or after the first number (司法院 / its number)
      if (cell.length <= 20 && ORGAN_END.test(cell) && !cell.includes('。') && !cell.includes('：')) {
        known = true;
        if (header.kind === null) pendingOrgans.push(...splitOrgans(cell, at));
        else header.issuers.push(...splitOrgans(cell, at));
        continue;
      }
    }
    if (!known) break;
    header.lines.push({ start: line.start, end: line.end });
    // the line 者：陈月娇女士 after 受 文
    if (/^受\s*文$/.test(line.text.trim()) && lines[i + 1]) {
      const next = lines[++i]!;
      const colon = next.text.search(/[：:]/);
      header.addressees.push({ start: next.start + colon + 1, end: next.end });
      header.lines.push({ start: next.start, end: next.end });
    }
  }
  // an organ and its 文別 make a header only with a date, a number or a labelled field (受文者, 速别, 地址 …):
  // the cleaner keeps a site's metadata (发文日期 and 发文字号 together) apart, in pageMetadata
  const fields = header.addressees.length + header.classification.length + header.contact.length;
  if (header.kind === null || (header.date === null && header.numbers.length === 0 && fields === 0)) return null;
  header.next = i;
  return header;
}

/** Whether a line is the date alone (a 函's 發文日期 line in a plain text). */
export function isRocDateLine(line: string): boolean {
  return parseRocDateLine(line) !== null;
}

function numbersIn(text: string, at: number): Range[] {
  return [...text.matchAll(TW_DOCUMENT_NUMBER)].map((m) => ({ start: at + m.index, end: at + m.index + m[0].length }));
}

/**
 * A joint issuer's organs written as one (法务部内政部, 行政院农业委员会行政院卫生署):
 * split where a name that ends like an organ is followed by one that starts
 * a new organ (a branch such as 行政院, or a ministry's short name); a
 * subordinate organ (交通部台湾区国道高速公路局, 行政院农业委员会) stays whole.
 */
export function splitOrgans(names: string, at: number): Range[] {
  const text = names.trim();
  const lead = names.indexOf(text);
  const out: Range[] = [];
  let start = 0;
  for (let k = 2; k < text.length - 1; k++) {
    const left = text.slice(start, k);
    const right = text.slice(k);
    if (!ORGAN_END.test(left) || YUAN.test(left) || !ORGAN_END.test(right)) continue;
    const nextOrgan = /^(?:行政院|立法院|司法院|考试院|监察院|总统府)/u.test(right) || TOP_ORGAN.test(right);
    if (!nextOrgan) continue;
    out.push({ start: at + lead + start, end: at + lead + k });
    start = k;
  }
  if (text.length > start) out.push({ start: at + lead + start, end: at + lead + text.length });
  return text === '' ? [] : out;
}

/** The labels of a 函's and a 公告's parts (段), which stand at the start of a line: 主旨：…, 说明：, 办法：, 依据：, 公告事项：. */
export const PART_LABEL = /^(主\s*旨|说\s*明|办\s*法|依\s*据|公\s*告\s*事\s*项)\s*[：:]\s*/u;

/** A line that starts a labelled part (段) of a Taiwan 函 or 公告: the label as its marker; the number is its place among the parts. */
export function matchPartLabel(line: string): HeadingMatch | null {
  const m = PART_LABEL.exec(line);
  return m ? { level: '段', marker: m[1]!.replace(/\s+/g, ''), number: 0, length: m[0].length } : null;
}

/** The rows of a 開會通知單 (文書處理手冊): 開會事由, 開會時間, 開會地點, 主持人, 聯絡人及電話, 出席者, 列席者, 備註 — each a part. */
const NOTICE_LABEL = /^(开\s*会\s*事\s*由|开\s*会\s*时\s*间|开\s*会\s*地\s*点|主\s*持\s*人|联\s*络\s*人(?:\s*及\s*电\s*话)?|出\s*席\s*者|列\s*席\s*者|备\s*注)\s*[：:]\s*/u;

/** A line that starts a part of a 開會通知單 (its rows), else a 函's labelled part. */
export function matchNoticeLabel(line: string): HeadingMatch | null {
  const m = NOTICE_LABEL.exec(line);
  return m ? { level: '段', marker: m[1]!.replace(/\s+/g, ''), number: 0, length: m[0].length } : matchPartLabel(line);
}

/** The label of a part that says what a 公文 is about: 主旨 (函, 公告), 開會事由 (開會通知單). */
export const SUBJECT_LABEL = /^(?:主\s*旨|开\s*会\s*事\s*由)\s*[：:]\s*/u;

/**
 * The parts of the Executive Yuan's meeting decisions (院會院長提示及決定、決議事項):
 * 院长提示：, 报告事项, 讨论事项, 临时动议 — each a line of its own. Inside an
 * item of 报告事项 or 讨论事项 the 决定：/决议： that follows it and a further
 * 院长提示： are the item's paragraphs, not parts.
 */
const MEETING_LABEL = /^(院长提示|报告事项|讨论事项|临时动议|临时提案)\s*[：:]?$/u;
/** A meeting decision's item decided: 决定：准予备查。, 决议：通过。 */
export const MEETING_DECISION = /^(?:决定|决议)\s*[：:]/u;

/** A line that starts a part (段) of a meeting decision; `insideItems` when a 报告事项/讨论事项 part is open (a 院长提示 there is the item's). */
export function matchMeetingLabel(line: string, insideItems: boolean): HeadingMatch | null {
  const m = MEETING_LABEL.exec(line.trim());
  if (!m || (insideItems && m[1] === '院长提示')) return null;
  return { level: '段', marker: m[1]!, number: 0, length: line.length };
}

/** Whether a text (its title and body lines, zh-Hans) is a meeting's decisions: a title naming a meeting and its 决定/决议, or 报告事项/讨论事项 parts with their 决定：/决议： lines. */
export function isMeetingDecision(title: string, lines: readonly string[]): boolean {
  if (/会议/u.test(title) && /决定|决议/u.test(title)) return true;
  return lines.some((l) => /^(?:报告事项|讨论事项)\s*[：:]?$/u.test(l.trim())) && lines.some((l) => MEETING_DECISION.test(l));
}

/** 正本：… and 副本：… (主送 and 抄送 of a 函). */
export const COPY_LINE = /^(正本|副本)\s*[：:]/u;

/** 署名 of Taiwan: an official's title and name (院长 谢长廷, 代理主任委员吴秀明, 部长 陈定南). */
export const TW_SIGNER = /^(?:代理|兼)?(?:院长|副院长|部长|政务次长|常务次长|次长|主任委员|副主任委员|委员长|主计长|署长|局长|处长|主任|市长|县长|总统|秘书长|董事长|总经理|校长|主席|会长)\s*\p{Script=Han}{2,4}?(?:公出|代行|请假|出国)?$/u;
/** A note under the signature about who decided (本案授权工业局决行, 授权单位主管决行): part of the 署名 block. */
export const DECIDED_BY = /^[^。]{0,20}决行/u;
