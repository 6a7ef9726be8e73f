import assert from "node:assert/strict";
import request from "supertest";
import type { Express } from "express";
import { createApp } from "../../src/app";
import type { Db } from "../../src/store/db";
import { reextractStale, type Extractor } from "../../src/services/ingest";
import { ARTICLE_A, FIXED_NOW, FIXTURE_EXTRACTOR, FIXTURE_INGEST, comparisonDb, fixtureDb } from "../fixtures/corpus";

/** What a browser on this site sends: its Host and the matching Origin. */
const BROWSER = { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" };
const csrfOf = (html: string): string => {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  assert.ok(m, "the page carries a CSRF token");
  return m[1]!;
};
const count = (db: Db, table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** A browser-like session: cookies kept, Origin sent, signed in as `name`. */
async function signedIn(app: Express, name: string, token?: string) {
  const agent = request.agent(app);
  const form = await agent.get("/review/sign-in?next=/review");
  assert.equal(form.status, 200);
  const res = await agent.post("/review/sign-in").set(BROWSER).type("form")
    .send({ _csrf: csrfOf(form.text), name, next: "/review", ...(token ? { token } : {}) });
  return { agent, res };
}

describe("web: reviewing statements", () => {
  let db: Db;
  let app: Express;
  beforeEach(() => {
    db = fixtureDb();
    app = createApp({ db, ingest: FIXTURE_INGEST, now: FIXED_NOW });
  });
  afterEach(() => db.close());

  it("GET /quotes/:id shows the statement in its paragraph with its history; .json the same data; unknown 404", async () => {
    const page = await request(app).get("/quotes/2");
    assert.equal(page.status, 200);
    assert.ok(page.text.includes('<mark class="quote direct sp-0 st-unreviewed" id="q-2"'));
    assert.ok(page.text.includes("Nobody has reviewed this statement yet."));
    assert.ok(page.text.includes('<a href="/review/sign-in?next&#x3D;%2Fquotes%2F2">Sign in to review</a>'), "the header's sign-in link comes back here");
    const json = await request(app).get("/quotes/2.json");
    assert.equal(json.body.quote.text, "We have the money, and we have the plan,");
    assert.equal(json.body.paragraph.text, ARTICLE_A.text.split("\n")[1]);
    assert.deepEqual(json.body.history, []);
    for (const path of ["/quotes/99", "/quotes/99.json", "/quotes/abc"]) assert.equal((await request(app).get(path)).status, 404, path);
  });

  it("a signed-in reviewer confirms with a form; the redirect lands on the statement, its history names them", async () => {
    const { agent, res } = await signedIn(app, "Ann Editor");
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, "/review");
    const cookies = ([] as string[]).concat(res.headers["set-cookie"] ?? []);
    const session = cookies.find((c) => c.startsWith("whosaid_reviewer="))!;
    assert.match(session, /HttpOnly/);
    assert.match(session, /SameSite=Lax/);
    const all = ([] as string[]).concat((await request(app).get("/sources/new")).headers["set-cookie"] ?? []);
    assert.deepEqual(all.map((c) => c.split("=")[0]).sort(), ["whosaid_csrf", "whosaid_sid"], "a page with a form sets the CSRF cookies");
    for (const c of [...all, ...cookies]) {
      assert.match(c, /HttpOnly/, c);
      assert.match(c, /SameSite=Lax/, c);
    }
    const page = await agent.get("/quotes/2");
    assert.ok(page.text.includes("Reviewing as <strong>Ann Editor</strong>"));
    const post = await agent.post("/quotes/2/review").set(BROWSER).type("form")
      .send({ _csrf: csrfOf(page.text), action: "confirm", revision: "0", note: "on tape" });
    assert.equal(post.status, 303);
    assert.equal(post.headers.location, "/quotes/2");
    const after = await agent.get("/quotes/2.json");
    assert.equal(after.body.quote.review_status, "confirmed");
    assert.deepEqual(after.body.history.map((h: { reviewer: string; action: string }) => [h.reviewer, h.action]), [["Ann Editor", "confirm"]]);
    const html = await agent.get("/quotes/2");
    assert.ok(html.text.includes("<strong>Ann Editor</strong> <span class=\"action\">confirm</span> — on tape"));
  });

  const csrfCases: { name: string; headers: Record<string, string>; token: "none" | "wrong" | "other-session"; status: number }[] = [
    { name: "a browser post without a token", headers: BROWSER, token: "none", status: 403 },
    { name: "a browser post with a wrong token", headers: BROWSER, token: "wrong", status: 403 },
    { name: "a token from another session", headers: { "sec-fetch-site": "same-origin" }, token: "other-session", status: 403 },
  ];
  for (const c of csrfCases) {
    it(`CSRF: ${c.name} → ${c.status}, nothing stored`, async () => {
      const { agent } = await signedIn(app, "Ann Editor");
      let token: string | undefined;
      if (c.token === "wrong") token = "x".repeat(40);
      if (c.token === "other-session") token = csrfOf((await request(app).get("/quotes/2")).text);
      const res = await agent.post("/quotes/2/review").set(c.headers).type("form").send({ action: "confirm", ...(token ? { _csrf: token } : {}) });
      assert.equal(res.status, c.status);
      assert.match(res.text, /CSRF token/);
      assert.equal(count(db, "review_events"), 0);
    });
  }

  it("POST /sources from a browser needs the form's token too; the JSON API on loopback (a script) does not", async () => {
    const agent = request.agent(app);
    const refused = await agent.post("/sources").set(BROWSER).type("form").send({ text: "A new article about nothing." });
    assert.equal(refused.status, 403);
    assert.equal(count(db, "sources"), 2);
    const form = await agent.get("/sources/new");
    const ok = await agent.post("/sources").set(BROWSER).type("form").send({ _csrf: csrfOf(form.text), text: "A new article about nothing." });
    assert.equal(ok.status, 303);
    const script = await request(app).post("/sources").send({ text: "Another article, from curl." });
    assert.equal(script.status, 201);
    const viaToken = await request.agent(app).get("/csrf.json");
    assert.equal(typeof viaToken.body.token, "string");
  });

  it("a write without a reviewer is a 401 linking to the sign-in form; a script names its reviewer in the body", async () => {
    const anon = await request(app).post("/quotes/2/review.json").send({ action: "confirm" });
    assert.equal(anon.status, 401);
    assert.match(anon.body.error, /Sign in/);
    assert.equal(anon.body.sign_in, "/review/sign-in");
    const form = await request(app).post("/quotes/2/review").type("form").send({ action: "confirm", next: "/sources/1" });
    assert.equal(form.status, 401);
    assert.ok(form.text.includes('href="/review/sign-in?next&#x3D;%2Fsources%2F1"'));
    const named = await request(app).post("/quotes/2/review").send({ action: "confirm", reviewer: "Script Bot" });
    assert.equal(named.status, 200);
    assert.equal(named.body.status, "confirmed");
    assert.equal(named.body.url, "/quotes/2");
    const sys = await request(app).post("/quotes/2/review").send({ action: "confirm", reviewer: "whosaid" });
    assert.equal(sys.status, 400);
  });

  it("bad input answers 400 naming the field (JSON and form), 404 for an unknown statement, 409 for a stale form", async () => {
    const span = await request(app).post("/quotes/2/correct").send({ reviewer: "Ann", start: "0", end: "100000" });
    assert.equal(span.status, 400);
    assert.deepEqual(Object.keys(span.body.fields), ["end"]);
    const formSpan = await request(app).post("/quotes/2/correct").type("form").send({ reviewer: "Ann", start: "5", end: "5" });
    assert.equal(formSpan.status, 400);
    assert.ok(formSpan.text.includes("end: must come after start"));
    assert.ok(formSpan.text.includes('id="q-2"'), "the statement page again, with the message");
    assert.equal((await request(app).post("/quotes/99/review").send({ reviewer: "Ann", action: "confirm" })).status, 404);
    assert.equal((await request(app).post("/quotes/2/correct").send({ reviewer: "Ann", speaker_id: "999" })).status, 404);
    await request(app).post("/quotes/2/review").send({ reviewer: "Ann", action: "confirm", revision: 0 });
    const stale = await request(app).post("/quotes/2/review").send({ reviewer: "Bob", action: "reject", reason: "duplicate", revision: 0 });
    assert.equal(stale.status, 409);
    assert.deepEqual(stale.body.changes.map((c: { reviewer: string }) => c.reviewer), ["Ann"]);
    assert.equal(count(db, "review_events"), 1);
  });

  it("/quotes, its CSV and JSON carry review state and take review=; /claims too", async () => {
    await request(app).post("/quotes/2/review").send({ reviewer: "Ann", action: "confirm" });
    await request(app).post("/quotes/3/review").send({ reviewer: "Ann", action: "reject", reason: "wrong span" });
    await request(app).post("/quotes/1/correct").send({ reviewer: "Bob", speaker_name: "Tom Reyes" });
    const csv = await request(app).get("/quotes.csv?review=confirmed");
    const lines = csv.text.trim().split("\r\n");
    assert.equal(lines.length, 2);
    assert.match(lines[1]!, /^2,.*,confirmed,Ann,0,,$/);
    const cases: [string, number[]][] = [
      ["review=confirmed", [2]], ["review=rejected", [3]], ["review=corrected", [1]], ["review=reviewed", [1, 2, 3]],
      ["review=unreviewed", [4, 5]], ["review=needs-check", []],
    ];
    for (const [q, ids] of cases) {
      const json = await request(app).get(`/quotes.json?${q}`);
      assert.deepEqual(json.body.quotes.map((x: { id: number }) => x.id).sort(), ids, q);
    }
    const one = (await request(app).get("/quotes.json?review=corrected")).body.quotes[0];
    assert.deepEqual([one.person_name, one.reviewer, one.corrected], ["Tom Reyes", "Bob", 1]);
    assert.equal((await request(app).get("/quotes.json?review=maybe")).status, 400);
    await request(app).post("/claims/1/review").send({ reviewer: "Ann", action: "dismiss", note: "named in para 4" });
    const claims = await request(app).get("/claims.json?review=dismissed");
    assert.deepEqual(claims.body.claims.map((c: { id: number; review_note: string }) => [c.id, c.review_note]), [[1, "named in para 4"]]);
    assert.equal((await request(app).get("/claims.json?review=rejected")).status, 400);
  });

  it("/review lists unreviewed statements, lowest confidence first, with the filters of /quotes", async () => {
    const queue = await request(app).get("/review.json");
    assert.deepEqual(queue.body.quotes.map((q: { id: number }) => q.id), [5, 1, 3, 4, 2]);
    await request(app).post("/quotes/5/review").send({ reviewer: "Ann", action: "needs-check" });
    assert.deepEqual((await request(app).get("/review.json?source=2")).body.quotes.map((q: { id: number }) => q.id), [3, 4]);
    assert.deepEqual((await request(app).get("/review.json?review=needs-check")).body.quotes.map((q: { id: number }) => q.id), [5]);
    assert.deepEqual((await request(app).get("/review.json?order=source")).body.quotes.map((q: { id: number }) => q.id), [1, 2, 3, 4]);
    assert.equal((await request(app).get("/review.json?order=random")).status, 400);
    const html = await request(app).get("/review");
    assert.equal(html.status, 200);
    assert.ok(html.text.includes('data-key="c"') && html.text.includes('id="review-help"'));
  });

  it("/reviews.csv and .json export the trail; /people/search.json finds people as they type", async () => {
    await request(app).post("/quotes/2/review").send({ reviewer: "Ann", action: "confirm" });
    await request(app).post("/quotes/2/undo").send({ reviewer: "Bob" });
    const json = await request(app).get("/reviews.json");
    assert.deepEqual(json.body.events.map((e: { action: string; reviewer: string }) => [e.action, e.reviewer]), [["confirm", "Ann"], ["undo", "Bob"]]);
    const csv = await request(app).get("/reviews.csv");
    assert.match(String(csv.headers["content-disposition"]), /reviews\.csv/);
    assert.match(csv.text, /^\uFEFF?id,created_at,reviewer,subject,item_id,current_item_id,review_id,revision,source_id,source_title,action,note,undoes,before,after,item_text/);
    assert.equal(csv.text.trim().split("\r\n").length, 3);
    const search = await request(app).get("/people/search.json?q=okaf");
    assert.deepEqual(search.body.people.map((p: { name: string }) => p.name), ["Mary-Ann Okafor"]);
    assert.deepEqual((await request(app).get("/people/search.json?q=o")).body.people, []);
    assert.deepEqual((await request(app).get("/people/search.json?q=%25")).body.people, []);
    assert.equal((await request(app).get(`/people/search.json?q=${"x".repeat(101)}`)).status, 400);
  });

  it("/review/conflicts lists what a re-extraction disagreed with, and resolving it clears it", async () => {
    await request(app).post("/quotes/2/review").send({ reviewer: "Ann", action: "confirm" });
    const other: Extractor = {
      version: "fixture-2",
      extract: (t) => {
        const e = FIXTURE_EXTRACTOR.extract(t);
        return t === ARTICLE_A.text ? { ...e, quotes: e.quotes.map((q) => (q.kind === "direct" ? { ...q, speaker_canonical: "Tom Reyes" } : q)) } : e;
      },
    };
    reextractStale(db, other);
    const list = await request(app).get("/review/conflicts.json");
    assert.equal(list.body.total, 1);
    const c = list.body.conflicts[0];
    assert.equal(c.conflict.type, "speaker");
    assert.equal(c.quote.person_name, "Mary-Ann Okafor");
    const html = await request(app).get("/review/conflicts");
    assert.ok(html.text.includes("Keep the review"));
    const done = await request(app).post(c.resolve).send({ reviewer: "Ann", action: "keep", revision: c.revision });
    assert.equal(done.status, 200);
    assert.equal((await request(app).get("/review/conflicts.json")).body.total, 0);
    assert.equal((await request(app).post(c.resolve).send({ reviewer: "Ann", action: "keep" })).status, 400);
  });
});

describe("web: writes on a public address", () => {
  let db: Db;
  beforeEach(() => { db = fixtureDb(); });
  afterEach(() => db.close());
  const TOKEN = "correct-horse-battery";

  it("with a review token: reads are public; writes need a sign-in with the token, or the Bearer header", async () => {
    const app = createApp({ db, ingest: FIXTURE_INGEST, security: { token: TOKEN, publicBind: true } });
    assert.equal((await request(app).get("/quotes/2")).status, 200);
    assert.equal((await request(app).get("/review")).status, 200);
    const script = await request(app).post("/sources").send({ text: "Posted by a script elsewhere." });
    assert.equal(script.status, 401);
    assert.equal((await request(app).post("/sources").set("authorization", "Bearer wrong-token").send({ text: "x y z" })).status, 401);
    const bearer = await request(app).post("/sources").set("authorization", `Bearer ${TOKEN}`).send({ text: "Posted by a script elsewhere." });
    assert.equal(bearer.status, 201);
    const sign = await request(app).get("/review/sign-in");
    assert.ok(sign.text.includes('name="token"'));
    const noToken = await signedIn(app, "Ann Editor");
    assert.equal(noToken.res.status, 400);
    assert.match(noToken.res.text, /token: give the review token/);
    const wrong = await signedIn(app, "Ann Editor", "not-the-token");
    assert.equal(wrong.res.status, 401);
    const right = await signedIn(app, "Ann Editor", TOKEN);
    assert.equal(right.res.status, 303);
    const page = await right.agent.get("/quotes/2");
    const post = await right.agent.post("/quotes/2/review").set(BROWSER).type("form").send({ _csrf: csrfOf(page.text), action: "confirm" });
    assert.equal(post.status, 303);
    assert.equal(count(db, "review_events"), 1);
  });

  it("a token given on loopback is enforced too (behind a reverse proxy every client looks local)", async () => {
    const app = createApp({ db, ingest: FIXTURE_INGEST, security: { token: TOKEN, publicBind: false } });
    assert.equal((await request(app).post("/sources").send({ text: "From a proxied client." })).status, 401);
    assert.equal((await request(app).post("/quotes/2/review").send({ action: "confirm", reviewer: "Ann" })).status, 401);
    assert.equal((await request(app).post("/sources").set("authorization", `Bearer ${TOKEN}`).send({ text: "From a proxied client." })).status, 201);
    assert.equal((await request(app).post("/quotes/2/review").set("authorization", `Bearer ${TOKEN}`).send({ action: "confirm", reviewer: "Ann" })).status, 200);
  });

  it("without a token: read-only, and every write says how to open it", async () => {
    const app = createApp({ db, ingest: FIXTURE_INGEST, security: { token: null, publicBind: true } });
    assert.equal((await request(app).get("/sources/1")).status, 200);
    const res = await request(app).post("/sources").send({ text: "Nobody may add this." });
    assert.equal(res.status, 403);
    assert.match(res.body.error, /read-only.*--review-token/);
    assert.equal(count(db, "sources"), 2);
  });
});

describe("web: people, comparisons and conflicts follow the review", () => {
  it("a rejected statement leaves the person page; a corrected speaker moves it to the other person's page", async () => {
    const db = fixtureDb();
    const app = createApp({ db, ingest: FIXTURE_INGEST });
    const okafor = async () => (await request(app).get("/people/1.json")).body;
    const before = await okafor();
    assert.equal(before.person.name, "Mary-Ann Okafor");
    await request(app).post("/quotes/2/review").send({ reviewer: "Ann", action: "reject", reason: "duplicate" });
    const after = await okafor();
    assert.equal(after.quote_count, before.quote_count - 1);
    const quoteIds = (p: { groups: { cells: { versions: { quote_id: number }[] }[] }[] }) =>
      p.groups.flatMap((g) => g.cells.flatMap((c) => c.versions.map((v) => v.quote_id)));
    assert.ok(quoteIds(before).includes(2));
    assert.ok(!quoteIds(after).includes(2));
    await request(app).post("/quotes/1/correct").send({ reviewer: "Ann", speaker_name: "Tom Reyes" });
    const reyes = (await request(app).get("/people.json")).body.people.find((p: { name: string }) => p.name === "Tom Reyes");
    assert.ok(quoteIds((await request(app).get(`/people/${reyes.id}.json`)).body).includes(1));
    assert.ok(!quoteIds(await okafor()).includes(1));
    db.close();
  });

  it("rejecting one version of a conflicting attribution takes the conflict off /conflicts", async () => {
    const db = comparisonDb();
    const app = createApp({ db, ingest: FIXTURE_INGEST });
    const conflicts = (await request(app).get("/conflicts.json?label=conflicting+attribution")).body;
    assert.ok(conflicts.total >= 1);
    const group = conflicts.groups[0];
    const others = group.versions.filter((v: { reference: boolean }) => !v.reference);
    assert.ok(others.length >= 1);
    for (const v of others) {
      const res = await request(app).post(`/quotes/${v.quote_id}/review`).send({ reviewer: "Ann", action: "reject", reason: "duplicate" });
      assert.equal(res.status, 200);
    }
    const after = (await request(app).get("/conflicts.json?label=conflicting+attribution")).body;
    assert.equal(after.total, conflicts.total - 1);
    const versions = after.groups.flatMap((g: { versions: { quote_id: number }[] }) => g.versions.map((v) => v.quote_id));
    for (const v of others) assert.ok(!versions.includes(v.quote_id), "a rejected version is in no conflict");
    db.close();
  });
});
