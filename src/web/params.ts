// Query-string and path parameters: hostile input, parsed into typed filters or a 400 naming the field.
import { badRequest, notFound } from "../errors";
import type { QuoteKind } from "../nlp/types";
import type { QuoteFilter } from "../store/quotes";
import type { ClaimFilter } from "../store/claims";
import type { Format } from "./urls";

export const QUOTE_KINDS: readonly QuoteKind[] = ["direct", "mixed", "indirect"];
export const PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
/** CSV is an export: by default it holds every matching row, up to this many. */
export const MAX_CSV_ROWS = 100_000;
const MAX_SEARCH = 200;

type Query = Record<string, unknown>;

/** A path id: a positive integer, else the page does not exist. */
export function parseId(raw: string | undefined, what: string): number {
  if (raw === undefined || !/^[1-9][0-9]{0,14}$/.test(raw)) throw notFound(what);
  return Number(raw);
}

/** One string query parameter, "" and absent alike as undefined. Repeated parameters are refused. */
function single(query: Query, name: string): string | undefined {
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

export function parsePage(query: Query, format: Format): Page {
  const csv = format === "csv";
  const max = csv ? MAX_CSV_ROWS : MAX_PAGE_SIZE;
  return {
    limit: integer(query, "limit", csv ? MAX_CSV_ROWS : PAGE_SIZE, 1, max),
    offset: integer(query, "offset", 0, 0, Number.MAX_SAFE_INTEGER),
  };
}

export function parseQuoteFilter(query: Query): QuoteFilter {
  const kind = single(query, "kind");
  if (kind !== undefined && !QUOTE_KINDS.includes(kind as QuoteKind)) {
    throw badRequest("kind", `must be one of ${QUOTE_KINDS.join(", ")}`);
  }
  const speaker = single(query, "speaker");
  if (speaker !== undefined && speaker !== "none") throw badRequest("speaker", 'the only value is "none"');
  const q = single(query, "q");
  if (q !== undefined && q.length > MAX_SEARCH) throw badRequest("q", `is too long (at most ${MAX_SEARCH} characters)`);
  return {
    person: optionalId(query, "person", "person"),
    source: optionalId(query, "source", "source"),
    kind: (kind as QuoteKind | undefined) ?? null,
    q: q ?? null,
    speakerNone: speaker === "none",
  };
}

export function parseClaimFilter(query: Query): ClaimFilter {
  const reason = single(query, "reason");
  if (reason !== undefined && reason.length > 100) throw badRequest("reason", "is too long");
  return { reason: reason ?? null, source: optionalId(query, "source", "source") };
}
