package app

import (
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parallax-review/parallax/compare"
)

// DiffText shows a word-level diff as one wrapped paragraph: words only in
// the reference are struck through in the deletion colour, words only in
// the rendering are bold on the insertion background. The marks do not
// depend on colour alone, so they read in light and dark themes and for
// readers who do not tell red from green.
type DiffText struct {
	widget.BaseWidget
	edits []compare.Edit
}

// NewDiffText returns a DiffText showing edits.
func NewDiffText(edits []compare.Edit) *DiffText {
	d := &DiffText{edits: edits}
	d.ExtendBaseWidget(d)
	return d
}

// Resize lays the words out again for the new width, which can change the
// height the widget needs.
func (d *DiffText) Resize(size fyne.Size) {
	if size == d.Size() {
		return
	}
	widthChanged := size.Width != d.Size().Width
	d.BaseWidget.Resize(size)
	if widthChanged {
		d.Refresh()
	}
}

// CreateRenderer builds the renderer that lays out the words.
func (d *DiffText) CreateRenderer() fyne.WidgetRenderer {
	r := &diffRenderer{d: d}
	r.rebuild()
	return r
}

// piece is a run of text of one edit without spaces; chunk is a run of
// pieces between spaces, which a line break may not split.
type piece struct {
	op     compare.Op
	text   *canvas.Text
	strike *canvas.Line
	bg     *canvas.Rectangle
}

type chunk []*piece

type diffRenderer struct {
	d       *DiffText
	chunks  []chunk
	widths  []float32 // each chunk's width
	objects []fyne.CanvasObject
	// space and lineHeight are the text's measures; measuredWidth and
	// measuredHeight remember the last height flow found.
	space, lineHeight             float32
	measuredWidth, measuredHeight float32
}

// splitEdits cuts edits into chunks: the words between spaces, each made of
// one piece per edit it touches.
func splitEdits(edits []compare.Edit) [][]compare.Edit {
	var chunks [][]compare.Edit
	var cur []compare.Edit
	flush := func() {
		if len(cur) > 0 {
			chunks = append(chunks, cur)
			cur = nil
		}
	}
	for _, e := range edits {
		start := -1
		for i, r := range e.Text {
			if unicode.IsSpace(r) {
				if start >= 0 {
					cur = append(cur, compare.Edit{Op: e.Op, Text: e.Text[start:i]})
					start = -1
				}
				flush()
			} else if start < 0 {
				start = i
			}
		}
		if start >= 0 {
			cur = append(cur, compare.Edit{Op: e.Op, Text: e.Text[start:]})
		}
	}
	flush()
	return chunks
}

func (r *diffRenderer) rebuild() {
	th := r.d.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	size := th.Size(theme.SizeNameText)
	r.chunks = r.chunks[:0]
	r.widths = r.widths[:0]
	r.objects = r.objects[:0]
	// A pixel more than a space: glyphs rasterised on whole pixels can
	// otherwise all but close the gap between two words.
	r.space = fyne.MeasureText(" ", size, fyne.TextStyle{}).Width + 1
	r.lineHeight = fyne.MeasureText("Mg", size, fyne.TextStyle{}).Height
	r.measuredWidth = -1
	for _, c := range splitEdits(r.d.edits) {
		ch := make(chunk, 0, len(c))
		width := float32(0)
		for _, e := range c {
			p := &piece{op: e.Op, text: canvas.NewText(e.Text, th.Color(theme.ColorNameForeground, v))}
			p.text.TextSize = size
			switch e.Op {
			case compare.OpDelete:
				p.text.Color = th.Color(ColorNameDeleted, v)
				p.strike = canvas.NewLine(p.text.Color)
				p.strike.StrokeWidth = 1.5
			case compare.OpInsert:
				p.text.Color = th.Color(ColorNameInserted, v)
				p.text.TextStyle.Bold = true
				p.bg = canvas.NewRectangle(th.Color(ColorNameInsertedBackground, v))
				p.bg.CornerRadius = 2
				r.objects = append(r.objects, p.bg)
			}
			r.objects = append(r.objects, p.text)
			if p.strike != nil {
				r.objects = append(r.objects, p.strike)
			}
			ch = append(ch, p)
			width += p.text.MinSize().Width
		}
		r.chunks = append(r.chunks, ch)
		r.widths = append(r.widths, width)
	}
}

// flow places the chunks in lines no wider than width (a chunk wider than
// the line gets a line of its own) and returns the height used. With place
// false it only measures.
func (r *diffRenderer) flow(width float32, place bool) float32 {
	if !place && width == r.measuredWidth {
		return r.measuredHeight
	}
	space, lineHeight := r.space, r.lineHeight
	x, y := float32(0), float32(0)
	for i, ch := range r.chunks {
		w := r.widths[i]
		if x > 0 && x+space+w > width {
			x, y = 0, y+lineHeight
		} else if x > 0 {
			x += space
		}
		if place {
			px := x
			for _, p := range ch {
				ps := p.text.MinSize()
				p.text.Move(fyne.NewPos(px, y))
				p.text.Resize(ps)
				if p.strike != nil {
					mid := y + ps.Height/2
					p.strike.Position1 = fyne.NewPos(px, mid)
					p.strike.Position2 = fyne.NewPos(px+ps.Width, mid)
				}
				if p.bg != nil {
					p.bg.Move(fyne.NewPos(px-1, y))
					p.bg.Resize(fyne.NewSize(ps.Width+2, ps.Height))
				}
				px += ps.Width
			}
		}
		x += w
	}
	h := float32(0)
	if len(r.chunks) > 0 {
		h = y + lineHeight
	}
	r.measuredWidth, r.measuredHeight = width, h
	return h
}

func (r *diffRenderer) Layout(size fyne.Size) { r.flow(size.Width, true) }

// MinSize is as wide as the widest word and as tall as the text wrapped to
// the current width.
func (r *diffRenderer) MinSize() fyne.Size {
	widest := float32(0)
	for _, w := range r.widths {
		widest = max(widest, w)
	}
	width := max(r.d.Size().Width, widest)
	return fyne.NewSize(widest, r.flow(width, false))
}

func (r *diffRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.d.Size())
	canvas.Refresh(r.d)
}

func (r *diffRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *diffRenderer) Destroy() {}
