// Plain text and title out of an HTML page: scripts and styles dropped, block elements become lines,
// entities decoded. Not a full HTML parser: good enough for saved news pages.

import type { Readability as ReadabilityClass } from "@mozilla/readability";
import type { parseHTML as ParseHTML } from "linkedom";

// loaded on the first HTML page read: the two packages hold ~23 MB of a server's memory, which a
// server answering pages and exports never needs (decision 022)
let dom: { Readability: typeof ReadabilityClass; parseHTML: typeof ParseHTML } | null = null;
function loadDom(): NonNullable<typeof dom> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return (dom ??= {
    Readability: (require("@mozilla/readability") as typeof import("@mozilla/readability")).Readability,
    parseHTML: (require("linkedom") as typeof import("linkedom")).parseHTML,
  });
}

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

/**
 * The article of a saved web page: @mozilla/readability over a linkedom DOM finds the main content
 * (menus, footers, asides dropped), scripts, styles and embedded objects are removed first, and the
 * content is reduced to lines of text as above. Falls back to the whole page's text when no article
 * is found.
 */
export function articleFromHtml(html: string): HtmlText {
  const whole = htmlToText(html);
  const { Readability, parseHTML } = loadDom();
  try {
    // linkedom's types are the DOM lib's, which this Node project does not load: read it loosely
    const document = (parseHTML(html) as unknown as { document: { querySelectorAll(s: string): Iterable<{ remove(): void }> } }).document;
    for (const el of document.querySelectorAll("script, style, noscript, template, iframe, object, embed, svg")) el.remove();
    const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
    const text = article?.content ? htmlToText(article.content).text : "";
    if (!text.trim()) return whole;
    const title = (article?.title ?? "").replace(/\s+/g, " ").trim();
    return { title: title || whole.title, text };
  } catch {
    return whole;
  }
}
