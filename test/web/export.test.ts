// Streamed exports equal the listing; they are read in runs that leave the connection free between
// them; a client that stops reading holds its export slot (503 for the next past the limit) until it
// leaves; pages and exports are compressed; unchanged pages answer 304 to their ETag.
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import request from "supertest";
import type { Express } from "express";
import { createApp } from "../../src/app";
import { openDb, type Db } from "../../src/store/db";
import { ingestArticle } from "../../src/services/ingest";
import { iterateKeyset } from "../../src/store/keyset";
import { ARTICLE_A, ARTICLE_B, FIXTURE_INGEST, fixtureDb } from "../fixtures/corpus";
import { COMPARISON_ARTICLES } from "../fixtures/comparison";

function exportDb(): Db {
  const db = openDb(":memory:");
  for (const a of [ARTICLE_A, ARTICLE_B, ...COMPARISON_ARTICLES]) ingestArticle(db, a, FIXTURE_INGEST);
  return db;
}

function binary(res: request.Response, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on("data", (c: Buffer) => chunks.push(c));
  stream.on("end", () => cb(null, Buffer.concat(chunks)));
}

const csvIds = (text: string) => text.replace(/^\uFEFF/, "").split("\r\n").slice(1).filter(Boolean).map((l) => Number(l.split(",")[0]));

async function pagedRows(app: Express, path: string, key: string): Promise<any[]> {
  const rows: any[] = [];
  let url: string | null = path + (path.includes("?") ? "&" : "?") + "_size=3";
  while (url) {
    const res = await request(app).get(url);
    assert.equal(res.status, 200, res.text.slice(0, 200));
    rows.push(...res.body[key]);
    url = res.body.next_url;
  }
  return rows;
}

describe("web: streamed exports equal the listing", () => {
  let db: Db;
  let app: Express;
  before(() => {
    db = exportDb();
    app = createApp({ db, ingest: FIXTURE_INGEST });
  });
  after(() => db.close());

  const lists: { json: string; csv: string; key: string }[] = [
    { json: "/quotes.json", csv: "/quotes.csv", key: "quotes" },
    { json: "/quotes.json?kind=direct&_sort=confidence", csv: "/quotes.csv?kind=direct&_sort=confidence", key: "quotes" },
    { json: "/quotes.json?person=1", csv: "/quotes.csv?person=1", key: "quotes" },
    { json: "/quotes.json?q=hospital&_sort=source", csv: "/quotes.csv?q=hospital&_sort=source", key: "quotes" },
    { json: "/quotes.json?q=hospital", csv: "/quotes.csv?q=hospital", key: "quotes" },
    { json: "/claims.json", csv: "/claims.csv", key: "claims" },
    { json: "/claims.json?reason=hedge", csv: "/claims.csv?reason=hedge", key: "claims" },
    { json: "/sources.json", csv: "/sources.csv", key: "sources" },
    { json: "/sources.json?_sort=-quotes", csv: "/sources.csv?_sort=-quotes", key: "sources" },
    { json: "/sources.json?outlet=Coast+Courier", csv: "/sources.csv?outlet=Coast+Courier", key: "sources" },
    { json: "/people.json", csv: "/people.csv", key: "people" },
    { json: "/people.json?q=varga&_sort=name", csv: "/people.csv?q=varga&_sort=name", key: "people" },
  ];
  for (const l of lists) {
    it(`${l.csv} holds the rows of every page of ${l.json}, in order`, async () => {
      const paged = await pagedRows(app, l.json, l.key);
      assert.ok(paged.length > 0);
      const csv = await request(app).get(l.csv);
      assert.equal(csv.status, 200);
      assert.match(String(csv.headers["content-type"]), /^text\/csv/);
      assert.deepEqual(csvIds(csv.text), paged.map((r) => r.id));
    });
    it(`${l.json} with _all=1 is every page's rows in one document`, async () => {
      const paged = (await pagedRows(app, l.json, l.key)).map(({ highlight: _h, rank: _r, ...r }) => r);
      const all = await request(app).get(l.json + (l.json.includes("?") ? "&" : "?") + "_all=1");
      assert.equal(all.status, 200);
      assert.equal(all.body.total, paged.length);
      assert.equal(all.body.next, null);
      assert.deepEqual(all.body[l.key].map(({ rank: _r, ...r }: any) => r), paged);
    });
  }

  it("a streamed JSON export escapes markup as res.json does", async () => {
    const xss = fixtureDb({ xss: true });
    const res = await request(createApp({ db: xss, ingest: FIXTURE_INGEST })).get("/quotes.json?_all=1");
    assert.ok(!res.text.includes("<img"));
    assert.ok(res.body.quotes.some((q: any) => q.text === "<img src=x onerror=alert(2)>"));
    xss.close();
  });

  it("the CSV files keep their bytes (test/golden) whatever the page size", async () => {
    const a = await request(app).get("/quotes.csv").buffer(true).parse(binary);
    const b = await request(app).get("/quotes.csv?_size=1").buffer(true).parse(binary);
    assert.equal((a.body as Buffer).toString("hex"), (b.body as Buffer).toString("hex"));
  });

  it("bad export parameters are 400s", async () => {
    assert.equal((await request(app).get("/quotes.json?_all=yes")).status, 400);
    assert.equal((await request(app).get("/quotes.csv?_sort=nope")).status, 400);
    assert.equal((await request(app).get("/quotes.csv?q=%22")).status, 400);
    assert.equal((await request(app).get("/conflicts.csv")).status, 404);
  });
});

describe("web: exports are read in runs and respect a slow client", () => {
  it("runs stop when the consumer is full, leave the connection free, and return every row once", async () => {
    const db = exportDb();
    const seen: number[] = [];
    let pauses = 0;
    const base = "SELECT id FROM quotes";
    const n = await iterateKeyset<{ id: number }>(
      db, base, { keys: [{ col: "id", type: "num" }] }, {},
      (row) => {
        seen.push(row.id);
        return seen.length % 4 !== 0;
      },
      async () => {
        pauses++;
        // any other statement on this connection would throw while an iterator is open
        db.prepare("SELECT count(*) FROM sources").get();
        await new Promise((r) => setImmediate(r));
      },
      () => false,
      3,
    );
    const all = (db.prepare("SELECT id FROM quotes ORDER BY id").all() as { id: number }[]).map((r) => r.id);
    assert.deepEqual(seen, all);
    assert.equal(n, all.length);
    assert.equal(pauses, Math.floor((all.length - 1) / 4));
    db.close();
  });

  it("stops reading when told the client has gone", async () => {
    const db = exportDb();
    let read = 0;
    await iterateKeyset(db, "SELECT id FROM quotes", { keys: [{ col: "id", type: "num" }] }, {}, () => ++read % 2 !== 0, async () => {}, () => read >= 4, 2);
    assert.equal(read, 4);
    db.close();
  });

  it("a client that stops reading holds its slot: the next export past the limit is a 503 until it leaves", async () => {
    const db = exportDb();
    const cols = "source_id, start, end, text, kind, speaker_kind, sieve, confidence";
    db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
      INSERT INTO quotes (${cols}) SELECT 1, i, i + 1, printf('%.*c', 600, 'x'), 'indirect', 'unknown', 'bulk', 0.5 FROM n`);
    const app = createApp({ db, ingest: FIXTURE_INGEST, maxExports: 1 });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    const port = (server.address() as AddressInfo).port;
    try {
      const slow = await new Promise<http.IncomingMessage>((resolve) => http.get({ port, host: "127.0.0.1", path: "/quotes.csv" }, resolve));
      assert.equal(slow.statusCode, 200);
      slow.pause();
      await new Promise((r) => setTimeout(r, 200));
      const busy = await request(server).get("/quotes.csv");
      assert.equal(busy.status, 503);
      assert.ok(busy.headers["retry-after"]);
      assert.match(busy.text, /Too many exports/);
      assert.equal((await request(server).get("/quotes.json?_all=1")).status, 503, "JSON exports share the limit");
      assert.equal((await request(server).get("/quotes.json")).status, 200, "pages are not exports");
      slow.destroy();
      let ok = 0;
      for (let i = 0; i < 50 && ok !== 200; i++) {
        await new Promise((r) => setTimeout(r, 20));
        ok = (await request(server).get("/claims.csv")).status;
      }
      assert.equal(ok, 200, "the slot came back when the client left");
      const full = await request(server).get("/quotes.csv?kind=direct");
      assert.equal(csvIds(full.text).length, (db.prepare("SELECT count(*) AS n FROM quotes WHERE kind = 'direct'").get() as { n: number }).n);
    } finally {
      const closed = new Promise((r) => server.close(r));
      server.closeAllConnections();
      await closed;
      db.close();
    }
  });
});

/** The bytes as sent (supertest would unzip them). */
async function rawGet(app: Express, path: string, encoding: string): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  try {
    const port = (server.address() as AddressInfo).port;
    return await new Promise((resolve, reject) => {
      http.get({ port, host: "127.0.0.1", path, headers: { "accept-encoding": encoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).on("error", reject);
    });
  } finally {
    server.close();
    server.closeAllConnections();
  }
}

describe("web: compression and ETags", () => {
  let db: Db;
  let app: Express;
  before(() => {
    db = exportDb();
    app = createApp({ db, ingest: FIXTURE_INGEST });
  });
  after(() => db.close());

  for (const path of ["/", "/quotes", "/quotes.json", "/quotes.csv", "/people.csv", "/static/site.css"]) {
    it(`${path} is gzipped for a client that accepts it, and the same when unzipped`, async () => {
      const plain = await rawGet(app, path, "identity");
      const zipped = await rawGet(app, path, "gzip");
      assert.equal(zipped.headers["content-encoding"], "gzip");
      assert.equal(plain.headers["content-encoding"], undefined);
      assert.equal(gunzipSync(zipped.body).toString("hex"), plain.body.toString("hex"));
      assert.ok(zipped.body.length < plain.body.length);
    });
  }

  it("an unchanged page answers 304 to its ETag, a changed database a new page", async () => {
    const first = await request(app).get("/quotes");
    const tag = String(first.headers.etag);
    assert.match(tag, /^W\/"/);
    assert.equal(first.headers["cache-control"], "no-cache");
    const again = await request(app).get("/quotes").set("If-None-Match", tag);
    assert.equal(again.status, 304);
    assert.equal(again.text, "");
    const json = await request(app).get("/quotes.json").set("If-None-Match", tag);
    assert.equal(json.status, 200, "the JSON twin has its own tag");
    const cookie = await request(app).get("/quotes").set("If-None-Match", tag).set("Cookie", "session=other");
    assert.equal(cookie.status, 200, "another visitor's cookies, another tag");
    ingestArticle(db, { text: "\"A new line,\" said Ada Quill.", title: "New" }, FIXTURE_INGEST);
    const changed = await request(app).get("/quotes").set("If-None-Match", tag);
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.etag, tag);
  });

  it("exports carry no ETag", async () => {
    const res = await request(app).get("/quotes.csv");
    assert.equal(res.headers.etag, undefined);
    assert.equal((await request(app).get("/quotes.json?_all=1")).headers.etag, undefined);
  });
});
