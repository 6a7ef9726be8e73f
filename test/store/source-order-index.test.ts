// Migration 67 (decision 026): statements in article order (source_id, start, end DESC, id) come from
// one index, so a keyset run of /quotes or its exports reads in index order with no sort. A database
// from before is upgraded: the old (source_id, start) index goes, the answers stay.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDb, type Db } from "../../src/store/db";
import { MIGRATIONS } from "../../src/store/migrations";
import { ingestArticle } from "../../src/services/ingest";
import { COMPARISON_ARTICLES } from "../fixtures/comparison";
import { FIXTURE_INGEST } from "../fixtures/corpus";
import { QUOTE_LISTING, listingPage, type QuoteListFilter } from "../../src/store/listings";

const indexes = (db: Db): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'quotes' AND sql IS NOT NULL ORDER BY name").all() as { name: string }[]).map((r) => r.name);
const plan = (db: Db, sql: string): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join("; ");

const NONE: QuoteListFilter = { person: null, source: null, kind: null, outlet: null, match: null, speakerNone: false, review: null };
/** every statement, pages of 2, in article order: their ids */
function articleOrder(db: Db): number[] {
  const ids: number[] = [];
  let after: (string | number)[] | null = null;
  do {
    const page: { rows: { id: number }[]; next: (string | number)[] | null } = listingPage(db, QUOTE_LISTING, NONE, { sort: "source", size: 2, after });
    ids.push(...page.rows.map((r) => r.id));
    after = page.next;
  } while (after);
  return ids;
}

// rows of (query, whether it must sort): the article order needs no sort, a sort the index does not
// give (by confidence) still does, so the check can tell the two apart
const PLANS: { name: string; sql: string; sorts: boolean }[] = [
  { name: "article order", sql: "SELECT id FROM quotes ORDER BY source_id, start, end DESC, id", sorts: false },
  { name: "article order after a key", sql: "SELECT id FROM quotes WHERE source_id >= 1 AND (source_id > 1 OR (source_id = 1 AND start > 3)) ORDER BY source_id, start, end DESC, id LIMIT 5", sorts: false },
  { name: "least confident first", sql: "SELECT id FROM quotes ORDER BY confidence, id", sorts: true },
  { name: "end ascending", sql: "SELECT id FROM quotes ORDER BY source_id, start, end, id", sorts: true },
];

describe("store: migration 67, statements in article order from one index", () => {
  for (const p of PLANS) {
    it(`${p.name}: ${p.sorts ? "sorts" : "reads the index in order"}`, () => {
      const db = openDb(":memory:");
      try {
        const detail = plan(db, p.sql);
        assert.equal(/TEMP B-TREE/.test(detail), p.sorts, detail);
        if (!p.sorts) assert.match(detail, /quotes_source_span/);
      } finally {
        db.close();
      }
    });
  }

  it("upgrades a database from before: the old index goes, the article order stays", () => {
    const dir = mkdtempSync(join(tmpdir(), "whosaid-m67-"));
    try {
      const file = join(dir, "old.db");
      const old = openDb(file, MIGRATIONS.filter((m) => m.version < 67));
      for (const a of COMPARISON_ARTICLES) ingestArticle(old, a, FIXTURE_INGEST);
      assert.ok(indexes(old).includes("quotes_source"));
      const before = articleOrder(old);
      assert.ok(before.length >= 5);
      old.close();
      const db = openDb(file);
      try {
        assert.ok(indexes(db).includes("quotes_source_span"));
        assert.ok(!indexes(db).includes("quotes_source"), "the prefix index goes");
        assert.deepEqual(articleOrder(db), before);
      } finally {
        db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
