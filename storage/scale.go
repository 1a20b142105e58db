package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Status is one step of the verdict scale.
type Status struct {
	Name string
	// Rating orders the statuses for ClaimReview: higher is better, 0
	// marks a status that rates nothing ("unverified").
	Rating int
}

// DefaultScale returns the verdict scale a new database starts with, best
// first.
func DefaultScale() []Status {
	return []Status{
		{"accurate", 6},
		{"minor difference", 5},
		{"altered", 4},
		{"out of context/trimmed", 3},
		{"misattributed", 2},
		{"unsupported", 1},
		{"unverified", 0},
	}
}

// Scale returns the verdict scale in its order.
func (s *Store) Scale(ctx context.Context) ([]Status, error) {
	scale, err := queryScale(ctx, s.db)
	if err != nil {
		return nil, fmt.Errorf("read the verdict scale: %w", mapErr(err))
	}
	return scale, nil
}

func queryScale(ctx context.Context, q querier) ([]Status, error) {
	var scale []Status
	err := eachRow(ctx, q, `SELECT status, rating FROM scale ORDER BY position`, nil,
		func(scan func(...any) error) error {
			var st Status
			if err := scan(&st.Name, &st.Rating); err != nil {
				return err
			}
			scale = append(scale, st)
			return nil
		})
	return scale, err
}

// SetScale replaces the verdict scale. Names must be distinct and not
// empty, ratings not negative. Verdicts already given keep their status,
// even one the new scale lacks.
func (s *Store) SetScale(ctx context.Context, scale []Status) error {
	seen := map[string]bool{}
	for _, st := range scale {
		name := strings.ToLower(strings.TrimSpace(st.Name))
		switch {
		case name == "":
			return fmt.Errorf("set the verdict scale: a status has no name")
		case seen[name]:
			return fmt.Errorf("set the verdict scale: %q appears twice", st.Name)
		case st.Rating < 0:
			return fmt.Errorf("set the verdict scale: %q has a negative rating", st.Name)
		}
		seen[name] = true
	}
	if len(scale) == 0 {
		return fmt.Errorf("set the verdict scale: no statuses given")
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM scale`); err != nil {
			return err
		}
		for i, st := range scale {
			if _, err := tx.ExecContext(ctx, `INSERT INTO scale (position, status, rating) VALUES (?, ?, ?)`,
				i+1, strings.TrimSpace(st.Name), st.Rating); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("set the verdict scale: %w", err)
	}
	return nil
}

// scaleStatus returns the status of the scale a reviewer means: its name
// in any letter case, or its number on the scale from 1.
func scaleStatus(ctx context.Context, q querier, given string) (string, error) {
	scale, err := queryScale(ctx, q)
	if err != nil {
		return "", err
	}
	if st, ok := findStatus(scale, given); ok {
		return st.Name, nil
	}
	names := make([]string, len(scale))
	for i, st := range scale {
		names[i] = fmt.Sprintf("%d %s", i+1, st.Name)
	}
	return "", fmt.Errorf("%q is %w (%s)", given, ErrUnknownStatus, strings.Join(names, ", "))
}

// findStatus looks a status up by name, in any letter case, or by its
// number on the scale from 1.
func findStatus(scale []Status, given string) (Status, bool) {
	given = strings.TrimSpace(given)
	for i, st := range scale {
		if strings.EqualFold(st.Name, given) || fmt.Sprint(i+1) == given {
			return st, true
		}
	}
	return Status{}, false
}
