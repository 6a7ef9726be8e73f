// What a bulk ingest holds in memory as the corpus grows (decision 044): the CLI's bulk path over N
// copies of the bench corpus (as bench/main-thread.ts), with the process's resident set, the main
// thread's heap and SQLite's memory read after every batch, the peak resident set (VmHWM) at the end
// of the batches and of the whole run (the final regroup comes after the last batch), and a digest
// per table of what was stored (main-thread.ts storedDigest: two builds store the same when equal).
//
//   node dist/bench/ingest-memory.js [--times N] [--workers W] [--db FILE] [--every K]
//
// Prints a line per K batches (default 20) to stderr and one JSON line to stdout.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { openDb } from "../src/store/db";
import { DEFAULT_BATCH, ingestItems } from "../src/services/ingest-batch";
import { repeated } from "./bulk";
import { loadCorpus, storedDigest } from "./main-thread";
import { optionValue } from "./args";

const MB = (b: number): number => Math.round(b / 1024 / 1024);

/** VmRSS and VmHWM of this process, MB. */
function status(): { rss: number; hwm: number } {
  const s = readFileSync("/proc/self/status", "utf8");
  const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, "m").exec(s)?.[1] ?? NaN);
  return { rss: Math.round(kb("VmRSS") / 1024), hwm: Math.round(kb("VmHWM") / 1024) };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string): string | undefined => optionValue(args, name);
  const times = Number(opt("--times") ?? 10);
  const workers = Number(opt("--workers") ?? 2);
  const every = Number(opt("--every") ?? 20);
  const dir = mkdtempSync(join(tmpdir(), "whosaid-mem-"));
  const file = opt("--db") ?? join(dir, "bulk.db");
  const articles = loadCorpus();
  const n = articles.length * times;
  const db = openDb(file);
  const t0 = performance.now();
  const load = loadavg()[0]!;
  let batches = 0;
  let batchPeak = { rss: 0, heap: 0 };
  // VmHWM at the last batch's progress: the peak before the final regroup
  let hwmBeforeRegroup = 0;
  const s = await ingestItems(db, repeated(articles, times), {
    workers, expected: n,
    onProgress: (done) => {
      batches++;
      const m = process.memoryUsage();
      const st = status();
      batchPeak = { rss: Math.max(batchPeak.rss, st.rss), heap: Math.max(batchPeak.heap, MB(m.heapUsed)) };
      hwmBeforeRegroup = st.hwm;
      if (batches % every === 0) {
        console.error(JSON.stringify({
          s: +((performance.now() - t0) / 1000).toFixed(0), done, rss: st.rss, hwm: st.hwm, heap_used: MB(m.heapUsed),
          heap_total: MB(m.heapTotal), external: MB(m.external), array_buffers: MB(m.arrayBuffers),
        }));
      }
    },
  });
  const wall = performance.now() - t0;
  const end = status();
  const digest = storedDigest(db);
  db.close();
  if (!opt("--db")) rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify({
    articles: n, created: s.created, failed: s.failed.length, workers, batch_size: DEFAULT_BATCH,
    wall_s: +(wall / 1000).toFixed(1), load_start: +load.toFixed(2), load_end: +loadavg()[0]!.toFixed(2),
    batches_peak_rss_mb_sampled: batchPeak.rss, batches_peak_heap_used_mb: batchPeak.heap,
    peak_rss_mb_batches: hwmBeforeRegroup, peak_rss_mb: end.hwm, digest,
  }));
}

if (require.main === module) main().catch((e) => {
  console.error(e);
  process.exit(1);
});
