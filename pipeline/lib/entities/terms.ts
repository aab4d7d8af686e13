/**
 * Technologies and industries: the lexicon's terms, and terms it lacks found
 * by the patterns policy writers use —
 *   - an enumeration closed by its kind: 攻关A、B、C等核心技术 / …等细分领域 /
 *     …等新一代先进核能系统核心技术 / …等产业 / …等材料: every item;
 *   - 攻关X (X up to the next mark); 培育X细分领域 / X赛道 (one field, no enumeration);
 *   - 发展X产业 / 培育X产业: X产业;
 *   - an enumeration with no closing kind after a launching verb, when its
 *     items read as technologies (统筹推进人工智能、区块链、大数据等。);
 *   - a single X技术 / X产业 / X装备 / X芯片 / X器件 outside any list,
 *     X the noun phrase jieba's words give back to the verb, 的 or mark
 *     before it (采用充填采矿技术, 通过无线电技术赋能, 推动…综合利用产业规模化),
 *     with the items before it that share its head (A技术、B和C技术);
 *   - 新一代X (新一代高速固定宽带和移动通信网络: two terms).
 * The head word gives the category: 技术/装备/系统 → technology, 材料 →
 * material, 产业 → industry, 领域/赛道/方向 → field.
 */
import { termLexicon, type TermCategory } from '../lexicon.js';
import { segmenter } from '../jieba.js';
import { FUNCTION_TAGS, isLeadingWord, stripLeading } from './leading.js';
import { namesIn } from './names-in.js';
import type { Candidate } from './types.js';

const HEADS: [RegExp, TermCategory][] = [
  [/(?:技术|装备|系统|设备|器件|工艺|路线)$/, 'technology'],
  [/材料$/, 'material'],
  [/(?:产业|产业链|集群|服务业|行业|业态)$/, 'industry'],
  [/(?:领域|细分领域|赛道|方向|新模式)$/, 'field'],
];
/**
 * 等 + up to 12 characters + a head that ends the phrase (a mark or a word
 * such as 研发 follows): the end of an enumeration of terms. 等未来产业人才
 * is no such end: 产业 does not end its phrase there.
 */
const ENUMERATION_END = /等([^，。；：、“”（）\n的]{0,12}?(?:技术|装备|系统|设备|器件|材料|产业|服务业|行业|业态|新模式|领域|赛道|方向))(?=[，。；、）\n]|(?<=技术|产业|行业)[的在]|为重点|发展|研发|攻关|突破|创新|研究|开发|布局|应用|制备|提质|升级|转型|融合|集聚|持续|取得|实现|加快|向|基地|集群|数字化|智能化|绿色化|$)/g;
/** An enumeration whose closing word is a verb: 推动量子科技、生物制造、…、生命科学等成为新的经济增长点. */
const ENUMERATION_BEFORE_VERB = /等(?=成为|实现|取得)/g;
/** Words that make an item prose, an institution or a bare generic word, not a term. */
const NOT_A_TERM = /[的了着是为把被将与其这那此各该对]|在(?!线)|^(?:等|和|及|或|提供|提交|持|取得|实现)|^(?:新兴产业|未来产业|传统产业|战略性新兴产业|优势产业|传统优势产业|新质生产力)$|^(?:相关|有关|其他|其它)|事业$|(?:合同|发票|户口本|结婚证|证明|许可|使用|证书|收据|协议|申请表|备案表)$|(?:体系|生态|能力|机制|环境|氛围|水平|作用|工作|问题|需求|优势|基础|方面|能级|实验室|中心|平台|基地|机构|高校|企业|园区|大学|研究院|院所|集团|协会|联盟|组织)$/;
/** A modifier after a term: 石墨烯薄膜规模化 → 石墨烯薄膜. */
const TRAILING = /(?:规模化|产业化|商业化|工程化|集成化|应用|研发|制备)$/;
/** What every list counted by its scale holds (2个万亿级). */
const SCALE = /\d个[万千百亿]+级/;
const MIN = 3;
const GENERIC_ASPECT = /^(?:材料|制造|设计|研发|服务|应用|生产|工艺|装备|技术|产品|平台|数据|系统|设备|检测|测试|运维|管理)$/;
const MAX = 16;

/** What an item of an enumeration without a closing kind must look like, for half of the items at least: a technology's words. */
const TECHNOLOGICAL = /智能|智慧|电商|数据|数字|网络|互联网|计算|通信|量子|芯片|半导体|软件|算法|区块链|物联|云|卫星|机器人|无人|自动驾驶|传感|电池|储能|氢|核|光伏|生物|基因|医药|新材料|新能源|航空|航天|技术|装备|制造/u;
/**
 * A head that ends a name of its own outside any list (材料 only before 领域 or 产业: 申请材料,
 * 验收材料, 购买建筑材料 are paperwork and purchases), and what may follow it
 * (a mark, a conjunction, or a word of developing or applying it): 技术人才,
 * 技术设施, 技术标准, 产业政策 are no such ends. The head is matched before
 * the character behind it is looked at (a lookbehind that opens the pattern is
 * tried at every offset: nine times the scan's time); no head is another's
 * suffix, so the lookbehind sees the head just matched.
 */
const SINGLE_HEAD = /(?:(技术|产业|装备|芯片|器件|服务业)(?<=[\p{Script=Han}A-Za-z0-9](?:技术|产业|装备|芯片|器件|服务业))(?=[，。；、：）\n]|和|与|及|等|的|在|创新|应用|研发|研究|攻关|突破|赋能|成果|推广|改造|发展|集群|集聚|规模化|高质量|转型|升级|融合|生态|领域|基地|$)|(材料)(?<=[\p{Script=Han}A-Za-z0-9]材料)(?=领域|产业(?!化)))/gu;
/** A modifier that makes X技术 / X产业 a generic kind, not a name: 关键技术, 新兴产业, 相关产业, 产品技术. */
const GENERIC_MODIFIER = /^(?:关键|核心|关键核心|核心关键|先进|先进适用|适用|新|高|高新|前沿|共性|基础|底层|专业|相关|有关|各类|各项|信息|数字|科学|实用|传统|现代|成熟|主要|重要|重大|原创|颠覆性|引领性|生产|工程|管理|安全|绿色|低碳|本地|地方|区域|重点|主导|特色|支柱|优势|新兴|未来|战略性新兴|先导|实体|其他|其它|上述|此类|同类|配套|关联|上下游|这些|国家|国际|国内|产品|设备|工艺|新型|高端|智能|关键基础|通用|一般|整体|全|本|该|此|各|有|技术|高质量|生产性|生活性|服务|世界级|外向型|融合|驱动|企业|高能级|现代化|数据|计算|新质生产力|战略性|基础性|先导性|支柱性|全局性|未来产业|新兴产业)$/u;
/** Words that qualify without naming (关键共性技术, 新兴支柱产业, 前沿引领技术, 现代工程技术), longest first: a phrase made of them only is generic. */
const GENERIC_PREFIX = new RegExp(`^(?:${[...new Set([...GENERIC_MODIFIER.source.slice(4, -2).split('|'), '共性', '支柱', '引领', '工程', '数字经济', '领域', '行业', '超常规', '举措'])].sort((a, b) => b.length - a.length).join('|')})`, 'u');
/** Words after which a noun phrase starts: the launching verbs of leading.ts and the ones that introduce a means. */
const PHRASE_OPENERS = new Set(['采用', '通过', '运用', '借助', '依靠', '使用', '以', '用', '对', '将', '把', '从', '向', '为', '或', '等', '的', '是', '在', '于', '其', '促进', '推广']);

/**
 * The noun phrase that ends `window` (the text before a head): jieba's words
 * back to the last verb of leading.ts, function word or 的. Undefined when the
 * window was cut before such a word (`atClauseStart` false): its start is unknown.
 */
function nounPhrase(window: string, atClauseStart: boolean): string | undefined {
  const tags = segmenter().tag(window);
  let k = tags.length;
  // 和/及/与 join two names inside the phrase (粪便垫料回用和水肥一体化施用技术, 软件和信息技术服务业); the caller splits them
  while (k > 0 && (!isOpener(tags[k - 1]!) || /^[和及与]$/.test(tags[k - 1]!.word))) k--;
  // …和技术: the head stands alone (规划和技术, 科技创新和产业); one conjunction at most
  if (/^[和及与]/.test(tags[k]?.word ?? '') || /^[和及与]$/.test(tags.at(-1)?.word ?? '') || tags.slice(k).filter((t) => /^[和及与]$/.test(t.word)).length > 1) return undefined;
  if (k === 0 && !atClauseStart) return undefined;
  const words = tags.slice(k);
  // a phrase that opens with a verb, a place, or an unknown word followed by more, is a clause or a local label (适应产业, 郑洛先进材料), not a name
  if (words.length === 0 || /^(?:v|vd|vg|ns)$/.test(words[0]!.tag) || (words[0]!.tag === 'x' && words.length > 1) || words.some((t) => isLeadingWord(t.word))) return undefined;
  const phrase = words.map((t) => t.word).join('');
  return phrase.length >= 2 ? phrase : undefined;
}

/** What follows the last launching verb of leading.ts still inside an item (部门应当支持和规范在线教育 → 在线教育); the item when none is. */
function afterLastVerb(item: string): string {
  const tags = segmenter().tag(item);
  let k = tags.length - 1;
  while (k >= 0 && !isLeadingWord(tags[k]!.word)) k--;
  const rest = tags.slice(k + 1).map((t) => t.word).join('');
  return k >= 0 && rest.length >= 2 ? rest : item;
}

/** A word a noun phrase cannot reach back over: a verb of leading.ts (or two: 发展壮大), a function word, an idiom (因地制宜), a number or quantity (4个千亿级). */
function isOpener(t: { word: string; tag: string }): boolean {
  return PHRASE_OPENERS.has(t.word) || isLeadingWord(t.word) || (isLeadingWord(t.word.slice(0, 2)) && isLeadingWord(t.word.slice(-2))) ||
    FUNCTION_TAGS.has(t.tag) || t.tag === 'q' || t.tag === 'i' || /^[0-9０-９一二两三四五六七八九十百千万亿几多]/u.test(t.word) && t.tag === 'm' || !/[\p{Script=Han}A-Za-z]/u.test(t.word);
}

/** A phrase that only qualifies its head (关键共性, 新兴支柱, 无线电新, 技术 before 装备): no name. */
function isGeneric(phrase: string): boolean {
  const words = segmenter().tag(phrase).map((t) => t.word);
  // 新一代先进核能系统核心 + 技术: jieba's last word (系统核心) may hide a qualifier at the end
  if (GENERIC_MODIFIER.test(words.at(-1)!) || /(?:核心|关键|共性|前沿|相关|有关|配套)$/u.test(phrase)) return true;
  // made of qualifiers only (先进适用技术: 先进 + 适用 + 技术)
  let rest = phrase;
  for (let cut = GENERIC_PREFIX.exec(rest); cut && rest; cut = GENERIC_PREFIX.exec(rest)) rest = rest.slice(cut[0].length);
  return rest === '';
}

/** Where the clause that ends at `end` starts: after the nearest of `marks`, looking back at most `limit` characters (so a text without those marks costs no more than that per call: linear). */
function clauseStart(text: string, end: number, marks: string, limit = 200): number {
  const stop = Math.max(0, end - limit);
  for (let i = end - 1; i >= stop; i--) if (marks.includes(text[i]!)) return i + 1;
  return stop;
}

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
  const listed = new Set<string>();
  const present = namesIn(text, lexicon);
  for (const [term, c] of lexicon) if (present.has(term)) {
    add(term, c);
    listed.add(term);
  }
  /** Each item of an enumeration; a pair joined by 及/和/与 is two items (新能源及绿色低碳, 生物医药和高端医疗器械). */
  const enumeration = (clause: string, c: TermCategory) => {
    // an earlier enumeration closed in the same clause is not part of this one: 教育、体育等部门应当支持在线教育、在线旅游等新模式
    const items = clause.slice(clause.lastIndexOf('等') + 1).split('、');
    // the verbs before the first item: jieba's tags, then any launching verb left (全链条推动铝精深加工, 统筹推动现代农业)
    items[0] = afterLastVerb(stripLeading(items[0]!).replace(/^.{1,8}?(?:推动|推进|加快|发展|培育|聚焦|布局|打造|支持|突破|攻关)(?=.{2})/u, ''));
    // in a list of three or more closed by its kind, a two-character item is a term too (钢铁、化工、建材等传统优势产业)
    const min = items.length >= 3 ? 2 : MIN;
    for (const item of items) {
      // (a two-character first part only when both end alike, 氢能和核聚变能: 基因及细胞治疗 is 基因治疗 and 细胞治疗, kept whole)
      const pair = /^(\p{Script=Han}{2,10})[及和与](\p{Script=Han}{2,10})$/u.exec(item.trim());
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
    const start = clauseStart(text, m.index, '，。；：\n');
    // the kind closes the list: 在市政管理、城市交通等领域深化数字技术应用 names the fields where a technology is applied, not technologies
    if (/^(?:领域|行业|方向|赛道).+/u.test(m[1]!)) continue;
    enumeration(text.slice(start, m.index), c);
  }
  ENUMERATION_BEFORE_VERB.lastIndex = 0;
  for (let m = ENUMERATION_BEFORE_VERB.exec(text); m; m = ENUMERATION_BEFORE_VERB.exec(text)) {
    const start = clauseStart(text, m.index, '，。；：\n');
    // a list of three or more: a single name before 等成为 is a subject, not an enumeration
    if (text.slice(start, m.index).split('、').length >= 3) enumeration(text.slice(start, m.index), 'technology');
  }
  // a list of three or more that share their head, without 等: 发展智能制造、绿色制造、服务型制造，
  for (const m of text.matchAll(/(?:发展|培育|聚焦|布局|推动|壮大|突破|向)((?:[\p{Script=Han}]{2,10}、){2,}[\p{Script=Han}]{2,10}?)(?=[，。；]|全面|转型|融合|协同)/gu)) {
    const items = m[1]!.split('、');
    const head = items[0]!.slice(-2);
    if (/^(?:制造|技术|材料|能源|装备|器件|芯片|医药|通信|计算|智能|汽车|产业)$/.test(head) && items.every((i) => i.endsWith(head))) for (const i of items) add(i, category(i));
  }
  // a list counted by its scale: 打造新一代信息技术、新能源及智能网联汽车2个万亿级和高端装备、新材料4个千亿级产业集群
  // (every match holds a digit, 个, a scale and 级: a text without them, most texts, is not searched from every Han character)
  if (SCALE.test(text)) for (const m of text.matchAll(/((?:[\p{Script=Han}]{2,12}、)+[\p{Script=Han}]{2,12})\d+个[万千百亿]+级/gu)) {
    const clause = m[1]!.replace(/^.*[和及]?\d+个[万千百亿]+级和/u, '');
    enumeration(clause, 'industry');
  }
  for (const m of text.matchAll(/攻关([^，。；：、“”（）\n等]{2,16})(?=[，。；])/g)) add(m[1]!, category(m[1]!));
  // one field named with its kind and no enumeration: 重点培育超级高铁细分领域
  for (const m of text.matchAll(/(?:培育|发展|布局)([^，。；：、“”（）\n等]{2,12}?)(?:细分领域|新赛道|赛道)/g)) add(m[1]!, 'field');
  for (const m of text.matchAll(/(?:发展|培育|壮大|做强)([\p{Script=Han}]{2,10}产业)(?=[，。；、])/gu)) add(stripLeading(m[1]!), 'industry');
  // an enumeration with no closing kind, after a launching verb: 统筹推进人工智能、区块链、大数据、隐私计算等。
  for (const m of text.matchAll(/(?:推进|推动|支持|发展|培育|布局|聚焦|突破|攻关|壮大)((?:[^，。；：、“”（）\n等]{2,16}、){2,}[^，。；：、“”（）\n等]{2,16})等(?=[，。；])/gu)) {
    const items = m[1]!.split('、');
    if (items.filter((i) => TECHNOLOGICAL.test(i)).length * 2 >= items.length) enumeration(m[1]!, 'technology');
  }
  // the thing whose development is promoted, when it reads as a technology: 支持互联网医院发展, 促进数字乡村和智慧农业创新发展
  for (const m of text.matchAll(/(?:支持|促进|推动|推进|鼓励|加快)([\p{Script=Han}]{2,12}?)(?:创新|高质量|高水平|规范健康|健康|融合|快速|有序|持续)?发展/gu)) {
    const x = m[1]!;
    const words = segmenter().tag(x);
    // no verb inside, no place before it (京津冀区域数字经济); things that merge are several (推动导航传感通信深度融合发展)
    if (words.some((t) => isLeadingWord(t.word)) || words[0]!.tag === 'ns' || /融合|深度$|协同$/.test(m[0])) continue;
    const pair = /^(\p{Script=Han}{2,8})[和及与](\p{Script=Han}{2,8})$/u.exec(x);
    // each part a technology's (数字技术与实体经济: neither)
    for (const part of pair ? [pair[1]!, pair[2]!] : [x]) if (TECHNOLOGICAL.test(part) && !isGeneric(part)) add(part, /产业$/.test(part) ? 'industry' : 'technology');
  }
  // 新一代X: one name, or two joined by 和/及 (新一代高速固定宽带和移动通信网络)
  for (const m of text.matchAll(/新一代([\p{Script=Han}A-Za-z0-9]{2,16}?)(?=[，。；、：）\n]|等|的|$)/gu)) {
    // a name ends in a noun: 新一代煤电升级专项行动 and 新一代居民身份证后 are no terms; …等新一代先进核能系统核心技术 closes a list with a kind
    if (!/^(?:n|nz|nt|eng|j|l)$/.test(segmenter().tag(m[1]!).at(-1)!.tag) || /(?:核心|关键|共性|基础|前沿)技术$/.test(m[1]!)) continue;
    const pair = /^(\p{Script=Han}{2,8})[和及与](\p{Script=Han}{3,8})$/u.exec(m[1]!);
    if (pair) {
      add(`新一代${pair[1]}`, category(pair[1]!));
      add(pair[2]!, category(pair[2]!));
    } else add(`新一代${m[1]}`, category(m[1]!));
  }
  // a single X技术 / X产业 / X装备 …: the noun phrase before the head, and the items before it that share the head
  for (const m of text.matchAll(SINGLE_HEAD)) {
    const head = m[1] ?? m[2]!;
    const end = m.index;
    const itemStart = clauseStart(text, end, '，。；：、（）“”\n', 15);
    const window = text.slice(Math.max(itemStart, end - 14), end);
    const phrase = nounPhrase(window, itemStart >= end - 14 && (itemStart === 0 || '，。；：、（）“”\n'.includes(text[itemStart - 1]!)));
    // 粪便垫料回用和水肥一体化施用技术: the part before 和 is an item of its own
    const joined = /^(\p{Script=Han}{3,8})[和及与](\p{Script=Han}{2,10})$/u.exec(phrase ?? '');
    const x = joined ? joined[2]! : phrase;
    if (!x || isGeneric(x)) continue;
    const c = category(head);
    const before = out.length;
    add(x + head, c);
    if (out.length === before) continue;
    if (joined && !isGeneric(joined[1]!)) add(joined[1]!, c);
    // A技术、B和C技术: the items before share the head
    if (text[itemStart - 1] === '、') {
      // each item a noun phrase of its own; the first one after its verbs (利用资源、环境条件发展生态农业 is no list of names)
      const items = text.slice(clauseStart(text, itemStart - 1, '，。；：（）\n'), itemStart - 1).replace(/^.*的/u, '').split('、');
      const first = nounPhrase(items[0]!, true);
      if (first && items.every((i, k) => i.length <= MAX && (k === 0 || nounPhrase(i, true) === i))) enumeration([first, ...items.slice(1)].join('、'), c);
    }
  }
  // a listed name written only inside a longer name found is no mention of its own: 医疗器械 in 高端医疗器械, 核聚变 in 核聚变能
  return out.filter((t) => !listed.has(t.surface) || !onlyInside(text, t.surface, out.map((u) => u.surface).filter((u) => u !== t.surface && u.includes(t.surface))));
}

/** Whether every occurrence of `term` in `text` lies inside an occurrence of one of `longer` (each of which contains it). */
function onlyInside(text: string, term: string, longer: string[]): boolean {
  if (longer.length === 0) return false;
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
    const covered = longer.some((u) => {
      for (let k = u.indexOf(term); k >= 0; k = u.indexOf(term, k + 1)) if (i - k >= 0 && text.startsWith(u, i - k)) return true;
      return false;
    });
    if (!covered) return false;
  }
  return true;
}
