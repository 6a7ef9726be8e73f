// extract() is a pure function of its text: what was extracted before it in the process changes
// nothing. Each row is a text A, then a text B whose whole result must equal B's extracted first thing
// in a new process. The rows that once differed are the shapes bench/purity.ts and the tagger's
// windows found: wink-nlp added each word it did not know to its lexicon, and a possessive read
// before a comma ("Brannigan's,") was one token ever after, so that a cue word after it ("Brannigan's
// calls the plan …") read as a verb after a name, where alone it followed a PART ("'s").
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { extract } from "../../src/nlp/pipeline";

const PIPELINE = require.resolve("../../src/nlp/pipeline");

/** In a new process: B's result extracted first, then A's, then B's again (JSON of each). */
function inFreshProcess(a: string, b: string): { alone: string; after: string } {
  const script = `const { extract } = require(${JSON.stringify(PIPELINE)});
let input = ""; process.stdin.on("data", (c) => (input += c)).on("end", () => {
  const [a, b] = JSON.parse(input);
  const alone = JSON.stringify(extract(b));
  extract(a);
  process.stdout.write(JSON.stringify({ alone, after: JSON.stringify(extract(b)) }));
});`;
  // B first, then A and B in a second process as well: B after A must not lean on B read before it
  const first = JSON.parse(execFileSync(process.execPath, ["-e", script], { input: JSON.stringify([a, b]) }).toString()) as { alone: string; after: string };
  const second = execFileSync(process.execPath, ["-e", `const { extract } = require(${JSON.stringify(PIPELINE)});
let input = ""; process.stdin.on("data", (c) => (input += c)).on("end", () => {
  const [a, b] = JSON.parse(input);
  extract(a);
  process.stdout.write(JSON.stringify(extract(b)));
});`], { input: JSON.stringify([a, b]) }).toString();
  assert.equal(first.after, second, "B after A depends on B having been read before");
  return first;
}

const speakers = (json: string): [string, string | null][] =>
  (JSON.parse(json) as { quotes: { text: string; speaker: string | null }[] }).quotes.map((q) => [q.text, q.speaker]);

describe("extract() is pure: a text's result does not depend on the texts extracted before it", function () {
  this.timeout(60_000);
  // [name, A, B, B's quotes as [text, speaker]]
  const rows: [string, string, string, [string, string | null][]][] = [
    // the shapes that differed: the tagger's lexicon kept a possessive read before a comma whole
    ["a possessive before a comma in A, the same possessive before a noun-or-verb cue in B",
      "Tom Reyes calls the food at Brannigan's, the diner, a disgrace.", "Brannigan's calls the plan a disaster for the town.", []],
    ["the same with a typographic apostrophe",
      "Tom Reyes calls the food at Brannigan’s, the diner, a disgrace.", "Brannigan’s calls the plan a disaster for the town.", []],
    ["a street's possessive before a comma, then a phrase ending in it before the cue",
      "Ann Lee calls the shop on Smith’s, a street in town, a landmark.", "The shop on Smith’s calls the plan a disaster.", []],
    ["a possessive before a colon",
      "Tom Reyes calls the food at Brannigan's: a disgrace.", "Brannigan's calls the plan a disaster for the town.", []],
    // negative rows: nothing to differ, before the fix and after it
    ["the same text twice (the memos keyed by the whole text)",
      "Brannigan's calls the plan a disaster for the town.", "Brannigan's calls the plan a disaster for the town.", []],
    ["a possessive without a mark after it in A",
      "Tom Reyes calls Brannigan's food a disgrace.", "Brannigan's calls the plan a disaster for the town.", []],
    ["a name as a place in A, the name speaking in B (placeNames keeps the last text's places)",
      "Officials in Lindport said the bridge is done.", "“The bridge is done,” Lindport said.", [["The bridge is done,", "Lindport"]]],
    ["A a prefix of B (a memo keyed by less than the whole text)",
      "Tom Reyes calls the plan a disaster.", "Tom Reyes calls the plan a disaster. “It will fail,” he said.", [["the plan a disaster.", "Tom Reyes"], ["It will fail,", "he"]]],
    ["a subject and noun-or-verb cue in both", "Ann Lee calls the plan a disgrace.", "Tom Reyes calls the plan a disaster for the town.",
      [["the plan a disaster for the town.", "Tom Reyes"]]],
    ["the empty text before", "", "“The bridge is done,” said Ann Lee.", [["The bridge is done,", "Ann Lee"]]],
  ];
  for (const [name, a, b, quotes] of rows) {
    it(name, () => {
      const { alone, after } = inFreshProcess(a, b);
      assert.deepEqual(speakers(alone), quotes, "B alone");
      assert.deepEqual(speakers(after), speakers(alone), "B after A, quotes");
      assert.equal(after, alone, "B after A, the whole result");
      // and in this process, after every test that ran before
      extract(a);
      assert.equal(JSON.stringify(extract(b)), alone, "B in the test process");
    });
  }
});
