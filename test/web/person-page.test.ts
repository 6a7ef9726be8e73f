// The person page pages its statement blocks, 10 a page (decision 026): a person with 13 statements
// gets 10, then 3 with no next link, each statement exactly once; a statement carried word for word by
// several sources shows each source's wording with the same diff. The conflicts page shows at most 8
// versions of a group in HTML and says how many more the JSON lists.
import assert from "node:assert/strict";
import request from "supertest";
import { createApp } from "../../src/app";
import { openDb, type Db } from "../../src/store/db";
import { ingestArticle, type Extractor } from "../../src/services/ingest";
import type { Extraction } from "../../src/nlp/types";
import { FIXED_NOW, entity, quote } from "../fixtures/corpus";

// invented statements, no two sharing a content word, so each is a group of its own
const SAID = [
  "the orchard levy doubles in spring", "ferry timetables shrink after dusk", "copper wiring fails inspection often",
  "museum lanterns glow through winter", "tram drivers demand longer breaks", "harbour cranes rust without paint",
  "library basements flood every autumn", "bakery queues vanish before noon", "glacier tours reopen next season",
  "violin lessons cost twelve crowns", "meadow beetles thrive near quarries", "pottery kilns crack under frost",
  "lighthouse keepers retire at sixty",
];
const COPIES = 10;
const articleOf = (words: string, copy: number) => `Ida Invented said ${words}.${copy ? ` Copy ${copy}.` : ""}`;

function extraction(text: string): Extraction {
  const said = SAID.find((w) => text.startsWith(articleOf(w, 0).slice(0, -1)));
  if (!said) return { quotes: [], claims: [], entities: [] };
  return {
    quotes: [quote(text, { text: said, kind: "indirect", speaker: "Ida Invented", canonical: "Ida Invented", cue: "said" })],
    claims: [],
    entities: [entity("Ida Invented")],
  };
}
const EXTRACTOR: Extractor = { version: "fixture-pages", extract: extraction };

describe("web: the person page in pages of statement blocks", () => {
  let db: Db;
  let app: ReturnType<typeof createApp>;
  let id: number;
  before(() => {
    db = openDb(":memory:");
    SAID.forEach((w) => ingestArticle(db, { text: articleOf(w, 0), title: w, outlet: "Invented Post" }, { extractor: EXTRACTOR, now: FIXED_NOW }));
    // the first statement carried word for word by ten more sources
    for (let copy = 1; copy <= COPIES; copy++) ingestArticle(db, { text: articleOf(SAID[0]!, copy), title: `copy ${copy}`, outlet: "Copy Times" }, { extractor: EXTRACTOR, now: FIXED_NOW });
    id = (db.prepare("SELECT id FROM people WHERE name = 'Ida Invented'").get() as { id: number }).id;
    app = createApp({ db, ingest: { extractor: EXTRACTOR, now: FIXED_NOW }, writeLimit: false, pageCache: { maxBytes: 0 } });
  });
  after(() => db.close());

  const CASES: { name: string; path: () => string; groups: number; more: boolean }[] = [
    { name: "the first page", path: () => `/people/${id}.json`, groups: 10, more: true },
    { name: "a page of 13", path: () => `/people/${id}.json?_size=13`, groups: 13, more: false },
    { name: "a page of 20", path: () => `/people/${id}.json?_size=20`, groups: 13, more: false },
    { name: "a page of 1", path: () => `/people/${id}.json?_size=1`, groups: 1, more: true },
  ];
  for (const c of CASES) {
    it(`${c.name}: ${c.groups} blocks, ${c.more ? "a next link" : "no next link"}`, async () => {
      const res = await request(app).get(c.path()).expect(200);
      assert.equal(res.body.total, 13);
      assert.equal(res.body.groups.length, c.groups);
      assert.equal(res.body.next_url !== null, c.more);
    });
  }

  it("following the next links returns every statement exactly once", async () => {
    const seen: number[] = [];
    let path: string | null = `/people/${id}.json`;
    let pages = 0;
    while (path) {
      const res: request.Response = await request(app).get(path).expect(200);
      seen.push(...res.body.groups.map((g: { id: number }) => g.id));
      path = res.body.next_url;
      pages++;
    }
    assert.equal(pages, 2);
    assert.equal(seen.length, 13);
    assert.equal(new Set(seen).size, 13);
    const all = (db.prepare("SELECT DISTINCT m.group_id AS id FROM statement_group_members m JOIN quotes q ON q.id = m.quote_id WHERE q.person_id = ? ORDER BY 1").all(id) as { id: number }[]).map((r) => r.id);
    assert.deepEqual([...seen].sort((a, b) => a - b), all);
  });

  // HTML pages of statement groups hold at most 25 groups (about 5 KB each), JSON up to 1,000
  const SIZES: { path: string; status: number }[] = [
    { path: "/people/N?_size=25", status: 200 },
    { path: "/people/N?_size=26", status: 400 },
    { path: "/people/N.json?_size=26", status: 200 },
    { path: "/conflicts?_size=25", status: 200 },
    { path: "/conflicts?_size=100", status: 400 },
    { path: "/conflicts.json?_size=100", status: 200 },
  ];
  for (const c of SIZES) {
    it(`${c.path}: ${c.status}`, async () => {
      const res = await request(app).get(c.path.replace("N", String(id))).expect(c.status);
      if (c.status === 400) assert.match(res.text, /from 1 to 25/);
    });
  }

  it("the HTML page shows 10 blocks and links to the next page", async () => {
    const res = await request(app).get(`/people/${id}`).expect(200);
    assert.equal(res.text.match(/<article class="statement"/g)?.length, 10);
    assert.match(res.text, new RegExp(`rel="next" href="/people/${id}\\?_next&#x3D;`));
  });

  it("each source carrying a wording gets that wording's diff (computed once, the same for every copy)", async () => {
    const res = await request(app).get(`/people/${id}.json?_size=13`).expect(200);
    const block = res.body.groups.find((g: { source_count: number }) => g.source_count === COPIES + 1);
    assert.ok(block, "the statement carried by eleven sources");
    const versions = block.sources.flatMap((s: { versions: unknown[] }) => s.versions);
    assert.equal(versions.length, COPIES + 1);
    for (const v of versions) assert.deepEqual(v.diff, [{ op: "same", text: SAID[0] }]);
    assert.deepEqual(versions.map((v: { relation: string }) => v.relation).sort(), [...Array(COPIES).fill("identical"), "reference"]);
  });

  const CONFLICT_CASES: { path: string; rows: number; more: string | null }[] = [
    { path: "/conflicts?label=identical", rows: 8, more: "3 more versions, word for word the reference" },
    { path: "/conflicts?label=one+source+only", rows: 1, more: null },
  ];
  for (const c of CONFLICT_CASES) {
    it(`${c.path}: ${c.rows} versions shown${c.more ? `, "${c.more}"` : ", nothing more"}`, async () => {
      const res = await request(app).get(c.path).expect(200);
      const first = res.text.slice(res.text.indexOf('<article class="group"'), res.text.indexOf("</article>"));
      assert.equal(first.match(/in context<\/a>/g)?.length, c.rows);
      if (c.more) assert.ok(first.includes(c.more), first.slice(-400));
      else assert.ok(!first.includes("more version"));
    });
  }
  it("the conflicts JSON lists every version", async () => {
    const res = await request(app).get("/conflicts.json?label=identical").expect(200);
    assert.equal(res.body.groups[0].versions.length, COPIES + 1);
  });
});
