// Reviewing statements and claims: verdicts, corrections, undo, conflict resolution. Every change is
// one transaction that (1) reads the item and its review (creating the review on first touch), (2)
// refuses a stale form (409 naming what changed since), (3) computes the new state, (4) writes the
// effective values onto the quote/claim row (so every reader — listings, people, groups, conflicts —
// sees corrected speakers and leaves rejected statements out), (5) appends one event to the trail.
// The machine's record is kept in the review (`extracted`): a correction is a difference from it, and
// undo restores the state before the last reviewer event. See docs/decisions/005-review-trail.md.
import type { Db } from "../store/db";
import { AppError, badRequest, notFound } from "../errors";
import type { QuoteKind, SpeakerKind } from "../nlp/types";
import { getQuote, type QuoteRow, type ReviewStatus } from "../store/quotes";
import { getClaim, type ClaimRow } from "../store/claims";
import { getSource } from "../store/sources";
import { findPersonByKey, getPerson, getPersonWithKey, insertPerson, linkPersonToSource } from "../store/people";
import {
  dropGroupMembership, eventsOf, eventsSince, getReview, insertEvent, insertReview, reviewOfClaim, reviewOfQuote,
  setClaimStatus, setQuoteFields, updateReview, type EventRow, type QuoteFields, type ReviewRow, type Subject,
} from "../store/reviews";
import { membershipOfGroupsOf } from "../store/groups";
import { regroupPeople } from "./compare";
import { nameKey } from "./people";

export const QUOTE_ACTIONS = ["confirm", "reject", "needs-check", "note"] as const;
export type QuoteAction = (typeof QUOTE_ACTIONS)[number];
export const REJECT_REASONS = ["not a statement", "scare quote or title", "duplicate", "wrong span"] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];
export const CLAIM_ACTIONS = ["confirm", "dismiss", "note"] as const;
export const KINDS: readonly QuoteKind[] = ["direct", "mixed", "indirect"];
export const MAX_NOTE = 2000;
export const MAX_NAME = 200;
export const MAX_REVIEWER = 100;
/** the name events get when whosaid itself acts (carrying reviews over to a new extraction) */
export const SYSTEM_REVIEWER = "whosaid";

export interface Corrections {
  speaker?: { name: string; name_key: string; kind: SpeakerKind };
  span?: { start: number; end: number };
  kind?: QuoteKind;
  cue?: string | null;
  via?: string | null;
}

export interface QuoteState {
  verdict: ReviewStatus;
  reason: RejectReason | null;
  note: string;
  corrections: Corrections;
}

export interface ClaimState {
  verdict: "unreviewed" | "confirmed" | "dismissed";
  note: string;
}

/** The machine's record of a statement (what corrections differ from). */
export type Extracted = Omit<QuoteFields, "review_status">;

export interface Conflict {
  type: "speaker" | "gone";
  /** in words, for the conflicts list */
  message: string;
  extractor: string;
  /** speaker conflicts: whom the new extraction names */
  extracted_speaker?: string | null;
  reviewed_speaker?: string | null;
}

export interface Actor {
  reviewer: string;
  now?: () => Date;
}

export interface Outcome {
  review_id: number;
  subject: Subject;
  item_id: number | null;
  source_id: number;
  status: string;
  corrected: boolean;
  revision: number;
  event_id: number;
}

/** A stale form: the item changed since the form was rendered. `changes` lists the events since. */
export class StaleError extends AppError {
  constructor(message: string, readonly changes: { reviewer: string; action: string; created_at: string; note: string }[]) {
    super(409, message);
  }

  override get extra(): Readonly<Record<string, unknown>> {
    return { changes: this.changes };
  }
}

export const INITIAL_QUOTE_STATE: QuoteState = { verdict: "unreviewed", reason: null, note: "", corrections: {} };
const INITIAL_CLAIM_STATE: ClaimState = { verdict: "unreviewed", note: "" };

export function extractedOf(q: QuoteRow | QuoteFields): Extracted {
  return {
    start: q.start, end: q.end, text: q.text, kind: q.kind, speaker_mention: q.speaker_mention, speaker_start: q.speaker_start,
    speaker_end: q.speaker_end, speaker_canonical: q.speaker_canonical, speaker_kind: q.speaker_kind, person_id: q.person_id,
    cue: q.cue, cue_start: q.cue_start, cue_end: q.cue_end, via: q.via,
  };
}

export function parseQuoteState(json: string): QuoteState {
  const s = JSON.parse(json) as Partial<QuoteState>;
  return { ...INITIAL_QUOTE_STATE, ...s, corrections: { ...(s.corrections ?? {}) } };
}

export function isCorrected(s: QuoteState): boolean {
  return Object.keys(s.corrections).length > 0;
}

/** The person a speaker correction names, found by key (or alias) or created, linked to the source. */
function personForSpeaker(db: Db, sp: NonNullable<Corrections["speaker"]>, sourceId: number): number {
  const id = findPersonByKey(db, sp.name_key, true) ?? insertPerson(db, sp.name, sp.name_key, sp.kind);
  linkPersonToSource(db, sourceId, id);
  return id;
}

/** The machine's person for a record, if it still exists (a merge may have folded it into another). */
function extractedPerson(db: Db, ex: Extracted): number | null {
  if (ex.person_id !== null && getPerson(db, ex.person_id)) return ex.person_id;
  if (!ex.speaker_canonical) return null;
  return findPersonByKey(db, nameKey(ex.speaker_canonical), true) ?? null;
}

/** The values a statement shows: the machine's record with the corrections on top, and the verdict. */
export function effectiveFields(db: Db, text: string, sourceId: number, ex: Extracted, state: QuoteState): QuoteFields {
  const f: QuoteFields = { ...ex, person_id: extractedPerson(db, ex), review_status: state.verdict };
  const c = state.corrections;
  if (c.span) {
    f.start = c.span.start;
    f.end = c.span.end;
    f.text = text.slice(c.span.start, c.span.end);
  }
  if (c.speaker) {
    f.person_id = personForSpeaker(db, c.speaker, sourceId);
    f.speaker_canonical = c.speaker.name;
    f.speaker_kind = c.speaker.kind;
    if (!ex.speaker_mention || nameKey(ex.speaker_mention) !== c.speaker.name_key) {
      f.speaker_mention = null;
      f.speaker_start = null;
      f.speaker_end = null;
    }
  }
  if (c.kind) f.kind = c.kind;
  if (c.cue !== undefined) {
    f.cue = c.cue;
    if (c.cue !== ex.cue) {
      f.cue_start = null;
      f.cue_end = null;
    }
  }
  if (c.via !== undefined) f.via = c.via;
  return f;
}

// ---- input ----

function text(body: Record<string, unknown>, field: string, max: number): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw badRequest(field, "must be text");
  const t = v.trim();
  if (t.length > max) throw badRequest(field, `is too long (at most ${max} characters)`);
  return t;
}

function revisionOf(body: Record<string, unknown>): number | null {
  const v = body.revision;
  if (v === undefined || v === null || v === "") return null;
  const s = typeof v === "number" ? String(v) : v;
  if (typeof s !== "string" || !/^[0-9]{1,9}$/.test(s)) throw badRequest("revision", "must be the whole number the form was given");
  return Number(s);
}

function offset(body: Record<string, unknown>, field: string): number | undefined {
  const v = body[field];
  if (v === undefined || v === null || v === "") return undefined;
  const s = typeof v === "number" ? String(v) : v;
  if (typeof s !== "string" || !/^[0-9]{1,9}$/.test(s)) throw badRequest(field, "must be a character offset (a whole number from 0)");
  return Number(s);
}

export function checkReviewer(raw: unknown): string {
  const name = typeof raw === "string" ? raw.replace(/\s+/g, " ").trim() : "";
  if (!name) throw badRequest("name", "give your name: every review names its reviewer");
  if (name.length > MAX_REVIEWER) throw badRequest("name", `is too long (at most ${MAX_REVIEWER} characters)`);
  if (/[\u0000-\u001f\u007f]/.test(name)) throw badRequest("name", "must not hold control characters");
  if (name.toLowerCase() === SYSTEM_REVIEWER) throw badRequest("name", `"${SYSTEM_REVIEWER}" is the program's own name: choose yours`);
  return name;
}

// ---- the transaction every change goes through ----

interface Change<S> {
  action: string;
  note: string;
  next: S;
  /** the event an undo takes back */
  undoes?: number;
}

function staleCheck(db: Db, review: ReviewRow | undefined, revision: number | null): void {
  const current = review?.revision ?? 0;
  if (revision === null || revision === current) return;
  const since = review ? eventsSince(db, review.id, revision) : [];
  const changes = since.map((e) => ({ reviewer: e.reviewer, action: e.action, created_at: e.created_at, note: e.note }));
  const what = changes.map((c) => `${c.action} by ${c.reviewer} at ${c.created_at}`).join("; ");
  throw new StaleError(
    `This item changed after your form was loaded (revision ${revision}, now ${current}${what ? `: ${what}` : ""}). Reload it, check, and try again.`,
    changes,
  );
}

function record(db: Db, review: ReviewRow, actor: Actor, action: string, before: object, after: object, note: string, undoes: number | null = null): number {
  return insertEvent(db, {
    review_id: review.id, revision: review.revision, created_at: review.updated_at, reviewer: actor.reviewer, subject: review.subject,
    source_id: review.source_id, item_id: review.subject === "quote" ? review.quote_id : review.claim_id, action,
    before: JSON.stringify(before), after: JSON.stringify(after), note, undoes,
  });
}

function regroupAround(db: Db, quoteId: number, people: (number | null)[]): void {
  const neighbours = membershipOfGroupsOf(db, [quoteId]).map((m) => m.quote_id).filter((id) => id !== quoteId);
  dropGroupMembership(db, quoteId);
  regroupPeople(db, people.filter((p): p is number => p !== null), neighbours, [quoteId]);
}

/** Writes a quote review's state onto its row (and regroups unless told not to). */
export function applyQuoteState(db: Db, review: ReviewRow, state: QuoteState, regroup = true): void {
  if (review.quote_id === null) return;
  const source = getSource(db, review.source_id)!;
  const old = getQuote(db, review.quote_id);
  const fields = effectiveFields(db, source.text, review.source_id, JSON.parse(review.extracted) as Extracted, state);
  setQuoteFields(db, review.quote_id, fields);
  if (regroup) regroupAround(db, review.quote_id, [old?.person_id ?? null, fields.person_id]);
}

function changeQuote(db: Db, quoteId: number, revision: number | null, actor: Actor, decide: (state: QuoteState, q: QuoteRow) => Change<QuoteState>): Outcome {
  return db.transaction((): Outcome => {
    const q = getQuote(db, quoteId);
    if (!q) throw notFound("statement");
    let review = reviewOfQuote(db, q.id);
    staleCheck(db, review, revision);
    const at = (actor.now ?? (() => new Date()))().toISOString();
    if (!review) {
      const fresh = {
        subject: "quote" as const, source_id: q.source_id, quote_id: q.id, claim_id: null, extracted: JSON.stringify(extractedOf(q)),
        state: JSON.stringify(INITIAL_QUOTE_STATE), status: "unreviewed", corrected: 0 as const, conflict: null, revision: 0,
        reviewer: actor.reviewer, updated_at: at,
      };
      review = { id: insertReview(db, fresh), ...fresh };
    }
    const before = parseQuoteState(review.state);
    const { action, note, next, undoes } = decide(before, q);
    review = {
      ...review, state: JSON.stringify(next), status: next.verdict, corrected: isCorrected(next) ? 1 : 0,
      revision: review.revision + 1, reviewer: actor.reviewer, updated_at: at,
      conflict: action.startsWith("resolve") ? null : review.conflict,
    };
    updateReview(db, review);
    applyQuoteState(db, review, next);
    return outcome(review, record(db, review, actor, action, before, next, note, undoes ?? null));
  }).immediate();
}

function outcome(r: ReviewRow, event: number): Outcome {
  return {
    review_id: r.id, subject: r.subject, item_id: r.subject === "quote" ? r.quote_id : r.claim_id, source_id: r.source_id,
    status: r.status, corrected: r.corrected === 1, revision: r.revision, event_id: event,
  };
}

// ---- verdicts ----

/** confirm | reject (with a reason) | needs-check | note: the verdict on a statement, with an optional note. */
export function reviewQuote(db: Db, quoteId: number, body: Record<string, unknown>, actor: Actor): Outcome {
  const action = text(body, "action", 20);
  if (!action || !(QUOTE_ACTIONS as readonly string[]).includes(action)) throw badRequest("action", `must be one of ${QUOTE_ACTIONS.join(", ")}`);
  const reason = text(body, "reason", 50) || undefined;
  if (action === "reject" && (!reason || !(REJECT_REASONS as readonly string[]).includes(reason))) {
    throw badRequest("reason", `say why it is rejected: ${REJECT_REASONS.join(", ")}`);
  }
  if (action !== "reject" && reason) throw badRequest("reason", "is only for rejecting");
  const note = text(body, "note", MAX_NOTE) ?? "";
  if (action === "note" && !note) throw badRequest("note", "write the note");
  const revision = revisionOf(body);
  return changeQuote(db, quoteId, revision, actor, (s) => {
    const next: QuoteState = { ...s, corrections: { ...s.corrections } };
    if (action === "confirm") next.verdict = "confirmed";
    else if (action === "needs-check") next.verdict = "needs-check";
    else if (action === "reject") next.verdict = "rejected";
    if (action !== "note") next.reason = action === "reject" ? (reason as RejectReason) : null;
    if (note || action === "note") next.note = note;
    return { action: action === "reject" ? `reject: ${reason}` : action, note, next };
  });
}

/**
 * Corrections: speaker (speaker_id of an existing person, or speaker_name, which finds or creates the
 * person), span (start and end, inside the article, not empty), kind, cue, via. Only the fields given
 * change; a value equal to the machine's takes the correction away. A correction without a verdict
 * leaves the verdict as it was.
 */
export function correctQuote(db: Db, quoteId: number, body: Record<string, unknown>, actor: Actor): Outcome {
  const revision = revisionOf(body);
  const note = text(body, "note", MAX_NOTE) ?? "";
  const speakerId = offset(body, "speaker_id");
  const speakerName = text(body, "speaker_name", MAX_NAME);
  const start = offset(body, "start");
  const end = offset(body, "end");
  const kind = text(body, "kind", 20) || undefined;
  if (kind !== undefined && !(KINDS as readonly string[]).includes(kind)) throw badRequest("kind", `must be one of ${KINDS.join(", ")}`);
  const cue = text(body, "cue", 100);
  const via = text(body, "via", MAX_NAME);
  if ((start === undefined) !== (end === undefined)) throw badRequest(start === undefined ? "start" : "end", "give both start and end of the span");
  let speaker: Corrections["speaker"] | undefined;
  if (speakerId !== undefined) {
    const p = getPersonWithKey(db, speakerId);
    if (!p) throw new AppError(404, "speaker_id: no person has this id", { speaker_id: "no person has this id" });
    speaker = { name: p.name, name_key: p.name_key, kind: p.kind };
  } else if (speakerName) {
    const key = nameKey(speakerName);
    if (!key) throw badRequest("speaker_name", "must hold a name");
    const found = findPersonByKey(db, key, true);
    const p = found !== undefined ? getPersonWithKey(db, found)! : null;
    speaker = p ? { name: p.name, name_key: p.name_key, kind: p.kind } : { name: speakerName.replace(/\s+/g, " "), name_key: key, kind: "person" };
  }
  if (speaker === undefined && start === undefined && kind === undefined && cue === undefined && via === undefined) {
    throw badRequest("speaker_name", "nothing to correct: give a speaker, a span, a kind, a cue or a relay");
  }
  return changeQuote(db, quoteId, revision, actor, (s, q) => {
    const ex = JSON.parse(reviewOfQuote(db, q.id)!.extracted) as Extracted;
    const c: Corrections = { ...s.corrections };
    const changed: string[] = [];
    if (speaker) {
      changed.push("speaker");
      if (ex.speaker_canonical && nameKey(ex.speaker_canonical) === speaker.name_key) delete c.speaker;
      else c.speaker = speaker;
    }
    if (start !== undefined && end !== undefined) {
      const source = getSource(db, q.source_id)!;
      const span = trimSpan(source.text, start, end);
      changed.push("span");
      if (span.start === ex.start && span.end === ex.end) delete c.span;
      else c.span = span;
    }
    if (kind !== undefined) {
      changed.push("kind");
      if (kind === ex.kind) delete c.kind;
      else c.kind = kind as QuoteKind;
    }
    if (cue !== undefined) {
      changed.push("cue");
      if ((cue || null) === ex.cue) delete c.cue;
      else c.cue = cue || null;
    }
    if (via !== undefined) {
      changed.push("via");
      if ((via || null) === ex.via) delete c.via;
      else c.via = via || null;
    }
    return { action: `correct ${changed.join(", ")}`, note, next: { ...s, note: note || s.note, corrections: c } };
  });
}

/** A span checked against the article: inside it, not empty, without surrounding white space. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  if (start >= text.length) throw badRequest("start", `is outside the article (it has ${text.length} characters)`);
  if (end > text.length) throw badRequest("end", `is outside the article (it has ${text.length} characters)`);
  if (end <= start) throw badRequest("end", "must come after start: the span would be empty");
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e <= s) throw badRequest("start", "the span holds only white space");
  return { start: s, end: e };
}

/** The last reviewer event on the trail that no undo took back yet (carry-overs are not undone). */
function lastUndoable(events: EventRow[]): EventRow | undefined {
  const undone = new Set(events.filter((e) => e.undoes !== null).map((e) => e.undoes!));
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.action === "undo" || e.reviewer === SYSTEM_REVIEWER || undone.has(e.id)) continue;
    return e;
  }
  return undefined;
}

/** Undo: a new event restoring the state before the last reviewer event not yet undone. */
export function undoQuote(db: Db, quoteId: number, body: Record<string, unknown>, actor: Actor): Outcome {
  const revision = revisionOf(body);
  return changeQuote(db, quoteId, revision, actor, (_s, q) => {
    const review = reviewOfQuote(db, q.id);
    const target = review ? lastUndoable(eventsOf(db, review.id)) : undefined;
    if (!target) throw badRequest("action", "there is nothing to undo on this statement");
    return { action: "undo", note: `undid “${target.action}” by ${target.reviewer}`, next: parseQuoteState(target.before), undoes: target.id };
  });
}

/**
 * Resolves a review conflict left by a re-extraction. keep: the reviewer's decision stands.
 * accept: the new extraction wins (its speaker; or, for a statement it no longer finds, the
 * statement is rejected as not a statement).
 */
export function resolveConflict(db: Db, reviewId: number, body: Record<string, unknown>, actor: Actor): Outcome {
  const review = getReview(db, reviewId);
  if (!review || review.subject !== "quote") throw notFound("review");
  if (!review.conflict) throw badRequest("action", "this review has no conflict to resolve");
  if (review.quote_id === null) throw notFound("statement");
  const action = text(body, "action", 10);
  if (action !== "keep" && action !== "accept") throw badRequest("action", "must be keep or accept");
  const note = text(body, "note", MAX_NOTE) ?? "";
  const conflict = JSON.parse(review.conflict) as Conflict;
  return changeQuote(db, review.quote_id, revisionOf(body), actor, (s) => {
    const next: QuoteState = { ...s, corrections: { ...s.corrections } };
    if (action === "accept") {
      if (conflict.type === "speaker") delete next.corrections.speaker;
      else {
        next.verdict = "rejected";
        next.reason = "not a statement";
      }
    }
    return { action: `resolve: ${action === "keep" ? "keep the review" : "accept the new extraction"} (${conflict.type})`, note, next };
  });
}

// ---- claims ----

/** confirm (the flag is right) | dismiss (it is not) | note | undo, on a flagged claim. */
export function reviewClaim(db: Db, claimId: number, body: Record<string, unknown>, actor: Actor): Outcome {
  const action = text(body, "action", 20);
  if (!action || !([...CLAIM_ACTIONS, "undo"] as string[]).includes(action)) throw badRequest("action", `must be one of ${CLAIM_ACTIONS.join(", ")}, undo`);
  const note = text(body, "note", MAX_NOTE) ?? "";
  if (action === "note" && !note) throw badRequest("note", "write the note");
  const revision = revisionOf(body);
  return db.transaction((): Outcome => {
    const c = getClaim(db, claimId);
    if (!c) throw notFound("claim");
    let review = reviewOfClaim(db, c.id);
    staleCheck(db, review, revision);
    const at = (actor.now ?? (() => new Date()))().toISOString();
    if (!review) {
      const fresh = {
        subject: "claim" as const, source_id: c.source_id, quote_id: null, claim_id: c.id, extracted: JSON.stringify(claimExtracted(c)),
        state: JSON.stringify(INITIAL_CLAIM_STATE), status: "unreviewed", corrected: 0 as const, conflict: null, revision: 0,
        reviewer: actor.reviewer, updated_at: at,
      };
      review = { id: insertReview(db, fresh), ...fresh };
    }
    const before = JSON.parse(review.state) as ClaimState;
    let next: ClaimState;
    let undoes: number | null = null;
    let recorded = action;
    let eventNote = note;
    if (action === "undo") {
      const target = lastUndoable(eventsOf(db, review.id));
      if (!target) throw badRequest("action", "there is nothing to undo on this claim");
      next = JSON.parse(target.before) as ClaimState;
      undoes = target.id;
      eventNote = `undid “${target.action}” by ${target.reviewer}`;
    } else {
      next = { verdict: action === "confirm" ? "confirmed" : action === "dismiss" ? "dismissed" : before.verdict, note: note || before.note };
      recorded = action;
    }
    review = { ...review, state: JSON.stringify(next), status: next.verdict, revision: review.revision + 1, reviewer: actor.reviewer, updated_at: at };
    updateReview(db, review);
    setClaimStatus(db, c.id, next.verdict);
    return outcome(review, record(db, review, actor, recorded, before, next, eventNote, undoes));
  }).immediate();
}

export function claimExtracted(c: Pick<ClaimRow, "start" | "end" | "text" | "reason" | "trigger">) {
  return { start: c.start, end: c.end, text: c.text, reason: c.reason, trigger: c.trigger };
}
