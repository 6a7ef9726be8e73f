import { strict as assert } from "node:assert";
import { makeDoc } from "../../src/nlp/document";
import { findQuoteSpans, looksLikeStatement, looksLikeTitle } from "../../src/nlp/quotes";

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
    // marks typed wrong (issue 12)
    ["three apostrophes close an inner quote, then the double one", "''We were told, 'The pier is safe,''' Ann Ruiz said.", [
      { text: "We were told, 'The pier is safe,'", closed: true, continues: -1 }]],
    ["three apostrophes, then a second quote in the paragraph", "''They said, 'Wait,''' she said. ''We waited.''", [
      { text: "They said, 'Wait,'", closed: true, continues: -1 }, { text: "We waited.", closed: true, continues: -1 }]],
    ["a possessive before the closing apostrophes", "''We back the players''' she said.", [{ text: "We back the players'", closed: true, continues: -1 }]],
    ["a closing curly mark typed as an opening one", "“We will not sell the ferry.“ Ann Ruiz said it twice.", [
      { text: "We will not sell the ferry.", closed: true, continues: -1 }]],
    ["a mistyped close at the paragraph's end", "She said: “The ferry stays.“\nPlain text.", [{ text: "The ferry stays.", closed: true, continues: -1 }]],
    ["a straight quote closed by a mistyped curly opening mark", '"The ferry stays, for now,“ she said.', [{ text: "The ferry stays, for now,", closed: true, continues: -1 }]],
    // one quote, two styles of mark: the other style closes it after a statement's punctuation
    ["a straight quote closed by a curly mark", '"We are ready,” she said.', [{ text: "We are ready,", closed: true, continues: -1 }]],
    ["a curly quote closed by a straight mark", "“We are ready,\" she said. “We sail at noon.”", [
      { text: "We are ready,", closed: true, continues: -1 }, { text: "We sail at noon.", closed: true, continues: -1 }]],
    ["a straight quote nested in a curly one", "“He called it \"bad,\" today,” she said.", [{ text: "He called it \"bad,\" today,", closed: true, continues: -1 }]],
    ["an inch mark inside a curly quote closes nothing", "“It was a 5\" pipe, no more,” she said.", [{ text: "It was a 5\" pipe, no more,", closed: true, continues: -1 }]],
    ["a curly close after a word, not punctuation, keeps the straight quote open", '"The ferry” is what she said."', [{ text: "The ferry” is what she said.", closed: true, continues: -1 }]],
    // negative rows: apostrophes open nothing, and an opening mark before a word still opens
    ["rock 'n' roll, the '90s, O'Neill and a possessive open no quote", "In the '90s O'Neill sold rock 'n' roll to the players' union.", []],
    ["apostrophes inside a two-apostrophe quote do not close it", "''The players' union met O'Neill in the '90s,'' she said.", [
      { text: "The players' union met O'Neill in the '90s,", closed: true, continues: -1 }]],
    ["a possessive before a double apostrophe does not open a quote", "The players'' union met.", []],
    ["an opening mark before a word reopens, it closes nothing", "“We are ready. “We are going,” she said.", [{ text: "We are going,", closed: true, continues: -1 }]],
    ["an opening mark after a digit is no close", '"It was 5“ long, and wide," she said.', [{ text: "It was 5“ long, and wide,", closed: true, continues: -1 }]],
    ["a curly quote nested in a straight one is not closed early", '"He called it “bad.“ today," she said.', [{ text: "He called it “bad.“ today,", closed: true, continues: -1 }]],
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

describe("a quote that reads as a statement, its last mark an inner quote's (issue 12)", () => {
  const cases: [string, string, boolean][] = [
    ["an inner curly quote closes with the statement", "“We were told, ‘The pier is safe,’” she said.", true],
    ["an inner straight quote closes with the statement", "''We were told, 'The pier is safe,''' she said.", true],
    ["a full stop inside the inner quote", "“They told us ‘Go home.’” she said.", true],
    // negative rows
    ["a short phrase ending in an inner quote without punctuation", "He called it “the ‘big’ plan” then.", false],
    ["a possessive at the end is no sentence end", "He called it “the players’” deal.", false],
  ];
  for (const [name, text, want] of cases) {
    it(name, () => assert.equal(looksLikeStatement(text, findQuoteSpans(makeDoc(text))[0]!), want));
  }
});
