// Statement text as comparable tokens. Every token keeps its offsets into the statement's text, so a
// diff computed on normalised tokens is shown in the words each source actually printed.
import { NEGATIONS, NUMBER_WORDS, STOPWORDS } from "./lexicon";

export interface Token {
  /** the comparison form: lower case, no diacritics, straight apostrophe, digits for number words */
  norm: string;
  start: number;
  end: number;
}

/** Numbers (with thousands separators and decimals) and words (with inner apostrophes). */
const TOKEN_RE = /\d+(?:[.,]\d+)*|[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Text between two tokens that marks words left out ("…", "...", "[...]"). */
export function isElision(gap: string): boolean {
  return gap.includes("…") || gap.includes("...");
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

function normalise(raw: string): string {
  if (/^\d/.test(raw)) {
    // 3,000 and 3000 are the same number; a lone comma or dot elsewhere is a decimal mark
    return /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(raw) ? raw.replace(/,/g, "") : raw.replace(",", ".");
  }
  // an ASCII word is its own NFKD form and holds no mark and no ’: lower case is all that changes (perf)
  const w = isAscii(raw) ? raw.toLowerCase() : raw.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase().replace(/’/g, "'");
  return NUMBER_WORDS.get(w) ?? w;
}

/**
 * One string object per distinct word form, so that prepared statements held for a regroup share their
 * words instead of each holding copies (a regroup of 119,000 statements holds 2.1 million words of
 * 14,000 forms; copying every one of them out of the young generation was most of its collection
 * time). Returns a string equal to `w`: nothing compares strings by identity, so no answer changes.
 * Bounded: past INTERNED_MAX forms, new ones are returned as they are.
 */
const interned = new Map<string, string>();
const INTERNED_MAX = 200_000;
export function intern(w: string): string {
  const known = interned.get(w);
  if (known !== undefined) return known;
  if (interned.size >= INTERNED_MAX) return w;
  // kept as a string of its own: a longer word may be a slice that holds the whole statement's text
  const own = w.length >= 13 ? (JSON.parse(JSON.stringify(w)) as string) : w;
  interned.set(own, own);
  return own;
}

/** stem(w), interned, remembered per word form (stem is a pure function of the word; bounded as intern is). */
const stems = new Map<string, string>();
export function stemOf(w: string): string {
  let s = stems.get(w);
  if (s === undefined) {
    s = intern(stem(w));
    if (stems.size < INTERNED_MAX) stems.set(w, s);
  }
  return s;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text))) out.push({ norm: intern(normalise(m[0])), start: m.index, end: m.index + m[0].length });
  return out;
}

export function isNegation(norm: string): boolean {
  return NEGATIONS.has(norm) || norm.endsWith("n't");
}

export function isNumber(norm: string): boolean {
  return /^\d/.test(norm);
}

/**
 * A light English suffix stripper (plural, -ed, -ing, -ly, final e, doubled consonant), enough for
 * "closed"/"closing"/"close" or "taxes"/"tax" to meet. It over- and under-stems; it is only used to
 * compare content words, never shown.
 */
export function stem(word: string): string {
  let s = word.replace(/'s$/, "").replace(/'$/, "");
  if (isNumber(s) || s.length <= 3) return s;
  if (s.length > 4 && s.endsWith("ies")) return s.slice(0, -3) + "y";
  if (/(?:ss|x|z|ch|sh)es$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith("s") && !/(?:ss|us|is)$/.test(s)) s = s.slice(0, -1);
  if (s.length > 5 && s.endsWith("ing")) s = s.slice(0, -3);
  else if (s.length > 4 && s.endsWith("ed")) s = s.slice(0, -2);
  else if (s.length > 4 && s.endsWith("ly")) s = s.slice(0, -2);
  if (s.length > 3 && s.endsWith("e")) s = s.slice(0, -1);
  if (/([b-df-hj-np-tv-z])\1$/.test(s) && !/(?:ll|ss|zz)$/.test(s)) s = s.slice(0, -1);
  return s;
}

/** One statement, ready to compare. */
export interface Prepared {
  tokens: Token[];
  /** the token norms: what word-level comparison sees */
  words: string[];
  /** stems of the content words, in order (no stopwords, no negations) */
  content: string[];
  /** how many negations the statement holds */
  negations: number;
  /** the numbers it states, in order */
  numbers: string[];
}

export function prepare(text: string): Prepared {
  const tokens = tokenize(text);
  const words: string[] = [];
  const content: string[] = [];
  const numbers: string[] = [];
  let negations = 0;
  for (const t of tokens) {
    words.push(t.norm);
    if (isNegation(t.norm)) negations++;
    else if (isNumber(t.norm)) {
      numbers.push(t.norm);
      content.push(t.norm);
    } else if (!STOPWORDS.has(t.norm) && t.norm.length > 1) content.push(stemOf(t.norm));
  }
  return { tokens, words, content, negations, numbers };
}

/**
 * Which tokens lie inside double quotation marks (straight or curly). A closing mark missing at the
 * end leaves the rest of the text quoted.
 */
export function quotedTokens(text: string, tokens: readonly Token[]): boolean[] {
  const ranges: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "“" || (c === '"' && open === -1)) {
      if (open === -1) open = i;
    } else if ((c === "”" || c === '"') && open !== -1) {
      ranges.push([open, i]);
      open = -1;
    }
  }
  if (open !== -1) ranges.push([open, text.length]);
  return tokens.map((t) => ranges.some(([a, b]) => t.start > a && t.end <= b));
}
