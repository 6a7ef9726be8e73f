import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import request from "supertest";
import type { Express } from "express";
import { createApp } from "../../src/app";
import type { Db } from "../../src/store/db";
import { isUtf8 } from "node:buffer";
import fc from "fast-check";
import { hostAllowList, formBytes, firstInvalidUtf8, invalidFormField, invalidJsonField } from "../../src/web/guards";
import { checkMultipartFields, multipartBoundary } from "../../src/services/uploads";
import { exposureWarning } from "../../src/server";
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
    { path: "/quotes?q=%E0%A4%A", status: 400, type: HTML },
    { path: "/quotes.csv?q=%FF", status: 400, type: TEXT },
    { path: "/people.json?%ZZ=1", status: 400, type: JSON_T },
    // negative rows: well-formed escapes decode as usual
    { path: "/sources/%31", status: 200, type: HTML },
    { path: "/sources/%C3%A9", status: 404, type: HTML },
    { path: "/quotes?q=%C3%A9t%C3%A9+100%25", status: 200, type: HTML },
    { path: "/quotes.json?q=a&kind=", status: 200, type: JSON_T },
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
      if (c.status === 400) assert.match(res.body.error, c.type.includes("form") || c.name.startsWith("JSON") ? /^text: / : /^body: /);
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

describe("server: the warning when reachable from other machines", () => {
  const rows: [string, boolean][] = [
    ["127.0.0.1", false], ["127.1.2.3", false], ["localhost", false], ["[::1]", false], ["::1", false],
    ["0.0.0.0", true], ["[::]", true], ["192.0.2.7", true], ["example.org", true],
  ];
  for (const [host, warns] of rows) {
    it(`${host}: ${warns ? "warns" : "says nothing"}`, () => {
      const w = exposureWarning(host);
      if (warns) assert.match(String(w), /other machines can reach/);
      else assert.equal(w, null);
    });
  }
});

/** A multipart/form-data body of the given parts, as raw bytes. */
function multipart(boundary: string, parts: { name: string; value: Buffer | string; filename?: string; type?: string }[]): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ""}\r\n`;
    if (p.type) head += `Content-Type: ${p.type}\r\n`;
    chunks.push(Buffer.from(head + "\r\n", "latin1"), Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value, "utf8"), Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));
const FF_FE = bytes("Jo", [0xff, 0xfe], "hn Smith said so.");

describe("web: invalid UTF-8 in any field of a multipart, form or JSON post", () => {
  let db: Db;
  let app: Express;
  beforeEach(() => {
    db = fixtureDb();
    app = createApp({ db, ingest: FIXTURE_INGEST });
  });
  afterEach(() => db.close());

  const replaced = () =>
    (db.prepare("SELECT count(*) AS n FROM sources WHERE instr(text, char(65533)) OR instr(title, char(65533)) OR instr(outlet, char(65533))").get() as { n: number }).n;
  const B = "----whosaidTestBoundary7";
  const ok = "A valid article about the harbour.";

  type Row = { name: string; kind: "multipart" | "form" | "json"; body: Buffer; status: number; field?: string; stored?: { title?: string; text?: string } };
  const rows: Row[] = [
    // multipart text fields (busboy would have replaced the bytes with U+FFFD)
    { name: "text holds FF FE", kind: "multipart", body: multipart(B, [{ name: "text", value: FF_FE }]), status: 400, field: "text" },
    { name: "title holds FF FE", kind: "multipart", body: multipart(B, [{ name: "text", value: ok }, { name: "title", value: bytes("Caf", [0xe9]) }]), status: 400, field: "title" },
    { name: "outlet holds FF FE", kind: "multipart", body: multipart(B, [{ name: "text", value: ok }, { name: "outlet", value: bytes([0xff, 0xfe], "Gazette") }]), status: 400, field: "outlet" },
    { name: "url holds a lone continuation byte", kind: "multipart", body: multipart(B, [{ name: "text", value: ok }, { name: "url", value: bytes("https://a.example/", [0x80]) }]), status: 400, field: "url" },
    { name: "text declares charset=utf-8 but holds an overlong slash", kind: "multipart", body: multipart(B, [{ name: "text", value: bytes([0xc0, 0xaf], " slash"), type: "text/plain; charset=utf-8" }]), status: 400, field: "text" },
    { name: "text holds an encoded surrogate", kind: "multipart", body: multipart(B, [{ name: "text", value: bytes("a ", [0xed, 0xa0, 0x80], " b") }]), status: 400, field: "text" },
    { name: "text ends in a cut sequence", kind: "multipart", body: multipart(B, [{ name: "text", value: bytes("The euro ", [0xe2, 0x82]) }]), status: 400, field: "text" },
    { name: "title declares Latin-1", kind: "multipart", body: multipart(B, [{ name: "text", value: ok }, { name: "title", value: "Cafe", type: "text/plain; charset=iso-8859-1" }]), status: 415, field: "title" },
    { name: "an unknown field holds invalid bytes", kind: "multipart", body: multipart(B, [{ name: "text", value: ok }, { name: "extra", value: bytes([0xff]) }]), status: 400, field: "body" },
    { name: "a file and an invalid title", kind: "multipart", body: multipart(B, [{ name: "title", value: bytes([0xfe]) }, { name: "file", value: ok, filename: "a.txt", type: "text/plain" }]), status: 400, field: "title" },
    // urlencoded and JSON: the same, by the bytes the escapes stand for
    { name: "text=%FF%FE", kind: "form", body: bytes("text=%FF%FEJohn"), status: 400, field: "text" },
    { name: "title=%C0%AF", kind: "form", body: bytes(`text=${encodeURIComponent(ok)}&title=%C0%AF`), status: 400, field: "title" },
    { name: "outlet with a raw FF byte", kind: "form", body: bytes(`text=${encodeURIComponent(ok)}&outlet=`, [0xff]), status: 400, field: "outlet" },
    { name: "an unknown field %FF", kind: "form", body: bytes(`text=${encodeURIComponent(ok)}&zz=%FF`), status: 400, field: "body" },
    { name: "JSON text", kind: "json", body: Buffer.concat([bytes('{"text":"'), FF_FE, bytes('"}')]), status: 400, field: "text" },
    { name: "JSON title after text", kind: "json", body: bytes(`{"text":${JSON.stringify(ok)},"title":"`, [0xe9], '"}'), status: 400, field: "title" },
    { name: "JSON outlet inside an escaped string", kind: "json", body: bytes(`{"text":${JSON.stringify(ok)},"outlet":"say \\"`, [0xc3], '"}'), status: 400, field: "outlet" },
    { name: "JSON key itself invalid", kind: "json", body: bytes(`{"text":${JSON.stringify(ok)},"ti`, [0xff], '":"x"}'), status: 400, field: "body" },
    // negative rows: valid UTF-8 of every width is stored as sent
    { name: "valid text and title", kind: "multipart", body: multipart(B, [{ name: "text", value: "Café owners in Zürich met 😀 on Monday." }, { name: "title", value: "Zürich café" }]), status: 201, stored: { title: "Zürich café", text: "Café owners in Zürich met 😀 on Monday." } },
    { name: "charset=utf-8 declared and valid", kind: "multipart", body: multipart(B, [{ name: "text", value: "Ünïcödé article.", type: "text/plain; charset=UTF-8" }]), status: 201, stored: { text: "Ünïcödé article." } },
    { name: "valid form escapes", kind: "form", body: bytes("text=Caf%C3%A9+talks.&title=Z%C3%BCrich"), status: 201, stored: { title: "Zürich", text: "Café talks." } },
    { name: "valid JSON", kind: "json", body: bytes(JSON.stringify({ text: "€100 for the café.", title: "Prix €" })), status: 201, stored: { title: "Prix €", text: "€100 for the café." } },
  ];
  const types = { multipart: `multipart/form-data; boundary=${B}`, form: "application/x-www-form-urlencoded", json: "application/json" };
  for (const c of rows) {
    it(`${c.kind}: ${c.name} → ${c.status}${c.field ? ` naming ${c.field}` : ""}`, async () => {
      const res = await request(app).post("/sources.json").set("content-type", types[c.kind]).serialize((b: unknown) => b as string).send(c.body as unknown as string);
      assert.equal(res.status, c.status, res.text);
      assert.match(String(res.headers["content-type"]), JSON_T);
      if (c.field) {
        assert.match(res.body.error, new RegExp(`^${c.field}: `));
        assert.ok(res.body.fields[c.field], "the field is named");
        assert.equal(sourceCount(db), 2, "nothing stored");
      } else {
        assert.equal(sourceCount(db), 3);
        const s = db.prepare("SELECT title, text FROM sources WHERE id = ?").get(res.body.id) as { title: string; text: string };
        if (c.stored?.title) assert.equal(s.title, c.stored.title);
        if (c.stored?.text) assert.equal(s.text, c.stored.text);
      }
      assert.equal(replaced(), 0, "no U+FFFD stored");
    });
  }

  it("the HTML form hears it too: a 400 page naming the field, nothing stored", async () => {
    const res = await request(app).post("/sources").set("content-type", types.multipart).serialize((b: unknown) => b as string)
      .send(multipart(B, [{ name: "text", value: ok }, { name: "title", value: bytes("Jo", [0xff]) }]) as unknown as string);
    assert.equal(res.status, 400);
    assert.match(String(res.headers["content-type"]), HTML);
    assert.match(res.text, /title: is not valid UTF-8/);
    assert.equal(sourceCount(db), 2);
  });

  it("checkMultipartFields splits parts as busboy does", () => {
    const cases: { name: string; type: string; body: Buffer; field: string | null }[] = [
      { name: "quoted boundary", type: 'multipart/form-data; boundary="a b"', body: multipart("a b", [{ name: "text", value: bytes([0xff]) }]), field: "text" },
      { name: "a preamble and an epilogue with bad bytes are not fields", type: "multipart/form-data; boundary=X", body: Buffer.concat([bytes([0xff, 0xfe], "\r\n"), multipart("X", [{ name: "text", value: "fine" }]), bytes([0xff])]), field: null },
      { name: "a file part's bytes are the file's (checked elsewhere)", type: "multipart/form-data; boundary=X", body: multipart("X", [{ name: "file", value: bytes([0xff]), filename: "a.txt" }]), field: null },
      { name: "an octet-stream part is a file", type: "multipart/form-data; boundary=X", body: multipart("X", [{ name: "blob", value: bytes([0xff]), type: "application/octet-stream" }]), field: null },
      { name: "a delimiter not followed by CRLF starts no part", type: "multipart/form-data; boundary=X", body: bytes("--X\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nok\r\n--Xjunk", [0xff], "\r\n--X--"), field: null },
      { name: "the second of two fields", type: "multipart/form-data; boundary=X", body: multipart("X", [{ name: "text", value: "fine" }, { name: "outlet", value: bytes([0xc3]) }]), field: "outlet" },
      { name: "no boundary", type: "multipart/form-data", body: bytes("x"), field: "body" },
    ];
    for (const c of cases) {
      const err = checkMultipartFields(c.type, c.body);
      assert.equal(err ? Object.keys(err.fields)[0] : null, c.field, c.name);
    }
    assert.equal(multipartBoundary('multipart/form-data; charset=utf-8; boundary="q\\"x"'), 'q"x');
  });

  it("firstInvalidUtf8 agrees with isUtf8 on random bytes, and the prefix before it is valid", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.array(fc.constantFrom("é", "€", "😀", "a", "\u0000"), { maxLength: 8 }), (raw, chars) => {
        const buf = Buffer.concat([Buffer.from(chars.join("")), Buffer.from(raw)]);
        const at = firstInvalidUtf8(buf);
        assert.equal(at === -1, isUtf8(buf));
        if (at !== -1) assert.ok(isUtf8(buf.subarray(0, at)));
      }),
      { numRuns: 3000, seed: 14 },
    );
  });

  it("invalidFormField and invalidJsonField name the field, or body", () => {
    const form: [Buffer, string | null][] = [
      [bytes("text=ok&title=%FF"), "title"], [bytes("title=ok&text=a", [0xff]), "text"], [bytes("%FF=1"), "body"],
      [bytes("text=ok&title=fine"), null], [bytes(""), null],
    ];
    for (const [b, f] of form) assert.equal(invalidFormField(b), f, b.toString("latin1"));
    const json: [Buffer, string][] = [
      [bytes('{"text":"a', [0xff], '"}'), "text"], [bytes('{"title":"ok","outlet":"', [0xff], '"}'), "outlet"],
      [bytes('{"text":{"deep":["', [0xff], '"]}}'), "text"], [bytes('{"text":"a\\"b', [0xff], '"}'), "text"],
      [bytes('{"a', [0xff], '":1}'), "body"], [bytes('["', [0xff], '"]'), "body"], [bytes('{"unknown":"', [0xff], '"}'), "body"],
      [bytes('{"text":"fine"}'), "body"],
    ];
    for (const [b, f] of json) assert.equal(invalidJsonField(b), f, b.toString("latin1"));
  });
});
