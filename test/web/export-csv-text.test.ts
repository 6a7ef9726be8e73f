// /quotes.csv writes each record from two texts joined in SQL around the confidence (decision 026,
// migrations 66 and 68): the bytes must be exactly csv.ts's record of the row's values (toCsv of
// QUOTE_CSV_COLUMNS) for every row and filter: formula starts, commas, quote marks and line breaks in
// a title, an outlet, a reviewer and a note, a review without a reason, a statement without a person,
// a group's label, with the cells stored or missing; and after an article's title or outlet changes.
import assert from "node:assert/strict";
import request from "supertest";
import { createApp } from "../../src/app";
import type { Db } from "../../src/store/db";
import { QUOTE_LISTING, listingRows, listingValues, type QuoteListFilter } from "../../src/store/listings";
import { QUOTE_CSV_COLUMNS, QUOTE_CSV_READ } from "../../src/web/pages";
import { csvCell, csvHeader, csvRecordWithVerbatim, toCsv } from "../../src/web/csv";
import { reviewQuote } from "../../src/services/review-quotes";
import { FIXED_NOW, FIXTURE_INGEST, fixtureDb } from "../fixtures/corpus";

const NONE: QuoteListFilter = { person: null, source: null, kind: null, outlet: null, match: null, speakerNone: false, review: null };
const noWait = async () => {};
function binary(res: request.Response, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on("data", (c: Buffer) => chunks.push(c));
  stream.on("end", () => cb(null, Buffer.concat(chunks)));
}

/** csv.ts's file of the listing's row objects, and the file the export's raw texts make. */
async function both(db: Db, f: QuoteListFilter): Promise<{ reference: string; joined: string; rows: number }> {
  const objects: Record<string, unknown>[] = [];
  await listingRows(db, QUOTE_LISTING, f, "source", (row: object) => objects.push(row as Record<string, unknown>) > 0, noWait, () => false);
  const record = csvRecordWithVerbatim(QUOTE_CSV_READ.columns.length, QUOTE_CSV_READ.verbatim);
  let joined = csvHeader(QUOTE_CSV_COLUMNS);
  await listingValues(db, QUOTE_LISTING, f, "source", QUOTE_CSV_READ.columns, (v) => (joined += record(v)) !== "", noWait, () => false, "csv");
  return { reference: toCsv(QUOTE_CSV_COLUMNS as unknown as (keyof Record<string, unknown> & string)[], objects), joined, rows: objects.length };
}

// invented hostile values, each a case of csv.ts's rules
const TITLE = '=HYPERLINK("x"), a "title"\r\nover two lines';
const OUTLET = "@Coast, \"Courier\"";

describe("web: the quotes CSV export from texts joined in SQL", () => {
  let db: Db;
  before(() => {
    db = fixtureDb({ xss: true });
    db.prepare("UPDATE sources SET title = ?, outlet = ? WHERE id = 1").run(TITLE, OUTLET);
    reviewQuote(db, 2, { action: "reject", reason: "duplicate", note: "-a note, \"quoted\"\nover lines" }, { reviewer: "+Ann, Editor", now: FIXED_NOW });
    reviewQuote(db, 3, { action: "confirm" }, { reviewer: "Bo Reader", now: FIXED_NOW });
  });
  after(() => db.close());

  const FILTERS: { name: string; f: Partial<QuoteListFilter> }[] = [
    { name: "every statement", f: {} },
    { name: "one kind", f: { kind: "direct" } },
    { name: "rejected", f: { review: "rejected" } },
    { name: "one source", f: { source: 1 } },
    { name: "a search", f: { match: '"bridge"' } },
  ];
  for (const c of FILTERS) {
    it(`${c.name}: the records equal csv.ts's of the row values`, async () => {
      const { reference, joined, rows } = await both(db, { ...NONE, ...c.f });
      assert.ok(rows > 0);
      assert.equal(joined, reference);
    });
  }

  it("the rows compared hold the hostile title, outlet, reviewer and note, and a statement without a person", async () => {
    const { joined } = await both(db, NONE);
    for (const v of [TITLE, OUTLET, "+Ann, Editor", "-a note, \"quoted\"\nover lines", "duplicate"]) assert.ok(joined.includes(csvCell(v)), v);
    assert.match(joined, /,confirmed,Bo Reader,0,,\r\n/);
    assert.match(joined, /,unreviewed,,0,,\r\n/);
  });

  it("follows an article's title and outlet changed, and is the same with the cells missing", async () => {
    db.prepare("UPDATE sources SET title = 'Plain title', outlet = '-Minus outlet' WHERE id = 1").run();
    const changed = await both(db, NONE);
    assert.equal(changed.joined, changed.reference);
    assert.ok(changed.joined.includes("'-Minus outlet"));
    db.prepare("DELETE FROM source_csv_cells WHERE source_id % 2 = 1").run();
    db.prepare("DELETE FROM quote_csv_cells WHERE quote_id % 2 = 0").run();
    const missing = await both(db, NONE);
    assert.equal(missing.joined, changed.joined);
    db.prepare("UPDATE sources SET title = ?, outlet = ? WHERE id = 1").run(TITLE, OUTLET);
  });

  it("/quotes.csv is that file, byte for byte", async () => {
    const res = await request(createApp({ db, ingest: FIXTURE_INGEST })).get("/quotes.csv").buffer(true).parse(binary).expect(200);
    const { reference } = await both(db, NONE);
    assert.equal((res.body as Buffer).toString("utf8"), reference);
  });

  it("every group label and review status the schema allows is written as it is (the SQL does not escape them)", () => {
    const schema = (db.prepare("SELECT group_concat(sql, ' ') AS s FROM sqlite_master WHERE name IN ('statement_groups', 'quotes')").get() as { s: string }).s;
    const words = [...schema.matchAll(/(?:label|review_status)\s+TEXT[^(]*CHECK \((?:label|review_status) IN \(([^)]*)\)/g)].flatMap((m) => [...m[1]!.matchAll(/'([^']*)'/g)].map((w) => w[1]!));
    assert.ok(words.includes("one source only") && words.includes("needs-check"), words.join("|"));
    for (const w of words) assert.equal(csvCell(w), w);
  });

  // negative rows: the comparison catches a wrong stored cell, of a statement and of an article
  for (const b of ["UPDATE quote_csv_cells SET cells = cells || ' ' WHERE quote_id = 1", "UPDATE source_csv_cells SET cells = 'x,y' WHERE source_id = 1"]) {
    it(`catches: ${b}`, async () => {
      const broken = fixtureDb();
      try {
        const ok = await both(broken, NONE);
        assert.equal(ok.joined, ok.reference);
        broken.exec(b);
        const bad = await both(broken, NONE);
        assert.notEqual(bad.joined, bad.reference);
      } finally {
        broken.close();
      }
    });
  }
});
