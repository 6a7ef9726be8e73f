// Invented articles for the ingest tests (not a test file): speakers recur across articles and
// outlets, so statement groups span sources, and a run of them takes a few batches of any size.
import type { Db } from "../../src/store/db";
import { regroupAll } from "../../src/services/compare";
import { groupSignatures } from "../../src/store/groups";

export interface InventedArticle {
  title: string;
  outlet: string;
  text: string;
}

const NAMES = ["Ana Lind", "Tom Reyes", "Mara Quist", "Pavel Orlov", "Ines Duarte", "Joel Varga"];
const OUTLETS = ["Harbour Gazette", "Daily Ledger", "Coast Radio"];

/** `n` articles; article i repeats words of article i - 3 (another outlet), so groups grow as they come. */
export function harbourCorpus(n: number): InventedArticle[] {
  const out: InventedArticle[] = [];
  for (let i = 0; i < n; i++) {
    const a = NAMES[i % NAMES.length]!;
    const b = NAMES[(i + 2) % NAMES.length]!;
    const k = Math.floor(i / 3);
    out.push({
      title: `Harbour story ${i}`,
      outlet: OUTLETS[i % OUTLETS.length]!,
      text: [
        `Finance minister ${a} said on Monday that the harbour tunnel "will cost ${100 + (k % 5)} million".`,
        `"We will not raise the ferry fares in ${2020 + (k % 4)}," ${b} told reporters in Eastport.`,
        `Critics say the plan is reportedly behind schedule, and ${a.split(" ")[1]} is widely seen as its author.`,
        `According to ${b}, the council has "no money left for the bridge at pier ${k % 7}".`,
        `Meeting number ${i + 1} of the harbour board ended late.`,
      ].join("\n"),
    });
  }
  return out;
}

/** The tables a bulk and a serial ingest must leave equal, row for row. */
const TABLES: Record<string, string> = {
  sources: "SELECT id, content_hash, text, title, outlet, url, published, created_at, extractor_version FROM sources ORDER BY id",
  people: "SELECT * FROM people ORDER BY id",
  person_aliases: "SELECT * FROM person_aliases ORDER BY person_id, alias",
  person_roles: "SELECT * FROM person_roles ORDER BY person_id, role",
  source_people: "SELECT * FROM source_people ORDER BY source_id, person_id",
  quotes: "SELECT * FROM quotes ORDER BY id",
  claims: "SELECT * FROM claims ORDER BY id",
  fingerprints: "SELECT * FROM quote_fingerprints ORDER BY fingerprint, quote_id",
};

/** Every stored row, and the statement groups by their members (group ids may differ by history). */
export function dump(db: Db): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, sql] of Object.entries(TABLES)) out[name] = db.prepare(sql).all();
  out.groups = groupSignatures(db);
  return out;
}

/** The groups a full regroup would store, without keeping them (rolled back). */
export function fullRegroupSignatures(db: Db): string[] {
  let sig: string[] = [];
  const rollback = new Error("rollback");
  try {
    db.transaction(() => {
      regroupAll(db);
      sig = groupSignatures(db);
      throw rollback;
    })();
  } catch (e) {
    if (e !== rollback) throw e;
  }
  return sig;
}
