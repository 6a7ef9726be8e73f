// The claims table: statements made on nobody's (or weak) authority.
import { preparedOnce, type Db } from "./db";

export interface NewClaim {
  source_id: number;
  start: number;
  end: number;
  text: string;
  reason: string;
  trigger: string;
  trigger_start: number;
  trigger_end: number;
  explanation: string;
}

export interface ClaimRow extends NewClaim {
  id: number;
  source_title: string;
  outlet: string;
  /** review: confirmed (the flag is right), dismissed (it is not), or unreviewed */
  review_status: ClaimReviewStatus;
  review_id: number | null;
  reviewer: string | null;
  review_note: string | null;
  revision: number;
}

export type ClaimReviewStatus = "unreviewed" | "confirmed" | "dismissed";
export const CLAIM_REVIEW_FILTERS = ["unreviewed", "reviewed", "confirmed", "dismissed"] as const;

export interface ClaimFilter {
  reason: string | null;
  source: number | null;
  review?: (typeof CLAIM_REVIEW_FILTERS)[number] | null;
}

const SELECT = `SELECT c.*, s.title AS source_title, s.outlet AS outlet, r.id AS review_id, r.reviewer AS reviewer,
    nullif(json_extract(r.state, '$.note'), '') AS review_note, coalesce(r.revision, 0) AS revision
  FROM claims c JOIN sources s ON s.id = c.source_id LEFT JOIN reviews r ON r.claim_id = c.id`;
const WHERE = `WHERE (@reason IS NULL OR c.reason = @reason) AND (@source IS NULL OR c.source_id = @source)
  AND (@review IS NULL OR c.review_status = @review OR (@review = 'reviewed' AND c.review_status <> 'unreviewed'))`;
type ClaimParams = { reason: string | null; source: number | null; review: string | null };
const claimParams = (f: ClaimFilter): ClaimParams => ({ reason: f.reason, source: f.source, review: f.review ?? null });

const statements = preparedOnce((db: Db) => ({
  insert: db.prepare<NewClaim>(`INSERT INTO claims
      (source_id, start, end, text, reason, trigger, trigger_start, trigger_end, explanation)
      VALUES (@source_id, @start, @end, @text, @reason, @trigger, @trigger_start, @trigger_end, @explanation)`),
  deleteForSource: db.prepare<[number]>("DELETE FROM claims WHERE source_id = ?"),
  forSource: db.prepare<[number], ClaimRow>(`${SELECT} WHERE c.source_id = ? ORDER BY c.start, c.end DESC, c.id`),
  get: db.prepare<[number], ClaimRow>(`${SELECT} WHERE c.id = ?`),
  search: db.prepare<ClaimParams & { limit: number; offset: number }, ClaimRow>(
    `${SELECT} ${WHERE} ORDER BY c.source_id, c.start, c.end DESC, c.id LIMIT @limit OFFSET @offset`),
  count: db.prepare<ClaimParams, { n: number }>(`SELECT count(*) AS n FROM claims c ${WHERE}`),
  reasons: db.prepare<[], { reason: string }>("SELECT DISTINCT reason FROM claims ORDER BY reason"),
  bySource: db.prepare<[], { source_id: number; reason: string; n: number }>(
    "SELECT source_id, reason, count(*) AS n FROM claims GROUP BY source_id, reason ORDER BY source_id, reason"),
}));

export function insertClaim(db: Db, claim: NewClaim): number {
  return Number(statements(db).insert.run(claim).lastInsertRowid);
}

export function deleteClaimsOfSource(db: Db, sourceId: number): void {
  statements(db).deleteForSource.run(sourceId);
}

export function claimsOfSource(db: Db, sourceId: number): ClaimRow[] {
  return statements(db).forSource.all(sourceId);
}

export function searchClaims(db: Db, filter: ClaimFilter, limit: number, offset: number): ClaimRow[] {
  return statements(db).search.all({ ...claimParams(filter), limit, offset });
}

export function countClaims(db: Db, filter: ClaimFilter): number {
  return statements(db).count.get(claimParams(filter))!.n;
}

/** Every reason present in the database. */
export function claimReasons(db: Db): string[] {
  return statements(db).reasons.all().map((r) => r.reason);
}

/** Claim counts per source and reason. */
export function claimCountsBySource(db: Db): { source_id: number; reason: string; n: number }[] {
  return statements(db).bySource.all();
}

export function getClaim(db: Db, id: number): ClaimRow | undefined {
  return statements(db).get.get(id);
}
