// The newsroom-scale part of `npm run bench` (issue 15): bulk ingest of the corpus and of a corpus
// N times larger (the articles repeated with distinct ids and one changed line each). Pages under load
// and exports over each database are bench/load.ts.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { openDb } from "../src/store/db";
import { defaultWorkers, ingestItems } from "../src/services/ingest-batch";
import { corpusCounts } from "../src/store/stats";
import { groupsAreCurrent } from "../src/services/compare";
import type { ArticleItem } from "../src/services/readers";

export interface BulkArticle {
  id: string;
  title: string;
  text: string;
}

/**
 * The corpus `times` over: copy 0 is the corpus itself; copy k has ids suffixed "~k" and its first line
 * ends in " (k)", so every copy hashes differently and extracts (nearly) the same.
 */
export function* repeated(articles: readonly BulkArticle[], times: number): Generator<ArticleItem> {
  for (let k = 0; k < times; k++) {
    for (const a of articles) {
      let text = a.text;
      if (k > 0) {
        const nl = text.indexOf("\n");
        text = nl < 0 ? `${text} (${k})` : `${text.slice(0, nl)} (${k})${text.slice(nl)}`;
      }
      yield { origin: k ? `${a.id}~${k}` : a.id, record: { text, title: a.title, outlet: k % 2 ? "BBC News (copy)" : "BBC News" } };
    }
  }
}

/**
 * CPU ms of one thread of this process (utime + stime of /proc/self/task/TID/stat, clock ticks of 10 ms),
 * by default the main thread: process.cpuUsage() counts the worker threads too. 0 where /proc is absent.
 */
export function threadCpuMs(tid: number = process.pid): number {
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

const size = (f: string): number => (existsSync(f) ? statSync(f).size : 0);
const MB = (b: number): number => b / 1024 / 1024;

export interface BulkIngestResult {
  articles: number;
  workers: number;
  created: number;
  existing: number;
  failed: number;
  wall_ms: number;
  cpu_ms: number;
  /** CPU of the main thread alone (storing, people, regroups, search indexes): the workers' is cpu_ms less this */
  main_cpu_ms: number;
  main_ms_per_article: number;
  all_ms_per_article: number;
  articles_per_s: number;
  articles_per_cpu_s: number;
  db_mb: number;
  db_kb_per_1000_articles: number;
  rows: ReturnType<typeof corpusCounts>;
  rerun_ms: number;
  rerun_articles_per_s: number;
  rerun_created: number;
  load_avg_1m: number;
  /** the load average when the ingest ended (the machine is shared: say both) */
  load_avg_1m_end: number;
  /** whether the statement groups were current when the ingest returned (they must be) */
  groups_current: boolean;
}

/** Ingests `times` copies of the corpus into a fresh file with the CLI's bulk path, then again (all stored). */
export async function bulkIngest(articles: readonly BulkArticle[], times: number, file: string, workers?: number): Promise<BulkIngestResult> {
  const db = openDb(file);
  const n = articles.length * times;
  const w = workers ?? defaultWorkers(n);
  const load = (await import("node:os")).loadavg()[0]!;
  const m0 = threadCpuMs();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const s = await ingestItems(db, repeated(articles, times), { workers: w, expected: n });
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const main = threadCpuMs() - m0;
  const loadEnd = (await import("node:os")).loadavg()[0]!;
  const groupsCurrent = groupsAreCurrent(db);
  const rows = corpusCounts(db);
  db.pragma("wal_checkpoint(TRUNCATE)");
  const bytes = size(file) + size(file + "-wal");
  const t1 = performance.now();
  const again = await ingestItems(db, repeated(articles, times), { workers: w, expected: n });
  const rerun = performance.now() - t1;
  db.close();
  return {
    articles: n, workers: w, created: s.created, existing: s.existing, failed: s.failed.length,
    wall_ms: wall, cpu_ms: (cpu.user + cpu.system) / 1000, main_cpu_ms: main,
    main_ms_per_article: main / n, all_ms_per_article: (cpu.user + cpu.system) / 1000 / n,
    articles_per_s: (n / wall) * 1000, articles_per_cpu_s: n / ((cpu.user + cpu.system) / 1e6),
    db_mb: MB(bytes), db_kb_per_1000_articles: bytes / 1024 / (n / 1000), rows,
    rerun_ms: rerun, rerun_articles_per_s: (n / rerun) * 1000, rerun_created: again.created, load_avg_1m: load,
    load_avg_1m_end: loadEnd, groups_current: groupsCurrent,
  };
}

export function dbPath(dir: string, name: string): string {
  return join(dir, name);
}
