/**
 * The founding sample against ../shared/acceptance: what a correct run must
 * find. Expected values come from the acceptance file, not from our output.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { processDocument } from '../pipeline/pipeline.js';
import { toMarkdown } from '../pipeline/stages/to-markdown.js';
import type { GongwenDocument, Section } from '../pipeline/schema-types.js';
import { SAMPLE, acceptance, type Acceptance } from './helpers/paths.js';

let doc: GongwenDocument;
let expected: Acceptance;

beforeAll(() => {
  const result = processDocument({ bytes: readFileSync(SAMPLE), file: 'input/chengdu-future-industries-2024.txt' });
  expect(result.ok).toBe(true);
  doc = result.document!;
  expected = acceptance();
});

describe('acceptance: chengdu-future-industries-2024', () => {
  it('finds the metadata', () => {
    expect(doc.source.script).toBe('zh-Hant');
    expect(doc.document.title['zh-Hans']).toBe(expected.title);
    expect(doc.document.issuer?.['zh-Hans']).toBe(expected.issuer);
    expect(doc.document.date).toBe(expected.date);
    expect(doc.document.addressees.map((a) => a['zh-Hans'])).toEqual(expected.addressees);
    expect(doc.document.kind).toBe('意见');
  });

  it('separates the publication wrapper', () => {
    const p = doc.publication!;
    expect(p.site?.['zh-Hans']).toBe(expected.publication.site);
    expect(p.headline?.['zh-Hans']).toBe(expected.publication.headline);
    expect(p.source?.['zh-Hans']).toBe(expected.publication.source);
    expect(p.publishedAt).toBe(expected.publication.publishedAt);
    expect(p.views).toBe(expected.publication.views);
    // the wrapper is not part of the document text
    expect(doc.text['zh-Hans'].startsWith(expected.title)).toBe(true);
  });

  it('finds all 一、 headings and all （一） headings in order', () => {
    const got = doc.sections.map((s) => ({
      marker: s.marker,
      heading: s.heading?.['zh-Hans'],
      children: s.children.map((c) => ({ marker: c.marker, heading: c.heading?.['zh-Hans'] })),
    }));
    expect(got).toEqual(expected.sections);
    expect(expected.sections.flatMap((s) => s.children)).toHaveLength(25);
  });

  it('reads all 15 responsibility notes with lead and supporting agencies', () => {
    const byId = new Map(doc.entities.map((e) => [e.id, e.name['zh-Hans']]));
    const sectionPath = (id: string | null): string => {
      const find = (list: Section[], trail: string[]): string | null => {
        for (const s of list) {
          if (s.id === id) return [...trail, s.marker].join('');
          const inner = find(s.children, [...trail, s.marker]);
          if (inner) return inner;
        }
        return null;
      };
      return find(doc.sections, []) ?? '';
    };
    const got = doc.responsibilities.map((r) => ({
      section: sectionPath(r.sectionId),
      lead: r.lead.map((id) => byId.get(id)),
      support: r.support.map((id) => byId.get(id)),
    }));
    expect(got).toEqual(expected.responsibilities);
  });

  it('reports every corrupted run, repaired or not, and recovers the 五（五） note intact', () => {
    // the note's opening was the corrupted run 圬?zé): once repaired, nothing is read from a damaged form
    expect(doc.diagnostics.filter((d) => d.code === 'segment:damaged-note')).toEqual([]);
    const runs = doc.diagnostics.filter((d) => d.code === 'clean:corrupted-bytes' || d.code === 'clean:corrupted-bytes-repaired');
    expect(runs).toHaveLength(expected.cleaning.corruptedSpans.length);
    expect(runs.filter((d) => d.code === 'clean:corrupted-bytes-repaired').length).toBeGreaterThanOrEqual(4);
    // each reported run covers the raw text of one expected corrupted span
    const raw = readFileSync(SAMPLE, 'utf8');
    for (const span of expected.cleaning.corruptedSpans) {
      const rawPlain = span.raw.replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g, '');
      const hit = runs.some((d) => {
        const text = Array.from(raw).slice(d.rawSpan!.start, d.rawSpan!.end).join('').replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g, '');
        return rawPlain.includes(text.slice(1, -1)) || text.includes(rawPlain.slice(1, -1));
      });
      expect(hit, span.raw).toBe(true);
    }
    const note = doc.responsibilities.find((r) => r.sectionId === 's5.5');
    expect(note?.text['zh-Hans'].startsWith('[责任单位：市发改委，')).toBe(true);
    expect(doc.text['zh-Hans'].slice(note!.span.start - 8, note!.span.start)).toBe('担当的浓厚氛围。');
  });

  it('leaves nothing of mustNotAppearInOutput, no pinyin annotation and no site furniture in text or Markdown', () => {
    const outputs = [doc.text['zh-Hans'], doc.text['zh-Hant'], toMarkdown(doc, 'zh-Hans'), toMarkdown(doc, 'zh-Hant')];
    const annotation = /\((?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)/;
    for (const out of outputs) {
      expect(out).not.toMatch(annotation);
      for (const s of expected.mustNotAppearInOutput) expect(out).not.toContain(s);
      for (const b of ['声明：登载此文', '免责声明', '相关产业资讯', '阅读：12395']) expect(out).not.toContain(b);
    }
  });

  it('keeps both scripts aligned for every sentence', () => {
    const walk = (list: Section[]): void => {
      for (const s of list) {
        for (const p of s.paragraphs) {
          for (const sentence of p.sentences) {
            const hans = Array.from(doc.text['zh-Hans']).slice(sentence.span.start, sentence.span.end).join('');
            expect(sentence.text['zh-Hans']).toBe(hans);
            expect(Array.from(sentence.text['zh-Hant'])).toHaveLength(Array.from(hans).length);
          }
        }
        walk(s.children);
      }
    };
    walk(doc.sections);
  });

  it('gives every entity mention one of the entity’s written forms at its span', () => {
    const chars = Array.from(doc.text['zh-Hans']);
    for (const e of doc.entities) {
      const forms = e.forms ?? [e.name['zh-Hans']];
      // targets and time horizons are found with their exact spans; names are found by their forms
      for (const m of e.mentions) if (e.type !== 'target' && e.type !== 'timeHorizon') expect(forms, e.id).toContain(chars.slice(m.start, m.end).join(''));
    }
    const names = doc.entities.map((e) => e.name['zh-Hans']);
    expect(names).not.toContain('省决策部署');
  });
});
