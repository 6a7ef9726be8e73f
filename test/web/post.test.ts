import assert from "node:assert/strict";
import request from "supertest";
import type { Express } from "express";
import { createApp } from "../../src/app";
import { openDb, type Db } from "../../src/store/db";
import { MAX_TEXT_BYTES } from "../../src/services/article-input";
import { ARTICLE_A, FIXTURE_INGEST } from "../fixtures/corpus";

function counts(db: Db): number[] {
  return ["sources", "quotes", "claims", "people"].map((t) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n);
}

describe("web: adding an article (POST /sources)", () => {
  let db: Db;
  let app: Express;
  beforeEach(() => {
    db = openDb(":memory:");
    app = createApp({ db, ingest: FIXTURE_INGEST });
  });
  afterEach(() => db.close());

  it("a form post redirects (303) to the new source, and again to the same source", async () => {
    const first = await request(app).post("/sources").type("form").send(ARTICLE_A);
    assert.equal(first.status, 303);
    assert.equal(first.headers.location, "/sources/1");
    const page = await request(app).get(first.headers.location!);
    assert.equal(page.status, 200);
    assert.ok(page.text.includes('id="q-1"'));
    const again = await request(app).post("/sources").type("form").send({ text: ARTICLE_A.text });
    assert.equal(again.status, 303);
    assert.equal(again.headers.location, "/sources/1");
    assert.deepEqual(counts(db), [1, 2, 2, 1]);
  });

  it("a JSON post answers 201 with the id, then 200 for the same text", async () => {
    const first = await request(app).post("/sources").send(ARTICLE_A);
    assert.equal(first.status, 201);
    assert.deepEqual(first.body, { id: 1, created: true, url: "/sources/1" });
    assert.equal(first.headers.location, "/sources/1");
    const again = await request(app).post("/sources").send({ text: ARTICLE_A.text });
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, { id: 1, created: false, url: "/sources/1" });
  });

  it("POST /sources.json answers JSON to a form post", async () => {
    const res = await request(app).post("/sources.json").type("form").send({ text: "Short article." });
    assert.equal(res.status, 201);
    assert.equal(res.body.id, 1);
  });

  const ok = { text: "A valid article." };
  const invalid: { name: string; body: Record<string, string>; status: number; field: string }[] = [
    { name: "empty text", body: { text: "" }, status: 400, field: "text" },
    { name: "whitespace-only text", body: { text: "   \n  " }, status: 400, field: "text" },
    { name: "no text field", body: { title: "Only a title" }, status: 400, field: "text" },
    { name: "binary text", body: { text: "PK\u0003\u0004\u0000\u0000binary" }, status: 400, field: "text" },
    { name: "text over 2 MB", body: { text: "a".repeat(MAX_TEXT_BYTES + 10) }, status: 413, field: "text" },
    { name: "javascript: url", body: { ...ok, url: "javascript:alert(1)" }, status: 400, field: "url" },
    { name: "relative url", body: { ...ok, url: "/local/path" }, status: 400, field: "url" },
    { name: "bad date", body: { ...ok, published: "2024-13-01" }, status: 400, field: "published" },
    { name: "date in words", body: { ...ok, published: "March 1, 2024" }, status: 400, field: "published" },
    { name: "over-long title", body: { ...ok, title: "x".repeat(501) }, status: 400, field: "title" },
    { name: "over-long outlet", body: { ...ok, outlet: "x".repeat(201) }, status: 400, field: "outlet" },
  ];
  for (const c of invalid) {
    it(`JSON: ${c.name} → ${c.status} naming ${c.field}, nothing stored`, async () => {
      const res = await request(app).post("/sources").send(c.body);
      assert.equal(res.status, c.status);
      assert.match(String(res.headers["content-type"]), /^application\/json/);
      assert.match(res.body.error, new RegExp(`^${c.field}: `));
      assert.ok(res.body.fields[c.field]);
      assert.deepEqual(counts(db), [0, 0, 0, 0]);
    });
    it(`form: ${c.name} → ${c.status}, the form again with the message and the input`, async () => {
      const res = await request(app).post("/sources").type("form").send(c.body);
      assert.equal(res.status, c.status);
      assert.match(String(res.headers["content-type"]), /^text\/html/);
      assert.ok(res.text.includes('<form class="article"'));
      assert.match(res.text, new RegExp(`${c.field}: `));
      if (c.body.title && c.body.title.length < 600) assert.ok(res.text.includes(`value="${c.body.title}"`));
      assert.deepEqual(counts(db), [0, 0, 0, 0]);
    });
  }

  it("re-renders hostile input escaped", async () => {
    const res = await request(app).post("/sources").type("form").send({
      text: "</textarea><script>alert(1)</script>",
      title: "\"><img src=x onerror=alert(2)>",
      url: "javascript:alert(3)",
    });
    assert.equal(res.status, 400);
    assert.ok(!res.text.includes("<script>alert(1)"));
    assert.ok(!res.text.includes("<img src=x"));
    assert.ok(res.text.includes("&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert.ok(res.text.includes("url: must be an http:// or https:// address"));
  });

  it("a body over the parser limit is a 413 with our message, not a stack trace", async () => {
    const res = await request(app).post("/sources").send({ text: "a".repeat(21 * 1024 * 1024) });
    assert.equal(res.status, 413);
    assert.deepEqual(res.body, { error: "text: is too large (the limit is 2 MB)", fields: { text: "is too large (the limit is 2 MB)" } });
    const form = await request(app).post("/sources").type("form").send({ text: "a".repeat(21 * 1024 * 1024) });
    assert.equal(form.status, 413);
    assert.match(form.text, /text: is too large/);
    assert.ok(!form.text.includes("PayloadTooLargeError"));
  });

  const bodies: { name: string; type: string; body: string; status: number; message: RegExp }[] = [
    { name: "malformed JSON", type: "application/json", body: "{\"text\": ", status: 400, message: /body: is not valid JSON/ },
    { name: "a JSON array", type: "application/json", body: "[\"text\"]", status: 400, message: /^body:/ },
    { name: "plain text", type: "text/plain", body: "text=hello", status: 415, message: /form|JSON/ },
    { name: "a repeated field", type: "application/x-www-form-urlencoded", body: "text=a&text=b", status: 400, message: /^text:/ },
  ];
  for (const c of bodies) {
    it(`refuses ${c.name} with ${c.status}`, async () => {
      const res = await request(app).post("/sources.json").set("content-type", c.type).send(c.body);
      assert.equal(res.status, c.status);
      assert.match(res.body.error, c.message);
      assert.deepEqual(counts(db), [0, 0, 0, 0]);
    });
  }

  it("a failing extractor stores nothing and answers 500 without details", async () => {
    const broken = createApp({ db, ingest: { extractor: { version: "x", extract: () => { throw new Error("internal detail"); } } }, log: () => {} });
    const res = await request(broken).post("/sources").send({ text: "Something." });
    assert.equal(res.status, 500);
    assert.ok(!res.text.includes("internal detail"));
    assert.deepEqual(counts(db), [0, 0, 0, 0]);
  });
});
