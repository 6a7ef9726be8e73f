// Sieves for reported speech without (or with partial) quote marks: the reported clause of a cue,
// on either side of it. Each cue is read once; the clause never runs past its sentence.
import { CUE_ADVERBIALS, CUE_FORMS, NEEDS_THAT, PRONOUNS } from "../lexicon/cues";
import { MEDIA_WORDS } from "../lexicon/roles";
import { analyse, mentionAfter, mentionBefore, tokenize, type Mention } from "../mentions";
import type { Cue } from "../cues";
import { gapBefore } from "./patterns";
import { cuesIn, firstSpanFrom, sentenceBounds, type Context, type Statement } from "../context";

const MIN_CLAUSE_WORDS = 3;

/** A rough test that a clause has a verb of its own, so "explains the significance" is no statement. */
const FINITE = /\b(?:is|are|was|were|am|be|been|being|will|would|can|could|shall|should|may|might|must|has|have|had|do|does|did|won’t|won't|can’t|can't|isn’t|isn't|aren’t|aren't|wasn’t|wasn't|didn’t|didn't|doesn’t|doesn't|don’t|don't|\p{L}{2,}ed|\p{L}+[^s\s’']s)\b/iu;
function hasFiniteVerb(clause: string): boolean {
  return FINITE.test(clause);
}

function words(s: string): number {
  return (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
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
  for (const c of cuesIn(ctx, from, sentEnd)) {
    if (c.prepositional) {
      const comma = ctx.text.lastIndexOf(",", c.start);
      if (comma >= from && /^,\s*$/.test(ctx.text.slice(comma, c.start))) return comma;
      continue;
    }
    // ", X said" or ", said X" after the clause
    const m = mentionBefore(ctx.text, from, c.start - gapBefore(ctx.text, c.start));
    const lo = m ? m.start : c.start;
    const pre = ctx.text.slice(Math.max(from, lo - 3), lo);
    if (/,\s*$/.test(pre)) return ctx.text.lastIndexOf(",", lo);
    if (c.participle && /,\s*$/.test(ctx.text.slice(Math.max(from, c.start - 3), c.start))) return ctx.text.lastIndexOf(",", c.start);
  }
  return sentEnd;
}


/**
 * A subject the name grammar does not cover ("People with knowledge of the plan said", "21 percent
 * said"): the whole short phrase from the sentence start, or after a comma, up to the cue, when it
 * holds no verb-like word, no quote mark and at most eight words.
 */
function plainSubject(text: string, sentStart: number, end: number): Mention | null {
  let lo = Math.max(sentStart, text.lastIndexOf(",", end - 1) + 1, text.lastIndexOf(";", end - 1) + 1);
  while (lo < end && /\s/u.test(text[lo]!)) lo++;
  const phrase = text.slice(lo, end).trimEnd();
  if (!phrase || /[“”"():;]/u.test(phrase)) return null;
  const ws = phrase.split(/\s+/);
  if (ws.length > 8 || ws.length < 1) return null;
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
  const end = cue.start - gapBefore(text, cue.start);
  const m = mentionBefore(text, sentStart, end);
  if (m && m.end >= end - 1) {
    return m;
  }
  if (!m || m.end < end - 1) {
    const plain = plainSubject(text, sentStart, end);
    if (plain && text[end - 1] !== ",") return plain;
  }
  if (text[end - 1] === ",") {
    const prevComma = text.lastIndexOf(",", end - 2);
    if (prevComma > sentStart) {
      const inner = text.slice(prevComma + 1, end - 1).trim();
      if (/^(?:the|a|an|who|during|in|at|on|after|before|speaking|according|whose|\p{Ll})/u.test(inner)) {
        const m2 = mentionBefore(text, sentStart, prevComma);
        if (m2 && m2.end >= prevComma - 1) return m2;
      }
    }
  }
  return null;
}

/** Skips the object of "told" ("told reporters on Friday"), adverbials and "that" after a cue. */
function clauseStartAfter(ctx: Context, cue: Cue, sentEnd: number): { start: number; that: boolean; via: string | null } {
  const { text } = ctx;
  let pos = cue.end;
  let via: string | null = null;
  if (cue.base === "tell" || cue.base === "inform" || cue.base === "assure" || cue.base === "remind" || cue.base === "warn" || cue.base === "advise" || cue.base === "urge") {
    const obj = mentionAfter(text, pos, sentEnd);
    if (obj) {
      if (obj.text.split(/\s+/).some((w) => MEDIA_WORDS.has(w.toLowerCase()))) via = obj.text.replace(/^(the|a|an)\s+/i, "");
      pos = obj.end;
    } else {
      const o = /^\s+(?:reporters|journalists|him|her|them|us|me|you|lawmakers|supporters|voters|the\s+\p{Ll}+|\p{Ll}+\s+reporters)\b/u.exec(text.slice(pos, sentEnd));
      if (o) pos += o[0].length;
    }
  }
  for (let k = 0; k < 3; k++) {
    const adv = CUE_ADVERBIALS.exec(text.slice(pos, Math.min(sentEnd, pos + 80)));
    if (!adv || !adv[0].length) break;
    pos += adv[0].length;
  }
  // "has said for months that", "said in a statement released Friday that": a few plain words, then "that"
  const that = /^\s*,?\s*that\b/u.exec(text.slice(pos, sentEnd)) ?? /^(?:\s+[\p{L}\p{N}’'\-.]+){1,7}?,?\s+that\b/u.exec(text.slice(pos, Math.min(sentEnd, pos + 80)));
  if (that) pos += that[0].length;
  return { start: pos, that: !!that, via };
}

/** "X said (that) CLAUSE", "X told reporters CLAUSE", and participles "…, saying CLAUSE". */
function clauseAfter(ctx: Context, cue: Cue, lastSubject: Mention | null): Statement | null {
  const { text } = ctx;
  const sent = sentenceBounds(ctx, cue.start);
  const { start, that, via } = clauseStartAfter(ctx, cue, sent.end);
  if (NEEDS_THAT.has(cue.base) && !that) return null;
  const next = text.slice(start, start + 2);
  if (!/^\s*[\p{L}\p{N}“"‘]/u.test(next)) return null;
  // a whole quote right after the cue is a direct quote, handled by the direct sieves
  if (/^\s*[“"]/u.test(next) && !that) {
    const q = firstSpanFrom(ctx, start);
    if (q < ctx.spans.length && ctx.spans[q]!.open < start + 3 && ctx.standalone[q]) return null;
  }
  if (/^\s*(?:to|for|about|of|with|by|in|on|at|from|goodbye|so|no|yes|nothing|something|anything)\b/iu.test(next + text.slice(start + 2, start + 12)) && !that) return null;
  const [s, e] = trimClause(text, start, clauseEnd(ctx, start, sent.end));
  if (words(text.slice(s, e)) < MIN_CLAUSE_WORDS) return null;
  if (!that && !hasFiniteVerb(text.slice(s, e)) && !/^(?:he|she|they|we|i|it|you)\s+\p{Ll}/u.test(text.slice(s, e))) return null;
  let mention: Mention | null;
  let sieve: string;
  let conf: number;
  if (cue.participle) {
    const pre = text.slice(Math.max(sent.start, cue.start - 3), cue.start);
    if (!/,\s*$/.test(pre) && !/^\s*$/.test(text.slice(sent.start, cue.start))) {
      // "KCNA reported Kim saying CLAUSE": the participle's own subject
      mention = mentionBefore(text, sent.start, cue.start);
      if (!mention || mention.end < cue.start - 1) return null;
      sieve = "participle-subject";
      conf = 0.75;
    } else {
      mention = lastSubject ?? mentionAfter(text, sent.start, cue.start);
      if (!mention) return null;
      sieve = "participle";
      conf = 0.7;
    }
  } else {
    mention = subjectBefore(ctx, sent.start, cue);
    sieve = that ? "cue-that-clause" : "cue-clause";
    conf = that ? 0.85 : 0.75;
    if (!mention && that && /\b(?:and|but)\s+(?:also\s+|later\s+|then\s+)?$/u.test(text.slice(Math.max(sent.start, cue.start - 16), cue.start))) {
      // "Kim evoked his father's legacy and said that …": the subject of the first verb
      mention = lastSubject ?? mentionAfter(text, sent.start, cue.start);
      sieve = "coordinated-subject";
      conf = 0.7;
    }
    if (!mention) return null;
  }
  if (cue.belief) conf -= 0.15;
  return make(cue, mention, s, e, sieve, conf, via);
}

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
  const m = mentionBefore(text, sent.start, end);
  if (m && /,\s*$/.test(text.slice(Math.max(sent.start, m.start - 3), m.start))) {
    mention = m;
    comma = text.lastIndexOf(",", m.start);
  } else if (/,\s*$/.test(text.slice(Math.max(sent.start, cue.start - 3), cue.start))) {
    const inv = mentionAfter(text, cue.end, sent.end);
    if (inv) {
      mention = inv;
      comma = text.lastIndexOf(",", cue.start);
      after = inv.end;
    }
  }
  if (!mention || comma <= sent.start) return null;
  const tail = text.slice(after, sent.end);
  // "X said, the council would …" goes on with a clause: that is a parenthetical attribution
  if (after === cue.end && /^\s*,\s*(?:the|a|an|his|her|their|its)\b/iu.test(tail)) return null;
  if (!/^(?:\s+(?:on|in|at|last|this|earlier|late|after|before)\s[^,.;]{1,50}|\s+(?:reporters|journalists)|\s+\p{Ll}+ly|\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|afterwards?))*\s*(?:[,;—–]\s*(?:according|citing|which|who|adding|saying|as|in|on|at|and|but|when|while|referring|using|speaking|a|an|the|his|her|their|its|\p{Ll}+ing)\b.*)?[.!?”"’]*\s*$/su.test(tail)) return null;
  let start = sent.start;
  // the clause starts after an earlier "According to X," or a leading direct quote
  const lead = /^\s*[“"]/u.test(text.slice(start, start + 2));
  if (lead) return null;
  const [s, e] = trimClause(text, start, comma);
  if (words(text.slice(s, e)) < MIN_CLAUSE_WORDS) return null;
  return make(cue, mention, s, e, "clause-then-cue", cue.belief ? 0.7 : 0.85);
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
  const m = mentionBefore(text, sent.start, end);
  if (m && m.end >= end - 1 && /,\s*$/.test(text.slice(Math.max(sent.start, m.start - 3), m.start))) {
    mention = m;
    open = text.lastIndexOf(",", m.start);
    const after = /^(?:\s+(?:on|in|at|last|this|earlier|later)\s[^,.;]{1,30}|\s+\p{Ll}+ly)?\s*,/u.exec(text.slice(cue.end, sent.end));
    if (after) close = cue.end + after[0].length;
  } else if (/,\s*$/.test(text.slice(Math.max(sent.start, cue.start - 3), cue.start))) {
    const inv = mentionAfter(text, cue.end, sent.end);
    if (inv && /^\s*,/.test(text.slice(inv.end, inv.end + 3))) {
      mention = inv;
      open = text.lastIndexOf(",", cue.start);
      close = text.indexOf(",", inv.end) + 1;
    }
  }
  if (!mention || open <= sent.start || close <= 0) return null;
  if (/^\s*[“"]/u.test(text.slice(sent.start, sent.start + 2))) return null;
  const head = text.slice(sent.start, open);
  const rest = text.slice(close, sent.end);
  if (words(head) < 1 || words(rest) < MIN_CLAUSE_WORDS) return null;
  // the comma pair must interrupt one clause: what follows starts lowercase or with a name, not a new attribution
  if (/^\s*(?:according|which|who|adding|saying|as|and|but)\b/iu.test(rest)) return null;
  const [s, e] = trimClause(text, sent.start, sent.end);
  if (!hasFiniteVerb(head + rest)) return null;
  return make(cue, mention, s, e, "parenthetical-cue", 0.8);
}

/** "According to X, CLAUSE" and "CLAUSE, according to X." */
function accordingTo(ctx: Context, cue: Cue): Statement | null {
  const { text } = ctx;
  const sent = sentenceBounds(ctx, cue.start);
  // the source: a name or role, else a short plain phrase up to the comma ("according to recent polling,")
  let m = mentionAfter(text, cue.end, sent.end);
  if (!m || !/^\s*[,.]|^\s*$/u.test(text.slice(m.end, m.end + 2))) {
    const plain = /^\s*([^,;:.“”"]{2,80}?)\s*(?=,|\.?\s*$)/u.exec(text.slice(cue.end, sent.end));
    if (plain && plain[1]!.split(/\s+/).length <= 10) {
      const lo = cue.end + plain[0].indexOf(plain[1]!);
      m = analyse(tokenize(text, lo, lo + plain[1]!.length), text) ?? m;
    }
  }
  if (!m) return null;
  let after = m.end;
  // an appositive after the source: "the Korean Central News Agency (KCNA), North Korea’s official outlet,"
  const appos = /^,\s+(?:the|a|an|his|her|its|(?:\p{Lu}[\p{L}\-]*\s)*\p{Lu}[\p{L}\-]*[’']s)\s[^,;:“”"]{1,90}(?=,)/u.exec(text.slice(after, after + 110));
  if (appos) after += appos[0].length;
  const before = text.slice(sent.start, cue.start);
  if (/^[\s]*$/.test(before) || /,\s*$/.test(before) && /^\s*,/.test(text.slice(after, after + 2)) && words(before) <= 4) {
    // According to X, CLAUSE
    if (!/^\s*,/.test(text.slice(after, after + 2))) return null;
    const [s, e] = trimClause(text, after, clauseEnd(ctx, after + 1, sent.end));
    if (words(text.slice(s, e)) < MIN_CLAUSE_WORDS) return null;
    return make(cue, m, s, e, "according-to", 0.9);
  }
  if ((/,\s*$/.test(before) || words(before) >= 6) && /^[\s.!?”"’]*$/.test(text.slice(after, sent.end))) {
    if (/^\s*[“"]/u.test(before)) return null; // a direct quote's relay, handled as `via`
    const [s, e] = trimClause(text, sent.start, cue.start);
    if (words(text.slice(s, e)) < MIN_CLAUSE_WORDS) return null;
    return make(cue, m, s, e, "according-to", 0.85);
  }
  return null;
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
    if (cue.prepositional) st = accordingTo(ctx, cue);
    else st = clauseAfter(ctx, cue, lastSubject) ?? clauseBefore(ctx, cue) ?? parenthetical(ctx, cue);
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

