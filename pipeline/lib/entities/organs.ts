/**
 * The organ-name grammar: `[jurisdiction…][organ][sub-unit…]`, read from
 * left to right over plain text, with jieba's word boundaries as evidence
 * that a name starts and ends where a word does (省决策部署 is no organ; 美军
 * is not in 中美军事); nothing inside 《…》 or a quoted form's name
 * (“教育部学历证书电子注册备案表”) is a mention.
 *
 * - jurisdiction: a real administrative division at any level or its short
 *   form (gazetteer.ts: 四川省/四川, 成都市/成都, 杨浦区, 东华门街道), a country
 *   (美国, 俄罗斯; 美/俄/日… only before an armed service), 驻 + a place
 *   (美国驻格鲁吉亚大使馆), and the level words alone (国家, 中央, 省, 市, 区,
 *   县, 乡, 镇 …: 市住建委); several in a row (上海市杨浦区法院).
 * - organ: a closed word (政府, 人民政府, 法院, 检察院, 公安局, 派出所, 警方,
 *   政协, 人大常委会, 党委, 海军 …), a central organ or short form of
 *   `lexicon/agencies.tsv` (国务院, 财政部, 央行, 银监会), or — after a
 *   jurisdiction — an open name: a few words ending in an organ suffix (局,
 *   厅, 委, 委员会, 部, 署, 办, 办公室, 处, 科, 所, 站, 队, 中心, 司 …:
 *   武汉市国土房产局, 市住房保障管理中心); without a jurisdiction an open name
 *   counts only when jieba reads it as one word (教育局, 国土资源局).
 * - sub-units nest after the organ (福建省公安厅经侦总队, 国家发展改革委财政金融司,
 *   德军总部).
 *
 * Guards: a name ends on a word boundary, so a person's title is not part of it
 * (局长王某: 局长 is one word, 公安局长 never yields 公安局); nothing inside a
 * book or film title (《…》) is a mention; function words (的, 与, 和 between
 * two organs …) never sit inside a name.
 */
import type { Boundaries } from '../jieba.js';
import { isHanUnit } from '../cjk.js';
import { agencyLexicon } from '../lexicon.js';
import { PairFilter } from '../pair-filter.js';
import { StringTable, stringTableData } from '../string-table.js';
import { COUNTRY_SHORT, jurisdictionAt, jurisdictions, nameLengthsAt, type Jurisdiction } from './gazetteer.js';

export interface Organ {
  start: number;
  end: number;
  name: string;
  /** The jurisdictions the name starts with, outermost first (full names). */
  jurisdictions: Jurisdiction[];
  /** The foreign country, for a foreign government body (美国国务院, 美军). */
  country: string | null;
  /** A collective rather than one organ (监管部门, 各区县政府, 国务院有关部门). */
  group: boolean;
}

/** Level words that may stand for the jurisdiction of the document (市住建委, 省政府). */
const LEVEL_WORDS = ['中华人民共和国', '国家', '中央', '中国', '全国', '中共', '自治区', '省', '市', '区', '县', '乡', '镇', '州', '旗'];
/** Generic jurisdictions of laws and plans: 县级以上地方, 省级, 各区县 (collectives). */
const GENERIC_JURISDICTION = /^(?:县级以上(?:地方)?各级|县级以上(?:地方)?|省级以上|市级以上|设区的市级以上|地方各级|各级|省级|市级|县级|区级|乡级|各省|各市|各区县|各区（市）县|各区|各县|地方)/;

/** The first UTF-16 units of the generic jurisdictions' alternatives: at another, none can match. */
const GENERIC_FIRST = new Set(GENERIC_JURISDICTION.source.replace(/^\^\(\?:|\)$/g, '').split('|').map((w) => w.charCodeAt(0)));
/** GENERIC_JURISDICTION tried where it stands (sticky, lastIndex set): no slice of the text. */
const GENERIC_AT = new RegExp(GENERIC_JURISDICTION.source.slice(1), 'y');
/** The level words by their first UTF-16 unit, in LEVEL_WORDS' order. */
const LEVEL_BY_FIRST = new Map<number, string[]>();
for (const w of LEVEL_WORDS) LEVEL_BY_FIRST.set(w.charCodeAt(0), [...(LEVEL_BY_FIRST.get(w.charCodeAt(0)) ?? []), w]);

/** Organs that stand alone (no jurisdiction needed): the closed part of the grammar. */
const STANDALONE = [
  '人民政府', '中央政府', '地方政府', '联邦政府', '临时政府', '法院', '人民法院', '最高人民法院', '高级人民法院', '中级人民法院',
  '基层人民法院', '检察院', '人民检察院', '最高人民检察院', '警方', '公安机关', '检察机关', '司法机关', '审判机关', '行政机关', '派出所',
  '公安局', '公安厅', '公安分局', '军方', '军队', '海军', '空军', '陆军', '海军陆战队', '海军航空兵', '解放军', '人民解放军',
  '武警', '国会', '议会', '参议院', '众议院', '白宫', '美联储', '中央银行', '红军', '八路军', '新四军', '志愿军', '中国人民志愿军', '政协', '人大', '人大常委会', '党中央', '街道办', '街道办事处',
  '居委会', '村委会', '管委会', '自卫队', '海上自卫队', '陆上自卫队', '航空自卫队', '防卫省', '外务省', '内阁', '国防部', '外交部',
  '大使馆', '使馆', '领事馆', '总领事馆', '海关', '警署', '警察局', '市政府', '省政府', '区政府', '县政府', '镇政府', '乡政府',
];
/** Organs only after a jurisdiction: 仙游县委, 武汉市委, 美军, 上海高院. */
const AFTER_JURISDICTION = ['政府', '部队', '特种部队', '市委', '省委', '县委', '区委', '州委', '委', '党委', '军', '政府军', '中院', '高院', '大军', '舰队', '司令部', '人民代表大会', '人民代表大会常务委员会', '常委会', '纪委', '监委'];
/** Suffixes of open organ names and of sub-units. */
const SUFFIX = /(?:委员会|办公室|办公厅|管委会|管理局|总局|总署|分局|中心|总队|支队|大队|中队|司令部|兵团|舰队|部门|局|厅|委|部|署|办|处|科|所|站|司)$/;
/** Suffixes an open name may end in without a jurisdiction (教育局, 住建委, 监管部门): not 部, 中心, 所, 司 (信贷部, 购物中心, 有限公司). */
const BEFORE_BARE = /[的在向从由和与及对将把被为经是据、到给让同跟称说等]/;
const SUFFIX_WORD = /^(?:局|委|厅|署|管理局|总局|委员会|办公室)$/;
const BARE_SUFFIX = /(?:委员会|总局|总署|局|委|厅|署|部门)$/;
/** Sub-unit words that need no open part (德军总部, 美军特种部队). */
const SUB_CLOSED = ['总部', '司令部', '部队', '特种部队', '陆战队', '海军陆战队', '海军', '空军', '陆军', '舰队', '办公室', '办公厅', '派出所', '分局', '法庭'];
/** Words that end in a suffix character but name no organ. */
const NOT_AN_ORGAN = new Set([
  '部署', '布局', '格局', '全局', '局部', '全部', '内部', '外部', '干部', '西部', '东部', '中部', '南部', '北部', '部分', '开办', '举办',
  '创办', '承办', '主办', '督办', '协办', '兴办', '怎么办', '结局', '大局', '局面', '总部', '本部', '俱乐部', '头部', '底部', '顶部', '腹部',
  '胸部', '面部', '背部', '市中心', '中心', '核心', '重心', '圆心', '市区', '城区', '郊区', '社区', '小区', '园区', '景区', '地区', '商务', '队伍',
  '团队', '球队', '车队', '排队', '入队', '站队', '车站', '网站', '站站', '加油站', '处所', '场所', '住所', '厕所', '诊所', '研究所', '事务所',
  '交易所', '会所', '处处', '到处', '好处', '坏处', '长处', '短处', '相处', '之处', '出处', '共处', '司司', '公司', '上司', '官司', '分公司',
  '部门', '委委', '办办', '查处', '地处', '签署', '多部', '宴会厅', '大厅', '餐厅', '客厅', '展厅', '歌厅', '舞厅', '前厅', '常委', '科室', '有所', '去处', '交界处', '平局', '变局', '董事局', '赌局', '骗局', '饭局', '棋局', '开局', '残局', '牌局', '时局', '政局',
  '游戏厅', '营业厅', '报告厅', '贵宾厅', '火车站', '客站', '营业部', '门市部', '编辑部', '事业部', '俱乐部', '学科', '本科', '专科', '外科', '内科', '牙科', '儿科', '理科', '文科', '工科', '部部', '全科',
]);
/** Two-character endings no organ has (总体布局, 转业干部, 城区公办), whatever jieba made of the words before. */
const NEVER_END = new Set(['布局', '格局', '全局', '大局', '结局', '局面', '部署', '干部', '全部', '内部', '外部', '局部', '开办', '举办', '创办', '承办', '主办',
  '督办', '协办', '兴办', '公办', '民办', '平局', '变局', '查处', '地处', '签署', '去处', '有所', '场所', '住所', '处所', '总部', '本部', '俱乐部']);
const HAN_ONLY = /^\p{Script=Han}+$/u;
/** Function words never found inside an organ name (和 is: 工业和信息化部 — but not 科技局和财政局). */
const NOT_IN_NAME = /[的与及在对为把被是了着从将以等由向给跟或于之其这那各里过就也都还又再并而但有去靠非]/;
/** A person's title is not part of an organ (局长王某, 市委常委), nor is an institution that is no government body. */
const NOT_A_BODY = /(?:[局处科部厅队司院所站办]长|主任|书记|常委|主席|委员(?!会)|公司|集团|酒店|宾馆|饭店|分行|支行|银行|大学|学院|中学|小学|医院|俱乐部|商场|超市|万科|地处|位于|出现|联合|会同|依法|建立|查处|昨天|今天|明天|日前|近日|副|[一二三四五六七八九十]部委)/;
const TWO_ORGANS = /(?:局|委|厅|部|署|办|院|府|会|委员会|办公室|中心|所|处)[和及与]|关于|转发|印发|通知|意见|召开|会议/;
/** A table by UTF-16 unit: 1 for the last unit of each of `words` (a lookup per position, no string made). */
function unitTable(chars: readonly string[]): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const ch of chars) table[ch.charCodeAt(ch.length - 1)] = 1;
  return table;
}
const MILITARY = /^(?:国防部|外交部|政府|军|海军|空军|陆军|海军陆战队|特种部队|部队|军方|军队|政府军|大军|舰队)$/;
/** The first units of MILITARY's words. */
const MILITARY_FIRST = new Set(MILITARY.source.replace(/^\^\(\?:|\)\$$/g, '').split('|').map((w) => w.charCodeAt(0)));
const NO_LENGTHS: readonly number[] = [];
const MAX_OPEN = 12;
const MAX_SUB = 8;
const ORDINAL = /^第[一二三四五六七八九十]{1,3}/;

/** What may open an organ at a character (bits of `Words.opens`). */
const OPENS_ORDINAL = 1;
const OPENS_COUNTRY = 2;
const OPENS_GENERIC = 4;
const OPENS_LEVEL = 8;
const OPENS_CLOSED = 16;
/** A closed word of one character (委, 军) is this one: the word is there whatever follows. */
const OPENS_ONE_UNIT_WORD = 32;

/** What a closed organ word is (bits of `Words.organs`' values): it stands alone, or it follows a jurisdiction. */
const STANDS_ALONE = 1;
const AFTER_A_JURISDICTION = 2;

interface Words {
  /** Each standalone and after-jurisdiction word → STANDS_ALONE | AFTER_A_JURISDICTION, looked up in place (no slice). */
  organs: StringTable;
  sub: Set<string>;
  /** The lengths of the standalone and after-jurisdiction words by their first UTF-16 unit, longest first. */
  organLengths: Map<number, number[]>;
  /** The first two UTF-16 units of the words of two or more units. */
  firstTwo: PairFilter;
  /** By UTF-16 unit, what an organ may open with there (OPENS_* bits): the first units of the ordinal, the short country forms, the generic jurisdictions, the level words and the closed organ words (a table lookup before organLengths'). */
  opens: Uint8Array;
}
let words: Words | undefined;
function closedWords(): Words {
  if (words) return words;
  const kinds = new Map<string, number>();
  for (const w of STANDALONE) kinds.set(w, STANDS_ALONE);
  for (const e of agencyLexicon()) if (e.type === 'agency') kinds.set(e.name, STANDS_ALONE);
  for (const w of AFTER_JURISDICTION) kinds.set(w, (kinds.get(w) ?? 0) | AFTER_A_JURISDICTION);
  const organLengths = new Map<number, number[]>();
  for (const w of kinds.keys()) {
    const lengths = organLengths.get(w.charCodeAt(0)) ?? [];
    if (!lengths.includes(w.length)) lengths.push(w.length);
    organLengths.set(w.charCodeAt(0), lengths);
  }
  for (const lengths of organLengths.values()) lengths.sort((a, b) => b - a);
  const opens = new Uint8Array(0x10000);
  opens[0x7b2c /* 第 */]! |= OPENS_ORDINAL;
  for (const unit of countryShort().keys()) opens[unit]! |= OPENS_COUNTRY;
  for (const unit of GENERIC_FIRST) opens[unit]! |= OPENS_GENERIC;
  for (const unit of LEVEL_BY_FIRST.keys()) opens[unit]! |= OPENS_LEVEL;
  for (const unit of organLengths.keys()) opens[unit]! |= OPENS_CLOSED;
  for (const w of kinds.keys()) if (w.length === 1) opens[w.charCodeAt(0)]! |= OPENS_ONE_UNIT_WORD;
  const firstTwo = new PairFilter(kinds.size);
  for (const w of kinds.keys()) if (w.length >= 2) firstTwo.add(w.charCodeAt(0), w.charCodeAt(1));
  words = { organs: new StringTable(stringTableData(kinds)), sub: new Set(SUB_CLOSED), organLengths, firstTwo, opens };
  return words;
}

const isEnd = (b: Boundaries, e: number) => e >= b.startOfTokenEndingAt.length - 1 || b.startOfTokenEndingAt[e]! >= 0 || b.starts[e] === 1;

/** The jurisdictions that start at `at` (every length), longest first. */
function jurisdictionsAt(text: string, at: number, b: Boundaries, first: boolean, afterCountry: boolean): { end: number; j: Jurisdiction | null; country: string | null }[] {
  const out: { end: number; j: Jurisdiction | null; country: string | null }[] = [];
  const gaz = jurisdictions();
  // only the lengths of names that start with these two characters (the same names, in the same order, as trying all)
  const lengths = nameLengthsAt(text, at);
  for (let len = Math.min(12, text.length - at); len >= 2 && lengths !== 0; len--) {
    if ((lengths & (1 << len)) === 0) continue;
    const j = jurisdictionAt(text, at, at + len);
    // a short form must end where a word ends (北京 + 政府); a full name (北京市, 美国) may run into the organ's word (美国政府)
    if (j && ((j.full.length === len && text.startsWith(j.full, at)) || b.starts[at + len] === 1)) out.push({ end: at + len, j, country: j.kind === 'country' && j.full !== '中国' ? j.full : null });
    // a short form and a level word the gazetteer no longer has (崇礼县, now 崇礼区)
    else if (j && j.kind !== 'country' && /[省市县区州旗]/.test(text[at + len] ?? '') && !gaz.has(text.slice(at, at + len + 1))) out.push({ end: at + len + 1, j, country: null });
  }
  if (afterCountry && text[at] === '驻') {
    for (const x of jurisdictionsAt(text, at + 1, b, false, false)) out.push({ ...x, country: null });
    if (text[at + 1] === '华') out.push({ end: at + 2, j: { full: '中国', kind: 'country' }, country: null });
  }
  if (first) {
    const c = text.charCodeAt(at);
    GENERIC_AT.lastIndex = at;
    const generic = GENERIC_FIRST.has(c) ? GENERIC_AT.exec(text) : null;
    if (generic) out.push({ end: at + generic[0].length, j: null, country: null });
    for (const w of LEVEL_BY_FIRST.get(c) ?? []) if (text.startsWith(w, at) && b.starts[at + w.length] === 1) out.push({ end: at + w.length, j: null, country: null });
  }
  return out;
}

/** The longest organ (with its sub-units) that starts at `at`, given whether a jurisdiction precedes it. */
function organAt(text: string, at: number, b: Boundaries, withJurisdiction: boolean, country: string | null, shortCountry: boolean, local = false): number {
  const w = closedWords();
  let best = -1;
  const o = text.charCodeAt(at) === 0x7b2c /* 第 */ ? ORDINAL.exec(text.slice(at, at + 4)) : null;
  const from = o ? at + o[0].length : at;
  // only the lengths of closed words that start with this character: a word of another length is neither standalone
  // nor after a jurisdiction, so it never counts (the same words, in the same order, as trying every length)
  const first = text.charCodeAt(from);
  const lengths = w.opens[first]! & OPENS_CLOSED ? w.organLengths.get(first)! : NO_LENGTHS;
  // (a word of two or more units only where its first two are)
  const two = lengths.length > 0 && w.firstTwo.has(first, text.charCodeAt(from + 1));
  for (const len of lengths) {
    if (len > text.length - from || (len >= 2 && !two)) continue;
    if (shortCountry && !MILITARY.test(text.slice(from, from + len))) continue;
    const kind = w.organs.getRange(text, from, from + len) ?? 0;
    const ok = (kind & STANDS_ALONE) !== 0 || (withJurisdiction && (kind & AFTER_A_JURISDICTION) !== 0 && (len !== 1 || text[from] !== '军' || country !== null || shortCountry));
    // 人社部门 is a department, not 人社部
    if (ok && isEnd(b, from + len) && !(text[from + len - 1] === '部' && text[from + len] === '门')) {
      best = from + len;
      break;
    }
  }
  if (!shortCountry && withJurisdiction) {
    // open: a few words ending in a suffix, on a word boundary
    for (let e = Math.min(text.length, from + MAX_OPEN); e > Math.max(best, from + 1); e--) {
      if (text.charCodeAt(e - 1) !== 0x79d1 /* 科 */ && SUFFIX_LAST[text.charCodeAt(e - 1)] === 1 && openName(text, from, e, b)) {
        best = e;
        break;
      }
    }
  } else if (!shortCountry && best < 0 && !o) {
    // without a jurisdiction: one jieba word that ends in a suffix (教育局, 住建委, 监管部门 as two words)
    for (let e = Math.min(text.length, from + 8); e > from + 2; e--) {
      const ts = b.startOfTokenEndingAt[e]!;
      if (BARE_LAST[text.charCodeAt(e - 1)] !== 1 || ts < 0 || !openName(text, from, e, b)) continue;
      const last = text.slice(ts, e);
      if (!BARE_SUFFIX.test(last)) continue;
      // a name without a jurisdiction starts where no noun could extend it to the left (人居环境委员会 is not 环境委员会)
      if (from > 0 && /\p{Script=Han}/u.test(text[from - 1]!) && !BEFORE_BARE.test(text[from - 1]!)) continue;
      // one word (教育局), or a word of two or more characters and the suffix word (国土资源/局, 房产/管理局)
      const two = ts > from && b.startOfTokenEndingAt[ts] === from && ts - from >= 2 && SUFFIX_WORD.test(last);
      if ((ts === from && last.length >= 3) || two) {
        best = e;
        break;
      }
    }
  }
  if (best < 0) return -1;
  return subUnits(text, best, b, local);
}

/** The last characters (UTF-16 units) of SUFFIX's words: a name ending in another character is no open name (checked before slicing). */
const SUFFIX_LAST = unitTable(SUFFIX.source.replace(/^\(\?:|\)\$$/g, '').split('|').map((w) => w.at(-1)!));
/** The last characters of BARE_SUFFIX's words: a bare name ending in another is none (checked before openName). */
const BARE_LAST = unitTable(BARE_SUFFIX.source.replace(/^\(\?:|\)\$$/g, '').split('|').map((w) => w.at(-1)!));

/** An open name [from, e): Han only, a suffix, no function word, ends on a word that is an organ's. */
function openName(text: string, from: number, e: number, b: Boundaries): boolean {
  if (SUFFIX_LAST[text.charCodeAt(e - 1)] !== 1) return false;
  const name = text.slice(from, e);
  if (!HAN_ONLY.test(name) || !SUFFIX.test(name) || NOT_A_BODY.test(name) || NOT_IN_NAME.test(name) || TWO_ORGANS.test(name)) return false;
  const ts = b.startOfTokenEndingAt[e]!;
  if (ts < 0 || NEVER_END.has(name.slice(-2)) || (name.endsWith('部') && text[e] === '门')) return false;
  const last = text.slice(ts, e);
  // a suffix written as a word of its own is one that names organs (国土资源/局), not 所 or 部 (所 + verb, 多/部)
  if (last.length === 1 && !/[局厅委署司处科室办]/.test(last)) return false;
  // a count or a direction before the suffix names a part, not an organ (一部, 大部, 西南部, 一处)
  if (/^(?:[一二两三四五六七八九十几多大全各每某下上]|[东西南北]{1,2})[部处所局]$/.test(last) || /[东西南北]部$/.test(name)) return false;
  // a centre is an organ when it manages or serves (住房保障管理中心), not a venue (会展中心, 购物中心)
  if (/中心$/.test(name) && !/(?:管理|保障|服务|监测|测绘|执法|指挥|监督|征收|信息|事务|登记|交易|人才)中心$/.test(name)) return false;
  if (/站$/.test(name) && !/(?:总站|管理站|监测站|服务站|执法站)$/.test(name)) return false;
  if (NOT_AN_ORGAN.has(last) && ts === from) return false;
  if (NOT_AN_ORGAN.has(last) && last !== '部门' && last !== '中心') return false;
  // the part before the suffix is more than a level word (市中心 is no organ)
  const core = name.replace(SUFFIX, '');
  return core.length >= 1 && !/^[省市区县乡镇州]$/.test(core);
}

/** Sub-units after an organ ending at `at`: 经侦总队, 财政金融司, 总部. */
function subUnits(text: string, at: number, b: Boundaries, local: boolean): number {
  if (/^[和及与、]/.test(text.slice(at, at + 1))) return at;
  const w = closedWords();
  let end = at;
  for (let guard = 0; guard < 4; guard++) {
    let next = -1;
    for (let e = Math.min(text.length, end + MAX_SUB); e >= end + 2; e--) {
      if (!isEnd(b, e)) continue;
      const piece = text.slice(end, e);
      // after a local organ a new jurisdiction starts a new organ (佛山市住房和城乡建设局佛山市自然资源局 are two);
      // after a central one it is the organ's local branch (国家税务总局佛山市税务局)
      if (local && (startsWithPlace(text, end, nameLengthsAt(text, end)) || /^(?:中共|国家)/.test(piece))) break;
      // a department of a central organ named by its field is a collective of it: 国务院卫生行政部门, 国务院有关主管部门
      const department = /^\p{Script=Han}{2,6}(?:行政|主管)部门$/u.test(piece) && !NOT_IN_NAME.test(piece);
      if (w.sub.has(piece) || department || (openName(text, end, e, b) && b.starts[end] === 1 && !/部门$/.test(piece) && ((w.organs.get(piece) ?? 0) & STANDS_ALONE) === 0)) {
        next = e;
        break;
      }
    }
    if (next < 0) break;
    end = next;
  }
  return end;
}

/** A quoted name that is a document's or a form's (“教育部学历证书电子注册备案表”): a title like 《…》. */
const QUOTED_TITLE = /(?:表|证书|证明|单|函|通知|办法|规定|细则|方案|意见|条例|决定|公告)$/;
const MAX_QUOTED = 40;

/** Depth of book-title brackets at each offset: 1 inside 《…》 and inside a quoted document or form name. */
function insideTitles(text: string): Uint8Array {
  const inside = new Uint8Array(text.length);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '《') depth++;
    else if (text[i] === '》') depth = Math.max(0, depth - 1);
    else if (text[i] === '\n') depth = 0;
    else if (text[i] === '“') {
      // the closing mark within a short reach (bounded: linear)
      const close = text.slice(i + 1, i + 1 + MAX_QUOTED).search(/[”\n]/);
      if (close > 0 && text[i + 1 + close] === '”' && QUOTED_TITLE.test(text.slice(i + 1, i + 1 + close))) inside.fill(1, i, i + 1 + close);
    }
    if (depth > 0) inside[i] = 1;
  }
  return inside;
}

/** Every organ named in `text`, leftmost-longest, none overlapping. */
export function findOrgans(text: string, b: Boundaries): Organ[] {
  const out: Organ[] = [];
  const titles = insideTitles(text);
  const bare = bareEnds(text, b);
  for (let s = 0; s < text.length; ) {
    // every name starts with a Han character: marks, Latin and digits are passed over at once
    let m: Organ | null = null;
    if (isHanUnit(text.charCodeAt(s))) {
      const lengths = nameLengthsAt(text, s);
      if ((b.starts[s] === 1 || startsWithPlace(text, s, lengths)) && titles[s] === 0 && mayStartOrgan(text, s, b, bare, lengths)) m = organStartingAt(text, s, b);
    }
    if (m) {
      out.push(m);
      s = m.end;
    } else s++;
  }
  return out;
}

/**
 * For each offset i, the first offset e ≥ i where a jieba word ends in a bare suffix's last character (where a bare
 * open name could end), text.length + 1 when none: one pass, so that each word start asks in one lookup.
 */
function bareEnds(text: string, b: Boundaries): Int32Array {
  const next = new Int32Array(text.length + 2);
  next[text.length + 1] = text.length + 1;
  for (let e = text.length; e >= 0; e--) next[e] = e > 0 && BARE_LAST[text.charCodeAt(e - 1)] === 1 && b.startOfTokenEndingAt[e]! >= 0 ? e : next[e + 1]!;
  return next;
}

/**
 * Whether an organ can start at s, by what organStartingAt needs for one (tables and in-place lookups only, no
 * closure or list made) — one of:
 *   - a country's one-character short form before an armed service's word (美军, 俄海军; or an ordinal: 美第七舰队);
 *   - a jurisdiction: a gazetteer name's first two characters, a generic jurisdiction (各级, 县级以上), a level word
 *     that ends on a word boundary (省, 国家);
 *   - an organ with no jurisdiction: an ordinal (第), a closed organ word (国务院, 公安局), or a bare open name — a
 *     word ending within reach (3 to 8 units on) in a bare suffix's last character (`bare`: bareEnds).
 * Most word starts have none; a character that merely begins some closed or level word (人 of 人民政府, 中 of
 * 中国) is asked whether the word is there.
 */
function mayStartOrgan(text: string, s: number, b: Boundaries, bare: Int32Array, lengths: number): boolean {
  const c = text.charCodeAt(s);
  const w = closedWords();
  // what may open at this character, by one table lookup (most characters open nothing of these)
  const opens = w.opens[c]!;
  if (opens !== 0) {
    if (opens & OPENS_ORDINAL) return true;
    if (opens & OPENS_COUNTRY && (MILITARY_FIRST.has(text.charCodeAt(s + 1)) || text.charCodeAt(s + 1) === 0x7b2c)) return true;
    if (opens & OPENS_GENERIC) {
      GENERIC_AT.lastIndex = s;
      if (GENERIC_AT.test(text)) return true;
    }
    if (opens & OPENS_LEVEL) for (const level of LEVEL_BY_FIRST.get(c)!) if (text.startsWith(level, s) && b.starts[s + level.length] === 1) return true;
    if (opens & OPENS_ONE_UNIT_WORD) return true;
    if (opens & OPENS_CLOSED && w.firstTwo.has(c, text.charCodeAt(s + 1)))
      for (const len of w.organLengths.get(c)!) if (s + len <= text.length && w.organs.getRange(text, s, s + len) !== undefined) return true;
  }
  if (lengths !== 0) return true;
  return s + 3 <= text.length && bare[s + 3]! <= Math.min(text.length, s + 8);
}

/** A full division name of three or more characters starts at s (jieba may cut 向黔东南州 otherwise); `lengths`: nameLengthsAt(text, s). */
function startsWithPlace(text: string, s: number, lengths: number): boolean {
  if ((lengths & 0x1f8) === 0) return false; // no name of 3 to 8 characters starts here
  for (let len = 3; len <= 8 && s + len <= text.length; len++) {
    if ((lengths & (1 << len)) === 0) continue;
    const j = jurisdictionAt(text, s, s + len);
    if (j && j.full === text.slice(s, s + len) && j.kind !== 'country') return true;
  }
  return false;
}

let shortCountries: Map<number, string> | undefined;
/** COUNTRY_SHORT by the UTF-16 unit of its one-character key (looked up at every word: no string made for it). */
function countryShort(): Map<number, string> {
  shortCountries ??= new Map(Object.entries(COUNTRY_SHORT).filter(([k]) => k.length === 1).map(([k, v]) => [k.charCodeAt(0), v]));
  return shortCountries;
}

function organStartingAt(text: string, s: number, b: Boundaries): Organ | null {
  let best: Organ | null = null;
  const consider = (end: number, js: Jurisdiction[], country: string | null, group: boolean) => {
    if (end > s && (!best || end > best.end)) best = { start: s, end, name: text.slice(s, end), jurisdictions: js, country, group };
  };
  // a country's one-character short form before an armed service: 美军, 俄海军
  const short = countryShort().get(text.charCodeAt(s));
  if (short) {
    const e = organAt(text, s + 1, b, true, short, true);
    if (e > 0) consider(e, [{ full: short, kind: 'country' }], short, false);
  }
  const walk = (at: number, js: Jurisdiction[], country: string | null, group: boolean, depth: number) => {
    if (depth > 0) {
      const e = organAt(text, at, b, true, country, false, js.length > 0);
      if (e > 0) consider(e, js, country, group || /部门$/.test(text.slice(at, e)));
    }
    if (depth >= 4) return;
    for (const j of jurisdictionsAt(text, at, b, depth === 0, country !== null)) {
      const generic = j.j === null && GENERIC_JURISDICTION.test(text.slice(at, j.end));
      walk(j.end, j.j ? [...js, j.j] : js, country ?? j.country, group || generic, depth + 1);
    }
  };
  walk(s, [], null, false, 0);
  const e = organAt(text, s, b, false, null, false);
  if (e > 0) consider(e, [], null, /部门$/.test(text.slice(s, e)));
  const found = best as Organ | null;
  if (!found) return null;
  if (/部门$/.test(found.name)) found.group = true;
  if (/^(?:有关|相关|其他|各)/.test(text.slice(found.end, found.end + 2)) && /^(?:有关|相关|其他|各)(?:部门|单位|机关)/.test(text.slice(found.end))) {
    // 国务院有关部门: a collective of the organ
    const g = /^(?:有关|相关|其他|各)(?:部门|单位|机关)/.exec(text.slice(found.end))![0];
    return { ...found, end: found.end + g.length, name: text.slice(s, found.end + g.length), group: true };
  }
  return found;
}
