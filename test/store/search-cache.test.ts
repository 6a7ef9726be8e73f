// A search with no other filter is cut from its whole ranking, and counted from GROUP BY rows, kept
// while the database stays as it is (src/store/search-cache.ts, decision 044). Every page, its rows
// and its next token must be the keyset query's (listingPage), with the cache on and off, each match
// once; the total and facets must be the GROUP BY over the listing; and any write, by this connection
// or another, inside a transaction or rolled back, must show at once.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDb, type Db } from "../../src/store/db";
import { ingestArticle } from "../../src/services/ingest";
import { ftsQuery } from "../../src/store/fts";
import {
  QUOTE_LISTING, listingCountAndFacets, listingPage, quotesPage, searchQuoteCounts, type KeyValue, type QuoteListFilter,
} from "../../src/store/listings";
import { SEARCH_CACHE_LIMITS, rankedPage, searchCacheStats } from "../../src/store/search-cache";
import { COMPARISON_ARTICLES } from "../fixtures/comparison";
import { ARTICLE_A, ARTICLE_B, FIXTURE_INGEST } from "../fixtures/corpus";

const NONE: QuoteListFilter = { person: null, source: null, kind: null, outlet: null, match: null, speakerNone: false, review: null };
const COLS = [{ col: "kind", limit: 10 }, { col: "outlet", limit: 10 }, { col: "review_status", limit: 10 }];

type Read = typeof quotesPage;
const whole: Read = (d, f, p) => listingPage(d, QUOTE_LISTING, f, p);

function pages(db: Db, read: Read, f: QuoteListFilter, size: number) {
  const out: { rows: unknown[]; next: KeyValue[] | null }[] = [];
  let after: KeyValue[] | null = null;
  do {
    const p: ReturnType<Read> = read(db, f, { sort: "rank", size, after });
    out.push({ rows: p.rows, next: p.next });
    after = p.next;
  } while (after);
  return out;
}

function withoutCache<T>(fn: () => T): T {
  const before = process.env.WHOSAID_SEARCH_CACHE;
  process.env.WHOSAID_SEARCH_CACHE = "0";
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env.WHOSAID_SEARCH_CACHE;
    else process.env.WHOSAID_SEARCH_CACHE = before;
  }
}

/** What the listing's own queries give: every page (keyset SQL), and the count and facets of every row. */
function truth(db: Db, f: QuoteListFilter, size: number) {
  return withoutCache(() => ({ pages: pages(db, whole, f, size), counts: listingCountAndFacets(db, QUOTE_LISTING, f, COLS) }));
}

function assertExact(db: Db, f: QuoteListFilter, size: number): number {
  const want = truth(db, f, size);
  // twice: the first fills the cache, the second reads it
  for (let k = 0; k < 2; k++) {
    assert.deepEqual(pages(db, quotesPage, f, size), want.pages);
    assert.deepEqual(searchQuoteCounts(db, f, COLS), want.counts);
  }
  assert.deepEqual(withoutCache(() => pages(db, quotesPage, f, size)), want.pages);
  const ids = want.pages.flatMap((p) => p.rows.map((r) => (r as { id: number }).id));
  assert.equal(new Set(ids).size, ids.length, "each match once");
  assert.equal(want.counts.total, ids.length);
  return ids.length;
}

describe("store: a search's ranking and counts kept while the database stays as it is (search-cache)", () => {
  let dir: string;
  let file: string;
  let db: Db;
  const saved = { ...SEARCH_CACHE_LIMITS };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "whosaid-search-cache-"));
    file = join(dir, "t.db");
    db = openDb(file);
    for (const a of [...COMPARISON_ARTICLES, ARTICLE_A, ARTICLE_B]) ingestArticle(db, a, FIXTURE_INGEST);
    // copies with the same statements (the real extractor): equal ranks, ordered by id
    for (const a of [...COMPARISON_ARTICLES, ARTICLE_A]) for (const k of [1, 2]) ingestArticle(db, { ...a, text: `${a.text}\nCopy ${k}.`, outlet: `Copy ${k}` });
  });
  afterEach(() => Object.assign(SEARCH_CACHE_LIMITS, saved));
  after(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const words = (): string[] => {
    const text = (db.prepare("SELECT group_concat(text, ' ') AS t FROM quotes").get() as { t: string }).t.toLowerCase();
    const counts = new Map<string, number>();
    for (const w of text.match(/[a-z]{4,}/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([w]) => w);
  };
  const phrase = (): string => {
    const t = (db.prepare("SELECT text FROM quotes ORDER BY length(text) DESC, id LIMIT 1").get() as { text: string }).text;
    return `"${t.split(/\s+/).slice(1, 4).join(" ").replace(/"/g, "")}"`;
  };

  // (what is searched, page size, whether it finds nothing)
  const ROWS: { name: string; q: (ws: string[]) => string; size: number; none?: boolean }[] = [
    { name: "the commonest word, pages of 1", q: (ws) => ws[0]!, size: 1 },
    { name: "the commonest word, pages of 3", q: (ws) => ws[0]!, size: 3 },
    { name: "the second word, one page", q: (ws) => ws[1]!, size: 1000 },
    { name: "a prefix", q: (ws) => `${ws[0]!.slice(0, 3)}*`, size: 2 },
    { name: "a phrase of a statement", q: () => phrase(), size: 2 },
    { name: "two words, either", q: (ws) => `${ws[2]} OR ${ws[3]}`, size: 2 },
    { name: "a word and not another", q: (ws) => `${ws[0]} -${ws[1]}`, size: 2 },
    { name: "a word in no statement", q: () => "zzzzqqqq", size: 2, none: true },
    { name: "two words that are never a phrase", q: (ws) => `"${ws[0]} zzzzqqqq"`, size: 2, none: true },
  ];
  for (const r of ROWS) {
    it(`${r.name}: the keyset query's pages, each match once, the GROUP BY's counts`, () => {
      const n = assertExact(db, { ...NONE, match: ftsQuery(r.q(words())) }, r.size);
      assert.equal(n === 0, r.none === true);
    });
  }

  it("ties in rank come in id order, as the SQL sort gives them (copies of one statement)", () => {
    const f = { ...NONE, match: ftsQuery(words()[0]!) };
    const rows = pages(db, quotesPage, f, 1000)[0]!.rows as { id: number; rank: number }[];
    const ties = rows.filter((r, i) => i > 0 && r.rank === rows[i - 1]!.rank);
    assert.ok(ties.length > 0, "the fixture has tied ranks");
    for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1]!.rank < rows[i]!.rank || (rows[i - 1]!.rank === rows[i]!.rank && rows[i - 1]!.id < rows[i]!.id));
  });

  // writes of every kind, each followed by the checks above for the same search
  const WRITES: { name: string; write: (d: Db) => void }[] = [
    { name: "an article stored by this connection", write: (d) => ingestArticle(d, { ...ARTICLE_B, text: `${ARTICLE_B.text}\nLater.` }) },
    { name: "a statement's review state changed", write: (d) => d.prepare("UPDATE quotes SET review_status = 'confirmed' WHERE id = (SELECT max(id) FROM quotes)").run() },
    { name: "a statement deleted", write: (d) => d.prepare("DELETE FROM quotes WHERE id = (SELECT min(id) FROM quotes WHERE review_status = 'unreviewed')").run() },
    {
      name: "an article stored by another connection",
      write: () => {
        const other = openDb(file);
        try {
          ingestArticle(other, { ...ARTICLE_A, text: `${ARTICLE_A.text}\nElsewhere.` });
        } finally {
          other.close();
        }
      },
    },
  ];
  for (const w of WRITES) {
    it(`after ${w.name}: what the queries give now`, () => {
      const f = { ...NONE, match: ftsQuery(words()[0]!) };
      assertExact(db, f, 2);
      const before = searchQuoteCounts(db, f, COLS)!;
      w.write(db);
      assertExact(db, f, 2);
      const after = withoutCache(() => listingCountAndFacets(db, QUOTE_LISTING, f, COLS));
      assert.deepEqual(searchQuoteCounts(db, f, COLS), after);
      if (w.name.includes("article")) assert.ok(after.total > before.total, "the new article's statements are found");
    });
  }

  it("inside a transaction it is neither read nor filled, and a rollback leaves nothing stale", () => {
    const f = { ...NONE, match: ftsQuery(words()[0]!) };
    const before = truth(db, f, 2);
    assertExact(db, f, 2);
    const fail = new Error("roll back");
    assert.throws(() => db.transaction(() => {
      db.prepare("DELETE FROM quotes WHERE id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT 2)").run(f.match);
      assertExact(db, f, 2);
      throw fail;
    })(), (e) => e === fail);
    assert.deepEqual(truth(db, f, 2), before);
    assertExact(db, f, 2);
  });

  it("a search with more matches than a kept ranking may hold is ranked by SQL, the same pages", () => {
    SEARCH_CACHE_LIMITS.list = 2;
    db.prepare("UPDATE quotes SET review_status = review_status WHERE 0").run(); // no change: the cache stays
    const f = { ...NONE, match: ftsQuery(words()[0]!) };
    assert.ok(assertExact(db, f, 2) > 2);
  });

  it("holds at most `entries` searches and `held` ids besides the one just read", () => {
    SEARCH_CACHE_LIMITS.entries = 2;
    SEARCH_CACHE_LIMITS.held = 5;
    const ws = words();
    for (const w of ws.slice(0, 6)) {
      const f = { ...NONE, match: ftsQuery(w) };
      // twice: the first is ranked by SQL, the second reads the ranking whole
      quotesPage(db, f, { sort: "rank", size: 2, after: null });
      quotesPage(db, f, { sort: "rank", size: 2, after: null });
      const s = searchCacheStats(db);
      assert.ok(s.entries <= 2, `entries ${s.entries}`);
      const n = searchQuoteCounts(db, f, [])!.total;
      assert.ok(s.held <= Math.max(5, n), `held ${s.held}`);
    }
    for (const w of ws.slice(0, 3)) assertExact(db, { ...NONE, match: ftsQuery(w) }, 2);
  });

  it("the first read of a search in a state keeps no ranking (SQL ranks its page), the second does", () => {
    const fresh = openDb(":memory:");
    try {
      ingestArticle(fresh, ARTICLE_A, FIXTURE_INGEST);
      ingestArticle(fresh, ARTICLE_B, FIXTURE_INGEST);
      const f = { ...NONE, match: ftsQuery("bridge") };
      const want = truth(fresh, f, 1);
      const first = quotesPage(fresh, f, { sort: "rank", size: 1, after: null });
      assert.equal(searchCacheStats(fresh).held, 0);
      assert.deepEqual({ rows: first.rows, next: first.next }, want.pages[0]);
      assert.deepEqual(pages(fresh, quotesPage, f, 1), want.pages);
      assert.equal(searchCacheStats(fresh).held, want.counts.total);
      // a write: asked once again before the ranking is read again
      ingestArticle(fresh, { ...ARTICLE_A, text: `${ARTICLE_A.text}\nAgain.` });
      quotesPage(fresh, f, { sort: "rank", size: 1, after: null });
      assert.equal(searchCacheStats(fresh).held, 0);
    } finally {
      fresh.close();
    }
  });

  it("WHOSAID_SEARCH_CACHE=0 keeps nothing", () => {
    const fresh = openDb(":memory:");
    try {
      ingestArticle(fresh, ARTICLE_A, FIXTURE_INGEST);
      withoutCache(() => quotesPage(fresh, { ...NONE, match: ftsQuery("bridge") }, { sort: "rank", size: 2, after: null }));
      assert.deepEqual(searchCacheStats(fresh), { entries: 0, held: 0 });
    } finally {
      fresh.close();
    }
  });
});

describe("store: rankedPage cuts a ranking as the keyset query's after-clause does", () => {
  // (rank, id) sorted, with ties; keys inside, between, before and after the list, a fractional id
  const ranks = [-3, -2, -2, -2, -1, 0, 0, 4];
  const ids = [9, 1, 5, 7, 2, 3, 8, 6];
  const r = { ids: Float64Array.from(ids), ranks: Float64Array.from(ranks) };
  const brute = (after: [number, number] | null, size: number) => {
    const all = ids.map((id, i) => ({ id, rank: ranks[i]! }))
      .filter((x) => after === null || x.rank > after[0] || (x.rank === after[0] && x.id > after[1]));
    return { ids: all.slice(0, size).map((x) => x.id), ranks: all.slice(0, size).map((x) => x.rank), more: all.length > size };
  };
  const KEYS: ([number, number] | null)[] = [null, [-3, 9], [-2, 1], [-2, 5], [-2, 6], [-2, 5.5], [-2.5, 0], [-9, 100], [0, 8], [4, 6], [100, 0], [-1, -1]];
  for (const after of KEYS) {
    for (const size of [1, 2, 3, 8, 20]) {
      it(`after ${JSON.stringify(after)}, ${size} rows`, () => assert.deepEqual(rankedPage(r, after, size), brute(after, size)));
    }
  }
});
