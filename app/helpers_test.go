package app

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/parallax-review/parallax/compare"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestMain shows times in UTC, so that golden files do not depend on the
// machine's time zone.
func TestMain(m *testing.M) {
	time.Local = time.UTC
	os.Exit(m.Run())
}

// testTime is the time of every verdict recorded in tests.
var testTime = time.Date(2026, 3, 4, 9, 30, 0, 0, time.UTC)

// newTestUI returns the app over store in a headless test app, its main
// window at the size of a small laptop screen.
func newTestUI(t *testing.T, store Store) *UI {
	t.Helper()
	a := test.NewTempApp(t)
	u := New(a, store)
	u.now = func() time.Time { return testTime }
	u.win.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(u.win.Close)
	return u
}

// waitAnalysis waits for the open case's analysis to be shown.
func waitAnalysis(t *testing.T, u *UI) *caseView {
	t.Helper()
	if u.cv == nil {
		t.Fatal("no case is open")
	}
	u.cv.analysing.Wait()
	return u.cv
}

// openSample opens the sample case and waits for its analysis.
func openSample(t *testing.T, u *UI) *caseView {
	t.Helper()
	u.Start(true, nil)
	cv := waitAnalysis(t, u)
	if cv.res == nil || len(cv.rows) == 0 {
		t.Fatal("the sample case's analysis shows no groups")
	}
	return cv
}

// writeReports writes reports as files in a temporary folder and returns
// their paths.
func writeReports(t *testing.T, files map[string]string) []string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// assertMarkup compares what c renders with the golden file
// testdata/name, or rewrites the file with -update.
func assertMarkup(t *testing.T, name string, c fyne.Canvas) {
	t.Helper()
	if *update {
		path := filepath.Join("testdata", name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(test.RenderToMarkup(c)), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	test.AssertRendersToMarkup(t, name, c)
}

// goldenResult is a small analysis made by hand, so that the golden files
// do not move with the analysis engine: a transcript and two reports, one
// quote that the first report renders with "not" dropped and a number
// changed, and the second leaves out.
func goldenResult() *compare.Result {
	reports := []*compare.Report{
		{ID: "r1", File: "transcript.txt", Meta: compare.Meta{Outlet: "Council transcript", Title: "Budget session", Date: "2026-03-02"}, Reference: true,
			Body: `MAYOR: "We will not raise taxes this year, and spending grows 4%."`},
		{ID: "r2", File: "daily.txt", Meta: compare.Meta{Outlet: "The Daily", Title: "Mayor to raise taxes", Date: "2026-03-02"},
			Body: `The mayor said: "We will raise taxes this year, and spending grows 5%."`},
		{ID: "r3", File: "courier.txt", Meta: compare.Meta{Outlet: "Courier", Title: "Council meets", Date: "2026-03-03"},
			Body: `The council met on Tuesday.`},
	}
	return &compare.Result{
		Reports: reports,
		Quotes: []compare.Quote{
			{ID: "q1", Report: "r1", Text: "We will not raise taxes this year, and spending grows 4%.", Speaker: "Mayor", Span: compare.Span{Start: 8, End: 65}},
			{ID: "q2", Report: "r2", Text: "We will raise taxes this year, and spending grows 5%.", Speaker: "Mayor", Span: compare.Span{Start: 16, End: 69}},
		},
		Groups: []compare.Group{{
			ID: "g1", Kind: compare.KindQuote, Reference: "q1", Members: []string{"q1", "q2"},
			Flags: []compare.Flag{
				{Member: "q2", Kind: compare.FlagNegation, Detail: "“not” dropped"},
				{Member: "q2", Kind: compare.FlagNumber, Detail: "4% vs 5%"},
			},
			Diffs: []compare.Diff{{Member: "q2", Similarity: 0.9, Edits: []compare.Edit{
				{Op: compare.OpEqual, Text: "We will "},
				{Op: compare.OpDelete, Text: "not "},
				{Op: compare.OpEqual, Text: "raise taxes this year, and spending grows "},
				{Op: compare.OpDelete, Text: "4%"},
				{Op: compare.OpInsert, Text: "5%"},
				{Op: compare.OpEqual, Text: "."},
			}}},
		}},
	}
}

// quoteGroupResult returns an analysis of one group of quotes, g1: report
// ri ("Outlet ri") quotes texts[i-1] as qi, and q1 is the reference.
func quoteGroupResult(texts ...string) *compare.Result {
	res := &compare.Result{Groups: []compare.Group{{ID: "g1", Kind: compare.KindQuote, Reference: "q1"}}}
	for i, text := range texts {
		rid, qid := fmt.Sprintf("r%d", i+1), fmt.Sprintf("q%d", i+1)
		res.Reports = append(res.Reports, &compare.Report{ID: rid, File: rid + ".txt", Meta: compare.Meta{Outlet: "Outlet " + rid}, Body: `"` + text + `" she said.`})
		res.Quotes = append(res.Quotes, compare.Quote{ID: qid, Report: rid, Text: text, Span: compare.Span{Start: 1, End: 1 + len(text)}})
		res.Groups[0].Members = append(res.Groups[0].Members, qid)
	}
	return res
}

// fixedStore is a MemoryStore whose analysis is given, not computed.
type fixedStore struct {
	*MemoryStore
	res *compare.Result
}

// newFixedStore returns a store holding one case with res's reports, whose
// analysis is res.
func newFixedStore(t *testing.T, res *compare.Result) (*fixedStore, CaseInfo) {
	t.Helper()
	s := &fixedStore{MemoryStore: NewMemoryStore(), res: res}
	c, err := s.NewCase("Budget remarks")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res.Reports {
		id := r.ID
		cp := *r
		if err := s.AddReport(c.ID, &cp); err != nil {
			t.Fatal(err)
		}
		s.MemoryStore.reports[c.ID][len(s.MemoryStore.reports[c.ID])-1].ID = id
	}
	s.analyses[c.ID], s.fresh[c.ID] = res, true
	return s, c
}

// openResult opens, in a new test UI, a case whose analysis is res, and
// waits for it to show.
func openResult(t *testing.T, res *compare.Result) (*fixedStore, *UI, *caseView) {
	t.Helper()
	store, c := newFixedStore(t, res)
	u := newTestUI(t, store)
	u.openCase(c)
	return store, u, waitAnalysis(t, u)
}

// Analysis returns the given result.
func (s *fixedStore) Analysis(int64) (*compare.Result, error) { return s.res, nil }
