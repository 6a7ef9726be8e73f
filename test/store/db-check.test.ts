// The integrity check at open (src/store/db.ts): a file whosaid closed cleanly and that has not
// changed since skips PRAGMA quick_check (it reads every page); anything else is checked in full, and
// a damaged file is refused. The `FILE-closed` marker records the file's identity at a clean close.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closedCleanly, DbError, openDb } from "../../src/store/db";

/** A database with a filler table over several pages, closed cleanly. */
function makeDb(file: string): void {
  const db = openDb(file);
  db.exec("CREATE TABLE filler (x TEXT)");
  const insert = db.prepare("INSERT INTO filler VALUES (?)");
  for (let i = 0; i < 400; i++) insert.run(`row ${i} `.repeat(40));
  db.close();
}

/** Scribbles over b-tree pages in the middle of the file, header intact. */
function damage(file: string): void {
  const bytes = readFileSync(file);
  bytes.fill(0xff, 4096 * 3 + 16, 4096 * 6);
  writeFileSync(file, bytes);
}

/** The marker as a clean close of the file as it is now would write it (to fake an undetectable change). */
function forgeMarker(file: string): void {
  const st = statSync(file, { bigint: true });
  writeFileSync(`${file}-closed`, JSON.stringify({ dev: String(st.dev), ino: String(st.ino), size: String(st.size), mtime: String(st.mtimeNs) }));
}

describe("store: the integrity check at open", () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "whosaid-check-"));
    file = join(dir, "w.db");
  });
  afterEach(() => {
    delete process.env.WHOSAID_FULL_CHECK;
    rmSync(dir, { recursive: true, force: true });
  });

  const refused = (f: () => unknown) => assert.throws(f, (e: unknown) => e instanceof DbError && /is damaged/.test(e.message));

  it("a clean close leaves a marker that matches; an open removes it until the next clean close", () => {
    makeDb(file);
    assert.ok(existsSync(`${file}-closed`));
    assert.equal(closedCleanly(file), true);
    const db = openDb(file);
    assert.equal(existsSync(`${file}-closed`), false, "no marker while open: a run that dies leaves none");
    assert.equal(closedCleanly(file), false);
    db.prepare("INSERT INTO filler VALUES ('one more')").run();
    db.close();
    assert.equal(closedCleanly(file), true);
  });

  const cases: { name: string; prepare: () => void; opens: boolean }[] = [
    { name: "closed cleanly, unchanged: opens (no full check needed)", prepare: () => {}, opens: true },
    { name: "damaged after a clean close (the file changed): the full check refuses it", prepare: () => damage(file), opens: false },
    { name: "damaged with no marker (an unclean end): refused", prepare: () => { damage(file); rmSync(`${file}-closed`); }, opens: false },
    {
      name: "damaged, and a WAL left behind next to a matching marker: refused", opens: false,
      prepare: () => { damage(file); forgeMarker(file); writeFileSync(`${file}-wal`, Buffer.alloc(0)); writeFileSync(`${file}-wal`, "x"); },
    },
    // the limit, stated as a row: a change that keeps the file's identity is not seen without the full check
    { name: "damaged, marker forged to match: opens without the full check", prepare: () => { damage(file); forgeMarker(file); }, opens: true },
  ];
  for (const c of cases) {
    it(c.name, () => {
      makeDb(file);
      c.prepare();
      if (c.opens) openDb(file).close();
      else refused(() => openDb(file));
    });
  }

  it("the full check on demand (check: true, WHOSAID_FULL_CHECK=1) refuses a damaged file a marker vouches for", () => {
    makeDb(file);
    damage(file);
    forgeMarker(file);
    refused(() => openDb(file, undefined, { check: true }));
    forgeMarker(file);
    process.env.WHOSAID_FULL_CHECK = "1";
    refused(() => openDb(file));
  });

  it("a refused file gets no marker: it is refused again at the next open", () => {
    makeDb(file);
    damage(file);
    refused(() => openDb(file));
    assert.equal(existsSync(`${file}-closed`), false);
    refused(() => openDb(file));
  });

  it("a copy of a file is another file: its open checks in full", () => {
    makeDb(file);
    const copy = join(dir, "copy.db");
    copyFileSync(file, copy);
    copyFileSync(`${file}-closed`, `${copy}-closed`);
    assert.equal(closedCleanly(copy), false);
    openDb(copy).close();
    assert.equal(closedCleanly(copy), true);
  });

  it("two connections: only the last close, which removes the WAL, leaves a marker", () => {
    makeDb(file);
    const a = openDb(file);
    const b = openDb(file);
    a.prepare("INSERT INTO filler VALUES ('a')").run();
    a.close();
    assert.equal(closedCleanly(file), false);
    b.close();
    assert.equal(closedCleanly(file), true);
  });

  it("an in-memory database has no marker", () => {
    openDb(":memory:").close();
    assert.equal(existsSync(join(dir, ":memory:-closed")), false);
  });
});
