// `whosaid ingest` reads files as an upload reads them: an .html page goes through the same
// readability reduction (scripts, styles, menus and footers dropped, the article kept), and a file or a
// JSON line that is not UTF-8 is refused and listed, never stored with U+FFFD in place of its bytes.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import request from "supertest";
import { createApp } from "../../src/app";
import { openDb, type Db } from "../../src/store/db";
import { ingestPaths } from "../../src/services/ingest-files";
import { NOT_UTF8 } from "../../src/services/readers";
import type { Extraction } from "../../src/nlp/types";

const EMPTY: Extraction = { quotes: [], claims: [], entities: [] };
const OPTIONS = { extractor: { version: "files-test", extract: (): Extraction => EMPTY }, now: () => new Date("2024-05-01T00:00:00Z") };

/** An invented news page with the usual boilerplate around its article. */
const PAGE = `<!doctype html><html><head><title>Ferry strike ends | Coast Courier</title>
<style>body { font-family: serif } .ad { color: red }</style>
<script>window.tracker = "pixel-42"; document.write("subscribe now")</script></head>
<body><header><nav><a href="/">Home</a> | <a href="/sport">Sport</a> | <a href="/weather">Weather</a></nav></header>
<aside class="ad">Advertisement: cheap flights to the islands</aside>
<main><article><h1>Ferry strike ends after talks</h1>
<p>\u201CThe boats will sail again on Friday,\u201D said union leader Pia Hollis after eleven hours of talks at the port.</p>
<p>The operator agreed to a new rota for the winter crossings and to review the pay of the deck crews next spring.</p>
<p>Passengers stranded on the islands were offered free tickets for the first sailings, a spokesman said.</p>
<script>trackArticle("ferry")</script></article></main>
<footer>Copyright Coast Courier. All rights reserved. Cookie settings.</footer></body></html>`;

const BOILERPLATE = ["pixel-42", "subscribe now", "font-family", "Sport", "Weather", "Advertisement", "trackArticle", "Copyright", "Cookie settings"];
const ARTICLE = ["The boats will sail again on Friday", "The operator agreed to a new rota", "Passengers stranded on the islands"];

function stored(db: Db): { title: string; text: string }[] {
  return db.prepare("SELECT title, text FROM sources ORDER BY id").all() as { title: string; text: string }[];
}

describe("ingest: files read as uploads are read", function () {
  this.timeout(60_000);
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "whosaid-files-"));
    db = openDb(":memory:");
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("an .html page with boilerplate: the article's text is kept, scripts, styles, menus, ads and footer dropped", () => {
    writeFileSync(join(dir, "ferry.html"), PAGE);
    const summary = ingestPaths(db, [dir], OPTIONS);
    assert.deepEqual(summary.failed, []);
    const [s] = stored(db);
    for (const words of ARTICLE) assert.ok(s!.text.includes(words), `kept: ${words}\n${s!.text}`);
    for (const words of BOILERPLATE) assert.ok(!s!.text.includes(words), `dropped: ${words}\n${s!.text}`);
    assert.match(s!.title, /Ferry strike ends/);
  });

  it("the file ingest and the upload of the same page store the same text", async () => {
    writeFileSync(join(dir, "ferry.htm"), PAGE);
    ingestPaths(db, [dir], OPTIONS);
    const uploaded = openDb(":memory:");
    try {
      const res = await request(createApp({ db: uploaded, ingest: OPTIONS })).post("/sources.json").attach("file", Buffer.from(PAGE), "ferry.html");
      assert.equal(res.status, 201, res.text);
      assert.deepEqual(stored(uploaded), stored(db));
    } finally {
      uploaded.close();
    }
  });

  const rows: { name: string; files: Record<string, Buffer | string>; stored: string[]; failed: { origin: string; error: RegExp }[] }[] = [
    { name: "a page without an article element keeps its whole text, minus scripts", files: { "note.html": "<p>The vote is on Monday.</p><script>x()</script>" }, stored: ["The vote is on Monday."], failed: [] },
    { name: "a .txt that is not UTF-8 is listed, not stored", files: { "latin.txt": Buffer.from("Caf\xe9 owners met on Monday.", "latin1") }, stored: [], failed: [{ origin: "latin.txt", error: /not valid UTF-8/ }] },
    { name: "an .html that is not UTF-8 is listed, not stored", files: { "page.html": Buffer.concat([Buffer.from("<p>Jo"), Buffer.from([0xff, 0xfe]), Buffer.from("hn said so.</p>")]) }, stored: [], failed: [{ origin: "page.html", error: /not valid UTF-8/ }] },
    {
      name: "a JSON line that is not UTF-8 is listed; the lines around it are stored",
      files: { "b.jsonl": Buffer.concat([Buffer.from(`${JSON.stringify({ id: 1, text: "First article." })}\n{"id":2,"text":"Jo`), Buffer.from([0xff]), Buffer.from(`hn"}\n${JSON.stringify({ id: 3, text: "Third article." })}\n`)]) },
      stored: ["First article.", "Third article."], failed: [{ origin: "b.jsonl:2", error: /this line is not valid UTF-8/ }],
    },
    { name: "a JSON Lines file with a BOM and CRLF line ends", files: { "c.jsonl": `\uFEFF${JSON.stringify({ text: "With a BOM." })}\r\n${JSON.stringify({ text: "Second." })}\r\n` }, stored: ["With a BOM.", "Second."], failed: [] },
    // negative rows: UTF-8 of every width is stored as written
    { name: "a UTF-8 .txt with accents, euro signs and emoji", files: { "ok.txt": "Café owners paid €5 😀 on Monday." }, stored: ["Café owners paid €5 😀 on Monday."], failed: [] },
  ];
  for (const r of rows) {
    it(r.name, () => {
      for (const [name, content] of Object.entries(r.files)) writeFileSync(join(dir, name), content);
      const summary = ingestPaths(db, [dir], OPTIONS);
      assert.deepEqual(stored(db).map((s) => s.text), r.stored);
      assert.equal(summary.created, r.stored.length);
      assert.equal(summary.failed.length, r.failed.length, JSON.stringify(summary.failed));
      r.failed.forEach((f, i) => {
        assert.equal(summary.failed[i]!.origin.replace(/#\d+$/, ""), join(dir, f.origin));
        assert.match(summary.failed[i]!.error, f.error);
      });
      assert.equal((db.prepare("SELECT count(*) AS n FROM sources WHERE instr(text, char(65533))").get() as { n: number }).n, 0);
    });
  }

  it("a JSON line longer than the 1 MB read, with multi-byte characters across the cut, is read whole", () => {
    const text = "é€😀 ".repeat(150_000);
    writeFileSync(join(dir, "long.jsonl"), `${JSON.stringify({ text: "Short one." })}\n${JSON.stringify({ text })}\n${JSON.stringify({ text: "After it." })}`);
    const summary = ingestPaths(db, [dir], OPTIONS);
    assert.deepEqual(summary.failed, []);
    assert.deepEqual(stored(db).map((s) => s.text.length), ["Short one.".length, text.length, "After it.".length]);
    assert.equal(stored(db)[1]!.text, text);
  });

  it("NOT_UTF8 says what to do", () => assert.match(NOT_UTF8, /save it as UTF-8/));
});
