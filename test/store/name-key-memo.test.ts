// services/people nameKey is remembered per name (decision 043): the memo gives what the
// normalisation gives, for names asked once, asked again, and past the memo's bound.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { nameKey } from "../../src/services/people";

/** The normalisation nameKey remembers (its code before the memo). */
const reference = (name: string): string =>
  name.normalize("NFKC").toLowerCase().replace(/[\-\u2010-\u2015\u2212_]+/g, " ").replace(/\s+/g, " ").trim();

describe("services: nameKey remembered per name", () => {
  const names = ["Kim Jong-un", "kim jong un", "  Ana   Lind ", "ＡＢＣ News", "Jean\u2011Luc", "O’Brien", "x_y", "İlhan", "", " "];
  for (const n of names) {
    it(JSON.stringify(n), () => {
      assert.equal(nameKey(n), reference(n));
      assert.equal(nameKey(n), reference(n));
    });
  }
  it("random names, each asked twice", () => {
    const ch = fc.constantFrom("a", "B", " ", "-", "\u2013", "_", "\u00a0", "ﬁ", "Ａ", "é", "e\u0301", "İ", "\t");
    fc.assert(fc.property(fc.array(ch, { maxLength: 10 }), (cs) => {
      const n = cs.join("");
      assert.equal(nameKey(n), reference(n));
      assert.equal(nameKey(n), reference(n));
    }), { numRuns: 5000 });
  });
  it("past the memo's bound (it starts afresh) the answers stay the same", () => {
    for (let i = 0; i < 60_000; i++) assert.equal(nameKey(`Name-${i}`), `name ${i}`);
    assert.equal(nameKey("Kim Jong-un"), "kim jong un");
  });
});
