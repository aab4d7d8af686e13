/**
 * The same document in another form reads the same: real pages and a
 * regulation re-fed as plain text (their own clean text), in other encodings
 * and line endings, and as Traditional Big5.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { processDocument } from '../pipeline/pipeline.js';
import type { GongwenDocument, Section } from '../pipeline/schema-types.js';
import { SHARED } from './helpers/paths.js';

const FILES = [join('govcn', 'govcn-02.html'), join('govcn', 'govcn-33.html'), join('govcn', 'govcn-57.html'), join('lawrefbook', '山东省人才发展促进条例(2020-03-26).md')];
const count = (list: Section[]): number => list.reduce((n, s) => n + 1 + count(s.children), 0);
/** What a reader of the record looks at first, in Simplified. */
const summary = (doc: GongwenDocument) => ({
  title: doc.document.title?.['zh-Hans'] ?? null,
  documentNumber: doc.document.documentNumber,
  issuer: doc.document.issuer?.['zh-Hans'] ?? null,
  date: doc.document.date,
  sections: count(doc.sections),
  attachments: doc.attachments.map((a) => count(a.sections)),
  notes: doc.responsibilities.map((r) => [r.lead, r.support]),
});
const run = (bytes: Buffer, file: string) => {
  const result = processDocument({ bytes, file });
  expect(result.ok, `${file}: ${result.diagnostics.map((d) => d.message).join('; ')}`).toBe(true);
  return result.document!;
};

describe('the same document in another form', () => {
  for (const file of FILES) {
    const original = run(readFileSync(join(SHARED, 'corpus', file)), file);
    const text = original.text['zh-Hans'];
    it(`${file}: as plain text in other encodings and line endings`, () => {
      const forms: [string, Buffer][] = [
        ['utf-8', Buffer.from(text)],
        ['gb18030, CRLF', iconv.encode(text.replace(/\n/g, '\r\n'), 'gb18030')],
        ['utf-16le with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')])],
        ['CR line ends', Buffer.from(text.replace(/\n/g, '\r'))],
      ];
      for (const [form, bytes] of forms) {
        const doc = run(bytes, 'doc.txt');
        expect(summary(doc), form).toEqual(summary(original));
        expect(doc.text['zh-Hans'], form).toBe(text);
      }
    });
    it(`${file}: converted to Traditional and encoded as Big5`, () => {
      const traditional = OpenCC.Converter({ from: 'cn', to: 'tw' })(text);
      const doc = run(iconv.encode(traditional, 'big5'), 'doc.txt');
      expect(doc.source.encoding).toBe('big5');
      expect(doc.source.script).toBe('zh-Hant');
      // the metadata comes back in Simplified through OpenCC's own round trip
      expect(summary(doc)).toEqual(summary(original));
    });
  }
});
