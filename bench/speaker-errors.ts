// Speaker error analysis for train files only (never a dev file: its text must not shape rules).
//   node dist/bench/speaker-errors.js ../shared/eval/speakers_train.jsonl [--show N] [--cat NAME] [--half A|B]
// For every gold quote matched by a prediction (overlap > 0.3, speech only) whose speaker is wrong by
// the scorer's normalisation, prints gold canonical vs predicted mention/canonical, bucketed by what
// the predicted mention was (pronoun, description, name, none) and whether its span overlapped gold.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { extract } from "../src/nlp/pipeline";
import { matchQuotes, nameMatch, type GoldDoc } from "./speaker-match";

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith("--") && !["--show", "--cat", "--half"].includes(args[i - 1]!));
if (!file || /dev/.test(file)) { console.error("usage: speaker-errors TRAIN.jsonl [--show N] [--cat NAME] (train files only)"); process.exit(2); }
const show = args.includes("--show") ? Number(args[args.indexOf("--show") + 1]) : 0;
const only = args.includes("--cat") ? args[args.indexOf("--cat") + 1] : null;
// --half A|B: one half of the file by the article id's hash, so that a rule written from the errors
// of one half can be checked on the other
const half = args.includes("--half") ? args[args.indexOf("--half") + 1] : null;
const inHalf = (id: string) => !half || ((createHash("sha1").update(id).digest()[0]! & 1) ? "B" : "A") === half;
const docs = readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldDoc).filter((d) => inHalf(d.id));
const cats = new Map<string, string[]>();
let matched = 0, right = 0;
for (const d of docs) {
  for (const { gold: g, pred: p } of matchQuotes(d, extract(d.text).quotes)) {
    matched++;
    if (nameMatch(p.speaker_canonical || p.speaker, g.speaker_canonical!, g.aliases)) { right++; continue; }
    const ov = g.speaker_start != null && p.speaker_start != null && Math.min(g.speaker_end!, p.speaker_end!) > Math.max(g.speaker_start, p.speaker_start);
    const sp = (p.speaker ?? "").toLowerCase();
    const goldMention = g.speaker_start != null ? d.text.slice(g.speaker_start, g.speaker_end!) : "";
    const gm = goldMention.toLowerCase();
    const kind = !p.speaker ? "none" : /^(he|she|they|it|i|we|who|you)$/.test(sp) ? "pronoun" : /^(the|a|an|his|her|their|its)\s/.test(sp) || !/\p{Lu}/u.test(p.speaker) ? "description" : "name";
    const gk = /^(he|she|they|it|i|we|who|his|her|their|its)$/.test(gm) ? "pron" : /^(the|a|an|his|her|their|its)\s/.test(gm) || !/\p{Lu}/u.test(goldMention) ? "desc" : "name";
    const cat = `${kind}/${ov ? "span-ok" : "span-wrong"}/gold-${gk}`;
    const list = cats.get(cat) ?? [];
    const ctx = d.text.slice(Math.max(0, Math.min(g.start, p.speaker_start ?? g.start) - 60), Math.min(d.text.length, g.end + 40)).replace(/\s+/g, " ");
    list.push(`${d.id}: gold ${JSON.stringify(g.speaker_canonical)} [mention ${JSON.stringify(goldMention)}] pred ${JSON.stringify(p.speaker)} → ${JSON.stringify(p.speaker_canonical)} (${p.sieve})\n      ${ctx.slice(0, 260)}`);
    cats.set(cat, list);
  }
}
console.log(`matched ${matched}, speaker right ${right} (${(100 * right / matched).toFixed(1)}), wrong ${matched - right}`);
for (const [c, l] of [...cats].sort((a, b) => b[1].length - a[1].length)) {
  console.log(`${String(l.length).padStart(4)}  ${c}`);
  if (show && (!only || c.includes(only))) for (const x of l.slice(0, show)) console.log("    " + x);
}
