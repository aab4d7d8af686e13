/**
 * Glob matching for --exclude, with picomatch (the matcher tinyglobby uses for
 * patterns, so one glob syntax for both). Loaded through require with the one
 * signature used here typed, as the package ships no types of its own.
 */
import { createRequire } from 'node:module';

type Matcher = (path: string) => boolean;
const picomatch = createRequire(import.meta.url)('picomatch') as (glob: string, options: { dot: boolean }) => Matcher;

/** A matcher for one glob (`draft`, `*.bak.txt`, `old/**`) over paths written with `/`; names starting with `.` are matched too. */
export function globMatcher(glob: string): Matcher {
  return picomatch(glob, { dot: true });
}
