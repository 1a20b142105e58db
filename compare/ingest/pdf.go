package ingest

import (
	"bytes"
	"fmt"
	"math"
	"strings"

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
		if g.S == "" {
			continue
		}
		size := math.Max(g.FontSize, 1)
		if prev != nil {
			dy := math.Abs(prev.Y - g.Y)
			switch {
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
	return b.String()
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
