package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/parallax-review/parallax/compare"
)

// menu builds the main menu: File, View, Help.
func (u *UI) menu() *fyne.MainMenu {
	inCase := func(f func(cv *caseView)) func() {
		return func() {
			if u.cv == nil {
				u.showDialog(dialog.NewInformation("No case open", "Open or create a case first.", u.win))
				return
			}
			f(u.cv)
		}
	}
	// Quit saves what is being typed first; Fyne's own would not.
	quit := fyne.NewMenuItem("Quit", u.Quit)
	quit.IsQuit = true
	file := fyne.NewMenu("File",
		fyne.NewMenuItem("New case…", u.newCase),
		fyne.NewMenuItem("Open case…", u.openCaseDialog),
		fyne.NewMenuItem("Open sample case", u.OpenSample),
		fyne.NewMenuItem("Close case", u.showWelcome),
		fyne.NewMenuItem("Rename case…", inCase(func(cv *caseView) { u.renameCase(cv.info) })),
		fyne.NewMenuItem("Delete case…", inCase(func(cv *caseView) { u.deleteCase(cv.info) })),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Add report file…", inCase((*caseView).addFileDialog)),
		fyne.NewMenuItem("Add folder of reports…", inCase((*caseView).addFolderDialog)),
		fyne.NewMenuItem("Paste report…", inCase((*caseView).pasteDialog)),
		fyne.NewMenuItemSeparator(),
	)
	export := fyne.NewMenuItem("Export", nil)
	export.ChildMenu = fyne.NewMenu("")
	for _, f := range exportFormats {
		export.ChildMenu.Items = append(export.ChildMenu.Items,
			fyne.NewMenuItem(f.label+"…", inCase(func(cv *caseView) { cv.exportDialog(f.format, f.ext) })))
	}
	file.Items = append(file.Items, export,
		fyne.NewMenuItem("Export bundle…", inCase((*caseView).exportBundleDialog)),
		fyne.NewMenuItem("Import bundle…", u.importBundleDialog),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Preferences…", u.showPreferences),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	themes := []struct{ label, value string }{{"System theme", ThemeSystem}, {"Light theme", ThemeLight}, {"Dark theme", ThemeDark}}
	view := fyne.NewMenu("View")
	for _, t := range themes {
		view.Items = append(view.Items, fyne.NewMenuItem(t.label, func() { u.setTheme(t.value) }))
	}
	view.Items = append(view.Items, fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Search", u.focusSearch),
		fyne.NewMenuItem("Show all quotes and claims", inCase((*caseView).resetFilters)))
	help := fyne.NewMenu("Help",
		fyne.NewMenuItem("Keyboard shortcuts", u.showShortcuts),
		fyne.NewMenuItem("About Parallax", func() {
			u.showDialog(dialog.NewInformation("About Parallax", "Parallax compares how several reports of one event render the same quotes and claims.\nAnalysis engine "+compare.Version+".", u.win))
		}),
	)
	return fyne.NewMainMenu(file, view, help)
}

// showPreferences edits the reviewer's name and organisation (used in
// verdicts and exports), the theme and the verdict scale.
func (u *UI) showPreferences() {
	p := u.app.Preferences()
	reviewer := newFieldEntry()
	reviewer.SetText(p.String(prefReviewer))
	org := newFieldEntry()
	org.SetText(p.String(prefOrganisation))
	orgURL := newFieldEntry()
	orgURL.SetText(p.String(prefOrganisationURL))
	orgURL.SetPlaceHolder("https://…")
	reviewsURL := newFieldEntry()
	reviewsURL.SetText(p.String(prefReviewsURL))
	reviewsURL.SetPlaceHolder("https://… (the page that publishes the reviews)")
	themeChoice := widget.NewRadioGroup([]string{ThemeSystem, ThemeLight, ThemeDark}, nil)
	themeChoice.Horizontal = true
	themeChoice.SetSelected(p.StringWithFallback(prefTheme, ThemeSystem))
	scale := newMultiLineFieldEntry()
	scale.SetText(strings.Join(u.scale(), "\n"))
	scale.SetMinRowsVisible(7)
	items := []*widget.FormItem{
		widget.NewFormItem("Reviewer", reviewer),
		widget.NewFormItem("Organisation", org),
		widget.NewFormItem("Organisation URL", orgURL),
		{Text: "Reviews page", Widget: reviewsURL, HintText: "Used in ClaimReview exports."},
		widget.NewFormItem("Theme", themeChoice),
		{Text: "Verdict scale", Widget: scale, HintText: "One status a line, best first; keys 1–9 choose them."},
	}
	d := dialog.NewForm("Preferences", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		p.SetString(prefReviewer, strings.TrimSpace(reviewer.Text))
		p.SetString(prefOrganisation, strings.TrimSpace(org.Text))
		p.SetString(prefOrganisationURL, strings.TrimSpace(orgURL.Text))
		p.SetString(prefReviewsURL, strings.TrimSpace(reviewsURL.Text))
		u.setTheme(themeChoice.Selected)
		var statuses []string
		for _, s := range strings.Split(scale.Text, "\n") {
			if s = strings.TrimSpace(s); s != "" {
				statuses = append(statuses, s)
			}
		}
		if !slices.Equal(statuses, u.scale()) {
			if err := u.store.SetScale(statuses); err != nil {
				u.showError(err)
				return
			}
			u.statuses = statuses
		}
		if u.cv != nil {
			u.cv.showDetail()
		}
	}, u.win)
	d.Resize(fyne.NewSize(560, 560))
	u.showDialog(d)
}
