// A small pool of worker_threads that run extract() for bulk ingest. Texts go out in chunks to
// whichever worker is idle; results come back in the order given. A worker that dies fails the
// chunks it held and every chunk still queued (the ingest reports them; nothing half-stored).
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Extraction } from "../nlp/types";

export interface ExtractJob {
  id: number;
  texts: string[];
}
export type ExtractOutcome = { ok: Extraction; error?: undefined } | { ok?: undefined; error: string };
export interface ExtractReply {
  id: number;
  results: ExtractOutcome[];
}

/** The compiled worker script, next to this file in dist/ (absent when run from the TypeScript sources). */
export const WORKER_FILE = join(__dirname, "extract-worker.js");

/** Articles per message: enough to amortise a message, small enough to spread a batch over the workers. */
const CHUNK = 16;

/** Workers worth starting for `articles` articles: none for a handful (a worker costs ~50 ms to start). */
export function defaultWorkers(articles: number): number {
  if (articles < 200 || !existsSync(WORKER_FILE)) return 0;
  return Math.max(1, Math.min(4, availableParallelism()));
}

interface Pending {
  job: ExtractJob;
  resolve: (r: ExtractOutcome[]) => void;
  reject: (e: Error) => void;
}

export class ExtractPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private readonly workers: Worker[] = [];
  private nextId = 1;
  private broken: Error | null = null;

  constructor(size: number, file = WORKER_FILE) {
    if (!existsSync(file)) throw new Error(`extraction worker not built: ${file} (run npm run build)`);
    for (let i = 0; i < size; i++) {
      const w = new Worker(file);
      w.on("message", (reply: ExtractReply) => this.done(w, reply));
      w.on("error", (e) => this.fail(e));
      w.on("exit", (code) => {
        if (!this.closing) this.fail(new Error(`extraction worker exited with code ${code}`));
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Extracts every text; results in the same order. */
  async extract(texts: string[]): Promise<ExtractOutcome[]> {
    const parts: Promise<ExtractOutcome[]>[] = [];
    for (let i = 0; i < texts.length; i += CHUNK) {
      const job: ExtractJob = { id: this.nextId++, texts: texts.slice(i, i + CHUNK) };
      parts.push(new Promise<ExtractOutcome[]>((resolve, reject) => {
        if (this.broken) return reject(this.broken);
        this.queue.push({ job, resolve, reject });
        this.pump();
      }));
    }
    return (await Promise.all(parts)).flat();
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const p = this.queue.shift()!;
      this.busy.set(w, p);
      w.postMessage(p.job);
    }
  }

  private done(w: Worker, reply: ExtractReply): void {
    const p = this.busy.get(w);
    this.busy.delete(w);
    this.idle.push(w);
    if (p && p.job.id === reply.id) p.resolve(reply.results);
    this.pump();
  }

  private fail(e: Error): void {
    if (this.broken) return;
    this.broken = e;
    for (const p of [...this.busy.values(), ...this.queue]) p.reject(e);
    this.busy.clear();
    this.queue.length = 0;
  }

  private closing = false;

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
