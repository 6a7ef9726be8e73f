// Word lists for comparing statements: data only. Words are in their normalised form (lower case,
// straight apostrophe, no diacritics).

/**
 * Function words, pronouns, auxiliaries and reporting verbs: they carry no content of their own, so
 * they are left out of content similarity (but kept in the word-level comparison and the diff).
 * Negations are not here: they are kept apart and compared on their own.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
  "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
  "did", "do", "does", "doing", "down", "during", "each", "either", "even", "ever", "every", "few", "for",
  "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him",
  "himself", "his", "how", "i", "if", "in", "into", "is", "it", "it's", "its", "itself", "just", "let",
  "may", "me", "might", "more", "most", "much", "must", "my", "myself", "now", "of", "off", "on", "once",
  "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "shall", "she", "should",
  "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
  "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "upon", "us", "very",
  "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "whose", "why", "will",
  "with", "would", "you", "your", "yours", "yourself", "yourselves", "i'm", "we're", "we've", "we'll",
  "i've", "i'll", "you're", "they're", "they've", "he's", "she's", "that's", "there's", "what's", "let's",
  "said", "says", "say", "saying", "told", "tell", "tells", "added", "adds", "stated", "according",
  "mr", "mrs", "ms", "dr", "yes", "well", "still", "already", "really", "quite", "rather", "thing", "things",
]);

/** Words that negate what follows; a dropped or added one is called out. Contractions end in "n't". */
export const NEGATIONS: ReadonlySet<string> = new Set([
  "not", "no", "never", "cannot", "nothing", "nobody", "none", "neither", "nor", "nowhere", "without", "noone",
]);

/**
 * Number words read as digits, so "three" and "3" compare equal. A Map: looked up by words of the
 * statement, which must never find Object's own "constructor".
 */
export const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(Object.entries({
  zero: "0", one: "1", two: "2", three: "3", four: "4", five: "5", six: "6", seven: "7", eight: "8",
  nine: "9", ten: "10", eleven: "11", twelve: "12", thirteen: "13", fourteen: "14", fifteen: "15",
  sixteen: "16", seventeen: "17", eighteen: "18", nineteen: "19", twenty: "20", thirty: "30", forty: "40",
  fifty: "50", sixty: "60", seventy: "70", eighty: "80", ninety: "90", hundred: "100", thousand: "1000",
  million: "1000000", billion: "1000000000", dozen: "12",
}));

/** Forms of address left out when telling whether two speaker names can name the same person. */
export const HONORIFICS: ReadonlySet<string> = new Set([
  "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "the",
]);
