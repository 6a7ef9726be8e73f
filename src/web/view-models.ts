// Presentation extras for the HTML pages, computed from the same page data as the JSON and CSV twins.
import type { ClaimItem, ClaimsData, QuoteItem, QuotesData, SourceData } from "./pages";
import { highlight, type HighlightSpan } from "./highlight";
import { QUOTE_KINDS } from "./params";
import { urls } from "./urls";

const KIND_CLASS: Record<string, string> = { direct: "direct", mixed: "mixed", indirect: "indirect" };

/** Who a quote is attributed to, in words. */
export function speakerLabel(q: Pick<QuoteItem, "person_name" | "speaker_canonical" | "speaker_mention" | "speaker_kind">): string {
  const who = q.person_name ?? q.speaker_canonical ?? q.speaker_mention;
  if (!who) return q.speaker_kind === "anonymous" ? "anonymous" : "no speaker";
  if (q.speaker_mention && q.speaker_mention !== who) return `${who} (“${q.speaker_mention}”)`;
  return who;
}

function quoteSpan(q: QuoteItem): HighlightSpan {
  return {
    start: q.start,
    end: q.end,
    type: "q",
    id: q.id,
    classes: [KIND_CLASS[q.kind] ?? "other"],
    title: `${q.kind} quote · ${speakerLabel(q)}${q.cue ? ` · cue: ${q.cue}` : ""}${q.via ? ` · via ${q.via}` : ""}`,
    label: { text: speakerLabel(q), href: q.person_href, className: q.person_href ? "speaker" : "speaker none" },
  };
}

function claimSpan(c: ClaimItem): HighlightSpan {
  return {
    start: c.start,
    end: c.end,
    type: "c",
    id: c.id,
    classes: [],
    title: `${c.reason}: ${c.explanation}`,
    label: { text: c.reason, href: null, className: "flag" },
  };
}

function decorateQuote(q: QuoteItem) {
  return { ...q, speaker_label: speakerLabel(q), row_id: `row-q-${q.id}`, confidence_pct: Math.round(q.confidence * 100) };
}

export function sourceView(data: SourceData) {
  return {
    ...data,
    paragraphs: highlight(data.source.text, [...data.quotes.map(quoteSpan), ...data.claims.map(claimSpan)]),
    quotes: data.quotes.map(decorateQuote),
    json_href: urls.source(data.source.id, "json"),
    quotes_href: urls.quotes({ source: data.source.id }),
    claims_href: urls.claims({ source: data.source.id }),
  };
}

export function quotesView(
  data: QuotesData,
  options: { people: { id: number; name: string }[]; sources: { id: number; label: string }[] },
) {
  const f = data.filters;
  return {
    ...data,
    quotes: data.quotes.map(decorateQuote),
    people: options.people.map((p) => ({ ...p, selected: p.id === f.person })),
    sources: options.sources.map((s) => ({ ...s, selected: s.id === f.source })),
    kinds: QUOTE_KINDS.map((k) => ({ value: k, selected: k === f.kind })),
    speaker_none: f.speaker === "none",
    range: rangeText(data.total, data.offset, data.quotes.length),
    json_href: urls.quotes(f, "json"),
    csv_href: urls.quotes(f, "csv"),
  };
}

export function claimsView(data: ClaimsData, options: { reasons: string[]; sources: { id: number; label: string }[] }) {
  const f = data.filters;
  return {
    ...data,
    reasons: options.reasons.map((r) => ({ value: r, selected: r === f.reason })),
    sources: options.sources.map((s) => ({ ...s, selected: s.id === f.source })),
    range: rangeText(data.total, data.offset, data.claims.length),
    json_href: urls.claims({ ...f }, "json"),
    csv_href: urls.claims({ ...f }, "csv"),
  };
}

function rangeText(total: number, offset: number, shown: number): string {
  if (total === 0) return "none";
  if (shown === 0) return `none of ${total} on this page`;
  return `${offset + 1}–${offset + shown} of ${total}`;
}
