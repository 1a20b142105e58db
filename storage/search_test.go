package storage

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestSearch(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	c, a, _ := sampleCase(t, s)
	other, err := s.CreateCase(ctx, "Other case", "")
	if err != nil {
		t.Fatal(err)
	}
	v := mustRecord(t, s, c.ID, a.Groups[0].ID, "altered", "Compared with the council minutes")

	tests := []struct {
		name   string
		query  string
		caseID int64
		kind   HitKind
		want   int // at least this many hits of kind; 0 means none at all
	}{
		{"report text", "riverbank", 0, HitReport, 1},
		{"quote", "property taxes", c.ID, HitQuote, 1},
		{"claim", "412 households", c.ID, HitClaim, 1},
		{"note", "council minutes", c.ID, HitNote, 1},
		{"status", "altered", c.ID, HitNote, 1},
		{"prefix", "minut*", c.ID, HitNote, 1},
		{"diacritics folded", "cóuncil mínutes", c.ID, HitNote, 1},
		{"other case", "riverbank", other.ID, HitReport, 0},
		{"FTS syntax taken literally", `"riverbank" OR NEAR(`, 0, HitReport, 0},
		{"no match", "zeppelin", 0, HitReport, 0},
		{"the case tag is no word", fmt.Sprintf("c%d", c.ID), 0, HitReport, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := s.Search(ctx, tc.query, tc.caseID, 0)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, h := range hits {
				if h.Kind == tc.kind {
					n++
				}
			}
			if tc.want == 0 && len(hits) != 0 || n < tc.want {
				t.Errorf("Search(%q) = %+v, want at least %d %s hits", tc.query, hits, tc.want, tc.kind)
			}
		})
	}

	hits, err := s.Search(ctx, "council minutes", c.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(hits, func(h Hit) bool { return h.Kind == HitNote })
	if i < 0 || hits[i].VerdictID != v.ID || hits[i].CaseTitle != c.Title ||
		!strings.Contains(hits[i].Snippet, MatchOpen+"council"+MatchClose) {
		t.Errorf("note hit = %+v, want verdict %d with the match marked", hits, v.ID)
	}
	if _, err := s.Search(ctx, "  \"* ", 0, 0); err == nil {
		t.Error("a search with no words succeeded")
	}
}

// FuzzSearch checks that whatever a user types, search either finds
// something or nothing, or says there are no words: FTS5 syntax in the
// input never reaches SQLite as syntax.
func FuzzSearch(f *testing.F) {
	s := mustOpen(f)
	c, _, _ := sampleCase(f, s)
	for _, seed := range []string{"riverbank", `"tax`, "NEAR(a b)", "a OR", "col:umn", "*", "-x", "^start", "'", "(", "a AND NOT b", "ü*", "\x00"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, q string) {
		hits, err := s.Search(context.Background(), q, c.ID, 10)
		if err != nil && ftsQuery(q) != "" {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if len(hits) > 10 {
			t.Fatalf("Search(%q): %d hits over the limit", q, len(hits))
		}
	})
}
