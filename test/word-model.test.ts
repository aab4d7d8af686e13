/**
 * The repair's word model: scoring many candidates at one position
 * (scoreAt, forward and backward scores around the position) must give the
 * score of the whole text with that candidate (score, one Viterbi pass).
 */
import fc from 'fast-check';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadJieba } from '../pipeline/lib/jieba.js';
import { cacheFile, preparedTables, wordModel, type DocumentCounts, type Tables } from '../pipeline/lib/word-model.js';
import { CodePointSets, StringTable, codePointSetsData, stringTableData } from '../pipeline/lib/string-table.js';
import { ROOT } from './helpers/paths.js';

const hans = (JSON.parse(readFileSync(`${ROOT}/output/chengdu-future-industries-2024.json`, 'utf8')) as { text: { 'zh-Hans': string } }).text['zh-Hans'];
const lines = hans.split('\n').filter((l) => [...l].length >= 12);

function documentCounts(text: string): DocumentCounts {
  const counts = new Map<string, number>();
  let total = 0;
  for (const line of text.split('\n')) {
    for (const word of line ? loadJieba().cut(line) : []) {
      counts.set(word, (counts.get(word) ?? 0) + 1);
      total++;
    }
  }
  return { counts, total };
}

describe('word model', () => {
  const model = wordModel();
  const document = documentCounts(hans);

  it('scores a candidate at a position as the whole text with it, on windows of the sample', () => {
    // candidates: the window's own characters, common ones, a digit and a Latin letter (joined to runs),
    // punctuation, an unknown Han character, one outside the BMP, and ? (junk)
    const extra = ['的', '发', '展', '3', 'D', '，', '。', '䶵', '𠀋', '?', '；'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: lines.length - 1 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 6, max: 22 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.boolean(),
        (line, offset, width, position, withDocument) => {
          const points = [...lines[line]!];
          const from = offset % Math.max(1, points.length - width);
          const window = points.slice(from, from + width);
          const at = position % window.length;
          const doc = withDocument ? document : undefined;
          const scoreWith = model.scoreAt(window, at, doc);
          for (const ch of [...new Set([...window, ...extra])]) {
            const whole = [...window];
            whole[at] = ch;
            expect(scoreWith(ch)).toBeCloseTo(model.score(whole.join(''), doc), 9);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('scores windows that mix digits, Latin letters and Han (3D打印, 5G网络)', () => {
    for (const text of ['规模化高端3D打印装备', '建设5G网络和AI算力', 'ABC12产业园', '第3条第(2)项']) {
      const points = [...text];
      for (let at = 0; at < points.length; at++) {
        const scoreWith = model.scoreAt(points, at, document);
        for (const ch of ['3', 'D', '打', '网', 'x', '(', '的']) {
          const whole = [...points];
          whole[at] = ch;
          expect(scoreWith(ch), `${text} @${at} ${ch}`).toBeCloseTo(model.score(whole.join(''), document), 9);
        }
      }
    }
  });
});

/** Equal tables, compared as bytes (typed arrays of millions of elements; a table read back is a view into the file's buffer). */
function sameTables(a: Tables, b: Tables): boolean {
  const bytes = (v: ArrayBufferView) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  const views = (t: Tables) => [t.logP, t.followers, t.preceders, t.after, t.before].flatMap((part) => Object.values(part) as ArrayBufferView[]);
  const [x, y] = [views(a), views(b)];
  return (
    x.length === y.length &&
    x.every((v, i) => v.constructor === y[i]!.constructor && bytes(v).equals(bytes(y[i]!))) &&
    JSON.stringify([a.commonChars, a.logTotal]) === JSON.stringify([b.commonChars, b.logTotal])
  );
}

describe('the word model cache', () => {
  it('reads back exactly the tables it builds, and rebuilds a missing file', () => {
    const fromFileOrBuilt = preparedTables();
    const { file } = cacheFile();
    expect(existsSync(file)).toBe(true);
    rmSync(file);
    const built = preparedTables();
    expect(existsSync(file)).toBe(true);
    expect(sameTables(built, fromFileOrBuilt)).toBe(true);
    expect(sameTables(preparedTables(), built)).toBe(true);
    // the file is named by the dictionaries and the code: another user dictionary, another name
    expect(file).toMatch(/gongwen-word-model-[0-9a-f]{16}\.bin$/);
  });
});

describe('string tables', () => {
  const entries = new Map<string, number>([['中国', -3.5], ['中', Infinity], ['𠀀字', 1], ['a', 0], ['', 7]]);
  for (let k = 0; k < 2000; k++) entries.set(`词${k}`, k);
  const table = new StringTable(stringTableData(entries));
  it('finds every key with its value and nothing else', () => {
    for (const [key, value] of entries) expect(table.get(key), key).toBe(value);
    for (const absent of ['国', '中国人', '𠀀', '词2000', 'b']) {
      expect(table.get(absent)).toBeUndefined();
      expect(table.has(absent)).toBe(false);
    }
    expect(table.size).toBe(entries.size);
  });
  it('keeps each row of code points in the order it was filled', () => {
    const rows = new Map([[0x4e2d, new Set([0x56fd, 0x4e00, 0x20000])], [0x41, new Set([0x42])]]);
    const sets = new CodePointSets(codePointSetsData(rows));
    expect([...sets.members(0x4e2d)]).toEqual([0x56fd, 0x4e00, 0x20000]);
    expect([...sets.members(0x41)]).toEqual([0x42]);
    expect([...sets.members(0x42)]).toEqual([]);
  });
});
