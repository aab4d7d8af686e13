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
import { documentRow } from '../pipeline/lib/dataset-records.js';
import { TABLES } from '../pipeline/lib/datasets.js';
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
  it('give the document’s own title, never a breadcrumb, a metadata row or a site name (≥ 56 of 58)', () => {
    expect(total.title.right, JSON.stringify(scores.filter((s) => s.right.title === false).map((s) => [s.file, s.got.title]))).toBeGreaterThanOrEqual(56);
  });
  it('find the 主送机关, the signature, the 成文日期 and the 发文字号 on ≥ 95 % of the pages that have them, and the level-1 headings', () => {
    expect(rate('addressees')).toBeGreaterThanOrEqual(0.95);
    expect(rate('issuer')).toBeGreaterThanOrEqual(0.95);
    expect(rate('date')).toBeGreaterThanOrEqual(0.95);
    expect(rate('documentNumber')).toBeGreaterThanOrEqual(0.95);
    expect(rate('headings')).toBeGreaterThanOrEqual(0.95);
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
      // a part over several lines (a joint signature) is paragraphs, not line breaks escaped as &#xA;
      expect(md, g.file).not.toContain('&#xA;');
      // the Markdown starts (after its front matter) with the title
      expect(md.split('\n---\n')[1]!.trimStart().startsWith(`# ${doc.document.title['zh-Hans']}`), g.file).toBe(true);
    }
  });
  it('read the site’s status marks (有效, 已废止 …) into document.status', () => {
    expect(total.status.right).toBeGreaterThanOrEqual(11);
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

/** A page as sites build them: a headline block, a metadata table, the body; `body` is the document's lines as <p>. */
function page(headline: string, rows: [string, string][], body: string[], files: [string, string][] = []): Buffer {
  const meta = rows.map(([l, v]) => `<tr><td>${l}：</td><td>${v}</td></tr>`).join('');
  const links = files.map(([text, href]) => `<p><a href="${href}">${text}</a></p>`).join('');
  const nav = '<div class="nav"><a href="/">首页</a> &gt; <a href="/zc">政策文件</a></div>';
  const prose = body.map((l) => `<p>${l}</p>`).join('');
  return Buffer.from(`<html><head><title>${headline.replace(/<[^>]+>/g, '')}_某某市人民政府</title></head><body>${nav}<table>${meta}</table><h3>${headline}</h3><div class="content">${prose}${links}</div><div class="footer">版权所有 某某市人民政府</div></body></html>`);
}
const BODY = [
  '各区人民政府，市政府各部门：',
  '为进一步做好有关工作，结合我市实际，现就有关事项通知如下：',
  '一、加强组织领导。各区要建立工作机制，明确责任分工，确保各项措施落到实处。',
  '二、强化政策保障。市财政局要统筹安排资金，支持重点项目建设，做好绩效评价工作。',
  '三、做好宣传引导。各部门要加强政策解读，及时回应社会关切，营造良好氛围。',
  '某某市住房和城乡建设局',
  '2024年5月10日',
];
const run = (bytes: Buffer) => processDocument({ bytes, file: 'page.html' }).document!;

describe('pages: titles, numbers and status as sites print them (hand-made)', () => {
  it('keep a title wrapped over three lines of a headline, and never join the prose that follows a finished title', () => {
    const wrapped = run(page('某某市住房和城乡建设局等八部门印发关于<br/>进一步促进房地产市场平稳健康<br/>发展的若干措施的通知', [], BODY));
    expect(wrapped.document.title['zh-Hans']).toBe('某某市住房和城乡建设局等八部门印发关于进一步促进房地产市场平稳健康发展的若干措施的通知');
    expect(wrapped.text['zh-Hans']).toContain('进一步促进房地产市场平稳健康\n发展的若干措施的通知');
    // a finished title: the next short line is the 主送机关 of the body, not the title's
    const finished = run(page('关于做好安全生产工作的通知', [], BODY));
    expect(finished.document.title['zh-Hans']).toBe('关于做好安全生产工作的通知');
    // a headline that is not finished but runs into prose: only what finishes as a title within three lines joins
    const unfinished = run(page('某某市住房和城乡建设局关于<br/>加强管理', [], BODY));
    expect(unfinished.document.title['zh-Hans']).not.toContain('各区人民政府');
  });
  it('take the block’s own title over a decorated headline above it, and the forwarded document’s over its cover’s headline when the page shows no cover', () => {
    const decorated = Buffer.from(`<html><head><title>上海市房屋管理局</title></head><body><div class="crumb"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></div><h2>关于做好安全生产工作的通知 <small>( 2021年07月23日 )</small></h2><div class="content"><p>某建发〔2021〕476号</p><p>关于做好安全生产工作的通知</p>${BODY.map((l) => `<p>${l}</p>`).join('')}</div></body></html>`);
    const d = run(decorated);
    expect(d.text['zh-Hans'].split('\n')[0]).toBe('某建发〔2021〕476号');
    expect(d.document.addressees.map((a) => a['zh-Hans'])).toEqual(['各区人民政府', '市政府各部门']);
    const rules = ['第一条 为加强建设用地使用权转让管理，制定本细则。', '第二条 本细则所称建设用地使用权转让，是指土地使用权人将建设用地使用权再转移的行为。', '第三条 本细则自2024年8月1日起施行。'];
    const cover = run(page('市规划资源局关于印发《某某市建设用地使用权转让实施细则》的通知', [], ['某某市建设用地使用权转让实施细则', ...rules]));
    expect(cover.document.title['zh-Hans']).toBe('某某市建设用地使用权转让实施细则');
    // the cover's own text on the page: the page is the cover notice
    const shown = run(page('市规划资源局关于印发《某某市建设用地使用权转让实施细则》的通知', [], ['各区规划资源局：', '现将《某某市建设用地使用权转让实施细则》印发给你们，请遵照执行。', '某某市规划和自然资源局', '2024年7月1日', '某某市建设用地使用权转让实施细则', ...rules]));
    expect(shown.document.title['zh-Hans']).toBe('市规划资源局关于印发《某某市建设用地使用权转让实施细则》的通知');
  });
  it('end the document before an interpretation the site put after its date, its heading wrapped over two lines; keep an attachment titled otherwise', () => {
    const interpretation = ['《关于做好安全生产工作的', '通知》解读', '一、出台背景。为贯彻落实上级部署，市住建局起草了本通知。', '二、主要内容。通知共三条，明确了工作要求。'];
    const d = run(page('关于做好安全生产工作的通知', [], [...BODY, ...interpretation]));
    expect(d.text['zh-Hans'].trimEnd().split('\n').at(-1)).toBe('2024年5月10日');
    const attached = run(page('关于做好安全生产工作的通知', [], [...BODY, '附件', '安全生产检查要点', '一、检查范围。全市在建工程项目。']));
    expect(attached.text['zh-Hans'].trimEnd().split('\n').at(-1)).toBe('一、检查范围。全市在建工程项目。');
    // an interpretation the document lists as its attachment is the document's
    const listed = run(page('关于做好安全生产工作的通知', [], [...BODY.slice(0, -2), '附件：安全生产工作政策解读', ...BODY.slice(-2), '安全生产工作政策解读', '问：通知适用于哪些单位？', '答：全市各类生产经营单位。']));
    expect(listed.text['zh-Hans'].trimEnd().split('\n').at(-1)).toBe('答：全市各类生产经营单位。');
  });
  it('keep the adoption note under a title, and date a Party 建议 from it (二〇二五年十二月一日…全体会议通过)', () => {
    const body = ['中国共产党某某市第十二届委员会第九次全体会议深入分析形势，就制定规划提出以下建议。', '一、总体要求。要坚持稳中求进，推动高质量发展，这是做好各项工作的根本遵循。', '二、主要任务。要加快科技创新，建设现代化产业体系，增强发展动能。'];
    const doc = run(page('中共某某市委关于制定国民经济和社会发展第十五个五年规划的建议', [], ['（二〇二五年十二月一日中国共产党某某市第十二届委员会第九次全体会议通过）', ...body]));
    expect(doc.text['zh-Hans']).toContain('（二〇二五年十二月一日中国共产党某某市第十二届委员会第九次全体会议通过）');
    expect(doc.document.date).toBe('2025-12-01');
    expect(doc.document.issuer?.['zh-Hans']).toBe('中共某某市委');
  });
  it('read a 公告’s number under its title (财政部 税务总局公告2025年第17号), and no number from prose that cites one', () => {
    const body = ['财政部 税务总局公告2025年第17号', '现将有关政策公告如下：', '一、个人将购买不足2年的住房对外销售的，按照3%的征收率全额缴纳增值税。', '二、本公告自2026年1月1日起施行。', '特此公告。', '财政部 税务总局', '2025年12月20日'];
    const doc = run(page('财政部 税务总局关于个人销售住房增值税政策的公告', [], body));
    // (the cleaner drops the space between Han words, as everywhere in the text)
    expect(doc.document.documentNumber).toBe('财政部税务总局公告2025年第17号');
    const cited = run(page('关于执行增值税政策的通知', [], ['各区税务局：', '按照国家税务总局公告2018年第31号的规定，现就有关事项通知如下：', ...BODY.slice(2)]));
    expect(cited.document.documentNumber).toBeNull();
  });
  it('take the 发文字号 from the file the page links the document as, only when the file is named by it', () => {
    const named = run(page('关于做好安全生产工作的通知', [], BODY, [['某建发〔2024〕12号.pdf', 'a.pdf']]));
    expect(named.document.documentNumber).toBe('某建发〔2024〕12号');
    expect(named.diagnostics.some((d) => d.code === 'segment:number-from-attachment')).toBe(true);
    const withTitle = run(page('关于做好安全生产工作的通知', [['附件下载', '<a href="b.pdf">某建发〔2024〕12号关于做好安全生产工作的通知</a>']], BODY));
    expect(withTitle.document.documentNumber).toBe('某建发〔2024〕12号');
    // a file named by another document's number and title is a cited or earlier document
    const other = run(page('关于做好安全生产工作的通知', [], BODY, [['某建发〔2023〕5号关于印发安全生产考核办法的通知.pdf', 'c.pdf']]));
    expect(other.document.documentNumber).toBeNull();
  });
  it('cut the site’s tag before the title line with the chrome (【已废止】 read as the status, 【市级相关政策】 dropped), and keep a bracket that is the title’s', () => {
    const tagged = run(page('【已废止】关于做好安全生产工作的通知', [], BODY));
    expect(tagged.text['zh-Hans'].split('\n')[0]).toBe('关于做好安全生产工作的通知');
    expect(tagged.document.status).toBe('已废止');
    const category = run(page('【市级相关政策】关于做好安全生产工作的通知', [], BODY));
    expect(category.text['zh-Hans'].split('\n')[0]).toBe('关于做好安全生产工作的通知');
    expect(category.document.status).toBeNull();
    // the edit log still rebuilds the page
    expect(rebuildInput(tagged)).toBe(page('【已废止】关于做好安全生产工作的通知', [], BODY).toString('utf8'));
  });
  it('give the documents table the date the page says it published the document (发布日期), a day of the calendar', () => {
    const published = (rows: [string, string][]) => documentRow('x', run(page('关于做好安全生产工作的通知', rows, BODY)))[TABLES.documents.findIndex((c) => c.name === 'published')];
    expect(published([['发布日期', '2024-05-12 10:30']])).toBe('2024-05-12');
    expect(published([['公开日期', '2024年5月13日']])).toBe('2024-05-13');
    expect(published([['发布日期', '2024-02-31']])).toBeNull();
    expect(published([])).toBeNull();
  });
  it('read the status a site prints under an owned label (文件有效性) or in the row of its expiry (废止日期：有效)', () => {
    expect(run(page('关于做好安全生产工作的通知', [['文件有效性', '现行有效']], BODY)).document.status).toBe('现行有效');
    expect(run(page('关于做好安全生产工作的通知', [['废止日期', '有效']], BODY)).document.status).toBe('有效');
    expect(run(page('关于做好安全生产工作的通知', [['废止日期', '2025-12-31']], BODY)).document.status).toBeNull();
  });
});

describe('pages: the site’s metadata printed after the text (hand-made)', () => {
  const html = (content: string, after = '') =>
    Buffer.from(`<html><head><title>关于做好安全生产工作的通知_某某市人民政府</title></head><body><h1>关于做好安全生产工作的通知</h1><div class="content">${content}</div>${after}<div class="footer">版权所有 某某市人民政府</div></body></html>`);
  const paragraphs = (lines: string[]) => lines.map((l) => `<p>${l}</p>`).join('');
  const metadata = '<table><tr><td>成文日期：</td><td>2024年05月10日</td><td>发布日期：</td><td>2024年05月14日</td></tr><tr><td>发文机关：</td><td>某某市住房和城乡建设局</td><td>有效性：</td><td>有效</td></tr></table>';
  const lastLine = (d: ReturnType<typeof run>) => d.text['zh-Hans'].trimEnd().split('\n').at(-1);
  // a text longer than the head where a metadata block is looked for (rules/page-metadata.ts: 40 lines)
  const long = [...BODY.slice(0, 2), ...Array.from({ length: 40 }, (_, i) => `（${i + 1}）各区要按照职责分工，做好本区第${i + 1}批项目的组织实施工作。`), ...BODY.slice(2)];
  it('end the document at its date, not at a date of the site’s metadata table below it, inside the text’s block or after it', () => {
    for (const page of [html(paragraphs(long) + metadata), html(paragraphs(long), metadata)]) {
      const d = run(page);
      expect(lastLine(d)).toBe('2024年5月10日');
      expect(d.text['zh-Hans']).not.toContain('发布日期');
      expect(d.document.date).toBe('2024-05-10');
    }
  });
  it('still keep a signature and date the site printed just after the block, and an attachment table whose header row is labels side by side', () => {
    const outside = run(html(paragraphs(BODY.slice(0, -2)), `<p>${BODY.at(-2)}</p><p>${BODY.at(-1)}</p>`));
    expect(lastLine(outside)).toBe('2024年5月10日');
    expect(outside.document.issuer?.['zh-Hans']).toBe('某某市住房和城乡建设局');
    const table = '<table><tr><td>序号</td><td>文件名称</td><td>文号</td><td>发布日期</td></tr><tr><td>1</td><td>关于加强建筑施工安全管理的通知</td><td>某建发〔2020〕3号</td><td>2020年3月1日</td></tr></table>';
    const listed = run(html(paragraphs([...BODY, '附件', '继续有效的文件目录']) + table));
    expect(lastLine(listed)).toBe('1 | 关于加强建筑施工安全管理的通知 | 某建发〔2020〕3号 | 2020年3月1日');
  });
});

describe('pages: a toolbar at the top of the text’s block (hand-made)', () => {
  const toolbar = '<p>【字体：<a href="javascript:z(18)">大</a> <a href="javascript:z(16)">中</a> <a href="javascript:z(14)">小</a>】</p>';
  const html = (headline: string, lines: string[]) =>
    Buffer.from(`<html><head><title>某某市人民政府</title></head><body><div class="tt">${headline}</div><div class="content">${toolbar}${lines.map((l) => `<p>${l}</p>`).join('')}</div><div class="footer">版权所有 某某市人民政府</div></body></html>`);
  const decree = ['某某市人民政府令', '第12号', '《某某市城市绿化管理办法》已经2024年4月28日市人民政府第35次常务会议通过，现予公布，自2024年7月1日起施行。', '市长　王某某', '2024年5月10日', '某某市城市绿化管理办法', '第一条　为了促进城市绿化事业的发展，改善生态环境，制定本办法。', '第二条　本办法适用于本市城市规划区内的城市绿化工作。', '第三条　本办法自2024年7月1日起施行。'];
  it('is passed over when the block opens with the document’s own header (a decree’s): the headline above is the site’s', () => {
    const d = run(html('某某市城市绿化管理办法', decree));
    expect(d.text['zh-Hans'].split('\n')[0]).toBe('某某市人民政府令');
    expect(d.document.documentNumber).toBe('某某市人民政府令第12号');
  });
  it('and a headline above a block of plain text after the toolbar stays its title', () => {
    const d = run(html('关于做好安全生产工作的通知', BODY));
    expect(d.text['zh-Hans'].split('\n')[0]).toBe('关于做好安全生产工作的通知');
    expect(d.document.title['zh-Hans']).toBe('关于做好安全生产工作的通知');
  });
});

describe('pages: a headline broken by <br> (hand-made)', () => {
  const html = (headline: string, lines: string[]) =>
    Buffer.from(`<html><head><title>某某市人民政府</title></head><body><div class="crumb"><a href="/">首页</a> &gt; <a href="/zc">政策文件</a></div>${headline}<div class="content">${lines.map((l) => `<p>${l}</p>`).join('')}</div><div class="footer">版权所有 某某市人民政府</div></body></html>`);
  const h1 = '<h1>某某市住房和城乡建设局关于做好<br>全市建筑施工安全生产工作的通知</h1>';
  it('is one headline in a heading element, when the page’s <title> is only the site’s name', () => {
    const d = run(html(h1, BODY));
    expect(d.document.title['zh-Hans']).toBe('某某市住房和城乡建设局关于做好全市建筑施工安全生产工作的通知');
    // the block's own title over two lines repeats it: kept once, from the block
    const repeated = run(html(h1, ['某某市住房和城乡建设局关于做好', '全市建筑施工安全生产工作的通知', ...BODY]));
    expect(repeated.document.title['zh-Hans']).toBe('某某市住房和城乡建设局关于做好全市建筑施工安全生产工作的通知');
    expect(repeated.text['zh-Hans'].split('全市建筑施工安全生产工作的通知').length).toBe(2);
    expect(repeated.document.addressees.map((a) => a['zh-Hans'])).toEqual(['各区人民政府', '市政府各部门']);
  });
  it('but an organ’s name over a title in a centred cell is not joined to it', () => {
    const d = run(html('<table><tr><td align="center">某某市住房和城乡建设局<br>关于做好全市建筑施工安全生产工作的通知</td></tr></table>', BODY));
    expect(d.document.title['zh-Hans']).toBe('关于做好全市建筑施工安全生产工作的通知');
  });
});

describe('pages: what the page hides (hand-made)', () => {
  const html = (content: string, before = '') =>
    Buffer.from(`<html><head><title>关于做好安全生产工作的通知_某某市人民政府</title></head><body>${before}<h1>关于做好安全生产工作的通知</h1><div class="content">${content}</div><div class="footer">版权所有 某某市人民政府</div></body></html>`);
  const p = (lines: string[], style = '') => lines.map((l) => `<p${style}>${l}</p>`).join('');
  it('is no part of the document: a crawler’s copy of the title and number above the text, a print copy of a paragraph inside it', () => {
    const crawler = '<div style="display:none">关于做好安全生产工作的通知，某建发〔2024〕12号，某某市住房和城乡建设局，有效。</div>';
    const d = run(html(crawler + p(BODY.slice(0, 3)) + `<div hidden>${BODY[2]}</div>` + p(BODY.slice(3))));
    expect(d.text['zh-Hans']).not.toContain('某建发');
    expect(d.text['zh-Hans'].split('一、加强组织领导').length).toBe(2);
    expect(d.text['zh-Hans'].trimEnd().split('\n').at(-1)).toBe('2024年5月10日');
  });
  it('while a shown element stays (display:block, visibility:visible), and a collapsed metadata block is still read', () => {
    const shown = run(html(p(BODY, ' style="display: block; visibility: visible"')));
    expect(shown.text['zh-Hans']).toContain('一、加强组织领导');
    const collapsed = run(html(p(BODY), '<div class="more" style="display:none"><p>索引号：000014349/2024-00031</p><p>有效性：有效</p></div>'));
    expect(collapsed.document.status).toBe('有效');
    expect(collapsed.text['zh-Hans']).not.toContain('索引号');
  });
});

describe('pages: a label over the text and the metadata table above it (hand-made)', () => {
  const table = '<table class="xxgk"><tr><td>标题：</td><td>关于做好安全生产工作的通知</td></tr><tr><td>发文字号：</td><td>某建发〔2024〕12号</td></tr><tr><td>成文日期：</td><td>2024年5月10日</td></tr></table>';
  const html = (above: string, content: string[]) =>
    Buffer.from(`<html><head><title>关于做好安全生产工作的通知_某某市人民政府</title></head><body>${above}<div class="content">${content.map((l) => `<p>${l}</p>`).join('')}</div><div class="footer">版权所有 某某市人民政府</div></body></html>`);
  it('drop a label naming the text (正文：) and the metadata value above it (发文字号： | 某建发〔2024〕12号): the text opens with its title', () => {
    const d = run(html(table, ['正文：', '关于做好安全生产工作的通知', ...BODY]));
    expect(d.text['zh-Hans'].split('\n')[0]).toBe('关于做好安全生产工作的通知');
    expect(d.text['zh-Hans']).not.toMatch(/正文：|发文字号/u);
    expect(d.document.documentNumber).toBe('某建发〔2024〕12号');
    expect(d.document.addressees.map((a) => a['zh-Hans'])).toEqual(['各区人民政府', '市政府各部门']);
  });
  it('keep a short 主送机关 that opens the block (各单位：), and a 发文字号 printed above the headline', () => {
    const d = run(html('<h1>关于做好安全生产工作的通知</h1>', ['各单位：', ...BODY.slice(1)]));
    expect(d.document.addressees.map((a) => a['zh-Hans'])).toEqual(['各单位']);
    const numbered = run(html('<p>某建发〔2024〕12号</p><h1>关于做好安全生产工作的通知</h1>', BODY));
    expect(numbered.text['zh-Hans'].split('\n')[0]).toBe('某建发〔2024〕12号');
    expect(numbered.document.documentNumber).toBe('某建发〔2024〕12号');
  });
});

describe('pages: a download row over the text and a number the site repeats (hand-made)', () => {
  const html = (above: string, content: string[]) =>
    Buffer.from(`<html><head><title>关于做好安全生产工作的通知_某某市人民政府</title></head><body>${above}<div class="content">${content.map((l) => `<p>${l}</p>`).join('')}</div><div class="footer">版权所有 某某市人民政府</div></body></html>`);
  const own = ['关于做好安全生产工作的通知', '某建发〔2024〕12号', ...BODY];
  it('leave a 附件下载 row at the top of the block out of the text (its file is an attachment link)', () => {
    const d = run(html('<h1>关于做好安全生产工作的通知</h1>', ['附件下载：<a href="/f/a.pdf">关于做好安全生产工作的通知.pdf</a>', ...own]));
    expect(d.text['zh-Hans'].split('\n')[0]).toBe('关于做好安全生产工作的通知');
    expect(d.document.title['zh-Hans']).toBe('关于做好安全生产工作的通知');
    expect(d.attachmentLinks.map((a) => a.text)).toEqual(['关于做好安全生产工作的通知.pdf']);
    // the document's own 附件说明 with its file linked, before the signature, stays
    const listed = run(html('<h1>关于做好安全生产工作的通知</h1>', [...own.slice(0, -2), '附件：<a href="/f/b.pdf">1.安全生产检查要点.pdf</a>', ...own.slice(-2)]));
    expect(listed.text['zh-Hans']).toContain('附件：1.安全生产检查要点.pdf');
  });
  it('keep the number once when the site prints it under its headline and the block’s head prints it too', () => {
    const d = run(html('<table><tr><td align="center">关于做好安全生产工作的通知</td></tr><tr><td align="center">某建发〔2024〕12号</td></tr></table>', own));
    expect(d.text['zh-Hans'].split('某建发〔2024〕12号').length).toBe(2);
    expect(d.text['zh-Hans'].split('\n')[0]).toBe('关于做好安全生产工作的通知');
    expect(d.document.documentNumber).toBe('某建发〔2024〕12号');
  });
});

describe('pages: a date printed right after the text’s block (hand-made)', () => {
  const html = (content: string[], after: string) =>
    Buffer.from(`<html><head><title>关于做好安全生产工作的通知_某某市人民政府</title></head><body><h1>关于做好安全生产工作的通知</h1><div class="content">${content.map((l) => `<p>${l}</p>`).join('')}</div><div align="right">${after}</div><div class="footer">版权所有 某某市人民政府</div></body></html>`);
  const lastLine = (d: ReturnType<typeof run>) => d.text['zh-Hans'].trimEnd().split('\n').at(-1);
  it('is the site’s publication date when the block is dated already and does not end with a signature', () => {
    const d = run(html(BODY, '2024年5月14日'));
    expect(lastLine(d)).toBe('2024年5月10日');
    expect(d.document.date).toBe('2024-05-10');
  });
  it('is the document’s when the block ends with its signature, or holds no date of its own', () => {
    const signed = run(html(BODY.slice(0, -1), '2024年5月10日'));
    expect(lastLine(signed)).toBe('2024年5月10日');
    expect(signed.document.date).toBe('2024-05-10');
    const undated = run(html(BODY.slice(0, -2), '2024年5月10日'));
    expect(lastLine(undated)).toBe('2024年5月10日');
    expect(undated.document.date).toBe('2024-05-10');
  });
});

describe('pages: the site’s rows at the top of the text’s block, without links (hand-made)', () => {
  const html = (content: string[]) =>
    Buffer.from(`<html><head><title>关于做好安全生产工作的通知_某某市人民政府</title></head><body><h1>关于做好安全生产工作的通知</h1><div class="content">${content.map((l) => `<p>${l}</p>`).join('')}</div><div class="footer">版权所有 某某市人民政府</div></body></html>`);
  it('leave a 来源 / 字号 row and a font-size control out of the text', () => {
    const d = run(html(['【字体：<span>大</span> <span>中</span> <span>小</span>】', '来源：某某市住房和城乡建设局　字号：<span>大</span> <span>中</span> <span>小</span>', '关于做好安全生产工作的通知', ...BODY]));
    expect(d.text['zh-Hans'].split('\n')[0]).toBe('关于做好安全生产工作的通知');
    expect(d.text['zh-Hans']).not.toMatch(/字体|来源/u);
    expect(d.document.addressees.map((a) => a['zh-Hans'])).toEqual(['各区人民政府', '市政府各部门']);
  });
  it('but keep a first line that is no metadata row: a 主送机关, a contact line', () => {
    const d = run(html(['联系人：王某某，联系电话：0571-12345678', ...BODY]));
    expect(d.text['zh-Hans']).toContain('联系人：王某某');
  });
});
