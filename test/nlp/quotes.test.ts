import { strict as assert } from "node:assert";
import { makeDoc } from "../../src/nlp/document";
import { findQuoteSpans, looksLikeTitle } from "../../src/nlp/quotes";

const spans = (text: string) => findQuoteSpans(makeDoc(text)).map((q) => ({ text: text.slice(q.start, q.end), closed: q.closed, continues: q.continues }));

describe("quote finder", () => {
  const cases: [string, string, { text: string; closed: boolean; continues: number }[]][] = [
    ["curly quotes", "“We are ready,” he said.", [{ text: "We are ready,", closed: true, continues: -1 }]],
    ["straight quotes", 'He said: "We are ready."', [{ text: "We are ready.", closed: true, continues: -1 }]],
    ["two quotes in one paragraph", "“A b c,” she said. “D e f.”", [
      { text: "A b c,", closed: true, continues: -1 }, { text: "D e f.", closed: true, continues: -1 }]],
    ["multi-paragraph quote closed only at the end", "“First part of it.\n“Second part,” he said.", [
      { text: "First part of it.", closed: false, continues: -1 }, { text: "Second part,", closed: true, continues: 0 }]],
    ["three paragraphs", "“One.\n“Two.\n“Three.”", [
      { text: "One.", closed: false, continues: -1 }, { text: "Two.", closed: false, continues: 0 }, { text: "Three.", closed: true, continues: 1 }]],
    ["unclosed quote not reopened is kept but not continued", "“Left open\nPlain text.", [{ text: "Left open", closed: false, continues: -1 }]],
    ["apostrophes and single quotes are not quotes", "Kim’s ‘meaningful’ talks and Putin's plan.", []],
    ["inch marks inside words do not open a quote", 'A 5"x7" photo.', []],
    ["empty quotes are dropped", "He said “” and left.", []],
    ["nested curly inside straight is one quote", '"He called it “bad” today," she said.', [{ text: "He called it “bad” today,", closed: true, continues: -1 }]],
  ];
  for (const [name, text, want] of cases) {
    it(name, () => assert.deepEqual(spans(text), want));
  }
});

describe("a quote written as a title (decision 027)", () => {
  const cases: [string, string, boolean][] = [
    ["a book title", "She wrote “A Time for Truth,” a memoir of the war.", true],
    ["a show with an all-caps word", "He played in “Harbour Nights Unplugged,” on Fridays.", true],
    ["a title with a comma inside", "The paper ran “So, That Happened.” on its front page.", true],
    ["a slogan", "The crowd chanted “Keep The Ferry Running.” for hours.", true],
    // negative rows
    ["a sentence in lower case", "“We are not done yet,” she said.", false],
    ["one capitalised word is no title", "“Yes,” she said.", false],
    ["a sentence that opens with names", "“Ann Ruiz told Tom Reyes the ferry would sail,” she said.", false],
    ["nine words is too long for a title", "“One Two Three Four Five Six Seven Eight Nine,” she said.", false],
  ];
  for (const [name, text, want] of cases) {
    it(name, () => assert.equal(looksLikeTitle(text, findQuoteSpans(makeDoc(text))[0]!), want));
  }
});
