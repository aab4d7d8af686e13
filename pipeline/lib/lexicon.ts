/**
 * The lexicon folder: data files, not code. Read once per process.
 * agencies.tsv — name<TAB>type per line, # comments.
 * protected.tsv — zh-Hans<TAB>zh-Hant<TAB>type<TAB>why: names OpenCC must not
 * convert character by character.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './project.js';

export type AgencyType = 'agency' | 'agencyGroup';

export interface LexiconEntry {
  name: string;
  type: AgencyType;
  /** The organ's full name, when the name is a short form. */
  canonical: string | null;
}

let agencies: LexiconEntry[] | undefined;

export function agencyLexicon(): readonly LexiconEntry[] {
  agencies ??= dataLines(join(projectRoot(), 'lexicon', 'agencies.tsv')).map(({ fields, where }) => {
    const [name, type, canonical] = fields;
    if (!name || (type !== 'agency' && type !== 'agencyGroup')) {
      throw new Error(`${where}: expected "name<TAB>agency|agencyGroup[<TAB>canonical]", got "${fields.join('\t')}"`);
    }
    return { name, type, canonical: canonical || null };
  });
  return agencies;
}

export type ProtectedType = 'place' | 'agency' | 'programme' | 'term';

export interface ProtectedEntry {
  hans: string;
  hant: string;
  type: ProtectedType;
}

const PROTECTED_TYPES = new Set<string>(['place', 'agency', 'programme', 'term']);
let protectedEntries: ProtectedEntry[] | undefined;

/** The protected vocabulary (lexicon/protected.tsv), read once. */
export function protectedLexicon(): readonly ProtectedEntry[] {
  if (!protectedEntries) {
    const file = join(projectRoot(), 'lexicon', 'protected.tsv');
    protectedEntries = dataLines(file).map(({ fields, where }) => {
      const [hans, hant, type] = fields;
      if (!hans || !hant || !type || !PROTECTED_TYPES.has(type)) {
        throw new Error(`${where}: expected "zh-Hans<TAB>zh-Hant<TAB>place|agency|programme|term[<TAB>why]", got "${fields.join('\t')}"`);
      }
      return { hans, hant, type: type as ProtectedType };
    });
  }
  return protectedEntries;
}

/** Non-comment, non-blank lines of a tab-separated lexicon file, with file:line for errors. */
function dataLines(file: string): { fields: string[]; where: string }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, index) => ({ line, where: `${file}:${index + 1}` }))
    .filter(({ line }) => line.trim() !== '' && !line.startsWith('#'))
    .map(({ line, where }) => ({ fields: line.split('\t').map((f) => f.trim()), where }));
}

let ambiguous: Map<string, string[]> | undefined;

/** One-to-many Simplified characters and their Traditional forms (lexicon/ambiguous.tsv). */
export function ambiguousCharacters(): ReadonlyMap<string, readonly string[]> {
  ambiguous ??= new Map(
    dataLines(join(projectRoot(), 'lexicon', 'ambiguous.tsv')).map(({ fields, where }) => {
      const [hans, forms] = fields;
      const list = forms?.split(/\s+/).filter(Boolean) ?? [];
      if (!hans || [...hans].length !== 1 || list.length < 2) throw new Error(`${where}: expected "character<TAB>form form…", got "${fields.join('\t')}"`);
      return [hans, list] as const;
    }),
  );
  return ambiguous;
}

export type TermCategory = (typeof TERM_CATEGORIES)[number];
export type PlaceKind = (typeof PLACE_KINDS)[number];

const TERM_CATEGORIES = ['technology', 'industry', 'field', 'material'] as const;
const PLACE_KINDS = ['province', 'city', 'district', 'zone', 'region'] as const;

let terms: ReadonlyMap<string, TermCategory> | undefined;
let places: ReadonlyMap<string, PlaceKind> | undefined;
let abbreviations: ReadonlyMap<string, string> | undefined;

/**
 * A two-column lexicon file as a map from its first column to its second;
 * `values` lists what the second column may hold (any non-empty text when omitted).
 */
function twoColumns<V extends string>(file: string, format: string, values?: readonly V[]): ReadonlyMap<string, V> {
  return new Map(
    dataLines(join(projectRoot(), 'lexicon', file)).map(({ fields, where }) => {
      const [key, value] = fields;
      if (!key || !value || (values && !values.includes(value as V))) throw new Error(`${where}: expected "${format}", got "${fields.join('\t')}"`);
      return [key, value as V] as const;
    }),
  );
}

/** Technologies, industries, fields and materials (lexicon/technologies.tsv). */
export function termLexicon(): ReadonlyMap<string, TermCategory> {
  terms ??= twoColumns('technologies.tsv', 'term<TAB>technology|industry|field|material', TERM_CATEGORIES);
  return terms;
}

/** Places by name (lexicon/places.tsv). */
export function placeLexicon(): ReadonlyMap<string, PlaceKind> {
  places ??= twoColumns('places.tsv', 'name<TAB>province|city|district|zone|region', PLACE_KINDS);
  return places;
}

/** Short forms of organ names under a prefix, and their full forms (lexicon/agency-abbreviations.tsv). */
export function agencyAbbreviations(): ReadonlyMap<string, string> {
  abbreviations ??= twoColumns('agency-abbreviations.tsv', 'short<TAB>full');
  return abbreviations;
}

const TAG_OF: Record<ProtectedType | AgencyType | TermCategory | PlaceKind, string> = {
  place: 'ns', agency: 'nt', agencyGroup: 'nt', programme: 'nz', term: 'n',
  technology: 'nz', industry: 'nz', field: 'nz', material: 'nz',
  province: 'ns', city: 'ns', district: 'ns', zone: 'ns', region: 'ns',
};
/** Frequency given to lexicon names in jieba's user dictionary (jieba's own words run from 1 to ~10⁶). */
const USER_FREQUENCY = 1000;

/**
 * jieba's user dictionary, one "word frequency tag" line per entry: the
 * hand-kept jieba-user.dict.utf8 plus every name of agencies.tsv,
 * protected.tsv, technologies.tsv and places.tsv, so the whole lexicon
 * segments whole.
 */
export function userDictionaryLines(): string[] {
  const lines = readFileSync(join(projectRoot(), 'lexicon', 'jieba-user.dict.utf8'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  for (const a of agencyLexicon()) lines.push(`${a.name} ${USER_FREQUENCY} ${TAG_OF[a.type]}`);
  for (const p of protectedLexicon()) lines.push(`${p.hans} ${USER_FREQUENCY} ${TAG_OF[p.type]}`);
  for (const [term, category] of termLexicon()) lines.push(`${term} ${USER_FREQUENCY} ${TAG_OF[category]}`);
  for (const [name, kind] of placeLexicon()) lines.push(`${name} ${USER_FREQUENCY} ${TAG_OF[kind]}`);
  return lines;
}
