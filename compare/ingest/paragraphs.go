package ingest

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"github.com/sergi/go-diff/diffmatchpatch"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// gap is what separates two neighbouring letters of a text (two runes
// that are not white space).
type gap int8

// The gaps, from the weakest: a stronger one wins where several meet.
const (
	gapUnknown gap = iota - 1 // the content tree does not hold the pair
	gapNone                   // the letters touch
	gapSpace                  // white space
	gapBreak                  // a paragraph ends between them
)

// letters is a text as the runes that are not white space, each with the
// gap before it (that of the first rune is meaningless).
type letters struct {
	runes []rune
	gaps  []gap
}

// add appends r with the gap g before it.
func (l *letters) add(r rune, g gap) {
	l.runes = append(l.runes, r)
	l.gaps = append(l.gaps, g)
}

// textLetters reads a plain text: white space is a space, nothing else
// separates.
func textLetters(s string) letters {
	var l letters
	g := gapNone
	for _, r := range s {
		if unicode.IsSpace(r) {
			g = gapSpace
			continue
		}
		l.add(r, g)
		g = gapNone
	}
	return l
}

// cellElements are table cells: separated by a space, not a paragraph.
var cellElements = map[atom.Atom]bool{atom.Td: true, atom.Th: true}

// treeLetters reads the extractor's content tree as a reader sees it:
// text nodes run on into each other and into inline elements (links,
// emphasis) without a space, white space in them is a space, table cells
// are parted by a space, and block elements (blockElements: paragraphs,
// headings, list items, quotations, line breaks…) end a paragraph. It
// walks the tree without recursion, so deep nesting costs no stack.
func treeLetters(root *html.Node) letters {
	var l letters
	pending := gapNone
	mark := func(g gap) { pending = max(pending, g) }
	edge := func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		// The extractor renames elements without updating DataAtom.
		if a := atom.Lookup([]byte(n.Data)); blockElements[a] {
			mark(gapBreak)
		} else if cellElements[a] {
			mark(gapSpace)
		}
	}
	for n := root; n != nil; {
		edge(n)
		if n.Type == html.TextNode {
			for _, r := range n.Data {
				if unicode.IsSpace(r) {
					mark(gapSpace)
					continue
				}
				l.add(r, pending)
				pending = gapNone
			}
		}
		if n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for ; n != nil; n = n.Parent {
			edge(n)
			if n == root {
				n = nil
				break
			}
			if n.NextSibling != nil {
				n = n.NextSibling
				break
			}
		}
	}
	return l
}

// alignTimeout bounds the alignment of a text with a content tree that
// does not hold exactly its letters.
const alignTimeout = time.Second

// treeGaps gives, for each letter of text, the gap before it in tree:
// gapUnknown where tree does not hold that letter beside its predecessor.
func treeGaps(text, tree letters) []gap {
	out := make([]gap, len(text.runes))
	if slices.Equal(text.runes, tree.runes) {
		copy(out, tree.gaps)
		return out
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = alignTimeout
	i, j := 0, 0
	carry := gapUnknown // the strongest gap inside tree's letters that text lacks
	for _, d := range dmp.DiffMainRunes(text.runes, tree.runes, false) {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			out[i] = max(tree.gaps[j], carry)
			for k := 1; k < n; k++ {
				out[i+k] = tree.gaps[j+k]
			}
			i, j, carry = i+n, j+n, gapUnknown
		case diffmatchpatch.DiffDelete:
			for k := range n {
				out[i+k] = gapUnknown
			}
			i += n
		case diffmatchpatch.DiffInsert:
			for k := range n {
				carry = max(carry, tree.gaps[j+k])
			}
			j += n
		}
	}
	return out
}

// closing tells whether r is punctuation written against what precedes
// it: a comma, a full stop, a closing bracket or quotation mark…
func closing(r rune) bool {
	return strings.ContainsRune(",.;:!?…%", r) || unicode.In(r, unicode.Pe, unicode.Pf)
}

// opening tells whether r is punctuation written against what follows
// it: an opening bracket or quotation mark.
func opening(r rune) bool {
	return unicode.In(r, unicode.Ps, unicode.Pi)
}

// articleText returns the text the extractor found in the page doc, one
// paragraph a line with a blank line between paragraphs.
func articleText(doc *html.Node, res *trafilatura.ExtractResult) string {
	body := articleParagraphs(res.ContentText, res.ContentNode)
	// When the extractor falls back on the text of the page's <article>,
	// its content tree is that text as one paragraph: the blocks are in
	// the <article> itself.
	if !strings.Contains(body, "\n") {
		if a := findElement(doc, atom.Article); a != nil {
			body = articleParagraphs(res.ContentText, a)
		}
	}
	return body
}

// articleParagraphs cuts the extractor's text into the paragraphs of its
// content tree, one a line with a blank line between them.
//
// The extractor's text runs the whole article on one line and puts a
// space wherever an element starts or ends, even before punctuation
// ("<em>no</em>." gives "no .") or inside a word ("<b>T</b>he" gives
// "T he"); when it falls back on the text of a whole element, it runs
// blocks together without a space ("end.</p><p>Next" gives "end.Next").
// The letters stay exactly the extractor's, and so do its words but
// where a block ends inside one: only the white space between letters
// changes, and a block that holds only invisible characters (a zero-width
// space) makes no paragraph. A paragraph break comes where a block of the
// tree ends. A space goes where the tree has none and it stands before
// closing or after opening punctuation. Any other space stays, as the
// tree, which the extractor cleans after taking its text, has lost white
// space the page had.
func articleParagraphs(text string, tree *html.Node) string {
	if tree == nil {
		return text
	}
	tl := textLetters(text)
	gaps := treeGaps(tl, treeLetters(tree))
	var b strings.Builder
	for i, r := range tl.runes {
		if i > 0 {
			b.WriteString(separator(tl.gaps[i], gaps[i], tl.runes[i-1], r))
		}
		b.WriteRune(r)
	}
	paras := slices.DeleteFunc(strings.Split(b.String(), "\n\n"), invisible)
	return strings.Join(paras, "\n\n")
}

// invisible tells whether s holds only format characters (zero-width
// spaces and joiners, byte order marks…), which show nothing.
func invisible(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !unicode.Is(unicode.Cf, r) }) < 0
}

// separator chooses what parts the letters prev and next, which the
// extractor's text parts by text (gapNone or gapSpace) and its content
// tree by tree.
func separator(text, tree gap, prev, next rune) string {
	switch {
	case tree == gapBreak:
		return "\n\n"
	case text == gapNone, tree == gapNone && (closing(next) || opening(prev)):
		return ""
	}
	return " "
}
