import type { Diagnostic } from '../lib/diagnostics.js';
import type { PageFacts } from '../lib/page/page.js';
import type { Replacement } from '../lib/tracked-text.js';

/** What the wrapper rule learns about the page around the document. */
export interface PublicationFacts {
  site: string | null;
  headline: string | null;
  source: string | null;
  publishedAt: string | null;
  views: number | null;
  lead: string[];
  /** UTF-16 span of the wrapper in the text the rule saw. */
  start: number;
  end: number;
}

export interface RuleContext {
  /** The decoded input, before any rule. */
  raw: string;
  diagnostics: Diagnostic[];
  /** Maps an offset in the text the rule sees back to the raw text (-1 when inserted). */
  originOf: (index: number) => number;
  /** Like originOf, but an inserted unit gets the raw offset of the text its replacement replaced (never -1). */
  placeOf: (index: number) => number;
  publication: PublicationFacts | null;
  /** The label → value pairs of a site's metadata table above the document (索引号, 发文字号 …), in order. */
  pageMetadata: [string, string][] | null;
  /** What the HTML rule learnt about the page: where the document is on it, its <head>, its attachment links (null for other inputs). */
  page: PageFacts | null;
  /** Headings of a Markdown input: their depth (# = 1) and the raw offset of their line. */
  markdownHeadings: { depth: number; raw: number }[];
  /** Raw spans of page furniture found by a file's extractor (PDF), and what replaces each. */
  furniture: readonly { start: number; end: number; replacement: string }[];
}

/** A cleaning rule: one named, small function from the current text to replacements. */
export interface CleanRule {
  /** Also the edit kind recorded in the log. */
  name: string;
  run: (text: string, context: RuleContext) => Replacement[];
}

/** Replacements for every match of a global regular expression. */
export function replaceAll(text: string, pattern: RegExp, replace: (match: RegExpExecArray) => string | null): Replacement[] {
  const out: Replacement[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const replacement = replace(m);
    if (replacement !== null) out.push({ start: m.index, end: m.index + m[0].length, text: replacement });
  }
  return out;
}
