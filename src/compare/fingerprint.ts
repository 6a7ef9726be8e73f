// Winnowed shingle fingerprints (Schleimer, Wilkerson & Aiken 2003, the method behind MOSS).
// Shingles are runs of K words, hashed; from every window of W consecutive hashes the smallest is
// kept. Two statements sharing a run of at least K + W − 1 words are guaranteed to share a
// fingerprint, while only about 2/(W+1) of the shingles are stored. Used to find, across the whole
// corpus and without comparing every pair, statements that repeat each other's words, whoever they
// are attributed to.

/** words per shingle */
export const SHINGLE = 3;
/** shingles per winnowing window */
export const WINDOW = 4;
/** the run of shared words that is sure to share a fingerprint */
export const GUARANTEE = SHINGLE + WINDOW - 1;

/** 32-bit FNV-1a of a string, as an unsigned integer. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** FNV-1a of s continued from the state h (fnv1a(a + b) is more(more(0x811c9dc5, a), b) >>> 0). */
function more(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/**
 * fnv1a(words.slice(i, i + SHINGLE).join(" ")), hashed word by word without building the shingle's
 * string (FNV-1a reads one code unit at a time, so the state carries over: the same number).
 */
export function shingleHash(words: readonly string[], i: number): number {
  let h = more(0x811c9dc5, words[i]!);
  for (let k = 1; k < SHINGLE; k++) h = more(Math.imul(h ^ 32, 0x01000193), words[i + k]!);
  return h >>> 0;
}

/** The distinct fingerprints of a word sequence, ascending. Fewer than SHINGLE words give none. */
export function fingerprints(words: readonly string[]): number[] {
  if (words.length < SHINGLE) return [];
  const hashes: number[] = [];
  for (let i = 0; i + SHINGLE <= words.length; i++) hashes.push(shingleHash(words, i));
  const picked = new Set<number>();
  if (hashes.length <= WINDOW) {
    picked.add(Math.min(...hashes));
  } else {
    for (let i = 0; i + WINDOW <= hashes.length; i++) {
      let min = hashes[i]!;
      for (let j = i + 1; j < i + WINDOW; j++) if (hashes[j]! < min) min = hashes[j]!;
      picked.add(min);
    }
  }
  return [...picked].sort((a, b) => a - b);
}
