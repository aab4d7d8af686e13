/**
 * Scores gongwen on whole government pages against hand-made gold labels
 * (test/fixtures/pages/gold.json, written by reading each page — never from
 * gongwen's output): title, 发文字号, 署名, 成文日期, 主送机关, level-1
 * headings, the first and last clean lines, and whether the page is a
 * document. `node dist/bench/page-score.js [pagesFolder]` prints the table;
 * test/pages.test.ts asserts on the same scores.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processDocument } from '../pipeline/pipeline.js';
import type { GongwenDocument } from '../pipeline/schema-types.js';

export interface PageGold {
  file: string;
  isDocument: boolean;
  title: string;
  documentNumber: string | null;
  issuers: string[];
  date: string | null;
  addressees: string | null;
  level1Headings: string[];
  bodyFirstLine: string;
  bodyLastLine: string;
  status: string | null;
  attachmentLinks: { text: string; href: string }[];
}

export type Field = 'title' | 'documentNumber' | 'issuer' | 'date' | 'addressees' | 'headings' | 'firstLine' | 'lastLine' | 'status';

export interface PageScore {
  file: string;
  /** Per field: true (right), false (wrong), or null (the gold has nothing to find). */
  right: Record<Field, boolean | null>;
  got: Record<Field, string>;
  want: Record<Field, string>;
}

/** Whitespace and the marks that sites add or drop around a name (《》, quotes) do not count. */
export function squash(s: string | null | undefined): string {
  return (s ?? '').replace(/[\s\u00a0\u3000]/gu, '').replace(/[，,]/gu, '，').replace(/[：:]/gu, '：').replace(/\(/gu, '（').replace(/\)/gu, '）');
}

/** A heading as the gold writes it: marker and words, the marker's stop as either mark (1. and 1、 are one marker). */
function headingOf(marker: string, heading: string): string {
  return squash(marker + heading).replace(/^(\d{1,2})[.．、]/u, '$1.').replace(/[。：]$/u, '');
}

export function scorePage(doc: GongwenDocument | null, gold: PageGold): PageScore {
  const hans = (t: { 'zh-Hans': string } | null | undefined) => t?.['zh-Hans'] ?? '';
  const lines = (doc?.text['zh-Hans'] ?? '').split('\n').filter((l) => l.trim() !== '');
  // a cover that forwards a document has its headings in the attachment
  const top = doc && doc.sections.length === 0 && doc.attachments.length > 0 ? doc.attachments[0]!.sections : (doc?.sections ?? []);
  const level1 = top.map((s) => headingOf(s.marker, hans(s.heading)));
  const wantHeadings = gold.level1Headings.map((h) => headingOf('', h));
  const got: Record<Field, string> = {
    title: hans(doc?.document.title),
    documentNumber: doc?.document.documentNumber ?? '',
    issuer: hans(doc?.document.issuer),
    date: doc?.document.date ?? '',
    addressees: (doc?.document.addressees ?? []).map(hans).join('，'),
    headings: level1.join(' / '),
    firstLine: lines[0] ?? '',
    lastLine: lines[lines.length - 1] ?? '',
    status: (doc?.document as { status?: string | null } | undefined)?.status ?? '',
  };
  const want: Record<Field, string> = {
    title: gold.title,
    documentNumber: gold.documentNumber ?? '',
    issuer: gold.issuers.join(''),
    date: gold.date ?? '',
    addressees: gold.addressees ?? '',
    headings: wantHeadings.join(' / '),
    firstLine: gold.bodyFirstLine,
    lastLine: gold.bodyLastLine,
    status: gold.status ?? '',
  };
  const same = (f: Field) => (want[f] === '' ? null : squash(got[f]) === squash(want[f]));
  const right: Record<Field, boolean | null> = {
    title: same('title'),
    documentNumber: same('documentNumber'),
    // a joint signature is several organs on several lines: any order of the same organs
    issuer: want.issuer === '' ? null : squash(got.issuer) === squash(want.issuer) || gold.issuers.every((i) => squash(got.issuer).includes(squash(i))),
    date: same('date'),
    addressees: same('addressees'),
    headings: wantHeadings.length === 0 ? null : wantHeadings.length === level1.length && wantHeadings.every((h, i) => level1[i]!.startsWith(h) || h.startsWith(level1[i]!)),
    // a title split over lines is one line in the gold
    firstLine: squash([0, 1, 2].map((k) => lines.slice(0, k + 1).join('')).find((joined) => squash(joined) === squash(want.firstLine)) ?? got.firstLine) === squash(want.firstLine),
    lastLine: same('lastLine'),
    status: same('status'),
  };
  return { file: gold.file, right, got, want };
}

export function loadGold(root: string): PageGold[] {
  return JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'pages', 'gold.json'), 'utf8')) as PageGold[];
}

export function scoreFolder(folder: string, gold: readonly PageGold[]): PageScore[] {
  return gold.map((g) => {
    const result = processDocument({ bytes: readFileSync(join(folder, g.file)), file: g.file }, {});
    return scorePage(result.ok ? result.document : null, g);
  });
}

export function summary(scores: readonly PageScore[]): Record<Field, { right: number; of: number }> {
  const out = {} as Record<Field, { right: number; of: number }>;
  for (const s of scores) {
    for (const [f, r] of Object.entries(s.right) as [Field, boolean | null][]) {
      out[f] ??= { right: 0, of: 0 };
      if (r === null) continue;
      out[f].of++;
      if (r) out[f].right++;
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = join(import.meta.dirname, '..', '..');
  const folder = process.argv.slice(2).find((a) => !a.startsWith('-')) ?? join(root, '..', 'shared', 'corpus', 'pages');
  const scores = scoreFolder(folder, loadGold(root));
  const verbose = process.argv.includes('-v');
  for (const s of scores) {
    const wrong = (Object.keys(s.right) as Field[]).filter((f) => s.right[f] === false);
    if (wrong.length === 0) continue;
    process.stdout.write(`${s.file}\n`);
    for (const f of wrong) process.stdout.write(`  ${f}: got ${JSON.stringify(s.got[f].slice(0, verbose ? 400 : 90))}\n      want ${JSON.stringify(s.want[f].slice(0, verbose ? 400 : 90))}\n`);
  }
  for (const [f, { right, of }] of Object.entries(summary(scores))) process.stdout.write(`${f.padEnd(15)} ${right}/${of}\n`);
}
