// groupStatements holds each statement's prepared text only while it may be needed soon (decision
// 041: the whole corpus's prepared texts did not fit node's default heap at 222,500 articles). Holding
// fewer must change no group, label, member or statistic: a statement dropped is prepared again when a
// later pair or group needs it. The rows below compare every bound with holding everything, and check
// that a small bound really drops and prepares again (so the equality is not vacuous).
import assert from "node:assert/strict";
import { groupStatements, prepareText, type PreparedText, type StatementInput } from "../../src/compare/group";
import { corpusStatements } from "../../src/services/compare";
import { ingestArticle } from "../../src/services/ingest";
import { FIXTURE_INGEST, comparisonDb } from "../fixtures/corpus";
import { harbourCorpus } from "../store/ingest-corpus";

describe("compare: grouping with a bound on the prepared statements held", () => {
  let input: StatementInput[];
  before(() => {
    const db = comparisonDb();
    for (const a of harbourCorpus(12)) ingestArticle(db, a, FIXTURE_INGEST);
    input = corpusStatements(db);
    db.close();
  });

  const counted = () => {
    const calls = new Map<number, number>();
    const prepared = (s: StatementInput): PreparedText => {
      calls.set(s.id, (calls.get(s.id) ?? 0) + 1);
      return prepareText(s.text);
    };
    return { calls, prepared };
  };

  it("the corpus has groups of several statements, across people and blocks", () => {
    const { groups, stats } = groupStatements(input);
    assert.ok(stats.blocks >= 3, "several people");
    assert.ok(groups.some((g) => g.members.length >= 3), "a group of three or more");
    assert.ok(groups.some((g) => g.person_count >= 2), "a group across people");
    assert.ok(groups.some((g) => g.members.length === 1), "a statement alone");
  });

  const everything = () => groupStatements(input, { held: Number.MAX_SAFE_INTEGER });
  for (const held of [0, 1, 2, 5, 17]) {
    it(`holding at most ${held} besides the block: the same groups and statistics as holding every statement`, () => {
      assert.deepEqual(groupStatements(input, { held }), everything());
    });
  }
  it("the same in any input order", () => {
    assert.deepEqual(groupStatements([...input].reverse(), { held: 1 }), everything());
  });

  it("holding everything prepares each statement once, as before", () => {
    const { calls, prepared } = counted();
    groupStatements(input, { held: Number.MAX_SAFE_INTEGER, prepared });
    assert.equal(calls.size, input.length);
    assert.ok([...calls.values()].every((n) => n === 1));
  });
  it("a small bound prepares some statements again (negative row: the bound is really applied)", () => {
    const { calls, prepared } = counted();
    groupStatements(input, { held: 0, prepared });
    assert.equal(calls.size, input.length);
    assert.ok([...calls.values()].some((n) => n > 1));
  });
  it("fingerprints are told once per statement, in id order, whatever the bound", () => {
    const seen: number[] = [];
    groupStatements(input, { held: 0, onFingerprints: (id) => seen.push(id) });
    assert.deepEqual(seen, input.map((s) => s.id).sort((a, b) => a - b));
  });
});
