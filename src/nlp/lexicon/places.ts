// Data only: US states with the abbreviations news style uses for them ("Fla.", "FL", "(R-Fla.)"),
// and party words, so that "the Florida senator" or "the Arizona Republican" can be matched against
// how a person was introduced ("Sen. Jo Bloggs (R-Fla.)", "Arizona Sen. Jo Bloggs").

const STATES: readonly [string, string, string][] = [
  ["alabama", "ala", "al"], ["alaska", "alaska", "ak"], ["arizona", "ariz", "az"], ["arkansas", "ark", "ar"],
  ["california", "calif", "ca"], ["colorado", "colo", "co"], ["connecticut", "conn", "ct"], ["delaware", "del", "de"],
  ["florida", "fla", "fl"], ["georgia", "ga", "ga"], ["hawaii", "hawaii", "hi"], ["idaho", "idaho", "id"],
  ["illinois", "ill", "il"], ["indiana", "ind", "in"], ["iowa", "iowa", "ia"], ["kansas", "kan", "ks"],
  ["kentucky", "ky", "ky"], ["louisiana", "la", "la"], ["maine", "maine", "me"], ["maryland", "md", "md"],
  ["massachusetts", "mass", "ma"], ["michigan", "mich", "mi"], ["minnesota", "minn", "mn"], ["mississippi", "miss", "ms"],
  ["missouri", "mo", "mo"], ["montana", "mont", "mt"], ["nebraska", "neb", "ne"], ["nevada", "nev", "nv"],
  ["new hampshire", "nh", "nh"], ["new jersey", "nj", "nj"], ["new mexico", "nm", "nm"], ["new york", "ny", "ny"],
  ["north carolina", "nc", "nc"], ["north dakota", "nd", "nd"], ["ohio", "ohio", "oh"], ["oklahoma", "okla", "ok"],
  ["oregon", "ore", "or"], ["pennsylvania", "pa", "pa"], ["rhode island", "ri", "ri"], ["south carolina", "sc", "sc"],
  ["south dakota", "sd", "sd"], ["tennessee", "tenn", "tn"], ["texas", "tex", "tx"], ["utah", "utah", "ut"],
  ["vermont", "vt", "vt"], ["virginia", "va", "va"], ["washington", "wash", "wa"], ["west virginia", "wva", "wv"],
  ["wisconsin", "wis", "wi"], ["wyoming", "wyo", "wy"],
];

/** State names, lowercase ("new york"). */
export const STATE_NAMES: ReadonlySet<string> = new Set(STATES.map((s) => s[0]));

/** Lowercase words read with the states they name, a two-word state ("new york") as one item. */
export function readStates(words: readonly string[]): { word: string; state: boolean }[] {
  const out: { word: string; state: boolean }[] = [];
  for (let i = 0; i < words.length; i++) {
    const two = i + 1 < words.length ? `${words[i]} ${words[i + 1]}` : "";
    if (two && STATE_NAMES.has(two)) {
      out.push({ word: two, state: true });
      i++;
    } else out.push({ word: words[i]!, state: STATE_NAMES.has(words[i]!) });
  }
  return out;
}

/** A state from its name or abbreviation as written ("Fla.", "N.Y.", "TX", "Texas"), lowercase; null otherwise. */
export function stateOf(written: string): string | null {
  const w = written.toLowerCase().replace(/[.\s]/gu, "");
  for (const [name, ap, postal] of STATES) {
    if (w === name.replace(/\s/gu, "") || w === ap || w === postal) return name;
  }
  if (w === "texas" || w === "tex") return "texas";
  return null;
}

/** Party words and the letter of the party they name ("GOP" → "r"). */
export const PARTY_WORDS: ReadonlyMap<string, string> = new Map([
  ["republican", "r"], ["republicans", "r"], ["gop", "r"], ["democrat", "d"], ["democratic", "d"],
  ["democrats", "d"], ["independent", "i"],
]);

/**
 * Countries and the nations of the UK, keyed lowercase: a one-word or two-word name the article never
 * gives a first name, title or role is a place, not a person ("Scotland", "Germany").
 */
export const COUNTRY_NAMES: ReadonlySet<string> = new Set([
  "afghanistan", "albania", "algeria", "argentina", "armenia", "australia", "austria", "azerbaijan", "bahrain", "bangladesh",
  "belarus", "belgium", "bolivia", "bosnia", "brazil", "britain", "bulgaria", "cambodia", "cameroon", "canada", "chile", "china",
  "colombia", "croatia", "cuba", "cyprus", "czechia", "denmark", "ecuador", "egypt", "england", "eritrea", "estonia", "ethiopia",
  "finland", "france", "germany", "ghana", "greece", "guatemala", "haiti", "honduras", "hungary", "iceland", "india", "indonesia",
  "iran", "iraq", "ireland", "israel", "italy", "japan", "jordan", "kazakhstan", "kenya", "kosovo", "kuwait", "latvia", "lebanon",
  "libya", "lithuania", "luxembourg", "malaysia", "mali", "malta", "mexico", "moldova", "mongolia", "montenegro", "morocco",
  "mozambique", "myanmar", "nepal", "netherlands", "nicaragua", "niger", "nigeria", "norway", "oman", "pakistan", "palestine",
  "panama", "paraguay", "peru", "philippines", "poland", "portugal", "qatar", "romania", "russia", "rwanda", "scotland", "senegal",
  "serbia", "singapore", "slovakia", "slovenia", "somalia", "spain", "sudan", "sweden", "switzerland", "syria", "taiwan",
  "tanzania", "thailand", "tunisia", "turkey", "uganda", "ukraine", "uruguay", "uzbekistan", "venezuela", "vietnam", "wales",
  "yemen", "zambia", "zimbabwe", "north korea", "south korea", "south africa", "saudi arabia", "new zealand", "sri lanka",
  "northern ireland", "united states", "united kingdom", "great britain", "hong kong", "el salvador", "costa rica",
  "puerto rico", "dominican republic", "america", "europe", "africa", "asia", "latin america",
]);

/** A country's or state's name ("Puerto Rico", "Ohio"), as written in a canonical name. */
export function isPlaceName(canonical: string): boolean {
  const l = canonical.toLowerCase();
  return COUNTRY_NAMES.has(l) || STATE_NAMES.has(l);
}
