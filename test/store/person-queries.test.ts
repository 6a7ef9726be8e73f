// The person page's queries rewritten for speed (decision 026) give what the plain joins give: the
// people another source gives the same words (merge candidates) and the number of groups of the person.
import assert from "node:assert/strict";
import type { Db } from "../../src/store/db";
import { otherSpeakersOf } from "../../src/store/groups";
import { PERSON_GROUP_LISTING, listingCount, personGroupCount } from "../../src/store/listings";
import { ingestArticle } from "../../src/services/ingest";
import { ARTICLE_A, FIXTURE_INGEST, comparisonDb } from "../fixtures/corpus";

/** The merge candidates as a plain join of members to members (the query before decision 026). */
const joined = (db: Db, id: number, limit: number) => db.prepare(`SELECT DISTINCT p.id, p.name, p.kind
    FROM statement_group_members m1 JOIN quotes q1 ON q1.id = m1.quote_id
    JOIN statement_group_members m2 ON m2.group_id = m1.group_id JOIN quotes q2 ON q2.id = m2.quote_id
    JOIN people p ON p.id = q2.person_id
    WHERE q1.person_id = ? AND q2.person_id <> ? ORDER BY p.name COLLATE NOCASE, p.id LIMIT ?`).all(id, id, limit);

describe("store: the person page's queries", () => {
  let db: Db;
  before(() => {
    db = comparisonDb();
    // people quoted in one article only: no one else has their words
    ingestArticle(db, ARTICLE_A, FIXTURE_INGEST);
  });
  after(() => db.close());

  it("merge candidates equal the plain join for every person, at two limits", () => {
    const ids = (db.prepare("SELECT id FROM people ORDER BY id").all() as { id: number }[]).map((r) => r.id);
    let some = 0;
    let none = 0;
    for (const id of ids) {
      for (const limit of [1, 20]) assert.deepEqual(otherSpeakersOf(db, id, limit), joined(db, id, limit), `person ${id}, limit ${limit}`);
      if (otherSpeakersOf(db, id, 20).length) some++;
      else none++;
    }
    // both kinds of row: people with candidates (a conflicting attribution) and people without
    assert.ok(some > 0 && none > 0, `${some} with, ${none} without`);
  });

  it("a person's group count equals counting the group listing", () => {
    for (const { id } of db.prepare("SELECT id FROM people").all() as { id: number }[]) {
      assert.equal(personGroupCount(db, id), listingCount(db, PERSON_GROUP_LISTING, { person: id }));
    }
  });
});
