package compare

import (
	"slices"
	"strings"
	"testing"
)

// speakersOf returns the speaker of each quote found in body.
func speakersOf(t *testing.T, body string) (speakers, cues []string) {
	t.Helper()
	for _, q := range quotesOf(t, body) {
		speakers = append(speakers, q.Speaker)
		cues = append(cues, q.Cue)
	}
	return speakers, cues
}

func TestSpeakers(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
		cues []string // when given, the cue of each quote
	}{
		// Attribution patterns.
		{name: "name said after",
			body: `"We seek a partnership," Wendy Sherman said.`,
			want: []string{"Wendy Sherman"}, cues: []string{"said"}},
		{name: "said name after",
			body: `"We seek a partnership," said Wendy Sherman, the deputy secretary.`,
			want: []string{"Wendy Sherman"}, cues: []string{"said"}},
		{name: "told before with colon",
			body: `Wendy Sherman told reporters: "We seek a partnership."`,
			want: []string{"Wendy Sherman"}, cues: []string{"told"}},
		{name: "according to",
			body: `"The car is fine," according to Quentin Tarantino.`,
			want: []string{"Quentin Tarantino"}, cues: []string{"according to"}},
		{name: "tweeted",
			body: `Darnell Lazare tweeted: "It's 2017 and this still happens."`,
			want: []string{"Darnell Lazare"}, cues: []string{"tweeted"}},
		{name: "apposition between name and verb",
			body: `"We apologize," Joshua Freed, a spokesman for American Airlines, said.`,
			want: []string{"Joshua Freed"}, cues: []string{"said"}},
		{name: "relative clause between name and verb",
			body: `Imran Khan, who has been a strong critic of the war, said his government "wants peace."`,
			want: []string{"Imran Khan"}, cues: []string{"said"}},
		{name: "fragment after a speech verb",
			body: `Uma Thurman called the car "a deathbox" on Sunday.`,
			want: []string{"Uma Thurman"}, cues: []string{"called"}},
		{name: "participle takes the clause's subject",
			body: `Donald Trump lashed out on Twitter on Friday, writing: "Crooked Hillary!"`,
			want: []string{"Donald Trump"}, cues: []string{"writing"}},
		{name: "transcript label",
			body: `MAYOR ELENA MARSH: "The barrier will cost $48 million."`,
			want: []string{"Elena Marsh"}, cues: []string{":"}},
		{name: "label inside a quoted transcript",
			body: `"PENCE: Well, look, this is serious business."`,
			want: []string{"PENCE"}, cues: []string{":"}},
		{name: "label ending the paragraph before",
			body: "Kirby said:\n\n\"We have been honest about our concerns.\"",
			want: []string{"Kirby"}, cues: []string{"said"}},
		{name: "organisation in a statement",
			body: `"We apologize for what occurred," American Airlines said in a statement.`,
			want: []string{"American Airlines"}, cues: []string{"said"}},
		{name: "unnamed speaker keeps the description",
			body: `"It was terrifying," a witness said.`,
			want: []string{"a witness"}, cues: []string{"said"}},
		{name: "signature after the quote",
			body: "“Maybe we can build a wall.” ― Steve Quinlan",
			want: []string{"Steve Quinlan"}, cues: []string{"―"}},
		{name: "role before the name",
			body: `"It is a compelling offer," said analyst Daniel Ives of GBH Insights.`,
			want: []string{"Daniel Ives"}, cues: []string{"said"}},
		{name: "name in apposition after a description",
			body: `"It seemed to take forever," said the friend, Ilona Herman.`,
			want: []string{"Ilona Herman"}, cues: []string{"said"}},
		{name: "name set off by commas after a role",
			body: `Facebook's founding president, Sean Parker, said it exploited a "vulnerability in human psychology".`,
			want: []string{"Sean Parker"}, cues: []string{"said"}},
		{name: "participle with its own subject",
			body: `Qualcomm rejected the bid, with chief executive Steve Mollenkopf arguing there was "no real path to value".`,
			want: []string{"Steve Mollenkopf"}, cues: []string{"arguing"}},
		{name: "second verb of a coordinated predicate",
			body: `Broadcom did not give figures but called them "significant."`,
			want: []string{"Broadcom"}, cues: []string{"called"}},
		{name: "fragment woven into the subject's sentence",
			body: `Donald Trump is promising lower taxes and "jobs, jobs, jobs".`,
			want: []string{"Donald Trump"}},
		{name: "dateline before the subject",
			body: "TEMPE, Ariz. -- Bruce Arians said on Monday he would retire.\n\"I will miss the game,\" he said.",
			want: []string{"Bruce Arians"}},
		{name: "a document speaks for its owner",
			body: `Apple's guidelines for apps say they "should not include offensive content."`,
			want: []string{"Apple"}, cues: []string{"say"}},
		{name: "its website is the organisation's",
			body: "The Center for Humane Technology formed this week.\nIt has worked \"since 2014,\" according to its website.",
			want: []string{"Center for Humane Technology"}, cues: []string{"according to"}},
		{name: "cue closing the sentence",
			body: `A cashier who "steals a handful of $20s" is held accountable, Elizabeth Warren said.`,
			want: []string{"Elizabeth Warren"}, cues: []string{"said"}},
		{name: "affiliation and bracketed party between name and verb",
			body: "\"It was the least bad outcome,\" Peter Morgan of the Sierra Club said.\n\"It's a dog whistle,\" Rep. Gwen Moore (D-Wis.) said Friday.",
			want: []string{"Peter Morgan", "Gwen Moore"}, cues: []string{"said", "said"}},
		{name: "acronym of an organisation named in full",
			body: "The International Committee of the Red Cross confirmed its role.\n“We acted as a neutral intermediary,” the ICRC said.",
			want: []string{"International Committee of the Red Cross"}, cues: []string{"said"}},
		{name: "officials speak for their organisation",
			body: "SpaceX launched the rocket on Tuesday.\nThe car will go into an “elliptical orbit,” SpaceX officials wrote.",
			want: []string{"SpaceX"}, cues: []string{"wrote"}},
		{name: "as someone put it",
			body: `It could lead to the "end of equality," as Rainer Wendt phrased it.`,
			want: []string{"Rainer Wendt"}, cues: []string{"phrased"}},
		{name: "who is told listens",
			body: `"Screens leave less time for friends," psychologist Jean Twenge, author of the book "iGen", told Business Insider.`,
			want: []string{"Jean Twenge", "Jean Twenge"}, cues: []string{"told", ""}},
		{name: "remarks speak for the one who made them",
			body: "Bruce Braley apologized on Tuesday.\nMr. Braley’s apology noted his stint “doing farm jobs.”",
			want: []string{"Bruce Braley"}, cues: []string{"noted"}},
		{name: "an organisation as the subject of a woven fragment",
			body: `The Center for Humane Technology aims to "reverse the attention crisis".`,
			want: []string{"Center for Humane Technology"}},
		{name: "subject after a quote opening the sentence",
			body: `In between tears of "joy and peace," Arizona Cardinals coach Bruce Arians cited his family.`,
			want: []string{"Bruce Arians"}},
		{name: "a given name ending in -ly is no adverb",
			body: `"The claims are untrue," his representative Holly Baird said.`,
			want: []string{"Holly Baird"}, cues: []string{"said"}},
		{name: "two asides between name and verb",
			body: "Mr. Osinbajo spoke on Friday. Lawan Zanna, the father of Aisha Zanna, one of the girls, said he hoped his daughter was free.\n\"All are our daughters,\" he said.",
			want: []string{"Lawan Zanna"}},
		{name: "which after an organisation's apposition",
			body: `The ad was denounced by the Log Cabin Republicans, a gay group, which said it was "wrong to assume" so.`,
			want: []string{"Log Cabin Republicans"}, cues: []string{"said"}},
		{name: "apposition beats a name after a preposition",
			body: `A representative for Thurman, Leslie Sloane, replied by saying only: "The article speaks for itself."`,
			want: []string{"Leslie Sloane"}, cues: []string{"saying"}},
		{name: "headline verb ends a name",
			body: "Trump Could Change Course, Lindsey Graham Says.\n\n\"He may listen,\" Graham said.",
			want: []string{"Lindsey Graham"}, cues: []string{"said"}},
		{name: "quoted subheading takes the speaker of the words it repeats",
			body: "'Not a swap'\n\nMohammed, the information minister, said the release was \"not a swap.\"",
			want: []string{"Mohammed", "Mohammed"}},
		{name: "a body by the name it is given",
			body: `"We welcome the release," the Nigeria-based #FreeThem campaign said.`,
			want: []string{"#FreeThem campaign"}, cues: []string{"said"}},
		{name: "a country's government",
			body: `Iran's government said protesters were fomenting "social unrest."`,
			want: []string{"Iran's government"}, cues: []string{"said"}},
		{name: "a name and the body it heads",
			body: `The Bring Back Our Girls campaign thanked the army and added: "We trust our government."`,
			want: []string{"Bring Back Our Girls campaign"}, cues: []string{"added"}},
		{name: "a name after a lower-case the",
			body: `Previously the NAACP issued an advisory, claiming airlines "could subject travelers to unsafe conditions."`,
			want: []string{"NAACP"}, cues: []string{"claiming"}},
		{name: "a capitalised body after the is no description of a person",
			body: "Ofeibea Quist-Arcton reported from Lagos.\n\"Some 197 girls remain captive,\" the Associated Press reports.",
			want: []string{"the Associated Press"}, cues: []string{"reports"}},
		{name: "a headline's verb ends the name before it",
			body: "Uma Thurman Accuses Harvey Weinstein of Assault\n\n\"Uma's response was 'OK',\" Quentin Tarantino said.",
			want: []string{"Quentin Tarantino", "Uma Thurman"}},
		{name: "a capitalised verb after the is a name's word",
			body: `Secretary of State Jane Holt said the United States would take "firm steps" soon.`,
			want: []string{"Jane Holt"}, cues: []string{"said"}},
		{name: "condemned as",
			body: `In a statement, Governor Ada Finch condemned the attack as "cowardly and senseless."`,
			want: []string{"Ada Finch"}, cues: []string{"condemned"}},
		{name: "the next sentence's cue leads to its own quote",
			body: `Norway called the plan "a reckless gamble." Sweden insisted that the talks "resume at once."`,
			want: []string{"Norway", "Sweden"}, cues: []string{"called", "insisted"}},
		{name: "the object of a preposition does not speak",
			body: `Farmers marching through the town chanted "No more cuts!"`,
			want: []string{"Farmers"}, cues: []string{"chanted"}},
		{name: "a time phrase opens the sentence",
			body: `This week, a former adviser to the mayor called the plan "a mess".`,
			want: []string{"a former adviser"}, cues: []string{"called"}},
		{name: "a bracket then an aside between name and verb",
			body: `"We will act," Rep. Tom Hale (R-Ohio), a panel member, said.`,
			want: []string{"Tom Hale"}, cues: []string{"said"}},
		{name: "an abbreviated state tag keeps its full stop",
			body: `"We will act," Senate leader Tom Hale, R-Ky., said Tuesday.`,
			want: []string{"Tom Hale"}, cues: []string{"said"}},
		{name: "the body of an office before the name",
			body: "\"It was a long road,\" said Minister of Foreign Affairs Lena Berg.\n\"We act,\" said Speaker of the House Tom Hale.",
			want: []string{"Lena Berg", "Tom Hale"}},
		{name: "an office alone before an apposed name",
			body: `"Kids need rules," said Bright Path’s CEO, Dana Ross, on Monday.`,
			want: []string{"Dana Ross"}, cues: []string{"said"}},
		{name: "a role and a possessive name describe someone else",
			body: `Green Party candidate Tom Hale's doctor is calling him "fit as a fiddle."`,
			want: []string{"Green Party candidate Tom Hale's doctor"}, cues: []string{"calling"}},
		{name: "a quote sentence after a cue sentence",
			body: `The talks will go on, Holt said. "We are not done."`,
			want: []string{"Holt"}},
		{name: "a verb before that opens a clause, not a cue",
			body: `City lawyer Ann Roe said the ad "wrongly" suggests that Dover backs the plan.`,
			want: []string{"Ann Roe"}, cues: []string{"said"}},
		{name: "one person's two roles joined by and",
			body: "\"We won,\" Ann Roe said.\nThe former mayor and state senator said it was \"a mistake\".",
			want: []string{"Ann Roe", "Ann Roe"}},
		{name: "a long phrase opens the sentence",
			body: `With party leaders increasingly worried about a lack of passion among young voters in the cities, Governor Ann Roe is trying a new message: "It's about me."`,
			want: []string{"Ann Roe"}},
		{name: "a surname after a title is no given name",
			body: "Roe Sees Hope in the Vote on Tuesday.\n\n\"We will win,\" Mr. Roe said.",
			want: []string{"Roe"}},
		{name: "a capitalised modal after a name is the name's",
			body: `Prime Minister Theresa May said the plan was "a good deal."`,
			want: []string{"Theresa May"}, cues: []string{"said"}},
		{name: "a surname named once before is the fuller name's",
			body: "Hale vows to fight on after the loss.\n\nGreen Party candidate Tom Hale spoke on Monday.\n\"We will win,\" Hale said.",
			want: []string{"Tom Hale"}},
		{name: "a compound adjective is no part of a name",
			body: "Singapore-based Broadcom said its offer stood. European regulators this month said they approved.\nThe firm said it would pay a \"significant\" fee.",
			want: []string{"Broadcom"}},
		{name: "a relative clause after an aside",
			body: `Ann Roe, president of the Teachers Union, which represents city teachers, said she hopes for "a good outcome."`,
			want: []string{"Ann Roe"}, cues: []string{"said"}},
		{name: "a verb form after a determiner is a plural noun",
			body: `Ann Roe dismissed those reports as "old lies."`,
			want: []string{"Ann Roe"}},
		{name: "a verb form after a preposition is a plural noun",
			body: `FactCheck rated 30% of Green claims as "false."`,
			want: []string{"FactCheck"}},
		{name: "a misdecoded letter stays in its word",
			body: `"We stand together," said French President FranÃ§ois Hollande.`,
			want: []string{"FranÃ§ois Hollande"}, cues: []string{"said"}},
		{name: "Del. before a name is a title",
			body: `"This is a waste of time," said Del. Stacey Plaskett.`,
			want: []string{"Stacey Plaskett"}, cues: []string{"said"}},
		{name: "a headline verb after a label",
			body: "Read More: Ann Roe Accuses the Mayor of Fraud: 'He Lied to Us'",
			want: []string{"Ann Roe"}, cues: []string{"accuses"}},
		{name: "as someone put it before the quote",
			body: `He was, as The Weekly Post put it, "the operator."`,
			want: []string{"Weekly Post"}, cues: []string{"put"}},
		{name: "a credit before a dash opens no clause",
			body: `(Wire) - Broadcom Ltd made a "best and final offer" on Monday.`,
			want: []string{"Broadcom"}},
		{name: "a word capitalised only to open sentences is no name",
			body: "Mary Horomanski got a huge bill.\nTurns out, she owed less.\n\"I want a heart monitor,\" she told the paper.",
			want: []string{"Mary Horomanski"}},
		{name: "an organisation named nearby owns its website",
			body: "It's a big week for the Center for Safe Tech.\nThe center has worked \"since 2014,\" according to its website.",
			want: []string{"Center for Safe Tech"}, cues: []string{"according to"}},
		{name: "a statement is the organisation's in question",
			body: "Broadcom raised its bid.\nThe offer is \"best and final,\" according to a statement Monday.",
			want: []string{"Broadcom"}, cues: []string{"according to"}},
		{name: "a given name before a network's name is a person's",
			body: "The Bears parted ways with John Fox.\nFox brushed off questions.\n\"We'll keep you posted,\" he said.",
			want: []string{"John Fox"}},
		{name: "a pronoun looks past a caption",
			body: "Tamika Mallory said she was removed from the flight.\n\nCoach Glenn Carter tweeted that the airline needs 'training'\n\n'I didn't say anything,' she said.",
			want: []string{"Glenn Carter", "Tamika Mallory"}},
		{name: "a noun in -ly is no adverb",
			body: `Mr. Hale died on Monday. Hale's family has called on the city to release the video "for the common good."`,
			want: []string{"Hale's family"}, cues: []string{"called"}},
		{name: "the owner of a claim",
			body: `The site checked Ann Roe’s claim that there were "thousands of cases" this year.`,
			want: []string{"Ann Roe"}, cues: []string{"claim"}},
		{name: "she after her is the object's, not the subject's",
			body: "Ann Roe sued the studio.\n\nAcme offered to show her the footage if she signed a form.\n\n\"It was a trap,\" she says.",
			want: []string{"Ann Roe"}},
		{name: "no cue",
			body: `The sign with "No entry" on it stayed up all night.`,
			want: []string{""}},

		// Pronouns.
		{name: "she said after the named speaker",
			body: "\"We seek a partnership,\" Sherman told reporters.\n\"We expect action,\" she said.",
			want: []string{"Sherman", "Sherman"}},
		{name: "he said goes to the last subject named",
			body: "\"Candid talks,\" John Kirby said.\nPrime Minister Imran Khan said on Friday that talks had begun.\n\"Some groups want peace,\" he told TRT World.",
			want: []string{"John Kirby", "Imran Khan"}},
		{name: "given names tell he from she",
			body: "\"I stay,\" John Kirby said.\nMary Jones spoke next.\n\"We go,\" she said.",
			want: []string{"John Kirby", "Mary Jones"}},
		{name: "it is the organisation last the subject",
			body: "The Center for Humane Technology launched on Monday.\n\"Our society is being hijacked,\" it said.",
			want: []string{"Center for Humane Technology"}},
		{name: "the company is the organisation last the subject",
			body: "Telegram said on Friday that it would return.\n\"We will be back,\" the company said.",
			want: []string{"Telegram"}},
		{name: "pronoun skips a person of the other gender",
			body: "Ms. Thurman met Harvey Weinstein in Paris.\n\"It went right over my head,\" she says.",
			want: []string{"Thurman"}},

		{name: "pronoun in the sentence of its subject",
			body: "\"Act now,\" Jean-Marc Ayrault, the foreign minister, said.\nSecretary General Ban Ki-moon condemned what he called a \"brazen breach\".",
			want: []string{"Jean-Marc Ayrault", "Ban Ki-moon"}},

		{name: "pronoun after a bare infinitive's subject",
			body: "\"We act,\" said Mr. Shehu, a spokesman.\n\nThe girls listened to Vice President Yemi Osinbajo speak.\n\n\"We can imagine what they have gone through,\" he said.",
			want: []string{"Shehu", "Yemi Osinbajo"}},

		{name: "the airline is the airline named lately",
			body: "Two players were removed from an American Airlines flight.\n\"We apologize,\" the airline said.",
			want: []string{"American Airlines"}},
		{name: "the center's website is the center's",
			body: "Tech workers joined the Center for Humane Technology.\n\"Our society is being hijacked,\" the center's website reads.",
			want: []string{"Center for Humane Technology"}},
		{name: "the firm is the body that spoke before one only a subject",
			body: "Broadcom said its offer stood. European regulators approved the merger.\nThe Singapore-based firm said it would pay a \"significant\" fee.",
			want: []string{"Broadcom"}},

		// Titles and surnames.
		{name: "surname to fullest name",
			body: "Pentagon Press Secretary John Kirby spoke on Thursday.\n\"Concerns are valid,\" Kirby said.",
			want: []string{"John Kirby"}},
		{name: "title and surname",
			body: "Senator Richard Blumenthal spoke in Norwalk.\n\"I served,\" Mr. Blumenthal said.",
			want: []string{"Richard Blumenthal"}},
		{name: "title alone",
			body: "Pakistani Prime Minister Imran Khan spoke on Friday.\n\"We want peace,\" the prime minister said.",
			want: []string{"Imran Khan"}},
		{name: "title of the same office in other words",
			body: "Rep. Blake Farenthold resigned on Friday.\n\"I had no idea how to run an office,\" the congressman said.",
			want: []string{"Blake Farenthold"}},
		{name: "given name alone",
			body: "Uma Thurman spoke first.\n\"It was a shock,\" Uma said.",
			want: []string{"Uma Thurman"}},
		{name: "a fuller name given later",
			body: "Amina Ali escaped in May.\nAmina Ali Nkeki, 21, met the president.\n\"I'm not comfortable,\" Ali said.",
			want: []string{"Amina Ali Nkeki"}},
		{name: "a middle name alone",
			body: "Chibok student Amina Ali Nkeki escaped in May.\n\"I'm not comfortable,\" Ali said.",
			want: []string{"Amina Ali Nkeki"}},
		{name: "capitalised words after The are a name though written in lower case",
			body: "Girls who bring back hope are few.\nThe Bring Back Our Girls campaign thanked the army.\n\"We trust our government,\" it said.",
			want: []string{"Bring Back Our Girls"}},
		{name: "description to the person last quoted",
			body: "\"Tears of joy,\" Bruce Arians said.\n\"I'll miss the players,\" the two-time coach of the year said.",
			want: []string{"Bruce Arians", "Bruce Arians"}},
		{name: "description to the person last quoted before a subject since",
			body: "\"It was a mistake,\" Quentin Tarantino said.\nUma Thurman posted the footage on Monday.\n\"I regret it,\" the director said.",
			want: []string{"Quentin Tarantino", "Quentin Tarantino"}},
		{name: "surname shared by a relative named later",
			body: "\"I was scared,\" Thurman says.\nHer father, Robert Thurman, is a professor.\n\"It was thin ice,\" Thurman says.",
			want: []string{"Thurman", "Thurman"}},

		{name: "role before a name in apposition",
			body: `"We have work to do," the mayor's sister, state Sen. Laura Brandt (D-Easton), told the crowd.`,
			want: []string{"Laura Brandt"}, cues: []string{"told"}},
		{name: "nickname inside a name",
			body: `"We have work to do," Laura "Lolly" Brandt told the crowd.`,
			want: []string{`Laura "Lolly" Brandt`}, cues: []string{"told"}},
		{name: "epithet used earlier for the subject",
			body: "\"The light was wrong,\" Nora Vance said.\n\nOn Monday, Tom Birch answered the charge that the director shouted at the crew.\n\nThe director said: \"I never raised my voice.\"",
			want: []string{"Nora Vance", "Tom Birch"}, cues: []string{"said", "said"}},
		{name: "epithet after a speech verb is someone else",
			body: "Kay Moss led the shoot.\n\n\"The light was wrong,\" Nora Vance said.\n\nTom Birch added that the director shouted at the crew.\n\nThe director said: \"I never raised my voice.\"",
			want: []string{"Nora Vance", "Nora Vance"}},
		// Continuations.
		{name: "broken quote is one speaker's",
			body: `"I repeat," Khan said, "I do not believe in military solutions."`,
			want: []string{"Khan", "Khan"}},
		{name: "quote over several paragraphs",
			body: "“We expect it to work,” Elon Musk said. “It is a test.\n\n“If it fails, we learn.”",
			want: []string{"Elon Musk", "Elon Musk", "Elon Musk"}},
		{name: "quote paragraph after a narrative one",
			body: "\"We apologize,\" Joshua Freed said.\nThe flight landed late.\n\"We take pride in our service.\"",
			want: []string{"Joshua Freed", "Joshua Freed"}},
		{name: "quote paragraph after a quoted speaker",
			body: "\"We apologize,\" Joshua Freed said.\n\"We take pride in our service.\"",
			want: []string{"Joshua Freed", "Joshua Freed"}},
		{name: "participle goes on with the last speaker",
			body: `Her speech followed criticism from investor Ted Lyle who said in May that he felt "deeply uneasy," adding that apps were exploiting "a weakness in us."`,
			want: []string{"Ted Lyle", "Ted Lyle"}, cues: []string{"said", "adding"}},
		{name: "participle in a clause a subordinator opens",
			body: `Kay Moss's odd advice drew the notice of the Senate, where she appeared at a 2014 hearing for saying that tea was a "miracle cure."`,
			want: []string{"Kay Moss"}, cues: []string{"saying"}},
		{name: "article set off with its author",
			body: `Sunday's article, by staff writer Lena Ortiz, described the mayor as "rattled" by the vote.`,
			want: []string{"Lena Ortiz"}, cues: []string{"described"}},
		{name: "speech verb with an object of its own",
			body: `As Tom Reed went on about "hard work," Dana Fox said yes, over and over.`,
			want: []string{"Tom Reed"}},
		{name: "she after a man who spoke",
			body: "\"We will act,\" Sen. Jeff Roy said.\n\nIn a statement on Tuesday, party nominee Hillary Vale was more careful. Though she called the deal \"unfair,\" Vale kept her comments vague.",
			want: []string{"Jeff Roy", "Hillary Vale"}},
		{name: "subject after a role opening the sentence",
			body: "Tom Hale praised the plan.\n\nOn Monday, party nominee Kim Vale was more careful. Later she called the deal \"unfair.\"",
			want: []string{"Kim Vale"}},
		{name: "statement owned by a name",
			body: `The panel ruled that Dana Fox's statement about "record growth" in the city was accurate.`,
			want: []string{"Dana Fox"}, cues: []string{"statement"}},
		{name: "agent of a passive speech verb",
			body: `Tom Reed spoke first. The new ferry, billed by Harbor Lines as "the fastest boat on the lake," sails on Friday.`,
			want: []string{"Harbor Lines"}, cues: []string{"billed"}},
		{name: "screen shot is no speech verb",
			body: `By Sunday, Ana Ruiz was posting a screen shot of her "big speech" and wishing everyone well, "See you all soon."`,
			want: []string{"Ana Ruiz", "Ana Ruiz"}},
		{name: "what a name would call",
			body: `The vote was what Tom Reed would call "a fresh start."`,
			want: []string{"Tom Reed"}, cues: []string{"call"}},
		{name: "they for the body that is the subject",
			body: `The Vale campaign is seeking to contrast her plan with what they call Tom Reed's "empty promises."`,
			want: []string{"Vale campaign"}, cues: []string{"call"}},
		{name: "paragraph signed at its end",
			body: "“The show was great.” ― Ana Ruiz\n“The food was cold.” And that was all. “We left early.” ― Bo Lee",
			want: []string{"Ana Ruiz", "Bo Lee", "Bo Lee"}},
		{name: "pronoun in a quote for a name given only in the quotes",
			body: "Tom Hale ran the studio.\n\n“Marco came to my house and would not take no,” Ana Ruiz says. “He was angry. He said: ‘The boat is safe.’”",
			want: []string{"Ana Ruiz", "Ana Ruiz", "Marco"}},
		{name: "nested quote with its own speaker",
			body: `"Uma's response was 'OK'," Quentin Tarantino said.`,
			want: []string{"Quentin Tarantino", "Uma"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cues := speakersOf(t, tt.body)
			if !slices.Equal(got, tt.want) {
				t.Errorf("speakers of %q\n got %q\nwant %q", tt.body, got, tt.want)
			}
			if tt.cues != nil && !slices.Equal(cues, tt.cues) {
				t.Errorf("cues of %q\n got %q\nwant %q", tt.body, cues, tt.cues)
			}
		})
	}
}

// A hashtag needs a word after its mark, read as a whole character, and a
// combining accent stays in its word. Marks show in brackets.
func TestSplitWordsHashtagAndMarks(t *testing.T) {
	for _, c := range []struct {
		body string
		want []string
	}{
		{"#“Hi”", []string{"(#)", "(“)", "Hi", "(”)"}},
		{"#Élan", []string{"#Élan"}},
		{"Jose\u0301 said", []string{"Jose\u0301", "said"}},
	} {
		var got []string
		for _, w := range splitWords(c.body, Span{0, len(c.body)}, nil) {
			if w.punct {
				w.text = "(" + w.text + ")"
			}
			got = append(got, w.text)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("splitWords(%q) = %q, want %q", c.body, got, c.want)
		}
	}
}

func TestReadName(t *testing.T) {
	tests := []struct {
		name, body, want string
		common           []string // words the report writes in lower case
	}{
		{name: "capitalised words after A are a name though written in lower case",
			body: "A Government Accountability Office", want: "Government Accountability Office", common: []string{"government"}},
		{name: "the body of an office before a name",
			body: "Speaker of the House Tom Hale", want: "Tom Hale"},
		{name: "an office alone",
			body: "Coach of the Year", want: ""},
		{name: "a compound adjective before a name",
			body: "San Diego-headquartered Qualcomm", want: "Qualcomm"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := splitWords(tt.body, Span{0, len(tt.body)}, nil)
			nr, ok := readName(tt.body, ws, setOf(tt.common...))
			if ok != (tt.want != "") || nr.name != tt.want {
				t.Errorf("readName(%q) = %q, %v; want %q", tt.body, nr.name, ok, tt.want)
			}
		})
	}
}

// A word that ends the text counts as written in lower case too.
func TestCaseSetsLastWord(t *testing.T) {
	got, _ := caseSets("Smith met the mayor")
	for w, want := range map[string]bool{"met": true, "mayor": true, "Smith": false, "smith": false} {
		if got[w] != want {
			t.Errorf("caseSets' lower-case words have %q = %v, want %v", w, got[w], want)
		}
	}
}

// A capitalised word only opens sentences, whatever its case and accents;
// one written inside a sentence too is no opener.
func TestCaseSetsOpeners(t *testing.T) {
	_, got := caseSets("Turns out he paid. ÉTÉ came. Örsted spoke. Then Örsted left. TURNS out again.")
	for w, want := range map[string]bool{"turns": true, "été": true, "örsted": false, "then": true, "he": false} {
		if got[w] != want {
			t.Errorf("caseSets' openers have %q = %v, want %v", w, got[w], want)
		}
	}
}

// inUpperCase tells what comparing s with strings.ToUpper(s) tells.
func TestInUpperCase(t *testing.T) {
	tests := []struct {
		name, s string
		want    bool
	}{
		{"capitals", "MARSH", true},
		{"capitalised", "Marsh", false},
		{"capitals with accents", "ÉTÉ", true},
		{"accented lower case", "été", false},
		{"sharp s has no capital of its own", "STRAßE", true},
		{"titlecase digraph", "ǅ", false},
		{"digits and marks", "2028 —", true},
		{"replacement character", "AB\uFFFD", true},
		{"invalid UTF-8", "AB\xff", false},
		{"empty", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := inUpperCase(tt.s); got != tt.want || got != (strings.ToUpper(tt.s) == tt.s) {
				t.Errorf("inUpperCase(%q) = %v, want %v (strings.ToUpper gives %q)", tt.s, got, tt.want, strings.ToUpper(tt.s))
			}
		})
	}
}

// A description runs to the first punctuation, speech verb, conjunction
// or verb in the past after its noun; an adjective in -ed right after the
// determiner or a number stays in it.
func TestDescriptionEnd(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{name: "verb after the noun", text: "the board's odd advice earned her a rebuke", want: "the board's odd advice"},
		{name: "adjective after the determiner", text: "the embattled senator told reporters", want: "the embattled senator"},
		{name: "adjective after a number", text: "the two armed men shouted", want: "the two armed men"},
		{name: "speech verb", text: "the company's spokesman said", want: "the company's spokesman"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := splitWords(tt.text, Span{0, len(tt.text)}, nil)
			k := descriptionEnd(ws, 1)
			if got := tt.text[:ws[k-1].End]; got != tt.want {
				t.Errorf("descriptionEnd(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestFullSurnames checks that a person a report names by surname alone
// reads as the full name the other reports give, with or without its
// accents, unless two full names share the surname; a quoted subheading
// credited to that person reads so too, and so does a person quoted by
// first name alone.
func TestFullSurnames(t *testing.T) {
	bodies := []string{
		"\"We have a lot of respect for the technology,\" Mr. Tan said on Monday.",
		"Broadcom's chief executive, Hock Tan, spoke on Monday. \"We can do much more,\" Hock Tan said.",
		"\"The village will not give up,\" Mr. Tamimi said on Friday.",
		"\"We march every week,\" Bassem Tamimi said.",
		"\"I was not afraid,\" Ahed Tamimi said.",
		"Tan said the offer of $121 billion was the company's best and final one.",
		"'Not a swap'\n\nMr. Tan said the offer was \"not a swap.\"",
		"\"The strike goes on,\" Mr. Walesa said.",
		"\"We stand together,\" Lech Wałęsa said.",
		"\"I promise you the car is fine,\" Quentin said.",
		"\"It was one of my biggest regrets,\" Quentin Tarantino said.",
	}
	var reports []*Report
	for _, b := range bodies {
		reports = append(reports, &Report{Body: b})
	}
	res := Analyze(reports, DefaultOptions())
	speakers := map[string]string{} // report → the speaker of its first quote
	for _, q := range res.Quotes {
		if _, ok := speakers[q.Report]; !ok {
			speakers[q.Report] = q.Speaker
		}
	}
	for report, want := range map[string]string{"r1": "Hock Tan", "r2": "Hock Tan", "r3": "Tamimi", "r4": "Bassem Tamimi", "r7": "Hock Tan", "r8": "Lech Wałęsa", "r10": "Quentin Tarantino"} {
		if got := speakers[report]; got != want {
			t.Errorf("speaker of %s's quote = %q, want %q", report, got, want)
		}
	}
	if i := slices.IndexFunc(res.Claims, func(c Claim) bool { return c.Report == "r6" }); i < 0 || res.Claims[i].Source != "Hock Tan" {
		t.Errorf("claims of r6 = %+v, want one attributed to Hock Tan", res.Claims)
	}
}

func TestWithoutLegalForm(t *testing.T) {
	for in, want := range map[string]string{
		"Broadcom Ltd":              "Broadcom",
		"Qualcomm Inc.":             "Qualcomm",
		"Acme, Inc.":                "Acme",
		"Jana Partners LLC":         "Jana Partners",
		"Pennsylvania Electric Co.": "Pennsylvania Electric",
		"Ltd":                       "Ltd",
		"Elena Marsh":               "Elena Marsh",
	} {
		if got := withoutLegalForm(in); got != want {
			t.Errorf("withoutLegalForm(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDatelineEnd checks where the dateline, credit or heading in capitals
// that opens a paragraph ends: after its dash, or nowhere.
func TestDatelineEnd(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // the words after the dateline
	}{
		{"place and state", "TEMPE, Ariz. -- Bruce Arians said", "Bruce"},
		{"place of two words", "CAPE HAVEN, Fla. — The rocket flew", "The"},
		{"place and credit", "LONDON (Reuters) - The minister said", "The"},
		{"place, date and credit", "EASTHAVEN, Sept. 26 (UPI) — Jill Stein was", "Jill"},
		{"credit alone", "(Reuters) - Broadcom made an offer", "Broadcom"},
		{"heading in capitals", "CONGRESS HAS INVESTIGATED HIM — He has been", "He"},
		{"an acronym opens a sentence", "FBI Director James Comey — who was fired — said", ""},
		{"a year before a comma", "2016, the year of the vote — was long", ""},
		{"no dash", "WASHINGTON, the capital, was quiet", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := splitWords(tt.text, Span{0, len(tt.text)}, nil)
			got := ""
			if k := datelineEnd(ws); k > 0 {
				got = ws[k].text
			}
			if got != tt.want {
				t.Errorf("datelineEnd(%q) leaves %q first, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestLastField checks that lastField gives the last of strings.Fields'
// words, white space of every kind included.
func TestLastField(t *testing.T) {
	for _, s := range []string{"", "  ", "Tan", "Mr. Tan", "Lech Wałęsa ", "Ana\u00a0Ruiz", "Ana\u3000Ruiz\n", "Broadcom  Ltd.", "\u00a0"} {
		t.Run(s, func(t *testing.T) {
			want := ""
			if f := strings.Fields(s); len(f) > 0 {
				want = f[len(f)-1]
			}
			if got := lastField(s); got != want {
				t.Errorf("lastField(%q) = %q, want %q", s, got, want)
			}
		})
	}
}
