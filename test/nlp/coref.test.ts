// Coreference and speaker kinds, each case an invented sentence showing one construction.
import assert from "node:assert/strict";
import { extract } from "../../src/nlp/pipeline";
import { headlineSpans, whoDescription } from "../../src/nlp/coref";
import { looksLikeName, mentionKind } from "../../src/nlp/kinds";
import { makeDoc } from "../../src/nlp/document";
import { analyse, tokenize } from "../../src/nlp/mentions";
import type { SpeakerKind } from "../../src/nlp/types";

/** The canonical speaker (and kind) of the statement whose text holds `needle`. */
function speakerOf(text: string, needle: string): { canonical: string | null; kind: SpeakerKind } {
  const q = extract(text).quotes.find((x) => x.text.includes(needle));
  assert.ok(q, `no statement holds ${JSON.stringify(needle)}`);
  return { canonical: q.speaker_canonical, kind: q.speaker_kind };
}

describe("coreference: pronouns go to the entity the narrative names", () => {
  const cases: { name: string; text: string; needle: string; want: string | null }[] = [
    {
      name: "he: the person just introduced, not the last speaker",
      text: "Councillor Mark Ruiz said the plan was sound.\n\nTom Okafor, a ferry captain, has worked the route for years.\n\n“Nobody asked us,” he said.",
      needle: "Nobody asked us", want: "Tom Okafor",
    },
    {
      name: "she: gender agreement skips the nearer man",
      text: "Maria Santos chairs the board. Peter Hall joined it last year.\n\n“We will vote in June,” she said.",
      needle: "We will vote", want: "Maria Santos",
    },
    {
      name: "he: a man's title beats a woman's first name nearer by",
      text: "Mr Okafor spoke first. Later Jane Reyes arrived.\n\n“The ferry will run,” he said.",
      needle: "ferry will run", want: "Okafor",
    },
    {
      name: "he: the subject of the same sentence, not a name inside the quote",
      text: "Tom Okafor was cautious: “When Mark Ruiz says it is safe, I listen,” he said.",
      needle: "I listen", want: "Tom Okafor",
    },
    {
      name: "a possessive names whose the thing is, not who speaks",
      text: "Ruiz's deputy Ann Lee spoke on Monday. She said the budget was balanced.",
      needle: "budget was balanced", want: "Ann Lee",
    },
    {
      name: "it: a company named just before",
      text: "Greenfield Power restored service on Tuesday. “Crews will work overnight,” it said.",
      needle: "Crews will work", want: "Greenfield Power",
    },
    {
      name: "they: an unnamed plural speaker continues",
      text: "Several analysts said the rate would rise. They also said the pound would fall.",
      needle: "pound would fall", want: "Several analysts",
    },
    {
      name: "who after a common noun is that noun phrase",
      text: "Mark Ruiz met the ferry workers who said the route was unsafe.",
      needle: "route was unsafe", want: "ferry workers",
    },
    {
      name: "a description goes to the body whose name holds its head",
      text: "The Harbour Foundation raised money in May. The foundation said the fund would double.",
      needle: "fund would double", want: "Harbour Foundation",
    },
    {
      name: "a title and surname join the person's full name, not a body holding the word",
      text: "Tom Reyes founded Reyes Shipping in 1990. Mr. Reyes said the firm would grow.",
      needle: "firm would grow", want: "Tom Reyes",
    },
    {
      name: "Mrs and a surname pick the woman of two with that surname",
      text: "Ann Lind and her husband Per Lind run the inn. Mrs. Lind said rooms were full.",
      needle: "rooms were full", want: "Ann Lind",
    },
    {
      name: "a quote-only paragraph with no cue continues the person the paragraph before introduces",
      text: "Councillor Mark Ruiz said the plan was sound.\n\nTom Okafor, a ferry captain, has worked the route for years.\n\n“Nobody asked us. We were never told.”",
      needle: "Nobody asked us", want: "Tom Okafor",
    },
    {
      name: "negative: a quote-only paragraph after a paragraph naming no one stays unattributed",
      text: "The ferry has run for years.\n\nThe route is long and the sea is rough.\n\n“Nobody asked us. We were never told.”",
      needle: "Nobody asked us", want: null,
    },
    {
      name: "he: a person behind title words a body's word kept whole ('House Majority Leader') is a person",
      text: "Harbour Board Chairman Tom Okafor spoke on Monday.\n\n“We will rebuild the pier,” he said.",
      needle: "rebuild the pier", want: "Tom Okafor",
    },
    {
      name: "he: a fragment read as a speaker ('where it costs $70') is nobody a pronoun can reach",
      text: "Tom Okafor has run the club since 1990.\n\nAt Bay Point, where it costs new members $70,000 to sign up, Jo Bloggs, the club's president, suggested that the troubles of rivals came from poor management.\n\n''It was just waiting for a storm,'' he said.",
      needle: "waiting for a storm", want: "Jo Bloggs",
    },
    {
      name: "he: a lone capitalised plural ('Audiences') is not a person",
      text: "Tom Okafor stars in the play. Audiences say the show is long.\n\n“It is straight from the heart,” he said.",
      needle: "straight from the heart", want: "Tom Okafor",
    },
    {
      name: "who: an appositive ending in a place leaves the person as its antecedent",
      text: "The vote was close, said Alan Berger, a baker from Englewood, New Jersey, who said he backs the plan.",
      needle: "he backs the plan", want: "Alan Berger",
    },
    {
      name: "negative: who after a person's name is that person",
      text: "The vote was close, said Ann Lee, who said the count was fair.",
      needle: "count was fair", want: "Ann Lee",
    },
    {
      name: "he’s: a pronoun with a contracted auxiliary is the pronoun",
      text: "Tom Okafor thanked the crew on Monday. And he’s predicted a busy summer on the ferries.",
      needle: "busy summer", want: "Tom Okafor",
    },
    {
      name: "negative: she’d resolves by gender like she",
      text: "Jane Reyes chairs the board. Peter Hall joined it last year. Later she’d said the vote would wait.",
      needle: "vote would wait", want: "Jane Reyes",
    },
    {
      name: "a first name before a title-like surname is a name (Ellen Judge), not a judge",
      text: "Ann Marsh will face former councillor Ellen Judge in May. Judge has little money, but Ellen Judge said the ferry must stay.",
      needle: "ferry must stay", want: "Ellen Judge",
    },
    {
      name: "a body's name goes on after 'of' (the Department of Harbour Safety)",
      text: "Berth fees rose by a third, according to the Department of Harbour Safety.",
      needle: "Berth fees", want: "Department of Harbour Safety",
    },
    {
      name: "a body's name after 'of the' (the Board of the Port Trust), before its cue",
      text: "The Board of the Port Trust said the berths would reopen in May.",
      needle: "berths would reopen", want: "Board of the Port Trust",
    },
    {
      name: "negative: 'of' after a title is no body's name (Secretary of State Ann Lee)",
      text: "Secretary of State Ann Lee said the talks would resume.",
      needle: "talks would resume", want: "Ann Lee",
    },
    {
      name: "the 46-year-old: the person introduced with that age, not the nearest",
      text: "Ann Lee, 46, runs the ferry. Tom Okafor spoke first.\n\n“The berths are full,” said the 46-year-old.",
      needle: "berths are full", want: "Ann Lee",
    },
    {
      name: "the 55-year-old Italian: an age and a nationality describe the person of that age",
      text: "Paolo Marchetti, 55, has run the club since 1996. Tom Okafor left in May. The 55-year-old Italian said: “My intention has always been clear.”",
      needle: "always been clear", want: "Paolo Marchetti",
    },
    {
      name: "the 57-year-old with no age given: the nearest person",
      text: "Jim Bennett greeted voters at the harbour.\n\n“We are friends,” said the 57-year-old.",
      needle: "We are friends", want: "Jim Bennett",
    },
    {
      name: "an age before a name is no part of the name",
      text: "81-year-old Parker Eaton said the ferry must stay.",
      needle: "ferry must stay", want: "Parker Eaton",
    },
    {
      name: "the Supreme Court justice: a role with capitalised words before its head",
      text: "Ruth Ann Baker regrets her remarks about the mayor. The Supreme Court justice said she would be more careful.",
      needle: "more careful", want: "Ruth Ann Baker",
    },
    {
      name: "the company: not a state's name used as a modifier",
      text: "The articles spurred an inquiry by the New York attorney general into Harbourline Shipping. In the weeks after, the company said the reporting was unfair.",
      needle: "reporting was unfair", want: "Harbourline Shipping",
    },
    {
      name: "negative: the chief executive of a body is not the body",
      text: "The ferry timetable will change, the former chief executive of Harbourline said on Monday.",
      needle: "timetable will change", want: "former chief executive of Harbourline",
    },
    {
      name: "negative: a name does not start inside a word ('AT&T. And')",
      text: "Employers including Harbourline Shipping and AT&T. And the company said the law was unfair.",
      needle: "law was unfair", want: "Harbourline Shipping",
    },
    {
      name: "she: a nearer man named by a male first name is ruled out",
      text: "Carl Dobbs is up for re-election in November and will face off with former Lt. Gov. Ellen Judge (D). Judge doesn’t have the name recognition of Dobbs, but she said the longtime councillor had lost touch.",
      needle: "lost touch", want: "Ellen Judge",
    },
    {
      name: "negative: he after the speaker's own quote stays with that speaker, whatever the name list says",
      text: "Lindsey Hart spoke to the party. Hart said, “We are losing voters.” He added, “It is not about turnout.”",
      needle: "not about turnout", want: "Lindsey Hart",
    },
    {
      name: "a first name alone after 'named' introduces a person a later she can stand for",
      text: "Tom Reyes wrote about it in the Harbour News. The woman who started it identified herself as a 52-year-old resident named Caroline. “He truly cares about the town,” she said.",
      needle: "truly cares", want: "Caroline",
    },
    {
      name: "negative: a capitalised word after 'called' that is no first name makes no person",
      text: "Tom Reyes runs a ferry called Osprey. “It will sail at dawn,” he said.",
      needle: "sail at dawn", want: "Tom Reyes",
    },
    {
      name: "two roles joined by 'and' after a quote are one person's, matched on either role",
      text: "Sen. Tom Reyes responded first, ripping into the mayor late on Tuesday. “The port is run by people who do not listen,” the Florida senator and Republican presidential candidate said in a statement.",
      needle: "do not listen", want: "Tom Reyes",
    },
    {
      name: "a surname alone, capitalised inside a sentence too and followed by a 'he', is a person",
      text: "Ben Brafman, a lawyer for Okonjo, spoke for an hour. Okonjo said little in court. Okonjo was the founder of a donors group. Okonjo was clearly trying to buy influence; indeed, he had publicly stated that money buys access.",
      needle: "money buys access", want: "Okonjo",
    },
    {
      name: "negative: a capitalised participle opening sentences is no person ('Making the rounds, he …')",
      text: "Tom Reyes spoke on Sunday. Making the rounds of the shows, he said the ferry would run. Making a point, he said the port would stay open.",
      needle: "port would stay open", want: "Tom Reyes",
    },
    {
      name: "a first name before 'Day' is a person (Kristen Day), whom a later she stands for",
      text: "Kristen Day, director of the group, spoke first. Ann Richards disagreed. Day said the platform was too narrow. She added that members had called for a change.",
      needle: "called for a change", want: "Kristen Day",
    },
    {
      name: "a clause before ', then says' is no speaker; its subject is",
      text: "A man asked about the harbour. Tom Reyes jokingly offered the man a job as Harbour Master, then says he’ll welcome advice from anyone who wants it.",
      needle: "welcome advice", want: "Tom Reyes",
    },
    {
      name: "the agency: a government body named with another head word",
      text: "The Harbour Department said on Thursday that it fell short of its goal. “We have worked diligently,” said the agency, which fell 2,000 pages short.",
      needle: "worked diligently", want: "Harbour Department",
    },
    {
      name: "negative: the company is not a person introduced with an age",
      text: "Geert Marsh, 56, worked as a finance director in Belgium. The company said it was deeply saddened.",
      needle: "deeply saddened", want: "company",
    },
    {
      name: "a heading in capitals names no one: 'it' is not FULL TEXT",
      text: "FULL TEXT. In a blog post on Friday, the ferry company said it had suspended 125 routes. It also said it had expanded its team.",
      needle: "expanded its team", want: null,
    },
    {
      name: "negative: a transcript's capitalised speaker label with a first name stays a name",
      text: "JOEL MARSH: We will win the port vote. Later he said the ferry would stay.",
      needle: "ferry would stay", want: "JOEL MARSH",
    },
    {
      name: "a time adverbial opening the sentence is no speaker ('Hours later, …')",
      text: "Ann Lee praised the plan. Hours later, Tom Reyes returned the compliment, telling reporters, “She is an amazing woman.”",
      needle: "amazing woman", want: "Tom Reyes",
    },
    {
      name: "'Back in 1999, …' is no speaker either",
      text: "Back in 1999, Mr. Tom Reyes expressed admiration for the mayor, telling a radio station: “I wish I could be like that.”",
      needle: "could be like that", want: "Tom Reyes",
    },
    {
      name: "a verb coordinated with the cue: 'X smiled and said, “…”' is X's",
      text: "When asked whom she supported, Ms. Ann Sherry smiled and said, “I am waiting for the mayor.”",
      needle: "waiting for the mayor", want: "Ann Sherry",
    },
    {
      name: "'According to X:' before a quote names its source",
      text: "The ferry timetable changed on Monday. According to the Harbour News: “The ferry will close in May.”",
      needle: "close in May", want: "Harbour News",
    },
    {
      name: "a person's campaign as the subject of a participle cue speaks",
      text: "Tom Reyes’s campaign shrugged off the remarks, telling reporters, “Nobody asked for an endorsement.”",
      needle: "Nobody asked", want: "Tom Reyes campaign",
    },
    {
      name: "an appositive holding 'Place, State,' between a name and its cue after a quote",
      text: "The arrest was a shock. “If the mayor had listened, I would have stayed,” Mr. Tom Reyes, now 81 and retired in Cambridge, Mass., said by telephone this week.",
      needle: "would have stayed", want: "Tom Reyes",
    },
    {
      name: "his remarks (capitalised) speak for whom 'his' stands",
      text: "Tom Okafor spoke to the council on Monday. His remarks suggested the ferry would close.",
      needle: "ferry would close", want: "Tom Okafor",
    },
    {
      name: "a described body's document speaks for the body",
      text: "The Harbour Foundation has run the clinic since 2001. It treated 500 patients last year, according to the foundation's tally.",
      needle: "500 patients", want: "Harbour Foundation",
    },
    {
      name: "they: a capitalised plural speaker ('Several Democrats') continues",
      text: "Ann Lee, a pollster, said the vote was close. Several Democrats said the result was no guide. They also said turnout was low.",
      needle: "turnout was low", want: "Several Democrats",
    },
    {
      name: "the company: the body named just before, though its name lacks the word",
      text: "Greenfield Power restored service on Tuesday. The company said crews would work overnight.",
      needle: "crews would work", want: "Greenfield Power",
    },
    {
      name: "negative: the company is not the person named just before",
      text: "Tom Okafor restored service on Tuesday. The company said crews would work overnight.",
      needle: "crews would work", want: "company",
    },
    {
      name: "he: a name the text places ('in Kellerton Falls') is a place, though a possessive seems to give it a role",
      text: "Tom Okafor spoke on Monday. Voters in Kellerton Falls are split. Tuesday’s Kellerton Falls primary is close.\n\n“We will win here,” he said.",
      needle: "We will win here", want: "Tom Okafor",
    },
    {
      name: "negative: no one agrees, so no one is made up",
      text: "“It is over,” she said.",
      needle: "It is over", want: null,
    },
    {
      name: "he: a narrative 'He' opening a sentence continues its referent, before the man it met",
      text: "Mark Ruiz said the plan was sound. Tom Okafor arrived at the pier. He met with Mark Ruiz there. “We will rebuild,” he said.",
      needle: "We will rebuild", want: "Tom Okafor",
    },
    {
      name: "negative: a narrative 'She' continues a woman, so the man it met is still the nearest for 'he'",
      text: "Tom Okafor arrived at the pier. Ann Lee came later. She met with Mark Ruiz there. “We will rebuild,” he said.",
      needle: "We will rebuild", want: "Mark Ruiz",
    },
    {
      name: "he: a name after 'written to' is an object, not its sentence's subject; the speaker before wins",
      text: "Tom Okafor runs the ferry. “We will rebuild,” Okafor said. The council had written to Mark Ruiz. “It will take a year,” he said.",
      needle: "take a year", want: "Tom Okafor",
    },
    {
      name: "negative: the same man as the subject of that sentence is the one",
      text: "Tom Okafor runs the ferry. “We will rebuild,” Okafor said. Mark Ruiz had written to the council. “It will take a year,” he said.",
      needle: "take a year", want: "Mark Ruiz",
    },
    {
      name: "he: the man the quote names is its topic, not its speaker",
      text: "Tom Okafor runs the ferry. Mark Ruiz wants to close it. “Ruiz is wrong about the route,” he said.",
      needle: "wrong about the route", want: "Tom Okafor",
    },
    {
      name: "negative: with no one named inside the quote, the nearer subject speaks",
      text: "Tom Okafor runs the ferry. Mark Ruiz wants to close it. “The route is wrong,” he said.",
      needle: "route is wrong", want: "Mark Ruiz",
    },
    {
      name: "he: 'he said of X' is about X, so X is not the speaker",
      text: "Tom Okafor spoke on Monday. Mark Ruiz had left. “He was never ready,” he said of Ruiz.",
      needle: "never ready", want: "Tom Okafor",
    },
    {
      name: "negative: 'he said' with nothing after it goes to the nearer man",
      text: "Tom Okafor spoke on Monday. Mark Ruiz had left. “He was never ready,” he said.",
      needle: "never ready", want: "Mark Ruiz",
    },
    {
      name: "they: with no plural speaker, the company that is the subject of the sentence before",
      text: "Greenfield Power restored service on Tuesday. “Crews will work overnight,” they said.",
      needle: "Crews will work", want: "Greenfield Power",
    },
    {
      name: "negative: they is not a company named as an object ('met with Greenfield Power'), but the pair that met it",
      text: "Ann Lee and Tom Okafor met with Greenfield Power on Tuesday. “Crews will work overnight,” they said.",
      needle: "Crews will work", want: "Ann Lee and Tom Okafor",
    },
    {
      name: "negative: they is not a company named three sentences back",
      text: "Greenfield Power restored service on Tuesday. The storm had passed. The roads were clear by noon. “Crews will work overnight,” they said.",
      needle: "Crews will work", want: null,
    },
    {
      name: "a document speaks for whoever the article just said published it",
      text: "The Harbour Safety Agency published a review of the ferry on Tuesday. The report said the hull was sound.",
      needle: "hull was sound", want: "Harbour Safety Agency",
    },
    {
      name: "a letter speaks for its writer named in the paragraph before",
      text: "Tom Okafor wrote an open letter to the council in May.\n\nThe letter said the pier was unsafe.",
      needle: "pier was unsafe", want: "Tom Okafor",
    },
    {
      name: "negative: a body named doing something else did not write the report",
      text: "The Harbour Safety Agency inspected the ferry on Tuesday. The report said the hull was sound.",
      needle: "hull was sound", want: "report",
    },
    {
      name: "negative: the one a letter was sent to is not its author",
      text: "The board sent Tom Okafor a letter in May. The letter said the pier was unsafe.",
      needle: "pier was unsafe", want: "letter",
    },
    {
      name: "a statement provided by the one named right before the verb, not the outlet that reported it (decision 035)",
      text: "The Harbour Courier said Tom Okafor provided a written statement on Monday. “The pier is safe,” the statement said.",
      needle: "The pier is safe", want: "Tom Okafor",
    },
    {
      name: "an email is its sender's: 'emailed supporters' (decision 035)",
      text: "Ann Lee, vice chair of the campaign, emailed supporters on Monday. The email goes on to say: “We have to be ready.”",
      needle: "We have to be ready", want: "Ann Lee",
    },
    {
      name: "negative: a tweet is not an email's sender (decision 035)",
      text: "Ann Lee tweeted on Monday. The email goes on to say: “We have to be ready.”",
      needle: "We have to be ready", want: "email",
    },
    {
      name: "a letter the subject contended in (decision 035)",
      text: "Greenfield Power contended in its letter that the articles were biased. The letter also accuses one reporter of ignoring the company's views.",
      needle: "one reporter", want: "Greenfield Power",
    },
    {
      name: "a memo put out in the passive, its author a modifier (decision 035)",
      text: "A Tom Okafor campaign memo was released as the polls closed. “We feel very good about our prospects,” the memo stated.",
      needle: "We feel very good", want: "Tom Okafor",
    },
    {
      name: "a state and party epithet for a lawmaker named just before with neither (decision 035)",
      text: "Rep. Tom Okafor released a statement on Tuesday. “The inquiry found the facts,” said Okafor. The Ohio Republican added that the inquiry would go on.",
      needle: "the inquiry would go on", want: "Tom Okafor",
    },
    {
      name: "negative: a party tag the epithet contradicts (decision 035)",
      text: "Rep. Tom Okafor (D-Ohio) released a statement on Tuesday. “The inquiry found the facts,” said Okafor. The Ohio Republican added that the inquiry would go on.",
      needle: "the inquiry would go on", want: "Ohio Republican",
    },
    {
      name: "negative: no lawmaker's title, no epithet's referent (decision 035)",
      text: "Tom Okafor released a statement on Tuesday. “The inquiry found the facts,” said Okafor. The Ohio Republican added that the inquiry would go on.",
      needle: "the inquiry would go on", want: "Ohio Republican",
    },
    {
      name: "his father: the person introduced as 'His father, Sam Okafor,'",
      text: "Tom Okafor runs the ferry. His father, Sam Okafor, built it. His father said the ferry was old.",
      needle: "ferry was old", want: "Sam Okafor",
    },
    {
      name: "his father: the person introduced as 'Sam Okafor, his father,'",
      text: "Tom Okafor runs the ferry. Sam Okafor, his father, built it. Later, his father said the ferry was old.",
      needle: "ferry was old", want: "Sam Okafor",
    },
    {
      name: "negative: 'his brother' is not the man introduced as his father",
      text: "Tom Okafor runs the ferry. His father, Sam Okafor, built it. Later, his brother said the ferry was old.",
      needle: "ferry was old", want: "brother",
    },
    {
      name: "an outlet introduced by description ('a Kellerton Falls newspaper') is the outlet the next sentence names",
      text: "To the dismay of residents, a Kellerton Falls newspaper called on the council to act. The Harbour Courier had warned of the risk for months.",
      needle: "to act", want: "Harbour Courier",
    },
    {
      name: "the editorial is the outlet's named before",
      text: "The Harbour Courier reported the closure. The editorial said the council had failed.",
      needle: "council had failed", want: "Harbour Courier",
    },
    {
      name: "a surname stands for the full name written only as a possessive ('Jo Okafor’s server')",
      text: "More than 1,200 emails from Jo Okafor’s private server were classified. “Nothing was marked,” Okafor said.",
      needle: "Nothing was marked", want: "Jo Okafor",
    },
    {
      name: "a body named after a person is not whom the surname stands for",
      text: "Okafor worked for years with the Okafor Global Initiative. “Nothing was marked,” Okafor said.",
      needle: "Nothing was marked", want: "Okafor",
    },
    {
      name: "negative: a full name written out is not outranked by another's possessive",
      text: "Lindo Okafor met aides of the ferry firm. Later, Gary Okafor’s aides met them too. “We talked,” Okafor said.",
      needle: "We talked", want: "Lindo Okafor",
    },
    {
      name: "'The Okafor administration' makes no body of the Mr. Okafor a 'he' stands for",
      text: "The Okafor administration has upended the plans. Mr. Okafor tried to draw a distinction. “I think people understood,” he said.",
      needle: "people understood", want: "Okafor",
    },
    {
      name: "a person's title before a lone surname makes a person ('President Okafor')",
      text: "President Okafor spoke on Monday. The Okafor administration has upended the plans. Later, he said the plans were sound.",
      needle: "plans were sound", want: "Okafor",
    },
    {
      name: "negative: a lone surname with no title and no pronoun after it is no person for a later 'he'",
      text: "The Okafor administration has upended the plans. Later, he said the plans were sound.",
      needle: "plans were sound", want: null,
    },
    {
      name: "a body's name and a title before a person's name: the person ('… Committee Chairman Reince Okafor')",
      text: "Republican National Committee Chairman Reince Okafor met donors on Monday. “We are ready,” Okafor said.",
      needle: "We are ready", want: "Reince Okafor",
    },
    {
      name: "negative: a body's name and a title with no name after them stay the body's",
      text: "The Harbour Council Chief Executive said the pier was safe.",
      needle: "pier was safe", want: "Harbour Council Chief Executive",
    },
    {
      name: "a title that is also a first name, after a title, is the first name ('Rep. Earl Okafor')",
      text: "Rep. Earl Okafor spoke on Monday. “We are ready,” Okafor said.",
      needle: "We are ready", want: "Earl Okafor",
    },
    {
      name: "a surname before a generational suffix ('Joseph R. Okafor Jr.') is whom 'Mr. Okafor' stands for",
      text: "Vice President Joseph R. Okafor Jr. spoke on Monday. “We are ready,” Mr. Okafor said.",
      needle: "We are ready", want: "Joseph R. Okafor Jr",
    },
    {
      name: "a state-and-party epithet no one fits in full continues the speaker just before",
      text: "Republican National Committee Chairman Reince Okafor met donors on Monday. House Speaker Paul Bates spoke to a network. “We must unify this party,” Bates said. The Ohio Republican said the nominee should be congratulated.",
      needle: "should be congratulated", want: "Paul Bates",
    },
    {
      name: "negative: a lawmaker introduced with that state and party is the epithet's, not the last speaker",
      text: "Sen. Jo Reyes (R-Ohio) met donors on Monday. House Speaker Paul Bates spoke to a network. “We must unify this party,” Bates said. The Ohio Republican said the nominee should be congratulated.",
      needle: "should be congratulated", want: "Jo Reyes",
    },
    {
      name: "a gendered description no one was introduced as looks past a woman and an office holder ('the businessman')",
      text: "Ann Ruiz said hackers hit the port, and she accused contender Donald Okafor of backing Russian President Vlad Petrov. Asked if she believed Petrov wanted Okafor to win, Ruiz said she would not say. The New York businessman has praised Petrov, saying he was a strong leader.",
      needle: "strong leader", want: "Donald Okafor",
    },
    {
      name: "an occupation head ('the billionaire real estate magnate') is the person just written about",
      text: "Republican hopeful Donald Okafor says he does not watch football. Okafor drew the analogy during a speech on Sunday. The billionaire real estate magnate says the game has changed.",
      needle: "game has changed", want: "Donald Okafor",
    },
    {
      name: "negative: an office head is the office holder's ('the president')",
      text: "Ann Ruiz met Russian President Vlad Petrov on Monday. Donald Okafor was not there. The president said the talks went well.",
      needle: "talks went well", want: "Vlad Petrov",
    },
    {
      name: "a name inside what the last speaker reported is not its sentence's subject ('The race between Ruiz and Bates …, Okafor said')",
      text: "Ann Ruiz leads the race. The race between Ann Ruiz and Mary Bates has turned sour and will take time to cool off, Madeleine Okafor said in an interview.\n\n“Her normal demeanor is grumpy,” she said.",
      needle: "normal demeanor", want: "Madeleine Okafor",
    },
    {
      name: "negative: the subject of a narrative sentence is still its subject",
      text: "Madeleine Okafor said the race was close.\n\nAnn Ruiz and Mary Bates met in a debate on Monday. Ruiz spoke first.\n\n“I am ready,” she said.",
      needle: "I am ready", want: "Ann Ruiz",
    },
    {
      name: "a party's members named by place ('Nevada Democrats') are a group, no woman for 'she'",
      text: "After the meeting of Nevada Democrats ended in mayhem, Roberta Okafor, the state party chairwoman, said she had received threats.\n\n“The campaign incited everything,” she said.",
      needle: "incited everything", want: "Roberta Okafor",
    },
    {
      name: "negative: a person with a place's first name is still a person ('Nevada Okafor')",
      text: "After the meeting of the party ended in mayhem, Nevada Okafor spoke to reporters.\n\n“The campaign incited everything,” she said.",
      needle: "incited everything", want: "Nevada Okafor",
    },
    {
      name: "a share of those asked is the speaker, not its last number ('Six in 10 say')",
      text: "The port reopened. Six in 10 say the ferry is late.",
      needle: "ferry is late", want: "Six in 10",
    },
    {
      name: "a month closing a poll's description names no one ('a Harbour poll conducted in February')",
      text: "The port reopened. Some 55 percent of voters said the ferry was late, according to a Harbour poll conducted in February.",
      needle: "Some 55 percent", want: "Harbour poll conducted in February",
    },
    {
      name: "negative: a number that is a name's stays the name's ('Transport 2000 said')",
      text: "The port reopened. Transport 2000 said the ferry was late.",
      needle: "ferry was late", want: "Transport 2000",
    },
    {
      name: "a place after the subject is where it is, not who speaks ('Most voters in Alabama, Georgia and Virginia said')",
      text: "The port reopened. Most Republican voters in Alabama, Georgia and Virginia said they felt betrayed.",
      needle: "felt betrayed", want: "Most Republican voters in Alabama, Georgia and Virginia",
    },
    {
      name: "negative: a person's name after a place phrase still speaks ('In Leeds, Ann Ruiz said')",
      text: "The port reopened. In Leeds, Ann Ruiz said the ferry was late.",
      needle: "ferry was late", want: "Ann Ruiz",
    },
    {
      name: "a place before a lowercase role and a name after an inverted cue ('said Ohio delegate Tom Reyes')",
      text: "The port reopened. “This is a show,” said Ohio delegate Tom Reyes.",
      needle: "This is a show", want: "Tom Reyes",
    },
    {
      name: "'the senator from Vermont' is the Vermont senator named before",
      text: "Vermont Sen. Bernie Okafor spoke on Monday. Ann Ruiz spoke too. The senator from Vermont said they would win.",
      needle: "they would win", want: "Bernie Okafor",
    },
    {
      name: "negative: 'the senator from Vermont' is no senator introduced with another state",
      text: "Ohio Sen. Bernie Okafor spoke on Monday. Ann Ruiz spoke too. The senator from Vermont said they would win.",
      needle: "they would win", want: "senator from Vermont",
    },
    {
      name: "a named owner's campaign is a body of its own ('Bernie Okafor’s campaign says')",
      text: "The port reopened. Bernie Okafor spoke. Bernie Okafor’s campaign says it raised more.",
      needle: "raised more", want: "Bernie Okafor campaign",
    },
    {
      name: "'her campaign' is the campaign of the woman meant",
      text: "The port reopened. Ann Ruiz spoke on Monday. Her campaign said it raised more.",
      needle: "raised more", want: "Ann Ruiz campaign",
    },
    {
      name: "'the campaign' is the campaign that spoke before ('The Okafor campaign said … the campaign said')",
      text: "The port reopened. The Okafor campaign said it would assess its options. If it is small, the campaign said, it may not bother.",
      needle: "may not bother", want: "Okafor campaign",
    },
    {
      name: "'the campaign' is the one last written of ('reports that Ruiz’s campaign is filing')",
      text: "Ann Ruiz spoke. That is according to reports that Ruiz’s campaign is filing. The campaign says the average donation was small.",
      needle: "average donation", want: "Ann Ruiz campaign",
    },
    {
      name: "a title's gender picks among people of the owner's surname ('Mrs. Okafor’s campaign')",
      text: "Bill Okafor spoke. Bill Okafor spoke again. Ann Okafor spoke. Mrs. Okafor’s campaign said it raised more.",
      needle: "raised more", want: "Ann Okafor campaign",
    },
    {
      name: "negative: one campaign among others is no one's in particular ('a rival campaign')",
      text: "Ann Ruiz spoke. Her campaign said it raised more. Later, a rival campaign said it raised less.",
      needle: "raised less", want: "rival campaign",
    },
    {
      name: "a person named after 'from' is no place ('according to a post from Mary Okafor', then 'she')",
      text: "Ann Ruiz leads the race. Ruiz spoke on Monday. The coverage will be biased, according to a post from Mary Okafor.\n\n“We will cover the ways the race is unique,” she wrote.",
      needle: "cover the ways", want: "Mary Okafor",
    },
    {
      name: "negative: a state's seat of government is no woman for 'she' ('from the Georgia Statehouse')",
      text: "Ann Ruiz spoke on Monday. Reporters came from the Georgia Statehouse.\n\n“We will cover the race,” she said.",
      needle: "cover the race", want: "Ann Ruiz",
    },
    {
      name: "a news agency is no newspaper ('the Associated Press … The newspaper reported')",
      text: "The port reopened, the Associated Press reported Friday. The newspaper reported that the ferry was late.",
      needle: "ferry was late", want: "newspaper",
    },
    {
      name: "negative: the newspaper named before is the one, past a broadcaster named since",
      text: "The port reopened, the Harbour Times reported Friday. CNN said so too. The newspaper reported that the ferry was late.",
      needle: "ferry was late", want: "Harbour Times",
    },
    {
      name: "'they' for two named as a sentence's subject ('Tom Wilcox and Carl Beruff argued …')",
      text: "The port reopened. Tom Wilcox and Carl Beruff argued that the department is not needed. State departments can do that, they said.",
      needle: "State departments", want: "Tom Wilcox and Carl Beruff",
    },
    {
      name: "'they' for a pair after 'As' opening the sentence",
      text: "The port reopened. As Gary Okafor and Bill Weld stumped across the county, they were recognized by voters, they said.",
      needle: "stumped across", want: "Gary Okafor and Bill Weld",
    },
    {
      name: "negative: two named as subject and object are no pair for 'they'",
      text: "The port reopened. Ann Ruiz met Tom Bates. The plan is sound, they said.",
      needle: "plan is sound", want: null,
    },
    {
      name: "negative: a newspaper the article never names stays a description",
      text: "A newspaper said the council had failed. Tom Okafor agreed.",
      needle: "council had failed", want: "newspaper",
    },
  ];
  for (const c of cases) {
    it(c.name, () => assert.equal(speakerOf(c.text, c.needle).canonical, c.want));
  }
});

describe("reading the speaker after a quote", () => {
  const cases: { name: string; text: string; needle: string; want: string }[] = [
    { name: "an age between name and cue", text: "“We were lucky,” Tom Okafor, 66, said on Monday.", needle: "We were lucky", want: "Tom Okafor" },
    { name: "a description's appositive name speaks", text: "“The pier is closed,” the council spokesman, Jo Bloggs, said.", needle: "pier is closed", want: "Jo Bloggs" },
    { name: "a who-clause between name and cue", text: "“It was cold,” Ann Lee, who runs the inn, said.", needle: "It was cold", want: "Ann Lee" },
    { name: "a time phrase between subject and cue", text: "Mayor Ann Ruiz on Friday announced that the pier would reopen.", needle: "pier would reopen", want: "Ann Ruiz" },
    { name: "a participle after a comma speaks for the sentence's subject", text: "Ann Lind claimed victory in a post, saying: “We won the port.”", needle: "We won the port", want: "Ann Lind" },
    { name: "a bracketed tag and a comma before a leading cue", text: "After the vote, Gov. Jo Bloggs (R-Ohio), said, “We are ready for the next round.”", needle: "ready for the next", want: "Jo Bloggs" },
    { name: "a reflexive between subject and cue", text: "Ruiz himself acknowledged that the vote was close.", needle: "vote was close", want: "Ruiz" },
  ];
  for (const c of cases) it(c.name, () => assert.equal(speakerOf(c.text, c.needle).canonical, c.want));
});

describe("speaker kinds", () => {
  const cases: { name: string; text: string; needle: string; want: SpeakerKind }[] = [
    { name: "a named person", text: "Tom Okafor said the route was safe.", needle: "route was safe", want: "person" },
    { name: "an outlet", text: "The Harbour Times reported that the pier would close.", needle: "pier would close", want: "media" },
    { name: "a body", text: "Greenfield Power said the lines were repaired.", needle: "lines were repaired", want: "organisation" },
    { name: "a document", text: "The report said the bridge was unsafe.", needle: "bridge was unsafe", want: "document" },
    { name: "an unnamed group", text: "Protesters said the fares were too high.", needle: "fares were too high", want: "group" },
    { name: "a people's plural ('Many Latinos have said')", text: "The port reopened. Many Latinos have said the plan falls flat.", needle: "plan falls flat", want: "group" },
    { name: "a party's plural with a modifier ('Leading Democrats')", text: "The port reopened. Leading Democrats have said the plan falls flat.", needle: "plan falls flat", want: "group" },
    { name: "negative: a surname that looks plural stays a person's ('Sanders said')", text: "Bernie Sanders spoke. Sanders said the plan falls flat.", needle: "plan falls flat", want: "person" },
    { name: "a country alone is a place, no person ('Scotland said')", text: "The port reopened. Scotland said the ferry would run.", needle: "ferry would run", want: "place" },
    { name: "negative: a person with a country's name as a surname stays a person", text: "The port reopened. Jo Jordan spoke. Jordan said the ferry would run.", needle: "ferry would run", want: "person" },
    { name: "a share of those asked ('Six in 10 say')", text: "The port reopened. Six in 10 say the ferry is late.", needle: "ferry is late", want: "group" },
    { name: "a share with 'out of' ('About four out of 10 voters')", text: "The port reopened. About four out of 10 voters said the ferry was late.", needle: "ferry was late", want: "group" },
    { name: "an anonymous source", text: "A senior official said the talks had stalled.", needle: "talks had stalled", want: "anonymous" },
    { name: "an unnamed individual by role", text: "The ferry captain said the sea was rough.", needle: "sea was rough", want: "anonymous" },
    { name: "a club named like a place", text: "Exeter City said the match would go ahead.", needle: "match would go ahead", want: "organisation" },
    { name: "a sports body", text: "Athletics Ireland said the race was fair.", needle: "race was fair", want: "organisation" },
    { name: "a charity named after a person", text: "The Jo Okafor Trust said the hall would reopen.", needle: "hall would reopen", want: "organisation" },
    { name: "a body word inside a person's name", text: "Jo City Bates said the road was closed.", needle: "road was closed", want: "person" },
    { name: "an acronym's plural is people", text: "MPs said the bill would fail.", needle: "bill would fail", want: "group" },
    { name: "a quantified acronym plural", text: "Several CEOs said the rules were unfair.", needle: "rules were unfair", want: "group" },
    { name: "an acronym ending in a capital S is a body", text: "The NHS said waiting lists were shorter.", needle: "waiting lists", want: "organisation" },
    { name: "a body's role before a person", text: "Harbour Workers Union treasurer Jo Bates said the strike would end.", needle: "strike would end", want: "person" },
  ];
  for (const c of cases) it(`${c.name}: ${c.want}`, () => assert.equal(speakerOf(c.text, c.needle).kind, c.want));

  const names: [string, boolean][] = [
    ["Tom Okafor", true], ["George H.W. Bush", true], ["Ludwig van Beethoven", true], ["Kim Jong-un", true],
    ["Steve Morgan. Parry", false], ["company", false], ["Friday", false], ["758", false], ["Legal experts", false],
    ["<img Src=x>", true], ["December Lindcorp", false], ["June Okafor", true], ["Currently", false], ["Speculation", false], ["Reyes", true],
    // a sentence's first word is no name: "When asked, …", "Some 80 said", "This was …"
    ["When", false], ["If", false], ["This", false], ["Another", false], ["Some", false], ["Some 80", false], ["Most", false],
    ["Several Democrats", true], ["The Harbour Times", true], ["Sommer Lee", true], ["Thistle Okafor", true], ["Mostyn Bates", true],
    // a figure, a date or a sentence adverb run into a name; a name holding a figure later stays one
    ["27bn Lindcorp", false], ["21 March", false], ["2004 LCN", false], ["April 2004", false], ["However 60", false],
    ["Meanwhile Lindcorp", false], ["Both the Lenders Council", false], ["Both Okafors", true], ["Transport 2000", true],
    ["50 Cent", true], ["April Okafor", true], ["Section 12 Okafor", true],
  ];
  for (const [n, ok] of names) it(`${JSON.stringify(n)} ${ok ? "is" : "is not"} a name`, () => assert.equal(looksLikeName(n), ok));

  it("a pronoun's kind: they is a group, he a person, it unknown", () => {
    const m = (w: string) => analyse(tokenize(w, 0, w.length), w)!;
    assert.equal(mentionKind(m("they"), null), "group");
    assert.equal(mentionKind(m("he"), null), "person");
    assert.equal(mentionKind(m("it"), null), "unknown");
  });
});

describe("coreference helpers", () => {
  it("headlines in title case name nobody; ordinary sentences are not headlines", () => {
    const doc = makeDoc("Council Says Ferry Plan Is Sound. Tom Okafor said the plan was sound. Secretary of State Ann Lee met Foreign Minister Per Lind.");
    const spans = headlineSpans(doc);
    assert.equal(spans.length, 1);
    assert.equal(doc.text.slice(spans[0]!.start, spans[0]!.end).trim(), "Council Says Ferry Plan Is Sound.");
  });
  const who: [string, string | null][] = [
    ["the ferry workers who", "ferry workers"], ["among the 30 percent of voters who", "percent of voters"], ["Ann Lee, a captain, who", null], ["Ann Lee who", null],
  ];
  for (const [t, want] of who) it(`'who' after ${JSON.stringify(t)}`, () => assert.equal(whoDescription(t, t.length - 3), want));
});

describe("coreference: descriptions go to the person introduced with that role, state or party", () => {
  const cases: { name: string; text: string; needle: string; want: string | null }[] = [
    {
      name: "the state and office of a party-state tag",
      text: "Sen. Jo Bloggs (R-Fla.) met Tom Okafor on Monday. Okafor runs a ferry company.\n\n“The bridge can wait,” the Florida senator said.",
      needle: "bridge can wait", want: "Jo Bloggs",
    },
    {
      name: "the state and party of a title before the name",
      text: "Republican Sen. Jo Bloggs spoke to Ohio Sen. Mark Ruiz about the ferry. Ann Reyes listened.\n\n“We need the money,” the Ohio Republican said.",
      needle: "need the money", want: "Mark Ruiz",
    },
    {
      name: "a party the description names rules out a person of the other party",
      text: "Ann Reyes, a Democrat from Ohio, and Mark Ruiz (R-Ohio) met the council.\n\n“It is a good deal,” the Ohio Republican said.",
      needle: "good deal", want: "Mark Ruiz",
    },
    {
      name: "the role of an appositive, past a nearer person",
      text: "Tom Okafor, the campaign manager, arrived early. Ann Reyes spoke to the crowd.\n\n“Turnout will be high,” the campaign manager said.",
      needle: "Turnout will be high", want: "Tom Okafor",
    },
    {
      name: "the candidate: the person the article is about when no introduction says",
      text: "Mark Ruiz toured the port. Mark Ruiz met dock workers, and Ruiz's aides handed out leaflets. Later Peter Hall, a union organiser, told reporters he was unconvinced.\n\n“The port will grow,” the candidate said.",
      needle: "port will grow", want: "Mark Ruiz",
    },
    {
      name: "an indefinite description is someone new, not the person with that role",
      text: "Tom Okafor, a former defense official, spoke first.\n\n“It will not work,” a former defense official said.",
      needle: "will not work", want: null,
    },
    {
      name: "a name after 'to' with a known first name is a person, and 'Mr' joins it",
      text: "The letter was sent to Donald Hall in May. Mr. Hall did not answer.\n\n“We never saw it,” Mr. Hall said.",
      needle: "never saw it", want: "Donald Hall",
    },
    {
      name: "'The Ruiz campaign' is no body called Ruiz: 'Mr. Ruiz' still joins the full name",
      text: "Mark Ruiz toured the port on Monday. The Ruiz campaign handed out leaflets.\n\n“The port will grow,” Mr. Ruiz said.",
      needle: "port will grow", want: "Mark Ruiz",
    },
    {
      name: "a one-word body with 'The' that no person's surname is stays a body",
      text: "The Vatican issued a note on Monday. Mark Ruiz read it.\n\n“The visit is off,” the Vatican said.",
      needle: "visit is off", want: "Vatican",
    },
    {
      name: "a role tied to a named person goes to the new person the next sentence opens with",
      text: "Mark Ruiz toured the port on Monday.\n\nA top Mark Ruiz adviser says the tour went well.\n\nTom Okafor spoke to reporters after the visit.",
      needle: "tour went well", want: "Tom Okafor",
    },
    {
      name: "a possessive role goes to the person introduced with that role",
      text: "Ann Reyes hired campaign manager Tom Okafor in May. Peter Hall joined later.\n\nAnn Reyes’s campaign manager says the count is wrong.",
      needle: "count is wrong", want: "Tom Okafor",
    },
    {
      name: "no new person opens the next sentence: the role stays unresolved",
      text: "Mark Ruiz toured the port on Monday.\n\nA top Mark Ruiz adviser says the tour went well.\n\nMark Ruiz spoke to reporters after the visit.",
      needle: "tour went well", want: "top Mark Ruiz adviser",
    },
    {
      name: "a dotted acronym goes to the body the article names in full, small words included",
      text: "Divers from the Harbour Bureau of Investigation searched the lake on Monday.\n\n“Nothing was found,” the H.B.I. said.",
      needle: "Nothing was found", want: "Harbour Bureau of Investigation",
    },
    {
      name: "an acronym the article never spells out stays as written",
      text: "Divers searched the lake on Monday.\n\n“Nothing was found,” the H.B.I. said.",
      needle: "Nothing was found", want: "H.B.I.",
    },
    {
      name: "a verb phrase coordinated with the cue's: its subject is the name opening it",
      text: "Ann Reyes toured the port on Monday.\n\nReyes often praises the ferry crews and has called for higher wages at the port.",
      needle: "higher wages", want: "Ann Reyes",
    },
    {
      name: "'the remarks' right after a quote are its speaker's",
      text: "“We will build the bridge,” Ann Reyes said on Monday.\n\nThe remarks suggest the council will vote for the plan next month.",
      needle: "council will vote", want: "Ann Reyes",
    },
    {
      name: "'the remarks' three paragraphs after the last speaker stay unresolved",
      text: "“We will build the bridge,” Ann Reyes said on Monday.\n\nThe ferry runs hourly.\n\nThe port is busy.\n\nThe remarks suggest the council will vote for the plan next month.",
      needle: "council will vote", want: "remarks",
    },
    {
      name: "a weekday after a document is no name",
      text: "Ann Reyes sued the port.\n\nA court filing dated Thursday says the port broke the lease twice.",
      needle: "broke the lease", want: "court filing dated Thursday",
    },
    {
      name: "a body inside an appositive after 'with' is not the subject",
      text: "Ann Reyes, a pollster who is working with Harbour Watch, a local charity, said the ferry vote would be close.",
      needle: "ferry vote", want: "Ann Reyes",
    },
    {
      name: "a body named as the appositive of the subject still speaks",
      text: "The charity, Harbour Watch, said the ferry vote would be close.",
      needle: "ferry vote", want: "Harbour Watch",
    },
    {
      name: "a word before a known first name that is none itself is no part of the name",
      text: "Defiant Mark Ruiz left the hall on Monday.\n\n“We will be back,” Ruiz said.",
      needle: "will be back", want: "Mark Ruiz",
    },
    {
      name: "a first name inside a body's name is left alone",
      text: "“Most homes are online,” said the Harbour Life Project in a report.",
      needle: "homes are online", want: "Harbour Life Project",
    },
    {
      name: "a role in apposition before the name ('a ferry captain, Tom Okafor,') answers 'the captain'",
      text: "A ferry captain, Tom Okafor, has worked the route for years. Mark Ruiz disagrees. “Nobody asked us,” the captain said.",
      needle: "Nobody asked us", want: "Tom Okafor",
    },
    {
      name: "negative: a phrase before the name that is no role ('A year ago, Tom Okafor') gives none",
      text: "A year ago, Tom Okafor left the port. Mark Ruiz, the captain, stayed. Tom Okafor is back now. “Nobody asked us,” the captain said.",
      needle: "Nobody asked us", want: "Mark Ruiz",
    },
  ];
  for (const c of cases) it(c.name, () => assert.equal(speakerOf(c.text, c.needle).canonical, c.want));
});

describe("coreference: the roles a person's record keeps", () => {
  const rolesOf = (text: string, canonical: string): string[] => {
    const e = extract(text).entities.find((x) => x.canonical === canonical);
    assert.ok(e, `no entity ${canonical}`);
    return e.roles;
  };
  const cases: { name: string; text: string; who: string; want: string[] }[] = [
    { name: "an honorific is not a role", text: "Mr Jo Bloggs said the plan was sound. “It will work,” Mr Bloggs said.", who: "Jo Bloggs", want: [] },
    { name: "a spokesman's role is the spokesman's, not his employer's", text: "Jo Bloggs opened the bridge. A spokesman for Mr Bloggs said the tolls would stay. Mr Bloggs said the bridge was safe.", who: "Jo Bloggs", want: [] },
    { name: "an aide's role is the aide's", text: "Ann Lee arrived late. “We are close,” said Ms Lee. An aide to Ms Lee said the talks would go on.", who: "Ann Lee", want: [] },
    { name: "a title before the name stays (negative row)", text: "“The quay will close,” said harbour master Jo Bloggs.", who: "Jo Bloggs", want: ["harbour master"] },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(rolesOf(c.text, c.who), c.want));
});
