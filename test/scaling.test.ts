/**
 * Time linear in the input (issue 17): each generator of a hostile input runs
 * through processDocument at 20 k and 200 k characters; the test fails when
 * the time grows more than 30 times for 10 times the input. Quadratic code
 * grows about 100 times; the margin absorbs a noisy shared machine (best of
 * several runs, a warm-up first).
 */
import { describe, expect, it } from 'vitest';
import { processDocument } from '../pipeline/pipeline.js';

const SMALL = 20_000;
const LARGE = 200_000;
const MAX_RATIO = 30;

const HEAD = '成都市人民政府关于加快发展未来产业的实施意见\n各区（市）县政府（管委会），市级有关部门：\n一、总体要求\n';
/** `unit` repeated to about n characters. */
const repeat = (unit: string, n: number) => unit.repeat(Math.max(1, Math.round(n / unit.length)));

interface Generator {
  name: string;
  file: string;
  make: (n: number) => string;
}

const GENERATORS: Generator[] = [
  { name: 'a run of spaces in a line (whitespace rule)', file: 'a.txt', make: (n) => `${HEAD}推进${' '.repeat(n)}发展。\n` },
  { name: 'a run of zero-width spaces in a line', file: 'a.txt', make: (n) => `${HEAD}推进${'\u200b'.repeat(n)}发展。\n` },
  { name: 'spaces and zero-width spaces between the characters of every line', file: 'a.txt', make: (n) => `${HEAD}${repeat('推 \u200b进\u3000发 展。\n', n)}` },
  { name: '到2025年 and a long digit run (time finder)', file: 'a.txt', make: (n) => `${HEAD}到2025年${'1'.repeat(n)}。\n` },
  { name: '到2025年 and many quantities in one sentence (targets)', file: 'a.txt', make: (n) => `${HEAD}到2025年，${repeat('建设1个', n)}。\n` },
  { name: 'repeated 一、 headings with the same number (segment ids)', file: 'a.txt', make: (n) => `${HEAD}${repeat('一、标题\n', n)}` },
  { name: 'many （一） headings', file: 'a.txt', make: (n) => `${HEAD}${repeat('（一）标题\n', n)}` },
  { name: 'many 第一条 articles with many 款', file: 'a.txt', make: (n) => `${HEAD}第一条 总则。\n${repeat('各单位要落实责任。\n', n)}` },
  { name: 'a page on one line (long-line rule)', file: 'a.txt', make: (n) => `${HEAD}${repeat('加强管理。一、总体要求（一）指导思想坚持发展。[责任单位：市科技局]', n)}\n` },
  { name: 'deeply nested Markdown blockquotes on one line', file: 'a.md', make: (n) => `${HEAD}${'>'.repeat(n)} 文本内容\n` },
  { name: 'deeply nested Markdown list items on one line', file: 'a.md', make: (n) => `${HEAD}${'- '.repeat(n / 2)}文本内容\n` },
  { name: 'many sibling Markdown blockquotes (parsed in pieces)', file: 'a.md', make: (n) => `${HEAD}\n${repeat('> 文本内容\n\n', n)}` },
  { name: 'a page of many metadata rows and link lines around a document (page finder, page-metadata, page-chrome)', file: 'a.html', make: (n) => `<html><head><title>关于做好工作的通知_某某网</title></head><body>${repeat('<div>发布时间：2024-01-01 来源：本站 【字号：大 中 小】</div><ul><li><a href="/x.html">关于调整政策的通知</a></li></ul>', n)}<div><p>关于做好工作的通知</p><p>${HEAD}</p></div></body></html>` },
  { name: 'a text’s block with many hidden elements between its lines and many label/value rows after its date (page finder: hidden spans, trailing metadata)', file: 'a.html', make: (n) => `<html><head><title>关于做好工作的通知_某某网</title></head><body><div><p>关于做好工作的通知</p><p>${HEAD}</p>${repeat('<p>各单位要落实责任。</p><div style="display:none">隐藏</div>', n / 2)}<p>2024年1月1日</p>${repeat('<p>成文日期：</p><p>2024年1月1日</p>', n / 2)}</div></body></html>` },
  { name: 'a law’s numbered history: an entry wrapped over many lines with many dates, and many entries (readNumberedHistory)', file: 'a.txt', make: (n) => `某某管理办法\n1.2020年1月1日某某部\n${repeat('令第1号、2020年1月1日\n', n / 2)}公布\n${repeat('2.2021年1月1日某部令修正发布\n', n / 2)}第1条 本办法自公布之日起施行。\n` },
  { name: 'a Hong Kong ordinance: many sections, and a section of many lettered paragraphs (hkPositions)', file: 'a.txt', make: (n) => `第57章\n雇佣条例\n本条例可引称为《雇佣条例》。\n${repeat('第1条 简称\n（1）在本条例中，除文意另有所指外——\n', n / 2)}第2条 释义\n${repeat('（a）雇主；\n（i）雇员；\n', n / 2)}` },
  { name: 'a LegCo paper: a long rule line under its title, many unmarked parts over numbered paragraphs, a month under its organs (isHkPaperPart, RULE_LINE, MONTH_LINE)', file: 'a.txt', make: (n) => `立法會CB(2)123/23-24(01)號文件\n立法會福利事務委員會\n加強支援照顧者的措施\n${'＊'.repeat(n / 4)}\n${repeat('背景\n1.\t政府一直為照顧者提供支援服務。\n', (n * 3) / 4)}勞工及福利局\n社會福利署\n2023年11月\n` },
  { name: 'many starts of listed terms in a line (term lexicon scan)', file: 'a.txt', make: (n) => `${HEAD}${repeat('人工智人工智能', n)}。\n` },
  { name: 'many distinct programme names, each once (entity mentions: one pass, not an indexOf per name)', file: 'a.txt', make: (n) => `${HEAD}${Array.from({ length: Math.round(n / 9) }, (_, k) => `实施${[0, 1, 2, 3].map((d) => '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉'[Math.floor(k / 20 ** d) % 20]).join('')}计划。`).join('')}\n` },
  { name: 'many plain Markdown headings and paragraphs (plain pieces, no parser)', file: 'a.md', make: (n) => `# 条例\n\n${repeat('## 第一章  总则\n\n第一条 为了保护权益，制定本条例。\n第二条 本条例；\n\n', n)}` },
  { name: 'deeply nested HTML elements', file: 'a.html', make: (n) => `<html><body><p>${HEAD}</p>${'<div>'.repeat(n / 11)}文本内容${'</div>'.repeat(n / 11)}</body></html>` },
];

/**
 * Item 8 of issue 17: the responsibility notes, read by the grammar of lib/notes/ (one scan, bodies bounded);
 * before it, these took 0.22 s → 10–12 s and 0.57 s → 20 s from 20 k to 200 k characters on this machine.
 */
const NOTE_GENERATORS: (Generator & { superlinear?: true })[] = [
  { name: 'many （一） and [责任单位： in one paragraph (findNotes, issue 17 item 8)', file: 'a.txt', make: (n) => `${HEAD}${repeat('（一）[责任单位：市科技局]，', n)}\n` },
  { name: 'many [责任单位： without a closing bracket', file: 'a.txt', make: (n) => `${HEAD}${repeat('[责任单位：', n)}\n` },
  { name: '市科技局牵头， repeated in a bracket (LEAD_AND_SUPPORT, issue 17 item 8)', file: 'a.txt', make: (n) => `${HEAD}（${repeat('市科技局牵头，', n)}）\n` },
  {
    name: 'a task table of one-cell rows under merged cells (html-markup rowspans, the table reader)',
    file: 'a.html',
    make: (n) => `<p>${HEAD}</p><table><tr><th>序号</th><th>重点任务</th><th>牵头单位</th></tr>${repeat(`<tr><td rowspan="40">1</td><td>建设平台</td><td rowspan="40">市发改委</td></tr>${'<tr><td>完善平台</td></tr>'.repeat(39)}`, n)}</table>`,
  },
];

/** Times of `runs` runs of processDocument on the text, in ms, sorted; stops early once a run takes at most `enough`. */
function times(text: string, file: string, runs: number, enough = 0): number[] {
  const bytes = Buffer.from(text);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = processDocument({ bytes, file });
    out.push(performance.now() - start);
    expect(result.diagnostics.filter((d) => d.code === 'pipeline:failed')).toEqual([]);
    if (out.at(-1)! <= enough) break;
  }
  return out.sort((a, b) => a - b);
}

/**
 * Time at LARGE over time at SMALL: the median of three small runs (the fastest of them can be a lucky one, which
 * would make the ratio look worse than it is) and the best of two large ones, with a floor of 30 ms under the small
 * time (below it the timer and the collector decide).
 */
function ratio(g: Generator): { small: number; large: number; ratio: number } {
  times(g.make(SMALL / 10), g.file, 1); // warm-up: the code of this input's path compiled
  const small = times(g.make(SMALL), g.file, 3)[1]!;
  const floor = Math.max(small, 30);
  const large = times(g.make(LARGE), g.file, 2, floor * MAX_RATIO)[0]!;
  return { small, large, ratio: large / floor };
}

describe('time linear in the input (20 k and 200 k characters)', () => {
  it('generators make inputs of the sizes asked', () => {
    for (const g of [...GENERATORS, ...NOTE_GENERATORS]) {
      const length = g.make(LARGE).length;
      expect(length, g.name).toBeGreaterThan(LARGE * 0.9);
      expect(length, g.name).toBeLessThan(LARGE * 1.2);
    }
  });
  for (const g of GENERATORS) {
    it(g.name, { timeout: 300_000 }, () => {
      const r = ratio(g);
      expect(r.ratio, `${g.name}: ${r.small.toFixed(0)} ms at 20 k, ${r.large.toFixed(0)} ms at 200 k`).toBeLessThan(MAX_RATIO);
    });
  }
  for (const g of NOTE_GENERATORS) {
    (g.superlinear ? it.skip : it)(g.superlinear ? `${g.name}: skipped until item 8 of issue 17 lands` : g.name, { timeout: 300_000 }, () => {
      const r = ratio(g);
      expect(r.ratio, `${g.name}: ${r.small.toFixed(0)} ms at 20 k, ${r.large.toFixed(0)} ms at 200 k`).toBeLessThan(MAX_RATIO);
    });
  }
});
