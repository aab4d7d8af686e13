/** gongwen's public API. */
export { processDocument, processFile, detectFormat, toolVersion, type ProcessInput, type ProcessOptions, type ProcessResult } from './pipeline.js';
export { runBatch, collectJobs, inShard, type BatchOptions, type RunReport } from './batch.js';
export type { RunReport as RunReportFile } from './run-report-types.js';
export { runJob, type JobTask, type JobResult } from './job.js';
export { toMarkdown, type OutputScript } from './stages/to-markdown.js';
export { validateDocument, validateRunReport, documentValidator, schemaPath } from './validate.js';
export { decode } from './stages/decode.js';
export { fileText, type FileText, type FileFormat } from './stages/file-text.js';
export { clean, RULES } from './stages/clean.js';
export { convert, detectScript } from './stages/convert.js';
export { segment } from './stages/segment.js';
export { extract } from './stages/extract.js';
export { toJson } from './stages/to-json.js';
export { rebuildInput, rebuildRaw } from './lib/tracked-text.js';
export { catalogue as diagnosticCatalogue } from './lib/diagnostics.js';
export type { GongwenDocument } from './schema-types.js';
export type { Variant } from './lib/opencc.js';
export { createProcessor, type Processor, type ProcessorOptions } from './processor.js';
