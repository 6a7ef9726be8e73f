// A/B CPU time of one stage of extract() on the bench corpus, for changes too small for bench/ab.ts
// to resolve (docs/profile.md, 2 December evening): the whole pipeline's A/B varies by ±2% between
// runs on the shared machine, while one stage timed alone, many times over, shows a few ms per pass.
//
//   node dist/bench/stage.js STAGE [--reps N] DIR ...
//
// STAGE: findNames | findCues | resolver (new EntityResolver, as resolveSpeakers makes it) |
// speakers (resolveSpeakers, attribute's result made once beforehand) | attribute | claims
// (detectClaims, the quotes made once beforehand). Each DIR holds a compiled pipeline (a copy of
// dist/src/nlp, e.g. /tmp/nlp-before). Documents are made once per build, outside the timing; after
// one warm-up round, the builds take turns (order alternating) through N rounds of the whole corpus.
// Prints the median and minimum CPU ms per round (process.cpuUsage, user + system) of each build.
import { readFileSync, existsSync } from "node:fs";
import { resolve, join } from "node:path";

type Fn = (...args: never[]) => unknown;
const args = process.argv.slice(2);
const stage = args.shift() ?? "";
let reps = 8;
const dirs: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--reps") reps = Math.max(1, Math.min(100, Number(args[++i]) || 8));
  else dirs.push(resolve(args[i]!));
}
const STAGES = ["findNames", "findCues", "resolver", "speakers", "attribute", "claims"];
if (!STAGES.includes(stage) || !dirs.length) {
  console.error(`usage: node dist/bench/stage.js ${STAGES.join("|")} [--reps N] DIR ...   (DIR/pipeline.js)`);
  process.exit(2);
}
const corpus = process.env.WHOSAID_BENCH_FILE ??
  [3, 4, 5].map((up) => resolve(__dirname, ...Array<string>(up).fill(".."), "shared", "bench", "bbc.jsonl")).find((f) => existsSync(f)) ??
  resolve(__dirname, "..", "..", "..", "shared", "bench", "bbc.jsonl");
const texts = readFileSync(corpus, "utf8").split("\n").filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text);

/** One round of the stage over the corpus, for the build in dir (its inputs prepared here, untimed). */
function prepare(dir: string): () => number {
  const load = (m: string): Record<string, Fn> => require(join(dir, m)) as Record<string, Fn>;
  const { makeDoc } = load("document.js");
  const { findNames } = load("mentions.js");
  const { findCues } = load("cues.js");
  const { headlineSpans } = load("coref.js");
  const { attribute, resolveSpeakers } = load("attribution.js");
  const { detectClaims } = load("claims.js");
  const { EntityResolver } = require(join(dir, "entities.js")) as { EntityResolver: new (text: string, skip: unknown) => unknown };
  const call = (f: Fn | undefined, ...a: unknown[]): unknown => (f as unknown as (...x: unknown[]) => unknown)(...a);
  type Doc = { text: string };
  type Attributed = { statements: unknown; ctx: { spans: unknown } };
  const docs = texts.map((t) => call(makeDoc, t) as Doc);
  const count = (x: unknown): number => (Array.isArray(x) ? x.length : x ? 1 : 0);
  switch (stage) {
    case "findNames": return () => docs.reduce((n, d) => n + count(call(findNames, d.text)), 0);
    case "findCues": return () => docs.reduce((n, d) => n + count(call(findCues, d.text)), 0);
    case "resolver": return () => docs.reduce((n, d) => n + count(new EntityResolver(d.text, call(headlineSpans, d))), 0);
    case "attribute": return () => docs.reduce((n, d) => n + count((call(attribute, d) as Attributed).statements), 0);
    case "speakers": {
      const pre = docs.map((d) => ({ d, a: call(attribute, d) as Attributed }));
      return () => pre.reduce((n, { d, a }) => n + count((call(resolveSpeakers, d, a.statements, a.ctx.spans) as { quotes: unknown }).quotes), 0);
    }
    default: {
      const pre = docs.map((d) => {
        const a = call(attribute, d) as Attributed;
        return { d, quotes: (call(resolveSpeakers, d, a.statements, a.ctx.spans) as { quotes: unknown }).quotes };
      });
      return () => pre.reduce((n, { d, quotes }) => n + count(call(detectClaims, d, quotes)), 0);
    }
  }
}

const rounds = dirs.map(prepare);
const times = dirs.map((): number[] => []);
let sink = 0;
for (let r = 0; r <= reps; r++) {
  const order = dirs.map((_, k) => k);
  if (r % 2) order.reverse();
  for (const k of order) {
    const c0 = process.cpuUsage();
    sink += rounds[k]!();
    const c = process.cpuUsage(c0);
    if (r > 0) times[k]!.push((c.user + c.system) / 1000); // round 0 is the warm-up
  }
}
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
console.log(`${stage}: ${texts.length} articles, ${reps} rounds per build (sink ${sink})`);
const base = median(times[0]!);
dirs.forEach((d, k) => {
  const m = median(times[k]!);
  console.log(`${d}\n  CPU ms per round: median ${m.toFixed(1)} (min ${Math.min(...times[k]!).toFixed(1)})` + (k ? `  (${(base / m).toFixed(2)}× the first)` : ""));
});
