// Pair by pair: are two statements the same statement, and how does one version differ from another?
// Decisions read the two texts only (plus, for paraphrases, word weights from the speaker's own
// statements), never a string-distance score between names.
import type { QuoteKind } from "../nlp/types";
import { changes, negationChanged, numberChanged, wordDiff, type Hunk, type Segment, type Version } from "./diff";
import { prepare, quotedTokens, type Prepared } from "./text";

export const THRESHOLDS = {
  /** same speaker, same words: at least this many words in common, in order … */
  minCommonWords: 4,
  /** … covering at least this share of the shorter version */
  minWordRatio: 0.7,
  /** different speakers (a conflicting attribution needs the same words): stricter on both */
  crossMinCommonWords: 6,
  crossMinWordRatio: 0.9,
  /** same speaker, paraphrase: content words in common … */
  minSharedContent: 3,
  /** … covering this share of the shorter one's content words … */
  minContentOverlap: 0.5,
  /** … and this cosine of the TF-IDF vectors (IDF from the speaker's statements) */
  minContentCosine: 0.5,
} as const;

export type Thresholds = { -readonly [K in keyof typeof THRESHOLDS]: number };

/** What the pair decision needs to know about a statement. */
export interface Candidate {
  source_id: number;
  person_id: number;
  text: string;
  p: Prepared;
}

export type Basis = "words" | "content";

/** Words two sequences share regardless of order: an upper bound of their longest common subsequence. */
function bagOverlap(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let n = 0;
  for (const w of b) {
    const c = counts.get(w);
    if (c) {
      n++;
      counts.set(w, c - 1);
    }
  }
  return n;
}

/** Whether the two share enough words in order: `minCommon` words and `ratio` of the shorter. */
export function sameWords(a: Version, b: Version, minCommon: number, ratio: number): boolean {
  const la = a.p.words.length;
  const lb = b.p.words.length;
  const shorter = Math.min(la, lb);
  const need = Math.max(minCommon, Math.ceil(ratio * shorter - 1e-9));
  if (shorter < need) return false;
  // the same words (the usual repeat): all of them in common, no count or diff needed (perf; they hold
  // `shorter` ≥ `need` words in common, so the answer is the one the count and the diff would give)
  if (la === lb && a.p.words.every((w, i) => w === b.p.words[i])) return true;
  if (bagOverlap(a.p.words, b.p.words) < need) return false;
  // at most la + lb - 2*need insertions and deletions leave `need` words in common
  const d = wordDiff(a, b, la + lb - 2 * need);
  return d !== undefined && d.common >= need;
}

/** Cosine and overlap of two statements' content words, weighted by `weight` (IDF). */
export function contentSimilarity(a: Prepared, b: Prepared, weight: (stem: string) => number): { shared: number; overlap: number; cosine: number } {
  const sa = new Set(a.content);
  const sb = new Set(b.content);
  if (!sa.size || !sb.size) return { shared: 0, overlap: 0, cosine: 0 };
  let shared = 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const t of sa) {
    const w = weight(t);
    na += w * w;
    if (sb.has(t)) {
      shared++;
      dot += w * w;
    }
  }
  for (const t of sb) {
    const w = weight(t);
    nb += w * w;
  }
  return { shared, overlap: shared / Math.min(sa.size, sb.size), cosine: dot / Math.sqrt(na * nb) };
}

/**
 * Whether a and b report the same statement, and on what basis. Different speakers only match on
 * nearly the same words from different sources (that is a conflicting attribution); the same speaker
 * also matches on shared content words (a paraphrase).
 */
export function decide(
  a: Candidate,
  b: Candidate,
  weight: (stem: string) => number = () => 1,
  t: Thresholds = THRESHOLDS,
): Basis | null {
  if (a.person_id !== b.person_id) {
    if (a.source_id === b.source_id) return null;
    return sameWords(a, b, t.crossMinCommonWords, t.crossMinWordRatio) ? "words" : null;
  }
  if (sameWords(a, b, t.minCommonWords, t.minWordRatio)) return "words";
  const c = contentSimilarity(a.p, b.p, weight);
  if (c.shared >= t.minSharedContent && c.overlap >= t.minContentOverlap && c.cosine >= t.minContentCosine) return "content";
  return null;
}

export type Relation = "identical" | "trimmed" | "altered wording" | "paraphrase";

export interface VersionOf extends Version {
  kind: QuoteKind;
}

export interface Comparison {
  relation: Relation;
  negation_changed: boolean;
  number_changed: boolean;
  /** `ver` in its own words, with what differs from `ref` marked */
  diff: Segment[];
}

/** Which words of a version are quoted: all of a direct quotation, those inside the marks of a mixed one. */
function quoted(v: VersionOf): boolean[] {
  if (v.kind === "direct") return v.p.tokens.map(() => true);
  if (v.kind === "indirect") return v.p.tokens.map(() => false);
  return quotedTokens(v.text, v.p.tokens);
}

/** Whether the hunk lies inside quotation marks on both sides: words changed within a quotation. */
function withinQuotation(h: Hunk, refQ: boolean[], verQ: boolean[]): boolean {
  const side = (q: boolean[], from: number, to: number): boolean =>
    from < to ? q.slice(from, to).every(Boolean) : (from === 0 || q[from - 1] === true) && (from >= q.length || q[from] === true);
  return side(refQ, h.refFrom, h.refTo) && side(verQ, h.verFrom, h.verTo);
}

/**
 * How `ver` differs from `ref`:
 * - identical: the same words (case, punctuation, "3,000"/"3000" aside);
 * - trimmed: nothing changed where they overlap; words are only left off either end or elided ("…");
 * - altered wording: words changed, inserted or dropped inside quotation marks, and always when a
 *   negation is dropped or added or a number changed;
 * - paraphrase: reported speech that renders the statement in other words.
 */
export function compareVersions(ref: VersionOf, ver: VersionOf, t: Thresholds = THRESHOLDS): Comparison {
  const d = wordDiff(ref, ver)!;
  if (d.hunks.length === 0) return { relation: "identical", negation_changed: false, number_changed: false, diff: d.segments };
  const shorter = Math.min(ref.p.words.length, ver.p.words.length);
  const nearVerbatim = d.common >= Math.min(t.minCommonWords, shorter) && d.common >= t.minWordRatio * shorter;
  let negation: boolean;
  let number: boolean;
  let inQuotes: boolean;
  if (nearVerbatim) {
    const hunks = changes(d);
    if (hunks.length === 0) return { relation: "trimmed", negation_changed: false, number_changed: false, diff: d.segments };
    negation = hunks.some((h) => negationChanged(ref.p, ver.p, h));
    number = hunks.some((h) => numberChanged(ref.p, ver.p, h));
    const refQ = quoted(ref);
    const verQ = quoted(ver);
    inQuotes = hunks.some((h) => withinQuotation(h, refQ, verQ));
  } else {
    // other words altogether: compare what they assert, not where
    negation = ref.p.negations > 0 !== ver.p.negations > 0;
    const a = new Set(ref.p.numbers);
    const b = new Set(ver.p.numbers);
    number = a.size > 0 && b.size > 0 && (a.size !== b.size || [...a].some((x) => !b.has(x)));
    inQuotes = ref.kind === "direct" && ver.kind === "direct";
  }
  const relation: Relation = negation || number || inQuotes ? "altered wording" : "paraphrase";
  return { relation, negation_changed: negation, number_changed: number, diff: d.segments };
}

/** compareVersions on raw texts: what a page shows for one version of a group against its reference. */
export function diffVersions(ref: { text: string; kind: QuoteKind }, ver: { text: string; kind: QuoteKind }): Comparison {
  return compareVersions({ ...ref, p: prepare(ref.text) }, { ...ver, p: prepare(ver.text) });
}

/**
 * diffVersions of many versions against one reference: the reference prepared once, and each distinct
 * wording (its text and kind) compared once, since a statement carried by many sources is mostly the
 * same words over and over. The Comparison of equal wordings is the same object: read it, never change it.
 */
export function versionDiffer(ref: { text: string; kind: QuoteKind }): (ver: { text: string; kind: QuoteKind }) => Comparison {
  const r = { text: ref.text, kind: ref.kind, p: prepare(ref.text) };
  const seen = new Map<string, Comparison>();
  return (ver) => {
    const key = `${ver.kind}\u0000${ver.text}`;
    let c = seen.get(key);
    if (!c) seen.set(key, (c = compareVersions(r, { text: ver.text, kind: ver.kind, p: prepare(ver.text) })));
    return c;
  };
}
