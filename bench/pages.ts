/**
 * gongwen against Mozilla's Readability (Firefox's reader view, on jsdom) and
 * defuddle (on jsdom) on the development pages (../shared/corpus/pages), side
 * by side in one run: time per page, the title right (against the hand-made
 * gold, test/fixtures/pages/gold.json), the level-1 headings kept in the body,
 * and the page furniture left in it (the gold's chrome samples). Part of
 * `npm run bench`; alone: `node dist/bench/pages.js`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { Defuddle } from 'defuddle/node';
import { JSDOM, VirtualConsole } from 'jsdom';
import { processDocument } from '../pipeline/pipeline.js';
import { decode } from '../pipeline/stages/decode.js';
import { loadGold, squash, type PageGold } from './page-score.js';

interface Tally {
  ms: number;
  title: number;
  headings: number;
  headingsOf: number;
  chromeLeft: number;
  chromeOf: number;
}

const zero = (): Tally => ({ ms: 0, title: 0, headings: 0, headingsOf: 0, chromeLeft: 0, chromeOf: 0 });

function judge(t: Tally, gold: PageGold & { chromeSamples?: string[] }, title: string, body: string): void {
  const text = squash(body);
  if (squash(title) === squash(gold.title)) t.title++;
  for (const h of gold.level1Headings) {
    t.headingsOf++;
    if (text.includes(squash(h).slice(0, 12))) t.headings++;
  }
  for (const c of gold.chromeSamples ?? []) {
    if (squash(c).length < 4) continue;
    t.chromeOf++;
    if (text.includes(squash(c))) t.chromeLeft++;
  }
}

export async function pageBench(root: string, pagesFolder: string): Promise<string[]> {
  const gold = loadGold(root) as (PageGold & { chromeSamples?: string[] })[];
  const pages = gold.map((g) => {
    const bytes = readFileSync(join(pagesFolder, g.file));
    const decoded = decode({ bytes });
    return { gold: g, bytes, html: decoded.ok ? decoded.text : bytes.toString('utf8') };
  });
  const ours = zero();
  const readability = zero();
  const defuddle = zero();
  const quiet = new VirtualConsole();
  // one warm-up pass each, so neither side pays its module loading in the timing
  for (const p of pages.slice(0, 3)) {
    processDocument({ bytes: p.bytes, file: p.gold.file });
    new Readability(new JSDOM(p.html, { virtualConsole: quiet }).window.document).parse();
  }
  for (const p of pages) {
    let start = performance.now();
    const result = processDocument({ bytes: p.bytes, file: p.gold.file });
    ours.ms += performance.now() - start;
    judge(ours, p.gold, result.document?.document.title['zh-Hans'] ?? '', result.document?.text['zh-Hans'] ?? '');

    start = performance.now();
    const dom = new JSDOM(p.html, { virtualConsole: quiet, url: 'https://example.gov.cn/' });
    const article = new Readability(dom.window.document).parse();
    readability.ms += performance.now() - start;
    judge(readability, p.gold, article?.title ?? '', article?.textContent ?? '');

    start = performance.now();
    const dom2 = new JSDOM(p.html, { virtualConsole: quiet, url: 'https://example.gov.cn/' });
    const parsed = await Defuddle(dom2.window.document, 'https://example.gov.cn/');
    defuddle.ms += performance.now() - start;
    const text = new JSDOM(`<body>${parsed.content}</body>`, { virtualConsole: quiet }).window.document.body.textContent ?? '';
    judge(defuddle, p.gold, parsed.title ?? '', text);
  }
  const n = pages.length;
  const row = (name: string, t: Tally) =>
    `  ${name.padEnd(22)} ${(t.ms / n).toFixed(1).padStart(7)} ms/page   title ${t.title}/${n}   level-1 headings kept ${t.headings}/${t.headingsOf}   furniture left ${t.chromeLeft}/${t.chromeOf}`;
  return [
    `pages (${n} development pages of ../shared/corpus/pages, gold: test/fixtures/pages/gold.json):`,
    row('gongwen (everything)', ours),
    row('Readability + jsdom', readability),
    row('defuddle + jsdom', defuddle),
    `  gongwen / Readability time: ${(ours.ms / readability.ms).toFixed(2)} (gongwen's time is the whole pipeline: cleaning, conversion, segmentation, entities, JSON)`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = join(import.meta.dirname, '..', '..');
  for (const line of await pageBench(root, join(root, '..', 'shared', 'corpus', 'pages'))) process.stdout.write(`${line}\n`);
}
