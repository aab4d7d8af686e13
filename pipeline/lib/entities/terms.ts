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
  [/(?:产业|产业链|集群|服务业)$/, 'industry'],
  [/(?:领域|细分领域|赛道|方向)$/, 'field'],
];
/**
 * 等 + up to 12 characters + a head that ends the phrase (a mark or a word
 * such as 研发 follows): the end of an enumeration of terms. 等未来产业人才
 * is no such end: 产业 does not end its phrase there.
 */
const ENUMERATION_END = /等([^，。；：、“”（）\n的]{0,12}?(?:技术|装备|系统|设备|器件|材料|产业|服务业|领域|赛道|方向))(?=[，。；、）\n]|研发|攻关|突破|创新|研究|开发|布局|应用|制备|提质|升级|转型|融合|集聚|持续|取得|实现|加快|向|基地|集群|数字化|智能化|绿色化|$)/g;
/** An enumeration whose closing word is a verb: 推动量子科技、生物制造、…、生命科学等成为新的经济增长点. */
const ENUMERATION_BEFORE_VERB = /等(?=成为|实现|取得)/g;
/** Words that make an item prose, an institution or a bare generic word, not a term. */
const NOT_A_TERM = /[的了着是为把被将与其这那此各该对在]|^(?:等|和|及|或|提供|提交|持|取得|实现)|^(?:新兴产业|未来产业|传统产业|战略性新兴产业|优势产业|传统优势产业)$|(?:合同|发票|户口本|结婚证|证明|许可|使用|证书|收据|协议|申请表|备案表)$|(?:体系|生态|能力|机制|环境|氛围|水平|作用|工作|问题|需求|优势|基础|方面|能级|实验室|中心|平台|基地|机构|高校|企业|园区|大学|研究院|院所|集团)$/;
/** A modifier after a term: 石墨烯薄膜规模化 → 石墨烯薄膜. */
const TRAILING = /(?:规模化|产业化|商业化|工程化|集成化|应用|研发|制备)$/;
const MIN = 3;
const GENERIC_ASPECT = /^(?:材料|制造|设计|研发|服务|应用|生产|工艺|装备|技术|产品|平台|数据|系统|设备|检测|测试|运维|管理)$/;
const MAX = 16;

function category(head: string): TermCategory {
  for (const [pattern, c] of HEADS) if (pattern.test(head)) return c;
  return 'technology';
}

function isTerm(item: string, lexicon: ReadonlyMap<string, TermCategory>, min = MIN): boolean {
  if (lexicon.has(item)) return true;
  return item.length >= min && item.length <= MAX && /^[\p{Script=Han}A-Za-z0-9+.-]+$/u.test(item) && /\p{Script=Han}/u.test(item) && !NOT_A_TERM.test(item);
}

/** `lexicon` is the term list (lexicon/technologies.tsv); an empty one measures what the patterns find alone. */
export function findTerms(text: string, lexicon: ReadonlyMap<string, TermCategory> = termLexicon()): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const add = (found: string, c: TermCategory, min = MIN) => {
    const term = found.replace(TRAILING, '');
    if (seen.has(term) || !isTerm(term, lexicon, min)) return;
    seen.add(term);
    out.push({ type: c === 'industry' ? 'industry' : 'technology', surface: term, key: term, category: c });
  };
  for (const [term, c] of lexicon) if (text.includes(term)) add(term, c);
  /** Each item of an enumeration; a pair joined by 及/和/与 is two items (新能源及绿色低碳, 生物医药和高端医疗器械). */
  const enumeration = (clause: string, c: TermCategory) => {
    const items = clause.split('、');
    // the verbs before the first item: jieba's tags, then any launching verb left (全链条推动铝精深加工, 统筹推动现代农业)
    items[0] = stripLeading(items[0]!).replace(/^.{1,8}?(?:推动|推进|加快|发展|培育|聚焦|布局|打造|支持|突破|攻关)(?=.{2})/u, '');
    // in a list of three or more closed by its kind, a two-character item is a term too (钢铁、化工、建材等传统优势产业)
    const min = items.length >= 3 ? 2 : MIN;
    for (const item of items) {
      // (a two-character first part only when both end alike, 氢能和核聚变能: 基因及细胞治疗 is 基因治疗 and 细胞治疗, kept whole)
      const pair = /^(\p{Script=Han}{2,8})[及和与](\p{Script=Han}{2,8})$/u.exec(item.trim());
      const split = pair && !/(?:服务业|产业)$/.test(item) && (pair[1]!.length >= 3 || pair[1]!.at(-1) === pair[2]!.at(-1));
      const parts = split ? [pair[1]!, pair[2]!] : [item.trim()];
      // a two-character aspect of a technology (设计、材料、制造) is no term of its own
      for (const part of parts) if (!(part.length === 2 && GENERIC_ASPECT.test(part))) add(part, /产业$/.test(part) ? 'industry' : c, min);
    }
  };

  ENUMERATION_END.lastIndex = 0;
  for (let m = ENUMERATION_END.exec(text); m; m = ENUMERATION_END.exec(text)) {
    const c = category(m[1]!);
    // the enumeration runs back to the clause's start
    const clauseStart = Math.max(text.lastIndexOf('，', m.index), text.lastIndexOf('。', m.index), text.lastIndexOf('；', m.index), text.lastIndexOf('：', m.index), text.lastIndexOf('\n', m.index)) + 1;
    enumeration(text.slice(clauseStart, m.index), c);
  }
  ENUMERATION_BEFORE_VERB.lastIndex = 0;
  for (let m = ENUMERATION_BEFORE_VERB.exec(text); m; m = ENUMERATION_BEFORE_VERB.exec(text)) {
    const clauseStart = Math.max(text.lastIndexOf('，', m.index), text.lastIndexOf('。', m.index), text.lastIndexOf('；', m.index), text.lastIndexOf('：', m.index), text.lastIndexOf('\n', m.index)) + 1;
    // a list of three or more: a single name before 等成为 is a subject, not an enumeration
    if (text.slice(clauseStart, m.index).split('、').length >= 3) enumeration(text.slice(clauseStart, m.index), 'technology');
  }
  // a list of three or more that share their head, without 等: 发展智能制造、绿色制造、服务型制造，
  for (const m of text.matchAll(/(?:发展|培育|聚焦|布局|推动|壮大|突破|向)((?:[\p{Script=Han}]{2,10}、){2,}[\p{Script=Han}]{2,10}?)(?=[，。；]|全面|转型|融合|协同)/gu)) {
    const items = m[1]!.split('、');
    const head = items[0]!.slice(-2);
    if (/^(?:制造|技术|材料|能源|装备|器件|芯片|医药|通信|计算|智能|汽车|产业)$/.test(head) && items.every((i) => i.endsWith(head))) for (const i of items) add(i, category(i));
  }
  // a list counted by its scale: 打造新一代信息技术、新能源及智能网联汽车2个万亿级和高端装备、新材料4个千亿级产业集群
  for (const m of text.matchAll(/((?:[\p{Script=Han}]{2,12}、)+[\p{Script=Han}]{2,12})\d+个[万千百亿]+级/gu)) {
    const clause = m[1]!.replace(/^.*[和及]?\d+个[万千百亿]+级和/u, '');
    enumeration(clause, 'industry');
  }
  for (const m of text.matchAll(/攻关([^，。；：、“”（）\n等]{2,16})(?=[，。；])/g)) add(m[1]!, category(m[1]!));
  // one field named with its kind and no enumeration: 重点培育超级高铁细分领域
  for (const m of text.matchAll(/(?:培育|发展|布局)([^，。；：、“”（）\n等]{2,12}?)(?:细分领域|新赛道|赛道)/g)) add(m[1]!, 'field');
  for (const m of text.matchAll(/(?:发展|培育|壮大|做强)([\p{Script=Han}]{2,10}产业)(?=[，。；、])/gu)) add(stripLeading(m[1]!), 'industry');
  return out;
}
