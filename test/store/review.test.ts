import assert from "node:assert/strict";
import { openDb, type Db } from "../../src/store/db";
import { ingestArticle, reextractStale, type Extractor } from "../../src/services/ingest";
import { mergePeople, splitAlias } from "../../src/services/review";
import { resolveEntity } from "../../src/services/people";
import { AppError } from "../../src/errors";
import type { Extraction } from "../../src/nlp/types";
import { FIXTURE_EXTRACTOR, comparisonDb, entity, quote } from "../fixtures/corpus";

const personId = (db: Db, name: string): number | undefined =>
  (db.prepare("SELECT id FROM people WHERE name = ?").get(name) as { id: number } | undefined)?.id;

/** Who each Sokolov quote is attributed to, by the name the article used. */
function sokolovs(db: Db): Record<string, string> {
  const rows = db.prepare(`SELECT q.speaker_canonical AS said, p.name AS person FROM quotes q JOIN people p ON p.id = q.person_id
    WHERE q.speaker_canonical LIKE '%Sokolov' ORDER BY q.speaker_canonical`).all() as { said: string; person: string }[];
  return Object.fromEntries(rows.map((r) => [r.said, r.person]));
}

function groupLabelOf(db: Db, text: string): string {
  return (db.prepare(`SELECT g.label FROM statement_groups g JOIN statement_group_members m ON m.group_id = g.id
    JOIN quotes q ON q.id = m.quote_id WHERE q.text = ? LIMIT 1`).get(text) as { label: string }).label;
}

const CONSULTED = "the nurses \"were never consulted about the closure plans\"";
const version = (v: string): Extractor => ({ ...FIXTURE_EXTRACTOR, version: v });
const rejects = (fn: () => unknown, status: number, field: string) =>
  assert.throws(fn, (e: unknown) => e instanceof AppError && e.status === status && (status !== 400 || field in e.fields));

/** An article naming only a one-word speaker, with a role. */
function oneWord(text: string, name: string, roles: string[]): { text: string; extractor: Extractor } {
  const ex: Extraction = {
    quotes: [quote(text, { text: text.slice(text.indexOf("\"") + 1, text.lastIndexOf("\"")), kind: "direct", speaker: name, canonical: name, cue: "said" })],
    claims: [],
    entities: [entity(name, [], roles)],
  };
  return { text, extractor: { version: "fixture-1", extract: (t) => (t === text ? ex : FIXTURE_EXTRACTOR.extract(t)) } };
}

describe("review: merging two people", () => {
  let db: Db;
  beforeEach(() => { db = comparisonDb(); });
  afterEach(() => db.close());

  it("moves statements, sources, aliases and roles, and the conflict becomes identical", () => {
    const yuri = personId(db, "Yuri Sokolov")!;
    const yury = personId(db, "Yury Sokolov")!;
    assert.equal(groupLabelOf(db, CONSULTED), "conflicting attribution");
    assert.deepEqual(mergePeople(db, yuri, yury), { person: yuri, merged: yury });
    assert.equal(personId(db, "Yury Sokolov"), undefined);
    assert.deepEqual(sokolovs(db), { "Yuri Sokolov": "Yuri Sokolov", "Yury Sokolov": "Yuri Sokolov" });
    const aliases = (db.prepare("SELECT alias FROM person_aliases WHERE person_id = ? ORDER BY alias").all(yuri) as { alias: string }[]).map((a) => a.alias);
    assert.deepEqual(aliases, ["Yuri Sokolov", "Yury Sokolov"]);
    assert.equal(groupLabelOf(db, CONSULTED), "identical");
  });

  it("survives an extractor version change (re-extraction) and a new article", () => {
    mergePeople(db, personId(db, "Yuri Sokolov")!, personId(db, "Yury Sokolov")!);
    assert.deepEqual(reextractStale(db, version("fixture-2")), { updated: 5, failed: [] });
    assert.deepEqual(sokolovs(db), { "Yuri Sokolov": "Yuri Sokolov", "Yury Sokolov": "Yuri Sokolov" });
    assert.equal(groupLabelOf(db, CONSULTED), "identical");
    // a later article naming him Yury goes to the merged person too
    const text = "\"Nobody asked the night shift about the closure,\" said Yury Sokolov.";
    const ex: Extraction = { quotes: [quote(text, { text: "Nobody asked the night shift about the closure,", kind: "direct", speaker: "Yury Sokolov", canonical: "Yury Sokolov", cue: "said" })], claims: [], entities: [entity("Yury Sokolov")] };
    ingestArticle(db, { text }, { extractor: { version: "fixture-2", extract: (t) => (t === text ? ex : FIXTURE_EXTRACTOR.extract(t)) } });
    assert.equal(personId(db, "Yury Sokolov"), undefined);
    assert.equal((db.prepare("SELECT count(*) AS n FROM quotes WHERE person_id = ?").get(personId(db, "Yuri Sokolov")) as { n: number }).n, 3);
  });

  it("follows merges in a chain: a name merged into someone later merged elsewhere", () => {
    const yuri = personId(db, "Yuri Sokolov")!;
    const claes = personId(db, "Piet Claes")!;
    mergePeople(db, claes, personId(db, "Yury Sokolov")!);
    mergePeople(db, yuri, claes);
    reextractStale(db, version("fixture-2"));
    assert.equal(personId(db, "Piet Claes"), undefined);
    assert.deepEqual(sokolovs(db), { "Yuri Sokolov": "Yuri Sokolov", "Yury Sokolov": "Yuri Sokolov" });
  });

  it("refuses a person merged with themselves, an unknown other, an unknown person", () => {
    const yuri = personId(db, "Yuri Sokolov")!;
    rejects(() => mergePeople(db, yuri, yuri), 400, "other");
    rejects(() => mergePeople(db, yuri, 999), 400, "other");
    rejects(() => mergePeople(db, 999, yuri), 404, "");
    assert.ok(personId(db, "Yury Sokolov"), "nothing changed");
  });

  it("merges a one-word name only in the articles where the reviewer saw it", () => {
    const a = oneWord("\"The ferry will run all winter,\" Lind said.", "Lind", []);
    const b = oneWord("\"The new stadium is finished,\" Lind said.", "Lind", []);
    const ana = resolveEntity(db, entity("Ana Lind", ["Lind"], ["transport minister"]))!;
    // a second full name with the surname: the corpus leaves doubt, so only the reviewer joins "Lind"
    resolveEntity(db, entity("Per Lind", ["Lind"], ["coach"]));
    ingestArticle(db, { text: a.text }, { extractor: a.extractor });
    const lind = personId(db, "Lind")!;
    mergePeople(db, ana, lind);
    ingestArticle(db, { text: b.text }, { extractor: b.extractor });
    const where = db.prepare("SELECT q.text, p.name FROM quotes q JOIN people p ON p.id = q.person_id WHERE q.speaker_canonical = 'Lind' ORDER BY q.id").all();
    assert.deepEqual(where, [
      { text: "The ferry will run all winter,", name: "Ana Lind" },
      { text: "The new stadium is finished,", name: "Lind" },
    ]);
  });
});

describe("review: splitting a name off a person", () => {
  let db: Db;
  beforeEach(() => {
    db = comparisonDb();
    mergePeople(db, personId(db, "Yuri Sokolov")!, personId(db, "Yury Sokolov")!);
  });
  afterEach(() => db.close());

  it("gives the name's statements back to a person of that name", () => {
    const yuri = personId(db, "Yuri Sokolov")!;
    const r = splitAlias(db, yuri, "Yury Sokolov");
    assert.equal(r.person, yuri);
    assert.equal(r.split_to, personId(db, "Yury Sokolov"));
    assert.deepEqual(sokolovs(db), { "Yuri Sokolov": "Yuri Sokolov", "Yury Sokolov": "Yury Sokolov" });
    assert.equal(groupLabelOf(db, CONSULTED), "conflicting attribution");
  });

  it("survives an extractor version change: the name is not added back", () => {
    const yuri = personId(db, "Yuri Sokolov")!;
    splitAlias(db, yuri, "Yury Sokolov");
    reextractStale(db, version("fixture-2"));
    assert.deepEqual(sokolovs(db), { "Yuri Sokolov": "Yuri Sokolov", "Yury Sokolov": "Yury Sokolov" });
    const aliases = (db.prepare("SELECT alias FROM person_aliases WHERE person_id = ?").all(yuri) as { alias: string }[]).map((a) => a.alias);
    assert.deepEqual(aliases, ["Yuri Sokolov"]);
  });

  it("a later merge undoes the split", () => {
    const yuri = personId(db, "Yuri Sokolov")!;
    splitAlias(db, yuri, "Yury Sokolov");
    mergePeople(db, yuri, personId(db, "Yury Sokolov")!);
    reextractStale(db, version("fixture-2"));
    assert.deepEqual(sokolovs(db), { "Yuri Sokolov": "Yuri Sokolov", "Yury Sokolov": "Yuri Sokolov" });
  });

  it("removes a name with no statements of its own from the person only", () => {
    const varga = personId(db, "Lena Varga")!;
    assert.deepEqual(splitAlias(db, varga, "Varga"), { person: varga, split_to: null });
    reextractStale(db, version("fixture-2"));
    const aliases = (db.prepare("SELECT alias FROM person_aliases WHERE person_id = ?").all(varga) as { alias: string }[]).map((a) => a.alias);
    assert.deepEqual(aliases, ["Lena Varga"]);
  });

  it("refuses the person's own name, however written, and names they do not have", () => {
    const yuri = personId(db, "Yuri Sokolov")!;
    db.prepare("INSERT INTO person_aliases (person_id, alias, alias_key) VALUES (?, 'YURI  SOKOLOV', 'yuri sokolov')").run(yuri);
    rejects(() => splitAlias(db, yuri, "YURI  SOKOLOV"), 400, "alias");
    rejects(() => splitAlias(db, yuri, "Lena Varga"), 400, "alias");
    rejects(() => splitAlias(db, yuri, ""), 400, "alias");
    rejects(() => splitAlias(db, yuri, 42), 400, "alias");
    rejects(() => splitAlias(db, 999, "Yury Sokolov"), 404, "");
  });
});

describe("review: a one-word name joins a person on a role held by that person alone", () => {
  const cases: { name: string; people: ReturnType<typeof entity>[]; speaker: ReturnType<typeof entity>; joins: string | null }[] = [
    { name: "alias and role match one person", people: [entity("Ana Lind", ["Lind"], ["Transport Minister"])], speaker: entity("Lind", [], ["transport minister"]), joins: "Ana Lind" },
    { name: "two people hold alias and role", people: [entity("Ana Lind", ["Lind"], ["minister"]), entity("Per Lind", ["Lind"], ["minister"])], speaker: entity("Lind", [], ["minister"]), joins: null },
    { name: "the role differs", people: [entity("Ana Lind", ["Lind"], ["transport minister"])], speaker: entity("Lind", [], ["mayor"]), joins: null },
    { name: "no role given, one full name with the surname", people: [entity("Ana Lind", ["Lind"], ["transport minister"])], speaker: entity("Lind"), joins: "Ana Lind" },
    { name: "no role given, two full names with the surname", people: [entity("Ana Lind", [], ["transport minister"]), entity("Per Lind", [], ["coach"])], speaker: entity("Lind"), joins: null },
    { name: "a title of the one full name's gender", people: [entity("Anna Lind", [], [])], speaker: entity("Lind", [], ["Mrs"]), joins: "Anna Lind" },
    { name: "a title of the other gender", people: [entity("Anna Lind", [], [])], speaker: entity("Lind", [], ["Mr"]), joins: null },
    { name: "a body whose name ends in the word", people: [entity("Lind Harbour Authority", [], [], "organisation")], speaker: entity("Authority"), joins: null },
    { name: "Kim Jong-un and Kim Jong Un are one person", people: [entity("Kim Jong-un", ["Kim"], ["leader"])], speaker: entity("Kim Jong Un"), joins: "Kim Jong-un" },
    { name: "Kim Jong-il is not Kim Jong-un", people: [entity("Kim Jong-un", ["Kim"], ["leader"])], speaker: entity("Kim Jong-il", ["Kim"], ["leader"]), joins: null },
  ];
  for (const c of cases) {
    it(`${c.joins ? "joins" : "stays apart"}: ${c.name}`, () => {
      const db = openDb(":memory:");
      const ids = c.people.map((p) => resolveEntity(db, p)!);
      const id = resolveEntity(db, c.speaker)!;
      if (c.joins) assert.equal(id, ids[c.people.findIndex((p) => p.canonical === c.joins)]);
      else assert.ok(!ids.includes(id));
      db.close();
    });
  }
});
