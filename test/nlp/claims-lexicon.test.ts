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

// Decision 007: the agent's noun phrase, the verb's sense and the reading context decide; every row is
// an invented sentence showing one construction.
describe("claims by structure: who the agent is", () => {
  check([
    ["A local newspaper, citing confidential sources, said the mayor would resign.", "citing"],
    ["The deal was delayed, citing unnamed sources close to the matter.", "citing"],
    ["A scientist at the institute said the samples were contaminated.", "scientist"],
    ["An expert cited in the report said the dam was unsafe.", "expert"],
    ["A private security professional told reporters the gate was open.", "professional"],
    ["A source familiar with the inquiry said the files were copied.", "source"],
    ["“The books were never audited,” a spokesman said on Monday.", "spokesman"],
    ["Two officials said the plan was dead. The officials said the vote would be delayed.", "the officials"],
    ["The minister will resign, the source said.", "the source"],
    ["An unnamed official said the border would reopen.", "official"],
    ["The harbour will close, according to numerous local fishermen.", "numerous"],
    ["Multiple outlets reported that the ferry had sunk.", "outlets reported"],
    ["Local traders also say business is poor.", "traders also say"],
    ["Harbour fans insist the club must not be sold.", "fans insist"],
    ["Some traders fear a slump. Prices will fall, they say.", "they say"],
    ["The cause of the slump, dock workers and union leaders say, is the new tariff.", "say"],
    ["It was awful, said one of two witnesses who asked not to be named.", "witnesses"],
    ["Supporters hope the verdict will be overturned.", "supporters hope"],
    ["Others are saying the bridge is unsafe.", "others are saying"],
    ["Many voters, however, are eager for a change.", "eager"],
    ["The mayor backed a plan which many residents strongly oppose.", "oppose"],
    ["Most economists assess the effect of the levy on small farms as modest.", "assess"],
    ["Many residents view the new tower with suspicion.", "view"],
    ["Ada Brun, a spokesman for the Harbour Board, said the pier would close.", null],
    ["A spokesman for the Harbour Board said the pier would close.", null],
    ["Treasury officials admitted the figures were wrong.", null],
    ["A Harbour Board spokesman said the pier would close.", null],
    ["A senior spokesman said the pier would close.", "spokesman"],
    ["The source of the leak was a faulty valve.", null],
    ["The source code was published on Friday.", null],
    ["The officials said the vote would be delayed.", null],
    ["They say the bridge is unsafe.", null],
    ["Leaders signed the accord in the capital.", null],
    ["Many residents know the mayor by name.", null],
    ["Harbour Council members say the pier is safe.", null],
    ["The Harbour firm's founders have said they will not sell.", null],
    ["Several local charities reported spending more on food this winter.", null],
  ]);
});

describe("claims by structure: the sense of a passive and its agent", () => {
  check([
    ["It's believed the fire started in the kitchen.", "believed"],
    ["The bill passed, as predicted by many observers.", "predicted"],
    ["The coach is viewed by parents as too strict.", "viewed"],
    ["His remarks were interpreted by some as a threat.", "interpreted"],
    ["The plan strikes some advocates as timid.", "strikes"],
    ["The policy has been praised for its ambition.", "praised"],
    ["The workers, dismissed so often as lazy, kept the mill running.", "dismissed"],
    ["The reform drew sharp criticism from both sides of the chamber.", "criticism"],
    ["The minister caught flak from all sides for the delay.", "flak"],
    ["The mayor continues to face questions about the contract.", "questions"],
    ["The leaked files raised new questions about the tender.", "raised"],
    ["The shares fell amid growing concern about the audit.", "amid"],
    ["Many point to the closure of the mill as the turning point.", "point"],
    ["Applications will be considered in the order they arrive.", null],
    ["The request was considered at the June meeting.", null],
    ["The singer is portrayed as a lonely genius in the film.", null],
    ["The fair is billed as the largest in the region.", null],
    ["The bill was passed by the Senate on Monday.", null],
    ["The minister is viewed favourably by 55 percent of voters.", null],
    ["She has an edge on being seen as decisive.", null],
    ["Senator Ruth Alder raised questions about the tender.", null],
    ["The reform drew criticism from the Harbour Board.", null],
    ["The mayor faced questions from reporters.", null],
  ]);
});

describe("claims by structure: hedges and opinions held by nobody named", () => {
  check([
    ["The firm is under inquiry for its alleged role in the fraud.", "alleged"],
    ["The soldiers crossed the river in an apparent attempt to flank the town.", "apparent"],
    ["He was fined for what appears to be a minor breach.", "what appears to be"],
    ["The mayor dismissed reports that he would resign.", "reports that"],
    ["One view is that the tax will never be collected.", "view"],
    ["There is a near-consensus among economists that the tax will fail.", "consensus"],
    ["The perception by some that the mayor is aloof has hurt him.", "perception"],
    ["The ruling shook a once-solid consensus that the port was safe.", "consensus"],
    ["Some polls show the mayor trailing.", "polls show"],
    ["Polling of dock workers shows that the strike is popular.", "polling"],
    ["A recent review of the accounts seems to show that funds were moved.", "review"],
    ["It is apparent that the plan failed.", null],
    ["Prosecutors alleged that the firm hid the losses.", null],
    ["His view is that the tax will never be collected.", null],
    ["The Valley Gazette reports that the ferry sank.", null],
    ["The polls show the mayor trailing.", null],
    ["The consensus was reached after midnight.", null],
    ["There are growing fears that the mill will close.", "fears"],
    ["There is a sense among traders that the boom is over.", "sense"],
    ["It is thought that the fire began in the hold.", "it is thought"],
    ["It has been suggested that the vote was rigged.", "it has been suggested"],
    ["There are fears of a flood every spring.", null],
    ["It was a feeling that cuts across every party.", null],
    ["The mayor said his research shows the port is safe.", null],
    ["The strike gave the rivals a chance to raise questions about the budget.", null],
    ["There are hopes for the new harbour, the mayor said.", null],
  ]);
});

describe("claims by structure: the reading context", () => {
  check([
    ["If many fans believe the club is for sale, ticket sales will drop.", null],
    ["Ticket sales will drop unless critics say otherwise.", null],
    ["Do experts believe the dam is safe?", null],
    ["READ MORE: Experts say the dam is unsafe.", null],
    ["Related: Critics argue the levy hurts small farms.", null],
    ["Experts say the dam is unsafe\nThe council met on Monday.", null], // a headline: a short line with no final punctuation
    ["EXPERTS SAY THE DAM IS UNSAFE.\nThe council met on Monday.", null],
    ["Experts say the dam is unsafe", "experts say"], // one line alone is the text, not a headline
    ["Rescuers search the river (Photo by Ana Lind)", null],
    ["Many parents were angry about the change, principal Jo Lee said.", null],
    ["Many parents were angry about the change, said Jo Lee, the principal.", null],
    ["Even if many fans believe the club is for sale, the owners will not sell.", "believe"],
    ["Many parents were angry about the change, a teacher said.", "angry"],
    ["Many parents were angry about the change, the teachers said.", "angry"],
    ["Experts say the dam is unsafe, and the council agrees.", "experts say"],
  ]);
});
