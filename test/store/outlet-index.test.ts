// Migration 71 (decision 026): a source's outlet lies after its article text in the row, so counts by
// outlet read migration 71's (id, outlet) index instead of every article. The counts and facets are
// the same as when read from the rows, and the plans name the index (a page, which shows the text's
// opening, still reads the rows: the negative row).
import assert from "node:assert/strict";
import type { Db } from "../../src/store/db";
import { MIGRATIONS } from "../../src/store/migrations";
import {
  CLAIM_LISTING, QUOTE_LISTING, SOURCE_LISTING, listingCountAndFacets, listingPage, sourcesPage, type KeyValue, type Listing, type SourceListFilter,
} from "../../src/store/listings";
import { COMPARISON_ARTICLES } from "../fixtures/comparison";
import { outletCorpus as corpus, plan } from "../fixtures/outlets";

const NO_QUOTES = { person: null, source: null, kind: null, outlet: null, match: null, speakerNone: false, review: null };
const NO_CLAIMS = { reason: null, source: null, outlet: null, match: null, review: null };
const NO_SOURCES = { outlet: null, match: null };
// rows of (listing, filter, facet columns, whether its count reads the index)
const ROWS: { name: string; l: Listing<object>; f: object; cols: string[]; mode: "count" | "page" }[] = [
  { name: "sources by outlet", l: SOURCE_LISTING as Listing<object>, f: NO_SOURCES, cols: ["outlet"], mode: "count" },
  { name: "sources of one outlet", l: SOURCE_LISTING as Listing<object>, f: { ...NO_SOURCES, outlet: "Outlet One" }, cols: ["outlet"], mode: "count" },
  { name: "claims by outlet", l: CLAIM_LISTING as Listing<object>, f: NO_CLAIMS, cols: ["reason", "outlet", "review_status"], mode: "count" },
  { name: "statements of one source by outlet", l: QUOTE_LISTING as Listing<object>, f: { ...NO_QUOTES, source: 1 }, cols: ["kind", "outlet"], mode: "count" },
  { name: "a page of sources (negative: reads the rows)", l: SOURCE_LISTING as Listing<object>, f: NO_SOURCES, cols: [], mode: "page" },
];

describe("store: migration 71, outlets read from an index", () => {
  let db: Db;
  let old: Db;
  before(() => { db = corpus(); old = corpus(MIGRATIONS.filter((m) => m.version < 71)); });
  after(() => { db.close(); old.close(); });

  for (const r of ROWS) {
    it(`${r.name}: ${r.mode === "count" ? "reads sources_id_outlet, the same counts as the rows give" : "reads the rows"}`, () => {
      const detail = plan(db, r.l.base(r.f, r.mode), r.l.params(r.f));
      assert.equal(/sources_id_outlet/.test(detail), r.mode === "count", detail);
      if (r.mode !== "count") return;
      const cols = r.cols.map((col) => ({ col, limit: 20 }));
      const got = listingCountAndFacets(db, r.l, r.f, cols);
      // the same query over the rows (a database without the index)
      const want = old.prepare(`SELECT count(*) AS n FROM (${r.l.base(r.f, "count").replace(" INDEXED BY sources_id_outlet", "")})`).get(r.l.params(r.f)) as { n: number };
      assert.equal(got.total, want.n);
      assert.ok(got.total > 0);
      for (const col of r.cols) {
        const rows = old.prepare(`SELECT ${col} AS value, count(*) AS n FROM (${r.l.base(r.f, "count").replace(" INDEXED BY sources_id_outlet", "")}) GROUP BY ${col}`).all(r.l.params(r.f)) as { value: string; n: number }[];
        assert.deepEqual(new Map(got.facets[col]!.map((x) => [x.value, x.n])), new Map(rows.map((x) => [x.value, x.n])), col);
      }
    });
  }
});

describe("store: a page of sources finds its ids first (sourcesPage)", () => {
  let db: Db;
  before(() => { db = corpus(); });
  after(() => db.close());

  /** every page of `size`: rows and next tokens */
  function pages(read: typeof sourcesPage, f: SourceListFilter, sort: string, size: number) {
    const out: { ids: number[]; rows: unknown[]; next: KeyValue[] | null }[] = [];
    let after: KeyValue[] | null = null;
    do {
      const p: ReturnType<typeof sourcesPage> = read(db, f, { sort, size, after });
      out.push({ ids: p.rows.map((r) => r.id), rows: p.rows, next: p.next });
      after = p.next;
    } while (after);
    return out;
  }
  const whole = (db2: Db, f: SourceListFilter, p: Parameters<typeof sourcesPage>[2]) => listingPage(db2, SOURCE_LISTING, f, p) as ReturnType<typeof sourcesPage>;
  // rows of (sort, filter, page size): the sorts it serves from ids, one it passes on, a search, an outlet with none
  const ROWS: { sort: string; f: SourceListFilter; size: number; none?: boolean }[] = [
    { sort: "-quotes", f: NO_SOURCES, size: 2 },
    { sort: "-quotes", f: NO_SOURCES, size: 100 },
    { sort: "id", f: NO_SOURCES, size: 3 },
    { sort: "-id", f: NO_SOURCES, size: 2 },
    { sort: "-quotes", f: { ...NO_SOURCES, outlet: "Outlet One" }, size: 1 },
    { sort: "title", f: NO_SOURCES, size: 2 },
    { sort: "-quotes", f: { ...NO_SOURCES, outlet: "No Such Outlet" }, size: 2, none: true },
  ];
  for (const r of ROWS) {
    it(`${r.sort}, ${r.f.outlet ?? "every outlet"}, pages of ${r.size}: the same rows and tokens as the full query, each row once`, () => {
      const got = pages(sourcesPage, r.f, r.sort, r.size);
      const want = pages(whole, r.f, r.sort, r.size);
      assert.deepEqual(got, want);
      const ids = got.flatMap((p) => p.ids);
      assert.equal(new Set(ids).size, ids.length);
      assert.equal(ids.length === 0, r.none === true);
      if (!r.none && r.f.outlet === null) assert.equal(ids.length, COMPARISON_ARTICLES.length + 2);
    });
  }
});
