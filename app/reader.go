package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
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

// The styles of the reader: quotes and claims stand out from the text
// around them by colour and by weight or slant.
var (
	quoteStyle = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}
	claimStyle = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Italic: true}}
)

// readerSegments turns a report's body into rich text, one paragraph per
// line, with each quote and claim in marks highlighted.
func readerSegments(body string, marks []mark) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	add := func(s string, style widget.RichTextStyle) {
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
				add(body[cur:m.span.Start], widget.RichTextStyleInline)
			}
			stop := min(m.span.End, end)
			style := quoteStyle
			if m.row.kind == compare.KindClaim {
				style = claimStyle
			}
			add(body[m.span.Start:stop], style)
			cur = stop
		}
		add(strings.TrimRight(body[cur:end], "\n"), widget.RichTextStyleParagraph)
		pos = end
	}
	return segs
}

// openReader shows a report's full text in its own window with its quotes
// and claims highlighted, and lists them beside it: choosing one selects
// its group in the case window.
func (cv *caseView) openReader(r *compare.Report, at compare.Span) {
	marks := reportMarks(cv.rows, r.ID)
	rt := widget.NewRichText(readerSegments(r.Body, marks)...)
	rt.Wrapping = fyne.TextWrapWord
	head := widget.NewLabelWithStyle(r.Meta.Outlet+" — "+r.Meta.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	info := widget.NewLabel(strings.TrimSpace(r.Meta.Date + "  " + r.Meta.URL))
	info.Truncation = fyne.TextTruncateEllipsis
	list := widget.NewList(func() int { return len(marks) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			m := marks[i]
			glyph := "❝ "
			if m.row.kind == compare.KindClaim {
				glyph = "≡ "
			}
			o.(*widget.Label).SetText(glyph + r.Body[m.span.Start:m.span.End])
		})
	side := container.NewBorder(widget.NewLabel("Quotes and claims: choose one to review it"), nil, nil, nil, list)
	scroll := container.NewVScroll(rt)
	split := container.NewHSplit(scroll, side)
	split.Offset = 0.65
	w := cv.ui.app.NewWindow("Parallax — " + r.Meta.Outlet)
	w.SetContent(container.NewBorder(container.NewVBox(head, info, widget.NewSeparator()), nil, nil, nil, split))
	w.Resize(fyne.NewSize(960, 680))
	w.Show()
	if i := slices.IndexFunc(marks, func(m mark) bool { return m.span == at }); i >= 0 {
		list.Select(i)
		// Scroll near the rendering: its share of the text is about its
		// share of the height.
		frac := float32(at.Start) / float32(len(r.Body))
		scroll.Offset = fyne.NewPos(0, max(0, frac*rt.MinSize().Height-100))
		scroll.Refresh()
	}
	list.OnSelected = func(i widget.ListItemID) { cv.selectGroup(marks[i].row) }
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
