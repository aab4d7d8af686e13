/**
 * One document in a fresh process, for the benchmark's memory figures: runs
 * the batch a user runs on that file (process, then write the JSON, the
 * Markdown and the batch files into a temporary folder) and prints the peak
 * resident set size in bytes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBatch } from '../pipeline/batch.js';

const file = process.argv[2]!;
const out = mkdtempSync(join(tmpdir(), 'gongwen-memory-'));
try {
  const report = await runBatch([file], { out, jobs: 1, maxBytes: Number.POSITIVE_INFINITY });
  if (report.files.ok !== 1) {
    process.stderr.write(`${file}: ${report.failures.map((f) => f.reason).join('; ')}\n`);
    process.exit(1);
  }
  process.stdout.write(`${process.resourceUsage().maxRSS * 1024}\n`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
