/** Deeply nested Markdown and HTML: bounded with a diagnostic, and the same result on the main thread and in a worker thread. */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../pipeline/batch.js';
import { htmlDepth, markdownDepth, MAX_HTML_DEPTH, MAX_MARKDOWN_DEPTH } from '../pipeline/lib/nesting.js';
import { processDocument } from '../pipeline/pipeline.js';

const TITLE = '成都市人民政府关于加快发展未来产业的实施意见\n\n各区（市）县政府：\n\n一、总体要求\n\n';

describe('nesting depth', () => {
  it('is read from line starts in Markdown and from tags in HTML', () => {
    expect(markdownDepth('正文\n> > - 1. 条目\n').depth).toBe(4);
    expect(markdownDepth('- 一\n  - 二\n    - 三\n').depth).toBe(3);
    expect(markdownDepth('3.5% 的增长\n-1 度\n').depth).toBe(0);
    expect(htmlDepth('<div><p>一<p>二<br><img src="a"><span>三</span></div><svg><path/><path/></svg>').depth).toBe(2);
    expect(htmlDepth('<ul><li>一<li>二</ul><script>"<div><div>"</script><!-- <div><div><div> -->').depth).toBe(1);
  });

  it('reads a document nested deeper than the limit as plain text, with a warning, in time', () => {
    for (const [file, text] of [
      ['quote.md', `${TITLE}${'>'.repeat(10_000)} 加快发展未来产业。\n`],
      ['list.md', `${TITLE}${'- '.repeat(10_000)}加快发展未来产业。\n`],
      ['divs.html', `<html><body><p>${TITLE}</p>${'<div>'.repeat(10_000)}加快发展未来产业。${'</div>'.repeat(10_000)}</body></html>`],
    ] as const) {
      const start = performance.now();
      const r = processDocument({ bytes: Buffer.from(text), file });
      expect(performance.now() - start).toBeLessThan(10_000);
      expect(r.ok).toBe(true);
      const warning = r.diagnostics.find((d) => d.code === 'clean:too-deep');
      expect(warning?.message).toContain(`more than ${file.endsWith('.md') ? MAX_MARKDOWN_DEPTH : MAX_HTML_DEPTH} levels`);
      expect(r.document!.text['zh-Hans']).toContain('加快发展未来产业。');
    }
  });

  it('reads a document at the limit as Markdown / HTML', () => {
    const md = processDocument({ bytes: Buffer.from(`${TITLE}${'> '.repeat(MAX_MARKDOWN_DEPTH)}加快发展未来产业。\n`), file: 'a.md' });
    expect(md.diagnostics.some((d) => d.code === 'clean:too-deep')).toBe(false);
    expect(md.document!.text['zh-Hans']).toContain('\n加快发展未来产业。');
    const html = processDocument({ bytes: Buffer.from(`<html><body><p>${TITLE}</p>${'<div>'.repeat(MAX_HTML_DEPTH)}加快发展未来产业。${'</div>'.repeat(MAX_HTML_DEPTH)}</body></html>`), file: 'a.html' });
    expect(html.diagnostics.some((d) => d.code === 'clean:too-deep')).toBe(false);
    expect(html.document!.text['zh-Hans']).not.toContain('<div>');
  });

  it('gives the same outputs with --jobs 1 (main thread) and --jobs 2 (worker threads, larger stacks)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gongwen-nesting-'));
    const src = join(root, 'in');
    mkdirSync(src);
    writeFileSync(join(src, 'quote.md'), `${TITLE}${'>'.repeat(10_000)} 加快发展未来产业。\n`);
    writeFileSync(join(src, 'items.md'), `${TITLE}${'1. '.repeat(5_000)}加快发展未来产业。\n`);
    writeFileSync(join(src, 'divs.html'), `<html><body><p>${TITLE}</p>${'<div>'.repeat(10_000)}加快发展未来产业。${'</div>'.repeat(10_000)}</body></html>`);
    writeFileSync(join(src, 'tables.html'), `<html><body><p>${TITLE}</p>${'<table><tr><td>'.repeat(3_000)}加快发展未来产业。</body></html>`);
    const one = await runBatch([src], { out: join(root, 'one'), jobs: 1 });
    const two = await runBatch([src], { out: join(root, 'two'), jobs: 2 });
    expect(one.files.failed).toBe(0);
    expect(two.files.failed).toBe(0);
    const outputs = readdirSync(join(root, 'one')).filter((f) => /\.(json|md)$/.test(f) && !f.startsWith('run-report'));
    expect(outputs.length).toBeGreaterThanOrEqual(8);
    for (const f of outputs) expect(readFileSync(join(root, 'two', f), 'utf8'), f).toBe(readFileSync(join(root, 'one', f), 'utf8'));
  });
});
