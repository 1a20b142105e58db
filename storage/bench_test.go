package storage

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/parallax-review/parallax/compare"
)

// manyReports makes n distinct reports from the sample case: each a
// sample report with a paragraph of its own, with a quote and a figure.
func manyReports(b *testing.B, n int) []*compare.Report {
	b.Helper()
	sample := sampleReports(b)
	reports := make([]*compare.Report, n)
	for i := range reports {
		r := *sample[i%len(sample)]
		r.ID = ""
		r.Reference = i == 0
		r.Meta.Outlet = fmt.Sprintf("%s %d", r.Meta.Outlet, i)
		r.Body += fmt.Sprintf("\n\n\"We counted %d households on the Eastside,\" a council officer said of survey %d.", 400+i, i)
		reports[i] = &r
	}
	return reports
}

// bigCase stores a case of 200 reports and returns it with its analysis,
// not stored.
func bigCase(b *testing.B) (*Store, Case, *compare.Result) {
	b.Helper()
	ctx := context.Background()
	s := mustOpen(b)
	c, err := s.CreateCase(ctx, "Two hundred reports", "")
	if err != nil {
		b.Fatal(err)
	}
	reports := manyReports(b, 200)
	if _, err := s.AddReports(ctx, c.ID, reports); err != nil {
		b.Fatal(err)
	}
	return s, c, compare.Analyze(reports, compare.DefaultOptions())
}

// BenchmarkSaveAnalysis stores the analysis of a 200-report case,
// replacing the previous one, as each re-analysis does.
func BenchmarkSaveAnalysis(b *testing.B) {
	ctx := context.Background()
	s, c, res := bigCase(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := s.SaveAnalysis(ctx, c.ID, res); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(res.Quotes)+len(res.Claims)), "items")
	b.ReportMetric(float64(len(res.Groups)), "groups")
}

// BenchmarkLoadAnalysis reads the stored analysis of a 200-report case.
func BenchmarkLoadAnalysis(b *testing.B) {
	ctx := context.Background()
	s, c, res := bigCase(b)
	if err := s.SaveAnalysis(ctx, c.ID, res); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.LoadAnalysis(ctx, c.ID); err != nil {
			b.Fatal(err)
		}
	}
}

// thousandCases makes a database of 1,000 cases of 5 reports each, all
// analysed, with a verdict on each case, and returns its path.
func thousandCases(b *testing.B) string {
	b.Helper()
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "thousand.db")
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	reports := sampleReports(b)
	res := compare.Analyze(reports, compare.DefaultOptions())
	for i := range 1000 {
		c, err := s.CreateCase(ctx, fmt.Sprintf("Case %d", i), "")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.AddReports(ctx, c.ID, reports); err != nil {
			b.Fatal(err)
		}
		if err := s.SaveAnalysis(ctx, c.ID, res); err != nil {
			b.Fatal(err)
		}
		if _, err := s.RecordVerdict(ctx, c.ID, res.Groups[i%len(res.Groups)].ID,
			VerdictInput{Status: "altered", Note: fmt.Sprintf("checked against the minutes, batch %d", i)}); err != nil {
			b.Fatal(err)
		}
	}
	return path
}

// BenchmarkOpen opens a database of 1,000 cases and lists them, as the
// app does when it starts.
func BenchmarkOpen(b *testing.B) {
	path := thousandCases(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		cases, err := s.Cases(ctx)
		if err != nil || len(cases) != 1000 {
			b.Fatalf("%d cases, %v", len(cases), err)
		}
		s.Close()
	}
}

// BenchmarkSearch searches a database of 1,000 cases: all of them, and
// one.
func BenchmarkSearch(b *testing.B) {
	path := thousandCases(b)
	s := mustOpenPath(b, path)
	ctx := context.Background()
	for _, bc := range []struct {
		name   string
		query  string
		caseID int64
	}{
		{"all cases/phrase", "property taxes", 0},
		{"all cases/rare", "batch 517", 0},
		{"one case", "property taxes", 517},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				hits, err := s.Search(ctx, bc.query, bc.caseID, 100)
				if err != nil || len(hits) == 0 {
					b.Fatalf("%d hits, %v", len(hits), err)
				}
			}
		})
	}
}
