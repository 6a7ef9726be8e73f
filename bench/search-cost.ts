// Where a search page's time goes (decision 044): builds /quotes?q=… in process over an existing
// database, as the server does with its page cache off, and times each SQL statement it runs by
// wrapping better-sqlite3's `all`/`get`/`iterate` (decision 041's method).
//
//   node dist/bench/search-cost.js --db FILE [--q minister] [--runs 30] [--offset 0]
//
// Prints, as one JSON line: the page's median and p90 wall ms and its median CPU ms over the runs
// (after two to warm up), and each statement's median CPU ms per page (process.cpuUsage: the wall
// time on a shared machine measures the other tenants too), costliest first, with the first 160
// characters of its SQL.
import { performance } from "node:perf_hooks";
import { loadavg } from "node:os";
import { openDb } from "../src/store/db";
import { quotesData } from "../src/web/pages";
import { optionValue } from "./args";

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string, fallback: string): string => optionValue(args, name) ?? fallback;
  const file = opt("--db", "");
  if (!file) throw new Error("--db FILE is required");
  const q = opt("--q", "minister");
  const runs = Math.max(1, Number(opt("--runs", "30")));
  const offset = opt("--offset", "0");
  const db = openDb(file);
  const proto = Object.getPrototypeOf(db.prepare("SELECT 1")) as Record<string, (...a: unknown[]) => unknown>;
  const spent = new Map<string, number>();
  for (const name of ["all", "get", "iterate"]) {
    const orig = proto[name]!;
    proto[name] = function (this: { source: string }, ...a: unknown[]) {
      const c = process.cpuUsage();
      try {
        return orig.apply(this, a);
      } finally {
        const d = process.cpuUsage(c);
        spent.set(this.source, (spent.get(this.source) ?? 0) + (d.user + d.system) / 1000);
      }
    };
  }
  const perRun: Map<string, number>[] = [];
  const walls: number[] = [];
  const cpus: number[] = [];
  const query = offset === "0" ? { q } : { q, offset };
  let total = 0;
  for (let k = 0; k < runs + 2; k++) {
    spent.clear();
    const t = performance.now();
    const c = process.cpuUsage();
    const data = quotesData(db, query, "json");
    const d = process.cpuUsage(c);
    const wall = performance.now() - t;
    cpus.push((d.user + d.system) / 1000);
    total = data.total;
    if (k < 2) cpus.pop();
    if (k >= 2) {
      walls.push(wall);
      perRun.push(new Map(spent));
    }
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  const sqls = new Set(perRun.flatMap((m) => [...m.keys()]));
  const statements = [...sqls].map((sql) => ({ ms: +median(perRun.map((m) => m.get(sql) ?? 0)).toFixed(2), sql: sql.replace(/\s+/g, " ").slice(0, 160) }))
    .sort((a, b) => b.ms - a.ms);
  const sorted = [...walls].sort((a, b) => a - b);
  console.log(JSON.stringify({
    q, offset: Number(offset), total, runs, page_ms_median: +median(walls).toFixed(2), page_cpu_ms_median: +median(cpus).toFixed(2), page_ms_p90: +sorted[Math.floor(sorted.length * 0.9)]!.toFixed(2),
    load: +loadavg()[0]!.toFixed(2), statements,
  }));
  db.close();
}

main();
