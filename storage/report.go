package storage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/parallax-review/parallax/compare"
)

// Report is one report of a case as stored.
type Report struct {
	ID     int64
	CaseID int64
	// Hash is the SHA-256 of the body, in hex: the report's identity
	// across analyses and databases.
	Hash string
	// File is the name the report was loaded from.
	File string
	Meta compare.Meta
	Body string
	// Reference marks the report the others are compared against.
	Reference bool
	Added     time.Time
}

// Compare returns the report as the analysis engine takes it. Its ID is
// "r" and the stored ID, so it stays the same across analyses.
func (r *Report) Compare() *compare.Report {
	return &compare.Report{ID: reportRef(r.ID), File: r.File, Meta: r.Meta, Body: r.Body, Reference: r.Reference}
}

// reportRef is the ID the analysis gives the stored report id.
func reportRef(id int64) string { return fmt.Sprintf("r%d", id) }

// ContentHash returns the identity of a report body: the SHA-256 of its
// exact bytes, in hex. Unlike compare.ContentHash it does not fold white
// space: spans are byte offsets into the body, so a verdict's span is only
// meaningful in the very same bytes.
func ContentHash(body string) string {
	sum := sha256.Sum256([]byte(body))
	return hex.EncodeToString(sum[:])
}

// AddReport adds a report to a case. A report whose body is already in
// the case is refused with ErrDuplicate. When the report is marked as the
// reference, it takes the mark from any other report of the case. The
// case's analysis is stale until the case is analysed again.
func (s *Store) AddReport(ctx context.Context, caseID int64, r *compare.Report) (Report, error) {
	added, err := s.AddReports(ctx, caseID, []*compare.Report{r})
	if err != nil {
		return Report{}, err
	}
	return added[0], nil
}

// AddReports adds several reports to a case as AddReport does, all or
// none: when one is refused, none is added.
func (s *Store) AddReports(ctx context.Context, caseID int64, reports []*compare.Report) ([]Report, error) {
	var out []Report
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		now := time.Now()
		for _, r := range reports {
			added, err := addReport(ctx, tx, caseID, r, now)
			if err != nil {
				return fmt.Errorf("add %s to case %d: %w", r.File, caseID, err)
			}
			out = append(out, added)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func addReport(ctx context.Context, tx *sql.Tx, caseID int64, r *compare.Report, added time.Time) (Report, error) {
	if err := touchCase(ctx, tx, caseID); err != nil {
		return Report{}, err
	}
	hash := ContentHash(r.Body)
	if err := checkDuplicate(ctx, tx, caseID, hash, 0); err != nil {
		return Report{}, err
	}
	extra, err := json.Marshal(r.Meta.Extra)
	if err != nil {
		return Report{}, err
	}
	if r.Reference {
		if _, err := tx.ExecContext(ctx, `UPDATE reports SET reference = 0 WHERE case_id = ?`, caseID); err != nil {
			return Report{}, err
		}
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO reports
		(case_id, hash, file, title, outlet, date, url, author, extra, body, reference, added_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		caseID, hash, r.File, r.Meta.Title, r.Meta.Outlet, r.Meta.Date, r.Meta.URL, r.Meta.Author,
		string(extra), r.Body, r.Reference, formatTime(added))
	if err != nil {
		return Report{}, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return Report{}, err
	}
	return Report{ID: id, CaseID: caseID, Hash: hash, File: r.File, Meta: r.Meta, Body: r.Body,
		Reference: r.Reference, Added: parseTime(formatTime(added))}, nil
}

// checkDuplicate returns ErrDuplicate when a report of the case other
// than except (0 for none) has the body whose hash is given.
func checkDuplicate(ctx context.Context, tx *sql.Tx, caseID int64, hash string, except int64) error {
	var other int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM reports WHERE case_id = ? AND hash = ? AND id <> ?`,
		caseID, hash, except).Scan(&other)
	if err == nil {
		return fmt.Errorf("the same text is report %d: %w", other, ErrDuplicate)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	return err
}

// RemoveReport removes a report from its case. Verdicts on its quotes and
// claims are kept; they show as orphaned until the report is added back.
func (s *Store) RemoveReport(ctx context.Context, caseID, reportID int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM reports WHERE id = ? AND case_id = ?`, reportID, caseID)
		if err != nil {
			return err
		}
		if err := mustAffect(res, ErrNotFound); err != nil {
			return err
		}
		return touchCase(ctx, tx, caseID)
	})
	if err != nil {
		return fmt.Errorf("remove report %d from case %d: %w", reportID, caseID, err)
	}
	return nil
}

// UpdateReport replaces a stored report's file name, metadata and text
// with r's, keeping its place and reference mark. A new text makes the
// case's analysis stale, and verdicts on the old text's quotes and claims
// orphans (they are kept); a text already in another report of the case
// is refused with ErrDuplicate.
func (s *Store) UpdateReport(ctx context.Context, caseID, reportID int64, r *compare.Report) (Report, error) {
	var out Report
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		hash := ContentHash(r.Body)
		if err := checkDuplicate(ctx, tx, caseID, hash, reportID); err != nil {
			return err
		}
		extra, err := json.Marshal(r.Meta.Extra)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE reports SET hash = ?, file = ?, title = ?, outlet = ?, date = ?,
			url = ?, author = ?, extra = ?, body = ? WHERE id = ? AND case_id = ?`,
			hash, r.File, r.Meta.Title, r.Meta.Outlet, r.Meta.Date, r.Meta.URL, r.Meta.Author, string(extra), r.Body,
			reportID, caseID)
		if err != nil {
			return err
		}
		if err := mustAffect(res, ErrNotFound); err != nil {
			return err
		}
		if err := touchCase(ctx, tx, caseID); err != nil {
			return err
		}
		updated, err := selectReports(ctx, tx, `id = ?`, reportID)
		if err != nil {
			return err
		}
		out = updated[0]
		return nil
	})
	if err != nil {
		return Report{}, fmt.Errorf("update report %d of case %d: %w", reportID, caseID, err)
	}
	return out, nil
}

// SetReference marks one report of a case as the reference the others
// are compared against; reportID 0 clears the mark.
func (s *Store) SetReference(ctx context.Context, caseID, reportID int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE reports SET reference = (id = ?) WHERE case_id = ?`, reportID, caseID); err != nil {
			return err
		}
		if reportID != 0 {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM reports WHERE id = ? AND case_id = ?`, reportID, caseID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return ErrNotFound
			}
		}
		return touchCase(ctx, tx, caseID)
	})
	if err != nil {
		return fmt.Errorf("mark report %d of case %d as reference: %w", reportID, caseID, err)
	}
	return nil
}

// Reports lists a case's reports in the order they were added.
func (s *Store) Reports(ctx context.Context, caseID int64) ([]Report, error) {
	reports, err := queryReports(ctx, s.db, caseID)
	if err != nil {
		return nil, fmt.Errorf("reports of case %d: %w", caseID, mapErr(err))
	}
	return reports, nil
}

// querier is what *sql.DB and *sql.Tx have in common.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// queryReports reads a case's reports in the order they were added.
func queryReports(ctx context.Context, q querier, caseID int64) ([]Report, error) {
	return selectReports(ctx, q, `case_id = ?`, caseID)
}

// selectReports reads the reports that meet the SQL condition where, in
// the order they were added.
func selectReports(ctx context.Context, q querier, where string, args ...any) ([]Report, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, case_id, hash, file, title, outlet, date, url, author,
		extra, body, reference, added_at FROM reports WHERE `+where+` ORDER BY id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var reports []Report
	for rows.Next() {
		var r Report
		var extra, added string
		if err := rows.Scan(&r.ID, &r.CaseID, &r.Hash, &r.File, &r.Meta.Title, &r.Meta.Outlet, &r.Meta.Date,
			&r.Meta.URL, &r.Meta.Author, &extra, &r.Body, &r.Reference, &added); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(extra), &r.Meta.Extra); err != nil {
			return nil, fmt.Errorf("report %d: extra fields: %w", r.ID, err)
		}
		r.Added = parseTime(added)
		reports = append(reports, r)
	}
	return reports, rows.Err()
}
