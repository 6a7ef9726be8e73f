// Invented articles for the ingest tests (not a test file): speakers recur across articles and
// outlets, so statement groups span sources, and a run of them takes a few batches of any size.
export interface InventedArticle {
  title: string;
  outlet: string;
  text: string;
}

const NAMES = ["Ana Lind", "Tom Reyes", "Mara Quist", "Pavel Orlov", "Ines Duarte", "Joel Varga"];
const OUTLETS = ["Harbour Gazette", "Daily Ledger", "Coast Radio"];

/** `n` articles; article i repeats words of article i - 3 (another outlet), so groups grow as they come. */
export function harbourCorpus(n: number): InventedArticle[] {
  const out: InventedArticle[] = [];
  for (let i = 0; i < n; i++) {
    const a = NAMES[i % NAMES.length]!;
    const b = NAMES[(i + 2) % NAMES.length]!;
    const k = Math.floor(i / 3);
    out.push({
      title: `Harbour story ${i}`,
      outlet: OUTLETS[i % OUTLETS.length]!,
      text: [
        `Finance minister ${a} said on Monday that the harbour tunnel "will cost ${100 + (k % 5)} million".`,
        `"We will not raise the ferry fares in ${2020 + (k % 4)}," ${b} told reporters in Eastport.`,
        `Critics say the plan is reportedly behind schedule, and ${a.split(" ")[1]} is widely seen as its author.`,
        `According to ${b}, the council has "no money left for the bridge at pier ${k % 7}".`,
        `Meeting number ${i + 1} of the harbour board ended late.`,
      ].join("\n"),
    });
  }
  return out;
}
