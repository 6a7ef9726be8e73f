import assert from "node:assert/strict";
import { highlight, paragraphSpans, type HighlightSpan } from "../../src/web/highlight";

function span(type: "q" | "c", id: number, start: number, end: number, label = `L${id}`): HighlightSpan {
  return { type, id, start, end, classes: type === "q" ? ["direct"] : [], title: `t${id}`, label: { text: label, href: null, className: "lbl" } };
}
const O = (s: HighlightSpan, first = true) =>
  `<mark class="${s.type === "q" ? "quote direct" : "claim"}${first ? "" : " cont"}"${first ? ` id="${s.type}-${s.id}"` : ""} title="t${s.id}">`;
const L = (s: HighlightSpan) => `<span class="lbl">${s.label!.text}</span>`;
const C = "</mark>";

describe("web: highlighting spans in the article", () => {
  const q1 = span("q", 1, 4, 9);
  const inner = span("c", 2, 5, 7);
  const overlapA = span("q", 3, 0, 6);
  const overlapB = span("c", 4, 3, 9);
  const cases: { name: string; text: string; spans: HighlightSpan[]; html: string[] }[] = [
    { name: "no spans", text: "Hello world", spans: [], html: ["Hello world"] },
    { name: "one span", text: "Say hello now", spans: [q1], html: [`Say ${O(q1)}hello${C}${L(q1)} now`] },
    { name: "nested spans", text: "Say hello now", spans: [inner, q1], html: [`Say ${O(q1)}h${O(inner)}el${C}${L(inner)}lo${C}${L(q1)} now`] },
    {
      name: "overlapping spans are closed and reopened",
      text: "abcdefghij",
      spans: [overlapB, overlapA],
      html: [`${O(overlapA)}abc${O(overlapB)}def${C}${C}${L(overlapA)}${O(overlapB, false)}ghi${C}${L(overlapB)}j`],
    },
    {
      name: "a span across paragraphs",
      text: "ab\ncd",
      spans: [span("q", 5, 1, 4)],
      html: [`a${O(span("q", 5, 1, 4))}b${C}`, `${O(span("q", 5, 1, 4), false)}c${C}${L(span("q", 5, 1, 4))}d`],
    },
    { name: "escapes text and labels", text: "<b>&\"'", spans: [span("q", 6, 0, 3, "<i>")], html: [`${O(span("q", 6, 0, 3))}&lt;b&gt;${C}<span class="lbl">&lt;i&gt;</span>&amp;&quot;&#39;`] },
    { name: "ignores spans outside the text", text: "abc", spans: [span("q", 7, 2, 9), span("q", 8, -1, 2), span("q", 9, 2, 2), span("q", 10, 1.5, 2)], html: ["abc"] },
    { name: "blank lines are not paragraphs", text: "a\n\n  \nb\n", spans: [], html: ["a", "b"] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(highlight(c.text, c.spans), c.html));
  }

  it("markers (type m) mark words without an id or a label, and nest inside a quote", () => {
    const m: HighlightSpan = { type: "m", id: 1, start: 0, end: 3, classes: ["mention"], title: "speaker of 1", label: null };
    const q = span("q", 2, 9, 15);
    const cue: HighlightSpan = { type: "m", id: 2, start: 10, end: 12, classes: ["cue"], title: "cue", label: null };
    assert.deepEqual(highlight("Ann said: hello.", [m, q, cue]), [
      `<mark class="mention" title="speaker of 1">Ann</mark> said:${O(q)} <mark class="cue" title="cue">he</mark>llo${C}${L(q)}.`,
    ]);
  });

  it("escapes attribute values and hrefs", () => {
    const s: HighlightSpan = { type: "q", id: 1, start: 0, end: 1, classes: ["x\" onclick=\"y"], title: "\"><script>", label: { text: "n", href: "/p?a=\"b\"", className: "c" } };
    const [html] = highlight("z", [s]);
    assert.ok(!html!.includes("\"><script>"));
    assert.ok(!html!.includes("onclick=\""));
    assert.ok(html!.includes("href=\"/p?a&#61;&quot;b&quot;\""));
  });

  it("splits paragraphs at line ends, trimming spaces", () => {
    assert.deepEqual(paragraphSpans(" ab \r\ncd"), [{ start: 1, end: 3 }, { start: 6, end: 8 }]);
  });

  it("keeps every character of every paragraph (property: stripping tags gives the escaped text back)", () => {
    const text = "He said \"we will\" <go>.\nThey & we, 'maybe'.";
    const spans = [span("q", 1, 9, 16), span("c", 2, 0, 30), span("q", 3, 12, 40)];
    const html = highlight(text, spans).map((p) => p.replace(/<span class="lbl">[^<]*<\/span>/g, "").replace(/<[^>]+>/g, ""));
    const expected = paragraphSpans(text).map((p) => text.slice(p.start, p.end).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;"));
    assert.deepEqual(html, expected);
  });
});
