/**
 * The history a law or regulation states under its title (zh-Hans): who
 * adopted, approved, promulgated, revised it and when it took effect.
 *
 *   2012年9月28日 河南省第十一届人民代表大会常务委员会第二十九次会议通过
 *   2021年11月15日 最高人民法院审判委员会第1850次会议通过
 *   1998年11月28日 中华人民共和国国务院令第254号发布
 *   2013年12月7日 《国务院关于修改部分行政法规的决定》第一次修订
 *   （2020年1月1日某某市人民政府令第1号公布，自2020年3月1日起施行）
 *   中华民国九十四年六月二十九日行政院农业委员会农授粮字第 0941057 981 号令订定发布全文 35 条
 *
 * Each date starts an event; its action is the first action word after it
 * (an attributive one — 通过的, 批准的 — describes something else and is
 * skipped), and a date whose words name no action shares the action of the
 * next one (…第1474次会议、2009年9月28日…会议通过). Words inside 《》 are a
 * cited title, never the action.
 */
import { chineseNumber } from './cjk.js';
import { ROC_DATE_SOURCE, rocIso } from './roc-date.js';

export type HistoryAction = 'adopted' | 'approved' | 'promulgated' | 'revised' | 'amended' | 'effective' | 'abolished';

export interface HistoryEvent {
  iso: string;
  action: HistoryAction;
  /** The organ as written, when the event names one (UTF-16 offsets into the line). */
  organ: { start: number; end: number } | null;
  /** From the date to the action word. */
  start: number;
  end: number;
}

const GREGORIAN = '(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日';
/** The Gregorian date in Chinese numerals, as Party documents and some laws write it: 二〇二五年十二月一日. */
const GREGORIAN_HAN = '([〇零○Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日';
const DATE = new RegExp(`${GREGORIAN}|${ROC_DATE_SOURCE}|${GREGORIAN_HAN}`, 'gu');
/** A line that begins with a date (in a bracket or not): the only kind of line a history is written on. */
const STARTS_WITH_DATE = new RegExp(`^[（(]?\\s*(?:${GREGORIAN}|${ROC_DATE_SOURCE}|${GREGORIAN_HAN})`, 'u');

/** Action words, longer forms first; not followed by 的 (通过的《…》 names what was adopted, not this event). */
const ACTION = /(通过修订|通过修正|修正发布|修订发布|订定发布|增订发布|制定公布|修正公布|发布废止|公布废止|通过|批准|公布|发布|修正|修订|施行|废止)(?!的)/u;
const ACTIONS_ALL = new RegExp(ACTION.source, 'gu');
const ACTIONS: Record<string, HistoryAction> = {
  通过修订: 'revised',
  通过修正: 'amended',
  修正发布: 'amended',
  修订发布: 'revised',
  订定发布: 'promulgated',
  增订发布: 'amended',
  制定公布: 'promulgated',
  修正公布: 'amended',
  发布废止: 'abolished',
  公布废止: 'abolished',
  通过: 'adopted',
  批准: 'approved',
  公布: 'promulgated',
  发布: 'promulgated',
  修正: 'amended',
  修订: 'revised',
  施行: 'effective',
  废止: 'abolished',
};

/** Where the organ's name ends: a session (第N次), a decree's number (北京市人民政府第307号令), a cited title (《), a decree or announcement (令, 公告), a document number (农授粮字第…号). */
const ORGAN_END = /第\s*[\d一二三四五六七八九十百零〇]+\s*[次号]|《|令第|令(?!字第)|公告|字第|以|，|,|、|[（(][\d一二三四五六七八九十零〇]{1,4}[）)]/u;
/** Last characters of organs' names, to find where an organ ends and its document number's code (农授粮, 院台规, 华总一义) begins. */
const ORGAN_LAST = /[会部院署局处厅府所室馆统心]/u;

/** Whether a line is part of a law's history: it begins with a date and names an action. */
export function isHistoryLine(line: string): boolean {
  return STARTS_WITH_DATE.test(line) && ACTION.test(maskCitations(line));
}

/** The events of one history line, in order. */
export function readHistory(line: string): HistoryEvent[] {
  const masked = maskCitations(line);
  const dates: { iso: string; start: number; end: number }[] = [];
  for (const m of line.matchAll(DATE)) {
    const iso = m[1] ? gregorian(m[1], m[2]!, m[3]!) : m[4] ? rocIso(m[4], m[5]!, m[6]!) : gregorianHan(m[7]!, m[8]!, m[9]!);
    if (iso) dates.push({ iso, start: m.index, end: m.index + m[0].length });
  }
  // every action word of the line, in one pass; each date takes the first one between it and the next date
  const actions = [...masked.matchAll(ACTIONS_ALL)];
  let next = 0;
  const events: HistoryEvent[] = [];
  /** Indices of dates still waiting for an action. */
  const pending: number[] = [];
  dates.forEach((d, k) => {
    const until = dates[k + 1]?.start ?? line.length;
    while (next < actions.length && actions[next]!.index < d.end) next++;
    const action = next < actions.length && actions[next]!.index + actions[next]![0].length <= until ? actions[next]! : null;
    pending.push(k);
    if (!action) return;
    for (const i of pending) {
      const p = dates[i]!;
      // the event's words end at its action, or for a date without one, where the next date begins
      const wordsEnd = i === k ? action.index : dates[i + 1]!.start;
      const end = i === k ? wordsEnd + action[0].length : wordsEnd;
      events.push({ iso: p.iso, action: ACTIONS[action[1]!]!, organ: organOf(line, p.end, wordsEnd), start: p.start, end });
    }
    pending.length = 0;
  });
  return events;
}

function gregorian(y: string, m: string, d: string): string | null {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function gregorianHan(y: string, m: string, d: string): string | null {
  const [year, month, day] = [chineseNumber(y.replace(/[○Ｏ零]/gu, '〇')), chineseNumber(m), chineseNumber(d)];
  return year === null || month === null || day === null ? null : gregorian(String(year), String(month), String(day));
}

/** The organ between a date and its action: up to its session number, decree, announcement or document number. */
function organOf(line: string, from: number, to: number): { start: number; end: number } | null {
  const words = line.slice(from, to);
  const stop = ORGAN_END.exec(words);
  let end = stop ? stop.index : words.length;
  // the 字第 of a document number soon after (行政院农业委员会农授粮字第…, 交通部（88）交人发字第…, 总统华总一义字第…): the organ
  // is the shortest name ending like an organ that leaves a code of at most five characters (spaces and bracketed years aside)
  const number = words.indexOf('字第');
  if (number >= 0 && number - end <= 12) {
    for (let i = Math.max(2, number - 24); i <= Math.min(end, number); i++) {
      if (ORGAN_LAST.test(words[i - 1]!) && words.slice(i, number).replace(/[（(][^（）()]{1,4}[）)]|\s/gu, '').length <= 5) {
        end = i;
        break;
      }
    }
  }
  // words before the organ: 由, 经 (by, through) — not the 经 of 经济部
  const lead = /^(?:[\s，,、（(由]|经(?!济))*/u.exec(words.slice(0, end))![0].length;
  let start = lead;
  while (end > start && /[\s，,、]/.test(words[end - 1]!)) end--;
  // an organ is a name of at least two characters, not the tail of a sentence (起, 自…起)
  const name = words.slice(start, end);
  if (name.length < 2 || !/\p{Script=Han}/u.test(name) || /^(?:自|起|于|在)/.test(name)) return null;
  return { start: from + start, end: from + end };
}

/** The line with everything inside 《》 blanked, so a cited title's words are never read as the action. */
function maskCitations(line: string): string {
  if (!line.includes('《')) return line;
  let depth = 0;
  const out: string[] = [];
  for (const ch of line) {
    if (ch === '《') depth++;
    out.push(depth > 0 ? (ch.length === 2 ? '  ' : ' ') : ch);
    if (ch === '》' && depth > 0) depth--;
  }
  return out.join('');
}

/** The start of an entry of a history: a date, perhaps numbered (1.中华民国九十四年…, as the law database numbers them) or in a bracket. */
const ENTRY_START = new RegExp(`^(?:(\\d{1,3})\\s*[.．、]\\s*)?[（(]?\\s*(?:${GREGORIAN}|${ROC_DATE_SOURCE})`, 'u');

/** Whether a line starts an entry of a law's history (a date at its start, numbered or not), so that it never joins a title. */
export function startsHistoryEntry(line: string): boolean {
  return ENTRY_START.test(line);
}

export interface HistoryBlock {
  /** How many of the lines the history takes (its entries, their wrapped lines and notes). */
  lines: number;
  /** The events, with offsets into the text the lines' offsets index. */
  events: HistoryEvent[];
}

/**
 * A numbered history at the start of `lines` (the law database's 沿革, each
 * entry a number and a date, wrapped at a fixed width):
 *
 *   1.中华民国九十四年六月二十九日行政院农业委员会农授粮字第 0941057
 *   981 号令订定发布全文 35 条；并自植物品种及种苗法施行之日施行
 *   中华民国一百零二年七月十九日行政院院台规字第 1020141353 号公告…   ← a note under entry 1
 *   2.中华民国一百零一年十月五日…号令修正发布第 29、35 条条文
 *
 * An entry is its numbered line and the lines after it up to the next line
 * that starts with a date (a note under the entry: an announcement that
 * another organ is now competent, an effective date; not an event of the
 * law's text) or a number; the block ends at the first line that starts a
 * 编/章/节/条 (`isHeading`). Each entry is read as one line (its wrapped
 * lines joined), so an action split over two lines (令订 / 定发布) is read.
 * Null when the lines do not start with a numbered entry.
 */
export function readNumberedHistory(lines: readonly { text: string; start: number }[], isHeading: (line: string) => boolean): HistoryBlock | null {
  const first = lines[0] ? ENTRY_START.exec(lines[0].text) : null;
  if (!first || first[1] !== '1') return null;
  const events: HistoryEvent[] = [];
  let n = 0;
  while (n < lines.length) {
    const m = ENTRY_START.exec(lines[n]!.text);
    if (!m || !m[1] || isHeading(lines[n]!.text)) break;
    // the entry's own lines: the numbered one and its wrapped lines, up to a note (a line starting with a date) or the next entry
    const own = [lines[n]!];
    n++;
    while (n < lines.length && !ENTRY_START.test(lines[n]!.text) && !isHeading(lines[n]!.text)) own.push(lines[n++]!);
    // notes under the entry, each with its wrapped lines
    for (let note = ENTRY_START.exec(lines[n]?.text ?? ''); n < lines.length && note && !note[1]; note = ENTRY_START.exec(lines[n]?.text ?? '')) {
      n++;
      while (n < lines.length && !ENTRY_START.test(lines[n]!.text) && !isHeading(lines[n]!.text)) n++;
    }
    const joinedText = own.map((l) => l.text).join('');
    // where each of the entry's lines starts in the joined text
    const starts: number[] = [];
    own.reduce((at, l) => (starts.push(at), at + l.text.length), 0);
    const placeOf = (index: number): number => {
      let lo = 0;
      let hi = own.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= index) lo = mid;
        else hi = mid - 1;
      }
      return own[lo]!.start + index - starts[lo]!;
    };
    const place = (i: number, end: boolean) => (end ? placeOf(i - 1) + 1 : placeOf(i));
    for (const e of readHistory(joinedText)) {
      events.push({ ...e, start: place(e.start, false), end: place(e.end, true), organ: e.organ ? { start: place(e.organ.start, false), end: place(e.organ.end, true) } : null });
    }
  }
  return { lines: n, events };
}
