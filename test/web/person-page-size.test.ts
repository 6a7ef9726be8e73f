// A statement carried by many sources: the HTML person page shows at most PERSON_GROUP_SOURCES of them
// (and says how many more), so the page stays bounded; the JSON twin lists every source.
import assert from "node:assert/strict";
import request from "supertest";
import { createApp } from "../../src/app";
import { openDb } from "../../src/store/db";
import { ingestArticle } from "../../src/services/ingest";
import { PERSON_GROUP_SOURCES } from "../../src/web/view-models";
import { FIXED_NOW } from "../fixtures/corpus";

const line = "\"We will finish the tunnel by May,\" said Mayor Ann Vale on Tuesday.";

describe("web: a person page with a statement carried by many sources", () => {
  const rows = [
    { sources: 3, shown: 3, more: null },
    { sources: PERSON_GROUP_SOURCES, shown: PERSON_GROUP_SOURCES, more: null },
    { sources: PERSON_GROUP_SOURCES + 1, shown: PERSON_GROUP_SOURCES, more: "1 more source carries it" },
    { sources: 15, shown: PERSON_GROUP_SOURCES, more: `${15 - PERSON_GROUP_SOURCES} more sources carry it` },
  ];
  for (const r of rows) {
    it(`${r.sources} sources: ${r.shown} shown${r.more ? `, "${r.more}"` : ", no note"}`, async () => {
      const db = openDb(":memory:");
      for (let i = 0; i < r.sources; i++) {
        ingestArticle(db, { text: `${line}\nReport number ${i + 1} from the valley.`, title: `Tunnel report ${i + 1}`, outlet: `Outlet ${i + 1}` }, { now: FIXED_NOW });
      }
      const person = (db.prepare("SELECT person_id AS id FROM quotes WHERE person_id IS NOT NULL GROUP BY person_id ORDER BY count(*) DESC LIMIT 1").get() as { id: number }).id;
      const app = createApp({ db });
      const json = await request(app).get(`/people/${person}.json`);
      assert.equal(json.body.groups[0].sources.length, r.sources, "the JSON lists every source");
      const html = await request(app).get(`/people/${person}`);
      const block = html.text.slice(html.text.indexOf('<article class="statement"'), html.text.indexOf("</article>"));
      assert.equal((block.match(/<li class="carrier">/g) ?? []).length, r.shown);
      if (r.more) assert.ok(block.includes(r.more), block.slice(-400));
      else assert.ok(!block.includes("more source"));
      db.close();
    });
  }
});
