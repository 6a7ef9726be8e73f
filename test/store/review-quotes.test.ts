import assert from "node:assert/strict";
import type { Db } from "../../src/store/db";
import { AppError } from "../../src/errors";
import {
  correctQuote, resolveConflict, reviewClaim, reviewQuote, StaleError, undoQuote, type Actor,
} from "../../src/services/review-quotes";
import { reextractStale, type Extractor } from "../../src/services/ingest";
import { eventsOf, reviewOfQuote } from "../../src/store/reviews";
import { countQuotes, getQuote, quotesOfSource } from "../../src/store/quotes";
import { quoteCountOfPerson } from "../../src/store/people";
import type { Extraction } from "../../src/nlp/types";
import { ARTICLE_A, FIXED_NOW, FIXTURE_EXTRACTOR, fixtureDb, quote } from "../fixtures/corpus";

const ann: Actor = { reviewer: "Ann Editor", now: FIXED_NOW };
const bob: Actor = { reviewer: "Bob Desk", now: FIXED_NOW };

function fails(fn: () => unknown, status: number, field?: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof AppError, String(e));
    assert.equal(e.status, status, e.message);
    if (field) assert.ok(field in e.fields || e.message.startsWith(`${field}:`), `${e.message} names ${field}`);
    return true;
  });
}

const personId = (db: Db, name: string): number =>
  (db.prepare("SELECT id FROM people WHERE name = ?").get(name) as { id: number }).id;
const count = (db: Db, table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
/** the quote of article A (source 1) whose text starts with `prefix` */
const quoteOf = (db: Db, prefix: string) => quotesOfSource(db, 1).find((q) => q.text.startsWith(prefix))!;

describe("review: verdicts on statements", () => {
  let db: Db;
  beforeEach(() => { db = fixtureDb(); });
  afterEach(() => db.close());

  it("confirm: the statement is confirmed, the trail has one event naming the reviewer, before and after", () => {
    const out = reviewQuote(db, 2, { action: "confirm", note: "checked the video" }, ann);
    assert.deepEqual([out.status, out.revision, out.corrected], ["confirmed", 1, false]);
    const q = getQuote(db, 2)!;
    assert.deepEqual([q.review_status, q.reviewer, q.review_note, q.revision], ["confirmed", "Ann Editor", "checked the video", 1]);
    const events = eventsOf(db, out.review_id);
    assert.equal(events.length, 1);
    assert.deepEqual([events[0]!.action, events[0]!.reviewer, events[0]!.created_at], ["confirm", "Ann Editor", "2024-05-01T12:00:00.000Z"]);
    assert.equal(JSON.parse(events[0]!.before).verdict, "unreviewed");
    assert.equal(JSON.parse(events[0]!.after).verdict, "confirmed");
  });

  const verdicts: { body: Record<string, unknown>; status?: string; fails?: [number, string] }[] = [
    { body: { action: "needs-check" }, status: "needs-check" },
    { body: { action: "reject", reason: "scare quote or title" }, status: "rejected" },
    { body: { action: "reject", reason: "duplicate", note: "same as #1" }, status: "rejected" },
    { body: { action: "note", note: "call the mayor's office" }, status: "unreviewed" },
    { body: { action: "reject" }, fails: [400, "reason"] },
    { body: { action: "reject", reason: "I don't like it" }, fails: [400, "reason"] },
    { body: { action: "confirm", reason: "duplicate" }, fails: [400, "reason"] },
    { body: { action: "approve" }, fails: [400, "action"] },
    { body: {}, fails: [400, "action"] },
    { body: { action: "note" }, fails: [400, "note"] },
    { body: { action: "confirm", note: "x".repeat(2001) }, fails: [400, "note"] },
    { body: { action: "confirm", revision: "abc" }, fails: [400, "revision"] },
  ];
  for (const c of verdicts) {
    it(`${JSON.stringify(c.body).slice(0, 70)} → ${c.status ?? c.fails!.join(" ")}`, () => {
      if (c.fails) {
        fails(() => reviewQuote(db, 2, c.body, ann), c.fails[0], c.fails[1]);
        assert.equal(count(db, "reviews"), 0, "nothing half-stored");
        assert.equal(count(db, "review_events"), 0);
      } else {
        assert.equal(reviewQuote(db, 2, c.body, ann).status, c.status);
        assert.equal(getQuote(db, 2)!.review_status, c.status);
      }
    });
  }

  it("an unknown statement is a 404", () => fails(() => reviewQuote(db, 999, { action: "confirm" }, ann), 404));

  it("a rejected statement leaves its person's counts and groups, and comes back on undo", () => {
    const okafor = personId(db, "Mary-Ann Okafor");
    const before = quoteCountOfPerson(db, okafor);
    const grouped = () => (db.prepare("SELECT count(*) AS n FROM statement_group_members WHERE quote_id = 2").get() as { n: number }).n;
    assert.equal(grouped(), 1);
    reviewQuote(db, 2, { action: "reject", reason: "not a statement" }, ann);
    assert.equal(quoteCountOfPerson(db, okafor), before - 1);
    assert.equal(grouped(), 0);
    assert.equal(countQuotes(db, { person: null, source: null, kind: null, q: null, speakerNone: false, review: "rejected" }), 1);
    undoQuote(db, 2, {}, ann);
    assert.equal(quoteCountOfPerson(db, okafor), before);
    assert.equal(grouped(), 1);
  });

  it("a stale form (an older revision) is a 409 naming what changed since, and changes nothing", () => {
    reviewQuote(db, 2, { action: "confirm", revision: "0" }, ann);
    let err: unknown;
    try { reviewQuote(db, 2, { action: "reject", reason: "duplicate", revision: "0" }, bob); } catch (e) { err = e; }
    assert.ok(err instanceof StaleError);
    assert.equal(err.status, 409);
    assert.deepEqual(err.changes.map((c) => [c.action, c.reviewer]), [["confirm", "Ann Editor"]]);
    assert.match(err.message, /confirm by Ann Editor/);
    assert.equal(getQuote(db, 2)!.review_status, "confirmed");
    assert.equal(reviewQuote(db, 2, { action: "reject", reason: "duplicate", revision: "1" }, bob).revision, 2);
  });
});

describe("review: corrections", () => {
  let db: Db;
  beforeEach(() => { db = fixtureDb(); });
  afterEach(() => db.close());

  it("speaker: an existing person by id moves the statement to them (person counts follow)", () => {
    const reyes = personId(db, "Tom Reyes");
    const n = quoteCountOfPerson(db, reyes);
    const out = correctQuote(db, 2, { speaker_id: String(reyes) }, ann);
    assert.equal(out.corrected, true);
    const q = getQuote(db, 2)!;
    assert.deepEqual([q.person_id, q.speaker_canonical, q.speaker_mention, q.corrected], [reyes, "Tom Reyes", null, 1]);
    assert.equal(quoteCountOfPerson(db, reyes), n + 1);
    const ev = eventsOf(db, out.review_id)[0]!;
    assert.equal(ev.action, "correct speaker");
    assert.equal(JSON.parse(ev.after).corrections.speaker.name, "Tom Reyes");
  });

  it("speaker: a new name creates the person and links them to the article; a known name (any spelling) links", () => {
    correctQuote(db, 1, { speaker_name: "  Priya   Raman " }, ann);
    const q = getQuote(db, 1)!;
    assert.equal(q.person_name, "Priya Raman");
    assert.ok(db.prepare("SELECT 1 FROM source_people WHERE source_id = 1 AND person_id = ?").get(q.person_id));
    correctQuote(db, 2, { speaker_name: "tom-reyes" }, ann);
    assert.equal(getQuote(db, 2)!.person_id, personId(db, "Tom Reyes"));
  });

  it("speaker: the machine's own speaker again takes the correction away", () => {
    correctQuote(db, 2, { speaker_name: "Tom Reyes" }, ann);
    const out = correctQuote(db, 2, { speaker_name: "Mary-Ann Okafor" }, ann);
    assert.equal(out.corrected, false);
    assert.equal(getQuote(db, 2)!.speaker_mention, "Okafor", "the mention is back too");
  });

  it("span: new offsets inside the article set the text (white space trimmed)", () => {
    const t = ARTICLE_A.text;
    const start = t.indexOf("We have the money");
    correctQuote(db, 2, { start: String(start - 1), end: String(start + "We have the money".length) }, ann);
    assert.equal(getQuote(db, 2)!.text, "\"We have the money");
    correctQuote(db, 2, { start: String(start), end: String(start + "We have the money,".length) }, ann);
    assert.equal(getQuote(db, 2)!.text, "We have the money,");
  });

  const bad: { name: string; body: Record<string, unknown>; status: number; field: string }[] = [
    { name: "end past the article", body: { start: "0", end: String(ARTICLE_A.text.length + 1) }, status: 400, field: "end" },
    { name: "start past the article", body: { start: String(ARTICLE_A.text.length), end: String(ARTICLE_A.text.length + 2) }, status: 400, field: "start" },
    { name: "empty span", body: { start: "10", end: "10" }, status: 400, field: "end" },
    { name: "end before start", body: { start: "10", end: "5" }, status: 400, field: "end" },
    { name: "only white space", body: { start: String(ARTICLE_A.text.indexOf("\n")), end: String(ARTICLE_A.text.indexOf("\n") + 1) }, status: 400, field: "start" },
    { name: "start alone", body: { start: "3" }, status: 400, field: "end" },
    { name: "negative offset", body: { start: "-1", end: "4" }, status: 400, field: "start" },
    { name: "unknown person id", body: { speaker_id: "999" }, status: 404, field: "speaker_id" },
    { name: "a name of punctuation", body: { speaker_name: "---" }, status: 400, field: "speaker_name" },
    { name: "an over-long name", body: { speaker_name: "x".repeat(201) }, status: 400, field: "speaker_name" },
    { name: "bad kind", body: { kind: "rumour" }, status: 400, field: "kind" },
    { name: "nothing to correct", body: { note: "hm" }, status: 400, field: "speaker_name" },
  ];
  for (const c of bad) {
    it(`refuses ${c.name} (${c.status} naming ${c.field}), nothing stored`, () => {
      const before = getQuote(db, 2)!;
      fails(() => correctQuote(db, 2, c.body, ann), c.status, c.field);
      assert.deepEqual(getQuote(db, 2), before);
      assert.equal(count(db, "review_events"), 0);
    });
  }

  it("kind, cue and via", () => {
    const out = correctQuote(db, 1, { kind: "indirect", cue: "claimed", via: "Radio North" }, ann);
    const q = getQuote(db, 1)!;
    assert.deepEqual([q.kind, q.cue, q.cue_start, q.via], ["indirect", "claimed", null, "Radio North"]);
    assert.equal(eventsOf(db, out.review_id)[0]!.action, "correct kind, cue, via");
    correctQuote(db, 1, { via: "" }, ann);
    assert.equal(getQuote(db, 1)!.via, null);
  });

  it("undo restores the state before the last reviewer event, one at a time, as new events", () => {
    reviewQuote(db, 2, { action: "confirm" }, ann);
    correctQuote(db, 2, { speaker_name: "Tom Reyes" }, bob);
    assert.equal(getQuote(db, 2)!.speaker_canonical, "Tom Reyes");
    undoQuote(db, 2, {}, ann);
    let q = getQuote(db, 2)!;
    assert.deepEqual([q.speaker_canonical, q.review_status, q.corrected], ["Mary-Ann Okafor", "confirmed", 0]);
    undoQuote(db, 2, {}, ann);
    q = getQuote(db, 2)!;
    assert.equal(q.review_status, "unreviewed");
    fails(() => undoQuote(db, 2, {}, ann), 400, "action");
    const trail = eventsOf(db, reviewOfQuote(db, 2)!.id);
    assert.deepEqual(trail.map((e) => e.action), ["confirm", "correct speaker", "undo", "undo"]);
    assert.deepEqual(trail.map((e) => e.undoes), [null, null, trail[1]!.id, trail[0]!.id]);
  });

  it("the trail is append-only: the database refuses updates and deletes", () => {
    reviewQuote(db, 2, { action: "confirm" }, ann);
    assert.throws(() => db.prepare("UPDATE review_events SET reviewer = 'x'").run(), /append-only/);
    assert.throws(() => db.prepare("DELETE FROM review_events").run(), /append-only/);
  });
});

describe("review: claims", () => {
  let db: Db;
  beforeEach(() => { db = fixtureDb(); });
  afterEach(() => db.close());

  it("confirm, dismiss with a note, undo; unknown claim 404; bad action 400", () => {
    assert.equal(reviewClaim(db, 1, { action: "confirm" }, ann).status, "confirmed");
    assert.equal(reviewClaim(db, 1, { action: "dismiss", note: "the report names its source" }, ann).status, "dismissed");
    const row = () => db.prepare("SELECT review_status FROM claims WHERE id = 1").get() as { review_status: string };
    assert.equal(row().review_status, "dismissed");
    assert.equal(reviewClaim(db, 1, { action: "undo" }, ann).status, "confirmed");
    fails(() => reviewClaim(db, 99, { action: "confirm" }, ann), 404);
    fails(() => reviewClaim(db, 1, { action: "reject" }, ann), 400, "action");
    fails(() => reviewClaim(db, 1, { action: "confirm", revision: "0" }, ann), 409);
  });
});

/** The fixture extractor, with article A's records changed by `edit`, under another version. */
function editedExtractor(version: string, edit: (e: Extraction, text: string) => Extraction): Extractor {
  return { version, extract: (t) => (t === ARTICLE_A.text ? edit(FIXTURE_EXTRACTOR.extract(t), t) : FIXTURE_EXTRACTOR.extract(t)) };
}

describe("review: verdicts survive re-extraction", () => {
  let db: Db;
  beforeEach(() => { db = fixtureDb(); });
  afterEach(() => db.close());
  const MONEY = "We have the money, and we have the plan,";

  it("same extraction: every verdict and correction is carried to the new rows", () => {
    reviewQuote(db, 2, { action: "confirm" }, ann);
    correctQuote(db, 1, { kind: "indirect" }, ann);
    correctQuote(db, 3, { speaker_name: "Priya Raman" }, ann);
    reviewQuote(db, 4, { action: "reject", reason: "duplicate" }, ann);
    reviewClaim(db, 1, { action: "dismiss" }, ann);
    assert.deepEqual(reextractStale(db, editedExtractor("fixture-2", (e) => e)), { updated: 2, failed: [] });
    assert.equal(quoteOf(db, MONEY).review_status, "confirmed");
    assert.notEqual(quoteOf(db, MONEY).id, 2, "a new row");
    assert.equal(quoteOf(db, "the bridge").kind, "indirect");
    assert.equal(quotesOfSource(db, 2).find((q) => q.text.startsWith("the money"))!.review_status, "rejected");
    assert.equal(quotesOfSource(db, 2).find((q) => q.text.startsWith("The bridge"))!.person_name, "Priya Raman", "a corrected speaker the extractor still disagrees with, as before: no new conflict");
    assert.equal((db.prepare("SELECT review_status FROM claims WHERE source_id = 1 AND reason = 'passive without agent'").get() as { review_status: string }).review_status, "dismissed");
    assert.equal(count(db, "reviews WHERE conflict IS NOT NULL"), 0);
    const trail = eventsOf(db, quoteOf(db, MONEY).review_id!);
    assert.deepEqual(trail.map((e) => [e.action, e.reviewer]), [["confirm", "Ann Editor"], ["carry", "whosaid"]]);
    assert.match(trail[1]!.note, /fixture-1 → fixture-2/);
  });

  it("moved span: carried by overlap, no conflict; a reviewer's own span is kept", () => {
    reviewQuote(db, 2, { action: "confirm" }, ann);
    const t = ARTICLE_A.text;
    const s = t.indexOf("the bridge");
    correctQuote(db, 1, { start: String(s), end: String(s + "the bridge".length) }, ann);
    const shorter = editedExtractor("fixture-2", (e, text) => ({
      ...e,
      quotes: e.quotes.map((q) => (q.text === MONEY ? quote(text, { text: "We have the money,", kind: "direct", speaker: "Okafor", canonical: "Mary-Ann Okafor", cue: "told" }) : q)),
    }));
    reextractStale(db, shorter);
    const q = quoteOf(db, "We have the money");
    assert.deepEqual([q.text, q.review_status, q.review_conflict], ["We have the money,", "confirmed", 0]);
    assert.equal(quoteOf(db, "the bridge").text, "the bridge");
    assert.match(eventsOf(db, q.review_id!).at(-1)!.note, /span moved/);
  });

  it("speaker changed: the reviewer's speaker stays, the review is a conflict until resolved", () => {
    reviewQuote(db, 2, { action: "confirm" }, ann);
    const other = editedExtractor("fixture-2", (e) => ({
      ...e, quotes: e.quotes.map((q) => (q.text === MONEY ? { ...q, speaker_canonical: "Tom Reyes", speaker: null, speaker_start: null, speaker_end: null } : q)),
    }));
    reextractStale(db, other);
    let q = quoteOf(db, MONEY);
    assert.deepEqual([q.person_name, q.review_status, q.review_conflict, q.corrected], ["Mary-Ann Okafor", "confirmed", 1, 1]);
    assert.equal(count(db, "reviews WHERE conflict IS NOT NULL"), 1);
    const review = reviewOfQuote(db, q.id)!;
    assert.match(JSON.parse(review.conflict!).message, /Tom Reyes/);
    resolveConflict(db, review.id, { action: "accept" }, ann);
    q = quoteOf(db, MONEY);
    assert.deepEqual([q.person_name, q.review_conflict, q.review_status], ["Tom Reyes", 0, "confirmed"]);
  });

  it("speaker changed on a statement nobody decided the speaker of: no conflict", () => {
    reviewQuote(db, 2, { action: "needs-check" }, ann);
    reextractStale(db, editedExtractor("fixture-2", (e) => ({ ...e, quotes: e.quotes.map((q) => (q.text === MONEY ? { ...q, speaker_canonical: "Tom Reyes" } : q)) })));
    const q = quoteOf(db, MONEY);
    assert.deepEqual([q.person_name, q.review_conflict, q.review_status], ["Tom Reyes", 0, "needs-check"]);
  });

  it("span gone: the reviewed statement is kept as reviewed and listed as a conflict; keep resolves it", () => {
    correctQuote(db, 2, { speaker_name: "Tom Reyes" }, ann);
    const gone = editedExtractor("fixture-2", (e) => ({ ...e, quotes: e.quotes.filter((q) => q.text !== MONEY) }));
    reextractStale(db, gone);
    const q = quoteOf(db, MONEY);
    assert.deepEqual([q.sieve, q.person_name, q.review_conflict], ["review", "Tom Reyes", 1]);
    resolveConflict(db, q.review_id!, { action: "keep", note: "the extractor is wrong" }, ann);
    assert.equal(quoteOf(db, MONEY).review_conflict, 0);
    reextractStale(db, editedExtractor("fixture-3", (e) => ({ ...e, quotes: e.quotes.filter((x) => x.text !== MONEY) })));
    assert.equal(quoteOf(db, MONEY).review_conflict, 1, "gone again under the next version: asks again");
  });

  it("span gone for a rejected statement: no conflict, the trail keeps the verdict", () => {
    const out = reviewQuote(db, 2, { action: "reject", reason: "not a statement" }, ann);
    reextractStale(db, editedExtractor("fixture-2", (e) => ({ ...e, quotes: e.quotes.filter((q) => q.text !== MONEY) })));
    assert.equal(quoteOf(db, MONEY), undefined);
    assert.equal(count(db, "reviews WHERE conflict IS NOT NULL"), 0);
    assert.deepEqual(eventsOf(db, out.review_id).map((e) => e.action), ["reject: not a statement", "carry: gone"]);
  });
});
