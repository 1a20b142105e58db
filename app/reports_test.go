package app

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/parallax-review/parallax/compare"
)

func TestReaderLinksSelectGroups(t *testing.T) {
	u := newTestUI(t, NewMemoryStore())
	cv := openSample(t, u)
	r := cv.reports[1]
	marks := reportMarks(cv.rows, r.ID)
	if len(marks) < 2 {
		t.Fatalf("%s has %d quotes and claims in groups, want at least 2", r.Meta.Outlet, len(marks))
	}
	for i := 1; i < len(marks); i++ {
		if marks[i].span.Start < marks[i-1].span.End {
			t.Fatalf("marks %d and %d overlap", i-1, i)
		}
	}
	segs := readerSegments(r.Body, marks)
	var text strings.Builder
	var highlighted []string
	for _, s := range segs {
		text.WriteString(s.Textual())
		if ts := s.(*widget.TextSegment); ts.Style == quoteStyle || ts.Style == claimStyle {
			highlighted = append(highlighted, ts.Text)
		}
	}
	if got, want := text.String(), strings.ReplaceAll(r.Body, "\n", ""); got != want {
		t.Errorf("the reader's text differs from the report's body:\n%q\n%q", got, want)
	}
	if len(highlighted) != len(marks) {
		t.Fatalf("%d highlights for %d quotes and claims", len(highlighted), len(marks))
	}
	if highlighted[1] != r.Body[marks[1].span.Start:marks[1].span.End] {
		t.Errorf("highlight %q, want the quote or claim's text", highlighted[1])
	}

	// From the case window: the reader opens, and a link selects the
	// group in the matrix even when a filter hides it.
	before := len(u.app.Driver().AllWindows())
	cv.openReader(r, marks[1].span)
	if n := len(u.app.Driver().AllWindows()); n != before+1 {
		t.Fatalf("%d windows after opening the reader, want %d", n, before+1)
	}
	cv.search.SetText("zzzz no such words")
	ws := u.app.Driver().AllWindows()
	var list *widget.List
	for _, o := range test.LaidOutObjects(ws[len(ws)-1].Content()) {
		if l, ok := o.(*widget.List); ok {
			list = l
		}
	}
	if list == nil {
		t.Fatal("the reader has no list of quotes and claims")
	}
	// The reader opened with the rendering's item chosen, so choosing it
	// again changes nothing.
	list.Select(1)
	if cv.selected == marks[1].row {
		t.Error("the reader did not open on the rendering it was opened for")
	}
	list.Select(0)
	if cv.selected != marks[0].row {
		t.Error("choosing a quote in the reader did not select its group in the matrix")
	}
}

func TestPasteReport(t *testing.T) {
	u := newTestUI(t, NewMemoryStore())
	cv := openSample(t, u)
	n := len(cv.reports)
	text := "Title: Barrier row\n\nMayor Elena Marsh said: \"The barrier will cost $50 million, and we will raise property taxes to pay for it.\""
	if err := cv.addPasted("Evening Star", "", "2026-03-14", text); err != nil {
		t.Fatal(err)
	}
	waitAnalysis(t, u)
	if len(cv.reports) != n+1 {
		t.Fatalf("%d reports after pasting, want %d", len(cv.reports), n+1)
	}
	r := cv.reports[n]
	if r.Meta.Outlet != "Evening Star" || r.Meta.Title != "Barrier row" || r.Meta.Date != "2026-03-14" {
		t.Errorf("pasted report's meta = %+v", r.Meta)
	}
	if err := cv.addPasted("Empty", "", "", "   \n"); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("pasting nothing: error %v, want one saying it is empty", err)
	}
}

func TestDropFiles(t *testing.T) {
	u := newTestUI(t, NewMemoryStore())
	paths := writeReports(t, map[string]string{"01-evening-star.txt": "She said: \"The barrier is late.\""})
	uris := []fyne.URI{storage.NewFileURI(paths[0])}

	u.Start(false, nil)
	u.onDropped(fyne.NewPos(10, 10), uris)
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("dropping files on the welcome view says nothing")
	}

	c, _ := u.store.NewCase("Dropped")
	u.openCase(c)
	waitAnalysis(t, u)
	u.onDropped(fyne.NewPos(10, 10), uris)
	waitAnalysis(t, u)
	if len(u.cv.reports) != 1 || u.cv.reports[0].Meta.Outlet != "Evening Star" {
		t.Errorf("after the drop the case holds %d reports", len(u.cv.reports))
	}
}

// tapButton taps the button labelled text in the window's top overlay.
func tapButton(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	test.Tap(overlayButton(t, w, text))
}

func TestReferenceAndRemove(t *testing.T) {
	u := newTestUI(t, NewMemoryStore())
	cv := openSample(t, u)
	n := len(cv.reports)
	chosen := cv.reports[2].ID
	cv.reportList.Select(2)
	cv.referenceSelected()
	waitAnalysis(t, u)
	for _, r := range cv.reports {
		if r.Reference != (r.ID == chosen) {
			t.Errorf("%s reference = %v after making %s the reference", r.ID, r.Reference, chosen)
		}
	}
	for _, r := range cv.rows {
		if r.byReport[chosen] != nil && r.ref.report.ID != chosen {
			t.Errorf("group %s is carried by the new reference but diffed against %s", r.key, r.ref.report.ID)
		}
	}

	cv.reportList.Select(1)
	gone := cv.reports[1].ID
	cv.removeSelected()
	tapButton(t, u.win, "Yes")
	waitAnalysis(t, u)
	if len(cv.reports) != n-1 || slices.ContainsFunc(cv.reports, func(r *compare.Report) bool { return r.ID == gone }) {
		t.Errorf("after removing %s the case holds %d reports", gone, len(cv.reports))
	}
	if _, cols := cv.matrix.Length(); cols != n {
		t.Errorf("the matrix has %d columns, want %d", cols, n)
	}

	// Without a selection, the buttons say what to do.
	cv.removeSelected()
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("Remove without a selected report says nothing")
	}
}

func TestAddMenu(t *testing.T) {
	u := newTestUI(t, NewMemoryStore())
	cv := openSample(t, u)
	add := findButton(cv.content, "Add…")
	if add == nil {
		t.Fatal("no Add… button")
	}
	test.Tap(add)
	got := overlayText(t, u.win)
	if !strings.Contains(got, "Report file…") || !strings.Contains(got, "All reports in a folder…") {
		t.Errorf("the Add menu offers %q", got)
	}
}

func TestReportFiles(t *testing.T) {
	dir := t.TempDir()
	paths := writeReports(t, map[string]string{"b.txt": "x", "a.md": "x", "notes.bin": "x"})
	got, err := reportFiles(filepath.Dir(paths[0]))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || !strings.HasSuffix(got[0], "a.md") || !strings.HasSuffix(got[1], "b.txt") {
		t.Errorf("reportFiles = %q, want a.md and b.txt in order", got)
	}
	if _, err := reportFiles(dir); err == nil || !strings.Contains(err.Error(), "no report files") {
		t.Errorf("an empty folder: error %v", err)
	}
}
