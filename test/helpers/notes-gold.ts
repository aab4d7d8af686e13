/** Recall and precision of lead/support pairs of responsibility notes against a gold file of test/fixtures/notes/. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processDocument } from '../../pipeline/pipeline.js';
import { segment } from '../../pipeline/stages/segment.js';
import { ROOT, SHARED } from './paths.js';

export interface GoldNote {
  text: string;
  lead: string[];
  support: string[];
}

export interface GoldFile {
  file: string;
  notes: GoldNote[];
}

export interface Score {
  file: string;
  goldNotes: number;
  foundNotes: number;
  goldPairs: number;
  foundPairs: number;
  matched: number;
  /** Pairs of gold missed, and pairs found that gold does not have: note text | role | agency. */
  missed: string[];
  extra: string[];
}

const FIXTURES = join(ROOT, 'test', 'fixtures', 'notes');

export function readGold(name: string): GoldFile {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as GoldFile;
}

/** Pairs are (note text, role, agency as written), counted with multiplicity: the same note twice is two notes. */
function pairs(notes: readonly GoldNote[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const n of notes) {
    for (const [role, list] of [['lead', n.lead], ['support', n.support]] as const) {
      for (const a of list) {
        const key = `${n.text} | ${role} | ${a}`;
        out.set(key, (out.get(key) ?? 0) + 1);
      }
    }
  }
  return out;
}

export function score(name: string): Score {
  const gold = readGold(name);
  const doc = processDocument({ file: gold.file, bytes: readFileSync(join(SHARED, 'corpus', gold.file)) }).document!;
  const text = doc.text['zh-Hans'];
  const found: GoldNote[] = segment(text).notes.map((n) => ({
    text: text.slice(n.start, n.end),
    lead: n.lead.map((r) => r.name),
    support: n.support.map((r) => r.name),
  }));
  const g = pairs(gold.notes);
  const f = pairs(found);
  let matched = 0;
  const missed: string[] = [];
  const extra: string[] = [];
  for (const [k, c] of g) {
    const hit = Math.min(c, f.get(k) ?? 0);
    matched += hit;
    for (let i = hit; i < c; i++) missed.push(k);
  }
  for (const [k, c] of f) for (let i = Math.min(c, g.get(k) ?? 0); i < c; i++) extra.push(k);
  const count = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  return { file: gold.file, goldNotes: gold.notes.length, foundNotes: found.length, goldPairs: count(g), foundPairs: count(f), matched, missed, extra };
}
