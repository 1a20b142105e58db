package ingest

import (
	"testing"

	"github.com/ledongthuc/pdf"
)

// glyphs lays out s one glyph per character from (x, y), advancing by dx
// and dy, at the given font size.
func glyphs(s string, x, y, dx, dy, size float64) []pdf.Text {
	var out []pdf.Text
	for _, r := range s {
		out = append(out, pdf.Text{S: string(r), X: x, Y: y, W: dx, FontSize: size})
		x, y = x+dx, y+dy
	}
	return out
}

func TestPageText(t *testing.T) {
	join := func(parts ...[]pdf.Text) []pdf.Text {
		var out []pdf.Text
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	tests := []struct {
		name   string
		glyphs []pdf.Text
		want   string
	}{
		{"lines of a paragraph join", join(glyphs("one two", 72, 700, 6, 0, 12), glyphs("three", 72, 686, 6, 0, 12)), "one two three"},
		{"a wider gap ends the paragraph", join(glyphs("one", 72, 700, 6, 0, 12), glyphs("two", 72, 686, 6, 0, 12), glyphs("three", 72, 650, 6, 0, 12)), "one two\nthree"},
		{"a gap between glyphs is a space", join(glyphs("one", 72, 700, 6, 0, 12), glyphs("two", 120, 700, 6, 0, 12)), "one two"},
		{"a hyphen at a line end joins", join(glyphs("well-", 72, 700, 6, 0, 12), glyphs("known", 72, 686, 6, 0, 12)), "well-known"},
		{"line-end glyphs and unmapped ones are spaces", join(glyphs("one\n", 72, 700, 6, 0, 12), glyphs("\ufffdtwo", 102, 700, 6, 0, 12)), "one two"},
		{"rotated text reads along its axis", join(glyphs("Side", 50, 60, 0, 13, 0), glyphs("Body text", 72, 700, 6, 0, 12)), "Side\nBody text"},
		{"glyphs without widths", join(glyphs("to traffic", 72, 720, 0, 0, 12), glyphs("on Monday", 72, 706, 0, 0, 12)), "to traffic on Monday"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pageText(tt.glyphs); got != tt.want {
				t.Errorf("pageText = %q, want %q", got, tt.want)
			}
		})
	}
}
