// Linear time on any input: each worst shape at 10 KB and at 1 MB, in one run; the 1 MB run may cost
// at most 150 times the 10 KB run (linear is 100). Run by `npm run test:stress`, not by `npm test`.
import { strict as assert } from "node:assert";
import { extract } from "../../src/nlp/pipeline";
import { SHAPES } from "../fixtures/shapes";
import { assertExtractionContract } from "../fixtures/hostile";

const SMALL = 10_000;
const LARGE = 1_000_000;
const MAX_RATIO = 150;

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * CPU time (user + system) of one extraction, in ms. Not wall time: the machine is shared, and a
 * ratio of wall times measures the neighbours' load as much as the extractor.
 */
function timeOf(text: string): { ms: number; out: ReturnType<typeof extract> } {
  gc();
  const c0 = process.cpuUsage();
  const out = extract(text);
  const c = process.cpuUsage(c0);
  return { ms: (c.user + c.system) / 1000, out };
}

describe("stress: extraction is linear in the length of the text", function () {
  this.timeout(0);
  const rows: string[] = [];
  after(() => {
    console.log(`\n  shape | 10 KB CPU ms | 1 MB CPU ms | ratio (limit ${MAX_RATIO})\n  ${rows.join("\n  ")}`);
  });
  for (const name of Object.keys(SHAPES)) {
    it(name, () => {
      const small = SHAPES[name]!(SMALL);
      const large = SHAPES[name]!(LARGE);
      assert.equal(small.length, SMALL);
      assert.equal(large.length, LARGE);
      // warm the code up, then take the median of five small runs
      assertExtractionContract(small, timeOf(small).out);
      const runs = [0, 1, 2, 3, 4].map(() => timeOf(small).ms).sort((a, b) => a - b);
      const base = runs[2]!;
      const big = timeOf(large);
      assertExtractionContract(large, big.out);
      const ratio = big.ms / Math.max(base, 0.5);
      rows.push(`${name} | ${base.toFixed(1)} | ${big.ms.toFixed(0)} | ${ratio.toFixed(0)}`);
      assert.ok(ratio <= MAX_RATIO, `${name}: 1 MB took ${big.ms.toFixed(0)} ms, ${ratio.toFixed(0)}× the ${base.toFixed(1)} ms of 10 KB`);
    });
  }
});
