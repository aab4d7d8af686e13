#!/usr/bin/env node
// Lists the entities of gongwen JSON files by type, and for the sample
// compares them with the acceptance file: recall, and every extracted name
// that the samples do not list (to be read: is each one a real entity?).
// Usage: node scripts/entity-report.js output/chengdu-future-industries-2024.json [more.json …]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const acceptanceFile = join(import.meta.dirname, '..', '..', 'shared', 'acceptance', 'chengdu-future-industries-2024.expected.json');
const acceptance = existsSync(acceptanceFile) ? JSON.parse(readFileSync(acceptanceFile, 'utf8')) : null;
const samples = acceptance && {
  'technology+industry': acceptance.technologiesSample,
  place: acceptance.placesSample,
  programme: acceptance.programmesSample,
  timeHorizon: acceptance.timeHorizons,
};
const family = (type) => (type === 'technology' || type === 'industry' ? 'technology+industry' : type);

for (const file of process.argv.slice(2)) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  console.log(`\n# ${file}`);
  const byFamily = new Map();
  for (const e of doc.entities) {
    const names = [e.name['zh-Hans'], ...(e.forms ?? []), e.id.slice(e.id.indexOf(':') + 1)];
    byFamily.set(family(e.type), [...(byFamily.get(family(e.type)) ?? []), names]);
  }
  for (const [f, entities] of byFamily) {
    const sample = file.includes('chengdu') && samples?.[f];
    const line = `${f}: ${entities.length} found`;
    if (!sample) {
      console.log(`${line}\n  ${entities.map((n) => n[0]).join(' | ')}`);
      continue;
    }
    const found = sample.filter((s) => entities.some((names) => names.includes(s)));
    const extra = entities.filter((names) => !sample.some((s) => names.includes(s))).map((n) => n[0]);
    console.log(`${line}; recall ${found.length}/${sample.length}; not in the sample (${extra.length}):\n  ${extra.join(' | ')}`);
  }
}
