/**
 * extract: named entities as stand-off annotations over the zh-Hans text —
 * agencies and agency collectives (with canonical names), technologies and
 * industries, places, programmes, time horizons and quantitative targets.
 *
 * Each finder (lib/entities/) proposes candidates; candidates with the same
 * type and key are one entity. Names without known spans get every
 * occurrence as a mention, longest names claiming a stretch of text first
 * within their family (a place may sit inside an agency's name, an agency
 * not inside another agency's). jieba's word boundaries are computed once,
 * line by line, for the pattern finders.
 */
import { SELF_NAME, findAgencies } from '../lib/entities/agencies.js';
import { findPlaces } from '../lib/entities/places.js';
import { findProgrammes } from '../lib/entities/programmes.js';
import { findTerms } from '../lib/entities/terms.js';
import { findTargets, findTimeHorizons } from '../lib/entities/time.js';
import type { Candidate, EntityType } from '../lib/entities/types.js';
import { boundaries } from '../lib/jieba.js';
import type { TermCategory } from '../lib/lexicon.js';
import { joinLines } from '../lib/lines.js';
import { occurrences } from '../lib/occurrences.js';
import type { Range } from '../lib/sentences.js';
import type { SegParagraph, SegSection, Segmented } from './segment.js';

export interface ExtractedEntity {
  id: string;
  type: EntityType;
  /** The form written most often (the first of equals). */
  name: string;
  /** Every form written, when there are several (市发改委, 市发展改革委). */
  forms: string[];
  /** The organ's full name, for agencies. */
  canonical: string | null;
  category: TermCategory | null;
  year: number | null;
  quantity: { value: number; unit: string } | null;
  mentions: Range[];
}

export interface Extracted {
  entities: ExtractedEntity[];
  /** Entity id of a name, for linking notes to entities. */
  idOf: (name: string) => string | undefined;
}

const FAMILY: Record<EntityType, string> = {
  agency: 'agency',
  agencyGroup: 'agency',
  technology: 'term',
  industry: 'term',
  place: 'place',
  programme: 'programme',
  timeHorizon: 'time',
  target: 'target',
};

/** Whether a character of [start, end) is claimed (a loop: a view and a callback per mention cost more than the test). */
function claimedIn(taken: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (taken[i] === 1) return true;
  return false;
}

export function extract(text: string, seg: Segmented): Extracted {
  const b = boundaries(text);
  // (a lead organ whose branch signs on the line below it is one name: segment/parts.ts)
  const issuer = seg.issuer ? joinLines(text.slice(seg.issuer.start, seg.issuer.end)) : null;
  // plain loops, not spreads: the finders' lists differ in elements kind from document to document,
  // and spreading them made V8 deoptimize and recompile this function every few documents
  const named: { name: string; type?: 'agency' }[] = [];
  for (const n of seg.notes) {
    for (const r of n.lead) {
      named.push({ name: r.name });
      if (r.written) named.push({ name: r.written });
    }
    for (const r of n.support) {
      named.push({ name: r.name });
      if (r.written) named.push({ name: r.written });
    }
  }
  for (const r of seg.addressees) named.push({ name: text.slice(r.start, r.end) });
  if (issuer) named.push({ name: issuer, type: 'agency' });
  const candidates: Candidate[] = [];
  const found = [
    findAgencies(text, b, { named, issuer }),
    findTerms(text),
    findPlaces(text),
    findProgrammes(text),
    findTimeHorizons(text),
    findTargets(text, sentencesOf(seg)),
  ];
  for (const list of found) for (let i = 0; i < list.length; i++) candidates.push(list[i]!);

  // mentions of names without spans: longest first, each character claimed once per family
  const claimed = new Map<string, Uint8Array>();
  const mentionsOf = new Map<Candidate, Range[]>();
  const bySurface = candidates.filter((c) => !c.spans).sort((x, y) => y.surface.length - x.surface.length || (x.surface < y.surface ? -1 : 1));
  // every occurrence of every surface in one pass (lib/occurrences.ts: linear in the text, however many names)
  const startsOf = occurrences(text, bySurface.map((c) => c.surface));
  for (const c of bySurface) {
    const family = FAMILY[c.type];
    let taken = claimed.get(family);
    if (!taken) claimed.set(family, (taken = new Uint8Array(text.length)));
    const mentions: Range[] = [];
    const length = c.surface.length;
    // read from the left: an occurrence (taken, or passed over as claimed) hides those that overlap it
    let from = 0;
    for (const at of startsOf.get(c.surface) ?? []) {
      if (at < from) continue;
      from = at + length;
      if (claimedIn(taken, at, at + length)) continue;
      taken.fill(1, at, at + length);
      mentions.push({ start: at, end: at + length });
    }
    mentionsOf.set(c, mentions);
  }
  for (const c of candidates) if (c.spans) mentionsOf.set(c, c.spans);

  // one entity per type and key
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if ((mentionsOf.get(c) ?? []).length === 0) continue;
    const id = `${c.type}:${c.key}`;
    // pushed, not spread: a copy per candidate was quadratic in the candidates of one entity (thousands of targets)
    const group = groups.get(id);
    if (group) group.push(c);
    else groups.set(id, [c]);
  }
  const idOfName = new Map<string, string>();
  const entities: ExtractedEntity[] = [];
  for (const [id, group] of groups) {
    const mentions = group.flatMap((c) => mentionsOf.get(c)!).sort((x, y) => x.start - y.start);
    const count = (c: Candidate) => mentionsOf.get(c)!.length;
    const first = (c: Candidate) => mentionsOf.get(c)![0]!.start;
    // the name most written, but an organ's own name before 本部/本院, however often the document calls itself so
    const self = (c: Candidate) => (c.type === 'agency' && SELF_NAME.test(c.surface) && c.key !== c.surface ? 1 : 0);
    const main = [...group].sort((x, y) => self(x) - self(y) || count(y) - count(x) || first(x) - first(y))[0]!;
    const forms = [...group].sort((x, y) => first(x) - first(y)).map((c) => c.surface);
    for (const c of group) if (c.type === 'agency' || c.type === 'agencyGroup') idOfName.set(c.surface, id);
    entities.push({
      id,
      type: main.type,
      name: main.surface,
      forms: forms.length > 1 ? forms : [],
      canonical: main.type === 'agency' && main.key !== main.surface ? main.key : null,
      category: main.category ?? null,
      year: main.year ?? null,
      quantity: main.quantity ?? null,
      mentions,
    });
  }
  entities.sort((x, y) => x.mentions[0]!.start - y.mentions[0]!.start || (x.id < y.id ? -1 : 1));
  return { entities, idOf: (name) => idOfName.get(name) };
}

/** Every sentence of the cover and its attachments, in order. */
function sentencesOf(seg: Segmented): Range[] {
  const out: Range[] = [];
  const paragraphs = (list: SegParagraph[]) => {
    for (const p of list) out.push(...p.sentences);
  };
  const walk = (list: SegSection[]) => {
    for (const s of list) {
      paragraphs(s.paragraphs);
      walk(s.children);
    }
  };
  paragraphs(seg.preamble);
  walk(seg.sections);
  for (const a of seg.attachments) {
    paragraphs(a.preamble);
    walk(a.sections);
  }
  return out;
}
