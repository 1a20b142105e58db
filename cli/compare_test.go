package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-review/parallax/compare"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// run runs a command line and returns its exit code and output.
func run(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = Run(&Env{Stdout: &out, Stderr: &errOut}, args)
	return code, out.String(), errOut.String()
}

// sampleArgs names the sample case, its transcript as the reference.
func sampleArgs(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../assets/sample/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no sample case: %v", err)
	}
	return append([]string{"--reference", "../assets/sample/00-transcript.txt"}, files...)
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cli -run Golden -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s; if the change is intended, run go test ./cli -run Golden -update and review the diff\n--- got:\n%s", path, got)
	}
}

func TestCompareGoldenText(t *testing.T) {
	code, out, errOut := run(append([]string{"compare", "--format", "text"}, sampleArgs(t)...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	checkGolden(t, "sample.txt.golden", []byte(out))
}

func TestCompareGoldenJSON(t *testing.T) {
	code, out, errOut := run(append([]string{"compare", "--format", "json"}, sampleArgs(t)...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc compare.Document
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if doc.Version != 1 || len(doc.Reports) != 5 || !doc.Reports[0].Reference {
		t.Errorf("version %d, %d reports, first is reference: %v", doc.Version, len(doc.Reports), len(doc.Reports) > 0 && doc.Reports[0].Reference)
	}
	checkGolden(t, "sample.json.golden", []byte(out))
}

// TestCompareJSONContract checks the fields scripts rely on: every quote and
// claim is in a group, spans are inside the body and give the text, and
// each group's reference is one of its members.
func TestCompareJSONContract(t *testing.T) {
	_, out, _ := run(append([]string{"compare", "--format", "json"}, sampleArgs(t)...)...)
	var doc compare.Document
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	bodies := map[string]string{}
	for _, r := range doc.Reports {
		rep, err := compare.LoadReport(r.File)
		if err != nil {
			t.Fatal(err)
		}
		bodies[r.ID] = rep.Body
	}
	grouped := map[string]bool{}
	for _, g := range doc.Groups {
		if !contains(g.Members, g.Reference) {
			t.Errorf("group %s: reference %s is not a member", g.ID, g.Reference)
		}
		for _, m := range g.Members {
			grouped[m] = true
		}
	}
	for _, q := range doc.Quotes {
		if !grouped[q.ID] {
			t.Errorf("quote %s is in no group", q.ID)
		}
		if body := bodies[q.Report]; q.End > len(body) || body[q.Start:q.End] != q.Text {
			t.Errorf("quote %s: span %d-%d does not give its text %q", q.ID, q.Start, q.End, q.Text)
		}
	}
	for _, c := range doc.Claims {
		if !grouped[c.ID] {
			t.Errorf("claim %s is in no group", c.ID)
		}
		if body := bodies[c.Report]; c.End > len(body) || c.Start > c.End {
			t.Errorf("claim %s: span %d-%d outside the body", c.ID, c.Start, c.End)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestCompareBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", []byte(`"We will not stop," she said.`))
	tests := []struct {
		name, file, want string
	}{
		{"empty", write("empty.txt", nil), "empty"},
		{"binary", write("photo.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")), "binary"},
		{"neither UTF-8 nor Windows-1252", write("mixed.txt", []byte("caf\xe9 \x81 au lait")), "UTF-8"},
		{"missing", filepath.Join(dir, "nowhere.txt"), "no such file"},
		{"folder", dir, "folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run("compare", good, tt.file)
			if code == 0 {
				t.Fatalf("exit 0 for a bad file")
			}
			if out != "" {
				t.Errorf("printed output before failing: %q", out)
			}
			if !strings.Contains(errOut, tt.file) || !strings.Contains(errOut, tt.want) {
				t.Errorf("message %q should name %s and say %q", errOut, tt.file, tt.want)
			}
		})
	}
	t.Run("too large", func(t *testing.T) {
		big := write("big.txt", bytes.Repeat([]byte("word "), compare.MaxReportSize/5+1))
		code, _, errOut := run("compare", big)
		if code == 0 || !strings.Contains(errOut, "larger than") {
			t.Errorf("exit %d, message %q", code, errOut)
		}
	})
	t.Run("unknown format", func(t *testing.T) {
		if code, _, errOut := run("compare", "--format", "xml", good); code == 0 || !strings.Contains(errOut, "xml") {
			t.Errorf("exit %d, message %q", code, errOut)
		}
	})
}

// TestCompareCountsOne checks that the text output counts one of a thing
// as one: "1 report · 1 quote", not "1 reports · 1 quotes".
func TestCompareCountsOne(t *testing.T) {
	p := filepath.Join(t.TempDir(), "one.txt")
	if err := os.WriteFile(p, []byte(`"We will not stop the works for anyone," the mayor said.`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run("compare", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "1 report · 1 quote · ") {
		t.Errorf("output lacks the counts of one:\n%s", out)
	}
	if strings.Contains(out, "1 quotes") || strings.Contains(out, "1 reports") {
		t.Errorf("output counts one as many:\n%s", out)
	}
}
