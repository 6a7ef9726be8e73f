// Migration 65 (decision 026): counts kept by triggers, so that listings and the home page never count
// every statement. Each kept table must equal its GROUP BY over quotes after every kind of write:
// ingest, review verdicts, corrections (kind, speaker), merges and splits of people, re-extraction,
// an outlet renamed, a person or an article deleted; and a database from before is filled when upgraded.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDb, type Db } from "../../src/store/db";
import { ingestArticle, reextractStale, type Extractor } from "../../src/services/ingest";
import { mergePeople, splitAlias } from "../../src/services/review";
import { correctQuote, reviewQuote, undoQuote, type Actor } from "../../src/services/review-quotes";
import { ARTICLE_B, FIXED_NOW, FIXTURE_EXTRACTOR, FIXTURE_INGEST, comparisonDb } from "../fixtures/corpus";
import { COMPARISON_ARTICLES } from "../fixtures/comparison";
import { ingestItemsSync } from "../../src/services/ingest-batch";
import { harbourCorpus } from "./ingest-corpus";
import {
  PERSON_GROUP_LISTING, QUOTE_LISTING, keptQuoteCounts, listingCount, listingCountAndFacets, personGroupCount, type QuoteListFilter,
} from "../../src/store/listings";

const KEPT: { table: string; keys: string; truth: string }[] = [
  {
    table: "quote_facet_counts", keys: "kind, review_status, outlet",
    truth: "SELECT q.kind, q.review_status, s.outlet, count(*) AS n FROM quotes q JOIN sources s ON s.id = q.source_id GROUP BY 1, 2, 3",
  },
  { table: "source_quote_counts", keys: "source_id", truth: "SELECT source_id, count(*) AS n FROM quotes GROUP BY source_id" },
  {
    table: "person_quote_counts", keys: "person_id",
    truth: "SELECT person_id, count(*) AS n FROM quotes WHERE person_id IS NOT NULL AND review_status <> 'rejected' GROUP BY person_id",
  },
  {
    table: "person_source_counts", keys: "person_id, source_id",
    truth: `SELECT person_id, source_id, count(*) AS n FROM quotes WHERE person_id IS NOT NULL AND review_status <> 'rejected'
      GROUP BY person_id, source_id`,
  },
];

/** Throws unless every kept table holds exactly the counts of its GROUP BY. */
function assertKept(db: Db, step: string): void {
  for (const k of KEPT) {
    const kept = db.prepare(`SELECT ${k.keys}, n FROM ${k.table} ORDER BY ${k.keys}`).all();
    const truth = db.prepare(`SELECT * FROM (${k.truth}) ORDER BY ${k.keys}`).all();
    assert.deepEqual(kept, truth, `${k.table} after ${step}`);
  }
}

const ann: Actor = { reviewer: "Ann Editor", now: FIXED_NOW };
const personId = (db: Db, name: string): number => (db.prepare("SELECT id FROM people WHERE name = ?").get(name) as { id: number }).id;
const quoteIdOf = (db: Db, name: string): number =>
  (db.prepare("SELECT q.id FROM quotes q JOIN people p ON p.id = q.person_id WHERE p.name = ? ORDER BY q.id LIMIT 1").get(name) as { id: number }).id;
const total = (db: Db, table: string): number => (db.prepare(`SELECT coalesce(sum(n), 0) AS n FROM ${table}`).get() as { n: number }).n;

/** Each step is applied to the same database in turn; after each, every kept count must equal count(*). */
const STEPS: { name: string; run: (db: Db) => void }[] = [
  { name: "ingest", run: () => {} },
  { name: "a statement rejected", run: (db) => void reviewQuote(db, quoteIdOf(db, "Yuri Sokolov"), { action: "reject", reason: "duplicate" }, ann) },
  { name: "the rejection undone", run: (db) => void undoQuote(db, (db.prepare("SELECT quote_id FROM reviews ORDER BY id LIMIT 1").get() as { quote_id: number }).quote_id, {}, ann) },
  { name: "a statement confirmed", run: (db) => void reviewQuote(db, quoteIdOf(db, "Yury Sokolov"), { action: "confirm" }, ann) },
  { name: "a kind corrected", run: (db) => void correctQuote(db, quoteIdOf(db, "Yury Sokolov"), { kind: "indirect" }, ann) },
  {
    name: "a speaker set to another person",
    run: (db) => void correctQuote(db, quoteIdOf(db, "Yuri Sokolov"), { speaker_id: String(personId(db, "Yury Sokolov")) }, ann),
  },
  { name: "a speaker set to a new name", run: (db) => void correctQuote(db, quoteIdOf(db, "Yury Sokolov"), { speaker_name: "Ida Invented" }, ann) },
  { name: "two people merged", run: (db) => void mergePeople(db, personId(db, "Yuri Sokolov"), personId(db, "Yury Sokolov")) },
  { name: "a name split off", run: (db) => void splitAlias(db, personId(db, "Yuri Sokolov"), "Yury Sokolov") },
  {
    name: "re-extraction",
    run: (db) => {
      const ids = db.prepare("SELECT max(id) AS id FROM quotes").get();
      reextractStale(db, { ...FIXTURE_EXTRACTOR, version: "fixture-2" } as Extractor);
      assert.notDeepEqual(db.prepare("SELECT max(id) AS id FROM quotes").get(), ids, "the statements were stored again");
    },
  },
  { name: "a new article", run: (db) => void ingestArticle(db, ARTICLE_B, FIXTURE_INGEST) },
  {
    // counted together at each batch's end (the triggers leave a batch's own rows to it)
    name: "bulk batches",
    run: (db) => void ingestItemsSync(db, harbourCorpus(9).map((a, i) => ({ origin: `item ${i + 1}`, record: { ...a } })), { now: FIXED_NOW, batchSize: 4 }),
  },
  { name: "an outlet renamed", run: (db) => void db.prepare("UPDATE sources SET outlet = 'Renamed Times' WHERE id = 1").run() },
  {
    name: "a person deleted (their statements keep no person)",
    run: (db) => void db.prepare("DELETE FROM people WHERE id = (SELECT person_id FROM person_quote_counts ORDER BY n DESC, person_id LIMIT 1)").run(),
  },
  {
    name: "an article deleted",
    run: (db) => void db.prepare("DELETE FROM sources WHERE id = (SELECT max(id) FROM sources WHERE id NOT IN (SELECT source_id FROM reviews))").run(),
  },
];

describe("store: kept counts (migration 65)", () => {
  let db: Db;
  before(() => (db = comparisonDb()));
  after(() => db.close());

  it("the corpus has statements of several people, kinds and outlets to count", () => {
    assert.ok(total(db, "quote_facet_counts") >= 5);
    assert.ok((db.prepare("SELECT count(*) AS n FROM person_quote_counts").get() as { n: number }).n >= 2);
    assert.ok((db.prepare("SELECT count(DISTINCT outlet) AS n FROM quote_facet_counts").get() as { n: number }).n >= 2);
  });

  for (const step of STEPS) {
    it(`equal count(*) after ${step.name}`, () => {
      const before = KEPT.map((k) => db.prepare(`SELECT ${k.keys}, n FROM ${k.table} ORDER BY ${k.keys}`).all());
      step.run(db);
      assertKept(db, step.name);
      // every step but these changes some count: the step is a real write, not a no-op (re-extraction
      // stores the same statements again under new ids)
      if (step.name !== "ingest" && step.name !== "re-extraction") assert.notDeepEqual(KEPT.map((k) => db.prepare(`SELECT ${k.keys}, n FROM ${k.table} ORDER BY ${k.keys}`).all()), before, `${step.name} changed no count`);
    });
  }

  // negative rows: a count changed behind the triggers' back, or a statement written with the triggers
  // gone, is caught by the check the steps above rely on
  const BREAKS: { name: string; sql: string }[] = [
    { name: "a person's count one too high", sql: "UPDATE person_quote_counts SET n = n + 1 WHERE rowid = (SELECT min(rowid) FROM person_quote_counts)" },
    { name: "a facet row lost", sql: "DELETE FROM quote_facet_counts WHERE n = (SELECT max(n) FROM quote_facet_counts)" },
    { name: "a zero left behind", sql: "INSERT INTO source_quote_counts (source_id, n) VALUES (999999, 0)" },
    { name: "a statement moved with the triggers gone", sql: "DROP TRIGGER quotes_counts_update_person; UPDATE quotes SET person_id = NULL WHERE id = (SELECT min(id) FROM quotes WHERE person_id IS NOT NULL AND review_status <> 'rejected')" },
  ];
  for (const b of BREAKS) {
    it(`catches ${b.name}`, () => {
      const broken = comparisonDb();
      try {
        assertKept(broken, "ingest");
        broken.exec(b.sql);
        assert.throws(() => assertKept(broken, b.name), assert.AssertionError);
      } finally {
        broken.close();
      }
    });
  }

  it("a database from before is filled when it is upgraded", () => {
    const dir = mkdtempSync(join(tmpdir(), "whosaid-m65-"));
    try {
      const file = join(dir, "old.db");
      // the corpus stored, then the database put back as it was before migration 65
      const old = openDb(file);
      for (const a of COMPARISON_ARTICLES) ingestArticle(old, a, FIXTURE_INGEST);
      reviewQuote(old, quoteIdOf(old, "Yuri Sokolov"), { action: "reject", reason: "duplicate" }, ann);
      const m65 = old.prepare("SELECT type, name FROM sqlite_master WHERE sql LIKE '%quote_facet_counts%' OR sql LIKE '%person_quote_counts%' OR sql LIKE '%_counts_%' OR name LIKE '%_counts%'").all() as { type: string; name: string }[];
      for (const o of m65.filter((x) => x.type === "trigger")) old.exec(`DROP TRIGGER ${o.name}`);
      for (const o of m65.filter((x) => x.type === "table")) old.exec(`DROP TABLE ${o.name}`);
      old.prepare("DELETE FROM schema_migrations WHERE version = 65").run();
      assert.equal((old.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'quote_facet_counts'").get() as { n: number }).n, 0);
      old.close();
      const db2 = openDb(file);
      try {
        assertKept(db2, "the upgrade");
        assert.ok(total(db2, "source_quote_counts") > 0);
      } finally {
        db2.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // /quotes reads its total and facets from the kept counts when it can: the same figures as counting
  // the rows, for every filter it answers; the filters it cannot answer (null) are counted as before
  const NONE: QuoteListFilter = { person: null, source: null, kind: null, outlet: null, match: null, speakerNone: false, review: null };
  const FILTERS: { name: string; f: Partial<QuoteListFilter>; kept: boolean }[] = [
    { name: "no filter", f: {}, kept: true },
    { name: "a kind", f: { kind: "direct" }, kept: true },
    { name: "an outlet", f: { outlet: "Renamed Times" }, kept: true },
    { name: "an outlet with no statements", f: { outlet: "Nowhere Weekly" }, kept: true },
    { name: "confirmed", f: { review: "confirmed" }, kept: true },
    { name: "rejected, of a kind", f: { review: "rejected", kind: "indirect" }, kept: true },
    { name: "a person", f: { person: 1 }, kept: false },
    { name: "a source", f: { source: 1 }, kept: false },
    { name: "a search", f: { match: '"closure"' }, kept: false },
    { name: "no speaker", f: { speakerNone: true }, kept: false },
    { name: "unreviewed (reads the reviews)", f: { review: "unreviewed" }, kept: false },
    { name: "corrected", f: { review: "corrected" }, kept: false },
  ];
  const cols = [{ col: "kind", limit: 10 }, { col: "outlet", limit: 10 }, { col: "review_status", limit: 10 }];
  for (const c of FILTERS) {
    it(`/quotes counts with ${c.name}: ${c.kept ? "kept, equal to counting the rows" : "counted"}`, () => {
      const f = { ...NONE, ...c.f };
      const kept = keptQuoteCounts(db, f, cols);
      if (!c.kept) return assert.equal(kept, null);
      assert.deepEqual(kept, listingCountAndFacets(db, QUOTE_LISTING, f, cols));
    });
  }
  it("the counts compared are not all empty", () => {
    assert.ok(keptQuoteCounts(db, NONE, cols)!.total > 0);
    assert.ok(keptQuoteCounts(db, NONE, cols)!.facets.outlet!.length >= 2);
  });

  it("a person's group count equals counting the person's group listing, for every person (0 for one with none)", () => {
    const ids = (db.prepare("SELECT id FROM people ORDER BY id").all() as { id: number }[]).map((r) => r.id);
    const counts = ids.map((id) => [personGroupCount(db, id), listingCount(db, PERSON_GROUP_LISTING, { person: id })]);
    for (const [kept, listed] of counts) assert.equal(kept, listed);
    assert.ok(counts.some(([n]) => n! > 1));
    assert.equal(personGroupCount(db, 999999), 0);
  });
});
