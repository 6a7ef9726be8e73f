// The unattributed-claims detector: spans, reasons, quotes, seeds and cost.
import assert from "node:assert/strict";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { detectClaims, nearestSourceOf } from "../../src/nlp/claims";
import { makeDoc } from "../../src/nlp/document";
import type { ClaimRecord, QuoteRecord } from "../../src/nlp/types";

const claimsOf = (text: string, quotes: QuoteRecord[] = []): ClaimRecord[] => detectClaims(makeDoc(text), quotes);

function quote(text: string, content: string, over: Partial<QuoteRecord>): QuoteRecord {
  const start = text.indexOf(content);
  return {
    start, end: start + content.length, text: content, kind: "indirect", speaker: null, speaker_start: null,
    speaker_end: null, speaker_canonical: null, speaker_kind: "unknown", cue: null, cue_start: null, cue_end: null,
    via: null, confidence: 0.5, sieve: "test", ...over,
  };
}

describe("detectClaims: spans", () => {
  it("covers a reported clause from its hedge to the clause end", () => {
    const text = "Before the vote, the ministers met twice. Reports suggested that the mayor invited the envoy to the capital for talks, though the council gave no details.";
    const [c] = claimsOf(text);
    assert.equal(c?.text, "Reports suggested that the mayor invited the envoy to the capital for talks");
    assert.equal(c?.reason, "hedge");
    assert.equal(c?.trigger, "Reports suggested");
    assert.equal(text.slice(c!.trigger_start, c!.trigger_end), "Reports suggested");
  });

  it("covers a participle phrase between commas", () => {
    const text = "The premier met Ada Brun, a veteran negotiator widely considered one of the premier's closest allies, on Monday.";
    const [c] = claimsOf(text);
    assert.equal(c?.text, "widely considered one of the premier's closest allies");
    assert.equal(c?.reason, "passive without agent");
  });

  it("covers a passive judgement from its subject", () => {
    const text = "The governor's remarks are seen as keeping pressure on the unions.";
    const [c] = claimsOf(text);
    assert.equal(c?.text, "The governor's remarks are seen as keeping pressure on the unions");
  });

  it("keeps a hedged participle phrase whole across 'not just …, but'", () => {
    const text = "The drought has hurt the region, reportedly affecting not just small farmers, but the big estates too.";
    const [c] = claimsOf(text);
    assert.equal(c?.text, "reportedly affecting not just small farmers, but the big estates too");
  });

  it("takes the whole sentence when the vague source comes after the content", () => {
    const text = "The new rules are vague about who qualifies, labour lawyers say.";
    const [c] = claimsOf(text);
    assert.equal(c?.text, "The new rules are vague about who qualifies, labour lawyers say");
    assert.equal(c?.reason, "weasel");
  });

  it("stops a subordinate clause at its comma", () => {
    const text = "While the rocket is not thought to be able to reach the coast, it is considered a threat to shipping.";
    const claims = claimsOf(text);
    assert.deepEqual(claims.map((c) => c.text), [
      "the rocket is not thought to be able to reach the coast",
      "it is considered a threat to shipping",
    ]);
  });

  it("gives every claim an explanation and a trigger inside the text", () => {
    const text = "Experts say the dam is unsafe. Sources said the contract was cancelled. The mayor reportedly quit.";
    const claims = claimsOf(text);
    assert.equal(claims.length, 3);
    for (const c of claims) {
      assert.ok(c.explanation.length > 20);
      assert.equal(text.slice(c.start, c.end), c.text);
      assert.equal(text.slice(c.trigger_start, c.trigger_end), c.trigger);
      assert.ok(c.start <= c.trigger_start && c.trigger_end <= c.end);
    }
    assert.deepEqual(claims.map((c) => c.reason), ["weasel", "anonymous source", "hedge"]);
  });

  it("ignores words inside a quotation", () => {
    assert.deepEqual(claimsOf("“Many believe the war is lost, and experts say so too,” said Ivo Marek."), []);
  });

  it("finds nothing in an empty or plain text", () => {
    assert.deepEqual(claimsOf(""), []);
    assert.deepEqual(claimsOf("The council met on Monday. It approved the budget."), []);
  });
});

describe("detectClaims: quotes from the quote finder", () => {
  it("flags a reported statement with a cue but no speaker as unattributed", () => {
    const text = "The bridge will close for a year. It was announced that traffic will move to the ferry.";
    const cue = text.indexOf("announced");
    const q = quote(text, "traffic will move to the ferry", { speaker: null, cue: "announced", cue_start: cue, cue_end: cue + 9 });
    const claims = claimsOf(text, [q]);
    assert.equal(claims.length, 1);
    assert.equal(claims[0]?.reason, "unattributed quote");
    assert.equal(claims[0]?.text, "traffic will move to the ferry");
  });

  it("leaves words in quotation marks with no cue alone: the article names their speaker elsewhere", () => {
    const text = "The crowd gathered at noon.\n“Open the gates!”\nThe gates stayed shut.";
    const q = quote(text, "Open the gates!", { speaker: null, kind: "direct" });
    assert.deepEqual(claimsOf(text, [q]), []);
  });

  it("flags a quote from an anonymous speaker as an anonymous source", () => {
    const text = "A person in the room said the vote was rigged.";
    const q = quote(text, "the vote was rigged", {
      speaker: "A person in the room", speaker_start: 0, speaker_end: 20, speaker_kind: "anonymous", cue: "said",
    });
    const claims = claimsOf(text, [q]);
    assert.equal(claims.length, 1);
    assert.equal(claims[0]?.reason, "anonymous source");
    assert.equal(claims[0]?.trigger, "A person in the room");
  });

  it("leaves a quote with a named speaker alone, and adds no second claim over a lexical one", () => {
    const text = "Sources said the vote was rigged. Ivo Marek said the count was fair.";
    const anon = quote(text, "the vote was rigged", { speaker: "Sources", speaker_start: 0, speaker_end: 7, speaker_kind: "anonymous" });
    const named = quote(text, "the count was fair", { speaker: "Ivo Marek", speaker_canonical: "Ivo Marek", speaker_kind: "person" });
    const claims = claimsOf(text, [anon, named]);
    assert.equal(claims.length, 1);
    assert.equal(claims[0]?.trigger, "Sources said");
  });
});

describe("detectClaims: the nearest named source", () => {
  const rows: [string, string, { name: string; where: string } | null][] = [
    ["The port will close, according to the Harbour Gazette. Officials said the ferry would stop too.", "Officials said",
      { name: "Harbour Gazette", where: "previous sentence" }],
    ["Critics say the levy is unfair. The ferry will stop in May.", "Critics say", null],
    ["The ferry will stop. It rained. Critics say the levy is unfair.", "Critics say", null],
  ];
  for (const [text, trigger, want] of rows) {
    it(`${want ? `names ${want.name}` : "names nobody"} for "${trigger}"`, () => {
      const c = claimsOf(text).find((x) => x.trigger === trigger);
      assert.ok(c, `no claim with trigger ${trigger}`);
      assert.deepEqual(c.nearest_source, want);
      assert.deepEqual(nearestSourceOf(c.explanation), want, "the stored explanation carries the same source");
    });
  }

  it("takes a named speaker the attribution stage found in the same sentence", () => {
    const text = "Ivo Marek said on Monday that sources had warned him about the dam.";
    const q = quote(text, "sources had warned him about the dam", {
      speaker: "Ivo Marek", speaker_start: 0, speaker_end: 9, speaker_canonical: "Ivo Marek", speaker_kind: "person", cue: "said",
    });
    const [c] = claimsOf(text, [q]);
    assert.equal(c?.reason, "anonymous source");
    assert.deepEqual(c?.nearest_source, { name: "Ivo Marek", where: "same sentence" });
  });

  it("reads no source from an explanation that carries none", () => {
    assert.equal(nearestSourceOf("Hedged with no source: find who reported this."), null);
    assert.equal(nearestSourceOf(""), null);
  });
});

describe("detectClaims: seed articles", () => {
  const seeds = resolve(__dirname, "../../../seeds");
  const read = (name: string): string => readFileSync(resolve(seeds, name), "utf8");

  it("finds the hedges and the vague judgement of seed 000", () => {
    const text = read("000_c075f9eda7e8414f.txt");
    const claims = claimsOf(text);
    const texts = claims.map((c) => c.text);
    assert.ok(texts.some((t) => t.startsWith("Reports suggested that Lavrov invited Kim to Moscow")));
    assert.ok(texts.includes("widely considered one of Kim’s most trusted confidantes"));
    assert.ok(texts.some((t) => t.startsWith("reportedly affecting not just the nation’s rural poor")));
    // "Kim reportedly …" right after "According to the Korean Central News Agency (KCNA), …" has a source
    assert.ok(!claims.some((c) => c.text.startsWith("Kim reportedly")));
    // State Department officials speak for their department
    assert.ok(!claims.some((c) => c.trigger.includes("officials")));
  });

  it("finds the agentless judgements of seed 001", () => {
    const text = read("001_acf19ddaf9042867.txt");
    const claims = claimsOf(text);
    const texts = claims.map((c) => c.text);
    assert.ok(texts.some((t) => t.startsWith("Kim’s remarks are seen as keeping pressure on the US")));
    assert.ok(texts.some((t) => t.startsWith("which was seen as an attempt to use the summit")));
    assert.ok(claims.every((c) => c.reason === "passive without agent"));
  });
});

describe("detectClaims: total on any input", () => {
  // words the rules react to, glued by the punctuation they read, so random texts reach deep branches
  const WORDS = ["It's", "believed", "many", "critics", "say", "a", "source", "the", "officials", "said", "by", "some",
    "seen", "as", "citing", "unnamed", "sources", "if", "?", ",", ".", "“", "”", "(", ")", "—", "according", "to",
    "Jo", "Lee", "they", "amid", "questions", "one", "view", "is", "that", "READ MORE:", "\n", "'s", "percent", "who"];
  it("reads a hedge that ends the text ('It's said'), the case the property below found", () => {
    for (const text of ["It's said", "It’s believed", "It is said", "Many say", "“It's said"]) assert.doesNotThrow(() => claimsOf(text), text);
  });

  it("never throws, and every claim and its trigger lie inside the text", () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 })), { maxLength: 60 }), (parts) => {
      const text = parts.join(" ");
      for (const c of claimsOf(text)) {
        assert.ok(0 <= c.start && c.start < c.end && c.end <= text.length);
        assert.equal(text.slice(c.start, c.end), c.text);
        assert.ok(c.trigger_start >= 0 && c.trigger_end <= text.length && c.trigger_start < c.trigger_end);
        assert.ok(c.nearest_source === null || typeof c.nearest_source?.name === "string");
      }
    }), { numRuns: 300 });
  });
});

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
