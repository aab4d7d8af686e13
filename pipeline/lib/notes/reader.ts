/**
 * Where notes stand in a paragraph, read with the grammar (`grammar.ts`):
 *   - every outermost bracket （…） (…) […] ［…］ 【…】 whose inside parses as a note
 *     (nested brackets belong to names: 各区（市）县政府, A（牵头）);
 *   - a square-bracketed note whose opening was lost to corrupted bytes (…任单位：A，B]): damaged;
 *   - the trailing text of a paragraph, outside brackets, that opens with a role label after the
 *     end of a sentence (…落实。责任单位：A（牵头）、B) or is a last sentence of role-marked
 *     names only (…落实。市发改委牵头，市财政局配合。), or the clauses of such names that end a
 *     sentence after its prose when one of them leads (加快建设，市发改委牵头，市财政局配合。).
 * A 责任单位 list split by ， is one list unless the document's convention says the group before the
 * comma leads (FindOptions.groupsLeadFirst): the brackets never decide.
 * One pass over the text for the brackets, one for the trailing labels, each clause of a last
 * sentence (at most MAX_NOTE characters) parsed once: linear.
 */
import { matchHeading } from '../gbt9704.js';
import { deadlinePart, FIRST_LISTED_LEADS, LABEL, MAX_NOTE, parseNote, type NameRef, type NoteContext, type ParsedNote } from './grammar.js';
import type { Deadline } from './deadline.js';

export { FIRST_LISTED_LEADS };

export interface NoteMatch {
  start: number;
  end: number;
  lead: NameRef[];
  support: NameRef[];
  damaged: boolean;
  /** A list of responsible agencies (…负责): all in `lead` until a convention says the first leads. */
  joint: boolean;
  /** The note states the convention that the first listed leads. */
  firstListed: boolean;
  deadline: Deadline | null;
  /**
   * A task table row's task: its task cells (a cell merged from above: that cell, before the row),
   * offsets as the note's. Absent for other notes: their task is the text they close (lib/segment/notes.ts).
   */
  task?: { start: number; end: number }[] | null;
}

const OPEN: Record<string, string> = { '（': '）', '(': ')', '[': ']', '［': '］', '【': '】' };
const CLOSE = new Set(Object.values(OPEN));
const SQUARE_CLOSE = new Set([']', '］', '】']);
/** Brackets open at once that the scan keeps: deeper nesting is no note. */
const MAX_DEPTH = 64;
/**
 * What a character is to the scans, by its code: 1 an opening bracket, 2 a
 * closing one, 3 a colon, 4 a newline, 5 the end of a sentence (。！!), 0
 * anything else (a switch: the scans visit every character of the text).
 */
function kind(code: number): number {
  switch (code) {
    case 0xff08: case 0x28: case 0x5b: case 0xff3b: case 0x3010:
      return 1;
    case 0xff09: case 0x29: case 0x5d: case 0xff3d: case 0x3011:
      return 2;
    case 0xff1a: case 0x3a:
      return 3;
    case 0x0a:
      return 4;
    case 0x3002: case 0xff01: case 0x21:
      return 5;
    default:
      return 0;
  }
}

export interface FindOptions {
  /** The document's year, for deadlines that do not name theirs. */
  year?: number | null;
  /**
   * The document says the group of a 责任单位 list before its first ， leads (逗号前为牵头单位, or its
   * labels join two roles: 责任单位及承办科室：A，B): [责任单位：A、B，C] gives A and B the lead, C the support,
   * whatever the brackets. Otherwise a list split by ， is one list of responsible agencies.
   */
  groupsLeadFirst?: boolean;
  /** The document says names marked with a star lead (带*的为牵头单位). */
  starLeads?: boolean;
  /** The document says a bracket of agencies alone names the responsible ones (括号内为责任单位). */
  bareLists?: boolean;
}

export function findNotes(text: string, options: FindOptions = {}): NoteMatch[] {
  const year = options.year ?? null;
  const context = { year, groupsLeadFirst: options.groupsLeadFirst ?? false, starLeads: options.starLeads ?? false, bareLists: options.bareLists ?? false };
  // the contexts of a bracket's and a damaged label's note, made when one is parsed (most paragraphs have none)
  let inBracket: (NoteContext & { bracketed: true }) | undefined;
  let fromColon: (NoteContext & { role: 'responsible' }) | undefined;
  const notes: NoteMatch[] = [];
  const push = (start: number, end: number, parsed: ParsedNote, damaged = false) =>
    notes.push({ start, end, lead: parsed.lead, support: parsed.support, joint: parsed.joint, firstListed: parsed.firstListed, deadline: parsed.deadline, damaged });

  // outermost brackets, matched by type; a newline closes everything
  const stack: { open: number; close: string }[] = [];
  /** A 单位： outside brackets since the last note: where its label starts and its colon. */
  let damaged: { from: number; colon: number } | null = null;
  for (let i = 0; i < text.length; i++) {
    const k0 = kind(text.charCodeAt(i));
    if (k0 === 0 || k0 === 5) continue;
    const ch = text[i]!;
    if (ch === '\n') {
      stack.length = 0;
      damaged = null;
      continue;
    }
    const close = OPEN[ch];
    if (close) {
      // brackets left open pile up in hostile text ([责任单位：[责任单位：…): the oldest half is dropped, memory stays bounded
      if (stack.length === MAX_DEPTH) stack.splice(0, MAX_DEPTH / 2);
      stack.push({ open: i, close });
      continue;
    }
    if ((ch === '：' || ch === ':') && stack.length === 0 && text[i - 1] === '位' && text[i - 2] === '单') {
      let from = i - 2;
      if (text[from - 1] === '任') from--;
      if (text[from - 1] === '责') from--;
      damaged = { from, colon: i };
      continue;
    }
    if (!CLOSE.has(ch)) continue;
    if (stack.length === 0) {
      // a stray closing square bracket after 单位：: the note lost its opening to corrupted bytes
      if (damaged && SQUARE_CLOSE.has(ch) && i - damaged.colon <= MAX_NOTE) {
        const parsed = parseNote(text.slice(damaged.colon + 1, i), damaged.colon + 1, (fromColon ??= { ...context, role: 'responsible' }));
        if (parsed) push(damaged.from, i + 1, parsed, true);
      }
      damaged = null;
      continue;
    }
    // close the innermost bracket of this type; brackets of another type left open inside it are dropped
    let k = stack.length - 1;
    while (k >= 0 && stack[k]!.close !== ch) k--;
    if (k < 0) continue;
    const { open } = stack[k]!;
    stack.length = k;
    if (k > 0 || i - open > MAX_NOTE) continue;
    const parsed = parseNote(text.slice(open + 1, i), open + 1, (inBracket ??= { ...context, bracketed: true }));
    if (parsed) {
      push(open, i + 1, parsed);
      damaged = null;
    }
  }

  const ending = endingNote(text, context);
  if (ending && (notes.length === 0 || notes[notes.length - 1]!.end <= ending.start)) notes.push(ending);
  return notes;
}

/** Depth of round and square brackets after `text[from..to)`, given `depth` at `from`. */
function depthAfter(text: string, from: number, to: number, depth: number): number {
  for (let i = from; i < to; i++) {
    const k = kind(text.charCodeAt(i));
    if (k === 1) depth++;
    else if (k === 2 && depth > 0) depth--;
  }
  return depth;
}

/** The end of a sentence or the start of the text, before a trailing note. */
/** Role words that name a lead or a support, not only a responsibility. */
const EXPLICIT_ROLE = /牵头|配合|参与|协同|协办/;
/** A lead role word: clauses after prose in a sentence are a note only when one of them names the lead. */
const LEAD_ROLE = /牵头|主责|主办/;
const SENTENCE_END = /(?:^|[。；;！!，,]\s*|\s)$/;

/**
 * A note without brackets that ends its paragraph: from the last role label
 * at depth 0 that opens the paragraph or follows the end of a sentence
 * (责任单位：A（牵头）、B、C / 牵头单位：A；配合单位：B), or else the last
 * sentence when it is only role-marked names (市发改委牵头，市财政局配合。).
 * Every name must be organ-like.
 */
function endingNote(text: string, context: NoteContext): NoteMatch | null {
  let start = -1;
  let depth = 0;
  let cursor = 0;
  LABEL.lastIndex = 0;
  // a heading marker may open the paragraph the note is: （四）责任单位：…
  const marker = matchHeading(text)?.length ?? -1;
  let hosting = false;
  /** Whether a sentence ended (。！) since the current start: labels after ； continue the note it starts. */
  let stopped = true;
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) {
    for (let i = cursor; i < m.index; i++) {
      const k = kind(text.charCodeAt(i));
      if (k === 1) depth++;
      else if (k === 2 && depth > 0) depth--;
      else if (k === 5 && depth === 0) stopped = true;
    }
    cursor = m.index;
    if (depth === 0 && (stopped || start < 0) && (m.index === marker || SENTENCE_END.test(text.slice(Math.max(0, m.index - 2), m.index)))) {
      start = m.index;
      hosting = true;
      stopped = false;
    }
    // 主办单位：, 承办单位： alone are a web site's or an event's sponsors, not a task's — but 主办机关：/协办机关：
    // name the organs a plan gives a task (Taiwan's 主辦機關/協辦機關)
    if (start >= 0 && (!/^(?:主办|承办|协办)+$/.test(m[1]!) || m[0].includes('机关'))) hosting = false;
  }
  if (start >= 0 && hosting) return null;
  if (start < 0) {
    // the last sentence, when it is made of names with 牵头/配合 only
    const body = text.slice(0, trimmedEnd(text, text.length));
    const from = Math.max(body.lastIndexOf('。'), body.lastIndexOf('；'), body.lastIndexOf(';')) + 1;
    const sentence = body.slice(from);
    if (sentence.length > MAX_NOTE || !EXPLICIT_ROLE.test(sentence) || depthAfter(text, 0, from, 0) !== 0) return null;
    // the whole sentence, or the clauses that end it when they are role-marked names and one of them leads
    // (加快建设，市发改委牵头，市财政局配合): each clause is tried once, from the last, while it reads
    let cut = sentence.length;
    while (cut > 0) {
      const comma = Math.max(sentence.lastIndexOf('，', cut - 1), sentence.lastIndexOf(',', cut - 1));
      const clause = sentence.slice(comma + 1, cut);
      const read = parseNote(clause, 0, context);
      if ((!read || read.labelled) && !deadlinePart(clause, context.year)) break;
      cut = comma + 1 > 0 ? comma : 0;
      if (comma < 0) break;
    }
    const at = cut === 0 ? 0 : cut + 1;
    const last = sentence.slice(at);
    if (at > 0 && !LEAD_ROLE.test(last)) return null;
    const parsed = at < sentence.length ? parseNote(last, from + at, context) : null;
    if (!parsed || parsed.labelled || !EXPLICIT_ROLE.test(last)) return null;
    const lead = last.length - last.trimStart().length;
    return toMatch(from + at + lead, body.length, parsed);
  }
  const end = trimmedEnd(text, text.length);
  if (end - start > MAX_NOTE) return null;
  const parsed = parseNote(text.slice(start, end), start, context);
  return parsed ? toMatch(start, end, parsed) : null;
}

/** Where `text[0..end)` ends without its closing 。；; and spaces (a loop: `[。；;\s]+$` retries at every position of a long run). */
function trimmedEnd(text: string, end: number): number {
  while (end > 0 && /[。；;\s]/.test(text[end - 1]!)) end--;
  return end;
}

function toMatch(start: number, end: number, parsed: ParsedNote): NoteMatch {
  return { start, end, lead: parsed.lead, support: parsed.support, joint: parsed.joint, firstListed: parsed.firstListed, deadline: parsed.deadline, damaged: false };
}
