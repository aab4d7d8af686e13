/** segment: GB/T 9704 parts and the heading tree on real fragments and small hand-made cases. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processDocument } from '../pipeline/pipeline.js';
import { segment } from '../pipeline/stages/segment.js';
import { parseDateLine, matchHeading } from '../pipeline/lib/gbt9704.js';
import { splitSentences } from '../pipeline/lib/sentences.js';
import { SHARED } from './helpers/paths.js';

const slice = (text: string, r: { start: number; end: number } | null) => (r ? text.slice(r.start, r.end) : null);

describe('document parts', () => {
  const doc = [
    '国办发〔2024〕7号',
    '国务院办公厅关于加快构建废弃物循环利用体系的',
    '意见',
    '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
    '为深入贯彻落实党中央决策部署，经国务院同意，现提出如下意见。',
    '一、总体要求',
    '（一）加强组织领导。各地区要把工作摆在重要位置。（国家发展改革委牵头负责）',
    '（二）强化政策支持',
    '完善财税政策。',
    '三、保障措施',
    '附件：1．重点任务分工',
    '国务院办公厅',
    '二〇二四年二月六日',
    '（此件公开发布）',
  ].join('\n');
  const seg = segment(doc);

  it('finds number, split title, addressees, signature, Chinese date and note', () => {
    expect(seg.documentNumber).toBe('国办发〔2024〕7号');
    expect(seg.title.map((r) => slice(doc, r)).join('')).toBe('国务院办公厅关于加快构建废弃物循环利用体系的意见');
    expect(seg.kind).toBe('意见');
    expect(seg.addressees.map((r) => slice(doc, r))).toEqual(['各省、自治区、直辖市人民政府', '国务院各部委、各直属机构']);
    expect(slice(doc, seg.issuer)).toBe('国务院办公厅');
    expect(seg.date?.iso).toBe('2024-02-06');
    expect(seg.parts.map((p) => p.type)).toEqual(['documentNumber', 'title', 'addressees', 'body', 'attachmentList', 'signature', 'date', 'note']);
  });

  it('splits a run-in heading at its first 。 and keeps the line as a paragraph', () => {
    const s11 = seg.sections[0]!.children[0]!;
    expect(s11.id).toBe('s1.1');
    expect(slice(doc, s11.heading)).toBe('加强组织领导');
    expect(s11.paragraphs).toHaveLength(1);
    const s12 = seg.sections[0]!.children[1]!;
    expect(slice(doc, s12.heading)).toBe('强化政策支持');
    expect(s12.paragraphs.map((p) => slice(doc, p))).toEqual(['完善财税政策。']);
  });

  it('warns about a skipped heading number instead of guessing', () => {
    expect(seg.sections.map((s) => s.marker)).toEqual(['一、', '三、']);
    expect(seg.diagnostics.map((d) => d.code)).toContain('segment:heading-sequence');
  });
});

describe('heading markers', () => {
  it('reads the four levels in full- and half-width forms', () => {
    expect(matchHeading('一、总体要求')).toMatchObject({ level: 1, number: 1, marker: '一、' });
    expect(matchHeading('（十二）加强领导')).toMatchObject({ level: 2, number: 12 });
    expect(matchHeading('(三)加强领导')).toMatchObject({ level: 2, number: 3, marker: '（三）' });
    expect(matchHeading('3．完善政策')).toMatchObject({ level: 3, number: 3 });
    expect(matchHeading('2、完善政策')).toMatchObject({ level: 3, number: 2 });
    expect(matchHeading('（4）具体措施')).toMatchObject({ level: 4, number: 4 });
    expect(matchHeading('第二十一条 本条例自公布之日起施行。')).toMatchObject({ level: '条', number: 21 });
  });
  it('does not take numbers and plain text for headings', () => {
    expect(matchHeading('1.5亿元用于支持')).toBeNull();
    expect(matchHeading('一是加强领导')).toBeNull();
    expect(matchHeading('2024年工作要点')).toBeNull();
  });
  it('parses Arabic and Chinese dates', () => {
    expect(parseDateLine('2024年1月3日')).toBe('2024-01-03');
    expect(parseDateLine('二〇二四年十二月三十一日')).toBe('2024-12-31');
    // as web pages write it, one separator throughout
    expect(['2024-03-01', '2024/3/1', '2024.3.1', '2024-3/1', '2024-13-01', '12024-03-01'].map(parseDateLine)).toEqual(['2024-03-01', '2024-03-01', '2024-03-01', null, null, null]);
    expect(parseDateLine('2024年13月3日')).toBeNull();
  });
});

describe('sentences', () => {
  it('splits at 。！？ but not inside quotes, titles or brackets', () => {
    const text = '他说：“要做好。再做好。”然后离开。《关于印发方案的通知。》已发布！[责任单位：市科技局。逗号前为牵头单位]';
    const parts = splitSentences(text, 0, text.length).map((r) => text.slice(r.start, r.end));
    expect(parts).toEqual(['他说：“要做好。再做好。”', '然后离开。', '《关于印发方案的通知。》已发布！', '[责任单位：市科技局。逗号前为牵头单位]']);
  });
});

describe('regulations in Markdown (lawrefbook)', () => {
  const file = join(SHARED, 'corpus', 'lawrefbook', '北京市数字经济促进条例(2022-11-25).md');
  const raw = readFileSync(file, 'utf8');
  const doc = processDocument({ bytes: Buffer.from(raw), file }).document!;

  it('builds 章 → 条 with the table of contents kept out of the tree', () => {
    const expectedChapters = raw.match(/^## 第[一二三四五六七八九十]+章/gm)!.length / 2;
    const expectedArticles = raw.match(/^第[一二三四五六七八九十百零]+条/gm)!.length;
    expect(doc.document.title['zh-Hans']).toBe('北京市数字经济促进条例');
    expect(doc.document.kind).toBe('条例');
    expect(doc.sections).toHaveLength(expectedChapters);
    expect(doc.sections.every((s) => s.level === '章')).toBe(true);
    const articles = doc.sections.flatMap((c) => c.children.flatMap((x) => (x.level === '条' ? [x] : x.children)));
    expect(articles).toHaveLength(expectedArticles);
    expect(articles.map((a) => a.id)).toEqual(articles.map((_, i) => `a${i + 1}`));
    expect(doc.diagnostics.map((d) => d.code)).toContain('segment:table-of-contents');
  });

  it('keeps an article’s 项 inside the article', () => {
    const shanghai = join(SHARED, 'corpus', 'lawrefbook', '上海市数据条例(2021-11-25).md');
    const sh = processDocument({ bytes: readFileSync(shanghai), file: shanghai }).document!;
    const a2 = sh.sections[0]!.children.find((a) => a.id === 'a2')!;
    expect(a2.level).toBe('条');
    expect(a2.children).toEqual([]);
    const items = a2.paragraphs.map((p) => p.sentences[0]!.text['zh-Hans']).filter((t) => /^（[一二三四五六七八九十]+）/.test(t));
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items[0]).toMatch(/^（一）数据，是指/);
  });
});

describe('版头 before the title', () => {
  it('reads 份号, 密级, 紧急程度 and 发文机关标志 as parts, and the title after them', () => {
    const text = ['000123', '机密★1年', '特急', '国务院文件', '国发〔2018〕42号', '国务院关于加快发展的意见', '各省、自治区、直辖市人民政府：', '一、总体要求', '加强领导。', '国务院', '2018年9月1日'].join('\n');
    const seg = segment(text);
    expect(seg.parts.slice(0, 4).map((p) => [p.type, slice(text, p)])).toEqual([
      ['copyNumber', '000123'],
      ['classification', '机密★1年'],
      ['classification', '特急'],
      ['issuerMark', '国务院文件'],
    ]);
    expect(seg.documentNumber).toBe('国发〔2018〕42号');
    expect(seg.title.map((r) => slice(text, r)).join('')).toBe('国务院关于加快发展的意见');
    expect(seg.addressees).toHaveLength(1);
  });
});

describe('damaged responsibility notes', () => {
  it('reads a note whose opening was lost to corrupted bytes, and warns', () => {
    const text = '一、总体要求\n（一）强化领导\n营造敢于担当的浓厚氛围。任单位：市发改委，市科技局]';
    const seg = segment(text);
    expect(seg.notes).toHaveLength(1);
    expect(slice(text, seg.notes[0]!)).toBe('任单位：市发改委，市科技局]');
    expect(seg.diagnostics.map((d) => d.code)).toContain('segment:damaged-note');
  });
});

describe('responsibility notes in every common form', () => {
  const notesOf = (body: string) => {
    const text = `国务院关于加快发展的意见\n一、重点任务\n${body}`;
    const seg = segment(text);
    return seg.notes.map((n) => ({
      note: slice(text, n),
      lead: n.lead.map((r) => r.name),
      support: n.support.map((r) => r.name),
      roles: n.roles,
      sentence: n.sentenceId,
    }));
  };
  it('（A牵头，B、C参与） and （A牵头负责，B配合）', () => {
    expect(notesOf('（一）完善标准体系。（生态环境部牵头，国家发展改革委、工业和信息化部参与）')).toEqual([
      { note: '（生态环境部牵头，国家发展改革委、工业和信息化部参与）', lead: ['生态环境部'], support: ['国家发展改革委', '工业和信息化部'], roles: 'explicit', sentence: 's1.1.p1.s1' },
    ]);
    expect(notesOf('（一）完善标准体系。（市科技局牵头负责，市财政局配合）')[0]).toMatchObject({ lead: ['市科技局'], support: ['市财政局'] });
    expect(notesOf('（一）加快建设。（国家发展改革委牵头，各有关部门按职责分工负责）')[0]).toMatchObject({ lead: ['国家发展改革委'], support: ['各有关部门'], roles: 'explicit' });
    expect(notesOf('（一）完善机制。（工业和信息化部牵头负责，科技部、财政部等分别负责）')[0]).toMatchObject({ lead: ['工业和信息化部'], support: ['科技部', '财政部'] });
  });
  it('（A、B负责） is joint, and first-listed once the document says so', () => {
    expect(notesOf('（一）加强监管（海关总署、商务部负责）。')[0]).toMatchObject({ lead: ['海关总署', '商务部'], support: [], roles: 'joint', sentence: 's1.1.p1.s1' });
    const ordered = notesOf('（一）简化手续。（税务总局、财政部负责，排在第一位的部门为牵头部门，下同）\n（二）优化服务。（商务部、海关总署等有关部门负责）');
    expect(ordered.map((n) => [n.lead, n.support, n.roles])).toEqual([
      [['税务总局'], ['财政部'], 'first-listed'],
      [['商务部'], ['海关总署'], 'first-listed'],
    ]);
  });
  it('（负责部门：A、B，适用范围：X） and （A、B等按职责分工负责）, with 等和 joining a collective', () => {
    expect(notesOf('（一）开展试点。（负责部门：民航局、海关总署，适用范围：陕西自贸试验区）')[0]).toMatchObject({ lead: ['民航局', '海关总署'] });
    expect(notesOf('（一）开展帮扶。（发展改革委、商务部等和各有关省级人民政府按职责分工负责）')[0]).toMatchObject({
      lead: ['发展改革委', '商务部', '各有关省级人民政府'],
    });
  });
  it('roles marked inside a 责任单位 list: A牵头，B配合 and A（牵头）、B、C', () => {
    expect(notesOf('（一）培育数据市场。（责任单位：市数据局牵头，市市场监管局配合）')).toEqual([
      { note: '（责任单位：市数据局牵头，市市场监管局配合）', lead: ['市数据局'], support: ['市市场监管局'], roles: 'explicit', sentence: 's1.1.p1.s1' },
    ]);
    expect(notesOf('（一）强化人才支撑。（责任单位：市委组织部（牵头）、市人社局、市科技局）')[0]).toMatchObject({ lead: ['市委组织部'], support: ['市人社局', '市科技局'], roles: 'explicit' });
    // the same inside [ ], and B、C sharing one role word
    expect(notesOf('（一）推进试点。[责任单位：市发改委牵头，市经信局、市财政局配合]')[0]).toMatchObject({ lead: ['市发改委'], support: ['市经信局', '市财政局'] });
  });
  it('labelled parts in any order: （牵头单位：A　责任单位：B） and （牵头单位：A）', () => {
    expect(notesOf('（一）推进示范应用。（牵头单位：市经信局　责任单位：各区（市）县政府）')[0]).toMatchObject({ lead: ['市经信局'], support: ['各区（市）县政府'], roles: 'explicit' });
    expect(notesOf('（一）推进示范应用。（牵头单位：市经信局）')[0]).toMatchObject({ lead: ['市经信局'], support: [] });
    expect(notesOf('（一）优化服务。（市政务服务局牵头）')[0]).toMatchObject({ lead: ['市政务服务局'], support: [] });
    // a labelled list closed by 按职责分工负责 names no agency 市经信局按职责分工负责
    expect(notesOf('（一）加快建设。（责任单位：市发改委、市经信局按职责分工负责）')[0]).toMatchObject({ lead: ['市发改委', '市经信局'], roles: 'joint' });
  });
  it('a note without brackets that ends its paragraph or stands on its own line', () => {
    expect(notesOf('（一）强化人才支撑。引进高端人才。责任单位：市委组织部（牵头）、市人社局、市科技局')).toEqual([
      { note: '责任单位：市委组织部（牵头）、市人社局、市科技局', lead: ['市委组织部'], support: ['市人社局', '市科技局'], roles: 'explicit', sentence: 's1.1.p1.s2' },
    ]);
    expect(notesOf('（一）强化人才支撑。\n牵头单位：市委组织部；配合单位：市人社局、市科技局。')[0]).toMatchObject({ lead: ['市委组织部'], support: ['市人社局', '市科技局'] });
    // a joint list, made first-listed by a convention stated in the note itself
    expect(notesOf('（一）完善统计监测。（责任单位：市统计局、市发改委，排在第一位的为牵头单位）')[0]).toMatchObject({ lead: ['市统计局'], support: ['市发改委'], roles: 'first-listed' });
    // prose after a label is not a note
    expect(notesOf('（一）明确分工。责任单位：要按照职责分工抓好落实。')).toEqual([]);
  });
  it('leaves brackets of prose alone', () => {
    expect(notesOf('（一）技工院校（技工院校内由人力资源社会保障行政部门负责）的教学管理。')).toEqual([]);
    expect(notesOf('（一）完善机制（由市场牵头）。')).toEqual([]);
    expect(notesOf('（一）各区（市）县要加强领导（按季度报送）。')).toEqual([]);
  });
});

describe('sentences and clauses', () => {
  it('splits clauses at ； outside brackets and keeps numbers and titles whole', () => {
    const text = '近期重点培育人工智能；中远期重点培育量子科技（含量子通信；量子计算）。增长3.5%，《意见；办法》另行制定。';
    const seg = segment(`国务院关于加快发展的意见\n一、总体要求\n${text}`);
    const p = seg.sections[0]!.paragraphs[0]!;
    const full = `国务院关于加快发展的意见\n一、总体要求\n${text}`;
    expect(p.sentences.map((s) => slice(full, s))).toEqual(['近期重点培育人工智能；中远期重点培育量子科技（含量子通信；量子计算）。', '增长3.5%，《意见；办法》另行制定。']);
    expect(p.sentences[0]!.clauses.map((c) => slice(full, c))).toEqual(['近期重点培育人工智能；', '中远期重点培育量子科技（含量子通信；量子计算）。']);
    expect(p.sentences[1]!.clauses).toEqual([]);
    expect(p.sentences.map((s) => s.id)).toEqual(['s1.p1.s1', 's1.p1.s2']);
  });
});

describe('a date in a bracket naming the occasion under a title', () => {
  const dated = (lines: string[]) => processDocument({ file: 'a.txt', bytes: Buffer.from(lines.join('\n')) }).document!.document.date;
  it('is the date of a speech or a report (（…日在…会议上）, in either numerals)', () => {
    expect(dated(['在全市优化营商环境大会上的讲话', '（2024年3月5日在全市优化营商环境大会上）', '同志们：', '一、充分认识优化营商环境的重要意义', '做好工作。'])).toBe('2024-03-05');
    expect(dated(['政府工作报告', '（二〇二四年一月二十日在某某市第十七届人民代表大会第三次会议上）', '各位代表：', '一、2023年工作回顾', '做好工作。'])).toBe('2024-01-20');
  });
  it('but not an adoption note (its own history gives the date), a period or a bracket that names no occasion', () => {
    expect(dated(['某某市养老服务条例', '（2021年6月10日某某市第十六届人民代表大会常务委员会第二十九次会议通过）', '第一条 为了规范养老服务，制定本条例。'])).toBe('2021-06-10');
    expect(dated(['某某市人民政府关于开展专项行动的通知', '（2024年3月5日在全市范围内开展）', '各区人民政府：', '一、总体要求', '做好工作。'])).toBeNull();
    expect(dated(['某某市人民政府关于开展专项行动的通知', '（2024年3月5日至2024年12月31日）', '各区人民政府：', '一、总体要求', '做好工作。'])).toBeNull();
  });
});

describe('joint signatures', () => {
  const signed = (organs: string[]) =>
    processDocument({ file: 'a.txt', bytes: Buffer.from(['关于优化住房政策的通知', '各有关单位：', '一、总体要求', '做好工作。', ...organs, '2025年11月19日'].join('\n')) }).document!.document.issuer?.['zh-Hans'];
  it('reads a branch on a line of its own under the organ it belongs to as that organ’s name', () => {
    expect(signed(['佛山市住房和城乡建设局', '国家金融监督管理总局', '佛山监管分局'])).toBe('佛山市住房和城乡建设局、国家金融监督管理总局佛山监管分局');
    expect(signed(['中国人民银行', '佛山市中心支行', '佛山市财政局'])).toBe('中国人民银行佛山市中心支行、佛山市财政局');
  });
  it('keeps organs that are no branch, or a branch under an organ that has none, apart', () => {
    expect(signed(['国家金融监督管理总局', '广东监管局'])).toBe('国家金融监督管理总局、广东监管局');
    expect(signed(['佛山市财政局', '南海区分局'])).toBe('佛山市财政局、南海区分局');
  });
});

describe('numbering', () => {
  it('accepts （一） numbering that runs on across 一、 sections, and warns on a real skip', () => {
    const runOn = segment('国务院关于加快发展的意见\n一、总体要求\n（一）指导思想\n（二）基本原则\n二、重点任务\n（三）加快建设\n（四）强化保障');
    expect(runOn.diagnostics.filter((d) => d.code === 'segment:heading-sequence')).toEqual([]);
    expect(runOn.sections[1]!.children.map((s) => s.id)).toEqual(['s2.3', 's2.4']);
    const skip = segment('国务院关于加快发展的意见\n一、总体要求\n（一）指导思想\n（三）基本原则');
    expect(skip.diagnostics.filter((d) => d.code === 'segment:heading-sequence')).toHaveLength(1);
  });
  it('takes 1. 2. 3. as the top level of a text that uses no higher one (a FAQ), and warns on 1. before the first 一、', () => {
    const orphans = (text: string) => segment(text).diagnostics.filter((d) => d.code === 'segment:orphan-heading').length;
    const faq = '常见问题解答\n1. 新规定如何操作？\n根据条例，雇员连续受雇四星期。\n2. 新规定何时开始适用？\n新规定于2026年1月18日起适用。\n3. 是否具有追溯力？\n没有追溯力。';
    expect(orphans(faq)).toBe(0);
    expect(segment(faq).sections.map((s) => s.marker)).toEqual(['1.', '2.', '3.']);
    // the same with （一） items only
    expect(orphans('通知\n（一）加强领导。\n（二）强化保障。')).toBe(0);
    // a 1. before the document's first 一、 has no parent: warned
    expect(orphans('某某市关于加快发展的意见\n1. 前言\n说明。\n一、总体要求\n（一）指导思想\n二、重点任务')).toBe(1);
  });
});

describe('a cover notice with an attached plan', () => {
  const text = [
    '国务院关于印发数字经济发展规划的通知',
    '国发〔2021〕29号',
    '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
    '现将《数字经济发展规划》印发给你们，请认真贯彻执行。',
    '国务院',
    '2021年12月12日',
    '（此件公开发布）',
    '数字经济发展规划',
    '数字经济是继农业经济、工业经济之后的主要经济形态。',
    '一、发展现状和形势',
    '（一）发展基础。我国数字经济规模快速增长。（国家发展改革委牵头，工业和信息化部参与）',
    '二、总体要求',
    '（一）指导思想。以习近平新时代中国特色社会主义思想为指导。',
  ].join('\n');
  const seg = segment(text);

  it('is two documents: the cover with its signature and date, and the plan with its own tree', () => {
    expect(slice(text, seg.title[0]!)).toBe('国务院关于印发数字经济发展规划的通知');
    expect(seg.documentNumber).toBe('国发〔2021〕29号');
    expect(slice(text, seg.issuer)).toBe('国务院');
    expect(seg.date?.iso).toBe('2021-12-12');
    expect(seg.sections).toEqual([]);
    expect(seg.attachments).toHaveLength(1);
    const plan = seg.attachments[0]!;
    expect(plan.title.map((r) => slice(text, r)).join('')).toBe('数字经济发展规划');
    expect(plan.kind).toBe('规划');
    expect(plan.sections.map((s) => s.id)).toEqual(['att1.s1', 'att1.s2']);
    expect(plan.preamble.map((p) => p.id)).toEqual(['att1.p1']);
    expect(seg.notes.map((n) => n.sectionId)).toEqual(['att1.s1.1']);
  });
  it('splits two attached documents at their numbered labels', () => {
    const two = [
      ...text.split('\n').slice(0, 7),
      '附件1',
      '数字经济发展规划',
      '一、发展现状',
      '数字经济规模快速增长。',
      '附件2',
      '重点任务分工方案',
      '一、加强统筹',
      '建立协调机制。（国家发展改革委负责）',
    ].join('\n');
    const seg2 = segment(two);
    expect(seg2.attachments.map((a) => [a.id, a.title.map((r) => slice(two, r)).join(''), a.sections.map((s) => s.id)])).toEqual([
      ['att1', '数字经济发展规划', ['att1.s1']],
      ['att2', '重点任务分工方案', ['att2.s1']],
    ]);
    expect(seg2.notes.map((n) => n.sectionId)).toEqual(['att2.s1']);
  });
  it('is one document when nothing follows the date', () => {
    const single = segment(text.split('\n').slice(0, 7).join('\n'));
    expect(single.attachments).toEqual([]);
    expect(single.date?.iso).toBe('2021-12-12');
  });
});

describe('titles', () => {
  const titleOf = (lines: string[]) => processDocument({ file: 't.txt', bytes: Buffer.from(lines.join('\n')) }).document!.document.title?.['zh-Hans'];
  it('keep a short bracket on the next line that ends them, and leave notes about the text out', () => {
    expect(titleOf(['某某市数字经济三年行动计划', '（2024—2026年）', '一、总体要求', '做好工作。'])).toBe('某某市数字经济三年行动计划（2024—2026年）');
    expect(titleOf(['某某市数据管理办法', '（试行）', '第一条　为了规范管理，制定本办法。'])).toBe('某某市数据管理办法（试行）');
    expect(titleOf(['关于印发某某办法的通知', '（此件公开发布）', '各区县政府：', '一、要求', '做好。'])).toBe('关于印发某某办法的通知');
    expect(titleOf(['某某条例', '（2020年1月1日某某市人民政府令第1号公布，自2020年3月1日起施行）', '第一条　为了规范，制定本条例。'])).toBe('某某条例');
  });
  it('are never the 主送机关 line', () => {
    expect(titleOf(['某政发〔2024〕3号', '各市、州人民政府，省政府各部门：', '为加快发展，提出如下意见。', '一、总体要求', '做好工作。'])).toBe('');
  });
});

describe('a law as plain text', () => {
  const law = [
    '中华人民共和国数据安全法',
    '（2021年6月10日第十三届全国人民代表大会常务委员会第二十九次会议通过）',
    '目　　录',
    '第一章　总　　则',
    '第二章　数据安全与发展',
    '第三章　法律责任',
    '第一章　总　　则',
    '第一条　为了规范数据处理活动，保障数据安全，制定本法。',
    '第二条　在中华人民共和国境内开展数据处理活动，适用本法。',
    '第二章　数据安全与发展',
    '第三条　国家统筹发展和安全。',
    '第三章　法律责任',
    '第四条　本法自2021年9月1日起施行。',
  ].join('\n');
  const doc = processDocument({ file: 'law.txt', bytes: Buffer.from(law) }).document!;
  it('ends the title at the adoption note and reads date and organ from it', () => {
    expect(doc.document.title?.['zh-Hans']).toBe('中华人民共和国数据安全法');
    expect(doc.document.date).toBe('2021-06-10');
    expect(doc.document.issuer?.['zh-Hans']).toBe('第十三届全国人民代表大会常务委员会');
  });
  it('reads chapters and articles, the contents and their 目录 line not as sections', () => {
    expect(doc.sections.map((s) => [s.id, s.children.map((c) => c.id)])).toEqual([
      ['c1', ['a1', 'a2']],
      ['c2', ['a3']],
      ['c3', ['a4']],
    ]);
    expect(doc.diagnostics.map((d) => d.code)).toContain('segment:table-of-contents');
  });
});

describe('regulations: 款 and 项', () => {
  it('numbers the paragraphs of an article as 款 and its （一） items as 项 of the 款 before them', () => {
    const file = join(SHARED, 'corpus', 'lawrefbook', '上海市数据条例(2021-11-25).md');
    const doc = processDocument({ file, bytes: readFileSync(file) }).document!;
    const articles: typeof doc.sections = [];
    const walk = (list: typeof doc.sections) => list.forEach((s) => (s.level === '条' ? articles.push(s) : walk(s.children)));
    walk(doc.sections);
    const a2 = articles.find((a) => a.id === 'a2')!;
    expect(a2.paragraphs.map((p) => p.article)).toEqual([
      { jurisdiction: 'cn', kuan: 1, xiang: null },
      ...a2.paragraphs.slice(1).map((_, k) => ({ jurisdiction: 'cn', kuan: 1, xiang: k + 1 })),
    ]);
    expect(doc.document.jurisdiction).toBe('cn');
    const a4 = articles.find((a) => a.id === 'a4')!;
    expect(a4.paragraphs.map((p) => (p.article?.jurisdiction === 'cn' ? p.article.kuan : null))).toEqual([1, 2, 3]);
    // a law says under its title when and by whom it was adopted
    expect(doc.document.date).toBe('2021-11-25');
    expect(doc.document.issuer?.['zh-Hans']).toBe('上海市第十五届人民代表大会常务委员会');
  });
});

describe('Markdown input', () => {
  const run = (md: string) => processDocument({ file: 'x.md', bytes: Buffer.from(md) }).document!;

  it('keeps the numbers of ordered lists, so 1. 2. items are level-3 sections', () => {
    const doc = run('# 国务院关于加快发展的意见\n\n## 一、重点任务\n\n### （一）加强建设\n\n1. 建设平台。统筹推进。\n2. 完善机制。加快推进。\n');
    const s11 = doc.sections[0]!.children[0]!;
    expect(s11.children.map((c) => `${c.marker}${c.heading?.['zh-Hans']}`)).toEqual(['1.建设平台', '2.完善机制']);
  });
  it('lets the markers decide where the Markdown levels disagree, and says so', () => {
    const doc = run('# 国务院关于加快发展的意见\n\n### 一、总体要求\n\n## （一）指导思想\n\n正文。\n');
    expect(doc.sections[0]!.children.map((c) => c.id)).toEqual(['s1.1']);
    expect(doc.diagnostics.map((d) => d.code)).toContain('segment:markdown-level');
  });
  it('warns on a Markdown heading it cannot place, and keeps its text', () => {
    const doc = run('# 国务院关于加快发展的意见\n\n## 一、总体要求\n\n## 背景情况\n\n正文。\n');
    const warning = doc.diagnostics.find((d) => d.code === 'segment:unplaced-heading');
    expect(warning?.severity).toBe('warning');
    expect(doc.sections[0]!.paragraphs.map((p) => p.sentences[0]!.text['zh-Hans'])).toContain('背景情况');
  });
  it('reads a numbered list after ： as a list inside the section, not as sections', () => {
    const doc = run('# 国务院关于加快发展的意见\n\n## 一、总体要求\n\n主要任务包括：\n\n1. 数据安全；\n2. 网络安全；\n3. 信息安全。\n');
    expect(doc.sections[0]!.children).toEqual([]);
    expect(doc.sections[0]!.paragraphs).toHaveLength(4);
  });
});

describe('printed files: 版记 before the forwarded document, promulgation lines, marks above the title', () => {
  it('a cover whose 抄送, 印发 and 公开方式 lines stand between its date and the document it forwards', () => {
    // as a PDF of a 文件 reads: cover, its 版记 at the foot of its last page, then the attachment
    const text = [
      '某某市住房和城乡建设局文件',
      '某建〔2026〕55号',
      '某某市住房和城乡建设局关于印发《人才房票试行工作方案》的通知',
      '各县（市、区）人民政府：',
      '《人才房票试行工作方案》已经市人民政府同意，现印发给你们，请抓好贯彻落实。',
      '某某市住房和城乡建设局',
      '2026年4月24日',
      '公开方式：主动公开',
      '抄送：市委办公室。',
      '某某市住房和城乡建设局办公室 2026年4月24日印发',
      '人才房票试行工作方案',
      '一、适用原则',
      '本方案遵循自愿申请的原则。',
      '二、适用对象',
      '在本市就业的人才。',
    ].join('\n');
    const seg = segment(text);
    expect(seg.date?.iso).toBe('2026-04-24');
    expect(slice(text, seg.issuer)).toBe('某某市住房和城乡建设局');
    expect(seg.attachments.map((a) => a.title.map((r) => slice(text, r)).join(''))).toEqual(['人才房票试行工作方案']);
    expect(seg.attachments[0]!.sections.map((s) => s.marker)).toEqual(['一、', '二、']);
    expect(seg.parts.filter((p) => ['note', 'cc', 'printing'].includes(p.type)).map((p) => p.type)).toEqual(['note', 'cc', 'printing']);
  });

  it('a document whose 版记 ends it is still one document', () => {
    const text = ['某某市住房公积金管理委员会关于调整贷款政策的意见', '一、提高贷款额度。', '二、本意见自2022年8月1日起执行。', '某某市住房公积金管理委员会', '2022年7月27日', '（此页无正文）', '抄送：各委员单位', '某某市住房公积金管理委员会 2022年7月27日印发'].join('\n');
    const seg = segment(text);
    expect(seg.attachments).toEqual([]);
    expect(seg.date?.iso).toBe('2022-07-27');
    expect(seg.sections.map((s) => s.marker)).toEqual(['一、', '二、']);
  });

  it('a 规章’s promulgation line gives its date and organ; a law’s adoption line still does', () => {
    for (const [line, iso, organ] of [
      ['（2022年12月23日北京市人民政府第307号令公布 自2023年3月1日起施行）', '2022-12-23', '北京市人民政府'],
      ['（2025年8月29日北京市人民政府第318号令发布 自2025年10月1日起施行）', '2025-08-29', '北京市人民政府'],
      ['（2021年11月25日上海市第十五届人民代表大会常务委员会第三十七次会议通过）', '2021-11-25', '上海市第十五届人民代表大会常务委员会'],
    ] as const) {
      const text = ['北京市地震预警管理办法', line, '第一章 总则', '第一条 为了规范地震预警活动，制定本办法。'].join('\n');
      const seg = segment(text);
      expect(seg.date?.iso, line).toBe(iso);
      expect(slice(text, seg.issuer), line).toBe(organ);
    }
    // a date in the text that promulgates nothing is no date of the document
    const plain = segment(['北京市地震预警管理办法', '（2022年12月23日北京市人民政府印发的第307号文件）', '第一条 为了规范地震预警活动，制定本办法。'].join('\n'));
    expect(plain.date).toBeNull();
  });

  it('公开, a 文件 mark without names and an attachment label above the title are no title; a title with 公开 in it is one', () => {
    const title = (lines: string[]) => {
      const text = lines.join('\n');
      const seg = segment(text);
      return seg.title.map((r) => slice(text, r)).join('');
    };
    const rest = ['各有关单位：', '一、总体要求', '做好工作。'];
    expect(title(['公开', '沪建房管联〔2021〕476号', '关于加强住房赠与管理的通知', ...rest])).toBe('关于加强住房赠与管理的通知');
    expect(title(['文件', '江建〔2026〕55号', '关于印发工作方案的通知', ...rest])).toBe('关于印发工作方案的通知');
    expect(title(['附件1', '人才购房补贴的实施细则（试行）', ...rest])).toBe('人才购房补贴的实施细则（试行）');
    expect(title(['政府信息公开工作年度报告', ...rest])).toBe('政府信息公开工作年度报告');
  });
});

describe('numbered items and contents in notices (hand-made)', () => {
  const notice = (items: string[]) => ['关于调整住房公积金政策的通知', '各缴存单位：', '经研究，现将有关事项通知如下：', ...items, '某某市住房公积金管理中心', '2023年1月31日'].join('\n');
  it('reads 1. 2. 3. as sections when an item other than the last ends in 。 (items of a notice), as a list when they end in ；', () => {
    const sections = segment(notice(['1.受疫情影响的企业职工，可视为正常连续缴存。', '2.缴存职工第二次申请贷款不再受间隔时间限制。', '3.扩大组合贷款合作银行范围。增加两家合作银行。']));
    expect(sections.sections.map((s) => s.marker)).toEqual(['1.', '2.', '3.']);
    const list = segment(notice(['1.受疫情影响的企业职工；', '2.缴存职工第二次申请贷款的；', '3.扩大组合贷款合作银行范围的。']));
    expect(list.sections).toEqual([]);
  });
  it('keeps a 目录 of 一、 headings out of the tree, however long its lines', () => {
    const heads = ['一、以习近平新时代中国特色社会主义思想为指导，在推进中国式现代化新篇章中挑大梁走在前', '二、深入实施创新驱动战略，建设高能量科创强市'];
    const seg = segment(['中共某某市委关于制定国民经济和社会发展第十五个五年规划的建议', '目录', ...heads, heads[0]!, '“十五五”时期是关键时期。要坚定信心。', heads[1]!, '要加快科技创新。'].join('\n'));
    expect(seg.sections.map((s) => s.marker)).toEqual(['一、', '二、']);
    expect(seg.diagnostics.some((d) => d.code === 'segment:table-of-contents')).toBe(true);
  });
  it('keeps the signature’s full name when the title names the organ in short (市政府关于印发…)', () => {
    const text = ['市政府关于印发《某某市户籍准入管理若干规定》的通知', '各辖市、区人民政府：', '现印发给你们，请认真贯彻落实。', '某某市人民政府', '2019年1月30日', '某某市户籍准入管理若干规定', '第一条 为规范户籍管理，制定本规定。'].join('\n');
    expect(slice(text, segment(text).issuer)).toBe('某某市人民政府');
    // a title that names another organ (a forwarding office) keeps the title's organ
    const forwarded = ['国务院办公厅转发国家发展改革委关于做好节能工作意见的通知', '各省、自治区、直辖市人民政府：', '国家发展改革委《关于做好节能工作的意见》已经国务院同意，现转发给你们。', '国务院办公厅', '2024年2月6日', '关于做好节能工作的意见', '一、总体要求', '要坚持节约优先。', '国家发展改革委', '2024年1月10日'].join('\n');
    expect(slice(forwarded, segment(forwarded).issuer)).toBe('国务院办公厅');
  });
});
