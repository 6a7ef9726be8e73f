import { strict as assert } from "node:assert";
import { makeDoc, sentenceAt } from "../../src/nlp/document";

const sentences = (text: string) => makeDoc(text).sentences.map((s) => text.slice(s.start, s.end));

describe("sentence splitter", () => {
  const cases: [string, string, string[]][] = [
    ["two plain sentences", "Peace is near. Talks resume today.", ["Peace is near.", "Talks resume today."]],
    ["U.S. inside a sentence", "The U.S. mainland is far. Nobody disputes it.", ["The U.S. mainland is far.", "Nobody disputes it."]],
    ["U.S. before a title word stays", "He met the U.S. President on Friday.", ["He met the U.S. President on Friday."]],
    ["U.S. ending a sentence", "Trade fell with the U.S. The talks stalled.", ["Trade fell with the U.S.", "The talks stalled."]],
    ["honorifics", "Mr. Smith and Dr. Jones met Gen. Lee. They talked.", ["Mr. Smith and Dr. Jones met Gen. Lee.", "They talked."]],
    ["initials", "J. K. Rowling spoke. Fans cheered.", ["J. K. Rowling spoke.", "Fans cheered."]],
    ["closing quote after the period", "“We are ready.” He left.", ["“We are ready.”", "He left."]],
    ["question and exclamation", "Is it over? No! It goes on.", ["Is it over?", "No!", "It goes on."]],
    ["lowercase after a period does not split", "It cost 3.5 billion dollars. e.g. more.", ["It cost 3.5 billion dollars. e.g. more."]],
    ["no final period", "Kim Jong-un says peace depends on the US", ["Kim Jong-un says peace depends on the US"]],
    ["paragraphs never share a sentence", "First line\nSecond line.", ["First line", "Second line."]],
    ["blank lines are not paragraphs", "A.\n\n\nB.", ["A.", "B."]],
    ["empty text", "", []],
  ];
  for (const [name, text, want] of cases) {
    it(name, () => assert.deepEqual(sentences(text), want));
  }

  it("offsets point into the untouched text", () => {
    const text = "  Lead.  Next one.\r\n\r\nLast";
    const doc = makeDoc(text);
    for (const s of doc.sentences) assert.equal(text.slice(s.start, s.end).trim(), text.slice(s.start, s.end));
    assert.equal(doc.paragraphs.length, 2);
    assert.equal(sentenceAt(doc, text.indexOf("Next")), 1);
    assert.equal(sentenceAt(doc, 0), -1);
  });

  it("stays linear on a long paragraph (no quadratic blow-up)", () => {
    const text = "The U.S. Sen. said so. ".repeat(20000);
    const doc = makeDoc(text);
    assert.equal(doc.sentences.length, 20000);
  });
});
