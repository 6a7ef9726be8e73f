// The article as HTML paragraphs with quote and claim spans marked, built from offsets by a boundary
// sweep: the text is sliced at every span and paragraph boundary and every slice is escaped. Spans may
// nest or overlap (a mixed quote holding a claim); marks are closed and reopened so the HTML stays
// well formed. Never string replacement on the text.
import { escapeHtml } from "./escape";

export interface HighlightSpan {
  start: number;
  end: number;
  /** "q" for quotes, "c" for claims: with id, gives the anchor id ("q-12"); "m" marks words (a speaker mention, a cue) without an id */
  type: "q" | "c" | "m";
  id: number;
  /** extra CSS classes (already safe identifiers) */
  classes: string[];
  /** tooltip text */
  title: string;
  /** shown right after the span (none for markers) */
  label: { text: string; href: string | null; className: string } | null;
}

/** The non-blank lines of the text, trimmed, as [start, end) offsets. */
export function paragraphSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[^\r\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let start = m.index;
    let end = start + m[0].length;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}

function isValid(span: HighlightSpan, length: number): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.end > span.start && span.end <= length;
}

function order(a: HighlightSpan, b: HighlightSpan): number {
  return a.start - b.start || b.end - a.end || (a.type === b.type ? 0 : RANK[a.type] - RANK[b.type]) || a.id - b.id;
}

const RANK = { c: 0, q: 1, m: 2 } as const;
const BASE = { q: ["quote"], c: ["claim"], m: [] } as const;

function openTag(span: HighlightSpan, first: boolean): string {
  const classes = [...BASE[span.type], ...span.classes, ...(first ? [] : ["cont"])].map(escapeHtml).join(" ");
  const id = first && span.type !== "m" ? ` id="${span.type}-${span.id}"` : "";
  return `<mark class="${classes}"${id} title="${escapeHtml(span.title)}">`;
}

function labelHtml(span: HighlightSpan): string {
  if (!span.label) return "";
  const { text, href, className } = span.label;
  const cls = escapeHtml(className);
  return href
    ? `<a class="${cls}" href="${escapeHtml(href)}">${escapeHtml(text)}</a>`
    : `<span class="${cls}">${escapeHtml(text)}</span>`;
}

/** One HTML string per paragraph. Spans with offsets outside the text are ignored. */
export function highlight(text: string, spans: HighlightSpan[]): string[] {
  const valid = spans.filter((s) => isValid(s, text.length)).sort(order);
  const opened = new Set<HighlightSpan>();
  const out: string[] = [];
  for (const p of paragraphSpans(text)) {
    const inside = valid.filter((s) => s.start < p.end && s.end > p.start);
    const cuts = new Set<number>([p.start, p.end]);
    for (const s of inside) {
      cuts.add(Math.max(s.start, p.start));
      cuts.add(Math.min(s.end, p.end));
    }
    const bounds = [...cuts].sort((a, b) => a - b);
    let html = "";
    let stack: HighlightSpan[] = [];
    const closeTo = (depth: number, at: number): void => {
      while (stack.length > depth) {
        const s = stack.pop()!;
        html += "</mark>";
        if (s.end <= at) html += labelHtml(s);
      }
    };
    for (let i = 0; i + 1 < bounds.length; i++) {
      const from = bounds[i]!;
      const to = bounds[i + 1]!;
      const want = inside.filter((s) => s.start <= from && s.end >= to);
      let keep = 0;
      while (keep < stack.length && keep < want.length && stack[keep] === want[keep]) keep++;
      closeTo(keep, from);
      stack = stack.slice(0, keep);
      for (const s of want.slice(keep)) {
        html += openTag(s, !opened.has(s));
        opened.add(s);
        stack.push(s);
      }
      html += escapeHtml(text.slice(from, to));
    }
    closeTo(0, p.end);
    out.push(html);
  }
  return out;
}
