/**
 * Note wordings the development documents do not use, written by hand from
 * what every note shares (role word + unit word + a list of organs, a
 * deadline): each with a twin where it must not fire. Then the conventions a
 * document states once (逗号前为牵头单位, 排在第一位的为牵头单位, 带*的为牵头单位),
 * read from the document and the same whatever brackets a note uses.
 */
import { describe, expect, it } from 'vitest';
import { findNotes } from '../pipeline/lib/notes/reader.js';
import { segment } from '../pipeline/stages/segment.js';

/** The notes of one paragraph: text, lead, support, joint, deadline text and date. */
const read = (paragraph: string) =>
  findNotes(paragraph, { year: 2024 }).map((n) => ({
    note: paragraph.slice(n.start, n.end),
    lead: n.lead.map((r) => r.name),
    support: n.support.map((r) => r.name),
    joint: n.joint,
    deadline: n.deadline ? [paragraph.slice(n.deadline.start, n.deadline.end), n.deadline.date] : null,
  }));

/** The notes of a whole document: lead, support and how the roles were read. */
const roles = (text: string) => segment(text).notes.map((n) => [n.lead.map((r) => r.name), n.support.map((r) => r.name), n.roles]);

describe('wordings, each with a twin where it must not fire', () => {
  it('labels and a deadline key in one bracket: （牵头单位：…；配合单位：…；完成时限：…）', () => {
    expect(read('推进政务数据共享。（牵头单位：市政务服务局；配合单位：市公安局、市民政局；完成时限：2024年9月底前）')).toEqual([
      { note: '（牵头单位：市政务服务局；配合单位：市公安局、市民政局；完成时限：2024年9月底前）', lead: ['市政务服务局'], support: ['市公安局', '市民政局'], joint: false, deadline: ['2024年9月底前', '2024-09-30'] },
    ]);
    // a deadline with no agency is no note
    expect(read('推进政务数据共享。（完成时限：2024年9月底前）')).toEqual([]);
  });
  it('a list closed by 负责 and one by 参与: （…负责，…参与）', () => {
    expect(read('开展农村人居环境整治（县农业农村局负责，县住建局、县生态环境分局参与）。')[0]).toMatchObject({ lead: ['县农业农村局'], support: ['县住建局', '县生态环境分局'], joint: false });
    // the same as prose, outside brackets, is no note
    expect(read('开展农村人居环境整治，由县农业农村局负责，县住建局参与。')).toEqual([]);
  });
  it('inside brackets a list closed by its role may open with 由: （由A牵头，B配合）; prose with 由 is none', () => {
    expect(read('开展农村人居环境整治（由县农业农村局牵头，县住建局、县财政局配合）。')[0]).toMatchObject({ lead: ['县农业农村局'], support: ['县住建局', '县财政局'] });
    expect(read('开展农村人居环境整治（由县农业农村局负责）。')[0]).toMatchObject({ lead: ['县农业农村局'] });
    expect(read('开展农村人居环境整治（由县农业农村局牵头，会同县住建局）。')).toEqual([]);
    expect(read('开展农村人居环境整治（由县农业农村局负责解释）。')).toEqual([]);
    expect(read('开展农村人居环境整治（技工院校由县人社局负责）。')).toEqual([]);
  });
  it('a role given by a label word after 为: （A为牵头单位，B、C为配合单位）, （各区县政府为责任主体）', () => {
    expect(read('推进城市更新（市住建局为牵头单位，市自然资源局、市财政局为配合单位）。')[0]).toMatchObject({ lead: ['市住建局'], support: ['市自然资源局', '市财政局'] });
    expect(read('推进城市更新（各区县政府为责任主体）。')[0]).toMatchObject({ lead: ['各区县政府'] });
    expect(read('推进城市更新（市住建局作为牵头部门）。')[0]).toMatchObject({ lead: ['市住建局'] });
    expect(read('推进城市更新（市住建局为全市城市更新的主管部门）。')).toEqual([]);
  });
  it('by their duties or functions, 按职能分工, 根据各自职责; a list closed by 等N个部门', () => {
    expect(read('推进城市更新（市住建局、市财政局按职能分工负责）。')[0]).toMatchObject({ lead: ['市住建局', '市财政局'], joint: true });
    expect(read('推进城市更新（市住建局、市财政局根据各自职责负责）。')[0]).toMatchObject({ lead: ['市住建局', '市财政局'], joint: true });
    expect(read('推进城市更新。（责任单位：市住建局等10个部门）')[0]).toMatchObject({ lead: ['市住建局'] });
    expect(read('推进城市更新（各部门要根据职责分工负责）。')).toEqual([]);
  });
  it('a 责任部门 label: （责任部门：…）', () => {
    expect(read('完善养老服务体系。（责任部门：区民政局、区卫生健康委）')[0]).toMatchObject({ lead: ['区民政局', '区卫生健康委'], joint: true });
    expect(read('完善养老服务体系。（责任部门：要加强统筹协调）')).toEqual([]);
  });
  it('a collective that bears it by its duties: （…按职责分工负责）, （…、…等按职责负责）', () => {
    expect(read('落实安全生产责任（市级有关部门按职责分工负责）。')[0]).toMatchObject({ lead: ['市级有关部门'] });
    expect(read('落实安全生产责任（市应急局、市消防救援支队等按职责负责）。')[0]).toMatchObject({ lead: ['市应急局', '市消防救援支队'], joint: true });
    expect(read('落实安全生产责任（各单位要按职责分工负责）。')).toEqual([]);
    expect(read('落实安全生产责任（企业、个人等按职责负责）。')).toEqual([]);
  });
  it('local governments that carry it out: （各区县政府负责落实）', () => {
    expect(read('做好征地补偿工作（各区县政府负责落实）。')[0]).toMatchObject({ lead: ['各区县政府'] });
    expect(read('做好征地补偿工作（各区县政府负责落实的项目除外）。')).toEqual([]);
  });
  it('a deadline before the label: （2025年底前，牵头单位：…）; a 时间节点 key', () => {
    expect(read('建成智慧交通平台（2025年底前，牵头单位：市交通运输局）。')[0]).toMatchObject({ lead: ['市交通运输局'], deadline: ['2025年底前', '2025-12-31'] });
    expect(read('建成智慧交通平台。（牵头单位：市交通运输局；时间节点：2025年6月底前）')[0]).toMatchObject({ lead: ['市交通运输局'], deadline: ['2025年6月底前', '2025-06-30'] });
    expect(read('建成智慧交通平台（2025年底前）。')).toEqual([]);
    expect(read('建成智慧交通平台。（时间节点：2025年6月底前）')).toEqual([]);
  });
  it('one label for the agencies and the deadline: 责任单位及完成时限：…，2024年12月底', () => {
    expect(read('（三）清理拖欠账款。责任单位及完成时限：市工信局，2024年12月底')[0]).toMatchObject({ note: '责任单位及完成时限：市工信局，2024年12月底', lead: ['市工信局'], deadline: ['2024年12月底', '2024-12-31'] });
    expect(read('（三）清理拖欠账款（责任单位和完成时限：市工信局、市财政局，年内完成）。')[0]).toMatchObject({ lead: ['市工信局', '市财政局'], deadline: ['年内完成', '2024-12-31'] });
    expect(read('（三）清理拖欠账款。责任单位及完成时限：另行通知')).toEqual([]);
  });
  it('主办 and 协办 name the lead and the support', () => {
    expect(read('举办投资促进活动（主办单位：市投资促进局；协办单位：市商务局、市外办）。')[0]).toMatchObject({ lead: ['市投资促进局'], support: ['市商务局', '市外办'] });
    expect(read('举办投资促进活动（市投资促进局主办，市商务局协办）。')[0]).toMatchObject({ lead: ['市投资促进局'], support: ['市商务局'] });
    // a page's sponsor line is no task's
    expect(read('网站声明。主办单位：某某市人民政府办公室')).toEqual([]);
  });
  it('a role after each name: A（牵头）、B（配合）, also in 〔〕', () => {
    expect(read('推进老旧小区改造（市住建局（牵头）、市财政局（配合）、市自然资源局（配合））。')[0]).toMatchObject({ lead: ['市住建局'], support: ['市财政局', '市自然资源局'] });
    expect(read('推进老旧小区改造。（责任单位：市住建局〔牵头〕、市财政局）')[0]).toMatchObject({ lead: ['市住建局'], support: ['市财政局'] });
    expect(read('推进老旧小区改造（牵头）。')).toEqual([]);
  });
  it('A会同B负责: A leads, B supports; prose with 会同 is no note', () => {
    expect(read('制定实施细则（市人社局会同市财政局负责）。')[0]).toMatchObject({ lead: ['市人社局'], support: ['市财政局'] });
    expect(read('制定实施细则（由市人社局会同市财政局研究制定）。')).toEqual([]);
    expect(read('制定实施细则（市人社局会同市财政局研究制定）。')).toEqual([]);
  });
  it('督办, 督导: who oversees a task is neither its lead nor its support', () => {
    expect(read('推进项目建设（市发改委负责，市政府督查室督办）。')[0]).toMatchObject({ lead: ['市发改委'], support: [] });
    expect(read('推进项目建设（督导单位：市政府督查室；责任单位：市发改委）。')[0]).toMatchObject({ lead: ['市发改委'], support: [] });
    expect(read('推进项目建设（市教育局负责，市政府教育督导室督导）。')[0]).toMatchObject({ lead: ['市教育局'], support: [] });
    // only an overseer: no one is assigned the task
    expect(read('推进项目建设（市政府督查室督办）。')).toEqual([]);
  });
  it('实施单位, 落实部门, 承担单位 are labels; 实施： alone is not', () => {
    expect(read('推广新能源汽车。（实施单位：市交通运输局、市公交集团）')[0]).toMatchObject({ lead: ['市交通运输局', '市公交集团'] });
    expect(read('推广新能源汽车。（落实部门：市商务局）')[0]).toMatchObject({ lead: ['市商务局'] });
    expect(read('推广新能源汽车。组织实施：市交通运输局')).toEqual([]);
  });
  it('a label that ends a paragraph after a comma or a space, not only after 。', () => {
    expect(read('加快推进项目建设，责任单位：市发改委。')[0]).toMatchObject({ note: '责任单位：市发改委', lead: ['市发改委'] });
    expect(read('加快推进项目建设 牵头单位：市发改委 配合单位：市财政局')[0]).toMatchObject({ lead: ['市发改委'], support: ['市财政局'] });
    expect(read('各地要明确责任单位：要落实到人。')).toEqual([]);
    expect(read('加快推进项目建设，明确牵头单位：各区县政府要落实。')).toEqual([]);
  });
  it('a label’s list that runs into prose ends where the prose begins; a label followed by prose alone is no note', () => {
    expect(read('（五）责任单位：市房管中心、市发改委在市政务服务中心设立窗口受理；市房管中心房产科具体承办。')[0]).toMatchObject({ lead: ['市房管中心', '市发改委'], joint: true });
    expect(read('加快建设。（责任单位：各地要结合实际制定方案）')).toEqual([]);
    expect(read('加快建设。（牵头单位：要按照职责分工抓好落实）')).toEqual([]);
  });
  it('collectives written with 、: 各市、县人民政府, 各省、自治区、直辖市人民政府, 各县（市、区）人民政府', () => {
    expect(read('加快建设。（牵头单位：省发展改革委；责任单位：省财政厅，各市、县人民政府）')[0]).toMatchObject({ lead: ['省发展改革委'], support: ['省财政厅', '各市、县人民政府'] });
    expect(read('加快建设（国家发展改革委牵头，各省、自治区、直辖市人民政府负责落实）。')[0]).toMatchObject({ lead: ['国家发展改革委'], support: ['各省、自治区、直辖市人民政府'] });
    expect(read('加快建设。（责任单位：各县（市、区）人民政府，市直有关部门）')[0]).toMatchObject({ lead: ['各县（市、区）人民政府', '市直有关部门'], joint: true });
    // levels alone are no organ
    expect(read('加快建设（省、市、县负责）。')).toEqual([]);
  });
  it('落实, 负责牵头, 按照职责分工 close a list; a role word left inside a name makes it none', () => {
    expect(read('加快建设（省商务厅、省发展改革委按职责分工负责，各地级以上市人民政府落实）。')[0]).toMatchObject({ lead: ['省商务厅', '省发展改革委', '各地级以上市人民政府'], joint: true });
    expect(read('加快建设（各级政府、有关部门按照职责分工负责落实）。')[0]).toMatchObject({ lead: ['各级政府', '有关部门'] });
    expect(read('加快建设。市发改委负责牵头，市财政局配合。')[0]).toMatchObject({ note: '市发改委负责牵头，市财政局配合', lead: ['市发改委'], support: ['市财政局'] });
    expect(read('加快建设（各区县政府抓好落实）。')).toEqual([]);
    expect(read('加快建设（市政府督查室负责督办落实）。')).toEqual([]);
    expect(read('成都市发展和改革委员会（以下简称市发改委）负责牵头。')).toEqual([]);
  });
  it('role-marked clauses that end a sentence after its prose, when one of them leads', () => {
    expect(read('加快建设算力平台，市发改委牵头，市经信局、市财政局配合，2025年底前完成。')[0]).toMatchObject({ note: '市发改委牵头，市经信局、市财政局配合，2025年底前完成', lead: ['市发改委'], support: ['市经信局', '市财政局'], deadline: ['2025年底前完成', '2025-12-31'] });
    // no lead among them, prose among them, or no role word: no note
    expect(read('市发改委要做好统筹，各区县政府配合。')).toEqual([]);
    expect(read('加快建设，由市发改委牵头，市财政局配合。')).toEqual([]);
    expect(read('坚持党委领导、政府负责，部门协同配合。')).toEqual([]);
    expect(read('加快建设，市发改委负责。')).toEqual([]);
  });
  it('a deadline key whose value is led by a time: 完成时限：2024年起持续推进', () => {
    expect(read('加快建设。（责任单位：市卫健委；完成时限：2024年起持续推进）')[0]).toMatchObject({ deadline: ['2024年起', '2024-01-01'] });
    expect(read('加快建设。（责任单位：市卫健委；完成时限：根据工作需要确定）')[0]).toMatchObject({ deadline: null });
  });
  it('a note on a line of its own after the paragraph closes that paragraph’s last sentence, its task the paragraph', () => {
    const text = '某某市关于加快发展的意见\n一、重点任务\n（一）推进政务数据共享。建成共享平台。\n（牵头单位：市政务服务局；配合单位：市公安局）\n（二）培育数据市场。\n（按季度报送进展）';
    const seg = segment(text);
    expect(seg.notes.map((n) => [n.sectionId, n.sentenceId, n.lead.map((r) => r.name), n.task && n.task.map((r) => text.slice(r.start, r.end))])).toEqual([
      ['s1.1', 's1.1.p1.s2', ['市政务服务局'], ['推进政务数据共享。建成共享平台']],
    ]);
  });
  it('labels on lines of their own under a paragraph (牵头单位：A / 配合单位：B / 完成时限：…) are one note', () => {
    const text = '某某市关于加快发展的实施方案\n一、重点任务\n（一）建设算力平台。建成城市算力中心。\n牵头单位：市发改委\n配合单位：市经信局、市财政局\n完成时限：2024年底前\n（二）培育数据市场。完善交易规则。\n责任单位：市数据局\n各区县要抓好落实。\n完成时限：2024年底前';
    const seg = segment(text);
    expect(seg.notes.map((n) => [n.sectionId, n.sentenceId, text.slice(n.start, n.end), n.lead.map((r) => r.name), n.support.map((r) => r.name), n.deadline?.date ?? null, n.task!.map((r) => text.slice(r.start, r.end))])).toEqual([
      ['s1.1', 's1.1.p1.s2', '牵头单位：市发改委\n配合单位：市经信局、市财政局\n完成时限：2024年底前', ['市发改委'], ['市经信局', '市财政局'], '2024-12-31', ['建设算力平台。建成城市算力中心']],
      // a line of prose ends the run: the deadline below it is no part of the note
      ['s1.2', 's1.2.p1.s2', '责任单位：市数据局', ['市数据局'], [], null, ['培育数据市场。完善交易规则']],
    ]);
  });
});

describe('conventions a document states, read from it and not from a note’s brackets', () => {
  const doc = (convention: string, notes: string[]) => ['某某市关于加快发展的实施方案', convention, '一、重点任务', ...notes.map((n, k) => `（${'一二三四'[k]}）建设平台${k + 1}。${n}`)].join('\n');
  const comma = ['（责任单位：市发改委、市经信局，市财政局）', '[责任单位：市科技局，市教育局]', '（四）责任单位：市商务局，市文旅局'];
  it('责任单位：A，B is one list of responsible agencies in round, square or no brackets', () => {
    expect(roles(doc('各单位要抓好落实。', comma.slice(0, 2)))).toEqual([
      [['市发改委', '市经信局', '市财政局'], [], 'joint'],
      [['市科技局', '市教育局'], [], 'joint'],
    ]);
    expect(read('（三）推进。责任单位：市商务局，市文旅局')[0]).toMatchObject({ lead: ['市商务局', '市文旅局'], joint: true });
  });
  it('逗号前为牵头单位 makes the group before the first ， lead, in any brackets, from where it is said', () => {
    expect(roles(doc('各项任务的责任单位中，逗号前为牵头单位，逗号后为配合单位。', comma.slice(0, 2)))).toEqual([
      [['市发改委', '市经信局'], ['市财政局'], 'explicit'],
      [['市科技局'], ['市教育局'], 'explicit'],
    ]);
    // said in a note: from that note on
    const inNote = '某某市关于加快发展的实施方案\n一、重点任务\n（一）建设平台。（责任单位：市发改委，市财政局）\n（二）培育市场。（责任单位：市数据局，市商务局。逗号前为牵头单位，下同）\n（三）开放数据。（责任单位：市政务服务局，市公安局）';
    expect(roles(inNote)).toEqual([
      [['市发改委', '市财政局'], [], 'joint'],
      [['市数据局'], ['市商务局'], 'explicit'],
      [['市政务服务局'], ['市公安局'], 'explicit'],
    ]);
  });
  it('labels that join two roles (责任单位及承办科室：A，B) show the document splits its lists at ，', () => {
    const text = '某某市优化营商环境若干措施\n一、工程建设\n（一）缓缴配套费。\n（二）责任单位及承办科室：市住建局，审批科。\n二、供水报装\n（一）压缩时限。\n（二）责任单位：市城管局，市供水公司。';
    expect(roles(text)).toEqual([
      [['市住建局'], [], 'explicit'],
      [['市城管局'], ['市供水公司'], 'explicit'],
    ]);
  });
  it('列第一位的为牵头单位 and its variants make the first agency of a list lead; without it the list is joint', () => {
    const notes = ['（市发改委、市财政局、市审计局负责）'];
    for (const said of ['各项任务中列第一位的为牵头单位。', '排在首位的部门为牵头部门。', '第一个单位为牵头单位，其他为配合单位。', '（牵头单位排在第一位）']) {
      expect(roles(doc(said, notes)), said).toEqual([[['市发改委'], ['市财政局', '市审计局'], 'first-listed']]);
    }
    expect(roles(doc('各单位要抓好落实。', notes))).toEqual([[['市发改委', '市财政局', '市审计局'], [], 'joint']]);
    // a lead named outright is no convention: 第一牵头单位
    expect(roles(doc('由第一牵头单位负责协调。', notes))).toEqual([[['市发改委', '市财政局', '市审计局'], [], 'joint']]);
  });
  it('括号内为责任单位 makes a bracket of agencies alone a note, also on a heading’s line; without it such a bracket is none', () => {
    const notes = ['（一）建设算力平台（市发改委、市经信局、市财政局）。', '（二）培育数据市场。完善规则（市数据局）。', '（三）修订管理办法（试行）。', '（四）开放数据（2024年底前）。'];
    const text = (said: string) => ['某某市关于加快发展的实施方案', said, '一、重点任务', ...notes].join('\n');
    expect(roles(text('（括号内为责任单位，排在第一位的为牵头单位）'))).toEqual([
      [['市发改委'], ['市经信局', '市财政局'], 'first-listed'],
      [['市数据局'], [], 'explicit'],
    ]);
    expect(roles(text('各单位要抓好落实。'))).toEqual([]);
  });
  it('带*的为牵头单位 makes the starred names lead; without it a star is dropped and the list is joint', () => {
    const notes = ['（责任单位：市发改委、*市科技局、市财政局）', '[责任单位：市数据局＊，市政务服务局]'];
    expect(roles(doc('责任单位中带“*”号的为牵头单位。', notes))).toEqual([
      [['市科技局'], ['市发改委', '市财政局'], 'explicit'],
      [['市数据局'], ['市政务服务局'], 'explicit'],
    ]);
    const plain = segment(doc('各单位要抓好落实。', notes)).notes;
    expect(plain.map((n) => [n.lead.map((r) => r.name), n.roles])).toEqual([
      [['市发改委', '市科技局', '市财政局'], 'joint'],
      [['市数据局', '市政务服务局'], 'joint'],
    ]);
    // the names' offsets leave the star out
    const text = doc('各单位要抓好落实。', notes);
    expect(plain[0]!.lead.map((r) => text.slice(r.start, r.end))).toEqual(['市发改委', '市科技局', '市财政局']);
  });
});
