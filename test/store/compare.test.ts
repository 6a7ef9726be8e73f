import assert from "node:assert/strict";
import { openDb, type Db } from "../../src/store/db";
import { ingestArticle, reextractSource, reextractStale, type Extractor } from "../../src/services/ingest";
import { ensureGroups, groupsAreCurrent, regroupAll, regroupPeople } from "../../src/services/compare";
import { ingestPaths } from "../../src/services/ingest-files";
import { SEEDS_DIR } from "../../src/paths";
import { COMPARE_VERSION } from "../../src/compare";
import { COAST, COMPARISON_ARTICLES, METRO, NORTHERN, RIVER, VALLEY } from "../fixtures/comparison";
import { FIXTURE_EXTRACTOR, FIXTURE_INGEST, comparisonDb } from "../fixtures/corpus";

interface Snapshot {
  label: string;
  negation: number;
  number: number;
  texts: string[];
}

/** Every group as its label, call-outs and member texts (ids change with re-extraction; texts do not). */
function groups(db: Db): Snapshot[] {
  const rows = db.prepare(`SELECT g.id, g.label, g.negation_changed AS negation, g.number_changed AS number, s.outlet || ': ' || q.text AS t
    FROM statement_groups g JOIN statement_group_members m ON m.group_id = g.id JOIN quotes q ON q.id = m.quote_id JOIN sources s ON s.id = q.source_id
    ORDER BY g.id, t`).all() as { id: number; label: string; negation: number; number: number; t: string }[];
  const by = new Map<number, Snapshot>();
  for (const r of rows) {
    let g = by.get(r.id);
    if (!g) by.set(r.id, (g = { label: r.label, negation: r.negation, number: r.number, texts: [] }));
    g.texts.push(r.t);
  }
  return [...by.values()].sort((a, b) => a.texts[0]!.localeCompare(b.texts[0]!));
}

function labelOf(db: Db, text: string): Snapshot {
  const g = groups(db).find((s) => s.texts.some((t) => t.endsWith(text)));
  assert.ok(g, `no group holds ${text}`);
  return g;
}

const count = (db: Db, table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe("services: statement groups of the comparison fixtures", () => {
  let db: Db;
  before(() => { db = comparisonDb(); });
  after(() => db.close());

  const expected: { text: string; label: string; negation?: number; number?: number; outlets: string[] }[] = [
    { text: "We will not close the Eastfield hospital.", label: "altered wording", negation: 1, outlets: ["Coast Courier", "Metro Daily", "Northern Post"] },
    { text: "The region will get 300 new nurses by the end of the year,", label: "altered wording", number: 1, outlets: ["Northern Post", "River Herald", "Valley Times"] },
    { text: "The budget is balanced and the reserves are full again,", label: "conflicting attribution", outlets: ["Metro Daily", "Northern Post"] },
    { text: "Waiting lists for hip operations will be cut in half before the winter,", label: "paraphrase", outlets: ["Northern Post", "River Herald"] },
    { text: "the nurses \"were never consulted about the closure plans\"", label: "conflicting attribution", outlets: ["Northern Post", "Valley Times"] },
    { text: "I grew up two streets from this ward,", label: "one source only", outlets: ["Northern Post"] },
    { text: "the new ward would open in March.", label: "one source only", outlets: ["Coast Courier"] },
  ];
  for (const e of expected) {
    it(`${e.label}: ${e.text}`, () => {
      const g = labelOf(db, e.text);
      assert.equal(g.label, e.label);
      assert.equal(g.negation, e.negation ?? 0, "negation call-out");
      assert.equal(g.number, e.number ?? 0, "number call-out");
      assert.deepEqual([...new Set(g.texts.map((t) => t.split(":")[0]))].sort(), e.outlets);
    });
  }

  it("puts every attributed quote in exactly one group, and stores its fingerprints", () => {
    assert.equal(count(db, "statement_group_members"), 14);
    assert.equal(count(db, "statement_groups"), 7);
    const unindexed = db.prepare("SELECT count(*) AS n FROM quotes q WHERE NOT EXISTS (SELECT 1 FROM quote_fingerprints f WHERE f.quote_id = q.id)").get() as { n: number };
    assert.equal(unindexed.n, 0);
    assert.equal(groupsAreCurrent(db), true);
  });
});

describe("services: keeping groups up to date", () => {
  it("one article at a time gives the groups of a full regroup", () => {
    const db = comparisonDb();
    const incremental = groups(db);
    regroupAll(db);
    assert.deepEqual(groups(db), incremental);
    db.close();
  });

  it("gives the same groups whatever order the articles arrive in", () => {
    const a = comparisonDb();
    const b = openDb(":memory:");
    for (const art of [...COMPARISON_ARTICLES].reverse()) ingestArticle(b, art, FIXTURE_INGEST);
    assert.deepEqual(groups(b), groups(a));
    a.close();
    b.close();
  });

  it("after a new article, regroups only the people it touches (and those sharing words with them)", () => {
    const db = openDb(":memory:");
    for (const art of [NORTHERN, COAST, VALLEY, RIVER]) ingestArticle(db, art, FIXTURE_INGEST);
    const varga = (db.prepare("SELECT id FROM people WHERE name = 'Lena Varga'").get() as { id: number }).id;
    const sokolov = (db.prepare("SELECT id FROM people WHERE name = 'Yuri Sokolov'").get() as { id: number }).id;
    const report = regroupPeople(db, [sokolov]);
    assert.equal(report.mode, "region");
    assert.equal(report.statements, 2, "Yuri Sokolov and Yury Sokolov, whose words he shares; not Lena Varga");
    assert.ok(regroupPeople(db, [varga]).statements >= 9);
    db.close();
  });

  it("keeps a group's id when a source joins it", () => {
    const db = openDb(":memory:");
    ingestArticle(db, NORTHERN, FIXTURE_INGEST);
    const id = (db.prepare("SELECT m.group_id AS id FROM statement_group_members m JOIN quotes q ON q.id = m.quote_id WHERE q.text LIKE 'We will not close%'").get() as { id: number }).id;
    ingestArticle(db, COAST, FIXTURE_INGEST);
    const after = db.prepare("SELECT g.id, g.label FROM statement_groups g WHERE g.id = ?").get(id) as { id: number; label: string };
    assert.deepEqual(after, { id, label: "altered wording" });
    db.close();
  });

  it("regroups after re-extracting one source, and after an extractor version change", () => {
    const db = comparisonDb();
    const before = groups(db);
    const metro = (db.prepare("SELECT id FROM sources WHERE outlet = 'Metro Daily'").get() as { id: number }).id;
    // the source now says nothing: its versions leave their groups
    const silent: Extractor = { version: "fixture-1", extract: (t) => (t === METRO.text ? { quotes: [], claims: [], entities: [] } : FIXTURE_EXTRACTOR.extract(t)) };
    reextractSource(db, metro, silent);
    assert.equal(labelOf(db, "The budget is balanced and the reserves are full again,").label, "one source only");
    assert.deepEqual(labelOf(db, "We will not close the Eastfield hospital.").texts.length, 2);
    reextractSource(db, metro, FIXTURE_EXTRACTOR);
    assert.deepEqual(groups(db), before);
    assert.deepEqual(reextractStale(db, { ...FIXTURE_EXTRACTOR, version: "fixture-2" }), { updated: 5, failed: [] });
    assert.deepEqual(groups(db), before);
    assert.equal(groupsAreCurrent(db), true);
    db.close();
  });

  it("a batch marks groups stale and regroups once at the end", () => {
    const db = openDb(":memory:");
    ingestArticle(db, NORTHERN, { ...FIXTURE_INGEST, regroup: false });
    assert.equal(groupsAreCurrent(db), false);
    assert.equal(count(db, "statement_groups"), 0);
    const report = ensureGroups(db);
    assert.equal(report?.mode, "full");
    assert.equal(count(db, "statement_groups"), 6);
    assert.equal(ensureGroups(db), null, "nothing to do the second time");
    assert.equal((db.prepare("SELECT value FROM meta WHERE key = 'groups_version'").get() as { value: string }).value, COMPARE_VERSION);
    db.close();
  });
});

describe("services: the seed articles (real extractor)", () => {
  let db: Db;
  before(() => {
    db = openDb(":memory:");
    const summary = ingestPaths(db, [SEEDS_DIR], { only: [".txt"] });
    assert.equal(summary.created, 2);
  });
  after(() => db.close());

  it("finds Kim Jong-un in both seeds as one person", () => {
    const rows = db.prepare("SELECT id, name FROM people WHERE name_key = 'kim jong un'").all() as { id: number }[];
    assert.equal(rows.length, 1);
    const sources = db.prepare("SELECT DISTINCT source_id FROM quotes WHERE person_id = ? UNION SELECT source_id FROM source_people WHERE person_id = ?").all(rows[0]!.id, rows[0]!.id);
    assert.equal(sources.length, 2);
  });

  it("never merges Kim Jong-un with Kim Jong-il or Kim Yong-chol", () => {
    const kim = db.prepare("SELECT id FROM people WHERE name_key = 'kim jong un'").get() as { id: number };
    const others = db.prepare("SELECT id FROM people WHERE name_key IN ('kim jong il', 'kim yong chol')").all() as { id: number }[];
    for (const o of others) assert.notEqual(o.id, kim.id);
    const aliases = (db.prepare("SELECT alias_key FROM person_aliases WHERE person_id = ?").all(kim.id) as { alias_key: string }[]).map((a) => a.alias_key);
    assert.ok(!aliases.includes("kim jong il") && !aliases.includes("kim yong chol"), aliases.join(", "));
  });

  it("groups every attributed statement and labels each group", () => {
    const ungrouped = db.prepare("SELECT count(*) AS n FROM quotes q WHERE q.person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM statement_group_members m WHERE m.quote_id = q.id)").get() as { n: number };
    assert.equal(ungrouped.n, 0);
    // the two seeds report different statements: no group may claim a difference it cannot show
    for (const g of db.prepare("SELECT * FROM statement_groups").all() as { source_count: number; label: string }[]) {
      if (g.source_count < 2) assert.equal(g.label, "one source only");
    }
  });
});
