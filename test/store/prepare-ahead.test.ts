// Decision 033: once a bulk run has deferred its regroups to one full regroup at its end, its batches'
// new statements are prepared (prepareText) while the storing thread waits for the workers; the final
// regroup uses a kept answer only for the same quote id and text. Batch sequences, each with all, some
// or none of the statements prepared ahead: the run stores what a serial ingest stores and groups what
// a from-scratch regroup groups; a run that never defers prepares nothing (negative rows); and kept
// answers whose text is not the statement's are not used.
import assert from "node:assert/strict";
import { openDb, type Db } from "../../src/store/db";
import { ingestArticle } from "../../src/services/ingest";
import { BatchIngest, ingestItems } from "../../src/services/ingest-batch";
import { PreparedTexts, batchUnderWay, groupsAreCurrent, regroupAll } from "../../src/services/compare";
import { prepareText } from "../../src/compare";
import { groupSignatures } from "../../src/store/groups";
import type { ArticleItem } from "../../src/services/readers";
import { FIXED_NOW } from "../fixtures/corpus";
import { dump, fullRegroupSignatures, harbourCorpus } from "./ingest-corpus";

const items = (articles: object[]): ArticleItem[] => articles.map((a, i) => ({ origin: `item ${i + 1}`, record: { ...a } }));
const HARBOUR = harbourCorpus(30);

function serial(articles: object[]): Db {
  const db = openDb(":memory:");
  for (const a of articles) ingestArticle(db, a, { now: FIXED_NOW });
  return db;
}

/** Counts the statements prepared ahead while `fn` runs. */
function countingAdds<T>(fn: () => T): { out: T; added: number } {
  const proto = PreparedTexts.prototype;
  const add = proto.add;
  let added = 0;
  proto.add = function (this: PreparedTexts, id: number, text: string) {
    added++;
    return add.call(this, id, text);
  };
  try {
    return { out: fn(), added };
  } finally {
    proto.add = add;
  }
}

describe("services: a deferred bulk run prepares its statements ahead for the final regroup", function () {
  this.timeout(120_000); // the real extractor on 30 articles, twice per row, on a shared machine
  const open: Db[] = [];
  afterEach(() => open.splice(0).forEach((d) => d.close()));
  const keep = (db: Db) => (open.push(db), db);
  let ref: Db;
  before(() => (ref = serial(HARBOUR)));
  after(() => ref.close());

  /** A bulk run driven batch by batch, preparing `step` statements ahead after each batch (as the pool path does while it waits). */
  function driven(batchSize: number, step: number, options: { regionBudget?: number; expected?: number; aheadMax?: number } = {}) {
    const db = keep(openDb(":memory:"));
    const stale: boolean[] = [];
    const { added } = countingAdds(() => {
      const run = new BatchIngest(db, { now: FIXED_NOW, batchSize, ...options, onProgress: () => stale.push(batchUnderWay(db)) });
      const list = items(HARBOUR);
      for (let i = 0; i < list.length; i += batchSize) {
        const prepared = run.prepare(list.slice(i, i + batchSize));
        run.store(prepared, run.extractHere(prepared));
        if (step > 0) run.prepareAhead(step);
      }
      return run.finish();
    });
    return { db, stale, added };
  }

  const cases: { name: string; batchSize: number; step: number; regionBudget?: number; expected?: number; aheadMax?: number; ahead: boolean; deferred?: false }[] = [
    { name: "deferred from the first batch (budget 0), batches of 4, all prepared", batchSize: 4, step: 1000, regionBudget: 0, ahead: true },
    { name: "deferred from the first batch, batches of 4, two per batch (the rest by the final regroup)", batchSize: 4, step: 2, regionBudget: 0, ahead: true },
    { name: "deferred part-way (budget 0.5), batches of 3, all prepared", batchSize: 3, step: 1000, regionBudget: 0.5, ahead: true },
    { name: "deferred ahead of the budget, told its size (decision 028), batches of 3, one per batch", batchSize: 3, step: 1, expected: HARBOUR.length, ahead: true },
    { name: "deferred from the first batch, batches of 1, all prepared", batchSize: 1, step: 1000, regionBudget: 0, ahead: true },
    // decision 044: no more queued than may be kept, the rest left to the final regroup
    { name: "deferred from the first batch, batches of 4, at most 3 kept ahead", batchSize: 4, step: 1000, regionBudget: 0, aheadMax: 3, ahead: true },
    { name: "deferred from the first batch, batches of 1, at most 1 kept ahead", batchSize: 1, step: 1, regionBudget: 0, aheadMax: 1, ahead: true },
    // negative rows: nothing prepared (a busy machine: no wait to fill), and a run that never defers
    { name: "deferred from the first batch, batches of 4, none prepared", batchSize: 4, step: 0, regionBudget: 0, ahead: false },
    { name: "deferred from the first batch, batches of 4, none may be kept ahead", batchSize: 4, step: 1000, regionBudget: 0, aheadMax: 0, ahead: false },
    { name: "never deferred (one batch)", batchSize: 1000, step: 1000, ahead: false, deferred: false },
  ];
  for (const c of cases) {
    it(`${c.name}: the same rows, fingerprints and groups as a serial ingest and a from-scratch regroup`, () => {
      const { db, stale, added } = driven(c.batchSize, c.step, { regionBudget: c.regionBudget, expected: c.expected, aheadMax: c.aheadMax });
      assert.equal(stale.includes(true), c.deferred ?? true, "deferred as the case says");
      if (c.ahead) assert.ok(added > 0, "statements were prepared ahead");
      else assert.equal(added, 0);
      // nothing queued that could not be kept: every statement handed to the kept set fits in it
      if (c.aheadMax !== undefined) assert.ok(added <= c.aheadMax, `${added} handed over, ${c.aheadMax} may be kept`);
      assert.deepEqual(dump(db), dump(ref));
      assert.ok(groupsAreCurrent(db));
      assert.deepEqual(groupSignatures(db), fullRegroupSignatures(db));
    });
  }

  it("the pooled path (2 workers, prepared while it waits, as much as the timing allows) stores the same", async () => {
    const db = keep(openDb(":memory:"));
    await ingestItems(db, items(HARBOUR), { workers: 2, now: FIXED_NOW, batchSize: 4, regionBudget: 0 });
    assert.deepEqual(dump(db), dump(ref));
    assert.ok(groupsAreCurrent(db));
    assert.deepEqual(groupSignatures(db), fullRegroupSignatures(db));
  });

  it("a kept answer is used only for its statement's text: wrong texts kept change no group", () => {
    const db = keep(serial(HARBOUR));
    const scratch = fullRegroupSignatures(db);
    const statements = db.prepare("SELECT id, text FROM quotes WHERE person_id IS NOT NULL").all() as { id: number; text: string }[];
    assert.ok(statements.length > 20);
    const rows: { name: string; kept: (s: { id: number; text: string }, i: number) => string | null }[] = [
      { name: "every statement kept with its own text", kept: (s) => s.text },
      { name: "every statement kept with another statement's text", kept: (_s, i) => statements[(i + 1) % statements.length]!.text },
      { name: "every other statement kept with an edited text", kept: (s, i) => (i % 2 ? `${s.text} (edited)` : s.text) },
      { name: "nothing kept", kept: () => null },
    ];
    for (const r of rows) {
      const prepared = new PreparedTexts();
      statements.forEach((s, i) => {
        const t = r.kept(s, i);
        if (t !== null) prepared.add(s.id, t);
      });
      let sig: string[] = [];
      const rollback = new Error("rollback");
      try {
        db.transaction(() => {
          regroupAll(db, { prepared });
          sig = groupSignatures(db);
          throw rollback;
        })();
      } catch (e) {
        if (e !== rollback) throw e;
      }
      assert.deepEqual(sig, scratch, r.name);
    }
  });

  it("lookup: the kept answer for the same id and text, prepareText's otherwise", () => {
    const prepared = new PreparedTexts(2);
    const input = (id: number, text: string) => ({ id, text, source_id: 1, person_id: 1, person_key: "a", person_name: "A", via_key: null, kind: "direct" as const });
    prepared.add(7, "We will not raise the ferry fares this year.");
    const kept = prepared.lookup(input(7, "We will not raise the ferry fares this year."));
    assert.equal(prepared.lookup(input(7, "We will not raise the ferry fares this year.")), kept, "the same object: kept, not prepared again");
    assert.deepEqual(kept, prepareText("We will not raise the ferry fares this year."));
    // bounded: a third statement is not kept, a kept one may be prepared again
    prepared.add(9, "The council has no money left.");
    prepared.add(10, "The bridge will wait.");
    assert.equal(prepared.size, 2);
    assert.notEqual(prepared.lookup(input(10, "The bridge will wait.")), prepared.lookup(input(10, "The bridge will wait.")), "not kept");
    prepared.add(7, "We will not raise the ferry fares next year.");
    assert.deepEqual(prepared.lookup(input(7, "We will not raise the ferry fares next year.")), prepareText("We will not raise the ferry fares next year."));
    assert.equal(prepared.size, 2);
    prepared.add(7, "We will not raise the ferry fares this year.");
    for (const [id, text] of [[7, "We will raise the ferry fares this year."], [8, "We will not raise the ferry fares this year."]] as const) {
      const got = prepared.lookup(input(id, text));
      assert.notEqual(got, kept);
      assert.deepEqual(got, prepareText(text));
    }
  });
  // (kept text, asked id and text, whether the kept answer is given): given once, then let go
  const TAKES: { name: string; id: number; text: string; kept: boolean }[] = [
    { name: "the same id and text", id: 7, text: "We will not raise the ferry fares this year.", kept: true },
    { name: "the same id, another text", id: 7, text: "We will raise the ferry fares this year.", kept: false },
    { name: "another id, the same text", id: 8, text: "We will not raise the ferry fares this year.", kept: false },
  ];
  for (const t of TAKES) {
    it(`take (${t.name}): prepareText's answer, the kept one let go once given`, () => {
      const prepared = new PreparedTexts(4);
      const input = (id: number, text: string) => ({ id, text, source_id: 1, person_id: 1, person_key: "a", person_name: "A", via_key: null, kind: "direct" as const });
      prepared.add(7, "We will not raise the ferry fares this year.");
      const kept = prepared.lookup(input(7, "We will not raise the ferry fares this year."));
      const got = prepared.take(input(t.id, t.text));
      assert.deepEqual(got, prepareText(t.text));
      assert.equal(got === kept, t.kept);
      // a different id leaves the kept answer where it was; the same id lets it go, whatever the text
      assert.equal(prepared.size, t.id === 7 ? 0 : 1);
      const again = prepared.take(input(t.id, t.text));
      assert.deepEqual(again, prepareText(t.text));
      assert.notEqual(again, kept, "prepared again, not kept");
    });
  }
});
