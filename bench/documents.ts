/**
 * The real documents the benchmark is built from: the sample in input/, and
 * the gov.cn pages and lawrefbook regulations of ../shared/corpus when present.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { projectRoot } from '../pipeline/lib/project.js';

export function realDocuments(): { name: string; bytes: Buffer }[] {
  const root = projectRoot();
  const sources = [{ name: 'sample.txt', bytes: readFileSync(join(root, 'input', 'chengdu-future-industries-2024.txt')) }];
  for (const dir of ['govcn', 'lawrefbook']) {
    const path = join(root, '..', 'shared', 'corpus', dir);
    if (!existsSync(path)) continue;
    for (const f of readdirSync(path).sort()) if (['.html', '.md'].includes(extname(f))) sources.push({ name: `${dir}-${f}`, bytes: readFileSync(join(path, f)) });
  }
  return sources;
}
