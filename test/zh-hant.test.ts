/**
 * zh-Hant output a Traditional reader accepts: the zh-Hant Markdown of every
 * corpus document holds no character that OpenCC's s2t changes (labels,
 * markers, 文种 and 发文字号 included), labels each article once and keeps
 * the space between a chapter's number and its name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processDocument, processFile } from '../pipeline/pipeline.js';
import type { GongwenDocument } from '../pipeline/schema-types.js';
import { converters } from '../pipeline/lib/opencc.js';
import { toMarkdown } from '../pipeline/stages/to-markdown.js';
import { mojLaws, renderMojLaw } from './helpers/moj.js';
import { ROOT, SHARED } from './helpers/paths.js';

/** Every corpus document gongwen reads (HTML, Markdown; PDFs and office files are not text). */
function corpus(): { name: string; bytes: Buffer }[] {
  const out: { name: string; bytes: Buffer }[] = [];
  for (const dir of ['govcn', 'pages', 'lawrefbook', join('laws', 'lawrefbook'), 'traditional']) {
    for (const f of readdirSync(join(SHARED, 'corpus', dir)).sort()) {
      if (/\.(html?|md|txt)$/.test(f)) out.push({ name: join(dir, f), bytes: readFileSync(join(SHARED, 'corpus', dir, f)) });
    }
  }
  // every Taiwan law, with its 沿革 under the title
  for (const { file, law } of mojLaws()) out.push({ name: join('laws', 'moj', file), bytes: Buffer.from(renderMojLaw(law, { history: true })) });
  return out;
}

/** The corpus's files (PDF, Word, WPS) and the Hong Kong PDF, read from their text layer (those that need OCR are left out: `ocr: false` fails them). */
async function corpusFiles(): Promise<{ name: string; document: GongwenDocument }[]> {
  const out: { name: string; document: GongwenDocument }[] = [];
  const paths = [
    ...readdirSync(join(SHARED, 'corpus', 'files')).sort().filter((f) => /\.(pdf|docx?|wps|xlsx)$/i.test(f)).map((f) => join('files', f)),
    ...readdirSync(join(SHARED, 'corpus', 'traditional')).sort().filter((f) => /\.pdf$/i.test(f)).map((f) => join('traditional', f)),
  ];
  for (const name of paths) {
    const result = await processFile({ file: name, bytes: readFileSync(join(SHARED, 'corpus', name)) }, { ocr: false });
    if (result.ok) out.push({ name, document: result.document! });
  }
  return out;
}

/** Characters that are Traditional forms themselves as well as Simplified ones (干 幹 乾 干: lexicon/ambiguous.tsv lists them among their own forms). */
const selfListed = new Set(
  readFileSync(join(ROOT, 'lexicon', 'ambiguous.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t'))
    .filter(([hans, forms]) => forms?.split(' ').includes(hans!))
    .map(([hans]) => hans!),
);

/**
 * Where OpenCC's s2t would change a text, with some context: a character
 * that s2t, s2tw and s2hk all change (so no Traditional standard writes it
 * there) and that is not a Traditional form of its own (干, 准, 台 are).
 * Converting a text that is Traditional already is not idempotent (结合 →
 * 結合 → 結閤, a Taiwan source's own 雇主), so a character standing in the
 * same words in the document's zh-Hant text — the converter's output, or a
 * Traditional source as it is — is the text's, not a label's. The file name
 * in the front matter (source.file) is a path, not Chinese text.
 */
function s2tChanges(markdown: string, hant: string): string[] {
  const text = [...markdown.replace(/^ {2}file: .*$/m, '')];
  const conversions = (['t', 'tw', 'hk'] as const).map((v) => [...converters(v).toHant(text.join(''))]);
  if (conversions.some((c) => c.length !== text.length)) return ['length changed'];
  const out: string[] = [];
  text.forEach((ch, k) => {
    if (selfListed.has(ch) || conversions.some((c) => c[k] === ch)) return;
    // the Chinese words around it (Markdown marks and line breaks are not the text's)
    let from = k;
    while (from > k - 2 && from > 0 && /\p{Script=Han}/u.test(text[from - 1]!)) from--;
    const before = text.slice(from, k).join('');
    const after = /\p{Script=Han}/u.test(text[k + 1] ?? '') ? text[k + 1]! : '';
    if (hant.includes(before + ch + after)) return;
    out.push(`${before}[${ch}→${conversions[0]![k]}]${after}`);
  });
  return out;
}

describe('zh-Hant Markdown', () => {
  const docs = corpus();
  it('has no character that s2t changes, on every corpus document', { timeout: 240_000 }, () => {
    const failures: string[] = [];
    for (const { name, bytes } of docs) {
      const result = processDocument({ file: name, bytes });
      if (!result.ok) continue;
      const found = s2tChanges(toMarkdown(result.document!, 'zh-Hant'), result.document!.text['zh-Hant']);
      if (found.length > 0) failures.push(`${name}: ${found.slice(0, 3).join(' … ')}`);
    }
    expect(docs.length).toBeGreaterThan(150);
    expect(failures).toEqual([]);
  });
  it('has no character that s2t changes, on every corpus file read from its text layer', { timeout: 300_000 }, async () => {
    const files = await corpusFiles();
    const failures = files.flatMap(({ name, document }) => {
      const found = s2tChanges(toMarkdown(document, 'zh-Hant'), document.text['zh-Hant']);
      return found.length > 0 ? [`${name}: ${found.slice(0, 3).join(' … ')}`] : [];
    });
    expect(files.length).toBeGreaterThanOrEqual(27);
    expect(failures).toEqual([]);
  });

  const regulation = ['某某市数据条例', '第一章 总则', '第一节 一般规定', '第一条 为了规范数据处理，制定本条例。', '第二条 本条例适用于本市。', '第二章 附则', '第三条 本条例自2024年1月1日起施行。'].join('\n');
  const doc = processDocument({ file: 'law.txt', bytes: Buffer.from(regulation) }).document!;
  it('labels each article once, in the Markdown’s script', () => {
    const hant = toMarkdown(doc, 'zh-Hant');
    expect(hant).toContain('**第一條** 爲了規範數據處理');
    expect(hant).not.toContain('第一条');
    expect(toMarkdown(doc, 'zh-Hans')).toContain('**第一条** 为了规范数据处理');
  });
  it('writes chapters and sections in the script, with the source’s space', () => {
    expect(toMarkdown(doc, 'zh-Hant')).toContain('## 第一章 總則');
    expect(toMarkdown(doc, 'zh-Hant')).toContain('### 第一節 一般規定');
    expect(toMarkdown(doc, 'zh-Hans')).toContain('## 第一章 总则');
  });
  it('writes 文种 and 发文字号 in the script', () => {
    const notice = processDocument({ file: 'n.txt', bytes: Buffer.from('国务院关于加快发展的意见\n国发〔2019〕4号\n各省人民政府：\n一、总体要求\n做好工作。\n国务院\n2019年1月1日\n') }).document!;
    const hant = toMarkdown(notice, 'zh-Hant');
    expect(hant).toContain('kind: 意見');
    expect(hant).toContain('documentNumber: 國發〔2019〕4號');
    expect(toMarkdown(notice, 'zh-Hans')).toContain('kind: 意见');
  });
});
