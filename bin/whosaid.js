#!/usr/bin/env node
// Entry point for `npx whosaid`: runs the compiled CLI (built by `npm install` via the prepare script).
"use strict";
const path = require("node:path");
const fs = require("node:fs");
const cli = path.join(__dirname, "..", "dist", "src", "cli.js");
if (!fs.existsSync(cli)) {
  console.error("whosaid is not built yet: run `npm run build` in " + path.join(__dirname, ".."));
  process.exit(2);
}
require(cli).main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err instanceof Error ? err.message : String(err)); process.exitCode = 1; },
);
