// Table tests for the claim lexicons (src/nlp/lexicon/claims.ts), textacy style: [text, expected] rows.
// `expected` is a word the flag's trigger must contain, or null when the sentence must raise no flag.
// Every fixture is written for this test.
import assert from "node:assert/strict";
import { detectClaims } from "../../src/nlp/claims";
import { makeDoc } from "../../src/nlp/document";

type Row = [text: string, expected: string | null];

function check(rows: Row[]): void {
  for (const [text, expected] of rows) {
    it(`${expected === null ? "ignores" : `flags "${expected}" in`}: ${text}`, () => {
      const claims = detectClaims(makeDoc(text), []);
      if (expected === null) {
        assert.deepEqual(claims.map((c) => c.trigger), [], `no flag expected in: ${text}`);
      } else {
        assert.ok(
          claims.some((c) => c.trigger.toLowerCase().includes(expected.toLowerCase())),
          `expected a flag with "${expected}", got ${JSON.stringify(claims.map((c) => c.trigger))}`,
        );
      }
    });
  }
}

describe("claims lexicon: hedges", () => {
  check([
    ["The mayor reportedly ordered the audit last spring.", "reportedly"],
    ["The suspect allegedly fired twice at the guards.", "allegedly"],
    ["Apparently, the committee never received the letter.", "apparently"],
    ["The minister is said to favour an early vote.", "said to"],
    ["The envoy is widely believed to have carried a message.", "believed to"],
    ["It is understood that the talks will resume in June.", "it is understood"],
    ["Reports suggested that the plant had closed for good.", "reports suggested"],
    ["There are reports of shelling near the border.", "there are reports"],
    ["According to unconfirmed reports, the ship turned back.", "reports"],
    ["The envoy reportedly met the rebels, according to Radio Harbour.", null],
    ["According to the Valley Gazette, the envoy met the rebels. The envoy reportedly left at dawn.", null],
    ["“He apparently forgot the keys,” Jana Novak said.", null],
    ["The report said the plant had closed.", null],
    ["The mayor ordered the audit last spring.", null],
  ]);
});

describe("claims lexicon: weasel words", () => {
  check([
    ["Experts say the bridge needs urgent repairs.", "experts say"],
    ["Critics argue the levy hurts small farms.", "critics argue"],
    ["Many believe the election was decided months ago.", "many believe"],
    ["Some say the port will never reopen.", "some say"],
    ["Many coastal residents fear the new dam will fail.", "fear"],
    ["Several former employees said the firm ignored warnings.", "said"],
    ["The plan is flawed, energy analysts say.", "analysts say"],
    ["Foreign policy analysts said the sanctions had worked.", "analysts said"],
    ["Environmental groups warned that the river would dry up.", "groups warned"],
    ["Few economists believe the target can be met.", "economists believe"],
    ["Many farmers are worried that prices will fall.", "worried"],
    ["One study found that the tax would raise little money.", "study found"],
    ["The change was widely considered a mistake.", "widely considered"],
    ["Critics such as Mara Olsen say the levy hurts small farms.", null],
    ["The experts said the bridge was safe.", null],
    ["Leaders agreed to meet again next year.", null],
    ["Many countries agreed to share the costs.", null],
    ["Some 35 percent of the jobs depend on trade.", null],
    ["Many voters did not say whom they backed.", null],
    ["Some of the changes will take effect next year.", null],
  ]);
});

describe("claims lexicon: agentless passives of judgement", () => {
  check([
    ["The move is seen as a snub to the unions.", "seen"],
    ["The decision was seen as a victory for the mayor.", "seen"],
    ["The governor is thought to be weighing a run.", "thought"],
    ["He has been described as the most powerful man in the province.", "described"],
    ["The agency has often been criticized for acting slowly.", "criticized"],
    ["The contractor has been blamed for the delays.", "blamed"],
    ["The council is expected to approve the budget on Friday.", "expected"],
    ["Remarks viewed by some as reckless drew a rebuke.", "viewed by some"],
    ["The port is considered the busiest in the region.", "considered"],
    ["The airline has faced sharp criticism for cancelling flights.", "criticism"],
    ["The ministry came under fire over the contracts.", "fire"],
    ["The move was seen as a snub by Hana Lind, the union leader.", "seen"],
    ["The proposal was criticized by Senator Ruth Alder.", null],
    ["The move is seen by the union as a snub.", null],
    ["The court considered the matter on Monday.", null],
    ["He expected to win the seat.", null],
    ["Voters saw the ad twice.", null],
    ["The defendant was accused by prosecutors of fraud.", null],
  ]);
});

describe("claims lexicon: anonymous sources", () => {
  check([
    ["A senior official said the talks had stalled.", "official said"],
    ["Sources said the deal would be signed this week.", "sources said"],
    ["The deal will be signed this week, according to people familiar with the matter.", "familiar with"],
    ["The minister will resign, said one source close to the cabinet.", "source"],
    ["The officer spoke on condition of anonymity because he was not authorized to comment.", "anonymity"],
    ["Officials said the bridge would reopen in May.", "officials said"],
    ["His advisers say he is tired of the job.", "advisers say"],
    ["The plan has stalled, campaign aides acknowledged.", "aides acknowledged"],
    ["The project is late, according to a campaign aide.", "aide"],
    ["Officials at the Harbour Authority said the pier would close.", null],
    ["Port Authority officials said the pier would close.", null],
    ["Aide Tomas Brandt said the pier would close.", null],
    ["Tomas Brandt, a senior official at the ministry, said the pier would close.", null],
    ["Renewable sources of energy are growing.", null],
    ["The mayor told aides that he would run again.", null],
    ["His aides have not said when he will return.", null],
  ]);
});
