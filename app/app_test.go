package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parallax-review/parallax/assets"
	"github.com/parallax-review/parallax/compare"
)

func TestWelcomeThenSample(t *testing.T) {
	u := newTestUI(t, NewMemoryStore())
	u.Start(false, nil)
	if u.cv != nil {
		t.Fatal("a case is open on a fresh start; want the welcome view")
	}
	sample := findButton(u.win.Content(), "Open sample case")
	if sample == nil {
		t.Fatal("the welcome view has no Open sample case button")
	}
	test.Tap(sample)
	cv := waitAnalysis(t, u)
	if cv.info.Title != assets.SampleTitle {
		t.Errorf("open case %q, want %q", cv.info.Title, assets.SampleTitle)
	}
	refs := 0
	for _, r := range cv.reports {
		if r.Reference {
			refs++
			if r.File != assets.SampleReference {
				t.Errorf("reference is %s, want %s", r.File, assets.SampleReference)
			}
		}
	}
	if refs != 1 {
		t.Errorf("%d references, want 1", refs)
	}
	if len(cv.rows) == 0 {
		t.Error("the matrix is empty")
	}
	// A second start opens the last case again instead of the welcome view.
	u2 := New(u.app, u.store)
	u2.Start(false, nil)
	if u2.cv == nil || u2.cv.info.ID != cv.info.ID {
		t.Error("a second start does not open the last case")
	}
	waitAnalysis(t, u2)
}

func TestAddReportsFillsMatrix(t *testing.T) {
	reports, err := assets.SampleReports()
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, r := range reports {
		files[r.File] = "Title: " + r.Meta.Title + "\nOutlet: " + r.Meta.Outlet + "\nDate: " + r.Meta.Date + "\n\n" + r.Body
	}
	paths := writeReports(t, files)
	slices.Sort(paths)

	u := newTestUI(t, NewMemoryStore())
	u.Start(false, nil)
	c, err := u.store.NewCase("Flood barrier")
	if err != nil {
		t.Fatal(err)
	}
	u.openCase(c)
	cv := waitAnalysis(t, u)
	if got := cv.status.Text; !strings.Contains(got, "No reports yet") {
		t.Errorf("status of an empty case = %q, want it to say how to add reports", got)
	}

	cv.addFiles(paths)
	waitAnalysis(t, u)
	if len(cv.reports) != len(paths) {
		t.Fatalf("%d reports in the case, want %d", len(cv.reports), len(paths))
	}
	if !cv.reports[0].Reference {
		t.Errorf("the transcript %s was not made the reference", cv.reports[0].File)
	}
	rows, cols := cv.matrix.Length()
	if rows == 0 || cols != len(paths)+1 {
		t.Fatalf("matrix is %d×%d, want groups × %d", rows, cols, len(paths)+1)
	}
	// Every row has the reference's cell or an absent one, and at least one
	// row shows a difference.
	differs := false
	for _, r := range cv.shown {
		for _, rep := range cv.reports {
			if m := r.byReport[rep.ID]; m != nil && len(m.flags) > 0 {
				differs = true
			}
		}
	}
	if !differs {
		t.Error("no cell of the sample case shows a difference")
	}
	if !strings.Contains(cv.status.Text, "5 reports") {
		t.Errorf("status = %q, want the report count", cv.status.Text)
	}
	// A cell names what it shows: a claim without flags agrees, a quote
	// without flags is the same.
	words := map[compare.Kind]map[string]bool{compare.KindQuote: {}, compare.KindClaim: {}}
	for row, r := range cv.shown {
		for col, rep := range cv.reports {
			if m := r.byReport[rep.ID]; m != nil && m != r.ref && len(m.flags) == 0 {
				cell := newMatrixCell()
				cv.updateCell(widget.TableCellID{Row: row, Col: col + 1}, cell)
				words[r.kind][cell.word.Text] = true
			}
		}
	}
	if !words[compare.KindQuote]["same"] || words[compare.KindQuote]["agrees"] ||
		!words[compare.KindClaim]["agrees"] || words[compare.KindClaim]["same"] {
		t.Errorf("words of unflagged cells: %v, want quotes \"same\" and claims \"agrees\"", words)
	}
}

func TestAddFilesReportsErrors(t *testing.T) {
	paths := writeReports(t, map[string]string{"empty.txt": "  \n", "good.txt": "Outlet: Good\n\nShe said \"yes\"."})
	slices.Sort(paths)
	for _, tc := range []struct {
		name  string
		paths []string
		added int
		want  []string
	}{
		{"two of three fail", append(paths, "/nonexistent/missing.txt"), 1, []string{"empty.txt", "empty", "missing.txt", "2 of 3"}},
		{"the only file fails", []string{"/nonexistent/missing.txt"}, 0, []string{"missing.txt", "1 of 1 file could not be added"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := newTestUI(t, NewMemoryStore())
			c, _ := u.store.NewCase("Errors")
			u.openCase(c)
			waitAnalysis(t, u)
			u.cv.addFiles(tc.paths)
			waitAnalysis(t, u)
			if len(u.cv.reports) != tc.added {
				t.Errorf("%d reports added, want the %d readable", len(u.cv.reports), tc.added)
			}
			msg := overlayText(t, u.win)
			for _, want := range tc.want {
				if !strings.Contains(msg, want) {
					t.Errorf("error dialog %q does not mention %q", msg, want)
				}
			}
		})
	}
}

// openGolden opens the case of goldenResult with its group selected.
func openGolden(t *testing.T) (*fixedStore, *UI, *caseView) {
	t.Helper()
	store, u, cv := openResult(t, goldenResult())
	cv.selectRow(0)
	return store, u, cv
}

func TestSelectGroupShowsDiff(t *testing.T) {
	_, _, cv := openGolden(t)
	var diff *DiffText
	var flags []string
	for _, o := range test.LaidOutObjects(cv.detailBox) {
		switch o := o.(type) {
		case *DiffText:
			diff = o
		case *widget.Label:
			if strings.HasPrefix(o.Text, "⚑") {
				flags = append(flags, o.Text)
			}
		}
	}
	if diff == nil {
		t.Fatal("the detail shows no diff")
	}
	var deleted, inserted []string
	for _, e := range diff.edits {
		switch e.Op {
		case compare.OpDelete:
			deleted = append(deleted, strings.TrimSpace(e.Text))
		case compare.OpInsert:
			inserted = append(inserted, strings.TrimSpace(e.Text))
		}
	}
	if !slices.Equal(deleted, []string{"not", "4%"}) || !slices.Equal(inserted, []string{"5%"}) {
		t.Errorf("diff deletes %q and inserts %q, want [not 4%%] and [5%%]", deleted, inserted)
	}
	want := []string{"⚑ negation: “not” dropped", "⚑ number: 4% vs 5%"}
	if !slices.Equal(flags, want) {
		t.Errorf("flags %q, want %q", flags, want)
	}
}

func TestDetailMarkup(t *testing.T) {
	_, _, cv := openGolden(t)
	w := test.NewTempWindow(t, cv.detailBox)
	w.Resize(fyne.NewSize(420, 640))
	assertMarkup(t, "detail.xml", w.Canvas())

	if !cv.record("q2", "altered", "number and negation changed", "https://example.org/tape") {
		t.Fatal("recording a verdict failed")
	}
	cv.showDetail()
	assertMarkup(t, "detail_verdict.xml", w.Canvas())
}

func TestDiffTextMarkup(t *testing.T) {
	test.NewTempApp(t)
	for _, th := range []struct {
		name    string
		variant string
	}{{"light", ThemeLight}, {"dark", ThemeDark}} {
		t.Run(th.name, func(t *testing.T) {
			fyne.CurrentApp().Settings().SetTheme(newTheme(th.variant))
			d := NewDiffText(goldenResult().Groups[0].Diffs[0].Edits)
			w := test.NewTempWindow(t, d)
			w.Resize(fyne.NewSize(240, 120))
			assertMarkup(t, "difftext_"+th.name+".xml", w.Canvas())
		})
	}
}

func TestRecordVerdict(t *testing.T) {
	store, u, cv := openGolden(t)
	c := cv.info
	u.app.Preferences().SetString(prefReviewer, "Ana")

	// The status list of the rendering in focus records at once.
	var eds []*verdictEditor
	for _, ed := range cv.editors {
		if ed.target == "q2" {
			eds = append(eds, ed)
		}
	}
	if len(eds) != 1 {
		t.Fatalf("%d verdict editors for q2, want 1", len(eds))
	}
	eds[0].note.SetText("checked against the tape")
	eds[0].status.SetSelectedIndex(2)
	got, err := store.History(c.ID, "q2")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Status != "altered" || got[0].Note != "checked against the tape" || got[0].Reviewer != "Ana" {
		t.Fatalf("history of q2 = %+v, want one altered verdict with the note by Ana", got)
	}

	// A note typed and left is saved without a click.
	cv.showDetail()
	ed := cv.editors[len(cv.editors)-1]
	ed.note.SetText("")
	test.Type(ed.note, "see the tape at 12:04")
	ed.note.FocusLost()
	got, _ = store.History(c.ID, "q2")
	if len(got) != 2 || got[1].Note != "see the tape at 12:04" || got[1].Status != "altered" {
		t.Errorf("after editing the note, history = %+v", got)
	}

	// Text typed and never saved (the app crashed, say) comes back.
	cv.showDetail()
	ed = cv.editors[len(cv.editors)-1]
	test.Type(ed.evidence, "https://example.org/draft")
	u3 := New(u.app, store)
	u3.openCase(c)
	cv3 := waitAnalysis(t, u3)
	cv3.selectRow(0)
	if got := cv3.editors[len(cv3.editors)-1].evidence.Text; got != "https://example.org/draft" {
		t.Errorf("after a restart the unsaved evidence reads %q", got)
	}
	ed.evidence.FocusLost()
	if d := u.app.Preferences().String(ed.draftKey("evidence")); d != "" {
		t.Errorf("the draft %q is kept after saving", d)
	}

	// A fresh view of the same store shows the verdict and its history.
	u2 := newTestUI(t, store)
	u2.openCase(c)
	cv2 := waitAnalysis(t, u2)
	cv2.selectRow(0)
	if v := cv2.verdicts["q2"]; v.Status != "altered" {
		t.Errorf("fresh view: verdict on q2 = %+v", v)
	}
	if !strings.Contains(cv2.status.Text, "1 reviewed") {
		t.Errorf("status = %q, want 1 reviewed", cv2.status.Text)
	}
}

func TestKeyboard(t *testing.T) {
	u := newTestUI(t, NewMemoryStore())
	cv := openSample(t, u)
	c := u.win.Canvas()
	if cv.selectedIndex() != 0 {
		t.Fatalf("selected row %d after opening, want 0", cv.selectedIndex())
	}

	test.TypeOnCanvas(c, "jj")
	if got := cv.selectedIndex(); got != 2 {
		t.Errorf("after jj the selected row is %d, want 2", got)
	}
	test.TypeOnCanvas(c, "k")
	if got := cv.selectedIndex(); got != 1 {
		t.Errorf("after k the selected row is %d, want 1", got)
	}
	c.(test.WindowlessCanvas).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyDown})
	if got := cv.selectedIndex(); got != 2 {
		t.Errorf("after ↓ the selected row is %d, want 2", got)
	}

	// n moves to the next group with a difference.
	test.TypeOnCanvas(c, "n")
	i := cv.selectedIndex()
	if i <= 2 || cv.shown[i].severity == 0 {
		t.Errorf("after n the selected row is %d, want a later one with a difference", i)
	}
	for j := 3; j < i; j++ {
		if cv.shown[j].severity > 0 {
			t.Errorf("n skipped row %d, which has a difference", j)
		}
	}

	// A verdict key records on the rendering in focus and moves on.
	r := cv.selected
	focused := r.members[cv.focus]
	test.TypeOnCanvas(c, "3")
	if v := cv.verdicts[focused.key]; v.Status != DefaultScale[2] {
		t.Errorf("after 3 the verdict on %s is %+v, want %q", focused.key, v, DefaultScale[2])
	}
	if cv.selected == r && r.members[cv.focus] == focused {
		t.Error("the focus did not move on after a verdict")
	}

	// e puts the focus in the note of the rendering in focus.
	test.TypeOnCanvas(c, "e")
	if ed, ok := c.Focused().(*fieldEntry); !ok || ed.PlaceHolder != "Note" {
		t.Errorf("after e the focus is on %T, want a note", c.Focused())
	}
	c.Unfocus()

	// Ctrl+1, 2 and 3 switch between the panes.
	ctrl := func(k fyne.KeyName) {
		c.(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault})
	}
	ctrl(fyne.Key1)
	if c.Focused() != cv.reportList {
		t.Errorf("after Ctrl+1 the focus is on %T, want the reports list", c.Focused())
	}
	ctrl(fyne.Key3)
	if ed, ok := c.Focused().(*fieldEntry); !ok || ed.PlaceHolder != "Note" {
		t.Errorf("after Ctrl+3 the focus is on %T, want a note", c.Focused())
	}
	ctrl(fyne.Key2)
	if c.Focused() != nil {
		t.Errorf("after Ctrl+2 the focus is on %T, want none (the review keys)", c.Focused())
	}

	// Ctrl+F puts the focus in the search field; typing there filters.
	c.(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
	if c.Focused() != cv.search {
		t.Fatalf("after Ctrl+F the focus is on %T, want the search field", c.Focused())
	}
	test.Type(cv.search, "flood")
	if len(cv.shown) == 0 || len(cv.shown) == len(cv.rows) {
		t.Errorf("searching %q shows %d of %d groups", "flood", len(cv.shown), len(cv.rows))
	}
}

func TestThemeChoice(t *testing.T) {
	u := newTestUI(t, NewMemoryStore())
	openSample(t, u)
	for _, tt := range []struct {
		variant string
		want    fyne.ThemeVariant
	}{{ThemeDark, theme.VariantDark}, {ThemeLight, theme.VariantLight}} {
		u.setTheme(tt.variant)
		if got := u.app.Preferences().String(prefTheme); got != tt.variant {
			t.Errorf("theme preference %q, want %q", got, tt.variant)
		}
		// Whatever variant the system asks for, the chosen one is drawn.
		th := u.app.Settings().Theme()
		for _, asked := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
			if got, want := th.Color(ColorNameDeleted, asked), th.Color(ColorNameDeleted, tt.want); got != want {
				t.Errorf("%s theme: deleted colour for variant %d is %v, want %v", tt.variant, asked, got, want)
			}
		}
	}
	if light, dark := colors[ColorNameDeleted].light, colors[ColorNameDeleted].dark; light == dark {
		t.Error("the deleted colour is the same in light and dark")
	}
}

func TestMenu(t *testing.T) {
	u := newTestUI(t, NewMemoryStore())
	u.Start(false, nil)
	menus := map[string][]*fyne.MenuItem{}
	for _, m := range u.menu().Items {
		menus[m.Label] = m.Items
	}
	find := func(menu, label string) *fyne.MenuItem {
		t.Helper()
		for _, it := range menus[menu] {
			if it.Label == label {
				return it
			}
		}
		t.Fatalf("menu %s has no %q", menu, label)
		return nil
	}
	for _, label := range []string{"New case…", "Open case…", "Open sample case", "Add report file…", "Paste report…", "Export", "Export bundle…", "Import bundle…", "Preferences…"} {
		find("File", label)
	}
	if q := find("File", "Quit"); !q.IsQuit || q.Action == nil {
		t.Error("File › Quit is not the app's own quit")
	}
	if n := len(find("File", "Export").ChildMenu.Items); n != len(exportFormats) {
		t.Errorf("File › Export offers %d formats, want %d", n, len(exportFormats))
	}
	find("View", "Dark theme").Action()
	if u.app.Preferences().String(prefTheme) != ThemeDark {
		t.Error("View › Dark theme did not choose the dark theme")
	}
	find("Help", "Keyboard shortcuts").Action()
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("Help › Keyboard shortcuts shows nothing")
	}
	// Adding reports without a case says what to do first.
	u.win.Canvas().Overlays().Top().Hide()
	find("File", "Paste report…").Action()
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("File › Paste report without a case says nothing")
	}
	find("File", "Open sample case").Action()
	waitAnalysis(t, u)
	if u.cv == nil {
		t.Error("File › Open sample case opened nothing")
	}
}

// TestShowMoreRenderings checks that the detail of a group carried by more
// reports than it opens with offers the rest, counting one as one.
func TestShowMoreRenderings(t *testing.T) {
	n := detailPage + 1 // the detail opens with all but one
	_, _, cv := openResult(t, quoteGroupResult(slices.Repeat([]string{"We will build it,"}, n)...))
	cv.selectRow(0)
	var buttons []string
	for _, o := range test.LaidOutObjects(cv.detailBox) {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, "Show ") {
			buttons = append(buttons, b.Text)
		}
	}
	if !slices.Equal(buttons, []string{"Show 1 more rendering"}) {
		t.Errorf("buttons %q, want [Show 1 more rendering]", buttons)
	}
}
