package assets

import "testing"

func TestSampleReports(t *testing.T) {
	reports, err := SampleReports()
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) < 3 {
		t.Fatalf("the sample case has %d reports, want at least 3", len(reports))
	}
	refs := 0
	for _, r := range reports {
		if r.Body == "" || r.Meta.Outlet == "" {
			t.Errorf("%s: empty body or outlet", r.File)
		}
		if r.Reference {
			refs++
			if r.File != SampleReference {
				t.Errorf("reference is %s, want %s", r.File, SampleReference)
			}
		}
	}
	if refs != 1 {
		t.Errorf("%d references, want 1", refs)
	}
}

func TestIcon(t *testing.T) {
	// A PNG starts with its eight-byte signature.
	if c := Icon.Content(); len(c) < 8 || string(c[1:4]) != "PNG" {
		t.Errorf("the icon is not a PNG (%d bytes)", len(c))
	}
}
