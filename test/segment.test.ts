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

describe('damaged responsibility notes', () => {
  it('reads a note whose opening was lost to corrupted bytes, and warns', () => {
    const text = '一、总体要求\n（一）强化领导\n营造敢于担当的浓厚氛围。任单位：市发改委，市科技局]';
    const seg = segment(text);
    expect(seg.notes).toHaveLength(1);
    expect(slice(text, seg.notes[0]!)).toBe('任单位：市发改委，市科技局]');
    expect(seg.diagnostics.map((d) => d.code)).toContain('segment:damaged-note');
  });
});
