package app

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parallax-review/parallax/compare"
)

// showDetail fills the detail pane with the selected group: its speaker,
// each rendering diffed against the reference with its flags, and verdict
// controls for the group and for each rendering.
func (cv *caseView) showDetail() {
	cv.editors = nil
	cv.bars = cv.bars[:0]
	// The objects are set at once: adding them one by one would lay the
	// pane out again after each.
	var objs []fyne.CanvasObject
	defer func() {
		cv.detail.Objects = objs
		cv.detail.Refresh()
	}()
	r := cv.selected
	if r == nil {
		// When the matrix shows no row, it says why itself.
		if len(cv.shown) > 0 {
			// Wrapped, so that the message does not widen the pane.
			l := widget.NewLabel("Select a quote or claim in the matrix to see how each report renders it.")
			l.Wrapping = fyne.TextWrapWord
			objs = append(objs, l)
		}
		return
	}

	kind := "❝ Quote"
	if r.kind == compare.KindClaim {
		kind = "≡ Claim"
	}
	if r.speaker != "" {
		kind += " · " + r.speaker
	}
	title := widget.NewLabelWithStyle(kind, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	objs = append(objs, title)
	sum := widget.NewLabel(cv.summary(r))
	sum.Wrapping = fyne.TextWrapWord
	objs = append(objs, sum, cv.newVerdictEditor(r.key, "Verdict on the group").box)

	cv.cards = max(cv.cards, min(cv.focus+1+detailPage/2, len(r.members)))
	for i, m := range r.members[:min(cv.cards, len(r.members))] {
		objs = append(objs, widget.NewSeparator(), cv.memberCard(r, m, i == cv.focus))
	}
	if rest := len(r.members) - cv.cards; rest > 0 {
		objs = append(objs, widget.NewButton("Show "+compare.Plural(min(rest, detailPage), "more rendering"), func() {
			cv.cards += detailPage
			cv.showDetail()
		}))
	}
}

// summary says which reports carry r and whether they differ.
func (cv *caseView) summary(r *row) string {
	if len(r.byReport) == 1 {
		return "Only " + r.ref.report.Meta.Outlet + " carries it: no other report to compare it with."
	}
	s := fmt.Sprintf("In %d of %d reports.", len(r.byReport), len(cv.reports))
	if r.severity == 0 {
		s += " No differences: every report renders it as the reference does."
	}
	if absent := cv.absentFrom(r); absent != "" {
		s += " Absent from " + absent + "."
	}
	return s
}

// detailPage is how many renderings the detail shows at first, and how
// many more each "Show more" adds: a group carried by hundreds of reports
// opens at once.
const detailPage = 20

// absentFrom names the reports that do not carry r: the first few, then
// how many more.
func (cv *caseView) absentFrom(r *row) string {
	const listed = 6
	var names []string
	n := 0
	for _, rep := range cv.reports {
		if r.byReport[rep.ID] == nil {
			if n++; n <= listed {
				names = append(names, rep.Meta.Outlet)
			}
		}
	}
	if n > listed {
		names = append(names, fmt.Sprintf("%d more", n-listed))
	}
	return strings.Join(names, ", ")
}

// memberCard shows one rendering: its outlet, its text diffed against the
// reference, its flags and, unless it is the reference, its verdict.
func (cv *caseView) memberCard(r *row, m *member, focused bool) fyne.CanvasObject {
	name := m.report.Meta.Outlet
	if m.report.Meta.Date != "" {
		name += " · " + m.report.Meta.Date
	}
	if m == r.ref {
		name = "★ " + name + " (reference)"
	}
	head := widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Truncation = fyne.TextTruncateEllipsis
	read := widget.NewButtonWithIcon("", theme.DocumentIcon(), func() { cv.openReader(m.report, m.span) })
	body := container.NewVBox(container.NewBorder(nil, nil, nil, read, head))

	// A claim is told in each outlet's own words: when its facts agree
	// with the reference's, a word diff would only mark the wording.
	if m.diff != nil && (r.kind != compare.KindClaim || len(m.flags) > 0) {
		body.Add(NewDiffText(m.diff.Edits))
	} else {
		text := widget.NewLabel(m.text)
		text.Wrapping = fyne.TextWrapWord
		body.Add(text)
	}
	if m != r.ref && m.speaker != r.ref.speaker && m.speaker != "" {
		body.Add(widget.NewLabel("Speaker: " + m.speaker))
	}
	for _, f := range m.flags {
		l := widget.NewLabel("⚑ " + string(f.Kind) + ": " + f.Detail)
		l.Wrapping = fyne.TextWrapWord
		switch {
		case f.Kind.Severity() >= 8:
			l.Importance = widget.DangerImportance
		case f.Kind.Severity() >= 5:
			l.Importance = widget.WarningImportance
		}
		body.Add(l)
	}
	if m != r.ref {
		body.Add(cv.newVerdictEditor(m.key, "Verdict").box)
	}

	bar := canvas.NewRectangle(color.Transparent)
	if focused {
		bar.FillColor = focusRing()
	}
	bar.SetMinSize(fyne.NewSize(4, 0))
	cv.bars = append(cv.bars, bar)
	return container.NewBorder(nil, nil, bar, nil, body)
}

// focusRing is the colour that marks the rendering in focus, in the
// current theme.
func focusRing() color.Color {
	s := fyne.CurrentApp().Settings()
	return s.Theme().Color(ColorNameFocusRing, s.ThemeVariant())
}

// setFocus moves the focus to the i-th rendering of the selected group.
func (cv *caseView) setFocus(i int) {
	if cv.selected == nil || i < 0 || i >= len(cv.selected.members) || cv.selected.members[i] == cv.selected.ref {
		return
	}
	cv.saveEdits()
	cv.focus = i
	if i >= len(cv.bars) {
		cv.showDetail()
	}
	ring := focusRing()
	for j, bar := range cv.bars {
		bar.FillColor = color.Transparent
		if j == i {
			bar.FillColor = ring
		}
		bar.Refresh()
	}
	cv.matrix.Refresh()
	cv.scrollToFocus()
}

// scrollToFocus scrolls the detail as little as it takes for the
// rendering in focus to show whole, or from its top when it is taller than
// the pane.
func (cv *caseView) scrollToFocus() {
	// The detail holds title, summary and group verdict, then a separator
	// and a card per rendering.
	idx := 3 + 2*cv.focus + 1
	if idx >= len(cv.detail.Objects) {
		return
	}
	cv.detail.Refresh()
	card := cv.detail.Objects[idx]
	top := card.Position().Y - theme.Padding()
	bottom := card.Position().Y + card.Size().Height + theme.Padding()
	y := cv.detailBox.Offset.Y
	if view := cv.detailBox.Size().Height; bottom > y+view {
		y = bottom - view
	}
	y = min(y, top)
	cv.detailBox.Offset = fyne.NewPos(0, max(0, y))
	cv.detailBox.Refresh()
}

// verdictEditor is the verdict controls of one rendering or group: status,
// note, evidence URL and the history.
type verdictEditor struct {
	cv       *caseView
	target   string
	status   *widget.Select
	note     *fieldEntry
	evidence *fieldEntry
	history  *widget.Label
	box      fyne.CanvasObject
}

// statusOption is how a status shows in the list: with the key that
// chooses it.
func statusOption(i int, status string) string {
	if i < 9 {
		return fmt.Sprintf("%d  %s", i+1, status)
	}
	return status
}

func (cv *caseView) newVerdictEditor(target, label string) *verdictEditor {
	ed := &verdictEditor{cv: cv, target: target}
	scale := cv.ui.scale()
	options := make([]string, len(scale))
	for i, s := range scale {
		options[i] = statusOption(i, s)
	}
	ed.status = widget.NewSelect(options, nil)
	ed.status.PlaceHolder = "(not reviewed)"
	ed.note = newFieldEntry()
	ed.note.SetPlaceHolder("Note")
	ed.evidence = newFieldEntry()
	ed.evidence.SetPlaceHolder("Evidence URL")
	ed.history = widget.NewLabel("")
	ed.history.Wrapping = fyne.TextWrapWord
	ed.history.SizeName = theme.SizeNameCaptionText
	ed.show()
	ed.restoreDrafts()
	ed.status.OnChanged = ed.onStatus
	ed.note.OnChanged = func(text string) { ed.keepDraft("note", text, ed.cv.verdicts[ed.target].Note) }
	ed.evidence.OnChanged = func(text string) { ed.keepDraft("evidence", text, ed.cv.verdicts[ed.target].Evidence) }
	ed.note.onLeave = ed.saveText
	ed.evidence.onLeave = ed.saveText
	ed.note.OnSubmitted = func(string) { ed.saveText() }
	ed.evidence.OnSubmitted = func(string) { ed.saveText() }
	ed.box = container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(label), nil, ed.status),
		container.NewGridWithColumns(2, ed.note, ed.evidence),
		ed.history,
	)
	cv.editors = append(cv.editors, ed)
	return ed
}

// show puts the current verdict and history in the controls without
// recording anything.
func (ed *verdictEditor) show() {
	v, ok := ed.cv.verdicts[ed.target]
	ed.status.Selected = ""
	if ok {
		for i, s := range ed.cv.ui.scale() {
			if s == v.Status {
				ed.status.Selected = statusOption(i, s)
			}
		}
	}
	ed.status.Refresh()
	ed.note.SetText(v.Note)
	ed.evidence.SetText(v.Evidence)
	ed.history.SetText("")
	if !ok {
		ed.history.Hide()
		return
	}
	hist, err := ed.cv.ui.store.History(ed.cv.info.ID, ed.target)
	if err != nil {
		ed.history.SetText("History unavailable: " + err.Error())
		ed.history.Show()
		return
	}
	lines := make([]string, 0, len(hist))
	for i := len(hist) - 1; i >= 0; i-- {
		lines = append(lines, historyLine(hist[i]))
	}
	ed.history.SetText("History:\n" + strings.Join(lines, "\n"))
	ed.history.Show()
}

// historyLine is one verdict of a history as the detail lists it.
func historyLine(v Verdict) string {
	s := v.Time.Local().Format("2006-01-02 15:04") + " · " + v.Status
	if v.Reviewer != "" {
		s += " · " + v.Reviewer
	}
	if v.Note != "" {
		s += " · “" + v.Note + "”"
	}
	if v.Evidence != "" {
		s += " · " + v.Evidence
	}
	return s
}

// onStatus records the status chosen in the list.
func (ed *verdictEditor) onStatus(option string) {
	for i, s := range ed.cv.ui.scale() {
		if statusOption(i, s) == option {
			ed.cv.record(ed.target, s, ed.note.Text, ed.evidence.Text)
			// Back to the review keys.
			if c := fyne.CurrentApp().Driver().CanvasForObject(ed.status); c != nil {
				c.Unfocus()
			}
			return
		}
	}
}

// saveText records the note and evidence when they changed.
func (ed *verdictEditor) saveText() {
	v := ed.cv.verdicts[ed.target]
	note, evidence := strings.TrimSpace(ed.note.Text), strings.TrimSpace(ed.evidence.Text)
	if note == v.Note && evidence == v.Evidence {
		return
	}
	if ed.cv.record(ed.target, v.Status, note, evidence) {
		p := ed.cv.ui.app.Preferences()
		p.RemoveValue(ed.draftKey("note"))
		p.RemoveValue(ed.draftKey("evidence"))
	}
}

// draftKey names the preference that keeps a field's unsaved text.
func (ed *verdictEditor) draftKey(field string) string {
	return draftKey(ed.cv.info.ID, ed.target, field)
}

// draftKey names the preference that keeps the unsaved text of a field of
// the verdict on target, a ref of a case's analysis.
func draftKey(caseID int64, target, field string) string {
	return fmt.Sprintf("draft/%d/%s/%s", caseID, target, field)
}

// keepDraft keeps what the reviewer is typing in a field in the
// preferences until it is saved, so that a crash loses none of it.
func (ed *verdictEditor) keepDraft(field, text, saved string) {
	p := ed.cv.ui.app.Preferences()
	if strings.TrimSpace(text) == saved {
		p.RemoveValue(ed.draftKey(field))
		return
	}
	p.SetString(ed.draftKey(field), text)
}

// restoreDrafts puts back text typed and never saved.
func (ed *verdictEditor) restoreDrafts() {
	p := ed.cv.ui.app.Preferences()
	if d := p.String(ed.draftKey("note")); d != "" {
		ed.note.SetText(d)
	}
	if d := p.String(ed.draftKey("evidence")); d != "" {
		ed.evidence.SetText(d)
	}
}

// saveEdits records every note and evidence URL being edited, so that
// nothing typed is lost when the selection changes or the window closes.
func (cv *caseView) saveEdits() {
	for _, ed := range cv.editors {
		ed.saveText()
	}
}

// record saves a verdict at once, shows it in the controls of its target
// and reports whether it was saved; an error shows in a dialog and leaves
// the controls as the reviewer left them.
func (cv *caseView) record(target, status, note, evidence string) bool {
	if status == "" {
		// A note needs a status: until the reviewer chooses one it is the
		// scale's last, the least committal.
		scale := cv.ui.scale()
		status = scale[len(scale)-1]
	}
	v := Verdict{Status: status, Note: note, Evidence: evidence, Reviewer: cv.ui.reviewer(), Time: cv.ui.now()}
	if err := cv.ui.store.RecordVerdict(cv.info.ID, target, v); err != nil {
		cv.ui.showError(fmt.Errorf("save the verdict %q: %w", status, err))
		return false
	}
	cv.verdicts[target] = v
	for _, ed := range cv.editors {
		if ed.target == target {
			ed.show()
		}
	}
	cv.matrix.Refresh()
	cv.updateStatus()
	return true
}

// recordFocused records the status with index i of the scale on the
// rendering in focus, then moves the focus to the next rendering, or to the
// next group after the last one.
func (cv *caseView) recordFocused(i int) {
	scale := cv.ui.scale()
	r := cv.selected
	if r == nil || i < 0 || i >= len(scale) || cv.focus >= len(r.members) || r.members[cv.focus] == r.ref {
		return
	}
	cv.saveEdits()
	m := r.members[cv.focus]
	old := cv.verdicts[m.key]
	if !cv.record(m.key, scale[i], old.Note, old.Evidence) {
		return
	}
	for j := cv.focus + 1; j < len(r.members); j++ {
		if r.members[j] != r.ref {
			cv.setFocus(j)
			return
		}
	}
	if next := cv.selectedIndex() + 1; next < len(cv.shown) {
		cv.selectRow(next)
		return
	}
	cv.showDetail()
}

// fieldEntry is an entry that tells when the focus leaves it and, on
// Escape, gives the focus back to the window and hands the key on to it,
// which dismisses a dialog the entry is in.
type fieldEntry struct {
	widget.Entry
	onLeave func()
}

func newFieldEntry() *fieldEntry {
	e := &fieldEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// FocusLost calls onLeave.
func (e *fieldEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onLeave != nil {
		e.onLeave()
	}
}

// newMultiLineFieldEntry is newFieldEntry for text of several lines.
func newMultiLineFieldEntry() *fieldEntry {
	e := newFieldEntry()
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	return e
}

// TypedKey gives up the focus on Escape and hands the key on to the
// window.
func (e *fieldEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
			c.Unfocus()
			if typed := c.OnTypedKey(); typed != nil {
				typed(k)
			}
		}
		return
	}
	e.Entry.TypedKey(k)
}
