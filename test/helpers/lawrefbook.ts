/**
 * Mainland laws as LawRefBook writes them in Markdown (../shared/corpus/laws/lawrefbook/
 * and corpus/lawrefbook/): `# title`, the history lines down to `<!-- INFO END -->`,
 * `## 第X章` headings and `第X条 ` paragraphs. The gold is read from the Markdown itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chineseNumber } from '../../pipeline/lib/cjk.js';
import { SHARED } from './paths.js';
import { squeeze, type MojGold } from './moj.js';

export interface LawrefbookGold extends Omit<MojGold, 'articles'> {
  articles: { id: string; parent: string | null }[];
  /** Every date written in the history lines (YYYY-MM-DD), in order. */
  historyDates: string[];
}

export function lawrefbookFiles(): string[] {
  const dev = join(SHARED, 'corpus', 'laws', 'lawrefbook');
  const three = join(SHARED, 'corpus', 'lawrefbook');
  return [
    ...readdirSync(dev).filter((f) => f.endsWith('.md')).sort().map((f) => join(dev, f)),
    ...readdirSync(three).filter((f) => f.endsWith('.md')).sort().map((f) => join(three, f)),
  ];
}

const CN = '[一二三四五六七八九十百零〇两]+';

export function lawrefbookGold(file: string): LawrefbookGold {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const titleLine = lines.findIndex((l) => l.startsWith('# '));
  const infoEnd = lines.findIndex((l) => l.includes('<!-- INFO END -->'));
  const historyDates = (infoEnd > titleLine ? lines.slice(titleLine + 1, infoEnd) : [])
    .flatMap((l) => [...l.matchAll(/(\d{4})年(\d{1,2})月(\d{1,2})日/g)])
    .map((m) => `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`);
  // headings and articles in order; a heading with no article under it (before the next heading of its rank or above) is a table of contents entry
  const RANK: Record<string, number> = { 编: 1, 章: 2, 节: 3 };
  const items: ({ kind: 'h'; level: string; n: number; name: string } | { kind: 'a'; id: string })[] = [];
  for (const line of lines.slice(Math.max(infoEnd, titleLine) + 1)) {
    const h = new RegExp(`^#{2,6}\\s*第(${CN})([编章节])\\s*(.*)$`).exec(line);
    if (h) items.push({ kind: 'h', level: h[2]!, n: chineseNumber(h[1]!)!, name: squeeze(h[3]!) });
    const a = new RegExp(`^第(${CN})条(?:之(${CN}))?[ 　]`).exec(line);
    if (a) items.push({ kind: 'a', id: `a${chineseNumber(a[1]!)}${a[2] ? `-${chineseNumber(a[2])}` : ''}` });
  }
  const real = items.filter((item, k) => {
    if (item.kind === 'a') return true;
    for (const next of items.slice(k + 1)) {
      if (next.kind === 'a') return true;
      if (RANK[next.level]! <= RANK[item.level]!) return false;
    }
    return false;
  });
  const headings: LawrefbookGold['headings'] = [];
  const articles: LawrefbookGold['articles'] = [];
  let b: string | null = null;
  let c: string | null = null;
  let j: string | null = null;
  for (const item of real) {
    if (item.kind === 'a') {
      articles.push({ id: item.id, parent: j ?? c ?? b });
      continue;
    }
    if (item.level === '编') [b, c, j] = [`b${item.n}`, null, null];
    else if (item.level === '章') [c, j] = [`${b ? `${b}.` : ''}c${item.n}`, null];
    else j = `${c ?? b ? `${c ?? b}.` : ''}j${item.n}`;
    headings.push({ id: (item.level === '编' ? b : item.level === '章' ? c : j)!, name: item.name });
  }
  return { title: squeeze(lines[titleLine]!.slice(2)), headings, articles, historyDates };
}
