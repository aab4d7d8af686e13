/**
 * Repair of text that was GBK-encoded and decoded one byte out of step.
 *
 * A corrupted run such as `?;瘧?` (for 模化應) still holds most of the
 * original bytes: each character that survived is two bytes that straddle two
 * original characters. The run is turned back into bytes — every character to
 * its GB18030 bytes, `?` to one or two unknown bytes (an undecodable pair may
 * also have swallowed one ASCII byte after it, such as the `3` of `3D` or the
 * `(` of a pinyin annotation), an ASCII mark to the same byte with its high
 * bit set (the page turned `；` into `;`, i.e. kept the low seven bits) — and
 * decoded again in step. Unknown bytes become slots filled with the
 * characters that the word model scores best in context.
 *
 * A repair is returned only when it is far more probable than the raw text
 * and clearly better than any other reading; otherwise null (the caller warns).
 * Written by hand: no library reverses a mis-decoding, and the search is
 * specific to GBK's lead/trail structure.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { allPairs, decodePair, encodeChar, gbkTableFile, isLead, isTrail, leadsFor, trailsFor } from './gbk.js';
import { converters, openccVersion } from './opencc.js';
import { fromPrepared, pack, packCode, preparedPath, unpack } from './prepared.js';
import { StringTable, stringTableCode, stringTableData, type StringTableData } from './string-table.js';
import { wordModel, type DocumentCounts } from './word-model.js';

/** Character-level conversion to Simplified, for scoring (phrases do not matter to a unigram model). Memoised: a pure function of one character. */
const hansMemo = new Map<string, string>();
function toHans(ch: string): string {
  let h = hansMemo.get(ch);
  if (h === undefined) {
    h = [...ch].length === 1 ? converters('t').toHans(ch) : [...ch].map(toHans).join('');
    hansMemo.set(ch, h);
  }
  return h;
}

export interface RepairInput {
  /** The corrupted run (pinyin annotations of intact characters already removed). */
  run: string;
  /** A few characters of text before and after the run, on the same line. */
  left: string;
  right: string;
  /** Word counts of the whole document, so its own vocabulary decides close calls (高端 over 高度). */
  document?: DocumentCounts;
  /** Which form to prefer when two characters score the same (數 vs 数). */
  preferTraditional: boolean;
}

export interface Repair {
  text: string;
  /** Log-probability gain over the raw run, in context (natural log). */
  gain: number;
  /** Log-probability margin over the best different reading. */
  margin: number;
}

/**
 * Far more probable than the raw text (log-probability gain in nats). A true
 * re-decoding turns every character of the run into words: on synthetic
 * corruptions of the lawrefbook regulations (test/clean.test.ts) right
 * repairs gained 29 or more, the only wrong one 15.
 */
export const MIN_GAIN = 20;
/** Clearly better than any other reading: at least 4 times as probable. */
export const MIN_MARGIN = Math.log(4);

/** A pinyin annotation whose `(` went into an undecodable pair: `?zé)`. */
const BROKEN_ANNOTATION = /^\?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)/u;
/** ASCII marks whose byte may be a GBK byte that lost its high bit. */
const LOW_SEVEN = /^[!-/:-@[-`{-~]$/;
/** Bytes an undecodable pair can swallow: a trail byte below 0x40. */
const SWALLOWED = Array.from({ length: 0x3f - 0x20 }, (_, i) => 0x20 + i);
/** Templates that get a second pass of coordinate ascent. */
const FINALISTS = 3;
/** Unknown byte. */
const W = -1;
/** Unknown swallowed ASCII byte. */
const Z = -2;

type Element = { fixed: string } | { slot: Slot };
type Slot =
  | { kind: 'lead'; trail: number }
  | { kind: 'trail'; lead: number }
  | { kind: 'both' }
  | { kind: 'ascii' };

/** Byte-sequence options for each piece of the run. */
function pieceOptions(run: string): number[][][] | null {
  const pieces: number[][][] = [];
  let i = 0;
  while (i < run.length) {
    const rest = run.slice(i);
    const annotation = BROKEN_ANNOTATION.exec(rest);
    if (annotation) {
      pieces.push([[W], [W, W]]);
      i += annotation[0].length;
      continue;
    }
    const previous = run[i - 1] ?? '';
    const ch = String.fromCodePoint(run.codePointAt(i)!);
    i += ch.length;
    if (ch === '?') {
      pieces.push([[W], [W, W], [W, Z]]);
      continue;
    }
    const bytes = encodeChar(ch);
    if (!bytes) return null;
    if (bytes.length === 1) {
      // `;` may be `；` (A3 BB) made ASCII by the site, or the lone byte BB that lost its high bit
      const high = bytes[0]! | 0x80;
      pieces.push(LOW_SEVEN.test(ch) ? [[high], [0xa3, high], bytes] : [bytes]);
      continue;
    }
    // right after an ASCII mark that may have lost its high bit, the bit may have gone to this
    // lead byte instead (`#圬` for A3 5B D8: 。[ then 責)
    const low = bytes[0]! & 0x7f;
    const afterMark = LOW_SEVEN.test(previous);
    pieces.push(afterMark && LOW_SEVEN.test(String.fromCharCode(low)) ? [bytes, [low, bytes[1]!]] : [bytes]);
  }
  return pieces;
}

/** Decode a byte template in step; null when it cannot be GBK. */
function decodeTemplate(bytes: number[]): Element[] | null {
  const out: Element[] = [];
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b === Z) {
      out.push({ slot: { kind: 'ascii' } });
      i++;
      continue;
    }
    if (b >= 0 && b < 0x80) {
      out.push({ fixed: String.fromCharCode(b) });
      i++;
      continue;
    }
    if (b !== W && !isLead(b)) return null;
    const t = bytes[i + 1];
    if (t === undefined || t === Z || (t !== W && !isTrail(t))) return null;
    if (b !== W && t !== W) {
      const ch = decodePair(b, t);
      if (!ch) return null;
      out.push({ fixed: ch });
    } else if (b === W && t === W) out.push({ slot: { kind: 'both' } });
    else if (b === W) out.push({ slot: { kind: 'lead', trail: t } });
    else out.push({ slot: { kind: 'trail', lead: b } });
    i += 2;
  }
  return out;
}

function* combinations(pieces: number[][][], limit: number): Generator<number[]> {
  const index = new Array<number>(pieces.length).fill(0);
  for (let produced = 0; produced < limit; produced++) {
    yield index.flatMap((k, p) => pieces[p]![k]!);
    let p = pieces.length - 1;
    for (; p >= 0; p--) {
      index[p]!++;
      if (index[p]! < pieces[p]!.length) break;
      index[p] = 0;
    }
    if (p < 0) return;
  }
}

/** A slot's candidates, one per Simplified form, and that form of each (what the scorer is given). */
interface Candidates {
  chars: string[];
  hans: string[];
}

interface Reading {
  text: string;
  hans: string;
  score: number;
  /** Smallest gap, over the slots, between the chosen character and the best different one. */
  slotMargin: number;
}

export function repairShiftedGbk(input: RepairInput): Repair | null {
  const pieces = pieceOptions(input.run);
  if (!pieces) return null;
  const model = wordModel();
  const hans = (s: string) => [...s].map(toHans).join('');
  const leftHans = hans(input.left);
  const rightHans = hans(input.right);
  const rawScore = model.score(leftHans + hans(input.run) + rightHans, input.document);

  // one pass of coordinate ascent ranks every template; the best few get a second pass
  const scores = new Map<string, number>();
  const candidates = new Map<string, Candidates>();
  const drafts: { elements: Element[]; score: number }[] = [];
  for (const template of combinations(pieces, 4096)) {
    const elements = decodeTemplate(template);
    if (!elements) continue;
    const draft = fill(elements, leftHans, rightHans, input, scores, candidates, 1);
    if (draft) drafts.push({ elements, score: draft.score });
  }
  if (drafts.length === 0) return null;
  drafts.sort((a, b) => b.score - a.score);
  const readings = drafts
    .slice(0, FINALISTS)
    .map((d) => fill(d.elements, leftHans, rightHans, input, scores, candidates, 2)!)
    .sort((a, b) => b.score - a.score);
  const best = readings[0]!;
  const rival = readings.find((r) => r.hans !== best.hans);
  const margin = Math.min(best.slotMargin, rival ? best.score - rival.score : Infinity);
  const gain = best.score - rawScore;
  if (gain < MIN_GAIN || margin < MIN_MARGIN) return null;
  return { text: best.text, gain, margin };
}

/**
 * Fill the slots of one decoded template by coordinate ascent. `scores` and
 * `candidates` are shared by the templates of one run: scores of whole texts,
 * and a slot's candidates (with their Simplified forms) by its kind, byte and neighbours.
 */
function fill(
  elements: Element[],
  leftHans: string,
  rightHans: string,
  input: RepairInput,
  scores: Map<string, number>,
  candidates: Map<string, Candidates>,
  passes: number,
): Reading | null {
  const model = wordModel();
  const chosen: string[] = elements.map((e) => ('fixed' in e ? e.fixed : ''));
  const chosenHans = chosen.map((c) => (c ? toHans(c) : ''));
  const slots = elements.flatMap((e, i) => ('slot' in e ? [i] : []));
  const scoreNow = () => {
    const text = leftHans + chosenHans.join('') + rightHans;
    let s = scores.get(text);
    if (s === undefined) {
      s = model.score(text, input.document);
      scores.set(text, s);
    }
    return s;
  };
  const leftLast = [...leftHans].at(-1) ?? '';
  const rightFirst = [...rightHans][0] ?? '';
  const neighbour = (i: number, step: -1 | 1): string => {
    const j = i + step;
    if (j < 0) return leftLast;
    if (j >= elements.length) return rightFirst;
    return chosenHans[j] ?? '';
  };
  /** A character the model knows, alone or in a two-character word with a neighbour of slot i; others can only lose. */
  const plausibleAt = (i: number): ((c: string) => boolean) => {
    const after = model.after(neighbour(i, -1));
    const before = model.before(neighbour(i, 1));
    return (c) => {
      const h = toHans(c);
      return model.knownChar(h) || after.has(h) || before.has(h) || !/\p{Script=Han}/u.test(h);
    };
  };
  /** Candidates of a slot, one per Simplified form (the preferred script's character first). */
  const candidatesOf = (i: number): Candidates => {
    const slot = (elements[i] as { slot: Slot }).slot;
    const key = `${slot.kind}\u0000${'lead' in slot ? slot.lead : 'trail' in slot ? slot.trail : ''}\u0000${neighbour(i, -1)}\u0000${neighbour(i, 1)}`;
    let list = candidates.get(key);
    if (!list) {
      list = { chars: [], hans: [] };
      const seen = new Set<string>();
      for (const c of rawCandidatesOf(i)) {
        const h = toHans(c);
        if (seen.has(h)) continue;
        seen.add(h);
        list.chars.push(c);
        list.hans.push(h);
      }
      candidates.set(key, list);
    }
    return list;
  };
  const rawCandidatesOf = (i: number): string[] => {
    const slot = (elements[i] as { slot: Slot }).slot;
    switch (slot.kind) {
      case 'ascii':
        return SWALLOWED.map((b) => String.fromCharCode(b));
      case 'lead':
        return leadsFor(slot.trail).map((l) => decodePair(l, slot.trail)!).filter(plausibleAt(i));
      case 'trail':
        return trailsFor(slot.lead).map((t) => decodePair(slot.lead, t)!).filter(plausibleAt(i));
      case 'both': {
        const wanted = new Set<string>(model.commonChars);
        for (const c of model.after(neighbour(i, -1))) wanted.add(c);
        for (const c of model.before(neighbour(i, 1))) wanted.add(c);
        // (pushed, not flatMap'd: a set of thousands of characters made an array per character)
        const out: string[] = [];
        for (const h of wanted) for (const form of gbkFormsOf(h, input.preferTraditional)) out.push(form);
        return out;
      }
    }
  };
  for (const i of slots) {
    const { chars, hans } = candidatesOf(i);
    if (chars.length === 0) return null;
    chosen[i] = chars[0]!;
    chosenHans[i] = hans[0]!;
  }
  let slotMargin = Infinity;
  for (let pass = 0; pass < passes; pass++) {
    slotMargin = Infinity;
    for (const i of slots) {
      let best = -Infinity;
      let bestChar = chosen[i]!;
      let bestHans = chosenHans[i]!;
      let second = -Infinity;
      // the text around the slot is fixed while its candidates are scored
      const points = [...leftHans];
      let at = 0;
      for (let j = 0; j < elements.length; j++) {
        if (j === i) {
          at = points.length;
          points.push(chosenHans[j]!);
        } else points.push(...chosenHans[j]!);
      }
      points.push(...rightHans);
      const scoreWith = model.scoreAt(points, at, input.document);
      const { chars, hans } = candidatesOf(i);
      for (let k = 0; k < chars.length; k++) {
        const c = chars[k]!;
        const h = hans[k]!;
        const s = scoreWith(h);
        if (s > best) {
          if (h !== bestHans) second = best;
          best = s;
          bestChar = c;
          bestHans = h;
        } else if (h !== bestHans && s > second) second = s;
      }
      chosen[i] = bestChar;
      chosenHans[i] = bestHans;
      slotMargin = Math.min(slotMargin, best - second);
    }
  }
  return { text: chosen.join(''), hans: chosenHans.join(''), score: scoreNow(), slotMargin };
}

/** GBK's Han characters by Simplified form, as a prepared file holds them: form k's characters are characters.slice(starts[k], starts[k + 1]). */
export interface GbkForms {
  forms: StringTableData;
  characters: string;
  starts: Uint32Array;
}

let formsByHans: { table: StringTable; data: GbkForms } | undefined;
const traditionalFirst = new Map<string, string[]>();
const simplifiedFirst = new Map<string, string[]>();

/** GBK characters whose Simplified form is `h`, the preferred script's form first (ordered when first asked for). */
function gbkFormsOf(h: string, preferTraditional: boolean): string[] {
  if (!formsByHans) {
    const data = fromPrepared(
      preparedPath('gbk-forms', [gbkTableFile(), openccVersion(), readFileSync(fileURLToPath(import.meta.url)), stringTableCode(), packCode()], 'bin'),
      (f) => readForms(readFileSync(f)),
      () => formsData(buildForms()),
      (d) => pack(d),
    );
    formsByHans = { table: new StringTable(data.forms), data };
  }
  const ordered = preferTraditional ? traditionalFirst : simplifiedFirst;
  let list = ordered.get(h);
  if (!list) {
    const k = formsByHans.table.get(h);
    const { characters, starts } = formsByHans.data;
    const forms = k === undefined ? [] : [...characters.slice(starts[k], starts[k + 1])];
    const plain = forms.filter((f) => f === h);
    const other = forms.filter((f) => f !== h);
    list = preferTraditional ? [...other, ...plain] : [...plain, ...other];
    ordered.set(h, list);
  }
  return list;
}

/**
 * GBK's Han characters by their Simplified form (character-level), each form's characters as one string in GBK's
 * order (every GBK character is one UTF-16 unit). Built once (the table of pairs and a conversion of every
 * character) and kept as a prepared file (formsData: a string table of the forms, read as views of its bytes).
 */
export function buildForms(): Map<string, string> {
  const all = new Map<string, string>();
  const han = allPairs()
    .map(({ ch }) => ch)
    .filter((ch) => /\p{Script=Han}/u.test(ch));
  // converted in one call, a character a line: no phrase spans a line feed, so each line is the
  // character converted alone (tested against one call a character)
  const hans = converters('t').toHans(han.join('\n')).split('\n');
  han.forEach((ch, k) => {
    const s = hans.length === han.length ? hans[k]! : toHans(ch);
    all.set(s, (all.get(s) ?? '') + ch);
  });
  return all;
}

export function formsData(all: ReadonlyMap<string, string>): GbkForms {
  const index = new Map<string, number>();
  const starts = new Uint32Array(all.size + 1);
  let k = 0;
  for (const [form, characters] of all) {
    index.set(form, k);
    starts[k + 1] = starts[k]! + characters.length;
    k++;
  }
  return { forms: stringTableData(index), characters: [...all.values()].join(''), starts };
}

/** The forms a prepared file holds, checked for their types and lengths. */
export function readForms(bytes: Uint8Array): GbkForms {
  const d = unpack(bytes) as GbkForms;
  const f = d?.forms;
  const ok =
    f?.units instanceof Uint16Array && f.starts instanceof Uint32Array && f.values instanceof Float64Array && f.slots instanceof Int32Array &&
    typeof d.characters === 'string' && d.starts instanceof Uint32Array && d.starts.length === f.values.length + 1 && d.starts[f.values.length] === d.characters.length;
  if (!ok) throw new Error('Not the prepared GBK forms');
  return d;
}
