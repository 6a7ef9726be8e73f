import assert from "node:assert/strict";
import { join } from "node:path";
import request from "supertest";
import { createApp } from "../../src/app";
import { openDb, type Db } from "../../src/store/db";
import { ExtractPool } from "../../src/services/extract-pool";

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

async function until(cond: () => boolean, ms = 20_000): Promise<void> {
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
    await pool.close();
    db.close();
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
    pool = new ExtractPool({ size: 1 });
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

  it("over the time budget: 422, nothing stored, and the next article is extracted by a fresh worker", async () => {
    db = openDb(":memory:");
    pool = new ExtractPool({ size: 1, budgetMs: 300, module: FIXTURE });
    const app = createApp({ db, extraction: pool });
    const slow = await request(app).post("/sources").send({ text: "SPIN forever" });
    assert.equal(slow.status, 422);
    assert.match(slow.body.error, /^text: took longer than 0\.3 s/);
    assert.deepEqual(counts(db), [0, 0, 0, 0]);
    const form = await request(app).post("/sources").type("form").send({ text: "SPIN again", title: "kept" });
    assert.equal(form.status, 422);
    assert.match(form.text, /nothing was stored/);
    assert.ok(form.text.includes('value="kept"'), "the form comes back with the input");
    const ok = await request(app).post("/sources").send({ text: "An ordinary article." });
    assert.equal(ok.status, 201);
    assert.equal(counts(db)[0], 1);
  });

  it("every worker busy and the queue full: 503 with Retry-After, nothing stored", async () => {
    db = openDb(":memory:");
    pool = new ExtractPool({ size: 1, maxQueue: 0, budgetMs: 1500, module: FIXTURE });
    const app = createApp({ db, extraction: pool });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    try {
      const slow = request(server).post("/sources").send({ text: "SPIN until the budget ends" }).then((r) => r);
      await until(() => pool.load().running === 1);
      const refused = await request(server).post("/sources").send({ text: "A second article." });
      assert.equal(refused.status, 503);
      assert.equal(refused.headers["retry-after"], "5");
      assert.match(refused.body.error, /busy/);
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
