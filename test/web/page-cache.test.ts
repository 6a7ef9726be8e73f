// The page cache (src/web/cache.ts, decision 017): an answer from the cache equals a freshly built one,
// and no page is ever answered from before a write, whoever wrote (this app, a reviewer, another
// connection to the same file); each visitor gets their own working CSRF token.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
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

/** The bytes as sent (supertest would unzip them), through a real socket. */
async function rawGets(app: ReturnType<typeof createApp>, gets: { path: string; encoding: string }[]) {
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  try {
    const port = (server.address() as AddressInfo).port;
    const out: { status: number; headers: http.IncomingHttpHeaders; body: Buffer }[] = [];
    for (const g of gets) {
      out.push(await new Promise((resolve, reject) => {
        http.get({ port, host: "127.0.0.1", path: g.path, headers: { "accept-encoding": g.encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        }).on("error", reject);
      }));
    }
    return out;
  } finally {
    server.close();
    server.closeAllConnections();
  }
}

const decode = (encoding: string | undefined, body: Buffer): string =>
  (encoding === "gzip" ? gunzipSync(body) : encoding === "br" ? brotliDecompressSync(body) : body).toString("utf8");

describe("web: a cached page is sent as compressed bytes, with every header", () => {
  let db: Db;
  before(() => (db = fixtureDb()));
  after(() => db.close());

  // expected: the Content-Encoding of the hit (a page with a CSRF token is gzipped with the visitor's
  // token, never brotli; small bodies, under compression's 1 KB threshold, go as they are)
  const cases = [
    { path: "/people/1", encoding: "gzip", expected: "gzip" },
    { path: "/people/1", encoding: "gzip, deflate, br", expected: "gzip" },
    { path: "/people/1", encoding: "br", expected: undefined },
    { path: "/people/1", encoding: "identity", expected: undefined },
    { path: "/quotes", encoding: "gzip, deflate, br", expected: "br" },
    { path: "/quotes", encoding: "gzip", expected: "gzip" },
    { path: "/quotes", encoding: "deflate", expected: undefined },
    { path: "/quotes", encoding: "br;q=0, gzip", expected: "gzip" },
    { path: "/quotes.json", encoding: "br", expected: "br" },
    { path: "/people/search.json?q=zzzz", encoding: "gzip, br", expected: undefined },
  ];
  for (const c of cases) {
    it(`${c.path} asked with Accept-Encoding "${c.encoding}": ${c.expected ?? "as it is"}, and the same page`, async () => {
      const app = createApp({ db, ingest: FIXTURE_INGEST });
      const plain = createApp({ db, ingest: FIXTURE_INGEST, pageCache: { maxBytes: 0 } });
      const [miss, hit] = await rawGets(app, [{ path: c.path, encoding: "identity" }, { path: c.path, encoding: c.encoding }]);
      const [fresh] = await rawGets(plain, [{ path: c.path, encoding: "identity" }]);
      assert.equal(app.locals.pageCache.stats().hits, 1);
      assert.equal(hit!.status, 200);
      assert.equal(hit!.headers["content-encoding"], c.expected);
      assert.equal(Number(hit!.headers["content-length"]), hit!.body.length);
      const strip = (t: string) => t.replace(/name="_csrf" value="[^"]+"/g, "_csrf");
      const text = decode(hit!.headers["content-encoding"], hit!.body);
      assert.equal(strip(text), strip(miss!.body.toString("utf8")));
      assert.equal(strip(text), strip(fresh!.body.toString("utf8")));
      if (c.path === "/people/1") {
        assert.ok(!/csrf-[A-Za-z0-9_-]{22}/.test(text), "the placeholder never leaves the server");
        assert.ok(/name="_csrf" value="[^"]+"/.test(text));
        assert.notEqual(csrfOf(text), csrfOf(miss!.body.toString("utf8")), "each answer its own token");
        assert.ok(String(hit!.headers["set-cookie"]).includes("whosaid_csrf"), "with the cookies it goes with");
      }
      // the headers of a built page, on the hit too
      for (const name of ["content-type", "content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy", "etag", "cache-control"]) {
        assert.equal(typeof hit!.headers[name], "string", `${name} on the cached hit`);
        if (name !== "etag") assert.equal(hit!.headers[name], fresh!.headers[name], name);
      }
      if (c.expected) assert.match(String(hit!.headers.vary), /Accept-Encoding/i);
    });
  }

  it("a gzipped hit's token works for the visitor's form (a write through the cached page)", async () => {
    const app = createApp({ db: fixtureDb(), ingest: FIXTURE_INGEST });
    const agent = request.agent(app);
    await agent.get("/people/1");
    const page = await agent.get("/people/1").buffer(true);
    assert.equal(page.headers["content-encoding"], "gzip", "supertest asks for gzip, so this hit was gzipped from its parts");
    const signIn = await agent.get("/review/sign-in");
    assert.equal((await agent.post("/review/sign-in").set(BROWSER).type("form").send({ _csrf: csrfOf(signIn.text), name: "Ann", next: "/people/1" })).status, 303);
    const split = await agent.post("/people/1/split").set(BROWSER).type("form").send({ _csrf: csrfOf(page.text), alias: "nobody at all" });
    assert.notEqual(split.status, 403);
    const forged = await agent.post("/people/1/split").set(BROWSER).type("form").send({ _csrf: csrfOf(page.text).replace(/^./, (ch) => (ch === "a" ? "b" : "a")), alias: "nobody at all" });
    assert.equal(forged.status, 403, "a token changed by one character is refused (a negative row)");
  });
});
