// One data function per page. Each returns plain data: the JSON twin is this data as it is, the HTML
// page renders it (with a few presentation extras built in src/web/views-models.ts), the CSV twin
// turns its rows into records.
import type { Db } from "../store/db";
import { notFound } from "../errors";
import { corpusCounts, type Counts } from "../store/stats";
import { getSource, sourceOptions, type SourceSummary } from "../store/sources";
import {
  getPersonWithKey, overridesOf, peopleOptions, peopleWithNameWord, personAliasRows, personAliases, personRoles,
  quoteCountOfPerson, personSourceFacts, type PersonSummary,
} from "../store/people";
import { quotesOfSource, type QuoteRow } from "../store/quotes";
import {
  groupLabelCounts, membersOfGroups, otherSpeakersOf,
  type GroupLabelValue, type GroupRow, type MemberRow, type RelationValue,
} from "../store/groups";
import {
  CLAIM_LISTING, CONFLICT_LISTING, PEOPLE_LISTING, PERSON_GROUP_LISTING, QUOTE_LISTING, SOURCE_LISTING, quotesPage, sourcesPage,
  claimReasonCounts, groupRow, keptClaimCounts, keptQuoteCounts, searchQuoteCounts, latestSources, personGroupCount, listingCount, listingCountAndFacets, listingFacet, listingPage, mostQuotedPeople, mostQuotedSources,
  personName, quoteCsvPieces, quoteCsvRecords, sourceHeading,
  type ClaimListRow, type QuoteListFilter, type FacetCount, type Listing as ListingQuery, type NamedSort, type QuoteListRow, type RawGroupRow, type SourceListRow,
} from "../store/listings";
import { hitSegments } from "../store/fts";
import { MAX_HTML_GROUPS, encodeToken, parsePaging, sortNames, type Paging } from "./paging";
import { coQuotedPeople, sourceNames, statementCountsIn, statementTotals, topQuotedPeople, topSourcesOf, type PersonCount } from "../store/stats";
import { GROUP_LABELS, versionDiffer, type Segment } from "../compare";
import { HONORIFICS } from "../compare/lexicon";
import { nameKey } from "../services/people";
import { batchUnderWay } from "../services/compare";
import type { QuoteKind } from "../nlp/types";
import { CHART_MAX_PEOPLE, CHART_MAX_SOURCES, type ChartData } from "./chart";
import { claimsOfSource, type ClaimRow } from "../store/claims";
import { nearestSourceOf } from "../nlp/claims";
import type { NearestSource } from "../nlp/types";
import { queryString, urls, type Format } from "./urls";
import {
  PERSON_KINDS, QUOTE_KINDS, parseClaimFilter, parseConflictFilter, parsePeopleFilter, parseQuoteFilter, parseSourceFilter,
  type ClaimQuery, type PeopleQuery, type QuoteQuery, type SourceQuery,
} from "./params";

import { csvRecordWithVerbatim } from "./csv";
import type { RowSource } from "./export";

type Query = Record<string, unknown>;

/** What to call a source: its title, else its outlet and number. */
export function sourceLabel(s: { id: number; title: string; outlet: string }): string {
  return s.title || (s.outlet ? `${s.outlet}: untitled article #${s.id}` : `Untitled article #${s.id}`);
}

export interface SourceItem extends SourceSummary {
  label: string;
  highlight?: Highlight;
  href: string;
}

export function sourceItem(s: SourceSummary): SourceItem {
  return { ...marked(s as SourceListRow), label: sourceLabel(s), href: urls.source(s.id) };
}

export interface PersonItem extends PersonSummary {
  href: string;
}

export interface QuoteItem extends QuoteRow {
  highlight?: Highlight;
  source_label: string;
  href: string;
  /** the statement's own page, with its history */
  page_href: string;
  source_href: string;
  person_href: string | null;
}

/** With a search, the matched words of the text as segments (`hit` marks a match). */
export type Highlight = { text: string; hit: boolean }[];

function marked<T extends { text_marked?: string; rank?: number; speaker_sort?: string }>(row: T): Omit<T, "text_marked" | "speaker_sort"> & { highlight?: Highlight } {
  // one copy in the row's key order (a rest pattern and a spread were two, 9 µs a row of an export)
  const out: Record<string, unknown> = {};
  for (const k in row) if (k !== "text_marked" && k !== "speaker_sort") out[k] = row[k];
  if (row.text_marked !== undefined) out.highlight = hitSegments(row.text_marked);
  return out as Omit<T, "text_marked" | "speaker_sort"> & { highlight?: Highlight };
}

export function quoteItem(q: QuoteRow): QuoteItem {
  const item = marked(q as QuoteListRow) as unknown as QuoteItem;
  item.source_label = sourceLabel({ id: q.source_id, title: q.source_title, outlet: q.outlet });
  item.href = urls.quoteInSource(q.source_id, q.id);
  item.page_href = urls.quote(q.id);
  item.source_href = urls.source(q.source_id);
  item.person_href = q.person_id === null ? null : urls.person(q.person_id);
  return item;
}

/**
 * quoteItem as JSON text, straight from a `.raw()` row of the listing's `columns`: the same text as
 * JSON.stringify(quoteItem(row)) (the same keys in the same order, then source_label, href, page_href,
 * source_href, person_href), without building an object per row. For the JSON export of every row.
 * Null when the rows carry highlights or a column name twice: then quoteItem itself.
 */
export function quoteItemJson(columns: readonly string[]): ((values: readonly unknown[]) => string) | null {
  if (new Set(columns).size !== columns.length || columns.includes("text_marked")) return null;
  const at = (c: string) => columns.indexOf(c);
  const [iId, iSource, iTitle, iOutlet, iPerson] = ["id", "source_id", "source_title", "outlet", "person_id"].map(at) as [number, number, number, number, number];
  if ([iId, iSource, iTitle, iOutlet, iPerson].some((i) => i < 0)) return null;
  const kept: number[] = [];
  const keys: string[] = [];
  columns.forEach((c, i) => {
    if (c === "speaker_sort") return;
    keys.push(`${kept.length ? "," : "{"}${JSON.stringify(c)}:`);
    kept.push(i);
  });
  const n = kept.length;
  return (v) => {
    let out = "";
    for (let k = 0; k < n; k++) out += keys[k]! + JSON.stringify(v[kept[k]!]);
    const id = v[iId] as number;
    const sourceId = v[iSource] as number;
    const personId = v[iPerson] as number | null;
    return `${out},"source_label":${JSON.stringify(sourceLabel({ id: sourceId, title: v[iTitle] as string, outlet: v[iOutlet] as string }))}`
      + `,"href":${JSON.stringify(urls.quoteInSource(sourceId, id))},"page_href":${JSON.stringify(urls.quote(id))}`
      + `,"source_href":${JSON.stringify(urls.source(sourceId))},"person_href":${personId === null ? "null" : JSON.stringify(urls.person(personId))}}`;
  };
}

export interface ClaimItem extends ClaimRow {
  highlight?: Highlight;
  source_label: string;
  href: string;
  source_href: string;
  /** the nearest named source the explanation carries (decision 007), or null */
  nearest_source: NearestSource | null;
}

export function claimItem(c: ClaimRow): ClaimItem {
  return {
    ...marked(c as ClaimListRow),
    nearest_source: nearestSourceOf(c.explanation),
    source_label: sourceLabel({ id: c.source_id, title: c.source_title, outlet: c.outlet }),
    href: urls.claimInSource(c.source_id, c.id),
    source_href: urls.source(c.source_id),
  };
}

/**
 * The JSON text of claimItem(row) for a `.raw()` row of these columns, built directly (the same keys
 * in the same order as JSON.stringify(claimItem(row)); tested byte for byte), for `/claims.json?_all=1`:
 * no object per row (decision 029). Null when the columns are not an export's (a highlight, a name twice).
 */
export function claimItemJson(columns: readonly string[]): ((values: readonly unknown[]) => string) | null {
  if (new Set(columns).size !== columns.length || columns.includes("text_marked") || columns.includes("speaker_sort")) return null;
  const at = (c: string) => columns.indexOf(c);
  const [iId, iSource, iTitle, iOutlet, iExplanation] = ["id", "source_id", "source_title", "outlet", "explanation"].map(at) as [number, number, number, number, number];
  if ([iId, iSource, iTitle, iOutlet, iExplanation].some((i) => i < 0)) return null;
  const keys = columns.map((c, i) => `${i ? "," : "{"}${JSON.stringify(c)}:`);
  const n = columns.length;
  return (v) => {
    let out = "";
    for (let k = 0; k < n; k++) out += keys[k]! + JSON.stringify(v[k]);
    const id = v[iId] as number;
    const sourceId = v[iSource] as number;
    return `${out},"nearest_source":${JSON.stringify(nearestSourceOf(v[iExplanation] as string))}`
      + `,"source_label":${JSON.stringify(sourceLabel({ id: sourceId, title: v[iTitle] as string, outlet: v[iOutlet] as string }))}`
      + `,"href":${JSON.stringify(urls.claimInSource(sourceId, id))},"source_href":${JSON.stringify(urls.source(sourceId))}}`;
  };
}

// ---- overview ----

export const HOME_TOP = 10;

export interface HomeData {
  counts: Counts;
  /** statement groups per label, linking to the conflicts page */
  comparison: LabelCount[];
  /** statements per person per source: the most quoted people in the sources quoting them most */
  chart: ChartData;
  /** the most quoted people, the sources with most statements, the last articles added (HOME_TOP each) */
  top_people: PersonItem[];
  top_sources: SourceItem[];
  latest_sources: SourceItem[];
  /** claims per reason over the corpus, linking to the claims list */
  claim_reasons: { reason: string; count: number; href: string }[];
  /** the full lists */
  links: { sources: string; people: string; quotes: string; claims: string; conflicts: string };
}

/** A summary, never every row: its size does not grow with the corpus. */
export function homeData(db: Db): HomeData {
  return {
    counts: corpusCounts(db),
    comparison: labelCounts(db),
    chart: chartOf(db, topQuotedPeople(db, CHART_MAX_PEOPLE), null, {
      title: "Statements per person per source",
      description: "The most quoted people (rows) and the sources that quote them most (columns); each cell holds the number of statements that source attributes to that person, darker for more.",
    }),
    top_people: mostQuotedPeople(db, HOME_TOP).map(personItem),
    top_sources: mostQuotedSources(db, HOME_TOP).map(sourceItem),
    latest_sources: latestSources(db, HOME_TOP).map(sourceItem),
    claim_reasons: claimReasonCounts(db).map((r) => ({ reason: r.value, count: r.n, href: urls.claims({ reason: r.value }) })),
    links: { sources: urls.sources(), people: urls.people(), quotes: urls.quotes(), claims: urls.claims(), conflicts: urls.conflicts() },
  };
}

export function personItem(p: PersonSummary): PersonItem {
  return { ...p, href: urls.person(p.id) };
}

// ---- paged listings ----

type Params = Record<string, string | number | boolean | null | undefined>;

export interface SortLink {
  value: string;
  label: string;
  href: string;
  current: boolean;
}

export interface FacetItem {
  value: string;
  count: number;
  /** this list with the facet's filter set to this value (or, when it is set, cleared) */
  href: string;
  selected: boolean;
}

export interface ListMeta {
  /** rows matching the filters */
  total: number;
  /** rows per page */
  size: number;
  /** rows before this page */
  offset: number;
  sort: string;
  sorts: SortLink[];
  /** the token of the next page (its `_next`), and its URL in the same format; null on the last page */
  next: string | null;
  next_url: string | null;
  /** the first page, when this is not it */
  first_url: string | null;
}

/** Paging links for one listing: the filters as given, plus _sort, _size (when asked) and _next. */
function listMeta<F>(
  l: ListingQuery<F>, paging: Paging, total: number, next: (string | number)[] | null, query: Query, searching: boolean,
  link: (p: Params) => string,
): ListMeta {
  const size = query._size !== undefined ? paging.size : null;
  const sort = paging.sort === (searching && l.sorts.rank ? "rank" : l.defaultSort) ? null : paging.sort;
  const token = next === null ? null : encodeToken(paging.sort, paging.offset + paging.size, next);
  return {
    total,
    size: paging.size,
    offset: paging.offset,
    sort: paging.sort,
    sorts: sortNames(l.sorts, searching).map((name) => ({
      value: name,
      label: (l.sorts[name] as NamedSort).label,
      href: link({ _sort: name === (searching && l.sorts.rank ? "rank" : l.defaultSort) ? null : name, _size: size }),
      current: name === paging.sort,
    })),
    next: token,
    next_url: token === null ? null : link({ _sort: sort, _size: size, _next: token }),
    first_url: paging.offset > 0 || paging.after !== null ? link({ _sort: sort, _size: size }) : null,
  };
}

/** A facet's counts under the current filters, each linking to the list narrowed to that value. */
function facet<F>(
  db: Db, l: ListingQuery<F>, f: F, col: string, param: string, current: string | null, limit: number, link: (p: Params) => string,
): FacetItem[] {
  return facetItems(listingFacet(db, l, f, col, limit), param, current, link);
}

function facetItems(rows: FacetCount[], param: string, current: string | null, link: (p: Params) => string): FacetItem[] {
  return rows.map((r) => ({
    value: r.value,
    count: r.n,
    href: link({ [param]: String(r.value) === current ? null : String(r.value) }),
    selected: String(r.value) === current,
  }));
}

const FACET_LIMIT = 10;

/** Query parameters of a listing's filters, in link order; `over` replaces some. */
function withParams(base: Params, over: Params): Params {
  return { ...base, ...over };
}

// ---- the chart: statements per person per source ----

/**
 * Chart data for these people (rows). Columns are the sources with the most of their statements (or,
 * with `focus`, the sources quoting that person most), at most CHART_MAX_SOURCES, the rest summed into
 * one "other sources" column.
 */
function chartOf(db: Db, people: PersonCount[], focus: number | null, text: { title: string; description: string }): ChartData {
  const ids = people.map((p) => p.id);
  // the columns from the kept counts' heads and the cells of those columns alone; "other sources" is
  // each person's total less their shown cells (decision 041: the same chart as ranking every cell)
  const shown = topSourcesOf(db, ids, focus, CHART_MAX_SOURCES);
  const column = new Map(shown.map((id, i) => [id, i]));
  const cells = shown.length ? statementCountsIn(db, ids, shown) : [];
  const totals = statementTotals(db, ids);
  const shownSum = new Map<number, number>();
  for (const c of cells) shownSum.set(c.person_id, (shownSum.get(c.person_id) ?? 0) + c.n);
  const hasOther = ids.some((id) => (totals.get(id) ?? 0) > (shownSum.get(id) ?? 0));
  const names = new Map(sourceNames(db, shown).map((s) => [s.id, sourceLabel(s)]));
  const sources: ChartData["sources"] = shown.map((id) => ({ id, label: names.get(id) ?? `#${id}`, href: urls.source(id) }));
  if (hasOther) sources.push({ id: null, label: "other sources", href: null });
  const row = new Map(ids.map((id, i) => [id, i]));
  const counts = ids.map(() => sources.map(() => 0));
  let total = 0;
  for (const c of cells) {
    counts[row.get(c.person_id)!]![column.get(c.source_id)!]! += c.n;
    total += c.n;
  }
  if (hasOther) {
    for (const id of ids) {
      const rest = (totals.get(id) ?? 0) - (shownSum.get(id) ?? 0);
      counts[row.get(id)!]![sources.length - 1]! += rest;
      total += rest;
    }
  }
  return { ...text, people: people.map((p) => ({ id: p.id, name: p.name, href: urls.person(p.id) })), sources, counts, total };
}

// ---- statement groups, as the person and conflicts pages show them ----

export interface LabelCount {
  label: GroupLabelValue;
  count: number;
  /** groups of this label where a negation / a number changed */
  negation: number;
  number: number;
  href: string;
}

function labelCounts(db: Db): LabelCount[] {
  const found = new Map(groupLabelCounts(db).map((r) => [r.label, r]));
  return GROUP_LABELS.map((label) => {
    const r = found.get(label);
    return { label, count: r?.n ?? 0, negation: r?.negation ?? 0, number: r?.number ?? 0, href: urls.conflicts({ label }) };
  });
}

export interface VersionItem {
  quote_id: number;
  /** the passage in its article */
  href: string;
  source_id: number;
  source_label: string;
  source_href: string;
  outlet: string;
  published: string;
  text: string;
  kind: QuoteKind;
  cue: string | null;
  via: string | null;
  person_id: number | null;
  person_name: string | null;
  person_href: string | null;
  /** how it differs from the group's reference version */
  relation: RelationValue;
  reference: boolean;
  /** attributed to someone who cannot be the reference's speaker */
  other_speaker: boolean;
  negation_changed: boolean;
  number_changed: boolean;
  /** its words, with what differs from the reference marked: "ins" its own, "del" the reference's it lacks */
  diff: Segment[];
}

export interface GroupItem {
  id: number;
  label: GroupLabelValue;
  negation_changed: boolean;
  number_changed: boolean;
  source_count: number;
  person_count: number;
  member_count: number;
  reference_quote_id: number;
  /** everyone the group's versions are attributed to */
  people: { id: number; name: string; href: string }[];
  versions: VersionItem[];
}

function versionItem(m: MemberRow, ref: MemberRow, diff: (ver: MemberRow) => { diff: Segment[] }): VersionItem {
  return {
    quote_id: m.quote_id,
    href: urls.quoteInSource(m.source_id, m.quote_id),
    source_id: m.source_id,
    source_label: sourceLabel({ id: m.source_id, title: m.source_title, outlet: m.outlet }),
    source_href: urls.source(m.source_id),
    outlet: m.outlet,
    published: m.published,
    text: m.text,
    kind: m.kind,
    cue: m.cue,
    via: m.via,
    person_id: m.person_id,
    person_name: m.person_name,
    person_href: m.person_id === null ? null : urls.person(m.person_id),
    relation: m.relation,
    reference: m === ref,
    other_speaker: m.other_speaker,
    negation_changed: m.negation_changed,
    number_changed: m.number_changed,
    diff: m === ref ? [{ op: "same", text: m.text }] : diff(m).diff,
  };
}

/** The groups with their versions (one query for all members), each version diffed against the reference. */
function groupItems(db: Db, groups: GroupRow[]): GroupItem[] {
  const byGroup = new Map<number, MemberRow[]>();
  for (const m of membersOfGroups(db, groups.map((g) => g.id))) {
    let list = byGroup.get(m.group_id);
    if (!list) byGroup.set(m.group_id, (list = []));
    list.push(m);
  }
  return groups.map((g) => {
    const members = byGroup.get(g.id) ?? [];
    const ref = members.find((m) => m.quote_id === g.reference_quote_id) ?? members[0]!;
    // one diff per distinct wording, not per source carrying it
    const diff = versionDiffer(ref);
    const people = new Map<number, { id: number; name: string; href: string }>();
    for (const m of members) if (m.person_id !== null) people.set(m.person_id, { id: m.person_id, name: m.person_name ?? "", href: urls.person(m.person_id) });
    return {
      id: g.id,
      label: g.label,
      negation_changed: g.negation_changed,
      number_changed: g.number_changed,
      source_count: g.source_count,
      person_count: g.person_count,
      member_count: g.member_count,
      reference_quote_id: g.reference_quote_id,
      people: [...people.values()],
      versions: members.map((m) => versionItem(m, ref, diff)),
    };
  });
}

// ---- sources ----

export interface SourcesData extends ListMeta {
  filters: { q: string | null; outlet: string | null };
  facets: { outlet: FacetItem[] };
  sources: SourceItem[];
}

export function sourcesData(db: Db, query: Query = {}, format: Format = "html"): SourcesData {
  const f: SourceQuery = parseSourceFilter(query);
  const searching = f.match !== null;
  const paging = parsePaging(query, format, SOURCE_LISTING.sorts, SOURCE_LISTING.defaultSort, searching);
  const filters = { q: f.q, outlet: f.outlet };
  const link = (p: Params) => urls.sources(format) + queryString(withParams(filters, p));
  const page = sourcesPage(db, f, paging);
  const htmlLink = (p: Params) => urls.sources() + queryString(withParams(filters, p));
  return {
    filters,
    ...listMeta(SOURCE_LISTING, paging, listingCount(db, SOURCE_LISTING, f), page.next, query, searching, link),
    facets: { outlet: facet(db, SOURCE_LISTING, f, "outlet", "outlet", f.outlet, FACET_LIMIT, format === "html" ? htmlLink : link) },
    sources: page.rows.map(sourceItem),
  };
}

export const SOURCE_CSV_COLUMNS = [
  "id", "title", "outlet", "url", "published", "created_at", "quote_count", "claim_count", "people_count",
] as const;

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

export interface PeopleData extends ListMeta {
  filters: { q: string | null; kind: string | null; outlet: string | null };
  facets: { kind: FacetItem[] };
  kinds: readonly string[];
  people: PersonItem[];
}

export function peopleData(db: Db, query: Query = {}, format: Format = "html"): PeopleData {
  const f: PeopleQuery = parsePeopleFilter(query);
  const paging = parsePaging(query, format, PEOPLE_LISTING.sorts, PEOPLE_LISTING.defaultSort, false);
  const filters = { q: f.q, kind: f.kind, outlet: f.outlet };
  const link = (p: Params) => urls.people(format) + queryString(withParams(filters, p));
  const page = listingPage<PeopleQuery, PersonSummary>(db, PEOPLE_LISTING, f, paging);
  return {
    filters,
    ...listMeta(PEOPLE_LISTING, paging, listingCount(db, PEOPLE_LISTING, f), page.next, query, false, link),
    facets: { kind: facet(db, PEOPLE_LISTING, f, "kind", "kind", f.kind, FACET_LIMIT, (p) => urls.people() + queryString(withParams(filters, p))) },
    kinds: PERSON_KINDS,
    people: page.rows.map(personItem),
  };
}

export const PEOPLE_CSV_COLUMNS = ["id", "name", "kind", "quote_count", "source_count"] as const;

export interface GroupSource {
  id: number;
  label: string;
  outlet: string;
  published: string;
  href: string;
  versions: VersionItem[];
}

export interface PersonGroupBlock extends Omit<GroupItem, "versions"> {
  /** only the sources that carry this statement, oldest first, each with its wording and diff */
  sources: GroupSource[];
}

export interface PersonData extends ListMeta {
  person: { id: number; name: string; kind: string };
  aliases: string[];
  roles: string[];
  quote_count: number;
  source_count: number;
  /** one block per statement (a group of versions), most sources first, conflicts before agreements */
  groups: PersonGroupBlock[];
  /** a bulk ingest marked the groups stale and regroups at its end: the groups shown are those from before it */
  groups_pending: boolean;
  /** sources that mention the person without attributing anything to them */
  mentioned_only: { total: number; sources: { id: number; label: string; href: string }[] };
  /** people a reviewer may want to merge into this one, and why */
  merge_candidates: { id: number; name: string; kind: string; href: string; why: string }[];
  /** names that can be split off (written differently from the person's own name) */
  splittable_aliases: string[];
  /** reviewer decisions recorded about this person's names */
  decisions: { decision: "merge" | "split"; alias: string; person_name: string; scope: "everywhere" | "one article"; created_at: string }[];
  chart: ChartData;
  actions: { merge: string; split: string };
}

/** statement blocks per person page (HTML and JSON): a busy person's page stays near 50 KB */
const PERSON_PAGE = 10;
const MAX_MERGE_CANDIDATES = 20;

function byPublication(a: GroupSource, b: GroupSource): number {
  return (a.published || "9999") < (b.published || "9999") ? -1 : (a.published || "9999") > (b.published || "9999") ? 1 : a.id - b.id;
}

/** A group's versions gathered by source: the block lists only the sources that carry it. */
function groupBlock({ versions, ...g }: GroupItem): PersonGroupBlock {
  const bySource = new Map<number, GroupSource>();
  for (const v of versions) {
    let s = bySource.get(v.source_id);
    if (!s) {
      s = { id: v.source_id, label: v.source_label, outlet: v.outlet, published: v.published, href: v.source_href, versions: [] };
      bySource.set(v.source_id, s);
    }
    s.versions.push(v);
  }
  return { ...g, sources: [...bySource.values()].sort(byPublication) };
}

function mergeCandidates(db: Db, id: number, name: string): PersonData["merge_candidates"] {
  const out = new Map<number, PersonData["merge_candidates"][number]>();
  for (const p of otherSpeakersOf(db, id, MAX_MERGE_CANDIDATES)) {
    out.set(p.id, { ...p, href: urls.person(p.id), why: "another source gives them the same words" });
  }
  const words = nameKey(name).split(" ").filter((w) => w.length >= 3 && !HONORIFICS.has(w));
  for (const w of words) {
    for (const p of peopleWithNameWord(db, id, w, MAX_MERGE_CANDIDATES)) {
      if (out.size >= MAX_MERGE_CANDIDATES) break;
      if (!out.has(p.id)) out.set(p.id, { ...p, href: urls.person(p.id), why: `the name also holds “${w}”` });
    }
  }
  return [...out.values()];
}

export function personData(db: Db, id: number, query: Query = {}, format: Format = "html"): PersonData {
  const p = getPersonWithKey(db, id);
  if (!p) throw notFound("person");
  const f = { person: id };
  const paging = parsePaging(query, format, PERSON_GROUP_LISTING.sorts, PERSON_GROUP_LISTING.defaultSort, false, PERSON_PAGE, MAX_HTML_GROUPS);
  const page = listingPage<{ person: number }, RawGroupRow>(db, PERSON_GROUP_LISTING, f, paging);
  const groups = groupItems(db, page.rows.map(groupRow)).map(groupBlock);
  const facts = personSourceFacts(db, id, 50);
  const mentioned = facts.mentioned_only;
  const co = coQuotedPeople(db, id, 5);
  const own: PersonCount = { id: p.id, name: p.name, n: quoteCountOfPerson(db, id) };
  const seen = new Set<string>([p.name_key]);
  const splittable: string[] = [];
  for (const a of personAliasRows(db, id)) {
    if (seen.has(a.alias_key)) continue;
    seen.add(a.alias_key);
    splittable.push(a.alias);
  }
  return {
    person: { id: p.id, name: p.name, kind: p.kind },
    aliases: personAliases(db, id).filter((a) => a !== p.name),
    roles: personRoles(db, id),
    quote_count: own.n,
    source_count: facts.source_count,
    ...listMeta(PERSON_GROUP_LISTING, paging, personGroupCount(db, id), page.next, query, false,
      (q) => urls.person(id, format, q)),
    groups,
    groups_pending: batchUnderWay(db),
    mentioned_only: {
      total: mentioned.total,
      sources: mentioned.sources.map((s) => ({ id: s.id, label: sourceLabel(s), href: urls.source(s.id) })),
    },
    merge_candidates: mergeCandidates(db, id, p.name),
    splittable_aliases: splittable,
    decisions: overridesOf(db, p.name_key).slice(0, 50).map((o) => ({
      decision: o.decision, alias: o.alias, person_name: o.person_name, scope: o.scope ? "one article" : "everywhere", created_at: o.created_at,
    })),
    chart: chartOf(db, [own, ...co], id, {
      title: `Statements attributed to ${p.name} and the people quoted alongside, per source`,
      description: `Rows: ${p.name} and up to five people quoted in the same articles; columns: the sources quoting ${p.name} most. Each cell holds the number of statements that source attributes to that person, darker for more.`,
    }),
    actions: { merge: urls.personMerge(id), split: urls.personSplit(id) },
  };
}

// ---- quotes ----

export function quoteParams(f: QuoteQuery): Params {
  return { q: f.q, person: f.person, source: f.source, kind: f.kind, outlet: f.outlet, speaker: f.speakerNone ? "none" : null, review: f.review };
}

/** Offset paging, kept for the review helper's pages (src/web/review-pages.ts); the listings here page by keyset. */
export interface Listing {
  total: number;
  limit: number;
  offset: number;
  /** URLs of the neighbouring pages in the same format, or null */
  next: string | null;
  prev: string | null;
}

export function listing(total: number, limit: number, offset: number, link: (offset: number) => string): Listing {
  return {
    total,
    limit,
    offset,
    next: offset + limit < total ? link(offset + limit) : null,
    prev: offset > 0 ? link(Math.max(0, offset - limit)) : null,
  };
}

export interface QuotesData extends ListMeta {
  filters: {
    q: string | null; person: number | null; source: number | null; kind: string | null; outlet: string | null; speaker: string | null;
    review: string | null;
  };
  /** names of the person and source filtered on, for the filter chips */
  filter_labels: { person: string | null; source: string | null };
  facets: { kind: FacetItem[]; outlet: FacetItem[]; review: FacetItem[] };
  quotes: QuoteItem[];
}

/** Filters and sort of /quotes (shared by the page and its streamed exports). */
export function quotesRequest(query: Query, format: Format): { filter: QuoteQuery; paging: Paging } {
  const filter = parseQuoteFilter(query);
  return { filter, paging: parsePaging(query, format, QUOTE_LISTING.sorts, QUOTE_LISTING.defaultSort, filter.match !== null) };
}

export function quotesData(db: Db, query: Query, format: Format): QuotesData {
  const { filter: f, paging } = quotesRequest(query, format);
  const params = quoteParams(f);
  const link = (p: Params) => urls.quotes(withParams(params, p), format);
  const htmlLink = (p: Params) => urls.quotes(withParams(params, p));
  const facetLink = format === "html" ? htmlLink : link;
  const page = quotesPage(db, f, paging);
  const source = f.source === null ? null : sourceHeading(db, f.source);
  const cols = [{ col: "kind", limit: FACET_LIMIT }, { col: "outlet", limit: FACET_LIMIT }, { col: "review_status", limit: FACET_LIMIT }];
  // without a person, source or search filter, the kept counts (migration 65) instead of a count of every statement
  // with a search alone, from the index and two narrow indexes (decision 041)
  const counts = keptQuoteCounts(db, f, cols) ?? searchQuoteCounts(db, f, cols) ?? listingCountAndFacets(db, QUOTE_LISTING, f, cols);
  return {
    filters: params as QuotesData["filters"],
    filter_labels: { person: f.person === null ? null : personName(db, f.person), source: source ? sourceLabel(source) : null },
    ...listMeta(QUOTE_LISTING, paging, counts.total, page.next, query, f.match !== null, link),
    facets: {
      kind: facetItems(counts.facets.kind!, "kind", f.kind, facetLink),
      outlet: facetItems(counts.facets.outlet!, "outlet", f.outlet, facetLink),
      review: facetItems(counts.facets.review_status!, "review", f.review, facetLink),
    },
    quotes: page.rows.map(quoteItem),
  };
}

export const QUOTE_CSV_COLUMNS = [
  "id", "source_id", "source_title", "outlet", "kind", "text", "speaker_mention", "speaker_canonical", "person_id",
  "cue", "via", "sieve", "confidence", "start", "end", "group_id", "group_label",
  "review_status", "reviewer", "corrected", "review_reason", "review_note",
] as const;

/**
 * What /quotes.csv reads for each row to write QUOTE_CSV_COLUMNS: id … sieve as one text `csv_head`
 * and start … review_note as one text `csv_tail`, made in SQL by csv.ts's rules (src/store/listings.ts;
 * kind … sieve from migration 66's cells), written as they are (`verbatim`: their indexes in
 * `columns`), and the confidence between them, formatted here.
 */
export const QUOTE_CSV_READ = {
  columns: ["csv_head", "confidence", "csv_tail"],
  verbatim: [0, 2],
} as const;

/**
 * /quotes.csv's records for the filter in this sort, each a whole record with its CRLF: the one
 * migration 80 keeps, or, for a statement it keeps none of (a confidence SQL cannot write as
 * JavaScript does, or a row missing), the record formatted here from QUOTE_CSV_READ's pieces.
 */
export function quoteCsvTexts(db: Db, f: QuoteListFilter, sort: string): RowSource<string> {
  const record = csvRecordWithVerbatim(QUOTE_CSV_READ.columns.length, QUOTE_CSV_READ.verbatim);
  return (onRow, resume, stopped) => quoteCsvRecords(db, f, sort, (text) => {
    if (text.charCodeAt(0) !== 0) return onRow(text);
    const pieces = quoteCsvPieces(db, Number(text.slice(1)));
    return pieces ? onRow(record(pieces)) : true;
  }, resume, stopped);
}

/**
 * Choices for a quote filter form that still uses menus: the review queue shows them up to `upTo`
 * each, id fields past it, so a list longer than that is not read (null).
 */
export function quoteFilterOptions(db: Db, upTo: number) {
  return { people: peopleOptions(db, upTo), sources: sourceOptions(db, upTo)?.map((s) => ({ id: s.id, label: sourceLabel(s) })) ?? null, kinds: QUOTE_KINDS };
}

// ---- claims ----

export function claimParams(f: ClaimQuery): Params {
  return { q: f.q, reason: f.reason, source: f.source, outlet: f.outlet, review: f.review };
}

export interface ClaimsData extends ListMeta {
  filters: { q: string | null; reason: string | null; source: number | null; outlet: string | null; review: string | null };
  filter_labels: { source: string | null };
  facets: { reason: FacetItem[]; outlet: FacetItem[]; review: FacetItem[] };
  claims: ClaimItem[];
}

export function claimsRequest(query: Query, format: Format): { filter: ClaimQuery; paging: Paging } {
  const filter = parseClaimFilter(query);
  return { filter, paging: parsePaging(query, format, CLAIM_LISTING.sorts, CLAIM_LISTING.defaultSort, filter.match !== null) };
}

export function claimsData(db: Db, query: Query, format: Format): ClaimsData {
  const { filter: f, paging } = claimsRequest(query, format);
  const params = claimParams(f);
  const link = (p: Params) => urls.claims(withParams(params, p), format);
  const facetLink = format === "html" ? (p: Params) => urls.claims(withParams(params, p)) : link;
  const page = listingPage<ClaimQuery, ClaimListRow>(db, CLAIM_LISTING, f, paging);
  const source = f.source === null ? null : sourceHeading(db, f.source);
  const cols = [{ col: "reason", limit: 20 }, { col: "outlet", limit: FACET_LIMIT }, { col: "review_status", limit: FACET_LIMIT }];
  const counts = keptClaimCounts(db, f, cols) ?? listingCountAndFacets(db, CLAIM_LISTING, f, cols);
  return {
    filters: params as ClaimsData["filters"],
    filter_labels: { source: source ? sourceLabel(source) : null },
    ...listMeta(CLAIM_LISTING, paging, counts.total, page.next, query, f.match !== null, link),
    facets: {
      reason: facetItems(counts.facets.reason!, "reason", f.reason, facetLink),
      outlet: facetItems(counts.facets.outlet!, "outlet", f.outlet, facetLink),
      review: facetItems(counts.facets.review_status!, "review", f.review ?? null, facetLink),
    },
    claims: page.rows.map(claimItem),
  };
}

export const CLAIM_CSV_COLUMNS = [
  "id", "source_id", "source_title", "outlet", "reason", "trigger", "text", "explanation", "start", "end",
  "review_status", "reviewer", "review_note",
] as const;

/** Every reason in the database, for the filter menu (a handful). */
export function claimReasons(db: Db): string[] {
  return claimReasonCounts(db).map((r) => r.value).sort();
}

// ---- conflicts ----

export interface ConflictsData extends ListMeta {
  filters: { label: GroupLabelValue | null; flag: "negation" | "number" | null; person: number | null };
  /** every label with its number of groups (altered wording and conflicting attribution are the conflicts) */
  counts: LabelCount[];
  groups: GroupItem[];
  /** a bulk ingest marked the groups stale and regroups at its end: the groups shown are those from before it */
  groups_pending: boolean;
}

/** Altered wordings and conflicting attributions across sources (or the groups of one label), a page at a time. */
export function conflictsData(db: Db, query: Query, format: Format): ConflictsData {
  const filter = parseConflictFilter(query);
  const paging = parsePaging(query, format, CONFLICT_LISTING.sorts, CONFLICT_LISTING.defaultSort, false, 20, MAX_HTML_GROUPS);
  const page = listingPage<typeof filter, RawGroupRow>(db, CONFLICT_LISTING, filter, paging);
  return {
    filters: filter,
    counts: labelCounts(db),
    ...listMeta(CONFLICT_LISTING, paging, listingCount(db, CONFLICT_LISTING, filter), page.next, query, false,
      (p) => urls.conflicts(withParams({ ...filter }, p), format)),
    groups: groupItems(db, page.rows.map(groupRow)),
    groups_pending: batchUnderWay(db),
  };
}
