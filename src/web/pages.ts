// One data function per page. Each returns plain data: the JSON twin is this data as it is, the HTML
// page renders it (with a few presentation extras built in src/web/views-models.ts), the CSV twin
// turns its rows into records.
import type { Db } from "../store/db";
import { notFound } from "../errors";
import { corpusCounts, type Counts } from "../store/stats";
import { getSource, listSources, sourceOptions, type SourceSummary } from "../store/sources";
import { getPerson, listPeople, peopleOptions, personAliases, personRoles, sourcesOfPerson, type PersonSummary } from "../store/people";
import { countQuotes, quotesOfPerson, quotesOfSource, searchQuotes, type QuoteFilter, type QuoteRow } from "../store/quotes";
import { claimCountsBySource, claimReasons, claimsOfSource, countClaims, searchClaims, type ClaimFilter, type ClaimRow } from "../store/claims";
import { urls, type Format } from "./urls";
import { parseClaimFilter, parsePage, parseQuoteFilter, QUOTE_KINDS } from "./params";

type Query = Record<string, unknown>;

/** What to call a source: its title, else its outlet and number. */
export function sourceLabel(s: { id: number; title: string; outlet: string }): string {
  return s.title || (s.outlet ? `${s.outlet}: untitled article #${s.id}` : `Untitled article #${s.id}`);
}

export interface SourceItem extends SourceSummary {
  label: string;
  href: string;
}

function sourceItem(s: SourceSummary): SourceItem {
  return { ...s, label: sourceLabel(s), href: urls.source(s.id) };
}

export interface PersonItem extends PersonSummary {
  href: string;
}

export interface QuoteItem extends QuoteRow {
  source_label: string;
  href: string;
  source_href: string;
  person_href: string | null;
}

function quoteItem(q: QuoteRow): QuoteItem {
  return {
    ...q,
    source_label: sourceLabel({ id: q.source_id, title: q.source_title, outlet: q.outlet }),
    href: urls.quoteInSource(q.source_id, q.id),
    source_href: urls.source(q.source_id),
    person_href: q.person_id === null ? null : urls.person(q.person_id),
  };
}

export interface ClaimItem extends ClaimRow {
  source_label: string;
  href: string;
  source_href: string;
}

function claimItem(c: ClaimRow): ClaimItem {
  return {
    ...c,
    source_label: sourceLabel({ id: c.source_id, title: c.source_title, outlet: c.outlet }),
    href: urls.claimInSource(c.source_id, c.id),
    source_href: urls.source(c.source_id),
  };
}

// ---- overview ----

export interface HomeData {
  counts: Counts;
  sources: SourceItem[];
  people: PersonItem[];
  claims_by_source: { source_id: number; label: string; href: string; total: number; reasons: { reason: string; count: number; href: string }[] }[];
}

export function homeData(db: Db): HomeData {
  const sources = listSources(db).map(sourceItem);
  const byId = new Map(sources.map((s) => [s.id, s]));
  const groups = new Map<number, HomeData["claims_by_source"][number]>();
  for (const row of claimCountsBySource(db)) {
    const s = byId.get(row.source_id);
    if (!s) continue;
    let g = groups.get(row.source_id);
    if (!g) {
      g = { source_id: s.id, label: s.label, href: s.href, total: 0, reasons: [] };
      groups.set(row.source_id, g);
    }
    g.total += row.n;
    g.reasons.push({ reason: row.reason, count: row.n, href: urls.claims({ source: s.id, reason: row.reason }) });
  }
  return {
    counts: corpusCounts(db),
    sources,
    people: listPeople(db).map((p) => ({ ...p, href: urls.person(p.id) })),
    claims_by_source: [...groups.values()],
  };
}

// ---- sources ----

export function sourcesData(db: Db): { sources: SourceItem[] } {
  return { sources: listSources(db).map(sourceItem) };
}

export interface SourceData {
  source: {
    id: number;
    label: string;
    title: string;
    outlet: string;
    url: string;
    published: string;
    created_at: string;
    extractor_version: string;
    content_hash: string;
    text: string;
  };
  quotes: QuoteItem[];
  claims: ClaimItem[];
}

export function sourceData(db: Db, id: number): SourceData {
  const s = getSource(db, id);
  if (!s) throw notFound("source");
  return {
    source: {
      id: s.id,
      label: sourceLabel(s),
      title: s.title,
      outlet: s.outlet,
      url: s.url,
      published: s.published,
      created_at: s.created_at,
      extractor_version: s.extractor_version,
      content_hash: s.content_hash,
      text: s.text,
    },
    quotes: quotesOfSource(db, id).map(quoteItem),
    claims: claimsOfSource(db, id).map(claimItem),
  };
}

// ---- people ----

export function peopleData(db: Db): { people: PersonItem[] } {
  return { people: listPeople(db).map((p) => ({ ...p, href: urls.person(p.id) })) };
}

export interface PersonData {
  person: { id: number; name: string; kind: string };
  aliases: string[];
  roles: string[];
  quote_count: number;
  /** one column per source: what that source says the person said */
  sources: { id: number; label: string; outlet: string; published: string; href: string; quotes: QuoteItem[] }[];
}

export function personData(db: Db, id: number): PersonData {
  const p = getPerson(db, id);
  if (!p) throw notFound("person");
  const quotes = quotesOfPerson(db, id).map(quoteItem);
  const sources = sourcesOfPerson(db, id).flatMap((sid) => {
    const s = getSource(db, sid);
    if (!s) return [];
    return [{
      id: s.id,
      label: sourceLabel(s),
      outlet: s.outlet,
      published: s.published,
      href: urls.source(s.id),
      quotes: quotes.filter((q) => q.source_id === s.id),
    }];
  });
  return {
    person: { id: p.id, name: p.name, kind: p.kind },
    aliases: personAliases(db, id).filter((a) => a !== p.name),
    roles: personRoles(db, id),
    quote_count: quotes.length,
    sources,
  };
}

// ---- quotes ----

export interface Listing {
  total: number;
  limit: number;
  offset: number;
  /** URLs of the neighbouring pages in the same format, or null */
  next: string | null;
  prev: string | null;
}

function listing(total: number, limit: number, offset: number, link: (offset: number) => string): Listing {
  return {
    total,
    limit,
    offset,
    next: offset + limit < total ? link(offset + limit) : null,
    prev: offset > 0 ? link(Math.max(0, offset - limit)) : null,
  };
}

function quoteParams(f: QuoteFilter) {
  return { person: f.person, source: f.source, kind: f.kind, q: f.q, speaker: f.speakerNone ? "none" : null };
}

export interface QuotesData extends Listing {
  filters: ReturnType<typeof quoteParams>;
  quotes: QuoteItem[];
}

export function quotesData(db: Db, query: Query, format: Format): QuotesData {
  const filter = parseQuoteFilter(query);
  const { limit, offset } = parsePage(query, format);
  const params = quoteParams(filter);
  const total = countQuotes(db, filter);
  return {
    filters: params,
    ...listing(total, limit, offset, (o) => urls.quotes({ ...params, limit: query.limit ? limit : null, offset: o || null }, format)),
    quotes: searchQuotes(db, filter, limit, offset).map(quoteItem),
  };
}

export const QUOTE_CSV_COLUMNS = [
  "id", "source_id", "source_title", "outlet", "kind", "text", "speaker_mention", "speaker_canonical", "person_id",
  "cue", "via", "sieve", "confidence", "start", "end",
] as const;

/** Choices for the quote filter form. */
export function quoteFilterOptions(db: Db) {
  return { people: peopleOptions(db), sources: sourceOptions(db).map((s) => ({ id: s.id, label: sourceLabel(s) })), kinds: QUOTE_KINDS };
}

// ---- claims ----

export interface ClaimsData extends Listing {
  filters: ClaimFilter;
  claims: ClaimItem[];
}

export function claimsData(db: Db, query: Query, format: Format): ClaimsData {
  const filter = parseClaimFilter(query);
  const { limit, offset } = parsePage(query, format);
  const total = countClaims(db, filter);
  return {
    filters: filter,
    ...listing(total, limit, offset, (o) => urls.claims({ ...filter, limit: query.limit ? limit : null, offset: o || null }, format)),
    claims: searchClaims(db, filter, limit, offset).map(claimItem),
  };
}

export const CLAIM_CSV_COLUMNS = [
  "id", "source_id", "source_title", "outlet", "reason", "trigger", "text", "explanation", "start", "end",
] as const;

export function claimFilterOptions(db: Db) {
  return { reasons: claimReasons(db), sources: sourceOptions(db).map((s) => ({ id: s.id, label: sourceLabel(s) })) };
}

// ---- conflicts ----

export interface ConflictsData {
  computed: boolean;
  conflicts: never[];
  source_count: number;
  will_show: string[];
}

/** Cross-source comparison is not built yet: an honest empty state saying what will be here. */
export function conflictsData(db: Db): ConflictsData {
  return {
    computed: false,
    conflicts: [],
    source_count: corpusCounts(db).sources,
    will_show: [
      "altered wording: the same statement quoted with different words by different sources",
      "conflicting attributions: the same words attributed to different people",
      "direct quotes in one source that another reports only as paraphrase",
    ],
  };
}
