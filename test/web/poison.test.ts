// The poison words through the web: every Object.prototype name as a path id, as the value of every
// query parameter the pages read, as a parameter name, inside every write's body (keys and values),
// and as stored data (titles, outlets, speakers, reviewers) coming back out of every page, JSON and
// CSV export. A table keyed by text that is a plain object answers such a word with Object's own
// member: the symptom is a 500, a lost row or "function" in the output.
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import request from "supertest";
import { createApp } from "../../src/app";
import { openDb, type Db } from "../../src/store/db";
import { ingestArticle } from "../../src/services/ingest";
import { PROTOTYPE_NAMES } from "../fixtures/hostile";

/** Every query parameter a page or export reads (src/web/params.ts, paging.ts, review-routes.ts). */
const PARAMETERS = [
  "q", "kind", "speaker", "review", "person", "source", "outlet", "reason", "label", "flag", "limit", "offset",
  "_size", "_sort", "_next", "_all", "order", "subject", "reviewer", "next",
];

/** The keys the write routes read from a body (article, merge/split, sign-in, review, correction). */
const BODY_KEYS = [
  "text", "title", "outlet", "url", "published", "other", "alias", "name", "token", "next", "action", "reason", "note",
  "revision", "speaker_id", "speaker_name", "start", "end", "kind", "cue", "via",
];

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: RouteLayer[] };
}

/** The app's GET routes, read from its routers (so a new route is covered without editing this file). */
function getRoutes(app: ReturnType<typeof createApp>): string[] {
  const out = new Set<string>();
  const walk = (stack: RouteLayer[]) => {
    for (const layer of stack) {
      if (layer.route && layer.route.methods.get) out.add(layer.route.path);
      else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: RouteLayer[] } }).router.stack);
  return [...out].sort();
}

const poison = (i: number) => PROTOTYPE_NAMES[i % PROTOTYPE_NAMES.length]!;

describe("web: the poison words through every route, parameter, body and export", function () {
  this.timeout(120_000);
  let db: Db;
  let app: ReturnType<typeof createApp>;
  let server: Server;
  let base: string;

  before(async () => {
    db = openDb(":memory:");
    // stored data named after prototype members, through the real extractor
    for (const [i, name] of PROTOTYPE_NAMES.entries()) {
      const speaker = `${name[0]!.toUpperCase()}${name.slice(1)} Builder`;
      ingestArticle(db, {
        text: `\u201CThe ${name} will finish the bridge next year,\u201D said ${speaker}. The ${name} reportedly agreed, sources said.`,
        title: name,
        outlet: poison(i + 1),
      });
    }
    app = createApp({ db, writeLimit: false, log: () => {} });
    server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    // supertest's agents keep their connections open: close them, or the process never ends
    server.closeAllConnections();
    server.close();
    db.close();
  });

  it("reads the routes from the routers", () => {
    const routes = getRoutes(app);
    for (const r of ["/", "/sources", "/sources/:id", "/people", "/people/:id", "/quotes", "/quotes/:id", "/claims", "/conflicts", "/review", "/reviews"]) {
      assert.ok(routes.includes(r), `${r} in ${routes.join(" ")}`);
    }
  });

  /** status < 500 and a body; JSON parses; no function source leaks out of a table. */
  function sane(path: string, res: request.Response): void {
    assert.ok(res.status < 500, `${path}: ${res.status} ${res.text.slice(0, 200)}`);
    if (res.status >= 400) assert.ok(res.text.length > 0, `${path}: an empty error body`);
    assert.ok(!/\[native code\]|function Object\(\)|\[object Object\]/.test(res.text), `${path}: a prototype member leaked: ${res.text.slice(0, 300)}`);
    if (/^application\/json/.test(String(res.headers["content-type"]))) JSON.parse(res.text);
  }

  it("every GET route in every format, with every parameter set to a prototype name", async () => {
    let asked = 0;
    for (const route of getRoutes(app)) {
      for (const suffix of ["", ".json", ".csv"]) {
        for (const [j, param] of PARAMETERS.entries()) {
          // every path id a real row, then a prototype name
          for (const id of route.includes(":id") ? ["1", poison(j)] : ["1"]) {
            const path = route.replace(/:id\b/g, id) + suffix;
            const value = poison(j + asked);
            const res = await request(base).get(path).query({ [param]: value });
            sane(`${path}?${param}=${value}`, res);
            asked++;
          }
        }
      }
    }
    assert.ok(asked > 900, `asked ${asked}`);
  });

  it("every GET route with prototype names as parameter names (also bracketed)", async () => {
    for (const route of getRoutes(app)) {
      for (const suffix of ["", ".json", ".csv"]) {
        const path = route.replace(/:id\b/g, "1") + suffix;
        const query = PROTOTYPE_NAMES.map((n) => `${encodeURIComponent(n)}=1&${encodeURIComponent(n)}[x]=2`).join("&");
        sane(`${path}?${query}`, await request(base).get(`${path}?${query}`));
        sane(`${path}?__proto__[q]=x`, await request(base).get(`${path}?__proto__[q]=x&constructor[prototype][q]=y`));
      }
    }
  });

  it("the stored prototype names come back as data from every export", async () => {
    const titles = new Set((db.prepare("SELECT title FROM sources").all() as { title: string }[]).map((r) => r.title));
    assert.equal(titles.size, PROTOTYPE_NAMES.length, "every article stored under its own title");
    const sources = await request(base).get("/sources.csv");
    assert.equal(sources.status, 200);
    for (const name of PROTOTYPE_NAMES) assert.ok(sources.text.includes(name), `sources.csv has ${name}`);
    const all = await request(base).get("/sources.json").query({ _all: "1" });
    assert.equal(all.status, 200);
    const listed = JSON.stringify(all.body);
    for (const name of PROTOTYPE_NAMES) assert.ok(listed.includes(`"${name}"`), `sources.json?_all=1 has ${name}`);
    for (const path of ["/quotes.csv", "/people.csv", "/claims.csv", "/quotes.json?_all=1", "/people.json?_all=1", "/claims.json?_all=1", "/reviews.csv", "/reviews.json"]) {
      const res = await request(base).get(path);
      assert.equal(res.status, 200, path);
      sane(path, res);
    }
    const quotes = await request(base).get("/quotes.csv");
    for (const name of ["constructor", "__proto__", "hasOwnProperty", "toString"]) assert.ok(quotes.text.includes(`The ${name} will finish the bridge`), `quotes.csv quotes ${name}`);
  });
  it("every write with prototype names as body keys and values: refused or done, never a 500", async () => {
    const agent = request.agent(base);
    const token = ((await agent.get("/csrf.json")).body as { token: string }).token;
    const signIn = await agent.post("/review/sign-in.json").set("X-CSRF-Token", token).send({ name: "constructor" });
    assert.ok(signIn.status < 500, signIn.text);
    const writes = [
      "/sources", "/people/1/merge", "/people/1/split", "/people/constructor/merge", "/quotes/1/review", "/quotes/1/correct",
      "/quotes/1/undo", "/claims/1/review", "/review/conflicts/1", "/review/sign-in", "/quotes/__proto__/review",
    ];
    for (const path of writes) {
      for (const [i, name] of PROTOTYPE_NAMES.entries()) {
        const values = Object.fromEntries(BODY_KEYS.map((k, j) => [k, poison(i + j)]));
        const bodies: Record<string, unknown>[] = [
          values,
          { [name]: "x", text: `An article about the ${name}.` },
          JSON.parse(`{"__proto__": {"text": "inherited", "other": "2"}, "constructor": {"prototype": {"alias": "x"}}}`) as Record<string, unknown>,
          { text: { [name]: 1 }, other: [name], alias: { toString: name } },
        ];
        for (const body of bodies) {
          const json = await agent.post(`${path}.json`).set("X-CSRF-Token", token).send(body);
          sane(`POST ${path}.json ${JSON.stringify(body).slice(0, 80)}`, json);
        }
        // the same keys and values as a form (the HTML answers: a page, a redirect or an error page)
        const form = await agent.post(path).set("X-CSRF-Token", token).type("form")
          .send([...Object.entries(values), [name, "x"], ["__proto__[text]", "inherited"]].map(([k, v]) => `${encodeURIComponent(k!)}=${encodeURIComponent(v!)}`).join("&"));
        sane(`POST ${path} (form)`, form);
      }
    }
    assert.equal(db.pragma("integrity_check", { simple: true }), "ok");
  });

});
