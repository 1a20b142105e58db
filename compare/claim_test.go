package compare

import (
	"path/filepath"
	"slices"
	"testing"
)

func TestFindClaims(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       []string // claim texts
		sources    []string
	}{
		{"figures and names",
			"Broadcom raised its bid for Qualcomm to $121 billion on Monday.",
			[]string{"Broadcom raised its bid for Qualcomm to $121 billion on Monday."}, []string{""}},
		{"a sentence without figures states a fact too",
			"Qualcomm said in a statement it had received the new proposal.",
			[]string{"Qualcomm said in a statement it had received the new proposal."}, []string{"Qualcomm"}},
		{"long quote cut out",
			`Broadcom said on Monday it would pay a breakup fee if regulators block the deal, adding: "We are confident that this is the best offer Qualcomm will get."`,
			[]string{"Broadcom said on Monday it would pay a breakup fee if regulators block the deal, adding"}, []string{"Broadcom"}},
		{"attribution beside a quote is no claim",
			`Mayor Elena Marsh told reporters on Thursday: "The barrier will cost $48 million, and we will not raise taxes."`,
			nil, nil},
		{"the frame of a quote is no claim",
			`Asked whether residents would have to move out, Marsh said: "No family will have to leave their home while the barrier is built."`,
			nil, nil},
		{"quote alone is no claim",
			`"We will raise property taxes to pay for it," Marsh said.`,
			nil, nil},
		{"short quoted phrase woven in",
			`It would also pay a significant "reverse termination fee" if regulators block the deal.`,
			[]string{`It would also pay a significant "reverse termination fee" if regulators block the deal.`}, []string{""}},
		{"attribution at the end",
			"The girls were released around 5:30 a.m. on Thursday, the government said.",
			[]string{"The girls were released around 5:30 a.m. on Thursday, the government said."}, []string{"the government"}},
		{"according to",
			"Four detained leaders were released on Wednesday, according to the military.",
			[]string{"Four detained leaders were released on Wednesday, according to the military."}, []string{"the military"}},
		{"according to a kind of record",
			"About 400 households were flooded last winter, according to city figures.",
			[]string{"About 400 households were flooded last winter, according to city figures."}, []string{"city figures"}},
		{"according to a name and its spokesman",
			"The plant will close in May, according to a Harbour Steel spokesman.",
			[]string{"The plant will close in May, according to a Harbour Steel spokesman."}, []string{"a Harbour Steel spokesman"}},
		{"too short",
			"Read more.",
			nil, nil},
		{"a statement after a quote's frame goes on in its speaker's voice",
			`"No family will have to leave their home," Mayor Elena Marsh said, though she added that the city would pay for double glazing near the works.`,
			[]string{"she added that the city would pay for double glazing near the works."}, []string{"Elena Marsh"}},
		{"a participle after a quote's frame goes on in its speaker's voice",
			`"We will be ready for the next storm, whatever it brings," the mayor said on Thursday, adding that the pumps had been tested twice.`,
			[]string{"adding that the pumps had been tested twice."}, []string{"the mayor"}},
		{"what a quote was said of is in the report's voice",
			`"We will raise property taxes to pay for it," Marsh said of the barrier, which the council approved on Wednesday.`,
			[]string{"the barrier, which the council approved on Wednesday."}, []string{""}},
		{"who a speaker is stays with the frame",
			`"The river will come back, and the city has to be ready for it," said Kenneth Baer, a former harbour official who runs a consultancy.`,
			[]string{"said Kenneth Baer, a former harbour official who runs a consultancy."}, []string{""}},
		{"a role is no participle",
			`"It can be prevented if the city acts before the next winter," said Rachel Davis, managing director of the county's flood prevention office.`,
			[]string{"said Rachel Davis, managing director of the county's flood prevention office."}, []string{""}},
		{"a long quote that finishes the sentence's clause stays in the claim",
			`Mayor Ann Lee said in March that the barrier was "the only way to keep the river out of our homes for good."`,
			[]string{`Mayor Ann Lee said in March that the barrier was "the only way to keep the river out of our homes for good."`}, []string{"Ann Lee"}},
		{"reported speech with that keeps its quote",
			`Residents of the lower town said that "nobody asked us before the council voted on the barrier."`,
			[]string{`Residents of the lower town said that "nobody asked us before the council voted on the barrier."`}, []string{""}},
		{"a long quote after a speech verb is cut out",
			`The mayor told the council "the barrier is the only way to keep the river out of our homes."`,
			nil, nil},
		{"a sign-up box is page furniture",
			"Sign up for our morning newsletter to get the latest flood news in your inbox.",
			nil, nil},
		{"a link to another story is page furniture",
			"More: Harbour towns across the coast face rising flood insurance costs",
			nil, nil},
		{"a line asking readers to follow the author is page furniture",
			"Follow Ann Lee on Twitter @annlee for updates on the flood barrier works",
			nil, nil},
		{"a link to a video is page furniture",
			"Video: Harbour City's mayor explains the $48 million flood barrier plan",
			nil, nil},
		{"a link read further is page furniture",
			"Also read: Harbour towns across the coast face rising flood insurance costs",
			nil, nil},
		{"a question inside a quote leaves a statement",
			`Coach Ann Lee said the attendant asked the two players "did you steal those blankets?"`,
			[]string{`Coach Ann Lee said the attendant asked the two players "did you steal those blankets?"`}, []string{"Ann Lee"}},
		{"a surname attributes to the fullest name the report gives",
			"Mayor Ann Lee opened the bridge on Monday. Lee said the bridge cost $4 million. City officials said 900 cars crossed it.",
			[]string{"Mayor Ann Lee opened the bridge on Monday.", "Lee said the bridge cost $4 million.", "City officials said 900 cars crossed it."},
			[]string{"", "Ann Lee", "City officials"}},
		{"a question asks",
			"Will the barrier be finished before the next winter storms arrive?",
			nil, nil},
		{"a photo credit is page furniture",
			"Jane Doe/Reuters via Getty Images",
			nil, nil},
		{"a caption keeps its fact without its credit",
			"Image copyright Getty Images Image caption The barrier was finished in 2019",
			[]string{"The barrier was finished in 2019"}, []string{""}},
		{"a pronoun source is whom it stands for",
			"Mayor Elena Marsh met the council on Wednesday. She said the barrier would cost $48 million.",
			[]string{"Mayor Elena Marsh met the council on Wednesday.", "She said the barrier would cost $48 million."},
			[]string{"", "Elena Marsh"}},
		{"a pronoun source that stands for no one is none",
			"The council met on Wednesday. She said the barrier would cost $48 million.",
			[]string{"The council met on Wednesday.", "She said the barrier would cost $48 million."},
			[]string{"", ""}},
		{"a sign-up box is page chrome, every sentence of it",
			"Newsletter Sign Up Continue reading the main story Please verify you're not a robot by clicking the box. Invalid email address. Please re-enter. You must select a newsletter to subscribe to. Thank you for subscribing. An error has occurred. Please try again later.\n\nThe council approved the barrier on Wednesday.",
			[]string{"The council approved the barrier on Wednesday."}, []string{""}},
		{"one line of chrome leaves its paragraph's facts",
			"The council approved the barrier on Wednesday. Read more about the barrier here.",
			[]string{"The council approved the barrier on Wednesday."}, []string{""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDocument(&Report{ID: "r1", Body: tc.body})
			claims := findClaims(d, findQuotes(d))
			var texts, sources []string
			for _, c := range claims {
				texts = append(texts, c.Text)
				sources = append(sources, c.Source)
				if tc.body[c.Start:c.End] != c.Text {
					t.Errorf("claim %q: span %d–%d holds %q", c.Text, c.Start, c.End, tc.body[c.Start:c.End])
				}
			}
			if !slices.Equal(texts, tc.want) {
				t.Errorf("claims %q, want %q", texts, tc.want)
			}
			if !slices.Equal(sources, tc.sources) {
				t.Errorf("sources %q, want %q", sources, tc.sources)
			}
		})
	}
}

// TestClaimSubject checks that a claim opening with "he" or "she" knows
// whom the pronoun stands for, for alignment, and that a pronoun with no
// one to stand for stands for nobody.
func TestClaimSubject(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       []string // the subject of each claim
	}{
		{"he after a named man",
			"Elon Musk spoke to reporters at the launch pad on Monday. He put the chance of a full success at two-thirds.",
			[]string{"", "Elon Musk"}},
		{"she passes over a man",
			"Mayor Elena Marsh met the council on Wednesday. Deputy Mayor Tom Reyes stayed away from the meeting. She said the barrier would cost $48 million.",
			[]string{"", "", "Elena Marsh"}},
		{"no one to stand for",
			"The council met on Wednesday. She said the barrier would cost $48 million.",
			[]string{"", ""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDocument(&Report{ID: "r1", Body: tc.body})
			var got []string
			for _, c := range findClaims(d, findQuotes(d)) {
				got = append(got, c.subject)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("subjects %q, want %q", got, tc.want)
			}
		})
	}
}

// loadSample reads the sample case the project ships.
func loadSample(tb testing.TB) []*Report {
	tb.Helper()
	reports := loadReports(tb, filepath.Join("..", "assets", "sample", "*.txt"))
	if len(reports) == 0 {
		tb.Fatal("no sample case in ../assets/sample")
	}
	return reports
}

// BenchmarkClaims measures claim extraction and alignment alone, on the
// sample case and, when present, on the shared corpus's largest cluster.
func BenchmarkClaims(b *testing.B) {
	sets := map[string][]*Report{"sample": loadSample(b)}
	corpus := filepath.Join("..", "..", "shared", "corpus", "cluster-02-ex-google-facebook-staff-tech-addiction-coalition")
	if files, _ := filepath.Glob(filepath.Join(corpus, "0*.txt")); len(files) > 0 {
		var reports []*Report
		for _, f := range files {
			r, err := LoadReport(f)
			if err != nil {
				b.Fatal(err)
			}
			reports = append(reports, r)
		}
		sets["corpus-cluster-02"] = reports
	}
	for name, reports := range sets {
		b.Run(name, func(b *testing.B) {
			Analyze(reports, DefaultOptions()) // gives the reports their IDs
			docs := make([]*document, len(reports))
			quotes := make([][]Quote, len(reports))
			words := 0
			for i, r := range reports {
				docs[i] = newDocument(r)
				quotes[i] = findQuotes(docs[i])
				words += WordCount(r.Body)
			}
			b.ReportAllocs()
			for b.Loop() {
				var claims []Claim
				for i := range docs {
					claims = append(claims, findClaims(docs[i], quotes[i])...)
				}
				r := &Result{Reports: reports, Claims: claims}
				alignClaims(r, "", DefaultOptions())
			}
			b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
		})
	}
}

func FuzzFindClaims(f *testing.F) {
	for _, s := range []string{
		`Broadcom raised its bid to $121 billion on Monday; Qualcomm said it would review it.`,
		`"We will not raise taxes," Marsh said. About 412 households were flooded last winter.`,
		"MAYOR MARSH: Good morning.\n\nThe council voted last night — 7 to 2 — to build the barrier.",
		`He said, "`,
		`"No family will have to leave their home while the works go on," Mayor Elena Marsh said, though she added that the city would pay for glazing.`,
		`"We will raise property taxes to pay for it in the end," said Marsh, adding`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		d := newDocument(&Report{ID: "r1", Body: body})
		end := 0
		for _, c := range findClaims(d, findQuotes(d)) {
			if c.Start < end || c.End > len(body) || c.Start > c.End || body[c.Start:c.End] != c.Text {
				t.Fatalf("claim %q at %d–%d: out of order or off the body (previous end %d)", c.Text, c.Start, c.End, end)
			}
			end = c.End
		}
	})
}
