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

  it("shows it in the claim table", async () => {
    const res = await request(createApp({ db })).get("/claims");
    assert.equal(res.status, 200);
    assert.ok(res.text.includes('<span class="nearest-source">named in the previous sentence: <b>Harbour Gazette</b></span>'), res.text.slice(0, 300));
    assert.equal(res.text.split('class="nearest-source"').length - 1, 1, "one claim names a source, the other does not");
  });

  it("shows it in the explanation of the claim on the source page", async () => {
    const res = await request(createApp({ db })).get("/sources/1");
    assert.equal(res.status, 200);
    assert.ok(res.text.includes("Named nearby, in the previous sentence: Harbour Gazette. · "), "in the claim list");
    assert.ok(!res.text.includes("Named nearby, in the previous sentence: Harbour Gazette. Named"), "once per claim");
  });
});
