// Migration 82 (decision 029): claims counted by reason, review state and outlet, kept by triggers, so
// /claims never counts every claim. The table must equal its GROUP BY after every kind of write
// (ingest, verdicts and their undo, re-extraction, a new article, bulk batches, an outlet renamed,
// an article deleted), a database from before is filled when upgraded, and /claims' total and facets
// from it equal counting the rows for every filter it answers.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDb, type Db } from "../../src/store/db";
import { ingestArticle, reextractStale, type Extractor } from "../../src/services/ingest";
import { reviewClaim, type Actor } from "../../src/services/review-quotes";
import { ingestItemsSync } from "../../src/services/ingest-batch";
import { CLAIM_LISTING, keptClaimCounts, listingCountAndFacets, type ClaimListFilter } from "../../src/store/listings";
import { ARTICLE_A, ARTICLE_B, FIXED_NOW, FIXTURE_EXTRACTOR, FIXTURE_INGEST, fixtureDb } from "../fixtures/corpus";
import { harbourCorpus } from "./ingest-corpus";

const TRUTH = `SELECT c.reason, c.review_status, s.outlet, count(*) AS n FROM claims c JOIN sources s ON s.id = c.source_id
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
const kept = (db: Db) => db.prepare("SELECT reason, review_status, outlet, n FROM claim_facet_counts ORDER BY 1, 2, 3").all();
function assertKept(db: Db, step: string): void {
  assert.deepEqual(kept(db), db.prepare(TRUTH).all(), `claim_facet_counts after ${step}`);
}

const ann: Actor = { reviewer: "Ann Editor", now: FIXED_NOW };
const firstClaim = (db: Db): number => (db.prepare("SELECT min(id) AS id FROM claims").get() as { id: number }).id;
const lastClaim = (db: Db): number => (db.prepare("SELECT max(id) AS id FROM claims").get() as { id: number }).id;

const STEPS: { name: string; run: (db: Db) => void; changes?: false }[] = [
  { name: "ingest", run: () => {}, changes: false },
  { name: "a claim confirmed", run: (db) => void reviewClaim(db, firstClaim(db), { action: "confirm" }, ann) },
  { name: "a claim dismissed", run: (db) => void reviewClaim(db, lastClaim(db), { action: "dismiss" }, ann) },
  { name: "the dismissal undone", run: (db) => void reviewClaim(db, lastClaim(db), { action: "undo" }, ann) },
  { name: "re-extraction", run: (db) => void reextractStale(db, { ...FIXTURE_EXTRACTOR, version: "fixture-2" } as Extractor), changes: false },
  { name: "a new article (one by one)", run: (db) => void ingestArticle(db, { ...harbourCorpus(12)[11]!, outlet: "Harbour Post" }, { now: FIXED_NOW }) },
  {
    name: "bulk batches (counted at each batch's end)",
    run: (db) => void ingestItemsSync(db, harbourCorpus(9).map((a, i) => ({ origin: `item ${i + 1}`, record: { ...a } })), { now: FIXED_NOW, batchSize: 4 }),
  },
  { name: "an outlet renamed", run: (db) => void db.prepare("UPDATE sources SET outlet = 'Renamed Times' WHERE id = (SELECT source_id FROM claims ORDER BY id LIMIT 1)").run() },
  { name: "a reason changed", run: (db) => void db.prepare("UPDATE claims SET reason = 'invented reason' WHERE id = (SELECT max(id) FROM claims)").run() },
  {
    name: "an article deleted",
    run: (db) => void db.prepare("DELETE FROM sources WHERE id = (SELECT max(source_id) FROM claims WHERE source_id NOT IN (SELECT source_id FROM reviews))").run(),
  },
];

describe("store: kept claim counts (migration 82)", () => {
  let db: Db;
  before(() => (db = fixtureDb()));
  after(() => db.close());

  it("the corpus has claims of several reasons to count", () => {
    assert.ok((db.prepare("SELECT count(DISTINCT reason) AS n FROM claims").get() as { n: number }).n >= 2);
  });

  for (const step of STEPS) {
    it(`equal count(*) after ${step.name}`, () => {
      const before = kept(db);
      step.run(db);
      assertKept(db, step.name);
      if (step.changes !== false) assert.notDeepEqual(kept(db), before, `${step.name} changed no count`);
    });
  }

  const BREAKS: { name: string; sql: string }[] = [
    { name: "a count one too high", sql: "UPDATE claim_facet_counts SET n = n + 1 WHERE reason = (SELECT min(reason) FROM claim_facet_counts)" },
    { name: "a row lost", sql: "DELETE FROM claim_facet_counts WHERE n = (SELECT max(n) FROM claim_facet_counts)" },
    { name: "a zero left behind", sql: "INSERT INTO claim_facet_counts (reason, review_status, outlet, n) VALUES ('x', 'unreviewed', 'y', 0)" },
    { name: "a verdict with the trigger gone", sql: "DROP TRIGGER claims_counts_update; UPDATE claims SET review_status = 'confirmed' WHERE id = (SELECT min(id) FROM claims)" },
  ];
  for (const b of BREAKS) {
    it(`catches ${b.name}`, () => {
      const broken = fixtureDb();
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
    const dir = mkdtempSync(join(tmpdir(), "whosaid-m82-"));
    try {
      const file = join(dir, "old.db");
      const old = openDb(file);
      for (const a of [ARTICLE_A, ARTICLE_B]) ingestArticle(old, a, FIXTURE_INGEST);
      reviewClaim(old, firstClaim(old), { action: "confirm" }, ann);
      for (const t of ["claims_counts_insert", "claims_counts_delete", "claims_counts_update", "sources_claim_counts_outlet", "sources_claim_counts_delete"]) old.exec(`DROP TRIGGER ${t}`);
      old.exec("DROP TABLE claim_facet_counts");
      old.prepare("DELETE FROM schema_migrations WHERE version = 82").run();
      old.close();
      const db2 = openDb(file);
      try {
        assertKept(db2, "the upgrade");
        assert.ok(kept(db2).length > 0);
      } finally {
        db2.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const NONE: ClaimListFilter = { reason: null, source: null, outlet: null, match: null, review: null };
  const cols = [{ col: "reason", limit: 20 }, { col: "outlet", limit: 10 }, { col: "review_status", limit: 10 }];
  const FILTERS: { name: string; f: (db: Db) => Partial<ClaimListFilter>; kept: boolean }[] = [
    { name: "no filter", f: () => ({}), kept: true },
    { name: "a reason", f: (db) => ({ reason: (db.prepare("SELECT reason FROM claims LIMIT 1").get() as { reason: string }).reason }), kept: true },
    { name: "an outlet", f: () => ({ outlet: "Renamed Times" }), kept: true },
    { name: "an outlet with no claims", f: () => ({ outlet: "Nowhere Weekly" }), kept: true },
    { name: "confirmed", f: () => ({ review: "confirmed" }), kept: true },
    { name: "reviewed", f: () => ({ review: "reviewed" }), kept: true },
    { name: "unreviewed", f: () => ({ review: "unreviewed" }), kept: true },
    { name: "a source", f: () => ({ source: 1 }), kept: false },
    { name: "a search", f: () => ({ match: '"closure"' }), kept: false },
  ];
  for (const c of FILTERS) {
    it(`/claims counts with ${c.name}: ${c.kept ? "kept, equal to counting the rows" : "counted"}`, () => {
      const f = { ...NONE, ...c.f(db) };
      const k = keptClaimCounts(db, f, cols);
      if (!c.kept) return assert.equal(k, null);
      assert.deepEqual(k, listingCountAndFacets(db, CLAIM_LISTING, f, cols));
    });
  }
  it("the counts compared are not all empty", () => {
    const k = keptClaimCounts(db, NONE, cols)!;
    assert.ok(k.total > 0);
    assert.ok(k.facets.reason!.length >= 2);
    assert.ok(k.facets.review_status!.length >= 2);
  });
});
