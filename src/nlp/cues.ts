// Reporting cues: every speech verb form and "according to"-like phrase in the text, in one pass.
import { BELIEF_VERBS, CUE_FORMS, THOUGHT_VERBS } from "./lexicon/cues";
import { wordTag } from "./pos";

export interface Cue {
  text: string;
  start: number;
  end: number;
  /** base form ("say"), or "according to" */
  base: string;
  /** a present participle ("saying", "asserting") */
  participle: boolean;
  /** an attribution of belief or intent rather than speech */
  belief: boolean;
  /** a verb of mind ("think", "expect"): no statement of its own (decision 013) */
  thought?: boolean;
  prepositional: boolean;
}

/** A modal right before a word (an adverb between): the word is a verb ("could only quip"). */
const MODAL_BEFORE = /(?:^|[^\p{L}])(?:could|would|can|will|might|may|must|should)\s+(?:(?:only|just|also|simply|merely|\p{Ll}+ly)\s+)?$/u;
const NOUNISH = new Set([
  "guarantee", "report", "claim", "promise", "state", "post", "answer", "question", "charge", "estimate",
  "forecast", "signal", "object", "demand", "protest", "note", "tweet", "reply", "remark", "vow", "pledge",
  "boast", "caution", "quip", "joke", "shout", "whisper", "relay", "doubt", "fear", "hope", "worry",
  "comment", "highlight", "advise", "counter", "concern", "brag", "feel", "repeat", "underline",
  "snap", "sigh", "groan", "murmur", "sneer", "gush", "fume", "scoff", "snarl", "plead", "beg", "marvel", "mutter",
]);

/**
 * "that" opening a relative clause after a plural noun: a plural verb follows it at once, which a
 * demonstrative "that" would not take ("said that was a mistake" stays a cue).
 */
const RELATIVE_THAT = /^\s+that\s+(?:have|are|were|do|don[’']t|haven[’']t|aren[’']t|weren[’']t)\b/u;

/** What stands before a participle used as an adjective: a possessive, a number, a preposition. */
const ADJECTIVE_BEFORE = /(?:\b(?:his|her|its|their|our|my|your|after|despite|amid|with|of|to|by|for)|[’']s|(?:^|\s)\p{N}+)\s+$/iu;
/** A plural noun right after the word ("attempts", "delegates"), not a verb or pronoun that ends in s. */
const PLURAL_NOUN_AFTER = /^\s+(?!(?:is|was|has|does|this|thus|us|his|its|hers|ours|theirs|yours|always|perhaps|nothing|as|yes|less|unless|whereas|afterwards|towards|besides|sometimes)\b)\p{Ll}{2,}[^s\s’']s\b/u;

/** What "claim" takes when it means to win or take (decision 027): up to three words, then a prize. */
const CLAIM_TAKES = /^\s+(?:(?!that\b)[\p{L}\p{N}’'.,$%\-]+\s+){0,3}?(?:victory|victories|win|wins|title|titles|seat|seats|percent|delegates|prize|crown|lives|spot|majority|gold|medal|medals|trophy)\b/u;

const WORD_RE = /[\p{L}]+(?:[’'\-][\p{L}]+)*/gu;
const PREP_RE = /\b(according to|as reported by|as quoted by|in the words of)\b/giu;
/**
 * The same phrases without the u flag, five times faster. Equivalent on any text without "ſ" (U+017F)
 * or the Kelvin sign (U+212A): those are the only characters /iu folds to an ASCII letter (s, k) or
 * counts as a word character for \b beside ASCII ones, and without u no non-ASCII character matches.
 */
const PREP_RE_ASCII = /\b(according to|as reported by|as quoted by|in the words of)\b/gi;

/**
 * "…,” Conway notes.", "…,” a voice-over in the ad states.": right after a closing quote mark and a
 * short name, pronoun or description, the word is the cue.
 */
function afterQuoteAndSpeaker(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 48), start);
  if (/[,!?—–][”"’]\s+(?:(?:he|she|they|it|we|i)|(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?\p{Lu}[\p{L}’'\-]*(?:\s+\p{Lu}[\p{L}’'\-]*){0,2})\s+$/u.test(before)) return true;
  // a description only when the word ends the sentence ("…,” the congressional report said" is a noun)
  return /^\s*[.;!?]/u.test(text.slice(end, end + 3)) && /[,!?—–][”"’]\s+(?:the|a|an|his|her|its|their)\s+(?:[\p{Ll}\-]+\s+){0,4}[\p{Ll}\-]+\s+$/u.test(before);
}

/** Only these noun-or-verb words are put to the tagger (the ones whose verb reading it gets right). */
const ASK_TAGGER = new Set(["states", "calls", "call", "reports", "claims", "warns", "notes", "posts", "tweets", "answers", "questions", "charges", "demands", "pledges", "vows", "promises", "repeats", "counters", "highlights"]);

/**
 * "He states his case", "Tom Reyes calls the proposal a disaster": a word that is usually a noun
 * read as a verb, when the tagger says so and a subject (a name, a pronoun, a noun) stands right
 * before it. Asked only for the words of ASK_TAGGER after such a word, so the tagger reads a few
 * short windows per article.
 */
function verbAfterSubject(text: string, start: number, end: number): boolean {
  const w = text.slice(start, end).toLowerCase();
  if (!ASK_TAGGER.has(w)) return false;
  const prev = /([\p{L}’']+)\s+$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1];
  if (!prev || /^(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|of|in|on|at|for|to|by|with|and|or|and|no|any|some|many|several|two|three|new|phone|conference|roll|campaign)$/iu.test(prev)) return false;
  const tag = wordTag(text, start, end);
  return !!tag && tag.pos === "VERB" && (tag.before === "PROPN" || tag.before === "PRON" || tag.before === "NOUN");
}

/** The words findCues acts on: the cue forms, and "point" before "out". */
const POINT_FORMS = ["point", "points", "pointed", "pointing"];
/**
 * For a word whose first and last characters are ASCII letters: bit n of CUE_SHAPES[26 * first +
 * last] (both lower-cased, a = 0) is set when some word findCues acts on has that first letter, last
 * letter and length n. A word of ASCII letters at both ends whose bit is clear lower-cases to none of
 * them, so its lower-casing and lookup are skipped (most words of a text). Exact: lower-casing keeps
 * a word's length and the place of each letter, but for "İ" (U+0130, two code units lower-cased),
 * which leaves a non-ASCII mark in the word, while every form here is ASCII; the Kelvin sign is
 * lower-cased to "k" in place. Null when some form does not fit the table (then nothing is skipped).
 */
const CUE_SHAPES: Uint32Array | null = (() => {
  const t = new Uint32Array(26 * 26);
  for (const f of [...CUE_FORMS.keys(), ...POINT_FORMS]) {
    const a = f.charCodeAt(0) - 97;
    const b = f.charCodeAt(f.length - 1) - 97;
    if (!/^[a-z ]+$/.test(f) || a < 0 || a >= 26 || b < 0 || b >= 26 || f.length > 30) return null;
    t[26 * a + b]! |= 1 << f.length;
  }
  return t;
})();

/** False when the word (a WORD_RE match) cannot lower-case to a cue form or "point" word. */
export function mayBeCue(word: string): boolean {
  return mayBeCueAt(word, 0, word.length);
}

/** mayBeCue(text.slice(start, end)), read in place (no string is made for the words it skips). */
function mayBeCueAt(text: string, start: number, end: number): boolean {
  if (!CUE_SHAPES) return true;
  const n = end - start;
  const a = text.charCodeAt(start);
  const b = text.charCodeAt(end - 1);
  // a non-ASCII first or last character: not decided here
  if (a >= 128 || b >= 128) return true;
  // WORD_RE words start and end with a letter: in ASCII, A-Z or a-z, lower-cased by setting bit 5
  return n <= 30 && (CUE_SHAPES[26 * ((a | 32) - 97) + ((b | 32) - 97)]! & (1 << n)) !== 0;
}

/** Where nextWord's last word starts and ends. */
let wordStart = 0;
let wordEnd = 0;
/**
 * The next WORD_RE match at or after `from`, as WORD_RE.exec finds it, into wordStart and wordEnd
 * (false when there is none), without a match array or a string per word: test() finds where it
 * ends. A match starts at the first letter at or after `from` (any letter opens one), so when only
 * ASCII characters stand before it, its start is the first ASCII letter; otherwise exec says.
 * Tested against WORD_RE.exec (test/nlp/speed-equivalence.test.ts).
 */
export function nextWord(text: string, from: number): boolean {
  WORD_RE.lastIndex = from;
  if (!WORD_RE.test(text)) return false;
  wordEnd = WORD_RE.lastIndex;
  for (let i = from; ; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) break;
    const l = c | 32;
    if (l >= 97 && l <= 122) {
      wordStart = i;
      return true;
    }
  }
  WORD_RE.lastIndex = from;
  wordStart = WORD_RE.exec(text)!.index;
  WORD_RE.lastIndex = wordEnd;
  return true;
}
/** For tests: every word nextWord finds in text, as [start, end]. */
export function wordSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (let at = 0; nextWord(text, at); at = wordEnd) out.push([wordStart, wordEnd]);
  return out;
}

export function findCues(text: string): Cue[] {
  const out: Cue[] = [];
  for (let at = 0; nextWord(text, at); ) {
    at = wordEnd;
    if (!mayBeCueAt(text, wordStart, wordEnd)) continue;
    const start = wordStart;
    const word = text.slice(start, wordEnd);
    const w = word.toLowerCase();
    let base = CUE_FORMS.get(w);
    let end = start + word.length;
    if (w === "point" || w === "points" || w === "pointed" || w === "pointing") {
      const rest = /^\s+out\b/.exec(text.slice(end, end + 6));
      if (!rest) continue;
      base = "point out";
      end += rest[0].length;
    }
    if (!base) continue;
    // the rejections that need no tagger come first (each one skips the word whatever follows)
    // "the said", "a report" … a noun use after a determiner is not a cue
    const before = text.slice(Math.max(0, start - 5), start).toLowerCase();
    // (a letter-aware boundary: with \b, "García said" read as "a said", an accented letter being no word character)
    if (/(?:^|[^\p{L}\p{N}])(?:the|a|an)\s+$/u.test(before)) continue;
    // "The Harbour Post that …", "the Daily Report says": a capitalised noun-like cue right after a
    // capitalised word, with lower-case text after it, is part of a name (a Title Case headline,
    // "Ruiz Says He Will Run", keeps its cue)
    if (NOUNISH.has(base) && /^\p{Lu}/u.test(word) && /\p{Lu}[\p{L}’'\-]*\s+$/u.test(text.slice(Math.max(0, start - 30), start)) && !/[.!?:;]\s+\S+\s+$/u.test(text.slice(Math.max(0, start - 30), start)) && /^[\s,]+\p{Ll}/u.test(text.slice(end, end + 6))) continue;
    // "412 pledged delegates", "two reported cases": a past form between a number and a plural
    // noun is an adjective ("8 said", "10 reported seeing" stay cues; so does an age between commas,
    // "Jo Smith, 45, warned residents": the number must end in a digit)
    if (/ed$/.test(w) && /(?:\b\d(?:[\d,.]*\d)?|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands))\s+$/iu.test(text.slice(Math.max(0, start - 14), start)) && /^\s+\p{Ll}{2,}(?:s|es)\b/u.test(text.slice(end, end + 24)) && !/^\s+(?:this|his|its|was|is|has|does|as|us|yes|unless|perhaps|thus)\b/u.test(text.slice(end, end + 12))) continue;
    // "1,153 in pledged delegates", "among reported cases": a past form between a preposition and a
    // plural noun is an adjective too
    if (/ed$/.test(w) && /(?:^|[^\p{L}])(?:in|of|with|for|among|from|to|on|at)\s+$/u.test(text.slice(Math.max(0, start - 8), start)) && /^\s+\p{Ll}{2,}(?:s|es)\b/u.test(text.slice(end, end + 24)) && !/^\s+(?:this|his|its|was|is|has|does|as|us|yes|unless|perhaps|thus)\b/u.test(text.slice(end, end + 12))) continue;
    // "those states that", "many reports": a plural noun after a demonstrative or quantifier
    if (/[^s]s$/.test(w) && /\b(?:these|those|many|several|both|other|few|most|all)\s+$/.test(text.slice(Math.max(0, start - 10), start).toLowerCase())) continue;
    // "call" reports only in its frames ("called for", "called on X to", "called X a Y"); its base
    // and -s forms are nouns unless a subject-like word stands before them
    if (base === "call" && !/(ed|ing)$/.test(w)) {
      // the word before is read first: when it rules the frame out, the tagger need not be asked
      const prev = /([\p{L}’']+)\s+$/u.exec(text.slice(Math.max(0, start - 24), start))?.[1] ?? "";
      if (!/^(?:i|we|you|they|he|she|it|to|will|would|could|should|may|might|must|did|does|do|also|and|\p{Lu}.*|\p{Ll}+ly)$/u.test(prev) && !/,\s+$/u.test(text.slice(Math.max(0, start - 3), start))) continue;
      if (!/^\s+(?:\p{Ll}+ly\s+)?(?:for|on)\b/u.test(text.slice(end, end + 20)) && !/^\s+(?:[\p{L}\p{N}’'\-./]+\s+){1,8}?(?:[“"‘]|'')/u.test(text.slice(end, end + 90)) && !verbAfterSubject(text, start, end)) continue;
    }
    // verbs that are also common nouns ("official state media", "any guarantees") count in their
    // base and -s forms only when "that" follows
    // (after a modal, before a colon or a quote, the bare form introduces words: "could only quip: “…”")
    if (NOUNISH.has(base) && !/(ed|ing)$/.test(w) && w !== "told" && !/^\s+that\b/.test(text.slice(end, end + 6)) && !afterQuoteAndSpeaker(text, start, end) && !verbAfterSubject(text, start, end) && !(MODAL_BEFORE.test(text.slice(Math.max(0, start - 24), start)) && /^\s*(?::|,?\s*[“"])/u.test(text.slice(end, end + 4)))) continue;
    // "the four states that have voted", "reports that were leaked": a verb right after "that" makes
    // it a relative pronoun, and the word before it a plural noun (decision 027)
    if (NOUNISH.has(base) && /[^s]s$/.test(w) && RELATIVE_THAT.test(text.slice(end, end + 24))) continue;
    // "his repeated attempts", "the state's 20 pledged delegates": a past participle between a
    // possessive, a number or a preposition and a plural noun is an adjective
    if (/ed$/.test(w) && ADJECTIVE_BEFORE.test(text.slice(Math.max(0, start - 12), start)) && PLURAL_NOUN_AFTER.test(text.slice(end, end + 24))) continue;
    // "claimed victory", "claiming 41 percent of the vote", "the crash claimed three lives": to take, not to say
    if (base === "claim" && CLAIM_TAKES.test(text.slice(end, end + 60))) continue;
    out.push({ text: text.slice(start, end), start: start, end, base, participle: w.endsWith("ing"), belief: BELIEF_VERBS.has(base), thought: THOUGHT_VERBS.has(base), prepositional: false });
  }
  const prep = text.includes("\u017f") || text.includes("\u212a") ? PREP_RE : PREP_RE_ASCII;
  prep.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = prep.exec(text))) {
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, base: "according to", participle: false, belief: false, prepositional: true });
  }
  return out.sort((a, b) => a.start - b.start);
}
