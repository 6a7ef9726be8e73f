// Grammatical gender of a person mention, for pronoun agreement: from the first name (the list the
// gender-detection-from-name package ships), from a title (Mr, Mrs, Ms) or from a gendered role word
// ("spokeswoman", "congressman"). Null when nothing says.

/**
 * The package's English list only, loaded on first use: its index loads six languages' lists (2 MB,
 * about 0.4 s), too slow for a fresh extraction worker; the English one alone takes under 0.1 s.
 */
let english: ReadonlyMap<string, string> | null = null;
function firstNames(): ReadonlyMap<string, string> {
  english ??= require("gender-detection-from-name/names/en") as ReadonlyMap<string, string>;
  return english;
}

export type Gender = "m" | "f" | null;

const MALE_WORDS = new Set([
  "mr", "mr.", "sir", "lord", "king", "prince", "duke", "earl", "baron", "father", "son", "brother",
  "husband", "uncle", "grandfather", "nephew", "spokesman", "congressman", "chairman", "businessman",
  "councilman", "councilor", "assemblyman", "alderman", "policeman", "actor", "boyfriend", "widower",
]);
const FEMALE_WORDS = new Set([
  "mrs", "mrs.", "ms", "ms.", "miss", "madam", "dame", "lady", "queen", "princess", "duchess",
  "countess", "baroness", "mother", "daughter", "sister", "wife", "aunt", "grandmother", "niece",
  "spokeswoman", "congresswoman", "chairwoman", "businesswoman", "councilwoman", "assemblywoman",
  "alderwoman", "policewoman", "actress", "girlfriend", "widow", "first lady",
]);

/** Words that look like first names to the list but open capitalised non-person runs. */
const NOT_FIRST_NAMES = new Set(["new", "white", "north", "south", "east", "west", "saint", "st", "fort", "port", "mount", "lake", "san", "los", "las", "santa", "general", "major", "rush", "grant", "king", "prince", "will", "may", "june", "april", "august", "china", "paris", "florence", "virginia", "georgia", "carolina", "chelsea", "jordan", "israel", "victoria", "austin", "houston", "dallas", "phoenix", "madison", "washington", "lincoln", "kennedy", "sydney"]);

export function genderOfName(first: string): Gender {
  const w = first.replace(/\.$/u, "").toLowerCase();
  if (w.length < 2 || NOT_FIRST_NAMES.has(w)) return null;
  const g = firstNames().get(w);
  return g === "male" ? "m" : g === "female" ? "f" : null;
}

/** Gender a title or role phrase gives ("Mrs.", "the spokeswoman"), or null. */
export function genderOfWords(role: string | null | undefined): Gender {
  if (!role) return null;
  let g: Gender = null;
  for (const w of role.toLowerCase().split(/\s+/)) {
    if (MALE_WORDS.has(w)) g = g === "f" ? null : "m";
    else if (FEMALE_WORDS.has(w)) g = g === "m" ? null : "f";
  }
  return g;
}
