// The part-of-speech adapter (decision 013): the tagger behind it, its offsets, its bounds, and the
// one place extraction asks it (a noun-or-verb word after a subject).
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { MAX_TAG_WINDOW, hasTagger, tagWindow, wordTag } from "../../src/nlp/pos";
import { findCues } from "../../src/nlp/cues";
import { hostileText } from "../fixtures/hostile";

describe("part-of-speech adapter", () => {
  it("the tagger loads from npm", () => assert.equal(hasTagger(), true));

  // [name, text, word, tag wanted, or null when the word is no token of its own]
  const rows: [string, string, string, string | null][] = [
    ["a verb after a pronoun", "He states his case to the board.", "states", "VERB"],
    ["a verb after a name", "Tom Reyes calls the proposal a disaster.", "calls", "VERB"],
    ["a noun after a quantifier", "Many states that border the lake banned fishing.", "states", "NOUN"],
    ["a noun after a determiner", "The official state media covered the parade.", "state", "NOUN"],
    ["a name", "The mayor met Tom Reyes on Friday.", "Reyes", "PROPN"],
    ["part of a word is no token", "The statesman spoke.", "states", null],
  ];
  for (const [name, text, word, want] of rows) {
    it(name, () => {
      const at = text.search(new RegExp(`${word}`));
      assert.equal(wordTag(text, at, at + word.length)?.pos ?? null, want);
    });
  }

  it("offsets of every token lie in the text and spell the token", () => {
    const text = "“Prices will rise,” Jane Doe, senior economist at Northfield Bank, said — in a note.";
    const toks = tagWindow(text, 0, text.length);
    assert.ok(toks.length > 10);
    for (const t of toks) assert.equal(text.slice(t.start, t.end), t.text);
  });

  it("a window is cut at MAX_TAG_WINDOW", () => {
    const text = "word ".repeat(200);
    const toks = tagWindow(text, 0, text.length);
    assert.ok(toks.length > 0 && toks[toks.length - 1]!.end <= MAX_TAG_WINDOW);
  });

  it("is total on hostile strings: never throws, spans inside the text", () => {
    fc.assert(fc.property(hostileText(), fc.nat(), fc.nat(), (text, a, b) => {
      const lo = a % (text.length + 1);
      const hi = lo + (b % 300);
      for (const t of tagWindow(text, lo, hi)) assert.ok(t.start >= lo && t.end <= text.length && t.start <= t.end);
      const tag = wordTag(text, lo, Math.min(text.length, lo + 3));
      assert.ok(tag === null || typeof tag.pos === "string");
    }), { numRuns: 300 });
  });
});

describe("noun-or-verb cue words read by the tagger", () => {
  // [name, text, cue words wanted]
  const rows: [string, string, string[]][] = [
    ["states as a verb after a pronoun", "He states the plan failed.", ["states"]],
    ["calls as a verb after a name", "Tom Reyes calls the proposal a disaster for the town.", ["calls"]],
    // negative rows: the noun readings stay nouns
    ["states after a quantifier", "Many states border the lake.", []],
    ["calls after a determiner", "The calls came in overnight.", []],
    ["phone calls", "Phone calls from voters flooded the office.", []],
    ["reports as a plural subject", "Reports of the fire reached the mayor.", []],
    ["states before a relative 'that' (decision 027)", "The coastal states that have lost jobs voted first.", []],
    ["reports before a relative 'that' (decision 027)", "Two reports that were leaked named the mayor.", []],
    ["a participle after a possessive before a plural noun (decision 027)", "The board ignored his repeated requests for a vote.", []],
    ["a participle after a number before a plural noun", "Ann Ruiz leads by 20 pledged delegates in the count.", []],
    ["a participle after a preposition before a plural noun", "He rose after repeated clashes with the board.", []],
    ["a participle after a possessive noun", "The ferry company’s reported profits fell.", []],
    // negative rows: the same words as verbs
    ["a past form after a name stays a cue", "Tom Reyes repeated claims that the toll was unfair.", ["repeated", "claims"]],
    ["a past form before a pronoun ending in s stays a cue", "After the vote, she asked us to wait.", ["asked"]],
    ["a past form after a number and a comma stays a cue", "Jo Smith, 45, warned residents to leave.", ["warned"]],
    // a demonstrative "that" after the cue keeps it a cue
    ["states that with a clause stays a cue", "The memo states that the plan failed.", ["states"]],
    ["claims that was stays a cue", "Tom Reyes claims that was a mistake.", ["claims"]],
  ];
  for (const [name, text, want] of rows) {
    it(name, () => assert.deepEqual(findCues(text).map((c) => c.text), want));
  }
});
