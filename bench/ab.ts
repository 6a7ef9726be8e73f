// A/B speed of extract() builds on the bench corpus, in CPU time (docs/profile.md's method).
//
//   node dist/bench/ab.js [--passes N] [--profile-only] DIR ...
//
// Each DIR holds a compiled pipeline (DIR/pipeline.js, e.g. dist/src/nlp or a saved copy of it).
// After one warm-up pass each, the builds take turns every 25 articles through N passes of the whole
// corpus, so that every build sees the same machine load; each turn is timed by process.cpuUsage (user + system), which a
// shared machine disturbs far less than wall time. Prints per build the median and the spread of CPU
// and wall time per pass, and MB (UTF-8, 2^20 bytes) per CPU-second: the figure `npm run bench`
// reports as "MB per CPU-second".
import { readFileSync, existsSync } from "node:fs";
import { resolve, join } from "node:path";

type Extract = (text: string) => { quotes: unknown[]; claims: unknown[]; entities: unknown[] };

const args = process.argv.slice(2);
let passes = 5;
const dirs: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--passes") passes = Math.max(1, Math.min(100, Number(args[++i]) || 5));
  else dirs.push(resolve(args[i]!));
}
if (!dirs.length) {
  console.error("usage: node dist/bench/ab.js [--passes N] DIR ...   (DIR/pipeline.js)");
  process.exit(2);
}
// ../shared next to the project; a git worktree sits one level deeper (or WHOSAID_BENCH_FILE names it)
const corpus = process.env.WHOSAID_BENCH_FILE ??
  [3, 4, 5].map((up) => resolve(__dirname, ...Array<string>(up).fill(".."), "shared", "bench", "bbc.jsonl")).find((f) => existsSync(f)) ??
  resolve(__dirname, "..", "..", "..", "shared", "bench", "bbc.jsonl");
const texts = readFileSync(corpus, "utf8").split("\n").filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text);
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, "utf8"), 0);
const mb = bytes / 1024 / 1024;
const builds = dirs.map((d) => ({ dir: d, extract: (require(join(d, "pipeline.js")) as { extract: Extract }).extract, cpu: [] as number[], wall: [] as number[] }));

let sink = 0;
function pass(extract: Extract, texts: readonly string[]): { cpu: number; wall: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const t of texts) {
    const r = extract(t);
    sink += r.quotes.length + r.claims.length + r.entities.length;
  }
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1000, wall: performance.now() - t0 };
}
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

for (const b of builds) pass(b.extract, texts); // warm-up
// the builds take turns every CHUNK articles (the order alternating), so that a burst of load from
// other processes falls on all of them alike; a pass's time per build is the sum over its chunks
const CHUNK = 25;
for (let p = 0; p < passes; p++) {
  const cpu = builds.map(() => 0);
  const wall = builds.map(() => 0);
  for (let at = 0, turn = 0; at < texts.length; at += CHUNK, turn++) {
    const chunk = texts.slice(at, at + CHUNK);
    const order = builds.map((_, k) => k);
    if (turn % 2) order.reverse();
    for (const k of order) {
      const r = pass(builds[k]!.extract, chunk);
      cpu[k]! += r.cpu;
      wall[k]! += r.wall;
    }
  }
  builds.forEach((b, k) => {
    b.cpu.push(cpu[k]!);
    b.wall.push(wall[k]!);
  });
}
console.log(`${texts.length} articles, ${mb.toFixed(2)} MB UTF-8; ${passes} passes per build (sink ${sink})`);
const base = median(builds[0]!.cpu);
for (const b of builds) {
  const cpu = median(b.cpu);
  console.log(
    `${b.dir}\n  CPU ms per pass: median ${cpu.toFixed(0)} (min ${Math.min(...b.cpu).toFixed(0)}, max ${Math.max(...b.cpu).toFixed(0)})` +
      `  wall median ${median(b.wall).toFixed(0)}  →  ${(mb / (cpu / 1000)).toFixed(2)} MB per CPU-second` +
      (b === builds[0] ? "" : `  (${(base / cpu).toFixed(2)}× the first)`),
  );
}
