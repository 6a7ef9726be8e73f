// Reviews of quotes and claims (one row per reviewed item, following it across re-extraction) and
// their append-only event trail. The quote/claim rows carry the effective values; see
// src/services/review-quotes.ts for what a state means.
import { preparedOnce, type Db } from "./db";
import type { NewQuote } from "./quotes";

export type Subject = "quote" | "claim";

export interface ReviewRow {
  id: number;
  subject: Subject;
  source_id: number;
  quote_id: number | null;
  claim_id: number | null;
  /** JSON of the machine's record */
  extracted: string;
  /** JSON of the review state */
  state: string;
  status: string;
  corrected: 0 | 1;
  /** JSON of what the new extraction disagreed about, or null */
  conflict: string | null;
  revision: number;
  reviewer: string;
  updated_at: string;
}

export type NewReview = Omit<ReviewRow, "id">;

export interface EventRow {
  id: number;
  review_id: number;
  revision: number;
  created_at: string;
  reviewer: string;
  subject: Subject;
  source_id: number;
  item_id: number | null;
  action: string;
  before: string;
  after: string;
  note: string;
  undoes: number | null;
}

export type NewEvent = Omit<EventRow, "id">;

/** The fields of a quote row a review may change: the stored quote's own, and its review status. */
export type QuoteFields = Pick<NewQuote,
  | "start" | "end" | "text" | "kind" | "speaker_mention" | "speaker_start" | "speaker_end" | "speaker_canonical"
  | "speaker_kind" | "person_id" | "cue" | "cue_start" | "cue_end" | "via"> & { review_status: string };

export interface EventExportRow extends EventRow {
  source_title: string;
  /** the id of the statement (or claim) the review follows now (re-extraction gives new ids) */
  current_item_id: number | null;
  /** the statement's (or claim's) text now, if it still exists */
  item_text: string | null;
}

export interface EventFilter {
  source: number | null;
  reviewer: string | null;
  subject: Subject | null;
}

const EVENT_WHERE = `WHERE (@source IS NULL OR e.source_id = @source) AND (@reviewer IS NULL OR e.reviewer = @reviewer)
  AND (@subject IS NULL OR e.subject = @subject)`;

const statements = preparedOnce((db: Db) => ({
  get: db.prepare<[number], ReviewRow>("SELECT * FROM reviews WHERE id = ?"),
  byQuote: db.prepare<[number], ReviewRow>("SELECT * FROM reviews WHERE quote_id = ?"),
  byClaim: db.prepare<[number], ReviewRow>("SELECT * FROM reviews WHERE claim_id = ?"),
  ofSource: db.prepare<[number, string], ReviewRow>("SELECT * FROM reviews WHERE source_id = ? AND subject = ? ORDER BY id"),
  insert: db.prepare<NewReview>(`INSERT INTO reviews (subject, source_id, quote_id, claim_id, extracted, state, status,
      corrected, conflict, revision, reviewer, updated_at) VALUES (@subject, @source_id, @quote_id, @claim_id, @extracted,
      @state, @status, @corrected, @conflict, @revision, @reviewer, @updated_at)`),
  update: db.prepare<ReviewRow>(`UPDATE reviews SET quote_id = @quote_id, claim_id = @claim_id, extracted = @extracted,
      state = @state, status = @status, corrected = @corrected, conflict = @conflict, revision = @revision,
      reviewer = @reviewer, updated_at = @updated_at WHERE id = @id`),
  insertEvent: db.prepare<NewEvent>(`INSERT INTO review_events (review_id, revision, created_at, reviewer, subject, source_id,
      item_id, action, before, after, note, undoes) VALUES (@review_id, @revision, @created_at, @reviewer, @subject, @source_id,
      @item_id, @action, @before, @after, @note, @undoes)`),
  eventsOf: db.prepare<[number], EventRow>("SELECT * FROM review_events WHERE review_id = ? ORDER BY id"),
  eventsSince: db.prepare<[number, number], EventRow>("SELECT * FROM review_events WHERE review_id = ? AND revision > ? ORDER BY id"),
  exportEvents: db.prepare<EventFilter & { limit: number; offset: number }, EventExportRow>(`SELECT e.*, s.title AS source_title,
      CASE e.subject WHEN 'quote' THEN r.quote_id ELSE r.claim_id END AS current_item_id,
      CASE e.subject WHEN 'quote' THEN (SELECT text FROM quotes WHERE id = r.quote_id) ELSE (SELECT text FROM claims WHERE id = r.claim_id) END AS item_text
    FROM review_events e JOIN reviews r ON r.id = e.review_id JOIN sources s ON s.id = e.source_id
    ${EVENT_WHERE} ORDER BY e.id LIMIT @limit OFFSET @offset`),
  countEvents: db.prepare<EventFilter, { n: number }>(`SELECT count(*) AS n FROM review_events e ${EVENT_WHERE}`),
  conflicts: db.prepare<[number, number], ReviewRow>(
    "SELECT * FROM reviews WHERE conflict IS NOT NULL ORDER BY source_id, id LIMIT ? OFFSET ?"),
  countConflicts: db.prepare<[], { n: number }>("SELECT count(*) AS n FROM reviews WHERE conflict IS NOT NULL"),
  reviewers: db.prepare<[], { reviewer: string }>("SELECT DISTINCT reviewer FROM review_events ORDER BY reviewer"),
  setQuote: db.prepare<QuoteFields & { id: number }>(`UPDATE quotes SET start = @start, end = @end, text = @text, kind = @kind,
      speaker_mention = @speaker_mention, speaker_start = @speaker_start, speaker_end = @speaker_end,
      speaker_canonical = @speaker_canonical, speaker_kind = @speaker_kind, person_id = @person_id, cue = @cue,
      cue_start = @cue_start, cue_end = @cue_end, via = @via, review_status = @review_status WHERE id = @id`),
  setClaimStatus: db.prepare<[string, number]>("UPDATE claims SET review_status = ? WHERE id = ?"),
  dropMembership: db.prepare<[number]>("DELETE FROM statement_group_members WHERE quote_id = ?"),
  stats: db.prepare<[], { status: string; n: number }>("SELECT review_status AS status, count(*) AS n FROM quotes GROUP BY review_status"),
}));

export function getReview(db: Db, id: number): ReviewRow | undefined {
  return statements(db).get.get(id);
}

export function reviewOfQuote(db: Db, quoteId: number): ReviewRow | undefined {
  return statements(db).byQuote.get(quoteId);
}

export function reviewOfClaim(db: Db, claimId: number): ReviewRow | undefined {
  return statements(db).byClaim.get(claimId);
}

export function reviewsOfSource(db: Db, sourceId: number, subject: Subject): ReviewRow[] {
  return statements(db).ofSource.all(sourceId, subject);
}

export function insertReview(db: Db, r: NewReview): number {
  return Number(statements(db).insert.run(r).lastInsertRowid);
}

export function updateReview(db: Db, r: ReviewRow): void {
  statements(db).update.run(r);
}

export function insertEvent(db: Db, e: NewEvent): number {
  return Number(statements(db).insertEvent.run(e).lastInsertRowid);
}

export function eventsOf(db: Db, reviewId: number): EventRow[] {
  return statements(db).eventsOf.all(reviewId);
}

export function eventsSince(db: Db, reviewId: number, revision: number): EventRow[] {
  return statements(db).eventsSince.all(reviewId, revision);
}

export function exportEvents(db: Db, filter: EventFilter, limit: number, offset: number): EventExportRow[] {
  return statements(db).exportEvents.all({ ...filter, limit, offset });
}

export function countEvents(db: Db, filter: EventFilter): number {
  return statements(db).countEvents.get(filter)!.n;
}

export function conflictReviews(db: Db, limit: number, offset: number): ReviewRow[] {
  return statements(db).conflicts.all(limit, offset);
}

export function countConflictReviews(db: Db): number {
  return statements(db).countConflicts.get()!.n;
}

export function reviewerNames(db: Db): string[] {
  return statements(db).reviewers.all().map((r) => r.reviewer);
}

export function setQuoteFields(db: Db, id: number, f: QuoteFields): void {
  statements(db).setQuote.run({ ...f, id });
}

export function setClaimStatus(db: Db, id: number, status: string): void {
  statements(db).setClaimStatus.run(status, id);
}

/** Takes a statement out of its group (a rejected statement belongs to none). */
export function dropGroupMembership(db: Db, quoteId: number): void {
  statements(db).dropMembership.run(quoteId);
}

export function quoteStatusCounts(db: Db): Map<string, number> {
  return new Map(statements(db).stats.all().map((r) => [r.status, r.n]));
}
