// `npm run eval`: runs the extractor over the shared evaluation sets, prints the one scorer's
// figures (../shared/eval/score.mjs) and the precision of each sieve, so every wrong answer points
// at the rule that made it. The shared files are read in place and never copied.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { extract } from "../src/nlp/pipeline";
import type { QuoteRecord } from "../src/nlp/types";
import { auditPeople } from "./people-audit";

const root = resolve(__dirname, "..", "..");
const evalDir = process.env.WHOSAID_EVAL_DIR ?? resolve(root, "..", "shared", "eval");

interface GoldQuote {
  start: number;
  end: number;
  speaker_start?: number | null;
  speaker_end?: number | null;
  speaker_canonical?: string | null;
  aliases?: string[];
  optional?: boolean;
  no_source?: boolean;
  speech_cue?: boolean;
}

const SETS: { file: string; args: string[]; note: string }[] = [
  { file: "seeds.jsonl", args: [], note: "seed articles" },
  { file: "polnear_dev.jsonl", args: ["--speech-only"], note: "PolNeAR dev, speech only" },
  { file: "claims_dev.jsonl", args: [], note: "claims only: read the claims line" },
];

const norm = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\b(the|mr|mrs|ms|dr)\b\.?/g, "").replace(/[^a-z0-9 ]+/g, " ").trim();

function main(): number {
  if (!existsSync(evalDir)) {
    console.error(`no evaluation data at ${evalDir} (set WHOSAID_EVAL_DIR)`);
    return 2;
  }
  // --people DB: the people audit of an ingested corpus (no name on /people, "Mr X" left apart)
  const argv = process.argv.slice(2);
  const peopleDb = argv.includes("--people") ? argv[argv.indexOf("--people") + 1] : undefined;
  if (peopleDb) console.log(`people audit of ${peopleDb}: ${JSON.stringify(auditPeople(peopleDb))}`);
  const only = argv.filter((a, i) => !a.startsWith("--") && argv[i - 1] !== "--people");
  const tmp = mkdtempSync(join(tmpdir(), "whosaid-eval-"));
  for (const set of SETS) {
    if (only.length && !only.some((o) => set.file.startsWith(o))) continue;
    const goldPath = join(evalDir, set.file);
    if (!existsSync(goldPath)) continue;
    const docs = readFileSync(goldPath, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as { id: string; text: string; quotes: GoldQuote[] });
    const started = process.hrtime.bigint();
    const preds = docs.map((d) => ({ id: d.id, ...extract(d.text) }));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const predPath = join(tmp, set.file);
    writeFileSync(predPath, preds.map((p) => JSON.stringify({ id: p.id, quotes: p.quotes, claims: p.claims })).join("\n") + "\n");
    console.log(`\n== ${set.file} (${set.note}): ${docs.length} docs, extracted in ${ms.toFixed(0)} ms`);
    const out = execFileSync(process.execPath, [join(evalDir, "score.mjs"), goldPath, predPath, ...set.args], { encoding: "utf8" });
    console.log(out.split("\n").filter((l) => l && !l.startsWith("{")).join("\n"));
    if (set.file.startsWith("claims")) continue;
    if (set.file.startsWith("polnear")) {
      // PolNeAR marks a quote split by its attribution across sentences ("“A,” she said. “B.”") as
      // one span; whosaid, like the seeds and CONTRACT, keeps two. For comparison only, score the
      // same predictions with such pairs joined (the extractor's output is not changed).
      const joined = preds.map((p, k) => ({ id: p.id, quotes: joinSplitQuotes(docs[k]!.text, p.quotes), claims: p.claims }));
      const joinedPath = join(tmp, "joined-" + set.file);
      writeFileSync(joinedPath, joined.map((p) => JSON.stringify(p)).join("\n") + "\n");
      const j = execFileSync(process.execPath, [join(evalDir, "score.mjs"), goldPath, joinedPath, ...set.args], { encoding: "utf8" });
      const line = j.split("\n").find((l) => l.trim().startsWith("quotes"));
      console.log(`  with PolNeAR's convention for split quotes (for comparison): ${line?.trim()}`);
    }
    // precision per sieve: a prediction is right when it covers > 30% of a gold quote and names its speaker
    const per = new Map<string, { n: number; quote: number; speaker: number }>();
    const kinds = new Map<string, { n: number; quote: number; speaker: number }>();
    docs.forEach((d, k) => {
      const golds = d.quotes.filter((g) => !g.optional && !g.no_source && !(set.args.includes("--speech-only") && g.speech_cue === false));
      const careless = d.quotes.filter((g) => !golds.includes(g));
      for (const p of preds[k]!.quotes) {
        const s = per.get(p.sieve) ?? { n: 0, quote: 0, speaker: 0 };
        const ov = (g: GoldQuote) => Math.max(0, Math.min(g.end, p.end) - Math.max(g.start, p.start)) / (g.end - g.start);
        const g = golds.find((x) => ov(x) > 0.3);
        if (!g && careless.some((x) => ov(x) > 0.3)) continue;
        s.n++;
        if (g) {
          s.quote++;
          const canon = g.speaker_canonical;
          const predName = norm(p.speaker_canonical ?? p.speaker ?? "");
          const ok = canon
            ? [canon, ...(g.aliases ?? [])].some((a) => { const x = norm(a); return !!predName && (x === predName || ` ${x} `.includes(` ${predName} `) || ` ${predName} `.includes(` ${x} `)); })
            : Number.isInteger(g.speaker_start)
              ? p.speaker_start != null && Math.min(g.speaker_end!, p.speaker_end!) > Math.max(g.speaker_start!, p.speaker_start)
              : !p.speaker;
          if (ok) s.speaker++;
        }
        per.set(p.sieve, s);
        const byKind = kinds.get(p.kind) ?? { n: 0, quote: 0, speaker: 0 };
        byKind.n++;
        if (g) byKind.quote++;
        kinds.set(p.kind, byKind);
      }
    });
    console.log(`  precision by kind (approximate): ${[...kinds].map(([k, v]) => `${k} ${(100 * v.quote / v.n).toFixed(1)} (n ${v.n})`).join("   ")}`);
    console.log("  per sieve (approximate matcher; the scorer above is the reference):");
    console.log("    sieve                    n   quote P  attributed P");
    for (const [name, s] of [...per].sort((a, b) => b[1].n - a[1].n)) {
      console.log(`    ${name.padEnd(22)} ${String(s.n).padStart(4)}   ${(100 * s.quote / s.n).toFixed(1).padStart(6)}   ${(100 * s.speaker / s.n).toFixed(1).padStart(6)}`);
    }
  }
  rmSync(tmp, { recursive: true, force: true });
  return 0;
}

/** Joins a direct quote to the next one in its paragraph when that one only continues its speaker. */
function joinSplitQuotes(text: string, quotes: QuoteRecord[]): QuoteRecord[] {
  const out: QuoteRecord[] = [];
  for (const q of quotes) {
    const prev = out[out.length - 1];
    if (prev && prev.kind === "direct" && q.kind === "direct" && q.sieve === "same-paragraph" && !text.slice(prev.end, q.start).includes("\n") && q.start - prev.end < 300) {
      out[out.length - 1] = { ...prev, end: q.end, text: text.slice(prev.start, q.end) };
      continue;
    }
    out.push(q);
  }
  return out;
}

process.exitCode = main();
