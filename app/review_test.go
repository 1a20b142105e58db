package app

import (
	"fmt"
	"image/color"
	"maps"
	"math"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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
	_, u, cv := openResult(t, reviewResult())

	status := cv.status.Text
	for _, want := range []string{"3 groups (1 in one report only)", "1 with differences", "0 of 3 reviewed"} {
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

// The matrix gives the first column the width its report columns leave:
// in a window of 1280 by 800 the sample's five reports show whole, and a
// group's label shows in full when the columns leave room for it.
func TestMatrixFitsTheWindow(t *testing.T) {
	t.Run("sample's report columns", func(t *testing.T) {
		u := newTestUI(t, NewMemoryStore())
		cv := openSample(t, u)
		// The cells as the table lays them out: the first column's apart,
		// the report columns' from the left of the area that scrolls.
		cells := rowCells(matrixCells(cv)(), 0)
		first, last := cells[0], cells[len(cv.reports)]
		if first == nil || last == nil {
			t.Fatalf("the matrix laid out the columns %v, want 0 to %d", slices.Sorted(maps.Keys(cells)), len(cv.reports))
		}
		pad := cv.matrix.Theme().Size(theme.SizeNamePadding)
		end := first.Size().Width + pad + last.Position().X + last.Size().Width
		if width := cv.matrix.Size().Width; end > width {
			t.Errorf("the last report's column ends at x=%v, past the matrix's width %v: it is cut off", end, width)
		}
	})
	t.Run("label of a group in three reports", func(t *testing.T) {
		_, _, cv := openGolden(t)
		want := rowLabel(cv.shown[0])
		var got []string
		for _, o := range test.LaidOutObjects(cv.matrix) {
			if txt, ok := o.(*canvas.Text); ok && strings.HasPrefix(txt.Text, "❝") {
				got = append(got, txt.Text)
			}
		}
		if len(got) != 1 || got[0] != want {
			t.Errorf("the matrix shows the group as %q, want %q in full", got, want)
		}
	})
}

// A verdict given from the keyboard shows at once in the card of the
// rendering it was given on, though the focus has moved on to the next.
func TestVerdictKeyShowsInItsCard(t *testing.T) {
	u, cv, _ := openSampleGroup(t, 4)
	m := cv.selected.members[cv.focus]
	test.TypeOnCanvas(u.win.Canvas(), "2")
	if cv.selected.members[cv.focus] == m {
		t.Fatal("the focus did not move on after the verdict")
	}
	want := statusOption(1, DefaultScale[1])
	for _, ed := range cv.editors {
		if ed.target == m.key {
			if ed.status.Selected != want {
				t.Errorf("the card of %s shows the verdict %q, want %q", m.report.Meta.Outlet, ed.status.Selected, want)
			}
			if !strings.Contains(ed.history.Text, DefaultScale[1]) {
				t.Errorf("the card of %s has the history %q, want it to list %q", m.report.Meta.Outlet, ed.history.Text, DefaultScale[1])
			}
			return
		}
	}
	t.Errorf("no card shows the verdict on %s", m.report.Meta.Outlet)
}

// The main window keeps its size on a screen with room for it and shrinks
// to a smaller screen's usable area, leaving room for its frame.
func TestFitScreen(t *testing.T) {
	tests := []struct {
		name string
		area fyne.Size
		want fyne.Size
	}{
		{"large screen", fyne.NewSize(1920, 1040), windowSize},
		{"laptop with a task bar", fyne.NewSize(1366, 728), fyne.NewSize(1280, 680)},
		{"small screen", fyne.NewSize(1024, 700), fyne.NewSize(1008, 652)},
		{"no area known", fyne.NewSize(0, 0), windowSize},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := newTestUI(t, NewMemoryStore())
			u.Start(false, nil)
			u.FitScreen(tt.area)
			if got := u.win.Canvas().Size(); got != tt.want {
				t.Errorf("on a screen of %v the window is %v, want %v", tt.area, got, tt.want)
			}
		})
	}
}

// The matrix's quiet words, "absent" and "ref", stay readable in both
// themes, on the selected row too: 4.5:1 against their background, the
// contrast WCAG asks of text.
func TestQuietCellsReadable(t *testing.T) {
	for _, variant := range []string{ThemeLight, ThemeDark} {
		t.Run(variant, func(t *testing.T) {
			_, u, cv := openResult(t, reviewResult())
			u.setTheme(variant)
			cells := matrixCells(cv)()
			s := fyne.CurrentApp().Settings()
			window := s.Theme().Color(theme.ColorNameBackground, s.ThemeVariant())
			checked := map[bool]int{}
			for id, c := range cells {
				if c.text || (c.word.Text != "ref" && c.word.Text != "absent") {
					continue
				}
				selected := cv.shown[id.Row] == cv.selected
				checked[selected]++
				// The cell's background (the selection's on the selected
				// row) over the window's.
				bg := over(c.bg.FillColor, window)
				if r := contrast(c.word.Color, bg); r < 4.5 {
					t.Errorf("%q in row %d (selected: %v) has a contrast of %.2f:1 with its background, want 4.5:1 at least", c.word.Text, id.Row, selected, r)
				}
			}
			if checked[true] == 0 || checked[false] == 0 {
				t.Errorf("checked %d quiet cells in the selected row and %d in others, want some of each", checked[true], checked[false])
			}
		})
	}
}

// over is the opaque colour that top, which may be translucent, makes
// over bottom.
func over(top, bottom color.Color) color.Color {
	tr, tg, tb, ta := top.RGBA()
	br, bg, bb, _ := bottom.RGBA()
	mix := func(t, b uint32) uint8 { return uint8((t + b*(0xffff-ta)/0xffff) >> 8) }
	return color.NRGBA{mix(tr, br), mix(tg, bg), mix(tb, bb), 0xff}
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	lum := func(c color.Color) float64 {
		r, g, b, _ := c.RGBA()
		lin := func(v uint32) float64 {
			x := float64(v) / 0xffff
			if x <= 0.03928 {
				return x / 12.92
			}
			return math.Pow((x+0.055)/1.055, 2.4)
		}
		return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// A rendering's card lists its flags the most significant first, so that
// a changed number shows before a trimmed end.
func TestFlagsMostSignificantFirst(t *testing.T) {
	res := goldenResult()
	g := &res.Groups[0]
	g.Flags = append([]compare.Flag{{Member: "q2", Kind: compare.FlagTrimmed, Detail: "drops 2 words at the end"}}, g.Flags...)
	_, _, cv := openResult(t, res)
	cv.selectRow(0)
	want := []string{"⚑ negation: “not” dropped", "⚑ number: 4% vs 5%", "⚑ trimmed: drops 2 words at the end"}
	if got := detailFlags(cv); !slices.Equal(got, want) {
		t.Errorf("the card lists the flags %q, want %q", got, want)
	}
}

// The filter of kinds shows the option it starts on in full.
func TestKindFilterReadsInFull(t *testing.T) {
	_, _, cv := openGolden(t)
	var shown []string
	for _, o := range test.LaidOutObjects(cv.kindSel) {
		if txt, ok := o.(*canvas.Text); ok && txt.Text != "" {
			shown = append(shown, txt.Text)
		}
	}
	if want := "Quotes and claims"; !slices.Equal(shown, []string{want}) {
		t.Errorf("the filter of kinds reads %q, want %q", shown, want)
	}
}

// detailFlags returns the flags the detail lists, in its order.
func detailFlags(cv *caseView) []string {
	var flags []string
	for _, o := range test.LaidOutObjects(cv.detailBox) {
		if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, "⚑") {
			flags = append(flags, l.Text)
		}
	}
	return flags
}

// The detail shows the reference rendering first, then the others in
// report order, whichever report the reference is.
func TestReferenceCardFirst(t *testing.T) {
	res := goldenResult()
	res.Groups[0].Reference = "q2" // the Daily, the second report
	_, _, cv := openResult(t, res)
	cv.selectRow(0)
	var heads []string
	for _, o := range test.LaidOutObjects(cv.detailBox) {
		if l, ok := o.(*widget.Label); ok && l.TextStyle.Bold && strings.Contains(l.Text, " · 2026-") {
			heads = append(heads, l.Text)
		}
	}
	want := []string{"★ The Daily · 2026-03-02 (reference)", "Council transcript · 2026-03-02"}
	if !slices.Equal(heads, want) {
		t.Errorf("the detail's cards are headed %q, want %q", heads, want)
	}
}

// Selecting a group scrolls its detail to the rendering in focus, its
// first that differs, however far down; the next group's detail starts
// from its top again.
func TestSelectScrollsToFocus(t *testing.T) {
	const n = 8
	res := quoteGroupResult(append(slices.Repeat([]string{"We will build it by 2030,"}, n-1), "We will build it by 2031,")...)
	last := fmt.Sprintf("q%d", n)
	res.Groups[0].Flags = []compare.Flag{{Member: last, Kind: compare.FlagNumber, Detail: "2030 vs 2031"}}
	res.Quotes = append(res.Quotes,
		compare.Quote{ID: "a1", Report: "r1", Text: "It is a fair plan.", Speaker: "Aide"},
		compare.Quote{ID: "a2", Report: "r2", Text: "It is a fair plan.", Speaker: "Aide"})
	res.Groups = append(res.Groups, compare.Group{ID: "g2", Kind: compare.KindQuote, Reference: "a1", Members: []string{"a1", "a2"}})
	_, _, cv := openResult(t, res)

	cv.selectRow(0)
	if m := cv.selected.members[cv.focus]; m.key != last {
		t.Fatalf("the focus is on %s, want %s, the rendering that differs", m.key, last)
	}
	card := cv.detail.Objects[4+2*cv.focus]
	top, bottom := card.Position().Y, card.Position().Y+card.Size().Height
	view := cv.detailBox.Offset.Y
	if top < view || bottom > view+cv.detailBox.Size().Height {
		t.Errorf("the card in focus spans y=%v to %v, the detail shows %v to %v", top, bottom, view, view+cv.detailBox.Size().Height)
	}

	cv.selectRow(1)
	if y := cv.detailBox.Offset.Y; y != 0 {
		t.Errorf("the next group's detail is scrolled to y=%v, want its top", y)
	}
}

// The matrix's first column follows the matrix's width both ways: in a
// window made narrower the matrix narrows too, and keeps its share of it.
func TestMatrixNarrowsWithTheWindow(t *testing.T) {
	tests := []struct {
		name string
		res  *compare.Result
	}{
		{"no reports", &compare.Result{}},
		{"three reports", goldenResult()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, u, cv := openResult(t, tt.res)
			wide := cv.matrix.Size().Width
			u.win.Resize(fyne.NewSize(1000, 800))
			if narrow := cv.matrix.Size().Width; narrow >= wide {
				t.Errorf("the matrix is %v wide in a window of 1000, %v in one of 1280: it did not narrow", narrow, wide)
			}
		})
	}
}

// When the matrix shows no row it says why, in its own place: a case
// without reports, or filters that keep nothing.
func TestEmptyMatrixSaysWhy(t *testing.T) {
	tests := []struct {
		name   string
		res    *compare.Result
		search string
		want   string
	}{
		{"no reports", &compare.Result{}, "", "This case has no reports yet."},
		{"filtered out", goldenResult(), "deficit", "No quote or claim matches the filters."},
		{"rows shown", goldenResult(), "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, u, cv := openResult(t, tt.res)
			if tt.search != "" {
				test.Type(cv.search, tt.search)
			}
			// What the matrix's place shows, beside the table itself.
			var shown []string
			for _, o := range test.LaidOutObjects(u.win.Content()) {
				if l, ok := o.(*widget.Label); ok && l == cv.emptyMatrix && l.Visible() && l.Size().Width > 0 {
					shown = append(shown, l.Text)
				}
			}
			switch {
			case tt.want == "" && len(shown) > 0:
				t.Errorf("the matrix shows rows and the message %q", shown)
			case tt.want != "" && (len(shown) != 1 || !strings.HasPrefix(shown[0], tt.want)):
				t.Errorf("the empty matrix says %q, want %q", shown, tt.want)
			}
		})
	}
}

// A rendering with a verdict shows a check in the matrix, in its mark's
// colour, in place of the mark.
func TestMatrixChecksJudgedRenderings(t *testing.T) {
	_, u, cv := openGolden(t)
	cells := matrixCells(cv)
	checked := func() (cols []int) {
		for col, c := range rowCells(cells(), 0) {
			if col > 0 && c.check.Visible() && !c.mark.Visible() {
				cols = append(cols, col)
			}
		}
		return cols
	}
	if got := checked(); len(got) != 0 {
		t.Fatalf("before any verdict the columns %v show a check", got)
	}
	test.TypeOnCanvas(u.win.Canvas(), "1") // the Daily's rendering, the one in focus
	if got := checked(); !slices.Equal(got, []int{2}) {
		t.Errorf("after a verdict on the Daily's rendering the columns %v show a check, want [2]", got)
	}
	if c := rowCells(cells(), 0)[2]; c.check.Color != c.mark.StrokeColor {
		t.Errorf("the check is %v, want the mark's colour %v", c.check.Color, c.mark.StrokeColor)
	}
}

// A claim's rendering whose facts agree with the reference's reads as its
// own text; one with a flag shows its diff.
func TestAgreeingClaimReadsPlain(t *testing.T) {
	res := goldenResult()
	res.Reports = append(res.Reports, &compare.Report{ID: "r4", File: "wire.txt", Meta: compare.Meta{Outlet: "Wire", Date: "2026-03-03"}})
	res.Claims = []compare.Claim{
		{ID: "c1", Report: "r1", Text: "Spending grows 4% this year."},
		{ID: "c2", Report: "r2", Text: "This year spending will grow by 4%."},
		{ID: "c3", Report: "r4", Text: "This year spending will grow by 5%."},
	}
	edits := func(last string) []compare.Edit {
		return []compare.Edit{
			{Op: compare.OpDelete, Text: "Spending grows 4% this year."},
			{Op: compare.OpInsert, Text: "This year spending will grow by " + last},
		}
	}
	res.Groups = []compare.Group{{
		ID: "g2", Kind: compare.KindClaim, Reference: "c1", Members: []string{"c1", "c2", "c3"},
		Flags: []compare.Flag{{Member: "c3", Kind: compare.FlagNumber, Detail: "4% vs 5%"}},
		Diffs: []compare.Diff{{Member: "c2", Edits: edits("4%.")}, {Member: "c3", Edits: edits("5%.")}},
	}}
	_, _, cv := openResult(t, res)
	cv.selectRow(0)
	var diffs int
	plain := map[string]bool{}
	for _, o := range test.LaidOutObjects(cv.detailBox) {
		switch o := o.(type) {
		case *DiffText:
			diffs++
		case *widget.Label:
			plain[o.Text] = true
		}
	}
	if !plain["This year spending will grow by 4%."] {
		t.Error("the Daily's claim, which agrees, does not read as its own text")
	}
	if diffs != 1 {
		t.Errorf("the detail shows %d diffs, want 1, for the Wire's claim, whose number differs", diffs)
	}
}

// The matrix outlines the cell of the rendering in focus, and the outline
// follows the focus from one rendering to the next.
func TestMatrixOutlinesFocus(t *testing.T) {
	u, cv, i := openSampleGroup(t, 3)
	cells := matrixCells(cv)
	outlined := func() (cols []int) {
		for col, c := range rowCells(cells(), i) {
			if c.bg.StrokeWidth > 0 {
				cols = append(cols, col)
			}
		}
		return cols
	}
	column := func() int {
		id := cv.selected.members[cv.focus].report.ID
		return 1 + slices.IndexFunc(cv.reports, func(r *compare.Report) bool { return r.ID == id })
	}
	if got, want := outlined(), column(); !slices.Equal(got, []int{want}) {
		t.Errorf("the matrix outlines the columns %v, want [%d], the rendering in focus", got, want)
	}
	test.TypeOnCanvas(u.win.Canvas(), "l")
	if got, want := outlined(), column(); !slices.Equal(got, []int{want}) {
		t.Errorf("after l the matrix outlines the columns %v, want [%d]", got, want)
	}
}

// Back on a group, the focus is on the first rendering that differs and
// has no verdict yet, not on one already judged.
func TestFocusSkipsJudgedRenderings(t *testing.T) {
	u := newTestUI(t, NewMemoryStore())
	cv := openSample(t, u)
	flagged := func(r *row) (n int) {
		for _, m := range r.members {
			if m != r.ref && len(m.flags) > 0 {
				n++
			}
		}
		return n
	}
	i := slices.IndexFunc(cv.shown, func(r *row) bool { return flagged(r) >= 2 })
	if i < 0 || i+1 >= len(cv.shown) {
		t.Fatal("the sample has no group with two renderings that differ, followed by another")
	}
	cv.selectRow(i)
	first := cv.selected.members[cv.focus]
	if len(first.flags) == 0 {
		t.Fatalf("the focus opens on %s, which does not differ", first.report.Meta.Outlet)
	}
	if !cv.record(first.key, DefaultScale[0], "", "") {
		t.Fatal("recording a verdict failed")
	}
	cv.selectRow(i + 1)
	cv.selectRow(i)
	m := cv.selected.members[cv.focus]
	if m == first || len(m.flags) == 0 {
		t.Errorf("back on the group the focus is on %s, want the next one that differs, not %s, which has a verdict", m.report.Meta.Outlet, first.report.Meta.Outlet)
	}
}

// openSampleGroup opens the sample case and selects its first group that
// n reports or more carry; it returns the group's row.
func openSampleGroup(t *testing.T, n int) (*UI, *caseView, int) {
	t.Helper()
	u := newTestUI(t, NewMemoryStore())
	cv := openSample(t, u)
	i := slices.IndexFunc(cv.shown, func(r *row) bool { return len(r.byReport) >= n })
	if i < 0 {
		t.Fatalf("the sample has no group in %d reports", n)
	}
	cv.selectRow(i)
	return u, cv, i
}

// matrixCells has the matrix record the cells it fills; the function it
// returns refreshes the matrix and gives the cells it filled then.
func matrixCells(cv *caseView) func() map[widget.TableCellID]*matrixCell {
	cells := map[widget.TableCellID]*matrixCell{}
	update := cv.matrix.UpdateCell
	cv.matrix.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		cells[id] = o.(*matrixCell)
		update(id, o)
	}
	return func() map[widget.TableCellID]*matrixCell {
		clear(cells)
		cv.matrix.Refresh()
		return cells
	}
}

// rowCells are the cells of one row of cells, by column.
func rowCells(cells map[widget.TableCellID]*matrixCell, row int) map[int]*matrixCell {
	out := map[int]*matrixCell{}
	for id, c := range cells {
		if id.Row == row {
			out[id.Col] = c
		}
	}
	return out
}
