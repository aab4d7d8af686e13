import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** ../shared next to the checkout (CI puts a copy of shared/ beside the clone). */
export const SHARED = join(ROOT, '..', 'shared');
export const SAMPLE = join(ROOT, 'input', 'chengdu-future-industries-2024.txt');

export function acceptance(): Acceptance {
  return JSON.parse(readFileSync(join(SHARED, 'acceptance', 'chengdu-future-industries-2024.expected.json'), 'utf8')) as Acceptance;
}

export interface Acceptance {
  publication: { site: string; headline: string; source: string; publishedAt: string; views: number };
  title: string;
  addressees: string[];
  issuer: string;
  date: string;
  sections: { marker: string; heading: string; children: { marker: string; heading: string }[] }[];
  responsibilities: { section: string; lead: string[]; support: string[] }[];
  cleaning: { corruptedSpans: { raw: string; expected: string }[]; boilerplate: string[] };
  mustNotAppearInOutput: string[];
}
