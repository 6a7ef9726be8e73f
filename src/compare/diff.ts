// Word-level difference between two versions of a statement, computed by the `diff` package on
// normalised tokens and shown in each source's own words. Changes are collected into hunks, and a
// hunk inside the shared stretch is told apart from words left off either end (a trim), so a trimmed
// quote is not mistaken for an altered one and a "not" dropped from the middle is.
import { diffArrays } from "diff";
import { isElision, isNegation, isNumber, type Prepared } from "./text";

export interface Segment {
  op: "same" | "ins" | "del";
  text: string;
}

export interface Version {
  text: string;
  p: Prepared;
}

/** One run of changes: tokens [refFrom, refTo) of the reference became tokens [verFrom, verTo) of the version. */
export interface Hunk {
  refFrom: number;
  refTo: number;
  verFrom: number;
  verTo: number;
  /** between two stretches of common words (not at either end) */
  interior: boolean;
  /** words left out where the shorter side marks an elision ("…") */
  elided: boolean;
}

export interface WordDiff {
  /** the version's text, with the reference's words it lacks as "del" and its own extra words as "ins" */
  segments: Segment[];
  /** words in common, in order (the longest common subsequence) */
  common: number;
  hunks: Hunk[];
}

function slice(v: Version, from: number, to: number): string {
  return v.text.slice(v.p.tokens[from]!.start, v.p.tokens[to]!.end);
}

/** Whether the text just before token i of v marks an elision ("…"). */
function elidedBefore(v: Version, i: number): boolean {
  if (i <= 0 || i >= v.p.tokens.length) return false;
  return isElision(v.text.slice(v.p.tokens[i - 1]!.end, v.p.tokens[i]!.start));
}

/**
 * Joins runs and pads deleted words with a space where they would touch a neighbour, for display.
 * The padding goes inside the deletion, so the segments other than deletions spell the version's
 * text exactly as its source printed it.
 */
function spaced(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  const parts = segments.filter((s) => s.text !== "");
  parts.forEach((s, i) => {
    const prev = out.at(-1);
    if (s.op === "del") {
      const next = parts[i + 1];
      const before = prev && !/\s$/.test(prev.text) ? " " : "";
      const after = next && next.op !== "del" && !/^\s/.test(next.text) ? " " : "";
      out.push({ op: "del", text: before + s.text + after });
    } else if (prev && prev.op === s.op) {
      prev.text += s.text;
    } else {
      out.push({ ...s });
    }
  });
  return out;
}

/**
 * The difference from `ref` to `ver`, or undefined when more than `maxEdit` words would have to be
 * inserted or removed (the caller then knows they are not near-verbatim without paying for the diff).
 */
export function wordDiff(ref: Version, ver: Version, maxEdit?: number): WordDiff | undefined {
  const chunks = maxEdit === undefined
    ? diffArrays(ref.p.words, ver.p.words)
    : diffArrays(ref.p.words, ver.p.words, { maxEditLength: Math.max(0, maxEdit) });
  if (!chunks) return undefined;
  const segments: Segment[] = [];
  const hunks: Hunk[] = [];
  let common = 0;
  let ri = 0;
  let vi = 0;
  let cursor = 0;
  let open: Hunk | null = null;
  let seenCommon = false;
  for (const c of chunks) {
    const n = c.count;
    if (c.removed || c.added) {
      if (!open) open = { refFrom: ri, refTo: ri, verFrom: vi, verTo: vi, interior: seenCommon, elided: false };
    }
    if (c.removed) {
      segments.push({ op: "del", text: slice(ref, ri, ri + n - 1) });
      ri += n;
      open!.refTo = ri;
    } else if (c.added) {
      segments.push({ op: "same", text: ver.text.slice(cursor, ver.p.tokens[vi]!.start) });
      segments.push({ op: "ins", text: slice(ver, vi, vi + n - 1) });
      cursor = ver.p.tokens[vi + n - 1]!.end;
      vi += n;
      open!.verTo = vi;
    } else {
      if (open) hunks.push(open);
      open = null;
      seenCommon = true;
      segments.push({ op: "same", text: ver.text.slice(cursor, ver.p.tokens[vi + n - 1]!.end) });
      cursor = ver.p.tokens[vi + n - 1]!.end;
      common += n;
      ri += n;
      vi += n;
    }
  }
  if (open) hunks.push({ ...open, interior: false });
  segments.push({ op: "same", text: ver.text.slice(cursor) });
  for (const h of hunks) {
    if (!h.interior) continue;
    // words missing from one side only, where that side marks the gap as an elision
    h.elided = (h.verFrom === h.verTo && elidedBefore(ver, h.verFrom)) || (h.refFrom === h.refTo && elidedBefore(ref, h.refFrom));
  }
  if (!seenCommon) for (const h of hunks) h.interior = true; // nothing in common: all of it is change, none of it a trim
  return { segments: spaced(segments), common, hunks };
}

/** Hunks that change the shared stretch (not trims, not marked elisions). */
export function changes(d: WordDiff): Hunk[] {
  return d.hunks.filter((h) => h.interior && !h.elided);
}

/** Whether a hunk drops or adds a negation (a "not" traded for a "n't" is neither). */
export function negationChanged(ref: Prepared, ver: Prepared, h: Hunk): boolean {
  const count = (words: string[]) => words.filter(isNegation).length;
  return count(ref.words.slice(h.refFrom, h.refTo)) !== count(ver.words.slice(h.verFrom, h.verTo));
}

/**
 * Whether a hunk changes a number: one number traded for another, or a number dropped or added on its
 * own (not as part of a longer clause left out).
 */
export function numberChanged(ref: Prepared, ver: Prepared, h: Hunk): boolean {
  const a = ref.words.slice(h.refFrom, h.refTo);
  const b = ver.words.slice(h.verFrom, h.verTo);
  const na = a.filter(isNumber).sort();
  const nb = b.filter(isNumber).sort();
  const differ = na.length !== nb.length || na.some((x, i) => x !== nb[i]);
  if (!differ) return false;
  if (na.length && nb.length) return true;
  return Math.max(a.length, b.length) <= 2;
}
