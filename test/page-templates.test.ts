/**
 * A document read from its site's whole page is the document read from the content fragment alone: the
 * gov.cn fragments (../shared/corpus/govcn, the content block as the CMS stores it) put inside 21 kinds of
 * hand-built site chrome (test/helpers/site-templates.ts: metadata tables and lists above or below the text,
 * headlines outside the block or broken by <br>, menus, toolbars as links or plain text, hidden text, download
 * rows, related lists, interpretations, footers, table layouts) give the same title, 发文字号,
 * issuer, date, 主送机关, level-1 headings, notes and clean text. A metamorphic check of the page finder on
 * layouts it was not written on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processDocument } from '../pipeline/pipeline.js';
import type { GongwenDocument } from '../pipeline/schema-types.js';
import { TEMPLATES, wrap } from './helpers/site-templates.js';
import { SHARED } from './helpers/paths.js';

const DIR = join(SHARED, 'corpus', 'govcn');
const meta: { file: string; title: string; documentNumber: string | null; issuer: string | null }[] = JSON.parse(readFileSync(join(DIR, 'metadata.json'), 'utf8'));

const facts = (d: GongwenDocument) => ({
  title: d.document.title['zh-Hans'],
  documentNumber: d.document.documentNumber,
  issuer: d.document.issuer?.['zh-Hans'] ?? null,
  date: d.document.date,
  addressees: d.document.addressees.map((a) => a['zh-Hans']).join('、'),
  headings: d.sections.map((s) => s.marker + (s.heading?.['zh-Hans'] ?? '')).join(' / '),
  notes: d.responsibilities.length,
  isDocument: d.document.isDocument,
  text: d.text['zh-Hans'],
});

describe(`a document inside any site’s chrome is the document alone (gov.cn fragments × ${Object.keys(TEMPLATES).length} hand-built templates)`, () => {
  for (const m of meta) {
    const fragment = readFileSync(join(DIR, m.file), 'utf8');
    const aloneDoc = processDocument({ bytes: Buffer.from(fragment), file: m.file }).document!;
    const alone = facts(aloneDoc);
    for (const template of Object.keys(TEMPLATES)) {
      it(`${m.file} in ${template}`, () => {
        const page = wrap(template, fragment, { title: m.title, documentNumber: m.documentNumber, issuer: m.issuer, date: alone.date });
        const result = processDocument({ bytes: page, file: `${m.file}.${template}.html` });
        expect(result.ok).toBe(true);
        const got = facts(result.document!);
        expect({ ...got, text: undefined }).toEqual({ ...alone, text: undefined });
        expect(got.text).toBe(alone.text);
        // the site's 附件下载 row below the text: its file is the document's
        if (template === 'news') expect(result.document!.attachmentLinks.map((a) => a.text)).toEqual(['1.重点任务分工表.pdf']);
        // the 附件下载 row over the text: its file is the document's
        if (template === 'downloadTop') expect(result.document!.attachmentLinks.map((a) => a.text)).toEqual([`${m.title}.pdf`, ...aloneDoc.attachmentLinks.map((a) => a.text)]);
        // the site's 附件： list after the text: its files are the document's, after any the text links itself
        if (template === 'attachments') expect(result.document!.attachmentLinks.map((a) => a.text)).toEqual([...aloneDoc.attachmentLinks.map((a) => a.text), '1.重点任务分工表.doc', '2.项目汇总表.xlsx']);
      });
    }
  }
});
