package app

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parallax-review/parallax/compare"
)

// caseMenu offers what can be done to a case listed in the welcome view.
func (u *UI) caseMenu(c CaseInfo) *fyne.Menu {
	return fyne.NewMenu("",
		fyne.NewMenuItem("Open", func() { u.openCase(c) }),
		fyne.NewMenuItem("Rename…", func() { u.renameCase(c) }),
		fyne.NewMenuItem("Delete…", func() { u.deleteCase(c) }),
	)
}

// showCaseMenu shows the menu of a listed case under the button that asked
// for it.
func (u *UI) showCaseMenu(c CaseInfo, under fyne.CanvasObject) {
	u.popUpMenuUnder(u.caseMenu(c), under)
}

// renameCase asks for a case's new title and description, filled in with
// the ones it has, and saves them.
func (u *UI) renameCase(c CaseInfo) {
	title := newFieldEntry()
	title.SetText(c.Title)
	title.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("A case needs a title")
		}
		return nil
	}
	description := newMultiLineFieldEntry()
	description.SetText(c.Description)
	description.SetPlaceHolder("What the case is about (optional)")
	description.SetMinRowsVisible(3)
	d := dialog.NewForm("Rename case", "Rename", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Title", title),
		widget.NewFormItem("Description", description),
	}, func(ok bool) {
		if !ok {
			return
		}
		renamed, err := u.store.UpdateCase(c.ID, title.Text, description.Text)
		if err != nil {
			u.showError(fmt.Errorf("rename case %q: %w", c.Title, err))
			return
		}
		u.caseRenamed(renamed)
	}, u.win)
	title.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	u.showDialog(d)
	u.win.Canvas().Focus(title)
	title.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// caseRenamed shows a case's new title where the window shows it.
func (u *UI) caseRenamed(c CaseInfo) {
	switch {
	case u.cv == nil:
		u.showWelcome()
	case u.isOpen(c):
		u.cv.info = c
		u.win.SetTitle(windowTitle(c))
	}
}

// deleteCase asks whether to delete a case, saying what goes with it, and
// deletes it. The case's verdicts leave the database only this way.
func (u *UI) deleteCase(c CaseInfo) {
	reports, err := u.store.Reports(c.ID)
	if err != nil {
		u.showError(fmt.Errorf("delete case %q: %w", c.Title, err))
		return
	}
	current, orphans, err := u.store.Verdicts(c.ID)
	if err != nil {
		u.showError(fmt.Errorf("delete case %q: %w", c.Title, err))
		return
	}
	name := widget.NewLabelWithStyle("“"+c.Title+"”", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	message := widget.NewLabel(deleteMessage(len(reports), len(current)+orphans, u.isOpen(c)))
	d := dialog.NewCustomWithoutButtons("Delete case", container.NewVBox(name, message), u.win)
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), d.Hide)
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() {
		d.Hide()
		u.deleteConfirmed(c)
	})
	del.Importance = widget.DangerImportance
	d.SetButtons([]fyne.CanvasObject{cancel, del})
	u.showDialog(d)
}

// deleteMessage says what deleting a case loses: its reports and verdicts,
// and how to keep the verdicts.
func deleteMessage(reports, verdicts int, open bool) string {
	var msg string
	switch {
	case reports == 0 && verdicts == 0:
		return "This deletes the case. It holds no reports or verdicts."
	case verdicts == 0:
		msg = fmt.Sprintf("This deletes the case with its %s.\n", compare.Plural(reports, "report"))
	case reports == 0:
		msg = fmt.Sprintf("This deletes the case with its %s,\nhistory included. ", compare.Plural(verdicts, "verdict"))
	default:
		msg = fmt.Sprintf("This deletes the case with its %s and its %s,\nhistory included. ",
			compare.Plural(reports, "report"), compare.Plural(verdicts, "verdict"))
	}
	msg += "It cannot be undone."
	if verdicts > 0 {
		if open {
			msg += "\n\nTo keep the verdicts, export a bundle first\n(File › Export bundle…)."
		} else {
			msg += "\n\nTo keep the verdicts, open the case and export a bundle\nfirst (File › Export bundle…)."
		}
	}
	return msg
}

// isOpen tells whether c is the case the window shows.
func (u *UI) isOpen(c CaseInfo) bool { return u.cv != nil && u.cv.info.ID == c.ID }

// deleteConfirmed deletes a case the reviewer chose to delete, with what
// the app keeps of it, and shows the welcome view.
func (u *UI) deleteConfirmed(c CaseInfo) {
	// The stored analysis, the one shown last, names the verdicts that may
	// have unsaved text, even while a new analysis is under way (analysing
	// the case again here would hold up the UI goroutine).
	res, _ := u.store.StoredAnalysis(c.ID)
	if err := u.store.DeleteCase(c.ID); err != nil {
		u.showError(fmt.Errorf("delete case %q: %w", c.Title, err))
		return
	}
	u.forgetCase(c.ID, res)
	if u.isOpen(c) {
		// What the reviewer was typing went with the case, and an
		// analysis still under way is dropped when it comes.
		u.cv.generation++
		u.cv = nil
	}
	u.showWelcome()
}

// forgetCase removes what the preferences keep of a deleted case: the last
// case opened and the unsaved text of its verdicts, since a later case may
// get its number.
func (u *UI) forgetCase(id int64, res *compare.Result) {
	p := u.app.Preferences()
	if int64(p.Int(prefLastCase)) == id {
		p.RemoveValue(prefLastCase)
	}
	if res == nil {
		return
	}
	for _, ref := range verdictRefs(res) {
		for _, field := range []string{"note", "evidence"} {
			p.RemoveValue(draftKey(id, ref, field))
		}
	}
}
