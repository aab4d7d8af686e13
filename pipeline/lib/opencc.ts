/**
 * OpenCC conversion, loaded once per process, variant and direction, when a
 * text first needs it: a text with no character that the direction's
 * dictionaries could change is its own conversion (`changes`: the characters
 * of every entry that changes its source, at the places it changes them), so
 * a Simplified document loads the Traditional→Simplified tries only when it
 * holds a character they could change (覆, as in 答覆). The tries of a
 * direction are built from opencc-js's dictionaries once and kept as a
 * prepared file of flat arrays (lib/prepared.ts, lib/phrase-trie.ts): later
 * processes read them (s2t: ≈ 5–8 ms instead of 0.3–0.4 s to build), and
 * the script-character table and the `changes` sets likewise. The memo holds
 * pure functions only, so sharing it between documents changes no result.
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
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as OpenCCTypes from 'opencc-js';
import { Alignment, type Segment } from './alignment.js';
import { protectedLexicon } from './lexicon.js';
import { FlatTrie, PhraseTrie, type FlatTrieData } from './phrase-trie.js';
import { fromPrepared, pack, packCode, preparedPath, unpack } from './prepared.js';

const require = createRequire(import.meta.url);

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

export type Pair = readonly [string, string];

interface Config {
  normalizationChain?: OpenCCTypes.DictGroup[];
  segmentation?: OpenCCTypes.DictLike | OpenCCTypes.DictGroup;
  conversionChain: OpenCCTypes.DictGroup[];
}

/**
 * opencc-js's configurations, required (its CommonJS build: the same
 * dictionaries as its ES module, tested) only when a direction's tries or the
 * script characters are built, not when they are read from prepared files.
 */
function openccConfig(name: string): Config {
  const config = (require('opencc-js') as { Locale: { configs: Record<string, Config> } }).Locale.configs[name];
  if (!config) throw new Error(`opencc-js has no configuration ${name}`);
  return config;
}

/** The protected vocabulary as (Simplified, Traditional) pairs, the Simplified→Traditional direction's. */
function protectedPairs(): Pair[] {
  return protectedLexicon().map((e) => [e.hans, e.hant] as const);
}

/** Each direction's extra words: the protected names, each way. */
function pairsOf(direction: 'toHans' | 'toHant'): Pair[] {
  const pairs = protectedPairs();
  return direction === 'toHant' ? pairs : pairs.map(([h, t]) => [t, h] as const);
}

let codeMemo: (string | Uint8Array)[] | undefined;

/**
 * What a prepared OpenCC file is made of (part of its name): opencc-js's
 * dictionaries (its bundle's path, size and time), this module and the trie
 * layout, and the words added to the dictionaries (the protected names) — a
 * changed dictionary or word list, or a rebuild, prepares the files anew.
 */
function ingredients(pairs: readonly Pair[]): (string | Uint8Array)[] {
  if (!codeMemo) {
    const bundle = require.resolve('opencc-js');
    const stat = statSync(bundle);
    codeMemo = [
      bundle,
      String(stat.size),
      String(stat.mtimeMs),
      readFileSync(fileURLToPath(import.meta.url)),
      readFileSync(fileURLToPath(new URL(`./phrase-trie${extname(import.meta.url)}`, import.meta.url))),
      packCode(),
    ];
  }
  return [...codeMemo, JSON.stringify(pairs)];
}

/** A name for everything the conversions are made of: what another prepared file made with them names among its ingredients. */
export function openccVersion(): string {
  return preparedPath('opencc', ingredients(protectedPairs()), 'bin');
}

/** The prepared file of a configuration's tries with these added words. */
export function preparedTriesFile(name: string, pairs: readonly Pair[]): string {
  return preparedPath(`opencc-${name}`, ingredients(pairs), 'bin');
}

const memo = new Map<Variant, ScriptConverters>();

export function converters(variant: Variant = 't'): ScriptConverters {
  let c = memo.get(variant);
  if (!c) {
    const toHansAligned = direction(variant, 'toHans');
    const toHantAligned = direction(variant, 'toHant');
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
 * One direction of a variant: a text without a character the direction can
 * change is returned as it is; any other, and any text whose watched
 * characters are asked for (a watched character standing alone is reported
 * even where its first choice is itself), loads the tries, once.
 */
function direction(variant: Variant, way: 'toHans' | 'toHant'): (text: string, watch?: ReadonlySet<string>) => Aligned {
  let convert: ((text: string, watch?: ReadonlySet<string>) => Aligned) | undefined;
  let changes: Uint8Array | undefined;
  return (text, watch) => {
    changes ??= scriptCharacters(variant)[way === 'toHans' ? 'toHansChanges' : 'toHantChanges'];
    if (!watch && !changesAny(text, changes)) return { text, alignment: new Alignment([]), unphrased: [] };
    convert ??= converter(directionTries(OPENCC_CONFIG[variant][way], pairsOf(way)));
    return convert(text, watch);
  };
}

/** Whether the text holds a character of the set (a bit per code point). */
export function changesAny(text: string, bits: Uint8Array): boolean {
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      c = text.codePointAt(i)!;
      if (c > 0xffff) i++;
    }
    if ((bits[c >> 3]! & (1 << (c & 7))) !== 0) return true;
  }
  return false;
}

/**
 * Characters that only one script uses, read from the character dictionaries
 * of the two conversions: a character the Traditional→Simplified chain maps
 * to another is Traditional-only (國), one the Simplified→Traditional chain
 * maps to another is Simplified-only (国). Script detection counts them
 * without converting the text. With them, for each direction, the characters
 * it can change (`changes`). Built once from the dictionaries and kept as a
 * prepared file of bytes.
 */
export interface ScriptCharacters {
  /** By code point (below 0x40000): 1 Traditional-only, 2 Simplified-only, 0 either. */
  byCodePoint: Uint8Array;
  /**
   * A bit per code point (bit cp & 7 of byte cp >> 3): a character that some
   * entry of the direction's dictionaries (normalisation, conversion, the
   * protected names) changes where it stands in the entry's source — in a
   * source whose length the entry changes, every character. A text with none
   * of them converts to itself: every match of the conversion is then an
   * entry that keeps its source.
   */
  toHansChanges: Uint8Array;
  toHantChanges: Uint8Array;
}

const BY_CODE_POINT = 0x40000;
const CHANGE_BYTES = 0x110000 >> 3;

const charactersMemo = new Map<Variant, ScriptCharacters>();

export function scriptCharacters(variant: Variant = 't'): ScriptCharacters {
  let c = charactersMemo.get(variant);
  if (!c) {
    c = fromPrepared(
      preparedPath(`opencc-characters-${variant}`, ingredients(protectedPairs()), 'bin'),
      (f) => checkedCharacters(unpack(readFileSync(f)) as ScriptCharacters),
      () => buildScriptCharacters(variant),
      pack,
    );
    charactersMemo.set(variant, c);
  }
  return c;
}

function checkedCharacters(c: ScriptCharacters): ScriptCharacters {
  const ok = (a: unknown, length: number) => a instanceof Uint8Array && a.length === length;
  if (!ok(c?.byCodePoint, BY_CODE_POINT) || !ok(c.toHansChanges, CHANGE_BYTES) || !ok(c.toHantChanges, CHANGE_BYTES)) throw new TypeError('Not the script characters');
  return c;
}

/** The script characters as the dictionaries give them (what the prepared file holds). */
export function buildScriptCharacters(variant: Variant): ScriptCharacters {
  const { toHans, toHant } = OPENCC_CONFIG[variant];
  const byCodePoint = new Uint8Array(BY_CODE_POINT);
  for (const cp of changedCharacters(toHant)) if (cp < byCodePoint.length) byCodePoint[cp] = 2;
  // a character both chains change counts as Traditional, as detectScript always counted it
  for (const cp of changedCharacters(toHans)) if (cp < byCodePoint.length) byCodePoint[cp] = 1;
  return { byCodePoint, toHansChanges: changingCharacters(toHans, pairsOf('toHans')), toHantChanges: changingCharacters(toHant, pairsOf('toHant')) };
}

function entriesOf(dict: OpenCCTypes.DictLike): Iterable<readonly [string, string]> {
  return typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ') as [string, string]) : dict;
}

function changedCharacters(name: string): Set<number> {
  const config = openccConfig(name);
  const out = new Set<number>();
  for (const group of config.conversionChain) {
    for (const dict of group) {
      for (const [from, to] of entriesOf(dict)) {
        if (from && to && from !== to && [...from].length === 1) out.add(from.codePointAt(0)!);
      }
    }
  }
  return out;
}

/** The `changes` set of a configuration with its extra words (added to its first group, kept as they are by the others). */
function changingCharacters(name: string, pairs: readonly Pair[]): Uint8Array {
  const config = openccConfig(name);
  const bits = new Uint8Array(CHANGE_BYTES);
  const mark = (ch: string) => {
    const cp = ch.codePointAt(0)!;
    bits[cp >> 3]! |= 1 << (cp & 7);
  };
  const entry = (from: string, to: string | undefined) => {
    if (to === undefined || from === to) return;
    const a = [...from];
    const b = [...to];
    if (a.length !== b.length) a.forEach(mark);
    else a.forEach((ch, k) => ch !== b[k] && mark(ch));
  };
  for (const group of [...(config.normalizationChain ?? []), ...config.conversionChain]) {
    for (const dict of group) for (const [from, to] of entriesOf(dict)) entry(from, to);
  }
  for (const [from, to] of pairs) entry(from, to);
  return bits;
}

/** One direction's tries: normalisation, segmentation, the conversion chain's groups. */
export interface DirectionTries {
  normalize: FlatTrie[] | null;
  segmenter: FlatTrie | null;
  chain: FlatTrie[];
}

/** How this process got each configuration's tries (a probe for tests: a Simplified document loads no t2s). */
const loadedTries = new Map<string, 'built' | 'read'>();

export function openccTriesLoaded(): ReadonlyMap<string, 'built' | 'read'> {
  return loadedTries;
}

/** A direction's tries, from its prepared file, else built from the dictionaries (and kept). */
export function directionTries(name: string, pairs: readonly Pair[]): DirectionTries {
  let how: 'built' | 'read' = 'read';
  const tries = fromPrepared(
    preparedTriesFile(name, pairs),
    (f) => readTries(readFileSync(f)),
    () => {
      how = 'built';
      return buildTries(name, pairs);
    },
    writeTries,
  );
  loadedTries.set(name, how);
  return tries;
}

export function writeTries(t: DirectionTries): Uint8Array {
  return pack({ normalize: t.normalize?.map((x) => x.data) ?? null, segmenter: t.segmenter?.data ?? null, chain: t.chain.map((x) => x.data) });
}

export function readTries(bytes: Uint8Array): DirectionTries {
  const d = unpack(bytes) as { normalize: FlatTrieData[] | null; segmenter: FlatTrieData | null; chain: FlatTrieData[] };
  if (!d || !Array.isArray(d.chain) || !(d.normalize === null || Array.isArray(d.normalize))) throw new TypeError('Not OpenCC tries');
  return { normalize: d.normalize?.map((x) => new FlatTrie(x)) ?? null, segmenter: d.segmenter ? new FlatTrie(d.segmenter) : null, chain: d.chain.map((x) => new FlatTrie(x)) };
}

/** A direction's tries built from opencc-js's dictionaries: the protected names go into the segmentation and every group. */
export function buildTries(name: string, pairs: readonly Pair[]): DirectionTries {
  const config = openccConfig(name);
  const normalize = config.normalizationChain?.map((g) => group(g).flatten()) ?? null;
  const segmenter = config.segmentation ? group(asGroup(config.segmentation)) : null;
  for (const [source] of pairs) segmenter?.addWord(source, source);
  const chain = config.conversionChain.map((g, k) => {
    const trie = group(g);
    for (const [source, target] of pairs) {
      if (k === 0) trie.addWord(source, target);
      else trie.addWord(target, target);
    }
    return trie.flatten();
  });
  return { normalize, segmenter: segmenter?.flatten() ?? null, chain };
}

function converter(tries: DirectionTries): (text: string, watch?: ReadonlySet<string>) => Aligned {
  const { normalize, segmenter, chain } = tries;

  // OpenCC converts each segment of the segmentation on its own; a configuration without one
  // (s2t, t2s: a single group) converts by that group's longest matches, which are its segments
  const units = (normalized: string): string[] =>
    segmenter ? segmenter.segment(normalized) : chain.length === 1 ? chain[0]!.segment(normalized) : [normalized];
  // where the units are the single group's own segments (s2t, t2s), one pass segments and converts
  const only = !segmenter && chain.length === 1 ? chain[0]! : null;

  /** One line: OpenCC phrases never span a line break, so lines convert on their own and memory stays per line. */
  const convertLine = (text: string, at: number, pieces: Segment[], outAt: number, watch: ReadonlySet<string> | undefined, unphrased: number[]): string => {
    const normalized = normalize ? normalize.reduce((s, t) => t.convert(s), text) : text;
    // a unit of one character is a character no phrase covered (a one-unit character: looked up by its unit)
    const watching = watch ? oneUnitTable(watch) : undefined;
    const watchUnit = (from: number, to: number) => {
      if (to - from === 1 && watching![normalized.charCodeAt(from)] === 1) unphrased.push(at + from);
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

const unitTables = new WeakMap<ReadonlySet<string>, Uint8Array>();
/** 1 for the UTF-16 unit of each one-unit string of the set (made once per set). */
function oneUnitTable(set: ReadonlySet<string>): Uint8Array {
  let table = unitTables.get(set);
  if (!table) {
    table = new Uint8Array(0x10000);
    for (const s of set) if (s.length === 1) table[s.charCodeAt(0)] = 1;
    unitTables.set(set, table);
  }
  return table;
}

/** One dictionary group over a text: its matches, converted, with each match that changed length as a piece. */
function step(trie: FlatTrie, text: string): { out: string; pieces: Segment[] } {
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

function group(g: OpenCCTypes.DictGroup): PhraseTrie {
  const trie = new PhraseTrie();
  trie.loadDictGroup(g);
  return trie;
}

function asGroup(dict: OpenCCTypes.DictLike | OpenCCTypes.DictGroup): OpenCCTypes.DictGroup {
  return Array.isArray(dict) && dict.every((d) => typeof d === 'string' || Array.isArray(d) && Array.isArray(d[0])) && !(Array.isArray(dict[0]) && typeof dict[0][0] === 'string')
    ? (dict as OpenCCTypes.DictGroup)
    : [dict as OpenCCTypes.DictLike];
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
