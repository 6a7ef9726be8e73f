// The command line under faults: each ends in one clear sentence and a non-zero exit, never a stack
// trace or a hang. Runs the compiled bin as a user would.
import assert from "node:assert/strict";
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startServer, type Running } from "../../src/server";
import { openDb } from "../../src/store/db";
import { ingestPaths } from "../../src/services/ingest-files";
import { runExtract } from "../../src/cli";
import { FIXTURE_INGEST } from "../fixtures/corpus";

const BIN = resolve(__dirname, "..", "..", "..", "bin", "whosaid.js");
const SEEDS = resolve(__dirname, "..", "..", "..", "seeds");
const NOBODY = 65534;

function run(args: string[], options: SpawnSyncOptions = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 30_000, ...options });
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr), signal: r.signal };
}

/** One sentence on stderr: no stack frames, no multi-line dump. */
function oneSentence(stderr: string, pattern: RegExp): void {
  assert.match(stderr, pattern);
  assert.doesNotMatch(stderr, /\n\s+at /, "no stack trace");
  assert.equal(stderr.trim().split("\n").length, 1, stderr);
}

describe("cli: faults end in one sentence", function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "whosaid-cli-"));
    chmodSync(dir, 0o755);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const command of ["extract", "ingest", "serve"]) {
    it(`${command} --help prints that command's usage and exits 0`, () => {
      const r = run([command, "--help"]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`^usage: whosaid ${command}`));
      assert.equal(r.stderr, "");
    });
  }

  it("an unknown option is still refused (exit 2)", () => {
    const r = run(["ingest", "--nope", "x"]);
    assert.equal(r.status, 2);
    oneSentence(r.stderr, /unknown option --nope/);
  });

  it("ingest /nonexistent creates no database file", () => {
    const db = join(dir, "never.db");
    const r = run(["ingest", "/nonexistent", "--db", db]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /no article files found/);
    assert.ok(!existsSync(db), "no database file");
    assert.ok(!existsSync(`${db}-wal`));
  });

  it("an impossible --db path (/proc/nope/x.db) fails at once", () => {
    const started = Date.now();
    const r = run(["ingest", SEEDS, "--db", "/proc/nope/x.db"], { timeout: 10_000 });
    assert.equal(r.signal, null, "no hang");
    assert.equal(r.status, 1);
    oneSentence(r.stderr, /cannot create the folder \/proc\/nope/);
    assert.ok(Date.now() - started < 10_000);
  });

  it("--db under a file (not a folder) fails with a sentence", () => {
    const file = join(dir, "plain.txt");
    writeFileSync(file, "x");
    const r = run(["ingest", SEEDS, "--db", join(file, "x.db")]);
    assert.equal(r.status, 1);
    oneSentence(r.stderr, /is not a folder/);
  });

  it("a file that is not SQLite is refused", () => {
    const file = join(dir, "notes.db");
    writeFileSync(file, "these are my notes, not a database\n".repeat(200));
    const r = run(["ingest", SEEDS, "--db", file]);
    assert.equal(r.status, 1);
    oneSentence(r.stderr, /is not a whosaid database/);
  });

  it("a damaged database is refused at open (quick_check), for ingest and serve", () => {
    const file = join(dir, "damaged.db");
    const db = openDb(file);
    db.exec("CREATE TABLE filler (x TEXT)");
    const insert = db.prepare("INSERT INTO filler VALUES (?)");
    for (let i = 0; i < 400; i++) insert.run(`row ${i} `.repeat(40));
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.close();
    const bytes = require("node:fs").readFileSync(file) as Buffer;
    // scribble over the middle of the file (b-tree pages), leaving the header intact
    bytes.fill(0xff, 4096 * 3 + 16, 4096 * 6);
    writeFileSync(file, bytes);
    for (const args of [["ingest", SEEDS, "--db", file], ["serve", "--db", file, "--port", "0"]]) {
      const r = run(args);
      assert.equal(r.status, 1, r.stderr);
      oneSentence(r.stderr, /is damaged\b.*restore it from a backup/);
    }
  });

  it("a healthy database opens (the negative row of the check)", () => {
    const file = join(dir, "healthy.db");
    openDb(file).close();
    const r = run(["ingest", join(SEEDS, "000_c075f9eda7e8414f.txt"), "--db", file]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /ingested 1 new/);
  });

  // root ignores permission bits, so the read-only cases run as nobody when the tests run as root
  const asUser: SpawnSyncOptions = process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};

  it("a read-only database file gives one sentence and exit 1", () => {
    const sub = join(dir, "ro-file");
    mkdirSync(sub);
    const file = join(sub, "ro.db");
    openDb(file).close();
    chmodSync(file, 0o444);
    chmodSync(sub, 0o777);
    const r = run(["ingest", join(SEEDS, "000_c075f9eda7e8414f.txt"), "--db", file], asUser);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    oneSentence(r.stderr, /cannot be written|cannot open/);
  });

  it("a read-only folder gives one sentence and exit 1, and creates nothing", () => {
    const sub = join(dir, "ro-folder");
    mkdirSync(sub);
    chmodSync(sub, 0o555);
    const file = join(sub, "new.db");
    const r = run(["ingest", join(SEEDS, "000_c075f9eda7e8414f.txt"), "--db", file], asUser);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    oneSentence(r.stderr, /cannot be written|cannot open/);
    assert.ok(!existsSync(file));
  });

  it("a busy port gives one sentence and exit 1", async () => {
    let running: Running | undefined;
    try {
      running = await startServer(
        { db: ":memory:", port: 0, host: "127.0.0.1", ingestSeeds: false, seedsDir: dir },
        { log: () => {}, app: { ingest: FIXTURE_INGEST, log: () => {} } },
      );
      const port = new URL(running.url).port;
      const r = run(["serve", "--db", join(dir, "busy.db"), "--port", port]);
      assert.equal(r.status, 1);
      // the start-up log may come first (grouping an empty database); the failure is its own last line
      oneSentence(r.stderr.trim().split("\n").at(-1)!, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`));
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    } finally {
      await running?.close();
    }
  });

  it("extract --jsonl | head ends quietly (no EPIPE trace)", () => {
    const input = join(dir, "many.jsonl");
    writeFileSync(input, Array.from({ length: 4000 }, (_, i) => JSON.stringify({ id: `a${i}`, text: `Line ${i} said nothing much.` })).join("\n"));
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${BIN}" extract --jsonl "${input}" | head -n 2`], { encoding: "utf8", timeout: 30_000 });
    assert.equal(r.stdout.trim().split("\n").length, 2);
    assert.equal(r.stderr, "");
  });

  it("extract --jsonl goes on after a bad line and a line whose extraction throws, and exits 1", async () => {
    const lines = [
      JSON.stringify({ id: "a", text: "First article." }),
      "{ not json",
      JSON.stringify({ id: "boom", text: "This one breaks the extractor." }),
      JSON.stringify({ id: "b" }),
      JSON.stringify({ id: "c", text: "Last article." }),
    ];
    const file = join(dir, "mixed.jsonl");
    writeFileSync(file, lines.join("\n") + "\n");
    const out: string[] = [];
    const status = await runExtract(["--jsonl", file], (s) => out.push(s), (text) => {
      if (text.includes("breaks")) throw new Error("simulated crash");
      return { quotes: [], claims: [], entities: [] };
    });
    assert.equal(status, 1);
    const parsed = out.join("").trim().split("\n").map((l) => JSON.parse(l));
    assert.deepEqual(parsed.map((p) => [p.id, p.error ? p.error.split(":")[0] : "ok"]), [
      ["a", "ok"], [null, "not JSON"], ["boom", "extraction failed"], ["b", "no `text` string on this line"], ["c", "ok"],
    ]);
    // and with only good lines the status is 0 (negative row)
    const clean = await runExtract(["--jsonl", file], () => {}, () => ({ quotes: [], claims: [], entities: [] }));
    assert.equal(clean, 1, "the bad lines are still bad");
    const good = join(dir, "good.jsonl");
    writeFileSync(good, lines[0] + "\n" + lines[4] + "\n");
    assert.equal(await runExtract(["--jsonl", good], () => {}, () => ({ quotes: [], claims: [], entities: [] })), 0);
  });

  it("a full disk (SQLite's page limit) stops the ingest with a summary of what was and was not stored", () => {
    const sub = join(dir, "full");
    mkdirSync(sub);
    for (let i = 0; i < 60; i++) writeFileSync(join(sub, `a${String(i).padStart(3, "0")}.txt`), `Article ${i}. ${"The council discussed the road budget again. ".repeat(60)}`);
    const db = openDb(join(dir, "full.db"));
    try {
      const used = db.pragma("page_count", { simple: true }) as number;
      db.pragma(`max_page_count = ${used + 12}`);
      // batches of 5: a batch is stored whole or not at all, so some are stored before the disk fills
      const summary = ingestPaths(db, [sub], { batchSize: 5, extractor: { version: "t", extract: () => ({ quotes: [], claims: [], entities: [] }) } });
      assert.equal(summary.stopped, "the disk is full");
      const stored = (db.prepare("SELECT count(*) AS n FROM sources").get() as { n: number }).n;
      assert.ok(stored > 0 && stored < 60, `stored ${stored}`);
      assert.equal(summary.created, stored, "the summary counts exactly what is stored");
      assert.equal(stored % 5, 0, "whole batches");
      assert.equal(summary.created + summary.failed.length, 60, "every article is either stored or listed");
      assert.match(summary.failed.at(-1)!.error, /not stored: the disk is full/);
      assert.equal(db.pragma("integrity_check", { simple: true }), "ok");
    } finally {
      db.close();
    }
  });

  // requests the HTTP parser refuses, answered below express in the format of the URL's suffix
  const refused: { name: string; packets: (port: number) => string[]; status: number; type: RegExp; body: RegExp }[] = [
    { name: "20 kB of headers on an HTML page", packets: (p) => [`GET / HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`], status: 431, type: /text\/html/, body: /<h1>Error 431<\/h1><p>the request headers are too large/ },
    { name: "20 kB of headers on a .json URL", packets: (p) => [`GET /quotes.json?q=a HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`], status: 431, type: /application\/json/, body: /^\{"error":"the request headers are too large \(the limit is 16 KB\)\."\}$/ },
    { name: "20 kB of headers on a .csv URL", packets: (p) => [`GET /quotes.csv HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`], status: 431, type: /text\/plain/, body: /^Error 431: the request headers are too large/ },
    { name: "bytes that are not HTTP", packets: () => ["\x16\x03\x01\x02\x00 hello\r\n\r\n"], status: 400, type: /text\/plain/, body: /^Error 400: the request is not valid HTTP/ },
    // negative row: when the request line came in an earlier packet than the overflow, the format is unknown: plain text
    { name: "20 kB of headers after the request line's packet", packets: (p) => [`GET /quotes.json HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\n`, `X-Big: ${"a".repeat(20_000)}\r\n\r\n`], status: 431, type: /text\/plain/, body: /^Error 431: the request headers are too large/ },
  ];
  for (const c of refused) {
    it(`${c.name}: ${c.status} with a body`, async () => {
      const running = await startServer(
        { db: ":memory:", port: 0, host: "127.0.0.1", ingestSeeds: false, seedsDir: dir },
        { log: () => {}, app: { ingest: FIXTURE_INGEST, log: () => {} } },
      );
      try {
        const port = Number(new URL(running.url).port);
        const answer = await new Promise<string>((resolveAnswer, reject) => {
          const socket = connect(port, "127.0.0.1", async () => {
            for (const packet of c.packets(port)) {
              socket.write(packet, "latin1");
              await new Promise((r) => setTimeout(r, 50));
            }
          });
          let data = "";
          socket.on("data", (d) => (data += d));
          socket.on("end", () => resolveAnswer(data));
          socket.on("error", reject);
        });
        const [head, body] = [answer.slice(0, answer.indexOf("\r\n\r\n")), answer.slice(answer.indexOf("\r\n\r\n") + 4)];
        assert.match(head, new RegExp(`^HTTP/1\\.1 ${c.status} `));
        assert.match(head, new RegExp(`Content-Type: ${c.type.source}`));
        assert.equal(Number(/Content-Length: (\d+)/.exec(head)![1]), Buffer.byteLength(body), "the length is the body's");
        assert.match(body, c.body);
      } finally {
        await running.close();
      }
    });
  }
});
