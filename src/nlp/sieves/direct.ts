// Sieves for direct quotes, most precise first. Each looks only at quotes that no earlier sieve
// attributed and stamps its name on what it decides.
import type { Context, Statement } from "../context";
import { sentenceBounds } from "../context";
import { speakerCueAfter, speakerCueBefore, type Attribution } from "./patterns";

export interface DirectSieve {
  name: string;
  confidence: number;
  /** returns the attribution of span i, or null to leave it to later sieves */
  apply(ctx: Context, i: number): Attribution | { sameAs: Statement } | null;
}

const para = (ctx: Context, i: number) => ctx.doc.paragraphs[ctx.spans[i]!.paragraph]!;

/** “…,” Peskov said / “…,” said Peskov / “…,” KCNA reported Kim saying */
export const trailingCue: DirectSieve = {
  name: "trailing-cue",
  confidence: 0.95,
  apply(ctx, i) {
    const q = ctx.spans[i]!;
    if (!q.closed) return null;
    const after = speakerCueAfter(ctx, q.after, para(ctx, i).end);
    // “Hayek said, “… discrimination.” The star then recalled …”: a quote that ends its sentence and
    // follows its own leading cue is that cue's; the next sentence's subject starts something else
    if (after && /[.!?…]$/u.test(ctx.text.slice(q.start, q.end)) && /^\s+\p{Lu}/u.test(ctx.text.slice(q.after, q.after + 3)) && leadingCue.apply(ctx, i)) return null;
    return after;
  },
};

/** Peskov said: “…” / He said, “…” */
export const leadingCue: DirectSieve = {
  name: "leading-cue",
  confidence: 0.9,
  apply(ctx, i) {
    const q = ctx.spans[i]!;
    if (q.continues >= 0) return null;
    const s = sentenceBounds(ctx, q.open);
    const lo = Math.max(para(ctx, i).start, s.start <= q.open ? s.start : para(ctx, i).start);
    // the window stops at an earlier quote in the same paragraph
    const prev = i > 0 && ctx.spans[i - 1]!.paragraph === q.paragraph ? ctx.spans[i - 1]!.after : lo;
    return speakerCueBefore(ctx, Math.max(lo, prev), q.open);
  },
};

/** Caddell continued:¶“…” — the previous paragraph introduces the quote with a colon. */
export const colonIntro: DirectSieve = {
  name: "colon-intro",
  confidence: 0.85,
  apply(ctx, i) {
    const q = ctx.spans[i]!;
    const p = para(ctx, i);
    if (q.open !== p.start || q.paragraph === 0) return null;
    const prev = ctx.doc.paragraphs[q.paragraph - 1]!;
    if (!/:\s*$/.test(ctx.text.slice(prev.start, prev.end))) return null;
    return speakerCueBefore(ctx, sentenceBounds(ctx, prev.end - 1).start, prev.end);
  },
};

/** The paragraphs of one long quote share its speaker, wherever the cue stands. */
export const longQuote: DirectSieve = {
  name: "long-quote",
  confidence: 0.9,
  apply(ctx, i) {
    const q = ctx.spans[i]!;
    // earlier segment attributed: follow it
    if (q.continues >= 0 && ctx.direct[q.continues]) return { sameAs: ctx.direct[q.continues]! };
    // later segment attributed: the cue stood at the end
    for (let j = i + 1; j < ctx.spans.length && ctx.spans[j]!.continues === j - 1; j++) {
      if (ctx.direct[j]) return { sameAs: ctx.direct[j]! };
    }
    return null;
  },
};

/** “…,” he said. “…” — another quote in the same paragraph is attributed. */
export const sameParagraph: DirectSieve = {
  name: "same-paragraph",
  confidence: 0.8,
  apply(ctx, i) {
    const q = ctx.spans[i]!;
    for (const j of [i - 1, i + 1]) {
      const o = ctx.spans[j];
      if (o && o.paragraph === q.paragraph && ctx.standalone[j] && ctx.direct[j]) return { sameAs: ctx.direct[j]! };
    }
    return null;
  },
};

/** A paragraph that is only a quote continues the speaker of the quote just before it. */
export const paragraphContinuation: DirectSieve = {
  name: "paragraph-continuation",
  confidence: 0.7,
  apply(ctx, i) {
    const q = ctx.spans[i]!;
    const p = para(ctx, i);
    if (q.open !== p.start || q.paragraph === 0) return null;
    const rest = ctx.text.slice(q.closed ? q.after : q.end, p.end);
    if (/[\p{L}]/u.test(rest)) return null;
    for (let j = i - 1; j >= 0 && ctx.spans[j]!.paragraph >= q.paragraph - 1; j--) {
      if (ctx.spans[j]!.paragraph === q.paragraph - 1 && ctx.direct[j]) return { sameAs: ctx.direct[j]! };
    }
    return null;
  },
};

/** The ordered list: adding a rule is one entry here. */
export const DIRECT_SIEVES: readonly DirectSieve[] = [
  trailingCue,
  leadingCue,
  colonIntro,
  longQuote,
  sameParagraph,
  paragraphContinuation,
];
