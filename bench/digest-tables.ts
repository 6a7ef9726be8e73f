// A sha256 of every table of a database, rows ordered by primary key (or rowid), for comparing what
// two builds stored (decision 044): `node dist/bench/digest-tables.js A.db [B.db]` prints one JSON
// line per database, and with two, the tables whose digests differ. FTS5's shadow tables are digested
// too (their segments are the index). Columns named in --skip TABLE.COLUMN (repeatable; default
// sources.created_at and schema_migrations.applied_at, the clock) are left out.
import { createHash } from "node:crypto";
import Database from "better-sqlite3";

function digest(file: string, skip: Set<string>): Record<string, string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string; sql: string }[];
    const out: Record<string, string> = {};
    for (const t of tables) {
      if (/CREATE VIRTUAL TABLE/i.test(t.sql)) continue; // its shadow tables hold its rows
      const info = db.prepare(`SELECT name, pk FROM pragma_table_info(?)`).all(t.name) as { name: string; pk: number }[];
      const cols = info.map((c) => c.name).filter((c) => !skip.has(`${t.name}.${c}`));
      const pk = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => `"${c.name}"`);
      const withoutRowid = /WITHOUT\s+ROWID/i.test(t.sql);
      const order = pk.length ? pk.join(", ") : withoutRowid ? cols.map((c) => `"${c}"`).join(", ") : "rowid";
      const h = createHash("sha256");
      let n = 0;
      for (const r of db.prepare(`SELECT ${cols.map((c) => `quote("${c}")`).join(", ")} FROM "${t.name}" ORDER BY ${order}`).raw().iterate() as IterableIterator<unknown[]>) {
        h.update(r.join("\u0001") + "\n");
        n++;
      }
      out[t.name] = `${n}:${h.digest("hex").slice(0, 16)}`;
    }
    return out;
  } finally {
    db.close();
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const skip = new Set<string>(["sources.created_at", "schema_migrations.applied_at"]);
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--skip") skip.add(args[++i]!);
    else files.push(args[i]!);
  }
  const ds = files.map((f) => digest(f, skip));
  ds.forEach((d, i) => console.log(JSON.stringify({ file: files[i], tables: Object.keys(d).length, digest: d })));
  if (ds.length === 2) {
    const names = new Set([...Object.keys(ds[0]!), ...Object.keys(ds[1]!)]);
    const differ = [...names].filter((n) => ds[0]![n] !== ds[1]![n]);
    console.log(JSON.stringify({ identical: differ.length === 0, differ }));
    if (differ.length) process.exitCode = 1;
  }
}

main();
