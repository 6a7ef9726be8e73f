// Data only: the words behind the unattributed-claims detector (../claims.ts).
// Every entry is lower case; multiword entries are space-separated tokens as the tokenizer yields them.

/** Adverbs that report without saying who reported: "Kim reportedly told …". */
export const HEDGE_ADVERBS: ReadonlySet<string> = new Set([
  "reportedly", "allegedly", "apparently", "purportedly", "supposedly", "reputedly", "ostensibly",
  "rumoredly", "rumouredly",
]);

/**
 * Hedge phrases, matched as token sequences. "*be*" stands for any form of "be"; "*adv*" for an optional
 * adverb of HEDGE_PHRASE_ADVERBS.
 */
export const HEDGE_PHRASES: readonly string[] = [
  "*be* *adv* said to",
  "*be* *adv* believed to",
  "*be* *adv* rumored to",
  "*be* *adv* rumoured to",
  "*be* *adv* understood to",
  "*be* *adv* reported to",
  "*be* *adv* alleged to",
  "*be* *adv* claimed to",
  "*be* *adv* reputed to",
  "it *be* understood",
  "it *be* believed",
  "it *be* alleged",
  "it *be* claimed",
  "it *be* rumored",
  "it *be* rumoured",
  "it *be* reported",
  "it *be* said",
  "it *be* thought", "it *be* feared", "it *be* suggested", "it *be* argued", "it *be* widely believed",
  "it has been said", "it has been suggested", "it has been reported", "it has been claimed",
  "it has been alleged", "it had been thought", "it has long been thought",
  "there *be* reports",
  "there *be* unconfirmed reports",
  "there *be* rumors",
  "there *be* rumours",
  "reports suggested", "reports suggest", "reports said", "reports say", "reports indicated",
  "reports indicate", "reports claimed", "reports claim",
  "unconfirmed reports", "media reports", "press reports", "according to reports",
  "rumors suggested", "rumours suggested", "rumors say", "rumours say",
  "word is",
];

/** Adverbs allowed between "be" and the participle of a hedge or judgement passive. */
export const PASSIVE_ADVERBS: ReadonlySet<string> = new Set([
  "widely", "generally", "commonly", "broadly", "often", "sometimes", "frequently", "long", "also",
  "now", "still", "largely", "increasingly", "privately", "publicly", "already", "not", "never",
  "even", "usually", "routinely", "repeatedly", "reportedly", "allegedly", "once", "previously",
  "further", "roundly", "universally", "popularly", "variously", "openly", "currently", "strongly",
  "so", "too", "easily", "quickly",
]);

/** Adverbs that make a bare participle vague on their own: "widely considered one of …". */
export const VAGUE_PARTICIPLE_ADVERBS: ReadonlySet<string> = new Set([
  "widely", "generally", "commonly", "broadly", "popularly", "universally", "long", "often",
]);

/**
 * Participles of judgement: "X is seen as …", "X has been accused of …". The value lists the words
 * that may follow the participle ("" = anything, e.g. "considered a threat").
 */
export const JUDGEMENT_PARTICIPLES: ReadonlyMap<string, readonly string[]> = new Map([
  ["seen", ["as"]],
  ["viewed", ["as"]],
  ["regarded", ["as"]],
  ["perceived", ["as"]],
  ["considered", [""]],
  ["deemed", [""]],
  ["thought", ["to", "of"]],
  ["expected", ["to"]],
  ["described", ["as"]],
  ["characterized", ["as"]],
  ["characterised", ["as"]],
  ["portrayed", ["as"]],
  ["branded", [""]],
  ["labeled", [""]],
  ["labelled", [""]],
  ["touted", ["as"]],
  ["hailed", ["as"]],
  ["billed", ["as"]],
  ["tipped", ["to", "as", "for"]],
  ["accused", ["of"]],
  ["blamed", ["for"]],
  ["criticized", ["for", "as", "."]],
  ["criticised", ["for", "as", "."]],
  ["implicated", ["in"]],
  ["suspected", ["of", "to"]],
  ["feared", ["to"]],
  ["presumed", ["to"]],
  ["dismissed", ["as"]],
  ["interpreted", ["as"]],
  ["praised", ["for", "as", "."]],
  ["condemned", ["as", "."]],
]);

/** Agents after "by" that are no source at all: "viewed by some as …". */
export const VAGUE_AGENTS: ReadonlySet<string> = new Set([
  "some", "many", "others", "most", "critics", "observers", "experts", "analysts", "people", "few",
  "several", "commentators", "skeptics", "sceptics", "detractors", "opponents",
]);

/** Verbs and nouns of criticism without a critic: "has faced sharp criticism", "came under fire". */
export const CRITICISM_VERBS: ReadonlySet<string> = new Set([
  "draw", "draws", "drew", "drawn", "drawing",
  "face", "faces", "faced", "facing",
  "attract", "attracts", "attracted", "attracting",
  "receive", "receives", "received", "receiving",
  "take", "takes", "took", "taken", "taking",
  "come under", "comes under", "came under", "coming under",
  "met with", "meet with", "meets with", "meeting with",
  "catch", "catches", "caught", "catching",
]);
export const CRITICISM_NOUNS: ReadonlySet<string> = new Set([
  "criticism", "fire", "heat", "flak", "flack", "backlash", "condemnation", "opposition",
]);
/** Nouns that need a verb of CRITICISM_VERBS other than "take" ("took heat", not "took fire"). */
export const CRITICISM_TAKE_NOUNS: ReadonlySet<string> = new Set(["heat", "flak", "flack"]);

/** Words that quantify a vague group: "many believe", "some experts say". */
export const QUANTIFIERS: readonly string[] = [
  "many", "some", "most", "few", "several", "numerous", "various", "countless", "others", "other",
  "a few", "a number of", "a growing number of", "a lot of", "lots of", "a majority of", "a handful of",
  "plenty of", "a host of", "more and more", "a chorus of", "multiple", "a slew of", "scores of",
];

/** Groups that stay vague without a quantifier: "experts say", "critics argue". */
export const VAGUE_GROUPS: ReadonlySet<string> = new Set([
  "experts", "analysts", "critics", "observers", "commentators", "pundits", "skeptics", "sceptics",
  "detractors", "activists", "advocates", "scholars", "economists", "scientists", "researchers",
  "specialists", "historians", "strategists", "insiders",
]);

/**
 * Groups that are vague only when described without a name: "human rights groups warned",
 * "supporters in Congress say", "party leaders worried" (but a bare "leaders agreed" points back).
 */
export const VAGUE_GROUPS_MODIFIED: ReadonlySet<string> = new Set([
  "leaders", "groups", "supporters", "opponents", "proponents", "defenders", "campaigners",
  "policymakers", "diplomats", "watchers", "organizations", "organisations",
]);

/**
 * Plural nouns of people after a quantifier ("many Canadians", "several cast members"): these words,
 * or the endings of PERSON_PLURAL_ENDINGS.
 */
export const PERSON_PLURALS: ReadonlySet<string> = new Set([
  "people", "folks", "police", "experts", "analysts", "critics", "democrats", "republicans",
  "conservatives", "liberals", "progressives", "moderates", "independents", "evangelicals", "families",
  "parents", "children", "students", "citizens", "voters", "members", "officials", "leaders",
  "lawmakers", "legislators", "politicians", "diplomats", "journalists", "reporters", "activists",
  "groups", "sources", "aides", "advisers", "advisors", "insiders", "staffers", "economists",
  "scientists", "men", "women", "others", "veterans", "elites", "delegates", "donors", "insiders",
  "fans", "colleagues", "allies", "friends", "rivals", "peers", "experts", "pundits", "scholars",
  "skeptics", "sceptics", "officers", "troops", "soldiers", "workers", "users", "whites", "blacks",
  "latinos", "hispanics", "catholics", "muslims", "jews", "christians", "protestants", "baptists",
  "candidates", "nominees", "senators", "governors", "mayors", "diplomats", "investigators",
]);
export const PERSON_PLURAL_ENDINGS: readonly string[] = [
  "ers", "ors", "ists", "ians", "ans", "ants", "ents", "ives", "ites", "ees", "eers", "ics", "ards", "crats", "smen", "swomen", "rmen",
];

/** Groups that are anonymous sources: "sources said", "officials told", "his advisers say". */
export const ANONYMOUS_SOURCES: ReadonlySet<string> = new Set([
  "source", "sources", "official", "officials", "aide", "aides", "adviser", "advisers", "advisor",
  "advisors", "insider", "insiders", "staffer", "staffers", "confidant", "confidants", "confidante",
  "associate", "associates", "operative", "operatives", "diplomat", "diplomats", "whistleblower",
  "whistleblowers", "witness", "witnesses",
]);

/** Anonymous sources that an organisation before them ("State Department officials") names well enough. */
export const ORGANISATION_VOICES: ReadonlySet<string> = new Set(["official", "officials"]);

/** "a person familiar with the matter", "people close to the president". */
export const ANONYMOUS_PERSON_NOUNS: ReadonlySet<string> = new Set(["person", "people", "someone", "individuals", "individual"]);
export const ANONYMOUS_PERSON_QUALIFIERS: readonly string[] = [
  "familiar with", "close to", "briefed on", "with knowledge of", "with direct knowledge of",
  "knowledgeable about", "involved in", "aware of", "privy to",
];

/** Phrases that mark the whole sentence as coming from someone unnamed. */
export const ANONYMITY_PHRASES: readonly string[] = [
  "on condition of anonymity", "on the condition of anonymity", "on condition that they not be named",
  "on condition that he not be named", "on condition that she not be named", "requested anonymity",
  "request anonymity", "requesting anonymity", "asked not to be named", "asked not to be identified",
  "declined to be named", "declined to be identified", "not authorized to speak", "not authorised to speak",
  "speaking anonymously", "spoke anonymously", "insisted on anonymity", "granted anonymity",
];

/** Verbs of saying, believing and feeling that turn a vague group into a source. */
export const STANCE_VERBS: ReadonlySet<string> = new Set([
  "say", "says", "said", "saying", "tell", "tells", "told", "believe", "believes", "believed",
  "think", "thinks", "thought", "feel", "feels", "felt", "argue", "argues", "argued", "claim",
  "claims", "claimed", "contend", "contends", "contended", "suggest", "suggests", "suggested",
  "note", "notes", "noted", "warn", "warns", "warned", "worry", "worries", "worried", "fear",
  "fears", "feared", "suspect", "suspects", "suspected", "agree", "agrees", "agreed", "complain",
  "complains", "complained", "speculate", "speculates", "speculated", "insist", "insists",
  "insisted", "maintain", "maintains", "maintained", "assert", "asserts", "asserted", "predict",
  "predicts", "predicted", "expect", "expects", "doubt", "doubts", "doubted", "question", "questions",
  "questioned", "charge", "charges", "charged", "allege", "alleges", "alleged", "describe",
  "describes", "described", "consider", "considers", "regard", "regards", "regarded", "view",
  "views", "viewed", "hope", "hopes", "hoped", "wonder", "wonders", "wondered", "acknowledge",
  "acknowledges", "acknowledged", "emphasize", "emphasizes", "emphasized", "emphasise",
  "emphasises", "emphasised", "stress", "stresses", "stressed", "concede", "concedes", "conceded",
  "caution", "cautions", "cautioned", "estimate", "estimates", "estimated", "accuse", "accuses",
  "accused", "link", "links", "linked",
  "blame", "blames", "blamed", "confirm", "confirms", "confirmed", "point", "points", "pointed",
  "indicate", "indicates", "indicated", "reveal", "reveals", "revealed", "recall", "recalls",
  "recalled", "explain", "explains", "explained", "add", "adds", "added", "insinuate", "fret",
  "frets", "fretted", "contemplate", "contemplates", "contemplated", "see", "sees", "saw",
  "reckon", "reckons", "reckoned", "disagree", "disagrees", "disagreed", "dispute", "disputes",
  "disputed", "deny", "denies", "denied", "admit", "admits", "admitted", "urge", "urges", "urged",
  "dub", "dubs", "dubbed", "report", "reported", "mention", "mentions", "mentioned", "oppose", "opposes", "opposed", "assess",
  "assesses", "assessed", "know", "knows", "knew", "contest", "contests", "contested",
]);

/** Verbs of STANCE_VERBS that need a following "as"/"that"/object clue to mean a stance ("see as"). */
export const STANCE_VERBS_NEEDING_AS: ReadonlySet<string> = new Set([
  "see", "sees", "saw", "view", "views", "viewed", "regard", "regards", "regarded", "consider",
  "considers", "describe", "describes", "described", "assess", "assesses", "assessed",
]);

/** Adjectives of stance after "be": "many farmers are afraid that …". */
export const STANCE_ADJECTIVES: ReadonlySet<string> = new Set([
  "afraid", "worried", "concerned", "surprised", "convinced", "skeptical", "sceptical", "unsettled",
  "confident", "doubtful", "wary", "nervous", "incensed", "angry", "upset", "frustrated", "optimistic",
  "pessimistic", "unconvinced", "alarmed", "dismayed", "troubled", "uneasy", "fearful", "certain",
  "sure", "adamant", "divided", "split", "critical", "exasperated", "furious", "disappointed",
  "eager", "hopeful", "anxious", "unhappy", "disillusioned", "suspicious", "unsure", "uncertain",
]);

/** Words allowed between a group and its verb: auxiliaries and adverbs ("have long argued"). */
export const AUX_ADVERBS: ReadonlySet<string> = new Set([
  "have", "has", "had", "would", "will", "may", "might", "could", "can", "do", "does", "did", "also",
  "still", "long", "increasingly", "privately", "publicly", "openly", "now", "already", "often",
  "generally", "widely", "largely", "even", "repeatedly", "quickly", "frequently", "sometimes",
  "reportedly", "apparently", "further", "loudly", "quietly", "strongly", "firmly", "widely", "too",
  "been", "all", "both", "actually", "really", "seriously", "genuinely", "today", "tuesday",
  "monday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "recently",
  "previously", "once", "then", "similarly", "likewise", "separately", "early", "last",
  "alike", "privately", "mostly", "generally", "overwhelmingly", "just", "only", "now", "increasingly",
]);

export const BE_FORMS: ReadonlySet<string> = new Set([
  "is", "are", "was", "were", "be", "been", "being", "am", "'s", "’s", "isn't", "aren't", "wasn't", "weren't",
]);

/** Determiners that point back to a group already named ("the experts", "these critics"). */
export const ANAPHORIC_DETERMINERS: ReadonlySet<string> = new Set([
  "the", "these", "those", "such", "both", "this", "that", "its", "their", "our", "my", "your",
]);

/** Words that end a backward walk to the start of a clause; WH words are kept inside the clause. */
export const CLAUSE_OPENERS: ReadonlySet<string> = new Set([
  "that", "because", "after", "before", "when", "while", "although", "though", "if", "since",
  "whereas", "unless", "but", "where", "whether", "once", "until", "so", "yet", "and", "or",
]);
export const WH_OPENERS: ReadonlySet<string> = new Set(["which", "who", "whom", "what", "whose"]);

/** Words after a comma that start a new clause, ending the claim before them. */
export const CLAUSE_BREAKERS: ReadonlySet<string> = new Set([
  "but", "while", "although", "though", "whereas", "even though", "yet", "and",
]);

/** Negations that undo a verb of saying ("haven't said much"). */
export const NEGATIONS: ReadonlySet<string> = new Set([
  "not", "never", "n't", "haven't", "hasn't", "hadn't", "didn't", "don't", "doesn't", "won't",
  "wouldn't", "cannot", "can't", "couldn't", "no",
]);

/** Words that introduce a named member of a group: "critics such as Smith". */
export const NAMING_INTRODUCERS: readonly string[] = ["such as", "including", "like", "among them", "led by", "notably"];

/** Capitalised words that premodify "officials" without naming an organisation. */
export const GENERIC_PREMODIFIERS: ReadonlySet<string> = new Set([
  "u.s.", "us", "american", "western", "european", "federal", "state", "senior", "administration",
  "government", "military", "intelligence", "security", "police", "republican", "democratic", "gop",
  "campaign", "party", "congressional", "local", "top", "former", "current",
  "foreign", "chinese", "russian", "british", "israeli", "iranian", "korean", "north", "south",
  "japanese", "french", "german", "indian", "pakistani", "afghan", "iraqi", "syrian", "turkish",
  "ukrainian", "saudi", "mexican", "canadian", "australian", "some", "two", "three", "several",
  "other", "one", "many", "city", "county", "health", "election", "law", "enforcement", "defense",
  "defence", "trade",
]);

/** Singular-noun determiners that leave a source unnamed: "a senior official", "one source". */
export const INDEFINITES: ReadonlySet<string> = new Set(["a", "an", "one", "another", "two", "three", "four", "several", "some", "other", "many", "multiple"]);

/** Plural nouns that are no people, so never a vague group ("some 35 percent"). */
export const NON_PERSON_PLURALS: ReadonlySet<string> = new Set([
  "percent", "years", "days", "months", "weeks", "times", "things", "ways", "cases", "issues",
  "questions", "points", "dollars", "millions", "billions", "hours", "minutes", "parts", "areas",
]);

/** Function words: they end a backward walk over the modifiers of a group noun. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your",
  "of", "in", "on", "at", "to", "for", "with", "by", "from", "about", "as", "into", "over", "after",
  "before", "and", "or", "but", "nor", "so", "yet", "if", "when", "while", "because", "although",
  "though", "since", "than", "who", "whom", "which", "what", "whose", "where", "he", "she", "it", "they",
  "we", "i", "you", "him", "them", "us", "me", "is", "are", "was", "were", "be", "been", "being", "has",
  "have", "had", "do", "does", "did", "will", "would", "can", "could", "may", "might", "should", "must",
  "not", "no", "said", "says", "say", "told", "according", "also", "both", "such", "there", "here",
  "all", "any", "each", "every", "even", "only", "just", "more", "less", "against", "among", "between",
  "through", "during", "without", "within", "under", "like", "including", "whether", "why", "how",
]);

/** Prepositions that may follow a group before its verb: "experts on the region said". */
export const GROUP_PREPOSITIONS: ReadonlySet<string> = new Set([
  "in", "on", "at", "of", "from", "for", "with", "to", "across", "around", "within", "inside",
  "outside", "close", "near", "throughout", "behind",
]);

/** Unnamed studies: "one study found", "a recent analysis shows". */
export const STUDY_NOUNS: ReadonlySet<string> = new Set([
  "study", "studies", "analysis", "analyses", "survey", "surveys", "research", "report", "reports", "estimate",
  "estimates", "polls", "polling", "review", "reviews", "evidence",
]);
export const STUDY_VERBS: ReadonlySet<string> = new Set([
  "found", "finds", "find", "show", "shows", "showed", "shown", "suggest", "suggests", "suggested",
  "concluded", "concludes", "conclude", "agree", "agrees", "agreed", "indicate", "indicates",
  "indicated", "estimated", "estimates", "predict", "predicts", "predicted",
]);

/** Verbs of saying that may precede the source in inverted order: "…, said one source". */
export const INVERTED_SAY: ReadonlySet<string> = new Set([
  "said", "says", "say", "told", "added", "noted", "explained", "argued", "warned", "wrote", "insisted",
  "acknowledged", "claimed", "recalled", "suggested", "conceded", "cautioned", "confirmed",
]);

/** Adjectives allowed between a verb of criticism and its noun: "came under withering criticism". */
export const CRITICISM_ADJECTIVES: ReadonlySet<string> = new Set([
  "withering", "sharp", "heavy", "growing", "intense", "fierce", "harsh", "widespread", "strong",
  "mounting", "renewed", "bipartisan", "stiff", "considerable", "much", "some", "severe", "scathing",
  "public", "international", "increasing", "new", "fresh", "more", "significant", "broad", "little",
  "a", "lot", "of", "stinging", "blistering", "heated", "serious",
]);

/** Subordinating words: a clause they open ends at the next comma ("While X is thought to …, it …"). */
export const SUBORDINATORS: ReadonlySet<string> = new Set([
  "while", "although", "though", "if", "when", "because", "since", "whereas", "unless", "after",
  "before", "once", "until",
]);

/** Participles that may stand without "be" after a comma or "and": ", considered the only …". */
export const REDUCED_PARTICIPLES: ReadonlySet<string> = new Set(["considered", "seen", "regarded", "viewed", "thought", "believed", "deemed", "dismissed", "derided"]);

/**
 * Participles that are passive whenever their preposition follows at once, even without "be":
 * "a foreign contractor accused of spying", "opportunities seen as beneficial". (The active verb
 * would need an object first: "viewed him as".) The value is the preposition. Not "accused of": bare,
 * it is mostly a legal charge ("people accused of murder"), which the article sources elsewhere.
 */
export const BARE_PASSIVES: ReadonlyMap<string, string> = new Map([
  ["seen", "as"], ["viewed", "as"], ["regarded", "as"], ["perceived", "as"], ["described", "as"],
  ["characterized", "as"], ["characterised", "as"], ["portrayed", "as"], ["blamed", "for"], ["implicated", "in"], ["suspected", "of"], ["rumored", "to"], ["rumoured", "to"],
  ["believed", "to"], ["thought", "to"], ["expected", "to"],
]);

/** Words that, right before a bare participle, make it active or perfect ("he expected to", "has seen as"). */
export const ACTIVE_SUBJECTS: ReadonlySet<string> = new Set([
  "he", "she", "they", "i", "we", "you", "it", "who", "have", "has", "had", "having", "that", "which",
]);

/** Verbs whose object a following group is ("told aides that …"): the group is no source. */
export const OBJECT_VERBS: ReadonlySet<string> = new Set([
  "told", "tell", "tells", "telling", "asked", "ask", "asks", "urged", "urge", "urges", "warned",
  "reminded", "assured", "briefed", "informed", "convinced", "persuaded", "met", "hired", "fired",
  "thanked", "called", "named", "appointed", "sent",
]);

/** Auxiliaries: after "and"/"but" they continue the subject's clause ("X signalled … but has been met …"). */
export const AUXILIARIES: ReadonlySet<string> = new Set([
  "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may", "might",
  "should", "must", "does", "did", "do",
]);

/** Plural nouns that speak for an institution ("…, police said"): no vague group. */
export const INSTITUTIONAL_PLURALS: ReadonlySet<string> = new Set([
  "police", "prosecutors", "authorities", "investigators", "officers", "regulators", "judges",
  "firefighters", "troops", "forces", "rescuers", "paramedics", "organizers", "organisers",
]);

/** Words of saying that, outside the quotation marks of a paragraph, show its quotes have a speaker. */
export const SPEECH_CONTEXT: ReadonlySet<string> = new Set([
  "said", "says", "say", "told", "tells", "added", "asked", "asks", "replied", "wrote", "writes",
  "tweeted", "according", "explained", "continued", "recalled", "noted", "insisted", "argued",
  "declared", "stated", "remarked", "answered", "responded", "saying", "adding", "statement",
]);

// ---- structure of the agent's noun phrase (decision 007) ----------------------------------------

/**
 * Singular nouns of a role that stay anonymous behind an indefinite determiner: "a scientist at the
 * institute said", "an expert cited in the report said", "a private security professional told".
 */
export const UNNAMED_ROLES: ReadonlySet<string> = new Set([
  "spokesman", "spokeswoman", "spokesperson", "expert", "scientist", "witness", "analyst", "economist",
  "researcher", "strategist", "observer", "critic", "lawyer", "attorney", "professional", "employee",
  "resident", "participant", "consultant", "veteran", "strategist", "operative", "lobbyist", "donor",
  "supporter", "member", "officer", "investigator", "staff member", "worker", "executive", "banker",
  "diplomat", "negotiator", "teacher", "doctor", "nurse", "historian", "scholar",
]);

/** Roles that speak for the body named after them ("a spokesman for the Harbour Board"): not anonymous. */
export const BODY_VOICES: ReadonlySet<string> = new Set([
  "official", "officials", "spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen",
  "spokespeople", "representative", "representatives", "member", "members", "executive", "executives",
]);

/** Adjectives that make any source anonymous: "unnamed sources", "an anonymous official". */
export const ANONYMITY_ADJECTIVES: ReadonlySet<string> = new Set([
  "unnamed", "anonymous", "unidentified", "confidential", "undisclosed",
]);

/** Participles of a reduced relative between a source and its verb: "a witness interviewed by … said". */
export const RELATIVE_PARTICIPLES: ReadonlySet<string> = new Set([
  "interviewed", "cited", "quoted", "contacted", "reached", "briefed", "polled", "surveyed", "asked",
  "questioned", "consulted", "speaking", "based", "working", "involved",
]);

/** Plural nouns of news media: "multiple outlets reported", "some newspapers said" (a hedge). */
export const MEDIA_PLURALS: ReadonlySet<string> = new Set([
  "outlets", "media", "newspapers", "publications", "tabloids", "broadcasters", "networks", "websites",
]);

/** Participles of depiction or promotion: flagged only with a vague agent ("billed by some as"). */
export const DEPICTION_PARTICIPLES: ReadonlySet<string> = new Set([
  "portrayed", "billed", "touted", "marketed", "advertised", "pitched", "styled", "promoted", "cast",
]);

/**
 * Words after "considered"/"deemed" that show the sense "examined", not "judged": "Applications will be
 * considered in the order they arrive."
 */
export const NON_COMPLEMENTS: ReadonlySet<string> = new Set([
  "in", "for", "at", "on", "during", "when", "after", "before", "until", "and", "or", "but", "under",
  "within", "soon", "later", "carefully", "first", "next", "separately", "together", "individually",
  "by", "from", "with", "without", "if", "whether", "again", "further", "today", "tomorrow", "then",
]);

/** Verbs of criticism whose subject is the critic ("X raised questions"): flagged only when it is no person. */
export const AGENT_CRITICISM_VERBS: ReadonlySet<string> = new Set([
  "raise", "raises", "raised", "raising", "prompt", "prompts", "prompted", "prompting", "spark", "sparks",
  "sparked", "sparking", "trigger", "triggers", "triggered", "triggering", "provoke", "provokes",
  "provoked", "provoking",
]);
/** Nouns of doubt that such verbs (and "face", "amid") raise: "has faced questions about …". */
export const DOUBT_NOUNS: ReadonlySet<string> = new Set([
  "questions", "concerns", "concern", "doubts", "scrutiny", "outrage", "criticism", "backlash",
  "controversy", "alarm", "speculation", "suspicion", "suspicions", "fears", "accusations", "allegations",
]);

/** Nouns of an opinion held by nobody named: "one view is that …", "a near-consensus among economists". */
export const OPINION_NOUNS: ReadonlySet<string> = new Set([
  "view", "belief", "perception", "consensus", "near-consensus", "feeling", "sense", "impression",
  "assumption", "notion", "suspicion", "expectation", "expectations", "speculation", "perceptions",
  "wisdom", "thinking", "sentiment",
]);
/** Adjectives that make an opinion noun general: "the widespread belief that …". */
export const GENERAL_ADJECTIVES: ReadonlySet<string> = new Set([
  "widespread", "common", "general", "growing", "popular", "prevailing", "conventional", "broad",
  "widely", "held", "once-solid", "solid", "emerging", "increasing", "lingering", "persistent",
]);

/** Adjectives that hedge the noun after them: "the alleged bribe", "in an apparent attempt". */
export const HEDGE_ADJECTIVES: ReadonlySet<string> = new Set(["alleged", "apparent", "purported", "supposed", "rumored", "rumoured"]);

/** Nouns of unsourced report that a that-clause follows: "amid reports that …", "rumors that …". */
export const REPORT_NOUNS: ReadonlySet<string> = new Set(["reports", "rumors", "rumours", "speculation", "word"]);

/** Verbs that present the group after them as holding a view: "the plan strikes some advocates as timid". */
export const STRIKE_VERBS: ReadonlySet<string> = new Set(["strikes", "strike", "struck", "striking"]);

/** Lines that link to other articles or credit a picture: no flag inside them. */
export const LINK_LINE_STARTS: readonly string[] = [
  "read more", "related", "see also", "watch", "listen", "more", "click here", "sign up", "subscribe",
  "follow", "advertisement", "photo", "photos", "image", "picture", "caption", "credit", "video", "graphic",
  "file photo", "editor's note", "correction",
];

/** Verbs that, after a plural noun phrase starting a clause, make it a source ("local traders say"). */
export const PLAIN_SAY: ReadonlySet<string> = new Set([
  "say", "said", "argue", "argued", "insist", "insisted", "believe", "believed", "fear", "feared",
  "worry", "worried", "complain", "complained", "contend", "contended", "claim", "claimed", "warn",
  "warned", "hope", "hoped", "suspect", "suspected", "think", "thought", "predict", "predicted",
  "doubt", "doubted", "expect", "expected",
]);

/** Participles of judgement or prediction that make a passive vague only with a vague agent: "as predicted by many". */
export const JUDGEMENT_BY_AGENT: ReadonlySet<string> = new Set([
  "predicted", "interpreted", "welcomed", "denounced", "ridiculed", "questioned", "doubted", "mocked",
  "derided", "lauded", "applauded", "celebrated", "feared", "suspected", "disputed", "rejected", "opposed",
  "supported", "favored", "favoured", "blamed", "credited", "read", "understood", "taken", "received",
  "greeted", "met", "embraced", "hailed", "described", "called", "labelled", "labeled", "branded",
]);

/** Nouns of a view after "there is/are": "there are fears that …", "there are growing concerns that …". */
export const THERE_NOUNS: ReadonlySet<string> = new Set([
  "fears", "concerns", "suggestions", "claims", "hopes", "doubts", "worries", "indications", "suspicions",
  "fear", "concern", "suggestion", "hope", "feeling", "sense", "belief", "expectation", "expectations",
]);

/** Capitalised nouns of an institution: "House Democrats say" speak for a named body, not a vague group. */
export const INSTITUTION_NOUNS: ReadonlySet<string> = new Set([
  "house", "senate", "congress", "parliament", "party", "department", "ministry", "council", "committee",
  "board", "union", "assembly", "court", "cabinet", "commission", "agency", "bureau", "office", "league",
  "association", "federation", "campaign", "administration", "government", "company", "bank",
]);
