// The newsroom-scale part of `npm run bench` (issue 15): bulk ingest of the corpus and of a corpus
// N times larger (the articles repeated with distinct ids and one changed line each), then, over each
// database, page latency under load (autocannon against a server child with NODE_ENV=production) and
// a full CSV export with the server's peak RSS (VmHWM).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
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
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const s = await ingestItems(db, repeated(articles, times), { workers: w, expected: n });
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
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
    wall_ms: wall, cpu_ms: (cpu.user + cpu.system) / 1000,
    articles_per_s: (n / wall) * 1000, articles_per_cpu_s: n / ((cpu.user + cpu.system) / 1e6),
    db_mb: MB(bytes), db_kb_per_1000_articles: bytes / 1024 / (n / 1000), rows,
    rerun_ms: rerun, rerun_articles_per_s: (n / rerun) * 1000, rerun_created: again.created, load_avg_1m: load,
    load_avg_1m_end: loadEnd, groups_current: groupsCurrent,
  };
}

// ---------- the server child ----------

interface Child {
  proc: ChildProcess;
  url: string;
}

const CLI = resolve(__dirname, "..", "src", "cli.js");

async function startServer(db: string): Promise<Child> {
  const proc = spawn(process.execPath, [CLI, "serve", "--db", db, "--port", "0", "--host", "127.0.0.1"], {
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const url = await new Promise<string>((ok, fail) => {
    let err = "";
    const timer = setTimeout(() => fail(new Error(`server did not start in 120 s: ${err}`)), 120_000);
    proc.stderr!.on("data", (d: Buffer) => {
      err += d.toString();
      // the whole line: stderr may arrive in pieces that cut the URL short
      const m = /(https?:\/\/[^\s]+)\r?\n/.exec(err);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!.replace(/[.,]$/, ""));
      }
    });
    proc.once("exit", (code) => fail(new Error(`server exited (${code}): ${err}`)));
  });
  return { proc, url };
}

async function stopServer(c: Child): Promise<void> {
  if (c.proc.exitCode !== null) return;
  await new Promise<void>((ok) => {
    c.proc.once("exit", () => ok());
    c.proc.kill("SIGTERM");
  });
}

/** The child's peak resident set (VmHWM) and current RSS, in MB. */
function vm(pid: number): { hwm_mb: number; rss_mb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? NaN);
  return { hwm_mb: kb("VmHWM") / 1024, rss_mb: kb("VmRSS") / 1024 };
}

export interface LoadRow {
  name: string;
  path: string;
  status: number;
  kb: number;
  p50_ms: number;
  p99_ms: number;
  requests_per_s: number;
  requests: number;
  non2xx: number;
  errors: number;
  error?: string;
}

export interface LoadResult {
  connections: number;
  duration_s: number;
  pages: LoadRow[];
  server_after_load: { hwm_mb: number; rss_mb: number };
  csv: { path: string; rows: number; mb: number; ms: number; rows_per_s: number; status: number; server_peak_rss_mb: number; server_rss_at_start_mb: number; error?: string };
}

/** The pages of the issue under load, then a full CSV export from a fresh server (its own peak RSS). */
export async function loadTest(dbFile: string, duration: number): Promise<LoadResult> {
  const db = openDb(dbFile);
  const busy = db.prepare("SELECT person_id AS id FROM quotes WHERE person_id IS NOT NULL GROUP BY person_id ORDER BY count(*) DESC LIMIT 1").get() as { id: number } | undefined;
  const quotes = (db.prepare("SELECT count(*) AS n FROM quotes").get() as { n: number }).n;
  db.close();
  const pages = [
    { name: "home", path: "/" },
    { name: "busy person", path: `/people/${busy?.id ?? 1}` },
    { name: "quotes", path: "/quotes" },
    { name: "quotes search", path: "/quotes?q=minister" },
    { name: "people", path: "/people" },
  ];
  const rows: LoadRow[] = [];
  let server = await startServer(dbFile);
  let afterLoad;
  try {
    for (const p of pages) {
      // a page that does not answer within two minutes (an unpaged listing of a huge corpus) is
      // reported as such, and the load test of it skipped
      let first: Response;
      let body: ArrayBuffer;
      try {
        first = await fetch(server.url + p.path, { signal: AbortSignal.timeout(120_000) });
        body = await first.arrayBuffer();
      } catch (e) {
        rows.push({ name: p.name, path: p.path, status: 0, kb: 0, p50_ms: NaN, p99_ms: NaN, requests_per_s: 0, requests: 0, non2xx: 0, errors: 1, error: String((e as Error).message) });
        if (server.proc.exitCode !== null) server = await startServer(dbFile);
        continue;
      }
      const r = await autocannon({ url: server.url + p.path, connections: 10, duration });
      rows.push({
        name: p.name, path: p.path, status: first.status, kb: body.byteLength / 1024,
        p50_ms: r.latency.p50, p99_ms: r.latency.p99, requests_per_s: r.requests.average, requests: r.requests.total,
        non2xx: r.non2xx, errors: r.errors,
      });
    }
    afterLoad = vm(server.proc.pid!);
  } finally {
    await stopServer(server);
  }
  server = await startServer(dbFile);
  try {
    const atStart = vm(server.proc.pid!);
    const t0 = performance.now();
    let bytes = 0;
    let lines = 0;
    let status = 0;
    let error: string | undefined;
    try {
      const res = await fetch(server.url + "/quotes.csv", { signal: AbortSignal.timeout(900_000) });
      status = res.status;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.byteLength;
        for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
      }
    } catch (e) {
      error = String((e as Error).message);
    }
    const ms = performance.now() - t0;
    const alive = server.proc.exitCode === null;
    const peak = alive ? vm(server.proc.pid!) : { hwm_mb: NaN, rss_mb: NaN };
    // rows: the quotes in the database (a quoted field may hold a line break); lines only as a check
    const rowsOut = Math.min(quotes, Math.max(0, lines - 1));
    return {
      connections: 10, duration_s: duration, pages: rows, server_after_load: afterLoad,
      csv: { path: "/quotes.csv", rows: rowsOut, mb: MB(bytes), ms, rows_per_s: (rowsOut / ms) * 1000, status, server_peak_rss_mb: peak.hwm_mb, server_rss_at_start_mb: atStart.rss_mb, ...(error ? { error: alive ? error : `${error} (the server died)` } : {}) },
    };
  } finally {
    await stopServer(server);
  }
}

export function dbPath(dir: string, name: string): string {
  return join(dir, name);
}
