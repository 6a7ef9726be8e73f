// Full-text search (FTS5, migration 15): words, phrases, prefixes, OR and exclusions, ranking and
// highlighting, on quotes, claims and sources; the same q in HTML, JSON and CSV; what a user types
// that is no search is a 400 naming q, never a 500; the index follows the tables it indexes.
import assert from "node:assert/strict";
import request from "supertest";
import fc from "fast-check";
import type { Express } from "express";
import { createApp } from "../../src/app";
import { migrate, openDb, type Db } from "../../src/store/db";
import { MIGRATIONS } from "../../src/store/migrations";
import { ingestArticle } from "../../src/services/ingest";
import { FtsQueryError, ftsQuery, hitSegments } from "../../src/store/fts";
import { ARTICLE_A, ARTICLE_B, FIXTURE_INGEST } from "../fixtures/corpus";
import { COMPARISON_ARTICLES } from "../fixtures/comparison";

function searchDb(): Db {
  const db = openDb(":memory:");
  for (const a of [ARTICLE_A, ARTICLE_B, ...COMPARISON_ARTICLES]) ingestArticle(db, a, FIXTURE_INGEST);
  return db;
}

const texts = (db: Db, ids: number[]) => ids.map((id) => (db.prepare("SELECT text FROM quotes WHERE id = ?").get(id) as { text: string }).text);

describe("search: the query language", () => {
  const cases: { q: string; fts: string }[] = [
    { q: "fox blair", fts: '"fox" AND "blair"' },
    { q: '"prime minister"', fts: '"prime minister"' },
    { q: "elect*", fts: '"elect"*' },
    { q: '"the min"*', fts: '"the min"*' },
    { q: "mess OR plan", fts: '("mess") OR ("plan")' },
    { q: "money -plan", fts: '("money") NOT "plan"' },
    { q: "money NOT plan", fts: '("money") NOT "plan"' },
    { q: "money AND plan", fts: '"money" AND "plan"' },
    { q: "(mess OR plan) money", fts: '(("mess") OR ("plan")) AND "money"' },
    { q: "U.S. don't", fts: '"U.S." AND "don\'t"' },
    { q: "or and not", fts: '"or" AND "and" AND "not"' },
    { q: "title:secret", fts: '"title:secret"' },
    { q: "NEAR(a b)", fts: '"NEAR" AND ("a" AND "b")' },
    { q: "money %", fts: '"money"' },
    { q: "Пхеньян", fts: '"Пхеньян"' },
  ];
  for (const c of cases) {
    it(`${JSON.stringify(c.q)} → ${c.fts}`, () => assert.equal(ftsQuery(c.q), c.fts));
  }

  const errors: { q: string; message: RegExp }[] = [
    { q: '"unclosed phrase', message: /quotation mark is not closed/ },
    { q: "blair OR", message: /"OR" needs words on both sides/ },
    { q: "OR blair", message: /"OR" needs words on both sides/ },
    { q: "% OR blair", message: /"OR" needs words on both sides/ },
    { q: "NOT blair", message: /only leave words out/ },
    { q: "-blair", message: /only leave words out/ },
    { q: "(blair", message: /"\(" is not closed/ },
    { q: "blair)", message: /"\)" has no "\("/ },
    { q: "bl*air", message: /goes at the end of a word/ },
    { q: "%%%", message: /no words to search for/ },
    { q: "*", message: /no words to search for/ },
    { q: "AND", message: /needs/ },
    { q: Array.from({ length: 40 }, (_, i) => `w${i}`).join(" "), message: /too many words/ },
  ];
  for (const c of errors) {
    it(`${JSON.stringify(c.q.slice(0, 30))} is refused: ${c.message}`, () => {
      assert.throws(() => ftsQuery(c.q), (e: unknown) => e instanceof FtsQueryError && c.message.test(e.message));
    });
  }

  it("whatever is typed, the expression is either refused with our message or one SQLite accepts", () => {
    const db = openDb(":memory:");
    const match = db.prepare("SELECT count(*) AS n FROM quotes_fts WHERE quotes_fts MATCH ?");
    const alphabet = fc.constantFrom('"', "(", ")", "*", "-", " ", "OR", "AND", "NOT", "NEAR", ":", "^", "+", "a", "b", "é", "'", "\\", "{", "}", ".", "1");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 24 }).map((xs) => xs.join("")), (q) => {
        let expr: string;
        try {
          expr = ftsQuery(q);
        } catch (e) {
          assert.ok(e instanceof FtsQueryError, String(e));
          return;
        }
        match.get(expr);
      }),
      { numRuns: 600 },
    );
    db.close();
  });

  it("highlight marks become segments, stray marks dropped", () => {
    assert.deepEqual(hitSegments("a \u0002b\u0003 c\u0003"), [{ text: "a ", hit: false }, { text: "b", hit: true }, { text: " c", hit: false }]);
  });
});

describe("search: quotes, claims and sources", () => {
  let db: Db;
  let app: Express;
  before(() => {
    db = searchDb();
    app = createApp({ db, ingest: FIXTURE_INGEST });
  });
  after(() => db.close());

  const quoteCases: { q: string; all: RegExp[]; none?: RegExp }[] = [
    { q: "money plan", all: [/\bmoney\b/i, /\bplan\b/i] },
    { q: "plan money", all: [/\bmoney\b/i, /\bplan\b/i] },
    { q: '"the money"', all: [/the money/i] },
    { q: '"money the"', all: [/$^/] },
    { q: "mon*", all: [/\bmon/i] },
    { q: "hosp*", all: [/\bhosp/i] },
    { q: "nurses 300", all: [/\bnurses\b/i, /\b300\b/] },
    { q: "mess OR plan", all: [/\b(mess|plan)\b/i] },
    { q: "money -plan", all: [/\bmoney\b/i], none: /\bplan\b/i },
    { q: "EASTFIELD", all: [/\bEastfield\b/] },
  ];
  for (const c of quoteCases) {
    it(`quotes q=${c.q}: every hit holds ${c.all.join(" and ")}`, async () => {
      const res = await request(app).get("/quotes.json").query({ q: c.q, _size: 1000 });
      assert.equal(res.status, 200, res.text.slice(0, 200));
      const found = texts(db, res.body.quotes.map((q: any) => q.id));
      const every = (db.prepare("SELECT text FROM quotes").all() as { text: string }[]).map((r) => r.text);
      const expected = every.filter((t) => c.all.every((re) => re.test(t)) && !(c.none?.test(t) ?? false));
      if (c.q === '"money the"') assert.deepEqual(found, []);
      else assert.deepEqual([...found].sort(), [...expected].sort());
      assert.equal(res.body.total, found.length);
    });
  }

  it('"fox blair"-style: a word of the speaker and a word of the text', async () => {
    const res = await request(app).get("/quotes.json").query({ q: "reyes bridge" });
    assert.deepEqual(res.body.quotes.map((q: any) => q.speaker_canonical), ["Tom Reyes"]);
    const none = await request(app).get("/quotes.json").query({ q: "reyes money" });
    assert.equal(none.body.total, 0);
  });

  it("ranks by relevance and marks the words found", async () => {
    const res = await request(app).get("/quotes.json").query({ q: "hospital" });
    assert.equal(res.body.sort, "rank");
    assert.ok(res.body.quotes.length >= 2);
    const ranks = res.body.quotes.map((q: any) => q.rank);
    assert.deepEqual(ranks, [...ranks].sort((a: number, b: number) => a - b));
    for (const q of res.body.quotes) {
      assert.deepEqual(q.highlight.filter((h: any) => h.hit).map((h: any) => h.text.toLowerCase()), ["hospital"]);
      assert.equal(q.highlight.map((h: any) => h.text).join(""), q.text, "the segments are the text");
    }
    const html = await request(app).get("/quotes").query({ q: "hospital" });
    assert.ok(html.text.includes('<mark class="hit">hospital</mark>'));
  });

  it("prefix highlights mark the whole word", async () => {
    const res = await request(app).get("/quotes.json").query({ q: "nurs*" });
    const hits = res.body.quotes.flatMap((q: any) => q.highlight.filter((h: any) => h.hit).map((h: any) => h.text.toLowerCase()));
    assert.ok(hits.length > 0);
    for (const h of hits) assert.match(h, /^nurs/);
  });

  it("the same q lists the same rows in HTML, JSON and CSV", async () => {
    for (const q of ["hospital", '"the money"', "nurs*"]) {
      const json = (await request(app).get("/quotes.json").query({ q, _sort: "source", _size: 1000 })).body.quotes.map((r: any) => r.id);
      const csv = (await request(app).get("/quotes.csv").query({ q, _sort: "source" })).text.split("\r\n").slice(1).filter(Boolean).map((l) => Number(l.split(",")[0]));
      assert.deepEqual(csv, json, q);
      const html = (await request(app).get("/quotes").query({ q, _sort: "source" })).text;
      assert.deepEqual([...html.matchAll(/<tr id="row-q-(\d+)">/g)].map((m) => Number(m[1])), json, q);
    }
  });

  it("claims: words, phrases and prefixes over the claim's text", async () => {
    const one = await request(app).get("/claims.json").query({ q: "costs doubled" });
    assert.deepEqual(one.body.claims.map((c: any) => c.trigger), ["are believed"]);
    const phrase = await request(app).get("/claims.json").query({ q: '"next spring"' });
    assert.deepEqual(phrase.body.claims.map((c: any) => c.reason), ["hedge"]);
    const prefix = await request(app).get("/claims.csv").query({ q: "doub*" });
    assert.equal(prefix.text.split("\r\n").filter(Boolean).length, 2);
  });

  it("sources: over the article text and title, with a marked passage", async () => {
    const res = await request(app).get("/sources.json").query({ q: "Eastfield" });
    assert.ok(res.body.total >= 2);
    for (const s of res.body.sources) assert.ok(s.highlight.some((h: any) => h.hit && /eastfield/i.test(h.text)));
    const title = await request(app).get("/sources.json").query({ q: '"rules out"' });
    assert.deepEqual(title.body.sources.map((s: any) => s.title), ["Minister rules out hospital closure"]);
  });

  const hostile = ['"', '"blair', "blair OR", "NOT x", "(", ")", "***", "-", "--", "a AND", "x:y:z\"", "\u0000", "(((((((((((", '"""'];
  for (const q of hostile) {
    for (const path of ["/quotes", "/quotes.json", "/quotes.csv", "/claims.json", "/sources.json", "/sources"]) {
      it(`q=${JSON.stringify(q)} on ${path}: 200 or a 400 naming q, never a 500`, async () => {
        const res = await request(app).get(path).query({ q });
        assert.ok(res.status === 200 || res.status === 400, `${res.status} ${res.text.slice(0, 200)}`);
        if (res.status === 400) {
          if (path.endsWith(".json")) assert.match(res.body.error, /^q: /);
          else assert.match(res.text, /q: /);
        }
        assert.ok(!res.text.includes("fts5"), "no SQLite message");
      });
    }
  }

  it("an unbalanced hostile query is refused without echoing markup", async () => {
    const res = await request(app).get("/quotes").query({ q: '"<script>alert(6)</script>' });
    assert.equal(res.status, 400);
    assert.ok(!res.text.includes("<script>alert(6)"));
    assert.match(res.text, /q: a quotation mark is not closed/);
  });
});

describe("search: the index follows its tables", () => {
  const integrity = (db: Db) => {
    for (const t of ["quotes_fts", "claims_fts", "sources_fts"]) db.prepare(`INSERT INTO ${t} (${t}, rank) VALUES ('integrity-check', 1)`).run();
  };

  it("after ingest, re-extraction, a speaker correction and deletion, the index matches the tables", async () => {
    const db = searchDb();
    integrity(db);
    const app = createApp({ db, ingest: FIXTURE_INGEST });
    assert.equal((await request(app).get("/quotes.json").query({ q: "Eastfield" })).body.total > 0, true);
    db.prepare("UPDATE quotes SET speaker_canonical = 'Ada Quill' WHERE id = 1").run();
    integrity(db);
    assert.deepEqual((await request(app).get("/quotes.json").query({ q: "quill" })).body.quotes.map((q: any) => q.id), [1]);
    db.prepare("DELETE FROM sources WHERE title = ?").run("Minister rules out hospital closure");
    integrity(db);
    const after = await request(app).get("/sources.json").query({ q: '"rules out"' });
    assert.equal(after.body.total, 0);
    db.close();
  });

  it("a database from before migration 15 is indexed when it is upgraded", () => {
    const db = openDb(":memory:", MIGRATIONS.filter((m) => m.version < 15));
    for (const a of [ARTICLE_A, ARTICLE_B]) ingestArticle(db, a, FIXTURE_INGEST);
    assert.equal(migrate(db, MIGRATIONS), MIGRATIONS.filter((m) => m.version >= 15).length);
    assert.equal((db.prepare("SELECT count(*) AS n FROM quotes_fts WHERE quotes_fts MATCH 'money'").get() as { n: number }).n, 2);
    integrity(db);
    db.close();
  });
});
