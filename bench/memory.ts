/**
 * One document in a fresh process, for the benchmark's memory figures:
 * prints the peak resident set size (bytes) after processing the file given.
 */
import { readFileSync } from 'node:fs';
import { processDocument } from '../pipeline/pipeline.js';

const file = process.argv[2]!;
const result = processDocument({ bytes: readFileSync(file), file });
if (!result.ok) {
  process.stderr.write(`${file}: ${result.diagnostics.map((d) => d.message).join('; ')}\n`);
  process.exit(1);
}
process.stdout.write(`${process.resourceUsage().maxRSS * 1024}\n`);
