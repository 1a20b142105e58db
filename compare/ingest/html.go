package ingest

import (
	"bytes"
	"cmp"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/parallax-review/parallax/compare"
)

// htmlOptions configure the article extractor: main text without reader
// comments, the publication date from the page's markup and metadata
// only (no slow free-text date parsing, which go.mod leaves out: see
// third_party/go-dateparser).
var htmlOptions = trafilatura.Options{
	ExcludeComments: true,
	HtmlDateMode:    trafilatura.Fast,
}

// parseHTML extracts a saved page's article text and metadata.
func parseHTML(data []byte) (compare.Meta, string, error) {
	doc, err := html.Parse(bytes.NewReader(htmlToUTF8(data)))
	if err != nil {
		return compare.Meta{}, "", fmt.Errorf("read HTML: %w", err)
	}
	meta, body := extractArticle(doc)
	if meta.URL == "" {
		meta.URL = savedFromURL(data)
	}
	if meta.Outlet == "" || strings.HasPrefix(meta.Outlet, "http") {
		meta.Outlet = cmp.Or(hostOutlet(meta.URL), hostOutlet(meta.Outlet))
	}
	meta.Title, meta.Outlet = oneLine(meta.Title), oneLine(meta.Outlet)
	meta.Title = trimSiteName(meta.Title, meta.Outlet, meta.URL)
	// A title that is the text of a link to the site's home page is the
	// site's name, taken from its banner: the outlet, and the <title>
	// without it the headline.
	if meta.Title != "" && linksHome(doc, meta.Title) {
		if n := findElement(doc, atom.Title); n != nil {
			if meta.Outlet == "" {
				meta.Outlet = meta.Title
			}
			meta.Title = trimSiteName(oneLine(nodeText(n)), meta.Outlet, meta.URL)
		}
	}
	if n := compare.WordCount(body); n < minPageWords {
		return meta, "", fmt.Errorf("%w: the page holds %s of text, no article (an index, a form or a script-only page?)", ErrNoArticle, compare.Plural(n, "word"))
	}
	return meta, body, nil
}

// minPageWords is the fewest words of main text a page must hold to be
// taken as an article.
const minPageWords = 20

// extractArticle runs the article extractor on a parsed page. It returns
// the page's metadata and main text, one paragraph a line with a blank
// line between paragraphs, "" when it finds no article.
func extractArticle(doc *html.Node) (compare.Meta, string) {
	var meta compare.Meta
	res, err := trafilatura.ExtractDocument(doc, htmlOptions)
	if err == nil && res != nil {
		md := res.Metadata
		meta = compare.Meta{Title: md.Title, Outlet: md.Sitename, Author: md.Author, URL: md.URL}
		if !md.Date.IsZero() {
			meta.Date = md.Date.Format("2006-01-02")
		}
	}
	if meta.Title == "" {
		meta.Title = pageTitle(doc)
	}
	if err != nil || res == nil {
		return meta, ""
	}
	return meta, articleText(doc, res)
}

// pageTitle returns the text of the page's <title>, or of its first <h1>.
func pageTitle(doc *html.Node) string {
	for _, a := range []atom.Atom{atom.Title, atom.H1} {
		if n := findElement(doc, a); n != nil {
			if t := oneLine(nodeText(n)); t != "" {
				return t
			}
		}
	}
	return ""
}

// linksHome tells whether text is the text of a link to the site's home
// page ("/", or an address whose path is "/").
func linksHome(doc *html.Node, text string) bool {
	want := squash(text)
	var found func(*html.Node) bool
	found = func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			for _, at := range n.Attr {
				if at.Key != "href" {
					continue
				}
				if u, err := url.Parse(at.Val); err == nil && (u.Path == "/" || u.Path == "" && u.Host != "") && squash(nodeText(n)) == want {
					return true
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if found(c) {
				return true
			}
		}
		return false
	}
	return want != "" && found(doc)
}

// findElement returns the first element of kind a in document order.
func findElement(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElement(c, a); f != nil {
			return f
		}
	}
	return nil
}

// nodeText concatenates the text inside n.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// savedFrom finds the address browsers note when saving a page:
// <!-- saved from url=(0042)https://… -->.
var savedFrom = regexp.MustCompile(`<!-- saved from url=\(\d+\)(https?://[^ >]+) -->`)

func savedFromURL(data []byte) string {
	if m := savedFrom.FindSubmatch(data[:min(len(data), 4096)]); m != nil {
		return string(m[1])
	}
	return ""
}

// hostOutlet names an outlet by its web address's host, without "www.".
func hostOutlet(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// titleSeparators part a page title from the site name pages append or
// prepend to it ("Headline | Site", "Site - Headline", "Site: Headline").
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", ": "}

// trimSiteName removes the site's name from either end of a page title.
// The site's name is the outlet, any part of it between separators, or
// the address's host name ("Sportsnet.ca", "digg" for digg.com).
func trimSiteName(title, outlet, rawURL string) string {
	names := map[string]bool{squash(outlet): true}
	for _, sep := range titleSeparators {
		for part := range strings.SplitSeq(outlet, sep) {
			names[squash(part)] = true
		}
	}
	if host := hostOutlet(rawURL); host != "" {
		label, _, _ := strings.Cut(host, ".")
		names[squash(host)], names[squash(label)] = true, true
	}
	delete(names, "")
	for {
		trimmed := trimSiteOnce(title, outlet, names)
		if trimmed == title || trimmed == "" {
			return title
		}
		title = trimmed
	}
}

// trimSiteOnce removes one site name, as trimSiteName knows them, from
// either end of title.
func trimSiteOnce(title, outlet string, names map[string]bool) string {
	for _, sep := range titleSeparators {
		if outlet != "" && sep != ": " && strings.HasSuffix(title, sep+outlet) {
			return strings.TrimSpace(strings.TrimSuffix(title, sep+outlet))
		}
		if outlet != "" && strings.HasPrefix(title, outlet+sep) {
			return strings.TrimSpace(strings.TrimPrefix(title, outlet+sep))
		}
		if i := strings.LastIndex(title, sep); i > 0 && sep != ": " && names[squash(title[i+len(sep):])] {
			return strings.TrimSpace(title[:i])
		}
		if i := strings.Index(title, sep); i > 0 && names[squash(title[:i])] {
			return strings.TrimSpace(title[i+len(sep):])
		}
	}
	return title
}

// squash folds a name for comparison: lower case, letters and digits only.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// blockElements end a line of text, a paragraph, when rendered plainly.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Tr: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Ul: true, atom.Ol: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Figure: true, atom.Figcaption: true,
	atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true, atom.Hr: true,
	atom.Main: true, atom.Address: true,
}

// plainText renders a whole document as text, one block a line, skipping
// what a reader never sees (scripts, styles, the head). It serves short
// HTML, such as an e-mail, that is too small to look like an article.
func plainText(doc *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Head, atom.Noscript, atom.Template, atom.Iframe, atom.Object:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && blockElements[n.DataAtom] {
			b.WriteByte('\n')
		}
	}
	walk(doc)
	var lines []string
	for line := range strings.SplitSeq(b.String(), "\n") {
		if line = oneLine(line); line != "" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n")
}
