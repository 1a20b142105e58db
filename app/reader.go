package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/parallax-review/parallax/compare"
)

// mark is a quote or claim of a report as the reader shows it: its span
// and the row of its group.
type mark struct {
	span compare.Span
	row  *row
}

// reportMarks returns a report's quotes and claims that belong to a group,
// in order, without overlaps (the first wins).
func reportMarks(rows []*row, reportID string) []mark {
	var marks []mark
	for _, r := range rows {
		for _, m := range r.members {
			if m.report.ID == reportID {
				marks = append(marks, mark{m.span, r})
			}
		}
	}
	slices.SortFunc(marks, func(a, b mark) int { return a.span.Start - b.span.Start })
	out := marks[:0]
	end := 0
	for _, m := range marks {
		if m.span.Start >= end {
			out = append(out, m)
			end = m.span.End
		}
	}
	return out
}

// readerSegments turns a report's body into rich text: one paragraph per
// line, with each quote and claim a link that selects its group.
func readerSegments(body string, marks []mark, open func(*row)) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	text := func(s string, last bool) {
		style := widget.RichTextStyleInline
		if last {
			style = widget.RichTextStyleParagraph
		}
		segs = append(segs, &widget.TextSegment{Text: s, Style: style})
	}
	pos := 0
	for _, para := range strings.SplitAfter(body, "\n") {
		end := pos + len(para)
		cur := pos
		for len(marks) > 0 && marks[0].span.Start < end {
			m := marks[0]
			marks = marks[1:]
			if m.span.Start < cur {
				continue
			}
			if m.span.Start > cur {
				text(body[cur:m.span.Start], false)
			}
			stop := min(m.span.End, end)
			r := m.row
			segs = append(segs, &widget.HyperlinkSegment{Text: body[m.span.Start:stop], OnTapped: func() { open(r) }})
			cur = stop
		}
		text(strings.TrimRight(body[cur:end], "\n"), true)
		pos = end
	}
	return segs
}

// openReader shows a report's full text in its own window with its quotes
// and claims as links: choosing one selects its group in the case window.
func (cv *caseView) openReader(r *compare.Report, at compare.Span) {
	rt := widget.NewRichText(readerSegments(r.Body, reportMarks(cv.rows, r.ID), cv.selectGroup)...)
	rt.Wrapping = fyne.TextWrapWord
	head := widget.NewLabelWithStyle(r.Meta.Outlet+" — "+r.Meta.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	info := widget.NewLabel(strings.TrimSpace(r.Meta.Date + "  " + r.Meta.URL + "\nQuotes and claims are links: choose one to review it."))
	scroll := container.NewVScroll(rt)
	w := cv.ui.app.NewWindow("Parallax — " + r.Meta.Outlet)
	w.SetContent(container.NewBorder(container.NewVBox(head, info, widget.NewSeparator()), nil, nil, nil, scroll))
	w.Resize(fyne.NewSize(720, 640))
	w.Show()
	if at.End > 0 && len(r.Body) > 0 {
		// Scroll near the rendering: its share of the text is about its
		// share of the height.
		frac := float32(at.Start) / float32(len(r.Body))
		scroll.Offset = fyne.NewPos(0, max(0, frac*rt.MinSize().Height-100))
		scroll.Refresh()
	}
}

// selectGroup selects the row r in the matrix, clearing filters that hide it.
func (cv *caseView) selectGroup(r *row) {
	i := slices.Index(cv.shown, r)
	if i < 0 {
		cv.resetFilters()
		i = slices.Index(cv.shown, r)
	}
	cv.selectRow(i)
	cv.ui.win.RequestFocus()
}
