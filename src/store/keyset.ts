// Keyset pagination over any listing query (see docs/decisions/010-paging-and-search.md).
// A listing is a base SELECT (its filters applied, its sort columns named and never NULL) wrapped as
// `SELECT * FROM (base) t WHERE <after the last row> ORDER BY <keys> LIMIT n`. The last key is unique
// (an id), so every row is on exactly one page whatever is inserted or deleted between pages.
// Statements are prepared once per distinct SQL text and connection.
import type { Statement } from "better-sqlite3";
import type { Db } from "./db";

export interface SortKey {
  /** a column name of the base query */
  col: string;
  desc?: boolean;
  /** compare as text without case (the column must be text) */
  nocase?: boolean;
  type: "num" | "text";
}

export interface SortSpec {
  /** the sort keys, most significant first; the last one is unique */
  keys: readonly SortKey[];
}

export type KeyValue = number | string;

const cache = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement for this SQL text, prepared once per connection. */
export function prepared(db: Db, sql: string): Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) {
    s = db.prepare(sql);
    m.set(sql, s);
  }
  return s;
}

function keyExpr(k: SortKey): string {
  return `t.${k.col}${k.nocase ? " COLLATE NOCASE" : ""}`;
}

/**
 * `k0 >= @_k0 AND ((k0 > @_k0) OR (k0 = @_k0 AND k1 < @_k1) OR …)`: the rows after the one whose keys
 * are @_k0…. The leading bound is implied by the disjunction (it changes no result) and is there for
 * the planner: without it SQLite answers the OR with one index search per disjunct, gathers every row
 * after the key and sorts them all before the LIMIT, so each page or export run cost as much as the
 * rest of the table (160 ms a run of the quotes export at 22,250 articles, quadratic in runs); with it,
 * one range search in index order that stops at the LIMIT (4 ms).
 */
function afterClause(sort: SortSpec): string {
  const ors: string[] = [];
  sort.keys.forEach((k, i) => {
    const ands = sort.keys.slice(0, i).map((e, j) => `${keyExpr(e)} = @_k${j}`);
    ands.push(`${keyExpr(k)} ${k.desc ? "<" : ">"} @_k${i}`);
    ors.push(`(${ands.join(" AND ")})`);
  });
  const first = sort.keys[0]!;
  return `${keyExpr(first)} ${first.desc ? "<=" : ">="} @_k0 AND (${ors.join(" OR ")})`;
}

function orderClause(sort: SortSpec): string {
  return sort.keys.map((k) => `${keyExpr(k)}${k.desc ? " DESC" : ""}`).join(", ");
}

function pageSql(base: string, sort: SortSpec, after: boolean): string {
  return `SELECT * FROM (${base}) t WHERE ${after ? afterClause(sort) : "1"} ORDER BY ${orderClause(sort)} LIMIT @_limit`;
}

function keyParams(after: readonly KeyValue[] | null): Record<string, KeyValue> {
  const out: Record<string, KeyValue> = {};
  after?.forEach((v, i) => (out[`_k${i}`] = v));
  return out;
}

/** The key values of a row, in sort order: what the next page's token holds. */
export function keyOf(sort: SortSpec, row: Record<string, unknown>): KeyValue[] {
  return sort.keys.map((k) => row[k.col] as KeyValue);
}

export interface KeysetPage<T> {
  rows: T[];
  /** the keys of the last row when more rows follow, else null */
  next: KeyValue[] | null;
}

/** One page of `size` rows after `after` (null: the first page). */
export function keysetPage<T extends object>(
  db: Db, base: string, sort: SortSpec, params: object, size: number, after: readonly KeyValue[] | null,
): KeysetPage<T> {
  const rows = prepared(db, pageSql(base, sort, after !== null))
    .all({ ...params, ...keyParams(after), _limit: size + 1 }) as T[];
  const more = rows.length > size;
  if (more) rows.length = size;
  return { rows, next: more ? keyOf(sort, rows.at(-1) as Record<string, unknown>) : null };
}

/**
 * Reads rows with `.iterate()` in runs of at most `chunk`, from `after` on, handing each to `onRow`.
 * When `onRow` returns false (the consumer is full), the run stops and the iterator is closed, so the
 * connection is never left busy between runs; `resume` is awaited before the next run. Returns the
 * number of rows read; stops early when `stopped()` says so.
 */
export async function iterateKeyset<T extends object>(
  db: Db, base: string, sort: SortSpec, params: object,
  onRow: (row: T) => boolean, resume: () => Promise<void>, stopped: () => boolean, chunk = 5000,
): Promise<number> {
  return readRuns<T>(
    (after) => prepared(db, pageSql(base, sort, after !== null)).iterate({ ...params, ...keyParams(after), _limit: chunk }) as IterableIterator<T>,
    (last) => keyOf(sort, last as Record<string, unknown>),
    chunk, onRow, resume, stopped,
  );
}

/**
 * The loop behind both iterators: runs of at most `chunk` rows from `run(after)`, each handed to
 * `onRow`; a run ends early when `onRow` says the consumer is full (the iterator is closed by `break`),
 * and `resume` is awaited before the next run starts after `keysOf(last row)`.
 */
async function readRuns<R>(
  run: (after: KeyValue[] | null) => IterableIterator<R>, keysOf: (last: R) => KeyValue[], chunk: number,
  onRow: (row: R) => boolean, resume: () => Promise<void>, stopped: () => boolean,
): Promise<number> {
  let after: KeyValue[] | null = null;
  let total = 0;
  for (;;) {
    let read = 0;
    let full = false;
    let last: R | null = null;
    for (const row of run(after)) {
      read++;
      last = row;
      if (!onRow(row)) {
        full = true;
        break;
      }
    }
    total += read;
    if (read === 0 || (!full && read < chunk) || stopped()) return total;
    after = keysOf(last as R);
    if (full) await resume();
    if (stopped()) return total;
  }
}

const COLUMN = /^[a-z_][a-z0-9_]*$/;

/**
 * Like iterateKeyset, for exports: the rows as arrays of the named columns of the base query, in that
 * order (`.raw()`: no object per row), read in runs of at most `chunk`. The sort keys are read after
 * the columns for the next run's start.
 */
export async function iterateKeysetRaw(
  db: Db, base: string, sort: SortSpec, params: object, columns: readonly string[],
  onRow: (values: unknown[]) => boolean, resume: () => Promise<void>, stopped: () => boolean, chunk = 20000,
): Promise<number> {
  for (const c of [...columns, ...sort.keys.map((k) => k.col)]) if (!COLUMN.test(c)) throw new Error(`not a column name: ${c}`);
  // a sort key that is one of the columns is read from there, not selected twice (a value costs ~0.2 µs a row)
  const extra = sort.keys.map((k) => k.col).filter((c) => !columns.includes(c));
  const all = [...columns, ...extra];
  const keyAt = sort.keys.map((k) => all.indexOf(k.col));
  const select = all.map((c) => `t."${c}"`).join(", ");
  const sqlOf = (after: boolean) => `SELECT ${select} FROM (${base}) t WHERE ${after ? afterClause(sort) : "1"} ORDER BY ${orderClause(sort)} LIMIT @_limit`;
  return readRuns<unknown[]>(
    (after) => prepared(db, sqlOf(after !== null)).raw(true).iterate({ ...params, ...keyParams(after), _limit: chunk }) as IterableIterator<unknown[]>,
    (last) => keyAt.map((i) => last[i]) as KeyValue[],
    chunk, onRow, resume, stopped,
  );
}

/**
 * Like iterateKeysetRaw, for an export that writes one text per row: only the column `col` is read
 * (`.pluck()`: one value a row, not the sort keys too), in runs of at most `chunk`. A run's last row
 * gives its id (`idOf` its text), and the next run starts after that row's keys, read from the base
 * query by id (`WHERE t.id = @_id`: the base must name the id `id`). The run and that read share one
 * read transaction (unless the caller holds one), so the row is still there whatever another
 * connection commits meanwhile; `resume` is awaited only after it ends.
 */
export async function iterateKeysetText(
  db: Db, base: string, sort: SortSpec, params: object, col: string, idOf: (text: string) => number,
  onRow: (text: string) => boolean, resume: () => Promise<void>, stopped: () => boolean, chunk = 20000,
): Promise<number> {
  for (const c of [col, ...sort.keys.map((k) => k.col)]) if (!COLUMN.test(c)) throw new Error(`not a column name: ${c}`);
  const sqlOf = (after: boolean) => `SELECT t."${col}" FROM (${base}) t WHERE ${after ? afterClause(sort) : "1"} ORDER BY ${orderClause(sort)} LIMIT @_limit`;
  const keysSql = `SELECT ${sort.keys.map((k) => `t."${k.col}"`).join(", ")} FROM (${base}) t WHERE t.id = @_id`;
  let after: KeyValue[] | null = null;
  let total = 0;
  for (;;) {
    let read = 0;
    let full = false;
    const own = !db.inTransaction;
    if (own) db.exec("BEGIN");
    try {
      let last: string | null = null;
      for (const text of prepared(db, sqlOf(after !== null)).pluck(true).iterate({ ...params, ...keyParams(after), _limit: chunk }) as IterableIterator<string>) {
        read++;
        last = text;
        if (!onRow(text)) {
          full = true;
          break;
        }
      }
      if (last !== null && (full || read === chunk)) {
        const keys = prepared(db, keysSql).raw(true).get({ ...params, _id: idOf(last) }) as KeyValue[] | undefined;
        if (!keys) throw new Error(`the row read last (id ${idOf(last)}) is not in the listing`);
        after = keys;
      }
    } finally {
      if (own && db.inTransaction) db.exec("COMMIT");
    }
    total += read;
    if (read === 0 || (!full && read < chunk) || stopped()) return total;
    if (full) await resume();
    if (stopped()) return total;
  }
}

/** The column names of the base query, in its order. */
export function columnsOf(db: Db, base: string): string[] {
  return prepared(db, `SELECT * FROM (${base}) t LIMIT 0`).columns().map((c) => c.name);
}

/** How many rows the base query returns. */
export function countOf(db: Db, base: string, params: object): number {
  return (prepared(db, `SELECT count(*) AS n FROM (${base}) t`).get(params) as { n: number }).n;
}

export interface FacetCount {
  value: string;
  n: number;
}

/** The most frequent values of one column of the base query, with their counts. */
export function facetOf(db: Db, base: string, col: string, params: object, limit: number): FacetCount[] {
  return prepared(db, `SELECT t.${col} AS value, count(*) AS n FROM (${base}) t
      WHERE t.${col} IS NOT NULL AND t.${col} <> '' GROUP BY t.${col} ORDER BY n DESC, value LIMIT @_limit`)
    .all({ ...params, _limit: limit }) as FacetCount[];
}

/** SQLite's BINARY order: numbers before text, text by UTF-8 bytes (= by code point, not UTF-16 unit). */
function binaryOrder(a: unknown, b: unknown): number {
  const ta = typeof a === "string";
  const tb = typeof b === "string";
  if (!ta || !tb) {
    if (ta !== tb) return ta ? 1 : -1;
    return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
  }
  const x = a as string;
  const y = b as string;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const cx = x.codePointAt(i)!;
    const cy = y.codePointAt(i)!;
    if (cx !== cy) return cx < cy ? -1 : 1;
    if (cx > 0xffff) i++;
  }
  return x.length - y.length;
}

/**
 * countOf and facetOf of several columns in one pass over the base query: one GROUP BY over all the
 * facet columns, summed here per column. The same counts and order as facetOf (count descending,
 * then value; NULL and '' left out), for a quarter of the reads when a page shows three facets.
 */
export function countAndFacetsOf(
  db: Db, base: string, cols: readonly { col: string; limit: number }[], params: object,
): { total: number; facets: Record<string, FacetCount[]> } {
  for (const c of cols) if (!COLUMN.test(c.col)) throw new Error(`not a column name: ${c.col}`);
  const list = cols.map((c) => `t.${c.col}`).join(", ");
  const rows = prepared(db, `SELECT ${list}, count(*) AS n FROM (${base}) t GROUP BY ${list}`).raw(true).all(params) as unknown[][];
  return sumFacets(rows, cols);
}

/**
 * The total and the facets of rows `[value of each facet column..., count]` (a GROUP BY over the facet
 * columns, or kept counts of them): count descending, then value; NULL and '' left out.
 */
export function sumFacets(rows: readonly unknown[][], cols: readonly { col: string; limit: number }[]): { total: number; facets: Record<string, FacetCount[]> } {
  const k = cols.length;
  let total = 0;
  const sums = cols.map(() => new Map<unknown, number>());
  for (const r of rows) {
    const n = r[k] as number;
    total += n;
    for (let i = 0; i < k; i++) {
      const v = r[i];
      if (v === null || v === "") continue;
      sums[i]!.set(v, (sums[i]!.get(v) ?? 0) + n);
    }
  }
  const facets: Record<string, FacetCount[]> = {};
  cols.forEach((c, i) => {
    facets[c.col] = [...sums[i]!].map(([value, n]) => ({ value: value as string, n }))
      .sort((a, b) => b.n - a.n || binaryOrder(a.value, b.value)).slice(0, c.limit);
  });
  return { total, facets };
}
