// Extraction off the event loop: a small pool of worker threads running the pure pipeline, each job
// with a time budget. Over budget, the worker is terminated (a fresh one replaces it) and the caller
// gets a 422; when every worker is busy and the short queue is full, a 503 with Retry-After. The
// main thread keeps answering other requests meanwhile. See docs/decisions/009-hostile-input-and-faults.md.
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { AppError } from "../errors";
import { EXTRACTOR_VERSION } from "../nlp/pipeline";
import type { Extraction } from "../nlp/types";
import { articleFromHtml, type HtmlText } from "./html-text";

/** An extractor that answers later (a worker pool, or a synchronous extractor wrapped). */
export interface AsyncExtractor {
  extract: (text: string) => Promise<Extraction>;
  /** an uploaded web page reduced to its article (readability), off the event loop too */
  readHtml: (html: string) => Promise<HtmlText>;
  version: string;
}

export interface ExtractPoolOptions {
  /** worker threads (default: one fewer than the cores, 1 to 4) */
  size?: number;
  /** milliseconds one extraction may take before it is abandoned (default 30 s) */
  budgetMs?: number;
  /** jobs that may wait for a free worker before new ones are refused with 503 (default 32, or 8 per worker) */
  maxQueue?: number;
  /**
   * jobs sent ahead to one worker (default 1: a job is sent when its worker is free). A worker only
   * gets its next job when this thread reads the last answer, so a caller that keeps this thread busy
   * for long stretches (a bulk ingest storing a batch) leaves depth-1 workers idle meanwhile; with a
   * depth of N each worker has up to N jobs to work through on its own. Jobs still run one at a time
   * per worker, in order, and each job's budget starts when the job before it on its worker ended
   * (as this thread saw it: read late, the budget is longer, never shorter).
   */
  depth?: number;
  /**
   * nice value the worker threads take (Linux: a thread's own priority; elsewhere ignored). A bulk
   * ingest's workers yield to its main thread, which stores what they extract and is the pipeline's
   * narrowest part: with three busy threads on two cores, equal priorities gave it two thirds of a core.
   */
  nice?: number;
  /** the module the workers load `extract` from (absolute path; default the pipeline) */
  module?: string;
  version?: string;
  /**
   * schedules a job's budget (default setTimeout/clearTimeout). Tests pass a clock they advance by
   * hand, so "over budget" is a fact of the test, not a race with the machine's speed.
   */
  clock?: BudgetClock;
}

/** How the pool waits for a job's budget to run out. */
export interface BudgetClock {
  set(expire: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const REAL_CLOCK: BudgetClock = {
  set: (expire, ms) => setTimeout(expire, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export const DEFAULT_BUDGET_MS = 30_000;
/** seconds a refused client is told to wait */
export const RETRY_AFTER_S = 5;

/** The compiled worker beside this file (dist/src/services/extract-worker.js). */
const WORKER_FILE = join(__dirname, "extract-worker.js");

interface Job {
  id: number;
  kind: "extract" | "html";
  text: string;
  resolve: (e: Extraction) => void;
  reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker | null;
  /** the worker has loaded the pipeline (its first message) */
  ready: boolean;
  /** the jobs sent to this worker, in order: the first is the one running, whose budget `timer` keeps */
  jobs: Job[];
  timer: unknown;
}

type Answer = { id: number; ok: true; extraction: Extraction } | { id: number; ok: false; error: string } | { ready: true; id?: undefined };

export function defaultPoolSize(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

export class ExtractPool implements AsyncExtractor {
  readonly version: string;
  readonly size: number;
  readonly budgetMs: number;
  readonly maxQueue: number;
  readonly depth: number;
  private readonly module: string | undefined;
  private readonly nice: number | undefined;
  private readonly clock: BudgetClock;
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: ExtractPoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()));
    this.budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
    this.maxQueue = Math.max(0, Math.floor(options.maxQueue ?? Math.max(32, 8 * this.size)));
    this.depth = Math.max(1, Math.floor(options.depth ?? 1));
    this.module = options.module;
    this.nice = options.nice;
    this.clock = options.clock ?? REAL_CLOCK;
    this.version = options.version ?? EXTRACTOR_VERSION;
    this.slots = Array.from({ length: this.size }, () => ({ worker: null, ready: false, jobs: [], timer: null }));
  }

  extract(text: string): Promise<Extraction> {
    return this.submit("extract", text) as Promise<Extraction>;
  }

  readHtml(html: string): Promise<HtmlText> {
    return this.submit("html", html) as unknown as Promise<HtmlText>;
  }

  private submit(kind: Job["kind"], text: string): Promise<Extraction> {
    if (this.closed) return Promise.reject(new Error("the extraction pool is closed"));
    return new Promise<Extraction>((resolve, reject) => {
      const job: Job = { id: this.nextId++, kind, text, resolve, reject };
      // the least loaded worker with room (depth 1: a free one)
      let slot: Slot | undefined;
      for (const s of this.slots) if (s.jobs.length < this.depth && (!slot || s.jobs.length < slot.jobs.length)) slot = s;
      if (slot) this.run(slot, job);
      else if (this.queue.length < this.maxQueue) this.queue.push(job);
      else reject(busy());
    });
  }

  /** Jobs running and waiting, for tests and logs. */
  load(): { running: number; waiting: number } {
    let ahead = 0;
    for (const s of this.slots) ahead += Math.max(0, s.jobs.length - 1);
    return { running: this.slots.filter((s) => s.jobs.length > 0).length, waiting: this.queue.length + ahead };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error("the server is shutting down"));
    await Promise.all(
      this.slots.map(async (s) => {
        if (s.timer !== null) this.clock.clear(s.timer);
        s.timer = null;
        for (const job of s.jobs.splice(0)) job.reject(new Error("the server is shutting down"));
        const w = s.worker;
        s.worker = null;
        if (w) await w.terminate();
      }),
    );
  }

  private spawn(slot: Slot): Worker {
    const worker = new Worker(WORKER_FILE, { workerData: { module: this.module, nice: this.nice } });
    worker.on("message", (answer: Answer) => {
      if (slot.worker !== worker) return;
      if ("ready" in answer) {
        slot.ready = true;
        if (slot.jobs.length && slot.timer === null) this.startClock(slot, worker);
        return;
      }
      // a worker answers its jobs in the order they were sent: the answer is the first job's
      if (!slot.jobs.length || slot.jobs[0]!.id !== answer.id) return;
      const job = this.finish(slot);
      if (answer.ok) job.resolve(answer.extraction);
      else job.reject(new Error(`extraction failed: ${answer.error}`));
      this.next(slot);
    });
    const lost = (err: unknown) => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      if (!slot.jobs.length) return;
      const job = this.finish(slot);
      job.reject(err instanceof Error ? err : new Error("the extraction thread stopped"));
      this.requeue(slot);
      this.next(slot);
    };
    worker.on("error", lost);
    worker.on("exit", (code) => lost(new Error(`the extraction thread exited (${code})`)));
    // idle workers never keep the process alive (run() refs a worker while it has a job). After the
    // listeners: adding a "message" listener refs the worker's port again
    worker.unref();
    return worker;
  }

  private run(slot: Slot, job: Job): void {
    slot.jobs.push(job);
    if (!slot.worker) {
      slot.ready = false;
      slot.worker = this.spawn(slot);
    }
    const worker = slot.worker;
    // a thread with a job keeps the process alive until the job ends (a command awaiting it has no
    // other handle); an idle one does not
    worker.ref();
    if (slot.ready && slot.jobs.length === 1) this.startClock(slot, worker);
    worker.postMessage({ id: job.id, kind: job.kind, text: job.text });
  }

  /** The budget of the worker's first job, from when its worker is ready and the job before it ended. */
  private startClock(slot: Slot, worker: Worker): void {
    const job = slot.jobs[0];
    slot.timer = this.clock.set(() => {
      // a late call for a job that already ended does nothing
      if (slot.jobs[0] !== job || slot.worker !== worker) return;
      // the only way to stop a runaway extraction is to stop its thread
      slot.worker = null;
      void worker.terminate();
      const j = this.finish(slot);
      j.reject(overBudget(this.budgetMs));
      this.requeue(slot);
      this.next(slot);
    }, this.budgetMs);
  }

  /** Ends the worker's first job; the next one sent to it (if any) is now running, its budget with it. */
  private finish(slot: Slot): Job {
    const job = slot.jobs.shift()!;
    if (slot.timer !== null) this.clock.clear(slot.timer);
    slot.timer = null;
    if (slot.jobs.length && slot.worker && slot.ready) this.startClock(slot, slot.worker);
    else if (!slot.jobs.length) slot.worker?.unref();
    return job;
  }

  /** A stopped worker's jobs sent ahead never ran: back to the front of the queue, in order. */
  private requeue(slot: Slot): void {
    if (slot.jobs.length) this.queue.unshift(...slot.jobs.splice(0));
  }

  private next(slot: Slot): void {
    while (slot.jobs.length < this.depth && !this.closed) {
      const job = this.queue.shift();
      if (!job) return;
      this.run(slot, job);
    }
  }
}

function busy(): AppError {
  return new AppError(
    503,
    `Every extraction worker is busy: nothing was stored. Try again in ${RETRY_AFTER_S} seconds.`,
    {},
    { "Retry-After": String(RETRY_AFTER_S) },
  );
}

function overBudget(ms: number): AppError {
  const message = `took longer than ${Math.round(ms / 100) / 10} s to analyse, so it was abandoned and nothing was stored (split the article into smaller parts)`;
  return new AppError(422, `text: ${message}`, { text: message });
}

/** A synchronous extractor (tests' fixtures) behind the same interface. */
export function inProcess(extractor: { extract: (text: string) => Extraction; version: string }): AsyncExtractor {
  return { version: extractor.version, extract: async (text) => extractor.extract(text), readHtml: async (html) => articleFromHtml(html) };
}
