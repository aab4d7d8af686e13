/** What each entity finder proposes; the extract stage turns candidates into entities with mentions. */
import type { Range } from '../sentences.js';
import type { TermCategory } from '../lexicon.js';

export type EntityType = 'agency' | 'agencyGroup' | 'technology' | 'industry' | 'place' | 'programme' | 'timeHorizon' | 'target';

export interface Candidate {
  type: EntityType;
  /** The name as written. */
  surface: string;
  /** The entity's identity: canonical name (agencies), the name itself otherwise. */
  key: string;
  /** Set when the finder knows exactly where the candidate is (patterns); else every occurrence of `surface` is a mention. */
  spans?: Range[];
  category?: TermCategory;
  year?: number;
  quantity?: { value: number; unit: string };
}
