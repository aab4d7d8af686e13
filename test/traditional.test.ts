/**
 * Taiwan 公文 end to end: the Executive Yuan Gazette's documents of
 * ../shared/corpus/traditional/ against gold written by reading them
 * (test/fixtures/traditional-gold.json), and a hand-made 函.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processDocument } from '../pipeline/pipeline.js';
import { toMarkdown } from '../pipeline/stages/to-markdown.js';
import { ROOT, SHARED } from './helpers/paths.js';

interface Gold {
  file: string;
  title: string | null;
  documentNumber: string | null;
  date: string | null;
  issuer: string;
  parts: string[];
  attachments?: string[][];
}

const gold = (JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'traditional-gold.json'), 'utf8')) as { documents: Gold[] }).documents;

describe('Taiwan 公文 of the Executive Yuan Gazette', () => {
  const read = gold.map((g) => {
    const doc = processDocument({ file: g.file, bytes: readFileSync(join(SHARED, 'corpus', 'traditional', g.file)) }).document!;
    return {
      g,
      doc,
      got: {
        // no title: empty, titleSource null
        title: doc.document.title['zh-Hant'] || null,
        documentNumber: doc.document.documentNumber,
        date: doc.document.date,
        issuer: doc.document.issuer?.['zh-Hant'] ?? null,
        parts: doc.sections.map((s) => s.marker),
        attachments: doc.attachments.map((a) => a.sections.map((s) => s.marker)),
      },
    };
  });
  const field = (name: keyof Gold) => read.filter(({ g, got }) => g[name] === undefined || JSON.stringify(got[name as keyof typeof got]) === JSON.stringify(g[name])).length;

  /**
   * Where the pipeline misses the gold today, by document and field: none. Five were page rules' cuts until the body
   * finder kept a Taiwan header printed one cell a line above the block that holds the text (行政院 / 函 / …, with the
   * 主旨 and 說明 between it and an attached regulation or a comparison table), a document's sentence printed as a link
   * (依據：「…規則」第19條。, 附修正「…辦法」) and a table row one of whose cells is the document's (the title and date of
   * a meeting's decisions).
   */
  const KNOWN_MISSES: string[] = [];
  it('reads title, 發文字號, date, issuer and top-level parts as the gold says (23 of 23)', () => {
    const wrong = read.flatMap(({ g, got }) =>
      (['title', 'documentNumber', 'date', 'issuer', 'parts', 'attachments'] as const)
        .filter((k) => g[k] !== undefined && JSON.stringify(got[k]) !== JSON.stringify(g[k]))
        .map((k) => `${g.file.slice(0, 7)} ${k}: ${JSON.stringify(got[k])}`),
    );
    expect({ documents: read.length, title: field('title'), documentNumber: field('documentNumber'), date: field('date'), issuer: field('issuer'), parts: field('parts'), wrong }).toEqual({
      documents: 23,
      title: 23,
      documentNumber: 23,
      date: 23,
      issuer: 23,
      parts: 23,
      wrong: KNOWN_MISSES,
    });
  });

  it('never takes the header line for a title, and says there is none', () => {
    for (const { g, doc } of read.filter((r) => r.g.title === null && !KNOWN_MISSES.includes(`${r.g.file.slice(0, 7)} title`))) {
      expect(doc.document.title['zh-Hant'], g.file).toBe('');
      expect(doc.document.titleSource, g.file).toBeNull();
      expect(doc.diagnostics.map((d) => d.code), g.file).toContain('segment:no-title');
    }
  });

  it('gives 主旨 as the subject of every 函 and 公告', () => {
    for (const { g, doc } of read.filter((r) => r.g.parts[0] === '主旨' && !KNOWN_MISSES.includes(`${r.g.file.slice(0, 7)} parts`))) expect(doc.document.subject?.['zh-Hant'], g.file).toMatch(/^\S.{4,}/u);
  });
});

describe('a hand-made 函 with 主旨, 說明, 辦法 and ROC dates', () => {
  const han = [
    '經濟部　函',
    '地址：10015臺北市中正區福州街15號',
    '受文者：財政部',
    '發文日期：中華民國113年5月10日',
    '發文字號：經商字第11300012345號',
    '速別：普通件',
    '主旨：檢送「商業登記作業研商會議」紀錄一份，請查照。',
    '說明：',
    '一、依本部中華民國113年4月30日經商字第11300011111號函辦理。',
    '二、會議於113年5月3日召開，決議如下：',
    '（一）登記表件以電子方式送達。',
    '（二）規費減半收取。',
    '辦法：請各機關自113年7月1日起依決議辦理。',
    '正本：財政部、內政部',
    '副本：本部商業發展署',
    '部長　王美花',
  ].join('\n');
  const doc = processDocument({ file: 'han.txt', bytes: Buffer.from(han) }).document!;
  it('reads the header: issuer, 發文日期 in the ROC calendar, 發文字號, 受文者, and no title', () => {
    expect(doc.document.kind).toBe('函');
    expect(doc.document.issuer?.['zh-Hant']).toBe('經濟部');
    expect(doc.document.date).toBe('2024-05-10');
    expect(doc.document.documentNumber).toBe('經商字第11300012345號');
    expect(doc.document.addressees.map((a) => a['zh-Hant'])).toEqual(['財政部']);
    expect(doc.document.title['zh-Hant']).toBe('');
    expect(doc.document.titleSource).toBeNull();
    expect(doc.document.jurisdiction).toBe('tw');
  });
  it('reads 主旨, 說明 and 辦法 as the top-level parts, 說明’s items under it', () => {
    expect(doc.sections.map((s) => [s.id, s.level, s.marker])).toEqual([
      ['d1', '段', '主旨'],
      ['d2', '段', '说明'],
      ['d3', '段', '办法'],
    ]);
    expect(doc.sections[1]!.children.map((s) => [s.id, s.marker, s.children.map((c) => c.marker)])).toEqual([
      ['d2.s1', '一、', []],
      ['d2.s2', '二、', ['（一）', '（二）']],
    ]);
    expect(doc.document.subject?.['zh-Hant']).toBe('檢送「商業登記作業研商會議」紀錄一份，請查照。');
  });
  it('reads 正本 and 副本 as 主送 and 抄送, and the official’s 署名', () => {
    const types = doc.parts.map((p) => p.type);
    expect(types).toContain('cc');
    expect(types.at(-1)).toBe('signature');
    expect(doc.diagnostics.map((d) => d.code)).toContain('segment:no-title');
  });
  it('writes the parts in Markdown in Traditional script', () => {
    const md = toMarkdown(doc, 'zh-Hant');
    expect(md).toContain('## 主旨\n\n檢送「商業登記作業研商會議」紀錄一份');
    expect(md).toContain('## 說明\n\n### 一、依本部');
    expect(md).toContain('正本：財政部、內政部');
    expect(md).toContain('部長王美花');
    expect(md).toContain('kind: 函');
    expect(md).toContain('documentNumber: 經商字第11300012345號');
  });
});

describe('a meeting’s decisions (院會院長提示及決定、決議事項), hand-made', () => {
  const text = [
    '行政院第3001次會議院長提示暨院會決定決議事項',
    '中華民國95年7月6日',
    '院長提示：',
    '一、請各部會加強防颱整備。',
    '二、請經濟部注意油價變動。',
    '報告事項',
    '一、內政部陳報「災害防救方案執行情形報告」，請鑒核案。',
    '決定：准予備查。',
    '院長提示：',
    '（一）請內政部於1個月內提出檢討報告。',
    '（二）請各縣市政府配合辦理。',
    '二、本院主計處陳報「預算執行情形報告」，請鑒核案。',
    '決定：准予備查。',
    '討論事項',
    '一、法務部函報「行政程序法」部分條文修正草案，請核轉立法院審議案。',
    '決議：通過，送請立法院審議。',
  ].join('\n');
  const doc = processDocument({ file: 'yuanhui.txt', bytes: Buffer.from(text) }).document!;
  it('reads title, date (ROC) and the organ that met', () => {
    expect(doc.document.title['zh-Hant']).toBe('行政院第3001次會議院長提示暨院會決定決議事項');
    expect(doc.document.date).toBe('2006-07-06');
    expect(doc.document.issuer?.['zh-Hant']).toBe('行政院');
    expect(doc.diagnostics.map((d) => d.code)).not.toContain('segment:no-date');
  });
  it('reads 院長提示, 報告事項 and 討論事項 as its parts; an item’s 決定 and 院長提示 stay in the item', () => {
    expect(doc.sections.map((s) => [s.id, s.level, s.marker, s.children.map((c) => c.marker)])).toEqual([
      ['d1', '段', '院长提示', ['一、', '二、']],
      ['d2', '段', '报告事项', ['一、', '二、']],
      ['d3', '段', '讨论事项', ['一、']],
    ]);
    const item = doc.sections[1]!.children[0]!;
    expect(item.paragraphs.map((p) => p.sentences.map((s) => s.text['zh-Hant']).join(''))).toEqual(['決定：准予備查。', '院長提示：']);
    expect(item.children.map((c) => c.marker)).toEqual(['（一）', '（二）']);
    expect(doc.diagnostics.map((d) => d.code)).not.toContain('segment:heading-sequence');
  });
  it('is no meeting when nothing says so: a 函’s 說明 with 一、 items keeps its parts', () => {
    const han = processDocument({ file: 'x.txt', bytes: Buffer.from('報告事項\n一、本案准予備查。\n二、請查照。') }).document!;
    expect(han.sections.map((s) => s.level)).toEqual(['1', '1']);
  });
});
