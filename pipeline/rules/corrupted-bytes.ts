/**
 * Runs of text that look like bytes decoded out of step: private-use
 * characters, a `?` standing for an undecodable byte between letters, an
 * enclosed numeral (⒏) inside Chinese text, `#` glued to Han characters.
 *
 * One such character is not evidence: the legacy encodings hold valid
 * characters in the same ranges — circled, parenthesised and full-stop
 * numerals (①, ⑴, ⒈) that number lists, a private-use character standing for
 * a rare character a site's font adds (Big5's user-defined area). A run is
 * suspect only with two signs that the bytes are out of step (`suspectRuns`).
 *
 * Each run is handed to the shifted-GBK repair (lib/shifted-gbk.ts), scored
 * against the document's own vocabulary. A confident repair replaces the run
 * (an edit of this rule, plus an info diagnostic with its scores); anything
 * else stays as it is, with a warning and the raw span.
 */
import { diagnostic } from '../lib/diagnostics.js';
import { pieces, segmenter } from '../lib/jieba.js';
import { converters } from '../lib/opencc.js';
import { repairShiftedGbk } from '../lib/shifted-gbk.js';
import type { DocumentCounts } from '../lib/word-model.js';
import { detectScript } from '../stages/convert.js';
import type { CleanRule } from './types.js';
import type { Replacement } from '../lib/tracked-text.js';

// the last alternative tests its character before looking behind it: a lookbehind that opens an alternative is
// tried at every offset of every document (four times the scan's time)
const SUSPECT =
  /[\p{Co}\u2460-\u24ff\ufffd]|\?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*\)?(?=[\p{Script=Han}\p{L}\d;#])|[#?](?<=\p{Script=Han}[#?])(?=\p{Script=Han})/gu;
/** Suspect characters closer than this (UTF-16 units) belong to one run. */
const JOIN = 4;
/** Signs of bytes out of step a run needs (see `evidence`). */
const MIN_EVIDENCE = 2;
/** Characters of context kept on each side of a run in the report. */
const EDGE = 1;
/** Characters of context on each side that the repair scores with. */
const CONTEXT = 6;
/** A long document's vocabulary is read within this many characters of the run. */
const VOCABULARY_WINDOW = 100_000;

const ENCLOSED = /^[\u2460-\u24ff]$/u;
const PRIVATE_USE = /^\p{Co}$/u;
/** What may stand on both sides of an enclosed numeral only when the bytes are out of step. */
const GLUED = /[\p{Script=Han}\p{Co}?]/u;

/**
 * How many signs of bytes out of step one run holds: every `?` or `#` that
 * stands for a byte (before letters, digits or Han, between Han) and every
 * U+FFFD is one; private-use characters are one however many (a page may use
 * them for rare characters its font adds); an enclosed numeral is one only
 * glued to Han or private-use characters on both sides, where no list marker
 * or note reference stands (`規?;⒏叨`), else none (`；②完善`).
 */
function evidence(text: string, matches: readonly { start: number; end: number }[]): number {
  let signs = 0;
  let privateUse = 0;
  let misplacedNumeral = 0;
  for (const { start, end } of matches) {
    const ch = text.slice(start, end);
    if (PRIVATE_USE.test(ch)) privateUse = 1;
    else if (ENCLOSED.test(ch)) {
      if (GLUED.test(codePointBefore(text, start)) && GLUED.test(codePointAt(text, end))) misplacedNumeral = 1;
    } else signs++;
  }
  return signs + privateUse + misplacedNumeral;
}

const codePointAt = (text: string, at: number): string => (at < text.length ? String.fromCodePoint(text.codePointAt(at)!) : '');
const codePointBefore = (text: string, at: number): string =>
  at <= 0 ? '' : at >= 2 && /[\udc00-\udfff]/.test(text[at - 1]!) ? text.slice(at - 2, at) : text[at - 1]!;

/** Runs of suspect characters (each a span of UTF-16 units) that hold enough evidence of bytes out of step. */
export function suspectRuns(text: string): { start: number; end: number }[] {
  const runs: { start: number; end: number; matches: { start: number; end: number }[] }[] = [];
  SUSPECT.lastIndex = 0;
  for (let m = SUSPECT.exec(text); m; m = SUSPECT.exec(text)) {
    const start = m.index;
    const end = m.index + m[0].length;
    const last = runs[runs.length - 1];
    if (last && start - last.end <= JOIN && !text.slice(last.end, start).includes('\n')) {
      last.end = end;
      last.matches.push({ start, end });
    } else runs.push({ start, end, matches: [{ start, end }] });
  }
  return runs.filter((r) => evidence(text, r.matches) >= MIN_EVIDENCE).map(({ start, end }) => ({ start, end }));
}

export const corruptedBytes: CleanRule = {
  name: 'corrupted-bytes',
  run(text, context) {
    const runs = suspectRuns(text);
    if (runs.length === 0) return [];
    const detection = detectScript(text);
    // the document's own vocabulary: the whole text, or for a long one the text around the run
    const counts = new Map<number, DocumentCounts>();
    const countsNear = (at: number): DocumentCounts => {
      const from = text.length <= 2 * VOCABULARY_WINDOW ? 0 : Math.max(0, at - VOCABULARY_WINDOW);
      let c = counts.get(from);
      if (!c) {
        c = documentCounts(converters('t').toHans(text.slice(from, from + 2 * VOCABULARY_WINDOW)));
        counts.set(from, c);
      }
      return c;
    };
    const out: Replacement[] = [];
    // the same run in the same context reads the same way: repair it once per document
    const repairs = new Map<string, ReturnType<typeof repairShiftedGbk>>();
    for (const run of runs) {
      const lineStart = text.lastIndexOf('\n', run.start - 1) + 1;
      const lineEnd = (text.indexOf('\n', run.end) + 1 || text.length + 1) - 1;
      const input = {
        run: text.slice(run.start, run.end),
        left: text.slice(Math.max(lineStart, run.start - CONTEXT), run.start),
        right: text.slice(run.end, Math.min(lineEnd, run.end + CONTEXT)),
        preferTraditional: detection.traditional > detection.simplified,
      };
      const key = `${input.left}\u0000${input.run}\u0000${input.right}`;
      if (!repairs.has(key)) repairs.set(key, repairShiftedGbk({ ...input, document: countsNear(run.start) }));
      const repair = repairs.get(key)!;
      const rawStart = context.originOf(Math.max(0, run.start - EDGE));
      const rawEnd = context.originOf(Math.min(text.length, run.end + EDGE) - 1) + 1;
      const rawSpan = rawStart >= 0 && rawEnd > 0 ? { space: 'raw' as const, start: rawStart, end: rawEnd } : null;
      const shown = text.slice(Math.max(0, run.start - EDGE), Math.min(text.length, run.end + EDGE));
      if (repair) {
        out.push({ start: run.start, end: run.end, text: repair.text });
        context.diagnostics.push(
          diagnostic(
            'clean:corrupted-bytes-repaired',
            `Repaired “${text.slice(run.start, run.end)}” as “${repair.text}”: bytes decoded out of step, re-decoded in step (log-probability gain ${repair.gain.toFixed(1)}, margin over the next reading ${repair.margin.toFixed(1)})`,
            rawSpan,
          ),
        );
      } else {
        context.diagnostics.push(
          diagnostic(
            'clean:corrupted-bytes',
            `Unexpected characters “${shown}”, expected Chinese text: bytes decoded out of step; no reading was clearly better, left unrepaired`,
            rawSpan,
          ),
        );
      }
    }
    return out;
  },
};

/**
 * The document's own word counts (jieba tokens of its Simplified form), for
 * the repair's cache model; cut piece by piece (lib/jieba.ts `pieces`), so a
 * large document never holds all its tokens at once.
 */
function documentCounts(hans: string): DocumentCounts {
  const counts = new Map<string, number>();
  let total = 0;
  for (const line of hans.split('\n')) {
    if (line === '') continue;
    for (const piece of pieces(line)) {
      for (const word of segmenter().cut(piece.text)) {
        counts.set(word, (counts.get(word) ?? 0) + 1);
        total++;
      }
    }
  }
  return { counts, total };
}
