// One search under load (decision 044): `/quotes?q=…` against a server child with the page cache off,
// with the search cache on and off, autocannon's 10 connections for `--duration` s each, after one
// cold request. The figures beside the load average (a shared machine's wall times measure the other
// tenants too).
//
//   node dist/bench/search-load.js --db FILE [--q minister] [--duration 10] [--runs 1]
import { loadavg } from "node:os";
import autocannon from "autocannon";
import { startServer, stopServer } from "./load";
import { optionValue } from "./args";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, fallback: string): string => optionValue(args, name) ?? fallback;
  const db = opt("--db", "");
  if (!db) throw new Error("--db FILE is required");
  const path = `/quotes?q=${encodeURIComponent(opt("--q", "minister"))}`;
  const duration = Number(opt("--duration", "10"));
  const runs = Number(opt("--runs", "1"));
  const out: unknown[] = [];
  for (let k = 0; k < runs; k++) {
    for (const cache of ["1", "0"]) {
      const server = await startServer(db, { WHOSAID_PAGE_CACHE: "0", WHOSAID_SEARCH_CACHE: cache });
      try {
        await fetch(server.url + path);
        const r = await autocannon({ url: server.url + path, connections: 10, duration });
        out.push({ path, search_cache: cache === "1", p50_ms: r.latency.p50, p99_ms: r.latency.p99, requests_per_s: r.requests.average, non2xx: r.non2xx, load_avg_1m: +loadavg()[0]!.toFixed(2) });
        console.error(JSON.stringify(out.at(-1)));
      } finally {
        await stopServer(server);
      }
    }
  }
  console.log(JSON.stringify(out));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
