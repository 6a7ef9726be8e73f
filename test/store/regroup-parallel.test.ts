// A full regroup whose pairs are decided on helper threads (decision 031) writes what the
// single-threaded one writes: the same groups (ids included), members, labels, fingerprint rows and
// report, from a fresh database and from one whose groups were current before more articles came.
import assert from "node:assert/strict";
import { openDb, type Db } from "../../src/store/db";
import { ingestItemsSync } from "../../src/services/ingest-batch";
import { groupsAreCurrent, markGroupsStale, PARALLEL_REGROUP_MIN, regroupAll, regroupHelpers } from "../../src/services/compare";
import { availableParallelism } from "node:os";
import { FIXED_NOW } from "../fixtures/corpus";
import { dump, harbourCorpus } from "./ingest-corpus";

const items = (n: number) => harbourCorpus(n).map((a, i) => ({ origin: `item ${i + 1}`, record: { ...a } }));

function rows(db: Db): unknown {
  return {
    ...dump(db),
    group_rows: db.prepare("SELECT * FROM statement_groups ORDER BY id").all(),
    member_rows: db.prepare("SELECT * FROM statement_group_members ORDER BY quote_id").all(),
  };
}

describe("services: a full regroup with helper threads", function () {
  this.timeout(120_000);

  const cases: { name: string; setUp: (db: Db) => void }[] = [
    { name: "a fresh database (no groups, no fingerprints)", setUp: (db) => { ingestItemsSync(db, items(45), { now: FIXED_NOW, regroup: false }); } },
    {
      name: "groups current for 30 articles, then 30 more stored with the groups left stale",
      setUp: (db) => {
        ingestItemsSync(db, items(30), { now: FIXED_NOW, batchSize: 8 });
        ingestItemsSync(db, items(60), { now: FIXED_NOW, regroup: false });
      },
    },
    {
      name: "groups current and a statement rejected since (a fingerprint row to delete, a group to shrink)",
      setUp: (db) => {
        ingestItemsSync(db, items(30), { now: FIXED_NOW, batchSize: 8 });
        db.prepare("UPDATE quotes SET review_status = 'rejected' WHERE id = (SELECT min(id) FROM quotes WHERE person_id IS NOT NULL)").run();
        markGroupsStale(db);
      },
    },
  ];
  for (const c of cases) {
    for (const helpers of [1, 2, 3]) {
      it(`${c.name}, ${helpers} helper${helpers > 1 ? "s" : ""}: the rows and the report of the single-threaded regroup`, () => {
        const serial = openDb(":memory:");
        const parallel = openDb(":memory:");
        try {
          c.setUp(serial);
          c.setUp(parallel);
          const a = regroupAll(serial, { helpers: 0 });
          const b = regroupAll(parallel, { helpers });
          assert.deepEqual(b, a);
          assert.ok(a.statements > 0 && a.groups > 0 && a.stats!.edges > 0);
          assert.equal(groupsAreCurrent(parallel), true);
          assert.deepEqual(rows(parallel), rows(serial));
        } finally {
          serial.close();
          parallel.close();
        }
      });
    }
  }

  const sizes: [number, number][] = [
    [0, 0],
    [PARALLEL_REGROUP_MIN - 1, 0],
    [PARALLEL_REGROUP_MIN, Math.max(0, Math.min(3, availableParallelism() - 1))],
    [10 * PARALLEL_REGROUP_MIN, Math.max(0, Math.min(3, availableParallelism() - 1))],
  ];
  for (const [n, want] of sizes) {
    it(`${n} statements: ${want} helper threads by default`, () => assert.equal(regroupHelpers(n), want));
  }
});
