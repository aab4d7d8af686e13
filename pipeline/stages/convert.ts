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
import { converters, type Variant } from '../lib/opencc.js';

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
  /** The whole text converted each way, with its offset map, kept so convert() does not convert twice. */
  asHans: string;
  asHant: string;
  toHansAlignment: Alignment;
  toHantAlignment: Alignment;
}

export function detectScript(text: string, variant: Variant = 't'): ScriptDetection {
  const { toHans, toHant, toHansAligned, toHantAligned } = converters(variant);
  const hansAligned = toHansAligned(text);
  const hantAligned = toHantAligned(text);
  const asHans = hansAligned.text;
  const asHant = hantAligned.text;
  const maps = { toHansAlignment: hansAligned.alignment, toHantAlignment: hantAligned.alignment };
  const traditional = differing(text, asHans, toHans);
  const simplified = differing(text, asHant, toHant);
  const total = traditional + simplified;
  if (total === 0) return { script: 'zh-Hans', confidence: 0.5, traditional, simplified, asHans, asHant, ...maps };
  const share = traditional / total;
  const script: Script = share >= SINGLE_SCRIPT ? 'zh-Hant' : share <= 1 - SINGLE_SCRIPT ? 'zh-Hans' : 'mixed';
  return { script, confidence: Math.round(Math.max(share, 1 - share) * 1000) / 1000, traditional, simplified, asHans, asHant, ...maps };
}

/** Number of characters a conversion changes (line by line where it changes length). */
function differing(text: string, converted: string, convert: (s: string) => string): number {
  if (text.length !== converted.length) {
    return text.split('\n').reduce((n, line) => {
      const c = convert(line);
      return n + (c.length === line.length ? countDiff(line, c) : Math.abs(c.length - line.length) + 1);
    }, 0);
  }
  return countDiff(text, converted);
}

function countDiff(a: string, b: string): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) n++;
  return n;
}

export function convert(input: ConvertInput): Converted {
  const { toHantAligned } = converters(input.variant);
  const detected = detectScript(input.text, input.variant);
  const diagnostics: Diagnostic[] = [];
  let hans: string;
  let hant: string;
  let hansToHant: Alignment;
  let cleanToHans: Alignment;
  if (detected.script === 'zh-Hant') {
    // a Traditional source is its own zh-Hant
    hans = detected.asHans;
    hant = input.text;
    cleanToHans = detected.toHansAlignment;
    hansToHant = cleanToHans.inverse();
  } else if (detected.script === 'zh-Hans') {
    hans = input.text;
    hant = detected.asHant;
    cleanToHans = new Alignment([]);
    hansToHant = detected.toHantAlignment;
  } else {
    hans = detected.asHans;
    cleanToHans = detected.toHansAlignment;
    const converted = toHantAligned(hans);
    hant = converted.text;
    hansToHant = converted.alignment;
    diagnostics.push(
      diagnostic('convert:mixed-script', `Mixed script: ${detected.traditional} Traditional-only and ${detected.simplified} Simplified-only characters; converted both ways through zh-Hans`),
    );
  }
  if (detected.script !== 'zh-Hant') diagnostics.push(...ambiguities(hans, hant, hansToHant, input.variant));
  return { hans, hant, script: detected.script, scriptConfidence: detected.confidence, hansToHant, cleanToHans, diagnostics };
}

/** One info diagnostic per one-to-many character that no phrase decided, at its first place. */
function ambiguities(hans: string, hant: string, hansToHant: Alignment, variant: Variant): Diagnostic[] {
  const forms = ambiguousCharacters();
  const seen = new Map<string, { at: number; count: number }>();
  for (const at of converters(variant).unphrased(hans)) {
    const ch = hans[at]!;
    if (!forms.has(ch)) continue;
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
