// What a statement search with no other filter finds, kept per match expression while the database
// stays as it was (decision 044): every match's id and bm25 rank in the order of the "best match"
// sort, and the GROUP BY rows its total and facets are summed from. A search page ranked every match
// (bm25 over the whole posting list) and joined every match to two indexes for its facets on every
// request; the second page of a search, its JSON and its other formats did it all again.
//
// Exactness: an entry belongs to one database state, PRAGMA data_version (moves when another
// connection commits) with this connection's total_changes() (moves when this connection writes),
// the validator the page cache uses (src/web/cache.ts). The first read that sees another state
// empties the cache, so nothing is answered from before a write. Inside a transaction the cache is
// neither read nor filled (a rolled-back write leaves total_changes() where it was). The ranks are
// SQLite's own (the same query, sorted by the same keys), so a page cut from the list is the page the
// keyset query gives (tested against it, paging every row once). A ranking is read whole the second
// time its search is asked for in a state (the first is ranked by SQL for its page alone, as before);
// the counts are kept from the first (the same query either way).
//
// Bounds (SEARCH_CACHE_LIMITS): at most 32 expressions, a list of at most 250,000 matches (a longer
// one is ranked by SQL each time, as before), and at most 1,000,000 ids in all (16 bytes each); the
// least recently used goes first. WHOSAID_SEARCH_CACHE=0 turns it off (the bench measures both).
import { databaseState } from "./db-state";
import type { Db } from "./db";

/** The cache's bounds (tests lower them). */
export const SEARCH_CACHE_LIMITS = {
  /** match expressions kept at most */
  entries: 32,
  /** matches a kept ranking may hold; a search with more is ranked by SQL each time */
  list: 250_000,
  /** ids and ranks kept in all, over every expression (16 bytes each: 16 MB) */
  held: 1_000_000,
};

export interface Ranked {
  /** match ids in "best match" order: rank ascending, then id */
  ids: Float64Array;
  ranks: Float64Array;
}

interface Entry {
  /** asked for once in this state (the ranking is read whole from the second time) */
  asked?: boolean;
  ranked?: Ranked | null;
  /** GROUP BY rows of the counts, by the list of facet columns */
  counts: Map<string, unknown[][]>;
}

interface State {
  at: string;
  entries: Map<string, Entry>;
  held: number;
}

const states = new WeakMap<Db, State>();

function enabled(): boolean {
  return process.env.WHOSAID_SEARCH_CACHE !== "0";
}

/** The connection's cache, emptied if the database moved since it was last read; null when it may not be used. */
function current(db: Db): State | null {
  if (!enabled() || db.inTransaction) return null;
  let s = states.get(db);
  if (!s) {
    s = { at: "", entries: new Map(), held: 0 };
    states.set(db, s);
  }
  const at = databaseState(db);
  if (at !== s.at) {
    s.at = at;
    s.entries.clear();
    s.held = 0;
  }
  return s;
}

function entryOf(s: State, match: string): Entry {
  let e = s.entries.get(match);
  if (e) {
    // most recently used last
    s.entries.delete(match);
    s.entries.set(match, e);
    return e;
  }
  e = { counts: new Map() };
  s.entries.set(match, e);
  while (s.entries.size > SEARCH_CACHE_LIMITS.entries) drop(s);
  return e;
}

function drop(s: State): void {
  const [key, old] = s.entries.entries().next().value as [string, Entry];
  s.entries.delete(key);
  if (old.ranked) s.held -= old.ranked.ids.length;
}

/**
 * Every match of `match` with its rank in "best match" order (rank, then id), from the cache or read
 * now from `rows` ([id, rank] in that order; left unread past the bound); null the first time it is
 * asked for in a database state, when there are more than the bound, or when the cache may not be
 * used: the caller ranks with SQL.
 */
export function rankedMatches(db: Db, match: string, rows: () => IterableIterator<unknown[]>): Ranked | null {
  const s = current(db);
  if (!s) return null;
  const e = entryOf(s, match);
  if (e.ranked !== undefined) return e.ranked;
  // the first time in a state the caller ranks for its page alone: reading every match into the
  // ranking costs more than that (102 against 73 ms of CPU for 29,500 matches), which a search asked
  // once per state (during an ingest every batch moves it) would pay and never use
  if (!e.asked) {
    e.asked = true;
    return null;
  }
  const max = SEARCH_CACHE_LIMITS.list;
  let ids = new Float64Array(1024);
  let ranks = new Float64Array(1024);
  let n = 0;
  for (const r of rows()) {
    if (n >= max) {
      e.ranked = null; // the iterator is closed by the return
      return null;
    }
    if (n === ids.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(Math.min(max, a.length * 2));
        b.set(a);
        return b;
      };
      ids = grow(ids);
      ranks = grow(ranks);
    }
    ids[n] = r[0] as number;
    ranks[n] = r[1] as number;
    n++;
  }
  e.ranked = { ids: ids.slice(0, n), ranks: ranks.slice(0, n) };
  s.held += n;
  // the oldest others go first; this one stays even alone over the bound (it holds at most `list`)
  while (s.held > SEARCH_CACHE_LIMITS.held && s.entries.size > 1 && s.entries.keys().next().value !== match) drop(s);
  return e.ranked;
}

/** The GROUP BY rows of a search's counts over `cols`, from the cache or read now by `read`. */
export function matchCounts(db: Db, match: string, cols: string, read: () => unknown[][]): unknown[][] {
  const s = current(db);
  if (!s) return read();
  const e = entryOf(s, match);
  let rows = e.counts.get(cols);
  if (!rows) e.counts.set(cols, (rows = read()));
  return rows;
}

/**
 * The `size` entries of a ranking after the key `after` ([rank, id], or null for the first), and
 * whether more follow: what `ORDER BY rank, id` with keyset.ts's after-clause gives.
 */
export function rankedPage(r: Ranked, after: readonly (number | string)[] | null, size: number): { ids: number[]; ranks: number[]; more: boolean } {
  let lo = 0;
  if (after !== null) {
    const [k0, k1] = after as [number, number];
    // the first entry whose (rank, id) is greater than (k0, k1)
    let hi = r.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const rk = r.ranks[mid]!;
      if (rk < k0 || (rk === k0 && r.ids[mid]! <= k1)) lo = mid + 1;
      else hi = mid;
    }
  }
  const end = Math.min(r.ids.length, lo + size);
  return { ids: Array.from(r.ids.subarray(lo, end)), ranks: Array.from(r.ranks.subarray(lo, end)), more: r.ids.length > end };
}

/** Entries and ids held, for tests. */
export function searchCacheStats(db: Db): { entries: number; held: number } {
  const s = states.get(db);
  return { entries: s?.entries.size ?? 0, held: s?.held ?? 0 };
}
