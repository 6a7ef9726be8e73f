import assert from "node:assert/strict";
import request from "supertest";
import type { Express } from "express";
import { createApp } from "../../src/app";
import { openDb, type Db } from "../../src/store/db";
import { ingestPaths } from "../../src/services/ingest-files";
import { SEEDS_DIR } from "../../src/paths";
import { ingestArticle } from "../../src/services/ingest";
import { FIXTURE_INGEST, comparisonDb, entity, quote } from "../fixtures/corpus";
import type { Extraction } from "../../src/nlp/types";

const id = (db: Db, name: string): number => (db.prepare("SELECT id FROM people WHERE name = ?").get(name) as { id: number }).id;

describe("web: the person page is the comparison page", () => {
  let db: Db;
  let app: Express;
  before(() => {
    db = comparisonDb();
    app = createApp({ db, ingest: FIXTURE_INGEST });
  });
  after(() => db.close());

  it("HTML: one block per statement listing only the sources that carry it, differences marked", async () => {
    const res = await request(app).get(`/people/${id(db, "Lena Varga")}`);
    assert.equal(res.status, 200);
    const t = res.text;
    assert.ok(!t.includes('<table class="compare">'), "no table of mostly empty cells");
    const blocks = t.split('<article class="statement"').slice(1);
    assert.equal(blocks.length, 6, "six statements");
    const json = (await request(app).get(`/people/${id(db, "Lena Varga")}.json`)).body;
    assert.deepEqual(blocks.map((b) => (b.match(/<li class="carrier">/g) ?? []).length), json.groups.map((g: any) => g.sources.length),
      "each block lists exactly the sources carrying it");
    assert.ok(!t.includes('title="not in this source"'), "no placeholder for a source that does not carry the statement");
    assert.ok(t.includes("We will<del> not</del> close the Eastfield hospital,"), "the dropped not");
    assert.ok(t.includes("<del> 300</del> <ins>3,000</ins>"), "the changed number");
    assert.ok(t.includes('<span class="label conflicting-attribution">conflicting attribution</span>'));
    assert.ok(t.includes('attributed to <a href="/people/4">Piet Claes</a> <strong class="callout">another speaker</strong>'));
    assert.ok(t.includes("negation dropped or added") && t.includes("number changed"));
    assert.ok(t.includes('href="/sources/2#q-7"'), "a link to the passage");
    assert.ok(t.includes('role="img" aria-labelledby="person-chart-title person-chart-desc"'), "the chart");
    assert.ok(t.includes('<form class="review" method="post" action="/people/1/merge"'));
    assert.ok(t.includes('<option value="4">Piet Claes (person; another source gives them the same words)</option>'));
  });

  it("JSON: each group lists its sources with their versions, diffs as segments", async () => {
    const res = await request(app).get(`/people/${id(db, "Lena Varga")}.json`);
    assert.equal(res.status, 200);
    const b = res.body;
    assert.equal(b.sources, undefined, "no page-wide source columns");
    assert.equal(b.total, 6);
    for (const g of b.groups) {
      assert.ok(g.sources.length >= 1);
      assert.equal(new Set(g.sources.map((s: any) => s.id)).size, g.sources.length, "a source once per group");
      for (const s of g.sources) {
        assert.ok(s.versions.length >= 1, "only sources that carry the statement");
        for (const v of s.versions) assert.equal(v.source_id, s.id);
      }
      const published = g.sources.map((s: any) => s.published);
      assert.deepEqual(published, [...published].sort(), "oldest first");
      assert.equal(g.sources.reduce((n: number, s: any) => n + s.versions.length, 0), g.member_count);
    }
    const hospital = b.groups.find((g: { negation_changed: boolean }) => g.negation_changed);
    assert.equal(hospital.label, "altered wording");
    const coast = hospital.sources.find((s: any) => s.outlet === "Coast Courier").versions[0];
    assert.equal(coast.relation, "altered wording");
    assert.deepEqual(coast.diff.filter((s: { op: string }) => s.op !== "same"), [{ op: "del", text: " not" }]);
    assert.deepEqual(b.chart.people[0].name, "Lena Varga");
    assert.equal(b.actions.merge, "/people/1/merge");
  });

  it("pages the rows", async () => {
    const all = (await request(app).get(`/people/${id(db, "Lena Varga")}.json`)).body.groups.map((g: any) => g.id);
    const first = (await request(app).get(`/people/${id(db, "Lena Varga")}.json?_size=2`)).body;
    assert.deepEqual(first.groups.map((g: any) => g.id), all.slice(0, 2));
    const second = (await request(app).get(first.next_url)).body;
    assert.deepEqual(second.groups.map((g: any) => g.id), all.slice(2, 4));
    assert.equal(second.offset, 2);
    assert.equal(second.first_url, "/people/1.json?_size=2");
    const html = await request(app).get(`/people/${id(db, "Lena Varga")}?_size=2`);
    assert.ok(html.text.includes("1–2 of 6"));
  });

  const conflicts: { path: string; status: number; check?: (b: any) => void }[] = [
    { path: "/conflicts.json", status: 200, check: (b) => {
      assert.equal(b.total, 4);
      assert.deepEqual(b.groups.map((g: any) => g.label), ["conflicting attribution", "conflicting attribution", "altered wording", "altered wording"]);
      assert.deepEqual(b.counts.map((c: any) => [c.label, c.count]), [["conflicting attribution", 2], ["altered wording", 2], ["paraphrase", 1], ["trimmed", 0], ["identical", 0], ["one source only", 2]]);
    } },
    { path: "/conflicts.json?label=altered%20wording", status: 200, check: (b) => assert.equal(b.total, 2) },
    { path: "/conflicts.json?label=paraphrase", status: 200, check: (b) => assert.equal(b.groups[0].versions[1].relation, "paraphrase") },
    { path: "/conflicts.json?flag=negation", status: 200, check: (b) => { assert.equal(b.total, 1); assert.ok(b.groups[0].negation_changed); } },
    { path: "/conflicts.json?flag=number", status: 200, check: (b) => { assert.equal(b.total, 1); assert.ok(b.groups[0].number_changed); } },
    { path: "/conflicts.json?person=4", status: 200, check: (b) => { assert.equal(b.total, 1); assert.equal(b.groups[0].label, "conflicting attribution"); } },
    { path: "/conflicts.json?_size=1", status: 200, check: (b) => { assert.equal(b.groups.length, 1); assert.match(b.next_url, /^\/conflicts\.json\?_size=1&_next=/); } },
    { path: "/conflicts.json?_sort=-sources", status: 200, check: (b) => { const n = b.groups.map((g: any) => g.source_count); assert.deepEqual(n, [...n].sort((x, y) => y - x)); } },
    { path: "/conflicts.json?label=bogus", status: 400, check: (b) => assert.match(b.error, /^label: must be one of/) },
    { path: "/conflicts.json?flag=x", status: 400, check: (b) => assert.match(b.error, /^flag:/) },
    { path: "/conflicts.json?person=x", status: 400, check: (b) => assert.match(b.error, /^person:/) },
    { path: "/conflicts.json?_size=1001", status: 400 },
    { path: "/conflicts.json?_next=W10", status: 400, check: (b) => assert.match(b.error, /^_next:/) },
    { path: "/conflicts.csv", status: 404 },
  ];
  for (const c of conflicts) {
    it(`GET ${c.path} → ${c.status}`, async () => {
      const res = await request(app).get(c.path);
      assert.equal(res.status, c.status, res.text.slice(0, 200));
      c.check?.(res.body);
    });
  }

  it("the conflicts page in HTML: versions with their speakers and diffs, filters kept", async () => {
    const res = await request(app).get("/conflicts?flag=number");
    assert.equal(res.status, 200);
    assert.ok(res.text.includes('<option value="number" selected>a number changed</option>'));
    assert.ok(res.text.includes("<del> 300</del> <ins>3,000</ins>"));
    assert.ok(res.text.includes("1–1 of 1"));
    const bad = await request(app).get("/conflicts?label=bogus");
    assert.equal(bad.status, 400);
    assert.ok(bad.text.includes("label: must be one of"));
  });

  it("the overview shows the comparison counts and the chart", async () => {
    const res = await request(app).get("/");
    assert.ok(res.text.includes('role="img" aria-labelledby="home-chart-title home-chart-desc"'));
    assert.ok(res.text.includes('href="/conflicts?label&#x3D;altered+wording"'));
    const json = await request(app).get("/.json");
    assert.deepEqual(json.body.chart.people.map((p: any) => p.name).slice(0, 1), ["Lena Varga"]);
    assert.ok(json.body.chart.sources.length <= 9);
  });

  it("the quotes CSV and JSON carry the group id and label", async () => {
    const csv = await request(app).get("/quotes.csv?person=4");
    const [header, row] = csv.text.replace(/^\uFEFF/, "").split("\r\n");
    assert.match(header!, /,group_id,group_label,review_status,reviewer,corrected,review_reason,review_note$/);
    assert.match(row!, /,\d+,conflicting attribution,unreviewed,,0,,$/);
    const json = await request(app).get("/quotes.json?person=4");
    assert.equal(json.body.quotes[0].group_label, "conflicting attribution");
  });
});

describe("web: merging and splitting from the person page", () => {
  let db: Db;
  let app: Express;
  beforeEach(() => {
    db = comparisonDb();
    app = createApp({ db, ingest: FIXTURE_INGEST });
  });
  afterEach(() => db.close());

  it("a form merge redirects back (303) and the conflict is gone", async () => {
    const yuri = id(db, "Yuri Sokolov");
    const yury = id(db, "Yury Sokolov");
    const page = await request(app).get(`/people/${yuri}`);
    assert.ok(page.text.includes(`<option value="${yury}">Yury Sokolov`), "suggested: same surname, same words");
    const res = await request(app).post(`/people/${yuri}/merge`).type("form").send({ other: String(yury) });
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, `/people/${yuri}`);
    const after = await request(app).get(`/people/${yuri}.json`);
    assert.deepEqual(after.body.aliases, ["Yury Sokolov"]);
    assert.equal(after.body.groups[0].label, "identical");
    assert.deepEqual(after.body.decisions.map((d: any) => [d.decision, d.alias, d.scope]), [["merge", "Yury Sokolov", "everywhere"]]);
    assert.equal((await request(app).get(`/people/${yury}`)).status, 404);
  });

  it("a JSON merge answers JSON; a JSON split too", async () => {
    const yuri = id(db, "Yuri Sokolov");
    const yury = id(db, "Yury Sokolov");
    const merged = await request(app).post(`/people/${yuri}/merge`).send({ other: yury });
    assert.equal(merged.status, 200);
    assert.deepEqual(merged.body, { person: yuri, merged: yury, url: `/people/${yuri}` });
    const split = await request(app).post(`/people/${yuri}/split.json`).type("form").send({ alias: "Yury Sokolov" });
    assert.equal(split.status, 200);
    assert.equal(split.body.person, yuri);
    assert.equal(split.body.split_to, id(db, "Yury Sokolov"));
  });

  it("a form split redirects back", async () => {
    const varga = id(db, "Lena Varga");
    const res = await request(app).post(`/people/${varga}/split`).type("form").send({ alias: "Varga" });
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, `/people/${varga}`);
    const page = await request(app).get(`/people/${varga}.json`);
    assert.deepEqual(page.body.aliases, []);
  });

  const bad: { name: string; path: (db: Db) => string; body: object; json: boolean; status: number; error: RegExp }[] = [
    { name: "merging a person with themselves", path: (d) => `/people/${id(d, "Lena Varga")}/merge`, body: { other: "1" }, json: true, status: 400, error: /^other: is this same person/ },
    { name: "merging with no one", path: (d) => `/people/${id(d, "Lena Varga")}/merge`, body: {}, json: true, status: 400, error: /^other: choose the person/ },
    { name: "merging with a non-number", path: (d) => `/people/${id(d, "Lena Varga")}/merge`, body: { other: "two" }, json: true, status: 400, error: /^other: must be the id of a person/ },
    { name: "merging with an unknown person", path: (d) => `/people/${id(d, "Lena Varga")}/merge`, body: { other: 99 }, json: true, status: 400, error: /^other: no person has this id/ },
    { name: "merging into an unknown person", path: () => "/people/99/merge", body: { other: 1 }, json: true, status: 404, error: /No such person/ },
    { name: "a bad person id in the path", path: () => "/people/abc/merge", body: { other: 1 }, json: true, status: 404, error: /No such person/ },
    { name: "splitting off the person's own name", path: (d) => `/people/${id(d, "Lena Varga")}/split`, body: { alias: "LENA VARGA" }, json: true, status: 400, error: /^alias: is not one of this person's names|^alias: is the person's own name/ },
    { name: "splitting off a name they do not have", path: (d) => `/people/${id(d, "Lena Varga")}/split`, body: { alias: "Piet Claes" }, json: true, status: 400, error: /^alias: is not one of this person's names/ },
    { name: "splitting off nothing", path: (d) => `/people/${id(d, "Lena Varga")}/split`, body: {}, json: true, status: 400, error: /^alias: choose the name/ },
    { name: "a form merge with itself shows the page with the error", path: (d) => `/people/${id(d, "Lena Varga")}/merge`, body: { other: "1" }, json: false, status: 400, error: /<p class="error" role="alert" id="review-error">other: is this same person/ },
  ];
  for (const c of bad) {
    it(`${c.status}: ${c.name}`, async () => {
      const before = (db.prepare("SELECT count(*) AS n FROM people").get() as { n: number }).n;
      const r = request(app).post(c.path(db));
      const res = c.json ? await r.send(c.body) : await r.type("form").send(c.body);
      assert.equal(res.status, c.status, res.text.slice(0, 300));
      assert.match(c.json ? res.body.error : res.text, c.error);
      assert.equal((db.prepare("SELECT count(*) AS n FROM people").get() as { n: number }).n, before, "nothing changed");
    });
  }

  it("refuses a change posted from another site (403)", async () => {
    const cross = await request(app).post("/people/1/split").set("Sec-Fetch-Site", "cross-site").type("form").send({ alias: "Varga" });
    assert.equal(cross.status, 403);
    const origin = await request(app).post("/people/1/split").set("Origin", "https://evil.example").send({ alias: "Varga" });
    assert.equal(origin.status, 403);
    assert.match(origin.body.error, /this site/);
    assert.deepEqual((await request(app).get("/people/1.json")).body.aliases, ["Varga"]);
  });

  it("GET on an action is a 405 that names the method it takes", async () => {
    const res = await request(app).get("/people/1/merge");
    assert.equal(res.status, 405);
    assert.equal(res.headers.allow, "POST");
    assert.match(res.text, /GET is not allowed here/);
  });
});

describe("web: hostile names in the comparison", () => {
  it("escapes names and words in the table, the chart and the merge form", async () => {
    const db = comparisonDb();
    // capitalised like a name, so that the store keeps it (lowercase words make a description); HTML
    // attribute names are case-insensitive, so unescaped it would still run
    const evil = "<img Src=x Onerror=alert(7)>";
    const text = `"We will not close the Eastfield hospital," said ${evil}.`;
    const ex: Extraction = {
      quotes: [quote(text, { text: "We will not close the Eastfield hospital,", kind: "direct", speaker: evil, canonical: evil, cue: "said" })],
      claims: [],
      entities: [entity(evil)],
    };
    ingestArticle(db, { text, title: "<script>alert(8)</script>" }, { extractor: { version: "fixture-1", extract: (t) => (t === text ? ex : { quotes: [], claims: [], entities: [] }) } });
    const app = createApp({ db, ingest: FIXTURE_INGEST });
    for (const path of ["/people/1", `/people/${id(db, evil)}`, "/conflicts", "/"]) {
      const res = await request(app).get(path);
      assert.equal(res.status, 200);
      assert.ok(!/<img src=x/iu.test(res.text), `live markup on ${path}`);
      assert.ok(!res.text.includes("<script>alert(8)"), `live script on ${path}`);
    }
    const page = await request(app).get(`/people/${id(db, evil)}`);
    assert.ok(page.text.includes("&lt;img Src&#61;x Onerror&#61;alert(7)&gt;"), "escaped in the chart");
    assert.ok(page.text.includes("&lt;img Src&#x3D;x Onerror&#x3D;alert(7)&gt;"), "escaped in the page");
    db.close();
  });
});

describe("web: the seed articles compared (real extractor)", () => {
  let db: Db;
  let app: Express;
  before(() => {
    db = openDb(":memory:");
    ingestPaths(db, [SEEDS_DIR], { only: [".txt"] });
    app = createApp({ db });
  });
  after(() => db.close());

  it("Kim Jong-un's page lists both seeds, and shows the relay a statement came through", async () => {
    const kim = (db.prepare("SELECT id FROM people WHERE name_key = 'kim jong un'").get() as { id: number }).id;
    const res = await request(app).get(`/people/${kim}.json`);
    assert.equal(res.status, 200);
    assert.equal(res.body.source_count, 2);
    assert.deepEqual([...new Set(res.body.groups.flatMap((g: any) => g.sources.map((s: any) => s.id)))].sort(), [1, 2]);
    const vias = res.body.groups.flatMap((g: any) => g.sources.flatMap((s: any) => s.versions.map((v: any) => v.via))).filter(Boolean);
    assert.ok(vias.length > 0, "some statement came through a relay (KCNA or TASS)");
    const html = await request(app).get(`/people/${kim}`);
    assert.ok(html.text.includes(" · via "));
    assert.ok(html.text.includes('<li class="carrier">'));
  });
});
