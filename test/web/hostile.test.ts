import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import request from "supertest";
import type { Express } from "express";
import { createApp } from "../../src/app";
import type { Db } from "../../src/store/db";
import { hostAllowList, formBytes } from "../../src/web/guards";
import { FIXTURE_INGEST, fixtureDb } from "../fixtures/corpus";

const HTML = /^text\/html/;
const JSON_T = /^application\/json/;
const TEXT = /^text\/plain/;

function sourceCount(db: Db): number {
  return (db.prepare("SELECT count(*) AS n FROM sources").get() as { n: number }).n;
}

describe("web: clean answers to bad requests", () => {
  let db: Db;
  let app: Express;
  beforeEach(() => {
    db = fixtureDb();
    app = createApp({ db, ingest: FIXTURE_INGEST });
  });
  afterEach(() => db.close());

  const methods: { method: "delete" | "put" | "patch" | "post" | "options" | "get"; path: string; status: number; allow?: string; type?: RegExp }[] = [
    { method: "delete", path: "/sources", status: 405, allow: "GET, HEAD, POST", type: HTML },
    { method: "put", path: "/quotes", status: 405, allow: "GET, HEAD", type: HTML },
    { method: "put", path: "/quotes.csv", status: 405, allow: "GET, HEAD", type: TEXT },
    { method: "delete", path: "/sources/1.json", status: 405, allow: "GET, HEAD", type: JSON_T },
    { method: "patch", path: "/people/1", status: 405, allow: "GET, HEAD", type: HTML },
    { method: "post", path: "/conflicts", status: 405, allow: "GET, HEAD", type: HTML },
    { method: "options", path: "/sources", status: 200, allow: "GET, HEAD, POST" },
    // negative rows: unknown paths stay 404, known methods answer
    { method: "delete", path: "/nope", status: 404, type: HTML },
    { method: "put", path: "/nope.json", status: 404, type: JSON_T },
    { method: "get", path: "/quotes", status: 200, type: HTML },
  ];
  for (const c of methods) {
    it(`${c.method.toUpperCase()} ${c.path} → ${c.status}${c.allow ? ` (Allow: ${c.allow})` : ""}`, async () => {
      const res = await request(app)[c.method](c.path);
      assert.equal(res.status, c.status);
      assert.equal(res.headers.allow, c.allow);
      if (c.type) assert.match(String(res.headers["content-type"]), c.type);
      if (c.status >= 400) assert.ok(res.text.length > 0, "never an empty body");
      assert.equal(sourceCount(db), 2);
    });
  }

  const paths: { path: string; status: number; type: RegExp }[] = [
    { path: "/sources/%E0%A4%A", status: 400, type: HTML },
    { path: "/sources/%E0%A4%A.json", status: 400, type: JSON_T },
    { path: "/sources/%FF", status: 400, type: HTML },
    { path: "/quotes%ZZ.csv", status: 400, type: TEXT },
    { path: "/people/%C0%AF", status: 400, type: HTML },
    // negative rows: well-formed escapes decode as usual
    { path: "/sources/%31", status: 200, type: HTML },
    { path: "/sources/%C3%A9", status: 404, type: HTML },
  ];
  for (const c of paths) {
    it(`GET ${c.path} → ${c.status}`, async () => {
      const res = await request(app).get(c.path);
      assert.equal(res.status, c.status);
      assert.match(String(res.headers["content-type"]), c.type);
      if (c.status === 400) assert.match(res.text, /address is malformed/);
    });
  }

  const bodies: { name: string; type: string; body: Buffer | string; encoding?: string; status: number; stored: number }[] = [
    { name: "a form whose %-escapes are not UTF-8", type: "application/x-www-form-urlencoded", body: "text=%FF%FEJohn+Smith+said+so.", status: 400, stored: 0 },
    { name: "a form with an overlong UTF-8 escape", type: "application/x-www-form-urlencoded", body: "text=%C0%AF+slash", status: 400, stored: 0 },
    { name: "a form with raw non-UTF-8 bytes", type: "application/x-www-form-urlencoded", body: Buffer.from([0x74, 0x65, 0x78, 0x74, 0x3d, 0xff, 0xfe, 0x41]), status: 400, stored: 0 },
    { name: "JSON with invalid UTF-8 inside a string", type: "application/json", body: Buffer.concat([Buffer.from('{"text":"Jo'), Buffer.from([0xff, 0xfe]), Buffer.from('hn Smith said so."}')]), status: 400, stored: 0 },
    { name: "garbage under Content-Encoding: gzip", type: "application/json", body: Buffer.from("this is not gzip at all"), encoding: "gzip", status: 400, stored: 0 },
    { name: "a truncated gzip stream", type: "application/json", body: gzipSync(Buffer.from('{"text":"A valid article about roads."}')).subarray(0, 15), encoding: "gzip", status: 400, stored: 0 },
    // negative rows: valid UTF-8 escapes and real gzip are accepted
    { name: "a form with valid UTF-8 escapes", type: "application/x-www-form-urlencoded", body: "text=Caf%C3%A9+owners+met+on+Monday.", status: 201, stored: 1 },
    { name: "a gzipped JSON body", type: "application/json", body: gzipSync(Buffer.from('{"text":"A valid article about roads."}')), encoding: "gzip", status: 201, stored: 1 },
  ];
  for (const c of bodies) {
    it(`POST /sources.json with ${c.name} → ${c.status}`, async () => {
      let req = request(app).post("/sources.json").set("content-type", c.type);
      if (c.encoding) req = req.set("content-encoding", c.encoding);
      // sent as the bytes given (superagent would serialise a Buffer as JSON)
      const res = await req.serialize((b: unknown) => b as string).send(c.body as unknown as string);
      assert.equal(res.status, c.status, res.text);
      assert.match(String(res.headers["content-type"]), JSON_T);
      if (c.status === 400) assert.match(res.body.error, /^body: /);
      assert.equal(sourceCount(db), 2 + c.stored);
    });
  }

  it("a form post with invalid UTF-8 comes back as the form with the message, nothing stored", async () => {
    const res = await request(app).post("/sources").type("form").send("text=%FF%FE%FD");
    assert.equal(res.status, 400);
    assert.match(String(res.headers["content-type"]), HTML);
    assert.match(res.text, /not valid UTF-8/);
    assert.equal(sourceCount(db), 2);
    assert.equal((db.prepare("SELECT count(*) AS n FROM sources WHERE text LIKE '%\\%FF%' ESCAPE '\\'").get() as { n: number }).n, 0);
  });

  it("formBytes decodes %-escapes and + as a form parser does", () => {
    const rows: [string, number[]][] = [
      ["a+b", [0x61, 0x20, 0x62]],
      ["%41%c3%a9", [0x41, 0xc3, 0xa9]],
      ["%G1%", [0x25, 0x47, 0x31, 0x25]],
      ["100%", [0x31, 0x30, 0x30, 0x25]],
    ];
    for (const [input, bytes] of rows) assert.deepEqual([...formBytes(Buffer.from(input))], bytes, input);
  });
});

describe("web: who may ask and who may write", () => {
  let db: Db;
  let app: Express;
  beforeEach(() => {
    db = fixtureDb();
    app = createApp({ db, ingest: FIXTURE_INGEST });
  });
  afterEach(() => db.close());

  const hosts: { host: string; status: number }[] = [
    { host: "evil.example", status: 421 },
    { host: "evil.example:3000", status: 421 },
    { host: "127.0.0.1.evil.example", status: 421 },
    { host: "localhost.evil.example:80", status: 421 },
    { host: "127.0.0.1:3000", status: 200 },
    { host: "localhost:8080", status: 200 },
    { host: "[::1]:3000", status: 200 },
  ];
  for (const c of hosts) {
    it(`Host: ${c.host} → ${c.status}`, async () => {
      const res = await request(app).get("/sources.json").set("Host", c.host);
      assert.equal(res.status, c.status);
      if (c.status === 421) assert.match(res.body.error, /does not answer to that host/);
    });
  }

  it("a rebinding page (foreign Host, matching Origin) cannot merge people", async () => {
    const res = await request(app).post("/people/1/merge.json").set("Host", "evil.example:3000").set("Origin", "http://evil.example:3000").send({ other: 2 });
    assert.equal(res.status, 421);
    assert.equal((db.prepare("SELECT count(*) AS n FROM people").get() as { n: number }).n, 2);
  });

  it("hostAllowList: the bound address, the loopback names and the configured names, on the bound port", () => {
    const allowed = hostAllowList("192.0.2.7", () => 4000, ["news.example", "proxy.example:443"]);
    const rows: [string, boolean][] = [
      ["192.0.2.7:4000", true], ["127.0.0.1:4000", true], ["LOCALHOST:4000", true], ["[::1]:4000", true],
      ["news.example:4000", true], ["proxy.example:443", true],
      ["192.0.2.7:4001", false], ["news.example", false], ["news.example:443", false], ["proxy.example:4000", false],
      ["evil.example:4000", false], ["", false], ["192.0.2.7", false],
    ];
    for (const [host, ok] of rows) assert.equal(allowed(host), ok, host);
  });

  const writes: { name: string; headers: Record<string, string>; status: number; csrf?: boolean }[] = [
    { name: "Origin: null (sandboxed frame, no-referrer page)", headers: { Origin: "null" }, status: 403 },
    { name: "Origin: null with Sec-Fetch-Site: same-site", headers: { Origin: "null", "Sec-Fetch-Site": "same-site" }, status: 403 },
    { name: "a foreign Origin", headers: { Origin: "https://evil.example" }, status: 403 },
    { name: "Sec-Fetch-Site: cross-site", headers: { "Sec-Fetch-Site": "cross-site" }, status: 403 },
    { name: "Sec-Fetch-Site: same-site (another port on this machine)", headers: { "Sec-Fetch-Site": "same-site" }, status: 403 },
    { name: "an unparsable Origin", headers: { Origin: "::::" }, status: 403 },
    // negative rows: this site's own pages, and scripts without browser headers
    { name: "its own Origin and a CSRF token", headers: { Origin: "http://127.0.0.1:3000", Host: "127.0.0.1:3000", "Sec-Fetch-Site": "same-origin" }, status: 201, csrf: true },
    // a browser post from this site still needs the form's CSRF token (src/web/session.ts)
    { name: "its own Origin but no CSRF token", headers: { Origin: "http://127.0.0.1:3000", Host: "127.0.0.1:3000", "Sec-Fetch-Site": "same-origin" }, status: 403 },
    { name: "no Origin and no Sec-Fetch-Site (curl)", headers: {}, status: 201 },
  ];
  for (const c of writes) {
    it(`POST /sources with ${c.name} → ${c.status}`, async () => {
      const agent = request.agent(app);
      const token = c.csrf ? ((await agent.get("/csrf.json")).body as { token: string }).token : undefined;
      const res = await agent.post("/sources").set(c.headers).set(token ? { "X-CSRF-Token": token } : {}).send({ text: "A new article about the harbour." });
      assert.equal(res.status, c.status, res.text);
      assert.equal(sourceCount(db), c.status === 201 ? 3 : 2);
    });
  }

  it("the pages send Referrer-Policy same-origin, so their own forms carry their Origin", async () => {
    const res = await request(app).get("/sources/new");
    assert.equal(res.headers["referrer-policy"], "same-origin");
  });

  it("rate-limits writes (429 with Retry-After) but never reads", async () => {
    const limited = createApp({ db, ingest: FIXTURE_INGEST, writeLimit: { limit: 3, windowMs: 60_000 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await request(limited).post("/sources").send({ text: `Article number ${i}.` })).status);
    assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
    const refused = await request(limited).post("/sources").send({ text: "One more." });
    assert.ok(Number(refused.headers["retry-after"]) > 0);
    assert.match(refused.body.error, /Too many changes/);
    for (let i = 0; i < 10; i++) assert.equal((await request(limited).get("/sources.json")).status, 200);
    assert.equal(sourceCount(db), 5);
  });
});
