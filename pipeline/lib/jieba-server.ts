/**
 * jieba on a thread of its own, called synchronously from other threads.
 *
 * nodejieba's native load() takes about a second of CPU and blocks the thread
 * that calls it (it builds its dictionary trie twice: ADR 7). A process that
 * starts this server at its very beginning (bin/gongwen.js, before it imports
 * the pipeline) has jieba load on the second core while the main thread
 * imports the modules and decodes, cleans and converts the first document;
 * and every worker of a batch uses the same jieba instead of loading its own.
 *
 * The calls stay synchronous (the pipeline is): a client thread writes its
 * request (texts as JSON) into a SharedArrayBuffer, wakes the server with
 * Atomics.notify and waits with Atomics.wait until the answer is written in
 * the same buffer. One request at a time (a lock word in the buffer), so any
 * number of threads can share the server. The results are nodejieba's own,
 * unchanged (tested against a local load); a request too large for the buffer
 * is split, and a single text too large for it, a server that failed to load
 * or stopped answering, make the client load jieba itself (lib/jieba.ts).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, isMainThread, workerData } from 'node:worker_threads';
import { projectRoot } from './project.js';

/** Int32 slots at the start of the buffer. */
const LOCK = 0; // 0 free, 1 held by a client
const STATE = 1; // 0 not started, 3 loading, 1 ready, 2 failed
const REQUEST = 2; // sequence number of the last request
const ANSWER = 3; // sequence number of the last answer
const OP = 4; // 1 cut, 2 tag
const LENGTH = 5; // bytes of the request, then of the answer; -1: the answer did not fit
const HEADER = 64;
/** Bytes for a request or its answer (default). */
export const CAPACITY = 8 * 1024 * 1024;
/**
 * How long a client waits for the server thread to start, and for it to load
 * or answer, before it loads jieba itself: a thread that fails to start is
 * reported on its creator's event loop, which a waiting client blocks.
 */
const START_PATIENCE_MS = 20_000;
const PATIENCE_MS = 120_000;

export type Op = 'cut' | 'tag';
export interface Tagged {
  word: string;
  tag: string;
}

/** Starts the server thread and returns its buffer, for this thread and any other (worker threads get it in their workerData). */
export function startJiebaServer(capacity = CAPACITY): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(HEADER + capacity);
  // the compiled module (run from its TypeScript source in tests, the server thread still runs dist/)
  const beside = new URL(import.meta.url);
  const file = beside.pathname.endsWith('.ts') ? pathToFileURL(join(projectRoot(), 'dist', 'pipeline', 'lib', 'jieba-server.js')) : beside;
  const worker = new Worker(file, { workerData: { gongwenJiebaServer: buffer } });
  // the server never keeps the process alive; a failure to start is seen by its clients as state 2
  worker.unref();
  worker.on('error', () => {
    const control = new Int32Array(buffer, 0, 16);
    Atomics.store(control, STATE, 2);
    Atomics.notify(control, STATE);
  });
  return buffer;
}

/**
 * A client of a server's buffer. `call` returns the answers to the texts, or
 * null when the server cannot answer (failed to load, stopped answering, a
 * text too large for the buffer): the caller then uses a local jieba.
 */
export class JiebaClient {
  private readonly control: Int32Array;
  private readonly bytes: Buffer;
  private dead = false;

  constructor(buffer: SharedArrayBuffer) {
    this.control = new Int32Array(buffer, 0, 16);
    this.bytes = Buffer.from(buffer, HEADER);
  }

  /** Whether the server has loaded jieba (without waiting). */
  ready(): boolean {
    return Atomics.load(this.control, STATE) === 1;
  }

  call(op: 'cut', texts: readonly string[]): string[][] | null;
  call(op: 'tag', texts: readonly string[]): Tagged[][] | null;
  call(op: Op, texts: readonly string[]): string[][] | Tagged[][] | null {
    if (this.dead || !this.waitReady()) return null;
    if (texts.length === 0) return [];
    const request = JSON.stringify(texts);
    if (Buffer.byteLength(request) > this.bytes.length) return this.split(op, texts);
    const answer = this.locked(() => this.exchange(op, request));
    if (answer === null) return null;
    if (answer === undefined) return this.split(op, texts); // the answer did not fit: ask in halves
    return JSON.parse(answer) as string[][] | Tagged[][];
  }

  private split(op: Op, texts: readonly string[]): string[][] | Tagged[][] | null {
    if (texts.length < 2) return null; // one text too large for the buffer
    const half = texts.length >> 1;
    const a = this.call(op as 'cut', texts.slice(0, half));
    const b = a && this.call(op as 'cut', texts.slice(half));
    return a && b ? [...a, ...b] : null;
  }

  private waitReady(): boolean {
    const started = Date.now();
    let state = Atomics.load(this.control, STATE);
    while ((state === 0 && Date.now() - started < START_PATIENCE_MS) || (state === 3 && Date.now() - started < PATIENCE_MS)) {
      Atomics.wait(this.control, STATE, state, 1000);
      state = Atomics.load(this.control, STATE);
    }
    if (state !== 1) this.dead = true;
    return state === 1;
  }

  private locked<T>(run: () => T): T {
    while (Atomics.compareExchange(this.control, LOCK, 0, 1) !== 0) Atomics.wait(this.control, LOCK, 1, 1000);
    try {
      return run();
    } finally {
      Atomics.store(this.control, LOCK, 0);
      Atomics.notify(this.control, LOCK, 1);
    }
  }

  /** One request: the answer's JSON, undefined when it did not fit, null when the server did not answer. */
  private exchange(op: Op, request: string): string | null | undefined {
    const length = this.bytes.write(request, 0, 'utf8');
    Atomics.store(this.control, OP, op === 'cut' ? 1 : 2);
    Atomics.store(this.control, LENGTH, length);
    const sequence = Atomics.add(this.control, REQUEST, 1) + 1;
    Atomics.notify(this.control, REQUEST);
    const deadline = Date.now() + PATIENCE_MS;
    let answered = Atomics.load(this.control, ANSWER);
    while (answered !== sequence && Date.now() < deadline) {
      Atomics.wait(this.control, ANSWER, answered, 1000);
      answered = Atomics.load(this.control, ANSWER);
    }
    if (answered !== sequence) {
      this.dead = true;
      return null;
    }
    const size = Atomics.load(this.control, LENGTH);
    return size < 0 ? undefined : this.bytes.toString('utf8', 0, size);
  }
}

/** The server's loop: load jieba, then answer requests until the process ends. */
async function serve(buffer: SharedArrayBuffer): Promise<void> {
  const control = new Int32Array(buffer, 0, 16);
  const bytes = Buffer.from(buffer, HEADER);
  Atomics.store(control, STATE, 3);
  Atomics.notify(control, STATE);
  let jieba: { cut(text: string): string[]; tag(text: string): Tagged[] };
  try {
    const { loadJieba } = await import('./jieba.js');
    jieba = loadJieba();
  } catch {
    Atomics.store(control, STATE, 2);
    Atomics.notify(control, STATE);
    return;
  }
  Atomics.store(control, STATE, 1);
  Atomics.notify(control, STATE);
  let seen = 0;
  for (;;) {
    Atomics.wait(control, REQUEST, seen);
    const sequence = Atomics.load(control, REQUEST);
    if (sequence === seen) continue;
    seen = sequence;
    const texts = JSON.parse(bytes.toString('utf8', 0, Atomics.load(control, LENGTH))) as string[];
    const op = Atomics.load(control, OP);
    const answer = JSON.stringify(op === 1 ? texts.map((t) => jieba.cut(t)) : texts.map((t) => jieba.tag(t).map(({ word, tag }) => ({ word, tag }))));
    const size = Buffer.byteLength(answer);
    Atomics.store(control, LENGTH, size > bytes.length ? -1 : bytes.write(answer, 0, 'utf8'));
    Atomics.store(control, ANSWER, sequence);
    Atomics.notify(control, ANSWER);
  }
}

if (!isMainThread && (workerData as { gongwenJiebaServer?: SharedArrayBuffer } | null)?.gongwenJiebaServer) {
  void serve((workerData as { gongwenJiebaServer: SharedArrayBuffer }).gongwenJiebaServer);
}
