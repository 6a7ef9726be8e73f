// Type-to-search over people: names and aliases containing the typed words, best first. Its own small
// module (and handler, src/web/people-search.ts) so that other pages can reuse it.
import { preparedOnce, type Db } from "./db";

export interface PersonHit {
  id: number;
  name: string;
  kind: string;
  quote_count: number;
}

const like = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const statements = preparedOnce((db: Db) => ({
  search: db.prepare<{ key: string; prefix: string; limit: number }, PersonHit>(`SELECT p.id, p.name, p.kind,
      (SELECT count(*) FROM quotes q WHERE q.person_id = p.id AND q.review_status <> 'rejected') AS quote_count
    FROM people p
    WHERE p.name_key LIKE '%' || @key || '%' ESCAPE '\\'
       OR EXISTS (SELECT 1 FROM person_aliases a WHERE a.person_id = p.id AND a.alias_key LIKE '%' || @key || '%' ESCAPE '\\')
    ORDER BY (p.name_key LIKE @prefix || '%' ESCAPE '\\') DESC, quote_count DESC, p.name COLLATE NOCASE, p.id
    LIMIT @limit`),
}));

/** People whose name or an alias holds `key` (a name key), those starting with it first. */
export function searchPeople(db: Db, key: string, limit: number): PersonHit[] {
  const k = like(key);
  return statements(db).search.all({ key: k, prefix: k, limit });
}
