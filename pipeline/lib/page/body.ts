/**
 * Where the document is on a page: the block that holds most of the page's
 * document-like text (Chinese prose with sentence punctuation, not links),
 * its title line (which sites often print above that block), and, inside,
 * the lines that are page furniture (link lists, toolbars). Everything else
 * on the page is chrome. Built on what every 公文 page shares — prose against
 * links, a title shaped like a 公文's, the page's own <title> — never on one
 * site's class names.
 */
import type { Element, ElementContent } from 'hast';
import { titleCandidates, type HeadFacts } from './head.js';
import type { PageLine, PageMeasure } from './blocks.js';
import { ANNOUNCEMENT_NUMBER, DOCUMENT_NUMBER } from '../gbt9704.js';
import { tidyTitle } from '../document-facts.js';
import { fieldOfLabel } from './metadata-labels.js';

/** The body block is the deepest element holding at least this share of the page's document-like text. */
const BODY_SHARE = 0.7;
/** How far above the body block (lines) a title line is looked for. */
const TITLE_WINDOW = 40;
/** A title line inside the body block wins over a headline above it from this score on. */
const INNER_TITLE = 4;

export interface DocumentRegion {
  /** Indexes of the lines that belong to the document, in order. */
  kept: number[];
  /** Index of the title line, when one was found. */
  titleLine: number | null;
  /** The body block. */
  body: Element;
  /** The body block's first and last line. */
  first: number;
  last: number;
}

/** 文种: the words a 公文 title ends with (GB/T 9704, 党政机关公文处理工作条例), plus the plans and rules documents publish; in both scripts (the page is read as written), with Taiwan's 施政方针. */
const KIND_END =
  /(?:通知|通报|意见|方案|办法|决定|决议|规定|细则|措施|公告|通告|批复|函|报告|规划|纲要|条例|计划|要点|指引|指南|命令|令|议案|纪要|请示|公报|建议|规则|制度|标准|目录|清单|章程|守则|准则|政策|施政方针|通報|意見|辦法|決定|決議|規定|細則|批覆|報告|規劃|綱要|條例|計畫|計劃|要點|議案|紀要|請示|建議|規則|標準|目錄|準則|施政方針)》?(?:（[^）]{1,12}）|\([^)]{1,12}\)|[（(][^（()）]{1,20}\d+号[）)])?$/u;

/** A line that is only a 发文字号 (沪教委规〔2021〕2号, 宁房市字[2017]108号). */
function isDocumentNumber(t: string): boolean {
  if (ANNOUNCEMENT_NUMBER.test(t)) return true;
  const m = DOCUMENT_NUMBER.exec(t);
  return m !== null && m.index === 0 && m[0].length === t.length;
}

/**
 * A line of a Taiwan 函/令/公告's header, which the gazette prints in a table
 * above the text: the organ and 文別 (行政院函, 法務部內政部|令), the 發文日期
 * in the ROC calendar, a 發文字號 (院授主忠字第0940002788號), or a row of
 * them (cells as the page measures them, without separators). Either script.
 */
const TW_NUMBER = /(?:[\p{Script=Han}\d]|[（(][一二三四五六七八九十\d]{1,3}[）)]){1,12}字第[\dA-Za-z-]+[號号]/u;
const ROC_DATE = /^(?:中華民國|中华民国)[\d一二三四五六七八九十百零〇]+年[\d一二三四五六七八九十]+月[\d一二三四五六七八九十]+日/u;
function isTaiwanHeaderLine(t: string): boolean {
  if (t.length > 80) return false;
  const cells = t.replace(TW_NUMBER, '\n').replace(ROC_DATE, '\n').replace(/[（(](?:補登|补登)[）)]/gu, '');
  const rest = cells.replace(/\n/g, '');
  // what is left is an organ and its 文別, or nothing
  return cells.includes('\n') ? rest === '' || /^[\p{Script=Han}、]{2,40}?(?:函|書函|书函|令|公告)$/u.test(rest) : /^[\p{Script=Han}、]{2,40}?(?:函|書函|书函|令|公告)$/u.test(rest) && /(?:院|部|會|会|署|局|處|处|府)(?:函|書函|书函|令|公告)$/u.test(rest);
}

/** A piece of a Taiwan header printed one cell a line: an organ alone (行政院, 司法院) or the 文別 alone (函, 令). */
function isTaiwanHeaderPiece(t: string): boolean {
  return /^(?:函|書函|书函|令|公告)$/u.test(t) || (t.length <= 20 && /^\p{Script=Han}{2,20}(?:院|部|會|会|署|局|處|处|府)$/u.test(t));
}

/** How far above the body block a Taiwan header is looked for. */
const TW_HEADER_WINDOW = 60;

/**
 * The first line of a Taiwan 函/令/公告 whose header (its ROC date or 發文字號, with
 * the organ and 文別 above, one cell a line) stands above the body block, with
 * only text between them — its 主旨, 說明 and 署名, printed outside the block
 * that holds the regulation it sends or a comparison table; else null.
 */
function taiwanHeaderAbove(m: PageMeasure, first: number): number | null {
  let strong: number | null = null;
  for (let i = first - 1; i >= 0 && i >= first - TW_HEADER_WINDOW; i--) {
    const line = m.lines[i]!;
    const t = normalise(line.text);
    const header = isTaiwanHeaderLine(t);
    if (header && (TW_NUMBER.test(t) || ROC_DATE.test(t))) strong = i;
    else if (isLinkLine(line) && !header && !isTaiwanHeaderPiece(t)) break;
  }
  if (strong === null) return null;
  let top = strong;
  while (top > 0 && top > first - TW_HEADER_WINDOW) {
    const t = normalise(m.lines[top - 1]!.text);
    if (!isTaiwanHeaderLine(t) && !isTaiwanHeaderPiece(t)) break;
    top--;
  }
  return top;
}

/** An attachment a document names by its title on a line of its own: 附修正「…辦法」, 附《…》. */
const ATTACHED_TITLE = /^附.{0,6}[「《“]/u;

/** A line of the document that a page prints as a link: a sentence (依據：「…規則」第19條。) or an attachment named by its title (附修正「…辦法」). */
function isTextLink(t: string): boolean {
  return /[。！？；]$/u.test(t) || ATTACHED_TITLE.test(t);
}

function normaliseSpace(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/gu, '');
}

function normalise(s: string): string {
  return s.replace(/<[^>]*>/gu, '').replace(/[\s\u00a0\u3000《》“”"'‘’「」]/gu, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

function isLinkLine(line: PageLine): boolean {
  return line.han > 0 && line.linkHan >= line.han * 0.5 && line.fileLinks < line.links;
}

/** How much a line looks like the document's title: agreement with the page's own names, then shape. */
function titleScore(line: PageLine, names: string[]): number {
  if (line.han < 4 || line.han > 120 || isLinkLine(line)) return 0;
  const t = normalise(line.text);
  // a label row (来源：…, 发布日期：…) is no title
  if (/[：:]/u.test(t)) return 0;
  // a column or site name (主动公开文件, 通知公告) may equal the page's <title>: a short line needs a 文种 too
  const long = line.han >= 8;
  const titleShaped = long && KIND_END.test(t);
  let score = 0;
  for (const name of names) {
    const n = normalise(name);
    // a site's or column's name (佛山市住房和城乡建设局, 通知公告) is no evidence: only a name shaped like a title is
    if (!KIND_END.test(n) && !n.includes('关于') && !n.includes('關於')) continue;
    if (t === n) score = Math.max(score, long ? 4 : 1);
    // a part of the title (a title split over lines) — not an organ's name, which titles also hold
    else if (t.length >= 8 && n.includes(t) && (titleShaped || /關於|关于/u.test(t))) score = Math.max(score, 3);
    else if (n.length >= 8 && t.includes(n) && t.length <= n.length + 30) score = Math.max(score, 3);
  }
  if (long && KIND_END.test(t)) score += 2;
  if (line.emphasised) score += 1;
  // a sentence is not a title
  if (/[。；！？]$/u.test(t) || line.punct > 4) score -= 3;
  return score;
}

function bodyBlock(m: PageMeasure): Element | null {
  let current: Element | null = m.body;
  if (!current) return null;
  const total = m.weight.get(current) ?? 0;
  if (total <= 0) return null;
  for (;;) {
    let best: Element | null = null;
    let bestWeight = -1;
    const children: ElementContent[] = current.children;
    for (const child of children) {
      if (child.type !== 'element') continue;
      const w = m.weight.get(child) ?? 0;
      if (w > bestWeight) {
        best = child;
        bestWeight = w;
      }
    }
    if (!best || bestWeight < total * BODY_SHARE) return current;
    current = best as Element;
  }
}

/** Lines a body block often ends with that are the site's, not the document's: empty labels, related links, share and print, QR captions. */
const FURNITURE_WORDS = '解读|图解|问答|视频|相关|关联|扫一扫|二维码|分享|打印|关闭|收藏|字号|上一篇|下一篇|附件下载|原文下载|下载|责任编辑|来源|浏览|点击';
const TRAILING_FURNITURE = new RegExp(`^(?:.{0,20}[：:]|.{0,40}(?:${FURNITURE_WORDS}).{0,20}|.{0,6}(?:${FURNITURE_WORDS})[^：:]{0,10}[：:].*)$`, 'u');
/** An attachment list's line: 附件：…, 1.…, 2、… */
const ATTACHMENT_LINE = /^(?:附件|\d{1,2}\s*[.．、])/u;
/** A 成文日期 alone on its line. */
const DATE_ONLY = /^\d{4}年\d{1,2}月\d{1,2}日$|^[〇○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$/u;
/** The heading of a list the site adds below a document: 相关链接, 相关文件, 政策解读 … */
const RELATED_HEAD = /^(?:相关|关联|延伸|推荐)\S{0,6}[：:]?$|^(?:政策|图文|视频)?解读[：:]?$/u;
/** How the heading of an interpretation of the document (解读, 答记者问 …) ends. */
const INTERPRETATION_END = /(?:解读|问答|答记者问|图解|答问)(?:材料)?[）)]?$/u;
/** 附注 and 版记: after them a document has only 抄送/印发 lines and its attachments. */
const NOTE_LINE = /^[（(]此件[^）)]{0,12}[）)]$/u;
/** A document's own last lines: 成文日期, 附注, 抄送, 印发, an attachment line, an article. */
const DOCUMENT_END = /(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○一二三四五六七八九]{4}年|^[（(]此件|^抄送|印发$|^附件|^第\S{1,6}条)/u;

/**
 * Whether a line is a label of the site's metadata (成文日期, 发文机关：, a cell of its own) or a label with its
 * value (有效性：有效): a label read by what it means (metadata-labels.ts), up to eight characters before a colon or alone.
 */
function metadataLabel(t: string): boolean {
  const label = /^([^：:]{1,8})[：:]/u.exec(t)?.[1] ?? (t.length <= 8 ? t : null);
  return label !== null && fieldOfLabel(label) !== null;
}

/**
 * The block's last line, or the 成文日期 line just after it when the signature and date sit outside the block —
 * not a date that is a value of the site's metadata printed below the text (成文日期： | 2019年01月22日).
 */
function closingAfter(m: PageMeasure, first: number, last: number): number {
  for (let i = last + 1; i <= last + 4 && i < m.lines.length; i++) {
    const line = m.lines[i]!;
    if (isLinkLine(line) || line.han > 40 || metadataLabel(normaliseSpace(line.text))) return last;
    if (/^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/u.test(line.text)) return i > last + 1 || signatureLike(m.lines[last]!) || !dated(m, first, last) ? i : last;
  }
  return last;
}

/** Whether the block's lines hold a 成文日期 alone on its line (the document is dated inside it). */
function dated(m: PageMeasure, first: number, last: number): boolean {
  for (let i = first; i <= last; i++) if (DATE_ONLY.test(normaliseSpace(m.lines[i]!.text))) return true;
  return false;
}

/**
 * A line that may sign a document: a short name without sentence punctuation, no date, no 附注. A date printed
 * right after a block that is dated already and ends otherwise (with its date, its 附注 （此件公开发布）, a sentence)
 * is the site's publication date, not the document's.
 */
function signatureLike(line: PageLine): boolean {
  const t = normaliseSpace(line.text);
  return line.han > 0 && line.han <= 40 && line.punct === 0 && !isLinkLine(line) && !DOCUMENT_END.test(t) && !/[）)]$/u.test(t);
}

/** The titles a document's 附件说明 lists before its end (附件：1.X / 2.Y): X, Y. */
function attachmentTitles(m: PageMeasure, kept: readonly number[], end: number): string[] {
  const titles: string[] = [];
  let inList = false;
  for (let k = 0; k < end; k++) {
    const t = normaliseSpace(m.lines[kept[k]!]!.text);
    const start = /^附件[：:]/u.test(t);
    if (start) inList = true;
    else if (inList && !/^\d{1,2}[.．、]/u.test(t)) inList = false;
    if (!inList) continue;
    const title = t.replace(/^附件[：:]/u, '').replace(/^\d{1,2}[.．、]/u, '').replace(/[《》]/gu, '');
    if (title.length >= 4) titles.push(title);
  }
  return titles;
}

/** Whether kept line k starts the heading of an interpretation: it, or it joined with the next one or two when it opens an unfinished title, is a short line without a sentence's end that names an interpretation (《关于…的通知》解读, 关于…的政策问答). */
function interpretationHeading(m: PageMeasure, kept: readonly number[], k: number): boolean {
  let joined = '';
  // a heading wraps only from a line that opens a title it does not finish: 《关于…中 / …的通知》解读
  const first = normaliseSpace(m.lines[kept[k]!]!.text);
  const wraps = (first.startsWith('《') && !first.includes('》')) || first.startsWith('关于');
  for (let j = k; j < Math.min(kept.length, wraps ? k + 3 : k + 1); j++) {
    joined += normaliseSpace(m.lines[kept[j]!]!.text);
    if (joined.length > 80 || /[。；！？]/u.test(joined)) return false;
    if (INTERPRETATION_END.test(joined)) return true;
  }
  return false;
}

/**
 * Where a run of the site's metadata starts that ends the kept lines, from kept index `from` on: each line
 * a label with its value (有效性：有效) or a label alone followed by its value on the next line, at least
 * two labels; -1 when the kept lines do not end so.
 */
function trailingMetadata(m: PageMeasure, kept: readonly number[], from: number): number {
  let start = -1;
  let labels = 0;
  for (let k = from; k < kept.length; k++) {
    const t = normaliseSpace(m.lines[kept[k]!]!.text);
    const label = metadataLabel(t);
    const alone = label && /^[^：:]{1,8}[：:]?$/u.test(t);
    const next = kept[k + 1] === undefined ? '' : normaliseSpace(m.lines[kept[k + 1]!]!.text);
    if (label && (!alone || (next !== '' && !metadataLabel(next)))) {
      if (start < 0) start = k;
      labels++;
      // a label alone takes the next line as its value
      if (alone) k++;
      continue;
    }
    start = -1;
    labels = 0;
  }
  return labels >= 2 ? start : -1;
}

/** Drops furniture lines at the end of the kept lines, after the document's last line of text. */
function trimTrailingFurniture(m: PageMeasure, kept: number[]): void {
  // after the document's end — its 附注 (（此件公开发布）) and 版记, or its 成文日期 — an interpretation of the document that the
  // site put in the same block is the page's: its heading (…解读, …问答, over up to three lines) ends the document
  const note = kept.findIndex((i) => NOTE_LINE.test(normaliseSpace(m.lines[i]!.text)));
  let dated = -1;
  // (a date under a metadata label — 成文日期： / 2019年01月22日 — is the site's value, not the document's date line)
  const labelled = (k: number) => k > 0 && metadataLabel(normaliseSpace(m.lines[kept[k - 1]!]!.text));
  for (let k = 0; k < kept.length; k++) if (DATE_ONLY.test(normaliseSpace(m.lines[kept[k]!]!.text)) && !labelled(k)) dated = k;
  const end = Math.max(note, dated);
  if (end >= 0) {
    // a line printed as a link after the document's end is a related link, not a sentence of the document (an attachment's line stays)
    let w = end + 1;
    for (let k = end + 1; k < kept.length; k++) {
      const line = m.lines[kept[k]!]!;
      if (isLinkLine(line) && !ATTACHMENT_LINE.test(normaliseSpace(line.text))) continue;
      kept[w++] = kept[k]!;
    }
    kept.length = w;
    const listed = attachmentTitles(m, kept, end);
    for (let k = end + 1; k < kept.length; k++) {
      // (an interpretation the document lists among its attachments — 附件：2.…政策解读 — is the document's)
      if (interpretationHeading(m, kept, k) && !listed.some((t) => normaliseSpace(m.lines[kept[k]!]!.text).includes(t))) {
        kept.length = k;
        break;
      }
    }
  }
  // the site's metadata printed after the document's end (成文日期： / 2019年01月22日 / 发文机关： / 国务院办公厅, or
  // 有效性：有效 rows) up to the block's end: label and value pairs only — a table's header row (文件名称 / 文号 / 发布日期)
  // has its labels side by side and stays
  if (end >= 0) {
    const cut = trailingMetadata(m, kept, end + 1);
    if (cut >= 0) kept.length = cut;
  }
  // a list of related links or interpretations under its own heading, after the document's date
  if (dated >= 0) {
    const related = kept.findIndex((i, k) => k > dated && RELATED_HEAD.test(normaliseSpace(m.lines[i]!.text)));
    if (related > 0) kept.length = related;
  }
  while (kept.length > 1) {
    const line = m.lines[kept[kept.length - 1]!]!;
    const t = normaliseSpace(line.text);
    // a sentence printed as a link at the end of the block is a related link (依據… or 附修正「…」 inside the text stay)
    if (isLinkLine(line) && line.fileLinks === 0 && !ATTACHMENT_LINE.test(t) && !ATTACHED_TITLE.test(t)) {
      kept.pop();
      continue;
    }
    // a link to a file is the document's only in its attachment list (it is kept in attachmentLinks either way)
    if (line.fileLinks > 0 ? ATTACHMENT_LINE.test(t) : DOCUMENT_END.test(t) || !TRAILING_FURNITURE.test(t) || line.punct > 2) return;
    kept.pop();
  }
}

/** A row that offers the document's files to download (附件下载：X.pdf, 正文下载：…): the page's, kept in attachmentLinks. */
function isDownloadRow(line: PageLine): boolean {
  return line.fileLinks > 0 && /^(?:附件|文件|正文|原文)(?:下载)?[：:]/u.test(normaliseSpace(line.text));
}

/**
 * A row of the site's metadata or controls, in or out of square brackets: a metadata label with its value
 * (来源：市政府办公室, 发布时间：…), or a font-size control (字号：大 中 小) — never sentence punctuation.
 */
function isSiteRow(line: PageLine): boolean {
  if (line.punct > 0) return false;
  const t = normaliseSpace(line.text).replace(/^[【\[［]/u, '');
  return metadataLabel(t) && /[：:]./u.test(t);
}

/** A site's label over the document's text: 正文：, 【全文】, 文件内容：, 政策原文 — a word naming the text, alone on its line. */
const CONTENT_LABEL = /^[【\[［]?(?:文件|政策|公文)?(?:正文|全文|内容|原文)(?:内容)?[】\]］]?[：:]?$/u;

/** A bracket on its own line under a title: （试行）, （2024—2026年）, an adoption note （2025年12月1日…全体会议通过） — not a site's label row （来源：…）. */
const TITLE_BRACKET = /^（[^）：:]{1,80}）$/u;

/** The first line of a document's own header: a decree's (…令, …令第N号) or an organ's mark (…文件). */
const OWN_HEADER = /^(?:中华人民共和国|中華人民共和國)?\p{Script=Han}{2,20}?令(?:第[\d〇零一二三四五六七八九十百千]+[号號])?$|^\p{Script=Han}{2,40}文件$/u;

/** The titles a line names in 《》 (its text normalised as lines are compared). */
function namesInQuotes(line: string): string[] {
  return [...line.matchAll(/《([^《》]{4,80})》/gu)].map((q) => normalise(q[1]!));
}

/** Whether the lines from `first` (up to three) joined are `title`. */
function opensWith(m: PageMeasure, first: number, last: number, title: string): boolean {
  let joined = '';
  for (let i = first; i <= Math.min(last, first + TITLE_LINES - 1); i++) {
    joined += normalise(m.lines[i]!.text);
    if (joined === title) return true;
    if (!title.startsWith(joined)) return false;
  }
  return false;
}

/** Lines a wrapped title runs over at most (GB/T 9704 wraps a long title over two or three lines). */
const TITLE_LINES = 3;

/**
 * The last line of a title that wraps below the line found (…八部门印发关于 /
 * 进一步促进…平稳健康 / 发展的若干措施的通知): the next short lines while the
 * title is not finished — it does not end in a 文种 yet, and the lines joined
 * end in one within TITLE_LINES — or while the page's own names hold the join.
 */
function titleContinuation(m: PageMeasure, titleLine: number, last: number, names: string[]): number {
  let joined = normalise(m.lines[titleLine]!.text);
  let end = titleLine;
  const named = (t: string) => names.some((n) => normalise(n).includes(t));
  const wrapped = (line: PageLine) => line.han > 0 && line.han <= 40 && !isLinkLine(line) && !/[。；！？：:]/u.test(line.text);
  while (end < last && end - titleLine < TITLE_LINES - 1 && !KIND_END.test(joined)) {
    // the join must finish as a title within the window: a title's first line is not followed by prose
    let finish = -1;
    let probe = joined;
    for (let i = end + 1; i <= Math.min(last, titleLine + TITLE_LINES - 1); i++) {
      if (!wrapped(m.lines[i]!)) break;
      probe += normalise(m.lines[i]!.text);
      if (KIND_END.test(probe)) {
        finish = i;
        break;
      }
    }
    const next = m.lines[end + 1]!;
    if (finish < 0 && !(wrapped(next) && named(joined + normalise(next.text)))) break;
    joined += normalise(next.text);
    end++;
  }
  return end;
}

export function findDocument(m: PageMeasure, head: HeadFacts): DocumentRegion | null {
  const body = bodyBlock(m);
  if (!body) return null;
  const range = m.lineRange.get(body);
  if (!range) return null;
  const [first, blockLast] = range;
  const last = closingAfter(m, first, blockLast);
  const names = titleCandidates(head);

  // the title: the body block's own title line when it has one (a page's headline above it often adds the
  // site's decorations: a 文号 in brackets, a news verb); else the best title-like line above the block
  let titleLine: number | null = null;
  let bestScore = 2;
  // only above the text itself: a forwarded document's title further down is not the page's
  // the block's first line of text: a toolbar or a link row the site put at its top (【字体：大 中 小】), or a label
  // over the text (正文：, 【全文】), a row of files to download (附件下载：X.pdf) or of the site's metadata and controls
  // (来源：市政府办公室　字号：大 中 小, 【字体：大 中 小】), is not where it opens
  let opening = first;
  while (opening < last && (isLinkLine(m.lines[opening]!) || CONTENT_LABEL.test(normalise(m.lines[opening]!.text)) || isDownloadRow(m.lines[opening]!) || isSiteRow(m.lines[opening]!))) opening++;
  let lastCandidate = Math.min(last, opening + 12);
  for (let i = opening; i <= lastCandidate; i++) {
    const line = m.lines[i]!;
    if ((line.punct > 0 && line.han > 30) || /[：:]\s*$/u.test(line.text)) {
      lastCandidate = i - 1;
      break;
    }
  }
  for (let i = opening; i <= lastCandidate; i++) {
    const score = titleScore(m.lines[i]!, names);
    if (score > bestScore && score >= INNER_TITLE) {
      bestScore = score;
      titleLine = i;
    }
  }
  if (titleLine === null) {
    for (let i = Math.max(0, first - TITLE_WINDOW); i < first; i++) {
      const score = titleScore(m.lines[i]!, names);
      // the nearest of equal candidates
      if (score >= bestScore) {
        bestScore = score;
        titleLine = i;
      }
    }
  }
  // a headline above the block that a line of the block's head repeats without the site's decorations
  // (关于…的通知 ( 2021年07月23日 ) above 沪建房管联〔2021〕476号 / 关于…的通知): the block's own line is the title
  if (titleLine !== null && titleLine < first) {
    const bare = normalise(tidyTitle(m.lines[titleLine]!.text.trim()).title);
    for (let i = first; i <= lastCandidate; i++) {
      if (normalise(m.lines[i]!.text) === bare) {
        titleLine = i;
        break;
      }
    }
  }
  // a title split over lines: the lines just above it that, joined with it, the page's names also hold
  if (titleLine !== null) {
    let joined = normalise(m.lines[titleLine]!.text);
    while (titleLine > 0 && titleLine > first - TITLE_WINDOW) {
      const above = m.lines[titleLine - 1]!;
      const together = normalise(above.text) + joined;
      // (a heading element is one headline: the pieces a <br> breaks it into join whatever the page's names say)
      const sameHeading = above.block === m.lines[titleLine]!.block && /^h[1-6]$/.test(above.block.tagName) && !/[。；！？：:]/u.test(above.text);
      if (above.han === 0 || isLinkLine(above) || !(sameHeading || names.some((n) => normalise(n).includes(together)))) break;
      joined = together;
      titleLine--;
    }
  }

  // a block that opens with a document's own header — a decree (中华人民共和国国务院令 / 第707号) or an organ's
  // mark (XX人民政府文件) — has its title where the header puts it: a headline above it is the site's
  if (titleLine !== null && titleLine < first && OWN_HEADER.test(normalise(m.lines[opening]!.text))) titleLine = null;
  // a cover's headline (关于印发《X》的通知) above a block that is X itself, from its title on: the page shows the
  // forwarded document without its cover, and the document is X
  if (titleLine !== null && titleLine < first && namesInQuotes(m.lines[titleLine]!.text).includes(normalise(m.lines[opening]!.text))) titleLine = null;
  const titleEnd = titleLine === null ? null : titleContinuation(m, titleLine, last, names);
  // a headline above the block that the block's first lines repeat (its title over up to three lines): the block's own copy is kept
  const headlineText = titleLine === null ? '' : m.lines.slice(titleLine, Math.min(titleEnd!, first - 1) + 1).map((l) => normalise(l.text)).join('');
  const repeated = titleLine !== null && titleLine < first && opensWith(m, opening, last, headlineText);

  // inside the block, above its own title: the site's headline repeating it with decorations (…的通知（ 2021年07月23日）, 【已废止】…)
  const siteHeadline = (i: number) => titleLine !== null && i >= first && i < titleLine && normalise(tidyTitle(m.lines[i]!.text.trim()).title) === normalise(m.lines[titleLine]!.text);

  const kept: number[] = [];
  let start = titleLine !== null && titleLine < first ? titleLine : first;
  const twHeader = taiwanHeaderAbove(m, first);
  if (twHeader !== null && twHeader < start) start = twHeader;
  // a 发文字号 printed just above the title (GB/T 9704 puts it there)
  // (a Taiwan 函's header table: organ and 文別, ROC date, 發文字號)
  // (not a value of the site's metadata: 发文字号： | 国办发〔2019〕6号 in a table above the text)
  const metadataValue = (i: number) => {
    const label = i > 0 ? normaliseSpace(m.lines[i - 1]!.text) : '';
    return /^[^：:]{1,8}[：:]?$/u.test(label) && metadataLabel(label);
  };
  // (nor a site's repeat of the number the block's own head prints: a headline's subtitle line)
  const printedBelow = (i: number) => {
    const t = normalise(m.lines[i]!.text);
    for (let j = opening; j <= Math.min(last, opening + 8); j++) if (normalise(m.lines[j]!.text) === t) return true;
    return false;
  };
  while (start > 0 && start > first - TITLE_WINDOW && ((isDocumentNumber(normalise(m.lines[start - 1]!.text)) && !metadataValue(start - 1) && !(start <= first && printedBelow(start - 1))) || isTaiwanHeaderLine(normalise(m.lines[start - 1]!.text)))) start--;
  for (let i = start; i <= last; i++) {
    const line = m.lines[i]!;
    // a headline above the block that the block's first line repeats: the block's own copy is kept
    if (repeated && i >= titleLine! && i <= titleEnd! && i < first) continue;
    if (i < first && i !== titleLine && (twHeader === null || i < twHeader)) {
      // between a title above the body block and the block: only a 发文字号 or a bracketed part of the title
      const t = normalise(line.text);
      const continuesTitle = titleLine !== null && titleEnd !== null && i > titleLine && i <= titleEnd;
      if (!(continuesTitle || isDocumentNumber(t) || isTaiwanHeaderLine(t) || TITLE_BRACKET.test(t) || (titleLine !== null && i === titleLine + 1 && titleScore(line, names) >= 2))) continue;
    }
    if (siteHeadline(i) || (i >= first && i < opening && (CONTENT_LABEL.test(normalise(line.text)) || isDownloadRow(line) || isSiteRow(line)))) continue;
    // (a Taiwan header's organ is often a link to its site)
    if (isLinkLine(line) && !isTaiwanHeaderLine(normalise(line.text)) && !(i >= start && isTextLink(normalise(line.text)))) continue;
    kept.push(i);
  }
  trimTrailingFurniture(m, kept);
  return { kept, titleLine, body, first, last };
}
