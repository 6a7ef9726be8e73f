// Presentation extras for the HTML pages, computed from the same page data as the JSON and CSV twins.
import type {
  ClaimItem, ClaimsData, ConflictsData, GroupItem, Highlight, HomeData, ListMeta, PeopleData, PersonData, QuoteItem, QuotesData, SourceData,
  SourcesData, VersionItem,
} from "./pages";
import type { AppError } from "../errors";
import { chartSvg } from "./chart";
import { GROUP_LABELS } from "../compare";
import { CONFLICT_FLAGS } from "./params";
import type { HighlightSpan } from "./highlight";
import { QUOTE_KINDS } from "./params";
import { queryString, urls } from "./urls";
import { REVIEW_FILTERS } from "../store/quotes";
import { CLAIM_REVIEW_FILTERS } from "../store/claims";
import { REASONS, paragraphsOf, reviewItem, speakersOf, statementSpans } from "./review-view-models";

/** Tables keyed by stored values have no prototype, so no value can read Object's own properties. */
const table = (entries: Record<string, string>): Record<string, string> => Object.assign(Object.create(null) as Record<string, string>, entries);


/** Who a quote is attributed to, in words. */
export function speakerLabel(q: Pick<QuoteItem, "person_name" | "speaker_canonical" | "speaker_mention" | "speaker_kind">): string {
  const who = q.person_name ?? q.speaker_canonical ?? q.speaker_mention;
  if (!who) return q.speaker_kind === "anonymous" ? "anonymous" : "no speaker";
  if (q.speaker_mention && q.speaker_mention !== who) return `${who} (“${q.speaker_mention}”)`;
  return who;
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
  return {
    ...q, speaker_label: speakerLabel(q), row_id: `row-q-${q.id}`, confidence_pct: Math.round(q.confidence * 100),
    status_class: `st-${q.review_status}`, status_text: q.review_status === "needs-check" ? "needs check" : q.review_status,
  };
}

export function sourceView(data: SourceData) {
  const text = data.source.text;
  const numbered = [...data.quotes].sort((a, b) => a.start - b.start || a.id - b.id).map((q, i) => ({ ...q, number: i + 1 }));
  const speakers = speakersOf(data.quotes);
  const here = urls.source(data.source.id);
  const spans = [...statementSpans(text, numbered, speakers), ...data.claims.map(claimSpan)];
  return {
    ...data,
    paragraphs: paragraphsOf(text, spans),
    statements: numbered.map((q) => reviewItem(q, q.number, `${here}#row-q-${q.id}`, speakers)),
    speakers: [...speakers.values()].map((s) => ({ ...s, colour_class: s.colour >= 0 ? `sp-${s.colour}` : "sp-none" })),
    claims: data.claims.map((c) => ({
      ...c, action: urls.claimReview(c.id), next: `${here}#row-c-${c.id}`, status_class: `st-${c.review_status}`,
    })),
    reasons: REASONS,
    added: data.source.created_at.slice(0, 10),
    json_href: urls.source(data.source.id, "json"),
    quotes_href: urls.quotes({ source: data.source.id }),
    claims_href: urls.claims({ source: data.source.id }),
    queue_href: urls.reviewQueue({ source: data.source.id, order: "source" }),
    trail_href: urls.reviews({ source: data.source.id }),
  };
}

/** Sort links, facets, the range shown and the export links of a listing page. */
function listView(data: ListMeta, shown: number) {
  return {
    range: rangeText(data.total, data.offset, shown),
    sort_links: data.sorts.length > 1 ? data.sorts : [],
  };
}

/** A row's highlighted text (with a search) as the template's segments, else null. */
function hits(h: Highlight | undefined) {
  return h && h.some((s) => s.hit) ? h : null;
}

export function quotesView(data: QuotesData) {
  const f = data.filters;
  const exportParams = { ...f, _sort: data.sort === "source" || data.sort === "rank" ? null : data.sort };
  return {
    ...data,
    ...listView(data, data.quotes.length),
    quotes: data.quotes.map((q) => ({ ...decorateQuote(q), hits: hits(q.highlight) })),
    kinds: QUOTE_KINDS.map((k) => ({ value: k, selected: k === f.kind })),
    reviews: REVIEW_FILTERS.map((r) => ({ value: r, selected: r === f.review })),
    speaker_none: f.speaker === "none",
    person_chip: f.person === null ? null : { label: data.filter_labels.person ?? `person ${f.person}`, clear: urls.quotes({ ...f, person: null }) },
    source_chip: f.source === null ? null : { label: data.filter_labels.source ?? `source ${f.source}`, clear: urls.quotes({ ...f, source: null }) },
    people_search: urls.peopleSearch(),
    json_href: urls.quotes(exportParams, "json"),
    csv_href: urls.quotes(exportParams, "csv"),
  };
}

export function claimsView(data: ClaimsData, reasons: string[]) {
  const f = data.filters;
  return {
    ...data,
    ...listView(data, data.claims.length),
    claims: data.claims.map((c) => ({ ...c, hits: hits(c.highlight) })),
    reasons: reasons.map((r) => ({ value: r, selected: r === f.reason })),
    source_chip: f.source === null ? null : { label: data.filter_labels.source ?? `source ${f.source}`, clear: urls.claims({ ...f, source: null }) },
    reviews: CLAIM_REVIEW_FILTERS.map((r) => ({ value: r, selected: r === f.review })),
    json_href: urls.claims({ ...f }, "json"),
    csv_href: urls.claims({ ...f }, "csv"),
  };
}

export function sourcesView(data: SourcesData) {
  const f = data.filters;
  return {
    ...data,
    ...listView(data, data.sources.length),
    sources: data.sources.map((s) => ({ ...s, hits: hits(s.highlight) })),
    json_href: urls.sources("json") + queryString({ ...f }),
    csv_href: urls.sources("csv") + queryString({ ...f }),
  };
}

export function peopleView(data: PeopleData) {
  const f = data.filters;
  return {
    ...data,
    ...listView(data, data.people.length),
    kinds: data.kinds.map((k) => ({ value: k, selected: k === f.kind })),
    json_href: urls.people("json") + queryString({ ...f }),
    csv_href: urls.people("csv") + queryString({ ...f }),
  };
}

const n = (x: number) => x.toLocaleString("en-GB");

function rangeText(total: number, offset: number, shown: number): string {
  if (total === 0) return "none";
  if (shown === 0) return `none of ${n(total)} on this page`;
  return `${n(offset + 1)}–${n(offset + shown)} of ${n(total)}`;
}

// ---- comparison ----

const LABEL_TEXT = table({
  "conflicting attribution": "conflicting attribution",
  "altered wording": "altered wording",
  paraphrase: "paraphrase",
  trimmed: "trimmed",
  identical: "identical",
  "one source only": "carried by one source only",
});

const RELATION_TEXT = table({
  reference: "reference version",
  identical: "identical",
  trimmed: "trimmed",
  "altered wording": "altered wording",
  paraphrase: "paraphrase",
});

/** A label as a CSS class ("altered wording" → "altered-wording"). */
function labelClass(label: string): string {
  return label.replace(/[^a-z]+/g, "-");
}

function callouts(x: { negation_changed: boolean; number_changed: boolean }): string[] {
  return [...(x.negation_changed ? ["negation dropped or added"] : []), ...(x.number_changed ? ["number changed"] : [])];
}

/** A version with its diff as flags the template can test, and its speaker when it is not `personId`. */
function versionView(v: VersionItem, personId: number | null) {
  return {
    ...v,
    segments: v.diff.map((s) => ({ text: s.text, ins: s.op === "ins", del: s.op === "del" })),
    relation_text: RELATION_TEXT[v.relation] ?? v.relation,
    speaker_note: personId === null || v.person_id !== personId ? v.person_name ?? "no one" : null,
    callouts: callouts(v),
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function groupHeader<T extends Omit<GroupItem, "versions">>(g: T) {
  return {
    ...g, label_text: LABEL_TEXT[g.label] ?? g.label, label_class: labelClass(g.label), callouts: callouts(g), anchor: `g-${g.id}`,
    sources_text: plural(g.source_count, "source"),
  };
}

export function homeView(data: HomeData) {
  return {
    ...data,
    chart_svg: data.chart.people.length ? chartSvg(data.chart, "home-chart") : null,
    comparison: data.comparison.map((c) => ({ ...c, text: LABEL_TEXT[c.label] ?? c.label, label_class: labelClass(c.label) })),
  };
}

/** Sources shown in one statement block of the HTML person page (the JSON twin lists every one). */
export const PERSON_GROUP_SOURCES = 8;

/**
 * A statement carried by dozens of sources would take the page past 200 KB: the HTML shows at most
 * PERSON_GROUP_SOURCES of them, the reference and the ones worded differently first (in their
 * oldest-first order), and says how many more carry it.
 */
function shownSources(sources: PersonData["groups"][number]["sources"], personId: number, jsonHref: string) {
  const notable = (s: (typeof sources)[number]) => s.versions.some((v) => v.reference || v.relation !== "identical");
  let keep = sources;
  if (sources.length > PERSON_GROUP_SOURCES) {
    const chosen = new Set(sources.filter(notable).slice(0, PERSON_GROUP_SOURCES));
    for (const s of sources) if (chosen.size < PERSON_GROUP_SOURCES) chosen.add(s);
    keep = sources.filter((s) => chosen.has(s));
  }
  const more = sources.length - keep.length;
  return {
    sources: keep.map((s) => ({ ...s, versions: s.versions.map((v) => versionView(v, personId)) })),
    more_sources: more > 0 ? { text: `${plural(more, "more source")} ${more === 1 ? "carries" : "carry"} it word for word or nearly`, href: jsonHref } : null,
  };
}

export function personView(data: PersonData, error: AppError | null) {
  return {
    ...data,
    chart_svg: data.chart.total ? chartSvg(data.chart, "person-chart") : null,
    groups: data.groups.map((g) => ({
      ...groupHeader(g),
      ...shownSources(g.sources, data.person.id, urls.person(data.person.id, "json")),
    })),
    range: rangeText(data.total, data.offset, data.groups.length),
    statements_text: `${plural(data.quote_count, "statement")} in ${plural(data.source_count, "source")}`,
    decisions: data.decisions.map((d) => ({
      ...d,
      text: d.decision === "merge" ? `“${d.alias}” is ${d.person_name}` : `“${d.alias}” is not ${d.person_name}`,
    })),
    mentioned_more: data.mentioned_only.total - data.mentioned_only.sources.length,
    error: error?.message ?? null,
    json_href: urls.person(data.person.id, "json"),
    conflicts_href: urls.conflicts({ person: data.person.id }),
    quotes_href: urls.quotes({ person: data.person.id }),
  };
}

/** Versions shown in one group of the HTML conflicts page (the JSON twin lists every one). */
export const CONFLICT_GROUP_VERSIONS = 8;

/**
 * A statement copied into dozens of sources made the conflicts page 361 KB at 22,250 articles: the
 * HTML shows at most CONFLICT_GROUP_VERSIONS versions of a group, the reference, the ones worded
 * differently and the ones given to another speaker first (in their order), and says how many more.
 */
function shownVersions(versions: GroupItem["versions"], jsonHref: string) {
  let keep = versions;
  if (versions.length > CONFLICT_GROUP_VERSIONS) {
    const chosen = new Set(versions.filter((v) => v.reference || v.relation !== "identical" || v.other_speaker).slice(0, CONFLICT_GROUP_VERSIONS));
    for (const v of versions) if (chosen.size < CONFLICT_GROUP_VERSIONS) chosen.add(v);
    keep = versions.filter((v) => chosen.has(v));
  }
  const rest = versions.filter((v) => !keep.includes(v));
  const same = rest.every((v) => v.relation === "identical" && !v.other_speaker);
  return {
    versions: keep.map((v) => versionView(v, null)),
    more_versions: rest.length ? { text: `${plural(rest.length, "more version")}${same ? ", word for word the reference" : ""}`, href: jsonHref } : null,
  };
}

export function conflictsView(data: ConflictsData) {
  const f = data.filters;
  const jsonHref = urls.conflicts({ ...f }, "json");
  return {
    ...data,
    groups: data.groups.map((g) => ({ ...groupHeader(g), ...shownVersions(g.versions, jsonHref) })),
    labels: GROUP_LABELS.map((l) => ({ value: l, text: LABEL_TEXT[l] ?? l, selected: l === f.label })),
    flags: CONFLICT_FLAGS.map((x) => ({ value: x, text: x === "negation" ? "a negation dropped or added" : "a number changed", selected: x === f.flag })),
    counts: data.counts.map((c) => ({ ...c, text: LABEL_TEXT[c.label] ?? c.label, label_class: labelClass(c.label) })),
    range: rangeText(data.total, data.offset, data.groups.length),
    json_href: urls.conflicts({ ...f }, "json"),
    person_href: f.person === null ? null : urls.person(f.person),
  };
}
