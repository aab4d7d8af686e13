/**
 * Runs of text that look like bytes decoded out of step: private-use
 * characters, a `?` standing for an undecodable byte between letters, an
 * enclosed numeral (⒏) inside Chinese text, `#` glued to Han characters.
 * This cut detects and reports each run as a warning with its raw span; it
 * does not yet repair (re-encoding and shifted decoding is a later step).
 */
import { diagnostic } from '../lib/diagnostics.js';
import type { CleanRule } from './types.js';

const SUSPECT =
  /[\p{Co}\u2460-\u24ff\ufffd]|\?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*\)?(?=[\p{Script=Han}\p{L}\d;#])|(?<=\p{Script=Han})[#?](?=\p{Script=Han})/gu;
/** Suspect characters closer than this (UTF-16 units) belong to one run. */
const JOIN = 4;
/** Characters of context kept on each side of a run in the report. */
const EDGE = 1;

export const corruptedBytes: CleanRule = {
  name: 'corrupted-bytes',
  run(text, context) {
    const runs: { start: number; end: number }[] = [];
    SUSPECT.lastIndex = 0;
    for (let m = SUSPECT.exec(text); m; m = SUSPECT.exec(text)) {
      const start = m.index;
      const end = m.index + m[0].length;
      const last = runs[runs.length - 1];
      if (last && start - last.end <= JOIN && !text.slice(last.end, start).includes('\n')) last.end = end;
      else runs.push({ start, end });
    }
    for (const run of runs) {
      const start = Math.max(0, run.start - EDGE);
      const end = Math.min(text.length, run.end + EDGE);
      const rawStart = context.originOf(start);
      const rawEnd = context.originOf(end - 1) + 1;
      context.diagnostics.push(
        diagnostic(
          'clean:corrupted-bytes',
          `Unexpected characters “${text.slice(start, end)}”, expected Chinese text: bytes decoded out of step; left unrepaired`,
          rawStart >= 0 && rawEnd > 0 ? { space: 'raw', start: rawStart, end: rawEnd } : null,
        ),
      );
    }
    return [];
  },
};
