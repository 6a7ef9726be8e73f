// A search of /quotes, best match first (quotesPage): the page's ids and ranks are found before its
// rows are read in full. Every page, its rows (highlight included) and its next token must be those
// of the full query (listingPage), and the pages give every match exactly once.
import assert from "node:assert/strict";
import { openDb, type Db } from "../../src/store/db";
import { ingestArticle } from "../../src/services/ingest";
import { ftsQuery } from "../../src/store/fts";
import { QUOTE_LISTING, listingPage, quotesPage, type KeyValue, type QuoteListFilter } from "../../src/store/listings";
import { COMPARISON_ARTICLES } from "../fixtures/comparison";
import { ARTICLE_A, ARTICLE_B, FIXTURE_INGEST } from "../fixtures/corpus";

const NONE: QuoteListFilter = { person: null, source: null, kind: null, outlet: null, match: null, speakerNone: false, review: null };

describe("store: a search page finds its ids first (quotesPage)", () => {
  let db: Db;
  before(() => {
    db = openDb(":memory:");
    for (const a of [...COMPARISON_ARTICLES, ARTICLE_A, ARTICLE_B]) ingestArticle(db, a, FIXTURE_INGEST);
  });
  after(() => db.close());

  type Read = typeof quotesPage;
  const whole: Read = (d, f, p) => listingPage(d, QUOTE_LISTING, f, p);
  function pages(read: Read, f: QuoteListFilter, sort: string, size: number) {
    const out: { rows: unknown[]; next: KeyValue[] | null }[] = [];
    let after: KeyValue[] | null = null;
    do {
      const p: ReturnType<Read> = read(db, f, { sort, size, after });
      out.push({ rows: p.rows, next: p.next });
      after = p.next;
    } while (after);
    return out;
  }
  const words = (): string[] => {
    const text = (db.prepare("SELECT group_concat(text, ' ') AS t FROM quotes").get() as { t: string }).t.toLowerCase();
    const counts = new Map<string, number>();
    for (const w of text.match(/[a-z]{4,}/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([w]) => w);
  };

  // rows of (which word, filter, sort, page size): common words in small pages, a filter on top, the
  // article order while searching (passed on), and a word no statement holds
  const ROWS: { name: string; word: (ws: string[]) => string; f?: Partial<QuoteListFilter>; sort: string; size: number; none?: boolean }[] = [
    { name: "the commonest word, pages of 1", word: (ws) => ws[0]!, sort: "rank", size: 1 },
    { name: "the commonest word, pages of 3", word: (ws) => ws[0]!, sort: "rank", size: 3 },
    { name: "the second word, one page", word: (ws) => ws[1]!, sort: "rank", size: 1000 },
    { name: "the commonest word, direct only", word: (ws) => ws[0]!, f: { kind: "direct" }, sort: "rank", size: 2 },
    { name: "the commonest word in article order", word: (ws) => ws[0]!, sort: "source", size: 2 },
    { name: "a word in no statement", word: () => "zzzzqqqq", sort: "rank", size: 2, none: true },
  ];
  for (const r of ROWS) {
    it(`${r.name}: the same rows and tokens as the full query, each match once`, () => {
      const f = { ...NONE, ...r.f, match: ftsQuery(r.word(words())) };
      const got = pages(quotesPage, f, r.sort, r.size);
      assert.deepEqual(got, pages(whole, f, r.sort, r.size));
      const ids = got.flatMap((p) => p.rows.map((x) => (x as { id: number }).id));
      assert.equal(new Set(ids).size, ids.length);
      assert.equal(ids.length === 0, r.none === true);
      if (!r.none && r.sort === "rank") assert.ok(got.flatMap((p) => p.rows).every((x) => typeof (x as { text_marked?: string }).text_marked === "string"));
      if (!r.none && !r.f && r.size < 1000) assert.ok(got.length > 1, "more than one page");
    });
  }
});
