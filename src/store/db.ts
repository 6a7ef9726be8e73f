// Opening the database: pragmas, then pending migrations. SQL lives only under src/store.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS, type Migration } from "./migrations";

export type Db = Database.Database;

/** Opens (creating if needed) the SQLite file, or ":memory:", and brings its schema up to date. */
export function openDb(file: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  if (file !== ":memory:" && file !== "") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    db.pragma("synchronous = NORMAL");
    migrate(db, migrations);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

/** The highest applied migration version (0 on a fresh database). */
export function schemaVersion(db: Db): number {
  const row = db.prepare("SELECT max(version) AS v FROM schema_migrations").get() as { v: number | null };
  return row.v ?? 0;
}

/** Applies every migration newer than the database, each in its own transaction. Returns how many ran. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const current = schemaVersion(db);
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  const known = ordered.at(-1)?.version ?? 0;
  if (current > known) {
    throw new Error(`the database schema is version ${current}, newer than this program knows (${known}): upgrade whosaid`);
  }
  const record = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  let ran = 0;
  for (const m of ordered) {
    if (m.version <= current) continue;
    const fk = m.rebuildsTables && (db.pragma("foreign_keys", { simple: true }) as number) === 1;
    if (fk) db.pragma("foreign_keys = OFF");
    try {
      db.transaction(() => {
        db.exec(m.sql);
        if (m.rebuildsTables && (db.pragma("foreign_key_check") as unknown[]).length) {
          throw new Error(`migration ${m.version} (${m.name}) left rows whose foreign keys point nowhere`);
        }
        record.run(m.version, m.name, new Date().toISOString());
      })();
    } finally {
      if (fk) db.pragma("foreign_keys = ON");
    }
    ran++;
  }
  return ran;
}

/** Caches one bundle of prepared statements per database connection (statements are prepared once). */
export function preparedOnce<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let hit = cache.get(db);
    if (!hit) {
      hit = build(db);
      cache.set(db, hit);
    }
    return hit;
  };
}
