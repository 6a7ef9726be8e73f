// Page data for reviewing: one statement with its paragraph and history, the queue, the conflicts a
// re-extraction left, and the trail as an export. Plain data, as in src/web/pages.ts.
import type { Db } from "../store/db";
import { notFound } from "../errors";
import { getSource } from "../store/sources";
import { countQuotes, getQuote, searchQuotes, type QuoteFilter } from "../store/quotes";
import {
  conflictReviews, countConflictReviews, countEvents, eventsOf, exportEvents, reviewOfQuote, reviewerNames,
  type EventRow, type EventFilter,
} from "../store/reviews";
import { paragraphSpans } from "./highlight";
import { listing, quoteItem, sourceLabel, type Listing, type QuoteItem } from "./pages";
import { parsePage, parseQuoteFilter } from "./params";
import { badRequest } from "../errors";
import { urls, type Format } from "./urls";
import { KINDS, REJECT_REASONS, parseQuoteState, type Conflict, type Extracted, type QuoteState } from "../services/review-quotes";

type Query = Record<string, unknown>;

export interface HistoryItem {
  id: number;
  revision: number;
  created_at: string;
  reviewer: string;
  action: string;
  note: string;
  undoes: number | null;
  /** what this event changed, field by field */
  changes: { field: string; before: string; after: string }[];
}

function shown(v: unknown): string {
  if (v === undefined || v === null || v === "") return "—";
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.name === "string") return o.name;
    if (typeof o.start === "number") return `${o.start}–${String(o.end)}`;
    return JSON.stringify(v);
  }
  return String(v);
}

/** What a correction's field was before any correction: the machine's value. */
function machineValue(ex: Extracted | null, field: string): unknown {
  if (!ex) return undefined;
  switch (field) {
    case "speaker": return ex.speaker_canonical;
    case "span": return { start: ex.start, end: ex.end };
    case "kind": return ex.kind;
    case "cue": return ex.cue;
    case "via": return ex.via;
    default: return undefined;
  }
}

/** The fields an event changed (verdict, reason, note, each correction; an absent correction shows the machine's value). */
function changesOf(e: EventRow, extracted: Extracted | null): HistoryItem["changes"] {
  const b = JSON.parse(e.before) as Record<string, unknown>;
  const a = JSON.parse(e.after) as Record<string, unknown>;
  // carry-overs record { state, extracted, quote_id }
  const before = (b.state ?? b) as Partial<QuoteState>;
  const after = (a.state ?? a) as Partial<QuoteState>;
  const out: HistoryItem["changes"] = [];
  for (const f of ["verdict", "reason", "note"] as const) {
    if (shown(before[f]) !== shown(after[f])) out.push({ field: f, before: shown(before[f]), after: shown(after[f]) });
  }
  const bc = (before.corrections ?? {}) as Record<string, unknown>;
  const ac = (after.corrections ?? {}) as Record<string, unknown>;
  for (const f of new Set([...Object.keys(bc), ...Object.keys(ac)])) {
    if (JSON.stringify(bc[f]) !== JSON.stringify(ac[f])) {
      out.push({ field: f, before: shown(bc[f] ?? machineValue(extracted, f)), after: shown(ac[f] ?? machineValue(extracted, f)) });
    }
  }
  const bx = b.extracted as Extracted | undefined;
  const ax = a.extracted as Extracted | undefined;
  if (bx && ax) {
    if (bx.start !== ax.start || bx.end !== ax.end) out.push({ field: "extracted span", before: `${bx.start}–${bx.end}`, after: `${ax.start}–${ax.end}` });
    if (bx.speaker_canonical !== ax.speaker_canonical) out.push({ field: "extracted speaker", before: shown(bx.speaker_canonical), after: shown(ax.speaker_canonical) });
  }
  return out;
}

export function historyOf(events: EventRow[], extracted: Extracted | null = null): HistoryItem[] {
  return events.map((e) => ({
    id: e.id, revision: e.revision, created_at: e.created_at, reviewer: e.reviewer, action: e.action, note: e.note, undoes: e.undoes,
    changes: changesOf(e, extracted),
  }));
}

export interface ReviewActions {
  review: string;
  correct: string;
  undo: string;
  /** for the type-to-search speaker box */
  people_search: string;
}

export function reviewActions(id: number): ReviewActions {
  return { review: urls.quoteReview(id), correct: urls.quoteCorrect(id), undo: urls.quoteUndo(id), people_search: urls.peopleSearch() };
}

export interface QuoteData {
  quote: QuoteItem;
  source: { id: number; label: string; href: string; extractor_version: string; length: number };
  /** the paragraph holding the statement, as offsets into the article and its text */
  paragraph: { start: number; end: number; text: string };
  /** what the machine extracted, when a review keeps it (corrections differ from it) */
  extracted: Extracted | null;
  state: QuoteState | null;
  conflict: Conflict | null;
  history: HistoryItem[];
  reasons: readonly string[];
  kinds: readonly string[];
  actions: ReviewActions;
}

export function quoteData(db: Db, id: number): QuoteData {
  const q = getQuote(db, id);
  if (!q) throw notFound("statement");
  const s = getSource(db, q.source_id)!;
  const paras = paragraphSpans(s.text);
  const p = paras.find((x) => x.start <= q.start && q.start < x.end) ?? { start: q.start, end: q.end };
  const end = Math.max(p.end, Math.min(q.end, s.text.length));
  const review = reviewOfQuote(db, id);
  return {
    quote: quoteItem(q),
    source: { id: s.id, label: sourceLabel(s), href: urls.source(s.id), extractor_version: s.extractor_version, length: s.text.length },
    paragraph: { start: p.start, end, text: s.text.slice(p.start, end) },
    extracted: review ? (JSON.parse(review.extracted) as Extracted) : null,
    state: review ? parseQuoteState(review.state) : null,
    conflict: review?.conflict ? (JSON.parse(review.conflict) as Conflict) : null,
    history: review ? historyOf(eventsOf(db, review.id), JSON.parse(review.extracted) as Extracted) : [],
    reasons: REJECT_REASONS,
    kinds: KINDS,
    actions: reviewActions(id),
  };
}

// ---- the queue ----

export const QUEUE_ORDERS = ["confidence", "source"] as const;

export interface QueueData extends Listing {
  filters: Record<string, string | number | null>;
  order: (typeof QUEUE_ORDERS)[number];
  quotes: (QuoteItem & { actions: ReviewActions })[];
  conflicts: number;
}

/** Statements to review (default: unreviewed), lowest confidence first or by source, with /quotes' filters. */
export function queueData(db: Db, query: Query, format: Format): QueueData {
  const parsed = parseQuoteFilter(query);
  const filter: QuoteFilter = { ...parsed, review: parsed.review ?? "unreviewed" };
  const orderRaw = typeof query.order === "string" && query.order !== "" ? query.order : "confidence";
  if (!(QUEUE_ORDERS as readonly string[]).includes(orderRaw)) throw badRequest("order", `must be one of ${QUEUE_ORDERS.join(", ")}`);
  const order = orderRaw as QueueData["order"];
  const { limit, offset } = parsePage(query, format, 25);
  const params = {
    person: filter.person, source: filter.source, kind: filter.kind, q: filter.q, speaker: filter.speakerNone ? "none" : null,
    review: filter.review === "unreviewed" ? null : filter.review ?? null, order: order === "confidence" ? null : order,
  };
  const total = countQuotes(db, filter);
  return {
    filters: params,
    order,
    ...listing(total, limit, offset, (o) => urls.reviewQueue({ ...params, limit: query.limit ? limit : null, offset: o || null }, format)),
    quotes: searchQuotes(db, filter, limit, offset, order).map((q) => ({ ...quoteItem(q), actions: reviewActions(q.id) })),
    conflicts: countConflictReviews(db),
  };
}

// ---- conflicts left by re-extraction ----

export interface ConflictItem {
  review_id: number;
  conflict: Conflict;
  quote: QuoteItem | null;
  resolve: string;
  revision: number;
}

export interface ReviewConflictsData extends Listing {
  conflicts: ConflictItem[];
}

export function reviewConflictsData(db: Db, query: Query, format: Format): ReviewConflictsData {
  const { limit, offset } = parsePage(query, format);
  const total = countConflictReviews(db);
  return {
    ...listing(total, limit, offset, (o) => `${urls.reviewConflicts(format)}${o ? `?offset=${o}` : ""}`),
    conflicts: conflictReviews(db, limit, offset).map((r) => {
      const q = r.quote_id === null ? undefined : getQuote(db, r.quote_id);
      return {
        review_id: r.id, conflict: JSON.parse(r.conflict!) as Conflict, quote: q ? quoteItem(q) : null,
        resolve: urls.resolveConflict(r.id), revision: r.revision,
      };
    }),
  };
}

// ---- the trail ----

export interface ReviewsData extends Listing {
  filters: EventFilter;
  reviewers: string[];
  events: (ReturnType<typeof exportEvents>[number] & { item_href: string | null })[];
}

export const REVIEW_CSV_COLUMNS = [
  "id", "created_at", "reviewer", "subject", "item_id", "current_item_id", "review_id", "revision", "source_id", "source_title", "action", "note",
  "undoes", "before", "after", "item_text",
] as const;

export function reviewsData(db: Db, query: Query, format: Format): ReviewsData {
  const source = typeof query.source === "string" && query.source !== "" ? query.source : undefined;
  if (source !== undefined && !/^[1-9][0-9]{0,14}$/.test(source)) throw badRequest("source", "must be a source id (a positive whole number)");
  const reviewer = typeof query.reviewer === "string" && query.reviewer.trim() !== "" ? query.reviewer.trim() : undefined;
  if (reviewer !== undefined && reviewer.length > 100) throw badRequest("reviewer", "is too long");
  const subject = typeof query.subject === "string" && query.subject !== "" ? query.subject : undefined;
  if (subject !== undefined && subject !== "quote" && subject !== "claim") throw badRequest("subject", "must be quote or claim");
  const filter: EventFilter = { source: source ? Number(source) : null, reviewer: reviewer ?? null, subject: (subject as EventFilter["subject"]) ?? null };
  const { limit, offset } = parsePage(query, format);
  const total = countEvents(db, filter);
  return {
    filters: filter,
    reviewers: reviewerNames(db),
    ...listing(total, limit, offset, (o) => urls.reviews({ ...filter, limit: query.limit ? limit : null, offset: o || null }, format)),
    events: exportEvents(db, filter, limit, offset).map((e) => ({
      ...e, item_href: e.subject === "quote" && e.current_item_id !== null ? urls.quote(e.current_item_id) : null,
    })),
  };
}
