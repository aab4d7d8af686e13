/* Generated from schemas/run-report.schema.json by `npm run schema:types`. Do not edit. */

/**
 * run-report.json: what one batch run did (run-report.shard-i-of-n.json for a shard). Written last, under a temporary name and renamed, and validated against this schema before it is written.
 */
export interface RunReport {
  tool: {
    name: "gongwen";
    version: string;
  };
  /**
   * The options of the run, defaults resolved where the run resolves them.
   */
  options: {
    /**
     * Traditional standard used for zh-Hant.
     */
    variant?: "t" | "tw" | "hk" | "twp";
    /**
     * Input encoding forced with --encoding (detection skipped).
     */
    encoding?: string;
    /**
     * Inputs larger than this many bytes were refused; null: no limit.
     */
    maxBytes: number | null;
    /**
     * false with --no-ocr: scanned PDFs and PDFs whose fonts have no Unicode map were not OCR'd.
     */
    ocr?: boolean;
    /**
     * Cleaning rules turned off.
     */
    clean?: {
      keepPunctuation?: boolean;
      keepWrapper?: boolean;
      keepPinyin?: boolean;
    };
    formats: ("json" | "md")[];
    /**
     * Script of the Markdown output.
     */
    script: "zh-Hans" | "zh-Hant" | "both";
    /**
     * Whether unchanged documents were processed again.
     */
    force: boolean;
    /**
     * Worker threads used (1: the documents ran in the main thread).
     */
    jobs: number;
    /**
     * The --exclude globs: files and folders matching one were not read (each is in notRead).
     */
    exclude?: string[];
    /**
     * --hidden: hidden files and folders (names starting with .) inside the inputs were read too; absent when they were passed over (the default).
     */
    hidden?: boolean;
  };
  /**
   * This run's share of the files (--shard i/n), or null for all of them.
   */
  shard: null | {
    index: number;
    count: number;
  };
  /**
   * Files of this run (this shard's share): processed (ok), unchanged since an earlier run (skipped), failed.
   */
  files: {
    total: number;
    ok: number;
    skipped: number;
    failed: number;
  };
  /**
   * Each failed file with its reason, one line (code: message), in output-path order.
   */
  failures: {
    file: string;
    reason: string;
  }[];
  /**
   * Files and folders found under the inputs (in a folder given, matched by a pattern, or named and excluded) that the run did not read, in the order found, each with its reason: `not a type gongwen reads (.jpg)` (an image, an archive, a file without an extension that is not an HTML page), `excluded by --exclude <glob>`, `a saved page's folder of images, scripts and styles` (name_files/ beside name.html), `the output folder, never read as input`. Hidden files and folders (names starting with .) found inside a folder or by a pattern are passed over and not listed, unless --hidden. Not counted in files.
   */
  notRead: {
    file: string;
    reason: string;
  }[];
  /**
   * Diagnostics by code over the run's documents (unchanged ones included, as recorded when they were processed).
   */
  diagnostics: {
    [k: string]: number;
  };
  /**
   * Milliseconds per stage, summed over the documents processed in this run (over all threads, so with several threads the sum exceeds the elapsed time); write is rendering and writing a document's outputs, datasets writing the batch files.
   */
  stageTime: {
    /**
     * A file's extractor (PDF, Word, Excel) reading its text.
     */
    read?: number;
    decode?: number;
    clean?: number;
    convert?: number;
    segment?: number;
    extract?: number;
    emit?: number;
    write?: number;
    datasets?: number;
  };
  /**
   * Wall-clock time of the run, from reading the folders to writing the batch files.
   */
  elapsedMs: number;
  /**
   * CPU time of the process over the run, every thread included (workers, and V8's own garbage-collector and compiler threads), in ms. Compared with elapsedMs it tells how many cores the run kept busy.
   */
  cpu: {
    userMs: number;
    systemMs: number;
  };
  /**
   * CPU time of each thread, in ms, read by the thread itself from its own clock (/proc/thread-self/stat on Linux, in 10 ms ticks; null elsewhere): the main thread first, then each worker that ran documents (none with jobs 1, when the main thread runs them). startupMs: the thread's CPU before its first document (the main thread: the process's start and imports before the run; a worker: its start and imports); documentsMs: during its documents (the first one reads jieba's and OpenCC's prepared dictionaries), perDocumentMs its mean per document; otherMs (main thread): during the run besides documents — reading the folders, collecting results, progress, the batch files.
   */
  threads: {
    /**
     * Node's threadId (0: the main thread).
     */
    thread: number;
    role: "main" | "worker";
    /**
     * Files the thread ran (processed, unchanged or failed).
     */
    documents: number;
    startupMs: number | null;
    documentsMs: number | null;
    perDocumentMs: number | null;
    otherMs: number | null;
  }[];
  /**
   * Peak resident memory of the process so far (the whole process, start-up included), in bytes.
   */
  peakRssBytes: number;
  /**
   * The batch files written: dataset.jsonl, entities.csv, responsibilities.csv (empty when no document succeeded).
   */
  datasets: string[];
}
