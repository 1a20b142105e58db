package compare

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// quotesOf runs the quote finder over body and returns the quotes found.
func quotesOf(t testing.TB, body string) []Quote {
	t.Helper()
	r := &Report{ID: "r1", Body: body}
	return findQuotes(newDocument(r))
}

// quoteTexts returns the texts of quotes.
func quoteTexts(qs []Quote) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.Text
	}
	return out
}

// checkQuoteInvariants fails unless every quote's text is the body between
// its offsets, inside the body, in body order.
func checkQuoteInvariants(t testing.TB, body string, qs []Quote) {
	t.Helper()
	last := -1
	for _, q := range qs {
		if q.Start < 0 || q.End > len(body) || q.Start > q.End {
			t.Fatalf("quote %q has span [%d,%d) outside a body of %d bytes", q.Text, q.Start, q.End, len(body))
		}
		if body[q.Start:q.End] != q.Text {
			t.Fatalf("quote text %q is not body[%d:%d] = %q", q.Text, q.Start, q.End, body[q.Start:q.End])
		}
		if q.Start < last {
			t.Fatalf("quote %q at %d comes after one starting at %d", q.Text, q.Start, last)
		}
		last = q.Start
	}
}

func TestFindQuotes(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		// Quote styles.
		{"straight double", `"We seek a strong partnership," Sherman told reporters.`,
			[]string{"We seek a strong partnership,"}},
		{"curly double", "“We seek a strong partnership,” Sherman told reporters.",
			[]string{"We seek a strong partnership,"}},
		{"curly single house style", "‘The tears you see are tears of joy,’ Arians said.",
			[]string{"The tears you see are tears of joy,"}},
		{"straight single house style", "'The tears you see are tears of joy,' Arians said.",
			[]string{"The tears you see are tears of joy,"}},
		{"guillemets", "« Nous avons gagné », a dit le maire.", []string{" Nous avons gagné "}},
		{"inward guillemets", "»Wir haben gewonnen«, sagte der Bürgermeister.", []string{"Wir haben gewonnen"}},
		{"german low-high", "„Wir haben gewonnen“, sagte der Bürgermeister.", []string{"Wir haben gewonnen"}},
		{"german single low-high", "Er sagte: ‚Wir haben gewonnen‘.", []string{"Wir haben gewonnen"}},
		{"single angle", "Il a dit ‹ non ›.", []string{" non "}},
		{"corner brackets", "市長は「勝った」と述べた。", []string{"勝った"}},
		{"white corner brackets", "彼は『勝った』と書いた。", []string{"勝った"}},
		{"mixed single marks", "Uma's response was, ‘Okay,' he said.", []string{"Okay,"}},

		// Apostrophes are not quotation marks.
		{"contractions", "He said he didn't know and couldn't say.", nil},
		{"decade", "Music of the '90s and the ’80s was louder, he said.", nil},
		{"plural possessive", "The Joneses' car and Mars’ orbit were in the news.", nil},
		{"possessive inside a single quote", "'The Joneses' car is fine,' she said.", []string{"The Joneses' car is fine,"}},
		{"elision", "They played rock 'n' roll till dawn and sang 'em all.", nil},
		{"apostrophes inside a double quote", `"I don't think it's Jones' fault," she said.`,
			[]string{"I don't think it's Jones' fault,"}},

		// Nested quotes.
		{"single inside double", `"Uma's response was 'OK'. Because she believed me," Tarantino said.`,
			[]string{"Uma's response was 'OK'. Because she believed me,", "OK"}},
		{"double inside single", `'The mission statement says it "seeks to remove all barriers." We agree,' it said.`,
			[]string{`The mission statement says it "seeks to remove all barriers." We agree,`, "seeks to remove all barriers."}},

		// Broken by attribution, several in a paragraph.
		{"broken quote", `"I repeat," Khan said, "I do not believe in military solutions."`,
			[]string{"I repeat,", "I do not believe in military solutions."}},

		// Running over several paragraphs: one quote a paragraph.
		{"multi-paragraph", "“We expect it to work,” Musk said. “It is a test.\n\n“If it fails, we learn.”",
			[]string{"We expect it to work,", "It is a test.", "If it fails, we learn."}},
		{"single marks over paragraphs", "'We expect it to work.\n\n'If it fails, we learn,' Musk said.",
			[]string{"We expect it to work.", "If it fails, we learn,"}},

		// A doubled mark opens a passage and its first quote at once.
		{"passage opened by a doubled mark", `""We won," the mayor said. "And we will win again."`,
			[]string{"We won,", "And we will win again."}},
		{"passage closed in its paragraph", `""We won," the mayor said.""`, []string{"We won,"}},
		{"passage over two paragraphs", "\"\"We won,\" the mayor said.\n\n\"And we will win again,\" she added.\"",
			[]string{"We won,", "And we will win again,"}},
		{"doubled single marks", `''We won,' the mayor said.'`, []string{"We won,"}},

		// Scare quotes and names that are nobody's words.
		{"policy name after its", `Islamabad plays a double game with its “good terrorist, bad terrorist policy.”`, nil},
		{"so-called label", `Police set up a so-called "safe zone" for women.`, nil},
		{"fragment woven into a sentence", `She called the car "a deathbox" on Sunday.`, []string{"a deathbox"}},
		{"title-case fragment without a possessive", `He says Obama is waging a "War on Religion," and he will end it.`,
			[]string{"War on Religion,"}},
		{"nickname after the nickname", `Trump yoked him with the nickname "Lyin' Ted." Trump called him a "nasty guy."`,
			[]string{"nasty guy."}},
		{"term cue before speech", `He used the word "unacceptable," she said.`, []string{"unacceptable,"}},
		{"term inside a quote", `"I've always been insulted with the term 'African American outreach,' " he told the group.`,
			[]string{`I've always been insulted with the term 'African American outreach,' `}},
		{"show after a network's possessive", `Sanders told MSNBC's "Morning Joe" that nobody would question her.`, nil},
		{"show after broadcast of", "On this weekend’s broadcast of “Fox News Sunday,” Pence said it was only “to mock” her.",
			[]string{"to mock"}},
		{"title after a kind of work", "The director makes this clear in her new documentary “13th.” It debuts Friday.", nil},
		{"title before a kind of work", `Callers to his "Keepin' It Real" radio program had misgivings.`, nil},
		{"name after a possessive determiner", `The plan grew out of her “Homes for Every Family” pledge and his 2004 "Contract with Renters."`, nil},
		{"speech to her in title case", `The nurse asked her "Are You OK?" twice, and the officer told her, “Get Out Now.”`,
			[]string{"Are You OK?", "Get Out Now."}},
		{"speech after a possessive determiner", `He read out his "I will not resign," and left.`, []string{"I will not resign,"}},
		{"title case keeps short words lower", `She spoke on the network's "Lunch with Leaders" on Sunday.`, nil},
		{"work named between commas", `Her commentary, "Tell them your story," was the best of the week.`, nil},
		{"speech after a kind of work and a comma", `In his column, "We must act," he wrote. In her op-ed, "We failed."`,
			[]string{"We must act,", "We failed."}},
		{"nickname inside a name", `Rep. Robert C. "Bobby" Scott threw open his yard, and Del. Marcia "Cia" Price spoke.`, nil},
		{"nickname called out", `Rep. Robert C. "Bobby" Scott spoke to chants of "Bobby!" from the crowd.`, []string{"Bobby!"}},
		{"name quoted with its own punctuation", `"Bobby," Scott said, "is what they call me."`,
			[]string{"Bobby,", "is what they call me."}},
		{"headline quote is no title", "Retired General Reveals ‘Demoralizing’ Experience Of Serving Under Obama.",
			[]string{"Demoralizing"}},
		{"label named by the noun before of", "Byrd’s strategy of “massive resistance” failed, with the mantra of ‘there was a full investigation’ to defend it.", nil},
		{"speech after a noun and of", `It was the verdict of "a jury that listened," he said.`, []string{"a jury that listened,"}},
		{"pronouns talked about", `Why vote for him, unless simply because "she" is a "he"?`, nil},

		// Names of events, shows and days, known by the words around them.
		{"event after during", `She praised the plan during a "Town Hall Forum" hosted by the college.`, nil},
		{"one word after during", `He was pressed during a "Leadership" forum last week.`, []string{"Leadership"}},
		{"show opening a sentence", `The mayor left. On "Meet the Voters," Sen. Jane Marsh, who lost in May, backed the plan.`, nil},
		{"show opening a sentence before said", `In "Morning Roundup," Marsh said the plan would pass.`, nil},
		{"fragment after an opening preposition", `In "a very real sense," the vote was lost, Marsh said.`, []string{"a very real sense,"}},
		{"exclamation after an opening preposition", `On "Go Team Go!" the crowd rose as one.`, []string{"Go Team Go!"}},
		{"name followed by what it names", `Both men joined "Harvest Day," a festival held each fall.`, nil},
		{"title case before a speaker", `"Go Home Now," a guard shouted, and "We Will Win," an aide said.`,
			[]string{"Go Home Now,", "We Will Win,"}},
		{"slogan after chanting", `The crowd kept chanting "Four More Years" during the rally.`, []string{"Four More Years"}},
		{"title case after said", `She said "Thank You All" and left during the "Go Team Go!" chant.`,
			[]string{"Thank You All", "Go Team Go!"}},

		// Marks that are not quotation marks.
		{"markup attributes", `<tweet author="carlquintanilla" tweet_id="778257943577919488">The blue arrow is Warren.</tweet>`, nil},
		{"markup beside a quote", `<p>"We will win," she said.</p>`, []string{"We will win,"}},
		{"less-than sign", `If x < 5 and y > 2, "it fails," he said.`, []string{"it fails,"}},
		{"stage direction in a transcript", "\"PENCE: We will stand by our Constitution, and —.\n\n\"(CROSSTALK.)\n\n\"WALLACE: If I may, sir.\"",
			[]string{"We will stand by our Constitution, and —.", "If I may, sir."}},
		{"a colon in the words after a label", "\"PENCE: Look: we will win.\"", []string{"Look: we will win."}},
		{"a no-break space after a label", "\"PENCE:\u00a0Well, look.\"", []string{"Well, look."}},
		{"a label with no words after it", "\"WALLACE:\"", []string{"WALLACE:"}},
		{"a line asking readers to follow the author", "\"PENCE: And that's why we will win.\n\n\"Follow Pam Key on Twitter @pamkeyNEN.\"",
			[]string{"And that's why we will win."}},

		// Marks that pair with nothing.
		{"lone closing mark", "It was 5” long and 3” wide.", nil},
		{"empty quote", `He said "" and left.`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := quotesOf(t, tt.body)
			checkQuoteInvariants(t, tt.body, qs)
			if got := quoteTexts(qs); !slices.Equal(got, tt.want) {
				t.Errorf("quotes of %q\n got %q\nwant %q", tt.body, got, tt.want)
			}
		})
	}
}

// TestPassageSpeakers checks that the quotes a passage opened by a doubled
// mark holds are attributed as the paragraph's own, by the cue between them.
func TestPassageSpeakers(t *testing.T) {
	body := `""We won," Mayor Jane Marsh said on Monday. "And we will win again."`
	qs := quotesOf(t, body)
	checkQuoteInvariants(t, body, qs)
	var got []string
	for _, q := range qs {
		got = append(got, q.Text+" / "+q.Speaker)
	}
	want := []string{"We won, / Jane Marsh", "And we will win again. / Jane Marsh"}
	if !slices.Equal(got, want) {
		t.Errorf("quotes of %q\n got %q\nwant %q", body, got, want)
	}
}

// TestRunOnAfterNestedQuote checks that a paragraph left inside a quote
// is known as such when a quote nested in it opened later and closed.
func TestRunOnAfterNestedQuote(t *testing.T) {
	body := "“They told us ‘never’ and we waited.\n\n“Then we left,” she said."
	paras := segment(body)
	if len(paras) != 2 || len(paras[1].quotes) != 1 || !paras[1].quotes[0].cont {
		t.Fatalf("the second paragraph of %q does not continue the quote left open: %+v", body, paras)
	}
}

// TestFindQuotesTitle checks that the title a report without a header
// begins with is no part of the body quotes are sought in.
func TestFindQuotesTitle(t *testing.T) {
	tests := []struct {
		name  string
		title string // the header's title
		body  string
		want  []string
	}{
		{"title line", "", "Mayor Calls Bridge Plan ‘A Triumph’\n\n“It is a triumph,” the mayor said.",
			[]string{"It is a triumph,"}},
		{"title and subtitle", "", "Mayor hails bridge;\nCalls plan 'a triumph' at rally.\n\n“It is a triumph,” she said.",
			[]string{"It is a triumph,"}},
		{"title in the header", "Mayor hails bridge", "Mayor calls plan ‘a triumph’.\n\nShe spoke at noon.",
			[]string{"a triumph"}},
		{"first line opens with a quote", "", "“It is a triumph,” the mayor said.\n\nShe spoke at noon.",
			[]string{"It is a triumph,"}},
		{"first paragraph too long for a title", "",
			"The mayor, who spoke at noon beside the river on Monday, called the plan for the new bridge “a triumph” of the council.\n\nShe left.",
			[]string{"a triumph"}},
		{"first line opens with a dateline", "", "BERLIN (AP) — The mayor called the plan “a triumph.”\n\nShe left.",
			[]string{"a triumph."}},
		{"dateline with a date", "", "HARTFORD, Conn., May 3 – Marsh said it was “a triumph.”\n\nShe left.",
			[]string{"a triumph."}},
		{"dateline with a double hyphen", "", "TEMPE, Ariz. -- Marsh called the plan “a triumph.”\n\nShe left.",
			[]string{"a triumph."}},
		{"credit alone before the dash", "", "(Reuters) - Marsh called the plan “a triumph.”\n\nShe left.",
			[]string{"a triumph."}},
		{"capitals without a dash", "", "BREAKING: Mayor calls plan ‘a triumph’\n\nShe left.", nil},
		{"a short lede says said", "", "The mayor said the plan was “a triumph” on Monday.\n\nShe left.",
			[]string{"a triumph"}},
		{"three short lines", "", "Mayor speaks.\nCalls plan 'a triumph'.\nCrowd cheers.\n\nShe left.",
			[]string{"a triumph"}},
		{"nothing after the first line", "", "Mayor calls plan ‘a triumph’.", []string{"a triumph"}},

		// A section heading made of a quoted phrase is no quote.
		{"subheading in title case", "", "“We will rebuild,” the mayor said.\n\n‘Roads Lead Home Again.’\n\nThe council met.",
			[]string{"We will rebuild,"}},
		{"lower-case phrase alone in a paragraph", "", "The mayor spoke first.\n\n'Not a deal'\n\nShe called the offer “not a deal.”",
			[]string{"Not a deal", "not a deal."}},
		{"chant alone in a paragraph", "", "The crowd rose.\n\n“Go Team Go!”\n\nThe mayor waved.", []string{"Go Team Go!"}},
		{"two title-case words alone in a paragraph", "", "The crowd rose.\n\n“Thank You.”\n\nThe mayor waved.", []string{"Thank You."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &Report{ID: "r1", Body: tt.body, Meta: Meta{Title: tt.title}}
			qs := findQuotes(newDocument(r))
			checkQuoteInvariants(t, tt.body, qs)
			if got := quoteTexts(qs); !slices.Equal(got, tt.want) {
				t.Errorf("quotes of %q\n got %q\nwant %q", tt.body, got, tt.want)
			}
		})
	}
}

// TestSeedReport checks the report the project started from, when the
// corpus is beside the repository: seven quotes by three speakers, and
// its scare-quoted policy name is no quote.
func TestSeedReport(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "cluster-00-*", "01-*.txt"))
	if len(files) == 0 {
		t.Skip("../shared/corpus is absent: the seed report is not in the repository")
	}
	r, err := LoadReport(files[0])
	if err != nil {
		t.Fatal(err)
	}
	qs := findQuotes(newDocument(r))
	checkQuoteInvariants(t, r.Body, qs)
	var speakers []string
	for _, q := range qs {
		speakers = append(speakers, q.Speaker)
		if strings.Contains(q.Text, "good terrorist") {
			t.Errorf("the policy name %q was taken as a quote", q.Text)
		}
	}
	want := []string{"Wendy Sherman", "Wendy Sherman", "John Kirby", "John Kirby", "John Kirby", "Imran Khan", "Imran Khan"}
	if !slices.Equal(speakers, want) {
		t.Errorf("speakers\n got %q\nwant %q", speakers, want)
	}
}

// FuzzFindQuotes checks that any text gives quotes inside the body, in
// order, each the body's text between its offsets.
func FuzzFindQuotes(f *testing.F) {
	for _, s := range []string{
		`"We seek a strong partnership," Sherman told reporters.`,
		"‘It’s the ’90s,’ she said. “No, it isn’t,” he said, “not at all.",
		"«Oui» »Ja« „Nein“ ‚ja‘ 「はい」『いいえ』 ‹non›",
		"MAYOR MARSH: \"We will not.\"\n\n\"Never,\" she added.\n\"",
		"'\"'\"''\"\"“”‘’",
		"\"\"We won,\" she said. 'And ''more.\n\nThen this.\"\"\"",
		"<tweet id=\"7\">\"(CROSSTALK.)\" on CBS's \"Face the Nation.\"</tweet> On \"Face the Nation,\" he said",
		"\"PENCE: Well, 'look': WALLACE said: it is.\n\n\"WALLACE:\"\n\n\"Follow Pam Key on Twitter @pamkeyNEN.\"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		qs := quotesOf(t, body)
		checkQuoteInvariants(t, body, qs)
		for _, q := range qs {
			if q.Paragraph < 0 || q.Speaker != "" && strings.TrimSpace(q.Speaker) == "" {
				t.Fatalf("quote %q has paragraph %d and speaker %q", q.Text, q.Paragraph, q.Speaker)
			}
		}
	})
}

// BenchmarkFindQuotes finds the quotes and speakers of a corpus-like
// report.
func BenchmarkFindQuotes(b *testing.B) {
	body := benchmarkReport()
	words := len(strings.Fields(body))
	b.ReportAllocs()
	for b.Loop() {
		findQuotes(newDocument(&Report{ID: "r1", Body: body}))
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkFindQuotesCrowded finds the quotes of one paragraph crowded
// with quotes and cues, at two sizes: the time should grow about tenfold.
func BenchmarkFindQuotesCrowded(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		body := strings.Repeat(`"a" 'b' “c” ‘d’ Mr. Smith said `, n)
		b.Run(fmt.Sprintf("%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				findQuotes(newDocument(&Report{ID: "r1", Body: body}))
			}
		})
	}
}

// benchmarkReport returns a report of about 1,200 words in the manner of
// a news story: attributed quotes, pronouns, a quote over two paragraphs.
func benchmarkReport() string {
	paras := []string{
		"Deputy Secretary of State Wendy Sherman will meet officials in Islamabad on Oct. 7, the U.S. embassy said.",
		`"We seek a strong partnership with Pakistan on counterterrorism," Sherman told reporters.`,
		`"Both of our countries have suffered terribly," she said in Switzerland, her first stop.`,
		"Pentagon Press Secretary John Kirby said on Thursday that the concerns were still valid.",
		`“We continue to have candid conversations with Pakistani leaders,” he said. “It is important to remind them of the threats.`,
		`“Those threats emanate from groups along that same border,” Mr. Kirby added.`,
		`Pakistani Prime Minister Imran Khan told Turkey's TRT World: 'Some of the Taliban groups want to talk to our government.'`,
		`The prime minister's office called it a "first step" in a statement.`,
	}
	var sb strings.Builder
	for sb.Len() < 7000 {
		for _, p := range paras {
			sb.WriteString(p)
			sb.WriteString("\n\n")
		}
	}
	return sb.String()
}
