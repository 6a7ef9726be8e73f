// Bulk ingest (src/services/ingest-batch.ts): batches store exactly what one-by-one ingest stores, a
// re-run stores nothing, a failing article stores nothing and the rest of its batch stands, and
// extraction on worker threads gives the records extraction in this thread gives.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDb, type Db } from "../../src/store/db";
import { ingestArticle, type Extractor } from "../../src/services/ingest";
import { ingestItems, ingestItemsSync, type BulkOptions } from "../../src/services/ingest-batch";
import { countArticles, ingestPaths, ingestPathsBulk } from "../../src/services/ingest-files";
import { ExtractPool } from "../../src/services/extract-pool";
import { ensureGroups, regroupAll } from "../../src/services/compare";
import { groupSignatures } from "../../src/store/groups";
import { extract } from "../../src/nlp/pipeline";
import { readArticleFile, type ArticleItem } from "../../src/services/readers";
import { SEEDS_DIR } from "../../src/paths";
import { ARTICLE_A, ARTICLE_B, ARTICLE_XSS, FIXED_NOW, FIXTURE_EXTRACTOR } from "../fixtures/corpus";
import { COMPARISON_ARTICLES } from "../fixtures/comparison";
import { dump } from "./ingest-corpus";

const FIXTURE_ARTICLES = [ARTICLE_A, ARTICLE_B, ARTICLE_XSS, ...COMPARISON_ARTICLES];

/** Invented articles for the real extractor: speakers recur across them, so groups span sources. */
const INVENTED: { title: string; outlet: string; text: string }[] = [];
const NAMES = ["Ana Lind", "Tom Reyes", "Mara Quist", "Pavel Orlov", "Ines Duarte"];
for (let i = 0; i < 24; i++) {
  const a = NAMES[i % NAMES.length]!;
  const b = NAMES[(i + 2) % NAMES.length]!;
  INVENTED.push({
    title: `Harbour story ${i}`,
    outlet: i % 2 ? "Harbour Gazette" : "Daily Ledger",
    text: [
      `Finance minister ${a} said on Monday that the harbour tunnel "will cost ${100 + (i % 3)} million".`,
      `"We will not raise the ferry fares this year," ${b} told reporters in Eastport.`,
      `Critics say the plan is reportedly behind schedule, and ${a.split(" ")[1]} is widely seen as its author.`,
      `According to ${b}, the council has "no money left for the bridge".`,
      `Meeting number ${i + 1} of the harbour board ended late.`,
    ].join("\n"),
  });
}

const items = (articles: object[]): ArticleItem[] => articles.map((a, i) => ({ origin: `item ${i + 1}`, record: { ...a } }));

/** The reference: ingestArticle one by one, groups regrouped once at the end (as ingestPaths did). */
function sequential(articles: object[], extractor?: Extractor): Db {
  const db = openDb(":memory:");
  for (const a of articles) {
    try {
      ingestArticle(db, a, { extractor, now: FIXED_NOW, regroup: false });
    } catch {
      // counted as failed by the batch path
    }
  }
  ensureGroups(db);
  return db;
}

describe("services: bulk ingest in batches", () => {
  const dbs: Db[] = [];
  const fresh = () => {
    const db = openDb(":memory:");
    dbs.push(db);
    return db;
  };
  afterEach(() => dbs.splice(0).forEach((d) => d.close()));

  const cases: { name: string; articles: object[]; extractor?: Extractor; batchSize: number }[] = [
    { name: "fixture articles, batches of 2", articles: FIXTURE_ARTICLES, extractor: FIXTURE_EXTRACTOR, batchSize: 2 },
    { name: "fixture articles, one batch", articles: FIXTURE_ARTICLES, extractor: FIXTURE_EXTRACTOR, batchSize: 1000 },
    { name: "real extractor, batches of 5", articles: INVENTED, batchSize: 5 },
    { name: "real extractor, batches of 1", articles: INVENTED.slice(0, 6), batchSize: 1 },
    // a repeated text, an invalid record and a CRLF copy (same text once normalised) inside one batch
    {
      name: "duplicates and invalid records inside a batch", batchSize: 4,
      articles: [INVENTED[0]!, { text: "   " }, INVENTED[1]!, INVENTED[0]!, { ...INVENTED[2]!, text: INVENTED[2]!.text.replace(/\n/g, "\r\n") }, INVENTED[2]!, { title: "no text" }],
    },
  ];
  for (const c of cases) {
    it(`stores exactly what sequential ingest stores: ${c.name}`, () => {
      const ref = sequential(c.articles, c.extractor);
      dbs.push(ref);
      const db = fresh();
      const s = ingestItemsSync(db, items(c.articles), { extractor: c.extractor, now: FIXED_NOW, batchSize: c.batchSize });
      assert.deepEqual(dump(db), dump(ref));
      const stored = (db.prepare("SELECT count(*) AS n FROM sources").get() as { n: number }).n;
      assert.equal(s.created, stored);
      assert.equal(s.created + s.existing + s.failed.length, c.articles.length);
    });
  }

  it("counts repeated texts as already stored and invalid records as failed, with their origin", () => {
    const s = ingestItemsSync(fresh(), items(cases[4]!.articles), { now: FIXED_NOW, batchSize: 4 });
    assert.deepEqual({ created: s.created, existing: s.existing }, { created: 3, existing: 2 });
    assert.deepEqual(s.failed.map((f) => f.origin), ["item 2", "item 7"]);
    assert.match(s.failed[0]!.error, /text: is empty/);
    assert.match(s.failed[1]!.error, /text: is required/);
  });

  it("a re-run stores nothing new and changes no row", () => {
    const db = fresh();
    ingestItemsSync(db, items(INVENTED), { now: FIXED_NOW, batchSize: 7 });
    const before = dump(db);
    const again = ingestItemsSync(db, items(INVENTED), { now: () => new Date("2030-01-01T00:00:00Z"), batchSize: 7 });
    assert.deepEqual(again, { created: 0, existing: INVENTED.length, failed: [] });
    assert.deepEqual(dump(db), before);
  });

  it("a failing extraction stores nothing of that article; the rest of its batch is stored", () => {
    const bad = INVENTED[3]!.text;
    const extractor: Extractor = { version: "x", extract: (t) => { if (t === bad) throw new Error("boom"); return extract(t); } };
    const db = fresh();
    const s = ingestItemsSync(db, items(INVENTED.slice(0, 6)), { extractor, now: FIXED_NOW, batchSize: 6 });
    assert.equal(s.created, 5);
    assert.deepEqual(s.failed, [{ origin: "item 4", error: "extraction or storage failed: boom" }]);
    assert.equal((db.prepare("SELECT count(*) AS n FROM sources WHERE text = ?").get(bad) as { n: number }).n, 0);
    // the rest equals a sequential ingest of the other five
    const ref = sequential(INVENTED.slice(0, 6).filter((a) => a.text !== bad), extractor);
    dbs.push(ref);
    const d = dump(db);
    const r = dump(ref);
    assert.deepEqual(d.quotes, r.quotes);
    assert.deepEqual(d.groups, r.groups);
  });

  it("a record the store rejects rolls back alone (savepoint), not its batch", () => {
    const broken = { quotes: [{ ...extract(INVENTED[0]!.text).quotes[0]!, kind: "nonsense" }], claims: [], entities: [] };
    const extractor: Extractor = { version: "x", extract: (t) => (t === INVENTED[1]!.text ? broken as never : extract(t)) };
    const db = fresh();
    const s = ingestItemsSync(db, items(INVENTED.slice(0, 3)), { extractor, now: FIXED_NOW, batchSize: 3 });
    assert.equal(s.created, 2);
    assert.equal(s.failed.length, 1);
    assert.match(s.failed[0]!.error, /CHECK constraint/);
    const orphans = db.prepare("SELECT count(*) AS n FROM sources WHERE id NOT IN (SELECT source_id FROM quotes)").get() as { n: number };
    assert.equal(orphans.n, 0);
  });

  it("regroups per batch when the stored groups are current, and the groups equal a full regroup", () => {
    const db = fresh();
    ingestItemsSync(db, items(INVENTED.slice(0, 10)), { now: FIXED_NOW, batchSize: 10 }); // groups current after this
    const progress: number[] = [];
    ingestItemsSync(db, items(INVENTED), { now: FIXED_NOW, batchSize: 4, onProgress: (n) => progress.push(n) });
    const incremental = groupSignatures(db);
    regroupAll(db);
    assert.deepEqual(incremental, groupSignatures(db));
    assert.ok(incremental.some((g) => g.includes(",")), "some group spans several statements");
    assert.deepEqual(progress, [4, 8, 12, 16, 20, 24]);
  });

  it("regroup: false leaves the groups stale for the caller", () => {
    const db = fresh();
    ingestItemsSync(db, items(INVENTED.slice(0, 4)), { now: FIXED_NOW, regroup: false });
    assert.deepEqual(groupSignatures(db), []);
    assert.ok(ensureGroups(db) !== null);
  });
});

describe("services: extraction on worker threads", () => {
  const seedTexts = readdirSync(SEEDS_DIR).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(join(SEEDS_DIR, f), "utf8"));
  const texts = [...seedTexts, ...INVENTED.map((a) => a.text), ...FIXTURE_ARTICLES.map((a) => a.text), "", "No quotes here at all."];

  it("gives the same records as extract() in this thread", async () => {
    const pool = new ExtractPool({ size: 2, maxQueue: texts.length });
    try {
      const out = await Promise.all(texts.map((t) => pool.extract(t)));
      assert.equal(out.length, texts.length);
      out.forEach((r, i) => assert.deepEqual(r, extract(texts[i]!), `text ${i}`));
    } finally {
      await pool.close();
    }
  });

  it("a bulk ingest with workers stores what the in-thread ingest stores", async () => {
    const opts: BulkOptions = { now: FIXED_NOW, batchSize: 5 };
    const a = openDb(":memory:");
    const b = openDb(":memory:");
    try {
      const all = [...INVENTED, INVENTED[0]!, { text: "" }];
      const sa = ingestItemsSync(a, items(all), opts);
      const sb = await ingestItems(b, items(all), { ...opts, workers: 2 });
      assert.deepEqual(sb, sa);
      assert.deepEqual(dump(b), dump(a));
    } finally {
      a.close();
      b.close();
    }
  });
});

describe("services: ingesting files counts articles", () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), "whosaid-bulk-")); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const rows: { name: string; content: string; n: number }[] = [
    { name: "a.jsonl", content: '{"text":"A."}\n{"text":"B."}\n', n: 2 },
    { name: "b.jsonl", content: '{"text":"A."}\n\n  \n{"text":"B."}', n: 2 },
    { name: "c.jsonl", content: '{"text":"A."}\r\n{"text":"B."}\r\n\r\n', n: 2 },
    { name: "d.jsonl", content: "", n: 0 },
    { name: "e.jsonl", content: "\n\n\n", n: 0 },
    { name: "f.txt", content: "One article.\n\nTwo paragraphs.\n", n: 1 },
  ];
  for (const r of rows) {
    it(`${r.name}: ${r.n} article(s)`, () => {
      writeFileSync(join(dir, r.name), r.content);
      assert.equal(countArticles(join(dir, r.name)), r.n);
    });
  }

  it("reads JSON Lines in pieces: multi-byte characters across the 1 MB reads, CRLF, a BOM, a last line without newline", () => {
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) lines.push(JSON.stringify({ id: i, text: `Zoë Ñandú said “é ${i}” ${"ß€😀".repeat(120 + (i % 7))}` }));
    const body = "\uFEFF" + lines.map((l, i) => (i % 3 === 0 ? l + "\r\n" : i % 5 === 0 ? l + "\n\n" : l + "\n")).join("") + lines[0]!.replace('"id":0', '"id":"last"');
    const file = join(dir, "big.jsonl");
    writeFileSync(file, body);
    assert.ok(Buffer.byteLength(body) > 2 * (1 << 20), "crosses several 1 MB reads");
    const got = [...readArticleFile(file)];
    assert.equal(got.length, 3001);
    got.slice(0, 3000).forEach((item, i) => {
      assert.equal(item.origin, `${file}#${i}`);
      assert.equal(item.record!.text, (JSON.parse(lines[i]!) as { text: string }).text);
    });
    assert.equal(got[3000]!.origin, `${file}#last`);
    assert.equal(countArticles(file), 3001);
    assert.deepEqual([...readArticleFile(join(dir, "missing.jsonl"))].map((x) => x.error !== undefined), [true]);
  });

  it("progress counts articles, not files, and the in-thread and worker paths agree", async () => {
    const lines = INVENTED.map((a) => JSON.stringify(a)).join("\n") + "\n";
    writeFileSync(join(dir, "all.jsonl"), lines + "not json\n");
    writeFileSync(join(dir, "one.txt"), INVENTED[0]!.text); // the same text again: already stored
    const seen: { total: number; progress: number[] }[] = [];
    const run = (db: Db, bulk: boolean) => {
      const log = { total: -1, progress: [] as number[] };
      seen.push(log);
      const opts = { now: FIXED_NOW, batchSize: 10, onStart: (n: number) => { log.total = n; }, onProgress: (n: number) => log.progress.push(n) };
      return bulk ? ingestPathsBulk(db, [dir], { ...opts, workers: 1 }) : Promise.resolve(ingestPaths(db, [dir], opts));
    };
    const a = openDb(":memory:");
    const b = openDb(":memory:");
    try {
      const sa = await run(a, false);
      const sb = await run(b, true);
      assert.deepEqual(sa, sb);
      assert.equal(sa.created, INVENTED.length);
      assert.equal(sa.existing, 1);
      assert.deepEqual(sa.failed.map((f) => f.origin), [`${join(dir, "all.jsonl")}:25`]);
      assert.equal(seen[0]!.total, INVENTED.length + 2);
      assert.equal(seen[0]!.progress.at(-1), INVENTED.length + 2);
      assert.equal(seen[1]!.progress.at(-1), INVENTED.length + 2);
      assert.deepEqual(dump(b), dump(a));
    } finally {
      a.close();
      b.close();
    }
  });
});
