// Is the extraction output byte-identical to a saved reference? Used for every speed change
// (docs/profile.md): a speed-up that changes one byte of output is a behaviour change, not a speed-up.
//
//   node dist/bench/identical.js save DIR      write the outputs of this build into DIR
//   node dist/bench/identical.js check DIR     write them into a temporary folder and compare each
//                                              file with DIR's byte for byte; exit 1 on any difference
//
// Outputs: `whosaid extract --jsonl` (the CLI's own code path, runExtract) over the seeds, polnear_dev,
// polnear_train, speakers_train, claims_dev, claims_train and the bench corpus, and the whole extract()
// result (entities included) of every bench article, one JSON line each. Nothing is scored or read
// here: the files are only compared.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runExtract } from "../src/cli";
import { extract } from "../src/nlp/pipeline";

// ../shared next to the project; a git worktree sits one level deeper, so the folders above are
// tried too (or WHOSAID_SHARED names it)
const SHARED = process.env.WHOSAID_SHARED ??
  [3, 4, 5].map((up) => resolve(__dirname, ...Array<string>(up).fill(".."), "shared")).find((d) => existsSync(join(d, "eval"))) ??
  resolve(__dirname, "..", "..", "..", "shared");
const INPUTS: [string, string][] = [
  ["seeds", join(SHARED, "eval", "seeds.jsonl")],
  ["polnear_dev", join(SHARED, "eval", "polnear_dev.jsonl")],
  ["polnear_train", join(SHARED, "eval", "polnear_train.jsonl")],
  ["speakers_train", join(SHARED, "eval", "speakers_train.jsonl")],
  ["claims_dev", join(SHARED, "eval", "claims_dev.jsonl")],
  ["claims_train", join(SHARED, "eval", "claims_train.jsonl")],
  ["bbc", join(SHARED, "bench", "bbc.jsonl")],
];

async function writeAll(dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const names: string[] = [];
  for (const [name, file] of INPUTS) {
    if (!existsSync(file)) throw new Error(`missing input ${file}`);
    const parts: string[] = [];
    const code = await runExtract(["--jsonl", file], (s) => parts.push(s));
    writeFileSync(join(dir, `${name}.pred.jsonl`), parts.join(""));
    names.push(`${name}.pred.jsonl`);
    if (code !== 0) console.warn(`  ${name}: extract exited ${code}`);
  }
  // the full result, entities included, of every bench article
  const full: string[] = [];
  for (const line of readFileSync(join(SHARED, "bench", "bbc.jsonl"), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const a = JSON.parse(line) as { id: string; text: string };
    full.push(JSON.stringify({ id: a.id, ...extract(a.text) }) + "\n");
  }
  writeFileSync(join(dir, "bbc.full.jsonl"), full.join(""));
  names.push("bbc.full.jsonl");
  return names;
}

/** The first line where two files differ (1-based), or 0. */
function firstDiff(a: Buffer, b: Buffer): number {
  const la = a.toString("utf8").split("\n");
  const lb = b.toString("utf8").split("\n");
  for (let i = 0; i < Math.max(la.length, lb.length); i++) if (la[i] !== lb[i]) return i + 1;
  return 0;
}

async function main(): Promise<number> {
  const [mode, dirArg] = process.argv.slice(2);
  if ((mode !== "save" && mode !== "check") || !dirArg) {
    console.error("usage: node dist/bench/identical.js save|check DIR");
    return 2;
  }
  const ref = resolve(dirArg);
  if (mode === "save") {
    const names = await writeAll(ref);
    console.log(`saved ${names.length} files in ${ref}`);
    return 0;
  }
  const out = mkdtempSync(join(tmpdir(), "identical-"));
  const names = await writeAll(out);
  let bad = 0;
  for (const n of names) {
    const a = readFileSync(join(ref, n));
    const b = readFileSync(join(out, n));
    if (a.equals(b)) console.log(`  identical  ${n} (${a.length} bytes)`);
    else {
      bad++;
      console.log(`  DIFFERENT  ${n}: ${a.length} → ${b.length} bytes, first at line ${firstDiff(a, b)} (new output in ${out})`);
    }
  }
  console.log(bad ? `${bad} of ${names.length} files differ` : `all ${names.length} files identical`);
  return bad ? 1 : 0;
}

main().then((c) => (process.exitCode = c), (e) => { console.error(e); process.exitCode = 1; });
