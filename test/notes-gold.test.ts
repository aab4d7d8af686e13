/**
 * Responsibility notes of the development pages that carry 责任单位 notes and
 * of the gov.cn fragments, against gold files written by reading them
 * (test/fixtures/notes/, each with the reading convention it follows):
 * recall and precision of lead/support pairs (note, role, agency).
 */
import { describe, expect, it } from 'vitest';
import { score, type Score } from './helpers/notes-gold.js';

const PAGES = ['pages-19-xining-fcj', 'pages-23-suzhou-ah-fgzx', 'pages-24-suzhou-ah-fgzx', 'pages-25-suzhou-ah-fgzx', 'pages-48-chuzhou', 'pages-55-chengan'];
const GOVCN = ['govcn-05', 'govcn-07', 'govcn-09', 'govcn-34', 'govcn-57'];

const total = (scores: Score[]) => {
  const sum = (k: 'goldPairs' | 'foundPairs' | 'matched' | 'goldNotes' | 'foundNotes') => scores.reduce((a, s) => a + s[k], 0);
  return { notes: `${sum('foundNotes')}/${sum('goldNotes')}`, recall: sum('matched') / sum('goldPairs'), precision: sum('matched') / sum('foundPairs') };
};

describe('notes of the development pages against their gold files', () => {
  const scores = PAGES.map(score);
  it('finds every pair, and adds one', () => {
    for (const s of scores) if (s.missed.length + s.extra.length > 0) console.log(s.file, s.missed, s.extra);
    // 责任单位及承办科室（单位）：市房管中心、市发改委在市政务服务中心设立专门窗口受理… — the list runs into prose: read up to it
    expect(scores.flatMap((s) => s.missed)).toEqual([]);
    // 责任单位及承办单位：市城管局、市供水公司 — one list for two labels: the company that handles it is read as responsible too
    expect(scores.flatMap((s) => s.extra)).toEqual(['责任单位及承办单位：市城管局、市供水公司 | lead | 市供水公司']);
    const t = total(scores);
    console.log('development pages', t);
    expect(t).toEqual({ notes: '74/74', recall: 232 / 232, precision: 232 / 233 });
  });
});

describe('notes of the gov.cn fragments against their gold files', () => {
  const scores = GOVCN.map(score);
  it('finds every note with its lead and support', () => {
    expect(scores.flatMap((s) => [...s.missed, ...s.extra])).toEqual([]);
    const t = total(scores);
    console.log('gov.cn fragments', t);
    expect(t).toEqual({ notes: '151/151', recall: 1, precision: 1 });
  });
});
