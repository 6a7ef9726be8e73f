// Where a bulk ingest's CPU goes: the main thread (validation, hashing, people, rows, search indexes,
// regroups) against the extraction threads, and a digest of what it stored (decision 025).
//
//   node dist/bench/main-thread.js [--times N] [--workers W] [--replay FILE] [--db FILE] [--keep]
//
// Ingests N copies of the bench corpus (bench/bulk.ts `repeated`, default 10 = 22,250 articles) into a
// fresh file with the CLI's bulk path and prints, as one JSON line: wall time, CPU of the main thread
// (read from /proc/self/task/PID/stat, so the workers' CPU is not in it), CPU of the whole process,
// each per article, the load average, and a sha256 per table of what was stored, sorted (people,
// aliases, roles, source_people, quotes, claims, and group membership as sets of quote ids, since
// group ids depend on the order groups are written). Two builds store the same thing when their
// digests are equal.
//
// --replay FILE: extraction is not run in the measurement: each article's extraction is read from FILE
// (written on the first run with that name: one JSON line per article of the repeated corpus) and
// replayed in the main thread, so the figure is storage alone (decision 021's method).
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { openDb, type Db } from "../src/store/db";
import { ingestItems, ingestItemsSync } from "../src/services/ingest-batch";
import { extract, EXTRACTOR_VERSION } from "../src/nlp/pipeline";
import type { Extraction } from "../src/nlp/types";
import { repeated, threadCpuMs, type BulkArticle } from "./bulk";
import { optionValue } from "./args";

const sha = (rows: unknown[][]): string => {
  const h = createHash("sha256");
  for (const r of rows) h.update(JSON.stringify(r) + "\n");
  return h.digest("hex").slice(0, 16);
};

/** A digest per table of what an ingest stored, independent of group ids. */
export function storedDigest(db: Db): Record<string, string> {
  const all = (sql: string): unknown[][] => db.prepare(sql).raw().all() as unknown[][];
  const out: Record<string, string> = {
    sources: sha(all("SELECT id, content_hash, title, outlet, extractor_version FROM sources ORDER BY id")),
    people: sha(all("SELECT id, name, name_key, kind, surname_key FROM people ORDER BY id")),
    person_aliases: sha(all("SELECT person_id, alias, alias_key FROM person_aliases ORDER BY person_id, alias")),
    person_roles: sha(all("SELECT person_id, role FROM person_roles ORDER BY person_id, role")),
    source_people: sha(all("SELECT source_id, person_id FROM source_people ORDER BY source_id, person_id")),
    quotes: sha(all("SELECT * FROM quotes ORDER BY id")),
    claims: sha(all("SELECT * FROM claims ORDER BY id")),
    fingerprints: sha(all("SELECT fingerprint, quote_id FROM quote_fingerprints ORDER BY fingerprint, quote_id")),
    // migration 80's stored /quotes.csv records, and the group rows with their ids (stricter than
    // `groups` below, which leaves ids out)
    csv_rows: sha(all("SELECT quote_id, csv FROM quote_csv_rows ORDER BY quote_id")),
    group_rows: sha([...all("SELECT * FROM statement_groups ORDER BY id"), ...all("SELECT * FROM statement_group_members ORDER BY quote_id")]),
  };
  // membership: each group as its sorted members (quote id, relation, flags) with its label and flags,
  // groups ordered by their first member; the group id itself left out
  const members = all(
    `SELECT m.group_id, m.quote_id, m.relation, m.other_speaker, m.negation_changed, m.number_changed,
            g.label, g.reference_quote_id, g.negation_changed, g.number_changed, g.source_count, g.person_count, g.member_count
     FROM statement_group_members m JOIN statement_groups g ON g.id = m.group_id ORDER BY m.group_id, m.quote_id`);
  const groups = new Map<unknown, unknown[][]>();
  for (const [gid, ...rest] of members) {
    const list = groups.get(gid) ?? [];
    list.push(rest);
    groups.set(gid, list);
  }
  const canon = [...groups.values()].sort((a, b) => (a[0]![0] as number) - (b[0]![0] as number)).map((g) => [JSON.stringify(g)]);
  out.groups = sha(canon);
  out.group_count = String(groups.size);
  const [version] = db.prepare("SELECT value FROM meta WHERE key = 'groups_version'").raw().all() as unknown[][];
  out.groups_version = String(version?.[0] ?? "");
  return out;
}

export function loadCorpus(): BulkArticle[] {
  const file = process.env.WHOSAID_BENCH_FILE ?? resolve(__dirname, "..", "..", "..", "shared", "bench", "bbc.jsonl");
  return readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l, n) => {
    const a = JSON.parse(l) as { id?: unknown; title?: unknown; text: string };
    return { id: String(a.id ?? n + 1), title: String(a.title ?? ""), text: a.text };
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string): string | undefined => optionValue(args, name);
  const times = Number(opt("--times") ?? 10);
  const workers = Number(opt("--workers") ?? 2);
  const replay = opt("--replay");
  const dir = mkdtempSync(join(tmpdir(), "whosaid-main-"));
  const file = opt("--db") ?? join(dir, "bulk.db");
  const articles = loadCorpus();
  const n = articles.length * times;
  let extractor: { extract: (t: string) => Extraction; version: string } | undefined;
  if (replay) {
    if (!existsSync(replay)) {
      const lines: string[] = [];
      for (const item of repeated(articles, times)) lines.push(JSON.stringify(extract(item.record!.text as string)));
      writeFileSync(replay, lines.join("\n") + "\n");
    }
    const cached = new Map<string, Extraction>();
    const lines = readFileSync(replay, "utf8").split("\n");
    let k = 0;
    for (const item of repeated(articles, times)) cached.set(item.record!.text as string, JSON.parse(lines[k++]!) as Extraction);
    extractor = { extract: (t) => cached.get(t) ?? extract(t), version: EXTRACTOR_VERSION };
  }
  const db = openDb(file);
  const load = loadavg()[0]!;
  const m0 = threadCpuMs();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const s = extractor
    ? ingestItemsSync(db, repeated(articles, times), { extractor, expected: n })
    : await ingestItems(db, repeated(articles, times), { workers, expected: n });
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const main = threadCpuMs() - m0;
  const all = (c.user + c.system) / 1000;
  const loadEnd = loadavg()[0]!;
  const digest = storedDigest(db);
  db.close();
  if (!args.includes("--keep")) rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify({
    articles: n, created: s.created, failed: s.failed.length, workers: extractor ? 0 : workers, replay: !!extractor,
    wall_s: +(wall / 1000).toFixed(1), articles_per_s: Math.round(n / (wall / 1000)),
    main_cpu_s: +(main / 1000).toFixed(2), all_cpu_s: +(all / 1000).toFixed(2),
    main_ms_per_article: +(main / n).toFixed(3), all_ms_per_article: +(all / n).toFixed(3),
    load_start: +load.toFixed(2), load_end: +loadEnd.toFixed(2), digest,
  }));
}

if (require.main === module) main().catch((e) => {
  console.error(e);
  process.exit(1);
});
