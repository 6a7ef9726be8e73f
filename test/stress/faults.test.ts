// Faults under a real bulk ingest (npm run test:stress): SIGKILL at three random points, then a
// re-run that stores the rest exactly once; a full disk (a 4 MB tmpfs, when this user may mount).
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { corpus, jsonl } from "./corpus";

const BIN = resolve(__dirname, "..", "..", "..", "bin", "whosaid.js");
/** articles in the killed ingest (eight of the bulk ingest's 256-article batches; a run takes seconds) */
const N = 2000;

function count(file: string, sql: string): number {
  if (!existsSync(file)) return 0;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma("busy_timeout = 2000");
    return (db.prepare(sql).get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

function ingest(file: string, db: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, "ingest", file, "--db", db], { encoding: "utf8", timeout: 300_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Starts an ingest and SIGKILLs it `ms` after the database first holds `target` sources or more
 * (batches commit 256 articles at a time, and after the first one they can follow each other within
 * milliseconds, so a clock started at the first commit lands anywhere, even after the end, on a fast
 * machine: a count then a short random delay lands inside the run). Resolves with the sources stored
 * at the kill, and whether the run ended on its own first. Every timer is cleared when the child
 * exits, so a run that finishes first fails the test instead of keeping mocha alive.
 */
function killAt(file: string, db: string, target: number, ms: number): Promise<{ killedAt: number; finished: boolean }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, "ingest", file, "--db", db], { stdio: "ignore" });
    let killer: NodeJS.Timeout | undefined;
    const wait = setInterval(() => {
      if (killer || count(db, "SELECT count(*) AS n FROM sources") < target) return;
      killer = setTimeout(() => child.kill("SIGKILL"), ms);
    }, 5);
    child.on("exit", (_code, signal) => {
      clearInterval(wait);
      if (killer) clearTimeout(killer);
      done({ killedAt: count(db, "SELECT count(*) AS n FROM sources"), finished: signal !== "SIGKILL" });
    });
    child.on("error", (e) => {
      clearInterval(wait);
      if (killer) clearTimeout(killer);
      fail(e);
    });
  });
}

describe("stress: faults during a bulk ingest", function () {
  this.timeout(600_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "whosaid-stress-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it(`SIGKILL at three random points of a ${N}-article ingest: intact database, and the re-run stores the rest exactly once`, async () => {
    const file = join(dir, "bulk.jsonl");
    writeFileSync(file, jsonl(corpus(N)));
    const reference = join(dir, "reference.db");
    const t0 = Date.now();
    const clean = ingest(file, reference);
    const full = Date.now() - t0;
    assert.equal(clean.status, 0, clean.stderr);
    assert.match(clean.stdout, new RegExp(`ingested ${N} new, 0 already stored, 0 failed`));

    const db = join(dir, "killed.db");
    // three random moments of a run: once a random count of sources is stored (one in each of the
    // first three quarters of the file, so each run has batches left after it), then 0-40 ms more,
    // which lands between batches, inside one, or in the extraction ahead of one; each run starts
    // over from what the last one left
    const targets = [0, 1, 2].map((q) => Math.max(1, Math.round(((q + Math.random()) * N) / 4)));
    const delays = targets.map(() => Math.round(Math.random() * 40));
    const seen: number[] = [];
    for (const [i, target] of targets.entries()) {
      const { killedAt, finished } = await killAt(file, db, target, delays[i]!);
      assert.equal(finished, false, `the run ended on its own before the kill at ${target} sources + ${delays[i]} ms`);
      const conn = new Database(db, { fileMustExist: true });
      assert.equal(conn.pragma("integrity_check", { simple: true }), "ok");
      conn.close();
      seen.push(killedAt);
    }
    console.log(`      a clean run took ${full} ms; killed at ${targets.map((t, i) => `${t} sources + ${delays[i]} ms`).join(", ")}, with ${seen.join(", ")} of ${N} sources stored`);
    // a kill may also land after the last batch, during the final regroup: the re-run must finish that too
    assert.ok(seen[0]! < N, "the first kill interrupted the storing");
    const before = count(db, "SELECT count(*) AS n FROM sources");
    const rerun = ingest(file, db);
    assert.equal(rerun.status, 0, rerun.stderr);
    assert.match(rerun.stdout, new RegExp(`ingested ${N - before} new, ${before} already stored, 0 failed`));
    for (const sql of [
      "SELECT count(*) AS n FROM sources",
      "SELECT count(DISTINCT content_hash) AS n FROM sources",
      "SELECT count(*) AS n FROM quotes",
      "SELECT count(*) AS n FROM claims",
      "SELECT count(*) AS n FROM people",
      "SELECT count(*) AS n FROM statement_group_members",
    ]) {
      assert.equal(count(db, sql), count(reference, sql), sql);
    }
    assert.equal(count(db, "SELECT count(*) AS n FROM sources"), N);
    assert.equal(count(db, "SELECT count(*) AS n FROM quotes q WHERE person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM statement_group_members m WHERE m.quote_id = q.id)"), 0, "every attributed statement grouped");
  });

  it("a full disk (4 MB tmpfs): ingest ends with a summary of stored and unstored articles and exit 1, database intact", function () {
    const mnt = join(dir, "tiny");
    mkdirSync(mnt);
    const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=4m", "tmpfs", mnt]);
    if (mounted.status !== 0) {
      console.warn("      full-disk test skipped: this user may not mount a tmpfs (the max_page_count test in npm test covers the logic)");
      this.skip();
    }
    try {
      const file = join(dir, "full.jsonl");
      const articles = corpus(2000, " with a longer tail of words to fill pages quickly".repeat(3));
      writeFileSync(file, jsonl(articles));
      const db = join(mnt, "full.db");
      const r = ingest(file, db);
      assert.equal(r.status, 1, r.stdout + r.stderr);
      const m = /ingested (\d+) new, 0 already stored, (\d+) failed \(stopped: the disk is full; the \d+ failed are not stored\)/.exec(r.stdout);
      assert.ok(m, r.stdout);
      const stored = count(db, "SELECT count(*) AS n FROM sources");
      console.log(`      4 MB disk: ${m![1]} stored, ${m![2]} not stored, ${stored} in the database`);
      assert.equal(Number(m![1]), stored, "the summary's stored count is what the database holds");
      assert.equal(Number(m![1]) + Number(m![2]), articles.length, "every article is stored or listed");
      assert.ok(stored > 0 && stored < articles.length);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
      const conn = new Database(db, { readonly: true });
      assert.equal(conn.pragma("quick_check", { simple: true }), "ok");
      conn.close();
    } finally {
      spawnSync("umount", [mnt]);
    }
  });
});
