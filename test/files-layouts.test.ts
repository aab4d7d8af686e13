/**
 * Layouts the file readers were not written on: hand-made DOCX and PDF files of
 * real 公文 layouts the corpus and the other tests do not cover (issue #14). Each
 * fixture is built by code here (buildDocx, textPdf) and what a reader must get
 * — title, 发文字号, 成文日期, issuer, level-1 headings, notes — is written by
 * hand from the layout, never from gongwen's output.
 */
import { describe, expect, it } from 'vitest';
import { textPdf } from '../bench/pdf-build.js';
import { layoutText, type TextRun } from '../pipeline/lib/files/pdf-layout.js';
import { processDocument, processFile } from '../pipeline/pipeline.js';
import type { GongwenDocument } from '../pipeline/schema-types.js';
import { CELL_SEPARATOR } from '../pipeline/lib/lines.js';
import { buildDocx } from './helpers/docx.js';

interface Want {
  title: string;
  number: string | null;
  date: string;
  issuer: string;
  headings: string[];
}

async function read(bytes: Buffer, file: string): Promise<GongwenDocument> {
  const r = await processFile({ bytes, file });
  expect(r.document, file).toBeTruthy();
  return r.document!;
}

const headingsOf = (doc: GongwenDocument): string[] => doc.sections.map((s) => `${s.marker ?? ''}${s.heading?.['zh-Hans'] ?? ''}`);

function fields(doc: GongwenDocument): Want {
  return {
    title: doc.document.title?.['zh-Hans'] ?? '',
    number: doc.document.documentNumber,
    date: doc.document.date ?? '',
    issuer: doc.document.issuer?.['zh-Hans'] ?? '',
    headings: headingsOf(doc),
  };
}

const S1 = '为深入贯彻落实安全生产责任制，切实防范化解重大安全风险，经研究，现就有关事项通知如下。';
const S2 = '各地各部门要充分认识做好安全生产工作的重要性，强化组织领导，压实工作责任，确保各项措施落到实处。';
const S3 = '要建立健全隐患排查治理工作机制，定期开展专项检查，对发现的问题及时整改到位，形成工作闭环。';

// ---------------------------------------------------------------- DOCX

const W_P = (text: string, ppr = ''): string => `<w:p>${ppr ? `<w:pPr>${ppr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const cellXml = (text: string, tcPr = ''): string => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${W_P(text)}</w:tc>`;

describe('DOCX layouts', () => {
  it('D1: the title in a one-cell table (a text box Word users draw as a borderless table)', async () => {
    const doc = await read(
      buildDocx([
        '某某市人民政府文件',
        '某府发〔2024〕12号',
        [['某某市人民政府关于加强安全生产工作的通知']],
        '各县（市、区）人民政府，市政府各部门：',
        S1,
        '一、总体要求',
        S2,
        '二、工作措施',
        S3,
        '某某市人民政府',
        '2024年5月20日',
      ]),
      'd1.docx',
    );
    expect(fields(doc)).toEqual({ title: '某某市人民政府关于加强安全生产工作的通知', number: '某府发〔2024〕12号', date: '2024-05-20', issuer: '某某市人民政府', headings: ['一、总体要求', '二、工作措施'] });
  });

  it('D2: the 发文字号 and 签发人 in a two-cell row under the red header (an upward 请示)', async () => {
    const doc = await read(
      buildDocx([
        '某某县人民政府文件',
        [['某政发〔2024〕7号', '签发人：李四']],
        '某某县人民政府关于申请设立农业产业园区的请示',
        '某某市人民政府：',
        S1,
        '一、基本情况',
        S2,
        '二、申请事项',
        S3,
        '妥否，请批示。',
        '某某县人民政府',
        '2024年3月8日',
      ]),
      'd2.docx',
    );
    expect(fields(doc)).toEqual({ title: '某某县人民政府关于申请设立农业产业园区的请示', number: '某政发〔2024〕7号', date: '2024-03-08', issuer: '某某县人民政府', headings: ['一、基本情况', '二、申请事项'] });
  });

  it('D3: headings numbered by Word (numbering.xml, by style and by paragraph), with a running head and page numbers in header and footer parts', async () => {
    const lvl = (i: number, text: string) => `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="${text}"/><w:suff w:val="nothing"/></w:lvl>`;
    const numbering = `<w:numbering><w:abstractNum w:abstractNumId="0">${lvl(0, '%1、')}${lvl(1, '（%2）')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const styles =
      '<w:styles><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>';
    const h1 = (t: string) => ({ xml: W_P(t, '<w:pStyle w:val="Heading1"/>') });
    const h2 = (t: string) => ({ xml: W_P(t, '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>') });
    const doc = await read(
      buildDocx(
        [
          '某某市人民政府办公室关于做好2024年防汛工作的通知',
          '各区人民政府，市政府各委、办、局：',
          S1,
          h1('总体要求'),
          S2,
          h1('重点任务'),
          h2('加强监测预警'),
          S3,
          h2('做好应急准备'),
          S2,
          h1('保障措施'),
          S3,
          '某某市人民政府办公室',
          '2024年6月1日',
        ],
        {
          numbering,
          styles,
          header: '<w:hdr><w:p><w:r><w:t>某某市人民政府办公室文件</w:t></w:r></w:p></w:hdr>',
          footer: '<w:ftr><w:p><w:r><w:t>— </w:t></w:r><w:fldSimple w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t> —</w:t></w:r></w:p></w:ftr>',
        },
      ),
      'd3.docx',
    );
    expect(fields(doc)).toEqual({ title: '某某市人民政府办公室关于做好2024年防汛工作的通知', number: null, date: '2024-06-01', issuer: '某某市人民政府办公室', headings: ['一、总体要求', '二、重点任务', '三、保障措施'] });
    expect(doc.sections[1]!.children.map((s) => `${s.marker}${s.heading?.['zh-Hans'] ?? ''}`)).toEqual(['（一）加强监测预警', '（二）做好应急准备']);
    expect(doc.text['zh-Hans']).not.toMatch(/— 1 —|某某市人民政府办公室文件/);
  });

  it('D4: a 版记 (抄送, 印发) as a table at the end: the 印发 date is not the 成文日期, its lines are no heading', async () => {
    const doc = await read(
      buildDocx([
        '某某市人民政府办公室文件',
        '某政办发〔2024〕30号',
        '某某市人民政府办公室关于印发某某市城市更新行动方案的通知',
        '各区人民政府，市政府各部门：',
        '《某某市城市更新行动方案》已经市政府同意，现印发给你们，请认真组织实施。',
        '某某市人民政府办公室',
        '2024年4月12日',
        '（此件公开发布）',
        [['抄送：市委各部门，市人大常委会办公室，市政协办公室。'], ['某某市人民政府办公室                2024年4月15日印发']],
      ]),
      'd4.docx',
    );
    expect(fields(doc)).toEqual({ title: '某某市人民政府办公室关于印发某某市城市更新行动方案的通知', number: '某政办发〔2024〕30号', date: '2024-04-12', issuer: '某某市人民政府办公室', headings: [] });
  });

  it('D5: a task table with merged cells (vMerge) and its header row marked to repeat: one note per task, the lead carried down', async () => {
    const header = `<w:tr><w:trPr><w:tblHeader/></w:trPr>${['序号', '重点任务', '牵头单位', '完成时限'].map((c) => cellXml(c)).join('')}</w:tr>`;
    const row = (n: string, task: string, lead: string | null, deadline: string) =>
      `<w:tr>${cellXml(n)}${cellXml(task)}${lead === null ? `<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>` : cellXml(lead, '<w:vMerge w:val="restart"/>')}${cellXml(deadline)}</w:tr>`;
    const table = `<w:tbl>${header}${row('1', '完善公共数据目录', '市数据局', '2024年6月底前')}${row('2', '建设数据共享平台', null, '2024年9月底前')}${row('3', '开展数据质量评估', '市财政局', '2024年12月底前')}</w:tbl>`;
    const doc = await read(
      buildDocx([
        '某某市人民政府办公室关于印发公共数据管理重点任务分工的通知',
        '各区人民政府，市政府各部门：',
        '现将公共数据管理重点任务分工印发给你们，请认真贯彻落实。',
        { xml: table },
        '某某市人民政府办公室',
        '2024年2月2日',
      ]),
      'd5.docx',
    );
    expect(fields(doc)).toMatchObject({ title: '某某市人民政府办公室关于印发公共数据管理重点任务分工的通知', date: '2024-02-02', issuer: '某某市人民政府办公室' });
    const notes = doc.responsibilities.map((n) => [n.lead, n.deadline?.date ?? null]);
    expect(notes).toEqual([
      [['agency:某某市数据局'], '2024-06-30'],
      [['agency:某某市数据局'], '2024-09-30'],
      [['agency:某某市财政局'], '2024-12-31'],
    ]);
  });

  it('D6: footnotes (a legal basis cited in a note) are no heading and end no part', async () => {
    const ref = '<w:r><w:footnoteReference w:id="1"/></w:r>';
    const doc = await read(
      buildDocx(
        [
          '某某省人民政府关于深化“放管服”改革的意见',
          '各市、县人民政府，省政府各部门：',
          { xml: `<w:p><w:r><w:t>${S1}</w:t></w:r>${ref}</w:p>` },
          '一、持续简政放权',
          S2,
          '二、加强事中事后监管',
          S3,
          '某某省人民政府',
          '2024年1月9日',
        ],
        {
          footnotes:
            '<w:footnotes><w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>一、依据《优化营商环境条例》第三十九条。</w:t></w:r></w:p></w:footnote></w:footnotes>',
        },
      ),
      'd6.docx',
    );
    expect(fields(doc)).toEqual({ title: '某某省人民政府关于深化“放管服”改革的意见', number: null, date: '2024-01-09', issuer: '某某省人民政府', headings: ['一、持续简政放权', '二、加强事中事后监管'] });
  });

  it('D7: the red header and the title drawn in text boxes (WPS and Word letterheads), the title over two paragraphs', async () => {
    const box = (inner: string) =>
      `<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent>${inner}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>${inner}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    const doc = await read(
      buildDocx([
        { xml: box(W_P('某某市财政局文件')) },
        '某财发〔2024〕21号',
        '某某市财政局关于进一步加强',
        '政府采购管理工作的通知',
        '各区财政局，市级各预算单位：',
        S1,
        '一、规范采购程序',
        S2,
        '二、强化监督检查',
        S3,
        '某某市财政局',
        '2024年10月10日',
      ]),
      'd7.docx',
    );
    expect(fields(doc)).toEqual({ title: '某某市财政局关于进一步加强政府采购管理工作的通知', number: '某财发〔2024〕21号', date: '2024-10-10', issuer: '某某市财政局', headings: ['一、规范采购程序', '二、强化监督检查'] });
    // the letterhead is read once (the text box's fallback copy is not text twice)
    expect(doc.text['zh-Hans'].match(/某某市财政局文件/g)).toHaveLength(1);
  });

  it('D8: the 发文字号 and 签发人 on one line apart, set with tabs (an upward 报告)', async () => {
    const doc = await read(
      buildDocx([
        '某某区人民政府文件',
        { xml: `<w:p><w:r><w:t>某区府发〔2024〕9号</w:t></w:r><w:r><w:tab/><w:tab/><w:tab/></w:r><w:r><w:t>签发人：王五</w:t></w:r></w:p>` },
        '某某区人民政府关于2024年上半年安全生产工作情况的报告',
        '某某市人民政府：',
        S1,
        '一、主要工作',
        S2,
        '二、存在问题',
        S3,
        '特此报告。',
        '某某区人民政府',
        '2024年7月15日',
      ]),
      'd8.docx',
    );
    expect(fields(doc)).toEqual({ title: '某某区人民政府关于2024年上半年安全生产工作情况的报告', number: '某区府发〔2024〕9号', date: '2024-07-15', issuer: '某某区人民政府', headings: ['一、主要工作', '二、存在问题'] });
  });
  it('D9: the red header and the 发文字号 with 签发人 in one layout table, a 主题词 line and a 版记 in paragraphs (pre-2012 layout)', async () => {
    const doc = await read(
      buildDocx([
        [['某某省人民政府办公厅文件'], ['某政办发〔2011〕45号', '签发人：赵六']],
        '某某省人民政府办公厅关于加强农村饮水安全工作的通知',
        '各市、县人民政府，省政府各部门：',
        S1,
        '一、明确工作目标',
        S2,
        '二、落实工作责任',
        S3,
        '某某省人民政府办公厅',
        '二〇一一年九月二十六日',
        '主题词：水利 饮水安全 通知',
        '抄送：省委办公厅，省人大常委会办公厅。',
        '某某省人民政府办公厅 2011年9月28日印发',
      ]),
      'd9.docx',
    );
    expect(fields(doc)).toEqual({ title: '某某省人民政府办公厅关于加强农村饮水安全工作的通知', number: '某政办发〔2011〕45号', date: '2011-09-26', issuer: '某某省人民政府办公厅', headings: ['一、明确工作目标', '二、落实工作责任'] });
  });
  it('D10: a joint signature laid out in a two-cell table row over the date', async () => {
    const doc = await read(
      buildDocx([
        '某某市财政局 某某市税务局关于做好2024年度减税降费工作的通知',
        '各区财政局、税务局：',
        S1,
        '一、工作目标',
        S2,
        '二、工作要求',
        S3,
        [['某某市财政局', '某某市税务局']],
        '2024年12月2日',
      ]),
      'd10.docx',
    );
    expect(fields(doc)).toEqual({ title: '某某市财政局某某市税务局关于做好2024年度减税降费工作的通知', number: null, date: '2024-12-02', issuer: '某某市财政局、某某市税务局', headings: ['一、工作目标', '二、工作要求'] });
  });
  it('D11: a 公告 with its serial under the title and no addressee; a work report dated in a bracket under its title', async () => {
    const notice = await read(
      buildDocx(['某某市人民政府公告', '2024年第3号', '为加强城市管理，根据有关法律法规，现就有关事项公告如下：', '一、适用范围', S2, '二、管理要求', S3, '特此公告。', '某某市人民政府', '2024年3月15日']),
      'd11a.docx',
    );
    expect(fields(notice)).toEqual({ title: '某某市人民政府公告', number: '某某市人民政府公告2024年第3号', date: '2024-03-15', issuer: '某某市人民政府', headings: ['一、适用范围', '二、管理要求'] });
    const report = await read(buildDocx(['政府工作报告', '（2024年1月20日在某某市第十七届人民代表大会第三次会议上）', '某某市市长　张三', '各位代表：', '一、2023年工作回顾', S2, '二、2024年工作安排', S3]), 'd11b.docx');
    // the date opens a bracket that names the occasion (（…日在…会议上）): the document's date
    expect(fields(report)).toMatchObject({ title: '政府工作报告', date: '2024-01-20', headings: ['一、2023年工作回顾', '二、2024年工作安排'] });
  });
});

// ---------------------------------------------------------------- PDF

type PdfLine = [number, number, number, string];
/** A line centred on an A4 page (595 pt wide) in characters one em wide. */
const centred = (y: number, size: number, text: string): PdfLine => [(595 - size * [...text].length) / 2, y, size, text];
/** A paragraph as a 公文 sets it: 16-point characters, 28 a line from x = 79, the first line indented two; `pitch` points a line. */
function paragraphLines(text: string, top: number, pitch = 28, indent = true): { lines: PdfLine[]; next: number } {
  const lines: PdfLine[] = [];
  let y = top;
  for (let at = 0, first = indent; at < text.length; first = false) {
    const n = first ? 26 : 28;
    lines.push([first ? 111 : 79, y, 16, text.slice(at, at + n)]);
    at += n;
    y -= pitch;
  }
  return { lines, next: y };
}
/** Paragraphs from `top` down. */
function flow(paragraphs: (string | [string, boolean])[], top: number, pitch = 28): { lines: PdfLine[]; next: number } {
  const lines: PdfLine[] = [];
  let y = top;
  for (const p of paragraphs) {
    const [text, indent] = typeof p === 'string' ? [p, true] : p;
    const r = paragraphLines(text, y, pitch, indent);
    lines.push(...r.lines);
    y = r.next;
  }
  return { lines, next: y };
}
/** Right-aligned to the text column's right edge (x = 527), less `inset` characters. */
const right = (y: number, text: string, inset = 4): PdfLine => [527 - 16 * ([...text].length + inset), y, 16, text];

describe('PDF layouts', () => {
  it('P1: a red header in a large size, the 文号 centred under it, a two-line centred title, signature and date right-aligned, — 1 — page numbers', async () => {
    const body = flow([['各县（市、区）人民政府，市政府各部门：', false], S1, ['一、总体要求', true], S2, ['二、工作措施', true], S3], 560);
    const doc = await read(
      textPdf([
        [
          centred(740, 36, '某某市人民政府文件'),
          centred(680, 16, '某府发〔2024〕12号'),
          centred(630, 22, '某某市人民政府关于加强'),
          centred(598, 22, '安全生产工作的通知'),
          ...body.lines,
          right(body.next - 40, '某某市人民政府'),
          right(body.next - 68, '2024年5月20日', 3),
          centred(60, 14, '— 1 —'),
        ],
      ]),
      'p1.pdf',
    );
    expect(fields(doc)).toEqual({ title: '某某市人民政府关于加强安全生产工作的通知', number: '某府发〔2024〕12号', date: '2024-05-20', issuer: '某某市人民政府', headings: ['一、总体要求', '二、工作措施'] });
  });

  it('P2: a running head and — n — on every page, a paragraph across the page break, set at a 1.5-line pitch', async () => {
    // 1.5 lines of 16 pt: 36 points a line (the corpus's files are set at 28)
    const long = S2 + S3 + S1;
    const page1 = flow([['某某市应急管理局关于开展安全生产大检查的通知', false], ['各区应急管理局：', false], S1, ['一、检查范围', true], S2, ['二、检查内容', true]], 740, 36);
    // the paragraph starts at the foot of page 1 and runs on at the top of page 2
    const split = paragraphLines(long, page1.next, 36);
    const onPage1 = split.lines.filter((l) => l[1] > 90);
    const rest = long.slice(onPage1.reduce((n, l) => n + l[3].length, 0));
    const page2 = flow([[rest, false], ['三、工作要求', true], S3], 760, 36);
    const head = (n: number): PdfLine[] => [centred(800, 10.5, '某某市应急管理局'), centred(50, 14, `— ${n} —`)];
    const doc = await read(
      textPdf([
        [...head(1), ...page1.lines, ...onPage1],
        [...head(2), ...page2.lines, right(page2.next - 40, '某某市应急管理局'), right(page2.next - 76, '2024年7月3日', 3)],
      ]),
      'p2.pdf',
    );
    expect(fields(doc)).toEqual({ title: '某某市应急管理局关于开展安全生产大检查的通知', number: null, date: '2024-07-03', issuer: '某某市应急管理局', headings: ['一、检查范围', '二、检查内容', '三、工作要求'] });
    expect(doc.text['zh-Hans'].split('\n')).toContain(long);
    expect(doc.text['zh-Hans']).not.toMatch(/— \d —/);
  });

  /** A PDF 公文 (two-line title, body, signature and date) with an attachment labelled and titled mid-page after it. */
  const withAttachment = (o: { title: [string, string]; body: (string | [string, boolean])[]; signer: string; date: string; label: string; attachment: string; attached: (string | [string, boolean])[]; file: string }) => {
    const main = flow(o.body, 660);
    const att = flow(o.attached, main.next - 210);
    return read(
      textPdf([
        [
          centred(740, 22, o.title[0]),
          centred(708, 22, o.title[1]),
          ...main.lines,
          right(main.next - 40, o.signer),
          right(main.next - 68, o.date, 3),
          [79, main.next - 120, 16, o.label],
          centred(main.next - 160, 22, o.attachment),
          ...att.lines,
        ],
      ]),
      o.file,
    );
  };
  const attachmentHeadings = (doc: GongwenDocument) => doc.attachments[0]!.sections.map((s) => `${s.marker}${s.heading?.['zh-Hans'] ?? ''}`);

  it('P3: an attachment (附件1 and its own title) starting mid-page, after the signature', async () => {
    const doc = await withAttachment({
      title: ['某某市人民政府关于印发某某市养老', '服务体系建设实施方案的通知'],
      body: [['各区人民政府：', false], '现将《某某市养老服务体系建设实施方案》印发给你们，请认真贯彻执行。'],
      signer: '某某市人民政府', date: '2024年8月8日', label: '附件1', attachment: '某某市养老服务体系建设实施方案',
      attached: [['一、工作目标', true], S2, ['二、主要任务', true], S3], file: 'p3.pdf',
    });
    expect(fields(doc)).toEqual({ title: '某某市人民政府关于印发某某市养老服务体系建设实施方案的通知', number: null, date: '2024-08-08', issuer: '某某市人民政府', headings: [] });
    expect(doc.attachments).toHaveLength(1);
    expect(attachmentHeadings(doc)).toEqual(['一、工作目标', '二、主要任务']);
  });

  it('P4: a landscape page with a task table whose header is not repeated on the next page: one note per row', async () => {
    const portrait = flow([['各区人民政府，市政府各部门：', false], '现将《重点任务分工表》印发给你们，请认真贯彻落实。'], 680);
    const cols = [60, 120, 420, 560, 680];
    const header: [number, number, number, string][] = ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'].map((t, i) => [cols[i]!, 490, 12, t]);
    const taskRow = (y: number, n: number): [number, number, number, string][] => [
      [cols[0]!, y, 12, String(n)],
      [cols[1]!, y, 12, `推进第${n}项重点任务落地见效`],
      [cols[2]!, y, 12, n % 2 ? '市发展改革委' : '市财政局'],
      [cols[3]!, y, 12, '各区政府'],
      [cols[4]!, y, 12, '2024年底前'],
    ];
    const landscape1: PdfLine[] = [[60, 545, 16, '附件'], [(842 - 22 * 7) / 2, 520, 22, '重点任务分工表'], ...header, ...[1, 2, 3, 4, 5, 6, 7, 8].flatMap((n) => taskRow(490 - 40 * n, n))];
    const landscape2 = [9, 10, 11].flatMap((n) => taskRow(540 - 40 * (n - 8), n));
    const pdf = textPdf([
      [centred(740, 22, '某某市人民政府办公室关于印发重点任务'), centred(708, 22, '分工表的通知'), ...portrait.lines, right(portrait.next - 40, '某某市人民政府办公室'), right(portrait.next - 68, '2024年9月1日', 3)],
      landscape1,
      landscape2,
    ]);
    // textPdf sets A4 portrait; the table pages are turned landscape in the bytes
    const turned = Buffer.from(pdf.toString('latin1').replace(/\/MediaBox \[0 0 595 842\]/g, (m, offset: number, all: string) => (all.indexOf(m) === offset ? m : '/MediaBox [0 0 842 595]')), 'latin1');
    const doc = await read(fixXref(turned), 'p4.pdf');
    expect(fields(doc)).toMatchObject({ title: '某某市人民政府办公室关于印发重点任务分工表的通知', date: '2024-09-01', issuer: '某某市人民政府办公室' });
    const rows = doc.text['zh-Hans'].split('\n').filter((l) => l.includes(CELL_SEPARATOR));
    expect(rows).toHaveLength(12);
    // the 附件 label on the landscape page starts a paragraph: the page is turned the other way (the date ran on as
    // `2024年9月1日附件`, measured against the wider landscape column, and the 成文日期 and the notes were lost)
    expect(doc.text['zh-Hans'].split('\n')).toContain('2024年9月1日');
    // 市发展改革委 is the short form of the 发展和改革委员会, resolved to the issuer's city
    expect(doc.responsibilities.map((n) => n.lead[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => (n % 2 ? 'agency:某某市发展和改革委员会' : 'agency:某某市财政局')));
  });
  it('P5: an upward 请示: the 发文字号 left and the 签发人 right on one line, the date in Chinese numerals', async () => {
    const body = flow([['某某市人民政府：', false], S1, ['一、基本情况', true], S2, ['二、申请事项', true], S3, '妥否，请批示。'], 570);
    const doc = await read(
      textPdf([
        [
          centred(740, 36, '某某县人民政府文件'),
          [79, 680, 16, '某政发〔2024〕7号'], [399, 680, 16, '签发人：李四'],
          centred(630, 22, '某某县人民政府关于申请设立农业产业园区的请示'),
          ...body.lines,
          right(body.next - 40, '某某县人民政府'),
          right(body.next - 68, '二〇二四年三月八日', 3),
        ],
      ]),
      'p5.pdf',
    );
    expect(fields(doc)).toEqual({ title: '某某县人民政府关于申请设立农业产业园区的请示', number: '某政发〔2024〕7号', date: '2024-03-08', issuer: '某某县人民政府', headings: ['一、基本情况', '二、申请事项'] });
  });

  it('P6: a 函 with its 发文字号 right-aligned under the letterhead, headings set flush left, lines wrapping before 第…条 and （一）项', async () => {
    // each paragraph set at full width (26 characters on its first line, 28 on the next), its wrap falling in mid-sentence
    // before an article or item reference: a line starts with （二）项 and another with 第三十条
    const c1a = '根据《中华人民共和国政府采购法实施条例》的有关规定，结合本市政府采购监督管理工作的实际，依照该条例第二十条第';
    const c1b = '（二）项规定，对采购人设定的资格条件进行审查。';
    const c2a = '经审查，有关单位的行为违反《某某市政府采购管理办法》';
    const c2b = '第三十条规定，依照该办法第四十条规定应予处理。';
    expect([c1a.length, c2a.length]).toEqual([54, 26]);
    const cite1 = c1a + c1b;
    const cite2 = c2a + c2b;
    const [p1a, p1b, p1c] = [cite1.slice(0, 26), cite1.slice(26, 54), cite1.slice(54)];
    const [p2a, p2b] = [cite2.slice(0, 26), cite2.slice(26)];
    const lines: PdfLine[] = [
      centred(760, 30, '某某市财政局'),
      [527 - 16 * 11, 700, 16, '某财函〔2024〕15号'],
      centred(650, 22, '某某市财政局关于政府采购投诉处理结果的函'),
      [79, 600, 16, '某某区财政局：'],
      [79, 572, 16, '一、基本情况'],
      [111, 544, 16, p1a], [79, 516, 16, p1b], [79, 488, 16, p1c],
      [79, 460, 16, '二、处理意见'],
      [111, 432, 16, p2a], [79, 404, 16, p2b],
      [111, 376, 16, '特此函告。'],
      right(300, '某某市财政局'),
      right(272, '2024年11月5日', 3),
    ];
    const doc = await read(textPdf([lines]), 'p6.pdf');
    expect(fields(doc)).toEqual({ title: '某某市财政局关于政府采购投诉处理结果的函', number: '某财函〔2024〕15号', date: '2024-11-05', issuer: '某某市财政局', headings: ['一、基本情况', '二、处理意见'] });
    expect(doc.text['zh-Hans'].split('\n')).toContain(cite1);
    expect(doc.text['zh-Hans'].split('\n')).toContain(cite2);
  });

  it('P7: an attachment starting mid-page after a 公文 with headings of its own: its headings are the attachment’s', async () => {
    const doc = await withAttachment({
      title: ['某某市人民政府办公室关于做好人才', '住房保障工作的通知'],
      body: [['各区人民政府：', false], S1, ['一、工作目标', true], S2, ['二、工作要求', true], S3],
      signer: '某某市人民政府办公室', date: '2024年8月20日', label: '附件', attachment: '某某市人才住房补贴申请办法',
      attached: [['一、申请条件', true], S2, ['二、办理流程', true], S3], file: 'p7.pdf',
    });
    expect(fields(doc)).toEqual({ title: '某某市人民政府办公室关于做好人才住房保障工作的通知', number: null, date: '2024-08-20', issuer: '某某市人民政府办公室', headings: ['一、工作目标', '二、工作要求'] });
    expect(attachmentHeadings(doc)).toEqual(['一、申请条件', '二、办理流程']);
  });
  it('P8: an attachment list (附件：1．… 2．…) above a joint signature of two organs set side by side', async () => {
    const body = flow([['各区财政局、税务局：', false], S1, ['一、工作目标', true], S2, ['二、工作要求', true], S3], 640);
    const y = body.next;
    const doc = await read(
      textPdf([
        [
          centred(740, 22, '某某市财政局某某市税务局关于做好'),
          centred(708, 22, '2024年度减税降费工作的通知'),
          ...body.lines,
          [111, y - 28, 16, '附件：1．某某市减税降费政策清单'],
          [191, y - 56, 16, '2．某某市减税降费工作台账'],
          [207, y - 124, 16, '某某市财政局'], [383, y - 124, 16, '某某市税务局'],
          right(y - 152, '2024年12月2日', 3),
        ],
      ]),
      'p8.pdf',
    );
    // the two organs, 11 characters apart on one line, read as one name (某某市财政局某某市税务局) before the fix: the
    // layout joined them with a space and the cleaner removes blanks between Chinese characters
    expect(fields(doc)).toEqual({ title: '某某市财政局某某市税务局关于做好2024年度减税降费工作的通知', number: null, date: '2024-12-02', issuer: '某某市财政局、某某市税务局', headings: ['一、工作目标', '二、工作要求'] });
    expect(doc.parts.filter((p) => p.type === 'attachmentList')).toHaveLength(1);
  });
});

/** Rewrites the cross-reference offsets of a PDF whose objects were edited in place (same object order). */
function fixXref(pdf: Buffer): Buffer {
  const s = pdf.toString('latin1');
  const offsets = [...s.matchAll(/^(\d+) 0 obj$/gm)].map((m) => m.index!);
  const xref = s.indexOf('xref\n');
  const table = `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  const trailer = s.slice(s.indexOf('trailer\n')).replace(/startxref\n\d+/, `startxref\n${xref}`);
  return Buffer.from(s.slice(0, xref) + table + trailer, 'latin1');
}

describe('the fixes these layouts prompted, and where they must not fire', () => {
  /** Runs of one line, a character an em wide. */
  const runs = (text: string, x: number, y: number, size = 16): TextRun[] => [...text].map((ch, i) => ({ str: ch, x: x + i * size, y, width: size, size }));
  const paragraphs = (lines: [string, number, number][]) =>
    layoutText([{ number: 1, width: 595, height: 842, runs: lines.flatMap(([t, x, y]) => runs(t, x, y)) }]).text.split('\n').filter((l) => l !== '');
  const full = '各地要建立健全隐患排查治理工作机制定期开展专项检查，'; // 26 characters: a full first line from x = 111

  it('a heading marker at the start of a line opens a paragraph after a full line that ends a sentence, not after one broken off mid-sentence', () => {
    // must work: the line above breaks off at 第 / 《…》 / a comma — the marker is a reference run on
    expect(paragraphs([[full.slice(0, 25) + '第', 111, 700], ['（二）项规定的情形除外，由市财政局负责。', 79, 672]])).toEqual([`${full.slice(0, 25)}第（二）项规定的情形除外，由市财政局负责。`]);
    expect(paragraphs([[full.slice(0, 25) + '，', 111, 700], ['第三十条规定的情形除外。', 79, 672]])).toEqual([`${full.slice(0, 25)}，第三十条规定的情形除外。`]);
    // must not fire: after a sentence's end (。；：) a flush-left marker is a heading's start
    expect(paragraphs([[full.slice(0, 25) + '。', 111, 700], ['二、工作措施', 79, 672]])).toEqual([`${full.slice(0, 25)}。`, '二、工作措施']);
    expect(paragraphs([[full.slice(0, 25) + '：', 111, 700], ['（一）加强组织领导', 79, 672]])).toEqual([`${full.slice(0, 25)}：`, '（一）加强组织领导']);
  });

  it('a page turned the other way starts a paragraph: the last line of a portrait page does not run on into a landscape page', () => {
    const portrait = { number: 1, width: 595, height: 842, runs: [...runs(full, 111, 700), ...runs('各地要抓好落实并按时报送工作情况和意见建议等有关的书面材', 79, 672), ...runs('2024年9月1日', 335, 600)] };
    const landscape = { number: 2, width: 842, height: 595, runs: [...runs('附件', 60, 545), ...runs('重点任务分工表说明文字', 60, 500), ...runs('按任务清单逐项推进落实', 60, 472)] };
    const text = layoutText([portrait, landscape]).text.split('\n').filter((l) => l !== '');
    expect(text).toContain('2024年9月1日');
    expect(text).toContain('附件');
    // must not fire: a full line at the foot of one portrait page still runs on at the top of the next
    const next = { number: 2, width: 595, height: 842, runs: runs('料确保各项工作落到实处。', 79, 760) };
    const joined = layoutText([{ ...portrait, runs: [...runs(full, 111, 700), ...runs('各地要抓好落实并按时报送工作情况和意见建议等有关的书面材', 79, 672)] }, next]).text;
    expect(joined.split('\n')).toContain(`${full}各地要抓好落实并按时报送工作情况和意见建议等有关的书面材料确保各项工作落到实处。`);
    // nor on a page of another size but the same orientation (A4, then a Letter page scanned in)
    const letter = layoutText([{ ...portrait, runs: [...runs(full, 111, 700), ...runs('各地要抓好落实并按时报送工作情况和意见建议等有关的书面材', 79, 672)] }, { ...next, width: 612, height: 792 }]).text;
    expect(letter.split('\n')).toContain(`${full}各地要抓好落实并按时报送工作情况和意见建议等有关的书面材料确保各项工作落到实处。`);
  });

  it('an organ’s name alone over the 发文字号 is the letterhead of a 函 (信函格式), not the title; over a title line it starts the title', () => {
    const body = '为做好相关工作，现函告如下：\n一、基本情况\n相关工作已经完成。\n某某市财政局\n2024年11月5日';
    const read = (head: string) => processDocument({ bytes: Buffer.from(`${head}\n${body}`), file: 'x.txt' }).document!;
    const letter = read('某某市财政局\n某财函〔2024〕15号\n某某市财政局关于政府采购投诉处理结果的函\n某某区财政局：');
    expect([letter.document.title?.['zh-Hans'], letter.document.documentNumber]).toEqual(['某某市财政局关于政府采购投诉处理结果的函', '某财函〔2024〕15号']);
    expect(letter.parts.find((p) => p.type === 'issuerMark')).toBeTruthy();
    // a joint letterhead: two organs' names over the number
    const joint = read('某某市财政局\n某某市税务局\n某财函〔2024〕16号\n关于规范票据管理的函\n某某区财政局：');
    expect(joint.document.title?.['zh-Hans']).toBe('关于规范票据管理的函');
    // must not fire: an organ's name over the rest of the title is its first line
    const titled = read('某某市财政局\n关于政府采购投诉处理结果的函\n某某区财政局：');
    expect(titled.document.title?.['zh-Hans']).toBe('某某市财政局关于政府采购投诉处理结果的函');
    expect(titled.parts.find((p) => p.type === 'issuerMark')).toBeUndefined();
  });

  it('a signature row of organs’ names is a joint signature, lead organ first; a row with a cell that is no organ’s name is not split', () => {
    const html = (row: string) =>
      `<html><body><p>关于做好减税降费工作的通知</p><p>各区财政局：</p><p>现就有关事项通知如下。</p><table><tr>${row}</tr></table><p>2024年12月2日</p></body></html>`;
    const issuer = (row: string) => processDocument({ bytes: Buffer.from(html(row)), file: 'x.html' }).document!.document.issuer?.['zh-Hans'];
    expect(issuer('<td>某某市财政局</td><td>某某市税务局</td>')).toBe('某某市财政局、某某市税务局');
    expect(issuer('<td>某某市财政局</td><td>某某市税务局</td><td>某某市人力资源和社会保障局</td>')).toBe('某某市财政局、某某市税务局、某某市人力资源和社会保障局');
    // must not fire: an office alone in a cell is no organ of its own (the name was broken over two cells)
    expect(issuer('<td>某某市人民政府</td><td>办公室</td>')).not.toContain('、');
  });

  it('two organs’ names set far apart on one PDF line are two cells (a joint signature); other pairs of parts stay one line', () => {
    const line = (a: string, b: string, gap: number) => paragraphs([[a, 207, 300], [b, 207 + 16 * (a.length + gap), 300]]);
    expect(line('某某市财政局', '某某市税务局', 5)).toEqual([`某某市财政局${CELL_SEPARATOR}某某市税务局`]);
    // must not fire: the 发文字号 and the 签发人, a form's label and its blank, two organs closer than four characters
    expect(line('某政发〔2024〕7号', '签发人：李四', 8)).toEqual(['某政发〔2024〕7号 签发人：李四']);
    expect(line('申请人（签名）：', '年月日', 8)).toEqual(['申请人（签名）： 年月日']);
    expect(line('某某市财政局', '某某市税务局', 3)).toEqual(['某某市财政局 某某市税务局']);
  });

  it('a 公告’s serial under its title (2024年第3号) is its number with the title; under another title it is not', () => {
    const doc = (head: string) => processDocument({ bytes: Buffer.from(`${head}\n现就有关事项公告如下：\n一、适用范围\n本公告适用于全市。\n某某市人民政府\n2024年3月15日`), file: 'x.txt' }).document!.document;
    expect(doc('某某市人民政府通告\n（2024年第3号）').documentNumber).toBe('某某市人民政府通告2024年第3号');
    expect(doc('某某市公安局公告\n第12号').documentNumber).toBe('某某市公安局公告第12号');
    // must not fire: a 通知's title, or a 公告 whose title says what it is about (关于…的公告), keeps no such number
    expect(doc('某某市人民政府办公室通知\n2024年第3号').documentNumber).toBeNull();
    expect(doc('某某市人民政府关于禁止燃放烟花爆竹的公告\n2024年第3号').documentNumber).toBeNull();
  });

  it('is linear: a 2000-page PDF whose lines all break off mid-sentence before a marker', () => {
    const time = (pages: number): number => {
      const doc = Array.from({ length: pages }, (_, k) => ({
        number: k + 1, width: 595, height: 842,
        runs: Array.from({ length: 20 }, (_, j) => runs(j % 2 ? '（二）项规定的情形除外由市财政局负责落实并按时报送材料' : full.slice(0, 25) + '第', j % 2 ? 79 : 111, 760 - 28 * j)).flat(),
      }));
      const t = performance.now();
      layoutText(doc);
      return performance.now() - t;
    };
    time(50);
    const small = Math.max(time(200), 1);
    expect(time(2000) / small).toBeLessThan(30);
  });
});
