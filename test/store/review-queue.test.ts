// The review queue's cost (decision 026, issue 15): the queue's WHERE names only the filters that are
// set, so SQLite reads migration 70's index (review_status, confidence, source_id, start) lowest
// confidence first and stops at the LIMIT; its total comes from the kept counts less the corrected
// reviews; the filter menus are not read past their size. Every answer is checked against the query
// the queue ran before (every condition written out as `@x IS NULL OR …`).
import assert from "node:assert/strict";
import { migrate, openDb, type Db } from "../../src/store/db";
import { MIGRATIONS } from "../../src/store/migrations";
import { ingestArticle } from "../../src/services/ingest";
import { correctQuote, reviewQuote, type Actor } from "../../src/services/review-quotes";
import { countQuotes, quoteWhere, searchQuotes, type QuoteFilter, type QuoteOrder, type ReviewFilter } from "../../src/store/quotes";
import { peopleOptions } from "../../src/store/people";
import { sourceOptions } from "../../src/store/sources";
import { COMPARISON_ARTICLES } from "../fixtures/comparison";
import { ARTICLE_A, ARTICLE_B, FIXED_NOW, FIXTURE_INGEST } from "../fixtures/corpus";

const ann: Actor = { reviewer: "Ann Editor", now: FIXED_NOW };

/** The queue's WHERE as it was before migration 70: every filter written out. */
const OLD_WHERE = `WHERE (@person IS NULL OR q.person_id = @person)
  AND (@source IS NULL OR q.source_id = @source)
  AND (@kind IS NULL OR q.kind = @kind)
  AND (@q IS NULL OR instr(lower(q.text), lower(@q)) > 0
       OR instr(lower(coalesce(q.speaker_mention, '')), lower(@q)) > 0
       OR instr(lower(coalesce(q.speaker_canonical, '')), lower(@q)) > 0)
  AND (@speakerNone = 0 OR (q.speaker_mention IS NULL AND q.speaker_canonical IS NULL AND q.person_id IS NULL))
  AND (@review IS NULL
       OR (@review = 'unreviewed' AND q.review_status = 'unreviewed' AND NOT EXISTS (SELECT 1 FROM reviews rr WHERE rr.quote_id = q.id AND rr.corrected = 1))
       OR (@review = 'reviewed' AND (q.review_status <> 'unreviewed' OR EXISTS (SELECT 1 FROM reviews rr WHERE rr.quote_id = q.id AND rr.corrected = 1)))
       OR (@review = 'corrected' AND EXISTS (SELECT 1 FROM reviews rr WHERE rr.quote_id = q.id AND rr.corrected = 1))
       OR (@review IN ('confirmed', 'rejected', 'needs-check') AND q.review_status = @review))`;
const OLD_ORDER: Record<QuoteOrder, string> = {
  source: "q.source_id, q.start, q.end DESC, q.id",
  confidence: "q.confidence, q.source_id, q.start, q.id",
};
const oldParams = (f: QuoteFilter) => ({ ...f, speakerNone: f.speakerNone ? 1 : 0, review: f.review ?? null });
const oldIds = (db: Db, f: QuoteFilter, order: QuoteOrder): number[] =>
  (db.prepare(`SELECT q.id FROM quotes q ${OLD_WHERE} ORDER BY ${OLD_ORDER[order]}`).all(oldParams(f)) as { id: number }[]).map((r) => r.id);
const oldCount = (db: Db, f: QuoteFilter): number =>
  (db.prepare(`SELECT count(*) AS n FROM quotes q ${OLD_WHERE}`).get(oldParams(f)) as { n: number }).n;
const plan = (db: Db, sql: string, p: object): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(p) as { detail: string }[]).map((r) => r.detail).join("; ");

const NONE: QuoteFilter = { person: null, source: null, kind: null, q: null, speakerNone: false, review: null };

/** The comparison articles and the two fixture articles, with every review state among them. */
function reviewedDb(): Db {
  const db = openDb(":memory:");
  for (const a of [...COMPARISON_ARTICLES, ARTICLE_A, ARTICLE_B]) ingestArticle(db, a, FIXTURE_INGEST);
  const ids = (db.prepare("SELECT id FROM quotes ORDER BY id").all() as { id: number }[]).map((r) => r.id);
  assert.ok(ids.length >= 12, `${ids.length} statements`);
  reviewQuote(db, ids[0]!, { action: "confirm" }, ann);
  reviewQuote(db, ids[1]!, { action: "reject", reason: "duplicate" }, ann);
  reviewQuote(db, ids[2]!, { action: "needs-check" }, ann);
  reviewQuote(db, ids[3]!, { action: "note", note: "call back" }, ann); // a review that leaves it unreviewed
  correctQuote(db, ids[4]!, { kind: "indirect" }, ann); // corrected, still unreviewed on the row
  reviewQuote(db, ids[5]!, { action: "confirm" }, ann);
  correctQuote(db, ids[5]!, { kind: "direct" }, ann); // corrected and confirmed
  return db;
}

describe("store: the review queue reads an index and the kept counts (migration 70)", () => {
  let db: Db;
  before(() => { db = reviewedDb(); });
  after(() => db.close());

  // the first person quoted (person ids are 1, 2, … as the articles introduce them)
  const REVIEWS: (ReviewFilter | null)[] = [null, "unreviewed", "reviewed", "confirmed", "rejected", "needs-check", "corrected"];
  const FILTERS: { name: string; f: QuoteFilter }[] = [
    ...REVIEWS.map((review) => ({ name: `review ${review}`, f: { ...NONE, review } })),
    ...REVIEWS.map((review) => ({ name: `direct, review ${review}`, f: { ...NONE, kind: "direct" as const, review } })),
    ...REVIEWS.map((review) => ({ name: `indirect, review ${review}`, f: { ...NONE, kind: "indirect" as const, review } })),
    { name: "a person, unreviewed", f: { ...NONE, person: 1, review: "unreviewed" } },
    { name: "a person, confirmed", f: { ...NONE, person: 1, review: "confirmed" } },
    { name: "a source, unreviewed", f: { ...NONE, source: 2, review: "unreviewed" } },
    { name: "a word, unreviewed", f: { ...NONE, q: "the", review: "unreviewed" } },
    { name: "no speaker", f: { ...NONE, speakerNone: true } },
    { name: "no match", f: { ...NONE, q: "zzzz-not-in-any-article", review: "unreviewed" } },
  ];

  it("the states are all there (the rows below can tell them apart)", () => {
    const n = (review: ReviewFilter) => oldCount(db, { ...NONE, review });
    assert.ok(n("confirmed") >= 2 && n("rejected") >= 1 && n("needs-check") >= 1 && n("corrected") === 2);
    assert.equal(n("unreviewed") + n("reviewed"), oldCount(db, NONE));
    assert.notEqual(n("unreviewed"), oldCount(db, NONE) - n("confirmed") - n("rejected") - n("needs-check"), "a corrected statement is not unreviewed");
  });

  for (const { name, f } of FILTERS) {
    it(`${name}: the same total and the same rows, in both orders, every row once across pages of 2`, () => {
      assert.ok(f.person === null || oldCount(db, { ...NONE, person: f.person }) > 0, "the person is quoted");
      assert.equal(countQuotes(db, f), oldCount(db, f));
      for (const order of ["confidence", "source"] as const) {
        const want = oldIds(db, f, order);
        const got: number[] = [];
        for (let offset = 0; offset <= want.length; offset += 2) got.push(...searchQuotes(db, f, 2, offset, order).map((q) => q.id));
        assert.deepEqual(got, want, order);
        assert.equal(new Set(got).size, got.length);
      }
    });
  }

  // rows of (filter, order, the index the page must read, whether it sorts)
  const PLANS: { name: string; f: QuoteFilter; order: QuoteOrder; index: RegExp; sorts: boolean }[] = [
    { name: "the queue", f: { ...NONE, review: "unreviewed" }, order: "confidence", index: /quotes_review_confidence/, sorts: false },
    { name: "a kind in the queue", f: { ...NONE, kind: "direct", review: "unreviewed" }, order: "confidence", index: /quotes_review_confidence/, sorts: false },
    { name: "confirmed", f: { ...NONE, review: "confirmed" }, order: "confidence", index: /quotes_review_confidence/, sorts: false },
    { name: "the queue in article order", f: { ...NONE, review: "unreviewed" }, order: "source", index: /quotes_source_span/, sorts: false },
    { name: "a person's queue", f: { ...NONE, person: 1, review: "unreviewed" }, order: "confidence", index: /quotes_person_source/, sorts: true },
    { name: "an article's queue", f: { ...NONE, source: 1, review: "unreviewed" }, order: "confidence", index: /quotes_source_span/, sorts: true },
    { name: "every state by confidence", f: NONE, order: "confidence", index: /SCAN q/, sorts: true },
  ];
  for (const p of PLANS) {
    it(`plan of ${p.name}: ${p.index.source}, ${p.sorts ? "sorts" : "no sort"}`, () => {
      const byStatus = p.order === "confidence" && p.f.person === null && p.f.source === null;
      const params = Object.fromEntries(Object.entries({ person: p.f.person, source: p.f.source, kind: p.f.kind, review: p.f.review })
        .filter(([k, v]) => v !== null && (k !== "review" || ["confirmed", "rejected", "needs-check"].includes(v as string))));
      const detail = plan(db, `SELECT q.id FROM quotes q ${quoteWhere(p.f, byStatus)} ORDER BY ${OLD_ORDER[p.order]} LIMIT 25`, params);
      assert.match(detail, p.index, detail);
      assert.equal(/TEMP B-TREE/.test(detail), p.sorts, detail);
    });
  }

  it("the old WHERE read every statement for the queue (the check above can fail)", () => {
    const detail = plan(db, `SELECT q.id FROM quotes q ${OLD_WHERE} ORDER BY ${OLD_ORDER.confidence} LIMIT 25`, oldParams({ ...NONE, review: "unreviewed" }));
    assert.match(detail, /TEMP B-TREE|SCAN q/, detail);
  });
});

describe("store: filter menus are not read past their size", () => {
  let db: Db;
  before(() => { db = reviewedDb(); });
  after(() => db.close());

  for (const [name, read] of [["people", peopleOptions], ["sources", sourceOptions]] as const) {
    it(`${name}: the whole list up to its size, null past it`, () => {
      const all = read(db)!;
      assert.ok(all.length >= 3, `${all.length} ${name}`);
      assert.deepEqual(read(db, all.length), all, "exactly the size");
      assert.deepEqual(read(db, all.length + 5), all);
      assert.equal(read(db, all.length - 1), null, "one more than the size");
      assert.equal(read(db, 0), null);
    });
  }
});

describe("store: migration 70 upgrades a database from before", () => {
  it("the review_status index goes, the new one comes, the queue stays", () => {
    const old = openDb(":memory:", MIGRATIONS.filter((m) => m.version < 70));
    const names = (): string[] => (old.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'quotes'").all() as { name: string }[]).map((r) => r.name);
    for (const a of COMPARISON_ARTICLES) ingestArticle(old, a, FIXTURE_INGEST);
    const f = { ...NONE, review: "unreviewed" as const };
    const before = oldIds(old, f, "confidence");
    assert.ok(names().includes("quotes_review_status") && !names().includes("quotes_review_confidence"));
    assert.equal(migrate(old, MIGRATIONS), MIGRATIONS.filter((m) => m.version >= 70).length);
    assert.ok(!names().includes("quotes_review_status") && names().includes("quotes_review_confidence"));
    assert.deepEqual(searchQuotes(old, f, 1000, 0, "confidence").map((q) => q.id), before);
    old.close();
  });
});
