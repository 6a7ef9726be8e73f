// `npm run audit:people -- DB`: how clean the people of an ingested corpus are. Counts what /people
// lists by default that is not a person's or body's name (lowercase descriptions, sentence fragments,
// calendar words, digits), and the one-word person records ("Blair", from "Mr Blair") left apart from
// a full name that ends in the same word: where exactly one full name does ("no doubt"), and where
// several do. Reads the database only (opened read-only, never migrated), so it can audit a database
// built by any version.
import Database from "better-sqlite3";
import { looksLikeName } from "../src/nlp/kinds";

interface Row { id: number; name: string; name_key: string; kind: string; quotes: number }

// Checks of their own, not the product's looksLikeName (which /people already filters by, so counting
// its rejects among listed rows is zero by construction): a listed name that opens with a function
// word ("The", "One", "But", "Last"), and a person whose name holds a word that names a body
// ("City", "Council", "Bank"). Both are wrong for a person however the extractor decided.
const FUNCTION_WORDS = new Set(["the", "a", "an", "one", "it", "its", "this", "that", "these", "those", "but", "and", "or",
  "in", "on", "at", "of", "for", "to", "last", "next", "some", "many", "most", "other", "his", "her", "their", "our", "we",
  "they", "he", "she", "if", "when", "as", "after", "before", "while", "yet", "so", "there", "here", "both", "all"]);
const BODY_WORDS = new Set(["city", "united", "council", "bank", "party", "association", "motors", "group", "club", "union",
  "ministry", "department", "agency", "commission", "court", "university", "police", "fc", "ltd", "inc", "plc", "corp",
  "company", "institute", "federation", "athletics", "rovers", "athletic", "wanderers", "committee", "board", "office",
  "foundation", "trust", "society", "league", "network", "studios", "records", "airways", "airlines", "telecom"]);

/** Which independent check a listed row fails, or null. */
export function suspectName(name: string, kind: string): "function_word" | "body_word" | null {
  const words = name.trim().split(/\s+/);
  if (FUNCTION_WORDS.has(words[0]!.toLowerCase())) return "function_word";
  if (kind === "person" && words.some((w) => BODY_WORDS.has(w.toLowerCase().replace(/[.,]$/u, "")))) return "body_word";
  return null;
}

export function auditPeople(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare(`SELECT p.id, p.name, p.name_key, p.kind,
        (SELECT count(*) FROM quotes q WHERE q.person_id = p.id) AS quotes FROM people p`).all() as Row[];
    const listed = rows.filter((r) => r.kind === "person" || r.kind === "organisation" || r.kind === "media");
    const notNames = listed.filter((r) => !looksLikeName(r.name));
    const fnWord = listed.filter((r) => suspectName(r.name, r.kind) === "function_word");
    const bodyWord = listed.filter((r) => suspectName(r.name, r.kind) === "body_word");
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
      listed_function_word: fnWord.length,
      listed_function_word_quotes: fnWord.reduce((n, r) => n + r.quotes, 0),
      person_body_word: bodyWord.length,
      person_body_word_quotes: bodyWord.reduce((n, r) => n + r.quotes, 0),
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
      console.log(rows.filter((r) => !looksLikeName(r.name) || suspectName(r.name, r.kind)).slice(0, 60)
        .map((r) => `${r.kind}: ${r.name}${suspectName(r.name, r.kind) ? ` (${suspectName(r.name, r.kind)})` : ""}`).join("\n"));
      db.close();
    }
  }
}
