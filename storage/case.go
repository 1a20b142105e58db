package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Case is one event under review: the reports of it and their analysis.
type Case struct {
	ID int64
	// UID identifies the case across databases, so that a bundle imported
	// twice merges into the same case.
	UID         string
	Title       string
	Description string
	Created     time.Time
	Updated     time.Time
	// Reports is how many reports the case holds.
	Reports int
}

const caseColumns = `c.id, c.uid, c.title, c.description, c.created_at, c.updated_at,
	(SELECT count(*) FROM reports r WHERE r.case_id = c.id)`

func scanCase(row interface{ Scan(...any) error }) (Case, error) {
	var c Case
	var created, updated string
	err := row.Scan(&c.ID, &c.UID, &c.Title, &c.Description, &created, &updated, &c.Reports)
	c.Created, c.Updated = parseTime(created), parseTime(updated)
	return c, err
}

// CreateCase adds a case with the given title and description.
func (s *Store) CreateCase(ctx context.Context, title, description string) (Case, error) {
	var c Case
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		id, err := insertCase(ctx, tx, newUID(), title, description, time.Now())
		if err != nil {
			return err
		}
		c, err = queryCase(ctx, tx, id)
		return err
	})
	if err != nil {
		return Case{}, fmt.Errorf("create case %q: %w", title, err)
	}
	return c, nil
}

// insertCase adds a case and returns its ID.
func insertCase(ctx context.Context, tx *sql.Tx, uid, title, description string, created time.Time) (int64, error) {
	title = strings.TrimSpace(title)
	if title == "" {
		return 0, errors.New("the title is empty")
	}
	now := formatTime(created)
	// The number after the highest ever given, so that a deleted case's
	// number is not given again.
	res, err := tx.ExecContext(ctx,
		`INSERT INTO cases (id, uid, title, description, created_at, updated_at)
		 VALUES ((SELECT last + 1 FROM case_numbers), ?, ?, ?, ?, ?)`,
		uid, title, strings.TrimSpace(description), now, now)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// Cases lists every case, the most recently changed first.
func (s *Store) Cases(ctx context.Context) ([]Case, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+caseColumns+` FROM cases c ORDER BY c.updated_at DESC, c.id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list cases: %w", mapErr(err))
	}
	defer rows.Close()
	var cases []Case
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			return nil, fmt.Errorf("list cases: %w", mapErr(err))
		}
		cases = append(cases, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list cases: %w", mapErr(err))
	}
	return cases, nil
}

// Case returns the case with the given ID.
func (s *Store) Case(ctx context.Context, id int64) (Case, error) {
	c, err := queryCase(ctx, s.db, id)
	if errors.Is(err, sql.ErrNoRows) {
		return Case{}, fmt.Errorf("case %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Case{}, fmt.Errorf("case %d: %w", id, mapErr(err))
	}
	return c, nil
}

// queryCase reads the case with the given ID.
func queryCase(ctx context.Context, q querier, id int64) (Case, error) {
	return scanCase(q.QueryRowContext(ctx, `SELECT `+caseColumns+` FROM cases c WHERE c.id = ?`, id))
}

// checkCase returns ErrNotFound when the case does not exist.
func checkCase(ctx context.Context, q querier, id int64) error {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM cases WHERE id = ?`, id).Scan(&n); err != nil {
		return mapErr(err)
	}
	if n == 0 {
		return fmt.Errorf("case %d: %w", id, ErrNotFound)
	}
	return nil
}

// caseByUID returns the ID of the case with the given UID, or 0.
func caseByUID(ctx context.Context, tx *sql.Tx, uid string) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM cases WHERE uid = ?`, uid).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// UpdateCase changes a case's title and description, trimmed of spaces,
// marks the case changed and returns it. An empty title is refused; a
// missing case gives ErrNotFound.
func (s *Store) UpdateCase(ctx context.Context, id int64, title, description string) (Case, error) {
	title = strings.TrimSpace(title)
	if title == "" {
		return Case{}, fmt.Errorf("update case %d: the title is empty", id)
	}
	var c Case
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE cases SET title = ?, description = ?, updated_at = ? WHERE id = ?`,
			title, strings.TrimSpace(description), formatTime(time.Now()), id)
		if err != nil {
			return err
		}
		if err := mustAffect(res, ErrNotFound); err != nil {
			return err
		}
		c, err = queryCase(ctx, tx, id)
		return err
	})
	if err != nil {
		return Case{}, fmt.Errorf("update case %d: %w", id, err)
	}
	return c, nil
}

// DeleteCase deletes a case with its reports, analysis, search index
// entries and whole verdict history. It is the only way verdicts leave the
// database (a verdict is never changed or removed on its own), so callers
// say what will be lost and ask first.
func (s *Store) DeleteCase(ctx context.Context, id int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM cases WHERE id = ?`, id)
		if err != nil {
			return err
		}
		return mustAffect(res, ErrNotFound)
	})
	if err != nil {
		return fmt.Errorf("delete case %d: %w", id, err)
	}
	return nil
}

// touchCase records that a case changed now.
func touchCase(ctx context.Context, tx *sql.Tx, id int64) error {
	res, err := tx.ExecContext(ctx, `UPDATE cases SET updated_at = ? WHERE id = ?`, formatTime(time.Now()), id)
	if err != nil {
		return err
	}
	return mustAffect(res, fmt.Errorf("case %d: %w", id, ErrNotFound))
}

// mustAffect returns notFound when a statement changed no row.
func mustAffect(res sql.Result, notFound error) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return notFound
	}
	return nil
}
