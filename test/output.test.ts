/** output/ is exactly what `npm start` regenerates from input/, and every JSON in it validates. */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processPaths } from '../pipeline/batch.js';
import { validateDocument } from '../pipeline/validate.js';
import { ROOT } from './helpers/paths.js';

describe('committed output/', () => {
  it('is what the pipeline regenerates from input/', () => {
    const out = mkdtempSync(join(tmpdir(), 'gongwen-out-'));
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const summary = processPaths(['input'], { out });
      expect(summary.failed).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    const committed = readdirSync(join(ROOT, 'output')).sort();
    expect(readdirSync(out).sort()).toEqual(committed);
    expect(committed.length).toBeGreaterThan(0);
    for (const name of committed) {
      expect(readFileSync(join(out, name), 'utf8'), name).toBe(readFileSync(join(ROOT, 'output', name), 'utf8'));
    }
  });

  it('holds only JSON that validates against schemas/', () => {
    const jsons = readdirSync(join(ROOT, 'output')).filter((n) => n.endsWith('.json'));
    expect(jsons.length).toBeGreaterThan(0);
    for (const name of jsons) {
      const result = validateDocument(JSON.parse(readFileSync(join(ROOT, 'output', name), 'utf8')));
      expect(result.errors, name).toEqual([]);
    }
  });

  it('rejects a document that breaks the schema', () => {
    const name = readdirSync(join(ROOT, 'output')).find((n) => n.endsWith('.json'))!;
    const doc = JSON.parse(readFileSync(join(ROOT, 'output', name), 'utf8'));
    doc.sections[0].span.start = -1;
    delete doc.document.title;
    expect(validateDocument(doc).valid).toBe(false);
  });
});
