/**
 * Dates of the Republic of China calendar, as Taiwan's documents and laws
 * write them: 中華民國113年5月10日, 中華民國九十四年六月二十九日,
 * 民國 103 年 03 月 05 日. The ROC year 1 is 1912, so year + 1911 is the
 * Gregorian year. Either script (中华民国 after conversion).
 */
import { chineseNumber } from './cjk.js';

const NUM = '[\\d一二三四五六七八九十百零〇○]+';

/** An ROC date anywhere in a text. Groups: 1 = year, 2 = month, 3 = day. */
export const ROC_DATE_SOURCE = `(?:中華民國|中华民国|民國|民国)\\s*(${NUM})\\s*年\\s*(${NUM})\\s*月\\s*(${NUM})\\s*日`;

const ROC_DATE = new RegExp(ROC_DATE_SOURCE);

/** A line that is only an ROC date, perhaps with a short note in brackets after it: 中華民國95年2月22日（補登）. */
const ROC_DATE_LINE = new RegExp(`^${ROC_DATE_SOURCE}(?:\\s*[（(][^（）()]{1,8}[）)])?$`);

/** YYYY-MM-DD for an ROC year, month and day as written (Arabic or Chinese numerals); null when one is not a valid number. */
export function rocIso(year: string, month: string, day: string): string | null {
  const y = chineseNumber(year.replace(/○/g, '〇'));
  const m = chineseNumber(month.replace(/○/g, '〇'));
  const d = chineseNumber(day.replace(/○/g, '〇'));
  if (y === null || m === null || d === null || y < 1 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y + 1911}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export interface RocDate {
  iso: string;
  /** Where the date is in the text searched (UTF-16 units). */
  start: number;
  end: number;
}

/** The first ROC date in a text, or null. */
export function findRocDate(text: string): RocDate | null {
  const m = ROC_DATE.exec(text);
  if (!m) return null;
  const iso = rocIso(m[1]!, m[2]!, m[3]!);
  return iso ? { iso, start: m.index, end: m.index + m[0].length } : null;
}

/** The date of a line that is only an ROC date (the 發文日期 of a 函), else null. */
export function parseRocDateLine(line: string): string | null {
  const m = ROC_DATE_LINE.exec(line.trim());
  return m ? rocIso(m[1]!, m[2]!, m[3]!) : null;
}
