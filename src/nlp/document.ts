// Paragraphs and sentences as offsets into the original text, in one linear pass each.
// natural's SentenceTokenizer is not used: it is quadratic on long input and splits "U.S.".
import type { Doc, Paragraph, Sentence, Span } from "./types";
import { ABBREVIATIONS, SENTENCE_STARTERS } from "./lexicon/abbreviations";

/** Paragraphs are runs of non-blank lines... in news copy, each line is a paragraph. */
export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\r\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let start = m.index;
    let end = start + m[0].length;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (end > start) out.push({ start, end, index: out.length });
  }
  return out;
}

const CLOSERS = new Set(["\"", "'", "”", "’", ")", "]", "»"]);
const OPENERS = new Set(["\"", "'", "“", "‘", "(", "[", "«"]);

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x202f;
}
export function isUpper(ch: string): boolean {
  const c = ch.charCodeAt(0);
  // ASCII answered without case mapping: only A-Z has a lower case of its own there
  if (c < 128 && ch.length === 1) return c >= 65 && c <= 90;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
function isDigit(ch: string): boolean {
  return ch >= "0" && ch <= "9";
}

const WORD_OR_DOT = /[\p{L}.\-']/u;
const LETTER_OR_APOSTROPHE = /[\p{L}'’]/u;
const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
/** WORD_OR_DOT.test(text[i]), ASCII answered without the regex. */
export function wordOrDot(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiLetter(c) || c === 46 || c === 45 || c === 39;
  return WORD_OR_DOT.test(text[i]!);
}
/** LETTER_OR_APOSTROPHE.test(text[i]), ASCII answered without the regex. */
export function letterOrApostrophe(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiLetter(c) || c === 39;
  return LETTER_OR_APOSTROPHE.test(text[i]!);
}

/** The word (letters, dots) that ends at `end` (exclusive), e.g. "U.S." or "Mr." */
function wordBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && wordOrDot(text, i - 1)) i--;
  return text.slice(i, end);
}

function wordAfter(text: string, start: number): string {
  let i = start;
  while (i < text.length && OPENERS.has(text[i]!)) i++;
  let j = i;
  while (j < text.length && letterOrApostrophe(text, j)) j++;
  return text.slice(i, j);
}

/**
 * Decides whether the period at `dot` ends a sentence, given the next word.
 * Abbreviations ("Mr.", "Gen.") and initials ("J.") never do; dotted acronyms ("U.S.") only when the
 * next word is a typical sentence starter ("U.S. The" splits, "U.S. President" does not).
 */
function periodEndsSentence(text: string, dot: number, next: string): boolean {
  const word = wordBefore(text, dot + 1);
  const bare = word.replace(/^[\-']+/, "");
  if (/^\p{Lu}\.$/u.test(bare)) return false; // an initial
  if (ABBREVIATIONS.has(bare.toLowerCase())) return false;
  if (/^(\p{L}\.){2,}$/u.test(bare)) return SENTENCE_STARTERS.has(next);
  return true;
}

/**
 * The longest sentence, in code units. Longer runs without a sentence end (a megabyte without a full
 * stop) are cut at a space near this length, so that every rule reading a sentence reads a bounded
 * window. News sentences stay far below it (the longest in the evaluation files has 1,094).
 */
export const MAX_SENTENCE = 2000;

/** What can end a sentence; splitSentences acts at no other character. */
const SENTENCE_PUNCT = /[.!?]/g;

/** Sentences within each paragraph. Linear in the length of the text. */
export function splitSentences(text: string, paragraphs: Paragraph[]): Sentence[] {
  const out: Sentence[] = [];
  const push = (start: number, end: number, paragraph: number): void => {
    while (end - start > MAX_SENTENCE) {
      // cut at the last space of the second half of the window, else at its end (not inside a surrogate pair)
      let cut = start + MAX_SENTENCE;
      while (cut > start + MAX_SENTENCE / 2 && !isSpace(text.charCodeAt(cut - 1))) cut--;
      if (cut <= start + MAX_SENTENCE / 2) {
        cut = start + MAX_SENTENCE;
        const c = text.charCodeAt(cut - 1);
        if (c >= 0xd800 && c <= 0xdbff) cut--;
      }
      let pieceEnd = cut;
      while (pieceEnd > start && isSpace(text.charCodeAt(pieceEnd - 1))) pieceEnd--;
      if (pieceEnd > start) out.push({ start, end: pieceEnd, index: out.length, paragraph });
      start = cut;
      while (start < end && isSpace(text.charCodeAt(start))) start++;
    }
    if (end > start) out.push({ start, end, index: out.length, paragraph });
  };
  // the first ".", "!" or "?" at or after endFrom (text.length when none): the loop below jumps from
  // one to the next, as no other character acts in it (a character loop ran mostly in the interpreter
  // in a fresh process), and the text is searched once in all
  let endFrom = 0;
  let endAt = -1;
  const nextEnd = (i: number): number => {
    if (i < endFrom || i > endAt) {
      SENTENCE_PUNCT.lastIndex = i;
      endAt = SENTENCE_PUNCT.exec(text)?.index ?? text.length;
      endFrom = i;
    }
    return endAt;
  };
  for (const p of paragraphs) {
    let start = p.start;
    let i = nextEnd(p.start);
    while (i < p.end) {
      const c = text.charCodeAt(i);
      if (c === 46 || c === 33 || c === 63) {
        const ch = text[i]!; // "." "!" "?"
        let j = i + 1;
        while (j < p.end && (text[j] === "." || text[j] === "!" || text[j] === "?")) j++;
        while (j < p.end && CLOSERS.has(text[j]!)) j++;
        if (j < p.end && isSpace(text.charCodeAt(j))) {
          let k = j;
          while (k < p.end && isSpace(text.charCodeAt(k))) k++;
          const nextCh = text[k] ?? "";
          const startsNew = isUpper(nextCh) || isDigit(nextCh) || OPENERS.has(nextCh);
          // the next word is read only when a single period has to be decided
          const ends = startsNew && (ch !== "." || j > i + 1 || periodEndsSentence(text, i, wordAfter(text, k)));
          if (ends && k < p.end) {
            push(start, j, p.index);
            start = k;
            i = nextEnd(k);
            continue;
          }
        }
        i = nextEnd(j);
        continue;
      }
      i = nextEnd(i + 1);
    }
    if (p.end > start) push(start, p.end, p.index);
  }
  return out;
}

export function makeDoc(text: string): Doc {
  const paragraphs = splitParagraphs(text);
  return { text, paragraphs, sentences: splitSentences(text, paragraphs) };
}

/** Index of the span in a sorted, non-overlapping list that contains `offset` (binary search), or -1. */
export function spanIndexAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Index of the sentence containing `offset`, or -1. */
export function sentenceAt(doc: Doc, offset: number): number {
  return spanIndexAt(doc.sentences, offset);
}

/** Index of the paragraph containing `offset`, or -1. */
export function paragraphAt(doc: Doc, offset: number): number {
  return spanIndexAt(doc.paragraphs, offset);
}

/** Labels of a link line: "READ MORE: …", "WATCH: …", "Related: …". */
const LINK_LABEL = /^(?:read\s+more|read\s+also|also\s+read|more|related|related\s+stories|see\s+also|watch|listen|video|gallery|recommended|trending|click\s+here|sign\s+up|subscribe|follow\s+us)\s*(?::|\s[-–—|]\s)/iu;
/** Labels of a photo caption: "Photo: …", "Pictured: …". */
const CAPTION_LABEL = /^(?:photos?|photograph|picture|pictured|image|caption|above|top|main\s+picture|file\s+photo)\s*(?::|\s[-–—|]\s)/iu;
/** A photo credit closing a paragraph: "(Jo Smith/Harbour News)", "(Photo: Jo Smith)", "(File photo)". */
const CREDIT_END = /\(\p{Lu}[\p{L}.’'\-]*(?:\s+\p{Lu}[\p{L}.’'\-]*){0,3}\s*\/\s*\p{Lu}[\p{L}.’'&\-]*(?:\s+\p{Lu}[\p{L}.’'&\-]*){0,4}\.?\)\s*\.?$/u;
const CREDIT_LABEL_END = /\((?:photo|picture|image|credit|file\s+photo|pictured)\b[^()]{0,80}\)\s*\.?$/iu;
/**
 * Labels of the outlet's own note about the article: "Editor's note: …", "Correction: …". What such
 * a note says is the outlet speaking about its article, not a statement the article reports.
 */
const NOTE_LABEL = /^(?:editor[’']?s[’']?\s+notes?|editorial\s+note|note\s+to\s+(?:readers|our\s+readers)|correction|clarification|disclosure)\s*(?::|\s[-–—|]\s)/iu;
/**
 * A digest item linking another story: a quoted headline closed by a comma, then its byline
 * ("NOW OPEN—“Ferry returns to the harbour,” by the Courier’s Jo Smith: “…”"), optionally after a
 * label in capitals or a dash or bullet. The excerpt that follows is the linked story's text, not this article's.
 */
const DIGEST_ITEM = /^(?:[—–•*]\s*)?(?:\p{Lu}[\p{Lu}\p{N} ’'&.\-]{1,40}(?:—|--|:)\s*)?[“"][^“”"]{3,200}(?:,[”"]|[”"],)\s+by\s+(?:the\s+)?\p{Lu}/u;
/** The longest paragraph read as a link line or caption; article paragraphs run longer. */
const MAX_AUX_PARAGRAPH = 400;

/**
 * Paragraphs that are not article text to attribute (decisions 013, 027): link lines ("READ MORE: Mayor
 * says …", "WATCH: …"), photo captions ("… (Jo Smith/Harbour News)", "Photo: …"), the outlet's notes
 * ("Editor's note: …") and digest items linking another story. A label in
 * capitals marks a link line whatever follows; a label in lower case ("Watch: the mayor said …")
 * only when what follows is one headline without a closing full stop. Reads at most
 * MAX_AUX_PARAGRAPH characters of each paragraph.
 */
export function auxiliaryParagraphs(doc: Doc): Set<number> {
  const out = new Set<number>();
  for (const p of doc.paragraphs) {
    // a digest item is known by its opening, however long its excerpt runs
    if (DIGEST_ITEM.test(doc.text.slice(p.start, Math.min(p.end, p.start + MAX_AUX_PARAGRAPH)))) {
      out.add(p.index);
      continue;
    }
    if (p.end - p.start > MAX_AUX_PARAGRAPH) continue;
    const s = doc.text.slice(p.start, p.end);
    if (NOTE_LABEL.test(s)) {
      out.add(p.index);
      continue;
    }
    const link = LINK_LABEL.exec(s);
    if (link) {
      const label = link[0].replace(/[\s:|\-–—]+$/u, "");
      const rest = s.slice(link[0].length).trim();
      const headline = !/[.!?]["”’]?$/u.test(rest) && !/[.!?]\s+\p{Lu}/u.test(rest);
      if (label === label.toUpperCase() || headline) out.add(p.index);
      continue;
    }
    if (CAPTION_LABEL.test(s) || CREDIT_END.test(s) || CREDIT_LABEL_END.test(s)) out.add(p.index);
  }
  return out;
}
