// Where the wall time of one bulk ingest goes, phase by phase (issue 15 item 4, decision 032):
//
//   node dist/bench/ingest-phases.js [--times N] [--workers W] [--runs R]
//
// Runs the CLI's pooled bulk path (bench/bulk.ts `repeated`, default 10 copies = 22,250 articles) into
// a fresh file R times and prints one JSON line per run: wall, CPU of the main thread and of the whole
// process, and the wall and main-thread CPU of each phase, read by wrapping the phases' functions
// (nothing in src/ is changed to measure): the batches (`BatchIngest.store`), the final `finish`
// (the full regroup when the batches deferred it), and inside every full regroup its grouping
// (`groupStatements`), its fingerprint sync (`syncFingerprints`) and the rest (reading the statements,
// writing the groups, the commit). Also the digest of bench/main-thread.ts, to compare builds.
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { openDb } from "../src/store/db";
import * as batch from "../src/services/ingest-batch";
import * as compareGroup from "../src/compare/group";
import * as storeGroups from "../src/store/groups";
import { repeated, threadCpuMs } from "./bulk";
import { loadCorpus, storedDigest } from "./main-thread";
import { optionValue } from "./args";

type Phase = { wall_ms: number; main_ms: number; calls: number };
const phases = new Map<string, Phase>();

function timed<A extends unknown[], R>(name: string, fn: (...a: A) => R): (...a: A) => R {
  return function (this: unknown, ...a: A): R {
    const t0 = performance.now();
    const c0 = threadCpuMs();
    const done = () => {
      const p = phases.get(name) ?? { wall_ms: 0, main_ms: 0, calls: 0 };
      p.wall_ms += performance.now() - t0;
      p.main_ms += threadCpuMs() - c0;
      p.calls++;
      phases.set(name, p);
    };
    const out = fn.apply(this, a);
    if (out instanceof Promise) return out.finally(done) as R;
    done();
    return out;
  };
}

function wrap(obj: Record<string, unknown>, key: string, name: string): void {
  obj[key] = timed(name, obj[key] as (...a: unknown[]) => unknown);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string): string | undefined => optionValue(args, name);
  const times = Number(opt("--times") ?? 10);
  const workers = Number(opt("--workers") ?? 2);
  const runs = Number(opt("--runs") ?? 1);
  const proto = batch.BatchIngest.prototype as unknown as Record<string, unknown>;
  wrap(proto, "store", "batches (store)");
  wrap(proto, "finish", "finish (final regroup)");
  // decision 033: the deferred batches' statements prepared while waiting for the workers (outside "batches")
  if (typeof proto.prepareAhead === "function") wrap(proto, "prepareAhead", "prepared ahead (while waiting)");
  wrap(compareGroup as unknown as Record<string, unknown>, "groupStatements", "  groupStatements (all calls)");
  wrap(storeGroups as unknown as Record<string, unknown>, "syncFingerprints", "  syncFingerprints");
  const articles = loadCorpus();
  const n = articles.length * times;
  for (let r = 0; r < runs; r++) {
    phases.clear();
    const dir = mkdtempSync(join(tmpdir(), "whosaid-phases-"));
    const file = join(dir, "bulk.db");
    const db = openDb(file);
    const load = loadavg()[0]!;
    const m0 = threadCpuMs();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const s = await batch.ingestItems(db, repeated(articles, times), { workers, expected: n });
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    const main = threadCpuMs() - m0;
    const all = (c.user + c.system) / 1000;
    const loadEnd = loadavg()[0]!;
    const ph: Record<string, string> = {};
    for (const [k, p] of phases) ph[k] = `${(p.wall_ms / 1000).toFixed(2)} s wall, ${(p.main_ms / 1000).toFixed(2)} s main CPU, ${p.calls} calls`;
    const t1 = performance.now();
    const again = await batch.ingestItems(db, repeated(articles, times), { workers, expected: n });
    const rerun = performance.now() - t1;
    const digest = args.includes("--digest") ? storedDigest(db) : undefined;
    db.close();
    rmSync(dir, { recursive: true, force: true });
    console.log(JSON.stringify({
      articles: n, created: s.created, failed: s.failed.length, workers,
      wall_s: +(wall / 1000).toFixed(2), articles_per_s: Math.round(n / (wall / 1000)),
      main_cpu_s: +(main / 1000).toFixed(2), all_cpu_s: +(all / 1000).toFixed(2), articles_per_cpu_s: Math.round(n / (all / 1000)),
      main_ms_per_article: +(main / n).toFixed(3),
      rerun_s: +(rerun / 1000).toFixed(2), rerun_created: again.created,
      load_start: +load.toFixed(2), load_end: +loadEnd.toFixed(2), phases: ph, digest,
    }));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
