/**
 * Sentence and clause splitting for Chinese: a sentence ends at 。！？ (with
 * any closing quotes or brackets after it), a clause at ； — but never inside
 * “…”, 《…》, brackets or the 〔〕 of a document number, so a quoted sentence
 * or a responsibility note with its own 。 stays whole. Numbers (3.5%) hold
 * no Chinese stop, so they are never split.
 */
export interface Range {
  start: number;
  end: number;
}

const OPEN = '“‘《〈（(【[［〔「『';
const CLOSE = '”’》〉）)】]］〕」』';
const STOP = '。！？!?';
const QUOTE_CLOSE = '”’」』）)';
const CLAUSE_STOP = '；;';

/** The marks above as bit flags by UTF-16 unit: one lookup per character instead of string searches. */
const IS_OPEN = 1;
const IS_CLOSE = 2;
const IS_STOP = 4;
const IS_QUOTE_CLOSE = 8;
const IS_CLAUSE_STOP = 16;
const MARKS = new Uint8Array(0x10000);
for (const [chars, flag] of [[OPEN, IS_OPEN], [CLOSE, IS_CLOSE], [STOP, IS_STOP], [QUOTE_CLOSE, IS_QUOTE_CLOSE], [CLAUSE_STOP, IS_CLAUSE_STOP]] as const) {
  for (const ch of chars) MARKS[ch.charCodeAt(0)]! |= flag;
}
const marks = (text: string, i: number): number => (i < text.length ? MARKS[text.charCodeAt(i)]! : 0);

/**
 * Walk a span with the nesting depth of brackets and quotes: `visit` sees
 * each marked character outside brackets (depth 0, the closing mark included)
 * and returns where a piece ends after it, or -1. Shared by sentences and
 * clauses, which end pieces only at marks.
 */
function splitAtDepthZero(text: string, start: number, end: number, visit: (i: number, closing: boolean, from: number) => number): Range[] {
  const out: Range[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const m = marks(text, i);
    // an unmarked character changes no depth and ends no piece (both visitors say -1 for it): most characters
    if (m === 0) continue;
    let closing = false;
    if (m & IS_OPEN) {
      depth++;
      continue;
    }
    if (m & IS_CLOSE) {
      depth = Math.max(0, depth - 1);
      closing = true;
    }
    if (depth > 0) continue;
    const cut = visit(i, closing, from);
    if (cut > from && cut <= end) {
      out.push({ start: from, end: cut });
      from = cut;
      i = cut - 1;
    }
  }
  if (from < end) out.push({ start: from, end });
  return out;
}

export function splitSentences(text: string, start: number, end: number): Range[] {
  return splitAtDepthZero(text, start, end, (i, closing, from) => {
    if (closing) {
      // a closing quote right after a stop ends the sentence with it (“…。”), a closing title mark does not (《…。》)
      return marks(text, i) & IS_QUOTE_CLOSE && i > from && marks(text, i - 1) & IS_STOP && !(marks(text, i + 1) & IS_STOP) ? i + 1 : -1;
    }
    if (!(marks(text, i) & IS_STOP)) return -1;
    let j = i + 1;
    while (j < end && marks(text, j) & IS_STOP) j++;
    return j;
  });
}

/**
 * The clauses of a sentence: split after each ； outside brackets and quotes
 * (近期重点培育…；中远期重点培育…). A sentence without one is one clause.
 */
export function splitClauses(text: string, start: number, end: number): Range[] {
  // most sentences hold no ； at all: one clause, without the walk
  let stop = false;
  for (let i = start; i < end && !stop; i++) stop = (MARKS[text.charCodeAt(i)]! & IS_CLAUSE_STOP) !== 0;
  if (!stop) return start < end ? [{ start, end }] : [];
  return splitAtDepthZero(text, start, end, (i, closing) => (!closing && marks(text, i) & IS_CLAUSE_STOP && i + 1 < end ? i + 1 : -1));
}
