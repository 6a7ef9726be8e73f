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
      (SELECT count(*) FROM quotes) AS quotes,
      (SELECT count(*) FROM claims) AS claims`),
  topPeople: db.prepare<[number], PersonCount>(`SELECT p.id, p.name, count(*) AS n FROM quotes q JOIN people p ON p.id = q.person_id
      WHERE q.review_status <> 'rejected' GROUP BY p.id ORDER BY n DESC, p.name COLLATE NOCASE, p.id LIMIT ?`),
  coQuoted: db.prepare<[number, number, number], PersonCount>(`SELECT p.id, p.name, count(*) AS n FROM quotes q
      JOIN people p ON p.id = q.person_id
      WHERE q.source_id IN (SELECT source_id FROM quotes WHERE person_id = ?) AND q.person_id <> ? AND q.review_status <> 'rejected'
      GROUP BY p.id ORDER BY n DESC, p.name COLLATE NOCASE, p.id LIMIT ?`),
  cells: db.prepare<[string], CellCount>(`SELECT person_id, source_id, count(*) AS n FROM quotes
      WHERE person_id IN (SELECT value FROM json_each(?)) AND review_status <> 'rejected' GROUP BY person_id, source_id ORDER BY person_id, source_id`),
  sourceNames: db.prepare<[string], { id: number; title: string; outlet: string }>(
    "SELECT id, title, outlet FROM sources WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id"),
}));

export function corpusCounts(db: Db): Counts {
  return statements(db).counts.get()!;
}

/** The people with the most attributed statements. */
export function topQuotedPeople(db: Db, limit: number): PersonCount[] {
  return statements(db).topPeople.all(limit);
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
