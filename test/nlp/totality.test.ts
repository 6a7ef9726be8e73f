// Extraction is total: it never throws and never leaves the text, on any string. Each crash the
// property tests found is a row here; the prototype names go through extract(), ingest and the pages.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import request from "supertest";
import { extract } from "../../src/nlp/pipeline";
import { openDb, type Db } from "../../src/store/db";
import { ingestArticle } from "../../src/services/ingest";
import { decodeEntities } from "../../src/services/html-text";
import { tokenize as compareTokens } from "../../src/compare/text";
import { createApp } from "../../src/app";
import { runExtract } from "../../src/cli";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROTOTYPE_NAMES, assertExtractionContract, hostileText } from "../fixtures/hostile";

type Want = { quotes: number; claims: [string, string][] };

describe("extraction is total", () => {
  // [name, text, quotes expected, claims expected as [reason, text]]
  const rows: [string, string, Want][] = [
    ["an article ending in a cue after an anonymous source", "The deal will close next week, sources said",
      { quotes: 1, claims: [["anonymous source", "The deal will close next week, sources said"]] }],
    ["an article ending in a hedge", "The minister reportedly", { quotes: 0, claims: [["hedge", "The minister reportedly"]] }],
    ["a hedge alone", "reportedly", { quotes: 0, claims: [["hedge", "reportedly"]] }],
    ["a vague group and its cue alone", "Sources said", { quotes: 0, claims: [["anonymous source", "Sources said"]] }],
    ["a hedge ending the text after a full sentence", "The bridge is done. The minister allegedly",
      { quotes: 0, claims: [["hedge", "The minister allegedly"]] }],
    // fallbackSubject read the first comma-separated part of a phrase that was only a comma
    ["a cue after a bare comma", ",said They", { quotes: 0, claims: [] }],
    ["a cue after a comma and a quote mark", ",told I AAAA’sources said\u200c ", { quotes: 0, claims: [] }],
    ["a cue after a comma, in a longer text", ",say but many believe I Peskov of They said the plan is dead.",
      { quotes: 1, claims: [["weasel", "many believe I Peskov of They said the plan is dead"]] }],
    // negative rows: a named source ending the text is no claim; nothing in, nothing out
    ["a named source ending the text", "The deal will close next week, John Smith said", { quotes: 1, claims: [] }],
    ["a hedge with a named source before it", "According to Reuters, the bridge is done. The minister reportedly",
      { quotes: 1, claims: [] }],
    ["the empty text", "", { quotes: 0, claims: [] }],
    ["only quote marks", "“”\"\"''«»„", { quotes: 0, claims: [] }],
    ["only a cue", "said", { quotes: 0, claims: [] }],
    ["a NUL and a lone surrogate", "\u0000\ud800 said \udc00", { quotes: 0, claims: [] }],
  ];
  for (const [name, text, want] of rows) {
    it(name, () => {
      const x = extract(text);
      assertExtractionContract(text, x);
      assert.equal(x.quotes.length, want.quotes, JSON.stringify(x.quotes.map((q) => q.text)));
      assert.deepEqual(x.claims.map((c) => [c.reason, c.text]), want.claims);
    });
  }

  // a fixed amount of work, not a speed: mocha's 20 s default is a wall-clock limit that a machine
  // shared by several test runs exceeded
  it("fast-check: 4,000 hostile strings never throw and every span lies inside the text", function () {
    this.timeout(300_000);
    fc.assert(fc.property(hostileText(80), (text) => assertExtractionContract(text, extract(text))), { numRuns: 4000, seed: 14 });
  });

  // the stress run of session 12 (seed 985336372) threw at string 2,375 of its second property: the
  // mention grammar read a token past the end of a phrase ("the minister ofthe?called on"). That
  // string throws alone too, in a new process, on the build before the fix (checked in session 13):
  // the texts before it brought nothing about. The whole sequence is replayed all the same; state
  // between texts is test/nlp/purity.test.ts's
  it("fast-check: the stress sequence that once threw (seed 985336373, 2,375 strings up to 600 pieces)", function () {
    this.timeout(120_000);
    fc.assert(fc.property(hostileText(600), (text) => assertExtractionContract(text, extract(text))), { numRuns: 2_375, seed: 985336373 });
  });
  it("fast-check: 300 long hostile strings (up to 400 pieces)", function () {
    this.timeout(300_000);
    fc.assert(fc.property(hostileText(400), (text) => assertExtractionContract(text, extract(text))), { numRuns: 300, seed: 1414 });
  });
});

/** Sentences that put a word where the extractor keys tables by text: cue, speaker, quoted word, name. */
const TEMPLATES: ((w: string, W: string) => string)[] = [
  (w) => `“The ${w} will finish the bridge next year,” said John Builder.`,
  (w, W) => `“The bridge will be finished next year,” ${W} said.`,
  (w, W) => `${W} said the ${w} would be finished next year, according to ${W} ${W}.`,
  (w) => `The bridge is ready, ${w} said. It is ${w}, sources ${w}.`,
  (w, W) => `${W} ${W} (${w.toUpperCase()}) ${w} on Friday that the ${w} reportedly ${w}.`,
  (w, W) => `Mr. ${W} told reporters: “We will ${w} the ${w}.” Some ${w} say it is widely seen as ${w}.`,
  (w) => `${w}`,
  (w, W) => `“${W}”, ${w}, ${w}: “${w}” ${W}`,
];

const cases = (): { word: string; text: string }[] => {
  const out: { word: string; text: string }[] = [];
  for (const name of PROTOTYPE_NAMES) {
    for (const word of new Set([name, name.toLowerCase(), name.toUpperCase()])) {
      const W = word[0]!.toUpperCase() + word.slice(1);
      for (const t of TEMPLATES) out.push({ word, text: t(word, W) });
    }
  }
  return out;
};

describe("the poison word: Object.prototype names as words", () => {
  it(`extract() is total on ${cases().length} sentences built from ${PROTOTYPE_NAMES.length} prototype names`, () => {
    for (const { text } of cases()) {
      try {
        assertExtractionContract(text, extract(text));
      } catch (e) {
        throw new Error(`${JSON.stringify(text)}: ${(e as Error).message}`);
      }
    }
  });

  // [text, speaker canonical, quote text]
  const rows: [string, string | null, string][] = [
    ["“The constructor will finish the bridge next year,” said John Builder.", "John Builder", "The constructor will finish the bridge next year,"],
    ["“The bridge will be finished next year,” Constructor said.", "Constructor", "The bridge will be finished next year,"],
    ["“The __proto__ and the toString will valueOf the hasOwnProperty,” said Ann Lee.", "Ann Lee", "The __proto__ and the toString will valueOf the hasOwnProperty,"],
    // negative row: a quote with no cue has no speaker, prototype words or not
    ["“The constructor will finish the bridge next year and then the road.”", null, "The constructor will finish the bridge next year and then the road."],
  ];
  for (const [text, canonical, quoted] of rows) {
    it(`extract: ${text}`, () => {
      const x = extract(text);
      assert.equal(x.quotes.length, 1);
      assert.equal(x.quotes[0]!.text, quoted);
      assert.equal(x.quotes[0]!.speaker_canonical, canonical);
    });
  }

  describe("through ingest (in-memory database) and the pages", () => {
    let db: Db;
    beforeEach(() => { db = openDb(":memory:"); });
    afterEach(() => db.close());

    for (const [text, canonical, quoted] of rows) {
      it(`stores and serves: ${text}`, async () => {
        const r = ingestArticle(db, { text, title: "constructor", outlet: "__proto__" });
        assert.equal(r.created, true);
        const q = db.prepare("SELECT text, speaker_canonical FROM quotes WHERE source_id = ?").all(r.id) as { text: string; speaker_canonical: string | null }[];
        assert.deepEqual(q, [{ text: quoted, speaker_canonical: canonical }]);
        // the same text twice is stored once; a second article regroups with the first
        assert.equal(ingestArticle(db, { text }).created, false);
        assert.equal(ingestArticle(db, { text: `${text} Later, constructor said.` }).created, true);
        const app = createApp({ db });
        for (const path of ["/", "/sources/1", "/sources/1.json", "/people", "/people.json", "/quotes.csv", "/claims.json", "/conflicts", "/conflicts.json"]) {
          const res = await request(app).get(path);
          assert.equal(res.status, 200, `${path}: ${res.status}`);
        }
      });
    }

    it(`ingests ${PROTOTYPE_NAMES.length * TEMPLATES.length} articles built from prototype names, each once`, () => {
      const seen = new Set<string>();
      for (const { text } of cases()) {
        if (!text.trim() || seen.has(text)) continue;
        seen.add(text);
        try {
          assert.equal(ingestArticle(db, { text, title: text.slice(0, 20) }).created, true);
        } catch (e) {
          throw new Error(`${JSON.stringify(text)}: ${(e as Error).message}`);
        }
      }
      const n = (db.prepare("SELECT count(*) AS n FROM sources").get() as { n: number }).n;
      assert.equal(n, seen.size);
    });
  });

  it("statement comparison reads prototype names as words, not as numbers", () => {
    assert.deepEqual(compareTokens("constructor three __proto__ toString").map((t) => t.norm), ["constructor", "3", "proto", "tostring"]);
  });

  it("HTML entities named after prototype properties stay as written", () => {
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) {
      assert.equal(decodeEntities(`a &${name}; b`), `a &${name}; b`);
    }
    assert.equal(decodeEntities("&amp;&ldquo;"), "&“"); // negative row: real entities still decode
  });
});

describe("whosaid extract --jsonl on the inputs that crashed it", () => {
  it("prints one line per input line, in order, errors on their own line, and exits 1 for the bad line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "whosaid-total-"));
    try {
      const file = join(dir, "in.jsonl");
      const lines = [
        { id: "a", text: "The deal will close next week, sources said" },
        { id: "b", text: "The minister reportedly" },
        "not json",
        { id: "c", text: "“The constructor will finish the bridge next year,” said John Builder." },
        { id: "d" },
        { id: "e", text: ",told I AAAA’sources said\u200c " },
      ];
      writeFileSync(file, lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n") + "\n");
      let out = "";
      const code = await runExtract(["--jsonl", file], (s) => { out += s; });
      const rows = out.trim().split("\n").map((l) => JSON.parse(l) as { id: string | null; error?: string; quotes?: unknown[]; claims?: unknown[] });
      assert.deepEqual(rows.map((r) => [r.id, "error" in r]), [["a", false], ["b", false], [null, true], ["c", false], ["d", true], ["e", false]]);
      assert.equal(rows[1]!.claims!.length, 1);
      assert.equal(code, 1);
      // negative row: without the bad lines the run exits 0
      writeFileSync(file, [lines[0], lines[1], lines[3]].map((l) => JSON.stringify(l)).join("\n"));
      assert.equal(await runExtract(["--jsonl", file], () => {}), 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
