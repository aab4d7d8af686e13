/**
 * What a page says about itself outside its text: the <title>, the <meta>
 * tags many government sites publish (ArticleTitle, PubDate, ContentSource,
 * og:title …), the page's own address (<base>, og:url, a canonical link) and
 * its top headings. Read from the parsed page (hast), once.
 */
import type { Element, Nodes, Root } from 'hast';
import { countHan } from '../cjk.js';

export interface HeadFacts {
  /** The <title> text, whitespace collapsed. */
  title: string | null;
  /** <meta name|property|http-equiv = content>, keys lower-cased, first one kept. */
  meta: Map<string, string>;
  /** The page's own address, for resolving relative links. */
  url: string | null;
}

export function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map((c) => textOf(c as Nodes)).join('');
  return '';
}

function attribute(node: Element, name: string): string | null {
  const value = node.properties?.[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(' ');
  return null;
}

export function readHead(tree: Root): HeadFacts {
  const facts: HeadFacts = { title: null, meta: new Map(), url: null };
  let base: string | null = null;
  let canonical: string | null = null;
  const visit = (node: Nodes): void => {
    if (node.type === 'root') {
      for (const child of node.children) visit(child);
      return;
    }
    if (node.type !== 'element') return;
    switch (node.tagName) {
      case 'title':
        facts.title ??= textOf(node).replace(/\s+/gu, ' ').trim() || null;
        return;
      case 'meta': {
        const key = attribute(node, 'name') ?? attribute(node, 'property') ?? attribute(node, 'httpEquiv');
        const content = attribute(node, 'content');
        if (key && content !== null && !facts.meta.has(key.toLowerCase())) facts.meta.set(key.toLowerCase(), content.trim());
        return;
      }
      case 'base':
        base ??= attribute(node, 'href');
        return;
      case 'link':
        if ((attribute(node, 'rel') ?? '').toLowerCase().split(/\s+/).includes('canonical')) canonical ??= attribute(node, 'href');
        return;
      case 'script':
      case 'style':
      case 'template':
        return;
    }
    for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  facts.url = absoluteUrl(base) ?? absoluteUrl(facts.meta.get('og:url') ?? null) ?? absoluteUrl(canonical) ?? absoluteUrl(facts.meta.get('url') ?? null);
  return facts;
}

function absoluteUrl(href: string | null): string | null {
  if (!href) return null;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** `href` resolved against the page's address when it has one; as written otherwise. */
export function resolveHref(href: string, pageUrl: string | null): string {
  if (!pageUrl) return href;
  try {
    return new URL(href, pageUrl).href;
  } catch {
    return href;
  }
}

/** Meta tags that carry the document's title, most specific first. */
const TITLE_META = ['articletitle', 'og:title', 'title', 'dc.title', 'twitter:title'];

/**
 * The page's own names for its document: the title meta tags, and the <title>
 * cut at the separators sites put between a title and the site's name
 * (`…的通知_XX市人民政府门户网站`, `… - 中国政府网`, `…|XX局`). Only pieces
 * with several Chinese characters count.
 */
export function titleCandidates(head: HeadFacts): string[] {
  const out: string[] = [];
  const add = (s: string | undefined | null) => {
    const t = s?.replace(/\s+/gu, ' ').trim();
    if (t && countHan(t) >= 4 && !out.includes(t)) out.push(t);
  };
  for (const key of TITLE_META) add(head.meta.get(key));
  if (head.title) {
    add(head.title);
    for (const piece of head.title.split(/\s*[_|｜]\s*|\s+[-–—]+\s+|\s*--+\s*/u)) add(piece);
  }
  return out;
}
