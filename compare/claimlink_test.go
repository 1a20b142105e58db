package compare

import (
	"fmt"
	"math"
	"slices"
	"testing"
)

func TestLinkablePairs(t *testing.T) {
	// Claims 0 and 1 are of report 0, 2 and 3 of report 1, 4 of report 2.
	reportOf := []int32{0, 0, 1, 1, 2}
	for _, tc := range []struct {
		name  string
		pairs []claimPair // as claimCandidates finds them
		want  []claimPair
	}{
		{"mutual best kept, the other dropped",
			[]claimPair{{0, 2, 0.5}, {1, 2, 0.3}},
			[]claimPair{{0, 2, 0.5}}},
		{"best of one side only is dropped",
			[]claimPair{{0, 2, 0.5}, {0, 3, 0.4}, {1, 3, 0.2}},
			[]claimPair{{0, 2, 0.5}}},
		{"ties are all best",
			[]claimPair{{0, 2, 0.4}, {0, 3, 0.4}},
			[]claimPair{{0, 2, 0.4}, {0, 3, 0.4}}},
		{"a sure link is kept though not best",
			[]claimPair{{0, 2, 0.9}, {1, 2, claimSure}, {1, 3, 0.2}},
			[]claimPair{{0, 2, 0.9}, {1, 2, claimSure}}},
		{"best is taken per other report",
			[]claimPair{{0, 2, 0.5}, {0, 4, 0.3}, {1, 4, 0.2}},
			[]claimPair{{0, 2, 0.5}, {0, 4, 0.3}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := linkablePairs(tc.pairs, reportOf, 3); !slices.Equal(got, tc.want) {
				t.Errorf("linkablePairs = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestPreferSameFigure checks that a claim linked to a claim of another
// report giving its figure is held less like that report's claims giving
// another figure, and that claims with no figure or no such link keep
// their similarity.
func TestPreferSameFigure(t *testing.T) {
	const billion121, billion103 = 7, 8 // figure term IDs
	feats := []claimFeatures{
		{report: "A", figures: []int32{billion121}}, // 0: raised its bid to $121 billion
		{report: "B", figures: []int32{billion103}}, // 1: made an unsolicited $103 billion offer
		{report: "B", figures: []int32{billion121}}, // 2: sweetened its offer to $121 billion
		{report: "B"}, // 3: Broadcom raised its bid on Monday
		{report: "C", figures: []int32{billion103}}, // 4: its initial $103 billion offer
	}
	reportOf, _ := reportNumbers(feats)
	pairs := preferSameFigure([]claimPair{{0, 1, 0.4}, {0, 2, 0.38}, {0, 3, 0.3}, {1, 4, 0.3}, {0, 4, 0.2}}, feats, reportOf)
	want := []claimPair{{0, 1, 0.4 * otherFigure}, {0, 2, 0.38}, {0, 3, 0.3}, {1, 4, 0.3}, {0, 4, 0.2}}
	if !slices.Equal(pairs, want) {
		t.Errorf("preferSameFigure = %v, want %v", pairs, want)
	}
}

func TestReportSets(t *testing.T) {
	s := newReportSets(3, 130)
	s.add(0, 1)
	s.add(1, 129)
	s.add(2, 129)
	if s.meet(0, 1) {
		t.Error("sets {1} and {129} meet")
	}
	if !s.meet(1, 2) {
		t.Error("sets {129} and {129} do not meet")
	}
	s.merge(0, 1)
	if !s.meet(0, 2) {
		t.Error("after merging {129} into {1}, it does not meet {129}")
	}
	if s.meet(1, 2) {
		t.Error("a merged-away set still meets {129}")
	}
}

// TestMergeEjecting merges two groups that both hold a claim of report C:
// the claim of C that fits the merged group better stays, the other is set
// apart in a group of its own.
func TestMergeEjecting(t *testing.T) {
	claim := func(report string, terms ...int32) claimFeatures {
		f := claimFeatures{report: report, terms: terms}
		for range terms {
			f.weight = append(f.weight, 1)
			f.what = append(f.what, true)
		}
		f.norm = math.Sqrt(float64(len(terms)))
		return f
	}
	feats := []claimFeatures{
		claim("A", 0, 1), claim("B", 0, 1), claim("C", 0, 1, 5), // group 0
		claim("C", 2, 3), claim("D", 0, 1, 2, 3), // group 3
	}
	reportOf, nReports := reportNumbers(feats)
	members := [][]int{{0, 1, 2}, nil, nil, {3, 4}, nil}
	group := []int{0, 0, 0, 3, 3}
	reports := newReportSets(len(feats), nReports)
	for i, g := range group {
		reports.add(g, reportOf[i])
	}
	probe := newClaimProbe(feats, 6)
	members = mergeEjecting(probe, newLinkageCache(len(feats)), members, group, &reports, reportOf, 0, 3)
	got := slices.Clone(members[0])
	slices.Sort(got)
	if !slices.Equal(got, []int{0, 1, 2, 4}) || len(members[3]) != 0 {
		t.Errorf("merged group %v, old group %v: want [0 1 2 4] and nothing", got, members[3])
	}
	if len(members) != 6 || !slices.Equal(members[5], []int{3}) || group[3] != 5 {
		t.Errorf("groups %v, claim 3 in group %d: want claim 3 set apart in a new group 5", members, group[3])
	}
	if !reports.has(0, reportOf[4]) || reports.has(3, reportOf[4]) || !reports.has(5, reportOf[3]) {
		t.Error("report sets not updated with the merge")
	}
}

func TestRoundKey(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b string
		same bool
	}{
		{"round figures of one size", "$103 billion", "$103bn", true},
		{"two figures of one size", "$103 billion", "$112 billion", false},
		{"a tenth of the size", "$60", "$6", false},
		{"ten times the size", "200 feet", "2,000 feet", false},
		{"one figure in two units", "229 feet", "70 meters", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := figurePair(t, tc.a, tc.b)
			if got := roundKey(a) == roundKey(b); got != tc.same {
				t.Errorf("roundKey %q and %q: same = %v, want %v", roundKey(a), roundKey(b), got, tc.same)
			}
		})
	}
}

func TestFigureWord(t *testing.T) {
	for _, tc := range []struct {
		word string
		want bool
	}{
		{"billion", true}, {"percent", true}, {"feet", true}, {"dollars", true},
		{"years", false}, {"dozen", false}, {"m", false}, {"offer", false},
	} {
		t.Run(tc.word, func(t *testing.T) {
			if got := figureWord(tc.word); got != tc.want {
				t.Errorf("figureWord(%q) = %v, want %v", tc.word, got, tc.want)
			}
		})
	}
}

// TestClaimKindAlone checks that two claims stating sums of money about
// unrelated matters do not line up because of that alone, while counts of
// one named thing do.
func TestClaimKindAlone(t *testing.T) {
	for _, tc := range []struct {
		name   string
		a, b   string
		linked bool
	}{
		{"sums of money",
			"The harbour council spent $4 million on a footbridge.",
			"A charity concert in the old town raised $2 million for flood victims.", false},
		{"counts of one thing",
			"The storm killed seven people in the harbour town.",
			"Eight people died when the storm hit the harbour town.", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := claimGroupOf(t, "2026-03-13", tc.a, tc.b)
			if linked := len(g.Members) == 2; linked != tc.linked {
				t.Errorf("group %v: linked = %v, want %v", g.Members, linked, tc.linked)
			}
		})
	}
}

// TestClaimReferenceIsCentral checks that, among members stating as many
// figures, a claim group is read against the member most like the others,
// not the longest: a sentence that also states another fact would make
// every other member's diff a list of words it lacks.
func TestClaimReferenceIsCentral(t *testing.T) {
	res := claimsResult(
		"The council approved the flood barrier on Wednesday, and the harbour board debated the ferry timetable.",
		"The council approved the flood barrier on Wednesday.",
		"On Wednesday the council approved the flood barrier.",
		"The harbour board debated the ferry timetable for hours.")
	feats, probe := claimProbeOf(res)
	g := makeClaimGroup(res, feats, probe, []int{0, 1, 2}, []int{1, 1, 1}, "", DefaultOptions())
	if g.Reference == "c1" {
		t.Errorf("reference %s, the longest member; want one of the two alike (c2, c3)", g.Reference)
	}
	if g = makeClaimGroup(res, feats, probe, []int{0, 1, 2}, []int{1, 1, 1}, "r1", DefaultOptions()); g.Reference != "c1" {
		t.Errorf("reference %s, want c1, the reference report's", g.Reference)
	}
}

// TestClaimReferenceStatesOneFact checks that a claim in two groups, a
// sentence stating two facts, is the reference of neither when a member
// of the group states its fact alone, even with fewer figures: the
// group's row would read like the other group's.
func TestClaimReferenceStatesOneFact(t *testing.T) {
	res := claimsResult(
		"The council approved a $48 million flood barrier for the Eastside, which flooded three times last winter.",
		"The mayor said the new flood barrier will cost $48 million.",
		"The city will build a $48 million flood barrier.")
	for i := range res.Claims {
		res.Claims[i].Values = readQuantities(res.Claims[i].Text)
	}
	feats, probe := claimProbeOf(res)
	if g := makeClaimGroup(res, feats, probe, []int{0, 1, 2}, []int{1, 1, 1}, "", DefaultOptions()); g.Reference != "c1" {
		t.Fatalf("reference %s in one group each; want c1, stating the most figures", g.Reference)
	}
	if g := makeClaimGroup(res, feats, probe, []int{0, 1, 2}, []int{2, 1, 1}, "", DefaultOptions()); g.Reference == "c1" {
		t.Errorf("reference %s, the sentence in two groups; want c2 or c3", g.Reference)
	}
}

// TestBridged checks that two groups linked through one claim only — a
// sentence stating a fact of each — are told apart from groups that many
// claims link.
func TestBridged(t *testing.T) {
	res := claimsResult(
		"The river flooded the Eastside three times last winter.",
		"Last winter the Eastside flooded three times.",
		"The council approved a $48 million flood barrier for the Eastside, which flooded three times last winter.",
		"The council approved the $48 million barrier on Wednesday.",
		"The Eastside flooded three times last winter, the mayor said.",
		"The harbour board debated the ferry timetable for hours.")
	_, p := claimProbeOf(res)
	floods := []int{0, 1}
	if !bridged(p, floods, []int{2, 3}) {
		t.Error("a group linked to the floods through the two-fact sentence alone is not bridged")
	}
	if bridged(p, floods, []int{2, 4}) {
		t.Error("a group of two claims that both state the floods is bridged")
	}
	if !bridged(p, floods, []int{3, 5}) {
		t.Error("a group no claim of which links to the floods is not bridged")
	}
	if bridged(p, floods, []int{2}) {
		t.Error("a lone claim is bridged")
	}
}

// claimsResult is a result of one report per claim text: claim ci of
// report ri, i from 1.
func claimsResult(texts ...string) *Result {
	res := &Result{}
	for i, text := range texts {
		id := fmt.Sprintf("r%d", i+1)
		res.Reports = append(res.Reports, &Report{ID: id})
		res.Claims = append(res.Claims, Claim{ID: fmt.Sprintf("c%d", i+1), Report: id, Text: text})
	}
	return res
}

// claimProbeOf reads the features of the claims of res, with a probe that
// measures their similarity.
func claimProbeOf(res *Result) ([]claimFeatures, *claimProbe) {
	feats, terms := claimTerms(res)
	return feats, newClaimProbe(feats, terms)
}

// TestSecondGroups checks that a sentence stating two facts that two
// other reports state apart joins the group of each, and that an
// unrelated claim joins neither.
func TestSecondGroups(t *testing.T) {
	in := groupsOf(t,
		"r1", "The rocket stands 230 feet tall on the launch pad that sent the Apollo astronauts to the moon.",
		"r2", "The rocket is 229 feet tall and 40 feet wide.",
		"r2", "It lifts off from the launch pad that sent the Apollo astronauts to the moon.",
		"r3", "At 230 feet tall, the rocket towers over its neighbours.",
		"r3", "The launch pad once sent the Apollo astronauts to the moon.",
		"r3", "The harbour board debated the ferry timetable for hours.")
	if gs := in(0); len(gs) != 2 {
		t.Fatalf("the two-fact sentence is in groups %v, want the height's and the pad's", gs)
	}
	for _, tc := range []struct{ claim, with int }{{1, 3}, {2, 4}} {
		if gs := in(tc.claim); len(gs) != 1 || !slices.Contains(gs[0], tc.with) || !slices.Contains(gs[0], 0) {
			t.Errorf("claim %d is in groups %v, want one group with claims %d and 0", tc.claim, gs, tc.with)
		}
	}
	if gs := in(5); len(gs) != 1 || len(gs[0]) != 1 {
		t.Errorf("the unrelated claim is in groups %v, want a group of its own", gs)
	}
}

// TestSecondGroupsAlone checks that a claim stating one fact of a
// two-fact sentence takes that sentence into a group with it, though the
// sentence joined another report's claim of the other fact, and that a
// claim barely like it takes nothing.
func TestSecondGroupsAlone(t *testing.T) {
	in := groupsOf(t,
		"r1", "The towering rocket, 229 feet tall, sits on the launch pad that sent the Apollo astronauts to the moon.",
		"r2", "It lifts off from the launch pad that sent the Apollo astronauts to the moon.",
		"r2", "The towering rocket stands 229 feet tall, dwarfing the crowds.",
		"r2", "The crowds on the beach watched a rocket.")
	gs := in(0)
	if len(gs) != 2 || !slices.Equal(gs[0], []int{0, 1}) && !slices.Equal(gs[1], []int{0, 1}) ||
		!slices.Equal(gs[0], []int{0, 2}) && !slices.Equal(gs[1], []int{0, 2}) {
		t.Errorf("the two-fact sentence is in groups %v, want [0 1] (the pad) and [0 2] (the height)", gs)
	}
	if gs := in(3); len(gs) != 1 || len(gs[0]) != 1 {
		t.Errorf("the claim barely like the sentence is in groups %v, want a group of its own", gs)
	}
}

// TestWithSecond checks how the claims that join a group besides their own
// make up the groups: a lone claim that joined another group and took in
// none leaves its own, and two lone claims that took in each other make
// one group, not two alike.
func TestWithSecond(t *testing.T) {
	for _, tc := range []struct {
		name    string
		members [][]int // by group; group g starts as claim g's
		second  map[int][]int
		want    [][]int
	}{
		{"nothing joins", [][]int{{0, 2}, {1}, nil}, nil, [][]int{{0, 2}, {1}}},
		{"a sentence joins a second group", [][]int{{0, 2}, {1, 3}, nil, nil}, map[int][]int{1: {0}},
			[][]int{{0, 2}, {0, 1, 3}}},
		{"a lone claim that joined leaves its own", [][]int{{0, 2}, {1}, nil}, map[int][]int{0: {1}},
			[][]int{{0, 1, 2}}},
		{"a lone claim takes in a sentence", [][]int{{0, 2}, {1}, nil}, map[int][]int{1: {0}},
			[][]int{{0, 2}, {0, 1}}},
		{"two lone claims take in each other", [][]int{{0}, {1}}, map[int][]int{0: {1}, 1: {0}},
			[][]int{{0, 1}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			group := make([]int, len(tc.members))
			for g, m := range tc.members {
				for _, c := range m {
					group[c] = g
				}
			}
			if got := withSecond(tc.members, group, tc.second); !slices.EqualFunc(got, tc.want, slices.Equal) {
				t.Errorf("withSecond = %v, want %v", got, tc.want)
			}
		})
	}
}

// groupsOf groups the claims given as pairs of report and text, in
// order: claim i is the i-th pair. It returns a function that lists the
// groups a claim is in.
func groupsOf(t *testing.T, reportsAndTexts ...string) func(claim int) [][]int {
	t.Helper()
	res := &Result{}
	for i := 0; i+1 < len(reportsAndTexts); i += 2 {
		report, text := reportsAndTexts[i], reportsAndTexts[i+1]
		if len(res.Reports) == 0 || res.Reports[len(res.Reports)-1].ID != report {
			res.Reports = append(res.Reports, &Report{ID: report})
		}
		res.Claims = append(res.Claims, Claim{ID: fmt.Sprintf("c%d", i/2), Report: report, Text: text})
	}
	feats, probe := claimProbeOf(res)
	groups := groupClaims(feats, len(probe.weight), probe)
	return func(claim int) (gs [][]int) {
		for _, g := range groups {
			if slices.Contains(g, claim) {
				gs = append(gs, g)
			}
		}
		return gs
	}
}
