/**
 * extract: named entities as stand-off annotations over the zh-Hans text.
 *
 * This cut finds agencies (机关) and agency collectives (各区县政府, 有关单位):
 * every name in a responsibility note, the addressees, the issuer, lexicon
 * entries, and candidates matched by pattern (administrative prefix + organ
 * suffix) that jieba confirms start and end on word boundaries. Each distinct
 * name is one entity; its mentions are all its occurrences, longest names
 * claiming a stretch of text first.
 */
import { tokenBoundaries } from '../lib/jieba.js';
import { agencyLexicon, type AgencyType } from '../lib/lexicon.js';
import type { Range } from '../lib/sentences.js';
import type { Segmented } from './segment.js';

export interface ExtractedEntity {
  id: string;
  type: AgencyType;
  name: string;
  mentions: Range[];
}

export interface Extracted {
  entities: ExtractedEntity[];
  /** Entity id of a name, for linking notes to entities. */
  idOf: (name: string) => string | undefined;
}

/** Collectives: "各…", "有关…", "相关…", "…等部门". */
const GROUP = /^(?:各|有关|相关|其他)|有关(?:部门|单位)|(?:等|各)(?:部门|单位)$/;

export function agencyType(name: string): AgencyType {
  return GROUP.test(name) ? 'agencyGroup' : 'agency';
}

/** Administrative prefixes an organ name starts with, and the suffixes it ends with. */
const PREFIX = /^(?:国家|国务院|自治区|省|市|区|县|州)/;
const SUFFIX = /(?:委员会|办公厅|办公室|管委会|人民政府|政府|局|委|厅|部|署|办)$/;
const HAN_ONLY = /^\p{Script=Han}+$/u;
/** Function words never found inside an organ name. */
const NOT_IN_NAME = /[的和与及在对为把被是了着从将以等由]/;
const MAX_NAME = 14;
/** Words that end in an organ suffix character but name no organ (部署, 布局, 全部 …). */
const NOT_AN_ORGAN = new Set(['部署', '布局', '格局', '全局', '局部', '全部', '内部', '外部', '干部', '西部', '东部', '中部', '南部', '北部', '部分', '开办', '举办', '创办', '承办', '主办', '督办', '协办', '兴办', '怎么办', '结局', '大局', '局面']);

/**
 * Pattern candidates: from each word start with an administrative prefix, the
 * longest run of Han characters that ends on a word boundary with an organ
 * suffix. jieba's boundaries reject 省决策部 (of 省决策部署).
 */
function agencyCandidates(text: string): string[] {
  const { starts, ends, lastWordEndingAt } = tokenBoundaries(text);
  const found: string[] = [];
  for (const s of [...starts].sort((a, b) => a - b)) {
    if (!PREFIX.test(text.slice(s, s + 3))) continue;
    for (let e = Math.min(text.length, s + MAX_NAME); e >= s + 3; e--) {
      if (!ends.has(e)) continue;
      const name = text.slice(s, e);
      if (HAN_ONLY.test(name) && SUFFIX.test(name) && !NOT_IN_NAME.test(name) && !NOT_AN_ORGAN.has(lastWordEndingAt.get(e) ?? '')) {
        found.push(name);
        break;
      }
    }
  }
  return found;
}

export function extract(text: string, seg: Segmented): Extracted {
  const names = new Map<string, AgencyType>();
  const add = (name: string, type = agencyType(name)) => {
    if (name.length >= 2 && !names.has(name)) names.set(name, type);
  };
  for (const note of seg.notes) for (const ref of [...note.lead, ...note.support]) add(ref.name);
  for (const r of seg.addressees) add(text.slice(r.start, r.end));
  if (seg.issuer) add(text.slice(seg.issuer.start, seg.issuer.end), 'agency');
  for (const entry of agencyLexicon()) if (text.includes(entry.name)) add(entry.name, entry.type);

  for (const name of agencyCandidates(text)) add(name);

  // mentions: longest names first, each character claimed once
  const claimed = new Uint8Array(text.length);
  const entities: ExtractedEntity[] = [];
  const byLength = [...names.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  for (const name of byLength) {
    const mentions: Range[] = [];
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      if (claimed.subarray(at, at + name.length).some((c) => c === 1)) continue;
      claimed.fill(1, at, at + name.length);
      mentions.push({ start: at, end: at + name.length });
    }
    if (mentions.length === 0) continue;
    const type = names.get(name)!;
    entities.push({ id: `${type}:${name}`, type, name, mentions });
  }
  entities.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start || (a.id < b.id ? -1 : 1));
  const ids = new Map(entities.map((e) => [e.name, e.id]));
  return { entities, idOf: (name) => ids.get(name) };
}
