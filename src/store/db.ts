// Opening the database: pragmas, then pending migrations. SQL lives only under src/store.
import { mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS, type Migration } from "./migrations";

export type Db = Database.Database;

/** A database that cannot be opened or written, in one sentence for the user (no stack trace). */
export class DbError extends Error {
  override name = "DbError";
  constructor(message: string, readonly code: string = "") {
    super(message);
  }
}

/** Whether an error is SQLite's "database or disk is full" (stop: every later write fails too). */
export function isDiskFull(e: unknown): boolean {
  return (e as { code?: string } | null)?.code === "SQLITE_FULL" || (e as { code?: string } | null)?.code === "ENOSPC";
}

/** One sentence for a SQLite or file-system error on `file`, or null when it is none of the known kinds. */
export function describeDbError(e: unknown, file: string): DbError | null {
  if (e instanceof DbError) return e;
  const code = String((e as { code?: unknown } | null)?.code ?? "");
  if (code.startsWith("SQLITE_READONLY") || code === "EROFS" || code === "EACCES" || code === "EPERM") {
    return new DbError(`the database ${file} cannot be written (a read-only file or folder): check its permissions or choose another --db`, code);
  }
  if (code.startsWith("SQLITE_CANTOPEN")) {
    return new DbError(`cannot open the database ${file}: its folder is missing or cannot be written: choose another --db`, code);
  }
  if (code === "SQLITE_NOTADB") return new DbError(`${file} is not a whosaid database (not SQLite, or its header is damaged)`, code);
  if (code.startsWith("SQLITE_CORRUPT")) return new DbError(`the database ${file} is damaged: restore it from a backup, or move it away to start afresh`, code);
  if (isDiskFull(e)) return new DbError(`the disk holding ${file} is full: free some space and run the command again`, code);
  if (code.startsWith("SQLITE_IOERR")) return new DbError(`could not read or write the database ${file} (an input/output error on the disk)`, code);
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
    return new DbError(`the database ${file} is locked by another program that holds it too long: try again when it is done`, code);
  }
  return null;
}

/**
 * Creates the folder of a database file one level at a time from the nearest existing ancestor
 * (mkdir -p on a path under /proc loops forever in Node's recursive mkdir).
 */
function ensureFolder(file: string, dir: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    try {
      if (!statSync(at).isDirectory()) throw new DbError(`cannot create the database ${file}: ${at} is not a folder`, "ENOTDIR");
      break;
    } catch (e) {
      if (e instanceof DbError) throw e;
      if ((e as { code?: string }).code !== "ENOENT") throw new DbError(`cannot create the database ${file}: ${at} cannot be read (${(e as { code?: string }).code})`, "EACCES");
      const up = dirname(at);
      if (up === at) throw new DbError(`cannot create the database ${file}: no part of its folder exists`, "ENOENT");
      missing.push(at);
      at = up;
    }
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      if ((e as { code?: string }).code === "EEXIST") continue;
      throw new DbError(`cannot create the folder ${d} for the database ${file} (${(e as { code?: string }).code ?? "error"}): choose another --db`, "EMKDIR");
    }
  }
}

export interface OpenOptions {
  /**
   * PRAGMA quick_check on a file database before use: true always, false never; default: unless the
   * file was closed cleanly by whosaid and has not changed since (closedCleanly), or always when the
   * environment sets WHOSAID_FULL_CHECK=1.
   */
  check?: boolean;
}

// The clean-close marker: quick_check reads every page (about 14 s of CPU for a 250 MB database), so
// a file that was closed cleanly and is byte-for-byte the file that was closed skips it. At close,
// `FILE-closed` records the file's identity (device, inode, size, modification time in ns); at open
// the marker is removed first, so a run that dies leaves none. A file changed since (written by
// anything, a WAL left behind) does not match and gets the full check. Decision 021.
const markerOf = (file: string) => `${file}-closed`;

function identity(file: string): string | null {
  try {
    const st = statSync(file, { bigint: true });
    return JSON.stringify({ dev: String(st.dev), ino: String(st.ino), size: String(st.size), mtime: String(st.mtimeNs) });
  } catch {
    return null;
  }
}

/** Whether `file` is exactly the file whosaid last closed cleanly (no WAL left, unchanged since). */
export function closedCleanly(file: string): boolean {
  let marker: string;
  try {
    marker = readFileSync(markerOf(file), "utf8");
  } catch {
    return false;
  }
  try {
    if (statSync(`${file}-wal`).size > 0) return false;
  } catch {
    // no WAL file: as a clean close leaves it
  }
  const now = identity(file);
  return now !== null && marker === now;
}

function removeMarker(file: string): void {
  try {
    unlinkSync(markerOf(file));
  } catch {
    // none, or a folder we cannot write (then no marker can be written either)
  }
}

/** After the last close: the marker, when SQLite removed the WAL (it was the last connection). */
function writeMarker(file: string): void {
  try {
    statSync(`${file}-wal`);
    return; // another connection still holds the database: its close decides
  } catch {
    // no WAL: the file is complete
  }
  const id = identity(file);
  if (id === null) return;
  try {
    writeFileSync(markerOf(file), id, { mode: 0o644 });
  } catch {
    // a read-only folder: the next open checks in full, as before
  }
}

/**
 * Opens (creating if needed) the SQLite file, or ":memory:", and brings its schema up to date. A file
 * is checked first (PRAGMA quick_check): a damaged one is refused with a DbError, as is one that cannot
 * be created, opened or written.
 */
export function openDb(file: string, migrations: readonly Migration[] = MIGRATIONS, options: OpenOptions = {}): Db {
  const onDisk = file !== ":memory:" && file !== "";
  let db: Db;
  try {
    if (onDisk) ensureFolder(file, dirname(file));
    db = new Database(file);
  } catch (e) {
    throw describeDbError(e, file) ?? e;
  }
  const check = options.check ?? (process.env.WHOSAID_FULL_CHECK === "1" || !(onDisk && closedCleanly(file)));
  const close = db.close.bind(db);
  if (onDisk) {
    removeMarker(file);
    db.close = () => {
      const open = db.open;
      close();
      if (open) writeMarker(file);
      return db;
    };
  }
  try {
    if (onDisk && check) {
      const rows = db.pragma("quick_check") as { quick_check: string }[];
      if (rows.length !== 1 || rows[0]!.quick_check !== "ok") {
        const first = rows.map((r) => r.quick_check).find((l) => !l.startsWith("***")) ?? "no answer";
        const more = rows.length > 2 ? ` and ${rows.length - 2} more problems` : "";
        throw new DbError(`the database ${file} is damaged (${first.replace(/\s+/g, " ").slice(0, 120)}${more}): restore it from a backup, or move it away to start afresh`, "SQLITE_CORRUPT");
      }
    }
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    db.pragma("synchronous = NORMAL");
    migrate(db, migrations);
  } catch (e) {
    close(); // no marker: a file that failed to open is checked in full next time
    throw describeDbError(e, file) ?? e;
  }
  return db;
}

/** The highest applied migration version (0 on a fresh database). */
export function schemaVersion(db: Db): number {
  const row = db.prepare("SELECT max(version) AS v FROM schema_migrations").get() as { v: number | null };
  return row.v ?? 0;
}

/** Applies every migration the database has not recorded, in version order, each in its own transaction. Returns how many ran. */
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
  // every version not yet applied, not only those above the highest: branches own separate ranges of
  // versions, so a database may hold 15 before it meets 3
  const applied = new Set((db.prepare("SELECT version FROM schema_migrations").all() as { version: number }[]).map((r) => r.version));
  let ran = 0;
  for (const m of ordered) {
    if (applied.has(m.version)) continue;
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
