// Migration 55 (decision 022): one index on quotes (person_id, source_id, review_status) replaces the
// one on person_id. An upgraded database answers the person queries as before, from the new index.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDb, schemaVersion, type Db } from "../../src/store/db";
import { MIGRATIONS } from "../../src/store/migrations";
import { quoteCountOfPerson, sourcesMentioningOnly } from "../../src/store/people";
import { mostQuotedPeople } from "../../src/store/listings";

const LATEST = Math.max(...MIGRATIONS.map((m) => m.version));
const indexes = (db: Db): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'quotes' AND sql IS NOT NULL ORDER BY name").all() as { name: string }[]).map((r) => r.name);

/** Three articles, Ana mentioned in all three and quoted in the first; Bo quoted in the first, his statement rejected. */
function fill(db: Db): void {
  const source = db.prepare("INSERT INTO sources (content_hash, text, created_at, extractor_version) VALUES (?, 'Some text of an article.', 'now', 'v')");
  for (const h of ["a", "b", "c"]) source.run(h);
  db.prepare("INSERT INTO people (name, name_key, kind) VALUES ('Ana Lind', 'ana lind', 'person'), ('Bo Berg', 'bo berg', 'person'), ('Cy Dahl', 'cy dahl', 'person')").run();
  db.prepare("INSERT INTO source_people (source_id, person_id) VALUES (1, 1), (2, 1), (3, 1), (1, 2), (2, 3)").run();
  const quote = db.prepare(`INSERT INTO quotes (source_id, start, end, text, kind, speaker_kind, person_id, sieve, confidence, review_status)
    VALUES (?, 0, 4, 'Some', 'direct', 'person', ?, 'x', 1, ?)`);
  quote.run(1, 1, "unreviewed");
  quote.run(1, 1, "confirmed");
  quote.run(1, 2, "rejected");
}

function answers(db: Db) {
  return [1, 2, 3].map((id) => {
    const m = sourcesMentioningOnly(db, id, 50);
    return { id, mentionedOnly: m.total, sources: m.sources.map((s) => s.id), quotes: quoteCountOfPerson(db, id) };
  });
}

describe("store: migration 55, the person index", () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), "whosaid-m55-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("upgrades a database without it: same answers, the new index in place of the old", () => {
    const file = join(dir, "old.db");
    const old = openDb(file, MIGRATIONS.filter((m) => m.version !== 55));
    fill(old);
    assert.ok(indexes(old).includes("quotes_person"));
    assert.ok(!indexes(old).includes("quotes_person_source"));
    const before = answers(old);
    const topBefore = mostQuotedPeople(old, 10);
    old.close();

    const db = openDb(file);
    try {
      assert.equal(schemaVersion(db), LATEST);
      assert.ok(indexes(db).includes("quotes_person_source"));
      assert.ok(!indexes(db).includes("quotes_person"), "the prefix index goes");
      assert.deepEqual(answers(db), before);
      assert.deepEqual(mostQuotedPeople(db, 10), topBefore);
    } finally {
      db.close();
    }
  });

  // a table of cases, negative rows included: a person quoted in a source is not "mentioned only" there,
  // whatever the review state of the statement; a rejected statement is not counted as theirs
  const cases = [
    { id: 1, mentionedOnly: 2, sources: [2, 3], quotes: 2 },
    { id: 2, mentionedOnly: 0, sources: [], quotes: 0 },
    { id: 3, mentionedOnly: 1, sources: [2], quotes: 0 },
  ];
  it("answers the person queries on a fresh database", () => {
    const db = openDb(":memory:");
    fill(db);
    assert.deepEqual(answers(db), cases);
    db.close();
  });

  it("the mentioned-only query reads the index, not every statement of the person", () => {
    const db = openDb(":memory:");
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM source_people sp WHERE sp.person_id = 1
      AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.source_id = sp.source_id AND q.person_id = sp.person_id)`).all() as { detail: string }[])
      .map((r) => r.detail).join("\n");
    assert.match(plan, /COVERING INDEX quotes_person_source \(person_id=\? AND source_id=\?\)/);
    db.close();
  });
});
