import assert from "node:assert/strict";
import { suspectName } from "../../bench/people-audit";

// The audit's own checks must not share the product's filter, or they count nothing by construction.
describe("people audit: suspect names", () => {
  const cases: [string, string, ReturnType<typeof suspectName>][] = [
    ["If", "person", "function_word"],
    ["Some 82", "person", "function_word"],
    ["Many MPs", "person", "function_word"],
    ["Both the Council of Mortgage Lenders", "organisation", "function_word"],
    ["Exeter City", "person", "body_word"],
    ["Hereford Hospital Trust", "person", "body_word"],
    ["Exeter City", "organisation", null], // a body named as a body is right
    ["Tom Okafor", "person", null],
    ["Ann Ruiz", "person", null],
    ["Mr Blair", "person", null],
    ["Theo Walcott", "person", null], // "The" only as a whole word
    ["Cityscape Jones", "person", null], // "City" only as a whole word
  ];
  for (const [name, kind, want] of cases) {
    it(`${kind} ${JSON.stringify(name)} → ${want}`, () => assert.equal(suspectName(name, kind), want));
  }
});
