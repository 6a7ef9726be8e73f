// Ingest: validate, hash, extract, and store source + people + quotes + claims in one transaction,
// regrouping the statements of the people the article touches in the same transaction.
import { createHash } from "node:crypto";
import type { Db } from "../store/db";
import type { Extraction } from "../nlp/types";
import { extract as defaultExtract, EXTRACTOR_VERSION } from "../nlp/pipeline";
import { parseArticleInput, type ArticleInput } from "./article-input";
import { isMultiWord, nameKey, resolveEntity } from "./people";
import { findSourceByHash, getSource, insertSource, setExtractorVersion, staleSourceIds } from "../store/sources";
import { deleteOrphanPeople, linkPersonToSource, maxPersonId, quotedPeopleAfter, unlinkSourcePeople } from "../store/people";
import { deleteQuotesOfSource, insertQuote, peopleQuotedIn, quoteIdsOfSource } from "../store/quotes";
import { membershipOfGroupsOf } from "../store/groups";
import { batchUnderWay, ensureGroups, markGroupsStale, regroupPeople } from "./compare";
import { deleteClaimsOfSource, insertClaim } from "../store/claims";
import { captureReviews, carryReviews } from "./review-carry";

export interface Extractor {
  extract: (text: string) => Extraction;
  version: string;
}

export interface IngestOptions {
  extractor?: Extractor;
  /** the clock, for deterministic fixtures */
  now?: () => Date;
  /**
   * Regroup the statements of the people the article touches (default). A batch passes false and
   * regroups everything once at the end (ensureGroups); the groups are marked stale meanwhile.
   */
  regroup?: boolean;
}

export interface IngestResult {
  id: number;
  created: boolean;
}

export const DEFAULT_EXTRACTOR: Extractor = { extract: defaultExtract, version: EXTRACTOR_VERSION };

export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * Stores one extraction for a source (whose old records are already gone). `scope` is the source's
 * content hash, for reviewer decisions that hold in that article only. Call inside a transaction.
 */
export function storeExtraction(db: Db, sourceId: number, extraction: Extraction, scope: string): void {
  const people = new Map<string, number>();
  // full names first: a one-word name ("Mr Blair") is then resolved in the company of this article's people
  const ordered = [...extraction.entities].sort((a, b) => Number(!isMultiWord(nameKey(a.canonical))) - Number(!isMultiWord(nameKey(b.canonical))));
  for (const entity of ordered) {
    const personId = resolveEntity(db, entity, scope, [...new Set(people.values())]);
    if (personId === null) continue;
    linkPersonToSource(db, sourceId, personId);
    people.set(nameKey(entity.canonical), personId);
  }
  for (const q of extraction.quotes) {
    let personId: number | null = null;
    if (q.speaker_canonical) {
      const key = nameKey(q.speaker_canonical);
      personId =
        people.get(key) ??
        resolveEntity(db, { canonical: q.speaker_canonical, kind: q.speaker_kind, aliases: [], roles: [] }, scope, [...new Set(people.values())]);
      if (personId !== null) {
        people.set(key, personId);
        linkPersonToSource(db, sourceId, personId);
      }
    }
    insertQuote(db, {
      source_id: sourceId,
      start: q.start,
      end: q.end,
      text: q.text,
      kind: q.kind,
      speaker_mention: q.speaker,
      speaker_start: q.speaker_start,
      speaker_end: q.speaker_end,
      speaker_canonical: q.speaker_canonical,
      speaker_kind: q.speaker_kind,
      person_id: personId,
      cue: q.cue,
      cue_start: q.cue_start,
      cue_end: q.cue_end,
      via: q.via,
      sieve: q.sieve,
      confidence: q.confidence,
    });
  }
  for (const c of extraction.claims) {
    insertClaim(db, {
      source_id: sourceId,
      start: c.start,
      end: c.end,
      text: c.text,
      reason: c.reason,
      trigger: c.trigger,
      trigger_start: c.trigger_start,
      trigger_end: c.trigger_end,
      explanation: c.explanation,
    });
  }
}

/** An article validated and hashed, before extraction: `existing` is its id when it is stored already. */
export interface PreparedArticle {
  input: ArticleInput;
  hash: string;
  existing: number | undefined;
}

/** Validates and hashes raw input, and looks the text up. Throws AppError (400/413) on invalid input. */
export function prepareArticle(db: Db, raw: unknown): PreparedArticle {
  const input = parseArticleInput(raw);
  const hash = contentHash(input.text);
  return { input, hash, existing: findSourceByHash(db, hash) };
}

/** Stores a prepared article with its extraction, in one short write transaction. */
export function storeArticle(db: Db, article: PreparedArticle, extraction: Extraction, version: string, options: IngestOptions = {}): IngestResult {
  const { input, hash } = article;
  const createdAt = (options.now ?? (() => new Date()))().toISOString();
  const store = db.transaction((): IngestResult => {
    // another process may have stored it since the check above
    const raced = findSourceByHash(db, hash);
    if (raced !== undefined) return { id: raced, created: false };
    const lastPerson = maxPersonId(db);
    const id = insertSource(db, {
      content_hash: hash,
      text: input.text,
      title: input.title,
      outlet: input.outlet,
      url: input.url,
      published: input.published,
      created_at: createdAt,
      extractor_version: version,
    });
    storeExtraction(db, id, extraction, hash);
    if (options.regroup === false) markGroupsStale(db);
    // while a batch is under way the groups are stale and the batch regroups at its end: a single
    // article then must not regroup the whole corpus while holding the write lock
    else if (!batchUnderWay(db)) regroupPeople(db, [...peopleQuotedIn(db, id), ...quotedPeopleAfter(db, lastPerson)]);
    return { id, created: true };
  });
  return store.immediate();
}

/**
 * Stores an article once. Same text again gives the existing id and created: false.
 * Throws AppError (400/413) on invalid input; an extraction or storage failure stores nothing.
 */
export function ingestArticle(db: Db, raw: unknown, options: IngestOptions = {}): IngestResult {
  const article = prepareArticle(db, raw);
  if (article.existing !== undefined) return { id: article.existing, created: false };
  const extractor = options.extractor ?? DEFAULT_EXTRACTOR;
  return storeArticle(db, article, extractor.extract(article.input.text), extractor.version, options);
}

/**
 * Re-runs extraction on one stored source, replacing its quotes, claims and people links atomically,
 * then regroups the people it touched before and after (unless `regroup` is false: then the groups
 * are marked stale for ensureGroups).
 */
export function reextractSource(db: Db, id: number, extractor: Extractor = DEFAULT_EXTRACTOR, regroup = true, now: () => Date = () => new Date()): void {
  const source = getSource(db, id);
  if (!source) throw new Error(`no source ${id}`);
  const extraction = extractor.extract(source.text);
  db.transaction(() => {
    const before = peopleQuotedIn(db, id);
    // statements elsewhere that shared a group with this source's: their groups lose members
    const neighbours = membershipOfGroupsOf(db, quoteIdsOfSource(db, id)).map((m) => m.quote_id);
    // reviewers' decisions, read before their rows go, then carried to the new rows (review-carry.ts)
    const reviews = captureReviews(db, id);
    deleteQuotesOfSource(db, id);
    deleteClaimsOfSource(db, id);
    unlinkSourcePeople(db, id);
    storeExtraction(db, id, extraction, source.content_hash);
    setExtractorVersion(db, id, extractor.version);
    if (reviews.quotes.length || reviews.claims.length) {
      carryReviews(db, id, source.text, reviews, { from: source.extractor_version, to: extractor.version }, now().toISOString());
    }
    deleteOrphanPeople(db);
    if (regroup) regroupPeople(db, [...before, ...peopleQuotedIn(db, id)], neighbours);
    else markGroupsStale(db);
  }).immediate();
}

export interface ReextractReport {
  updated: number;
  failed: { id: number; error: string }[];
}

/**
 * Re-extracts every source stored by another extractor version, then regroups the whole corpus once.
 * A failing source keeps its old records.
 */
export function reextractStale(db: Db, extractor: Extractor = DEFAULT_EXTRACTOR): ReextractReport {
  const report: ReextractReport = { updated: 0, failed: [] };
  for (const id of staleSourceIds(db, extractor.version)) {
    try {
      reextractSource(db, id, extractor, false);
      report.updated++;
    } catch (e) {
      report.failed.push({ id, error: e instanceof Error ? e.message : String(e) });
    }
  }
  if (report.updated) ensureGroups(db);
  return report;
}
