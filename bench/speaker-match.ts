// The shared scorer's speaker normalisation and quote matching (../shared/eval/score.mjs, overlap >
// 0.3, speech only), as bench/speaker-errors.ts applies it, for the ranker's training (bench/train.ts).
import type { QuoteRecord } from "../src/nlp/types";

export interface GoldQuote { start: number; end: number; speaker?: string | null; speaker_start?: number | null; speaker_end?: number | null; speaker_canonical?: string | null; aliases?: string[]; optional?: boolean; no_source?: boolean; speech_cue?: boolean }
export interface GoldDoc { id: string; text: string; quotes: GoldQuote[] }

const TITLES = /\b(mr|mrs|ms|dr|sen|senator|rep|gov|governor|president|prime minister|minister|premier|mayor|the)\b\.?/g;
export function normName(s: string | null | undefined): string {
  const base = String(s ?? "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const clean = (x: string) => x.replace(/[’']s\b/g, "").replace(/[^a-z0-9 ]+/g, " ").replace(/\s+/g, " ").trim();
  return clean(base.replace(TITLES, " ")) || clean(base);
}
/** The scorer's "right person": equal, one contained in the other, or the same surname (when the gold has no aliases). */
export function nameMatch(pred: string | null | undefined, gold: string, aliases: string[] = []): boolean {
  const p = normName(pred);
  if (!p) return false;
  for (const name of [gold, ...aliases]) {
    const g = normName(name);
    if (!g) continue;
    if (p === g || ` ${g} `.includes(` ${p} `) || ` ${p} `.includes(` ${g} `)) return true;
  }
  if (aliases.length) return false;
  const pl = p.split(" ").pop()!, gl = normName(gold).split(" ").pop();
  return pl.length > 2 && pl === gl;
}

/** Each scored gold quote (speech, with a canonical speaker) and the prediction it is matched to, greedily in gold order. */
export function matchQuotes(d: GoldDoc, preds: readonly QuoteRecord[]): { gold: GoldQuote; pred: QuoteRecord }[] {
  const out: { gold: GoldQuote; pred: QuoteRecord }[] = [];
  const taken = new Set<number>();
  for (const g of d.quotes) {
    if (g.optional || g.no_source || g.speech_cue === false || !g.speaker_canonical) continue;
    let best = -1, bo = 0.3;
    preds.forEach((p, k) => {
      if (taken.has(k)) return;
      const o = Math.max(0, Math.min(g.end, p.end) - Math.max(g.start, p.start)) / (g.end - g.start);
      if (o > bo) { bo = o; best = k; }
    });
    if (best < 0) continue;
    taken.add(best);
    out.push({ gold: g, pred: preds[best]! });
  }
  return out;
}

/** The gold speaker mention is a pronoun (the integrator's split of the figures). */
export function goldPronoun(d: GoldDoc, g: GoldQuote): boolean {
  if (g.speaker_start == null || g.speaker_end == null) return false;
  return /^(he|she|they|it|i|we|who|his|her|their|its)$/.test(d.text.slice(g.speaker_start, g.speaker_end).toLowerCase());
}
