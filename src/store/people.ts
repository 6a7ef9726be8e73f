// Canonical people (and organisations) across the corpus, their aliases and roles.
// Keys (normalised names) are computed by the caller: this module only stores and looks up.
import { preparedOnce, type Db } from "./db";
import type { SpeakerKind } from "../nlp/types";

export interface PersonRow {
  id: number;
  name: string;
  kind: SpeakerKind;
}

export interface PersonKeyRow extends PersonRow {
  name_key: string;
}

export interface OverrideRow {
  decision: "merge" | "split";
  alias_key: string;
  alias: string;
  person_key: string;
  person_name: string;
  scope: string;
  created_at: string;
}

export interface PersonSummary extends PersonRow {
  quote_count: number;
  source_count: number;
}

const statements = preparedOnce((db: Db) => ({
  byNameKey: db.prepare<[string], { id: number }>("SELECT id FROM people WHERE name_key = ? ORDER BY id LIMIT 1"),
  byAliasKey: db.prepare<[string], { id: number }>(
    "SELECT person_id AS id FROM person_aliases WHERE alias_key = ? ORDER BY person_id LIMIT 1"),
  insert: db.prepare<[string, string, string, string | null]>("INSERT INTO people (name, name_key, kind, surname_key) VALUES (?, ?, ?, ?)"),
  bySurname: db.prepare<[string, number], PersonKeyRow>(
    "SELECT id, name, kind, name_key FROM people WHERE surname_key = ? AND kind = 'person' ORDER BY id LIMIT ?"),
  coQuoted: db.prepare<[string, string], { id: number }>(`SELECT DISTINCT a.person_id AS id FROM source_people a
      JOIN source_people b ON b.source_id = a.source_id
      WHERE a.person_id IN (SELECT value FROM json_each(?)) AND b.person_id IN (SELECT value FROM json_each(?))
      ORDER BY 1`),
  // "+kind": look the key up by its index; on kind's index SQLite walks every person in id order
  oneWordPerson: db.prepare<[string], { id: number }>("SELECT id FROM people WHERE name_key = ? AND +kind = 'person' ORDER BY id LIMIT 1"),
  // both decisions named, so the (decision, alias_key, …) index answers instead of a scan of every decision
  overridesOfAlias: db.prepare<[string], { n: number }>(
    "SELECT count(*) AS n FROM person_overrides WHERE decision IN ('merge', 'split') AND alias_key = ?"),
  insertAlias: db.prepare<[number, string, string]>(
    "INSERT OR IGNORE INTO person_aliases (person_id, alias, alias_key) VALUES (?, ?, ?)"),
  insertRole: db.prepare<[number, string]>("INSERT OR IGNORE INTO person_roles (person_id, role) VALUES (?, ?)"),
  link: db.prepare<[number, number]>("INSERT OR IGNORE INTO source_people (source_id, person_id) VALUES (?, ?)"),
  unlinkSource: db.prepare<[number]>("DELETE FROM source_people WHERE source_id = ?"),
  deleteOrphans: db.prepare(`DELETE FROM people WHERE
      NOT EXISTS (SELECT 1 FROM source_people sp WHERE sp.person_id = people.id)
      AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.person_id = people.id)`),
  get: db.prepare<[number], PersonRow>("SELECT id, name, kind FROM people WHERE id = ?"),
  aliases: db.prepare<[number], { alias: string }>("SELECT alias FROM person_aliases WHERE person_id = ? ORDER BY alias"),
  roles: db.prepare<[number], { role: string }>("SELECT role FROM person_roles WHERE person_id = ? ORDER BY role"),
  options: db.prepare<[number], PersonRow>("SELECT id, name, kind FROM people ORDER BY name COLLATE NOCASE, id LIMIT ?"),
  sourcesOf: db.prepare<[number, number], { id: number }>(`SELECT source_id AS id FROM source_people WHERE person_id = ?
      UNION SELECT source_id FROM quotes WHERE person_id = ? ORDER BY 1`),
  getWithKey: db.prepare<[number], PersonKeyRow>("SELECT id, name, kind, name_key FROM people WHERE id = ?"),
  aliasRows: db.prepare<[number], { alias: string; alias_key: string }>(
    "SELECT alias, alias_key FROM person_aliases WHERE person_id = ? ORDER BY alias"),
  deleteAlias: db.prepare<[number, string]>("DELETE FROM person_aliases WHERE person_id = ? AND alias_key = ?"),
  aliasRoles: db.prepare<[string, string], { person_id: number; role: string }>(`SELECT a.person_id, r.role FROM person_aliases a
      JOIN person_roles r ON r.person_id = a.person_id JOIN people p ON p.id = a.person_id
      WHERE a.alias_key = ? AND p.kind = ? ORDER BY a.person_id`),
  hashesOf: db.prepare<[number, number], { content_hash: string }>(`SELECT content_hash FROM sources WHERE id IN
      (SELECT source_id FROM source_people WHERE person_id = ? UNION SELECT source_id FROM quotes WHERE person_id = ?)
      ORDER BY id`),
  moveQuotes: db.prepare<[number, number]>("UPDATE quotes SET person_id = ? WHERE person_id = ?"),
  setQuotePerson: db.prepare<[number, number]>("UPDATE quotes SET person_id = ? WHERE id = ?"),
  copyLinks: db.prepare<[number, number]>(
    "INSERT OR IGNORE INTO source_people (source_id, person_id) SELECT source_id, ? FROM source_people WHERE person_id = ?"),
  copyRoles: db.prepare<[number, number]>(
    "INSERT OR IGNORE INTO person_roles (person_id, role) SELECT ?, role FROM person_roles WHERE person_id = ?"),
  deletePerson: db.prepare<[number]>("DELETE FROM people WHERE id = ?"),
  mergeOverride: db.prepare<[string, string], { person_key: string; person_name: string }>(`SELECT person_key, person_name
      FROM person_overrides WHERE decision = 'merge' AND alias_key = ? AND scope IN (?, '')
      ORDER BY scope = '', id DESC LIMIT 1`),
  isSplit: db.prepare<[string, string], { n: number }>(
    "SELECT count(*) AS n FROM person_overrides WHERE decision = 'split' AND alias_key = ? AND person_key = ?"),
  insertOverride: db.prepare<OverrideRow>(`INSERT INTO person_overrides
      (decision, alias_key, alias, person_key, person_name, scope, created_at)
      VALUES (@decision, @alias_key, @alias, @person_key, @person_name, @scope, @created_at)
      ON CONFLICT (decision, alias_key, scope, person_key) DO UPDATE SET alias = excluded.alias,
        person_name = excluded.person_name, created_at = excluded.created_at`),
  deleteOverrides: db.prepare<[string, string, string]>(
    "DELETE FROM person_overrides WHERE decision = ? AND alias_key = ? AND person_key = ?"),
  deleteMergesInScope: db.prepare<[string, string]>(
    "DELETE FROM person_overrides WHERE decision = 'merge' AND alias_key = ? AND scope = ?"),
  retarget: db.prepare<[string, string, string]>(`UPDATE OR REPLACE person_overrides SET person_key = ?, person_name = ?
      WHERE decision = 'merge' AND person_key = ?`),
  nameWord: db.prepare<{ id: number; word: string; limit: number }, PersonRow>(`SELECT id, name, kind FROM people
      WHERE id <> @id AND (' ' || name_key || ' ') LIKE '% ' || replace(replace(replace(@word, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || ' %' ESCAPE '\\'
      ORDER BY name COLLATE NOCASE, id LIMIT @limit`),
  mentionedOnly: db.prepare<[number, number], { id: number; title: string; outlet: string }>(`SELECT s.id, s.title, s.outlet
      FROM source_people sp JOIN sources s ON s.id = sp.source_id
      WHERE sp.person_id = ? AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.source_id = sp.source_id AND q.person_id = sp.person_id)
      ORDER BY s.id LIMIT ?`),
  countMentionedOnly: db.prepare<[number], { n: number }>(`SELECT count(*) AS n FROM source_people sp
      WHERE sp.person_id = ? AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.source_id = sp.source_id AND q.person_id = sp.person_id)`),
  maxId: db.prepare<[], { id: number | null }>("SELECT max(id) AS id FROM people"),
  quotedAfter: db.prepare<[number], { id: number }>(
    "SELECT DISTINCT person_id AS id FROM quotes WHERE person_id > ? ORDER BY person_id"),
  overridesOf: db.prepare<[string, string], OverrideRow>(`SELECT decision, alias_key, alias, person_key, person_name, scope, created_at
      FROM person_overrides WHERE person_key = ? OR alias_key = ? ORDER BY id`),
}));

/**
 * Reads of the kept counts (migration 65), prepared apart from the writes above: a database opened
 * with an older list of migrations (the upgrade tests) can still store articles.
 */
const counted = preparedOnce((db: Db) => ({
  list: db.prepare<[string], PersonSummary>(`SELECT p.id, p.name, p.kind,
      coalesce((SELECT n FROM person_quote_counts k WHERE k.person_id = p.id), 0) AS quote_count,
      (SELECT count(*) FROM source_people sp WHERE sp.person_id = p.id) AS source_count
    FROM people p WHERE p.kind IN (SELECT value FROM json_each(?))
    ORDER BY quote_count DESC, p.name COLLATE NOCASE, p.id`),
  quoteCount: db.prepare<[number], { n: number }>("SELECT coalesce((SELECT n FROM person_quote_counts WHERE person_id = ?), 0) AS n"),
}));

/** The person whose canonical name has this key, else whose alias has it. */
export function findPersonByKey(db: Db, key: string, alsoAliases: boolean): number | undefined {
  const s = statements(db);
  return s.byNameKey.get(key)?.id ?? (alsoAliases ? s.byAliasKey.get(key)?.id : undefined);
}

/** The last word of a multi-word name key ("tony blair" → "blair"), null for a one-word key. */
export function surnameKey(nameKey: string): string | null {
  const at = nameKey.lastIndexOf(" ");
  return at < 0 ? null : nameKey.slice(at + 1);
}

export function insertPerson(db: Db, name: string, nameKey: string, kind: SpeakerKind): number {
  return Number(statements(db).insert.run(name, nameKey, kind, surnameKey(nameKey)).lastInsertRowid);
}

/** People (kind person) whose multi-word name ends in this word, at most `limit` of them. */
export function peopleWithSurname(db: Db, surname: string, limit: number): PersonKeyRow[] {
  return statements(db).bySurname.all(surname, limit);
}

/** Those of `candidates` that some source mentions together with one of `company`. */
export function coQuoted(db: Db, candidates: readonly number[], company: readonly number[]): number[] {
  if (!candidates.length || !company.length) return [];
  return statements(db).coQuoted.all(JSON.stringify(candidates), JSON.stringify(company)).map((r) => r.id);
}

/** The person (kind person) whose whole name is this one word ("blair"), if any. */
export function oneWordPerson(db: Db, key: string): number | undefined {
  return statements(db).oneWordPerson.get(key)?.id;
}

/** Whether a reviewer ever merged or split this name: then no automatic join touches it. */
export function hasOverrides(db: Db, aliasKey: string): boolean {
  return statements(db).overridesOfAlias.get(aliasKey)!.n > 0;
}

export function addAlias(db: Db, personId: number, alias: string, aliasKey: string): void {
  statements(db).insertAlias.run(personId, alias, aliasKey);
}

export function addRole(db: Db, personId: number, role: string): void {
  statements(db).insertRole.run(personId, role);
}

export function linkPersonToSource(db: Db, sourceId: number, personId: number): void {
  statements(db).link.run(sourceId, personId);
}

export function unlinkSourcePeople(db: Db, sourceId: number): void {
  statements(db).unlinkSource.run(sourceId);
}

/** Removes people no source mentions any more. Returns how many went. */
export function deleteOrphanPeople(db: Db): number {
  return statements(db).deleteOrphans.run().changes;
}

export function getPerson(db: Db, id: number): PersonRow | undefined {
  return statements(db).get.get(id);
}

export function personAliases(db: Db, id: number): string[] {
  return statements(db).aliases.all(id).map((r) => r.alias);
}

export function personRoles(db: Db, id: number): string[] {
  return statements(db).roles.all(id).map((r) => r.role);
}

/** Kinds /people lists when no kind is asked for: people and bodies, not places, documents or groups. */
export const LISTED_KINDS: readonly SpeakerKind[] = ["person", "organisation", "media"];

export function listPeople(db: Db, kinds: readonly SpeakerKind[] = LISTED_KINDS): PersonSummary[] {
  return counted(db).list.all(JSON.stringify(kinds));
}

/** Every person for a filter menu, in name order; with `upTo`, null when there are more than that. */
export function peopleOptions(db: Db, upTo?: number): PersonRow[] | null {
  const rows = statements(db).options.all(upTo === undefined ? -1 : upTo + 1);
  return upTo !== undefined && rows.length > upTo ? null : rows;
}

/** Ids of the sources that mention the person or attribute a quote to them. */
export function sourcesOfPerson(db: Db, id: number): number[] {
  return statements(db).sourcesOf.all(id, id).map((r) => r.id);
}

// ---- identity: the name key of a person, aliases with keys, reviewer decisions ----

export function getPersonWithKey(db: Db, id: number): PersonKeyRow | undefined {
  return statements(db).getWithKey.get(id);
}

export function personAliasRows(db: Db, id: number): { alias: string; alias_key: string }[] {
  return statements(db).aliasRows.all(id);
}

export function deleteAlias(db: Db, personId: number, aliasKey: string): void {
  statements(db).deleteAlias.run(personId, aliasKey);
}

/** People of this kind who hold this alias, with each of their roles. */
export function aliasHoldersWithRoles(db: Db, aliasKey: string, kind: SpeakerKind): { person_id: number; role: string }[] {
  return statements(db).aliasRoles.all(aliasKey, kind);
}

/** Content hashes of the sources that mention the person or attribute a quote to them. */
export function sourceHashesOfPerson(db: Db, id: number): string[] {
  return statements(db).hashesOf.all(id, id).map((r) => r.content_hash);
}

/** Moves everything of person `from` to person `into` (quotes, source links, aliases given, roles) and deletes `from`. */
export function absorbPerson(db: Db, into: number, from: number, aliases: { alias: string; alias_key: string }[]): void {
  const s = statements(db);
  s.moveQuotes.run(into, from);
  s.copyLinks.run(into, from);
  s.copyRoles.run(into, from);
  for (const a of aliases) s.insertAlias.run(into, a.alias, a.alias_key);
  s.deletePerson.run(from);
}

export function setQuotePerson(db: Db, quoteId: number, personId: number): void {
  statements(db).setQuotePerson.run(personId, quoteId);
}

/** The person a reviewer's merge sends this name key to: the decision for this source first, then one for everywhere. */
export function mergeTarget(db: Db, aliasKey: string, scope: string): { person_key: string; person_name: string } | undefined {
  return statements(db).mergeOverride.get(aliasKey, scope);
}

/** Whether a reviewer split this name key off the person with `personKey`. */
export function isSplitFrom(db: Db, aliasKey: string, personKey: string): boolean {
  return statements(db).isSplit.get(aliasKey, personKey)!.n > 0;
}

export function recordOverride(db: Db, o: OverrideRow): void {
  const s = statements(db);
  if (o.decision === "merge") s.deleteMergesInScope.run(o.alias_key, o.scope); // one merge per name and scope
  s.insertOverride.run(o);
}

export function deleteOverrides(db: Db, decision: "merge" | "split", aliasKey: string, personKey: string): void {
  statements(db).deleteOverrides.run(decision, aliasKey, personKey);
}

/** Earlier merges into `fromKey` now lead to `toKey` (merging is transitive). */
export function retargetMerges(db: Db, fromKey: string, toKey: string, toName: string): void {
  statements(db).retarget.run(toKey, toName, fromKey);
}

/** Decisions that name this person's key, either side. */
export function overridesOf(db: Db, personKey: string): OverrideRow[] {
  return statements(db).overridesOf.all(personKey, personKey);
}

/** Other people whose name holds this word (a surname shared by two records is worth a reviewer's look). */
export function peopleWithNameWord(db: Db, exceptId: number, word: string, limit: number): PersonRow[] {
  return statements(db).nameWord.all({ id: exceptId, word, limit });
}

/** Sources that mention the person without attributing anything to them (at most `limit`), and how many there are. */
export function sourcesMentioningOnly(db: Db, id: number, limit: number): { total: number; sources: { id: number; title: string; outlet: string }[] } {
  const s = statements(db);
  return { total: s.countMentionedOnly.get(id)!.n, sources: s.mentionedOnly.all(id, limit) };
}

const sourceLists = preparedOnce((db: Db) => ({
  linked: db.prepare<[number]>("SELECT source_id FROM source_people WHERE person_id = ? ORDER BY source_id").pluck(),
  quoted: db.prepare<[number]>("SELECT DISTINCT source_id FROM quotes INDEXED BY quotes_person_source WHERE person_id = ? ORDER BY source_id").pluck(),
  titles: db.prepare<[string], { id: number; title: string; outlet: string }>(
    "SELECT id, title, outlet FROM sources WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id"),
}));

/**
 * What sourcesOfPerson(…).length and sourcesMentioningOnly(…, limit) give, from one read of each list
 * of the person's articles (those naming them, those quoting them; both in article order) merged here:
 * the two queries read the person's articles three times, each looking up the other list per article
 * (20 ms for a person in 8,300 articles at 222,500; decision 041).
 */
export function personSourceFacts(db: Db, id: number, limit: number): {
  source_count: number; mentioned_only: { total: number; sources: { id: number; title: string; outlet: string }[] };
} {
  const s = sourceLists(db);
  const linked = s.linked.all(id) as number[];
  const quoted = s.quoted.all(id) as number[];
  let i = 0;
  let j = 0;
  let union = 0;
  const only: number[] = [];
  let onlyTotal = 0;
  while (i < linked.length || j < quoted.length) {
    const a = i < linked.length ? linked[i]! : Infinity;
    const b = j < quoted.length ? quoted[j]! : Infinity;
    union++;
    if (a === b) {
      i++;
      j++;
    } else if (a < b) {
      onlyTotal++;
      if (only.length < limit) only.push(a);
      i++;
    } else {
      j++;
    }
  }
  return { source_count: union, mentioned_only: { total: onlyTotal, sources: only.length ? s.titles.all(JSON.stringify(only)) : [] } };
}

export function quoteCountOfPerson(db: Db, id: number): number {
  return counted(db).quoteCount.get(id)!.n;
}

/** The highest person id (0 when there is nobody). */
export function maxPersonId(db: Db): number {
  return statements(db).maxId.get()!.id ?? 0;
}

/**
 * People with an id above `id` who have quotes: after storing articles, the people created meanwhile,
 * including a full name that took over the quotes of a one-word person ("Mr Lind" joined to "Ana
 * Lind") in an article that only mentions her: her groups change too.
 */
export function quotedPeopleAfter(db: Db, id: number): number[] {
  return statements(db).quotedAfter.all(id).map((r) => r.id);
}
