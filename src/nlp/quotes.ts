// Quote spans: text between double quote marks, straight or curly, found in one linear pass.
// News copy leaves the closing mark off every paragraph of a multi-paragraph quote except the last;
// such a quote becomes one span per paragraph, linked by `continues`.
import type { Doc } from "./types";

export interface QuoteSpan {
  /** offsets of the content, inside the marks */
  start: number;
  end: number;
  /** offsets of the opening and closing marks (close = end when the paragraph ended the segment) */
  open: number;
  close: number;
  /** the offset just after the closing mark (close + its length; = end when unclosed) */
  after: number;
  paragraph: number;
  /** the mark was closed in this paragraph (false for all but the last paragraph of a long quote) */
  closed: boolean;
  /** index of the span this one continues (a long quote's earlier paragraph), or -1 */
  continues: number;
  /** number of words inside */
  words: number;
}

const OPEN_CURLY = "“";
const CLOSE_CURLY = "”";
const LOW_OPEN = "„";

const QUOTE_WORD = /[\p{L}\p{N}]+(?:[’'\-][\p{L}\p{N}]+)*/gu;
/** The number of matches s.match(QUOTE_WORD) gives (no match is empty), counted without building their array. */
function wordCount(s: string): number {
  QUOTE_WORD.lastIndex = 0;
  let n = 0;
  while (QUOTE_WORD.test(s)) n++;
  return n;
}

/** “ ” „ " ': the characters findQuoteSpans' scan acts on (' only when another follows). */
const QUOTE_MARK = /["'“”„]/g;

function isWordChar(ch: string | undefined): boolean {
  return !!ch && /[\p{L}\p{N}]/u.test(ch);
}

/**
 * Whether a straight double quote at `i` opens (true) or closes (false) a quote, from its neighbours:
 * an opening mark follows a space, a bracket or the paragraph start and precedes a non-space.
 */
function straightOpens(text: string, i: number, paraStart: number, paraEnd: number, len = 1): boolean {
  const before = i > paraStart ? text[i - 1]! : " ";
  const after = i + len < paraEnd ? text[i + len]! : " ";
  const spaceBefore = /[\s(\[{—–\-:,]/u.test(before) || i === paraStart;
  const spaceAfter = /\s/u.test(after) || i + len >= paraEnd;
  if (spaceBefore && !spaceAfter) return true;
  if (!spaceBefore && spaceAfter) return false;
  if (isWordChar(before) && !isWordChar(after)) return false;
  return spaceBefore;
}

/**
 * Whether the mark at `i` can close a quote of the other style: it follows the punctuation that ends
 * a quoted statement (",", ".", "!", "?", "…", a dash), perhaps with an inner single mark, so an inch
 * mark ("a 5" pipe") or a word's end never closes one.
 */
function closesStatement(text: string, i: number, paraStart: number): boolean {
  let j = i - 1;
  if (j >= paraStart && (text[j] === "’" || text[j] === "'")) j--;
  return j >= paraStart && /[,.!?…—–\-]/u.test(text[j]!);
}

export function findQuoteSpans(doc: Doc): QuoteSpan[] {
  const { text } = doc;
  const out: QuoteSpan[] = [];
  // the first quote mark at or after markFrom (text.length when none): the scan below jumps from
  // mark to mark, as no other character acts in it (a character loop ran mostly in the interpreter
  // in a fresh process), and the text is searched once in all
  let markFrom = 0;
  let mark = -1;
  const nextMark = (i: number): number => {
    if (i < markFrom || i > mark) {
      QUOTE_MARK.lastIndex = i;
      mark = QUOTE_MARK.exec(text)?.index ?? text.length;
      markFrom = i;
    }
    return mark;
  };
  // a quote left open at the end of a paragraph, waiting for the next paragraph to reopen it
  let pending: { spanIndex: number } | null = null;
  for (const p of doc.paragraphs) {
    let openAt = -1;
    let openStyle: "straight" | "curly" = "curly";
    let openLen = 1;
    let continues = -1;
    if (pending) {
      const first = text[p.start];
      if (first === OPEN_CURLY || first === '"' || first === LOW_OPEN || text.startsWith("''", p.start)) {
        continues = pending.spanIndex;
      } else {
        // the previous paragraph's quote was never closed: keep it as it is, unclosed
      }
      pending = null;
    }
    // a quote of the other style opened inside the open one ("“He called it "bad" today,”"): its
    // closing mark closes it, not the outer quote
    let nested = false;
    for (let i = nextMark(p.start); i < p.end; i = nextMark(i + 1)) {
      const ch = text[i]!;
      if (ch === OPEN_CURLY && openAt >= 0 && !nested && (openStyle === "curly" || openLen === 1) && i - openAt > 1 &&
        closesStatement(text, i, p.start) && (i + 1 >= p.end || /\s/u.test(text[i + 1]!))) {
        // a closing mark typed as an opening one ('“We are ready.“ She left.'): it follows the
        // statement's last punctuation and a space or the paragraph's end follows it
        push(openAt, i, true);
        openAt = -1;
        continues = -1;
      } else if (ch === OPEN_CURLY || ch === LOW_OPEN) {
        if (openAt < 0) {
          openAt = i;
          openStyle = "curly";
          nested = false;
        } else if (openStyle === "straight") {
          // a curly open inside a straight quote: nested
          if (openLen === 1) nested = true;
        } else if (i - openAt > 1) {
          // two opening marks without a close: the first quote was left open; restart here
          openAt = i;
          continues = -1;
          nested = false;
        }
      } else if (ch === CLOSE_CURLY) {
        if (openAt >= 0 && openStyle === "curly") {
          push(openAt, i, true);
          openAt = -1;
          continues = -1;
        } else if (openAt >= 0 && openLen === 1) {
          // a straight quote closed by a curly mark ('"We are ready,” she said'), unless the mark
          // closes a curly quote nested in it
          if (nested) nested = false;
          else if (closesStatement(text, i, p.start)) {
            push(openAt, i, true);
            openAt = -1;
            continues = -1;
          }
        }
      } else if (ch === '"' || (ch === "'" && text[i + 1] === "'")) {
        // two apostrophes stand for a double quote mark in some wire copy
        const len = ch === '"' ? 1 : 2;
        if (openAt < 0) {
          if (straightOpens(text, i, p.start, p.end, len)) {
            openAt = i;
            openLen = len;
            openStyle = "straight";
            nested = false;
          }
        } else if (openStyle === "straight" && len === openLen) {
          // three apostrophes close an inner single quote and then the double one ("safe,'''"):
          // the double mark is the last two
          if (len === 2 && text[i + 2] === "'") i++;
          push(openAt, i, true);
          openAt = -1;
          continues = -1;
        } else if (openStyle === "curly" && len === 1) {
          // a curly quote closed by a straight mark ('“We are ready," she said'); a straight mark
          // that opens inside it starts a nested quote, and the next closing one ends that
          if (nested) nested = false;
          else if (closesStatement(text, i, p.start) && (i + 1 >= p.end || /[\s,.;:)\]—–]/u.test(text[i + 1]!))) {
            push(openAt, i, true);
            openAt = -1;
            continues = -1;
          } else if (straightOpens(text, i, p.start, p.end, 1)) nested = true;
        }
        i += len - 1;
      }
    }
    if (openAt >= 0) {
      // open at the paragraph's end: either a multi-paragraph quote or a missing close mark
      push(openAt, p.end, false);
      pending = { spanIndex: out.length - 1 };
    }

    function push(open: number, close: number, closed: boolean): void {
      let start = open + (text[open] === "'" ? 2 : 1);
      let end = close;
      while (start < end && /\s/u.test(text[start]!)) start++;
      while (end > start && /\s/u.test(text[end - 1]!)) end--;
      if (end <= start) return;
      const after = closed ? close + (text[close] === "'" ? 2 : 1) : close;
      out.push({
        start, end, open, close, after, paragraph: p.index, closed, continues,
        words: wordCount(text.slice(start, end)),
      });
    }
  }
  return out;
}

/** Whether the quote's content reads as a full statement rather than a phrase (scare quote, title). */
export function looksLikeStatement(text: string, q: QuoteSpan): boolean {
  // an inner quote may close with the statement ("We were told, ‘It is safe,’"): read the
  // punctuation before its mark
  const content = text.slice(q.start, q.end).replace(/(?<=[.,!?;:…])[’']$/u, "");
  if (q.words >= 8) return true;
  if (q.words >= 4 && /[.,!?;:…]$/.test(content)) return true;
  return q.words >= 3 && /[.!?]$/.test(content);
}

/** Short words a title leaves in lower case ("A Time for Truth"). */
const TITLE_SMALL = new Set(["a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "nor", "but", "by", "with", "as", "from", "vs", "is", "into", "over"]);

/**
 * Whether the quote's content is written as a title, every word but the short ones capitalised, in
 * at most eight words ("A Time for Truth," "So, That Happened."): the name of a book, show or slogan,
 * which no speaker said (decision 027). Needs two capitalised words, so "Yes," is no title.
 */
export function looksLikeTitle(text: string, q: QuoteSpan): boolean {
  if (q.words > 8) return false;
  const words = text.slice(q.start, q.end).match(/[\p{L}\p{N}]+(?:[’'\-][\p{L}\p{N}]+)*/gu) ?? [];
  const big = words.filter((w) => !TITLE_SMALL.has(w.toLowerCase()));
  return big.length >= 2 && big.every((w) => /^[\p{Lu}\p{N}]/u.test(w));
}
