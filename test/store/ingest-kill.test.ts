// A bulk ingest killed with SIGKILL leaves statement groups consistent with the statements it stored
// (each batch regroups its people in its own transaction), and a later ingest completes the rest
// exactly as one clean run would. Groups left stale by an older version are repaired at the next open.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDb } from "../../src/store/db";
import { ingestItemsSync } from "../../src/services/ingest-batch";
import { groupsAreCurrent } from "../../src/services/compare";
import { groupSignatures } from "../../src/store/groups";
import type { ArticleItem } from "../../src/services/readers";
import { FIXED_NOW } from "../fixtures/corpus";
import { dump, fullRegroupSignatures, harbourCorpus } from "./ingest-corpus";

const CHILD = join(__dirname, "ingest-kill-child.js");
const N = 60;
const BATCH = 4;

const items = (n: number): ArticleItem[] => harbourCorpus(n).map((a, i) => ({ origin: `item ${i + 1}`, record: { ...a } }));

/** Runs the child ingest and SIGKILLs it `delay` ms after its `after`-th batch commits. */
function killAfter(file: string, after: number, delay: number): Promise<{ killed: boolean; batches: number }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CHILD, file, String(N), String(BATCH)], { stdio: ["ignore", "pipe", "inherit"] });
    let batches = 0;
    let buffered = "";
    child.stdout!.on("data", (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop()!;
      for (const l of lines) {
        if (!l.startsWith("done ")) continue;
        if (++batches === after) setTimeout(() => child.kill("SIGKILL"), delay);
      }
    });
    child.on("error", fail);
    child.on("exit", (_code, signal) => done({ killed: signal === "SIGKILL", batches }));
  });
}

describe("services: a killed bulk ingest leaves groups consistent", function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), "whosaid-kill-")); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("SIGKILL after 1, 2 and 3 batches of three runs: groups current and equal to a full regroup each time; the re-run completes as a clean run", async () => {
    const file = join(dir, "killed.db");
    const stored: number[] = [];
    for (const [after, delay] of [[1, 0], [2, Math.floor(Math.random() * 15)], [3, Math.floor(Math.random() * 15)]] as const) {
      const r = await killAfter(file, after, delay);
      assert.equal(r.killed, true, "killed before it finished");
      const db = openDb(file);
      try {
        assert.equal(db.pragma("integrity_check", { simple: true }), "ok");
        const n = (db.prepare("SELECT count(*) AS n FROM sources").get() as { n: number }).n;
        stored.push(n);
        assert.ok(n > 0 && n < N, `part of the corpus stored (${n})`);
        assert.equal(groupsAreCurrent(db), true, "groups not left stale");
        assert.deepEqual(groupSignatures(db), fullRegroupSignatures(db));
        const ungrouped = db.prepare(`SELECT count(*) AS n FROM quotes q WHERE q.person_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM statement_group_members m WHERE m.quote_id = q.id)`).get() as { n: number };
        assert.equal(ungrouped.n, 0, "every attributed statement stored is in a group");
      } finally {
        db.close();
      }
    }
    assert.ok(stored[0]! <= stored[1]! && stored[1]! <= stored[2]!, `each run continued the last (${stored.join(", ")})`);
    const db = openDb(file);
    const clean = openDb(":memory:");
    try {
      const s = ingestItemsSync(db, items(N), { now: FIXED_NOW, batchSize: BATCH });
      assert.deepEqual({ created: s.created, existing: s.existing }, { created: N - stored[2]!, existing: stored[2]! });
      ingestItemsSync(clean, items(N), { now: FIXED_NOW, batchSize: BATCH });
      assert.deepEqual(dump(db), dump(clean));
    } finally {
      db.close();
      clean.close();
    }
  });

  const stale: { name: string; more: number }[] = [
    { name: "a re-run that finds nothing new", more: 0 },
    { name: "a run with new articles", more: 8 },
  ];
  for (const row of stale) {
    it(`groups left stale (as an older version's killed run left them) are repaired by ${row.name}`, () => {
      const db = openDb(":memory:");
      try {
        ingestItemsSync(db, items(20), { now: FIXED_NOW, regroup: false });
        assert.equal(groupsAreCurrent(db), false);
        assert.deepEqual(groupSignatures(db), []);
        ingestItemsSync(db, items(20 + row.more), { now: FIXED_NOW, batchSize: BATCH });
        assert.equal(groupsAreCurrent(db), true);
        const sig = groupSignatures(db);
        assert.ok(sig.some((g) => g.includes(",")), "groups span statements");
        assert.deepEqual(sig, fullRegroupSignatures(db));
      } finally {
        db.close();
      }
    });
  }
});
