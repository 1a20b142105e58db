package ingest

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// checkImport holds the invariants of any import: a file is refused with
// an error naming it, or becomes a report with a non-empty body of valid,
// NFC-normalised UTF-8 without carriage returns.
func checkImport(t *testing.T, name string, data []byte) {
	t.Helper()
	r, err := Parse(name, data)
	if err != nil {
		if !strings.HasPrefix(err.Error(), name+": ") {
			t.Fatalf("error %q does not name the file", err)
		}
		return
	}
	switch {
	case r.File != name:
		t.Fatalf("File = %q, want %q", r.File, name)
	case strings.TrimSpace(r.Body) == "":
		t.Fatal("accepted with an empty body")
	case !utf8.ValidString(r.Body):
		t.Fatal("body is not valid UTF-8")
	case !norm.NFC.IsNormalString(r.Body):
		t.Fatal("body is not NFC")
	case strings.Contains(r.Body, "\r"):
		t.Fatal("body holds a carriage return")
	}
	for _, f := range []string{r.Meta.Title, r.Meta.Outlet, r.Meta.Author, r.Meta.Date, r.Meta.URL} {
		if !utf8.ValidString(f) || strings.ContainsAny(f, "\n\r") {
			t.Fatalf("metadata field %q is not one line of UTF-8", f)
		}
	}
}

func FuzzParseHTML(f *testing.F) {
	f.Add([]byte(article(`<meta charset="utf-8">`, "The café opens “today”.")))
	f.Add([]byte(article(`<meta charset="iso-8859-1">`, "The caf\xe9 opens.")))
	f.Add([]byte(`<html><head><title>x</title></head><body><p>one</p></body></html>`))
	f.Add([]byte("\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00"))
	f.Fuzz(func(t *testing.T, data []byte) { checkImport(t, "page.html", data) })
}

func FuzzParseDOCX(f *testing.F) {
	f.Add(makeDOCX(f))
	f.Add(makeZip(f, zipFile{"word/document.xml", "<w:p><w:t>a</w:t></w:p>"}))
	f.Fuzz(func(t *testing.T, data []byte) { checkImport(t, "file.docx", data) })
}

func FuzzParseODT(f *testing.F) {
	f.Add(makeODT(f))
	f.Add(makeZip(f, zipFile{"content.xml", "<office:body><text:p>a<text:s text:c=\"3\"/>b</text:p></office:body>"}))
	f.Fuzz(func(t *testing.T, data []byte) { checkImport(t, "file.odt", data) })
}

func FuzzParseEML(f *testing.F) {
	for _, m := range []string{mailQP, mailForwarded, mailAlternative, mailLatin1, mailHTMLOnly(), mailNoBoundary, mailBadBase64, mailUnclosed} {
		f.Add([]byte(m))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkImport(t, "mail.eml", data) })
}

func FuzzParsePDF(f *testing.F) {
	f.Add(makePDF(f, "The harbour bridge will reopen.", "On Monday, the authority said."))
	f.Add(makePDF(f))
	f.Fuzz(func(t *testing.T, data []byte) { checkImport(t, "file.pdf", data) })
}

func FuzzParseText(f *testing.F) {
	f.Add("notes.md", []byte("---\ntitle: x\n---\n# A\n\n**b** [c](d)\n"))
	f.Add("report.txt", []byte("Title: A\nOutlet: B\n\nThe caf\xe9 \x93opens\x94.\n"))
	f.Add("mail", []byte("From: a@b.example\nTo: c@d.example\nSubject: s\n\nbody\n"))
	f.Add("page", []byte("<!-- saved --><!DOCTYPE html><p>text</p>"))
	f.Fuzz(checkImport)
}
