// Query-string and path parameters: hostile input, parsed into typed filters or a 400 naming the field.
import { z } from "zod";
import { AppError, badRequest, notFound } from "../errors";
import { SPEAKER_KINDS, type QuoteKind, type SpeakerKind } from "../nlp/types";
import type { ClaimListFilter, PeopleListFilter, QuoteListFilter, SourceListFilter } from "../store/listings";
import { FtsQueryError, ftsQuery } from "../store/fts";
import { nameKey } from "../services/people";
import { REVIEW_FILTERS, type ReviewFilter } from "../store/quotes";
import { CLAIM_REVIEW_FILTERS, type ClaimFilter } from "../store/claims";
import type { Format } from "./urls";
import type { ConflictFilter, GroupLabelValue } from "../store/groups";
import { GROUP_LABELS } from "../compare";

export const QUOTE_KINDS: readonly QuoteKind[] = ["direct", "mixed", "indirect"];
const MAX_SEARCH = 200;
/** Offset paging, kept for the review helper's pages (/review, /review/conflicts, /reviews); the listings page by keyset (./paging.ts). */
export const PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
/** CSV is an export: by default it holds every matching row, up to this many. */
export const MAX_CSV_ROWS = 100_000;

type Query = Record<string, unknown>;

/** A path id: a positive integer, else the page does not exist. */
export function parseId(raw: string | undefined, what: string): number {
  if (raw === undefined || !/^[1-9][0-9]{0,14}$/.test(raw)) throw notFound(what);
  return Number(raw);
}

/** One string query parameter, "" and absent alike as undefined. Repeated parameters are refused. */
export function single(query: Query, name: string): string | undefined {
  const v = query[name];
  if (v === undefined) return undefined;
  if (typeof v !== "string") throw badRequest(name, "give this parameter once, as text");
  const t = v.trim();
  return t === "" ? undefined : t;
}

function optionalId(query: Query, name: string, what: string): number | null {
  const v = single(query, name);
  if (v === undefined) return null;
  if (!/^[1-9][0-9]{0,14}$/.test(v)) throw badRequest(name, `must be a ${what} id (a positive whole number)`);
  return Number(v);
}

function integer(query: Query, name: string, fallback: number, min: number, max: number): number {
  const v = single(query, name);
  if (v === undefined) return fallback;
  if (!/^[0-9]{1,15}$/.test(v) || Number(v) < min || Number(v) > max) {
    throw badRequest(name, `must be a whole number from ${min} to ${max}`);
  }
  return Number(v);
}

export interface Page {
  limit: number;
  offset: number;
}

/** limit and offset; `size` and `max` override the default page size and its ceiling (HTML and JSON). */
export function parsePage(query: Query, format: Format, size = PAGE_SIZE, max = MAX_PAGE_SIZE): Page {
  const csv = format === "csv";
  return {
    limit: integer(query, "limit", csv ? MAX_CSV_ROWS : size, 1, csv ? MAX_CSV_ROWS : max),
    offset: integer(query, "offset", 0, 0, Number.MAX_SAFE_INTEGER),
  };
}

/** The search box `q`: its text as given (for links) and the FTS5 expression it stands for. */
export interface Search {
  q: string | null;
  match: string | null;
}

export function parseSearch(query: Query): Search {
  const q = single(query, "q");
  if (q === undefined) return { q: null, match: null };
  if (q.length > MAX_SEARCH) throw badRequest("q", `is too long (at most ${MAX_SEARCH} characters)`);
  try {
    return { q, match: ftsQuery(q) };
  } catch (e) {
    if (e instanceof FtsQueryError) throw badRequest("q", e.message);
    throw e;
  }
}

function optionalText(query: Query, name: string, max = 200): string | null {
  const v = single(query, name);
  if (v === undefined) return null;
  if (v.length > max) throw badRequest(name, `is too long (at most ${max} characters)`);
  return v;
}

export interface QuoteQuery extends QuoteListFilter {
  q: string | null;
}

export function parseQuoteFilter(query: Query): QuoteQuery {
  const kind = single(query, "kind");
  if (kind !== undefined && !QUOTE_KINDS.includes(kind as QuoteKind)) {
    throw badRequest("kind", `must be one of ${QUOTE_KINDS.join(", ")}`);
  }
  const speaker = single(query, "speaker");
  if (speaker !== undefined && speaker !== "none") throw badRequest("speaker", 'the only value is "none"');
  const { q, match } = parseSearch(query);
  const review = single(query, "review");
  if (review !== undefined && !(REVIEW_FILTERS as readonly string[]).includes(review)) {
    throw badRequest("review", `must be one of ${REVIEW_FILTERS.join(", ")}`);
  }
  return {
    person: optionalId(query, "person", "person"),
    source: optionalId(query, "source", "source"),
    kind: (kind as QuoteKind | undefined) ?? null,
    outlet: optionalText(query, "outlet"),
    q,
    match,
    speakerNone: speaker === "none",
    review: (review as ReviewFilter | undefined) ?? null,
  };
}

export interface ClaimQuery extends ClaimListFilter {
  q: string | null;
}

export function parseClaimFilter(query: Query): ClaimQuery {
  const reason = single(query, "reason");
  if (reason !== undefined && reason.length > 100) throw badRequest("reason", "is too long");
  const { q, match } = parseSearch(query);
  const review = single(query, "review");
  if (review !== undefined && !(CLAIM_REVIEW_FILTERS as readonly string[]).includes(review)) {
    throw badRequest("review", `must be one of ${CLAIM_REVIEW_FILTERS.join(", ")}`);
  }
  return {
    reason: reason ?? null,
    source: optionalId(query, "source", "source"),
    outlet: optionalText(query, "outlet"),
    review: (review as ClaimFilter["review"] | undefined) ?? null,
    q,
    match,
  };
}

export interface SourceQuery extends SourceListFilter {
  q: string | null;
}

export function parseSourceFilter(query: Query): SourceQuery {
  const { q, match } = parseSearch(query);
  return { outlet: optionalText(query, "outlet"), q, match };
}

export const PERSON_KINDS: readonly SpeakerKind[] = SPEAKER_KINDS;

export interface PeopleQuery extends PeopleListFilter {
  q: string | null;
}

/** /people filters: q (a fragment of a name or another spelling), kind, outlet. */
export function parsePeopleFilter(query: Query): PeopleQuery {
  const q = optionalText(query, "q", 100);
  const kind = single(query, "kind");
  if (kind !== undefined && !(PERSON_KINDS as readonly string[]).includes(kind)) {
    throw badRequest("kind", `must be one of ${PERSON_KINDS.join(", ")}`);
  }
  const key = q === null ? null : nameKey(q);
  return { q, nameKey: key === "" ? null : key, kind: kind ?? null, outlet: optionalText(query, "outlet") };
}


export const CONFLICT_FLAGS = ["negation", "number"] as const;

/** Filters of the conflicts page: a group label (default: altered wording and conflicting attribution), a call-out, a person. */
export function parseConflictFilter(query: Query): ConflictFilter {
  const label = single(query, "label");
  if (label !== undefined && !(GROUP_LABELS as readonly string[]).includes(label)) {
    throw badRequest("label", `must be one of ${GROUP_LABELS.join(", ")}`);
  }
  const flag = single(query, "flag");
  if (flag !== undefined && !(CONFLICT_FLAGS as readonly string[]).includes(flag)) {
    throw badRequest("flag", `must be one of ${CONFLICT_FLAGS.join(", ")}`);
  }
  return {
    label: (label as GroupLabelValue | undefined) ?? null,
    flag: (flag as ConflictFilter["flag"] | undefined) ?? null,
    person: optionalId(query, "person", "person"),
  };
}

/** Body of POST /people/:id/merge: the person to merge into this one. */
export const MERGE_BODY = z.object({
  other: z.preprocess(
    (v) => (typeof v === "number" ? String(v) : v),
    z.string({ error: "choose the person to merge into this one" }).trim()
      .regex(/^[1-9][0-9]{0,14}$/, { error: "must be the id of a person (choose one from the list)" }),
  ),
});

/** Body of POST /people/:id/split: the name to split off. */
export const SPLIT_BODY = z.object({
  alias: z.string({ error: "choose the name to split off" }).trim().min(1, { error: "choose the name to split off" }).max(500, { error: "is too long" }),
});

/** A request body checked against a schema, or a 400 naming each field at fault. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const r = schema.safeParse(body ?? {});
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const i of r.error.issues) fields[i.path.join(".") || "body"] ??= i.message;
  throw new AppError(400, Object.entries(fields).map(([k, m]) => `${k}: ${m}`).join("; "), fields);
}

