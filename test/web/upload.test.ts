import assert from "node:assert/strict";
import request from "supertest";
import type { Express } from "express";
import { createApp } from "../../src/app";
import { openDb, type Db } from "../../src/store/db";
import { articleFromHtml } from "../../src/services/html-text";
import { MAX_UPLOAD_ARTICLES } from "../../src/services/uploads";
import type { Extraction } from "../../src/nlp/types";

const EMPTY: Extraction = { quotes: [], claims: [], entities: [] };
const INGEST = { extractor: { version: "upload-test", extract: (): Extraction => EMPTY }, now: () => new Date("2024-05-01T00:00:00Z") };

function sources(db: Db): { title: string; text: string }[] {
  return db.prepare("SELECT title, text FROM sources ORDER BY id").all() as { title: string; text: string }[];
}

const PAGE = `<!doctype html><html><head><title>Harbour news</title><script>document.write("tracker")</script></head>
<body><nav>Home | Sport | Weather</nav><article><h1>Bridge vote</h1>
<p>\u201CWe will build the bridge,\u201D said Mayor Ann Lee on Monday, speaking to a crowd of residents at the harbour.</p>
<p>The council will vote on the plan next week, after a long debate about the costs and the timetable.</p>
<script>alert("in the article")</script></article><footer>Copyright Harbour News</footer></body></html>`;

describe("web: uploading an article file (POST /sources, multipart)", () => {
  let db: Db;
  let app: Express;
  beforeEach(() => {
    db = openDb(":memory:");
    app = createApp({ db, ingest: INGEST });
  });
  afterEach(() => db.close());

  it("a .txt upload is stored as it is, with the form's title", async () => {
    const res = await request(app).post("/sources.json").field("title", "From a file").attach("file", Buffer.from("\uFEFFThe council met on Monday.\n\nIt agreed.", "utf8"), "note.txt");
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(sources(db), [{ title: "From a file", text: "The council met on Monday.\n\nIt agreed." }]);
  });

  it("an .html upload is reduced to the article: no scripts, no menu or footer, the page's title", async () => {
    const res = await request(app).post("/sources").attach("file", Buffer.from(PAGE), "page.html");
    assert.equal(res.status, 303);
    const [s] = sources(db);
    assert.equal(s!.title, "Harbour news");
    assert.match(s!.text, /^\u201CWe will build the bridge,\u201D said Mayor Ann Lee/m);
    assert.match(s!.text, /The council will vote/);
    for (const gone of ["tracker", "alert", "Home | Sport", "Copyright"]) assert.ok(!s!.text.includes(gone), gone);
  });

  it("a .jsonl upload stores each line's article, once, in one go", async () => {
    const lines = [
      JSON.stringify({ id: 1, title: "One", text: "First article text." }),
      "",
      JSON.stringify({ id: 2, title: "Two", outlet: "Gazette", text: "Second article text." }),
    ].join("\n");
    const res = await request(app).post("/sources.json").attach("file", Buffer.from(lines), "batch.jsonl");
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(res.body.sources.map((s: { id: number; created: boolean }) => [s.id, s.created]), [[1, true], [2, true]]);
    const again = await request(app).post("/sources.json").attach("file", Buffer.from(lines), "batch.jsonl");
    assert.equal(again.status, 200);
    assert.deepEqual(sources(db).map((s) => s.title), ["One", "Two"]);
  });

  const refused: { name: string; file: Buffer; filename: string; status: number; message: RegExp; extra?: Record<string, string> }[] = [
    { name: "invalid UTF-8 in a .txt", file: Buffer.concat([Buffer.from("Jo"), Buffer.from([0xff, 0xfe]), Buffer.from("hn Smith said so.")]), filename: "a.txt", status: 400, message: /^file: is not valid UTF-8/ },
    { name: "Latin-1 in an .html", file: Buffer.from("<p>Caf\xe9 owners met.</p>", "latin1"), filename: "a.html", status: 400, message: /not valid UTF-8/ },
    { name: "an unknown extension", file: Buffer.from("MZ binary"), filename: "tool.exe", status: 400, message: /^file: must be a \.txt/ },
    { name: "an empty file", file: Buffer.alloc(0), filename: "a.txt", status: 400, message: /^file: is empty/ },
    { name: "a file over 2 MB", file: Buffer.alloc(2 * 1024 * 1024 + 1, 0x61), filename: "big.txt", status: 413, message: /^file: is too large/ },
    { name: "a .jsonl with one bad line among good ones", file: Buffer.from(`${JSON.stringify({ text: "Good one." })}\n{oops\n${JSON.stringify({ text: "Good two." })}`), filename: "b.jsonl", status: 400, message: /line 2 is not JSON: nothing was stored/ },
    { name: "a .jsonl with an invalid article", file: Buffer.from(`${JSON.stringify({ text: "Good one." })}\n${JSON.stringify({ text: "" })}`), filename: "b.jsonl", status: 400, message: /^file: line 2: text: is empty/ },
    { name: "a .jsonl over the article count", file: Buffer.from(Array.from({ length: MAX_UPLOAD_ARTICLES + 1 }, (_, i) => JSON.stringify({ text: `Article ${i}.` })).join("\n")), filename: "c.jsonl", status: 400, message: /more than 50 articles/ },
    { name: "both a pasted text and a file", file: Buffer.from("File text."), filename: "a.txt", status: 400, message: /not both/, extra: { text: "Pasted text." } },
  ];
  for (const c of refused) {
    it(`refuses ${c.name} (${c.status}), nothing stored`, async () => {
      let req = request(app).post("/sources.json");
      for (const [k, v] of Object.entries(c.extra ?? {})) req = req.field(k, v);
      const res = await req.attach("file", c.file, c.filename);
      assert.equal(res.status, c.status, res.text);
      assert.match(res.body.error, c.message);
      assert.equal(sources(db).length, 0);
    });
  }

  it("two files are refused (the count limit)", async () => {
    const res = await request(app).post("/sources.json").attach("file", Buffer.from("One."), "a.txt").attach("file", Buffer.from("Two."), "b.txt");
    assert.equal(res.status, 400);
    assert.match(res.body.error, /upload one file/);
    assert.equal(sources(db).length, 0);
  });

  it("a form upload that fails comes back as the form with the message", async () => {
    const res = await request(app).post("/sources").field("title", "Mine").attach("file", Buffer.from([0xc3, 0x28]), "bad.txt");
    assert.equal(res.status, 400);
    assert.match(res.text, /not valid UTF-8/);
    assert.ok(res.text.includes('value="Mine"'));
  });

  it("a multipart post with only pasted text still works (the form is multipart)", async () => {
    const res = await request(app).post("/sources").field("text", "Pasted through the multipart form.").field("title", "Pasted");
    assert.equal(res.status, 303);
    assert.deepEqual(sources(db), [{ title: "Pasted", text: "Pasted through the multipart form." }]);
  });

  it("a truncated multipart body is a 400", async () => {
    const res = await request(app).post("/sources.json").set("content-type", "multipart/form-data; boundary=XYZ").send("--XYZ\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhalf");
    assert.equal(res.status, 400);
    assert.equal(sources(db).length, 0);
  });
});

describe("articleFromHtml: readability over linkedom", () => {
  const rows: { name: string; html: string; has: string[]; lacks: string[] }[] = [
    { name: "a news page", html: PAGE, has: ["We will build the bridge", "The council will vote"], lacks: ["tracker", "alert(", "Copyright"] },
    { name: "a fragment without an article (falls back to the whole text)", html: "<p>Short note.</p><script>x()</script>", has: ["Short note."], lacks: ["x()"] },
    { name: "event handlers and iframes", html: `<article><p>${"Real words about the budget and the vote. ".repeat(8)}</p><iframe src="https://evil.example"></iframe><img src=x onerror="alert(1)"></article>`, has: ["Real words about the budget"], lacks: ["evil.example", "onerror", "alert"] },
    { name: "not HTML at all", html: "just words, no tags", has: ["just words, no tags"], lacks: [] },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const { text } = articleFromHtml(r.html);
      for (const h of r.has) assert.ok(text.includes(h), `has ${h}: ${text}`);
      for (const l of r.lacks) assert.ok(!text.includes(l), `lacks ${l}: ${text}`);
    });
  }
});
