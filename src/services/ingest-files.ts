// Ingesting many articles from files, with a summary of what happened to each.
import { isDiskFull, type Db } from "../store/db";
import { AppError } from "../errors";
import { ingestArticle, type IngestOptions } from "./ingest";
import { ensureGroups } from "./compare";
import { listArticleFiles, readArticleFile } from "./readers";

export interface IngestSummary {
  created: number;
  existing: number;
  failed: { origin: string; error: string }[];
  /** set when the run stopped storing (the disk is full): every article after it is in `failed` */
  stopped?: string;
}

export function summaryLine(s: IngestSummary): string {
  const line = `ingested ${s.created} new, ${s.existing} already stored, ${s.failed.length} failed`;
  return s.stopped ? `${line} (stopped: ${s.stopped}; the ${s.failed.length} failed are not stored)` : line;
}

/**
 * Ingests every article under `paths`; `onFile` is told after each file (for a progress bar). Statement
 * groups are computed once at the end, for the whole corpus (unless `regroup` says otherwise).
 */
export function ingestPaths(
  db: Db,
  paths: string[],
  options: IngestOptions & { onStart?: (files: number) => void; onFile?: (file: string) => void; only?: string[] } = {},
): IngestSummary {
  const summary: IngestSummary = { created: 0, existing: 0, failed: [] };
  const listed = listArticleFiles(paths);
  const files = options.only ? listed.files.filter((f) => options.only!.some((ext) => f.toLowerCase().endsWith(ext))) : listed.files;
  for (const e of listed.errors) summary.failed.push({ origin: e.origin, error: e.error ?? "unreadable" });
  options.onStart?.(files.length);
  for (const file of files) {
    for (const item of readArticleFile(file)) {
      if (!item.record) {
        summary.failed.push({ origin: item.origin, error: item.error ?? "unreadable" });
        continue;
      }
      if (summary.stopped) {
        summary.failed.push({ origin: item.origin, error: `not stored: ${summary.stopped}` });
        continue;
      }
      try {
        const result = ingestArticle(db, item.record, { ...options, regroup: options.regroup ?? false });
        if (result.created) summary.created++;
        else summary.existing++;
      } catch (e) {
        const message = e instanceof AppError ? e.message : `extraction or storage failed: ${(e as Error).message}`;
        summary.failed.push({ origin: item.origin, error: message });
        // every later write would fail the same way: stop extracting, list the rest as not stored
        if (isDiskFull(e)) summary.stopped = "the disk is full";
      }
    }
    options.onFile?.(file);
  }
  if (options.regroup === undefined && !summary.stopped) ensureGroups(db);
  return summary;
}
