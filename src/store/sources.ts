// The sources table: one row per distinct article text (content_hash is UNIQUE).
import { preparedOnce, type Db } from "./db";

export interface SourceRow {
  id: number;
  content_hash: string;
  text: string;
  title: string;
  outlet: string;
  url: string;
  published: string;
  created_at: string;
  extractor_version: string;
}

export type NewSource = Omit<SourceRow, "id">;

export interface SourceSummary {
  id: number;
  title: string;
  outlet: string;
  url: string;
  published: string;
  created_at: string;
  /** the first characters of the text, for sources without a title */
  snippet: string;
  quote_count: number;
  claim_count: number;
  people_count: number;
}

const statements = preparedOnce((db: Db) => ({
  byHash: db.prepare<[string], { id: number }>("SELECT id FROM sources WHERE content_hash = ?"),
  insert: db.prepare<NewSource>(`INSERT INTO sources
      (content_hash, text, title, outlet, url, published, created_at, extractor_version)
      VALUES (@content_hash, @text, @title, @outlet, @url, @published, @created_at, @extractor_version)`),
  get: db.prepare<[number], SourceRow>("SELECT * FROM sources WHERE id = ?"),
  list: db.prepare<[], SourceSummary>(`SELECT s.id, s.title, s.outlet, s.url, s.published, s.created_at,
      substr(s.text, 1, 160) AS snippet,
      (SELECT count(*) FROM quotes q WHERE q.source_id = s.id) AS quote_count,
      (SELECT count(*) FROM claims c WHERE c.source_id = s.id) AS claim_count,
      (SELECT count(*) FROM source_people sp WHERE sp.source_id = s.id) AS people_count
    FROM sources s ORDER BY s.id`),
  staleIds: db.prepare<[string], { id: number }>("SELECT id FROM sources WHERE extractor_version <> ? ORDER BY id"),
  setVersion: db.prepare<[string, number]>("UPDATE sources SET extractor_version = ? WHERE id = ?"),
  options: db.prepare<[number], { id: number; title: string; outlet: string; snippet: string }>(
    "SELECT id, title, outlet, substr(text, 1, 60) AS snippet FROM sources ORDER BY id LIMIT ?"),
}));

export function findSourceByHash(db: Db, hash: string): number | undefined {
  return statements(db).byHash.get(hash)?.id;
}

export function insertSource(db: Db, source: NewSource): number {
  return Number(statements(db).insert.run(source).lastInsertRowid);
}

export function getSource(db: Db, id: number): SourceRow | undefined {
  return statements(db).get.get(id);
}

export function listSources(db: Db): SourceSummary[] {
  return statements(db).list.all();
}

/** Ids and labels of every source, for filter menus; with `upTo`, null when there are more than that. */
export function sourceOptions(db: Db, upTo?: number): { id: number; title: string; outlet: string; snippet: string }[] | null {
  const rows = statements(db).options.all(upTo === undefined ? -1 : upTo + 1);
  return upTo !== undefined && rows.length > upTo ? null : rows;
}

/** Ids of sources extracted by another extractor version than `version`. */
export function staleSourceIds(db: Db, version: string): number[] {
  return statements(db).staleIds.all(version).map((r) => r.id);
}

export function setExtractorVersion(db: Db, id: number, version: string): void {
  statements(db).setVersion.run(version, id);
}
