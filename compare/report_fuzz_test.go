package compare

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FuzzParseReport checks that any file contents either give a report with
// a non-empty NFC body free of carriage returns and an outlet, or an error
// naming the file.
func FuzzParseReport(f *testing.F) {
	f.Add([]byte("Title: Barrier approved\nOutlet: River Courier\n\n\"We will not,\" she said.\n"), false)
	f.Add([]byte("---\ntitle: \"A\"\noutlet: Wire\n---\n# Head\n\n*We* said [so](http://x).\n"), true)
	f.Add([]byte("\ufeffKey: v\r\n\r\nBody\r\nmore"), false)
	f.Add([]byte("---\n---\n"), true)
	f.Add([]byte{0xff, 0xfe, 0x00}, false)
	f.Fuzz(func(t *testing.T, data []byte, markdown bool) {
		name := "01-some-outlet.txt"
		if markdown {
			name = "01-some-outlet.md"
		}
		r, err := ParseReport(name, data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), name+": ") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		switch {
		case strings.TrimSpace(r.Body) == "":
			t.Fatalf("empty body accepted from %q", data)
		case !utf8.ValidString(r.Body):
			t.Fatalf("body is not UTF-8: %q", r.Body)
		case strings.Contains(r.Body, "\r"):
			t.Fatalf("body keeps a carriage return: %q", r.Body)
		case !norm.NFC.IsNormalString(r.Body) && !markdown:
			t.Fatalf("body is not NFC: %q", r.Body)
		case r.Meta.Outlet == "":
			t.Fatalf("no outlet for %q", data)
		}
		checkQuoteInvariants(t, r.Body, findQuotes(newDocument(r)))
	})
}
