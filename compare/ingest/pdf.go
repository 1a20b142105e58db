package ingest

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"

	"github.com/parallax-review/parallax/compare"
)

// Bounds on the page tree of one PDF, which a malformed file can make
// cyclic: pages read, tree nodes visited, and the depth of the tree and
// of a page's chain of parents.
const (
	maxPDFPages = 2000
	maxPDFNodes = 10000
	maxPDFDepth = 64
)

// parsePDF reads a PDF's text, page by page, and its document
// information (title, author, creation date). A PDF whose pages hold no
// text (a scan) is refused: Parallax does no character recognition.
func parsePDF(data []byte) (meta compare.Meta, body string, err error) {
	// The PDF reader signals some malformations by panicking.
	defer func() {
		if p := recover(); p != nil {
			meta, body, err = compare.Meta{}, "", fmt.Errorf("malformed PDF: %v", p)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return compare.Meta{}, "", fmt.Errorf("malformed PDF: %w", err)
	}
	info := r.Trailer().Key("Info")
	meta = compare.Meta{
		Title:  info.Key("Title").Text(),
		Author: info.Key("Author").Text(),
		Date:   pdfDate(info.Key("CreationDate").Text()),
	}
	w := pageWalker{budget: maxPDFNodes}
	w.walk(r.Trailer().Key("Root").Key("Pages"), 0)
	var b strings.Builder
	for _, p := range w.pages {
		if b.Len() > compare.MaxReportSize {
			break
		}
		b.WriteString(pageText(p.Content().Text))
		b.WriteByte('\n')
	}
	if strings.TrimSpace(b.String()) == "" {
		return meta, "", fmt.Errorf("%w: the PDF has no text layer (a scan?)", ErrNoArticle)
	}
	return meta, b.String(), nil
}

// pageWalker gathers the pages of a PDF's page tree in order, within the
// bounds, where the reader's own lookup would loop on a cyclic tree.
type pageWalker struct {
	pages  []pdf.Page
	budget int // tree nodes that may still be visited
}

func (w *pageWalker) walk(node pdf.Value, depth int) {
	w.budget--
	if w.budget < 0 || depth > maxPDFDepth || len(w.pages) >= maxPDFPages {
		return
	}
	switch node.Key("Type").Name() {
	case "Page":
		if parentsEnd(node) {
			w.pages = append(w.pages, pdf.Page{V: node})
		}
	case "Pages":
		kids := node.Key("Kids")
		for i := range kids.Len() {
			w.walk(kids.Index(i), depth+1)
		}
	}
}

// parentsEnd tells whether a page's chain of parents, which the reader
// follows to find inherited resources, ends.
func parentsEnd(page pdf.Value) bool {
	v := page
	for range maxPDFDepth {
		if v = v.Key("Parent"); v.IsNull() {
			return true
		}
	}
	return false
}

// pageText lays a page's glyphs out as text, in the order the page draws
// them: a space where a gap separates two glyphs on a line, a new line
// where the baseline moves, and a blank line where a larger gap between
// lines ends a paragraph. Lines of one paragraph are joined.
func pageText(glyphs []pdf.Text) string {
	var b strings.Builder
	var prev *pdf.Text
	lineGap := 0.0 // the usual distance between the baselines of a paragraph
	for i := range glyphs {
		g := &glyphs[i]
		// Some writers draw line ends and tabs as glyphs, and glyphs the
		// font cannot map decode to U+FFFD: both are spacing at most.
		g.S = strings.Map(func(r rune) rune {
			if unicode.IsControl(r) || r == utf8.RuneError {
				return ' '
			}
			return r
		}, g.S)
		if g.S == "" {
			continue
		}
		// The reader gives rotated text no size.
		rotated := g.FontSize == 0
		size := g.FontSize
		if rotated {
			size = 12
		}
		if prev != nil {
			dy := math.Abs(prev.Y - g.Y)
			switch {
			case rotated && prev.FontSize == 0 && math.Abs(g.X-prev.X) < size*0.3 && dy < size*1.2:
				// Rotated text, drawn a glyph at a time along the Y axis.
			case dy > size/2: // a new line
				if lineGap > 0 && dy > 1.5*lineGap || prev.Y < g.Y {
					b.WriteString("\n")
				} else if !strings.HasSuffix(prev.S, "-") {
					b.WriteByte(' ')
				}
				if lineGap == 0 || dy < lineGap {
					lineGap = dy
				}
			case g.X-(prev.X+prev.W) > size*0.15 && !strings.HasSuffix(prev.S, " ") && !strings.HasPrefix(g.S, " "):
				b.WriteByte(' ')
			}
		}
		b.WriteString(g.S)
		prev = g
	}
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = oneLine(l)
	}
	return strings.Join(lines, "\n")
}

// pdfDate reads a PDF date ("D:20240501093000+02'00'") as "2024-05-01".
func pdfDate(s string) string {
	s = strings.TrimPrefix(s, "D:")
	if len(s) < 8 {
		return ""
	}
	for _, c := range s[:8] {
		if c < '0' || c > '9' {
			return ""
		}
	}
	return s[:4] + "-" + s[4:6] + "-" + s[6:8]
}
