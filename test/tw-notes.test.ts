/**
 * Responsibility notes in Taiwan's plans (方案, 計畫): 主辦機關 leads and 協辦機關 supports, as 牵头/配合 do — in a
 * bracket after a task, in a task table's columns, and with 主政 / 會辦 (lib/notes/grammar.ts ROLE_WORD). Hand-made
 * in the gazette's layout (Traditional script; notes are read on the zh-Hans conversion).
 */
import { describe, expect, it } from 'vitest';
import { processDocument } from '../pipeline/pipeline.js';

const PLAN = [
  '產業升級方案',
  '壹、推動策略',
  '一、強化研發能量',
  '（一）擴大研發投資（主辦機關：經濟部；協辦機關：國家科學及技術委員會、教育部）。',
  '（二）擴大人才培育（主政機關：教育部；會辦機關：勞動部）。',
  '二、推動數位轉型',
  '策略 | 主辦機關 | 協辦機關',
  '（一）推動中小企業數位化 | 數位發展部 | 經濟部、國家發展委員會',
  '（二）建置資料平台 | 國家發展委員會 | 數位發展部',
].join('\n');

describe('主辦/協辦 in a Taiwan plan', () => {
  const doc = processDocument({ file: 'plan.txt', bytes: Buffer.from(PLAN) }).document!;
  const notes = doc.responsibilities.map((n) => ({ section: n.sectionId, lead: n.lead, support: n.support, roles: n.roles }));
  it('reads 主辦機關 as lead and 協辦機關 as support in a bracket, and 主政/會辦 likewise', () => {
    expect(notes.slice(0, 2)).toEqual([
      { section: 's1.1.1', lead: ['agency:经济部'], support: ['agency:国家科学及技术委员会', 'agency:教育部'], roles: 'explicit' },
      { section: 's1.1.2', lead: ['agency:教育部'], support: ['agency:劳动部'], roles: 'explicit' },
    ]);
  });
  it('reads a task table’s 主辦機關 and 協辦機關 columns', () => {
    expect(notes.slice(2)).toEqual([
      { section: 's1.2', lead: ['agency:数位发展部'], support: ['agency:经济部', 'agency:国家发展委员会'], roles: 'explicit' },
      { section: 's1.2', lead: ['agency:国家发展委员会'], support: ['agency:数位发展部'], roles: 'explicit' },
    ]);
  });
});

describe('主辦機關：/協辦機關： labels ending a task’s paragraph, without brackets', () => {
  const run = (task: string) => processDocument({ file: 'plan.txt', bytes: Buffer.from(['產業升級方案', '壹、推動策略', task].join('\n')) }).document!.responsibilities;
  it('are the task’s lead and support (機關 names a plan’s organs)', () => {
    const notes = run('一、擴大研發投資，提升產業競爭力。主辦機關：經濟部；協辦機關：國家科學及技術委員會、教育部');
    expect(notes.map((n) => [n.lead, n.support])).toEqual([[['agency:经济部'], ['agency:国家科学及技术委员会', 'agency:教育部']]]);
  });
  it('and so is the sentence form 主辦機關為A，協辦機關為B — but not a unit named inside prose (要明確主辦機關為A)', () => {
    const notes = run('一、擴大研發投資，提升產業競爭力。主辦機關為經濟部，協辦機關為國家科學及技術委員會、教育部。');
    expect(notes.map((n) => [n.lead, n.support])).toEqual([[['agency:经济部'], ['agency:国家科学及技术委员会', 'agency:教育部']]]);
    expect(run('一、擴大研發投資。要明確主辦機關為經濟部，確保落實。')).toEqual([]);
    expect(run('一、擴大研發投資（以企業牽頭為主體，經濟部配合）。').map((n) => n.lead)).not.toContainEqual(['agency:主体']);
  });
  it('while 主辦單位：/承辦單位： after an event are its sponsors, not a note', () => {
    expect(run('一、舉辦產業論壇，交流推動經驗。主辦單位：經濟部；承辦單位：工業技術研究院')).toEqual([]);
  });
});

describe('a column naming two roles, the second in brackets (主（協）辦機關, 牵头（配合）单位)', () => {
  const table = (header: string, cells: string[], issuer = '教育部') =>
    processDocument({
      file: 'plan.txt',
      bytes: Buffer.from([`${issuer}令`, '人權教育實施方案', '壹、實施策略', `實施策略 | 執行項目 | ${header}`, ...cells.map((c, i) => `（${'一二三四五'[i]}）推動 | ${i + 1}、辦理研習活動。 | ${c}`), `${issuer}`, '中華民國94年1月17日'].join('\n')),
    }).document!;
  const roles = (d: ReturnType<typeof table>) => d.responsibilities.map((n) => [n.lead, n.support]);
  it('reads the names outside brackets as the first role and those inside as the second; 本部 is the issuing ministry', () => {
    const d = table('主（協）辦機關', ['本部（機關學校、民間團體）', '本部、主管教育行政機關（各級學校）', '國立編譯館']);
    expect(roles(d)).toEqual([
      [['agency:教育部'], ['agency:机关学校', 'agency:民间团体']],
      [['agency:教育部', 'agency:主管教育行政机关'], ['agencyGroup:各级学校']],
      [['agency:国立编译馆'], []],
    ]);
    const ministry = d.entities.find((e) => e.id === 'agency:教育部')!;
    expect(ministry.name['zh-Hans']).toBe('教育部');
  });
  it('reads 牵头（配合）单位 so in Simplified text, and keeps a role mark in brackets with its name', () => {
    const d = table('牵头（配合）单位', ['市发改委（市财政局、市经信局）', '市科技局（牵头）、市教育局'], '某某市人民政府');
    expect(roles(d)).toEqual([
      [['agency:某某市发展和改革委员会'], ['agency:某某市财政局', 'agency:某某市经济和信息化局']],
      [['agency:某某市科学技术局'], ['agency:某某市教育局']],
    ]);
  });
  it('but not a header whose bracket is no role (责任单位（部门）, 名称（简称）), nor 本部 with no issuer ending so', () => {
    // (a bracket after a name under a one-role header says more of the name, as before: no second role)
    const d = table('责任单位（部门）', ['市发改委（市财政局）'], '某某市人民政府');
    expect(roles(d).map(([, support]) => support)).toEqual([[]]);
    expect(table('名称（简称）', ['市发改委（市财政局）'], '某某市人民政府').responsibilities).toEqual([]);
    const other = table('主（協）辦機關', ['本部（民間團體）'], '行政院');
    expect(other.entities.find((e) => e.name['zh-Hans'] === '本部')?.id).toBe('agency:本部');
  });
});

describe('the Ministry of Education’s plan of the corpus (trad-16: a 主（協）辦機關 column)', () => {
  it('gives each row its lead and, where the cell brackets them, its supporting organs; 本部 is 教育部', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { SHARED } = await import('./helpers/paths.js');
    const file = 'trad-16-moe-ling-renquan-fangan-2005.html';
    const d = processDocument({ file, bytes: readFileSync(join(SHARED, 'corpus', 'traditional', file)) }).document!;
    const rows = d.responsibilities.filter((n) => n.text['zh-Hant'].includes(' | '));
    // 28 rows read by hand; three bracket names that are no organ (各國中小, 各高中職, 傳播媒體) and lose their support
    expect(rows.length).toBeGreaterThanOrEqual(28);
    expect(rows.filter((n) => n.support.length > 0).length).toBeGreaterThanOrEqual(19);
    const own = rows.filter((n) => /\| 本部/.test(n.text['zh-Hant']));
    expect(own.length).toBeGreaterThanOrEqual(18);
    expect(own.every((n) => n.lead[0] === 'agency:教育部')).toBe(true);
    const first = rows.find((n) => n.text['zh-Hant'].includes('成立人權教育資源中心'))!;
    expect([first.lead, first.support]).toEqual([['agency:教育部'], ['agency:机关学校', 'agency:民间团体']]);
  });
});
