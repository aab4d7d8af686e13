/**
 * The whole pipeline on random and mutated inputs (fast-check): it never
 * throws, every document validates, every span lies inside its text, and
 * sections neither overlap nor leave their parent.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rebuildInput } from '../pipeline/lib/tracked-text.js';
import { processDocument } from '../pipeline/pipeline.js';
import { decode } from '../pipeline/stages/decode.js';
import { toMarkdown } from '../pipeline/stages/to-markdown.js';
import type { GongwenDocument, Section } from '../pipeline/schema-types.js';
import { validateDocument } from '../pipeline/validate.js';
import { SAMPLE } from './helpers/paths.js';

const sample = readFileSync(SAMPLE, 'utf8');

/** Pieces that exercise every stage: markers, notes, pinyin, corrupted bytes, HTML, both scripts, odd characters. */
const PIECES = [
  '国务院关于加快发展的意见', '一、', '（一）', '1.', '（1）', '第一章', '第一条', '各省、自治区：', '加强领导。', '推进产业发展；', '[责任单位：市科技局，市财政局]',
  '（海关总署负责）', '網(wǎng)', '?zé)', '?;', '\uE1D6', '⒏', '<p>', '</p>', '<br>', '&nbsp;', '# ', '## ', '1. ', '- ', '\n', '\n\n', ' ', '　',
  '2024年1月3日', '国务院', '（此件公开发布）', '附件：', '國務院關於', '發展', '𠮷', '😀', '\u0000', '\r\n', 'ABC', '3.5%', '“', '”', '《', '》', '（', '）', '[', ']',
];

const randomText = fc.array(fc.constantFrom(...PIECES), { minLength: 10, maxLength: 60 }).map((xs) => xs.join(''));

/** A slice of the sample with random edits: deletions, insertions of any character, duplications. */
const mutatedSample = fc
  .tuple(fc.nat(sample.length - 1), fc.integer({ min: 200, max: 3000 }), fc.array(fc.tuple(fc.nat(), fc.nat(8), fc.string({ maxLength: 4, unit: 'binary' })), { maxLength: 20 }))
  .map(([start, length, edits]) => {
    let text = sample.slice(start, start + length);
    for (const [at, remove, insert] of edits) {
      const i = text.length === 0 ? 0 : at % text.length;
      text = text.slice(0, i) + insert + text.slice(i + remove);
    }
    return text;
  });

function checkDocument(doc: GongwenDocument): void {
  expect(validateDocument(doc).errors).toEqual([]);
  const length = [...doc.text['zh-Hans']].length;
  const spans: { start: number; end: number }[] = [];
  const collect = (value: unknown, key: string): void => {
    if (Array.isArray(value)) value.forEach((v) => collect(v, key));
    else if (value && typeof value === 'object') {
      // rawSpan/byteSpan index the raw input and the edit log's raw spans too: only zh-Hans spans here
      if ((key === 'span' || key === 'mentions' || key === 'clean' || key === 'hans') && 'start' in value && 'end' in value) spans.push(value as { start: number; end: number });
      for (const [k, v] of Object.entries(value)) if (k !== 'rawSpan' && k !== 'byteSpan' && k !== 'raw' && k !== 'hant') collect(v, k === 'mentions' ? 'mentions' : k);
    }
  };
  collect({ ...doc, cleaning: { ...doc.cleaning, edits: [] } }, '');
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeGreaterThanOrEqual(s.start);
    expect(s.end).toBeLessThanOrEqual(length);
  }
  const checkTree = (list: Section[], parent: Section | null): void => {
    for (let k = 0; k < list.length; k++) {
      const s = list[k]!;
      if (parent) {
        expect(s.span.start).toBeGreaterThanOrEqual(parent.span.start);
        expect(s.span.end).toBeLessThanOrEqual(parent.span.end);
      }
      if (k > 0) expect(s.span.start).toBeGreaterThanOrEqual(list[k - 1]!.span.end);
      // its paragraphs lie inside it, its sentences inside their paragraph
      for (const p of s.paragraphs) {
        expect(p.span.start).toBeGreaterThanOrEqual(s.span.start);
        expect(p.span.end).toBeLessThanOrEqual(s.span.end);
        for (const t of p.sentences) {
          expect(t.span.start).toBeGreaterThanOrEqual(p.span.start);
          expect(t.span.end).toBeLessThanOrEqual(p.span.end);
        }
      }
      checkTree(s.children, s);
    }
  };
  checkTree(doc.sections, null);
  for (const a of doc.attachments) checkTree(a.sections, null);
  // the alignment's segments shift zh-Hant offsets consistently, and account for the length difference
  let delta = 0;
  let previous = 0;
  for (const seg of doc.textAlignment.segments ?? []) {
    expect(seg.hans.start).toBeGreaterThanOrEqual(previous);
    expect(seg.hant.start - seg.hans.start).toBe(delta);
    delta += seg.hant.end - seg.hant.start - (seg.hans.end - seg.hans.start);
    previous = seg.hans.end;
  }
  expect([...doc.text['zh-Hant']].length - length).toBe(delta);
  if (doc.textAlignment.identity) expect(delta).toBe(0);
  // the Markdown renders in both scripts from the record alone
  for (const script of ['zh-Hans', 'zh-Hant'] as const) expect(toMarkdown(doc, script).length).toBeGreaterThan(0);
  // every mention of an entity reads as its name or one of its written forms
  const points = [...doc.text['zh-Hans']];
  for (const e of doc.entities) {
    const forms = new Set([e.name['zh-Hans'], ...(e.forms ?? [])]);
    for (const m of e.mentions) expect(forms.has(points.slice(m.start, m.end).join('')), e.id).toBe(true);
  }
}

let processed = 0;
function run(text: string, file: string): void {
  const result = processDocument({ file, bytes: Buffer.from(text) });
  if (result.ok) processed++;
  expect(result.diagnostics.every((d) => typeof d.code === 'string')).toBe(true);
  if (result.ok) {
    checkDocument(result.document!);
    // the JSON's edit log rebuilds the decoded input exactly
    expect(rebuildInput(result.document!)).toBe(decode({ bytes: Buffer.from(text) }).text);
  }
  else expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
}

describe('the whole pipeline (property)', () => {
  it('never throws on random documents, in every format, and keeps its invariants', () => {
    processed = 0;
    fc.assert(
      fc.property(randomText, fc.constantFrom('x.txt', 'x.md', 'x.html'), (text, file) => run(text, file)),
      { numRuns: 150 },
    );
    // most random documents are documents, not refusals: the invariants were checked on them
    expect(processed).toBeGreaterThan(40);
  });
  it('never throws on mutated slices of the sample and keeps its invariants', () => {
    processed = 0;
    fc.assert(fc.property(mutatedSample, (text) => run(text, 'sample.txt')), { numRuns: 60 });
    expect(processed).toBeGreaterThan(30);
  });
  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const result = processDocument({ file: 'x.txt', bytes });
        if (result.ok) checkDocument(result.document!);
      }),
      { numRuns: 150 },
    );
  });
});
