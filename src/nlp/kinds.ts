// The kind of a speaker, decided once its mention is resolved: a named person, a body, an outlet, a
// place misread as a speaker, a document, an unnamed group or individual, or a fragment (unknown).
// What is not a person's name is never called a person, so that it is never stored as one.
import type { Entity, SpeakerKind } from "./types";
import type { Mention } from "./mentions";
import { ANONYMOUS_HEADS, ROLE_NOUNS } from "./lexicon/roles";
import { COUNTRY_NAMES } from "./lexicon/places";
import { genderOfName } from "./gender";

/** Words that make a body's name an outlet's ("The Harbour Times", "Channel 4 News"). */
const MEDIA_NAME_WORDS = new Set([
  "news", "times", "post", "journal", "tribune", "herald", "gazette", "telegraph", "guardian", "daily",
  "radio", "television", "tv", "channel", "broadcasting", "broadcaster", "newspaper", "magazine",
  "press", "wire", "courier", "chronicle", "observer", "standard", "mirror", "express", "mail", "sun",
  "review", "weekly", "monitor", "inquirer", "examiner", "bulletin", "newswire", "network",
]);
/** Last words of a newspaper's name, which no person bears as a surname without a first name ("The Harbor Sentinel"). */
const MASTHEAD_TAILS = new Set([...MEDIA_NAME_WORDS, "sentinel", "dispatch", "ledger", "enquirer", "beacon", "globe", "star", "gazette", "record"].filter((w) => !["radio", "television", "tv", "channel", "broadcasting", "broadcaster", "press", "wire", "network", "sun", "standard", "express", "mail", "review"].includes(w)));
/** The newspaper words no one bears as a surname: a name ending in one is a newspaper's even after a first name ("Orlando Sentinel", "Harbor Tribune"). */
const MASTHEAD_ONLY = new Set(["sentinel", "tribune", "gazette", "herald", "chronicle", "dispatch", "inquirer", "examiner", "enquirer", "ledger", "courier", "telegraph", "journal", "times", "observer", "bulletin", "beacon", "newspaper"]);
/**
 * A name of two or more words ending in a newspaper's word ("Ohio Dispatch", "Harbor Star"); after
 * what may be a first name (`firstName`, or a first word the name list gives a gender), only a word
 * no surname is ("Orlando Sentinel", not "Tom Star").
 */
export function mastheadName(canonical: string, firstName = false): boolean {
  const words = canonical.toLowerCase().split(/\s+/u);
  const last = words[words.length - 1]!;
  if (words.length < 2) return false;
  return firstName || genderOfName(words[0]!) ? MASTHEAD_ONLY.has(last) : MASTHEAD_TAILS.has(last);
}
/** Heads of a description that is a document or a count, not someone ("the report", "a court filing"). */
const DOCUMENT_HEADS = new Set([
  "report", "document", "documents", "letter", "statement", "filing", "filings", "memo", "memorandum",
  "survey", "poll", "polls", "study", "studies", "data", "records", "record", "ad", "advert", "editorial",
  "tally", "transcript", "email", "emails", "tweet", "tweets", "analysis", "review", "complaint",
  "lawsuit", "indictment", "release", "website", "figures", "estimate", "estimates", "projection",
  "projections", "count", "results", "documents", "paper", "papers", "book", "video", "footage",
  "post", "message", "notice", "order", "ruling", "judgment", "verdict", "affidavit", "motion", "note",
  "remarks", "comments", "testimony", "speech", "interview", "summary", "forecast", "audit", "investigation",
]);
export const isDocumentHead = (w: string): boolean => DOCUMENT_HEADS.has(w);

/**
 * Heads of a description that names a body without naming it ("the company", "the council"): the one
 * list for kinds and for coreference (which resolves "the company" to the body the article names).
 */
export const BODY_HEADS: ReadonlySet<string> = new Set([
  "company", "group", "agency", "committee", "campaign", "organization", "organisation", "firm",
  "department", "council", "board", "party", "administration", "foundation", "union", "utility", "bank",
  "club", "team", "government", "ministry", "office", "commission", "authority", "association",
  "institute", "center", "centre", "university", "corporation", "business", "charity", "regulator",
  "watchdog", "coalition", "alliance", "lab", "laboratory", "bureau", "court", "hospital", "school",
  "college", "league", "federation", "service", "force", "police", "army", "studio", "label", "airline",
  "retailer", "carrier", "operator", "manufacturer", "maker", "insurer", "kremlin",
]);
/** Heads of a description that is an outlet ("the newspaper", "the broadcaster"). */
export const MEDIA_HEADS: ReadonlySet<string> = new Set(["media", "newspaper", "magazine", "paper", "outlet", "broadcaster", "network", "channel", "station", "tabloid", "daily", "publication", "website"]);

const CALENDAR = new Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "today", "yesterday", "tonight"]);
const MONTHS_NOT_NAMES = new Set(["january", "february", "march", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);
const NAME_NEVER_OPENS = new Set(["if", "when", "while", "whether", "this",
  "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "there", "here", "it", "he", "she", "they",
  "we", "one", "but", "and", "or", "yet", "so", "because", "although", "though", "after", "before", "since", "until",
  "unless", "once", "as", "such", "each", "every", "another", "any", "no", "none", "having", "being",
  // sentence adverbs a capitalised run starts with ("However 60 said", "Meanwhile Lindcorp")
  "however", "meanwhile", "moreover", "furthermore", "nevertheless", "nonetheless", "instead", "also", "still", "now", "then"]);
/**
 * Words that, capitalised inside a name, make it a body's ("Exeter City", "Crime Trust", "Lionhead
 * Studios"). Narrower than the mention grammar's ORG_WORDS on purpose: that list holds outlet words
 * ("Guardian", "Post") that are also surnames, and read here as a name's last word they would make
 * bodies of people ("Don Guardian", tried: claims_train speakers changed kind for the worse).
 */
const BODY_NAME_WORDS = new Set(["city", "united", "rovers", "athletic", "athletics", "wanderers", "trust", "council", "bank",
  "studios", "motors", "fc", "ltd", "inc", "plc", "corp", "association", "federation", "union", "party", "committee",
  "institute", "foundation", "society", "league", "airways", "airlines", "group", "ministry", "department", "agency",
  "commission", "university", "college", "hospital", "police", "company", "corporation", "club", "initiative",
  "organization", "organisation", "fund", "coalition", "alliance", "academy", "gop"]);
/**
 * "Exeter City", "Athletics Ireland", "Terrence Higgins Trust": a capitalised body word as a name's last
 * word, or anywhere in a name of up to three words no first name opens ("Jo City Smith" stays a person).
 */
export function bodyName(canonical: string, hasFirstName = false): boolean {
  const words = canonical.trim().split(/\s+/);
  const body = (w: string) => /^\p{Lu}/u.test(w) && BODY_NAME_WORDS.has(w.toLowerCase().replace(/[.,]$/u, ""));
  if (words.length > 6) return false;
  if (words.length > 1 && body(words[words.length - 1]!)) return true;
  // inside a longer run a body word is often a role's ("United Auto Workers Secretary Jo Bates")
  return !hasFirstName && words.length <= 3 && words.some(body);
}
const PARTICLES = new Set(["de", "da", "van", "von", "bin", "ibn", "al", "el", "del", "der", "den", "la", "le", "du", "dos", "di", "y", "of", "and", "the", "for"]);

/**
 * A person's or body's name as written: at most seven words, none lowercase but particles ("de", "of"),
 * no sentence break inside ("Steve Morgan. Parry"), not a calendar word, not only digits ("758").
 */
export function looksLikeName(name: string): boolean {
  const words = name.trim().split(/\s+/);
  if (!words.length || words.length > 7 || !/\p{L}/u.test(name)) return false;
  // a sentence's first word taken for a name ("When asked, …", "Some 80 said", "Many MPs"): a pronoun,
  // determiner, conjunction or quantifier opens no name ("The" may open an outlet's or a body's)
  if (NAME_NEVER_OPENS.has(words[0]!.toLowerCase())) return false;
  // a quantifier alone or before a number ("Some", "Most", "Some 80"); "Several Democrats" is a group's
  if (QUANTIFIERS.has(words[0]!.toLowerCase()) && (words.length === 1 || /^\p{N}/u.test(words[1]!))) return false;
  if (/^\p{N}+$/u.test(name.replace(/[^\p{L}\p{N}]/gu, "")) && !/\p{L}/u.test(name)) return false;
  // a quantity or a date run into a name ("27bn Russia", "21 March", "2004 Lindcorp"): no name opens
  // with a figure, while one may hold it later ("Transport 2000", "50 Cent" opens with the figure but is
  // one word after it, so it is kept by the next check's exception)
  if (/^\p{N}/u.test(words[0]!) && !(words.length === 2 && /^\p{N}+$/u.test(words[0]!) && /^\p{Lu}\p{Ll}+$/u.test(words[1]!) && !CALENDAR.has(words[1]!.toLowerCase()) && !MONTHS_NOT_NAMES.has(words[1]!.toLowerCase()))) return false;
  // a month and a year ("April 2004"), a quantifier before a determiner ("Both the Lenders' Council")
  if (words.length === 2 && /^\p{N}{4}$/u.test(words[1]!) && CALENDAR.has(words[0]!.toLowerCase())) return false;
  if (QUANTIFIERS.has(words[0]!.toLowerCase()) && words.length > 1 && /^(?:the|a|an|of)$/iu.test(words[1]!)) return false;
  if (words.length === 1 && CALENDAR.has(words[0]!.toLowerCase())) return false;
  // "December Microsoft": a date run into a name (months that are also first names excepted)
  if (words.length > 1 && MONTHS_NOT_NAMES.has(words[0]!.toLowerCase())) return false;
  // a sentence-initial adverb or abstract noun taken for a name ("Currently", "Speculation")
  if (words.length === 1 && /^\p{Lu}\p{Ll}+(?:ly|tion|sion|ment|ness|ity|ism)$/u.test(words[0]!)) return false;
  return words.every((w, k) => {
    if (/^(?:\p{Lu}\.)+$/u.test(w) || /^\p{Lu}\.?$/u.test(w)) return true; // initials: "H.W.", "J."
    if (k < words.length - 1 && /\p{L}{2,}\.$/u.test(w) && !/^(?:Jr|Sr|St|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov)\.$/u.test(w)) return false; // "Morgan. Parry"
    if (PARTICLES.has(w.toLowerCase()) && k > 0) return true;
    // a lowercase word is a description's ("spokesman", "company"); other marks are the name's own
    return !/^\p{Ll}/u.test(w) || /^(?:al|el|bin|de|van|von|da|di|du|le|la)-\p{Lu}/u.test(w) || /^\p{Ll}{1,3}\p{Lu}/u.test(w);
  });
}

// placeNames is asked twice per article (Coref's constructor, then resolveSpeakers for the kinds):
// the last text's answer is kept, so the text is read once. Callers only read the set.
let lastPlaceText: string | null = null;
let lastPlaces: ReadonlySet<string> = new Set();

/** Capitalised runs the text places somewhere ("in Ohio", "from Leeds"), keyed lowercase: one pass. */
export function placeNames(text: string): ReadonlySet<string> {
  if (text === lastPlaceText) return lastPlaces;
  const out = readPlaceNames(text);
  lastPlaceText = text;
  lastPlaces = out;
  return out;
}

function readPlaceNames(text: string): Set<string> {
  const out = new Set<string>();
  const re = /\b(?:in|across|near|outside|throughout)\s+((?:\p{Lu}[\p{L}\-]*\.?\s?){1,3})/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.add(m[1]!.trim().replace(/\.$/u, "").toLowerCase());
  return out;
}

function head(text: string): string {
  return text.toLowerCase().replace(/[’']s$/u, "").split(/\s+/).pop() ?? "";
}

const PLURAL_END = /(?:ers|ists|ysts|ans|ents|ors|ies|ics|ats|als|ites|ees|ences)$/u;
const QUANTIFIERS = new Set(["several", "many", "some", "most", "few", "other", "both", "all", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds"]);

/** "Protesters", "Analysts": one capitalised plural, a group of people rather than a surname. */
export function pluralWord(canonical: string): boolean {
  return !/\s/u.test(canonical.trim()) && (PLURAL_END.test(canonical.trim()) || ACRONYM_PLURAL.test(canonical.trim()));
}
/** "MPs", "CEOs", "MEPs": an acronym's plural names people, not a body ("NHS", "IMF" end in a capital). */
const ACRONYM_PLURAL = /^\p{Lu}{2,}s$/u;

/** "Protesters", "Several Democrats", "Two Republicans": a plural a "they" may continue, no person's name. */
export function groupName(canonical: string): boolean {
  const words = canonical.trim().split(/\s+/);
  return pluralWord(words[words.length - 1]!) && (words.length === 1 || (words.length <= 3 && QUANTIFIERS.has(words[0]!.toLowerCase())));
}

const SHARE = /^(?:(?:about|nearly|almost|roughly|some|over|under|(?:more|fewer|less)\s+than)\s+)?(?:\p{N}+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:in|out\s+of)\s+(?:\p{N}+|five|ten)(?:\s|$)/iu;

/** Plurals that name a people, a faith or a party's members, never a family ("the Sanders" aside). */
const GROUP_PLURALS = new Set(["democrats", "republicans", "latinos", "latinas", "hispanics", "americans", "europeans", "muslims",
  "christians", "jews", "catholics", "evangelicals", "conservatives", "liberals", "progressives", "independents", "libertarians",
  "millennials", "germans", "britons", "mexicans", "canadians", "russians", "israelis", "palestinians", "iranians", "iraqis",
  "syrians", "africans", "asians", "texans", "californians", "floridians", "ohioans", "iowans", "virginians",
  "tories", "socialists", "greens", "nationalists", "unionists", "loyalists", "sunnis", "shiites", "kurds"]);

/** A name an outlet bears ("Harbor Sentinel", "Northfield News"): a news word in it, or a masthead's last word. */
export function outletName(name: string): boolean {
  return name.toLowerCase().split(/\s+/u).some((w) => MEDIA_NAME_WORDS.has(w.replace(/[’']s$/u, ""))) || mastheadName(name, true);
}

/** The kind of a resolved entity, from its name and how the article used it. */
export function entityKind(e: Entity, places: ReadonlySet<string>, hasFirstName: boolean): SpeakerKind {
  const words = e.canonical.toLowerCase().split(/\s+/);
  if (!hasFirstName && groupName(e.canonical) && ACRONYM_PLURAL.test(e.canonical.trim().split(/\s+/).pop()!)) return "group";
  if (e.kind === "organisation" || e.kind === "media") return words.some((w) => MEDIA_NAME_WORDS.has(w)) || mastheadName(e.canonical, true) ? "media" : "organisation";
  if (e.kind !== "person") return e.kind;
  if (!looksLikeName(e.canonical)) return "unknown";
  if (bodyName(e.canonical, hasFirstName)) return "organisation";
  // "Protesters said": a capitalised plural that no first name, title or role makes a surname
  if (!hasFirstName && e.roles.length === 0 && groupName(e.canonical)) return "group";
  // "Many Latinos", "leading Democrats", "Most Europeans": a people's or a party's plural is no surname
  if (!hasFirstName && words.length <= 3 && GROUP_PLURALS.has(words[words.length - 1]!)) return "group";
  if (!hasFirstName && e.roles.length === 0 && places.has(e.canonical.toLowerCase())) return "place";
  // "the Harbor Sentinel reported": a newspaper's name
  if (e.roles.length === 0 && mastheadName(e.canonical, hasFirstName)) return "media";
  // "Scotland", "Germany", "North Korea": a country the article gives no first name, title or role
  if (!hasFirstName && e.roles.length === 0 && words.length <= 2 && COUNTRY_NAMES.has(words.join(" "))) return "place";
  return "person";
}

/** The kind of a speaker no entity stands for: what its mention's words say. */
export function mentionKind(m: Mention, canonical: string | null): SpeakerKind {
  if (m.pronoun === "who" && canonical) return mentionKind({ ...m, pronoun: null, name: null, kind: "unknown" }, canonical);
  // "Six in 10", "About four out of 10 voters": a share of those asked
  if (!m.name && !m.pronoun && (m.kind === "group" || SHARE.test(m.text))) return "group";
  if (m.pronoun) return m.pronoun === "they" || m.pronoun === "we" ? "group" : m.pronoun === "he" || m.pronoun === "she" ? "person" : "unknown";
  const text = (canonical ?? m.text).trim();
  const h = head(text);
  const lower = text.toLowerCase();
  if (m.name && groupName(text) && ACRONYM_PLURAL.test(text.split(/\s+/).pop()!)) return "group";
  if (m.name && m.kind === "organisation") return text.split(/\s+/).some((w) => MEDIA_NAME_WORDS.has(w.toLowerCase())) ? "media" : "organisation";
  if (MEDIA_HEADS.has(h)) return "media";
  if (DOCUMENT_HEADS.has(h) || /\b(?:report|poll|survey|study|letter|statement|filing|document)s?\b/u.test(lower.split(/\s+(?:by|from|of|released|filed|reviewed|provided)\s/u)[0]!) && !ROLE_NOUNS.has(h)) return "document";
  if (BODY_HEADS.has(h)) return "organisation";
  // a body's people ("State Department officials") speak for the body, as the mention reads
  if (m.kind === "organisation") return m.name && !looksLikeName(text) ? "unknown" : "organisation";
  if (m.kind === "anonymous" || (!m.name && ANONYMOUS_HEADS.has(h))) return "anonymous";
  if (m.name && m.kind === "person") return !looksLikeName(text) ? "unknown" : bodyName(text) ? "organisation" : "person";
  // unnamed: a plural is a group ("voters"), a role is someone unnamed ("the conservative activist")
  if (ANONYMOUS_HEADS.has(h)) return "anonymous";
  const written = text.split(/\s+/).pop() ?? "";
  if (/^\p{Ll}[\p{Ll}\-]*\p{Ll}s$/u.test(written) && !/ss$/u.test(written)) return "group";
  if (ROLE_NOUNS.has(h)) return "anonymous";
  return "unknown";
}
