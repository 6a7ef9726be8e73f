// Migration 66 (decision 026): each statement's CSV fields kind … sieve, escaped in SQL when it is
// written, must be exactly what src/web/csv.ts writes for those values: for a table of edge cells
// (formula starts, full-width forms, commas, quote marks, line breaks, empty and NULL), after a
// correction, after a bulk batch (filled at its end) and after deletes; /quotes.csv is the same bytes
// whether a statement's cells are stored or missing.
import assert from "node:assert/strict";
import request from "supertest";
import { createApp } from "../../src/app";
import { openDb, type Db } from "../../src/store/db";
import { csvCell } from "../../src/web/csv";
import { correctQuote } from "../../src/services/review-quotes";
import { ingestItemsSync } from "../../src/services/ingest-batch";
import { FIXED_NOW, FIXTURE_INGEST, fixtureDb } from "../fixtures/corpus";
import { harbourCorpus } from "./ingest-corpus";

const FIELDS = ["kind", "text", "speaker_mention", "speaker_canonical", "person_id", "cue", "via", "sieve"] as const;

/** Throws unless every statement has cells, each equal to csv.ts's fields of its values. */
function assertCells(db: Db): number {
  const rows = db.prepare(`SELECT q.id, ${FIELDS.map((f) => `q.${f}`).join(", ")}, c.cells FROM quotes q LEFT JOIN quote_csv_cells c ON c.quote_id = q.id ORDER BY q.id`).all() as Record<string, unknown>[];
  for (const r of rows) assert.equal(r.cells, FIELDS.map((f) => csvCell(r[f])).join(","), `statement ${r.id}`);
  const orphans = (db.prepare("SELECT count(*) AS n FROM quote_csv_cells WHERE quote_id NOT IN (SELECT id FROM quotes)").get() as { n: number }).n;
  assert.equal(orphans, 0, "cells of deleted statements");
  return rows.length;
}

// invented edge cells, each a value csv.ts treats in its own way
const EDGES: (string | null)[] = [
  "plain words", "", null, "=SUM(A1)", "+44 20", "-3 degrees", "@handle", "\tindented", "\rreturn", "＝full-width", "＋plus", "－minus", "＠at",
  "a, b and c", 'she said "no"', "two\nlines", "a\r\nb", "'quoted already", "ünïcödé ✓", "🙂 emoji first", "=\"both\", quoted", "x=1",
];

describe("store: CSV cells (migration 66)", () => {
  let db: Db;
  before(() => {
    db = fixtureDb({ xss: true });
    const q = db.prepare(`INSERT INTO quotes (source_id, start, end, text, kind, speaker_mention, speaker_canonical, speaker_kind, person_id, cue, via, sieve, confidence)
      VALUES (1, 0, 4, ?, 'direct', ?, ?, 'unknown', NULL, ?, ?, 'fixture', 0.5)`);
    EDGES.forEach((v, i) => q.run(v ?? "", v, EDGES[(i + 1) % EDGES.length] ?? null, EDGES[(i + 2) % EDGES.length] ?? null, v));
  });
  after(() => db.close());

  it("equal csv.ts's fields for every statement, edge cells included", () => {
    assert.ok(assertCells(db) >= EDGES.length + 5);
  });

  for (const v of EDGES.filter((e) => e !== null)) {
    it(`a text of ${JSON.stringify(v)} gives ${JSON.stringify(csvCell(v))}`, () => {
      const id = (db.prepare("SELECT id FROM quotes WHERE text = ? ORDER BY id LIMIT 1").get(v) as { id: number }).id;
      const cells = (db.prepare("SELECT cells FROM quote_csv_cells WHERE quote_id = ?").get(id) as { cells: string }).cells;
      assert.ok(cells.startsWith(`direct,${csvCell(v)},`), cells);
    });
  }

  it("follow a correction of the kind and the speaker", () => {
    correctQuote(db, 2, { kind: "indirect", speaker_name: "=Ida, \"Invented\"" }, { reviewer: "Ann Editor", now: FIXED_NOW });
    assertCells(db);
    assert.match((db.prepare("SELECT cells FROM quote_csv_cells WHERE quote_id = 2").get() as { cells: string }).cells, /^indirect,/);
  });

  it("follow a person deleted (their statements keep no person)", () => {
    const id = (db.prepare("SELECT person_id AS id FROM quotes WHERE person_id IS NOT NULL ORDER BY id LIMIT 1").get() as { id: number }).id;
    db.prepare("DELETE FROM people WHERE id = ?").run(id);
    assert.equal((db.prepare("SELECT count(*) AS n FROM quotes WHERE person_id = ?").get(id) as { n: number }).n, 0);
    assertCells(db);
  });

  it("go with their statements", () => {
    db.prepare("DELETE FROM quotes WHERE id IN (SELECT id FROM quotes ORDER BY id DESC LIMIT 3)").run();
    assertCells(db);
  });

  // negative rows: the check catches a wrong or a missing cell
  for (const b of ["UPDATE quote_csv_cells SET cells = cells || ' ' WHERE quote_id = 1", "DELETE FROM quote_csv_cells WHERE quote_id = 1"]) {
    it(`catches: ${b}`, () => {
      const broken = fixtureDb();
      try {
        assertCells(broken);
        broken.exec(b);
        assert.throws(() => assertCells(broken), assert.AssertionError);
      } finally {
        broken.close();
      }
    });
  }

  it("a bulk batch fills the cells of its statements at its end", () => {
    const bulk = openDb(":memory:");
    try {
      const corpus = harbourCorpus(12);
      ingestItemsSync(bulk, corpus.map((a, i) => ({ origin: `item ${i + 1}`, record: { ...a } })), { now: FIXED_NOW, batchSize: 5 });
      assert.ok(assertCells(bulk) > 0);
    } finally {
      bulk.close();
    }
  });

  it("/quotes.csv is the same bytes with the cells stored or missing", async () => {
    const app = createApp({ db, ingest: FIXTURE_INGEST });
    const stored = await request(app).get("/quotes.csv").expect(200);
    assert.ok(stored.text.includes("'=SUM(A1)"));
    db.prepare("DELETE FROM quote_csv_cells WHERE quote_id % 2 = 0").run();
    const missing = await request(app).get("/quotes.csv").expect(200);
    assert.equal(missing.text, stored.text);
  });
});
