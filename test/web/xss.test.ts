import assert from "node:assert/strict";
import request from "supertest";
import type { Express } from "express";
import { createApp } from "../../src/app";
import type { Db } from "../../src/store/db";
import { FIXTURE_INGEST, fixtureDb } from "../fixtures/corpus";

// The XSS fixture article (id 3) has <script>, <img onerror> and <b> in its text, title, outlet and speaker.
const LIVE = ["<script>alert", "<img src=x", "<b>Bold</b>", "onerror=alert(3)>"];

describe("web: hostile article text renders inert", () => {
  let db: Db;
  let app: Express;
  before(() => {
    db = fixtureDb({ xss: true });
    app = createApp({ db, ingest: FIXTURE_INGEST });
  });
  after(() => db.close());

  const pages: { path: string; escaped: string[] }[] = [
    { path: "/sources/3", escaped: ["&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src&#61;x onerror&#61;alert(2)&gt;", "<title>&lt;img src&#x3D;x onerror&#x3D;alert(3)&gt;"] },
    { path: "/", escaped: ["&lt;img src&#x3D;x onerror&#x3D;alert(3)&gt; &amp; &quot;friends&quot;", "&lt;b&gt;Bold&lt;/b&gt;"] },
    { path: "/sources", escaped: ["&lt;script&gt;alert(4)&lt;/script&gt;"] },
    { path: "/quotes", escaped: ["&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;", "&lt;b&gt;Bold&lt;/b&gt;"] },
    { path: "/quotes?source=3", escaped: ["&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;"] },
    { path: "/claims", escaped: ["&lt;script&gt;alert(1)&lt;/script&gt;"] },
    { path: "/people", escaped: ["&lt;b&gt;Bold&lt;/b&gt;"] },
    { path: "/people/3", escaped: ["<h1>&lt;b&gt;Bold&lt;/b&gt;</h1>"] },
  ];
  for (const p of pages) {
    it(`${p.path} escapes everything from the article`, async () => {
      const res = await request(app).get(p.path);
      assert.equal(res.status, 200);
      for (const live of LIVE) assert.ok(!res.text.includes(live), `live markup ${live}`);
      for (const e of p.escaped) assert.ok(res.text.includes(e), `expected escaped ${e}`);
    });
  }

  it("JSON twins escape angle brackets too", async () => {
    const res = await request(app).get("/sources/3.json");
    assert.ok(!res.text.includes("<script>"));
    assert.equal(res.body.source.outlet, "<script>alert(4)</script>");
  });

  it("a hostile search term is echoed escaped", async () => {
    const res = await request(app).get("/quotes").query({ q: "\"><script>alert(5)</script>\"" });
    assert.equal(res.status, 200);
    assert.ok(!res.text.includes("<script>alert(5)"));
    assert.ok(res.text.includes("&quot;&gt;&lt;script&gt;alert(5)"));
  });
});
