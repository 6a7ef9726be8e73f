// What a user types in a search box, turned into an FTS5 MATCH expression that cannot be a syntax
// error. The language: words (all must match), "a phrase", prefix* (also "a phr"*), OR, NOT or a
// leading "-" to leave out, parentheses. Every word goes to FTS5 as a quoted string, so punctuation
// ("U.S.", "don't", "a:b") is tokenized as the index tokenized the text, never read as syntax.
// Anything else is a FtsQueryError whose message says what to change.
// Also the schema side of bulk indexing (deferFts, indexDeferred) at the end.
import { preparedOnce, type Db } from "./db";
import { QUOTE_CSV_ROW_FROM, quoteCsvCellsSql, quoteCsvRowSql, sourceCsvCellsSql } from "./migrations";

export class FtsQueryError extends Error {}

export const MAX_TERMS = 32;

type Token =
  | { t: "term"; text: string; prefix: boolean; neg: boolean }
  | { t: "op"; op: "OR" | "AND" | "NOT" }
  | { t: "("; neg: boolean }
  | { t: ")" };

const SEARCHABLE = /[\p{L}\p{N}]/u;

function lex(input: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    let neg = false;
    if (c === "-" && i + 1 < input.length && !/\s/.test(input[i + 1]!)) {
      neg = true;
      i++;
    }
    const d = input[i]!;
    if (d === "(") {
      out.push({ t: "(", neg });
      i++;
    } else if (d === ")") {
      if (neg) throw new FtsQueryError('a "-" must come right before a word, a phrase or "("');
      out.push({ t: ")" });
      i++;
    } else if (d === '"') {
      const close = input.indexOf('"', i + 1);
      if (close === -1) throw new FtsQueryError("a quotation mark is not closed: put a second \" after the phrase");
      const text = input.slice(i + 1, close);
      i = close + 1;
      const prefix = input[i] === "*";
      if (prefix) i++;
      out.push({ t: "term", text, prefix, neg });
    } else {
      let j = i;
      while (j < input.length && !/[\s"()]/.test(input[j]!)) j++;
      let word = input.slice(i, j);
      i = j;
      if (!neg && (word === "OR" || word === "AND" || word === "NOT")) {
        out.push({ t: "op", op: word });
        continue;
      }
      const prefix = word.endsWith("*");
      word = word.replace(/\*+$/, "");
      if (word.includes("*")) throw new FtsQueryError(`"*" marks a prefix and goes at the end of a word (as in "elect*"), not inside "${word}"`);
      out.push({ t: "term", text: word, prefix, neg });
    }
  }
  return out;
}

const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** FTS5 expression for a search box's text, or a FtsQueryError. */
export function ftsQuery(input: string): string {
  const tokens = lex(input);
  let pos = 0;
  let terms = 0;
  const peek = () => tokens[pos];

  // or := and (OR and)* ; and := unit ((AND)? unit)* with NOT and "-" units left out ; unit := term | ( or )
  function orExpr(): string {
    const parts = [andExpr()];
    while (peek()?.t === "op" && (peek() as { op: string }).op === "OR") {
      pos++;
      if (!startsUnit()) throw new FtsQueryError('"OR" needs words on both sides');
      parts.push(andExpr());
    }
    if (parts.length === 1) return parts[0]!;
    if (parts.some((p) => p === "")) throw new FtsQueryError('"OR" needs words on both sides');
    return parts.map((p) => `(${p})`).join(" OR ");
  }

  function startsUnit(): boolean {
    const t = peek();
    return t !== undefined && (t.t === "term" || t.t === "(");
  }

  function andExpr(): string {
    const keep: string[] = [];
    const drop: string[] = [];
    for (;;) {
      const t = peek();
      if (t === undefined || t.t === ")" || (t.t === "op" && t.op === "OR")) break;
      if (t.t === "op") {
        pos++;
        if (!startsUnit()) throw new FtsQueryError(`"${t.op}" needs a word after it`);
        if (t.op === "NOT") {
          const u = unit();
          if (u !== null) drop.push(u);
        } else if (keep.length === 0 && drop.length === 0) {
          throw new FtsQueryError('"AND" needs words on both sides');
        }
        continue;
      }
      const neg = t.neg;
      const u = unit();
      if (u === null) continue;
      (neg ? drop : keep).push(u);
    }
    if (keep.length === 0) {
      if (drop.length) throw new FtsQueryError("a search cannot only leave words out: give at least one word to find");
      return "";
    }
    const all = keep.length === 1 ? keep[0]! : keep.join(" AND ");
    return drop.reduce((acc, d) => `(${acc}) NOT ${d}`, all);
  }

  /** one term or a parenthesised group; null when it holds nothing searchable */
  function unit(): string | null {
    const t = tokens[pos++]!;
    if (t.t === "(") {
      const inner = orExpr();
      if (peek()?.t !== ")") throw new FtsQueryError('a "(" is not closed: put a ")" after the group');
      pos++;
      return inner === "" ? null : `(${inner})`;
    }
    if (t.t !== "term") throw new FtsQueryError("unexpected operator");
    if (!SEARCHABLE.test(t.text)) return null;
    if (++terms > MAX_TERMS) throw new FtsQueryError(`too many words (at most ${MAX_TERMS})`);
    return quoted(t.text) + (t.prefix ? "*" : "");
  }

  const expr = orExpr();
  if (pos < tokens.length) {
    const t = tokens[pos]!;
    throw new FtsQueryError(t.t === ")" ? 'a ")" has no "(" before it' : "the search could not be read");
  }
  if (expr === "") throw new FtsQueryError("has no words to search for (letters or digits)");
  return expr;
}

/** Marks FTS5's highlight() and snippet() put around matches: control characters no text holds. */
export const HIT_OPEN = "\u0002";
export const HIT_CLOSE = "\u0003";

/** A highlighted string as segments: the text between marks, `hit` where a match was marked. */
export function hitSegments(marked: string): { text: string; hit: boolean }[] {
  const out: { text: string; hit: boolean }[] = [];
  const re = /\u0002([^\u0002\u0003]*)\u0003/g;
  let last = 0;
  for (let m = re.exec(marked); m; m = re.exec(marked)) {
    if (m.index > last) out.push({ text: marked.slice(last, m.index).replace(/[\u0002\u0003]/g, ""), hit: false });
    if (m[1]) out.push({ text: m[1], hit: true });
    last = m.index + m[0].length;
  }
  if (last < marked.length) out.push({ text: marked.slice(last).replace(/[\u0002\u0003]/g, ""), hit: false });
  return out;
}

// ---------- the schema side: deferred indexing for bulk batches (migration 50) ----------


/** Each searchable table, its FTS5 index and the columns it indexes (as in migrations 15 and 50). */
const INDEXED = [
  { tbl: "quotes", fts: "quotes_fts", cols: "text, speaker_mention, speaker_canonical" },
  { tbl: "claims", fts: "claims_fts", cols: "text" },
  { tbl: "sources", fts: "sources_fts", cols: "title, text" },
] as const;

const ftsStatements = preparedOnce((db: Db) => ({
  defer: INDEXED.map((t) => db.prepare(`INSERT INTO fts_deferred (tbl, from_id) SELECT '${t.tbl}', coalesce(max(id), 0) + 1 FROM ${t.tbl}`)),
  index: INDEXED.map((t) => db.prepare(
    `INSERT INTO ${t.fts} (rowid, ${t.cols}) SELECT id, ${t.cols} FROM ${t.tbl} WHERE id >= (SELECT from_id FROM fts_deferred WHERE tbl = '${t.tbl}') ORDER BY id`)),
  clear: db.prepare("DELETE FROM fts_deferred"),
  pending: db.prepare("SELECT count(*) AS n FROM fts_deferred"),
}));

/**
 * Inside a write transaction: the rows inserted from now on (ids past today's highest) are not
 * indexed one by one by their triggers but together by indexDeferred, which must run before the
 * transaction commits. Updates and deletes of those rows meanwhile touch no index (they are not in it
 * yet); every older row is indexed, updated and deleted by its triggers as always.
 */
export function deferFts(db: Db): void {
  if (!db.inTransaction) throw new Error("deferFts must run inside a write transaction");
  const s = ftsStatements(db);
  if ((s.pending.get() as { n: number }).n) throw new Error("full-text indexing is deferred already");
  for (const st of s.defer) st.run();
}

const HELD = "(SELECT from_id FROM fts_deferred WHERE tbl = 'quotes')";

/**
 * What the triggers of migrations 65, 66, 80 and 82 leave to a bulk batch's end for the statements it held
 * back: their kept counts (added in one GROUP BY each) and their CSV cells. Prepared apart: older
 * schemas have no such tables.
 */
const heldStatements = preparedOnce((db: Db) => [
  db.prepare(`INSERT INTO quote_facet_counts (kind, review_status, outlet, n)
      SELECT q.kind, q.review_status, s.outlet, count(*) FROM quotes q JOIN sources s ON s.id = q.source_id WHERE q.id >= ${HELD}
      GROUP BY q.kind, q.review_status, s.outlet ON CONFLICT DO UPDATE SET n = n + excluded.n`),
  // "NOT INDEXED": read the batch's rows by their id range; for these GROUP BYs SQLite otherwise walks a
  // covering index of every quote (source_id's, person_id's) on each batch, which grows with the corpus
  db.prepare(`INSERT INTO source_quote_counts (source_id, n) SELECT source_id, count(*) FROM quotes NOT INDEXED WHERE id >= ${HELD}
      GROUP BY source_id ON CONFLICT DO UPDATE SET n = n + excluded.n`),
  db.prepare(`INSERT INTO person_source_counts (person_id, source_id, n) SELECT person_id, source_id, count(*) FROM quotes NOT INDEXED
      WHERE id >= ${HELD} AND person_id IS NOT NULL AND review_status <> 'rejected'
      GROUP BY person_id, source_id ON CONFLICT DO UPDATE SET n = n + excluded.n`),
  db.prepare(`INSERT INTO person_quote_counts (person_id, n) SELECT person_id, count(*) FROM quotes NOT INDEXED
      WHERE id >= ${HELD} AND person_id IS NOT NULL AND review_status <> 'rejected'
      GROUP BY person_id ON CONFLICT DO UPDATE SET n = n + excluded.n`),
  db.prepare(`INSERT OR REPLACE INTO quote_csv_cells (quote_id, cells) SELECT q.id, ${quoteCsvCellsSql("q.")} FROM quotes q
      WHERE q.id >= ${HELD} ORDER BY q.id`),
  // migration 82's claim counts and 80's rows, where the schema has them (a database opened with an older migration list has not)
  // ("NOT INDEXED" as above: otherwise SQLite scans the covering index of every claim, reason first, on each batch)
  ...(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'claim_facet_counts'").get() ? [db.prepare(`INSERT INTO claim_facet_counts (reason, review_status, outlet, n)
      SELECT c.reason, c.review_status, s.outlet, count(*) FROM claims c NOT INDEXED JOIN sources s ON s.id = c.source_id
      WHERE c.id >= (SELECT from_id FROM fts_deferred WHERE tbl = 'claims')
      GROUP BY c.reason, c.review_status, s.outlet ON CONFLICT DO UPDATE SET n = n + excluded.n`)] : []),
  // migration 85's statements per person and article in every review state, where the schema has them
  // (its triggers keep the co-quoted sums from these rows and from person_source_counts' above)
  ...(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'person_source_any'").get() ? [db.prepare(`INSERT INTO person_source_any (person_id, source_id, n)
      SELECT person_id, source_id, count(*) FROM quotes NOT INDEXED WHERE id >= ${HELD} AND person_id IS NOT NULL
      GROUP BY person_id, source_id ON CONFLICT DO UPDATE SET n = n + excluded.n`)] : []),
  // migration 80's rows, where the schema has them (a database opened with an older migration list has not)
  ...(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'quote_csv_rows'").get() ? [db.prepare(`INSERT OR REPLACE INTO quote_csv_rows (quote_id, csv)
      SELECT q.id, ${quoteCsvRowSql(`coalesce(sc.cells, ${sourceCsvCellsSql("s.")})`)}
      FROM ${QUOTE_CSV_ROW_FROM} LEFT JOIN source_csv_cells sc ON sc.source_id = q.source_id WHERE q.id >= ${HELD} ORDER BY q.id`)] : []),
]);

/** Indexes every row deferFts held back, in their final state, counts them, fills their CSV cells and rows, and ends the deferral. */
export function indexDeferred(db: Db): void {
  const s = ftsStatements(db);
  for (const st of s.index) st.run();
  for (const st of heldStatements(db)) st.run();
  s.clear.run();
}
