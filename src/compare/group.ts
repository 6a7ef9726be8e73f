// Grouping statements that report the same statement, without comparing every pair:
//   1. block by person; inside a block, an inverted index of content words weighted by TF-IDF (IDF
//      from that person's statements) proposes each statement's best few candidates;
//   2. across people, winnowed word fingerprints propose statements that repeat each other's words;
//   3. each candidate pair is decided on its own (src/compare/pair.ts); accepted pairs are joined
//      (union-find) into groups;
//   4. each group gets a reference version, every version's relation to it, and one label.
// Frequent index keys are skipped (capped postings), so the work per statement is bounded and the
// whole stays near-linear in the number of statements.
import type { QuoteKind } from "../nlp/types";
import { fingerprints } from "./fingerprint";
import { HONORIFICS } from "./lexicon";
import { compareVersions, decide, THRESHOLDS, type Relation, type Thresholds } from "./pair";
import { prepare, type Prepared } from "./text";

/** Bumped whenever grouping may change, so stored groups are recomputed. */
export const COMPARE_VERSION = "1";

export const GROUP_LABELS = [
  "conflicting attribution",
  "altered wording",
  "paraphrase",
  "trimmed",
  "identical",
  "one source only",
] as const;
export type GroupLabel = (typeof GROUP_LABELS)[number];

export const LIMITS = {
  /** content words shared by more than this many of one person's statements propose no candidates */
  contentPostingCap: 60,
  /** fingerprints shared by more than this many statements (boilerplate) propose no candidates */
  fingerprintPostingCap: 40,
  /** candidates kept per statement, best first */
  candidatesPerStatement: 12,
  /** a candidate must cover this weighted share of the smaller statement's content words */
  minCandidateScore: 0.25,
  /** IDF smoothing: a block is treated as if it held this many more statements … */
  idfPseudoCount: 10,
  /** … in which any word appears with this probability */
  idfPrior: 0.05,
} as const;

export interface StatementInput {
  id: number;
  source_id: number;
  /** the person the source attributes it to */
  person_id: number;
  /** that person's name key, to tell a relay from a rival speaker */
  person_key: string;
  /** that person's name as shown ("the spokesman" is a description, not a name) */
  person_name: string;
  /** the key of the relay it came through ("according to TASS"), or null */
  via_key: string | null;
  kind: QuoteKind;
  text: string;
}

export interface MemberResult {
  id: number;
  /** how this version differs from the group's reference ("reference" for the reference itself) */
  relation: Relation | "reference";
  /** attributed to a speaker who cannot be the reference's (see compatibleSpeakers) */
  other_speaker: boolean;
  negation_changed: boolean;
  number_changed: boolean;
}

export interface GroupResult {
  /** quote id of the reference version: the longest direct quotation, else the longest version */
  reference: number;
  label: GroupLabel;
  negation_changed: boolean;
  number_changed: boolean;
  source_count: number;
  person_count: number;
  members: MemberResult[];
}

export interface GroupStats {
  statements: number;
  blocks: number;
  largest_block: number;
  /** distinct pairs the decision looked at */
  pairs_compared: number;
  /** n(n-1)/2: what comparing every pair would cost */
  all_pairs: number;
  edges: number;
  groups: number;
  multi_source_groups: number;
}

interface Item extends StatementInput {
  p: Prepared;
  fps: number[];
}

/** Union-find with path halving and union by size. */
class Sets {
  private parent: Int32Array;
  private size: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n).map((_, i) => i);
    this.size = new Int32Array(n).fill(1);
  }
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]!]!;
      x = p[x]!;
    }
    return x;
  }
  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
    return true;
  }
}

/**
 * Keeps the `k` best-scored candidates per statement (ties to the smaller index). Callers use the set,
 * not its order, so when no more than `k` pass `min` they are returned as they come, unsorted (perf).
 */
export function topK(scores: Map<number, number>, k: number, min: number): number[] {
  const passing: [number, number][] = [];
  for (const e of scores) if (e[1] >= min) passing.push(e);
  if (passing.length <= k) return passing.map(([j]) => j);
  return passing
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, k)
    .map(([j]) => j);
}

/**
 * The scores of one statement's candidates by candidate index, kept in typed arrays instead of a Map
 * (the candidate loops' Map reads and writes were most of their cost): `order` lists the candidates in
 * the order they were first scored, which is the order the Map iterated them in, so topK gives the same
 * answer in the same order. Sized once per call for every index it can be given; `reset` clears only
 * the entries the last statement used.
 */
export class Scores {
  readonly score: Float64Array;
  readonly order: Int32Array;
  count = 0;
  private readonly used: Uint8Array;
  constructor(n: number) {
    this.score = new Float64Array(n);
    this.order = new Int32Array(n);
    this.used = new Uint8Array(n);
  }
  /** score[j] += by, as (map.get(j) ?? 0) + by: the first addition to a fresh entry starts from 0 */
  add(j: number, by: number): void {
    if (this.used[j] === 0) {
      this.used[j] = 1;
      this.order[this.count++] = j;
      this.score[j] = 0;
    }
    this.score[j] += by;
  }
  reset(): void {
    for (let k = 0; k < this.count; k++) this.used[this.order[k]!] = 0;
    this.count = 0;
  }
  /** topK over these entries, as topK over the Map holding them in the same order. */
  top(k: number, min: number): number[] {
    const passing: [number, number][] = [];
    for (let x = 0; x < this.count; x++) {
      const j = this.order[x]!;
      const v = this.score[j]!;
      if (v >= min) passing.push([j, v]);
    }
    if (passing.length <= k) return passing.map(([j]) => j);
    return passing
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, k)
      .map(([j]) => j);
  }
}

/** IDF weights of one person's statements, smoothed so a block of two does not treat every shared word as common. */
export function blockWeights(contents: readonly (readonly string[])[]): (stem: string) => number {
  const df = new Map<string, number>();
  for (const c of contents) for (const t of new Set(c)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = contents.length + LIMITS.idfPseudoCount;
  return (t) => Math.log(n / ((df.get(t) ?? 0) + LIMITS.idfPseudoCount * LIMITS.idfPrior));
}

/**
 * Candidate pairs inside one person's block: the best few per statement on weighted content overlap.
 * `add` is told the pair by the statements' indices in `at` (their places in the whole input).
 */
function blockCandidates(block: Item[], at: readonly number[], weight: (t: string) => number, add: (i: number, j: number) => void): void {
  const postings = new Map<string, number[]>();
  const distinct = block.map((it) => [...new Set(it.p.content)]);
  distinct.forEach((terms, i) => {
    for (const t of terms) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push(i);
    }
  });
  // each term's squared weight, computed once per block (the same values as computing it per use)
  const squared = new Map<string, number>();
  for (const t of postings.keys()) squared.set(t, weight(t) ** 2);
  const mass = distinct.map((terms) => terms.reduce((s, t) => s + squared.get(t)!, 0));
  // one table for every statement, emptied before each (the same entries in the same order as a new Map: perf)
  const shared = new Scores(block.length);
  for (let i = 0; i < block.length; i++) {
    shared.reset();
    for (const t of distinct[i]!) {
      const list = postings.get(t)!;
      if (list.length > LIMITS.contentPostingCap) continue;
      const w2 = squared.get(t)!;
      for (const j of list) if (j !== i) shared.add(j, w2);
    }
    for (let x = 0; x < shared.count; x++) {
      const j = shared.order[x]!;
      shared.score[j] = shared.score[j]! / Math.min(mass[i]!, mass[j]!);
    }
    for (const j of shared.top(LIMITS.candidatesPerStatement, LIMITS.minCandidateScore)) add(at[i]!, at[j]!);
  }
}

/** Candidate pairs across the corpus: statements sharing winnowed fingerprints, most shared first. */
function fingerprintCandidates(fpsOf: readonly (readonly number[])[], add: (i: number, j: number) => void, count?: (fp: number) => number): void {
  const postings = new Map<number, number[]>();
  fpsOf.forEach((fps, i) => {
    for (const f of fps) {
      let list = postings.get(f);
      if (!list) postings.set(f, (list = []));
      list.push(i);
    }
  });
  const shared = new Scores(fpsOf.length);
  for (let i = 0; i < fpsOf.length; i++) {
    shared.reset();
    for (const f of fpsOf[i]!) {
      const list = postings.get(f)!;
      if ((count ? Math.max(count(f), list.length) : list.length) > LIMITS.fingerprintPostingCap) continue;
      for (const j of list) if (j !== i) shared.add(j, 1);
    }
    for (const j of shared.top(LIMITS.candidatesPerStatement, 1)) add(i, j);
  }
}

/** Whether one of the two is the relay the other's words came through (an agency quoting a leader is no rival claim). */
function relayed(a: StatementInput, b: StatementInput): boolean {
  return (a.via_key !== null && a.via_key === b.person_key) || (b.via_key !== null && b.via_key === a.person_key);
}

function nameWords(key: string): string[] {
  return key.split(" ").filter((w) => w && !HONORIFICS.has(w));
}

/**
 * Whether two attributions can be to the same speaker, so that giving them the same words is no
 * conflict: the same person; one the relay of the other; one a description rather than a name
 * ("the mayor"); or one name's words all within the other's ("Mr Lind" and "Ana Lind"). Exact words
 * only: no string-distance score ever decides.
 */
export function compatibleSpeakers(a: StatementInput, b: StatementInput): boolean {
  if (a.person_id === b.person_id || relayed(a, b)) return true;
  if (!/\p{Lu}/u.test(a.person_name) || !/\p{Lu}/u.test(b.person_name)) return true;
  const wa = nameWords(a.person_key);
  const wb = nameWords(b.person_key);
  if (!wa.length || !wb.length) return true;
  const [small, big] = wa.length <= wb.length ? [wa, new Set(wb)] : [wb, new Set(wa)];
  return small.every((w) => big.has(w));
}

const KIND_ORDER: Record<QuoteKind, number> = { direct: 0, mixed: 1, indirect: 2 };

/** The version others are compared with: a direct quotation before reported speech, then the longest, then the earliest. */
function byReference(a: Item, b: Item): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.p.words.length - a.p.words.length || a.source_id - b.source_id || a.id - b.id;
}

const RANK: Record<Relation, number> = { identical: 0, trimmed: 1, paraphrase: 2, "altered wording": 3 };
const LABEL_OF: Record<Relation, GroupLabel> = {
  identical: "identical",
  trimmed: "trimmed",
  paraphrase: "paraphrase",
  "altered wording": "altered wording",
};

/** Labels one group: its reference, each version against it, and the group's label. */
export function labelGroup(members: readonly Item[], t: Thresholds = THRESHOLDS): GroupResult {
  const sorted = [...members].sort(byReference);
  const ref = sorted[0]!;
  const results: MemberResult[] = [];
  let worst: Relation | null = null;
  let negation = false;
  let number = false;
  let conflict = false;
  const sources = new Set(members.map((m) => m.source_id));
  const people = new Set(members.map((m) => m.person_id));
  for (const m of [...members].sort((a, b) => a.id - b.id)) {
    if (m === ref) {
      results.push({ id: m.id, relation: "reference", other_speaker: false, negation_changed: false, number_changed: false });
      continue;
    }
    const c = compareVersions(ref, m, t);
    const other = !compatibleSpeakers(m, ref);
    results.push({ id: m.id, relation: c.relation, other_speaker: other, negation_changed: c.negation_changed, number_changed: c.number_changed });
    if (m.source_id === ref.source_id) continue; // a source repeating itself is not a difference between sources
    negation ||= c.negation_changed;
    number ||= c.number_changed;
    if (worst === null || RANK[c.relation] > RANK[worst]) worst = c.relation;
  }
  // the same words given to different speakers by different sources (one speaker relaying the other aside)
  for (let i = 0; i < members.length && !conflict; i++) {
    for (let j = i + 1; j < members.length && !conflict; j++) {
      const a = members[i]!;
      const b = members[j]!;
      conflict = a.source_id !== b.source_id && !compatibleSpeakers(a, b);
    }
  }
  const label: GroupLabel =
    sources.size < 2 ? "one source only" : conflict ? "conflicting attribution" : LABEL_OF[worst ?? "identical"];
  return {
    reference: ref.id,
    label,
    negation_changed: negation,
    number_changed: number,
    source_count: sources.size,
    person_count: people.size,
    members: results,
  };
}

/** A statement's text prepared for comparison, and its fingerprints: a pure function of the text. */
export interface PreparedText {
  p: Prepared;
  fps: number[];
}

export function prepareText(text: string): PreparedText {
  const p = prepare(text);
  return { p, fps: fingerprints(p.words) };
}

/** Prepares statements for grouping (exposed so callers can reuse fingerprints); `cached` may supply prepareText's answer. */
export function prepareStatement(s: StatementInput, cached?: (s: StatementInput) => PreparedText): Item {
  const { p, fps } = cached ? cached(s) : prepareText(s.text);
  return { ...s, p, fps };
}

/** Prepared statements groupStatements holds besides the block it is reading (see there). */
export const PREPARED_HELD = 100_000;

export interface GroupOptions {
  thresholds?: Thresholds;
  /**
   * How many statements of the whole corpus hold a fingerprint, when `input` is only part of it (an
   * incremental regroup), so that boilerplate is skipped exactly as in a full run.
   */
  fingerprintCount?: (fp: number) => number;
  /** told each statement's fingerprints (to store them) */
  onFingerprints?: (id: number, fps: readonly number[]) => void;
  /**
   * A person's word weights computed from all their statements, when `input` holds only some of them
   * (an incremental regroup), so that their pairs are decided as in a full run.
   */
  weightsOf?: (person: number) => ((stem: string) => number) | undefined;
  /** prepareText of a statement, from a cache (the answer must be prepareText(s.text)'s) */
  prepared?: (s: StatementInput) => PreparedText;
  /** prepared statements held besides the block being read (default PREPARED_HELD; changes no result) */
  held?: number;
}

/**
 * Groups statements that report the same statement. Deterministic: the same input in any order gives
 * the same groups, each with its members by id, groups ordered by their smallest id.
 */
export function groupStatements(input: readonly StatementInput[], options: GroupOptions = {}): { groups: GroupResult[]; stats: GroupStats } {
  const t = options.thresholds ?? THRESHOLDS;
  const sorted = [...input].sort((a, b) => a.id - b.id);
  const n = sorted.length;
  // Each statement is prepared (words, stems, tokens: ~2.5 KB of heap) when its person's block is read
  // and held only while it may be needed soon (at most PREPARED_HELD besides the block being read), then
  // prepared again if a later pair or group needs it: the whole corpus's prepared texts are never held
  // at once (1.46 million statements at 222,500 articles took more than node's default heap; decision
  // 041). Every answer is prepareStatement's, so which are held changes no decision.
  const bound = options.held ?? PREPARED_HELD;
  const held: (Item | undefined)[] = new Array(n);
  const heldOrder: number[] = [];
  let heldHead = 0;
  const item = (i: number): Item => {
    let it = held[i];
    if (!it) {
      it = prepareStatement(sorted[i]!, options.prepared);
      held[i] = it;
      heldOrder.push(i);
      if (heldOrder.length - heldHead > bound) held[heldOrder[heldHead++]!] = undefined;
      if (heldHead > 1024 && heldHead > heldOrder.length / 2) heldOrder.splice(0, heldHead), (heldHead = 0);
    }
    return it;
  };
  const fpsOf: (readonly number[])[] = new Array(n);
  // pairs already decided, by their smaller index (small-integer keys: i * n + j overflows them)
  const seen: (Set<number> | undefined)[] = new Array(n);
  const sets = new Sets(n);
  let compared = 0;
  let edges = 0;
  const flat = (): number => 1;

  // each block's statements by their index in `sorted`
  const blockAt = new Map<number, number[]>();
  sorted.forEach((s, i) => {
    let at = blockAt.get(s.person_id);
    if (!at) blockAt.set(s.person_id, (at = []));
    at.push(i);
  });
  const weights = new Map<number, (stem: string) => number>();

  const consider = (x: number, y: number): void => {
    const i = x < y ? x : y;
    const j = x < y ? y : x;
    let done = seen[i];
    if (!done) seen[i] = done = new Set<number>();
    if (done.has(j)) return;
    done.add(j);
    compared++;
    const a = item(i);
    const b = item(j);
    // a pair of one person is weighed with that person's IDF; pairs of two people match on words only
    const w = a.person_id === b.person_id ? weights.get(a.person_id)! : flat;
    if (decide(a, b, w, t) !== null) {
      edges++;
      sets.union(i, j);
    }
  };
  let largest = 0;
  for (const [person, at] of blockAt) {
    largest = Math.max(largest, at.length);
    const block = at.map(item);
    for (let k = 0; k < at.length; k++) fpsOf[at[k]!] = block[k]!.fps;
    const w = options.weightsOf?.(person) ?? blockWeights(block.map((it) => it.p.content));
    weights.set(person, w);
    blockCandidates(block, at, w, consider);
  }
  if (options.onFingerprints) for (let i = 0; i < n; i++) options.onFingerprints(sorted[i]!.id, fpsOf[i]!);
  fingerprintCandidates(fpsOf, consider, options.fingerprintCount);

  const components = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = sets.find(i);
    let c = components.get(r);
    if (!c) components.set(r, (c = []));
    c.push(i);
  }
  // a group of one statement is labelled without its prepared text (labelGroup reads none of one member's)
  const groups = [...components.values()]
    .map((members) => labelGroup(members.length === 1 ? [{ ...sorted[members[0]!]!, fps: fpsOf[members[0]!]! } as Item] : members.map(item), t))
    .sort((a, b) => a.members[0]!.id - b.members[0]!.id);
  return {
    groups,
    stats: {
      statements: n,
      blocks: blockAt.size,
      largest_block: largest,
      pairs_compared: compared,
      all_pairs: (n * (n - 1)) / 2,
      edges,
      groups: groups.length,
      multi_source_groups: groups.filter((g) => g.source_count > 1).length,
    },
  };
}
