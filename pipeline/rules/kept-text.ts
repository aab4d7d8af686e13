/**
 * Shared by the Markdown and HTML rules: given the text nodes a parser found
 * (source span, decoded value, block number), remove everything between them
 * and put one line break between blocks. The markup goes as edits of the
 * calling rule, so the raw file can still be rebuilt from the clean text.
 */
import { CELL_SEPARATOR } from '../lib/lines.js';
import type { Replacement } from '../lib/tracked-text.js';

export interface Kept {
  /** UTF-16 span of the node in the source. */
  start: number;
  end: number;
  /** What the node stands for (entities and escapes decoded). */
  value: string;
  /** Nodes with the same block number share a line. */
  block: number;
}

export function keepOnly(text: string, unordered: readonly Kept[]): Replacement[] {
  // in source order: a parser may move a node away from where it stood (HTML's foster parenting puts stray
  // text of a table before the table), and a node met out of order must not hide the ones after it
  const kept = [...unordered].sort((a, b) => a.start - b.start);
  const out: Replacement[] = [];
  let cursor = 0;
  let lastBlock = -1;
  for (const k of kept) {
    if (k.start < cursor) continue;
    const gap = lastBlock === -1 || lastBlock === k.block ? '' : '\n';
    if (k.start > cursor || gap) out.push({ start: cursor, end: k.start, text: gap });
    if (text.slice(k.start, k.end) !== k.value) out.push({ start: k.start, end: k.end, text: k.value });
    cursor = k.end;
    lastBlock = k.block;
  }
  if (cursor < text.length) out.push({ start: cursor, end: text.length, text: '' });
  return out;
}

/** A table row's cells on one line (block `block`): what `visit` keeps of each cell, ` | ` before every cell but the first. */
export function keepCells<C extends { position?: { start: { offset?: number } } }>(kept: Kept[], block: number, cells: readonly C[], visit: (cell: C) => void): void {
  cells.forEach((cell, k) => {
    const start = cell.position?.start.offset;
    if (k > 0 && start !== undefined) kept.push({ start, end: start, value: CELL_SEPARATOR, block });
    visit(cell);
  });
}
