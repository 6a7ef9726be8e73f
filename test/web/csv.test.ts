import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import request from "supertest";
import { createApp } from "../../src/app";
import { ROOT } from "../../src/paths";
import fc from "fast-check";
import { stringify } from "csv-stringify/sync";
import { CSV_OPTIONS, csvHeader, csvRecordOfValues, toCsv } from "../../src/web/csv";
import { FIXTURE_INGEST, fixtureDb } from "../fixtures/corpus";

function binary(res: request.Response, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on("data", (c: Buffer) => chunks.push(c));
  stream.on("end", () => cb(null, Buffer.concat(chunks)));
}

describe("web: CSV exports", () => {
  const goldens: [string, string][] = [
    ["/quotes.csv", "quotes.csv"],
    ["/claims.csv", "claims.csv"],
  ];
  for (const [path, file] of goldens) {
    it(`${path} matches test/golden/${file} byte for byte`, async () => {
      const db = fixtureDb();
      const res = await request(createApp({ db, ingest: FIXTURE_INGEST })).get(path).buffer(true).parse(binary);
      db.close();
      assert.equal(res.status, 200);
      assert.match(String(res.headers["content-disposition"]), new RegExp(`^attachment; filename="?${file.replace(".", "\\.")}"?$`));
      const golden = readFileSync(join(ROOT, "test", "golden", file));
      assert.equal((res.body as Buffer).toString("hex"), golden.toString("hex"));
    });
  }

  const cells: { name: string; value: string | number | null; cell: string }[] = [
    { name: "plain text", value: "abc", cell: "abc" },
    { name: "comma", value: "a,b", cell: "\"a,b\"" },
    { name: "quote mark", value: "say \"hi\"", cell: "\"say \"\"hi\"\"\"" },
    { name: "line feed", value: "a\nb", cell: "\"a\nb\"" },
    { name: "formula", value: "=HYPERLINK(\"x\")", cell: "\"'=HYPERLINK(\"\"x\"\")\"" },
    { name: "plus formula", value: "+1", cell: "'+1" },
    { name: "at formula", value: "@SUM(A1)", cell: "'@SUM(A1)" },
    { name: "null", value: null, cell: "" },
    { name: "number", value: 0.25, cell: "0.25" },
    { name: "non-ASCII", value: "Пхеньян “quoted”", cell: "Пхеньян “quoted”" },
  ];
  for (const c of cells) {
    it(`writes a cell with ${c.name}`, () => {
      const out = toCsv(["v"], [{ v: c.value }]);
      assert.equal(out, `\uFEFFv\r\n${c.cell}\r\n`);
    });
  }
});

describe("web: the hand-written CSV writer writes what csv-stringify writes", () => {
  const reference = (columns: string[], rows: Record<string, unknown>[]) =>
    stringify(rows, { ...CSV_OPTIONS, columns });
  const table: { name: string; value: unknown }[] = [
    { name: "empty string", value: "" },
    { name: "null", value: null },
    { name: "undefined", value: undefined },
    { name: "zero", value: 0 },
    { name: "negative number (not a formula)", value: -3 },
    { name: "negative real", value: -0.125 },
    { name: "huge number", value: 1e21 },
    { name: "bigint", value: 12345678901234567890n },
    { name: "true", value: true },
    { name: "false", value: false },
    { name: "minus text (a formula)", value: "-1+2" },
    { name: "equals", value: "=1" },
    { name: "tab first", value: "\tx" },
    { name: "carriage return first", value: "\rx" },
    { name: "full-width equals", value: "\uFF1Dx" },
    { name: "full-width plus", value: "\uFF0Bx" },
    { name: "full-width minus", value: "\uFF0Dx" },
    { name: "full-width at", value: "\uFF20x" },
    { name: "formula with a quote mark", value: "=\"a\",b" },
    { name: "CRLF inside", value: "a\r\nb" },
    { name: "CR inside", value: "a\rb" },
    { name: "only a quote mark", value: "\"" },
    { name: "an apostrophe first (no guard)", value: "'x" },
    { name: "a space before a formula (no guard)", value: " =1" },
    { name: "an object", value: { a: "b,c" } },
    { name: "an array", value: [1, "x"] },
    { name: "a date", value: new Date(0) },
    { name: "astral characters", value: "𝒜 “q” ,😀" },
  ];
  for (const c of table) {
    it(`a cell with ${c.name}`, () => {
      const rows = [{ v: c.value, w: "next" }];
      assert.equal(toCsv(["v", "w"], rows), reference(["v", "w"], rows));
      assert.equal(csvHeader(["v", "w"]) + csvRecordOfValues([c.value, "next"]), reference(["v", "w"], rows));
    });
  }
  it("a header that needs quoting, and no rows", () => {
    assert.equal(toCsv(["a,b", "=c", "d\"e"] as never[], []), reference(["a,b", "=c", "d\"e"], []));
  });
  it("a negative test: a formula cell differs from its unguarded text", () => {
    assert.notEqual(toCsv(["v"], [{ v: "=1" }]), "\uFEFFv\r\n=1\r\n");
  });
  it("any strings and numbers, as fast-check makes them", () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom("a", ",", "\"", "\r", "\n", "=", "+", "-", "@", "\t", " ", "\uFF1D", "'", "é") }),
      fc.string({ unit: "binary" }), fc.integer(), fc.double({ noNaN: false }), fc.constant(null), fc.boolean(),
    );
    fc.assert(fc.property(fc.array(fc.tuple(cell, cell, cell), { maxLength: 8 }), (rows) => {
      const objs = rows.map(([a, b, c]) => ({ a, b, c }));
      assert.equal(toCsv(["a", "b", "c"], objs), reference(["a", "b", "c"], objs));
      assert.equal(csvHeader(["a", "b", "c"]) + rows.map((r) => csvRecordOfValues(r)).join(""), reference(["a", "b", "c"], objs));
    }), { numRuns: 500 });
  });
});
