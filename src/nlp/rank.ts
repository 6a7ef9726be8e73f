// A learned ranking of the entities a "he" or "she" may stand for (decision 018). Coref.pick gathers
// the candidates (the nearest mention of each entity that agrees with the pronoun, within its window)
// and describes each one by what our own code can see: sentence and paragraph distance, subject
// position, who spoke last, who the narrative introduced since, gender agreement, salience so far.
// A conditional logit (one weight per feature, trained by `npm run train` on speakers_train, shipped
// as src/nlp/model/pronoun-ranker.json: feature names and weights, nothing else) scores them; the
// best score wins. Agreement stays a hard constraint: a candidate whose gender is known for sure to
// differ never reaches the ranker. Pure: same candidates, same answer.
import shipped from "./model/pronoun-ranker.json";

/** What Coref.pick knows about one candidate entity, at its nearest mention before the pronoun. */
export interface Candidate {
  /** sentences between the candidate's nearest mention and the pronoun (0: same sentence) */
  sentDist: number;
  /** paragraphs between them */
  paraDist: number;
  /** characters between them */
  charDist: number;
  /** 0 for the nearest agreeing entity, 1 for the next, … */
  rank: number;
  /** the first agreeing mention of its sentence */
  firstAgreeing: boolean;
  /** the first mention of any entity in its sentence: its subject, as near as we tell without a parse */
  subject: boolean;
  /** the first mention of any entity in its paragraph */
  paragraphFirst: boolean;
  /** the nearest mention is a resolved speaker */
  speaker: boolean;
  /** the entity of the nearest agreeing speaker mention before the pronoun */
  lastSpeaker: boolean;
  /** the entity of the nearest speaker mention of any kind */
  lastSpeakerAny: boolean;
  /** spoke somewhere in the window before the pronoun */
  spokeBefore: boolean;
  /** first named in the window after the last speaker mention and not a speaker since: new in the narrative */
  newInNarrative: boolean;
  /** "sure": a title or role word agrees; "guess": a first-name list agrees; "clash": the list says the other gender; "unknown" */
  gender: "sure" | "guess" | "clash" | "unknown";
  /** mentions of the entity in the window before the pronoun */
  mentions: number;
  /** mentions of the entity in the whole article (the cluster's count) */
  articleMentions: number;
  /** the entity carries a title or role ("Councillor", "ferry captain") */
  hasRole: boolean;
  /** the entity is the named speaker of some statement of the article */
  spokeAnywhere: boolean;
  /** named inside the statement the pronoun introduces ("“Ruiz is wrong,” he said"): its topic, rarely its speaker */
  namedInside?: boolean;
}

/** What is known about the pronoun itself (the same for every candidate; counts only in interactions). */
export interface PronounSite {
  /** the pronoun follows a closing quote mark ("…,” he said) */
  afterQuote: boolean;
  /** the pronoun's sentence opens its paragraph */
  paragraphStart: boolean;
}

/** The feature names, in the order of the vector; a model names the ones it weighs. */
export const FEATURES = [
  "sent0", "sent1", "sentDist", "para0", "paraDist", "logChars", "nearest", "rank",
  "firstAgreeing", "subject", "paragraphFirst", "speaker", "lastSpeaker", "lastSpeakerAny", "spokeBefore",
  "newInNarrative", "genderSure", "genderGuess", "genderClash", "genderUnknown",
  "logMentions", "logArticleMentions", "hasRole", "spokeAnywhere",
  "afterQuote*lastSpeaker", "afterQuote*sent0", "afterQuote*newInNarrative",
  "paragraphStart*newInNarrative", "paragraphStart*para0", "paragraphStart*lastSpeaker",
  "hand", "namedInside",
] as const;
export type FeatureName = (typeof FEATURES)[number];

/** What the hand-set score reads of a candidate. */
export type HandInputs = Pick<Candidate, "sentDist" | "paraDist" | "firstAgreeing" | "gender" | "speaker" | "articleMentions" | "namedInside">;

/** What naming someone inside the statement costs them as its speaker (people do name themselves: a penalty, not a rule). */
const NAMED_INSIDE = 1.0;

/** The hand-set linear score of Coref.pick (decision 012): its own choice for every other pick, and one feature here. */
export function handScore(c: HandInputs): number {
  let s = -1.0 * c.sentDist - 0.5 * c.paraDist;
  if (c.firstAgreeing) s += 0.6;
  if (c.gender === "sure") s += 0.8;
  else if (c.gender === "guess") s += 0.4;
  else if (c.gender === "clash") s -= 0.9;
  if (c.speaker) s += 0.4;
  s += 0.05 * Math.min(c.articleMentions, 10);
  if (c.namedInside) s -= NAMED_INSIDE;
  return s;
}

const b = (x: boolean) => (x ? 1 : 0);

/** The feature vector of a candidate at a pronoun, in FEATURES order; every value bounded (about 0..3). */
export function features(c: Candidate, site: PronounSite): number[] {
  const sd = Math.min(Math.max(c.sentDist, 0), 8);
  const pd = Math.min(Math.max(c.paraDist, 0), 8);
  return [
    b(sd === 0), b(sd === 1), sd / 8, b(pd === 0), pd / 8, Math.log1p(Math.min(Math.max(c.charDist, 0), 20000)) / 8, b(c.rank === 0), Math.min(c.rank, 8) / 8,
    b(c.firstAgreeing), b(c.subject), b(c.paragraphFirst), b(c.speaker), b(c.lastSpeaker), b(c.lastSpeakerAny), b(c.spokeBefore),
    b(c.newInNarrative), b(c.gender === "sure"), b(c.gender === "guess"), b(c.gender === "clash"), b(c.gender === "unknown"),
    Math.log1p(Math.min(c.mentions, 60)) / 4, Math.log1p(Math.min(c.articleMentions, 200)) / 4, b(c.hasRole), b(c.spokeAnywhere),
    b(site.afterQuote && c.lastSpeaker), b(site.afterQuote && sd === 0), b(site.afterQuote && c.newInNarrative),
    b(site.paragraphStart && c.newInNarrative), b(site.paragraphStart && pd === 0), b(site.paragraphStart && c.lastSpeaker),
    Math.max(-10, Math.min(3, handScore(c))) / 4, b(!!c.namedInside),
  ];
}

/** A shipped or trained model: the names of the features it weighs and one weight each. */
export interface RankModel {
  kind: "pronoun-ranker";
  features: string[];
  weights: number[];
}

interface Compiled { index: number[]; weights: number[] }

/** Checks a model's shape and maps its names onto FEATURES; throws on a malformed or unknown one. */
export function compile(m: RankModel): Compiled {
  if (!m || m.kind !== "pronoun-ranker" || !Array.isArray(m.features) || !Array.isArray(m.weights) || m.features.length !== m.weights.length) throw new Error("pronoun ranker: malformed model");
  const index = m.features.map((n) => {
    const i = (FEATURES as readonly string[]).indexOf(n);
    if (i < 0) throw new Error(`pronoun ranker: unknown feature ${JSON.stringify(n)}`);
    return i;
  });
  if (!m.weights.every((w) => typeof w === "number" && Number.isFinite(w))) throw new Error("pronoun ranker: a weight is not a finite number");
  return { index, weights: m.weights.slice() };
}

/** A candidate's score under a compiled model. */
function scoreWith(c: Compiled, f: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < c.index.length; k++) s += c.weights[k]! * f[c.index[k]!]!;
  return s;
}

/** The model in use: the shipped one, or null for the hand-set score alone (set by training and tests). */
let active: Compiled | null = shipped && (shipped as RankModel).weights?.length ? compile(shipped as RankModel) : null;

/** How a candidate's known gender fits the pronoun's (none: "unknown"). */
export function genderFit(want: "m" | "f" | null, has: "m" | "f" | null | undefined, sure: boolean): Candidate["gender"] {
  if (!want || !has) return "unknown";
  return has === want ? (sure ? "sure" : "guess") : "clash";
}

/** Sets the model Coref.pick uses (null: the hand-set score); returns the one it replaces, to restore. */
export function useRanker(m: RankModel | null): Compiled | null {
  const old = active;
  active = m ? compile(m) : null;
  return old;
}
/** Restores what useRanker returned. */
export function restoreRanker(c: Compiled | null): void {
  active = c;
}

/** One pronoun's candidates as pick saw them: for `npm run train`, which labels them from the gold. */
export interface TraceEntry {
  at: number;
  pronoun: string;
  site: PronounSite;
  /** a named speaker read as a pronoun (training data without gold): the index of its own entity among the candidates, -1 when absent */
  pseudo?: number;
  candidates: { canonical: string; aliases: string[]; features: number[] }[];
}
let trace: ((t: TraceEntry) => void) | null = null;
/** Sets (or clears, with null) the hook pick reports every pronoun's candidates to. */
export function setTrace(fn: ((t: TraceEntry) => void) | null): void {
  trace = fn;
}
export function tracing(): boolean {
  return trace !== null;
}
export function report(t: TraceEntry): void {
  trace?.(t);
}

/**
 * The index of the best candidate: the highest score under the model in use, or under the hand-set
 * score when there is none; ties go to the earlier (nearer) candidate. -1 for no candidates.
 */
export function choose(cands: readonly Candidate[], site: PronounSite): number {
  let best = -1;
  let bestScore = -Infinity;
  // a first name the list gives the other gender rules a candidate out while another is left, unless
  // it is the speaker of the quote the pronoun follows ("Lindsey Graham said, “…” He added": the
  // list errs on such names); in the narrative a clash is not excused ("… told Lolita Ruiz. He
  // denied it" is not Lolita Ruiz, however near)
  const out = (c: Candidate) => c.gender === "clash" && !(c.lastSpeaker && (site.afterQuote || (c.sentDist <= 1 && c.speaker)));
  const someFit = cands.some((c) => !out(c));
  for (let i = 0; i < cands.length; i++) {
    if (someFit && out(cands[i]!)) continue;
    const s = active ? scoreWith(active, features(cands[i]!, site)) : handScore(cands[i]!);
    if (s > bestScore) {
      bestScore = s;
      best = i;
    }
  }
  return best;
}
