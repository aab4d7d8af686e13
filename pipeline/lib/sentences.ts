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

export function splitSentences(text: string, start: number, end: number): Range[] {
  const out: Range[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) {
      if (depth > 0) depth--;
      // a closing quote right after a stop ends the sentence with it (“…。”), a closing title mark does not (《…。》)
      if (depth === 0 && QUOTE_CLOSE.includes(ch) && i > from && STOP.includes(text[i - 1]!) && !STOP.includes(text[i + 1] ?? '')) {
        out.push({ start: from, end: i + 1 });
        from = i + 1;
      }
    } else if (STOP.includes(ch) && depth === 0) {
      let j = i + 1;
      while (j < end && STOP.includes(text[j]!)) j++;
      out.push({ start: from, end: j });
      from = j;
      i = j - 1;
    }
  }
  if (from < end) out.push({ start: from, end });
  return out;
}

const CLAUSE_STOP = '；;';

/**
 * The clauses of a sentence: split after each ； outside brackets and quotes
 * (近期重点培育…；中远期重点培育…). A sentence without one is one clause.
 */
export function splitClauses(text: string, start: number, end: number): Range[] {
  const out: Range[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    else if (CLAUSE_STOP.includes(ch) && depth === 0 && i + 1 < end) {
      out.push({ start: from, end: i + 1 });
      from = i + 1;
    }
  }
  if (from < end) out.push({ start: from, end });
  return out;
}
