package storage

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/parallax-review/parallax/compare"
)

// mustOpen opens a new database in a temporary directory and closes it
// when the test ends.
func mustOpen(t testing.TB) *Store {
	t.Helper()
	return mustOpenPath(t, filepath.Join(t.TempDir(), "parallax.db"))
}

// mustOpenPath opens the database at path and closes it when the test ends.
func mustOpenPath(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// sampleReports loads the sample case shipped with the app; the
// transcript is the reference.
func sampleReports(t testing.TB) []*compare.Report {
	t.Helper()
	files, err := filepath.Glob("../assets/sample/*.txt")
	if err != nil || len(files) < 3 {
		t.Fatalf("sample reports: %v (%d files)", err, len(files))
	}
	var reports []*compare.Report
	for i, f := range files {
		r, err := compare.LoadReport(f)
		if err != nil {
			t.Fatal(err)
		}
		r.Reference = i == 0
		reports = append(reports, r)
	}
	return reports
}

// sampleCase creates a case of the sample reports but the last, analyses
// it and returns it with the last report, left out.
func sampleCase(t testing.TB, s *Store) (Case, *Analysis, *compare.Report) {
	t.Helper()
	ctx := context.Background()
	c, err := s.CreateCase(ctx, "Flood barrier", "The mayor's remarks")
	if err != nil {
		t.Fatal(err)
	}
	reports := sampleReports(t)
	for _, r := range reports[:len(reports)-1] {
		if _, err := s.AddReport(ctx, c.ID, r); err != nil {
			t.Fatal(err)
		}
	}
	a, err := s.Analyze(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Groups) == 0 {
		t.Fatal("the sample case has no groups")
	}
	return c, a, reports[len(reports)-1]
}

// mustRecord records a verdict and fails the test if it cannot.
func mustRecord(t testing.TB, s *Store, caseID int64, ref, status, note string) Verdict {
	t.Helper()
	v, err := s.RecordVerdict(context.Background(), caseID, ref, VerdictInput{Status: status, Note: note, Reviewer: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	return v
}
