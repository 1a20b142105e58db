package ingest

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/parallax-review/parallax/compare"
)

func TestParseFormats(t *testing.T) {
	tests := []struct {
		name   string
		file   string
		data   []byte
		format Format
		want   compare.Meta
		// body must hold each of these, and none of absent.
		body, absent []string
	}{
		{
			name: "docx", file: "release.docx", data: makeDOCX(t), format: DOCX,
			want:   compare.Meta{Title: fixtureTitle, Author: fixtureAuthor, Outlet: fixtureOutlet, Date: fixtureDate},
			body:   []string{fixtureLead + "\n", `"We expect 12,000 vehicles a day," said Dana Reyes, the authority's director.`, "Lane\topen"},
			absent: []string{"deleted words", "PAGE"},
		},
		{
			name: "odt", file: "release.odt", data: makeODT(t), format: ODT,
			want:   compare.Meta{Title: fixtureTitle, Author: fixtureAuthor, Outlet: "Release", Date: fixtureDate},
			body:   []string{"Bridge news\n" + fixtureLead + "\n", `"We expect 12,000 vehicles a day," said Dana Reyes,` + "\nthe authority's director."},
			absent: []string{"reviewer note", "style junk"},
		},
		{
			name: "pdf", file: "release.pdf", data: makePDF(t, "The harbour bridge will reopen to traffic", "on Monday, the port authority said."), format: PDF,
			want: compare.Meta{Title: fixtureTitle, Author: fixtureAuthor, Outlet: "Release", Date: fixtureDate},
			body: []string{"The harbour bridge will reopen to traffic on Monday, the port authority said."},
		},
		{
			name: "eml quoted-printable", file: "release.eml", data: []byte(mailQP), format: EML,
			want: compare.Meta{Title: fixtureTitle, Author: fixtureAuthor, Outlet: "easthaven-port.example", Date: fixtureDate},
			body: []string{fixtureLead, "“We expect 12,000 vehicles a day,” said Dana Reyes."},
		},
		{
			name: "eml html only, base64", file: "mail.eml", data: []byte(mailHTMLOnly()), format: EML,
			want: compare.Meta{Title: fixtureTitle, Author: fixtureAuthor, Outlet: "easthaven-port.example", Date: fixtureDate},
			body: []string{fixtureLead, fixtureQuote}, absent: []string{"injected", "color", "attached notes"},
		},
		{
			name: "eml alternative prefers plain text", file: "mail.eml", data: []byte(mailAlternative), format: EML,
			want: compare.Meta{Title: fixtureTitle, Author: fixtureAuthor, Outlet: "easthaven-port.example", Date: fixtureDate},
			body: []string{fixtureLead}, absent: []string{"HTML version", "preamble"},
		},
		{
			name: "eml alternative prefers plain text after an HTML version typed in capitals", file: "mail.eml", data: []byte(mailAlternativeHTMLFirst), format: EML,
			want: compare.Meta{Title: fixtureTitle, Author: fixtureAuthor, Outlet: "easthaven-port.example", Date: fixtureDate},
			body: []string{fixtureLead}, absent: []string{"HTML version"},
		},
		{
			name: "eml forwarded as an attachment", file: "fwd.eml", data: []byte(mailForwarded), format: EML,
			want: compare.Meta{Title: "Fwd: release", Author: "Desk", Outlet: "example.org"},
			body: []string{"See below.\n", fixtureLead, "“We expect 12,000 vehicles a day,” said Dana Reyes."},
		},
		{
			name: "eml iso-8859-1 detected without extension", file: "message", data: []byte(mailLatin1), format: EML,
			want: compare.Meta{Title: "Café reopens", Author: "José Peña", Outlet: "Easthaven Daily"},
			body: []string{"The café on the quay reopens on Monday."},
		},
		{
			name: "plain text header", file: "03-city-wire.txt", format: Text,
			data: []byte("Title: " + fixtureTitle + "\nOutlet: City Wire\nDate: " + fixtureDate + "\n\n" + fixtureLead + "\n"),
			want: compare.Meta{Title: fixtureTitle, Outlet: "City Wire", Date: fixtureDate},
			body: []string{fixtureLead},
		},
		{
			name: "markdown", file: "notes.md", format: Markdown,
			data: []byte("---\ntitle: " + fixtureTitle + "\n---\n# Bridge\n\n**" + fixtureLead + "**\n"),
			want: compare.Meta{Title: fixtureTitle, Outlet: "Notes"},
			body: []string{"Bridge\n\n" + fixtureLead},
		},
		{
			name: "windows-1252 plain text", file: "01-harbour-herald.txt", format: Text,
			data: []byte("The caf\xe9 said \x93we reopen\x94 \x96 on Monday.\n"),
			want: compare.Meta{Outlet: "Harbour Herald"},
			body: []string{"The café said “we reopen” – on Monday."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect(tt.file, tt.data); got != tt.format {
				t.Errorf("Detect = %q, want %q", got, tt.format)
			}
			r, err := Parse(tt.file, tt.data)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if r.File != tt.file {
				t.Errorf("File = %q, want %q", r.File, tt.file)
			}
			r.Meta.Extra = nil
			if !reflect.DeepEqual(r.Meta, tt.want) {
				t.Errorf("Meta = %+v\nwant   %+v", r.Meta, tt.want)
			}
			for _, s := range tt.body {
				if !strings.Contains(r.Body, s) {
					t.Errorf("body lacks %q:\n%s", s, r.Body)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(r.Body, s) {
					t.Errorf("body holds %q:\n%s", s, r.Body)
				}
			}
		})
	}
}

// article is a small news page whose article is long enough to be told
// from the page's navigation and footer.
func article(charsetMeta, text string) string {
	var paras strings.Builder
	for i := range 6 {
		paras.WriteString("<p>" + text + " Paragraph " + string(rune('A'+i)) + " adds more words so that the article is long enough to stand out from the page around it.</p>\n")
	}
	return `<!DOCTYPE html><html><head>` + charsetMeta + `
<title>Caf` + "\u00e9" + ` opens on the quay | Easthaven Daily</title>
<meta property="og:site_name" content="Easthaven Daily">
<meta name="author" content="Dana Reyes">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
<link rel="canonical" href="https://daily.example/2024/03/05/cafe-opens">
<script>document.write("<p>written by a script</p>")</script>
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Café opens on the quay</h1>
` + paras.String() + `</article><footer>Copyright Easthaven Daily</footer></body></html>`
}

func TestParseHTML(t *testing.T) {
	const text = "The café on the quay – “Chez Zoë” – opens on Monday."
	utf8Page := article(`<meta charset="utf-8">`, text)
	latin := func(meta string) []byte {
		page := strings.ReplaceAll(article(meta, text), "“", "\"")
		page = strings.ReplaceAll(page, "”", "\"")
		page = strings.ReplaceAll(page, "–", "-")
		var b []byte
		for _, r := range page {
			b = append(b, byte(r)) // every rune left is below U+0100
		}
		return b
	}
	cp1252 := func(meta string) []byte {
		b := latin(meta)
		// Windows-1252 has curly quotes and the en dash.
		b = bytes.ReplaceAll(b, []byte("Chez"), []byte("\x93Chez"))
		return b
	}
	tests := []struct {
		name  string
		data  []byte
		quote string
	}{
		{"utf-8 declared", []byte(utf8Page), "“Chez Zoë”"},
		{"utf-8 undeclared", []byte(article("", text)), "“Chez Zoë”"},
		{"utf-8 with byte order mark", append([]byte("\xef\xbb\xbf"), utf8Page...), "“Chez Zoë”"},
		{"iso-8859-1 declared", latin(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">`), `"Chez Zoë"`},
		{"windows-1252 declared", cp1252(`<meta charset="windows-1252">`), `“Chez Zoë"`},
		{"windows-1252 undeclared", cp1252(""), `“Chez Zoë"`},
		{"utf-8 page declared iso-8859-1", []byte(article(`<meta charset="iso-8859-1">`, text)), "“Chez Zoë”"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse("page.html", tt.data)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			want := compare.Meta{Title: "Café opens on the quay", Outlet: "Easthaven Daily", Author: "Dana Reyes",
				Date: "2024-03-05", URL: "https://daily.example/2024/03/05/cafe-opens"}
			if r.Meta.Extra = nil; !reflect.DeepEqual(r.Meta, want) {
				t.Errorf("Meta = %+v\nwant   %+v", r.Meta, want)
			}
			if !strings.Contains(r.Body, tt.quote) || !strings.Contains(r.Body, "Paragraph F") {
				t.Errorf("body lacks %q or the last paragraph:\n%s", tt.quote, r.Body)
			}
			for _, junk := range []string{"written by a script", "Home", "Copyright"} {
				if strings.Contains(r.Body, junk) {
					t.Errorf("body holds %q:\n%s", junk, r.Body)
				}
			}
		})
	}
}

func TestParseRefuses(t *testing.T) {
	random := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	tests := []struct {
		name string
		file string
		data []byte
		want error
	}{
		{"empty", "a.txt", []byte(" \n\t"), compare.ErrEmpty},
		{"too large", "big.txt", bytes.Repeat([]byte("word "), compare.MaxReportSize/5+1), compare.ErrTooLarge},
		{"binary", "photo.jpg", random, compare.ErrBinary},
		{"binary named as text", "report.txt", append([]byte("\x00\x01"), random...), compare.ErrBinary},
		{"gzipped page", "page.html.gz", gzipped(t, "<html><body><p>Words.</p></body></html>"), compare.ErrCompressed},
		{"gzipped page named as a page", "page.html", gzipped(t, "<html><body><p>Words.</p></body></html>"), compare.ErrCompressed},
		{"page without article", "index.html", []byte(`<html><head><title>Index</title><script>var a = "lots of words in a script that must never show";</script></head><body><nav><a href="/a">A</a></nav></body></html>`), ErrNoArticle},
		{"form page", "login.html", []byte(`<!doctype html><html><body><form><input name="user"><input type="password"><button>Sign in</button></form></body></html>`), ErrNoArticle},
		{"pdf without text", "scan.pdf", makePDF(t), ErrNoArticle},
		{"broken pdf", "broken.pdf", []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"), nil},
		{"zip that is not a document", "archive.zip", makeZip(t, zipFile{"a.txt", "hello"}), ErrUnsupported},
		{"docx without document", "empty.docx", makeZip(t, zipFile{"[Content_Types].xml", "<Types/>"}), errMissing},
		{"docx with broken xml", "bad.docx", makeZip(t, zipFile{"word/document.xml", "<w:document><w:body><w:p><w:t>text"}), nil},
		{"mail without boundary", "a.eml", []byte(mailNoBoundary), ErrMalformedMail},
		{"mail with broken base64", "b.eml", []byte(mailBadBase64), ErrMalformedMail},
		{"mail with broken content type", "c.eml", []byte(mailBadType), ErrMalformedMail},
		{"mail with unclosed multipart", "d.eml", []byte(mailUnclosed), ErrMalformedMail},
		{"mail with broken header", "e.eml", []byte("From: a@b\r\nSubject x\r\n\r\nbody"), ErrMalformedMail},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse(tt.file, tt.data)
			if err == nil {
				t.Fatalf("Parse accepted it: %+v", r.Meta)
			}
			if !strings.HasPrefix(err.Error(), tt.file+": ") {
				t.Errorf("error %q does not start with the file's name", err)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error %q is not %q", err, tt.want)
			}
		})
	}
}

// TestNoArticleCountsOneWord checks that the refusal of a page of one
// word counts it as one.
func TestNoArticleCountsOneWord(t *testing.T) {
	_, err := Parse("index.html", []byte(`<html><body><nav><a href="/a">Home</a></nav></body></html>`))
	if !errors.Is(err, ErrNoArticle) || !strings.Contains(err.Error(), "holds 1 word of text") {
		t.Errorf("error %v, want the page's one word counted as one", err)
	}
}

func TestZipBomb(t *testing.T) {
	// A document whose text expands past the limit: zeros deflate a
	// thousandfold, so the archive stays small.
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 1<<20)
	for range maxZipExpanded>>20 + 1 {
		if _, err := w.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if buf.Len() > compare.MaxReportSize {
		t.Fatalf("the bomb is %d bytes, over the size limit", buf.Len())
	}
	many := make([]zipFile, maxZipEntries+1)
	for i := range many {
		many[i] = zipFile{name: "word/media/" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + ".bin"}
	}
	many[0].name = "word/document.xml"
	for name, data := range map[string][]byte{"expands.docx": buf.Bytes(), "entries.docx": makeZip(t, many...)} {
		t.Run(name, func(t *testing.T) {
			_, err := Parse(name, data)
			if !errors.Is(err, ErrZipBomb) {
				t.Errorf("Parse error = %v, want %v", err, ErrZipBomb)
			}
		})
	}
}

// gzipped returns s compressed with gzip.
func gzipped(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
