/**
 * Files as inputs (PDF, DOCX, DOC, WPS, XLSX): the layout of a PDF's text
 * layer on synthetic glyph runs and on PDFs built here, Word numbering, the
 * bad files, and the real files of ../shared/corpus/files against gold
 * labels written by reading them (test/fixtures/files/gold.json).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBatch } from '../pipeline/batch.js';
import { describe, expect, it } from 'vitest';
import { chineseNumber, formatNumber, labelNumbering, readNumbering } from '../pipeline/lib/files/docx-numbering.js';
import { layoutText, pageLines, type PageRuns, type TextRun } from '../pipeline/lib/files/pdf-layout.js';
import { sniffFile } from '../pipeline/lib/files/sniff.js';
import { tabbedTextToHtml } from '../pipeline/lib/files/word.js';
import { CELL_SEPARATOR } from '../pipeline/lib/lines.js';
import { rebuildInput } from '../pipeline/lib/tracked-text.js';
import { processDocument, processFile, type ProcessResult } from '../pipeline/pipeline.js';
import type { GongwenDocument, Section } from '../pipeline/schema-types.js';
import { emptyPdf, encryptedPdf, textPdf } from '../bench/pdf-build.js';
import { buildDocx } from './helpers/docx.js';
import { ROOT, SHARED } from './helpers/paths.js';

/** Runs of one line: each character its own run, one em wide, as a typesetter places Chinese. */
function line(text: string, x: number, y: number, size = 16): TextRun[] {
  return [...text].map((ch, i) => ({ str: ch, x: x + i * size, y, width: size, size }));
}
/** A page of 公文 lines: 28 characters a line from x = 80 (right edge 528), 28 pt apart. */
function page(number: number, lines: TextRun[][]): PageRuns {
  return { number, width: 595, height: 842, runs: lines.flat() };
}
const FULL = '为进一步促进房地产市场健康发展贯彻落实好住房限购政策经市政府同意我局'; // 34 characters
const body = (n: number) => FULL.slice(0, n);
/** The table rows of a document's clean text: the lines with the cell separator. */
const tableRows = (doc: GongwenDocument): string[] => doc.text['zh-Hans'].split('\n').filter((l) => l.includes(CELL_SEPARATOR));

describe('PDF layout: lines', () => {
  it('joins Chinese without spaces, keeps spaces between Latin words and numbers, and reads Word’s autospace as none', () => {
    const runs: TextRun[] = [
      { str: '截至', x: 80, y: 700, width: 32, size: 16 },
      // a quarter em before a number: Word's autospace, no space in the text
      { str: '2024', x: 116, y: 700, width: 32, size: 16 },
      { str: '年', x: 152, y: 700, width: 16, size: 16 },
      { str: 'Cyber', x: 80, y: 670, width: 40, size: 16 },
      { str: 'Security', x: 124, y: 670, width: 60, size: 16 },
      { str: '1', x: 190, y: 670, width: 8, size: 16 },
    ];
    expect(pageLines(runs).map((l) => l.text)).toEqual(['截至2024年', 'Cyber Security 1']);
  });

  it('reads a run drawn twice on itself (fake bold) once, and a baseline a little off as the same line', () => {
    const runs: TextRun[] = [
      { str: '关于印发', x: 200, y: 700, width: 88, size: 22 },
      { str: '关于印发', x: 200.4, y: 700.3, width: 88, size: 22 },
      { str: '的通知', x: 288, y: 701.5, width: 66, size: 22 },
    ];
    expect(pageLines(runs).map((l) => l.text)).toEqual(['关于印发的通知']);
  });

  it('makes a line with three or more cells two characters apart a table row with the HTML rows’ separator', () => {
    const runs = [...line('序号', 80, 700), ...line('重点任务', 160, 700), ...line('责任单位', 300, 700), ...line('市发改委', 80, 660), ...line('牵头', 180, 660)];
    expect(pageLines(runs).map((l) => l.text)).toEqual([['序号', '重点任务', '责任单位'].join(CELL_SEPARATOR), '市发改委 牵头']);
  });
});

describe('PDF layout: paragraphs and page furniture', () => {
  const head = () => line('某某市人民政府规章', 80, 800, 12);
  const foot = (n: number) => line(`— ${n} —`, 280, 50, 12);

  it('starts a paragraph at an indent, after a short line, at a heading marker; runs one on across a page break', () => {
    const doc = layoutText([
      page(1, [
        head(),
        line('关于明确住房限购政策的通知', 120, 740, 22),
        line(body(26), 112, 680), // indented two characters: a new paragraph
        line(body(28), 80, 652),
        line(body(10), 80, 624), // short: ends it
        line(body(26), 112, 596),
        line(body(28), 80, 568), // full at the foot of the page: runs on
        foot(1),
      ]),
      page(2, [head(), line(body(12), 80, 760), line('一、总体要求', 112, 732), line(body(26), 112, 704), foot(2)]),
    ]);
    const paragraphs = doc.text.split('\n').filter((l) => l !== '');
    // furniture stays in the raw text, in reading order; the cleaner removes it
    expect(paragraphs).toEqual([
      '某某市人民政府规章',
      '关于明确住房限购政策的通知',
      body(26) + body(28) + body(10),
      body(26) + body(28),
      '— 1 —',
      '某某市人民政府规章',
      body(12),
      '一、总体要求',
      body(26),
      '— 2 —',
    ]);
    const removed = doc.furniture.map((f) => doc.text.slice(f.start, f.end));
    expect(removed).toEqual(['某某市人民政府规章\n', '\n— 1 —\n某某市人民政府规章\n', '— 2 —\n']);
    // without the furniture the paragraph across the page break is one line
    let clean = doc.text;
    for (const f of [...doc.furniture].reverse()) clean = clean.slice(0, f.start) + f.replacement + clean.slice(f.end);
    expect(clean.split('\n')).toContain(body(26) + body(28) + body(12));
    // its blocks: one per page, each with the page's part of the text
    const across = doc.blocks.filter((b) => doc.text.slice(b.start, b.end) === body(12) || doc.text.slice(b.start, b.end) === body(26) + body(28));
    expect(across.map((b) => b.page)).toEqual([1, 2]);
    const first = doc.blocks.find((b) => doc.text.slice(b.start, b.end) === '关于明确住房限购政策的通知')!;
    expect(first.page).toBe(1);
    expect(first.bbox[0]).toBe(120);
    expect(first.bbox[1]).toBeCloseTo(842 - 740 - 0.88 * 22, 5);
  });

  it('removes page numbers in every form, and a line repeated on half the pages in the head or foot band, but not a repeated body line', () => {
    const pages = ['第1页 共3页', '- 2 -', '3/3'].map((n, i) =>
      page(i + 1, [line('附件', 80, 790), line('一、总体要求', 112, 600), line(n, 280, 40, 12)]),
    );
    const doc = layoutText(pages);
    expect(doc.furniture.map((f) => f.text)).toEqual(['附件', '第1页 共3页', '附件', '- 2 -', '附件', '3/3']);
    // 一、总体要求 is on every page too, but in the body: kept
    expect(doc.blocks.filter((b) => doc.text.slice(b.start, b.end) === '一、总体要求')).toHaveLength(3);
  });

  it('puts an item number set centred beside its two lines (a FAQ question in a cell) at the start of the item, one paragraph', () => {
    const q = (n: string, y: number) => [
      ...line(n, 67, y - 10, 14),
      ...line('雇员的雇佣期横跨新规定适用前后，应如何确定其', 106, y, 14),
      ...line('雇佣合约是否属连续性合约？', 106, y - 20, 14),
      ...line(body(28), 54, y - 56, 14),
    ];
    const doc = layoutText([page(1, [q('3', 700), q('4', 560)])]);
    const paragraphs = doc.text.split('\n').filter((l) => l !== '');
    expect(paragraphs).toEqual([
      '3 雇员的雇佣期横跨新规定适用前后，应如何确定其雇佣合约是否属连续性合约？',
      body(28),
      '4 雇员的雇佣期横跨新规定适用前后，应如何确定其雇佣合约是否属连续性合约？',
      body(28),
    ]);
  });

  it('leaves a number alone when it is not centred beside two lines of one left edge', () => {
    // level with neither line (a 2 between two paragraphs), and between lines that start apart
    const apart = layoutText([page(1, [line(body(20), 80, 700), line('2', 60, 672), line(body(20), 80, 644)])]);
    expect(apart.text.split('\n').filter((l) => l !== '')).toEqual([body(20), '2', body(20)]);
    const edges = layoutText([page(1, [line(body(20), 112, 700, 14), line('2', 60, 690, 14), line(body(20), 80, 680, 14)])]);
    expect(edges.text).not.toContain('2 ');
  });

  it('removes a foot line whose page number is centred and a date stands at its side (2 … 09/2025), not a table row starting with its number', () => {
    const foot = (n: number) => [...line(String(n), 295, 25, 10), ...line('09/2025', 497, 24, 8)];
    const doc = layoutText([page(1, [line('一、总体要求', 112, 700), foot(1)]), page(2, [line(body(20), 80, 700), line('二、主要任务', 112, 672)])]);
    expect(doc.furniture.map((f) => f.text)).toEqual(['1 09/2025']);
    const row = layoutText([page(1, [line('一、总体要求', 112, 700), [...line('3', 60, 60, 12), ...line('建设算力平台', 120, 60, 12), ...line('市发改委', 400, 60, 12)]])]);
    expect(row.furniture).toEqual([]);
  });

  it('is linear in the number of runs (2000 pages)', () => {
    // with a number centred beside two lines on every page (the FAQ's questions)
    const make = (n: number) => Array.from({ length: n }, (_, i) => page(i + 1, [head(), ...Array.from({ length: 20 }, (_, j) => line(body(28), j % 5 === 0 ? 112 : 80, 760 - j * 28)), line('3', 60, 760 - 2 * 28 - 14), foot(i + 1)]));
    const time = (n: number) => {
      const pages = make(n);
      const start = performance.now();
      layoutText(pages);
      return performance.now() - start;
    };
    time(100);
    const small = time(200);
    const large = time(2000);
    expect(large / small).toBeLessThan(25);
  });
});

describe('PDF tables whose cells wrap', () => {
  // a 重点任务分工表 as Word sets one: header labels centred over their columns, cells set from the
  // column's left edge at the row's top, wrapped at the column's width (pitch 16), rows 6 points of padding
  // apart; columns start at 104, 304, 394, 484
  const cell = (x: number, top: number, lines: string[]): [number, number, number, string][] => lines.map((t, i) => [x, top - 16 * i, 12, t]);
  const taskTable = (): Buffer =>
    textPdf([
      [
        [120, 760, 18, '某某市数据要素工作重点任务分工表'],
        [58, 700, 12, '序号'], [171, 700, 12, '重点任务'], [316, 700, 12, '牵头单位'], [406, 700, 12, '配合单位'], [488, 700, 12, '完成时限'],
        [64, 660, 12, '1'], ...cell(104, 660, ['建立公共数据授权运营机制，', '明确授权范围和运营规则，', '开展试点。']),
        ...cell(304, 660, ['市数据局']), ...cell(394, 660, ['市发展改革', '委、市财政局']), ...cell(484, 660, ['2024年12', '月底前']),
        [64, 600, 12, '2'], ...cell(104, 600, ['推进数据交易场所建设，', '培育数据商。']), ...cell(304, 600, ['市金融局']), ...cell(394, 600, ['市商务局']),
        // a deadline merged over rows 2 and 3
        ...cell(484, 600, ['2025年', '6月', '底前']),
        [64, 562, 12, '3'], ...cell(104, 562, ['开展数据要素应用场景建设，', '每年发布应用场景清单，', '推动数据赋能实体经济。']),
        ...cell(304, 562, ['市工业和信', '息化局']), ...cell(394, 562, ['各区政府']),
        // row 4 runs on to the next page
        [64, 120, 12, '4'], ...cell(104, 120, ['完善数据基础设施，建设城', '市数据资源体系和算力']), ...cell(304, 120, ['市通信管理', '局']),
        [280, 40, 12, '— 1 —'],
      ],
      [
        ...cell(104, 780, ['设施，提升数据流通效率。']), ...cell(394, 780, ['市数据局']), ...cell(484, 780, ['2025年底前']),
        [80, 700, 16, '各责任单位要按照分工抓好落实，每季度报送一次工作进展情况。'],
        [280, 40, 12, '— 2 —'],
      ],
    ]);

  it('rebuilds rows from the runs’ positions: a wrapped cell is one cell, a merged cell 〃 below, a row across a page break one row', async () => {
    const r = await processFile({ bytes: taskTable(), file: 'table.pdf' });
    expect(r.ok).toBe(true);
    const doc = r.document!;
    const rows = tableRows(doc);
    expect(rows).toEqual(
      [
        ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'],
        ['1', '建立公共数据授权运营机制，明确授权范围和运营规则，开展试点。', '市数据局', '市发展改革委、市财政局', '2024年12月底前'],
        ['2', '推进数据交易场所建设，培育数据商。', '市金融局', '市商务局', '2025年6月底前'],
        ['3', '开展数据要素应用场景建设，每年发布应用场景清单，推动数据赋能实体经济。', '市工业和信息化局', '各区政府', '〃'],
        ['4', '完善数据基础设施，建设城市数据资源体系和算力设施，提升数据流通效率。', '市通信管理局', '市数据局', '2025年底前'],
      ].map((cells) => cells.join(CELL_SEPARATOR)),
    );
    // the paragraph under the table is text again, and the page numbers furniture
    expect(doc.text['zh-Hans']).toContain('\n各责任单位要按照分工抓好落实，每季度报送一次工作进展情况。');
    expect(doc.text['zh-Hans']).not.toContain('— 1 —');
    // the rows feed the responsibility notes as HTML rows do, the merged deadline carried down
    expect(doc.responsibilities.map((n) => [n.lead, n.support, n.deadline?.date ?? null])).toEqual([
      [['agency:市数据局'], ['agency:市发展改革委', 'agency:市财政局'], '2024-12-31'],
      [['agency:市金融局'], ['agency:市商务局'], '2025-06-30'],
      [['agency:市工业和信息化局'], ['agencyGroup:各区政府'], '2025-06-30'],
      [['agency:市通信管理局'], ['agency:市数据局'], '2025-12-31'],
    ]);
    // each row is a layout block on its page
    const hans = [...doc.text['zh-Hans']];
    const block = doc.layout!.blocks.find((b) => hans.slice(b.span.start, b.span.end).join('').startsWith('3 | '))!;
    expect(block.page).toBe(1);
    expect(block.bbox[1]).toBeCloseTo(842 - 562 - 0.88 * 12, 1);
  });

  it('reads a real 裁量基准表 of 14 landscape pages as 105 rows of six cells (files-08)', async () => {
    const file = join(SHARED, 'corpus', 'files', 'files-08-beijing-fgw-cailiang.pdf');
    if (!existsSync(file)) return;
    const r = await processFile({ bytes: readFileSync(file), file }, { ocr: false });
    const lines = r.document!.text['zh-Hans'].split('\n');
    const rows = lines.filter((l) => /^C\d{7}[A-Z]\d{3} \| /.test(l));
    // the 105 codes pdfjs's raw text holds, one a row, each with the header's six cells
    expect(rows).toHaveLength(105);
    expect(rows.every((l) => l.split(CELL_SEPARATOR).length === 6)).toBe(true);
    expect(lines).toContain(['编码', '违法行为', '违法行为依据', '行政处罚依据', '裁量情形', '裁量基准'].join(CELL_SEPARATOR));
    // read from pdfjs's raw lines of page 1: each cell's lines joined, the 行政处罚依据 merged over three rows written 〃 below its first
    expect(rows[1]).toBe(
      [
        'C0011400A020',
        '实行核准管理的项目企业未依法办理核准手续开工建设或者未按照核准的建设地点、建设规模、建设内容等进行建设的行为',
        '《企业投资项目核准和备案管理条例》第三条第一款、《企业投资项目核准和备案管理办法》第四条：对关系国家安全、涉及全国重大生产力布局、战略性资源开发和重大公共利益等项目，实行核准管理',
        '〃',
        '一般处罚：对核准的建设地点、规模、内容等做较大变更的',
        // spaces where the PDF draws them apart, as pdfjs reads them: 总投资额 2‰, 处 3, 以上 4 万元
        '对企业处项目总投资额 2‰以上4‰以下的罚款，对直接负责的主管人员和其他直接责任人员处 3万元以上 4 万元以下的罚款',
      ].join(CELL_SEPARATOR),
    );
    // a cell cut by the page break goes on in its row: page 2 opens with the end of row C0011000A010's 行政处罚依据
    expect(rows.find((l) => l.startsWith('C0011000A010'))!.split(CELL_SEPARATOR)[3]).toMatch(/依照前款规定予以处罚；构成犯罪的依法追究刑事责任$/);
  }, 60_000);

  it('is linear in the number of rows (a table over 1000 pages)', () => {
    // 14 rows a page, each with a task wrapped over two lines; the header on the first page only
    const pageOf = (n: number): PageRuns => ({
      number: n, width: 595, height: 842,
      runs: [
        ...(n === 1 ? [...line('序号', 58, 800, 12), ...line('重点任务', 171, 800, 12), ...line('牵头单位', 316, 800, 12)] : []),
        ...Array.from({ length: 14 }, (_, i) => {
          const y = 700 - i * 40;
          return [...line(String(i + 1), 64, y - 8, 12), ...line('建立公共数据', 104, y, 12), ...line('授权运营机制', 104, y - 16, 12), ...line('市数据局', 304, y - 8, 12)];
        }).flat(),
      ],
    });
    const time = (pages: number) => {
      const input = Array.from({ length: pages }, (_, i) => pageOf(i + 1));
      const start = performance.now();
      const text = layoutText(input).text;
      const took = performance.now() - start;
      expect(text.split('\n').filter((l) => l.endsWith(' | 建立公共数据授权运营机制 | 市数据局'))).toHaveLength(14 * pages);
      return took;
    };
    time(50);
    const small = time(100);
    const large = time(1000);
    expect(large / small).toBeLessThan(25);
  }, 60_000);
});

describe('PDF files', () => {
  it('a PDF’s furniture is a page-furniture edit, the raw text is what was read, every paragraph has a block', async () => {
    const pdf = textPdf([
      [
        [80, 780, 12, '某某市人民政府规章'],
        [120, 700, 22, '某某市数据管理办法'],
        [112, 640, 16, '第一条为了规范数据管理，制定本办法。'],
        [280, 40, 12, '— 1 —'],
      ],
      [
        [80, 780, 12, '某某市人民政府规章'],
        [112, 700, 16, '第二条本办法自发布之日起施行。'],
        [280, 40, 12, '— 2 —'],
      ],
    ]);
    const result = await processFile({ bytes: pdf, file: 'rule.pdf' });
    expect(result.ok).toBe(true);
    const doc = result.document!;
    expect(doc.source).toMatchObject({ format: 'pdf', encoding: 'binary', extractor: { name: 'pdfjs-dist' } });
    expect(doc.text['zh-Hans']).not.toMatch(/规章|— 1 —|— 2 —/);
    expect(doc.document.title!['zh-Hans']).toBe('某某市数据管理办法');
    const furniture = doc.cleaning.edits.filter((e) => e.kind.includes('page-furniture')).map((e) => e.before.trim());
    expect(furniture).toEqual(['某某市人民政府规章', '— 1 —\n某某市人民政府规章', '— 2 —']);
    expect(rebuildInput(doc)).toContain('— 1 —\n某某市人民政府规章\n第二条');
    const hans = [...doc.text['zh-Hans']];
    const blocks = doc.layout!.blocks.map((b) => [b.page, hans.slice(b.span.start, b.span.end).join('')]);
    expect(blocks).toEqual([
      [1, '某某市数据管理办法'],
      [1, '第一条为了规范数据管理，制定本办法。'],
      [2, '第二条本办法自发布之日起施行。'],
    ]);
    expect(doc.layout!.pages).toEqual([{ number: 1, width: 595, height: 842 }, { number: 2, width: 595, height: 842 }]);
  });

  it('bad PDFs fail with one clear line: encrypted, zero pages, corrupt, scanned', async () => {
    const reason = async (bytes: Buffer): Promise<string> => {
      const r: ProcessResult = await processFile({ bytes, file: 'x.pdf' }, { ocr: false });
      expect(r.ok).toBe(false);
      const errors = r.diagnostics.filter((d) => d.severity === 'error');
      expect(errors).toHaveLength(1);
      return `${errors[0]!.code}: ${errors[0]!.message}`;
    };
    expect(await reason(encryptedPdf())).toMatch(/^decode:encrypted: encrypted PDF: it needs a password/);
    expect(await reason(emptyPdf())).toMatch(/^decode:no-pages: PDF with zero pages/);
    expect(await reason(Buffer.concat([textPdf([[[80, 700, 16, '通知']]]).subarray(0, 200)]))).toMatch(/^decode:(corrupt|scanned)/);
    expect(await reason(Buffer.from('%PDF-1.7\n%garbage\n'))).toMatch(/^decode:corrupt: corrupt PDF/);
    // a page with no text at all: a scan (with --no-ocr)
    expect(await reason(textPdf([[]]))).toMatch(/^decode:scanned: scanned PDF, no text layer \(1 page of images\): run without --no-ocr/);
  });
});

describe('sniffing by content', () => {
  it('names a file by its bytes, not its extension', async () => {
    expect(sniffFile(Buffer.from('%PDF-1.4\n'))).toBe('pdf');
    expect(sniffFile(Buffer.from('{\\rtf1\\ansi 通知}'))).toBe('rtf');
    expect(sniffFile(Buffer.from('<html><body><p>通知</p></body></html>'))).toBeNull();
    // a .doc that is really HTML (as some sites save Word files) is read as HTML
    const html = Buffer.from('<html><body><p>某某市人民政府关于做好数据管理工作的通知</p><p>各区县人民政府：</p><p>一、总体要求</p><p>做好数据管理工作。</p></body></html>');
    const r = await processFile({ bytes: html, file: 'notice.doc' });
    expect(r.ok).toBe(true);
    expect(r.document!.source.format).toBe('html');
    expect(r.document!.document.title!['zh-Hans']).toBe('某某市人民政府关于做好数据管理工作的通知');
    const rtf = await processFile({ bytes: Buffer.from('{\\rtf1\\ansi 通知}'), file: 'notice.doc' });
    expect(rtf.diagnostics.map((d) => d.code)).toEqual(['decode:unsupported']);
  });
});

describe('Word', () => {
  it('formats Word counters', () => {
    expect([1, 10, 11, 20, 21, 105, 110].map(chineseNumber)).toEqual(['一', '十', '十一', '二十', '二十一', '一百零五', '一百一十']);
    expect(formatNumber(5, 'chineseCounting')).toBe('五');
    expect(formatNumber(12, 'chineseLegalSimplified')).toBe('拾贰');
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(28, 'upperLetter')).toBe('BB');
    expect(formatNumber(14, 'lowerRoman')).toBe('xiv');
    expect(formatNumber(2, 'ideographTraditional')).toBe('乙');
  });

  it('writes list numbering as text: levels, restarts, start overrides, styles; bullets get none', () => {
    const lvl = (i: number, fmt: string, text: string, start = 1) =>
      `<w:lvl w:ilvl="${i}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
    const numbering = readNumbering(
      `<w:numbering><w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}</w:abstractNum>` +
        `<w:abstractNum w:abstractNumId="1">${lvl(0, 'bullet', '•')}</w:abstractNum>` +
        `<w:abstractNum w:abstractNumId="2">${lvl(0, 'chineseCounting', '第%1章', 5)}</w:abstractNum>` +
        `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
        `<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num></w:numbering>`,
      '<w:styles><w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>',
    );
    const p = (ppr: string, text: string) => `<w:p><w:pPr>${ppr}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const num = (id: number, level: number) => `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${id}"/></w:numPr>`;
    const xml = [
      p(num(1, 0), '总体要求'),
      p(num(1, 1), '指导思想'),
      p(num(1, 1), '主要目标'),
      p('<w:pStyle w:val="H1"/>', '重点任务'),
      p(num(1, 1), '建设平台'),
      p(num(2, 0), '要点'),
      p(num(3, 0), '法律责任'),
      p('', '正文'),
    ].join('');
    const text = labelNumbering(xml, numbering).replace(/<w:pPr>[\s\S]*?<\/w:pPr>/g, '').replace(/<[^>]+>/g, '');
    expect(text).toBe('一、总体要求（一）指导思想（二）主要目标二、重点任务（一）建设平台要点第五章 法律责任正文');
  });

  it('a DOCX whose chapters Word numbers gives the chapters the PDF prints', async () => {
    const file = join(SHARED, 'corpus', 'files', 'files-28-beijing-gz-dizhen.docx');
    if (!existsSync(file)) return;
    const r = await processFile({ bytes: readFileSync(file), file });
    expect(r.document!.sections.map((s) => s.marker)).toEqual(['第一章', '第二章', '第三章', '第四章', '第五章', '第六章']);
    expect(r.document!.sections[4]!.heading!['zh-Hans']).toBe('法律责任');
  });

  it('reads word-extractor’s tabbed rows as table rows, other lines as paragraphs', () => {
    const html = tabbedTextToHtml('附件1\n\n评价指标\n一级指标\t二级指标\t评分\t\n一、规划布局\n（12分）\t规划科学\t5\t\n说明');
    expect(html).toBe(
      '<p>附件1</p>\n<p>评价指标</p>\n<table>\n<tr><td>一级指标</td><td>二级指标</td><td>评分</td></tr>\n<tr><td>一、规划布局<br>（12分）</td><td>规划科学</td><td>5</td></tr>\n</table>\n<p>说明</p>',
    );
  });
});

describe('titles as files set them', () => {
  const titleOf = (text: string): string | undefined => processDocument({ bytes: Buffer.from(text), file: 'x.txt' }).document?.document.title?.['zh-Hans'];
  const body = '为做好相关工作，现就有关事项通知如下：\n一、总体要求\n各单位要认真贯彻落实。';

  it('a joint title still short of its 文种 after three lines runs on (to five), and a draft mark under it belongs to it', () => {
    // as files-27 sets it: each organ a line, the subject over two more, the draft mark under it
    expect(titleOf(`某某省住房和城乡建设厅\n某某省住房公积金管理局\n关于提取住房公积金支付购买\n新建商品住房首付款的通知\n（征求意见稿）\n各市县住房和城乡建设局：\n${body}`)).toBe(
      '某某省住房和城乡建设厅某某省住房公积金管理局关于提取住房公积金支付购买新建商品住房首付款的通知（征求意见稿）',
    );
    // a title that has its 文种 by the third line ends there: the next line is the text's
    expect(titleOf(`某某市人民政府办公室\n关于做好数据管理工作\n的通知\n某某市数据管理工作要点\n${body}`)).toBe('某某市人民政府办公室关于做好数据管理工作的通知');
    // without 关于/转发/印发 a title is not read past three lines
    expect(titleOf(`某某市\n数据\n管理\n工作\n要点\n${body}`)).toBe('某某市数据管理');
  });

  it('a bracket naming a draft or version ends a title, however long; a note on how it was adopted does not', () => {
    expect(titleOf(`某某市商品房预售资金监督管理办法\n（2023年修订版 公开征求意见稿）\n第一条 为了规范管理，制定本办法。`)).toBe('某某市商品房预售资金监督管理办法（2023年修订版公开征求意见稿）');
    expect(titleOf(`某某市商品房预售资金监督管理办法\n（2023年1月5日某某市人民政府第3号令公布 自2023年3月1日起施行）\n第一条 为了规范管理，制定本办法。`)).toBe('某某市商品房预售资金监督管理办法');
  });

  it('a table row under a title is not a title line', () => {
    const html = '<html><body><p>某某市商业街评价指标体系</p><table><tr><td>一级指标</td><td>二级指标</td><td>评分标准</td></tr><tr><td>一、规划布局</td><td>规划科学</td><td>编制方案，得2分。</td></tr></table></body></html>';
    expect(processDocument({ bytes: Buffer.from(html), file: 'x.html' }).document?.document.title?.['zh-Hans']).toBe('某某市商业街评价指标体系');
  });
});

describe('a DOCX and a PDF of the same 公文 with a task table', () => {
  // the corpus's five twins (规章) carry no 责任单位 note, so their notes agree vacuously: this pair has notes in
  // a sentence and in a table whose cells the PDF wraps
  const title = '某某市人民政府办公室关于印发数据要素重点任务分工方案的通知';
  const table = [
    ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'],
    ['1', '推进数据交易场所建设，培育数据商', '市金融局', '市商务局、市市场监管局', '2025年6月底前'],
    ['2', '开展数据要素应用场景建设', '市工业和信息化局', '各区政府', '2025年12月底前'],
  ];
  const opening = '现将《某某市数据要素重点任务分工方案》印发给你们，请结合本地区本部门实际，认真贯彻落实。';
  const aim = '到2025年底，基本建成统一开放、活跃高效、安全有序的数据要素市场体系，数据要素对经济社会发展的放大、叠加、倍增作用充分显现，数据要素市场交易规模明显扩大，培育一批数据商和第三方专业服务机构。';
  const note = '（一）建立公共数据授权运营机制（责任单位：市数据局、市财政局）';
  const docx = () =>
    buildDocx([title, '各区人民政府，市政府各委、办、局：', opening, '一、总体要求', aim, '二、重点任务', note, table, '某某市人民政府办公室', '2024年3月1日']);
  // a paragraph as a 公文 sets it: 16-point characters, the first line indented two (26 a line), the others 28 from the margin
  let y = 680;
  const set = (text: string, indent = true): [number, number, number, string][] => {
    const lines: [number, number, number, string][] = [];
    for (let at = 0, first = indent; at < text.length; first = false) {
      const n = first ? 26 : 28;
      lines.push([first ? 112 : 80, y, 16, text.slice(at, at + n)]);
      at += n;
      y -= 28;
    }
    return lines;
  };
  const cell = (x: number, top: number, lines: string[]): [number, number, number, string][] => lines.map((t, i) => [x, top - 16 * i, 12, t]);
  const pdf = () => {
    y = 680;
    return textPdf([
      [
        [143.5, 760, 22, '某某市人民政府办公室关于印发'], [132.5, 728, 22, '数据要素重点任务分工方案的通知'],
        ...set('各区人民政府，市政府各委、办、局：', false), ...set(opening), ...set('一、总体要求'), ...set(aim), ...set('二、重点任务'),
        // the note runs on to a second line
        ...set(note),
        [58, 300, 12, '序号'], [171, 300, 12, '重点任务'], [316, 300, 12, '牵头单位'], [406, 300, 12, '配合单位'], [488, 300, 12, '完成时限'],
        [64, 260, 12, '1'], ...cell(104, 260, ['推进数据交易场所建设，', '培育数据商']), ...cell(304, 260, ['市金融局']), ...cell(394, 260, ['市商务局、市市', '场监管局']), ...cell(484, 260, ['2025年6月', '底前']),
        [64, 210, 12, '2'], ...cell(104, 210, ['开展数据要素应用场景', '建设']), ...cell(304, 210, ['市工业和信', '息化局']), ...cell(394, 210, ['各区政府']), ...cell(484, 210, ['2025年12', '月底前']),
        [300, 150, 16, '某某市人民政府办公室'], [330, 130, 16, '2024年3月1日'],
      ],
    ]);
  };

  it('gives the same title, date, headings, table rows and notes from either file', async () => {
    const fromDocx = (await processFile({ bytes: docx(), file: 'plan.docx' })).document!;
    const fromPdf = (await processFile({ bytes: pdf(), file: 'plan.pdf' })).document!;
    for (const doc of [fromDocx, fromPdf]) {
      expect(doc.document.title?.['zh-Hans']).toBe(title);
      expect(doc.document.date).toBe('2024-03-01');
      expect(doc.sections.map((s) => `${s.marker}${s.heading?.['zh-Hans'] ?? ''}`)).toEqual(['一、总体要求', '二、重点任务']);
      expect(tableRows(doc)).toEqual(table.map((r) => r.join(CELL_SEPARATOR)));
    }
    const notes = (doc: GongwenDocument) => doc.responsibilities.map((n) => [n.text['zh-Hans'], n.lead, n.support, n.deadline?.date ?? null]);
    expect(notes(fromDocx)).toHaveLength(3);
    expect(notes(fromPdf)).toEqual(notes(fromDocx));
  });
});

describe('Excel', () => {
  it('reads a task table’s rows — merged cells as HTML reads a rowspan — into responsibility notes (a real .xlsx made by scripts/make-xlsx-fixture.js)', async () => {
    const file = join(ROOT, 'test', 'fixtures', 'files', 'task-table.xlsx');
    const r = await processFile({ bytes: readFileSync(file), file: 'task-table.xlsx' });
    expect(r.ok).toBe(true);
    const doc = r.document!;
    expect(doc.source).toMatchObject({ format: 'xlsx', extractor: { name: 'exceljs' } });
    // as the generator lays the table out: the title merged over A1:E1, 市金融局 (C4:C5) and 2025年6月底前 (E4:E5) merged down
    const rows = tableRows(doc);
    expect(rows).toEqual(
      [
        ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'],
        ['1', '建立公共数据授权运营机制，明确授权范围和运营规则', '市数据局', '市发展改革委、市财政局', '2024年12月底前'],
        ['2', '推进数据交易场所建设', '市金融局', '市商务局', '2025年6月底前'],
        ['3', '培育数据商和第三方专业服务机构', '〃', '市市场监管局', '〃'],
        // the line break inside the task cell joins its lines (a space between Chinese is none)
        ['4', '完善数据基础设施建设城市算力体系', '市工业和信息化局', '各区政府', ''],
      ].map((cells) => cells.join(CELL_SEPARATOR).trimEnd()),
    );
    expect(doc.text['zh-Hans']).toContain('某某市2024年数据要素重点任务分工表');
    expect(doc.responsibilities.map((n) => [n.lead, n.support, n.deadline?.date ?? null])).toEqual([
      [['agency:市数据局'], ['agency:市发展改革委', 'agency:市财政局'], '2024-12-31'],
      [['agency:市金融局'], ['agency:市商务局'], '2025-06-30'],
      // the merged 牵头单位 and 完成时限 carried down
      [['agency:市金融局'], ['agency:市市场监管局'], '2025-06-30'],
      [['agency:市工业和信息化局'], ['agencyGroup:各区政府'], null],
    ]);
  });
});

describe('a folder of files', () => {
  it('reads its PDFs in worker threads, and lists what it does not read with the reason (hidden files aside)', async () => {
    const src = mkdtempSync(join(tmpdir(), 'gongwen-files-'));
    const out = mkdtempSync(join(tmpdir(), 'gongwen-files-out-'));
    const rule = (n: number): Buffer => textPdf([[[120, 700, 22, `某某市数据管理办法${'一二'[n]}`], [112, 640, 16, '第一条为了规范数据管理，制定本办法。']]]);
    writeFileSync(join(src, 'a.pdf'), rule(0));
    writeFileSync(join(src, 'b.pdf'), rule(1));
    writeFileSync(join(src, 'scan.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    writeFileSync(join(src, '.DS_Store'), 'x');
    const report = await runBatch([src], { out, jobs: 2 });
    expect(report.files).toEqual({ total: 2, ok: 2, skipped: 0, failed: 0 });
    expect(report.notRead).toEqual([{ file: join(src, 'scan.jpg'), reason: 'not a type gongwen reads (.jpg)' }]);
    const doc = JSON.parse(readFileSync(join(out, 'b.json'), 'utf8')) as GongwenDocument;
    expect(doc.document.title!['zh-Hans']).toBe('某某市数据管理办法二');
    expect(report.stageTime.read).toBeGreaterThan(0);
  }, 60_000);
});

// ---- the real files against gold labels written by reading them ----

interface Gold {
  file: string;
  twin?: string;
  title: string;
  date: string | null;
  documentNumber: string | null;
  headings: string[];
  /** Set for a file whose text layer is not usable (a scan's noisy OCR layer): scored apart. */
  textLayer?: string;
}
const FILES = join(SHARED, 'corpus', 'files');
const GOLD = (JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'files', 'gold.json'), 'utf8')) as { documents: Gold[] }).documents;
const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, '').replace(/[“”"]/g, '"');

/** Level-1 headings as compared with the gold: the cover's, else those of the document it forwards. */
function levelOne(doc: GongwenDocument): { marker: string; text: string }[] {
  const of = (sections: Section[]) => sections.map((s) => ({ marker: s.marker ?? '', text: norm((s.marker ?? '') + (s.heading?.['zh-Hans'] ?? '')) }));
  const cover = of(doc.sections);
  return cover.length > 0 || doc.attachments.length === 0 ? cover : of(doc.attachments[0]!.sections);
}
function headingsMatch(gold: string[], out: { marker: string; text: string }[]): boolean {
  if (gold.length !== out.length) return false;
  return gold.every((g, i) => {
    const o = out[i]!;
    const want = norm(g);
    return o.text === want || o.text.startsWith(want) || (want.startsWith(o.text) && o.text.length > o.marker.length);
  });
}

describe.skipIf(!existsSync(FILES))('the files of ../shared/corpus/files', () => {
  const results = new Map<string, Promise<ProcessResult>>();
  const run = (name: string) => {
    // without OCR: OCR of the 9 files that need it takes minutes (measured in README; one OCR test below)
    if (!results.has(name)) results.set(name, processFile({ bytes: readFileSync(join(FILES, name)), file: name }, { ocr: false }));
    return results.get(name)!;
  };

  it('each gives a schema-valid document or one clear failure line', async () => {
    const names = (await import('node:fs')).readdirSync(FILES).filter((n) => n !== 'labels.json').sort();
    expect(names).toHaveLength(36);
    const failures: string[] = [];
    for (const name of names) {
      const r = await run(name);
      if (!r.ok) {
        const errors = r.diagnostics.filter((d) => d.severity === 'error');
        expect(errors, name).toHaveLength(1);
        failures.push(`${name}: ${errors[0]!.code}`);
      }
    }
    // with --no-ocr: the 7 gazette PDFs whose fonts have no Unicode map and the 2 image-only scans
    expect(failures).toEqual([
      ...[16, 17, 18, 19, 20, 21, 22].map((n) => expect.stringMatching(new RegExp(`^files-${n}-.*\\.pdf: decode:unmapped-font$`))),
      ...[23, 24].map((n) => expect.stringMatching(new RegExp(`^files-${n}-.*\\.pdf: decode:scanned$`))),
    ]);
  }, 120_000);

  it('title, 成文日期, 发文字号 and level-1 headings equal the gold on at least 90 % of the files with a usable text layer', async () => {
    const usable = GOLD.filter((g) => !g.textLayer);
    // every file with a usable text layer has gold: the 14 text-layer PDFs, 8 DOCX, 3 DOC and the WPS
    expect(usable).toHaveLength(26);
    const score = { title: 0, date: 0, number: 0, headings: 0 };
    const misses: string[] = [];
    for (const g of GOLD) {
      if (g.textLayer) continue;
      const doc = (await run(g.file)).document!;
      const title = norm(doc.document.title?.['zh-Hans']) === norm(g.title);
      const date = doc.document.date === g.date;
      const number = doc.document.documentNumber === g.documentNumber;
      const headings = headingsMatch(g.headings, levelOne(doc));
      score.title += Number(title);
      score.date += Number(date);
      score.number += Number(number);
      score.headings += Number(headings);
      if (!title) misses.push(`${g.file} title: ${doc.document.title?.['zh-Hans']}`);
      if (!date) misses.push(`${g.file} date: ${doc.document.date}`);
      if (!number) misses.push(`${g.file} number: ${doc.document.documentNumber}`);
      if (!headings) misses.push(`${g.file} headings: ${levelOne(doc).map((h) => h.text.slice(0, 12)).join(' / ')}`);
    }
    // the figures README reports (Files: measured)
    console.log(`files gold (${usable.length}): title ${score.title}, date ${score.date}, number ${score.number}, headings ${score.headings}\n${misses.join('\n')}`);
    for (const k of ['title', 'date', 'number', 'headings'] as const) expect(score[k] / usable.length, k).toBeGreaterThanOrEqual(0.9);
  }, 120_000);

  it('a PDF and the DOCX of the same document agree on title, date, headings and notes', async () => {
    for (const g of GOLD.filter((x) => x.twin)) {
      const pdf = (await run(g.file)).document!;
      const docx = (await run(g.twin!)).document!;
      expect(norm(docx.document.title?.['zh-Hans']), g.twin).toBe(norm(pdf.document.title?.['zh-Hans']));
      expect(docx.document.date, g.twin).toBe(pdf.document.date);
      expect(levelOne(docx).map((h) => h.text), g.twin).toEqual(levelOne(pdf).map((h) => h.text));
      // (the five are 规章 and carry no 责任单位 note: notes agreeing with notes is tested on a pair with a task table above)
      expect(docx.responsibilities.map((n) => norm(n.text['zh-Hans'])), g.twin).toEqual(pdf.responsibilities.map((n) => norm(n.text['zh-Hans'])));
    }
  }, 120_000);

  it('with --no-ocr, the CLI gives a scan and a gazette PDF without a Unicode map one line each naming the file and what to do, and goes on', () => {
    const out = mkdtempSync(join(tmpdir(), 'gongwen-no-ocr-'));
    const scan = join(FILES, 'files-23-baoding-gjj-scan.pdf');
    const gazette = join(FILES, 'files-16-beijing-gb-fangdichan.pdf');
    const text = join(FILES, 'files-03-shanghai-xiangou.pdf');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'gongwen.js'), '--no-ocr', scan, gazette, text, '--out', out, '--jobs', '1'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    const failures = `${r.stdout}${r.stderr}`.split('\n').filter((l) => l.includes('✗'));
    expect(failures).toEqual([
      `[1/3] ✗ ${scan}: decode:scanned: scanned PDF, no text layer (3 pages of images): run without --no-ocr, or OCR it first (ocrmypdf, a scanner's searchable PDF)`,
      expect.stringMatching(new RegExp(`^\\[2/3\\] ✗ ${gazette}: decode:unmapped-font: PDF text layer without a Unicode map: \\d+ % of the characters read are Chinese; run without --no-ocr, or use the publisher's Word or HTML version$`)),
    ]);
    expect(existsSync(join(out, 'files-03-shanghai-xiangou.json'))).toBe(true);
  }, 120_000);

  it('a Word 97 file saved by WPS is read whole (files-35: word-extractor 1.0.4 dropped four fifths of it as “deleted”)', async () => {
    const doc = (await run('files-35-taiyuan-baozufang-draft.doc')).document!;
    // read from the UTF-16 text of the file's WordDocument stream: organ, title, draft mark, four headings, the date
    expect(doc.document.title?.['zh-Hans']).toBe('太原市人民政府办公室关于加快发展保障性租赁住房的实施意见（征求意见稿）');
    expect(doc.sections.map((s) => s.marker)).toEqual(['一、', '二、', '三、', '四、']);
    expect(doc.text['zh-Hans']).toContain('（三）加强市场监管。市房产局牵头组织');
    expect(doc.document.date).toBe('2021-12-08');
  }, 60_000);

  it('a scanned PDF is read by OCR, with its engine and confidence in source.ocr and a warning', async () => {
    const name = 'files-24-foshan-rencai-scan.pdf';
    const r = await processFile({ bytes: readFileSync(join(FILES, name)), file: name });
    const doc = r.document!;
    expect(doc.source.ocr).toMatchObject({ engine: expect.stringContaining('PaddleOCR'), pages: 2 });
    expect(doc.source.ocr!.confidence).toBeGreaterThan(0.9);
    expect(doc.diagnostics.filter((d) => d.code === 'decode:ocr')).toHaveLength(1);
    // as the page image shows it (rendered and read by eye)
    const text = doc.text['zh-Hans'];
    expect(text).toContain('关于进一步完善人才住房政策');
    expect(text).toContain('一、认定为优粤佛山卡A卡、B卡、C卡、T卡的人才，享受我市户籍人口购房政策。');
    expect(doc.sections.map((s) => s.marker)).toEqual(['一、', '二、']);
    expect(doc.layout!.blocks.some((b) => b.page === 2)).toBe(true);
  }, 240_000);

  it('a PDF with running heads and page numbers keeps none of them, and every paragraph points at its page', async () => {
    const doc = (await run('files-10-beijing-gz-dizhen.pdf')).document!;
    const text = doc.text['zh-Hans'];
    expect(text).not.toMatch(/北京市人民政府规章|北京市人民政府发布|- \d+ -/);
    // each of the 7 pages prints the head 北京市人民政府规章, the foot 北京市人民政府发布 and - N - (read from pdfjs's raw text)
    const removed = doc.cleaning.edits.filter((e) => e.kind.includes('page-furniture')).map((e) => e.before).join('\n');
    expect(removed.match(/北京市人民政府规章/g)).toHaveLength(7);
    expect(removed.match(/北京市人民政府发布/g)).toHaveLength(7);
    expect(removed.match(/- \d -/g)).toEqual(['- 1 -', '- 2 -', '- 3 -', '- 4 -', '- 5 -', '- 6 -', '- 7 -']);
    expect(new Set(doc.layout!.blocks.map((b) => b.page))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7]));
    // the text of a block is on its page: 第五章 on page 7 as printed (read from pdfjs's raw text)
    const hans = [...text];
    const chapter = doc.layout!.blocks.find((b) => hans.slice(b.span.start, b.span.end).join('').startsWith('第五章'))!;
    expect(chapter.page).toBe(7);
  }, 120_000);
});
