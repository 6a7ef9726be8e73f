// Matching a document's speaker entities to canonical people across the corpus.
// For now: exact match of normalised names ("Kim Jong-un" = "kim jong un"). Single-word aliases
// ("Kim") are stored but never used to match, since they name different people in different articles.
import type { Db } from "../store/db";
import type { Entity, SpeakerKind } from "../nlp/types";
import { addAlias, addRole, findPersonByKey, insertPerson } from "../store/people";

/** Case-, whitespace- and hyphen-insensitive key of a name. */
export function nameKey(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\-\u2010-\u2015\u2212_]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function isMultiWord(key: string): boolean {
  return key.includes(" ");
}

/** Kinds that name someone identifiable; anonymous and unknown speakers are not merged across articles. */
export function isIdentifiable(kind: SpeakerKind): boolean {
  return kind === "person" || kind === "organisation";
}

/**
 * Finds or creates the person for an entity, recording its aliases and roles.
 * Returns null for entities that are not identifiable or have no usable name.
 * Call inside the ingest transaction.
 */
export function resolveEntity(db: Db, entity: Entity): number | null {
  const name = entity.canonical.trim();
  const key = nameKey(name);
  if (!key || !isIdentifiable(entity.kind)) return null;
  const aliases = [name, ...entity.aliases.map((a) => a.trim())].filter((a) => nameKey(a) !== "");
  let id = findPersonByKey(db, key, isMultiWord(key));
  for (const alias of aliases) {
    if (id !== undefined) break;
    const k = nameKey(alias);
    if (isMultiWord(k)) id = findPersonByKey(db, k, true);
  }
  if (id === undefined) id = insertPerson(db, name, key, entity.kind);
  for (const alias of aliases) addAlias(db, id, alias, nameKey(alias));
  for (const role of entity.roles) {
    const r = role.trim();
    if (r) addRole(db, id, r);
  }
  return id;
}
