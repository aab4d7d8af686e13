/** output/ is exactly what `npm start` regenerates from input/, and every JSON in it validates. */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../pipeline/batch.js';
import { validateDocument } from '../pipeline/validate.js';
import type { GongwenDocument } from '../pipeline/schema-types.js';
import { toMarkdown } from '../pipeline/stages/to-markdown.js';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { ROOT } from './helpers/paths.js';

describe('committed output/', () => {
  it('is what the pipeline regenerates from input/ (documents and datasets)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'gongwen-out-'));
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const report = await runBatch(['input'], { out, jobs: 1 });
      expect(report.files.failed).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    // the run report (timings) and the incremental state are per run, not committed
    const perRun = (n: string) => n === '.gongwen' || n.startsWith('run-report');
    const committed = readdirSync(join(ROOT, 'output')).filter((n) => !perRun(n)).sort();
    expect(readdirSync(out).filter((n) => !perRun(n)).sort()).toEqual(committed);
    expect(committed).toEqual(expect.arrayContaining(['dataset.jsonl', 'documents.csv', 'entities.csv', 'responsibilities.csv', 'documents.parquet', 'entities.parquet', 'responsibilities.parquet']));
    expect(committed.length).toBeGreaterThan(0);
    for (const name of committed) {
      expect(readFileSync(join(out, name), 'base64'), name).toBe(readFileSync(join(ROOT, 'output', name), 'base64'));
    }
  });

  it('holds only JSON that validates against schemas/', () => {
    const jsons = readdirSync(join(ROOT, 'output')).filter((n) => n.endsWith('.json') && !n.startsWith('run-report'));
    expect(jsons.length).toBeGreaterThan(0);
    for (const name of jsons) {
      const result = validateDocument(JSON.parse(readFileSync(join(ROOT, 'output', name), 'utf8')));
      expect(result.errors, name).toEqual([]);
    }
  });

  it('rejects a document that breaks the schema', () => {
    const name = readdirSync(join(ROOT, 'output')).find((n) => n.endsWith('.json') && !n.startsWith('run-report'))!;
    const doc = JSON.parse(readFileSync(join(ROOT, 'output', name), 'utf8'));
    doc.sections[0].span.start = -1;
    delete doc.document.title;
    expect(validateDocument(doc).valid).toBe(false);
  });
});

describe('Markdown output', () => {
  const doc = JSON.parse(readFileSync(join(ROOT, 'output', 'chengdu-future-industries-2024.json'), 'utf8')) as GongwenDocument;
  const parse = (md: string) => unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(md);
  const kinds = (md: string) => {
    const found = new Set<string>();
    visit(parse(md), (node) => {
      found.add(node.type);
    });
    return found;
  };

  it('writes the notes’ brackets as they are, and they stay text', () => {
    const md = readFileSync(join(ROOT, 'output', 'chengdu-future-industries-2024.md'), 'utf8');
    expect(md).toContain('[责任单位：市科技局');
    expect(md).not.toContain('\\[');
    for (const k of ['link', 'linkReference', 'definition', 'image', 'imageReference']) expect(kinds(md).has(k), k).toBe(false);
    // every note reads back as the text it came from
    const text = toString(parse(md));
    for (const n of doc.responsibilities) {
      const note = [...doc.text['zh-Hans']].slice(n.span.start, n.span.end).join('');
      if (note.startsWith('[')) expect(text).toContain(note);
    }
  });

  it('keeps escaping brackets that could make a link', () => {
    const risky = ['见[通知](http://example.com)。', '[定义]: http://example.com', '[甲][乙]文字', '[含\\*号]', '[a[b]c]'];
    const copy = structuredClone(doc);
    const sentence = copy.sections[0]!.children[0]!.paragraphs[0]!.sentences[0]!;
    for (const r of risky) {
      sentence.text['zh-Hans'] = r;
      const md = toMarkdown(copy, 'zh-Hans');
      for (const k of ['link', 'linkReference', 'definition']) expect(kinds(md).has(k), `${r}: ${k}`).toBe(false);
      expect(toString(parse(md)), r).toContain(r);
    }
  });
});
