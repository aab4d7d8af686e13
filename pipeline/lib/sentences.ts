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

/**
 * Walk a span with the nesting depth of brackets and quotes: `visit` sees
 * each character outside brackets (depth 0, the closing mark included) and
 * returns where a piece ends after it, or -1. Shared by sentences and clauses.
 */
function splitAtDepthZero(text: string, start: number, end: number, visit: (i: number, closing: boolean, from: number) => number): Range[] {
  const out: Range[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    let closing = false;
    if (OPEN.includes(ch)) {
      depth++;
      continue;
    }
    if (CLOSE.includes(ch)) {
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
    const ch = text[i]!;
    if (closing) {
      // a closing quote right after a stop ends the sentence with it (“…。”), a closing title mark does not (《…。》)
      return QUOTE_CLOSE.includes(ch) && i > from && STOP.includes(text[i - 1]!) && !STOP.includes(text[i + 1] ?? '') ? i + 1 : -1;
    }
    if (!STOP.includes(ch)) return -1;
    let j = i + 1;
    while (j < end && STOP.includes(text[j]!)) j++;
    return j;
  });
}

const CLAUSE_STOP = '；;';

/**
 * The clauses of a sentence: split after each ； outside brackets and quotes
 * (近期重点培育…；中远期重点培育…). A sentence without one is one clause.
 */
export function splitClauses(text: string, start: number, end: number): Range[] {
  return splitAtDepthZero(text, start, end, (i, closing) => (!closing && CLAUSE_STOP.includes(text[i]!) && i + 1 < end ? i + 1 : -1));
}
