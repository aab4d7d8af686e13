/**
 * The note grammar (lib/notes/): every form on a hand-made case and a case
 * where it must not fire; deadlines; task tables in HTML and Markdown; notes
 * in the structures around them (skipped levels, run-in headings, numbering
 * that runs on, attachments, two forwarded documents).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processDocument, processFile } from '../pipeline/pipeline.js';
import { ROOT } from './helpers/paths.js';
import { findNotes } from '../pipeline/lib/notes/reader.js';
import { readDeadline } from '../pipeline/lib/notes/deadline.js';
import { segment } from '../pipeline/stages/segment.js';
import { RESPONSIBILITY_COLUMNS, responsibilityRows } from '../pipeline/lib/notes/records.js';

/** The notes of one paragraph, as text, lead, support and deadline. */
const read = (paragraph: string, year: number | null = 2024) =>
  findNotes(paragraph, { year }).map((n) => ({
    note: paragraph.slice(n.start, n.end),
    lead: n.lead.map((r) => r.name),
    support: n.support.map((r) => r.name),
    joint: n.joint,
    deadline: n.deadline ? { text: paragraph.slice(n.deadline.start, n.deadline.end), date: n.deadline.date, kind: n.deadline.kind } : null,
  }));

describe('labelled parts: LABEL is any compound of role words and a unit word', () => {
  it('reads lead and support labels however they are compounded, in any order', () => {
    expect(read('建设算力平台。（牵头单位：市发改委；配合单位：市经信局、市财政局）')[0]).toMatchObject({ lead: ['市发改委'], support: ['市经信局', '市财政局'] });
    expect(read('建设算力平台。（配合部门：市经信局；牵头部门：市发改委）')[0]).toMatchObject({ lead: ['市发改委'], support: ['市经信局'] });
    expect(read('建设算力平台。（主责单位：市发改委，协同配合单位：市经信局）')[0]).toMatchObject({ lead: ['市发改委'], support: ['市经信局'] });
    expect(read('建设算力平台。（牵头责任单位：市发改委　协办单位：市数据局）')[0]).toMatchObject({ lead: ['市发改委'], support: ['市数据局'] });
    expect(read('建设算力平台。（主办单位：市发改委；参与单位：各区县政府）')[0]).toMatchObject({ lead: ['市发改委'], support: ['各区县政府'] });
    expect(read('建设算力平台。（责任处室：规划处、法规处）')[0]).toMatchObject({ lead: ['规划处', '法规处'], joint: true });
  });
  it('reads a label without its unit word, in square brackets, or with 主体', () => {
    expect(read('建设算力平台。（牵头：市发改委；配合：市经信局、市财政局）')[0]).toMatchObject({ lead: ['市发改委'], support: ['市经信局', '市财政局'] });
    expect(read('建设算力平台。【牵头单位】市发改委【配合单位】市经信局、市财政局')[0]).toMatchObject({ note: '【牵头单位】市发改委【配合单位】市经信局、市财政局', lead: ['市发改委'], support: ['市经信局', '市财政局'] });
    expect(read('建设算力平台。[责任单位]市发改委、市经信局')[0]).toMatchObject({ lead: ['市发改委', '市经信局'], joint: true });
    expect(read('建设算力平台。（责任主体：各区县政府）')[0]).toMatchObject({ lead: ['各区县政府'] });
    // a bracketed label word alone is no note, nor prose after one
    expect(read('建设算力平台【牵头单位】。')).toEqual([]);
    expect(read('建设算力平台。【牵头单位】要抓好落实')).toEqual([]);
  });
  it('does not fire on a label followed by prose, or on a key that is no role', () => {
    expect(read('建设算力平台。（牵头单位：要按照职责分工抓好落实）')).toEqual([]);
    expect(read('建设算力平台。（适用范围：全市各类园区）')).toEqual([]);
    expect(read('（四）责任单位及相关责任人处理，情节严重的应撤销许可。')).toEqual([]);
  });
});

describe('unlabelled parts: names followed by a role word', () => {
  it('A牵头，B、C配合; A负责; A指导，B参与', () => {
    expect(read('建设算力平台（市发改委牵头，市经信局、市财政局配合）。')[0]).toMatchObject({ lead: ['市发改委'], support: ['市经信局', '市财政局'] });
    expect(read('建设算力平台（市发改委负责）。')[0]).toMatchObject({ lead: ['市发改委'], support: [], joint: false });
    expect(read('建设算力平台（市发改委、市经信局负责）。')[0]).toMatchObject({ lead: ['市发改委', '市经信局'], joint: true });
    expect(read('推进分类（商务部指导，供销合作总社参与）')[0]).toMatchObject({ lead: ['商务部'], support: ['供销合作总社'] });
  });
  it('does not fire on prose that names an agency and a role word', () => {
    expect(read('由市发改委牵头，会同市财政局制定具体办法。')).toEqual([]);
    expect(read('建设算力平台（由市发改委牵头，会同市财政局）。')).toEqual([]);
    expect(read('建设算力平台（市发改委牵头，研究制定具体办法）。')).toEqual([]);
    expect(read('有关单位和个人应当配合。')).toEqual([]);
  });
  it('a last sentence of role-marked names is a note; one of prose is not', () => {
    expect(read('建设算力平台，2025年建成。市发改委牵头，市经信局、市财政局配合。')[0]).toMatchObject({ note: '市发改委牵头，市经信局、市财政局配合', lead: ['市发改委'], support: ['市经信局', '市财政局'] });
    expect(read('建设算力平台。各区县政府要主动配合。')).toEqual([]);
  });
});

describe('other brackets are never notes', () => {
  it('（试行）, （以下简称…）, a year range, a remark', () => {
    expect(read('某某市数据管理办法（试行）')).toEqual([]);
    expect(read('成都市发展和改革委员会（以下简称市发改委）负责牵头。')).toEqual([]);
    expect(read('成都市发展和改革委员会（以下简称“市发改委”）')).toEqual([]);
    expect(read('三年行动计划（2024—2026年）')).toEqual([]);
    expect(read('各区（市）县要加强领导（按季度报送）。')).toEqual([]);
  });
});

describe('names', () => {
  it('collectives, 等 and 等和 closing a list, a short form after a first mention', () => {
    expect(read('（一）推进建设。（责任单位：市级有关部门、各区县政府）')[0]).toMatchObject({ lead: ['市级有关部门', '各区县政府'] });
    expect(read('（一）推进建设。（发展改革委、商务部等和各有关省级人民政府负责）')[0]).toMatchObject({ lead: ['发展改革委', '商务部', '各有关省级人民政府'] });
    expect(read('（一）推进建设。（负责部门：人民银行等部门，适用范围：浙江自贸试验区）')[0]).toMatchObject({ lead: ['人民银行'] });
    const short = findNotes('（一）推进建设。（责任单位：市发改委、经信局、科技局）')[0]!;
    expect(short.lead.map((r) => [r.name, r.written])).toEqual([['市发改委', undefined], ['市经信局', '经信局'], ['市科技局', '科技局']]);
    // a national organ the lexicon knows keeps its name
    expect(findNotes('（市发改委、扶贫办负责）')[0]!.lead.map((r) => r.name)).toEqual(['市发改委', '扶贫办']);
  });
});

describe('deadlines', () => {
  it('resolves by / from / ongoing, with the document year where the text has none', () => {
    const d = (s: string, year: number | null = 2024) => {
      const r = readDeadline(s, 0, year);
      return r && [r.date, r.kind];
    };
    expect(d('2024年底前')).toEqual(['2024-12-31', 'by']);
    expect(d('9月底前')).toEqual(['2024-09-30', 'by']);
    expect(d('9月30日前完成')).toEqual(['2024-09-30', 'by']);
    expect(d('2025年6月底前')).toEqual(['2025-06-30', 'by']);
    expect(d('年内完成')).toEqual(['2024-12-31', 'by']);
    expect(d('2025年上半年')).toEqual(['2025-06-30', 'by']);
    expect(d('第三季度末前')).toEqual(['2024-09-30', 'by']);
    expect(d('2025年完成')).toEqual(['2025-12-31', 'by']);
    expect(d('2025年起')).toEqual(['2025-01-01', 'from']);
    expect(d('自2024年7月1日起实施')).toEqual(['2024-07-01', 'from']);
    expect(d('长期坚持')).toEqual([null, 'ongoing']);
    expect(d('持续推进')).toEqual([null, 'ongoing']);
    expect(d('2月底前', 2024)).toEqual(['2024-02-29', 'by']);
    expect(d('2024年内')).toEqual(['2024-12-31', 'by']);
    expect(d('2024年四季度')).toEqual(['2024-12-31', 'by']);
    expect(d('10月中旬前')).toEqual(['2024-10-20', 'by']);
    expect(d('9月底前', null)).toEqual([null, 'by']);
    // a date alone, or text, is no deadline
    expect(d('2024年')).toBeNull();
    expect(d('9月30日')).toBeNull();
    expect(d('按季度报送')).toBeNull();
    expect(d('13月底前')).toBeNull();
    // under a 完成时限 key or column a date alone is a deadline
    expect(readDeadline('2024年12月', 0, 2024, true)).toMatchObject({ date: '2024-12-31', kind: 'by' });
    expect(read('（一）建设平台。（牵头单位：市发改委；完成时限：2025年6月）')[0]).toMatchObject({ deadline: { text: '2025年6月', date: '2025-06-30' } });
  });
  it('stands anywhere in a note, before the label too', () => {
    expect(read('（一）建设平台。（2024年底前；责任单位：市发改委）')[0]).toMatchObject({ lead: ['市发改委'], deadline: { text: '2024年底前', date: '2024-12-31', kind: 'by' } });
    expect(read('（一）建设平台。（市发改委牵头，市财政局配合，9月30日前完成）')[0]).toMatchObject({ lead: ['市发改委'], support: ['市财政局'], deadline: { date: '2024-09-30' } });
    expect(read('（一）建设平台。（责任单位：市发改委；完成时限：长期坚持）')[0]).toMatchObject({ deadline: { text: '长期坚持', kind: 'ongoing' } });
    expect(read('（一）建设平台。[责任单位：市发改委，市财政局；2025年起]')[0]).toMatchObject({ lead: ['市发改委', '市财政局'], support: [], deadline: { kind: 'from', date: '2025-01-01' } });
  });
  it('takes the time that leads a part however the part goes on', () => {
    expect(read('（一）建设平台。（市发改委牵头，2025年底前基本完成）')[0]).toMatchObject({ lead: ['市发改委'], deadline: { text: '2025年底前', date: '2025-12-31', kind: 'by' } });
    expect(read('（一）建设平台。（责任单位：市发改委；2024年起逐年推进）')[0]).toMatchObject({ deadline: { text: '2024年起', date: '2024-01-01', kind: 'from' } });
  });
  it('a note with a deadline and no agency is no note', () => {
    expect(read('（一）建设平台（2024年底前完成）。')).toEqual([]);
  });
});

describe('task tables', () => {
  const page = [
    '<p>某某市人民政府办公室关于印发数字经济重点任务分工方案的通知</p><p>一、重点任务</p>',
    '<table><tr><th>序号</th><th>重点任务</th><th>具体措施</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr>',
    '<tr><td rowspan="2">1</td><td rowspan="2">建设算力平台</td><td>建成城市算力中心</td><td>市发改委</td><td>市经信局、市财政局</td><td>2025年6月底前</td></tr>',
    '<tr><td>完善调度平台</td><td>市数据局（牵头）、市经信局（牵头）、市财政局</td><td></td><td>长期坚持</td></tr>',
    '<tr><th>序号</th><th>重点任务</th><th>具体措施</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr>',
    '<tr><td>2</td><td>培育数据市场</td><td>完善交易规则</td><td rowspan="2">市数据局</td><td>市市场监管局</td><td>2024年底前</td></tr>',
    '<tr><td>3</td><td>推进数据开放</td><td>开放公共数据</td><td>各区县政府</td><td>2025年起</td></tr>',
    '</table>',
  ].join('\n');
  const doc = processDocument({ file: 'tasks.html', bytes: Buffer.from(page) }).document!;
  const rows = doc.responsibilities.map((r) => ({
    task: r.task?.text['zh-Hans'],
    text: r.text['zh-Hans'],
    lead: r.lead,
    support: r.support,
    roles: r.roles,
    deadline: r.deadline && [r.deadline.text['zh-Hans'], r.deadline.date, r.deadline.kind],
  }));

  it('writes a merged cell as 〃 in the rows it covers, and the input still rebuilds', () => {
    expect(doc.text['zh-Hans']).toContain('〃 | 〃 | 完善调度平台 | 市数据局（牵头）、市经信局（牵头）、市财政局 |  | 长期坚持');
    expect(doc.text['zh-Hans']).toContain('3 | 推进数据开放 | 开放公共数据 | 〃 | 各区县政府 | 2025年起');
  });
  it('gives one note per row with its task, roles and deadline; merged cells carried down; two marked leads in one cell', () => {
    expect(rows).toEqual([
      { task: '建设算力平台 | 建成城市算力中心', text: '建设算力平台 | 建成城市算力中心 | 市发改委 | 市经信局、市财政局 | 2025年6月底前', lead: ['agency:某某市发展和改革委员会'], support: ['agency:某某市经济和信息化局', 'agency:某某市财政局'], roles: 'explicit', deadline: ['2025年6月底前', '2025-06-30', 'by'] },
      { task: '建设算力平台 | 完善调度平台', text: '〃 | 完善调度平台 | 市数据局（牵头）、市经信局（牵头）、市财政局 |  | 长期坚持', lead: ['agency:某某市数据局', 'agency:某某市经济和信息化局'], support: ['agency:某某市财政局'], roles: 'explicit', deadline: ['长期坚持', null, 'ongoing'] },
      { task: '培育数据市场 | 完善交易规则', text: '培育数据市场 | 完善交易规则 | 市数据局 | 市市场监管局 | 2024年底前', lead: ['agency:某某市数据局'], support: ['agency:某某市市场监督管理局'], roles: 'explicit', deadline: ['2024年底前', '2024-12-31', 'by'] },
      { task: '推进数据开放 | 开放公共数据', text: '推进数据开放 | 开放公共数据 | 〃 | 各区县政府 | 2025年起', lead: ['agency:某某市数据局'], support: ['agencyGroup:各区县政府'], roles: 'explicit', deadline: ['2025年起', '2025-01-01', 'from'] },
    ]);
    // a task cell carried from a merged cell points at that cell, in the row above
    const carried = doc.responsibilities[1]!.task!.spans[0]!;
    expect(carried.end).toBeLessThanOrEqual(doc.responsibilities[1]!.span.start);
    expect([...doc.text['zh-Hans']].slice(carried.start, carried.end).join('')).toBe('建设算力平台');
  });
  it('reads no table whose header names no agency column, nor a person (负责人)', () => {
    const other = [
      '<p>某某市人民政府办公室关于公布联系人的通知</p><p>一、联系人</p>',
      '<table><tr><th>序号</th><th>项目</th><th>负责人</th><th>联系电话</th></tr>',
      '<tr><td>1</td><td>算力平台</td><td>张三</td><td>12345678</td></tr>',
      '<tr><td>2</td><td>数据市场</td><td>市发改委</td><td>12345679</td></tr></table>',
    ].join('\n');
    expect(processDocument({ file: 'contacts.html', bytes: Buffer.from(other) }).document!.responsibilities).toEqual([]);
  });
  it('reads the same table in Markdown, where an author writes 〃 for a merged cell', () => {
    const md = [
      '# 某某市人民政府关于加快数字经济发展的实施意见',
      '',
      '## 一、重点任务',
      '',
      '| 序号 | 重点任务 | 责任单位 | 完成时限 |',
      '| --- | --- | --- | --- |',
      '| 1 | 建设算力平台 | 市发改委（牵头）、市经信局 | 2025年底前 |',
      '| 2 | 完善调度平台 | 〃 | 持续推进 |',
      '',
    ].join('\n');
    const m = processDocument({ file: 'tasks.md', bytes: Buffer.from(md) }).document!;
    expect(m.responsibilities.map((r) => [r.task?.text['zh-Hans'], r.lead, r.support, r.deadline?.kind])).toEqual([
      ['建设算力平台', ['agency:某某市发展和改革委员会'], ['agency:某某市经济和信息化局'], 'by'],
      ['完善调度平台', ['agency:某某市发展和改革委员会'], ['agency:某某市经济和信息化局'], 'ongoing'],
    ]);
  });
  it('reads headers worded otherwise (具体举措, 主要责任单位, 实施单位, 时间安排) and a convention stated in a header', () => {
    const html = (agencies: string) => [
      '<p>某某市人民政府办公室关于印发重点任务清单的通知</p><p>一、重点任务</p>',
      `<table><tr><td>序号</td><td>具体举措</td><td>${agencies}</td><td>时间安排</td></tr>`,
      '<tr><td>1</td><td>建设算力平台</td><td>市发改委、市经信局、市财政局</td><td>2025年6月</td></tr>',
      '<tr><td>2</td><td>完善调度平台</td><td>市数据局</td><td>长期坚持</td></tr></table>',
      '<table><tr><td>序号</td><td>改革事项</td><td>主要责任单位</td><td>实施单位</td></tr>',
      '<tr><td>1</td><td>优化审批</td><td>市政务服务局</td><td>各区县政府</td></tr></table>',
    ].join('\n');
    const notes = (agencies: string) =>
      processDocument({ file: 'list.html', bytes: Buffer.from(html(agencies)) }).document!.responsibilities.map((r) => [r.task?.text['zh-Hans'], r.lead, r.support, r.roles, r.deadline?.date ?? null]);
    expect(notes('责任单位（排在第一位的为牵头单位）')).toEqual([
      ['建设算力平台', ['agency:某某市发展和改革委员会'], ['agency:某某市经济和信息化局', 'agency:某某市财政局'], 'first-listed', '2025-06-30'],
      ['完善调度平台', ['agency:某某市数据局'], [], 'explicit', null],
      // stated once, the convention holds from there on
      ['优化审批', ['agency:某某市政务服务局'], ['agencyGroup:各区县政府'], 'first-listed', null],
    ]);
    expect(notes('责任单位')).toEqual([
      ['建设算力平台', ['agency:某某市发展和改革委员会', 'agency:某某市经济和信息化局', 'agency:某某市财政局'], [], 'joint', '2025-06-30'],
      ['完善调度平台', ['agency:某某市数据局'], [], 'explicit', null],
      ['优化审批', ['agency:某某市政务服务局', 'agencyGroup:各区县政府'], [], 'joint', null],
    ]);
  });
  it('a row of one cell beside cells merged from above takes its place in the columns (it did not, and shifted the rows below)', () => {
    const html = [
      '<p>某某市人民政府办公室关于印发重点任务分工方案的通知</p><p>一、重点任务</p>',
      '<table><tr><th>序号</th><th>重点任务</th><th>牵头单位</th></tr>',
      '<tr><td rowspan="3">1</td><td>建设算力平台</td><td rowspan="2">市发改委</td></tr>',
      '<tr><td>完善调度平台</td></tr>',
      '<tr><td>培育数据市场</td><td>市数据局</td></tr>',
      '<tr><td>2</td><td>推进数据开放</td><td>市政务服务局</td></tr></table>',
    ].join('\n');
    const d = processDocument({ file: 'one-cell.html', bytes: Buffer.from(html) }).document!;
    expect(d.text['zh-Hans']).toContain('〃 | 完善调度平台 | 〃\n\n〃 | 培育数据市场 | 市数据局\n\n2 | 推进数据开放');
    expect(d.responsibilities.map((r) => [r.task?.text['zh-Hans'], r.lead])).toEqual([
      ['建设算力平台', ['agency:某某市发展和改革委员会']],
      ['完善调度平台', ['agency:某某市发展和改革委员会']],
      ['培育数据市场', ['agency:某某市数据局']],
      ['推进数据开放', ['agency:某某市政务服务局']],
    ]);
    // a row of one cell with nothing merged above stays a paragraph
    const lone = processDocument({ file: 'lone.html', bytes: Buffer.from('<p>某某市人民政府关于加快发展的意见</p><table><tr><td>一、重点任务</td></tr><tr><td>1</td><td>建设平台</td></tr></table>') }).document!;
    expect(lone.text['zh-Hans']).toContain('一、重点任务\n');
    // so does one in a table whose first row names no columns (a letter's header: the organ merged beside its date and number)
    const letter = processDocument({ file: 'letter.html', bytes: Buffer.from('<p>某某市人民政府关于加快发展的意见</p><table><tr><td rowspan="2">某某市人民政府</td><td>函</td><td>2024年3月1日</td></tr><tr><td>某政函〔2024〕1号</td></tr></table>') }).document!;
    expect(letter.text['zh-Hans']).toContain('\n某政函〔2024〕1号');
  });
  it('reads a header of two rows: 责任单位 over 牵头单位 | 配合单位 (colspan), the other cells merged down (rowspan)', () => {
    const html = [
      '<p>某某市人民政府办公室关于印发重点任务分工方案的通知</p><p>一、重点任务</p>',
      '<table><tr><th rowspan="2">序号</th><th rowspan="2">重点任务</th><th colspan="2">责任单位</th><th rowspan="2">完成时限</th></tr>',
      '<tr><th>牵头单位</th><th>配合单位</th></tr>',
      '<tr><td>1</td><td>建设算力平台</td><td>市发改委</td><td>市经信局、市财政局</td><td>2025年6月底前</td></tr>',
      '<tr><td>2</td><td>培育数据市场</td><td>市数据局</td><td>市商务局</td><td>长期坚持</td></tr></table>',
    ].join('\n');
    const d = processDocument({ file: 'two-rows.html', bytes: Buffer.from(html) }).document!;
    // the cell over two columns takes both, so 完成时限 merged down stands in the fifth
    expect(d.text['zh-Hans']).toContain('序号 | 重点任务 | 责任单位 | 完成时限\n\n〃 | 〃 | 牵头单位 | 配合单位 | 〃\n');
    expect(d.responsibilities.map((r) => [r.task?.text['zh-Hans'], r.lead, r.support, r.deadline?.date ?? null])).toEqual([
      ['建设算力平台', ['agency:某某市发展和改革委员会'], ['agency:某某市经济和信息化局', 'agency:某某市财政局'], '2025-06-30'],
      ['培育数据市场', ['agency:某某市数据局'], ['agency:某某市商务局'], null],
    ]);
  });
  it('reads a Word file’s task table (w:vMerge merged cells, a repeated header row, a cell marking its lead) into one note per row', async () => {
    // test/fixtures/notes/task-table.docx is written by make-task-table-docx.mjs beside it
    const file = join(ROOT, 'test', 'fixtures', 'notes', 'task-table.docx');
    const d = (await processFile({ file, bytes: readFileSync(file) })).document!;
    expect(d.source.format).toBe('docx');
    expect(d.text['zh-Hans']).toContain('序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限\n1 | 建设城市算力平台 | 市发改委 | 市经信局、市财政局 | 2025年6月底前\n〃 | 〃 | 市数据局 | 市通信管理局 | 2024年底前\n序号 | 重点任务');
    expect(d.responsibilities.map((r) => [r.task?.text['zh-Hans'], r.lead, r.support, r.roles, r.deadline && [r.deadline.text['zh-Hans'], r.deadline.date, r.deadline.kind]])).toEqual([
      ['建设城市算力平台', ['agency:某某市发展和改革委员会'], ['agency:某某市经济和信息化局', 'agency:某某市财政局'], 'explicit', ['2025年6月底前', '2025-06-30', 'by']],
      ['建设城市算力平台', ['agency:某某市数据局'], ['agency:某某市通信管理局'], 'explicit', ['2024年底前', '2024-12-31', 'by']],
      ['培育数据要素市场', ['agency:某某市数据局'], ['agency:某某市经济和信息化局', 'agency:某某市市场监督管理局'], 'explicit', ['9月底前', '2024-09-30', 'by']],
      ['推进公共数据开放', ['agency:某某市政务服务局'], ['agencyGroup:各区县人民政府'], 'explicit', ['2025年起', '2025-01-01', 'from']],
    ]);
    // the rows are notes of the plan's section 一、, inside the attachment the cover forwards
    expect(d.responsibilities.map((r) => r.sectionId)).toEqual(['att1.s1', 'att1.s1', 'att1.s1', 'att1.s1']);
  });
});

describe('notes in the structure around them', () => {
  const notesOf = (text: string) => {
    const seg = segment(text);
    return seg.notes.map((n) => [n.sectionId, n.sentenceId, n.lead.map((r) => r.name).join('、')]);
  };
  it('numbering that skips a level (一、 then 1.)', () => {
    expect(notesOf('某某市关于加快发展的意见\n一、重点任务\n1. 建设平台。建成算力中心（市发改委负责）。\n2. 培育市场。完善交易规则（市数据局负责）。')).toEqual([
      ['s1.1', 's1.1.p1.s2', '市发改委'],
      ['s1.2', 's1.2.p1.s2', '市数据局'],
    ]);
  });
  it('a run-in heading (一、加强组织领导。…) and a heading that is the note (（四）责任单位：…)', () => {
    expect(notesOf('某某市关于加快发展的意见\n一、加强组织领导。建立工作机制。（责任单位：市发改委）\n二、优化土地出让\n（一）适用范围：重点地块。\n（二）责任单位：市自然资源局。')).toEqual([
      ['s1', 's1.p1.s2', '市发改委'],
      ['s2', 's2.2.p1.s1', '市自然资源局'],
    ]);
  });
  it('（N） numbering that runs on across parents', () => {
    expect(notesOf('某某市关于加快发展的意见\n一、总体要求\n（一）建设平台（市发改委负责）。\n二、重点任务\n（二）培育市场（市数据局负责）。')).toEqual([
      ['s1.1', 's1.1.p1.s1', '市发改委'],
      ['s2.2', 's2.2.p1.s1', '市数据局'],
    ]);
  });
  it('gives each note the task it closes: after a run-in heading’s marker or the note before; an item whose heading is the note, its parent’s heading', () => {
    const text = '某某市关于加快发展的意见\n一、加强组织领导。建立工作机制（市发改委负责），完善考核办法（市考核办负责）。\n二、优化土地出让\n（一）适用范围：重点地块。\n（二）责任单位：市自然资源局。\n三、强化保障\n（一）落实资金\n（牵头单位：市财政局）\n四、推进开放\n（一）开放数据。建成平台。（责任单位：市数据局）（二）培育市场。完善规则。（责任单位：市商务局）';
    const seg = segment(text);
    expect(seg.notes.map((n) => [n.sectionId, n.task && n.task.map((r) => text.slice(r.start, r.end)).join('|')])).toEqual([
      ['s1', '加强组织领导。建立工作机制'],
      ['s1', '完善考核办法'],
      ['s2', '优化土地出让'],
      ['s3.1', '落实资金'],
      ['s4.1', '开放数据。建成平台'],
      // an item run on in the same line after the note before: its marker is no part of the task
      ['s4.1', '培育市场。完善规则'],
    ]);
  });
  it('an attachment with its own tree, and two documents forwarded by one cover', () => {
    const text = [
      '某某市人民政府办公室关于印发两个方案的通知',
      '各区县政府：',
      '现将两个方案印发给你们，请认真贯彻执行。',
      '某某市人民政府办公室',
      '2024年3月1日',
      '附件1',
      '数字经济发展方案',
      '一、重点任务',
      '（一）建设平台。建成算力中心。（责任单位：市发改委；2024年底前）',
      '附件2',
      '数据市场培育方案',
      '一、重点任务',
      '（一）培育市场。完善交易规则。（市数据局牵头，市财政局配合，9月底前完成）',
    ].join('\n');
    const seg = segment(text);
    expect(seg.notes.map((n) => [n.sectionId, n.sentenceId, n.lead.map((r) => r.name), n.support.map((r) => r.name), n.deadline?.date])).toEqual([
      ['att1.s1.1', 'att1.s1.1.p1.s2', ['市发改委'], [], '2024-12-31'],
      ['att2.s1.1', 'att2.s1.1.p1.s2', ['市数据局'], ['市财政局'], '2024-09-30'],
    ]);
  });
});

describe('the rows of responsibilities.csv', () => {
  it('carry the section heading, the note text and the deadline', () => {
    const text = ['某某市人民政府关于加快数字经济发展的实施意见', '一、重点任务', '（一）建设平台。建成算力中心。（牵头单位：市发改委；配合单位：市财政局；完成时限：9月底前）', '某某市人民政府', '2024年3月1日'].join('\n');
    const doc = processDocument({ file: 'a.txt', bytes: Buffer.from(text) }).document!;
    const rows = responsibilityRows('a', doc);
    const byColumn = rows.map((r) => Object.fromEntries(RESPONSIBILITY_COLUMNS.map((c, k) => [c, r[k]])));
    expect(byColumn).toEqual([
      { document: 'a', document_title: '某某市人民政府关于加快数字经济发展的实施意见', note: 's1.1.r1', section: 's1.1', section_heading: '（一）建设平台', sentence: 's1.1.p1.s2', agency: '某某市发展和改革委员会', agency_type: 'agency', agency_name: '市发改委', role: 'lead', roles_basis: 'explicit', deadline: '9月底前', deadline_date: '2024-09-30', deadline_kind: 'by', task: '建设平台。建成算力中心', note_text: '（牵头单位：市发改委；配合单位：市财政局；完成时限：9月底前）' },
      { document: 'a', document_title: '某某市人民政府关于加快数字经济发展的实施意见', note: 's1.1.r1', section: 's1.1', section_heading: '（一）建设平台', sentence: 's1.1.p1.s2', agency: '某某市财政局', agency_type: 'agency', agency_name: '市财政局', role: 'support', roles_basis: 'explicit', deadline: '9月底前', deadline_date: '2024-09-30', deadline_kind: 'by', task: '建设平台。建成算力中心', note_text: '（牵头单位：市发改委；配合单位：市财政局；完成时限：9月底前）' },
    ]);
  });
});
