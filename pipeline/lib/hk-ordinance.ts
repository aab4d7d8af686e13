/**
 * Hong Kong ordinances and subsidiary legislation in Chinese, as the Laws of
 * Hong Kong (e-Legislation) print them, in zh-Hans lines:
 *
 *   第57章 / 雇佣条例                  ← the chapter (Cap.) number and the title (or on one line)
 *   第1部 导言  /  第IXA部              ← Part (部), Roman or Arabic numerals, a letter for an inserted one
 *   第1分部 一般规定                    ← Division (分部)
 *   第2条 释义                          ← section (条) with its name; 第43L条 an inserted one
 *   （1）在本条例中，除文意另有所指外─   ← subsection
 *   “雇员”(employee) 指…；              ← a definition of the interpretation section (释义)
 *   （a）…；（ca）…                      ← paragraph
 *   （i）…                               ← subparagraph
 *   附表1 / 第一附表                     ← Schedule (附表)
 *
 * A section's line holds its name, never its text; the hierarchy inside a
 * section (subsection, paragraph, subparagraph) is where each of its lines
 * stands (`hkPositions`), as 款/项 are for the mainland and 項/款/目 for Taiwan.
 */
import { chineseNumber } from './cjk.js';
import type { HeadingMatch } from './gbt9704.js';

/** The chapter (Cap.) number above or before an ordinance's title: 第57章, 第57A章 雇佣(…)规例, 章: 57 雇佣条例 (BLIS). Groups: 1 or 2 = number, 3 = the title after it. */
export const HK_CAP = /^(?:第\s*(\d+[A-Z]{0,2})\s*章|章\s*[：:]\s*(\d+[A-Z]{0,2}))\s*([\p{Script=Han}《].{0,60})?$/u;

/** The reference of a Legislative Council paper above its title: A 13/14-24 (an agenda), CB(3) 566/13-14, LC Paper No. CB(1) 123/13-14. */
export const HK_PAPER_REFERENCE = /^(?:LC Paper No\.\s*|立法会\S{0,3}文件\s*|立法会\s*(?=[A-Z]{1,4}\(\d{1,2}\)\s?\d{1,4}\/\d{2}-\d{2}(?:\(\d{2}\))?号文件$))?[A-Z]{1,4}(?:\(\d{1,2}\))?\s?\d{1,4}\/\d{2}-\d{2}(?:-\d{1,3}|\(\d{2}\))?(?:号文件)?$/u;
/** The committee or panel a LegCo paper is for, on its own line under the reference: 立法会福利事务委员会, 立法会财务委员会人事编制小组委员会. */
export const HK_PAPER_COMMITTEE = /^立法会\p{Script=Han}{2,24}(?:委员会|小组)$/u;
/**
 * A part of a LegCo paper: a short line of its own with no mark (目的, 背景, 建议, 征询意见, 政府的回应) whose next line
 * is a paragraph the paper numbers 1., 2. … (its paragraphs run on across the parts).
 */
export function isHkPaperPart(line: string, next: string | undefined): boolean {
  return /^\p{Script=Han}{2,12}$/u.test(line.trim()) && next !== undefined && /^\d{1,3}[.．]\s*\S/u.test(next.trim());
}

/** A section's name: short, no sentence or clause in it. */
const NAME = /^[^。，；：:,;]{1,40}$/u;
const SECTION = /^(?:第\s*\d+[A-Z]{0,2}\s*章\s*)?第\s*(\d+)([A-Z]{0,2})\s*条(?:\s+|(?=\p{Script=Han}))/u;
const PART = /^第\s*([IVXLC]+|\d+)([A-Z]{0,2})\s*部(?!分|门|长|署|委)\s*/u;
const DIVISION = /^第\s*(\d+)([A-Z]{0,2})\s*分部\s*/u;
const SCHEDULE = /^(?:附表\s*(\d+[A-Z]{0,2})?|第([一二三四五六七八九十]+)附表)(?=\s|$)\s*/u;

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** I, IV, IXA's IX → 1, 4, 9; null for what is no Roman numeral. */
export function romanNumber(s: string): number | null {
  if (!/^[IVXLC]+$/.test(s)) return null;
  let total = 0;
  for (let k = 0; k < s.length; k++) {
    const v = ROMAN[s[k]!]!;
    const next = ROMAN[s[k + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 ? total : null;
}

/**
 * A heading of an ordinance: 部, 分部, 条 (a section, whose name follows on
 * its line), 附表. The name may be on the next line for 部, 分部 and 附表
 * (第1部 / 导言); a section's line is its number and name only, so a line that
 * starts with 第2条 and goes on as a sentence cites the section.
 */
export function matchHkHeading(line: string, ordinance = false): HeadingMatch | null {
  const text = line.trimEnd();
  if (ordinance) {
    const other = ordinanceHeading(text);
    if (other) return other;
  }
  const section = SECTION.exec(text);
  if (section) {
    const rest = text.slice(section[0].length);
    if (rest !== '' && !NAME.test(rest)) return null;
    return { level: '条', marker: `第${section[1]}${section[2]}条`, number: Number(section[1]), ...(section[2] ? { suffix: section[2] } : {}), length: section[0].length };
  }
  for (const [level, pattern] of [['部', PART], ['分部', DIVISION]] as const) {
    const m = pattern.exec(text);
    if (!m) continue;
    const rest = text.slice(m[0].length);
    if (rest !== '' && !NAME.test(rest)) return null;
    const number = /^\d+$/.test(m[1]!) ? Number(m[1]) : romanNumber(m[1]!);
    if (number === null) return null;
    return { level, marker: `第${m[1]}${m[2]}${level}`, number, ...(m[2] ? { suffix: m[2] } : {}), length: m[0].length };
  }
  const schedule = SCHEDULE.exec(text);
  if (schedule && text.length <= 60 && !/[。；]/u.test(text)) {
    const number = schedule[1] ? Number.parseInt(schedule[1], 10) : schedule[2] ? chineseNumber(schedule[2]) : 1;
    const suffix = schedule[1]?.replace(/^\d+/, '') ?? '';
    return { level: '附表', marker: schedule[0].trim(), number: number ?? 1, ...(suffix ? { suffix } : {}), length: schedule[0].length };
  }
  return null;
}

/** A section as the ordinance's own text numbers it: 1. 简称, 43L. 通知书的送达 — the number, a full stop, the name. */
const NUMBERED_SECTION = /^(\d{1,3})([A-Z]{0,2})\.\s*(?=\S)/u;
/** The bilingual laws database's (BLIS) labels: 条: 1 简称, 部: I 导言, 分部: 1 一般规定 (the colon full-width after cleaning). */
const LABELLED = /^(条|部|分部)\s*[：:]\s*([IVXLC]+|\d+)([A-Z]{0,2})\s*/u;

/**
 * The other ways an ordinance's own text writes its headings, read only in an
 * ordinance (its chapter number or its short title's 可引称为 found): a section
 * as `1. 简称` (a number, a full stop and a name: no sentence), and the BLIS
 * labels `条: 1 简称`, `部: I 导言`.
 */
function ordinanceHeading(text: string): HeadingMatch | null {
  const labelled = LABELLED.exec(text);
  if (labelled) {
    const rest = text.slice(labelled[0].length);
    const level = labelled[1] as '条' | '部' | '分部';
    const number = /^\d+$/.test(labelled[2]!) ? Number(labelled[2]) : level === '部' ? romanNumber(labelled[2]!) : null;
    if (number === null || (rest !== '' && !NAME.test(rest)) || (level === '条' && rest === '')) return null;
    return { level, marker: `第${labelled[2]}${labelled[3]}${level}`, number, ...(labelled[3] ? { suffix: labelled[3] } : {}), length: labelled[0].length };
  }
  const numbered = NUMBERED_SECTION.exec(text);
  if (numbered && NAME.test(text.slice(numbered[0].length))) {
    return { level: '条', marker: `第${numbered[1]}${numbered[2]}条`, number: Number(numbered[1]), ...(numbered[2] ? { suffix: numbered[2] } : {}), length: numbered[0].length };
  }
  return null;
}

export interface HkPosition {
  jurisdiction: 'hk';
  subsection: string | null;
  paragraph: string | null;
  subparagraph: string | null;
  defines: string | null;
}

const SUBSECTION = /^[（(](\d+[A-Z]{0,2})[）)]\s*/u;
const LETTERED = /^[（(]([a-z]{1,3})[）)]\s*/u;
const ROMAN_LOWER = /^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv)$/;
/** A definition: the term in quotes, perhaps its English name in brackets, then what it means (指, 包括, 就…而言). */
const DEFINITION = /^[“「‘"]([^”」’"]{1,40})[”」’"]/u;

/** The note e-Legislation prints under an amended provision: (由1984年第48号第2条修订), (由1997年第74号第3条增补). */
const AMENDMENT_NOTE = /^[（(]由[^（）()]{1,60}(?:修订|增补|代替|废除|修正)[。.]?[）)]$/u;

/** The letter after a paragraph's letter: a → b, h → i, z → za (an inserted paragraph keeps its base: ca → cb). */
function nextLetter(label: string): string {
  const last = label.charCodeAt(label.length - 1);
  return label.slice(0, -1) + String.fromCharCode(last + 1);
}

/**
 * Where each line of a section stands: its subsection ((1)), paragraph ((a))
 * and subparagraph ((i)), and the term a definition defines. (i), (v), (x)
 * are a paragraph when they follow (h), (u), (w) of the same list, else a
 * subparagraph of the paragraph above. A line without a marker after lettered
 * paragraphs (the words that close a subsection) belongs to the subsection;
 * a definition's lettered paragraphs keep its term; an amendment note
 * ((由1984年第48号第2条修订)) keeps the place of the line above it.
 */
export function hkPositions(lines: readonly string[]): HkPosition[] {
  let subsection: string | null = null;
  let paragraph: string | null = null;
  let subparagraph: string | null = null;
  let defines: string | null = null;
  return lines.map((raw) => {
    let line = raw.trimStart();
    // an editorial note on an amendment ((由1984年第48号第2条修订)) stands where the line above it stands
    if (AMENDMENT_NOTE.test(line)) return { jurisdiction: 'hk', subsection, paragraph, subparagraph, defines };
    const sub = SUBSECTION.exec(line);
    if (sub) {
      subsection = sub[1]!;
      paragraph = subparagraph = defines = null;
      line = line.slice(sub[0].length);
    }
    const lettered = LETTERED.exec(line);
    const definition = DEFINITION.exec(line);
    if (lettered) {
      const label = lettered[1]!;
      const continues = paragraph !== null && label === nextLetter(paragraph);
      if (ROMAN_LOWER.test(label) && paragraph !== null && !continues) subparagraph = label;
      else {
        paragraph = label;
        subparagraph = null;
      }
    } else if (definition) {
      defines = definition[1]!;
      paragraph = subparagraph = null;
    } else if (!sub) {
      paragraph = subparagraph = null;
      defines = null;
    }
    return { jurisdiction: 'hk', subsection, paragraph, subparagraph, defines };
  });
}
