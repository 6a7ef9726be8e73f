// Is extract() a pure function of its text? Extracts each article of a JSON Lines file ({text} per
// line) fresh, as the first extraction of a new process, and again after other articles in one process
// (forward order, reversed order, a seeded shuffle, and each article twice in a row), and reports every
// article whose whole result (JSON.stringify, entities included; a throw counts as a result) differs
// from its fresh one: state left by earlier extractions changed it.
//
//   node dist/bench/purity.js FILE [--limit N] [--from K] [--dist DIR] [--jobs J] [--reload] [--no-bisect]
//
//   --limit N, --from K  articles K .. K+N-1 of FILE (default: all)
//   --dist DIR           the folder holding the pipeline.js to test (default: this build's
//                        dist/src/nlp), e.g. a saved copy of the base build's
//   --jobs J             processes at once for the fresh side (default: the CPUs)
//   --reload             the fresh side in a few processes, each emptying require.cache (this
//                        build's modules and node_modules alike) before every article: a new module
//                        graph, about 6x cheaper than a process (for thousands of short texts);
//                        state outside the modules (globals, prototypes) is not reset by it
//   --no-bisect          for each differing article, do not look for the one earlier article that
//                        alone brings the difference about (a shortest prefix of the order, bisected,
//                        then its last article tried alone)
//
// Prints one line per differing article (the order, the index, the parts of the result that differ)
// and a summary "purity: N of M articles differ"; exits 1 when any differs. The fresh side spawns one
// process per article (about 0.4 s each) unless --reload; the orders run in one process each.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";

type Extract = (text: string) => Record<string, unknown>;

function result(extract: Extract, text: string): string {
  try {
    return JSON.stringify(extract(text));
  } catch (e) {
    return `THROW ${(e as Error).stack ?? String(e)}`;
  }
}

// a child: extract the texts at the given indices in that order, one JSON line out per extraction
if (process.argv[2] === "--child") {
  const { file, dist, order, reload } = JSON.parse(process.argv[3]!) as { file: string; dist: string; order: number[]; reload?: boolean };
  const texts = readTexts(file);
  const load = () => (require(join(dist, "pipeline.js")) as { extract: Extract }).extract;
  let extract = load();
  const out: string[] = [];
  for (const i of order) {
    if (reload) {
      for (const k of Object.keys(require.cache)) delete require.cache[k];
      extract = load();
    }
    out.push(JSON.stringify({ i, r: result(extract, texts[i]!) }));
  }
  // no process.exit: it would cut a write to a pipe short
  process.stdout.write(out.join("\n") + "\n");
} else {
  void main();
}

function readTexts(file: string): string[] {
  return readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text);
}

/** Runs one child over `order`; resolves to the result of each extraction, in order. */
function run(file: string, dist: string, order: number[], reload = false): Promise<{ i: number; r: string }[]> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [__filename, "--child", JSON.stringify({ file, dist, order, reload })], { stdio: ["ignore", "pipe", "inherit"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.on("error", fail);
    child.on("close", (code) => {
      if (code !== 0) return fail(new Error(`child exited ${code}`));
      ok(Buffer.concat(chunks).toString("utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { i: number; r: string }));
    });
  });
}

async function pool<T, R>(items: T[], jobs: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, async () => {
    while (next < items.length) {
      const k = next++;
      out[k] = await fn(items[k]!);
    }
  }));
  return out;
}

/** Which top-level parts of two results differ ("quotes[3]", "entities", "throw"). */
function differing(a: string, b: string): string {
  if (a.startsWith("THROW") || b.startsWith("THROW")) return `throw: ${(a.startsWith("THROW") ? a : b).split("\n")[0]}`;
  const x = JSON.parse(a) as Record<string, unknown[]>;
  const y = JSON.parse(b) as Record<string, unknown[]>;
  const parts: string[] = [];
  for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
    const u = x[k] ?? [];
    const v = y[k] ?? [];
    if (u.length !== v.length) parts.push(`${k}: ${u.length} vs ${v.length}`);
    else {
      const idx = u.map((e, j) => (JSON.stringify(e) === JSON.stringify(v[j]) ? -1 : j)).filter((j) => j >= 0);
      if (idx.length) parts.push(`${k}[${idx.slice(0, 5).join(",")}${idx.length > 5 ? ",…" : ""}]`);
    }
  }
  return parts.join("; ");
}

function shuffled(xs: number[], seed: number): number[] {
  const out = [...xs];
  let s = seed >>> 0;
  for (let k = out.length - 1; k > 0; k--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (k + 1);
    [out[k], out[j]] = [out[j]!, out[k]!];
  }
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string): string | undefined => {
    const k = args.indexOf(name);
    return k >= 0 ? args[k + 1] : undefined;
  };
  const file = args.find((a, k) => !a.startsWith("--") && !["--limit", "--from", "--dist", "--jobs"].includes(args[k - 1] ?? ""));
  if (!file) {
    console.error("usage: node dist/bench/purity.js FILE [--limit N] [--from K] [--dist DIR] [--jobs J] [--reload] [--no-bisect]");
    process.exit(2);
  }
  const path = resolve(file);
  const dist = resolve(opt("--dist") ?? join(__dirname, "..", "src", "nlp"));
  const jobs = Number(opt("--jobs")) || availableParallelism();
  const all = readTexts(path);
  const from = Number(opt("--from")) || 0;
  const limit = Number(opt("--limit")) || all.length;
  const ids = Array.from({ length: Math.max(0, Math.min(all.length, from + limit) - from) }, (_, k) => from + k);

  const t0 = performance.now();
  const fresh = new Map<number, string>();
  const orders: [string, number[]][] = [
    ["forward", ids],
    ["reversed", [...ids].reverse()],
    ["shuffled", shuffled(ids, 13)],
    ["twice", ids.flatMap((i) => [i, i])],
  ];
  const [seq, single] = await Promise.all([
    Promise.all(orders.map(([, order]) => run(path, dist, order))),
    args.includes("--reload")
      // groups of 100 a process: a module graph emptied from require.cache is not all given back
      ? pool(Array.from({ length: Math.ceil(ids.length / 100) }, (_, j) => ids.slice(100 * j, 100 * j + 100)), jobs, (part) => run(path, dist, part, true))
      : pool(ids, jobs, (i) => run(path, dist, [i])),
  ]);
  for (const rs of single) for (const r of rs) fresh.set(r.i, r.r);

  const bad = new Set<number>();
  const found: { name: string; order: number[]; pos: number; i: number }[] = [];
  orders.forEach(([name, order], o) => {
    let n = 0;
    seq[o]!.forEach(({ i, r }, pos) => {
      // "twice": only the second extraction of each article is after state it left itself
      if (name === "twice" && pos % 2 === 0) return;
      if (r === fresh.get(i)) return;
      n++;
      bad.add(i);
      found.push({ name, order, pos, i });
      console.log(`${name}\tarticle ${i} (position ${pos})\t${differing(fresh.get(i)!, r)}`);
    });
    console.log(`# ${name}: ${n} of ${ids.length} differ`);
  });

  if (!args.includes("--no-bisect")) {
    // per differing article (first order it differed in), the shortest prefix of that order that
    // still makes it differ, and whether the prefix's last article alone does
    const seen = new Set<number>();
    for (const f of found) {
      if (seen.has(f.i) || f.name === "twice") continue;
      seen.add(f.i);
      const before = f.order.slice(0, f.pos);
      const differs = async (prefix: number[]) => (await run(path, dist, [...prefix, f.i])).at(-1)!.r !== fresh.get(f.i);
      let lo = 0;
      let hi = before.length; // differs(before.slice(0, hi)) holds
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (await differs(before.slice(0, mid))) hi = mid;
        else lo = mid + 1;
      }
      if (hi === 0) continue;
      const last = before[hi - 1]!;
      const alone = await differs([last]);
      console.log(`bisect\tarticle ${f.i}: differs after the first ${hi} of its ${f.name} predecessors; after article ${last} alone: ${alone ? "differs" : "same"}`);
    }
  }
  console.log(`purity: ${bad.size} of ${ids.length} articles differ (${path}, ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  process.exitCode = bad.size ? 1 : 0;
}
