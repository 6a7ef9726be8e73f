import assert from "node:assert/strict";
import type { QuoteKind } from "../../src/nlp/types";
import { compareVersions, decide, diffVersions, type Relation } from "../../src/compare/pair";
import { prepare } from "../../src/compare/text";

const item = (text: string, person = 1, source = 1) => ({ text, person_id: person, source_id: source, p: prepare(text) });
const version = (text: string, kind: QuoteKind = "direct") => ({ text, kind, p: prepare(text) });

describe("compare: are two statements the same statement?", () => {
  const rows: { name: string; a: string; b: string; samePerson?: boolean; sameSource?: boolean; basis: "words" | "content" | null }[] = [
    // the same speaker
    { name: "the same words", a: "We will not close the Eastfield hospital.", b: "We will not close the Eastfield hospital,", basis: "words" },
    { name: "a trimmed version", a: "The region will get 300 new nurses by the end of the year", b: "300 new nurses by the end of the year", basis: "words" },
    { name: "a dropped not", a: "We will not close the Eastfield hospital", b: "We will close the Eastfield hospital", basis: "words" },
    { name: "an added not", a: "The plan will work for every family", b: "The plan will not work for every family", basis: "words" },
    { name: "a changed number", a: "The region will get 300 new nurses this year", b: "The region will get 3,000 new nurses this year", basis: "words" },
    { name: "a paraphrase of a direct quote", a: "Waiting lists for hip operations will be cut in half before the winter", b: "waiting lists for hip operations would be halved before winter", basis: "words" },
    { name: "a paraphrase in other words", a: "Our hospitals will get more nurses by the end of the year, and we will pay for them without new taxes", b: "the government would pay for more nurses for hospitals without raising taxes by the end of the year", basis: "content" },
    { name: "unrelated statements (a shared word)", a: "I grew up two streets from this ward", b: "the new ward would open in March", basis: null },
    { name: "unrelated statements (a shared topic)", a: "The budget is balanced and the reserves are full", b: "The hospital budget will be cut next year", basis: null },
    { name: "too short to tell", a: "It is good", b: "It is not good", basis: null },
    { name: "the same words, too few of them", a: "It is good", b: "It is good.", basis: null },
    { name: "the same words, just enough of them", a: "It is very good", b: "It is very good.", basis: "words" },
    // different speakers: only the same words, from different sources
    { name: "the same words given to another speaker", a: "The budget is balanced and the reserves are full again", b: "The budget is balanced and the reserves are full again", samePerson: false, sameSource: false, basis: "words" },
    { name: "another speaker in the same source", a: "The budget is balanced and the reserves are full again", b: "The budget is balanced and the reserves are full again", samePerson: false, sameSource: true, basis: null },
    { name: "another speaker, a paraphrase", a: "Waiting lists for hip operations will be cut in half before the winter", b: "waiting lists for hip operations would be halved before winter", samePerson: false, sameSource: false, basis: null },
    { name: "another speaker, a short common phrase", a: "We will see what happens", b: "We will see what happens", samePerson: false, sameSource: false, basis: null },
    { name: "another speaker, boilerplate in a longer statement", a: "it had owned the land since 1920 and would co-operate fully with the authorities", b: "it would continue to co-operate fully with the authorities", samePerson: false, sameSource: false, basis: null },
  ];
  for (const r of rows) {
    it(`${r.basis ? "groups" : "keeps apart"}: ${r.name}`, () => {
      const a = item(r.a, 1, 1);
      const b = item(r.b, r.samePerson === false ? 2 : 1, r.sameSource ? 1 : 2);
      assert.equal(decide(a, b), r.basis);
      assert.equal(decide(b, a), r.basis, "symmetric");
    });
  }
});

describe("compare: how one version differs from another", () => {
  const rows: { name: string; ref: [string, QuoteKind]; ver: [string, QuoteKind]; relation: Relation; negation?: boolean; number?: boolean }[] = [
    { name: "identical up to case and punctuation", ref: ["We will not close the hospital.", "direct"], ver: ["we will NOT close the hospital,", "direct"], relation: "identical" },
    { name: "identical, 3,000 written 3000", ref: ["We will hire 3,000 nurses", "direct"], ver: ["We will hire 3000 nurses", "direct"], relation: "identical" },
    { name: "identical in a mixed quote", ref: ["The bridge will open next spring", "direct"], ver: ["the bridge \"will open next spring\"", "mixed"], relation: "identical" },
    { name: "trimmed at the start", ref: ["The region will get 300 new nurses by the end of the year", "direct"], ver: ["\"300 new nurses by the end of the year\"", "mixed"], relation: "trimmed" },
    { name: "trimmed at both ends", ref: ["Frankly, the region will get 300 new nurses by the end of the year, I promise", "direct"], ver: ["the region will get 300 new nurses", "direct"], relation: "trimmed" },
    { name: "trimmed with an ellipsis", ref: ["We will build the bridge, whatever it costs, before the election", "direct"], ver: ["We will build the bridge … before the election", "direct"], relation: "trimmed" },
    { name: "a dropped not", ref: ["We will not close the Eastfield hospital.", "direct"], ver: ["We will close the Eastfield hospital,", "direct"], relation: "altered wording", negation: true },
    { name: "an added never", ref: ["We have raised taxes on families", "direct"], ver: ["We have never raised taxes on families", "direct"], relation: "altered wording", negation: true },
    { name: "not traded for n't is no negation change", ref: ["We do not want a strike at the hospital", "direct"], ver: ["We don't want a strike at the hospital", "direct"], relation: "altered wording", negation: false },
    { name: "a negation left off with a trimmed clause is a trim", ref: ["We will build it, and we will not wait", "direct"], ver: ["We will build it", "direct"], relation: "trimmed", negation: false },
    { name: "a changed number", ref: ["The region will get 300 new nurses by the end of the year,", "direct"], ver: ["The region will get 3,000 new nurses by the end of the year,", "direct"], relation: "altered wording", number: true },
    { name: "a number word changed", ref: ["We will open two new wards this winter", "direct"], ver: ["We will open three new wards this winter", "direct"], relation: "altered wording", number: true },
    { name: "a number in reported speech changed", ref: ["the council would hire 40 teachers next year", "indirect"], ver: ["the council would hire 400 teachers next year", "indirect"], relation: "altered wording", number: true },
    { name: "a word changed inside a quotation", ref: ["We have the money and we have the plan", "direct"], ver: ["We have the money and we have a plan", "direct"], relation: "altered wording" },
    { name: "a word changed inside the marks of a mixed quote", ref: ["News Corp is \"kicking the tyres of all video games companies\"", "mixed"], ver: ["News Corp is \"kicking the tires of all video games companies\"", "mixed"], relation: "altered wording" },
    { name: "a word changed outside the marks of a mixed quote", ref: ["the station was not trying to replace him, but would rise to the \"challenge\"", "mixed"], ver: ["the show was not trying to replace him, but would rise to the \"challenge\"", "mixed"], relation: "paraphrase" },
    { name: "a direct quote reported as speech", ref: ["Waiting lists for hip operations will be cut in half before the winter,", "direct"], ver: ["waiting lists for hip operations would be halved before winter.", "indirect"], relation: "paraphrase" },
    { name: "a paraphrase in other words", ref: ["Our hospitals will get more nurses by the end of the year", "direct"], ver: ["the government would pay for more nurses for hospitals by the end of the year", "indirect"], relation: "paraphrase" },
    { name: "two quotations in other words", ref: ["Our hospitals will get more nurses by the end of the year", "direct"], ver: ["By the end of the year there will be more nurses in our hospitals", "direct"], relation: "altered wording" },
  ];
  for (const r of rows) {
    it(`${r.relation}: ${r.name}`, () => {
      const c = compareVersions(version(...r.ref), version(...r.ver));
      assert.equal(c.relation, r.relation);
      if (r.negation !== undefined) assert.equal(c.negation_changed, r.negation, "negation call-out");
      else assert.equal(c.negation_changed, false, "no negation call-out");
      if (r.number !== undefined) assert.equal(c.number_changed, r.number, "number call-out");
      else assert.equal(c.number_changed, false, "no number call-out");
    });
  }

  it("shows the diff in each source's own words, with <del> and <ins> segments", () => {
    const d = diffVersions({ text: "We will not close the hospital.", kind: "direct" }, { text: "We will close the hospital,", kind: "direct" }).diff;
    assert.deepEqual(d, [{ op: "same", text: "We will" }, { op: "del", text: " not" }, { op: "same", text: " close the hospital," }]);
    const n = diffVersions({ text: "get 300 nurses", kind: "direct" }, { text: "get 3,000 nurses", kind: "direct" }).diff;
    assert.deepEqual(n, [{ op: "same", text: "get" }, { op: "del", text: " 300" }, { op: "same", text: " " }, { op: "ins", text: "3,000" }, { op: "same", text: " nurses" }]);
  });

  it("joins the segments back into the version's text (deleted words aside)", () => {
    const ver = "Frankly, we will build <it> & pay \"later\"";
    const d = diffVersions({ text: "We will build it now and pay later", kind: "direct" }, { text: ver, kind: "direct" }).diff;
    assert.equal(d.filter((s) => s.op !== "del").map((s) => s.text).join(""), ver);
  });
});
