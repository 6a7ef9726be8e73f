// The claims detector's cost grows with the article, not faster: a ratio measured in one run, kept
// out of `npm test` (timers there fail on a loaded machine) and run by `npm run test:stress`.
import assert from "node:assert/strict";
import { detectClaims } from "../../src/nlp/claims";
import { makeDoc } from "../../src/nlp/document";
import type { ClaimRecord } from "../../src/nlp/types";

const claimsOf = (text: string): ClaimRecord[] => detectClaims(makeDoc(text), []);

describe("detectClaims: cost", () => {
  it("is linear in the article length", () => {
    const para = "Experts say the dam is unsafe, and officials said the contract was cancelled. The mayor reportedly quit, "
      + "while the plan is seen as a failure. Ivo Marek said the count was fair.\n";
    const time = (n: number): number => {
      const text = para.repeat(n);
      const t0 = process.hrtime.bigint();
      const claims = claimsOf(text);
      const dt = Number(process.hrtime.bigint() - t0);
      assert.equal(claims.length, 4 * n);
      return dt;
    };
    time(200); // warm up
    const small = Math.min(time(500), time(500));
    const large = Math.min(time(4000), time(4000));
    assert.ok(large < small * 8 * 3, `8x the text took ${(large / small).toFixed(1)}x the time`);
  });
});
