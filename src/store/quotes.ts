// The quotes table: every reported statement, with its speaker mention and, if resolved, its person.
import { preparedOnce, type Db } from "./db";
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

const WHERE = `WHERE (@person IS NULL OR q.person_id = @person)
  AND (@source IS NULL OR q.source_id = @source)
  AND (@kind IS NULL OR q.kind = @kind)
  AND (@q IS NULL OR instr(lower(q.text), lower(@q)) > 0
       OR instr(lower(coalesce(q.speaker_mention, '')), lower(@q)) > 0
       OR instr(lower(coalesce(q.speaker_canonical, '')), lower(@q)) > 0)
  AND (@speakerNone = 0 OR (q.speaker_mention IS NULL AND q.speaker_canonical IS NULL AND q.person_id IS NULL))
  AND (@review IS NULL
       OR (@review = 'unreviewed' AND q.review_status = 'unreviewed' AND NOT EXISTS (SELECT 1 FROM reviews rr WHERE rr.quote_id = q.id AND rr.corrected = 1))
       OR (@review = 'reviewed' AND (q.review_status <> 'unreviewed' OR EXISTS (SELECT 1 FROM reviews rr WHERE rr.quote_id = q.id AND rr.corrected = 1)))
       OR (@review = 'corrected' AND EXISTS (SELECT 1 FROM reviews rr WHERE rr.quote_id = q.id AND rr.corrected = 1))
       OR (@review IN ('confirmed', 'rejected', 'needs-check') AND q.review_status = @review))`;

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
  search: db.prepare<FilterParams & { limit: number; offset: number }, QuoteRow>(
    `${SELECT} ${WHERE} ORDER BY q.source_id, q.start, q.end DESC, q.id LIMIT @limit OFFSET @offset`),
  searchByConfidence: db.prepare<FilterParams & { limit: number; offset: number }, QuoteRow>(
    `${SELECT} ${WHERE} ORDER BY q.confidence, q.source_id, q.start, q.id LIMIT @limit OFFSET @offset`),
  get: db.prepare<[number], QuoteRow>(`${SELECT} WHERE q.id = ?`),
  count: db.prepare<FilterParams, { n: number }>(
    `SELECT count(*) AS n FROM quotes q ${WHERE}`),
  peopleIn: db.prepare<[number], { person_id: number }>(
    "SELECT DISTINCT person_id FROM quotes WHERE source_id = ? AND person_id IS NOT NULL ORDER BY person_id"),
  idsOfSource: db.prepare<[number], { id: number }>("SELECT id FROM quotes WHERE source_id = ? ORDER BY id"),
}));

function params(f: QuoteFilter): FilterParams {
  return { person: f.person, source: f.source, kind: f.kind, q: f.q, speakerNone: f.speakerNone ? 1 : 0, review: f.review ?? null };
}

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
  const s = statements(db);
  return (order === "confidence" ? s.searchByConfidence : s.search).all({ ...params(filter), limit, offset });
}

export function getQuote(db: Db, id: number): QuoteRow | undefined {
  return statements(db).get.get(id);
}

export function countQuotes(db: Db, filter: QuoteFilter): number {
  return statements(db).count.get(params(filter))!.n;
}

/** The people a source attributes statements to. */
export function peopleQuotedIn(db: Db, sourceId: number): number[] {
  return statements(db).peopleIn.all(sourceId).map((r) => r.person_id);
}

export function quoteIdsOfSource(db: Db, sourceId: number): number[] {
  return statements(db).idsOfSource.all(sourceId).map((r) => r.id);
}
