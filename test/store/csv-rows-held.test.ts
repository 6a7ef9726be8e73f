// withCsvRowsHeld (src/store/groups.ts): group and member writes with migration 80's per-row CSV
// triggers held back, then one write of the records of the quotes the writes report. Each case runs
// the same writes on two copies of one database, one held and one with the triggers, and the stored
// records must be the same; the negative rows show what the contract asks (a quote left unreported
// keeps its old record) and that inside a bulk batch's deferral nothing is held. Also insertMembers
// (one statement) against insertMember (one row at a time).
import assert from "node:assert/strict";
import { type Db } from "../../src/store/db";
import {
  deleteGroups, insertGroup, insertMember, insertMembers, updateGroup, withCsvRowsHeld, WRITE_RUNS, type NewGroup, type NewMember,
} from "../../src/store/groups";
import { regroupAll, markGroupsStale } from "../../src/services/compare";
import { comparisonDb } from "../fixtures/corpus";

const rows = (db: Db) => db.prepare("SELECT quote_id, csv FROM quote_csv_rows ORDER BY quote_id").all();
const members = (db: Db) => db.prepare("SELECT * FROM statement_group_members ORDER BY quote_id").all();
const deferrals = (db: Db) => (db.prepare("SELECT count(*) AS n FROM fts_deferred").get() as { n: number }).n;
const quoteIds = (db: Db): number[] => (db.prepare("SELECT id FROM quotes WHERE person_id IS NOT NULL ORDER BY id").all() as { id: number }[]).map((r) => r.id);
const firstGroup = (db: Db) => db.prepare("SELECT * FROM statement_groups ORDER BY id LIMIT 1").get() as NewGroup & { id: number };
const membersOf = (db: Db, g: number): number[] =>
  (db.prepare("SELECT quote_id FROM statement_group_members WHERE group_id = ? ORDER BY quote_id").all(g) as { quote_id: number }[]).map((r) => r.quote_id);
const GROUP: NewGroup = {
  label: "one source only", reference_quote_id: 0, negation_changed: false, number_changed: true, source_count: 1, person_count: 1, member_count: 2,
};
const member = (quote_id: number, group_id: number, i: number): NewMember => ({
  quote_id, group_id, relation: i === 0 ? "reference" : "paraphrase", other_speaker: i % 2 === 1, negation_changed: i % 3 === 1, number_changed: i % 2 === 0,
});

/** Writes to a database; returns the quotes whose member row or group label they changed. */
type Write = (db: Db) => number[];

const CASES: { name: string; write: Write; held: "equal" | "stale" }[] = [
  {
    name: "ungrouped quotes put in a new group",
    held: "equal",
    write: (db) => {
      const was = members(db).map((m) => (m as { quote_id: number }).quote_id);
      db.prepare("DELETE FROM statement_group_members").run();
      const qs = quoteIds(db).slice(0, 3);
      const g = insertGroup(db, { ...GROUP, reference_quote_id: qs[0]!, member_count: qs.length });
      insertMembers(db, qs.map((q, i) => member(q, g, i)));
      return [...was, ...qs];
    },
  },
  {
    name: "grouped quotes moved to another group (INSERT OR REPLACE)",
    held: "equal",
    write: (db) => {
      const qs = membersOf(db, firstGroup(db).id);
      const g = insertGroup(db, { ...GROUP, label: "altered wording", reference_quote_id: qs[0]!, member_count: qs.length });
      insertMembers(db, qs.map((q, i) => member(q, g, i)));
      return qs;
    },
  },
  {
    name: "a group deleted (its members go with it)",
    held: "equal",
    write: (db) => {
      const g = firstGroup(db).id;
      const qs = membersOf(db, g);
      deleteGroups(db, [g]);
      return qs;
    },
  },
  {
    name: "a group's label changed",
    held: "equal",
    write: (db) => {
      const g = firstGroup(db);
      updateGroup(db, g.id, { ...g, negation_changed: false, number_changed: false, label: g.label === "identical" ? "paraphrase" : "identical" });
      return membersOf(db, g.id);
    },
  },
  {
    name: "one member moved to the last group, every quote reported (a record rewritten the same is harmless)",
    held: "equal",
    write: (db) => {
      const qs = membersOf(db, firstGroup(db).id);
      const last = (db.prepare("SELECT max(id) AS id FROM statement_groups").get() as { id: number }).id;
      insertMember(db, { ...member(qs[0]!, last, 1), relation: "trimmed" });
      return quoteIds(db);
    },
  },
  // negative: the contract is what makes it exact; a quote the writes do not report keeps its old record
  {
    name: "a group deleted, its members not reported",
    held: "stale",
    write: (db) => {
      deleteGroups(db, [firstGroup(db).id]);
      return [];
    },
  },
  {
    name: "a label changed, its members not reported",
    held: "stale",
    write: (db) => {
      const g = firstGroup(db);
      updateGroup(db, g.id, { ...g, negation_changed: false, number_changed: false, label: g.label === "identical" ? "paraphrase" : "identical" });
      return [];
    },
  },
];

describe("store: CSV rows written once for many group writes (withCsvRowsHeld)", () => {
  for (const c of CASES) {
    it(`${c.name}: the records are ${c.held === "equal" ? "those the triggers write" : "left stale"}`, () => {
      const plain = comparisonDb();
      const held = comparisonDb();
      try {
        assert.deepEqual(rows(held), rows(plain), "the two copies start equal");
        const before = rows(plain);
        plain.transaction(() => void c.write(plain))();
        held.transaction(() => withCsvRowsHeld(held, () => c.write(held)))();
        assert.deepEqual(members(held), members(plain), "the same member rows");
        assert.notDeepEqual(rows(plain), before, "the writes change some record");
        if (c.held === "equal") assert.deepEqual(rows(held), rows(plain));
        else assert.deepEqual(rows(held), before, "nothing reported, nothing rewritten");
        assert.equal(deferrals(held), 0, "the hold is released");
      } finally {
        plain.close();
        held.close();
      }
    });
  }

  it("inside a bulk batch's deferral of quotes nothing is held: the triggers write (even a quote not reported)", () => {
    const plain = comparisonDb();
    const held = comparisonDb();
    try {
      for (const db of [plain, held]) db.prepare("INSERT INTO fts_deferred (tbl, from_id) VALUES ('quotes', 1000000)").run();
      const write = (db: Db): number[] => {
        deleteGroups(db, [firstGroup(db).id]);
        return [];
      };
      plain.transaction(() => void write(plain))();
      held.transaction(() => withCsvRowsHeld(held, () => write(held)))();
      assert.deepEqual(rows(held), rows(plain));
      assert.equal(deferrals(held), 1, "the batch's own deferral stays");
    } finally {
      plain.close();
      held.close();
    }
  });

  it("a write that throws releases the hold, and outside a transaction it refuses", () => {
    const db = comparisonDb();
    try {
      db.transaction(() => {
        assert.throws(() => withCsvRowsHeld(db, () => {
          throw new Error("boom");
        }), /boom/);
        assert.equal(deferrals(db), 0);
      })();
      assert.throws(() => withCsvRowsHeld(db, () => []), /inside a write transaction/);
    } finally {
      db.close();
    }
  });

  for (const run of [1, 2, 3, 50_000]) it(`a full regroup from stale groups stores the records the triggers store (writes in runs of ${run})`, () => {
    const saved = WRITE_RUNS.rows;
    WRITE_RUNS.rows = run;
    const plain = comparisonDb();
    const held = comparisonDb();
    try {
      for (const db of [plain, held]) {
        db.prepare("DELETE FROM statement_groups").run();
        markGroupsStale(db);
      }
      // the plain copy regroups with the triggers: its writes under a deferral already in place (from_id past every quote)
      plain.transaction(() => {
        plain.prepare("INSERT INTO fts_deferred (tbl, from_id) VALUES ('quotes', 1000000)").run();
        regroupAll(plain);
        plain.prepare("DELETE FROM fts_deferred").run();
      })();
      regroupAll(held);
      assert.ok(members(held).length >= 2);
      assert.deepEqual(members(held), members(plain));
      assert.deepEqual(rows(held), rows(plain));
    } finally {
      WRITE_RUNS.rows = saved;
      plain.close();
      held.close();
    }
  });

  for (const run of [1, 2, 3, 50_000]) it(`insertMembers stores the rows insertMember stores one by one, in the same order (runs of ${run})`, () => {
    const saved = WRITE_RUNS.rows;
    WRITE_RUNS.rows = run;
    const one = comparisonDb();
    const many = comparisonDb();
    try {
      const write = (db: Db, bulk: boolean) => db.transaction(() => {
        db.prepare("DELETE FROM statement_groups").run();
        const qs = quoteIds(db);
        const g = insertGroup(db, { ...GROUP, reference_quote_id: qs[0]!, member_count: qs.length });
        const list = qs.map((q, i) => member(q, g, i));
        list.push({ ...list[0]!, relation: "identical", other_speaker: true }); // a quote written twice: the last one stands
        if (bulk) insertMembers(db, list);
        else for (const m of list) insertMember(db, m);
        insertMembers(db, []);
      })();
      write(one, false);
      write(many, true);
      assert.ok(members(many).length >= 5);
      assert.deepEqual(members(many), members(one));
      assert.deepEqual(rows(many), rows(one));
    } finally {
      WRITE_RUNS.rows = saved;
      one.close();
      many.close();
    }
  });
});
