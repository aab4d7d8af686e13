/**
 * Technologies and industries: the lexicon's terms, and terms it lacks found
 * by the patterns policy writers use —
 *   - an enumeration closed by its kind: 攻关A、B、C等核心技术 / …等细分领域 /
 *     …等新一代先进核能系统核心技术 / …等产业 / …等材料: every item;
 *   - 攻关X (X up to the next mark); 培育X细分领域 / X赛道 (one field, no enumeration);
 *   - 发展X产业 / 培育X产业: X产业.
 * The head word gives the category: 技术/装备/系统 → technology, 材料 →
 * material, 产业 → industry, 领域/赛道/方向 → field.
 */
import { termLexicon, type TermCategory } from '../lexicon.js';
import { stripLeading } from './leading.js';
import type { Candidate } from './types.js';

const HEADS: [RegExp, TermCategory][] = [
  [/(?:技术|装备|系统|设备|器件|工艺|路线)$/, 'technology'],
  [/材料$/, 'material'],
  [/(?:产业|产业链|集群)$/, 'industry'],
  [/(?:领域|细分领域|赛道|方向)$/, 'field'],
];
/**
 * 等 + up to 12 characters + a head that ends the phrase (a mark or a word
 * such as 研发 follows): the end of an enumeration of terms. 等未来产业人才
 * is no such end: 产业 does not end its phrase there.
 */
const ENUMERATION_END = /等([^，。；：、“”（）\n]{0,12}?(?:技术|装备|系统|设备|器件|材料|产业|领域|赛道|方向))(?=[，。；、）\n]|研发|攻关|突破|创新|研究|开发|布局|应用|制备|$)/g;
/** Words that make an item prose, an institution or a bare generic word, not a term. */
const NOT_A_TERM = /[的了着是为把被将与其这那此各该对在]|^(?:等|和|及|或)|(?:体系|生态|能力|机制|环境|氛围|水平|作用|工作|问题|需求|优势|基础|方面|能级|实验室|中心|平台|基地|机构|高校|企业|园区|大学|研究院|院所|集团)$/;
/** A modifier after a term: 石墨烯薄膜规模化 → 石墨烯薄膜. */
const TRAILING = /(?:规模化|产业化|商业化|工程化|集成化|应用|研发|制备)$/;
const MIN = 3;
const MAX = 16;

function category(head: string): TermCategory {
  for (const [pattern, c] of HEADS) if (pattern.test(head)) return c;
  return 'technology';
}

function isTerm(item: string, lexicon: ReadonlyMap<string, TermCategory>): boolean {
  if (lexicon.has(item)) return true;
  return item.length >= MIN && item.length <= MAX && /^[\p{Script=Han}A-Za-z0-9+.-]+$/u.test(item) && /\p{Script=Han}/u.test(item) && !NOT_A_TERM.test(item);
}

/** `lexicon` is the term list (lexicon/technologies.tsv); an empty one measures what the patterns find alone. */
export function findTerms(text: string, lexicon: ReadonlyMap<string, TermCategory> = termLexicon()): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const add = (found: string, c: TermCategory) => {
    const term = found.replace(TRAILING, '');
    if (seen.has(term) || !isTerm(term, lexicon)) return;
    seen.add(term);
    out.push({ type: c === 'industry' ? 'industry' : 'technology', surface: term, key: term, category: c });
  };
  for (const [term, c] of lexicon) if (text.includes(term)) add(term, c);

  ENUMERATION_END.lastIndex = 0;
  for (let m = ENUMERATION_END.exec(text); m; m = ENUMERATION_END.exec(text)) {
    const c = category(m[1]!);
    // the enumeration runs back to the clause's start
    const clauseStart = Math.max(text.lastIndexOf('，', m.index), text.lastIndexOf('。', m.index), text.lastIndexOf('；', m.index), text.lastIndexOf('：', m.index), text.lastIndexOf('\n', m.index)) + 1;
    const items = text.slice(clauseStart, m.index).split('、');
    items[0] = stripLeading(items[0]!);
    for (const item of items) add(item.trim(), /产业$/.test(item) ? 'industry' : c);
  }
  for (const m of text.matchAll(/攻关([^，。；：、“”（）\n等]{2,16})(?=[，。；])/g)) add(m[1]!, category(m[1]!));
  // one field named with its kind and no enumeration: 重点培育超级高铁细分领域
  for (const m of text.matchAll(/(?:培育|发展|布局)([^，。；：、“”（）\n等]{2,12}?)(?:细分领域|新赛道|赛道)/g)) add(m[1]!, 'field');
  for (const m of text.matchAll(/(?:发展|培育|壮大|做强)([\p{Script=Han}]{2,10}产业)(?=[，。；、])/gu)) add(stripLeading(m[1]!), 'industry');
  return out;
}
