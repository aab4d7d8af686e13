/**
 * Taiwan and Hong Kong documents of kinds and layouts the corpus lacks (issue #16): hand-made, in Traditional script as
 * such documents are written. What a reader must get (title, 發文字號, date, issuer, top-level parts, notes) was written
 * by reading each document, before running the pipeline on it.
 */
import { describe, expect, it } from 'vitest';
import { processDocument } from '../pipeline/pipeline.js';

const run = (file: string, lines: string[], variant?: 'hk') => processDocument({ file, bytes: Buffer.from(lines.join('\n')) }, variant ? { variant } : {}).document!;
const facts = (doc: ReturnType<typeof run>) => ({
  title: doc.document.title['zh-Hant'] || null,
  documentNumber: doc.document.documentNumber,
  date: doc.document.date,
  issuer: doc.document.issuer?.['zh-Hant'] ?? null,
  parts: doc.sections.map((s) => s.marker),
});

/** A 書函 as plain text: the header one labelled field a line (公文程式條例; 文書處理手冊), contact fields above 受文者. */
const SHUHAN = [
  '教育部　書函',
  '地址：10051臺北市中正區中山南路5號',
  '聯絡人：林怡君',
  '電話：（02）7736-6051',
  '受文者：國立臺灣大學',
  '發文日期：中華民國113年3月18日',
  '發文字號：臺教高(二)字第1130028765號',
  '速別：普通件',
  '密等及解密條件或保密期限：',
  '附件：',
  '主旨：有關貴校函詢大學校務資訊公開事宜，復如說明，請查照。',
  '說明：',
  '一、復貴校113年3月5日校教字第1130015432號函。',
  '二、依大學法第三十四條規定，學校應於網站公開校務資訊，並定期更新。',
  '正本：國立臺灣大學',
  '副本：本部高等教育司',
];

/** A 開會通知單: the header, then the meeting's rows (開會事由, 開會時間, 開會地點, 主持人, 聯絡人及電話, 出席者) and 備註. */
const MEETING = [
  '國家發展委員會　開會通知單',
  '受文者：經濟部',
  '發文日期：中華民國113年6月3日',
  '發文字號：發產字第1130011223號',
  '速別：速件',
  '密等及解密條件或保密期限：',
  '附件：議程1份',
  '開會事由：研商「產業創新條例施行細則」修正草案',
  '開會時間：113年6月12日（星期三）下午2時30分',
  '開會地點：本會610會議室（臺北市中正區寶慶路3號6樓）',
  '主持人：莊副主任委員',
  '聯絡人及電話：王小明（02）2316-5300分機1234',
  '出席者：經濟部、財政部、本會產業發展處',
  '列席者：中華民國全國工業總會',
  '副本：本會秘書處',
  '備註：',
  '一、請出席人員攜帶相關資料與會。',
  '二、本會未提供停車位，請多利用大眾運輸工具。',
];

/** A 公告 (預告) with 主旨, 依據, 公告事項 whose 一、 items hold （一） sub-items, an 附件 line in the header and the 署名. */
const GONGGAO = [
  '衛生福利部　公告',
  '發文日期：中華民國113年7月1日',
  '發文字號：衛授食字第1131301234號',
  '附件：修正草案總說明及對照表各1份',
  '主旨：預告修正「食品添加物使用範圍及限量暨規格標準」第三條草案。',
  '依據：行政程序法第一百五十四條第一項。',
  '公告事項：',
  '一、修正機關：衛生福利部。',
  '二、修正依據：食品安全衛生管理法第十八條第一項。',
  '三、修正草案如附件。本案另載於本部食品藥物管理署網站。',
  '四、對於本公告內容有任何意見或修正建議者，請於本公告刊登公報之次日起六十日內陳述意見或洽詢：',
  '（一）承辦單位：衛生福利部食品藥物管理署',
  '（二）地址：臺北市南港區昆陽街161-2號',
  '（三）電話：（02）2787-8000',
  '部長　邱泰源',
];

/** A 函 with 主旨, 說明, 辦法, 正本, 副本 and an 附件 list after them; the date in Chinese numerals (中華民國一百一十三年五月十日). */
const HAN = [
  '勞動部　函',
  '地址：10346臺北市大同區延平北路二段83號',
  '承辦人：陳志明',
  '電話：（02）8590-2567',
  '電子信箱：chen@mol.gov.tw',
  '受文者：各直轄市政府勞動局、各縣（市）政府',
  '發文日期：中華民國一百一十三年五月十日',
  '發文字號：勞動條2字第1130140567號',
  '速別：最速件',
  '密等及解密條件或保密期限：普通',
  '附件：如說明三',
  '主旨：為加強勞動檢查，請貴府於本年度加強辦理營造業職業安全衛生檢查，請查照。',
  '說明：',
  '一、依職業安全衛生法第三十六條辦理。',
  '二、本年度截至4月底營造業重大職業災害已達二十八件，較去年同期增加。',
  '三、檢送「營造業安全衛生檢查重點」及「檢查結果統計表」各1份。',
  '辦法：',
  '一、請於113年6月30日前完成轄區高風險工地檢查。',
  '二、檢查結果請按月填報統計表，於次月10日前送部。',
  '正本：各直轄市政府勞動局、各縣（市）政府',
  '副本：本部職業安全衛生署',
  '部長　許銘春',
  '附件一　營造業安全衛生檢查重點',
  '附件二　檢查結果統計表',
];

/** A 令 issued by two ministries: the organs on two lines, the two 字號 on separate lines, no title, no 主旨. */
const JOINT_LING = [
  '內政部',
  '財政部　令',
  '發文日期：中華民國113年8月15日',
  '發文字號：台內地字第1130263456號',
  '台財產管字第11300198765號',
  '修正「土地登記規則」第二十四條之一、第一百十九條條文。',
  '附修正「土地登記規則」第二十四條之一、第一百十九條條文',
  '內政部部長　劉世芳',
  '財政部部長　莊翠雲',
];

/** A 計畫 with 壹、貳、 parts, its date in Chinese numerals under the title, and a 主辦機關/協辦機關 table. */
const PLAN = [
  '114年度推動智慧農業發展計畫',
  '農業部',
  '中華民國一百一十三年十二月二十日',
  '壹、計畫緣起',
  '農業勞動力老化及氣候變遷加劇，須導入智慧科技以提升生產效率。',
  '貳、計畫目標',
  '至116年輔導3,000戶農民導入智慧農業設備。',
  '參、執行策略及分工',
  '工作項目 | 主辦機關 | 協辦機關',
  '一、建置農業資料平台 | 農業部 | 數位發展部、國家科學及技術委員會',
  '二、培育智慧農業人才 | 農業部 | 教育部、勞動部',
  '肆、經費需求',
  '本計畫所需經費由農業部年度預算支應。',
];

/** A LegCo paper: its 文件 number, the panel, the title, and 目的/背景/建議/徵詢意見 parts of paragraphs numbered 1., 2. …; dated by month only. */
const LEGCO = [
  '立法會CB(2)123/23-24(01)號文件',
  '立法會福利事務委員會',
  '加強支援照顧者的措施',
  '目的',
  '1.\t本文件旨在向委員簡介政府加強支援照顧者的措施。',
  '背景',
  '2.\t政府一直透過社會福利署及非政府機構為照顧者提供支援服務，包括暫託服務及照顧者津貼。',
  '3.\t二〇二三年施政報告公布了一系列加強支援照顧者的新措施。',
  '建議',
  '4.\t政府建議設立照顧者資訊網站及二十四小時支援熱線，並擴展地區照顧者支援中心至全港。',
  '徵詢意見',
  '5.\t請委員就本文件的內容提出意見。',
  '勞工及福利局',
  '社會福利署',
  '2023年11月',
];

/** A government press release (新聞公報): the headline, the text, 完, and the date line with the time of release. */
const PRESS = [
  '政府公布二〇二三年第三季本地生產總值修訂數字',
  '＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊',
  '　　政府統計處今日（十一月十日）發表二〇二三年第三季本地生產總值的修訂數字，以及二〇二三年全年經濟預測。',
  '　　本地生產總值在二〇二三年第三季按年實質上升4.1%，較預先估計的4.1%相同。',
  '　　政府發言人表示，整體經濟在第三季持續復蘇，主要由訪港旅遊業及私人消費帶動。',
  '完',
  '2023年11月10日（星期五）',
  '香港時間16時30分',
];

/** Subsidiary legislation (第57B章) with its chapter and title on separate lines, 第1條 sections with names. */
const CAP57B = [
  '第57B章',
  '僱傭(勞資審裁處)規例',
  '第1條 引稱',
  '本規例可引稱為《僱傭(勞資審裁處)規例》。',
  '第2條 釋義',
  '在本規例中，除文意另有所指外——',
  '“審裁處”(Tribunal) 指勞資審裁處。',
  '第3條 申索的提出',
  '(1) 申索須以指明表格提出。',
  '(2) 處長可就表格的格式發出指引。',
];

/** The gazette's HTML fragment (its header table: organ and 文別 | date and 字號; the body in one cell), for kinds it did not hold: a 開會通知單 dated in Chinese numerals. */
const GAZETTE_NOTICE = `<!-- InstanceBeginEditable name="innerContent" --><div><table summary="本期公報內容表格"><tr><td><span><b>國家發展委員會開會通知單</b></span></td>
<td><span>中華民國一百一十三年六月三日</span><br><span>發產字第1130011223號</span></td></tr>
<tr><td colspan="2"><p>受文者：經濟部</p><p>開會事由：研商「產業創新條例施行細則」修正草案</p><p>開會時間：113年6月12日（星期三）下午2時30分</p>
<p>開會地點：本會610會議室</p><p>主持人：莊副主任委員</p><p>聯絡人及電話：王小明（02）2316-5300分機1234</p><p>出席者：經濟部、財政部</p>
<p>備註：請出席人員攜帶相關資料與會。</p></td></tr></table></div><div><a href="#">Top</a></div><!-- InstanceEndEditable -->`;

/** A 公告 in the gazette's layout with spaced labels (主　　旨), 公告事項 items, the 署名 and the draft it announces after it. */
const GAZETTE_GONGGAO = `<!-- InstanceBeginEditable name="innerContent" --><div><table summary="本期公報內容表格"><tr><td><b>衛生福利部公告</b></td>
<td>中華民國113年7月1日<br>衛授食字第1131301234號</td></tr><tr><td colspan="2">
<p>主　　旨：預告修正「食品添加物使用範圍及限量暨規格標準」第三條草案。</p><p>依　　據：行政程序法第一百五十四條第一項。</p><p>公告事項：</p>
<p>一、修正機關：衛生福利部。</p><p>二、修正依據：食品安全衛生管理法第十八條第一項。</p>
<p>三、對於本公告內容有任何意見者，請於本公告刊登公報之次日起六十日內陳述意見。</p><p>部　　長　邱泰源</p>
<p>食品添加物使用範圍及限量暨規格標準第三條修正草案</p><p>第三條　食品添加物之使用範圍及限量應符合附表一之規定。</p></td></tr></table></div><!-- InstanceEndEditable -->`;

describe('Taiwan 公文 of kinds the corpus lacks', () => {
  it('a 書函 as plain text', () => {
    const doc = run('shuhan.txt', SHUHAN);
    // the 字號 as the record gives it: the cleaner writes brackets in Chinese text full-width (GB/T 15834; --keep-punctuation keeps them)
    expect(facts(doc)).toEqual({ title: null, documentNumber: '臺教高(二)字第1130028765號', date: '2024-03-18', issuer: '教育部', parts: ['主旨', '说明'] });
    expect(doc.document.kind).toBe('书函');
    expect(doc.document.addressees.map((a) => a['zh-Hant'])).toEqual(['國立臺灣大學']);
  });
  it('a 開會通知單: the header’s date, not the meeting’s', () => {
    const doc = run('meeting.txt', MEETING);
    expect(facts(doc)).toEqual({
      title: null,
      documentNumber: '發產字第1130011223號',
      date: '2024-06-03',
      issuer: '國家發展委員會',
      parts: ['开会事由', '开会时间', '开会地点', '主持人', '联络人及电话', '出席者', '列席者', '备注'],
    });
    expect(doc.sections.at(-1)!.children.map((s) => s.marker)).toEqual(['一、', '二、']);
    expect(doc.document.subject?.['zh-Hant']).toBe('研商「產業創新條例施行細則」修正草案');
    expect(doc.document.kind).toBe('开会通知单');
    expect(doc.document.addressees.map((a) => a['zh-Hant'])).toEqual(['經濟部']);
  });
  it('a 公告 with 公告事項 items and sub-items', () => {
    const doc = run('gonggao.txt', GONGGAO);
    expect(facts(doc)).toEqual({ title: null, documentNumber: '衛授食字第1131301234號', date: '2024-07-01', issuer: '衛生福利部', parts: ['主旨', '依据', '公告事项'] });
    expect(doc.sections[2]!.children.map((s) => [s.marker, s.children.map((c) => c.marker)])).toEqual([
      ['一、', []],
      ['二、', []],
      ['三、', []],
      ['四、', ['（一）', '（二）', '（三）']],
    ]);
  });
  it('a 函 with 主旨, 說明, 辦法, an ROC date in Chinese numerals and an 附件 list', () => {
    const doc = run('han.txt', HAN);
    expect(facts(doc)).toEqual({ title: null, documentNumber: '勞動條2字第1130140567號', date: '2024-05-10', issuer: '勞動部', parts: ['主旨', '说明', '办法'] });
    expect(doc.sections.map((s) => s.children.map((c) => c.marker))).toEqual([[], ['一、', '二、', '三、'], ['一、', '二、']]);
    expect(doc.document.addressees.map((a) => a['zh-Hant'])).toEqual(['各直轄市政府勞動局', '各縣（市）政府']);
    // a level alone before 、 goes with the name after it: 各直轄市、縣（市）政府 is one collective
    const collective = run('han2.txt', HAN.map((l) => (l.startsWith('受文者：') ? '受文者：各直轄市、縣（市）政府、經濟部' : l)));
    expect(collective.document.addressees.map((a) => a['zh-Hant'])).toEqual(['各直轄市、縣（市）政府', '經濟部']);
    // the 附件 lines after the 署名 name the files it sends: a list, no attached document
    expect(doc.attachments).toEqual([]);
    expect(doc.parts.slice(-2).map((p) => p.type)).toEqual(['attachmentList', 'attachmentList']);
  });
  it('a joint 令 of two ministries with two 字號 on separate lines', () => {
    const doc = run('ling.txt', JOINT_LING);
    expect(facts(doc)).toEqual({ title: null, documentNumber: '台內地字第1130263456號、台財產管字第11300198765號', date: '2024-08-15', issuer: '內政部、財政部', parts: [] });
    expect(doc.document.kind).toBe('令');
  });
  it('a 計畫 with 壹、貳、 and a 主辦機關/協辦機關 table', () => {
    const doc = run('plan.txt', PLAN);
    expect(facts(doc)).toEqual({ title: '114年度推動智慧農業發展計畫', documentNumber: null, date: '2024-12-20', issuer: '農業部', parts: ['壹、', '贰、', '参、', '肆、'] });
    expect(doc.responsibilities.map((n) => ({ lead: n.lead, support: n.support }))).toEqual([
      { lead: ['agency:农业部'], support: ['agency:数位发展部', 'agency:国家科学及技术委员会'] },
      { lead: ['agency:农业部'], support: ['agency:教育部', 'agency:劳动部'] },
    ]);
  });
});

describe('Taiwan 公文 in the gazette’s HTML layout, of kinds the corpus lacks', () => {
  const html = (file: string, source: string) => processDocument({ file, bytes: Buffer.from(source) }).document!;
  it('a 開會通知單 dated in Chinese numerals', () => {
    const doc = html('notice.html', GAZETTE_NOTICE);
    expect(facts(doc)).toEqual({ title: null, documentNumber: '發產字第1130011223號', date: '2024-06-03', issuer: '國家發展委員會', parts: ['开会事由', '开会时间', '开会地点', '主持人', '联络人及电话', '出席者', '备注'] });
    expect(doc.document.subject?.['zh-Hant']).toBe('研商「產業創新條例施行細則」修正草案');
  });
  it('a 公告 with the draft it announces after its 署名', () => {
    const doc = html('gonggao.html', GAZETTE_GONGGAO);
    expect(facts(doc)).toEqual({ title: null, documentNumber: '衛授食字第1131301234號', date: '2024-07-01', issuer: '衛生福利部', parts: ['主旨', '依据', '公告事项'] });
    expect(doc.attachments.map((a) => [a.title?.['zh-Hant'], a.sections.map((s) => s.marker)])).toEqual([['食品添加物使用範圍及限量暨規格標準第三條修正草案', ['第三条']]]);
  });
});

describe('Hong Kong documents of kinds the corpus lacks', () => {
  it('a LegCo paper', () => {
    const doc = run('legco.txt', LEGCO);
    expect(facts(doc)).toEqual({ title: '加強支援照顧者的措施', documentNumber: '立法會CB(2)123/23-24(01)號文件', date: null, issuer: '勞工及福利局、社會福利署', parts: ['目的', '背景', '建议', '征询意见'] });
    expect(doc.document.jurisdiction).toBe('hk');
  });
  it('a press release', () => {
    const doc = run('press.txt', PRESS);
    expect(facts(doc)).toMatchObject({ title: '政府公布二〇二三年第三季本地生產總值修訂數字', documentNumber: null, date: '2023-11-10', parts: [] });
  });
  it('subsidiary legislation with chapter and title on separate lines', () => {
    const doc = run('cap57b.txt', CAP57B, 'hk');
    expect([doc.document.jurisdiction, doc.document.documentNumber, doc.document.title['zh-Hant']]).toEqual(['hk', '第57B章', '僱傭（勞資審裁處）規例']);
    expect(doc.sections.map((s) => [s.id, s.heading?.['zh-Hant']])).toEqual([
      ['a1', '引稱'],
      ['a2', '釋義'],
      ['a3', '申索的提出'],
    ]);
  });
});

/** Each fix these documents prompted, where it must work and where it must not fire. */
describe('the fixes, with the documents they must leave alone', () => {
  it('a Taiwan 公文’s own 發文日期/發文字號 lines stay its header (a second 字號 on the next line kept); a site’s table is still cut', () => {
    // must work: the joint 令 above (both 字號) and the 公告 (its header read, no title); a 函 with the 字號 first
    const han = run('han2.txt', ['財政部　函', '發文字號：台財稅字第11300512345號', '發文日期：中華民國113年9月2日', '主旨：檢送修正規定，請查照。']);
    expect(facts(han)).toEqual({ title: null, documentNumber: '台財稅字第11300512345號', date: '2024-09-02', issuer: '財政部', parts: ['主旨'] });
    // must not fire: a mainland metadata table at the head of a text, and Taiwan-shaped fields with no organ and 文別 above them
    const cn = run('cn.txt', ['发文字号：国办发〔2024〕1号', '成文日期：2024年1月3日', '国务院办公厅关于加强数据治理的通知', '各省、自治区、直辖市人民政府：', '现就有关事项通知如下。']);
    expect([cn.document.title['zh-Hans'], cn.document.documentNumber]).toEqual(['国务院办公厅关于加强数据治理的通知', '国办发〔2024〕1号']);
    const table = run('table.txt', ['發文日期：中華民國113年5月10日', '發文字號：經商字第11300012345號', '商業登記作業要點', '一、為辦理商業登記，特訂定本要點。']);
    expect(table.document.title['zh-Hant']).toBe('商業登記作業要點');
    expect(table.parts.map((p) => p.type)).not.toContain('issuerMark');
  });

  it('an organ and a date right under a title are its issuer and date, not a closing with an attachment after it', () => {
    // must work: the 計畫 above; a mainland plan printed so
    const cn = run('plan-cn.txt', ['某市数字经济发展规划', '某市人民政府', '2021年6月1日', '一、总体要求', '坚持创新驱动。', '二、主要任务', '建设数据中心。']);
    expect([cn.document.title['zh-Hans'], cn.document.date, cn.document.issuer?.['zh-Hans'], cn.sections.map((s) => s.marker)]).toEqual(['某市数字经济发展规划', '2021-06-01', '某市人民政府', ['一、', '二、']]);
    expect(cn.attachments).toEqual([]);
    // must not fire: a cover whose signature and date follow its body still forwards the document after them
    const cover = run('cover.txt', ['某市人民政府关于印发某市数据管理办法的通知', '各区人民政府：', '现将《某市数据管理办法》印发给你们，请认真贯彻执行。', '某市人民政府', '2024年1月3日', '某市数据管理办法', '第一条 为规范数据管理，制定本办法。', '第二条 本办法自发布之日起施行。']);
    expect([cover.document.issuer?.['zh-Hans'], cover.document.date, cover.attachments.length]).toEqual(['某市人民政府', '2024-01-03', 1]);
  });

  it('a LegCo paper: its reference, its committee, its unmarked parts — and no such parts outside a paper', () => {
    // must work: the paper above; the reference as the English text writes it
    const en = run('legco-en.txt', ['CB(4)456/23-24(02)', '立法會經濟發展事務委員會', '推動旅遊業發展的措施', '目的', '1.\t本文件旨在簡介推動旅遊業發展的措施。', '建議', '2.\t政府建議增撥資源推廣旅遊。', '文化體育及旅遊局', '2024年3月']);
    expect(facts(en)).toMatchObject({ title: '推動旅遊業發展的措施', documentNumber: 'CB(4)456/23-24(02)', parts: ['目的', '建议'], issuer: '文化體育及旅遊局' });
    // must not fire: a mainland notice whose short line stands above a 1. item keeps its numbered items
    const cn = run('cn2.txt', ['某市关于加强安全生产的通知', '各区：', '工作目标', '1. 全年不发生重大事故。', '2. 隐患整改率达到100%。']);
    expect(cn.sections.map((s) => s.marker)).toEqual(['1.', '2.']);
  });

  it('a 開會通知單’s rows are its parts, 開會事由 its subject; in a 函 such a row is text', () => {
    // must work: the 開會通知單 above; must not fire: a 函 whose 說明 holds 開會時間： and 備註： lines, a mainland 会议通知
    const han = run('han3.txt', ['經濟部　函', '發文日期：中華民國113年6月3日', '發文字號：經商字第11300099999號', '主旨：請派員出席會議，請查照。', '說明：', '開會時間：113年6月12日下午2時', '備註：請攜帶資料。']);
    expect(han.sections.map((s) => s.marker)).toEqual(['主旨', '说明']);
    expect(han.document.subject?.['zh-Hant']).toBe('請派員出席會議，請查照。');
    const cn = run('cn3.txt', ['关于召开安全生产工作会议的通知', '各区：', '会议时间：2024年1月5日', '备注：请准时参会。']);
    expect(cn.sections).toEqual([]);
  });

  it('受文者 lists organs as 正本 does; 附件 lines after the 署名 are a list only when nothing but them follows', () => {
    // must work: the 函 above; must not fire: a 函 that sends its attachment's text after the 署名, and a mainland 主送 line
    const sends = run('han4.txt', ['經濟部　函', '受文者：財政部', '發文日期：中華民國113年6月3日', '發文字號：經商字第11300099999號', '主旨：檢送要點1份，請查照。', '部長　王美花', '附件一　商業登記作業要點', '一、為辦理商業登記，特訂定本要點。', '二、本要點自發布日施行。']);
    expect([sends.attachments.length, sends.document.addressees.map((a) => a['zh-Hant'])]).toEqual([1, ['財政部']]);
    const cn = run('cn4.txt', ['关于做好防汛工作的通知', '江宁、浦口区政府，市有关部门：', '现就有关事项通知如下。']);
    expect(cn.document.addressees.map((a) => a['zh-Hans'])).toEqual(['江宁、浦口区政府', '市有关部门']);
  });

  it('a month without its day closes a text only under organs', () => {
    // must work: the LegCo paper above (its two organs, no date); must not fire: a month at the end of a body line
    const doc = run('month.txt', ['某市关于年度工作的报告', '一、工作情况', '全年完成目标任务。', '报告期截至', '2023年11月']);
    expect([doc.document.issuer, doc.document.date]).toEqual([null, null]);
  });

  it('a date with its weekday ends a press release; a rule under its headline is no part of the title', () => {
    // must work: the press release above; must not fire: a meeting's hour after the weekday is no closing date
    const doc = run('meeting-end.txt', ['關於召開年度會議的說明', '　　會議將討論年度預算。', '2024年1月5日（星期五）下午2時30分']);
    expect(doc.document.date).toBeNull();
    const ruled = run('ruled.txt', ['某市关于加强安全生产的通知', '——————', '各区：', '现就有关事项通知如下。', '某市人民政府', '2024年1月3日']);
    expect(ruled.document.title['zh-Hans']).toBe('某市关于加强安全生产的通知');
  });
});
