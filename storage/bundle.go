package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// BundleExt is the file name extension of a case bundle.
const BundleExt = ".parallax"

// ExportBundle writes a case, with its reports, analysis and whole verdict
// history, to path as a bundle: an SQLite database of Parallax's schema
// holding that one case, for ImportBundle on another machine. The file is
// written whole or not at all; an existing file at path is replaced.
func (s *Store) ExportBundle(ctx context.Context, caseID int64, path string) error {
	if err := s.exportBundle(ctx, caseID, path); err != nil {
		return fmt.Errorf("export case %d to %s: %w", caseID, path, err)
	}
	return nil
}

func (s *Store) exportBundle(ctx context.Context, caseID int64, path string) error {
	d, err := s.loadCaseData(ctx, caseID)
	if err != nil {
		return err
	}
	c := d.Case

	tmp, err := os.CreateTemp(filepath.Dir(path), ".parallax-export-*")
	if err != nil {
		return mapErr(err)
	}
	tmpPath := tmp.Name()
	tmp.Close()
	defer removeDatabase(tmpPath)
	b, err := Open(tmpPath)
	if err != nil {
		return err
	}
	defer b.Close()
	// One connection, so that the journal can be turned back to a plain
	// rollback journal at the end: the bundle is then one self-contained file.
	b.db.SetMaxOpenConns(1)
	err = b.inTx(ctx, func(tx *sql.Tx) error {
		id, err := insertCase(ctx, tx, c.UID, c.Title, c.Description, c.Created)
		if err != nil {
			return err
		}
		for _, r := range d.Reports {
			if _, err := addReport(ctx, tx, id, r.Compare(), r.Added); err != nil {
				return err
			}
		}
		if d.Analysis != nil {
			if err := saveAnalysis(ctx, tx, id, d.Analysis.Result); err != nil {
				return err
			}
		}
		for _, v := range d.History {
			v.CaseID = id
			if _, err := insertVerdict(ctx, tx, v); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, `UPDATE cases SET updated_at = ? WHERE id = ?`, formatTime(c.Updated), id)
		return err
	})
	if err != nil {
		return err
	}
	if _, err := b.db.ExecContext(ctx, "PRAGMA journal_mode = DELETE"); err != nil {
		return mapErr(err)
	}
	if err := b.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmpPath, 0o644); err != nil {
		return err
	}
	return os.Rename(tmpPath, path)
}

// removeDatabase removes a database file and its journals, if any.
func removeDatabase(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}

// Imported says what importing a bundle did to one case.
type Imported struct {
	Case Case
	// New tells that the case was not in the database before.
	New bool
	// Reports and Verdicts count the reports and verdict history
	// entries the bundle added; those already in the database are kept
	// as they are.
	Reports  int
	Verdicts int
}

// ImportBundle merges the cases of a bundle written by ExportBundle into
// the database: a case already here (the same case UID) gains the
// reports and verdict history entries it lacks, so both sides' histories
// are kept; a new case is added whole. Cases that changed are analysed
// again. The bundle itself is only read. A bundle written by a newer
// Parallax is refused with ErrNewerVersion, and a bundle that fails
// changes nothing.
func (s *Store) ImportBundle(ctx context.Context, path string) ([]Imported, error) {
	imported, err := s.importBundle(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", path, err)
	}
	return imported, nil
}

func (s *Store) importBundle(ctx context.Context, path string) ([]Imported, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.IsDir() || st.Size() == 0 {
		return nil, errors.New("not a Parallax bundle (a folder or an empty file)")
	}
	if err := checkFile(path); err != nil {
		return nil, err
	}
	// Work on a copy, so that migrating an older bundle never writes to
	// the file the user gave.
	tmpPath, err := copyToTemp(path)
	if err != nil {
		return nil, err
	}
	defer removeDatabase(tmpPath)
	b, err := Open(tmpPath)
	if errors.Is(err, ErrNewerVersion) {
		return nil, fmt.Errorf("the bundle is %w", ErrNewerVersion)
	}
	if err != nil {
		return nil, fmt.Errorf("the bundle cannot be read: %w", errors.Unwrap(err))
	}
	defer b.Close()
	cases, err := b.Cases(ctx)
	if err != nil {
		return nil, err
	}
	if len(cases) == 0 {
		return nil, errors.New("the bundle holds no case")
	}
	type bundleCase struct {
		c        Case
		reports  []Report
		verdicts []Verdict
	}
	var in []bundleCase
	for _, c := range cases {
		bc := bundleCase{c: c}
		if bc.reports, err = b.Reports(ctx, c.ID); err != nil {
			return nil, err
		}
		if bc.verdicts, err = b.AllVerdicts(ctx, c.ID); err != nil {
			return nil, err
		}
		in = append(in, bc)
	}
	var out []Imported
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		for _, bc := range in {
			im, err := mergeCase(ctx, tx, bc.c, bc.reports, bc.verdicts)
			if err != nil {
				return fmt.Errorf("case %q: %w", bc.c.Title, err)
			}
			out = append(out, im)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i, im := range out {
		if _, err := s.EnsureAnalysis(ctx, im.Case.ID); err != nil {
			return nil, err
		}
		if out[i].Case, err = s.Case(ctx, im.Case.ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// mergeCase adds to the database what it lacks of a bundle's case.
func mergeCase(ctx context.Context, tx *sql.Tx, c Case, reports []Report, verdicts []Verdict) (Imported, error) {
	im := Imported{}
	id, err := caseByUID(ctx, tx, c.UID)
	if err != nil {
		return im, err
	}
	if id == 0 {
		im.New = true
		if id, err = insertCase(ctx, tx, c.UID, c.Title, c.Description, c.Created); err != nil {
			return im, err
		}
	}
	im.Case.ID = id
	local, err := queryReports(ctx, tx, id)
	if err != nil {
		return im, err
	}
	have := map[string]bool{}
	hasReference := false
	for _, r := range local {
		have[r.Hash] = true
		hasReference = hasReference || r.Reference
	}
	for _, r := range reports {
		if have[r.Hash] {
			continue
		}
		cr := r.Compare()
		// The reference chosen here stays the reference.
		cr.Reference = r.Reference && !hasReference
		if _, err := addReport(ctx, tx, id, cr, r.Added); err != nil {
			return im, err
		}
		im.Reports++
	}
	for _, v := range verdicts {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM verdicts WHERE uid = ?`, v.UID).Scan(&n); err != nil {
			return im, err
		}
		if n > 0 {
			continue
		}
		v.CaseID = id
		if _, err := insertVerdict(ctx, tx, v); err != nil {
			return im, err
		}
		im.Verdicts++
	}
	if im.Reports+im.Verdicts == 0 {
		return im, nil
	}
	return im, touchCase(ctx, tx, id)
}

// copyToTemp copies a file to a new temporary file and returns its path.
func copyToTemp(path string) (string, error) {
	src, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer src.Close()
	dst, err := os.CreateTemp("", "parallax-import-*.db")
	if err != nil {
		return "", err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		os.Remove(dst.Name())
		return "", err
	}
	if err := dst.Close(); err != nil {
		os.Remove(dst.Name())
		return "", err
	}
	return dst.Name(), nil
}
