import assert from "node:assert/strict";
import type { QuoteKind } from "../../src/nlp/types";
import { compatibleSpeakers, groupStatements, type GroupLabel, type StatementInput } from "../../src/compare/group";

const PEOPLE: Record<string, number> = {
  "Lena Varga": 1, "Piet Claes": 2, "Kim Jong-un": 3, "Kim Jong-il": 4, "Mr Varga": 5, "the minister": 6,
  "Korean Central News Agency": 7, "Ana Lind": 8,
};

let next = 1;
function st(who: string, source: number, text: string, kind: QuoteKind = "direct", via: string | null = null): StatementInput {
  return {
    id: next++, source_id: source, person_id: PEOPLE[who]!, person_key: who.toLowerCase().replace(/-/g, " "), person_name: who,
    via_key: via && via.toLowerCase(), kind, text,
  };
}

/** The groups as lists of texts with their label, for readable assertions. */
function grouped(input: StatementInput[]): { label: GroupLabel; ids: number[] }[] {
  return groupStatements(input).groups.map((g) => ({ label: g.label, ids: g.members.map((m) => m.id) }));
}

describe("compare: grouping statements across sources", () => {
  beforeEach(() => { next = 1; });

  const rows: { name: string; input: () => StatementInput[]; groups: { label: GroupLabel; ids: number[] }[] }[] = [
    {
      name: "the same words in two sources are one group, identical",
      input: () => [st("Lena Varga", 1, "We will not close the hospital."), st("Lena Varga", 2, "We will not close the hospital,")],
      groups: [{ label: "identical", ids: [1, 2] }],
    },
    {
      name: "a dropped not is altered wording",
      input: () => [st("Lena Varga", 1, "We will not close the Eastfield hospital."), st("Lena Varga", 2, "We will close the Eastfield hospital")],
      groups: [{ label: "altered wording", ids: [1, 2] }],
    },
    {
      name: "a trimmed version",
      input: () => [st("Lena Varga", 1, "The region will get 300 new nurses by the end of the year"), st("Lena Varga", 2, "\"300 new nurses by the end of the year\"", "mixed")],
      groups: [{ label: "trimmed", ids: [1, 2] }],
    },
    {
      name: "a paraphrase of a direct quote",
      input: () => [st("Lena Varga", 1, "Waiting lists for hip operations will be cut in half before the winter"), st("Lena Varga", 2, "waiting lists for hip operations would be halved before winter", "indirect")],
      groups: [{ label: "paraphrase", ids: [1, 2] }],
    },
    {
      name: "unrelated statements of the same person stay apart",
      input: () => [st("Lena Varga", 1, "I grew up two streets from this ward"), st("Lena Varga", 2, "the new ward would open in March", "indirect"), st("Lena Varga", 3, "The budget is balanced and the reserves are full again")],
      groups: [{ label: "one source only", ids: [1] }, { label: "one source only", ids: [2] }, { label: "one source only", ids: [3] }],
    },
    {
      name: "the same words given to two speakers by two sources: conflicting attribution",
      input: () => [st("Lena Varga", 1, "The budget is balanced and the reserves are full again"), st("Piet Claes", 2, "The budget is balanced and the reserves are full again")],
      groups: [{ label: "conflicting attribution", ids: [1, 2] }],
    },
    {
      name: "names that are not the same person: Kim Jong-un and Kim Jong-il",
      input: () => [st("Kim Jong-un", 1, "The situation on the peninsula has reached a critical point"), st("Kim Jong-il", 2, "The situation on the peninsula has reached a critical point")],
      groups: [{ label: "conflicting attribution", ids: [1, 2] }],
    },
    {
      name: "two speakers in one source are not grouped",
      input: () => [st("Lena Varga", 1, "The budget is balanced and the reserves are full again"), st("Piet Claes", 1, "The budget is balanced and the reserves are full again")],
      groups: [{ label: "one source only", ids: [1] }, { label: "one source only", ids: [2] }],
    },
    {
      name: "a relay and the speaker it relays are no conflict",
      input: () => [st("Korean Central News Agency", 1, "The situation on the peninsula has reached a critical point"), st("Kim Jong-un", 2, "The situation on the peninsula has reached a critical point", "direct", "Korean Central News Agency")],
      groups: [{ label: "identical", ids: [1, 2] }],
    },
    {
      name: "a surname with a form of address is no conflict",
      input: () => [st("Lena Varga", 1, "The budget is balanced and the reserves are full again"), st("Mr Varga", 2, "The budget is balanced and the reserves are full again")],
      groups: [{ label: "identical", ids: [1, 2] }],
    },
    {
      name: "a description is no conflict",
      input: () => [st("Lena Varga", 1, "The budget is balanced and the reserves are full again"), st("the minister", 2, "The budget is balanced and the reserves are full again")],
      groups: [{ label: "identical", ids: [1, 2] }],
    },
    {
      name: "one source repeating itself is carried by one source only",
      input: () => [st("Lena Varga", 1, "We will not close the Eastfield hospital"), st("Lena Varga", 1, "We will not close the Eastfield hospital, she repeated")],
      groups: [{ label: "one source only", ids: [1, 2] }],
    },
    {
      name: "the worst difference across sources labels the group",
      input: () => [
        st("Lena Varga", 1, "The region will get 300 new nurses by the end of the year"),
        st("Lena Varga", 2, "The region will get 300 new nurses by the end of the year"),
        st("Lena Varga", 3, "The region will get 3,000 new nurses by the end of the year"),
        st("Lena Varga", 4, "\"300 new nurses by the end of the year\"", "mixed"),
      ],
      groups: [{ label: "altered wording", ids: [1, 2, 3, 4] }],
    },
  ];
  for (const r of rows) {
    it(r.name, () => assert.deepEqual(grouped(r.input()), r.groups));
  }

  it("calls out the dropped negation and the changed number on the group and the version", () => {
    const { groups } = groupStatements([
      st("Lena Varga", 1, "We will not close the Eastfield hospital"), st("Lena Varga", 2, "We will close the Eastfield hospital"),
      st("Lena Varga", 1, "We will hire 300 nurses by the end of the year"), st("Lena Varga", 3, "We will hire 3,000 nurses by the end of the year"),
    ]);
    const [neg, num] = groups;
    assert.deepEqual([neg!.negation_changed, neg!.number_changed], [true, false]);
    assert.deepEqual([num!.negation_changed, num!.number_changed], [false, true]);
    assert.deepEqual(neg!.members.map((m) => [m.relation, m.negation_changed]), [["reference", false], ["altered wording", true]]);
  });

  it("marks the version attributed to another speaker, and picks the direct quotation as reference", () => {
    const { groups } = groupStatements([
      st("Piet Claes", 2, "The budget is balanced and the reserves are full again", "indirect"),
      st("Lena Varga", 1, "The budget is balanced and the reserves are full again"),
    ]);
    assert.equal(groups[0]!.reference, 2);
    assert.deepEqual(groups[0]!.members.map((m) => [m.id, m.other_speaker]), [[1, true], [2, false]]);
  });

  it("gives the same groups whatever the input order", () => {
    const input = [
      st("Lena Varga", 1, "We will not close the hospital"), st("Piet Claes", 2, "The budget is balanced and the reserves are full"),
      st("Lena Varga", 2, "We will close the hospital"), st("Lena Varga", 3, "The budget is balanced and the reserves are full"),
    ];
    assert.deepEqual(groupStatements([...input].reverse()).groups, groupStatements(input).groups);
  });

  it("compares a small share of all pairs as the corpus grows (near-linear)", () => {
    const words = "budget hospital nurses bridge taxes school road water power train farm port".split(" ");
    const input: StatementInput[] = [];
    for (let i = 0; i < 3000; i++) {
      const who = ["Lena Varga", "Piet Claes", "Ana Lind"][i % 3]!;
      const a = words[i % words.length]!;
      const b = words[(i * 7) % words.length]!;
      input.push(st(who, 1 + (i % 500), `The ${a} plan number ${i} will change the ${b} for district ${i % 97} and village ${i}`));
    }
    const { stats } = groupStatements(input);
    assert.ok(stats.pairs_compared <= 30 * stats.statements, `${stats.pairs_compared} pairs for ${stats.statements} statements`);
    assert.ok(stats.pairs_compared < stats.all_pairs / 50);
  });
});

describe("compare: speakers that can be the same person", () => {
  const s = (name: string, id: number, via: string | null = null): StatementInput => ({
    id, source_id: 1, person_id: id, person_key: name.toLowerCase().replace(/-/g, " "), person_name: name, via_key: via, kind: "direct", text: "",
  });
  const rows: [string, string, boolean][] = [
    ["Ana Lind", "Mr Lind", true],
    ["Ana Lind", "Lind", true],
    ["Ana Lind", "Anna Lind", false],
    ["Kim Jong-un", "Kim Jong-il", false],
    ["Kim Jong-un", "Kim Yong-chol", false],
    ["Ana Lind", "the finance minister", true],
  ];
  for (const [a, b, ok] of rows) {
    it(`${a} / ${b}: ${ok ? "compatible" : "rivals"}`, () => assert.equal(compatibleSpeakers(s(a, 1), s(b, 2)), ok));
  }
  it("a relay is compatible with the speaker it relays", () => {
    assert.equal(compatibleSpeakers(s("KCNA", 1), s("Kim Jong-un", 2, "kcna")), true);
  });
});
