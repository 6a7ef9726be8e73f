import assert from "node:assert/strict";
import { openDb, type Db } from "../../src/store/db";
import { ingestArticle, reextractStale, contentHash, type Extractor } from "../../src/services/ingest";
import { nameKey, resolveEntity } from "../../src/services/people";
import { AppError } from "../../src/errors";
import type { Extraction } from "../../src/nlp/types";
import { ARTICLE_A, ARTICLE_B, FIXTURE_EXTRACTOR, FIXTURE_INGEST, entity, fixtureDb, quote } from "../fixtures/corpus";

function count(db: Db, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

const TABLES = ["sources", "people", "person_aliases", "person_roles", "source_people", "quotes", "claims"];

function snapshot(db: Db): Record<string, number> {
  return Object.fromEntries(TABLES.map((t) => [t, count(db, t)]));
}

describe("services: ingest", () => {
  let db: Db;
  beforeEach(() => { db = openDb(":memory:"); });
  afterEach(() => db.close());

  it("stores an article with its quotes, claims and people, verbatim", () => {
    const r = ingestArticle(db, ARTICLE_A, FIXTURE_INGEST);
    assert.deepEqual(r, { id: 1, created: true });
    const row = db.prepare("SELECT * FROM sources WHERE id = 1").get() as Record<string, unknown>;
    assert.equal(row.text, ARTICLE_A.text);
    assert.equal(row.content_hash, contentHash(ARTICLE_A.text));
    assert.equal(row.title, ARTICLE_A.title);
    assert.equal(row.extractor_version, "fixture-1");
    assert.equal(count(db, "quotes"), 2);
    assert.equal(count(db, "claims"), 2);
    assert.equal(count(db, "people"), 1);
  });

  it("stores the same text once: the second ingest returns the existing id", () => {
    const first = ingestArticle(db, ARTICLE_A, FIXTURE_INGEST);
    const before = snapshot(db);
    const second = ingestArticle(db, { ...ARTICLE_A, title: "another title" }, FIXTURE_INGEST);
    assert.deepEqual(second, { id: first.id, created: false });
    assert.deepEqual(snapshot(db), before);
  });

  it("treats CRLF and LF line ends as the same article", () => {
    const a = ingestArticle(db, { text: "One line.\nTwo lines." }, FIXTURE_INGEST);
    const b = ingestArticle(db, { text: "One line.\r\nTwo lines." }, FIXTURE_INGEST);
    assert.equal(b.id, a.id);
    assert.equal(b.created, false);
  });

  it("stores different texts separately", () => {
    assert.equal(ingestArticle(db, { text: "Text one." }, FIXTURE_INGEST).id, 1);
    assert.equal(ingestArticle(db, { text: "Text two." }, FIXTURE_INGEST).id, 2);
  });

  it("stores nothing when the extractor throws", () => {
    const throwing: Extractor = { version: "x", extract: () => { throw new Error("boom"); } };
    assert.throws(() => ingestArticle(db, ARTICLE_A, { extractor: throwing }), /boom/);
    assert.deepEqual(snapshot(db), Object.fromEntries(TABLES.map((t) => [t, 0])));
  });

  it("stores nothing when a record fails half-way through storing (the transaction rolls back)", () => {
    const good = FIXTURE_EXTRACTOR.extract(ARTICLE_A.text);
    const bad: Extraction = { ...good, quotes: [...good.quotes, { ...good.quotes[0]!, kind: "bogus" as never }] };
    assert.throws(() => ingestArticle(db, ARTICLE_A, { extractor: { version: "x", extract: () => bad } }), /CHECK/);
    assert.deepEqual(snapshot(db), Object.fromEntries(TABLES.map((t) => [t, 0])));
    // and the article can be stored afterwards
    assert.equal(ingestArticle(db, ARTICLE_A, FIXTURE_INGEST).created, true);
  });

  it("rejects invalid input before storing anything", () => {
    assert.throws(() => ingestArticle(db, { text: "  " }, FIXTURE_INGEST), (e: unknown) => e instanceof AppError && e.status === 400);
    assert.equal(count(db, "sources"), 0);
  });

  it("links the same person across sources despite hyphens and spacing", () => {
    ingestArticle(db, ARTICLE_A, FIXTURE_INGEST);
    ingestArticle(db, ARTICLE_B, FIXTURE_INGEST);
    const okafor = db.prepare("SELECT DISTINCT person_id FROM quotes WHERE speaker_canonical LIKE '%Okafor'").all() as { person_id: number }[];
    assert.equal(okafor.length, 1);
    const aliases = (db.prepare("SELECT alias FROM person_aliases WHERE person_id = ? ORDER BY alias").all(okafor[0]!.person_id) as { alias: string }[]).map((r) => r.alias);
    assert.deepEqual(aliases, ["Mary Ann Okafor", "Mary-Ann Okafor", "Okafor"]);
  });

  it("does not make anonymous speakers into people", () => {
    ingestArticle(db, ARTICLE_B, FIXTURE_INGEST);
    const q = db.prepare("SELECT person_id, speaker_kind FROM quotes WHERE speaker_mention = 'one engineer'").get() as { person_id: number | null; speaker_kind: string };
    assert.deepEqual(q, { person_id: null, speaker_kind: "anonymous" });
    assert.equal(count(db, "people"), 2);
  });

  it("creates a person for a quote whose canonical speaker has no entity", () => {
    const text = "Ivo Brandt said it rained.";
    const ex: Extraction = { quotes: [quote(text, { text: "it rained", kind: "indirect", speaker: "Ivo Brandt", canonical: "Ivo Brandt", cue: "said" })], claims: [], entities: [] };
    ingestArticle(db, { text }, { extractor: { version: "x", extract: () => ex } });
    const row = db.prepare("SELECT p.name FROM quotes q JOIN people p ON p.id = q.person_id").get() as { name: string };
    assert.equal(row.name, "Ivo Brandt");
  });

  it("re-extracts sources stored by an older extractor version, atomically", () => {
    ingestArticle(db, ARTICLE_A, FIXTURE_INGEST);
    ingestArticle(db, ARTICLE_B, FIXTURE_INGEST);
    const empty: Extractor = { version: "fixture-2", extract: () => ({ quotes: [], claims: [], entities: [] }) };
    assert.deepEqual(reextractStale(db, empty), { updated: 2, failed: [] });
    assert.equal(count(db, "quotes"), 0);
    assert.equal(count(db, "people"), 0, "people no source mentions any more are removed");
    assert.deepEqual(reextractStale(db, empty), { updated: 0, failed: [] }, "nothing stale the second time");
    const throwing: Extractor = { version: "fixture-3", extract: () => { throw new Error("boom"); } };
    const report = reextractStale(db, FIXTURE_EXTRACTOR);
    assert.equal(report.updated, 2);
    const before = snapshot(db);
    assert.equal(reextractStale(db, throwing).failed.length, 2);
    assert.deepEqual(snapshot(db), before, "a failing re-extraction keeps the old records");
  });

  it("the fixture database is deterministic", () => {
    const a = fixtureDb();
    const b = fixtureDb();
    const dump = (d: Db) => JSON.stringify(d.prepare("SELECT * FROM quotes ORDER BY id").all()) + JSON.stringify(d.prepare("SELECT * FROM sources").all());
    assert.equal(dump(a), dump(b));
    a.close();
    b.close();
  });
});

describe("services: people matching", () => {
  const same: [string, string][] = [
    ["Kim Jong-un", "Kim Jong Un"],
    ["Kim Jong-un", "kim  jong-un"],
    ["Jean\u2010Paul Roux", "Jean Paul Roux"],
    [" Ana Lind ", "ANA LIND"],
  ];
  for (const [a, b] of same) {
    it(`"${a}" and "${b}" have the same key`, () => assert.equal(nameKey(a), nameKey(b)));
  }
  const different: [string, string][] = [
    ["Kim Jong-un", "Kim Yong-chol"],
    ["Ana Lind", "Anna Lind"],
  ];
  for (const [a, b] of different) {
    it(`"${a}" and "${b}" have different keys`, () => assert.notEqual(nameKey(a), nameKey(b)));
  }

  const cases: { name: string; first: ReturnType<typeof entity>; second: ReturnType<typeof entity>; merged: boolean; stored?: boolean }[] = [
    { name: "same canonical", first: entity("Kim Jong-un"), second: entity("Kim Jong Un"), merged: true },
    { name: "canonical equals a multi-word alias", first: entity("Kim Jong-un", ["Chairman Kim Jong Un"]), second: entity("Chairman Kim Jong-un"), merged: true },
    { name: "only a one-word alias in common", first: entity("Kim Jong-un", ["Kim"]), second: entity("Kim Yong-chol", ["Kim"]), merged: false },
    { name: "one-word canonical against a one-word alias", first: entity("Kim Jong-un", ["Kim"]), second: entity("Kim"), merged: false },
    { name: "organisations by name", first: entity("Kremlin", [], [], "organisation"), second: entity("KREMLIN", [], [], "organisation"), merged: true },
    { name: "a lowercase description is nobody", first: entity("Kremlin", [], [], "organisation"), second: entity("the company", [], [], "organisation"), merged: false, stored: false },
    { name: "a sentence fragment is nobody", first: entity("Ana Lind", [], [], "person"), second: entity("Ana Lind. But", [], [], "person"), merged: false, stored: false },
    { name: "a place is nobody", first: entity("Ana Lind", [], [], "person"), second: entity("Leeds", [], [], "place"), merged: false, stored: false },
  ];
  for (const c of cases) {
    it(`${c.merged ? "merges" : "keeps apart"}: ${c.name}`, () => {
      const db = openDb(":memory:");
      const a = resolveEntity(db, c.first);
      const b = resolveEntity(db, c.second);
      assert.ok(a !== null);
      assert.equal(b !== null, c.stored ?? true);
      assert.equal(a === b, c.merged);
      db.close();
    });
  }

  it("ignores anonymous and unknown entities and empty names", () => {
    const db = openDb(":memory:");
    assert.equal(resolveEntity(db, entity("a senior official", [], [], "anonymous")), null);
    assert.equal(resolveEntity(db, entity("someone", [], [], "unknown")), null);
    assert.equal(resolveEntity(db, entity("  ")), null);
    db.close();
  });
});
