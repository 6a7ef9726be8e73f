import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { htmlToText, decodeEntities } from "../../src/services/html-text";
import { readArticleFile } from "../../src/services/readers";
import { ingestPaths, summaryLine } from "../../src/services/ingest-files";
import { openDb } from "../../src/store/db";
import { FIXTURE_INGEST } from "../fixtures/corpus";

describe("services: HTML to text", () => {
  const cases: { name: string; html: string; title: string; text: string }[] = [
    { name: "title and paragraphs", html: "<html><head><title>A &amp; B</title></head><body><p>One.</p><p>Two <b>bold</b>.</p></body></html>", title: "A & B", text: "One.\nTwo bold." },
    { name: "scripts and styles dropped", html: "<p>Keep</p><script>var x = '<p>no</p>';</script><style>p{}</style><p>this</p>", title: "", text: "Keep\nthis" },
    { name: "comments dropped", html: "<p>a<!-- <p>hidden</p> -->b</p>", title: "", text: "ab" },
    { name: "entities decoded", html: "<p>&ldquo;Hi,&rdquo; she said &#8212; &#x41;&nbsp;B</p>", title: "", text: "\u201CHi,\u201D she said \u2014 A B" },
    { name: "line breaks and lists", html: "<ul><li>x</li><li>y</li></ul>a<br>b", title: "", text: "x\ny\na\nb" },
    { name: "control characters in entities dropped", html: "<p>a&#0;b&#7;c</p>", title: "", text: "abc" },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(htmlToText(c.html), { title: c.title, text: c.text }));
  }
  it("leaves unknown entities alone", () => assert.equal(decodeEntities("&bogus; &amp;"), "&bogus; &"));
});

describe("services: reading and ingesting files", () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), "whosaid-read-")); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("reads JSON Lines with errors per line", () => {
    const file = join(dir, "a.jsonl");
    writeFileSync(file, [
      JSON.stringify({ id: "x1", text: "First.", title: "T", outlet: "O", date: "2024-01-02" }),
      "not json",
      "",
      JSON.stringify([1]),
      JSON.stringify({ id: 7, text: "Second.", published: "2024-01-03" }),
    ].join("\n"));
    const items = [...readArticleFile(file)];
    assert.equal(items.length, 4);
    assert.deepEqual(items[0]!.record, { title: "T", outlet: "O", url: undefined, published: "2024-01-02", text: "First." });
    assert.match(items[1]!.error!, /not JSON/);
    assert.equal(items[1]!.origin, `${file}:2`);
    assert.match(items[2]!.error!, /not a JSON object/);
    assert.equal(items[3]!.record!.published, "2024-01-03");
  });

  it("walks folders, uses seeds.json metadata, and counts new, stored and failed", () => {
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "one.txt"), "\uFEFFArticle one says things.");
    writeFileSync(join(dir, "seeds.json"), JSON.stringify({ "one.txt": { title: "One", outlet: "Outlet One", date: "" } }));
    writeFileSync(join(dir, "sub", "two.html"), "<title>Two</title><p>Article two.</p>");
    writeFileSync(join(dir, "sub", "bad.txt"), "binary\u0000junk");
    writeFileSync(join(dir, "sub", "ignored.csv"), "a,b");
    const db = openDb(":memory:");
    const s1 = ingestPaths(db, [dir], FIXTURE_INGEST);
    assert.equal(s1.created, 2);
    assert.equal(s1.existing, 0);
    assert.equal(s1.failed.length, 1);
    assert.match(s1.failed[0]!.error, /text: contains binary/);
    const rows = db.prepare("SELECT title, outlet, text FROM sources ORDER BY id").all();
    assert.deepEqual(rows, [
      { title: "One", outlet: "Outlet One", text: "Article one says things." },
      { title: "Two", outlet: "", text: "Article two." },
    ]);
    const s2 = ingestPaths(db, [dir, join(dir, "missing.txt"), join(dir, "sub", "ignored.csv")], FIXTURE_INGEST);
    assert.equal(summaryLine(s2), "ingested 0 new, 2 already stored, 3 failed");
    db.close();
  });
});
