// A reviewer's decisions about who is who: merge two people, split a name off a person. Each is
// recorded by name key (src/store/people.ts, person_overrides) so that resolution applies it again
// after re-ingest and re-extraction, then applied to the stored rows at once, then the statements of
// the people involved are regrouped. One transaction each.
import type { Db } from "../store/db";
import { badRequest, notFound } from "../errors";
import {
  absorbPerson, addAlias, deleteAlias, deleteOverrides, findPersonByKey, getPersonWithKey, insertPerson, isSplitFrom,
  linkPersonToSource, personAliasRows, recordOverride, retargetMerges, setQuotePerson, sourceHashesOfPerson,
  type PersonKeyRow,
} from "../store/people";
import { quotesOfPerson } from "../store/quotes";
import { isMultiWord, nameKey } from "./people";
import { regroupPeople } from "./compare";

export interface MergeResult {
  /** the person that remains */
  person: number;
  /** the person merged into it (no longer exists) */
  merged: number;
}

export interface SplitResult {
  person: number;
  /** the person the name's statements went to, or null when no statement was attributed by that name */
  split_to: number | null;
}

function person(db: Db, id: number): PersonKeyRow {
  const p = getPersonWithKey(db, id);
  if (!p) throw notFound("person");
  return p;
}

/**
 * Merges person `otherId` into person `keepId`: every name of the other (its name and multi-word
 * aliases everywhere; a one-word name only in the articles where the other person appears) now
 * resolves to `keepId`.
 */
export function mergePeople(db: Db, keepId: number, otherId: number, now: () => Date = () => new Date()): MergeResult {
  const keep = person(db, keepId);
  if (otherId === keepId) throw badRequest("other", "is this same person: choose someone else to merge into this one");
  const other = getPersonWithKey(db, otherId);
  if (!other) throw badRequest("other", "no person has this id");
  const at = now().toISOString();
  db.transaction(() => {
    const names = [{ alias: other.name, alias_key: other.name_key }, ...personAliasRows(db, other.id)];
    const done = new Set<string>();
    const hashes = sourceHashesOfPerson(db, other.id);
    for (const n of names) {
      if (done.has(n.alias_key) || n.alias_key === keep.name_key) continue;
      done.add(n.alias_key);
      // one-word aliases are never matched across articles; only the other's own name is decided on
      if (!isMultiWord(n.alias_key) && n.alias_key !== other.name_key) continue;
      const scopes = isMultiWord(n.alias_key) ? [""] : hashes;
      for (const scope of scopes) {
        recordOverride(db, {
          decision: "merge", alias_key: n.alias_key, alias: n.alias, person_key: keep.name_key, person_name: keep.name, scope, created_at: at,
        });
      }
      deleteOverrides(db, "split", n.alias_key, keep.name_key);
    }
    retargetMerges(db, other.name_key, keep.name_key, keep.name);
    const aliases = names.filter((n) => !isSplitFrom(db, n.alias_key, keep.name_key));
    absorbPerson(db, keep.id, other.id, aliases);
    regroupPeople(db, [keep.id]);
  }).immediate();
  return { person: keep.id, merged: other.id };
}

/**
 * Splits a name off a person: it is no longer one of their names, here or after re-extraction, and
 * the statements whose speaker was written that way go to a person of that name (found or created).
 */
export function splitAlias(db: Db, personId: number, rawAlias: unknown, now: () => Date = () => new Date()): SplitResult {
  const p = person(db, personId);
  const alias = typeof rawAlias === "string" ? rawAlias.trim() : "";
  const key = nameKey(alias);
  if (!key) throw badRequest("alias", "choose one of the person's other names to split off");
  const spelled = personAliasRows(db, p.id).filter((a) => a.alias_key === key);
  if (!spelled.length) throw badRequest("alias", "is not one of this person's names");
  if (key === p.name_key) {
    throw badRequest("alias", "is the person's own name written another way (case, spaces or hyphens), so it cannot be split off");
  }
  let target: number | null = null;
  db.transaction(() => {
    deleteOverrides(db, "merge", key, p.name_key);
    recordOverride(db, {
      decision: "split", alias_key: key, alias: spelled[0]!.alias, person_key: p.name_key, person_name: p.name, scope: "", created_at: now().toISOString(),
    });
    deleteAlias(db, p.id, key);
    const moving = quotesOfPerson(db, p.id).filter((q) => q.speaker_canonical !== null && nameKey(q.speaker_canonical) === key);
    if (moving.length) {
      target = findPersonByKey(db, key, false) ?? insertPerson(db, spelled[0]!.alias, key, p.kind);
      for (const a of spelled) addAlias(db, target, a.alias, a.alias_key);
      for (const q of moving) {
        setQuotePerson(db, q.id, target);
        linkPersonToSource(db, q.source_id, target);
      }
    }
    regroupPeople(db, target === null ? [p.id] : [p.id, target]);
  }).immediate();
  return { person: p.id, split_to: target };
}
