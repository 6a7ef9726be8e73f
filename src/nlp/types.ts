// Records produced by the extraction pipeline. Every annotation is a span of JavaScript string
// offsets (UTF-16 code units) into the untouched original text; `end` is exclusive.

export interface Span {
  start: number;
  end: number;
}

export interface Paragraph extends Span {
  index: number;
}

export interface Sentence extends Span {
  index: number;
  /** index of the paragraph holding the sentence */
  paragraph: number;
}

/** One article as the pipeline sees it: the text and its structure, all as offsets. */
export interface Doc {
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
}

export type QuoteKind = "direct" | "mixed" | "indirect";

/**
 * What kind of thing the speaker is: a named person; a body (organisation) or an outlet (media); a place
 * ("Ohio" read as a speaker is a misreading); a document ("the report"); an unnamed plural (group:
 * "voters", "protesters"); an unnamed individual or source (anonymous: "a senior official", "the
 * conservative activist"); unknown (a fragment or nothing).
 */
export type SpeakerKind = "person" | "organisation" | "media" | "place" | "document" | "group" | "anonymous" | "unknown";

export const SPEAKER_KINDS: readonly SpeakerKind[] = ["person", "organisation", "media", "place", "document", "group", "anonymous", "unknown"];

export interface QuoteRecord extends Span {
  /** the content: inside the marks for a direct quote, the reported clause otherwise */
  text: string;
  kind: QuoteKind;
  /** the speaker mention nearest the cue, as written ("he", "Peskov"), or null */
  speaker: string | null;
  speaker_start: number | null;
  speaker_end: number | null;
  /** who the mention refers to, resolved within the document ("Dmitry Peskov"), or null */
  speaker_canonical: string | null;
  speaker_kind: SpeakerKind;
  /** the reporting verb or phrase ("said", "according to"), or null */
  cue: string | null;
  cue_start: number | null;
  cue_end: number | null;
  /** the relay the words came through ("TASS" in "according to TASS"), or null */
  via: string | null;
  confidence: number;
  /** name of the rule or model that decided the attribution */
  sieve: string;
}

export type ClaimReason =
  | "hedge"
  | "weasel"
  | "passive without agent"
  | "anonymous source"
  | "unattributed quote";

export interface ClaimRecord extends Span {
  text: string;
  reason: ClaimReason;
  /** the words that raised the flag */
  trigger: string;
  trigger_start: number;
  trigger_end: number;
  /** a human-readable explanation a reviewer can act on */
  explanation: string;
  /** the nearest named source, when one stands in the claim's sentence or the one before (decision 007) */
  nearest_source?: NearestSource | null;
}

export interface NearestSource {
  name: string;
  where: "same sentence" | "previous sentence";
}

/** A speaker entity resolved within one document. */
export interface Entity {
  canonical: string;
  kind: SpeakerKind;
  /** every way the entity is written in the document, canonical included */
  aliases: string[];
  /** titles and roles kept apart from the name ("Kremlin spokesman") */
  roles: string[];
}

export interface Extraction {
  quotes: QuoteRecord[];
  claims: ClaimRecord[];
  entities: Entity[];
}
