import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import request from "supertest";
import { createApp } from "../../src/app";
import { ROOT } from "../../src/paths";
import { toCsv } from "../../src/web/csv";
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
