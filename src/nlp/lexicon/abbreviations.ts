// Data only: abbreviations whose period does not end a sentence, and words that typically start one.

export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  "mr.", "mrs.", "ms.", "mx.", "dr.", "prof.", "sr.", "jr.", "st.", "mt.", "ft.",
  "gen.", "lt.", "col.", "maj.", "capt.", "cmdr.", "sgt.", "adm.", "cpl.", "pvt.",
  "gov.", "govs.", "sen.", "rep.", "reps.", "sens.", "rev.", "hon.", "pres.", "supt.", "insp.", "gens.", "drs.", "profs.",
  "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
  "no.", "nos.", "vol.", "vs.", "v.", "etc.", "e.g.", "i.e.", "approx.", "dept.", "est.", "fig.",
  "inc.", "corp.", "co.", "ltd.", "bros.", "assn.", "univ.", "ave.", "blvd.", "rd.",
  "ala.", "ariz.", "ark.", "calif.", "colo.", "conn.", "del.", "fla.", "ga.", "ill.", "ind.",
  "kan.", "ky.", "la.", "md.", "mass.", "mich.", "minn.", "miss.", "mo.", "mont.", "neb.", "nev.",
  "okla.", "ore.", "pa.", "tenn.", "tex.", "va.", "vt.", "wash.", "wis.", "wyo.",
  "a.m.", "p.m.",
]);

/** Words that, after a dotted acronym such as "U.S.", make a new sentence likely. */
export const SENTENCE_STARTERS: ReadonlySet<string> = new Set([
  "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "Or", "So", "Yet",
  "This", "That", "These", "Those", "There", "Here", "In", "On", "At", "For", "If", "When", "While",
  "As", "After", "Before", "His", "Her", "Their", "Its", "Our", "My", "Some", "Many", "Most", "No",
  "Meanwhile", "However", "Still", "Now", "Then", "Since", "Although", "Though",
]);
