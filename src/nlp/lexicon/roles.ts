// Data only: titles, roles and the words that mark bodies, media and anonymous sources.

/** Words that make the office after them a deputy's ("vice president", "lieutenant governor"): not that office. */
export const DEPUTY_WORDS: ReadonlySet<string> = new Set(["vice", "lieutenant", "deputy", "assistant", "associate", "under"]);

/** Words that are titles or parts of titles when capitalised before a name ("Foreign Minister"). */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  "president", "vice", "prime", "minister", "foreign", "secretary", "state", "defense", "defence",
  "senator", "sen.", "rep.", "representative", "congressman", "congresswoman", "gov.", "governor",
  "mayor", "chancellor", "king", "queen", "prince", "princess", "pope", "general", "gen.", "chairman",
  "chairwoman", "chair", "chief", "deputy", "speaker", "ambassador", "judge", "justice", "attorney",
  "commissioner", "director", "dr.", "mr.", "mrs.", "ms.", "mx.", "professor", "prof.", "leader",
  "mr", "mrs", "ms", "mx", "dr", "prof", "sen", "gov", "rep", "gen", "lt", "col", "capt", "sgt", "adm",
  "councillor", "councilor", "councilman", "councilwoman", "alderman", "assemblyman", "assemblywoman",
  "spokesman", "spokeswoman", "spokesperson", "senior", "adviser", "advisor", "envoy", "lord", "lady",
  "sir", "dame", "rev.", "reverend", "pastor", "rabbi", "imam", "bishop", "archbishop", "cardinal", "sheikh", "emir", "sultan",
  "crown", "supreme", "commander", "colonel", "col.", "lt.", "lieutenant", "captain", "capt.",
  "sergeant", "sgt.", "admiral", "adm.", "marshal", "premier", "treasury", "interior", "finance",
  "homeland", "security", "health", "education", "energy", "commerce", "trade", "labor", "labour",
  "agriculture", "transportation", "federal", "national", "former", "first", "candidate", "nominee",
  "house", "senate", "majority", "minority", "whip", "press", "communications", "campaign",
  "manager", "executive", "officer", "ceo", "cfo", "founder", "co-founder", "economist", "analyst",
  "coach", "striker", "midfielder", "defender", "goalkeeper", "captain", "manager", "boss",
  "presidential", "democratic", "republican", "democrat", "gop", "acting", "assistant", "associate",
  "special", "counsel", "inspector", "superintendent", "detective", "constable", "officer",
  "ayatollah", "imam", "rabbi", "father", "sister", "brother", "uncle", "aunt", "mother", "son",
  "daughter", "wife", "husband", "dictator", "head", "member", "mp", "mep", "lawmaker", "legislator",
  "host", "anchor", "correspondent", "editor", "reporter", "author", "writer", "chef", "singer",
  "actor", "actress", "star", "player", "champion", "dame", "baroness", "baron", "earl", "duke",
  "duchess", "count", "countess", "minister-president", "undersecretary", "under", "affairs",
  "budget", "environment", "culture", "sports", "sport", "shadow",
  "opposition", "party", "european", "un", "u.n.", "nato", "eu", "us", "u.s.", "uk", "u.k.",
]);

/** Lowercase role nouns: heads of a descriptive mention ("the spokesman", "the North Korean leader"). */
export const ROLE_NOUNS: ReadonlySet<string> = new Set([
  "president", "minister", "secretary", "senator", "governor", "mayor", "chancellor", "king", "queen",
  "prince", "princess", "pope", "general", "chairman", "chairwoman", "chair", "chief", "deputy",
  "speaker", "ambassador", "judge", "justice", "attorney", "commissioner", "director", "professor", "leader",
  "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "envoy", "commander", "premier",
  "candidate", "nominee", "manager", "executive", "officer", "founder", "economist", "analyst",
  "coach", "lawmaker", "legislator", "dictator", "head", "expert", "researcher", "scientist",
  "lawyer", "prosecutor", "diplomat", "negotiator", "strategist", "pollster", "consultant", "aide",
  "official", "source", "insider", "representative", "congressman", "congresswoman", "chairperson",
  "businessman", "businesswoman", "billionaire", "investor", "activist", "campaigner", "critic",
  "author", "writer", "editor", "reporter", "correspondent", "host", "anchor", "witness", "victim",
  "resident", "doctor", "nurse", "teacher", "student", "worker", "farmer", "owner", "landlord",
  "mogul", "star", "player", "striker", "midfielder", "defender", "goalkeeper", "boss", "captain",
  "singer", "actor", "actress", "musician", "artist", "designer", "engineer", "founder", "partner",
  "surgeon", "physician", "economist", "historian", "academic", "lecturer", "fellow", "veteran",
  "mother", "father", "wife", "husband", "son", "daughter", "brother", "sister", "friend", "neighbour",
  "neighbor", "colleague", "spokesmen", "spokeswomen", "politician", "member", "mp", "senators",
  "governors", "nominee", "incumbent", "challenger", "opponent", "rival", "running", "mate",
  "vice-president", "co-founder", "ceo", "chairman", "regulator", "watchdog", "councillor",
  "councilman", "councilwoman", "sheriff", "detective", "inspector", "superintendent", "constable",
  "front-runner", "frontrunner", "clerk", "tycoon", "magnate", "delegate", "advocate", "associate", "pastor", "rabbi",
  "priest", "imam", "chaplain",
  // people named by what they do, as news writes them for variety ("Ruiz said … The veteran
  // speechwriter added"); those a story often leaves unnamed are anonymous heads too (below)
  "speechwriter", "lobbyist", "organizer", "organiser", "volunteer", "donor", "protester", "protestor",
  "demonstrator", "entrepreneur", "contractor", "philanthropist", "comedian", "filmmaker", "novelist",
  "poet", "journalist", "columnist", "commentator", "blogger", "broadcaster", "publisher", "producer",
  "soldier", "firefighter", "paramedic", "scholar", "athlete", "rapper", "songwriter", "pundit",
  "moderator", "grandmother", "grandfather", "widow", "survivor", "immigrant", "refugee",
  "preacher", "evangelist", "trooper", "mechanic", "retiree", "physicist",
  "biologist", "chemist", "psychologist", "psychiatrist", "sociologist", "demographer",
  "epidemiologist", "statistician", "banker", "accountant", "homeowner",
  "shopkeeper", "treasurer", "contender", "hopeful", "assemblyman", "assemblywoman", "alderman",
  "ombudsman", "defendant", "plaintiff", "inmate", "prisoner",
  // people named by whom they stand with ("said Ruiz constituent Tom Okafor", "Ruiz ally Tom Okafor")
  "constituent", "classmate", "teammate", "roommate", "ally", "loyalist", "biographer", "mentor",
  "successor", "predecessor", "confidant", "protege", "protégé",
]);

/** Lowercase words that may modify a role inside a speaker mention ("senior", "foreign affairs"). */
export const ROLE_MODIFIERS: ReadonlySet<string> = new Set([
  "senior", "top", "former", "chief", "deputy", "foreign", "affairs", "state", "national", "local",
  "federal", "regional", "military", "defence", "defense", "security", "intelligence", "press",
  "campaign", "party", "presidential", "vice", "prime", "interior", "finance", "trade", "economic",
  "health", "education", "energy", "justice", "policy", "government", "administration", "white",
  "house", "political", "public", "private", "independent", "leading", "prominent", "veteran",
  "longtime", "long-time", "close", "personal", "special", "assistant", "associate", "acting",
  "executive", "managing", "general", "legal", "medical", "financial", "communications", "media",
  "news", "opposition", "ruling", "north", "south", "east", "west", "late", "current", "new",
  "incoming", "outgoing", "retired", "sitting", "running", "high-ranking", "high", "ranking",
  "unnamed", "anonymous", "western", "other", "another", "several", "two", "three", "four", "many",
  "some", "few", "us", "u.s.", "un", "u.n.", "eu", "uk", "nato", "republican", "democratic",
  "conservative", "liberal", "labour", "tory", "chinese", "russian", "american", "british", "french",
  "german", "israeli", "iranian", "korean", "japanese", "indian", "european", "african", "arab",
  "committee", "department", "ministry", "agency", "company", "club", "team", "league", "police",
  "army", "navy", "court", "industry", "market", "union", "city", "county", "school", "university",
  "hospital", "bank", "central", "world", "global", "international", "own", "his", "her", "their",
  "its", "our", "whose", "official", "officials", "business", "real", "estate", "tech", "oil",
  "civil", "rights", "human", "labor", "election", "polling", "research", "advocacy", "committee",
  "council", "town", "port", "airport", "network", "firm", "recent", "onetime", "one-time", "erstwhile",
]);

/** Heads that make a mention an anonymous source when no name comes with them. */
export const ANONYMOUS_HEADS: ReadonlySet<string> = new Set([
  "official", "officials", "source", "sources", "aide", "aides", "insider", "insiders", "diplomat",
  "diplomats", "person", "people", "someone", "spokesman", "spokeswoman", "spokesperson",
  "adviser", "advisers", "advisor", "advisors", "staffer", "staffers", "observer", "observers",
  "analyst", "analysts", "expert", "experts", "critic", "critics", "witness", "witnesses",
  "member", "members", "employee", "employees", "lawmaker", "lawmakers", "executive", "executives",
  "resident", "residents", "officer", "officers", "investigator", "investigators", "others",
  "operative", "operatives", "ally", "allies", "associate", "associates", "confidant", "friend",
  "friends", "supporters", "opponents", "republicans", "democrats", "authorities", "reports",
  "report", "rumours", "rumors", "accounts",
  // people a story meets once, rarely by name (one of them; several are a group)
  "volunteer", "donor", "protester", "protestor", "demonstrator", "moderator", "organizer", "organiser",
  "survivor", "immigrant", "refugee", "soldier", "firefighter", "paramedic", "trooper", "homeowner",
  "shopkeeper", "retiree", "inmate", "prisoner", "defendant", "plaintiff",
]);

/** Words that mark a capitalised mention as a body (organisation, government, outlet). */
export const ORG_WORDS: ReadonlySet<string> = new Set([
  "agency", "ministry", "department", "kremlin", "council", "party", "news", "times", "post",
  "service", "committee", "office", "house", "government", "court", "commission", "association",
  "union", "bank", "company", "corporation", "corp", "inc", "ltd", "group", "institute", "center",
  "centre", "university", "college", "school", "foundation", "organisation", "organization", "fund",
  "authority", "bureau", "board", "administration", "army", "navy", "police", "force", "forces",
  "command", "network", "press", "journal", "tribune", "herald", "gazette", "telegraph", "guardian",
  "daily", "weekly", "radio", "television", "tv", "channel", "broadcasting", "media", "club",
  "league", "federation", "assembly", "parliament", "congress", "senate", "cabinet", "embassy",
  "mission", "campaign", "coalition", "alliance", "movement", "front", "church", "society",
  "reuters", "bloomberg", "twitter", "facebook", "statement", "spokesman's", "team", "day",
  "power", "energy", "airlines", "airways", "motors", "holdings", "industries", "technologies",
  "pharmaceuticals", "insurance", "railways", "telecom", "utilities", "partners", "capital", "plc", "llc",
  // sports clubs and carmakers (decision 024): "Harbour Athletics", "Reyes Motors" ("United" only
  // ends a club's name: CLUB_TAILS)
  "athletics", "fc", "afc", "automotive",
]);

/** Words that make a body of a name only as its last word: "Northfield United", not "United States"; a city that speaks ("Harbour City said") is its club or its government. */
export const CLUB_TAILS: ReadonlySet<string> = new Set(["united", "city", "athletic", "rovers", "wanderers", "albion", "hotspur", "motor"]);

/** Words that mark a body as a relay: an outlet or news service that carries others' words. */
export const MEDIA_WORDS: ReadonlySet<string> = new Set([
  "agency", "news", "media", "times", "post", "journal", "tribune", "herald", "gazette", "telegraph",
  "guardian", "daily", "radio", "television", "tv", "channel", "broadcasting", "broadcaster",
  "newspaper", "outlet", "service", "wire", "press", "network", "magazine", "tabloid", "website",
]);
