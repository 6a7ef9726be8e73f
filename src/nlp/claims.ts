// Unattributed and weakly attributed claims: content the article asserts on nobody's authority
// ("reportedly …", "it is understood …"), on vague authority ("experts say …", "many believe …",
// "sources said …"), or as an agentless judgement ("X is seen as …", "has been accused of …").
//
// The detector is lexical plus a little syntax over one token stream of the article:
//   1. the text is tokenized once; each token knows its sentence and whether it sits inside quotation
//      marks (words inside a quotation are the speaker's, not the article's, and raise no flag);
//   2. rules look for triggers (lexicon/claims.ts) and then check their context: a passive needs "be"
//      (or a vague adverb such as "widely") and no named agent; a group of people needs a verb of
//      saying or believing and no name ("critics such as Smith"); "officials" tied to a named
//      organisation are that organisation's voice; a hedge with a named source close by is not flagged;
//   3. the span of a claim is the asserted content: from the start of the trigger's clause (walking back
//      to a comma, a conjunction or the sentence start) to the end of the clause; when the source comes
//      after the content ("…, experts say.") the span is the whole sentence;
//   4. quotes from the quote finder add "unattributed quote" (no speaker) and "anonymous source"
//      (speaker_kind "anonymous") claims where the lexical rules found nothing.
// Every step looks at a bounded window around a token, so the whole is linear in the article length.
import type { ClaimReason, ClaimRecord, Doc, QuoteRecord } from "./types";
import { sentenceAt } from "./document";
import {
  ACTIVE_SUBJECTS, AUXILIARIES, INSTITUTIONAL_PLURALS, SPEECH_CONTEXT, ANAPHORIC_DETERMINERS, BARE_PASSIVES, OBJECT_VERBS, ANONYMITY_PHRASES, ANONYMOUS_PERSON_NOUNS, ANONYMOUS_PERSON_QUALIFIERS,
  ANONYMOUS_SOURCES, AUX_ADVERBS, BE_FORMS, CLAUSE_BREAKERS, CLAUSE_OPENERS, CRITICISM_ADJECTIVES,
  CRITICISM_NOUNS, CRITICISM_TAKE_NOUNS, CRITICISM_VERBS, FUNCTION_WORDS, GENERIC_PREMODIFIERS,
  GROUP_PREPOSITIONS, HEDGE_ADVERBS, HEDGE_PHRASES, INDEFINITES, INVERTED_SAY, JUDGEMENT_PARTICIPLES,
  NAMING_INTRODUCERS, NEGATIONS, NON_PERSON_PLURALS, ORGANISATION_VOICES, PASSIVE_ADVERBS,
  PERSON_PLURALS, PERSON_PLURAL_ENDINGS, QUANTIFIERS, REDUCED_PARTICIPLES, STANCE_ADJECTIVES, SUBORDINATORS,
  VAGUE_GROUPS_MODIFIED, STANCE_VERBS, STANCE_VERBS_NEEDING_AS, STUDY_NOUNS, STUDY_VERBS,
  VAGUE_AGENTS, VAGUE_GROUPS, VAGUE_PARTICIPLE_ADVERBS, WH_OPENERS,
} from "./lexicon/claims";

interface Token {
  start: number;
  end: number;
  text: string;
  /** lower case, curly apostrophes made straight */
  low: string;
  word: boolean;
  cap: boolean;
  sentence: number;
  quoted: boolean;
}

interface Candidate {
  start: number;
  end: number;
  reason: ClaimReason;
  trigger: [number, number];
  explanation: string;
}

const TOKEN_RE = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*|''|``|[^\s\p{L}\p{N}]/gu;
const CLAUSE_PUNCT = new Set([",", ";", ":", "(", ")", "—", "–"]);
const QUOTE_MARKS = new Set(["\"", "“", "”", "''", "``", "«", "»"]);
const TRAILING = new Set([".", ",", ";", ":", "—", "–", "-", "!", "?", "(", "'", "‘"]);
const MAX_WALK = 40;

const splitPhrases = (list: readonly string[]): string[][] => list.map((p) => p.split(" "));
const QUANTIFIER_SEQS = splitPhrases(QUANTIFIERS).sort((a, b) => b.length - a.length);
const HEDGE_SEQS = splitPhrases(HEDGE_PHRASES);
const ANONYMITY_SEQS = splitPhrases(ANONYMITY_PHRASES);
const QUALIFIER_SEQS = splitPhrases(ANONYMOUS_PERSON_QUALIFIERS);
const NAMING_SEQS = splitPhrases(NAMING_INTRODUCERS);
const BREAKER_SEQS = splitPhrases([...CLAUSE_BREAKERS]);
const CRITICISM_SEQS = splitPhrases([...CRITICISM_VERBS]);

const EXPLAIN: Record<ClaimReason, string> = {
  hedge: "Hedged with no source: find who reported this, or confirm it independently.",
  weasel: "Attributed to a vague group: find who exactly holds this view, and whether they are representative.",
  "passive without agent": "A judgement in the passive with no one behind it: find who sees it this way.",
  "anonymous source": "Attributed to an unnamed source: check the source's standing and whether anyone on the record confirms it.",
  "unattributed quote": "Reported words with no speaker found: find who said them.",
};

/** Tokenizes the whole text once, marking sentence and quotation membership. */
function tokenize(doc: Doc): Token[] {
  const { text } = doc;
  const out: Token[] = [];
  for (const s of doc.sentences) {
    TOKEN_RE.lastIndex = s.start;
    let m: RegExpExecArray | null;
    while ((m = TOKEN_RE.exec(text)) && m.index < s.end) {
      const t = m[0].length > s.end - m.index ? m[0].slice(0, s.end - m.index) : m[0];
      const word = /[\p{L}\p{N}]/u.test(t[0]!);
      out.push({
        start: m.index,
        end: m.index + t.length,
        text: t,
        low: t.toLowerCase().replace(/’/g, "'"),
        word,
        cap: word && /\p{Lu}/u.test(t[0]!),
        sentence: s.index,
        quoted: false,
      });
    }
  }
  markQuotes(doc, out);
  return out;
}

function markQuotes(doc: Doc, toks: Token[]): void {
  let inQuote = false;
  let paragraph = -1;
  for (const t of toks) {
    const p = doc.sentences[t.sentence]!.paragraph;
    if (p !== paragraph) {
      paragraph = p;
      inQuote = false;
    }
    if (t.text === "“" || t.text === "«" || t.text === "``") {
      inQuote = true;
      t.quoted = true;
    } else if (t.text === "”" || t.text === "»") {
      t.quoted = true;
      inQuote = false;
    } else if (t.text === "\"" || t.text === "''") {
      t.quoted = true;
      inQuote = !inQuote;
    } else t.quoted = inQuote;
  }
}

/** The detector over one article. */
class Detector {
  readonly toks: Token[];
  /** first token index of each sentence, and one past the last */
  readonly sentFirst: number[];
  readonly sentEnd: number[];
  readonly out: Candidate[] = [];

  constructor(readonly doc: Doc) {
    this.toks = tokenize(doc);
    this.sentFirst = new Array<number>(doc.sentences.length).fill(-1);
    this.sentEnd = new Array<number>(doc.sentences.length).fill(-1);
    this.toks.forEach((t, i) => {
      if (this.sentFirst[t.sentence] === -1) this.sentFirst[t.sentence] = i;
      this.sentEnd[t.sentence] = i + 1;
    });
  }

  low(i: number): string {
    return this.toks[i]?.low ?? "";
  }
  same(i: number, j: number): boolean {
    const a = this.toks[i];
    const b = this.toks[j];
    return !!a && !!b && a.sentence === b.sentence;
  }
  /** Whether the token sequence `seq` starts at i (within i's sentence). "*be*" matches any "be" form. */
  seqAt(i: number, seq: readonly string[]): number {
    let k = i;
    for (const w of seq) {
      if (w === "*adv*") {
        while (this.same(i, k) && PASSIVE_ADVERBS.has(this.low(k))) k++;
        continue;
      }
      if (!this.same(i, k)) return -1;
      const l = this.low(k);
      if (w === "*be*" ? !BE_FORMS.has(l) : l !== w) return -1;
      k++;
    }
    return k; // one past the match
  }
  /** First token of token i's sentence; past the last token (a trigger ending the text) it is i itself. */
  sentStart(i: number): number {
    const t = this.toks[i];
    return t ? this.sentFirst[t.sentence]! : i;
  }
  /** One past the last token of token i's sentence; past the last token it is i itself. */
  sentStop(i: number): number {
    const t = this.toks[i];
    return t ? this.sentEnd[t.sentence]! : i;
  }

  /** First token of the clause holding token i: back to a comma, a conjunction or the sentence start. */
  clauseStart(i: number): number {
    const first = this.sentStart(i);
    for (let j = i - 1, n = 0; j >= first; j--, n++) {
      const t = this.toks[j]!;
      if (n > MAX_WALK) return j + 1;
      if (!t.word && CLAUSE_PUNCT.has(t.text)) return this.skipQuotes(j + 1, i);
      if (t.word && WH_OPENERS.has(t.low)) return j;
      if (t.word && CLAUSE_OPENERS.has(t.low)) {
        // "… but has been met with …": a verb phrase sharing the subject before the conjunction
        const coordinated = (t.low === "and" || t.low === "but" || t.low === "or") && AUXILIARIES.has(this.low(j + 1))
          && this.low(j - 1) !== ",";
        if (!coordinated) return j + 1;
      }
    }
    return this.skipQuotes(first, i);
  }
  private skipQuotes(j: number, limit: number): number {
    while (j < limit && !this.toks[j]!.word && !QUOTE_MARKS.has(this.toks[j]!.text)) j++;
    return j;
  }

  /** One past the last token of the clause that goes on from token i. */
  clauseEnd(i: number, stopAtComma = false): number {
    const stop = this.sentStop(i);
    let notJust = false;
    let j = i;
    for (; j < stop; j++) {
      const t = this.toks[j]!;
      if (t.low === ";") break;
      if ((t.low === "just" || t.low === "only") && this.low(j - 1) === "not") notJust = true;
      if (t.low === "," || t.low === "—" || t.low === "–") {
        const nextBreaks = BREAKER_SEQS.some((s) => this.seqAt(j + 1, s) > 0);
        if (notJust && this.low(j + 1) === "but") continue;
        if (nextBreaks) break;
        if (stopAtComma && t.low === ",") break;
      }
    }
    while (j > i && !this.toks[j - 1]!.word && TRAILING.has(this.toks[j - 1]!.text)) j--;
    return j;
  }

  /** End of a claim whose clause starts at `start` and goes on from i: a subordinate clause stops at a comma. */
  endFrom(start: number, i: number, stopAtComma = false): number {
    const opener = start > this.sentStart(start) ? this.low(start - 1) : "";
    return this.clauseEnd(i, stopAtComma || SUBORDINATORS.has(opener));
  }

  /** The sentence of token i as a span (without its final punctuation). */
  sentenceSpan(i: number): [number, number] {
    const first = this.sentStart(i);
    let last = this.sentStop(i);
    while (last > first + 1 && !this.toks[last - 1]!.word && TRAILING.has(this.toks[last - 1]!.text)) last--;
    return [this.toks[first]!.start, this.toks[last - 1]!.end];
  }

  add(startTok: number, endTok: number, reason: ClaimReason, trigFrom: number, trigTo: number): void {
    if (endTok <= startTok) return;
    const a = this.toks[startTok]!;
    const b = this.toks[endTok - 1]!;
    this.addSpan(a.start, b.end, reason, trigFrom, trigTo);
  }
  addSpan(start: number, end: number, reason: ClaimReason, trigFrom: number, trigTo: number): void {
    this.out.push({
      start,
      end,
      reason,
      trigger: [this.toks[trigFrom]!.start, this.toks[trigTo - 1]!.end],
      explanation: EXPLAIN[reason],
    });
  }

  run(): void {
    for (let i = 0; i < this.toks.length; i++) {
      const t = this.toks[i]!;
      if (!t.word || t.quoted) continue;
      this.hedge(i);
      this.passive(i);
      this.criticism(i);
      this.quantified(i);
      this.group(i);
      this.study(i);
      this.anonymity(i);
    }
  }

  // ---- hedges ------------------------------------------------------------------------------------

  /** A named source in this sentence or the one before: "According to KCNA, …", "TASS reported". */
  namedSourceNear(i: number): boolean {
    const s = this.toks[i]!.sentence;
    const from = this.sentFirst[Math.max(0, s - 1)]!;
    const to = this.sentStop(i);
    for (let j = Math.max(0, from); j < to; j++) {
      const l = this.low(j);
      if (l === "according" && this.low(j + 1) === "to") {
        let k = j + 2;
        if (this.low(k) === "the") k++;
        const n = this.toks[k];
        if (n?.cap && !/^(reports?|media|unconfirmed|sources?)$/.test(n.low)) return true;
      }
      if ((l === "reported" || l === "relayed" || l === "reports") && this.toks[j - 1]?.cap && this.toks[j - 1]!.word) {
        if (!/^(the|media|reports?)$/.test(this.low(j - 1))) return true;
      }
    }
    return false;
  }

  hedge(i: number): void {
    const l = this.low(i);
    if (HEDGE_ADVERBS.has(l)) {
      if (this.namedSourceNear(i)) return;
      const first = this.sentStart(i);
      if (i === first && this.low(i + 1) === ",") {
        const end = this.clauseEnd(i + 2);
        this.add(i, end, "hedge", i, i + 1);
        return;
      }
      const start = this.clauseStart(i);
      const afterComma = start === i && this.low(i - 1) === ",";
      this.add(start, this.endFrom(start, i + 1, afterComma), "hedge", i, i + 1);
      return;
    }
    for (const seq of HEDGE_SEQS) {
      if (seq[0] !== "*be*" && seq[0] !== l) continue;
      const end = this.seqAt(i, seq);
      if (end < 0) continue;
      if (seq[0] === "*be*" && this.low(i - 1) === "it") continue; // "it is said to" is caught as "it *be* said"
      if (seq.includes("reports") && this.toks[i - 1]?.cap && this.toks[i - 1]!.word && this.same(i - 1, i)
        && this.sentStart(i) !== i - 1) continue; // "wire reports said"
      if (this.namedSourceNear(i) && !seq.includes("reports")) return;
      const start = this.clauseStart(i);
      if (seq[0] === "according") {
        const [a, b] = this.sentenceSpan(i);
        this.addSpan(a, b, "hedge", i, end);
      } else this.add(start, this.endFrom(start, end), "hedge", i, end);
      return;
    }
  }

  // ---- agentless passives of judgement -----------------------------------------------------------

  passive(i: number): void {
    const p = this.low(i);
    const follow = JUDGEMENT_PARTICIPLES.get(p);
    if (!follow) return;
    const first = this.sentStart(i);
    // what comes before: "be" (+ adverbs), a vague adverb ("widely considered"), or ", considered"
    let j = i - 1;
    while (j >= first && PASSIVE_ADVERBS.has(this.low(j))) j--;
    const before = j >= first ? this.low(j) : "";
    let mode: "be" | "adverb" | "reduced" | "agent" | "bare" | null = null;
    if (BE_FORMS.has(before) && !((before === "'s") && !["it", "that", "he", "she"].includes(this.low(j - 1)))) mode = "be";
    else if (j < i - 1 && VAGUE_PARTICIPLE_ADVERBS.has(this.low(i - 1))) mode = "adverb";
    else if (j === i - 1 && REDUCED_PARTICIPLES.has(p) && (before === "," || before === "and")) {
      if (before === ",") mode = "reduced";
      else for (let k = j - 1; k >= Math.max(first, j - 10); k--) if (BE_FORMS.has(this.low(k))) mode = "reduced";
    }
    if (!mode && BARE_PASSIVES.get(p) === this.low(i + 1) && i > first && !ACTIVE_SUBJECTS.has(this.low(i - 1))) {
      // "expected to" after a noun is as often active ("the mayor expected to win"): only in "with X expected to"
      if (p !== "expected") mode = "bare";
      else for (let k = i - 1; k >= Math.max(first, i - 8); k--) if (this.low(k) === "with") mode = "bare";
    }
    // the agent: "by Smith" names one, "by some" does not (and makes any participle a vague passive)
    let next = i + 1;
    if (this.low(next) === "by") {
      if (!VAGUE_AGENTS.has(this.low(next + 1))) return;
      next += 2;
      mode ??= "agent";
    }
    if (!mode) return;
    const nl = this.low(next);
    if (!this.same(i, next)) return;
    if (follow.includes("")) {
      if (!this.toks[next]!.word) return;
    } else if (!follow.includes(nl)) return;
    if (mode === "be") {
      const start = this.clauseStart(j);
      this.add(start, this.endFrom(start, next), "passive without agent", j, next);
    } else {
      // a reduced passive describes the noun before it: the claim is the participle phrase
      const start = mode === "adverb" ? i - 1 : i;
      this.add(start, this.clauseEnd(next, true), "passive without agent", start, next);
    }
  }

  /** "has faced sharp criticism", "came under fire", "is drawing criticism" with no critic named. */
  criticism(i: number): void {
    for (const seq of CRITICISM_SEQS) {
      if (seq[0] !== this.low(i)) continue;
      const k0 = this.seqAt(i, seq);
      if (k0 < 0) continue;
      let k = k0;
      let n = 0;
      while (n < 3 && CRITICISM_ADJECTIVES.has(this.low(k)) && this.same(i, k)) k++, n++;
      const noun = this.low(k);
      if (!CRITICISM_NOUNS.has(noun) || !this.same(i, k)) continue;
      const verb = seq.join(" ");
      const take = /^(take|takes|took|taken|taking)$/.test(seq[0]!);
      if (take !== CRITICISM_TAKE_NOUNS.has(noun)) continue;
      if (noun === "opposition" && !/^(met|meet|meets|meeting|face|faces|faced|facing) /.test(verb + " ") && seq.length < 2) {
        if (!/^(face|faces|faced|facing)$/.test(seq[0]!)) continue;
      }
      if (noun === "fire" && !/under/.test(verb)) continue;
      if (this.low(k + 1) === "from" && !VAGUE_AGENTS.has(this.low(k + 2))) continue;
      const start = this.clauseStart(i);
      this.add(start, this.endFrom(start, k + 1), "passive without agent", i, k + 1);
      return;
    }
  }

  // ---- vague groups and anonymous sources ----------------------------------------------------------

  /** After a group ending at token h: PP or relative clause, auxiliaries, then a stance verb. */
  stanceAfter(h: number, plural = true): { verb: number; end: number } | null {
    let k = h + 1;
    if (!this.same(h, k)) return null;
    const l = this.low(k);
    if (GROUP_PREPOSITIONS.has(l) || l === "who" || l === "that") {
      const limit = Math.min(this.sentStop(h), k + (l === "who" || l === "that" ? 10 : 8));
      let found = -1;
      for (let m = k + 1; m < limit; m++) {
        const t = this.toks[m]!;
        if (!t.word && t.text !== "." && t.text !== "-") break;
        if (t.low === "to" && (l === "who" || l === "that")) break;
        if (t.word && STANCE_VERBS.has(t.low) && ["a", "an", "the"].includes(this.low(m - 1))) break;
        if (t.word && (STANCE_VERBS.has(t.low) || BE_FORMS.has(t.low) || AUX_ADVERBS.has(t.low)) && (l === "who" || l === "that" ? STANCE_VERBS.has(t.low) : true)) {
          found = m;
          break;
        }
      }
      if (found < 0) return null;
      k = found;
    }
    let negated = false;
    const k0 = k;
    for (let n = 0; n < 5 && (AUX_ADVERBS.has(this.low(k)) || NEGATIONS.has(this.low(k))); n++, k++) {
      if (NEGATIONS.has(this.low(k)) || /n't$/.test(this.low(k))) negated = true;
    }
    if (negated || !this.same(h, k)) return null;
    const v = this.low(k);
    if (STANCE_VERBS.has(v)) {
      if (["a", "an", "the", "their", "his", "her", "its"].includes(this.low(k - 1))) return null; // "a say"
      if (STANCE_VERBS_NEEDING_AS.has(v)) {
        let ok = false;
        for (let m = k + 1; m < k + 6 && this.same(k, m); m++) if (this.low(m) === "as") ok = true;
        if (!ok) return null;
      }
      if ((v === "point" || v === "points" || v === "pointed") && this.low(k + 1) !== "out") return null;
      if (/^agree/.test(v) && this.low(k + 1) === "to") return null; // "agreed to share": an act, not a view
      // a plural group takes "say", not "says" (when no auxiliary sits between)
      if (plural && k === k0 && /[^s]s$/.test(v) && this.low(k - 1) !== "who" && this.low(k - 1) !== "that") return null;
      return { verb: k, end: k + 1 };
    }
    if (BE_FORMS.has(v)) {
      let m = k + 1;
      while (PASSIVE_ADVERBS.has(this.low(m)) || AUX_ADVERBS.has(this.low(m))) m++;
      if (STANCE_ADJECTIVES.has(this.low(m)) && this.same(k, m)) return { verb: m, end: m + 1 };
    }
    return null;
  }

  /** "…, experts say." / "…, said one source": the source comes after the content. */
  inverted(npStart: number, verbEnd: number): boolean {
    const prev = this.low(npStart - 1);
    if (prev === "," || QUOTE_MARKS.has(this.toks[npStart - 1]?.text ?? "")) {
      const end = this.clauseEnd(verbEnd);
      return end - verbEnd <= 3 && npStart > this.sentStart(npStart);
    }
    return false;
  }

  /** The source in inverted order after a verb of saying: "…, said one party source". */
  invertedSay(npStart: number): boolean {
    const p = this.low(npStart - 1);
    if (INVERTED_SAY.has(p)) {
      const pp = this.toks[npStart - 2];
      return !!pp && (pp.low === "," || QUOTE_MARKS.has(pp.text)) && this.same(npStart - 2, npStart);
    }
    return p === "to" && this.low(npStart - 2) === "according";
  }

  /** Start of the noun phrase whose head is token h: back over modifiers. -1 when a determiner points back. */
  npStart(h: number): number {
    const first = this.sentStart(h);
    let j = h - 1;
    let n = 0;
    while (j >= first && n < 5) {
      const t = this.toks[j]!;
      if (!t.word) {
        if (t.text === "." && this.toks[j - 1]?.cap) { j--; continue; } // "U.S" in "Mr." style
        break;
      }
      if (FUNCTION_WORDS.has(t.low) || INDEFINITES.has(t.low)) break;
      j--;
      n++;
    }
    const d = this.low(j);
    if (j >= first && ANAPHORIC_DETERMINERS.has(d)) return -1;
    if (j >= first && (INDEFINITES.has(d) || d === "his" || d === "her" || d === "their")) return j;
    return j + 1;
  }

  /** Whether the group noun phrase [s, h] names someone: "aide Ann Lee", "Smith, a senior adviser". */
  named(s: number, h: number): boolean {
    const next = this.toks[h + 1];
    if (next?.cap && next.word && this.same(h, h + 1) && !INVERTED_SAY.has(next.low)) return true;
    if (this.low(h + 1) === "," && this.toks[h + 2]?.cap && this.toks[h + 2]!.word && this.toks[h + 3]?.cap) return true;
    for (const seq of NAMING_SEQS) {
      const k = this.seqAt(h + (this.low(h + 1) === "," ? 2 : 1), seq);
      if (k > 0 && this.toks[k]?.cap) return true;
    }
    if (INDEFINITES.has(this.low(s)) && this.low(s - 1) === "," && this.toks[s - 2]?.cap && this.toks[s - 2]!.word) return true;
    // "Jane Roe, a former … official who runs …": apposition to a name
    return false;
  }

  /** Emits a claim for the group noun phrase [s, h] whose stance verb ends at `verbEnd`. */
  emitGroup(s: number, h: number, verbEnd: number, reason: ClaimReason): void {
    if (this.inverted(s, verbEnd) || this.invertedSay(s)) {
      const [a, b] = this.sentenceSpan(h);
      this.addSpan(a, b, reason, this.invertedSay(s) ? s - 1 : s, verbEnd);
      return;
    }
    const start = this.clauseStart(s);
    this.add(start, this.endFrom(start, verbEnd), reason, s, verbEnd);
  }

  quantified(i: number): void {
    let q: string[] | undefined;
    let k = -1;
    for (const seq of QUANTIFIER_SEQS) {
      k = this.seqAt(i, seq);
      if (k > 0) {
        q = seq;
        break;
      }
    }
    if (!q) return;
    if (i > this.sentStart(i) && ANAPHORIC_DETERMINERS.has(this.low(i - 1))) return; // "the many"
    // "many of whom", "some of his supporters", "some of the experts"
    if (this.low(k) === "of" && q[q.length - 1] !== "of") {
      const d = this.low(k + 1);
      if (d === "whom" || d === "them" || d === "those") k += 2;
      else if (["his", "her", "their", "its", "the"].includes(d)) k += 2;
      else return;
    }
    // the head: up to four modifiers, then a plural noun (or nothing: "some believe")
    let h = -1;
    const direct = this.stanceAfter(k - 1);
    if (direct && (this.toks[k - 1]?.low !== "other")) {
      if (q.length === 1 && (q[0] === "most" || q[0] === "other")) return;
      this.emitGroup(i, k - 1, direct.end, "weasel");
      return;
    }
    for (let m = k; m < k + 5 && this.same(i, m); m++) {
      const t = this.toks[m]!;
      if (!t.word && t.text !== "-") break;
      if (!t.word) continue;
      if (FUNCTION_WORDS.has(t.low) && !(t.low === "of" && m > k)) break;
      if (isPersonPlural(t.low)) {
        const st = this.stanceAfter(m);
        if (st) {
          h = m;
          const reason: ClaimReason = ANONYMOUS_SOURCES.has(t.low) ? "anonymous source" : "weasel";
          this.emitGroup(i, h, st.end, reason);
          return;
        }
      }
    }
  }

  group(i: number): void {
    const l = this.low(i);
    const vague = VAGUE_GROUPS.has(l) || VAGUE_GROUPS_MODIFIED.has(l);
    const anon = ANONYMOUS_SOURCES.has(l);
    if (!vague && !anon) {
      if (ANONYMOUS_PERSON_NOUNS.has(l)) this.anonymousPerson(i);
      else if (isPersonPlural(l)) this.bareGroup(i);
      return;
    }
    const s = this.npStart(i);
    if (s < 0) return;
    // a quantifier in front is the quantified rule's business
    for (const seq of QUANTIFIER_SEQS) if (s <= i && this.seqAt(s, seq) > 0 && seq[0] !== "one" && !INDEFINITES.has(seq[0]!)) return;
    if (QUANTIFIER_SEQS.some((seq) => this.seqAt(s, seq) > 0)) return;
    const singular = !/s$/.test(l) || l === "confidante";
    if (singular && !(INDEFINITES.has(this.low(s)))) return;
    if (this.named(s, i)) return;
    if (VAGUE_GROUPS_MODIFIED.has(l) && s === i && !GROUP_PREPOSITIONS.has(this.low(i + 1))) return;
    if (anon && ORGANISATION_VOICES.has(l)) {
      // "officials at the Department of …" and "State Department officials" speak for an organisation
      const p = this.low(i + 1);
      if (["at", "of", "from", "with", "for", "in"].includes(p)) {
        const n = this.toks[this.low(i + 2) === "the" ? i + 3 : i + 2];
        if (n?.cap) return;
      }
      for (let m = s; m < i; m++) {
        const t = this.toks[m]!;
        if (t.cap && m > this.sentStart(i) && !GENERIC_PREMODIFIERS.has(t.low)) return;
      }
    }
    if (OBJECT_VERBS.has(this.low(s - 1)) && this.low(s - 2) !== ",") return; // "told aides that …"
    if (this.invertedSay(s)) {
      this.emitGroup(s, i, i + 1, anon ? "anonymous source" : "weasel");
      return;
    }
    const st = this.stanceAfter(i, !singular);
    if (!st) return;
    this.emitGroup(s, i, st.end, anon ? "anonymous source" : "weasel");
  }

  /** "…, labour lawyers say.": any bare plural of people, after the content it vouches for. */
  bareGroup(i: number): void {
    const s = this.npStart(i);
    if (s < 0 || s === this.sentStart(i) || this.low(s - 1) !== ",") return;
    if (INDEFINITES.has(this.low(s)) || this.named(s, i) || INSTITUTIONAL_PLURALS.has(this.low(i))) return;
    if (s === i) return; // a bare "…, voters say" is too often a poll or a group named before
    for (let m = s; m < i; m++) if (this.toks[m]!.cap) return; // "…, Harbour Board lawyers say": an organisation
    const k = i + 1;
    if (!INVERTED_SAY.has(this.low(k)) || !this.same(i, k) || /[^s]s$/.test(this.low(k))) return;
    if (this.clauseEnd(k + 1) - (k + 1) > 0) return; // only at the end of the sentence
    const [a, b] = this.sentenceSpan(i);
    this.addSpan(a, b, "weasel", s, k + 1);
  }

  /** "a person familiar with the matter", "people close to the president". */
  anonymousPerson(i: number): void {
    for (const seq of QUALIFIER_SEQS) {
      const k = this.seqAt(i + 1, seq);
      if (k < 0) continue;
      const [a, b] = this.sentenceSpan(i);
      this.addSpan(a, b, "anonymous source", i, k);
      return;
    }
  }

  /** "one study found …", "a recent analysis shows …" with no author named. */
  study(i: number): void {
    const l = this.low(i);
    if (!STUDY_NOUNS.has(l)) return;
    const s = this.npStart(i);
    if (s < 0) return;
    const d = this.low(s);
    const plural = /s$/.test(l);
    if (!plural && !INDEFINITES.has(d)) return;
    if (plural && (GROUP_PREPOSITIONS.has(this.low(s - 1)) || this.low(s - 1) === "by")) return; // "an analysis of … reports"
    for (let m = s; m < i; m++) if (this.toks[m]!.cap && m > this.sentStart(i)) return; // "a Northfield University study"
    let k = i + 1;
    while (AUX_ADVERBS.has(this.low(k))) k++;
    if (!STUDY_VERBS.has(this.low(k)) || !this.same(i, k)) return;
    if (plural && k === i + 1 && /[^s]s$/.test(this.low(k))) return; // "reports shows": not the subject
    if (this.low(i + 1) === "by" || this.low(i + 1) === "from") return;
    this.emitGroup(s, i, k + 1, "weasel");
  }

  /** "… spoke on condition of anonymity": the whole sentence comes from someone unnamed. */
  anonymity(i: number): void {
    for (const seq of ANONYMITY_SEQS) {
      if (seq[0] !== this.low(i)) continue;
      const k = this.seqAt(i, seq);
      if (k < 0) continue;
      const [a, b] = this.sentenceSpan(i);
      this.addSpan(a, b, "anonymous source", i, k);
      return;
    }
  }
}

/** A plural noun of people: "voters", "Canadians", "cast members" (not "questions", "countries"). */
function isPersonPlural(w: string): boolean {
  if (PERSON_PLURALS.has(w)) return true;
  if (NON_PERSON_PLURALS.has(w) || /'s$/.test(w)) return false;
  return w.length > 4 && PERSON_PLURAL_ENDINGS.some((e) => w.endsWith(e));
}

/** Keeps one claim per stretch of text: the earliest, then the longest. */
function dedupe(cands: Candidate[]): Candidate[] {
  cands.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  for (const c of cands) {
    const clash = kept.some((k) => {
      const ov = Math.min(k.end, c.end) - Math.max(k.start, c.start);
      if (ov <= 0) return false;
      const inside = c.trigger[0] >= k.start && c.trigger[1] <= k.end;
      return inside || ov > 0.5 * Math.min(k.end - k.start, c.end - c.start);
    });
    if (!clash) kept.push(c);
  }
  return kept;
}

/**
 * Whether the paragraph of a speakerless quote, or the one before it, shows a speaker the quote finder
 * did not link: a word of saying outside the quotation marks, or a transcript label ("SMITH: …").
 * Such a quote is attributed in the text; only the others are flagged.
 */
function speechNearby(d: Detector, q: QuoteRecord): boolean {
  if (LABEL_RE.test(q.text)) return true;
  const doc = d.doc;
  const s = sentenceAt(doc, q.start);
  if (s < 0) return false;
  const para = doc.sentences[s]!.paragraph;
  // a transcript: this paragraph or one of the two before opens with a speaker label
  for (let p = Math.max(0, para - 2); p <= para; p++) {
    const pg = doc.paragraphs[p]!;
    if (LABEL_RE.test(doc.text.slice(pg.start, Math.min(pg.end, pg.start + 40)))) return true;
  }
  // tokens from the paragraph before on (binary search: the cost stays linear overall)
  const from = doc.paragraphs[Math.max(0, para - 1)]!.start;
  let lo = 0;
  let hi = d.toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (d.toks[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < d.toks.length; i++) {
    const t = d.toks[i]!;
    const p = doc.sentences[t.sentence]!.paragraph;
    if (p < para - 1) continue;
    if (p > para) break;
    if (t.quoted || (t.start >= q.start && t.end <= q.end)) continue;
    if (SPEECH_CONTEXT.has(t.low)) return true;
  }
  return false;
}

const LABEL_RE = /^\s*["“]?[\p{Lu}][\p{Lu}.' -]{1,30}:/u;


/** Claims from the quote finder: quotes with no speaker, and quotes from an anonymous source. */
function fromQuotes(d: Detector, quotes: readonly QuoteRecord[]): Candidate[] {
  const out: Candidate[] = [];
  for (const q of quotes) {
    if (!(q.end > q.start)) continue;
    if (q.speaker == null && q.speaker_canonical == null) {
      if (speechNearby(d, q)) continue;
      const t: [number, number] = q.cue_start != null && q.cue_end != null ? [q.cue_start, q.cue_end] : [q.start, q.end];
      out.push({ start: q.start, end: q.end, reason: "unattributed quote", trigger: t, explanation: EXPLAIN["unattributed quote"] });
    } else if (q.speaker_kind === "anonymous" && q.speaker && anonymousMention(q.speaker)) {
      const t: [number, number] = q.speaker_start != null && q.speaker_end != null ? [q.speaker_start, q.speaker_end] : [q.start, q.end];
      out.push({ start: q.start, end: q.end, reason: "anonymous source", trigger: t, explanation: EXPLAIN["anonymous source"] });
    }
  }
  return out;
}

/** "a senior official", "sources", "people familiar with …": a mention that names nobody. */
function anonymousMention(speaker: string): boolean {
  const words = speaker.toLowerCase().replace(/’/g, "'").split(/\s+/).filter(Boolean);
  if (!words.length) return false;
  if (words.some((w) => ANONYMOUS_SOURCES.has(w.replace(/[^a-z']/g, "")))) {
    const head = words.find((w) => ANONYMOUS_SOURCES.has(w.replace(/[^a-z']/g, "")))!;
    return /s$/.test(head) || INDEFINITES.has(words[0]!);
  }
  if (INDEFINITES.has(words[0]!) && words.some((w) => ANONYMOUS_PERSON_NOUNS.has(w))) return true;
  return ANONYMOUS_PERSON_NOUNS.has(words[words.length - 1]!) || QUALIFIER_SEQS.some((seq) => speaker.toLowerCase().includes(seq.join(" ")));
}

/** Unattributed and weakly attributed claims of one article, in text order. */
export function detectClaims(doc: Doc, quotes: readonly QuoteRecord[]): ClaimRecord[] {
  const d = new Detector(doc);
  d.run();
  const lexical = dedupe(d.out);
  // quotes add what the lexical rules did not cover
  const extra = fromQuotes(d, quotes).filter((q) => !lexical.some((c) => Math.min(c.end, q.end) - Math.max(c.start, q.start) > 0));
  const all = dedupe([...lexical, ...extra]);
  return all.map((c) => ({
    start: c.start,
    end: c.end,
    text: doc.text.slice(c.start, c.end),
    reason: c.reason,
    trigger: doc.text.slice(c.trigger[0], c.trigger[1]),
    trigger_start: c.trigger[0],
    trigger_end: c.trigger[1],
    explanation: c.explanation,
  }));
}
