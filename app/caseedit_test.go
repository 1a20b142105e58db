package app

import (
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parallax-review/parallax/compare"
)

// eachStore runs check on a MemoryStore and on the store of a new database.
func eachStore(t *testing.T, check func(t *testing.T, store Store)) {
	t.Helper()
	db, _ := openDB(t, filepath.Join(t.TempDir(), "parallax.db"))
	for name, store := range map[string]Store{"memory": NewMemoryStore(), "database": db} {
		t.Run(name, func(t *testing.T) { check(t, store) })
	}
}

func TestStoresRenameAndDeleteCases(t *testing.T) {
	eachStore(t, func(t *testing.T, store Store) {
		c, err := store.NewCase("Flood")
		if err != nil {
			t.Fatal(err)
		}
		other, err := store.NewCase("Other")
		if err != nil {
			t.Fatal(err)
		}
		if err := store.AddReport(c.ID, &compare.Report{File: "a.txt", Body: `She said: "The barrier is late."`}); err != nil {
			t.Fatal(err)
		}

		renamed, err := store.UpdateCase(c.ID, "  Flood vote \n", " The council's vote ")
		if err != nil {
			t.Fatal(err)
		}
		if renamed.ID != c.ID || renamed.Title != "Flood vote" || renamed.Description != "The council's vote" {
			t.Errorf("UpdateCase = %+v, want the title and description trimmed", renamed)
		}
		if got, err := store.Case(c.ID); err != nil || got != renamed {
			t.Errorf("Case after the rename = %+v, %v; want %+v", got, err, renamed)
		}
		if cases, _ := store.Cases(); len(cases) != 2 || cases[0].ID != c.ID {
			t.Errorf("Cases() = %+v, want the renamed case first", cases)
		}
		if _, err := store.UpdateCase(c.ID, " ", "x"); err == nil || !strings.Contains(err.Error(), "the title is empty") {
			t.Errorf("renaming to an empty title: %v, want it refused", err)
		}
		if got, _ := store.Case(c.ID); got != renamed {
			t.Errorf("a refused rename changed the case to %+v", got)
		}
		if _, err := store.UpdateCase(999, "Anything", ""); err == nil || !strings.Contains(err.Error(), "999") {
			t.Errorf("renaming a missing case: %v", err)
		}

		if err := store.DeleteCase(c.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := store.Case(c.ID); err == nil {
			t.Error("the deleted case is still there")
		}
		if rs, err := store.Reports(c.ID); err == nil && len(rs) > 0 {
			t.Errorf("the deleted case's %d reports are still there", len(rs))
		}
		if cases, _ := store.Cases(); len(cases) != 1 || cases[0].ID != other.ID {
			t.Errorf("Cases() after the delete = %+v, want only %+v", cases, other)
		}
		if err := store.DeleteCase(c.ID); err == nil {
			t.Error("deleting the case twice succeeded")
		}
	})
}

func TestStoresStoredAnalysis(t *testing.T) {
	eachStore(t, func(t *testing.T, store Store) {
		c, err := store.NewCase("Flood")
		if err != nil {
			t.Fatal(err)
		}
		if res, err := store.StoredAnalysis(c.ID); res != nil || err != nil {
			t.Errorf("StoredAnalysis of a case never analysed = %v, %v; want nil, nil", res, err)
		}
		if err := store.AddReport(c.ID, &compare.Report{File: "a.txt", Body: `She said: "The barrier is late."`}); err != nil {
			t.Fatal(err)
		}
		if _, err := store.Analysis(c.ID); err != nil {
			t.Fatal(err)
		}
		if err := store.AddReport(c.ID, &compare.Report{File: "b.txt", Body: `"The barrier is late," she said.`}); err != nil {
			t.Fatal(err)
		}
		if res, err := store.StoredAnalysis(c.ID); err != nil || res == nil || len(res.Reports) != 1 {
			t.Errorf("StoredAnalysis after a report was added = %v, %v; want the stale analysis of 1 report", res, err)
		}
		if _, err := store.StoredAnalysis(999); err == nil {
			t.Error("StoredAnalysis of a missing case gave no error")
		}
	})
}

// TestStoresTellGroupsOfOneReference checks that verdicts on two groups
// with the same reference rendering (a long quote that two reports each
// give a part of) stay apart, also in the next analysis.
func TestStoresTellGroupsOfOneReference(t *testing.T) {
	eachStore(t, func(t *testing.T, store Store) {
		c, err := store.NewCase("Barrier")
		if err != nil {
			t.Fatal(err)
		}
		add := func(name, body string) string {
			t.Helper()
			r := &compare.Report{File: name, Body: body}
			if err := store.AddReport(c.ID, r); err != nil {
				t.Fatal(err)
			}
			return r.ID
		}
		add("a.txt", "The mayor spoke on Monday.\n\nMarsh said: \"The barrier will cost the city forty-eight million dollars over five years, and the construction work on the eastern bank starts in May with two hundred workers.\"\n")
		// The report whose part of the quote a group holds, and the
		// verdict on that group.
		parts := map[string]string{
			add("b.txt", "The mayor spoke.\n\n\"The barrier will cost the city forty-eight million dollars over five years,\" Marsh said.\n"): DefaultScale[0],
			add("c.txt", "Work soon.\n\n\"The construction work on the eastern bank starts in May with two hundred workers,\" Marsh said.\n"): DefaultScale[1],
		}
		// groups maps the reports of parts to the group holding their
		// quote, and checks that the groups share their reference.
		groups := func() map[string]string {
			t.Helper()
			res, err := store.Analysis(c.ID)
			if err != nil {
				t.Fatal(err)
			}
			reportOf := map[string]string{}
			for _, q := range res.Quotes {
				reportOf[q.ID] = q.Report
			}
			out := map[string]string{}
			refs := map[string]bool{}
			for _, g := range res.Groups {
				for _, id := range g.Members {
					if _, ok := parts[reportOf[id]]; ok {
						out[reportOf[id]] = g.ID
						refs[g.Reference] = true
					}
				}
			}
			if len(out) != len(parts) || len(refs) != 1 {
				t.Fatalf("groups %+v: want one group for each part of the quote, with one reference", res.Groups)
			}
			return out
		}
		for report, g := range groups() {
			if err := store.RecordVerdict(c.ID, g, Verdict{Status: parts[report], Time: testTime}); err != nil {
				t.Fatal(err)
			}
		}
		check := func(when string) {
			t.Helper()
			byReport := groups()
			current, orphans, err := store.Verdicts(c.ID)
			if err != nil {
				t.Fatal(err)
			}
			for report, g := range byReport {
				if v := current[g]; v.Status != parts[report] {
					t.Errorf("%s: verdict on %s = %+v, want %q", when, g, v, parts[report])
				}
				if h, err := store.History(c.ID, g); err != nil || len(h) != 1 {
					t.Errorf("%s: history of %s = %+v, %v; want its one verdict", when, g, h, err)
				}
			}
			if orphans != 0 {
				t.Errorf("%s: %d orphaned verdicts, want none", when, orphans)
			}
		}
		check("recorded")
		add("d.txt", "Costs.\n\n\"The barrier will cost the city forty-eight million dollars over five years,\" Marsh told reporters.\n")
		check("with a report more")
	})
}

func TestRenameCase(t *testing.T) {
	store, u, cv := openGolden(t)
	id := cv.info.ID
	if _, err := store.UpdateCase(id, "Budget remarks", "The mayor's budget session"); err != nil {
		t.Fatal(err)
	}
	u.openCase(caseOf(t, store, id))
	cv = waitAnalysis(t, u)
	rename := menuItem(t, u, "File", "Rename case…")

	rename.Action()
	title, description := formEntries(t, u.win)
	if title.Text != "Budget remarks" || description.Text != "The mayor's budget session" {
		t.Errorf("the form shows %q / %q, want the case's title and description", title.Text, description.Text)
	}
	title.SetText("Something else")
	tapButton(t, u.win, "Cancel")
	if c := caseOf(t, store, id); c.Title != "Budget remarks" || u.win.Title() != "Parallax — Budget remarks" {
		t.Errorf("after Cancel the case is %q, the window %q", c.Title, u.win.Title())
	}

	rename.Action()
	title, _ = formEntries(t, u.win)
	title.SetText("   ")
	if b := overlayButton(t, u.win, "Rename"); !b.Disabled() {
		t.Error("Rename is enabled with an empty title")
	}
	tapButton(t, u.win, "Cancel")

	rename.Action()
	title, description = formEntries(t, u.win)
	title.SetText(" Budget vote ")
	description.SetText("The council's vote")
	tapButton(t, u.win, "Rename")
	c := caseOf(t, store, id)
	if c.Title != "Budget vote" || c.Description != "The council's vote" {
		t.Errorf("stored case = %+v, want the new title and description", c)
	}
	if u.cv != cv || cv.info != c || u.win.Title() != "Parallax — Budget vote" {
		t.Errorf("the open case is %+v in %q, want %+v still open", u.cv.info, u.win.Title(), c)
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("a dialog is still open after renaming")
	}

	// Escape in a field of the dialog dismisses it, renaming nothing.
	rename.Action()
	title, _ = formEntries(t, u.win)
	title.SetText("Not this")
	u.win.Canvas().Focus(title)
	u.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("the rename dialog is still open after Escape")
	}
	if c := caseOf(t, store, id); c.Title != "Budget vote" {
		t.Errorf("after Escape the case is %q, want it unchanged", c.Title)
	}
}

func TestEscapeDismissesDialogs(t *testing.T) {
	_, u, _ := openGolden(t)
	c := u.win.Canvas()
	u.showShortcuts()
	u.showDialog(dialog.NewInformation("Exported", "Saved", u.win))
	if len(u.dialogs) != 2 {
		t.Fatalf("%d dialogs open, want 2", len(u.dialogs))
	}
	// The review keys do nothing behind a dialog.
	c.OnTypedRune()('?')
	if len(u.dialogs) != 2 {
		t.Errorf("'?' behind a dialog opened another: %d dialogs open, want 2", len(u.dialogs))
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(u.dialogs) != 1 || c.Overlays().Top() == nil {
		t.Fatalf("after one Escape %d dialogs are open, want the first still open", len(u.dialogs))
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(u.dialogs) != 0 || c.Overlays().Top() != nil {
		t.Errorf("after two Escapes %d dialogs are open, want none", len(u.dialogs))
	}
	// With no dialog open, Escape leaves the review as it is.
	row := u.cv.selectedIndex()
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.cv.selectedIndex() != row {
		t.Error("Escape with no dialog open moved the selection")
	}
}

func TestDeleteCase(t *testing.T) {
	store, u, cv := openGolden(t)
	gone := cv.info
	kept, err := store.NewCase("Kept case")
	if err != nil {
		t.Fatal(err)
	}
	// One verdict, and text typed and not saved on another rendering.
	cv.editors[len(cv.editors)-1].status.SetSelectedIndex(2)
	ed := cv.editors[0]
	test.Type(ed.note, "half-typed")
	draft := ed.draftKey("note")
	if u.app.Preferences().String(draft) == "" {
		t.Fatal("the typed note is not kept as a draft")
	}
	del := menuItem(t, u, "File", "Delete case…")

	del.Action()
	msg := overlayText(t, u.win)
	for _, want := range []string{"“Budget remarks”", "its 3 reports and its 1 verdict,\nhistory included",
		"cannot be undone", "export a bundle first"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the dialog lacks %q:\n%s", want, msg)
		}
	}
	tapButton(t, u.win, "Cancel")
	if u.cv != cv {
		t.Fatal("Cancel closed the case")
	}
	if _, err := store.Case(gone.ID); err != nil {
		t.Fatalf("Cancel deleted the case: %v", err)
	}

	del.Action()
	tapButton(t, u.win, "Delete")
	if u.cv != nil {
		t.Fatal("the deleted case is still open")
	}
	if _, err := store.Case(gone.ID); err == nil {
		t.Error("the case is still in the store")
	}
	if cases, _ := store.Cases(); len(cases) != 1 || cases[0].ID != kept.ID {
		t.Errorf("cases after the delete = %+v, want only %+v", cases, kept)
	}
	if u.win.Title() != "Parallax" || findButton(u.win.Content(), "Open sample case") == nil {
		t.Errorf("after the delete the window %q does not show the welcome view", u.win.Title())
	}
	if !strings.Contains(contentText(u.win.Content()), "Kept case") || strings.Contains(contentText(u.win.Content()), "Budget remarks") {
		t.Errorf("the welcome view lists %q, want the kept case only", contentText(u.win.Content()))
	}
	p := u.app.Preferences()
	if p.Int(prefLastCase) == int(gone.ID) || p.String(draft) != "" {
		t.Errorf("the preferences still hold the deleted case: last case %d, draft %q", p.Int(prefLastCase), p.String(draft))
	}
}

// countingStore is a MemoryStore that counts the analyses asked of it.
type countingStore struct {
	*MemoryStore
	analysed atomic.Int32
}

func (s *countingStore) Analysis(id int64) (*compare.Result, error) {
	s.analysed.Add(1)
	return s.MemoryStore.Analysis(id)
}

func TestDeleteClosedCase(t *testing.T) {
	store := &countingStore{MemoryStore: NewMemoryStore()}
	c, _ := store.NewCase("Flood barrier")
	if err := store.AddReport(c.ID, &compare.Report{File: "a.txt", Body: `The mayor said: "The barrier is late."`}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Analysis(c.ID); err != nil {
		t.Fatal(err)
	}
	// A report added since makes the stored analysis stale.
	if err := store.AddReport(c.ID, &compare.Report{File: "b.txt", Body: `"The barrier is late," the mayor said.`}); err != nil {
		t.Fatal(err)
	}
	u := newTestUI(t, store)
	u.Start(false, nil)
	// Text typed on a quote of the stored analysis and never saved, as a
	// crash leaves it.
	draft := draftKey(c.ID, "q1", "note")
	u.app.Preferences().SetString(draft, "half-typed")
	before := store.analysed.Load()

	u.deleteCase(c)
	tapButton(t, u.win, "Delete")
	if _, err := store.Case(c.ID); err == nil {
		t.Fatal("the case is still in the store")
	}
	if n := store.analysed.Load() - before; n != 0 {
		t.Errorf("deleting a closed case analysed it %d times on the UI goroutine", n)
	}
	if got := u.app.Preferences().String(draft); got != "" {
		t.Errorf("the deleted case's draft %q is still kept", got)
	}
}

func TestWelcomeCaseMenu(t *testing.T) {
	store := NewMemoryStore()
	first, _ := store.NewCase("Flood barrier")
	second, _ := store.NewCase("Budget remarks")
	u := newTestUI(t, store)
	u.Start(false, nil)

	var more []*widget.Button
	for _, o := range test.LaidOutObjects(u.win.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "" && b.Icon == theme.MoreHorizontalIcon() {
			more = append(more, b)
		}
	}
	if len(more) != 2 {
		t.Fatalf("the welcome view has %d case menu buttons, want one for each of its 2 cases", len(more))
	}
	test.Tap(more[0])
	if got := overlayText(t, u.win); !strings.Contains(got, "Rename…") || !strings.Contains(got, "Delete…") {
		t.Fatalf("the case menu offers %q", got)
	}
	tapText(t, u.win, "Rename…")
	title, _ := formEntries(t, u.win)
	if title.Text != second.Title {
		t.Errorf("renaming from the first row of the list: the form shows %q, want the newest case %q", title.Text, second.Title)
	}
	title.SetText("Budget vote")
	tapButton(t, u.win, "Rename")
	if u.cv != nil {
		t.Error("renaming from the welcome view opened the case")
	}
	if got := contentText(u.win.Content()); !strings.Contains(got, "Budget vote") || strings.Contains(got, "Budget remarks") {
		t.Errorf("after the rename the welcome view lists %q", got)
	}

	u.deleteCase(first)
	if got := overlayText(t, u.win); !strings.Contains(got, "“Flood barrier”\nThis deletes the case. It holds no reports or verdicts.") {
		t.Errorf("deleting an empty case says %q", got)
	}
	tapButton(t, u.win, "Delete")
	if cases, _ := store.Cases(); len(cases) != 1 || cases[0].ID != second.ID {
		t.Errorf("cases after the delete = %+v, want only case %d", cases, second.ID)
	}
	if got := contentText(u.win.Content()); strings.Contains(got, "Flood barrier") {
		t.Errorf("after the delete the welcome view lists %q", got)
	}
}

func TestDeleteMessage(t *testing.T) {
	tests := []struct {
		name              string
		reports, verdicts int
		open              bool
		want              string
	}{
		{"empty", 0, 0, false, "This deletes the case. It holds no reports or verdicts."},
		{"one report", 1, 0, true, "This deletes the case with its 1 report.\nIt cannot be undone."},
		{"verdicts only", 0, 1, true, "This deletes the case with its 1 verdict,\nhistory included. It cannot be undone.\n\n" +
			"To keep the verdicts, export a bundle first\n(File › Export bundle…)."},
		{"reports and verdicts, open", 5, 2, true, "This deletes the case with its 5 reports and its 2 verdicts,\n" +
			"history included. It cannot be undone.\n\nTo keep the verdicts, export a bundle first\n(File › Export bundle…)."},
		{"from the list", 5, 1, false, "This deletes the case with its 5 reports and its 1 verdict,\n" +
			"history included. It cannot be undone.\n\nTo keep the verdicts, open the case and export a bundle\nfirst (File › Export bundle…)."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := deleteMessage(tc.reports, tc.verdicts, tc.open); got != tc.want {
				t.Errorf("deleteMessage = %q, want %q", got, tc.want)
			}
		})
	}
}

// caseOf reads a case from the store, failing the test if it cannot.
func caseOf(t *testing.T, store Store, id int64) CaseInfo {
	t.Helper()
	c, err := store.Case(id)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// menuItem returns the item labelled label of the main menu's menu.
func menuItem(t *testing.T, u *UI, menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range u.win.MainMenu().Items {
		if m.Label != menu {
			continue
		}
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("menu %s has no %q", menu, label)
	return nil
}

// formEntries returns the two entries of the form dialog on top.
func formEntries(t *testing.T, w fyne.Window) (first, second *fieldEntry) {
	t.Helper()
	var entries []*fieldEntry
	for _, o := range test.LaidOutObjects(topOverlay(t, w)) {
		if e, ok := o.(*fieldEntry); ok {
			entries = append(entries, e)
		}
	}
	if len(entries) != 2 {
		t.Fatalf("the dialog has %d entries, want 2", len(entries))
	}
	return entries[0], entries[1]
}

// topOverlay returns the dialog or pop-up on top of the window.
func topOverlay(t *testing.T, w fyne.Window) fyne.CanvasObject {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	return top
}

// overlayButton returns the button labelled text in the dialog on top.
func overlayButton(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	b := findButton(topOverlay(t, w), text)
	if b == nil {
		t.Fatalf("the dialog has no %q button", text)
	}
	return b
}

// findButton returns the button labelled text in o, or nil.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	for _, o := range test.LaidOutObjects(o) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	return nil
}

// overlayText is the text shown by the dialog or pop-up on top.
func overlayText(t *testing.T, w fyne.Window) string {
	t.Helper()
	return contentText(topOverlay(t, w))
}

// contentText joins the text of the labels and texts in o, one a line.
func contentText(o fyne.CanvasObject) string {
	var lines []string
	for _, o := range test.LaidOutObjects(o) {
		switch o := o.(type) {
		case *widget.Label:
			lines = append(lines, o.Text)
		case *canvas.Text:
			lines = append(lines, o.Text)
		}
	}
	return strings.Join(lines, "\n")
}

// tapText taps the item of the pop-up menu on top that reads text.
func tapText(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	// Objects come parents first: an item's text follows the item.
	var item fyne.Tappable
	for _, o := range test.LaidOutObjects(topOverlay(t, w)) {
		if tp, ok := o.(fyne.Tappable); ok {
			item = tp
		}
		if txt, ok := o.(*canvas.Text); ok && txt.Text == text && item != nil {
			test.Tap(item)
			return
		}
	}
	t.Fatalf("the pop-up has no %q item", text)
}

func TestNewCaseDialog(t *testing.T) {
	store, u, golden := openGolden(t)
	u.newCase()
	c := u.win.Canvas()
	title, ok := c.Focused().(*fieldEntry)
	if !ok {
		t.Fatalf("the focus is on %T, want the new case's title", c.Focused())
	}
	test.Type(title, "Harbour barrier vote")
	title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if c.Overlays().Top() != nil {
		t.Error("the dialog is still open after Return")
	}
	if u.cv == nil || u.cv.info.ID == golden.info.ID {
		t.Fatal("the case open after Return is not a new one")
	}
	if got := caseOf(t, store, u.cv.info.ID); got.Title != "Harbour barrier vote" {
		t.Errorf("the new case is stored as %q, want the title typed", got.Title)
	}
}
