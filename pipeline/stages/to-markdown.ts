/**
 * to-markdown: a GongwenDocument → Markdown, built as an mdast tree and
 * serialised by remark-stringify (front matter by remark-frontmatter + yaml).
 * It reads only the JSON record, so anyone holding a record can regenerate
 * the Markdown. Headings: the title is #, 一、 ##, （一） ###, deeper levels
 * one more # each; a Chinese paragraph is one line (never wrapped).
 */
import type { Heading, Paragraph as MdParagraph, Root, RootContent } from 'mdast';
import { defaultHandlers, type Handle, type State } from 'mdast-util-to-markdown';
import remarkFrontmatter from 'remark-frontmatter';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { stringify as toYaml } from 'yaml';
import { Alignment } from '../lib/alignment.js';
import type { GongwenDocument, Paragraph, Section, Text } from '../schema-types.js';

export type OutputScript = 'zh-Hans' | 'zh-Hant';

export function toMarkdown(doc: GongwenDocument, script: OutputScript = 'zh-Hans'): string {
  const t = (text: Text | null | undefined): string => (text ? text[script] : '');
  const slice = slicer(doc, script);
  const children: RootContent[] = [];
  const front = {
    title: t(doc.document.title),
    documentNumber: doc.document.documentNumber,
    issuer: doc.document.issuer ? t(doc.document.issuer) : null,
    date: doc.document.date,
    kind: doc.document.kind,
    addressees: doc.document.addressees.map(t),
    // what a page says of the document: its validity, that it is no document, its attached files
    ...(doc.document.status ? { status: doc.document.status } : {}),
    ...(doc.document.isDocument ? {} : { isDocument: false }),
    ...(doc.attachmentLinks.length > 0 ? { attachmentLinks: doc.attachmentLinks } : {}),
    script,
    source: { file: doc.source.file, sha256: doc.source.sha256, encoding: doc.source.encoding, script: doc.source.script },
    ...(doc.publication
      ? { publication: { site: t(doc.publication.site), headline: t(doc.publication.headline), source: t(doc.publication.source), publishedAt: doc.publication.publishedAt } }
      : {}),
  };
  children.push({ type: 'yaml', value: toYaml(front, { lineWidth: 0 }).trimEnd() });
  // 版头 above the title: 份号, 密级, 发文机关标志
  for (const part of doc.parts) if (ABOVE_TITLE.has(part.type)) children.push(paragraph(slice(part.span)));
  if (doc.document.title[script]) children.push(heading(1, doc.document.title[script]));
  const addresseesPart = doc.parts.find((p) => p.type === 'addressees');
  if (addresseesPart) children.push(paragraph(slice(addresseesPart.span)));
  for (const p of doc.preamble) children.push(paragraph(paragraphText(p, script)));
  for (const s of doc.sections) renderSection(s, script, children);
  const closing = (parts: GongwenDocument['parts']) => {
    for (const part of parts) {
      if (IN_BODY.has(part.type)) continue;
      children.push(paragraph(slice(part.span)));
    }
  };
  closing(doc.parts);
  // a forwarded or promulgated document follows its cover as a document of its own
  for (const a of doc.attachments) {
    const titlePart = a.parts.find((p) => p.type === 'title');
    const before = titlePart ? a.parts.filter((p) => p.span.end <= titlePart.span.start) : [];
    for (const p of before) children.push(paragraph(slice(p.span)));
    if (a.title) children.push(heading(1, a.title[script]));
    const addressees = a.parts.find((p) => p.type === 'addressees');
    if (addressees) children.push(paragraph(slice(addressees.span)));
    for (const p of a.preamble) children.push(paragraph(paragraphText(p, script)));
    for (const s of a.sections) renderSection(s, script, children);
    closing(a.parts.filter((p) => !before.includes(p)));
  }
  const root: Root = { type: 'root', children };
  return unified().use(remarkFrontmatter, ['yaml']).use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', handlers: { text } }).stringify(root);
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
  return riskyCharacters(state).test(value) ? inertBrackets(defaultHandlers.text(node, parent, state, info)) : value;
};

/**
 * remark-stringify escapes every `[` of a text. A bracketed run that cannot
 * become a link — nothing but plain text inside, and no `(`, `[` or `:` right
 * after its `]` — is written without the backslash: this Markdown never has
 * link definitions, so `[责任单位：市科技局]` stays text and reads as written.
 */
function inertBrackets(markdown: string): string {
  return markdown.replace(/\\\[([^[\]\\]*)\](?![([:])/g, '[$1]');
}

const risky = new WeakMap<State['unsafe'], RegExp>();
function riskyCharacters(state: State): RegExp {
  let r = risky.get(state.unsafe);
  if (!r) {
    const characters = new Set(state.unsafe.map((u) => u.character));
    characters.add('\\');
    r = new RegExp(`[${[...characters].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`);
    risky.set(state.unsafe, r);
  }
  return r;
}

/** Parts already rendered as the heading, the front matter or the body. */
const ABOVE_TITLE = new Set(['copyNumber', 'classification', 'issuerMark']);
const IN_BODY = new Set(['title', 'addressees', 'body', 'documentNumber', 'attachment', ...ABOVE_TITLE]);

function renderSection(s: Section, script: OutputScript, out: RootContent[]): void {
  const headingText = s.heading ? s.heading[script] : '';
  if (s.level === '条') {
    // an article is a paragraph that starts with its number in bold
    const [first, ...rest] = s.paragraphs;
    const body = first ? paragraphText(first, script).replace(/^第\S+?条\s*/, '') : '';
    out.push({ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: s.marker }] }, { type: 'text', value: ` ${body}` }] });
    for (const p of rest) out.push(paragraph(paragraphText(p, script)));
  } else {
    out.push(heading(Math.min(6, s.depth + 1), `${s.marker}${headingText}`));
    s.paragraphs.forEach((p, index) => {
      let text = paragraphText(p, script);
      // a run-in heading shares its line with the paragraph: do not say the heading twice
      if (index === 0 && p.span.start === s.span.start) {
        const afterHeading = text.slice(s.marker.length + headingText.length).replace(/^[。：:]/, '');
        text = afterHeading;
      }
      if (text.trim()) out.push(paragraph(text));
    });
  }
  for (const c of s.children) renderSection(c, script, out);
}

function paragraphText(p: Paragraph, script: OutputScript): string {
  return p.sentences.map((s) => s.text[script]).join('');
}

/**
 * A part's text in the script (parts carry spans only, in code points of the
 * zh-Hans text); zh-Hant offsets follow textAlignment. The code points and
 * the alignment are made once per document, on the first part.
 */
function slicer(doc: GongwenDocument, script: OutputScript): (span: { start: number; end: number }) => string {
  let chars: string[] | undefined;
  let alignment: Alignment | undefined;
  return (span) => {
    chars ??= Array.from(doc.text[script]);
    if (script === 'zh-Hans') return chars.slice(span.start, span.end).join('');
    alignment ??= new Alignment(doc.textAlignment.segments.map((s) => ({ aStart: s.hans.start, aEnd: s.hans.end, bStart: s.hant.start, bEnd: s.hant.end })));
    const hant = alignment.forwardSpan(span.start, span.end);
    return chars.slice(hant.start, hant.end).join('');
  };
}

function heading(depth: number, value: string): Heading {
  return { type: 'heading', depth: depth as Heading['depth'], children: [{ type: 'text', value }] };
}

function paragraph(value: string): MdParagraph {
  return { type: 'paragraph', children: [{ type: 'text', value }] };
}
