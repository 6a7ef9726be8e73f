// Golden test: the whole extraction of each seed article, compared with a reviewed file.
// After an intended change, regenerate with `UPDATE_GOLDEN=1 npm test` and review the diff.
import { strict as assert } from "node:assert";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { extract } from "../../src/nlp/pipeline";

const root = join(__dirname, "..", "..", "..");
const seedsDir = join(root, "seeds");
const goldenDir = join(root, "test", "golden", "seeds");

function summarise(text: string) {
  const { quotes, claims, entities } = extract(text);
  return {
    quotes: quotes.map((q) => ({
      span: [q.start, q.end], kind: q.kind, text: q.text, speaker: q.speaker, canonical: q.speaker_canonical,
      speaker_kind: q.speaker_kind, cue: q.cue, via: q.via, sieve: q.sieve,
    })),
    claims: claims.map((c) => ({ span: [c.start, c.end], reason: c.reason, trigger: c.trigger, text: c.text })),
    entities: entities.map((e) => ({ canonical: e.canonical, kind: e.kind, aliases: e.aliases, roles: e.roles })),
  };
}

describe("golden extraction of the seed articles", () => {
  const files = readdirSync(seedsDir).filter((f) => f.endsWith(".txt")).sort();
  it("has seed articles to check", () => assert.ok(files.length >= 2));
  for (const f of files) {
    it(f, () => {
      const got = summarise(readFileSync(join(seedsDir, f), "utf8"));
      const goldenFile = join(goldenDir, f.replace(/\.txt$/, ".json"));
      if (process.env.UPDATE_GOLDEN === "1" || !existsSync(goldenFile)) {
        if (process.env.CI === "true") assert.fail(`missing golden file ${goldenFile}`);
        writeFileSync(goldenFile, JSON.stringify(got, null, 2) + "\n");
      }
      assert.deepEqual(got, JSON.parse(readFileSync(goldenFile, "utf8")));
    });
  }
});
