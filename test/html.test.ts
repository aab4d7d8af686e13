/** HTML input: real gov.cn pages and hand-made pages with the markup scrapes carry. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rebuildInput, rebuildRaw } from '../pipeline/lib/tracked-text.js';
import { processDocument } from '../pipeline/pipeline.js';
import { clean } from '../pipeline/stages/clean.js';
import { SHARED } from './helpers/paths.js';

const GOVCN = join(SHARED, 'corpus', 'govcn');
interface Label {
  file: string;
  title: string;
  documentNumber: string;
  issuer: string;
}
const labels = JSON.parse(readFileSync(join(GOVCN, 'metadata.json'), 'utf8')) as Label[];

describe('hand-made HTML', () => {
  const page = [
    '<html><head><title>政策文件_某某网</title><style>p { color: red }</style>',
    '<script>var menu = "首页";</script></head><body>',
    '<div class="nav">首页 &gt; 政策</div>',
    '<table><tr><td><p style="text-align:center">国务院关于加快</p><p style="text-align:center">发展的意见</p></td></tr></table>',
    '<p>&nbsp;&nbsp;各省、自治区：</p>',
    '<p style="text-indent:2em">发展<ruby>網<rp>(</rp><rt>wǎng</rt><rp>)</rp></ruby>络',
    '产业。<br>第二行</p>',
    '<table><tr><td>任务</td><td>责任单位</td></tr><tr><td>建设平台</td><td>市科技局</td></tr></table>',
    '<div class="share-bar">分享到微信</div><pre>a  b\nc</pre>',
    '</body></html>',
  ].join('\n');
  const cleaned = clean({ text: page, format: 'html' });
  const lines = cleaned.text.split('\n').filter((l) => l !== '');

  it('keeps the paragraphs as lines, in order', () => {
    expect(lines.slice(0, 5)).toEqual(['国务院关于加快', '发展的意见', '各省、自治区：', '发展網络产业。', '第二行']);
  });
  it('keeps a data table one row per line, its cells separated by |', () => {
    expect(lines.slice(5, 7)).toEqual(['任务 | 责任单位', '建设平台 | 市科技局']);
  });
  it('drops scripts, styles, the head, navigation, share bars and ruby annotations', () => {
    for (const gone of ['首页', 'color', '政策文件', '分享', 'wǎng', '(', '<', '&']) expect(cleaned.text).not.toContain(gone);
  });
  it('keeps <pre> line breaks and records every change', () => {
    expect(lines.slice(-2)).toEqual(['a  b', 'c']);
    expect(lines).toHaveLength(9);
    expect(rebuildRaw(cleaned.text, cleaned.edits)).toBe(page);
    expect(cleaned.edits.every((e) => e.kind.split('+').every((k) => k.length > 0))).toBe(true);
  });
  it('is chosen from the content when the name says nothing', () => {
    const doc = processDocument({ file: "page", bytes: Buffer.from(page) });
    expect(doc.document?.source.format).toBe('html');
  });
});

describe('a task table', () => {
  const page = [
    '<p>某某市人民政府关于加快数字经济发展的实施意见</p>',
    '<p>一、重点任务</p>',
    '<table><tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr>',
    '<tr><td>1</td><td><p>建设算力平台</p></td><td>市发改委</td><td>市经信局、市财政局</td><td>2025年底</td></tr>',
    '<tr><td>2</td><td>培育数据市场<br>完善交易规则</td><td>市数据局</td><td></td><td>持续推进</td></tr>',
    '</table>',
    '<table><tr><td>任务</td><td>责任单位</td></tr><tr><td>优化营商环境</td><td>市商务局，市市场监管局</td></tr></table>',
  ].join('\n');
  const doc = processDocument({ file: 'tasks.html', bytes: Buffer.from(page) }).document!;

  it('keeps each row on a line, never as a numbered section', () => {
    expect(doc.text['zh-Hans']).toContain('1 | 建设算力平台 | 市发改委 | 市经信局、市财政局 | 2025年底');
    expect(doc.text['zh-Hans']).toContain('2 | 培育数据市场完善交易规则 | 市数据局 |  | 持续推进');
    expect(doc.sections[0]!.children).toEqual([]);
  });
  it('reads each row as a responsibility note under its header', () => {
    const notes = doc.responsibilities.map((r) => ({ lead: r.lead, support: r.support, roles: r.roles, section: r.sectionId }));
    expect(notes).toEqual([
      { lead: ['agency:某某市发展和改革委员会'], support: ['agency:某某市经济和信息化局', 'agency:某某市财政局'], roles: 'explicit', section: 's1' },
      { lead: ['agency:某某市数据局'], support: [], roles: 'explicit', section: 's1' },
      // a 责任单位 cell split by ， is one list, as a note's is, unless the document says the group before the comma leads
      { lead: ['agency:某某市商务局', 'agency:某某市市场监督管理局'], support: [], roles: 'joint', section: 's1' },
    ]);
    const said = processDocument({ file: 'tasks.html', bytes: Buffer.from(page.replace('<p>一、重点任务</p>', '<p>各项任务的责任单位中，逗号前为牵头单位。</p><p>一、重点任务</p>')) }).document!;
    expect(said.responsibilities[2]).toMatchObject({ lead: ['agency:某某市商务局'], support: ['agency:某某市市场监督管理局'], roles: 'explicit' });
  });
});

describe('a task table in Markdown (GFM)', () => {
  const md = [
    '# 某某市人民政府关于加快数字经济发展的实施意见',
    '',
    '## 一、重点任务',
    '',
    '| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |',
    '| :--: | --- | --- | --- | --- |',
    '| 1 | **建设算力平台** | 市发改委 | 市经信局、市财政局 | 2025年底 |',
    '| 2 | 培育数据市场<br>完善交易规则 | 市数据局 |  | 持续推进 |',
    '',
    '相关~~旧规定~~同时废止。',
    '',
  ].join('\n');
  const doc = processDocument({ file: 'tasks.md', bytes: Buffer.from(md) }).document!;

  it('reads like the same table in HTML: a row per line, cells separated by |, no pipes or delimiter rows left', () => {
    expect(doc.text['zh-Hans']).toContain('\n序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限\n1 | 建设算力平台 | 市发改委 | 市经信局、市财政局 | 2025年底\n');
    expect(doc.text['zh-Hans']).toContain('\n2 | 培育数据市场完善交易规则 | 市数据局 |  | 持续推进\n');
    expect(doc.text['zh-Hans']).toContain('\n相关旧规定同时废止。');
    expect(doc.text['zh-Hans']).not.toMatch(/:--|\| *$|^\|/m);
    expect(doc.sections[0]!.children).toEqual([]);
    const c = clean({ text: md, format: 'markdown' });
    expect(rebuildRaw(c.text, c.edits)).toBe(md);
  });
  it('gives each row its responsibility note', () => {
    expect(doc.responsibilities.map((r) => [r.lead, r.support, r.sectionId])).toEqual([
      [['agency:某某市发展和改革委员会'], ['agency:某某市经济和信息化局', 'agency:某某市财政局'], 's1'],
      [['agency:某某市数据局'], [], 's1'],
    ]);
  });
});

describe('a page with a site’s metadata table (政府信息公开)', () => {
  const fragment = readFileSync(join(GOVCN, 'govcn-02.html'), 'utf8');
  const table = [
    '<table class="bd1"><tbody>',
    '<tr><td><b>索&nbsp;&nbsp;引&nbsp;&nbsp;号：</b></td><td>000014349/2019-00010</td><td><b>主题分类：</b></td><td>综合政务\\其他</td></tr>',
    '<tr><td><b>发文机关：</b></td><td>国务院办公厅</td><td><b>成文日期：</b></td><td>2019年01月22日</td></tr>',
    '<tr><td><b>标　　题：</b></td><td colspan="3">国务院办公厅关于有效发挥政府性融资担保基金作用切实支持小微企业和“三农”发展的指导意见</td></tr>',
    '<tr><td><b>发文字号：</b></td><td>国办发〔2019〕6号</td><td><b>发布日期：</b></td><td>2019年02月14日</td></tr>',
    '</tbody></table>',
  ].join('\n');
  const page = (body: string) => `<html><body><div class="xxgk">${table}</div><table>${body}</table></body></html>`;
  const plain = processDocument({ file: 'govcn-02.html', bytes: Buffer.from(fragment) }).document!;
  const full = processDocument({ file: 'page.html', bytes: Buffer.from(page(fragment)) }).document!;
  const facts = (doc: typeof plain) => ({ document: doc.document, sections: doc.sections.length, notes: doc.responsibilities.length, text: doc.text['zh-Hans'] });

  it('is cut from the text as an edit and kept as label → value pairs; the document reads as without it', () => {
    expect(facts(full)).toEqual(facts(plain));
    expect(full.pageMetadata?.map((p) => p.label)).toEqual(['索引号', '主题分类', '发文机关', '成文日期', '标题', '发文字号', '发布日期']);
    expect(full.pageMetadata?.find((p) => p.label === '索引号')?.value).toBe('000014349/2019-00010');
    // cut with the page around the document (page-chrome) or, inside the document's block, as a table (page-metadata)
    expect(full.cleaning.edits.some((e) => /page-metadata|page-chrome/.test(e.kind) && e.before.includes('000014349/2019-00010'))).toBe(true);
    expect(rebuildInput(full)).toBe(page(fragment));
    expect(plain.pageMetadata).toBeNull();
  });
  it('gives the 发文字号 that the document’s own text lacks', () => {
    const bare = fragment.replaceAll('国办发〔2019〕6号', '');
    expect(processDocument({ file: 'bare.html', bytes: Buffer.from(bare) }).document!.document.documentNumber).toBeNull();
    expect(processDocument({ file: 'page.html', bytes: Buffer.from(page(bare)) }).document!.document.documentNumber).toBe('国办发〔2019〕6号');
  });
  it('is not a lone label line in a document', () => {
    const doc = processDocument({ file: 'x.html', bytes: Buffer.from('<p>某某市人民政府关于做好工作的通知</p><p>发文字号：无</p><p>一、总体要求</p><p>做好工作。</p>') }).document!;
    expect(doc.pageMetadata).toBeNull();
    expect(doc.text['zh-Hans']).toContain('发文字号：无');
  });
});

describe('a page whose title stands only in its headline', () => {
  const html = [
    '<html><body><div class="nav">首页 > 政务公开 > 政策文件</div>',
    '<h1>某某省人民政府关于加快数字经济发展的实施意见</h1>',
    '<div class="info">发布时间：2024-03-05 来源：省政府办公厅 【字号：大 中 小】</div>',
    '<div class="content"><p>某政发〔2024〕3号</p><p>各市、州人民政府，省政府各部门：</p><p>为加快数字经济发展，提出如下意见。</p>',
    '<p>一、总体要求</p><p>（一）指导思想。坚持创新驱动。（省发展改革委牵头，省经济和信息化厅配合）</p><p>某某省人民政府</p><p>2024年3月1日</p></div></body></html>',
  ].join('\n');
  const doc = processDocument({ file: 'province.html', bytes: Buffer.from(html) }).document!;
  it('takes the title from the headline the wrapper cut, and never from the 主送机关 line', () => {
    expect(doc.document.title?.['zh-Hans']).toBe('某某省人民政府关于加快数字经济发展的实施意见');
    expect(doc.document.kind).toBe('意见');
    expect(doc.document.addressees.map((a) => a['zh-Hans'])).toEqual(['各市、州人民政府', '省政府各部门']);
    expect(doc.document.documentNumber).toBe('某政发〔2024〕3号');
  });
  it('reads the 来源 without the page furniture glued to it (the info row is the page’s metadata, cut with the page around the document)', () => {
    const value = (field: string) => doc.pageMetadata?.find((p) => p.field === field)?.value;
    expect(value('source')).toBe('省政府办公厅');
    expect(value('published')).toBe('2024-03-05');
    expect(doc.text['zh-Hans']).not.toContain('字号');
    expect(doc.text['zh-Hans']).not.toContain('首页');
  });
});

describe('gov.cn pages', () => {
  const docs = labels.map((label) => ({
    label,
    doc: processDocument({ file: label.file, bytes: readFileSync(join(GOVCN, label.file)) }).document!,
  }));

  it('come out as text without markup or entities', () => {
    for (const { label, doc } of docs) {
      expect(doc.text['zh-Hans'], label.file).not.toMatch(/<\/?[a-z][^>]*>|&[a-z]+;|&#\d+;/i);
      expect(doc.sections.length + doc.attachments.reduce((n, a) => n + a.sections.length, 0), label.file).toBeGreaterThan(0);
    }
  });
  it('give the title, 发文字号 and issuer the crawler recorded, on all eleven pages', () => {
    const wrong = docs
      .filter(({ label, doc }) => doc.document.title?.['zh-Hans'] !== label.title || doc.document.documentNumber !== label.documentNumber || doc.document.issuer?.['zh-Hans'] !== label.issuer)
      .map(({ label, doc }) => `${label.file}: ${doc.document.title?.['zh-Hans']} / ${doc.document.documentNumber} / ${doc.document.issuer?.['zh-Hans']}`);
    expect(wrong).toEqual([]);
  });
  it('split a cover that forwards or promulgates a document from that document', () => {
    const byFile = new Map(docs.map((d) => [d.label.file, d.doc]));
    const attached = (file: string) => byFile.get(file)!.attachments.map((a) => a.title?.['zh-Hans']);
    expect(attached('govcn-03.html')).toEqual(['国家职业教育改革实施方案']);
    expect(attached('govcn-32.html')).toEqual(['个人所得税专项附加扣除暂行办法']);
    // a report forwarded by 国务院办公厅 keeps its own signature; the cover's issuer is the forwarder
    const forwarded = byFile.get('govcn-20.html')!;
    expect(forwarded.attachments[0]!.issuer?.['zh-Hans']).toBe('国家地震局');
    expect(forwarded.document.issuer?.['zh-Hans']).toBe('国务院办公厅');
    // a decree: 国令第707号 promulgates the regulation, whose articles are the attachment's
    const decree = byFile.get('govcn-33.html')!;
    expect(decree.document.kind).toBe('令');
    expect(decree.attachments[0]!.sections.length).toBeGreaterThan(30);
    expect(decree.attachments[0]!.sections.every((s) => s.level === '条')).toBe(true);
    // one-document pages have no attachment
    expect(attached('govcn-02.html')).toEqual([]);
    expect(attached('govcn-57.html')).toEqual([]);
  });
  it('read the （…负责） notes with their roles', () => {
    const notes = docs.find((d) => d.label.file === 'govcn-05.html')!.doc.responsibilities;
    expect(notes.length).toBeGreaterThan(15);
    // the page declares 排在第一位的部门为牵头部门 in its first note
    expect(notes[0]).toMatchObject({ roles: 'first-listed', lead: ['agency:国家税务总局'], support: ['agency:财政部', 'agency:海关总署'] });
    const explicit = docs.find((d) => d.label.file === 'govcn-07.html')!.doc.responsibilities[0]!;
    expect(explicit).toMatchObject({ roles: 'explicit', lead: ['agency:生态环境部'] });
    expect(explicit.support).toHaveLength(5);
  });
});
