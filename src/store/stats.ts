// Corpus-wide counts for the overview page.
import { preparedOnce, type Db } from "./db";

export interface Counts {
  sources: number;
  people: number;
  quotes: number;
  claims: number;
}

export interface PersonCount {
  id: number;
  name: string;
  n: number;
}

export interface CellCount {
  person_id: number;
  source_id: number;
  n: number;
}

const statements = preparedOnce((db: Db) => ({
  // every figure from a kept count (migrations 65, 82 and 83) but the people, a few thousand rows
  counts: db.prepare<[], Counts>(`SELECT
      (SELECT coalesce(sum(n), 0) FROM row_counts WHERE tbl = 'sources') AS sources,
      (SELECT count(*) FROM people) AS people,
      (SELECT coalesce(sum(n), 0) FROM quote_facet_counts) AS quotes,
      (SELECT coalesce(sum(n), 0) FROM claim_facet_counts) AS claims`),
  // the kept counts (migration 65) from the limit-th highest count up: the ties at the cut are ordered by name, as before
  topPeople: db.prepare<{ limit: number }, PersonCount>(`SELECT p.id, p.name, k.n FROM person_quote_counts k JOIN people p ON p.id = k.person_id
      WHERE k.n >= coalesce((SELECT n FROM person_quote_counts ORDER BY n DESC LIMIT 1 OFFSET @limit - 1), 0)
      ORDER BY k.n DESC, p.name COLLATE NOCASE, p.id LIMIT @limit`),
  // migration 85's kept sums (summing every article of the person: 11 ms for the busiest at 222,500 articles)
  coQuoted: db.prepare<[number, number], PersonCount>(`SELECT p.id, p.name, k.n FROM person_pairs k JOIN people p ON p.id = k.other_id
      WHERE k.person_id = ? ORDER BY k.n DESC, p.name COLLATE NOCASE, p.id LIMIT ?`),
  cells: db.prepare<[string], CellCount>(`SELECT person_id, source_id, n FROM person_source_counts
      WHERE person_id IN (SELECT value FROM json_each(?)) ORDER BY person_id, source_id`),
  // the chart's columns (decision 041): the sources with most statements of these people, summed in SQL
  topSourcesOf: db.prepare<[string, number], { source_id: number; n: number }>(`SELECT source_id, sum(n) AS n FROM person_source_counts
      WHERE person_id IN (SELECT value FROM json_each(?)) GROUP BY source_id ORDER BY n DESC, source_id LIMIT ?`),
  // one person's: the head of migration 83's index
  topSourcesOfOne: db.prepare<[number, number], { source_id: number; n: number }>(`SELECT source_id, n FROM person_source_counts
      INDEXED BY person_source_counts_n WHERE person_id = ? ORDER BY n DESC, source_id LIMIT ?`),
  cellsIn: db.prepare<[string, string], CellCount>(`SELECT person_id, source_id, n FROM person_source_counts
      WHERE person_id IN (SELECT value FROM json_each(?)) AND source_id IN (SELECT value FROM json_each(?)) ORDER BY person_id, source_id`),
  totals: db.prepare<[string], { person_id: number; n: number }>(`SELECT person_id, n FROM person_quote_counts
      WHERE person_id IN (SELECT value FROM json_each(?))`),
  sourceNames: db.prepare<[string], { id: number; title: string; outlet: string }>(
    "SELECT id, title, outlet FROM sources WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id"),
}));

export function corpusCounts(db: Db): Counts {
  return statements(db).counts.get()!;
}

/** The people with the most attributed statements. */
export function topQuotedPeople(db: Db, limit: number): PersonCount[] {
  return statements(db).topPeople.all({ limit });
}

/** People quoted in the sources that quote this person, by how many statements they have there. */
export function coQuotedPeople(db: Db, personId: number, limit: number): PersonCount[] {
  return statements(db).coQuoted.all(personId, limit);
}

/** Statements per person per source, for these people. */
export function statementCounts(db: Db, personIds: readonly number[]): CellCount[] {
  return statements(db).cells.all(JSON.stringify(personIds));
}

/**
 * The `limit` sources with the most statements of these people (summed over them, most first, then by
 * id), or of `focus` alone: what ranking statementCounts' cells by source gives, without reading them all.
 */
export function topSourcesOf(db: Db, personIds: readonly number[], focus: number | null, limit: number): number[] {
  const s = statements(db);
  const rows = focus === null ? s.topSourcesOf.all(JSON.stringify(personIds), limit) : s.topSourcesOfOne.all(focus, limit);
  return rows.map((r) => r.source_id);
}

/** The cells of statementCounts for these sources only. */
export function statementCountsIn(db: Db, personIds: readonly number[], sourceIds: readonly number[]): CellCount[] {
  return statements(db).cellsIn.all(JSON.stringify(personIds), JSON.stringify(sourceIds));
}

/**
 * Statements per person over every source (migration 65's person_quote_counts, which is the sum of
 * their person_source_counts): what summing statementCounts' cells per person gives. 0 for nobody's.
 */
export function statementTotals(db: Db, personIds: readonly number[]): Map<number, number> {
  const out = new Map(personIds.map((id) => [id, 0]));
  for (const r of statements(db).totals.all(JSON.stringify(personIds))) out.set(r.person_id, r.n);
  return out;
}

export function sourceNames(db: Db, ids: readonly number[]): { id: number; title: string; outlet: string }[] {
  return statements(db).sourceNames.all(JSON.stringify(ids));
}
