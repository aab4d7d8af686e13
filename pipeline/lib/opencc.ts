/**
 * OpenCC conversion, built once per process and variant (building parses the
 * dictionaries, ~tens of ms; converting is then cheap). The memo holds pure
 * functions only, so sharing it between documents changes no result.
 *
 * The converters follow OpenCC's configuration model exactly as opencc-js's
 * `Converter({ from, to })` does (normalisation, one segmentation, then a
 * chain of dictionary groups applied to each segment), assembled here from
 * opencc-js's `Locale.configs` dictionaries in tries of the same semantics
 * (lib/phrase-trie.ts, faster than opencc-js's own `Trie`) for two reasons
 * opencc-js's ready-made converter cannot serve:
 *   - the protected vocabulary (lexicon/protected.tsv) is added to the
 *     segmentation and to every group: the first group maps a name to its
 *     target form, later groups keep that form, so no step converts it
 *     character by character;
 *   - each segment is converted on its own, so the converter knows which
 *     source span became which target span: the offset map (Alignment) is
 *     exact where a phrase changes length (twp: 算法 → 演算法).
 */
import * as OpenCC from 'opencc-js';
import { Alignment, type Segment } from './alignment.js';
import { protectedLexicon } from './lexicon.js';
import { PhraseTrie } from './phrase-trie.js';

export type Variant = 't' | 'tw' | 'hk' | 'twp';
export const VARIANTS: readonly Variant[] = ['t', 'tw', 'hk', 'twp'];

export interface Aligned {
  text: string;
  /** source (a) ↔ converted text (b), UTF-16 offsets. */
  alignment: Alignment;
  /**
   * Offsets of the watched characters (see `watch`) that the conversion
   * converted on their own, by the character dictionary's first choice,
   * because no phrase of the dictionary covered them.
   */
  unphrased: number[];
}

export interface ScriptConverters {
  /** Any Chinese (Traditional of the variant, or already Simplified) → mainland Simplified. */
  toHans: (text: string) => string;
  /** Simplified → Traditional of the variant. */
  toHant: (text: string) => string;
  toHansAligned: (text: string, watch?: ReadonlySet<string>) => Aligned;
  toHantAligned: (text: string, watch?: ReadonlySet<string>) => Aligned;
}

/** The OpenCC configuration behind each direction of each variant. */
export const OPENCC_CONFIG: Record<Variant, { toHans: string; toHant: string }> = {
  t: { toHans: 't2s', toHant: 's2t' },
  tw: { toHans: 'tw2s', toHant: 's2tw' },
  hk: { toHans: 'hk2s', toHant: 's2hk' },
  twp: { toHans: 'tw2sp', toHant: 's2twp' },
};

const memo = new Map<Variant, ScriptConverters>();

export function converters(variant: Variant = 't'): ScriptConverters {
  let c = memo.get(variant);
  if (!c) {
    const pairs = protectedLexicon().map((e) => [e.hans, e.hant] as const);
    const toHansAligned = build(OPENCC_CONFIG[variant].toHans, pairs.map(([h, t]) => [t, h] as const));
    const toHantAligned = build(OPENCC_CONFIG[variant].toHant, pairs);
    c = {
      toHans: (text) => toHansAligned(text).text,
      toHant: (text) => toHantAligned(text).text,
      toHansAligned,
      toHantAligned,
    };
    memo.set(variant, c);
  }
  return c;
}

/**
 * Characters that only one script uses, read from the character dictionaries
 * of the two conversions: a character the Traditional→Simplified chain maps
 * to another is Traditional-only (國), one the Simplified→Traditional chain
 * maps to another is Simplified-only (国). Script detection counts them
 * without converting the text.
 */
export interface ScriptCharacters {
  /** By code point (below 0x40000): 1 Traditional-only, 2 Simplified-only, 0 either. */
  byCodePoint: Uint8Array;
}

const charactersMemo = new Map<Variant, ScriptCharacters>();

export function scriptCharacters(variant: Variant = 't'): ScriptCharacters {
  let c = charactersMemo.get(variant);
  if (!c) {
    const { toHans, toHant } = OPENCC_CONFIG[variant];
    const byCodePoint = new Uint8Array(0x40000);
    for (const cp of changedCharacters(toHant)) if (cp < byCodePoint.length) byCodePoint[cp] = 2;
    // a character both chains change counts as Traditional, as detectScript always counted it
    for (const cp of changedCharacters(toHans)) if (cp < byCodePoint.length) byCodePoint[cp] = 1;
    c = { byCodePoint };
    charactersMemo.set(variant, c);
  }
  return c;
}

function changedCharacters(name: string): Set<number> {
  const config = (OpenCC.Locale as unknown as { configs: Record<string, Config> }).configs[name]!;
  const out = new Set<number>();
  for (const group of config.conversionChain) {
    for (const dict of group) {
      const entries = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ') as [string, string]) : dict;
      for (const [from, to] of entries) {
        if (from && to && from !== to && [...from].length === 1) out.add(from.codePointAt(0)!);
      }
    }
  }
  return out;
}

type Pair = readonly [string, string];

interface Config {
  normalizationChain?: OpenCC.DictGroup[];
  segmentation?: OpenCC.DictLike | OpenCC.DictGroup;
  conversionChain: OpenCC.DictGroup[];
}

function build(name: string, pairs: readonly Pair[]): (text: string, watch?: ReadonlySet<string>) => Aligned {
  const config = (OpenCC.Locale as unknown as { configs: Record<string, Config> }).configs[name];
  if (!config) throw new Error(`opencc-js has no configuration ${name}`);
  const normalize = config.normalizationChain?.map(group);
  const segmenter = config.segmentation ? group(asGroup(config.segmentation)) : null;
  for (const [source] of pairs) segmenter?.addWord(source, source);
  const chain = config.conversionChain.map((g, k) => {
    const trie = group(g);
    for (const [source, target] of pairs) {
      if (k === 0) trie.addWord(source, target);
      else trie.addWord(target, target);
    }
    return trie;
  });

  // OpenCC converts each segment of the segmentation on its own; a configuration without one
  // (s2t, t2s: a single group) converts by that group's longest matches, which are its segments
  const units = (normalized: string): string[] =>
    segmenter ? segmenter.segment(normalized) : chain.length === 1 ? chain[0]!.segment(normalized) : [normalized];
  // where the units are the single group's own segments (s2t, t2s), one pass segments and converts
  const only = !segmenter && chain.length === 1 ? chain[0]! : null;

  /** One line: OpenCC phrases never span a line break, so lines convert on their own and memory stays per line. */
  const convertLine = (text: string, at: number, pieces: Segment[], outAt: number, watch: ReadonlySet<string> | undefined, unphrased: number[]): string => {
    const normalized = normalize ? normalize.reduce((s, t) => t.convert(s), text) : text;
    // a unit of one character is a character no phrase covered
    const watchUnit = (from: number, to: number) => {
      if (to - from === 1 && watch!.has(normalized[from]!)) unphrased.push(at + from);
    };
    // most lines keep their length: convert them as OpenCC does and skip the offset bookkeeping
    if (only && normalized.length === text.length) {
      const plain = only.convertUnits(normalized, watch ? watchUnit : undefined);
      if (plain.length === text.length) return plain;
      watch = undefined; // seen already
    }
    const lineUnits = units(normalized);
    if (watch) {
      let u = 0;
      for (const unit of lineUnits) {
        watchUnit(u, u + unit.length);
        u += unit.length;
      }
    }
    if (!only && normalized.length === text.length) {
      const plain = lineUnits.map((unit) => chain.reduce((s, t) => t.convert(s), unit)).join('');
      if (plain.length === text.length) return plain;
    }
    // normalisation maps code point to code point; only outside the BMP can it change a length
    const sources = normalized.length === text.length ? null : [...text];
    let out = '';
    let a = 0;
    let codePoint = 0;
    for (const unit of lineUnits) {
      // each group re-segments the unit: compose the groups' maps so a piece is a whole phrase
      let converted = unit;
      let map = new Alignment([]);
      for (const trie of chain) {
        const r = step(trie, converted);
        if (r.pieces.length > 0 || !map.identity) map = map.then(new Alignment(r.pieces));
        converted = r.out;
      }
      let u = unit.length;
      if (sources) {
        const normalization: Segment[] = [];
        u = 0;
        let v = 0;
        for (const point of unit) {
          const src = sources[codePoint++]!;
          if (src.length !== point.length) normalization.push({ aStart: u, aEnd: u + src.length, bStart: v, bEnd: v + point.length });
          u += src.length;
          v += point.length;
        }
        map = new Alignment(normalization).then(map);
      }
      for (const p of map.segments) {
        pieces.push({ aStart: at + a + p.aStart, aEnd: at + a + p.aEnd, bStart: outAt + out.length + p.bStart, bEnd: outAt + out.length + p.bEnd });
      }
      a += u;
      out += converted;
    }
    return out;
  };

  return (text: string, watch?: ReadonlySet<string>): Aligned => {
    const pieces: Segment[] = [];
    const unphrased: number[] = [];
    const lines: string[] = [];
    let at = 0;
    let outAt = 0;
    for (const line of text.split('\n')) {
      const converted = convertLine(line, at, pieces, outAt, watch, unphrased);
      lines.push(converted);
      at += line.length + 1;
      outAt += converted.length + 1;
    }
    return { text: lines.join('\n'), alignment: new Alignment(pieces), unphrased };
  };
}

/** One dictionary group over a text: its matches, converted, with each match that changed length as a piece. */
function step(trie: PhraseTrie, text: string): { out: string; pieces: Segment[] } {
  const pieces: Segment[] = [];
  let out = '';
  let a = 0;
  for (const segment of trie.segment(text)) {
    const converted = trie.convert(segment);
    if (converted.length !== segment.length) pieces.push({ aStart: a, aEnd: a + segment.length, bStart: out.length, bEnd: out.length + converted.length });
    a += segment.length;
    out += converted;
  }
  return { out, pieces };
}

function group(g: OpenCC.DictGroup): PhraseTrie {
  const trie = new PhraseTrie();
  trie.loadDictGroup(g);
  return trie;
}

function asGroup(dict: OpenCC.DictLike | OpenCC.DictGroup): OpenCC.DictGroup {
  return Array.isArray(dict) && dict.every((d) => typeof d === 'string' || Array.isArray(d) && Array.isArray(d[0])) && !(Array.isArray(dict[0]) && typeof dict[0][0] === 'string')
    ? (dict as OpenCC.DictGroup)
    : [dict as OpenCC.DictLike];
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
