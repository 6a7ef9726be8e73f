// While a bulk ingest has the statement groups marked stale (decision 046: from its first batch when it
// fills an empty corpus), the person and conflicts pages say so, in HTML and JSON; once the groups are
// current again they do not (the negative rows).
import assert from "node:assert/strict";
import request from "supertest";
import { createApp } from "../../src/app";
import { openDb, type Db } from "../../src/store/db";
import { ingestArticle, type Extractor } from "../../src/services/ingest";
import { markGroupsStale, regroupAll } from "../../src/services/compare";
import type { Extraction } from "../../src/nlp/types";
import { FIXED_NOW, entity, quote } from "../fixtures/corpus";

const TEXT = "Ida Invented said the orchard levy doubles in spring.";
const EXTRACTOR: Extractor = {
  version: "fixture-pending",
  extract: (text: string): Extraction => ({
    quotes: [quote(text, { text: "the orchard levy doubles in spring", kind: "indirect", speaker: "Ida Invented", canonical: "Ida Invented", cue: "said" })],
    claims: [],
    entities: [entity("Ida Invented")],
  }),
};
const NOTICE = /A bulk ingest is under way/;

describe("web: a regroup pending is said on the pages that show groups", () => {
  let db: Db;
  let person: number;
  beforeEach(() => {
    db = openDb(":memory:");
    ingestArticle(db, { text: TEXT, title: "Levy" }, { extractor: EXTRACTOR, now: FIXED_NOW });
    person = (db.prepare("SELECT id FROM people WHERE name = 'Ida Invented'").get() as { id: number }).id;
  });
  afterEach(() => db.close());

  const pages = (id: number) => [
    { name: "the person page", html: `/people/${id}`, json: `/people/${id}.json` },
    { name: "the conflicts page", html: "/conflicts", json: "/conflicts.json" },
  ];
  const states: { name: string; stale: boolean }[] = [
    { name: "groups marked stale by a batch", stale: true },
    { name: "groups current (negative row)", stale: false },
    { name: "stale, then regrouped in full (negative row)", stale: false },
  ];
  for (const st of states) {
    for (const k of [0, 1]) {
      it(`${st.name}: ${pages(0)[k]!.name} ${st.stale ? "says" : "does not say"} so`, async () => {
        if (st.name.startsWith("stale, then")) {
          db.transaction(() => markGroupsStale(db))();
          regroupAll(db);
        } else if (st.stale) db.transaction(() => markGroupsStale(db))();
        const app = createApp({ db });
        const page = pages(person)[k]!;
        const html = await request(app).get(page.html);
        assert.equal(html.status, 200);
        assert.equal(NOTICE.test(html.text), st.stale);
        const json = await request(app).get(page.json);
        assert.equal(json.status, 200);
        assert.equal(json.body.groups_pending, st.stale);
      });
    }
  }
});
