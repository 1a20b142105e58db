package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/parallax-review/parallax/compare"
)

// reviewResult is goldenResult with two groups before its own: a quote
// that the transcript and the Daily render alike, and a quote only the
// Courier carries, which the analysis flags as unique.
func reviewResult() *compare.Result {
	res := goldenResult()
	res.Quotes = append(res.Quotes,
		compare.Quote{ID: "q3", Report: "r1", Text: "The budget is balanced.", Speaker: "Mayor"},
		compare.Quote{ID: "q4", Report: "r2", Text: "The budget is balanced.", Speaker: "Mayor"},
		compare.Quote{ID: "q5", Report: "r3", Text: "We met on Tuesday.", Speaker: "Clerk"},
	)
	res.Groups = append([]compare.Group{
		{ID: "g2", Kind: compare.KindQuote, Reference: "q3", Members: []string{"q3", "q4"},
			Diffs: []compare.Diff{{Member: "q4", Similarity: 1, Edits: []compare.Edit{{Op: compare.OpEqual, Text: "The budget is balanced."}}}}},
		{ID: "g3", Kind: compare.KindQuote, Reference: "q5", Members: []string{"q5"},
			Flags: []compare.Flag{{Member: "q5", Kind: compare.FlagUnique, Detail: "only one report carries this quote"}}},
	}, res.Groups...)
	return res
}

// A group only one report carries has nothing to differ from: the status
// bar counts it apart, and neither "With differences" nor n stops on it.
func TestSingleReportGroupIsNoDifference(t *testing.T) {
	store, c := newFixedStore(t, reviewResult())
	u := newTestUI(t, store)
	u.openCase(c)
	cv := waitAnalysis(t, u)

	status := cv.status.Text
	for _, want := range []string{"3 groups (1 in one report only)", "1 with differences"} {
		if !strings.Contains(status, want) {
			t.Errorf("status %q does not say %q", status, want)
		}
	}

	cv.selectRow(1)
	if got := contentText(cv.detailBox); !strings.Contains(got, "Only Courier carries it: no other report to compare it with.") {
		t.Errorf("the detail of the Courier's own quote reads\n%s\nwant it to say only the Courier carries it", got)
	}

	cv.selectRow(0)
	test.TypeOnCanvas(u.win.Canvas(), "n")
	if cv.selected == nil || cv.selected.key != "g1" {
		t.Errorf("n from the first group selects %v, want g1, the one group with a difference", cv.selected)
	}

	test.Tap(cv.withDiffCheck)
	var shown []string
	for _, r := range cv.shown {
		shown = append(shown, r.key)
	}
	if strings.Join(shown, " ") != "g1" {
		t.Errorf("With differences shows %q, want only g1", shown)
	}
}
