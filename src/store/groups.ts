// Statement groups (what src/compare decided), their members, the word fingerprints that find
// candidates across the corpus, and the meta table. Lists of ids travel as one JSON array (json_each),
// so every statement is prepared once whatever the list's length.
import { preparedOnce, type Db } from "./db";
import { personGroupRowsSql } from "./migrations";
import type { QuoteKind } from "../nlp/types";

export type GroupLabelValue =
  | "conflicting attribution" | "altered wording" | "paraphrase" | "trimmed" | "identical" | "one source only";
export type RelationValue = "reference" | "identical" | "trimmed" | "altered wording" | "paraphrase";

export interface NewGroup {
  label: GroupLabelValue;
  reference_quote_id: number;
  negation_changed: boolean;
  number_changed: boolean;
  source_count: number;
  person_count: number;
  member_count: number;
}

export interface NewMember {
  quote_id: number;
  group_id: number;
  relation: RelationValue;
  other_speaker: boolean;
  negation_changed: boolean;
  number_changed: boolean;
}

export interface GroupRow extends NewGroup {
  id: number;
}

/** What grouping reads about one attributed quote. */
export interface StatementRow {
  id: number;
  source_id: number;
  person_id: number;
  person_key: string;
  person_name: string;
  via: string | null;
  kind: QuoteKind;
  text: string;
}

/** One member of a group, with what a page shows of it. */
export interface MemberRow {
  group_id: number;
  quote_id: number;
  relation: RelationValue;
  other_speaker: boolean;
  negation_changed: boolean;
  number_changed: boolean;
  source_id: number;
  source_title: string;
  outlet: string;
  published: string;
  text: string;
  kind: QuoteKind;
  via: string | null;
  cue: string | null;
  speaker_mention: string | null;
  person_id: number | null;
  person_name: string | null;
  start: number;
}

export interface ConflictFilter {
  /** one label, or null for the two that are conflicts: altered wording and conflicting attribution */
  label: GroupLabelValue | null;
  /** only groups where a negation (or a number) changed */
  flag: "negation" | "number" | null;
  person: number | null;
}

const ids = (xs: Iterable<number>): string => JSON.stringify([...xs]);

const LABEL_RANK = `CASE g.label WHEN 'conflicting attribution' THEN 0 WHEN 'altered wording' THEN 1
  WHEN 'paraphrase' THEN 2 WHEN 'trimmed' THEN 3 WHEN 'identical' THEN 4 ELSE 5 END`;

const STATEMENT = `SELECT q.id, q.source_id, q.person_id, p.name_key AS person_key, p.name AS person_name,
    q.via, q.kind, q.text
  FROM quotes q JOIN people p ON p.id = q.person_id WHERE q.review_status <> 'rejected'`;

const CONFLICT_WHERE = `WHERE ((@label IS NULL AND g.label IN ('conflicting attribution', 'altered wording')) OR g.label = @label)
  AND (@flag IS NULL OR (@flag = 'negation' AND g.negation_changed = 1) OR (@flag = 'number' AND g.number_changed = 1))
  AND (@person IS NULL OR g.id IN (SELECT m.group_id FROM statement_group_members m JOIN quotes q ON q.id = m.quote_id
                                   WHERE q.person_id = @person))`;

type Bool = 0 | 1;
type RawGroup = Omit<GroupRow, "negation_changed" | "number_changed"> & { negation_changed: Bool; number_changed: Bool };
type RawMember = Omit<MemberRow, "other_speaker" | "negation_changed" | "number_changed"> & { other_speaker: Bool; negation_changed: Bool; number_changed: Bool };

const b = (x: boolean): Bool => (x ? 1 : 0);
const group = (r: RawGroup): GroupRow => ({ ...r, negation_changed: r.negation_changed === 1, number_changed: r.number_changed === 1 });
const member = (r: RawMember): MemberRow => ({
  ...r, other_speaker: r.other_speaker === 1, negation_changed: r.negation_changed === 1, number_changed: r.number_changed === 1,
});

const statements = preparedOnce((db: Db) => ({
  insertGroup: db.prepare(`INSERT INTO statement_groups
      (label, reference_quote_id, negation_changed, number_changed, source_count, person_count, member_count)
      VALUES (@label, @reference_quote_id, @negation_changed, @number_changed, @source_count, @person_count, @member_count)`),
  updateGroup: db.prepare(`UPDATE statement_groups SET label = @label, reference_quote_id = @reference_quote_id,
      negation_changed = @negation_changed, number_changed = @number_changed, source_count = @source_count,
      person_count = @person_count, member_count = @member_count WHERE id = @id`),
  deleteGroups: db.prepare<[string]>("DELETE FROM statement_groups WHERE id IN (SELECT value FROM json_each(?))"),
  insertMember: db.prepare(`INSERT OR REPLACE INTO statement_group_members
      (quote_id, group_id, relation, other_speaker, negation_changed, number_changed)
      VALUES (@quote_id, @group_id, @relation, @other_speaker, @negation_changed, @number_changed)`),
  membershipOfGroupsOf: db.prepare<[string], { group_id: number; quote_id: number }>(`SELECT m.group_id, m.quote_id
      FROM statement_group_members m WHERE m.group_id IN
        (SELECT group_id FROM statement_group_members WHERE quote_id IN (SELECT value FROM json_each(?)))
      ORDER BY m.group_id, m.quote_id`),
  allMembership: db.prepare<[], { group_id: number; quote_id: number }>(
    "SELECT group_id, quote_id FROM statement_group_members ORDER BY group_id, quote_id"),
  allStatements: db.prepare<[], StatementRow>(`${STATEMENT} ORDER BY q.id`),
  statementsOfPeople: db.prepare<[string], StatementRow>(
    `${STATEMENT} AND q.person_id IN (SELECT value FROM json_each(?)) ORDER BY q.id`),
  statementsByIds: db.prepare<[string], StatementRow>(`${STATEMENT} AND q.id IN (SELECT value FROM json_each(?)) ORDER BY q.id`),
  peopleOfQuotes: db.prepare<[string], { person_id: number }>(`SELECT DISTINCT person_id FROM quotes
      WHERE id IN (SELECT value FROM json_each(?)) AND person_id IS NOT NULL`),
  unindexedAttributed: db.prepare<[string], { id: number; text: string }>(`SELECT q.id, q.text FROM quotes q
      WHERE q.person_id IN (SELECT value FROM json_each(?)) AND q.review_status <> 'rejected'
        AND NOT EXISTS (SELECT 1 FROM quote_fingerprints f WHERE f.quote_id = q.id)`),
  attributedFrom: db.prepare<[number], { id: number; text: string }>(`SELECT q.id, q.text FROM quotes q
      WHERE q.id >= ? AND q.person_id IS NOT NULL AND q.review_status <> 'rejected' ORDER BY q.id`),
  maxQuoteId: db.prepare<[], { id: number | null }>("SELECT max(id) AS id FROM quotes"),
  attributed: db.prepare<[], { n: number }>("SELECT count(*) AS n FROM quotes WHERE person_id IS NOT NULL"),
  // one statement for many members: a JSON array of [quote_id, group_id, relation, other_speaker,
  // negation_changed, number_changed], inserted in array order
  insertMembers: db.prepare<[string]>(`INSERT OR REPLACE INTO statement_group_members
      (quote_id, group_id, relation, other_speaker, negation_changed, number_changed)
      SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 FROM json_each(?) ORDER BY key`),
  insertFingerprint: db.prepare<[number, number]>("INSERT OR IGNORE INTO quote_fingerprints (fingerprint, quote_id) VALUES (?, ?)"),
  fingerprintsByQuote: db.prepare("SELECT fingerprint, quote_id FROM quote_fingerprints ORDER BY quote_id, fingerprint"),
  deleteFingerprintsOf: db.prepare<[number]>("DELETE FROM quote_fingerprints WHERE quote_id = ?"),
  postings: db.prepare<[number, number], { quote_id: number }>("SELECT quote_id FROM quote_fingerprints WHERE fingerprint = ? LIMIT ?"),
  postingsOf: db.prepare<[string], { fingerprint: number; quote_id: number }>(`SELECT fingerprint, quote_id FROM quote_fingerprints
      WHERE fingerprint IN (SELECT value FROM json_each(?)) ORDER BY fingerprint, quote_id`),
  postingCounts: db.prepare<[string], { fingerprint: number; n: number }>(`SELECT fingerprint, count(*) AS n
      FROM quote_fingerprints WHERE fingerprint IN (SELECT value FROM json_each(?)) GROUP BY fingerprint`),
  getMeta: db.prepare<[string], { value: string }>("SELECT value FROM meta WHERE key = ?"),
  setMeta: db.prepare<[string, string]>("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
  // pages
  ofPerson: db.prepare<{ person: number; limit: number; offset: number }, RawGroup>(`SELECT g.* FROM statement_groups g
      JOIN (SELECT m.group_id, min(q.source_id) AS first_source, min(q.start) AS first_start FROM statement_group_members m
            JOIN quotes q ON q.id = m.quote_id WHERE q.person_id = @person GROUP BY m.group_id) mine ON mine.group_id = g.id
      ORDER BY g.source_count DESC, ${LABEL_RANK}, mine.first_source, mine.first_start, g.id LIMIT @limit OFFSET @offset`),
  countOfPerson: db.prepare<[number], { n: number }>(`SELECT count(DISTINCT m.group_id) AS n FROM statement_group_members m
      JOIN quotes q ON q.id = m.quote_id WHERE q.person_id = ?`),
  members: db.prepare<[string], RawMember>(`SELECT m.*, q.source_id, s.title AS source_title, s.outlet, s.published,
      q.text, q.kind, q.via, q.cue, q.speaker_mention, q.person_id, p.name AS person_name, q.start
    FROM statement_group_members m JOIN quotes q ON q.id = m.quote_id JOIN sources s ON s.id = q.source_id
    LEFT JOIN people p ON p.id = q.person_id
    WHERE m.group_id IN (SELECT value FROM json_each(?)) ORDER BY m.group_id, q.source_id, q.start, q.id`),
  conflicts: db.prepare<ConflictFilter & { limit: number; offset: number }, RawGroup>(`SELECT g.* FROM statement_groups g
      ${CONFLICT_WHERE} ORDER BY ${LABEL_RANK}, g.negation_changed DESC, g.number_changed DESC, g.source_count DESC, g.id
      LIMIT @limit OFFSET @offset`),
  countConflicts: db.prepare<ConflictFilter, { n: number }>(`SELECT count(*) AS n FROM statement_groups g ${CONFLICT_WHERE}`),
  groupRows: db.prepare<[string], RawGroup>("SELECT * FROM statement_groups WHERE id IN (SELECT value FROM json_each(?))"),
  memberRows: db.prepare<[string], Omit<NewMember, "other_speaker" | "negation_changed" | "number_changed"> & { other_speaker: Bool; negation_changed: Bool; number_changed: Bool }>(
    `SELECT quote_id, group_id, relation, other_speaker, negation_changed, number_changed FROM statement_group_members
      WHERE group_id IN (SELECT value FROM json_each(?))`),
  contentsOfPeople: db.prepare<[string], { id: number; person_id: number; text: string }>(
    "SELECT id, person_id, text FROM quotes WHERE person_id IN (SELECT value FROM json_each(?)) AND review_status <> 'rejected' ORDER BY id"),
  signatures: db.prepare<[], { k: string }>(`SELECT g.label || ':' || group_concat(m.quote_id) AS k
      FROM (SELECT * FROM statement_group_members ORDER BY quote_id) m JOIN statement_groups g ON g.id = m.group_id
      GROUP BY g.id ORDER BY k`),
}));

/**
 * Page reads of migrations 83's and 84's tables, prepared apart from the statements above: a database
 * opened with an older list of migrations (the upgrade tests) can still store articles and regroup.
 */
const pageReads = preparedOnce((db: Db) => ({
  // the person's groups first (a busy person: 2,991 statements in 297 groups), then their members once
  // each: joining member to member read each group once per statement of the person in it (7x slower);
  // a group of one person (person_count, kept with the groups) holds nobody else and is not read (3x);
  // the person's groups and their person counts from migration 84's rows, not from every statement (15 -> 1.4 ms
  // for the busiest person at 222,500 articles)
  otherSpeakers: db.prepare<[number, number, number], { id: number; name: string; kind: string }>(`SELECT p.id, p.name, p.kind
      FROM people p WHERE p.id IN (SELECT q2.person_id FROM statement_group_members m2 JOIN quotes q2 ON q2.id = m2.quote_id
        WHERE m2.group_id IN (SELECT pg.group_id FROM person_groups pg WHERE pg.person_id = ? AND pg.person_count > 1)
          AND q2.person_id <> ?)
      ORDER BY p.name COLLATE NOCASE, p.id LIMIT ?`),
  // migration 83's kept counts: the GROUP BY over every group this replaces cost 230 ms at 222,500 articles
  labelCounts: db.prepare<[], { label: GroupLabelValue; n: number; negation: number; number: number }>(`SELECT label, n, negation, number
      FROM group_label_counts g ORDER BY ${LABEL_RANK}`),
}));

// ---- writes ----

function groupParams(g: NewGroup) {
  return { ...g, negation_changed: b(g.negation_changed), number_changed: b(g.number_changed) };
}

export function insertGroup(db: Db, g: NewGroup): number {
  return Number(statements(db).insertGroup.run(groupParams(g)).lastInsertRowid);
}

export function updateGroup(db: Db, id: number, g: NewGroup): void {
  statements(db).updateGroup.run({ ...groupParams(g), id });
}

/** Deletes groups and their members. */
export function deleteGroups(db: Db, groupIds: Iterable<number>): void {
  statements(db).deleteGroups.run(ids(groupIds));
}

export function insertMember(db: Db, m: NewMember): void {
  statements(db).insertMember.run({
    ...m, other_speaker: b(m.other_speaker), negation_changed: b(m.negation_changed), number_changed: b(m.number_changed),
  });
}

/** Inserts (or replaces) many members with one statement, in the order given: the same rows as insertMember one by one. */
/** Rows written by one statement of insertMembers or withCsvRowsHeld: a full regroup's 1.46 million (at 222,500 articles) in runs (decision 044; tests lower it). */
export const WRITE_RUNS = { rows: 50_000 };

export function insertMembers(db: Db, members: readonly NewMember[]): void {
  // in runs of WRITE_RUNS.rows, in the order given: the same rows inserted in the same order as one
  // statement would, without every row's array and one JSON text of them all at once
  for (let at = 0, run = WRITE_RUNS.rows; at < members.length; at += run) {
    const rows = members.slice(at, at + run)
      .map((m) => [m.quote_id, m.group_id, m.relation, b(m.other_speaker), b(m.negation_changed), b(m.number_changed)]);
    statements(db).insertMembers.run(JSON.stringify(rows));
  }
}

/** What withCsvRowsHeld runs, where the schema has migration 80's rows (and so 50's deferral); null on an older schema. */
const csvRowStatements = preparedOnce((db: Db) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'quote_csv_rows'").get()
  ? {
    quotesDeferred: db.prepare<[], { n: number }>("SELECT count(*) AS n FROM fts_deferred WHERE tbl = 'quotes'"),
    hold: db.prepare("INSERT INTO fts_deferred (tbl, from_id) VALUES ('quotes', 0)"),
    release: db.prepare("DELETE FROM fts_deferred WHERE tbl = 'quotes' AND from_id = 0"),
    // migration 80's record of these quotes in one statement (what its triggers write one quote at a time)
    rowsOf: db.prepare<[string]>(`INSERT INTO quote_csv_rows (quote_id, csv)
      SELECT quote_id, csv FROM quote_csv_records WHERE quote_id IN (SELECT value FROM json_each(?)) ORDER BY quote_id
      ON CONFLICT (quote_id) DO UPDATE SET csv = excluded.csv`),
  }
  : null);

/**
 * Runs `write` (inside a write transaction: group and member writes only) with the CSV-row triggers of
 * migration 80 on groups and members held back, then writes the CSV rows of the quotes it returns in
 * one statement. `write` must return every quote whose member row it inserted, replaced or deleted
 * (by itself or by a group's cascade), or whose group's label it changed: their records are then
 * computed once, from the final state, which is what the last trigger on each of them would have
 * written (the record reads only the member row and the group's label of those tables). A trigger per
 * member row cost about as much as the member writes themselves (a full regroup writes ~120,000).
 * Held by migration 50's deferral of every quote (from_id 0), which those triggers read; where quotes
 * are deferred already (inside a bulk batch, before its indexDeferred), the triggers run as always.
 */
export function withCsvRowsHeld(db: Db, write: () => Iterable<number>): void {
  if (!db.inTransaction) throw new Error("withCsvRowsHeld must run inside a write transaction");
  const s = csvRowStatements(db);
  if (!s || s.quotesDeferred.get()!.n) {
    write();
    return;
  }
  s.hold.run();
  let touched: Iterable<number>;
  try {
    touched = write();
  } finally {
    s.release.run();
  }
  // ascending, in runs: the rows written in the order one statement over them all wrote them
  // (its ORDER BY quote_id), without one JSON text of every id
  const list = [...new Set(touched)].sort((x, y) => x - y);
  for (let at = 0, run = WRITE_RUNS.rows; at < list.length; at += run) s.rowsOf.run(ids(list.slice(at, at + run)));
}

/** Migration 84's refresh, where the schema has it; null on an older schema. */
const personGroupStatements = preparedOnce((db: Db) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'person_groups'").get()
  ? {
    clear: db.prepare<[string]>("DELETE FROM person_groups WHERE group_id IN (SELECT value FROM json_each(?))"),
    rowsOf: db.prepare<[string]>(`INSERT INTO person_groups (person_id, group_id, source_count, label_rank, person_count, first_source, first_start)
      ${personGroupRowsSql("m.group_id IN (SELECT value FROM json_each(?))")}`),
  }
  : null);

/**
 * Writes migration 84's (person, group) rows of these groups afresh from their members: a regroup
 * calls it with every group it inserted or rewrote (a deleted group's rows go with it, by trigger).
 */
export function refreshPersonGroups(db: Db, groupIds: Iterable<number>): void {
  const s = personGroupStatements(db);
  const list = ids(groupIds);
  if (!s || list === "[]") return;
  s.clear.run(list);
  s.rowsOf.run(list);
}

export function insertFingerprints(db: Db, quoteId: number, fps: readonly number[]): void {
  const s = statements(db).insertFingerprint;
  for (const f of fps) s.run(f, quoteId);
}

/**
 * Makes the fingerprint index hold exactly these fingerprints per quote (a full regroup's) and nothing
 * else: the same rows as deleting every row and inserting all of them, but it reads the index once (in
 * quote order) and writes only the quotes whose fingerprints differ or are missing, and deletes those
 * of quotes not given (rejected, deleted, no longer attributed). Deleting and re-inserting every row
 * cost about ten times the read on an index that was current. `byQuote` lists each quote's distinct
 * fingerprints in ascending order (src/compare/fingerprint.ts `fingerprints`).
 */
export function syncFingerprints(db: Db, byQuote: ReadonlyMap<number, readonly number[]>): void {
  const s = statements(db);
  const same = new Set<number>();
  const stale: number[] = [];
  let quote = -1;
  let have: number[] = [];
  const close = () => {
    if (quote < 0) return;
    const want = byQuote.get(quote);
    if (want && want.length === have.length && want.every((f, i) => f === have[i])) same.add(quote);
    else stale.push(quote);
  };
  for (const [f, q] of s.fingerprintsByQuote.raw().iterate() as IterableIterator<[number, number]>) {
    if (q !== quote) {
      close();
      quote = q;
      have = [];
    }
    have.push(f);
  }
  close();
  for (const q of stale) s.deleteFingerprintsOf.run(q);
  for (const [id, fps] of byQuote) {
    if (same.has(id)) continue;
    for (const f of fps) s.insertFingerprint.run(f, id);
  }
}

// ---- what grouping reads ----

/** Every quote with a person, by id: the whole corpus as grouping sees it. */
export function allStatements(db: Db): StatementRow[] {
  return statements(db).allStatements.all();
}

/**
 * allStatements' rows one at a time, each handed to `as` and only its answer kept: a full regroup
 * keeps the grouping's input, not every row beside it (decision 044).
 */
export function mapAllStatements<T>(db: Db, as: (r: StatementRow) => T): T[] {
  const out: T[] = [];
  for (const r of statements(db).allStatements.iterate()) out.push(as(r));
  return out;
}

export function statementsOfPeople(db: Db, personIds: Iterable<number>): StatementRow[] {
  return statements(db).statementsOfPeople.all(ids(personIds));
}

export function statementsByIds(db: Db, quoteIds: Iterable<number>): StatementRow[] {
  return statements(db).statementsByIds.all(ids(quoteIds));
}

export function peopleOfQuotes(db: Db, quoteIds: Iterable<number>): number[] {
  return statements(db).peopleOfQuotes.all(ids(quoteIds)).map((r) => r.person_id);
}

/** How many quotes have a person (rejected ones included): the size of a full regroup, near enough. */
export function attributedCount(db: Db): number {
  return statements(db).attributed.get()!.n;
}

/** Attributed quotes (not rejected) from this id on (a bulk batch's new ones), by id. */
export function attributedFrom(db: Db, fromId: number): { id: number; text: string }[] {
  return statements(db).attributedFrom.all(fromId);
}

/** The highest quote id, 0 when there is none. */
export function maxQuoteId(db: Db): number {
  return statements(db).maxQuoteId.get()!.id ?? 0;
}

/** Quotes of these people that have no fingerprints yet. */
export function unindexedStatementsOf(db: Db, personIds: Iterable<number>): { id: number; text: string }[] {
  return statements(db).unindexedAttributed.all(ids(personIds));
}

/** Stored groups and their members, to tell which of a regroup's results changed. */
export function groupsWithMembers(db: Db, groupIds: Iterable<number>): { groups: GroupRow[]; members: NewMember[] } {
  const list = ids(groupIds);
  const s = statements(db);
  return {
    groups: s.groupRows.all(list).map(group),
    members: s.memberRows.all(list).map((m) => ({
      ...m, other_speaker: m.other_speaker === 1, negation_changed: m.negation_changed === 1, number_changed: m.number_changed === 1,
    })),
  };
}

/** The quotes of these people (id and text), by person, each in id order. */
export function textsOfPeople(db: Db, personIds: Iterable<number>): Map<number, { id: number; text: string }[]> {
  const out = new Map<number, { id: number; text: string }[]>();
  for (const r of statements(db).contentsOfPeople.all(ids(personIds))) {
    let list = out.get(r.person_id);
    if (!list) out.set(r.person_id, (list = []));
    list.push({ id: r.id, text: r.text });
  }
  return out;
}

/** Every (group, quote) pair of the groups that hold any of these quotes. */
export function membershipOfGroupsOf(db: Db, quoteIds: Iterable<number>): { group_id: number; quote_id: number }[] {
  return statements(db).membershipOfGroupsOf.all(ids(quoteIds));
}

export function allMembership(db: Db): { group_id: number; quote_id: number }[] {
  return statements(db).allMembership.all();
}

/** Quotes holding this fingerprint, at most `limit` of them. */
export function fingerprintPostings(db: Db, fingerprint: number, limit: number): number[] {
  return statements(db).postings.all(fingerprint, limit).map((r) => r.quote_id);
}

/** Every (fingerprint, quote) of these fingerprints, by fingerprint then quote: ask only for fingerprints known to be rare. */
export function postingsOf(db: Db, fps: Iterable<number>): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const r of statements(db).postingsOf.all(ids(fps))) {
    let list = out.get(r.fingerprint);
    if (!list) out.set(r.fingerprint, (list = []));
    list.push(r.quote_id);
  }
  return out;
}

/** How many quotes hold each of these fingerprints. */
export function fingerprintCounts(db: Db, fps: Iterable<number>): Map<number, number> {
  return new Map(statements(db).postingCounts.all(ids(fps)).map((r) => [r.fingerprint, r.n]));
}

export function getMeta(db: Db, key: string): string | undefined {
  return statements(db).getMeta.get(key)?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  statements(db).setMeta.run(key, value);
}

// ---- what pages read ----

/** The groups holding a person's statements: most sources first, conflicts before agreements. */
export function groupsOfPerson(db: Db, person: number, limit: number, offset: number): GroupRow[] {
  return statements(db).ofPerson.all({ person, limit, offset }).map(group);
}

export function countGroupsOfPerson(db: Db, person: number): number {
  return statements(db).countOfPerson.get(person)!.n;
}

/** Members of these groups with their quote, source and person, by group then source. */
export function membersOfGroups(db: Db, groupIds: Iterable<number>): MemberRow[] {
  return statements(db).members.all(ids(groupIds)).map(member);
}

export function searchConflicts(db: Db, filter: ConflictFilter, limit: number, offset: number): GroupRow[] {
  return statements(db).conflicts.all({ ...filter, limit, offset }).map(group);
}

export function countConflicts(db: Db, filter: ConflictFilter): number {
  return statements(db).countConflicts.get(filter)!.n;
}

/** Groups per label, with how many had a negation or a number changed. */
export function groupLabelCounts(db: Db): { label: GroupLabelValue; n: number; negation: number; number: number }[] {
  return pageReads(db).labelCounts.all();
}

/** People to whom some source gives words that another source gives to this person. */
export function otherSpeakersOf(db: Db, personId: number, limit: number): { id: number; name: string; kind: string }[] {
  return pageReads(db).otherSpeakers.all(personId, personId, limit);
}

/** Every stored group as "label:member ids", ids aside: to check that two ways of grouping agree. */
export function groupSignatures(db: Db): string[] {
  return statements(db).signatures.all().map((r) => r.k);
}
