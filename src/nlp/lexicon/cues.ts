// Data only: reporting verbs and phrases that introduce a statement.

/** Base forms of speech verbs that take a reported clause or a quote. */
const SPEECH_VERBS = [
  "say", "tell", "add", "state", "insist", "confirm", "warn", "deny", "claim", "argue", "explain",
  "note", "reply", "respond", "announce", "declare", "acknowledge", "admit", "suggest", "stress",
  "emphasise", "emphasize", "report", "write", "tweet", "predict", "urge", "hint", "vow", "promise",
  "complain", "recall", "observe", "remark", "maintain", "counter", "concede", "agree", "assert",
  "allege", "contend", "estimate", "indicate", "reiterate", "repeat", "point out", "mention",
  "disclose", "reveal", "boast", "pledge", "caution", "charge", "accuse", "demand", "ask", "answer",
  "relay", "relate", "quip", "joke", "shout", "yell", "whisper", "testify", "conclude", "continue",
  "affirm", "proclaim", "threaten", "retort", "posit", "predict", "signal", "underline",
  "underscore", "highlight", "describe", "forecast", "surmise", "exclaim", "interject", "chime", "reckon", "lament", "concur", "guarantee",
  "assure", "remind", "inform", "advise", "recommend", "propose", "clarify", "specify", "object",
  "protest", "speculate", "opine", "acknowledge", "brag", "muse", "post", "apologise", "apologize",
  "call",
  // manner of speaking: cues beside a quote; for a reported clause they want "that" (NEEDS_THAT)
  "snap", "scold", "chide", "rebuke", "scoff", "sneer", "fume", "gush", "mutter", "murmur", "groan",
  "sigh", "snarl", "plead", "beg", "marvel",
  "believe", "think", "feel", "hope", "fear", "expect", "worry", "doubt", "question",
] as const;

/**
 * Verbs of mind rather than speech: "Jo Bloggs thinks the plan will fail" reports what someone
 * believes, not what they said, so such a cue never makes a statement of its own (decision 013).
 * "said he thought X" stays one statement, the outer "said".
 */
export const THOUGHT_VERBS: ReadonlySet<string> = new Set([
  "believe", "think", "feel", "hope", "fear", "expect", "worry", "doubt", "reckon",
]);

/** Verbs of belief and intent rather than speech (still attributions, lower confidence). */
export const BELIEF_VERBS: ReadonlySet<string> = new Set([
  "call",
  // manner of speaking: cues beside a quote; for a reported clause they want "that" (NEEDS_THAT)
  "snap", "scold", "chide", "rebuke", "scoff", "sneer", "fume", "gush", "mutter", "murmur", "groan",
  "sigh", "snarl", "plead", "beg", "marvel",
  "believe", "think", "feel", "hope", "fear", "expect", "worry", "doubt", "reckon", "question",
]);

const IRREGULAR: Record<string, string[]> = Object.assign(Object.create(null) as Record<string, string[]>, {
  say: ["say", "says", "said", "saying"],
  tell: ["tell", "tells", "told", "telling"],
  write: ["write", "writes", "wrote", "writing", "written"],
  think: ["think", "thinks", "thought", "thinking"],
  feel: ["feel", "feels", "felt", "feeling"],
  forecast: ["forecast", "forecasts", "forecasting"],
  "point out": ["point out", "points out", "pointed out", "pointing out"],
  quip: ["quip", "quips", "quipped", "quipping"],
  admit: ["admit", "admits", "admitted", "admitting"],
  concur: ["concur", "concurs", "concurred", "concurring"],
  signal: ["signal", "signals", "signaled", "signalled", "signaling", "signalling"],
  object: ["object", "objects", "objected", "objecting"],
  posit: ["posit", "posits", "posited", "positing"],
  post: ["post", "posts", "posted", "posting"],
  brag: ["brag", "brags", "bragged", "bragging"],
  underline: ["underline", "underlines", "underlined", "underlining"],
  snap: ["snap", "snaps", "snapped", "snapping"],
  snarl: ["snarl", "snarls", "snarled", "snarling"],
  beg: ["beg", "begs", "begged", "begging"],
});

function inflect(base: string): string[] {
  if (IRREGULAR[base]) return IRREGULAR[base]!;
  const forms = [base];
  const cons = "bcdfghjklmnpqrstvwxz";
  if (base.endsWith("e")) forms.push(base + "s", base + "d", base.slice(0, -1) + "ing");
  else if (base.endsWith("y") && cons.includes(base[base.length - 2]!)) forms.push(base.slice(0, -1) + "ies", base.slice(0, -1) + "ied", base + "ing");
  else if (/(s|sh|ch|x|z)$/.test(base)) forms.push(base + "es", base + "ed", base + "ing");
  else forms.push(base + "s", base + "ed", base + "ing");
  return forms;
}

/** Every inflected form of a speech verb → its base form. */
export const CUE_FORMS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const v of SPEECH_VERBS) for (const f of inflect(v)) m.set(f, v);
  return m;
})();

/** Verbs that name the speaker but usually not a reported clause without "that" (avoid false clauses). */
export const NEEDS_THAT: ReadonlySet<string> = new Set([
  "add", "note", "report", "describe", "post", "question", "ask", "answer", "continue", "demand",
  "accuse", "charge", "highlight", "underline", "underscore", "advise", "recommend", "propose",
  "object", "protest", "apologise", "apologize", "remind", "inform", "relate", "relay",
  "snap", "scold", "chide", "rebuke", "scoff", "sneer", "fume", "gush", "mutter", "murmur", "groan",
  "sigh", "snarl", "plead", "beg", "marvel",
  // "maintained a wide lead", "maintains a busy schedule": to keep, unless "that" or a plain clause
  // follows ("maintains the fees will stay", THAT_OPTIONAL in sieves/indirect.ts; decision 027)
  "maintain",
]);

/** Cues that may stand after a quote in inverted order ("…," said Peskov). */
export const INVERTIBLE: ReadonlySet<string> = new Set([
  "said", "says", "added", "adds", "asked", "asks", "continued", "wrote", "writes", "explained",
  "noted", "replied", "insisted", "declared", "warned", "told", "recalled", "stated", "argued",
]);

/** Words that may stand between a cue and its reported clause ("said on Friday that"). */
export const CUE_ADVERBIALS = /^(?:\s*,?\s*(?:on|last|this|earlier|later|in|at|during|after|before|late|early)\s+(?:a\s+|an\s+|the\s+|his\s+|her\s+|their\s+)?(?:[\p{L}\-]+\s+){0,3}?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|morning|afternoon|evening|night|day|today|yesterday|statement|interview|speech|briefing|conference|post|tweet|letter|address|remarks|rally|sunday|time|weekend|twitter|television|radio|facebook|convention|meeting|debate|hearing|vote|election|summit|session|event|call|visit|talks|announcement|ruling|decision|primary|caucus|caucuses|results?)\b(?:\s+(?:morning|afternoon|evening|night)\b)?|\s*,?\s*(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?|today|yesterday|tonight|afterwards?|later|earlier|previously|again|repeatedly|recently|once|also|then|publicly|privately|separately|flatly|bluntly|simply|further|firmly|reportedly|frequently|often|still|now)\b|\s*,?\s*\p{Ll}+ly\b)/iu;

/** Pronouns that can be speakers, and what they can refer to. */
export const PRONOUNS: ReadonlyMap<string, "person" | "group" | "self"> = new Map([
  ["he", "person"], ["she", "person"], ["they", "group"], ["it", "group"], ["we", "group"],
  ["i", "self"], ["you", "self"],
]);
