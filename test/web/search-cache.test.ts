// A statement search answered from the search cache (src/store/search-cache.ts, decision 044) is the
// page built without it, in HTML, JSON and CSV, its second page included; after a write the answer
// is the new one; and a search box the FTS language refuses is still a 400 in every format.
import assert from "node:assert/strict";
import request from "supertest";
import { createApp } from "../../src/app";
import { type Db } from "../../src/store/db";
import { ingestArticle } from "../../src/services/ingest";
import { FIXTURE_INGEST, fixtureDb } from "../fixtures/corpus";

const strip = (t: string) => t.replace(/name="_csrf" value="[^"]+"/g, "_csrf");

async function withoutSearchCache<T>(fn: () => Promise<T>): Promise<T> {
  const before = process.env.WHOSAID_SEARCH_CACHE;
  process.env.WHOSAID_SEARCH_CACHE = "0";
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.WHOSAID_SEARCH_CACHE;
    else process.env.WHOSAID_SEARCH_CACHE = before;
  }
}

describe("web: a search from the search cache is the page built without it", () => {
  let db: Db;
  before(() => (db = fixtureDb()));
  after(() => db.close());
  // the page cache off, so that every answer is built
  const app = () => createApp({ db, ingest: FIXTURE_INGEST, pageCache: { maxBytes: 0 } });

  const SEARCHES = ["bridge", "said", "mon*", "\"the bridge\"", "bridge OR money", "bridge -money", "zzzzqqqq", "\"money bridge\""];
  for (const q of SEARCHES) {
    for (const format of ["", ".json", ".csv"]) {
      it(`/quotes${format}?q=${q} (and its second page): the same body with the cache as without`, async () => {
        const path = `/quotes${format}?q=${encodeURIComponent(q)}&_size=1`;
        const a = await request(app()).get(path);
        const b = await request(app()).get(path);
        const c = await withoutSearchCache(() => request(app()).get(path));
        assert.equal(a.status, 200);
        assert.equal(strip(a.text), strip(c.text));
        assert.equal(strip(b.text), strip(c.text));
        if (format === ".json") {
          const next = (a.body as { next_url?: string | null }).next_url;
          if (next) {
            const u = new URL(next, "http://x");
            const p2 = `${u.pathname}${u.search}`;
            const d = await request(app()).get(p2);
            const e = await withoutSearchCache(() => request(app()).get(p2));
            assert.equal(d.status, 200);
            assert.equal(d.text, e.text);
          }
        }
      });
    }
  }

  it("after an article is stored, the search finds its statements at once", async () => {
    const path = "/quotes.json?q=ferry";
    const before = await request(app()).get(path);
    ingestArticle(db, { text: "\"The ferry will run all winter,\" said Ada Quill.", title: "Ferry news", outlet: "Harbour Gazette" });
    const after = await request(app()).get(path);
    const plain = await withoutSearchCache(() => request(app()).get(path));
    assert.equal(after.text, plain.text);
    assert.ok((after.body as { total: number }).total > (before.body as { total: number }).total);
  });

  for (const q of ["\"bridge", "bridge OR", "(bridge", "-bridge", "bri*dge"]) {
    for (const format of ["", ".json", ".csv"]) {
      it(`/quotes${format}?q=${q}: refused with a 400, cache or not`, async () => {
        const path = `/quotes${format}?q=${encodeURIComponent(q)}`;
        assert.equal((await request(app()).get(path)).status, 400);
        assert.equal((await withoutSearchCache(() => request(app()).get(path))).status, 400);
      });
    }
  }
});
