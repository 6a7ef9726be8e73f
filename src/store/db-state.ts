// The state of a database as one connection sees it: PRAGMA data_version (moves when another
// connection commits) with this connection's total_changes() (moves when this process writes).
// What is kept per state (the page cache, decision 017; the search cache, decision 044) is stale
// the moment it moves.
import type { Statement } from "better-sqlite3";
import type { Db } from "./db";

const states = new WeakMap<Db, { version: Statement; changes: Statement }>();

export function databaseState(db: Db): string {
  let s = states.get(db);
  if (!s) states.set(db, (s = { version: db.prepare("PRAGMA data_version").pluck(), changes: db.prepare("SELECT total_changes()").pluck() }));
  return `${s.version.get() as number}.${s.changes.get() as number}`;
}
