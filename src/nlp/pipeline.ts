// The extraction pipeline: text in, records out. Pure: no I/O.
import { makeDoc } from "./document";
import type { Doc, Extraction } from "./types";

export const EXTRACTOR_VERSION = "0.1.0";

export function extractDoc(doc: Doc): Extraction {
  void doc;
  return { quotes: [], claims: [], entities: [] };
}

/** Extracts every reported statement, its speaker, and the unattributed claims of one article. */
export function extract(text: string): Extraction {
  return extractDoc(makeDoc(text));
}
