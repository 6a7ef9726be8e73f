// The JSON export of /quotes builds each row's JSON text from a `.raw()` row (decision 026): the text
// must be exactly JSON.stringify(quoteItem(row)), key order included, for every row (markup, quote
// marks, no person, a review), and the listings it cannot serve that way fall back to quoteItem.
import assert from "node:assert/strict";
import request from "supertest";
import { createApp } from "../../src/app";
import type { Db } from "../../src/store/db";
import { QUOTE_LISTING, listingColumns, listingRows, listingValues, type QuoteListFilter } from "../../src/store/listings";
import { quoteItem, quoteItemJson } from "../../src/web/pages";
import { reviewQuote } from "../../src/services/review-quotes";
import { FIXED_NOW, FIXTURE_INGEST, fixtureDb } from "../fixtures/corpus";

const NONE: QuoteListFilter = { person: null, source: null, kind: null, outlet: null, match: null, speakerNone: false, review: null };
const noWait = async () => {};

async function both(db: Db, f: QuoteListFilter): Promise<{ objects: string[]; texts: string[] }> {
  const objects: string[] = [];
  await listingRows(db, QUOTE_LISTING, f, "source", (row: object) => objects.push(JSON.stringify(quoteItem(row as never))) > 0, noWait, () => false);
  const columns = listingColumns(db, QUOTE_LISTING, f);
  const text = quoteItemJson(columns)!;
  const texts: string[] = [];
  await listingValues(db, QUOTE_LISTING, f, "source", columns, (v) => texts.push(text(v)) > 0, noWait, () => false);
  return { objects, texts };
}

describe("web: the quotes JSON export from raw rows", () => {
  let db: Db;
  before(() => {
    db = fixtureDb({ xss: true });
    reviewQuote(db, 2, { action: "reject", reason: "duplicate", note: "a <b> & \"note\"" }, { reviewer: "Ann Editor", now: FIXED_NOW });
  });
  after(() => db.close());

  const FILTERS: { name: string; f: Partial<QuoteListFilter> }[] = [
    { name: "every statement", f: {} },
    { name: "one kind", f: { kind: "direct" } },
    { name: "rejected", f: { review: "rejected" } },
    { name: "a search (rank, no highlight in rows)", f: { match: '"bridge"' } },
  ];
  for (const c of FILTERS) {
    it(`${c.name}: each row's text equals JSON.stringify(quoteItem(row))`, async () => {
      const { objects, texts } = await both(db, { ...NONE, ...c.f });
      assert.ok(objects.length > 0);
      assert.deepEqual(texts, objects);
    });
  }

  it("the rows compared hold markup, a statement without a person and a review", async () => {
    const { texts } = await both(db, NONE);
    assert.ok(texts.some((t) => t.includes("<img")));
    assert.ok(texts.some((t) => t.includes('"person_href":null')));
    assert.ok(texts.some((t) => t.includes('"reviewer":"Ann Editor"')));
  });

  // negative rows: columns it cannot turn into the same text
  const REFUSED: { name: string; columns: string[] }[] = [
    { name: "a column twice", columns: ["id", "source_id", "source_title", "outlet", "person_id", "id"] },
    { name: "highlights", columns: ["id", "source_id", "source_title", "outlet", "person_id", "text_marked"] },
    { name: "no source title", columns: ["id", "source_id", "outlet", "person_id"] },
  ];
  for (const c of REFUSED) it(`refuses ${c.name}`, () => assert.equal(quoteItemJson(c.columns), null));

  it("/quotes.json?_all=1 holds those texts, escaped as res.json escapes", async () => {
    const res = await request(createApp({ db, ingest: FIXTURE_INGEST })).get("/quotes.json?_all=1").expect(200);
    const { objects } = await both(db, NONE);
    const escaped = objects.map((o) => o.replace(/[<>&]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`));
    assert.ok(res.text.endsWith(`"quotes":[${escaped.join(",")}]}`));
    assert.equal(res.body.total, objects.length);
  });
});
