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
