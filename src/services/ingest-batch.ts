// Bulk ingest: articles validated, hashed and checked against the store one batch at a time; the new
// ones extracted (in this thread, or spread over worker_threads) and stored in ONE transaction per
// batch, each article in its own savepoint so a failing one stores nothing and the rest stand.
// Statement groups are regrouped once per batch, in the batch's transaction, for the people the batch
// touches (src/services/compare.ts regroupPeople), so every commit leaves them consistent: a run killed
// at any point leaves groups that match the statements stored. Groups found stale at the start (a run
// killed by an older version, a new grouping version) are regrouped in full first.
// Same records as ingestArticle one by one (test/store/ingest-batch.test.ts checks it).
import { isDiskFull, type Db } from "../store/db";
import { AppError } from "../errors";
import { parseArticleInput, type ArticleInput } from "./article-input";
import { contentHash, DEFAULT_EXTRACTOR, storeExtraction, type Extractor } from "./ingest";
import { ensureGroups, markGroupsStale, PreparedTexts, regroupPeople } from "./compare";
import { findSourceByHash, insertSource } from "../store/sources";
import { peopleQuotedIn } from "../store/quotes";
import { maxPersonId, quotedPeopleAfter } from "../store/people";
import { attributedCount, attributedFrom, maxQuoteId } from "../store/groups";
import { deferFts, indexDeferred } from "../store/fts";
import type { ArticleItem } from "./readers";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import type { Extraction } from "../nlp/types";
import { ExtractPool } from "./extract-pool";

/** One article's extraction, or why it failed. */
export type ExtractOutcome = { ok: Extraction; error?: undefined } | { ok?: undefined; error: string };

/** The pool's compiled worker (src/services/extract-pool.ts), absent when run from the TypeScript sources. */
const WORKER_FILE = join(__dirname, "extract-worker.js");

/** Workers worth starting for `articles` articles: none for a handful (a worker costs ~50 ms to start). */
export function defaultWorkers(articles: number): number {
  if (articles < 200 || !existsSync(WORKER_FILE)) return 0;
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** Extracts a batch on the pool's threads; an article over the pool's time budget fails alone. */
async function extractOnPool(pool: ExtractPool, texts: string[]): Promise<ExtractOutcome[]> {
  const settled = await Promise.allSettled(texts.map((t) => pool.extract(t)));
  return settled.map((r) =>
    r.status === "fulfilled" ? { ok: r.value } : { error: r.reason instanceof Error ? r.reason.message : String(r.reason) });
}

export interface IngestSummary {
  created: number;
  existing: number;
  failed: { origin: string; error: string }[];
  /** set when the run stopped storing (the disk is full): every article after it is in `failed` */
  stopped?: string;
}

export interface BulkOptions {
  extractor?: Extractor;
  /** the clock, for deterministic fixtures */
  now?: () => Date;
  /**
   * undefined (default): repair stale groups first, then regroup each batch's people in its
   * transaction; true: regroup each batch's people (no repair first: regroupPeople regroups in full
   * when the groups are stale); false: leave the groups marked stale (the caller regroups).
   */
  regroup?: boolean;
  /** articles per transaction */
  batchSize?: number;
  /** the per-batch regroups' budget, in times the corpus's attributed statements (default REGION_BUDGET) */
  regionBudget?: number;
  /**
   * a run told it brings at least this many articles (`expected`) into a database with no attributed
   * statement regroups once at its end, not per batch (default FRESH_DEFER_MIN; decision 046)
   */
  freshDeferMin?: number;
  /**
   * extraction workers (worker_threads); 0 extracts in this thread. Default: defaultWorkers(expected)
   * with the default extractor (a custom extractor always runs in this thread).
   */
  workers?: number;
  /** how many articles are coming, if known (picks the default worker count; decisions 028 and 046) */
  expected?: number;
  /** statements kept prepared ahead for a deferred run's final regroup at most (default PREPARED_AHEAD_MAX) */
  aheadMax?: number;
  /** told the number of articles handled so far (stored, already stored or failed) after each batch */
  onProgress?: (done: number) => void;
}

export const DEFAULT_BATCH = 256;

/** How many times the corpus's attributed statements one run's per-batch regroups may handle in all. */
export const REGION_BUDGET = 2;

/**
 * Decision 046: from how many articles (`expected`) a run into a database with no attributed statement
 * regroups once at its end instead of per batch. Such a run's per-batch regroups keep a corpus that
 * nobody has browsed yet consistent at each commit, and were either all redone by the full regroup
 * their budget deferred to (the ×10 bench, 22,250 articles, deferred after 11 of 87 batches) or cost
 * more in all than one regroup at the end (2,225 articles: 2.49 against 1.92 s of the storing thread's
 * CPU). Below it, a run keeps every commit's groups current.
 */
export const FRESH_DEFER_MIN = 1_000;

interface Prepared {
  origin: string;
  input: ArticleInput;
  hash: string;
}

function failure(e: unknown): string {
  return e instanceof AppError ? e.message : `extraction or storage failed: ${e instanceof Error ? e.message : String(e)}`;
}

/** Thrown out of a batch's first attempt when an article fails: the batch is stored again, carefully. */
const RETRY_CAREFULLY = new Error("an article failed: store the batch again with a savepoint per article");

/** The state of one bulk ingest: what it counted and which texts are on their way to the store. */
export class BatchIngest {
  readonly summary: IngestSummary = { created: 0, existing: 0, failed: [] };
  /** hashes prepared but not yet stored, with the origins of later copies of the same text in this run */
  private readonly pending = new Map<string, string[]>();
  /**
   * batch: regroup each batch's people in its transaction; deferred: the regions grew past their
   * budget, so the groups are marked stale and regrouped once at the end; off: regroup false.
   */
  private mode: "batch" | "deferred" | "off";
  /** statements regrouped so far by this run's batches */
  private regionWork = 0;
  /** the corpus's attributed statements after the last batch that regrouped (its new ones: the difference) */
  private attributedBefore: number | undefined;

  private readonly extractor: Extractor;
  private done = 0;
  /**
   * Once deferred: the new statements of every batch since, to be prepared for the final regroup
   * while this thread would otherwise wait for the workers (decision 033), and those prepared.
   */
  private readonly ahead: PreparedTexts;
  private readonly toPrepare: { id: number; text: string }[] = [];

  constructor(private readonly db: Db, private readonly options: BulkOptions = {}) {
    this.extractor = options.extractor ?? DEFAULT_EXTRACTOR;
    this.ahead = new PreparedTexts(options.aheadMax);
    // groups left stale (a run killed by an older version, a new grouping version) are repaired before
    // the first batch, so that from then on every commit leaves them consistent
    if (options.regroup === undefined) ensureGroups(db);
    this.mode = options.regroup === false ? "off" : "batch";
    // decision 046: a large run into an empty corpus is grouped once, at its end, as a full regroup
    // numbers the groups; each batch's transaction marks the groups stale until then
    const fresh = options.regroup === undefined && (options.expected ?? 0) >= (options.freshDeferMin ?? FRESH_DEFER_MIN);
    if (fresh && attributedCount(db) === 0) this.mode = "deferred";
  }

  private get perBatch(): boolean {
    return this.mode === "batch";
  }

  /** Validates and hashes; drops what is stored already (or earlier in this run) without extracting it. */
  prepare(items: readonly ArticleItem[]): Prepared[] {
    const out: Prepared[] = [];
    if (this.summary.stopped) {
      // every later write would fail the same way: list the rest as not stored, extract nothing
      for (const item of items) this.fail(item.origin, item.record ? `not stored: ${this.summary.stopped}` : item.error ?? "unreadable");
      return out;
    }
    for (const item of items) {
      if (!item.record) {
        this.fail(item.origin, item.error ?? "unreadable");
        continue;
      }
      let input: ArticleInput;
      try {
        input = parseArticleInput(item.record);
      } catch (e) {
        this.fail(item.origin, failure(e));
        continue;
      }
      const hash = contentHash(input.text);
      const copies = this.pending.get(hash);
      if (copies) copies.push(item.origin);
      else if (findSourceByHash(this.db, hash) !== undefined) this.existing();
      else {
        this.pending.set(hash, []);
        out.push({ origin: item.origin, input, hash });
      }
    }
    return out;
  }

  /** Extracts in this thread. */
  extractHere(prepared: readonly Prepared[]): ExtractOutcome[] {
    return prepared.map((p) => {
      try {
        return { ok: this.extractor.extract(p.input.text) };
      } catch (e) {
        return { error: e instanceof Error ? e.message : String(e) };
      }
    });
  }

  /** Stores one batch in one transaction and regroups (or marks the groups stale) once for it. */
  store(prepared: readonly Prepared[], results: readonly ExtractOutcome[]): void {
    const db = this.db;
    const createdAt = (this.options.now ?? (() => new Date()))().toISOString();
    const outcomes: (string | null)[] = new Array(prepared.length).fill(null);
    let full = false;
    let fresh: { id: number; text: string }[] = [];
    // First without a savepoint per article (each costs about as much as the article's inserts: FTS5
    // syncs its tables at every savepoint); if an article fails, the whole attempt rolls back and the
    // batch is stored again with a savepoint per article, so that the failing one stores nothing and
    // the rest stand. Either way the same rows are stored.
    const attempt = (careful: boolean) => {
      outcomes.fill(null);
      full = false;
      fresh = [];
      db.transaction(() => {
        const touched = new Set<number>();
        const lastPerson = this.perBatch ? maxPersonId(db) : 0;
        const deferred = this.mode === "deferred";
        const firstQuote = deferred ? maxQuoteId(db) + 1 : 0;
        // the batch's new rows are indexed for search once, after its last article (one FTS5 segment per
        // batch, not a trigger per row)
        if (prepared.length) deferFts(db);
        prepared.forEach((p, i) => {
          const r = results[i]!;
          if (full) return;
          if (r.error !== undefined) {
            outcomes[i] = failure(new Error(r.error));
            return;
          }
          const one = (): number | undefined => {
            if (findSourceByHash(db, p.hash) !== undefined) return undefined; // another process stored it
            const id = insertSource(db, {
              content_hash: p.hash, text: p.input.text, title: p.input.title, outlet: p.input.outlet, url: p.input.url,
              published: p.input.published, created_at: createdAt, extractor_version: this.extractor.version,
            });
            storeExtraction(db, id, r.ok!, p.hash);
            return id;
          };
          try {
            const id = careful ? db.transaction(one)() : one();
            if (id === undefined) outcomes[i] = "";
            else if (this.perBatch) for (const person of peopleQuotedIn(db, id)) touched.add(person);
          } catch (e) {
            if (isDiskFull(e)) full = true;
            else if (!careful) throw RETRY_CAREFULLY;
            outcomes[i] = failure(e);
          }
        });
        // a full disk: undo the whole batch (SQLite may have rolled it back already), so that it is
        // stored entirely or not at all and the summary says which
        if (full) throw Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });
        if (!prepared.length) return;
        indexDeferred(db);
        if (this.perBatch) {
          for (const person of quotedPeopleAfter(db, lastPerson)) touched.add(person);
          // the default's budget: the batches' regions together may regroup up to REGION_BUDGET times the
          // corpus's statements; past that, one full regroup at the end costs less (the regions of a
          // corpus whose people recur in every batch grow with it, which would be quadratic)
          const budgeted = this.options.regroup !== true;
          const budget = this.options.regionBudget ?? REGION_BUDGET;
          const attributed = budgeted ? attributedCount(db) : 0;
          const maxRegion = budgeted ? Math.max(0, budget * attributed - this.regionWork) : undefined;
          const report = regroupPeople(db, touched, [], [], { maxRegion });
          if (report.mode === "skipped") {
            this.mode = "deferred";
            markGroupsStale(db);
          } else {
            this.regionWork += report.statements;
            if (budgeted && this.passesBudget(report.statements, attributed, prepared.length, budget)) {
              this.mode = "deferred";
              markGroupsStale(db);
            }
          }
        } else {
          markGroupsStale(db);
          // the batch's new statements, to prepare while waiting for the next batch (once committed)
          if (deferred) fresh = attributedFrom(db, firstQuote);
        }
      }).immediate();
    };
    try {
      try {
        attempt(false);
      } catch (e) {
        if (e !== RETRY_CAREFULLY) throw e;
        attempt(true);
      }
    } catch (e) {
      // SQLite may roll the whole transaction back on a full disk; the commit then finds none
      if (!isDiskFull(e) && !full) throw e;
      // the batch's transaction rolled back: none of it is stored
      full = true;
      outcomes.fill("not stored: the disk is full");
    }
    if (full) this.summary.stopped = "the disk is full";
    else {
      // only as many as may still be kept ahead: past that they would be dropped unprepared, and when
      // the workers keep this thread busy the queue grew with the corpus (every deferred statement's
      // id and text, held to the run's end; decision 044)
      const room = this.ahead.max - this.ahead.size - this.toPrepare.length;
      for (let k = 0; k < fresh.length && k < room; k++) this.toPrepare.push(fresh[k]!);
    }
    prepared.forEach((p, i) => {
      const copies = this.pending.get(p.hash) ?? [];
      this.pending.delete(p.hash);
      const o = outcomes[i];
      if (o === null) {
        this.summary.created++;
        this.done++;
        for (let k = 0; k < copies.length; k++) this.existing();
      } else if (o === "") {
        this.existing();
        for (let k = 0; k < copies.length; k++) this.existing();
      } else {
        this.fail(p.origin, o);
        for (const c of copies) this.fail(c, o);
      }
    });
    this.options.onProgress?.(this.done);
  }

  /**
   * Whether, at this pace, the run's regions will pass their budget before its last article (decision
   * 028): the batches still to come (from `expected`) each regrouping at least this batch's region
   * (the regions of recurring people grow with the corpus), against the budget of the corpus those
   * batches will leave (each adding this batch's new statements). When they will, the per-batch
   * regroups still to come would only be redone by the full regroup at the end, so the run defers now.
   */
  private passesBudget(region: number, attributed: number, batch: number, budget: number): boolean {
    const fresh = attributed - (this.attributedBefore ?? 0);
    this.attributedBefore = attributed;
    const expected = this.options.expected;
    if (expected === undefined || !Number.isFinite(expected)) return false;
    const remaining = Math.ceil(Math.max(0, expected - this.done - batch) / (this.options.batchSize ?? DEFAULT_BATCH));
    if (remaining === 0) return false;
    return this.regionWork + region * remaining > budget * (attributed + Math.max(0, fresh) * remaining);
  }

  /**
   * Prepares up to `n` of the deferred batches' statements for the final regroup; false when none is
   * left. The bulk path calls it while it waits for the workers, so it fills time this thread would
   * spend idle and never delays a batch (on a busy machine little may be prepared: the final regroup
   * prepares the rest). The answers are prepareText's whatever happens next: the final regroup uses
   * one only for the same quote id and text.
   */
  prepareAhead(n: number): boolean {
    for (let k = 0; k < n && this.toPrepare.length; k++) {
      const r = this.toPrepare.pop()!;
      this.ahead.add(r.id, r.text);
    }
    return this.toPrepare.length > 0;
  }

  /** Regroups the whole corpus once if the batches deferred it; else the groups are current already. */
  finish(): IngestSummary {
    // what was not prepared ahead is the final regroup's to read: its queue is not held beside it
    this.toPrepare.length = 0;
    if (this.mode === "deferred" && !this.summary.stopped) ensureGroups(this.db, { prepared: this.ahead });
    return this.summary;
  }

  /** Reports progress for articles dropped before extraction (stored already, invalid). */
  flushProgress(): void {
    this.options.onProgress?.(this.done);
  }

  private existing(): void {
    this.summary.existing++;
    this.done++;
  }

  private fail(origin: string, error: string): void {
    this.summary.failed.push({ origin, error });
    this.done++;
  }
}

function* batches<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/**
 * SQLite's page cache for this connection while `fn` runs (default 2 MB; the fingerprint index takes
 * random inserts all over its B-tree, so a bulk ingest keeps more of it in memory), then the old size.
 */
const BULK_CACHE_KIB = 64 * 1024;
const BULK_CHECKPOINT_PAGES = 16_384;
function withCache<T>(db: Db, fn: () => T): T {
  const before = db.pragma("cache_size", { simple: true }) as number;
  const checkpointBefore = db.pragma("wal_autocheckpoint", { simple: true }) as number;
  db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  // a batch writes ~1,000 pages: the default checkpoint (every 1,000 pages of WAL) copied each batch's
  // pages to the file at once; every 16,384 pages, a page rewritten by several batches is copied once
  if (checkpointBefore > 0 && checkpointBefore < BULK_CHECKPOINT_PAGES) db.pragma(`wal_autocheckpoint = ${BULK_CHECKPOINT_PAGES}`);
  const restore = () => {
    db.pragma(`cache_size = ${before}`);
    db.pragma(`wal_autocheckpoint = ${checkpointBefore}`);
  };
  try {
    const out = fn();
    if (out instanceof Promise) return out.finally(restore) as T;
    restore();
    return out;
  } catch (e) {
    restore();
    throw e;
  }
}

/** Bulk ingest in this thread. */
export function ingestItemsSync(db: Db, items: Iterable<ArticleItem>, options: BulkOptions = {}): IngestSummary {
  return withCache(db, () => {
    const run = new BatchIngest(db, options);
    for (const batch of batches(items, options.batchSize ?? DEFAULT_BATCH)) {
      const prepared = run.prepare(batch);
      run.store(prepared, run.extractHere(prepared));
    }
    return run.finish();
  });
}

/**
 * Bulk ingest with extraction on worker threads: while the workers extract one batch, this thread
 * stores the one before it (SQLite stays in one thread, in one connection).
 */
export async function ingestItems(db: Db, items: Iterable<ArticleItem>, options: BulkOptions = {}): Promise<IngestSummary> {
  const custom = options.extractor !== undefined && options.extractor !== DEFAULT_EXTRACTOR;
  const workers = custom ? 0 : (options.workers ?? defaultWorkers(options.expected ?? Infinity));
  if (workers <= 0) return ingestItemsSync(db, items, options);
  return withCache(db, () => ingestWithPool(db, items, options, workers));
}

/** Articles sent ahead to each extraction worker in a bulk ingest (decision 032). */
export const BULK_DEPTH = DEFAULT_BATCH;
/** The nice value of a bulk ingest's extraction threads: they yield to the thread that stores (decision 032). */
export const BULK_NICE = 5;
/** Batches queued for extraction beyond the one being stored in a bulk ingest (decision 032). */
export const BULK_AHEAD = 2;

/** Statements prepared ahead per turn of the event loop while waiting for the workers (~1 ms). */
const PREPARE_STEP = 64;

/** Waits for `results`, preparing the deferred statements for the final regroup meanwhile (decision 033). */
async function whilePreparing<T>(run: BatchIngest, results: Promise<T>): Promise<T> {
  let settled = false;
  const done = results.then(() => {
    settled = true;
  }, () => {
    settled = true;
  });
  while (!settled && run.prepareAhead(PREPARE_STEP)) await new Promise<void>((r) => setImmediate(r));
  await done;
  return results;
}

async function ingestWithPool(db: Db, items: Iterable<ArticleItem>, options: BulkOptions, workers: number): Promise<IngestSummary> {
  const run = new BatchIngest(db, options);
  // the whole batch is queued at once: the pool's queue limit is for web requests. Each worker is sent
  // up to BULK_DEPTH articles ahead: while this thread stores a batch (~100 ms, the event loop blocked)
  // a depth-1 worker would finish its article and wait for the next until the batch was stored
  const pool = new ExtractPool({ size: workers, maxQueue: Number.MAX_SAFE_INTEGER, depth: BULK_DEPTH, nice: BULK_NICE });
  try {
    // BULK_AHEAD batches are queued for extraction beyond the one being stored, so that the workers
    // never run out of articles while this thread stores (a batch's extraction and its storage take
    // about as long)
    const inflight: { prepared: Prepared[]; results: Promise<ExtractOutcome[]> }[] = [];
    let first = true;
    for (const batch of batches(items, options.batchSize ?? DEFAULT_BATCH)) {
      const prepared = run.prepare(batch);
      inflight.push({ prepared, results: extractOnPool(pool, prepared.map((p) => p.input.text)) });
      if (first) run.flushProgress();
      first = false;
      if (inflight.length > BULK_AHEAD) {
        const done = inflight.shift()!;
        run.store(done.prepared, await whilePreparing(run, done.results));
      }
    }
    for (const done of inflight.splice(0)) run.store(done.prepared, await whilePreparing(run, done.results));
  } finally {
    await pool.close();
  }
  return run.finish();
}
