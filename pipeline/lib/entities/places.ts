/**
 * Places: the gazetteer (provinces, cities, new areas, regions such as
 * 成渝地区双城经济圈, 京津冀, 长三角, 粤港澳), and zones found by pattern — a
 * name that ends in 新区/高新区/开发区/自贸试验区/科学城/生物城/示范区 and starts
 * on a word boundary (成都东部新区, 天府国际生物城, 西部科学城).
 */
import { segmenter } from '../jieba.js';
import { placeLexicon } from '../lexicon.js';
import { namesIn } from './names-in.js';
import type { Candidate } from './types.js';

const ZONE = /(?:高新技术产业开发区|经济技术开发区|高新区|新区|开发区|自贸试验区|自由贸易试验区|科学城|国际生物城|生物城|示范区|保税区|综合保税区)$/;
const ZONE_END = /(?:高新技术产业开发区|经济技术开发区|高新区|新区|开发区|自贸试验区|自由贸易试验区|科学城|生物城|示范区|保税区)/g;
/** Tags of the words a zone's name is made of: places, names, nouns, directions (东部), unknown words. */
const NOUN_TAGS = new Set(['ns', 'nr', 'nrt', 'nz', 'nt', 'n', 'f', 's', 'x', 'j', 'eng']);
/** Words before a zone suffix that make it a common noun (各新区, 一批示范区, 国家级新区). */
const NOT_A_PLACE = /^(?:各|一批|若干|国家级|省级|市级|新的|全国|本|该|这|其|有关|相关|首批|多个|综合|现代)|[的和与及、]/;

export function findPlaces(text: string): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const gazetteer = placeLexicon();
  const add = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    // 四川天府新区 is 天府新区 (a known place after a known place); 成都东部新区 stays whole
    const inner = [...gazetteer.keys()].find((p) => name.startsWith(p) && gazetteer.has(name.slice(p.length)));
    out.push({ type: 'place', surface: name, key: inner ? name.slice(inner.length) : name });
  };
  const present = namesIn(text, gazetteer);
  for (const name of gazetteer.keys()) if (present.has(name)) add(name);
  const jieba = segmenter();
  ZONE_END.lastIndex = 0;
  for (let m = ZONE_END.exec(text); m; m = ZONE_END.exec(text)) {
    const end = m.index + m[0].length;
    let from = Math.max(0, m.index - 8);
    while (from < m.index && /[^\p{Script=Han}]/u.test(text.slice(from, m.index))) from++;
    // the name is the longest run before the suffix that starts with a place (a known one, or
    // one jieba tags ns) and holds only nouns: 成都/ns 东部/f 新区, not 促进/v 综合/vn 保税区
    const tokens = jieba.tag(text.slice(from, end));
    let offset = 0;
    const starts = tokens.map((t) => {
      const at = offset;
      offset += t.word.length;
      return { at, t };
    });
    const prefixLength = m.index - from;
    for (let k = 0; k < starts.length && starts[k]!.at < prefixLength; k++) {
      const { at, t } = starts[k]!;
      const rest = starts.slice(k).filter((x) => x.at < prefixLength);
      const placeFirst = t.tag === 'ns' || [...gazetteer.keys()].some((p) => text.startsWith(p, from + at));
      if (!placeFirst || !rest.every((x) => NOUN_TAGS.has(x.t.tag))) continue;
      const name = text.slice(from + at, end);
      if (name.length - m[0].length >= 2 && !NOT_A_PLACE.test(name)) add(name);
      break;
    }
  }
  return out;
}
