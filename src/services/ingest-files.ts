// Ingesting many articles from files, with a summary of what happened to each. Articles are stored in
// batches (see ingest-batch.ts); the progress callbacks count articles.
import { closeSync, openSync, readSync } from "node:fs";
import { extname } from "node:path";
import type { Db } from "../store/db";
import { ingestItems, ingestItemsSync, type BulkOptions, type IngestSummary } from "./ingest-batch";
import { listArticleFiles, readArticleFile, type ArticleItem } from "./readers";

export type { IngestSummary } from "./ingest-batch";

export function summaryLine(s: IngestSummary): string {
  return `ingested ${s.created} new, ${s.existing} already stored, ${s.failed.length} failed`;
}

export interface PathOptions extends BulkOptions {
  /** told the number of articles to come (before any is read) */
  onStart?: (articles: number) => void;
  /** only files with these extensions */
  only?: string[];
}

/** Articles in a file without parsing it: one per .txt/.html file, one per non-blank line of JSON Lines. */
export function countArticles(file: string): number {
  if (extname(file).toLowerCase() !== ".jsonl") return 1;
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return 1; // reported as unreadable when read
  }
  const buf = Buffer.allocUnsafe(1 << 20);
  let lines = 0;
  let blank = true;
  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) {
      for (let i = 0; i < n; i++) {
        const c = buf[i]!;
        if (c === 10) {
          if (!blank) lines++;
          blank = true;
        } else if (c !== 32 && c !== 9 && c !== 13) blank = false;
      }
    }
  } finally {
    closeSync(fd);
  }
  return lines + (blank ? 0 : 1);
}

function articlesOf(paths: string[], options: PathOptions): { items: Iterable<ArticleItem>; total: number; errors: ArticleItem[] } {
  const listed = listArticleFiles(paths);
  const files = options.only ? listed.files.filter((f) => options.only!.some((ext) => f.toLowerCase().endsWith(ext))) : listed.files;
  const total = files.reduce((n, f) => n + countArticles(f), 0);
  function* items(): Generator<ArticleItem> {
    for (const file of files) yield* readArticleFile(file);
  }
  return { items: items(), total, errors: listed.errors };
}

function withListingErrors(summary: IngestSummary, errors: ArticleItem[]): IngestSummary {
  summary.failed.unshift(...errors.map((e) => ({ origin: e.origin, error: e.error ?? "unreadable" })));
  return summary;
}

/**
 * Ingests every article under `paths` in this thread. Statement groups are computed once at the end
 * for the whole corpus, or per batch when they were current (unless `regroup` says otherwise).
 */
export function ingestPaths(db: Db, paths: string[], options: PathOptions = {}): IngestSummary {
  const { items, total, errors } = articlesOf(paths, options);
  options.onStart?.(total);
  return withListingErrors(ingestItemsSync(db, items, { ...options, expected: total }), errors);
}

/** The same, with extraction spread over worker threads when there are enough articles to pay for them. */
export async function ingestPathsBulk(db: Db, paths: string[], options: PathOptions = {}): Promise<IngestSummary> {
  const { items, total, errors } = articlesOf(paths, options);
  options.onStart?.(total);
  return withListingErrors(await ingestItems(db, items, { ...options, expected: total }), errors);
}
