/**
 * The heading tree of a body: 编/章/节/条 and 一、/（一）/1./（1） headings
 * ranked into sections with paths as ids (s2.1, c3.a12, att1.s1), paragraphs
 * with their sentences and clauses, run-in headings, lists that are not
 * sections, a table of contents kept out of the tree. `buildTree` takes the
 * body's lines and reports what it cannot place as diagnostics.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { matchHeading, type HeadingMatch, type Level } from '../gbt9704.js';
import { CELL_SEPARATOR, type Line } from '../lines.js';
import { findNotes } from '../notes/reader.js';
import { matchMeetingLabel, matchNoticeLabel, matchPartLabel } from '../tw-gongwen.js';
import { isHkPaperPart, matchHkHeading } from '../hk-ordinance.js';
import type { Jurisdiction } from '../articles.js';
import { splitClauses, splitSentences, type Range } from '../sentences.js';
import type { SegParagraph, SegSection } from './types.js';

/** Rank of a level in the tree: a heading closes every open section of the same or a lower rank. */
const RANK: Record<string, number> = { 段: 0, 编: 1, 附表: 1, 章: 2, 部: 2, 节: 3, 分部: 3, 条: 4, 0: 4.5, 1: 5, 2: 6, 3: 7, 4: 8 };

/** The heading of a table of contents: 目录, 目　　录. */
export const CONTENTS_HEADING = /^目\s*录$/;

export function buildTree(
  text: string,
  lines: Line[],
  diagnostics: Diagnostic[],
  idPrefix: string,
  markdown: ReadonlyMap<number, number>,
  /**
   * A Taiwan 函 or 公告: lines labelled 主旨：, 说明：, 办法：, 依据：, 公告事项： are its parts (段);
   * 'meeting': a meeting's decisions, whose parts are 院长提示：, 报告事项, 讨论事项.
   * 'notice': a 開會通知單, whose rows (開會事由：, 開會時間：, 備註： …) are its parts.
   * 'paper': a LegCo paper, whose parts are unmarked lines (目的, 背景, 建议) above its numbered paragraphs.
   */
  labelledParts: boolean | 'meeting' | 'paper' | 'notice' = false,
  /** How many of the first lines are preamble whatever they start with (a law's numbered history: 1.中华民国…). */
  preambleLines = 0,
  /** hk: an ordinance's 部/分部/条/附表 (lib/hk-ordinance.ts) instead of 编/章/节/条. */
  jurisdiction: Jurisdiction | null = null,
  /** A Hong Kong ordinance (its chapter number or short title found): sections may also be written 1. 简称, or with BLIS labels. */
  ordinance = false,
  /** Where the document says a bracket of agencies alone is a note (括号内为责任单位; lib/segment/notes.ts conventions). */
  bareLists = Infinity,
): { preamble: SegParagraph[]; sections: SegSection[] } {
  const hk = jurisdiction === 'hk';
  /** A heading of a Hong Kong text; a numbered section (1. 简称) only outside a Schedule, whose items are numbered so. */
  const hkHeading = (text: string): HeadingMatch | null => hkTextHeading(text, ordinance && !stack.some((s) => s.level === '附表'));
  /** A line taken as the name of the heading above it (第1部 / 导言). */
  let nameLine: Line | null = null;
  /** Markdown depth of each section that came from a Markdown heading. */
  const markdownDepth = new Map<SegSection, number>();
  const preamble: SegParagraph[] = [];
  const roots: SegSection[] = [];
  const stack: SegSection[] = [];
  const usedIds = new Set<string>();
  /** The next -n to try for an id already used (a document repeating 一、 a thousand times counted up from 2 each time). */
  const nextSuffix = new Map<string, number>();
  /** The last section of each level among a parent's children (copying and searching the list per heading was quadratic). */
  const lastChild = new Map<SegSection[], Map<Level, SegSection>>();
  /** The 款 of an article so far (counted per paragraph, it was quadratic in a long article). */
  /** The last number seen at each level, anywhere: numbering that runs on across parents is not a skip. */
  const lastAtLevel = new Map<Level, number>();
  /** Each line's heading marker, matched once (the contents, the lists, the ladder and the tree all ask). */
  const matched = new Map<Line, HeadingMatch | null>();
  const headingOf = (line: Line): HeadingMatch | null => {
    let h = matched.get(line);
    if (h === undefined) matched.set(line, (h = matchHeading(line.text)));
    return h;
  };
  const toc = tableOfContents(lines, headingOf);
  const lists = listItems(lines, (line) => (toc.has(line) || line.text.includes(CELL_SEPARATOR) || markdown.has(line.start) ? null : headingOf(line)));
  if (toc.size > 0) {
    const first = lines.find((l) => toc.has(l))!;
    const last = [...toc].at(-1)!;
    diagnostics.push(diagnostic('segment:table-of-contents', `Read ${toc.size} consecutive chapter headings without text as a table of contents, not as sections`, { space: 'hans', start: first.start, end: last.end }));
  }

  // the highest level of the 一、/（一）/1. ladder the document uses: a FAQ numbered 1. 2. 3. throughout has no orphans;
  // a Hong Kong paper numbers its questions 1., 2. and their parts （一）, （二）: where its first 1. comes before its
  // first （一）, 1. ranks above （一） (the mainland ladder, GB/T 9704, has them the other way)
  let highest = Infinity;
  /** The line of the first （一） (level 2) and of the first 1. (level 3). */
  let firstBracketed = -1;
  let firstArabic = -1;
  for (const [index, line] of lines.entries()) {
    if (index < preambleLines || toc.has(line) || lists.has(line) || line.text.includes(CELL_SEPARATOR)) continue;
    const h = headingOf(line);
    if (!h || typeof h.level !== 'number') continue;
    highest = Math.min(highest, h.level);
    if (h.level === 2 && firstBracketed < 0) firstBracketed = index;
    if (h.level === 3 && firstArabic < 0) firstArabic = index;
  }
  const swapped = hk && firstArabic >= 0 && firstBracketed > firstArabic;
  const rankOf = (level: Level): number => (swapped && level === 2 ? RANK[3]! : swapped && level === 3 ? RANK[2]! : RANK[level]!);
  if (swapped && highest === 2) highest = 3;

  for (const [index, line] of lines.entries()) {
    if (index < preambleLines) {
      preamble.push(paragraph(text, `${idPrefix}p${preamble.length + 1}`, line));
      continue;
    }
    if (line === nameLine) continue;
    const top = stack[stack.length - 1];
    // a row of a data table (序号 | 任务 | 责任单位) is a paragraph, even when it starts with its number
    const label =
      labelledParts === 'meeting' ? matchMeetingLabel(line.text, stack[0]?.level === '段' && stack[0].marker.endsWith('事项'))
      : labelledParts === 'paper' ? (isHkPaperPart(line.text, lines[index + 1]?.text) ? { level: '段' as const, marker: line.text.trim(), number: 0, length: line.text.length } : null)
      : labelledParts === 'notice' ? matchNoticeLabel(line.text)
      : labelledParts ? matchPartLabel(line.text)
      : null;
    if (label) label.number = roots.filter((s) => s.level === '段').length + 1;
    const heading = toc.has(line) || line.text.includes(CELL_SEPARATOR) ? null : (label ?? (hk ? hkHeading(line.text) : headingOf(line)));
    const md = markdown.get(line.start);
    // inside an article, （一） items are 项 of the article, not sections
    const isItem = heading && typeof heading.level === 'number' && stack.some((s) => s.level === '条');
    // 1. 2. 3. after a line ending in ：, each ending in ；: a list in the paragraph, not sections
    const listItem = heading !== null && lists.has(line);
    if (md !== undefined && !heading && !toc.has(line)) {
      diagnostics.push(
        diagnostic('segment:unplaced-heading', `Unexpected Markdown heading “${line.text.slice(0, 30)}” without a 一、/（一）/1./第X章 marker: kept as a paragraph`, { space: 'hans', start: line.start, end: line.end }),
      );
    }
    if (heading && !isItem && !listItem) {
      const rank = rankOf(heading.level);
      while (stack.length > 0 && rankOf(stack[stack.length - 1]!.level) >= rank) stack.pop();
      const parent = stack[stack.length - 1];
      const siblings = parent ? parent.children : roots;
      let lastOf = lastChild.get(siblings);
      if (!lastOf) lastChild.set(siblings, (lastOf = new Map()));
      const previous = lastOf.get(heading.level);
      const expected = previous ? previous.number + 1 : 1;
      // numbering may also run on across parents (gov.cn: 一、（一）…（五） 二、（六）…)
      const runsOn = !previous && lastAtLevel.has(heading.level) && heading.number === lastAtLevel.get(heading.level)! + 1;
      lastAtLevel.set(heading.level, heading.number);
      if (heading.number !== expected && !runsOn && heading.level !== '条' && heading.level !== '段' && !heading.suffix) {
        diagnostics.push(
          diagnostic('segment:heading-sequence', `Unexpected heading ${heading.marker}, expected number ${expected} at this level`, { space: 'hans', start: line.start, end: line.start + heading.length }),
        );
      }
      if (typeof heading.level === 'number' && heading.level > 1 && rankOf(heading.level) > rankOf(highest as Level) && !parent) {
        diagnostics.push(diagnostic('segment:orphan-heading', `Unexpected heading ${heading.marker} outside any higher-level section`, { space: 'hans', start: line.start, end: line.start + heading.length }));
      }
      let id = sectionId(heading.level, heading.number, stack, heading.sub, heading.suffix);
      if (!id.startsWith(idPrefix)) id = idPrefix + id;
      if (usedIds.has(id)) {
        let n = nextSuffix.get(id) ?? 2;
        while (usedIds.has(`${id}-${n}`)) n++;
        nextSuffix.set(id, n + 1);
        id = `${id}-${n}`;
      }
      usedIds.add(id);
      const rest = line.text.slice(heading.length);
      const headStart = line.start + heading.length;
      const stop = rest.search(/[。！？]/);
      const runIn = stop >= 0 && stop < rest.length - 1;
      let headingRange: Range | null;
      // a Hong Kong section's line is its number and name (第2条 释义); a Part's name may stand on the next line (第1部 / 导言)
      const named = hk && (heading.level === '条' || heading.level === '部' || heading.level === '分部' || heading.level === '附表');
      const next = lines[index + 1];
      if (named && rest.trim() === '' && heading.level !== '条' && next && next.text.length <= 30 && /^[^。，；：:]+$/u.test(next.text) && !hkHeading(next.text)) nameLine = next;
      // an article and a labelled part (主旨：…) have no heading: their line is their text
      if (named) headingRange = nameLine === next && next ? { start: next.start, end: next.end } : rest.trim() === '' ? null : { start: headStart + (rest.length - rest.trimStart().length), end: line.end };
      else if (heading.level === '条' || heading.level === '段') headingRange = null;
      else if (stop < 0) headingRange = { start: headStart, end: line.end };
      else headingRange = { start: headStart, end: headStart + stop };
      const section: SegSection = {
        id,
        level: heading.level,
        depth: stack.length + 1,
        marker: heading.marker,
        number: heading.number,
        ...(heading.sub ? { sub: heading.sub } : {}),
        heading: headingRange,
        start: line.start,
        end: line.end,
        paragraphs: [],
        children: [],
      };
      siblings.push(section);
      lastOf.set(heading.level, section);
      stack.push(section);
      if (md !== undefined) {
        markdownDepth.set(section, md);
        const parentDepth = parent ? markdownDepth.get(parent) : undefined;
        if (parentDepth !== undefined && md <= parentDepth) {
          diagnostics.push(
            diagnostic('segment:markdown-level', `Markdown level ${'#'.repeat(md)} of ${heading.marker} disagrees with its markers (it is inside ${parent!.marker}); the marker decides`, { space: 'hans', start: line.start, end: line.end }),
          );
        }
      }
      // a run-in heading's line (or an article's text) is also the section's first paragraph
      if (!named && headingIsParagraph(heading.level, rest, runIn, line.start > bareLists)) section.paragraphs.push(paragraph(text, `${id}.p1`, line));
      extend(stack, nameLine === next && next ? next.end : line.end);
      continue;
    }
    if (top) {
      // an article's paragraphs get their place in the article (款/项, or 項/款/目) from lib/articles.ts once the tree is built
      top.paragraphs.push(paragraph(text, `${top.id}.p${top.paragraphs.length + 1}`, line));
      extend(stack, line.end);
    } else {
      preamble.push(paragraph(text, `${idPrefix}p${preamble.length + 1}`, line));
    }
  }
  return { preamble, sections: roots };
}

/** Runs of three or more 编/章/节 heading lines with nothing between them, or of two or more headings of any level under a 目录 line, and that line: a table of contents. */
function tableOfContents(lines: Line[], headingOf: (line: Line) => HeadingMatch | null): Set<Line> {
  const toc = new Set<Line>();
  let run: Line[] = [];
  const runTexts = new Set<string>();
  // a 目录 line seen, and the one above the current run
  let pending: Line | null = null;
  let runHeading: Line | null = null;
  const flush = () => {
    // three chapter headings in a row, or two headings of any kind under 目录
    if (run.length >= 3 || (run.length >= 2 && runHeading !== null)) {
      for (const l of run) toc.add(l);
      if (runHeading) toc.add(runHeading);
    }
    run = [];
    runTexts.clear();
    runHeading = null;
  };
  for (const line of lines) {
    if (CONTENTS_HEADING.test(line.text)) {
      flush();
      pending = line;
      continue;
    }
    const h = headingOf(line);
    // under a 目录 line, the contents may list any level of heading (一、…, （一）…), however long
    const listed = runHeading !== null || (run.length === 0 && pending !== null);
    const chapter = h !== null && (h.level === '编' || h.level === '章' || h.level === '节') && line.text.length <= 30;
    if (h && (chapter || (listed && line.text.length <= 80)) && !line.text.includes('。')) {
      // the contents end where the first heading comes round again
      if (runTexts.has(line.text)) flush();
      if (run.length === 0) runHeading = pending;
      pending = null;
      run.push(line);
      runTexts.add(line.text);
    } else {
      flush();
      pending = null;
    }
  }
  flush();
  return toc;
}

/**
 * The lines that are items of a list inside a paragraph, not sections: 1. 2. 3.
 * after a line ending in ：, each one clause; every item but the last ends in ；
 * (items that end in 。 and go on numbering are sections: 1.…。 2.…。 3.…。).
 */
function listItems(lines: Line[], headingOf: (line: Line) => HeadingMatch | null): Set<Line> {
  const items = new Set<Line>();
  let run: Line[] = [];
  let next = 0;
  let previous = '';
  const flush = () => {
    if (run.slice(0, -1).every((l) => /[；;]$/.test(l.text))) for (const l of run) items.add(l);
    run = [];
  };
  for (const line of lines) {
    const heading = headingOf(line);
    const item = heading !== null && isListItem(heading, line.text, previous, next);
    if (!item || heading.number === 1) flush();
    if (item) run.push(line);
    next = item ? heading.number + 1 : 0;
    previous = line.text;
  }
  flush();
  return items;
}

/** A numbered line that continues or starts a list: after a line ending in ：, or after the previous item; each item ends in ；（the last in 。). */
function isListItem(heading: HeadingMatch, line: string, previous: string, expected: number): boolean {
  if (heading.level !== 3 && heading.level !== 4) return false;
  const starts = expected === 0 ? heading.number === 1 && /[：:]$/.test(previous) : heading.number === expected;
  if (!starts) return false;
  const body = line.slice(heading.length);
  // an item is one clause: no 。 before its end
  return /[；;。]$/.test(body) && !body.slice(0, -1).includes('。');
}

/**
 * Whether a heading's line is also the section's first paragraph: a run-in
 * heading (text after its first 。), an article's line with its text (not
 * the number alone, 第 1 條, whose text follows on the next lines), a long
 * heading that is a whole sentence, or one that carries a responsibility
 * note (（一）加强监管（海关总署负责）。).
 */
function headingIsParagraph(level: Level, rest: string, runIn: boolean, bareLists: boolean): boolean {
  if (runIn) return true;
  if (level === '条' || level === '段') return rest.trim() !== '';
  const stop = rest.search(/[。！？]/);
  if (stop >= 0 && stop === rest.length - 1 && level !== 1 && rest.length > 30) return true;
  return findNotes(rest, { bareLists }).length > 0;
}

function extend(stack: SegSection[], end: number): void {
  for (const s of stack) s.end = Math.max(s.end, end);
}

/**
 * A heading of a Hong Kong ordinance (部, 分部, 条, 附表), else any other (一、, （1）, 第一章), but never an
 * Arabic-numbered 章 or 条 (第57章 is an ordinance's chapter number; a section's line holds its name).
 */
function hkTextHeading(line: string, ordinance: boolean): HeadingMatch | null {
  const h = matchHkHeading(line, ordinance);
  if (h) return h;
  const other = matchHeading(line);
  return other && !((other.level === '章' || other.level === '条') && /\d/.test(other.marker)) ? other : null;
}

function sectionId(level: Level, number: number, stack: readonly SegSection[], sub?: number, suffix = ''): string {
  // an inserted article (第十四条之一, 第 14-1 條) is a14-1; a Hong Kong section 第43L条 a43L
  if (level === '条') return `a${number}${sub ? `-${sub}` : ''}${suffix}`;
  if (level === '附表') return `sch${number}${suffix}`;
  if (level === '部') return `pt${number}${suffix}`;
  if (level === '分部') return `${prefix(stack, ['部'])}dv${number}${suffix}`;
  if (level === '编') return `b${number}`;
  if (level === '段') return `d${number}`;
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
  const sentences = splitSentences(text, line.start, line.end).map((r, k) => {
    const clauses = splitClauses(text, r.start, r.end);
    return { start: r.start, end: r.end, id: `${id}.s${k + 1}`, clauses: clauses.length > 1 ? clauses : [] };
  });
  return { id, start: line.start, end: line.end, sentences };
}
