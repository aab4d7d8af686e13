/**
 * Time horizons (未来3到5年, 近期, 中远期, 到2025年, 2024—2026年, “十四五”时期) and
 * quantitative targets: in a sentence that sets a year (到2025年，…), every
 * quantity with its unit (达到100亿元, 建设50所…, 85%以上) is a target with
 * its year, value and unit. Both are found with exact spans.
 */
import type { Range } from '../sentences.js';
import type { Candidate } from './types.js';

const HORIZON = /未来\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*(?:(?:到|至|～|~|-|—)\s*(\d{1,2}|[一二三四五六七八九十]{1,2}))?\s*年|中远期|中长期|近中期|近期|短期|远期|(?:到|至)\s*(20\d{2})\s*年(?:底|末)?|(20\d{2})\s*年(?:前|以前)|“十[一二三四五六]五”(?:时期|期间|末)|(?<!\d)20\d{2}\s*(?:年\s*)?[—–－~～-]{1,2}\s*20\d{2}\s*年/gu;
const YEAR_SENTENCE = /(?:到|至)\s*(20\d{2})\s*年/u;
/**
 * A number and its unit; a count may be in 万 or 亿 (3万个, 1.2万家): the multiplier stays in the unit, as in 万吨.
 * It starts only where a digit run starts: tried from every digit of a long run without a unit it was quadratic
 * (63 s for 到2025年 and 100 k digits); a match inside a run is never one a match from its start misses.
 */
const QUANTITY = /(?<!\d)(\d+(?:\.\d+)?)\s*((?:万亿|千亿|百亿|亿|万)?(?:元|美元|吨|千瓦|人次|人|家|个|项|所|座|条|部|套|台|户|亩|公顷|平方米|平方公里|公里)|倍|%|％)(以上|左右|以内|以下)?/gu;

export function findTimeHorizons(text: string): Candidate[] {
  const byName = new Map<string, Range[]>();
  HORIZON.lastIndex = 0;
  for (let m = HORIZON.exec(text); m; m = HORIZON.exec(text)) {
    const name = m[0].replace(/\s+/g, '');
    const spans = byName.get(name) ?? [];
    spans.push({ start: m.index, end: m.index + m[0].length });
    byName.set(name, spans);
  }
  return [...byName].map(([name, spans]) => {
    // the year a horizon reaches: 到2025年 → 2025, 2024—2026年 → 2026
    const year = /(20\d{2})(?!.*20\d{2})/u.exec(name);
    return { type: 'timeHorizon' as const, surface: name, key: name, spans, ...(year ? { year: Number(year[1]) } : {}) };
  });
}

/** Where a clause ends after a quantity: the thing counted runs to the next mark (or the sentence's end). */
const CLAUSE_END = /[，。；、：和及]/g;
/** Where a clause starts before a quantity: after the last of these marks. */
const CLAUSE_MARKS = new Set(['，', '；', '：']);

/** Targets, sentence by sentence: `sentences` are the document's sentence ranges. */
export function findTargets(text: string, sentences: readonly Range[]): Candidate[] {
  const out: Candidate[] = [];
  for (const s of sentences) {
    const sentence = text.slice(s.start, s.end);
    const year = YEAR_SENTENCE.exec(sentence);
    if (!year) continue;
    QUANTITY.lastIndex = 0;
    let previousEnd = 0;
    // the clause marks are read once, left to right, as the quantities are found (a search back and a slice
    // forward per quantity were quadratic in a long sentence of many quantities)
    let scanned = 0;
    let clauseStart = 0;
    let clauseEnd = -1;
    for (let m = QUANTITY.exec(sentence); m; m = QUANTITY.exec(sentence)) {
      // the target: from the clause's start (or the previous target's end) to the quantity, and on
      // to the thing counted when the quantity leads it (建设50所高水平高等职业学校和150个骨干专业)
      for (; scanned < m.index; scanned++) if (CLAUSE_MARKS.has(sentence[scanned]!)) clauseStart = scanned + 1;
      const from = Math.max(previousEnd, clauseStart);
      const quantityEnd = m.index + m[0].length;
      if (clauseEnd < quantityEnd) {
        CLAUSE_END.lastIndex = quantityEnd;
        clauseEnd = CLAUSE_END.exec(sentence)?.index ?? sentence.length;
      }
      const to = clauseEnd;
      previousEnd = to + 1;
      // the previous target ran on past this quantity to the same mark: nothing is left for this one
      if (to <= from) continue;
      const clause = sentence.slice(from, to);
      const unit = m[2] === '％' ? '%' : m[2]!;
      out.push({
        type: 'target',
        surface: clause,
        key: `${year[1]}:${clause}`,
        spans: [{ start: s.start + from, end: s.start + to }],
        year: Number(year[1]),
        quantity: { value: Number(m[1]), unit },
      });
    }
  }
  return out;
}
