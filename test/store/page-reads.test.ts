// Migrations 83, 84 and 85 (decision 041): what the home page, a person's page and a search read instead
// of every group, article, statement or match. Each kept table must equal what it replaces after every
// kind of write (ingest, verdicts and their undo, corrections of speaker, span and kind, merges and
// splits, re-extraction, bulk batches, an outlet renamed, a person or an article deleted), a database
// from before is filled when upgraded, and every page figure read from them equals the figure the
// query it replaces gives, for every person.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDb, type Db } from "../../src/store/db";
import { ingestArticle, reextractStale, type Extractor } from "../../src/services/ingest";
import { mergePeople, splitAlias } from "../../src/services/review";
import { correctQuote, reviewQuote, undoQuote, type Actor } from "../../src/services/review-quotes";
import { ingestItemsSync } from "../../src/services/ingest-batch";
import { regroupAll } from "../../src/services/compare";
import { ARTICLE_B, FIXED_NOW, FIXTURE_INGEST, FIXTURE_EXTRACTOR, comparisonDb } from "../fixtures/corpus";
import { COMPARISON_ARTICLES } from "../fixtures/comparison";
import { harbourCorpus } from "./ingest-corpus";
import {
  PERSON_GROUP_LISTING, QUOTE_LISTING, listingCountAndFacets, listingPage, personGroupCount, searchQuoteCounts,
  type KeyValue, type QuoteListFilter,
} from "../../src/store/listings";
import { countGroupsOfPerson, groupsOfPerson, otherSpeakersOf } from "../../src/store/groups";
import { personSourceFacts, sourcesMentioningOnly, sourcesOfPerson } from "../../src/store/people";
import { coQuotedPeople, corpusCounts, sourceNames, statementCounts, topQuotedPeople, type PersonCount } from "../../src/store/stats";
import { homeData, personData, sourceLabel } from "../../src/web/pages";
import { CHART_MAX_PEOPLE, CHART_MAX_SOURCES, type ChartData } from "../../src/web/chart";
import { ftsQuery } from "../../src/store/fts";

const RANK = `CASE g.label WHEN 'conflicting attribution' THEN 0 WHEN 'altered wording' THEN 1
  WHEN 'paraphrase' THEN 2 WHEN 'trimmed' THEN 3 WHEN 'identical' THEN 4 ELSE 5 END`;

/** Each kept table and the query it must equal (written here, apart from the code that keeps it). */
const KEPT: { table: string; keys: string; cols: string; truth: string }[] = [
  {
    table: "group_label_counts", keys: "label", cols: "label, n, negation, number",
    truth: "SELECT label, count(*) AS n, sum(negation_changed) AS negation, sum(number_changed) AS number FROM statement_groups GROUP BY label",
  },
  { table: "row_counts", keys: "tbl", cols: "tbl, n", truth: "SELECT 'sources' AS tbl, count(*) AS n FROM sources HAVING count(*) > 0" },
  {
    table: "person_groups", keys: "person_id, group_id",
    cols: "person_id, group_id, source_count, label_rank, person_count, first_source, first_start",
    truth: `SELECT q.person_id, m.group_id, g.source_count, ${RANK} AS label_rank, g.person_count,
        min(q.source_id) AS first_source, min(q.start) AS first_start
      FROM statement_group_members m JOIN quotes q ON q.id = m.quote_id JOIN statement_groups g ON g.id = m.group_id
      WHERE q.person_id IS NOT NULL GROUP BY q.person_id, m.group_id`,
  },
  {
    table: "person_source_any", keys: "person_id, source_id", cols: "person_id, source_id, n",
    truth: "SELECT person_id, source_id, count(*) AS n FROM quotes WHERE person_id IS NOT NULL GROUP BY person_id, source_id",
  },
  {
    // the sums the person page's co-quoted people took over every article quoting the person
    table: "person_pairs", keys: "person_id, other_id", cols: "person_id, other_id, n",
    truth: `SELECT a.person_id, k.person_id AS other_id, sum(k.n) AS n
      FROM (SELECT DISTINCT person_id, source_id FROM quotes WHERE person_id IS NOT NULL) a
      JOIN (SELECT person_id, source_id, count(*) AS n FROM quotes WHERE person_id IS NOT NULL AND review_status <> 'rejected'
            GROUP BY person_id, source_id) k ON k.source_id = a.source_id AND k.person_id <> a.person_id
      GROUP BY a.person_id, k.person_id`,
  },
];

const kept = (db: Db) => KEPT.map((k) => db.prepare(`SELECT ${k.cols} FROM ${k.table} ORDER BY ${k.keys}`).all());

function assertKept(db: Db, step: string): void {
  for (const k of KEPT) {
    assert.deepEqual(db.prepare(`SELECT ${k.cols} FROM ${k.table} ORDER BY ${k.keys}`).all(),
      db.prepare(`SELECT * FROM (${k.truth}) ORDER BY ${k.keys}`).all(), `${k.table} after ${step}`);
  }
}

/** The chart as src/web/pages.ts built it before decision 041: every cell of these people read and ranked. */
function chartBefore(db: Db, people: PersonCount[], focus: number | null): Omit<ChartData, "title" | "description"> {
  const ids = people.map((p) => p.id);
  const cells = statementCounts(db, ids);
  const weight = new Map<number, number>();
  for (const c of cells) if (focus === null || c.person_id === focus) weight.set(c.source_id, (weight.get(c.source_id) ?? 0) + c.n);
  const shown = [...weight.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => id).slice(0, CHART_MAX_SOURCES);
  const column = new Map(shown.map((id, i) => [id, i]));
  const hasOther = cells.some((c) => !column.has(c.source_id));
  const names = new Map(sourceNames(db, shown).map((s) => [s.id, sourceLabel(s)]));
  const sources: ChartData["sources"] = shown.map((id) => ({ id, label: names.get(id) ?? `#${id}`, href: `/sources/${id}` }));
  if (hasOther) sources.push({ id: null, label: "other sources", href: null });
  const row = new Map(ids.map((id, i) => [id, i]));
  const counts = ids.map(() => sources.map(() => 0));
  let total = 0;
  for (const c of cells) {
    const col = column.get(c.source_id) ?? (hasOther ? sources.length - 1 : -1);
    if (col < 0) continue;
    counts[row.get(c.person_id)!]![col]! += c.n;
    total += c.n;
  }
  return { people: people.map((p) => ({ id: p.id, name: p.name, href: `/people/${p.id}` })), sources, counts, total };
}

const CO_QUOTED_BEFORE = `SELECT p.id, p.name, sum(k.n) AS n FROM person_source_counts k JOIN people p ON p.id = k.person_id
  WHERE k.source_id IN (SELECT source_id FROM quotes WHERE person_id = ?) AND k.person_id <> ?
  GROUP BY p.id ORDER BY n DESC, p.name COLLATE NOCASE, p.id LIMIT ?`;
const OTHER_SPEAKERS_BEFORE = `SELECT p.id, p.name, p.kind FROM people p WHERE p.id IN (SELECT q2.person_id FROM statement_group_members m2
  JOIN quotes q2 ON q2.id = m2.quote_id WHERE m2.group_id IN (SELECT m1.group_id FROM quotes q1 JOIN statement_group_members m1 ON m1.quote_id = q1.id
  JOIN statement_groups g ON g.id = m1.group_id WHERE q1.person_id = ? AND g.person_count > 1) AND q2.person_id <> ?)
  ORDER BY p.name COLLATE NOCASE, p.id LIMIT ?`;

/** Every page of a person's groups, `size` at a time, as ids. */
function groupPages(db: Db, person: number, size: number): number[] {
  const out: number[] = [];
  let after: KeyValue[] | null = null;
  do {
    const p: { rows: { id: number }[]; next: KeyValue[] | null } = listingPage(db, PERSON_GROUP_LISTING, { person }, { sort: "sources", size, after });
    out.push(...p.rows.map((r) => r.id));
    after = p.next;
  } while (after);
  return out;
}

/** Throws unless every figure the pages read from the kept tables is the one the replaced query gives, for every person. */
function assertPages(db: Db, step: string): void {
  const people = (db.prepare("SELECT id FROM people ORDER BY id").all() as { id: number }[]).map((r) => r.id);
  for (const id of [...people, 999999]) {
    const at = `person ${id} after ${step}`;
    const before = groupsOfPerson(db, id, 1_000_000, 0).map((g) => g.id);
    assert.deepEqual(groupPages(db, id, 2), before, `groups of ${at}`);
    assert.deepEqual(groupPages(db, id, 100), before, `groups of ${at} (one page)`);
    assert.equal(personGroupCount(db, id), countGroupsOfPerson(db, id), `group count of ${at}`);
    for (const limit of [1, 50]) {
      const facts = personSourceFacts(db, id, limit);
      assert.equal(facts.source_count, sourcesOfPerson(db, id).length, `sources of ${at}`);
      assert.deepEqual(facts.mentioned_only, sourcesMentioningOnly(db, id, limit), `mentioned-only sources of ${at} (${limit})`);
    }
    assert.deepEqual(coQuotedPeople(db, id, 5), db.prepare(CO_QUOTED_BEFORE).all(id, id, 5), `co-quoted of ${at}`);
    assert.deepEqual(otherSpeakersOf(db, id, 20), db.prepare(OTHER_SPEAKERS_BEFORE).all(id, id, 20), `other speakers of ${at}`);
    if (id === 999999) continue;
    const page = personData(db, id, {}, "json");
    const { title: _t, description: _d, ...chart } = page.chart;
    const rows = [{ id, name: page.person.name, n: page.quote_count }, ...coQuotedPeople(db, id, 5)];
    assert.deepEqual(chart, chartBefore(db, rows, id), `chart of ${at}`);
  }
  const home = homeData(db);
  const { title: _t, description: _d, ...chart } = home.chart;
  assert.deepEqual(chart, chartBefore(db, topQuotedPeople(db, CHART_MAX_PEOPLE), null), `home chart after ${step}`);
  assert.deepEqual(corpusCounts(db), db.prepare(`SELECT (SELECT count(*) FROM sources) AS sources, (SELECT count(*) FROM people) AS people,
    (SELECT count(*) FROM quotes) AS quotes, (SELECT count(*) FROM claims) AS claims`).get(), `home counts after ${step}`);
  assert.deepEqual(home.claim_reasons.map((r) => [r.reason, r.count]),
    (db.prepare("SELECT reason, count(*) AS n FROM claims GROUP BY reason ORDER BY n DESC, reason").raw().all()), `claim reasons after ${step}`);
}

const ann: Actor = { reviewer: "Ann Editor", now: FIXED_NOW };
const personId = (db: Db, name: string): number => (db.prepare("SELECT id FROM people WHERE name = ?").get(name) as { id: number }).id;
const quoteIdOf = (db: Db, name: string): number =>
  (db.prepare("SELECT q.id FROM quotes q JOIN people p ON p.id = q.person_id WHERE p.name = ? ORDER BY q.id LIMIT 1").get(name) as { id: number }).id;
/** A grouped statement that is its person's only one in its group (so its start and article are that row's keys). */
const grouped = (db: Db): number => (db.prepare(`SELECT min(m.quote_id) AS id FROM statement_group_members m JOIN quotes q ON q.id = m.quote_id
  GROUP BY m.group_id, q.person_id HAVING count(*) = 1 ORDER BY 1 LIMIT 1`).get() as { id: number }).id;

const STEPS: { name: string; run: (db: Db) => void; changes?: false }[] = [
  { name: "ingest", run: () => {}, changes: false },
  { name: "a statement rejected", run: (db) => void reviewQuote(db, quoteIdOf(db, "Yuri Sokolov"), { action: "reject", reason: "duplicate" }, ann) },
  { name: "the rejection undone", run: (db) => void undoQuote(db, (db.prepare("SELECT quote_id FROM reviews ORDER BY id LIMIT 1").get() as { quote_id: number }).quote_id, {}, ann) },
  { name: "a kind corrected", run: (db) => void correctQuote(db, quoteIdOf(db, "Yury Sokolov"), { kind: "indirect" }, ann), changes: false },
  {
    name: "a speaker set to another person",
    run: (db) => void correctQuote(db, quoteIdOf(db, "Yuri Sokolov"), { speaker_id: String(personId(db, "Yury Sokolov")) }, ann),
  },
  { name: "a speaker set to a new name", run: (db) => void correctQuote(db, quoteIdOf(db, "Yury Sokolov"), { speaker_name: "Ida Invented" }, ann) },
  {
    name: "a span corrected",
    run: (db) => {
      const q = db.prepare("SELECT id, start, end FROM quotes WHERE id = ?").get(grouped(db)) as { id: number; start: number; end: number };
      correctQuote(db, q.id, { start: String(q.start + 1), end: String(q.end) }, ann);
    },
  },
  { name: "two people merged", run: (db) => void mergePeople(db, personId(db, "Yuri Sokolov"), personId(db, "Yury Sokolov")) },
  { name: "a name split off", run: (db) => void splitAlias(db, personId(db, "Yuri Sokolov"), "Yury Sokolov") },
  { name: "re-extraction", run: (db) => void reextractStale(db, { ...FIXTURE_EXTRACTOR, version: "fixture-2" } as Extractor), changes: false },
  { name: "a new article", run: (db) => void ingestArticle(db, ARTICLE_B, FIXTURE_INGEST) },
  {
    name: "bulk batches",
    run: (db) => void ingestItemsSync(db, harbourCorpus(9).map((a, i) => ({ origin: `item ${i + 1}`, record: { ...a } })), { now: FIXED_NOW, batchSize: 4 }),
  },
  { name: "a full regroup", run: (db) => void regroupAll(db), changes: false },
  { name: "a statement moved to another article behind the services' back", run: (db) => void db.prepare("UPDATE quotes SET source_id = (SELECT max(id) FROM sources WHERE id <> quotes.source_id) WHERE id = ?").run(grouped(db)) },
  { name: "a group's label changed", run: (db) => void db.prepare("UPDATE statement_groups SET label = 'conflicting attribution' WHERE id = (SELECT max(id) FROM statement_groups WHERE label <> 'conflicting attribution')").run() },
  { name: "an outlet renamed", run: (db) => void db.prepare("UPDATE sources SET outlet = 'Renamed Times' WHERE id = 1").run(), changes: false },
  {
    name: "a person deleted (their statements keep no person)",
    run: (db) => void db.prepare("DELETE FROM people WHERE id = (SELECT person_id FROM person_quote_counts ORDER BY n DESC, person_id LIMIT 1)").run(),
  },
  { name: "a grouped statement deleted", run: (db) => void db.prepare("DELETE FROM quotes WHERE id = ?").run(grouped(db)) },
  {
    name: "an article deleted",
    run: (db) => void db.prepare("DELETE FROM sources WHERE id = (SELECT max(id) FROM sources WHERE id NOT IN (SELECT source_id FROM reviews))").run(),
  },
];

describe("store: what the home, person and search pages read (migrations 83, 84 and 85)", () => {
  let db: Db;
  before(() => (db = comparisonDb()));
  after(() => db.close());

  it("an empty database keeps nothing: every kept table equals its query", () => {
    const empty = openDb(":memory:");
    try {
      assertKept(empty, "creation");
      for (const k of KEPT) assert.equal((empty.prepare(`SELECT count(*) AS n FROM ${k.table}`).get() as { n: number }).n, 0, k.table);
    } finally {
      empty.close();
    }
  });

  it("the corpus has groups of several people and sources to keep", () => {
    assert.ok((db.prepare("SELECT count(*) AS n FROM person_groups").get() as { n: number }).n >= 5);
    assert.ok((db.prepare("SELECT count(*) AS n FROM statement_groups WHERE source_count > 1").get() as { n: number }).n >= 1);
    assert.ok((db.prepare("SELECT count(*) AS n FROM group_label_counts").get() as { n: number }).n >= 2);
  });

  for (const step of STEPS) {
    it(`equal what they replace after ${step.name}`, () => {
      const before = kept(db);
      step.run(db);
      assertKept(db, step.name);
      assertPages(db, step.name);
      if (step.changes !== false) assert.notDeepEqual(kept(db), before, `${step.name} changed nothing kept`);
    });
  }

  // negative rows: a row changed behind the triggers' back, or a write with a trigger gone, is caught
  const BREAKS: { name: string; sql: string }[] = [
    { name: "a label count one too high", sql: "UPDATE group_label_counts SET n = n + 1 WHERE label = (SELECT min(label) FROM group_label_counts)" },
    { name: "the article count lost", sql: "DELETE FROM row_counts" },
    { name: "a person's group row lost", sql: "DELETE FROM person_groups WHERE rowid IN (SELECT rowid FROM person_groups LIMIT 1)" },
    { name: "a person's group row with another first start", sql: "UPDATE person_groups SET first_start = first_start + 1 WHERE group_id = (SELECT min(group_id) FROM person_groups)" },
    { name: "a co-quoted sum one too low", sql: "UPDATE person_pairs SET n = n - 1 WHERE (person_id, other_id) = (SELECT person_id, other_id FROM person_pairs LIMIT 1)" },
    {
      name: "a statement moved with the co-quoted triggers gone",
      sql: "DROP TRIGGER quotes_any_update; UPDATE quotes SET source_id = (SELECT max(id) FROM sources WHERE id <> quotes.source_id) WHERE id = (SELECT min(id) FROM quotes WHERE person_id IS NOT NULL)",
    },
    {
      name: "a start moved with its trigger gone",
      sql: `DROP TRIGGER person_groups_quote_update; UPDATE quotes SET start = start - 1 WHERE id = (SELECT min(m.quote_id) FROM statement_group_members m
        JOIN quotes q ON q.id = m.quote_id GROUP BY m.group_id, q.person_id HAVING count(*) = 1 ORDER BY 1 LIMIT 1)`,
    },
    { name: "a label changed with its triggers gone", sql: "DROP TRIGGER person_groups_group_update; DROP TRIGGER statement_groups_counts_update; UPDATE statement_groups SET label = 'paraphrase' WHERE id = (SELECT min(id) FROM statement_groups WHERE label <> 'paraphrase')" },
  ];
  for (const b of BREAKS) {
    it(`catches ${b.name}`, () => {
      const broken = comparisonDb();
      try {
        assertKept(broken, "ingest");
        broken.exec(b.sql.replace("rowid IN (SELECT rowid FROM person_groups LIMIT 1)", "(person_id, group_id) = (SELECT person_id, group_id FROM person_groups LIMIT 1)"));
        assert.throws(() => assertKept(broken, b.name), assert.AssertionError);
      } finally {
        broken.close();
      }
    });
  }
  it("catches a page of groups read out of order (the check compares order)", () => {
    const id = (db.prepare("SELECT person_id FROM person_groups GROUP BY person_id HAVING count(*) >= 2 LIMIT 1").get() as { person_id: number }).person_id;
    const ids = groupsOfPerson(db, id, 100, 0).map((g) => g.id);
    assert.ok(ids.length >= 2);
    assert.notDeepEqual([...ids].reverse(), groupPages(db, id, 100));
  });

  it("a database from before is filled when it is upgraded", () => {
    const dir = mkdtempSync(join(tmpdir(), "whosaid-m83-"));
    try {
      const file = join(dir, "old.db");
      const old = openDb(file);
      for (const a of COMPARISON_ARTICLES) ingestArticle(old, a, FIXTURE_INGEST);
      reviewQuote(old, quoteIdOf(old, "Yuri Sokolov"), { action: "reject", reason: "duplicate" }, ann);
      for (const t of ["statement_groups_counts_insert", "statement_groups_counts_delete", "statement_groups_counts_update", "sources_row_count_insert",
        "sources_row_count_delete", "person_groups_group_update", "person_groups_group_delete", "person_groups_member_delete", "person_groups_quote_update",
        "quotes_any_insert", "quotes_any_delete", "quotes_any_update", "person_source_any_pairs_insert", "person_source_any_pairs_delete",
        "person_source_counts_pairs_insert", "person_source_counts_pairs_update", "person_source_counts_pairs_delete"]) old.exec(`DROP TRIGGER ${t}`);
      for (const t of ["group_label_counts", "row_counts", "person_groups", "person_source_any", "person_pairs"]) old.exec(`DROP TABLE ${t}`);
      for (const i of ["person_source_counts_n", "quotes_id_facets", "source_people_person_source"]) old.exec(`DROP INDEX ${i}`);
      old.prepare("DELETE FROM schema_migrations WHERE version IN (83, 84, 85)").run();
      old.close();
      const db2 = openDb(file);
      try {
        assertKept(db2, "the upgrade");
        assertPages(db2, "the upgrade");
        assert.ok((db2.prepare("SELECT count(*) AS n FROM person_groups").get() as { n: number }).n > 0);
      } finally {
        db2.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // /quotes?q= alone counts its matches from the index and two narrow indexes: the same total and
  // facets as counting the listing's rows; with any other filter it counts the rows as before (null)
  const NONE: QuoteListFilter = { person: null, source: null, kind: null, outlet: null, match: null, speakerNone: false, review: null };
  const cols = [{ col: "kind", limit: 10 }, { col: "outlet", limit: 10 }, { col: "review_status", limit: 10 }];
  const SEARCHES: { name: string; f: Partial<QuoteListFilter>; alone: boolean }[] = [
    { name: "one word", f: { match: ftsQuery("nurses") }, alone: true },
    { name: "a prefix", f: { match: ftsQuery("hosp*") }, alone: true },
    { name: "two words OR", f: { match: ftsQuery("budget OR eastfield") }, alone: true },
    { name: "a word matching nothing", f: { match: ftsQuery("zzyzx") }, alone: true },
    { name: "a search and a kind", f: { match: ftsQuery("nurses"), kind: "direct" }, alone: false },
    { name: "a search and a person", f: { match: ftsQuery("nurses"), person: 1 }, alone: false },
    { name: "a search and no speaker", f: { match: ftsQuery("nurses"), speakerNone: true }, alone: false },
    { name: "a search and a review state", f: { match: ftsQuery("nurses"), review: "unreviewed" }, alone: false },
    { name: "no search", f: {}, alone: false },
  ];
  for (const c of SEARCHES) {
    it(`/quotes counts with ${c.name}: ${c.alone ? "from the index, equal to counting the rows" : "counted from the rows (null)"}`, () => {
      const f = { ...NONE, ...c.f };
      const got = searchQuoteCounts(db, f, cols);
      if (!c.alone) return assert.equal(got, null);
      assert.deepEqual(got, listingCountAndFacets(db, QUOTE_LISTING, f, cols));
    });
  }
  it("the searches compared match something", () => {
    assert.ok(searchQuoteCounts(db, { ...NONE, match: ftsQuery("nurses") }, cols)!.total > 3);
  });
});
