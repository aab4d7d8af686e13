/** The same document in either script gives the same structure and the same entity ids. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { converters } from '../pipeline/lib/opencc.js';
import { processDocument } from '../pipeline/pipeline.js';
import { SAMPLE } from './helpers/paths.js';

describe('script independence', () => {
  it('a Simplified copy of the sample has identical sections, responsibilities and entity ids', () => {
    const raw = readFileSync(SAMPLE, 'utf8');
    const hant = processDocument({ bytes: Buffer.from(raw), file: 'sample.txt' }).document!;
    const hansCopy = converters('t').toHans(hant.text['zh-Hant']);
    const hans = processDocument({ bytes: Buffer.from(hansCopy), file: 'sample.txt' }).document!;
    expect(hant.source.script).toBe('zh-Hant');
    expect(hans.source.script).toBe('zh-Hans');
    const shape = (d: typeof hant) => JSON.stringify(d.sections, (k, v) => (k === 'zh-Hant' ? undefined : v));
    expect(shape(hans)).toBe(shape(hant));
    // the zh-Hant of a note's text and task is the source's in one, converted in the other
    const twin = (id: string) => hans.responsibilities.find((x) => x.id === id)!;
    expect(hans.responsibilities).toEqual(
      hant.responsibilities.map((r) => ({
        ...r,
        text: { ...r.text, 'zh-Hant': twin(r.id).text['zh-Hant'] },
        task: r.task && { ...r.task, text: { ...r.task.text, 'zh-Hant': twin(r.id).task!.text['zh-Hant'] } },
      })),
    );
    expect(hans.entities.map((e) => e.id)).toEqual(hant.entities.map((e) => e.id));
  });
});

describe('script detection', () => {
  const run = (text: string) => processDocument({ file: 'x.txt', bytes: Buffer.from(text) }).document!;

  it('reads the sample as zh-Hant and its Simplified copy as zh-Hans, with high confidence', () => {
    const hant = run(readFileSync(SAMPLE, 'utf8'));
    expect(hant.source.script).toBe('zh-Hant');
    expect(hant.source.scriptConfidence).toBeGreaterThan(0.95);
    const hans = run(converters('t').toHans(readFileSync(SAMPLE, 'utf8')));
    expect(hans.source.script).toBe('zh-Hans');
  });

  it('reports a mixed document with the paragraphs that disagree', () => {
    const doc = run(
      ['国务院关于加快发展的意见', '一、总体要求', '发展数字经济，建设网络强国，推进产业发展。', '國務院關於數位經濟發展的說明，這是繁體的段落。', '臺灣的資訊產業很發達。', '继续简体的段落，推进产业发展，加强组织领导。'].join('\n'),
    );
    expect(doc.source.script).toBe('mixed');
    const spans = doc.diagnostics.filter((d) => d.code === 'convert:mixed-script' && d.span).map((d) => [...doc.text['zh-Hans']].slice(d.span!.start, d.span!.end).join(''));
    expect(spans).toEqual(['国务院关于数位经济发展的说明，这是繁体的段落。\n台湾的资讯产业很发达。']);
  });
});
