// A grouping whose pairs are decided on several threads (decision 031) gives exactly the groups and
// the stats of the single-threaded one: tables of corpora and helper counts, a helper that fails, and
// the options under which no helper is used.
import assert from "node:assert/strict";
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { QuoteKind } from "../../src/nlp/types";
import { groupStatements, type StatementInput } from "../../src/compare/group";
import { THRESHOLDS } from "../../src/compare/pair";

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ["Lena Varga", "Mr Varga", "Piet Claes", "Ana Lind", "Lind", "Kim Jong-un", "Kim Jong-il", "the minister",
  "Korean Central News Agency", "Tom Reed", "Sara Holm", "the mayor", "Jon Berg", "Eva Berg"];
const WORDS = ("budget hospital nurses bridge taxes school road water power train farm port council harbour ferry " +
  "village district plan money winter summer housing rent jobs factory river flood wall").split(" ");

/**
 * Statements built from base sentences, each repeated by several sources as it is, trimmed, with a
 * dropped "not" or a changed number, in other words, or given to another speaker (or through a relay).
 */
function corpus(seed: number, bases: number): StatementInput[] {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out: StatementInput[] = [];
  let id = 1;
  const add = (who: number, text: string, kind: QuoteKind, via: string | null = null) => {
    const name = NAMES[who]!;
    out.push({ id: id++, source_id: 1 + Math.floor(r() * 400), person_id: who + 1, person_key: name.toLowerCase().replace(/-/g, " "),
      person_name: name, via_key: via, kind, text });
  };
  for (let b = 0; b < bases; b++) {
    const who = Math.floor(r() * NAMES.length);
    const n = 8 + Math.floor(r() * 10);
    const words = Array.from({ length: n }, () => pick(WORDS));
    words.splice(2, 0, "will", String(10 + Math.floor(r() * 900)));
    const text = words.join(" ");
    add(who, text, "direct");
    const copies = Math.floor(r() * 6);
    for (let c = 0; c < copies; c++) {
      const v = r();
      if (v < 0.3) add(who, text + ".", pick(["direct", "mixed"] as const));
      else if (v < 0.45) add(who, words.slice(1, -1).join(" "), "mixed");
      else if (v < 0.55) add(who, text.replace(" will ", " will not "), "direct");
      else if (v < 0.65) add(who, text.replace(/\d+/, (d) => String(Number(d) + 1)), "direct");
      else if (v < 0.75) add(who, [...words].reverse().join(" "), "indirect");
      else if (v < 0.9) add(Math.floor(r() * NAMES.length), text, "direct");
      else add(8, text, "direct", NAMES[who]!.toLowerCase());
    }
  }
  return out;
}

describe("compare: grouping with helper threads gives the single-threaded groups", function () {
  this.timeout(120_000);

  const corpora: { name: string; input: () => StatementInput[] }[] = [
    { name: "one statement", input: () => corpus(1, 1).slice(0, 1) },
    { name: "a handful of repeated statements", input: () => corpus(2, 12) },
    { name: "600 base statements (about 1,500 in all)", input: () => corpus(3, 600) },
    { name: "another seed, 1,000 base statements", input: () => corpus(4, 1000) },
    { name: "the input in reverse order", input: () => corpus(5, 400).reverse() },
    { name: "no statement", input: () => [] },
  ];
  for (const c of corpora) {
    const input = c.input();
    const serial = groupStatements(input);
    for (const helpers of [1, 2, 3]) {
      it(`${c.name}, ${helpers} helper${helpers > 1 ? "s" : ""}: the same groups and stats`, () => {
        assert.deepEqual(groupStatements(input, { helpers }), serial);
      });
    }
  }

  it("the corpora cross parts: some groups hold statements of several people, some pairs are conflicts", () => {
    const { groups } = groupStatements(corpus(3, 600));
    assert.ok(groups.some((g) => g.person_count > 1));
    assert.ok(groups.some((g) => g.label === "conflicting attribution"));
    assert.ok(groups.some((g) => g.label === "paraphrase"));
    assert.ok(groups.some((g) => g.label === "altered wording"));
  });

  describe("a helper that cannot answer: its part is decided by the calling thread", () => {
    let dir: string;
    before(() => { dir = mkdtempSync(join(tmpdir(), "whosaid-helper-")); });
    after(() => rmSync(dir, { recursive: true, force: true }));
    const broken: { name: string; module: () => string }[] = [
      { name: "a module that does not exist", module: () => join(dir, "missing.js") },
      { name: "a module that claims a part and throws", module: () => {
        const f = join(dir, "throws.js");
        writeFileSync(f, "exports.helpGroup = (d) => { Atomics.add(d.control, 0, 1); throw new Error('helper failure'); };\n");
        return f;
      } },
      { name: "a module that claims every part and answers without the counts", module: () => {
        const f = join(dir, "empty.js");
        writeFileSync(f, `exports.helpGroup = (d) => {
  for (;;) {
    const p = Atomics.add(d.control, 0, 1);
    if (p >= d.parts) return;
    d.port.postMessage({ part: p, edges: new Int32Array(0), cross: new Int32Array(0) });
    Atomics.store(d.control, 1 + p, 1);
    Atomics.notify(d.control, 1 + p);
  }
};\n`);
        return f;
      } },
    ];
    const input = corpus(6, 500);
    const serial = groupStatements(input);
    for (const b of broken) {
      it(`${b.name}: the same groups and stats`, () => {
        assert.deepEqual(groupStatements(input, { helpers: 2, helperModule: b.module() }), serial);
      });
    }
  });

  it("options that only a whole single-threaded run honours turn the helpers off (the same result as without)", () => {
    const input = corpus(7, 300);
    const fingerprintCount = () => 0;
    assert.deepEqual(groupStatements(input, { helpers: 2, fingerprintCount }), groupStatements(input, { fingerprintCount }));
    const thresholds = { ...THRESHOLDS, minCommonWords: 3 };
    assert.deepEqual(groupStatements(input, { helpers: 2, thresholds }), groupStatements(input, { thresholds }));
  });
});
