/**
 * Programmes and campaigns: names in quotes that a programme word follows or
 * ends (“蓉漂计划”, “岷山行动”计划, “揭榜挂帅”机制, “蓉耀未来”品牌,
 * “科创通”创新服务云平台, “十四五”规划); and unquoted names that end in
 * 计划/行动/工程/专项行动 right after the verb that launches them and before a
 * mark (实施现代农业人才支撑计划，开展扶贫公益行动。) — the verb fixes the
 * name's start; generic ones (重大工程, 相关人才工程, 年度计划) are left out.
 */
import type { Candidate } from './types.js';

const KIND = '计划|行动|工程|专项|项目|品牌|平台|云平台|机制|模式|方式|形式|大赛|规划|战略|示范|试点|基金|活动|论坛|峰会|展会';
const QUOTED = new RegExp(`“([^“”\\n]{2,14})”([^，。；、“”的\\n]{0,8}?(?:${KIND}))?`, 'g');
const ENDS_AS_PROGRAMME = new RegExp(`(?:${KIND})$`);
/** Quoted slogans and figures of speech, not programmes: they carry verbs or particles. */
const SLOGAN = /[的了着吗呢吧，、+]|^[\d+N-]+$/;

const LAUNCHED = /(?:深入实施|组织实施|大力实施|实施好|实施|开展|启动|推进实施)([\p{Script=Han}]{4,14}?(?:计划|行动|工程|专项行动))(?=[，。；、）\n]|$)/gu;
/** Words that make a launched name generic or a list, not a named programme. */
const GENERIC = /^(?:相关|有关|重大|重点|各类|各项|一批|若干|年度|系列)|[和及的等]/;

export function findProgrammes(text: string): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  QUOTED.lastIndex = 0;
  for (let m = QUOTED.exec(text); m; m = QUOTED.exec(text)) {
    const name = m[1]!;
    if (SLOGAN.test(name)) continue;
    // “十四五”规划, “九五”计划, “双碳”战略: the quoted part and its kind are one name
    const planned = m[2] === '规划' || m[2] === '战略' || (m[2] === '计划' && /^[一二三四五六七八九十]+五$/.test(name)) ? `“${name}”${m[2]}` : null;
    if (!planned && !m[2] && !ENDS_AS_PROGRAMME.test(name)) continue;
    const key = planned ?? name;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ type: 'programme', surface: key, key });
  }
  for (const m of text.matchAll(LAUNCHED)) {
    // 组织实施好…计划: 好 belongs to the verb
    const name = m[1]!.replace(/^好/, '');
    if (GENERIC.test(name) || seen.has(name)) continue;
    seen.add(name);
    out.push({ type: 'programme', surface: name, key: name });
  }
  return out;
}
