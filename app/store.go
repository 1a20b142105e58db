package app

import (
	"time"

	"github.com/parallax-review/parallax/compare"
)

// Store is what the app needs from a case database: cases, their reports,
// their analysis and the verdict histories. NewDBStore adapts the storage
// package's database; tests use a MemoryStore.
//
// Verdicts are on refs of the case's latest analysis: a member ("q3",
// "c5") or a group ("g2"). The store ties them to the quote or claim
// itself, so they follow it into the next analysis.
type Store interface {
	// Cases lists the cases, most recently updated first.
	Cases() ([]CaseInfo, error)
	// NewCase creates an empty case.
	NewCase(title string) (CaseInfo, error)
	// Case returns one case.
	Case(id int64) (CaseInfo, error)
	// UpdateCase gives a case a new title and description, trimmed of
	// spaces, and returns it. An empty title is refused.
	UpdateCase(id int64, title, description string) (CaseInfo, error)
	// DeleteCase deletes a case with its reports, analysis and whole
	// verdict history.
	DeleteCase(id int64) error
	// Reports returns a case's reports in the order they were added, each
	// with its ID set.
	Reports(caseID int64) ([]*compare.Report, error)
	// AddReport adds r to a case and sets r.ID. When r.Reference is set, it
	// becomes the case's only reference.
	AddReport(caseID int64, r *compare.Report) error
	// RemoveReport removes a report from a case. Verdicts on it are kept.
	RemoveReport(caseID int64, reportID string) error
	// SetReference makes reportID the case's only reference.
	SetReference(caseID int64, reportID string) error
	// Analysis returns the case's analysis, analysing the reports first
	// when they changed since the last one. It can take a while: the app
	// calls it off the UI goroutine.
	Analysis(caseID int64) (*compare.Result, error)
	// StoredAnalysis returns the case's latest analysis as it is, stale or
	// not, without analysing: nil when the case has none.
	StoredAnalysis(caseID int64) (*compare.Result, error)
	// RecordVerdict appends a verdict to the history of ref.
	RecordVerdict(caseID int64, ref string, v Verdict) error
	// Verdicts returns the current (newest) verdict of every ref of the
	// latest analysis, and how many verdicts lost their quote or claim.
	Verdicts(caseID int64) (current map[string]Verdict, orphans int, err error)
	// History returns every verdict recorded on ref, oldest first.
	History(caseID int64, ref string) ([]Verdict, error)
	// Scale returns the verdict statuses, best first.
	Scale() ([]string, error)
	// SetScale replaces the verdict statuses.
	SetScale(statuses []string) error
}

// CaseInfo describes a case: one event under review.
type CaseInfo struct {
	ID          int64
	Title       string
	Description string
	Updated     time.Time
}

// Verdict is a reviewer's judgement of one rendering of a quote or claim,
// or of a whole group.
type Verdict struct {
	// Status is a status of the scale.
	Status string
	Note   string
	// Evidence holds URLs, separated by spaces.
	Evidence string
	Reviewer string
	Time     time.Time
}

// verdictRefs lists the refs of an analysis a verdict can be on: its
// quotes, claims and groups.
func verdictRefs(res *compare.Result) []string {
	refs := make([]string, 0, len(res.Quotes)+len(res.Claims)+len(res.Groups))
	for _, q := range res.Quotes {
		refs = append(refs, q.ID)
	}
	for _, c := range res.Claims {
		refs = append(refs, c.ID)
	}
	for _, g := range res.Groups {
		refs = append(refs, g.ID)
	}
	return refs
}
