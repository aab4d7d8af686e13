/**
 * Everything the clean stage learns from a parsed page besides its text:
 * where the document lies on it (raw spans of its lines), what the <head>
 * says, the headline the page gives the document, and its attachment links.
 */
import type { Root } from 'hast';
import { measurePage, type PageMeasure } from './blocks.js';
import { findDocument } from './body.js';
import { readHead, resolveHref, titleCandidates, type HeadFacts } from './head.js';

export interface AttachmentLink {
  text: string;
  /** Absolute when the page says its own address; as written otherwise. */
  href: string;
}

export interface PageFacts {
  head: HeadFacts;
  /** Raw spans (UTF-16) of the runs of lines that are the document, in order; null when no document-like block was found. */
  keep: [number, number][] | null;
  /** The page's own name for the document (title meta tag or <title> without the site's name). */
  headline: string | null;
  attachmentLinks: AttachmentLink[];
  /** No document-like text on the page (a list, a search page): its lines are links and labels. */
  noDocument: boolean;
  /** A site's tag before the title line (【已废止】, 【市级相关政策】), cut with the page's chrome: its words without the brackets, and the title line's raw span. */
  titleTag: { words: string; start: number; end: number } | null;
}

/** A site's tag at the start of the title line: 【已废止】, 【贷款】, [现行有效] — up to twelve characters in square brackets. */
export const TITLE_TAG = /^\s*[【\[［]([^】\]［］\s]{1,12})[】\]］]\s*/u;

/** A page whose document-like text is less than this (characters of prose outside links) holds no document. */
const MIN_PROSE = 60;

/** A row of the page's metadata that offers the document's files: 附件下载：, 文件下载：, 附件：, 正文下载：. */
const FILE_ROW = /^\s*(?:附件|文件|正文|原文)(?:下载)?\s*[：:]/u;

/** Whether a link's line is such a row, or follows the row's label in a cell of its own. */
function offersFiles(measure: PageMeasure, line: number): boolean {
  const label = measure.lines[line - 1];
  return FILE_ROW.test(measure.lines[line]!.text) || (label !== undefined && FILE_ROW.test(label.text) && /[：:]\s*$/u.test(label.text));
}

/** `placeOf` maps an offset of the text the parser saw to the raw input. */
export function readPage(tree: Root, placeOf: (index: number) => number): PageFacts {
  const head = readHead(tree);
  const measure = measurePage(tree);
  const region = findDocument(measure, head);
  const names = titleCandidates(head);
  // the title meta tags first; else the <title>'s first piece (a title before the column's and the site's names)
  const headline = names.find((n) => n !== head.title) ?? names[0] ?? null;
  const facts: PageFacts = { head, keep: null, headline, attachmentLinks: [], noDocument: false, titleTag: null };
  const prose = region ? region.kept.reduce((n, i) => { const l = measure.lines[i]!; return n + (l.punct > 0 ? l.han - l.linkHan : 0); }, 0) : 0;
  if (!region || prose < MIN_PROSE) {
    // a page of links (a list, a search page): nothing is cut, the record says it is no document
    facts.noDocument = measure.lines.length > 0;
    return facts;
  }
  // a tag the site put before the title (the chrome rule cuts it from the title line)
  const titleLine = region.titleLine !== null && region.kept.includes(region.titleLine) ? measure.lines[region.titleLine] : undefined;
  const tag = titleLine ? TITLE_TAG.exec(titleLine.text) : null;
  if (titleLine && tag && tag[0].length < titleLine.text.trimEnd().length) {
    facts.titleTag = { words: tag[1]!, start: placeOf(titleLine.start), end: placeOf(titleLine.end - 1) + 1 };
  }
  facts.keep = spans(measure, region.kept, placeOf);
  // links to files from the document's first line down (a site prints its 附件下载 row in the table below the text)
  const from = region.kept[0] ?? region.first;
  for (const link of measure.files) {
    // above it, only a row that names its links as the document's files (附件下载：, 文件下载：, 正文下载：)
    if (link.line < from && !offersFiles(measure, link.line)) continue;
    const text = link.text || link.href;
    if (!facts.attachmentLinks.some((a) => a.href === link.href)) facts.attachmentLinks.push({ text, href: resolveHref(link.href, head.url) });
  }
  return facts;
}

/** Raw spans of runs of consecutive lines. */
function spans(measure: PageMeasure, lines: readonly number[], placeOf: (index: number) => number): [number, number][] {
  const keep: [number, number][] = [];
  let previous = -2;
  let h = 0;
  for (const index of lines) {
    const line = measure.lines[index]!;
    const start = placeOf(line.start);
    const end = placeOf(line.end - 1) + 1;
    // an element the page hides between two lines of the document ends the run: its text is no part of it
    const before = measure.lines[index - 1];
    while (h < measure.hidden.length && measure.hidden[h]![1] <= (before?.end ?? 0)) h++;
    const hiddenBetween = before !== undefined && h < measure.hidden.length && measure.hidden[h]![0] < line.start;
    if (index === previous + 1 && keep.length > 0 && !hiddenBetween) keep[keep.length - 1]![1] = end;
    else keep.push([start, end]);
    previous = index;
  }
  return keep;
}
