// Keeping statement groups up to date. A full regroup reads every attributed quote and replaces every
// group (near-linear: see src/compare/group.ts). After one article, merge or split, only a region is
// regrouped: the people it touches, the groups they are in, and the statements elsewhere that repeat
// their new statements' words (see regroupPeople). Run inside the caller's transaction.
import type { Db } from "../store/db";
import {
  COMPARE_VERSION, LIMITS, blockWeights, decide, groupStatements, prepareStatement, prepareText,
  type GroupResult, type GroupStats, type PreparedText, type StatementInput,
} from "../compare";
import {
  allMembership, deleteGroups, fingerprintCounts, mapAllStatements,
  getMeta, groupsWithMembers, insertFingerprints, insertGroup, insertMembers, membershipOfGroupsOf, postingsOf, setMeta, syncFingerprints,
  refreshPersonGroups, statementsByIds, statementsOfPeople, textsOfPeople, unindexedStatementsOf, updateGroup, withCsvRowsHeld, type StatementRow,
} from "../store/groups";
import { nameKey } from "./people";

const META_KEY = "groups_version";
const STALE = "stale";
/** a region bigger than this many statements is regrouped with everything else (a full regroup is near-linear anyway) */
const MAX_REGION = 20_000;

export interface RegroupReport {
  /** "skipped": the region was over the caller's maxRegion, nothing was regrouped */
  mode: "full" | "region" | "skipped";
  statements: number;
  groups: number;
  stats?: GroupStats;
}

/**
 * prepareText by quote id, kept across regroups in this process: a regroup per batch reads the
 * statements of the people it touches again and again. The text is kept beside it and compared, so a
 * statement whose text changed (or a quote id of another database) is prepared afresh; the answer is
 * always prepareText(text)'s. Bounded: the oldest entry goes first.
 */
const PREPARED_MAX = 60_000;
const preparedById = new Map<number, { text: string; prep: PreparedText }>();

function preparedOf(id: number, text: string): PreparedText {
  const hit = preparedById.get(id);
  if (hit && hit.text === text) return hit.prep;
  const prep = prepareText(text);
  if (hit) preparedById.delete(id);
  else if (preparedById.size >= PREPARED_MAX) preparedById.delete(preparedById.keys().next().value!);
  preparedById.set(id, { text, prep });
  return prep;
}

const cachedPrep = (s: StatementInput): PreparedText => preparedOf(s.id, s.text);

/** The cache's answer when it holds this text, else prepareText's, without filling the cache (a full regroup would only churn it). */
const lookedUpPrep = (s: StatementInput): PreparedText => {
  const hit = preparedById.get(s.id);
  return hit && hit.text === s.text ? hit.prep : prepareText(s.text);
};

function toInput(r: StatementRow): StatementInput {
  return {
    id: r.id, source_id: r.source_id, person_id: r.person_id, person_key: r.person_key, person_name: r.person_name,
    via_key: r.via ? nameKey(r.via) : null, kind: r.kind, text: r.text,
  };
}

/** Whether the stored groups were computed, completely, by this version of the grouping. */
export function groupsAreCurrent(db: Db): boolean {
  return getMeta(db, META_KEY) === COMPARE_VERSION;
}

/** Whether a batch marked the groups stale and will regroup at its end. */
export function batchUnderWay(db: Db): boolean {
  return getMeta(db, META_KEY) === STALE;
}

/** Records that the stored groups no longer cover the quotes (a batch is under way). */
export function markGroupsStale(db: Db): void {
  setMeta(db, META_KEY, STALE);
}

/**
 * Writes the groups of a region in place of the old groups that held any of its statements. A new
 * group keeps the id of the old group it shares most statements with (unless a bigger group took it
 * first), so a group that grows or loses a version keeps its id, and links to it stay meaningful.
 */
function replaceGroups(db: Db, groups: GroupResult[], old: { group_id: number; quote_id: number }[]): void {
  // the CSV rows of every quote whose membership or group label this may change are written once at
  // the end, not by a trigger per member row
  withCsvRowsHeld(db, () => writeGroups(db, groups, old));
}

/** replaceGroups' writes; returns the quotes whose member row or group label may have changed. */
function writeGroups(db: Db, groups: GroupResult[], old: { group_id: number; quote_id: number }[]): Set<number> {
  const touched = new Set<number>();
  const oldOf = new Map(old.map((m) => [m.quote_id, m.group_id]));
  const oldIds = new Set(old.map((m) => m.group_id));
  const claimed = new Map<GroupResult, number>();
  const taken = new Set<number>();
  const bySize = [...groups].sort((a, b) => b.members.length - a.members.length || a.members[0]!.id - b.members[0]!.id);
  for (const g of bySize) {
    const overlap = new Map<number, number>();
    for (const m of g.members) {
      const o = oldOf.get(m.id);
      if (o !== undefined && !taken.has(o)) overlap.set(o, (overlap.get(o) ?? 0) + 1);
    }
    const best = [...overlap.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    if (best) {
      claimed.set(g, best[0]);
      taken.add(best[0]);
    }
  }
  const deleted = new Set([...oldIds].filter((id) => !taken.has(id)));
  deleteGroups(db, deleted);
  const stored = groupsWithMembers(db, taken);
  const storedRow = new Map(stored.groups.map((g) => [g.id, g]));
  const storedMembers = new Map<number, Map<number, string>>();
  const memberKey = (m: { relation: string; other_speaker: boolean; negation_changed: boolean; number_changed: boolean }) =>
    `${m.relation}|${m.other_speaker}|${m.negation_changed}|${m.number_changed}`;
  for (const m of stored.members) {
    let map = storedMembers.get(m.group_id);
    if (!map) storedMembers.set(m.group_id, (map = new Map()));
    map.set(m.quote_id, memberKey(m));
  }
  // members written after the groups, in quote order: the member table's key, so its B-tree is
  // appended to rather than split all over (each quote is written once, so the order changes no row)
  const updated = new Set<number>();
  // every group inserted or rewritten: its (person, group) rows are written afresh after its members (migration 84)
  const rewritten: number[] = [];
  const writes: { quote_id: number; group_id: number; m: GroupResult["members"][number] }[] = [];
  for (const g of groups) {
    const row = {
      label: g.label, reference_quote_id: g.reference, negation_changed: g.negation_changed, number_changed: g.number_changed,
      source_count: g.source_count, person_count: g.person_count, member_count: g.members.length,
    };
    let id = claimed.get(g);
    if (id !== undefined) {
      const before = storedRow.get(id)!;
      const members = storedMembers.get(id) ?? new Map<number, string>();
      const unchanged = (Object.keys(row) as (keyof typeof row)[]).every((k) => before[k] === row[k])
        && members.size === g.members.length && g.members.every((m) => members.get(m.id) === memberKey(m));
      if (unchanged) continue;
      updateGroup(db, id, row);
      if (before.label !== row.label) updated.add(id);
      rewritten.push(id);
    } else {
      id = insertGroup(db, row);
      rewritten.push(id);
    }
    for (const m of g.members) writes.push({ quote_id: m.id, group_id: id, m });
  }
  writes.sort((a, b) => a.quote_id - b.quote_id);
  insertMembers(db, writes.map(({ quote_id, group_id, m }) => ({
    quote_id, group_id, relation: m.relation, other_speaker: m.other_speaker,
    negation_changed: m.negation_changed, number_changed: m.number_changed,
  })));
  refreshPersonGroups(db, rewritten);
  // every member row written; the old members of deleted groups (their rows went with them) and of
  // groups whose label changed
  for (const w of writes) touched.add(w.quote_id);
  for (const m of old) if (deleted.has(m.group_id) || updated.has(m.group_id)) touched.add(m.quote_id);
  return touched;
}

/** Every attributed quote of the corpus, as grouping reads it. */
export function corpusStatements(db: Db): StatementInput[] {
  return mapAllStatements(db, toInput);
}

/** The statements a bulk run prepares ahead at most (an answer is ~2.5 KB of heap; issue 15's ×10 run has 80,000 to prepare). */
export const PREPARED_AHEAD_MAX = 200_000;

/**
 * prepareText of statements by quote id, computed ahead (a deferred bulk run prepares its batches' new
 * statements while its storing thread waits for the workers, for the full regroup at its end). Like the cache above, an
 * entry is used only when its text is the statement's, so the answer is always prepareText(text)'s.
 */
export class PreparedTexts {
  private readonly byId = new Map<number, { text: string; prep: PreparedText }>();
  /**
   * `max`: statements kept at most (the full regroup holds every statement's answer at once anyway,
   * but these are held through the whole run; past the bound the regroup prepares the rest itself).
   */
  constructor(readonly max = PREPARED_AHEAD_MAX) {}
  /** Prepares this statement now and keeps the answer, unless `max` are kept already. */
  add(id: number, text: string): void {
    if (this.byId.size >= this.max && !this.byId.has(id)) return;
    this.byId.set(id, { text, prep: prepareText(text) });
  }
  get size(): number {
    return this.byId.size;
  }
  /** The kept answer for this statement, else the process cache's, else prepareText's. */
  readonly lookup = (s: StatementInput): PreparedText => {
    const hit = this.byId.get(s.id);
    return hit && hit.text === s.text ? hit.prep : lookedUpPrep(s);
  };
  /**
   * lookup, and the kept answer let go once given: the final regroup holds what it prepares as long
   * as it needs it (PREPARED_HELD), so these are not held beside it to its end (up to 200,000, ~500 MB
   * at 222,500 articles; decision 044). A statement asked for again is prepared again, the same answer.
   */
  readonly take = (s: StatementInput): PreparedText => {
    const hit = this.byId.get(s.id);
    if (hit) this.byId.delete(s.id);
    return hit && hit.text === s.text ? hit.prep : lookedUpPrep(s);
  };
}

export interface RegroupAllOptions {
  /** statements prepared ahead (their answers are prepareText's) */
  prepared?: PreparedTexts;
}

/** Regroups every attributed quote of the corpus and brings the fingerprint index up to date. */
export function regroupAll(db: Db, options: RegroupAllOptions = {}): RegroupReport {
  return db.transaction((): RegroupReport => {
    // the grouping's input read row by row: the rows themselves are not kept beside it (decision 044)
    const input = mapAllStatements(db, toInput);
    const fingerprints = new Map<number, readonly number[]>();
    const { groups, stats } = groupStatements(input, {
      onFingerprints: (id, fps) => fingerprints.set(id, fps),
      prepared: options.prepared?.take ?? lookedUpPrep,
    });
    syncFingerprints(db, fingerprints);
    replaceGroups(db, groups, allMembership(db));
    setMeta(db, META_KEY, COMPARE_VERSION);
    return { mode: "full", statements: input.length, groups: groups.length, stats };
  // immediate: the grouping reads for seconds before its first write, and a deferred transaction
  // could not then upgrade to a writer if another connection (the server) had written meanwhile:
  // SQLITE_BUSY at once, which no busy timeout waits out. Taking the write lock first waits for it.
  }).immediate();
}

/** Regroups everything if the stored groups are stale or from another version; else does nothing. */
export function ensureGroups(db: Db, options: RegroupAllOptions = {}): RegroupReport | null {
  return groupsAreCurrent(db) ? null : regroupAll(db, options);
}

/**
 * Regroups after a change that touched these people (an article added or extracted again, a merge, a
 * split). The region regrouped is:
 *   - every statement of the touched people (their word weights change with their statements);
 *   - every member of the groups those statements are in, and of the groups of `quotes` (statements
 *     that shared a group with deleted ones);
 *   - statements of other people, in other sources, that repeat the words of a new statement (one not
 *     yet in any group, or listed in `recheck`), with the members of their groups.
 * Other people's statements enter with their whole-block word weights, so their pairs are decided as
 * in a full regroup; and every edge of a statement of the region leads to another statement of the
 * region, so the region's groups are what a full regroup would give them (except where the caps on
 * frequent words and fingerprints bind differently). Falls back to a full regroup when the stored
 * groups are not current or the region is very large (or, given `maxRegion`, regroups nothing when
 * the region holds more statements than that). Groups whose members and labels did not change are not
 * rewritten.
 */
export function regroupPeople(
  db: Db, people: Iterable<number>, quotes: Iterable<number> = [], recheck: Iterable<number> = [], options: { maxRegion?: number } = {},
): RegroupReport {
  return db.transaction((): RegroupReport => {
    if (!groupsAreCurrent(db)) return regroupAll(db);
    const touched = new Set(people);
    for (const q of unindexedStatementsOf(db, touched)) insertFingerprints(db, q.id, preparedOf(q.id, q.text).fps);
    const own = statementsOfPeople(db, touched);
    const region = new Map<number, StatementRow>(own.map((r) => [r.id, r]));
    const grouped = new Set(membershipOfGroupsOf(db, region.keys()).map((m) => m.quote_id));
    const again = new Set(recheck);
    const fresh = own.filter((r) => !grouped.has(r.id) || again.has(r.id));
    // how many statements hold a fingerprint: read once per fingerprint in this regroup (nothing is
    // indexed between here and the grouping, so the counts stay true)
    const known = new Map<number, number>();
    const countsOf = (fps: Iterable<number>): Map<number, number> => {
      const missing = [...fps].filter((f) => !known.has(f));
      if (missing.length) {
        const got = fingerprintCounts(db, missing);
        for (const f of missing) known.set(f, got.get(f) ?? 0);
      }
      return known;
    };
    const seeds = new Set<number>([...quotes, ...repeatingStatements(db, fresh, touched, countsOf)]);
    const members = membershipOfGroupsOf(db, [...region.keys(), ...seeds]);
    const outside = new Set<number>([...seeds, ...members.map((m) => m.quote_id)].filter((id) => !region.has(id)));
    for (const r of statementsByIds(db, outside)) region.set(r.id, r);
    // a caller with a budget (a bulk ingest) is told, and regroups later; nothing was changed but the
    // fingerprint index, which any regroup keeps
    if (options.maxRegion !== undefined && region.size > options.maxRegion) return { mode: "skipped", statements: region.size, groups: 0 };
    if (region.size > MAX_REGION) return regroupAll(db);
    const rows = [...region.values()];
    // other people's word weights from all their statements, not just those in the region
    const others = new Set(rows.map((r) => r.person_id).filter((p) => !touched.has(p)));
    const weights = new Map<number, (stem: string) => number>();
    for (const [person, quotes] of textsOfPeople(db, others)) weights.set(person, blockWeights(quotes.map((q) => preparedOf(q.id, q.text).p.content)));
    // boilerplate is judged on the whole corpus's postings, as in a full regroup; the counts are read
    // once every statement's fingerprints are known (before candidates are sought)
    const regionFps = new Set<number>();
    let counts: Map<number, number> | null = null;
    const { groups, stats } = groupStatements(rows.map(toInput), {
      onFingerprints: (_id, fps) => fps.forEach((f) => regionFps.add(f)),
      fingerprintCount: (f) => (counts ??= countsOf(regionFps)).get(f) ?? 0,
      weightsOf: (person) => weights.get(person),
      prepared: cachedPrep,
    });
    replaceGroups(db, groups, membershipOfGroupsOf(db, region.keys()));
    return { mode: "region", statements: rows.length, groups: groups.length, stats };
  })();
}

/** Statements of people outside `persons` that, in other sources, repeat the words of `rows` closely enough to be grouped with them. */
function repeatingStatements(db: Db, rows: StatementRow[], persons: Set<number>, countsOf: (fps: Iterable<number>) => Map<number, number>): number[] {
  if (!rows.length) return [];
  const candidates = new Map<number, Set<number>>();
  const prepared = new Map<number, ReturnType<typeof prepareStatement>>();
  const wanted = new Set<number>();
  for (const r of rows) {
    const item = prepareStatement(toInput(r), cachedPrep);
    prepared.set(r.id, item);
    for (const f of item.fps) wanted.add(f);
  }
  // boilerplate (a fingerprint held by more than the cap) proposes nothing: count first, then read the
  // postings of the rare ones in one query
  const counts = countsOf(wanted);
  const postings = postingsOf(db, [...wanted].filter((f) => (counts.get(f) ?? 0) <= LIMITS.fingerprintPostingCap));
  for (const r of rows) {
    for (const f of prepared.get(r.id)!.fps) {
      const posting = postings.get(f);
      if (!posting) continue;
      for (const q of posting) {
        if (q === r.id) continue;
        let set = candidates.get(q);
        if (!set) candidates.set(q, (set = new Set()));
        set.add(r.id);
      }
    }
  }
  const found: number[] = [];
  if (!candidates.size) return found;
  for (const c of statementsByIds(db, candidates.keys())) {
    if (persons.has(c.person_id)) continue;
    const other = prepareStatement(toInput(c), cachedPrep);
    for (const rid of candidates.get(c.id)!) {
      if (decide(prepared.get(rid)!, other) !== null) {
        found.push(c.id);
        break;
      }
    }
  }
  return found;
}
