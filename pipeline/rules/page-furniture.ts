import type { CleanRule } from './types.js';

/**
 * Page furniture of a PDF — page numbers (`— 3 —`, `-3-`, `第3页 共8页`),
 * running heads and feet — found by the extractor from the layout
 * (lib/files/pdf-layout.ts) and removed here, first of all rules (so its spans
 * are offsets of the raw text), as edits: the raw text stays what was read.
 * A paragraph that runs on across a page break gets back the space or
 * nothing that joins its halves.
 */
export const pageFurniture: CleanRule = {
  name: 'page-furniture',
  run: (_text, context) => context.furniture.map((f) => ({ start: f.start, end: f.end, text: f.replacement })),
};
