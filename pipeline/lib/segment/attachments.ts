/**
 * Documents attached after a cover: where the cover ends (its signature and
 * 成文日期 with a document after them), and each attached document (附件1 …
 * 附件2 …) read with its own header, body, closing and heading tree.
 */
import type { Diagnostic } from '../diagnostics.js';
import { CC_LINE, documentKind, NOTE_LINE, parseDateLine, PRINTING_LINE } from '../gbt9704.js';
import type { Line } from '../lines.js';
import { buildTree } from './headings.js';
import { DECIDED_BY, TW_SIGNER } from '../tw-gongwen.js';
import { isSigner, joined, readClosing, readHeader } from './parts.js';
import type { Part, SegAttachment } from './types.js';

/** The label above an attached document: 附件, 附件1, 附件一, 附件：. */
const ATTACHMENT_LABEL = /^附件\s*(?:\d+|[一二三四五六七八九十]+)?\s*[：:]?$/;
/** An attachment's label and its name on one line, no sentence: 附件一　營造業安全衛生檢查重點, 附件2：统计表. */
export const NAMED_ATTACHMENT_LINE = /^附件\s*(?:\d+|[一二三四五六七八九十]+)\s*[：:、．.]?\s*[^\s。][^。]{0,58}$/u;
/** 附件2, 附件二: the label of a second (third …) attached document. */
const NUMBERED_ATTACHMENT_LABEL = /^附件\s*(?:\d+|[一二三四五六七八九十]+)\s*[：:]?$/;

/**
 * Where a cover ends and the document it forwards begins: the first
 * signature + 成文日期 pair (with its 附注) that still has a document after
 * it. -1 when the text is one document.
 */
/** Lines of a printed cover's 版记 besides 抄送 and 印发: 公开方式：主动公开, （此页无正文）. */
const VERSO_LINE = /^(?:(?:公开方式|公开属性|信息公开选项)[：:]|[（(]此页无正文[）)]$)/;

export function coverEnd(lines: Line[], from: number): number {
  // the pair closes a cover only after some of its body: an organ and a date right under the title (a plan's
  // 農業部 / 中華民國一百一十三年十二月二十日) are the title's, and what follows is the document itself
  for (let j = from + 2; j < lines.length - 2; j++) {
    if (!parseDateLine(lines[j]!.text) || !isSigner(lines[j - 1]!)) continue;
    let k = j + 1;
    // 附注, and the 版记 a printed cover ends with before the document it forwards (抄送, 印发, 公开方式)
    while (k < lines.length && (NOTE_LINE.test(lines[k]!.text) || VERSO_LINE.test(lines[k]!.text) || CC_LINE.test(lines[k]!.text) || PRINTING_LINE.test(lines[k]!.text))) k++;
    const rest = lines.slice(k);
    // a document follows: a title line (short, no 。), possibly under an 附件 label, then text
    const titleAt = rest[0] && ATTACHMENT_LABEL.test(rest[0].text) ? 1 : 0;
    const head = rest[titleAt];
    if (rest.length - titleAt >= 2 && head && head.text.length <= 60 && !head.text.includes('。') && !CC_LINE.test(head.text) && !PRINTING_LINE.test(head.text)) return k;
  }
  return -1;
}

/**
 * Where a Taiwan 函/令 ends and the document it sends begins: after its
 * 署名 (院长 谢长廷; one line per signing official) when a document follows
 * (a title line, short, no 。). -1 when nothing follows.
 */
export function taiwanCoverEnd(lines: Line[], from: number): number {
  for (let j = from + 1; j < lines.length - 2; j++) {
    if (!TW_SIGNER.test(lines[j]!.text.trim())) continue;
    let k = j + 1;
    while (k < lines.length && (TW_SIGNER.test(lines[k]!.text.trim()) || DECIDED_BY.test(lines[k]!.text))) k++;
    const head = lines[k];
    // 附件一　檢查重點 / 附件二　統計表 and nothing else: the names of the files it sends, whose text is not here
    if (lines.slice(k).every((l) => NAMED_ATTACHMENT_LINE.test(l.text.trim()))) return -1;
    if (head && lines.length - k >= 2 && head.text.length <= 60 && !head.text.includes('。')) return k;
    return -1;
  }
  return -1;
}

/**
 * The documents from line `split` on (the first line after the cover): one per
 * numbered 附件 label, each with its own parts, title, kind, issuer, date and
 * tree (ids under `att1.`, `att2.` …). Pushes an `attachment` part for each.
 */
export function readAttachments(
  text: string,
  lines: Line[],
  split: number,
  parts: Part[],
  diagnostics: Diagnostic[],
  markdown: ReadonlyMap<number, number>,
  /** Where the document says a bracket of agencies alone is a note (括号内为责任单位), for headings that carry one. */
  bareLists = Infinity,
): SegAttachment[] {
  const attachments: SegAttachment[] = [];
  // 附件1 … 附件2 …: each numbered label after the first starts another attached document
  const bounds = [split];
  for (let k = split + 1; k < lines.length; k++) if (NUMBERED_ATTACHMENT_LABEL.test(lines[k]!.text) && lines[k + 1]) bounds.push(k);
  bounds.forEach((from, n) => {
    const own = lines.slice(from, bounds[n + 1] ?? lines.length);
    const id = `att${n + 1}`;
    let k = 0;
    const attParts: Part[] = [];
    if (ATTACHMENT_LABEL.test(own[0]!.text)) {
      attParts.push({ type: 'attachmentLabel', start: own[0]!.start, end: own[0]!.end });
      k++;
    }
    const attHeader = readHeader(text, own, k, attParts, diagnostics, false);
    const closing = readClosing(own, attHeader.next, attParts);
    const body = buildTree(text, closing.bodyLines, diagnostics, `${id}.`, markdown, false, 0, null, false, bareLists);
    const start = own[0]!.start;
    const end = own[own.length - 1]!.end;
    parts.push({ type: 'attachment', start, end });
    attachments.push({
      id,
      start,
      end,
      parts: attParts,
      title: attHeader.title,
      kind: documentKind(joined(text, attHeader.title)),
      issuer: closing.issuer,
      date: closing.date,
      preamble: body.preamble,
      sections: body.sections,
    });
  });
  return attachments;
}
