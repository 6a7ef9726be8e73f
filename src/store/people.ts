// Canonical people (and organisations) across the corpus, their aliases and roles.
// Keys (normalised names) are computed by the caller: this module only stores and looks up.
import { preparedOnce, type Db } from "./db";
import type { SpeakerKind } from "../nlp/types";

export interface PersonRow {
  id: number;
  name: string;
  kind: SpeakerKind;
}

export interface PersonSummary extends PersonRow {
  quote_count: number;
  source_count: number;
}

const statements = preparedOnce((db: Db) => ({
  byNameKey: db.prepare<[string], { id: number }>("SELECT id FROM people WHERE name_key = ? ORDER BY id LIMIT 1"),
  byAliasKey: db.prepare<[string], { id: number }>(
    "SELECT person_id AS id FROM person_aliases WHERE alias_key = ? ORDER BY person_id LIMIT 1"),
  insert: db.prepare<[string, string, string]>("INSERT INTO people (name, name_key, kind) VALUES (?, ?, ?)"),
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
  list: db.prepare<[], PersonSummary>(`SELECT p.id, p.name, p.kind,
      (SELECT count(*) FROM quotes q WHERE q.person_id = p.id) AS quote_count,
      (SELECT count(*) FROM source_people sp WHERE sp.person_id = p.id) AS source_count
    FROM people p ORDER BY quote_count DESC, p.name COLLATE NOCASE, p.id`),
  options: db.prepare<[], PersonRow>("SELECT id, name, kind FROM people ORDER BY name COLLATE NOCASE, id"),
  sourcesOf: db.prepare<[number, number], { id: number }>(`SELECT source_id AS id FROM source_people WHERE person_id = ?
      UNION SELECT source_id FROM quotes WHERE person_id = ? ORDER BY 1`),
}));

/** The person whose canonical name has this key, else whose alias has it. */
export function findPersonByKey(db: Db, key: string, alsoAliases: boolean): number | undefined {
  const s = statements(db);
  return s.byNameKey.get(key)?.id ?? (alsoAliases ? s.byAliasKey.get(key)?.id : undefined);
}

export function insertPerson(db: Db, name: string, nameKey: string, kind: SpeakerKind): number {
  return Number(statements(db).insert.run(name, nameKey, kind).lastInsertRowid);
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

export function listPeople(db: Db): PersonSummary[] {
  return statements(db).list.all();
}

export function peopleOptions(db: Db): PersonRow[] {
  return statements(db).options.all();
}

/** Ids of the sources that mention the person or attribute a quote to them. */
export function sourcesOfPerson(db: Db, id: number): number[] {
  return statements(db).sourcesOf.all(id, id).map((r) => r.id);
}
