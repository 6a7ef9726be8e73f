// The paged listings of the web app: quotes, claims, sources, people, conflicts and a person's groups.
// Each listing is a base query (filters, full-text match, the sort columns it offers) that
// src/store/keyset.ts pages, counts, facets and streams. Full-text search matches the FTS5 indexes of
// migration 15 with an expression built by src/store/fts.ts; `rank` is FTS5's bm25 (lower is better).
import type { Db } from "./db";
import { matchCounts, rankedMatches, rankedPage } from "./search-cache";
import { csvTextCell, quoteCsvCellsSql, sourceCsvCellsSql } from "./migrations";
import type { QuoteKind } from "../nlp/types";
import type { QuoteRow, ReviewFilter } from "./quotes";
import type { ClaimFilter, ClaimRow } from "./claims";
import type { SourceSummary } from "./sources";
import type { PersonSummary } from "./people";
import type { ConflictFilter, GroupRow } from "./groups";
import {
  columnsOf, countAndFacetsOf, countOf, facetOf, iterateKeyset, keyOf, sumFacets, iterateKeysetRaw, iterateKeysetText, keysetPage, prepared, type FacetCount, type KeysetPage, type KeyValue, type SortKey, type SortSpec,
} from "./keyset";

export type { FacetCount, KeyValue, SortSpec } from "./keyset";

export interface NamedSort extends SortSpec {
  /** what a sort link says */
  label: string;
  /** only offered while searching (ranked by relevance) */
  search?: boolean;
}

const id: SortKey = { col: "id", type: "num" };
const idDesc: SortKey = { col: "id", type: "num", desc: true };
const rank: NamedSort = { label: "best match", search: true, keys: [{ col: "rank", type: "num" }, id] };

/**
 * How counts join a statement or claim to its source's outlet: through migration 71's (id, outlet)
 * index, not the row, whose outlet lies past the article text's overflow pages.
 */
const SOURCES_BY_OUTLET = "sources s INDEXED BY sources_id_outlet";

/** Marks around matches in highlighted text (control characters: see src/store/fts.ts). */
const MARKS = "char(2), char(3)";

export interface Listing<F> {
  sorts: Readonly<Record<string, NamedSort>>;
  /** the sort when none is asked for (and, while searching, "rank") */
  defaultSort: string;
  /**
   * The base query: "page" rows with highlighted matches, "rows" without (exports), "count" only the
   * id and the facet columns (counts and facets read less).
   */
  base: (f: F, mode: BaseMode) => string;
  params: (f: F) => object;
}

/**
 * "csv": the rows, with what a listing precomputes for its CSV export (quotes: `quote_cells`, migration 66);
 * "keys": what "count" reads and the search rank (quotes only: quotesPage);
 * "csvrow": the sort keys and each statement's stored CSV record (quotes only: quoteCsvRecords);
 * "hits": "page"'s columns, the rank NULL, for the statements of `@_ids` only (quotes with a search
 * only: quotesPage, which has the ranks already)
 */
export type BaseMode = "page" | "rows" | "count" | "csv" | "keys" | "csvrow" | "hits";

export interface PageQuery {
  sort: string;
  size: number;
  after: KeyValue[] | null;
}

export function listingPage<F, T extends object>(db: Db, l: Listing<F>, f: F, p: PageQuery): KeysetPage<T> {
  return keysetPage<T>(db, l.base(f, "page"), l.sorts[p.sort]!, l.params(f), p.size, p.after);
}

export function listingCount<F>(db: Db, l: Listing<F>, f: F): number {
  return countOf(db, l.base(f, "count"), l.params(f));
}

export function listingFacet<F>(db: Db, l: Listing<F>, f: F, col: string, limit: number): FacetCount[] {
  return facetOf(db, l.base(f, "count"), col, l.params(f), limit);
}

/** The row count and several facets in one pass (see countAndFacetsOf). */
export function listingCountAndFacets<F>(db: Db, l: Listing<F>, f: F, cols: readonly { col: string; limit: number }[]) {
  return countAndFacetsOf(db, l.base(f, "count"), cols, l.params(f));
}

/** Every row of the listing in this sort, read in runs (see iterateKeyset). */
export function listingRows<F, T extends object>(
  db: Db, l: Listing<F>, f: F, sort: string, onRow: (row: T) => boolean, resume: () => Promise<void>, stopped: () => boolean,
): Promise<number> {
  return iterateKeyset<T>(db, l.base(f, "rows"), l.sorts[sort]!, l.params(f), onRow, resume, stopped);
}

/** The columns of the listing's rows as its exports read them ("rows" mode), in order. */
export function listingColumns<F>(db: Db, l: Listing<F>, f: F): string[] {
  return columnsOf(db, l.base(f, "rows"));
}

/** Every row of the listing in this sort as arrays of `columns` (the CSV exports; see iterateKeysetRaw). */
export function listingValues<F>(
  db: Db, l: Listing<F>, f: F, sort: string, columns: readonly string[],
  onRow: (values: unknown[]) => boolean, resume: () => Promise<void>, stopped: () => boolean, mode: "rows" | "csv" = "rows",
): Promise<number> {
  return iterateKeysetRaw(db, l.base(f, mode), l.sorts[sort]!, l.params(f), columns, onRow, resume, stopped);
}

// ---- quotes ----

export interface QuoteListFilter {
  person: number | null;
  source: number | null;
  kind: QuoteKind | null;
  outlet: string | null;
  /** an FTS5 expression (src/store/fts.ts) over the text and the speaker as written, or null */
  match: string | null;
  /** only quotes with no speaker at all */
  speakerNone: boolean;
  /** review state (src/store/quotes.ts REVIEW_FILTERS) */
  review: ReviewFilter | null;
}

export interface QuoteListRow extends QuoteRow {
  published: string;
  /** with a search: the text with matches between \u0002 and \u0003 */
  text_marked?: string;
  rank?: number;
}

/**
 * /quotes.csv's record (src/web/pages.ts QUOTE_CSV_COLUMNS) as two texts joined in SQL, around the
 * confidence, which stays a raw value (SQLite prints a REAL with 15 significant digits, JavaScript
 * with as many as it takes): `csv_head` is id … sieve, `csv_tail` start … review_note, each field by
 * src/web/csv.ts's rules. Only concatenation runs per row: the title and outlet come escaped from
 * migration 68's cells and kind … sieve from migration 66's (or the same SQL inline for a row without
 * them); ids and offsets are integers, a group's label and a review status are words of their CHECK
 * lists, which need no escaping (the test checks every word of both lists); a review's four fields are
 * escaped here, for the few statements that have a review. Three values a row instead of fifteen
 * (decision 026).
 */
const QUOTE_CSV_HEAD = `(q.id || ',' || q.source_id || ',' || coalesce(sc.cells, ${sourceCsvCellsSql("s.")})
      || ',' || coalesce(qc.cells, ${quoteCsvCellsSql("q.")}))`;
const QUOTE_CSV_TAIL = `(q.start || ',' || q.end || ',' || coalesce(CAST(gm.group_id AS TEXT), '') || ',' || coalesce(g.label, '')
      || ',' || q.review_status || ',' || CASE WHEN r.id IS NULL THEN ',0,,' ELSE (${csvTextCell("r.reviewer")})
      || ',' || r.corrected || ',' || (${csvTextCell("json_extract(r.state, '$.reason')")})
      || ',' || (${csvTextCell("nullif(json_extract(r.state, '$.note'), '')")}) END)`;

export const QUOTE_LISTING: Listing<QuoteListFilter> = {
  sorts: {
    source: { label: "article order", keys: [{ col: "source_id", type: "num" }, { col: "start", type: "num" }, { col: "end", type: "num", desc: true }, id] },
    "-id": { label: "newest first", keys: [idDesc] },
    confidence: { label: "least confident first", keys: [{ col: "confidence", type: "num" }, id] },
    speaker: { label: "speaker", keys: [{ col: "speaker_sort", type: "text", nocase: true }, id] },
    rank,
  },
  defaultSort: "source",
  base: (f, mode) => mode === "csvrow" ? quoteCsvRowBase(f) : `SELECT ${mode === "count" || mode === "keys" ? `q.id, q.kind, q.review_status, s.outlet${mode === "keys" && f.match ? ", quotes_fts.rank AS rank" : ""}` : `q.*, p.name AS person_name, s.title AS source_title,
      s.outlet AS outlet, s.published AS published, gm.group_id AS group_id, g.label AS group_label,
      r.id AS review_id, r.reviewer AS reviewer, json_extract(r.state, '$.reason') AS review_reason,
      nullif(json_extract(r.state, '$.note'), '') AS review_note, coalesce(r.corrected, 0) AS corrected,
      coalesce(r.revision, 0) AS revision, (r.conflict IS NOT NULL) AS review_conflict,
      coalesce(p.name, q.speaker_canonical, q.speaker_mention, '') AS speaker_sort
      ${f.match ? `, ${mode === "hits" ? "NULL" : "quotes_fts.rank"} AS rank${mode === "page" || mode === "hits" ? `, highlight(quotes_fts, 0, ${MARKS}) AS text_marked` : ""}` : ""}
      ${mode === "csv" ? `, ${QUOTE_CSV_HEAD} AS csv_head, ${QUOTE_CSV_TAIL} AS csv_tail` : ""}`}
    FROM ${f.match ? "quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid" : "quotes q"} JOIN ${mode === "count" || mode === "keys" ? SOURCES_BY_OUTLET : "sources s"} ON s.id = q.source_id
      ${mode === "csv" ? "LEFT JOIN quote_csv_cells qc ON qc.quote_id = q.id LEFT JOIN source_csv_cells sc ON sc.source_id = q.source_id" : ""}
      ${mode === "count" || mode === "keys" ? "" : `LEFT JOIN people p ON p.id = q.person_id
      LEFT JOIN statement_group_members gm ON gm.quote_id = q.id LEFT JOIN statement_groups g ON g.id = gm.group_id
      LEFT JOIN reviews r ON r.quote_id = q.id`}
    ${quoteWhere(f)}${mode === "hits" ? " AND quotes_fts.rowid IN (SELECT value FROM json_each(@_ids))" : ""}`,
  params: (f) => ({ ...f, speakerNone: f.speakerNone ? 1 : 0 }),
};

/** QUOTE_LISTING's WHERE clause (the same in every mode). */
function quoteWhere(f: QuoteListFilter): string {
  return `WHERE ${f.match ? "quotes_fts MATCH @match AND" : ""} (@person IS NULL OR q.person_id = @person)
      AND (@source IS NULL OR q.source_id = @source)
      AND (@kind IS NULL OR q.kind = @kind)
      AND (@outlet IS NULL OR s.outlet = @outlet)
      AND (@speakerNone = 0 OR (q.speaker_mention IS NULL AND q.speaker_canonical IS NULL AND q.person_id IS NULL))
      AND (@review IS NULL
           OR (@review = 'unreviewed' AND q.review_status = 'unreviewed' AND NOT EXISTS (SELECT 1 FROM reviews rr WHERE rr.quote_id = q.id AND rr.corrected = 1))
           OR (@review = 'reviewed' AND (q.review_status <> 'unreviewed' OR EXISTS (SELECT 1 FROM reviews rr WHERE rr.quote_id = q.id AND rr.corrected = 1)))
           OR (@review = 'corrected' AND EXISTS (SELECT 1 FROM reviews rr WHERE rr.quote_id = q.id AND rr.corrected = 1))
           OR (@review IN ('confirmed', 'rejected', 'needs-check') AND q.review_status = @review))`;
}

/**
 * QUOTE_LISTING's rows for /quotes.csv: the sort keys and `csv_row`, each statement's whole record as
 * migration 80 keeps it, or, for a statement without a stored record, NUL and its id (the export
 * formats that one itself, quoteCsvPieces). The source is joined through its (id, outlet) index, and
 * nothing else the listing's page joins is read.
 */
function quoteCsvRowBase(f: QuoteListFilter): string {
  return `SELECT q.id, q.source_id, q.start, q.end, q.confidence,
      coalesce(p.name, q.speaker_canonical, q.speaker_mention, '') AS speaker_sort,
      coalesce(qr.csv, char(0) || q.id) AS csv_row${f.match ? ", quotes_fts.rank AS rank" : ""}
    FROM ${f.match ? "quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid" : "quotes q"} JOIN ${SOURCES_BY_OUTLET} ON s.id = q.source_id
      LEFT JOIN people p ON p.id = q.person_id LEFT JOIN quote_csv_rows qr ON qr.quote_id = q.id
    ${quoteWhere(f)}`;
}

/** The id of a quote_csv_rows record (its first field), or of the NUL-marked id quoteCsvRowBase gives for a statement without one. */
export function quoteCsvRowId(text: string): number {
  return text.charCodeAt(0) === 0 ? Number(text.slice(1)) : Number(text.slice(0, text.indexOf(",")));
}

/**
 * Every record of /quotes.csv for the filter in this sort, as texts (see quoteCsvRowBase): migration
 * 80's stored records, or NUL and the id for a statement without one.
 */
export function quoteCsvRecords(
  db: Db, f: QuoteListFilter, sort: string, onText: (text: string) => boolean, resume: () => Promise<void>, stopped: () => boolean,
): Promise<number> {
  return iterateKeysetText(db, quoteCsvRowBase(f), QUOTE_LISTING.sorts[sort]!, QUOTE_LISTING.params(f), "csv_row", quoteCsvRowId, onText, resume, stopped);
}

const ALL_QUOTES: QuoteListFilter = { person: null, source: null, kind: null, outlet: null, match: null, speakerNone: false, review: null };

/**
 * One statement's record as the texts and value the "csv" mode reads (csv_head, confidence,
 * csv_tail: joined around the confidence by the export), for a statement migration 80 keeps no record
 * of; null if there is no such statement.
 */
export function quoteCsvPieces(db: Db, quoteId: number): unknown[] | null {
  return (prepared(db, `SELECT t.csv_head, t.confidence, t.csv_tail FROM (${QUOTE_LISTING.base(ALL_QUOTES, "csv")}) t WHERE t.id = @_id`)
    .raw(true).get({ ...QUOTE_LISTING.params(ALL_QUOTES), _id: quoteId }) as unknown[] | undefined) ?? null;
}

/**
 * A page of QUOTE_LISTING: while searching, best match first, the page's ids and ranks are found
 * first ("keys": no joins to people, groups or reviews, no highlight), and only those rows are then
 * read in full with their matches marked. Sorting the full rows built every match's row and
 * highlight (2,890 for one common word at 22,250 articles). Rows and next token are listingPage's (tested).
 */
export function quotesPage(db: Db, f: QuoteListFilter, p: PageQuery): KeysetPage<QuoteListRow> {
  if (f.match === null || p.sort !== "rank") return listingPage<QuoteListFilter, QuoteListRow>(db, QUOTE_LISTING, f, p);
  const params = QUOTE_LISTING.params(f);
  // with the search alone, the ranks from the index alone: every row of quotes_fts is a statement with
  // an article, so the join to them changed no row, but read each match's statement (decision 041)
  const only = searchOnly(f);
  const keyBase = only ? SEARCH_KEYS : QUOTE_LISTING.base(f, "keys");
  // with the search alone, the page is cut from the search's whole ranking kept while the database
  // stays as it is (decision 044): the same keys in the same order as the query below gives
  const ranked = only ? rankedMatches(db, f.match, () => prepared(db, `${SEARCH_KEYS} ORDER BY rank, id`).raw(true).iterate({ match: f.match }) as IterableIterator<unknown[]>) : null;
  let keys: KeysetPage<{ id: number; rank: number }>;
  if (ranked) {
    const cut = rankedPage(ranked, p.after, p.size);
    const rows = cut.ids.map((id, i) => ({ id, rank: cut.ranks[i]! }));
    keys = { rows, next: cut.more && rows.length ? keyOf(QUOTE_LISTING.sorts.rank!, rows.at(-1)!) : null };
  } else {
    keys = keysetPage<{ id: number; rank: number }>(db, keyBase, QUOTE_LISTING.sorts.rank!, params, p.size, p.after);
  }
  // the page's rows by their ids inside the index (a rowid constraint beside the MATCH), their ranks
  // from the keys: the same ids outside the listing's query read, joined and filtered every match
  // first, and the rank asked again of each row read the whole term's postings again (55 ms at 222,500 articles)
  const rows = prepared(db, QUOTE_LISTING.base(f, "hits")).all({ ...params, _ids: JSON.stringify(keys.rows.map((r) => r.id)) }) as QuoteListRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { rows: keys.rows.map((r) => Object.assign(byId.get(r.id)!, { rank: r.rank })), next: keys.next };
}

/** A search's matches with their ranks, from the index alone (what a search with no other filter lists). */
const SEARCH_KEYS = "SELECT quotes_fts.rowid AS id, quotes_fts.rank AS rank FROM quotes_fts WHERE quotes_fts MATCH @match";

/** A search and no other filter: every match of the index is a row of the listing. */
function searchOnly(f: QuoteListFilter): boolean {
  return f.match !== null && f.person === null && f.source === null && f.kind === null && f.outlet === null && !f.speakerNone && f.review === null;
}

const KEPT_FACETS: Readonly<Record<string, string>> = { kind: "kind", outlet: "outlet", review_status: "review_status" };

/**
 * /quotes' total and facets (of kind, outlet, review_status) from the counts kept by migration 65,
 * without reading the statements: when the only filters are kind, outlet and a review state stored on
 * the row (confirmed, rejected, needs-check). Any other filter (a person, a source, a search, no
 * speaker, unreviewed / reviewed / corrected, which read the reviews) returns null: count the rows.
 */
export function keptQuoteCounts(db: Db, f: QuoteListFilter, cols: readonly { col: string; limit: number }[]) {
  if (f.person !== null || f.source !== null || f.match !== null || f.speakerNone) return null;
  if (f.review !== null && f.review !== "confirmed" && f.review !== "rejected" && f.review !== "needs-check") return null;
  const list = cols.map((c) => {
    const col = KEPT_FACETS[c.col];
    if (!col) throw new Error(`not a kept facet: ${c.col}`);
    return col;
  }).join(", ");
  const rows = prepared(db, `SELECT ${list}${list ? ", " : ""}n FROM quote_facet_counts
      WHERE (@kind IS NULL OR kind = @kind) AND (@outlet IS NULL OR outlet = @outlet) AND (@review IS NULL OR review_status = @review)`)
    .raw(true).all({ kind: f.kind, outlet: f.outlet, review: f.review }) as unknown[][];
  return sumFacets(rows, cols);
}

/**
 * /quotes' total and facets when a search is the only filter: every match of the index is a row of
 * the listing, so the matches are counted from the index, each joined only to migration 83's
 * (id, kind, review_status, source_id) index and migration 71's (id, outlet) one, never to its
 * statement's row (61 -> 41 ms for 29,500 matches at 222,500 articles). Null for any other filter.
 */
export function searchQuoteCounts(db: Db, f: QuoteListFilter, cols: readonly { col: string; limit: number }[]) {
  if (!searchOnly(f)) return null;
  const list = cols.map((c) => {
    const col = KEPT_FACETS[c.col];
    if (!col) throw new Error(`not a kept facet: ${c.col}`);
    return col === "outlet" ? "s.outlet" : `q.${col}`;
  }).join(", ");
  // kept per match expression while the database stays as it is (decision 044)
  const rows = matchCounts(db, f.match!, list, () => prepared(db, `SELECT ${list}${list ? ", " : ""}count(*) AS n FROM quotes_fts
      JOIN quotes q INDEXED BY quotes_id_facets ON q.id = quotes_fts.rowid JOIN ${SOURCES_BY_OUTLET} ON s.id = q.source_id
      WHERE quotes_fts MATCH @match${list ? ` GROUP BY ${list}` : ""}`).raw(true).all({ match: f.match }) as unknown[][]);
  return sumFacets(rows, cols);
}

// ---- claims ----

export interface ClaimListFilter {
  reason: string | null;
  source: number | null;
  outlet: string | null;
  match: string | null;
  review: ClaimFilter["review"] | null;
}

export interface ClaimListRow extends ClaimRow {
  text_marked?: string;
  rank?: number;
}

export const CLAIM_LISTING: Listing<ClaimListFilter> = {
  sorts: {
    source: { label: "article order", keys: [{ col: "source_id", type: "num" }, { col: "start", type: "num" }, { col: "end", type: "num", desc: true }, id] },
    "-id": { label: "newest first", keys: [idDesc] },
    reason: { label: "reason", keys: [{ col: "reason", type: "text" }, id] },
    rank,
  },
  defaultSort: "source",
  base: (f, mode) => `SELECT ${mode === "count" ? "c.id, c.reason, c.review_status, s.outlet" : `c.*, s.title AS source_title, s.outlet AS outlet,
      r.id AS review_id, r.reviewer AS reviewer, nullif(json_extract(r.state, '$.note'), '') AS review_note,
      coalesce(r.revision, 0) AS revision
      ${f.match ? `, claims_fts.rank AS rank${mode === "page" ? `, highlight(claims_fts, 0, ${MARKS}) AS text_marked` : ""}` : ""}`}
    FROM ${f.match ? "claims_fts JOIN claims c ON c.id = claims_fts.rowid" : "claims c"} JOIN ${mode === "count" ? SOURCES_BY_OUTLET : "sources s"} ON s.id = c.source_id
      ${mode === "count" ? "" : "LEFT JOIN reviews r ON r.claim_id = c.id"}
    WHERE ${f.match ? "claims_fts MATCH @match AND" : ""} (@reason IS NULL OR c.reason = @reason)
      AND (@source IS NULL OR c.source_id = @source) AND (@outlet IS NULL OR s.outlet = @outlet)
      AND (@review IS NULL OR c.review_status = @review OR (@review = 'reviewed' AND c.review_status <> 'unreviewed'))`,
  params: (f) => f,
};

const KEPT_CLAIM_FACETS: ReadonlySet<string> = new Set(["reason", "outlet", "review_status"]);

/**
 * /claims' total and facets (of reason, outlet, review_status) from the counts migration 82 keeps,
 * without reading the claims: when the only filters are the reason, the outlet and the review state
 * (every state, "reviewed" included, is stored on the row). A source or a search returns null: count
 * the rows.
 */
export function keptClaimCounts(db: Db, f: ClaimListFilter, cols: readonly { col: string; limit: number }[]) {
  if (f.source !== null || f.match !== null) return null;
  for (const c of cols) if (!KEPT_CLAIM_FACETS.has(c.col)) throw new Error(`not a kept facet: ${c.col}`);
  const list = cols.map((c) => c.col).join(", ");
  const rows = prepared(db, `SELECT ${list}${list ? ", " : ""}n FROM claim_facet_counts
      WHERE (@reason IS NULL OR reason = @reason) AND (@outlet IS NULL OR outlet = @outlet)
        AND (@review IS NULL OR review_status = @review OR (@review = 'reviewed' AND review_status <> 'unreviewed'))`)
    .raw(true).all({ reason: f.reason, outlet: f.outlet, review: f.review }) as unknown[][];
  return sumFacets(rows, cols);
}

// ---- sources ----

export interface SourceListFilter {
  outlet: string | null;
  /** over the title and the article text */
  match: string | null;
}

export interface SourceListRow extends SourceSummary {
  /** with a search: a passage of the text around the matches, marked */
  text_marked?: string;
  rank?: number;
}

export const SOURCE_LISTING: Listing<SourceListFilter> = {
  sorts: {
    id: { label: "first added", keys: [id] },
    "-id": { label: "last added", keys: [idDesc] },
    "-published": { label: "latest published", keys: [{ col: "published", type: "text", desc: true }, idDesc] },
    "-quotes": { label: "most quotes", keys: [{ col: "quote_count", type: "num", desc: true }, id] },
    title: { label: "title", keys: [{ col: "title", type: "text", nocase: true }, id] },
    rank,
  },
  defaultSort: "id",
  base: (f, mode) => `SELECT ${mode === "count" ? "s.id, s.outlet" : `s.id, s.title, s.outlet, s.url, s.published, s.created_at,
      substr(s.text, 1, 160) AS snippet,
      coalesce((SELECT n FROM source_quote_counts k WHERE k.source_id = s.id), 0) AS quote_count,
      (SELECT count(*) FROM claims c WHERE c.source_id = s.id) AS claim_count,
      (SELECT count(*) FROM source_people sp WHERE sp.source_id = s.id) AS people_count
      ${f.match ? `, sources_fts.rank AS rank${mode === "page" ? `, snippet(sources_fts, 1, ${MARKS}, '…', 24) AS text_marked` : ""}` : ""}`}
    FROM ${f.match ? "sources_fts JOIN sources s ON s.id = sources_fts.rowid" : "sources s"}
    WHERE ${f.match ? "sources_fts MATCH @match AND" : ""} (@outlet IS NULL OR s.outlet = @outlet)`,
  params: (f) => f,
};

/** Sorts whose keys are the id and the kept quote count alone (no column stored after the article text). */
const SOURCE_KEY_SORTS: ReadonlySet<string> = new Set(["id", "-id", "-quotes"]);

/**
 * A page of SOURCE_LISTING: for the sorts by id and by quote count (without a search), the page's ids
 * are found first from migration 71's index and the kept counts, and only those rows are then read
 * with their title, opening and counts. Sorting every row of the full query read every article's text
 * and counted every source's claims and people (34 -> 5 ms for `_sort=-quotes` at 22,250 articles).
 * Rows and next token are those of listingPage (tested).
 */
export function sourcesPage(db: Db, f: SourceListFilter, p: PageQuery): KeysetPage<SourceListRow> {
  if (f.match !== null || !SOURCE_KEY_SORTS.has(p.sort)) return listingPage<SourceListFilter, SourceListRow>(db, SOURCE_LISTING, f, p);
  const keys = keysetPage<{ id: number; quote_count: number }>(db, `SELECT s.id,
      coalesce((SELECT n FROM source_quote_counts k WHERE k.source_id = s.id), 0) AS quote_count
    FROM sources s INDEXED BY sources_id_outlet WHERE (@outlet IS NULL OR s.outlet = @outlet)`, SOURCE_LISTING.sorts[p.sort]!, f, p.size, p.after);
  const rows = prepared(db, `SELECT * FROM (${SOURCE_LISTING.base(f, "page")}) t WHERE t.id IN (SELECT value FROM json_each(@_ids))`)
    .all({ ...f, _ids: JSON.stringify(keys.rows.map((r) => r.id)) }) as SourceListRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { rows: keys.rows.map((r) => byId.get(r.id)!), next: keys.next };
}

// ---- people ----

export interface PeopleListFilter {
  /** a normalised name fragment (services/people nameKey), matched inside names and other spellings */
  nameKey: string | null;
  kind: string | null;
  /** people an article of this outlet mentions */
  outlet: string | null;
}


export const PEOPLE_LISTING: Listing<PeopleListFilter> = {
  sorts: {
    "-quotes": { label: "most quoted", keys: [{ col: "quote_count", type: "num", desc: true }, { col: "name", type: "text", nocase: true }, id] },
    name: { label: "name", keys: [{ col: "name", type: "text", nocase: true }, id] },
    "-sources": { label: "most sources", keys: [{ col: "source_count", type: "num", desc: true }, id] },
  },
  defaultSort: "-quotes",
  base: (_f, mode) => `SELECT p.id, p.kind${mode === "count" ? "" : `, p.name,
      coalesce((SELECT n FROM person_quote_counts k WHERE k.person_id = p.id), 0) AS quote_count,
      (SELECT count(*) FROM source_people sp WHERE sp.person_id = p.id) AS source_count`}
    FROM people p
    -- people, bodies and outlets unless a kind is asked for (places, documents and the anonymous are one filter away)
    WHERE (@kind IS NULL AND p.kind IN ('person', 'organisation', 'media') OR p.kind = @kind)
      AND (@nameKey IS NULL OR instr(p.name_key, @nameKey) > 0
           OR EXISTS (SELECT 1 FROM person_aliases a WHERE a.person_id = p.id AND instr(a.alias_key, @nameKey) > 0))
      AND (@outlet IS NULL OR EXISTS (SELECT 1 FROM source_people sp JOIN sources s ON s.id = sp.source_id
                                      WHERE sp.person_id = p.id AND s.outlet = @outlet))`,
  params: (f) => f,
};

/** Names of people by id (for a filter's label). */
export function personName(db: Db, personId: number): string | null {
  return (prepared(db, "SELECT name FROM people WHERE id = ?").get(personId) as { name: string } | undefined)?.name ?? null;
}

/** Id, title and outlet of one source (for a filter's label). */
export function sourceHeading(db: Db, sourceId: number): { id: number; title: string; outlet: string } | null {
  return (prepared(db, "SELECT id, title, outlet FROM sources WHERE id = ?").get(sourceId) as { id: number; title: string; outlet: string } | undefined) ?? null;
}

// ---- summaries for the overview ----

export function latestSources(db: Db, limit: number): SourceSummary[] {
  return keysetPage<SourceSummary>(db, SOURCE_LISTING.base({ outlet: null, match: null }, "rows"), SOURCE_LISTING.sorts["-id"]!, { outlet: null, match: null }, limit, null).rows;
}

export function mostQuotedSources(db: Db, limit: number): SourceSummary[] {
  return prepared(db, `SELECT s.id, s.title, s.outlet, s.url, s.published, s.created_at, substr(s.text, 1, 160) AS snippet,
      n.quote_count, (SELECT count(*) FROM claims c WHERE c.source_id = s.id) AS claim_count,
      (SELECT count(*) FROM source_people sp WHERE sp.source_id = s.id) AS people_count
    FROM (SELECT source_id, n AS quote_count FROM source_quote_counts ORDER BY n DESC, source_id LIMIT ?) n
    JOIN sources s ON s.id = n.source_id ORDER BY n.quote_count DESC, s.id`).all(limit) as SourceSummary[];
}

export function mostQuotedPeople(db: Db, limit: number): PersonSummary[] {
  return prepared(db, `SELECT p.id, p.name, p.kind, n.quote_count,
      (SELECT count(*) FROM source_people sp WHERE sp.person_id = p.id) AS source_count
    FROM (SELECT person_id, n AS quote_count FROM person_quote_counts ORDER BY n DESC, person_id LIMIT ?) n
    JOIN people p ON p.id = n.person_id ORDER BY n.quote_count DESC, p.name COLLATE NOCASE, p.id`).all(limit) as PersonSummary[];
}

/** Claims per reason over the whole corpus. */
export function claimReasonCounts(db: Db): FacetCount[] {
  // migration 82's kept counts (a count of every claim before)
  return prepared(db, "SELECT reason AS value, sum(n) AS n FROM claim_facet_counts GROUP BY reason ORDER BY n DESC, reason").all() as FacetCount[];
}

// ---- statement groups: conflicts and a person's groups ----

const LABEL_RANK = `CASE g.label WHEN 'conflicting attribution' THEN 0 WHEN 'altered wording' THEN 1
  WHEN 'paraphrase' THEN 2 WHEN 'trimmed' THEN 3 WHEN 'identical' THEN 4 ELSE 5 END`;

export type RawGroupRow = Omit<GroupRow, "negation_changed" | "number_changed"> & { negation_changed: 0 | 1; number_changed: 0 | 1 };

export const CONFLICT_LISTING: Listing<ConflictFilter> = {
  sorts: {
    label: {
      label: "conflicts first",
      keys: [{ col: "label_rank", type: "num" }, { col: "negation_changed", type: "num", desc: true },
        { col: "number_changed", type: "num", desc: true }, { col: "source_count", type: "num", desc: true }, id],
    },
    "-sources": { label: "most sources", keys: [{ col: "source_count", type: "num", desc: true }, id] },
  },
  defaultSort: "label",
  base: () => `SELECT g.*, ${LABEL_RANK} AS label_rank FROM statement_groups g
    WHERE ((@label IS NULL AND g.label IN ('conflicting attribution', 'altered wording')) OR g.label = @label)
      AND (@flag IS NULL OR (@flag = 'negation' AND g.negation_changed = 1) OR (@flag = 'number' AND g.number_changed = 1))
      AND (@person IS NULL OR g.id IN (SELECT m.group_id FROM statement_group_members m JOIN quotes q ON q.id = m.quote_id
                                       WHERE q.person_id = @person))`,
  params: (f) => f,
};

export const PERSON_GROUP_LISTING: Listing<{ person: number }> = {
  sorts: {
    sources: {
      label: "most sources",
      keys: [{ col: "source_count", type: "num", desc: true }, { col: "label_rank", type: "num" },
        { col: "first_source", type: "num" }, { col: "first_start", type: "num" }, id],
    },
  },
  defaultSort: "sources",
  // migration 84's rows hold the sort keys, in the order of its index: a page reads its rows and stops,
  // where it sorted every group of the person (the same keys: min over the person's members, as before)
  base: () => `SELECT pg.group_id AS id, g.label, g.reference_quote_id, g.negation_changed, g.number_changed,
      pg.source_count AS source_count, g.person_count, g.member_count,
      pg.label_rank AS label_rank, pg.first_source AS first_source, pg.first_start AS first_start
    FROM person_groups pg INDEXED BY person_groups_order JOIN statement_groups g ON g.id = pg.group_id
    WHERE pg.person_id = @person`,
  params: (f) => f,
};

/**
 * How many statement groups hold a statement of the person: what counting PERSON_GROUP_LISTING's rows
 * gives (every member's group exists), from the person index and the members' keys alone, without
 * reading each statement's row for its start (2.2 -> 0.6 ms for the busiest person).
 */
export function personGroupCount(db: Db, personId: number): number {
  // one row per (person, group) in migration 84's table (11 ms -> ~1 ms for the busiest person at 222,500 articles)
  return (prepared(db, "SELECT count(*) AS n FROM person_groups WHERE person_id = ?").get(personId) as { n: number }).n;
}

export function groupRow(r: RawGroupRow): GroupRow {
  return {
    id: r.id, label: r.label, reference_quote_id: r.reference_quote_id, source_count: r.source_count, person_count: r.person_count,
    member_count: r.member_count, negation_changed: r.negation_changed === 1, number_changed: r.number_changed === 1,
  };
}
