package ingest

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// readmeRow is a report line of a corpus cluster's README.txt:
// "  02-cnbc.txt  | CNBC | 2018-02-04 | quoted passages: 10 | …".
var readmeRow = regexp.MustCompile(`(?m)^\s+(\S+\.txt)\s+\|\s+([^|]+?)\s+\|\s+(\d{4}-\d{2}-\d{2})\s+\|`)

// TestCorpusHeaders imports every report of the shared corpus and checks
// the outlet and date read from its header against the cluster's README.
func TestCorpusHeaders(t *testing.T) {
	corpus := sharedDir(t, "corpus")
	readmes, err := filepath.Glob(filepath.Join(corpus, "cluster-*", "README.txt"))
	if err != nil || len(readmes) == 0 {
		t.Fatalf("no cluster READMEs in %s: %v", corpus, err)
	}
	checked := 0
	for _, readme := range readmes {
		data, err := os.ReadFile(readme)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range readmeRow.FindAllStringSubmatch(string(data), -1) {
			path := filepath.Join(filepath.Dir(readme), m[1])
			t.Run(filepath.Base(filepath.Dir(readme))+"/"+m[1], func(t *testing.T) {
				r, err := Load(path)
				if err != nil {
					t.Fatal(err)
				}
				if r.Meta.Outlet != m[2] || r.Meta.Date != m[3] {
					t.Errorf("outlet %q, date %q; README says %q, %q", r.Meta.Outlet, r.Meta.Date, m[2], m[3])
				}
				if r.Meta.Title == "" || r.Meta.URL == "" {
					t.Errorf("title %q, URL %q: want both", r.Meta.Title, r.Meta.URL)
				}
			})
			checked++
		}
	}
	if checked < 50 {
		t.Errorf("checked %d reports, want the corpus's 70 or so", checked)
	}
	t.Logf("outlet and date of %d corpus reports checked against their READMEs", checked)
}
