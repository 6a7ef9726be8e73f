// Presentation for the review pages and the source page as a review surface: speaker colours, the
// statement numbers within an article, the marks for speaker mentions and cues, status words.
import type { Db } from "../store/db";
import type { AppError } from "../errors";
import type { QuoteItem } from "./pages";
import { quoteFilterOptions } from "./pages";
import { highlight, paragraphSpans, type HighlightSpan } from "./highlight";
import type { QueueData, QuoteData, ReviewConflictsData, ReviewsData } from "./review-pages";
import { reviewActions } from "./review-pages";
import { REJECT_REASONS } from "../services/review-quotes";
import { QUOTE_KINDS } from "./params";
import { REVIEW_FILTERS } from "../store/quotes";
import { urls } from "./urls";

/** How many speaker colours the stylesheet has (sp-0 … sp-9); more speakers reuse them. */
export const SPEAKER_COLOURS = 10;

const STATUS_TEXT: Record<string, string> = {
  unreviewed: "unreviewed", confirmed: "confirmed", rejected: "rejected", "needs-check": "needs check",
};

export function speakerLabel(q: Pick<QuoteItem, "person_name" | "speaker_canonical" | "speaker_mention" | "speaker_kind">): string {
  const who = q.person_name ?? q.speaker_canonical ?? q.speaker_mention;
  if (!who) return q.speaker_kind === "anonymous" ? "anonymous" : "no speaker";
  return who;
}

function speakerKey(q: QuoteItem): string {
  if (q.person_id !== null) return `p${q.person_id}`;
  const who = q.speaker_canonical ?? q.speaker_mention;
  return who ? `n:${who.toLowerCase()}` : "none";
}

export interface Speaker {
  key: string;
  name: string;
  href: string | null;
  colour: number;
  count: number;
}

/** The speakers of an article's statements, in order of first statement, each with a colour. */
export function speakersOf(quotes: QuoteItem[]): Map<string, Speaker> {
  const out = new Map<string, Speaker>();
  for (const q of [...quotes].sort((a, b) => a.start - b.start || a.id - b.id)) {
    const key = speakerKey(q);
    const s = out.get(key);
    if (s) s.count++;
    else out.set(key, { key, name: speakerLabel(q), href: q.person_href, colour: key === "none" ? -1 : out.size % SPEAKER_COLOURS, count: 1 });
  }
  return out;
}

const QUOTE_MARKS = new Set(["\"", "“", "”", "„", "«", "»", "‘", "’", "'"]);

/** A direct quote's mark includes its quote marks, so the speaker chip after it sits outside them. */
function displaySpan(text: string, q: QuoteItem): { start: number; end: number } {
  let start = q.start;
  let end = q.end;
  if (q.kind === "direct") {
    if (start > 0 && QUOTE_MARKS.has(text[start - 1]!)) start--;
    if (end < text.length && QUOTE_MARKS.has(text[end]!)) end++;
  }
  return { start, end };
}

function colourClass(s: Speaker | undefined): string {
  return s && s.colour >= 0 ? `sp-${s.colour}` : "sp-none";
}

/** The article's statements as highlight spans (numbered, coloured by speaker) with their mentions and cues marked. */
export function statementSpans(text: string, quotes: (QuoteItem & { number: number })[], speakers: Map<string, Speaker>): HighlightSpan[] {
  const out: HighlightSpan[] = [];
  const marked = new Set<string>();
  const mark = (m: HighlightSpan): void => {
    const key = `${m.start}:${m.end}:${m.classes.join(" ")}`;
    if (!marked.has(key)) out.push(m);
    marked.add(key);
  };
  for (const q of quotes) {
    const sp = speakers.get(speakerKey(q));
    const cls = colourClass(sp);
    const { start, end } = displaySpan(text, q);
    out.push({
      start, end, type: "q", id: q.id,
      classes: [q.kind, cls, `st-${q.review_status}`],
      title: `${q.number}. ${q.kind} · ${speakerLabel(q)}${q.cue ? ` · cue: ${q.cue}` : ""}${q.via ? ` · via ${q.via}` : ""} · ${STATUS_TEXT[q.review_status] ?? q.review_status}`,
      label: { text: `${q.number} ${speakerLabel(q)}`, href: `#row-q-${q.id}`, className: `chip ${cls}` },
    });
    if (q.speaker_start !== null && q.speaker_end !== null && q.speaker_end > q.speaker_start && (q.speaker_end <= start || q.speaker_start >= end)) {
      mark({ start: q.speaker_start, end: q.speaker_end, type: "m", id: q.id, classes: ["mention", cls], title: `speaker of ${q.number}`, label: null });
    }
    if (q.cue_start !== null && q.cue_end !== null && q.cue_end > q.cue_start && (q.cue_end <= start || q.cue_start >= end)) {
      mark({ start: q.cue_start, end: q.cue_end, type: "m", id: q.id, classes: ["cue"], title: `cue of ${q.number}`, label: null });
    }
  }
  return out;
}

/** The article as paragraphs with their offsets (the selection script turns a selection into a span). */
export function paragraphsOf(text: string, spans: HighlightSpan[]): { start: number; html: string }[] {
  const html = highlight(text, spans);
  return paragraphSpans(text).map((p, i) => ({ start: p.start, html: html[i]! }));
}

export function reviewItem<T extends QuoteItem>(q: T, number: number | null, next: string, speakers?: Map<string, Speaker>) {
  const sp = speakers?.get(speakerKey(q));
  return {
    ...q,
    number,
    speaker_label: speakerLabel(q),
    /** a direct quote in quote marks; a reported clause as it stands (its own marks are in the text) */
    display_text: q.kind === "direct" ? `“${q.text}”` : q.text,
    colour_class: colourClass(sp),
    status_text: STATUS_TEXT[q.review_status] ?? q.review_status,
    status_class: `st-${q.review_status}`,
    confidence_pct: Math.round(q.confidence * 100),
    actions: reviewActions(q.id),
    next,
    row_id: `row-q-${q.id}`,
  };
}

export const REASONS = REJECT_REASONS;

export function quoteView(d: QuoteData, error: AppError | null) {
  const q = d.quote;
  const p = d.paragraph;
  const item = reviewItem(q, null, urls.quote(q.id));
  const local = { ...q, start: q.start - p.start, end: q.end - p.start,
    speaker_start: q.speaker_start === null ? null : q.speaker_start - p.start, speaker_end: q.speaker_end === null ? null : q.speaker_end - p.start,
    cue_start: q.cue_start === null ? null : q.cue_start - p.start, cue_end: q.cue_end === null ? null : q.cue_end - p.start };
  const speakers = speakersOf([q]);
  const spans = statementSpans(p.text, [{ ...local, number: 1 }], speakers).filter((s) => s.start >= 0 && s.end <= p.text.length);
  return {
    ...d,
    item,
    paragraph_html: highlight(p.text, spans).join(" "),
    paragraph_start: p.start,
    error: error?.message ?? null,
    fields: error?.fields ?? {},
    reasons: REASONS,
    kinds: QUOTE_KINDS.map((k) => ({ value: k, selected: k === q.kind })),
    corrections: d.state ? Object.keys(d.state.corrections) : [],
    history: [...d.history].reverse(),
    json_href: urls.quote(q.id, "json"),
    trail_href: urls.reviews({ source: q.source_id }),
  };
}

const MAX_MENU = 300;

export function queueView(d: QueueData, db: Db) {
  const options = quoteFilterOptions(db, MAX_MENU);
  const f = d.filters;
  const here = urls.reviewQueue({ ...f, offset: d.offset || null });
  return {
    ...d,
    quotes: d.quotes.map((q, i) => reviewItem(q, d.offset + i + 1, here)),
    // past a few hundred, a menu is too long to use (and to send): the id is typed instead
    people: options.people?.map((p) => ({ ...p, selected: p.id === f.person })) ?? null,
    sources: options.sources?.map((s) => ({ ...s, selected: s.id === f.source })) ?? null,
    kinds: QUOTE_KINDS.map((k) => ({ value: k, selected: k === f.kind })),
    reviews: REVIEW_FILTERS.map((r) => ({ value: r, selected: r === (f.review ?? "unreviewed") })),
    orders: [{ value: "confidence", text: "lowest confidence first", selected: d.order === "confidence" }, { value: "source", text: "by source", selected: d.order === "source" }],
    reasons: REASONS,
    range: d.total === 0 ? "none" : `${d.offset + 1}–${d.offset + d.quotes.length} of ${d.total}`,
    conflicts_href: urls.reviewConflicts(),
    json_href: urls.reviewQueue({ ...f }, "json"),
  };
}

export function reviewConflictsView(d: ReviewConflictsData) {
  return {
    ...d,
    conflicts: d.conflicts.map((c) => ({ ...c, quote: c.quote ? reviewItem(c.quote, null, urls.reviewConflicts()) : null })),
    json_href: urls.reviewConflicts("json"),
  };
}

export function reviewsView(d: ReviewsData) {
  const f = d.filters;
  return {
    ...d,
    reviewers: d.reviewers.map((r) => ({ value: r, selected: r === f.reviewer })),
    csv_href: urls.reviews({ ...f }, "csv"),
    json_href: urls.reviews({ ...f }, "json"),
  };
}
