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
  /** The whole text converted each way, kept so convert() does not convert twice. */
  asHans: string;
  asHant: string;
}

export function detectScript(text: string, variant: Variant = 't'): ScriptDetection {
  const { toHans, toHant } = converters(variant);
  const asHans = toHans(text);
  const asHant = toHant(text);
  const traditional = differing(text, asHans, toHans);
  const simplified = differing(text, asHant, toHant);
  const total = traditional + simplified;
  if (total === 0) return { script: 'zh-Hans', confidence: 0.5, traditional, simplified, asHans, asHant };
  const share = traditional / total;
  const script: Script = share >= SINGLE_SCRIPT ? 'zh-Hant' : share <= 1 - SINGLE_SCRIPT ? 'zh-Hans' : 'mixed';
  return { script, confidence: Math.round(Math.max(share, 1 - share) * 1000) / 1000, traditional, simplified, asHans, asHant };
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
  const { toHant } = converters(input.variant);
  const detected = detectScript(input.text, input.variant);
  const diagnostics: Diagnostic[] = [];
  let hans: string;
  let hant: string;
  if (detected.script === 'zh-Hant') {
    hans = detected.asHans;
    hant = input.text;
  } else if (detected.script === 'zh-Hans') {
    hans = input.text;
    hant = detected.asHant;
  } else {
    hans = detected.asHans;
    hant = toHant(hans);
    diagnostics.push(
      diagnostic('convert:mixed-script', `Mixed script: ${detected.traditional} Traditional-only and ${detected.simplified} Simplified-only characters; converted both ways through zh-Hans`),
    );
  }
  const hansToHant = Alignment.between(hans, hant);
  const cleanToHans = Alignment.between(input.text, hans);
  return { hans, hant, script: detected.script, scriptConfidence: detected.confidence, hansToHant, cleanToHans, diagnostics };
}
