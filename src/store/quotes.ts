// The quotes table: every reported statement, with its speaker mention and, if resolved, its person.
import { preparedOnce, type Db } from "./db";
import { prepared } from "./keyset";
import type { QuoteKind, SpeakerKind } from "../nlp/types";

export interface NewQuote {
  source_id: number;
  start: number;
  end: number;
  text: string;
  kind: QuoteKind;
  speaker_mention: string | null;
  speaker_start: number | null;
  speaker_end: number | null;
  speaker_canonical: string | null;
  speaker_kind: SpeakerKind;
  person_id: number | null;
  cue: string | null;
  cue_start: number | null;
  cue_end: number | null;
  via: string | null;
  sieve: string;
  confidence: number;
}

export interface QuoteRow extends NewQuote {
  id: number;
  /** the canonical name of person_id, or null */
  person_name: string | null;
  source_title: string;
  outlet: string;
  /** the statement group it belongs to (quotes with a person only), and that group's label */
  group_id: number | null;
  group_label: string | null;
  /** review: the verdict (materialised on the row), its review's id, who last reviewed, whether corrected */
  review_status: ReviewStatus;
  review_id: number | null;
  reviewer: string | null;
  review_reason: string | null;
  review_note: string | null;
  corrected: 0 | 1;
  /** the form revision: how many review events the statement has */
  revision: number;
  /** 1 when a re-extraction disagreed with the review and no one resolved it yet */
  review_conflict: 0 | 1;
}

export type ReviewStatus = "unreviewed" | "confirmed" | "rejected" | "needs-check";
export const REVIEW_FILTERS = ["unreviewed", "reviewed", "confirmed", "rejected", "needs-check", "corrected"] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

export interface QuoteFilter {
  person: number | null;
  source: number | null;
  kind: QuoteKind | null;
  /** case-insensitive substring of the quote text or speaker */
  q: string | null;
  /** only quotes with no speaker at all */
  speakerNone: boolean;
  /** review state: unreviewed (no verdict, no correction), reviewed (any), a verdict, or corrected */
  review?: ReviewFilter | null;
}

const SELECT = `SELECT q.*, p.name AS person_name, s.title AS source_title, s.outlet AS outlet,
    gm.group_id AS group_id, g.label AS group_label,
    r.id AS review_id, r.reviewer AS reviewer, json_extract(r.state, '$.reason') AS review_reason,
    nullif(json_extract(r.state, '$.note'), '') AS review_note, coalesce(r.corrected, 0) AS corrected,
    coalesce(r.revision, 0) AS revision, (r.conflict IS NOT NULL) AS review_conflict
  FROM quotes q JOIN sources s ON s.id = q.source_id LEFT JOIN people p ON p.id = q.person_id
  LEFT JOIN statement_group_members gm ON gm.quote_id = q.id LEFT JOIN statement_groups g ON g.id = gm.group_id
  LEFT JOIN reviews r ON r.quote_id = q.id`;

/**
 * The WHERE clause of a filter: only the conditions of the filters that are set, so that SQLite can
 * search an index for them (with every condition written as `@x IS NULL OR …` it read every statement).
 * The conditions are the same as when all were written out, each one's `@x IS NULL` dropped where x is set.
 */
const REVIEW_CONDITION: Readonly<Record<ReviewFilter, string>> = {
  unreviewed: "q.review_status = 'unreviewed' AND NOT EXISTS (SELECT 1 FROM reviews rr WHERE rr.quote_id = q.id AND rr.corrected = 1)",
  reviewed: "(q.review_status <> 'unreviewed' OR EXISTS (SELECT 1 FROM reviews rr WHERE rr.quote_id = q.id AND rr.corrected = 1))",
  corrected: "EXISTS (SELECT 1 FROM reviews rr WHERE rr.quote_id = q.id AND rr.corrected = 1)",
  confirmed: "q.review_status = @review",
  rejected: "q.review_status = @review",
  "needs-check": "q.review_status = @review",
};

/**
 * `byStatusIndex` false writes the review state's column as `+q.review_status`, which no index serves:
 * in article order, SQLite then reads the article-order index and stops at the LIMIT, where it would
 * otherwise read every statement of the state from migration 70's index and sort them all.
 */
export function quoteWhere(f: QuoteFilter, byStatusIndex = true): string {
  const c: string[] = [];
  if (f.person !== null) c.push("q.person_id = @person");
  if (f.source !== null) c.push("q.source_id = @source");
  if (f.kind !== null) c.push("q.kind = @kind");
  if (f.q !== null) {
    c.push(`(instr(lower(q.text), lower(@q)) > 0
       OR instr(lower(coalesce(q.speaker_mention, '')), lower(@q)) > 0
       OR instr(lower(coalesce(q.speaker_canonical, '')), lower(@q)) > 0)`);
  }
  if (f.speakerNone) c.push("(q.speaker_mention IS NULL AND q.speaker_canonical IS NULL AND q.person_id IS NULL)");
  if (f.review) c.push(byStatusIndex ? REVIEW_CONDITION[f.review] : REVIEW_CONDITION[f.review].replace(/q\.review_status/g, "+q.review_status"));
  return c.length ? `WHERE ${c.join(" AND ")}` : "";
}

type FilterParams = Omit<QuoteFilter, "speakerNone" | "review"> & { speakerNone: 0 | 1; review: string | null };
export type QuoteOrder = "source" | "confidence";

const statements = preparedOnce((db: Db) => ({
  insert: db.prepare<NewQuote>(`INSERT INTO quotes
      (source_id, start, end, text, kind, speaker_mention, speaker_start, speaker_end, speaker_canonical,
       speaker_kind, person_id, cue, cue_start, cue_end, via, sieve, confidence)
      VALUES (@source_id, @start, @end, @text, @kind, @speaker_mention, @speaker_start, @speaker_end,
       @speaker_canonical, @speaker_kind, @person_id, @cue, @cue_start, @cue_end, @via, @sieve, @confidence)`),
  deleteForSource: db.prepare<[number]>("DELETE FROM quotes WHERE source_id = ?"),
  forSource: db.prepare<[number], QuoteRow>(`${SELECT} WHERE q.source_id = ? ORDER BY q.start, q.end DESC, q.id`),
  forPerson: db.prepare<[number], QuoteRow>(`${SELECT} WHERE q.person_id = ? ORDER BY q.source_id, q.start, q.id`),
  get: db.prepare<[number], QuoteRow>(`${SELECT} WHERE q.id = ?`),
  peopleIn: db.prepare<[number], { person_id: number }>(
    "SELECT DISTINCT person_id FROM quotes WHERE source_id = ? AND person_id IS NOT NULL ORDER BY person_id"),
  idsOfSource: db.prepare<[number], { id: number }>("SELECT id FROM quotes WHERE source_id = ? ORDER BY id"),
}));

/** The parameters a filter's WHERE names (better-sqlite3 refuses named parameters the statement lacks). */
function params(f: QuoteFilter): Partial<FilterParams> {
  const p: Partial<FilterParams> = {};
  if (f.person !== null) p.person = f.person;
  if (f.source !== null) p.source = f.source;
  if (f.kind !== null) p.kind = f.kind;
  if (f.q !== null) p.q = f.q;
  if (f.review === "confirmed" || f.review === "rejected" || f.review === "needs-check") p.review = f.review;
  return p;
}

const ORDER_BY: Readonly<Record<QuoteOrder, string>> = {
  source: "q.source_id, q.start, q.end DESC, q.id",
  confidence: "q.confidence, q.source_id, q.start, q.id",
};

export function insertQuote(db: Db, quote: NewQuote): number {
  return Number(statements(db).insert.run(quote).lastInsertRowid);
}

export function deleteQuotesOfSource(db: Db, sourceId: number): void {
  statements(db).deleteForSource.run(sourceId);
}

export function quotesOfSource(db: Db, sourceId: number): QuoteRow[] {
  return statements(db).forSource.all(sourceId);
}

export function quotesOfPerson(db: Db, personId: number): QuoteRow[] {
  return statements(db).forPerson.all(personId);
}

export function searchQuotes(db: Db, filter: QuoteFilter, limit: number, offset: number, order: QuoteOrder = "source"): QuoteRow[] {
  // a person's or an article's statements are few: their own index, then a sort
  const byStatus = order === "confidence" && filter.person === null && filter.source === null;
  return prepared(db, `${SELECT} ${quoteWhere(filter, byStatus)} ORDER BY ${ORDER_BY[order]} LIMIT @limit OFFSET @offset`)
    .all({ ...params(filter), limit, offset }) as QuoteRow[];
}

export function getQuote(db: Db, id: number): QuoteRow | undefined {
  return statements(db).get.get(id);
}

export function countQuotes(db: Db, filter: QuoteFilter): number {
  const kept = keptCount(db, filter);
  if (kept !== null) return kept;
  return (prepared(db, `SELECT count(*) AS n FROM quotes q ${quoteWhere(filter)}`).get(params(filter)) as { n: number }).n;
}

/**
 * countQuotes from the counts migration 65 keeps (quote_facet_counts) and the corrected reviews, without
 * reading every statement, when the only filters are the kind and the review state: "unreviewed" is
 * the statements stored as unreviewed less those a correction reviewed (reviews.quote_id is unique),
 * "reviewed" the rest (CROSS JOIN: the reviews are read first, never every statement for its kind).
 * null for any other filter.
 */
function keptCount(db: Db, f: QuoteFilter): number | null {
  if (f.person !== null || f.source !== null || f.q !== null || f.speakerNone) return null;
  const kind = f.kind === null ? "" : " AND kind = @kind";
  const p = f.kind === null ? {} : { kind: f.kind };
  const stored = (status: string | null): number => (prepared(db, `SELECT coalesce(sum(n), 0) AS n FROM quote_facet_counts
      WHERE ${status === null ? "1" : "review_status = @status"}${kind}`).get(status === null ? p : { ...p, status }) as { n: number }).n;
  const corrected = (unreviewedOnly: boolean): number => (prepared(db, `SELECT count(*) AS n FROM reviews r CROSS JOIN quotes q ON q.id = r.quote_id
      WHERE r.corrected = 1${unreviewedOnly ? " AND q.review_status = 'unreviewed'" : ""}${kind ? " AND q.kind = @kind" : ""}`).get(p) as { n: number }).n;
  const unreviewed = (): number => stored("unreviewed") - corrected(true);
  switch (f.review ?? null) {
    case null: return stored(null);
    case "unreviewed": return unreviewed();
    case "reviewed": return stored(null) - unreviewed();
    case "corrected": return corrected(false);
    default: return stored(f.review!);
  }
}

/** The people a source attributes statements to. */
export function peopleQuotedIn(db: Db, sourceId: number): number[] {
  return statements(db).peopleIn.all(sourceId).map((r) => r.person_id);
}

export function quoteIdsOfSource(db: Db, sourceId: number): number[] {
  return statements(db).idsOfSource.all(sourceId).map((r) => r.id);
}
