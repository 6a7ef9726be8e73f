// The grouping's speed shortcuts (decision 043) against the code they replace: the candidate scores
// in typed arrays against a Map read by topK, interned word strings against fresh ones, and shingle
// hashes computed word by word against the hash of the joined shingle.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { Scores, topK } from "../../src/compare/group";
import { intern, prepare, stem, stemOf, tokenize } from "../../src/compare/text";
import { fingerprints, fnv1a, SHINGLE, shingleHash, WINDOW } from "../../src/compare/fingerprint";

/** One statement's scoring as blockCandidates did it with a Map: additions, then each entry divided. */
function withMap(adds: [number, number][], divisors: number[] | null, k: number, min: number): number[] {
  const m = new Map<number, number>();
  for (const [j, by] of adds) m.set(j, (m.get(j) ?? 0) + by);
  if (divisors) for (const [j, s] of m) m.set(j, s / divisors[j]!);
  return topK(m, k, min);
}

function withScores(scores: Scores, adds: [number, number][], divisors: number[] | null, k: number, min: number): number[] {
  scores.reset();
  for (const [j, by] of adds) scores.add(j, by);
  if (divisors) {
    for (let x = 0; x < scores.count; x++) {
      const j = scores.order[x]!;
      scores.score[j] = scores.score[j]! / divisors[j]!;
    }
  }
  return scores.top(k, min);
}

describe("grouping speed shortcuts give the original answers", () => {
  describe("candidate scores in typed arrays, as a Map read by topK", () => {
    const N = 40;
    it("a table of cases: order of first addition, ties to the smaller index, the cut at k, min", () => {
      const s = new Scores(N);
      const cases: [string, [number, number][], number[] | null, number, number][] = [
        ["none", [], null, 12, 1],
        ["first-added order kept when all pass", [[5, 1], [2, 1], [9, 1], [2, 1]], null, 12, 1],
        ["below min dropped", [[5, 1], [2, 2], [9, 1]], null, 12, 2],
        ["cut at k, best first, ties by index", [[7, 2], [3, 2], [1, 5], [0, 1], [4, 2]], null, 3, 1],
        ["weights divided", [[3, 0.5], [4, 0.25], [3, 0.125], [8, 1]], Array.from({ length: N }, (_, i) => 1 + i / 10), 2, 0.1],
        ["zero over zero is NaN and never passes", [[6, 0], [2, 1]], Array.from({ length: N }, (_, i) => (i === 6 ? 0 : 1)), 12, 0],
        ["infinity passes", [[6, 1], [2, 1]], Array.from({ length: N }, (_, i) => (i === 6 ? 0 : 1)), 1, 0],
      ];
      for (const [name, adds, div, k, min] of cases) assert.deepEqual(withScores(s, adds, div, k, min), withMap(adds, div, k, min), name);
    });
    it("random statements scored one after another with one table (reset between)", () => {
      const add = fc.tuple(fc.integer({ min: 0, max: N - 1 }), fc.oneof(fc.constant(1), fc.double({ min: 0, max: 10, noNaN: true }), fc.constantFrom(0.1, 0.2, 0.3)));
      const statement = fc.record({
        adds: fc.array(add, { maxLength: 60 }),
        divide: fc.boolean(),
        k: fc.integer({ min: 1, max: 14 }),
        min: fc.constantFrom(0, 0.25, 1, 2),
      });
      const divisors = Array.from({ length: N }, (_, i) => (i % 7 === 0 ? 0 : 0.5 + (i % 5)));
      fc.assert(fc.property(fc.array(statement, { minLength: 1, maxLength: 6 }), (statements) => {
        const s = new Scores(N);
        for (const st of statements) {
          const div = st.divide ? divisors : null;
          assert.deepEqual(withScores(s, st.adds, div, st.k, st.min), withMap(st.adds, div, st.k, st.min));
        }
      }), { numRuns: 3000 });
    });
  });

  describe("shingle hashes word by word, as fnv1a of the joined shingle", () => {
    /** fingerprints as they were computed before (decision 043): a string per shingle */
    function reference(words: readonly string[]): number[] {
      if (words.length < SHINGLE) return [];
      const hashes: number[] = [];
      for (let i = 0; i + SHINGLE <= words.length; i++) hashes.push(fnv1a(words.slice(i, i + SHINGLE).join(" ")));
      const picked = new Set<number>();
      if (hashes.length <= WINDOW) picked.add(Math.min(...hashes));
      else {
        for (let i = 0; i + WINDOW <= hashes.length; i++) {
          let min = hashes[i]!;
          for (let j = i + 1; j < i + WINDOW; j++) if (hashes[j]! < min) min = hashes[j]!;
          picked.add(min);
        }
      }
      return [...picked].sort((a, b) => a - b);
    }
    const word = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("", " ", "the", "minister", "3000", "weren't", "é", "\ud835\udc00", "\ud800", "a b"));
    it("each shingle", () => {
      fc.assert(fc.property(fc.array(word, { minLength: SHINGLE, maxLength: 12 }), (words) => {
        for (let i = 0; i + SHINGLE <= words.length; i++) assert.equal(shingleHash(words, i), fnv1a(words.slice(i, i + SHINGLE).join(" ")));
      }), { numRuns: 5000 });
    });
    it("the fingerprints of a statement", () => {
      fc.assert(fc.property(fc.array(word, { maxLength: 20 }), (words) => assert.deepEqual(fingerprints(words), reference(words))), { numRuns: 5000 });
      const words = prepare("The minister said on Monday that the plan would not be dropped, whatever the cost.").words;
      assert.deepEqual(fingerprints(words), reference(words));
    });
  });

  describe("interned words", () => {
    it("intern returns an equal string", () => {
      fc.assert(fc.property(fc.string(), (w) => assert.equal(intern(w), w)), { numRuns: 2000 });
      assert.equal(intern("minister" + ""), "minister");
      assert.equal(intern(["min", "ister"].join("")), "minister");
    });
    it("stemOf is stem, asked once or again", () => {
      fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("closing", "closed", "taxes", "ministers", "3000", "weren't", "running", "happily", "minister's")), (w) => {
        assert.equal(stemOf(w), stem(w));
        assert.equal(stemOf(w), stem(w));
      }), { numRuns: 5000 });
    });
    it("past its bound it still returns an equal string", () => {
      for (let i = 0; i < 210_000; i++) assert.equal(intern(`w${i}`), `w${i}`);
      assert.equal(intern("beyond the bound"), "beyond the bound");
    });
    it("prepare and tokenize give the forms the text holds", () => {
      const text = "The Minister said 3,000 jobs weren’t closing, and the minister’s closing words were: closed.";
      assert.deepEqual(tokenize(text).map((t) => t.norm), ["the", "minister", "said", "3000", "jobs", "weren't", "closing", "and", "the", "minister's", "closing", "words", "were", "closed"]);
      const p = prepare(text);
      assert.deepEqual(p.content, ["minister", "3000", "job", "clos", "minister", "clos", "word", "clos"]);
      assert.deepEqual(prepare(text), p);
    });
  });
});
