// Sieves for reported speech without (or with partial) quote marks: the reported clause of a cue,
// on either side of it. Each cue is read once; the clause never runs past its sentence.
import { CUE_ADVERBIALS, CUE_FORMS, NEEDS_THAT, PRONOUNS } from "../lexicon/cues";
import { MEDIA_WORDS } from "../lexicon/roles";
import { analyse, mentionAfter, mentionBefore, spaceAtOrAfter, tokenize, type Mention, type Token } from "../mentions";
import type { Cue } from "../cues";
import { genderOfName } from "../gender";
import { afterDateline, gapBefore, TIME_OPENERS } from "./patterns";
import { cuesIn, firstSpanFrom, sentenceBounds, type Context, type Statement } from "../context";

const MIN_CLAUSE_WORDS = 3;
/** The most later cues a clause end is looked for at (the evaluation files have at most 6 cues in a sentence). */
const MAX_CLAUSE_CUES = 16;

/** Offset of the last `needle` inside text[lo, hi), or -1; bounded, unlike a bare lastIndexOf. */
function lastIn(text: string, needle: string, lo: number, hi: number): number {
  if (hi <= lo) return -1;
  const k = text.slice(lo, hi).lastIndexOf(needle);
  return k < 0 ? -1 : lo + k;
}
/** A comma before an attribution, with the closing quote mark of a partial quote allowed after it. */
const COMMA_BEFORE = /,(?:[”"’]|'')?\s*$/u;

/** Irregular past forms, which the -ed test misses. */
const IRREGULAR_PAST = "got|made|went|came|took|gave|knew|thought|felt|left|kept|held|brought|began|ran|won|lost|met|paid|sent|built|spent|stood|heard|became|found|saw|wrote|spoke|told|said|sought|sat|put|set|led|fell|drew|chose|rose|struck|threw|wore|broke|caught|fought|taught|meant|read|hit|let|cut|shut|quit";
/** A rough test that a clause has a verb of its own, so "explains the significance" is no statement. */
const FINITE = new RegExp(`\\b(?:is|are|was|were|am|be|been|being|will|would|can|could|shall|should|may|might|must|has|have|had|do|does|did|won’t|won't|can’t|can't|isn’t|isn't|aren’t|aren't|wasn’t|wasn't|didn’t|didn't|doesn’t|doesn't|don’t|don't|${IRREGULAR_PAST}|\\p{L}{2,}ed|\\p{L}+[^s\\s’']s)\\b`, "iu");
/** Auxiliaries, modals and past forms only: a plural noun ("Politics", "Presidents") is no verb here. */
const STRICT_FINITE = /\b(?:is|are|was|were|will|would|can|could|shall|should|may|might|must|has|have|had|does|did|\p{Ll}{3,}ed)\b/u;
const CONTRACTED = /\b(?:there|here|it|that|what|who|he|she|i|we|they|you)[’'](?:s|re|ll|d|ve|m)\b/iu;
/** A verb that makes a phrase after a cue a clause, not a noun phrase ("said the event brought back memories"). */
const CLAUSE_VERB = new RegExp(`\\b(?:is|are|was|were|will|would|can|could|shall|should|may|might|must|has|have|had|does|did|${IRREGULAR_PAST}|\\p{Ll}{3,}ed\\s+(?:the|a|an|his|her|their|its|our|my|your|back|up|out|off|down|to|that|it|them|him|us))\\b`, "u");
function hasFiniteVerb(clause: string): boolean {
  return FINITE.test(clause) || CONTRACTED.test(clause);
}

const WORD = /[\p{L}\p{N}]+/gu;
/** The number of words in s, counted up to `upTo` only: every caller compares it with 6 or less, and a clause may be a whole long sentence. */
function words(s: string, upTo = 7): number {
  WORD.lastIndex = 0;
  let n = 0;
  while (n < upTo && WORD.exec(s)) n++;
  return n;
}

function make(cue: Cue, mention: Mention | null, start: number, end: number, sieve: string, confidence: number, via: string | null = null): Statement {
  return { start, end, kind: "indirect", mention, cue, via, sieve, confidence, span: null, sameAs: null };
}

/** Trims spaces and a trailing comma or period-less junk from a clause span. */
function trimClause(text: string, start: number, end: number): [number, number] {
  while (start < end && /[\s,:;—–]/u.test(text[start]!)) start++;
  while (end > start && /[\s,:;—–(]/u.test(text[end - 1]!)) end--;
  return [start, end];
}

/**
 * Where a clause that starts at `from` ends: the sentence end, or the comma before a later
 * attribution (", KCNA said", ", according to TASS"), whichever comes first.
 */
function clauseEnd(ctx: Context, from: number, sentEnd: number): number {
  // a semicolon closes the reported clause ("X said A; they learned B")
  const semi = ctx.text.slice(from, sentEnd).indexOf(";");
  if (semi >= 0) sentEnd = from + semi;
  // at most MAX_CLAUSE_CUES later cues are read (news sentences hold a handful): "said said said …"
  // would otherwise read every later cue of the sentence for each cue
  for (const c of cuesIn(ctx, from, sentEnd, MAX_CLAUSE_CUES)) {
    // "… A, and said B" / "… A but noted that B": a second verb of the same subject
    const coord = /,?\s+(?:and|but)\s+(?:(?:he|she|they|we|i)\s+)?(?:also\s+|later\s+|then\s+)?$/u.exec(ctx.text.slice(Math.max(from, c.start - 24), c.start));
    if (coord && !c.participle && !c.prepositional) return c.start - coord[0].length;
    if (c.prepositional) {
      const comma = ctx.text.lastIndexOf(",", c.start);
      if (comma >= from && /^,\s*$/.test(ctx.text.slice(comma, c.start))) return comma;
      continue;
    }
    const subjectEnd = c.start - gapBefore(ctx.text, c.start);
    const m = mentionBefore(ctx.text, from, subjectEnd);
    // "… A and Democrats accused B": a new subject with its own cue starts a clause of its own
    if (!c.participle && m && m.end >= subjectEnd - 1) {
      const joint = /(?:,\s*|\s+)(?:and|but|while|whereas)\s+$/u.exec(ctx.text.slice(Math.max(from, m.start - 12), m.start));
      // ("said he and Ruiz promised …": a pronoun or a name alone before "and" is the first of two
      // subjects of the one clause, not a clause of its own)
      if (joint && !(/^\s+and\s+$/u.test(joint[0]) && COORDINATED_FIRST.test(ctx.text.slice(from, m.start - joint[0].length)))) return m.start - joint[0].length;
    }
    // "… A, and three-quarters said B": a short plain subject the name grammar does not read
    if (!c.participle && !m) {
      const pair = /,\s+(?:and|but|while|whereas)\s+([^,;“”"]{1,40})$/u.exec(ctx.text.slice(Math.max(from, subjectEnd - 60), subjectEnd));
      if (pair && words(pair[1]!) <= 4 && plainSubject(ctx.text, subjectEnd - pair[1]!.length, subjectEnd)) return subjectEnd - pair[0].length;
    }
    // ", X said" or ", said X" after the clause
    const lo = m ? m.start : c.start;
    const pre = ctx.text.slice(Math.max(from, lo - 3), lo);
    if (/,\s*$/.test(pre)) return ctx.text.lastIndexOf(",", lo);
    if (c.participle && /,\s*$/.test(ctx.text.slice(Math.max(from, c.start - 3), c.start))) return ctx.text.lastIndexOf(",", c.start);
  }
  return sentEnd;
}


/** A reported clause that so far holds only its first subject: a pronoun or a short name ("he", "Jo Bloggs"). */
const COORDINATED_FIRST = /^\s*(?:he|she|they|we|i|you|(?:\p{Lu}[\p{L}’'.\-]*\s+){0,2}\p{Lu}[\p{L}’'.\-]*)\s*$/u;

/**
 * A subject the name grammar does not cover ("People with knowledge of the plan said", "21 percent
 * said"): the whole short phrase from the sentence start, or after a comma, up to the cue, when it
 * holds no verb-like word, no quote mark and at most eight words.
 */
/** A relative clause's opening whose subject follows ("in which", "where"). */
const RELATIVE_OPENER = /(?:^|\s)(?:(?:in|on|at|for|from|by|with|among|of)\s+(?:which|whom)|where|whereby)\s+(?=\S)/giu;

function plainSubject(text: string, sentStart: number, end: number): Mention | null {
  let lo = sentStart;
  // "Democrats — and some Republicans — say": a dash closing an aside just before the cue sets the
  // subject's end at the dash that opened it; any other dash, comma or semicolon starts the subject
  const closing = /\s+(?:—|--?)\s*$/u.exec(text.slice(Math.max(sentStart, end - 5), end))?.[0];
  if (closing) end -= closing.length;
  for (const mark of [",", ";", " - ", " — ", " -- "]) {
    const at = lastIn(text, mark, sentStart, end);
    if (at < 0) continue;
    if (closing?.trim() === mark.trim()) {
      if (at > lo) end = at;
    } else lo = Math.max(lo, at + mark.length);
  }
  while (lo < end && /\s/u.test(text[lo]!)) lo++;
  // "an electorate in which voters say", "a town where residents say": the subject of the relative clause
  let relEnd = -1;
  for (const r of text.slice(lo, end).matchAll(RELATIVE_OPENER)) relEnd = r.index + r[0].length;
  if (relEnd > 0) lo += relEnd;
  const conn = /^(?:and|but|while|whereas|after|before|when|although|though|because|since|if|once|until|unless)\s+/iu.exec(text.slice(lo, end));
  if (conn) lo += conn[0].length;
  const phrase = text.slice(lo, end).trimEnd();
  if (!phrase || /[“”"():;]/u.test(phrase)) return null;
  const ws = phrase.split(/\s+/);
  if (ws.length > 8 || ws.length < 1) return null;
  // "There's no way to tell": an infinitive's subject is not the phrase before it
  if (/^to$/iu.test(ws[ws.length - 1]!)) return null;
  if (/\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|do|does|did|not|when|if|because|while|after|before|since|although|that|which|who)\b/iu.test(phrase)) return null;
  if (/^(?:but|and|so|yet|then|also|however|still|meanwhile|now|in|on|at|for|with|as)$/iu.test(phrase)) return null;
  // a phrase with a verb of its own is a clause, not a subject ("it tested a weapon and", "Putin said he")
  if (ws.some((w, k) => CUE_FORMS.has(w.toLowerCase()) || (/\p{Ll}{2,}ed$/u.test(w) && k > 0) || (k > 0 && PRONOUNS.has(w.toLowerCase())))) return null;
  if (ws.length > 1 && PRONOUNS.has(ws[0]!.toLowerCase())) return null;
  const toks = tokenize(text, lo, lo + phrase.length);
  return analyse(toks.filter((t) => /[\p{L}\p{N}]/u.test(t.text) || t.text === "’s"), text);
}

/** The speaker before a verb cue, allowing a parenthetical between commas ("Kim, during his summit …, said"). */
function subjectBefore(ctx: Context, sentStart: number, cue: Cue): Mention | null {
  const { text } = ctx;
  let end = cue.start - gapBefore(text, cue.start);
  // "Jo Bloggs, R-Ohio, said": a party tag between commas is no subject
  const tag = /,\s*\p{Lu}{1,2}-\p{Lu}[\p{L}.]*,?\s*$/u.exec(text.slice(Math.max(sentStart, end - 24), end));
  if (tag) end -= tag[0].length;
  // "Kasich (who has 25 delegates) said": the parenthesis describes the subject
  if (text[end - 1] === ")") {
    const open = lastIn(text, "(", sentStart, end);
    if (open > sentStart && !text.slice(open, end - 1).includes(")")) end = open - (text[open - 1] === " " ? 1 : 0);
  }
  const m = mentionBefore(text, sentStart, end);
  if (m && m.end >= end - 1) {
    return m;
  }
  if (!m || m.end < end - 1) {
    const plain = plainSubject(text, sentStart, end);
    if (plain && text[end - 1] !== ",") return plain;
  }
  // "Humphrey, who calls Okafor a “sociopath,” said": the comma inside the closing mark ends the clause
  // (a short quoted phrase inside the clause: a scare quote or a title, opened after a word; never a
  // quote of its own that the cue closes: "“Thanks, Clarkston, for the help,” said …")
  if (/[”"’]/u.test(text[end - 1] ?? "") && text[end - 2] === ",") {
    const open = Math.max(text.lastIndexOf("“", end - 2), text.lastIndexOf("\"", end - 3));
    if (open > sentStart && /\p{L}[\s]$/u.test(text.slice(open - 2, open)) && words(text.slice(open, end)) <= 6) end--;
  }
  if (text[end - 1] === ",") {
    const prevComma = lastIn(text, ",", sentStart, end - 1);
    if (prevComma > sentStart) {
      const inner = text.slice(prevComma + 1, end - 1).trim();
      if (/^(?:the|a|an|who|during|in|at|on|after|before|speaking|according|whose|\p{Ll})/u.test(inner)) {
        const m2 = mentionBefore(text, sentStart, prevComma);
        // a mention that is itself after a comma may be an appositive ("Ann Lee, 59, of Leeds, Kent, who …"):
        // the fallback reads the whole run
        if (m2 && m2.end >= prevComma - 1) {
          // after a preposition it is the object inside an appositive ("Jo Bloggs, a pollster working with Harbour Watch, a charity, said")
          if (!/(?:,|\b(?:of|from|in|at|with|for|by|to|on))\s*$/u.test(text.slice(sentStart, m2.start))) return m2;
          // the run must open with a name ("At Harbour Point, where a berth costs $5,000 a year, Jay
          // Smith, the club's president, said that …": the clause and the figure's comma are no name)
          const run = fallbackSubject(ctx, sentStart, cue);
          return run?.name && run.kind === "person" && /^\p{Lu}/u.test(run.text) && /\p{L}/u.test(run.name) ? run : m2;
        }
      }
    }
  }
  return null;
}

/** Auxiliaries, negation and adverbs that stand between a subject and its cue ("would never have said"). */
const AUX_WORD = /^(?:has|have|had|will|would|could|can|can’t|can't|cannot|should|may|might|must|did|does|do|didn’t|didn't|doesn’t|doesn't|don’t|don't|won’t|won't|isn’t|isn't|aren’t|aren't|wasn’t|wasn't|weren’t|weren't|hasn’t|hasn't|haven’t|haven't|hadn’t|hadn't|wouldn’t|wouldn't|couldn’t|couldn't|shouldn’t|shouldn't|not|also|ever|never|still|now|both|all|only|just|even|already|is|are|was|were|be|been|being|to|likely|unlikely|more|less|first|then|again|once|himself|herself|themselves|itself|\p{Ll}+ly)$/u;
/** A time phrase between a subject and its cue ("Jo Bloggs on Friday announced"). */
const TIME_BEFORE_CUE = /\s+(?:on|last|this|late|early|earlier)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night|morning|afternoon|evening)(?:\s+(?:morning|afternoon|evening|night))?$/u;
const RELATIVE = /^(?:who|which|that)$/iu;
const LEADING_CONNECTIVE = /^(?:but|and|so|yet|still|meanwhile|however|also|instead|now|then|likewise|similarly|moreover|furthermore|separately|indeed)\b,?\s*/iu;

/** Where the subject can start after a leading connective ("Likewise, Trump went after …"). */
function afterConnective(text: string, lo: number, hi: number): number {
  let at = lo;
  while (at < hi && /\s/u.test(text[at]!)) at++;
  const conn = LEADING_CONNECTIVE.exec(text.slice(at, Math.min(hi, at + 14)));
  return conn ? at + conn[0].length : lo;
}

/** A sentence opening with a subordinate clause whose subject and verb come before the cue ("After aides insisted"). */
const SUBORDINATE_OPENER = /^\s*(?:[“"‘']\s*)?(?:after|before|when|whenever|while|although|though|because|since|if|once|until|unless|even though|even if)\s+[^,;:]*$/iu;

/** A comma-separated part that opens a sentence as an adverbial: "On Wednesday", "however", "Last week", "In a statement". */
const ADVERBIAL_PART = new RegExp(String.raw`^(?:(?:on|in|at|after|before|during|since|by|under|amid|earlier|later|last|this|late|early|${TIME_OPENERS}|however|meanwhile|moreover|furthermore|nonetheless|nevertheless|still|also|again|once again|even so|overall|finally|yesterday|today|instead|then|now|indeed|but|and|so|yet|though|too|separately|similarly|likewise|\p{Ll}+ly)\b(?:\s+[^\s]+){0,5}|(?!according)\p{L}+(?:ed|ing)\s+(?:by|with|in|at|about|on|to|from|for|over|after)\b.*|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?)$`, "iu");

/**
 * "Jo Bloggs often praises the plan and has called for …": a verb phrase coordinated with the cue's;
 * its subject is the name or pronoun opening the clause at `lo`, not the whole phrase up to `end`.
 */
function coordinatedSubject(text: string, lo: number, end: number): Mention | null {
  const subj = mentionAfter(text, lo, end);
  return subj && subj.start === lo && (subj.name || subj.pronoun) && subj.end < end - 4 ? subj : null;
}

/**
 * The subject of a cue that the name grammar could not read: after auxiliaries and adverbs, a
 * relative pronoun ("… a professor who said"), a name in an appositive pair ("A spokesman, Jo Bloggs,
 * said"), or the plain noun phrase that opens the clause ("One in four voters in the poll said").
 * Null when what stands there is not a noun phrase (a clause, a quote, nothing).
 */
function fallbackSubject(ctx: Context, sentStart: number, cue: Cue): Mention | null {
  const { text } = ctx;
  let end = cue.start - gapBefore(text, cue.start);
  const time = TIME_BEFORE_CUE.exec(text.slice(Math.max(sentStart, end - 40), end));
  if (time) end -= time[0].length;
  // only the last word before the auxiliaries is read: tokenize a short tail, widened while it holds
  // auxiliaries only (the whole sentence per cue made "said said …" quadratic)
  let toks: Token[] = [];
  let k = 0;
  for (let w = 64; ; w *= 4) {
    const from = end - w <= sentStart ? sentStart : spaceAtOrAfter(text, end - w, end);
    if (from < 0) continue;
    toks = tokenize(text, from, end);
    k = toks.length;
    while (k > 0 && AUX_WORD.test(toks[k - 1]!.text)) k--;
    if (k > 0 || from === sentStart) break;
  }
  if (k === 0) return null;
  end = toks[k - 1]!.end;
  const last = toks[k - 1]!;
  if (RELATIVE.test(last.text)) {
    // "…, a professor at the school, who said": the antecedent speaks through the relative pronoun
    const ante = mentionBefore(text, sentStart, last.start - (/,\s*$/.test(text.slice(Math.max(sentStart, last.start - 2), last.start)) ? 2 : 0));
    const self = { text: last.text, start: last.start, end: last.end };
    if (ante?.name && ante.kind !== "person" && /^who/iu.test(last.text) && /\b(?:on|of|at|for|with|from|in)\s+(?:the\s+)?$/u.test(text.slice(Math.max(sentStart, (ante.nameStart ?? ante.start) - 12), ante.nameStart ?? ante.start))) {
      // "Ruth Adler, the ranking Democrat on the Finance Committee, who said": "who" is a person, the
      // one the appositive describes, not the body named inside it
      const comma = text.lastIndexOf(",", ante.start);
      const person = comma > sentStart ? mentionBefore(text, sentStart, comma) : null;
      if (person?.name && person.kind === "person" && person.end >= comma - 1) return { ...person, ...self };
    }
    if (ante?.name) return { ...ante, ...self };
    return ante ?? { ...self, name: null, nameStart: null, nameEnd: null, role: null, pronoun: "who", kind: "unknown", definiteDescription: false };
  }
  const direct = mentionBefore(text, sentStart, end);
  if (direct && direct.end >= end - 1) return direct;
  // the clause the subject opens: after the last semicolon, dash or colon ("… had an effect: some 20
  // percent of people in a poll said"), and after a leading connective
  const after = (needle: string): number => {
    const at = lastIn(text, needle, sentStart, end);
    return at < 0 ? sentStart : at + needle.length;
  };
  let lo = Math.max(after(";"), after(" — "), after(" -- "), after(": "));
  while (lo < end && /\s/u.test(text[lo]!)) lo++;
  const conn = LEADING_CONNECTIVE.exec(text.slice(lo, end));
  if (conn) lo += conn[0].length;
  const phrase = text.slice(lo, end);
  if (!phrase || /[“”"]/u.test(phrase)) return null;
  // "the question here is: Does the council have no choice but to agree": a question, no subject
  if (/^(?:Does|Do|Did|Is|Are|Was|Were|Can|Could|Will|Would|Should|Has|Have|Had)\s/u.test(phrase)) return null;
  // "Jo Bloggs often praises the plan and has called for …": a verb phrase coordinated with the
  // cue's, whose subject is the name opening the clause, not the whole phrase
  if (/\s(?:and|but)$/u.test(phrase)) return coordinatedSubject(text, lo, end);
  const parts = phrase.split(/(?<!\p{N}),|,(?!\p{N})/u).map((x) => x.trim()).filter(Boolean);
  // only commas and spaces before the cue (",said …"): no phrase at all
  if (!parts.length) return null;
  // leading adverbials are not the subject ("On Wednesday, however, the director, Jo Bloggs, said")
  while (parts.length > 1 && ADVERBIAL_PART.test(parts[0]!)) {
    lo = text.indexOf(parts[0]!, lo) + parts[0]!.length;
    parts.shift();
  }
  if (parts.length > 3) {
    // "Jo Bloggs, 59, of Leeds, Kent, who watched the match, said": a name with a run of appositives
    const at = text.indexOf(parts[0]!, lo);
    const first = parts.length <= 6 && parts[0]!.split(/\s+/).length <= 7 ? analyse(tokenize(text, at, at + parts[0]!.length).filter((t) => t.text !== "."), text) : null;
    return first?.name && first.kind === "person" && first.start === at && /,\s*$/u.test(text.slice(lo, cue.start)) ? first : null;
  }
  // "A Twitter spokesman, Jo Bloggs," or "Jo Bloggs, a professor at X,": the part with a name
  for (const part of parts) {
    const at = text.indexOf(part, lo);
    const m = part.split(/\s+/).length <= 8 ? analyse(tokenize(text, at, at + part.length).filter((t) => t.text !== "."), text) : null;
    if (m?.name && m.kind === "person") return m;
  }
  const head = parts[0]!;
  const ws = head.split(/\s+/);
  // one part and a comma before the cue is a clause ("To see it is stunning, said …"), not a subject
  if (ws.length > 14 || (parts.length > 1) !== /,\s*$/u.test(text.slice(lo, cue.start))) return null;
  // a clause is no subject: a finite verb outside a relative clause ("It was late and he said")
  const main = head.split(/\s(?:who|that|which|whose)\s/u)[0]!;
  if (/\b(?:is|are|was|were|has|have|had|will|would|can|could|should|did|does|do|if|when|because|while|although|after|before|since)\b/iu.test(main)) return null;
  // "those surveyed said": the people a poll asked, not a clause
  if (/^(?:those|people|voters|respondents|adults|americans|residents)\s+(?:surveyed|polled|interviewed|questioned|asked)$/iu.test(main)) {
    const at = text.indexOf(head, lo);
    return analyse(tokenize(text, at, at + head.length), text);
  }
  // a past tense is a clause: alone, taking an object, or after an adverb whatever follows ("Jo
  // Bloggs jokingly offered the man a job as Secretary of Defense, then says …")
  if ((/\p{L}{3,}ed\b/u.test(main.split(/\s+/).slice(1).join(" ")) && !/\b(?:of|in|at|for|from|with|on)\b/u.test(main)) ||
    /\s\p{Ll}{3,}ed\s+(?:the|a|an|his|her|their|its|him|them)\s/u.test(` ${main} `) || /\s\p{Ll}+ly\s+\p{Ll}{3,}ed\b/u.test(` ${main}`)) {
    // "…, then says": the cue's verb is coordinated with that clause's, whose subject opens it
    if (!/,\s*(?:and\s+)?then\s+$/u.test(text.slice(Math.max(lo, cue.start - 12), cue.start))) return null;
    const subject = mentionAfter(text, text.indexOf(head, lo), end);
    return subject?.name && subject.kind === "person" ? subject : null;
  }
  if (ws.length > 1 && PRONOUNS.has(ws[0]!.toLowerCase())) return null;
  const at = text.indexOf(head, lo);
  return analyse(tokenize(text, at, at + head.length).filter((t) => /[\p{L}\p{N}]/u.test(t.text) || t.text === "’s"), text);
}

/** Cues whose object comes before any "that": in "called the attack that killed …" the "that" is relative. */
const NO_THAT: ReadonlySet<string> = new Set(["call", "describe", "accuse", "charge", "urge", "ask"]);

/** A word that makes the words before a later "that" a clause of their own ("said there was evidence that"). */
const CLAUSE_WORD = /\b(?:is|are|was|were|has|have|had|will|would|could|can|should|might|must|did|does|do|there|i|he|she|they|we|it|you|[\p{L}]+[’'](?:s|re|ll|d|ve|m|t))\s/iu;

/** Cues whose object is the hearer ("told reporters", "assured her"). */
const TELL_CUES: ReadonlySet<string> = new Set(["tell", "inform", "assure", "remind", "advise", "warn"]);

/** A hearer after "told" that the name grammar does not read: "reporters", "her", "the council", "his closest aides". */
const HEARER = /^\s+(?:(?:his|her|their|its)\s+(?:closest\s+|top\s+|senior\s+)?\p{Ll}+s|reporters|journalists|him|her|them|us|me|you|lawmakers|supporters|voters|the\s+\p{Ll}+|\p{Ll}+\s+reporters)\b/u;
/** A possessive hearer ("her closest aides"), read before "her" alone can be taken for the whole object. */
const POSSESSIVE_HEARER = /^\s+(?:his|her|their|its)\s+(?:closest\s+|top\s+|senior\s+)?\p{Ll}+s\b/u;

/** Where the hearer after a tell-like cue ends (or `pos` when there is none), and the hearer if the name grammar read it. */
function skipHearer(text: string, pos: number, sentEnd: number): { end: number; mention: Mention | null } {
  const poss = POSSESSIVE_HEARER.exec(text.slice(pos, sentEnd));
  if (poss) return { end: pos + poss[0].length, mention: null };
  const obj = mentionAfter(text, pos, sentEnd);
  if (obj && /^\s*$/u.test(text.slice(pos, obj.start))) {
    // "told The Star-Ledger of Newark": an outlet's town is part of the hearer
    const of = obj.name ? /^\s+of\s+\p{Lu}[\p{L}.\-]*(?:\s+\p{Lu}[\p{L}.\-]*)?(?=[\s,.;])/u.exec(text.slice(obj.end, sentEnd)) : null;
    return { end: obj.end + (of ? of[0].length : 0), mention: obj };
  }
  const o = HEARER.exec(text.slice(pos, sentEnd));
  return { end: o ? pos + o[0].length : pos, mention: null };
}

/** Skips the object of "told" ("told reporters on Friday"), adverbials and "that" after a cue. */
function clauseStartAfter(ctx: Context, cue: Cue, sentEnd: number): { start: number; that: boolean; via: string | null } {
  const { text } = ctx;
  let pos = cue.end;
  let via: string | null = null;
  if (TELL_CUES.has(cue.base) || cue.base === "urge") {
    const hearer = skipHearer(text, pos, sentEnd);
    const obj = hearer.mention;
    if (obj?.text.split(/\s+/).some((w) => MEDIA_WORDS.has(w.toLowerCase()))) via = obj.text.replace(/^(the|a|an)\s+/i, "");
    pos = hearer.end;
  }
  // "said — on Twitter, as it happens — that": an aside between dashes
  const aside = /^\s+(?:—|--)\s[^—]{1,60}?\s(?:—|--)(?=\s+that\b)/u.exec(text.slice(pos, Math.min(sentEnd, pos + 80)));
  if (aside) pos += aside[0].length;
  for (let k = 0; k < 3; k++) {
    const adv = CUE_ADVERBIALS.exec(text.slice(pos, Math.min(sentEnd, pos + 80)));
    if (!adv || !adv[0].length) break;
    pos += adv[0].length;
  }
  // "has said for months that", "said in a statement released Friday that": a few plain words, then
  // "that" (a capitalised cue word among them is a name's: "in an interview with the Harbour Post that")
  let that = /^\s*,?\s*that\b,?/u.exec(text.slice(pos, sentEnd)) ?? /^,?(?:,?\s+[\p{L}\p{N}’'\-.]+){1,7}?,?\s+that\b,?/u.exec(text.slice(pos, Math.min(sentEnd, pos + 80)));
  if (that && (CLAUSE_WORD.test(that[0]) || that[0].split(/[\s,]+/u).slice(0, -1).some((w) => CUE_FORMS.has(w.toLowerCase()) && !/^\p{Lu}/u.test(w)) || NO_THAT.has(cue.base) && !/^\s*,?\s*that\b/u.test(that[0]))) that = null;
  // "I think that will help", "said that was a mistake": "that" is the reported clause's subject
  if (that && /^\s*,?\s*that\s+(?:will|would|is|was|has|had|can|could|should|may|might|must|does|did|isn’t|isn't|wasn’t|wasn't|won’t|won't)\b/u.test(text.slice(pos, sentEnd))) {
    return { start: pos + /^\s*,?\s*/u.exec(text.slice(pos))![0].length, that: false, via };
  }
  if (that) pos += that[0].length;
  return { start: pos, that: !!that, via };
}

/** An object noun phrase of up to eight words, no punctuation but a possessive or hyphen. */
const OBJ = String.raw`(?:[\p{L}\p{N}][\p{L}\p{N}’'\-./]*\s+){0,7}?[\p{L}\p{N}][\p{L}\p{N}’'\-./]*`;
/** An opening quote mark, typographic, straight, single or doubled. */
const OPEN_Q = String.raw`(?:[“"‘]|'')`;
const ADV = String.raw`(?:\s+\p{Ll}+ly)?(?:\s+(?:on|last|this|earlier|late)\s+\p{L}+)?`;
/**
 * Verbs whose report is an object and its complement rather than a clause: "accused X of Y",
 * "described X as Y", "called X a Y", "called for Y", "called on X to Y", "urged X to Y",
 * "asked (X) whether Y", "vowed to Y". The first group starts the reported content.
 */
/** A frame: optional adverbials after the cue, then `body`, whose first group starts the content. */
const frame = (body: string): RegExp => new RegExp(String.raw`^${ADV}` + body, "du");
const TO_INFINITIVE = [frame(String.raw`\s+(to\s+(?:[“"]|'')?\p{L})`)];
const OBJECT_FRAMES: Record<string, RegExp[]> = Object.assign(Object.create(null) as Record<string, RegExp[]>, {
  accuse: [frame(String.raw`\s+([^.;:!?“”"]{1,80}?)\s+of\s+\p{L}`)],
  charge: [frame(String.raw`\s+([^.;:!?“”"]{1,80}?)\s+with\s+\p{L}`)],
  describe: [frame(String.raw`\s+(${OBJ})\s+(?:[“"]|'')?as\s+\S`), frame(String.raw`\s+(as\s+\S)`)],
  call: [
    frame(String.raw`\s+for\s+()\S`),
    frame(String.raw`\s+on\s+(${OBJ})\s+to\s+\p{L}`),
    frame(String.raw`\s+((?!(?:it|off|up|out|back|in|him|her|them)\b)${OBJ})\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:\p{Ll}+\s+){0,2}${OPEN_Q}`),
    frame(String.raw`\s+((?:him|her|them|it|this|that|himself|herself|themselves)\s+(?:(?:a|an|the)\s+)?(?:\p{Ll}+\s+){0,2}${OPEN_Q})`),
    frame(String.raw`\s+(${OPEN_Q})`),
    frame(String.raw`\s+((?:him|her|them|it|\p{Lu}[\p{L}’'\-]*(?:\s+\p{Lu}[\p{L}’'\-]*){0,2}))\s+(?:a|an)\s+\p{Ll}`),
    // "called the charges a fabrication", "has called climate change a hoax": an object, then what it is called
    frame(String.raw`\s+((?!(?:for|on|off|up|out|back|in|it|a|an|to|at|into|upon|him|her|them|me|us|you|and|or|but|after|before|when|while|as)\b)\p{Ll}[\p{L}\p{N}’'\-]*(?:\s+[\p{L}\p{N}’'\-]+){0,10}?)\s+(?:a|an)\s+(?!(?:few|couple|dozen|day|week|month|year|hour|minute|second|third|lot|number|bit|time|meeting|press|news|vote|halt|truce|ceasefire|strike|special|snap|general|referendum|cab|taxi|doctor|lawyer|friend)\b)\p{Ll}`),
  ],
  urge: [frame(String.raw`\s+(${OBJ})\s+to\s+(?:[“"]|'')?\p{L}`)],
  ask: [
    frame(String.raw`(?:\s+(?!whether|if|why|how|what|when|where|who)${OBJ})?\s+((?:whether|if|why|how|what|when|where|who)\s)`),
    frame(String.raw`\s+(${OBJ})\s+to\s+(?:[“"]|'')?\p{Ll}`),
  ],
  tell: [frame(String.raw`\s+((?:[\p{L}’'\-]+\s+){0,3}?[\p{L}’'\-]+)\s+to\s+\p{Ll}`)],
  warn: [frame(String.raw`\s+(?:of|against)\s+()\S`)],
  vow: TO_INFINITIVE,
  promise: TO_INFINITIVE,
  pledge: TO_INFINITIVE,
  threaten: TO_INFINITIVE,
});

/** Where the reported content of an object-taking cue starts, or -1. */
function objectFrame(ctx: Context, cue: Cue, sentEnd: number): number {
  const frames = OBJECT_FRAMES[cue.base];
  if (!frames) return -1;
  const tail = ctx.text.slice(cue.end, Math.min(sentEnd, cue.end + 160));
  for (const re of frames) {
    const m = re.exec(tail);
    if (!m) continue;
    return cue.end + m.indices![1]![0];
  }
  return -1;
}

/** Verbs that usually want "that", but take a bare clause when one plainly follows ("noted they had …"). */
const THAT_OPTIONAL: ReadonlySet<string> = new Set(["add", "note", "report", "post", "answer", "continue", "highlight", "underline", "underscore", "propose", "recommend", "advise", "maintain"]);

/** Whether text opens with a subject and a finite verb ("they had", "his attorney offered to"). */
function opensClause(s: string): boolean {
  if (/^\s*(?:i|he|she|they|we|it|you)\s+(?!to\b)\p{Ll}/iu.test(s)) return true;
  return /^\s*(?:the|a|an|his|her|their|its|this|these|those|some|many|most|several|\p{Lu}[\p{L}’'\-]*)(?:\s+[\p{L}’'\-]+){0,4}?\s+(?:is|are|was|were|will|would|could|can|should|may|might|must|has|have|had|did|does|do)\b/u.test(s);
}

/**
 * "said in politics it takes years", "said in July she was advised": "in" or "during" and one to four
 * words (no comma, no "that", no wh-word) and then a clause with its subject and verb. ("agree on a
 * justice they can tolerate" is a noun and its relative clause: "on" and "at" are left out.)
 */
function phraseThenClause(s: string): boolean {
  for (const re of PHRASE_OF) {
    const m = re.exec(s);
    if (!m) return false;
    const rest = s.slice(m[0].length);
    if (/^(?:that|which|who|and|or|but)\b/u.test(rest)) return false;
    if (opensClause(rest) && hasFiniteVerb(rest.slice(0, 60))) return true;
  }
  return false;
}
/** A preposition and exactly 1, 2, 3 or 4 words, for phraseThenClause. */
const PHRASE_OF = [1, 2, 3, 4].map((n) => new RegExp(String.raw`^\s*(?:in|during)(?:\s+(?!(?:what|which|who|whom|where|how|why|until|when|because|if|after|before|while|as|since|unless|than)\b)[\p{L}’'\-]+){${n}}\s+`, "u"));

const PARTICIPLE_PREPOSITIONS = /^(?:by|from|for|after|before|while|when|without|of|in|on|upon|since)$/u;

/** The speaker of a direct quote whose cue stands earlier in the sentence ("“…,” he said, adding that"). */
function speakerOfCueBefore(ctx: Context, lo: number, hi: number): Mention | null {
  let found: Mention | null = null;
  // (from the quote the sentence starts inside, if any: "… a hater. He's a hater,” Okafor said, adding
  // that …" splits its sentence inside the quote, whose cue still comes before the participle)
  for (let j = Math.max(0, firstSpanFrom(ctx, Math.max(0, lo - 1)) - 1); j < ctx.spans.length && ctx.spans[j]!.open < hi; j++) {
    const st = ctx.direct[j];
    if (st?.cue && st.mention && st.cue.start >= lo && st.cue.end <= hi) found = st.mention;
  }
  return found;
}

/** Cues whose passive subject is the one spoken to, or spoken of ("was told", "was described as"). */
const ADDRESSEE_CUES: ReadonlySet<string> = new Set(["tell", "ask", "inform", "warn", "urge", "advise", "assure", "remind", "describe", "call", "accuse", "charge"]);

/** A verb right after a subject: an auxiliary, a past form or a present -s form. */
const VERB_NEXT = new RegExp(`^\\s+(?:\\p{Ll}+ly\\s+)?(?:(?:on\\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\\s+)?(?:has|have|had|is|are|was|were|will|would|could|can|did|does|do|also|${IRREGULAR_PAST}|\\p{Ll}{2,}ed|\\p{Ll}{2,}[^s\\s]s)\\b`, "u");

/**
 * The subject of the sentence's main verb, for a participle that continues it ("In 2016, Ann Lee
 * endorsed the plan, saying …"): the first mention, at the sentence start or after a comma, that a
 * verb follows.
 */
function mainSubject(ctx: Context, sentStart: number, hi: number): Mention | null {
  const { text } = ctx;
  let pos = afterDateline(text, sentStart, hi);
  for (let k = 0; k < 6 && pos < hi; k++) {
    let lo = pos;
    while (lo < hi && /\s/u.test(text[lo]!)) lo++;
    const conn = LEADING_CONNECTIVE.exec(text.slice(lo, Math.min(hi, lo + 12)));
    if (conn) lo += conn[0].length;
    const m = mentionAfter(text, lo, hi);
    // ("Rallying hundreds of workers, Ruiz promised": a participle opening the sentence, not its subject)
    const opener = !!m && k === 0 && /^\p{Lu}\p{Ll}+ing$/u.test(m.text) && /^[^,;:“”"]{1,120},\s/u.test(text.slice(m.end, hi));
    if (m && !opener && VERB_NEXT.test(text.slice(m.end, Math.min(hi, m.end + 40)))) return m;
    const comma = text.slice(pos, hi).indexOf(",");
    if (comma < 0) break;
    pos += comma + 1;
  }
  return null;
}

/**
 * The subject of the last clause coordinated after a comma before `hi` (", and the union has sued
 * the city"), when it comes after `after` (the subject found so far): a participle continues the
 * nearest clause, not the sentence's first one. Null when there is none.
 */
function coordinatedClauseSubject(ctx: Context, sentStart: number, hi: number, after: Mention | null): Mention | null {
  const { text } = ctx;
  const re = /,\s+(?:and|but|while|yet)\s+/gu;
  const part = text.slice(sentStart, hi);
  let found: Mention | null = null;
  for (let m = re.exec(part); m; m = re.exec(part)) {
    const lo = sentStart + m.index + m[0].length;
    // a clause inside a quote is not the narrative's ("“…, and we were going to win,” she said, recalling …")
    if (after && lo <= after.start || /[“”"]|''/u.test(text.slice(lo, hi))) continue;
    const s = mentionAfter(text, lo, hi);
    if (s && s.start === lo && (s.name || s.definiteDescription || s.pronoun && s.pronoun !== "it") && VERB_NEXT.test(text.slice(s.end, Math.min(hi, s.end + 40)))) found = s;
  }
  return found;
}

/** -ing words that are nouns of an occasion, not a verb's participle ("told the harbour board's briefing:"). */
const ING_NOUNS: ReadonlySet<string> = new Set(["meeting", "briefing", "hearing", "morning", "evening", "gathering", "building", "sitting", "wedding", "screening"]);
/** Verb forms the strict test leaves out, which make the words before a colon a clause of their own. */
const MORE_VERBS = new RegExp(`\\b(?:be|been|being|am|do|don’t|don't|${IRREGULAR_PAST})\\b`, "iu");
/**
 * Cues whose object is itself what is reported ("promised a new pier: “…”", "vowed a recount: “…”"):
 * the words before a colon stay in the statement.
 */
const OBJECT_IS_REPORT: ReadonlySet<string> = new Set([
  "promise", "pledge", "vow", "guarantee", "threaten", "demand", "propose", "recommend", "urge", "call", "deny",
  "admit", "acknowledge", "concede", "confirm", "claim", "allege", "announce", "predict", "forecast", "estimate",
  "suggest", "accuse", "charge", "describe", "question", "ask", "highlight", "underline", "underscore",
]);
/** A colon and an opening quote mark, then a quoted sentence (a capital, a digit, or "[…]" / "…" before one). */
const COLON_QUOTE = /:\s*(?=(?:[“"]|'')(?:\[|\.\.\.|…)?\s*[\p{Lu}\p{N}])/u;
/**
 * Where a clause read after a cue really starts when it is only the cue's object or an adverbial, then
 * a colon introducing a quoted sentence ("telling a radio station: “We will not back down.”", "said
 * at the pier on Friday: “…”"): at the opening quote mark. The words before the colon are kept when they
 * could be content of their own: a verb, a clause word, a participle, a comma, a dash or more than ten
 * words ("said the pier was unsafe: “…”", "recalled taking the ferry as a child: “…”"), and so are those
 * of a cue whose object is what it reports (OBJECT_IS_REPORT).
 */
function quoteAfterObject(text: string, cue: Cue, s: number, e: number): number {
  if (OBJECT_IS_REPORT.has(cue.base)) return s;
  const clause = text.slice(s, e);
  const colon = COLON_QUOTE.exec(clause);
  if (!colon) return s;
  const pre = clause.slice(0, colon.index);
  if (!pre.trim() || /[“”"‘’,;()—–]|\s-\s|\s--\s/u.test(pre.replace(/(?<=\p{L})’(?=s\b)/gu, "")) || pre.trim().split(/\s+/u).length > 10) return s;
  if (STRICT_FINITE.test(pre) || CONTRACTED.test(pre) || MORE_VERBS.test(pre)) return s;
  if (/\b(?:how|what|why|who|whom|whose|which|that|if|whether|because|where|than|so)\b/iu.test(pre)) return s;
  // a pronoun and a verb ("it sinks"), not a pronoun object and a determiner ("explained it this morning on the quay")
  if (/^(?:i|he|she|they|we|you|there|it)\s+(?:\p{Ll}+ly\s+)?(?!(?:this|his|its|us|as|thus)\b)\p{Ll}+(?:s|ed)\b/iu.test(pre.trim())) return s;
  for (const w of pre.toLowerCase().match(/\p{L}{2,}ing\b/gu) ?? []) if (!ING_NOUNS.has(w)) return s;
  const mark = s + colon.index + colon[0].length;
  return mark < e ? mark : s;
}

/** "X said (that) CLAUSE", "X told reporters CLAUSE", and participles "…, saying CLAUSE". */
function clauseAfter(ctx: Context, cue: Cue, lastSubject: Mention | null): Statement | null {
  const { text } = ctx;
  const sent = sentenceBounds(ctx, cue.start);
  const after = clauseStartAfter(ctx, cue, sent.end);
  const { that, via } = after;
  // "the department was told that …": the subject heard the words; who spoke them is not said here
  if (!cue.participle && ADDRESSEE_CUES.has(cue.base) && /\b(?:was|were|been|being|be|is|are|am|get|got)\s+(?:\p{Ll}+ly\s+)?$/u.test(text.slice(Math.max(sent.start, cue.start - 24), cue.start))) return null;
  const framed = that ? -1 : objectFrame(ctx, cue, sent.end);
  const start = framed >= 0 ? framed : after.start;
  // "…, said Jo Bloggs, director of X": an inverted attribution closing the clause before it
  if (!cue.participle && !that && /,[”"’']*\s*$/u.test(text.slice(Math.max(sent.start, cue.start - 4), cue.start))) {
    const inv = mentionAfter(text, cue.end, sent.end);
    if (inv && /^\s*$/u.test(text.slice(cue.end, inv.start)) && /^\s*(?:[,;(]|\.?\s*$)/u.test(text.slice(inv.end, sent.end))) return null;
  }
  if (framed < 0 && (cue.base === "call" || NEEDS_THAT.has(cue.base) && !that && !(THAT_OPTIONAL.has(cue.base) && opensClause(text.slice(start, start + 80))))) return null;
  const next = text.slice(start, start + 2);
  if (!/^\s*[\p{L}\p{N}“"‘']/u.test(next)) return null;
  // a whole quote right after the cue is a direct quote, handled by the direct sieves
  if (/^\s*[“"]/u.test(next) && !that) {
    const q = firstSpanFrom(ctx, start);
    if (q < ctx.spans.length && ctx.spans[q]!.open < start + 3 && ctx.standalone[q]) return null;
  }
  if (/^\s*(?:to|for|about(?!\s+\p{N})|of|with|without|by|in|on|at|from|goodbye|so|nothing|something|anything)\b|^\s*(?:no|yes)\b(?!\s+\p{L})/iu.test(next + text.slice(start + 2, start + 12)) && !that && framed < 0 && !phraseThenClause(text.slice(start, Math.min(sent.end, start + 120)))) return null;
  // "said it over and over": "it" is the object, not a clause's subject
  if (!that && framed < 0 && /^\s*(?:it|this)\s+(?:over|again|to|in|on|at|for|with|before|after|publicly|privately|first|twice|often|repeatedly|loudly|aloud|best|himself|herself|themselves|myself)\b/iu.test(text.slice(start, start + 30))) return null;
  let end = clauseEnd(ctx, start, sent.end);
  // "After aides insisted that X, the campaign …": a report inside an opening subordinate clause ends
  // at the comma before the main clause
  if (!cue.participle && SUBORDINATE_OPENER.test(text.slice(sent.start, cue.start))) {
    const comma = text.slice(start, end).search(/,(?!\d)/u);
    if (comma > 0) end = start + comma;
  }
  const [s, e] = trimClause(text, start, end);
  if (words(text.slice(s, e)) < (framed >= 0 ? 2 : MIN_CLAUSE_WORDS)) return null;
  // a reported clause starts with its subject, not with a verb ("Everything he says is a lie") or
  // a time conjunction ("said as he entered the talks")
  // "…, which he said were accompanied by …": the relative pronoun is the reported clause's subject
  const relative = !that && framed < 0 && /\b(?:which|that|who|whom)\s+(?:he|she|they|we|i|\p{Lu}[\p{L}’'\-]+(?:\s+\p{Lu}[\p{L}’'\-]+)?)\s+(?:\p{Ll}+ly\s+)?$/u.test(text.slice(Math.max(sent.start, cue.start - 40), cue.start)) && /^(?:is|are|was|were|has|have|had|will|would|could|should)\s/u.test(text.slice(s, e));
  if (!that && framed < 0 && !relative && /^(?:is|are|was|were|has|have|had|will|would|can|could|should|must|as|when|while|after|before|since|until)\b/iu.test(text.slice(s, e))) return null;
  if (!that && framed < 0 && !relative && !hasFiniteVerb(text.slice(s, e)) && !/^(?:he|she|they|we|i|it|you)\s+\p{Ll}/u.test(text.slice(s, e))) return null;
  let mention: Mention | null;
  let sieve: string;
  let conf: number;
  if (cue.participle) {
    const pre = text.slice(Math.max(sent.start, cue.start - 3), cue.start);
    const wordBefore = /([\p{L}’']+)\s+(?:\p{Ll}+ly\s+)?$/u.exec(text.slice(Math.max(sent.start, cue.start - 30), cue.start))?.[1]?.toLowerCase() ?? "";
    if (/^(?:is|are|was|were|am|been|be|isn’t|isn't|aren’t|aren't|wasn’t|wasn't|weren’t|weren't)$/u.test(wordBefore)) {
      // "X is telling voters that …": a progressive, the subject before the auxiliary
      mention = fallbackSubject(ctx, sent.start, cue);
      if (!mention) return null;
      sieve = "cue-clause";
      conf = 0.7;
    } else if (!/,\s*$/.test(pre) && !/^\s*$/.test(text.slice(sent.start, cue.start)) && !PARTICIPLE_PREPOSITIONS.test(wordBefore) && !/^(?:and|or|but|then|while|yet)$/u.test(wordBefore)) {
      // "KCNA reported Kim saying CLAUSE": the participle's own subject
      mention = mentionBefore(text, sent.start, cue.start);
      sieve = "participle-subject";
      conf = 0.75;
      if (!mention || mention.end < cue.start - 1) {
        // "… issued a statement saying …": the statement's author, the sentence's subject
        mention = lastSubject ?? mainSubject(ctx, sent.start, cue.start);
        if (!mention) return null;
        sieve = "participle";
        conf = 0.65;
      }
    } else {
      // "…, saying CLAUSE" / "… by saying CLAUSE": the subject of the sentence's main verb, or of the
      // clause coordinated after it ("Workers say …, and the union has sued the city, saying …")
      mention = coordinatedClauseSubject(ctx, sent.start, cue.start, lastSubject) ?? lastSubject ?? speakerOfCueBefore(ctx, sent.start, cue.start) ?? mainSubject(ctx, sent.start, cue.start) ?? mentionAfter(text, afterDateline(text, sent.start, cue.start), cue.start);
      if (!mention) return null;
      sieve = "participle";
      conf = 0.7;
    }
  } else {
    sieve = that ? "cue-that-clause" : framed >= 0 ? "cue-object" : "cue-clause";
    if (/\bto\s+$/u.test(text.slice(Math.max(sent.start, cue.start - 4), cue.start))) {
      // "Clinton plans to call for …", "she summoned them to tell them …": the infinitive speaks for the
      // sentence's subject; without one ("There's no way to tell") there is no speaker
      mention = lastSubject ?? mainSubject(ctx, sent.start, cue.start);
      conf = 0.6;
    } else {
      // "such as his recent claim that …": a noun cue whose owner is a possessive pronoun speaks for
      // the pronoun's referent
      const owner = NOUN_CUES.has(cue.base) ? POSSESSIVE_BEFORE_NOUN.exec(text.slice(Math.max(sent.start, cue.start - 40), cue.start)) : null;
      if (owner) {
        const at = cue.start - owner[0].length + owner[0].indexOf(owner[1]!);
        const pron = POSSESSIVE_PRONOUN.get(owner[1]!.toLowerCase())!;
        mention = { text: owner[1]!, start: at, end: at + owner[1]!.length, name: null, nameStart: null, nameEnd: null, role: null, pronoun: pron, kind: pron === "they" ? "group" : "person", definiteDescription: false };
      } else mention = subjectBefore(ctx, sent.start, cue);
      // a phrase ending in "and" read as a name ("Jo Bloggs often praises the plan and")
      if (mention && /\s(?:and|but)$/u.test(mention.text)) mention = coordinatedSubject(text, mention.start, mention.end);
      conf = that ? 0.85 : 0.75;
      if (!mention && /\b(?:and|but)\s+(?:also\s+|later\s+|then\s+)?$/u.test(text.slice(Math.max(sent.start, cue.start - 16), cue.start))) {
        // "Kim evoked his father's legacy and said that …": the subject of the first verb, after a
        // leading participle phrase ("Walking to the pier, Kim recalled … and said")
        mention = lastSubject ?? mentionAfter(text, afterConnective(text, afterDateline(text, sent.start, cue.start), cue.start), cue.start);
        // (a gerund subject has its verb next, "Rallying works"; "Rallying hundreds of workers, Ruiz
        // promised …" is a phrase before the subject, whatever word follows it)
        if (mention && !lastSubject && /^\p{Lu}\p{Ll}+ing$/u.test(mention.text) && (!VERB_NEXT.test(text.slice(mention.end, Math.min(cue.start, mention.end + 40))) || /^[^,;:“”"]{1,120},\s+(?:\p{Lu}[\p{L}’'\-]*|he|she|they|we|it)\s/u.test(text.slice(mention.end, cue.start)))) mention = mainSubject(ctx, sent.start, cue.start);
        sieve = "coordinated-subject";
        conf = that ? 0.7 : 0.65;
      }
      if (!mention) {
        mention = fallbackSubject(ctx, sent.start, cue);
        sieve = "subject-phrase";
        conf = 0.6;
      }
    }
    if (!mention) return null;
  }
  if (cue.belief) conf -= 0.15;
  // "telling a radio station: “…”": the statement is the quote, not the cue's object before the colon
  const from = that || framed >= 0 ? s : quoteAfterObject(text, cue, s, e);
  return make(cue, mention, from, e, sieve, conf, via);
}

/** Cue words that are also nouns of saying ("her claim that"). */
const NOUN_CUES: ReadonlySet<string> = new Set(["claim", "promise", "charge", "pledge", "vow", "warning", "assertion", "suggestion", "contention", "boast"]);
/** A possessive pronoun and up to two adjectives right before a word ("his recent |"): group 1 the pronoun. */
const POSSESSIVE_BEFORE_NOUN = /(?:^|[^\p{L}’'])(his|her|their|His|Her|Their)\s+(?:(?:recent|latest|new|bold|false|earlier|previous|repeated|oft-repeated|unfounded|baseless|dubious|frequent|\p{Ll}+(?:ous|ent|ive|ic|ical|less|able|ible))\s+){0,2}$/u;
const POSSESSIVE_PRONOUN: ReadonlyMap<string, string> = new Map([["his", "he"], ["her", "she"], ["their", "they"]]);
/** After "CLAUSE, X said": a time clause ("as she left the hall") may end the sentence. */
const TIME_CLAUSE_TAIL = /^(?:\s+(?:as|while|when|after|before)\s[^“”"]*$)/u;
/**
 * After "CLAUSE, X said": adverbials, a hearer, then optionally a comma and a relay, participle or
 * description, then the sentence end. Anything else means the attribution does not close the clause.
 */
const ATTRIBUTION_TAIL = /^(?:\s+by\s+(?:phone|telephone|email|e-mail|text message|video link)|\s+(?:on|in|at|from|during|via|outside|last|this|earlier|late|after|before)\s[^,.;]{1,50}|\s+(?:reporters|journalists)|\s+\p{Ll}+ly|\s+(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday)(?:\s+(?:morning|afternoon|evening|night))?|\s+(?:today|yesterday|tonight|afterwards?))*\s*(?:[,;—–]\s*(?:according|citing|which|who|adding|saying|as|in|on|at|and|but|when|while|referring|using|speaking|a|an|the|his|her|their|its|\p{Ll}+ing)\b.*)?[.!?”"’]*\s*$/su;

/**
 * Cues whose words after them are their object, never an inverted speaker: in "Jo Bloggs, who runs
 * the ferry, posted the timetable on Friday" the timetable is what was posted (decision 027).
 */
const NO_INVERSION: ReadonlySet<string> = new Set([
  "describe", "rebuke", "scold", "chide", "deny", "urge", "post", "call", "charge", "accuse", "threaten",
  "promise", "pledge", "vow", "demand", "propose", "recommend", "remind", "inform", "assure", "highlight",
  "underline", "underscore", "mention", "reveal", "disclose", "question",
]);

/**
 * "Humphrey, who calls Okafor a “sociopath,” said …", "Jo Bates, a rival, said …": a name and the
 * clause or appositive describing it, up to the cue: the name is the cue's subject, no clause the
 * cue closes by inversion.
 */
const SUBJECT_WITH_CLAUSE = /^\s*(?:\p{Lu}[\p{L}.’'\-]*\s+){0,4}\p{Lu}[\p{L}.’'\-]*,\s+(?:who|whose|a|an|the|\p{N}{1,3},)\s[^;:.!?]*,[”"’']*\s*$/u;

const PERSON_PRONOUNS: ReadonlySet<string> = new Set(["he", "she"]);
/** The words before a sentence's first cue that are only its subject: a capitalised name or role, no comma, no subordinator. */
const OPENING_SUBJECT = /^(?!(?:When|If|As|After|Before|While|Because|Since|Although|Though|Until|Once|Where)\s)\p{Lu}[^,;:“”"()]{0,80}$/u;
/** "CLAUSE, X said." and "CLAUSE, said X." */
function clauseBefore(ctx: Context, cue: Cue): Statement | null {
  const { text } = ctx;
  if (cue.participle) return null;
  const sent = sentenceBounds(ctx, cue.start);
  // what follows the attribution must end the sentence (allowing adverbials and a relay)
  let mention: Mention | null = null;
  let comma = -1;
  let after = cue.end;
  const end = cue.start - gapBefore(text, cue.start);
  let m = mentionBefore(text, sent.start, end);
  // a short plain phrase between the comma and the cue ("…, one slide says")
  if (!m || !COMMA_BEFORE.test(text.slice(Math.max(sent.start, m.start - 5), m.start))) {
    const comma0 = lastIn(text, ",", sent.start, end);
    if (comma0 > sent.start && COMMA_BEFORE.test(text.slice(comma0, comma0 + 5).split(/(?<=\s)/u)[0]! + " ")) {
      const lo = comma0 + /^,[”"’']*\s*/u.exec(text.slice(comma0, end))![0].length;
      const p = plainSubject(text, lo, end);
      if (p && p.start === lo) m = p;
    }
  }
  if (m && COMMA_BEFORE.test(text.slice(Math.max(sent.start, m.start - 5), m.start))) {
    mention = m;
    comma = text.lastIndexOf(",", m.start);
  } else if (!NO_INVERSION.has(cue.base) && COMMA_BEFORE.test(text.slice(Math.max(sent.start, cue.start - 5), cue.start)) && !SUBJECT_WITH_CLAUSE.test(text.slice(sent.start, cue.start))) {
    let inv = mentionAfter(text, cue.end, sent.end);
    if (!inv) {
      // ", said a handful of Democrats who …": a plain noun phrase after the cue
      const plain = /^\s+((?:a|an|the|some|many|several|most|few|two|three|four|five|\p{N}+)\s[^,;:.“”"()]{2,80}?)(?=\s+(?:who|whose|which|that)\b|\s*[,;]|\.?\s*$)/u.exec(text.slice(cue.end, sent.end));
      if (plain && plain[1]!.split(/\s+/).length <= 10 && !CUE_FORMS.has(plain[1]!.split(/\s+/)[1]!.toLowerCase()) && !CLAUSE_VERB.test(plain[1]!)) {
        const lo = cue.end + plain[0].indexOf(plain[1]!);
        inv = analyse(tokenize(text, lo, lo + plain[1]!.length), text);
      }
    }
    if (inv) {
      mention = inv;
      comma = text.lastIndexOf(",", cue.start);
      after = inv.end;
    }
  }
  if (!mention || comma <= sent.start) return null;
  if (TELL_CUES.has(cue.base) && after === cue.end) {
    // "CLAUSE, the president told her." / "…, an official told The Times.": the hearer follows the cue
    after = skipHearer(text, cue.end, sent.end).end;
  }
  const tail = text.slice(after, sent.end);
  // ", said Jo Bloggs, director of …" / ", said a handful of members who …": what follows an inverted
  // speaker describes the speaker
  const described = after !== cue.end && /^(?:\s*,|\s+(?:of|who|whose|from|at|with|for|in)\b)/u.test(tail) && !/[“"]/u.test(tail);
  // "X said, the council would …" goes on with a clause: that is a parenthetical attribution
  if (after === cue.end && /^\s*,\s*(?:the|a|an|his|her|their|its)\b/iu.test(tail)) return null;
  if (!described && !TIME_CLAUSE_TAIL.test(tail) && !ATTRIBUTION_TAIL.test(tail)) return null;
  // "Ruiz spokesman Tom Reyes said that the campaign will …, he said": the clause is already a
  // statement of the cue its subject opens it with, which a closing pronoun's cue only repeats (not
  // "When Ruiz said …, the Post reported", nor "Reyes said X, and Y, she said")
  if (mention.pronoun && PERSON_PRONOUNS.has(mention.pronoun)) {
    for (const c of ctx.cues) {
      if (c.start >= comma) break;
      if (c.start > sent.start && !c.participle && ctx.usedCues.has(c) && OPENING_SUBJECT.test(text.slice(sent.start, c.start))) return null;
    }
  }
  let start = sent.start;
  // a sentence that is one whole quote before the cue belongs to the direct sieves
  const q0 = firstSpanFrom(ctx, start);
  if (q0 < ctx.spans.length && ctx.spans[q0]!.open <= start + 2 && ctx.standalone[q0] && ctx.spans[q0]!.after >= comma - 1) return null;
  const [s, e0] = trimClause(text, start, comma);
  if (words(text.slice(s, e0)) < MIN_CLAUSE_WORDS) return null;
  // a partial quote closing at the comma keeps its closing mark
  const close = /^,([”"’]|'')/u.exec(text.slice(comma, comma + 3));
  const e = close ? comma + close[0].length : e0;
  return make(cue, mention, s, e, "clause-then-cue", cue.belief ? 0.7 : 0.85);
}

/** After a mid-sentence or opening attribution: adverbials, then the comma that closes it ("…, he said on Friday, …"). */
const ATTRIBUTION_CLOSE = /^(?:\s+(?:on|in|at|last|this|earlier|later)\s[^,.;]{1,30}|\s+(?:\p{Ll}+ly|then|again|too|also|today|yesterday|recently|previously|once))?\s*,/u;
/** "As X noted, ": the attribution opening its sentence, up to where the speaker starts. */
const AS_OPENING = /^\s*(?:(?:But|And|Yet|So),?\s+)?As\s+/u;

/**
 * "As press secretary Tom Reyes explained, three taxes were postponed": an attribution opening the
 * sentence with "As", then a comma; the rest of the sentence is what was said.
 */
function asCue(ctx: Context, cue: Cue): Statement | null {
  const { text } = ctx;
  if (cue.participle || cue.belief || cue.thought) return null;
  const sent = sentenceBounds(ctx, cue.start);
  const end = cue.start - gapBefore(text, cue.start);
  const as = AS_OPENING.exec(text.slice(sent.start, end));
  if (!as) return null;
  const from0 = sent.start + as[0].length;
  // a name or description, else a plain phrase ("As the paper noted", "As another study from 2011 found")
  let m = mentionBefore(text, sent.start, end);
  if (!m || m.end < end - 1 || m.start !== from0) m = plainSubject(text, from0, end);
  if (!m || m.end < end - 1 || m.start !== from0 || m.pronoun === "it") return null;
  // the cue, adverbials or a hearer, then the comma ("As Reyes told reporters on Friday, …")
  const from = TELL_CUES.has(cue.base) ? skipHearer(text, cue.end, sent.end).end : cue.end;
  const after = ATTRIBUTION_CLOSE.exec(text.slice(from, sent.end));
  if (!after) return null;
  const close = from + after[0].length;
  const [s, e] = trimClause(text, close, sent.end);
  if (words(text.slice(s, e)) < MIN_CLAUSE_WORDS || !hasFiniteVerb(text.slice(s, e)) || /[“"]|''/u.test(text.slice(s, e))) return null;
  return make(cue, m, s, e, "parenthetical-cue", 0.8);
}

/** "In a merger, he said, the brand would survive": an attribution set off by commas mid-sentence. */
function parenthetical(ctx: Context, cue: Cue): Statement | null {
  const { text } = ctx;
  if (cue.participle) return null;
  const sent = sentenceBounds(ctx, cue.start);
  let mention: Mention | null = null;
  let open = -1;
  let close = -1;
  const end = cue.start - gapBefore(text, cue.start);
  let m = mentionBefore(text, sent.start, end);
  // "In some ways, the brothers noted, …": a plain phrase between the commas
  if (!m) {
    const c0 = lastIn(text, ",", sent.start, end);
    if (c0 > sent.start) {
      const p = plainSubject(text, c0 + 1, end);
      if (p && /^\s*$/u.test(text.slice(c0 + 1, p.start)) && (p.definiteDescription || /^(?:the|some|many|several|two|three|other)\s/iu.test(p.text))) m = p;
    }
  }
  if (m && m.end >= end - 1 && COMMA_BEFORE.test(text.slice(Math.max(sent.start, m.start - 5), m.start))) {
    mention = m;
    open = text.lastIndexOf(",", m.start);
    // "…, he told me on Friday, …": the hearer, then adverbials, then the closing comma
    const from = TELL_CUES.has(cue.base) ? skipHearer(text, cue.end, sent.end).end : cue.end;
    const after = ATTRIBUTION_CLOSE.exec(text.slice(from, sent.end));
    if (after) close = from + after[0].length;
  } else if (/,\s*$/.test(text.slice(Math.max(sent.start, cue.start - 3), cue.start))) {
    const inv = mentionAfter(text, cue.end, sent.end);
    if (inv && /^\s*,/.test(text.slice(inv.end, inv.end + 3))) {
      mention = inv;
      open = text.lastIndexOf(",", cue.start);
      close = text.indexOf(",", inv.end) + 1;
      // ", said Jo Bloggs, a former official." describes the speaker; nothing goes on
      const described = text.slice(close, sent.end).split(/\b(?:who|whose|which|that)\b/u)[0]!;
      if (!STRICT_FINITE.test(described) && !CONTRACTED.test(described) && !/[“"]|''/u.test(text.slice(close, sent.end))) return null;
    }
  }
  if (!mention || open <= sent.start || close <= 0) return null;
  if (/^\s*[“"]/u.test(text.slice(sent.start, sent.start + 2))) return null;
  const head = text.slice(sent.start, open);
  const rest = text.slice(close, sent.end);
  if (words(head) < 1 || words(rest) < MIN_CLAUSE_WORDS) return null;
  // the comma pair must interrupt one clause: what follows starts lowercase or with a name, not a new attribution
  if (/^\s*(?:according|which|who|adding|saying|as)\b/iu.test(rest)) return null;
  // "…, she said, asserting that …": the participle carries a report of its own
  const firstWord = /^\s*([\p{L}]+)/u.exec(rest)?.[1]?.toLowerCase() ?? "";
  if (firstWord.endsWith("ing") && CUE_FORMS.has(firstWord)) return null;
  // "X, she said, and Y": the report goes on after the attribution only when Y is a clause or a quote
  if (/^\s*(?:and|but)\b/iu.test(rest) && !/[“"]|''/u.test(rest) && !hasFiniteVerb(rest)) return null;
  const [s, e] = trimClause(text, sent.start, sent.end);
  if (!hasFiniteVerb(head + rest)) return null;
  // "Ortiz said that was natural — no different, he said, from any race": a pronoun's reminder inside
  // a report a named subject's cue opened earlier in the sentence; that report holds it
  if (mention.pronoun && cuesIn(ctx, sent.start, open).some((c) => {
    if (c.participle || c.belief) return false;
    const subject = subjectBefore(ctx, sent.start, c);
    if (!subject?.name) return false;
    // of the pronoun's gender, where the first name tells it ("After Ann Lee accused him, he warned, …" is his)
    const parts = subject.name.split(/\s+/u);
    const g = parts.length > 1 ? genderOfName(parts[0]!.toLowerCase()) : null;
    return !g || (mention!.pronoun === "he" ? g === "m" : mention!.pronoun === "she" ? g === "f" : true);
  })) return null;
  return make(cue, mention, s, e, "parenthetical-cue", 0.8);
}

/** A connective that may open a sentence before a leading "according to" ("But according to X, …"). */
const OPENER = /^\s*(?:(?:but|and|yet|so|still|however|also|now|instead|indeed|meanwhile)\b,?\s*)?$/iu;
const SOURCE_WORDS = 24;
/** "went according to plan": a manner, not a source. */
const NOT_A_SOURCE = /^(?:plan|schedule|script|form|expectations?|tradition|custom)$/iu;

/**
 * The source after "according to": a name or role right there, else the plain phrase up to the
 * next comma or the sentence end ("according to early results of exit polls conducted by …").
 */
function sourceAfter(ctx: Context, cue: Cue, sentEnd: number): Mention | null {
  const { text } = ctx;
  const m = mentionAfter(text, cue.end, sentEnd);
  if (m && /^\s*$/u.test(text.slice(cue.end, m.start)) && /^\s*(?:[,;(]|(?:who|whose|which|that)\s|\.?[”"’]?\s*$)/u.test(text.slice(m.end, sentEnd))) return m;
  const plain = /^\s*([^,;:.]{2,200}?)\s*(?=[,;]|\.?[”"’]?\s*$)/u.exec(text.slice(cue.end, Math.min(sentEnd, cue.end + 220)));
  if (plain && plain[1]!.split(/\s+/).length <= SOURCE_WORDS) {
    const lo = cue.end + plain[0].indexOf(plain[1]!);
    return analyse(tokenize(text, lo, lo + plain[1]!.length), text) ?? m;
  }
  return m;
}

/**
 * "According to X, CLAUSE", "CLAUSE, according to X …", "A, according to X, B" (the whole sentence)
 * and "CLAUSE according to X."
 */
function accordingTo(ctx: Context, cue: Cue): Statement | null {
  const { text } = ctx;
  const sent = sentenceBounds(ctx, cue.start);
  const m = sourceAfter(ctx, cue, sent.end);
  if (!m || NOT_A_SOURCE.test(m.text)) return null;
  let after = m.end;
  // an appositive after the source: "the Korean Central News Agency (KCNA), North Korea’s official outlet,"
  const appos = /^,\s+(?:the|a|an|his|her|its|one|(?:\p{Lu}[\p{L}\-]*\s)*\p{Lu}[\p{L}\-]*[’']s)\s[^,;:“”"]{1,90}(?=,)/u.exec(text.slice(after, after + 110));
  if (appos) after += appos[0].length;
  const before = text.slice(sent.start, cue.start);
  const commaAfter = /^\s*,/.test(text.slice(after, after + 2));
  if (OPENER.test(before) || /,\s*$/.test(before) && commaAfter && words(before) <= 4 && OPENER.test(before.replace(/,\s*$/, ""))) {
    // According to X, CLAUSE
    if (!commaAfter) return null;
    const [s, e] = trimClause(text, after, clauseEnd(ctx, after + 1, sent.end));
    if (words(text.slice(s, e)) < MIN_CLAUSE_WORDS) return null;
    return make(cue, m, s, e, "according-to", 0.9);
  }
  // a sentence that opens with a quote: "according to" is the direct quote's relay, handled as `via`
  if (/^\s*[“"]/u.test(before)) return null;
  if (/,\s*$/.test(before) && commaAfter && !/^[\s,]*(?:and|but|which|who|where|when|while|as|citing|saying|adding)\b/iu.test(text.slice(after, sent.end))) {
    // "A, according to X, B": the source interrupts one clause, which is the whole sentence
    const rest = text.slice(after + 1, sent.end);
    if (words(rest) >= 2 && hasFiniteVerb(before + rest)) {
      const [s, e] = trimClause(text, sent.start, sent.end);
      return make(cue, m, s, e, "according-to", 0.8);
    }
  }
  if (/,\s*$/.test(before) || words(before) >= 6 && /^[\s.!?”"’]*$/.test(text.slice(after, sent.end))) {
    // CLAUSE, according to X (and whatever describes X, up to the sentence end)
    const [s, e] = trimClause(text, sent.start, cue.start);
    if (words(text.slice(s, e)) < MIN_CLAUSE_WORDS) return null;
    return make(cue, m, s, e, "according-to", 0.85);
  }
  return null;
}

/** "did not say whether", "hasn't said who", "would never explain why": a report withheld, not made. */
const NEGATED_BEFORE = /(?:\b(?:not|never)|n[’']t)\s+(?:\p{Ll}+ly\s+)?$/u;
const QUESTION_AFTER = /^\s+(?:(?:publicly|yet|exactly|immediately|specifically|directly|then|today|yesterday|much(?:\s+about)?|(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s+){0,2}(?:whether|if|how|what|when|why|who|whom|which|where)\b/u;
/** "declined to say", "refusing to confirm": the speaker chose not to speak. */
const DECLINED_BEFORE = /\b(?:declin|refus)(?:e|es|ed|ing)\s+(?:\p{Ll}+ly\s+)?to\s+$/u;

/** A verb of mind reported by a speech verb just before it ("said she thought", "told him they expected"). */
const SPOKEN_BELIEF = /\b(?:said|says|saying|told\s+(?:[\p{L}’'.\-]+\s+){1,3}|added|adding|explained|insisted|wrote)\s*,?\s+(?:that\s+)?(?:he|she|they|we|i|it)\s+(?:\p{Ll}+ly\s+|still\s+|also\s+|did\s+not\s+|didn[’']t\s+|would\s+|had\s+)?$/u;

/**
 * Cues that make no statement of their own (decision 013): a verb of mind ("thinks the plan will
 * fail"), a report withheld ("did not say whether", "declined to say how much").
 */
export function noStatement(text: string, cue: Cue): boolean {
  // "Jo Bloggs said she doubted voters would care": the belief was said, and stays a statement
  if (cue.thought) return !SPOKEN_BELIEF.test(text.slice(Math.max(0, cue.start - 60), cue.start));
  if (cue.prepositional) return false;
  const before = text.slice(Math.max(0, cue.start - 40), cue.start);
  if (DECLINED_BEFORE.test(before)) return true;
  return NEGATED_BEFORE.test(before) && QUESTION_AFTER.test(text.slice(cue.end, cue.end + 40));
}

/** Finds every indirect statement, in document order. Cues already used by direct quotes are skipped. */
export function findIndirect(ctx: Context): Statement[] {
  const out: Statement[] = [];
  let lastSubject: Mention | null = null;
  let lastSentence = -1;
  let q = 0;
  for (const cue of ctx.cues) {
    if (ctx.usedCues.has(cue)) continue;
    // words inside a direct quote belong to the quoted speaker, not to the article
    while (q < ctx.spans.length && ctx.spans[q]!.close < cue.start) q++;
    const inQuote = q < ctx.spans.length && ctx.spans[q]!.open < cue.start && ctx.standalone[q];
    if (inQuote) continue;
    const sent = sentenceBounds(ctx, cue.start);
    if (sent.start !== lastSentence) {
      lastSubject = null;
      lastSentence = sent.start;
    }
    let st: Statement | null;
    if (noStatement(ctx.text, cue)) st = null;
    else if (cue.prepositional) st = accordingTo(ctx, cue);
    else st = asCue(ctx, cue) ?? clauseAfter(ctx, cue, lastSubject) ?? parenthetical(ctx, cue) ?? clauseBefore(ctx, cue);
    if (!st) {
      // remember a subject even when the cue has no clause of its own ("X hinted …, telling reporters that")
      if (!cue.prepositional && !cue.participle) lastSubject = subjectBefore(ctx, sent.start, cue) ?? lastSubject;
      continue;
    }
    if (st.mention && !cue.participle) lastSubject = st.mention;
    ctx.usedCues.add(cue);
    out.push(st);
  }
  return out;
}

