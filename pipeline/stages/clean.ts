/**
 * clean: decoded input → clean text in the source script, plus the edit log
 * and what the page wrapper said about the publication.
 *
 * The rules run in the order of RULES, each over the output of the previous
 * one, through a TrackedText that records every change. Options switch rule
 * groups off.
 */
import { CodePointIndex } from '../lib/code-points.js';
import { diagnostic, type Diagnostic } from '../lib/diagnostics.js';
import type { PageFacts } from '../lib/page/page.js';
import { TrackedText, type Edit, type Replacement } from '../lib/tracked-text.js';
import { corruptedBytes } from '../rules/corrupted-bytes.js';
import { lineBreaks } from '../rules/line-breaks.js';
import { htmlMarkup } from '../rules/html-markup.js';
import { invisibleCharacters } from '../rules/invisible.js';
import { longLines } from '../rules/long-lines.js';
import { markdownSyntax } from '../rules/markdown-syntax.js';
import { pageChrome } from '../rules/page-chrome.js';
import { pageFurniture } from '../rules/page-furniture.js';
import { pageMetadata } from '../rules/page-metadata.js';
import { publicationWrapper, siteFurniture } from '../rules/page-wrapper.js';
import { radicalLookalikes } from '../rules/radical-lookalikes.js';
import { brokenPinyinAnnotations, pinyinAnnotations } from '../rules/pinyin.js';
import { colon, comma, fullWidthAlphanumerics, parentheses, semicolon, sentenceMarks } from '../rules/punctuation.js';
import type { CleanRule, PublicationFacts, RuleContext } from '../rules/types.js';
import { blankLines, innerBlanks, lineEdges } from '../rules/whitespace.js';

export type InputFormat = 'text' | 'markdown' | 'html';

export interface CleanOptions {
  /** Keep ASCII punctuation as it is (no GB/T 15834 full-width marks). */
  keepPunctuation?: boolean;
  /** Keep the publication wrapper, a site's metadata table and site furniture in the text. */
  keepWrapper?: boolean;
  /** Keep pinyin annotations. */
  keepPinyin?: boolean;
}

export interface CleanInput {
  text: string;
  format: InputFormat;
  options?: CleanOptions;
  /** Raw spans of page furniture a file's extractor found (PDF): removed first, as edits. */
  furniture?: readonly { start: number; end: number; replacement: string }[];
}

export interface Cleaned {
  /** Clean text, source script. */
  text: string;
  raw: string;
  /** Edits in UTF-16 offsets (raw and clean). */
  edits: Edit[];
  publication: PublicationFacts | null;
  /** The label → value pairs of a site's metadata table, cut from the text (rules/page-metadata.ts). */
  pageMetadata: [string, string][] | null;
  /** What the HTML rule learnt about a page (its head, headline, attachment links); null for other inputs. */
  page: PageFacts | null;
  /** Markdown headings: depth and the clean UTF-16 offset of their line. */
  markdownHeadings: { depth: number; start: number }[];
  diagnostics: Diagnostic[];
  /** Maps a raw UTF-16 offset to the clean UTF-16 offset where it ended up (next kept character for a removed one). */
  rawToClean: (raw: number) => number;
}

interface Step {
  rule: CleanRule;
  when?: (input: CleanInput) => boolean;
  /** A rule that cuts part of the page around the document: it must leave the document's body (see keepsBody). */
  cut?: true;
}

const on = (flag: keyof CleanOptions) => (input: CleanInput) => !input.options?.[flag];

/** The rule order, in one place. */
export const RULES: readonly Step[] = [
  // first: its spans are raw offsets
  { rule: pageFurniture, when: (input) => (input.furniture?.length ?? 0) > 0 },
  { rule: lineBreaks },
  { rule: markdownSyntax, when: (input) => input.format === 'markdown' },
  { rule: htmlMarkup, when: (input) => input.format === 'html' },
  // before every rule that reads the text's words: a pattern does not see through U+200B or U+202E
  { rule: invisibleCharacters },
  // as early: 同㇐僱主 and ⼈⺠政府 (a PDF font's radicals) match no word until they are 一, 人, 民
  { rule: radicalLookalikes },
  // the page around the document goes first, so no later rule spends time (or a diagnostic) on it;
  // page-metadata reads the site's label：value rows among the lines page-chrome then cuts
  { rule: pageMetadata, when: on('keepWrapper'), cut: true },
  { rule: pageChrome, when: on('keepWrapper') },
  { rule: pinyinAnnotations, when: on('keepPinyin') },
  // before broken annotations go, so ?zé) still marks its corrupted run
  { rule: corruptedBytes },
  { rule: brokenPinyinAnnotations, when: on('keepPinyin') },
  { rule: fullWidthAlphanumerics },
  { rule: comma, when: on('keepPunctuation') },
  { rule: semicolon, when: on('keepPunctuation') },
  { rule: colon, when: on('keepPunctuation') },
  { rule: parentheses, when: on('keepPunctuation') },
  { rule: sentenceMarks, when: on('keepPunctuation') },
  { rule: lineEdges },
  { rule: innerBlanks },
  // before the rules that read lines: a text saved on one line (after the marks it looks for are normalised)
  { rule: longLines },
  { rule: publicationWrapper, when: on('keepWrapper'), cut: true },
  { rule: siteFurniture, when: on('keepWrapper'), cut: true },
  { rule: blankLines },
];

export function clean(input: CleanInput): Cleaned {
  const tracked = new TrackedText(input.text);
  const context: RuleContext = {
    raw: input.text,
    diagnostics: [],
    originOf: (i) => tracked.originOf(i),
    placeOf: (i) => tracked.placeOf(i),
    publication: null,
    pageMetadata: null,
    page: null,
    markdownHeadings: [],
    furniture: input.furniture ?? [],
  };
  for (const step of RULES) {
    if (step.when && !step.when(input)) continue;
    const before = { publication: context.publication, pageMetadata: context.pageMetadata, diagnostics: context.diagnostics.length };
    const replacements = step.rule.run(tracked.text, context);
    if (step.cut && !keepsBody(tracked.text, replacements)) {
      // what the rule read from the part it would have cut goes with the cut
      context.publication = before.publication;
      context.pageMetadata = before.pageMetadata;
      context.diagnostics.length = before.diagnostics;
      const removed = replacements.reduce((n, r) => n + r.end - r.start, 0);
      const at = replacements[0]!;
      const raw = { start: context.placeOf(at.start), end: context.placeOf(replacements.at(-1)!.end) };
      context.diagnostics.push(
        diagnostic(
          'clean:cut-refused',
          `Unexpected cut of ${removed} of the text's ${tracked.text.length} characters by ${step.rule.name}, which would leave less than ${BODY_SHARE * 100} % of its Chinese characters: the text is kept whole (a rule that cuts the page around a document never removes the document)`,
          raw.end > raw.start ? { space: 'raw', ...raw } : null,
        ),
      );
      continue;
    }
    tracked.apply(step.rule.name, replacements);
  }
  const edits = tracked.edits();
  const rawToClean = rawToCleanMap(edits);
  return {
    text: tracked.text,
    raw: input.text,
    edits,
    publication: context.publication,
    pageMetadata: context.pageMetadata,
    page: context.page,
    markdownHeadings: context.markdownHeadings.map((h) => ({ depth: h.depth, start: rawToClean(h.raw) })),
    diagnostics: context.diagnostics,
    rawToClean,
  };
}

/** The share of the text's Chinese characters a cut rule must leave. */
const BODY_SHARE = 0.25;

/**
 * Whether a cut leaves the document's body: at least a quarter of the text's Han characters. The page around a
 * document (a news wrapper, a metadata table, site furniture) is a small part of a page; a cut that takes nearly
 * all of it has mistaken the document for its wrapper — a page saved on one line is one line, which the wrapper
 * rule took whole for the line of its 来源.
 */
function keepsBody(text: string, cuts: readonly Replacement[]): boolean {
  if (cuts.length === 0) return true;
  const han = (from: number, to: number) => {
    let n = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x3400 && c <= 0x9fff) n++;
    }
    return n;
  };
  const total = han(0, text.length);
  const removed = cuts.reduce((n, r) => n + han(r.start, r.end), 0);
  return total === 0 || total - removed >= BODY_SHARE * total;
}

function rawToCleanMap(edits: readonly Edit[]): (raw: number) => number {
  return (raw) => {
    let shift = 0;
    for (const e of edits) {
      if (raw < e.rawStart) break;
      if (raw < e.rawEnd) return e.cleanStart;
      shift = e.cleanEnd - e.rawEnd;
    }
    return raw + shift;
  };
}

/** Edits with code point offsets, for the JSON. */
export function editsInCodePoints(cleaned: Cleaned): { kind: string; raw: { start: number; end: number }; clean: { start: number; end: number }; before: string; after: string }[] {
  const raw = new CodePointIndex(cleaned.raw);
  const clean = new CodePointIndex(cleaned.text);
  return cleaned.edits.map((e) => ({
    kind: e.kind,
    raw: raw.span(e.rawStart, e.rawEnd),
    clean: clean.span(e.cleanStart, e.cleanEnd),
    before: e.before,
    after: e.after,
  }));
}
