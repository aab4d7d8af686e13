/**
 * convert: clean text (source script) → zh-Hans and zh-Hant texts, the
 * detected script, and the alignment between the two.
 *
 * The script is measured, not guessed from marker characters: the share of
 * Han characters that OpenCC would change in one direction (Traditional-only
 * forms) against the other (Simplified-only forms).
 */
import { Alignment } from '../lib/alignment.js';
import { diagnostic, type Diagnostic } from '../lib/diagnostics.js';
import { ambiguousCharacters } from '../lib/lexicon.js';
import { converters, scriptCharacters, type Variant } from '../lib/opencc.js';

export type Script = 'zh-Hans' | 'zh-Hant' | 'mixed';

export interface ConvertInput {
  text: string;
  variant: Variant;
}

export interface Converted {
  hans: string;
  hant: string;
  script: Script;
  scriptConfidence: number;
  /** hans (a) ↔ hant (b). */
  hansToHant: Alignment;
  /** clean text (a) ↔ hans (b). */
  cleanToHans: Alignment;
  diagnostics: Diagnostic[];
}

/** A share of script-specific characters at least this one-sided makes a single-script text. */
const SINGLE_SCRIPT = 0.9;

export interface ScriptDetection {
  script: Script;
  confidence: number;
  traditional: number;
  simplified: number;
  /** The same counts per line (paragraph) of the text. */
  linesTraditional: number[];
  linesSimplified: number[];
}

/**
 * The share of Traditional-only against Simplified-only characters (from
 * OpenCC's character dictionaries), per line and for the whole text. Counting
 * needs no conversion, so the text is converted once, in the direction the
 * script calls for.
 */
export function detectScript(text: string, variant: Variant = 't'): ScriptDetection {
  const { byCodePoint } = scriptCharacters(variant);
  const linesTraditional: number[] = [];
  const linesSimplified: number[] = [];
  // counted without a branch on the kind (0 either, 1 Traditional, 2 Simplified): Han of either kind and marks
  // alternate unpredictably in a text, and the mispredicted branches took half the loop's time
  let traditionalHere = 0;
  let simplifiedHere = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c === 10) {
      linesTraditional.push(traditionalHere);
      linesSimplified.push(simplifiedHere);
      traditionalHere = 0;
      simplifiedHere = 0;
      continue;
    }
    if (c < 0x2e80) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      c = text.codePointAt(i)!;
      i++;
    }
    const kind = c < byCodePoint.length ? byCodePoint[c]! : 0;
    traditionalHere += kind & 1;
    simplifiedHere += kind >> 1;
  }
  linesTraditional.push(traditionalHere);
  linesSimplified.push(simplifiedHere);
  const traditional = linesTraditional.reduce((x, y) => x + y, 0);
  const simplified = linesSimplified.reduce((x, y) => x + y, 0);
  return { ...classify(traditional, simplified), traditional, simplified, linesTraditional, linesSimplified };
}

function classify(traditional: number, simplified: number): { script: Script; confidence: number } {
  const total = traditional + simplified;
  if (total === 0) return { script: 'zh-Hans', confidence: 0.5 };
  const share = traditional / total;
  const script: Script = share >= SINGLE_SCRIPT ? 'zh-Hant' : share <= 1 - SINGLE_SCRIPT ? 'zh-Hans' : 'mixed';
  return { script, confidence: Math.round(Math.max(share, 1 - share) * 1000) / 1000 };
}

/** Lines (paragraphs) whose script is not the document's majority script, as runs of lines. */
function disagreeing(text: string, detection: ScriptDetection): { start: number; end: number; script: Script }[] {
  const majority: Script = detection.traditional >= detection.simplified ? 'zh-Hant' : 'zh-Hans';
  const out: { start: number; end: number; script: Script }[] = [];
  let start = 0;
  detection.linesTraditional.forEach((t, i) => {
    const end = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
    const { script } = classify(t, detection.linesSimplified[i]!);
    const differs = t + detection.linesSimplified[i]! > 0 && script !== majority;
    const last = out[out.length - 1];
    if (differs && last && last.script === script && text.slice(last.end, start).trim() === '') last.end = end;
    else if (differs) out.push({ start, end, script });
    start = end + 1;
  });
  return out;
}

export function convert(input: ConvertInput): Converted {
  const { toHansAligned, toHantAligned } = converters(input.variant);
  const detected = detectScript(input.text, input.variant);
  const diagnostics: Diagnostic[] = [];
  let hans: string;
  let hant: string;
  let hansToHant: Alignment;
  let cleanToHans: Alignment;
  /** One-to-many characters the Simplified → Traditional conversion took without a deciding phrase. */
  let unphrased: number[] = [];
  if (detected.script === 'zh-Hant') {
    // a Traditional source is its own zh-Hant
    const converted = toHansAligned(input.text);
    hans = converted.text;
    hant = input.text;
    cleanToHans = converted.alignment;
    hansToHant = cleanToHans.inverse();
  } else if (detected.script === 'zh-Hans') {
    const converted = toHantAligned(input.text, watched());
    unphrased = converted.unphrased;
    hans = input.text;
    hant = converted.text;
    cleanToHans = new Alignment([]);
    hansToHant = converted.alignment;
  } else {
    const toHans = toHansAligned(input.text);
    hans = toHans.text;
    cleanToHans = toHans.alignment;
    const converted = toHantAligned(hans, watched());
    unphrased = converted.unphrased;
    hant = converted.text;
    hansToHant = converted.alignment;
    diagnostics.push(
      diagnostic('convert:mixed-script', `Mixed script: ${detected.traditional} Traditional-only and ${detected.simplified} Simplified-only characters; converted both ways through zh-Hans`),
    );
    for (const run of disagreeing(input.text, detected)) {
      diagnostics.push(
        diagnostic('convert:mixed-script', `Unexpected ${run.script} paragraph in a mostly ${detected.traditional >= detected.simplified ? 'zh-Hant' : 'zh-Hans'} document`, { space: 'clean', start: run.start, end: run.end }),
      );
    }
  }
  diagnostics.push(...ambiguities(hans, hant, hansToHant, unphrased));
  return { hans, hant, script: detected.script, scriptConfidence: detected.confidence, hansToHant, cleanToHans, diagnostics };
}

let watchedCharacters: ReadonlySet<string> | undefined;
function watched(): ReadonlySet<string> {
  watchedCharacters ??= new Set(ambiguousCharacters().keys());
  return watchedCharacters;
}

/** One info diagnostic per one-to-many character that no phrase decided, at its first place. */
function ambiguities(hans: string, hant: string, hansToHant: Alignment, unphrased: readonly number[]): Diagnostic[] {
  const forms = ambiguousCharacters();
  const seen = new Map<string, { at: number; count: number }>();
  for (const at of unphrased) {
    const ch = hans[at]!;
    const entry = seen.get(ch);
    if (entry) entry.count++;
    else seen.set(ch, { at, count: 1 });
  }
  return [...seen].map(([ch, { at, count }]) => {
    const t = hansToHant.forwardSpan(at, at + 1);
    const chosen = hant.slice(t.start, t.end);
    const others = forms.get(ch)!.filter((f) => f !== chosen);
    return diagnostic(
      'convert:ambiguous-character',
      `Ambiguous “${ch}” (${count}× without a deciding phrase) converted to “${chosen}”; it can also be ${others.map((f) => `“${f}”`).join(', ')}`,
      { space: 'hans', start: at, end: at + 1 },
    );
  });
}
