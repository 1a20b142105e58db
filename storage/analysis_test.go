package storage

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/parallax-review/parallax/compare"
)

func TestAnalysisRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	c, _, _ := sampleCase(t, s)
	reports, err := s.Reports(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	in := make([]*compare.Report, len(reports))
	for i := range reports {
		in[i] = reports[i].Compare()
	}
	want := compare.Analyze(in, compare.DefaultOptions())
	if err := s.SaveAnalysis(ctx, c.ID, want); err != nil {
		t.Fatal(err)
	}
	got, err := s.LoadAnalysis(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Stale || got.Engine != compare.Version {
		t.Errorf("fresh analysis: stale %v, engine %q", got.Stale, got.Engine)
	}
	var wantJSON, gotJSON bytes.Buffer
	if err := want.WriteJSON(&wantJSON); err != nil {
		t.Fatal(err)
	}
	if err := got.WriteJSON(&gotJSON); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(wantJSON.Bytes(), gotJSON.Bytes()) {
		t.Errorf("stored analysis differs from the analysis saved:\nsaved  %.600s\nloaded %.600s", wantJSON.String(), gotJSON.String())
	}
	for ref, id := range got.ReportIDs {
		if ref != (&Report{ID: id}).Compare().ID {
			t.Errorf("report %s is stored report %d", ref, id)
		}
	}
}

// TestAnalysisKeepsSyndication stores the analysis of a case in which one
// report reprints another: the link survives the round trip, named by the
// stored reports, whatever IDs the analysis gave them.
func TestAnalysisKeepsSyndication(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	c, err := s.CreateCase(ctx, "Wire story", "")
	if err != nil {
		t.Fatal(err)
	}
	reports := sampleReports(t)[1:3]
	reprint := *reports[0]
	reprint.File, reprint.Meta.Outlet = "reprint.txt", "The Reprint"
	reprint.Body = "Reprinted with permission.\n" + reprint.Body
	reports = append(reports, &reprint)
	if _, err := s.AddReports(ctx, c.ID, reports); err != nil {
		t.Fatal(err)
	}
	res := compare.Analyze(reports, compare.DefaultOptions())
	if len(res.Syndication) == 0 {
		t.Fatal("the engine finds no reprint in the test case")
	}
	if err := s.SaveAnalysis(ctx, c.ID, res); err != nil {
		t.Fatal(err)
	}
	got, err := s.LoadAnalysis(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	stored, err := s.Reports(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	rename := map[string]string{}
	for i, r := range res.Reports {
		rename[r.ID] = stored[i].Compare().ID
	}
	if len(got.Syndication) != len(res.Syndication) {
		t.Fatalf("syndication after the round trip = %+v, want %+v", got.Syndication, res.Syndication)
	}
	for i, want := range res.Syndication {
		want.Copy, want.Of = rename[want.Copy], rename[want.Of]
		if got.Syndication[i] != want {
			t.Errorf("syndication %d = %+v, want %+v", i, got.Syndication[i], want)
		}
	}
	for _, q := range got.Quotes {
		if _, ok := got.ReportIDs[q.Report]; !ok {
			t.Errorf("quote %s names report %q, not one of the analysis", q.ID, q.Report)
		}
	}
}

func TestAnalysisStale(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	c, a, extra := sampleCase(t, s)
	reports := func(t *testing.T) []Report {
		t.Helper()
		stored, err := s.Reports(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		return stored
	}
	tests := []struct {
		name   string
		change func(t *testing.T)
		stale  bool
	}{
		{"fresh", func(t *testing.T) {}, false},
		{"report added", func(t *testing.T) {
			if _, err := s.AddReport(ctx, c.ID, extra); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"analysed again", func(t *testing.T) {
			if _, err := s.Analyze(ctx, c.ID); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"reference changed", func(t *testing.T) {
			if err := s.SetReference(ctx, c.ID, a.ReportIDs[a.Reports[1].ID]); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"ensured", func(t *testing.T) {
			if _, err := s.EnsureAnalysis(ctx, c.ID); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"outlet renamed", func(t *testing.T) {
			r := reports(t)[1].Compare()
			r.Meta.Outlet = "The Renamed Herald"
			if _, err := s.UpdateReport(ctx, c.ID, a.ReportIDs[a.Reports[1].ID], r); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"text corrected", func(t *testing.T) {
			r := reports(t)[1].Compare()
			r.Body += "\nCorrection: an earlier version misspelled a name."
			if _, err := s.UpdateReport(ctx, c.ID, a.ReportIDs[a.Reports[1].ID], r); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"ensured again", func(t *testing.T) {
			got, err := s.EnsureAnalysis(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			if outlet := got.Reports[1].Meta.Outlet; outlet != "The Renamed Herald" {
				t.Errorf("analysis shows outlet %q, want the new name", outlet)
			}
		}, false},
		{"report removed", func(t *testing.T) {
			if err := s.RemoveReport(ctx, c.ID, a.ReportIDs[a.Reports[2].ID]); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"newer engine", func(t *testing.T) {
			if _, err := s.Analyze(ctx, c.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := s.db.Exec(`UPDATE analyses SET engine = '0.0.0-old' WHERE case_id = ?`, c.ID); err != nil {
				t.Fatal(err)
			}
		}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.change(t)
			got, err := s.LoadAnalysis(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Stale != tc.stale {
				t.Errorf("stale = %v, want %v", got.Stale, tc.stale)
			}
			items := map[string]bool{}
			for _, q := range got.Quotes {
				items[q.ID] = true
			}
			for _, cl := range got.Claims {
				items[cl.ID] = true
			}
			for _, g := range got.Groups {
				for _, m := range append([]string{g.Reference}, g.Members...) {
					if !items[m] {
						t.Errorf("group %s names %s, which the analysis lacks", g.ID, m)
					}
				}
			}
		})
	}
}

func TestAnalysisErrors(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	c, err := s.CreateCase(ctx, "Empty", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadAnalysis(ctx, c.ID); !errors.Is(err, ErrNoAnalysis) {
		t.Errorf("LoadAnalysis of a case never analysed: %v, want ErrNoAnalysis", err)
	}
	if _, err := s.LoadAnalysis(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("LoadAnalysis of a missing case: %v, want ErrNotFound", err)
	}
	if _, err := s.Analyze(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("Analyze of a missing case: %v, want ErrNotFound", err)
	}
	foreign := compare.Analyze(sampleReports(t)[:2], compare.DefaultOptions())
	if err := s.SaveAnalysis(ctx, c.ID, foreign); err == nil {
		t.Error("SaveAnalysis accepted reports that are not in the case")
	}
}
