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
  counts: db.prepare<[], Counts>(`SELECT
      (SELECT count(*) FROM sources) AS sources,
      (SELECT count(*) FROM people) AS people,
      (SELECT coalesce(sum(n), 0) FROM quote_facet_counts) AS quotes,
      (SELECT count(*) FROM claims) AS claims`),
  // the kept counts (migration 65) from the limit-th highest count up: the ties at the cut are ordered by name, as before
  topPeople: db.prepare<{ limit: number }, PersonCount>(`SELECT p.id, p.name, k.n FROM person_quote_counts k JOIN people p ON p.id = k.person_id
      WHERE k.n >= coalesce((SELECT n FROM person_quote_counts ORDER BY n DESC LIMIT 1 OFFSET @limit - 1), 0)
      ORDER BY k.n DESC, p.name COLLATE NOCASE, p.id LIMIT @limit`),
  coQuoted: db.prepare<[number, number, number], PersonCount>(`SELECT p.id, p.name, sum(k.n) AS n FROM person_source_counts k
      JOIN people p ON p.id = k.person_id
      WHERE k.source_id IN (SELECT source_id FROM quotes WHERE person_id = ?) AND k.person_id <> ?
      GROUP BY p.id ORDER BY n DESC, p.name COLLATE NOCASE, p.id LIMIT ?`),
  cells: db.prepare<[string], CellCount>(`SELECT person_id, source_id, n FROM person_source_counts
      WHERE person_id IN (SELECT value FROM json_each(?)) ORDER BY person_id, source_id`),
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
  return statements(db).coQuoted.all(personId, personId, limit);
}

/** Statements per person per source, for these people. */
export function statementCounts(db: Db, personIds: readonly number[]): CellCount[] {
  return statements(db).cells.all(JSON.stringify(personIds));
}

export function sourceNames(db: Db, ids: readonly number[]): { id: number; title: string; outlet: string }[] {
  return statements(db).sourceNames.all(JSON.stringify(ids));
}
