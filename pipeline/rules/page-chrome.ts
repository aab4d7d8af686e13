/**
 * A whole page: everything outside the document the body finder located
 * (lib/page/body.ts) — breadcrumbs, menus, metadata rows, toolbars, related
 * links, footers — is cut, one edit per run of lines, so the raw page is still
 * rebuilt from the record. Runs after the rules that read those lines
 * (page-metadata keeps the site's label：value pairs first).
 */
import { splitLines, type Line } from '../lib/lines.js';
import { TITLE_TAG } from '../lib/page/page.js';
import type { CleanRule, RuleContext } from './types.js';

/**
 * For each line of `text`, whether it belongs to the document the HTML rule
 * located on the page; null when the input is no page or no document was
 * located (then every line does). A line is placed where its non-blank
 * characters stand in the raw input: it is the document's when a kept span
 * reaches into it (a table row whose one cell is the document's).
 */
export function documentLines(text: string, lines: readonly Line[], context: RuleContext): boolean[] | null {
  const keep = context.page?.keep;
  if (!keep || keep.length === 0) return null;
  const inside: boolean[] = [];
  let k = 0;
  for (const line of lines) {
    let origin = -1;
    for (let i = line.start; i < line.end && origin < 0; i++) if (text.charCodeAt(i) > 32) origin = context.placeOf(i);
    if (origin < 0) {
      // a blank line goes with the line before it
      inside.push(inside.length > 0 ? inside[inside.length - 1]! : false);
      continue;
    }
    // a table row is one line: it belongs to the document when any of its cells does (行政院第2928次會議… | 中華民國94年2月23日)
    let last = origin;
    for (let i = line.end - 1; i > line.start; i--) {
      if (text.charCodeAt(i) > 32) {
        last = context.placeOf(i);
        break;
      }
    }
    while (k < keep.length && keep[k]![1] <= origin) k++;
    inside.push(k < keep.length && keep[k]![0] <= last);
  }
  return inside;
}

/** Where the title line's text starts after the site's tag the page finder saw before it (【已废止】关于…): the index, or -1. */
function afterTitleTag(text: string, line: Line, context: RuleContext): number {
  const tag = context.page?.titleTag;
  if (!tag) return -1;
  let origin = -1;
  for (let i = line.start; i < line.end && origin < 0; i++) if (text.charCodeAt(i) > 32) origin = context.placeOf(i);
  if (origin < tag.start || origin >= tag.end) return -1;
  const m = TITLE_TAG.exec(text.slice(line.start, line.end));
  return m && m[1] === tag.words && m[0].length < line.end - line.start ? line.start + m[0].length : -1;
}

export const pageChrome: CleanRule = {
  name: 'page-chrome',
  run(text, context) {
    const lines = splitLines(text);
    const inside = documentLines(text, lines, context);
    if (!inside || !inside.includes(true)) return [];
    const out: { start: number; end: number; text: string }[] = [];
    let cutFrom = -1;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (!inside[i]) {
        if (cutFrom < 0) cutFrom = line.start;
        continue;
      }
      // the title line: the site's tag before it goes with the chrome above
      const from = afterTitleTag(text, line, context);
      if (cutFrom >= 0 || from >= 0) out.push({ start: cutFrom >= 0 ? cutFrom : line.start, end: from >= 0 ? from : line.start, text: '' });
      cutFrom = -1;
    }
    // the chrome after the document goes with the line break before it
    if (cutFrom >= 0) out.push({ start: Math.max(0, cutFrom - 1), end: text.length, text: '' });
    return out;
  },
};
