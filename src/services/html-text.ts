// Plain text and title out of an HTML page: scripts and styles dropped, block elements become lines,
// entities decoded. Not a full HTML parser: good enough for saved news pages.

// no prototype: "&constructor;" in a page must stay as written, not become Object's constructor
const NAMED: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: " ", ndash: "\u2013", mdash: "\u2014",
  lsquo: "\u2018", rsquo: "\u2019", ldquo: "\u201C", rdquo: "\u201D", sbquo: "\u201A", bdquo: "\u201E",
  laquo: "\u00AB", raquo: "\u00BB", hellip: "\u2026", copy: "\u00A9", reg: "\u00AE", trade: "\u2122",
  euro: "\u20AC", pound: "\u00A3", middot: "\u00B7", bull: "\u2022", shy: "", zwj: "", zwnj: "",
});

function codePoint(n: number): string {
  // no controls (they would make the text look binary), no surrogates, nothing out of range
  if (!Number.isFinite(n) || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return "\uFFFD";
  if (n === 9 || n === 10 || n === 13) return " ";
  if (n < 32 || (n >= 0x7f && n < 0xa0)) return "";
  return String.fromCodePoint(n);
}

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,8}|#[0-9]{1,10}|[a-z][a-z0-9]{1,31});/gi, (all, body: string) => {
    if (body[0] === "#") {
      const hex = body[1] === "x" || body[1] === "X";
      return codePoint(parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10));
    }
    return NAMED[body.toLowerCase()] ?? all;
  });
}

const DROP = /<(script|style|noscript|template|svg|iframe|object|head|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const BLOCK = /<\/?(p|div|br|li|ul|ol|h[1-6]|tr|table|article|section|header|footer|blockquote|pre|figure|figcaption|hr|dd|dt|main|aside|nav)\b[^>]*>/gi;

export interface HtmlText {
  title: string;
  text: string;
}

export function htmlToText(html: string): HtmlText {
  const titleMatch = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html);
  const title = titleMatch ? decodeEntities(titleMatch[1]!.replace(/<[^>]*>/g, "")).replace(/\s+/g, " ").trim() : "";
  const bodyText = html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(DROP, "")
    .replace(BLOCK, "\n")
    .replace(/<[^>]*>/g, "");
  const lines = decodeEntities(bodyText)
    .split(/\r?\n|\r/)
    .map((l) => l.replace(/[ \t\f\v\u00A0]+/g, " ").trim())
    .filter((l) => l !== "");
  return { title, text: lines.join("\n") };
}
