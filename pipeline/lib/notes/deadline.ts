/**
 * Deadlines of responsibility notes (完成时限): a part of a note, a cell of a
 * task table or the value of a 完成时限： label that is a time and nothing
 * else. Three kinds:
 *   by       2024年底前, 9月30日前完成, 年内完成, 2025年6月底, 第三季度末前, 2025年完成
 *   from     2025年起, 自2024年7月1日起实施
 *   ongoing  长期坚持, 持续推进, 常态化开展
 * A date resolves to ISO (the last day the time allows: 9月底前 in a 2024
 * document → 2024-09-30; 2025年起 → 2025-01-01) when the text names its year
 * or the document's year is known; otherwise null. `readDeadline` is
 * anchored at both ends and has no nested quantifiers: linear in its input.
 */
import { chineseNumber } from '../cjk.js';

export type DeadlineKind = 'by' | 'from' | 'ongoing';

export interface Deadline {
  /** UTF-16 offsets of the deadline's text. */
  start: number;
  end: number;
  /** ISO date (YYYY-MM-DD) where it resolves, else null. */
  date: string | null;
  kind: DeadlineKind;
}

/** A character every deadline has: most parts of a note (names) have none. */
const MAY_BE_TIME = /[\d年月季底末前起始旬长持常每〇零一二三四五六七八九十]/;
const ONGOING = /^(?:长期(?:坚持|推进|实施|执行|开展)?|持续(?:推进|实施|开展|落实|进行)|常态化(?:推进|开展|实施|落实)?|长效(?:推进|实施)|每年(?:开展|推进|实施)?)$/;

const Y = '(\\d{4}|[〇零○一二三四五六七八九]{4})';
const N = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
/** A point in time: [year年] then a month (with a day, 上/中/下旬, 底/末), or 年底/年末/上半年/下半年/第N季度[末]; or 年内/今年/本年/当年 (+底). */
const TIME = new RegExp(
  `^(?:${Y}年)?(?:${N}月(?:${N}日|(上旬|中旬|下旬|底|末|份))?|(年?底|年?末|年?内|上半年|下半年|第?([一二三四1-4])季度末?))?$`,
);
const THIS_YEAR = /^(?:今年|本年|当年|年内)/;
/** What may follow a point in time in a deadline that it must be reached by. */
const BY_TAIL = /(?:前|以前|之前)?(?:全面)?(?:完成|建成|出台|落实|实现|到位|见效|印发|制定|上线|投用|投运)?$/;
const FROM = /^(?:自|从)?(.+?)(?:起|开始)(?:实施|施行|执行|推进|开展)?$/;

/**
 * The deadline a whole part is, with its offsets shifted by `offset`, or null.
 * `year` is the document's year, for times that do not name theirs; `keyed`:
 * the part is the value of a 完成时限 key or cell, so a date alone is a deadline.
 */
export function readDeadline(part: string, offset: number, year: number | null, keyed = false): Deadline | null {
  if (part.length > 60 || !MAY_BE_TIME.test(part)) return null;
  const lead = part.length - part.trimStart().length;
  const text = part.trim().replace(/[。；;，,]+$/, '');
  if (text.length === 0 || text.length > 30) return null;
  const at = { start: offset + lead, end: offset + lead + text.length };
  if (ONGOING.test(text)) return { ...at, date: null, kind: 'ongoing' };
  const from = FROM.exec(text);
  if (from) {
    const point = readPoint(from[1]!.replace(THIS_YEAR, (m) => (m === '年内' ? '' : '')), year, 'start');
    return point === undefined ? null : { ...at, date: point, kind: 'from' };
  }
  // a bare year or month is a date, not a deadline: it needs 前/底/完成 or a named part of a year
  const tail = BY_TAIL.exec(text)!;
  let body = text.slice(0, tail.index);
  const thisYear = THIS_YEAR.exec(body);
  if (thisYear) body = body.slice(thisYear[0].length);
  // under a 完成时限 key or column a date alone is what the task is due by: 2024年12月
  if (tail[0] === '' && !keyed && !/(?:底|末|旬|季度|半年|年内)$/.test(body)) return null;
  if (body === '' && !thisYear) return null;
  if (body === '' || body === '底' || body === '末') body = '年底';
  const point = readPoint(body, year, 'end');
  return point === undefined ? null : { ...at, date: point, kind: 'by' };
}

/** The ISO date of a point in time (its first or last day), null when its year is unknown, undefined when it is no time. */
function readPoint(text: string, documentYear: number | null, edge: 'start' | 'end'): string | null | undefined {
  const m = TIME.exec(text);
  if (!m || text === '') return undefined;
  const [, y, mo, d, part, yearPart, quarter] = m;
  if (!y && !mo && !yearPart) return undefined;
  const year = y ? chineseNumber(y) : documentYear;
  if (year === null || year === undefined) return null;
  let month: number;
  let day: number | null = null;
  if (mo) {
    month = chineseNumber(mo) ?? 0;
    if (d) day = chineseNumber(d);
    else if (part === '上旬') day = edge === 'start' ? 1 : 10;
    else if (part === '中旬') day = edge === 'start' ? 11 : 20;
    else if (part === '下旬') day = edge === 'start' ? 21 : null;
    else if (edge === 'start') day = 1;
  } else if (quarter) {
    const q = chineseNumber(quarter) ?? 0;
    month = edge === 'start' ? q * 3 - 2 : q * 3;
    if (edge === 'start') day = 1;
  } else if (yearPart === '上半年') {
    month = edge === 'start' ? 1 : 6;
    if (edge === 'start') day = 1;
  } else if (yearPart === '下半年') {
    month = edge === 'start' ? 7 : 12;
    if (edge === 'start') day = 1;
  } else {
    // a year alone, 年底, 年末, 年内
    month = edge === 'start' ? 1 : 12;
    if (edge === 'start') day = 1;
  }
  if (month < 1 || month > 12) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  day ??= last;
  if (day === null || day < 1 || day > last) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
