// What a reviewer sees of a claim (decision 007): its reason, its trigger and, when the article names a
// source close by, that source, stored with the claim and shown in the claim tables (HTML and JSON).
import assert from "node:assert/strict";
import request from "supertest";
import { createApp } from "../../src/app";
import { openDb, type Db } from "../../src/store/db";
import { ingestArticle } from "../../src/services/ingest";
import { FIXED_NOW } from "../fixtures/corpus";

// invented for this test
const ARTICLE = {
  title: "Ferry to stop",
  outlet: "Test Wire",
  url: "",
  published: "2024-04-02",
  text: [
    "The ferry will stop in May, according to the Harbour Gazette. Officials said the pier would close too.",
    "Critics say the levy is unfair.",
  ].join("\n"),
};

describe("web: the nearest named source of a claim", () => {
  let db: Db;
  before(() => {
    db = openDb(":memory:");
    ingestArticle(db, ARTICLE, { now: FIXED_NOW });
  });
  after(() => db.close());

  it("lists it in the claims JSON, and null where no source is named", async () => {
    const res = await request(createApp({ db })).get("/claims.json");
    assert.equal(res.status, 200);
    const byTrigger = new Map(res.body.claims.map((c: any) => [c.trigger, c.nearest_source]));
    assert.deepEqual(byTrigger.get("Officials said"), { name: "Harbour Gazette", where: "previous sentence" });
    assert.equal(byTrigger.get("Critics say"), null);
  });

  // The explanation already says who is named nearby: the cell shows that sentence once, the name in bold.
  const ONCE = '<span class="nearest-source">Named nearby, in the previous sentence: <strong>Harbour Gazette</strong>.</span>';
  const cellOf = (html: string, trigger: string): string => {
    const row = html.split("<tr>").find((r) => r.includes(`<q>${trigger}</q>`));
    assert.ok(row, `a row for ${trigger}`);
    return row.split("<td>").at(-2)!; // "Why it is flagged", before the review cell
  };

  it("shows it once in the claim table, the name in bold", async () => {
    const res = await request(createApp({ db })).get("/claims");
    assert.equal(res.status, 200);
    const cell = cellOf(res.text, "Officials said");
    assert.ok(cell.includes(`confirms it. ${ONCE}</td>`), cell);
    assert.equal(cell.split("Harbour Gazette").length - 1, 1, "the name once");
    assert.equal(cell.split(/named nearby|named in the/i).length - 1, 1, "one sentence naming it");
    assert.equal(res.text.split('class="nearest-source"').length - 1, 1, "one claim names a source, the other does not");
  });

  it("shows no nearby source for a claim with none", async () => {
    const res = await request(createApp({ db })).get("/claims");
    const cell = cellOf(res.text, "Critics say");
    assert.ok(!/named nearby|named in the|nearest-source|<strong>/i.test(cell), cell);
    assert.match(cell, /^Attributed to a vague group: [^<]+<\/td>/);
  });

  it("shows it once in the explanation of the claim on the source page", async () => {
    const res = await request(createApp({ db })).get("/sources/1");
    assert.equal(res.status, 200);
    assert.ok(res.text.includes(`confirms it. ${ONCE} · `), "in the claim list");
    const list = res.text.slice(res.text.indexOf('<ol class="claim-list">'));
    assert.equal(list.split("Named nearby").length - 1, 1, "once per claim, and only for the claim that has one");
    assert.ok(!/named in the (same|previous) sentence/.test(list), "no second, lower-case copy");
  });

  it("escapes the name it marks", async () => {
    const other = openDb(":memory:");
    try {
      ingestArticle(other, ARTICLE, { now: FIXED_NOW });
      other.prepare("UPDATE claims SET explanation = replace(explanation, 'Harbour Gazette', 'Ida <i>Invented</i> & Co')").run();
      const res = await request(createApp({ db: other })).get("/claims");
      assert.ok(res.text.includes("<strong>Ida &lt;i&gt;Invented&lt;/i&gt; &amp; Co</strong>."), cellOf(res.text, "Officials said"));
      assert.ok(!res.text.includes("<i>Invented"));
    } finally {
      other.close();
    }
  });
});
