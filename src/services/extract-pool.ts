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

/** An extractor that answers later (a worker pool, or a synchronous extractor wrapped). */
export interface AsyncExtractor {
  extract: (text: string) => Promise<Extraction>;
  version: string;
}

export interface ExtractPoolOptions {
  /** worker threads (default: one fewer than the cores, 1 to 4) */
  size?: number;
  /** milliseconds one extraction may take before it is abandoned (default 30 s) */
  budgetMs?: number;
  /** jobs that may wait for a free worker before new ones are refused with 503 (default 4 per worker) */
  maxQueue?: number;
  /** the module the workers load `extract` from (absolute path; default the pipeline) */
  module?: string;
  version?: string;
}

export const DEFAULT_BUDGET_MS = 30_000;
/** seconds a refused client is told to wait */
export const RETRY_AFTER_S = 5;

/** The compiled worker beside this file (dist/src/services/extract-worker.js). */
const WORKER_FILE = join(__dirname, "extract-worker.js");

interface Job {
  id: number;
  text: string;
  resolve: (e: Extraction) => void;
  reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker | null;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

type Answer = { id: number; ok: true; extraction: Extraction } | { id: number; ok: false; error: string };

export function defaultPoolSize(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

export class ExtractPool implements AsyncExtractor {
  readonly version: string;
  readonly size: number;
  readonly budgetMs: number;
  readonly maxQueue: number;
  private readonly module: string | undefined;
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: ExtractPoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()));
    this.budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
    this.maxQueue = Math.max(0, Math.floor(options.maxQueue ?? 4 * this.size));
    this.module = options.module;
    this.version = options.version ?? EXTRACTOR_VERSION;
    this.slots = Array.from({ length: this.size }, () => ({ worker: null, job: null, timer: null }));
  }

  extract(text: string): Promise<Extraction> {
    if (this.closed) return Promise.reject(new Error("the extraction pool is closed"));
    return new Promise<Extraction>((resolve, reject) => {
      const job: Job = { id: this.nextId++, text, resolve, reject };
      const slot = this.slots.find((s) => s.job === null);
      if (slot) this.run(slot, job);
      else if (this.queue.length < this.maxQueue) this.queue.push(job);
      else reject(busy());
    });
  }

  /** Jobs running and waiting, for tests and logs. */
  load(): { running: number; waiting: number } {
    return { running: this.slots.filter((s) => s.job !== null).length, waiting: this.queue.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error("the server is shutting down"));
    await Promise.all(
      this.slots.map(async (s) => {
        if (s.timer) clearTimeout(s.timer);
        s.job?.reject(new Error("the server is shutting down"));
        s.job = null;
        const w = s.worker;
        s.worker = null;
        if (w) await w.terminate();
      }),
    );
  }

  private spawn(slot: Slot): Worker {
    const worker = new Worker(WORKER_FILE, { workerData: { module: this.module } });
    // idle workers never keep the process alive; a waiting request's socket does
    worker.unref();
    worker.on("message", (answer: Answer) => {
      if (slot.worker !== worker || !slot.job || slot.job.id !== answer.id) return;
      const job = this.finish(slot);
      if (answer.ok) job.resolve(answer.extraction);
      else job.reject(new Error(`extraction failed: ${answer.error}`));
      this.next(slot);
    });
    const lost = (err: unknown) => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      if (!slot.job) return;
      const job = this.finish(slot);
      job.reject(err instanceof Error ? err : new Error("the extraction thread stopped"));
      this.next(slot);
    };
    worker.on("error", lost);
    worker.on("exit", (code) => lost(new Error(`the extraction thread exited (${code})`)));
    return worker;
  }

  private run(slot: Slot, job: Job): void {
    slot.job = job;
    const worker = slot.worker ?? (slot.worker = this.spawn(slot));
    slot.timer = setTimeout(() => {
      // the only way to stop a runaway extraction is to stop its thread
      slot.worker = null;
      void worker.terminate();
      const j = this.finish(slot);
      j.reject(overBudget(this.budgetMs));
      this.next(slot);
    }, this.budgetMs);
    worker.postMessage({ id: job.id, text: job.text });
  }

  private finish(slot: Slot): Job {
    const job = slot.job!;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    return job;
  }

  private next(slot: Slot): void {
    const job = this.queue.shift();
    if (job && !this.closed) this.run(slot, job);
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
  return { version: extractor.version, extract: async (text) => extractor.extract(text) };
}
