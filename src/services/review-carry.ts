// Carrying reviews over when an article is extracted again (a new extractor version). Before the old
// rows go, captureReviews notes each review with the statement it was about; after the new extraction
// is stored, carryReviews points each review at the new statement its span overlaps most and writes the
// review's state onto it. Where the new extraction disagrees with what a reviewer decided, nothing is
// dropped or overridden: another speaker → the reviewer's speaker stays (as a correction) and the
// review is listed as a conflict; the span gone → the reviewed statement is kept as the reviewer left
// it and listed as a conflict. A rejected statement the new extraction no longer finds is no conflict.
// Runs inside the re-extraction transaction; regrouping is the caller's.
import type { Db } from "../store/db";
import { insertQuote, quotesOfSource, type QuoteRow } from "../store/quotes";
import { claimsOfSource, type ClaimRow } from "../store/claims";
import { linkPersonToSource } from "../store/people";
import { insertEvent, reviewsOfSource, setClaimStatus, updateReview, type ReviewRow } from "../store/reviews";
import {
  SYSTEM_REVIEWER, applyQuoteState, claimExtracted, effectiveFields, extractedOf, isCorrected, parseQuoteState,
  type ClaimState, type Conflict, type Extracted, type QuoteState,
} from "./review-quotes";
import { nameKey } from "./people";

export interface Captured {
  quotes: { review: ReviewRow; row: QuoteRow | null }[];
  claims: { review: ReviewRow; row: ClaimRow | null }[];
}

export interface CarryReport {
  carried: number;
  conflicts: number;
  detached: number;
}

/** The reviews of a source with the rows they are about, read before re-extraction deletes them. */
export function captureReviews(db: Db, sourceId: number): Captured {
  const quotes = new Map(quotesOfSource(db, sourceId).map((q) => [q.id, q]));
  const claims = new Map(claimsOfSource(db, sourceId).map((c) => [c.id, c]));
  return {
    quotes: reviewsOfSource(db, sourceId, "quote").map((review) => ({ review, row: review.quote_id === null ? null : quotes.get(review.quote_id) ?? null })),
    claims: reviewsOfSource(db, sourceId, "claim").map((review) => ({ review, row: review.claim_id === null ? null : claims.get(review.claim_id) ?? null })),
  };
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** The unclaimed candidate overlapping `span` most (ties: the nearest start), or undefined. */
function bestMatch<T extends { id: number; start: number; end: number }>(span: { start: number; end: number }, candidates: T[], taken: Set<number>): T | undefined {
  let best: T | undefined;
  let bestScore = 0;
  for (const c of candidates) {
    if (taken.has(c.id)) continue;
    const o = overlap(span, c);
    if (o === 0) continue;
    if (o > bestScore || (o === bestScore && best && Math.abs(c.start - span.start) < Math.abs(best.start - span.start))) {
      best = c;
      bestScore = o;
    }
  }
  return best;
}

const keyOf = (name: string | null): string => (name ? nameKey(name) : "");

/** Whether the reviewer decided who said it: a speaker correction, or a confirmation of the speaker shown. */
function speakerDecided(s: QuoteState): boolean {
  return s.corrections.speaker !== undefined || s.verdict === "confirmed";
}

export function carryReviews(db: Db, sourceId: number, text: string, captured: Captured, versions: { from: string; to: string }, at: string): CarryReport {
  const report: CarryReport = { carried: 0, conflicts: 0, detached: 0 };
  const fresh = quotesOfSource(db, sourceId);
  const taken = new Set<number>();
  const carryNote = `re-extracted: extractor ${versions.from} → ${versions.to}`;
  for (const { review, row } of captured.quotes) {
    const state = parseQuoteState(review.state);
    const oldEx = JSON.parse(review.extracted) as Extracted;
    // what the reviewer looked at: the statement as shown (corrected span included)
    const span = row ?? state.corrections.span ?? oldEx;
    const match = bestMatch(span, fresh, taken);
    const before = { state, extracted: oldEx, quote_id: review.quote_id };
    let next: ReviewRow;
    let action: string;
    let note: string;
    let conflict: Conflict | null = review.conflict ? (JSON.parse(review.conflict) as Conflict) : null;
    let nextState = state;
    if (match) {
      taken.add(match.id);
      const ex = extractedOf(match);
      const moved = ex.start !== oldEx.start || ex.end !== oldEx.end;
      const reviewedKey = keyOf(state.corrections.speaker?.name_key ?? oldEx.speaker_canonical);
      const newKey = keyOf(ex.speaker_canonical);
      const notes = [carryNote];
      if (moved) notes.push(`the extracted span moved from ${oldEx.start}–${oldEx.end} to ${ex.start}–${ex.end}${state.corrections.span ? " (the reviewer's span is kept)" : ""}`);
      // a disagreement: the extractor changed its mind, to someone other than the reviewer's speaker
      if (newKey !== keyOf(oldEx.speaker_canonical) && newKey !== reviewedKey && state.verdict !== "rejected" && speakerDecided(state)) {
        // keep the reviewer's speaker: as a correction when it was only the machine's before
        const reviewed = state.corrections.speaker ?? (oldEx.speaker_canonical
          ? { name: oldEx.speaker_canonical, name_key: nameKey(oldEx.speaker_canonical), kind: oldEx.speaker_kind }
          : undefined);
        nextState = { ...state, corrections: { ...state.corrections } };
        if (reviewed) nextState.corrections.speaker = reviewed;
        conflict = {
          type: "speaker", extractor: versions.to,
          message: `The new extraction gives this statement to ${ex.speaker_canonical ?? "no one"}; the review says ${reviewed?.name ?? "no one"}.`,
          extracted_speaker: ex.speaker_canonical, reviewed_speaker: reviewed?.name ?? null,
        };
        notes.push(`the new extraction names ${ex.speaker_canonical ?? "no speaker"}: conflict`);
        report.conflicts++;
      } else if (newKey !== keyOf(oldEx.speaker_canonical)) {
        notes.push(`the new extraction names ${ex.speaker_canonical ?? "no speaker"}`);
      }
      next = { ...review, quote_id: match.id, extracted: JSON.stringify(ex), state: JSON.stringify(nextState), conflict: conflict ? JSON.stringify(conflict) : null };
      action = conflict && conflict.extractor === versions.to ? "carry: conflict" : "carry";
      note = notes.join("; ");
      report.carried++;
    } else if (state.verdict === "rejected") {
      next = { ...review, quote_id: null };
      action = "carry: gone";
      note = `${carryNote}; the new extraction no longer finds this rejected statement`;
      report.detached++;
    } else {
      // keep the statement as the reviewer left it
      const fields = row ? { ...extractedOf(row) } : effectiveFields(db, text, sourceId, oldEx, state);
      const id = insertQuote(db, {
        source_id: sourceId, ...fields, sieve: "review", confidence: row?.confidence ?? 1,
      });
      if (fields.person_id !== null) linkPersonToSource(db, sourceId, fields.person_id);
      taken.add(id);
      conflict = {
        type: "gone", extractor: versions.to,
        message: "The new extraction no longer finds this statement; it is kept as reviewed until someone decides.",
      };
      next = { ...review, quote_id: id, conflict: JSON.stringify(conflict) };
      action = "carry: conflict";
      note = `${carryNote}; the new extraction no longer finds this statement: kept as reviewed, conflict`;
      report.conflicts++;
    }
    next = { ...next, status: nextState.verdict, corrected: isCorrected(nextState) ? 1 : 0, revision: review.revision + 1, updated_at: at };
    updateReview(db, next);
    applyQuoteState(db, next, nextState, false);
    insertEvent(db, {
      review_id: next.id, revision: next.revision, created_at: at, reviewer: SYSTEM_REVIEWER, subject: "quote", source_id: sourceId,
      item_id: next.quote_id, action, before: JSON.stringify(before),
      after: JSON.stringify({ state: nextState, extracted: JSON.parse(next.extracted) as Extracted, quote_id: next.quote_id }), note, undoes: null,
    });
  }
  const claims = claimsOfSource(db, sourceId);
  const takenClaims = new Set<number>();
  for (const { review, row } of captured.claims) {
    const ex = JSON.parse(review.extracted) as ReturnType<typeof claimExtracted>;
    const span = row ?? ex;
    const match = bestMatch(span, claims.filter((c) => c.reason === ex.reason), takenClaims);
    const state = JSON.parse(review.state) as ClaimState;
    let next: ReviewRow;
    if (match) {
      takenClaims.add(match.id);
      next = { ...review, claim_id: match.id, extracted: JSON.stringify(claimExtracted(match)) };
      setClaimStatus(db, match.id, state.verdict);
      report.carried++;
    } else {
      next = { ...review, claim_id: null };
      report.detached++;
    }
    next = { ...next, revision: review.revision + 1, updated_at: at };
    updateReview(db, next);
    insertEvent(db, {
      review_id: next.id, revision: next.revision, created_at: at, reviewer: SYSTEM_REVIEWER, subject: "claim", source_id: sourceId,
      item_id: next.claim_id, action: match ? "carry" : "carry: gone",
      before: JSON.stringify({ state, extracted: ex, claim_id: review.claim_id }),
      after: JSON.stringify({ state, extracted: JSON.parse(next.extracted) as object, claim_id: next.claim_id }),
      note: match ? carryNote : `${carryNote}; the new extraction no longer flags this claim`, undoes: null,
    });
  }
  return report;
}
