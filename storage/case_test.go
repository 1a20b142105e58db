package storage

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"strings"
	"testing"
)

func TestUpdateCase(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	c, _, _ := sampleCase(t, s)
	other, err := s.CreateCase(ctx, "Other case", "")
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name               string
		id                 int64
		title, description string
		// wantErr is in the error; "" means success.
		wantErr  string
		notFound bool
		// wantTitle and wantDescription are the case's afterwards.
		wantTitle, wantDescription string
	}{
		{"renamed", c.ID, "Flood barrier vote", "The council's vote", "", false, "Flood barrier vote", "The council's vote"},
		{"trimmed", c.ID, "  Flood barrier, revised \n", "\t The mayor again  ", "", false, "Flood barrier, revised", "The mayor again"},
		{"description cleared", c.ID, "Flood barrier", "", "", false, "Flood barrier", ""},
		{"empty title refused", c.ID, " \t ", "kept?", fmt.Sprintf("update case %d: the title is empty", c.ID), false, "Flood barrier", ""},
		{"missing case", 999, "Anything", "", "update case 999", true, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			id := tc.id
			if tc.notFound {
				id = c.ID
			}
			before, err := s.Case(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			updated, err := s.UpdateCase(ctx, tc.id, tc.title, tc.description)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("UpdateCase: %v", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("UpdateCase: error %v, want one containing %q", err, tc.wantErr)
			case tc.notFound != errors.Is(err, ErrNotFound):
				t.Fatalf("UpdateCase: error %v; errors.Is(ErrNotFound) = %v, want %v", err, !tc.notFound, tc.notFound)
			}
			after, err := s.Case(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if tc.wantErr != "" {
				if after != before {
					t.Errorf("a refused update changed the case: %+v, was %+v", after, before)
				}
				return
			}
			if updated != after {
				t.Errorf("UpdateCase returned %+v, the stored case is %+v", updated, after)
			}
			if after.Title != tc.wantTitle || after.Description != tc.wantDescription {
				t.Errorf("case = %q / %q, want %q / %q", after.Title, after.Description, tc.wantTitle, tc.wantDescription)
			}
			if !after.Updated.After(before.Updated) {
				t.Errorf("updated time %v, was %v: want it later", after.Updated, before.Updated)
			}
			if after.Created != before.Created || after.UID != before.UID || after.Reports != before.Reports {
				t.Errorf("the update changed more than the title and description: %+v, was %+v", after, before)
			}
		})
	}

	// The renamed case is the most recently changed; the other is untouched.
	cases, err := s.Cases(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 2 || cases[0].ID != c.ID || cases[1] != other {
		t.Errorf("Cases() = %+v, want case %d first and %+v unchanged", cases, c.ID, other)
	}
	// Search finds the case by its new title.
	if _, err := s.UpdateCase(ctx, c.ID, "Riverside levy", ""); err != nil {
		t.Fatal(err)
	}
	hits, err := s.Search(ctx, "riverbank", c.ID, 1)
	if err != nil || len(hits) == 0 || hits[0].CaseTitle != "Riverside levy" {
		t.Errorf("Search after the rename = %+v, %v; want hits titled %q", hits, err, "Riverside levy")
	}
}

func TestDeleteCase(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	kept, keptAnalysis, _ := sampleCase(t, s)
	mustRecord(t, s, kept.ID, keptAnalysis.Groups[0].ID, "accurate", "checked against the minutes")
	keptVerdicts := mustCurrent(t, s, kept.ID)
	kept, err := s.Case(ctx, kept.ID)
	if err != nil {
		t.Fatal(err)
	}
	withKept := rowCounts(t, s)

	gone, a, last := sampleCase(t, s)
	group, member := flaggedMember(t, a)
	mustRecord(t, s, gone.ID, member, "unverified", "first look")
	mustRecord(t, s, gone.ID, member, "altered", "the figure changed")
	mustRecord(t, s, gone.ID, group, "altered", "one outlet changed the figure")
	// A report removed after verdicts leaves orphaned verdicts behind; they
	// go with the case too.
	if _, err := s.AddReport(ctx, gone.ID, last); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Analyze(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	withBoth := rowCounts(t, s)
	for _, table := range []string{"cases", "reports", "analyses", "analysis_reports", "items", "item_groups",
		"group_members", "verdicts", "reports_fts_docsize", "items_fts_docsize", "verdicts_fts_docsize"} {
		if withBoth[table] <= withKept[table] {
			t.Fatalf("the second case added no rows to %s (%d): the test would prove nothing", table, withBoth[table])
		}
	}
	if n := indexedRows(t, s, gone.ID); n == 0 {
		t.Fatal("the search indexes hold nothing of the second case")
	}

	if err := s.DeleteCase(ctx, gone.ID); err != nil {
		t.Fatalf("DeleteCase(%d): %v", gone.ID, err)
	}

	if got := rowCounts(t, s); !maps.Equal(got, withKept) {
		t.Errorf("rows after the delete = %v, want those before the case was made: %v", got, withKept)
	}
	if n := indexedRows(t, s, gone.ID); n != 0 {
		t.Errorf("the search indexes still hold %d rows of the deleted case", n)
	}
	for _, index := range []string{"reports_fts", "items_fts", "verdicts_fts"} {
		if _, err := s.db.ExecContext(ctx, fmt.Sprintf("INSERT INTO %s (%[1]s) VALUES ('integrity-check')", index)); err != nil {
			t.Errorf("%s after the delete: %v", index, err)
		}
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
	if _, err := s.Case(ctx, gone.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Case(%d) after the delete: %v, want not found", gone.ID, err)
	}
	if _, err := s.AllVerdicts(ctx, gone.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("AllVerdicts(%d) after the delete: %v, want not found", gone.ID, err)
	}

	// The other case keeps its reports, analysis, verdicts and search.
	if c, err := s.Case(ctx, kept.ID); err != nil || c != kept {
		t.Errorf("Case(%d) = %+v, %v; want %+v", kept.ID, c, err, kept)
	}
	if a, err := s.LoadAnalysis(ctx, kept.ID); err != nil || len(a.Groups) != len(keptAnalysis.Groups) {
		t.Errorf("the kept case's analysis: %v", err)
	}
	if got := mustCurrent(t, s, kept.ID); len(got) != 1 || got[0].UID != keptVerdicts[0].UID {
		t.Errorf("the kept case's verdicts = %+v, want %+v", got, keptVerdicts)
	}
	if hits, err := s.Search(ctx, "riverbank", 0, 0); err != nil || len(hits) == 0 || hits[0].CaseID != kept.ID {
		t.Errorf("Search after the delete = %+v, %v; want hits in case %d only", hits, err, kept.ID)
	}
	// The verdict history stays append-only.
	if _, err := s.db.ExecContext(ctx, `UPDATE verdicts SET note = 'rewritten'`); err == nil ||
		!strings.Contains(err.Error(), "append-only") {
		t.Errorf("rewriting a verdict after the delete: %v, want the append-only refusal", err)
	}

	for _, id := range []int64{gone.ID, 999} {
		err := s.DeleteCase(ctx, id)
		if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), fmt.Sprintf("delete case %d", id)) {
			t.Errorf("DeleteCase(%d) of a missing case: %v, want %q and not found", id, err, fmt.Sprintf("delete case %d", id))
		}
	}
	if got := rowCounts(t, s); !maps.Equal(got, withKept) {
		t.Errorf("a refused delete changed rows: %v, want %v", got, withKept)
	}
}

// rowCounts counts the rows of every table of the database but the
// search indexes' internal ones, where only the per-document sizes
// (*_fts_docsize, a row for each indexed row) are counted.
func rowCounts(t *testing.T, s *Store) map[string]int {
	t.Helper()
	ctx := context.Background()
	var tables []string
	err := eachRow(ctx, s.db, `SELECT name FROM sqlite_schema WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'
		AND (name NOT LIKE '%\_fts\_%' ESCAPE '\' OR name LIKE '%\_docsize' ESCAPE '\')`, nil,
		func(scan func(...any) error) error {
			var name string
			err := scan(&name)
			tables = append(tables, name)
			return err
		})
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, table := range tables {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM "`+table+`"`).Scan(&n); err != nil {
			t.Fatalf("count %s: %v", table, err)
		}
		counts[table] = n
	}
	return counts
}

// indexedRows counts the entries of the search indexes tagged with a case.
func indexedRows(t *testing.T, s *Store, caseID int64) int {
	t.Helper()
	total := 0
	for _, index := range []string{"reports_fts", "items_fts", "verdicts_fts"} {
		var n int
		query := fmt.Sprintf(`SELECT count(*) FROM %s WHERE %[1]s MATCH ?`, index)
		if err := s.db.QueryRowContext(context.Background(), query, fmt.Sprintf(`case_tag : "c%d"`, caseID)).Scan(&n); err != nil {
			t.Fatalf("%s: %v", index, err)
		}
		total += n
	}
	return total
}

func TestCaseNumbersNotReused(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	var ids []int64
	for _, title := range []string{"First", "Second", "Third"} {
		c, err := s.CreateCase(ctx, title, "")
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	if err := s.DeleteCase(ctx, ids[2]); err != nil {
		t.Fatal(err)
	}
	c, err := s.CreateCase(ctx, "Fourth", "")
	if err != nil {
		t.Fatal(err)
	}
	if c.ID <= ids[2] {
		t.Errorf("the case made after deleting case %d got number %d; a deleted case's number must not be given again", ids[2], c.ID)
	}
}
