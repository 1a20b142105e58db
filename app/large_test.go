package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/parallax-review/parallax/assets"
	"github.com/parallax-review/parallax/compare"
)

// largeCase returns n reports: the sample's transcript and variants of its
// other reports, each under its own outlet with its own closing line.
func largeCase(tb testing.TB, n int) []*compare.Report {
	tb.Helper()
	sample, err := assets.SampleReports()
	if err != nil {
		tb.Fatal(err)
	}
	reports := []*compare.Report{sample[0]}
	for i := 1; i < n; i++ {
		r := *sample[1+(i-1)%(len(sample)-1)]
		r.ID = ""
		r.Meta.Outlet = fmt.Sprintf("Outlet %d", i)
		r.Body += fmt.Sprintf("\nThis report was filed by Outlet %d.", i)
		if i%3 == 0 {
			r.Body = strings.Replace(r.Body, "600", fmt.Sprint(600+i), 1)
		}
		reports = append(reports, &r)
	}
	return reports
}

// slowStore is a MemoryStore whose analysis waits until release is closed.
type slowStore struct {
	*MemoryStore
	release chan struct{}
}

func (s *slowStore) Analysis(id int64) (*compare.Result, error) {
	<-s.release
	return s.MemoryStore.Analysis(id)
}

func TestResponsiveWhileAnalysing(t *testing.T) {
	store := &slowStore{MemoryStore: NewMemoryStore(), release: make(chan struct{})}
	c, _ := store.NewCase("Large")
	for _, r := range largeCase(t, 40) {
		if err := store.AddReport(c.ID, r); err != nil {
			t.Fatal(err)
		}
	}
	u := newTestUI(t, store)
	u.openCase(c)
	cv := u.cv
	// The analysis is under way and the UI goroutine is free: the status
	// says so, the progress bar shows, and the window answers keys and
	// dialogs.
	if !strings.HasPrefix(cv.status.Text, "Analysing 40 reports") || !cv.progress.Visible() {
		t.Errorf("while analysing: status %q, progress shown %v", cv.status.Text, cv.progress.Visible())
	}
	u.onRune('j')
	u.onRune('?')
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("the shortcuts dialog did not open while analysing")
	}
	close(store.release)
	waitAnalysis(t, u)
	if cv.progress.Visible() || len(cv.rows) == 0 {
		t.Errorf("after the analysis: progress shown %v, %d groups", cv.progress.Visible(), len(cv.rows))
	}
	if rows, cols := cv.matrix.Length(); rows == 0 || cols != 41 {
		t.Errorf("matrix is %d×%d, want groups × 41", rows, cols)
	}
}

// BenchmarkShowLargeCase measures showing the analysis of a 200-report
// case: indexing its groups, filling the matrix and the detail of the
// first group.
func BenchmarkShowLargeCase(b *testing.B) {
	reports := largeCase(b, 200)
	res := compare.Analyze(reports, compare.DefaultOptions())
	store := NewMemoryStore()
	c, _ := store.NewCase("Large")
	u := New(test.NewTempApp(b), store)
	cv, err := newCaseView(u, c)
	if err != nil {
		b.Fatal(err)
	}
	cv.reports = reports
	u.cv = cv
	u.setContent(cv.content)
	b.ReportAllocs()
	for b.Loop() {
		cv.selected = nil
		cv.generation++
		cv.apply(cv.generation, res, nil, 0)
	}
}
