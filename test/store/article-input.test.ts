import assert from "node:assert/strict";
import { parseArticleInput, MAX_TEXT_BYTES } from "../../src/services/article-input";
import { AppError } from "../../src/errors";

const ok = { text: "Someone said something." };

const rejected: { name: string; input: unknown; status: number; field: string }[] = [
  { name: "no body", input: null, status: 400, field: "body" },
  { name: "an array", input: [ok], status: 400, field: "body" },
  { name: "missing text", input: { title: "x" }, status: 400, field: "text" },
  { name: "text not a string", input: { text: 42 }, status: 400, field: "text" },
  { name: "repeated text field", input: { text: ["a", "b"] }, status: 400, field: "text" },
  { name: "empty text", input: { text: "" }, status: 400, field: "text" },
  { name: "whitespace-only text", input: { text: " \n\t \r\n" }, status: 400, field: "text" },
  { name: "NUL in text", input: { text: "abc\u0000def" }, status: 400, field: "text" },
  { name: "other control character", input: { text: "abc\u0007def" }, status: 400, field: "text" },
  { name: "lone surrogate", input: { text: "abc\uD800def" }, status: 400, field: "text" },
  { name: "text over 2 MB", input: { text: "a".repeat(MAX_TEXT_BYTES + 1) }, status: 413, field: "text" },
  { name: "multi-byte text over 2 MB", input: { text: "é".repeat(MAX_TEXT_BYTES / 2 + 1) }, status: 413, field: "text" },
  { name: "javascript: url", input: { ...ok, url: "javascript:alert(1)" }, status: 400, field: "url" },
  { name: "ftp url", input: { ...ok, url: "ftp://example.com/x" }, status: 400, field: "url" },
  { name: "not a url", input: { ...ok, url: "example dot com" }, status: 400, field: "url" },
  { name: "date in another format", input: { ...ok, published: "01/03/2024" }, status: 400, field: "published" },
  { name: "impossible date", input: { ...ok, published: "2024-02-30" }, status: 400, field: "published" },
  { name: "date with time", input: { ...ok, published: "2024-02-03T10:00" }, status: 400, field: "published" },
  { name: "over-long title", input: { ...ok, title: "t".repeat(501) }, status: 400, field: "title" },
  { name: "over-long outlet", input: { ...ok, outlet: "o".repeat(201) }, status: 400, field: "outlet" },
  { name: "title with a line break", input: { ...ok, title: "a\nb" }, status: 400, field: "title" },
  { name: "title not a string", input: { ...ok, title: { x: 1 } }, status: 400, field: "title" },
];

describe("services: article input validation", () => {
  for (const c of rejected) {
    it(`rejects ${c.name} with ${c.status} naming ${c.field}`, () => {
      assert.throws(() => parseArticleInput(c.input), (e: unknown) => {
        assert.ok(e instanceof AppError);
        assert.equal(e.status, c.status);
        assert.ok(c.field in e.fields, `fields: ${JSON.stringify(e.fields)}`);
        assert.match(e.message, new RegExp(`^${c.field}:|; ${c.field}:`));
        return true;
      });
    });
  }

  const accepted: { name: string; input: Record<string, unknown>; expect: Record<string, string> }[] = [
    { name: "text only", input: ok, expect: { title: "", outlet: "", url: "", published: "" } },
    { name: "blank optional fields", input: { ...ok, title: " ", url: "", published: "" }, expect: { title: "", url: "", published: "" } },
    { name: "null optional fields", input: { ...ok, title: null, outlet: null }, expect: { title: "", outlet: "" } },
    { name: "all fields, trimmed", input: { ...ok, title: " T ", outlet: "O", url: "https://example.com/a?b=1", published: "2024-02-29" }, expect: { title: "T", outlet: "O", url: "https://example.com/a?b=1", published: "2024-02-29" } },
    { name: "tabs and line breaks in text", input: { text: "a\tb\r\nc" }, expect: { text: "a\tb\nc" } },
    { name: "exactly 2 MB", input: { text: "a".repeat(MAX_TEXT_BYTES) }, expect: {} },
    { name: "unknown fields ignored", input: { ...ok, extra: "\u0000" }, expect: { text: ok.text } },
  ];
  for (const c of accepted) {
    it(`accepts ${c.name}`, () => {
      const parsed = parseArticleInput(c.input) as unknown as Record<string, string>;
      for (const [k, v] of Object.entries(c.expect)) assert.equal(parsed[k], v, k);
      assert.ok(!("extra" in parsed));
    });
  }
});
