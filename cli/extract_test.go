package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeFiles writes name → contents into a temporary folder and returns
// the paths in the order given.
func writeFiles(t *testing.T, files ...[2]string) []string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for _, f := range files {
		p := filepath.Join(dir, f[0])
		if err := os.WriteFile(p, []byte(f[1]), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

const testPage = `<!DOCTYPE html><html><head><meta charset="windows-1252">
<title>Ferry service resumes | Easthaven Daily</title>
<meta property="og:site_name" content="Easthaven Daily">
<meta name="author" content="Sam Ortiz">
<meta property="article:published_time" content="2024-03-06">
<link rel="canonical" href="https://daily.example/ferry">
</head><body><nav>Home News Sport</nav><article><h1>Ferry service resumes</h1>
<p>The ferry to the island resumed service on Wednesday after a week of storms, the operator said.</p>
<p>"We carried 800 passengers on the first day," said Sam Ortiz, the operator's spokesman, adding that the timetable is unchanged.</p>
<p>Passengers queued from early morning at the caf` + "\xe9" + ` by the pier, and the first boat left on time at seven.</p>
</article></body></html>`

func TestExtractJSON(t *testing.T) {
	paths := writeFiles(t,
		[2]string{"ferry.html", testPage},
		[2]string{"02-island-news.txt", "Title: Ferry back\nDate: 2024-03-06\n\nThe ferry is back.\n"})
	code, out, errOut := run("extract", "--format", "json", paths[0], paths[1])
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not a JSON list: %v\n%s", err, out)
	}
	if len(got) != 2 {
		t.Fatalf("got %d objects, want 2", len(got))
	}
	want := []map[string]string{
		{"file": paths[0], "format": "html", "title": "Ferry service resumes", "outlet": "Easthaven Daily",
			"author": "Sam Ortiz", "date": "2024-03-06", "url": "https://daily.example/ferry"},
		{"file": paths[1], "format": "text", "title": "Ferry back", "outlet": "Island News", "author": "",
			"date": "2024-03-06", "url": ""},
	}
	for i, w := range want {
		for k, v := range w {
			if got[i][k] != v {
				t.Errorf("file %d: %s = %q, want %q", i, k, got[i][k], v)
			}
		}
	}
	text, _ := got[0]["text"].(string)
	if !strings.Contains(text, "café by the pier") || strings.Contains(text, "Home News Sport") {
		t.Errorf("text of the page:\n%s", text)
	}
}

func TestExtractText(t *testing.T) {
	paths := writeFiles(t, [2]string{"ferry.html", testPage})
	code, out, errOut := run("extract", paths[0])
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, s := range []string{"==> " + paths[0] + " (html, ", "Title: Ferry service resumes\n", "Outlet: Easthaven Daily\n", "\"We carried 800 passengers"} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
}

// TestExtractCountsOneWord checks that a file of one word is counted as
// one: "1 word", not "1 words".
func TestExtractCountsOneWord(t *testing.T) {
	paths := writeFiles(t, [2]string{"one.txt", "Ferries.\n"})
	code, out, errOut := run("extract", paths[0])
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if want := "==> " + paths[0] + " (text, 1 word)\n"; !strings.HasPrefix(out, want) {
		t.Errorf("output begins %q, want %q", out[:min(len(out), len(want)+20)], want)
	}
}

func TestExtractRefuses(t *testing.T) {
	paths := writeFiles(t,
		[2]string{"good.txt", "Some text.\n"},
		[2]string{"photo.jpg", "\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x02\x00\x00\x01\x00\x01\x00\x00\x00\x01\x02\x03\x04\x05\x06\x07\x08"})
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"binary file", []string{"extract", paths[0], paths[1]}, 1, paths[1] + ": the file is binary"},
		{"missing file", []string{"extract", paths[0] + ".missing"}, 1, "good.txt.missing"},
		{"bad format", []string{"extract", "--format", "xml", paths[0]}, 1, `unknown format "xml"`},
		{"no files", []string{"extract"}, 2, "Usage: parallax extract"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.msg) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, tt.code, tt.msg)
			}
			if out != "" {
				t.Errorf("printed %q on stdout", out)
			}
		})
	}
}

func TestCompareAcceptsHTML(t *testing.T) {
	paths := writeFiles(t,
		[2]string{"ferry.html", testPage},
		[2]string{"02-island-news.txt", "Outlet: Island News\n\n\"We carried 800 passengers on the first day,\" said Sam Ortiz.\n"})
	code, out, errOut := run("compare", "--format", "json", paths[0], paths[1])
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc struct {
		Reports []struct{ Outlet, Title string }
		Quotes  []struct{ Text string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Reports) != 2 || doc.Reports[0].Outlet != "Easthaven Daily" || doc.Reports[0].Title != "Ferry service resumes" {
		t.Errorf("reports = %+v", doc.Reports)
	}
	if len(doc.Quotes) < 2 {
		t.Errorf("found %d quotes, want the quote in each report", len(doc.Quotes))
	}
}

func TestCompareDuplicatesAndSyndication(t *testing.T) {
	var wire strings.Builder
	for i := range 10 {
		fmt.Fprintf(&wire, "The ferry operator said crossing number %d would run again from Wednesday after the storm damage was repaired.\n", i+1)
	}
	paths := writeFiles(t,
		[2]string{"01-wire.txt", "Outlet: Wire\n\n" + wire.String()},
		[2]string{"02-wire-again.txt", "Outlet: Wire\n\n" + strings.ReplaceAll(wire.String(), "\n", "\n\n")},
		[2]string{"03-post.txt", "Outlet: Post\nDate: 2024-03-07\n\n" + wire.String()[:len(wire.String())*2/3]},
		[2]string{"04-herald.txt", "Outlet: Herald\n\nOur own reporter saw the ferry leave the pier at seven with few passengers aboard.\n"})
	code, out, errOut := run(append([]string{"compare", "--format", "json"}, paths...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, paths[1]+" has the same text as "+paths[0]) {
		t.Errorf("no note of the duplicate: %q", errOut)
	}
	var doc struct {
		Reports []struct {
			ID, Outlet     string
			SyndicatedWith []string `json:"syndicated_with"`
			CopyOf         string   `json:"copy_of"`
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Reports) != 3 {
		t.Fatalf("%d reports, want 3 (the duplicate once)", len(doc.Reports))
	}
	wire1, post, herald := doc.Reports[0], doc.Reports[1], doc.Reports[2]
	if post.CopyOf != wire1.ID || len(wire1.SyndicatedWith) != 1 || wire1.SyndicatedWith[0] != post.ID || wire1.CopyOf != "" {
		t.Errorf("syndication marks: wire %+v, post %+v", wire1, post)
	}
	if herald.SyndicatedWith != nil || herald.CopyOf != "" {
		t.Errorf("the independent report is marked: %+v", herald)
	}
	code, out, _ = run(append([]string{"compare"}, paths...)...)
	if code != 0 || !strings.Contains(out, "Post carries the text of Wire") {
		t.Errorf("text output does not say the Post carries the Wire's text:\n%s", out)
	}
}
