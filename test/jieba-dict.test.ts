/**
 * The dictionary jieba loads (lib/jieba.ts, ADR 8): nodejieba's own without
 * the rare common words, its frequency total and smallest frequency kept.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { segmenter, trimDictionary } from '../pipeline/lib/jieba.js';

const total = (dict: string) => dict.split('\n').filter(Boolean).reduce((n, l) => n + Number(l.split(' ')[1]), 0);
const words = (dict: string) => new Set(dict.split('\n').filter(Boolean).map((l) => l.split(' ')[0]));

describe('the trimmed jieba dictionary', () => {
  it('keeps words seen 5 times or more and every place, organisation, proper name, abbreviation and set phrase; balances the rest', () => {
    const dict = ['工业 26775 n', '综合利用 3 l', '玛沁县 3 ns', '折算率 3 n', '拳脚相向 3 i', '直属单位 3 n', '某某集团 2 nt', '利用 13559 n', '最小 2 a'].join('\n');
    const trimmed = trimDictionary(dict);
    expect([...words(trimmed)].filter((w) => !w?.startsWith('\ue000'))).toEqual(['工业', '综合利用', '玛沁县', '某某集团', '利用']);
    // the total frequency and the smallest frequency are what they were
    expect(total(trimmed)).toBe(total(dict));
    expect(Math.min(...trimmed.split('\n').filter(Boolean).map((l) => Number(l.split(' ')[1])))).toBe(2);
  });
  it('on nodejieba’s own dictionary keeps about half the words and every ns/nt/nz/j/l word', () => {
    const require = createRequire(import.meta.url);
    const source = readFileSync((require('nodejieba') as { DEFAULT_DICT: string }).DEFAULT_DICT, 'utf8');
    const trimmed = trimDictionary(source);
    const kept = words(trimmed);
    const all = source.split('\n').filter(Boolean);
    expect(kept.size).toBeGreaterThan(150_000);
    expect(kept.size).toBeLessThan(200_000);
    expect(all.filter((l) => /\s(?:ns|nt|nz|j|l)$/.test(l)).every((l) => kept.has(l.split(' ')[0]))).toBe(true);
    expect(total(trimmed)).toBe(total(source));
  });
  it('still cuts a policy text’s set phrases and names whole', () => {
    const cut = segmenter().cut('推进大宗工业固体废物综合利用，支持成都高新技术产业开发区建设');
    expect(cut).toContain('综合利用');
    expect(cut).toContain('固体废物');
  });
});
