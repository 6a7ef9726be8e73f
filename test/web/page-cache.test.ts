// The page cache (src/web/cache.ts, decision 017): an answer from the cache equals a freshly built one,
// and no page is ever answered from before a write, whoever wrote (this app, a reviewer, another
// connection to the same file); each visitor gets their own working CSRF token.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import request from "supertest";
import { createApp } from "../../src/app";
import { openDb, type Db } from "../../src/store/db";
import { ingestArticle } from "../../src/services/ingest";
import { ARTICLE_A, ARTICLE_B, FIXTURE_INGEST, fixtureDb } from "../fixtures/corpus";

const BROWSER = { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" };
const csrfOf = (html: string): string => {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  assert.ok(m, "the page carries a CSRF token");
  return m[1]!;
};
const NEW_ARTICLE = { text: "\"The ferry will run all winter,\" said Ada Quill.", title: "Ferry news", outlet: "Harbour Gazette" };

describe("web: the page cache answers what the page would be", () => {
  let db: Db;
  before(() => (db = fixtureDb()));
  after(() => db.close());

  const paths = ["/", "/quotes", "/quotes.json", "/quotes?kind=direct", "/quotes?q=bridge", "/people", "/people.json", "/people/1", "/people/1.json",
    "/sources", "/sources/1", "/sources/1.json", "/claims", "/conflicts", "/people/search.json?q=ok"];
  for (const path of paths) {
    it(`${path}: the second answer (from the cache) equals the first and an uncached app's`, async () => {
      const app = createApp({ db, ingest: FIXTURE_INGEST });
      const plain = createApp({ db, ingest: FIXTURE_INGEST, pageCache: { maxBytes: 0 } });
      const a = await request(app).get(path);
      const b = await request(app).get(path);
      const c = await request(plain).get(path);
      assert.equal(a.status, 200);
      const strip = (t: string) => t.replace(/name="_csrf" value="[^"]+"/g, "_csrf");
      assert.equal(strip(b.text), strip(a.text));
      assert.equal(strip(b.text), strip(c.text));
      assert.equal(b.headers["content-type"], c.headers["content-type"]);
    });
  }

  it("counts hits, and a cache turned off never hits (a negative row)", async () => {
    const on = createApp({ db, ingest: FIXTURE_INGEST });
    const off = createApp({ db, ingest: FIXTURE_INGEST, pageCache: { maxBytes: 0 } });
    for (let i = 0; i < 3; i++) {
      await request(on).get("/quotes.json");
      await request(off).get("/quotes.json");
    }
    assert.deepEqual([on.locals.pageCache.stats().hits, on.locals.pageCache.stats().misses], [2, 1]);
    assert.equal(off.locals.pageCache.stats().hits, 0);
  });

  it("does not keep errors, exports or pages that read the clock", async () => {
    const app = createApp({ db, ingest: FIXTURE_INGEST });
    for (const path of ["/quotes?kind=nope", "/people/999", "/quotes.csv", "/quotes.json?_all=1", "/review", "/review/sign-in"]) {
      await request(app).get(path);
      await request(app).get(path);
    }
    assert.equal(app.locals.pageCache.stats().hits, 0);
  });
});

describe("web: a write is visible on the next read", () => {
  it("a write through this app (a new article) empties the cache", async () => {
    const db = fixtureDb();
    const app = createApp({ db, ingest: FIXTURE_INGEST });
    const before = await request(app).get("/sources.json");
    await request(app).get("/sources.json");
    const home = await request(app).get("/");
    assert.ok(!home.text.includes(NEW_ARTICLE.title));
    const post = await request(app).post("/sources.json").send(NEW_ARTICLE);
    assert.ok(post.status < 300, post.text);
    const after = await request(app).get("/sources.json");
    assert.equal(after.body.total, before.body.total + 1);
    assert.ok(after.body.sources.some((s: { title: string }) => s.title === NEW_ARTICLE.title));
    assert.ok((await request(app).get("/")).text.includes(NEW_ARTICLE.title));
    db.close();
  });

  it("a reviewer's verdict shows on the listing and the quote's page at once", async () => {
    const db = fixtureDb();
    const app = createApp({ db, ingest: FIXTURE_INGEST });
    const list = async () => ((await request(app).get("/quotes.json?_size=100")).body.quotes as { id: number; review_status: string }[]);
    const first = (await list())[0]!;
    assert.equal(first.review_status, "unreviewed");
    await list();
    const rev = await request(app).post(`/quotes/${first.id}/review`).send({ action: "reject", reason: "duplicate", reviewer: "Ann" });
    assert.ok(rev.status < 400, rev.text);
    assert.equal((await list()).find((q) => q.id === first.id)!.review_status, "rejected");
    assert.equal((await request(app).get(`/quotes.json?review=rejected`)).body.total, 1);
    db.close();
  });

  it("a write by another connection to the same file (a bulk ingest) is seen on the next read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "whosaid-cache-"));
    const file = join(dir, "w.db");
    const db = openDb(file);
    const other = openDb(file);
    try {
      ingestArticle(db, ARTICLE_A, FIXTURE_INGEST);
      const app = createApp({ db, ingest: FIXTURE_INGEST });
      const a = await request(app).get("/sources.json");
      assert.equal((await request(app).get("/sources.json")).body.total, a.body.total);
      ingestArticle(other, ARTICLE_B, FIXTURE_INGEST);
      const b = await request(app).get("/sources.json");
      assert.equal(b.body.total, a.body.total + 1);
      const home = await request(app).get("/");
      assert.ok(home.text.includes(ARTICLE_B.title));
    } finally {
      other.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("each visitor gets a working CSRF token of their own, never the placeholder", async () => {
    const db = fixtureDb();
    const app = createApp({ db, ingest: FIXTURE_INGEST });
    const a = request.agent(app);
    const b = request.agent(app);
    const pa = await a.get("/people/1");
    const pb = await b.get("/people/1");
    assert.equal(app.locals.pageCache.stats().hits, 1);
    assert.ok(!/csrf-[A-Za-z0-9_-]{22}/.test(pb.text), "the placeholder never leaves the server");
    assert.notEqual(csrfOf(pa.text), csrfOf(pb.text));
    // b's token works for b's form (a write through the cached page)
    const signIn = await b.get("/review/sign-in");
    const ok = await b.post("/review/sign-in").set(BROWSER).type("form").send({ _csrf: csrfOf(signIn.text), name: "Ann", next: "/people/1" });
    assert.equal(ok.status, 303);
    const merged = await b.post("/people/1/split").set(BROWSER).type("form").send({ _csrf: csrfOf(pb.text), alias: "nobody at all" });
    assert.notEqual(merged.status, 403, "the cached page's token is b's own");
    // and a's token is not b's
    const refused = await b.post("/people/1/split").set(BROWSER).type("form").send({ _csrf: csrfOf(pa.text), alias: "nobody at all" });
    assert.equal(refused.status, 403);
    db.close();
  });

  it("a signed-in reviewer does not get an anonymous visitor's page, nor the reverse", async () => {
    const db = fixtureDb();
    const app = createApp({ db, ingest: FIXTURE_INGEST });
    const anon = await request(app).get("/quotes");
    const agent = request.agent(app);
    const form = await agent.get("/review/sign-in");
    await agent.post("/review/sign-in").set(BROWSER).type("form").send({ _csrf: csrfOf(form.text), name: "Beatrix Reviewer", next: "/quotes" });
    const signed = await agent.get("/quotes");
    assert.ok(signed.text.includes("Beatrix Reviewer"));
    assert.ok(!anon.text.includes("Beatrix Reviewer"));
    assert.ok(!(await request(app).get("/quotes")).text.includes("Beatrix Reviewer"));
    db.close();
  });
});
