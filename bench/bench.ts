// `npm run bench`: speed and memory of whosaid on the shared BBC corpus (../shared/bench/bbc.jsonl,
// read in place, never copied; WHOSAID_BENCH_FILE overrides the path).
//   1. extraction speed over the whole corpus, as a ratio to one regex pass for quoted spans
//   2. linearity: time per character for documents of 10k … 2M characters (the same text, cut differently)
//   3. memory: heap and RSS after gc, peak RSS
//   4. ingest into a fresh temporary SQLite database, then the duplicate path
//   5. web: sequential latency of the main pages over that database, through Node's http
//   6. matching: grouping the statements of that database across sources (time, pairs compared
//      against n², scaling over 25/50/100% of the corpus, memory, one-article incremental regroups)
// Prints a table, then one JSON line (the last line of output) for machines.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { extract, EXTRACTOR_VERSION } from "../src/nlp/pipeline";
import type { Extraction } from "../src/nlp/types";
import { openDb, type Db } from "../src/store/db";
import { ingestArticle } from "../src/services/ingest";
import { MAX_TEXT_BYTES } from "../src/services/article-input";
import { corpusCounts } from "../src/store/stats";
import { listPeople } from "../src/store/people";
import { createApp } from "../src/app";
import { groupStatements } from "../src/compare";
import { corpusStatements, regroupAll, regroupPeople } from "../src/services/compare";
import { groupSignatures } from "../src/store/groups";
import { peopleQuotedIn } from "../src/store/quotes";
import { sourceOptions } from "../src/store/sources";
import { writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { availableParallelism, cpus, loadavg } from "node:os";
import { bulkIngest, type BulkIngestResult } from "./bulk";
import { BROWSER_ENCODING, loadTest, type ExportRow, type LoadResult, type PageRow } from "./load";

const ROOT = resolve(__dirname, "..", "..");
const CORPUS = process.env.WHOSAID_BENCH_FILE ?? resolve(ROOT, "..", "shared", "bench", "bbc.jsonl");
const RUNS = 3;
/** `--scale N`: the larger corpus is N copies (default 10: 22,250 articles); `--duration S`: seconds per page under load */
function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i < 0 ? NaN : Number(process.argv[i + 1]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}
const SCALE = Math.round(flag("scale", 10));
const DURATION = flag("duration", 10);
/** `--scale-only`: skip sections 1 to 6 (for the long --scale 100 run) */
const SCALE_ONLY = process.argv.includes("--scale-only");
/** growth of time per character, largest size over smallest, above which the output flags non-linearity */
const LINEARITY_LIMIT = 3;
/** the one regular expression for quoted spans the extractor is compared with */
const QUOTE_RE = /“[^”]*”|"[^"]*"/g;

interface Article {
  id: string;
  category: string;
  title: string;
  text: string;
}

// ---------- helpers ----------

const gc = (): void => {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
};
const MB = (bytes: number): number => bytes / 1024 / 1024;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
/** nearest-rank percentile */
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
const f = (x: number, digits = 1): string => x.toFixed(digits);
const int = (x: number): string => Math.round(x).toLocaleString("en-US");

function table(title: string, head: string[], rows: (string | number)[][]): void {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]) => "  " + r.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join("  ");
  console.log(`\n${title}`);
  console.log(line(head));
  console.log("  " + widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of cells.slice(1)) console.log(line(r));
}

interface MemPoint {
  at: string;
  heap_mb: number;
  rss_mb: number;
  max_rss_mb: number;
}
const memory: MemPoint[] = [];
function snapshot(at: string): MemPoint {
  gc();
  const m = process.memoryUsage();
  const point = { at, heap_mb: MB(m.heapUsed), rss_mb: MB(m.rss), max_rss_mb: process.resourceUsage().maxRSS / 1024 };
  memory.push(point);
  return point;
}

function loadCorpus(file: string): Article[] {
  if (!existsSync(file)) {
    console.error(`bench: no corpus at ${file}\n  expected ../shared/bench/bbc.jsonl next to the project; set WHOSAID_BENCH_FILE=/path/to/bbc.jsonl`);
    process.exit(2);
  }
  const out: Article[] = [];
  readFileSync(file, "utf8").split("\n").forEach((line, n) => {
    if (!line.trim()) return;
    let a: Partial<Article>;
    try {
      a = JSON.parse(line) as Partial<Article>;
    } catch (e) {
      throw new Error(`${file}:${n + 1}: not JSON (${(e as Error).message})`);
    }
    if (typeof a.text !== "string") throw new Error(`${file}:${n + 1}: no "text" field`);
    out.push({ id: String(a.id ?? n + 1), category: String(a.category ?? ""), title: String(a.title ?? ""), text: a.text });
  });
  if (!out.length) throw new Error(`${file}: no articles`);
  return out;
}

/** One pass of one regex over every text: the practical ceiling. Returns ms and the match count. */
function regexPass(texts: string[]): { ms: number; matches: number } {
  const t0 = performance.now();
  let matches = 0;
  for (const t of texts) {
    QUOTE_RE.lastIndex = 0;
    while (QUOTE_RE.exec(t)) matches++;
  }
  return { ms: performance.now() - t0, matches };
}

/** extract() over every text; per-article ms. `sink` keeps the results from being optimised away. */
function extractPass(texts: string[]): { ms: number; cpuMs: number; per: number[]; quotes: number; claims: number } {
  const per = new Array<number>(texts.length);
  let quotes = 0;
  let claims = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < texts.length; i++) {
    const s = performance.now();
    const r = extract(texts[i]!);
    per[i] = performance.now() - s;
    quotes += r.quotes.length;
    claims += r.claims.length;
  }
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, per, quotes, claims };
}

// ---------- 1. extraction speed ----------

function benchExtraction(articles: Article[]) {
  const texts = articles.map((a) => a.text);
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, "utf8"), 0);
  // warm-up: the JIT sees every code path once (one full pass) before anything is timed
  const warm = performance.now();
  extractPass(texts);
  for (let i = 0; i < 3; i++) regexPass(texts);
  const warmMs = performance.now() - warm;
  const runs: { extractMs: number; cpuMs: number; regexMs: number; ratio: number; per: number[]; quotes: number; claims: number; matches: number }[] = [];
  for (let r = 0; r < RUNS; r++) {
    gc();
    // the regex pass is ~10 ms, so take the median of five; it runs right before its extraction pass
    const rx = [0, 1, 2, 3, 4].map(() => regexPass(texts));
    const regexMs = median(rx.map((x) => x.ms));
    gc();
    extract(texts[texts.length - 1]!); // one untimed call, so the first timed article does not pay for the gc
    const ex = extractPass(texts);
    runs.push({ extractMs: ex.ms, cpuMs: ex.cpuMs, regexMs, ratio: ex.ms / regexMs, per: ex.per, quotes: ex.quotes, claims: ex.claims, matches: rx[0]!.matches });
  }
  // per-article time: the median of its runs, so one gc pause does not make an article look slow
  const perArticle = texts.map((_, i) => median(runs.map((r) => r.per[i]!)));
  const slowest = perArticle.indexOf(Math.max(...perArticle));
  // the article with the highest cost per character (among those over 1,000 chars, where timer noise is small)
  const perChar = perArticle.map((ms, i) => (texts[i]!.length >= 1000 ? (ms * 1e6) / texts[i]!.length : 0));
  const densest = perChar.indexOf(Math.max(...perChar));
  const extractMs = median(runs.map((r) => r.extractMs));
  const regexMs = median(runs.map((r) => r.regexMs));
  const result = {
    articles: texts.length,
    chars,
    bytes,
    warmup_ms: warmMs,
    runs: runs.map((r) => ({ extract_ms: r.extractMs, regex_ms: r.regexMs, ratio: r.ratio })),
    extract_ms: extractMs,
    chars_per_s: (chars / extractMs) * 1000,
    mb_per_s: (MB(bytes) / extractMs) * 1000,
    /** CPU time of a pass (median of the runs): what one core does when the shared machine lets it run */
    cpu_ms: median(runs.map((r) => r.cpuMs)),
    mb_per_cpu_s: (MB(bytes) / median(runs.map((r) => r.cpuMs))) * 1000,
    articles_per_s: (texts.length / extractMs) * 1000,
    per_article_ms: { p50: pct(perArticle, 50), p95: pct(perArticle, 95), p99: pct(perArticle, 99), max: perArticle[slowest]! },
    slowest: { id: articles[slowest]!.id, chars: texts[slowest]!.length, ms: perArticle[slowest]! },
    ns_per_char_corpus: (extractMs * 1e6) / chars,
    ns_per_char_worst: { id: articles[densest]!.id, chars: texts[densest]!.length, ns_per_char: perChar[densest]! },
    regex_ms: regexMs,
    regex_mb_per_s: (MB(bytes) / regexMs) * 1000,
    regex_matches: runs[0]!.matches,
    /** median over runs of (extract time / regex time in the same run): how many times slower than the ceiling */
    ratio_to_regex: median(runs.map((r) => r.ratio)),
    quotes: runs[0]!.quotes,
    claims: runs[0]!.claims,
  };
  table(
    `1. Extraction: extract() over ${int(texts.length)} articles, ${f(chars / 1e6, 2)} M chars (warm-up ${int(warmMs)} ms; median of ${RUNS} runs)`,
    ["run", "extract ms", "regex ms", "extract / regex"],
    [
      ...runs.map((r, i) => [`run ${i + 1}`, f(r.extractMs, 0), f(r.regexMs, 2), f(r.ratio, 0) + "x"]),
      ["median", f(extractMs, 0), f(regexMs, 2), f(result.ratio_to_regex, 0) + "x"],
    ],
  );
  table("", ["figure", "value"], [
    ["chars/s", int(result.chars_per_s)],
    ["MB/s (UTF-8)", f(result.mb_per_s, 2)],
    ["MB per CPU-second", `${f(result.mb_per_cpu_s, 2)} (CPU ${int(result.cpu_ms)} ms per pass; wall figures suffer when the machine is shared)`],
    ["articles/s", int(result.articles_per_s)],
    ["ms/article p50", f(result.per_article_ms.p50, 2)],
    ["ms/article p95", f(result.per_article_ms.p95, 2)],
    ["ms/article p99", f(result.per_article_ms.p99, 2)],
    ["ms/article max", `${f(result.per_article_ms.max, 2)} (${result.slowest.id}, ${int(result.slowest.chars)} chars)`],
    ["ns/char corpus", f(result.ns_per_char_corpus, 0)],
    ["ns/char worst article", `${f(result.ns_per_char_worst.ns_per_char, 0)} (${result.ns_per_char_worst.id}, ${int(result.ns_per_char_worst.chars)} chars)`],
    ["regex pass MB/s", f(result.regex_mb_per_s, 0)],
    ["quoted spans (regex)", int(result.regex_matches)],
    ["quotes / claims found", `${int(result.quotes)} / ${int(result.claims)}`],
  ]);
  return result;
}

// ---------- 2. linearity ----------

/**
 * The same ~2 M characters of corpus text (articles interleaved across categories) cut into documents
 * of each size: only the document length changes, so time per character must stay flat.
 */
function benchLinearity(articles: Article[]) {
  const SEP = "\n\n";
  // a fixed permutation (stride coprime with the count) mixes the categories, which the file groups
  const n = articles.length;
  let stride = 1009;
  while (gcd(stride, n) !== 1) stride++;
  const order = Array.from({ length: n }, (_, i) => articles[(i * stride) % n]!.text);
  // the stream: as many whole articles as fit one document at the size limit (2 M chars and 2 MiB)
  const LIMIT_CHARS = 2_000_000;
  const stream: string[] = [];
  let chars = 0;
  let bytes = 0;
  for (const t of order) {
    const c = t.length + (stream.length ? SEP.length : 0);
    const b = Buffer.byteLength(t, "utf8") + (stream.length ? SEP.length : 0);
    if (chars + c > LIMIT_CHARS || bytes + b > MAX_TEXT_BYTES) break;
    stream.push(t);
    chars += c;
    bytes += b;
  }
  const sizes = [10_000, 100_000, 1_000_000, LIMIT_CHARS];
  const rows: { size: number; docs: number; mean_chars: number; max_chars: number; ms: number; ns_per_char: number; runs_ms: number[] }[] = [];
  for (const size of sizes) {
    const docs: string[] = [];
    let cur: string[] = [];
    let len = 0;
    for (const t of stream) {
      cur.push(t);
      len += t.length + SEP.length;
      if (len >= size) {
        docs.push(cur.join(SEP));
        cur = [];
        len = 0;
      }
    }
    if (cur.length) {
      // a short remainder joins the last document rather than making a small one
      if (docs.length && len < size / 2) docs[docs.length - 1] += SEP + cur.join(SEP);
      else docs.push(cur.join(SEP));
    }
    const total = docs.reduce((s, d) => s + d.length, 0);
    const runsMs: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      gc();
      const t0 = performance.now();
      for (const d of docs) extract(d);
      runsMs.push(performance.now() - t0);
    }
    const ms = median(runsMs);
    snapshot(`linearity, ${int(size)}-char docs`);
    rows.push({
      size, docs: docs.length, mean_chars: total / docs.length, max_chars: Math.max(...docs.map((d) => d.length)),
      ms, ns_per_char: (ms * 1e6) / total, runs_ms: runsMs,
    });
  }
  const base = rows[0]!.ns_per_char;
  const growth = rows[rows.length - 1]!.ns_per_char / base;
  const flagged = growth > LINEARITY_LIMIT;
  table(
    `2. Linearity: the same ${f(chars / 1e6, 2)} M chars cut into documents of each size (median of ${RUNS} runs)`,
    ["doc size", "docs", "mean chars", "total ms", "ns/char", "vs 10k"],
    rows.map((r) => [int(r.size), r.docs, int(r.mean_chars), f(r.ms, 0), f(r.ns_per_char, 0), f(r.ns_per_char / base, 2) + "x"]),
  );
  console.log(
    flagged
      ? `  !! NON-LINEAR: time per char grows ${f(growth, 2)}x from 10k to ${int(rows.at(-1)!.size)} chars (limit ${LINEARITY_LIMIT}x)`
      : `  ok: time per char grows ${f(growth, 2)}x from 10k to ${int(rows.at(-1)!.size)} chars (limit ${LINEARITY_LIMIT}x)`,
  );
  return { stream_chars: chars, sizes: rows, growth, limit: LINEARITY_LIMIT, non_linear: flagged };
}

function gcd(a: number, b: number): number {
  return b ? gcd(b, a % b) : a;
}

// ---------- 4. ingest (and 5. web over the same database) ----------

function fileSize(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

function benchIngest(articles: Article[], dir: string, precomputed: Map<string, Extraction>) {
  const file = join(dir, "bench.db");
  const db = openDb(file);
  gc();
  let created = 0;
  const t0 = performance.now();
  for (const a of articles) {
    if (ingestArticle(db, { text: a.text, title: a.title, outlet: "BBC News" }).created) created++;
  }
  const ms = performance.now() - t0;
  const counts = corpusCounts(db);
  db.pragma("wal_checkpoint(TRUNCATE)");
  const dbBytes = fileSize(file) + fileSize(file + "-wal");
  gc();
  let again = 0;
  const t1 = performance.now();
  for (const a of articles) {
    if (ingestArticle(db, { text: a.text, title: a.title, outlet: "BBC News" }).created) again++;
  }
  const dupMs = performance.now() - t1;
  // the same ingest into a second database with the extractions computed beforehand: storage alone
  const storeOnly = openDb(join(dir, "store-only.db"));
  const fixed = { version: EXTRACTOR_VERSION, extract: (text: string) => precomputed.get(text) ?? extract(text) };
  gc();
  const t2 = performance.now();
  for (const a of articles) ingestArticle(storeOnly, { text: a.text, title: a.title, outlet: "BBC News" }, { extractor: fixed });
  const storeMs = performance.now() - t2;
  storeOnly.close();
  const chars = articles.reduce((n, a) => n + a.text.length, 0);
  const result = {
    articles: articles.length,
    created,
    duplicates_in_corpus: articles.length - created,
    ms,
    articles_per_s: (articles.length / ms) * 1000,
    chars_per_s: (chars / ms) * 1000,
    db_mb: MB(dbBytes),
    db_bytes_per_corpus_char: dbBytes / chars,
    rows: counts,
    /** the same ingest with extractions computed beforehand: validation, hashing and SQLite only */
    storage_ms: storeMs,
    storage_ms_per_article: storeMs / articles.length,
    reingest_ms: dupMs,
    reingest_articles_per_s: (articles.length / dupMs) * 1000,
    reingest_created: again,
  };
  table(`4. Ingest: ingestArticle() into a fresh SQLite file (WAL) in ${dir}`, ["figure", "value"], [
    ["first ingest", `${int(ms)} ms, ${int(result.articles_per_s)} articles/s, ${int(result.chars_per_s)} chars/s`],
    ["storage alone", `${int(storeMs)} ms, ${f(result.storage_ms_per_article, 2)} ms/article (same ingest, extractions precomputed)`],
    ["stored", `${int(created)} sources (${int(result.duplicates_in_corpus)} repeated texts in the corpus)`],
    ["rows", `${int(counts.quotes)} quotes, ${int(counts.claims)} claims, ${int(counts.people)} people`],
    ["database size", `${f(result.db_mb, 1)} MB (${f(result.db_bytes_per_corpus_char, 2)} bytes per corpus char)`],
    ["re-ingest (all duplicates)", `${int(dupMs)} ms, ${int(result.reingest_articles_per_s)} articles/s, ${again} created`],
  ]);
  return { db, result };
}

async function benchWeb(db: Db) {
  const app = createApp({ db, log: () => {} });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((ok, fail) => server.once("listening", ok).once("error", fail));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const top = listPeople(db)[0];
  const paths = [
    "/", "/sources", "/sources/1", "/people", `/people/${top?.id ?? 1}`, `/people/${top?.id ?? 1}.json`,
    "/quotes", "/quotes.json", `/quotes.json?person=${top?.id ?? 1}`, "/quotes.json?q=minister", "/quotes.json?_sort=-id",
    "/quotes.csv", "/claims", "/claims.csv", "/sources/new", "/conflicts", "/conflicts.json", "/conflicts.json?_size=100",
  ];
  const rows: { path: string; status: number; kb: number; n: number; p50: number; max: number; max_rss_mb: number }[] = [];
  try {
    for (const path of paths) {
      const times: number[] = [];
      let status = 0;
      let size = 0;
      // one warm-up request, then up to 20 timed ones within about 1.5 s
      for (let i = 0, spent = 0; i < 21 && spent < 1500; i++) {
        const t0 = performance.now();
        const res = await fetch(base + path);
        const body = await res.arrayBuffer();
        const ms = performance.now() - t0;
        status = res.status;
        size = body.byteLength;
        if (i > 0) {
          times.push(ms);
          spent += ms;
        }
      }
      const maxRss = process.resourceUsage().maxRSS / 1024;
      rows.push({ path, status, kb: size / 1024, n: times.length, p50: median(times), max: Math.max(...times), max_rss_mb: maxRss });
    }
  } finally {
    await new Promise<void>((ok) => server.close(() => ok()));
  }
  table(`5. Web: sequential GETs over the ingested database (top person: ${top ? `${top.name}, ${top.quote_count} quotes` : "none"})`,
    ["path", "status", "KB", "n", "p50 ms", "max ms", "max RSS MB"],
    rows.map((r) => [r.path, r.status, f(r.kb, 0), r.n, f(r.p50, 1), f(r.max, 1), f(r.max_rss_mb, 0)]));
  return rows;
}

// ---------- 6. matching ----------

/**
 * Statement matching over the ingested corpus: the pure grouping (statements in memory), then a full
 * regroup through SQLite (read, group, write groups and fingerprints), then the same grouping over the
 * first 25% and 50% of the statements to show how time and pairs grow, then incremental regroups after
 * one article (the people it touches, closed over shared groups and words) for a sample of sources.
 */
function benchMatching(db: Db) {
  const statements = corpusStatements(db);
  const n = statements.length;
  const before = snapshot("before matching");
  const t0 = performance.now();
  const { groups, stats } = groupStatements(statements);
  const groupMs = performance.now() - t0;
  const held = snapshot("grouped statements held");
  const labels: Record<string, number> = {};
  for (const g of groups) labels[g.label] = (labels[g.label] ?? 0) + 1;
  const callouts = { negation: groups.filter((g) => g.negation_changed).length, number: groups.filter((g) => g.number_changed).length };
  groups.length = 0;
  gc();
  // the groups left by ingesting one article at a time (section 4) against a full regroup
  const incrementalGroups = new Set(groupSignatures(db));
  const t1 = performance.now();
  const full = regroupAll(db);
  const fullMs = performance.now() - t1;
  const fullGroups = groupSignatures(db);
  const disagreeing = fullGroups.filter((k) => !incrementalGroups.has(k)).length + Math.abs(incrementalGroups.size - fullGroups.length);
  const scaling: { share: number; statements: number; ms: number; pairs: number; pairs_per_statement: number; us_per_statement: number }[] = [];
  for (const share of [0.25, 0.5, 1]) {
    const part = statements.slice(0, Math.round(n * share));
    gc();
    const times: number[] = [];
    let pairs = 0;
    for (let r = 0; r < RUNS; r++) {
      const s = performance.now();
      pairs = groupStatements(part).stats.pairs_compared;
      times.push(performance.now() - s);
    }
    const ms = median(times);
    scaling.push({ share, statements: part.length, ms, pairs, pairs_per_statement: pairs / part.length, us_per_statement: (ms * 1000) / part.length });
  }
  // one-article regroups: every 20th source
  const sources = sourceOptions(db)!.filter((_, i) => i % 20 === 0).map((r) => r.id);
  const incremental: { ms: number; statements: number; mode: string }[] = [];
  for (const id of sources) {
    const people = peopleQuotedIn(db, id);
    const s = performance.now();
    const r = regroupPeople(db, people);
    incremental.push({ ms: performance.now() - s, statements: r.statements, mode: r.mode });
  }
  const incMs = incremental.map((x) => x.ms);
  const result = {
    statements: n,
    group_ms: groupMs,
    full_regroup_ms: fullMs,
    stats,
    pairs_share_of_all: stats.pairs_compared / Math.max(1, stats.all_pairs),
    labels,
    callouts,
    heap_held_mb: held.heap_mb - before.heap_mb,
    scaling,
    growth_us_per_statement: scaling.at(-1)!.us_per_statement / scaling[0]!.us_per_statement,
    incremental: {
      samples: incremental.length,
      p50_ms: incMs.length ? pct(incMs, 50) : 0,
      p95_ms: incMs.length ? pct(incMs, 95) : 0,
      max_ms: incMs.length ? Math.max(...incMs) : 0,
      mean_statements: incremental.reduce((a, x) => a + x.statements, 0) / Math.max(1, incremental.length),
      full_fallbacks: incremental.filter((x) => x.mode === "full").length,
    },
    full_report: { statements: full.statements, groups: full.groups },
    /** groups that differ between one-article-at-a-time regrouping (the ingest) and a full regroup */
    incremental_vs_full_differences: disagreeing,
  };
  table(`6. Matching: ${int(n)} attributed statements grouped across ${int(stats.blocks)} people`, ["figure", "value"], [
    ["group (in memory)", `${int(groupMs)} ms, ${f((groupMs * 1000) / Math.max(1, n), 0)} µs/statement`],
    ["full regroup via SQLite", `${int(fullMs)} ms (read, group, write ${int(full.groups)} groups and the fingerprints)`],
    ["incremental = full?", disagreeing === 0 ? "yes: the groups left by the article-by-article ingest equal a full regroup" : `NO: ${disagreeing} groups differ`],
    ["pairs compared", `${int(stats.pairs_compared)} of ${int(stats.all_pairs)} possible (${f(100 * result.pairs_share_of_all, 3)}%), ${f(stats.pairs_compared / Math.max(1, n), 2)} per statement`],
    ["pairs grouped (edges)", int(stats.edges)],
    ["largest person block", int(stats.largest_block)],
    ["groups", `${int(stats.groups)}, of which ${int(stats.multi_source_groups)} span several sources`],
    ["labels", Object.entries(labels).map(([k, v]) => `${k} ${int(v)}`).join(", ")],
    ["call-outs", `negation ${callouts.negation}, number ${callouts.number}`],
    ["heap held by the groups", `${f(result.heap_held_mb)} MB`],
    ["one-article regroup", `p50 ${f(result.incremental.p50_ms, 1)} ms, p95 ${f(result.incremental.p95_ms, 1)} ms, max ${f(result.incremental.max_ms, 1)} ms over ${incremental.length} sources (${f(result.incremental.mean_statements, 1)} statements regrouped on average, ${result.incremental.full_fallbacks} full fallbacks)`],
  ]);
  table("   scaling: the first share of the statements (median of 3 runs)", ["share", "statements", "ms", "pairs", "pairs/statement", "µs/statement"],
    scaling.map((r) => [`${r.share * 100}%`, int(r.statements), f(r.ms, 0), int(r.pairs), f(r.pairs_per_statement, 2), f(r.us_per_statement, 1)]));
  console.log(`  time per statement grows ${f(result.growth_us_per_statement, 2)}x from 25% to 100% of the corpus (all pairs would grow 4x per statement)`);
  return result;
}

// ---------- 7. newsroom scale: bulk ingest, pages under load, CSV export ----------

function machine() {
  return { nproc: availableParallelism(), cpu: cpus()[0]?.model ?? "unknown", node: process.version, load_avg_1m_at_start: loadavg()[0] };
}

/** The corpus and SCALE copies of it: bulk ingest (as `whosaid ingest` does it), then load and CSV over each database. */
async function benchScale(articles: Article[]) {
  const dir = mkdtempSync(join(tmpdir(), "whosaid-scale-"));
  const sizes = SCALE === 1 ? [1] : [1, SCALE];
  const runs: { times: number; ingest: BulkIngestResult; load: LoadResult }[] = [];
  let inThread: BulkIngestResult | undefined;
  try {
    // the same ingest with extraction in this thread, for the figure workers buy
    if (!SCALE_ONLY) {
      inThread = await bulkIngest(articles, 1, join(dir, "in-thread.db"), 0);
      rmSync(join(dir, "in-thread.db"), { force: true });
    }
    for (const times of sizes) {
      gc();
      const file = join(dir, `x${times}.db`);
      const ingest = await bulkIngest(articles, times, file);
      snapshot(`after bulk ingest x${times}`);
      console.log(`  (bulk ingest x${times}: ${JSON.stringify(ingest)})`); // kept even if what follows fails
      const load = await loadTest(file, DURATION);
      runs.push({ times, ingest, load });
      for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const small = runs[0]!.ingest;
  const large = runs.at(-1)!.ingest;
  const growth = large.wall_ms / small.wall_ms;
  const growthCpu = large.cpu_ms / small.cpu_ms;
  table(`7. Bulk ingest (whosaid ingest's path: batches of 256, extraction on worker threads, one regroup at the end)`,
    ["articles", "workers", "wall s", "articles/s", "CPU s", "articles/CPU s", "main ms/art.", "all ms/art.", "stored", "quotes", "people", "DB MB", "KB/1000 art.", "re-run art./s"],
    [...(inThread ? [{ ...inThread }] : []), ...runs.map((r) => r.ingest)].map((r) => [
      int(r.articles), r.workers, f(r.wall_ms / 1000, 1), int(r.articles_per_s), f(r.cpu_ms / 1000, 1), int(r.articles_per_cpu_s),
      f(r.main_ms_per_article, 3), f(r.all_ms_per_article, 3),
      int(r.created), int(r.rows.quotes), int(r.rows.people), f(r.db_mb, 1), int(r.db_kb_per_1000_articles), int(r.rerun_articles_per_s),
    ]));
  console.log(`  growth from ${int(small.articles)} to ${int(large.articles)} articles: ${f(growth, 2)}x wall time, ${f(growthCpu, 2)}x CPU time (for ${large.articles / small.articles}x the articles)`);
  for (const r of runs) {
    const pageTable = (title: string, rows: PageRow[]) => table(title,
      ["page", "path", "status", "KB", "cold ms", "cold CPU ms", "p50 ms", "p99 ms", "req/s", "CPU ms/req", "non-2xx", "load"],
      rows.map((p) => [p.name, p.path, p.status, f(p.kb, 0), f(p.cold_ms, 0), f(p.cold_cpu_ms, 0), f(p.p50_ms, 1), f(p.p99_ms, 1), int(p.requests_per_s),
        f(p.server_cpu_ms_per_request, 2), p.non2xx, f(p.load_avg_1m, 1)]));
    pageTable(`8. Pages under load over ${int(r.ingest.articles)} articles (autocannon, ${r.load.connections} connections, ${r.load.duration_s} s each, NODE_ENV=production, page cache on)`, r.load.pages);
    pageTable(`   the same with the page cache off (WHOSAID_PAGE_CACHE=0: every request builds its page)`, r.load.pages_uncached);
    pageTable(`   the cached pages asked as a browser asks them (Accept-Encoding: ${BROWSER_ENCODING}; KB as sent)`, r.load.pages_browser);
    table(`   full exports over ${int(r.ingest.articles)} articles (a fresh server each; rows/s of wall time and of the server's CPU time)`,
      ["path", "encoding", "status", "rows", "MB", "wall ms", "rows/s", "server CPU ms", "rows/CPU s", "peak RSS MB", "load"],
      r.load.exports.map((e) => [e.path, e.encoding, e.status, int(e.rows), f(e.mb, 1), int(e.ms), int(e.rows_per_s), int(e.server_cpu_ms), int(e.rows_per_server_cpu_s),
        f(e.server_peak_rss_mb, 0), f(e.load_avg_1m, 1)]));
    for (const e of r.load.exports) if (e.error) console.log(`  ${e.path} (${e.encoding}): ${e.error}`);
  }
  return { scale: SCALE, in_thread: inThread, runs, growth_wall: growth, growth_cpu: growthCpu };
}

/** The README's table of the latest run. */
function markdown(r: {
  date: string; commit: string; machine: ReturnType<typeof machine>; extraction?: { mb_per_s: number; mb_per_cpu_s: number; chars_per_s: number; ratio_to_regex: number };
  scale: Awaited<ReturnType<typeof benchScale>>; total_s?: number;
}): string {
  const rows: string[] = [];
  const m = r.machine;
  rows.push(`Run ${r.date.slice(0, 16).replace("T", " ")} UTC, commit ${r.commit}: ${m.nproc} cores (${m.cpu}), node ${m.node}, load average ${f(m.load_avg_1m_at_start ?? 0, 1)} at start${r.total_s ? `, ${f(r.total_s / 60, 0)} minutes in all` : ""}.`);
  rows.push("");
  rows.push("| figure | " + r.scale.runs.map((x) => `${int(x.ingest.articles)} articles`).join(" | ") + " |");
  rows.push("|---|" + r.scale.runs.map(() => "---:").join("|") + "|");
  const line = (name: string, fn: (x: (typeof r.scale.runs)[number]) => string) => rows.push(`| ${name} | ${r.scale.runs.map(fn).join(" | ")} |`);
  if (r.extraction) rows.push(`| extraction, one core (the corpus, median of 3) | ${f(r.extraction.mb_per_s, 2)} MB/s wall, ${f(r.extraction.mb_per_cpu_s, 2)} MB per CPU-second, ${f(r.extraction.ratio_to_regex, 0)}× one regex pass |` + " |".repeat(r.scale.runs.length - 1));
  line("ingest end to end (wall)", (x) => `${int(x.ingest.articles_per_s)} articles/s (${f(x.ingest.wall_ms / 1000, 1)} s, ${x.ingest.workers} workers)`);
  line("ingest CPU (all threads)", (x) => `${int(x.ingest.articles_per_cpu_s)} articles per CPU-s`);
  line("ingest CPU per article, main thread / all threads", (x) => x.ingest.main_ms_per_article === undefined ? "—" : `${f(x.ingest.main_ms_per_article, 2)} / ${f(x.ingest.all_ms_per_article, 2)} ms`);
  line("re-run (all stored)", (x) => `${int(x.ingest.rerun_articles_per_s)} articles/s`);
  line("database", (x) => `${f(x.ingest.db_mb, 0)} MB, ${f(x.ingest.db_kb_per_1000_articles / 1024, 2)} MB per 1,000 articles`);
  line("rows", (x) => `${int(x.ingest.rows.quotes)} quotes, ${int(x.ingest.rows.people)} people`);
  const pages = r.scale.runs[0]!.load.pages.map((p) => p.name);
  for (const [i, name] of pages.entries()) {
    line(`${name} (${r.scale.runs[0]!.load.pages[i]!.path.replace(/\/people\/\d+/, "/people/N")}): p50 / p99, req/s, KB; uncached p50 / p99, req/s; cached, as a browser asks`, (x) => {
      const p = x.load.pages[i]!;
      const u = x.load.pages_uncached[i];
      const br = x.load.pages_browser?.[i];
      return `${f(p.p50_ms, 0)} / ${f(p.p99_ms, 0)} ms, ${int(p.requests_per_s)}/s, ${f(p.kb, 0)} KB${p.non2xx ? ` (${p.non2xx} non-2xx)` : ""}`
        + (u ? `; ${f(u.p50_ms, 0)} / ${f(u.p99_ms, 0)} ms, ${int(u.requests_per_s)}/s` : "")
        + (br ? `; as a browser asks: ${f(br.p50_ms, 0)} / ${f(br.p99_ms, 0)} ms, ${int(br.requests_per_s)}/s, ${f(br.kb, 0)} KB sent` : "");
    });
  }
  const exportLine = (name: string, pick: (e: ExportRow) => boolean) => line(name, (x) => {
    const e = x.load.exports.find(pick);
    return e ? `${int(e.rows)} rows, ${int(e.rows_per_s)} rows/s (${int(e.rows_per_server_cpu_s)} per server CPU-s), peak RSS ${f(e.server_peak_rss_mb, 0)} MB${e.error ? ` (${e.error})` : ""}` : "—";
  });
  exportLine("/quotes.csv, full export", (e) => e.path === "/quotes.csv" && e.encoding === "identity");
  exportLine("/quotes.csv, gzip", (e) => e.path === "/quotes.csv" && e.encoding === "gzip");
  exportLine("/quotes.json?_all=1", (e) => e.path.startsWith("/quotes.json"));
  line("load average during the pages (1 min)", (x) => x.load.pages.map((p) => f(p.load_avg_1m, 1)).join(", "));
  if (r.scale.runs.length > 1) rows.push(`\nGrowth from ${int(r.scale.runs[0]!.ingest.articles)} to ${int(r.scale.runs.at(-1)!.ingest.articles)} articles: ${f(r.scale.growth_wall, 2)}× the ingest wall time, ${f(r.scale.growth_cpu, 2)}× its CPU time.`);
  return rows.join("\n");
}

// ---------- main ----------

/** The checked-out commit, read without git (src may hold uncommitted edits: the figures are of the working tree). */
function commit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short=12", "HEAD"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    // no git: read the checkout
  }
  try {
    const head = readFileSync(join(ROOT, ".git", "HEAD"), "utf8").trim();
    if (!head.startsWith("ref: ")) return head.slice(0, 12);
    return readFileSync(join(ROOT, ".git", head.slice(5)), "utf8").trim().slice(0, 12);
  } catch {
    return "unknown";
  }
}

const HELP = `usage: node --expose-gc dist/bench/bench.js [options]   (npm run bench: every section, ~10 minutes of both cores)
  --scale N        the larger corpus is N copies of the BBC corpus (default 10: 22,250 articles)
  --scale-only     only sections 7-8 (bulk ingest, pages under load, exports)
  --duration S     seconds of autocannon per page (default 10)
  --load DB        only section 8 over an existing database (built once, e.g. by whosaid ingest):
                   pages under load (cached, uncached, as a browser asks) and full exports; prints
                   the rows as JSON lines and writes no results file
  --help           this text
  WHOSAID_BENCH_FILE=PATH   another corpus (JSON lines of {"id","text"})`;

/** `--load DB`: section 8 alone over a database built once. */
async function loadOnly(file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`--load: no database at ${file}`);
  console.log(`pages under load and exports over ${file} (${DURATION} s each, load average ${loadavg().map((x) => f(x, 1)).join(" ")})`);
  const r = await loadTest(file, DURATION);
  for (const [name, rows] of [["cached", r.pages], ["uncached", r.pages_uncached], ["cached, as a browser asks", r.pages_browser]] as const) {
    for (const p of rows) console.log(JSON.stringify({ run: name, ...p }));
  }
  for (const e of r.exports) console.log(JSON.stringify({ run: "export", ...e }));
}

async function main(): Promise<void> {
  if (process.argv.includes("--help")) {
    console.log(HELP);
    return;
  }
  const loadAt = process.argv.indexOf("--load");
  if (loadAt >= 0) return loadOnly(resolve(process.argv[loadAt + 1] ?? ""));
  const started = performance.now();
  if (!(globalThis as { gc?: unknown }).gc) console.log("(run with node --expose-gc for heap figures after gc; npm run bench does)");
  const m0 = snapshot("start");
  const articles = loadCorpus(CORPUS);
  const m1 = snapshot("corpus loaded");
  console.log(`whosaid bench — ${CORPUS}\n  node ${process.version}, extractor ${EXTRACTOR_VERSION}, commit ${commit()}, ${articles.length} articles`);

  let extraction: ReturnType<typeof benchExtraction> | undefined;
  let linearity: ReturnType<typeof benchLinearity> | undefined;
  let retainedMb = 0;
  let ingest;
  let web;
  let matching;
  if (!SCALE_ONLY) {
    extraction = benchExtraction(articles);
    // what the extraction of the whole corpus holds once built (all results kept alive)
    const before = snapshot("after extraction runs");
    const kept = articles.map((a) => extract(a.text));
    const held = snapshot("whole-corpus extraction held");
    retainedMb = held.heap_mb - before.heap_mb;
    // kept for section 4's storage-only ingest
    const precomputed = new Map(articles.map((a, i) => [a.text, kept[i]!]));
    kept.length = 0;

    linearity = benchLinearity(articles);

    const dir = mkdtempSync(join(tmpdir(), "whosaid-bench-"));
    try {
      const { db, result } = benchIngest(articles, dir, precomputed);
      ingest = result;
      snapshot("after ingest");
      try {
        web = await benchWeb(db);
        matching = benchMatching(db);
      } finally {
        db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(`\n(sections 1-6 took ${f((performance.now() - started) / 1000, 0)} s; the newsroom-scale sections follow)`);
  const scale = await benchScale(articles);
  const end = snapshot("end");

  table("3. Memory (after global.gc(); max RSS is the process peak so far)", ["point", "heap MB", "RSS MB", "max RSS MB"],
    memory.map((m) => [m.at, f(m.heap_mb), f(m.rss_mb), f(m.max_rss_mb)]));
  console.log(`  corpus text in memory: ${f(m1.heap_mb - m0.heap_mb)} MB heap; whole-corpus extraction output held: ${f(retainedMb)} MB heap`);
  const totalS = (performance.now() - started) / 1000;
  console.log(`\ntotal ${f(totalS)} s (${f(totalS / 60, 1)} minutes), load average ${loadavg().map((x) => f(x, 1)).join(" / ")} at the end (1 / 5 / 15 min)`);

  const results = {
    bench: "whosaid",
    date: new Date().toISOString(),
    node: process.version,
    extractor_version: EXTRACTOR_VERSION,
    commit: commit(),
    machine: machine(),
    corpus: { file: CORPUS, articles: articles.length, chars: articles.reduce((n, a) => n + a.text.length, 0) },
    extraction,
    linearity,
    memory: { points: memory, peak_rss_mb: end.max_rss_mb, corpus_heap_mb: m1.heap_mb - m0.heap_mb, extraction_output_heap_mb: retainedMb },
    ingest,
    web,
    matching,
    scale,
    total_s: totalS,
    load_avg_at_end: loadavg(),
  };
  console.log("\nREADME table:\n" + markdown(results));
  const out = join(ROOT, "bench", SCALE === 10 && !SCALE_ONLY ? "results.json" : `results-x${SCALE}.json`);
  writeFileSync(out, JSON.stringify(results, null, 2) + "\n");
  console.log(`\nwrote ${out}`);
  console.log(JSON.stringify(results));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exitCode = 1;
});
