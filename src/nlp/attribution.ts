// Attribution in two phases: quote → mention by ordered sieves (direct quotes first, then reported
// clauses), then mention → canonical speaker within the document.
import type { Context, Statement } from "./context";
import { firstSpanFrom, lowerBound, sentenceBounds } from "./context";
import { HEDGE_ADVERBS } from "./lexicon/claims";
import { auxiliaryParagraphs, paragraphAt, sentenceAt } from "./document";
import { findCues } from "./cues";
import { EntityResolver } from "./entities";
import { findQuoteSpans, looksLikeStatement, looksLikeTitle, type QuoteSpan } from "./quotes";
import { DIRECT_SIEVES } from "./sieves/direct";
import { findIndirect } from "./sieves/indirect";
import { analyse, mentionAfter, tokenize } from "./mentions";
import { Coref, headlineSpans, whoDescription } from "./coref";
import { PARTY_WORDS, readStates } from "./lexicon/places";
import { ANONYMOUS_HEADS, MEDIA_WORDS, ROLE_NOUNS, TITLE_WORDS } from "./lexicon/roles";
import { entityKind, groupName, isDocumentHead, mentionKind, outletName, placeNames } from "./kinds";
import type { Doc, Entity, QuoteRecord, Span, SpeakerKind } from "./types";
import type { Mention } from "./mentions";

/** A quote reads as stand-alone when it starts a sentence or follows a colon, comma or cue. */
function isStandalone(ctx: Context, q: QuoteSpan): boolean {
  const { text } = ctx;
  const p = ctx.doc.paragraphs[q.paragraph]!;
  const sent = sentenceBounds(ctx, q.open);
  const lo = Math.max(p.start, Math.min(sent.start, q.open));
  const before = text.slice(lo, q.open).trimEnd();
  // a short quote opening its sentence and ending in punctuation ("“Nothing is agreed,” she said")
  const shortFull = !before && q.words >= 2 && /[,.!?…]$/u.test(text.slice(q.start, q.end));
  if (!looksLikeStatement(text, q) && !shortFull) return false;
  if (!before || q.continues >= 0) return true;
  if (/[:,—–]$/.test(before) || /[.!?”"]$/.test(before)) return true;
  // "He said “…”": a cue right before the mark
  const lastWord = /([\p{L}]+)$/u.exec(before)?.[1]?.toLowerCase();
  return !!lastWord && ctx.cues.some((c) => c.end === lo + before.length && c.text.toLowerCase() === lastWord);
}

function statementFrom(ctx: Context, i: number, sieve: string, confidence: number, a: { mention: Statement["mention"]; cue: Statement["cue"]; via: string | null }): Statement {
  const q = ctx.spans[i]!;
  return { start: q.start, end: q.end, kind: "direct", mention: a.mention, cue: a.cue, via: a.via, sieve, confidence, span: i, sameAs: null };
}

/** A relay at the end of the sentence: "…,” Peskov told reporters, according to TASS." */
function relayAfter(ctx: Context, from: number): string | null {
  const sent = sentenceBounds(ctx, from);
  const tail = ctx.text.slice(from, sent.end);
  const m = /,\s+(?:according to|as reported by|citing|as quoted by)\s+/iu.exec(tail);
  if (!m) return null;
  const mention = mentionAfter(ctx.text, from + m.index + m[0].length, sent.end);
  return mention ? mention.name ?? mention.text.replace(/^(the|a|an)\s+/i, "") : null;
}

/**
 * One quoted sentence interrupted by its attribution ("“My hope,” she said, “is that …”") is one
 * statement: its span runs from the first segment to the last, the cue inside. A quote whose first
 * part ends its own sentence ("“A.” she said. “B.”") stays two statements.
 */
function joinInterrupted(ctx: Context, direct: Statement[]): Statement[] {
  const out: Statement[] = [];
  for (const st of direct) {
    const prev = out[out.length - 1];
    if (prev && interrupts(ctx, prev, st)) {
      out[out.length - 1] = { ...prev, end: st.end, confidence: st.sameAs ? prev.confidence : Math.min(prev.confidence, st.confidence) };
      continue;
    }
    out.push(st);
  }
  return out;
}

function interrupts(ctx: Context, a: Statement, b: Statement): boolean {
  // direct statements come in text order, so b's quote follows a's
  if (a.span === null || b.span === null) return false;
  const qa = ctx.spans[a.span]!;
  const qb = ctx.spans[b.span]!;
  if (!qa.closed || qa.paragraph !== qb.paragraph) return false;
  // b speaks for a's speaker, or a for b's
  const cue = a.cue ?? b.cue;
  if (!cue || !(b.sameAs === a || a.sameAs === b || (!!b.cue && !!a.cue && b.cue.start === a.cue.start))) return false;
  if (!/[,—–-]\s*$/u.test(ctx.text.slice(qa.start, qa.end))) return false;
  const gap = ctx.text.slice(qa.after, qb.open);
  // the attribution sits between the two parts and the sentence goes on after it
  return gap.length <= 200 && cue.start >= qa.after && cue.end <= qb.open && /[,:—–]\s*$/u.test(gap) && sentenceBounds(ctx, qa.start).end > qb.open;
}

/** Statements that report through a source: "According to X, …" and "X reported …". */
const isSourceCue = (st: Statement) => !!st.cue && (st.cue.base === "according to" || st.cue.base === "report") && !!st.mention && !st.mention.pronoun && st.mention.kind !== "anonymous";

/**
 * A hedge whose source is named close by ("According to X, … . Kim reportedly “…”") is a report of
 * that source: its clause becomes a statement whose speaker is the inferred source, cue the hedge.
 * The claims detector leaves such a hedge unflagged for the same reason.
 */
function hedgedReports(ctx: Context, found: Statement[]): Statement[] {
  const { text } = ctx;
  const sources = found.filter(isSourceCue).sort((a, b) => a.cue!.start - b.cue!.start);
  const byStart = [...found].sort((a, b) => a.start - b.start);
  const out: Statement[] = [];
  if (!sources.length) return out;
  const re = /\b\p{L}+ly\b/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (!HEDGE_ADVERBS.has(m[0].toLowerCase())) continue;
    const at = m.index;
    // already part of a statement
    const k = lowerBound(byStart, at + 1, (st) => st.start);
    if (byStart.slice(Math.max(0, k - 3), k).some((st) => st.end > at)) continue;
    const sent = sentenceBounds(ctx, at);
    const si = sentenceAt(ctx.doc, at);
    const prev = si > 0 ? ctx.doc.sentences[si - 1]! : sent;
    const j = lowerBound(sources, at, (st) => st.cue!.start) - 1;
    const src = j >= 0 && sources[j]!.cue!.start >= prev.start ? sources[j]! : null;
    if (!src) continue;
    let start = at + m[0].length;
    while (start < sent.end && /[\s,“"]/u.test(text[start]!)) start++;
    let end = sent.end;
    while (end > start && /[\s”"]/u.test(text[end - 1]!)) end--;
    if ((text.slice(start, end).match(/[\p{L}\p{N}]+/gu) ?? []).length < 3) continue;
    const cue = { text: m[0], start: at, end: at + m[0].length, base: m[0].toLowerCase(), participle: false, belief: false, prepositional: false };
    const kind = /[“”"]/u.test(text.slice(at, sent.end)) ? "mixed" : "indirect";
    out.push({ start, end, kind, mention: src.mention, cue, via: src.via, sieve: "hedge-source", confidence: 0.6, span: null, sameAs: src });
  }
  return out;
}

export function attribute(doc: Doc): { statements: Statement[]; ctx: Context } {
  const ctx: Context = {
    doc, text: doc.text, spans: findQuoteSpans(doc), standalone: [], cues: findCues(doc.text),
    usedCues: new Set(), direct: [], indirect: [],
  };
  // cue positions, for the stand-alone test
  ctx.standalone = ctx.spans.map((q) => isStandalone(ctx, q));
  ctx.direct = ctx.spans.map(() => null);
  for (const sieve of DIRECT_SIEVES) {
    ctx.spans.forEach((_, i) => {
      if (!ctx.standalone[i] || ctx.direct[i]) return;
      const r = sieve.apply(ctx, i);
      if (!r) return;
      if ("sameAs" in r) {
        const src = r.sameAs.sameAs ?? r.sameAs;
        const st = statementFrom(ctx, i, sieve.name, sieve.confidence * src.confidence, { mention: src.mention, cue: src.cue, via: src.via });
        st.sameAs = src;
        ctx.direct[i] = st;
      } else {
        const via = r.via ?? relayAfter(ctx, r.end);
        ctx.direct[i] = statementFrom(ctx, i, sieve.name, sieve.confidence, { mention: r.mention, cue: r.cue, via });
        ctx.usedCues.add(r.cue);
      }
    });
  }
  const indirect = findIndirect(ctx);
  // a reported clause holding quote marks is a mixed quote; direct quotes inside it are not repeated
  const covered = new Set<number>();
  for (const st of indirect) {
    for (let i = firstSpanFrom(ctx, st.start); i < ctx.spans.length && ctx.spans[i]!.open <= st.end; i++) {
      const q = ctx.spans[i]!;
      if (q.open >= st.start && q.close <= st.end + 1) {
        st.kind = "mixed";
        covered.add(i);
      }
    }
  }
  // an outer attribution around a whole inner one is its relay: "Kim said X, KCNA said"
  const kept: Statement[] = [];
  const dropped = new Set<Statement>();
  let pos = 0;
  for (const st of indirect) {
    if (dropped.has(st)) continue;
    // statements are in cue order, so one nested in this one lies among its near neighbours
    const k = indirect.indexOf(st, Math.max(0, pos - 1));
    pos = k;
    let inner: Statement | undefined;
    for (let j = Math.max(0, k - 4); j < Math.min(indirect.length, k + 5) && !inner; j++) {
      const o = indirect[j]!;
      // (an inner clause read on through the outer cue, "X told donors Y, her campaign said.", too)
      const through = st.sieve === "clause-then-cue" && !!st.cue && st.cue.start >= st.end && o.end >= st.cue.end && o.start < st.end;
      if (o !== st && o.cue && o.cue.start >= st.start && (o.end <= st.end + 1 || through) && o.start > st.start) inner = o;
    }
    if (inner && inner.end > st.end + 1) inner.end = st.end;
    if (inner && st.mention) {
      // "Putin said he thought X", "Officials said they expect X": one statement, the outer one;
      // "Reyes told donors X, according to two officials", "X, an aide said": an unnamed source, a
      // document or a body other than an outlet is who the article has it from, so the outer one
      // ("Reyes said X, according to the Harbor Sentinel": a paraphrase is the account of whoever the
      // article has it from, outlet or not; a direct quote keeps its speaker, decision 045)
      if (st.mention.kind === "person" || st.mention.pronoun || inner.mention?.pronoun || hearsayRelay(st.mention) || (st.sieve.startsWith("according-to") && !inner.kind.startsWith("direct"))) {
        dropped.add(inner);
        // an inner one read before its outer one (the outer cue comes last) is taken back
        const at = kept.indexOf(inner);
        if (at >= 0) kept.splice(at, 1);
      } else {
        // "Kim said X, state television said": the outer body relays the inner statement
        inner.via = inner.via ?? (st.mention.name ?? st.mention.text.replace(/^(the|a|an)\s+/i, ""));
        continue;
      }
    }
    kept.push(st);
  }
  kept.push(...hedgedReports(ctx, kept));
  const direct: Statement[] = [];
  // last resort for a quote no sieve attributed: a reported statement in the same paragraph, or,
  // for a paragraph that is only the quote, the last statement of the paragraph before
  const byParagraph = new Map<number, Statement[]>();
  for (const st of [...kept, ...ctx.direct.filter((d): d is Statement => !!d)]) {
    if (!st.mention) continue;
    const p = paragraphAt(doc, st.start);
    const list = byParagraph.get(p) ?? [];
    list.push(st);
    byParagraph.set(p, list);
  }
  ctx.spans.forEach((q, i) => {
    if (covered.has(i)) return;
    if (ctx.direct[i]) direct.push(ctx.direct[i]!);
    // a title with no cue of its own ("A Time for Truth,") names a work, it reports no words, whether
    // a statement stands near it or none does (decision 027)
    else if (ctx.standalone[i] && !looksLikeTitle(ctx.text, q)) {
      const para = ctx.doc.paragraphs[q.paragraph]!;
      const quoteOnly = q.open === para.start && !/[\p{L}]/u.test(ctx.text.slice(q.closed ? q.after : q.end, para.end));
      const same = byParagraph.get(q.paragraph);
      const prev = quoteOnly ? byParagraph.get(q.paragraph - 1) : undefined;
      const src = same?.length ? same.reduce((a, b) => (Math.abs(b.start - q.start) < Math.abs(a.start - q.start) ? b : a)) : prev?.length ? prev.reduce((a, b) => (b.start > a.start ? b : a)) : null;
      if (src) {
        const from = src.sameAs ?? src;
        direct.push({ start: q.start, end: q.end, kind: "direct", mention: from.mention, cue: from.cue, via: from.via, sieve: "paragraph-statement", confidence: 0.55 * from.confidence, span: i, sameAs: from });
      } else {
        direct.push({ start: q.start, end: q.end, kind: "direct", mention: null, cue: null, via: null, sieve: "unattributed", confidence: 0.3, span: i, sameAs: null });
      }
    }
  });
  // link lines and photo captions are not article text: nothing in them is attributed (decision 013)
  const aux = auxiliaryParagraphs(doc);
  const inArticle = (st: Statement) => !aux.size || !aux.has(paragraphAt(doc, st.start));
  const statements = [...joinInterrupted(ctx, direct), ...kept].filter(inArticle).sort((a, b) => a.start - b.start);
  return { statements, ctx };
}

/** A quote that opens its paragraph and is all the paragraph holds. */
function quoteOnlyParagraph(doc: Doc, q: Span | undefined): boolean {
  if (!q) return false;
  const p = doc.paragraphs[paragraphAt(doc, q.start)];
  if (!p || p.index === 0) return false;
  return !/[\p{L}\p{N}]/u.test(doc.text.slice(p.start, Math.max(p.start, q.start - 1))) && !/[\p{L}\p{N}]/u.test(doc.text.slice(q.end + 1, p.end));
}

/**
 * A capitalised mention that is a description, not a name: "the" and then only state, party and
 * title words ("The Arizona Republican", "the New York Democrat").
 */
function descriptiveName(m: Mention): boolean {
  if (!/^the\s/iu.test(m.text) || !m.name) return false;
  let state = false;
  let party = false;
  for (const w of readStates(m.text.toLowerCase().split(/\s+/u).slice(1))) {
    if (w.state) state = true;
    else if (PARTY_WORDS.has(w.word)) party = true;
    else if (!TITLE_WORDS.has(w.word) && !ROLE_NOUNS.has(w.word)) return false;
  }
  return state && party;
}

/** A mention headed by a candidate's campaign ("campaign", "the Okafor campaign", "her campaign"). */
const CAMPAIGN_HEAD = /(?:^|\s)campaign$/iu;
const WEEKDAY = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/u;

/** "The remarks", "the comments": words just spoken, not a document with an author of its own. */
const SPOKEN_WORDS = /^the\s+(?:remarks|comments|words|testimony|speech|interview)$/iu;
/** After a cue, the document it was said in ("said in a statement", "said late Monday in a news release"): the document's head, group 1. */
const SAID_IN_DOCUMENT = /^\s+(?:(?:on|late|early|last)\s+\p{L}+\s+)?(?:in|via)\s+(?:a|an)\s+(?:[\p{Ll}\-]+\s+){0,2}?(statement|release|letter|email|e-mail|memo|tweet|filing|note)(?![\p{L}])/u;
/** That document taken up again as the speaker ("The statement added that …"): its head, group 1. */
const THE_DOCUMENT = /^(?:the|that)\s+(?:[\p{Ll}\-]+\s+){0,2}?(statement|release|letter|email|e-mail|memo|tweet|filing|note)$/iu;

/** A mention that is a relative pronoun standing for the name before it ("…, Kent, who said"). */
const RELATIVE_MENTION = /^(?:who|which|that)$/iu;
/** A preposition of place ending the text before a plural ("in", "across"). */
const PLACE_PREPOSITION = /\b(?:in|across|at|on|from|throughout|around|near|into|of)\s+(?:the\s+|\d+\s+|[\p{Ll}]+\s+)?$/u;
/** Kinds of relay that are the source on record of what they report (see hearsayRelay). */
const HEARSAY_KINDS: ReadonlySet<SpeakerKind> = new Set(["anonymous", "organisation", "document", "group"]);
/** A lowercase plural head, then a phrase of place or belonging ("newspapers in Ohio", "aides to the mayor"). */
const PLURAL_BEFORE_PHRASE = /(?:^|\s)\p{Ll}{2,}[^s\s’']s\s+(?:in|of|from|at|across|around|throughout|to|for|with)\s/u;
/**
 * … ending in a name: a plural in a place ("Six Northfield newspapers in Ohio"), or someone's
 * supporters or critics ("Supporters of Ann Ruiz"), who are not that person. Not a plural at or of a
 * body ("officials at the Harbor Authority"): they are the body's voice.
 */
const PLURAL_BEFORE_NAME = /(?:(?:(?:^|\s)\p{Ll}{2,}[^s\s’']s|^\p{Lu}\p{Ll}+(?:er|ent|ist|or|ive|ic|al|ee|an)s)\s+(?:in|from|across|around|throughout)|(?:^|\s)(?:[Ss]upporters|[Oo]pponents|[Cc]ritics|[Ff]ans|[Ff]riends|[Aa]llies|[Bb]ackers|[Dd]etractors|[Rr]ivals|[Rr]elatives)\s+of)\s+(?:the\s+)?\p{Lu}[\p{L}.’'\-]*(?:\s+\p{Lu}[\p{L}.’'\-]*)*$/u;
/** Records of the speaker's own words: a relay through one still gives the speaker's words. */
const RECORD_WORDS = /\b(?:transcripts?|recordings?|videos?|tapes?|audio|footage|interviews?|broadcasts?)\b/iu;
/**
 * A relay that is the source on record rather than a channel: an unnamed source ("officials"), a
 * document ("the FBI summary") or a body that is no outlet ("her campaign"); not a news outlet
 * ("state television", "the Times": it reports words the speaker said) and not a record of them.
 */
function hearsayRelay(m: Mention): boolean {
  if (m.pronoun || RECORD_WORDS.test(m.text)) return false;
  const words = m.text.toLowerCase().split(/\s+/u).map((w) => w.replace(/[’']s$/u, ""));
  if (words.some((w) => MEDIA_WORDS.has(w)) || (m.name && outletName(m.name))) return false;
  // a description nothing classed ("someone in attendance", "the survey") by its words
  return HEARSAY_KINDS.has(m.kind) || (m.kind === "unknown" && !m.name && words.some((w) => ANONYMOUS_HEADS.has(w) || isDocumentHead(w)));
}
/** "some of whom", "two of whom": part of the plural just before the comma. */
const OF_WHOM = /^(some|many|most|all|several|both|few|none|one|two|three|four|five|six|seven|eight|nine|ten|half|each|dozens|hundreds|thousands|a few|a number|a majority|a handful) of whom$/iu;

/** What may follow a name in apposition to a speaker's description: the clause's end, a relative or a cue. */
const AFTER_APPOSED_NAME = /^(?:\s*(?:[,.;:)”"]|$)|\s+(?:who|said|says|told|wrote|added|in|on|at|during|after|before)\b)/u;

/**
 * "said the company’s chief executive, Ann Ruiz, in a statement", "a former spokesman for the
 * Foreign Ministry, Tom Reyes,": a description of one person followed by a full name in apposition is
 * that person; the mention runs from the description to the name. Null when no name stands there.
 */
export function apposedName(text: string, m: Mention): Mention | null {
  // (a description, or a role owned by a name: "Okafor’s deputy campaign manager")
  if (m.pronoun || (m.name && m.kind === "person") || !/^(?:(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s|(?:\p{Lu}[\p{L}.\-]*\s+)*\p{Lu}[\p{L}.\-]*[’']s\s)/u.test(m.text)) return null;
  // a role of one person ("chief executive", "former spokesman"), not a body or a group
  const words = m.text.toLowerCase().split(/\s+/u);
  const roleAt = words.findIndex((w, k) => k > 0 && (ROLE_NOUNS.has(w) || ANONYMOUS_HEADS.has(w)) && !/s$/u.test(w.replace(/(?:ss|us|is)$/u, "")));
  if (roleAt < 0) return null;
  // (a time phrase may come between: "wrote the American ambassador at the time, Tom Reyes")
  const comma = /^(?:\s+(?:at\s+the\s+time|at\s+that\s+time|then|since\s+\d{4}|until\s+\d{4}))?,[ \t]+/u.exec(text.slice(m.end, m.end + 24));
  if (!comma) return null;
  const from = m.end + comma[0].length;
  const n = mentionAfter(text, from, Math.min(text.length, from + 120));
  if (!n || n.kind !== "person" || !n.name || n.text !== n.name || n.start !== from || n.name.split(/\s+/u).length < 2) return null;
  const tail = text.slice(n.end, n.end + 12);
  // "…, Ann Ruiz and Tom Reyes": a list, not an apposition
  if (!AFTER_APPOSED_NAME.test(tail) || /^,?\s+and\s/u.test(tail)) return null;
  return { ...n, text: text.slice(m.start, n.end), start: m.start, role: m.text };
}

/** A full name closing the text before an appositive: "Tom Reyes, " (two to four capitalised words). */
const NAME_BEFORE_COMMA = /(?<![\p{L}.’'\-])((?:\p{Lu}[\p{L}.’'\-]*\s+){1,3}\p{Lu}[\p{L}’'\-]+),[ \t]+$/u;

/**
 * "… criticism from Tom Reyes, a banker and former city official who has suggested …": an indefinite
 * description right after a person's full name and a comma is that person, in apposition (the
 * mention becomes the name and its appositive). Null for anything else.
 */
export function namedBeforeApposition(text: string, m: Mention): Mention | null {
  if (m.pronoun || m.name || !/^(?:a|an)\s/u.test(m.text)) return null;
  const words = m.text.toLowerCase().split(/\s+/u);
  if (!words.some((w, k) => k > 0 && ROLE_NOUNS.has(w))) return null;
  const before = NAME_BEFORE_COMMA.exec(text.slice(Math.max(0, m.start - 60), m.start));
  if (!before) return null;
  const start = m.start - before[0].length;
  // inside a sentence ("from Tom Reyes, a banker"): a sentence's opening words before a comma are
  // as often a phrase ("In May, a judge ruled")
  if (!/[\p{Ll},]\s+$/u.test(text.slice(Math.max(0, start - 3), start))) return null;
  const n = analyse(tokenize(text, start, start + before[1]!.length), text);
  if (!n || n.kind !== "person" || !n.name || n.text !== n.name || n.start !== start || n.name.split(/\s+/u).length < 2) return null;
  return { ...n, text: text.slice(start, m.end), end: m.end, role: m.text };
}

/** Documents a possessive owner puts out ("the campaign’s statement", "the foundation's tally"). */
const OWNED_DOCUMENT = /^((?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?:[\p{Ll}\-]+\s+){0,2}[\p{Ll}\-]+|(?:\p{Lu}[\p{L}.\-]*\s+){0,3}\p{Lu}[\p{L}.\-]*)(?:[’']s|s[’'])\s+(?:(?:own|latest|new|official|written|final|first|annual|weekly|daily)\s+)?(?:statement|tally|count|report|letter|analysis|memo|release|press release|filing|editorial|website|ad|video|tweet|email|e-mail|figures|records|survey|poll|data|estimate|summary|account)$/u;

/**
 * "The campaign’s statement said …", "the foundation's tally": a document its owner puts out speaks
 * for the owner, who is the speaker (the mention narrows to the owner: "The campaign"). Null when
 * the mention is no owned document or its owner is a pronoun ("Her statement" resolves as it is).
 */
export function documentOwner(text: string, m: Mention): Mention | null {
  if (m.pronoun || m.kind === "person" && m.name) return null;
  const own = OWNED_DOCUMENT.exec(m.text);
  if (!own) return null;
  const ownerText = own[1]!;
  const owner = analyse(tokenize(text, m.start, m.start + ownerText.length), text);
  return owner && !owner.pronoun ? owner : null;
}

/** Phase two: every mention to its canonical speaker, in text order. `quoted`: the quote spans (names inside them are not narrative). */
export function resolveSpeakers(doc: Doc, statements: Statement[], quoted: readonly Span[] = []): { quotes: QuoteRecord[]; entities: Entity[] } {
  const resolver = new EntityResolver(doc.text, headlineSpans(doc));
  const coref = new Coref(doc, resolver, [...quoted].sort((a, b) => a.start - b.start));
  const used = new Set<Entity>();
  const recent: Entity[] = [];
  // "the Okafors": the family's members named together ("Jo Okafor, Ann Okafor and Tom Okafor")
  const familyOf = (plural: string): Entity | null => {
    const members = resolver.family(plural);
    return members ? coref.entityFor(members.map((c) => c.entity.canonical).join(", ").replace(/, ([^,]+)$/u, " and $1"), "group") : null;
  };
  const resolved = new Map<Statement, Entity | null>();
  const quotes: QuoteRecord[] = [];
  const kindOf: [number, Entity][] = [];
  let last: { entity: Entity; at: number } | null = null;
  // the last statement said in a document ("the council said in a statement"), for "The statement added"
  type SaidIn = { head: string; entity: Entity | null; canonical: string | null; sentence: number };
  let saidIn: SaidIn | null = null;
  for (const st of statements) {
    const named = st.mention && !st.sameAs ? apposedName(doc.text, st.mention) ?? namedBeforeApposition(doc.text, st.mention) ?? documentOwner(doc.text, st.mention) : null;
    if (named) st.mention = named;
    // "NATO said": an acronym read as a role word ("NATO officials") standing alone is a body's name
    const m = st.mention;
    if (m && !m.name && !m.pronoun && /^(?:[Tt]he\s+)?\p{Lu}{2,6}$/u.test(m.text) && !/(?:^|\s)(?:US|UK)$/u.test(m.text)) {
      const at = m.end - m.text.replace(/^[Tt]he\s+/u, "").length;
      st.mention = { ...m, name: doc.text.slice(at, m.end), nameStart: at, nameEnd: m.end, role: null, kind: "organisation" };
    }
  }
  // who speaks somewhere in the article, before any pronoun is read: a person, not a place
  for (const st of statements) {
    if (st.mention?.name && !st.sameAs && !RELATIVE_MENTION.test(st.mention.text)) {
      const c = resolver.clusterOf(resolver.resolveNamed(st.mention));
      if (c) c.spoke = true;
    }
  }
  // the last direct statement, and who asked it when it was a question ("“That would be you?” Ruiz asked")
  type Asked = { st: Statement; asker: Entity | null };
  let prevDirect: Asked | null = null;
  for (const st of statements) {
    const m = st.mention;
    let entity: Entity | null = null;
    // a quote right after a quoted question answers it: its "he" or "the senator" is not the asker
    // (nothing but the question's own cue between them: "“…?” Ruiz asked. “…,” the senator said.")
    const q = prevDirect as Asked | null;
    const asked: Entity | null = q?.asker && st.kind === "direct" && m && !m.name && !st.sameAs && st.start > q.st.end && st.start - q.st.end <= 60 && paragraphAt(doc, st.start) - paragraphAt(doc, q.st.start) <= 1 ? q.asker : null;
    coref.avoid = asked;
    // "The council said in a statement that … The statement added that …": the same speaker, named or not
    const again = m && !m.name && !m.pronoun && !st.sameAs ? THE_DOCUMENT.exec(m.text) : null;
    const prior = saidIn as SaidIn | null;
    const said: SaidIn | null = again && prior && prior.head === again[1]!.toLowerCase() && sentenceAt(doc, m!.start) - prior.sentence <= 3 ? prior : null;
    if (st.sameAs && resolved.has(st.sameAs)) entity = resolved.get(st.sameAs)!;
    else if (said) entity = said.entity;
    else if (m && !m.name && !m.pronoun && CAMPAIGN_HEAD.test(m.text) && (entity = coref.campaign(m))) {
      // "Bernie Okafor’s campaign said", "her campaign said", "the campaign said": the owner's campaign, a body
    } else if (m?.name && /^the\s/iu.test(m.text) && (entity = familyOf(m.name.replace(/^the\s+/iu, "")))) {
      // "the Okafors say": the two or three people of the article with that surname
    } else if (m?.name && descriptiveName(m)) {
      // "The Arizona Republican said": a state and a party, no one's name
      entity = coref.roleDescription(m) ?? resolver.resolveNamed(m);
    } else if (m?.name && m.role && WEEKDAY.test(m.name)) {
      // "A court filing dated Thursday says": the weekday closes a description, it names no one
      entity = null;
    } else if (m?.name && PLURAL_BEFORE_NAME.test(m.text)) {
      // "Six Northfield newspapers in Ohio said", "supporters of Ann Ruiz say": the plural speaks,
      // not the place or person it is of (the mention's words stand for it, a group)
      entity = null;
    } else if (m?.name) {
      entity = resolver.resolveNamed(m);
      if (RELATIVE_MENTION.test(m.text)) entity = coref.relative(m, entity);
    }
    else if (!m && st.sieve === "unattributed" && st.span !== null && quoteOnlyParagraph(doc, quoted[st.span])) {
      entity = coref.narrativeSpeaker(st.start);
      if (entity) st.sieve = "narrative-speaker";
    } else if (m?.pronoun === "who" && whoDescription(doc.text, m.start)) entity = null;
    else if (m?.pronoun) {
      entity = coref.pronoun(m, st);
      const want = m.pronoun === "he" || m.pronoun === "she" ? "person" : m.pronoun === "i" || m.pronoun === "we" || m.pronoun === "who" ? "any" : "group";
      // the last speaker of the right kind, but never one of the other gender ("she" for "Jo Bloggs, a father of two")
      const g = m.pronoun === "he" ? "m" : m.pronoun === "she" ? "f" : null;
      for (let i = recent.length - 1; i >= 0 && !entity; i--) {
        const e = recent[i]!;
        const eg = g ? resolver.clusterOf(e)?.gender : null;
        if (eg && eg !== g) continue;
        if (want === "any" || (want === "person" ? e.kind === "person" : e.kind !== "person")) entity = e;
      }
      if (!entity && want === "person") entity = resolver.lastPersonBefore(m.start);
    } else if (m?.definiteDescription) {
      entity = coref.roleDescription(m) ?? resolver.resolveDescription(m, recent) ?? coref.description(m);
    } else if (m) {
      entity = coref.description(m) ?? coref.possessor(m) ?? coref.ownedRole(m);
      // "“We will win,” Jo Bloggs said. ¶ The remarks drew cheers": words just spoken are their speaker's
      if (!entity && last && SPOKEN_WORDS.test(m.text) && paragraphAt(doc, m.start) - paragraphAt(doc, last.at) <= 1) entity = last.entity;
    }
    coref.avoid = null;
    if (st.kind === "direct") prevDirect = { st, asker: st.cue?.base === "ask" && /\?\s*["”’']*\s*$/u.test(doc.text.slice(st.start, st.end)) ? entity : null };
    if (m && entity && !st.sameAs) coref.addSpeaker(m, entity, st.kind !== "direct" ? { start: st.start, end: st.end } : undefined);
    resolved.set(st, entity);
    if (entity) {
      used.add(entity);
      recent.push(entity);
      if (m && !SPOKEN_WORDS.test(m.text)) last = { entity, at: st.start };
    }
    let canonical: string | null = entity?.canonical ?? null;
    if (!entity && said) canonical = said.canonical;
    else if (!entity && m && !m.pronoun && m.kind !== "anonymous") canonical = m.text.replace(/^(the|a|an)\s+/i, "");
    const inDocument = st.cue ? SAID_IN_DOCUMENT.exec(doc.text.slice(st.cue.end, st.cue.end + 48)) : null;
    if (inDocument && m && !said) saidIn = { head: inDocument[1]!, entity, canonical, sentence: sentenceAt(doc, st.cue!.start) };
    // an unnamed plural speaker ("Several analysts said"), for a "they" that continues it
    if (!entity && m && !m.pronoun && (!m.name || PLURAL_BEFORE_NAME.test(m.text)) && (/s$/u.test(m.text) || PLURAL_BEFORE_PHRASE.test(m.text)) && !st.sameAs) coref.addGroup(m, m.text.replace(/^(the|a|an)\s+/i, ""));
    // a capitalised plural ("Several Democrats said", "Republicans say") is a group a later "they" continues
    if (entity && m?.name && !st.sameAs && entity.kind === "person" && groupName(entity.canonical) && !resolver.clusterOf(entity)?.gender && !entity.roles.length) coref.addGroup(m, m.text.replace(/^(the|a|an)\s+/i, ""));
    if (!entity && m?.pronoun === "who") canonical = whoDescription(doc.text, m.start);
    // "… met farmers and ranchers, many of whom said": some of the plural the comma follows
    const ofWhom = !entity && m && !m.name ? OF_WHOM.exec(m.text) : null;
    let among = ofWhom ? whoDescription(doc.text, m!.start) : null;
    // "… in three counties, many of whom": a place the plural is in, not its people
    if (among && PLACE_PREPOSITION.test(doc.text.slice(Math.max(0, m!.start - among.length - 24), m!.start - among.length - 2))) among = null;
    if (among) canonical = `${ofWhom![1]!.toLowerCase()} of the ${among}`;
    const kind: SpeakerKind = entity ? entity.kind : m ? mentionKind(m, canonical) : "unknown";
    if (entity) kindOf.push([quotes.length, entity]);
    const text = doc.text;
    const viaName = st.via ? resolver.canonicalOf(st.via) : null;
    const via = viaName && viaName !== canonical ? viaName : null;
    quotes.push({
      start: st.start, end: st.end, text: text.slice(st.start, st.end), kind: st.kind,
      speaker: m ? m.text : null, speaker_start: m ? m.start : null, speaker_end: m ? m.end : null,
      speaker_canonical: canonical, speaker_kind: kind,
      cue: st.cue?.text ?? null, cue_start: st.cue?.start ?? null, cue_end: st.cue?.end ?? null,
      via,
      confidence: Math.round(st.confidence * 100) / 100, sieve: st.sieve,
    });
  }
  // kinds of named entities, decided once every mention is read ("Ohio" placed, "Steve Morgan. Parry" a fragment)
  const places = placeNames(doc.text);
  const final = new Map<Entity, SpeakerKind>();
  for (const e of used) final.set(e, entityKind(e, places, !!resolver.clusterOf(e)?.gender));
  for (const [i, e] of kindOf) quotes[i]!.speaker_kind = final.get(e)!;
  for (const [e, k] of final) e.kind = k;
  return { quotes, entities: resolver.entities(used) };
}
