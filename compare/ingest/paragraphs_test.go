package ingest

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// page wraps an article's markup in a news page with navigation, a
// script and a footer around it.
func page(articleHTML string) []byte {
	return []byte(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>Harbour bridge reopens | Easthaven Daily</title>
<script>var tracker = "words of a script that no reader sees";</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>` + articleHTML + `</article>
<footer>Copyright Easthaven Daily</footer></body></html>`)
}

// filler is a made-up paragraph long enough for the page to read as an
// article.
const filler = "The harbour bridge carried forty thousand vehicles a day before the storm closed it in the spring of last year."

func TestHTMLParagraphs(t *testing.T) {
	tests := []struct {
		name, article string
		want          []string // the body's paragraphs, in order
	}{
		{
			name: "paragraphs and headings",
			article: `<h1>Harbour bridge reopens</h1><p>` + filler + `</p>
<h2>Traffic returns</h2><p>The port authority said the first lorries crossed at dawn.</p><p>` + filler + `</p>`,
			want: []string{"Harbour bridge reopens", filler, "Traffic returns", "The port authority said the first lorries crossed at dawn.", filler},
		},
		{
			name: "list and blockquote",
			article: `<p>` + filler + `</p><ul><li>Two lanes open on Monday.</li><li>All four open in June.</li></ul>
<blockquote>We waited a year for this day.</blockquote><p>` + filler + `</p>`,
			want: []string{filler, "Two lanes open on Monday.", "All four open in June.", "We waited a year for this day.", filler},
		},
		{
			name: "inline links and emphasis keep their spacing",
			article: `<p>` + filler + `</p><p>“We <em>will</em> reopen,” said <a href="/people/dana-reyes">Dana Reyes</a>, the <strong>port</strong> director (<a href="/port">the authority</a>).</p>
<p>` + filler + `</p>`,
			want: []string{filler, "“We will reopen,” said Dana Reyes, the port director (the authority).", filler},
		},
		{
			name:    "line breaks and nested blocks",
			article: `<div><p>` + filler + `</p><div><p>Lane one<br>Lane two</p></div></div><p>` + filler + `</p><p>` + filler + `</p>`,
			want:    []string{filler, "Lane one", "Lane two", filler, filler},
		},
		{
			name:    "a short article the extractor takes whole",
			article: `<h1>Harbour bridge reopens</h1><p>Lane one<br>Lane two</p><p>The toll stays at two euros, and cyclists cross free until the end of the summer.</p>`,
			want:    []string{"Harbour bridge reopens", "Lane one", "Lane two", "The toll stays at two euros, and cyclists cross free until the end of the summer."},
		},
		{
			name:    "scripts and styles inside the article",
			article: `<p>` + filler + `</p><script>document.write("injected words")</script><style>p { color: red }</style><p>The toll stays at two euros.</p><p>` + filler + `</p>`,
			want:    []string{filler, "The toll stays at two euros.", filler},
		},
		{
			name:    "deep nesting",
			article: strings.Repeat("<div><span>", 240) + `<p>` + filler + `</p><p>The toll stays at <b><i><span>two</span></i></b> euros.</p><p>` + filler + `</p>` + strings.Repeat("</span></div>", 240),
			want:    []string{filler, "The toll stays at two euros.", filler},
		},
		{
			name:    "unclosed tags",
			article: `<p>` + filler + `<p>The toll stays at <b>two euros.<p>` + filler,
			want:    []string{filler, "The toll stays at two euros.", filler},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse("bridge.html", page(tt.article))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if got := strings.Split(r.Body, "\n\n"); !slices.Equal(got, tt.want) {
				t.Errorf("paragraphs:\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestSeparator(t *testing.T) {
	tests := []struct {
		name       string
		text, tree gap
		prev, next rune
		want       string
	}{
		{"block end", gapSpace, gapBreak, '.', 'T', "\n\n"},
		{"block end the text glued after punctuation", gapNone, gapBreak, '.', 'T', "\n\n"},
		{"block end inside a word the text glued", gapNone, gapBreak, 'e', 'T', "\n\n"},
		{"space in both", gapSpace, gapSpace, 'a', 'b', " "},
		{"element edge before a comma", gapSpace, gapNone, 'a', ',', ""},
		{"element edge before a closing quote", gapSpace, gapNone, '.', '”', ""},
		{"element edge after an opening bracket", gapSpace, gapNone, '(', 'a', ""},
		{"element edge after a full stop stays", gapSpace, gapNone, '.', 'T', " "},
		{"element edge before a straight quote stays", gapSpace, gapNone, ',', '"', " "},
		{"element edge inside a word stays", gapSpace, gapNone, 'T', 'h', " "},
		{"letters the tree lacks", gapSpace, gapUnknown, 'a', ',', " "},
		{"no space in the text", gapNone, gapSpace, 'a', ',', ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := separator(tt.text, tt.tree, tt.prev, tt.next); got != tt.want {
				t.Errorf("separator(%d, %d, %q, %q) = %q, want %q", tt.text, tt.tree, tt.prev, tt.next, got, tt.want)
			}
		})
	}
}

// fragment parses markup as the content of a <body>.
func fragment(t testing.TB, markup string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<body>" + markup))
	if err != nil {
		t.Fatal(err)
	}
	return findElement(doc, atom.Body)
}

func TestArticleParagraphs(t *testing.T) {
	tests := []struct {
		name, text, tree, want string
	}{
		{"same letters", "One two . Three four", "<p>One <i>two</i>.</p><p>Three four</p>", "One two.\n\nThree four"},
		{"the tree lacks letters", "Lead one . Dropped words Two", "<p>Lead <i>one</i>.</p><p>Two</p>", "Lead one. Dropped words\n\nTwo"},
		{"the tree holds more letters", "Lead one . Two", "<p>Lead <i>one</i>.</p><div>Menu</div><p>Two</p>", "Lead one.\n\nTwo"},
		{"a word the markup splits stays split", "T he bridge", "<p><b>T</b>he bridge</p>", "T he bridge"},
		{"no tree", "One two", "", "One two"},
		{"a block of a zero-width space", "One \u200b Two", "<p>One</p><p>\u200b</p><p>Two</p>", "One\n\nTwo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var tree *html.Node
			if tt.tree != "" {
				tree = fragment(t, tt.tree)
			}
			if got := articleParagraphs(tt.text, tree); got != tt.want {
				t.Errorf("articleParagraphs = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestHTMLBenchWords checks on every page of the shared benchmark that
// the paragraphs hold exactly the extractor's words, and reports how many
// paragraphs they make.
func TestHTMLBenchWords(t *testing.T) {
	pages := loadBench(t)
	same, paragraphs, single := 0, 0, 0
	for _, pg := range pages {
		doc, err := html.Parse(bytes.NewReader(htmlToUTF8(pg.html)))
		if err != nil {
			t.Fatalf("%s: %v", pg.id, err)
		}
		res, err := trafilatura.ExtractDocument(doc, htmlOptions)
		if err != nil {
			t.Logf("%s: %v", pg.id, err)
			continue
		}
		body := articleText(doc, res)
		if want, got := benchTokens(res.ContentText), benchTokens(body); slices.Equal(got, want) {
			same++
		} else {
			t.Errorf("%s: the paragraphs' words differ from the extractor's", pg.id)
		}
		n := strings.Count(body, "\n\n") + 1
		paragraphs += n
		if n == 1 {
			single++
		}
	}
	t.Logf("%d of %d pages keep the extractor's words; %d paragraphs, %d pages of one paragraph", same, len(pages), paragraphs, single)
}

// FuzzArticleParagraphs checks that the paragraphs of any text against
// any tree hold exactly the text's letters and words, a word parted at
// most in two or more.
func FuzzArticleParagraphs(f *testing.F) {
	f.Add("One two . Three four", "<p>One <i>two</i>.</p><p>Three four</p>")
	f.Add("T he ( bridge ) , “ x ”", "<p><b>T</b>he (<a>bridge</a>), “<em>x</em>”</p>")
	f.Add("a b c", "<table><tr><td>a</td><td>b</td></tr></table><ul><li>c")
	f.Add("Lane oneLane two", "<p>Lane one<br>Lane two</p>")
	f.Fuzz(func(t *testing.T, text, markup string) {
		body := articleParagraphs(text, fragment(t, markup))
		// Bytes that are not UTF-8 come out as U+FFFD, one each; format
		// characters may go.
		letters := func(s string) string {
			return strings.Map(func(r rune) rune {
				if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
					return -1
				}
				return r
			}, string([]rune(s)))
		}
		if got, want := letters(body), letters(text); got != want {
			t.Fatalf("letters %q, want %q", got, want)
		}
		got := benchTokens(body)
		for _, w := range benchTokens(text) {
			part := ""
			for part != w && len(got) > 0 && strings.HasPrefix(w, part+got[0]) {
				part, got = part+got[0], got[1:]
			}
			if part != w {
				t.Fatalf("the text's word %q is not whole in %q", w, body)
			}
		}
	})
}
