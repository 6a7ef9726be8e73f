// Migration 80 (decision 029): each statement's whole /quotes.csv record, kept by triggers. The stored
// record must never go stale: after every kind of write (ingest, verdicts with hostile reasons and
// notes, undo, corrections of kind, speaker and span, re-attribution, people merged, split, renamed
// and deleted, regrouping, a group's label changed, re-extraction, bulk batches, an article's title
// and outlet edited, an article deleted) each stored record equals csv.ts's record of the listing's
// row values, and there is one for every statement and none for a statement that is gone. The
// confidence is written in SQL only where SQL gives JavaScript's text (csvRealCell); elsewhere the
// record is NULL and the export formats the row itself: /quotes.csv is the same bytes either way.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import request from "supertest";
import { createApp } from "../../src/app";
import { openDb, type Db } from "../../src/store/db";
import { csvRealCell, csvTextCell, csvTextCellInList } from "../../src/store/migrations";
import { QUOTE_LISTING, listingRows, quoteCsvRecords, quoteCsvRowId, type QuoteListFilter } from "../../src/store/listings";
import { iterateKeysetText } from "../../src/store/keyset";
import { QUOTE_CSV_COLUMNS } from "../../src/web/pages";
import { csvCell, csvRecordOf } from "../../src/web/csv";
import { ingestArticle, reextractStale, type Extractor } from "../../src/services/ingest";
import { mergePeople, splitAlias } from "../../src/services/review";
import { correctQuote, reviewQuote, undoQuote, type Actor } from "../../src/services/review-quotes";
import { regroupAll } from "../../src/services/compare";
import { ingestItemsSync } from "../../src/services/ingest-batch";
import { ARTICLE_B, FIXED_NOW, FIXTURE_EXTRACTOR, FIXTURE_INGEST, comparisonDb } from "../fixtures/corpus";
import { COMPARISON_ARTICLES } from "../fixtures/comparison";
import { harbourCorpus } from "./ingest-corpus";

const NONE: QuoteListFilter = { person: null, source: null, kind: null, outlet: null, match: null, speakerNone: false, review: null };
const noWait = async () => {};

/** csv.ts's record of each statement's listing row, by id. */
async function reference(db: Db): Promise<Map<number, string>> {
  const record = csvRecordOf(QUOTE_CSV_COLUMNS);
  const out = new Map<number, string>();
  await listingRows(db, QUOTE_LISTING, NONE, "source", (row: Record<string, unknown>) => out.set(row.id as number, record(row)) !== null, noWait, () => false);
  return out;
}

/** Throws unless every statement's stored record is csv.ts's record of its values, and no other record is kept. Returns how many. */
async function assertRows(db: Db, step: string): Promise<number> {
  const truth = await reference(db);
  const stored = new Map((db.prepare("SELECT quote_id, csv FROM quote_csv_rows").all() as { quote_id: number; csv: string | null }[]).map((r) => [r.quote_id, r.csv]));
  for (const [id, rec] of truth) {
    assert.ok(stored.has(id), `statement ${id} has no stored record after ${step}`);
    assert.equal(stored.get(id), rec, `statement ${id} after ${step}`);
  }
  for (const id of stored.keys()) assert.ok(truth.has(id), `a record of statement ${id}, which is gone, after ${step}`);
  return truth.size;
}

const ann: Actor = { reviewer: "Ann Editor", now: FIXED_NOW };
const hostile: Actor = { reviewer: "=Ann, \"Editor\"", now: FIXED_NOW };
const personId = (db: Db, name: string): number => (db.prepare("SELECT id FROM people WHERE name = ?").get(name) as { id: number }).id;
const quoteIdOf = (db: Db, name: string): number =>
  (db.prepare("SELECT q.id FROM quotes q JOIN people p ON p.id = q.person_id WHERE p.name = ? ORDER BY q.id LIMIT 1").get(name) as { id: number }).id;
const groupedQuote = (db: Db): number => (db.prepare("SELECT min(quote_id) AS id FROM statement_group_members").get() as { id: number }).id;
const rowOf = (db: Db, id: number): string | null => (db.prepare("SELECT csv FROM quote_csv_rows WHERE quote_id = ?").get(id) as { csv: string | null } | undefined)?.csv ?? null;

/** Each step is applied to the same database in turn; after each, every stored record must be current. */
const STEPS: { name: string; run: (db: Db) => void; changes?: false }[] = [
  { name: "ingest", run: () => {}, changes: false },
  {
    name: "a statement rejected with a hostile reason and note",
    run: (db) => void reviewQuote(db, quoteIdOf(db, "Yuri Sokolov"), { action: "reject", reason: "duplicate", note: "-a note, \"quoted\"\r\nover lines" }, hostile),
  },
  { name: "the rejection undone", run: (db) => void undoQuote(db, (db.prepare("SELECT quote_id FROM reviews ORDER BY id LIMIT 1").get() as { quote_id: number }).quote_id, {}, ann) },
  { name: "a grouped statement confirmed", run: (db) => void reviewQuote(db, groupedQuote(db), { action: "confirm", note: "+checked" }, ann) },
  { name: "a kind corrected", run: (db) => void correctQuote(db, quoteIdOf(db, "Yury Sokolov"), { kind: "indirect" }, ann) },
  {
    name: "a statement re-attributed to another person",
    run: (db) => void correctQuote(db, quoteIdOf(db, "Yuri Sokolov"), { speaker_id: String(personId(db, "Yury Sokolov")) }, ann),
  },
  { name: "a speaker set to a new, hostile name", run: (db) => void correctQuote(db, quoteIdOf(db, "Yury Sokolov"), { speaker_name: "@Ida, \"Invented\"" }, ann) },
  { name: "two people merged", run: (db) => void mergePeople(db, personId(db, "Yuri Sokolov"), personId(db, "Yury Sokolov")) },
  { name: "a name split off", run: (db) => void splitAlias(db, personId(db, "Yuri Sokolov"), "Yury Sokolov") },
  // the record holds the person's id, not their name: a rename leaves it as it is, and it stays equal
  { name: "a person renamed", run: (db) => void db.prepare("UPDATE people SET name = '=Renamed, Person' WHERE id = ?").run(personId(db, "Yuri Sokolov")), changes: false },
  { name: "a group's label changed", run: (db) => void db.prepare("UPDATE statement_groups SET label = 'conflicting attribution' WHERE id = (SELECT min(id) FROM statement_groups WHERE label <> 'conflicting attribution')").run() },
  { name: "a statement left out of its group", run: (db) => void db.prepare("DELETE FROM statement_group_members WHERE quote_id = (SELECT max(quote_id) FROM statement_group_members)").run() },
  { name: "everything regrouped", run: (db) => void regroupAll(db) },
  { name: "a span and confidence changed", run: (db) => void db.prepare("UPDATE quotes SET start = start + 1, confidence = 0.125 WHERE id = (SELECT min(id) FROM quotes)").run() },
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
    name: "bulk batches (written at each batch's end)",
    run: (db) => void ingestItemsSync(db, harbourCorpus(9).map((a, i) => ({ origin: `item ${i + 1}`, record: { ...a } })), { now: FIXED_NOW, batchSize: 4 }),
  },
  { name: "an article's title edited", run: (db) => void db.prepare("UPDATE sources SET title = '=HYPERLINK(\"x\"), a \"title\"' WHERE id = 1").run() },
  { name: "an outlet renamed", run: (db) => void db.prepare("UPDATE sources SET outlet = '-Renamed, Times' WHERE id = 2").run() },
  {
    name: "a person deleted (their statements keep no person)",
    run: (db) => void db.prepare("DELETE FROM people WHERE id = (SELECT person_id FROM quotes WHERE person_id IS NOT NULL GROUP BY person_id ORDER BY count(*) DESC, person_id LIMIT 1)").run(),
  },
  {
    name: "an article deleted",
    run: (db) => void db.prepare("DELETE FROM sources WHERE id = (SELECT max(id) FROM sources WHERE id NOT IN (SELECT source_id FROM reviews))").run(),
  },
];

describe("store: CSV rows (migration 80)", () => {
  let db: Db;
  before(() => (db = comparisonDb()));
  after(() => db.close());

  it("the corpus has grouped statements of several people to write", async () => {
    assert.ok(await assertRows(db, "ingest") >= 5);
    assert.ok((db.prepare("SELECT count(*) AS n FROM statement_group_members").get() as { n: number }).n >= 2);
  });

  for (const step of STEPS) {
    it(`every record is current after ${step.name}`, async () => {
      const before = db.prepare("SELECT quote_id, csv FROM quote_csv_rows ORDER BY quote_id").all();
      step.run(db);
      await assertRows(db, step.name);
      // the step is a real write of what a record holds, not a no-op
      if (step.changes !== false) assert.notDeepEqual(db.prepare("SELECT quote_id, csv FROM quote_csv_rows ORDER BY quote_id").all(), before, `${step.name} changed no record`);
    });
  }

  it("the records compared hold the hostile reviewer, note, name, title and outlet", () => {
    const all = (db.prepare("SELECT group_concat(csv, '') AS t FROM quote_csv_rows").get() as { t: string }).t;
    for (const v of ["=Ann, \"Editor\"", "+checked", "@Ida, \"Invented\"", "=HYPERLINK(\"x\"), a \"title\"", "-Renamed, Times"]) {
      // the reviewer and note of the undone rejection went with it; the others are in some record
      if (v === "=Ann, \"Editor\"") continue;
      assert.ok(all.includes(csvCell(v)), v);
    }
  });

  // negative rows: a record changed behind the triggers' back, lost, left behind, or a write with a trigger gone
  const BREAKS: { name: string; sql: string }[] = [
    { name: "a record changed", sql: "UPDATE quote_csv_rows SET csv = replace(csv, ',', ';') WHERE quote_id = (SELECT min(quote_id) FROM quote_csv_rows)" },
    { name: "a record lost", sql: "DELETE FROM quote_csv_rows WHERE quote_id = (SELECT min(quote_id) FROM quote_csv_rows)" },
    { name: "a record of no statement", sql: "INSERT INTO quote_csv_rows (quote_id, csv) VALUES (999999, 'x')" },
    { name: "a reviewer's name changed with its trigger gone", sql: "DROP TRIGGER quote_csv_rows_review_update; UPDATE reviews SET reviewer = 'Someone Else'" },
    { name: "a title edited with its trigger gone", sql: "DROP TRIGGER quote_csv_rows_source; UPDATE sources SET title = 'Changed' WHERE id = 1" },
    { name: "a group's label changed with its trigger gone", sql: "DROP TRIGGER quote_csv_rows_group; UPDATE statement_groups SET label = 'paraphrase' WHERE id = (SELECT min(id) FROM statement_groups WHERE label <> 'paraphrase')" },
  ];
  for (const b of BREAKS) {
    it(`catches ${b.name}`, async () => {
      const broken = comparisonDb();
      try {
        reviewQuote(broken, groupedQuote(broken), { action: "confirm" }, ann);
        await assertRows(broken, "ingest");
        broken.exec(b.sql);
        await assert.rejects(assertRows(broken, b.name), assert.AssertionError);
      } finally {
        broken.close();
      }
    });
  }

  it("a confidence is written in SQL only as JavaScript writes it; otherwise the record is NULL", () => {
    const mem = openDb(":memory:", []);
    try {
      const sql = mem.prepare(`SELECT ${csvRealCell("@v")} AS t`).pluck();
      const check = (v: number) => {
        const t = sql.get({ v }) as string | null;
        if (t !== null) assert.equal(t, "" + v, `confidence ${v}`);
        return t;
      };
      // what the extractor stores (two or three decimals) is always written
      for (let i = 0; i <= 1000; i++) assert.notEqual(check(i / 1000), null, `${i / 1000}`);
      for (let i = 0; i <= 100; i++) assert.notEqual(check(i / 100), null);
      for (const v of [0, -0, 1, 0.1 + 0.2, 1 / 3, 2 / 3, 1e-4, 9.99e-5, 1e-7, 5e-324, 1e15 - 1, 1e15, 123456789012345, 0.1234567890123456, -0.5, Number.MIN_VALUE]) check(v);
      for (let k = 0; k <= 1074; k++) check(2 ** -k);
      fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => void check(v)), { numRuns: 20000 });
      fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (v) => void check(v)), { numRuns: 20000 });
      fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 6 }), fc.integer({ min: 0, max: 9 }), (n, d) => void check(n / 10 ** d)), { numRuns: 20000 });
      // text or an integer in the column (a tool writing around the schema) is left to the export
      assert.equal(mem.prepare(`SELECT ${csvRealCell("'0.5'")}`).pluck().get(), null);
      assert.equal(mem.prepare(`SELECT ${csvRealCell("1")}`).pluck().get(), null);
    } finally {
      mem.close();
    }
  });

  it("a text cell's SQL (a CASE over the first character) equals migration 66's (an IN list) and csv.ts's, for any text", () => {
    const mem = openDb(":memory:", []);
    try {
      const now = mem.prepare(`SELECT ${csvTextCell("@v")}`).pluck();
      const shipped = mem.prepare(`SELECT ${csvTextCellInList("@v")}`).pluck();
      const check = (v: string | null) => {
        assert.equal(now.get({ v }), csvCell(v));
        assert.equal(shipped.get({ v }), csvCell(v));
      };
      check(null);
      for (const c of ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠", "'", ",", '"', "\n", "a", "🙂", ""]) for (const rest of ["", "x", ", y", '"q"', "\r\n"]) check(c + rest);
      const start = fc.constantFrom("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠", ",", '"', "\n", "a");
      fc.assert(fc.property(start, fc.string({ unit: "grapheme" }), (a, b) => void check(a + b)), { numRuns: 5000 });
      fc.assert(fc.property(fc.string({ unit: "binary" }), (v) => void check(v)), { numRuns: 5000 });
    } finally {
      mem.close();
    }
  });

  it("/quotes.csv is the same bytes with records stored, NULL (a confidence SQL cannot write) or missing", async () => {
    const app = createApp({ db, ingest: FIXTURE_INGEST });
    const sorts = ["", "?_sort=-id", "?_sort=confidence", "?_sort=speaker", "?kind=direct", "?q=closure"];
    const csvOf = async (s: string) => (await request(app).get(`/quotes.csv${s}`).expect(200)).text;
    const stored: string[] = [];
    for (const s of sorts) stored.push(await csvOf(s));
    assert.ok(stored[0]!.split("\r\n").length > 5);
    const last = db.prepare("SELECT id, confidence FROM quotes WHERE id = (SELECT max(id) FROM quotes)").get() as { id: number; confidence: number };
    // a value that needs 17 digits: SQL writes no record for it, and the export formats that row
    db.prepare("UPDATE quotes SET confidence = 0.1 + 0.2 WHERE id = ?").run(last.id);
    assert.equal(rowOf(db, last.id), null);
    await assertRowsOrNull(db);
    const withNull = await csvOf("");
    assert.ok(withNull.includes((await reference(db)).get(last.id)!));
    assert.ok(withNull.includes(",0.30000000000000004,"));
    db.prepare("UPDATE quotes SET confidence = ? WHERE id = ?").run(last.confidence, last.id);
    await assertRows(db, "the confidence put back");
    db.prepare("DELETE FROM quote_csv_rows WHERE quote_id % 2 = 0").run();
    for (const [i, s] of sorts.entries()) assert.equal(await csvOf(s), stored[i], `/quotes.csv${s}`);
  });

  // the export reads runs of rows and starts each after the keys of the last row it read (by its id):
  // in runs of 1, 2 and 3 rows, and stopping every few rows as a full client makes it, every record
  // comes exactly once and in the listing's order, for every sort and with a filter
  for (const sort of Object.keys(QUOTE_LISTING.sorts)) {
    it(`records in runs, sort ${sort}: each once, in the listing's order`, async () => {
      const f: QuoteListFilter = sort === "rank" ? { ...NONE, match: '"the"' } : NONE;
      const ids: number[] = [];
      await listingRows(db, QUOTE_LISTING, f, sort, (row: { id: number }) => ids.push(row.id) > 0, noWait, () => false);
      assert.ok(ids.length > 3);
      const whole: string[] = [];
      await quoteCsvRecords(db, f, sort, (t) => whole.push(t) > 0, noWait, () => false);
      assert.deepEqual(whole.map(quoteCsvRowId), ids);
      for (const chunk of [1, 2, 3]) {
        const texts: string[] = [];
        let waits = 0;
        await iterateKeysetText(db, QUOTE_LISTING.base(f, "csvrow"), QUOTE_LISTING.sorts[sort]!, QUOTE_LISTING.params(f), "csv_row", quoteCsvRowId,
          (t) => texts.push(t) % 4 !== 0, async () => void waits++, () => false, chunk);
        assert.deepEqual(texts, whole, `runs of ${chunk}`);
        assert.ok(waits > 0);
      }
    });
  }

  it("a statement deleted while the export waits for the client, the last one it read included, leaves the rest exported once each", async () => {
    const f = NONE;
    const whole: string[] = [];
    await quoteCsvRecords(db, f, "source", (t) => whole.push(t) > 0, noWait, () => false);
    const texts: string[] = [];
    const gone: number[] = [];
    await iterateKeysetText(db, QUOTE_LISTING.base(f, "csvrow"), QUOTE_LISTING.sorts.source!, QUOTE_LISTING.params(f), "csv_row", quoteCsvRowId,
      (t) => texts.push(t) % 3 !== 0, async () => {
        // the client is full: meanwhile the row read last and the next one are deleted
        const last = quoteCsvRowId(texts.at(-1)!);
        const next = whole.map(quoteCsvRowId)[texts.length];
        for (const id of [last, next]) if (id !== undefined && !gone.includes(id)) {
          db.prepare("DELETE FROM quotes WHERE id = ?").run(id);
          gone.push(id);
        }
      }, () => false, 1000);
    assert.ok(gone.length >= 2);
    // (a deleted statement can change others' records: a group it was the reference of goes with it)
    const got = texts.map(quoteCsvRowId);
    const expected = whole.map(quoteCsvRowId).filter((id) => !gone.includes(id) || got.includes(id));
    assert.deepEqual(got, expected);
    assert.ok(gone.some((id) => got.includes(id)), "the row read last before a wait was deleted");
  });

  it("a database from before is filled when it is upgraded", async () => {
    const dir = mkdtempSync(join(tmpdir(), "whosaid-m80-"));
    try {
      const file = join(dir, "old.db");
      const old = openDb(file);
      for (const a of COMPARISON_ARTICLES) ingestArticle(old, a, FIXTURE_INGEST);
      reviewQuote(old, quoteIdOf(old, "Yuri Sokolov"), { action: "reject", reason: "duplicate", note: "a note, with a comma" }, ann);
      for (const o of old.prepare("SELECT type, name FROM sqlite_master WHERE name LIKE 'quote_csv_rows%'").all() as { type: string; name: string }[]) {
        if (o.type === "trigger") old.exec(`DROP TRIGGER ${o.name}`);
      }
      old.exec("DROP TABLE quote_csv_rows; DROP VIEW quote_csv_records");
      old.prepare("DELETE FROM schema_migrations WHERE version = 80").run();
      old.close();
      const db2 = openDb(file);
      try {
        assert.ok(await assertRows(db2, "the upgrade") > 0);
      } finally {
        db2.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** assertRows, where a NULL record stands for a statement the export formats itself. */
async function assertRowsOrNull(db: Db): Promise<void> {
  const truth = await reference(db);
  for (const [id, rec] of truth) {
    const r = rowOf(db, id);
    if (r !== null) assert.equal(r, rec, `statement ${id}`);
  }
}
