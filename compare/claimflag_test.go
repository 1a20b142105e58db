package compare

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// claimGroupOf analyses one report per text and returns the claim group that
// holds the first report's claim.
func claimGroupOf(t *testing.T, date string, texts ...string) Group {
	t.Helper()
	var reports []*Report
	for _, text := range texts {
		reports = append(reports, &Report{Body: text, Meta: Meta{Date: date}})
	}
	res := Analyze(reports, DefaultOptions())
	if len(res.Claims) == 0 {
		t.Fatalf("no claim found in %q", texts[0])
	}
	for _, g := range res.Groups {
		if g.Kind == KindClaim && strings.Contains(strings.Join(g.Members, " "), res.Claims[0].ID) {
			return g
		}
	}
	t.Fatalf("claim %s is in no group", res.Claims[0].ID)
	return Group{}
}

func TestClaimFlags(t *testing.T) {
	for _, tc := range []struct {
		name   string
		date   string
		a, b   string
		kind   FlagKind // the flag wanted, "" for none
		detail string   // a part of its detail
	}{
		{"death toll", "2018-02-05",
			"The bus crash on the coast road killed seven people on Sunday.",
			"The bus crash on the coast road killed eight people on Sunday.",
			FlagNumber, "death toll: seven vs eight"},
		{"money in two spellings agrees", "2018-02-05",
			"Broadcom raised its bid for Qualcomm to $121bn on Monday.",
			"Broadcom raised its bid for Qualcomm to $121 billion on Monday.",
			"", ""},
		{"money disagrees", "2018-02-05",
			"Broadcom made an initial offer of $103 billion for Qualcomm in November.",
			"Broadcom made an initial offer of $105 billion for Qualcomm in November.",
			FlagNumber, "amount: $103 billion vs $105 billion"},
		{"more than is less precise", "2016-10-13",
			"More than 200 schoolgirls were kidnapped from Chibok in April 2014.",
			"Some 276 schoolgirls were kidnapped from Chibok in April 2014.",
			FlagPrecision, "More than 200 vs Some 276"},
		{"rounded height", "2018-02-05",
			"The Falcon Heavy rocket stands 230 feet tall on launch pad 39A.",
			"The Falcon Heavy rocket stands 229 feet tall on launch pad 39A.",
			FlagPrecision, "height: 230 feet vs 229 feet"},
		{"relative dates disagree", "2018-02-26",
			"European Union regulators approved the Qualcomm purchase of NXP last month.",
			"European Union regulators approved the Qualcomm purchase of NXP this month.",
			FlagDate, "last month (2018-01) vs this month (2018-02)"},
		{"ranges with other ends disagree", "2018-02-05",
			"The storm on the coast road killed 12 to 15 people on Sunday.",
			"The storm on the coast road killed 12 to 18 people on Sunday.",
			FlagNumber, "death toll: 12 to 15 vs 12 to 18"},
		{"a range end rounded is less precise", "2018-02-05",
			"Musk put the chance of a full success of the first flight at one-half to two-thirds.",
			"Musk put the chance of a full success of the first flight at 50 to 70 percent.",
			FlagPrecision, "percentage: one-half to two-thirds vs 50 to 70 percent"},
		{"a figure within a range is less precise", "2018-02-05",
			"Musk put the chance of a full success of the first flight at 50 to 70 percent.",
			"Musk put the chance of a full success of the first flight at 60 percent.",
			FlagPrecision, "percentage: 50 to 70 percent vs 60 percent"},
		{"a statement's date is not the fact's", "2018-02-26",
			"The council approved the flood barrier for the Eastside on Wednesday.",
			"The mayor said on Thursday that the council approved the flood barrier for the Eastside.",
			"", ""},
		{"statements dated apart", "2018-01-10",
			"Palihapitiya said in November that the network was ripping apart the fabric of society.",
			"In December, Palihapitiya said the network was ripping apart the fabric of society.",
			FlagDate, "November (2017-11) vs December (2017-12)"},
		{"weekday and date agree", "2018-02-26",
			"Broadcom sweetened its offer for Qualcomm on Monday after weeks of talks.",
			"Broadcom sweetened its offer for Qualcomm on Feb. 26 after weeks of talks.",
			"", ""},
		{"a year is a date", "2018-02-05",
			"Broadcom moved its headquarters from California after a merger with Avago in 2015.",
			"Broadcom moved its headquarters from California after a merger with Avago in 2016.",
			FlagDate, "2015 (2015) vs 2016 (2016)"},
		{"a group is more than two", "2018-02-05",
			"Two former employees of the bank have launched a campaign against its new fees.",
			"A group of former employees of the bank have launched a campaign against its new fees.",
			FlagNumber, "number of employees: A group of vs Two"},
		{"counts of different things do not disagree", "2018-02-05",
			"The heavy rocket carries 18 engines and lifted off from the Florida coast on Tuesday.",
			"The heavy rocket carries three boosters and lifted off from the Florida coast on Tuesday.",
			"", ""},
		{"a day and a year name different events", "2018-02-05",
			"Broadcom said on Monday that it moved its headquarters to Singapore after the merger.",
			"Broadcom moved its headquarters to Singapore after the merger in 2015, the company said.",
			"", ""},
		{"a share price is not a deal's value", "2018-02-05",
			"NXP shares traded at $119 on Monday as investors weighed the $47 billion Qualcomm deal.",
			"NXP shares traded at $119 on Monday as investors weighed the $38 billion Qualcomm deal.",
			FlagNumber, "amount: $47 billion vs $38 billion"},
		{"a crowd counted by what it does", "2017-12-31",
			"Hundreds of thousands of people will celebrate at the Brandenburg Gate, where 40 medics stand by in a tent.",
			"As thousands celebrate at the Brandenburg Gate, 40 medics stand by in a tent.",
			FlagNumber, "number of people: Hundreds of thousands vs thousands"},
		{"another place", "2010-05-18",
			"Blumenthal said he had misspoken at a 2008 event in Norwalk about his service.",
			"Blumenthal said he had misspoken at a 2008 event in Norfolk about his service.",
			FlagEntity, "Norfolk instead of Norwalk"},
		{"a look-alike place put elsewhere in the sentence", "2010-05-18",
			"The attorney general said he had misspoken about his service during the Norwalk event in 2008.",
			"The attorney general said he had misspoken about his service at a 2008 event in Norfolk.",
			FlagEntity, "Norfolk instead of Norwalk"},
		{"a name in the same place without its accents is no other name", "2018-02-05",
			"The festival in Orléans drew 40,000 visitors over the weekend, the organisers said.",
			"The festival in Orleans drew 40,000 visitors over the weekend, the organisers said.",
			"", ""},
		{"a name's other forms are no other name", "2018-02-05",
			"Nigerian officials said the 21 girls were freed on Thursday after talks with Boko Haram.",
			"Nigeria's officials said the 21 girls were freed on Thursday after talks with Boko Haram.",
			"", ""},
		{"a name without its accents elsewhere in the sentence is the same name", "2018-02-05",
			"The mayor of Orléans said on Monday that the old stone bridge would reopen in March.",
			"The mayor said on Monday that the old stone bridge in Orleans would reopen in March.",
			"", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := claimGroupOf(t, tc.date, tc.a, tc.b)
			if len(g.Members) != 2 {
				t.Fatalf("group %v: want both claims", g.Members)
			}
			var got []string
			found := false
			for _, f := range g.Flags {
				got = append(got, string(f.Kind)+": "+f.Detail)
				if f.Kind == tc.kind && strings.Contains(f.Detail, tc.detail) {
					found = true
				}
				if f.Kind == FlagNumber && tc.kind != FlagNumber {
					t.Errorf("unwanted number flag %q", f.Detail)
				}
			}
			if tc.kind == "" && len(g.Flags) > 0 {
				t.Errorf("flags %q, want none", got)
			}
			if tc.kind != "" && !found {
				t.Errorf("flags %q, want %s with %q", got, tc.kind, tc.detail)
			}
		})
	}
}

func TestLooksLike(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b string
		want bool
	}{
		{"two letters apart", "Norwalk", "Norfolk", true},
		{"a possessive", "Norfolk's", "Norwalk", true},
		{"a typographic possessive", "Norfolk’s", "Norwalk", true},
		{"one name in two typographies", "O’Donnell", "O'Donnell", false},
		{"apostrophes of two typographies", "O’Donnell", "O'Dannell", true},
		{"one with an ending", "Nigeria", "Nigerian", false},
		{"other first letters", "Penelec", "Genelec", false},
		{"too short", "Bonn", "Born", false},
		{"without accents", "Orléans", "Orleans", false},
		{"without a stroke", "Wrocław", "Wroclaw", false},
		{"letters counted, not bytes", "Тверь", "Твери", false},
		{"another script", "Москва", "Моства", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := looksLike(tc.a, tc.b); got != tc.want {
				t.Errorf("looksLike(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

func TestClaimUnique(t *testing.T) {
	g := claimGroupOf(t, "2018-02-05",
		"The launch pad at Cape Canaveral was rebuilt for the heavy rocket in 2017.",
		"Tourists filled the beaches of the Space Coast to watch the first flight.")
	if len(g.Members) != 1 || len(g.Flags) != 1 || g.Flags[0].Kind != FlagUnique {
		t.Errorf("group %v flags %v: want one member flagged unique", g.Members, g.Flags)
	}
}

func TestClaimOneWordNeedsSamePeople(t *testing.T) {
	g := claimGroupOf(t, "2026-03-13",
		"The barrier will be 2.4 kilometres long and rise 3 metres above the current wall, according to the project plans.",
		"The council approved the project on Wednesday evening.")
	if len(g.Members) != 1 {
		t.Errorf("group %v: claims sharing one word and no one should not line up", g.Members)
	}
}

// TestClaimFlagsAgainstPeers checks that a figure the reference does not
// state is held against another member that states one, and that what the
// figure measures is read from that member's text, not the reference's.
func TestClaimFlagsAgainstPeers(t *testing.T) {
	for _, tc := range []struct {
		name              string
		ref, peer, member string
		want              string // the detail of the one number flag
	}{
		{"amount",
			"Broadcom's offer also hinges on the NXP purchase.",
			"Qualcomm's $38 billion purchase of NXP",
			"Qualcomm's $47 billion purchase of NXP",
			"amount: $38 billion vs $47 billion"},
		{"height named by the peer",
			"The new tower by the harbour opened on Monday.",
			"The tower stands 230 feet tall by the harbour.",
			"The 260-foot tower by the harbour opened on Monday.",
			"height: 230 feet vs 260-foot"},
		{"a height word in the reference only",
			"The tower opened on Monday despite high winds.",
			"The harbour bridge beside it runs 900 feet.",
			"The 1,200-foot harbour bridge opened on Monday.",
			"length: 900 feet vs 1,200-foot"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rf := claimFeatures{text: tc.ref, values: readQuantities(tc.ref)}
			peer := claimFeatures{text: tc.peer, values: readQuantities(tc.peer)}
			member := &Claim{ID: "c3", Text: tc.member}
			mf := claimFeatures{text: member.Text, values: readQuantities(member.Text)}
			flags := claimFlags(member, &rf, &mf, []*claimFeatures{&peer}, nil)
			if len(flags) != 1 || flags[0].Kind != FlagNumber || flags[0].Detail != tc.want {
				t.Errorf("flags %v, want one number flag %q", flags, tc.want)
			}
		})
	}
}

func TestSameScale(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b string
		want bool
	}{
		{"two deal values", "$47 billion", "$38 billion", true},
		{"a share price and a deal value", "$119", "$47 billion", false},
		{"counts of one size", "21 girls", "20 girls", true},
		{"counts far apart", "21 girls", "276 girls", false},
		{"shares of any size", "0.2 percent", "3 percent", true},
		{"a vague count", "hundreds of thousands of people", "thousands of people", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := figurePair(t, tc.a, tc.b)
			if got := sameScale(a, b); got != tc.want {
				t.Errorf("sameScale(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

// figurePair reads the one figure of each of texts a and b.
func figurePair(t *testing.T, a, b string) (Quantity, Quantity) {
	t.Helper()
	qa, qb := readQuantities(a), readQuantities(b)
	if len(qa) != 1 || len(qb) != 1 {
		t.Fatalf("read %v and %v, want one figure each", qa, qb)
	}
	return qa[0], qb[0]
}

// TestClaimOtherNames checks that two claims naming only different
// people or firms are taken for less alike than their words say: "Qualcomm
// shares fell" is not "Broadcom shares fell".
func TestClaimOtherNames(t *testing.T) {
	res := claimsResult(
		"Qualcomm shares fell 3 percent on Monday.",
		"Broadcom shares fell 3 percent on Monday.",
		"Qualcomm rejected the Broadcom offer.")
	feats, probe := claimProbeOf(res)
	a, b := &feats[0], &feats[1]
	probe.load(0)
	dot := 0.0
	for i, x := range a.terms {
		if j := slices.Index(b.terms, x); j >= 0 {
			dot += a.weight[i] * b.weight[j]
		}
	}
	full := dot / (a.norm * b.norm) * (1 + positionWeight/2) // what the words alone give
	if got := probe.sim(1); full == 0 || got >= full {
		t.Errorf("similarity %v, want less than %v, the similarity of the words alone", got, full)
	}
}

func TestDateConflict(t *testing.T) {
	base := time.Date(2018, 2, 26, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name, ref, member, want string
	}{
		{"two days", "on March 3", "on March 5", "March 3 (2018-03-03) vs March 5 (2018-03-05)"},
		{"a day within a month", "in March", "on March 3", ""},
		{"a day against a year", "on March 3", "in 2016", ""},
		{"the pair of one size past the first date", "on March 3 of 2016", "in 2015", "2016 (2016) vs 2015 (2015)"},
		{"no date in one", "on March 3", "at the weekend", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, _ := dateConflict(readDates(tc.ref, base), readDates(tc.member, base)); got != tc.want {
				t.Errorf("dateConflict(%q, %q) = %q, want %q", tc.ref, tc.member, got, tc.want)
			}
		})
	}
}

func TestMarkSaid(t *testing.T) {
	base := time.Date(2018, 2, 26, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		text string
		said []bool // of each date in order
	}{
		{"The mayor said on Thursday that the council approved it on Wednesday.", []bool{true, false}},
		{"Mayor Marsh on Thursday promised that the barrier would be built by March.", []bool{true, false}},
		{"Marsh told reporters on Thursday that it would open in March.", []bool{true, false}},
		{"In December, Palihapitiya said he felt guilty.", []bool{true}},
		{"The council approved the barrier on Wednesday, the mayor said.", []bool{false}},
		{"The council approved the barrier on Wednesday.", []bool{false}},
	} {
		t.Run(tc.text, func(t *testing.T) {
			wt := wtoks(tc.text, tokenize(tc.text))
			dates := readDatesIn(tc.text, wt, base)
			markSaid(dates, wt)
			var said []bool
			for _, d := range dates {
				said = append(said, d.said)
			}
			if !slices.Equal(said, tc.said) {
				t.Errorf("dates %v said %v, want %v", dates, said, tc.said)
			}
		})
	}
}

// TestPeerDateConflict checks that a member's date is held against a
// peer's when the reference states none of its size.
func TestPeerDateConflict(t *testing.T) {
	base := time.Date(2018, 2, 26, 0, 0, 0, 0, time.UTC)
	feats := func(text string) *claimFeatures { return &claimFeatures{text: text, dates: readDates(text, base)} }
	for _, tc := range []struct {
		name, ref, peer, member, want string
	}{
		{"a month against a peer's", "The investor criticised the network.", "He said so in November.",
			"He said so in December.", "November (2017-11) vs December (2017-12)"},
		{"the reference's date comes first", "He said so on Dec. 3.", "He said so in November.",
			"He said so on Dec. 5.", "Dec. 3 (2017-12-03) vs Dec. 5 (2017-12-05)"},
		{"the reference's date agrees", "He said so in December.", "He said so in November.",
			"He said so on Dec. 5.", ""},
		{"no date of its size anywhere", "The investor criticised the network.", "He said so in 2016.",
			"He said so in December.", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := peerDateConflict(feats(tc.ref), feats(tc.member), []*claimFeatures{feats(tc.peer)}); got != tc.want {
				t.Errorf("peerDateConflict = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSameCounted(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b string
		want bool
	}{
		{"one noun", "protester", "protester", true},
		{"nouns of one synonym group", "reveller", "partygoer", true},
		{"people against a noun of people", "people", "passenger", true},
		{"a noun of people against people", "voter", "people", true},
		{"people against things", "people", "vehicle", false},
		{"two kinds of people", "voter", "passenger", false},
		{"a count of nothing named", "", "people", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := sameCounted(tc.a, tc.b); got != tc.want {
				t.Errorf("sameCounted(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
}
