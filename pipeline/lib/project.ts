import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (holds package.json and lexicon/), found from this module whether it runs from source or dist. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'lexicon'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('gongwen: cannot find the package root (package.json with lexicon/)');
    dir = up;
  }
  return dir;
}
