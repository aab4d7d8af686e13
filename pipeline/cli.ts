/**
 * The gongwen command: a thin layer over runBatch / processDocument.
 * Exit codes: 0 all files ok (or skipped), 1 some files failed (the rest are written), 2 usage error.
 */
import { readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { MultiBar, SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { INPUT_EXTENSIONS, collectJobs, inShard, runBatch, type NotRead } from './batch.js';
import { catalogue, type DiagnosticCode } from './lib/diagnostics.js';
import type { Format, JobResult } from './job.js';
import { DATASET_RECORDS, type DatasetRecord } from './lib/datasets.js';
import { VARIANTS, type Variant } from './lib/opencc.js';
import { lazy } from './lib/lazy.js';
import type { ProcessOptions } from './pipeline.js';
import { DEFAULT_MAX_BYTES, toolVersion } from './lib/tool.js';
import type { InputFormat } from './stages/clean.js';
import type { OutputScript } from './stages/to-markdown.js';
import type { GongwenDocument } from './schema-types.js';

function parseFormats(value: string): Format[] {
  const list = value.split(',').map((s) => s.trim());
  for (const f of list) if (f !== 'json' && f !== 'md') throw new InvalidArgumentError(`unknown format "${f}" (json, md)`);
  return list as Format[];
}

function parseShard(value: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw new InvalidArgumentError(`expected i/n with 1 ≤ i ≤ n, e.g. 2/8 (got "${value}")`);
  return { index, count };
}

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a positive integer (got "${value}")`);
  return n;
}

/** What --to writes to standard output. */
type StdoutFormat = 'json' | 'jsonl' | 'md';
/** --from: the format of the input, by its usual extension's name. */
const FROM: Record<string, InputFormat> = { txt: 'text', text: 'text', md: 'markdown', markdown: 'markdown', html: 'html' };

interface Options {
  out: string;
  format: Format[];
  to: StdoutFormat;
  from?: string;
  abortOnError?: boolean;
  /** --exclude, repeated: absent when not given. */
  exclude?: string[];
  hidden?: boolean;
  list?: boolean;
  script: OutputScript | 'both';
  variant: Variant;
  encoding?: string;
  jobs?: number;
  force?: boolean;
  prune?: boolean;
  fsync: boolean;
  shard?: { index: number; count: number };
  dataset: DatasetRecord;
  maxSize: number;
  keepPunctuation?: boolean;
  keepWrapper?: boolean;
  keepPinyin?: boolean;
  /** false with --no-ocr. */
  ocr: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

const EXAMPLES = `
Examples:
  gongwen input --out output                  every .txt/.md/.html/.pdf/.docx/.doc/.wps/.xlsx under input/
  gongwen docs/*.html --out out --script zh-Hant
  gongwen 'corpus/**/*.html' --out out        a quoted pattern, expanded by gongwen (out/a/b.json for corpus/a/b.html)
  gongwen corpus --out out --shard 3/8        the third of eight deterministic shares (batch schedulers)
  gongwen - --to md < doc.txt                 one document from stdin to stdout
  gongwen - --from md < doc.md                Markdown on stdin (read as Markdown, not as text)
  gongwen docs -o - --to jsonl > docs.jsonl   every document to stdout, one JSON line each
  gongwen crawl --out out --list --exclude '*.bak.html'
                                              what would be read, and why not the rest (nothing is processed)
  gongwen corpus --out out --force --jobs 1   re-run everything on one thread

A run writes <name>.json and <name>.md per document (mirroring subfolders),
dataset.jsonl, the tables documents, entities and responsibilities as .csv
and .parquet (all documents of the output folder) and run-report.json. Unchanged documents (same bytes, options
and version) are skipped; --prune removes those whose input is gone.
Exit codes: 0 all ok, 1 some files failed (the others are written) or the
disk is full, 2 usage error.`;

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name('gongwen')
    .description('Turn Chinese government policy documents (公文) into clean Markdown and validated JSON datasets.')
    .version(toolVersion())
    .argument('<paths...>', `files, folders or quoted glob patterns ('corpus/**/*.html') to process (${INPUT_EXTENSIONS.join(' ')}); - reads one document from stdin`)
    .option('-o, --out <dir>', 'output folder; - writes the documents to standard output (see --to)', 'output')
    .addOption(new Option('--format <list>', 'outputs to write: json, md or json,md').default(['json', 'md'], 'json,md').argParser(parseFormats))
    .addOption(new Option('--to <format>', 'with - or -o -: what to write to standard output (json: one document\'s JSON, JSON Lines for several)').choices(['json', 'jsonl', 'md']).default('json'))
    .addOption(new Option('--from <format>', 'with - or -o -: read the input as this format instead of deciding from its name and content').choices(Object.keys(FROM)))
    .option('--abort-on-error', 'stop at the first file that fails: no further document is started')
    .option('--exclude <glob>', 'do not read files and folders matching this glob (the path under the folder or pattern given, or the name); repeatable', (glob: string, list: string[] | undefined) => [...(list ?? []), glob])
    .option('--hidden', 'also read hidden files and folders (names starting with .) inside the folders and patterns given; they are passed over by default')
    .option('--list', 'print what would be read (and the output it would write), what would not be read and why, and what would fail; process nothing')
    .addOption(new Option('--script <script>', 'script of the Markdown (both: <name>.md and <name>.zh-Hant.md)').choices(['zh-Hans', 'zh-Hant', 'both']).default('zh-Hans'))
    .addOption(new Option('--variant <variant>', 'Traditional standard for zh-Hant: t (OpenCC), tw, hk, twp (Taiwan phrases)').choices([...VARIANTS]).default('t'))
    .option('--encoding <label>', 'force the input encoding (utf-8, gb18030, big5, utf-16le …)')
    .addOption(new Option('-j, --jobs <n>', 'worker threads (default: one per 4 MB of input, at most the number of cores)').argParser(parsePositive))
    .option('--force', 'process every file, even unchanged ones')
    .option('--prune', 'remove the documents of the output folder that none of the given inputs produced (inputs that are gone)')
    .option('--no-fsync', 'do not fsync files and folders (faster; a power loss may then leave damaged outputs)')
    .addOption(new Option('--shard <i/n>', 'process only the i-th of n deterministic shares of the files').argParser(parseShard))
    .addOption(new Option('--dataset <record>', 'what dataset.jsonl holds per document: full (its JSON), slim (no edit log, alignment or sentences), sentences (slim with sentences)').choices([...DATASET_RECORDS]).default('full'))
    .addOption(new Option('--max-size <mb>', 'refuse files larger than this many MB').default(DEFAULT_MAX_BYTES / 1024 / 1024).argParser(parsePositive))
    .option('--keep-punctuation', 'keep ASCII punctuation (no GB/T 15834 full-width marks)')
    .option('--keep-wrapper', 'keep the news wrapper, a site’s metadata table and site furniture in the text')
    .option('--keep-pinyin', 'keep pinyin annotations such as 網(wǎng)')
    .option('--no-ocr', 'do not OCR scanned PDFs or PDFs whose fonts have no Unicode map (they fail with one line)')
    .option('-q, --quiet', 'print only failures')
    .option('-v, --verbose', 'also print every warning of every file')
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) })
    .action(async (paths: string[], opts: Options) => {
      const options = {
        variant: opts.variant,
        encoding: opts.encoding,
        maxBytes: opts.maxSize * 1024 * 1024,
        clean: { keepPunctuation: opts.keepPunctuation, keepWrapper: opts.keepWrapper, keepPinyin: opts.keepPinyin },
        ocr: opts.ocr,
      };
      if (paths.length > 1 && paths.includes('-')) {
        process.stderr.write('gongwen: - (one document from stdin to stdout) cannot be combined with other paths\n');
        exitCode = 2;
        return;
      }
      if (opts.list) {
        exitCode = list(paths, opts);
        return;
      }
      if (paths.length === 1 && paths[0] === '-') {
        if (stdoutClosed()) {
          process.stderr.write('gongwen: standard output is closed: the document would be written nowhere (redirect it to a file, or use --out)\n');
          exitCode = 2;
          return;
        }
        const input = await readStream(process.stdin, options.maxBytes);
        if (input.length > options.maxBytes) {
          process.stderr.write(`-: error decode:too-large: more than ${opts.maxSize} MB on standard input (raise the limit with --max-size)\n`);
          exitCode = 1;
          return;
        }
        const here = await thisThread();
        const result = await here.processFile({ bytes: input, file: '-', ...(opts.from ? { format: FROM[opts.from] } : {}) }, options);
        if (!result.ok || !result.document) {
          for (const d of result.diagnostics) process.stderr.write(`-: ${d.severity} ${d.code}: ${d.message}\n`);
          exitCode = 1;
          return;
        }
        process.stdout.write(rendered(here, result.document, opts, 1));
        return;
      }
      const explicit = (name: string) => program.getOptionValueSource(name) === 'cli';
      if (opts.out === '-') {
        exitCode = toStdout(await thisThread(), paths, opts, options);
        return;
      }
      for (const name of ['to', 'from']) {
        if (!explicit(name)) continue;
        process.stderr.write(`gongwen: --${name} applies to standard output (- or -o -); a batch writes --format's files into --out\n`);
        exitCode = 2;
        return;
      }
      const progress = new Progress(opts);
      const report = await runBatch(paths, {
        ...options,
        out: opts.out,
        formats: opts.format,
        script: opts.script,
        jobs: opts.jobs,
        force: opts.force,
        prune: opts.prune,
        fsync: opts.fsync,
        shard: opts.shard,
        dataset: opts.dataset,
        abortOnError: opts.abortOnError,
        exclude: opts.exclude,
        hidden: opts.hidden,
        onFile: (r, done, total) => progress.file(r, done, total),
      });
      progress.stop();
      const { ok, skipped, failed, total } = report.files;
      if (!opts.quiet) {
        // files and folders found and not read are named, never passed over in silence
        writeNotRead(report.notRead);
        process.stderr.write(`${summary(report.files, report.diagnostics, report.notRead.length)} — ${(report.elapsedMs / 1000).toFixed(1)} s${report.reportFile ? `; report: ${printable(report.reportFile)}` : ''}\n`);
      }
      if (total === 0) {
        process.stderr.write(`gongwen: no input files found (${INPUT_EXTENSIONS.join(' ')})\n`);
        exitCode = 2;
      } else if (failed > 0 || report.stopped) exitCode = 1;
      // a run stopped by a full disk ends with the one line that says so
      if (report.stopped) process.stderr.write(`gongwen: ${printable(report.stopped)}\n`);
    });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version') return 0;
    // commander has printed its own usage errors; anything else (an unusable output folder) is one line here
    if (!code?.startsWith('commander.')) process.stderr.write(`gongwen: ${printable((error as Error).message)}\n`);
    return 2;
  }
  return exitCode;
}

/**
 * The final line's counts: files by status (and, when there are any, the files and folders not read), then warnings
 * by code over the run's documents, most frequent first
 * (`15 ok, 0 unchanged, 0 failed, 2 not read; 7 warnings: 4 segment:no-title, 3 clean:corrupted-bytes`).
 * Infos are left out, and so are errors: a failed file's error has its own line.
 */
export function summary(files: { ok: number; skipped: number; failed: number }, diagnostics: Record<string, number>, notRead = 0): string {
  const counts = Object.entries(diagnostics)
    .filter(([code]) => (catalogue[code as DiagnosticCode]?.severity ?? 'warning') === 'warning')
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const n = counts.reduce((t, [, k]) => t + k, 0);
  const warnings = n === 0 ? '; no warnings' : `; ${n} warning${n === 1 ? '' : 's'}: ${counts.map(([code, k]) => `${k} ${code}`).join(', ')}`;
  return `${files.ok} ok, ${files.skipped} unchanged, ${files.failed} failed${notRead > 0 ? `, ${notRead} not read` : ''}${warnings}`;
}

/** One line on standard error for each file or folder not read, with the reason (`- a/scan.jpg: not read: not a type gongwen reads (.jpg)`). */
function writeNotRead(notRead: readonly NotRead[]): void {
  for (const n of notRead) process.stderr.write(`- ${printable(n.file)}: not read: ${printable(n.reason)}\n`);
}

/**
 * The pipeline and the Markdown writer, for the modes that process documents on this thread and write them to
 * standard output (`-`, `-o -`); a batch loads them only in the threads that process its documents (job.ts).
 */
async function thisThread() {
  const [{ processDocument, processFile }, { toMarkdown }] = await Promise.all([import('./pipeline.js'), import('./stages/to-markdown.js')]);
  return { processDocument, processFile, toMarkdown };
}
type Pipeline = Awaited<ReturnType<typeof thisThread>>;

/** A document as --to writes it; `count` documents in all (JSON Lines for several with --to json). */
function rendered({ toMarkdown }: Pipeline, doc: GongwenDocument, opts: Options, count: number): string {
  if (opts.to === 'md') return toMarkdown(doc, opts.script === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans');
  return opts.to === 'json' && count === 1 ? `${JSON.stringify(doc, null, 1)}\n` : `${JSON.stringify(doc)}\n`;
}

/**
 * -o -: every input file (files, folders, patterns as a batch reads them) processed in order and written to
 * standard output as --to says; nothing is written to disk. A file that fails is one line on standard error.
 */
function toStdout(here: Pipeline, paths: string[], opts: Options, options: ProcessOptions & { maxBytes: number }): number {
  const { jobs, errors, notRead } = collectJobs(paths, { exclude: opts.exclude, hidden: opts.hidden });
  if (!opts.quiet) writeNotRead(notRead);
  for (const e of errors) process.stderr.write(`✗ ${printable(e.file)}: ${printable(e.error ?? 'failed')}\n`);
  if (jobs.length + errors.length === 0) {
    process.stderr.write(`gongwen: no input files found (${INPUT_EXTENSIONS.join(' ')})\n`);
    return 2;
  }
  let failed = errors.length;
  for (const job of jobs) {
    if (opts.abortOnError && failed > 0) break;
    let bytes: Buffer;
    try {
      if (job.bytes > options.maxBytes) throw new Error(`decode:too-large: above the limit of ${opts.maxSize} MB (raise it with --max-size)`);
      bytes = readFileSync(job.file);
    } catch (e) {
      process.stderr.write(`✗ ${printable(job.file)}: ${printable((e as Error).message)}\n`);
      failed++;
      continue;
    }
    const result = here.processDocument({ bytes, file: job.file, ...(opts.from ? { format: FROM[opts.from] } : {}) }, options);
    if (!result.ok || !result.document) {
      const reason = result.diagnostics.find((d) => d.severity === 'error');
      process.stderr.write(`✗ ${printable(job.file)}: ${printable(reason ? `${reason.code}: ${reason.message}` : 'failed')}\n`);
      failed++;
      continue;
    }
    process.stdout.write(rendered(here, result.document, opts, jobs.length));
  }
  return failed > 0 ? 1 : 0;
}

/**
 * --list: what a run with these paths and options would do, one line each on standard output, nothing processed or
 * written — `read <file> → <output path without extension>` (`-` with -o -), `not read <file>: <reason>` (the
 * reasons of run-report.json's notRead), `fail <path>: <reason>` (a path that cannot be read, a pattern that matches
 * nothing). Under --shard, this shard's share. Exit 0, 1 when some path fails, 2 when there is nothing at all.
 */
function list(paths: string[], opts: Options): number {
  if (paths.length === 1 && paths[0] === '-') {
    process.stdout.write('read - → -\n');
    return 0;
  }
  const toStdout = opts.out === '-';
  const { jobs, errors, notRead } = collectJobs(paths, { out: toStdout ? undefined : opts.out, exclude: opts.exclude, hidden: opts.hidden });
  // the share of a shard, by the same hashes a run uses
  const mine = <T>(items: T[], key: (t: T) => string) => (opts.shard ? items.filter((t) => inShard(key(t), opts.shard!)) : items);
  const read = mine(jobs, (j) => j.target);
  const failed = mine(errors, (e) => e.target);
  for (const j of read) process.stdout.write(`read ${printable(j.file)} → ${toStdout ? '-' : printable(join(opts.out, j.target))}\n`);
  for (const n of mine(notRead, (n) => n.file)) process.stdout.write(`not read ${printable(n.file)}: ${printable(n.reason)}\n`);
  for (const e of failed) process.stdout.write(`fail ${printable(e.file)}: ${printable(e.error ?? 'failed')}\n`);
  if (jobs.length + errors.length === 0) {
    process.stderr.write(`gongwen: no input files found (${INPUT_EXTENSIONS.join(' ')})\n`);
    return 2;
  }
  return failed.length > 0 ? 1 : 0;
}

/**
 * Text for one line of the terminal: line breaks, other control characters
 * and bidirectional controls (which reorder what follows them) written as
 * escapes (`\n`, `\u{202e}`), so a file name cannot break or disguise a line.
 */
export function printable(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u{${c.codePointAt(0)!.toString(16)}}`,
  );
}

/**
 * All of a stream (standard input) as bytes, read as it arrives: a slow
 * producer or a pipe of any size (`readFileSync(0)` fails with EAGAIN on a
 * non-blocking pipe that is momentarily empty). Reading stops once more than
 * `limit` bytes have come.
 */
export async function readStream(stream: AsyncIterable<Buffer | string>, limit = Number.POSITIVE_INFINITY): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    chunks.push(bytes);
    length += bytes.length;
    if (length > limit) break;
  }
  return Buffer.concat(chunks);
}

/**
 * Whether standard output was closed when gongwen started (`gongwen - >&-`):
 * Node then opens /dev/null read-write in its place, where a shell's
 * `> /dev/null` opens it write-only. Known on Linux only (/proc); elsewhere
 * false.
 */
function stdoutClosed(): boolean {
  try {
    if (readlinkSync('/proc/self/fd/1') !== '/dev/null') return false;
    const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync('/proc/self/fdinfo/1', 'utf8'));
    return flags !== null && (parseInt(flags[1]!, 8) & 3) === 2;
  } catch {
    return false;
  }
}

/** The progress bar's package, loaded when a bar is drawn (lib/lazy.ts). */
const progressBars = lazy<typeof import('cli-progress')>('cli-progress');

/** A progress bar on a terminal, plain lines otherwise; failures always get their own line. */
class Progress {
  private bars: MultiBar | null = null;
  private bar: SingleBar | null = null;
  /** Files per second count from the run's start, not the process's (module loading is no part of the rate). */
  private readonly started = performance.now();
  constructor(private readonly opts: Options) {}

  file(r: JobResult, done: number, total: number): void {
    const tty = process.stderr.isTTY && !this.opts.quiet && !this.opts.verbose;
    if (tty && !this.bars) {
      this.bars = new (progressBars().MultiBar)({ format: '{bar} {value}/{total} files | {rate} files/s | ETA {eta_formatted} | {file}', stream: process.stderr, etaBuffer: 50, hideCursor: true });
      this.bar = this.bars.create(total, 0, { rate: '0.0', file: '' });
      // interrupted (Ctrl-C, kill): give the terminal its cursor back, then die of the signal as before
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, this.interrupted);
    }
    // a name is the user's: a line break or control character in it must not break the line
    const line = printable(
      r.status === 'failed'
        ? `✗ ${r.file}: ${r.error}`
        : `${r.status === 'skipped' ? '=' : '✓'} ${r.file} → ${r.outputs.join(', ')}${r.status === 'skipped' ? ' (unchanged)' : r.warnings.length ? ` (${r.warnings.length} warnings)` : ''}`,
    );
    if (this.bars && this.bar) {
      this.bar.update(done, { file: printable(r.file), rate: (done / Math.max(0.001, (performance.now() - this.started) / 1000)).toFixed(1) });
      if (r.status === 'failed') {
        // drawn now, above the bar: the bar's own redraw runs on a timer, and a log left for it is lost at stop
        this.bars.log(`${line}\n`);
        this.bars.update();
      }
      return;
    }
    if (r.status === 'failed' || !this.opts.quiet) process.stderr.write(`[${done}/${total}] ${line}\n`);
    if (this.opts.verbose) for (const w of r.warnings) process.stderr.write(`    ${printable(w)}\n`);
  }

  stop(): void {
    // the final count drawn before the bar stops
    this.bars?.update();
    this.bars?.stop();
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.removeListener(signal, this.interrupted);
  }

  private readonly interrupted = (signal: NodeJS.Signals): void => {
    this.bars?.stop();
    process.kill(process.pid, signal);
  };
}
