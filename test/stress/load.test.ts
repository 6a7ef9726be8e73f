// Load on one database (npm run test:stress): 8 clients × 500 concurrent adds (distinct, then
// identical), and a bulk ingest with concurrent web posts. Counts are asserted: nothing lost,
// nothing duplicated. The real server, its worker pool and the real pipeline.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startServer, type Running } from "../../src/server";
import { groupsAreCurrent } from "../../src/services/compare";
import { corpus, jsonl, type Article } from "./corpus";

const BIN = resolve(__dirname, "..", "..", "..", "bin", "whosaid.js");
const CLIENTS = 8;
/** the load: 8 × 500 (about 80 s distinct + 7 s identical on 2 shared cores; WHOSAID_STRESS_PER_CLIENT scales it) */
const PER_CLIENT = Number(process.env.WHOSAID_STRESS_PER_CLIENT ?? 500);

interface Tally {
  created: number;
  existing: number;
  retried: number;
  failed: string[];
  ms: number[];
}

/** Posts articles one after another (JSON); a 503 is retried after its Retry-After, as a client should. */
async function client(url: string, articles: Article[], tally: Tally): Promise<void> {
  for (const a of articles) {
    for (let attempt = 0; ; attempt++) {
      const t = Date.now();
      const res = await fetch(`${url}/sources`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ title: a.title, text: a.text }) });
      const body = await res.text();
      tally.ms.push(Date.now() - t);
      if (res.status === 503 && attempt < 20) {
        tally.retried++;
        await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get("retry-after") ?? 1)));
        continue;
      }
      if (res.status === 201) tally.created++;
      else if (res.status === 200) tally.existing++;
      else tally.failed.push(`${res.status} ${body.slice(0, 120)}`);
      break;
    }
  }
}

function newTally(): Tally {
  return { created: 0, existing: 0, retried: 0, failed: [], ms: [] };
}

function p95(ms: number[]): number {
  const s = [...ms].sort((a, b) => a - b);
  return s[Math.floor(s.length * 0.95)] ?? 0;
}

function n(running: Running, sql: string): number {
  return (running.db.prepare(sql).get() as { n: number }).n;
}

describe("stress: load on one database", function () {
  this.timeout(900_000);
  let dir: string;
  let running: Running;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "whosaid-load-"));
    running = await startServer(
      { db: join(dir, "load.db"), port: 0, host: "127.0.0.1", ingestSeeds: false, seedsDir: dir, writeLimit: 0 },
      { log: () => {} },
    );
  });
  after(async () => {
    await running?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`${CLIENTS} clients × ${PER_CLIENT} distinct articles at once: every one stored once`, async () => {
    const tally = newTally();
    const t = Date.now();
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(running.url, corpus(PER_CLIENT, ` (client ${c})`), tally)));
    console.log(`      distinct: ${tally.created} created, ${tally.existing} existing, ${tally.failed.length} failed, ${tally.retried} retried after 503; ${((Date.now() - t) / 1000).toFixed(1)} s, p95 ${p95(tally.ms)} ms`);
    assert.deepEqual(tally.failed, []);
    assert.equal(tally.created, CLIENTS * PER_CLIENT);
    assert.equal(n(running, "SELECT count(*) AS n FROM sources"), CLIENTS * PER_CLIENT);
    assert.equal(n(running, "SELECT count(DISTINCT content_hash) AS n FROM sources"), CLIENTS * PER_CLIENT);
  });

  it(`${CLIENTS} clients × the same ${PER_CLIENT} articles at once: each stored exactly once`, async () => {
    const before = n(running, "SELECT count(*) AS n FROM sources");
    const same = corpus(PER_CLIENT, " (shared)");
    const tally = newTally();
    const t = Date.now();
    // each client in another order, so the same article arrives from several clients at once
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(running.url, c % 2 ? [...same].reverse() : same, tally)));
    console.log(`      identical: ${tally.created} created, ${tally.existing} existing, ${tally.failed.length} failed, ${tally.retried} retried; ${((Date.now() - t) / 1000).toFixed(1)} s, p95 ${p95(tally.ms)} ms`);
    assert.deepEqual(tally.failed, []);
    assert.equal(tally.created, PER_CLIENT, "exactly one 201 per article");
    assert.equal(tally.existing, (CLIENTS - 1) * PER_CLIENT);
    assert.equal(n(running, "SELECT count(*) AS n FROM sources") - before, PER_CLIENT);
  });

  it("a bulk ingest and concurrent web posts on one database both complete, nothing lost", async () => {
    const before = n(running, "SELECT count(*) AS n FROM sources");
    const BULK = 1000;
    const POSTERS = 4;
    const POSTS = 100;
    const file = join(dir, "bulk.jsonl");
    writeFileSync(file, jsonl(corpus(BULK, " (bulk)")));
    const t = Date.now();
    const ingest = new Promise<{ code: number | null; out: string; err: string }>((done) => {
      const child = spawn(process.execPath, [BIN, "ingest", file, "--db", join(dir, "load.db")]);
      let out = "";
      let err = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (err += d));
      child.on("exit", (code) => done({ code, out, err }));
    });
    const tally = newTally();
    const posts = Promise.all(Array.from({ length: POSTERS }, (_, c) => client(running.url, corpus(POSTS, ` (poster ${c})`), tally)));
    const [result] = await Promise.all([ingest, posts]);
    console.log(`      bulk ${BULK} + ${POSTERS}×${POSTS} posts: ingest "${result.out.trim()}", posts ${tally.created} created, ${tally.failed.length} failed, p95 ${p95(tally.ms)} ms; ${((Date.now() - t) / 1000).toFixed(1)} s`);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, new RegExp(`ingested ${BULK} new, 0 already stored, 0 failed`));
    assert.deepEqual(tally.failed, []);
    assert.equal(tally.created, POSTERS * POSTS);
    assert.equal(n(running, "SELECT count(*) AS n FROM sources") - before, BULK + POSTERS * POSTS);
    assert.ok(groupsAreCurrent(running.db), "the batch regrouped at its end");
    assert.equal(n(running, "SELECT count(*) AS n FROM quotes q WHERE person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM statement_group_members m WHERE m.quote_id = q.id)"), 0, "every attributed statement grouped");
  });
});
