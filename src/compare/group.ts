// Grouping statements that report the same statement, without comparing every pair:
//   1. block by person; inside a block, an inverted index of content words weighted by TF-IDF (IDF
//      from that person's statements) proposes each statement's best few candidates;
//   2. across people, winnowed word fingerprints propose statements that repeat each other's words;
//   3. each candidate pair is decided on its own (src/compare/pair.ts); accepted pairs are joined
//      (union-find) into groups;
//   4. each group gets a reference version, every version's relation to it, and one label.
// Frequent index keys are skipped (capped postings), so the work per statement is bounded and the
// whole stays near-linear in the number of statements.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
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
function topK(scores: Map<number, number>, k: number, min: number): number[] {
  const passing: [number, number][] = [];
  for (const e of scores) if (e[1] >= min) passing.push(e);
  if (passing.length <= k) return passing.map(([j]) => j);
  return passing
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, k)
    .map(([j]) => j);
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
  // one map for every statement, emptied before each (the same entries in the same order as a new one: perf)
  const shared = new Map<number, number>();
  for (let i = 0; i < block.length; i++) {
    shared.clear();
    for (const t of distinct[i]!) {
      const list = postings.get(t)!;
      if (list.length > LIMITS.contentPostingCap) continue;
      const w2 = squared.get(t)!;
      for (const j of list) if (j !== i) shared.set(j, (shared.get(j) ?? 0) + w2);
    }
    for (const [j, s] of shared) shared.set(j, s / Math.min(mass[i]!, mass[j]!));
    for (const j of topK(shared, LIMITS.candidatesPerStatement, LIMITS.minCandidateScore)) add(at[i]!, at[j]!);
  }
}

/** Candidate pairs across the corpus: statements sharing winnowed fingerprints, most shared first. */
function fingerprintCandidates(items: Item[], add: (i: number, j: number) => void, count?: (fp: number) => number, only?: (i: number) => boolean): void {
  const postings = new Map<number, number[]>();
  items.forEach((it, i) => {
    for (const f of it.fps) {
      let list = postings.get(f);
      if (!list) postings.set(f, (list = []));
      list.push(i);
    }
  });
  const shared = new Map<number, number>();
  for (let i = 0; i < items.length; i++) {
    if (only && !only(i)) continue;
    shared.clear();
    for (const f of items[i]!.fps) {
      const list = postings.get(f)!;
      if ((count ? Math.max(count(f), list.length) : list.length) > LIMITS.fingerprintPostingCap) continue;
      for (const j of list) if (j !== i) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    for (const j of topK(shared, LIMITS.candidatesPerStatement, 1)) add(i, j);
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
  /** called once every statement's fingerprints were told, before any pair is decided (a caller may store them meanwhile) */
  onPrepared?: () => void;
  /**
   * worker threads that decide part of the pairs beside this one (default 0). Only for a whole corpus
   * with the default thresholds: ignored with `thresholds`, `fingerprintCount` or `weightsOf`.
   */
  helpers?: number;
  /** the compiled module a helper loads (tests: one that fails); default this file */
  helperModule?: string;
}

/** How a grouping's candidate pairs are split: the part of each person, and the part to decide. */
interface Share {
  partOf: ReadonlyMap<number, number>;
  part: number;
}

/**
 * The part (of `parts`) each person's statements belong to: people by statements, most first (ties
 * to the smaller id), each to the part with the fewest statements so far (ties to the lower part). A
 * pure function of the input, so every thread computes the same split.
 */
function partOfPeople(items: readonly Item[], parts: number): Map<number, number> {
  const size = new Map<number, number>();
  for (const it of items) size.set(it.person_id, (size.get(it.person_id) ?? 0) + 1);
  const people = [...size.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const load = new Array<number>(parts).fill(0);
  const out = new Map<number, number>();
  for (const [person, n] of people) {
    let best = 0;
    for (let k = 1; k < parts; k++) if (load[k]! < load[best]!) best = k;
    load[best]! += n;
    out.set(person, best);
  }
  return out;
}

interface Blocks {
  blocks: Map<number, Item[]>;
  /** each block's statements by their index in the items */
  blockAt: Map<number, number[]>;
  weights: Map<number, (stem: string) => number>;
}

function blocksOf(items: readonly Item[], options: GroupOptions): Blocks {
  const blocks = new Map<number, Item[]>();
  const blockAt = new Map<number, number[]>();
  items.forEach((it, i) => {
    let b = blocks.get(it.person_id);
    if (!b) {
      blocks.set(it.person_id, (b = []));
      blockAt.set(it.person_id, []);
    }
    b.push(it);
    blockAt.get(it.person_id)!.push(i);
  });
  const weights = new Map<number, (stem: string) => number>();
  for (const [person, block] of blocks) {
    weights.set(person, options.weightsOf?.(person) ?? blockWeights(block.map((it) => it.p.content)));
  }
  return { blocks, blockAt, weights };
}

/** The pairs one part decided: counted (pairs of its own people), and those with a statement of another part. */
interface Decided {
  /** distinct pairs decided whose two statements are both of this part's people */
  compared: number;
  /** how many of those were accepted */
  edges: number;
  /** pairs with one statement of another part's person, as (i, j, accepted 0/1) triples, i < j */
  cross: number[];
}

/**
 * Proposes the candidate pairs (inside each person's block, then across the corpus by fingerprints),
 * decides each distinct pair once and tells `accept` the pairs that report the same statement.
 * Given a share, a part decides the pairs its people's statements propose: their blocks, and the
 * fingerprint candidates of their statements. A pair of two people of the same part is proposed only
 * there (all its proposals: its block, either statement's fingerprints), so it is decided and counted
 * once; a pair across two parts may be proposed by both, so it is listed in `cross` and the caller
 * counts it once. Every pair of the whole run is decided by some part, and only those.
 */
function decidePairs(items: readonly Item[], b: Blocks, t: Thresholds, options: GroupOptions, accept: (i: number, j: number) => void, share?: Share): Decided {
  const n = items.length;
  // pairs already decided, by their smaller index (small-integer keys: i * n + j overflows them)
  const seen: (Set<number> | undefined)[] = new Array(n);
  const out: Decided = { compared: 0, edges: 0, cross: [] };
  const flat = (): number => 1;
  const partOf = share?.partOf;
  const mine = (i: number): boolean => partOf!.get(items[i]!.person_id) === share!.part;
  const consider = (x: number, y: number): void => {
    const i = x < y ? x : y;
    const j = x < y ? y : x;
    const a = items[i]!;
    const bb = items[j]!;
    let done = seen[i];
    if (!done) seen[i] = done = new Set<number>();
    if (done.has(j)) return;
    done.add(j);
    // a pair of one person is weighed with that person's IDF; pairs of two people match on words only
    const w = a.person_id === bb.person_id ? b.weights.get(a.person_id)! : flat;
    const same = decide(a, bb, w, t) !== null;
    if (same) accept(i, j);
    if (partOf && !(mine(i) && mine(j))) {
      out.cross.push(i, j, same ? 1 : 0);
    } else {
      out.compared++;
      if (same) out.edges++;
    }
  };
  for (const [person, block] of b.blocks) {
    if (partOf && partOf.get(person) !== share!.part) continue;
    blockCandidates(block, b.blockAt.get(person)!, b.weights.get(person)!, consider);
  }
  fingerprintCandidates(items as Item[], consider, options.fingerprintCount, partOf ? mine : undefined);
  return out;
}

/** One part's answer: its accepted pairs as a flat list of indices (i0, j0, i1, j1, …) into the input sorted by id, and what decidePairs counted. */
export interface PartAnswer {
  part: number;
  edges: Int32Array;
  compared: number;
  accepted: number;
  cross: Int32Array;
}

/** Parts per thread: a thread that runs slow (a busy machine) holds back at most one small part. */
const PARTS_PER_THREAD = 4;

/**
 * What a helper thread is given (worker_threads workerData). `control[0]` is the next part to claim
 * (Atomics.add); `control[1 + p]` is set to 1, and notified, once part p's answer is posted on `port`.
 */
interface HelperData {
  module: string;
  input: readonly StatementInput[];
  parts: number;
  control: Int32Array;
  port: MessagePort;
}

/**
 * A helper thread's work: prepares the statements, then claims parts until none is left, posting each
 * part's answer. The calling thread claims parts from the same counter, so the parts go to whichever
 * thread is free (a helper slowed by a busy machine takes fewer).
 */
export function helpGroup(d: HelperData): void {
  const items = [...d.input].sort((a, b) => a.id - b.id).map((s) => prepareStatement(s));
  const b = blocksOf(items, {});
  const partOf = partOfPeople(items, d.parts);
  for (;;) {
    const part = Atomics.add(d.control, 0, 1);
    if (part >= d.parts) return;
    const edges: number[] = [];
    const r = decidePairs(items, b, THRESHOLDS, {}, (i, j) => edges.push(i, j), { partOf, part });
    const answer: PartAnswer = { part, edges: Int32Array.from(edges), compared: r.compared, accepted: r.edges, cross: Int32Array.from(r.cross) };
    d.port.postMessage(answer, [answer.edges.buffer as ArrayBuffer, answer.cross.buffer as ArrayBuffer]);
    Atomics.store(d.control, 1 + part, 1);
    Atomics.notify(d.control, 1 + part);
  }
}

/**
 * The helper thread's code: loads this module (compiled) and helps; any failure (the module not
 * found, a throw) ends it, and the calling thread decides the parts it did not answer.
 */
const HELPER_CODE = `
const { workerData } = require("node:worker_threads");
try {
  require(workerData.module).helpGroup(workerData);
} catch (e) {
  workerData.port.postMessage({ error: String((e && e.stack) || e) });
}
`;

/** How long the calling thread waits for helpers that claimed every part before it decides them itself. */
const HELPER_WAIT_MS = 120_000;

interface Helper {
  worker: Worker;
  port: MessagePort;
}

function startHelpers(input: readonly StatementInput[], parts: number, control: Int32Array, count: number, module: string): Helper[] {
  const helpers: Helper[] = [];
  for (let k = 0; k < count; k++) {
    const { port1, port2 } = new MessageChannel();
    const data: HelperData = { module, input, parts, control, port: port2 };
    const worker = new Worker(HELPER_CODE, { eval: true, workerData: data, transferList: [port2] });
    worker.unref();
    helpers.push({ worker, port: port1 });
  }
  return helpers;
}

/** Whether a message is a part's answer of this version (a module of another version answers otherwise). */
function isAnswer(a: unknown, parts: number): a is PartAnswer {
  const x = a as Partial<PartAnswer> | null;
  return !!x && Number.isInteger(x.part) && x.part! >= 0 && x.part! < parts && x.edges instanceof Int32Array
    && x.cross instanceof Int32Array && Number.isInteger(x.compared) && Number.isInteger(x.accepted);
}

/**
 * Groups statements that report the same statement. Deterministic: the same input in any order gives
 * the same groups, each with its members by id, groups ordered by their smallest id. With `helpers`
 * (a full regroup of a large corpus), the candidate pairs are decided by this thread and that many
 * worker threads at once, each deciding its own part (see decidePairs): the groups and the stats are
 * those of the single-threaded run.
 */
export function groupStatements(input: readonly StatementInput[], options: GroupOptions = {}): { groups: GroupResult[]; stats: GroupStats } {
  const t = options.thresholds ?? THRESHOLDS;
  const sortedInput = [...input].sort((a, b) => a.id - b.id);
  // helpers only for a whole corpus with the default thresholds (what helpGroup computes)
  const parallel = (options.helpers ?? 0) > 0 && !options.thresholds && !options.fingerprintCount && !options.weightsOf;
  const parts = parallel ? PARTS_PER_THREAD * (options.helpers! + 1) : 1;
  const control = new Int32Array(new SharedArrayBuffer(4 * (1 + parts)));
  // started first: they prepare their own copy of the statements while this thread prepares its own
  const helpers = parallel ? startHelpers(sortedInput, parts, control, options.helpers!, options.helperModule ?? __filename) : [];
  const items = sortedInput.map((s) => prepareStatement(s, options.prepared));
  if (options.onFingerprints) for (const it of items) options.onFingerprints(it.id, it.fps);
  options.onPrepared?.();
  const n = items.length;
  const sets = new Sets(n);
  let edges = 0;
  const b = blocksOf(items, options);
  let compared = 0;
  // pairs across parts, each counted once whichever parts decided it (by its smaller index)
  const crossSeen = new Map<number, Set<number>>();
  const count = (d: { compared: number; edges: number; cross: ArrayLike<number> }): void => {
    compared += d.compared;
    edges += d.edges;
    for (let k = 0; k < d.cross.length; k += 3) {
      const i = d.cross[k]!;
      const j = d.cross[k + 1]!;
      let set = crossSeen.get(i);
      if (!set) crossSeen.set(i, (set = new Set()));
      if (set.has(j)) continue;
      set.add(j);
      compared++;
      if (d.cross[k + 2] === 1) edges++;
    }
  };
  const union = (i: number, j: number): void => {
    sets.union(i, j);
  };
  if (!parallel) {
    count(decidePairs(items, b, t, options, union));
  } else {
    try {
      const partOf = partOfPeople(items, parts);
      const here = new Set<number>();
      const started = performance.now();
      for (;;) {
        const part = Atomics.add(control, 0, 1);
        if (part >= parts) break;
        count(decidePairs(items, b, t, options, union, { partOf, part }));
        here.add(part);
      }
      // the parts the helpers claimed are waited for about as long as a part takes here, then decided
      // here (a helper on a busy core, or one that failed, holds nothing back for long); if the
      // helpers took every part, they are the faster ones: waited for (at most HELPER_WAIT_MS)
      const patience = here.size ? (performance.now() - started) / here.size : HELPER_WAIT_MS;
      const answers = new Map<number, PartAnswer>();
      const drain = (): void => {
        for (const h of helpers) {
          for (let m = receiveMessageOnPort(h.port); m; m = receiveMessageOnPort(h.port)) {
            if (isAnswer(m.message, parts) && !answers.has(m.message.part)) answers.set(m.message.part, m.message);
          }
        }
      };
      const deadline = performance.now() + patience;
      for (let part = 0; part < parts; part++) {
        if (here.has(part)) continue;
        const left = deadline - performance.now();
        if (left > 0) Atomics.wait(control, 1 + part, 0, left);
        drain();
        const a = answers.get(part);
        if (a) {
          for (let k = 0; k < a.edges.length; k += 2) union(a.edges[k]!, a.edges[k + 1]!);
          count({ compared: a.compared, edges: a.accepted, cross: a.cross });
        } else {
          count(decidePairs(items, b, t, options, union, { partOf, part }));
        }
      }
    } finally {
      for (const h of helpers) {
        h.port.close();
        void h.worker.terminate();
      }
    }
  }
  let largest = 0;
  for (const block of b.blocks.values()) largest = Math.max(largest, block.length);

  const components = new Map<number, Item[]>();
  items.forEach((it, i) => {
    const r = sets.find(i);
    let c = components.get(r);
    if (!c) components.set(r, (c = []));
    c.push(it);
  });
  const groups = [...components.values()]
    .map((members) => labelGroup(members, t))
    .sort((a, b) => a.members[0]!.id - b.members[0]!.id);
  return {
    groups,
    stats: {
      statements: n,
      blocks: b.blocks.size,
      largest_block: largest,
      pairs_compared: compared,
      all_pairs: (n * (n - 1)) / 2,
      edges,
      groups: groups.length,
      multi_source_groups: groups.filter((g) => g.source_count > 1).length,
    },
  };
}
