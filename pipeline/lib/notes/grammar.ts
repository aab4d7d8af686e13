/**
 * The grammar of a responsibility note (责任单位): who leads (牵头) a task,
 * who supports it (配合), by when. A note's body (the inside of a bracket,
 * or the trailing text of a paragraph) is a run of parts in any order:
 *
 *   note      := part (sep part)*            sep: ；，, 、 between lists, spaces; text after 。 is a remark
 *   part      := LABEL： list                 牵头单位：A、B  配合部门：C  责任单位：A，B
 *              | list ROLE                   A牵头  B、C配合  A、B等按职责分工负责  D指导  E落实  A会同B负责 (A leads, B supports)
 *              | list                        names whose role is the label's before them, or the role given elsewhere
 *              | deadline                    2024年底前  9月30日前完成  年内完成  长期坚持  2025年起  (lib/notes/deadline.ts);
 *                                            a part led by a time is one however it goes on (2025年底前基本完成)
 *              | KEY： text                  适用范围：…  完成时限：<deadline>  — a remark
 *              | convention                  排在第一位的部门为牵头部门(，下同)
 *   LABEL     := ROLE{1,4} [UNIT] [（UNIT）] [及 (ROLE{1,4} UNIT | 完成时限)] ：  牵头单位： 牵头： 责任单位及承办科室： 责任单位及完成时限：
 *              | 【ROLE{1,4} [UNIT]】 [：]                       【牵头单位】A【配合单位】B
 *   ROLE      := 牵头 主责 主办 (lead) | 配合 协同 协办 参与 参加 协助 (support) | 责任 负责 (a list) | 督办 督导 承办 (neither);
 *                实施 落实 承担 (a list) only before a unit word (实施单位：)
 *   UNIT      := 单位 部门 处室 机关 科室 机构 主体
 *   list      := name (、 name)*             A（牵头）、B marks a role on one name; 等, 等有关部门 close a list
 *   name      := an organ (ends like one: …局 …委 …办 …政府 …中心, or is in lexicon/agencies.tsv), a
 *                collective (各区县政府, 市级有关部门), or a short form after a first mention (市发改委、经信局:
 *                经信局 is read as 市经信局)
 *
 * The role of a label comes from its words, however combined: any lead word
 * makes it a lead label, else any support word a support label; 责任/负责
 * alone make a list whose roles the layout or the document's convention
 * decides (the caller applies `FIRST_LISTED_LEADS`).
 *
 * Precision: a part that is none of these (prose: 研究制定具体办法, 由…牵头,
 * 会同…) makes the whole body no note; a body without any label, role word
 * or （牵头） mark is no note (（试行）, （以下简称…）); every name must be organ-like
 * (牵头单位：要按照职责分工抓好落实 is prose). Every pattern here is anchored or bounded: linear.
 */
import { agencyLexicon } from '../lexicon.js';
import { readDeadline, type Deadline } from './deadline.js';

export interface NameRef {
  /** The name as the note means it: a short form after a first mention is completed (经信局 → 市经信局). */
  name: string;
  /** UTF-16 offsets in the text the note was found in. */
  start: number;
  end: number;
  /** The name as written, when `name` completes it. */
  written?: string;
  /** The name was marked with a star (*市发改委): the lead, where the document says so (`STAR_LEADS`). */
  starred?: boolean;
}

export type Role = 'lead' | 'support' | 'responsible' | 'other';

const ROLE_WORD: Record<string, Role> = {
  牵头: 'lead', 主责: 'lead', 主办: 'lead',
  配合: 'support', 协同: 'support', 协办: 'support', 参与: 'support', 参加: 'support', 协助: 'support',
  主政: 'lead', 会办: 'support', // Taiwan's plans: 主政機關 (lead), 會辦機關 (support), beside 主辦/協辦
  责任: 'responsible', 负责: 'responsible',
  督办: 'other', 承办: 'other', 督导: 'other',
};
const ROLE_ALT = Object.keys(ROLE_WORD).join('|');
const UNIT_ALT = '单位|部门|处室|机关|科室|机构|主体';
/** Words that are a role only before a unit word: 实施单位, 落实部门, 承担单位 (实施： alone is prose's). */
const UNIT_ROLE: Record<string, Role> = { 实施: 'responsible', 落实: 'responsible', 承担: 'responsible' };
const UNIT_ROLE_ALT = Object.keys(UNIT_ROLE).join('|');
/** A deadline key a label may be joined to by 及: 责任单位及完成时限：A，2024年底前. */
const DEADLINE_WORDS = '(?:完成)?(?:时限|时间|期限)';

/**
 * A role label: role words, a unit word (may be left out before the colon: 牵头：A；配合：B), and its colon (or, after
 * a unit word, 为: 主办机关为A，协办机关为B) —
 * or the same in square brackets, the colon optional (【牵头单位】A【配合单位】B). Group 1 = the role words,
 * group 2 = a second label joined by 及 (责任单位及承办科室).
 */
export const LABEL = new RegExp(
  `[【\\[［]?((?:${ROLE_ALT}){1,4}|(?:${UNIT_ROLE_ALT})(?=${UNIT_ALT}))(?:${UNIT_ALT})?(?:[（(](?:${UNIT_ALT})[）)])?((?:及|和)(?:(?:相关)?(?:${ROLE_ALT}){1,4}(?:${UNIT_ALT})(?:[（(](?:${UNIT_ALT})[）)])?|${DEADLINE_WORDS}))?(?:[】\\]］]\\s*[：:]?|\\s*[：:]|(?<=(?:${UNIT_ALT}))为(?=\\p{Script=Han}))`,
  'gu',
);

/** The role a compound of role words gives: any lead word leads, else any support word supports, else 责任/负责 make a list. */
export function roleOf(words: string): Role {
  const roles = new Set<Role>();
  for (let i = 0; i + 2 <= words.length; i += 2) {
    const r = ROLE_WORD[words.slice(i, i + 2)] ?? UNIT_ROLE[words.slice(i, i + 2)];
    if (r) roles.add(r);
  }
  return roles.has('lead') ? 'lead' : roles.has('support') ? 'support' : roles.has('responsible') ? 'responsible' : 'other';
}

/**
 * A list closed by a role word: A牵头, B、C配合, A、B等按职责分工负责, A牵头负责, D指导, E负责落实, F落实; 督办/督导
 * name who oversees the task, no one it is assigned to (role other: left out).
 */
const ROLE_END = /^(.*?[^、\s])(?:等(?:有关|相关)?(?:部门|单位)?)?(?:(?:按照?|根据|依据)(?:各自)?职(?:责|能)(?:分工)?)?(?:分别)?(牵头负责|负责牵头|牵头|主责|主办|配合|协同|协办|参与|参加|协助|指导|负责落实|负责|落实|督办|督导)$/;
const END_ROLE: Record<string, Role> = {
  牵头负责: 'lead', 负责牵头: 'lead', 牵头: 'lead', 主责: 'lead', 主办: 'lead', 指导: 'lead',
  配合: 'support', 协同: 'support', 协办: 'support', 参与: 'support', 参加: 'support', 协助: 'support',
  负责落实: 'responsible', 负责: 'responsible', 落实: 'responsible', 督办: 'other', 督导: 'other',
};
/** The last characters of the role words ROLE_END ends with. */
const ROLE_LAST = new Set(['头', '责', '办', '合', '同', '与', '加', '助', '导', '实']);
/** A list given its role by a label word after 为: 市发改委为牵头单位, 各区县政府为责任主体. */
const IS_ROLE = new RegExp(`^(.*?[^、\\s])(?:等(?:有关|相关)?(?:部门|单位)?)?(?:为|是|作为)((?:${ROLE_ALT}){1,4})(?:${UNIT_ALT})$`);
/** A list that one agency leads with others: A会同B负责 (A leads, B supports). */
const WITH = '会同';
/** A role in brackets after one name: A（牵头）, A〔牵头〕. */
const MARK = /^(.+?)[（(〔](牵头|主责|主办|配合|参与|协同|协办|负责)[）)〕]$/;
/** A remark or a deadline under its own key: 适用范围：X, 完成时限：2024年底前. */
/** A part that starts with a time (a year, a month, 年内, 长期 …) is about when, never a name. */
const TIME_LED = /^(?:(?:\d{4}|[〇零○一二三四五六七八九]{4})年|\d{1,2}月|(?:年内|今年|明年|年底|长期|持续|常态化|每年))/;
/** Where the time that leads a part ends: its 前, 起, 底 or 末, within its first 20 characters. */
const TIME_END = /(?<=^.{0,19})(?:前|起|底|末)(?!前)/;
const KEYED = /^(\p{Script=Han}{1,8})[：:]/u;
const DEADLINE_KEY = /^(?:完成)?(?:时限|时间|期限|时间节点|时间要求)$/;
/** The convention that makes the first agency of a list the lead one. */
export const FIRST_LISTED_LEADS = /(?:排在|排名|排列|列在|位列|排|列)?(?:第一(?:位|个|家)?|首位)的?(?:部门|单位)?(?:为|是)牵头(?:部门|单位)?|牵头(?:部门|单位)(?:排|列)在?(?:第一位?|首位)/;
const CONVENTION = /^(?:(?:排在|排名|排列|列在|位列|排|列)?(?:第一(?:位|个|家)?|首位)的?(?:部门|单位)?(?:为|是)牵头(?:部门|单位)?|牵头(?:部门|单位)(?:排|列)在?(?:第一位?|首位))$/;
/** The convention that a bracket of agencies alone names a task's responsible agencies: 括号内为责任单位. */
export const BRACKET_LISTS = /括号(?:内|中|里)(?:的)?(?:为|是|系|标注|注明)(?:责任|牵头|承办|负责)(?:单位|部门)/;
/** The convention that the group of a list before its first ，leads: 逗号前为牵头单位, 逗号前的单位为牵头单位. */
export const COMMA_LEADS = /逗号(?:之?前)的?(?:部门|单位)?(?:为|是)牵头(?:部门|单位)?/;
/** The convention that names marked with a star lead: 标*的为牵头单位, 带“*”号的单位为牵头单位. */
export const STAR_LEADS = /[*＊※★][”"’]?号?[”"’]?(?:的|者)?(?:部门|单位)?(?:为|是)牵头(?:部门|单位)?/;
/** A star that marks a name: *市发改委, 市发改委*. */
const STAR = /^[*＊※★]+|[*＊※★]+$/g;
const FILLER = /^(?:下同|以下同|同上|下略)$/;

/** Words that make a list a clause of prose, not a list of agencies: （技工院校内由…部门负责）. */
const NOT_A_LIST = /[由对把将向为是被在的]|应当|应该|必须|可以|会同|简称|以下称|^[^、]{25,}$/;
/** How the name of an organ or a collective of them ends. */
export const ORGAN_END = /(?:委员会|办公厅|办公室|管委会|政府|局|委|厅|部|署|办|院|会|中心|集团|公司|企业|银行|分行|支行|单位|部门|机构|机关|学校|大学|团体|队|所|站|社|联|中央|组|处|科|室|馆|台)$/;
const COLLECTIVE = /^(?:各|有关|相关)/;
const ROLE_IN_NAME = /负责|牵头|配合|落实/;
/** Where prose begins after a name a label lists: 市发改委在市政务服务中心设立窗口, 市发改委要…, 市发改委负责审核. */
const PROSE_START = /[由对把将向为是被在的要应]|负责|会同|牵头/;
const ADMIN_PREFIX = /^(?:国家|国务院|自治区|省|市|区|县|州|各|有关|相关|中央|全国)/;

let known: ReadonlySet<string> | undefined;
function knownAgency(name: string): boolean {
  known ??= new Set(agencyLexicon().map((e) => e.name));
  return known.has(name);
}

/** An agency name or collective: Chinese, short, no prose. */
export function looksLikeName(ref: NameRef): boolean {
  const name = ref.written ?? ref.name;
  // 、 only inside a collective items() joined (各市、县人民政府) or a bracket (各县（市、区）人民政府)
  if (name.length < 2 || name.length > 30 || !/^\p{Script=Han}[\p{Script=Han}（）()〔〕·、]*$/u.test(name) || NOT_A_LIST.test(name)) return false;
  // a role word inside a name is a role left over (市政府督查室负责督办落实), unless a bracket marks it (A（牵头）)
  return !ROLE_IN_NAME.test(name.endsWith('）') || name.endsWith(')') || name.endsWith('〕') ? name.replace(/[（(〔][^（）()〔〕]*[）)〕]$/, '') : name);
}

/** A name that is an organ or a collective by its ending or the lexicon. */
export function organLike(ref: NameRef): boolean {
  if (!looksLikeName(ref)) return false;
  // a bracket after the name says more of it: 各区（市）县政府（管委会）, 市委组织部（市人才办）
  const name = ref.name.endsWith('）') || ref.name.endsWith(')') ? ref.name.replace(/[（(][^（）()]*[）)]$/, '') : ref.name;
  return ORGAN_END.test(name) || knownAgency(name) || (COLLECTIVE.test(name) && /(?:政府|部门|单位|机构|机关)$/.test(name));
}

/** What separates the items of a list: 、，, ；; and spaces (a set of codes: every character of a list is tested). */
const SEPARATOR = new Set([0x3001, 0xff0c, 0x2c, 0xff1b, 0x3b, 0x20, 0x3000, 0x09, 0x0a, 0x0d, 0xa0]);
const ANY_SEPARATOR = /[、，,；;\s（(]/;
/** The characters that mark a name with a star. */
const STARS = new Set([0x2a, 0xff0a, 0x203b, 0x2605]);

/** A level of government alone, that the next name completes: 各市、县人民政府, 各省、自治区、直辖市人民政府. */
const BARE_LEVEL = /^各?(?:省|自治区|直辖市|市|地|州|盟|县|区|旗|乡|镇|街道)(?:[（(][^（）()]*[）)])?$/;

/**
 * The items of an enumeration: split at 、，, ；; and spaces outside brackets
 * (各县（市、区）人民政府 is one), a bare level joined to the name after it by
 * its 、 (各市、县人民政府 is one collective). One pass: linear. Also a Taiwan
 * header's 受文者 list (lib/tw-gongwen.ts).
 */
export function items(list: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  // one name (most clauses): no separator, no bracket
  if (!ANY_SEPARATOR.test(list)) return list.length > 0 ? [{ text: list, index: 0 }] : out;
  if (!list.includes('（') && !list.includes('(')) {
    // no bracket: the separators split it (a native scan; most lists are so)
    let joinNext = false;
    for (const m of list.matchAll(/[^、，,；;\s]+/g)) {
      const last = out[out.length - 1];
      if (joinNext && last && last.index + last.text.length + 1 === m.index) last.text = list.slice(last.index, m.index + m[0].length);
      else out.push({ text: m[0], index: m.index });
      joinNext = list[m.index + m[0].length] === '、' && BARE_LEVEL.test(m[0]);
    }
    return out;
  }
  let depth = 0;
  let from = 0;
  let joinNext = false;
  for (let i = 0; i <= list.length; i++) {
    const code = list.charCodeAt(i);
    const ch = list[i];
    if (code === 0xff08 || code === 0x28) depth++;
    else if ((code === 0xff09 || code === 0x29) && depth > 0) depth--;
    else if (i === list.length || (depth === 0 && SEPARATOR.has(code))) {
      if (i > from) {
        const text = list.slice(from, i);
        const last = out[out.length - 1];
        if (joinNext && last && last.index + last.text.length + 1 === from) last.text = list.slice(last.index, i);
        else out.push({ text, index: from });
        // 各市、 waits for the name that completes it; only a 、 joins
        joinNext = ch === '、' && BARE_LEVEL.test(text);
      } else joinNext = false;
      from = i + 1;
    }
  }
  return out;
}

/**
 * Split an enumeration of names (`items`), and at 和 where it joins a
 * collective (…等和各省级人民政府), keeping each name's offsets. 和 inside a
 * name (文化和旅游部) stays; a closing 等, 等部门 is no part of the last name.
 */
export function names(list: string, offset: number): NameRef[] {
  const out: NameRef[] = [];
  for (const m of items(list)) {
    let from = 0;
    for (const part of m.text.includes('和') ? m.text.split(/(?<=等)和|和(?=各)/) : [m.text]) {
      let name = part.includes('等') ? part.replace(/等(?:有关|相关)?(?:\d{1,3}|[一二三四五六七八九十]{1,3})?[个家]?(?:部门|单位)?$/, '') : part;
      let start = offset + m.index + m.text.indexOf(part, from);
      from = start - offset - m.index + part.length;
      // a star before or after a name marks it (*市发改委): the name is what stands between
      const marked = STARS.has(name.charCodeAt(0)) || STARS.has(name.charCodeAt(name.length - 1));
      const lead = marked ? (/^[*＊※★]+/.exec(name)?.[0].length ?? 0) : 0;
      const starred = marked;
      if (starred) {
        name = name.replace(STAR, '');
        start += lead;
      }
      if (name.length > 0) out.push(starred ? { name, start, end: start + name.length, starred } : { name, start, end: start + name.length });
    }
  }
  return out;
}

/**
 * The longest note body read: a note names a few agencies and a deadline
 * (the longest in the corpus is under 200 characters); a longer text is
 * prose, and bounding it keeps hostile input cheap.
 */
export const MAX_NOTE = 1000;

export interface NoteContext {
  /** The document's year, for deadlines that do not name theirs. */
  year: number | null;
  /** The note's layout separates groups of a 责任单位 list by ，: the first group leads ([责任单位：A，B], a trailing 责任单位：A，B). */
  groupsLeadFirst?: boolean;
  /** The role of names before any label, as if labelled: a task table's column (牵头单位, 责任单位). */
  role?: Role;
  /** The document says names marked with a star lead (带*的为牵头单位): a list with starred names gives them the lead. */
  starLeads?: boolean;
  /** The body is a bracket's inside: a list closed by its role may open with 由 there (（由A牵头，B配合）), never in prose. */
  bracketed?: boolean;
  /** The document says a bracket of agencies lists the task's responsible agencies (括号内为责任单位): （A、B） is a note. */
  bareLists?: boolean;
}

export interface ParsedNote {
  lead: NameRef[];
  support: NameRef[];
  /** A list of responsible agencies with no role named: all in `lead` until a convention says the first leads. */
  joint: boolean;
  /** The note itself states that the first listed leads. */
  firstListed: boolean;
  deadline: Deadline | null;
  /** Whether the note had a role label. */
  labelled: boolean;
}

interface Segment {
  role: Role | null;
  /** A second label joined by 及: the groups after the first are about it (承办科室), remarks here. */
  compound: boolean;
  text: string;
  at: number;
}

/** Clauses of a part at top-level ，,；; and spaces (not inside nested brackets), with offsets. */
function clauses(text: string, at: number): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
    else if (i === text.length || (depth === 0 && (ch === '，' || ch === ',' || ch === '；' || ch === ';' || ch === ' ' || ch === '\u3000' || ch === '\t'))) {
      if (i > from) out.push({ text: text.slice(from, i), at: at + from });
      from = i + 1;
    }
  }
  return out;
}

/** The segments of a body: the text before its first label, then each label with its text up to the next. */
function segments(text: string, at: number): { list: Segment[]; labelled: boolean } {
  const list: Segment[] = [];
  let last = 0;
  let role: Role | null = null;
  let compound = false;
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) {
    list.push({ role, compound, text: text.slice(last, m.index), at: at + last });
    role = roleOf(m[1]!);
    // 责任单位及承办科室：A，B — B is the second label's; 责任单位及完成时限：A，2024年底前 — the deadline reads itself
    compound = m[2] !== undefined && !m[2].includes('时') && !m[2].includes('期限');
    last = m.index + m[0].length;
  }
  list.push({ role, compound, text: text.slice(last), at: at + last });
  return { list, labelled: list.length > 1 };
}

/**
 * Read a note's body (offsets shifted by `offset`), or null when it is not a
 * note: a part that is prose, no role anywhere, or no agency named.
 */
export function parseNote(body: string, offset: number, context: NoteContext): ParsedNote | null {
  if (body.length > MAX_NOTE) return null;
  const stop = body.indexOf('。');
  const text = stop >= 0 ? body.slice(0, stop) : body;
  const { list, labelled: withLabel } = segments(text, offset);
  const labelled = withLabel || context.role !== undefined;
  if (context.role !== undefined) list[0]!.role = context.role;
  const lead: NameRef[] = [];
  const support: NameRef[] = [];
  const groups: NameRef[][] = [];
  const rest: NameRef[] = [];
  let roleSeen = labelled;
  let deadline: Deadline | null = null;
  let firstListed = false;
  const add = (role: Role, refs: NameRef[]) => {
    if (role === 'lead') append(lead, refs);
    else if (role === 'support') append(support, refs);
    else if (role === 'responsible') groups.push(refs);
  };
  for (const seg of list) {
    let group = 0;
    for (const c of clauses(seg.text, seg.at)) {
      // cheap tests first: most clauses are lists of names
      const keyed = c.text.includes('：') || c.text.includes(':') ? KEYED.exec(c.text) : null;
      if (keyed) {
        if (DEADLINE_KEY.test(keyed[1]!)) {
          const value = seg.text.slice(c.at - seg.at + keyed[0].length).split(/[，,；;]/)[0]!;
          deadline ??= readDeadline(value, c.at + keyed[0].length, context.year, true) ?? timeLeading(value, c.at + keyed[0].length, context.year);
        }
        break; // the rest of this segment is the remark's
      }
      if (seg.compound && group >= 1) break;
      const dl = readDeadline(c.text, c.at, context.year);
      if (dl) {
        deadline ??= dl;
        continue;
      }
      // a part led by a time is about when, however it goes on (2025年底前基本完成): its time is the deadline
      if (TIME_LED.test(c.text)) {
        deadline ??= timeLeading(c.text, c.at, context.year);
        continue;
      }
      if (c.text.includes('第一') && CONVENTION.test(c.text)) {
        firstListed = true;
        continue;
      }
      if (c.text.length <= 3 && FILLER.test(c.text)) continue;
      // inside brackets a list closed by its role may open with 由: （由市发改委牵头，市财政局配合）
      const by = context.bracketed && c.text.startsWith('由') ? 1 : 0;
      const clause = by ? c.text.slice(1) : c.text;
      const ended = ROLE_LAST.has(clause[clause.length - 1]!) ? ROLE_END.exec(clause) : null;
      // A为牵头单位, B、C为配合单位: the role of a label word after 为
      const named = !ended && (clause.includes('为') || clause.includes('是')) ? IS_ROLE.exec(clause) : null;
      if (named) {
        const refs = names(named[1]!, c.at + by);
        if (refs.length === 0 || !refs.every(looksLikeName)) return null;
        add(roleOf(named[2]!), refs);
        roleSeen = true;
        group++;
        continue;
      }
      if (by && !ended) return null;
      if (ended) {
        const role = END_ROLE[ended[2]!]!;
        // A会同B负责: A leads, B supports
        const joined = role === 'lead' || role === 'responsible' ? ended[1]!.indexOf(WITH) : -1;
        const refs = joined > 0 ? names(ended[1]!.slice(0, joined), c.at + by) : names(ended[1]!, c.at + by);
        const withRefs = joined > 0 ? names(ended[1]!.slice(joined + WITH.length), c.at + by + joined + WITH.length) : [];
        if (refs.length === 0 || !refs.every(looksLikeName) || !withRefs.every(looksLikeName)) return null;
        if (joined > 0 && withRefs.length === 0) return null;
        add(joined > 0 ? 'lead' : role, refs);
        add('support', withRefs);
        roleSeen = true;
        group++;
        continue;
      }
      let refs = names(c.text, c.at);
      // a label's list that runs into prose (责任单位：A、B在…窗口受理) ends where the prose begins; the rest is a remark
      let intoProse = false;
      let allNames = refs.every(looksLikeName);
      const bad = seg.role !== null && group === 0 && !allNames ? refs.findIndex((r) => !looksLikeName(r)) : -1;
      if (bad >= 0) {
        const r = refs[bad]!;
        const stop = r.name.search(PROSE_START);
        const head: NameRef = { name: r.name.slice(0, stop), start: r.start, end: r.start + stop };
        if (stop >= 2 && organLike(head)) {
          refs = [...refs.slice(0, bad), head];
          intoProse = true;
          allNames = true;
        }
      }
      if (refs.length === 0 || !allNames) return null;
      const unmarked: NameRef[] = [];
      for (const r of refs) {
        const own = MARK.exec(r.name);
        if (!own) {
          unmarked.push(r);
          continue;
        }
        roleSeen = true;
        add(own[2] === '负责' ? 'responsible' : (ROLE_WORD[own[2]!] ?? 'responsible'), [{ name: own[1]!, start: r.start, end: r.start + own[1]!.length }]);
      }
      if (unmarked.length > 0) {
        // beside names marked （牵头）, the others are theirs to support, whatever the label
        if (seg.role === null || unmarked.length < refs.length) append(rest, unmarked);
        else add(seg.role, unmarked);
      }
      group++;
      if (intoProse) break;
    }
  }
  // 括号内为责任单位: where the document says so, a bracket of names alone lists the responsible agencies
  if (!roleSeen && !(context.bareLists && context.bracketed && !labelled && rest.length > 0)) return null;

  if (context.starLeads) {
    // 带*的为牵头单位: the starred names of the note lead, every other name supports
    const everyone = [...lead, ...support, ...groups.flat(), ...rest];
    if (everyone.some((r) => r.starred)) {
      lead.length = 0;
      support.length = 0;
      groups.length = 0;
      rest.length = 0;
      for (const r of everyone) (r.starred ? lead : support).push(r);
    }
  }
  let joint = false;
  const responsible = groups.flat();
  if (lead.length > 0) {
    const leading = new Set(lead.map((r) => r.name));
    append(support, responsible.filter((r) => !leading.has(r.name)), rest);
  } else if (support.length > 0) {
    append(lead, responsible, rest);
  } else if (context.groupsLeadFirst && groups.length > 1 && rest.length === 0) {
    // [责任单位：A、B，C、D]: the first group leads, the others support
    append(lead, groups[0]!);
    append(support, ...groups.slice(1));
  } else {
    append(lead, responsible, rest);
    joint = lead.length > 1;
  }
  if (lead.length + support.length === 0) return null;
  const byStart = (x: NameRef, y: NameRef) => x.start - y.start;
  lead.sort(byStart);
  support.sort(byStart);
  const all = lead.concat(support).sort(byStart);
  completeShortForms(all);
  // a label makes no prose a name: every name, labelled or not, must end like an organ or be known
  if (!all.every(organLike)) return null;
  return { lead, support, joint, firstListed, deadline, labelled };
}

/** A part that is a deadline (2025年底前完成) or led by one (2025年底前基本完成). */
export function deadlinePart(text: string, year: number | null): boolean {
  return readDeadline(text, 0, year) !== null || timeLeading(text, 0, year) !== null;
}

/** The time that leads a part, up to its 前, 起, 底 or 末 (2025年底前基本完成, 2024年起持续推进), as a deadline. */
function timeLeading(text: string, at: number, year: number | null): Deadline | null {
  if (!TIME_LED.test(text)) return null;
  const cut = text.search(TIME_END);
  return cut > 0 ? readDeadline(text.slice(0, cut + 1), at, year) : null;
}

/** Push the lists onto `to` one by one (a spread of a long list overflows the stack). */
function append(to: NameRef[], ...lists: NameRef[][]): void {
  for (const list of lists) for (const r of list) to.push(r);
}

/** A one-character administrative prefix a list's later names may leave out: 市发改委、经信局. */
const SHORT_PREFIX = /^[省市县区]/;
const SHORT_FORM = /^\p{Script=Han}{2,5}(?:局|委|办|厅)$/u;

/**
 * Complete the short forms of a list in place: after a name with a
 * one-character prefix (市发改委), a name without any prefix that is an
 * organ's short form (经信局) takes that prefix (市经信局), unless the lexicon
 * knows it as written (发展改革委, 扶贫办: national organs).
 */
function completeShortForms(refs: NameRef[]): void {
  let prefix: string | null = null;
  for (const r of refs) {
    if (ADMIN_PREFIX.test(r.name)) {
      prefix = SHORT_PREFIX.test(r.name) && !/^(?:市场|区域|县域|省级|市级|县级|区级)/.test(r.name) ? r.name[0]! : null;
      continue;
    }
    if (prefix && SHORT_FORM.test(r.name) && !knownAgency(r.name)) {
      r.written = r.name;
      r.name = prefix + r.name;
    }
  }
}
