// The extraction pipeline: text in, records out. Pure: no I/O.
//   document (paragraphs, sentences) → quote spans + cues → attribution sieves → speaker resolution
//   → unattributed claims
import { attribute, resolveSpeakers } from "./attribution";
import { detectClaims } from "./claims";
import { makeDoc } from "./document";
import type { Doc, Extraction } from "./types";

/** Bumped whenever extraction output may change, so stored articles are re-extracted. */
export const EXTRACTOR_VERSION = "0.18.0";

export function extractDoc(doc: Doc): Extraction {
  const { statements, ctx } = attribute(doc);
  const { quotes, entities } = resolveSpeakers(doc, statements, ctx.spans);
  return { quotes, claims: detectClaims(doc, quotes), entities };
}

/** Extracts every reported statement, its speaker, and the unattributed claims of one article. */
export function extract(text: string): Extraction {
  return extractDoc(makeDoc(text));
}
