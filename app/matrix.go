package app

import (
	"image/color"
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parallax-review/parallax/compare"
)

// Matrix column widths: a report's column has room for a mark and its
// word ("absent" in bold, the widest); the first column has at least
// labelColumnWidth, and the width the report columns leave.
const (
	labelColumnWidth  = 196
	reportColumnWidth = 76
)

// cellState is what a matrix cell shows about one report and one group.
type cellState int

const (
	cellAbsent    cellState = iota // ○ the report does not carry it
	cellSame                       // ● as in the reference
	cellDifferent                  // ◉ with a difference; the word says which
	cellReference                  // ● "ref": the reference rendering
)

// shortFlag is a flag kind as a cell has room for it.
var shortFlag = map[compare.FlagKind]string{
	compare.FlagNumber:    "num",
	compare.FlagNegation:  "neg",
	compare.FlagSpeaker:   "who",
	compare.FlagDate:      "date",
	compare.FlagEntity:    "name",
	compare.FlagWording:   "words",
	compare.FlagEllipsis:  "…",
	compare.FlagTrimmed:   "trim",
	compare.FlagExtended:  "ext",
	compare.FlagPrecision: "prec",
	compare.FlagSpelling:  "spell",
	compare.FlagUnique:    "only",
}

// newMatrix returns the coverage table: a row per shown group, a sticky
// first column naming it, and a column per report.
func newMatrix(cv *caseView) *widget.Table {
	t := widget.NewTable(
		func() (int, int) { return len(cv.shown), 1 + len(cv.reports) },
		func() fyne.CanvasObject { return newMatrixCell() },
		cv.updateCell,
	)
	t.ShowHeaderRow = true
	t.StickyColumnCount = 1
	t.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Col == 0 {
			l.SetText("Quote or claim")
			return
		}
		r := cv.reports[id.Col-1]
		name := strings.TrimPrefix(r.Meta.Outlet, "The ")
		if r.Reference {
			name = "★ " + name
		}
		l.SetText(twoLines(name))
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row < 0 {
			return
		}
		cv.selectRow(id.Row)
		if id.Col > 0 && cv.selected != nil {
			if i := slices.IndexFunc(cv.selected.members, func(m *member) bool { return m.report == cv.reports[id.Col-1] }); i >= 0 {
				cv.setFocus(i)
			}
		}
		t.UnselectAll()
		// The keys of the review (j, k, 1–7…) belong to the window, not
		// to the table's own cell navigation.
		if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil {
			c.Unfocus()
		}
	}
	return t
}

// twoLines breaks a name at the space nearest its middle.
func twoLines(s string) string {
	best := -1
	for i, r := range s {
		if r == ' ' && (best < 0 || abs(len(s)/2-i) < abs(len(s)/2-best)) {
			best = i
		}
	}
	if best < 0 {
		return s
	}
	return s[:best] + "\n" + s[best+1:]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// sizeColumns sets the height of the matrix's header and the width of its
// first column; a report's column has the cells' width. (Setting each
// column's width would redraw the table once per report.)
func (cv *caseView) sizeColumns() {
	// The header has two lines, so that an outlet's name fits a narrow
	// column.
	cv.matrix.SetRowHeight(-1, widget.NewLabel("Outlet\nname").MinSize().Height)
	cv.sizeLabelColumn()
}

// sizeLabelColumn gives the matrix's first column the width its report
// columns leave, at least labelColumnWidth: the more room, the more of a
// group's opening words show.
func (cv *caseView) sizeLabelColumn() {
	// The table puts a padding between columns.
	pad := cv.matrix.Theme().Size(theme.SizeNamePadding)
	spare := cv.matrix.Size().Width - float32(len(cv.reports))*(reportColumnWidth+pad)
	// A pixel less, so that rounding shows no horizontal scroll bar.
	w := max(labelColumnWidth, float32(math.Floor(float64(spare)))-1)
	if w != cv.labelWidth {
		cv.labelWidth = w
		cv.matrix.SetColumnWidth(0, w)
	}
}

// matrixLayout lays the matrix out over its whole place and sizes its
// first column to the width it gets.
type matrixLayout struct{ cv *caseView }

func (l matrixLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	l.cv.sizeLabelColumn()
}

// MinSize is the table's height and the first column's least width: the
// table's own minimum width counts the width its first column was given,
// which would keep the matrix from narrowing again.
func (l matrixLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(labelColumnWidth, objects[0].MinSize().Height)
}

// rowLabel is what the first column says of a row: a mark of its kind,
// who said it unless its opening words name them ("Deputy Mayor Tom Reyes
// said …", "Marsh said …"), and the opening words.
func rowLabel(r *row) string {
	text := "❝ "
	if r.kind == compare.KindClaim {
		text = "≡ "
	}
	if names := strings.Fields(r.speaker); len(names) > 0 && !strings.Contains(r.opening, names[len(names)-1]) {
		text += r.speaker + ": "
	}
	return text + r.opening
}

// updateCell fills a matrix cell.
func (cv *caseView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*matrixCell)
	if id.Row >= len(cv.shown) {
		return
	}
	r := cv.shown[id.Row]
	if id.Col == 0 {
		c.focused = false
		text := rowLabel(r)
		if reviewed(r, cv.verdicts) {
			text = "✓ " + text
		}
		c.setText(text, r == cv.selected)
		return
	}
	report := cv.reports[id.Col-1]
	m := r.byReport[report.ID]
	sel := r == cv.selected
	// The rendering the verdict keys apply to is outlined.
	c.focused = sel && m != nil && cv.focus < len(r.members) && r.members[cv.focus] == m
	switch {
	case m == nil:
		c.setMark("absent", 0, cellAbsent, sel, false)
	case m == r.ref:
		c.setMark("ref", 0, cellReference, sel, false)
	default:
		_, judged := cv.verdicts[m.key]
		switch f, ok := m.topFlag(); {
		case ok:
			c.setMark(shortFlag[f.Kind], f.Kind.Severity(), cellDifferent, sel, judged)
		case r.kind == compare.KindClaim:
			// Claims are told in each outlet's own words: no flag means
			// the facts agree, not that the words are the same.
			c.setMark("agrees", 0, cellSame, sel, judged)
		default:
			c.setMark("same", 0, cellSame, sel, judged)
		}
	}
}

// matrixCell is one cell of the matrix: in the first column a label
// naming the group; in a report's column a mark whose shape says present,
// different or absent and whose colour says how much it matters, and a
// word naming the difference. A rendering with a verdict has a check in
// the mark's colour instead of the mark; the rendering in focus is
// outlined.
type matrixCell struct {
	widget.BaseWidget
	bg      *canvas.Rectangle
	mark    *canvas.Circle
	inner   *canvas.Circle
	check   *canvas.Text
	word    *canvas.Text
	label   *widget.Label
	text    bool
	focused bool
}

func newMatrixCell() *matrixCell {
	c := &matrixCell{
		bg:    canvas.NewRectangle(color.Transparent),
		mark:  canvas.NewCircle(color.Transparent),
		inner: canvas.NewCircle(color.Transparent),
		check: canvas.NewText("✓", color.Black),
		word:  canvas.NewText("", color.Black),
		label: widget.NewLabel(""),
	}
	c.label.Truncation = fyne.TextTruncateEllipsis
	c.check.TextStyle.Bold = true
	c.ExtendBaseWidget(c)
	return c
}

// setText shows a group's name in the first column.
func (c *matrixCell) setText(text string, selected bool) {
	c.text = true
	c.setBackground(selected)
	c.label.Text = text
	c.Refresh()
}

// setMark shows how one report renders a group: its state, the word for
// it, for a difference the severity of its most significant flag, and
// whether the rendering has a verdict.
func (c *matrixCell) setMark(word string, severity int, state cellState, selected, judged bool) {
	th := c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	c.text = false
	c.setBackground(selected)
	c.word.Text = word
	c.word.TextSize = th.Size(theme.SizeNameText)
	c.word.Color = th.Color(theme.ColorNameForeground, v)
	c.word.TextStyle.Bold = false
	c.mark.StrokeWidth = 2
	c.inner.FillColor = color.Transparent
	// The quiet words step back, but not on the selection's background,
	// where the muted colour would be hard to read.
	quiet := th.Color(ColorNameMuted, v)
	if selected {
		quiet = th.Color(theme.ColorNameForeground, v)
	}
	switch state {
	case cellAbsent:
		c.mark.FillColor = color.Transparent
		c.mark.StrokeColor = th.Color(ColorNameMuted, v)
		c.word.Color = quiet
	case cellSame:
		c.mark.FillColor = th.Color(ColorNameSame, v)
		c.mark.StrokeColor = c.mark.FillColor
	case cellReference:
		c.mark.FillColor = th.Color(theme.ColorNameForeground, v)
		c.mark.StrokeColor = c.mark.FillColor
		c.word.Color = quiet
	case cellDifferent:
		col := th.Color(severityColor(severity), v)
		c.mark.FillColor = th.Color(theme.ColorNameBackground, v)
		c.mark.StrokeColor = col
		c.inner.FillColor = col
		c.word.TextStyle.Bold = severity >= 8
	}
	c.check.TextSize = th.Size(theme.SizeNameText)
	c.check.Color = c.mark.StrokeColor
	c.check.Hidden = !judged
	c.mark.Hidden = judged
	c.inner.Hidden = judged || state != cellDifferent
	c.Refresh()
}

// setBackground fills the cell with the selection's colour when its row
// is selected, and outlines it when it is in focus.
func (c *matrixCell) setBackground(selected bool) {
	v := fyne.CurrentApp().Settings().ThemeVariant()
	c.bg.FillColor = color.Transparent
	if selected {
		c.bg.FillColor = c.Theme().Color(theme.ColorNameSelection, v)
	}
	c.bg.StrokeWidth = 0
	if c.focused {
		c.bg.StrokeWidth = 2
		c.bg.StrokeColor = c.Theme().Color(ColorNameFocusRing, v)
	}
}

// CreateRenderer lays the mark out left of its word.
func (c *matrixCell) CreateRenderer() fyne.WidgetRenderer {
	return &matrixCellRenderer{c: c}
}

type matrixCellRenderer struct {
	c *matrixCell
}

const markSize = 12

func (r *matrixCellRenderer) Layout(size fyne.Size) {
	c := r.c
	c.bg.Resize(size)
	if c.text {
		c.label.Move(fyne.NewPos(0, 0))
		c.label.Resize(size)
		return
	}
	pad := c.Theme().Size(theme.SizeNamePadding)
	y := (size.Height - markSize) / 2
	c.mark.Move(fyne.NewPos(pad*2, y))
	c.mark.Resize(fyne.NewSize(markSize, markSize))
	// A different rendering is a ring with a dot in the colour.
	c.inner.Move(fyne.NewPos(pad*2+markSize/4, y+markSize/4))
	c.inner.Resize(fyne.NewSize(markSize/2, markSize/2))
	cs := c.check.MinSize()
	c.check.Move(fyne.NewPos(pad*2+(markSize-cs.Width)/2, (size.Height-cs.Height)/2))
	c.check.Resize(cs)
	ws := c.word.MinSize()
	c.word.Move(fyne.NewPos(pad*3+markSize, (size.Height-ws.Height)/2))
	c.word.Resize(ws)
}

func (r *matrixCellRenderer) MinSize() fyne.Size {
	return fyne.NewSize(reportColumnWidth, r.c.label.MinSize().Height)
}

func (r *matrixCellRenderer) Refresh() {
	r.Layout(r.c.Size())
	for _, o := range r.Objects() {
		o.Refresh()
	}
}

// Objects are the label in the first column, else the mark or the check,
// and the word.
func (r *matrixCellRenderer) Objects() []fyne.CanvasObject {
	if r.c.text {
		return []fyne.CanvasObject{r.c.bg, r.c.label}
	}
	return []fyne.CanvasObject{r.c.bg, r.c.mark, r.c.inner, r.c.check, r.c.word}
}

func (r *matrixCellRenderer) Destroy() {}

// filterBar holds the matrix's filters and sort order.
func (cv *caseView) filterBar() fyne.CanvasObject {
	cv.kindSel = widget.NewSelect([]string{"Quotes and claims", "Quotes", "Claims"}, func(s string) {
		switch s {
		case "Quotes":
			cv.filter.kind = compare.KindQuote
		case "Claims":
			cv.filter.kind = compare.KindClaim
		default:
			cv.filter.kind = ""
		}
		cv.applyFilter()
	})
	cv.kindSel.Selected = cv.kindSel.Options[0]
	// A select is as wide as its placeholder: this one is as wide as the
	// option it starts on, which would show cut short otherwise.
	cv.kindSel.PlaceHolder = cv.kindSel.Options[0]
	cv.withDiffCheck = widget.NewCheck("With differences", func(b bool) { cv.filter.withDiff = b; cv.applyFilter() })
	cv.unreviewedCheck = widget.NewCheck("Not yet reviewed", func(b bool) { cv.filter.unreviewed = b; cv.applyFilter() })
	sort := widget.NewSelect([]string{"Order of appearance", "Significance"}, func(s string) {
		cv.filter.bySignificance = s == "Significance"
		cv.applyFilter()
	})
	sort.Selected = sort.Options[0]
	cv.speakerSel = widget.NewSelect(nil, func(s string) {
		cv.filter.speaker = s
		if s == anySpeaker {
			cv.filter.speaker = ""
		}
		cv.applyFilter()
	})
	cv.speakerSel.PlaceHolder = anySpeaker
	cv.outletSel = widget.NewSelect(nil, func(s string) {
		cv.filter.report = ""
		for _, r := range cv.reports {
			if r.Meta.Outlet == s {
				cv.filter.report = r.ID
			}
		}
		cv.applyFilter()
	})
	cv.outletSel.PlaceHolder = anyOutlet
	return container.NewVBox(
		container.NewHBox(cv.kindSel, cv.withDiffCheck, cv.unreviewedCheck),
		container.NewGridWithColumns(3, cv.speakerSel, cv.outletSel, sort),
	)
}

// resetFilters clears every filter but keeps the sort order.
func (cv *caseView) resetFilters() {
	cv.kindSel.SetSelectedIndex(0)
	cv.withDiffCheck.SetChecked(false)
	cv.unreviewedCheck.SetChecked(false)
	cv.speakerSel.SetSelected(anySpeaker)
	cv.outletSel.SetSelected(anyOutlet)
	cv.search.SetText("")
}

// The first option of the speaker and outlet filters.
const (
	anySpeaker = "Any speaker"
	anyOutlet  = "Any outlet"
)

// updateChoices refreshes the speaker and outlet filters' options after an
// analysis.
func (cv *caseView) updateChoices() {
	cv.speakerSel.SetOptions(append([]string{anySpeaker}, speakers(cv.rows)...))
	outlets := []string{anyOutlet}
	for _, r := range cv.reports {
		outlets = append(outlets, r.Meta.Outlet)
	}
	cv.outletSel.SetOptions(outlets)
}
