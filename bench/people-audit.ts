// `npm run audit:people -- DB`: how clean the people of an ingested corpus are. Counts what /people
// lists by default that is not a person's or body's name (lowercase descriptions, sentence fragments,
// calendar words, digits), and the one-word person records ("Blair", from "Mr Blair") left apart from
// a full name that ends in the same word: where exactly one full name does ("no doubt"), and where
// several do. Reads the database only (opened read-only, never migrated), so it can audit a database
// built by any version.
import Database from "better-sqlite3";
import { looksLikeName } from "../src/nlp/kinds";

interface Row { id: number; name: string; name_key: string; kind: string; quotes: number }

export function auditPeople(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare(`SELECT p.id, p.name, p.name_key, p.kind,
        (SELECT count(*) FROM quotes q WHERE q.person_id = p.id) AS quotes FROM people p`).all() as Row[];
    const listed = rows.filter((r) => r.kind === "person" || r.kind === "organisation" || r.kind === "media");
    const notNames = listed.filter((r) => !looksLikeName(r.name));
    // "mr blair" as stored by earlier versions is the one-word name "blair" with a title
    const persons = rows.filter((r) => r.kind === "person").map((r) => ({ ...r, name_key: r.name_key.replace(/^(?:mr|mrs|ms|miss|dr|sir|prof)\.?\s+/u, "") }));
    const fullBySurname = new Map<string, number>();
    for (const r of persons) {
      const at = r.name_key.lastIndexOf(" ");
      if (at > 0) fullBySurname.set(r.name_key.slice(at + 1), (fullBySurname.get(r.name_key.slice(at + 1)) ?? 0) + 1);
    }
    const oneWord = persons.filter((r) => !r.name_key.includes(" ") && fullBySurname.has(r.name_key));
    const noDoubt = oneWord.filter((r) => fullBySurname.get(r.name_key) === 1);
    return {
      people_rows: rows.length,
      listed: listed.length,
      listed_not_names: notNames.length,
      listed_not_names_quotes: notNames.reduce((n, r) => n + r.quotes, 0),
      one_word_with_full_name: oneWord.length,
      one_word_with_full_name_quotes: oneWord.reduce((n, r) => n + r.quotes, 0),
      one_word_one_full_name: noDoubt.length,
      one_word_one_full_name_quotes: noDoubt.reduce((n, r) => n + r.quotes, 0),
    };
  } finally {
    db.close();
  }
}

if (require.main === module) {
  const files = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  if (!files.length) {
    console.error("usage: node dist/bench/people-audit.js DB [DB ...]");
    process.exitCode = 2;
  } else {
    for (const f of files) console.log(f, JSON.stringify(auditPeople(f)));
    if (process.argv.includes("--examples")) {
      const db = new Database(files[0]!, { readonly: true });
      const rows = db.prepare("SELECT name, kind FROM people WHERE kind IN ('person','organisation','media')").all() as { name: string; kind: string }[];
      console.log(rows.filter((r) => !looksLikeName(r.name)).slice(0, 40).map((r) => `${r.kind}: ${r.name}`).join("\n"));
      db.close();
    }
  }
}
