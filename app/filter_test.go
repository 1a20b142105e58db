package app

import (
	"slices"
	"strings"
	"testing"

	"github.com/parallax-review/parallax/compare"
)

// filterRows returns three groups: a quote by the mayor with a severe
// difference in r2, a quote by an aide that r1 and r3 render alike and
// that has a group verdict, and a claim that r2 and r3 trim.
func filterRows() ([]*row, map[string]Verdict) {
	mk := func(key string, kind compare.Kind, speaker, text string, severity int, reports ...string) *row {
		r := &row{key: key, kind: kind, speaker: speaker, severity: severity, byReport: map[string]*member{}, haystack: strings.ToLower(text)}
		for i, id := range reports {
			m := &member{key: key + id, report: &compare.Report{ID: id}, text: text}
			if i == 0 {
				r.ref = m
			}
			r.members = append(r.members, m)
			r.byReport[id] = m
		}
		return r
	}
	rows := []*row{
		mk("A", compare.KindQuote, "Mayor", "We will not raise taxes", 9, "r1", "r2"),
		mk("B", compare.KindQuote, "Aide", "It is a fair budget", 0, "r1", "r3"),
		mk("C", compare.KindClaim, "", "Spending grows 4%", 4, "r2", "r3"),
	}
	return rows, map[string]Verdict{"B": {Status: "accurate", Note: "Checked against the tape"}}
}

func TestFilter(t *testing.T) {
	rows, verdicts := filterRows()
	tests := []struct {
		name string
		f    filter
		want string
	}{
		{"everything", filter{}, "ABC"},
		{"quotes", filter{kind: compare.KindQuote}, "AB"},
		{"claims", filter{kind: compare.KindClaim}, "C"},
		{"with differences", filter{withDiff: true}, "AC"},
		{"not yet reviewed", filter{unreviewed: true}, "AC"},
		{"speaker", filter{speaker: "Aide"}, "B"},
		{"outlet", filter{report: "r1"}, "AB"},
		{"text, any case", filter{text: " TAXES "}, "A"},
		{"text in a verdict note", filter{text: "tape"}, "B"},
		{"text nowhere", filter{text: "deficit"}, ""},
		{"by significance", filter{bySignificance: true}, "ACB"},
		{"quotes with differences", filter{kind: compare.KindQuote, withDiff: true}, "A"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got strings.Builder
			for _, r := range tt.f.apply(rows, verdicts) {
				got.WriteString(r.key)
			}
			if got.String() != tt.want {
				t.Errorf("apply = %q, want %q", got.String(), tt.want)
			}
		})
	}
}

func TestSpeakers(t *testing.T) {
	rows, _ := filterRows()
	if got := speakers(rows); !slices.Equal(got, []string{"Aide", "Mayor"}) {
		t.Errorf("speakers = %q, want [Aide Mayor]", got)
	}
}

func TestFilterControls(t *testing.T) {
	u := newTestUI(t, NewMemoryStore())
	cv := openSample(t, u)
	all := len(cv.rows)
	cv.kindSel.SetSelected("Claims")
	for _, r := range cv.shown {
		if r.kind != compare.KindClaim {
			t.Fatalf("the claims filter shows a %s", r.kind)
		}
	}
	if rows, _ := cv.matrix.Length(); rows != len(cv.shown) || rows == 0 || rows == all {
		t.Errorf("with the claims filter the matrix has %d rows of %d groups", rows, all)
	}
	if !strings.Contains(cv.status.Text, "shown") {
		t.Errorf("status %q does not say how many are shown", cv.status.Text)
	}
	cv.outletSel.SetSelected(cv.reports[1].Meta.Outlet)
	for _, r := range cv.shown {
		if r.byReport[cv.reports[1].ID] == nil {
			t.Fatalf("the outlet filter shows a group %s does not carry", cv.reports[1].Meta.Outlet)
		}
	}
	cv.resetFilters()
	if len(cv.shown) != all {
		t.Errorf("after resetting the filters %d of %d groups show", len(cv.shown), all)
	}
	cv.search.SetText("zzzz no such words")
	if len(cv.shown) != 0 || cv.selected != nil {
		t.Errorf("a search that matches nothing shows %d groups, selection %v", len(cv.shown), cv.selected != nil)
	}
}

// TestRowSpeaker checks what a row is labelled with: a quote group takes
// its speaker from any rendering when the reference names nobody; a claim
// group takes only the reference's source, since a source is one report's
// attribution.
func TestRowSpeaker(t *testing.T) {
	res := &compare.Result{
		Reports: []*compare.Report{{ID: "r1"}, {ID: "r2"}},
		Quotes: []compare.Quote{
			{ID: "q1", Report: "r1", Text: "We will build it."},
			{ID: "q2", Report: "r2", Text: "We will build it.", Speaker: "Elena Marsh"},
		},
		Claims: []compare.Claim{
			{ID: "c1", Report: "r1", Text: "The river flooded 412 homes last winter."},
			{ID: "c2", Report: "r2", Text: "About 412 homes flooded last winter, according to city figures.", Source: "city figures"},
		},
		Groups: []compare.Group{
			{ID: "g1", Kind: compare.KindQuote, Reference: "q1", Members: []string{"q1", "q2"}},
			{ID: "g2", Kind: compare.KindClaim, Reference: "c1", Members: []string{"c1", "c2"}},
		},
	}
	rows := buildRows(res)
	if len(rows) != 2 || rows[0].speaker != "Elena Marsh" || rows[1].speaker != "" {
		var got []string
		for _, r := range rows {
			got = append(got, r.speaker)
		}
		t.Errorf("row speakers %q, want the quote's speaker and no source for the claim", got)
	}
}

// TestRowOpening checks that a row whose reference is a long quote, two
// sentences that other reports quote apart, opens with the piece its group
// is of, whether or not a report rendering the whole statement is in it.
func TestRowOpening(t *testing.T) {
	first, second := "The barrier will cost $48 million.", "Two thirds of the money comes from the state fund."
	statement := first + " " + second
	res := &compare.Result{
		Reports: []*compare.Report{{ID: "r1"}, {ID: "r2"}, {ID: "r3"}, {ID: "r4"}},
		Quotes: []compare.Quote{
			{ID: "q1", Report: "r1", Text: statement},
			{ID: "q2", Report: "r2", Text: first},
			{ID: "q3", Report: "r3", Text: second},
			{ID: "q4", Report: "r4", Text: statement},
		},
		Groups: []compare.Group{
			{ID: "g1", Kind: compare.KindQuote, Reference: "q1", Members: []string{"q1", "q2", "q4"}, Diffs: []compare.Diff{
				{Member: "q2", Edits: []compare.Edit{{Op: compare.OpEqual, Text: first}, {Op: compare.OpDelete, Text: " " + second}}},
				{Member: "q4", Edits: []compare.Edit{{Op: compare.OpEqual, Text: statement}}},
			}},
			{ID: "g2", Kind: compare.KindQuote, Reference: "q1", Members: []string{"q1", "q3", "q4"}, Diffs: []compare.Diff{
				{Member: "q3", Edits: []compare.Edit{{Op: compare.OpDelete, Text: first + " "}, {Op: compare.OpEqual, Text: second}}},
				{Member: "q4", Edits: []compare.Edit{{Op: compare.OpEqual, Text: statement}}},
			}},
		},
	}
	// A claim's renderings are the report's own words: one that shares a
	// later part of the reference is no piece of it.
	res.Claims = []compare.Claim{{ID: "c1", Report: "r1", Text: statement}, {ID: "c2", Report: "r2", Text: "Officials said two thirds of the money comes from the state fund."}}
	res.Groups = append(res.Groups, compare.Group{ID: "g3", Kind: compare.KindClaim, Reference: "c1", Members: []string{"c1", "c2"}, Diffs: []compare.Diff{
		{Member: "c2", Edits: []compare.Edit{{Op: compare.OpDelete, Text: "The barrier will cost $48 million. Two"}, {Op: compare.OpInsert, Text: "Officials said two"}, {Op: compare.OpEqual, Text: " thirds of the money comes from the state fund."}}},
	}})
	rows := buildRows(res)
	if got, want := rows[2].opening, "The barrier will cost $48 million. Two thirds…"; got != want {
		t.Errorf("opening of the claim's row %q, want %q", got, want)
	}
	if got, want := rows[0].opening, "The barrier will cost $48 million. Two thirds…"; got != want {
		t.Errorf("opening of the first sentence's row %q, want %q", got, want)
	}
	if got, want := rows[1].opening, "…Two thirds of the money comes from the…"; got != want {
		t.Errorf("opening of the second sentence's row %q, want %q", got, want)
	}
}

// TestRowOpeningAfterMark checks that a row opening with the piece its
// group is of starts at the piece's first word when a mark the piece's
// report leaves out ("‘", "(") stands apart in the diff before it.
func TestRowOpeningAfterMark(t *testing.T) {
	piece := "Two thirds of the money comes from the state fund."
	for _, tc := range []struct{ name, before, after, want string }{
		{"an opening quotation mark", "The mayor said: ‘", "’", "…‘Two thirds of the money comes from the…"},
		{"a bracket", "The barrier will cost $48 million. (", ")", "…(Two thirds of the money comes from the…"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := &compare.Result{
				Reports: []*compare.Report{{ID: "r1"}, {ID: "r2"}},
				Quotes: []compare.Quote{
					{ID: "q1", Report: "r1", Text: tc.before + piece + tc.after},
					{ID: "q2", Report: "r2", Text: piece},
				},
				Groups: []compare.Group{{ID: "g1", Kind: compare.KindQuote, Reference: "q1", Members: []string{"q1", "q2"}, Diffs: []compare.Diff{
					{Member: "q2", Edits: []compare.Edit{{Op: compare.OpDelete, Text: tc.before}, {Op: compare.OpEqual, Text: piece}, {Op: compare.OpDelete, Text: tc.after}}},
				}}},
			}
			if got := buildRows(res)[0].opening; got != tc.want {
				t.Errorf("opening %q, want %q", got, tc.want)
			}
		})
	}
}

func TestRowLabel(t *testing.T) {
	for _, tc := range []struct {
		name string
		r    row
		want string
	}{
		{"quote", row{kind: compare.KindQuote, speaker: "Elena Marsh", opening: "We will not raise taxes"},
			"❝ Elena Marsh: We will not raise taxes"},
		{"claim", row{kind: compare.KindClaim, opening: "Last winter the river came over the Eastside wall…"},
			"≡ Last winter the river came over the Eastside wall…"},
		{"claim whose words name its source", row{kind: compare.KindClaim, speaker: "Tom Reyes", opening: "Deputy Mayor Tom Reyes said the city had spoken…"},
			"≡ Deputy Mayor Tom Reyes said the city had spoken…"},
		{"claim whose words name its source by surname", row{kind: compare.KindClaim, speaker: "Elena Marsh", opening: "Marsh said the contract includes penalties…"},
			"≡ Marsh said the contract includes penalties…"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := rowLabel(&tc.r); got != tc.want {
				t.Errorf("rowLabel = %q, want %q", got, tc.want)
			}
		})
	}
}
