/**
 * Hong Kong: ordinances (hand-made: no ordinance text is in the corpus; written as the Laws of Hong Kong print their
 * Chinese text — 第57章 and the title, 第1部 and its name on the next line, 第1條 with the section's name, (1)
 * subsections, “…” definitions, (a) paragraphs, (i) subparagraphs, 第1分部, 附表) and the two Hong Kong documents of
 * ../shared/corpus/traditional/ against gold written by reading them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processDocument, processFile } from '../pipeline/pipeline.js';
import { hkPositions, matchHkHeading, romanNumber } from '../pipeline/lib/hk-ordinance.js';
import { detectJurisdiction } from '../pipeline/lib/articles.js';
import { toMarkdown } from '../pipeline/stages/to-markdown.js';
import type { Section } from '../pipeline/schema-types.js';
import { SHARED } from './helpers/paths.js';

const ORDINANCE = [
  '第57章',
  '僱傭條例',
  '本條例旨在就僱員工資的保障訂定條文，對僱傭及職業介紹所的一般情況作出規管，並就相關事宜訂定條文。',
  '第1部',
  '導言',
  '第1條 簡稱',
  '本條例可引稱為《僱傭條例》。',
  '第2條 釋義',
  '(1) 在本條例中，除文意另有所指外——',
  '“工資”(wages) 指付給僱員作為該僱員根據其僱傭合約所做或將要做的工作而能以金錢形式表示的所有報酬、收入、津貼，但不包括——',
  '(a) 由僱主提供的居所、教育、食物、燃料、燈火、醫療或用水的價值；',
  '(b) 僱主自行負責為退休計劃支付的供款；',
  '“衞生署署長”(Director of Health) 指衞生署署長；',
  '“僱員”(employee) 指根據僱傭合約受僱的人。',
  '(2) 就本條例而言，下列人士不屬僱員——',
  '(a) 僱主的家庭成員，而該成員與僱主同住；',
  '(b) 根據以下條例註冊的學徒——',
  '(i) 《學徒制度條例》(第47章)；或',
  '(ii) 任何其他條例，',
  '但第(1)款不受影響。',
  '第IIA部',
  '年終酬金',
  '第1分部 一般規定',
  '第11A條 適用範圍',
  '本部適用於任何僱員。',
  '第11B條 酬金期',
  '(1) 酬金期為農曆年。',
  '(2) 如僱主與僱員另有協議，則酬金期為公曆年。',
  '第2分部 計算',
  '第11C條 酬金的計算',
  '第2條所指的僱員可得的酬金，按以下各項計算——',
  '(a) 僱員的工資；',
  '(b) 僱員在酬金期內受僱的日數。',
  '附表1',
  '須予申報的事宜',
  '1. 僱主的姓名及地址。',
].join('\n');

const flat = (list: Section[]): Section[] => list.flatMap((s) => [s, ...flat(s.children)]);

describe('a Hong Kong ordinance (hand-made, as e-Legislation prints the Chinese text)', () => {
  const doc = processDocument({ file: 'cap57.txt', bytes: Buffer.from(ORDINANCE) }, { variant: 'hk' }).document!;
  const sections = flat(doc.sections);

  it('is hk, numbered by its chapter, titled by its name', () => {
    expect(doc.document.jurisdiction).toBe('hk');
    expect(doc.document.documentNumber).toBe('第57章');
    expect(doc.document.title['zh-Hant']).toBe('僱傭條例');
    expect(doc.document.kind).toBe('条例');
  });

  it('reads Parts, Divisions, sections and Schedules as its hierarchy, each with its name', () => {
    expect(sections.map((s) => [s.id, s.level, s.marker, s.heading?.['zh-Hant'] ?? null])).toEqual([
      ['pt1', '部', '第1部', '導言'],
      ['a1', '条', '第1条', '簡稱'],
      ['a2', '条', '第2条', '釋義'],
      ['pt2A', '部', '第IIA部', '年終酬金'],
      ['pt2A.dv1', '分部', '第1分部', '一般規定'],
      ['a11A', '条', '第11A条', '適用範圍'],
      ['a11B', '条', '第11B条', '酬金期'],
      ['pt2A.dv2', '分部', '第2分部', '計算'],
      ['a11C', '条', '第11C条', '酬金的計算'],
      ['sch1', '附表', '附表1', '須予申報的事宜'],
      ['sch1.s1', '3', '1.', '僱主的姓名及地址'],
    ]);
    expect(doc.sections.map((s) => s.id)).toEqual(['pt1', 'pt2A', 'sch1']);
    // a section's line is its name: its text starts on the next line; a line citing a section (第2條所指的…) is text
    const a1 = sections.find((s) => s.id === 'a1')!;
    expect(a1.paragraphs.map((p) => p.sentences.map((x) => x.text['zh-Hant']).join(''))).toEqual(['本條例可引稱為《僱傭條例》。']);
    expect(sections.find((s) => s.id === 'a11C')!.paragraphs[0]!.sentences[0]!.text['zh-Hant']).toMatch(/^第2條所指的僱員/u);
    expect(doc.diagnostics.map((d) => d.code)).not.toContain('segment:heading-sequence');
  });

  it('places every line of a section: subsection, paragraph, subparagraph, and the term a definition defines', () => {
    const a2 = sections.find((s) => s.id === 'a2')!;
    const at = a2.paragraphs.map((p) => {
      const a = p.article as { jurisdiction: string; subsection: string | null; paragraph: string | null; subparagraph: string | null; defines: string | null };
      return [a.jurisdiction, a.subsection, a.paragraph, a.subparagraph, a.defines];
    });
    expect(at).toEqual([
      ['hk', '1', null, null, null],
      ['hk', '1', null, null, '工资'],
      ['hk', '1', 'a', null, '工资'],
      ['hk', '1', 'b', null, '工资'],
      ['hk', '1', null, null, '卫生署署长'],
      ['hk', '1', null, null, '雇员'],
      ['hk', '2', null, null, null],
      ['hk', '2', 'a', null, null],
      ['hk', '2', 'b', null, null],
      ['hk', '2', 'b', 'i', null],
      ['hk', '2', 'b', 'ii', null],
      // the closing words of subsection (2)
      ['hk', '2', null, null, null],
    ]);
  });

  it('writes Markdown headings with their names, and keeps Hong Kong character forms with --variant hk', () => {
    const md = toMarkdown(doc, 'zh-Hant');
    expect(md).toContain('## 第1部 導言\n\n### 第1條 簡稱\n\n本條例可引稱為《僱傭條例》。');
    expect(md).toContain('#### 第11A條 適用範圍');
    expect(md).toContain('## 附表1 須予申報的事宜');
    expect(md).toContain('documentNumber: 第57章');
    // the source's own forms (衞, 僱), never another standard's (衛)
    expect(md).toContain('“衞生署署長”');
    expect(md).not.toContain('衛');
  });

  it('converts a Simplified ordinance with Hong Kong forms under --variant hk (衞, 為), the standard ones under t (衛, 爲)', () => {
    const hans = ['第57章', '雇佣条例', '第1条 简称', '本条例可引称为《雇佣条例》。', '第2条 释义', '（1）在本条例中，除文意另有所指外——', '“卫生署署长”指卫生署署长。'].join('\n');
    const hk = processDocument({ file: 'a.txt', bytes: Buffer.from(hans) }, { variant: 'hk' }).document!;
    const t = processDocument({ file: 'a.txt', bytes: Buffer.from(hans) }, { variant: 't' }).document!;
    expect(hk.document.jurisdiction).toBe('hk');
    expect(toMarkdown(hk, 'zh-Hant')).toContain('本條例可引稱為《僱傭條例》。\n\n## 第2條 釋義');
    expect(toMarkdown(hk, 'zh-Hant')).toContain('“衞生署署長”指衞生署署長。');
    expect(toMarkdown(t, 'zh-Hant')).toContain('“衛生署署長”指衛生署署長。');
    expect(toMarkdown(t, 'zh-Hant')).toContain('本條例可引稱爲');
  });

  it('reads subsidiary legislation with its chapter and title on one line', () => {
    const text = ['第57A章 僱傭(年終酬金)規例', '第1條 生效日期', '本規例自勞工處處長指定的日期起實施。', '第2條 釋義', '在本規例中，除文意另有所指外——', '“處長”(Commissioner) 指勞工處處長。'].join('\n');
    const reg = processDocument({ file: 'cap57a.txt', bytes: Buffer.from(text) }).document!;
    expect([reg.document.jurisdiction, reg.document.documentNumber, reg.document.title['zh-Hant']]).toEqual(['hk', '第57A章', '僱傭（年終酬金）規例']);
    expect(reg.sections.map((s) => [s.id, s.heading?.['zh-Hant']])).toEqual([
      ['a1', '生效日期'],
      ['a2', '釋義'],
    ]);
  });
});

describe('the other ways an ordinance’s text writes its sections (hand-made)', () => {
  const flatIds = (text: string) => {
    const d = processDocument({ file: 'a.txt', bytes: Buffer.from(text) }).document!;
    return { number: d.document.documentNumber, title: d.document.title['zh-Hant'], sections: flat(d.sections).map((s) => [s.id, s.marker, s.heading?.['zh-Hant'] ?? null]) };
  };
  it('reads sections numbered 1. with their names, and keeps a Schedule’s numbered items as items', () => {
    const text = ['第57章', '僱傭條例', '第I部', '導言', '1. 簡稱', '本條例可引稱為《僱傭條例》。', '2. 釋義', '(1) 在本條例中，除文意另有所指外——', '“僱員”(employee) 指根據僱傭合約受僱的人。', '附表1', '須予申報的事宜', '1. 僱主的姓名及地址', '2. 僱員的姓名'].join('\n');
    expect(flatIds(text)).toEqual({
      number: '第57章',
      title: '僱傭條例',
      sections: [
        ['pt1', '第I部', '導言'],
        ['a1', '第1条', '簡稱'],
        ['a2', '第2条', '釋義'],
        ['sch1', '附表1', '須予申報的事宜'],
        ['sch1.s1', '1.', '僱主的姓名及地址'],
        ['sch1.s2', '2.', '僱員的姓名'],
      ],
    });
  });
  it('reads the bilingual laws database’s labels (章: 57, 部: I, 條: 1)', () => {
    const text = ['章: 57 僱傭條例', '部: I 導言', '條: 1 簡稱', '本條例可引稱為《僱傭條例》。', '條: 2 釋義', '(1) 在本條例中，除文意另有所指外——'].join('\n');
    expect(flatIds(text)).toEqual({
      number: '第57章',
      title: '僱傭條例',
      sections: [
        ['pt1', '第I部', '導言'],
        ['a1', '第1条', '簡稱'],
        ['a2', '第2条', '釋義'],
      ],
    });
  });
  it('reads no 1. section outside an ordinance: the LegCo agenda’s 1. items stay items', () => {
    const agenda = processDocument({ file: 'a.txt', bytes: Buffer.from(['A 13/14-24', '立法會', '議程', '2014年4月30日星期三上午11時正', 'I. 提交文件', '1. 第96號 ─ 優質教育基金', '香港特別行政區立法會'].join('\n')) }).document!;
    expect(flat(agenda.sections).map((s) => [s.level, s.marker])).toEqual([
      ['0', 'I.'],
      ['3', '1.'],
    ]);
  });
});

describe('the heading of an ordinance (zh-Hans lines)', () => {
  it('is a Part, Division, section or Schedule, never a line that cites one', () => {
    const m = (l: string) => {
      const h = matchHkHeading(l);
      return h ? [h.level, h.marker, h.number, h.suffix ?? null] : null;
    };
    expect(m('第1部 导言')).toEqual(['部', '第1部', 1, null]);
    expect(m('第IXA部')).toEqual(['部', '第IXA部', 9, 'A']);
    expect(m('第3分部 杂项')).toEqual(['分部', '第3分部', 3, null]);
    expect(m('第43L条 通知书的送达')).toEqual(['条', '第43L条', 43, 'L']);
    expect(m('第57章 第2条 释义')).toEqual(['条', '第2条', 2, null]);
    expect(m('附表1')).toEqual(['附表', '附表1', 1, null]);
    expect(m('第一附表 年假')).toEqual(['附表', '第一附表', 1, null]);
    expect(m('第2条所指的雇员可得的酬金，按以下各项计算——')).toBeNull();
    expect(m('第5部门负责执行。')).toBeNull();
    expect(m('附表所列的费用须于每年缴付。')).toBeNull();
    expect(romanNumber('XIV')).toBe(14);
  });
  it('reads (i) as a paragraph after (h), else as a subparagraph', () => {
    const letters = hkPositions(['（1）甲', '（h）乙', '（i）丙', '（a）丁', '（由1984年第48号第2条修订）', '（i）戊']).map((p) => [p.subsection, p.paragraph, p.subparagraph]);
    expect(letters).toEqual([
      ['1', null, null],
      ['1', 'h', null],
      ['1', 'i', null],
      ['1', 'a', null],
      // an amendment note stands where the line above it stands
      ['1', 'a', null],
      ['1', 'a', 'i'],
    ]);
  });
  it('is told from its words: 可引稱為《…》, 除文意另有所指外, not by Arabic section numbers alone', () => {
    expect(detectJurisdiction('第1条 简称\n本条例可引称为《雇佣条例》。')).toBe('hk');
    expect(detectJurisdiction('第 1 条\n为规范…，特制定本办法。')).toBe('tw');
    // a mainland law that names the region is no ordinance (lrb-dev-17 read as one lost its chapters)
    expect(detectJurisdiction('上海市第十二届人民代表大会常务委员会第九次会议通过\n第一章 总则\n第五条 香港特别行政区、澳门特别行政区居民在本市…')).not.toBe('hk');
  });
});

/** Gold written by reading the two Hong Kong documents of the corpus (their first lines, headings and footer). */
const HK_GOLD = [
  // the LegCo agenda: its reference, 立法會 / 議程, the meeting's date with weekday and hour, the parts I. to IV.
  { file: 'trad-24-hk-legco-agenda-20140430.html', title: '立法會議程', documentNumber: 'A 13/14-24', date: '2014-04-30', issuer: '立法會', parts: ['I.', 'II.', 'III.', 'IV.'] },
  // the Labour Department's FAQ (a PDF): four numbered questions; its only date is the footer's month (09/2025), which a
  // day cannot hold; its organ is named only in the footer (勞工處網址：…)
  { file: 'trad-25-hk-ld-faq-2025.pdf', title: '常見問題解答', documentNumber: null, date: null, issuer: null, parts: ['1.', '2.', '3.', '4.'] },
];

describe('the Hong Kong documents of the corpus against gold read from them', () => {
  /** A gold document of the corpus, read without OCR, and the facts its gold gives. */
  const read = async (g: (typeof HK_GOLD)[number]) => {
    const doc = (await processFile({ file: g.file, bytes: readFileSync(join(SHARED, 'corpus', 'traditional', g.file)) }, { ocr: false })).document!;
    const facts = {
      file: g.file,
      title: doc.document.title['zh-Hant'],
      documentNumber: doc.document.documentNumber,
      date: doc.document.date,
      issuer: doc.document.issuer?.['zh-Hant'] ?? null,
      parts: doc.sections.map((s) => s.marker),
    };
    return { doc, facts };
  };

  it('reads the LegCo agenda’s title, reference, date, organ and parts', async () => {
    const { doc, facts } = await read(HK_GOLD[0]!);
    expect(facts).toEqual(HK_GOLD[0]);
    expect(doc.document.jurisdiction).toBe('hk');
  });

  it('nests the agenda’s （一） parts under the 1. questions that ask them (a Hong Kong paper’s order), the mainland ladder elsewhere', async () => {
    const { doc } = await read(HK_GOLD[0]!);
    const questions = doc.sections[1]!;
    expect(questions.children.map((s) => s.marker).slice(0, 3)).toEqual(['1.', '2.', '3.']);
    expect(questions.children[0]!.children.map((s) => s.marker)).toEqual(['（一）', '（二）', '（三）']);
    expect(questions.children[2]!.children.map((s) => s.marker)).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）']);
    expect(doc.diagnostics.filter((d) => d.code === 'segment:heading-sequence' || d.code === 'segment:orphan-heading')).toEqual([]);
    // a mainland document keeps GB/T 9704's order: its 1. under （一）, and a 1. before the first （一） does not reorder it
    const mainland = processDocument({ file: 'a.txt', bytes: Buffer.from('某某市关于加快发展的意见\n一、总体要求\n1. 说明\n（一）指导思想\n1. 坚持创新\n2. 坚持协调') }).document!;
    expect(mainland.sections[0]!.children.map((s) => s.marker)).toEqual(['1.', '（一）']);
    expect(mainland.sections[0]!.children[1]!.children.map((s) => s.marker)).toEqual(['1.', '2.']);
  });

  /**
   * The PDF's text layer draws question 3's and 4's numbers centred beside the question's two lines (pdf-layout reads
   * them as the item's start), spells 一 as the stroke ㇐ (radical-lookalikes), and ends with a foot line of the page
   * number and 09/2025 (page furniture): all four questions, and nothing else, are the parts.
   */
  it('reads the FAQ’s title, its four questions as its parts and no date or issuer, as the gold', async () => {
    const { doc, facts } = await read(HK_GOLD[1]!);
    expect(facts).toEqual(HK_GOLD[1]);
    expect(doc.sections.map((s) => s.heading?.['zh-Hant'])).toEqual(['新規定如何操作', '新規定何時開始適用', '僱員的僱傭期橫跨新規定適用前後，應如何確定其僱傭合約是否屬「連續性合約」', '修訂「連續性合約」對僱員享有各項法定權益的資格有什麼改變']);
    expect(doc.diagnostics.filter((d) => d.code === 'segment:orphan-heading')).toEqual([]);
  }, 60_000);
});
