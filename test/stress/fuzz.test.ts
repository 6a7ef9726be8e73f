// The long property run: many more hostile strings than `npm test` tries, from a fresh seed each run
// (printed on failure, and settable with FC_SEED to replay one).
import fc from "fast-check";
import { extract } from "../../src/nlp/pipeline";
import { assertExtractionContract, hostileText } from "../fixtures/hostile";

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() % 2 ** 31;

describe(`stress: extraction is total on hostile strings (seed ${seed})`, function () {
  this.timeout(0);
  it("150,000 strings of up to 80 pieces", () => {
    fc.assert(fc.property(hostileText(80), (text) => assertExtractionContract(text, extract(text))), { numRuns: 150_000, seed });
  });
  it("10,000 strings of up to 600 pieces", () => {
    fc.assert(fc.property(hostileText(600), (text) => assertExtractionContract(text, extract(text))), { numRuns: 10_000, seed: seed + 1 });
  });
});
