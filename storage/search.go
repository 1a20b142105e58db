package storage

import (
	"context"
	"errors"
	"fmt"
	"strings"
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

// searchSQL looks in report text, quotes and claims, and verdict notes and
// statuses; ?1 is the FTS5 query, ?2 a case ID or 0 for all, ?3 the limit.
const searchSQL = `
SELECT 'report', r.case_id, c.title, r.id, r.outlet, '', 0,
	snippet(reports_fts, -1, '[', ']', '…', 16), bm25(reports_fts) AS rank
FROM reports_fts JOIN reports r ON r.id = reports_fts.rowid JOIN cases c ON c.id = r.case_id
WHERE reports_fts MATCH ?1 AND (?2 = 0 OR r.case_id = ?2)
UNION ALL
SELECT i.kind, i.case_id, c.title, r.id, r.outlet, i.ref, 0,
	snippet(items_fts, -1, '[', ']', '…', 16), bm25(items_fts)
FROM items_fts JOIN items i ON i.id = items_fts.rowid JOIN reports r ON r.id = i.report_id
	JOIN cases c ON c.id = i.case_id
WHERE items_fts MATCH ?1 AND (?2 = 0 OR i.case_id = ?2)
UNION ALL
SELECT 'note', v.case_id, c.title, coalesce(r.id, 0), coalesce(r.outlet, ''), '', v.id,
	snippet(verdicts_fts, -1, '[', ']', '…', 16), bm25(verdicts_fts)
FROM verdicts_fts JOIN verdicts v ON v.id = verdicts_fts.rowid JOIN cases c ON c.id = v.case_id
	LEFT JOIN reports r ON r.case_id = v.case_id AND r.hash = v.report_hash
WHERE verdicts_fts MATCH ?1 AND (?2 = 0 OR v.case_id = ?2)
ORDER BY rank
LIMIT ?3`

// Search finds the words of query in report text, quotes, claims and
// verdict notes, best matches first: in one case, or in all when caseID
// is 0. Every word must match; a word ending in * matches as a prefix.
// limit caps the hits; 0 means 100.
func (s *Store) Search(ctx context.Context, query string, caseID int64, limit int) ([]Hit, error) {
	match := ftsQuery(query)
	if match == "" {
		return nil, errors.New("search: no words to look for")
	}
	if limit <= 0 {
		limit = 100
	}
	var hits []Hit
	err := eachRow(ctx, s.db, searchSQL, []any{match, caseID, limit}, func(scan func(...any) error) error {
		var h Hit
		var rank float64
		if err := scan(&h.Kind, &h.CaseID, &h.CaseTitle, &h.ReportID, &h.Outlet, &h.Ref, &h.VerdictID,
			&h.Snippet, &rank); err != nil {
			return err
		}
		hits = append(hits, h)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("search for %q: %w", query, mapErr(err))
	}
	return hits, nil
}

// ftsQuery turns what a user typed into an FTS5 query that matches every
// word: each word is quoted, so punctuation and FTS5 operators in it are
// taken literally, and a trailing * is kept as a prefix search.
func ftsQuery(q string) string {
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
