// Package app is Parallax's desktop user interface: a welcome view, and a
// case window in which a reviewer adds reports, sees which outlet carries
// which quote or claim and how, and records verdicts from the keyboard.
//
// It uses compare for the analysis and a Store for cases and verdicts, and
// builds without cgo: only main links Fyne's window driver.
package app

import (
	"errors"
	"fmt"
	"image"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parallax-review/parallax/assets"
	"github.com/parallax-review/parallax/compare"
)

// Preference keys.
const (
	prefReviewer     = "reviewer"
	prefOrganisation = "organisation"
	prefTheme        = "theme"
	prefLastCase     = "lastCase"
)

// UI is the app: one main window showing the welcome view or a case.
type UI struct {
	app   fyne.App
	store Store
	win   fyne.Window
	cv    *caseView
	// statuses caches the store's verdict scale.
	statuses []string
	// now tells the time of a verdict.
	now func() time.Time

	// firstPaint is called when the window's content is first painted.
	firstPaint func()

	// OnFilled, when set, is called on the UI goroutine each time an
	// analysis has filled the matrix, with the number of groups.
	OnFilled func(groups int)

	// dialogs are the dialogs open over the main window, the top one
	// last: Escape dismisses it.
	dialogs []dialog.Dialog
}

// New returns the app's UI over store, with its main window built but not
// shown.
func New(a fyne.App, store Store) *UI {
	u := &UI{app: a, store: store, now: time.Now}
	a.Settings().SetTheme(newTheme(a.Preferences().StringWithFallback(prefTheme, ThemeSystem)))
	u.win = a.NewWindow("Parallax")
	u.win.Resize(windowSize)
	u.win.SetMainMenu(u.menu())
	u.win.SetOnDropped(u.onDropped)
	u.win.SetCloseIntercept(u.onClose)
	u.addShortcuts()
	return u
}

// windowSize is the main window's size at start on a screen with room
// for it.
var windowSize = fyne.NewSize(1280, 800)

// windowFrame is the room FitScreen leaves around the window for its
// title bar and borders.
var windowFrame = fyne.NewSize(16, 48)

// Window returns the main window.
func (u *UI) Window() fyne.Window { return u.win }

// FitScreen shrinks the main window, when it would not fit, to a screen
// whose usable area (without task bars and docks) is area, in Fyne's
// units, and centres it: a window larger than the screen hides its status
// bar and its detail pane past the screen's edges.
func (u *UI) FitScreen(area fyne.Size) {
	size := fyne.NewSize(min(windowSize.Width, area.Width-windowFrame.Width), min(windowSize.Height, area.Height-windowFrame.Height))
	if size.Width <= 0 || size.Height <= 0 || size == windowSize {
		return
	}
	u.win.Resize(size)
	u.win.CenterOnScreen()
}

// Start fills the main window: with a new case of the given report files
// when there are any, else the sample case when sample is set, else the
// last case opened, else the welcome view.
func (u *UI) Start(sample bool, files []string) {
	switch {
	case len(files) > 0:
		c, err := u.store.NewCase(caseTitle(files))
		if err != nil {
			u.showWelcome()
			u.showError(fmt.Errorf("create a case: %w", err))
			return
		}
		u.openCase(c)
		u.cv.addFiles(files)
	case sample:
		u.OpenSample()
	default:
		if id := int64(u.app.Preferences().Int(prefLastCase)); id > 0 {
			if c, err := u.store.Case(id); err == nil {
				u.openCase(c)
				return
			}
		}
		u.showWelcome()
	}
}

// caseTitle names a case made from files after the first one.
func caseTitle(files []string) string {
	name := compare.OutletFromFileName(files[0])
	if len(files) > 1 {
		return fmt.Sprintf("%s and %d more", name, len(files)-1)
	}
	return name
}

// OpenSample opens the sample case, creating it on first use.
func (u *UI) OpenSample() {
	cases, err := u.store.Cases()
	if err != nil {
		u.showError(fmt.Errorf("list cases: %w", err))
		return
	}
	for _, c := range cases {
		if c.Title == assets.SampleTitle {
			u.openCase(c)
			return
		}
	}
	reports, err := assets.SampleReports()
	if err != nil {
		u.showError(err)
		return
	}
	c, err := u.store.NewCase(assets.SampleTitle)
	if err != nil {
		u.showError(fmt.Errorf("create the sample case: %w", err))
		return
	}
	for _, r := range reports {
		if err := u.store.AddReport(c.ID, r); err != nil {
			u.showError(fmt.Errorf("add %s to the sample case: %w", r.File, err))
			break
		}
	}
	u.openCase(c)
}

// openCase shows a case in the main window and starts its analysis.
func (u *UI) openCase(c CaseInfo) {
	u.saveEdits()
	cv, err := newCaseView(u, c)
	if err != nil {
		u.showError(err)
		return
	}
	u.cv = cv
	u.app.Preferences().SetInt(prefLastCase, int(c.ID))
	u.win.SetTitle(windowTitle(c))
	u.setContent(cv.content)
	cv.analyse()
}

// windowTitle is the main window's title while c is open.
func windowTitle(c CaseInfo) string { return "Parallax — " + c.Title }

// showWelcome shows the welcome view.
func (u *UI) showWelcome() {
	u.saveEdits()
	u.cv = nil
	u.win.SetTitle("Parallax")
	u.setContent(u.welcome())
}

// setContent shows content in the main window, over a probe that tells
// when the painter first draws it.
func (u *UI) setContent(content fyne.CanvasObject) {
	if u.firstPaint == nil {
		u.win.SetContent(content)
		return
	}
	probe := canvas.NewRaster(func(w, h int) image.Image {
		u.firstPaint()
		return image.NewNRGBA(image.Rect(0, 0, 1, 1))
	})
	u.win.SetContent(container.NewStack(probe, content))
}

// SetFirstPaint sets f to be called when the painter first draws the
// window's content, to measure the time to the first frame. Call it before
// Start. f runs on the painter's goroutine and may run more than once.
func (u *UI) SetFirstPaint(f func()) { u.firstPaint = f }

// saveEdits records what the reviewer was typing in the open case, if any.
func (u *UI) saveEdits() {
	if u.cv != nil {
		u.cv.saveEdits()
	}
}

// Quit saves what the reviewer was typing and quits the app.
func (u *UI) Quit() {
	u.saveEdits()
	u.app.Quit()
}

// ShowStoreError tells the reviewer that the database could not be opened
// and that the session keeps nothing.
func (u *UI) ShowStoreError(err error) {
	u.showError(fmt.Errorf("%w\n\nThis session works in memory: cases and verdicts will not be saved", err))
}

// maxListedErrors is how many errors one dialog lists; it counts the rest.
const maxListedErrors = 8

// showErrors shows several errors in one dialog under a summary, listing
// the first few.
func (u *UI) showErrors(summary string, errs []error) {
	lines := make([]string, 0, maxListedErrors+1)
	for i, err := range errs {
		if i == maxListedErrors {
			lines = append(lines, fmt.Sprintf("… and %d more.", len(errs)-i))
			break
		}
		lines = append(lines, err.Error())
	}
	u.showError(fmt.Errorf("%s:\n%s", summary, strings.Join(lines, "\n")))
}

// showError shows err in a dialog over the main window.
func (u *UI) showError(err error) {
	u.showDialog(dialog.NewError(err, u.win))
}

// showDialog shows d over the main window, on top of the dialogs open
// there: Escape dismisses the top one.
func (u *UI) showDialog(d dialog.Dialog) {
	u.dialogs = append(u.dialogs, d)
	d.SetOnClosed(func() {
		u.dialogs = slices.DeleteFunc(u.dialogs, func(x dialog.Dialog) bool { return x == d })
	})
	d.Show()
}

// dismissDialog dismisses the top dialog over the main window, if any.
func (u *UI) dismissDialog() {
	if n := len(u.dialogs); n > 0 {
		u.dialogs[n-1].Dismiss()
	}
}

// reviewer returns the reviewer's name from the preferences.
func (u *UI) reviewer() string {
	return u.app.Preferences().String(prefReviewer)
}

// scale returns the verdict scale of the store, read once.
func (u *UI) scale() []string {
	if u.statuses == nil {
		s, err := u.store.Scale()
		if err != nil || len(s) == 0 {
			return DefaultScale
		}
		u.statuses = s
	}
	return u.statuses
}

// newCase asks for a title and opens a new, empty case.
func (u *UI) newCase() {
	title := newFieldEntry()
	title.SetPlaceHolder("e.g. Minister's budget remarks")
	d := dialog.NewForm("New case", "Create", "Cancel", []*widget.FormItem{widget.NewFormItem("Title", title)}, func(ok bool) {
		if !ok {
			return
		}
		name := strings.TrimSpace(title.Text)
		if name == "" {
			name = "Untitled case"
		}
		c, err := u.store.NewCase(name)
		if err != nil {
			u.showError(fmt.Errorf("create case %q: %w", name, err))
			return
		}
		u.openCase(c)
	}, u.win)
	title.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(420, d.MinSize().Height))
	u.showDialog(d)
	u.win.Canvas().Focus(title)
}

// openCaseDialog lets the reviewer pick one of the stored cases.
func (u *UI) openCaseDialog() {
	cases, err := u.store.Cases()
	if err != nil {
		u.showError(fmt.Errorf("list cases: %w", err))
		return
	}
	if len(cases) == 0 {
		u.showDialog(dialog.NewInformation("Open case", "There are no cases yet: create one or open the sample case.", u.win))
		return
	}
	var d *dialog.CustomDialog
	list := u.caseList(cases, func(c CaseInfo) {
		d.Hide()
		u.openCase(c)
	}, nil)
	d = dialog.NewCustom("Open case", "Cancel", container.NewGridWrap(fyne.NewSize(460, 320), list), u.win)
	u.showDialog(d)
}

// caseList lists cases by title and date; choosing one calls open. When
// manage is set, each case has a button that calls it, to rename or
// delete the case.
func (u *UI) caseList(cases []CaseInfo, open func(CaseInfo), manage func(c CaseInfo, button fyne.CanvasObject)) *widget.List {
	list := widget.NewList(
		func() int { return len(cases) },
		func() fyne.CanvasObject {
			right := container.NewHBox(widget.NewLabel("2006-01-02 15:04"))
			if manage != nil {
				more := widget.NewButtonWithIcon("", theme.MoreHorizontalIcon(), nil)
				more.Importance = widget.LowImportance
				right.Add(more)
			}
			title := widget.NewLabel("title")
			title.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(theme.FolderOpenIcon()), right, title)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(cases[i].Title)
			right := c.Objects[2].(*fyne.Container)
			right.Objects[0].(*widget.Label).SetText(cases[i].Updated.Format("2006-01-02 15:04"))
			if manage != nil {
				more := right.Objects[1].(*widget.Button)
				more.OnTapped = func() { manage(cases[i], more) }
			}
		})
	list.OnSelected = func(i widget.ListItemID) { open(cases[i]) }
	return list
}

// popUpMenuUnder shows menu over the main window, just under the object
// that asked for it.
func (u *UI) popUpMenuUnder(menu *fyne.Menu, under fyne.CanvasObject) {
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(under).AddXY(0, under.Size().Height)
	widget.ShowPopUpMenuAtPosition(menu, u.win.Canvas(), pos)
}

// onDropped adds dropped files to the open case.
func (u *UI) onDropped(_ fyne.Position, uris []fyne.URI) {
	if u.cv == nil {
		u.showError(errors.New("open or create a case first, then drop its reports on the window"))
		return
	}
	paths := make([]string, 0, len(uris))
	for _, uri := range uris {
		paths = append(paths, uri.Path())
	}
	u.cv.addFiles(paths)
}

// onClose saves what the reviewer was typing, then closes.
func (u *UI) onClose() {
	u.saveEdits()
	u.win.Close()
}

// setTheme applies and remembers a theme choice.
func (u *UI) setTheme(variant string) {
	u.app.Preferences().SetString(prefTheme, variant)
	u.app.Settings().SetTheme(newTheme(variant))
	if u.cv != nil {
		// The focus mark takes its colour when drawn.
		u.cv.showDetail()
	}
}
