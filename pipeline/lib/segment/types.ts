/**
 * The records the segmenter produces: GB/T 9704 parts, the heading tree with
 * paragraphs and sentences, attached documents and responsibility notes.
 * Offsets are UTF-16 units into the zh-Hans text.
 */
import type { ArticlePosition, Jurisdiction } from '../articles.js';
import type { Diagnostic } from '../diagnostics.js';
import type { HistoryAction } from '../law-history.js';
import type { Level } from '../gbt9704.js';
import type { Deadline } from '../notes/deadline.js';
import type { NameRef } from '../notes/grammar.js';
import type { Range } from '../sentences.js';

export type PartType =
  | 'copyNumber'
  | 'classification'
  | 'issuerMark'
  | 'title'
  | 'documentNumber'
  | 'addressees'
  | 'body'
  | 'signature'
  | 'date'
  | 'note'
  | 'attachmentList'
  | 'cc'
  | 'printing'
  | 'attachment'
  | 'attachmentLabel';

export interface Part extends Range {
  type: PartType;
}

export interface SegSentence extends Range {
  id: string;
  /** Two or more when the sentence has clauses ending in ；, else empty. */
  clauses: Range[];
}

export interface SegParagraph extends Range {
  id: string;
  sentences: SegSentence[];
  /** In an article (条): where the paragraph stands, as its jurisdiction names it (cn: 款 and 项; tw: 項, 款 and 目). */
  article?: ArticlePosition;
}

export interface SegSection extends Range {
  id: string;
  level: Level;
  depth: number;
  marker: string;
  number: number;
  /** An inserted article's number after the one it follows (第十四条之一, 第 14-1 條: 1). */
  sub?: number;
  heading: Range | null;
  paragraphs: SegParagraph[];
  children: SegSection[];
}

export interface SegNote extends Range {
  id: string;
  sectionId: string | null;
  /** The sentence the note closes: the one it ends, or the one before when the note stands alone after 。. */
  sentenceId: string | null;
  lead: NameRef[];
  support: NameRef[];
  /** How the roles were read: named (牵头/配合, or 责任单位：lead，support under the document's 逗号前为牵头单位), first-listed (a 负责 list under the document's convention), joint (a 负责 list: all lead). */
  roles: 'explicit' | 'first-listed' | 'joint';
  /** By when: 2024年底前 (by), 2025年起 (from), 长期坚持 (ongoing); null when the note gives none. */
  deadline: Deadline | null;
  /**
   * The task the note assigns: the text it closes (without the note), the paragraph before a note on its
   * own line, the heading of an item whose heading is the note, or a task table row's task cells (a cell
   * merged from above: that cell). null when there is none.
   */
  task: Range[] | null;
  damaged: boolean;
}

/** A document forwarded or promulgated by the cover (印发…的通知 + the plan; 国务院令 + the regulation). */
export interface SegAttachment extends Range {
  id: string;
  parts: Part[];
  title: Range[];
  kind: string | null;
  issuer: Range | null;
  date: (Range & { iso: string }) | null;
  preamble: SegParagraph[];
  sections: SegSection[];
}

/** One event of a law's history (lib/law-history.ts), with its place in the text. */
export interface SegHistoryEvent extends Range {
  iso: string;
  action: HistoryAction;
  organ: Range | null;
}

export interface Segmented {
  parts: Part[];
  title: Range[];
  documentNumber: string | null;
  /** Where a Taiwan 發文字號 stands (several for a joint 令), so the record can write it in the source's script. */
  numberRanges: Range[];
  issuer: Range | null;
  /** A joint signature's other organs, in their order (联合行文). */
  coIssuers: Range[];
  jurisdiction: Jurisdiction | null;
  /** 主旨 of a Taiwan 函 or 公告: the text after its label. */
  subject: Range | null;
  history: SegHistoryEvent[];
  date: (Range & { iso: string }) | null;
  addressees: Range[];
  kind: string | null;
  preamble: SegParagraph[];
  sections: SegSection[];
  attachments: SegAttachment[];
  notes: SegNote[];
  diagnostics: Diagnostic[];
}
