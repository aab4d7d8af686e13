/**
 * to-markdown: a GongwenDocument → Markdown, built as an mdast tree and
 * serialised by remark-stringify (front matter by remark-frontmatter, its YAML
 * as the yaml package writes it: lib/front-matter.ts).
 * It reads only the JSON record, so anyone holding a record can regenerate
 * the Markdown. Headings: the title is #, 一、 ##, （一） ###, deeper levels
 * one more # each; a Chinese paragraph is one line (never wrapped).
 */
import type { Heading, Paragraph as MdParagraph, Root, RootContent } from 'mdast';
import { defaultHandlers, type Handle, type State } from 'mdast-util-to-markdown';
import remarkFrontmatter from 'remark-frontmatter';
import remarkStringify from 'remark-stringify';
import { unified, type Processor } from 'unified';
import { Alignment } from '../lib/alignment.js';
import { CodePointIndex } from '../lib/code-points.js';
import { frontMatter } from '../lib/front-matter.js';
import { converters, type Variant } from '../lib/opencc.js';
import type { GongwenDocument, Paragraph, Section, Text } from '../schema-types.js';

export type OutputScript = 'zh-Hans' | 'zh-Hant';

export function toMarkdown(doc: GongwenDocument, script: OutputScript = 'zh-Hans'): string {
  return serialize(markdownTree(doc, script));
}

/** The document's Markdown as an mdast tree (what `toMarkdown` serialises). */
export function markdownTree(doc: GongwenDocument, script: OutputScript = 'zh-Hans'): Root {
  const t = (text: Text | null | undefined): string => (text ? text[script] : '');
  const slice = slicer(doc, script);
  // labels the record keeps in zh-Hans only (文种, 发文字号, markers) are written in the Markdown's script
  const label = labeller(doc, script);
  const children: RootContent[] = [];
  const front = {
    title: doc.document.title ? t(doc.document.title) : null,
    documentNumber: doc.document.documentNumber === null ? null : label(doc.document.documentNumber),
    issuer: doc.document.issuer ? t(doc.document.issuer) : null,
    date: doc.document.date,
    kind: doc.document.kind === null ? null : label(doc.document.kind),
    addressees: doc.document.addressees.map(t),
    // what a page says of the document: its validity, that it is no document, its attached files
    ...(doc.document.status ? { status: label(doc.document.status) } : {}),
    ...(doc.document.isDocument ? {} : { isDocument: false }),
    ...(doc.attachmentLinks.length > 0 ? { attachmentLinks: doc.attachmentLinks.map((a) => ({ text: label(a.text), href: a.href })) } : {}),
    script,
    source: { file: doc.source.file, sha256: doc.source.sha256, encoding: doc.source.encoding, script: doc.source.script },
    ...(doc.publication
      ? { publication: { site: t(doc.publication.site), headline: t(doc.publication.headline), source: t(doc.publication.source), publishedAt: doc.publication.publishedAt } }
      : {}),
  };
  children.push({ type: 'yaml', value: frontMatter(front).trimEnd() });
  const rendered = new Set<GongwenDocument['parts'][number]>();
  const part = (p: GongwenDocument['parts'][number]): void => {
    rendered.add(p);
    children.push(...partParagraphs(slice(p.span)));
  };
  // 版头 above the title: 份号, 密级, 发文机关标志 (a Taiwan 函's 行政院函 line)
  for (const p of doc.parts) if (ABOVE_TITLE.has(p.type)) part(p);
  if (doc.document.title?.[script]) children.push(heading(1, doc.document.title[script]));
  const addresseesPart = doc.parts.find((p) => p.type === 'addressees');
  if (addresseesPart) part(addresseesPart);
  // the rest of the header where the body has not begun: a Taiwan 函's 地址 and date lines, a date under a title
  const bodyStart = doc.parts.find((p) => p.type === 'body')?.span.start ?? Infinity;
  for (const p of doc.parts) if (p.span.start < bodyStart && !IN_BODY.has(p.type) && !rendered.has(p)) part(p);
  for (const p of doc.preamble) children.push(paragraph(paragraphText(p, script)));
  const context: RenderContext = { script, label, hans: slicer(doc, 'zh-Hans'), spaced: spacedAt(doc), out: children };
  const render = (s: Section): void => renderSection(s, context);
  doc.sections.forEach(render);
  // what closes the body (a 函's 正本 line is an addressees part there, after the body)
  const closing = (parts: GongwenDocument['parts']) => {
    for (const p of parts) {
      if (rendered.has(p) || (IN_BODY.has(p.type) && !(p.type === 'addressees' && p.span.start > bodyStart))) continue;
      children.push(...partParagraphs(slice(p.span)));
    }
  };
  closing(doc.parts);
  // a forwarded or promulgated document follows its cover as a document of its own
  for (const a of doc.attachments) {
    const titlePart = a.parts.find((p) => p.type === 'title');
    const before = titlePart ? a.parts.filter((p) => p.span.end <= titlePart.span.start) : [];
    for (const p of before) children.push(...partParagraphs(slice(p.span)));
    if (a.title) children.push(heading(1, a.title[script]));
    const addressees = a.parts.find((p) => p.type === 'addressees');
    if (addressees) children.push(...partParagraphs(slice(addressees.span)));
    for (const p of a.preamble) children.push(paragraph(paragraphText(p, script)));
    a.sections.forEach(render);
    closing(a.parts.filter((p) => !before.includes(p)));
  }
  return { type: 'root', children };
}

/** The Markdown of a tree: its blocks written one by one when it has only front matter, headings and paragraphs (`plainMarkdown`), else by remark-stringify. */
export function serialize(root: Root): string {
  return plainMarkdown(root) ?? remarkMarkdown(root);
}

/** remark-stringify with the front matter extension and the handlers below (one frozen processor per thread). */
export function remarkMarkdown(root: Root): string {
  processor ??= unified().use(remarkFrontmatter, ['yaml']).use(remarkStringify, STRINGIFY_OPTIONS).freeze();
  return processor.stringify(root);
}
let processor: Processor<undefined, undefined, undefined, Root, string> | undefined;

/** A paragraph after the block `blockByRemark` writes: the Markdown ends in its blank line, `x` and the final line break. */
const AFTER_BLOCK: MdParagraph = { type: 'paragraph', children: [{ type: 'text', value: 'x' }] };

/**
 * One paragraph or heading as remark-stringify writes it among a root's blocks: each is written with a line break
 * before and after it whatever its neighbours (mdast-util-to-markdown's flow), so a root of the block and a plain
 * paragraph gives it, followed by the blank line and that paragraph.
 */
function blockByRemark(node: MdParagraph | Heading): string {
  const markdown = remarkMarkdown({ type: 'root', children: [node, AFTER_BLOCK] });
  if (!markdown.endsWith('\n\nx\n')) throw new Error(`Unexpected Markdown of a ${node.type} and a paragraph: ${JSON.stringify(markdown.slice(-20))}`);
  return markdown.slice(0, -'\n\nx\n'.length);
}

/**
 * What remark-stringify writes for a root of front matter, headings and paragraphs, or null for a root with any
 * other block (a list's bullets depend on the lists before it): the blocks joined by a blank line
 * (mdast-util-to-markdown's flow of a root, whose join rules add nothing between these blocks), a final line break.
 * A block whose text needs no escape is its own Markdown (the handlers below); any other is written by remark
 * alone (`blockByRemark`). Without remark's per-block machinery for the rest (a tracker, the join rules, a dispatch
 * per node), which took two thirds of the Markdown's time; tested against remark-stringify on random trees and the
 * corpus.
 */
export function plainMarkdown(root: Root): string | null {
  if (!root.children.every((node) => node.type === 'yaml' || node.type === 'heading' || node.type === 'paragraph')) return null;
  const risks = configurationRisks();
  const out: string[] = [];
  for (const node of root.children) {
    if (node.type === 'yaml') out.push(`---${node.value ? `\n${node.value}` : ''}\n---`);
    else if (node.type === 'heading') out.push(atxHeading(node, risks) ?? blockByRemark(node));
    else if (node.type === 'paragraph') out.push(inertOnly(node, risks) ?? inertArticle(node, risks) ?? blockByRemark(node));
  }
  const result = out.join('\n\n');
  return result && !result.endsWith('\n') && !result.endsWith('\r') ? `${result}\n` : result;
}

/** The unsafe characters of this configuration (read from the state remark-stringify hands a handler, once). */
let configured: Risks | undefined;
function configurationRisks(): Risks {
  if (!configured) {
    const capture: Handle = (_node, _parent, state) => {
      configured = risksOf(state);
      return '';
    };
    unified()
      .use(remarkFrontmatter, ['yaml'])
      .use(remarkStringify, { ...STRINGIFY_OPTIONS, handlers: { paragraph: capture } })
      .stringify({ type: 'root', children: [{ type: 'paragraph', children: [] }] });
  }
  return configured!;
}

/**
 * remark-stringify makes every text node safe by running each of its unsafe
 * patterns over it, which was most of the time spent on a Chinese document.
 * Every pattern is anchored on one character (`#`, `*`, `[`, a line break…):
 * a text holding none of them, nor a backslash, can need no escape and is
 * written as it is; any other goes to the default handler, unchanged.
 */
const text: Handle = (node, parent, state, info) => {
  const value = (node as { value: string }).value;
  return risksOf(state).any.test(value) ? inertBrackets(defaultHandlers.text(node, parent, state, info)) : value;
};

/**
 * Whether a text needs no escape in a paragraph, a heading or after an article's bold number: no character
 * any unsafe pattern starts from, or spaces only inside it — a space is unsafe only next to a line break
 * (at a line's start or end), and nothing else in such a text is (第一章 总则).
 */
function inert(value: string, risks: Risks): boolean {
  if (!risks.any.test(value)) return true;
  return value[0] !== ' ' && value[value.length - 1] !== ' ' && !risks.besideSpace.test(value);
}

/** A node's one text child when it needs no escape (see `text`): its value is all the node's Markdown. */
function inertOnly(node: { children: readonly { type: string }[] }, risks: Risks): string | null {
  if (node.children.length !== 1) return null;
  const child = node.children[0] as { type: string; value?: string };
  return child.type === 'text' && inert(child.value!, risks) ? child.value! : null;
}

/**
 * A paragraph or an ATX heading whose one text needs no escape is written
 * without remark-stringify's phrasing machinery (trackers, attention
 * sequences, a serialisation per node), which then only passes the text
 * through: a paragraph is its text; a heading `#`s, a space and its text
 * (no line break in it, so never setext; its first character is no space
 * or tab to encode). Any other goes to the default handler.
 */
const paragraphHandler: Handle = (node, parent, state, info) =>
  inertOnly(node as MdParagraph, risksOf(state)) ?? inertArticle(node as MdParagraph, risksOf(state)) ?? defaultHandlers.paragraph(node as MdParagraph, parent, state, info);

/**
 * An article's paragraph (renderSection: its number in bold, a space, its text) when neither needs an escape:
 * `**第一条** text` — the bold opens after the line's start and closes before the space whatever the number's
 * first and last characters but white space, so remark-stringify's attention machinery picks `**` and escapes nothing.
 */
function inertArticle(node: MdParagraph, risks: Risks): string | null {
  const [strong, rest, ...more] = node.children;
  if (more.length > 0 || strong?.type !== 'strong' || rest?.type !== 'text' || strong.children.length !== 1) return null;
  const marker = strong.children[0]!;
  // (a bold run cannot open or close next to white space, ideographic spaces included: remark writes such an edge as a character reference)
  if (marker.type !== 'text' || marker.value === '' || !inert(marker.value, risks) || /^\s|\s$/u.test(marker.value)) return null;
  const body = rest.value.slice(1);
  return rest.value[0] === ' ' && body !== '' && inert(body, risks) ? `**${marker.value}** ${body}` : null;
}
const headingHandler: Handle = (node, parent, state, info) =>
  (state.options.closeAtx || state.options.setext ? null : atxHeading(node as Heading, risksOf(state))) ?? defaultHandlers.heading(node as Heading, parent, state, info);

/** An ATX heading whose one text needs no escape: `#`s, a space and the text; null for any other. */
function atxHeading(node: Heading, risks: Risks): string | null {
  const value = inertOnly(node, risks);
  if (value === null) return null;
  const sequence = '#'.repeat(Math.max(Math.min(6, node.depth || 1), 1));
  return value ? `${sequence} ${value}` : sequence;
}

/** The handlers to-markdown writes with (exported for the test that compares them with remark-stringify's own). */
export const HANDLERS = { text, paragraph: paragraphHandler, heading: headingHandler };
const STRINGIFY_OPTIONS = { bullet: '-', emphasis: '*', strong: '*', handlers: HANDLERS } as const;

/**
 * remark-stringify escapes every `[` of a text. A bracketed run that cannot
 * become a link — nothing but plain text inside, and no `(`, `[` or `:` right
 * after its `]` — is written without the backslash: this Markdown never has
 * link definitions, so `[责任单位：市科技局]` stays text and reads as written.
 */
function inertBrackets(markdown: string): string {
  return markdown.replace(/\\\[([^[\]\\]*)\](?![([:])/g, '[$1]');
}

/** The characters unsafe patterns start from, and the backslash (`any`); the same but the space (`besideSpace`). */
interface Risks {
  any: RegExp;
  besideSpace: RegExp;
}
/**
 * By the state's unsafe list (within one stringify call), and by the characters it is made of: every call makes its
 * list anew, the same characters for one configuration, so the expressions are made once.
 */
const risksByList = new WeakMap<State['unsafe'], Risks>();
const risksByCharacters = new Map<string, Risks>();
function risksOf(state: State): Risks {
  let r = risksByList.get(state.unsafe);
  if (!r) {
    const characters = new Set(state.unsafe.map((u) => u.character));
    characters.add('\\');
    const key = [...characters].join('');
    r = risksByCharacters.get(key);
    if (!r) {
      const of = (set: Set<string>) => new RegExp(`[${[...set].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`);
      const besideSpace = new Set(characters);
      besideSpace.delete(' ');
      r = { any: of(characters), besideSpace: of(besideSpace) };
      risksByCharacters.set(key, r);
    }
    risksByList.set(state.unsafe, r);
  }
  return r;
}

/** Parts already rendered as the heading, the front matter or the body. */
const ABOVE_TITLE = new Set(['copyNumber', 'classification', 'issuerMark']);
const IN_BODY = new Set(['title', 'addressees', 'body', 'documentNumber', 'attachment', ...ABOVE_TITLE]);

/** Levels whose number and name the source may separate by a space (第一章 总则, 第1部 导言, 第2条 释义), or print on two lines (第1部 / 导言: a space). */
const SPACED_LEVELS = new Set<string>(['编', '章', '节', '部', '分部', '附表', '条']);

/** An article's number at the start of its line, in either script: 第十二条, 第 1 條, 第14-1条, 第十四条之一. */
const ARTICLE_NUMBER = /^第[^条條\n]{1,12}?[条條](?:之[一二三四五六七八九十]+)?\s*/;

interface RenderContext {
  script: OutputScript;
  /** A label the record holds in zh-Hans, in the Markdown's script. */
  label: (hans: string) => string;
  /** A span of the zh-Hans text. */
  hans: (span: { start: number; end: number }) => string;
  /** Whether the source had a space before this zh-Hans offset (kept, or removed by the cleaner). */
  spaced: (at: number) => boolean;
  out: RootContent[];
}

function renderSection(s: Section, context: RenderContext): void {
  const { script, label, out } = context;
  const headingText = s.heading ? s.heading[script] : '';
  const marker = label(s.marker);
  if (s.level === '条' && !s.heading) {
    // an article is a paragraph that starts with its number in bold; the number is said once (a Hong Kong section, with its name, is a heading)
    const [first, ...rest] = s.paragraphs;
    const ownLine = first !== undefined && first.span.start === s.span.start;
    const body = first ? (ownLine ? paragraphText(first, script).replace(ARTICLE_NUMBER, '') : paragraphText(first, script)) : '';
    out.push({ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: marker }] }, { type: 'text', value: ` ${body}` }] });
    for (const p of rest) out.push(paragraph(paragraphText(p, script)));
  } else {
    // one space where the source separates a chapter's number from its name (第一章 总则)
    // one space where the source separates a chapter's number from its name (第一章 总则), as the edit log says
    const line = context.hans({ start: s.span.start, end: Math.min(s.span.end, s.span.start + 80) }).split('\n')[0]!;
    const hansHeading = s.heading?.['zh-Hans'] ?? '';
    const inLine = hansHeading ? line.indexOf(hansHeading) : -1;
    const spaced = (SPACED_LEVELS.has(s.level) && inLine > 0 && context.spaced(s.span.start + [...line.slice(0, inLine)].length)) || (s.level !== '条' && SPACED_LEVELS.has(s.level) && inLine < 0 && hansHeading !== '');
    const at = headingText ? paragraphLine(s, script).indexOf(headingText) : -1;
    out.push(heading(Math.min(6, s.depth + 1), `${marker}${spaced ? ' ' : ''}${headingText}`));
    s.paragraphs.forEach((p, index) => {
      let text = paragraphText(p, script);
      // a run-in heading shares its line with the paragraph: do not say the heading twice
      if (index === 0 && p.span.start === s.span.start) {
        const headingEnd = at >= 0 ? at + headingText.length : s.marker.length + headingText.length;
        text = text.slice(headingEnd).replace(/^[。：:]/, '');
      }
      if (text.trim()) out.push(paragraph(text));
    });
  }
  for (const c of s.children) renderSection(c, context);
}

/**
 * Labels the record holds in one script (文种, 发文字号, section markers in
 * zh-Hans; a Taiwan 發文字號 as its source writes it) in the Markdown's
 * script, converted with the record's variant, so a Traditional reader never
 * meets 意见, 国发 or 第一条, nor a Simplified one 院臺法字.
 */
function labeller(doc: GongwenDocument, script: OutputScript): (hans: string) => string {
  const memo = new Map<string, string>();
  const { toHant, toHans } = converters(doc.generator.options.variant as Variant);
  // a Taiwan 發文字號 is kept as the source writes it: Simplified for zh-Hans
  const convert = script === 'zh-Hans' ? toHans : toHant;
  return (label) => {
    let out = memo.get(label);
    if (out === undefined) {
      out = convert(label);
      memo.set(label, out);
    }
    return out;
  };
}

/** The text of a section's own line, when it is also its first paragraph (a run-in heading). */
function paragraphLine(s: Section, script: OutputScript): string {
  const first = s.paragraphs[0];
  return first && first.span.start === s.span.start ? paragraphText(first, script) : '';
}

/**
 * Whether the source had whitespace right before a zh-Hans offset: the
 * cleaner drops blanks between Chinese characters (第一章 总则 → 第一章总则)
 * and records each as an edit, so the edit log says where they stood.
 */
function spacedAt(doc: GongwenDocument): (at: number) => boolean {
  let removed: Set<number> | undefined;
  let alignment: Alignment | undefined;
  return (at) => {
    // a mixed-script source's edits index a text of their own
    if (doc.cleaning.text !== null) return false;
    removed ??= new Set(doc.cleaning.edits.filter((e) => e.clean.start === e.clean.end && e.before !== '' && e.before.trim() === '').map((e) => e.clean.start));
    if (doc.cleaning.script === 'zh-Hans' || doc.textAlignment.identity) return removed.has(at);
    alignment ??= new Alignment(doc.textAlignment.segments.map((x) => ({ aStart: x.hans.start, aEnd: x.hans.end, bStart: x.hant.start, bEnd: x.hant.end })));
    return removed.has(alignment.forwardSpan(at, at).start);
  };
}

function paragraphText(p: Paragraph, script: OutputScript): string {
  return p.sentences.map((s) => s.text[script]).join('');
}

/**
 * A part's text in the script (parts carry spans only, in code points of the
 * zh-Hans text); zh-Hant offsets follow textAlignment. The code point index
 * (the identity for text without surrogate pairs) and the alignment are made
 * once per document, on the first part.
 */
function slicer(doc: GongwenDocument, script: OutputScript): (span: { start: number; end: number }) => string {
  const text = doc.text[script];
  let index: CodePointIndex | undefined;
  let alignment: Alignment | undefined;
  const slice = (start: number, end: number) => {
    index ??= new CodePointIndex(text);
    return text.slice(index.toUtf16(start), index.toUtf16(end));
  };
  return (span) => {
    if (script === 'zh-Hans') return slice(span.start, span.end);
    alignment ??= new Alignment(doc.textAlignment.segments.map((s) => ({ aStart: s.hans.start, aEnd: s.hans.end, bStart: s.hant.start, bEnd: s.hant.end })));
    const hant = alignment.forwardSpan(span.start, span.end);
    return slice(hant.start, hant.end);
  };
}

function heading(depth: number, value: string): Heading {
  return { type: 'heading', depth: depth as Heading['depth'], children: [{ type: 'text', value }] };
}

function paragraph(value: string): MdParagraph {
  return { type: 'paragraph', children: [{ type: 'text', value }] };
}

/** A part over several lines (a joint signature, one organ a line, blank lines between): a paragraph per run of lines, not one paragraph holding blank lines (Markdown would write them as `&#xA;`). */
function partParagraphs(value: string): MdParagraph[] {
  return value.split(/\n[ \t\u3000]*\n\s*/u).filter((v) => v.trim() !== '').map(paragraph);
}
