import assert from "node:assert/strict";
import fc from "fast-check";
import { prepare, stem, tokenize } from "../../src/compare/text";
import { fingerprints, GUARANTEE } from "../../src/compare/fingerprint";

describe("compare: tokens", () => {
  const rows: { text: string; norms: string[] }[] = [
    { text: "We will NOT close it.", norms: ["we", "will", "not", "close", "it"] },
    { text: "3,000 nurses", norms: ["3000", "nurses"] },
    { text: "three nurses", norms: ["3", "nurses"] },
    { text: "1.5 per cent, 2,5 million", norms: ["1.5", "per", "cent", "2.5", "1000000"] },
    { text: "won’t can't", norms: ["won't", "can't"] },
    { text: "Café Zürich", norms: ["cafe", "zurich"] },
    { text: "“quoted” … words", norms: ["quoted", "words"] },
    { text: "", norms: [] },
  ];
  for (const r of rows) {
    it(`tokenises ${JSON.stringify(r.text)}`, () => assert.deepEqual(tokenize(r.text).map((t) => t.norm), r.norms));
  }

  it("keeps each token's offsets into the text", () => {
    const text = "Say “3,000” now";
    for (const t of tokenize(text)) assert.ok(["Say", "3,000", "now"].includes(text.slice(t.start, t.end)));
  });

  const stems: [string, string][] = [
    ["closed", "clos"], ["closing", "clos"], ["close", "clos"], ["closes", "clos"],
    ["taxes", "tax"], ["nurses", "nurs"], ["policies", "policy"], ["stopped", "stop"], ["Putin's", "putin"], ["2026", "2026"],
  ];
  for (const [w, s] of stems) it(`stems ${w} to ${s}`, () => assert.equal(stem(w.toLowerCase().replace("’", "'")), s));

  it("separates content words, negations and numbers", () => {
    const p = prepare("We will not hire 300 nurses without new money");
    assert.deepEqual(p.content, ["hir", "300", "nurs", "new", "money"]);
    assert.equal(p.negations, 2);
    assert.deepEqual(p.numbers, ["300"]);
  });
});

describe("compare: winnowed fingerprints", () => {
  it("gives none below a shingle and one for a short statement", () => {
    assert.deepEqual(fingerprints(["a", "b"]), []);
    assert.equal(fingerprints(["a", "b", "c"]).length, 1);
  });

  it("are the same for the same words", () => {
    const w = "the budget is balanced and the reserves are full again".split(" ");
    assert.deepEqual(fingerprints(w), fingerprints([...w]));
  });

  it(`share a fingerprint whenever two statements share a run of ${GUARANTEE} words (property)`, () => {
    const word = fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");
    fc.assert(
      fc.property(fc.array(word, { maxLength: 20 }), fc.array(word, { minLength: GUARANTEE, maxLength: 12 }), fc.array(word, { maxLength: 20 }), fc.array(word, { maxLength: 20 }),
        (before, shared, after, other) => {
          const a = fingerprints([...before, ...shared, ...after]);
          const b = new Set(fingerprints([...other, ...shared]));
          return a.some((f) => b.has(f));
        }),
      { numRuns: 300 },
    );
  });
});

describe("compare: tokens of ASCII words take a shortcut with the same answer", () => {
  // the normalisation as it was before the ASCII shortcut (decision 032)
  const TOKEN = /\d+(?:[.,]\d+)*|[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
  const NUMBER_WORDS_SEEN = (w: string) => tokenize(w).map((t) => t.norm);
  function before(text: string): string[] {
    const out: string[] = [];
    for (const m of text.matchAll(TOKEN)) {
      const raw = m[0];
      if (/^\d/.test(raw)) out.push(/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(raw) ? raw.replace(/,/g, "") : raw.replace(",", "."));
      else {
        const w = raw.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase().replace(/’/g, "'");
        // number words map to digits in both versions: compare through the current mapping of the
        // normalised word, which the shortcut does not touch
        out.push(NUMBER_WORDS_SEEN(w)[0] ?? w);
      }
    }
    return out;
  }
  const rows = ["We will NOT close it.", "won’t can't", "Café Zürich", "ÉCOLE école", "ﬁnance", "İstanbul", "Straße",
    "Kim Jong-un's ‘plan’", "THREE Three three", "ǅemal", "x\u0301y", "Ⅻ", "ＡＢＣ", "don't’s", ""];
  for (const text of rows) {
    it(`${JSON.stringify(text)}: the norms of before the shortcut`, () => assert.deepEqual(tokenize(text).map((t) => t.norm), before(text)));
  }
  it("random texts of ASCII and other letters: the norms of before the shortcut", () => {
    const chars = fc.constantFrom(..."aZ09 ,.'’-éÉüßİıﬁǅ\u0301ＡⅫ".split(""));
    fc.assert(fc.property(fc.array(chars, { maxLength: 40 }).map((cs) => cs.join("")), (text) => {
      assert.deepEqual(tokenize(text).map((t) => t.norm), before(text));
    }), { numRuns: 2000 });
  });
});
