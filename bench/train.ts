// Trains the pronoun ranker (src/nlp/rank.ts, decision 018) on speakers_train and chooses it by
// held-out measurement. `npm run train [-- FILE] [--folds K] [--dry]`
//   1. Every "he"/"she" speaker mention's candidates, as Coref.pick sees them with the hand-set score,
//      labelled by the gold canonical speaker (the scorer's normalisation): a candidate is right when
//      its canonical name matches.
//   2. K-fold cross-validation by article (folds by the article id's SHA-1, so stable): for each
//      setting (feature set × L2 strength), train on K-1 folds, extract the held-out fold with that
//      model, score its speakers; the hand-set score is measured on the same folds.
//   3. The setting with the best mean held-out speaker right is trained on every article and written
//      (feature names and weights only; unless --dry) to src/nlp/model/pronoun-ranker.trained.json,
//      or with --ship to src/nlp/model/pronoun-ranker.json, the model extraction uses, and only when
//      it beats the hand-set score held out; otherwise the file is written empty (hand-set score).
//   --pseudo W adds training groups without gold from polnear_train.jsonl (named speakers read as
//   pronouns), weighing W times the real ones; --keep-best writes the best setting even if it loses.
// Deterministic: no random numbers, full-batch gradient descent from zero weights, fixed iterations,
// articles in file order, weights rounded to 6 decimals.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { extract } from "../src/nlp/pipeline";
import { FEATURES, restoreRanker, setTrace, useRanker, type RankModel, type TraceEntry } from "../src/nlp/rank";
import { goldPronoun, matchQuotes, nameMatch, type GoldDoc } from "./speaker-match";

interface Group { doc: number; features: number[][]; positive: boolean[]; weight: number; id?: string }

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--folds" && args[i - 1] !== "--pseudo") ?? join(__dirname, "..", "..", "..", "shared", "eval", "speakers_train.jsonl");
if (/dev/.test(file)) {
  console.error("train: train files only (a dev file measures, it never trains)");
  process.exit(2);
}
const K = args.includes("--folds") ? Math.max(2, Math.min(20, Number(args[args.indexOf("--folds") + 1]) || 5)) : 5;
const dry = args.includes("--dry");
// --keep-best: write the best ranker even where it does not beat the hand-set score held out (to
// measure it elsewhere; the shipped file is written without it)
const keepBest = args.includes("--keep-best");
const docs = readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldDoc);

// folds: articles ordered by the hash of their id, dealt round-robin
const order = docs.map((d, i) => ({ i, h: createHash("sha1").update(d.id).digest("hex") })).sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0));
const foldOf = new Array<number>(docs.length);
order.forEach((o, k) => (foldOf[o.i] = k % K));

const PRONOUNS = /^(he|she)$/i;

/** The labelled candidate groups of one article, read with the hand-set score. */
function groupsOf(di: number): { groups: Group[]; cases: number; covered: number } {
  const d = docs[di]!;
  const traces = new Map<number, TraceEntry>();
  setTrace((t) => traces.set(t.at, t));
  const saved = useRanker(null);
  let preds;
  try {
    preds = extract(d.text).quotes;
  } finally {
    setTrace(null);
    restoreRanker(saved);
  }
  const groups: Group[] = [];
  let cases = 0;
  let covered = 0;
  for (const { gold, pred } of matchQuotes(d, preds)) {
    if (!pred.speaker || !PRONOUNS.test(pred.speaker) || pred.speaker_start == null) continue;
    const t = traces.get(pred.speaker_start);
    if (!t || !t.candidates.length) continue;
    cases++;
    const positive = t.candidates.map((c) => nameMatch(c.canonical, gold.speaker_canonical!, gold.aliases));
    if (!positive.some(Boolean)) continue; // the right person is not among the candidates: nothing to learn
    covered++;
    if (positive.every(Boolean)) continue; // every candidate is right: nothing to tell apart
    groups.push({ doc: di, features: t.candidates.map((c) => c.features), positive, weight: 1 });
  }
  return { groups, cases, covered };
}

/**
 * Groups without gold: every named speaker of known gender in the PolNeAR train articles read as if
 * it were "he" or "she" (Coref.addSpeaker reports them while tracing), the name's own entity the right
 * candidate. Only where that entity was named before in the window and another candidate competes.
 */
function pseudoGroups(path: string): Group[] {
  let lines: string[];
  try {
    lines = readFileSync(path, "utf8").split("\n").filter((l) => l.trim());
  } catch {
    console.log(`no ${path}: no pseudo-pronoun groups`);
    return [];
  }
  const out: Group[] = [];
  const saved = useRanker(null);
  try {
    for (const l of lines) {
      const d = JSON.parse(l) as { id: string; text: string };
      setTrace((t) => {
        if (t.pseudo === undefined || t.pseudo < 0 || t.candidates.length < 2) return;
        out.push({ doc: -1, id: d.id, features: t.candidates.map((c) => c.features), positive: t.candidates.map((_, i) => i === t.pseudo), weight: 1 });
      });
      extract(d.text);
    }
  } finally {
    setTrace(null);
    restoreRanker(saved);
  }
  return out;
}

/** Conditional logit over each group's candidates, L2-regularised, full-batch gradient descent. */
function train(groups: readonly Group[], use: readonly number[], lambda: number, prior: readonly number[], iterations = 1500, rate = 0.5): number[] {
  const w = prior.slice();
  const n = Math.max(1e-9, groups.reduce((a, g) => a + g.weight, 0));
  for (let it = 0; it < iterations; it++) {
    const grad = w.map((x, k) => lambda * (x - prior[k]!));
    for (const g of groups) {
      const s = g.features.map((f) => use.reduce((a, fi, k) => a + w[k]! * f[fi]!, 0));
      const m = Math.max(...s);
      const e = s.map((x) => Math.exp(x - m));
      const z = e.reduce((a, x) => a + x, 0);
      const zp = e.reduce((a, x, i) => a + (g.positive[i] ? x : 0), 0);
      // d(-log P(positive))/dw = E_all[f] - E_positive[f]
      g.features.forEach((f, i) => {
        const coef = g.weight * (e[i]! / z - (g.positive[i] ? e[i]! / zp : 0));
        if (coef === 0) return;
        for (let k = 0; k < use.length; k++) grad[k]! += (coef * f[use[k]!]!) / n;
      });
    }
    for (let k = 0; k < w.length; k++) w[k]! -= rate * grad[k]!;
  }
  return w.map((x) => Math.round(x * 1e6) / 1e6);
}

interface Score { matched: number; right: number; pronMatched: number; pronRight: number }
const zero = (): Score => ({ matched: 0, right: 0, pronMatched: 0, pronRight: 0 });

/** Speaker right on the given articles, extracted with `model` (null: the hand-set score). */
function evaluate(dis: readonly number[], model: RankModel | null): Score {
  const saved = useRanker(model);
  const s = zero();
  try {
    for (const di of dis) {
      const d = docs[di]!;
      for (const { gold, pred } of matchQuotes(d, extract(d.text).quotes)) {
        const ok = nameMatch(pred.speaker_canonical || pred.speaker, gold.speaker_canonical!, gold.aliases);
        s.matched++;
        if (ok) s.right++;
        if (goldPronoun(d, gold)) {
          s.pronMatched++;
          if (ok) s.pronRight++;
        }
      }
    }
  } finally {
    restoreRanker(saved);
  }
  return s;
}

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : "-");
const fmt = (s: Score) => `${pct(s.right, s.matched)} (${s.right}/${s.matched}) pron ${pct(s.pronRight, s.pronMatched)} (${s.pronRight}/${s.pronMatched})`;

const all = docs.map((_, i) => i);
const per = all.map(groupsOf);
const real = per.flatMap((p) => p.groups);
// --pseudo W: add the pseudo-pronoun groups of polnear_train.jsonl (beside FILE), all of them together weighing W times the real ones
const pseudoW = args.includes("--pseudo") ? Math.max(0, Number(args[args.indexOf("--pseudo") + 1]) || 0) : 0;
const pseudo = pseudoW > 0 ? pseudoGroups(join(dirname(file), "polnear_train.jsonl")) : [];
for (const g of pseudo) g.weight = (pseudoW * real.length) / pseudo.length;
const groups = [...real, ...pseudo];
const idFold = new Map(docs.map((d, i) => [d.id, foldOf[i]!]));
/** The fold a group's article is in; a pseudo group of an article outside the file is in none (-1). */
const groupFold = (g: Group) => (g.doc >= 0 ? foldOf[g.doc]! : idFold.get(g.id!) ?? -1);
if (pseudo.length) console.log(`pseudo-pronoun groups ${pseudo.length}, weighing ${pseudoW} × the ${real.length} real ones`);
const cases = per.reduce((a, p) => a + p.cases, 0);
const covered = per.reduce((a, p) => a + p.covered, 0);
console.log(`${docs.length} articles, ${K} folds; he/she speaker cases matched ${cases}, right person among the candidates ${covered} (${pct(covered, cases)}), groups with a choice to learn ${groups.length}`);

const idx = (names: readonly string[]) => names.map((n) => (FEATURES as readonly string[]).indexOf(n));
// each setting: the features it weighs and the weights the L2 term pulls toward (zero, or the
// hand-set score: weight 4 on "hand", which is the hand-set score divided by 4, ranks exactly as it)
interface Setting { use: number[]; prior: number[] }
const towardHand = (use: number[]) => use.map((i) => (FEATURES[i] === "hand" ? 4 : 0));
const full = idx(FEATURES);
const compact = idx(["hand", "subject", "paragraphFirst", "lastSpeaker", "lastSpeakerAny", "newInNarrative", "spokeAnywhere", "hasRole", "afterQuote*lastSpeaker", "paragraphStart*newInNarrative"]);
const SETS: Record<string, Setting> = {
  "features": { use: idx(FEATURES.filter((f) => f !== "hand")), prior: new Array<number>(FEATURES.length - 1).fill(0) },
  "features+hand": { use: full, prior: full.map(() => 0) },
  "features, toward hand-set": { use: full, prior: towardHand(full) },
  "compact, toward hand-set": { use: compact, prior: towardHand(compact) },
};
const LAMBDAS = [1, 0.1, 0.01];

const foldDocs = Array.from({ length: K }, (_, k) => all.filter((i) => foldOf[i] === k));
const hand = foldDocs.map((ds) => evaluate(ds, null));
const sum = (xs: Score[]) => xs.reduce((a, x) => ({ matched: a.matched + x.matched, right: a.right + x.right, pronMatched: a.pronMatched + x.pronMatched, pronRight: a.pronRight + x.pronRight }), zero());
const meanAcc = (xs: Score[], f: (s: Score) => [number, number]) => xs.reduce((a, x) => a + (f(x)[1] ? f(x)[0] / f(x)[1] : 0), 0) / xs.length;
console.log(`hand-set score, per fold: ${hand.map((h) => fmt(h)).join(" | ")}`);
console.log(`hand-set score, pooled ${fmt(sum(hand))}; mean of folds ${(100 * meanAcc(hand, (s) => [s.right, s.matched])).toFixed(1)}, pron ${(100 * meanAcc(hand, (s) => [s.pronRight, s.pronMatched])).toFixed(1)}`);

let best: { name: string; lambda: number; mean: number; pron: number } | null = null;
for (const [name, { use, prior }] of Object.entries(SETS)) {
  for (const lambda of LAMBDAS) {
    const folds = foldDocs.map((ds, k) => {
      const w = train(groups.filter((g) => groupFold(g) !== k), use, lambda, prior);
      return evaluate(ds, { kind: "pronoun-ranker", features: use.map((i) => FEATURES[i]!), weights: w });
    });
    const mean = meanAcc(folds, (s) => [s.right, s.matched]);
    const pron = meanAcc(folds, (s) => [s.pronRight, s.pronMatched]);
    console.log(`ranker ${name} λ=${lambda}, per fold: ${folds.map((f) => fmt(f)).join(" | ")}`);
    console.log(`ranker ${name} λ=${lambda}, pooled ${fmt(sum(folds))}; mean of folds ${(100 * mean).toFixed(1)}, pron ${(100 * pron).toFixed(1)}`);
    if (!best || mean > best.mean + 1e-9 || (Math.abs(mean - best.mean) <= 1e-9 && pron > best.pron)) best = { name, lambda, mean, pron };
  }
}

const handMean = meanAcc(hand, (s) => [s.right, s.matched]);
const handPron = meanAcc(hand, (s) => [s.pronRight, s.pronMatched]);
const wins = !!best && (best.mean > handMean + 1e-9 || (Math.abs(best.mean - handMean) <= 1e-9 && best.pron > handPron));
let model: RankModel = { kind: "pronoun-ranker", features: [], weights: [] };
if (best && (wins || keepBest)) {
  const { use, prior } = SETS[best.name]!;
  model = { kind: "pronoun-ranker", features: use.map((i) => FEATURES[i]!), weights: train(groups, use, best.lambda, prior) };
  console.log(`chosen${wins ? "" : " (--keep-best, not a winner)"}: ${best.name} λ=${best.lambda} (held out ${(100 * best.mean).toFixed(1)} vs hand-set ${(100 * handMean).toFixed(1)}; pron ${(100 * best.pron).toFixed(1)} vs ${(100 * handPron).toFixed(1)})`);
} else {
  console.log(`chosen: the hand-set score (no setting beat it held out: best ${best ? (100 * best.mean).toFixed(1) : "-"} vs ${(100 * handMean).toFixed(1)})`);
}
if (!dry) {
  // the trained model is written beside the shipped one; --ship makes it the one extraction uses
  // (decision 018: it is shipped only where it also raises polnear_dev's speaker right)
  const out = join(__dirname, "..", "..", "src", "nlp", "model", args.includes("--ship") ? "pronoun-ranker.json" : "pronoun-ranker.trained.json");
  writeFileSync(out, JSON.stringify(model, null, 1) + "\n");
  console.log(`wrote ${out}; rebuild (npx tsc -p .) to use it`);
}
