// Mention → canonical speaker, within one document. Names are clustered by exact normalised form
// (case, diacritics, hyphens and spaces folded: "Kim Jong-un" = "Kim Jong Un", never "Kim Jong-il"),
// a surname or family name alone joins the most prominent full name that holds it, acronyms join the
// long form they were defined with, and pronouns and descriptions go to the right earlier speaker.
// No string-distance threshold decides between two names.
import { findNames, type Mention } from "./mentions";
import { DEPUTY_WORDS, TITLE_WORDS } from "./lexicon/roles";
import { isPlaceName, PARTY_WORDS, STATE_NAMES } from "./lexicon/places";
import { genderOfName, genderOfWords, type Gender } from "./gender";
import type { Entity, Span, SpeakerKind } from "./types";
import { bodyName } from "./kinds";

// nameKey and nameParts are pure and called many times per name (every mention, every lookup):
// their answers are kept per string, bounded (emptied when full; long strings not kept). A name
// recurs mostly within its article: 4,096 entries ran as fast as 50,000 (A/B, bench/ab.ts).
const MEMO_MAX = 4096;
function remember<V>(memo: Map<string, V>, key: string, value: V): V {
  if (key.length <= 200) {
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(key, value);
  }
  return value;
}
const NAME_KEYS = new Map<string, string>();
const NAME_PARTS = new Map<string, readonly string[]>();

export function nameKey(name: string): string {
  return NAME_KEYS.get(name) ?? remember(NAME_KEYS, name, readNameKey(name));
}

/** ASCII and the typographic dashes and quote marks: NFKD leaves these as they are, and none is a combining mark. */
const NFKD_STABLE = /^[\x00-\x7f\u2013\u2014\u2018\u2019\u201c\u201d]*$/;

/** ASCII letters in words of one space between: most names and name parts. */
const PLAIN_NAME = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

function readNameKey(name: string): string {
  // a plain name without the five regex passes below, which for it come to: lower case, a leading
  // article and its space dropped, the spaces dropped (tested against them)
  if (PLAIN_NAME.test(name)) {
    let l = name.toLowerCase();
    const sp = l.indexOf(" ");
    if (sp < 0) return l;
    if (sp <= 3) {
      const first = l.slice(0, sp);
      if (first === "the" || first === "a" || first === "an") l = l.slice(sp + 1);
    }
    return l.includes(" ") ? l.replaceAll(" ", "") : l;
  }
  // the Unicode normalisation (most of this function's cost) only where it can change something
  return (NFKD_STABLE.test(name) ? name : name.normalize("NFKD").replace(/[\u0300-\u036f]/g, ""))
    .toLowerCase()
    .replace(/^(?:the|a|an)\s+/u, "")
    .replace(/[’']s$/u, "")
    .replace(/\s*\([^)]*\)\s*/g, " ")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

function nameParts(name: string): readonly string[] {
  return NAME_PARTS.get(name) ?? remember(NAME_PARTS, name, readNameParts(name));
}

function readNameParts(name: string): string[] {
  return name.replace(/\s*\([^)]*\)\s*/g, " ").split(/\s+/).filter(Boolean).map((p) => nameKey(p)).filter(Boolean);
}

/** At least three runs of non-space characters: exactly when matchAll(/\S+/gu) finds three or more. */
const THREE_WORDS = /\S\s+\S+\s+\S/u;

/**
 * A person's name behind a run of title words that the name grammar kept whole because a body's
 * word stands in it ("House Majority Leader Jo Bloggs", "the Rev. Jo Bloggs", "Harbour Watch
 * President Jo Bloggs"): the name is the two or three words after the last title word, when the
 * first of them is a known first name; the words before join the role. Other mentions are returned as they are.
 */
export function untitled(m: Mention): Mention {
  if (!m.name || m.nameStart === null) return m;
  // fewer than three words (most names): nothing to split, and no array of matches to build
  if (!THREE_WORDS.test(m.name)) return m;
  const words = [...m.name.matchAll(/\S+/gu)];
  if (words.length === 3 && m.kind === "person" && /^\p{Lu}\p{Ll}+(?:-\p{Ll}+)*$/u.test(words[0]![0]) && !genderOfName(words[0]![0]) && genderOfName(words[1]![0]) && !TITLE_WORDS.has(words[1]![0].toLowerCase()) && !BODY_LAST.test(words[2]![0])) {
    // "Defiant Jo Bloggs", "Exchequer Jo Bloggs", "Oscar-winner Jo Bloggs": a word before a known
    // first name that is none itself describes the person, it is no part of the name
    const at = words[1]!.index!;
    const lead = words[0]![0];
    return { ...m, name: m.name.slice(at), nameStart: m.nameStart + at, role: m.role ? `${m.role} ${lead}` : lead };
  }
  if (words.length < 3 || words.length > 9) return m;
  let k = -1;
  for (let i = words.length - 3; i >= 0; i--) {
    if (TITLE_WORDS.has(words[i]![0].toLowerCase())) { k = i; break; }
  }
  if (k < 0 || words.length - k - 1 > 3) return m;
  const rest = words.slice(k + 1);
  if (!rest.every((w) => /^\p{Lu}/u.test(w[0])) || rest.some((w) => TITLE_WORDS.has(w[0].toLowerCase()))) return m;
  if (!genderOfName(rest[0]![0])) return m;
  const at = rest[0]!.index!;
  const title = m.name.slice(0, words[k]!.index! + words[k]![0].length);
  return {
    ...m,
    name: m.name.slice(at),
    nameStart: m.nameStart + at,
    role: m.role ? `${m.role} ${title}` : title,
    kind: "person",
  };
}

/** A generational suffix after a surname, as nameParts keys it ("jr", "sr", "iii"). */
const NAME_SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/u;
/** The surname among a name's keyed parts: the last, or the one before a generational suffix. */
function surnamePart(parts: readonly string[]): string {
  return parts.length > 2 && NAME_SUFFIX.test(parts[parts.length - 1]!) ? parts[parts.length - 2]! : parts[parts.length - 1]!;
}
/** Titles only a person holds, before a surname ("President Okafor", "Sen. Okafor"). */
const PERSON_TITLE_ONLY = new Set(["president", "sen.", "senator", "gov.", "governor", "rep.", "representative", "mayor", "judge", "gen.", "general", "secretary", "prime", "chancellor", "minister", "dr.", "professor", "prof.", "justice", "ambassador", "councillor", "councilman", "councilwoman", "congressman", "congresswoman", "sheriff", "chief", "speaker", "vice"]);
/** "Jo Okafor’s": two or three capitalised words before a possessive ending. */
const POSSESSIVE_FULL_NAME = /(?<![\p{L}\p{N}.’'\-])(\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\.)?(?:[ \t]+\p{Lu}[\p{Ll}\-]+){1,2})[’']s(?![\p{L}])/gu;
/** A party's members named by place ("Nevada Democrats", "House Republicans"). */
const PARTY_MEMBERS = /\s(?:Democrats|Republicans|Conservatives|Liberals|Progressives|Independents|Libertarians|Socialists)$/u;
/** Last words of a body's name that the name grammar may read as a person's ("… Life Project"). */
const BODY_LAST = /^(?:Project|Trust|Programme|Program|Initiative|Network|Fund|Society|Association|Foundation|Institute|Group|Council|Centre|Center|Party)$/u;

export interface Cluster {
  entity: Entity;
  key: string;
  parts: readonly string[];
  count: number;
  first: number;
  /** "m", "f", or null when neither a first name, a title nor a role says */
  gender: Gender;
  /** the gender came from a title or role word ("Mrs.", "spokeswoman"), not from a name list's guess */
  genderSure: boolean;
  /** written with "The" as part of the name ("The Harbour Courier"): a title, as outlets have */
  titled: boolean;
  /** the entity is the named speaker of some statement */
  spoke: boolean;
  /** mentions right after a preposition of place ("in", "from", "across"): a place, not a speaker */
  placeLike: number;
  /** introduced with an age ("Jo Bloggs, 56,"): a person, whatever the name list says of the first name */
  aged?: boolean;
}

/** The parties a lowercase role or description names ("the democratic front-runner" → d). */
function partiesOf(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of s.split(/[\s,()\-]+/u)) {
    const p = PARTY_WORDS.get(w);
    if (p) out.add(p);
  }
  return out;
}

/** Text with the given ranges blanked (offsets kept), so that a headline's title case names nobody. */
function blank(text: string, skip: readonly Span[]): string {
  if (!skip.length) return text;
  let out = "";
  let at = 0;
  for (const s of skip) {
    out += text.slice(at, s.start) + text.slice(s.start, s.end).replace(/[^\n]/g, " ");
    at = s.end;
  }
  return out + text.slice(at);
}

const PLACE_PREP = /(?:^|\s)(?:in|from|across|near|to|at|outside|inside|throughout|around|of)\s+(?:the\s+)?$/iu;

/** Acronyms whose long form is searched for in one article: each search reads the text once, so extraction stays linear. */
const MAX_ACRONYM_SCANS = 16;
const WEAK_PLACE_PREP = /(?:^|\s)(?:to|of|from)\s+(?:the\s+)?$/iu;

/** The long form before a bracketed acronym: up to seven capitalised words, ending where the bracket opens. */
const LONG_FORM = /((?:\p{Lu}[\p{L}\-]*\s+(?:of\s+|for\s+|and\s+|the\s+)?){1,7})$/u;
/** How far back the long form of an acronym is read (code units). */
const ACRONYM_WINDOW = 400;

const SENTENCE_OPENS = /(?:^|[.!?][”"’']?\s+|\n\s*)(?:(?:But|And|Then|Now|Still|Yet|So|Later),?\s+)?$/u;
/**
 * Every word of loneSubjectGender's shape (\p{Lu}\p{Ll}{2,}) that the text has right before a verb
 * of speaking (`speaks`: "Obama said") or of a plural (`plural`: "Liverpool have"), after no letter:
 * one scan of the text for all its words, instead of one scan with a regex built per word. Exact: the
 * word's own regex matches at an offset exactly when this one does there, capturing the word (its
 * letters run to the space), and no match can start inside another one (a capital after no letter).
 * Kept for the last text only (one article's words are asked about in a row).
 */
const SPEAKS_AFTER = /(?<![\p{L}])(\p{Lu}\p{Ll}{2,})\s+(?:said|says|told|added|wrote|stated|insisted|argued|warned)(?![\p{L}])/gu;
const PLURAL_AFTER = /(?<![\p{L}])(\p{Lu}\p{Ll}{2,})\s+(?:have|are|were|say)(?![\p{L}])/gu;
let lastLone: { text: string; speaks: Set<string>; plural: Set<string> } | null = null;
export function loneWords(text: string): { speaks: Set<string>; plural: Set<string> } {
  if (lastLone?.text !== text) lastLone = { text, speaks: wordsMatched(text, SPEAKS_AFTER), plural: wordsMatched(text, PLURAL_AFTER) };
  return lastLone;
}
function wordsMatched(text: string, re: RegExp): Set<string> {
  const out = new Set<string>();
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.add(m[1]!);
  return out;
}

/**
 * The gender of the person a lone capitalised word stands for when it opens a sentence as the
 * subject of a lowercase verb and a "he"/"his" (or "she"/"her", never both) follows in that sentence
 * or opens the next; null otherwise.
 */
function loneSubjectGender(text: string, start: number, end: number, checked: Map<string, boolean>): Gender {
  if (!SENTENCE_OPENS.test(text.slice(Math.max(0, start - 12), start))) return null;
  if (!/^\s+\p{Ll}/u.test(text.slice(end, end + 3))) return null;
  const word = text.slice(start, end);
  if (!/^\p{Lu}\p{Ll}{2,}$/u.test(word) || STATE_NAMES.has(word.toLowerCase())) return null;
  const rest = text.slice(end, end + 240);
  const stop = /[.!?][”"’']?\s+(\p{Lu}[\p{L}’']*)/u.exec(rest);
  const within = stop ? rest.slice(0, stop.index) + " " + stop[1] : rest;
  const male = /(?<![\p{L}])(?:he|his|him)(?![\p{L}])/iu.test(within);
  const female = /(?<![\p{L}])(?:she|her)(?![\p{L}])/iu.test(within);
  if (male === female) return null;
  // the word is a name only if the text capitalises it inside a sentence too, and never after a
  // place's preposition ("Making the rounds, he …" and "Florida voters …" are no one); one scan a word
  let named = checked.get(word);
  if (named === undefined) {
    // it speaks somewhere ("Obama said"), and never as a plural ("Liverpool have", "Fans say")
    named = loneWords(text).speaks.has(word) && !loneWords(text).plural.has(word);
    const re = named ? new RegExp(`(\\p{L}+)(,?)\\s+${word}(?![\\p{L}’'])(\\s+\\p{Lu})?`, "gu") : null;
    let hit: RegExpExecArray | null;
    let inside = false;
    while (re && (hit = re.exec(text))) {
      if (hit[3]) continue;
      const before = hit[1]!;
      if (/^(?:in|from|to|at|across|near|outside|inside|throughout|around|of|the)$/iu.test(before)) { inside = false; break; }
      if (/^\p{Ll}/u.test(before) || hit[2]) inside = true;
    }
    named = named && inside;
    checked.set(word, named);
  }
  return named ? (male ? "m" : "f") : null;
}

/** A kin word after a possessive, then a comma, right before a first name in apposition ("Trump's wife, |Melania,"). */
const KIN_APPOSITION = /(?:[’']s?|\b(?:his|her|their|His|Her|Their))\s+(?:\p{Ll}+\s+)?(?:wife|husband|daughter|son|mother|father|brother|sister|widow|widower|granddaughter|grandson|niece|nephew|fiancé|fiancée|spouse),\s+$/u;
const NAMED_AS = /(?:^|\s)(?:named|called|identified (?:only )?as|known only as)\s+$/u;

export class EntityResolver {
  private readonly byKey = new Map<string, Cluster>();
  private readonly byPart = new Map<string, Cluster[]>();
  private readonly acronyms = new Map<string, Cluster>();
  readonly clusters: Cluster[] = [];
  /** name mentions in text order, for "the last person named before here" and for coreference */
  readonly seen: { at: number; end: number; cluster: Cluster }[] = [];
  private readonly byEntity = new Map<Entity, Cluster>();

  /** `skip`: ranges (headlines) whose capitalised words are not names. */
  constructor(private readonly text: string, skip: readonly Span[] = []) {
    const scan = blank(text, skip);
    const found = findNames(scan);
    // "the Ruiz campaign": "The" and a surname the article gives a person with a first name is a
    // modifier of the noun after it, not a body called "Ruiz" that "Mr. Ruiz" would then join
    const surnames = new Set<string>();
    for (const m of found) {
      if (m.kind !== "person" || !m.name) continue;
      const words = m.name.split(/\s+/u);
      if (words.length > 1 && genderOfName(words[0]!)) surnames.add(nameKey(words[words.length - 1]!));
      // "Mr. Ruiz", "President Ruiz": a title makes a lone surname a person's too
      else if (words.length === 1 && m.role && (genderOfWords(m.role) !== null || m.role.split(/\s+/u).some((w) => TITLE_WORDS.has(w.toLowerCase())))) surnames.add(nameKey(m.name));
    }
    for (const m of found) {
      if (m.name && /^the\s+\S+$/iu.test(m.name) && surnames.has(nameKey(m.name))) continue;
      const c = this.addName(m);
      if (c) {
        this.seen.push({ at: m.start, end: m.end, cluster: c });
        const prep = scan.slice(Math.max(0, m.start - 30), m.start);
        // "a letter to Jo Bloggs", "the campaign of Jo Bloggs": after "to" or "of" a name
        // with a known first name is a person's, not a place's
        if (PLACE_PREP.test(prep) && !(c.gender && !c.genderSure && WEAK_PLACE_PREP.test(prep))) c.placeLike++;
        if (c.entity.kind === "person" && /^,\s*\d{1,3}\s*[,.;]/u.test(scan.slice(m.end, m.end + 8))) c.aged = true;
      }
    }
    // "Jo Okafor’s server": a full name with a first name, written only as a possessive, is whom
    // "Okafor" stands for later (the name pass reads no possessive as a name). Known for lookup only:
    // not a mention in the narrative, so it is no candidate of its own for a pronoun
    for (const pm of scan.matchAll(POSSESSIVE_FULL_NAME)) {
      const name = pm[1]!;
      const words = name.split(/\s+/u);
      if (!genderOfName(words[0]!) || TITLE_WORDS.has(words[0]!.toLowerCase()) || bodyName(name, true)) continue;
      // only where no full name the article writes out holds that surname: a name written out
      // ("Jeh Johnson") is not outranked by another's possessive ("Gary Johnson’s")
      const parts = nameParts(name);
      if (this.byKey.has(nameKey(name)) || this.byPart.get(surnamePart(parts))?.some((c) => c.entity.kind === "person")) continue;
      this.create(name, "person", pm.index);
    }
    // a surname alone in the narrative ("Ruiz said", "Okafor has worked") is a mention of its full name
    const alone = found.filter((m) => m.name && nameParts(m.name).length === 1 && !this.byKey.has(nameKey(m.name)));
    const checkedLone = new Map<string, boolean>();
    for (const m of alone) {
      const g = genderOfWords(m.role);
      let c = this.findByPart(nameParts(m.name!)[0]!, g, true);
      // "Mr Okafor" with no full name anywhere: a person of that title's gender all the same
      if (!c && g) c = this.byKey.get(nameKey(m.name!)) ?? this.create(m.name!, "person", m.start);
      // "President Okafor", "Sen. Okafor": a person's title before a surname makes a person of unknown gender
      if (!c && m.kind === "person" && m.role && m.role.split(/\s+/u).some((w) => PERSON_TITLE_ONLY.has(w.toLowerCase()))) {
        const known = this.byKey.get(nameKey(m.name!));
        c = known ? (known.entity.kind === "person" ? known : null) : this.create(m.name!, "person", m.start);
      }
      // "a resident named Caroline", "identified only as Omar": a first name alone introduces a person
      // (or set off after a kin word: "Trump's wife, Melania, is …", "her husband, Bill,")
      const firstName = !c && !m.role && (NAMED_AS.test(scan.slice(Math.max(0, m.start - 24), m.start)) || (KIN_APPOSITION.test(scan.slice(Math.max(0, m.start - 40), m.start)) && scan[m.end] === ",")) ? genderOfName(m.name!) : null;
      if (firstName) {
        c = this.byKey.get(nameKey(m.name!)) ?? this.create(m.name!, "person", m.start);
        c.gender = firstName;
      }
      // "Chatwal was trying to buy influence; indeed, he had …": a surname alone as a sentence's
      // subject, a "he" or "she" following in that sentence or opening the next, is a person
      if (!c && !m.role && m.kind === "person") {
        const known = this.byKey.get(nameKey(m.name!));
        if (known?.entity.kind === "person") c = known;
        else if (!known) {
          const lg = loneSubjectGender(scan, m.start, m.end, checkedLone);
          if (lg) {
            c = this.create(m.name!, "person", m.start);
            c.gender = lg;
          }
        }
      }
      if (c) {
        this.seen.push({ at: m.start, end: m.end, cluster: c });
        if (g && !c.genderSure) {
          c.gender = g;
          c.genderSure = true;
        }
      }
    }
    this.seen.sort((a, b) => a.at - b.at);
    // acronyms defined in brackets: "Korean Central News Agency (KCNA)"
    // each bracketed acronym, then its long form read back in a bounded window: the one regex over
    // the whole text backtracked over every capitalised run at every start (a run of capitals was quadratic)
    const re = /\((\p{Lu}{2,})\)/gu;
    let m: RegExpExecArray | null;
    let done = 0;
    while ((m = re.exec(text))) {
      let from = Math.max(done, m.index - ACRONYM_WINDOW);
      const paren = text.lastIndexOf("(", m.index - 1);
      if (paren >= from) from = paren + 1;
      const lf = LONG_FORM.exec(text.slice(from, m.index));
      if (!lf) continue;
      done = m.index + m[0].length;
      const long = lf[1]!.trim().replace(/^(?:The|A|An)\s+/u, "");
      const at = from + lf.index;
      const initials = long.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join("");
      if (!initials.includes(m[1]![0]!) || m[1]!.length > initials.length + 1) continue;
      const c = this.byKey.get(nameKey(long)) ?? this.create(long, "organisation", at);
      c.entity.kind = c.entity.kind === "person" ? "organisation" : c.entity.kind;
      c.entity.aliases.push(m[1]!);
      this.acronyms.set(m[1]!, c);
      this.byKey.set(nameKey(m[1]!), c);
    }
  }

  private create(name: string, kind: SpeakerKind, at: number): Cluster {
    const clean = name.replace(/\s*\([^)]*\)\s*$/u, "").trim().replace(/^(?:the|a|an)\s+/iu, "");
    // "Okafor Global Initiative", "Okafor Foundation": a body named after a person is no person, so
    // neither "Okafor" nor "she" stands for it
    if (kind === "person" && bodyName(clean, true)) kind = "organisation";
    // "Nevada Democrats", "House Republicans": a party's members, a group ("Nevada" is no first name here)
    if (kind === "person" && PARTY_MEMBERS.test(clean)) kind = "group";
    const parts = nameParts(clean);
    // "Indiana Statehouse", "Georgia Senate": a state's first word is no first name before a seat of government
    const gender = kind === "person" && parts.length > 1 && !(STATE_NAMES.has(clean.split(/\s+/)[0]!.toLowerCase()) && /\s(?:Statehouse|Capitol|House|Senate|Legislature|Assembly|Delegation)$/u.test(clean)) ? genderOfName(clean.split(/\s+/)[0]!) : null;
    const c: Cluster = { entity: { canonical: clean, kind, aliases: [clean], roles: [] }, key: nameKey(clean), parts, count: 0, first: at, gender, genderSure: false, titled: /^the\s/iu.test(name.trim()), spoke: false, placeLike: 0 };
    this.byKey.set(c.key, c);
    this.byEntity.set(c.entity, c);
    this.clusters.push(c);
    if (c.parts.length > 1) {
      // "Joseph R. Okafor Jr": the surname is the word before a generational suffix
      for (const p of [c.parts[0]!, surnamePart(c.parts)]) {
        const list = this.byPart.get(p) ?? [];
        list.push(c);
        this.byPart.set(p, list);
      }
    }
    return c;
  }

  private addName(found: Mention): Cluster | null {
    const m = untitled(found);
    if (!m.name) return null;
    // the bracket test first: the replace can change nothing in a name without "("
    const name = (m.name.includes("(") ? m.name.replace(/\s*\([^)]*\)\s*$/u, "") : m.name).trim();
    const key = nameKey(name);
    if (!key) return null;
    let c = this.byKey.get(key) ?? null;
    if (!c && nameParts(name).length > 1) c = this.create(name, m.kind, m.start);
    if (!c) return null;
    c.count++;
    if (!c.entity.aliases.includes(name)) c.entity.aliases.push(name);
    if (m.role) this.addRole(c, m.role);
    if (c.entity.kind === "unknown" && m.kind !== "unknown") c.entity.kind = m.kind;
    const said = c.entity.kind === "person" ? genderOfWords(m.role) : null;
    if (said && !c.genderSure) {
      c.gender = said;
      c.genderSure = true;
    }
    return c;
  }

  /** The cluster of an entity built here. */
  clusterOf(e: Entity): Cluster | undefined {
    return this.byEntity.get(e);
  }

  /**
   * The full name a single word stands for: among full names holding it, a person whose surname it
   * is (of the gender a title gives, "Mrs. Ruiz"), then a person whose first word it is, then a body;
   * the most mentioned first, ties to the one introduced first. Null when no full name holds it.
   */
  private findByPart(part: string, gender: Gender, personOnly = false): Cluster | null {
    const cands = (this.byPart.get(part) ?? []).filter((c) => !gender || !c.gender || c.gender === gender || !c.genderSure);
    // with a title, a full name of that gender beats one of unknown or guessed gender
    if (gender && cands.some((c) => c.gender === gender)) cands.splice(0, cands.length, ...cands.filter((c) => c.gender === gender));
    if (!cands.length) return null;
    // a full name whose first word is a known first name beats a capitalised run that only looks like one
    const rank = (c: Cluster) => (c.gender ? 1000 : 0) + c.count;
    const best = (list: Cluster[]) => list.length ? list.reduce((a, b) => (rank(b) > rank(a) || (rank(b) === rank(a) && b.first < a.first) ? b : a)) : null;
    const persons = cands.filter((c) => c.entity.kind === "person" && c.placeLike * 2 <= c.count);
    return best(persons.filter((c) => surnamePart(c.parts) === part)) ?? best(persons) ?? (personOnly ? null : best(cands));
  }

  private addRole(c: Cluster, role: string): void {
    // an honorific before the name is not a role ("Mr Jo Bloggs"), and a role that ends on a
    // preposition is someone else's ("a spokesman for Mr Jo Bloggs": the spokesman's, not Bloggs')
    const r = role.replace(/^(the|a|an)\s+/i, "").replace(/(?:^|\s+)(?:mr|mrs|ms|miss|mx|dr)\.?$/i, "").trim();
    if (!r || /\b(?:for|of|to|with|at|from|by)$/i.test(r)) return;
    if (!c.entity.roles.includes(r)) c.entity.roles.push(r);
  }

  /**
   * "the Okafors": the persons of the article with that surname and a first name, in the order they
   * were first named, when there are two or three of them (a family speaking together). Else null.
   */
  family(plural: string): Cluster[] | null {
    const m = /^(\p{Lu}[\p{L}’'\-]+?)(?:es|s)$/u.exec(plural.trim());
    if (!m) return null;
    for (const stem of [plural.trim().replace(/s$/u, ""), m[1]!]) {
      const members = (this.byPart.get(nameKey(stem)) ?? []).filter((c) => c.entity.kind === "person" && c.parts.length >= 2 && surnamePart(c.parts) === nameKey(stem));
      if (members.length >= 2 && members.length <= 3) return [...members].sort((a, b) => a.first - b.first);
    }
    return null;
  }

  /** The cluster a written name refers to when the article already has it (a full name, or a surname of a person); null otherwise. Creates nothing. */
  knownName(name: string): Cluster | null {
    const clean = name.replace(/\s*\([^)]*\)\s*$/u, "").trim();
    const direct = this.byKey.get(nameKey(clean));
    if (direct) return direct;
    const parts = nameParts(clean);
    return parts.length === 1 ? this.findByPart(parts[0]!, null, true) : null;
  }

  /** The cluster a written name refers to, creating it for a name not seen in the name pass. */
  lookupName(name: string, kind: SpeakerKind, at: number, gender?: Gender): Cluster {
    const clean = name.replace(/\s*\([^)]*\)\s*$/u, "").trim();
    const acr = /\((\p{Lu}{2,})\)\s*$/u.exec(name);
    if (acr && this.acronyms.has(acr[1]!)) return this.acronyms.get(acr[1]!)!;
    // "The FBI" for the "Federal Bureau of Investigation" the article names: "The" is no initial
    // (an acronym the article defined, "… for Deaf People (RNID)", first; the text scanned for a long
    // form only for three letters or more: "The PM" is no "Party on Monday")
    const bare = /^[Tt]he\s+(\p{Lu}(?:\.?\p{Lu}){1,5}\.?)$/u.exec(clean);
    const acronym = bare ? bare[1]!.replace(/\./gu, "") : null;
    if (acronym) {
      const defined = this.acronyms.get(acronym) ?? this.byKey.get(nameKey(acronym));
      const long = defined && defined.entity.canonical.replace(/\./gu, "") !== acronym ? defined : acronym.length >= 3 || this.initialsOf(acronym) ? this.byInitials(acronym) : null;
      if (long) return long;
    }
    const key = nameKey(clean);
    const direct = this.byKey.get(key);
    if (direct) return direct;
    const parts = nameParts(clean);
    if (parts.length === 1) {
      const c = this.findByPart(parts[0]!, gender ?? null, kind === "person") ?? this.byInitials(clean);
      if (c) return c;
    }
    const c = this.create(clean, kind, at);
    if (!c.gender && kind === "person" && gender) {
      c.gender = gender;
      c.genderSure = true;
    }
    return c;
  }

  private initials: Map<string, Cluster | null> | null = null;
  private scans = 0;

  /**
   * "the H.S.B." or "HSB" for the one body the article names in full whose capitalised words have
   * those initials ("the Harbour Safety Board"); null when none or several do.
   */
  /** The one body named in full with these initials among the article's names (no text scan). */
  private initialsOf(letters: string): Cluster | null {
    return this.initialMap().get(letters) ?? null;
  }

  /** Initials of the article's names of two capitalised words or more, built on first use. */
  private initialMap(): Map<string, Cluster | null> {
    if (!this.initials) {
      this.initials = new Map();
      for (const c of this.clusters) {
        const words = c.entity.canonical.split(/\s+/u).filter((w) => !/^(?:of|for|and|the|on|in|&)$/iu.test(w));
        if (words.length < 2 || !words.every((w) => /^\p{Lu}\p{Ll}/u.test(w))) continue;
        const key = words.map((w) => w[0]).join("");
        this.initials.set(key, this.initials.has(key) && this.initials.get(key) !== c ? null : c);
      }
    }
    return this.initials;
  }

  private byInitials(name: string): Cluster | null {
    const letters = name.replace(/\./gu, "");
    if (!/^\p{Lu}{2,6}$/u.test(letters)) return null;
    const initials = this.initialMap();
    let c = initials.get(letters) ?? null;
    if (c && c.entity.kind === "person") return null;
    if (!c && !initials.has(letters) && letters.length <= 5 && this.scans++ < MAX_ACRONYM_SCANS) {
      // the long form with its small words ("Federal Bureau of Investigation"), which the name pass
      // reads as two runs: one bounded pattern over the text, once per acronym
      const word = (l: string) => `${l}\\p{Ll}+`;
      const re = new RegExp(`(?<![\\p{L}])${[...letters].map(word).join("\\s+(?:(?:of|for|and|on|the)\\s+)?")}(?![\\p{L}])`, "u");
      const lf = re.exec(this.text);
      c = lf ? this.byKey.get(nameKey(lf[0])) ?? this.create(lf[0], "organisation", lf.index) : null;
      initials.set(letters, c);
    }
    return c;
  }

  /** The canonical form of a relay's name ("KCNA" → "Korean Central News Agency"), without creating an entity. */
  canonicalOf(name: string): string {
    const clean = name.replace(/\s*\([^)]*\)\s*$/u, "").trim().replace(/^(?:the|a|an)\s+/iu, "");
    const acr = /\((\p{Lu}{2,})\)\s*$/u.exec(name);
    const c = (acr && this.acronyms.get(acr[1]!)) || this.byKey.get(nameKey(clean));
    return c ? c.entity.canonical : clean;
  }

  /** Records what a speaker mention adds (role, alias) and returns its entity. */
  resolveNamed(said: Mention): Entity {
    const m = untitled(said);
    const c = this.lookupName(m.name!, m.kind, m.start, genderOfWords(m.role));
    const written = m.name!.replace(/\s*\([^)]*\)\s*$/u, "").trim();
    if (!c.entity.aliases.includes(written)) c.entity.aliases.push(written);
    if (m.role) this.addRole(c, m.role);
    if (c.entity.kind === "unknown") c.entity.kind = m.kind;
    return c.entity;
  }

  /** A description ("the spokesman", "the North Korean leader") → the entity holding that role. */
  resolveDescription(m: Mention, before: Entity[]): Entity | null {
    const head = m.text.split(/\s+/).pop()!.toLowerCase();
    const want = m.text.replace(/^(the|a|an)\s+/i, "").toLowerCase();
    for (let i = before.length - 1; i >= 0; i--) {
      const e = before[i]!;
      if (e.roles.some((r) => r.toLowerCase() === want)) return e;
    }
    for (const c of this.clusters) if (c.entity.roles.some((r) => r.toLowerCase() === want)) return c.entity;
    // by the head alone, never someone whose roles give another party ("the Democratic front-runner"
    // is not the one introduced as "the Republican front-runner")
    const parties = partiesOf(want);
    // (nor a deputy of the office: "Vice President Tom Reyes" is no "the president")
    const headOf = (r: string) => {
      const ws = r.toLowerCase().split(/\s+/);
      return ws[ws.length - 1] === head && !(DEPUTY_WORDS.has(ws[ws.length - 2] ?? "") && !want.split(/\s+/).includes(ws[ws.length - 2]!));
    };
    const fits = (e: Entity) => e.roles.some(headOf) && !(parties.size && e.roles.some((r) => [...partiesOf(r.toLowerCase())].some((p) => !parties.has(p))));
    for (let i = before.length - 1; i >= 0; i--) {
      const e = before[i]!;
      if (fits(e)) return e;
    }
    for (const c of this.clusters) if (fits(c.entity)) return c.entity;
    return null;
  }

  /** The most recent person named before `pos`, from the name pass. */
  lastPersonBefore(pos: number): Entity | null {
    let lo = 0;
    let hi = this.seen.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.seen[mid]!.at < pos) lo = mid + 1;
      else hi = mid;
    }
    // (a country's or state's name is no person's: "Puerto Rico tends to … she said")
    for (let i = lo - 1; i >= 0; i--) {
      const c = this.seen[i]!.cluster;
      if (c.entity.kind === "person" && (c.gender || !isPlaceName(c.entity.canonical))) return c.entity;
    }
    return null;
  }

  entities(used: Set<Entity>): Entity[] {
    return this.clusters.map((c) => c.entity).filter((e) => used.has(e));
  }
}
