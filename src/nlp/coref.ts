// Coreference within one article, between the mentions and the attribution: every person or body
// the narrative names (full names, surnames alone, titles with surnames) and every speaker already
// resolved is a mention of an entity, in text order. A pronoun or a definite description a cue
// points at is resolved to one of those entities by agreement (gender, person or body), then by
// salience and recency: the nearest sentence first, its subject (first mention) before the rest,
// names inside quotation marks not counted (a speaker quoting someone does not make them the topic).
// Pure and linear: each mention is looked at once per sentence window, the window is bounded.
import type { Cluster, EntityResolver } from "./entities";
import { genderOfName, genderOfWords, type Gender } from "./gender";
import { ANONYMOUS_HEADS, DEPUTY_WORDS, MEDIA_WORDS, ROLE_MODIFIERS, ROLE_NOUNS, TITLE_WORDS } from "./lexicon/roles";
import type { Mention } from "./mentions";
import { sentenceAt } from "./document";
import { lowerBound } from "./context";
import { choose, features, genderFit, handScore, report, tracing, type Candidate, type PronounSite } from "./rank";
import { BODY_HEADS, bodyName, groupName, isDocumentHead, looksLikeName, mastheadName, MEDIA_HEADS, placeNames } from "./kinds";
import { isPlaceName, PARTY_WORDS, readStates, STATE_NAMES, stateOf } from "./lexicon/places";
import type { Doc, Entity, Span } from "./types";

/** Sentences back a pronoun or description may reach. */
const WINDOW = 8;

interface Ref {
  at: number;
  entity: Entity;
  cluster: Cluster | undefined;
  sentence: number;
  paragraph: number;
  /** a resolved speaker mention, not a bare narrative name */
  speaker: boolean;
  /** a plural description that spoke ("several analysts"): what "they" may stand for */
  plural?: boolean;
  /** where the name ends (names read by the name pass) */
  end?: number;
  /** named after a preposition or "told" ("met with Jo Bloggs", "told Jo Bloggs"): an object, never its sentence's subject */
  oblique?: boolean;
  /** a narrative "he"/"she" opening its sentence, resolved: a subject mention continuing its referent */
  narrative?: boolean;
  /** named inside what a speaker of its sentence reports ("The race between Ruiz and Bates is close, Lind said"): the speaker is the subject, not this name */
  reported?: boolean;
  /** the name opens with, or comes right after, a person's title or a noun of someone who does something ("President Costa", "the marathoner Kemal Idris"): a person, though nothing else says so yet */
  titled?: boolean;
}

/** After a name: lowercase words ending in a role (group 1), then a capitalised name ("Ruiz| spokeswoman Jennifer Bates"). */
const OWNER_OF_ROLE = /^\s+(?:\p{Ll}[\p{L}\-]*\s+){0,2}(\p{Ll}[\p{L}\-]*)\s+(?:\p{Lu}[\p{L}.’'\-]*\s+)*\p{Lu}[\p{L}’'\-]+/u;
/** Words before a name that make it an object: "told", "with", "to", "for", "against", "about", or a list's "particularly", "including" (title or capitalised words between). */
const OBLIQUE_BEFORE = /(?:^|[^\p{L}])(?:told|with|to|for|against|about|of|particularly|especially|notably|including|namely|such as)\s+(?:(?:the|former|\p{Lu}[\p{L}.’'\-]*)\s+){0,3}$/u;
/** A narrative "he"/"she" opening a sentence, after a conjunction or a sentence adverb at most. */
const NARRATIVE_PRONOUN = /^\s*(?:(?:But|And|Then|Yet|So|Still|Later|Now|Since then|Earlier|Afterward|Afterwards),?\s+)?(He|She)\b(?![’'])/u;

const FUNCTION_CAPS = /\s(?:To|In|For|Of|The|And|Is|Are|On|With|At|As|A|An|By|From|Says|Say|Said|Over|After|But|Not|Be|Will|Can|Its|His|Her|Their|Up|Out|About|Into|Than|Who|What|How|Why|Has|Have|Had|Was|Were)\s/u;

const HEADLINE_WORD = /[\p{L}][\p{L}’'\-]*/gu;

/** Sentences set in title case ("Council Says Ferry Plan Is Sound"): headlines, whose capitals name nobody. */
export function headlineSpans(doc: Doc): Span[] {
  const out: Span[] = [];
  for (const s of doc.sentences) {
    if (s.end - s.start > 300) continue;
    const t = doc.text.slice(s.start, s.end);
    // the words one at a time, stopping at the first lower-case word of four letters or more (most
    // sentences have one early): the sentence is skipped then, as it is with fewer than four words
    HEADLINE_WORD.lastIndex = 0;
    let count = 0;
    let lower = false;
    let w: RegExpExecArray | null;
    while ((w = HEADLINE_WORD.exec(t))) {
      count++;
      const c = w[0].charCodeAt(0);
      if (w[0].length >= 4 && (c < 128 ? c >= 97 && c <= 122 : /^\p{Ll}/u.test(w[0]))) {
        lower = true;
        break;
      }
    }
    if (lower || count < 4) continue;
    if (!FUNCTION_CAPS.test(" " + t.replace(/[^\p{L}’'\-]+/gu, " ") + " ")) continue;
    out.push({ start: s.start, end: s.end });
  }
  return out;
}

const PERSON_PRONOUN = new Map<string, Gender>([["he", "m"], ["she", "f"]]);
/** Name words of a government body that "the agency" may stand for. */
const GOVERNMENT_HEADS = new Set(["department", "agency", "administration", "bureau", "service", "commission", "office", "authority", "ministry"]);
/** Heads that say only that a body is meant, not which kind: the nearest body named is the one. */
const GENERIC_BODY_HEADS = new Set(["group", "company", "firm", "organization", "organisation", "utility", "charity", "business", "corporation", "nonprofit"]);
/** Generic heads that say "a business", and the heads of bodies that are none. */
const BUSINESS_HEADS = new Set(["company", "firm", "business", "corporation"]);
const NON_BUSINESS_HEADS = new Set(["fund", "foundation", "trust", "university", "college", "school", "department", "ministry", "committee", "commission", "council", "party", "agency", "government", "administration", "court", "church", "union", "association", "institute", "center", "centre", "museum", "hospital", "police", "army", "navy", "senate", "house", "congress", "parliament", "campaign", "city", "county", "state", "bureau", "office", "board", "society", "league", "coalition", "caucus"]);
const ROLE_ABBREV = new Map([["sen.", "senator"], ["sen", "senator"], ["gov.", "governor"], ["gov", "governor"], ["rep.", "representative"], ["rep", "representative"], ["gen.", "general"], ["dr.", "doctor"], ["prof.", "professor"]]);

/** A name that can be a person's: not a fragment ("where it costs $70"), not a plural ("Audiences") nothing else marks as a surname. */
const nameOk = (r: Ref) => {
  const shape = nameShape(r.entity.canonical);
  return (shape & NAME_LIKE) !== 0 && ((shape & GROUP_NAME) === 0 || !!r.cluster?.gender || r.entity.roles.length > 0);
};
// nameOk is asked of every candidate reference at every pronoun and description (about 28k times
// per bench pass, for far fewer names): looksLikeName and groupName, both pure functions of the
// string, are kept per canonical name (bounded, emptied when full, as entities.ts does)
const NAME_LIKE = 1;
const GROUP_NAME = 2;
const NAME_SHAPES = new Map<string, number>();
function nameShape(canonical: string): number {
  let shape = NAME_SHAPES.get(canonical);
  if (shape === undefined) {
    // groupName only where looksLikeName holds, as nameOk read them
    shape = looksLikeName(canonical) ? NAME_LIKE | (groupName(canonical) ? GROUP_NAME : 0) : 0;
    if (NAME_SHAPES.size >= 4096) NAME_SHAPES.clear();
    NAME_SHAPES.set(canonical, shape);
  }
  return shape;
}
const isPersonRef = (r: Ref) => r.entity.kind === "person" && (!r.cluster || r.cluster.placeLike * 2 <= r.cluster.count) && nameOk(r);
/** A person as far as the text shows: a known first name, a title or role, or a speaker somewhere; not "North Korea". */
const personLike = (r: Ref) => isPersonRef(r) && (r.speaker || !r.cluster || !!r.cluster.gender || r.cluster.spoke || !!r.cluster.aged || r.entity.roles.length > 0 || !!r.titled);
/** An auxiliary read as a name's first word ("Will Sanders come down", "Was Szlachta …"). */
const AUXILIARY_FIRST = /^(?:Is|Was|Are|Were|Will|Would|Can|Could|Shall|Should|May|Might|Must|Do|Does|Did|Has|Have|Had)$/u;
/** A name of two or three words, no first name listed, no place, no body, that opens its sentence ("Dahlys Hamilton is listed"): a person nothing else marks as one. */
function unlistedSubject(r: Ref, text: string, sentStart: number): boolean {
  if (r.entity.kind !== "person" || r.cluster?.gender || r.cluster?.placeLike || r.oblique || r.end === undefined) return false;
  const words = r.entity.canonical.split(/\s+/u);
  if (words.length < 2 || words.length > 3 || AUXILIARY_FIRST.test(words[0]!) || bodyName(r.entity.canonical) || isPlaceName(r.entity.canonical)) return false;
  return /^\s*(?:(?:But|And|Still|Now|Meanwhile),?\s+)?$/u.test(text.slice(sentStart, r.at)) && /^\s+(?:is|was|has|had|said|says|\p{Ll}+ed)\b/u.test(text.slice(r.end, r.end + 12));
}
/**
 * A head word as the role list knows it: itself, or the role it ends with after a prefix of three
 * letters or more ("neurosurgeon" → "surgeon", "co-anchor" → "anchor"); roles of five letters or more only.
 */
function roleNounOf(w: string): string {
  if (ROLE_NOUNS.has(w) || BODY_HEADS.has(w) || MEDIA_WORDS.has(w) || MEDIA_HEADS.has(w)) return w;
  for (let i = 3; i <= w.length - 5; i++) {
    const tail = w.slice(w[i] === "-" ? i + 1 : i);
    if (ROLE_NOUNS.has(tail) && !ANONYMOUS_HEADS.has(tail)) return tail;
  }
  return w;
}
/** Titles only a person bears before a name (not TITLE_WORDS, which holds portfolios and bodies' words: "National", "House"). */
const PERSON_TITLE = new Set(["mr", "mrs", "ms", "mx", "dr", "sir", "lord", "lady", "dame", "president", "senator", "sen", "rep", "representative", "governor", "gov", "mayor", "judge", "justice", "king", "queen", "prince", "princess", "pope", "ambassador", "chancellor", "professor", "prof", "councillor", "councilor", "councilman", "councilwoman", "congressman", "congresswoman", "premier", "reverend", "rev", "bishop", "cardinal", "sheikh", "general", "gen", "colonel", "col", "captain", "capt", "lt", "sgt", "admiral", "adm"]);
/** Whether the name at `at`–`end` opens with a person's title or follows one ("President Costa", "Judge Okafor"). */
function titledName(text: string, at: number, end: number): boolean {
  const own = /^(\p{Lu}\p{Ll}*)\.?\s+\p{Lu}/u.exec(text.slice(at, end));
  if (own && PERSON_TITLE.has(own[1]!.toLowerCase())) return true;
  const before = /(?:^|[^\p{L}.])(\p{Lu}\p{Ll}*)\.?\s+$/u.exec(text.slice(Math.max(0, at - 16), at));
  if (before && PERSON_TITLE.has(before[1]!.toLowerCase())) return true;
  // "The Ethiopian marathoner Kemal Idris", "a veteran broadcaster Ann Ruiz": a noun of someone who
  // does something, after a determiner, right before the name
  const agent = AGENT_BEFORE.exec(text.slice(Math.max(0, at - 50), at));
  return !!agent && !NOT_AGENTS.has(agent[1]!);
}
/** Nouns in -er, -or, -ian that name no one who does something ("the river Kemal", "the tower Eiffel"). */
const NOT_AGENTS = new Set(["river", "water", "tower", "center", "centre", "number", "letter", "paper", "border", "corner", "order", "matter", "winter", "summer", "quarter", "chapter", "theater", "theatre", "meter", "metre", "liner", "tanker", "carrier", "cruiser", "trawler", "freighter", "steamer", "computer", "monitor", "motor", "sector", "corridor", "harbor", "harbour", "floor", "door", "mirror", "color", "colour", "error", "terror", "horror", "humor", "humour", "favor", "favour", "labor", "labour", "honor", "honour", "rumor", "rumour", "flavor", "vapor", "tractor", "reactor", "factor", "vector", "register", "thriller", "blockbuster", "weather", "power", "shelter", "cluster", "poster", "banner", "trailer", "feather", "silver", "copper", "timber", "lumber", "rubber", "cancer", "fever", "disaster", "manner", "dinner", "supper", "shower", "flower", "ladder", "leather", "lever", "filter", "folder", "sticker", "sweater", "ruler", "scooter"]);
const AGENT_BEFORE = /(?:^|[\s(“"])(?:[Tt]he|[Aa]n?)\s+(?:\p{Lu}\p{Ll}+\s+|\p{Ll}+\s+)?(\p{Ll}{3,}(?:er|or|ist|ian))\s+$/u;
const isBodyRef = (r: Ref) => r.entity.kind === "organisation";
/** An outlet: named as media, or a body with "The" in its name or a media word ("Harbour News"). */
const mediaRef = (r: Ref) => r.entity.kind === "media" || (isBodyRef(r) && (!!r.cluster?.titled || r.entity.canonical.split(/\s+/).some((w) => MEDIA_WORDS.has(w.toLowerCase())))) || mastheadRef(r);
/** A newspaper's name read as a person's ("the Orlando Sentinel reported"): no role, age or pronoun makes it one. */
const mastheadRef = (r: Ref) => r.entity.kind === "person" && !r.cluster?.genderSure && !r.cluster?.aged && r.entity.roles.length === 0 && mastheadName(r.entity.canonical, !!r.cluster?.gender);

const NP_STOP = new Set(["the", "a", "an", "of", "in", "on", "at", "by", "for", "from", "with", "among", "and", "or", "to", "as", "that", "than", "many", "some", "those", "these", "will", "would", "can", "could", "should", "do", "does", "did", "is", "are", "was", "were", "has", "have", "had"]);

/**
 * The lowercase noun phrase a relative "who" follows ("business leaders" in "… and business leaders
 * who say"), up to three words back to a determiner, preposition or comma; null after a name or a comma.
 */
export function whoDescription(text: string, at: number): string | null {
  const before = text.slice(Math.max(0, at - 80), at);
  // ("worried some analysts and activists, who pointed out": a plural before the comma, as a
  // singular there is a person the pronoun's own reading finds)
  const m = /(?<![\p{L}\d’'\-])((?:[\p{Ll}\d][\p{L}\d’'\-]*\s+){1,3})$/u.exec(before) ?? /(?<![\p{L}\d’'\-])((?:[\p{Ll}\d][\p{L}\d’'\-]*\s+){0,2}[\p{Ll}][\p{L}’'\-]*[^s\W’']s),\s+$/u.exec(before);
  if (!m) return null;
  const words = m[1]!.trim().split(/\s+/);
  while (words.length && NP_STOP.has(words[0]!)) words.shift();
  if (!words.length || NP_STOP.has(words[words.length - 1]!)) return null;
  return words.join(" ");
}

/** How a person was introduced: role words, states and parties the article ties to them. */
interface Profile {
  words: Set<string>;
  states: Set<string>;
  parties: Set<string>;
  /** countries after "of" or "from" ("President Volkov of Russia"), lower-cased */
  countries: Set<string>;
}

/**
 * Heads of a description that name the article's main figure when no one's introduction carries
 * them ("the candidate", "the businessman", "the front-runner").
 */
const SALIENT_HEADS = new Set(["candidate", "nominee", "front-runner", "frontrunner", "businessman", "businesswoman", "billionaire", "mogul", "tycoon", "magnate", "incumbent", "challenger"]);
/** The parts of a court case, by the words for them: no one is two ("the judge" is not the defendant's lawyer). */
const COURT_PART = new Map([["judge", "judge"], ["justice", "justice"], ["prosecutor", "prosecutor"], ["lawyer", "lawyer"], ["attorney", "lawyer"], ["defendant", "defendant"], ["plaintiff", "plaintiff"], ["juror", "juror"], ["witness", "witness"], ["counsel", "counsel"]]);
/** Offices a person may be introduced in ("Russian President Vladimir Putin"), whose holder is called by the office. */
const OFFICE_WORDS = new Set(["president", "senator", "governor", "minister", "secretary", "mayor", "judge", "chancellor", "king", "queen", "premier", "representative", "congressman", "congresswoman", "ambassador", "general", "admiral", "pope", "prince", "princess", "speaker"]);
/** The owner written before "campaign": a name ("Okafor’s", "Sanders’", "the Okafor") or a possessive determiner. */
/** Words between a campaign's owner and "campaign" ("her presidential campaign"). */
const CAMPAIGN_MODIFIER = String.raw`(?:(?:presidential|reelection|re-election|own|primary|general-election)\s+)?`;
const CAMPAIGN_OWNER = new RegExp(String.raw`(?:(?<![\p{L}])(?!(?:his|her|their|His|Her|Their)\s)((?:The\s+|the\s+)?\p{Lu}(?:[\p{L}\-]|[’'](?=\p{Lu}))*(?:\s+\p{Lu}(?:[\p{L}\-]|[’'](?=\p{Lu}))*){0,2})(?:[’']s?)?|(?<![\p{L}])(his|her|their|His|Her|Their))\s+${CAMPAIGN_MODIFIER}campaign$`, "u");
/** A campaign as the speaker: a determiner, owner or capitalised words, and the head ("The Okafor campaign", "her campaign", "campaign"). */
const CAMPAIGN_ITSELF = new RegExp(String.raw`^(?:(?:the|his|her|their|The|His|Her|Their)\s+)?(?:\p{Lu}[\p{L}.’'\-]*\s+){0,4}${CAMPAIGN_MODIFIER}[Cc]ampaign$`, "u");
/** "Okafor’s campaign", "the Okafor campaign" anywhere before: the owner. */
const CAMPAIGN_WRITTEN = new RegExp(String.raw`(?<![\p{L}])(\p{Lu}[\p{L}\-]+(?:\s+\p{Lu}[\p{L}\-]+){0,2})(?:[’']s?)?\s+${CAMPAIGN_MODIFIER}campaign(?![\p{L}])`, "gu");
/** Outlets that are no newspaper: news agencies and broadcasters. */
const NOT_PRINT = /\b(?:Press|Agency|Reuters|AFP|CNN|NBC|ABC|CBS|Fox|MSNBC|CNBC|NPR|PBS|BBC|Radio|TV|Television|Network|Broadcasting|Channel)\b/u;
/** Before a pair opening its sentence: nothing, or a connective or "As", perhaps a short time phrase. */
const PAIR_OPENING = /^\s*(?:(?:But|And|Yet|So|Still|Then|Now|As|When|While|Meanwhile|Later|On\s+\p{Lu}\p{Ll}+|Last\s+\p{Ll}+),?\s+)?$/u;
/** Posts at the head of a body, which a person the article names without a role may hold ("the former CEO of Harbourline"), besides offices and lawmakers. */
const HELD_HEADS = new Set(["ceo", "executive", "founder", "co-founder", "chairman", "chairwoman", "leader", "head", "owner", "president"]);
/** Heads a party-state tag ("(R-Fla.)") vouches for: members of a legislature. */
const LAWMAKER_HEADS = new Set(["senator", "lawmaker", "congressman", "congresswoman", "representative", "legislator", "politician"]);
/** Role words a description may drop or add without naming another role ("the presidential candidate"). */
const DESC_FILLER = new Set(["presidential", "top", "former", "then", "likely", "presumptive", "probable", "party's", "real", "estate", "new", "longtime", "veteran", "outspoken", "embattled", "first-term", "two-term", "junior", "senior", "freshman", "state", "us", "u.s.", "wealthy", "celebrity", "reality", "tv", "star", "influential"]);
/** Words after a name that open an appositive describing the person (", a Republican from Arizona,"). */
const APPOSITIVE = /^,\s+((?:the|a|an)\s+[^,.;:()“”"]{2,70}?|(?:\p{Lu}[\p{L}\-]*\s+){0,2}(?:Republican|Democrat|Democratic|GOP|Independent)\b[^,.;:()“”"]{0,50}?)(?=[,.;]|\s+(?:who|said|says|told)\b)/u;
/** A verb of putting a document out and its object ("released a new report", "wrote an open letter"): up to five words of the object in group 1. */
const PUBLISHED = /(?<![\p{L}])(?:released|releases|is releasing|has released|published|publishes|issued|issues|wrote|writes|sent|sent out|sends out|blasted out|filed|files|put out|puts out|unveiled|unveils|aired|airs|ran|runs|commissioned|produced|launched|launches|posted|posts|provided|provides|gave|gives|circulated|distributed|submitted|signed|penned|drafted)\s+(?:a|an|the|its|his|her|their)\s+((?:[\p{L}\d\-’']+\s+){0,4}[\p{L}\d\-’']+)/u;
/** A verb that is itself the sending of a document ("Jo Bloggs emailed supporters", "tweeted"): the document's head, group 1 → its head word. */
const SENT_AS = /(?<![\p{L}])(emailed|e-mailed|tweeted|texted|wrote to)(?![\p{L}])/u;
const SENT_HEADS: ReadonlyMap<string, readonly string[]> = new Map([["emailed", ["email", "e-mail", "message"]], ["e-mailed", ["email", "e-mail", "message"]], ["tweeted", ["tweet", "post"]], ["texted", ["text", "message"]], ["wrote to", ["letter"]]]);
/** A document the subject holds ("contended in its letter that …"): its head, group 1. */
const OWN_DOCUMENT = /(?<![\p{L}])(?:in|with|through)\s+(?:its|his|her|their)\s+((?:[\p{L}\-]+\s+){0,2}?[\p{L}\-]+)(?=\s+(?:that|to|on|of|,|said|says)|[,.;:]|\s*$)/u;
/** A document and who sent it: "a handwritten note from ", "a letter signed by " (the document's head in group 1; the sender's name follows). */
const DOCUMENT_FROM = /(?<![\p{L}])(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[\p{L}\-]+,?\s+){0,3}?(note|letter|memo|email|e-mail|message|statement|card|text)\s+(?:from|by|(?:written|signed|sent)\s+by)\s+(?:(?:the|The)\s+)?(?=\p{Lu})/gu;
/** A sentence opening with a document as its subject, then its verb: "The congressional report said", "The post showed" (the phrase in group 1, its head in group 2). */
const DOCUMENT_SUBJECT = /^\s*(?:(?:But|And|Also|Still|However|Meanwhile|Instead),?\s+)?((?:The|This|That|A|An|Its|His|Her|Their)\s+(?:[\p{L}\d’'\-]+\s+){0,3}?(\p{Ll}+))\s+(?:also\s+|further\s+|then\s+|\p{Ll}+ly\s+)?(?:said|says|showed|shows|stated|states|found|finds|noted|notes|accused|accuses|claimed|claims|argued|argues|concluded|concludes|read|reads|added|adds|warned|warns|called|calls|described|describes|alleged|alleges|was|is|has|had|did|does|makes|made)\b/u;
/** A document put out, in the passive, with its author as a modifier ("A Harbour Trust memo was released"): the head, group 1. */
const PUT_OUT_PASSIVE = /(?<![\p{L}])(?:[Aa]n?|[Tt]he)\s+(?:\p{Lu}[\p{L}\-’']*\s+){1,4}(?:\p{Ll}[\p{L}\-]*\s+){0,2}([\p{Ll}\-]+)\s+(?:was|were|has been|had been|is|are)\s+(?:\p{Ll}+ly\s+)?(?:released|issued|sent|published|posted|circulated|distributed|filed)(?![\p{L}])/u;
/** People a possessive relates to its owner who speak for themselves ("his best friend", "her rivals"): never the owner. */
const OTHER_PERSON_HEADS: ReadonlySet<string> = new Set(["friend", "friends", "wife", "husband", "father", "mother", "son", "daughter", "brother", "sister", "parents", "children", "colleague", "colleagues", "neighbor", "neighbour", "neighbors", "neighbours", "classmate", "roommate", "partner", "girlfriend", "boyfriend", "cousin", "uncle", "aunt", "nephew", "niece", "grandfather", "grandmother", "rival", "rivals", "opponent", "opponents", "critic", "critics", "supporter", "supporters", "fans", "biographer", "successor", "predecessor"]);
/** A plural of people opening a sentence, with a capitalised modifier or a short qualifier, then its verb ("Fox executives have", "People briefed on the reshuffling were"): the phrase in group 1. */
const PEOPLE_SUBJECT = /^(?:(?:Still|But|And|Yet|However|Meanwhile|Now|Instead|Since then),?\s+)?(?:(?:Since|After|Before|In|On|At|During|Until|For)\s[^,;:“”"]{1,50},\s+)?((?:(?:\p{Lu}[\p{L}\-]*|[Mm]any|[Ss]ome|[Ss]everal|[Oo]ther|[Tt]op|[Ss]enior|[Ll]ocal)\s+){0,2}(?:[Pp]eople|[Ee]xecutives|[Oo]fficials|[Aa]ides|[Aa]nalysts|[Ee]xperts|[Aa]dvisers|[Aa]dvisors|[Ll]awmakers|[Ll]eaders|[Rr]esidents|[Ss]ources|[Ss]taffers|[Cc]ritics|[Ss]upporters|[Oo]pponents|[Aa]ctivists|[Pp]rotesters|[Dd]elegates|[Dd]onors|[Ii]nvestors|[Ee]conomists|[Ss]trategists|[Pp]rosecutors|[Ll]awyers|[Ii]nvestigators|[Oo]rganizers|[Oo]rganisers|[Ee]mployees|[Ww]orkers|[Vv]oters)(?:\s+(?:briefed\s+on|familiar\s+with|close\s+to|involved\s+in|with\s+knowledge\s+of)\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:\p{L}+\s+){0,2}?\p{L}+)?)\s+(?:\p{Ll}+ly\s+)?(?:have|had|were|are|was|is|said|say|did|do|will|would|could|also|insisted|argued|believe|believed|told|warned)\b/u;
/** A sentence opening with a capitalised plural group and its verb ("Still, Democrats believe", "Many Republicans say"): the group in group 1. */
const GROUP_SUBJECT = /^(?:(?:Still|But|And|Yet|However|Meanwhile|Now|Instead),?\s+)?(?:(?:[Mm]any|[Mm]ost|[Ss]ome|[Ss]everal|[Oo]ther|[Ff]ellow)\s+)?(\p{Lu}\p{Ll}+s)\s+(?:\p{Ll}+ly\s+)?(?:also\s+)?(?:believe|think|say|said|argue|argued|hope|fear|expect|worry|contend|insist|want|wanted|are|were|have|had|will|would|can|could)\b/u;
/** Documents of one kind under different heads ("the poll" and "the survey"). */
const DOCUMENT_KINDS: ReadonlyMap<string, string> = new Map([["poll", "poll"], ["polls", "poll"], ["survey", "poll"], ["study", "study"], ["report", "report"], ["analysis", "analysis"]]);
/** What a document found, as the article calls it after introducing the document ("the results"). */
const FINDINGS_HEADS = new Set(["results", "data", "figures", "findings"]);
/** A document introduced with its modifiers ("a new Harbour Courier poll released Wednesday"): modifiers in group 1, head in group 2. */
const DOCUMENT_INTRO = /(?<![\p{L}])(?:[Aa]n?|[Tt]he)\s+((?:(?!(?:a|an|the|of|in|by|on|for|and|to|at|with)\s|\p{Ll}+ed\s)[\p{L}\d’'\/\-.&]+\s+){1,5}?)([Pp]oll|[Ss]urvey|[Ss]tudy|[Rr]eport|[Aa]nalysis)(?![\p{L}])(?:\s+(?:released|conducted|published|issued|taken)(?:\s+(?:on|last|this|in))?\s+\p{Lu}\p{Ll}+)?/gu;
/** Document heads that are words just spoken ("the remarks"): attribution gives them to the last speaker. */
const SPOKEN_HEADS = new Set(["remarks", "comments", "words", "testimony", "speech", "interview"]);
/** A role in apposition before a name: "a ferry captain, " (its words in group 1). */
const ROLE_FIRST = /(?:^|[\s(“"—–])(?:[Aa]n?|[Tt]he)\s+((?:[\p{Ll}\-]+(?:[’']s)?\s+){0,3}[\p{Ll}\-]+),\s*$/u;
/** A role in apposition after a name without a determiner: ", chief executive of the Harbor Authority," (the role in group 1). */
const BARE_APPOSITIVE = /^,\s+((?:\p{Ll}[\p{Ll}\-]*\s+){0,3}\p{Ll}[\p{Ll}\-]*)(?=\s+(?:of|at|for)\s+(?:the\s+)?\p{Lu}|[,;]|\.\s)/u;
/** A party-state tag after a name: "(R-Fla.)", "(D-N.Y.)", "(I-Vermont)". */
const PARTY_TAG = /^\s*(?:\(\s*([RDI])\s*[-–.,]\s*([\p{L}. ]{2,16}?)\s*\)|,\s+([RDI])-(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)(?=[,;]|\.(?:\s|$)))/u;

/** Lowercase words of a role or description, titles spelled out ("Sen." → "senator"), possessives dropped. */
function roleWords(s: string): string[] {
  const ws = s.toLowerCase().replace(/[’']s(?![\p{L}])/gu, "").split(/[\s,()]+/u).filter(Boolean).map((w) => ROLE_ABBREV.get(w) ?? w.replace(/\.$/u, ""));
  // "Vice President Jo Bloggs" is no "president": a deputy's office is one word ("vice-president")
  for (let i = ws.length - 2; i >= 0; i--) {
    if (DEPUTY_WORDS.has(ws[i]!) && ROLE_NOUNS.has(ws[i + 1]!)) ws.splice(i, 2, `${ws[i]}-${ws[i + 1]}`);
  }
  return ws;
}
/** A role word's office without a deputy's prefix ("vice-president" → "president"), for the role lists. */
const baseRole = (w: string): string => w.slice(w.indexOf("-") + 1);

function addToProfile(p: Profile, s: string): void {
  for (const { word, state } of readStates(roleWords(s))) {
    if (state) {
      p.states.add(word);
      continue;
    }
    const party = PARTY_WORDS.get(word);
    if (party) p.parties.add(party);
    p.words.add(word);
  }
}

/** Adjectives of a continent or a whole people, no one nation's ("American" in American news is everyone's). */
const CONTINENTAL = new Set(["American", "European", "African", "Asian", "Arab", "Latin", "Caribbean", "Scandinavian", "Balkan"]);
/** Demonyms whose country's name starts otherwise. */
const IRREGULAR_NATIONS: ReadonlyMap<string, string> = new Map([["french", "france"], ["dutch", "netherlands"], ["welsh", "wales"], ["scottish", "scotland"], ["irish", "ireland"], ["english", "england"], ["spanish", "spain"], ["danish", "denmark"], ["swedish", "sweden"], ["finnish", "finland"], ["polish", "poland"], ["norwegian", "norway"], ["greek", "greece"], ["swiss", "switzerland"], ["british", "britain"]]);
/**
 * The nations a description's modifiers name, lower-cased ("the Russian leader": "russian"): a
 * capitalised demonym before the head, no party's word and not "American" (in American news everyone's).
 */
function nationsOf(text: string): string[] {
  return text.split(/\s+/u).slice(1, -1).filter((w) => /^\p{Lu}\p{Ll}+(?:an|ese|ish|i|ch)$/u.test(w) && !PARTY_WORDS.has(w.toLowerCase()) && !CONTINENTAL.has(w)).map((w) => w.toLowerCase());
}
/** A description's parts: states and parties it names, its head, the other words. */
function readDescription(text: string): { head: string; states: string[]; parties: string[]; rest: string[] } | null {
  const ws = roleWords(text);
  // "a former official" is someone new; only "the …" points back
  if (ws[0] !== "the") return null;
  ws.shift();
  // "the former secretary of state", "the director of national intelligence": the role before "of"
  // heads it, the office's words after "of" go with the rest
  const of = ws.lastIndexOf("of");
  const office = of > 0 && of >= ws.length - 3 && ROLE_NOUNS.has(ws[of - 1]!) ? ws.splice(of) : [];
  if (!ws.length || ws.length > (ws.includes("and") ? 8 : 5)) return null;
  const head = ws[ws.length - 1]!;
  const states: string[] = [];
  const parties: string[] = [];
  const rest: string[] = [];
  for (const { word, state } of readStates(ws.slice(0, -1))) {
    if (state) states.push(word);
    else if (PARTY_WORDS.has(word)) parties.push(PARTY_WORDS.get(word)!);
    else if (!DESC_FILLER.has(word)) rest.push(word);
  }
  if (PARTY_WORDS.has(head)) parties.push(PARTY_WORDS.get(head)!);
  for (const w of office.slice(1)) if (!DESC_FILLER.has(w) && !STATE_NAMES.has(w)) rest.push(w);
  return { head, states, parties, rest };
}

export class Coref {
  private readonly refs: Ref[] = [];
  private readonly paraOf: number[];
  private readonly spans = new Map<Cluster, { at: number; end: number }[]>();
  private readonly profiles = new Map<Cluster, Profile>();

  constructor(private readonly doc: Doc, private readonly resolver: EntityResolver, quoted: readonly Span[]) {
    this.paraOf = doc.sentences.map((s) => s.paragraph);
    // a name the text places somewhere ("in New Hampshire") that no first name or role makes a
    // person's is a place wherever else it stands, even where a cue was misread to make it speak
    const places = placeNames(doc.text);
    for (const c of resolver.clusters) {
      if (c.entity.kind === "person" && !c.gender && !c.entity.roles.some((r) => !/[’']s$/u.test(r)) && places.has(c.entity.canonical.toLowerCase())) c.placeLike = Math.max(c.placeLike, c.count);
    }
    for (const s of resolver.seen) {
      const list = this.spans.get(s.cluster) ?? [];
      if (list.length < 50) list.push({ at: s.at, end: s.end });
      this.spans.set(s.cluster, list);
    }
    let q = 0;
    for (const s of resolver.seen) {
      while (q < quoted.length && quoted[q]!.end <= s.at) q++;
      if (q < quoted.length && quoted[q]!.start <= s.at) continue;
      // a possessive names whose the thing is, not who acts ("Putin's adviser said")
      if (/^[’']s?(?![\p{L}])/u.test(doc.text.slice(s.end, s.end + 3))) continue;
      // so does a name before a role and the role holder's name ("Ruiz spokeswoman Jennifer Bates
      // criticized …": Bates acts, not Ruiz)
      const owner = OWNER_OF_ROLE.exec(doc.text.slice(s.end, s.end + 60));
      if (owner && ROLE_NOUNS.has(owner[1]!)) continue;
      const si = sentenceAt(doc, s.at);
      // (and so is the next name of a list it opens: "particularly Govs. Jo Bloggs and Ann Ruiz")
      const prev = this.refs[this.refs.length - 1];
      const oblique = OBLIQUE_BEFORE.test(doc.text.slice(Math.max(doc.sentences[si]?.start ?? 0, s.at - 60), s.at))
        || (!!prev?.oblique && prev.sentence === si && prev.end !== undefined && /^(?:,\s*|\s+)(?:and|or)\s+$/u.test(doc.text.slice(prev.end, s.at)));
      const titled = s.cluster.entity.kind === "person" && titledName(doc.text, s.at, s.end);
      this.refs.push({ at: s.at, entity: s.cluster.entity, cluster: s.cluster, sentence: si, paragraph: this.paraOf[si] ?? 0, speaker: false, oblique, end: s.end, titled });
    }
    // narrative "he"/"she" opening a sentence outside quotes ("He has worked the route for years."):
    // resolved in text order as pronouns are reached, each then a subject mention of its referent
    q = 0;
    for (const s of doc.sentences) {
      const m = NARRATIVE_PRONOUN.exec(doc.text.slice(s.start, Math.min(s.end, s.start + 40)));
      if (!m) continue;
      const at = s.start + m.index + m[0].length - m[1]!.length;
      while (q < quoted.length && quoted[q]!.end <= at) q++;
      if (q < quoted.length && quoted[q]!.start <= at) continue;
      this.narrativeAt.push({ at, pronoun: m[1]!.toLowerCase() });
    }
  }

  /** Narrative pronouns (sentence-opening "he"/"she" outside quotes), in text order, and how many are resolved. */
  private readonly narrativeAt: { at: number; pronoun: string }[] = [];
  private narrativeDone = 0;

  /** Resolves the narrative pronouns before `pos` not yet read, nearest last, each entered as a mention of its referent. */
  private catchUp(pos: number): void {
    while (this.narrativeDone < this.narrativeAt.length && this.narrativeAt[this.narrativeDone]!.at < pos) {
      const { at, pronoun } = this.narrativeAt[this.narrativeDone++]!;
      const i = this.refIndex(at, false);
      if (this.refs[i]?.at === at) continue; // a speaker mention already stands there
      const g = PERSON_PRONOUN.get(pronoun)!;
      const e = this.pick(at, (r) => personLike(r) && (!r.cluster?.genderSure || r.cluster.gender === g), g, pronoun, true);
      if (!e) continue;
      const si = sentenceAt(this.doc, at);
      this.insert({ at, entity: e, cluster: this.resolver.clusterOf(e), sentence: si, paragraph: this.paraOf[si] ?? 0, speaker: false, narrative: true });
    }
  }

  /**
   * Records a resolved speaker mention, so later pronouns can reach it. `reported`: the span of what
   * the speaker says, when it is reported speech in the speaker's sentence: names in it are not that
   * sentence's subject.
   */
  addSpeaker(m: Mention, e: Entity, reported?: Span): void {
    const at = m.nameStart ?? m.start;
    const si = sentenceAt(this.doc, at);
    if (reported) {
      for (let i = this.refIndex(reported.start, false); i < this.refs.length && this.refs[i]!.at < reported.end; i++) {
        const r = this.refs[i]!;
        if (!r.speaker && r.sentence === si) r.reported = true;
      }
    }
    const cluster = this.resolver.clusterOf(e);
    // training only (bench/train.ts): a named speaker of known gender read as if it were "he" or
    // "she", its candidates reported with the name as the answer
    if (tracing() && m.name && cluster?.gender) {
      const g = cluster.gender;
      const { refs, sentence, paragraph } = this.before(at);
      const ok = refs.filter((r) => personLike(r) && (!r.cluster?.genderSure || r.cluster.gender === g));
      if (ok.length) this.rankPronoun(at, g === "m" ? "he" : "she", refs, ok, sentence, paragraph, g, e);
    }
    // the name (or narrative pronoun) read at the same place is this mention: one reference, the speaker's
    const i = this.refIndex(at, false);
    const ref: Ref = { at, entity: e, cluster, sentence: si, paragraph: this.paraOf[si] ?? 0, speaker: true };
    if (this.refs[i]?.at === at && !this.refs[i]!.speaker && (this.refs[i]!.narrative || this.refs[i]!.entity === e)) {
      // replaced where it stands when nothing else shares its offset (the usual case): a splice out
      // and a splice in shifted every later reference twice, quadratic over an article of speakers
      if (i + 1 >= this.refs.length || this.refs[i + 1]!.at > at) {
        this.refs[i] = ref;
        return;
      }
      this.refs.splice(i, 1);
    }
    this.insert(ref);
  }

  /** Records an unnamed plural speaker ("Several analysts said"), which a later "they" may continue. */
  addGroup(m: Mention, canonical: string): void {
    const si = sentenceAt(this.doc, m.start);
    const entity: Entity = { canonical, kind: m.kind, aliases: [canonical], roles: [] };
    this.insert({ at: m.start, entity, cluster: undefined, sentence: si, paragraph: this.paraOf[si] ?? 0, speaker: true, plural: true });
  }

  /** The index of the first reference at or after `pos` (`past`: after it), in this.refs' order by offset. */
  private refIndex(pos: number, past: boolean): number {
    let lo = 0;
    let hi = this.refs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const at = this.refs[mid]!.at;
      if (at < pos || (past && at === pos)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private insert(ref: Ref): void {
    this.refs.splice(this.refIndex(ref.at, true), 0, ref);
  }

  /** References before `pos` within the window, nearest first. */
  private before(pos: number): { refs: Ref[]; sentence: number; paragraph: number } {
    const si = sentenceAt(this.doc, pos);
    const lo = this.refIndex(pos, false);
    const out: Ref[] = [];
    for (let i = lo - 1; i >= 0 && out.length < 60; i--) {
      const r = this.refs[i]!;
      if (r.sentence < si - WINDOW) break;
      out.push(r);
    }
    return { refs: out, sentence: si, paragraph: this.paraOf[si] ?? 0 };
  }

  /** Picks the best reference among those that agree; scores favour near sentences and their subjects. */
  private pick(pos: number, agree: (r: Ref) => boolean, gender: Gender, pronoun?: string, quiet = false, inside?: ReadonlySet<Entity>): Entity | null {
    const { refs, sentence, paragraph } = this.before(pos);
    const avoid = this.avoid;
    const ok = refs.filter((r) => r.entity !== avoid && agree(r));
    if (!ok.length) return null;
    // "he" and "she": the candidates go to the ranker (decision 018), which without a model is the
    // hand-set score below
    if (pronoun) return this.rankPronoun(pos, pronoun, refs, ok, sentence, paragraph, gender, undefined, quiet, inside);
    // the first agreeing mention of each sentence: its subject, as near as we can tell without a parse
    const firstIn = new Map<number, Ref>();
    for (const r of ok) if (!r.oblique && !r.reported) firstIn.set(r.sentence, r);
    let best: Ref | null = null;
    let bestScore = -Infinity;
    const seenEntity = new Set<Entity>();
    for (const r of ok) {
      if (seenEntity.has(r.entity)) continue; // the nearest mention of an entity speaks for it
      seenEntity.add(r.entity);
      const score = handScore({
        sentDist: sentence - r.sentence, paraDist: paragraph - r.paragraph, firstAgreeing: firstIn.get(r.sentence) === r,
        gender: genderFit(gender, r.cluster?.gender, !!r.cluster?.genderSure), speaker: r.speaker, articleMentions: r.cluster?.count ?? 0,
      });
      if (score > bestScore) {
        bestScore = score;
        best = r;
      }
    }
    return best?.entity ?? null;
  }

  /** One candidate per agreeing entity (its nearest mention), described for rank.ts, which chooses. */
  private rankPronoun(pos: number, pronoun: string, refs: readonly Ref[], ok: readonly Ref[], sentence: number, paragraph: number, gender: Gender, pseudo?: Entity, quiet = false, inside?: ReadonlySet<Entity>): Entity | null {
    // refs and ok are nearest first: the last one set per sentence or paragraph is its first mention;
    // a name after "told", "with", "to" … is an object, never the subject
    const firstAgreeing = new Map<number, Ref>();
    for (const r of ok) if (!r.oblique && !r.reported) firstAgreeing.set(r.sentence, r);
    const subject = new Map<number, Ref>();
    const paraFirst = new Map<number, Ref>();
    const mentions = new Map<Entity, number>();
    const earliest = new Map<Entity, number>();
    const spoke = new Set<Entity>();
    for (const r of refs) {
      if (!r.oblique && !r.reported) subject.set(r.sentence, r);
      paraFirst.set(r.paragraph, r);
      mentions.set(r.entity, (mentions.get(r.entity) ?? 0) + 1);
      earliest.set(r.entity, r.at);
      if (r.speaker) spoke.add(r.entity);
    }
    const lastAny = refs.find((r) => r.speaker);
    const lastOk = ok.find((r) => r.speaker);
    const cands: Candidate[] = [];
    const picked: Ref[] = [];
    for (const r of ok) {
      if (picked.some((x) => x.entity === r.entity)) continue;
      const c = r.cluster;
      const g = genderFit(gender, c?.gender, !!c?.genderSure);
      cands.push({
        sentDist: sentence - r.sentence, paraDist: paragraph - r.paragraph, charDist: pos - r.at, rank: picked.length,
        firstAgreeing: firstAgreeing.get(r.sentence) === r, subject: subject.get(r.sentence) === r, paragraphFirst: paraFirst.get(r.paragraph) === r,
        speaker: r.speaker, lastSpeaker: lastOk?.entity === r.entity, lastSpeakerAny: lastAny?.entity === r.entity, spokeBefore: spoke.has(r.entity),
        newInNarrative: !!lastAny && !spoke.has(r.entity) && earliest.get(r.entity)! > lastAny.at,
        gender: g, mentions: mentions.get(r.entity) ?? 1, articleMentions: c?.count ?? 0, hasRole: r.entity.roles.length > 0, spokeAnywhere: !!c?.spoke,
        namedInside: !!inside?.has(r.entity),
      });
      picked.push(r);
    }
    const before = this.doc.text.slice(Math.max(0, pos - 4), pos);
    const site: PronounSite = { afterQuote: /[”"’']\s*[,—–-]?\s*$/u.test(before), paragraphStart: this.doc.sentences[sentence]?.start === this.doc.paragraphs[paragraph]?.start };
    if (tracing() && !quiet) report({ at: pos, pronoun, site, pseudo: pseudo ? picked.findIndex((r) => r.entity === pseudo) : undefined, candidates: picked.map((r, i) => ({ canonical: r.entity.canonical, aliases: r.entity.aliases, features: features(cands[i]!, site) })) });
    if (pseudo) return null;
    return picked[choose(cands, site)]?.entity ?? null;
  }

  /**
   * The person a quote-only paragraph with no cue continues: the subject (first person named) of the
   * paragraph just before it, when that paragraph names one ("Tom Okafor, a ferry captain, has worked
   * the route for years. ¶ “Nobody asked us.”"). Null when it names no one.
   */
  narrativeSpeaker(pos: number): Entity | null {
    const { refs, paragraph } = this.before(pos);
    let first: Ref | null = null;
    for (const r of refs) {
      if (r.paragraph === paragraph - 1 && personLike(r)) first = r;
      else if (r.paragraph < paragraph - 1) break;
    }
    return first?.entity ?? null;
  }

  /**
   * A relative pronoun whose antecedent was read as the name just before it ("Jo Bloggs, a farmer
   * from Englewood, Kent, who said"): a name nothing marks as a person or body there is the end of
   * an appositive (a place), and the person named earlier in the sentence is who speaks.
   */
  relative(m: Mention, named: Entity): Entity {
    const c = this.resolver.clusterOf(named);
    const ref: Ref = { at: m.start, entity: named, cluster: c, sentence: 0, paragraph: 0, speaker: false };
    if (named.kind !== "person" || personLike(ref)) return named;
    return this.pronoun({ ...m, name: null, nameStart: null, nameEnd: null, pronoun: "who" }) ?? named;
  }

  /** "his remarks", "her statement", "its report": whose the words are, as the pronoun would resolve. */
  possessor(m: Mention): Entity | null {
    const kin = this.kinNamed(m);
    if (kin) return kin;
    const w = /^(his|her|its|their)\s+[“"‘']?\p{Ll}/iu.exec(m.text);
    // "his remarks", "her campaign": the owner's words or side; "his best friend" is someone else
    const ownHead = m.text.toLowerCase().replace(/\s+(?:at|of|in|from|for|with)\s.*$/su, "").replace(/[”"’']+$/u, "").split(/\s+/u).pop() ?? "";
    if (w && !OTHER_PERSON_HEADS.has(ownHead)) {
      const o = w[1]!.toLowerCase();
      const p = o === "his" ? "he" : o === "her" ? "she" : o === "its" ? "it" : "they";
      // "For Okafor’s part, his organization has argued": an owner named as a possessive earlier in
      // the same sentence, of the right gender, owns what the determiner does
      if (p === "he" || p === "she") {
        const owner = this.possessiveInSentence(m.start, p === "he" ? "m" : "f");
        if (owner) return owner;
      }
      return this.pronoun({ ...m, pronoun: p });
    }
    // "the foundation's tally", "the newspaper's editorial": a document's words are its owner's
    const d = /^((?:the\s+)?\p{Ll}[\p{Ll}\-]*)[’']s\s+(?:[\p{Ll}\-]+\s+){0,2}([\p{Ll}\-]+)$/iu.exec(m.text.trim());
    if (d && isDocumentHead(d[2]!.toLowerCase()) && /^the\s/iu.test(d[1]!)) {
      const owner = d[1]!;
      return this.description({ ...m, text: owner, end: m.start + owner.length });
    }
    return null;
  }

  /** Entities outside the resolver (groups, documents, families), one per canonical name and kind. */
  private readonly loose = new Map<string, Entity>();

  /** The article's one entity of this kind and canonical name that the name pass does not keep. */
  entityFor(canonical: string, kind: "group" | "document"): Entity {
    const key = `${kind} ${canonical}`;
    let e = this.loose.get(key);
    if (!e) {
      e = { canonical, kind, aliases: [canonical], roles: [] };
      this.loose.set(key, e);
    }
    return e;
  }

  /**
   * A document that is the subject opening the sentence of `pos` or the one before in its paragraph
   * ("The congressional report said … ¶ It accused", "In his legislation, Ruiz cited a memo … It says"
   * is not one: the memo is an object), as the description resolves it; null when none opens them.
   */
  private documentSubject(pos: number): Entity | null {
    const si = sentenceAt(this.doc, pos);
    const text = this.doc.text;
    for (let k = si; k >= 0 && k >= si - 1; k--) {
      const sent = this.doc.sentences[k]!;
      if (k < si && this.paraOf[k] !== this.paraOf[si] && this.paraOf[k] !== (this.paraOf[si] ?? 0) - 1) break;
      const open = DOCUMENT_SUBJECT.exec(text.slice(sent.start, k === si ? pos : sent.end));
      // (a singular one: "The results also showed …, it doesn't" is not the results)
      if (!open || !isDocumentHead(open[2]!.toLowerCase()) || /[^s]s$|^data$/u.test(open[2]!)) continue;
      const at = sent.start + open.index + open[0].indexOf(open[1]!);
      const phrase = open[1]!;
      const m: Mention = { text: phrase, start: at, end: at + phrase.length, name: null, nameStart: null, nameEnd: null, role: null, pronoun: null, kind: "document", definiteDescription: /^the\s/iu.test(phrase) };
      return this.description(m) ?? this.entityFor(phrase.replace(/^(?:the|a|an)\s+/iu, ""), "document");
    }
    return null;
  }

  /**
   * "Still, Democrats believe the pressure will grow. ¶ They say …": a capitalised group ("Democrats",
   * "Many Republicans") opening the previous sentence, in this paragraph or the one before, as the
   * subject of a verb. The name pass keeps no plural groups, so the sentence is read here. Null otherwise.
   */
  private groupSubject(pos: number): Entity | null {
    const si = sentenceAt(this.doc, pos);
    const prev = this.doc.sentences[si - 1];
    const here = this.doc.sentences[si];
    if (!prev || !here || here.paragraph - prev.paragraph > 1) return null;
    const g = GROUP_SUBJECT.exec(this.doc.text.slice(prev.start, Math.min(prev.end, prev.start + 80)));
    if (g && groupName(g[1]!)) return this.entityFor(g[1]!, "group");
    // "Fox executives have not pushed the issue. Nor have they …", "People briefed on the plan were
    // adamant … And they insisted": a plural of people opening the sentence before, with its
    // modifiers, as the group
    const d = PEOPLE_SUBJECT.exec(this.doc.text.slice(prev.start, Math.min(prev.end, prev.start + 120)));
    return d ? this.entityFor(d[1]!, "group") : null;
  }

  /**
   * "A Harbour Courier poll released Monday shows … . ¶ According to the survey, …": the poll, survey,
   * study or report the article introduced with what makes it one of its kind (a capitalised word
   * among its modifiers), in this paragraph or the three before, nearest first; a poll and a survey
   * are one kind. The document is the speaker, as the article describes it in full. Null when no
   * such document was introduced.
   */
  private documentNamed(m: Mention, head: string): Entity | null {
    // "… according to the results": what a poll, survey or study just introduced found
    const kind = DOCUMENT_KINDS.get(head) ?? (FINDINGS_HEADS.has(head) ? "*" : null);
    if (!kind) return null;
    const text = this.doc.text;
    const para = this.paraOf[sentenceAt(this.doc, m.start)] ?? 0;
    const first = this.doc.sentences.find((s) => s.paragraph >= para - 3);
    const from = first ? first.start : 0;
    let found: string | null = null;
    for (const d of text.slice(from, m.start).matchAll(DOCUMENT_INTRO)) {
      if ((kind !== "*" && DOCUMENT_KINDS.get(d[2]!.toLowerCase()) !== kind) || !/\p{Lu}/u.test(d[1]!)) continue;
      found = d[0].replace(/^(?:[Aa]n?|[Tt]he)\s+/u, "").trim();
    }
    return found ? this.entityFor(found, "document") : null;
  }

  /**
   * The subject of the main clause for a pronoun right after a subordinating conjunction in the same
   * sentence ("Ruiz caught flak from both sides when she said …"): the sentence's first reference,
   * opening it (after an introductory phrase and its comma), a person of the pronoun's gender or of
   * none known, and no other person named between it and the pronoun. Null otherwise.
   */
  private subordinateSubject(pos: number, g: Gender): Entity | null {
    const text = this.doc.text;
    const si = sentenceAt(this.doc, pos);
    const sent = this.doc.sentences[si];
    // (or a clause joined with a comma and "but", "and" or "yet": "Ruiz lost the vote, but she said …")
    if (!sent || !/(?:\b(?:when|after|because|as|while|since|before|until|although|though|once)|,\s+(?:but|and|yet))\s+$/u.test(text.slice(Math.max(sent.start, pos - 12), pos))) return null;
    const lo = this.refIndex(sent.start, false);
    const hi = this.refIndex(pos, false);
    if (hi - lo < 1) return this.openingPossessor(sent, pos, g, lo, hi);
    const first = this.refs[lo]!;
    if (first.sentence !== si || first.oblique || !first.cluster || !isPersonRef(first)) return null;
    if (first.cluster.gender && first.cluster.gender !== g) return null;
    // the subject opens the sentence or follows its introductory phrase ("During her campaign, Ruiz …")
    const lead = text.slice(sent.start, first.at);
    if (lead.trim() && !/,\s*$/u.test(lead)) return null;
    for (let i = lo + 1; i < hi; i++) if (this.refs[i]!.entity !== first.entity && isPersonRef(this.refs[i]!)) return null;
    return first.entity;
  }

  /**
   * "Okafor’s fate is still unclear, but she said …": a sentence opening with a person's possessive,
   * and no one else named before the pronoun, has that person as the subject the pronoun continues
   * (possessives are no references: the refs in [lo, hi) are the sentence's others). Null otherwise.
   */
  private openingPossessor(sent: Span, pos: number, g: Gender, lo: number, hi: number): Entity | null {
    for (let i = lo; i < hi; i++) if (isPersonRef(this.refs[i]!)) return null;
    const open = /^\s*((?:\p{Lu}[\p{L}\-]+\s+){0,2}\p{Lu}[\p{L}\-]+)(?:[’']s|(?<=s)[’'])\s/u.exec(this.doc.text.slice(sent.start, pos));
    if (!open) return null;
    const c = this.resolver.knownName(open[1]!);
    if (!c || c.entity.kind !== "person" || (c.gender && c.gender !== g)) return null;
    return c.entity;
  }

  /**
   * The person named with a possessive ("Okafor’s") earlier in the sentence of `pos`, nearest first,
   * whose gender is `g` or unknown. Null when there is none.
   */
  private possessiveInSentence(pos: number, g: Gender): Entity | null {
    const sent = this.doc.sentences[sentenceAt(this.doc, pos)];
    if (!sent) return null;
    // (possessives are no references of their own: the name pass leaves them out; read the sentence)
    const before = this.doc.text.slice(sent.start, pos);
    let found: Entity | null = null;
    for (const m of before.matchAll(/(?<![\p{L}’'\-])((?:\p{Lu}[\p{L}\-]+\s+){0,2}\p{Lu}[\p{L}\-]+)(?:[’']s|(?<=s)[’'])(?![\p{L}])/gu)) {
      // ("For Okafor’s part": the capitalised run may open with a word of the sentence)
      const ws = m[1]!.split(/\s+/u);
      let c = null;
      for (let k = 0; k < ws.length && !c; k++) c = this.resolver.knownName(ws.slice(k).join(" "));
      if (!c || c.entity.kind !== "person" || (c.gender && c.gender !== g)) continue;
      found = c.entity;
    }
    return found;
  }

  /**
   * "Bernie Okafor’s campaign", "the Okafor campaign", "her campaign", then "the campaign": the
   * campaign of the person named or meant, as a body of its own ("Bernie Okafor campaign"), one per
   * owner in the article. "The campaign" with no owner in its words is the nearest campaign spoken
   * of before: one that spoke, else the last "X campaign" or "X’s campaign" written. Null otherwise.
   */
  campaign(m: Mention): Entity | null {
    const text = this.doc.text;
    const upto = text.slice(Math.max(0, m.end - 90), m.end);
    // the mention is the campaign itself, not someone close to it ("a source close to the campaign",
    // "an adviser to his campaign") nor one campaign among others ("a rival campaign")
    if (!CAMPAIGN_ITSELF.test(m.text.trim())) return null;
    const own = CAMPAIGN_OWNER.exec(upto);
    let owner: Entity | null = null;
    if (own?.[1] && !/^(?:The|A|An|This|That)$/u.test(own[1])) {
      let name = own[1].replace(/^(?:The|A)\s+/u, "");
      // "Rival Jo Okafor’s campaign": a capitalised word before a first name is no part of the name
      const words = name.split(/\s+/u);
      if (words.length > 2 && !genderOfName(words[0]!) && genderOfName(words[1]!)) name = words.slice(1).join(" ");
      if (!looksLikeName(name)) return null;
      // "Mrs. Clinton’s campaign": the title's gender picks among people of that surname
      const title = /(?:^|[^\p{L}])(Mr|Mrs|Ms|Miss)\.?\s+$/u.exec(upto.slice(0, own.index + (own[1].length - name.length)));
      owner = this.resolver.lookupName(name, "person", m.end - upto.length + own.index, title ? genderOfWords(title[1]) : undefined).entity;
    } else if (own?.[2]) {
      const o = own[2].toLowerCase();
      owner = this.pronoun({ ...m, pronoun: o === "his" ? "he" : o === "her" ? "she" : "they" });
    } else {
      const spoke = this.pick(m.start, (r) => isBodyRef(r) && !r.plural && r.speaker && /\scampaign$/u.test(r.entity.canonical), null);
      if (spoke) return spoke;
      // the last owner written before ("… that Okafor’s campaign is filing", "the Okafor campaign")
      const back = text.slice(Math.max(0, m.start - 2000), m.start);
      let last: RegExpExecArray | null = null;
      for (const x of back.matchAll(CAMPAIGN_WRITTEN)) last = x;
      if (last && looksLikeName(last[1]!)) owner = this.resolver.lookupName(last[1]!, "person", m.start - back.length + last.index).entity;
    }
    // the owner a person, or a lone surname the name pass took for a body ("the Okafor campaign")
    if (!owner || !(owner.kind === "person" || (owner.kind === "organisation" && !/\s/u.test(owner.canonical) && !bodyName(owner.canonical)))) return null;
    const c = this.resolver.lookupName(`${owner.canonical} campaign`, "organisation", m.start);
    c.entity.kind = "organisation";
    return c.entity;
  }

  private readonly pairs = new Map<string, Entity>();

  /**
   * Two names joined by "and" opening a sentence (after a connective or "As" at most): the pair as
   * a group, "Rick Wilcox and Carlos Beruff", one entity per pair in the article. Null when the
   * sentence and the two before open with no such pair.
   */
  private coordinatedSubject(refs: readonly Ref[], sentence: number): Entity | null {
    const text = this.doc.text;
    for (let si = sentence; si >= Math.max(0, sentence - 2); si--) {
      const inS = refs.filter((x) => x.sentence === si).sort((a, b) => a.at - b.at);
      const [a, b] = inS;
      if (!a || !b || a.entity === b.entity) continue;
      if (!PAIR_OPENING.test(text.slice(this.doc.sentences[si]!.start, a.at))) continue;
      // where the first name ends: as the name pass read it (a speaker's reference keeps no end)
      const aEnd = a.end ?? (a.cluster ? this.spans.get(a.cluster)?.find((x) => x.at === a.at)?.end : undefined);
      if (aEnd === undefined || !/^\s+and\s+$/u.test(text.slice(aEnd, b.at))) continue;
      if (!(isPersonRef(a) || isBodyRef(a)) || !(isPersonRef(b) || isBodyRef(b))) continue;
      const canonical = `${a.entity.canonical} and ${b.entity.canonical}`;
      let e = this.pairs.get(canonical);
      if (!e) {
        e = { canonical, kind: "group", aliases: [canonical], roles: [] };
        this.pairs.set(canonical, e);
      }
      return e;
    }
    return null;
  }

  /** The index of the first name the name pass read at or after `pos` (resolver.seen is in text order). */
  private seenFrom(pos: number): number {
    const seen = this.resolver.seen;
    let lo = 0;
    let hi = seen.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seen[mid]!.at < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The entities a statement is about: named inside it, or right after its cue's "of"/"about" ("he said of Jo Bloggs"). */
  private spokenOf(m: Mention, st: Span): { inside: Set<Entity>; of: Set<Entity> } {
    const inside = new Set<Entity>();
    const out = new Set<Entity>();
    const seen = this.resolver.seen;
    for (let i = this.seenFrom(st.start); i < seen.length && seen[i]!.at < st.end; i++) inside.add(seen[i]!.cluster.entity);
    // "… ,” he said of Jo Bloggs" / "he said about Jo Bloggs"
    const after = this.doc.text.slice(m.end, m.end + 60);
    const of = /^\s+(?:said|says|added|wrote|told\s+\p{Ll}+)\s+(?:of|about)\s+/u.exec(after);
    if (of) {
      const at = m.end + of[0].length;
      // the name may come before the statement's start (a cue ahead of its quote)
      const i = this.seenFrom(at);
      if (i < seen.length && seen[i]!.at <= at + 20) out.add(seen[i]!.cluster.entity);
    }
    return { inside, of: out };
  }

  /**
   * "his father said", "her lawyer said": the person the article introduced in apposition with those
   * words ("His father, Sam Okafor, built it", "Sam Okafor, his father,"), nearest first within the
   * window. Null when no one was introduced so.
   */
  kinNamed(m: Mention): Entity | null {
    if (m.name || m.pronoun) return null;
    const t = m.text.trim();
    if (!/^\p{Ll}[\p{Ll}\-]*$/u.test(t) || !ROLE_NOUNS.has(t)) return null;
    const poss = /(?:^|[^\p{L}])(his|her|their)\s+$/iu.exec(this.doc.text.slice(Math.max(0, m.start - 8), m.start));
    if (!poss) return null;
    const head = t.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
    const pre = new RegExp(`(?:^|[^\\p{L}])(?:his|her|their)\\s+${head},?\\s+$`, "iu");
    const post = new RegExp(`^,\\s+(?:his|her|their)\\s+${head}(?![\\p{L}])`, "iu");
    const text = this.doc.text;
    for (const r of this.before(m.start).refs) {
      if (!isPersonRef(r) || r.speaker || r.narrative) continue;
      if (pre.test(text.slice(Math.max(0, r.at - 40), r.at)) || (r.end !== undefined && post.test(text.slice(r.end, r.end + 40)))) return r.entity;
    }
    return null;
  }

  /** "he", "she", "it", "they", "who" → an entity, or null when nothing agrees. */
  pronoun(m: Mention, statement?: Span): Entity | null {
    const p = m.pronoun!;
    if (PERSON_PRONOUN.has(p)) {
      this.catchUp(m.start);
      const g = PERSON_PRONOUN.get(p)!;
      // (a country or state named like a person is no "he" or "she": "Puerto Rico tends to … she said")
      // (a full name whose first name the list lacks, opening its sentence, is a person too: "Dahlys
      // Hamilton is listed as the chairman. Recently she announced")
      const agree = (r: Ref) => (personLike(r) || unlistedSubject(r, this.doc.text, this.doc.sentences[r.sentence]?.start ?? 0)) && (!r.cluster?.genderSure || r.cluster.gender === g) && !(!r.cluster?.gender && !r.entity.roles.length && isPlaceName(r.entity.canonical));
      // whom the statement is about is not who makes it: a person named inside it ("“Ruiz is wrong,”
      // he said") or after "said of" / "said about"; unless no one else agrees
      const about = statement ? this.spokenOf(m, statement) : null;
      // "Ruiz caught flak … when she said": the pronoun opening a clause subordinate to its sentence's
      // main clause is that clause's subject, when it agrees
      const main = this.subordinateSubject(m.start, g);
      if (main && !about?.of.has(main)) return main;
      if (about?.of.size) {
        const e = this.pick(m.start, (r) => agree(r) && !about.of.has(r.entity), g, p, false, about.inside);
        if (e) return e;
      }
      return this.pick(m.start, agree, g, p, false, about?.inside);
    }
    if (p === "it") {
      // "The post showed a man in a wig. It says: …": a document opening the sentence before (or
      // this one, before the pronoun) is what "it" continues, said by its author where the article names one
      const doc = this.documentSubject(m.start);
      if (doc) return doc;
      // a body, or a capitalised name nothing marks as a person ("Greenfield Power … it said")
      // (or a document that spoke in this sentence or the one before: "…, the congressional report said. ¶ It accused")
      const si = sentenceAt(this.doc, m.start);
      const e = this.pick(m.start, (r) => !r.plural && (isBodyRef(r) || (r.entity.kind === "person" && !r.cluster?.gender && r.entity.roles.length === 0 && !r.speaker) || (r.entity.kind === "document" && r.speaker && si - r.sentence <= 1 && !/[^s]s$/u.test(r.entity.canonical))), null);
      if (e && e.kind === "person") e.kind = "organisation";
      return e;
    }
    if (p === "they") {
      // a plural speaker of the last few sentences ("Several analysts said … They added")
      const { refs, sentence } = this.before(m.start);
      const r = refs.find((x) => x.plural && sentence - x.sentence <= 3);
      if (r) return r.entity;
      // "Wilcox and Beruff argued … they said": two named as the subject of this sentence or of one
      // of the two before, nearest first
      const pair = this.coordinatedSubject(refs, sentence);
      if (pair) return pair;
      // no plural speaker: a company, agency or group named as the subject of this sentence or the
      // one before ("Greenfield Power restored service. “Crews will work overnight,” they said.")
      // (or a group named as such: "Still, Democrats believe the pressure will grow. They say …")
      const body = refs.find((x) => sentence - x.sentence <= 1 && !x.oblique && (isBodyRef(x) || groupName(x.entity.canonical)) && !x.plural && !x.cluster?.placeLike && refs.every((y) => y.sentence !== x.sentence || y.at >= x.at));
      return body?.entity ?? this.groupSubject(m.start) ?? null;
    }
    if (p === "who") {
      // "…, voters who said": a common noun right before the pronoun is its antecedent, no name is
      if (whoDescription(this.doc.text, m.start)) return null;
      // otherwise the nearest person named in its own sentence ("Jo Bloggs, a ferry captain, who said")
      const { refs, sentence } = this.before(m.start);
      const r = refs.find((x) => x.sentence === sentence && personLike(x) && m.start - x.at < 200);
      return r?.entity ?? null;
    }
    return null;
  }

  /**
   * How the article introduced a person: role words from titles and appositives ("Sen. Jo Bloggs",
   * "Jo Bloggs, a Republican from Arizona,"), party-state tags ("(R-Fla.)") and the lowercase role
   * before the name ("campaign manager Jo Bloggs"). Read from a bounded window around each mention.
   */
  private profile(c: Cluster): Profile {
    const known = this.profiles.get(c);
    if (known) return known;
    const p: Profile = { words: new Set(), states: new Set(), parties: new Set(), countries: new Set() };
    for (const r of c.entity.roles) addToProfile(p, r);
    const text = this.doc.text;
    for (const s of this.spans.get(c) ?? []) {
      const after = text.slice(s.end, s.end + 100);
      // "(R-Fla.)" or ", R-Iowa,"
      const tag = PARTY_TAG.exec(after);
      if (tag) {
        p.parties.add((tag[1] ?? tag[3])!.toLowerCase());
        const st = stateOf((tag[2] ?? tag[4])!);
        if (st) p.states.add(st);
      }
      const app = APPOSITIVE.exec(after);
      if (app) addToProfile(p, app[1]!);
      else {
        const bare = BARE_APPOSITIVE.exec(after);
        if (bare && ROLE_NOUNS.has(bare[1]!.split(/\s+/u).pop()!)) addToProfile(p, bare[1]!);
      }
      const of = /^\s+(?:of|from)\s+(\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?)/u.exec(after);
      if (of) {
        const st = stateOf(of[1]!) ?? stateOf(of[1]!.split(/\s+/u)[0]!);
        if (st && STATE_NAMES.has(of[1]!.toLowerCase().split(/\s+/u).slice(0, st.split(" ").length).join(" "))) p.states.add(st);
        else p.countries.add(of[1]!.toLowerCase());
      }
      // the titles the mention itself opens with ("Judge Berman", "Sen. Ernst"): with a surname only,
      // no role is recorded for the name, so the profile takes them from the mention
      const own: string[] = [];
      for (const w of text.slice(s.at, s.end).split(/\s+/u)) {
        if (!TITLE_WORDS.has(w.toLowerCase()) || !/^\p{Lu}/u.test(w)) break;
        own.push(w);
      }
      if (own.length) addToProfile(p, own.join(" "));
      // the lowercase role words right before the name ("campaign manager Jo Bloggs")
      const before = text.slice(Math.max(0, s.at - 60), s.at);
      // a role introducing the name in apposition ("a ferry captain, Jo Bloggs, said")
      const intro = ROLE_FIRST.exec(before);
      if (intro && ROLE_NOUNS.has(intro[1]!.split(/\s+/u).pop()!)) addToProfile(p, intro[1]!);
      const words = before.split(/\s+/u);
      if (words.length && words[words.length - 1] === "") words.pop();
      const run: string[] = [];
      for (let k = words.length - 1; k >= 0 && run.length < 5; k--) {
        const w = words[k]!.toLowerCase();
        if (ROLE_NOUNS.has(w) || ROLE_MODIFIERS.has(w) || TITLE_WORDS.has(w) || PARTY_WORDS.has(w) || STATE_NAMES.has(w) || SALIENT_HEADS.has(w) || DESC_FILLER.has(w)) run.unshift(w);
        // "Secretary of State Ann Ruiz", "director of national intelligence Jo Bloggs": an office's "of"
        else if (w === "of" && run.length && run.length <= 2 && k > 0 && ROLE_NOUNS.has(words[k - 1]!.toLowerCase())) run.unshift(w);
        else break;
      }
      if (run.length) addToProfile(p, run.join(" "));
    }
    this.profiles.set(c, p);
    return p;
  }

  /**
   * Who a pronoun or description being resolved is not: the asker of the question its quote answers
   * ("“That would be you?” Ruiz asked. “That would be me,” the senator said."); set around one
   * statement by attribution, null otherwise.
   */
  avoid: Entity | null = null;

  /**
   * A description matched against how each person was introduced: "the Florida senator" → the
   * person introduced as "Sen. Jo Bloggs (R-Fla.)" or "Florida Sen. Jo Bloggs", "the Arizona
   * Republican" → the Republican from Arizona, "the campaign manager" → the one named with that
   * role. Every state and party the description names must be in the introduction, and its head
   * too (unless it is only a party word); the nearest person that fits wins. Null when none fits.
   */
  roleDescription(m: Mention): Entity | null {
    const kin = this.kinNamed(m);
    if (kin) return kin;
    // "the senator from Vermont" is "the Vermont senator"
    const from = /^((?:the|a|an)\s+)?([\p{Ll}\s\-]+?)\s+from\s+(\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?)$/u.exec(m.text.replace(/^The\s/u, "the "));
    if (from && STATE_NAMES.has(from[3]!.toLowerCase())) {
      const role = from[2]!.trim().split(/\s+/u);
      m = { ...m, text: `${from[1] ?? "the "}${[...role.slice(0, -1), from[3]!, role[role.length - 1]!].join(" ")}` };
    }
    // "the former chief executive of Harbourline": the role before the body it is held at
    const atBody = /\s+(?:of|at)\s+(?:the\s+)?(\p{Lu}.*)$/su.exec(m.text);
    const d = readDescription(atBody ? m.text.slice(0, atBody.index) : m.text);
    if (!d) return null;
    // the body's own words ("Commission", "Racial", "Equality"): a person whose introduction names none
    // of them holds the role somewhere else ("the chairman of the Commission …" is not the party chairman)
    const bodyWords = atBody ? (atBody[1]!.match(/\p{Lu}[\p{L}’'\-]*/gu) ?? []).map((w) => w.toLowerCase()) : [];
    const { head, states, parties, rest } = d;
    const also = rest.includes("and") ? rest.filter((w) => ROLE_NOUNS.has(w)) : [];
    const partyHead = PARTY_WORDS.has(head);
    if (!partyHead && !ROLE_NOUNS.has(head) && !ROLE_NOUNS.has(baseRole(head)) && !SALIENT_HEADS.has(head)) return null;
    // "the Republican" alone: only a person the article introduced with that party (score below)
    const g = genderOfWords(m.text);
    const seen = new Set<Entity>();
    const pos = m.start;
    const lo = this.refIndex(pos, false);
    let best: Entity | null = null;
    let bestScore = 0;
    // "Rep. Jo Bloggs said … The Ohio Republican added": a lawmaker named in the last few sentences
    // whose introduction gives no state or party to tie or to contradict, nearest first
    let lawmaker: Entity | null = null;
    // the speaker of the last two sentences, whose introduction contradicts nothing the description
    // says: whom an epithet continues when no one fits all it says ("Ryan said … ” he said. The
    // Wisconsin Republican added": not a party chairman whose state the article never gives)
    let recentSpeaker: Entity | null = null;
    let bestFull = false;
    const si = sentenceAt(this.doc, pos);
    for (let i = lo - 1, n = 0; i >= 0 && n < 400; i--, n++) {
      const r = this.refs[i]!;
      if (seen.has(r.entity) || !r.cluster) continue;
      seen.add(r.entity);
      if (!isPersonRef(r) || r.entity === this.avoid) continue;
      if (g && r.cluster.genderSure && r.cluster.gender !== g) continue;
      const p = this.profile(r.cluster);
      // a state or party the introduction contradicts rules the person out; one it does not give is no evidence either way
      if (p.states.size && states.some((x) => !p.states.has(x))) continue;
      if (p.parties.size && parties.some((x) => !p.parties.has(x))) continue;
      if (!lawmaker && (partyHead || LAWMAKER_HEADS.has(head)) && (states.length || parties.length) && si - r.sentence <= 3 && [...p.words].some((w) => LAWMAKER_HEADS.has(w))) lawmaker = r.entity;
      if (!recentSpeaker && best === null && r.speaker && si - r.sentence <= 2) recentSpeaker = r.entity;
      const tied = states.filter((x) => p.states.has(x)).length * 2 + parties.filter((x) => p.parties.has(x)).length * 2;
      // "the Florida senator and Republican presidential candidate": either role is the head
      const heads = [head, ...also];
      if (bodyWords.length && !bodyWords.some((w) => p.words.has(w))) continue;
      const headOk = partyHead || heads.some((h) => p.words.has(h));
      // "the Florida senator" for "Jo Bloggs (R-Fla.)": a state or party tag speaks for a lawmaker's head
      if (!headOk && !(tied && heads.some((h) => LAWMAKER_HEADS.has(h)))) continue;
      // the other role words count for a person: "the campaign manager" before "the manager"
      const score = tied + (!partyHead && heads.some((h) => p.words.has(h)) ? 2 : 0) + rest.filter((w) => p.words.has(w)).length;
      if (score > bestScore) {
        best = r.entity;
        bestScore = score;
        bestFull = states.every((x) => p.states.has(x)) && parties.every((x) => p.parties.has(x));
      }
    }
    if (best && !bestFull && partyHead && states.length && recentSpeaker && recentSpeaker !== best) return recentSpeaker;
    if (best) return best;
    if (lawmaker) return lawmaker;
    // "Costa, citing data, said … The lawmaker, who represents a district, said": an office no one's
    // introduction gives continues the speaker of the sentence just before in the same paragraph when
    // nothing was said of that person's role (a role of the occasion, "the moderator", or one that
    // speaks for someone else, "the spokesman", is another person)
    if (recentSpeaker && (OFFICE_WORDS.has(head) || LAWMAKER_HEADS.has(head) || HELD_HEADS.has(head)) && !parties.length && !states.length && !nationsOf(m.text).length) {
      const r = this.refs.find((x) => x.entity === recentSpeaker && x.speaker && si - x.sentence === 1 && x.paragraph === this.paraOf[si]);
      const c = this.resolver.clusterOf(recentSpeaker);
      if (r && c && this.profile(c).words.size === 0 && !this.roleAround(r.at)) return recentSpeaker;
    }
    // ("the Democratic front-runner and former secretary of state": either role may be the salient one)
    if (![head, ...also].some((h) => SALIENT_HEADS.has(h)) || states.length) return null;
    // "Mr. Okafor took on Ann Ruiz after the Democratic front-runner had said …": an epithet later in
    // the sentence is not its subject (a pronoun would repeat that), but the person it names after it
    const sentRefs = this.refs.slice(this.refIndex(this.doc.sentences[si]!.start, false), lo).filter((r) => r.sentence === si && isPersonRef(r));
    const subordinate = /\b(?:after|when|before|because|while|since|as|until|although|though)\s+$/u.test(this.doc.text.slice(Math.max(0, pos - 12), pos));
    const other = subordinate && sentRefs.length >= 2 && !sentRefs[0]!.oblique && sentRefs[0]!.entity !== sentRefs[sentRefs.length - 1]!.entity ? sentRefs[sentRefs.length - 1]! : null;
    if (other && (!g || !other.cluster?.gender || other.cluster.gender === g)) return other.entity;
    if (parties.length) return null;
    return this.mostSalient(pos, g);
  }

  /**
   * "the 46-year-old": the person introduced with that age ("Jo Bloggs, 46,", "46-year-old Jo
   * Bloggs"), nearest first; else the nearest person, as for a pronoun of unknown gender.
   */
  private byAge(m: Mention, age: string): Entity | null {
    const text = this.doc.text;
    const lo = this.refIndex(m.start, false);
    const seen = new Set<Entity>();
    const ageAfter = new RegExp(`^,\\s*${age}\\b`, "u");
    const ageBefore = new RegExp(`(?:^|\\s)${age}-year-old\\s+(?:\\p{L}+\\s+){0,2}$`, "u");
    for (let i = lo - 1, n = 0; i >= 0 && n < 200; i--, n++) {
      const r = this.refs[i]!;
      if (seen.has(r.entity) || !r.cluster || !isPersonRef(r)) continue;
      seen.add(r.entity);
      for (const s of this.spans.get(r.cluster) ?? []) {
        if (s.at >= m.start) continue;
        if (ageAfter.test(text.slice(s.end, s.end + 12)) || ageBefore.test(text.slice(Math.max(0, s.at - 16), s.at))) return r.entity;
      }
    }
    // a person the article names with a first name or a title, not any capitalised run
    return this.pick(m.start, (r) => personLike(r) && !!r.cluster?.gender, null);
  }

  /**
   * Whether the name at `at` comes with a role of its own, which the profile may not hold for a
   * surname named once: ", a ferry captain," or ", chief executive of …," after it, "a ferry captain, "
   * or a lowercase role ("ferry captain Costa") or a title right before it.
   */
  private roleAround(at: number): boolean {
    const text = this.doc.text;
    const name = /^\p{Lu}[\p{L}.’'\-]*(?:\s+\p{Lu}[\p{L}.’'\-]*){0,3}/u.exec(text.slice(at, at + 80));
    const after = text.slice(at + (name?.[0].length ?? 0), at + 160);
    if (APPOSITIVE.test(after)) return true;
    const bare = BARE_APPOSITIVE.exec(after);
    if (bare && ROLE_NOUNS.has(bare[1]!.split(/\s+/u).pop()!)) return true;
    const before = text.slice(Math.max(0, at - 60), at);
    const intro = ROLE_FIRST.exec(before);
    if (intro && ROLE_NOUNS.has(intro[1]!.split(/\s+/u).pop()!)) return true;
    const last = /(\p{L}+)\.?\s+$/u.exec(before)?.[1]?.toLowerCase();
    return !!last && (ROLE_NOUNS.has(last) || TITLE_WORDS.has(last));
  }

  /**
   * The article's main figure so far, for "the candidate" that no introduction names: the person
   * mentioned most often before `pos` (possessives included), of the description's gender. Null
   * when two are mentioned equally often.
   */
  private mostSalient(pos: number, g: Gender): Entity | null {
    const counts = new Map<Cluster, number>();
    for (const s of this.resolver.seen) {
      if (s.at >= pos) break;
      const c = s.cluster;
      // a gendered description ("the businessman") is no one of the other gender, sure or guessed from a first name
      if (c.entity.kind !== "person" || (g && c.gender && c.gender !== g)) continue;
      const ref: Ref = { at: s.at, entity: c.entity, cluster: c, sentence: 0, paragraph: 0, speaker: false };
      if (!personLike(ref)) continue;
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    let best: Cluster | null = null;
    let top = 0;
    let tie = false;
    for (const [c, k] of counts) {
      if (k > top) {
        best = c;
        top = k;
        tie = false;
      } else if (k === top) tie = true;
    }
    return best && !tie && top >= 2 ? best.entity : null;
  }

  /**
   * A role tied to someone named ("the mayor's campaign manager", "a top Ruiz adviser", "NATO's
   * secretary general"): the person introduced with that role, else the new person the next sentence
   * opens with ("… said the plan was sound. ¶ Jo Bloggs spoke to reporters …"). Null otherwise.
   */
  ownedRole(m: Mention): Entity | null {
    if (m.name || m.pronoun) return null;
    const t = m.text.trim();
    const own = /^(?:(?:[Tt]he|[Aa]n?)\s+)?(?:(?:top|senior|former|chief|longtime|close)\s+)*(\p{Lu}[\p{L}.\-]*(?:\s+\p{Lu}[\p{L}.\-]*){0,3})(?:[’']s)?\s+((?:\p{Ll}[\p{Ll}\-]*\s+){0,2}\p{Ll}[\p{Ll}\-]*)$/u.exec(t);
    if (!own) return null;
    const role = own[2]!;
    const head = role.split(/\s+/u).pop()!;
    if (!ROLE_NOUNS.has(head) && !ANONYMOUS_HEADS.has(head)) return null;
    if (/s$/u.test(head) && !ROLE_NOUNS.has(head)) return null;
    const ownerKey = own[1]!.toLowerCase();
    // "the Democratic front-runner", "Republican presidential nominee": a party is no owner; the
    // description with its party is read as a role (nobody fits one who has another party)
    if (PARTY_WORDS.has(ownerKey)) return this.roleDescription({ ...m, text: `the ${own[1]!} ${role}` });
    const byRole = this.roleDescription({ ...m, text: `the ${role}` });
    if (byRole && !ownerKey.includes(byRole.canonical.toLowerCase().split(/\s+/u).pop()!)) return byRole;
    // the next sentence, in this paragraph or the next, opening with a person not named before
    const si = sentenceAt(this.doc, m.start);
    const ahead = this.namedAhead(m, own[1]!, head);
    if (ahead) return ahead;
    const next = this.doc.sentences[si + 1];
    if (!next || next.paragraph > (this.paraOf[si] ?? 0) + 1) return null;
    const lo = this.refIndex(next.start, false);
    const r = this.refs[lo];
    if (!r || r.at > next.start + 2 || !r.cluster || !isPersonRef(r) || r.cluster.first < m.end) return null;
    if (!r.cluster.gender && !r.entity.roles.length && r.cluster.parts.length < 2) return null;
    return r.entity;
  }

  /**
   * "NATO’s secretary general called on … . ¶ “…,” NATO Secretary General Jo Bloggs said": the
   * person named later, in this paragraph or the next two, with the owner and the role's head right
   * before the name ("NATO Secretary General Jo Bloggs") or right after it ("Jo Bloggs, NATO’s
   * secretary general"). The nearest such person; null when none is named so.
   */
  private namedAhead(m: Mention, owner: string, head: string): Entity | null {
    const text = this.doc.text;
    const para = this.paraOf[sentenceAt(this.doc, m.start)] ?? 0;
    const seen = this.resolver.seen;
    const lo = lowerBound(seen, m.end, (x) => x.at);
    const words = (s: string) => s.toLowerCase().replace(/[’']s(?![\p{L}])/gu, "").split(/[^\p{L}.\-]+/u);
    // ("A source": a determiner is no owner)
    const ownerWords = words(owner).filter((w) => w && !/^(?:a|an|the)$/u.test(w));
    if (!ownerWords.length) return null;
    for (let i = lo; i < seen.length && i < lo + 40; i++) {
      const s = seen[i]!;
      if (s.cluster.entity.kind !== "person") continue;
      if ((this.paraOf[sentenceAt(this.doc, s.at)] ?? 0) > para + 2) break;
      // the owner and the role's head in the words just before the name, or in an appositive after it
      // (a name mention's span holds the title run before the name: "NATO Secretary General Jo Bloggs")
      // (never the description's own words: "an NBC reporter asked Jo Bloggs")
      const before = words(text.slice(Math.max(m.end, s.at - 50), s.end)).slice(-8);
      const app = /^,\s+([^,.;:()“”"]{2,60})/u.exec(text.slice(s.end, s.end + 64));
      const after = app ? words(app[1]!) : [];
      const fits = (ws: string[]) => ws.includes(head) && ownerWords.every((w) => ws.includes(w));
      if (fits(before) || fits(after)) return s.cluster.entity;
    }
    return null;
  }

  /**
   * The author of "the report", "the ad", "the letter": whoever the article just said put it out
   * ("Harbour Watch released a report on Monday. ¶ The report said …"): the subject of a sentence of
   * this paragraph or the one before, at most two sentences back, whose verb of publishing has a
   * document as its object. Null when no sentence says so.
   */
  private author(pos: number, head?: string): Entity | null {
    const si = sentenceAt(this.doc, pos);
    const para = this.paraOf[si] ?? 0;
    const text = this.doc.text;
    for (let k = si; k >= 0 && k >= si - 2; k--) {
      const sent = this.doc.sentences[k]!;
      if ((this.paraOf[k] ?? 0) < para - 1) break;
      const end = Math.min(sent.end, k === si ? pos : sent.end);
      const part = text.slice(sent.start, end);
      // "Reyes has a framed, handwritten note from Ann Ruiz": the document named with its sender
      if (head) {
        for (const f of part.matchAll(DOCUMENT_FROM)) {
          if (f[1]!.toLowerCase() !== head) continue;
          const at = sent.start + f.index + f[0].length;
          const r = this.refs.find((x) => x.at === at);
          if (r && !r.plural && (isBodyRef(r) || personLike(r) || r.entity.kind === "person")) return r.entity;
        }
      }
      // "A Harbour Trust memo was released": the name inside the document's own phrase
      const passive = PUT_OUT_PASSIVE.exec(part);
      if (passive && isDocumentHead(passive[1]!.toLowerCase())) {
        const from = sent.start + passive.index;
        const inner = this.refs.find((r) => r.at >= from && r.at < from + passive[0].length && !r.plural && (isBodyRef(r) || personLike(r)));
        if (inner) return inner.entity;
      }
      let verbAt = -1;
      const pub = PUBLISHED.exec(part);
      if (pub && pub[1]!.toLowerCase().split(/\s+/u).some(isDocumentHead)) verbAt = sent.start + pub.index;
      // "Jo Bloggs emailed supporters … The email said": the verb is the sending
      const sentAs = verbAt < 0 && head ? SENT_AS.exec(part) : null;
      if (sentAs && SENT_HEADS.get(sentAs[1]!)!.includes(head!)) verbAt = sent.start + sentAs.index;
      // "Harbourline contended in its letter that …": the subject's own document
      const own = verbAt < 0 ? OWN_DOCUMENT.exec(part) : null;
      if (own && own[1]!.toLowerCase().split(/\s+/u).some(isDocumentHead)) verbAt = sent.start + own.index;
      if (verbAt < 0) continue;
      // the name right before the verb ("The Times said Jo Bloggs provided a statement"), else the
      // first name of that sentence before the verb, if it is no object ("sent to Jo Bloggs")
      const lo = this.refIndex(sent.start, false);
      let r = this.refs[lo];
      for (let i = lo; i < this.refs.length && this.refs[i]!.at < verbAt; i++) {
        const x = this.refs[i]!;
        if (x.end !== undefined && !x.oblique && /^(?:[’']s\s+\p{Ll}+|\s+(?:\p{Ll}+ly|also|then|has|had|have|quickly|later))*\s*$/u.test(text.slice(x.end, verbAt))) r = x;
      }
      if (!r || r.at >= verbAt || r.oblique || r.plural || r.sentence !== k) continue;
      if (!isBodyRef(r) && !personLike(r)) continue;
      return r.entity;
    }
    return null;
  }

  /** The first outlet the next two sentences name that was not named before `m` ("a harbour newspaper said … The Harbour Courier had …"). */
  private outletAhead(m: Mention): Entity | null {
    const si = sentenceAt(this.doc, m.start);
    const last = this.doc.sentences[Math.min(si + 2, this.doc.sentences.length - 1)];
    if (!last) return null;
    for (let i = this.refIndex(m.end, false); i < this.refs.length && this.refs[i]!.at < last.end; i++) {
      const r = this.refs[i]!;
      if (mediaRef(r) && !r.plural && (r.cluster?.first ?? 0) >= m.end && this.paraOf[r.sentence]! <= (this.paraOf[si] ?? 0) + 1) return r.entity;
    }
    return null;
  }

  /** "the company", "the newspaper", "the governor" → the body or person the article names, or null. */
  description(m: Mention): Entity | null {
    // "a harbour newspaper said" (the mention read as its head alone): an outlet the article names next
    const bare = m.text.trim().toLowerCase().split(/\s+/u);
    if (!m.name && bare.length <= 5 && MEDIA_HEADS.has(bare[bare.length - 1]!)) {
      const indefinite = bare[0] === "a" || bare[0] === "an" || (bare.length === 1 && /(?:^|[^\p{L}])(?:a|an)\s+(?:[\p{L}\-]+\s+){0,3}$/iu.test(this.doc.text.slice(Math.max(this.doc.sentences[sentenceAt(this.doc, m.start)]?.start ?? 0, m.start - 40), m.start)));
      if (indefinite) return this.outletAhead(m);
    }
    const words = m.text.toLowerCase().split(/\s+/);
    if (words[0] !== "the" || words.length > 4) return null;
    // "the 46-year-old", "the 55-year-old Frenchman"
    const age = words.length <= 3 ? /^(\d{1,3})-year-old$/u.exec(words[1] ?? "") : null;
    if (age) return this.byAge(m, age[1]!);
    if (m.text.slice(1).match(/\p{Lu}/u) && !/^the\s+[\p{Ll}\s\-]+$/iu.test(m.text.toLowerCase())) return null;
    const head = roleNounOf(words[words.length - 1]!);
    if (BODY_HEADS.has(head) || MEDIA_HEADS.has(head) || MEDIA_WORDS.has(head)) {
      const named = this.pick(m.start, (r) => isBodyRef(r) && r.entity.canonical.toLowerCase().split(/\s+/).includes(head), null);
      if (named) return named;
      // "the agency" for a government body named with another head ("the State Department … said the agency")
      if (head === "agency") {
        const gov = this.pick(m.start, (r) => isBodyRef(r) && !r.plural && r.entity.canonical.split(/\s+/u).some((w) => GOVERNMENT_HEADS.has(w.toLowerCase())), null);
        if (gov) return gov;
      }
      // a head that says only "a body of some kind" ("the group", "the company", "the firm") stands
      // for the nearest body named, or a capitalised name nothing marks as a person or place
      if (GENERIC_BODY_HEADS.has(head)) {
        // a state's name is where a body is, not the body ("the New York attorney general … the company")
        // a business head is no foundation, school or government body ("the Okafor Family Foundation
        // … the company said" is the company named before it)
        const business = BUSINESS_HEADS.has(head);
        const notBusiness = (r: Ref) => business && NON_BUSINESS_HEADS.has(r.entity.canonical.split(/\s+/u).pop()!.toLowerCase());
        const body = this.pick(m.start, (r) => !r.plural && r.entity.kind !== "media" && !STATE_NAMES.has(r.entity.canonical.toLowerCase()) && !notBusiness(r) && (isBodyRef(r) || (r.entity.kind === "person" && !r.speaker && !r.cluster?.gender && !r.cluster?.aged && !r.cluster?.placeLike && r.entity.roles.length === 0 && nameOk(r) && !groupName(r.entity.canonical))), null);
        if (body) {
          if (body.kind === "person") body.kind = "organisation";
          return body;
        }
      }
      const media = MEDIA_WORDS.has(head) || head === "paper" || head === "newspaper";
      // "the administration" after "the White House" is not the White House: only an outlet is
      // taken without its head word in the name ("The Harbour Courier … the newspaper said")
      if (!media) return null;
      // a newspaper is no news agency or broadcaster ("the Associated Press", "CNN")
      const print = head === "newspaper" || head === "paper";
      const outlet = this.pick(m.start, (r) => ((isBodyRef(r) && (!!r.cluster?.titled || r.entity.canonical.split(/\s+/).some((w) => MEDIA_WORDS.has(w.toLowerCase())))) || mastheadRef(r)) && !r.plural && !(print && NOT_PRINT.test(r.entity.canonical)), null);
      if (outlet?.kind === "person") outlet.kind = "media";
      return outlet;
    }
    // an editorial is an outlet's: the nearest outlet named, else the one the next sentences name
    if (head === "editorial") return this.author(m.start) ?? this.pick(m.start, (r) => !r.plural && mediaRef(r), null) ?? this.outletAhead(m);
    if (isDocumentHead(head) && !SPOKEN_HEADS.has(head)) return this.author(m.start, head) ?? this.documentNamed(m, head);
    if (ROLE_NOUNS.has(head) && !ANONYMOUS_HEADS.has(head)) {
      const want = words.slice(1).join(" ");
      const g = genderOfWords(want);
      // (a deputy's office is not the office: "Vice President Tom Reyes" is no "the president")
      const hasRole = (r: Ref) => r.entity.roles.some((role) => {
        const rw = role.toLowerCase().split(/\s+/).map((w) => ROLE_ABBREV.get(w) ?? w);
        return (rw[rw.length - 1] === head && !(DEPUTY_WORDS.has(rw[rw.length - 2] ?? "") && !words.includes(rw[rw.length - 2]!))) || rw.join(" ") === want;
      });
      // an office the description names is no one's whom the article gave another office only
      // ("the president" is not "Vice President Tom Reyes" nor "Gov. Ann Ruiz")
      const otherOffice = (r: Ref) => OFFICE_WORDS.has(head) && !words.some((w) => DEPUTY_WORDS.has(w)) && r.entity.roles.length > 0 && r.entity.roles.every((role) => {
        const rw = roleWords(role);
        const last = rw[rw.length - 1] ?? "";
        return last !== head && (OFFICE_WORDS.has(baseRole(last)) || last.includes("-"));
      });
      // a party the description names rules out whoever the article introduced with another
      // ("Republican Jo Bloggs … the Democratic front-runner said")
      const parties = words.map((w) => PARTY_WORDS.get(w)).filter((x): x is string => !!x);
      const party = (r: Ref) => !parties.length || !r.cluster || ![...this.profile(r.cluster).parties].some((x) => !parties.includes(x));
      // and a state it names, whoever the article tied to another ("Sen. Jo Bloggs, R-Iowa … the
      // Florida senator said")
      const states = readStates(words.slice(1)).filter((x) => x.state).map((x) => x.word);
      const state = (r: Ref) => {
        if (!states.length || !r.cluster) return true;
        const known = this.profile(r.cluster).states;
        return !known.size || states.every((x) => known.has(x));
      };
      const byRole = this.pick(m.start, (r) => isPersonRef(r) && hasRole(r) && party(r) && state(r), g);
      if (byRole) return byRole;
      // a nation the description names ("the Russian leader") is first someone the article introduced
      // with it ("Russian President Vladimir Volkov"), before whoever was named last
      const nations = nationsOf(m.text);
      if (nations.length) {
        // (or with its country: "Russian" and "Russia", "Chinese" and "China" share their first four
        // letters; "French" and "France" are written out)
        const country = (x: string) => IRREGULAR_NATIONS.get(x) ?? x.slice(0, 4);
        const ofNation = (p: Profile, x: string) => p.words.has(x) || [...p.countries, ...p.words].some((c) => c.length >= 4 && (c === IRREGULAR_NATIONS.get(x) || c.slice(0, 4) === country(x)));
        const carried = this.pick(m.start, (r) => isPersonRef(r) && !!r.cluster && nations.every((x) => ofNation(this.profile(r.cluster!), x)) && party(r), g);
        if (carried) return carried;
      }
      // a gendered head ("the businessman") first looks past a person of the other gender, even one a
      // first name only suggests; with no one else, the first name's gender may be wrong
      // and past a person introduced in an office ("Russian President Vladimir Putin"): an office
      // holder is "the president", not "the businessman" no one was introduced as
      const noOffice = (r: Ref) => !r.entity.roles.some((role) => role.toLowerCase().split(/[\s\-]+/u).some((w) => OFFICE_WORDS.has(ROLE_ABBREV.get(w) ?? w)));
      // and never a person the article introduced in another part of a case ("My lawyer, Ben
      // Brafman, … the judge said" is not Brafman): a courtroom's parts exclude each other, where
      // occupations and offices elsewhere do not ("the speechwriter" may be the former aide)
      const part = COURT_PART.get(head);
      const otherRole = (r: Ref): boolean => {
        if (!part || !r.cluster) return false;
        const w = this.profile(r.cluster).words;
        return !w.has(head) && [...w].some((x) => COURT_PART.has(x) && COURT_PART.get(x) !== part);
      };
      if (g) {
        const fits = this.pick(m.start, (r) => personLike(r) && party(r) && !otherRole(r) && (!r.cluster?.gender || r.cluster.gender === g) && (OFFICE_WORDS.has(head) || noOffice(r)), g)
          ?? this.pick(m.start, (r) => personLike(r) && party(r) && !otherRole(r) && (!r.cluster?.gender || r.cluster.gender === g), g);
        if (fits) return fits;
      }
      return this.pick(m.start, (r) => personLike(r) && party(r) && !otherRole(r) && !otherOffice(r) && (!g || !r.cluster?.genderSure || r.cluster.gender === g), g);
    }
    return null;
  }
}
