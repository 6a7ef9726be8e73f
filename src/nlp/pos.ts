// Part-of-speech tags behind one adapter (decision 013). The tagger is wink-nlp with
// wink-eng-lite-web-model (both MIT, the model ships inside its npm package: nothing is downloaded),
// loaded on first use only. It is asked only about short windows around a word whose reading
// (noun or verb) decides something, never about a whole article: extraction stays linear and cheap.
import type { Span } from "./types";

/** Universal part-of-speech tags as the tagger gives them ("NOUN", "VERB", "PROPN", "PRON", "DET", …). */
export interface Tagged extends Span {
  text: string;
  pos: string;
}

/** The longest window tagged at once, in code units: the tagger's cost is bounded per question. */
export const MAX_TAG_WINDOW = 240;

type Tagger = (s: string) => { values: string[]; pos: string[]; spaces: string[] };

/** The part of wink-nlp's API read here. */
type WinkNLP = (model: unknown, pipe: string[]) => {
  its: { pos: unknown; precedingSpaces: unknown };
  readDoc(s: string): { tokens(): { out(f?: unknown): unknown } };
};

/** A feature table of wink's core model: value → index (`hash`, no prototype) and index → value (`list`). */
interface Feature {
  hash?: Record<string, number>;
  list: unknown[];
}

// wink-nlp's tagger keeps state across documents: every word a document brings that its lexicon
// lacks is added to the lexicon (feature.hash and .list of the core model), and the tokenizer and the
// tagger read that lexicon ("Brannigan's," once read, "Brannigan's calls" is one token and then a
// PROPN before "calls", otherwise "Brannigan" "'s" and a PART). A window's tags depended on the windows
// tagged before it in the process, and so extract() on the articles before. The additions are undone
// before each window (the values added since the last window are deleted from each hash: wink adds
// to a hash and pushes onto its list together, nowhere else), so every window is read by the lexicon
// as loaded. The lists and wink's own table of added words (private to it, indexed by list position)
// keep their entries, so that indices stay aligned; a word read again is added again, at a new index.
// Those entries grow with every window: past MAX_ADDED the tagger is built anew, as it is loaded.
const MAX_ADDED = 200_000;

let tagger: Tagger | null | undefined;
/** The model's metaCER answer, asked once: each call stringifies the model module's own state again. */
let cer: unknown;

function load(): Tagger | null {
  if (tagger !== undefined) return tagger;
  try {
    // loaded here, not imported at the top: articles without a noun-or-verb word never pay for the model
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const winkNLP = require("wink-nlp") as WinkNLP;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const model = require("wink-eng-lite-web-model") as Record<string, (...a: unknown[]) => unknown>;
    // the model as wink reads it, but for the core model kept (its feature tables are the lexicon)
    // and metaCER asked once
    let core: { features: Record<string, Feature> } | undefined;
    cer ??= model.metaCER!();
    const nlp = winkNLP(Object.assign(Object.create(null) as object, model, {
      core: () => (core = model.core!() as { features: Record<string, Feature> }),
      metaCER: () => cer,
    }), ["pos"]);
    const tables = Object.values(core!.features).filter((f): f is Feature & { hash: Record<string, number> } => !!f.hash && Array.isArray(f.list));
    const lexeme = core!.features.lexeme!;
    let loaded = lexeme.list.length;
    const marks = tables.map((f) => f.list.length);
    const its = nlp.its;
    const self: Tagger = (s) => {
      if (lexeme.list.length - loaded > MAX_ADDED) {
        tagger = undefined;
        const fresh = load();
        if (fresh) return fresh(s);
        // not built anew: this one goes on (its windows are read as loaded all the same)
        tagger = self;
        loaded = lexeme.list.length;
      }
      tables.forEach((f, k) => {
        for (let i = marks[k]!; i < f.list.length; i++) delete f.hash[f.list[i] as string];
        marks[k] = f.list.length;
      });
      const toks = nlp.readDoc(s).tokens();
      return { values: toks.out() as string[], pos: toks.out(its.pos) as string[], spaces: toks.out(its.precedingSpaces) as string[] };
    };
    tagger = self;
  } catch {
    tagger = null;
  }
  return tagger;
}

/** Whether the tagger is available (the package is installed and its model loads). */
export function hasTagger(): boolean {
  return !!load();
}

/**
 * Tags text[start, end) (at most MAX_TAG_WINDOW code units; longer windows are cut at the end):
 * every token with its offsets in `text` and its tag. Total: returns [] when the tagger is missing
 * or fails on the input.
 */
export function tagWindow(text: string, start: number, end: number): Tagged[] {
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(start, Math.min(end, text.length, start + MAX_TAG_WINDOW));
  const t = load();
  if (!t || end <= start) return [];
  try {
    const s = text.slice(start, end);
    const { values, pos, spaces } = t(s);
    const out: Tagged[] = [];
    let off = 0;
    for (let i = 0; i < values.length; i++) {
      off += spaces[i]?.length ?? 0;
      const v = values[i] ?? "";
      // the tagger keeps the text as it is; a token that does not line up ends the reading
      if (s.slice(off, off + v.length) !== v) break;
      out.push({ text: v, start: start + off, end: start + off + v.length, pos: pos[i] ?? "X" });
      off += v.length;
    }
    return out;
  } catch {
    return [];
  }
}

/**
 * The tag of the word at text[start, end) read in its context (a window of up to MAX_TAG_WINDOW
 * around it, cut at spaces), and the tag of the word before it; null when the tagger is missing or
 * the word is not a token of its own there.
 */
export function wordTag(text: string, start: number, end: number): { pos: string; before: string | null } | null {
  const half = (MAX_TAG_WINDOW - (end - start)) >> 1;
  let lo = Math.max(0, start - half);
  let hi = Math.min(text.length, end + half);
  // cut at a space (never inside a word), and never across a paragraph
  while (lo < start && lo > 0 && !/\s/u.test(text[lo - 1]!)) lo++;
  const nl = text.lastIndexOf("\n", start);
  if (nl >= lo) lo = nl + 1;
  while (hi > end && hi < text.length && !/\s/u.test(text[hi]!)) hi--;
  const nl2 = text.indexOf("\n", end);
  if (nl2 >= 0 && nl2 < hi) hi = nl2;
  const toks = tagWindow(text, lo, hi);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.start === start && t.end === end) return { pos: t.pos, before: i > 0 ? toks[i - 1]!.pos : null };
    if (t.start > start) break;
  }
  return null;
}
