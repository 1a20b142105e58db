package compare

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// story is a made-up wire story of twelve sentences, for syndication tests.
func story(outlet string, sentences int) *Report {
	var b strings.Builder
	for i := range sentences {
		fmt.Fprintf(&b, "The harbour authority said on Tuesday that crossing number %d would reopen after repairs to the old swing bridge were finished. ", i+1)
	}
	return &Report{Meta: Meta{Outlet: outlet}, Body: b.String()}
}

// own is a report on the same event written independently.
func own(outlet string) *Report {
	return &Report{Meta: Meta{Outlet: outlet}, Body: strings.Repeat(
		"Repairs to the swing bridge are over, officials announced, and traffic may cross again from Wednesday morning onwards. "+
			"Local shops welcomed the news after weeks of detours that kept customers away from the quay. ", 6)}
}

func withIDs(reports ...*Report) []*Report {
	for i, r := range reports {
		r.ID = fmt.Sprintf("r%d", i+1)
	}
	return reports
}

func TestFindSyndication(t *testing.T) {
	credited := story("Daily Post", 8)
	credited.Body += "More from Wire Service: the full story."
	later := story("Evening Star", 12)
	later.Meta.Date = "2024-03-06"
	earlier := story("Morning Star", 12)
	earlier.Meta.Date = "2024-03-05"
	tests := []struct {
		name    string
		reports []*Report
		want    []Syndication
	}{
		{"trimmed copy of the full story", withIDs(story("Wire", 12), own("Herald"), story("Post", 7)),
			[]Syndication{{Copy: "r3", Of: "r1", Containment: 1}}},
		{"the copy credits the original", withIDs(credited, story("Wire Service", 6)),
			[]Syndication{{Copy: "r1", Of: "r2", Containment: 1}}},
		{"the later is the copy", withIDs(earlier, later),
			[]Syndication{{Copy: "r2", Of: "r1", Containment: 1}}},
		{"independent reports", withIDs(story("Wire", 12), own("Herald")), nil},
		{"too short to judge", withIDs(story("Wire", 1), story("Post", 1)), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FindSyndication(tt.reports); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("FindSyndication = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestSyndicationGroups(t *testing.T) {
	reports := withIDs(story("A", 12), own("B"), story("C", 8), story("D", 6))
	got := SyndicationGroups(reports, FindSyndication(reports))
	if want := [][]string{{"r1", "r3", "r4"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("groups = %v, want %v", got, want)
	}
	doc := Analyze(reports, DefaultOptions()).Document()
	if got := doc.Reports[0].SyndicatedWith; !reflect.DeepEqual(got, []string{"r3", "r4"}) {
		t.Errorf("r1 syndicated_with = %v", got)
	}
	if doc.Reports[1].SyndicatedWith != nil || doc.Reports[1].CopyOf != "" {
		t.Errorf("the independent report is marked: %+v", doc.Reports[1])
	}
	if doc.Reports[3].CopyOf == "" || doc.Reports[0].CopyOf != "" {
		t.Errorf("copy_of: r1 %q, r4 %q; want only the trimmed r4 marked", doc.Reports[0].CopyOf, doc.Reports[3].CopyOf)
	}
}

func TestContentHash(t *testing.T) {
	a := &Report{Body: "One text,\nthe same  words."}
	b := &Report{Body: "One text, the same words.\n"}
	c := &Report{Body: "One text, other words."}
	if ContentHash(a) != ContentHash(b) {
		t.Error("layout changes the hash")
	}
	if ContentHash(a) == ContentHash(c) {
		t.Error("different texts share a hash")
	}
}

// TestSyndicationCorpus checks detection against the corpus clusters whose
// README.txt says two reports are one story: cluster-02 ("CNBC file is a
// syndicated copy of the NYT story"), cluster-07 and cluster-12 (the WaPo
// and NYT files are the same AP story) and cluster-11 (WaPo 23f05e, file
// 03, and NYT 840293, file 04). No other pair may be marked.
func TestSyndicationCorpus(t *testing.T) {
	want := map[string][][2]string{
		"cluster-02": {{"02-cnbc.txt", "01-the-new-york-times.txt"}},
		"cluster-07": {{"01-the-washington-post.txt", "02-the-new-york-times.txt"}},
		"cluster-11": {{"03-the-washington-post.txt", "04-the-new-york-times.txt"}},
		"cluster-12": {{"01-the-washington-post.txt", "02-the-new-york-times.txt"}},
	}
	// Only cluster-02's README says which is the copy.
	directed := map[string]bool{"cluster-02": true}
	found := 0
	for _, reports := range corpusReports(t) {
		cluster := filepath.Base(filepath.Dir(reports[0].File))[:len("cluster-00")]
		for _, r := range reports {
			r.ID = filepath.Base(r.File)
		}
		var got [][2]string
		for _, s := range FindSyndication(reports) {
			t.Logf("%s: %s copies %s (%.2f)", cluster, s.Copy, s.Of, s.Containment)
			pair := [2]string{s.Copy, s.Of}
			if !directed[cluster] && pair[0] > pair[1] {
				pair[0], pair[1] = pair[1], pair[0]
			}
			got = append(got, pair)
		}
		exp := want[cluster]
		if !directed[cluster] {
			for i, p := range exp {
				if p[0] > p[1] {
					exp[i] = [2]string{p[1], p[0]}
				}
			}
		}
		slices.SortFunc(got, func(a, b [2]string) int { return strings.Compare(a[0]+a[1], b[0]+b[1]) })
		if !reflect.DeepEqual(got, exp) && (len(got) > 0 || len(exp) > 0) {
			t.Errorf("%s: syndicated pairs %v, want %v", cluster, got, exp)
		}
		found += len(got)
	}
	if found == 0 {
		t.Error("no syndication found in the corpus")
	}
}
