// Shared state of one document's attribution: the document, its quote spans and cues, and the
// statements found so far. Sieves read it and add to it; nothing else is mutated.
import { sentenceAt } from "./document";
import type { Cue } from "./cues";
import type { Mention } from "./mentions";
import type { QuoteSpan } from "./quotes";
import type { Doc, QuoteKind } from "./types";

export interface Statement {
  start: number;
  end: number;
  kind: QuoteKind;
  mention: Mention | null;
  cue: Cue | null;
  via: string | null;
  sieve: string;
  confidence: number;
  /** index into ctx.spans for direct quotes */
  span: number | null;
  /** a statement whose speaker is taken from another statement (continuations) */
  sameAs: Statement | null;
}

export interface Context {
  doc: Doc;
  text: string;
  spans: QuoteSpan[];
  /** per span: reads as a stand-alone quote (true) or an embedded phrase (false) */
  standalone: boolean[];
  cues: Cue[];
  /** cues already used by a statement */
  usedCues: Set<Cue>;
  /** statements for direct quotes by span index */
  direct: (Statement | null)[];
  indirect: Statement[];
}

export function sentenceBounds(ctx: Context, offset: number): { start: number; end: number } {
  const i = sentenceAt(ctx.doc, offset);
  if (i < 0) return { start: offset, end: offset };
  const s = ctx.doc.sentences[i]!;
  return { start: s.start, end: s.end };
}

/** Index of the first item whose `key` is at or after `pos`, in a list sorted by that key. */
export function lowerBound<T>(items: readonly T[], pos: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const firstCueFrom = (ctx: Context, pos: number): number => lowerBound(ctx.cues, pos, (c) => c.start);

/** First cue starting at or after `pos` and before `limit`. */
export function cueAt(ctx: Context, pos: number, limit: number): Cue | null {
  const c = ctx.cues[firstCueFrom(ctx, pos)];
  return c && c.start < limit ? c : null;
}

/** Cues whose start lies in [from, to), the first `max` of them. */
export function cuesIn(ctx: Context, from: number, to: number, max = Infinity): Cue[] {
  const out: Cue[] = [];
  for (let i = firstCueFrom(ctx, from); i < ctx.cues.length && ctx.cues[i]!.start < to && out.length < max; i++) out.push(ctx.cues[i]!);
  return out;
}

/** Index of the first quote span whose opening mark is at or after `pos`, or spans.length. */
export function firstSpanFrom(ctx: Context, pos: number): number {
  return lowerBound(ctx.spans, pos, (q) => q.open);
}
