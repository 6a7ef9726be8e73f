// One pass for the count and the facets of a listing gives what a count and one query per facet give,
// for every filter of the table (and a limit cuts each facet's list).
import assert from "node:assert/strict";
import { openDb, type Db } from "../../src/store/db";
import { ingestArticle } from "../../src/services/ingest";
import { CLAIM_LISTING, QUOTE_LISTING, listingCount, listingCountAndFacets, listingFacet } from "../../src/store/listings";
import { ARTICLE_A, ARTICLE_B, FIXTURE_INGEST } from "../fixtures/corpus";
import { COMPARISON_ARTICLES } from "../fixtures/comparison";

const none = { person: null, source: null, kind: null, outlet: null, match: null, speakerNone: false, review: null };

describe("store: count and facets in one pass", () => {
  let db: Db;
  before(() => {
    db = openDb(":memory:");
    for (const a of [ARTICLE_A, ARTICLE_B, ...COMPARISON_ARTICLES]) ingestArticle(db, a, FIXTURE_INGEST);
    db.prepare("UPDATE quotes SET review_status = 'confirmed' WHERE id % 3 = 0").run();
  });
  after(() => db.close());

  const quoteFilters = [
    { name: "no filter", f: none },
    { name: "direct quotes", f: { ...none, kind: "direct" as const } },
    { name: "one source", f: { ...none, source: 2 } },
    { name: "an outlet with no rows", f: { ...none, outlet: "Nobody's Gazette" } },
    { name: "a search", f: { ...none, match: '"bridge"' } },
    { name: "confirmed", f: { ...none, review: "confirmed" as const } },
  ];
  const cols = ["kind", "outlet", "review_status"];
  for (const r of quoteFilters) {
    it(`quotes, ${r.name}`, () => {
      const one = listingCountAndFacets(db, QUOTE_LISTING, r.f, cols.map((col) => ({ col, limit: 10 })));
      assert.equal(one.total, listingCount(db, QUOTE_LISTING, r.f));
      for (const col of cols) assert.deepEqual(one.facets[col], listingFacet(db, QUOTE_LISTING, r.f, col, 10), col);
    });
  }
  it("claims, every reason", () => {
    const f = { reason: null, source: null, outlet: null, match: null, review: null };
    const one = listingCountAndFacets(db, CLAIM_LISTING, f, [{ col: "reason", limit: 20 }, { col: "outlet", limit: 10 }]);
    assert.equal(one.total, listingCount(db, CLAIM_LISTING, f));
    assert.deepEqual(one.facets.reason, listingFacet(db, CLAIM_LISTING, f, "reason", 20));
    assert.ok(one.facets.reason!.length > 1);
  });
  it("a limit of 1 keeps the most frequent value only (a negative row: not every value)", () => {
    const one = listingCountAndFacets(db, QUOTE_LISTING, none, [{ col: "outlet", limit: 1 }]);
    assert.equal(one.facets.outlet!.length, 1);
    assert.deepEqual(one.facets.outlet, listingFacet(db, QUOTE_LISTING, none, "outlet", 1));
    assert.ok(listingFacet(db, QUOTE_LISTING, none, "outlet", 10).length > 1);
  });
});
