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
    expect(hans.responsibilities).toEqual(hant.responsibilities.map((r) => ({ ...r, text: { ...r.text, 'zh-Hant': hans.responsibilities.find((x) => x.id === r.id)!.text['zh-Hant'] } })));
    expect(hans.entities.map((e) => e.id)).toEqual(hant.entities.map((e) => e.id));
  });
});
