/**
 * The note reader is linear in its input (issue 17, item 8): a paragraph of
 * labels and brackets at 100 k and 1 M characters. The time must grow about
 * as the size (a ratio far above 10 means a superlinear pass). Absolute times
 * are the bench's business: on CI's shared cores a 0.5 s case took 1.07 s of
 * CPU, so the only absolute bound here is CATASTROPHE, far above any linear
 * run (0.03–0.8 s measured), to name a pass that never ends.
 */
import { describe, expect, it } from 'vitest';
import { findNotes } from '../pipeline/lib/notes/reader.js';
import { segment } from '../pipeline/stages/segment.js';

const GENERATORS: Record<string, string> = {
  'many （一） and [责任单位：': '（一）[责任单位：',
  '市科技局牵头， repeated': '市科技局牵头，',
  'closed notes': '（责任单位：市发改委、市经信局）',
  'labels without brackets': '。责任单位：市发改委；配合单位：',
  'unclosed brackets and colons': '（[【单位：',
  'damaged notes': '任单位：市发改委，市科技局]',
  'one long bracket': '市发改委、',
  'role words without a unit': '牵头牵头配合',
  'names and commas': '市发改委，',
  'A会同B负责 repeated': '（市发改委会同市财政局负责）',
  'starred names': '（责任单位：*市发改委、市财政局*）',
  'labels joined to a deadline': '。责任单位及完成时限：市发改委，2024年底；',
  'levels joined by 、 in brackets': '（各市、县、区、',
  'role clauses after prose': '加快建设，市发改委牵头，市财政局配合，',
  'A为牵头单位 and 由 in brackets': '（市发改委为牵头单位，由市财政局配合）',
  '为 without a role': '（市发改委为为为是是',
};

/** CPU time of the process (tests run in forks: this file's own), in ms: wall time on a shared machine measures the others. */
const timed = (f: () => unknown): number => {
  const t = process.cpuUsage();
  f();
  const u = process.cpuUsage(t);
  return (u.user + u.system) / 1000;
};

/** A bound no linear pass comes near on any machine (ms of CPU); linearity is the ratio's job. */
const CATASTROPHE = 10_000;

const of = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

describe('the note reader on a paragraph of labels and brackets', () => {
  for (const [name, unit] of Object.entries(GENERATORS)) {
    it(`is linear: ${name}`, () => {
      const text = name === 'one long bracket' ? (n: number) => `（${of(unit, n)}负责）` : (n: number) => of(unit, n);
      timed(() => findNotes(text(10_000)));
      const small = timed(() => findNotes(text(100_000)));
      const large = timed(() => findNotes(text(1_000_000)));
      expect(large, `${name}: ${small.toFixed(0)} ms → ${large.toFixed(0)} ms`).toBeLessThan(CATASTROPHE);
      expect(large / Math.max(small, 5)).toBeLessThan(30);
    });
  }
  it('keeps memory bounded on brackets left open (16 MB of [责任单位： took 2.7 GB before)', () => {
    const text = of('[责任单位：', 4_000_000);
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const notes = findNotes(text);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    expect(notes).toEqual([]);
    expect(peak - before).toBeLessThan(100_000_000);
  });
  it('trims a trailing run of ； in linear time', () => {
    const small = timed(() => findNotes(`责任单位：市发改委${'；'.repeat(100_000)}x`));
    const large = timed(() => findNotes(`责任单位：市发改委${'；'.repeat(1_000_000)}x`));
    expect(large).toBeLessThan(CATASTROPHE);
    expect(large / Math.max(small, 5)).toBeLessThan(30);
  });
  it('reads the conventions a document states in time linear in it, near misses repeated', () => {
    const doc = (n: number) => `某某市关于加快发展的意见\n一、重点任务\n${of('责任单位及承办科室：市住建局排在第一位的部门带*号的单位逗号前的（责任单位：市发改委，市财政局）', n)}`;
    const small = timed(() => segment(doc(100_000)));
    const large = timed(() => segment(doc(1_000_000)));
    expect(large).toBeLessThan(CATASTROPHE);
    expect(large / Math.max(small, 5)).toBeLessThan(30);
  });
  it('reads the conventions once per document, not once per attachment (2 000 → 20 000 attachments)', () => {
    const doc = (n: number) => `某某市人民政府关于印发方案的通知\n各区县政府：\n现印发给你们。\n某某市人民政府\n2024年3月1日\n${Array.from({ length: n }, (_, i) => `附件${i + 1}\n方案${i + 1}\n一、任务（市发改委、市财政局）`).join('\n')}`;
    expect(segment(doc(3)).attachments).toHaveLength(3);
    const small = timed(() => segment(doc(2_000)));
    const large = timed(() => segment(doc(20_000)));
    expect(large / Math.max(small, 5)).toBeLessThan(30);
  });
  it('reads runs of label lines in time linear in them (one note per run of at most 1000 characters)', () => {
    const doc = (n: number) => `某某市关于加快发展的意见\n一、重点任务\n（一）建设平台。\n${'牵头单位：市发改委\n配合单位：市财政局\n'.repeat(n)}`;
    const small = timed(() => segment(doc(2_000)));
    const large = timed(() => segment(doc(20_000)));
    expect(segment(doc(2)).notes).toHaveLength(1);
    expect(large).toBeLessThan(CATASTROPHE);
    expect(large / Math.max(small, 5)).toBeLessThan(30);
  });
  it('reads a 主（协）办机关 column in time linear in its rows and in a cell’s brackets', () => {
    const rows = (n: number) => `某某部关于印发实施方案的通知\n一、实施策略\n实施策略 | 执行项目 | 主（协）办机关\n${'（一）推动 | 1、办理研习。 | 本部（机关学校、民间团体）\n'.repeat(n)}`;
    expect(segment(rows(3)).notes).toHaveLength(3);
    const small = timed(() => segment(rows(2_000)));
    const large = timed(() => segment(rows(20_000)));
    expect(large).toBeLessThan(CATASTROPHE);
    expect(large / Math.max(small, 5)).toBeLessThan(30);
    const cell = (n: number) => `某某部关于印发实施方案的通知\n一、实施策略\n实施策略 | 执行项目 | 主（协）办机关\n（一）推动 | 1、办理研习。 | ${'市发改委（市财政局）、'.repeat(n)}市科技局\n`;
    const one = timed(() => segment(cell(2_000)));
    const many = timed(() => segment(cell(20_000)));
    expect(many / Math.max(one, 5)).toBeLessThan(30);
  });
  it('segments a document of 20 000 notes in one section in time linear in them', () => {
    const doc = (n: number) => `某某市关于加快发展的意见\n一、重点任务\n${'建设平台（市发改委负责）。'.repeat(n)}`;
    const small = timed(() => segment(doc(2_000)));
    const large = timed(() => segment(doc(20_000)));
    expect(segment(doc(100)).notes).toHaveLength(100);
    expect(large).toBeLessThan(CATASTROPHE);
    expect(large / Math.max(small, 5)).toBeLessThan(30);
  });
});
