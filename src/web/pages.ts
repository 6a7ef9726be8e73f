// One data function per page. Each returns plain data: the JSON twin is this data as it is, the HTML
// page renders it (with a few presentation extras built in src/web/views-models.ts), the CSV twin
// turns its rows into records.
import type { Db } from "../store/db";
import { notFound } from "../errors";
import { corpusCounts, type Counts } from "../store/stats";
import { getSource, listSources, sourceOptions, type SourceSummary } from "../store/sources";
import {
  getPersonWithKey, listPeople, overridesOf, peopleOptions, peopleWithNameWord, personAliasRows, personAliases, personRoles,
  quoteCountOfPerson, sourcesMentioningOnly, sourcesOfPerson, type PersonSummary,
} from "../store/people";
import { countQuotes, quotesOfSource, searchQuotes, type QuoteFilter, type QuoteRow } from "../store/quotes";
import {
  countConflicts, countGroupsOfPerson, groupLabelCounts, groupsOfPerson, membersOfGroups, otherSpeakersOf, searchConflicts,
  type GroupLabelValue, type GroupRow, type MemberRow, type RelationValue,
} from "../store/groups";
import { coQuotedPeople, sourceNames, statementCounts, topQuotedPeople, type PersonCount } from "../store/stats";
import { GROUP_LABELS, diffVersions, type Segment } from "../compare";
import { HONORIFICS } from "../compare/lexicon";
import { nameKey } from "../services/people";
import type { QuoteKind, SpeakerKind } from "../nlp/types";
import { CHART_MAX_PEOPLE, CHART_MAX_SOURCES, type ChartData } from "./chart";
import { claimCountsBySource, claimReasons, claimsOfSource, countClaims, searchClaims, type ClaimFilter, type ClaimRow } from "../store/claims";
import { nearestSourceOf } from "../nlp/claims";
import type { NearestSource } from "../nlp/types";
import { urls, type Format } from "./urls";
import { parseClaimFilter, parseConflictFilter, parsePage, parseQuoteFilter, QUOTE_KINDS } from "./params";

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
  /** the statement's own page, with its history */
  page_href: string;
  source_href: string;
  person_href: string | null;
}

export function quoteItem(q: QuoteRow): QuoteItem {
  return {
    ...q,
    source_label: sourceLabel({ id: q.source_id, title: q.source_title, outlet: q.outlet }),
    href: urls.quoteInSource(q.source_id, q.id),
    page_href: urls.quote(q.id),
    source_href: urls.source(q.source_id),
    person_href: q.person_id === null ? null : urls.person(q.person_id),
  };
}

export interface ClaimItem extends ClaimRow {
  source_label: string;
  href: string;
  source_href: string;
  /** the nearest named source the explanation carries (decision 007), or null */
  nearest_source: NearestSource | null;
}

export function claimItem(c: ClaimRow): ClaimItem {
  return {
    ...c,
    nearest_source: nearestSourceOf(c.explanation),
    source_label: sourceLabel({ id: c.source_id, title: c.source_title, outlet: c.outlet }),
    href: urls.claimInSource(c.source_id, c.id),
    source_href: urls.source(c.source_id),
  };
}

// ---- overview ----

export interface HomeData {
  counts: Counts;
  /** statement groups per label, linking to the conflicts page */
  comparison: LabelCount[];
  /** statements per person per source: the most quoted people in the sources quoting them most */
  chart: ChartData;
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
    comparison: labelCounts(db),
    chart: chartOf(db, topQuotedPeople(db, CHART_MAX_PEOPLE), null, {
      title: "Statements per person per source",
      description: "The most quoted people (rows) and the sources that quote them most (columns); each cell holds the number of statements that source attributes to that person, darker for more.",
    }),
    sources,
    people: listPeople(db).map((p) => ({ ...p, href: urls.person(p.id) })),
    claims_by_source: [...groups.values()],
  };
}

// ---- the chart: statements per person per source ----

/**
 * Chart data for these people (rows). Columns are the sources with the most of their statements (or,
 * with `focus`, the sources quoting that person most), at most CHART_MAX_SOURCES, the rest summed into
 * one "other sources" column.
 */
function chartOf(db: Db, people: PersonCount[], focus: number | null, text: { title: string; description: string }): ChartData {
  const ids = people.map((p) => p.id);
  const cells = statementCounts(db, ids);
  const weight = new Map<number, number>();
  for (const c of cells) if (focus === null || c.person_id === focus) weight.set(c.source_id, (weight.get(c.source_id) ?? 0) + c.n);
  const ranked = [...weight.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => id);
  const shown = ranked.slice(0, CHART_MAX_SOURCES);
  const column = new Map(shown.map((id, i) => [id, i]));
  const hasOther = cells.some((c) => !column.has(c.source_id));
  const names = new Map(sourceNames(db, shown).map((s) => [s.id, sourceLabel(s)]));
  const sources: ChartData["sources"] = shown.map((id) => ({ id, label: names.get(id) ?? `#${id}`, href: urls.source(id) }));
  if (hasOther) sources.push({ id: null, label: "other sources", href: null });
  const row = new Map(ids.map((id, i) => [id, i]));
  const counts = ids.map(() => sources.map(() => 0));
  let total = 0;
  for (const c of cells) {
    const col = column.get(c.source_id) ?? (hasOther ? sources.length - 1 : -1);
    if (col < 0) continue;
    counts[row.get(c.person_id)!]![col]! += c.n;
    total += c.n;
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

function versionItem(m: MemberRow, ref: MemberRow): VersionItem {
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
    diff: m === ref ? [{ op: "same", text: m.text }] : diffVersions(ref, m).diff,
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
      versions: members.map((m) => versionItem(m, ref)),
    };
  });
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

/** The people listing: people, bodies and outlets by default, or one kind (`/people?kind=media`). */
export function peopleData(db: Db, kind: SpeakerKind | null = null): { people: PersonItem[]; kind: SpeakerKind | null } {
  return { people: listPeople(db, kind ? [kind] : undefined).map((p) => ({ ...p, href: urls.person(p.id) })), kind };
}

export interface SourceColumn {
  id: number;
  label: string;
  outlet: string;
  published: string;
  href: string;
}

export interface PersonGroupRow extends Omit<GroupItem, "versions"> {
  /** one cell per column of the page (same order as `sources`): the versions that source carries */
  cells: { source_id: number; versions: VersionItem[] }[];
}

export interface PersonData extends Listing {
  person: { id: number; name: string; kind: string };
  aliases: string[];
  roles: string[];
  quote_count: number;
  source_count: number;
  /** the columns of this page: every source carrying a version of one of its rows, oldest first */
  sources: SourceColumn[];
  /** one row per statement (a group of versions), most sources first, conflicts before agreements */
  groups: PersonGroupRow[];
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

const PERSON_PAGE = 20;
const MAX_MERGE_CANDIDATES = 20;

function byPublication(a: SourceColumn, b: SourceColumn): number {
  return (a.published || "9999") < (b.published || "9999") ? -1 : (a.published || "9999") > (b.published || "9999") ? 1 : a.id - b.id;
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
  const { limit, offset } = parsePage(query, format, PERSON_PAGE);
  const total = countGroupsOfPerson(db, id);
  const items = groupItems(db, groupsOfPerson(db, id, limit, offset));
  const columns = new Map<number, SourceColumn>();
  for (const g of items) {
    for (const v of g.versions) {
      if (!columns.has(v.source_id)) {
        columns.set(v.source_id, { id: v.source_id, label: v.source_label, outlet: v.outlet, published: v.published, href: v.source_href });
      }
    }
  }
  const sources = [...columns.values()].sort(byPublication);
  const groups: PersonGroupRow[] = items.map(({ versions, ...g }) => ({
    ...g,
    cells: sources.map((s) => ({ source_id: s.id, versions: versions.filter((v) => v.source_id === s.id) })),
  }));
  const mentioned = sourcesMentioningOnly(db, id, 50);
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
    source_count: sourcesOfPerson(db, id).length,
    ...listing(total, limit, offset, (o) => urls.person(id, format, { limit: query.limit ? limit : null, offset: o || null })),
    sources,
    groups,
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

function quoteParams(f: QuoteFilter) {
  return { person: f.person, source: f.source, kind: f.kind, q: f.q, speaker: f.speakerNone ? "none" : null, review: f.review ?? null };
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
  "cue", "via", "sieve", "confidence", "start", "end", "group_id", "group_label",
  "review_status", "reviewer", "corrected", "review_reason", "review_note",
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
  "review_status", "reviewer", "review_note",
] as const;

export function claimFilterOptions(db: Db) {
  return { reasons: claimReasons(db), sources: sourceOptions(db).map((s) => ({ id: s.id, label: sourceLabel(s) })) };
}

// ---- conflicts ----

export interface ConflictsData extends Listing {
  filters: { label: GroupLabelValue | null; flag: "negation" | "number" | null; person: number | null };
  /** every label with its number of groups (altered wording and conflicting attribution are the conflicts) */
  counts: LabelCount[];
  groups: GroupItem[];
}

/** Altered wordings and conflicting attributions across sources (or the groups of one label), a page at a time. */
export function conflictsData(db: Db, query: Query, format: Format): ConflictsData {
  const filter = parseConflictFilter(query);
  const { limit, offset } = parsePage(query, format);
  const total = countConflicts(db, filter);
  return {
    filters: filter,
    counts: labelCounts(db),
    ...listing(total, limit, offset, (o) => urls.conflicts({ ...filter, limit: query.limit ? limit : null, offset: o || null }, format)),
    groups: groupItems(db, searchConflicts(db, filter, limit, offset)),
  };
}
