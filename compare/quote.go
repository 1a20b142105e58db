package compare

import (
	"strings"
	"unicode/utf8"
)

// findQuotes finds the direct quotes of a document, with their speakers.
func findQuotes(d *document) []Quote {
	var quotes []Quote
	for pi, p := range d.paragraphs {
		for _, s := range quoteSpans(d.report.Body, p.Span) {
			text := d.text(s)
			if strings.TrimSpace(text) == "" {
				continue
			}
			quotes = append(quotes, Quote{Report: d.report.ID, Text: text, Span: s, Paragraph: pi})
		}
	}
	attributeSpeakers(d, quotes)
	return quotes
}

// quoteSpans pairs double quotation marks within paragraph p and returns the
// spans between them, marks excluded.
func quoteSpans(body string, p Span) []Span {
	var out []Span
	open := -1
	for i := p.Start; i < p.End; {
		r, n := utf8.DecodeRuneInString(body[i:])
		switch r {
		case '“', '„', '«':
			open = i + n
		case '”', '»':
			if open >= 0 {
				out = append(out, Span{open, i})
				open = -1
			}
		case '"':
			if open >= 0 {
				out = append(out, Span{open, i})
				open = -1
			} else {
				open = i + n
			}
		}
		i += n
	}
	return out
}
