import assert from "node:assert/strict";
import request from "supertest";
import type { Express } from "express";
import { createApp } from "../../src/app";
import type { Db } from "../../src/store/db";
import { FIXTURE_INGEST, fixtureDb } from "../fixtures/corpus";

type Check = (res: request.Response) => void;

interface Case {
  path: string;
  status: number;
  type: RegExp;
  check?: Check;
}

const HTML = /^text\/html/;
const JSON_T = /^application\/json/;
const CSV = /^text\/csv/;
const TEXT = /^text\/plain/;

const has = (...needles: string[]): Check => (res) => {
  for (const n of needles) assert.ok(res.text.includes(n), `expected ${JSON.stringify(n)} in ${res.text.slice(0, 200)}`);
};
const lacks = (...needles: string[]): Check => (res) => {
  for (const n of needles) assert.ok(!res.text.includes(n), `did not expect ${JSON.stringify(n)} in ${res.text.slice(0, 200)}`);
};
const json = (f: (body: any) => void): Check => (res) => f(res.body);
const csvRows = (n: number): Check => (res) => {
  const records = res.text.split("\r\n").filter((l) => l !== "");
  assert.equal(records.length, n + 1, "header + rows");
};

const CASES: Case[] = [
  // overview
  { path: "/", status: 200, type: HTML, check: has("<strong>2</strong> sources", "Mayor backs bridge plan", "Mary-Ann Okafor", "<strong>1</strong> passive without agent", 'href="/sources?_sort=-quotes"') },
  { path: "/.json", status: 200, type: JSON_T, check: json((b) => { assert.deepEqual(b.counts, { sources: 2, people: 2, quotes: 5, claims: 3 }); assert.deepEqual(b.chart.people.map((p: any) => p.name), ["Mary-Ann Okafor", "Tom Reyes"]); assert.deepEqual(b.chart.counts, [[2, 1], [0, 1]]); }) },
  { path: "/index.json", status: 200, type: JSON_T, check: json((b) => {
    assert.deepEqual(b.claim_reasons.map((r: any) => [r.reason, r.count]), [["anonymous source", 1], ["hedge", 1], ["passive without agent", 1]]);
    assert.deepEqual(b.top_people.map((p: any) => [p.name, p.quote_count]), [["Mary-Ann Okafor", 3], ["Tom Reyes", 1]]);
    assert.deepEqual(b.top_sources.map((s: any) => s.id), [2, 1]);
    assert.deepEqual(b.latest_sources.map((s: any) => s.id), [2, 1]);
    assert.equal(b.links.quotes, "/quotes");
  }) },
  { path: "/.csv", status: 404, type: TEXT },
  // sources
  { path: "/sources", status: 200, type: HTML, check: has("Bridge delayed, says council", 'href="/sources/2"') },
  { path: "/sources.json", status: 200, type: JSON_T, check: json((b) => assert.deepEqual(b.sources.map((s: any) => [s.id, s.quote_count, s.claim_count]), [[1, 2, 2], [2, 3, 1]])) },
  { path: "/sources.csv", status: 200, type: CSV, check: (res) => { csvRows(2)(res); has("id,title,outlet,url,published")(res); } },
  { path: "/sources.json?q=bridge", status: 200, type: JSON_T, check: json((b) => { assert.equal(b.total, 2); assert.equal(b.sort, "rank"); assert.ok(b.sources.every((s: any) => s.highlight.some((h: any) => h.hit && /bridge/i.test(h.text)))); }) },
  { path: "/sources.json?q=engineer", status: 200, type: JSON_T, check: json((b) => assert.deepEqual(b.sources.map((s: any) => s.id), [2])) },
  { path: "/sources.json?outlet=Daily+Ledger", status: 200, type: JSON_T, check: json((b) => { assert.deepEqual(b.sources.map((s: any) => s.id), [2]); assert.deepEqual(b.facets.outlet.map((f: any) => [f.value, f.count, f.selected]), [["Daily Ledger", 1, true]]); }) },
  { path: "/sources.json?_sort=-quotes", status: 200, type: JSON_T, check: json((b) => assert.deepEqual(b.sources.map((s: any) => s.id), [2, 1])) },
  { path: "/sources.json?_sort=rank", status: 400, type: JSON_T, check: json((b) => assert.match(b.error, /^_sort: must be one of id, -id, -published, -quotes, title/)) },
  { path: "/sources?q=bridge", status: 200, type: HTML, check: has('<mark class="hit">', '<strong aria-current="true">best match</strong>') },
  { path: "/sources.json?q=%22bridge", status: 400, type: JSON_T, check: json((b) => assert.match(b.error, /^q: a quotation mark is not closed/)) },
  { path: "/sources/1", status: 200, type: HTML, check: has('<mark class="quote mixed sp-0 st-unreviewed" id="q-1"', '<a class="chip sp-0" href="#row-q-1">1 Mary-Ann Okafor</a>', '<mark class="mention sp-0" title="speaker of 1">Mary-Ann ', '<mark class="cue" title="cue of 2">told</mark>', 'data-review-item data-quote="2"', '<mark class="claim" id="c-1"', '<span class="flag">hedge</span>', 'id="row-q-2"') },
  { path: "/sources/2", status: 200, type: HTML, check: has('<a class="chip sp-2" href="#row-q-5">3 one engineer</a>', 'id="q-5"', "council spokesman <mark class=\"mention sp-0\" title=\"speaker of 1\">Tom Reyes</mark>") },
  { path: "/sources/1.json", status: 200, type: JSON_T, check: json((b) => { assert.equal(b.source.title, "Mayor backs bridge plan"); assert.equal(b.quotes.length, 2); assert.equal(b.claims.length, 2); assert.equal(b.quotes[0].href, "/sources/1#q-1"); }) },
  { path: "/sources/1.csv", status: 404, type: TEXT },
  { path: "/sources/99", status: 404, type: HTML, check: has("No such source") },
  { path: "/sources/99.json", status: 404, type: JSON_T, check: json((b) => assert.equal(b.error, "No such source.")) },
  { path: "/sources/abc", status: 404, type: HTML },
  { path: "/sources/abc.json", status: 404, type: JSON_T, check: json((b) => assert.ok(b.error)) },
  { path: "/sources/0", status: 404, type: HTML },
  { path: "/sources/-1", status: 404, type: HTML },
  { path: "/sources/1e3", status: 404, type: HTML },
  { path: "/sources/99999999999999999999", status: 404, type: HTML },
  { path: "/sources/new", status: 200, type: HTML, check: has('<form class="article" method="post" action="/sources" enctype="multipart/form-data">', 'name="text"', 'name="file" type="file"', 'name="published"') },
  { path: "/sources/new.json", status: 404, type: JSON_T },
  // people
  { path: "/people", status: 200, type: HTML, check: has('href="/people/1"', "Tom Reyes", 'href="/people.csv"') },
  { path: "/people.csv", status: 200, type: CSV, check: (res) => { csvRows(2)(res); has("id,name,kind,quote_count,source_count")(res); } },
  { path: "/people.json?q=okaf", status: 200, type: JSON_T, check: json((b) => assert.deepEqual(b.people.map((p: any) => p.name), ["Mary-Ann Okafor"])) },
  { path: "/people.json?q=REYES", status: 200, type: JSON_T, check: json((b) => assert.deepEqual(b.people.map((p: any) => p.name), ["Tom Reyes"])) },
  { path: "/people.json?kind=organisation", status: 200, type: JSON_T, check: json((b) => assert.deepEqual(b.people, [])) },
  { path: "/people.json?kind=person", status: 200, type: JSON_T, check: json((b) => { assert.equal(b.total, 2); assert.deepEqual(b.facets.kind.map((f: any) => [f.value, f.count]), [["person", 2]]); }) },
  { path: "/people.json?outlet=Harbour+Gazette", status: 200, type: JSON_T, check: json((b) => assert.deepEqual(b.people.map((p: any) => p.name), ["Mary-Ann Okafor"])) },
  { path: "/people.json?kind=robot", status: 400, type: JSON_T, check: json((b) => assert.match(b.error, /^kind: must be one of/)) },
  { path: "/people.json?_sort=name", status: 200, type: JSON_T, check: json((b) => assert.deepEqual(b.people.map((p: any) => p.name), ["Mary-Ann Okafor", "Tom Reyes"])) },
  { path: "/people/search.json?q=ok", status: 200, type: JSON_T, check: json((b) => assert.deepEqual(b, { q: "ok", people: [{ id: 1, name: "Mary-Ann Okafor", kind: "person", quote_count: 3, href: "/people/1" }] })) },
  { path: "/people/search.json?q=ann", status: 200, type: JSON_T, check: json((b) => assert.deepEqual(b.people.map((p: any) => p.id), [1])) },
  { path: "/people/search.json?q=kafor", status: 200, type: JSON_T, check: json((b) => assert.deepEqual(b.people.map((p: any) => p.id), [1])) },
  { path: "/people/search.json?q=%25", status: 200, type: JSON_T, check: json((b) => assert.deepEqual(b.people, [])) },
  { path: "/people/search.json", status: 200, type: JSON_T, check: json((b) => assert.deepEqual(b.people, [])) },
  { path: "/people/search", status: 404, type: HTML },
  { path: "/people.json", status: 200, type: JSON_T, check: json((b) => assert.deepEqual(b.people.map((p: any) => [p.name, p.quote_count, p.source_count]), [["Mary-Ann Okafor", 3, 2], ["Tom Reyes", 1, 1]])) },
  { path: "/people/1", status: 200, type: HTML, check: has('<article class="statement" id="g-', '<li class="carrier">', 'href="/sources/1#q-1"', 'href="/sources/2#q-4"', '<span class="alias">Mary Ann Okafor</span>', '<span class="role">Mayor</span>', '<svg xmlns="http://www.w3.org/2000/svg" class="chart"') },
  { path: "/people.json?kind=media", status: 200, type: JSON_T, check: json((b) => assert.deepEqual(b.people, [])) },
  { path: "/people.json?kind=person&kind=media", status: 400, type: JSON_T, check: json((b) => assert.match(b.error, /^kind:/)) },
  { path: "/people/1.json", status: 200, type: JSON_T, check: json((b) => {
    assert.deepEqual(b.groups.map((g: any) => g.sources.map((s: any) => [s.id, s.versions.map((v: any) => v.quote_id)])), [[[1, [1]]], [[1, [2]]], [[2, [4]]]]);
    assert.ok(b.groups.every((g: any) => g.label === "one source only"));
    assert.deepEqual(b.aliases, ["Mary Ann Okafor", "Okafor"]);
    assert.deepEqual(b.roles, ["Mayor"]);
    assert.equal(b.quote_count, 3);
  }) },
  { path: "/people/2.json", status: 200, type: JSON_T, check: json((b) => { assert.deepEqual(b.roles, ["council spokesman"]); assert.equal(b.groups[0].sources[0].versions[0].via, "council"); }) },
  { path: "/people/1.json?_size=1", status: 200, type: JSON_T, check: json((b) => { assert.equal(b.total, 3); assert.equal(b.groups.length, 1); assert.match(b.next_url, /^\/people\/1\.json\?_size=1&_next=[\w-]+$/); assert.equal(b.first_url, null); }) },
  { path: "/people/1.json?_size=0", status: 400, type: JSON_T, check: json((b) => assert.match(b.error, /^_size:/)) },
  { path: "/people/1.json?limit=1", status: 400, type: JSON_T, check: json((b) => assert.match(b.error, /^limit: pages are now chosen with "_size"/)) },
  { path: "/people/1.csv", status: 404, type: TEXT },
  { path: "/people/42", status: 404, type: HTML },
  { path: "/people/x.json", status: 404, type: JSON_T },
  // quotes
  { path: "/quotes", status: 200, type: HTML, check: has("1–5 of 5", 'class="person-search"', '<script src="/static/person-search.js" defer></script>', "We have the money, and we have the plan,", 'href="/quotes.csv"') },
  { path: "/quotes.json", status: 200, type: JSON_T, check: json((b) => {
    assert.equal(b.total, 5); assert.equal(b.quotes.length, 5); assert.equal(b.next, null); assert.equal(b.next_url, null);
    assert.deepEqual(b.facets.kind.map((f: any) => [f.value, f.count]), [["direct", 2], ["mixed", 2], ["indirect", 1]]);
    assert.equal(b.facets.kind[0].href, "/quotes.json?kind=direct");
    assert.deepEqual(b.sorts.map((s: any) => s.value), ["source", "-id", "confidence", "speaker"]);
  }) },
  { path: "/quotes.csv", status: 200, type: CSV, check: csvRows(5) },
  { path: "/quotes.json?person=1", status: 200, type: JSON_T, check: json((b) => assert.deepEqual(b.quotes.map((q: any) => q.id), [1, 2, 4])) },
  { path: "/quotes.json?source=2", status: 200, type: JSON_T, check: json((b) => assert.deepEqual(b.quotes.map((q: any) => q.id), [3, 4, 5])) },
  { path: "/quotes.json?kind=direct", status: 200, type: JSON_T, check: json((b) => assert.deepEqual(b.quotes.map((q: any) => q.id), [2, 5])) },
  { path: "/quotes.json?q=MONEY&_sort=source", status: 200, type: JSON_T, check: json((b) => assert.deepEqual(b.quotes.map((q: any) => q.id), [2, 4])) },
  { path: "/quotes.json?q=reyes", status: 200, type: JSON_T, check: json((b) => assert.deepEqual(b.quotes.map((q: any) => q.id), [3])) },
  { path: "/quotes.json?q=%25", status: 400, type: JSON_T, check: json((b) => assert.match(b.error, /^q: has no words to search for/)) },
  { path: "/quotes.json?speaker=none", status: 200, type: JSON_T, check: json((b) => assert.equal(b.total, 0)) },
  { path: "/quotes.json?person=1&source=1&kind=mixed", status: 200, type: JSON_T, check: json((b) => assert.deepEqual(b.quotes.map((q: any) => q.id), [1])) },
  { path: "/quotes.json?_size=2", status: 200, type: JSON_T, check: json((b) => { assert.deepEqual(b.quotes.map((q: any) => q.id), [1, 2]); assert.equal(b.next_url, `/quotes.json?_size=2&_next=${b.next}`); assert.equal(b.first_url, null); }) },
  { path: "/quotes?_size=2", status: 200, type: HTML, check: has("1–2 of 5", 'rel="next" href="/quotes?_size&#x3D;2&amp;_next&#x3D;') },
  { path: "/quotes?_size=101", status: 400, type: HTML, check: has("_size: must be a whole number from 1 to 100") },
  { path: "/quotes.json?_size=1000", status: 200, type: JSON_T },
  { path: "/quotes.json?_next=not-a-token", status: 400, type: JSON_T, check: json((b) => assert.match(b.error, /^_next: is not a page token of this list/)) },
  { path: "/quotes.json?_sort=bogus", status: 400, type: JSON_T, check: json((b) => assert.match(b.error, /^_sort: must be one of source, -id, confidence, speaker/)) },
  { path: "/quotes.json?_sort=rank", status: 400, type: JSON_T },
  { path: "/quotes.json?_sort=confidence", status: 200, type: JSON_T, check: json((b) => assert.deepEqual(b.quotes.map((q: any) => q.id), [5, 1, 3, 4, 2])) },
  { path: "/quotes.json?_sort=speaker", status: 200, type: JSON_T, check: json((b) => assert.deepEqual(b.quotes.map((q: any) => q.id), [1, 2, 4, 5, 3])) },
  { path: "/quotes.json?_sort=-id&_size=2", status: 200, type: JSON_T, check: json((b) => assert.deepEqual(b.quotes.map((q: any) => q.id), [5, 4])) },
  { path: "/quotes.csv?kind=indirect", status: 200, type: CSV, check: (res) => { csvRows(1)(res); has("The bridge will not open before 2026")(res); } },
  { path: "/quotes.csv?person=2&q=bridge", status: 200, type: CSV, check: csvRows(1) },
  { path: "/quotes?person=1", status: 200, type: HTML, check: has('Person: <strong>Mary-Ann Okafor</strong>', '<input type="hidden" name="person" id="person-id" value="1">') },
  { path: "/quotes?source=2", status: 200, type: HTML, check: (res) => { has("Source: <strong>Bridge delayed, says council</strong>")(res); lacks("<option value=\"2\"")(res); } },
  { path: "/quotes?kind=bogus", status: 400, type: HTML, check: has("kind: must be one of direct, mixed, indirect") },
  { path: "/quotes.json?kind=bogus", status: 400, type: JSON_T, check: json((b) => assert.deepEqual(b.fields, { kind: "must be one of direct, mixed, indirect" })) },
  { path: "/quotes.csv?person=abc", status: 400, type: TEXT, check: has("Error 400: person:") },
  { path: "/quotes.json?_size=0", status: 400, type: JSON_T, check: json((b) => assert.match(b.error, /^_size:/)) },
  { path: "/quotes.json?_size=1001", status: 400, type: JSON_T },
  { path: "/quotes.json?offset=1", status: 400, type: JSON_T, check: json((b) => assert.match(b.error, /^offset:/)) },
  { path: "/quotes?_all=1", status: 400, type: HTML, check: has("_all: the only value is") },
  { path: "/quotes.json?speaker=someone", status: 400, type: JSON_T, check: json((b) => assert.match(b.error, /^speaker:/)) },
  { path: "/quotes.json?kind=direct&kind=mixed", status: 400, type: JSON_T, check: json((b) => assert.match(b.error, /^kind:/)) },
  { path: `/quotes.json?q=${"x".repeat(201)}`, status: 400, type: JSON_T },
  // claims
  { path: "/claims", status: 200, type: HTML, check: has("Costs are believed to have doubled", "anonymous source", 'href="/claims.csv"') },
  { path: "/claims.json", status: 200, type: JSON_T, check: json((b) => { assert.equal(b.total, 3); assert.equal(b.claims[0].href, "/sources/1#c-2"); }) },
  { path: "/claims.csv", status: 200, type: CSV, check: csvRows(3) },
  { path: "/claims.json?reason=hedge", status: 200, type: JSON_T, check: json((b) => assert.deepEqual(b.claims.map((c: any) => c.trigger), ["will"])) },
  { path: "/claims.json?source=2", status: 200, type: JSON_T, check: json((b) => assert.deepEqual(b.claims.map((c: any) => c.reason), ["anonymous source"])) },
  { path: "/claims.csv?reason=nothing-like-this", status: 200, type: CSV, check: csvRows(0) },
  { path: "/claims?reason=hedge", status: 200, type: HTML, check: (res) => { has('<option value="hedge" selected>hedge</option>')(res); lacks("Costs are believed")(res); } },
  { path: "/claims.json?source=x", status: 400, type: JSON_T },
  { path: "/claims.json?q=doubled", status: 200, type: JSON_T, check: json((b) => { assert.deepEqual(b.claims.map((c: any) => c.reason), ["passive without agent"]); assert.deepEqual(b.claims[0].highlight.filter((h: any) => h.hit).map((h: any) => h.text), ["doubled"]); }) },
  { path: "/claims.csv?q=doubled", status: 200, type: CSV, check: csvRows(1) },
  { path: "/claims.json", status: 200, type: JSON_T, check: json((b) => assert.deepEqual(b.facets.reason.map((f: any) => [f.value, f.count]), [["anonymous source", 1], ["hedge", 1], ["passive without agent", 1]])) },
  // conflicts
  { path: "/conflicts", status: 200, type: HTML, check: has("Conflicts across sources", "No group of statements matches", 'name="label"') },
  { path: "/conflicts.json", status: 200, type: JSON_T, check: json((b) => { assert.equal(b.total, 0); assert.deepEqual(b.groups, []); assert.deepEqual(b.counts.find((c: any) => c.label === "one source only").count, 4); }) },
  { path: "/conflicts.csv", status: 404, type: TEXT },
  // the rest
  { path: "/static/site.css", status: 200, type: /^text\/css/ },
  { path: "/static/nope.css", status: 404, type: HTML },
  { path: "/nope", status: 404, type: HTML, check: has("No such page") },
  { path: "/nope.json", status: 404, type: JSON_T, check: json((b) => assert.deepEqual(b, { error: "No such page." })) },
];

describe("web: every route in every format", () => {
  let db: Db;
  let app: Express;
  before(() => {
    db = fixtureDb();
    app = createApp({ db, ingest: FIXTURE_INGEST });
  });
  after(() => db.close());

  for (const c of CASES) {
    it(`GET ${c.path} → ${c.status}`, async () => {
      const res = await request(app).get(c.path);
      assert.equal(res.status, c.status, res.text.slice(0, 300));
      assert.match(String(res.headers["content-type"]), c.type);
      c.check?.(res);
    });
  }

  it("sends a CSP that allows only this origin and no inline script", async () => {
    const res = await request(app).get("/");
    const csp = String(res.headers["content-security-policy"]);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    const scripts = res.text.match(/<script[^>]*>[\s\S]*?<\/script>/gi) ?? [];
    assert.deepEqual(scripts, ['<script src="/static/review.js" defer></script>'], "one external script, nothing inline");
    assert.ok(!/ on[a-z]+=/i.test(res.text), "no inline handlers");
    assert.ok(!/ style=/i.test(res.text), "no inline styles");
  });

  it("never shows a stack trace", async () => {
    const res = await request(createApp({ db: { prepare: () => { throw new Error("secret internals"); } } as unknown as Db, log: () => {} })).get("/sources.json");
    assert.equal(res.status, 500);
    assert.ok(!res.text.includes("secret internals"));
    assert.ok(!res.text.includes("at "), res.text);
    const html = await request(createApp({ db: { prepare: () => { throw new Error("secret internals"); } } as unknown as Db, log: () => {} })).get("/sources");
    assert.equal(html.status, 500);
    assert.match(html.text, /Something went wrong/);
    assert.ok(!html.text.includes("secret internals"));
  });
});
