/**
 * OpenCC converters, built once per process and variant (building one parses
 * its dictionaries, ~tens of ms; converting is then cheap). The memo holds
 * pure functions only, so sharing it between documents changes no result.
 */
import * as OpenCC from 'opencc-js';

export type Variant = 't' | 'tw' | 'hk' | 'twp';
export const VARIANTS: readonly Variant[] = ['t', 'tw', 'hk', 'twp'];

export interface ScriptConverters {
  /** Any Chinese (Traditional of the variant, or already Simplified) → mainland Simplified. */
  toHans: (text: string) => string;
  /** Simplified → Traditional of the variant. */
  toHant: (text: string) => string;
}

const memo = new Map<Variant, ScriptConverters>();

export function converters(variant: Variant = 't'): ScriptConverters {
  let c = memo.get(variant);
  if (!c) {
    c = {
      toHans: OpenCC.Converter({ from: variant, to: 'cn' }),
      toHant: OpenCC.Converter({ from: 'cn', to: variant }),
    };
    memo.set(variant, c);
  }
  return c;
}

/**
 * A regular-expression source that matches `word` in either script: each Han
 * character becomes a class of its Simplified and Traditional forms
 * (来源 → [来來][源]). Lets the cleaner find 来源/來源 before conversion.
 */
export function eitherScript(word: string): string {
  const { toHans, toHant } = converters('t');
  let out = '';
  for (const ch of word) {
    const forms = new Set([ch, toHans(ch), toHant(ch)]);
    out += forms.size === 1 ? escape(ch) : `[${[...forms].join('')}]`;
  }
  return out;
}

function escape(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
