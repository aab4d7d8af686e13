/**
 * Agencies (机关) and agency collectives (各区县政府, 有关单位): every name in a
 * responsibility note, the addressees, the issuer, the lexicon's
 * collectives, and the organs the organ-name grammar finds (organs.ts:
 * jurisdiction + organ + sub-units, on jieba's word boundaries). Each name gets a canonical form, so the short forms of one organ
 * are one entity: 市发改委 = 市发展改革委 = 成都市发展和改革委员会 when the
 * issuer is 成都市人民政府; 发展改革委 = 国家发展改革委 = 国家发展和改革委员会.
 */
import { boundaries as jiebaBoundaries, type Boundaries } from '../jieba.js';
import { agencyAbbreviations, agencyLexicon, type AgencyType } from '../lexicon.js';
import { jurisdictions } from './gazetteer.js';
import { findOrgans, type Organ } from './organs.js';
import type { Candidate } from './types.js';

/** Collectives: "各…", "有关…", "相关…", "…等部门", "市各相关单位", "国务院各部委、各直属机构", and organs listed with a shared head (葛店经开区、临空经济区管委会). */
const GROUP = /^(?:各|有关|相关|其他)|(?:有关|相关)(?:部门|单位)|(?:等|各)(?:部门|单位)$|各(?:部委|直属机构|成员单位)|、/;

/** A mark that ends a clause: no organ's name has one. */
const PROSE = /[，。；！？：,;!?:]/;

/** A class of organs, or an organ word with no jurisdiction, names no one organ: 司法机关, 公安机关, 法院 (离婚证书或法院判决书), 人民政府 (报人民政府批准). */
const CLASS = /^(?:公安|检察|司法|审判|行政|国家|执法|监察)?机关$|^(?:人民)?(?:法院|检察院)$|^(?:人民政府|地方政府|军队|军方|警方)$/;

export function agencyType(name: string): AgencyType {
  return GROUP.test(name) || CLASS.test(name) ? 'agencyGroup' : 'agency';
}

/** The administrative level of a division's name or a level word: 1 province … 4 township. */
function level(name: string): number {
  if (/(?:省|自治区|特别行政区)$/.test(name) || /^(?:北京|上海|天津|重庆)市$/.test(name)) return 1;
  if (/(?:市|州|盟|地区)$/.test(name)) return 2;
  if (/(?:区|县|旗)$/.test(name)) return 3;
  if (/(?:乡|镇|街道)$/.test(name)) return 4;
  return 0;
}

/**
 * An organ named with a bare level word below the document's jurisdiction
 * means the organ of whichever such division: 区人民政府 in a municipal
 * regulation of 北京市, 区住房城乡建设局 in a 江门市 document — a collective.
 */
function belowLocality(name: string, locality: string | null): boolean {
  if (!locality) return false;
  const word = /^(?:街道|[区县乡镇旗])/.exec(name)?.[0];
  return !!word && level(word) > level(locality) && level(locality) > 0;
}

const SUFFIX = /(?:委员会|办公厅|办公室|管委会|人民政府|政府|总局|局|委|厅|部|署|办)$/;

/**
 * The place an issuer governs: 成都市人民政府 → 成都市, 四川省知识产权局 → 四川省,
 * 四川省成都市锦江区人民政府 → 锦江区 (the innermost division the gazetteer
 * knows); null for the State Council, central organs and unknown issuers.
 */
export function issuerLocality(issuer: string | null): string | null {
  if (!issuer) return null;
  const gaz = jurisdictions();
  let at = 0;
  let inner: string | null = null;
  for (let step = 0; step < 4; step++) {
    let next = -1;
    for (let len = Math.min(12, issuer.length - at - 1); len >= 2; len--) {
      const j = gaz.get(issuer.slice(at, at + len));
      if (j && j.kind !== 'country' && j.full === issuer.slice(at, at + len)) {
        next = at + len;
        break;
      }
    }
    if (next < 0) break;
    inner = issuer.slice(at, next);
    at = next;
  }
  if (inner && SUFFIX.test(issuer.slice(at)) || (inner && /^(?:人民政府|政府|人民代表大会|委员会)/.test(issuer.slice(at)))) return inner;
  const m = /^(\p{Script=Han}{2,8}?[省市县区州])(?:人民政府|政府|办公厅|委员会|人民代表大会)/u.exec(issuer);
  return m ? m[1]! : null;
}

/** A central issuer: the State Council, a ministry or commission of the lexicon, the Party's and the NPC's central organs. */
export function isCentralIssuer(issuer: string | null): boolean {
  if (!issuer || issuerLocality(issuer)) return false;
  return lexiconByName().has(issuer) || /^(?:国务院|中共中央|中央|全国人民代表大会|全国人大|国家|中华人民共和国|最高人民)/.test(issuer);
}

/**
 * The canonical name of an organ: the prefix 市/省/区/县 resolved to the
 * issuer's locality, the short form below it expanded, a central short form
 * replaced by its full name. Two names of one organ (市经信局市新经济委) keep
 * both, each canonical, joined by ／.
 */
export function canonicalAgency(name: string, locality: string | null, central = false): string {
  const known = lexiconByName().get(name);
  if (known?.canonical) return known.canonical;
  if (known) return name;
  const twin = /^([市省区县])(.+?[局委办厅部])(\1.+)$/.exec(name);
  if (twin && SUFFIX.test(twin[2]!)) return `${canonicalAgency(twin[1]! + twin[2]!, locality)}／${canonicalAgency(twin[3]!, locality)}`;
  const abbreviations = agencyAbbreviations();
  const expand = (core: string) => abbreviations.get(core) ?? core;
  if (locality) {
    const level = locality.at(-1)!;
    if (name.startsWith(level) && !name.startsWith(locality)) return locality + expand(name.slice(1));
    if (name.startsWith(locality)) return locality + expand(name.slice(locality.length));
  }
  // a name that starts with a place: the place's full name, the organ's full name (成都发改委 → 成都市发展和改革委员会)
  const gaz = jurisdictions();
  for (let len = Math.min(12, name.length - 2); len >= 2; len--) {
    const j = gaz.get(name.slice(0, len));
    if (j && j.kind !== 'country' && SUFFIX.test(name)) return j.full + expand(name.slice(len).replace(/^[省市县区州]/, (c) => (j.full.endsWith(c) ? '' : c)));
  }
  // a bare organ takes the document's jurisdiction: 知识产权局 is 国家知识产权局 in a central document, 四川省知识产权局 in a provincial one
  if (SUFFIX.test(name) && !/^[国省市区县乡镇州]/.test(name)) {
    if (central) return nationalByBare().get(name) ?? name;
    if (locality) return locality + expand(name);
  }
  return name;
}

let national: Map<string, string> | undefined;
/** Central organs named 国家X in the lexicon, by X: 知识产权局 → 国家知识产权局. */
function nationalByBare(): Map<string, string> {
  if (!national) {
    national = new Map();
    for (const e of agencyLexicon()) {
      const full = e.canonical ?? e.name;
      if (e.type !== 'agency' || !full.startsWith('国家')) continue;
      for (const n of [e.name, full]) if (n.startsWith('国家') && !lexiconByName().has(n.slice(2))) national.set(n.slice(2), full);
    }
  }
  return national;
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

/**
 * The organ a document means by 本部, 本院, 本会, 本局 …: its issuer, the one of a
 * joint issuer whose name ends so (本部 in a 令 of 教育部 is 教育部); null for any
 * other name, or when no issuer or several end so.
 */
/** How a document names its own organ: 本部, 本院, 本会, 本中心 (group 1: the kind of organ). */
export const SELF_NAME = /^本(部|院|会|局|厅|委|署|府|处|室|办|所|馆|中心)$/u;

export function selfReference(name: string, issuer: string | null): string | null {
  const m = SELF_NAME.exec(name);
  if (!m || !issuer) return null;
  const mine = issuer.split(/[、，,]/u).filter((organ) => organ.endsWith(m[1]!) || (m[1] === '会' && organ.endsWith('委员会')));
  return mine.length === 1 ? mine[0]! : null;
}

export function findAgencies(text: string, boundaries: Boundaries, sources: AgencySources): Candidate[] {
  const locality = issuerLocality(sources.issuer);
  const central = isCentralIssuer(sources.issuer);
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const add = (name: string, type: AgencyType = agencyType(name)) => {
    if (name.length < 2 || seen.has(name)) return;
    seen.add(name);
    const self = selfReference(name, sources.issuer);
    if (self) {
      out.push({ type: 'agency', surface: name, key: self });
      return;
    }
    if (belowLocality(name, locality)) type = 'agencyGroup';
    out.push({ type, surface: name, key: type === 'agency' ? canonicalAgency(name, locality, central) : name });
  };
  // a name written as two organs one after the other (a joint issuer: 江门市住房和城乡建设局江门市财政局) is two agencies;
  // a name with a sentence mark inside is prose a title or a line gave (最新一期政府公报中，公布了市住建委): only the organs in it count
  for (const n of sources.named) {
    // an addressee item of whole organs joined by 、 is each of them (各房地产交易中心、市房屋状况信息中心); one whose names share a head stays one collective (葛店经开区、临空经济区管委会)
    const listed = n.name.includes('、') && !PROSE.test(n.name) ? n.name.split('、').map((part) => ({ part, organs: findOrgans(part, jiebaBoundaries(part)) })) : [];
    const whole = ({ part, organs }: { part: string; organs: Organ[] }) => organs.length === 1 && organs[0]!.start === 0 && organs[0]!.end === part.length;
    // (a part that opens with 各/有关/相关 is a collective of its own: 各房地产交易中心)
    if (listed.length > 0 && listed.some(whole) && listed.every((l) => whole(l) || /^(?:各|有关|相关)/.test(l.part))) {
      for (const l of listed) whole(l) ? add(l.organs[0]!.name, l.organs[0]!.group ? 'agencyGroup' : agencyType(l.organs[0]!.name)) : add(l.part, 'agencyGroup');
      continue;
    }
    const prose = PROSE.test(n.name);
    const parts = n.type === 'agencyGroup' && !prose ? [] : findOrgans(n.name, jiebaBoundaries(n.name));
    if (prose || (parts.length >= 2 && parts[0]!.start === 0 && parts.every((p, k) => k === 0 || p.start === parts[k - 1]!.end) && parts.at(-1)!.end === n.name.length)) {
      for (const p of parts) add(p.name, p.group ? 'agencyGroup' : agencyType(p.name));
    } else add(n.name, n.type);
  }
  // collectives of the lexicon by their whole name; organs by the grammar (organs.ts), which reads the lexicon's agencies too
  for (const entry of agencyLexicon()) if (entry.type === 'agencyGroup' && text.includes(entry.name)) add(entry.name, entry.type);
  for (const o of findOrgans(text, boundaries)) add(o.name, o.group ? 'agencyGroup' : agencyType(o.name));
  return out;
}
