/**
 * Agencies (机关) and agency collectives (各区县政府, 有关单位): every name in a
 * responsibility note, the addressees, the issuer, the lexicon, and
 * candidates matched by pattern — an administrative prefix + an organ suffix
 * that jieba confirms start and end on word boundaries (so 省决策部署 is no
 * organ). Each name gets a canonical form, so the short forms of one organ
 * are one entity: 市发改委 = 市发展改革委 = 成都市发展和改革委员会 when the
 * issuer is 成都市人民政府; 发展改革委 = 国家发展改革委 = 国家发展和改革委员会.
 */
import type { Boundaries } from '../jieba.js';
import { agencyAbbreviations, agencyLexicon, placeLexicon, type AgencyType } from '../lexicon.js';
import type { Candidate } from './types.js';

/** Collectives: "各…", "有关…", "相关…", "…等部门", "国务院各部委、各直属机构". */
const GROUP = /^(?:各|有关|相关|其他)|有关(?:部门|单位)|(?:等|各)(?:部门|单位)$|各(?:部委|直属机构|成员单位)/;

export function agencyType(name: string): AgencyType {
  return GROUP.test(name) ? 'agencyGroup' : 'agency';
}

/** Administrative prefixes an organ name starts with, and the suffixes it ends with. */
const PREFIX = /^(?:国家|国务院|自治区|省|市|区|县|州)/;
/** The first characters of PREFIX: most word starts are ruled out without a slice. */
const PREFIX_FIRST = new Set(['国', '自', '省', '市', '区', '县', '州']);
const SUFFIX = /(?:委员会|办公厅|办公室|管委会|人民政府|政府|总局|局|委|厅|部|署|办)$/;
const HAN_ONLY = /^\p{Script=Han}+$/u;
/** Function words never found inside an organ name (和 is: 工业和信息化部, 发展和改革委员会 — but not 科技局和财政局). */
const NOT_IN_NAME = /[的与及在对为把被是了着从将以等由]/;
const TWO_ORGANS = /(?:局|委|厅|部|署|办|委员会|办公室)和|关于|转发|印发|通知|意见/;
const MAX_NAME = 14;
/** Words that end in an organ suffix character but name no organ (部署, 布局, 全部 …). */
const NOT_AN_ORGAN = new Set(['部署', '布局', '格局', '全局', '局部', '全部', '内部', '外部', '干部', '西部', '东部', '中部', '南部', '北部', '部分', '开办', '举办', '创办', '承办', '主办', '督办', '协办', '兴办', '怎么办', '结局', '大局', '局面']);

/**
 * Pattern candidates: from each word start with an administrative prefix, the
 * longest run of Han characters that ends on a word boundary with an organ suffix.
 */
function patternNames(text: string, b: Boundaries, locality: string | null): string[] {
  const found: string[] = [];
  // a name may also start with the issuer's place or a known city or province: 成都市发展和改革委员会
  const byFirst = placesByFirstCharacter();
  const placePrefix = (s: number) =>
    (locality !== null && text.startsWith(locality, s)) ||
    (byFirst.get(text[s]!) ?? []).some((p) => text.startsWith(p, s) && /[省市县区]/.test(text[s + p.length] ?? ''));
  for (let s = 0; s < text.length; s++) {
    if (!b.starts[s] || !((PREFIX_FIRST.has(text[s]!) && PREFIX.test(text.slice(s, s + 3))) || placePrefix(s))) continue;
    for (let e = Math.min(text.length, s + MAX_NAME); e >= s + 3; e--) {
      const tokenStart = b.startOfTokenEndingAt[e]!;
      if (tokenStart < 0) continue;
      const name = text.slice(s, e);
      if (HAN_ONLY.test(name) && SUFFIX.test(name) && !NOT_IN_NAME.test(name) && !TWO_ORGANS.test(name) && !NOT_AN_ORGAN.has(text.slice(tokenStart, e))) {
        found.push(name);
        break;
      }
    }
  }
  return found;
}

/** The place an issuer governs: 成都市人民政府 → 成都市; null for the State Council and unknown issuers. */
export function issuerLocality(issuer: string | null): string | null {
  if (!issuer) return null;
  const m = /^(\p{Script=Han}{2,8}?[省市县区州])(?:人民政府|政府|办公厅|委员会|人民代表大会)/u.exec(issuer);
  return m ? m[1]! : null;
}

/**
 * The canonical name of an organ: the prefix 市/省/区/县 resolved to the
 * issuer's locality, the short form below it expanded, a central short form
 * replaced by its full name. Two names of one organ (市经信局市新经济委) keep
 * both, each canonical, joined by ／.
 */
export function canonicalAgency(name: string, locality: string | null): string {
  const central = lexiconByName().get(name)?.canonical;
  if (central) return central;
  const twin = /^([市省区县])(.+?[局委办厅部])(\1.+)$/.exec(name);
  if (twin && SUFFIX.test(twin[2]!)) return `${canonicalAgency(twin[1]! + twin[2]!, locality)}／${canonicalAgency(twin[3]!, locality)}`;
  const abbreviations = agencyAbbreviations();
  const expand = (core: string) => abbreviations.get(core) ?? core;
  if (locality) {
    const level = locality.at(-1)!;
    if (name.startsWith(level) && !name.startsWith(locality)) return locality + expand(name.slice(1));
    if (name.startsWith(locality)) return locality + expand(name.slice(locality.length));
  }
  return name;
}

let firstCharacters: Map<string, string[]> | undefined;
/** Known places grouped by their first character, so a word start is checked against a few names only. */
function placesByFirstCharacter(): Map<string, string[]> {
  if (!firstCharacters) {
    firstCharacters = new Map();
    for (const p of placeLexicon().keys()) firstCharacters.set(p[0]!, [...(firstCharacters.get(p[0]!) ?? []), p]);
  }
  return firstCharacters;
}

let byName: Map<string, { canonical: string | null }> | undefined;
function lexiconByName(): Map<string, { canonical: string | null }> {
  byName ??= new Map(agencyLexicon().map((e) => [e.name, e]));
  return byName;
}

export interface AgencySources {
  /** Names written in responsibility notes, the addressees and the issuer. */
  named: { name: string; type?: AgencyType }[];
  issuer: string | null;
}

export function findAgencies(text: string, boundaries: Boundaries, sources: AgencySources): Candidate[] {
  const locality = issuerLocality(sources.issuer);
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const add = (name: string, type: AgencyType = agencyType(name)) => {
    if (name.length < 2 || seen.has(name)) return;
    seen.add(name);
    out.push({ type, surface: name, key: type === 'agency' ? canonicalAgency(name, locality) : name });
  };
  for (const n of sources.named) add(n.name, n.type);
  for (const entry of agencyLexicon()) if (text.includes(entry.name)) add(entry.name, entry.type);
  for (const name of patternNames(text, boundaries, locality)) add(name);
  return out;
}
