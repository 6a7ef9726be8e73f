// Corpus-wide counts for the overview page.
import { preparedOnce, type Db } from "./db";

export interface Counts {
  sources: number;
  people: number;
  quotes: number;
  claims: number;
}

const statements = preparedOnce((db: Db) => ({
  counts: db.prepare<[], Counts>(`SELECT
      (SELECT count(*) FROM sources) AS sources,
      (SELECT count(*) FROM people) AS people,
      (SELECT count(*) FROM quotes) AS quotes,
      (SELECT count(*) FROM claims) AS claims`),
}));

export function corpusCounts(db: Db): Counts {
  return statements(db).counts.get()!;
}
