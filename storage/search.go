package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// HitKind says where a search hit was found.
type HitKind string

// The places search looks.
const (
	HitReport HitKind = "report"
	HitQuote  HitKind = "quote"
	HitClaim  HitKind = "claim"
	HitNote   HitKind = "note"
)

// Snippets mark the matched words with these.
const (
	MatchOpen  = "["
	MatchClose = "]"
)

// Hit is one search result.
type Hit struct {
	Kind      HitKind
	CaseID    int64
	CaseTitle string
	// ReportID is the report the hit is in or, for a note, the report
	// of the quote or claim the verdict is about; 0 when that report is
	// no longer in the case.
	ReportID int64
	Outlet   string
	// Ref is the quote or claim ("q3", "c5") of the case's stored analysis.
	Ref string
	// VerdictID is the verdict history entry a note hit is in.
	VerdictID int64
	// Snippet is the text around the match, the matched words between
	// MatchOpen and MatchClose.
	Snippet string
}

// Search runs in two steps: the best-ranked rows of each index, then the
// details and snippet of the few that make the cut, so that snippets are
// not made for every match of a common word. rankSQL finds the best rows:
// ?1 is the FTS5 query, ?2 the limit.
const rankSQL = `
SELECT * FROM (SELECT 'report' AS source, rowid AS id, rank FROM reports_fts
	WHERE reports_fts MATCH ?1 ORDER BY rank LIMIT ?2)
UNION ALL SELECT * FROM (SELECT 'item', rowid, rank FROM items_fts
	WHERE items_fts MATCH ?1 ORDER BY rank LIMIT ?2)
UNION ALL SELECT * FROM (SELECT 'note', rowid, rank FROM verdicts_fts
	WHERE verdicts_fts MATCH ?1 ORDER BY rank LIMIT ?2)
ORDER BY rank LIMIT ?2`

// snippetMarks are the arguments of FTS5's snippet() after the table:
// any column, the match marks, the ellipsis and the snippet's length in
// tokens.
const snippetMarks = `-1, '` + MatchOpen + `', '` + MatchClose + `', '…', 16`

// hitDetails reads a hit's details and snippet from each index: ?1 is
// the FTS5 query, ?2 the row. The columns are those of Hit.
var hitDetails = map[string]string{
	"report": `SELECT 'report', r.case_id, c.title, r.id, r.outlet, '', 0,
	snippet(reports_fts, ` + snippetMarks + `)
FROM reports_fts JOIN reports r ON r.id = reports_fts.rowid JOIN cases c ON c.id = r.case_id
WHERE reports_fts MATCH ?1 AND reports_fts.rowid = ?2`,
	"item": `SELECT i.kind, i.case_id, c.title, r.id, r.outlet, i.ref, 0,
	snippet(items_fts, ` + snippetMarks + `)
FROM items_fts JOIN items i ON i.id = items_fts.rowid JOIN reports r ON r.id = i.report_id
	JOIN cases c ON c.id = i.case_id
WHERE items_fts MATCH ?1 AND items_fts.rowid = ?2`,
	"note": `SELECT 'note', v.case_id, c.title, coalesce(r.id, 0), coalesce(r.outlet, ''), '', v.id,
	snippet(verdicts_fts, ` + snippetMarks + `)
FROM verdicts_fts JOIN verdicts v ON v.id = verdicts_fts.rowid JOIN cases c ON c.id = v.case_id
	LEFT JOIN reports r ON r.case_id = v.case_id AND r.hash = v.report_hash
WHERE verdicts_fts MATCH ?1 AND verdicts_fts.rowid = ?2`,
}

// Search finds the words of query in report text, quotes, claims and
// verdict notes and statuses, best matches first: in one case, or in all
// when caseID is 0. Every word must match; a word ending in * matches as
// a prefix. limit caps the hits; 0 means 100.
func (s *Store) Search(ctx context.Context, query string, caseID int64, limit int) ([]Hit, error) {
	match := ftsQuery(query)
	if match == "" {
		return nil, errors.New("search: no words to look for")
	}
	if limit <= 0 {
		limit = 100
	}
	// The words are looked for in every column but the case tag; a
	// search in one case matches the tag too.
	match = "- {case_tag} : (" + match + ")"
	rank := match
	if caseID != 0 {
		rank = fmt.Sprintf(`case_tag : "c%d" AND %s`, caseID, match)
	}
	hits, err := s.search(ctx, rank, match, limit)
	if err != nil {
		return nil, fmt.Errorf("search for %q: %w", query, mapErr(err))
	}
	return hits, nil
}

// search ranks the rows that match rank, then reads the details of the
// best with snippets of what matches match.
func (s *Store) search(ctx context.Context, rank, match string, limit int) ([]Hit, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	type found struct {
		source string
		id     int64
	}
	var best []found
	err = eachRow(ctx, tx, rankSQL, []any{rank, limit}, func(scan func(...any) error) error {
		var f found
		var score float64
		if err := scan(&f.source, &f.id, &score); err != nil {
			return err
		}
		best = append(best, f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	hits := make([]Hit, 0, len(best))
	for _, f := range best {
		var h Hit
		err := tx.QueryRowContext(ctx, hitDetails[f.source], match, f.id).Scan(&h.Kind, &h.CaseID, &h.CaseTitle,
			&h.ReportID, &h.Outlet, &h.Ref, &h.VerdictID, &h.Snippet)
		if err != nil {
			return nil, err
		}
		hits = append(hits, h)
	}
	return hits, nil
}

// ftsQuery turns what a user typed into an FTS5 query that matches every
// word: each word is quoted, so punctuation and FTS5 operators in it are
// taken literally, and a trailing * is kept as a prefix search.
func ftsQuery(q string) string {
	// Control characters (a NUL ends an FTS5 string) separate words.
	q = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(q, " "))
	var terms []string
	for _, w := range strings.Fields(q) {
		prefix := strings.HasSuffix(w, "*")
		w = strings.Trim(w, `*"`)
		w = strings.ReplaceAll(w, `"`, `""`)
		if strings.Trim(w, "'’-.,;:!?()[]{}") == "" {
			continue
		}
		term := `"` + w + `"`
		if prefix {
			term += "*"
		}
		terms = append(terms, term)
	}
	return strings.Join(terms, " ")
}
