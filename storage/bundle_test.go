package storage

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestBundleRoundTrip(t *testing.T) {
	ctx := context.Background()
	here := mustOpen(t)
	c, group, member := reviewedCase(t, here)
	path := filepath.Join(t.TempDir(), "flood"+BundleExt)
	if err := here.ExportBundle(ctx, c.ID, path); err != nil {
		t.Fatal(err)
	}
	if m, _ := filepath.Glob(path + "-*"); len(m) > 0 {
		t.Errorf("the bundle is not one file: %v", m)
	}
	bundle, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	there := mustOpen(t)
	imported, err := there.ImportBundle(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(imported) != 1 || !imported[0].New || imported[0].Reports != 3 || imported[0].Verdicts != 4 {
		t.Fatalf("import = %+v, want one new case with 3 reports and 4 verdict entries", imported)
	}
	id := imported[0].Case.ID
	if !sameHistory(t, here, c.ID, there, id) {
		t.Fatal("the imported history differs from the exported one")
	}

	// Both sides go on reviewing; each bundle brings the other's entries.
	mustRecord(t, here, c.ID, member, "accurate", "here: on second thoughts")
	mustRecord(t, there, id, group, "misattributed", "there: wrong speaker")
	back := filepath.Join(t.TempDir(), "back"+BundleExt)
	if err := there.ExportBundle(ctx, id, back); err != nil {
		t.Fatal(err)
	}
	if err := here.ExportBundle(ctx, c.ID, path); err != nil {
		t.Fatal(err)
	}
	if im, err := here.ImportBundle(ctx, back); err != nil || im[0].New || im[0].Case.ID != c.ID || im[0].Verdicts != 1 {
		t.Fatalf("import back = %+v, %v; want one entry merged into case %d", im, err, c.ID)
	}
	if im, err := there.ImportBundle(ctx, path); err != nil || im[0].Verdicts != 1 {
		t.Fatalf("second import there = %+v, %v; want one entry merged", im, err)
	}
	if !sameHistory(t, here, c.ID, there, id) {
		t.Error("after merging both ways the histories differ")
	}
	hist, err := here.AllVerdicts(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 6 {
		t.Errorf("merged history has %d entries, want 6", len(hist))
	}
	for _, v := range mustCurrent(t, here, c.ID) {
		if v.Ref == group && v.Status != "misattributed" || v.Ref == member && v.Status != "accurate" {
			t.Errorf("current verdict on %s after merging = %s", v.Ref, v.Status)
		}
	}

	// Importing the same bundle again adds nothing.
	if im, err := there.ImportBundle(ctx, path); err != nil || im[0].Reports+im[0].Verdicts != 0 {
		t.Errorf("re-import = %+v, %v; want nothing added", im, err)
	}
	after, err := os.ReadFile(path)
	if err == nil && bytes.Equal(after, bundle) {
		t.Error("the re-exported bundle did not change") // it gained an entry
	}
}

// sameHistory tells whether two cases have the same verdict history.
func sameHistory(t *testing.T, a *Store, aID int64, b *Store, bID int64) bool {
	t.Helper()
	ha, err := a.AllVerdicts(context.Background(), aID)
	if err != nil {
		t.Fatal(err)
	}
	hb, err := b.AllVerdicts(context.Background(), bID)
	if err != nil {
		t.Fatal(err)
	}
	return slices.EqualFunc(ha, hb, func(x, y Verdict) bool {
		return x.UID == y.UID && x.Status == y.Status && x.Note == y.Note && x.Time.Equal(y.Time) &&
			x.Target.key() == y.Target.key() && x.Orphan == y.Orphan && slices.Equal(x.Evidence, y.Evidence)
	})
}

func TestBadBundles(t *testing.T) {
	ctx := context.Background()
	src := mustOpen(t)
	c, _, _ := sampleCase(t, src)
	dir := t.TempDir()
	good := filepath.Join(dir, "good"+BundleExt)
	if err := src.ExportBundle(ctx, c.ID, good); err != nil {
		t.Fatal(err)
	}
	newer := filepath.Join(dir, "newer"+BundleExt)
	{
		b := mustOpenPath(t, newer)
		if _, err := b.db.Exec("PRAGMA user_version = 99"); err != nil {
			t.Fatal(err)
		}
		b.Close()
	}
	text := filepath.Join(dir, "notes"+BundleExt)
	os.WriteFile(text, []byte("just some notes\n"), 0o600)
	empty := filepath.Join(dir, "empty"+BundleExt)
	mustOpenPath(t, empty).Close()
	damaged := filepath.Join(dir, "damaged"+BundleExt)
	data, _ := os.ReadFile(good)
	os.WriteFile(damaged, data, 0o600)
	damage(t, damaged, 100, 4096)

	tests := []struct {
		name string
		path string
		want error
	}{
		{"newer version", newer, ErrNewerVersion},
		{"not SQLite", text, ErrNotDatabase},
		{"no case in it", empty, nil},
		{"damaged", damaged, ErrCorrupt},
		{"missing", filepath.Join(dir, "missing"+BundleExt), os.ErrNotExist},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dst := mustOpen(t)
			mine, err := dst.CreateCase(ctx, "Mine", "")
			if err != nil {
				t.Fatal(err)
			}
			before, _ := os.ReadFile(tc.path)
			_, err = dst.ImportBundle(ctx, tc.path)
			if err == nil || tc.want != nil && !errors.Is(err, tc.want) {
				t.Fatalf("ImportBundle: %v, want %v", err, tc.want)
			}
			if after, _ := os.ReadFile(tc.path); !bytes.Equal(before, after) {
				t.Error("the refused bundle changed")
			}
			cases, err := dst.Cases(ctx)
			if err != nil || len(cases) != 1 || cases[0].ID != mine.ID {
				t.Errorf("cases after a refused import = %+v, %v", cases, err)
			}
		})
	}
}
