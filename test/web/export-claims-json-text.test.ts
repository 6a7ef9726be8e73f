// The JSON export of /claims builds each row's JSON text from a `.raw()` row (decision 029), as
// /quotes.json does (decision 026): the text must be exactly JSON.stringify(claimItem(row)), key order
// included, for every row and filter (markup, a named nearest source and none, a review with a note),
// and the columns it cannot serve that way fall back to claimItem.
import assert from "node:assert/strict";
import request from "supertest";
import { createApp } from "../../src/app";
import type { Db } from "../../src/store/db";
import { CLAIM_LISTING, listingColumns, listingRows, listingValues, type ClaimListFilter } from "../../src/store/listings";
import { claimItem, claimItemJson } from "../../src/web/pages";
import { reviewClaim } from "../../src/services/review-quotes";
import { FIXED_NOW, FIXTURE_INGEST, fixtureDb } from "../fixtures/corpus";

const NONE: ClaimListFilter = { reason: null, source: null, outlet: null, match: null, review: null };
const noWait = async () => {};

async function both(db: Db, f: ClaimListFilter, sort = "source"): Promise<{ objects: string[]; texts: string[] }> {
  const objects: string[] = [];
  await listingRows(db, CLAIM_LISTING, f, sort, (row: object) => objects.push(JSON.stringify(claimItem(row as never))) > 0, noWait, () => false);
  const columns = listingColumns(db, CLAIM_LISTING, f);
  const text = claimItemJson(columns)!;
  assert.ok(text, "the export's columns are served as texts");
  const texts: string[] = [];
  await listingValues(db, CLAIM_LISTING, f, sort, columns, (v) => texts.push(text(v)) > 0, noWait, () => false);
  return { objects, texts };
}

describe("web: the claims JSON export from raw rows", () => {
  let db: Db;
  let reason: string;
  before(() => {
    db = fixtureDb({ xss: true });
    const first = db.prepare("SELECT id, reason FROM claims ORDER BY id LIMIT 1").get() as { id: number; reason: string };
    reason = first.reason;
    // a named nearest source (decision 007), in text an invented extraction could give, with markup
    db.prepare("UPDATE claims SET explanation = explanation || ' Named nearby, in the same sentence: Ida <i>Invented</i>.' WHERE id = (SELECT max(id) FROM claims)").run();
    reviewClaim(db, first.id, { action: "confirm", note: "a <b> & \"note\"" }, { reviewer: "Ann Editor", now: FIXED_NOW });
  });
  after(() => db.close());

  const FILTERS: { name: string; f: () => Partial<ClaimListFilter>; sort?: string }[] = [
    { name: "every claim", f: () => ({}) },
    { name: "newest first", f: () => ({}), sort: "-id" },
    { name: "one reason", f: () => ({ reason }) },
    { name: "reviewed", f: () => ({ review: "reviewed" }) },
    { name: "one source", f: () => ({ source: 1 }) },
  ];
  for (const c of FILTERS) {
    it(`${c.name}: each row's text equals JSON.stringify(claimItem(row))`, async () => {
      const { objects, texts } = await both(db, { ...NONE, ...c.f() }, c.sort);
      assert.ok(objects.length > 0);
      assert.deepEqual(texts, objects);
    });
  }

  it("the rows compared hold a review with a note, and claims with and without a nearest source", async () => {
    const { texts } = await both(db, NONE);
    assert.ok(texts.some((t) => t.includes('"reviewer":"Ann Editor"')));
    assert.ok(texts.some((t) => t.includes('"nearest_source":null')));
    assert.ok(texts.some((t) => t.includes('"nearest_source":{')), "a claim with a named nearest source");
  });

  const REFUSED: { name: string; columns: string[] }[] = [
    { name: "a column twice", columns: ["id", "source_id", "source_title", "outlet", "explanation", "id"] },
    { name: "highlights", columns: ["id", "source_id", "source_title", "outlet", "explanation", "text_marked"] },
    { name: "no explanation", columns: ["id", "source_id", "source_title", "outlet"] },
  ];
  for (const c of REFUSED) it(`refuses ${c.name}`, () => assert.equal(claimItemJson(c.columns), null));

  it("/claims.json?_all=1 holds those texts, escaped as res.json escapes", async () => {
    const res = await request(createApp({ db, ingest: FIXTURE_INGEST })).get("/claims.json?_all=1").expect(200);
    const { objects } = await both(db, NONE);
    const escaped = objects.map((o) => o.replace(/[<>&]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`));
    assert.ok(res.text.endsWith(`"claims":[${escaped.join(",")}]}`));
    assert.equal(res.body.total, objects.length);
  });
});
