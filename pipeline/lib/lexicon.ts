/**
 * The lexicon folder: data files, not code. Read once per process.
 * agencies.tsv — name<TAB>type per line, # comments.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './project.js';

export type AgencyType = 'agency' | 'agencyGroup';

export interface LexiconEntry {
  name: string;
  type: AgencyType;
}

let agencies: LexiconEntry[] | undefined;

export function agencyLexicon(): readonly LexiconEntry[] {
  if (!agencies) {
    const file = join(projectRoot(), 'lexicon', 'agencies.tsv');
    agencies = [];
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (line.trim() === '' || line.startsWith('#')) return;
        const [name, type] = line.split('\t');
        if (!name || (type !== 'agency' && type !== 'agencyGroup')) {
          throw new Error(`${file}:${index + 1}: expected "name<TAB>agency|agencyGroup", got "${line}"`);
        }
        agencies!.push({ name: name.trim(), type });
      });
  }
  return agencies;
}
