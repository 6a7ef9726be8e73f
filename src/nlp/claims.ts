// Unattributed and weakly attributed claims: content the article asserts on nobody's authority
// ("reportedly …", "it is understood …"), on vague authority ("experts say …", "many believe …",
// "sources said …"), or as an agentless judgement ("X is seen as …", "has been accused of …").
//
// The detector is lexical plus a little syntax over one token stream of the article:
//   1. the text is tokenized once; each token knows its sentence and whether it sits inside quotation
//      marks (words inside a quotation are the speaker's, not the article's, and raise no flag);
//   2. rules look for triggers (lexicon/claims.ts) and then check their context: a passive needs "be"
//      (or a vague adverb such as "widely") and no named agent; a group of people needs a verb of
//      saying or believing and no name ("critics such as Smith"); "officials" tied to a named
//      organisation are that organisation's voice; a hedge with a named source close by is not flagged;
//   3. the span of a claim is the asserted content: from the start of the trigger's clause (walking back
//      to a comma, a conjunction or the sentence start) to the end of the clause; when the source comes
//      after the content ("…, experts say.") the span is the whole sentence;
//   4. quotes from the quote finder add "unattributed quote" (no speaker) and "anonymous source"
//      (speaker_kind "anonymous") claims where the lexical rules found nothing.
// Every step looks at a bounded window around a token, so the whole is linear in the article length.
import type { ClaimReason, ClaimRecord, Doc, NearestSource, QuoteRecord } from "./types";
import { sentenceAt } from "./document";
import { isSpace } from "./chars";
import {
  ACTIVE_SUBJECTS, AUXILIARIES, INSTITUTIONAL_PLURALS, SPEECH_CONTEXT, ANAPHORIC_DETERMINERS, BARE_PASSIVES, OBJECT_VERBS, ANONYMITY_PHRASES, ANONYMOUS_PERSON_NOUNS, ANONYMOUS_PERSON_QUALIFIERS,
  ANONYMOUS_SOURCES, AUX_ADVERBS, BE_FORMS, CLAUSE_BREAKERS, CLAUSE_OPENERS, CRITICISM_ADJECTIVES,
  CRITICISM_NOUNS, CRITICISM_TAKE_NOUNS, CRITICISM_VERBS, FUNCTION_WORDS, GENERIC_PREMODIFIERS,
  GROUP_PREPOSITIONS, HEDGE_ADVERBS, HEDGE_PHRASES, INDEFINITES, INVERTED_SAY, JUDGEMENT_PARTICIPLES,
  NAMING_INTRODUCERS, NEGATIONS, NON_PERSON_PLURALS, ORGANISATION_VOICES, PASSIVE_ADVERBS,
  PERSON_PLURALS, PERSON_PLURAL_ENDINGS, QUANTIFIERS, REDUCED_PARTICIPLES, STANCE_ADJECTIVES, SUBORDINATORS,
  VAGUE_GROUPS_MODIFIED, STANCE_VERBS, STANCE_VERBS_NEEDING_AS, STUDY_NOUNS, STUDY_VERBS,
  VAGUE_AGENTS, VAGUE_GROUPS, VAGUE_PARTICIPLE_ADVERBS, WH_OPENERS,
  UNNAMED_ROLES, BODY_VOICES, ANONYMITY_ADJECTIVES, RELATIVE_PARTICIPLES, MEDIA_PLURALS, DEPICTION_PARTICIPLES,
  NON_COMPLEMENTS, AGENT_CRITICISM_VERBS, DOUBT_NOUNS, OPINION_NOUNS, GENERAL_ADJECTIVES, HEDGE_ADJECTIVES,
  REPORT_NOUNS, STRIKE_VERBS, LINK_LINE_STARTS, PLAIN_SAY, JUDGEMENT_BY_AGENT, THERE_NOUNS, INSTITUTION_NOUNS,
} from "./lexicon/claims";

export interface Token {
  start: number;
  end: number;
  text: string;
  /** lower case, curly apostrophes made straight */
  low: string;
  word: boolean;
  cap: boolean;
  sentence: number;
  quoted: boolean;
}

interface Candidate {
  start: number;
  end: number;
  reason: ClaimReason;
  trigger: [number, number];
  explanation: string;
}

const TOKEN_RE = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*|''|``|[^\s\p{L}\p{N}]/gu;
const WORD_START = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}/u;
const CLAUSE_PUNCT = new Set([",", ";", ":", "(", ")", "—", "–"]);
const QUOTE_MARKS = new Set(["\"", "“", "”", "''", "``", "«", "»"]);
const TRAILING = new Set([".", ",", ";", ":", "—", "–", "-", "!", "?", "(", "'", "‘"]);
const MAX_WALK = 40;
/** Clitics split off a word: 's, 're, 've, 'll, 'd, 'm (not n't, which the negation lists keep whole). */
const CLITIC_RE = /(?<=\p{L})['’](?:s|re|ve|ll|d|m)$/iu;

const splitPhrases = (list: readonly string[]): string[][] => list.map((p) => p.split(" "));
const QUANTIFIER_SEQS = splitPhrases(QUANTIFIERS).sort((a, b) => b.length - a.length);
const HEDGE_SEQS = splitPhrases(HEDGE_PHRASES);
const ANONYMITY_SEQS = splitPhrases(ANONYMITY_PHRASES);
const QUALIFIER_SEQS = splitPhrases(ANONYMOUS_PERSON_QUALIFIERS);
const NAMING_SEQS = splitPhrases(NAMING_INTRODUCERS);
const BREAKER_SEQS = splitPhrases([...CLAUSE_BREAKERS]);
const CRITICISM_SEQS = splitPhrases([...CRITICISM_VERBS]);

/** Sequences by their first word, in their list order: one map lookup per token instead of a scan. */
function byFirst(seqs: readonly string[][]): Map<string, string[][]> {
  const m = new Map<string, string[][]>();
  for (const q of seqs) {
    const list = m.get(q[0]!) ?? [];
    list.push(q);
    m.set(q[0]!, list);
  }
  return m;
}
const QUANTIFIERS_BY_FIRST = byFirst(QUANTIFIER_SEQS);
const CRITICISM_BY_FIRST = byFirst(CRITICISM_SEQS);
const ANONYMITY_BY_FIRST = byFirst(ANONYMITY_SEQS);
const HEDGES_BY_FIRST = byFirst(HEDGE_SEQS);
const NO_SEQS: string[][] = [];
/** The hedge phrases opening on a form of "be". */
const BE_HEDGES = HEDGES_BY_FIRST.get("*be*");
/**
 * The words that follow "*be* *adv*" in those phrases ("said", "believed", …), or null when some
 * phrase of the list has another shape (then hedge() tries each phrase, as for any other word).
 */
const BE_HEDGE_WORDS: ReadonlySet<string> | null =
  BE_HEDGES && BE_HEDGES.every((q) => q.length >= 3 && q[1] === "*adv*" && !q[2]!.startsWith("*")) ? new Set(BE_HEDGES.map((q) => q[2]!)) : null;

/**
 * The sequences of `seqs` that seqAt can match at a token of lower case `l`, in list order: those
 * whose first word is `l` (or "*be*" for a form of "be"). A list with a sequence opening on "*adv*"
 * (which matches no token as well as some) is returned whole, for any word.
 */
function startingWith(seqs: readonly string[][]): (l: string) => readonly string[][] {
  if (seqs.some((q) => q[0] === "*adv*")) return () => seqs;
  const m = new Map<string, string[][]>();
  for (const w of new Set(seqs.flatMap((q) => (q[0] === "*be*" ? [...BE_FORMS] : [q[0]!])))) {
    m.set(w, seqs.filter((q) => q[0] === w || (q[0] === "*be*" && BE_FORMS.has(w))));
  }
  return (l) => m.get(l) ?? NO_SEQS;
}
const qualifiersAt = startingWith(QUALIFIER_SEQS);
const namingAt = startingWith(NAMING_SEQS);
const breakersAt = startingWith(BREAKER_SEQS);

const EXPLAIN: Record<ClaimReason, string> = {
  hedge: "Hedged with no source: find who reported this, or confirm it independently.",
  weasel: "Attributed to a vague group: find who exactly holds this view, and whether they are representative.",
  "passive without agent": "A judgement in the passive with no one behind it: find who sees it this way.",
  "anonymous source": "Attributed to an unnamed source: check the source's standing and whether anyone on the record confirms it.",
  "unattributed quote": "Reported words with no speaker found: find who said them.",
};

// Rules gated by the word they start at (Detector.run): a rule whose bit a word lacks returns at
// once, with no effect, at that word, so run() skips the call. Each bit is the union of the tests a
// rule makes on low(i) before it does anything else (see each rule's first lines). A rule that comes
// to act at other words must say so here (ruleMask, and GATED below), or it never runs at them
// (decision 015).
const RULE_HEDGE = 1;
const RULE_PASSIVE = 2;
const RULE_CRITICISM = 4;
const RULE_STRIKES = 8;
const RULE_OPINION = 16;
const RULE_QUANTIFIED = 32;
const RULE_GROUP = 64;
const RULE_PRONOUN = 128;
const RULE_STUDY = 256;
const RULE_ANONYMITY = 512;

/** The rules that can fire at a word, from its lower case (pure: depends on the lexicon only). */
function ruleMask(l: string): number {
  let m = 0;
  if (HEDGE_ADJECTIVES.has(l) || l === "what" || REPORT_NOUNS.has(l) || HEDGE_ADVERBS.has(l) || HEDGES_BY_FIRST.has(BE_FORMS.has(l) ? "*be*" : l)) m |= RULE_HEDGE;
  if (JUDGEMENT_PARTICIPLES.has(l) || DEPICTION_PARTICIPLES.has(l) || JUDGEMENT_BY_AGENT.has(l)) m |= RULE_PASSIVE;
  if (l === "amid" || l === "amidst" || AGENT_CRITICISM_VERBS.has(l) || CRITICISM_BY_FIRST.has(l)) m |= RULE_CRITICISM;
  if (STRIKE_VERBS.has(l)) m |= RULE_STRIKES;
  if (THERE_NOUNS.has(l) || OPINION_NOUNS.has(l)) m |= RULE_OPINION;
  if (QUANTIFIERS_BY_FIRST.has(l)) m |= RULE_QUANTIFIED;
  if (VAGUE_GROUPS.has(l) || VAGUE_GROUPS_MODIFIED.has(l) || ANONYMOUS_SOURCES.has(l) || UNNAMED_ROLES.has(l) || ANONYMOUS_PERSON_NOUNS.has(l)
    || isPersonPlural(l) || MEDIA_PLURALS.has(l)) m |= RULE_GROUP;
  if (l === "they") m |= RULE_PRONOUN;
  if (STUDY_NOUNS.has(l)) m |= RULE_STUDY;
  if (ANONYMITY_BY_FIRST.has(l)) m |= RULE_ANONYMITY;
  return m;
}

/**
 * Every word some rule's gate accepts, but for plurals of more than four letters (isPersonPlural's
 * endings all end in "s"): ruleMask is 0 for any other word, so tokenize() need not compute it.
 */
const GATED: ReadonlySet<string> = new Set([
  ...HEDGE_ADJECTIVES, "what", ...REPORT_NOUNS, ...HEDGE_ADVERBS, ...HEDGES_BY_FIRST.keys(), ...(HEDGES_BY_FIRST.has("*be*") ? BE_FORMS : []),
  ...JUDGEMENT_PARTICIPLES.keys(), ...DEPICTION_PARTICIPLES, ...JUDGEMENT_BY_AGENT,
  "amid", "amidst", ...AGENT_CRITICISM_VERBS, ...CRITICISM_BY_FIRST.keys(), ...STRIKE_VERBS, ...THERE_NOUNS, ...OPINION_NOUNS,
  ...QUANTIFIERS_BY_FIRST.keys(), ...VAGUE_GROUPS, ...VAGUE_GROUPS_MODIFIED, ...ANONYMOUS_SOURCES, ...UNNAMED_ROLES,
  ...ANONYMOUS_PERSON_NOUNS, ...PERSON_PLURALS, ...MEDIA_PLURALS, "they", ...STUDY_NOUNS, ...ANONYMITY_BY_FIRST.keys(),
]);
/** ruleMask of every gated word, precomputed: one lookup per token instead of some twenty sets. */
const GATED_MASKS: ReadonlyMap<string, number> = new Map([...GATED].map((w) => [w, ruleMask(w)]));
/**
 * ruleMask(l) for any l: a word outside GATED is in none of ruleMask's sets (they are all in GATED),
 * so only isPersonPlural's endings can give it a rule, the group rule.
 */
const maskOf = (l: string): number => (mayBeGated(l) ? GATED_MASKS.get(l) : undefined) ?? (l.length > 4 && l.endsWith("s") && isPersonPlural(l) ? RULE_GROUP : 0);
/**
 * Bit n of GATED_SHAPES[26 * first + last] (a = 0) is set when a gated word of length n starts and
 * ends with those letters a-z: a lower-case word that starts and ends with a-z and fits no bit is not
 * gated, and its map lookup (the larger part of maskOf's cost) is skipped; 72% of the bench corpus's words.
 */
const GATED_SHAPES = (() => {
  const t = new Uint32Array(26 * 26);
  for (const w of GATED) {
    const a = w.charCodeAt(0) - 97;
    const b = w.charCodeAt(w.length - 1) - 97;
    if (a >= 0 && a < 26 && b >= 0 && b < 26 && w.length <= 30) t[26 * a + b]! |= 1 << w.length;
  }
  return t;
})();
/** False when the lower-case word l is certainly not in GATED (words not starting and ending a-z are not decided here). */
export function mayBeGated(l: string): boolean {
  const n = l.length;
  const a = l.charCodeAt(0) - 97;
  const b = l.charCodeAt(n - 1) - 97;
  if (n === 0 || n > 30 || a < 0 || a >= 26 || b < 0 || b >= 26) return true;
  return (GATED_SHAPES[26 * a + b]! & (1 << n)) !== 0;
}
/** For tests: whether l is gated. */
export const isGated = (l: string): boolean => GATED.has(l);

/** A token's first character is a letter or digit (ASCII answered without the regex). */
function wordStart(c: number, ch: string): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return WORD_START.test(ch);
}
function upperStart(c: number, ch: string): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(ch);
}
/** The first index of ch in s at or after `from`, or Infinity. */
const nextIndex = (s: string, ch: string, from: number): number => {
  const k = s.indexOf(ch, from);
  return k < 0 ? Infinity : k;
};
const lowerToken = (t: string): string => {
  const l = t.toLowerCase();
  return l.includes("’") ? l.replace(/’/g, "'") : l;
};

/**
 * Where the next TOKEN_RE match at or after `from` in s starts, as TOKEN_RE.exec finds it (its end
 * left in TOKEN_RE.lastIndex), or -1 when there is none; without a match array per token. test()
 * finds the end, and the start is the first non-space at or after `from`: every character but
 * white space opens a token (a letter or digit the word alternatives, any other the last one).
 * Tested against exec (test/nlp/speed-equivalence.test.ts).
 */
export function nextToken(s: string, from: number): number {
  TOKEN_RE.lastIndex = from;
  if (!TOKEN_RE.test(s)) return -1;
  while (isSpace(s.charCodeAt(from))) from++;
  return from;
}
/** For tests: TOKEN_RE's matches in s as nextToken reads them, and as exec finds them, as [start, end]. */
export function tokenSpans(s: string, byExec = false): [number, number][] {
  const out: [number, number][] = [];
  if (byExec) {
    const re = new RegExp(TOKEN_RE);
    for (let m; (m = re.exec(s)); ) out.push([m.index, m.index + m[0].length]);
  } else {
    for (let from = 0, at: number; (at = nextToken(s, from)) >= 0; from = TOKEN_RE.lastIndex) out.push([at, TOKEN_RE.lastIndex]);
  }
  return out;
}

/** Tokenizes the whole text once, marking sentence and quotation membership (exported for tests). */
export function tokenize(doc: Doc): Token[] {
  const { text } = doc;
  const out: Token[] = [];
  for (const s of doc.sentences) {
    // matched within the sentence: over the whole text, a word running past a cut sentence was read
    // to its end once per sentence (a megabyte-long word was quadratic)
    const sentence = text.slice(s.start, s.end);
    // the next straight and curly apostrophe at or after the token, each searched again only once
    // passed (so the sentence is read once for each): whether a token holds one, without a search per token
    let straight = -Infinity;
    let curly = -Infinity;
    for (let from = 0, at: number; (at = nextToken(sentence, from)) >= 0; ) {
      from = TOKEN_RE.lastIndex;
      if (straight < at) straight = nextIndex(sentence, "'", at);
      if (curly < at) curly = nextIndex(sentence, "’", at);
      const t = sentence.slice(at, from);
      const start = s.start + at;
      const c0 = t.charCodeAt(0);
      const word = wordStart(c0, t[0]!);
      // a clitic is a token of its own, as the attribution stages read it: "It's believed" = it + 's + believed
      const clitic = word && (straight < from || curly < from) ? CLITIC_RE.exec(t) : null;
      const head = clitic ? t.slice(0, t.length - clitic[0].length) : t;
      const low = curly < from ? lowerToken(head) : head.toLowerCase();
      out.push({ start, end: start + head.length, text: head, low, word, cap: word && upperStart(c0, t[0]!), sentence: s.index, quoted: false });
      if (clitic) {
        const cl = lowerToken(clitic[0]);
        out.push({ start: start + head.length, end: start + t.length, text: clitic[0], low: cl, word: true, cap: false, sentence: s.index, quoted: false });
      }
    }
  }
  markQuotes(doc, out);
  return out;
}

function markQuotes(doc: Doc, toks: Token[]): void {
  let inQuote = false;
  let paragraph = -1;
  for (const t of toks) {
    const p = doc.sentences[t.sentence]!.paragraph;
    if (p !== paragraph) {
      paragraph = p;
      inQuote = false;
    }
    if (t.text === "“" || t.text === "«" || t.text === "``") {
      inQuote = true;
      t.quoted = true;
    } else if (t.text === "”" || t.text === "»") {
      t.quoted = true;
      inQuote = false;
    } else if (t.text === "\"" || t.text === "''") {
      t.quoted = true;
      inQuote = !inQuote;
    } else t.quoted = inQuote;
  }
}

/** The detector over one article. */
class Detector {
  readonly toks: Token[];
  /** first token index of each sentence, and one past the last */
  readonly sentFirst: number[];
  readonly sentEnd: number[];
  readonly out: Candidate[] = [];
  /** heads of anonymous sources flagged so far ("official"), for a later "the official said" */
  readonly anonHeads = new Set<string>();
  /** sentence of the last plural vague group flagged, for a later "they say" */
  lastGroupSentence = -1;

  constructor(readonly doc: Doc) {
    this.toks = tokenize(doc);
    this.sentFirst = new Array<number>(doc.sentences.length).fill(-1);
    this.sentEnd = new Array<number>(doc.sentences.length).fill(-1);
    this.toks.forEach((t, i) => {
      if (this.sentFirst[t.sentence] === -1) this.sentFirst[t.sentence] = i;
      this.sentEnd[t.sentence] = i + 1;
    });
  }

  /** Index of the token starting at or containing offset `at`, or -1 (binary search). */
  tokenAt(at: number): number {
    let lo = 0;
    let hi = this.toks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = this.toks[mid]!;
      if (at < t.start) hi = mid - 1;
      else if (at >= t.end) lo = mid + 1;
      else return mid;
    }
    return lo < this.toks.length ? lo : -1;
  }

  /**
   * Whether the sentence of token i ends with a named source after a comma: "…, principal Jo Lee said.",
   * "…, said Jo Lee, the principal." ("…, a spokesman said" and "…, experts say" name nobody.)
   */
  namedAtEnd(i: number): boolean {
    let end = this.sentStop(i);
    while (end > i && !this.toks[end - 1]!.word) end--;
    let comma = -1;
    for (let m = end - 1; m > i && end - m <= 10; m--) {
      if (this.low(m) === "," || QUOTE_MARKS.has(this.toks[m]!.text)) {
        comma = m;
        break;
      }
    }
    if (comma < 0) return false;
    // "…, said Jo Lee, the principal.": the segment with the verb may be the one before an apposition
    if (!INVERTED_SAY.has(this.low(comma + 1)) && !INVERTED_SAY.has(this.low(end - 1))) {
      for (let m = comma - 1; m > i && comma - m <= 8; m--) {
        if (this.low(m) === "," || QUOTE_MARKS.has(this.toks[m]!.text)) {
          if (INVERTED_SAY.has(this.low(m + 1)) || INVERTED_SAY.has(this.low(comma - 1))) {
            end = comma;
            comma = m;
          }
          break;
        }
      }
    }
    let from = comma + 1;
    while (from < end && !this.toks[from]!.word) from++;
    const tail = this.toks.slice(from, end);
    if (tail.length < 2) return false;
    const first = tail[0]!.low;
    const last = tail[tail.length - 1]!.low;
    const sayFirst = INVERTED_SAY.has(first);
    if (!sayFirst && !INVERTED_SAY.has(last)) return false;
    const who = sayFirst ? tail.slice(1) : tail.slice(0, -1);
    if (!who.length || INDEFINITES.has(who[0]!.low) || QUANTIFIER_SEQS.some((q) => q.length === 1 && q[0] === who[0]!.low)) return false;
    if (who.some((t) => ANONYMOUS_SOURCES.has(t.low) || UNNAMED_ROLES.has(t.low) || ANONYMITY_ADJECTIVES.has(t.low))) return false;
    return who.some((t) => t.word && t.cap && !GENERIC_PREMODIFIERS.has(t.low));
  }

  /** Whether token i sits in a condition: "if"/"unless"/"whether" before it in its clause, no comma between. */
  conditional(i: number): boolean {
    const first = this.sentStart(i);
    for (let j = i; j >= first && i - j < MAX_WALK; j--) {
      const l = this.low(j);
      if (l === "," || l === ";" || l === ":" || l === "—" || l === "–") return false;
      if (CONDITIONALS.has(l) && !this.toks[j]!.quoted) return !(l === "if" && (this.low(j - 1) === "even" || this.low(j - 1) === "as"));
    }
    return false;
  }

  /** The longest quantifier starting at token i ("a growing number of", "many"): [sequence, end] or null. */
  quantifierAt(i: number): [string[], number] | null {
    for (const seq of QUANTIFIERS_BY_FIRST.get(this.low(i)) ?? NO_SEQS) {
      const e = this.seqAt(i, seq);
      if (e > 0) return [seq, e];
    }
    return null;
  }

  low(i: number): string {
    return this.toks[i]?.low ?? "";
  }
  same(i: number, j: number): boolean {
    const a = this.toks[i];
    const b = this.toks[j];
    return !!a && !!b && a.sentence === b.sentence;
  }
  /** Whether the token sequence `seq` starts at i (within i's sentence). "*be*" matches any "be" form. */
  seqAt(i: number, seq: readonly string[]): number {
    let k = i;
    for (const w of seq) {
      if (w === "*adv*") {
        while (this.same(i, k) && PASSIVE_ADVERBS.has(this.low(k))) k++;
        continue;
      }
      if (!this.same(i, k)) return -1;
      const l = this.low(k);
      if (w === "*be*" ? !BE_FORMS.has(l) : l !== w) return -1;
      k++;
    }
    return k; // one past the match
  }
  /** First token of token i's sentence; past the last token (a trigger ending the text) it is i itself. */
  sentStart(i: number): number {
    const t = this.toks[i];
    return t ? this.sentFirst[t.sentence]! : i;
  }
  /** One past the last token of token i's sentence; past the last token it is i itself. */
  sentStop(i: number): number {
    const t = this.toks[i];
    return t ? this.sentEnd[t.sentence]! : i;
  }

  /** First token of the clause holding token i: back to a comma, a conjunction or the sentence start. */
  clauseStart(i: number): number {
    const first = this.sentStart(i);
    for (let j = i - 1, n = 0; j >= first; j--, n++) {
      const t = this.toks[j]!;
      if (n > MAX_WALK) return j + 1;
      if (!t.word && CLAUSE_PUNCT.has(t.text)) return this.skipQuotes(j + 1, i);
      if (t.word && WH_OPENERS.has(t.low)) return j;
      if (t.word && CLAUSE_OPENERS.has(t.low)) {
        // "… but has been met with …": a verb phrase sharing the subject before the conjunction
        const coordinated = (t.low === "and" || t.low === "but" || t.low === "or") && AUXILIARIES.has(this.low(j + 1))
          && this.low(j - 1) !== ",";
        if (!coordinated) return j + 1;
      }
    }
    return this.skipQuotes(first, i);
  }
  private skipQuotes(j: number, limit: number): number {
    while (j < limit && !this.toks[j]!.word && !QUOTE_MARKS.has(this.toks[j]!.text)) j++;
    return j;
  }

  /** One past the last token of the clause that goes on from token i. */
  clauseEnd(i: number, stopAtComma = false): number {
    const stop = this.sentStop(i);
    let notJust = false;
    let j = i;
    for (; j < stop; j++) {
      const t = this.toks[j]!;
      if (t.low === ";") break;
      if ((t.low === "just" || t.low === "only") && this.low(j - 1) === "not") notJust = true;
      if (t.low === "," || t.low === "—" || t.low === "–") {
        const nextBreaks = breakersAt(this.low(j + 1)).some((s) => this.seqAt(j + 1, s) > 0);
        if (notJust && this.low(j + 1) === "but") continue;
        if (nextBreaks) break;
        if (stopAtComma && t.low === ",") break;
      }
    }
    while (j > i && !this.toks[j - 1]!.word && TRAILING.has(this.toks[j - 1]!.text)) j--;
    return j;
  }

  /** End of a claim whose clause starts at `start` and goes on from i: a subordinate clause stops at a comma. */
  endFrom(start: number, i: number, stopAtComma = false): number {
    const opener = start > this.sentStart(start) ? this.low(start - 1) : "";
    return this.clauseEnd(i, stopAtComma || SUBORDINATORS.has(opener));
  }

  /** The sentence of token i as a span (without its final punctuation). */
  sentenceSpan(i: number): [number, number] {
    const first = this.sentStart(i);
    let last = this.sentStop(i);
    while (last > first + 1 && !this.toks[last - 1]!.word && TRAILING.has(this.toks[last - 1]!.text)) last--;
    return [this.toks[first]!.start, this.toks[last - 1]!.end];
  }

  add(startTok: number, endTok: number, reason: ClaimReason, trigFrom: number, trigTo: number): void {
    if (endTok <= startTok) return;
    const a = this.toks[startTok]!;
    const b = this.toks[endTok - 1]!;
    this.addSpan(a.start, b.end, reason, trigFrom, trigTo);
  }
  addSpan(start: number, end: number, reason: ClaimReason, trigFrom: number, trigTo: number): void {
    this.out.push({
      start,
      end,
      reason,
      trigger: [this.toks[trigFrom]!.start, this.toks[trigTo - 1]!.end],
      explanation: EXPLAIN[reason],
    });
  }

  run(): void {
    for (let i = 0; i < this.toks.length; i++) {
      const t = this.toks[i]!;
      if (!t.word || t.quoted) continue;
      // the rules this word can start (read only here, so not for words in quotation marks)
      const m = maskOf(t.low);
      if (!m) continue;
      if (m & RULE_HEDGE) this.hedge(i);
      if (m & RULE_PASSIVE) this.passive(i);
      if (m & RULE_CRITICISM) this.criticism(i);
      if (m & RULE_STRIKES) this.strikes(i);
      if (m & RULE_OPINION) this.opinion(i);
      if (m & RULE_QUANTIFIED) this.quantified(i);
      if (m & RULE_GROUP) this.group(i);
      if (m & RULE_PRONOUN) this.pronoun(i);
      if (m & RULE_STUDY) this.study(i);
      if (m & RULE_ANONYMITY) this.anonymity(i);
    }
  }

  // ---- hedges ------------------------------------------------------------------------------------

  /** Names the rules read as sources: "according to the Harbour Gazette", "TASS reported": [name, offset]. */
  lexicalSources(): [string, number][] {
    const out: [string, number][] = [];
    for (let j = 0; j < this.toks.length; j++) {
      if (this.toks[j]!.quoted) continue;
      let k = -1;
      if (this.low(j) === "according" && this.low(j + 1) === "to") k = this.low(j + 2) === "the" ? j + 3 : j + 2;
      if (k >= 0 && this.toks[k]?.cap && this.same(j, k) && !/^(reports?|media|unconfirmed|sources?)$/.test(this.low(k))) {
        let e = k;
        while (e < k + 6 && this.same(k, e) && (this.toks[e]!.cap || (this.low(e) === "of" && this.toks[e + 1]?.cap))) e++;
        out.push([this.doc.text.slice(this.toks[k]!.start, this.toks[e - 1]!.end), this.toks[k]!.start]);
      }
    }
    return out;
  }

  /** A named source in this sentence or the one before: "According to KCNA, …", "TASS reported". */
  namedSourceNear(i: number): boolean {
    const s = this.toks[i]!.sentence;
    const from = this.sentFirst[Math.max(0, s - 1)]!;
    const to = this.sentStop(i);
    for (let j = Math.max(0, from); j < to; j++) {
      const l = this.low(j);
      if (l === "according" && this.low(j + 1) === "to") {
        let k = j + 2;
        if (this.low(k) === "the") k++;
        const n = this.toks[k];
        if (n?.cap && !/^(reports?|media|unconfirmed|sources?)$/.test(n.low)) return true;
      }
      if ((l === "reported" || l === "relayed" || l === "reports") && this.toks[j - 1]?.cap && this.toks[j - 1]!.word) {
        if (!/^(the|media|reports?)$/.test(this.low(j - 1))) return true;
      }
    }
    return false;
  }

  hedge(i: number): void {
    const l = this.low(i);
    // "the alleged bribe", "in an apparent attempt to …": an adjective that hedges its noun
    if (HEDGE_ADJECTIVES.has(l) && (DETERMINERS.has(this.low(i - 1)) || this.low(i - 1) === "'s") && this.same(i - 1, i)
      && this.toks[i + 1]?.word && this.same(i, i + 1) && !NON_NOUNS.has(this.low(i + 1))) {
      if (this.namedSourceNear(i)) return;
      const start = this.clauseStart(i);
      this.add(start, this.endFrom(start, i + 1), "hedge", i, i + 1);
      return;
    }
    // "what appears to be a breach": the article's own guess
    if (l === "what" && /^(appears|appeared|seems|seemed)$/.test(this.low(i + 1)) && this.low(i + 2) === "to" && this.same(i, i + 2)) {
      const start = this.clauseStart(i);
      const e = this.low(i + 3) === "be" ? i + 4 : i + 3;
      this.add(start, this.endFrom(start, e), "hedge", i, e);
      return;
    }
    // "referring to reports that …", "rumors that …": a report with nobody behind it
    if (REPORT_NOUNS.has(l) && l !== "word" && (this.low(i + 1) === "that" || (this.low(i + 1) === "of" && l !== "speculation"))
      && this.same(i, i + 1) && i > this.sentStart(i)) {
      const p = this.toks[i - 1]!;
      if (p.word && !p.cap && !DETERMINERS.has(p.low) && p.low !== "'s" && !this.namedSourceNear(i)) {
        const start = this.clauseStart(i);
        this.add(start, this.endFrom(start, i + 2), "hedge", i, i + 2);
        return;
      }
    }
    if (HEDGE_ADVERBS.has(l)) {
      if (this.namedSourceNear(i)) return;
      const first = this.sentStart(i);
      if (i === first && this.low(i + 1) === ",") {
        const end = this.clauseEnd(i + 2);
        this.add(i, end, "hedge", i, i + 1);
        return;
      }
      const start = this.clauseStart(i);
      const afterComma = start === i && this.low(i - 1) === ",";
      this.add(start, this.endFrom(start, i + 1, afterComma), "hedge", i, i + 1);
      return;
    }
    const seqs = HEDGES_BY_FIRST.get(BE_FORMS.has(l) ? "*be*" : l) ?? NO_SEQS;
    // a form of "be" (3% of the words): every "*be* *adv* W …" phrase skips the same adverbs, so
    // when the word after them is no phrase's W, none of them matches (seqAt would fail each in turn)
    if (seqs === BE_HEDGES && BE_HEDGE_WORDS) {
      let k = i + 1;
      while (this.same(i, k) && PASSIVE_ADVERBS.has(this.low(k))) k++;
      if (!this.same(i, k) || !BE_HEDGE_WORDS.has(this.low(k))) return;
    }
    for (const seq of seqs) {
      const end = this.seqAt(i, seq);
      if (end < 0) continue;
      if (seq[0] === "*be*" && this.low(i - 1) === "it") continue; // "it is said to" is caught as "it *be* said"
      if (seq.includes("reports") && this.toks[i - 1]?.cap && this.toks[i - 1]!.word && this.same(i - 1, i)
        && this.sentStart(i) !== i - 1) continue; // "wire reports said"
      if (this.namedSourceNear(i) && !seq.includes("reports")) return;
      const start = this.clauseStart(i);
      if (seq[0] === "according") {
        const [a, b] = this.sentenceSpan(i);
        this.addSpan(a, b, "hedge", i, end);
      } else this.add(start, this.endFrom(start, end), "hedge", i, end);
      return;
    }
  }

  // ---- agentless passives of judgement -----------------------------------------------------------

  passive(i: number): void {
    const p = this.low(i);
    let follow = JUDGEMENT_PARTICIPLES.get(p);
    const depiction = DEPICTION_PARTICIPLES.has(p);
    // any participle of judgement or saying counts when a vague agent follows ("as predicted by many")
    const byVagueOnly = !follow && (depiction || JUDGEMENT_BY_AGENT.has(p));
    if (!follow && !byVagueOnly) return;
    if (depiction) follow = undefined;
    const first = this.sentStart(i);
    // what comes before: "be" (+ adverbs), a vague adverb ("widely considered"), or ", considered"
    let j = i - 1;
    while (j >= first && PASSIVE_ADVERBS.has(this.low(j))) j--;
    const before = j >= first ? this.low(j) : "";
    let mode: "be" | "adverb" | "reduced" | "agent" | "bare" | null = null;
    if (BE_FORMS.has(before) && !((before === "'s") && !["it", "that", "he", "she"].includes(this.low(j - 1)))) mode = "be";
    else if (j < i - 1 && VAGUE_PARTICIPLE_ADVERBS.has(this.low(i - 1))) mode = "adverb";
    else if (j <= i - 1 && REDUCED_PARTICIPLES.has(p) && (before === "," || before === "and" || DASHES.has(before))) {
      if (before !== "and") mode = "reduced";
      else for (let k = j - 1; k >= Math.max(first, j - 10); k--) if (BE_FORMS.has(this.low(k))) mode = "reduced";
    }
    if (!mode && BARE_PASSIVES.get(p) === this.low(i + 1) && i > first && !ACTIVE_SUBJECTS.has(this.low(i - 1))) {
      // "expected to" after a noun is as often active ("the mayor expected to win"): only in "with X expected to"
      if (p !== "expected") mode = "bare";
      else for (let k = i - 1; k >= Math.max(first, i - 8); k--) if (this.low(k) === "with") mode = "bare";
    }
    // the agent: "by Smith" names one, "by some" and "by parents" do not (and make any participle of
    // judgement a vague passive)
    let next = i + 1;
    while (this.same(i, next) && PASSIVE_ADVERBS.has(this.low(next)) && this.low(next) !== "not") next++; // "dismissed so often as"
    let vagueBy = false;
    if (this.low(next) === "by") {
      const a = this.vagueAgentEnd(next + 1);
      if (a < 0) return;
      next = a;
      vagueBy = true;
      mode ??= "agent";
    }
    if (!mode) return;
    if (!follow) {
      if (!vagueBy) return;
      follow = [".", "", "as"];
    }
    // "an edge on being seen as decisive": a gerund after a preposition names a quality, asserts nothing
    if (before === "being" && GROUP_PREPOSITIONS.has(this.low(j - 1))) return;
    // measured opinion: "viewed favourably by 40 percent" is a poll's finding, sourced by the poll
    if (PERCEPTION_PARTICIPLES.has(p) && this.percentIn(i)) return;
    const nl = this.low(next);
    const atEnd = !this.same(i, next) || (!this.toks[next]!.word && TRAILING.has(this.toks[next]!.text));
    if (atEnd) {
      if (!follow.includes(".")) return;
    } else if (follow.includes("")) {
      if (!this.toks[next]!.word) return;
      if (NON_COMPLEMENTS.has(nl) && !vagueBy) return; // "considered in the order they arrive"
    } else if (!follow.includes(nl)) return;
    if (atEnd) next = Math.min(next, this.sentStop(i));
    if (mode === "agent" && this.low(i - 1) === "as") {
      // "The bill passed, as predicted by many observers": the main clause is the claim
      const [a, b] = this.sentenceSpan(i);
      this.addSpan(a, b, "passive without agent", i, next);
      return;
    }
    if (mode === "be") {
      const start = this.clauseStart(j);
      this.add(start, this.endFrom(start, next), "passive without agent", j, next);
    } else {
      // a reduced passive describes the noun before it: the claim is the participle phrase
      const start = mode === "adverb" ? i - 1 : i;
      this.add(start, this.clauseEnd(next, true), "passive without agent", start, next);
    }
  }

  /** Whether the sentence of token i reports a percentage (a poll's finding). */
  percentIn(i: number): boolean {
    for (let m = this.sentStart(i); m < this.sentStop(i); m++) {
      const l = this.low(m);
      if (l === "percent" || l === "%" || l === "per" && this.low(m + 1) === "cent") return true;
    }
    return false;
  }

  /**
   * One past a vague agent starting at k ("some", "many observers", "parents", "critics of the plan"),
   * or -1 when the agent is named or definite ("Smith", "the union", "prosecutors").
   */
  vagueAgentEnd(k: number): number {
    if (!this.same(k - 1, k)) return -1;
    const m = this.quantifierAt(k)?.[1] ?? k;
    const quantified = m > k;
    // modifiers, then a plural noun of people
    for (let n = 0; n < 4 && this.same(k, m + n); n++) {
      const t = this.toks[m + n]!;
      if (!t.word || (t.cap && !quantified) || FUNCTION_WORDS.has(t.low)) break;
      if (isPersonPlural(t.low) && !INSTITUTIONAL_PLURALS.has(t.low)) return m + n + 1;
    }
    if (VAGUE_AGENTS.has(this.low(k))) return k + 1;
    return quantified && !this.toks[m]?.word ? m : -1;
  }

  /**
   * "One view is that …", "a near-consensus among economists", "the perception by some that …": an
   * opinion that nobody named holds.
   */
  opinion(i: number): void {
    const l = this.low(i);
    if (THERE_NOUNS.has(l)) this.thereAre(i);
    if (!OPINION_NOUNS.has(l)) return;
    let d = i - 1;
    let general = false;
    for (let n = 0; n < 3 && this.same(d, i) && this.toks[d]?.word && !FUNCTION_WORDS.has(this.low(d)) && !INDEFINITES.has(this.low(d)); n++, d--) {
      if (this.toks[d]!.cap && d > this.sentStart(i)) return; // "the Kremlin view"
      if (GENERAL_ADJECTIVES.has(this.low(d))) general = true;
    }
    if (!this.same(d, i)) return;
    const det = this.low(d);
    const p = this.low(i + 1);
    let end = -1;
    if (p === "among" || p === "by" || (p === "of" && this.low(i + 2) !== "the")) end = this.vagueAgentEnd(i + 2);
    if (end < 0) {
      const open = det === "a" || det === "an" || det === "one" || (general && (det === "the" || det === "there"));
      const that = (p === "that" && this.complementAt(i + 2)) || (BE_FORMS.has(p) && this.low(i + 2) === "that");
      if (!open || !that) return;
      end = p === "that" ? i + 2 : i + 3;
    }
    const start = this.clauseStart(d);
    this.add(start, this.endFrom(start, end), "weasel", d + (INDEFINITES.has(det) || DETERMINERS.has(det) ? 0 : 1), end);
  }

  /**
   * Whether the clause after "that" at k has a subject of its own ("a feeling that the boom is over"),
   * not a verb ("a feeling that cuts across parties": a relative clause).
   */
  complementAt(k: number): boolean {
    const t = this.toks[k];
    if (!t || !t.word || !this.same(k - 1, k)) return false;
    return t.cap || SUBJECT_STARTS.has(t.low) || (!/(s|ed)$/.test(t.low) && !AUXILIARIES.has(t.low) && !/^(will|would|could|can|may|might)$/.test(t.low));
  }

  /** "There are growing fears that the mill will close": a view that nobody holds by name. */
  thereAre(i: number): void {
    let d = i - 1;
    for (let n = 0; n < 3 && (CRITICISM_ADJECTIVES.has(this.low(d)) || GENERAL_ADJECTIVES.has(this.low(d))); n++) d--;
    if (this.low(d) === "a" || this.low(d) === "some") d--;
    if (!BE_FORMS.has(this.low(d)) || this.low(d - 1) !== "there" || !this.same(d - 1, i)) return;
    const that = (this.low(i + 1) === "that" && this.complementAt(i + 2)) || (this.low(i + 1) === "among" && this.vagueAgentEnd(i + 2) >= 0);
    if (!that) return;
    const start = this.clauseStart(d - 1);
    this.add(start, this.endFrom(start, i + 2), "weasel", d - 1, i + 1);
  }

  /** "The plan strikes some advocates as timid": the group after the verb holds the view. */
  strikes(i: number): void {
    if (!STRIKE_VERBS.has(this.low(i))) return;
    const a = this.vagueAgentEnd(i + 1);
    if (a < 0 || this.low(a) !== "as") return;
    const start = this.clauseStart(i);
    this.add(start, this.endFrom(start, a + 1), "weasel", i, a + 1);
  }

  /** "has faced sharp criticism", "came under fire", "is drawing criticism" with no critic named. */
  criticism(i: number): void {
    this.amid(i);
    if (AGENT_CRITICISM_VERBS.has(this.low(i))) this.raised(i);
    for (const seq of CRITICISM_BY_FIRST.get(this.low(i)) ?? NO_SEQS) {
      const k0 = this.seqAt(i, seq);
      if (k0 < 0) continue;
      let k = k0;
      let n = 0;
      while (n < 3 && CRITICISM_ADJECTIVES.has(this.low(k)) && this.same(i, k)) k++, n++;
      const noun = this.low(k);
      // "took heat", "caught flak": the verbs of taking carry only the nouns of heat
      const take = /^(take|takes|took|taken|taking|catch|catches|caught|catching)$/.test(seq[0]!);
      const doubt = DOUBT_NOUNS.has(noun) && !take && /^(face|faces|faced|facing|draw|draws|drew|drawn|drawing|attract|attracts|attracted|attracting|come under|comes under|came under|coming under)$/.test(seq.join(" "));
      if ((!CRITICISM_NOUNS.has(noun) && !doubt) || !this.same(i, k)) continue;
      const verb = seq.join(" ");
      if (!doubt && take !== CRITICISM_TAKE_NOUNS.has(noun)) continue;
      if (noun === "opposition" && !/^(met|meet|meets|meeting|face|faces|faced|facing) /.test(verb + " ") && seq.length < 2) {
        if (!/^(face|faces|faced|facing)$/.test(seq[0]!)) continue;
      }
      if (noun === "fire" && !/under/.test(verb)) continue;
      // "questions from reporters" are only questions; "criticism from environmentalists" is a vague group's
      if (this.low(k + 1) === "from" && (doubt && !CRITICISM_NOUNS.has(noun) ? !this.sidesFrom(k + 2) : !this.vagueFrom(k + 2))) continue;
      const start = this.clauseStart(i);
      this.add(start, this.endFrom(start, k + 1), "passive without agent", i, k + 1);
      return;
    }
  }

  /** After "from": a vague agent, or "both sides", "all sides", "across the spectrum". */
  vagueFrom(k: number): boolean {
    return this.vagueAgentEnd(k) >= 0 || this.sidesFrom(k);
  }
  sidesFrom(k: number): boolean {
    const l = this.low(k);
    return l === "both" || l === "all" || l === "across" || l === "within" || l === "inside";
  }

  /** "The documents raised new questions about …": doubt raised by something, not by someone. */
  raised(i: number): void {
    let k = i + 1;
    for (let n = 0; n < 3 && CRITICISM_ADJECTIVES.has(this.low(k)) && this.same(i, k); n++) k++;
    if (!DOUBT_NOUNS.has(this.low(k)) || !this.same(i, k)) return;
    if (this.low(k + 1) === "from" && !this.sidesFrom(k + 2)) return;
    if (this.low(i - 1) === "to") return; // "a chance to raise questions": the raiser is the subject elsewhere
    // the subject is the one who doubts: a name or a person pronoun before the verb is a source
    let j = i - 1;
    while (j >= this.sentStart(i) && (AUX_ADVERBS.has(this.low(j)) || PASSIVE_ADVERBS.has(this.low(j)))) j--;
    const subj = this.toks[j];
    if (subj && this.same(i, j) && ((subj.cap && j > this.sentStart(i)) || PERSON_PRONOUNS.has(subj.low))) return;
    if (subj && this.same(i, j) && j === this.sentStart(i) && subj.cap && !FUNCTION_WORDS.has(subj.low)) return; // "Lee raised …"
    const start = this.clauseStart(i);
    this.add(start, this.endFrom(start, k + 1), "passive without agent", i, k + 1);
  }

  /** "… amid growing concern about …", "amid reports that …": doubt or rumour that nobody voices. */
  amid(i: number): void {
    const l = this.low(i);
    if (l !== "amid" && l !== "amidst") return;
    let k = i + 1;
    for (let n = 0; n < 3 && CRITICISM_ADJECTIVES.has(this.low(k)) && this.same(i, k); n++) k++;
    const noun = this.low(k);
    const report = REPORT_NOUNS.has(noun) && noun !== "word";
    if ((!DOUBT_NOUNS.has(noun) && !report) || !this.same(i, k)) return;
    if ((this.low(k + 1) === "from" || this.low(k + 1) === "by") && !this.vagueFrom(k + 2)) return;
    const start = this.clauseStart(i);
    this.add(start, this.endFrom(start, k + 1), report ? "hedge" : "passive without agent", i, k + 1);
  }

  // ---- vague groups and anonymous sources ----------------------------------------------------------

  /** After a group ending at token h: PP or relative clause, auxiliaries, then a stance verb. */
  stanceAfter(h: number, plural = true): { verb: number; end: number } | null {
    let k = this.skipAside(h + 1);
    if (!this.same(h, k)) return null;
    if (this.low(k) === "," && this.low(k + 1) === "who") k++; // "legal experts, who worry that …"
    const l = this.low(k);
    // "a source familiar with the inquiry said", "a witness interviewed by the committee said"
    const qualified = qualifiersAt(l).some((q) => this.seqAt(k, q) > 0) || RELATIVE_PARTICIPLES.has(l);
    if (GROUP_PREPOSITIONS.has(l) || l === "who" || l === "that" || qualified) {
      const rel = l === "who" || l === "that";
      const limit = Math.min(this.sentStop(h), k + (rel || qualified ? 10 : 8));
      let found = -1;
      for (let m = k + 1; m < limit; m++) {
        m = this.skipAside(m);
        const t = this.toks[m];
        if (!t || m >= limit) break;
        if (!t.word && t.text !== "." && t.text !== "-") break;
        if (t.low === "to" && (l === "who" || l === "that")) break;
        if (t.word && STANCE_VERBS.has(t.low) && ["a", "an", "the"].includes(this.low(m - 1))) continue; // a noun: "the report"
        if (t.word && (STANCE_VERBS.has(t.low) || BE_FORMS.has(t.low) || AUX_ADVERBS.has(t.low)) && (rel ? STANCE_VERBS.has(t.low) : true)
          && !(qualified && m === k + 1)) {
          found = m;
          break;
        }
      }
      if (found < 0) return null;
      k = found;
    }
    let negated = false;
    const k0 = k;
    for (let n = 0; n < 5 && (AUX_ADVERBS.has(this.low(k)) || NEGATIONS.has(this.low(k))); n++, k++) {
      if (NEGATIONS.has(this.low(k)) || /n't$/.test(this.low(k))) negated = true;
    }
    if (negated || !this.same(h, k)) return null;
    let v = this.low(k);
    // the progressive: "others are saying", "critics were warning"
    if (BE_FORMS.has(v) && /ing$/.test(this.low(k + 1)) && stanceIng(this.low(k + 1))) {
      k++;
      v = STANCE_VERBS.has(this.low(k)) ? this.low(k) : "say";
      return { verb: k, end: k + 1 };
    }
    if (STANCE_VERBS.has(v)) {
      if (["a", "an", "the", "their", "his", "her", "its"].includes(this.low(k - 1))) return null; // "a say"
      if (STANCE_VERBS_NEEDING_AS.has(v)) {
        // "see it as", "view the press with suspicion", "regard him with distaste"
        let ok = false;
        const withOk = /^(view|views|viewed|regard|regards|regarded)$/.test(v);
        for (let m = k + 1; m < k + 11 && this.same(k, m); m++) if (this.low(m) === "as" || (withOk && this.low(m) === "with")) ok = true;
        if (!ok) return null;
      }
      if ((v === "point" || v === "points" || v === "pointed") && this.low(k + 1) !== "out" && this.low(k + 1) !== "to") return null;
      if (/^(know|knows|knew)$/.test(v) && this.low(k + 1) !== "that") return null; // "know that …", not "know him"
      if (/^agree/.test(v) && this.low(k + 1) === "to") return null; // "agreed to share": an act, not a view
      // "reported spending $6 million", "reported a loss": a filing, not a statement
      if (/^report/.test(v) && (/ing$/.test(this.low(k + 1)) || /^(a|an|\$|\d.*)$/.test(this.low(k + 1)))) return null;
      // a plural group takes "say", not "says" (when no auxiliary sits between)
      if (plural && k === k0 && /[^s]s$/.test(v) && this.low(k - 1) !== "who" && this.low(k - 1) !== "that") return null;
      return { verb: k, end: k + 1 };
    }
    if (BE_FORMS.has(v)) {
      let m = k + 1;
      while (PASSIVE_ADVERBS.has(this.low(m)) || AUX_ADVERBS.has(this.low(m))) m++;
      if (STANCE_ADJECTIVES.has(this.low(m)) && this.same(k, m)) return { verb: m, end: m + 1 };
    }
    return null;
  }

  /** Past an aside right at token k: "(…)", ", however," ", too,". Returns the next token. */
  skipAside(k: number): number {
    const t = this.toks[k];
    if (!t) return k;
    if (t.text === "(") {
      for (let m = k + 1; m < k + 25 && this.same(k, m); m++) if (this.toks[m]!.text === ")") return m + 1;
      return k;
    }
    if (t.text === "," && ASIDE_WORDS.has(this.low(k + 1)) && this.low(k + 2) === ",") return k + 3;
    return k;
  }

  /** "…, experts say." / "…, said one source" / "X, union members say, is …": the source comes after the content. */
  inverted(npStart: number, verbEnd: number): boolean {
    const prev = this.low(npStart - 1);
    if (prev === "," || QUOTE_MARKS.has(this.toks[npStart - 1]?.text ?? "")) {
      if (this.low(verbEnd) === "," && npStart > this.sentStart(npStart)) return true; // a parenthesis
      const end = this.clauseEnd(verbEnd);
      return end - verbEnd <= 3 && npStart > this.sentStart(npStart);
    }
    return false;
  }

  /** Whether the clause ends right after the verb ending at `verbEnd` (adverbs and a time aside). */
  verbEndsClause(verbEnd: number): boolean {
    let k = verbEnd;
    while (this.same(verbEnd - 1, k) && (AUX_ADVERBS.has(this.low(k)) || PASSIVE_ADVERBS.has(this.low(k)))) k++;
    const t = this.toks[k];
    return !t || !this.same(verbEnd - 1, k) || !t.word || /^(and|but|or|because|while|although|as|since)$/.test(t.low);
  }

  /** Back over a coordinated plural: "union members and leaders" starts at "union". */
  coordStart(s: number): number {
    const c = this.low(s - 1);
    if ((c === "and" || c === "or") && isPersonPlural(this.low(s - 2)) && this.same(s - 2, s)) {
      const t = this.npStart(s - 2);
      if (t >= 0 && t < s - 1) return t;
    }
    return s;
  }

  /** The source in inverted order after a verb of saying: "…, said one party source". */
  invertedSay(npStart: number): boolean {
    const p = this.low(npStart - 1);
    if (INVERTED_SAY.has(p)) {
      const pp = this.toks[npStart - 2];
      return !!pp && (pp.low === "," || QUOTE_MARKS.has(pp.text)) && this.same(npStart - 2, npStart);
    }
    return p === "to" && this.low(npStart - 2) === "according";
  }

  /** Start of the noun phrase whose head is token h: back over modifiers. -1 when a determiner points back. */
  npStart(h: number): number {
    const first = this.sentStart(h);
    let j = h - 1;
    let n = 0;
    while (j >= first && n < 5) {
      const t = this.toks[j]!;
      if (!t.word) {
        if (t.text === "." && this.toks[j - 1]?.cap) { j--; continue; } // "U.S" in "Mr." style
        break;
      }
      if (FUNCTION_WORDS.has(t.low) || INDEFINITES.has(t.low) || CLAUSE_OPENERS.has(t.low) || SUBORDINATORS.has(t.low)) break;
      j--;
      n++;
    }
    const d = this.low(j);
    // "said that sources …": before a plural, "that" opens a clause; it points back only to a singular
    if (j >= first && d === "that" && /s$/.test(this.low(h)) && !this.toks[h]!.cap) return j + 1;
    if (j >= first && ANAPHORIC_DETERMINERS.has(d)) return -1;
    if (j >= first && (INDEFINITES.has(d) || d === "his" || d === "her" || d === "their")) return j;
    return j + 1;
  }

  /** Whether the group noun phrase [s, h] names someone: "aide Ann Lee", "Smith, a senior adviser". */
  named(s: number, h: number): boolean {
    const next = this.toks[h + 1];
    if (next?.cap && next.word && this.same(h, h + 1) && !INVERTED_SAY.has(next.low)) return true;
    if (this.low(h + 1) === "," && this.toks[h + 2]?.cap && this.toks[h + 2]!.word && this.toks[h + 3]?.cap) return true;
    const at = h + (this.low(h + 1) === "," ? 2 : 1);
    for (const seq of namingAt(this.low(at))) {
      const k = this.seqAt(at, seq);
      if (k > 0 && this.toks[k]?.cap) return true;
    }
    if (INDEFINITES.has(this.low(s)) && this.low(s - 1) === "," && this.toks[s - 2]?.cap && this.toks[s - 2]!.word) return true;
    // "Jane Roe, a former … official who runs …": apposition to a name
    return false;
  }

  /** Emits a claim for the group noun phrase [s, h] whose stance verb ends at `verbEnd`. */
  emitGroup(s: number, h: number, verbEnd: number, reason: ClaimReason): void {
    s = this.coordStart(s);
    // "a candidate whom many members oppose": the group judges the noun the relative clause hangs on
    const objectRelative = s > this.sentStart(s) && /^(who|whom|which|that)$/.test(this.low(s - 1)) && this.verbEndsClause(verbEnd);
    if (this.inverted(s, verbEnd) || this.invertedSay(s) || objectRelative) {
      const [a, b] = this.sentenceSpan(h);
      this.addSpan(a, b, reason, this.invertedSay(s) ? s - 1 : s, verbEnd);
      return;
    }
    const start = this.clauseStart(s);
    this.add(start, this.endFrom(start, verbEnd), reason, s, verbEnd);
  }

  quantified(i: number): void {
    const found = this.quantifierAt(i);
    if (!found) return;
    const q = found[0];
    let k = found[1];
    if (i > this.sentStart(i) && ANAPHORIC_DETERMINERS.has(this.low(i - 1))) return; // "the many"
    // "many of whom", "some of his supporters", "some of the experts"
    if (this.low(k) === "of" && q[q.length - 1] !== "of") {
      const d = this.low(k + 1);
      if (d === "whom" || d === "them" || d === "those") k += 2;
      else if (["his", "her", "their", "its", "the"].includes(d)) k += 2;
      else return;
    }
    // the head: up to four modifiers, then a plural noun (or nothing: "some believe")
    let h = -1;
    const direct = this.stanceAfter(k - 1);
    if (direct && (this.toks[k - 1]?.low !== "other")) {
      if (q.length === 1 && (q[0] === "most" || q[0] === "other")) return;
      this.emitGroup(i, k - 1, direct.end, "weasel");
      return;
    }
    for (let m = k; m < k + 5 && this.same(i, m); m++) {
      const t = this.toks[m]!;
      if (!t.word && t.text !== "-") break;
      if (!t.word) continue;
      if (FUNCTION_WORDS.has(t.low) && !(t.low === "of" && m > k)) break;
      const media = MEDIA_PLURALS.has(t.low);
      if (isPersonPlural(t.low) || media) {
        // "according to numerous party members": the group is the source of the sentence
        const st = this.stanceAfter(m) ?? (this.invertedSay(i) ? { verb: m, end: m + 1 } : null);
        if (st) {
          h = m;
          const reason: ClaimReason = media ? "hedge" : ANONYMOUS_SOURCES.has(t.low) ? "anonymous source" : "weasel";
          this.emitGroup(i, h, st.end, reason);
          this.noteGroup(h);
          return;
        }
      }
    }
  }

  group(i: number): void {
    const l = this.low(i);
    const vague = VAGUE_GROUPS.has(l) || VAGUE_GROUPS_MODIFIED.has(l);
    const anon = ANONYMOUS_SOURCES.has(l) || UNNAMED_ROLES.has(l);
    if (!vague && !anon) {
      if (ANONYMOUS_PERSON_NOUNS.has(l)) this.anonymousPerson(i);
      else if (isPersonPlural(l) || MEDIA_PLURALS.has(l)) {
        this.bareGroup(i);
        this.plainSubject(i);
      }
      return;
    }
    const s = this.npStart(i);
    if (s < 0) {
      if (anon) this.definite(i);
      return;
    }
    // "citing unnamed sources", "citing officials familiar with the talks": the sentence rests on them
    let s0 = s;
    if (this.low(s - 1) === "of" && /^(one|some|many|two|three|several|most)$/.test(this.low(s - 2)) && this.same(s - 2, s)) s0 = s - 2; // "one of two witnesses"
    if (s0 < s && this.invertedSay(s0)) {
      this.emitGroup(s0, i, i + 1, "anonymous source");
      this.noteGroup(i);
      return;
    }
    let citing = -1;
    for (let m = s - 1; m < i; m++) if (this.low(m) === "citing" && this.same(m, i)) citing = m;
    if (citing >= 0 && anon && !this.named(citing + 1, i)) {
      const [a, b] = this.sentenceSpan(i);
      this.addSpan(a, b, "anonymous source", citing, i + 1);
      this.noteGroup(i);
      return;
    }
    // a quantifier in front is the quantified rule's business
    if (this.quantifierAt(s)) return;
    const singular = !/s$/.test(l) || l === "confidante";
    let anonymised = false;
    for (let m = s; m < i; m++) if (ANONYMITY_ADJECTIVES.has(this.low(m))) anonymised = true;
    if (singular && !(INDEFINITES.has(this.low(s))) && !anonymised) return;
    if (this.named(s, i)) return;
    if (VAGUE_GROUPS_MODIFIED.has(l) && s === i && !GROUP_PREPOSITIONS.has(this.low(i + 1))) {
      // a bare "leaders agreed" points back; a bare "supporters hope" holds a view
      const st = this.stanceAfter(i, true);
      if (!st || !COGNITION.has(this.low(st.verb))) return;
    }
    if (anon && (ORGANISATION_VOICES.has(l) || BODY_VOICES.has(l)) && !anonymised) {
      // "officials at the Department of …", "a spokesman for the Harbour Board" and "State Department
      // officials" speak for an organisation
      const p = this.low(i + 1);
      if (["at", "of", "from", "with", "for", "in", "to"].includes(p)) {
        const n = this.toks[this.low(i + 2) === "the" ? i + 3 : i + 2];
        if (n?.cap) return;
      }
      for (let m = s; m < i; m++) {
        const t = this.toks[m]!;
        if (t.cap && !GENERIC_PREMODIFIERS.has(t.low) && !INDEFINITES.has(t.low) && !FUNCTION_WORDS.has(t.low)) return; // "Treasury officials admitted …"
      }
    }
    if (OBJECT_VERBS.has(this.low(s - 1)) && this.low(s - 2) !== ",") return; // "told aides that …"
    if (this.invertedSay(s)) {
      this.emitGroup(s, i, i + 1, anon ? "anonymous source" : "weasel");
      this.noteGroup(i);
      return;
    }
    const st = this.stanceAfter(i, !singular);
    if (!st) return;
    this.emitGroup(s, i, st.end, anon ? "anonymous source" : "weasel");
    this.noteGroup(i);
  }

  /** Remembers a vague or anonymous group just flagged: "the source" and "they" may point back to it. */
  noteGroup(h: number): void {
    const l = this.low(h);
    if (ANONYMOUS_SOURCES.has(l) || UNNAMED_ROLES.has(l)) this.anonHeads.add(l);
    if (/s$/.test(l)) this.lastGroupSentence = this.toks[h]!.sentence;
  }

  /**
   * "the source said", "the witness recalled", "the officials said" after they were introduced unnamed:
   * a definite source that is never named. "source" is never a name; other roles must have been
   * flagged as anonymous earlier in the article.
   */
  definite(i: number): void {
    const l = this.low(i);
    let d = i - 1;
    if (this.toks[d]?.word && !FUNCTION_WORDS.has(this.low(d)) && !this.toks[d]!.cap) d--; // "the same source"
    if (this.low(d) !== "the" || !this.same(d, i)) return;
    if (!(l === "source" || l === "sources" || this.anonHeads.has(l))) return;
    if (this.named(d, i) || OBJECT_VERBS.has(this.low(d - 1)) || GROUP_PREPOSITIONS.has(this.low(d - 1))) return;
    if (this.invertedSay(d)) {
      this.emitGroup(d, i, i + 1, "anonymous source");
      return;
    }
    const st = this.stanceAfter(i, /s$/.test(l));
    if (!st) return;
    this.emitGroup(d, i, st.end, "anonymous source");
  }

  /** "they say" right after a vague group was flagged: the same group speaking again. */
  pronoun(i: number): void {
    if (this.low(i) !== "they" || this.lastGroupSentence < 0) return;
    const s = this.toks[i]!.sentence;
    if (s - this.lastGroupSentence > 2 || s === this.lastGroupSentence) return;
    if (this.invertedSay(i) || (this.low(i - 1) === "," && INVERTED_SAY.has(this.low(i + 1)))) {
      const k = this.invertedSay(i) ? i + 1 : i + 2;
      this.emitGroup(i, i, k, "weasel");
      return;
    }
    const st = this.stanceAfter(i, true);
    if (!st || !PLAIN_SAY.has(this.low(st.verb))) return;
    this.emitGroup(i, i, st.end, "weasel");
  }

  /**
   * "Local traders say business is poor", "Harbour fans insist …": a described plural of people that
   * opens its clause, with a verb of saying or believing, is a vague group too. A bare plural ("Voters
   * say") is left alone: it is as often a poll or a group the article named before.
   */
  plainSubject(i: number): void {
    const l = this.low(i);
    const s = this.npStart(i);
    if (s < 0 || s === i || INDEFINITES.has(this.low(s)) || this.quantifierAt(s)) return;
    if (INSTITUTIONAL_PLURALS.has(l) || BODY_VOICES.has(l) || ORGANISATION_VOICES.has(l)) return;
    if (this.clauseStart(s) !== s || this.named(s, i)) return;
    for (let m = s; m < i; m++) {
      if (FUNCTION_WORDS.has(this.low(m)) || !this.toks[m]!.word) return;
      if (this.toks[m]!.cap && INSTITUTION_NOUNS.has(this.low(m))) return; // "House Democrats say": a named body's members
      if (this.low(m) === "'s" && this.toks[m - 1]?.cap) return; // "the firm's founders": people the article can name
    }
    const st = this.stanceAfter(i, true);
    if (!st || !PLAIN_SAY.has(this.low(st.verb))) return;
    this.emitGroup(s, i, st.end, MEDIA_PLURALS.has(l) ? "hedge" : "weasel");
    this.noteGroup(i);
  }

  /** "…, labour lawyers say.": any bare plural of people, after the content it vouches for. */
  bareGroup(i: number): void {
    const s = this.npStart(i);
    if (s < 0 || s === this.sentStart(i) || this.low(s - 1) !== ",") return;
    if (INDEFINITES.has(this.low(s)) || this.named(s, i) || INSTITUTIONAL_PLURALS.has(this.low(i))) return;
    if (s === i) return; // a bare "…, voters say" is too often a poll or a group named before
    for (let m = s; m < i; m++) if (this.toks[m]!.cap) return; // "…, Harbour Board lawyers say": an organisation
    const k = i + 1;
    if (!INVERTED_SAY.has(this.low(k)) || !this.same(i, k) || /[^s]s$/.test(this.low(k))) return;
    if (this.clauseEnd(k + 1) - (k + 1) > 0) return; // only at the end of the sentence
    const [a, b] = this.sentenceSpan(i);
    this.addSpan(a, b, "weasel", s, k + 1);
  }

  /** "a person familiar with the matter", "people close to the president". */
  anonymousPerson(i: number): void {
    for (const seq of qualifiersAt(this.low(i + 1))) {
      const k = this.seqAt(i + 1, seq);
      if (k < 0) continue;
      const [a, b] = this.sentenceSpan(i);
      this.addSpan(a, b, "anonymous source", i, k);
      return;
    }
  }

  /** "one study found …", "a recent analysis shows …" with no author named. */
  study(i: number): void {
    const l = this.low(i);
    if (!STUDY_NOUNS.has(l)) return;
    const s = this.npStart(i);
    if (s < 0) return;
    const d = this.low(s);
    const plural = /s$/.test(l);
    const mass = MASS_STUDY_NOUNS.has(l);
    if (!plural && !mass && !INDEFINITES.has(d)) return;
    if (mass && s < i && !INDEFINITES.has(d) && !this.quantifierAt(s) && !/^(new|recent|more|much|some)$/.test(d)) return; // "his research shows": his
    // "some polls show", not "polls show" (the polls are most often named just before)
    if (l === "polls" && !INDEFINITES.has(d) && !this.quantifierAt(s)) return;
    if ((plural || mass) && (GROUP_PREPOSITIONS.has(this.low(s - 1)) || this.low(s - 1) === "by")) return; // "an analysis of … reports"
    for (let m = s; m < i; m++) if (this.toks[m]!.cap && m > this.sentStart(i)) return; // "a Northfield University study"
    let k = i + 1;
    // "polling of union voters shows", "a review of the records seems to show"
    if (this.low(k) === "of" || this.low(k) === "among" || this.low(k) === "on") {
      let m = k + 1;
      while (m < k + 7 && this.same(i, m) && this.toks[m]!.word && !STUDY_VERBS.has(this.low(m)) && !SEEM_VERBS.has(this.low(m))) m++;
      if (STUDY_VERBS.has(this.low(m)) || SEEM_VERBS.has(this.low(m))) k = m;
    }
    while (AUX_ADVERBS.has(this.low(k))) k++;
    if (SEEM_VERBS.has(this.low(k)) && this.low(k + 1) === "to") k += 2;
    if (!STUDY_VERBS.has(this.low(k)) || !this.same(i, k)) return;
    if (plural && k === i + 1 && /[^s]s$/.test(this.low(k))) return; // "reports shows": not the subject
    if (this.low(i + 1) === "by" || this.low(i + 1) === "from") return;
    this.emitGroup(s, i, k + 1, "weasel");
  }

  /** "… spoke on condition of anonymity": the whole sentence comes from someone unnamed. */
  anonymity(i: number): void {
    for (const seq of ANONYMITY_BY_FIRST.get(this.low(i)) ?? NO_SEQS) {
      const k = this.seqAt(i, seq);
      if (k < 0) continue;
      const [a, b] = this.sentenceSpan(i);
      this.addSpan(a, b, "anonymous source", i, k);
      return;
    }
  }
}

/** Whether an -ing form is a verb of STANCE_VERBS: "saying", "arguing", "warning". */
function stanceIng(w: string): boolean {
  const stem = w.slice(0, -3);
  return STANCE_VERBS.has(stem) || STANCE_VERBS.has(stem + "e") || STANCE_VERBS.has(stem.replace(/(.)\1$/, "$1"));
}

/** Verbs of holding a view (not of acting): a bare "supporters hope" is a vague group, "leaders agreed" is not. */
const COGNITION: ReadonlySet<string> = new Set([
  "hope", "hoped", "believe", "believed", "fear", "feared", "worry", "worried", "think", "thought", "suspect",
  "suspected", "expect", "doubt", "doubted", "say", "argue", "argued", "insist", "insisted", "contend",
]);

const PERSON_PRONOUNS: ReadonlySet<string> = new Set(["he", "she", "they", "i", "we", "you", "who"]);

/** Participles of perception, whose finding a poll measures ("seen as honest by 55 percent"). */
const PERCEPTION_PARTICIPLES: ReadonlySet<string> = new Set(["seen", "viewed", "regarded", "perceived", "considered", "thought"]);

/** Determiners before a hedging adjective or a report noun ("the alleged …", "an apparent …"). */
const DETERMINERS: ReadonlySet<string> = new Set(["the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those", "our", "what", "any", "some"]);
/** Words that show "alleged"/"apparent" is no adjective before a noun ("alleged that", "apparent to"). */
const NON_NOUNS: ReadonlySet<string> = new Set(["to", "that", "by", "in", "on", "at", "from", "and", "or", "but", "for", "with", "as", "when", "if"]);

const CONDITIONALS: ReadonlySet<string> = new Set(["if", "unless", "whether", "suppose", "supposing", "assuming"]);

/** Study nouns used without a determiner ("polling shows", "research suggests"). */
const MASS_STUDY_NOUNS: ReadonlySet<string> = new Set(["polling", "research", "evidence"]);
const SEEM_VERBS: ReadonlySet<string> = new Set(["seems", "seem", "seemed", "appears", "appear", "appeared"]);

const DASHES: ReadonlySet<string> = new Set(["—", "–", "-", "("]);

/** Words that open a clause's subject after "that": "a feeling that the …", "fears that he …". */
const SUBJECT_STARTS: ReadonlySet<string> = new Set([
  "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "its", "this", "these",
  "those", "there", "some", "many", "most", "no", "any", "such", "our", "my", "your", "one", "both", "all",
]);

const ASIDE_WORDS: ReadonlySet<string> = new Set(["however", "though", "too", "meanwhile", "alike", "also", "moreover", "instead", "therefore"]);

/** A plural noun of people: "voters", "Canadians", "cast members" (not "questions", "countries"). */
function isPersonPlural(w: string): boolean {
  if (PERSON_PLURALS.has(w) || VAGUE_GROUPS.has(w) || (VAGUE_GROUPS_MODIFIED.has(w) && w !== "groups" && !/^organi/.test(w))) return true;
  if (NON_PERSON_PLURALS.has(w) || /'s$/.test(w)) return false;
  return w.length > 4 && PERSON_PLURAL_ENDINGS.some((e) => w.endsWith(e));
}

/** Keeps one claim per stretch of text: the earliest, then the longest. */
function dedupe(cands: Candidate[]): Candidate[] {
  cands.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  // only kept claims that reach past this one's start can overlap it (or any later one, as the
  // candidates come by start): reading every kept claim for each candidate was quadratic
  let open: Candidate[] = [];
  for (const c of cands) {
    open = open.filter((k) => k.end > c.start);
    const clash = open.some((k) => {
      const ov = Math.min(k.end, c.end) - Math.max(k.start, c.start);
      if (ov <= 0) return false;
      if (c.trigger[0] < k.trigger[1] && k.trigger[0] < c.trigger[1]) return true; // two rules, one trigger
      // a second claim nested in a later clause of the first ("Experts say X because Y is seen as Z") stands
      if (c.start >= k.trigger[1] && c.trigger[0] > k.trigger[1] && c.end <= k.end) return false;
      const inside = c.trigger[0] >= k.start && c.trigger[1] <= k.end;
      return inside || ov > 0.5 * Math.min(k.end - k.start, c.end - c.start);
    });
    if (!clash) {
      kept.push(c);
      open.push(c);
    }
  }
  return kept;
}

/** Whether any span of a list sorted by start overlaps [start, end): a binary search over the running maximum of the ends. */
function overlapsAny(sorted: readonly { start: number; end: number }[], maxEnd: readonly number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < end) lo = mid + 1;
    else hi = mid;
  }
  // sorted[0, lo) start before `end`; one of them overlaps when the furthest end among them passes `start`
  return lo > 0 && maxEnd[lo - 1]! > start;
}

/**
 * Whether the paragraph of a speakerless quote, or the one before it, shows a speaker the quote finder
 * did not link: a word of saying outside the quotation marks, or a transcript label ("SMITH: …").
 * Such a quote is attributed in the text; only the others are flagged.
 */
function speechNearby(d: Detector, q: QuoteRecord): boolean {
  if (LABEL_RE.test(q.text)) return true;
  const doc = d.doc;
  const s = sentenceAt(doc, q.start);
  if (s < 0) return false;
  const para = doc.sentences[s]!.paragraph;
  // a transcript: this paragraph or one of the two before opens with a speaker label
  for (let p = Math.max(0, para - 2); p <= para; p++) {
    const pg = doc.paragraphs[p]!;
    if (LABEL_RE.test(doc.text.slice(pg.start, Math.min(pg.end, pg.start + 40)))) return true;
  }
  // tokens from the paragraph before on (binary search: the cost stays linear overall)
  const from = doc.paragraphs[Math.max(0, para - 1)]!.start;
  let lo = 0;
  let hi = d.toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (d.toks[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < d.toks.length; i++) {
    const t = d.toks[i]!;
    const p = doc.sentences[t.sentence]!.paragraph;
    if (p < para - 1) continue;
    if (p > para) break;
    if (t.quoted || (t.start >= q.start && t.end <= q.end)) continue;
    if (SPEECH_CONTEXT.has(t.low)) return true;
  }
  return false;
}

const LABEL_RE = /^\s*["“]?[\p{Lu}][\p{Lu}.' -]{1,30}:/u;


/** Claims from the quote finder: quotes with no speaker, and quotes from an anonymous source. */
function fromQuotes(d: Detector, quotes: readonly QuoteRecord[]): Candidate[] {
  const out: Candidate[] = [];
  for (const q of quotes) {
    if (!(q.end > q.start)) continue;
    if (q.speaker == null && q.speaker_canonical == null) {
      // words in quotation marks with no verb of saying: a quote-only paragraph, a chant, a tweet, an excerpt,
      // whose speaker the article gives elsewhere; the attribution stage missed it, the article did not
      if (q.cue == null) continue;
      if (speechNearby(d, q)) continue;
      const t: [number, number] = q.cue_start != null && q.cue_end != null ? [q.cue_start, q.cue_end] : [q.start, q.end];
      out.push({ start: q.start, end: q.end, reason: "unattributed quote", trigger: t, explanation: EXPLAIN["unattributed quote"] });
    } else if (q.speaker_kind === "anonymous" && q.speaker && anonymousMention(q.speaker)) {
      const t: [number, number] = q.speaker_start != null && q.speaker_end != null ? [q.speaker_start, q.speaker_end] : [q.start, q.end];
      out.push({ start: q.start, end: q.end, reason: "anonymous source", trigger: t, explanation: EXPLAIN["anonymous source"] });
    }
  }
  return out;
}

/** Answers of anonymousMention by speaker string (pure; bounded like LEXEMES). */
const ANONYMOUS_MENTIONS = new Map<string, boolean>();
const MAX_MENTIONS = 20_000;

/** "a senior official", "sources", "people familiar with …": a mention that names nobody. */
function anonymousMention(speaker: string): boolean {
  let r = ANONYMOUS_MENTIONS.get(speaker);
  if (r !== undefined) return r;
  r = readAnonymousMention(speaker);
  if (speaker.length <= 200) {
    if (ANONYMOUS_MENTIONS.size >= MAX_MENTIONS) ANONYMOUS_MENTIONS.clear();
    ANONYMOUS_MENTIONS.set(speaker, r);
  }
  return r;
}

/** The qualifier phrases as they read in a text ("familiar with", …), joined once. */
const QUALIFIER_PHRASES: readonly string[] = QUALIFIER_SEQS.map((seq) => seq.join(" "));

function readAnonymousMention(speaker: string): boolean {
  const lower = speaker.toLowerCase();
  const words = lower.replace(/’/g, "'").split(/\s+/).filter(Boolean);
  if (!words.length) return false;
  // the first word that is an anonymous source (the words are never empty, so found means some)
  const head = words.find((w) => ANONYMOUS_SOURCES.has(w.replace(/[^a-z']/g, "")));
  if (head !== undefined) return /s$/.test(head) || INDEFINITES.has(words[0]!);
  if (INDEFINITES.has(words[0]!) && words.some((w) => ANONYMOUS_PERSON_NOUNS.has(w))) return true;
  return ANONYMOUS_PERSON_NOUNS.has(words[words.length - 1]!) || QUALIFIER_PHRASES.some((p) => lower.includes(p));
}

const LINK_LINE_RE = new RegExp(`^\\W{0,3}(?:${LINK_LINE_STARTS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/'/g, "['’]")).join("|")})\\s*[:|»>—–-]`, "iu");
const CAPTION_RE = /\((?:[^()]{0,60}\s)?(?:photo|photograph|image|picture)s?\b[^()]{0,80}\)\s*$|\bphoto(?:graph)?\s*(?:by|credit|:)/iu;

/**
 * The reading context a flag must survive: no flag in a headline, a link line or a caption; none in a
 * question or inside a condition ("If many fans believe …, …"); none on words the attribution stage
 * already gave to a named speaker ("Many parents were angry, principal Jo Lee said.").
 */
class Context {
  /** per paragraph: undefined until a flag asks, then whether no flag may stand in it */
  private readonly skipParagraph: (boolean | undefined)[];
  private readonly named: QuoteRecord[];

  constructor(private readonly d: Detector, quotes: readonly QuoteRecord[], isNamed: readonly boolean[]) {
    this.skipParagraph = new Array<boolean | undefined>(d.doc.paragraphs.length);
    this.named = quotes.filter((q, k) => q.end > q.start && isNamed[k]).sort((a, b) => a.start - b.start);
  }

  /** A headline, a link line or a caption. */
  private skips(p: number): boolean {
    const known = this.skipParagraph[p];
    if (known !== undefined) return known;
    const pg = this.d.doc.paragraphs[p]!;
    const text = this.d.doc.text.slice(pg.start, pg.end);
    const head = text.slice(0, 200);
    let skip = LINK_LINE_RE.test(head) || (/photo|image|picture/iu.test(text) && CAPTION_RE.test(text));
    // a headline stands above body text: a text of one paragraph is the text itself
    if (!skip && text.length < 300 && this.d.doc.paragraphs.length > 1) {
      const letters = text.replace(/[^\p{L}]/gu, "");
      if (letters.length >= 8 && letters === letters.toUpperCase()) skip = true; // a headline in capitals
      // a headline: a short line with no sentence-final punctuation
      else skip = (text.match(/[\p{L}\p{N}]+/gu) ?? []).length <= 15 && !/[.!?…]["'”’)\]]*$/u.test(text);
    }
    this.skipParagraph[p] = skip;
    return skip;
  }

  keeps(c: Candidate): boolean {
    const d = this.d;
    const i = d.tokenAt(c.trigger[0]);
    if (i < 0) return true;
    const s = d.doc.sentences[d.toks[i]!.sentence]!;
    if (this.skips(s.paragraph)) return false;
    if (/\?["'”’)\]]*\s*$/u.test(d.doc.text.slice(s.start, s.end))) return false; // a question
    if (d.conditional(i)) return false;
    if (c.reason !== "anonymous source" && d.namedAtEnd(i)) return false;
    // words the attribution stage gave to a named speaker are that speaker's; an anonymous source named
    // by the words themselves ("an official, who was not authorized to speak, told …") stays
    if (c.reason !== "anonymous source") for (const q of this.named) {
      if (q.start > c.trigger[0]) break;
      if (c.trigger[0] >= q.start && c.trigger[1] <= q.end) return false;
    }
    return true;
  }
}

/** A quote whose speaker is someone named (not "a senior official", not "sources"). */
function namedSpeaker(q: QuoteRecord): boolean {
  if (!q.speaker_canonical || q.speaker_kind === "anonymous" || q.speaker_kind === "unknown") return false;
  // a name ends in a capitalised word ("principal Jo Lee", "the Harbour Board"); "political scientists",
  // "source familiar with the inquiry" are descriptions, not names
  const words = q.speaker_canonical.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const head = words[words.length - 1] ?? "";
  if (!/^\p{Lu}/u.test(head)) return false;
  return !anonymousMention(q.speaker_canonical) && !anonymousMention(q.speaker ?? "");
}

/** Unattributed and weakly attributed claims of one article, in text order. */
export function detectClaims(doc: Doc, quotes: readonly QuoteRecord[]): ClaimRecord[] {
  const d = new Detector(doc);
  d.run();
  // whether each quote's speaker is named, read once (the context and the nearest source both ask)
  const isNamed = quotes.map(namedSpeaker);
  const context = new Context(d, quotes, isNamed);
  const lexical = dedupe(d.out.filter((c) => context.keeps(c)));
  // quotes add what the lexical rules did not cover
  // lexical comes from dedupe, sorted by start
  const maxEnd: number[] = [];
  for (const c of lexical) maxEnd.push(Math.max(c.end > c.start ? c.end : -Infinity, maxEnd[maxEnd.length - 1] ?? -Infinity));
  const extra = fromQuotes(d, quotes).filter((q) => !overlapsAny(lexical, maxEnd, q.start, q.end));
  const all = dedupe([...lexical, ...extra]);
  const sources = namedSources(d, quotes, isNamed);
  return all.map((c) => {
    const nearest = nearestSource(d, sources, c);
    return {
      start: c.start,
      end: c.end,
      text: doc.text.slice(c.start, c.end),
      reason: c.reason,
      trigger: doc.text.slice(c.trigger[0], c.trigger[1]),
      trigger_start: c.trigger[0],
      trigger_end: c.trigger[1],
      explanation: nearest ? `${c.explanation}${NEAREST_PREFIX}${nearest.where}: ${nearest.name}.` : c.explanation,
      nearest_source: nearest,
    };
  });
}

// ---- the nearest named source --------------------------------------------------------------------

interface NamedSource {
  name: string;
  /** offset of the mention */
  at: number;
  sentence: number;
}

const NEAREST_PREFIX = " Named nearby, in the ";
const NEAREST_RE = / Named nearby, in the (same sentence|previous sentence): (.+)\.$/su;

/**
 * Named sources of the article, in text order: speakers the attribution stage resolved to a name, the
 * relay of "according to TASS", and "according to"/"reported" with a capitalised name the rules read.
 */
function namedSources(d: Detector, quotes: readonly QuoteRecord[], isNamed: readonly boolean[]): NamedSource[] {
  const out: NamedSource[] = [];
  const push = (name: string, at: number): void => {
    const s = sentenceAt(d.doc, at);
    const clean = name.replace(/\s+/g, " ").trim().slice(0, 120);
    if (s >= 0 && clean) out.push({ name: clean, at, sentence: s });
  };
  quotes.forEach((q, k) => {
    if (isNamed[k] && q.speaker_start != null) push(q.speaker_canonical!, q.speaker_start);
    if (q.via && /^\p{Lu}/u.test(q.via) && q.cue_start != null) push(q.via, q.cue_start);
  });
  for (const [name, at] of d.lexicalSources()) push(name, at);
  return out.sort((a, b) => a.at - b.at);
}

/** The named source nearest a claim's trigger, in its sentence or the one before; null when there is none. */
function nearestSource(d: Detector, sources: readonly NamedSource[], c: Candidate): NearestSource | null {
  const s = sentenceAt(d.doc, c.trigger[0]);
  if (s < 0) return null;
  let best: NamedSource | null = null;
  let bestScore = Infinity;
  for (const n of sources) {
    if (n.sentence > s) break;
    if (n.sentence < s - 1) continue;
    if (n.at >= c.trigger[0] && n.at < c.trigger[1]) continue; // the trigger itself
    // the same sentence first, then the closest mention
    const score = (n.sentence === s ? 0 : 1e9) + Math.abs(n.at - c.trigger[0]);
    if (score < bestScore) {
      best = n;
      bestScore = score;
    }
  }
  return best ? { name: best.name, where: best.sentence === s ? "same sentence" : "previous sentence" } : null;
}

/** Reads back the nearest source a stored explanation carries (the store keeps the explanation only). */
export function nearestSourceOf(explanation: string): NearestSource | null {
  const m = NEAREST_RE.exec(explanation);
  return m ? { name: m[2]!, where: m[1] as NearestSource["where"] } : null;
}

/**
 * The explanation without the sentence naming the nearest source ("… Named nearby, in the same
 * sentence: X."), for pages that write that sentence themselves with the name marked; the whole
 * explanation when it names none.
 */
export function explanationLead(explanation: string): string {
  const m = NEAREST_RE.exec(explanation);
  return m ? explanation.slice(0, m.index) : explanation;
}
