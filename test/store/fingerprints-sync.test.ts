// A full regroup brings the fingerprint index to exactly the fingerprints of the attributed statements
// (decision 025: it writes only what differs instead of deleting and inserting every row), whatever
// state the index was left in.
import assert from "node:assert/strict";
import type { Db } from "../../src/store/db";
import { regroupAll } from "../../src/services/compare";
import { prepareText } from "../../src/compare";
import { allStatements } from "../../src/store/groups";
import { comparisonDb } from "../fixtures/corpus";

type Row = [number, number];
const rows = (db: Db): Row[] =>
  db.prepare("SELECT fingerprint, quote_id FROM quote_fingerprints ORDER BY fingerprint, quote_id").raw().all() as Row[];

/** What deleting every row and inserting each attributed statement's fingerprints gives. */
function expected(db: Db): Row[] {
  const out: Row[] = [];
  for (const s of allStatements(db)) for (const f of prepareText(s.text).fps) out.push([f, s.id]);
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

const insert = (db: Db, f: number, q: number) => db.prepare("INSERT OR IGNORE INTO quote_fingerprints (fingerprint, quote_id) VALUES (?, ?)").run(f, q);
const firstAttributed = (db: Db): number => (db.prepare("SELECT min(id) AS id FROM quotes WHERE person_id IS NOT NULL").get() as { id: number }).id;

const cases: { name: string; damage: (db: Db) => void; changed: boolean }[] = [
  { name: "an index that is current stays as it is", damage: () => {}, changed: false },
  { name: "an empty index is filled", damage: (db) => db.exec("DELETE FROM quote_fingerprints"), changed: true },
  {
    name: "a statement with another text's fingerprints gets its own",
    damage: (db) => {
      const q = firstAttributed(db);
      db.prepare("DELETE FROM quote_fingerprints WHERE quote_id = ?").run(q);
      for (const f of prepareText("an invented sentence that no fixture article holds anywhere").fps) insert(db, f, q);
    },
    changed: true,
  },
  {
    name: "a statement missing one of its fingerprints gets it back",
    damage: (db) => {
      const q = firstAttributed(db);
      db.prepare("DELETE FROM quote_fingerprints WHERE quote_id = ? AND fingerprint = (SELECT max(fingerprint) FROM quote_fingerprints WHERE quote_id = ?)").run(q, q);
    },
    changed: true,
  },
  {
    name: "a statement with one fingerprint too many loses it",
    damage: (db) => insert(db, 12345, firstAttributed(db)),
    changed: true,
  },
  {
    name: "a rejected statement loses its fingerprints",
    damage: (db) => db.prepare("UPDATE quotes SET review_status = 'rejected' WHERE id = ?").run(firstAttributed(db)),
    changed: true,
  },
];

describe("store: a full regroup leaves the fingerprint index exact", () => {
  for (const c of cases) {
    it(c.name, () => {
      const db = comparisonDb();
      try {
        regroupAll(db);
        c.damage(db);
        const want = expected(db);
        // the damage is seen (or, for the current index, there is none): the comparison can fail
        assert.equal(JSON.stringify(rows(db)) !== JSON.stringify(want), c.changed);
        regroupAll(db);
        assert.deepEqual(rows(db), want);
      } finally {
        db.close();
      }
    });
  }
});
