// Property test of the upload path: random bytes, random text, random HTML and random JSON Lines as
// .txt, .html and .jsonl files (and as the text field beside them) never get a 500, a refused upload
// stores nothing, and nothing stored holds a U+FFFD that the file did not hold.
import assert from "node:assert/strict";
import fc from "fast-check";
import request from "supertest";
import { createApp } from "../../src/app";
import { openDb, type Db } from "../../src/store/db";
import { extract } from "../../src/nlp/pipeline";
import { hostileText } from "../fixtures/hostile";

const HTML_PIECES = [
  "<p>", "</p>", "<article>", "</article>", "<script>", "</script>", "<style>", "<nav>", "<!--", "-->", "<title>", "</title>",
  "&amp;", "&#0;", "&#x110000;", "&constructor;", "<div class=\"", "\">", "<br/>", "<iframe src=x>", "<![CDATA[", "]]>", "<",
  ">", "\u201C", "said", "Ann Lee", " ", "\n",
];

const bytesOf = fc.oneof(
  fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
  fc.string({ unit: "binary", maxLength: 200 }).map((s) => Buffer.from(s, "utf8")),
  hostileText(40).map((s) => Buffer.from(s, "utf8")),
  fc.array(fc.constantFrom(...HTML_PIECES), { maxLength: 60 }).map((p) => Buffer.from(p.join(""), "utf8")),
  fc.array(fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), fc.record({ text: hostileText(20), title: fc.string({ maxLength: 20 }) }).map((r) => JSON.stringify(r)), fc.string({ maxLength: 30 })), { maxLength: 8 })
    .map((lines) => Buffer.from(lines.join("\n"), "utf8")),
  // valid text with a few random bytes spliced in
  fc.tuple(hostileText(20), fc.uint8Array({ minLength: 1, maxLength: 4 }), fc.nat()).map(([s, junk, at]) => {
    const b = Buffer.from(s, "utf8");
    const i = b.length ? at % b.length : 0;
    return Buffer.concat([b.subarray(0, i), Buffer.from(junk), b.subarray(i)]);
  }),
);

describe("web: uploads of random files never get a 500", function () {
  this.timeout(300_000);
  let db: Db;
  beforeEach(() => { db = openDb(":memory:"); });
  afterEach(() => db.close());

  it("random bytes, text, HTML and JSON Lines as .txt, .html and .jsonl (250 fixed-seed runs)", async () => {
    const app = createApp({ db, ingest: { extractor: { version: "upload-property", extract } }, writeLimit: false, log: () => {} });
    const count = () => (db.prepare("SELECT count(*) AS n FROM sources").get() as { n: number }).n;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(bytesOf, fc.constantFrom(".txt", ".html", ".htm", ".jsonl"), fc.option(fc.constantFrom("title", "outlet", "text")), async (file, ext, field) => {
        const before = count();
        const maxBefore = (db.prepare("SELECT coalesce(max(id), 0) AS m FROM sources").get() as { m: number }).m;
        let req = request(app).post("/sources.json");
        if (field) req = req.field(field, "A field beside the file");
        const res = await req.attach("file", file, `upload${ext}`);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        assert.ok(res.status < 500, `${res.status} for ${ext} ${JSON.stringify(file.toString("latin1").slice(0, 80))}: ${res.text}`);
        const body = JSON.parse(res.text) as { error?: string };
        if (res.status >= 400) {
          assert.equal(typeof body.error, "string");
          assert.equal(count(), before, "a refused upload stores nothing");
        }
        // U+FFFD in what this upload stored only where the file had it (or a character reference
        // out of range, which HTML decodes to U+FFFD)
        const added = db.prepare("SELECT text, title FROM sources WHERE id > ?").all(maxBefore) as { text: string; title: string }[];
        if (!file.includes(Buffer.from("\uFFFD")) && !file.includes(Buffer.from("&#"))) {
          for (const a of added) assert.ok(!a.text.includes("\uFFFD") && !a.title.includes("\uFFFD"), `U+FFFD stored from ${JSON.stringify(file.toString("latin1").slice(0, 80))}`);
        }
      }),
      { numRuns: 250, seed: 1402 },
    );
    // the runs reached both sides: stored uploads and refused ones
    assert.ok([...statuses.keys()].some((s) => s === 201 || s === 200), JSON.stringify([...statuses]));
    assert.ok([...statuses.keys()].some((s) => s === 400), JSON.stringify([...statuses]));
  });
});
