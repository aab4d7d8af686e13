/**
 * Taiwan laws as the national law database (law.moj.gov.tw) gives them in its
 * open-data JSON (../shared/corpus/laws/moj/): rendered to text as the
 * database's pages show them — the title, then each 編/章/節 heading and each
 * `第 N 條` line followed by the article's text — and the gold read from the
 * JSON itself (title, headings with their numbers, articles with their text).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chineseNumber } from '../../pipeline/lib/cjk.js';
import { SHARED } from './paths.js';

export type MojEntry = { 編章節: string } | { 條號: string; 條文內容: string };
export interface MojLaw {
  法規名稱: string;
  沿革內容?: string;
  法規內容: MojEntry[];
}

export const MOJ_DIR = join(SHARED, 'corpus', 'laws', 'moj');

export function mojLaws(): { file: string; law: MojLaw }[] {
  return readdirSync(MOJ_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, law: JSON.parse(readFileSync(join(MOJ_DIR, file), 'utf8').replace(/^\uFEFF/, '')) as MojLaw }));
}

/** Every string of the law passed through `f` (e.g. a Big5 round trip, a conversion to Simplified). */
export function mapLaw(law: MojLaw, f: (s: string) => string): MojLaw {
  return {
    法規名稱: f(law.法規名稱),
    ...(law.沿革內容 !== undefined ? { 沿革內容: f(law.沿革內容) } : {}),
    法規內容: law.法規內容.map((e) => ('編章節' in e ? { 編章節: f(e.編章節) } : { 條號: f(e.條號), 條文內容: f(e.條文內容) })),
  };
}

/**
 * The text of the database's page: title, headings, `第 N 條` lines each followed by the article's lines; with
 * `history`, the 沿革 under the title as the database prints it (numbered entries wrapped at a fixed width, the
 * wrapped lines indented, notes under an entry).
 */
export function renderMojLaw(law: MojLaw, options: { history?: boolean } = {}): string {
  const lines = [law.法規名稱];
  if (options.history && law.沿革內容) lines.push(...law.沿革內容.split(/\r?\n/));
  for (const e of law.法規內容) {
    if ('編章節' in e) lines.push(e.編章節);
    else lines.push(e.條號, ...e.條文內容.split(/\r?\n/));
  }
  return `${lines.join('\n')}\n`;
}

export interface MojGold {
  title: string;
  /** 編/章/節 headings in order: the section id the tree should give (b1, c2, c2.j1) and the name. */
  headings: { id: string; name: string }[];
  /** Articles in order: id (a14, a14-1), the id of the heading they stand under (or null), the text without spaces. */
  articles: { id: string; parent: string | null; text: string }[];
}

const LEVEL_ID: Record<string, string> = { 編: 'b', 编: 'b', 章: 'c', 節: 'j', 节: 'j' };

export function mojGold(law: MojLaw): MojGold {
  const headings: MojGold['headings'] = [];
  const articles: MojGold['articles'] = [];
  let b: string | null = null;
  let c: string | null = null;
  let j: string | null = null;
  for (const e of law.法規內容) {
    if ('編章節' in e) {
      const m = /^第\s*(\S+?)\s*([編编章節节])\s*(.*)$/.exec(e.編章節.trim());
      if (!m) throw new Error(`unexpected heading ${e.編章節}`);
      const n = chineseNumber(m[1]!);
      const kind = LEVEL_ID[m[2]!]!;
      if (kind === 'b') [b, c, j] = [`b${n}`, null, null];
      else if (kind === 'c') [c, j] = [`${b ? `${b}.` : ''}c${n}`, null];
      else j = `${c ?? b ? `${c ?? b}.` : ''}j${n}`;
      headings.push({ id: (kind === 'b' ? b : kind === 'c' ? c : j)!, name: squeeze(m[3]!) });
    } else {
      const m = /^第\s*(\d+)(?:\s*-\s*(\d+))?\s*[條条]$/.exec(e.條號.trim());
      if (!m) throw new Error(`unexpected article number ${e.條號}`);
      articles.push({ id: `a${m[1]}${m[2] ? `-${m[2]}` : ''}`, parent: j ?? c ?? b, text: squeeze(e.條文內容) });
    }
  }
  return { title: squeeze(law.法規名稱), headings, articles };
}

/** Text compared without spaces and with full-width forms folded (the cleaner folds ＡＢ and turns ( into （ beside Chinese). */
export function squeeze(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}

export type HistoryAction = 'promulgated' | 'amended' | 'abolished';
/** The action words of the 沿革's entries; the first one in an entry (the longest at its place) says what the entry did. */
const ENTRY_ACTION = /發布廢止|公布廢止|制定公布|訂定發布|修正公布|修正發布|增訂發布|廢止|公布|發布/u;
const ACTION_OF: Record<string, HistoryAction> = {
  發布廢止: 'abolished',
  公布廢止: 'abolished',
  廢止: 'abolished',
  制定公布: 'promulgated',
  訂定發布: 'promulgated',
  公布: 'promulgated',
  發布: 'promulgated',
  修正公布: 'amended',
  修正發布: 'amended',
  增訂發布: 'amended',
};

/**
 * Gold for a law's history, from the JSON's 沿革內容: one event per numbered entry (`1.中華民國…`), its date (the ROC
 * date it opens with, year + 1911) and what it did (the first action word of the entry's own lines: 訂定發布,
 * 制定公布 promulgated; 修正發布, 修正公布 amended; 發布廢止, 廢止 abolished). An entry with no action word
 * (`…號令准備案`) is no event; the unnumbered lines under an entry (an announcement that another organ is now
 * competent, an effective date) are notes, not events of the law's text.
 */
export function mojHistoryGold(law: MojLaw): { date: string; action: HistoryAction }[] {
  const out: { date: string; action: HistoryAction }[] = [];
  const lines = (law.沿革內容 ?? '').split(/\r?\n/);
  for (let k = 0; k < lines.length; k++) {
    const m = /^\d+\.\s*中華民國(\S+?)年(\S+?)月(\S+?)日/u.exec(lines[k]!.trim());
    if (!m) continue;
    let entry = lines[k]!.trim();
    while (k + 1 < lines.length && !/^(?:\d+\.|中華民國)/u.test(lines[k + 1]!.trim())) entry += lines[++k]!.trim();
    const action = ENTRY_ACTION.exec(entry.replace(/\s+/g, ''));
    if (!action) continue;
    const [y, mo, d] = [chineseNumber(m[1]!)!, chineseNumber(m[2]!)!, chineseNumber(m[3]!)!];
    out.push({ date: `${y + 1911}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, action: ACTION_OF[action[0]]! });
  }
  return out;
}
