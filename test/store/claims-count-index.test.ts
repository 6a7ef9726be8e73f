// Migration 72: /claims counts its total and facets from claims (reason, review_status, source_id)
// without reading a claim row; the counts equal those of a database without the index, and a page
// (which shows each claim's text) still reads the rows: the negative row.
import assert from "node:assert/strict";
import type { Db } from "../../src/store/db";
import { MIGRATIONS } from "../../src/store/migrations";
import { CLAIM_LISTING, listingCountAndFacets, type ClaimListFilter } from "../../src/store/listings";
import { outletCorpus as corpus, plan } from "../fixtures/outlets";

const ALL: ClaimListFilter = { reason: null, source: null, outlet: null, match: null, review: null };
const ROWS: { name: string; f: ClaimListFilter; mode: "count" | "page" }[] = [
  { name: "every claim", f: ALL, mode: "count" },
  { name: "one reason", f: { ...ALL, reason: "weasel" }, mode: "count" },
  { name: "one review state", f: { ...ALL, review: "unreviewed" }, mode: "count" },
  { name: "one outlet", f: { ...ALL, outlet: "Outlet One" }, mode: "count" },
  { name: "a page (negative: reads the rows)", f: ALL, mode: "page" },
];

describe("store: migration 72, claim counts from an index", () => {
  let db: Db;
  let old: Db;
  before(() => { db = corpus(); old = corpus(MIGRATIONS.filter((m) => m.version < 72)); });
  after(() => { db.close(); old.close(); });

  it("the corpus has claims of more than one reason", () => {
    assert.ok((db.prepare("SELECT count(DISTINCT reason) AS n FROM claims").get() as { n: number }).n > 1);
  });
  for (const r of ROWS) {
    it(`${r.name}: ${r.mode === "count" ? "reads the covering index, the same counts" : "reads the rows"}`, () => {
      const detail = plan(db, CLAIM_LISTING.base(r.f, r.mode), CLAIM_LISTING.params(r.f));
      assert.equal(/COVERING INDEX claims_reason_status_source/.test(detail), r.mode === "count", detail);
      if (r.mode !== "count") return;
      const cols = ["reason", "review_status", "outlet"].map((col) => ({ col, limit: 20 }));
      const got = listingCountAndFacets(db, CLAIM_LISTING, r.f, cols);
      const want = listingCountAndFacets(old, CLAIM_LISTING, r.f, cols);
      assert.deepEqual(got, want);
    });
  }
});
