package storage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/parallax-review/parallax/compare"
)

// Analysis is the stored analysis of a case.
type Analysis struct {
	*compare.Result
	// Engine is the compare.Version that made the analysis.
	Engine  string
	Created time.Time
	// Stale tells that the case's reports or the engine changed since the
	// analysis was made: the case should be analysed again.
	Stale bool
	// ReportIDs maps the analysis's report IDs ("r3") to stored report IDs.
	ReportIDs map[string]int64
}

// Analyze analyses a case's reports with compare.Analyze and stores the
// result, replacing the previous analysis. Verdicts re-attach to the new
// analysis by their stable identities. It may take a while on a large
// case: call it off the UI goroutine.
func (s *Store) Analyze(ctx context.Context, caseID int64) (*Analysis, error) {
	if err := checkCase(ctx, s.db, caseID); err != nil {
		return nil, err
	}
	reports, err := s.Reports(ctx, caseID)
	if err != nil {
		return nil, err
	}
	in := make([]*compare.Report, len(reports))
	for i := range reports {
		in[i] = reports[i].Compare()
	}
	res := compare.Analyze(in, compare.DefaultOptions())
	if err := s.SaveAnalysis(ctx, caseID, res); err != nil {
		return nil, err
	}
	return s.LoadAnalysis(ctx, caseID)
}

// EnsureAnalysis returns the case's stored analysis, analysing the case
// first when it has none or the one it has is stale.
func (s *Store) EnsureAnalysis(ctx context.Context, caseID int64) (*Analysis, error) {
	a, err := s.LoadAnalysis(ctx, caseID)
	if err == nil && !a.Stale {
		return a, nil
	}
	if err != nil && !errors.Is(err, ErrNoAnalysis) {
		return nil, err
	}
	return s.Analyze(ctx, caseID)
}

// inputsKey fingerprints the reports an analysis is made from: their
// hashes and which is the reference, in any order.
func inputsKey(hashes []string, reference string) string {
	sorted := slices.Sorted(slices.Values(hashes))
	h := sha256.New()
	for _, x := range sorted {
		fmt.Fprintf(h, "%s %t\n", x, x == reference)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// SaveAnalysis stores res as the analysis of a case, replacing the
// previous one. Every report of res must be a report of the case (the
// same body); the analysis of a subset of the reports is stored but stale.
// The stored analysis names each report as Report.Compare does ("r" and
// the stored ID), whatever IDs res gave them.
func (s *Store) SaveAnalysis(ctx context.Context, caseID int64, res *compare.Result) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error { return saveAnalysis(ctx, tx, caseID, res) })
	if err != nil {
		return fmt.Errorf("save analysis of case %d: %w", caseID, err)
	}
	return nil
}

func saveAnalysis(ctx context.Context, tx *sql.Tx, caseID int64, res *compare.Result) error {
	if err := checkCase(ctx, tx, caseID); err != nil {
		return err
	}
	stored, err := queryReports(ctx, tx, caseID)
	if err != nil {
		return err
	}
	byHash := make(map[string]int64, len(stored))
	for _, r := range stored {
		byHash[r.Hash] = r.ID
	}
	reportIDs := make(map[string]int64, len(res.Reports))
	hashes := make([]string, 0, len(res.Reports))
	reference := ""
	for _, r := range res.Reports {
		hash := ContentHash(r.Body)
		id, ok := byHash[hash]
		if !ok {
			return fmt.Errorf("report %s (%s) is not in the case", r.ID, r.File)
		}
		reportIDs[r.ID] = id
		hashes = append(hashes, hash)
		if r.Reference {
			reference = hash
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM analyses WHERE case_id = ?`, caseID); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO analyses (case_id, engine, inputs, created_at) VALUES (?, ?, ?, ?)`,
		caseID, compare.Version, inputsKey(hashes, reference), formatTime(time.Now())); err != nil {
		return err
	}
	w, err := newAnalysisWriter(ctx, tx)
	if err != nil {
		return err
	}
	defer w.close()
	for i, r := range res.Reports {
		id := reportIDs[r.ID]
		if _, err := w.report.ExecContext(ctx, caseID, id, reportRef(id), i); err != nil {
			return fmt.Errorf("report %s: %w", r.ID, err)
		}
	}
	for i, syn := range res.Syndication {
		if _, err := w.syndication.ExecContext(ctx, caseID, i, reportIDs[syn.Copy], reportIDs[syn.Of], syn.Containment); err != nil {
			return fmt.Errorf("syndication of %s: %w", syn.Copy, err)
		}
	}
	if err := insertItems(ctx, tx, caseID, reportIDs, res); err != nil {
		return err
	}
	for _, g := range res.Groups {
		if err := w.group(ctx, caseID, &g); err != nil {
			return fmt.Errorf("group %s: %w", g.ID, err)
		}
	}
	return nil
}

// insertItems stores the quotes and claims of an analysis in one
// statement: the full-text index flushes its pending entries at the end
// of each statement, so one statement makes one flush instead of one per
// quote.
func insertItems(ctx context.Context, tx *sql.Tx, caseID int64, reportIDs map[string]int64, res *compare.Result) error {
	type row struct {
		Report                int64
		Ref                   string
		Kind                  compare.Kind
		Text, Speaker, Cue    string
		Start, End, Paragraph int
		Numbers, Quantities   string
	}
	rows := make([]row, 0, len(res.Quotes)+len(res.Claims))
	for _, q := range res.Quotes {
		rows = append(rows, row{reportIDs[q.Report], q.ID, compare.KindQuote, q.Text, q.Speaker, q.Cue,
			q.Start, q.End, q.Paragraph, "null", "null"})
	}
	for _, c := range res.Claims {
		numbers, err := json.Marshal(c.Numbers)
		if err != nil {
			return err
		}
		values, err := json.Marshal(c.Values)
		if err != nil {
			return err
		}
		rows = append(rows, row{reportIDs[c.Report], c.ID, compare.KindClaim, c.Text, c.Source, "",
			c.Start, c.End, 0, string(numbers), string(values)})
	}
	data, err := json.Marshal(rows)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO items (case_id, report_id, ref, kind, text, speaker, cue,
		start_at, end_at, paragraph, numbers, quantities)
		SELECT ?, r.value ->> 'Report', r.value ->> 'Ref', r.value ->> 'Kind', r.value ->> 'Text',
			r.value ->> 'Speaker', r.value ->> 'Cue', r.value ->> 'Start', r.value ->> 'End',
			r.value ->> 'Paragraph', r.value ->> 'Numbers', r.value ->> 'Quantities'
		FROM json_each(?) r ORDER BY r.key`, caseID, string(data))
	if err != nil {
		return fmt.Errorf("quotes and claims: %w", err)
	}
	return nil
}

// analysisWriter holds the prepared statements that store an analysis.
type analysisWriter struct {
	report, syndication, grp, member, diff, flag *sql.Stmt
}

func newAnalysisWriter(ctx context.Context, tx *sql.Tx) (*analysisWriter, error) {
	w := &analysisWriter{}
	stmts := []struct {
		dst **sql.Stmt
		sql string
	}{
		{&w.report, `INSERT INTO analysis_reports (case_id, report_id, ref, position) VALUES (?, ?, ?, ?)`},
		{&w.syndication, `INSERT INTO analysis_syndication (case_id, position, copy_report, of_report, containment)
			VALUES (?, ?, ?, ?, ?)`},
		{&w.grp, `INSERT INTO item_groups (case_id, ref, kind, reference, severity) VALUES (?, ?, ?, ?, ?)`},
		{&w.member, `INSERT INTO group_members (group_id, position, item) VALUES (?, ?, ?)`},
		{&w.diff, `INSERT INTO group_diffs (group_id, position, item, similarity, edits) VALUES (?, ?, ?, ?, ?)`},
		{&w.flag, `INSERT INTO group_flags (group_id, position, item, kind, detail) VALUES (?, ?, ?, ?, ?)`},
	}
	for _, st := range stmts {
		stmt, err := tx.PrepareContext(ctx, st.sql)
		if err != nil {
			w.close()
			return nil, err
		}
		*st.dst = stmt
	}
	return w, nil
}

func (w *analysisWriter) close() {
	for _, st := range []*sql.Stmt{w.report, w.syndication, w.grp, w.member, w.diff, w.flag} {
		if st != nil {
			st.Close()
		}
	}
}

func (w *analysisWriter) group(ctx context.Context, caseID int64, g *compare.Group) error {
	res, err := w.grp.ExecContext(ctx, caseID, g.ID, g.Kind, g.Reference, g.Severity())
	if err != nil {
		return err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	for i, m := range g.Members {
		if _, err := w.member.ExecContext(ctx, id, i, m); err != nil {
			return err
		}
	}
	for i, d := range g.Diffs {
		edits, err := json.Marshal(d.Edits)
		if err != nil {
			return err
		}
		if _, err := w.diff.ExecContext(ctx, id, i, d.Member, d.Similarity, string(edits)); err != nil {
			return err
		}
	}
	for i, f := range g.Flags {
		if _, err := w.flag.ExecContext(ctx, id, i, f.Member, f.Kind, f.Detail); err != nil {
			return err
		}
	}
	return nil
}

// LoadAnalysis returns the stored analysis of a case, or ErrNoAnalysis
// when the case has never been analysed. A stale analysis is returned with
// Stale set.
func (s *Store) LoadAnalysis(ctx context.Context, caseID int64) (*Analysis, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("load analysis of case %d: %w", caseID, mapErr(err))
	}
	defer tx.Rollback()
	a, err := loadAnalysis(ctx, tx, caseID)
	if err != nil {
		return nil, fmt.Errorf("load analysis of case %d: %w", caseID, mapErr(err))
	}
	return a, nil
}

func loadAnalysis(ctx context.Context, tx *sql.Tx, caseID int64) (*Analysis, error) {
	a := &Analysis{Result: &compare.Result{}, ReportIDs: map[string]int64{}}
	var inputs, created string
	err := tx.QueryRowContext(ctx, `SELECT engine, inputs, created_at FROM analyses WHERE case_id = ?`, caseID).
		Scan(&a.Engine, &inputs, &created)
	if errors.Is(err, sql.ErrNoRows) {
		if err := checkCase(ctx, tx, caseID); err != nil {
			return nil, err
		}
		return nil, ErrNoAnalysis
	}
	if err != nil {
		return nil, err
	}
	a.Created = parseTime(created)

	reports, err := queryReports(ctx, tx, caseID)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*Report, len(reports))
	hashes := make([]string, len(reports))
	reference := ""
	for i := range reports {
		byID[reports[i].ID] = &reports[i]
		hashes[i] = reports[i].Hash
		if reports[i].Reference {
			reference = reports[i].Hash
		}
	}
	a.Stale = a.Engine != compare.Version || inputs != inputsKey(hashes, reference)

	refs := map[int64]string{}
	err = eachRow(ctx, tx, `SELECT report_id, ref FROM analysis_reports WHERE case_id = ? ORDER BY position`,
		[]any{caseID}, func(scan func(...any) error) error {
			var id int64
			var ref string
			if err := scan(&id, &ref); err != nil {
				return err
			}
			r := byID[id].Compare()
			r.ID = ref
			a.Reports = append(a.Reports, r)
			a.ReportIDs[ref] = id
			refs[id] = ref
			return nil
		})
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, tx, `SELECT copy_report, of_report, containment FROM analysis_syndication
		WHERE case_id = ? ORDER BY position`, []any{caseID}, func(scan func(...any) error) error {
		var copyID, ofID int64
		var containment float64
		if err := scan(&copyID, &ofID, &containment); err != nil {
			return err
		}
		a.Syndication = append(a.Syndication, compare.Syndication{Copy: refs[copyID], Of: refs[ofID], Containment: containment})
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, tx, `SELECT report_id, ref, kind, text, speaker, cue, start_at, end_at, paragraph,
		numbers, quantities FROM items WHERE case_id = ? ORDER BY id`, []any{caseID},
		func(scan func(...any) error) error {
			var reportID int64
			var ref, text, speaker, cue, numbers, values string
			var kind compare.Kind
			var span compare.Span
			var paragraph int
			if err := scan(&reportID, &ref, &kind, &text, &speaker, &cue, &span.Start, &span.End, &paragraph,
				&numbers, &values); err != nil {
				return err
			}
			if kind == compare.KindQuote {
				a.Quotes = append(a.Quotes, compare.Quote{ID: ref, Report: refs[reportID], Text: text,
					Speaker: speaker, Cue: cue, Span: span, Paragraph: paragraph})
				return nil
			}
			c := compare.Claim{ID: ref, Report: refs[reportID], Text: text, Source: speaker, Span: span}
			if err := json.Unmarshal([]byte(numbers), &c.Numbers); err != nil {
				return fmt.Errorf("claim %s: numbers: %w", ref, err)
			}
			if err := json.Unmarshal([]byte(values), &c.Values); err != nil {
				return fmt.Errorf("claim %s: values: %w", ref, err)
			}
			a.Claims = append(a.Claims, c)
			return nil
		})
	if err != nil {
		return nil, err
	}
	if err := loadGroups(ctx, tx, caseID, a.Result); err != nil {
		return nil, err
	}
	dropRemoved(a.Result)
	return a, nil
}

// dropRemoved takes out of the groups of a stale analysis the quotes and
// claims of reports removed since, and the groups left empty, so that
// every member a group names is in the result.
func dropRemoved(res *compare.Result) {
	have := make(map[string]bool, len(res.Quotes)+len(res.Claims))
	for _, q := range res.Quotes {
		have[q.ID] = true
	}
	for _, c := range res.Claims {
		have[c.ID] = true
	}
	gone := func(member string) bool { return !have[member] }
	res.Groups = slices.DeleteFunc(res.Groups, func(g compare.Group) bool {
		return !slices.ContainsFunc(g.Members, func(m string) bool { return have[m] })
	})
	for i := range res.Groups {
		g := &res.Groups[i]
		g.Members = slices.DeleteFunc(g.Members, gone)
		g.Diffs = slices.DeleteFunc(g.Diffs, func(d compare.Diff) bool { return gone(d.Member) })
		g.Flags = slices.DeleteFunc(g.Flags, func(f compare.Flag) bool { return gone(f.Member) })
		if gone(g.Reference) {
			g.Reference = g.Members[0]
		}
	}
}

// loadGroups reads the groups of a stored analysis with their members,
// diffs and flags.
func loadGroups(ctx context.Context, tx *sql.Tx, caseID int64, res *compare.Result) error {
	index := map[int64]int{}
	err := eachRow(ctx, tx, `SELECT id, ref, kind, reference FROM item_groups WHERE case_id = ? ORDER BY id`,
		[]any{caseID}, func(scan func(...any) error) error {
			var id int64
			var g compare.Group
			if err := scan(&id, &g.ID, &g.Kind, &g.Reference); err != nil {
				return err
			}
			index[id] = len(res.Groups)
			res.Groups = append(res.Groups, g)
			return nil
		})
	if err != nil {
		return err
	}
	err = eachRow(ctx, tx, `SELECT m.group_id, m.item FROM group_members m JOIN item_groups g ON g.id = m.group_id
		WHERE g.case_id = ? ORDER BY m.group_id, m.position`, []any{caseID},
		func(scan func(...any) error) error {
			var id int64
			var item string
			if err := scan(&id, &item); err != nil {
				return err
			}
			g := &res.Groups[index[id]]
			g.Members = append(g.Members, item)
			return nil
		})
	if err != nil {
		return err
	}
	err = eachRow(ctx, tx, `SELECT d.group_id, d.item, d.similarity, d.edits FROM group_diffs d
		JOIN item_groups g ON g.id = d.group_id WHERE g.case_id = ? ORDER BY d.group_id, d.position`, []any{caseID},
		func(scan func(...any) error) error {
			var id int64
			var d compare.Diff
			var edits string
			if err := scan(&id, &d.Member, &d.Similarity, &edits); err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(edits), &d.Edits); err != nil {
				return fmt.Errorf("diff of %s: %w", d.Member, err)
			}
			g := &res.Groups[index[id]]
			g.Diffs = append(g.Diffs, d)
			return nil
		})
	if err != nil {
		return err
	}
	return eachRow(ctx, tx, `SELECT f.group_id, f.item, f.kind, f.detail FROM group_flags f
		JOIN item_groups g ON g.id = f.group_id WHERE g.case_id = ? ORDER BY f.group_id, f.position`, []any{caseID},
		func(scan func(...any) error) error {
			var id int64
			var f compare.Flag
			if err := scan(&id, &f.Member, &f.Kind, &f.Detail); err != nil {
				return err
			}
			g := &res.Groups[index[id]]
			g.Flags = append(g.Flags, f)
			return nil
		})
}

// eachRow runs a query and calls fn for each row with the row's Scan.
func eachRow(ctx context.Context, q querier, query string, args []any, fn func(scan func(...any) error) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}
