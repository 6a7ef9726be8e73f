import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { migrate, openDb, schemaVersion } from "../../src/store/db";
import { MIGRATIONS } from "../../src/store/migrations";
import { ensureGroups, groupsAreCurrent } from "../../src/services/compare";

const LATEST = Math.max(...MIGRATIONS.map((m) => m.version));

describe("store: migrations", () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), "whosaid-mig-")); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("brings a fresh file to the latest version with WAL, foreign keys and a busy timeout", () => {
    const db = openDb(join(dir, "sub", "w.db"));
    try {
      assert.equal(schemaVersion(db), LATEST);
      assert.equal(db.pragma("journal_mode", { simple: true }), "wal");
      assert.equal(db.pragma("foreign_keys", { simple: true }), 1);
      assert.ok((db.pragma("busy_timeout", { simple: true }) as number) > 0);
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
      for (const t of ["sources", "people", "person_aliases", "person_roles", "source_people", "quotes", "claims", "schema_migrations",
        "person_overrides", "statement_groups", "statement_group_members", "quote_fingerprints", "meta"]) {
        assert.ok(tables.includes(t), `table ${t}`);
      }
    } finally {
      db.close();
    }
  });

  it("applies nothing when reopened", () => {
    openDb(join(dir, "w.db")).close();
    const db = openDb(join(dir, "w.db"));
    try {
      assert.equal(migrate(db), 0);
      assert.equal((db.prepare("SELECT count(*) AS n FROM schema_migrations").get() as { n: number }).n, MIGRATIONS.length);
    } finally {
      db.close();
    }
  });

  it("applies only the migrations newer than the database, in order", () => {
    const db = new Database(":memory:");
    const extra = [...MIGRATIONS, { version: LATEST + 1, name: "test column", sql: "ALTER TABLE sources ADD COLUMN note TEXT" }];
    assert.equal(migrate(db, MIGRATIONS), MIGRATIONS.length);
    assert.equal(migrate(db, extra), 1);
    assert.equal(schemaVersion(db), LATEST + 1);
    db.close();
  });

  it("rolls back a failing migration entirely", () => {
    const db = new Database(":memory:");
    migrate(db, MIGRATIONS);
    const bad = [...MIGRATIONS, { version: LATEST + 1, name: "broken", sql: "CREATE TABLE t1 (x); SELECT * FROM no_such_table" }];
    assert.throws(() => migrate(db, bad));
    assert.equal(schemaVersion(db), LATEST);
    assert.equal(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 't1'").get() !== undefined, true);
    assert.equal((db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 't1'").get() as { n: number }).n, 0);
    db.close();
  });

  it("refuses a database newer than the program", () => {
    const db = new Database(":memory:");
    migrate(db, [...MIGRATIONS, { version: LATEST + 5, name: "future", sql: "SELECT 1" }]);
    assert.throws(() => migrate(db, MIGRATIONS), /newer than this program/);
    db.close();
  });

  it("enforces foreign keys and cascades source deletion", () => {
    const db = openDb(":memory:");
    assert.throws(
      () => db.prepare("INSERT INTO claims (source_id, start, end, text, reason, trigger, trigger_start, trigger_end, explanation) VALUES (99, 0, 1, 'x', 'hedge', 'x', 0, 1, 'x')").run(),
      /FOREIGN KEY/,
    );
    db.prepare("INSERT INTO sources (content_hash, text, created_at, extractor_version) VALUES ('h', 'Some text', 'now', 'v')").run();
    db.prepare("INSERT INTO claims (source_id, start, end, text, reason, trigger, trigger_start, trigger_end, explanation) VALUES (1, 0, 4, 'Some', 'hedge', 'Some', 0, 4, 'x')").run();
    db.prepare("DELETE FROM sources WHERE id = 1").run();
    assert.equal((db.prepare("SELECT count(*) AS n FROM claims").get() as { n: number }).n, 0);
    db.close();
  });

  it("upgrades a version 1 database with its data, and the groups are computed on first use", () => {
    const file = join(dir, "v1.db");
    const v1 = openDb(file, MIGRATIONS.filter((m) => m.version === 1));
    v1.prepare("INSERT INTO sources (content_hash, text, created_at, extractor_version) VALUES ('h', 'Ana Lind said it.', 'now', 'v')").run();
    v1.prepare("INSERT INTO people (name, name_key, kind) VALUES ('Ana Lind', 'ana lind', 'person')").run();
    v1.prepare("INSERT INTO quotes (source_id, start, end, text, kind, speaker_kind, person_id, sieve, confidence) VALUES (1, 9, 16, 'it rained on the whole town today', 'indirect', 'person', 1, 'x', 1)").run();
    v1.close();
    const db = openDb(file);
    try {
      assert.equal(schemaVersion(db), LATEST);
      assert.equal((db.prepare("SELECT count(*) AS n FROM quotes").get() as { n: number }).n, 1);
      assert.equal(groupsAreCurrent(db), false);
      ensureGroups(db);
      assert.equal((db.prepare("SELECT label FROM statement_groups").get() as { label: string }).label, "one source only");
    } finally {
      db.close();
    }
  });

  it("refuses a second source with the same content hash", () => {
    const db = openDb(":memory:");
    const insert = db.prepare("INSERT INTO sources (content_hash, text, created_at, extractor_version) VALUES ('h', 'x', 'now', 'v')");
    insert.run();
    assert.throws(() => insert.run(), /UNIQUE/);
    db.close();
  });

  it("applies a lower version missing from a database that already holds a higher one (branches own ranges)", () => {
    // 55, 70 and 72 index the columns 3 adds, 65 and 82 count by one and 80 reads its reviews, and 83
    // and 85 read 65's table (83 3's column too), so they are missing too (versions are applied in ascending order)
    const missing = new Set([3, 55, 65, 70, 72, 80, 82, 83, 85]);
    const db = openDb(":memory:", MIGRATIONS.filter((m) => !missing.has(m.version)));
    assert.equal((db.prepare("SELECT count(*) AS n FROM pragma_table_info('quotes') WHERE name = 'review_status'").get() as { n: number }).n, 0);
    assert.equal(migrate(db, MIGRATIONS), missing.size);
    assert.equal((db.prepare("SELECT count(*) AS n FROM pragma_table_info('quotes') WHERE name = 'review_status'").get() as { n: number }).n, 1);
    assert.equal(migrate(db, MIGRATIONS), 0, "nothing twice");
    db.close();
  });
});
