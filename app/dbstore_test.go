package app

import (
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-review/parallax/storage"
)

// openDB opens a database file in a temporary folder as the app's Store.
func openDB(t *testing.T, path string) (Store, *storage.Store) {
	t.Helper()
	db, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return NewDBStore(db), db
}

func TestVerdictSurvivesReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parallax.db")
	store, db := openDB(t, path)
	u := newTestUI(t, store)
	u.app.Preferences().SetString(prefReviewer, "Ana")
	cv := openSample(t, u)
	cv.moveRow(1, true)
	if cv.selected == nil || cv.selected.severity == 0 {
		t.Fatal("the sample case has no group with a difference")
	}
	target := cv.selected.members[cv.focus].key
	cv.recordFocused(2)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	store2, db2 := openDB(t, path)
	defer db2.Close()
	hist, err := store2.History(cv.info.ID, target)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 1 || hist[0].Status != DefaultScale[2] || hist[0].Reviewer != "Ana" {
		t.Fatalf("reopened database: history of %s = %+v, want one %q verdict by Ana", target, hist, DefaultScale[2])
	}

	// The app opened on the reopened database shows the verdict.
	u2 := newTestUI(t, store2)
	u2.openCase(cv.info)
	cv2 := waitAnalysis(t, u2)
	if v, ok := cv2.verdicts[target]; !ok || v.Status != DefaultScale[2] {
		t.Errorf("reopened app: verdict on %s = %+v", target, v)
	}
}

func TestDBStoreRefusesBadEvidence(t *testing.T) {
	store, db := openDB(t, filepath.Join(t.TempDir(), "parallax.db"))
	defer db.Close()
	u := newTestUI(t, store)
	cv := openSample(t, u)
	m := cv.selected.members[cv.focus]
	if cv.record(m.key, "altered", "see the tape", "not-a-url") {
		t.Fatal("a verdict with evidence that is no URL was saved")
	}
	if _, ok := cv.verdicts[m.key]; ok {
		t.Error("the refused verdict shows as current")
	}
}

func TestExport(t *testing.T) {
	store, db := openDB(t, filepath.Join(t.TempDir(), "parallax.db"))
	defer db.Close()
	u := newTestUI(t, store)
	cv := openSample(t, u)
	m := cv.selected.members[cv.focus]
	if !cv.record(m.key, "altered", "checked against the transcript", "https://example.org/tape") {
		t.Fatal("recording a verdict failed")
	}
	// ClaimReview reviews whole groups.
	if !cv.record(cv.selected.key, "altered", "", "") {
		t.Fatal("recording a group verdict failed")
	}
	pub := Publisher{Organisation: "Harbour Checks", ReviewsURL: "https://checks.example/reviews"}
	e := store.(Exporter)
	for _, f := range exportFormats {
		t.Run(f.format, func(t *testing.T) {
			var b strings.Builder
			if err := e.Export(cv.info.ID, f.format, pub, &b); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), "altered") {
				t.Errorf("the %s export does not carry the verdict:\n%.400s", f.label, b.String())
			}
		})
	}
	t.Run("claimreview without organisation", func(t *testing.T) {
		err := e.Export(cv.info.ID, "claimreview", Publisher{}, io.Discard)
		if err == nil || !strings.Contains(err.Error(), "organisation") {
			t.Errorf("error %v, want one naming the missing organisation", err)
		}
	})
	t.Run("bundle", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "case.parallax")
		if err := e.ExportBundle(cv.info.ID, path); err != nil {
			t.Fatal(err)
		}
		other, odb := openDB(t, filepath.Join(t.TempDir(), "other.db"))
		defer odb.Close()
		cases, err := other.(Exporter).ImportBundle(path)
		if err != nil {
			t.Fatal(err)
		}
		if len(cases) != 1 || cases[0].Title != cv.info.Title {
			t.Errorf("imported %+v, want the case %q", cases, cv.info.Title)
		}
	})
}

func TestMemoryStoreCannotExport(t *testing.T) {
	u := newTestUI(t, NewMemoryStore())
	if u.exporter() != nil {
		t.Fatal("a memory store claims to export")
	}
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("no dialog tells that this session cannot export")
	}
}
