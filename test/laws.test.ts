/**
 * Laws end to end: the 60 Taiwan laws of ../shared/corpus/laws/moj/ rendered
 * as the law database's pages show them (as UTF-8 text, as Big5, and
 * converted to Simplified), against gold read from their JSON.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { processDocument } from '../pipeline/pipeline.js';
import { converters } from '../pipeline/lib/opencc.js';
import { toMarkdown } from '../pipeline/stages/to-markdown.js';
import type { GongwenDocument, Section } from '../pipeline/schema-types.js';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { lawrefbookFiles, lawrefbookGold } from './helpers/lawrefbook.js';
import { mapLaw, mojGold, mojHistoryGold, mojLaws, renderMojLaw, squeeze, type MojGold, type MojLaw } from './helpers/moj.js';

/** What the pipeline read, in the gold's terms. */
function readBack(doc: GongwenDocument): MojGold {
  const script = doc.cleaning.script;
  const headings: MojGold['headings'] = [];
  const articles: MojGold['articles'] = [];
  const walk = (list: Section[], parent: string | null): void => {
    for (const s of list) {
      if (s.level === '条') {
        const text = s.paragraphs
          .map((p, k) => {
            const t = squeeze(p.sentences.map((x) => x.text[script]).join(''));
            // the article's own line is its first paragraph when the text runs on after the number
            return k === 0 && p.span.start === s.span.start ? t.replace(/^第[^条條]+[条條](?:之[一二三四五六七八九十]+)?/, '') : t;
          })
          .join('');
        articles.push({ id: s.id, parent, text });
        walk(s.children, parent);
      } else if (s.level === '编' || s.level === '章' || s.level === '节') {
        headings.push({ id: s.id, name: squeeze(s.heading?.[script] ?? '') });
        walk(s.children, s.id);
      } else walk(s.children, parent);
    }
  };
  walk(doc.sections, null);
  return { title: squeeze(doc.document.title?.[script] ?? ''), headings, articles };
}

function run(law: MojLaw, bytes: Buffer, file: string): { gold: MojGold; read: MojGold; doc: GongwenDocument } {
  const result = processDocument({ file, bytes });
  expect(result.ok, file).toBe(true);
  return { gold: mojGold(law), read: readBack(result.document!), doc: result.document! };
}

/** The first difference between gold and what was read, or null when they are equal. */
function firstDifference(gold: MojGold, read: MojGold): string | null {
  if (gold.title !== read.title) return `title ${read.title} ≠ ${gold.title}`;
  if (JSON.stringify(gold.headings) !== JSON.stringify(read.headings)) return `headings ${JSON.stringify(read.headings).slice(0, 200)} ≠ ${JSON.stringify(gold.headings).slice(0, 200)}`;
  const n = Math.max(gold.articles.length, read.articles.length);
  for (let k = 0; k < n; k++) {
    const g = gold.articles[k];
    const r = read.articles[k];
    if (JSON.stringify(g) !== JSON.stringify(r)) return `article ${k + 1}: ${JSON.stringify(r)?.slice(0, 160)} ≠ ${JSON.stringify(g)?.slice(0, 160)}`;
  }
  return null;
}

const laws = mojLaws();

describe('Taiwan laws as the law database writes them (60 laws of laws/moj)', () => {
  it('has the corpus', () => expect(laws).toHaveLength(60));

  it('reads title, 編/章/節 and every article with its text exactly, as UTF-8 text', () => {
    const failures: string[] = [];
    for (const { file, law } of laws) {
      const { gold, read } = run(law, Buffer.from(renderMojLaw(law)), `${file}.txt`);
      const diff = firstDifference(gold, read);
      if (diff) failures.push(`${file}: ${diff}`);
    }
    expect(failures).toEqual([]);
  });

  it('reads the same from Big5 bytes', () => {
    const failures: string[] = [];
    for (const { file, law } of laws) {
      // characters Big5 lacks become ? in the bytes, in the gold as well
      const big5 = mapLaw(law, (s) => iconv.decode(iconv.encode(s, 'big5'), 'big5'));
      const bytes = iconv.encode(renderMojLaw(big5), 'big5');
      const { gold, read, doc } = run(big5, bytes, `${file}.txt`);
      expect(doc.source.encoding, file).toBe('big5');
      const diff = firstDifference(gold, read);
      if (diff) failures.push(`${file}: ${diff}`);
    }
    expect(failures).toEqual([]);
  });

  it('gives the same structure to their Simplified conversion', () => {
    const toHans = converters('t').toHans;
    const failures: string[] = [];
    for (const { file, law } of laws) {
      const hans = mapLaw(law, (s) => toHans(s));
      const { gold, read } = run(hans, Buffer.from(renderMojLaw(hans)), `${file}.txt`);
      const diff = firstDifference(gold, read);
      if (diff) failures.push(`${file}: ${diff}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('Taiwan laws with their 沿革 under the title, as the law database prints it', () => {
  const read = laws.map(({ file, law }) => ({ file, law, doc: processDocument({ file: `${file}.txt`, bytes: Buffer.from(renderMojLaw(law, { history: true })) }).document! }));

  it('reads every numbered entry into document.history: its ROC date and what it did (60 of 60)', () => {
    const failures = read.flatMap(({ file, law, doc }) => {
      const got = doc.document.history.map((h) => ({ date: h.date, action: h.action }));
      return JSON.stringify(got) === JSON.stringify(mojHistoryGold(law)) ? [] : [`${file}: ${JSON.stringify(got)} ≠ ${JSON.stringify(mojHistoryGold(law))}`];
    });
    expect(failures).toEqual([]);
  });

  it('still reads title, 編/章/節 and every article exactly: the history is the preamble, never headings', () => {
    const failures = read.flatMap(({ file, law, doc }) => {
      const diff = firstDifference(mojGold(law), readBack(doc));
      return diff ? [`${file}: ${diff}`] : [];
    });
    expect(failures).toEqual([]);
    for (const { file, doc } of read) expect(doc.sections.every((s) => s.level === '条' || s.level === '编' || s.level === '章'), file).toBe(true);
  });

  it('dates a law by its first entry and names the organ as written', () => {
    const byFile = new Map(read.map((r) => [r.file, r.doc]));
    const first = (file: string) => {
      const doc = byFile.get(file)!;
      const h = doc.document.history[0]!;
      return [doc.document.date, h.action, h.organ?.['zh-Hant'] ?? null, doc.text['zh-Hant'].slice(h.span.start, h.span.end).replace(/\s+/g, '')];
    };
    // 1.中華民國九十四年六月二十九日行政院農業委員會農授糧字第 0941057 / 981 號令訂定發布全文 35 條 (the number wrapped)
    expect(first('moj-dev-01.json')).toEqual(['2005-06-29', 'promulgated', '行政院農業委員會', '中華民國九十四年六月二十九日行政院農業委員會農授糧字第0941057981號令訂定發布']);
    // 1.中華民國六十三年十二月二十八日總統（63）台統（一）義字第 5903 / 號令制定公布全文 70 條
    expect(first('moj-dev-58.json').slice(0, 3)).toEqual(['1974-12-28', 'promulgated', '總統']);
    // a later entry: 2.中華民國九十一年十二月十一日總統華總一義字第 09100239050 號令修正公布第 5 條條文
    const h = byFile.get('moj-dev-58.json')!.document.history[1]!;
    expect([h.date, h.action, h.organ?.['zh-Hant']]).toEqual(['2002-12-11', 'amended', '總統']);
  });
});

describe('mainland laws in LawRefBook’s Markdown (40 of laws/lawrefbook and the 3 of lawrefbook)', () => {
  const files = lawrefbookFiles();
  it('has the corpus', () => expect(files).toHaveLength(43));

  it('reads every title, 编/章/节 and article exactly, and the date and every dated event of the history', () => {
    const failures: string[] = [];
    for (const file of files) {
      const gold = lawrefbookGold(file);
      const doc = processDocument({ file, bytes: readFileSync(file) }).document!;
      const read = readBack(doc);
      const name = basename(file);
      if (read.title !== gold.title) failures.push(`${name}: title ${read.title}`);
      if (JSON.stringify(read.headings) !== JSON.stringify(gold.headings)) failures.push(`${name}: headings ${JSON.stringify(read.headings).slice(0, 300)}`);
      const articles = read.articles.map(({ id, parent }) => ({ id, parent }));
      if (JSON.stringify(articles) !== JSON.stringify(gold.articles)) failures.push(`${name}: articles ${JSON.stringify(articles).slice(0, 300)} ≠ ${JSON.stringify(gold.articles).slice(0, 300)}`);
      // a law with a dated line under its title is dated by its first event, and lists every one
      if (doc.document.date !== (gold.historyDates[0] ?? null)) failures.push(`${name}: date ${doc.document.date} ≠ ${gold.historyDates[0]}`);
      const dates = doc.document.history.map((e) => e.date);
      if (JSON.stringify(dates) !== JSON.stringify(gold.historyDates)) failures.push(`${name}: history ${dates.join(' ')} ≠ ${gold.historyDates.join(' ')}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('articles by jurisdiction, hand-made', () => {
  const articlesOf = (doc: GongwenDocument): Section[] => {
    const out: Section[] = [];
    const walk = (list: Section[]) => list.forEach((s) => (s.level === '条' ? out.push(s) : walk(s.children)));
    walk(doc.sections);
    return out;
  };
  const taiwan = [
    '測試管理辦法',
    '第 1 條',
    '本辦法依測試法第五條規定訂定之。',
    '第 2 條',
    '本辦法用詞定義如下：',
    '一、受體：指接受之植物。',
    '二、載體：指下列之一：',
    '（一）質體。',
    '（二）病毒。',
    '前項第二款所稱載體，不包括天然者。',
    '第五條及第八條所稱主管機關，為農業部。',
    '第 2-1 條',
    '申請人應檢附文件。',
  ].join('\n');
  const doc = processDocument({ file: 'tw.txt', bytes: Buffer.from(taiwan) }).document!;
  it('never glues the first 第 1 條 to the title, and reads an inserted article', () => {
    expect(doc.document.title?.['zh-Hant']).toBe('測試管理辦法');
    expect(articlesOf(doc).map((a) => [a.id, a.marker, a.number, a.sub ?? null])).toEqual([
      ['a1', '第1条', 1, null],
      ['a2', '第2条', 2, null],
      ['a2-1', '第2-1条', 2, 1],
    ]);
    expect(doc.document.jurisdiction).toBe('tw');
  });
  it('places paragraphs as 項, 一、 as 款 and （一） as 目, and a paragraph that cites articles is text', () => {
    const a2 = articlesOf(doc)[1]!;
    expect(a2.paragraphs.map((p) => p.article)).toEqual([
      { jurisdiction: 'tw', xiang: 1, kuan: null, mu: null },
      { jurisdiction: 'tw', xiang: 1, kuan: 1, mu: null },
      { jurisdiction: 'tw', xiang: 1, kuan: 2, mu: null },
      { jurisdiction: 'tw', xiang: 1, kuan: 2, mu: 1 },
      { jurisdiction: 'tw', xiang: 1, kuan: 2, mu: 2 },
      { jurisdiction: 'tw', xiang: 2, kuan: null, mu: null },
      { jurisdiction: 'tw', xiang: 3, kuan: null, mu: null },
    ]);
    expect(a2.children).toEqual([]);
    expect(doc.diagnostics.filter((d) => d.code === 'segment:heading-sequence')).toEqual([]);
  });
  it('writes the article number once in Markdown, then its text', () => {
    const md = toMarkdown(doc, 'zh-Hant');
    expect(md).toContain('**第1條** 本辦法依測試法第五條規定訂定之。');
    expect(md).not.toContain('測試管理辦法第');
  });
  it('keeps the mainland’s 第X条之一 as an article of its own, and cited articles as text', () => {
    const mainland = ['某某省测试条例', '第十条 本条例自公布之日起施行。', '第十条之一 有关单位应当配合。', '第十一条 第五条及第八条所称主管部门，为省人民政府有关部门。', '第十条第一款所定之事项，由省人民政府规定。'].join('\n');
    const m = processDocument({ file: 'cn.txt', bytes: Buffer.from(mainland) }).document!;
    expect(articlesOf(m).map((a) => [a.id, a.marker])).toEqual([
      ['a10', '第十条'],
      ['a10-1', '第十条之一'],
      ['a11', '第十一条'],
    ]);
    expect(articlesOf(m)[2]!.paragraphs.map((p) => p.article)).toEqual([
      { jurisdiction: 'cn', kuan: 1, xiang: null },
      { jurisdiction: 'cn', kuan: 2, xiang: null },
    ]);
  });
});
