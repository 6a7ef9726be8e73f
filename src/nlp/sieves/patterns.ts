// Small readers shared by the sieves: a speaker and cue right after a position ("…,” Peskov said"),
// or a speaker and cue right before one ("Peskov said: “…"). Each reads a bounded window.
import { ANONYMOUS_PERSON_QUALIFIERS } from "../lexicon/claims";
import { CUE_FORMS, INVERTIBLE } from "../lexicon/cues";
import { ROLE_NOUNS } from "../lexicon/roles";
import { analyse, mentionAfter, mentionBefore, tokenize, type Mention } from "../mentions";
import type { Cue } from "../cues";
import { cueAt, type Context } from "../context";
import { isSpace } from "../chars";
import { isDocumentHead } from "../kinds";

/** Adverbs and auxiliaries that may stand between a speaker and the cue ("Kim reportedly told", "he often says"). */
export const BETWEEN_SPEAKER_AND_CUE = /^(?:\s+(?:reportedly|also|later|has|have|had|would|will|did|does|do|was|is|then|again|once|previously|repeatedly|further|has also|had also|earlier|separately|publicly|privately|recently|flatly|firmly|quickly|simply|had|often|always|never|sometimes|now|still|just|even|(?!(?:ally|family|assembly|supply|rally|bully)\b)\p{Ll}+ly))*\s*$/u;

/** Length of the adverbs and auxiliaries just before `pos` ("Kim reportedly told", "has also said"); nouns in -ly ("a Ruiz ally said") are none. */
export function gapBefore(text: string, pos: number): number {
  return pos - gapStart(text, Math.max(0, pos - 70), pos);
}

// gapBefore read from the end instead of by GAP_RE (in the tests), which tried every start in its
// window: the match of /(?:\s+A)*\s*$/ leftmost in text[lo, pos) is the longest run of whole words
// before pos that splits into phrases A (one to five words each), each after white space.
const GAP_WORDS = new Set(["reportedly", "also", "later", "has", "have", "had", "would", "will", "did", "then", "again", "long", "often",
  "always", "never", "once", "still", "just", "even", "already", "now", "himself", "herself", "themselves", "itself"]);
const GAP_WORD = /^(?:(?:is|was|has|had|did|does|would|could|should|wo|ca|are|were|have)n[’']t|\p{Ll}+ly)$/u;
/** The nouns in -ly that are no adverbs: GAP_RE's (?!(?:ally|…)\b) at a word of lower-case letters. */
const GAP_NOT_ADVERB = /^(?:ally|family|assembly|supply|rally|bully)(?![A-Za-z0-9_])/;
const GAP_WHEN = new Set(["on", "last", "this", "late", "early"]);
const GAP_WHEN_NOUNS = new Set(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "week", "month", "year", "night", "morning"]);
const GAP_BEFORE_TO = new Set(["interjected", "paused", "rose"]);
const GAP_GO = new Set(["goes", "went", "go", "going"]);
const GAP_HAVE = new Set(["had", "has", "have"]);
const GAP_BE = new Set(["was", "were", "is", "are", "been"]);
const GAP_BE_WHAT = new Set(["quick", "prompted", "moved", "compelled", "careful", "eager", "happy"]);
const GAP_PAST = new Set(["week", "month", "year", "weekend"]);
const GAP_SITES = new Set(["Twitter", "Facebook", "Instagram"]);
const GAP_MEDIUM_DETERMINERS = new Set(["a", "an", "his", "her", "their", "its", "the"]);
const GAP_MEDIA = new Set(["statement", "interview", "letter", "post", "tweet", "email", "e-mail", "op-ed", "speech", "memo", "video", "filing", "release"]);
/** A word of letters and hyphens (a modifier in "in a written statement"). */
const GAP_MODIFIER = /^[\p{L}\-]+$/u;

/** One word that is a phrase A: a listed word, a negated auxiliary, or a lower-case word in -ly that is no noun. */
function gapWord(a: string): boolean {
  if (GAP_WORDS.has(a)) return true;
  const last = a.charCodeAt(a.length - 1);
  return (last === 121 || last === 116) && GAP_WORD.test(a) && !(last === 121 && GAP_NOT_ADVERB.test(a));
}
/** Two words a b that are a phrase A ("on Monday", "paused to", "on Twitter"). */
function gapPair(a: string, b: string): boolean {
  return (GAP_WHEN.has(a) && GAP_WHEN_NOUNS.has(b)) || (GAP_BEFORE_TO.has(a) && b === "to") || (a === "on" && GAP_SITES.has(b));
}
/** Three words a b c that are a phrase A ("went on to", "was quick to", "this past week", "in a statement"). */
function gapTriple(a: string, b: string, c: string): boolean {
  if (c === "to") {
    return (GAP_GO.has(a) && b === "on") || (GAP_HAVE.has(a) && b === "this") || (GAP_BE.has(a) && GAP_BE_WHAT.has(b))
      || ((a === "chimed" || a === "stepped") && b === "in") || (a === "stood" && b === "up");
  }
  return ((a === "this" || a === "last") && b === "past" && GAP_PAST.has(c)) || gapMedium(a, b, "", "", c);
}
/** "in a statement", "in his written statement", "in a Medium blog post": in, a determiner, up to two modifiers, a medium (m1, m2 empty when absent). */
function gapMedium(a: string, b: string, m1: string, m2: string, noun: string): boolean {
  return a === "in" && GAP_MEDIUM_DETERMINERS.has(b) && GAP_MEDIA.has(noun) && (!m1 || GAP_MODIFIER.test(m1)) && (!m2 || GAP_MODIFIER.test(m2));
}

/** Where GAP_RE's match in text[lo, pos) starts (pos when it is empty). */
export function gapStart(text: string, lo: number, pos: number): number {
  // the white space before pos: the match when no phrase ends there
  let k = pos;
  while (k > lo && isSpace(text.charCodeAt(k - 1))) k--;
  let start = k;
  // words are read right to left; with n words read, ok1 … ok5 say whether the n, n - 1, … n - 4
  // words nearest pos split into phrases (no words do: ok of 0 words is true); b, c, d and e are the
  // words read before the last one, a. Five misses in a row end it: a phrase is five words at most.
  let ok1 = true;
  let ok2 = false;
  let ok3 = false;
  let ok4 = false;
  let ok5 = false;
  let b = "";
  let c = "";
  let d = "";
  let e = "";
  while (k > lo && (ok1 || ok2 || ok3 || ok4 || ok5)) {
    const end = k;
    while (k > lo && !isSpace(text.charCodeAt(k - 1))) k--;
    // a word at the window's start has no white space before it in the window
    if (k === lo) break;
    const a = text.slice(k, end);
    while (k > lo && isSpace(text.charCodeAt(k - 1))) k--;
    const good: boolean = (ok1 && gapWord(a)) || (ok2 && gapPair(a, b)) || (ok3 && gapTriple(a, b, c))
      || (ok4 && gapMedium(a, b, c, "", d)) || (ok5 && gapMedium(a, b, c, d, e));
    if (good) start = k;
    ok5 = ok4;
    ok4 = ok3;
    ok3 = ok2;
    ok2 = ok1;
    ok1 = good;
    e = d;
    d = c;
    c = b;
    b = a;
  }
  return start;
}

export interface Attribution {
  mention: Mention;
  cue: Cue;
  via: string | null;
  /** where the attribution ends, for reading further (relays, "according to") */
  end: number;
}

/** A verb whose object does what follows "to" ("asked Ruiz to announce", "urged them to say"). */
const OBJECT_CONTROL = /\b(?:ask|asked|asking|tell|told|telling|urge|urged|urging|invite|invited|allow|allowed|force|forced|encourage|encouraged|want|wanted|expect|expected|press|pressed|challenge|challenged|dare|dared|call(?:ed)?\s+on|persuade|persuaded|get|got)\s+(?:[\p{L}’'.\-]+\s+){1,4}to\s+$/u;
/** Relay verbs: "KCNA reported Kim saying", "TASS quoted Kim as saying". */
const RELAY_AFTER = /^\s+(?:as\s+)?(saying|telling|stating|adding)\b/u;

function relayed(ctx: Context, speaker: Mention, cue: Cue, limit: number): Attribution {
  // "X reported/quoted Y (as) saying": Y speaks, X relays
  if (/^(report|quote|cite|relay)/.test(cue.base) || cue.text.toLowerCase() === "quoted") {
    const inner = mentionAfter(ctx.text, cue.end, limit);
    if (inner) {
      const rest = ctx.text.slice(inner.end, Math.min(limit, inner.end + 20));
      const m = RELAY_AFTER.exec(rest);
      if (m) {
        const innerCue = cueAt(ctx, inner.end, inner.end + m[0].length);
        if (innerCue) return { mention: inner, cue: innerCue, via: speaker.name ?? speaker.text, end: innerCue.end };
      }
    }
  }
  return { mention: speaker, cue, via: null, end: cue.end };
}

/** Cues whose object comes first ("asked residents to", "called the plan a disaster"). */
const OBJECT_CUES: ReadonlySet<string> = new Set(["urge", "ask", "call", "describe", "accuse", "charge", "demand", "advise", "recommend", "remind", "inform", "assure", "question", "promise"]);

/** Determiners that open a description the name grammar may not read ("the statement", "one user"). */
const LOOSE_DET = /^(?:the|a|an|one|another)\s+/iu;
/** Words that end a loose description before its head: a verb, a relative, a preposition or conjunction. */
const NOT_IN_DESCRIPTION = /^(?:and|or|but|of|for|in|on|at|to|by|with|from|who|which|that|whose|is|are|was|were|has|have|had|will|would|not|also|then|this|these|those|it|he|she|they|we|i|you|his|her|their|its|our|my|your|same|other|first|last|next)$/iu;

/**
 * "…,” the statement said", "…,” one user wrote", "said the woman, who …": a determiner and up to
 * four words ending in a lower-case noun, when the name grammar reads no speaker there (its head is
 * a word of no lexicon: statement, woman, user, ad, moderator). Starting at `at` (after spaces) and
 * ending where `follows(end)` holds; null otherwise.
 */
export function looseDescription(text: string, at: number, limit: number, follows: (end: number) => boolean): Mention | null {
  let lo = at;
  while (lo < limit && /\s/u.test(text[lo]!)) lo++;
  const det = LOOSE_DET.exec(text.slice(lo, Math.min(limit, lo + 8)));
  if (!det) return null;
  const words = (/^[\p{L}][\p{L}\-’']*(?:\s+[\p{L}][\p{L}\-’']*){0,4}/u.exec(text.slice(lo + det[0].length, Math.min(limit, lo + det[0].length + 80)))?.[0] ?? "").split(/\s+/u).filter(Boolean);
  // the shortest run whose last word is a lower-case noun and after which `follows` matches
  let end = lo + det[0].length;
  for (const w of words) {
    if (NOT_IN_DESCRIPTION.test(w)) return null;
    if (CUE_FORMS.has(w.toLowerCase())) {
      // a cue's noun reading as the head, right before the cue: "…,” the congressional report said"
      const e = text.indexOf(w, end) + w.length;
      // (the first word too where it names a document: "…,” the note says")
      if ((e - w.length > lo + det[0].length || isDocumentHead(w)) && /^\p{Ll}+$/u.test(w) && follows(e)) {
        const m = analyse(tokenize(text, lo, e), text);
        return m && !m.name && !m.pronoun ? m : null;
      }
      return null;
    }
    end = text.indexOf(w, end) + w.length;
    // the head is a lower-case word, not an adverb or participle ("the man", not "the widely")
    if (!/^\p{Ll}[\p{Ll}\-’']*$/u.test(w) || /(?:ly|ing)$/u.test(w)) continue;
    if (follows(end)) {
      const m = analyse(tokenize(text, lo, end), text);
      return m && !m.name && !m.pronoun ? m : null;
    }
    // "a person close to the mayor", "a source familiar with the talks": the head, then a qualifier
    // and what it qualifies; someone unnamed, whoever the qualifier names
    const q = QUALIFIED.exec(text.slice(end, Math.min(limit, end + 120)));
    if (q) {
      const head = analyse(tokenize(text, lo, end), text);
      if (!head || head.name || head.pronoun) return null;
      for (const e of wordEnds(text, end + q[0].length, Math.min(limit, end + q[0].length + 60), 5)) {
        if (follows(e)) return { ...head, text: text.slice(lo, e), end: e, kind: "anonymous" };
      }
    }
  }
  return null;
}

/**
 * After an inverted cue that ends a quote's sentence ("…,” said one of two witnesses who relayed the
 * story", "…,” wrote the authors of the “Harbour Plan,”", "…,” tweeted another."): a determiner, then
 * words up to the comma, full stop or relative pronoun that closes the attribution, with "of", "for",
 * "at", "with", "from", "familiar with", "known as" inside. Someone unnamed or a group, never a name
 * (the name grammar reads those). Null when nothing closes it within twelve words.
 */
function invertedDescription(text: string, at: number, limit: number): Mention | null {
  const m = /^\s+((?:the|a|an|one|another|some|several|two|three|his|her|their|its)(?:\s+(?:[\p{L}\d][\p{L}\d\-’']*|[“"][^“”",]{1,40}[”"]?)){0,12}?)(?=\s*[”"]?\s*(?:[,;]|\.(?:\s|$)|$)|\s+(?:who|which|that)\s|\s+(?:in|on)\s+(?:(?:a|an|its|his|her|their)\s+(?:\p{Ll}+\s+)?(?:statement|interview|review|letter|post|tweet|email|note|report|column|blog)|Twitter|Facebook|Instagram)\b)/u.exec(text.slice(at, Math.min(limit, at + 160)));
  if (!m) return null;
  const words = m[1]!.split(/\s+/u);
  // a verb or a clause word inside is a sentence going on, not an attribution
  if (words.slice(1).some((w) => /^(?:is|are|was|were|has|have|had|will|would|and|but|or|because|when|if)$/iu.test(w) || CUE_FORMS.has(w.toLowerCase()) && !/ing$/iu.test(w) && w.toLowerCase() !== "known")) return null;
  const start = at + m[0].indexOf(m[1]!);
  const end = start + m[1]!.length;
  // "said his best friend at college, Bruce Turry, who …": the name in apposition is who speaks
  const named = /^,\s+(?=\p{Lu}[\p{L}.\-’']*(?:\s+\p{Lu}[\p{L}.\-’']*){0,3}(?:,|\.(?:\s|$)|$))/u.exec(text.slice(end, Math.min(limit, end + 80)));
  if (named) {
    const inner = mentionAfter(text, end + named[0].length, limit);
    if (inner?.name && inner.kind === "person") return inner;
  }
  const d = analyse(tokenize(text, start, end), text);
  return d && !d.pronoun ? { ...d, text: text.slice(start, end), start, end, name: null, nameStart: null, nameEnd: null, kind: d.kind === "person" || d.kind === "unknown" ? "anonymous" : d.kind } : null;
}

/** What follows the head of an unnamed source ("close to", "familiar with"), then an optional determiner. */
const QUALIFIED = new RegExp(String.raw`^\s+(?:${ANONYMOUS_PERSON_QUALIFIERS.map((x) => x.replace(/ /gu, String.raw`\s+`)).join("|")})\s+`, "u");
/** The ends of up to `max` words from `from`, separated by spaces only (a punctuation mark stops them), before `limit`. */
function wordEnds(text: string, from: number, limit: number, max: number): number[] {
  const out: number[] = [];
  const re = /\s*([\p{L}\p{N}][\p{L}\p{N}’'\-]*)/uy;
  re.lastIndex = from;
  while (out.length < max && re.exec(text) && re.lastIndex <= limit) out.push(re.lastIndex);
  return out;
}

/** "Peskov said", "said Peskov", "Kremlin spokesman Dmitry Peskov told reporters" starting at `pos`. */
export function speakerCueAfter(ctx: Context, pos: number, limit: number): Attribution | null {
  const { text } = ctx;
  const lead = /^[\s,]*/.exec(text.slice(pos, Math.min(limit, pos + 8)))![0].length;
  const at = pos + lead;
  // inverted: said Peskov
  const c0 = cueAt(ctx, at, at + 1);
  // a loose description follows only a quote that ends mid-sentence ("…,” the man said"), never one
  // closed by a full stop ("…in May.” The memo noted" starts a new sentence)
  const midSentence = /[,!?—–-][”"’']{1,3}$/u.test(text.slice(Math.max(0, pos - 4), pos));
  // any past-tense speech verb may stand inverted right after a quote ("…,” tweeted Sen. Graham)
  // "…,” according to Ruiz.": the source after the quote
  if (c0?.prepositional && c0.base === "according to" && /,[”"’']?\s*$/u.test(text.slice(Math.max(0, pos - 3), pos))) {
    const ends = (e: number) => /^\s*(?:[,;(]|\.?\s*$|\.\s)/u.test(text.slice(e, Math.min(limit, e + 3)));
    // "…,” according to a statement from harbour chief Tom Reyes.": a document and who wrote it
    const BY = /^\s+(?:(?:filed|issued|released|sent|written|signed|posted)\s+)?(?:by|from)\s+/u;
    const endsOrBy = (e: number) => ends(e) || BY.test(text.slice(e, Math.min(limit, e + 30)));
    let m = mentionAfter(text, c0.end, limit);
    if (!m || !endsOrBy(m.end)) m = looseDescription(text, c0.end, limit, endsOrBy) ?? m;
    if (m && ends(m.end)) return { mention: m, cue: c0, via: null, end: m.end };
    const by = m && !m.name ? BY.exec(text.slice(m.end, Math.min(limit, m.end + 30))) : null;
    const author = by ? mentionAfter(text, m!.end + by[0].length, limit) : null;
    if (author && (author.name || author.definiteDescription) && ends(author.end)) return { mention: author, cue: c0, via: null, end: author.end };
  }
  if (c0 && !c0.prepositional && (INVERTIBLE.has(c0.text.toLowerCase()) || (!c0.participle && /(?:ed|told|wrote|said)$/iu.test(c0.text)))) {
    const m = mentionAfter(text, c0.end, limit) ?? looseDescription(text, c0.end, limit, (e) => /^(?:\s*[,.;:!?)]|\s*$|\s+(?:—|who\b))/u.test(text.slice(e, Math.min(limit, e + 5)))) ?? invertedDescription(text, c0.end, limit);
    if (m) return { mention: m, cue: c0, via: null, end: m.end };
  }
  let m = mentionAfter(text, at, Math.min(limit, at + 160));
  let cueNext: ((e: number) => boolean) | null = null;
  if (midSentence) {
    // a cue that takes an object ("the letter asked residents to …") reports its own clause,
    // not the quote before it, unless the sentence stops right after it
    cueNext = (e: number): boolean => {
      const c = cueAt(ctx, e, Math.min(limit, e + 40));
      if (!c || c.prepositional || !BETWEEN_SPEAKER_AND_CUE.test(text.slice(e, c.start))) return false;
      return !OBJECT_CUES.has(c.base) || /^\s*[,.;:!?]/u.test(text.slice(c.end, c.end + 3));
    };
  }
  // "…,” the committee chairmen wrote": the mention read a shorter description ("the committee") that no
  // cue follows; the loose description goes on to the cue
  if (m && cueNext && !m.name && !m.pronoun && !/^\s*[,(]/u.test(text.slice(m.end, m.end + 2)) && !cueNext(m.end)) {
    const longer = looseDescription(text, at, Math.min(limit, at + 160), cueNext);
    // the words it adds are the head's own ("chairmen"), not a verb and its object ("quoted the executive as")
    if (longer && longer.end > m.end && !/(?:^|\s)(?:\p{Ll}+ed|as|the|a|an|his|her|its|their)(?=\s|$)/u.test(text.slice(m.end, longer.end))) m = longer;
  }
  if (!m && cueNext) {
    // "…,” the statement said.": a description the name grammar does not read, right before its cue
    m = looseDescription(text, at, Math.min(limit, at + 160), cueNext);
  }
  // "…,” the company’s spokesman, Tom Reyes, said.": a role no mention reads, then the name in apposition
  let apposEnd = -1;
  if (!m && midSentence) {
    const role = /^(?:the|a|an|another|his|her|their|its|\p{Lu}[\p{L}\-]*[’']s)\s+(?:\p{Ll}[\p{L}\-’']*\s+){0,4}?(\p{Ll}[\p{L}\-]*),\s+(?=\p{Lu}[\p{L}.\-’']*(?:\s+\p{Lu}[\p{L}.\-’']*){1,3},)/u.exec(text.slice(at, Math.min(limit, at + 120)));
    const inner = role && ROLE_NOUNS.has(role[1]!) ? mentionAfter(text, at + role[0].length, Math.min(limit, at + role[0].length + 80)) : null;
    if (inner?.name && inner.kind === "person" && text[inner.end] === ",") {
      m = inner;
      apposEnd = inner.end + 1;
    }
  }
  if (!m) return null;
  // optional appositive: "Dmitri Trenin, the director of the Carnegie Moscow Center, said", "Jo Bloggs, 59,
  // said", "Jo Bloggs, who runs the ferry, said"; a description's appositive name is who speaks
  // ("the council's spokesman, Jo Bloggs, said"), and a party tag ("Tom Reyes, R-Ky., said")
  let after = apposEnd > 0 ? apposEnd : m.end;
  const tail = text.slice(after, Math.min(limit, after + 150));
  // also without a determiner: "Jane Doe, senior economist at Northfield Bank, said" (a role word
  // opens it; "managing director and equity analyst at …" is one too)
  // a capitalised possessive may follow capitalised words ("Mayor Ruiz's former chief of staff", "Ruiz’
  // campaign manager"); "Republican of Ohio" is a party tag; "after a moment", "in a statement" an aside
  let appos = /^,\s+(?:(?:the|a|an|his|her|their|its|who|whose|(?:\p{Lu}[\p{L}\-.]*\s+){0,3}\p{Lu}[\p{L}\-]*(?:[’']s|s[’'])|(?:Republican|Democrat|Independent)\s+(?:of|from)|(?:after|during|in|speaking|asked|pointing|referring|responding|now)(?=\s))\s(?:[^,;:“”"]|,\s+\p{Lu}[\p{L}]{1,12}\.?(?=,)){1,90}|\d{1,3}|[RDI]-\p{Lu}[\p{L}.]{0,14}),/u.exec(tail);
  if (!appos && m.name && m.kind === "person") {
    const bare = /^,\s+((?:\p{Ll}[\p{L}\-]*\s+){0,5}?(\p{Ll}[\p{L}\-]*))(?:\s+(?:at|of|for|with|in|from)\s[^,;:“”"]{1,110})?,/u.exec(tail);
    if (bare && (ROLE_NOUNS.has(bare[2]!) || /(?:ist|ian|er|or)$/u.test(bare[2]!)) && !CUE_FORMS.has(bare[1]!.split(/\s+/u)[0]!)) appos = bare;
  }
  // the role may go on past what the mention read ("the chief| operating officer, Jo Bloggs, said")
  const named = !m.name && !m.pronoun ? /^(?:\s+\p{Ll}[\p{L}\-]*){0,4},\s+(\p{Lu}[\p{L}.\-’']*(?:\s+\p{Lu}[\p{L}.\-’']*){1,3}),/u.exec(tail) : null;
  if (named) {
    const inner = mentionAfter(text, after + named[0].indexOf(named[1]!), after + named[0].length - 1);
    if (inner?.name && inner.kind === "person") {
      m = inner;
      after += named[0].length;
    }
  } else if (appos) after += appos[0].length;
  // "Jo Bloggs (R-Ohio), said": a bracketed tag, then the comma
  if (text[after - 1] === ")" && text[after] === ",") after++;
  // "…,” Tom Reyes and Jane Doe wrote": two people, read as the one next to the cue, as "Tom Reyes and
  // Jane Doe said CLAUSE" is; only after a quote that ends mid-sentence ("…trade.” Economy and Labour
  // Minister Ann Lee called …" starts a sentence of its own)
  if (!appos && !named && midSentence && m.name?.includes(" ") && m.kind === "person") {
    const and = /^\s+and\s+/u.exec(text.slice(after, Math.min(limit, after + 8)));
    const second = and ? mentionAfter(text, after + and[0].length, Math.min(limit, after + and[0].length + 120)) : null;
    if (second?.name && second.kind === "person" && second.start === after + and![0].length) {
      m = second;
      after = second.end;
      // "Tom Reyes and Ann Ruiz, both Republicans, said": an appositive of the two
      const both = /^,\s+(?:both|each|all)\s[^,;:“”"]{1,60},/u.exec(text.slice(after, Math.min(limit, after + 70)));
      if (both) after += both[0].length;
    }
  }
  // "Tom Reyes with the Harbor Authority says": a person's body between the name and the cue
  if (!appos && !named && m.name && m.kind === "person" && m.name.includes(" ")) {
    const body = /^\s+(?:with|of|at|from)\s+(?:the\s+)?\p{Lu}[\p{L}\-.&’']*(?:\s+(?:of|for|and|&|the|\p{Lu}[\p{L}\-.&’']*)){0,6}/u.exec(text.slice(after, Math.min(limit, after + 80)));
    const bc = body ? cueAt(ctx, after + body[0].length, Math.min(limit, after + body[0].length + 40)) : null;
    if (body && bc && !bc.prepositional && BETWEEN_SPEAKER_AND_CUE.test(text.slice(after + body[0].length, bc.start))) after += body[0].length;
  }
  const c = cueAt(ctx, after, Math.min(limit, after + 40));
  if (!c || c.prepositional) return null;
  // "…,” Tom Reyes was quoted as saying.": the passive relay of the speaker's own words
  const quotedAs = c.participle && /^\s+(?:is|was|were|are|has been|had been|have been)\s+quoted\s+as\s+$/u.test(text.slice(after, c.start));
  if (!quotedAs && !BETWEEN_SPEAKER_AND_CUE.test(text.slice(after, c.start))) return null;
  return relayed(ctx, m, c, limit);
}

/**
 * More of what may stand between a leading cue and its quote: a hearer, then a time ("told
 * reporters last week,", "told the Harbour Times on Monday,"). Case-sensitive on purpose: with /i,
 * \p{Lu} would match every lower-case word as a hearer. A longer prepositional phrase ("said in
 * her new memoir, “Title”") cost a match on polnear_dev and is left out. An object and a manner may
 * end it ("describes itself in the following way:", "explained it this way:").
 */
const CUE_TAIL = /^(?:\s+(?:reporters|journalists|him|her|them|(?:the\s+)?\p{Lu}[\p{L}\-’'.]*(?:\s+\p{Lu}[\p{L}\-’'.]*){0,3}))?(?:\s+(?:last|this|on|early|late)\s+(?:week|month|year|night|morning|afternoon|evening|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?(?:\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday))?(?:\s+(?:itself|himself|herself|themselves|it|them|its\s+\p{Ll}+|his\s+\p{Ll}+|her\s+\p{Ll}+|their\s+\p{Ll}+))?(?:\s+(?:in\s+the\s+following\s+(?:way|terms|words)|this\s+way|as\s+follows|like\s+this|thus))?$/u;

/**
 * One to three adverbials between a leading cue and its quote: times, places and media ("said
 * Thursday on Twitter,", "said last week in Tel Aviv,", "responded pointedly, with a smile:"). Case-sensitive
 * like CUE_TAIL; a prepositional phrase is at most three words after its determiner.
 */
const ADVERBIAL_TAIL = /^(?:,?\s+(?:last|this|next|early|late)\s+(?:week|month|year|night|morning|afternoon|evening)|,?\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)|,?\s+(?:on|in|at|during|via|from|with|after|before|following)\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*){0,2}|\p{Ll}[\p{Ll}\-]*(?:\s+\p{Ll}[\p{Ll}\-]*){0,2})|,\s+(?:when|while|as|after|before|since|once|until)\s+(?:the|a|an|his|her|their|its|he|she|they|it|we|i|\p{Lu}[\p{L}\-]*)\s[^,“”":;!?]{1,60}|,?\s+when\s+asked(?:\s+[^,“”":;!?]{1,50})?|,?\s+\p{Ll}+ly){1,3}$/u;

/** The hearer after "told" ("told the Harbour Post", "told reporters"), before adverbials. */
const HEARER = /^\s+(?:reporters|journalists|him|her|them|(?:the\s+)?\p{Lu}[\p{L}\-’'.]*(?:\s+\p{Lu}[\p{L}\-’'.]*){0,3})/u;

/** "Tom Reyes’s campaign", "the mayor's office": a person's body or staff, a subject that speaks. */
/** "his campaign", "their lawyers": a body or staff a pronoun owns, who speak for its owner's side. */
const OWN_BODY = /^(?:his|her|their|its|His|Her|Their|Its)\s+(?:campaign|office|team|staff|spokesman|spokeswoman|spokesperson|lawyers?|attorneys?|aides?|advisers?|camp)(?![\p{L}\p{N}])/u;
const POSSESSIVE_BODY = /[’']s\s+(?:campaign|office|team|staff|spokesman|spokeswoman|spokesperson|lawyers?|attorneys?|aides?|advisers?|camp)$/u;
/**
 * A dateline opening a story's first sentence: a place in capitals, perhaps a state or date after a
 * comma and a wire agency in brackets, then a dash ("BOSTON — ", "SPRINGFIELD, Ill. (AP) — ",
 * "PARIS, Aug 31 (Reuters) - "), or in title case before a wire agency ("Washington (AFP) – "). The
 * place names no speaker; the sentence's subject follows it.
 */
const DATELINE = /^\s*(?:\p{Lu}{3,}(?:[ .'’\-]+\p{Lu}{2,})*\.?(?:,\s+[\p{L}\p{N}. ]{2,20}?)?(?:\s*\([^()\n]{1,30}\))?|\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,2}(?:,\s+[\p{L}\p{N}. ]{2,20}?)?\s*\(\p{Lu}{2,}[\p{L}]*\))\s+[—–-]{1,2}\s+(?=\p{Lu})/u;
/** Where a sentence's subject can start at `lo`: after a dateline, if one opens the sentence there. */
export function afterDateline(text: string, lo: number, hi: number): number {
  const c = text.charCodeAt(lo < hi && /\s/u.test(text[lo]!) ? lo + 1 : lo);
  if (!(c >= 65 && c <= 90) && c < 0xc0) return lo;
  const m = DATELINE.exec(text.slice(lo, Math.min(hi, lo + 80)));
  return m ? lo + m[0].length : lo;
}
/** Leading adverbial parts of a sentence before its subject: "At the debate, ", "On Tuesday, however, ". */
/** Time adverbials that open a sentence before its subject ("Hours later,", "Back in 1999,"): a regex source for the readers here and in indirect.ts. */
export const TIME_OPENERS = String.raw`(?:hours|days|weeks|months|years|minutes|moments|decades)\s+(?:later|earlier|after|before)|back|shortly|soon`;
const LEADING_ADVERBIAL = new RegExp(String.raw`^(?:(?:on|in|at|after|before|during|since|earlier|later|last|this|but|and|however|meanwhile|still|here|there|then|now|yet|so|also|even|just|instead|separately|likewise|similarly|indeed|when asked|asked|${TIME_OPENERS}|(?!(?:nothing|something|anything|everything)\b)\p{L}{2,}ing)\b[^,;:“”"]{0,60},\s+)+`, "iu");

/** A possessive determiner and a role ("her senior policy adviser", "his lawyer"). */
const POSSESSIVE_ROLE = new RegExp(String.raw`^(?:his|her|their|its|His|Her|Their|Its)\s+(?:\p{Ll}[\p{Ll}\-]*\s+){0,3}(?:${[...ROLE_NOUNS].filter((w) => /^[a-z\-]+$/u.test(w)).join("|")})$`, "u");
/** An appositive between a subject and its cue ("Ann Ruiz, the former harbour master, said"), comma to comma. */
/** After a sentence-opening inverted cue: a name, then a who-clause or appositive, up to the quote. */
const INVERTED_OPENING_TAIL = /^\s+\p{Lu}[\p{L}.\-’']*(?:\s+\p{Lu}[\p{L}.\-’']*){0,3},\s+(?:who|a|an|the)\s[^“”"]{1,120}$/u;
/** After an inverted cue: up to three lowercase role words and a full name ("moderator Nancy Okafor"). */
const INVERTED_ROLE_NAME = /^\s+(?:(?:\p{Lu}[\p{L}.\-’']*\s+){1,2}(?=\p{Ll}))?(?:\p{Ll}[\p{Ll}\-]*\s+){0,3}\p{Lu}[\p{L}.\-’']*(?:\s+\p{Lu}[\p{L}.\-’']*){1,3}$/u;
const APPOSITIVE_TO_CUE = /^,\s+(?!(?:and|but|or|so|yet|then|if|when|as|because|while|although)\b)(?:the|a|an|his|her|their|its|who|whose|now|\d|\p{Ll}|(?:\p{Lu}[\p{L}\-.]*\s+)*\p{Lu}[\p{L}\-]*(?:[’']s|s[’'])\s|(?:Republican|Democrat|Independent)s?\s+(?:of|from)\s|[RDI]-\p{Lu})[^“”"]{0,200},\s*$/u;

/** "X released the following statement:", "X issued this response:", "X had this to say:" before a colon; the verb, group 1. */
const STATEMENT_INTRO = /\s((?:released|issued|put\s+out|sent|posted|gave|offered|shared|provided|tweeted))\s+(?:the\s+following|this|a|an)\s+(?:\p{Ll}[\p{Ll}\-]*\s+)?(?:statement|response|comment|message|tweet|explanation|note|reply|answer)(?:\s+(?:to|on|about)\s+[^:“”"]{1,40})?$|\s(had)\s+this\s+to\s+say(?:\s+(?:about|on|of)\s+[^:“”"]{1,60})?$/u;
/** The subject of a statement introduced without a speech verb ("President Jo Bloggs released the following statement: “…”"). */
function statementIntro(ctx: Context, lo: number, end: number, comma = false): Attribution | null {
  const { text } = ctx;
  const m = STATEMENT_INTRO.exec(text.slice(Math.max(lo, end - 140), end));
  if (!m) return null;
  // before a comma only a statement put out, not "gave a speech, “…”" or "had this to say,"
  if (comma && !/^(?:released|issued|put\s+out|posted|tweeted)$/u.test(m[1] ?? "") || comma && !/(?:statement|tweet|message)$/u.test(m[0])) return null;
  const base = Math.max(lo, end - 140);
  const verb = m[1] ?? m[2]!;
  const vStart = base + m.index + m[0].indexOf(verb);
  let s = afterDateline(text, lo, vStart);
  while (s < vStart && /\s/u.test(text[s]!)) s++;
  const adv = LEADING_ADVERBIAL.exec(text.slice(s, vStart));
  if (adv) s += adv[0].length;
  const speakerEnd = vStart - gapBefore(text, vStart);
  const mention = mentionBefore(text, s, speakerEnd) ?? looseDescription(text, s, speakerEnd, (e) => !text.slice(e, speakerEnd).trim());
  if (!mention || mention.end < speakerEnd - 1 || mention.kind === "anonymous" && !mention.text.includes(" ")) return null;
  const cue: Cue = { text: verb, start: vStart, end: vStart + verb.length, base: verb.replace(/\s+/gu, " "), participle: false, belief: false, prepositional: false };
  return { mention, cue, via: null, end };
}

/** "Peskov said: ", "He said, ", "In one tweet, Trump said: " ending at `pos` (the quote's opening mark). */
export function speakerCueBefore(ctx: Context, lo: number, pos: number): Attribution | null {
  const { text } = ctx;
  let before = text.slice(lo, pos);
  const trimmed = before.replace(/[\s]+$/u, "");
  if (!trimmed) return null;
  const endsWithPunct = /[:,—–]$/.test(trimmed);
  before = endsWithPunct ? trimmed.slice(0, -1).replace(/\s+$/u, "") : trimmed;
  // "Reyes said, and I quote, “…”": the writer's aside between the cue and the quote
  const aside = endsWithPunct ? /,\s*(?:and\s+)?I\s+quote$/u.exec(before) : null;
  if (aside) before = before.slice(0, aside.index);
  const end = lo + before.length;
  // "According to the Harbour News: “…”": the source named by a prepositional cue opening the sentence
  if (endsWithPunct) {
    const acc = /^\s*(?:(?:But|And|Yet),?\s+)?according to\s+/iu.exec(before);
    const c0 = acc ? cueAt(ctx, lo + acc[0].search(/according/iu), lo + acc[0].length) : null;
    if (acc && c0?.prepositional) {
      const m = mentionAfter(text, lo + acc[0].length, end);
      if (m && m.end >= end - 1 && !m.pronoun && (m.name || m.definiteDescription || m.kind === "organisation")) return { mention: m, cue: c0, via: null, end };
    }
  }
  // the cue must end the window, allowing "of X" or a short adverbial after it
  // (wide enough for an interjected clause: "said in the spring, when the private server story broke,")
  const window = Math.max(lo, end - 110);
  let cue: Cue | null = null;
  for (let c = cueAt(ctx, window, end); c; c = cueAt(ctx, c.end, end)) {
    if (c.prepositional) continue;
    // "told Congress when asked about it:": "when asked" is the occasion, not a cue of its own
    if (c.base === "ask" && /\bwhen\s+$/u.test(text.slice(Math.max(lo, c.start - 6), c.start))) continue;
    const tail = text.slice(c.end, end);
    // "Said Dorothy Okafor, who grew up nearby, “…”": an inverted cue opening the sentence, the
    // speaker and what describes them
    if (!text.slice(lo, c.start).trim() && INVERTIBLE.has(c.text.toLowerCase()) && INVERTED_OPENING_TAIL.test(tail)) {
      cue = c;
      break;
    }
    // "In other words, explained moderator Nancy Okafor: “…”": after an opening adverbial, an inverted
    // cue and the speaker's role and full name up to the colon
    if (/:$/u.test(trimmed) && INVERTIBLE.has(c.text.toLowerCase()) && INVERTED_ROLE_NAME.test(tail)) {
      const open = text.slice(lo, c.start);
      const adv = LEADING_ADVERBIAL.exec(open.trimStart());
      if (adv && adv[0].length === open.trimStart().length) {
        cue = c;
        break;
      }
    }
    const hearer = c.base === "tell" ? HEARER.exec(tail) : null;
    if (CUE_TAIL.test(tail) || ADVERBIAL_TAIL.test(tail) || hearer && ADVERBIAL_TAIL.test(tail.slice(hearer[0].length)) || /^(?:\s+(?:of|about|to|on)\s+[\p{L}\p{N}\s.\-’']{1,40}|\s+to\s+(?:his|her|their|its)\s+[\p{L}\p{N}\s,.\-’']{1,40}|\s+(?:the|a|an|his|her|their)\s+(?:\p{Ll}[\p{Ll}\-]*\s+){0,2}(?:crowd|audience|room|panel|committee|court|jury|council|hall|group|reporters|supporters|voters|students)|\s+(?:in|on|at)\s+(?:a|an|the)\s+[\p{L}\s\-]{1,45}|\s+(?:in|on|at)\s+(?:a|an|the)\s+[\p{L}\s\-]{1,30}\s(?:before|after|during|at|on|in|to)\s+(?:a|an|the)\s+(?:\d{4}\s+)?[\p{L}\s\-]{1,40}|\s+(?:reporters|journalists|him|her|them|\p{Lu}[\p{L}\-]*)|\s+\p{Ll}+ly|\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)|,\s+(?:however|though|meanwhile|moreover|nonetheless|nevertheless|instead|too)|\s+(?:as|while|when|after|before)\s+(?:he|she|they|we|it)\s+\p{Ll}+(?:\s+[\p{L}\p{N}’'\-]+){0,8})?$/iu.test(tail)) cue = c;
  }
  if (!cue) return endsWithPunct && /:$/u.test(trimmed) ? statementIntro(ctx, lo, end) : endsWithPunct && /,$/u.test(trimmed) ? statementIntro(ctx, lo, end, true) : null;
  if (!endsWithPunct && !/[\p{L}]$/u.test(before)) return null;
  // the speaker: before the cue, or after it in inverted order ("said Peskov:")
  let speakerEnd = Math.max(lo, cue.start - gapBefore(text, cue.start));
  // "a spokesman … could only quip: “…”": a modal before a cue that opens a quote with a colon (kept
  // out of gapBefore: "should have insisted" before a clause is an inverted report, not a speaker's)
  if (/:$/u.test(trimmed)) {
    const modal = /\s+(?:could|would|can|might|may)(?:\s+(?:only|just|simply|merely|also))?\s*$/u.exec(text.slice(Math.max(lo, speakerEnd - 24), speakerEnd));
    if (modal) speakerEnd -= modal[0].length;
  }
  // "Gov. Jo Bloggs (R-Ohio), said": the comma after a bracketed tag
  if (/\),\s*$/u.test(text.slice(Math.max(lo, speakerEnd - 3), speakerEnd))) speakerEnd = text.lastIndexOf(",", speakerEnd);
  let mention = text.slice(lo, speakerEnd).trim() ? mentionBefore(text, lo, speakerEnd) : null;
  if (mention && mention.end < speakerEnd - 1) mention = null;
  // "sent a message to supporters saying:": the object of a preposition is not the participle's subject
  const objectBefore = !!mention && cue.participle && /\b(?:to|for|from|toward|towards)\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+)?$/u.test(text.slice(Math.max(lo, mention.start - 14), mention.start));
  if (objectBefore) mention = null;
  // "The ad says “…”": a description the name grammar does not read, the whole window before the cue
  if (!mention && text.slice(lo, speakerEnd).trim()) mention = looseDescription(text, lo, speakerEnd, (e) => !text.slice(e, speakerEnd).trim());
  // "… Attorney General Ann Ruiz, who told Congress: “…”": the name before the relative speaks
  if (!mention) {
    const rel = /,\s*who\s*$/u.exec(text.slice(Math.max(lo, speakerEnd - 12), speakerEnd));
    if (rel) {
      const comma = Math.max(lo, speakerEnd - 12) + rel.index;
      const whoAt = text.indexOf("who", comma);
      const ante = mentionBefore(text, lo, comma);
      if (ante?.name && ante.kind === "person" && ante.end >= comma - 1) mention = { ...ante, text: "who", start: whoAt, end: whoAt + 3 };
    }
  }
  if (!mention) {
    const inv = mentionAfter(text, cue.end, end);
    if (inv && INVERTIBLE.has(cue.text.toLowerCase())) mention = inv;
  }
  // the subject opening the clause, after leading adverbials ("At the debate, Ann Ruiz …")
  // "PORTSMOUTH, Dec. 8 (UPI) — In response …, X rallied supporters, saying:": after a dateline
  let s = afterDateline(text, lo, speakerEnd);
  while (s < speakerEnd && /\s/u.test(text[s]!)) s++;
  const adv = LEADING_ADVERBIAL.exec(text.slice(s, Math.min(speakerEnd, s + 200)));
  if (adv && /^(?:\p{Lu}|(?:he|she|they|we|it|his|her|their|its|the|a|an)\s)/u.test(text.slice(s + adv[0].length, s + adv[0].length + 6))) s += adv[0].length;
  // "But Sen. Ann Lee (D-Ill.), noting …, said": a connective before the subject, without a comma
  // ("And then Okafor went on the attack, saying": a connective of two words)
  const conn = /^(?:(?:But|And|Yet|So)(?:\s+(?:then|now|so|also|still))?|Still|Now|Then)\s+(?=\p{Lu})/u.exec(text.slice(s, Math.min(speakerEnd, s + 14)));
  if (conn) s += conn[0].length;
  // "Ann Ruiz, the former harbour master, said:", "The mayor's aide, Ann Ruiz, said:": an appositive
  // between the subject and its cue; a name in the appositive is who speaks
  if (!mention && /,\s*$/u.test(text.slice(lo, speakerEnd))) {
    const comma = text.indexOf(",", s);
    let subject = comma > s && comma < speakerEnd ? mentionAfter(text, s, comma) ?? looseDescription(text, s, comma, (e) => e === comma) : null;
    // "her senior policy adviser, Tom Reyes, said:": a possessive's role before the name
    if (comma > s && comma < speakerEnd && (!subject || subject.pronoun) && POSSESSIVE_ROLE.test(text.slice(s, comma))) {
      const role = analyse(tokenize(text, s, comma), text);
      subject = role && { ...role, kind: "person" };
    }
    // "The issue came up after Mr. Okafor, asked about it, had said, “…”": the subject of a clause
    // opened by a subordinator, when the sentence's own opening is no subject
    let from = s;
    if (comma > s && comma < speakerEnd && (!subject || subject.start !== s || subject.end !== comma)) {
      // ("As Tom Reyes, an expert on the region, noted, “…”": "as" opening the sentence)
      const subs = [...text.slice(s, comma).matchAll(/\b(?:after|when|before|because|while|since|until|although|though|once)\s+(?=\p{Lu})|^As\s+(?=\p{Lu})/gu)];
      const last = subs[subs.length - 1];
      if (last) {
        from = s + last.index! + last[0].length;
        const inner = mentionAfter(text, from, comma);
        if (inner?.name && inner.kind === "person") subject = inner;
      }
    }
    if (subject && subject.start === from && subject.end === comma && !subject.pronoun && (subject.kind !== "anonymous" || /\s\S+\s/u.test(subject.text))) {
      const rest = text.slice(comma, speakerEnd);
      const named = !subject.name ? /^,\s+(\p{Lu}[\p{L}.\-’']*(?:\s+\p{Lu}[\p{L}.\-’']*){1,3}),\s*$/u.exec(rest) : null;
      const inner = named ? mentionAfter(text, comma + named[0].indexOf(named[1]!), speakerEnd) : null;
      if (inner?.name && inner.kind === "person") mention = inner;
      // ("A Ruiz adviser, who spoke on condition of anonymity, said": an unnamed source and its who-clause)
      else if ((subject.name || subject.definiteDescription || (/^,\s+who\s/u.test(rest) && /^(?:a|an|one|another)\s/iu.test(subject.text) && ROLE_NOUNS.has(subject.text.split(/\s+/u).pop()!.toLowerCase()))) && APPOSITIVE_TO_CUE.test(rest)) mention = subject;
    }
  }
  // "…, Spicer said, adding, “…”", "…, said Spicer, adding": a participle right after another cue and its speaker continues
  // that speaker, not the sentence's subject
  if (!mention && cue.participle && /,\s*$/u.test(text.slice(lo, cue.start))) {
    const comma = text.lastIndexOf(",", cue.start);
    const prev = comma > lo ? speakerCueBefore(ctx, lo, comma + 1) : null;
    if (prev && "mention" in prev && prev.mention && !prev.cue.participle && !prev.cue.prepositional && (prev.cue.end >= comma - 1 || (prev.mention.start > prev.cue.end && prev.mention.end >= comma - 1))) mention = prev.mention;
  }
  // "Lind claimed victory in a post, saying: “…”": a participle after a comma speaks for the sentence's subject, a name or pronoun opening the clause; "X is quoted as saying"
  // ("… about the mayor before saying, “…”", "… drew boos upon saying, “…”", "… needled the “reporter,” saying, “…”", "she released a
  // statement saying, “…”": the same subject)
  // ("Ruiz interrupted me to announce, “…”", "took the stage to declare: “…”": an infinitive of
  // purpose right before the quote, the same subject)
  // (not after a verb that hands the saying to its object: "Reyes asked Ruiz to announce: “…”")
  const before60 = text.slice(Math.max(lo, cue.start - 60), cue.start);
  const purpose = !cue.participle && !cue.prepositional && endsWithPunct && /\s\p{Ll}+[^,;:“”"]{0,40}\sto\s+$/u.test(before60) && !OBJECT_CONTROL.test(before60) && /^\s*[:,]?\s*$/u.test(text.slice(cue.end, end + 1));
  if (!mention && purpose) {
    const subject = mentionAfter(text, s, cue.start);
    if (subject && subject.start === s && (subject.name || subject.pronoun || subject.definiteDescription) && subject.kind !== "anonymous") mention = subject;
  }
  if (!mention && cue.participle && (objectBefore || /(?:,[”"’']*|\b(?:by|before|after|upon|while|when)|\b(?:is|was|were|are|been)\s+quoted\s+as|\b(?:released|issued|put\s+out|sent(?:\s+out)?|blasted(?:\s+out)?|posted)\s+(?:a|an|the)\s+(?:\p{Ll}+\s+)?(?:statement|letter|message|tweet|email|note)(?:\s+(?:to|for)\s+[^,;:“”"]{1,60})?)\s*$/u.test(text.slice(lo, cue.start)))) {
    const own = OWN_BODY.exec(text.slice(s, Math.min(cue.start, s + 40)));
    const subject = mentionAfter(text, s, cue.start) ?? (own ? analyse(tokenize(text, s, s + own[0].length), text) : null);
    // (an owned role is as definite as "the aide": "Ann Ruiz’s top aide rallied supporters, saying")
    const owned = !!subject && /^(?:(?:the|The)\s+(?:\p{Ll}+\s+)?\p{Ll}+|\p{Lu}[\p{L}.\-]*(?:\s+\p{Lu}[\p{L}.\-]*){0,3})[’']s\s+(?:\p{Ll}[\p{Ll}\-]*\s+){0,2}\p{Ll}[\p{Ll}\-]*$/u.test(subject.text);
    if (subject && subject.start === s && (subject.name || subject.pronoun || subject.definiteDescription || POSSESSIVE_BODY.test(subject.text) || own || owned) && (subject.kind !== "anonymous" || owned)) mention = subject;
  }
  // "Ann Sherry smiled and said, “…”", "He paused, then added: “…”": a verb coordinated with the cue's
  // right after the clause's subject; that subject speaks
  if (!mention && !cue.participle) {
    const co = /(?:^|\s)(\p{Ll}{3,}(?:ed|s))(?:\s+and|,?\s+then|\s+and\s+then)\s*$/u.exec(text.slice(Math.max(s, speakerEnd - 40), speakerEnd));
    if (co) {
      const verbAt = Math.max(s, speakerEnd - 40) + co.index + co[0].indexOf(co[1]!);
      const subject = mentionAfter(text, s, verbAt);
      if (subject && subject.start === s && subject.end >= verbAt - 1 && (subject.name || subject.pronoun || subject.definiteDescription) && subject.kind !== "anonymous") mention = subject;
    }
  }
  // "a White House official who spoke anonymously to discuss strategy said Wednesday, “…”": a relative
  // clause between the subject and its cue
  if (!mention && !cue.participle) {
    const rel = /\s(?:who|that)\s[^,;:“”"()]{3,90}$/u.exec(text.slice(s, speakerEnd));
    if (rel) {
      const npEnd = s + rel.index;
      const comma = text.lastIndexOf(",", npEnd);
      let f = comma >= s ? comma + 1 : s;
      while (f < npEnd && /\s/u.test(text[f]!)) f++;
      const subject = mentionAfter(text, f, npEnd) ?? looseDescription(text, f, npEnd, (e) => e === npEnd);
      if (subject && subject.start === f && subject.end >= npEnd - 1 && !subject.pronoun && (subject.name || subject.definiteDescription || subject.kind === "anonymous" || subject.kind === "organisation")) mention = subject;
    }
  }
  if (!mention) return null;
  return relayed(ctx, mention, cue, end);
}
