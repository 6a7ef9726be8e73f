// Keyset paging: following "next" links returns every row exactly once, in the order of one big page,
// for every listing, sort and page size; rows inserted between pages neither repeat nor hide others;
// a token that is not one of ours is a 400.
import assert from "node:assert/strict";
import request from "supertest";
import type { Express } from "express";
import { createApp } from "../../src/app";
import { openDb, type Db } from "../../src/store/db";
import { ingestArticle } from "../../src/services/ingest";
import { encodeToken } from "../../src/web/paging";
import { ARTICLE_A, ARTICLE_B, FIXTURE_INGEST } from "../fixtures/corpus";
import { COMPARISON_ARTICLES } from "../fixtures/comparison";

/** The seven fixture articles, with each quote and claim copied twice more (ties on every sort key but the id). */
function pagingDb(): Db {
  const db = openDb(":memory:");
  for (const a of [ARTICLE_A, ARTICLE_B, ...COMPARISON_ARTICLES]) ingestArticle(db, a, FIXTURE_INGEST);
  const cols = "source_id, start, end, text, kind, speaker_mention, speaker_start, speaker_end, speaker_canonical, speaker_kind, person_id, cue, cue_start, cue_end, via, sieve, confidence";
  db.exec(`INSERT INTO quotes (${cols}) SELECT ${cols} FROM quotes; INSERT INTO quotes (${cols}) SELECT ${cols} FROM quotes WHERE id % 2 = 0`);
  const ccols = "source_id, start, end, text, reason, trigger, trigger_start, trigger_end, explanation";
  db.exec(`INSERT INTO claims (${ccols}) SELECT ${ccols} FROM claims; INSERT INTO claims (${ccols}) SELECT ${ccols} FROM claims`);
  return db;
}

interface Listing {
  path: string;
  key: string;
  sorts: string[];
  id?: (row: any) => number;
}

const LISTINGS: Listing[] = [
  { path: "/quotes.json", key: "quotes", sorts: ["source", "-id", "confidence", "speaker"] },
  { path: "/quotes.json?q=the", key: "quotes", sorts: ["rank", "source", "confidence"] },
  { path: "/quotes.json?kind=direct", key: "quotes", sorts: ["source", "speaker"] },
  { path: "/claims.json", key: "claims", sorts: ["source", "-id", "reason"] },
  { path: "/sources.json", key: "sources", sorts: ["id", "-id", "-published", "-quotes", "title"] },
  { path: "/sources.json?q=said", key: "sources", sorts: ["rank", "title"] },
  { path: "/people.json", key: "people", sorts: ["-quotes", "name", "-sources"] },
  { path: "/conflicts.json?label=one%20source%20only", key: "groups", sorts: ["label", "-sources"] },
  { path: "/people/3.json", key: "groups", sorts: ["sources"] },
];

const SIZES = [1, 2, 3, 7, 1000];

function withParams(path: string, params: Record<string, string>): string {
  const [base, qs] = path.split("?");
  const p = new URLSearchParams(qs);
  for (const [k, v] of Object.entries(params)) p.set(k, v);
  return `${base}?${p}`;
}

async function follow(app: Express, first: string, key: string): Promise<{ ids: number[]; pages: number; total: number; offsets: number[] }> {
  const ids: number[] = [];
  const offsets: number[] = [];
  let url: string | null = first;
  let pages = 0;
  let total = -1;
  while (url) {
    const res = await request(app).get(url);
    assert.equal(res.status, 200, `${url}: ${res.text.slice(0, 200)}`);
    total = res.body.total;
    offsets.push(res.body.offset);
    ids.push(...res.body[key].map((r: { id: number }) => r.id));
    url = res.body.next_url;
    pages++;
    assert.ok(pages < 500, "paging ends");
  }
  return { ids, pages, total, offsets };
}

describe("web: keyset paging returns every row exactly once", () => {
  let db: Db;
  let app: Express;
  before(() => {
    db = pagingDb();
    app = createApp({ db, ingest: FIXTURE_INGEST });
  });
  after(() => db.close());

  it("the fixture has ties to break and more rows than the small page sizes", () => {
    const n = (db.prepare("SELECT count(*) AS n FROM quotes").get() as { n: number }).n;
    assert.ok(n >= 40, `${n} quotes`);
  });

  for (const l of LISTINGS) {
    for (const sort of l.sorts) {
      it(`${l.path} sorted by ${sort}: pages of ${SIZES.join(", ")} rows give the rows of one page`, async () => {
        const whole = await request(app).get(withParams(l.path, { _sort: sort, _size: "1000" }));
        assert.equal(whole.status, 200, whole.text.slice(0, 200));
        const expected = whole.body[l.key].map((r: { id: number }) => r.id);
        assert.equal(expected.length, whole.body.total);
        assert.ok(expected.length > 0, "a listing with rows");
        assert.equal(new Set(expected).size, expected.length, "no row twice in one page");
        for (const size of SIZES) {
          const got = await follow(app, withParams(l.path, { _sort: sort, _size: String(size) }), l.key);
          assert.deepEqual(got.ids, expected, `pages of ${size}`);
          assert.equal(got.pages, Math.max(1, Math.ceil(expected.length / size)), `number of pages of ${size}`);
          assert.deepEqual(got.offsets, got.offsets.map((_, i) => i * size), "each page knows the rows before it");
        }
      });
    }
  }

  it("the sorts order what they say", async () => {
    const conf = (await request(app).get("/quotes.json?_sort=confidence&_size=1000")).body.quotes.map((q: any) => q.confidence);
    assert.deepEqual(conf, [...conf].sort((a: number, b: number) => a - b));
    const newest = (await request(app).get("/quotes.json?_sort=-id&_size=1000")).body.quotes.map((q: any) => q.id);
    assert.deepEqual(newest, [...newest].sort((a: number, b: number) => b - a));
    const names = (await request(app).get("/people.json?_sort=name&_size=1000")).body.people.map((p: any) => p.name.toLowerCase());
    assert.deepEqual(names, [...names].sort());
    const ranks = (await request(app).get("/quotes.json?q=the&_size=1000")).body.quotes.map((q: any) => q.rank);
    assert.deepEqual(ranks, [...ranks].sort((a: number, b: number) => a - b), "best match (lowest bm25) first");
  });

  it("rows added between two pages neither repeat a row nor hide one that was there", async () => {
    const own = pagingDb();
    const ownApp = createApp({ db: own, ingest: FIXTURE_INGEST });
    const before = (await request(ownApp).get("/quotes.json?_size=1000")).body.quotes.map((q: any) => q.id);
    const first = (await request(ownApp).get("/quotes.json?_size=5")).body;
    // a copy of the first quote sorts right after it, on the page already read
    own.exec(`INSERT INTO quotes (source_id, start, end, text, kind, speaker_kind, sieve, confidence)
      SELECT source_id, start, end, text, kind, speaker_kind, sieve, confidence FROM quotes WHERE id = ${before[0]}`);
    const rest = await follow(ownApp, first.next_url, "quotes");
    const seen = [...first.quotes.map((q: any) => q.id), ...rest.ids];
    assert.equal(new Set(seen).size, seen.length, "no row twice");
    for (const id of before) assert.ok(seen.includes(id), `row ${id} still listed`);
    own.close();
  });

  it("HTML pages link to the next page and back to the first", async () => {
    const first = await request(app).get("/quotes?_size=3");
    const next = /rel="next" href="([^"]+)"/.exec(first.text)![1]!.replace(/&amp;/g, "&").replace(/&#x3D;/g, "=");
    assert.match(next, /^\/quotes\?_size=3&_next=[\w-]+$/);
    const second = await request(app).get(next);
    assert.equal(second.status, 200);
    assert.match(second.text, /4–6 of \d+/);
    assert.match(second.text, /rel="first" href="\/quotes\?_size&#x3D;3"/);
  });

  const bad: { name: string; path: string; error: RegExp }[] = [
    { name: "not base64url", path: "/quotes.json?_next=%2F%2F%2F", error: /^_next: is not a page token/ },
    { name: "base64 of no JSON", path: `/quotes.json?_next=${Buffer.from("{{{").toString("base64url")}`, error: /^_next: is not a page token/ },
    { name: "JSON but no array", path: `/quotes.json?_next=${Buffer.from('{"a":1}').toString("base64url")}`, error: /^_next: is not a page token/ },
    { name: "too few keys", path: `/quotes.json?_next=${encodeToken("source", 0, [1, 2])}`, error: /^_next: is not a page token/ },
    { name: "too many keys", path: `/quotes.json?_next=${encodeToken("-id", 0, [1, 2])}&_sort=-id`, error: /^_next: is not a page token/ },
    { name: "a text where a number goes", path: `/quotes.json?_next=${encodeToken("-id", 0, ["1"])}&_sort=-id`, error: /^_next: is not a page token/ },
    { name: "a number where a text goes", path: `/people.json?_next=${encodeToken("name", 0, [1, 1])}&_sort=name`, error: /^_next: is not a page token/ },
    { name: "a negative position", path: `/quotes.json?_next=${encodeToken("-id", -5, [3])}&_sort=-id`, error: /^_next: is not a page token/ },
    { name: "a fractional position", path: `/quotes.json?_next=${encodeToken("-id", 1.5, [3])}&_sort=-id`, error: /^_next: is not a page token/ },
    { name: "another sort's token", path: `/quotes.json?_next=${encodeToken("-id", 5, [3])}`, error: /^_next: belongs to another sort than "source"/ },
    { name: "a token of another listing", path: `/claims.json?_next=${encodeToken("-quotes", 5, [3, "x", 2])}`, error: /^_next: belongs to another sort/ },
    { name: "an over-long token", path: `/quotes.json?_next=${"A".repeat(3000)}`, error: /^_next: is not a page token/ },
    { name: "null keys", path: `/quotes.json?_next=${Buffer.from('["-id",0,null]').toString("base64url")}&_sort=-id`, error: /^_next: is not a page token/ },
    { name: "a repeated token", path: `/quotes.json?_next=${encodeToken("-id", 0, [3])}&_next=x&_sort=-id`, error: /^_next: give this parameter once/ },
    { name: "an HTML page", path: "/people?_next=zzz", error: /_next: is not a page token/ },
  ];
  for (const c of bad) {
    it(`a bad token (${c.name}) → 400`, async () => {
      const res = await request(app).get(c.path);
      assert.equal(res.status, 400, res.text.slice(0, 200));
      if (c.path.includes(".json")) assert.match(res.body.error, c.error);
      else assert.match(res.text, c.error);
    });
  }

  it("a token of ours with any key values is answered, never a 500", async () => {
    for (const key of [0, -1, 1e308, Number.MAX_SAFE_INTEGER]) {
      const res = await request(app).get(`/quotes.json?_sort=confidence&_next=${encodeToken("confidence", 0, [key, 1])}`);
      assert.equal(res.status, 200);
    }
    const res = await request(app).get(`/people.json?_sort=name&_next=${encodeToken("name", 0, ["'; DROP TABLE people; --", 1])}`);
    assert.equal(res.status, 200);
    assert.ok((db.prepare("SELECT count(*) AS n FROM people").get() as { n: number }).n > 0);
  });
});
