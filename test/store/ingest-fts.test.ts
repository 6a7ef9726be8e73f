// Search indexes after a bulk ingest (migration 50, src/store/fts.ts deferFts/indexDeferred): a batch
// indexes its new rows once at its end instead of one trigger per row. The indexes must hold exactly
// what the rows hold (FTS5's own integrity-check against the content tables) and answer every search
// as the indexes of a one-by-one ingest do; a database from before migration 50 is upgraded in place.
import assert from "node:assert/strict";
import { openDb, migrate, type Db } from "../../src/store/db";
import { MIGRATIONS } from "../../src/store/migrations";
import { deferFts, indexDeferred } from "../../src/store/fts";
import { ingestArticle, type Extractor } from "../../src/services/ingest";
import { ingestItemsSync } from "../../src/services/ingest-batch";
import { extract } from "../../src/nlp/pipeline";
import Database from "better-sqlite3";
import { FIXED_NOW } from "../fixtures/corpus";
import { harbourCorpus } from "./ingest-corpus";

const FTS = ["quotes_fts", "claims_fts", "sources_fts"] as const;

/** FTS5's check of each index against its content table: throws when they differ. */
function checkIndexes(db: Db): void {
  for (const t of FTS) db.prepare(`INSERT INTO ${t} (${t}, rank) VALUES ('integrity-check', 1)`).run();
}

/** Searches of each kind the search box makes (src/store/fts.ts): words, phrases, prefixes, OR, NOT. */
const SEARCHES: { fts: (typeof FTS)[number]; match: string }[] = [
  { fts: "quotes_fts", match: '"harbour"' },
  { fts: "quotes_fts", match: '"ferry fares"' },
  { fts: "quotes_fts", match: '"fer"*' },
  { fts: "quotes_fts", match: '"li"* AND "bridge"' },
  { fts: "quotes_fts", match: '("ferry") NOT "2020"' },
  { fts: "claims_fts", match: '"reportedly"' },
  { fts: "claims_fts", match: '"sched"*' },
  { fts: "sources_fts", match: '"eastport"' },
  { fts: "sources_fts", match: '"harbour board"' },
  { fts: "sources_fts", match: '"meet"* OR "pier"' },
  { fts: "sources_fts", match: '"nowhere-in-the-corpus"' },
];

function answers(db: Db): unknown[] {
  return SEARCHES.map((s) => db.prepare(`SELECT rowid, round(rank, 9) AS rank, highlight(${s.fts}, 0, '[', ']') AS marked FROM ${s.fts} WHERE ${s.fts} MATCH ? ORDER BY rank, rowid`).all(s.match));
}

const corpus = harbourCorpus(24);
const items = (articles: object[]) => articles.map((a, i) => ({ origin: `item ${i + 1}`, record: { ...a } }));

function serial(articles: object[], extractor?: Extractor): Db {
  const db = openDb(":memory:");
  for (const a of articles) {
    try {
      ingestArticle(db, a, { now: FIXED_NOW, extractor, regroup: false });
    } catch {
      // the batch path counts it as failed
    }
  }
  return db;
}

describe("store: search indexes after a bulk ingest", () => {
  const dbs: Db[] = [];
  const keep = (db: Db) => (dbs.push(db), db);
  afterEach(() => dbs.splice(0).forEach((d) => d.open && d.close()));

  // an article whose records the store rejects rolls back inside its batch (savepoint): its rows,
  // deferred for indexing, must not reach the index either
  const broken = { quotes: [{ ...extract(corpus[5]!.text).quotes[0]!, kind: "nonsense" }], claims: [], entities: [] };
  const rejecting: Extractor = { version: "x", extract: (t) => (t === corpus[5]!.text ? broken as never : extract(t)) };
  const cases: { name: string; batchSize: number; extractor?: Extractor }[] = [
    { name: "batches of 5", batchSize: 5 },
    { name: "batches of 1", batchSize: 1 },
    { name: "one batch", batchSize: 1000 },
    { name: "a rejected article in a batch of 4", batchSize: 4, extractor: rejecting },
  ];
  for (const c of cases) {
    it(`indexes what the rows hold and searches as a one-by-one ingest: ${c.name}`, () => {
      const db = keep(openDb(":memory:"));
      const s = ingestItemsSync(db, items(corpus), { now: FIXED_NOW, batchSize: c.batchSize, extractor: c.extractor });
      assert.equal(s.created, c.extractor ? corpus.length - 1 : corpus.length);
      checkIndexes(db);
      assert.deepEqual(db.prepare("SELECT * FROM fts_deferred").all(), []);
      const ref = keep(serial(corpus, c.extractor));
      assert.deepEqual(answers(db), answers(ref));
      // the searches find something (an empty answer on both sides would prove nothing), the last none
      const a = answers(db) as unknown[][];
      assert.ok(a.slice(0, -1).every((rows) => rows.length > 0));
      assert.equal(a.at(-1)!.length, 0);
    });
  }

  it("rows changed while indexing is deferred: old rows through their triggers, new rows once at the end", () => {
    const db = keep(openDb(":memory:"));
    ingestItemsSync(db, items(corpus.slice(0, 4)), { now: FIXED_NOW, batchSize: 4 });
    const oldIds = (db.prepare("SELECT id FROM quotes ORDER BY id LIMIT 2").all() as { id: number }[]).map((r) => r.id);
    db.transaction(() => {
      deferFts(db);
      db.prepare("UPDATE quotes SET text = 'an albatross overhead' WHERE id = ?").run(oldIds[0]);
      db.prepare("DELETE FROM quotes WHERE id = ?").run(oldIds[1]);
      const src = db.prepare("INSERT INTO sources (content_hash, text, title, created_at, extractor_version) VALUES ('h1', 'The zeppelin landed.', 'Zeppelin day', 'now', 'x')").run().lastInsertRowid;
      const q1 = db.prepare("INSERT INTO quotes (source_id, start, end, text, kind, speaker_kind, sieve, confidence) VALUES (?, 4, 12, 'zeppelin', 'direct', 'unknown', 't', 1)").run(src).lastInsertRowid;
      const q2 = db.prepare("INSERT INTO quotes (source_id, start, end, text, kind, speaker_kind, sieve, confidence) VALUES (?, 0, 3, 'walrus', 'direct', 'unknown', 't', 1)").run(src).lastInsertRowid;
      db.prepare("UPDATE quotes SET text = 'narwhal' WHERE id = ?").run(q1);
      db.prepare("DELETE FROM quotes WHERE id = ?").run(q2);
      indexDeferred(db);
    })();
    checkIndexes(db);
    const hits = (t: string, m: string) => (db.prepare(`SELECT rowid FROM ${t} WHERE ${t} MATCH ?`).all(m) as unknown[]).length;
    assert.deepEqual(
      [hits("quotes_fts", "albatross"), hits("quotes_fts", "narwhal"), hits("quotes_fts", "zeppelin"), hits("quotes_fts", "walrus"), hits("sources_fts", "zeppelin")],
      [1, 1, 0, 0, 1]);
  });

  it("can fail: rows inserted while deferred and never indexed are caught by the check", () => {
    const db = keep(openDb(":memory:"));
    ingestItemsSync(db, items(corpus.slice(0, 2)), { now: FIXED_NOW });
    db.transaction(() => {
      deferFts(db);
      db.prepare("INSERT INTO sources (content_hash, text, created_at, extractor_version) VALUES ('h2', 'Never indexed.', 'now', 'x')").run();
      db.prepare("DELETE FROM fts_deferred").run(); // the deferral ended without indexDeferred
    })();
    assert.throws(() => checkIndexes(db), /corrupt|malformed/i);
  });

  it("refuses to defer outside a transaction or twice", () => {
    const db = keep(openDb(":memory:"));
    assert.throws(() => deferFts(db), /inside a write transaction/);
    assert.throws(() => db.transaction(() => { deferFts(db); deferFts(db); })(), /deferred already/);
    assert.deepEqual(db.prepare("SELECT * FROM fts_deferred").all(), []);
  });

  it("upgrades a database from before migration 50: its indexes stay, and later bulk batches add to them", () => {
    const raw = new Database(":memory:");
    const db = keep(raw);
    migrate(db, MIGRATIONS.filter((m) => m.version < 50));
    db.pragma("foreign_keys = ON");
    assert.equal(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'fts_deferred'").pluck().get(), 0);
    for (const a of corpus.slice(0, 12)) ingestArticle(db, a, { now: FIXED_NOW, regroup: false });
    checkIndexes(db);
    const before = answers(db);
    assert.equal(migrate(db, MIGRATIONS), MIGRATIONS.filter((m) => m.version >= 50).length);
    checkIndexes(db);
    // the article-text index was rebuilt without its prefix indexes (migration 51): same answers
    assert.doesNotMatch(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'sources_fts'").pluck().get() as string, /prefix/);
    assert.match(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'quotes_fts'").pluck().get() as string, /prefix='2 3'/);
    assert.deepEqual(answers(db), before);
    ingestItemsSync(db, items(corpus), { now: FIXED_NOW, batchSize: 5, regroup: false });
    checkIndexes(db);
    const ref = keep(serial(corpus));
    assert.deepEqual(answers(db), answers(ref));
  });
});
