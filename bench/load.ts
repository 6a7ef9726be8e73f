// Pages under load and full exports, against a server child started as `whosaid serve` with
// NODE_ENV=production (the `serve` part of `npm run bench`, issue 15 item 6). Every figure is taken
// beside the machine's load average and the server's own CPU time (from /proc), since wall times on
// a shared machine measure the other tenants as much as the code.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { openDb } from "../src/store/db";

const CLI = resolve(__dirname, "..", "src", "cli.js");
/** clock ticks per second of /proc/PID/stat (Linux's USER_HZ) */
const TICKS = 100;

export interface Child {
  proc: ChildProcess;
  url: string;
  port: number;
}

export async function startServer(db: string, env: Record<string, string> = {}): Promise<Child> {
  const proc = spawn(process.execPath, [CLI, "serve", "--db", db, "--port", "0", "--host", "127.0.0.1"], {
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const url = await new Promise<string>((ok, fail) => {
    let err = "";
    const timer = setTimeout(() => fail(new Error(`server did not start in 300 s: ${err}`)), 300_000);
    proc.stderr!.on("data", (d: Buffer) => {
      err += d.toString();
      const m = /(https?:\/\/[^\s]+)\r?\n/.exec(err);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!.replace(/[.,]$/, ""));
      }
    });
    proc.once("exit", (code) => fail(new Error(`server exited (${code}): ${err}`)));
  });
  return { proc, url, port: Number(new URL(url).port) };
}

export async function stopServer(c: Child): Promise<void> {
  if (c.proc.exitCode !== null) return;
  await new Promise<void>((ok) => {
    c.proc.once("exit", () => ok());
    c.proc.kill("SIGTERM");
  });
}

/** The child's peak resident set (VmHWM), current RSS (MB) and CPU time so far (ms, user + system). */
export function proc(pid: number): { hwm_mb: number; rss_mb: number; cpu_ms: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? NaN);
  // /proc/PID/stat: the command may hold spaces, so count fields after its closing parenthesis
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const cpu = ((Number(fields[11]) + Number(fields[12])) / TICKS) * 1000;
  return { hwm_mb: kb("VmHWM") / 1024, rss_mb: kb("VmRSS") / 1024, cpu_ms: cpu };
}

/** One GET, read to the end: status, bytes, wall ms. */
function get(port: number, path: string, encoding = "identity", timeoutMs = 900_000): Promise<{ status: number; bytes: number; ms: number; lines: number }> {
  return new Promise((ok, fail) => {
    const t0 = performance.now();
    const req = http.get({ host: "127.0.0.1", port, path, headers: { "accept-encoding": encoding } }, (res) => {
      let bytes = 0;
      let lines = 0;
      res.on("data", (c: Buffer) => {
        bytes += c.length;
        if (encoding === "identity") for (let i = c.indexOf(10); i >= 0; i = c.indexOf(10, i + 1)) lines++;
      });
      res.on("end", () => ok({ status: res.statusCode ?? 0, bytes, ms: performance.now() - t0, lines }));
      res.on("error", fail);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer in ${timeoutMs / 1000} s`)));
    req.on("error", fail);
  });
}

export interface PageRow {
  name: string;
  path: string;
  status: number;
  /** the body's size as sent with the run's Accept-Encoding */
  kb: number;
  /** what the requests said they accept ("identity": what autocannon sends unless told) */
  accept_encoding: string;
  /** the first request after the server started: nothing cached, the page built from the database */
  cold_ms: number;
  cold_cpu_ms: number;
  p50_ms: number;
  p99_ms: number;
  requests_per_s: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** the server's CPU time per request during the load (ms) */
  server_cpu_ms_per_request: number;
  load_avg_1m: number;
  error?: string;
}

export interface ExportRow {
  path: string;
  encoding: string;
  status: number;
  rows: number;
  mb: number;
  ms: number;
  rows_per_s: number;
  /** the server's CPU time for the export, and rows per CPU-second of it */
  server_cpu_ms: number;
  rows_per_server_cpu_s: number;
  /** the server's peak RSS (VmHWM) from its start (a fresh server per export) */
  server_peak_rss_mb: number;
  server_rss_at_start_mb: number;
  load_avg_1m: number;
  error?: string;
}

export interface LoadResult {
  connections: number;
  duration_s: number;
  /** with the page cache (the default) */
  pages: LoadRow[];
  /** the same pages with WHOSAID_PAGE_CACHE=0: every request builds its page */
  pages_uncached: LoadRow[];
  /** the cached pages again, asked as a browser asks (Accept-Encoding: gzip, deflate, br) */
  pages_browser: LoadRow[];
  server_after_load: { hwm_mb: number; rss_mb: number };
  /** the full /quotes.csv (identity), as before; `exports` holds every export measured */
  csv: ExportRow;
  exports: ExportRow[];
}
export type LoadRow = PageRow;

export function loadPages(dbFile: string): { name: string; path: string }[] {
  const db = openDb(dbFile);
  const busy = db.prepare("SELECT person_id AS id FROM quotes WHERE person_id IS NOT NULL GROUP BY person_id ORDER BY count(*) DESC LIMIT 1").get() as { id: number } | undefined;
  db.close();
  return [
    { name: "home", path: "/" },
    { name: "busy person", path: `/people/${busy?.id ?? 1}` },
    { name: "quotes", path: "/quotes" },
    { name: "quotes search", path: "/quotes?q=minister" },
    { name: "people", path: "/people" },
  ];
}

/**
 * Waits until the server has finished what autocannon left in flight (requests still being built when
 * the run ended): its CPU time stops moving for a second, or five minutes pass. Without this a slow
 * page's backlog is counted in the next page's cold request.
 */
async function settle(pid: number): Promise<void> {
  const until = performance.now() + 300_000;
  let last = proc(pid).cpu_ms;
  while (performance.now() < until) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = proc(pid).cpu_ms;
    if (now - last < 30) return;
    last = now;
  }
}

/** What Chromium and Firefox send. */
export const BROWSER_ENCODING = "gzip, deflate, br";

async function pagesUnderLoad(
  dbFile: string, duration: number, env: Record<string, string>, encoding = "identity",
): Promise<{ rows: PageRow[]; after: { hwm_mb: number; rss_mb: number } }> {
  const rows: PageRow[] = [];
  let server = await startServer(dbFile, env);
  try {
    for (const p of loadPages(dbFile)) {
      const load = loadavg()[0]!;
      let first;
      const c0 = proc(server.proc.pid!).cpu_ms;
      try {
        first = await get(server.port, p.path, encoding, 120_000);
      } catch (e) {
        rows.push({ name: p.name, path: p.path, status: 0, kb: 0, accept_encoding: encoding, cold_ms: NaN, cold_cpu_ms: NaN, p50_ms: NaN, p99_ms: NaN, requests_per_s: 0, requests: 0,
          non2xx: 0, errors: 1, server_cpu_ms_per_request: NaN, load_avg_1m: load, error: String((e as Error).message) });
        if (server.proc.exitCode !== null) server = await startServer(dbFile, env);
        continue;
      }
      const c1 = proc(server.proc.pid!).cpu_ms;
      const r = await autocannon({ url: server.url + p.path, connections: 10, duration, headers: { "accept-encoding": encoding } });
      const c2 = proc(server.proc.pid!).cpu_ms;
      await settle(server.proc.pid!);
      rows.push({
        name: p.name, path: p.path, status: first.status, kb: first.bytes / 1024, accept_encoding: encoding, cold_ms: first.ms, cold_cpu_ms: c1 - c0,
        // no request finished within the run (each takes longer than it): no latency to report
        p50_ms: r.requests.total ? r.latency.p50 : NaN, p99_ms: r.requests.total ? r.latency.p99 : NaN,
        requests_per_s: r.requests.average, requests: r.requests.total,
        non2xx: r.non2xx, errors: r.errors, server_cpu_ms_per_request: r.requests.total ? (c2 - c1) / r.requests.total : NaN, load_avg_1m: load,
      });
    }
    return { rows, after: proc(server.proc.pid!) };
  } finally {
    await stopServer(server);
  }
}

/** A full export from a fresh server (its peak RSS is the export's). */
export async function measureExport(dbFile: string, path: string, rowsExpected: number, encoding = "identity"): Promise<ExportRow> {
  const server = await startServer(dbFile);
  try {
    const atStart = proc(server.proc.pid!);
    const load = loadavg()[0]!;
    let res = { status: 0, bytes: 0, ms: NaN, lines: 0 };
    let error: string | undefined;
    try {
      res = await get(server.port, path, encoding);
    } catch (e) {
      error = String((e as Error).message);
    }
    const alive = server.proc.exitCode === null;
    const end = alive ? proc(server.proc.pid!) : { hwm_mb: NaN, rss_mb: NaN, cpu_ms: NaN };
    const cpu = end.cpu_ms - atStart.cpu_ms;
    const rows = rowsExpected;
    return {
      path, encoding, status: res.status, rows, mb: res.bytes / 1024 / 1024, ms: res.ms, rows_per_s: (rows / res.ms) * 1000,
      server_cpu_ms: cpu, rows_per_server_cpu_s: (rows / cpu) * 1000, server_peak_rss_mb: end.hwm_mb, server_rss_at_start_mb: atStart.rss_mb,
      load_avg_1m: load, ...(error ? { error: alive ? error : `${error} (the server died)` } : {}),
      ...(encoding === "identity" && path.includes(".csv") && res.lines - 1 < rows ? { error: `only ${res.lines - 1} lines for ${rows} rows` } : {}),
    };
  } finally {
    await stopServer(server);
  }
}

/** The pages of the issue under load (cached and not), then full exports, each from a fresh server. */
export async function loadTest(dbFile: string, duration: number): Promise<LoadResult> {
  const db = openDb(dbFile);
  const quotes = (db.prepare("SELECT count(*) AS n FROM quotes").get() as { n: number }).n;
  db.close();
  const cached = await pagesUnderLoad(dbFile, duration, {});
  const uncached = await pagesUnderLoad(dbFile, duration, { WHOSAID_PAGE_CACHE: "0" });
  const browser = await pagesUnderLoad(dbFile, duration, {}, BROWSER_ENCODING);
  const exports: ExportRow[] = [];
  exports.push(await measureExport(dbFile, "/quotes.csv", quotes, "identity"));
  exports.push(await measureExport(dbFile, "/quotes.csv", quotes, "gzip"));
  exports.push(await measureExport(dbFile, "/quotes.json?_all=1", quotes, "identity"));
  return { connections: 10, duration_s: duration, pages: cached.rows, pages_uncached: uncached.rows, pages_browser: browser.rows, server_after_load: cached.after, csv: exports[0]!, exports };
}
