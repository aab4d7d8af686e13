/**
 * Patterns of GB/T 9704-2012 official documents, in zh-Hans (segmentation runs
 * on the Simplified text). One place for every marker the segmenter knows.
 */
import { chineseNumber } from './cjk.js';
import { parseRocDateLine } from './roc-date.js';

const CN = '[一二三四五六七八九十百零〇两]+';
const CN_ANY = '[一二三四五六七八九十百千零〇两\\d]+';

/** 0 = 壹、贰、 (Taiwan's capital numerals, above 一、), 1 = 一、, 2 = （一）, 3 = 1., 4 = （1）. */
export type NumberedLevel = 0 | 1 | 2 | 3 | 4;
/**
 * 编/章/节/条 of a regulation; 段 = a labelled part of a Taiwan 函 or 公告 (主旨, 说明, 办法, 依据, 公告事项);
 * 部/分部/附表 = Part, Division and Schedule of a Hong Kong ordinance (lib/hk-ordinance.ts), whose sections are 条.
 */
export type RegulationLevel = '编' | '章' | '节' | '条' | '段' | '部' | '分部' | '附表';
export type Level = NumberedLevel | RegulationLevel;

export interface HeadingMatch {
  level: Level;
  /** The marker as written, normalised to full-width brackets (（一）, 1.) and without the spaces of 第 1 条. */
  marker: string;
  number: number;
  /** An inserted article: 1 for 第十四条之一 and 第 14-1 条 (the 之一 or -1), else absent. */
  sub?: number;
  /** The letters of a Hong Kong section, Part or Schedule inserted after another (第43L条, 第IXA部: L, A), else absent. */
  suffix?: string;
  /** Length of the marker in the line, including spaces after it. */
  length: number;
}

/**
 * What follows a 第X条/章/节/编 that is cited, not a heading: 第五条及第八条所称…,
 * 第十条第一项所定之…, 第三章、第二十条…, 第二十七条之规定…, 第一条规定的…,
 * 第三条至第五条, 第四条或者第六条, 第 6 条第 2 款 (the law database's spaces), 第 3 条条文 (but 第十一条第五条及… is article 11 citing
 * article 5: an article cites 款/项, not another 条). A heading is followed by a space, the end
 * of the line or its text — and the cleaner drops the space between Chinese
 * characters, so the text may start right after the marker (第三条中小学校…,
 * 第二章规划建设): only words that cannot start an article's text count.
 */
const REFERENCE_AFTER = `(?!\\s*(?:[、，,及至的]|[和与或](?:者)?第|第\\s*${CN_ANY}\\s*[款项目]|所(?:称|定|列|指|述|载|规定)|之(?![一二三四五六七八九十])|规定|条文))`;

/** 第 1 条 / 第14-1条 / 第十四条之一 / 第一条: the number (1), the inserted number after - (2) or 之 (3). */
const ARTICLE = new RegExp(`^第\\s*(${CN_ANY})(?:\\s*-\\s*(\\d+)\\s*|\\s*)条(?:之(${CN}))?${REFERENCE_AFTER}\\s*`);

const HEADINGS: { level: Level; pattern: RegExp; marker: (m: RegExpExecArray) => string }[] = [
  { level: '编', pattern: new RegExp(`^第\\s*(${CN_ANY})\\s*编${REFERENCE_AFTER}\\s*`), marker: (m) => `第${m[1]}编` },
  { level: '章', pattern: new RegExp(`^第\\s*(${CN_ANY})\\s*章${REFERENCE_AFTER}\\s*`), marker: (m) => `第${m[1]}章` },
  { level: '节', pattern: new RegExp(`^第\\s*(${CN_ANY})\\s*节${REFERENCE_AFTER}\\s*`), marker: (m) => `第${m[1]}节` },
  { level: '条', pattern: ARTICLE, marker: (m) => (m[2] ? `第${m[1]}-${m[2]}条` : `第${m[1]}条${m[3] ? `之${m[3]}` : ''}`) },
  { level: 0, pattern: /^([壹贰貳叁參参肆伍陆陸柒捌玖拾佰]+)、\s*/, marker: (m) => `${m[1]}、` },
  // Roman numerals over the parts of a Hong Kong paper (the Legislative Council's agenda: I. 提交文件, II. 以书面答复的质询), a short heading after them
  { level: 0, pattern: /^((?:X{0,2})(?:IX|IV|V?I{0,3}))\.\s+(?=[^。；]{1,30}$)/, marker: (m) => `${m[1]}.` },
  { level: 1, pattern: new RegExp(`^(${CN})[、，]\\s*`), marker: (m) => `${m[1]}、` },
  { level: 2, pattern: new RegExp(`^[（(](${CN})[）)]\\s*`), marker: (m) => `（${m[1]}）` },
  { level: 3, pattern: /^(\d{1,2})(?:[.．、](?!\d)|\s)\s*/, marker: (m) => `${m[1]}.` },
  { level: 4, pattern: /^[（(](\d{1,2})[）)]\s*/, marker: (m) => `（${m[1]}）` },
];

export function matchHeading(line: string): HeadingMatch | null {
  for (const h of HEADINGS) {
    const m = h.pattern.exec(line);
    if (!m) continue;
    if (m[1] === '') continue;
    const number = /^[IVX]+$/.test(m[1]!) ? romanValue(m[1]!) : chineseNumber(h.level === 0 ? fromCapitals(m[1]!) : m[1]!.trim());
    if (number === null) continue;
    // "一、" followed by nothing is not a heading; nor is "1.5亿" (guarded by (?!\d)).
    // An article's number may stand alone on its line, its text on the lines after (第 1 條, as Taiwan's law database writes it).
    // So may 壹、, its heading on the next line.
    if (m[0].length >= line.length && h.level !== '条' && h.level !== 0) continue;
    const sub = h.level === '条' ? (m[2] ? Number(m[2]) : m[3] ? chineseNumber(m[3]) : null) : null;
    return { level: h.level, marker: h.marker(m), number, ...(sub ? { sub } : {}), length: m[0].length };
  }
  return null;
}

/** I … XXIX as a number. */
function romanValue(s: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10 };
  let total = 0;
  for (let k = 0; k < s.length; k++) total += v[s[k]!]! < (v[s[k + 1] ?? ''] ?? 0) ? -v[s[k]!]! : v[s[k]!]!;
  return total;
}

/** 壹贰叁 → 一二三: the capital numerals (大写) Taiwan numbers its top parts with. */
function fromCapitals(s: string): string {
  return s.replace(/[壹贰貳叁參参肆伍陆陸柒捌玖拾佰]/g, (c) => '一二二三三三四五六六七八九十百'['壹贰貳叁參参肆伍陆陸柒捌玖拾佰'.indexOf(c)]!);
}

/** 发文字号: 国发〔2018〕42号, also with [] () ［］ instead of 〔〕. Group 1 = organ code, 2 = year, 3 = serial. */
export const DOCUMENT_NUMBER = /([\p{Script=Han}]{1,12})[〔［[(（]\s*(\d{4})\s*[〕］\])）]\s*(\d{1,4})\s*号/u;

/**
 * The number of an announcement or decree, as organs number theirs by year
 * (公告 and 通告 are numbered 公告2025年第17号 or 公告〔2020〕第3号, under the
 * title): the organs (one or several, space- or 、-separated), the kind, year
 * and serial — alone on its line. Group 1 = the whole number.
 */
export const ANNOUNCEMENT_NUMBER = /^(\p{Script=Han}[\p{Script=Han}\s、]{1,40}?(?:公告|通告)\s*(?:\d{4}\s*年|[〔［[]\s*\d{4}\s*[〕］\]])\s*第\s*\d{1,4}\s*号)$/u;

/** An announcement's number as the record writes it: whitespace runs as one space (财政部 税务总局公告2025年第17号). */
export function announcementNumberOf(match: RegExpExecArray): string {
  return match[1]!.trim().replace(/\s+/gu, ' ');
}

/** A 发文字号 as the record writes it, brackets normalised to 〔〕: 国办发[2019]6号 → 国办发〔2019〕6号. */
export function documentNumberOf(match: RegExpExecArray): string {
  return `${match[1]}〔${match[2]}〕${match[3]}号`;
}

/** A whole line that is only a 成文日期: Arabic or Chinese numerals, or as a web page writes it (2024-03-01, 2024/3/1, 2024.3.1). */
export const DATE_LINE = new RegExp(
  `^[（(]?\\s*(?:(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日|([〇零○Ｏ一二三四五六七八九]{4})年(${CN})月(${CN})日|((?:19|20)\\d{2})([-/.])(\\d{1,2})\\8(\\d{1,2}))\\s*[）)]?$`,
);

/** A meeting's date with its weekday and hour, alone under a title (an agenda): 2014年4月30日星期三上午11时正, 2024年1月3日（星期三）下午2时30分. */
const MEETING_DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[（(]?(?:星期|礼拜)[一二三四五六日天][）)]?\s*(?:(?:上午|下午|晚上|早上|中午)?\s*\d{1,2}\s*(?:时|:)\s*(?:\d{1,2}\s*分?|正|半)?)?$/u;

/** The day of a meeting's date line (2014年4月30日星期三上午11时正), else null. */
export function parseMeetingDateLine(line: string): string | null {
  const m = MEETING_DATE_LINE.exec(line.trim());
  return m ? parseDateLine(`${m[1]}年${m[2]}月${m[3]}日`) : null;
}

/** The date of a line that is only a date: 2024年1月3日, 二〇二四年一月三日, 2024-01-03, or the ROC calendar (中华民国113年5月10日). */
export function parseDateLine(line: string): string | null {
  const m = DATE_LINE.exec(line);
  if (!m) return parseRocDateLine(line);
  const [y, mo, d] = m[1] ? [Number(m[1]), Number(m[2]), Number(m[3])] : m[7] ? [Number(m[7]), Number(m[9]), Number(m[10])] : [chineseNumber(m[4]!), chineseNumber(m[5]!), chineseNumber(m[6]!)];
  if (y === null || mo === null || d === null || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Whether an ISO date (YYYY-MM-DD) is a day of the Gregorian calendar: 2024-02-29 is, 2023-02-29, 1900-02-29 and
 * 2024-02-31 are not. A date line is read by its shape (month 1–12, day 1–31); the record keeps only real days.
 */
export function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
}

/** 文种, longest first so 实施意见 reports 意见 through the suffix match. */
export const KINDS = ['意见', '通知', '办法', '条例', '方案', '决定', '规定', '规划', '批复', '通告', '公告', '报告', '通报', '函', '纪要', '细则', '措施', '指引', '标准', '决议', '命令', '议案', '请示', '公报', '纲要', '计划', '指南', '规则', '建议', '要点'];

export function documentKind(title: string): string | null {
  const t = title.replace(/[（(][^）)]*[）)]$/, '');
  for (const k of KINDS) if (t.endsWith(k)) return k;
  return null;
}

/** Suffixes of organ names (机关): used for the issuer and for agency candidates. */
export const ORGAN_SUFFIX = /(?:人民政府|政府|委员会|办公厅|办公室|管委会|联席会议|领导小组|指挥部|委|局|厅|部|署|院|办|中心|集团|公司|银行|分行|支行)$/;

/** 附注 such as （此件公开发布）. */
export const NOTE_LINE = /^[（(]此件[^）)]*[）)]$/;
export const CC_LINE = /^抄送[：:]/;
export const PRINTING_LINE = /印发$/;
export const ATTACHMENT_LIST = /^附件[：:]/;

/**
 * The adoption line of a law or regulation under its title:
 * 2021年11月25日 上海市第十五届人民代表大会常务委员会第三十七次会议通过, or
 * the promulgation line of a government rule (规章): 2022年12月23日北京市人民政府第307号令公布.
 * Groups: 1 = date, 2 = organ before its session number (上海市 + 人民代表大会常务委员会).
 */
export const ADOPTION_LINE = new RegExp(
  `^[（(]?\\s*(\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日)\\s*(\\p{Script=Han}{2,20}?)(?:第${CN}届)?(人民代表大会常务委员会|人民代表大会|人民政府|国务院)(?:第${CN}次(?:全体|常务)?会议(?:审议)?(?:通过|修订|修正)|令?第${CN_ANY}号令?(?:公布|发布))`,
  'u',
);
