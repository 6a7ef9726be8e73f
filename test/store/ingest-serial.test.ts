// A bulk ingest (batches, one regroup per batch, extraction on worker threads) stores exactly what a
// serial ingest stores: ingestArticle one article at a time, each regrouping the people it touches.
// Every table is compared row for row, and the statement groups by their members; the groups of
// both also equal a full regroup of what they stored.
import assert from "node:assert/strict";
import { openDb, type Db } from "../../src/store/db";
import { ingestArticle, type Extractor } from "../../src/services/ingest";
import { ingestItems, ingestItemsSync } from "../../src/services/ingest-batch";
import { batchUnderWay, groupsAreCurrent, regroupAll } from "../../src/services/compare";
import { groupSignatures } from "../../src/store/groups";
import type { Extraction } from "../../src/nlp/types";
import type { ArticleItem } from "../../src/services/readers";
import { entity, FIXED_NOW, FIXTURE_EXTRACTOR, ARTICLE_A, ARTICLE_B, ARTICLE_XSS, quote } from "../fixtures/corpus";
import { COMPARISON_ARTICLES } from "../fixtures/comparison";
import { dump, fullRegroupSignatures, harbourCorpus } from "./ingest-corpus";

const items = (articles: object[]): ArticleItem[] => articles.map((a, i) => ({ origin: `item ${i + 1}`, record: { ...a } }));

/** The reference: one article at a time, each regrouped as it is stored (ingestArticle's default). */
function serial(articles: object[], extractor?: Extractor): Db {
  const db = openDb(":memory:");
  for (const a of articles) {
    try {
      ingestArticle(db, a, { extractor, now: FIXED_NOW });
    } catch {
      // invalid records: counted as failed by the bulk path
    }
  }
  return db;
}

// A one-word speaker ("Lind") whose words an organisation ("Harbour Lind") repeats elsewhere: the
// two names can be one speaker, so the group is "identical". A third article only mentions "Ana
// Lind" (no quote): she takes over the one-word person's quotes, and the group becomes a conflicting
// attribution (Ana Lind against Harbour Lind) though that article quotes nobody.
const LIND = [
  { title: "Fares", outlet: "Harbour Gazette", text: "\"The ferry fares will rise in May after the storm,\" Lind said." },
  { title: "Fares again", outlet: "Daily Ledger", text: "\"The ferry fares will rise in May after the storm,\" Harbour Lind said." },
  { title: "Terminal", outlet: "Coast Radio", text: "Ana Lind opened the new ferry terminal on Sunday." },
];
function lindExtraction(text: string): Extraction {
  const [a, b, c] = LIND.map((x) => x.text);
  const words = "The ferry fares will rise in May after the storm,";
  if (text === a) return { quotes: [quote(a, { text: words, kind: "direct", speaker: "Lind", canonical: "Lind", cue: "said" })], claims: [], entities: [entity("Lind")] };
  if (text === b) {
    return {
      quotes: [quote(b, { text: words, kind: "direct", speaker: "Harbour Lind", canonical: "Harbour Lind", speakerKind: "organisation", cue: "said" })],
      claims: [], entities: [entity("Harbour Lind", [], [], "organisation")],
    };
  }
  if (text === c) return { quotes: [], claims: [], entities: [entity("Ana Lind")] };
  return { quotes: [], claims: [], entities: [] };
}
const LIND_EXTRACTOR: Extractor = { version: "lind-1", extract: lindExtraction };

const HARBOUR = harbourCorpus(30);
const FIXTURES = [ARTICLE_A, ARTICLE_B, ARTICLE_XSS, ...COMPARISON_ARTICLES];

describe("services: a bulk ingest equals a serial ingest", function () {
  this.timeout(120_000); // a shared, loaded machine: the real extractor on 30 articles, twice, per row
  const open: Db[] = [];
  afterEach(() => open.splice(0).forEach((d) => d.close()));
  const keep = (db: Db) => (open.push(db), db);

  const cases: { name: string; articles: object[]; extractor?: Extractor; batchSize: number; workers?: number; regionBudget?: number }[] = [
    { name: "real extractor, batches of 7", articles: HARBOUR, batchSize: 7 },
    // no budget for per-batch regroups: the run defers to one full regroup at its end
    { name: "real extractor, batches of 7, regrouped once at the end (budget 0)", articles: HARBOUR, batchSize: 7, regionBudget: 0 },
    { name: "real extractor, batches of 7, budget spent part-way (0.5)", articles: HARBOUR, batchSize: 7, regionBudget: 0.5 },
    { name: "real extractor, one batch", articles: HARBOUR, batchSize: 1000 },
    { name: "real extractor, batches of 1", articles: HARBOUR.slice(0, 9), batchSize: 1 },
    { name: "real extractor on 2 worker threads, batches of 6", articles: HARBOUR, batchSize: 6, workers: 2 },
    { name: "fixture articles, batches of 3", articles: FIXTURES, extractor: FIXTURE_EXTRACTOR, batchSize: 3 },
    { name: "a full name taking over a one-word speaker in an article that quotes nobody, one batch each", articles: LIND, extractor: LIND_EXTRACTOR, batchSize: 1 },
    { name: "the same, in one batch", articles: LIND, extractor: LIND_EXTRACTOR, batchSize: 3 },
    {
      name: "repeated texts and invalid records inside batches", batchSize: 4,
      articles: [HARBOUR[0]!, { text: "  " }, HARBOUR[1]!, HARBOUR[0]!, { ...HARBOUR[2]!, text: HARBOUR[2]!.text.replace(/\n/g, "\r\n") }, HARBOUR[2]!, { title: "no text" }, ...HARBOUR.slice(3, 12)],
    },
  ];
  for (const c of cases) {
    it(`same rows and groups: ${c.name}`, async () => {
      const ref = keep(serial(c.articles, c.extractor));
      const db = keep(openDb(":memory:"));
      const s = c.workers
        ? await ingestItems(db, items(c.articles), { workers: c.workers, now: FIXED_NOW, batchSize: c.batchSize })
        : ingestItemsSync(db, items(c.articles), { extractor: c.extractor, now: FIXED_NOW, batchSize: c.batchSize, regionBudget: c.regionBudget });
      assert.deepEqual(dump(db), dump(ref));
      assert.equal(s.created + s.existing + s.failed.length, c.articles.length);
      assert.ok(groupsAreCurrent(db), "the groups are current without a regroup at the end");
      // and both are what a full regroup gives
      assert.deepEqual(groupSignatures(db), fullRegroupSignatures(db));
      assert.deepEqual(groupSignatures(ref), fullRegroupSignatures(ref));
    });
  }

  // decision 028: told how many articles are coming, a run whose regions will pass their budget defers
  // before it passes it; what it stores is the same
  const staleAfterEach = (articles: object[], batchSize: number, expected?: number, extractor?: Extractor) => {
    const db = keep(openDb(":memory:"));
    const stale: boolean[] = [];
    ingestItemsSync(db, items(articles), { extractor, now: FIXED_NOW, batchSize, expected, onProgress: () => stale.push(batchUnderWay(db)) });
    return { db, stale };
  };
  it("a run told its size defers the regroups its budget would not cover, earlier, and stores the same", () => {
    const ref = keep(serial(HARBOUR));
    const told = staleAfterEach(HARBOUR, 3, HARBOUR.length);
    const untold = staleAfterEach(HARBOUR, 3);
    const first = (stale: boolean[]) => (stale.includes(true) ? stale.indexOf(true) : stale.length);
    assert.ok(first(told.stale) < first(untold.stale), `deferred after batch ${first(told.stale)}, not ${first(untold.stale)}`);
    assert.ok(told.stale.slice(first(told.stale)).every((s) => s), "once deferred, deferred to the end");
    for (const { db } of [told, untold]) {
      assert.deepEqual(dump(db), dump(ref));
      assert.ok(groupsAreCurrent(db));
      assert.deepEqual(groupSignatures(db), fullRegroupSignatures(db));
    }
  });
  it("a run told its size whose regions stay within the budget regroups every batch (no stale commit)", () => {
    const told = staleAfterEach(FIXTURES, 3, FIXTURES.length, FIXTURE_EXTRACTOR);
    assert.ok(told.stale.length > 2);
    assert.deepEqual(told.stale, told.stale.map(() => false));
    assert.deepEqual(dump(told.db), dump(keep(serial(FIXTURES, FIXTURE_EXTRACTOR))));
  });

  // decision 046: a run told it brings at least freshDeferMin articles into a database with no attributed
  // statement is grouped once at its end (every commit before marks the groups stale); what it stores is
  // the serial ingest's, and its groups are numbered as a full regroup of the same corpus numbers them
  const groupRows = (db: Db) => ({
    groups: db.prepare("SELECT id, label, reference_quote_id, member_count FROM statement_groups ORDER BY id").all(),
    members: db.prepare("SELECT quote_id, group_id, relation FROM statement_group_members ORDER BY quote_id").all(),
  });
  const fresh: { name: string; seed: boolean; freshDeferMin: number; regroup?: boolean; deferred: boolean }[] = [
    { name: "an empty database, told exactly the threshold", seed: false, freshDeferMin: FIXTURES.length, deferred: true },
    { name: "an empty database, told fewer than the threshold", seed: false, freshDeferMin: FIXTURES.length + 1, deferred: false },
    { name: "a database that holds a statement already", seed: true, freshDeferMin: 1, deferred: false },
    { name: "an empty database, but told to regroup per batch", seed: false, freshDeferMin: 1, regroup: true, deferred: false },
  ];
  for (const c of fresh) {
    it(`${c.name}: ${c.deferred ? "grouped once at the end" : "groups current after every batch"}, and the serial ingest's rows`, () => {
      const db = keep(openDb(":memory:"));
      if (c.seed) ingestArticle(db, LIND[0]!, { extractor: LIND_EXTRACTOR, now: FIXED_NOW });
      const stale: boolean[] = [];
      const extractor: Extractor = { version: FIXTURE_EXTRACTOR.version, extract: (t) => (t === LIND[0]!.text ? lindExtraction(t) : FIXTURE_EXTRACTOR.extract(t)) };
      ingestItemsSync(db, items(FIXTURES), {
        extractor, now: FIXED_NOW, batchSize: 3, expected: FIXTURES.length, freshDeferMin: c.freshDeferMin, regroup: c.regroup,
        onProgress: () => stale.push(batchUnderWay(db)),
      });
      assert.ok(stale.length > 2);
      assert.deepEqual(stale, stale.map(() => c.deferred), "stale after each batch");
      assert.ok(groupsAreCurrent(db), "current at the end");
      assert.deepEqual(groupSignatures(db), fullRegroupSignatures(db));
      const ref = keep(openDb(":memory:"));
      if (c.seed) ingestArticle(ref, LIND[0]!, { extractor: LIND_EXTRACTOR, now: FIXED_NOW });
      for (const a of FIXTURES) ingestArticle(ref, a, { extractor, now: FIXED_NOW });
      assert.deepEqual(dump(db), dump(ref));
      if (c.deferred) {
        // the same corpus stored without groups, then grouped from scratch: the same group ids
        const scratch = keep(openDb(":memory:"));
        ingestItemsSync(scratch, items(FIXTURES), { extractor, now: FIXED_NOW, batchSize: 3, regroup: false });
        regroupAll(scratch);
        assert.deepEqual(groupRows(db), groupRows(scratch));
        assert.ok(groupRows(db).members.length > 0);
      }
    });
  }

  it("the case of the full name changes a group's label (so the row above can fail)", () => {
    const db = keep(openDb(":memory:"));
    ingestItemsSync(db, items(LIND.slice(0, 2)), { extractor: LIND_EXTRACTOR, now: FIXED_NOW });
    assert.deepEqual(groupSignatures(db).map((g) => g.split(":")[0]), ["identical"]);
    ingestItemsSync(db, items(LIND), { extractor: LIND_EXTRACTOR, now: FIXED_NOW });
    assert.deepEqual(groupSignatures(db).map((g) => g.split(":")[0]), ["conflicting attribution"]);
  });

  // negative rows: the comparison tells different ingests apart
  const differ: { name: string; bulk: object[]; ref: object[] }[] = [
    { name: "one article left out", bulk: HARBOUR.slice(0, 11), ref: HARBOUR.slice(0, 12) },
    { name: "two articles swapped", bulk: [HARBOUR[1]!, HARBOUR[0]!, ...HARBOUR.slice(2, 12)], ref: HARBOUR.slice(0, 12) },
  ];
  for (const d of differ) {
    it(`tells them apart: ${d.name}`, () => {
      const ref = keep(serial(d.ref));
      const db = keep(openDb(":memory:"));
      ingestItemsSync(db, items(d.bulk), { now: FIXED_NOW, batchSize: 5 });
      assert.notDeepEqual(dump(db), dump(ref));
    });
  }
});
