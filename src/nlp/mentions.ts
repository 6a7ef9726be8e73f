// Speaker mentions: the noun phrase that names who speaks, read backwards from a cue ("Kremlin
// spokesman Dmitry Peskov said") or forwards after one ("said Peskov"), split into role and name.
import { ANONYMOUS_HEADS, CLUB_TAILS, MEDIA_WORDS, ORG_WORDS, ROLE_MODIFIERS, ROLE_NOUNS, TITLE_WORDS } from "./lexicon/roles";
import { PRONOUNS } from "./lexicon/cues";
import { genderOfName } from "./gender";
import type { SpeakerKind } from "./types";

export interface Token {
  text: string;
  start: number;
  end: number;
  /** text lower-cased, set on first use by low(): the readers ask for it many times per token */
  low?: string;
}

const TOKEN_RE = /[\p{L}\p{N}]+(?:[’'\-.&][\p{L}\p{N}]+)*\.?|\n|\S/gu;

/** Tokens of text[lo, hi): words (with inner hyphens, apostrophes, dots) and single punctuation marks. */
export function tokenize(text: string, lo: number, hi: number): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = lo;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) && m.index < hi) {
    let t = m[0];
    let end = m.index + t.length;
    if (end > hi) {
      t = t.slice(0, hi - m.index);
      end = hi;
    }
    // a final period belongs to the word only for initials, acronyms and known abbreviations
    // ("(D-Ore.)": a party tag keeps its abbreviation's full stop before the closing bracket)
    if (t.length > 1 && t.endsWith(".") && !/^(\p{Lu}|(\p{L}\.)+\p{L}|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Prof|Rev|St|Jr|Sr)\.$/u.test(t) && !(text[end] === ")" && /^\p{Lu}{1,2}-\p{Lu}/u.test(t))) {
      out.push({ text: t.slice(0, -1), start: m.index, end: end - 1, low: undefined });
      out.push({ text: ".", start: end - 1, end, low: undefined });
    } else {
      out.push({ text: t, start: m.index, end, low: undefined });
    }
  }
  return out;
}

// isCap, isWord and isPossessive run for every token a mention reader looks at: an ASCII first
// letter is answered without a regex (in ASCII, \p{Lu} is A-Z, \p{L} a-z and A-Z, \p{N} 0-9).
const PARTICLE_CAP = /^(?:al|el|bin|ibn|de|van|von|da|di|du|le|la)-\p{Lu}/u;
/** "the 46-year-old": an age standing for a person, a head noun but no name */
const AGE = /^\d{1,3}-year-olds?$/u;
export const isCap = (w: string): boolean => {
  const c = w.charCodeAt(0);
  if (c >= 48 && c <= 57) return !(w.length > 9 && AGE.test(w));
  if (c >= 65 && c <= 90) return true;
  // a lower-case ASCII letter is a capital only as a particle joined to a capital ("al-Assad")
  if (c < 128) return c >= 97 && c <= 122 && w.includes("-") && PARTICLE_CAP.test(w);
  return /^[\p{Lu}\p{N}]/u.test(w) || PARTICLE_CAP.test(w);
};
const isWord = (w: string): boolean => {
  const c = w.charCodeAt(0);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return /^[\p{L}\p{N}]/u.test(w);
};
const isPossessive = (w: string): boolean => w.endsWith("’s") || w.endsWith("'s") || w.endsWith("s’") || w.endsWith("s'");
const lower = (w: string): string => w.toLowerCase();
/** A token's text lower-cased, computed once per token (about 1.5 M lower-casings per bench pass otherwise). */
const low = (t: Token): string => t.low ?? (t.low = t.text.toLowerCase());
/** Titles that are also first names: after another title they are the first name ("Rep. Earl Okafor"). */
const TITLE_FIRST_NAMES = new Set(["earl", "duke"]);
/** A person's title after a body's name ("Harbour Party Chairman Jo Bates"): the name after it is a person's. */
const PERSON_TITLE_AFTER_BODY = new Set(["chairman", "chairwoman", "chair", "president", "director", "secretary", "spokesman", "spokeswoman", "spokesperson", "governor", "commissioner", "leader", "chief", "head", "executive", "founder", "treasurer", "manager", "coordinator", "counsel", "judge", "justice", "administrator", "whip", "speaker"]);
/** "he’s", "she'd", "they’ve": a subject pronoun with an auxiliary's contraction ("he’s said" is "he has said") */
const CONTRACTED = /^(he|she|they)[’'](?:s|d|ll|ve|re)$/u;
/** The pronoun a token is, contracted or not ("He’s" → "he"), or null. */
function pronounOf(t: Token): string | null {
  const l = low(t);
  if (PRONOUNS.has(l)) return l;
  return CONTRACTED.exec(l)?.[1] ?? null;
}
/** Possessive determiners, which open a role before a name ("his campaign manager Tom Reyes"). */
const POSSESSIVE_DETERMINERS: ReadonlySet<string> = new Set(["his", "her", "their", "its"]);
const DETERMINERS = new Set(["the", "a", "an", "some", "several", "many", "two", "three", "four", "other", "another", "one", "most", "few", "both", "all"]);
const NAME_PARTICLES = new Set(["de", "da", "van", "von", "bin", "ibn", "al", "el", "del", "der", "den", "la", "le", "du", "dos", "di", "y"]);
/** Pronouns that can only be subjects: the subject of the verb after them, whatever precedes ("In May she said"). */
const NOMINATIVE = new Set(["he", "she", "they", "we", "i"]);
/** Capitalised words that start sentences or clauses but never begin a speaker mention. */
const NOT_NAMES = new Set([
  "but", "and", "or", "so", "yet", "then", "however", "meanwhile", "still", "also", "this", "that",
  "these", "those", "there", "here", "when", "while", "if", "as", "after", "before", "because",
  "although", "though", "since", "in", "on", "at", "for", "with", "by", "from", "to", "of", "it",
  "its", "his", "her", "their", "our", "my", "your", "what", "which", "who", "whom", "where", "why",
  "how", "now", "today", "yesterday", "instead", "indeed", "earlier", "later", "last", "next",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "not", "no", "yes",
  "we", "they", "he", "she", "i", "you", "asked", "speaking", "according", "said", "says",
  "through", "despite", "following", "under", "over", "amid", "among", "against", "without", "within",
  "like", "unlike", "during", "until", "into", "onto", "upon", "about", "around", "across", "behind",
  "beyond", "near", "toward", "towards", "per", "via", "once", "both", "either", "neither", "each",
  "every", "such", "many", "some", "any", "all", "most", "more", "less", "only", "even", "just",
  "having", "being",
  // time adverbials opening a sentence ("Hours later, Jo Bloggs …", "Back in 1999, …")
  "hours", "days", "weeks", "months", "years", "minutes", "moments", "decades", "back", "shortly", "soon",
  // sentence adverbs ("Maybe Ruiz is the candidate …")
  "maybe", "perhaps", "surely", "certainly", "clearly", "obviously", "apparently", "probably",
]);

/** Prepositions and auxiliary participles that open a sentence's phrase and are never a surname alone. */
const OPENERS = new Set([
  "having", "being", "inside", "outside", "despite", "during", "amid", "amidst", "among", "alongside",
  "throughout", "within", "without", "beyond", "behind", "upon", "unlike", "beside", "besides", "aboard",
]);

/** Capitalised body heads a name goes on after "of" ("Department of Homeland Security", "Bank of England", "University of the West"). */
const OF_HEADS = new Set(["department", "ministry", "bureau", "university", "bank", "institute", "office", "council", "committee",
  "commission", "board", "college", "school", "society", "association", "federation", "league", "chamber", "union", "academy",
  "court", "church", "museum", "agency", "authority", "corporation", "organization", "organisation", "conference", "alliance"]);
/** "of", "for" or "of the" between a capitalised body head and a capitalised word: inside one name. */
function ofJoin(toks: readonly Token[], k: number): boolean {
  const l = low(toks[k]!);
  if (l === "the") return k > 1 && low(toks[k - 1]!) === "of" && ofJoin(toks, k - 1);
  if (l !== "of" && l !== "for") return false;
  const head = toks[k - 1], next = toks[k + 1];
  if (!head || !next || !isCap(head.text) || !OF_HEADS.has(low(head))) return false;
  const after = low(next) === "the" && l === "of" ? toks[k + 2] : next;
  return !!after && isCap(after.text) && !NOT_NAMES.has(low(after));
}

/**
 * Titles of a person, which end a body's name where they follow its "and" ("the Department of Justice
 * and Attorney General Lynch"). Not TITLE_WORDS: that list holds portfolios too ("Security",
 * "Culture", "Sport"), which a body's name lists ("… for Culture, Media and Sport").
 */
const PERSON_TITLES = new Set(["mr", "mrs", "ms", "dr", "sir", "lord", "lady", "dame", "president", "vice", "prime", "minister",
  "secretary", "senator", "sen", "rep", "representative", "governor", "gov", "mayor", "attorney", "general", "chairman",
  "chairwoman", "chair", "director", "chief", "judge", "spokesman", "spokeswoman", "king", "queen", "prince", "princess",
  "pope", "commissioner", "ambassador", "speaker", "leader", "chancellor", "professor", "prof", "councillor", "councilman"]);
/** The last word of a name after "and" that heads a body of its own ("… and Standard Trust Bank"). */
function secondBodyHead(l: string): boolean {
  return OF_HEADS.has(l) || l === "company" || l === "group" || l === "party" || l === "fund" || l === "inc" || l === "ltd" || l === "corp";
}
/** A capitalised word that can go on a body's name after "and" or a comma: no person's title, no first name ("and Ann Lee"). */
function bodyListWord(t: Token | undefined): boolean {
  if (!t || !isCap(t.text) || isPossessive(t.text)) return false;
  const l = low(t);
  return !NOT_NAMES.has(l) && !PERSON_TITLES.has(l) && !DETERMINERS.has(l) && !PRONOUNS.has(l);
}
/**
 * "and" or a comma at k inside one body's name: "Department for Culture, Media and Sport", "Institute
 * for Science and International Security". Before k, capitalised words back to an "of"/"for" that
 * joins a body head (`ofJoin`); after k, one to three capitalised words, and after a comma the list
 * goes on to an "and". A first name or a title after it ends the body ("the Ministry of Defence and
 * Ann Lee", "… and Attorney General Jo Bloggs").
 */
function andJoin(toks: readonly Token[], k: number): boolean {
  const w = toks[k]?.text;
  if (w !== "and" && w !== ",") return false;
  let f = k + 1;
  while (f < toks.length && f <= k + 3 && bodyListWord(toks[f])) f++;
  if (f === k + 1 || genderOfName(low(toks[k + 1]!))) return false;
  // "United Bank of Africa and Standard Trust Bank": a body head ends the part after "and", so two bodies
  if (w === "and" && secondBodyHead(low(toks[f - 1]!))) return false;
  if (w === ",") {
    // a list: capitalised words, then "and" and its last item
    if (toks[f]?.text !== "and" && !(toks[f]?.text === "," && toks[f + 1]?.text === "and")) return false;
  } else if (f < toks.length && isCap(toks[f]!.text)) return false;
  let b = k - 1;
  while (b > 0 && b >= k - 6 && (bodyListWord(toks[b]) || toks[b]!.text === ",")) b--;
  if (b === k - 1) return false;
  const l = low(toks[b]!);
  return (l === "of" || l === "for" || l === "the") && ofJoin(toks, b);
}

/** What a capitalised possessive may own and speak through ("Reyes’s office", "the mayor’s staff" aside): a body of people. */
const POSSESSED_BODIES = new Set(["office", "team", "staff", "camp", "campaign", "lawyers", "lawyer", "attorneys", "attorney",
  "aides", "advisers", "spokesman", "spokeswoman", "spokesperson", "family", "administration", "government"]);
/** Token k is a body a capitalised possessive just before it owns. */
function possessedBody(toks: readonly Token[], k: number): boolean {
  const prev = toks[k - 1];
  return !!prev && isPossessive(prev.text) && isCap(prev.text) && POSSESSED_BODIES.has(low(toks[k]!));
}

/** Lowercase owners of a role besides body and role nouns: "the alliance’s secretary general", "the city’s lawyer". */
const OWNER_NOUNS = new Set(["alliance", "campaign", "firm", "city", "state", "county", "team", "club", "league", "paper", "newspaper", "station", "panel", "coalition", "charity", "hospital", "airline", "utility", "regulator", "country", "nation", "church", "family"]);
/** A lowercase possessive that can own a role: "company’s", "mayor’s", "alliance’s" ("the day’s" cannot). */
function ownerPossessive(t: Token): boolean {
  if (!isPossessive(t.text) || isCap(t.text)) return false;
  const stem = low(t).replace(/[’']s$/u, "");
  return ORG_WORDS.has(stem) || ROLE_NOUNS.has(stem) || OWNER_NOUNS.has(stem);
}

/** A determiner at token k, or one to three lowercase role modifiers then a determiner ("the former vice"). */
function determinerBefore(toks: readonly Token[], k: number): boolean {
  for (let j = k, n = 0; j >= 0 && n <= 3; j--, n++) {
    const l = low(toks[j]!);
    if (DETERMINERS.has(l)) return true;
    if (isCap(toks[j]!.text) || !ROLE_MODIFIERS.has(l)) return false;
  }
  return false;
}

/** Words between a body's name and a title that belong to the title ("Senate Majority Leader", "Party Deputy Chairman"). */
const TITLE_MODIFIERS_AFTER_BODY = new Set(["majority", "minority", "deputy", "assistant", "vice", "acting", "interim"]);

/** Body words that are also surnames ("Day"): after a first name, a person's ("Supreme Court" is not: the list calls Supreme a first name). */
const SURNAME_BODY_WORDS = new Set(["day"]);

/** Heads of "X for <person>": who speaks on someone's behalf. */
const SPEAKS_FOR = new Set(["spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "lawyer", "lawyers", "attorney", "attorneys", "aide", "aides", "adviser", "advisers", "advisor", "advisors", "representative", "representatives", "counsel"]);

/** Common nouns that stand capitalised only because they start a sentence. */
const COMMON_CAPS = new Set([...ANONYMOUS_HEADS, ...ROLE_NOUNS, "reports", "report", "media", "police", "prosecutors", "authorities", "polls", "studies", "data", "records", "documents", "witnesses", "residents"]);

export interface Mention {
  /** the whole mention as written, determiner and role included */
  text: string;
  start: number;
  end: number;
  /** the proper name inside it, if any ("Dmitry Peskov"), with its offsets */
  name: string | null;
  nameStart: number | null;
  nameEnd: number | null;
  /** the role or title words apart from the name ("Kremlin spokesman") */
  role: string | null;
  pronoun: string | null;
  kind: SpeakerKind;
  /** "the spokesman"-like descriptions that must be resolved against known roles */
  definiteDescription: boolean;
}

function allowedInside(t: Token): boolean {
  const w = t.text;
  const l = low(t);
  if (isCap(w) && !NOT_NAMES.has(l)) return true;
  if (isPossessive(w) && isCap(w)) return true;
  // "co-Anchor", "co-chair", "ex-minister", "vice-chairman": a prefixed role
  const dash = l.indexOf("-");
  if (dash > 0 && dash <= 4 && /^(?:co|ex|vice)-/u.test(l) && ROLE_NOUNS.has(l.slice(dash + 1))) return true;
  return ROLE_NOUNS.has(l) || ROLE_MODIFIERS.has(l) || AGE.test(w) || ANONYMOUS_HEADS.has(l) || MEDIA_WORDS.has(l) || NAME_PARTICLES.has(l) || /^[\p{Lu}]{2,}[’']?s?$/u.test(w);
}

/** The last word of a mention (a bracketed acronym aside) must be a name or a noun that can speak. */
function hasHead(span: Token[]): boolean {
  let k = span.length - 1;
  if (span[k]?.text === ")" && span[k - 2]?.text === "(") k -= 3;
  const tk = span[k];
  const w = tk?.text;
  if (!w) return false;
  const l = low(tk!);
  return isCap(w) || ROLE_NOUNS.has(l) || ANONYMOUS_HEADS.has(l) || ORG_WORDS.has(l) || MEDIA_WORDS.has(l) || AGE.test(w);
}

/** A person's name of two to five capitalised words, then "with", "of", "at" or "from" and their body. */
function affiliatedPerson(tokens: Token[], text: string): Mention | null {
  let k = 0;
  while (k < tokens.length && k < 5 && isCap(tokens[k]!.text) && !isPossessive(tokens[k]!.text) && !NOT_NAMES.has(low(tokens[k]!))) k++;
  if (k < 2 || k + 1 >= tokens.length || !/^(?:with|of|at|from)$/u.test(tokens[k]!.text)) return null;
  const run = tokens.slice(0, k);
  if (run.some((t) => ORG_WORDS.has(low(t)) || MEDIA_WORDS.has(low(t)))) return null;
  // what follows is a body: capitalised words, "the" first (and where it is: "of Liberty Baptist
  // Church in Marion", a capitalised word after "in")
  const rest = tokens.slice(k + 1);
  if (!rest.every((t, i) => isCap(t.text) || (i === 0 && low(t) === "the") || NAME_PARTICLES.has(low(t)) || t.text === "(" || t.text === ")" || (low(t) === "in" && i > 0 && i + 1 < rest.length && isCap(rest[i - 1]!.text) && isCap(rest[i + 1]!.text)))) return null;
  const person = analyse(run, text);
  // one name word is enough after a title ("President Okafor of Ghana"), not alone ("Okafor of Ghana")
  if (!person?.name || person.kind !== "person" || person.name.split(/\s+/u).length < 2 && !TITLE_WORDS.has(low(run[0]!))) return null;
  const last = tokens[tokens.length - 1]!;
  return { ...person, text: text.slice(tokens[0]!.start, last.end), end: last.end, role: [person.role, text.slice(tokens[k]!.start, last.end)].filter(Boolean).join(" ") };
}

/** Builds a Mention from the tokens of a noun phrase. */
export function analyse(tokens: Token[], text: string): Mention | null {
  if (!tokens.length) return null;
  tokens = headlineSubject(tokens);
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  const whole = text.slice(first.start, last.end);
  const pronoun = tokens.length === 1 ? pronounOf(first) : null;
  if (pronoun) {
    // the span keeps the contraction (the cue follows it), the text is the pronoun alone
    return { text: text.slice(first.start, first.start + pronoun.length), start: first.start, end: last.end, name: null, nameStart: null, nameEnd: null, role: null, pronoun, kind: "unknown", definiteDescription: false };
  }
  // "One said", "Another added": a determiner alone is someone unnamed, not a name
  if (tokens.length === 1 && DETERMINERS.has(low(first))) {
    return { text: whole, start: first.start, end: last.end, name: null, nameStart: null, nameEnd: null, role: null, pronoun: null, kind: "anonymous", definiteDescription: false };
  }
  // "Inside the hall, Ruiz argued", "Having announced it, Judge Okafor said": a capitalised function
  // word alone, opening a sentence, is no name
  if (tokens.length === 1 && OPENERS.has(low(first))) return null;
  // "Tom Reyes with the Harbor Authority", "Jane Doe of Northfield Bank": the person speaks, the body is where they work
  const affiliated = affiliatedPerson(tokens, text);
  if (affiliated) return affiliated;
  // trailing run of capitalised tokens = the name (a possessive breaks it: "Putin's adviser Yuri Ushakov")
  let i = tokens.length;
  while (i > 0) {
    const w = tokens[i - 1]!.text;
    if ((isCap(w) && !isPossessive(w)) || (NAME_PARTICLES.has(low(tokens[i - 1]!)) && i < tokens.length && i > 1 && isCap(tokens[i - 2]!.text))) i--;
    else if (i < tokens.length && i > 1 && (ofJoin(tokens, i - 1) || andJoin(tokens, i - 1))) i--;
    else if (w === "(" || w === ")") i--;
    else break;
  }
  let speaksFor = false;
  // "advisers to Mr. Obama": the name after "to" is whom the speakers serve, not who speaks
  if (i > 0 && i < tokens.length && low(tokens[i - 1]!) === "to") i = tokens.length;
  // "One pastor supporting Mr. Okafor", "a lawyer representing Ann Ruiz": the name is the participle's
  // object; the role before it speaks
  if (i > 1 && i < tokens.length && /^\p{Ll}{3,}ing$/u.test(tokens[i - 1]!.text) && tokens.slice(0, i - 1).some((t) => ROLE_NOUNS.has(low(t)) || ANONYMOUS_HEADS.has(low(t)))) i = tokens.length;
  // "a spokeswoman for Mayor Ann Ruiz", "a lawyer for Mr. Reyes": the one who speaks for a titled
  // person is not that person (a body's stays the body's: "a spokesman for the Harbor Authority",
  // and an untitled name may be a body's: "a spokeswoman for Harbourline")
  // ("a spokesman for Tom Ruiz": a first name and a surname are a person's too)
  if (i > 1 && i < tokens.length && low(tokens[i - 1]!) === "for" && SPEAKS_FOR.has(low(tokens[i - 2]!)) && (TITLE_WORDS.has(low(tokens[i]!)) || (i + 1 < tokens.length && !!genderOfName(low(tokens[i]!)) && isCap(tokens[i + 1]!.text))) && !tokens.slice(i).some((t) => ORG_WORDS.has(low(t)) || MEDIA_WORDS.has(low(t)))) {
    i = tokens.length;
    speaksFor = true;
  }
  // "the former chief executive of Harbourline", "a director at the Port Trust": a person described
  // by a role at a body, not the body
  let roleAt = false;
  // ("the chairman of the Police Federation": "of the" too)
  const at = i > 2 && low(tokens[i - 1]!) === "the" && /^(?:of|at)$/u.test(low(tokens[i - 2]!)) ? i - 1 : i;
  if (at > 1 && at < tokens.length && /^(?:of|at)$/u.test(low(tokens[at - 1]!)) && ROLE_NOUNS.has(low(tokens[at - 2]!)) && (i >= tokens.length || !TITLE_WORDS.has(low(tokens[i]!))) && low(first) === "the" && (!isCap(tokens[at - 2]!.text) || /^\p{Lu}{2,4}$/u.test(tokens[at - 2]!.text))) {
    i = tokens.length;
    roleAt = true;
  }
  let nameTokens: Token[] = [];
  for (let k = i; k < tokens.length; k++) if (tokens[k]!.text !== "(" && tokens[k]!.text !== ")") nameTokens.push(tokens[k]!);
  // "another study from 2011": a figure alone closing a description names no one
  if (nameTokens.length && i > 0 && nameTokens.every((t) => /^\p{N}+$/u.test(t.text))) nameTokens = [];
  // strip titles from the left of the name: "Russian Foreign Minister Sergey Lavrov"
  let cut = 0;
  const bodyName = nameTokens.some((t) => ORG_WORDS.has(low(t))) || low(first) === "the";
  while (!bodyName && cut < nameTokens.length - 1) {
    const w = low(nameTokens[cut]!);
    const next = low(nameTokens[cut + 1]!);
    // a first name before a title-like surname is a name ("Patty Judge", "Ann Marshal"), not a role
    if (!TITLE_WORDS.has(w) && cut + 2 === nameTokens.length && genderOfName(w)) break;
    // after a title, a title that is also a first name is the first name ("Rep. Earl Okafor")
    if (cut > 0 && cut + 2 === nameTokens.length && TITLE_FIRST_NAMES.has(w)) break;
    if (TITLE_WORDS.has(w) || TITLE_WORDS.has(next)) cut++;
    else break;
  }
  // "Harbour Party Chairman Reince Okafor", "Port Authority Director Jo Bates": a body's name, a title,
  // then a person's name: the person speaks, the body and the title are the role
  if (bodyName && nameTokens.length >= 3) {
    let t = -1;
    for (let k = nameTokens.length - 2; k >= 1; k--) {
      const w = low(nameTokens[k]!);
      if (ORG_WORDS.has(w)) break;
      if (PERSON_TITLE_AFTER_BODY.has(w)) {
        t = k;
        break;
      }
    }
    const rest = t >= 0 ? nameTokens.slice(t + 1) : [];
    // ("Senate Minority Whip Dick Okafor": the title's own modifiers between the body and the title)
    let b = t - 1;
    while (b >= 1 && TITLE_MODIFIERS_AFTER_BODY.has(low(nameTokens[b]!))) b--;
    if (t >= 1 && b >= 0 && ORG_WORDS.has(low(nameTokens[b]!)) && rest.length && rest.length <= 3 && rest.every((x) => !ORG_WORDS.has(low(x)) && !TITLE_WORDS.has(low(x)) && /^\p{Lu}\p{Ll}/u.test(x.text)) && (rest.length > 1 || low(first) !== "the")) {
      cut = t + 1;
    }
  }
  // an all-title run ("Foreign Minister") is a role, not a name
  if (nameTokens.length && nameTokens.every((t) => TITLE_WORDS.has(low(t)))) cut = nameTokens.length;
  // a sentence-initial common noun is not a name ("Officials said", "Reports suggested")
  if (cut === 0 && nameTokens.length === 1 && tokens.length === 1 && COMMON_CAPS.has(low(nameTokens[0]!))) cut = 1;
  // (no copies where nothing is cut: these arrays are only read, but for the age case below)
  let roleTokens = cut ? tokens.slice(0, i).concat(nameTokens.slice(0, cut)) : tokens.slice(0, i);
  if (cut) nameTokens = nameTokens.slice(cut);
  // "the 55-year-old Frenchman", "the 27-year-old Austrian": a description by age and nationality, no name
  if (nameTokens.length === 1 && roleTokens.length && AGE.test(roleTokens[roleTokens.length - 1]!.text) && low(first) === "the") {
    roleTokens = roleTokens.concat(nameTokens);
    nameTokens = [];
  }
  const det = DETERMINERS.has(low(first)) ? low(first) : null;
  const roleWords = det ? roleTokens.slice(1) : roleTokens;
  const role = roleWords.length ? text.slice(roleWords[0]!.start, roleWords[roleWords.length - 1]!.end) : null;
  // "the former secretary of state", "the director of national intelligence": the role before a
  // lowercase "of" and at most two words is the head
  const ofAt = tokens.length >= 3 && !nameTokens.length ? tokens.findIndex((t, k) => k >= tokens.length - 3 && k < tokens.length - 1 && low(t) === "of") : -1;
  const headWord = ofAt > 0 && ROLE_NOUNS.has(low(tokens[ofAt - 1]!)) && tokens.slice(ofAt + 1).every((t) => /^\p{Ll}+$/u.test(t.text)) ? low(tokens[ofAt - 1]!) : low(last);
  const mediaHead = MEDIA_WORDS.has(headWord);
  let name: string | null = null;
  let nameStart: number | null = null;
  let nameEnd: number | null = null;
  if (nameTokens.length) {
    nameStart = nameTokens[0]!.start;
    nameEnd = nameTokens[nameTokens.length - 1]!.end;
    // a "(" inside the name (searched within it only: an unbounded lastIndexOf read back to the text's start)
    if (text[nameEnd] === ")" && text.slice(nameStart + 1, nameEnd + 1).includes("(")) nameEnd++;
    name = text.slice(nameStart, nameEnd);
  }
  let kind: SpeakerKind;
  const capsInRole = roleWords.some((t) => isCap(t.text) && !TITLE_WORDS.has(low(t)) && !COMMON_CAPS.has(low(t)));
  if (name) {
    const nameWords = nameTokens.map((t) => low(t));
    // "Kristen Day": a first name before a body word that is also a surname is a person
    const surnamed = nameWords.length === 2 && SURNAME_BODY_WORDS.has(nameWords[1]!) && !!genderOfName(nameWords[0]!);
    const org = (!surnamed && nameWords.some((w) => ORG_WORDS.has(w))) || (nameWords.length > 1 && CLUB_TAILS.has(nameWords[nameWords.length - 1]!)) || /^\p{Lu}{2,}$/u.test(name) || det === "the";
    kind = org ? "organisation" : "person";
    if (!org && roleWords.some((t) => ROLE_NOUNS.has(low(t)) || TITLE_WORDS.has(low(t)))) kind = "person";
  } else if (ANONYMOUS_HEADS.has(headWord) && det !== "the" && !capsInRole) {
    kind = "anonymous";
  } else if (ROLE_NOUNS.has(headWord) && !ORG_WORDS.has(headWord) && !mediaHead && det === "the") {
    // "the Florida senator", "the Harbour Authority chairman": a person, whatever capitals come before
    kind = "person";
  } else if (ORG_WORDS.has(headWord) || mediaHead || capsInRole) {
    kind = "organisation";
  } else {
    kind = ROLE_NOUNS.has(headWord) ? "person" : "unknown";
  }
  if (speaksFor || roleAt || (!name && roleWords.some((t) => AGE.test(t.text)))) kind = "person";
  const definiteDescription = !name && (det === "the" || tokens.every((t) => !isCap(t.text))) && (ROLE_NOUNS.has(headWord) || (roleAt && det === "the"));
  return { text: whole, start: first.start, end: last.end, name, nameStart, nameEnd, role, pronoun: null, kind, definiteDescription };
}

/**
 * The speaker mention that ends at `hi` (trailing spaces ignored), reading backwards no further than
 * `lo`. Null when the words before the cue are not a speaker (a verb, a clause, punctuation).
 */
export function mentionBefore(text: string, lo: number, hi: number): Mention | null {
  return placeTail(text, lo, wholeNumber(text, mentionBeforeIn(text, lo, hi)));
}

/** A quantifier, up to two modifiers and a lowercase plural, opening its clause ("Most Republican voters"). */
const QUANTIFIED_PLURAL = /(?:^|[.;:!?,—]\s+|\n)((?:Most|Many|Some|Several|Few|All|Both|Other|most|many|some|several|few|all|both|other)\s+(?:[\p{L}\-]+\s+){0,2}\p{Ll}[\p{Ll}\-]*s)$/u;
/** Places named after "in"/"from" ending a subject: "in Alabama", "in Alabama, Georgia and Virginia". */
const PLACE_TAIL = /[ \t]+(?:in|from|across|throughout)[ \t]+(?:the[ \t]+)?(?:\p{Lu}[\p{L}.’'\-]*(?:[ \t]+\p{Lu}[\p{L}.’'\-]*){0,2}(?:,[ \t]+|[ \t]+and[ \t]+|,[ \t]+and[ \t]+))*$/u;

/**
 * "Most voters in Alabama said", "Officials in Ohio said": a name read before a cue that only says
 * where the subject is; the subject is the noun phrase before it (a plural or a role), place and all.
 */
function placeTail(text: string, lo: number, m: Mention | null): Mention | null {
  if (!m?.name || m.role || m.start - lo < 4) return m;
  const before = text.slice(Math.max(lo, m.start - 120), m.start);
  const tail = PLACE_TAIL.exec(before);
  if (!tail) return m;
  const at = m.start - before.length + tail.index;
  let np = mentionBeforeIn(text, lo, at);
  if (!np) {
    // "Most voters", "Many Republican voters": a quantified plural opening the clause
    const q = QUANTIFIED_PLURAL.exec(text.slice(Math.max(lo, at - 60), at));
    if (q) {
      const start = at - q[1]!.length;
      np = { text: q[1]!, start, end: at, name: null, nameStart: null, nameEnd: null, role: null, pronoun: null, kind: "group", definiteDescription: false };
    }
  }
  if (!np || np.name || np.pronoun || np.end !== at) return m;
  const head = lower(np.text.split(/\s+/u).pop()!);
  if (!(/^\p{Ll}[\p{Ll}\-]*s$/u.test(head) || ROLE_NOUNS.has(head) || ANONYMOUS_HEADS.has(head))) return m;
  return { ...np, end: m.end, text: text.slice(np.start, m.end) };
}

/**
 * A mention that starts inside a number written with separators ("1,409 teachers" read from "409"):
 * from where the whole number starts; the number's last digits alone ("about 1,500": "500") are none.
 */
/** "Six in 10", "about 4 out of 10": the share a bare number closes, read back from the number. */
const SHARE_BEFORE = /(?:^|[^\p{L}\p{N}])((?:(?:about|nearly|almost|roughly|some|over|under|(?:more|fewer|less)\s+than)\s+)?(?:\p{N}+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:in|out\s+of)\s+)$/iu;
const SHARE_NUMBER = /^(?:\p{N}+|five|ten|three|four)(?:\s+\p{L}+){0,2}$/iu;

function wholeNumber(text: string, m: Mention | null): Mention | null {
  // "Six in 10 say": the share speaks for those asked, not the number "10"
  if (m && SHARE_NUMBER.test(m.text)) {
    const share = SHARE_BEFORE.exec(text.slice(Math.max(0, m.start - 40), m.start));
    if (share) {
      const start = m.start - share[1]!.length;
      return { ...m, start, text: text.slice(start, m.end), name: null, nameStart: null, nameEnd: null, role: null, kind: "group", definiteDescription: false };
    }
  }
  if (!m || !insideNumber(text, m.start)) return m;
  if (!/\s/u.test(m.text)) return null;
  let start = m.start;
  while (start >= 2 && /[,.]/u.test(text[start - 1]!) && /\p{N}/u.test(text[start - 2]!)) {
    start -= 2;
    while (start > 0 && /\p{N}/u.test(text[start - 1]!)) start--;
  }
  return { ...m, start, text: text.slice(start, m.end) };
}

/** A mention starting inside a number written with thousands separators ("1,500": "500" is no speaker). */
function insideNumber(text: string, start: number): boolean {
  return start >= 2 && /\p{N}/u.test(text[start] ?? "") && /[,.]/u.test(text[start - 1]!) && /\p{N}/u.test(text[start - 2]!);
}

function mentionBeforeIn(text: string, lo: number, hi: number): Mention | null {
  // read a short window first and widen it only when the walk reaches its start: a cue in a long
  // sentence must not re-tokenize the whole sentence ("said said said …" was cubic)
  for (let w = WINDOW; ; w *= 4) {
    if (hi - w <= lo) return readBefore(text, tokenize(text, lo, hi), false) as Mention | null;
    // the largest window is taken as it is: a mention never runs that long
    const last = w >= MAX_WINDOW;
    let from = spaceAtOrAfter(text, hi - w, hi);
    if (from < 0 && !last) continue;
    if (from < 0) from = hi - w;
    const r = readBefore(text, tokenize(text, from, hi), !last);
    if (r !== WIDEN) return r;
  }
}

/** Initial and largest window (code units) of the mention readers; no mention is longer than the largest. */
const WINDOW = 64;
const MAX_WINDOW = 4096;
/** Returned by a reader over a cut window whose walk reached the cut: read a wider window. */
const WIDEN = Symbol("widen");

/** The first whitespace other than a newline in [from, to), or -1. Tokens never contain one, so tokens after it are those of the whole text. */
export function spaceAtOrAfter(text: string, from: number, to: number): number {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 32 || c === 9 || (c !== 10 && c > 127 && /\s/u.test(text[k]!))) return k;
  }
  return -1;
}

/** The last position in (from, to] before which whitespace other than a newline stands, or -1 (the window end of a forward reader). */
function spaceAtOrBefore(text: string, from: number, to: number): number {
  for (let k = to; k > from; k--) {
    const c = text.charCodeAt(k);
    if (c === 32 || c === 9 || (c !== 10 && c > 127 && /\s/u.test(text[k]!))) return k;
  }
  return -1;
}

function readBefore(text: string, toks: Token[], cut: boolean): Mention | null | typeof WIDEN {
  let i = toks.length;
  // the pronoun test and the walk read up to two tokens before the one they stop at
  if (cut && i < 3) return WIDEN;
  if (!i) return null;
  const lastTok = toks[i - 1]!;
  if (CONTRACTED.test(low(lastTok))) return analyse([lastTok], text);
  if (PRONOUNS.has(low(lastTok)) && (i === 1 || NOMINATIVE.has(low(lastTok)) || !isWord(toks[i - 2]!.text) || NOT_NAMES.has(low(toks[i - 2]!)) || /^(that|and|but|as|when|while|because|so)$/i.test(toks[i - 2]!.text))) {
    return analyse([lastTok], text);
  }
  while (i > 0) {
    const t = toks[i - 1]!;
    const l = low(t);
    if (allowedInside(t)) { i--; continue; }
    if (i === toks.length && i > 1 && possessedBody(toks, i - 1)) { i--; continue; }
    // "the company’s spokesman said", "the alliance’s secretary general said": a body's or a role's
    // possessive after a determiner owns the role and stays in the mention
    // ("the former vice president’s spokeswoman": role modifiers may stand between them)
    if (i < toks.length && i > 1 && ownerPossessive(t) && determinerBefore(toks, i - 2)) { i--; continue; }
    // "Tom Reyes with the Harbor Authority": a name, a preposition, then the body (analyse keeps the person)
    if (i < toks.length && i > 2 && isCap(toks[i]!.text)) {
      const prep = l === "the" ? low(toks[i - 2]!) : l;
      const k = l === "the" ? i - 2 : i - 1;
      if (/^(?:with|of|at|from)$/u.test(prep) && k > 1 && isCap(toks[k - 1]!.text) && isCap(toks[k - 2]!.text) && !NOT_NAMES.has(low(toks[k - 1]!))) {
        const probe = analyse(toks.slice(Math.max(0, k - 5), toks.length).filter((_, j, a) => j >= a.findIndex((t) => isCap(t.text) && !NOT_NAMES.has(low(t)))), text);
        if (probe?.kind === "person" && probe.nameEnd !== null && probe.nameEnd <= toks[k]!.start) { i = k; continue; }
      }
    }
    if (i < toks.length && i > 1 && (ofJoin(toks, i - 1) || andJoin(toks, i - 1))) { i--; continue; }
    if ((l === "of" || l === "for" || l === "at" || l === "to") && i < toks.length && i > 1) {
      // "the director of the Carnegie Moscow Center", "a spokesman for the ministry"
      const before = low(toks[i - 2]!);
      const after = toks[i]!.text;
      if ((ROLE_NOUNS.has(before) || ANONYMOUS_HEADS.has(before) || (l === "of" && (TITLE_WORDS.has(before)))) && (isCap(after) || low(toks[i]!) === "the" || ROLE_MODIFIERS.has(low(toks[i]!)))) { i--; continue; }
      break;
    }
    if (l === "the" && i > 1 && /^(of|for|at)$/i.test(toks[i - 2]!.text)) { i--; continue; }
    // "the Florida senator and Republican presidential candidate": two roles of one person
    if (l === "and" && i > 2 && i < toks.length && ROLE_NOUNS.has(low(toks[i - 2]!)) && !isCap(toks[i - 2]!.text) && !ROLE_NOUNS.has(low(toks[i]!)) && ROLE_NOUNS.has(low(toks[toks.length - 1]!))) { i--; continue; }
    if (DETERMINERS.has(l)) { i--; break; }
    if (t.text === "(" || t.text === ")") { i--; continue; }
    break;
  }
  if (cut && i < 3) return WIDEN;
  let span = toks.slice(i);
  // drop leading connectors that slipped in with capitalisation ("But Peskov")
  while (span.length && NOT_NAMES.has(low(span[0]!))) span = span.slice(1);
  while (span.length && (span[0]!.text === "(" || span[0]!.text === ")")) span = span.slice(1);
  if (!span.length) return null;
  // a bare lowercase modifier ("also", "senior") without a head noun is not a mention
  if (!hasHead(span)) return null;
  return analyse(span, text);
}

/** Capitalised adverbs a Title Case headline puts between its subject and verb ("Ruiz Just Announced …"). */
const HEADLINE_ADVERBS = new Set(["just", "finally", "now", "also", "again", "still", "reportedly", "already", "even", "never", "only", "actually", "really", "apparently", "allegedly", "secretly", "privately", "publicly", "openly", "instantly", "suddenly", "officially", "quietly"]);
/** Cue verbs a Title Case headline capitalises ("Ruiz Says Pier Will Close, Calls Plan …"). */
const HEADLINE_CUES = new Set(["says", "said", "tells", "told", "warns", "warned", "claims", "claimed", "insists", "admits", "announces", "announced", "reveals", "revealed"]);
/**
 * A subject read back through a Title Case headline: up to its first capitalised cue verb ("Ruiz
 * Says Pier Will Close, Calls …" → "Ruiz"), without the adverb before the verb ("Ruiz Just
 * Announced" → "Ruiz"). Other spans are returned as they are.
 */
function headlineSubject(span: Token[]): Token[] {
  let out = span;
  for (let k = 1; k < out.length; k++) {
    if (isCap(out[k]!.text) && HEADLINE_CUES.has(low(out[k]!))) {
      out = out.slice(0, k);
      break;
    }
  }
  while (out.length > 1 && isCap(out[out.length - 1]!.text) && HEADLINE_ADVERBS.has(low(out[out.length - 1]!))) out = out.slice(0, -1);
  return out;
}

/** The speaker mention starting at `lo` (after spaces), reading forwards no further than `hi`. */
export function mentionAfter(text: string, lo: number, hi: number): Mention | null {
  return wholeNumber(text, mentionAfterIn(text, lo, hi));
}

function mentionAfterIn(text: string, lo: number, hi: number): Mention | null {
  // a short window first, widened only when the walk reaches its end (see mentionBefore)
  for (let w = WINDOW; ; w *= 4) {
    if (lo + w >= hi) return readAfter(text, tokenize(text, lo, hi), false) as Mention | null;
    const last = w >= MAX_WINDOW;
    let to = spaceAtOrBefore(text, lo, lo + w);
    if (to < 0 && !last) continue;
    if (to < 0) to = lo + w;
    const r = readAfter(text, tokenize(text, lo, to), !last);
    if (r !== WIDEN) return r;
  }
}

/** A lowercase word that heads a role ("manager", "cartoonist", "economist"). */
/** A role noun or its plural ("attorneys", "lawyers"). */
function roleOrPlural(l: string): boolean {
  return ROLE_NOUNS.has(l) || (l.length > 4 && l.endsWith("s") && ROLE_NOUNS.has(l.slice(0, -1)));
}

function roleLike(t: Token): boolean {
  const w = t.text;
  const l = low(t);
  if (!/^\p{Ll}[\p{Ll}\-]+$/u.test(w) || NOT_NAMES.has(l) || DETERMINERS.has(l) || PRONOUNS.has(l)) return false;
  // (-eon, -ant, -ee: "neurosurgeon", "consultant", "nominee")
  return ROLE_NOUNS.has(l) || TITLE_WORDS.has(l) || /(?:ist|ian|man|woman|person|eon)$/u.test(l) || (/(?:er|or|ant|ee)$/u.test(l) && l.length > 5) || (/(?:er|or)$/u.test(l) && l.length > 4);
}

/**
 * "regional sales manager Tom Reyes", "Ohio cartoonist Tom Reyes": from token j, up to three
 * lowercase words ending in a role noun and then a capitalised name; the index of the name, or -1.
 */
function roleRunToName(toks: Token[], j: number): number {
  for (let k = j; k < toks.length && k < j + 3; k++) {
    const w = toks[k]!.text;
    if (!/^\p{Ll}/u.test(w) || NOT_NAMES.has(low(toks[k]!)) || DETERMINERS.has(low(toks[k]!))) return -1;
    const next = toks[k + 1]?.text;
    if (roleLike(toks[k]!) && next && isCap(next) && !NOT_NAMES.has(low(toks[k + 1]!)) && !TITLE_WORDS.has(low(toks[k + 1]!)) || roleLike(toks[k]!) && next && TITLE_WORDS.has(low(toks[k + 1]!)) && toks[k + 2] && isCap(toks[k + 2]!.text)) return k + 1;
  }
  return -1;
}

function readAfter(text: string, toks: Token[], cut: boolean): Mention | null | typeof WIDEN {
  if (cut && toks.length < 3) return WIDEN;
  if (!toks.length) return null;
  const first = toks[0]!;
  if (PRONOUNS.has(low(first))) return analyse([first], text);
  let j = 0;
  if (DETERMINERS.has(low(first))) j = 1;
  while (j < toks.length) {
    const t = toks[j]!;
    const l = low(t);
    if (allowedInside(t) && !(j === 0 && NOT_NAMES.has(l))) { j++; continue; }
    if (j > 0 && (ofJoin(toks, j) || andJoin(toks, j))) { j++; continue; }
    // "The city’s top lawyer went further": a lowercase owner after the determiner, a role ahead
    if (j === 1 && /^\p{Ll}[\p{Ll}\-]*[’']s$/u.test(t.text) && toks.slice(j + 1, j + 4).some((x) => ROLE_NOUNS.has(low(x)) && !isCap(x.text))) { j++; continue; }
    // "Reyes’s office said": the possessive's body is the speaker (and ends the mention)
    if (j > 0 && possessedBody(toks, j)) { j++; break; }
    // "the Florida senator and Republican presidential candidate said": two roles of one person
    if (l === "and" && j > 0 && ROLE_NOUNS.has(low(toks[j - 1]!)) && !isCap(toks[j - 1]!.text)) {
      let k = j + 1;
      while (k < toks.length && k <= j + 4 && !ROLE_NOUNS.has(low(toks[k]!)) && allowedInside(toks[k]!)) k++;
      if (k < toks.length && k <= j + 4 && ROLE_NOUNS.has(low(toks[k]!)) && !isCap(toks[k]!.text)) { j = k + 1; continue; }
    }
    // ("a spokesman for committee Democrats": a lower-case modifier before the capitalised body)
    // ("Attorneys for Ruiz said": a plural role too)
    if ((l === "of" || l === "for") && j > 0 && j + 1 < toks.length && (roleOrPlural(low(toks[j - 1]!)) || ANONYMOUS_HEADS.has(low(toks[j - 1]!))) && (isCap(toks[j + 1]!.text) || low(toks[j + 1]!) === "the" || ROLE_MODIFIERS.has(low(toks[j + 1]!)) && !!toks[j + 2] && isCap(toks[j + 2]!.text))) { j++; continue; }
    if (l === "the" && j > 0 && /^(of|for)$/i.test(toks[j - 1]!.text)) { j++; continue; }
    if (t.text === "(" && j + 2 < toks.length && toks[j + 2]!.text === ")") { j += 3; continue; }
    // "said regional sales manager Tom Reyes", "says Ohio cartoonist Tom Reyes": a lowercase role before the
    // name; after a possessive determiner too ("added his campaign manager Tom Reyes")
    const named = roleRunToName(toks, j === 0 && POSSESSIVE_DETERMINERS.has(l) ? 1 : j);
    if (named > j) { j = named; continue; }
    break;
  }
  // the walk reads up to four tokens after the one it stops at (roleRunToName and two joined roles
  // look that far): a window that ends sooner is widened, so that no mention depends on the window
  if (cut && j > toks.length - 5) return WIDEN;
  const span = toks.slice(0, j);
  if (!span.length || (span.length === 1 && DETERMINERS.has(low(span[0]!)))) return null;
  if (!hasHead(span)) return null;
  return analyse(span, text);
}

/** A name run: up to seven capitalised words (a dotted acronym is one word), an acronym in brackets after them. */
export const NAME_RUN = /(?:(?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}’'\-]*\.?)[ \t\u00a0]+){0,6}\p{Lu}[\p{L}’'\-]*(?:[ \t]+\(\p{Lu}{2,}\))?/gu;

/**
 * A name run of ASCII letters and single spaces (90k of the 104k runs of the bench corpus): tokenize
 * gives exactly one token per word of it, as split here. Its match at a word's first letter stops at
 * the space after it, and at the run's end it is cut there (a digit or ".com" after the run is
 * outside the run); no word ends in a period.
 */
const PLAIN_RUN = /^[A-Za-z]+(?: [A-Za-z]+)*$/;
/** tokenize(text, at, at + run.length) for a name run `run` found at `at` (tested against it). */
export function nameRunTokens(text: string, run: string, at: number): Token[] {
  if (!PLAIN_RUN.test(run)) return tokenize(text, at, at + run.length);
  const out: Token[] = [];
  for (let s = 0; ;) {
    const sp = run.indexOf(" ", s);
    const e = sp < 0 ? run.length : sp;
    out.push({ text: run.slice(s, e), start: at + s, end: at + e, low: undefined });
    if (sp < 0) return out;
    s = sp + 1;
  }
}

const LAST_CAPITAL_WORD = /(\p{Lu}[\p{L}’'\-]*)$/u;
/**
 * LAST_CAPITAL_WORD's capture in s (a capital and the letters, apostrophes and hyphens after it to
 * the end), read back from the end: the match starts at the first capital of the longest such tail,
 * found without the regex when the tail is ASCII. Tested against the regex.
 */
export function lastCapitalWord(s: string): string | undefined {
  let i = s.length;
  for (; i > 0; i--) {
    const c = s.charCodeAt(i - 1);
    if (c >= 128) return LAST_CAPITAL_WORD.exec(s)?.[1];
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39 || c === 45)) break;
  }
  for (let j = i; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c >= 65 && c <= 90) return s.slice(j);
  }
  return undefined;
}

/** Every capitalised name run in the text (2+ words, or an acronym), for building entities. */
export function findNames(text: string): Mention[] {
  const out: Mention[] = [];
  // a dotted acronym ("U.S.") is one word of the run, so that "U.S. District Judge" stays a title
  const re = new RegExp(NAME_RUN);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    // the middle of a word the run does not cover ("AT&T", "Q&A"): no name starts there
    if (m.index > 0 && /[&\p{L}\p{N}]/u.test(text[m.index - 1]!)) continue;
    let run = m[0];
    // "the Department of Homeland Security": the run goes on after "of" when a body head ends it
    const head = lastCapitalWord(run);
    if (head && OF_HEADS.has(lower(head))) {
      const end = m.index + run.length;
      const more = /^[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?((?:\p{Lu}[\p{L}’'\-]*[ \t]+){0,4}\p{Lu}[\p{L}’'\-]*)/u.exec(text.slice(end, end + 120));
      if (more && !NOT_NAMES.has(lower(more[1]!.split(/\s+/u)[0]!))) {
        // "… for Culture, Media and Sport": a list of capitalised words ending in "and" (see andJoin)
        const list = /^(?:,[ \t]+\p{Lu}[\p{L}’'\-]*(?:[ \t]+\p{Lu}[\p{L}’'\-]*){0,2})*,?[ \t]+and[ \t]+(\p{Lu}[\p{L}’'\-]*(?:[ \t]+\p{Lu}[\p{L}’'\-]*){0,2})(?![ \t]*\p{Lu})(?![\p{L}’'\-])/u.exec(text.slice(end + more[0].length, end + more[0].length + 80));
        if (list && list[0].split(/[ \t,]+/u).filter(Boolean).every((x) => x === "and" || !(PERSON_TITLES.has(lower(x)) || NOT_NAMES.has(lower(x)) || DETERMINERS.has(lower(x)))) && !genderOfName(lower(list[1]!.split(/[ \t]+/u)[0]!)) && !secondBodyHead(lower(list[1]!.split(/[ \t]+/u).at(-1)!))) more[0] += list[0];
        run = text.slice(m.index, end + more[0].length);
        re.lastIndex = end + more[0].length;
      }
    }
    const toks = nameRunTokens(text, run, m.index);
    let k = 0;
    while (k < toks.length && NOT_NAMES.has(low(toks[k]!))) k++;
    // a period that is its own token ends a sentence: "… in Lisbon. But Ruiz …" is two runs, not one name
    let from = k;
    for (let j = k; j < toks.length; j++) {
      if (toks[j]!.text !== ".") continue;
      namePiece(toks, from, j, text, out);
      from = j + 1;
    }
    namePiece(toks, from, toks.length, text, out);
  }
  return out;
}

/** The name in toks[from, to) (a piece of a run between periods), its leading connectors dropped, onto out. */
function namePiece(toks: Token[], from: number, to: number, text: string, out: Mention[]): void {
  while (from < to && NOT_NAMES.has(low(toks[from]!))) from++;
  if (from >= to) return;
  // a heading in capitals ("FULL TEXT", "PANEL RULES FOR FOUNDER") names no one: two or more words,
  // all in capitals, one of them four letters or more (acronyms are short: "NATO", "UN", "BBC"),
  if (to - from >= 2) {
    let caps = true;
    let long = false;
    for (let k = from; k < to && caps; k++) {
      const w = toks[k]!.text;
      if (!/^\p{Lu}[\p{Lu}’'\-.&]*$/u.test(w)) caps = false;
      else if (w.replace(/[^\p{Lu}]/gu, "").length >= 4) long = true;
    }
    // unless it opens with a first name ("JOEL BENENSON:" labelling a transcript's speaker)
    if (caps && long && !genderOfName(low(toks[from]!))) return;
  }
  // analyse only reads its tokens: the whole run is passed as it is
  const a = analyse(from === 0 && to === toks.length ? toks : toks.slice(from, to), text);
  if (a && a.name) out.push(a);
}
