package app

import (
	"fmt"
	"slices"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parallax-review/parallax/compare"
)

// caseView is an open case: its reports on the left, the coverage matrix in
// the middle, the detail of the selected group on the right, the status at
// the bottom.
type caseView struct {
	ui   *UI
	info CaseInfo

	reports  []*compare.Report
	res      *compare.Result
	rows     []*row // every group
	shown    []*row // the groups the filter keeps, in its order
	verdicts map[string]Verdict
	// orphans counts verdicts whose quote or claim the analysis lost.
	orphans int
	// perReport counts each report's quotes and claims.
	perReport map[string][2]int
	filter    filter
	// selected is the row shown in the detail; focus is the index in its
	// members of the rendering the verdict keys apply to.
	selected *row
	focus    int
	// cards is how many renderings of the selected group the detail shows;
	// bars are their focus marks.
	cards int
	bars  []*canvas.Rectangle
	// report is the index of the report selected in the reports list.
	report int
	// labelWidth is the width of the matrix's first column.
	labelWidth float32

	// generation counts analyses, so a stale one is dropped.
	generation int
	analysing  sync.WaitGroup

	reportList      *widget.List
	matrix          *widget.Table
	emptyMatrix     *widget.Label
	detail          *fyne.Container
	detailBox       *container.Scroll
	status          *widget.Label
	progress        *widget.ProgressBarInfinite
	search          *fieldEntry
	kindSel         *widget.Select
	withDiffCheck   *widget.Check
	unreviewedCheck *widget.Check
	speakerSel      *widget.Select
	outletSel       *widget.Select
	editors         []*verdictEditor
	content         fyne.CanvasObject
}

// newCaseView loads a case from the store and builds its view.
func newCaseView(u *UI, c CaseInfo) (*caseView, error) {
	reports, err := u.store.Reports(c.ID)
	if err != nil {
		return nil, fmt.Errorf("open case %q: %w", c.Title, err)
	}
	cv := &caseView{ui: u, info: c, reports: reports, verdicts: map[string]Verdict{}, report: -1}
	cv.build()
	return cv, nil
}

// build makes the case window's widgets and lays them out.
func (cv *caseView) build() {
	cv.reportList = widget.NewList(cv.reportCount, newReportItem, cv.updateReportItem)
	cv.reportList.OnSelected = func(i widget.ListItemID) { cv.report = i }
	cv.reportList.OnUnselected = func(widget.ListItemID) { cv.report = -1 }
	var add *widget.Button
	add = widget.NewButtonWithIcon("Add…", theme.ContentAddIcon(), func() { cv.addMenu(add) })
	reportButtons := container.NewGridWithColumns(2,
		add,
		widget.NewButtonWithIcon("Paste…", theme.ContentPasteIcon(), cv.pasteDialog),
		widget.NewButtonWithIcon("Read", theme.DocumentIcon(), cv.readSelected),
		widget.NewButtonWithIcon("Reference", theme.ConfirmIcon(), cv.referenceSelected),
		widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), cv.removeSelected),
	)
	reportsPane := container.NewBorder(heading("Reports"), reportButtons, nil, nil, cv.reportList)

	cv.matrix = newMatrix(cv)
	cv.emptyMatrix = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	cv.emptyMatrix.Wrapping = fyne.TextWrapWord
	cv.search = newFieldEntry()
	cv.search.SetPlaceHolder("Search quotes, claims, notes…  (Ctrl+F)")
	cv.search.OnChanged = func(s string) { cv.filter.text = s; cv.applyFilter() }
	matrixPane := container.NewBorder(
		container.NewBorder(nil, nil, heading("Coverage"), nil, cv.search),
		cv.filterBar(), nil, nil, container.NewStack(
			container.New(matrixLayout{cv}, cv.matrix),
			container.NewVBox(layout.NewSpacer(), cv.emptyMatrix, layout.NewSpacer())))

	cv.detail = container.NewVBox()
	cv.detailBox = container.NewVScroll(cv.detail)

	cv.status = widget.NewLabel("")
	cv.progress = widget.NewProgressBarInfinite()
	cv.progress.Stop()
	cv.progress.Hide()
	statusBar := container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(200, cv.progress.MinSize().Height), cv.progress), cv.status)

	right := container.NewHSplit(matrixPane, cv.detailBox)
	right.Offset = 0.64
	main := container.NewHSplit(reportsPane, right)
	main.Offset = 0.15
	cv.content = container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), statusBar), nil, nil, main)
	cv.sizeColumns()
	cv.showDetail()
	cv.updateStatus()
	cv.updateEmptyMatrix()
}

// addMenu offers, under the Add button, to add one report file or every
// report in a folder (the file dialog chooses one file at a time).
func (cv *caseView) addMenu(under fyne.CanvasObject) {
	menu := fyne.NewMenu("",
		fyne.NewMenuItem("Report file…", cv.addFileDialog),
		fyne.NewMenuItem("All reports in a folder…", cv.addFolderDialog),
	)
	cv.ui.popUpMenuUnder(menu, under)
}

// heading is a pane's bold title.
func heading(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// analyse gets the case's analysis and verdicts off the UI goroutine and
// shows them when they come, unless another analysis started meanwhile.
// The window stays responsive meanwhile.
func (cv *caseView) analyse() {
	cv.generation++
	gen := cv.generation
	if len(cv.reports) == 0 {
		cv.apply(gen, nil, nil, 0)
		return
	}
	cv.busy(fmt.Sprintf("Analysing %s…", compare.Plural(len(cv.reports), "report")))
	cv.analysing.Add(1)
	store, id := cv.ui.store, cv.info.ID
	go func() {
		defer cv.analysing.Done()
		res, err := store.Analysis(id)
		var verdicts map[string]Verdict
		orphans := 0
		if err == nil {
			verdicts, orphans, err = store.Verdicts(id)
		}
		fyne.Do(func() {
			if err != nil {
				cv.fail(gen, fmt.Errorf("analyse case %q: %w", cv.info.Title, err))
				return
			}
			cv.apply(gen, res, verdicts, orphans)
		})
	}()
}

// busy shows the progress bar and what is being done.
func (cv *caseView) busy(what string) {
	cv.progress.Show()
	cv.progress.Start()
	cv.status.SetText(what)
}

// idle hides the progress bar and shows the counts again.
func (cv *caseView) idle() {
	cv.progress.Stop()
	cv.progress.Hide()
	cv.updateStatus()
}

// fail ends an analysis that failed.
func (cv *caseView) fail(gen int, err error) {
	if gen != cv.generation {
		return
	}
	cv.idle()
	cv.status.SetText("The analysis failed.")
	cv.ui.showError(err)
}

// apply shows an analysis's result and the verdicts on it.
func (cv *caseView) apply(gen int, res *compare.Result, verdicts map[string]Verdict, orphans int) {
	if gen != cv.generation {
		return
	}
	cv.progress.Stop()
	cv.progress.Hide()
	cv.res = res
	if verdicts == nil {
		verdicts = map[string]Verdict{}
	}
	cv.verdicts, cv.orphans = verdicts, orphans
	cv.rows = nil
	cv.perReport = map[string][2]int{}
	if res != nil {
		cv.rows = buildRows(res)
		for _, q := range res.Quotes {
			n := cv.perReport[q.Report]
			n[0]++
			cv.perReport[q.Report] = n
		}
		for _, c := range res.Claims {
			n := cv.perReport[c.Report]
			n[1]++
			cv.perReport[c.Report] = n
		}
	}
	cv.updateChoices()
	cv.sizeLabelColumn()
	cv.reportList.Refresh()
	var key string
	if cv.selected != nil {
		key = cv.selected.key
	}
	cv.selected = nil
	cv.applyFilter()
	if i := slices.IndexFunc(cv.shown, func(r *row) bool { return r.key == key }); i >= 0 {
		cv.selectRow(i)
	} else if len(cv.shown) > 0 {
		cv.selectRow(0)
	}
	if cv.ui.OnFilled != nil && res != nil {
		cv.ui.OnFilled(len(cv.rows))
	}
}

// applyFilter recomputes the rows shown, keeping the selection when the
// filter keeps it.
func (cv *caseView) applyFilter() {
	cv.shown = cv.filter.apply(cv.rows, cv.verdicts)
	cv.matrix.Refresh()
	cv.updateEmptyMatrix()
	if cv.selected != nil && !slices.Contains(cv.shown, cv.selected) {
		cv.selected = nil
		cv.showDetail()
	}
	cv.updateStatus()
}

// selectRow selects the i-th shown row, scrolls it into view and shows its
// detail from the top, with the focus on the rendering to take up first
// (firstFocus) and that rendering scrolled into view.
func (cv *caseView) selectRow(i int) {
	if i < 0 || i >= len(cv.shown) {
		return
	}
	cv.saveEdits()
	r := cv.shown[i]
	if r != cv.selected {
		cv.selected = r
		cv.focus = cv.firstFocus(r)
		cv.cards = min(detailPage, len(r.members))
		cv.detailBox.Offset = fyne.NewPos(0, 0)
	}
	cv.matrix.ScrollTo(widget.TableCellID{Row: i, Col: 0})
	cv.matrix.Refresh()
	cv.showDetail()
	cv.scrollToFocus()
}

// firstFocus is the index of the rendering of r, other than the
// reference, that a reviewer takes up first: the first with a flag and no
// verdict yet, else the first without a verdict, else the first with a
// flag, else the first; 0 when r has no other rendering.
func (cv *caseView) firstFocus(r *row) int {
	best, rank := 0, 0
	for i, m := range r.members {
		if m == r.ref {
			continue
		}
		_, judged := cv.verdicts[m.key]
		// Higher is taken up sooner; the first of a rank wins.
		k := 1
		if len(m.flags) > 0 {
			k++
		}
		if !judged {
			k += 2
		}
		if k > rank {
			best, rank = i, k
		}
	}
	return best
}

// selectedIndex is the index of the selected row among those shown, or -1.
func (cv *caseView) selectedIndex() int {
	return slices.Index(cv.shown, cv.selected)
}

// updateEmptyMatrix says over the matrix why it shows no row, if it shows
// none: no reports, nothing they share, or filters that keep nothing.
func (cv *caseView) updateEmptyMatrix() {
	msg := ""
	switch {
	case len(cv.reports) == 0:
		msg = "This case has no reports yet.\nAdd them with Add… or Paste…, or drop report files on this window."
	case cv.res == nil, len(cv.shown) > 0:
		// Analysing, or rows to show.
	case len(cv.rows) == 0:
		msg = "The reports have no quote or claim to compare: add more reports."
	default:
		msg = "No quote or claim matches the filters.\nView › Show all quotes and claims clears them."
	}
	cv.emptyMatrix.SetText(msg)
	if msg == "" {
		cv.emptyMatrix.Hide()
	} else {
		cv.emptyMatrix.Show()
	}
}

// updateStatus writes the counts in the status bar.
func (cv *caseView) updateStatus() {
	if cv.res == nil {
		if len(cv.reports) == 0 {
			cv.status.SetText("No reports yet: add them with Add…, by dropping files on the window, or with Paste….")
		}
		return
	}
	c := countRows(cv.res, cv.rows, cv.verdicts)
	groups := compare.Plural(c.groups, "group")
	if c.single > 0 {
		groups += fmt.Sprintf(" (%d in one report only)", c.single)
	}
	text := fmt.Sprintf("%s · %s · %s · %s · %d with differences · %d of %d reviewed",
		compare.Plural(len(cv.reports), "report"), compare.Plural(c.quotes, "quote"), compare.Plural(c.claims, "claim"),
		groups, c.withDiff, c.reviewed, c.groups)
	if cv.orphans > 0 {
		text += " · " + compare.Plural(cv.orphans, "orphaned verdict")
	}
	if len(cv.shown) != len(cv.rows) {
		text += fmt.Sprintf(" · %d shown", len(cv.shown))
	}
	cv.status.SetText(text)
}

// reportCount is the reports list's length.
func (cv *caseView) reportCount() int { return len(cv.reports) }

// newReportItem is the template of a reports list row.
func newReportItem() fyne.CanvasObject {
	outlet := widget.NewLabelWithStyle("Outlet", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	outlet.Truncation = fyne.TextTruncateEllipsis
	title := widget.NewLabel("Title")
	title.Truncation = fyne.TextTruncateEllipsis
	info := widget.NewLabel("date · counts")
	info.SizeName = theme.SizeNameCaptionText
	return container.NewVBox(outlet, title, info)
}

// updateReportItem shows report i: outlet (★ for the reference), title,
// date and its quote and claim counts.
func (cv *caseView) updateReportItem(i widget.ListItemID, o fyne.CanvasObject) {
	r := cv.reports[i]
	box := o.(*fyne.Container)
	outlet := r.Meta.Outlet
	if r.Reference {
		outlet = "★ " + outlet
	}
	box.Objects[0].(*widget.Label).SetText(outlet)
	box.Objects[1].(*widget.Label).SetText(r.Meta.Title)
	info := r.Meta.Date
	if n, ok := cv.perReport[r.ID]; ok {
		info = fmt.Sprintf("%s · %s · %s", r.Meta.Date, compare.Plural(n[0], "quote"), compare.Plural(n[1], "claim"))
	}
	box.Objects[2].(*widget.Label).SetText(info)
}
