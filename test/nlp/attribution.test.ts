import { strict as assert } from "node:assert";
import { extract } from "../../src/nlp/pipeline";

interface Want {
  text: string;
  kind?: string;
  speaker?: string | null;
  canonical?: string | null;
  sieve?: string;
  via?: string | null;
}

/** Runs the extractor and returns the record whose content starts with `want.text`. */
function find(article: string, want: Want) {
  const { quotes } = extract(article);
  const q = quotes.find((x) => x.text.startsWith(want.text));
  assert.ok(q, `no statement starting ${JSON.stringify(want.text)} in ${JSON.stringify(quotes.map((x) => x.text))}`);
  return q;
}

function check(article: string, want: Want) {
  const q = find(article, want);
  if (want.kind !== undefined) assert.equal(q.kind, want.kind, "kind");
  if (want.speaker !== undefined) assert.equal(q.speaker, want.speaker, "speaker mention");
  if (want.canonical !== undefined) assert.equal(q.speaker_canonical, want.canonical, "canonical speaker");
  if (want.sieve !== undefined) assert.equal(q.sieve, want.sieve, "sieve");
  if (want.via !== undefined) assert.equal(q.via, want.via, "via");
  assert.equal(article.slice(q.start, q.end), q.text, "offsets match the text");
}

describe("direct quote sieves", () => {
  const cases: [string, string, Want][] = [
    ["trailing cue, name then verb", "Minister Anna Kovacs arrived.\n“The bridge opens in May,” Kovacs said.",
      { text: "The bridge opens in May", kind: "direct", speaker: "Kovacs", canonical: "Anna Kovacs", sieve: "trailing-cue" }],
    ["trailing cue after two people joined by 'and': the one next to the cue, as for a clause", "“Wind power would double the yield,” energy analysts Tom Reyes and Jane Doe of the Northfield Institute wrote in a report.",
      { text: "Wind power would double the yield", canonical: "Jane Doe", sieve: "trailing-cue" }],
    ["negative: after a quote closed by a full stop, 'X and Y called …' starts a sentence of its own", "“Prices are weak,” said economist Tom Reyes. “The main reason is the weak retail trade.” Economy and Labour Minister Ann Lee called the dip “a very mild decline”.",
      { text: "The main reason", canonical: "Tom Reyes" }],
    ["leading cue with an object and a manner before the colon", "The Harbour Trust describes itself in the following way: “We work to keep the port open for everyone who needs it.”",
      { text: "We work to keep the port open", canonical: "Harbour Trust", sieve: "leading-cue" }],
    ["leading cue: 'explained it this way:'", "Tom Reyes spoke at the dock.\n\nSingh explained it this way: \"It's like a wedding where the buffet is closed.\"",
      { text: "It's like a wedding", canonical: "Singh", sieve: "leading-cue" }],
    ["trailing cue after a party tag appositive", "The port reopened.\n\n“Let me make it perfectly clear,” Senate Majority Leader Tom Reyes, R-Ky., said.",
      { text: "Let me make it perfectly clear", canonical: "Tom Reyes", sieve: "trailing-cue" }],
    ["inverted trailing cue: an unnamed source with its qualifier", "The port reopened.\n\n“The drop is directly attributable to the emails,” said a person close to the mayor.",
      { text: "The drop is directly", speaker: "a person close to the mayor", canonical: null }],
    ["trailing cue: an unnamed source's qualifier naming a person does not make it that person", "The port reopened.\n\n“We will not pay,” a source close to Ann Lee said.",
      { text: "We will not pay", speaker: "a source close to Ann Lee", canonical: null }],
    ["trailing cue: a cue's noun reading as the head of a description", "The port reopened.\n\n“Even the computer had been hacked,” the congressional report said, referring to the chairwoman.",
      { text: "Even the computer", canonical: "congressional report", sieve: "trailing-cue" }],
    ["negative: a description ending in a cue's verb reading is no speaker of it", "The port reopened.\n\n“Even the computer had been hacked,” the man reported.",
      { text: "Even the computer", canonical: "man" }],
    ["trailing cue: a one-word possessive and its office", "The port reopened.\n\n“He did write the secretary a memo,” Reyes’s office said in a statement.",
      { text: "He did write", speaker: "Reyes’s office", sieve: "trailing-cue" }],
    ["leading cue with a time and a medium before the quote", "The port reopened.\n\nHowever, the Harbour Museum said Thursday on Twitter, “We have never expressed interest in the firearm.”",
      { text: "We have never expressed", canonical: "Harbour Museum", sieve: "leading-cue" }],
    ["leading cue: 'As X said last week in Y, “…”'", "The port reopened.\n\nAs Tom Reyes said last week in Tel Aviv, “The port is the centre of the digital future.”",
      { text: "The port is the centre", canonical: "Tom Reyes", sieve: "leading-cue" }],
    ["negative: a clause after the cue is no adverbial before a quote", "The port reopened.\n\nTom Reyes said the union would decide on Monday, “as soon as it can.”",
      { text: "the union would decide on Monday, “as soon as it can.”", kind: "mixed", canonical: "Tom Reyes" }],
    ["'X released the following statement:' introduces X's quote", "The port reopened.\n\nWhen the governor died, President Tom Reyes released the following statement: “We offer our condolences to his family.”",
      { text: "We offer our condolences", canonical: "Tom Reyes", sieve: "leading-cue" }],
    ["'X had this to say about Y:'", "The port reopened.\n\nThe mayor had this to say about the strike: “It is over and we are glad that it is.”",
      { text: "It is over", speaker: "The mayor", sieve: "leading-cue" }],
    ["'X went on to say, “…”'", "The port reopened.\n\nThe email went on to say, “Today people just don’t feel the need to show up.”",
      { text: "Today people just", speaker: "The email", sieve: "leading-cue" }],
    ["leading cue: a possessive's role, then the name in an appositive", "The port reopened.\n\nIn a statement to the Observer, her senior policy adviser, Tom Reyes, said: “Ann Lee believes that cooperation is essential.”",
      { text: "Ann Lee believes", canonical: "Tom Reyes", sieve: "leading-cue" }],
    ["leading cue: an adverb and a manner with commas before the colon", "The port reopened. “People are bullied when they’re 55,” Tom Reyes said. Kelly responded pointedly, with a smile: “Can happen when you’re 45.”",
      { text: "Can happen when", canonical: "Kelly", sieve: "leading-cue" }],
    ["leading cue: a relative clause between the subject and the cue", "The port reopened.\n\nAlthough there is no overlap, a port official who spoke anonymously to discuss strategy said Wednesday, “Certainly there are talks between the two camps.”",
      { text: "Certainly there are talks", speaker: "a port official", sieve: "leading-cue" }],
    ["a name ending in an accented letter and 'a' before the cue ('García said' is no 'a said')", "The port reopened.\n\n“We have some very important races going on,” Lily García said.",
      { text: "We have some very important races", canonical: "Lily García", sieve: "trailing-cue" }],
    ["… and 'Peña said'", "The port reopened.\n\n“We have some very important races going on,” Ana Peña said.",
      { text: "We have some very important races", canonical: "Ana Peña", sieve: "trailing-cue" }],
    ["leading participle after 'before': the sentence's subject", "The port reopened.\n\nOn Tuesday, Mr. Reyes deflected questions about the mayor before saying, “It's time to quit attacking various people.”",
      { text: "It's time to quit", canonical: "Reyes", sieve: "leading-cue" }],
    ["leading participle after 'released a statement'", "The port reopened.\n\nAt the time, Ann Lee released a statement saying, “The company has distinguished itself as a trusted partner.”",
      { text: "The company has distinguished", canonical: "Ann Lee", sieve: "leading-cue" }],
    ["a connective without a comma before the subject, a participle appositive, then the cue", "The port reopened.\n\nBut Sen. Ann Lee (D-Ill.), noting the size of the union's following, said, “Let me tell you, he's got a heck of an email list.”",
      { text: "Let me tell you", canonical: "Ann Lee", sieve: "leading-cue" }],
    ["'And X, director of Y, said:' opens a new speaker, not the last one", "The port reopened. “We are pleased,” said Tom Reyes.\n\nAnd Paul Marsh, chief analyst at Harbour Bank, said: “I see no plausible explanation for the theory.”",
      { text: "I see no plausible", canonical: "Paul Marsh", sieve: "leading-cue" }],
    ["a party tag appositive before a leading cue", "The port reopened.\n\nSen. Ann Lee, R-Wis., said in an op-ed piece, “The department failed to honor repeated requests.”",
      { text: "The department failed", canonical: "Ann Lee", sieve: "leading-cue" }],
    ["an opening participle phrase, then the subject and its appositive", "The port reopened.\n\nRecalling that moment, Tom Reyes, who was chief strategist for the campaigns, said of the mayor: “The question is, will he do the same?”",
      { text: "The question is", canonical: "Tom Reyes", sieve: "leading-cue" }],
    ["'was prompted to say' and 'interjected to say'", "The port reopened.\n\nThe debate was so subdued that Mr. Reyes was prompted to say, “So far, I cannot believe how civil it's been.” Ann Lee, who signed the port laws, interjected to say: “They've both been inconsistent on this issue.”",
      { text: "They've both been", canonical: "Ann Lee", sieve: "leading-cue" }],
    ["'told the Post in a written statement, “…”'", "The port reopened.\n\nTom Reyes told the Harbour Post in a written statement, “I really don’t want the endorsement, because it shows no strength.”",
      { text: "I really don’t want", canonical: "Tom Reyes", sieve: "leading-cue" }],
    ["negative: 'Nothing, …' opens no participle phrase", "The port reopened.\n\nNothing, Tom Reyes said, would stop the strike from going on for weeks.",
      { text: "Nothing, Tom Reyes said, would stop", canonical: "Tom Reyes", sieve: "parenthetical-cue" }],
    ["a quote ending its sentence after its own leading cue is not the next sentence's", "The port reopened.\n\nAnn Lee said: “We will win the vote.” Tom Reyes said: “No, you will not.”",
      { text: "We will win the vote", canonical: "Ann Lee", sieve: "leading-cue" }],
    ["… and the next sentence's cue reports its own clause", "The port reopened.\n\nTo which Ann Lee interjected: “It's just not true.” Tom Reyes said the banks would not be punished.",
      { text: "the banks would not be punished", canonical: "Tom Reyes", sieve: "cue-clause" }],
    ["negative: an inverted cue after a question mark stays the quote's", "The port reopened.\n\nIf the mayor meddled — as many believe, but the mayor strongly denies — “why wouldn’t you want to raise the potential?” asked Ann Lee, a partner at a firm.",
      { text: "why wouldn’t you want", canonical: "Ann Lee", sieve: "trailing-cue" }],
    ["inverted trailing cue: a role word by its ending ('neurosurgeon', 'consultant')", "The port reopened.\n\n“We will win the vote in the end,” said retired neurosurgeon Ben Carson, asked about his claims.",
      { text: "We will win the vote", canonical: "Ben Carson", sieve: "trailing-cue" }],
    ["… 'management consultant'", "The port reopened.\n\n“We will win the vote in the end,” said management consultant Ann Lee.",
      { text: "We will win the vote", canonical: "Ann Lee", sieve: "trailing-cue" }],
    ["trailing cue, inverted", "“We will not pay,” said Tomas Berg, the union leader.",
      { text: "We will not pay", speaker: "Tomas Berg", canonical: "Tomas Berg", sieve: "trailing-cue" }],
    ["trailing cue with role and name", "“Nothing is agreed,” Interior Minister Lena Hart told reporters.",
      { text: "Nothing is agreed", canonical: "Lena Hart", sieve: "trailing-cue" }],
    ["trailing cue with an adverb", "“The deal is dead,” Omar Reyes reportedly told aides.",
      { text: "The deal is dead", canonical: "Omar Reyes", sieve: "trailing-cue" }],
    ["pronoun resolved to the last named speaker", "“Prices rise every week,” Maria Lopez said.\nShe paused. “They will rise again in June,” she said.",
      { text: "They will rise again", speaker: "she", canonical: "Maria Lopez", sieve: "trailing-cue" }],
    ["leading cue with a colon", "Mayor Jon Pike said: “The roads will be closed all weekend.”",
      { text: "The roads will be closed", speaker: "Mayor Jon Pike", canonical: "Jon Pike", sieve: "leading-cue" }],
    ["leading cue after an adverbial", "In a statement, Ruth Adler said: “We acted within the law at all times.”",
      { text: "We acted within the law", canonical: "Ruth Adler", sieve: "leading-cue" }],
    ["second quote in a paragraph takes the first one's speaker", "“The plan is sound,” Ivan Petrov said. “It only needs money and more time.”",
      { text: "It only needs money", canonical: "Ivan Petrov", sieve: "same-paragraph" }],
    ["quote-only paragraph continues the previous speaker", "“We have done our part of the work,” said Carla Mendes.\n“Now it is up to the council to decide the rest.”",
      { text: "Now it is up to the council", canonical: "Carla Mendes", sieve: "paragraph-continuation" }],
    ["multi-paragraph quote takes the speaker from its last paragraph", "“The first year was hard for all of us.\n“The second was worse than anyone expected,” Paul Grant said.",
      { text: "The first year was hard", canonical: "Paul Grant", sieve: "long-quote" }],
    ["colon on the previous paragraph", "Senator Ada Quinn continued:\n“The vote will happen before the summer recess.”",
      { text: "The vote will happen", canonical: "Ada Quinn", sieve: "colon-intro" }],
    ["relay: an outlet reporting someone saying", "“Our talks were frank and very useful,” state radio reported Oleg Sorin saying.",
      { text: "Our talks were frank", speaker: "Oleg Sorin", via: "state radio", sieve: "trailing-cue" }],
    ["relay with according to", "“The meeting may well happen soon,” spokesman Karl Dunn said, according to the Baltic News Service.",
      { text: "The meeting may well happen", canonical: "Karl Dunn", via: "Baltic News Service" }],
    ["acronym resolved to its long form", "The Northern Press Agency (NPA) covered the visit.\n“The visit was a success for both sides,” NPA said.",
      { text: "The visit was a success", canonical: "Northern Press Agency" }],
    ["surname joins the full name, not a relative with another given name", "Lee Min-ho met Lee Min-jun. Lee Min-ho spoke first, then Lee Min-ho spoke again.\n“Trade must grow between our nations,” Lee said.",
      { text: "Trade must grow", canonical: "Lee Min-ho" }],
    ["spelling variants are one person", "Kang Dae-sung arrived. Kang Dae Sung later said: “We expect a long and fruitful partnership.”",
      { text: "We expect a long", canonical: "Kang Dae-sung" }],
    ["two apostrophes as quote marks", "''We will rebuild the station by spring,'' said Hana Ito, the mayor.",
      { text: "We will rebuild the station", canonical: "Hana Ito", sieve: "trailing-cue" }],
    ["a quote with no speaker anywhere is unattributed", "The crowd chanted for hours.\n“This is not the end of the road for anyone here.”",
      { text: "This is not the end", speaker: null, canonical: null, sieve: "unattributed" }],
  ];
  for (const [name, article, want] of cases) it(name, () => check(article, want));
});

describe("a quoted sentence interrupted by its attribution", () => {
  const cases: [string, string, string[]][] = [
    ["one sentence split by the cue is one statement", "“By next year,” Paul Grant said, “the line will reach the airport.”",
      ["By next year,” Paul Grant said, “the line will reach the airport."]],
    ["two sentences around the cue stay two statements", "“The line is finished,” Paul Grant said. “It opens next year.”",
      ["The line is finished,", "It opens next year."]],
    ["a first part that ends its sentence stays apart", "“The line is finished.” Paul Grant said, “It opens next year.”",
      ["The line is finished.", "It opens next year."]],
  ];
  for (const [name, article, want] of cases) {
    it(name, () => assert.deepEqual(extract(article).quotes.filter((q) => q.kind === "direct").map((q) => q.text), want));
  }
});

describe("reported speech sieves", () => {
  const cases: [string, string, Want][] = [
    ["X said that CLAUSE", "Finance Minister Rosa Vidal said that the budget would be balanced by next year.",
      { text: "the budget would be balanced", kind: "indirect", canonical: "Rosa Vidal", sieve: "cue-that-clause" }],
    ["X said CLAUSE with an adverb", "Rosa Vidal said afterward she expected growth to slow.",
      { text: "she expected growth to slow", kind: "indirect", canonical: "Rosa Vidal" }],
    ["X told reporters CLAUSE", "Coach Dan Ortiz told reporters on Monday that the team was ready for the final.",
      { text: "the team was ready for the final", canonical: "Dan Ortiz" }],
    ["CLAUSE, X said", "The factory will close in March, the company said.",
      { text: "The factory will close in March", kind: "indirect", sieve: "clause-then-cue" }],
    ["CLAUSE, said X", "Rates will stay high for a while, said Yuki Sato, an economist.",
      { text: "Rates will stay high", canonical: "Yuki Sato", sieve: "clause-then-cue" }],
    ["According to X, CLAUSE", "According to the Weather Office, the storm will reach the coast tonight.",
      { text: "the storm will reach the coast", sieve: "according-to", canonical: "Weather Office" }],
    ["CLAUSE, according to X", "The strike cost the firm millions, according to union officials.",
      { text: "The strike cost the firm millions", sieve: "according-to" }],
    ["mixed: a reported clause holding a partial quote", "Nora Bell insisted that the law was “unfair and rushed” from the start.",
      { text: "the law was “unfair and rushed” from the start", kind: "mixed", canonical: "Nora Bell" }],
    ["participle continues the sentence's subject", "The ministry denied the report, saying the figures were wrong and outdated.",
      { text: "the figures were wrong", sieve: "participle" }],
    ["attribution set off by commas mid-sentence", "In the end, Ruth Adler said, the council would have to pay for the repairs.",
      { text: "In the end, Ruth Adler said, the council", canonical: "Ruth Adler", sieve: "parenthetical-cue" }],
    ["a dateline is no subject: '…, saying' after 'CITY — X'", "Tax plan draws fire. BOSTON — Gov. Maria Lopez defended her plan on Monday, saying the gains in revenue would outweigh the losses.",
      { text: "the gains in revenue would outweigh", canonical: "Maria Lopez", sieve: "participle" }],
    ["a dateline with a state and an agency, then 'X … and said'", "SPRINGFIELD, Ill. (AP) — Gov. Maria Lopez (D-Ill.) on Wednesday played down the report and said the gains would outweigh the losses.",
      { text: "the gains would outweigh the losses", canonical: "Maria Lopez" }],
    ["negative: a capitalised name before a dash that opens no dateline stays the subject", "NATO — the alliance — said on Monday the gains would outweigh the losses.",
      { text: "the gains would outweigh the losses", speaker: "NATO" }],
    ["CLAUSE, X said from a place", "Still, firms are \"just scraping by,\" Mr. Okafor said from his office in Leeds.",
      { text: "Still, firms are", canonical: "Okafor", sieve: "clause-then-cue" }],
    ["a title and one name before 'of Place' is the person, not the place", "Hiding the budget is a poor idea, President Okafor of Ghana has said during a visit.",
      { text: "Hiding the budget is a poor idea", canonical: "Okafor", sieve: "clause-then-cue" }],
    ["negative: a body before 'of Place' stays the body", "The Central Bank of Ghana said the deal was good for both sides.",
      { text: "the deal was good", canonical: "Central Bank of Ghana" }],
    ["a body's name lists its portfolios with a comma and 'and'", "The Department for Culture, Media and Sport said the rules were clear.",
      { text: "the rules were clear", canonical: "Department for Culture, Media and Sport" }],
    ["a body's name goes on after 'and' ('Institute for Science and International Security')", "The Institute for Science and Fair Trade said the rules were clear.",
      { text: "the rules were clear", canonical: "Institute for Science and Fair Trade" }],
    ["negative: a first name after 'and' is a second speaker, not the body's name", "The Ministry of Defence and Ann Lee said the rules were clear.",
      { text: "the rules were clear", canonical: "Ann Lee" }],
    ["negative: a second body head after 'and' makes two bodies", "United Bank of Ghana and Standard Trust Bank said the merger was done.",
      { text: "the merger was done", canonical: "Standard Trust Bank" }],
    ["negative: a title after 'and' ends the body", "The Department of Justice and Attorney General Lynch said the rules were clear.",
      { text: "the rules were clear", canonical: "Lynch" }],
    ["the chairman of a body named after 'of the' is a person described, not the body", "But the chairman of the Police Federation of Ruritania and Wales said the rules were clear.",
      { text: "the rules were clear", canonical: "chairman of the Police Federation of Ruritania and Wales" }],
    ["a role at a named body is not a person holding that role elsewhere", "Labour chairman Ian Marsh praised the list. Last month the chairman of the Commission for Fair Housing said the list was too short.",
      { text: "the list was too short", canonical: "chairman of the Commission for Fair Housing" }],
    ["'it' after a body named with 'and' is the whole body", "The Department for Roads and Bridges said the bridge would close. “We are sorry,” it said.",
      { text: "We are sorry", canonical: "Department for Roads and Bridges" }],
    ["'who' after an appositive naming a body is the person the appositive describes", "Ann Lee spoke first. The plan was backed by Ruth Adler, the ranking Democrat on the Senate Finance Committee, who said none of the money was wasted.",
      { text: "none of the money was wasted", canonical: "Ruth Adler" }],
    ["'who' after 'a member of the Board' is the member", "Ann Lee spoke first. Tom Reyes, a member of the Harbour Board, who said the plan was sound, left early.",
      { text: "the plan was sound", canonical: "Tom Reyes" }],
    ["negative: 'which' after a body is the body", "Ann Lee spoke first. The plan was backed by Tom Reyes and the Harbour Board, which said the plan was sound.",
      { text: "the plan was sound", canonical: "Harbour Board" }],
    ["CLAUSE, X said by phone", "The ferry will run again in May, Ann Lee said by phone.",
      { text: "The ferry will run again in May", canonical: "Ann Lee", sieve: "clause-then-cue" }],
    ["a title-case dateline before a wire agency is no subject", "Lee swipes at rival. Washington (AFP) – Democrat Ann Lee has taken a swipe at her rival's stance, saying that bombastic comments do more harm than good.",
      { text: "bombastic comments do more harm", canonical: "Ann Lee", sieve: "participle" }],
    ["'Likewise,' opens no subject", "The port reopened. “He should step down,” Tom Reyes said. Likewise, Reyes went after Ann Lee and called for her to quit her bid for office.",
      { text: "her to quit her bid", canonical: "Tom Reyes" }],
    ["'this past week' between the subject and the cue", "The port reopened. Tom Reyes, the port chairman, this past week said the website would explain the process.",
      { text: "the website would explain", canonical: "Tom Reyes" }],
    ["CLAUSE, X said <weekday>", "The plant will stay shut until June, the company said Thursday.",
      { text: "The plant will stay shut until June", sieve: "clause-then-cue" }],
    ["A, according to X, B: the whole sentence", "At the heart of the dispute, according to Ivo Marsh, a former envoy, was a quarrel over water rights.",
      { text: "At the heart of the dispute, according to Ivo Marsh, a former envoy, was a quarrel", canonical: "Ivo Marsh", sieve: "according-to" }],
    ["CLAUSE, according to a long described source", "The team changed course in May, according to a senior adviser who asked not to be named.",
      { text: "The team changed course in May", speaker: "a senior adviser", sieve: "according-to" }],
    ["a connective before a leading according to", "But according to reports emerging in the local press, the mayor had known for weeks.",
      { text: "the mayor had known for weeks", speaker: "reports emerging in the local press", sieve: "according-to" }],
    ["CLAUSE, said X, a described speaker", "The race will be tight in the city, said Ivo Marsh, director of the Centre for Polling.",
      { text: "The race will be tight in the city", canonical: "Ivo Marsh", sieve: "clause-then-cue" }],
    ["CLAUSE, said a plain phrase with a relative clause", "Holding the north is within reach, said a handful of members who know the region well.",
      { text: "Holding the north is within reach", speaker: "a handful of members", sieve: "clause-then-cue" }],
    ["a parenthesis after the subject", "Marsh (who has 25 seats so far) said it is possible to win the vote.",
      { text: "it is possible to win the vote", canonical: "Marsh" }],
    ["words before a later that which hold a verb are the clause", "Ines Vogel said there was clear evidence that the audit was rushed.",
      { text: "there was clear evidence that the audit was rushed", canonical: "Ines Vogel" }],
    ["a contracted verb makes a clause", "Ines Vogel said there’s no precedent for it.",
      { text: "there’s no precedent", canonical: "Ines Vogel" }],
    ["called PRONOUN “…”", "Mayor Jon Pike called her “reckless” in a speech on Monday.",
      { text: "her “reckless”", kind: "mixed", canonical: "Jon Pike", sieve: "cue-object" }],
    ["what X called “…”", "It marked what the historian Ada Quinn called “the end of an era” for the port.",
      { text: "“the end of an era”", kind: "mixed", canonical: "Ada Quinn", sieve: "cue-object" }],
    ["called an object with a relative clause “…”", "Nora Bell called the storm that flooded the valley “a warning to us all,” but she also praised the crews.",
      { text: "the storm that flooded the valley “a warning to us all,”", canonical: "Nora Bell", sieve: "cue-object" }],
    ["calls X “…” after an appositive", "Ivo Marsh, director of the institute, calls the new port “a costly mistake” for the region.",
      { text: "the new port “a costly mistake”", canonical: "Ivo Marsh", sieve: "cue-object" }],
    ["a participle after 'and' continues the subject", "Nora Bell shrugged, pointing to the budget and saying that the bridge was never funded.",
      { text: "the bridge was never funded", canonical: "Nora Bell", sieve: "participle" }],
    ["a participle's subject after a leading adverbial", "In 2016, Ines Vogel endorsed the plan, saying it would save the harbour.",
      { text: "it would save the harbour", canonical: "Ines Vogel", sieve: "participle" }],
    ["CLAUSE, X said <weekday> afternoon, as …", "The vote was a disgrace to the house, senior members said Friday afternoon, as they left the hall.",
      { text: "The vote was a disgrace to the house", speaker: "senior members", sieve: "clause-then-cue" }],
    ["a partial quote, X said, and more", "Ruiz “got a deal,” Okafor said, and still “got to sit in on every meeting.”",
      { text: "Ruiz “got a deal,” Okafor said, and still", kind: "mixed", canonical: "Okafor", sieve: "parenthetical-cue" }],
    ["that followed by a comma", "Ines Vogel said that, if elected, she would close the old mine.",
      { text: "if elected, she would close the old mine", canonical: "Ines Vogel", sieve: "cue-that-clause" }],
    ["a clause ends where a new subject and cue begin", "Members said they were convinced the audit was rushed and the board accused them of stalling.",
      { text: "they were convinced the audit was rushed", speaker: "Members" }],
    ["said no + clause", "A lawyer for the firm, Ivo Marsh, said no decision had been made about an appeal.",
      { text: "no decision had been made", canonical: "Ivo Marsh" }],
    ["an adverbial with an event noun after the cue", "Nora Bell said after the convention she would not run again.",
      { text: "she would not run again", canonical: "Nora Bell" }],
    ["a relative pronoun is the reported clause's subject", "He took donations from firms, which he said were given without conditions.",
      { text: "were given without conditions", speaker: "he" }],
    ["described as “…”", "He would pay for it through reform, which he described as “making the rich pay their share.”",
      { text: "as “making the rich pay", kind: "mixed", sieve: "cue-object" }],
    ["asked X to “…”", "The league has asked the club of former striker Ivo Marsh to “cease and desist” from using its emblem.",
      { text: "the club of former striker Ivo Marsh to “cease and desist”", sieve: "cue-object" }],
    ["an aside between commas before that", "Ines Vogel also said, without evidence, that the rivals were paying for votes.",
      { text: "the rivals were paying for votes", canonical: "Ines Vogel", sieve: "cue-that-clause" }],
    ["a participle after a noun speaks for the sentence's subject", "Jo Reyes issued a statement saying the remark “has no place in this city.”",
      { text: "the remark “has no place", kind: "mixed", canonical: "Jo Reyes", sieve: "participle" }],
    ["a participle after a comma is not the cue's that", "Taxes must rise, the minister insisted, asserting that the deficit cannot wait.",
      { text: "Taxes must rise", sieve: "clause-then-cue" }],
    ["CLAUSE, X told a hearer", "The line was never safe, a harbour official told The Coast Gazette.",
      { text: "The line was never safe", speaker: "a harbour official", sieve: "clause-then-cue" }],
    ["CLAUSE, X told a hearer as …", "This is not about the money, Ines Vogel told her closest aides as she left.",
      { text: "This is not about the money", canonical: "Ines Vogel", sieve: "clause-then-cue" }],
    ["X told the hearer CLAUSE", "The mayor told the council the plan was dead.",
      { text: "the plan was dead", speaker: "The mayor", sieve: "cue-clause" }],
    ["according to a plain phrase", "According to recent polling, the mayor is losing support in the suburbs.",
      { text: "the mayor is losing support", sieve: "according-to", canonical: "recent polling" }],
    ["a plain-phrase subject", "People close to the talks said the deal could be signed within days.",
      { text: "the deal could be signed within days", speaker: "People close to the talks" }],
    ["pronoun subject with a bare present verb", "Despite the delays, local officials said they welcome the new schedule.",
      { text: "they welcome the new schedule", speaker: "local officials" }],
    ["a person's statement that holds a belief verb stays one statement", "Mayor Jon Pike said afterward he thought the plan would work.",
      { text: "he thought the plan would work", canonical: "Jon Pike" }],
    ["a second verb shares the sentence's subject", "Nora Bell visited the site and said that the work was behind schedule.",
      { text: "the work was behind schedule", canonical: "Nora Bell", sieve: "coordinated-subject" }],
    ["inner statement relayed by an outer source", "Leader Ana Brun said the border would reopen soon, state television said.",
      { text: "the border would reopen soon", canonical: "Ana Brun", via: "state television" }],
    ["subject with an appositive", "A port spokesman, Elias Marr, said the ships would dock on Friday.",
      { text: "the ships would dock on Friday", canonical: "Elias Marr", sieve: "subject-phrase" }],
    ["a relative pronoun speaks for its antecedent", "The fund was backed by Ines Vogel, who said the returns were modest.",
      { text: "the returns were modest", speaker: "who", canonical: "Ines Vogel", sieve: "subject-phrase" }],
    ["a long plain noun-phrase subject", "One in four voters in the spring survey said the tax should be scrapped.",
      { text: "the tax should be scrapped", speaker: "One in four voters in the spring survey" }],
    ["auxiliaries between subject and cue", "Few members of the board would ever say the merger was a mistake.",
      { text: "the merger was a mistake", sieve: "subject-phrase" }],
    ["accused X of Y", "Mayor Jon Pike accused the council of hiding the true cost of the bridge.",
      { text: "the council of hiding the true cost", kind: "indirect", canonical: "Jon Pike", sieve: "cue-object" }],
    ["described X as Y", "Nora Bell described the ruling as a victory for tenants.",
      { text: "the ruling as a victory", canonical: "Nora Bell", sieve: "cue-object" }],
    ["called for Y", "The union called for an immediate review of safety rules.",
      { text: "an immediate review of safety rules", sieve: "cue-object" }],
    ["called on X to Y", "Senator Ada Quinn called on the regulator to publish its findings.",
      { text: "the regulator to publish its findings", canonical: "Ada Quinn", sieve: "cue-object" }],
    ["called X a quoted Y", "Tomas Berg called the proposal “a recipe for disaster” on Monday.",
      { text: "the proposal “a recipe for disaster”", kind: "mixed", canonical: "Tomas Berg" }],
    ["called X a Y without quote marks", "The union has called the new contract a betrayal of its members.",
      { text: "the new contract a betrayal", kind: "indirect", sieve: "cue-object" }],
    ["a dash aside between the cue and 'that'", "Ivo Marsh said — on the radio, as it happens — that the road would reopen.",
      { text: "the road would reopen", canonical: "Ivo Marsh", sieve: "cue-that-clause" }],
    ["'that,' after an adverbial, before a partial quote", "Spokeswoman Ann Lee said via email that, “Of course we will defend ourselves” in court.",
      { text: "“Of course we will defend ourselves” in court", kind: "mixed", canonical: "Ann Lee" }],
    ["'has long said that'", "Nora Bell has long said that the bridge is unsafe.",
      { text: "the bridge is unsafe", canonical: "Nora Bell", sieve: "cue-that-clause" }],
    ["'said about' a number opens a clause", "Ivo Marsh has said about 20 people applied for the post.",
      { text: "about 20 people applied", canonical: "Ivo Marsh" }],
    ["a parenthetical cue with 'then' after it", "The truth, the senator said then, was that the deal had collapsed.",
      { text: "The truth, the senator said then, was that", sieve: "parenthetical-cue" }],
    ["a parenthetical cue with an adverb before it", "Climate change, Ann Lee often says, is the greatest threat we face.",
      { text: "Climate change, Ann Lee often says", canonical: "Ann Lee", sieve: "parenthetical-cue" }],
    ["a parenthetical tell with its hearer", "The difference now, he told me on Friday, is that he reads the news.",
      { text: "The difference now, he told me on Friday", sieve: "parenthetical-cue" }],
    ["a place with commas between the cue and 'that'", "Nora Bell says at a stop in Dayton, Ohio, that the plant will stay open.",
      { text: "the plant will stay open", canonical: "Nora Bell", sieve: "cue-that-clause" }],
    ["'advisers to X' speak; X does not", "In recent days, advisers to Mayor Jon Pike say, the mayor has grown tired of the council.",
      { text: "In recent days, advisers to Mayor Jon Pike say", speaker: "advisers to Mayor Jon Pike", canonical: "advisers to Mayor Jon Pike" }],
    ["a report inside an opening subordinate clause ends at its comma", "While one firm says there are 2,100 such accounts, the bank counts far fewer.",
      { text: "there are 2,100 such accounts", speaker: "one firm" }],
    ["asked X whether Y", "Ruth Adler asked the minister whether the plant would stay open.",
      { text: "whether the plant would stay open", canonical: "Ruth Adler", sieve: "cue-object" }],
    ["urged X to Y", "Rosa Vidal urged voters to turn out early.",
      { text: "voters to turn out early", canonical: "Rosa Vidal", sieve: "cue-object" }],
    ["vowed to Y", "Coach Dan Ortiz vowed to rebuild the squad before the autumn.",
      { text: "to rebuild the squad", canonical: "Dan Ortiz", sieve: "cue-object" }],
    ["a partial quote before a trailing cue is a mixed clause", "He left early. The new rules ''make no sense at all,'' Hana Ito said.",
      { text: "The new rules ''make no sense at all,''", kind: "mixed", canonical: "Hana Ito", sieve: "clause-then-cue" }],
    ["a plain phrase after the comma", "He left early. Exports to the region will fall by half, one study says.",
      { text: "Exports to the region will fall by half", speaker: "one study", sieve: "clause-then-cue" }],
    ["a semicolon ends the reported clause", "Officials said the road was safe; engineers disagreed with them.",
      { text: "the road was safe", sieve: "cue-clause" }],
    ["a second coordinated cue ends the first clause", "Nora Bell said the rent was too high, and added that she would move.",
      { text: "the rent was too high", canonical: "Nora Bell" }],
    ["a progressive cue", "Mayor Jon Pike is telling residents that the water is safe to drink.",
      { text: "the water is safe to drink", canonical: "Jon Pike" }],
    ["a participle after a preposition", "Ruth Adler ended the debate by saying the council had run out of money.",
      { text: "the council had run out of money", canonical: "Ruth Adler", sieve: "participle" }],
    ["a participle after a quote takes the quote's speaker", "“We are not done,” Tomas Berg said, adding that the strike would go on.",
      { text: "the strike would go on", canonical: "Tomas Berg", sieve: "participle" }],
    ["a hedge with a source named just before records that source", "Talks began. According to the Harbour News Agency (HNA), the envoy handed over a letter. The king reportedly “welcomed the visit and had a friendly talk with them.”",
      { text: "welcomed the visit", kind: "mixed", canonical: "Harbour News Agency", sieve: "hedge-source" }],
    ["maintained that stays a report (decision 027)", "Tom Reyes maintained that the toll was fair to drivers.",
      { text: "the toll was fair to drivers", canonical: "Tom Reyes" }],
    ["an inverted speaker after a speech verb stays (decision 027)", "The ferry will run all winter, argued Ann Ruiz, the harbour master.",
      { text: "The ferry will run all winter", canonical: "Ann Ruiz", sieve: "clause-then-cue" }],
    ["claimed that a victory … stays a report (decision 027)", "Tom Reyes claimed that the victory was stolen from his party.",
      { text: "the victory was stolen from his party", canonical: "Tom Reyes" }],
    ["maintains with a plain clause stays a report (decision 027)", "But the ministry maintains the fees will stay in place until May.",
      { text: "the fees will stay in place until May", sieve: "cue-clause" }],
    ["noted with a plain clause", "Ivan Petrov noted they had already paid the fine.",
      { text: "they had already paid the fine", canonical: "Ivan Petrov" }],
    ["a subject pronoun after a leading adverbial", "In September she said the plan was a mistake.",
      { text: "the plan was a mistake", speaker: "she" }],
    ["a short plain subject after ', and' ends the first clause", "Six in ten voters said the mayor is honest, and three-quarters said the same of his rival.",
      { text: "the mayor is honest", speaker: "Six in ten voters" }],
    ["a short plain subject after ', and' is the second speaker", "Six in ten voters said the mayor is honest, and three-quarters said the same of his rival.",
      { text: "the same of his rival", speaker: "three-quarters" }],
    ["leading adverbials before a role and name pair", "On Wednesday, however, the director of the agency, Ivo Marsh, said that the files were lost.",
      { text: "the files were lost", speaker: "Ivo Marsh" }],
    ["a day before a role and name pair is not the speaker", "On Wednesday, the director, Ivo Marsh, said that the files were lost.",
      { text: "the files were lost", speaker: "Ivo Marsh" }],
    ["a name with a run of appositives", "Ann Lee, 59, of Leeds, Kent, who watched the match, said the ground was too small.",
      { text: "the ground was too small", canonical: "Ann Lee" }],
    ["a clause after the cue is not an inverted speaker", "Ann Lee, 59, of Leeds, who watched, said the game brought back memories.",
      { text: "the game brought back memories", speaker: "Ann Lee" }],
    ["a name, an age and a role before the cue", "Ann Lee, 59, a nurse from Leeds, said the ward was full.",
      { text: "the ward was full", canonical: "Ann Lee" }],
    ["a place inside the appositives is not the speaker", "Ann Lee, 59, of Leeds, Kent, who watched the match, said the ground was too small.",
      { text: "the ground was too small", speaker: "Ann Lee" }],
    ["a participle opener is not the speaker", "Alarmed by the unrest in the north, Senator Ada Quinn, the party leader, said that the army should stay.",
      { text: "the army should stay", canonical: "Ada Quinn" }],
    ["a plain subject after a dash", "The plan is popular - 60 percent of voters said the mayor would win again.",
      { text: "the mayor would win again", speaker: "60 percent of voters" }],
    ["an aside between dashes is not the subject", "Ivo Marsh — a teacher from Pine Hill — says he voted for the mayor.",
      { text: "he voted for the mayor", speaker: "Ivo Marsh" }],
    ["an infinitive cue speaks for the sentence's subject", "Mayor Jon Pike took to the radio on Monday to accuse the council of hiding costs.",
      { text: "the council of hiding costs", canonical: "Jon Pike" }],
    ["'that' before a modal is the reported clause's subject", "Nora Bell said that would cost the city dearly.",
      { text: "that would cost the city dearly", canonical: "Nora Bell" }],
    ["a pronoun inside a group's report stays in the report", "Many party officials say they expect the union to back the plan.",
      { text: "they expect the union", speaker: "party officials" }],
    // reading the cue and its speaker (issue 12)
    ["an appositive without a determiner", "“Prices will rise,” Jane Doe, senior economist at Northfield Bank, said in a note.",
      { text: "Prices will rise", speaker: "Jane Doe", canonical: "Jane Doe", sieve: "trailing-cue" }],
    ["a lowercase role before an inverted name", "“We hit every target this quarter,” said regional sales manager Tom Reyes.",
      { text: "We hit every target", canonical: "Tom Reyes", sieve: "trailing-cue" }],
    ["a place and a role before an inverted name", "“Nobody reads my strips anymore,” says Ohio cartoonist Tom Reyes.",
      { text: "Nobody reads my strips", canonical: "Tom Reyes" }],
    ["according to after a quote", "Ann Ruiz spoke to the board.\n“We are not done yet,” according to Ruiz.",
      { text: "We are not done yet", canonical: "Ann Ruiz", sieve: "trailing-cue" }],
    ["a manner-of-speaking cue beside a quote", "“Get out of my office,” Tom Reyes snapped.",
      { text: "Get out of my office", canonical: "Tom Reyes", sieve: "trailing-cue" }],
    ["a person with their body", "Tom Reyes with the Harbor Authority says the port will reopen next week.",
      { text: "the port will reopen", canonical: "Tom Reyes" }],
    ["a person of their body", "Jane Doe of the Northfield Bank said rates would rise again.",
      { text: "rates would rise", canonical: "Jane Doe" }],
    ["calls read as a verb by the tagger", "Tom Reyes calls the proposal a disaster for the town.",
      { text: "the proposal a disaster", canonical: "Tom Reyes", sieve: "cue-object" }],
    ["a noun-or-verb cue right after a quote and its speaker", "“Look at the record,” Ann Ruiz notes.",
      { text: "Look at the record", canonical: "Ann Ruiz", sieve: "trailing-cue" }],
    ["a leading cue with a hearer holding a number", "In Leeds, Ann Ruiz wrote to her 20,000 followers, “It is time to go.”",
      { text: "It is time to go", canonical: "Ann Ruiz", sieve: "leading-cue" }],
    ["a participle cue with a hearer", "Tom Reyes took a risk, telling the crowd, “I am one of you, folks.”",
      { text: "I am one of you", canonical: "Tom Reyes", sieve: "leading-cue" }],
    // negative rows: the body itself speaks, and a verb after the appositive is no role
    ["a plural head before 'at' is no person's name", "Officials at the Harbor Authority said the port would reopen soon.",
      { text: "the port would reopen", canonical: "Harbor Authority" }],
    ["a title before 'of' stays a title", "Secretary of State Ann Ruiz said the talks would resume in May.",
      { text: "the talks would resume", canonical: "Ann Ruiz" }],
    // decision 013: negative rows of verbs of mind and withheld reports
    ["a belief said through a speech verb stays a statement", "Nora Bell said she doubted voters would care about the fee.",
      { text: "she doubted voters would care", canonical: "Nora Bell" }],
    ["a negated report with a clause stays", "Tom Reyes did not say the plan had failed, only that it was late.",
      { text: "the plan had failed", canonical: "Tom Reyes" }],
    ["said whether without a negation stays", "Asked about the seat, Tom Reyes said whether he ran would depend on his family.",
      { text: "whether he ran would depend", canonical: "Tom Reyes" }],
  ];
  for (const [name, article, want] of cases) it(name, () => check(article, want));
});

describe("a pronoun's reminder inside a named subject's report", () => {
  const text = "Mayor Tom Reyes spoke first. Asked about his past criticisms of Reyes, Governor Dan Ortiz said that was a natural part of running against him — no different, he said, from any other race.";
  it("'X said that … — no different, he said, from …' is one statement of X, not a second one of the last speaker", () => {
    const qs = extract(text).quotes.filter((q) => q.start > text.indexOf("Asked"));
    assert.deepEqual(qs.map((q) => q.speaker_canonical), ["Dan Ortiz"]);
  });
  it("negative: after a subject of the other gender the pronoun's attribution stays a statement of its own", () => {
    const t = "Dan Ortiz spoke first. Ann Lee said the plan was sound, and in the end, he said, the council would pay for the repairs.";
    const sieves = extract(t).quotes.map((q) => q.sieve);
    assert.ok(sieves.includes("parenthetical-cue"), JSON.stringify(sieves));
  });
});

describe("not statements", () => {
  const cases: [string, string][] = [
    ["scare quotes", "The two leaders held “meaningful” talks in the port city."],
    ["a title of a work", "She starred in “The Long Night” last year."],
    ["a nickname", "The striker, known as “the Hammer”, scored twice."],
    ["a cue used as a noun", "The said agreement was never signed by anyone."],
    ["no clause after the cue", "He said so."],
    ["an object noun phrase is not a reported clause", "The reporter explains the significance of the summit."],
    ["a verb that doubles as a noun", "The official state media covered the parade at length."],
    ["a phone call is no cue", "A phone call for help came in at noon."],
    ["calls as a noun before a quote", "Dozens of calls “from nowhere” came in overnight."],
    ["said no alone is no clause", "Asked whether he would run, Ivo Marsh said no."],
    ["a passive addressee is no speaker", "The ministry was told that the bridge would close in March."],
    ["an -ed cue after a determiner is an adjective", "The alleged payment was never found by the auditors."],
    ["called someone on the phone", "Ines Vogel called her brother at home."],
    ["a clause opening with a verb is no report", "Everything the mayor says is checked twice."],
    ["a time clause after the cue is no report", "Nora Bell said nothing as she entered the hall."],
    ["a clause before the cue is no subject", "To see the bill fail was painful, said nobody."],
    ["according to plan is manner, not a source", "The long-awaited vote on the new bill went exactly according to plan."],
    ["called X a time is no report", "He called his brother a day later from the airport."],
    ["a thing called a name is no report", "They organised a party called Anti-Prom at a former factory."],
    ["an infinitive cue without a subject", "There's no way to tell what the budget holds."],
    ["'it' after the cue is its object", "He said it over and over during the long meeting."],
    ["a plural noun after a quantifier is no cue", "Many states that border the lake have banned fishing."],
    ["a passive 'first reported by' after a clause is no attribution", "The fund started buying ads in May, as first reported by the Harbour Times on Tuesday."],
    ["'had nothing to say' is no statement", "The port reopened. The mayor had nothing to say about the strike."],
    ["a hedge with no source near is a claim, not a statement", "The river rose. Nothing was said for days. The mayor reportedly left town that night."],
    // verbs of mind and withheld reports (decision 013)
    ["a verb of mind is no statement", "Tom Reyes thinks the plan will fail before the winter."],
    ["believes is no statement", "Ann Ruiz believes the council made a mistake in March."],
    ["a group's expectation is no statement", "Many traders expect the bank to raise rates again in June."],
    ["hopes that is no statement", "The club hopes that the new stand will open by August."],
    ["fears is no statement", "Ines Vogel fears the river will flood the lower town again."],
    ["did not say whether", "Tom Reyes did not say whether he would run for the seat again."],
    ["hasn't said who", "The mayor hasn't said who will lead the inquiry into the fire."],
    ["wouldn’t say, a weekday, then how (session 16)", "Tom Reyes wouldn’t say Tuesday how the party would act on the port."],
    ["a question after a colon has no subject phrase (session 16)", "However, the question here is: Does the council have no choice but to agree to the plan?"],
    ["haven't said much about how (session 16)", "The nominee and his aides haven't said much about how he is preparing for the debate."],
    ["did not say on Friday whether (session 16)", "Ann Ruiz did not say on Friday whether she would run for the seat again."],
    ["declined to say", "Ann Ruiz declined to say how much the harbour deal was worth."],
    ["refused to confirm", "The ministry refused to confirm that the talks had collapsed overnight."],
    ["would not comment on", "A spokesman would not comment on the talks with the union."],
    ["a manner verb as a noun is no cue", "The snap election gave the party a sigh of relief and a boost."],
    ["snapped up is no report", "Tom Reyes snapped up the shares before the market opened."],
    ["notes after a quote and a determiner stays a noun", "He read “The Long Night” and the notes were lost."],
    // decision 027
    ["claiming a win is no report", "Ann Ruiz won the northern ward, claiming her third victory in the string of contests this month."],
    ["claimed a share of the vote is no report", "Tom Reyes took the seat, claiming 41 percent of the vote to his rival's 33 percent."],
    ["a crash that claimed lives is no report", "The storm that hit the harbour claimed three lives and sank two boats."],
    ["what follows an object-taking cue is its object, not an inverted speaker", "Tom Reyes, who has run the ferry for years, posted the timetable online on Friday."],
    ["an object after a comma and a cue is no speaker", "The council met at noon, and the harbour master, a careful man, described a day at sea with the crew."],
    ["a plural noun before a relative 'that' is no cue", "Voters went to the polls in the coastal states that have lost the most jobs."],
    ["maintained a lead is no report", "Ann Ruiz maintained a wide lead over Tom Reyes in the northern wards."],
    ["maintains a schedule is no report", "The harbour master still maintains a busy schedule of visits and travels with the crew."],
    // decision 024: a past form between a number and a plural noun is an adjective
    ["a number, a past form and a plural noun", "The mayor has won 412 pledged delegates so far this spring."],
    ["a number word, a past form and a plural noun", "The clinic saw two reported cases of the flu in May."],
    // decision 035: after a preposition too
    ["a preposition, a past form and a plural noun", "Ruiz leads Reyes 1,428 to 1,153 in pledged delegates, and 516 to 39 among superdelegates."],
    ["a capitalised cue word inside a name", "The Harbour Post that covered the story was sued in May."],
  ];
  for (const [name, article] of cases) {
    it(name, () => assert.deepEqual(extract(article).quotes.map((q) => q.text), []));
  }
});

describe("a title with no speaker is no statement (decision 027)", () => {
  const cases: [string, string, string[]][] = [
    ["a book title in a sentence", "The mayor, who wrote “A Time for Truth,” opened the bridge.", []],
    ["a show title after a colon", "The band’s last song before the vote: “Harbour Nights Live.”", []],
    ["a title beside a statement takes no speaker from it", "Ann Ruiz said the ferry would run all winter. Her book, “Harbour Lights: A Life at Sea,” came out in May.", ["the ferry would run all winter."]],
    // negative rows: a title that someone says stays; so does an unattributed sentence
    ["a title said by someone stays", "“Keep The Ferry Running,” Ann Ruiz said.", ["Keep The Ferry Running,"]],
    ["an unattributed sentence stays", "The crowd chanted for hours.\n“This is not the end of the road for anyone here.”", ["This is not the end of the road for anyone here."]],
  ];
  for (const [name, article, want] of cases) {
    it(name, () => assert.deepEqual(extract(article).quotes.map((q) => q.text), want));
  }
});

describe("link lines and photo captions are not article text (decision 013)", () => {
  const cases: [string, string, string[]][] = [
    ["READ MORE link line", "The bridge closed on Monday.\nREAD MORE: Mayor says the bridge will reopen in June\nWork starts next week.", []],
    ["WATCH link line in capitals, even as a sentence", "WATCH: The mayor said the bridge would reopen in June.\nThe bridge closed on Monday.", []],
    ["Related link line", "Related: Council says tolls will rise next year\nThe bridge closed on Monday.", []],
    ["Read more with a dash", "Read more - Harbour chief says ferries will run all winter\nThe port closed.", []],
    ["a caption with a photo credit", "The mayor opened the bridge and said it was safe. (Jo Smith/Harbour News)", []],
    ["a caption with a photo label", "Photo: Tom Reyes said the bridge was safe for all traffic.", []],
    ["a credit in brackets", "Ann Ruiz said the stand would open in August. (Photo: Jo Smith)", []],
    // decision 027: the outlet's notes and digest items linking another story
    ["an editor's note", "The ferry sailed on time.\nEditor’s note: Tom Reyes, who said the ferry was unsafe, is a board member of the rival line.", []],
    ["a correction", "Correction: An earlier version of this story said the toll would rise in May.\nThe bridge reopened.", []],
    ["a digest item with its excerpt", "NOW OPEN—“Ferry returns to the harbour after ten years,” by the Courier’s Jo Smith: “The ferry that Ann Ruiz said would never sail again left the quay on Monday.”", []],
    ["a digest item after a dash", "—“Harbour pool to close for the winter,” by the Courier’s Jo Smith: “The pool that Tom Reyes said was safe will close.”", []],
    ["a digest item without a label", "“Council votes to close the old pier,” by Tom Reyes: “The council said the pier would close in May.”", []],
    // negative rows: article text that only looks like a label or credit
    ["Watch: before a real sentence stays", "Watch: the mayor said the bridge will reopen. The council said it would vote on Tuesday.",
      ["the bridge will reopen.", "it would vote on Tuesday."]],
    ["a label word without its colon stays", "Correction of the figures took a week, Tom Reyes said.", ["Correction of the figures took a week"]],
    ["a quoted phrase before a plain 'by' stays", "“We are shocked” by the closure, Ann Ruiz said.", ["“We are shocked” by the closure"]],
    ["an editor quoted in the text stays", "The editor’s notes were lost, Jo Smith said on Monday.", ["The editor’s notes were lost"]],
    ["watch inside a sentence stays", "Residents should watch closely, the mayor said on Monday.", ["Residents should watch closely"]],
    ["a slash in lowercase brackets is no credit", "Tom Reyes said the fee (and/or the toll) would rise in May.", ["the fee (and/or the toll) would rise in May."]],
    ["a long paragraph is never a caption", "Photo: " + "the council met again for hours over the budget, ".repeat(9) + "and Tom Reyes said the plan would fail.",
      ["the plan would fail."]],
  ];
  for (const [name, article, want] of cases) {
    it(name, () => assert.deepEqual(extract(article).quotes.map((q) => q.text), want));
  }
});

describe("a time after the cue is not the reported clause", () => {
  const cases: [string, string, string[]][] = [
    ["a weekday and a part of the day", "Officials said on Wednesday night the harbour would reopen in May.", ["the harbour would reopen in May."]],
    ["a part of the day, then that", "Officials said on Friday morning that the harbour would reopen.", ["the harbour would reopen."]],
    ["late on a weekday night", "Officials said late on Tuesday night the port was closed for good.", ["the port was closed for good."]],
    ["a weekday alone", "Officials said on Wednesday the harbour would reopen in May.", ["the harbour would reopen in May."]],
    // negative row: "night" that begins the clause's subject is kept
    ["a clause about the night", "Officials said night ferries would stop in May.", ["night ferries would stop in May."]],
  ];
  for (const [name, article, want] of cases) {
    it(name, () => assert.deepEqual(extract(article).quotes.map((q) => q.text), want));
  }
});

describe("a colon after the cue's object introduces the quote", () => {
  // the statement starts at the opening quote mark, not at the hearer's or the adverbial's last words
  const cases: [string, string, string[]][] = [
    ["a participle and its hearer", "The mayor defended the plan, telling a radio station: “We will not back down.”", ["“We will not back down.”"]],
    ["a named hearer with a programme", "Ann Ruiz told the Harbour Radio breakfast programme: “The ferry will sail on Monday.”", ["“The ferry will sail on Monday.”"]],
    ["a plural hearer and straight quotes", "The ferry stays. Ann Ruiz told fellow councillors: \"I will not sell the pier.\"", ["\"I will not sell the pier.\""]],
    ["an adverbial with a possessive", "A spokesman for the Harbour Board said after Thursday's quay meeting: “The pier will reopen in June.”", ["“The pier will reopen in June.”"]],
    ["a pronoun object and a determiner", "Ann Ruiz explained it this morning on the quay: “The pier is old and the ferry is new.”", ["“The pier is old and the ferry is new.”"]],
    // negative rows: the words before the colon are content, or no quoted sentence follows it
    ["a partial quote mid-sentence stays in its clause", "Ann Ruiz said the plan was “not going anywhere” and would stay.", ["the plan was “not going anywhere” and would stay."]],
    ["a clause before the colon", "Ann Ruiz said the club was sad to see him go: “We will miss him.”", ["the club was sad to see him go: “We will miss him.”"]],
    ["a cue whose object is what it reports", "Ann Ruiz promised a new pier: “It will open in May.”", ["a new pier: “It will open in May.”"]],
    ["a fragment, not a sentence, after the colon", "Ann Ruiz said there were two kinds of ferry: “the fast and the slow.”", ["there were two kinds of ferry: “the fast and the slow.”"]],
    ["a participle phrase before the colon", "Ann Ruiz recalled taking the ferry as a child: “It was cheaper then.”", ["taking the ferry as a child: “It was cheaper then.”"]],
  ];
  for (const [name, article, want] of cases) {
    it(name, () => {
      const { quotes } = extract(article);
      assert.deepEqual(quotes.map((q) => q.text), want);
      for (const q of quotes) assert.equal(article.slice(q.start, q.end), q.text, "offsets match the text");
    });
  }
});

describe("cue and speaker reading (decision 024)", () => {
  const cases: [string, string, Want][] = [
    // a description whose head is in no lexicon, right before or after its cue
    ["a document before its cue after a quote", "The plan failed. “We stand with the town,” the statement said.",
      { text: "We stand with the town", speaker: "the statement", sieve: "trailing-cue" }],
    ["an unlisted person noun before its cue", "“The town is safe,” the man said.", { text: "The town is safe", speaker: "the man" }],
    ["one user wrote", "“The show was a mess,” one user wrote.", { text: "The show was a mess", speaker: "one user" }],
    ["a description after an inverted cue, then a relative", "“I was scared that night,” said the woman, who asked not to be named.",
      { text: "I was scared", speaker: "the woman" }],
    ["a description opening the sentence before a leading cue", "The ad says “the bridge must be rebuilt before winter.”",
      { text: "the bridge must be rebuilt", speaker: "The ad", sieve: "leading-cue" }],
    // a leading cue: an appositive between the subject and its cue, adverbials before the subject,
    // a hearer and a time after the cue, a participle after the subject's own clause
    ["an appositive between subject and leading cue", "Ann Ruiz, the former harbour master, said: “The harbour will reopen.”",
      { text: "The harbour will reopen", speaker: "Ann Ruiz", sieve: "leading-cue" }],
    ["a bare role appositive, then 'in a statement'", "Ann Ruiz, communications director for the Reyes campaign, said in a statement: “The harbour will reopen.”",
      { text: "The harbour will reopen", speaker: "Ann Ruiz" }],
    ["a name in the appositive speaks", "The mayor's aide, Ann Ruiz, said in a statement: “The harbour will reopen.”",
      { text: "The harbour will reopen", speaker: "Ann Ruiz" }],
    ["a participle appositive", "Ann Ruiz, speaking to reporters on Tuesday, said of the plan: “The harbour will reopen.”",
      { text: "The harbour will reopen", speaker: "Ann Ruiz" }],
    ["a participle after an adverbial and the subject's clause", "At the debate, Ann Ruiz praised the new quay, saying, “The harbour will reopen.”",
      { text: "The harbour will reopen", speaker: "Ann Ruiz", sieve: "leading-cue" }],
    ["a participle after a description's clause", "The mayor closed the port, saying, “The harbour will reopen.”",
      { text: "The harbour will reopen", speaker: "The mayor" }],
    ["a named hearer after the cue", "Ann Ruiz told the Harbour Times, “The harbour will reopen.”", { text: "The harbour will reopen", speaker: "Ann Ruiz" }],
    ["a hearer with adjectives after a leading cue", "Ann Ruiz told the cheering young crowd: “We will win in May.”", { text: "We will win in May", speaker: "Ann Ruiz" }],
    ["is quoted as saying", "Tom Reyes is quoted as saying, “The harbour will reopen.”", { text: "The harbour will reopen", speaker: "Tom Reyes" }],
    ["was quoted as saying after the quote", "“The harbour will reopen,” Tom Reyes was quoted as saying.", { text: "The harbour will reopen", speaker: "Tom Reyes", sieve: "trailing-cue" }],
    ["quoted as saying needs the participle (negative row)", "“The harbour will reopen,” Tom Reyes was quoted as well.", { text: "The harbour will reopen", speaker: null }],
    ["a quote closed by a full stop takes no loose description after it", "“We are done.” The memo noted.", { text: "We are done", speaker: null }],
    ["the same quote closed by a comma does", "“We are done,” the memo noted.", { text: "We are done", speaker: "the memo" }],
    ["a coordination is no appositive", "Ann Ruiz, and then the mayor, said: “The harbour will reopen.”", { text: "The harbour will reopen", speaker: null }],
    // a trailing cue: more appositives between the name and its cue, a party tag with its full stop
    ["a capitalised possessive appositive", "“The harbour will reopen,” Tom Reyes, Mayor Ruiz's former chief of staff, said.",
      { text: "The harbour will reopen", speaker: "Tom Reyes", sieve: "trailing-cue" }],
    ["an apostrophe after a name not ending in s is no possessive", "“The harbour will reopen,” Tom Reyes, Ann Ruiz’ campaign manager, said.", { text: "The harbour will reopen", speaker: null }],
    ["a possessive in s’ after a name in s", "“The harbour will reopen,” Tom Reyes, Jo Bates’ campaign manager, said.", { text: "The harbour will reopen", speaker: "Tom Reyes" }],
    ["a party tag appositive", "“The harbour will reopen,” Senator Tom Reyes, Republican of Ohio, said.", { text: "The harbour will reopen", canonical: "Tom Reyes" }],
    ["an aside between commas", "“The harbour will reopen,” Reyes, after a moment, said of the plan.", { text: "The harbour will reopen", speaker: "Reyes" }],
    ["a long bare role appositive", "“The harbour will reopen,” Tom Reyes, director of the Harbour Trust at the Northfield Institute of Maritime Studies, said in an interview.",
      { text: "The harbour will reopen", speaker: "Tom Reyes" }],
    ["a bracketed party tag with its full stop, then the cue", "“The harbour will reopen,” Rep. Ann Ruiz (D-Ore.) said.",
      { text: "The harbour will reopen", speaker: "Rep. Ann Ruiz (D-Ore.)", canonical: "Ann Ruiz" }],
    ["the tag after an inverted cue", "“The harbour will reopen,” said Rep. Ann Ruiz (D-Ore.).", { text: "The harbour will reopen", canonical: "Ann Ruiz" }],
    ["a clause between commas is no appositive", "“The harbour will reopen,” Tom Reyes, and the mayor agreed, said.", { text: "The harbour will reopen", speaker: null }],
    // "according to" after a quote: a document and who wrote it
    ["according to a document from a person", "“The plan is dead,” according to a statement from harbour chief Tom Reyes.",
      { text: "The plan is dead", speaker: "harbour chief Tom Reyes", canonical: "Tom Reyes" }],
    ["according to a document filed by a person", "“It is over,” according to a motion filed by county prosecutor Jo Bloggs.",
      { text: "It is over", speaker: "county prosecutor Jo Bloggs" }],
    ["according to a document alone", "“It is over,” according to a memo.", { text: "It is over", speaker: "a memo" }],
    ["according to a document and a date is no author", "“It is over,” according to a motion filed Thursday.", { text: "It is over", speaker: null }],
    ["an adverb of frequency between the speaker and a trailing cue", "Tom Reyes spoke. “The ferry is always late,” he often says.",
      { text: "The ferry is always late", speaker: "he", canonical: "Tom Reyes", sieve: "trailing-cue" }],
    ["a participle after 'by'", "Tom Reyes began by saying, “I do not think the plan will work.”", { text: "I do not think", speaker: "Tom Reyes" }],
    ["a pronoun subject after a leading adverbial, then a participle", "Tom Reyes came in. After thanking the crowd, he raised his glass, saying, “I did not expect the prize.”",
      { text: "I did not expect", speaker: "he", canonical: "Tom Reyes" }],
    // a participle after "before" speaks for the subject since decision 031 (news writes "deflected
    // questions before saying, “…”" of words that were said); "without saying" says nothing
    ["a participle after 'before' speaks for the sentence's subject", "The mayor spoke. Tom Reyes left before saying, “I do not think the plan will work.”",
      { text: "I do not think", speaker: "Tom Reyes" }],
    ["a participle after 'without' keeps no subject (negative row)", "The mayor spoke. Tom Reyes left without saying, “I do not think the plan will work.”",
      { text: "I do not think", speaker: null }],
    ["a Title Case headline keeps its cue (negative row)", "Ruiz Says He Will Run Again\n\nThe mayor spoke on Monday.", { text: "He Will Run Again", speaker: "Ruiz" }],
    ["an outlet's name ending in a cue word before 'that'", "Ann Ruiz said in an interview with the Harbour Post that the quay would reopen.",
      { text: "the quay would reopen", speaker: "Ann Ruiz" }],
    ["a number as the subject of 'said' stays a cue (negative row)", "Of the 12 surveyed, 8 said the plan would fail.", { text: "the plan would fail", speaker: "8" }],
    // reported speech: a name with an appositive after an opening clause holding a figure's comma
    ["a clause and a figure before the named subject", "At Harbour Point, where a berth costs $5,000 a year, Jay Smith, the club's president, said that the fees would rise in spring.",
      { text: "the fees would rise", speaker: "Jay Smith" }],
    ["a name run with appositives still reads (negative row)", "Ann Lee, 59, of Leeds, Kent, who watched the match, said the referee was wrong.",
      { text: "the referee was wrong", canonical: "Ann Lee" }],
    // negative rows: no cue right after the description, or no determiner before it
    ["a description with no cue after it is no speaker", "“It is over,” the next day brought more rain.", { text: "It is over", speaker: null }],
    ["a preposition inside breaks the description", "“Vote now,” the posters in the windows said.", { text: "Vote now", speaker: null }],
    ["no determiner, no loose description", "“It is over,” rain said.", { text: "It is over", speaker: null }],
  ];
  for (const [name, article, want] of cases) it(name, () => check(article, want));
  // decision 024 stopped the cue from introducing the title; decision 027 then drops a speakerless
  // title altogether: either way it is never Tom Reyes's statement
  it("a title after 'in his memoir' is no statement of the cue's speaker", () => {
    const { quotes } = extract("Tom Reyes said in his 2011 memoir, “A Harbour Life.”");
    assert.deepEqual(quotes.filter((q) => q.text.startsWith("A Harbour Life") && q.speaker !== null), []);
  });
});

describe("who a mention names (decision 024)", () => {
  // [name, article, mention, canonical, kind]
  const cases: [string, string, string, string | null, string][] = [
    ["a person with the body they work for", "“We will appeal,” Tom Reyes with the Harbor Authority says.", "Tom Reyes", "Tom Reyes", "person"],
    ["a spokeswoman for a titled person is not that person", "“We will appeal,” a spokeswoman for Mayor Ann Ruiz said.",
      "a spokeswoman for Mayor Ann Ruiz", "spokeswoman for Mayor Ann Ruiz", "unknown"],
    ["a spokesman for a body speaks for the body", "“We will appeal,” a spokesman for the Harbor Authority said.",
      "a spokesman for the Harbor Authority", "Harbor Authority", "organisation"],
    ["a club's name ending in United is a body", "Northfield United said the coach had resigned.", "Northfield United", "Northfield United", "organisation"],
    ["a carmaker is a body", "Harbor Motors said the plant would close.", "Harbor Motors", "Harbor Motors", "organisation"],
    ["a determiner alone is someone unnamed", "One said the coach had resigned.", "One", null, "anonymous"],
    // negative rows: United not at the end, a person's name
    ["United first is no club", "United States officials said the talks would resume.", "United States officials", "United States officials", "organisation"],
    ["a person stays a person", "Ann Ruiz said the coach had resigned.", "Ann Ruiz", "Ann Ruiz", "person"],
    ["a newspaper's name after a word that is also a first name is media (session 16)", "The coach had resigned, the Harbor Sentinel reported.", "the Harbor Sentinel", "Harbor Sentinel", "media"],
    ["a surname that is also a newspaper's word after a first name is a person (session 16)", "The coach had resigned, Tom Star said.", "Tom Star", "Tom Star", "person"],
  ];
  for (const [name, article, mention, canonical, kind] of cases) {
    it(name, () => {
      const q = extract(article).quotes[0];
      assert.ok(q, "a statement");
      assert.deepEqual([q.speaker, q.speaker_canonical, q.speaker_kind], [mention, canonical, kind]);
    });
  }
});

describe("newsroom frames (decision 035)", () => {
  const cases: [string, string, Want][] = [
    // a role the mention grammar stops inside, then the name in apposition, then the cue
    ["a possessive role, the name, then the cue", "The port reopened. “We measured every crossing,” the company’s spokesman, Tom Reyes, said.",
      { text: "We measured every crossing", speaker: "Tom Reyes", sieve: "trailing-cue" }],
    ["a body's possessive role, the name, then told and a hearer", "The port reopened. “We measured every crossing,” Harbourline’s chief operating officer, Tom Reyes, told The Harbour Courier.",
      { text: "We measured every crossing", speaker: "Tom Reyes", sieve: "trailing-cue" }],
    ["a role of several words, the name, then the cue", "The port reopened. “We measured every crossing,” the chief operating officer, Tom Reyes, said.",
      { text: "We measured every crossing", speaker: "Tom Reyes" }],
    ["no role before the name is no appositive (negative row)", "The port reopened. “We measured every crossing,” the plan, Tom Reyes, said.",
      { text: "We measured every crossing", speaker: null }],
    // a statement put out, then a comma and the quote
    ["issued a statement, then the quote", "The port reopened. Immediately after the storm, Reyes issued a statement, “Last night, our harbour was hit hard.”",
      { text: "Last night, our harbour", speaker: "Reyes", sieve: "leading-cue" }],
    ["a speech given is no statement before a comma (negative row)", "The port reopened. Reyes gave a speech, “Last night, our harbour was hit hard.”",
      { text: "Last night, our harbour", speaker: null }],
    // a dateline before the subject of a participle's clause
    ["a dateline with a date and an agency", "The port reopened. PORTSMOUTH, Dec. 8 (UPI) — In response to the closure, Ann Ruiz rallied supporters, saying: “We have to be ready.”",
      { text: "We have to be ready", speaker: "Ann Ruiz" }],
    // the object of "to" is not a participle's subject; "with X yelling" is
    ["a message sent out to someone, then the participle", "The port reopened. Even before the vote, his campaign sent out a text message to supporters saying: “We won the harbour vote!”",
      { text: "We won the harbour vote", speaker: "his campaign" }],
    ["with X doing: X is the participle's subject (negative row)", "The port reopened. Tom Reyes spoke, with Ann Ruiz reportedly yelling: “Get out of here!”",
      { text: "Get out of here", speaker: "Ann Ruiz" }],
    ["said in an issue of a magazine, then a colon", "The port reopened. Mr. Reyes, who was travelling in Spain this week, said in a recent issue of Harbour magazine: “In order to change, you have to put jobs at risk.”",
      { text: "In order to change", speaker: "Mr. Reyes" }],
    // a participle continues the nearest clause; a leading participle phrase is no subject
    ["a participle after a coordinated clause speaks for its subject", "The port reopened. Dock workers say the rules are unfair, and the Harbour Workers Union has sued the city over them, saying they violate the contract.",
      { text: "they violate the contract", canonical: "Harbour Workers Union", sieve: "participle" }],
    ["a clause inside a quote is not the narrative's (negative row)", "Ann Ruiz spoke on Monday. “We lost the vote, and we were going to have a party,” she said, recalling that the city had won the race in May.",
      { text: "the city had won the race", speaker: "she", canonical: "Ann Ruiz" }],
    // an inverted cue, then a description the name grammar does not read, closed by a comma, a full
    // stop or a relative pronoun
    ["an inverted cue, a possessive role and a name", "The port reopened. “We have a path to victory,” added his campaign manager Tom Reyes, speaking to reporters.",
      { text: "We have a path", speaker: "his campaign manager Tom Reyes", canonical: "Tom Reyes" }],
    ["an inverted cue, a description with 'of' and a relative", "The port reopened. “It was unseemly,” said one of two witnesses who relayed the same story.",
      { text: "It was unseemly", speaker: "one of two witnesses" }],
    ["an inverted cue, a description with 'familiar with'", "The port reopened. “The energy will be substantial,” said one well-connected Democrat familiar with the campaign's organization, who requested anonymity.",
      { text: "The energy will be", speaker: "one well-connected Democrat familiar with the campaign's organization" }],
    ["an inverted cue and 'another' alone", "The port reopened. “Better watch out for the mayor,” tweeted another.", { text: "Better watch out", speaker: "another" }],
    ["an inverted cue, a description, then the name in apposition", "The port reopened. “It was his first attempt,” said his best friend at college, Bruce Turry, who joined later.",
      { text: "It was his first attempt", speaker: "Bruce Turry" }],
    ["'in a statement' closes the description", "The port reopened. “The site is censored,” said the group in a statement.", { text: "The site is censored", speaker: "the group" }],
    ["a verb inside is a clause going on, not a description (negative row)", "The port reopened. “We are done,” said the owners of the pier were wrong.",
      { text: "We are done", speaker: null }],
    // a description the mention grammar cuts short, going on to its cue
    ["a description's head past the word the mention read", "The port reopened. “The evidence contradicts her testimony,” the committee chairmen wrote.",
      { text: "The evidence contradicts", speaker: "the committee chairmen" }],
    ["a verb and its object are not the description's (negative row)", "The port reopened. “The cost savings are greater,” the newspaper quoted the executive as saying.",
      { text: "The cost savings are greater", speaker: null }],
    // numbers with thousands separators, sentence adverbs, and a poll's respondents
    ["the last digits of a number are no speaker (negative row)", "The port reopened. The Harbour Trust has deemed about 1,500 of those pages personal and says it will not release them.",
      { text: "it will not release", canonical: "Harbour Trust" }],
    ["a sentence adverb is no speaker", "The port reopened. Again, those surveyed said the mayor was best able to handle the issue.",
      { text: "the mayor was best able", speaker: "those surveyed" }],
    ["a leading participle phrase, then the subject of both verbs", "The port reopened. Walking to the next pier, Reyes reminisced about his days on the ferries, and said the crews had changed.",
      { text: "the crews had changed", speaker: "Reyes", sieve: "coordinated-subject" }],
  ];
  for (const [name, article, want] of cases) it(name, () => check(article, want));
});

describe("subjects with a quoted phrase, and hearers with a town (session 12)", () => {
  const cases: [string, string, Want][] = [
    ["a scare quote inside the subject's who-clause", "The port reopened. Humphrey, who calls Okafor a “sociopath,” said the effort works.",
      { text: "the effort works", speaker: "Humphrey", sieve: "cue-clause" }],
    ["a quote of its own before an inverted cue keeps its speaker (negative row)", "The port reopened. “Thanks, Leeds, for welcoming these families,” said Asab Tabchi, an engineer who settled there.",
      { text: "Thanks, Leeds", speaker: "Asab Tabchi", sieve: "trailing-cue" }],
    ["'As X explained,' opening the sentence: the rest is what was said", "The port reopened. As press secretary Tom Reyes explained, three taxes were postponed in the deal.",
      { text: "three taxes were postponed", speaker: "press secretary Tom Reyes", canonical: "Tom Reyes", sieve: "parenthetical-cue" }],
    ["'As X told reporters on Friday,' with a hearer and a time", "The port reopened. As the mayor told reporters on Friday, the ferry will run late.",
      { text: "the ferry will run late", speaker: "the mayor" }],
    ["'As the paper noted,' with a plain description", "The port reopened. As the paper noted, it is surprising because Reyes has not always had good things to say.",
      { text: "it is surprising", speaker: "the paper" }],
    ["a figure closing a description names no one ('another study from 2011')", "The port reopened. As another harbour study from 2011 noted, the average age of residents was 18.",
      { text: "the average age", speaker: "another harbour study from 2011", canonical: "another harbour study from 2011" }],
    ["a plain plural between commas mid-sentence", "The port reopened. In some ways, the brothers noted, Reyes might appreciate their performance.",
      { text: "In some ways, the brothers noted, Reyes", speaker: "the brothers", sieve: "parenthetical-cue" }],
    ["'As expected,' is no attribution (negative row)", "The port reopened. As expected, Reyes said the plan was dropped.",
      { text: "the plan was dropped", speaker: "Reyes", sieve: "cue-clause" }],
    ["an unnamed source and its who-clause before a leading cue", "The port reopened. A Ruiz adviser, who spoke on the condition of anonymity, said, “She takes the threat very seriously.”",
      { text: "She takes the threat", speaker: "A Ruiz adviser", sieve: "leading-cue" }],
    ["a sentence-opening inverted cue, the name and a who-clause, then the quote", "The port reopened. Said Dorothy Okafor, who grew up in the neighborhood, “We were all so proud of him.”",
      { text: "We were all so proud", speaker: "Dorothy Okafor", sieve: "leading-cue" }],
    ["a spokesman for a person with a first name is the spokesman", "The port reopened. A spokesman for Tom Ruiz quipped: “I guess Christmas Eve was booked.”",
      { text: "I guess Christmas Eve", speaker: "A spokesman for Tom Ruiz", canonical: "spokesman for Tom Ruiz" }],
    ["a spokeswoman for a body named like a person stays the body's (negative row)", "The port reopened. A spokeswoman for Harbourline quipped: “I guess Christmas Eve was booked.”",
      { text: "I guess Christmas Eve", canonical: "Harbourline" }],
    ["the subject of a relative clause after 'in which'", "The port reopened. She faces an electorate in which 67 percent of voters say she is not honest.",
      { text: "she is not honest", speaker: "67 percent of voters", sieve: "cue-clause" }],
    ["the subject of a relative clause after 'where'", "The port reopened. She faces an electorate where voters say she is not honest.",
      { text: "she is not honest", speaker: "voters" }],
    ["an outlet and its town as the hearer, then the report", "The port reopened. Republican Ann Whitman, the former governor, told The Star-Ledger of Newark last week she would rather vote for Ruiz.",
      { text: "she would rather vote", speaker: "Republican Ann Whitman", canonical: "Ann Whitman" }],
  ];
  for (const [name, article, want] of cases) it(name, () => check(article, want));
  it("a name and its who-clause before the cue are no clause the cue closes by inversion", () => {
    const { quotes } = extract("The port reopened. Humphrey, who calls Okafor a “sociopath,” said the effort works.");
    assert.deepEqual(quotes.filter((q) => q.text.startsWith("Humphrey")).map((q) => q.text), []);
  });
  it("a bare plural between commas is no parenthetical attribution (negative row)", () => {
    const { quotes } = extract("The port reopened. In some ways, brothers noted, Reyes might appreciate their performance.");
    assert.deepEqual(quotes.filter((q) => q.sieve === "parenthetical-cue").map((q) => q.text), []);
  });
  it("a quote's own commas before an inverted cue make no subject for what follows the cue (negative row)", () => {
    const { quotes } = extract("The port reopened. “Thanks, Leeds, for welcoming these families,” said Asab Tabchi, an engineer who settled there.");
    assert.deepEqual(quotes.map((q) => q.text), ["Thanks, Leeds, for welcoming these families,"]);
  });
});

describe("roles tied to named people: appositive names, owners' possessives, a name given later (session 13)", () => {
  const cases: [string, string, Want][] = [
    ["a description then a full name in apposition after an inverted cue", "The port reopened. “We will not stop,” said the company’s chief executive, John J. Okafor, in a statement.",
      { text: "We will not stop", speaker: "the company’s chief executive, John J. Okafor", canonical: "John J. Okafor" }],
    ["a name's possessive role then the full name", "The port reopened. “It is over,” said Ruiz’s deputy campaign manager, Rich Beeson, who ran the effort.",
      { text: "It is over", canonical: "Rich Beeson" }],
    ["a spokesman for a body then the spokesman's name", "The port reopened. “Nothing changed,” said a former spokesman for the Foreign Ministry, Oleg Okafor.",
      { text: "Nothing changed", canonical: "Oleg Okafor" }],
    ["a list after the description is no apposition (negative row)", "The port reopened. “Nothing changed,” said a former spokesman, Oleg Okafor and Tom Reyes.",
      { text: "Nothing changed", speaker: "a former spokesman" }],
    ["a lone surname after the description is no full name (negative row)", "The port reopened. “Nothing changed,” said the chief executive, Okafor.",
      { text: "Nothing changed", speaker: "the chief executive" }],
    ["a body's possessive keeps its role whole", "The port reopened. The company's spokesman said the project was on time.",
      { text: "the project was on time", speaker: "The company's spokesman" }],
    ["a lowercase possessive that is no body or role owns nothing (negative row)", "The port reopened. The year's spokesman said the project was on time.",
      { text: "the project was on time", speaker: "spokesman" }],
    ["the owner's role read back to the person introduced with it", "Jens Okafor, the alliance's secretary general, visited Kyiv on Monday. The alliance's secretary general said more aid was coming.",
      { text: "more aid was coming", canonical: "Jens Okafor" }],
    ["a role without a determiner in apposition introduces the person", "Tom Reyes, chief executive of the Harbor Authority, opened the terminal. “It is on time,” the authority's chief executive said.",
      { text: "It is on time", canonical: "Tom Reyes" }],
    ["a possessive role before the name introduces the person", "The company's chief executive, Ann Ruiz, spoke first. Later, the chief executive said profits had doubled.",
      { text: "profits had doubled", canonical: "Ann Ruiz" }],
    ["an owned role whose holder the article names later with the owner and the role", "NATO's secretary general, meanwhile, called on the regime to abandon its weapons. “The test is a clear breach,” NATO Secretary General Jens Okafor said.",
      { text: "the regime to abandon", canonical: "Jens Okafor" }],
    ["a person the description's own sentence names is not its holder (negative row)", "The port reopened. An NBC reporter later asked Tom Reyes if the plan was fair. “You tell me,” he said.",
      { text: "You tell me", canonical: "Tom Reyes" }],
    ["an office with a lowercase 'of' is the role ('the former secretary of state')", "Former Secretary of State Ann Ruiz spoke on Sunday. Tom Reyes spoke too. The former secretary of state said the country needed a stronger air campaign.",
      { text: "the country needed", canonical: "Ann Ruiz" }],
    ["an office with 'of' in apposition introduces the person", "Ann Ruiz, the director of national intelligence, spoke on Sunday. Tom Reyes spoke too. The director of national intelligence said the threat was growing.",
      { text: "the threat was growing", canonical: "Ann Ruiz" }],
    ["an office nobody was introduced with stays a description (negative row)", "Ann Ruiz spoke on Sunday. Tom Reyes spoke too. The director of national intelligence said the threat was growing.",
      { text: "the threat was growing", canonical: "director of national intelligence" }],
    ["an owned document speaks for its owner ('The campaign’s statement')", "Okafor's campaign met on Monday. The campaign’s statement then declares “the matter is now concluded.”",
      { text: "the matter is now concluded", speaker: "The campaign", canonical: "Okafor campaign" }],
    ["a named owner's document", "Ann Ruiz resigned on Monday. Ruiz's statement said she had no regrets.",
      { text: "she had no regrets", speaker: "Ruiz", canonical: "Ann Ruiz" }],
    ["a body's tally after 'according to'", "The Harbour Foundation helped 31,000 schools, according to the foundation's tally.",
      { text: "The Harbour Foundation helped", speaker: "the foundation", canonical: "Harbour Foundation" }],
    ["a pronoun's document stays as written (negative row)", "Ann Ruiz resigned on Monday. Her statement said she had no regrets.",
      { text: "she had no regrets", speaker: "Her statement", canonical: "Ann Ruiz" }],
    ["a document without an owner stays a document (negative row)", "The port reopened. The report said the dam was unsafe.",
      { text: "the dam was unsafe", speaker: "The report" }],
    ["a party the description names rules out one introduced with another party", "The candidate holding the spotlight was Republican Tom Okafor, who took to the talk shows. Mr. Okafor took on Ann Ruiz on Sunday after the Democratic front-runner had said on Saturday that he was becoming a recruiter for the militants.",
      { text: "he was becoming a recruiter", canonical: "Ann Ruiz" }],
    ["a party and a role without a determiner read as a role of that party (kept: a party is no owner, but its role still resolves)", "Asked whether he was worried that Tom Okafor, the presumptive Republican presidential nominee, who has called the idea a hoax, could win, the envoy demurred.",
      { text: "the idea a hoax", canonical: "Tom Okafor" }],
    ["'a Democratic senator' is no named person (negative row)", "Tom Okafor, a Republican senator, spoke first. After a marathon of speeches, a Democratic senator said Republicans had agreed to hold votes.",
      { text: "Republicans had agreed", canonical: "Democratic senator" }],
    ["a possessive owner earlier in the sentence owns what 'his' does", "Donald Okafor owns the rink. Councilman Mark Levine said the city should act. The city may void the contracts. For Okafor’s part, his organization has argued that its contracts are protected.",
      { text: "its contracts are protected", canonical: "Donald Okafor" }],
    ["a noun in -ly before the cue is no adverb ('A Ruiz ally suggested')", "Best thing that happened to the party. A Ruiz ally suggested she would support the trade deal once in office.",
      { text: "she would support", speaker: "A Ruiz ally" }],
    ["a pronoun after 'when' in the main clause's sentence is its subject, not the last speaker", "Pat Ruiz ran in the primary. Virginia Gov. Terry Okafor said on Monday that the deal was good. During the primary campaign, Ruiz caught flak from both sides of the aisle when she said she could not support the deal.",
      { text: "she could not support", canonical: "Pat Ruiz" }],
    ["another person between the subject and the pronoun leaves it to the ranker (negative row)", "Tom Reyes spoke first. Ann Ruiz met Jo Okafor on Monday after she said the deal was dead.",
      { text: "the deal was dead", speaker: "she" }],
    ["'the survey' is the poll the article introduced, described in full", "A CNN/ORC poll released on Monday shows Okafor leading by five points. According to the survey, voters were unhappy with the economy.",
      { text: "voters were unhappy", speaker: "the survey", canonical: "CNN/ORC poll released on Monday" }],
    ["a study whose publisher the article names stays the publisher's (negative row)", "The Harbour Institute released a study on Monday. The study said rents had doubled.",
      { text: "rents had doubled", canonical: "Harbour Institute" }],
    ["a poll introduced without a name is not the one meant (negative row)", "A new poll shows Okafor leading by five points. According to the survey, voters were unhappy with the economy.",
      { text: "voters were unhappy", canonical: "survey" }],
    ["a title's modifier between the body and the title ('Senate Minority Whip')", "“We will keep pushing,” said Senate Minority Whip Dick Okafor.",
      { text: "We will keep pushing", canonical: "Dick Okafor" }],
    ["'House Speaker' before a name is a title", "“We will keep pushing,” said Former House Speaker Newt Okafor.",
      { text: "We will keep pushing", canonical: "Newt Okafor" }],
    ["'they' continues a capitalised group opening the sentence before", "The vote failed. Still, Democrats believe the pressure will grow. They say it is evident.",
      { text: "it is evident", speaker: "They", canonical: "Democrats" }],
    ["a singular subject there is no group for 'they' (negative row)", "The vote failed. Still, Reyes believes the pressure will grow. They say it is evident.",
      { text: "it is evident", speaker: "They", canonical: null }],
    ["a name after a participle in the subject is its object; the appositive name speaks", "The church is busy. One pastor supporting Mr. Reyes, Darran Okafor of Liberty Baptist Church in Marion, said he had made more than 150 phone calls.",
      { text: "he had made more than 150", canonical: "Darran Okafor" }],
    ["a person of a body and its town: the person, not the town", "The church is busy. One pastor, Darran Okafor of Liberty Baptist Church in Marion, said he had made more than 150 phone calls.",
      { text: "he had made more than 150", canonical: "Darran Okafor" }],
    ["a name after a participle without a role before it stays the name (negative row)", "The port reopened. Supporting Ann Ruiz said the plan was sound.",
      { text: "the plan was sound", canonical: "Ann Ruiz" }],
    ["'the Okafors' are the two people of the article with that surname", "Khizr Okafor and Ghazala Okafor spoke at the convention. During the past year, the Okafors say they have heard rising fears from friends.",
      { text: "they have heard", speaker: "the Okafors", canonical: "Khizr Okafor and Ghazala Okafor" }],
    ["one person of that surname is no family to name (negative row)", "Tom Okafor arrived in June. The Okafors said they were glad.",
      { text: "they were glad", canonical: "Okafors" }],
    ["a name after 'of' is no subject a later 'his' points back to", "Cash manager dies\n\nThe former manager of Johnny Okafor, Saul Israel Reyes, has died at the age of 79, his family said.",
      { text: "The former manager", speaker: "his family", canonical: "Saul Israel Reyes" }],
    ["a noun in -ly is no adverb before the cue ('his family said')", "Cash manager dies\n\nThe singer Saul Reyes has died at the age of 79, his family said.",
      { text: "The singer Saul Reyes", speaker: "his family" }],
    ["a determiner is no owner (negative row)", "Assemblywoman Claudia Okafor won the primary. A source said that Okafor could end up winning by ten points.",
      { text: "Okafor could end up", speaker: "A source", canonical: null }],
  ];
  for (const [name, article, want] of cases) it(name, () => check(article, want));
});

describe("speakers around quotes and cues: a sentence split inside a quote, a medium between subject and cue, prefixed roles, an inverted cue after an adverbial (session 13)", () => {
  const cases: [string, string, Want][] = [
    ["a participle after a quote whose sentence split inside it continues the quote's speaker", "The case goes to trial in May. “I have a judge who is a hater of mine, a hater. He's a hater,” Okafor said at a rally in San Diego, adding that he believed the judge was biased.",
      { text: "he believed the judge", speaker: "Okafor", sieve: "participle" }],
    ["the same quote without a split keeps its speaker (negative row)", "The case goes to trial in May. “I have a judge who is a hater of mine,” Okafor said at a rally in San Diego, adding that he believed the judge was biased.",
      { text: "he believed the judge", speaker: "Okafor" }],
    ["'X in a statement said'", "The mayor spoke first. Ann Okafor in a statement said the plan was flawed.",
      { text: "the plan was flawed", speaker: "Ann Okafor", sieve: "cue-clause" }],
    ["'X in a Medium post said' after 'while'", "Tom Reyes proposed a new agency, while Ann Okafor in a Medium post said she would appoint more judges.",
      { text: "she would appoint", speaker: "Ann Okafor" }],
    ["'X on Twitter said'", "The mayor spoke first. Ann Okafor on Twitter said the plan was flawed.",
      { text: "the plan was flawed", speaker: "Ann Okafor" }],
    ["a place between subject and cue is no medium (negative row)", "The mayor spoke first. Officials in the city said the plan was flawed.",
      { text: "the plan was flawed", speaker: "Officials in the city" }],
    ["a prefixed role between an outlet and a name ('co-Anchor')", "“But that was the first time in a long time, senator,” Morning Show co-Anchor Ann Okafor said.",
      { text: "But that was the first time", speaker: "Morning Show co-Anchor Ann Okafor", canonical: "Ann Okafor", sieve: "trailing-cue" }],
    ["an inverted cue after an opening adverbial, a role and a full name, then a colon", "For a moment, the mayor paused. In other words, explained moderator Nancy Okafor: “What does that have to do with taking big donations?”",
      { text: "What does that have to do", speaker: "moderator Nancy Okafor", canonical: "Nancy Okafor", sieve: "leading-cue" }],
    ["a clause interjected between a leading cue and its quote", "The story broke in March. Ruiz said, when the story broke, “I did not email any classified material to anyone.”",
      { text: "I did not email", speaker: "Ruiz", sieve: "leading-cue" }],
    ["a time and a long interjected clause before the quote", "The story broke in March. Ruiz initially said in the spring, when the private server email story broke, “I did not email any classified material to anyone.”",
      { text: "I did not email", speaker: "Ruiz", sieve: "leading-cue" }],
    ["'after the vote' between the cue and the quote", "The story broke in March. Ruiz said on Monday, after the vote, “I did not email any classified material to anyone.”",
      { text: "I did not email", speaker: "Ruiz", sieve: "leading-cue" }],
    ["a full clause of its own before the quote is no interjection (negative row)", "The story broke in March. Ruiz said nothing, and the mayor left, “I did not email any classified material to anyone.”",
      { text: "I did not email", speaker: null }],
    ["'when asked' after the hearer is the occasion, not a cue", "Any decision would involve Ann Ruiz. She told Congress when asked about the inquiry: “That matter is being handled by career agents.”",
      { text: "That matter is being handled", speaker: "She", canonical: "Ann Ruiz", sieve: "leading-cue" }],
    ["a relative pronoun before a leading cue speaks for the name before it, not the hearer after it", "Any decision would involve Attorney General Ann Ruiz, who told Congress when asked last month about the inquiry: “That matter is being handled by career agents.”",
      { text: "That matter is being handled", speaker: "who", canonical: "Ann Ruiz", sieve: "leading-cue" }],
    ["'said in politics it takes …': a short phrase with 'in' before a clause without 'that'", "The mayor spoke on Monday. Okafor said in politics it takes a long time to build trust.",
      { text: "in politics it takes", speaker: "Okafor", sieve: "cue-clause" }],
    ["'told investigators in July she was advised'", "The inquiry ended. Ann Ruiz told federal investigators in July she was advised by a former minister to use a private account.",
      { text: "in July she was advised", canonical: "Ann Ruiz" }],
    ["a first subject and 'and' before a second subject's cue stay one reported clause", "The mayor spoke on Monday. Okafor said he and Ruiz promised to fix the roads by June.",
      { text: "he and Ruiz promised", speaker: "Okafor", sieve: "cue-clause" }],
    ["a whole clause before 'and' and a new subject's cue still splits (negative row)", "The mayor spoke on Monday. Okafor said the plan was sound and Ruiz promised to fix the roads by June.",
      { text: "the plan was sound", speaker: "Okafor" }],
    ["a modal before a colon cue ('could only quip:')", "The timing was so odd that a spokesman for Tom Ruiz could only quip: “I guess Christmas Eve was booked.”",
      { text: "I guess Christmas Eve", speaker: "a spokesman for Tom Ruiz", sieve: "leading-cue" }],
  ];
  for (const [name, article, want] of cases) it(name, () => check(article, want));
  const none: [string, string, string][] = [
    ["a phrase with 'on' and a relative clause is no reported clause (negative row)", "The talks went on. Okafor agreed on a justice they can at least tolerate.", "on a justice"],
    ["a subordinator inside the phrase ends it (negative row)", "The rules stayed. None of the allegiances will be written in stone until they cast their votes.", "in stone"],
    ["a modal before a noun-like cue with no quote after is no cue (negative row)", "The deal stalled. Applicants must promise to furnish $2,000 to take part.", "to furnish"],
  ];
  for (const [name, article, start] of none) {
    it(name, () => assert.deepEqual(extract(article).quotes.filter((q) => q.text.startsWith(start)).map((q) => q.text), []));
  }
  it("an inverted cue after an adverbial needs a full name before the colon (negative row)", () => {
    const { quotes } = extract("For a moment, the mayor paused. In other words, explained the plan: “What does that have to do with taking big donations?”");
    assert.deepEqual(quotes.filter((q) => q.text.startsWith("What does")).map((q) => q.sieve === "leading-cue" ? q.speaker : null).filter(Boolean), []);
  });
});

describe("epithets, appositives after a name, a document taken up again, owners with modifiers, Title Case headlines (session 14)", () => {
  const cases: [string, string, Want][] = [
    ["an occupation epithet continues the person just named ('The veteran speechwriter')", "Jo Okafor, a former aide to two mayors, wrote in a column that she drafted the plan. Okafor said she “may yet vote against it.” The veteran speechwriter said the deal-breaker was the cost.",
      { text: "the deal-breaker was the cost", canonical: "Jo Okafor" }],
    ["an epithet with a party before it ('The GOP speechwriter')", "Despite what he wrote, Tom Reyes said he would vote for the mayor. The GOP speechwriter said the deal-breaker was the tax.",
      { text: "the deal-breaker was the tax", canonical: "Tom Reyes" }],
    ["a role a story meets once is never the person just named (negative row)", "Tom Reyes spoke at the debate. Reyes said he would cut taxes. The moderator said the time was up.",
      { text: "the time was up", speaker: "The moderator", canonical: "moderator" }],
    ["a new role word inside a name's mention ('Billionaire entrepreneur')", "The party had its moments. Billionaire entrepreneur Peter Okafor said, “I am proud to be here.”",
      { text: "I am proud to be here", speaker: "Billionaire entrepreneur Peter Okafor", canonical: "Peter Okafor" }],
    ["an indefinite description after a full name and a comma is that person", "He dismissed criticism from Ann Ruiz and Tom Reyes, a banker and former city official who has suggested the aides were overpaid.",
      { text: "the aides were overpaid", speaker: "Tom Reyes, a banker and former city official", canonical: "Tom Reyes" }],
    ["a sentence's opening phrase before the comma is no name (negative row)", "Democrats had sued in March. In May, a federal judge sided with the Democrats, saying the law violated the constitution.",
      { text: "the law violated", canonical: "federal judge" }],
    ["'The statement added' after 'said in a statement' is the same speaker", "The port reopened. Ruiz's office said in a statement that she had used the account. The statement added that Ruiz never sent sensitive information.",
      { text: "Ruiz never sent", speaker: "The statement", canonical: "Ruiz's office" }],
    ["an unnamed body's statement taken up again keeps the body", "The council said in a statement that the pier would close. The statement added that the closure would last a month.",
      { text: "the closure would last", canonical: "council" }],
    ["another document is not the statement (negative row)", "The council said in a statement that the pier would close. The letter added that the closure would last a month.",
      { text: "the closure would last", canonical: "letter" }],
    ["a possessive owner with role modifiers stays in the mention", "Al Okafor will not attend. Citing family obligations, the former vice president’s spokeswoman told reporters that he plans to skip it.",
      { text: "he plans to skip it", speaker: "the former vice president’s spokeswoman" }],
    ["a Title Case headline's adverb before the verb is no part of the name", "Rick Okafor Just Announced His Endorsement Of A Big Name Candidate.\n\nFormer Gov. Rick Okafor said on Friday that he backs the senator.",
      { text: "His Endorsement", speaker: "Rick Okafor", canonical: "Rick Okafor" }],
    ["a pronoun after ', but' continues the sentence's opening possessor", "Opposition leader Ann Okafor led the campaign. “People stood hours in line,” said Meenakshi Ganguly of a rights group. Okafor's fate is still unclear, but she said that she would govern the country.",
      { text: "she would govern", canonical: "Ann Okafor" }],
    ["another person between the possessor and the pronoun leaves it to the ranker (negative row)", "Opposition leader Ann Okafor led the campaign. “People stood hours in line,” said Meenakshi Ganguly of a rights group. Okafor's aides met Jo Reyes, but she said that she would govern the country.",
      { text: "she would govern", canonical: "Jo Reyes" }],
    ["'who' after a plural and a comma is that plural", "“I will be above the president,” Ann Okafor said. The remark worried some analysts and activists, who pointed out that such a post would break the constitution.",
      { text: "such a post would break", speaker: "who", canonical: "analysts and activists" }],
    ["'who' after a singular and a comma is still read as a person (negative row)", "“I will be above the president,” said the mayor, who added that such a post would break the constitution.",
      { text: "such a post would break", canonical: "mayor" }],
    ["a headline's second verb has the first verb's subject", "Ruiz Says Russians Hacked The Party, Calls Okafor’s Remarks ‘Troubling.’\n\nAnn Ruiz said on Sunday that Russia was behind the leak.",
      { text: "Okafor’s Remarks", speaker: "Ruiz", canonical: "Ann Ruiz" }],
  ];
  for (const [name, article, want] of cases) it(name, () => check(article, want));
});

describe("gender clashes in the narrative, plural roles with 'for', relational roles (session 15)", () => {
  const cases: [string, string, Want][] = [
    ["'he' in the narrative never takes a woman's name, though she spoke last and is named just before", "Tom Okafor lost the primary. “He hit me,” Dorothy Okafor said in 2009. The paper detailed four complaints Dorothy Okafor filed against him. He denied the charges, saying that they were invented.",
      { text: "they were invented", canonical: "Tom Okafor" }],
    ["nor 'she' a man's", "Ann Ruiz lost the primary. “She hit me,” Patrick Reyes said in 2009. The paper detailed four complaints Patrick Reyes filed against her. She denied the charges, saying that they were invented.",
      { text: "they were invented", canonical: "Ann Ruiz" }],
    ["the speaker of the sentence just before keeps a name the list gives the other gender (negative row)", "Lindsey Okafor said the plan was sound. He noted that the council would vote on it in May.",
      { text: "the council would vote", canonical: "Lindsey Okafor" }],
    ["after a quote too (negative row)", "Lindsey Okafor said, “The plan is sound.” He added, “The council will vote in May.”",
      { text: "The council will vote in May.", canonical: "Lindsey Okafor" }],
    ["a plural role with 'for' keeps its body ('Attorneys for Ruiz')", "Attorneys for Ruiz appeared to oppose the effort, saying in court files that her account was private.",
      { text: "her account was private", speaker: "Attorneys for Ruiz", canonical: "Ruiz" }],
    ["a plural role alone stays a group (negative row)", "Attorneys appeared to oppose the effort, saying in court files that the account was private.",
      { text: "the account was private", speaker: "Attorneys" }],
    ["a relational role between two names ('Ruiz constituent Dan Okafor')", "“That is treason,” said Ruiz constituent Dan Okafor when asked about the senator.",
      { text: "That is treason", speaker: "Ruiz constituent Dan Okafor", canonical: "Dan Okafor" }],
    ["'teammate' too", "“We were robbed,” said Ruiz teammate Dan Okafor.",
      { text: "We were robbed", canonical: "Dan Okafor" }],
    ["a name in apposition after a time phrase ('the ambassador at the time, Tom Reyes')", "The port was closed for years, according to cables released by a watchdog. “The port is a haven for smugglers,” wrote the American ambassador at the time, Tom Reyes.",
      { text: "The port is a haven", canonical: "Tom Reyes" }],
    ["a leading cue with an occasion and a year before the quote ('said in an op-ed before a 2014 hearing, “…”')", "Sen. Tom Reyes, R-Wis., said in an op-ed piece before a 2014 Senate hearing, “The department failed to honor repeated requests.”",
      { text: "The department failed", canonical: "Tom Reyes" }],
    ["the occasion does not swallow a that-clause (negative row)", "The city waited. Tom Reyes said in an interview before a vote that the council “will fail.”",
      { text: "the council “will fail", canonical: "Tom Reyes" }],
    ["an owned role speaks through a participle ('Ann Ruiz’s top aide rallied supporters, saying: “…”')", "Ann Ruiz’s top aide rallied supporters, saying: “We have to be ready to stop him.”",
      { text: "We have to be ready", speaker: "Ann Ruiz’s top aide" }],
    ["a participle right after 'X said,' continues X, not the sentence's subject", "Ryan and Okafor will meet sometime next week, Spicer said, adding, “They need to sit down and have a good talk.”",
      { text: "They need to sit down", canonical: "Spicer" }],
    ["after an inverted 'said X,' too", "Okafor left as soon as prayers were finished, said Nefzi, adding, “He was not very religious.”",
      { text: "He was not very religious", canonical: "Nefzi" }],
    ["without a cue before it the participle is the subject's (negative row)", "Tom Reyes met Ann Ruiz on Friday, adding, “We will talk again in May.”",
      { text: "We will talk again", canonical: "Tom Reyes" }],
    ["a participle phrase opening the sentence is not its subject, whatever follows the participle", "Rallying hundreds of workers who are struggling, Ann Ruiz tried to empathize with them and promised to deliver change.",
      { text: "to deliver change", canonical: "Ann Ruiz" }],
    ["the subject after a subordinator, with an appositive phrase before the cue ('after Mr. Okafor, asked about it, had said, “…”')", "The issue had come up after Mr. Okafor, asked about the deaths, had said, “I think our country does plenty of killing also.”",
      { text: "I think our country", canonical: "Okafor" }],
    ["a subordinate clause's subject does not take the main clause's cue (negative row)", "The port closed after Tom Reyes, the harbor master, ordered it shut, and the council said, “We had no choice.”",
      { text: "We had no choice", canonical: "council" }],
    ["a preposition opening the sentence is no speaker; the subject after the phrase and a weekday is", "Inside the hotel conference center, Okafor on Tuesday dismissed the governor as an ineffective leader, arguing that the governor has been a poor steward of the economy.",
      { text: "the governor has been a poor steward", canonical: "Okafor" }],
    ["nor an auxiliary participle between dashes ('-- having suggested … -- but said')", "Okafor started out the debate saying Ruiz has the qualifications -- having suggested in a recent speech that she is unqualified -- but said he questioned her judgment.",
      { text: "he questioned her judgment", canonical: "Okafor" }],
    ["'And then' before the subject of a participle's sentence", "And then Okafor went fully on the attack, saying, “Is the mayor going to finally mention the words? He should resign!”",
      { text: "Is the mayor going", canonical: "Okafor" }],
    ["an inverted cue with an outlet before the role ('explained CBS moderator Nancy Okafor:')", "In other words, explained CBS moderator Nancy Okafor: “What does that have to do with taking big donations?”",
      { text: "What does that have to do", canonical: "Nancy Okafor" }],
    ["a one-word surname that is also a preposition stays a name (negative row)", "Al From founded the council in 1985. From said the party had lost its way.",
      { text: "the party had lost its way", canonical: "Al From" }],
    ["a leading cue with ', however,' before its quote", "Okafor acknowledged, however, “As they say in the brochures, past performance is no indication of future performance.”",
      { text: "As they say in the brochures", canonical: "Okafor" }],
    ["a leading cue with a short 'as he …' clause before its quote", "At day’s end, however, Okafor said as he introduced his wife in Hudson, “Finally, the dam broke and we are finally free.”",
      { text: "Finally, the dam broke", canonical: "Okafor" }],
    ["a clause with its own subject after the cue is not the quote's lead-in (negative row)", "Okafor said the vote was close, and Ann Ruiz replied, “We will count again.”",
      { text: "We will count again", canonical: "Ann Ruiz" }],
    ["a title the mention opens with is a role for a surname alone ('Judge Berman … the judge said')", "Judge Okafor handed down his sentence in May. Significantly, the judge said he could not require me to pay restitution.",
      { text: "he could not require me", canonical: "Okafor" }],
    ["one part of a court case is not another ('My lawyer, Ben Reyes, … the judge said')", "Judge Okafor handed down his sentence. My lawyer, Ben Reyes, was relieved. Significantly, the judge said he could not require me to pay restitution.",
      { text: "he could not require me", canonical: "Okafor" }],
    ["a lawyer may be called the attorney (negative row)", "My lawyer, Ben Reyes, was relieved. Significantly, the attorney said he would appeal the fine.",
      { text: "he would appeal the fine", canonical: "Ben Reyes" }],
    ["an office held by title is 'the president' over a person the article merely names", "President Okafor called Ann Ruiz on Monday. Her husband, Saeed Ruiz, was free and would soon be coming home, the president told her.",
      { text: "Her husband, Saeed Ruiz, was free", canonical: "Okafor" }],
    ["a quote right after a quoted question answers it: its description is not the asker", "Tom Okafor spoke on the show. “It tells you that one of us is a candidate of the establishment,” Okafor remarked. “That would be you?” Ruiz asked. “That would be me, yes,” the senator said.",
      { text: "That would be me", canonical: "Tom Okafor" }],
    ["nor its pronoun", "Tom Okafor spoke on the show. “It tells you that one of us is a candidate of the establishment,” Okafor remarked. “That would be you?” Ruiz asked. “That would be me, yes,” he said.",
      { text: "That would be me", canonical: "Tom Okafor" }],
    ["with no one else, the asker goes on (negative row)", "The ferry was late again. “Why now?” Ann Ruiz asked. “Nobody knows,” she said.",
      { text: "Nobody knows", canonical: "Ann Ruiz" }],
    ["a state tag after a comma ('Sen. Joni Reyes, R-Iowa.') rules her out for 'the Florida senator'", "Tom Okafor, who is third in many polls, stressed defense issues during an appearance with Sen. Joni Reyes, R-Iowa. The Florida senator told reporters he feels good about his campaign.",
      { text: "he feels good", canonical: "Tom Okafor" }],
    ["the same state fits (negative row)", "Tom Okafor spoke first. Later he appeared with Sen. Joni Reyes, R-Iowa. The Iowa senator told reporters she feels good about the race.",
      { text: "she feels good", canonical: "Joni Reyes" }],
    ["'the company' is no foundation named nearer ('… Corp. … The Okafor Family Foundation … the company said')", "Harbor Oil Corp. was criticized by politicians. The Okafor Family Foundation stayed quiet. Late last month, the company said the reports were misleading.",
      { text: "the reports were misleading", canonical: "Harbor Oil Corp" }],
    ["'the group' may be a foundation (negative row)", "Harbor Oil Corp. was criticized by politicians. The Okafor Family Foundation stayed quiet. Late last month, the group said the reports were misleading.",
      { text: "the reports were misleading", canonical: "Okafor Family Foundation" }],
    ["a lowercase owner after 'The' with a role ahead is one mention ('The city’s top lawyer went further, arguing')", "The city’s top lawyer went further, arguing that the proposal could make the threat worse.",
      { text: "the proposal could make", speaker: "The city’s top lawyer" }],
    ["'recent' may modify a role ('The Pentagon’s recent top adviser')", "The Pentagon’s recent top adviser on the military campaign went further, arguing that the proposal could make the threat worse.",
      { text: "the proposal could make", speaker: "The Pentagon’s recent top adviser" }],
    ["a woman named before a country stays the 'she' (negative row)", "Ann Okafor studies the island's finances. But even today, Puerto Rico tends to run everything through one bank. Its job is “really a combination of things that the Treasury does,” she said.",
      { text: "Its job is", canonical: "Ann Okafor" }],
    ["a country named like a person is no 'she', even with no one else (the pronoun stays unresolved)", "But even today, Puerto Rico tends to run everything through one bank. Its job is “really a combination of things that the Treasury does,” she said.",
      { text: "Its job is", speaker: "she", canonical: null }],
    ["a time phrase then a clause is no apposition (negative row)", "“The port is closed,” said the chief executive at the time, and Tom Reyes agreed.",
      { text: "The port is closed", canonical: "chief executive" }],
  ];
  for (const [name, article, want] of cases) it(name, () => check(article, want));
});

describe("titled names, … (session 16)", () => {
  const cases: [string, string, Want][] = [
    ["a titled surname is a person who publishes: 'President Costa released a statement … the statement said'", "In Lisbon, President Costa released a statement Thursday night condemning “a reckless act in Porto.” She said she had asked her team to help.\n\n“We stand with the people of the coast,” the statement said.",
      { text: "We stand with the people", canonical: "Costa" }],
    ["and the 'he' of the next sentence, over a speaker named further back", "Tom Okafor, the harbor master, said the port would reopen.\n\nIn Lisbon, President Costa met the crews on Monday. He said he had asked his team to help.",
      { text: "he had asked his team", canonical: "Costa" }],
    ["a name after a determiner and a noun of someone who does something is a person ('The Kenyan marathoner Tesfu Lidesa … he says'), not a place named before", "Security forces have killed more than 400 protesters in the region, which surrounds Charles Town. Protests have spread.\n\nThousands have been jailed without trial. The Kenyan marathoner Tesfu Lidesa, who won a medal this year, drew attention when he held his arms over his head; he says he fears returning home.",
      { text: "he fears returning home", canonical: "Tesfu Lidesa" }],
    ["a noun in -er that names a thing makes no person (‘The river Tesfu Lidesa’) (negative row)", "Ben Okafor, a farmer, lives near the river. The river Tesfu Lidesa floods each year; he says he fears returning home.",
      { text: "he fears returning home", canonical: "Ben Okafor" }],
    ["a newspaper's name whose first word is also a first name is the newspaper ('the Harbor Sentinel reported … The newspaper reported')", "Ruiz met community leaders and pledged to “promote change,” the Harbor Sentinel reported.\n\n“We have a lot of work ahead of us,” said Ruiz.\n\nThe newspaper reported that the candidate met privately with several victims.",
      { text: "the candidate met privately", canonical: "Harbor Sentinel" }],
    ["a person whose surname is also a newspaper's word stays a person (negative row)", "Ruiz met community leaders, Tom Star said.\n\n“We have a lot of work ahead of us,” said Ruiz.\n\nThe newspaper reported that the candidate met privately with several victims.",
      { text: "the candidate met privately", canonical: "newspaper" }],
    ["a document word a cue could be is the speaker right after a quote ('…,” the note says')", "Ruiz sent a note. “Tom, you are a total loser,” the note says.",
      { text: "Tom, you are a total loser", speaker: "the note" }],
    ["and a document named with its sender speaks for the sender ('a handwritten note from Ann Ruiz … the note says')", "On his wall, Tom Reyes has a framed, handwritten note from Ann Ruiz. “Tom, you are a total loser!” the note says.",
      { text: "Tom, you are a total loser", canonical: "Ann Ruiz" }],
    ["a body too ('a letter from the Harbor Trust')", "Tom Reyes received a letter from the Harbor Trust on Monday. “You are fired,” the letter says.",
      { text: "You are fired", canonical: "Harbor Trust" }],
    ["a document of another kind is not that sender's (negative row)", "Tom Reyes received a letter from the Harbor Trust on Monday. “You are fired,” the memo says.",
      { text: "You are fired", canonical: "memo" }],
    ["two people and their shared appositive before the cue ('Tom Reyes and Ann Ruiz, both Republicans, said')", "“We can only wonder,” Tom Reyes and Ann Ruiz, both Republicans, said in a statement.",
      { text: "We can only wonder", canonical: "Ann Ruiz" }],
    ["'As X, an expert …, noted, “…”'", "As Tom Reyes, an expert on the region at the Harbor Institute, noted, “Everyone in the region is waiting.”",
      { text: "Everyone in the region is waiting", canonical: "Tom Reyes" }],
    ["a role with 'another' before the name in apposition ('…,” another fraternity brother, Tom Reyes, recalled')", "“I hope you don't mind, I have to take my brother along,” another fraternity brother, Tom Reyes, recalled him saying.",
      { text: "I hope you don't mind", canonical: "Tom Reyes" }],
    ["an appositive after one name is not read after 'and' (negative row)", "“We can only wonder,” Tom Reyes and Ann Ruiz, said in a statement.",
      { text: "We can only wonder", speaker: null }],
    ["a name before a role and its holder's name is no mention of someone acting ('Ruiz spokeswoman Jennifer Bates criticized …, she said')", "“When Ann Ruiz is threatened by a rival, the first thing she does is attack,” Reyes said.\n\nThere is no evidence that the claims came from the Ruiz campaign.\n\nRuiz spokeswoman Jennifer Bates criticized Reyes for accusing the campaign. “Nice try, not true,” she said in a tweet.",
      { text: "Nice try, not true", canonical: "Jennifer Bates" }],
    ["the name acting still counts when no holder's name follows its role (negative row)", "“This was the moment,” Ann Ruiz said.\n\nRuiz aides were nervous at the time. “Voters are beginning to see that,” she said.",
      { text: "Voters are beginning to see that", canonical: "Ann Ruiz" }],
    ["a state party ('Indiana GOP') is no woman named Indiana for the next 'he'", "Members of the Indiana GOP met on Monday. Ruiz's Indiana chairman, Rex Early, a former state party chairman, said he has not explored the process. He said he intends to pursue a slot as a delegate.",
      { text: "he intends to pursue", canonical: "Rex Early" }],
    ["a sentence adverb opens no name ('Maybe Ruiz is …')", "Ann Ruiz spoke first. Maybe Ruiz is the real candidate, and what she said about the port is the window into her plans, Tom Reyes wrote. In May, she said the port “will close.”",
      { text: "the port “will close", canonical: "Ann Ruiz" }],
    ["a deputy's office is not the office ('Vice President Tom Reyes' is no 'the president')", "When he spoke, the leader was flanked by Vice President Tom Reyes and Gen. Ben Okafor.\n\nThe president said the mission “will not expand.”",
      { text: "the mission “will not expand", canonical: "president" }],
    ["'the former president' still finds the former president named beside a vice president (negative row)", "Vice President Tom Reyes campaigned in Ohio. Former President Ben Okafor spoke in Iowa.\n\nThe former president said the race “is not over.”",
      { text: "the race “is not over", canonical: "Ben Okafor" }],
    ["the deputy's own description still finds the deputy (negative row)", "Vice President Tom Reyes spoke first. President Ann Ruiz followed. The vice president said the plan “will work.”",
      { text: "the plan “will work", canonical: "Tom Reyes" }],
    ["a noun cue owned by a possessive pronoun speaks for its referent ('such as her recent claim that …')", "Ann Ruiz cites her followers as the source for some of her non-facts, such as her recent claim that the port lost 81 percent of its trade.",
      { text: "the port lost 81 percent", speaker: "her", canonical: "Ann Ruiz" }],
    ["'Govs.' ends no sentence, and names a list opens with 'particularly' are objects, not the next 'he'", "Sen. Tom Reyes says he feels he did “great” in the last debate.\n\nSpeaking to reporters Monday, Reyes refrained from attacking his rivals, particularly Govs. Ben Okafor and Dan Bates, who say the senator lacks experience.\n\nHe dismissed critique of his performance, saying that it was his campaign's “greatest fundraising night.”",
      { text: "it was his campaign's", canonical: "Tom Reyes" }],
    ["a first name set off after a kin word is a person ('Reyes's wife, Melania, … she described')", "Ann Ruiz spoke at the rally. “We will win,” Ruiz said.\n\nOn the opening night, Reyes's wife, Melania, is scheduled to be among the speakers. She is often by her husband's side. At a rally this spring, she described Reyes as “kind.”",
      { text: "Reyes as “kind", canonical: "Melania" }],
    ["'Her father, Brad, 39, worried … he surmised'", "“I'm not for either of the choices,” said Tom Reyes, who came to hear Okafor.\n\nAt a rally, 14-year-old Aubrey Pelletier hoisted a sign. Her father, Brad, 39, worried that voters could not see the point. “People are afraid of wasting their votes,” he surmised.",
      { text: "People are afraid", canonical: "Brad" }],
    ["a word that is no first name stays none ('his son, Junior,') (negative row)", "“I'm not for either of the choices,” said Tom Reyes.\n\nHis son, Hopeful, was there. “People are afraid,” he said.",
      { text: "People are afraid", canonical: "Tom Reyes" }],
    ["'it' continues a document opening the sentence before ('The post showed a man … It says: “…”')", "Ruiz posted a picture on Monday that appeared to mock the harbor law. The post showed a man wearing a wig. It says: “Let him in!”",
      { text: "Let him in!", speaker: "It", canonical: "post" }],
    ["not a plural one ('The results also showed …, it does') (negative row)", "The Harbor Party won the vote. The results also showed the weakness of the label. While it does describe the party, it says little about “their positions.”",
      { text: "little about", canonical: "Harbor Party" }],
    ["'they' continues a plural of people opening the sentence before ('People briefed on the reshuffling were adamant … And they insisted')", "“We are hiring,” the Harbor Herald reported.\n\nPeople briefed on the reshuffling were adamant that the children would block a return by Reyes. And they insisted that departures would be few.",
      { text: "departures would be few", canonical: "People briefed on the reshuffling" }],
    ["with a capitalised modifier and an opening phrase ('Since …, Harbor executives have not …')", "“We are hiring,” the Harbor Herald reported.\n\nSince the chairman's departure, Harbor executives have not pushed the issue. Nor have they warned Ruiz away from giving advice, they said.",
      { text: "Nor have they warned", canonical: "Harbor executives" }],
    ["not a plural of things ('Harbor ferries were late … they said') (negative row)", "“We are hiring,” the Harbor Herald reported.\n\nHarbor ferries were late again on Monday. And they insisted that departures would be few.",
      { text: "departures would be few", canonical: "Harbor Herald" }],
    ["an epithet in a clause after 'after' is the person the main clause names after its subject ('Mr. Okafor took on Ann Ruiz after the Democratic front-runner had said')", "Tom Okafor spoke. Okafor was in Iowa. Okafor said the race was close.\n\nMr. Okafor took on Ann Ruiz on Sunday after the Democratic front-runner had said that he was “a danger.”",
      { text: "he was “a danger", canonical: "Ann Ruiz" }],
    ["an epithet opening its own clause stays the main figure ('With hosts X and Y, the candidate stated') (negative row)", "Tom Okafor spoke. Okafor was in Iowa. Okafor said the race was close.\n\nIn an interview with hosts Ben Reyes and Dan Bates, the candidate stated that the race “is close.”",
      { text: "the race “is close", canonical: "Tom Okafor" }],
    ["'Pastor' is a title ('Pastor Darrell Scott' is Darrell Scott), and a full name with an unlisted first name opening its sentence is a person for the next 'she'", "The group also includes Pastor Darrell Scott, a minister whose plan imploded.\n\nDahlys Hamilton is listed as the chairman of the group. Recently she announced on her page, “I am boarding the train!”",
      { text: "I am boarding the train!", canonical: "Dahlys Hamilton" }],
    ["not an auxiliary read as a first name ('Will Sanders come down …?') (negative row)", "Game over: Will Sanders come down from the mountain?\n\nBen Okafor spoke at the rally. He said he would “continue the fight.”",
      { text: "he would “continue the fight", canonical: "Ben Okafor" }],
    ["a role with a prefix is that role ('the retired neurosurgeon' after 'Tom Reyes said')", "Ruiz plans to empower the harbor community, Tom Reyes said Monday.\n\n“Well first of all, they have to stop and listen,” the retired neurosurgeon said.",
      { text: "Well first of all", canonical: "Tom Reyes" }],
    ["a body's name opening with a title-like word is no person ('National Harbor Trust … he said') (negative row)", "Tom Okafor spoke first. The National Harbor Trust published a report on Monday. “The port will reopen,” he said.",
      { text: "The port will reopen", canonical: "Tom Okafor" }],
    ["a role no introduction gives continues the speaker of the sentence before ('Costa, citing data, said … The lawmaker, who represents …, said')", "Costa, citing data from the ministry, said that about 4,000 people rely on the ferry. The lawmaker, who represents a district in the north, said the cuts “have caused shame.”",
      { text: "the cuts “have caused shame", canonical: "Costa" }],
    ["'the former chief executive of Harbourline added' after 'Ann Ruiz said'", "The council is right to worry about the port, Ann Ruiz said Monday. But, the former chief executive of Harbourline added, it is not the way to win.",
      { text: "But, the former chief executive of Harbourline added, it is not", canonical: "Ann Ruiz" }],
    ["not a speaker whose introduction gives another role (negative row)", "Costa, a ferry captain, said that about 4,000 people rely on the ferry. The lawmaker, who represents a district in the north, said the cuts “have caused shame.”",
      { text: "the cuts “have caused shame", canonical: "lawmaker" }],
    ["nor a role that speaks for someone ('the spokesman') (negative row)", "Costa said that about 4,000 people rely on the ferry. The spokesman, who declined to be named, said the cuts “have caused shame.”",
      { text: "the cuts “have caused shame", canonical: "spokesman" }],
    ["nor the speaker of another paragraph (negative row)", "Costa said that about 4,000 people rely on the ferry.\n\nThe lawmaker, who represents a district in the north, said the cuts “have caused shame.”",
      { text: "the cuts “have caused shame", canonical: "lawmaker" }],
    ["a negated auxiliary with a curly apostrophe is no part of the name before it ('Tom Reyes wouldn’t say …, saying only that')", "Sen. Tom Reyes of Ohio, the likely leader next year, wouldn’t say how the party would act, saying only that “it has been an important issue” for the party.",
      { text: "“it has been an important issue", speaker: "Sen. Tom Reyes of Ohio", canonical: "Tom Reyes" }],
    ["'won't' too", "The harbor master, Ben Okafor, reached a deal. Okafor won't disclose the terms, saying that “both sides are content.”",
      { text: "“both sides are content", speaker: "Okafor", canonical: "Ben Okafor" }],
    ["a report made with a weekday stays one (negative row)", "Tom Reyes said Tuesday that the party would act.",
      { text: "the party would act", canonical: "Tom Reyes" }],
    ["a subject phrase opens after a colon ('… had an effect: some 20 percent of people in a recent poll said they believe')", "The doubt has had an effect: Some 20 percent of people in a recent Harbor poll said they believe the mayor was born abroad.",
      { text: "they believe the mayor", speaker: "Some 20 percent of people in a recent Harbor poll" }],
    ["not the words before the colon ('The poll shows a divide: 34 percent strongly agree')", "The poll shows a divide: 34 percent strongly agree they should be able to vote early.",
      { text: "they should be able to vote early", speaker: "34 percent" }],
    ["a closing 'he said' repeats the cue the sentence's subject opened it with ('Ruiz spokesman Tom Reyes said that …, he said')", "“It is a fair inference that he supports them,” Ruiz said.\n\nRuiz spokesman Tom Reyes said that the campaign will highlight contrasts between Ruiz and Bates to show that Ruiz has “the principles to lead,” he said.",
      { text: "the campaign will highlight", canonical: "Tom Reyes" }],
    ["a clause with no cue of its own stays the closing pronoun's (negative row)", "Tom Reyes spoke to the crews on Monday. The campaign will highlight contrasts between Ruiz and Bates in every port, he said.",
      { text: "The campaign will highlight", canonical: "Tom Reyes", sieve: "clause-then-cue" }],
    ["nor a clause whose cue sits in a subordinate clause (negative row)", "Tom Reyes spoke to the crews on Monday. When Ruiz said the port was safe, the council was not told about the leak, he said.",
      { text: "When Ruiz said the port was safe", canonical: "Tom Reyes", sieve: "clause-then-cue" }],
  ];
  for (const [name, article, want] of cases) it(name, () => check(article, want));
});

describe("parts of a plural, … (session 17)", () => {
  const cases: [string, string, Want][] = [
    ["'many of whom said' is some of the plural before the comma ('two of the bus drivers')", "The mayor invited the bus drivers, two of whom told reporters the routes were unsafe.",
      { text: "the routes were unsafe", speaker: "two of whom", canonical: "two of the bus drivers" }],
    ["a place the plural is in is not its people ('in three counties, many of whom') (negative row)", "The senator met farmers in three counties, many of whom said the drought had cost them a season.",
      { text: "the drought had cost them", canonical: "many of whom" }],
    ["nor a singular before the comma ('the meeting, some of whom') (negative row)", "Ten residents spoke at the meeting, some of whom said the plan was rushed.",
      { text: "the plan was rushed", canonical: "some of whom" }],
  ];
  for (const [name, article, want] of cases) it(name, () => check(article, want));
});

describe("a relay that is the source on record (session 17)", () => {
  // every statement's speaker mention, in order: a reported clause inside an outer attribution is
  // one statement, the outer one, when the relay is an unnamed source, a document or a body; an
  // outlet or a record of the words relays the inner speaker
  const cases: [string, string, (string | null)[]][] = [
    ["an unnamed source after a reported clause ('Ruiz told donors X, an aide said')", "Ruiz told donors the port would close by spring, an aide said.", ["an aide"]],
    ["'according to' an unnamed source, the clause's own cue read first", "Ruiz told donors the port would close by spring, according to two officials briefed on the meeting.", ["two officials briefed on the meeting"]],
    ["a body that is no outlet ('her campaign said')", "Ruiz told donors the port would close by spring, her campaign said.", ["her campaign"]],
    ["not an outlet, which relays the speaker (negative row)", "Kim said the talks had failed, state television said.", ["Kim"]],
    ["nor a newspaper's name ('the Harbor Sentinel reported') (negative row)", "Ruiz told donors the port would close by spring, the Harbor Sentinel reported.", ["Ruiz"]],
    ["nor a record of the words ('a transcript of the meeting shows') (negative row)", "Ruiz told donors the port would close by spring, a transcript of the meeting shows.", ["Ruiz"]],
  ];
  for (const [name, article, speakers] of cases) {
    it(name, () => assert.deepEqual(extract(article).quotes.map((q) => q.speaker), speakers));
  }
});

describe("cues past an aside, after 'upon', after a description (session 17)", () => {
  const cases: [string, string, Want][] = [
    ["a participle after 'upon' speaks for the sentence's subject ('drew boos upon saying, “…”')", "Ann Ruiz, herself a harbor supporter, drew a wave of boos upon saying, “The council heard the passion of the people.”",
      { text: "The council heard", canonical: "Ann Ruiz", sieve: "leading-cue" }],
    ["the writer's aside between cue and quote ('Reyes said, and I quote, “…”')", "No wonder Reyes said, and I quote, \"We love the ferry crews.\" He is treating them well.",
      { text: "We love the ferry crews", canonical: "Reyes", sieve: "leading-cue" }],
    ["an aside with no cue before it gives no speaker (negative row)", "The ferry crews were cheered. And I quote, \"We love the ferry crews.\"",
      { text: "We love the ferry crews", speaker: null }],
    ["a noun-like cue after a quote and a description ending the sentence ('…,” the ad states.')", "The new spot runs on Tuesday. “They know Ruiz can fix the port,” the ad states.",
      { text: "They know Ruiz can fix the port", speaker: "the ad" }],
    ["not a noun the description goes on with ('…,” the harbor report said') (negative row)", "The port reopened. “The crews were never told,” the harbor report said.",
      { text: "The crews were never told", speaker: "the harbor report" }],
    ["an appositive of two roles joined by 'and' ('Tom Reyes, managing director and equity analyst at …, told me')", "“If current trends continue, the port will close,” Tom Reyes, managing director and equity analyst at Northfield Harbor Bank, told me.",
      { text: "If current trends continue", canonical: "Tom Reyes", sieve: "trailing-cue" }],
  ];
  for (const [name, article, want] of cases) it(name, () => check(article, want));
});
