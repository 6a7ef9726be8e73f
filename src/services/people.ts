// Matching a document's speaker entities to canonical people across the corpus: reviewer decisions
// (merge, split) first, then the exact normalised name ("Kim Jong-un" = "kim jong un"), then a
// multi-word alias. Single-word aliases ("Kim") are stored but match only with a role held by one
// person alone, since they name different people in different articles. No string distance decides.
import type { Db } from "../store/db";
import type { Entity, SpeakerKind } from "../nlp/types";
import { genderOfName, genderOfWords } from "../nlp/gender";
import { looksLikeName } from "../nlp/kinds";
import {
  absorbPerson, addAlias, addRole, aliasHoldersWithRoles, coQuoted, findPersonByKey, getPersonWithKey, hasOverrides, insertPerson,
  isSplitFrom, mergeTarget, oneWordPerson, peopleWithSurname, personAliasRows, personRoles, surnameKey,
} from "../store/people";

/**
 * Case-, whitespace- and hyphen-insensitive key of a name. Remembered per name (a pure function: NFKC
 * and two replaces for each of the ~30 calls an article's people make, over a few thousand distinct
 * names per 2,225 articles); the memo starts afresh past KEYS_MAX names.
 */
export function nameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = readNameKey(name);
    if (keys.size >= KEYS_MAX) keys.clear();
    keys.set(name, key);
  }
  return key;
}
const keys = new Map<string, string>();
const KEYS_MAX = 50_000;

function readNameKey(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\-\u2010-\u2015\u2212_]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function isMultiWord(key: string): boolean {
  return key.includes(" ");
}

/**
 * Kinds that name someone identifiable: people, bodies and outlets. Places, documents, unnamed groups,
 * anonymous sources and fragments are not stored as people nor merged across articles.
 */
export function isIdentifiable(kind: SpeakerKind): boolean {
  return kind === "person" || kind === "organisation" || kind === "media";
}

/** A title's or first name's gender does not contradict joining ("Mrs Lind" never joins "Tom Lind"). */
function genderAgrees(roles: readonly string[], fullName: string): boolean {
  const said = genderOfWords(roles.join(" "));
  if (!said) return true;
  const first = genderOfName(fullName.split(/\s+/)[0] ?? "");
  return !first || first === said;
}

/**
 * "Mr Blair" (a one-word person) is the corpus's "Tony Blair" when the corpus leaves no doubt: exactly
 * one person has a full name ending in that word, of no other gender than a title says, and no
 * reviewer decision names the word. Never by string distance.
 */
function bySurname(db: Db, key: string, roles: readonly string[], company: readonly number[]): number | undefined {
  if (hasOverrides(db, key)) return undefined;
  const holders = peopleWithSurname(db, key, MAX_SURNAME_HOLDERS + 1);
  if (!holders.length || holders.length > MAX_SURNAME_HOLDERS) return undefined;
  const fit = holders.filter((p) => genderAgrees(roles, p.name) && rolesAgree(roles, personRoles(db, p.id)) && !isSplitFrom(db, key, p.name_key));
  if (holders.length === 1) return fit[0]?.id;
  // several full names: the one quoted alongside the people of this article ("Mr Blair" among "Gordon
  // Brown" and "Michael Howard" is the "Tony Blair" of their other articles, not a police chief)
  const alongside = coQuoted(db, fit.map((p) => p.id), company);
  return alongside.length === 1 ? alongside[0] : undefined;
}

/** Beyond this many full names with one surname, a one-word name is too common to join by company. */
const MAX_SURNAME_HOLDERS = 8;

/** Titles of address, which say nothing about the office: "Mr", "Dr". */
const HONORIFICS = new Set(["mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lady", "lord", "prof", "professor"]);

/** Two sets of roles that both say something and share nothing ("mayor" against "transport minister") are doubt. */
function rolesAgree(a: readonly string[], b: readonly string[]): boolean {
  const norm = (rs: readonly string[]) => new Set(rs.map((r) => nameKey(r).replace(/\./g, "")).filter((r) => r && !HONORIFICS.has(r)));
  const x = norm(a);
  const y = norm(b);
  if (!x.size || !y.size) return true;
  for (const r of x) if (y.has(r)) return true;
  return false;
}

/** A new full name takes over the one-word person of its surname, when it is the only full name with it. */
function absorbSurname(db: Db, id: number, key: string, name: string): void {
  const surname = surnameKey(key);
  if (!surname || hasOverrides(db, surname) || isSplitFrom(db, surname, key)) return;
  const single = oneWordPerson(db, surname);
  if (single === undefined || single === id || peopleWithSurname(db, surname, 2).length !== 1) return;
  if (!genderAgrees(personRoles(db, single), name) || !rolesAgree(personRoles(db, single), personRoles(db, id))) return;
  absorbPerson(db, id, single, personAliasRows(db, single));
}

/**
 * The one person that holds this one-word name as an alias and one of these roles, if exactly one does:
 * "Lind", described in an article as "finance minister", is the corpus's "Ana Lind" when she alone is
 * both. Two candidates (or none) decide nothing.
 */
function byAliasAndRole(db: Db, key: string, kind: SpeakerKind, roles: string[]): number | undefined {
  const wanted = new Set(roles.map(nameKey).filter(Boolean));
  if (!wanted.size) return undefined;
  const holders = new Set<number>();
  for (const r of aliasHoldersWithRoles(db, key, kind)) if (wanted.has(nameKey(r.role))) holders.add(r.person_id);
  return holders.size === 1 ? [...holders][0] : undefined;
}

/**
 * Finds or creates the person for an entity, recording its aliases and roles. Reviewer decisions come
 * first: a merged name goes to the person it was merged into (a one-word name only in the articles
 * where it was merged, `scope` being the article's content hash), and a name split off a person is
 * never added to that person again. Then, as before, the exact name key, then a multi-word alias; a
 * one-word name joins a person only on the evidence of a shared role held by that person alone.
 * A one-word person name ("Blair", from "Mr Blair") joins the one full name that ends in it, or, when
 * several do, the one some source quotes alongside `company` (the people of the same article).
 * Returns null for entities that are not identifiable or have no usable name.
 * Call inside the ingest transaction.
 */
export function resolveEntity(db: Db, entity: Entity, scope = "", company: readonly number[] = []): number | null {
  let name = entity.canonical.trim();
  let key = nameKey(name);
  // a description ("company", "the paper") or a fragment ("Last month it") is nobody to list
  if (!key || !isIdentifiable(entity.kind) || !looksLikeName(name)) return null;
  const aliases = [entity.canonical.trim(), ...entity.aliases.map((a) => a.trim())].filter((a) => nameKey(a) !== "");
  const merged = mergeTarget(db, key, scope);
  if (merged) {
    key = merged.person_key;
    name = merged.person_name;
  }
  let id = findPersonByKey(db, key, isMultiWord(key));
  for (const alias of aliases) {
    if (id !== undefined) break;
    const k = nameKey(alias);
    if (isMultiWord(k)) id = findPersonByKey(db, mergeTarget(db, k, scope)?.person_key ?? k, true);
  }
  if (id === undefined && !isMultiWord(key)) id = byAliasAndRole(db, key, entity.kind, entity.roles);
  if (id === undefined && !isMultiWord(key) && entity.kind === "person") id = bySurname(db, key, entity.roles, company);
  if (id === undefined) {
    id = insertPerson(db, name, key, entity.kind);
    if (entity.kind === "person" && isMultiWord(key)) absorbSurname(db, id, key, name);
  }
  const personKey = getPersonWithKey(db, id)?.name_key ?? key;
  for (const alias of aliases) {
    const k = nameKey(alias);
    if (!isSplitFrom(db, k, personKey)) addAlias(db, id, alias, k);
  }
  for (const role of entity.roles) {
    const r = role.trim();
    if (r) addRole(db, id, r);
  }
  return id;
}
