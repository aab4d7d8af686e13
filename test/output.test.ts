/** output/ is exactly what `npm start` regenerates from input/, and every JSON in it validates. */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../pipeline/batch.js';
import { validateDocument } from '../pipeline/validate.js';
import { ROOT } from './helpers/paths.js';

describe('committed output/', () => {
  it('is what the pipeline regenerates from input/ (documents and datasets)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'gongwen-out-'));
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const report = await runBatch(['input'], { out, jobs: 1 });
      expect(report.files.failed).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    // the run report (timings) and the incremental state are per run, not committed
    const perRun = (n: string) => n === '.gongwen' || n.startsWith('run-report');
    const committed = readdirSync(join(ROOT, 'output')).filter((n) => !perRun(n)).sort();
    expect(readdirSync(out).filter((n) => !perRun(n)).sort()).toEqual(committed);
    expect(committed).toEqual(expect.arrayContaining(['dataset.jsonl', 'entities.csv', 'responsibilities.csv']));
    expect(committed.length).toBeGreaterThan(0);
    for (const name of committed) {
      expect(readFileSync(join(out, name), 'utf8'), name).toBe(readFileSync(join(ROOT, 'output', name), 'utf8'));
    }
  });

  it('holds only JSON that validates against schemas/', () => {
    const jsons = readdirSync(join(ROOT, 'output')).filter((n) => n.endsWith('.json') && !n.startsWith('run-report'));
    expect(jsons.length).toBeGreaterThan(0);
    for (const name of jsons) {
      const result = validateDocument(JSON.parse(readFileSync(join(ROOT, 'output', name), 'utf8')));
      expect(result.errors, name).toEqual([]);
    }
  });

  it('rejects a document that breaks the schema', () => {
    const name = readdirSync(join(ROOT, 'output')).find((n) => n.endsWith('.json') && !n.startsWith('run-report'))!;
    const doc = JSON.parse(readFileSync(join(ROOT, 'output', name), 'utf8'));
    doc.sections[0].span.start = -1;
    delete doc.document.title;
    expect(validateDocument(doc).valid).toBe(false);
  });
});
