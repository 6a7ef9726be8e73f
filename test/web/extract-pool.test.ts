import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import request from "supertest";
import { createApp } from "../../src/app";
import { openDb, type Db } from "../../src/store/db";
import { ExtractPool, type BudgetClock } from "../../src/services/extract-pool";
import { extract } from "../../src/nlp/pipeline";

const FIXTURE = join(__dirname, "..", "fixtures", "worker-extractor.js");

function counts(db: Db): number[] {
  return ["sources", "quotes", "claims", "people"].map((t) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n);
}

/** About 2 MB of plain paragraphs (no quotes: the time is the extraction's, not the storage's). */
function twoMegabytes(): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < 2 * 1024 * 1024 - 2000; i++) {
    const p = `Paragraph ${i}: the council met on day ${i} and the budget for road ${i % 97} was discussed at length by the members present.`;
    parts.push(p);
    n += p.length + 2;
  }
  return parts.join("\n\n");
}

/**
 * A budget clock moved by hand: a job is over its budget when the test says so, whatever the
 * machine's speed (a 300 ms budget on a loaded machine also expired ordinary articles).
 */
class HandClock implements BudgetClock {
  private id = 0;
  readonly pending = new Map<number, { expire: () => void; ms: number }>();
  /** every budget ever set, also the cleared ones */
  readonly log: { expire: () => void; ms: number }[] = [];
  set(expire: () => void, ms: number): number {
    this.pending.set(++this.id, { expire, ms });
    this.log.push({ expire, ms });
    return this.id;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  /** runs out the budget of every job now running */
  expireAll(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const d of due) d.expire();
  }
}

async function listening(app: ReturnType<typeof createApp>) {
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  return server;
}

async function until(cond: () => boolean, ms = 45_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe("web: extraction in worker threads (POST /sources)", function () {
  this.timeout(60_000);
  let db: Db;
  let pool: ExtractPool;
  afterEach(async () => {
    await pool?.close();
    db?.close();
  });

  it("extracts in a worker with the real pipeline and stores the result", async () => {
    db = openDb(":memory:");
    pool = new ExtractPool({ size: 1 });
    const app = createApp({ db, extraction: pool });
    const text = "\u201CWe will reopen the library in May,\u201D said Councillor Jane Pike.";
    const res = await request(app).post("/sources").send({ text });
    assert.equal(res.status, 201, res.text);
    assert.equal(counts(db)[0], 1);
    const quotes = db.prepare("SELECT text, speaker_canonical FROM quotes").all() as { text: string; speaker_canonical: string }[];
    assert.equal(quotes.length, 1);
    assert.match(quotes[0]!.speaker_canonical, /Jane Pike$/);
  });

  it("a page answers while a 2 MB paste is being extracted", async () => {
    db = openDb(":memory:");
    // a generous budget: on a loaded machine 2 MB may take a while, and the budget is not what this tests
    pool = new ExtractPool({ size: 1, budgetMs: 600_000 });
    const app = createApp({ db, extraction: pool, writeLimit: false });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    try {
      let posted = false;
      const post = request(server).post("/sources").send({ text: twoMegabytes() }).then((r) => { posted = true; return r; });
      await until(() => pool.load().running === 1 || posted);
      assert.equal(posted, false, "the extraction was still running when the page was asked for");
      const page = await request(server).get("/sources.json");
      assert.equal(page.status, 200);
      assert.equal(pool.load().running, 1, "the page answered before the extraction ended");
      assert.equal(posted, false);
      const res = await post;
      assert.equal(res.status, 201, res.text);
    } finally {
      server.close();
    }
  });

  it("over the time budget: 422, nothing stored, pages answer meanwhile, and the next article is extracted by a fresh worker", async () => {
    db = openDb(":memory:");
    const clock = new HandClock();
    pool = new ExtractPool({ size: 1, budgetMs: 300, module: FIXTURE, clock });
    const server = await listening(createApp({ db, extraction: pool, writeLimit: false }));
    try {
      // the fixture spins until its thread is stopped: the budget is exceeded by construction
      const slow = request(server).post("/sources").send({ text: "SPIN forever" }).then((r) => r);
      await until(() => clock.pending.size === 1);
      assert.equal(clock.log[0]!.ms, 300, "the job's budget is the pool's");
      const page = await request(server).get("/sources.json");
      assert.equal(page.status, 200, "a page answers while the extraction spins");
      assert.equal(pool.load().running, 1);
      clock.expireAll();
      const res = await slow;
      assert.equal(res.status, 422);
      assert.match(res.body.error, /^text: took longer than 0\.3 s/);
      assert.deepEqual(counts(db), [0, 0, 0, 0]);

      const form = request(server).post("/sources").type("form").send({ text: "SPIN again", title: "kept" }).then((r) => r);
      await until(() => clock.pending.size === 1);
      clock.expireAll();
      const formRes = await form;
      assert.equal(formRes.status, 422);
      assert.match(formRes.text, /nothing was stored/);
      assert.ok(formRes.text.includes('value="kept"'), "the form comes back with the input");

      // a fresh worker takes the next article; its budget never runs out here
      const ok = await request(server).post("/sources").send({ text: "An ordinary article." });
      assert.equal(ok.status, 201);
      assert.equal(clock.pending.size, 0, "a finished job's budget is cleared");
      // negative row: a budget that fires late, after its job ended, stops nothing
      clock.log.at(-1)!.expire();
      const after = await request(server).post("/sources").send({ text: "Another ordinary article." });
      assert.equal(after.status, 201);
      assert.equal(counts(db)[0], 2);
    } finally {
      server.close();
    }
  });

  it("with the real clock a job that never ends is stopped at its budget (422)", async () => {
    db = openDb(":memory:");
    pool = new ExtractPool({ size: 1, budgetMs: 200, module: FIXTURE });
    const res = await request(createApp({ db, extraction: pool })).post("/sources").send({ text: "SPIN forever" });
    assert.equal(res.status, 422);
    assert.deepEqual(counts(db), [0, 0, 0, 0]);
  });

  it("every worker busy and the queue full: 503 with Retry-After, nothing stored", async () => {
    db = openDb(":memory:");
    const clock = new HandClock();
    pool = new ExtractPool({ size: 1, maxQueue: 0, budgetMs: 1500, module: FIXTURE, clock });
    const server = await listening(createApp({ db, extraction: pool }));
    try {
      const slow = request(server).post("/sources").send({ text: "SPIN until the budget ends" }).then((r) => r);
      await until(() => clock.pending.size === 1);
      const refused = await request(server).post("/sources").send({ text: "A second article." });
      assert.equal(refused.status, 503);
      assert.equal(refused.headers["retry-after"], "5");
      assert.match(refused.body.error, /busy/);
      clock.expireAll();
      assert.equal((await slow).status, 422);
      assert.deepEqual(counts(db), [0, 0, 0, 0]);
    } finally {
      server.close();
    }
  });

  it("waits in the queue when a worker is busy and the queue has room", async () => {
    db = openDb(":memory:");
    pool = new ExtractPool({ size: 1, maxQueue: 2, budgetMs: 20_000, module: FIXTURE });
    const results = await Promise.all(["One article.", "Another article.", "A third article."].map((t) => pool.extract(t)));
    assert.equal(results.length, 3);
  });

  const idle: { name: string; script: string; exits: boolean }[] = [
    { name: "a pool that has extracted and is idle", script: "p.extract('A short article.').then(() => console.log('done'))", exits: true },
    { name: "a pool that has reduced a page and is idle", script: "p.readHtml('<p>Words.</p>').then(() => console.log('done'))", exits: true },
    // negative row: a job still running keeps the process (its caller waits for it)
    { name: "a pool with a job that never ends", script: "p.extract('SPIN').then(() => console.log('never'))", exits: false },
  ];
  for (const c of idle) {
    it(`${c.name} ${c.exits ? "lets the process end" : "keeps the process"}`, () => {
      const pool = JSON.stringify(require.resolve("../../src/services/extract-pool"));
      const code = `const { ExtractPool } = require(${pool}); const p = new ExtractPool({ size: 1, module: ${JSON.stringify(FIXTURE)} }); ${c.script};`;
      const r = spawnSync(process.execPath, ["-e", code], { encoding: "utf8", timeout: c.exits ? 50_000 : 8_000 });
      if (c.exits) {
        assert.equal(r.signal, null, "ended by itself, not killed at the timeout");
        assert.equal(r.status, 0, r.stderr);
        assert.equal(r.stdout.trim(), "done");
      } else {
        assert.equal(r.signal, "SIGTERM", "still running at the timeout");
      }
    });
  }

  it("an extraction that throws in the worker is a 500 without details, nothing stored", async () => {
    db = openDb(":memory:");
    pool = new ExtractPool({ size: 1, module: FIXTURE });
    const logged: unknown[] = [];
    const app = createApp({ db, extraction: pool, log: (e) => logged.push(e) });
    const res = await request(app).post("/sources").send({ text: "THROW please" });
    assert.equal(res.status, 500);
    assert.ok(!res.text.includes("fixture failure"));
    assert.equal(logged.length, 1);
    assert.deepEqual(counts(db), [0, 0, 0, 0]);
  });
});

describe("services: extraction pool with jobs sent ahead (depth) and a lower priority (nice)", function () {
  this.timeout(60_000);
  let pool: ExtractPool;
  afterEach(async () => pool?.close());

  const texts = [
    "\u201CWe will reopen the library in May,\u201D said Councillor Jane Pike.",
    "The mayor, Tom Reed, said the budget would not change.",
    "An ordinary article.",
    "\u201CNo comment,\u201D a spokesman said.",
    "Another ordinary article, with no statement in it.",
  ];
  const shapes: { size: number; depth: number }[] = [
    { size: 1, depth: 1 },
    { size: 1, depth: 3 },
    { size: 2, depth: 2 },
    { size: 2, depth: 100 },
  ];
  for (const s of shapes) {
    it(`size ${s.size}, depth ${s.depth}: every answer is its own text's extraction, whatever worker ran it`, async () => {
      pool = new ExtractPool({ size: s.size, depth: s.depth, maxQueue: 100, module: FIXTURE });
      const got = await Promise.all([...texts, ...texts].map((t) => pool.extract(t)));
      const want = [...texts, ...texts].map((t) => extract(t));
      assert.deepEqual(got, want);
    });
  }

  const budgets: { name: string; jobs: string[]; want: ("ok" | "422" | "500")[] }[] = [
    { name: "the first job over budget", jobs: ["SPIN", texts[0]!, texts[1]!], want: ["422", "ok", "ok"] },
    { name: "a job over budget behind finished ones", jobs: [texts[0]!, "SPIN", texts[2]!], want: ["ok", "422", "ok"] },
    { name: "two over budget in a row", jobs: ["SPIN", "SPIN again", texts[2]!], want: ["422", "422", "ok"] },
    { name: "a job that throws among others (no budget runs out)", jobs: [texts[0]!, "THROW", texts[1]!], want: ["ok", "500", "ok"] },
  ];
  for (const b of budgets) {
    it(`depth 3, ${b.name}: one budget runs at a time, for the job running; the jobs sent behind it are extracted by a fresh worker`, async () => {
      const clock = new HandClock();
      pool = new ExtractPool({ size: 1, depth: 3, budgetMs: 300, module: FIXTURE, clock });
      const settled = Promise.allSettled(b.jobs.map((t) => pool.extract(t)));
      let outcomes: PromiseSettledResult<unknown>[] | undefined;
      void settled.then((o) => { outcomes = o; });
      // expire the running job's budget only while a spinning job is the one running
      while (!outcomes) {
        await new Promise((r) => setTimeout(r, 20));
        assert.ok(clock.pending.size <= 1, "one budget at a time per worker");
        if (clock.pending.size === 1 && pool.load().running === 1) {
          // a spinning job never answers: wait long enough that an ordinary one would have
          await new Promise((r) => setTimeout(r, 400));
          if (!outcomes && clock.pending.size === 1) clock.expireAll();
        }
      }
      const kinds = outcomes.map((o) => o.status === "fulfilled" ? "ok"
        : /took longer/.test(String((o.reason as Error).message)) ? "422" : "500");
      assert.deepEqual(kinds, b.want);
      outcomes.forEach((o, i) => {
        if (o.status === "fulfilled") assert.deepEqual(o.value, extract(b.jobs[i]!));
      });
    });
  }

  it("load() counts the jobs sent ahead as waiting", async () => {
    const clock = new HandClock();
    pool = new ExtractPool({ size: 1, depth: 3, maxQueue: 10, budgetMs: 300, module: FIXTURE, clock });
    const all = Promise.allSettled(["SPIN", "a", "b", "c", "d"].map((t) => pool.extract(t)));
    assert.deepEqual(pool.load(), { running: 1, waiting: 4 });
    await until(() => clock.pending.size === 1);
    clock.expireAll();
    await all;
    assert.deepEqual(pool.load(), { running: 0, waiting: 0 });
  });

  it("a pool told a nice value runs its workers at that priority, and the calling thread at its own", async function () {
    if (!existsSync("/proc/thread-self")) this.skip();
    const niceOf = (): number[] => readdirSync("/proc/self/task").map((tid) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
    });
    const own = (): number => Number(readFileSync("/proc/thread-self/stat", "utf8").split(") ")[1]!.split(" ")[16]);
    const mine = own();
    const before = niceOf();
    pool = new ExtractPool({ size: 2, depth: 2, nice: 7, module: FIXTURE });
    await Promise.all(texts.map((t) => pool.extract(t)));
    const after = niceOf();
    assert.equal(after.filter((n) => n === 7).length - before.filter((n) => n === 7).length, 2, `two threads at nice 7 (${after.join(" ")})`);
    assert.equal(own(), mine, "the calling thread keeps its priority");
  });
});
