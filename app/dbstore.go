package app

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/parallax-review/parallax/compare"
	"github.com/parallax-review/parallax/storage"
)

// dbStore is a Store over a Parallax database.
type dbStore struct {
	db *storage.Store
}

// NewDBStore returns the app's Store over an open database.
func NewDBStore(db *storage.Store) Store { return &dbStore{db: db} }

func caseInfo(c storage.Case) CaseInfo {
	return CaseInfo{ID: c.ID, Title: c.Title, Description: c.Description, Updated: c.Updated}
}

// Cases lists the cases, most recently updated first.
func (s *dbStore) Cases() ([]CaseInfo, error) {
	cases, err := s.db.Cases(context.Background())
	if err != nil {
		return nil, err
	}
	out := make([]CaseInfo, len(cases))
	for i, c := range cases {
		out[i] = caseInfo(c)
	}
	return out, nil
}

// NewCase creates an empty case.
func (s *dbStore) NewCase(title string) (CaseInfo, error) {
	c, err := s.db.CreateCase(context.Background(), title, "")
	return caseInfo(c), err
}

// Case returns one case.
func (s *dbStore) Case(id int64) (CaseInfo, error) {
	c, err := s.db.Case(context.Background(), id)
	return caseInfo(c), err
}

// UpdateCase gives a case a new title and description.
func (s *dbStore) UpdateCase(id int64, title, description string) (CaseInfo, error) {
	c, err := s.db.UpdateCase(context.Background(), id, title, description)
	return caseInfo(c), err
}

// DeleteCase deletes a case and everything in it.
func (s *dbStore) DeleteCase(id int64) error {
	return s.db.DeleteCase(context.Background(), id)
}

// Reports returns a case's reports as the analysis takes them.
func (s *dbStore) Reports(caseID int64) ([]*compare.Report, error) {
	reports, err := s.db.Reports(context.Background(), caseID)
	if err != nil {
		return nil, err
	}
	out := make([]*compare.Report, len(reports))
	for i := range reports {
		out[i] = reports[i].Compare()
	}
	return out, nil
}

// AddReport stores r and sets its ID as the analysis names it.
func (s *dbStore) AddReport(caseID int64, r *compare.Report) error {
	stored, err := s.db.AddReport(context.Background(), caseID, r)
	if err != nil {
		return err
	}
	r.ID = stored.Compare().ID
	return nil
}

// storedID turns an analysis's report ID ("r12") into the database's.
func storedID(reportID string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimPrefix(reportID, "r"), 10, 64)
	if err != nil || !strings.HasPrefix(reportID, "r") {
		return 0, fmt.Errorf("report %q: %w", reportID, storage.ErrNotFound)
	}
	return id, nil
}

// RemoveReport removes a report from a case.
func (s *dbStore) RemoveReport(caseID int64, reportID string) error {
	id, err := storedID(reportID)
	if err != nil {
		return err
	}
	return s.db.RemoveReport(context.Background(), caseID, id)
}

// SetReference makes a report the case's reference.
func (s *dbStore) SetReference(caseID int64, reportID string) error {
	id, err := storedID(reportID)
	if err != nil {
		return err
	}
	return s.db.SetReference(context.Background(), caseID, id)
}

// Analysis returns the stored analysis, analysing the case again when its
// reports or the engine changed.
func (s *dbStore) Analysis(caseID int64) (*compare.Result, error) {
	a, err := s.db.EnsureAnalysis(context.Background(), caseID)
	if err != nil {
		return nil, err
	}
	return a.Result, nil
}

// StoredAnalysis returns the stored analysis, stale or not, or nil.
func (s *dbStore) StoredAnalysis(caseID int64) (*compare.Result, error) {
	a, err := s.db.LoadAnalysis(context.Background(), caseID)
	if errors.Is(err, storage.ErrNoAnalysis) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return a.Result, nil
}

// RecordVerdict appends a verdict to the history of ref.
func (s *dbStore) RecordVerdict(caseID int64, ref string, v Verdict) error {
	_, err := s.db.RecordVerdict(context.Background(), caseID, ref, storage.VerdictInput{
		Status: v.Status, Note: v.Note, Evidence: strings.Fields(v.Evidence), Reviewer: v.Reviewer,
	})
	return err
}

func verdict(v storage.Verdict) Verdict {
	return Verdict{Status: v.Status, Note: v.Note, Evidence: strings.Join(v.Evidence, " "), Reviewer: v.Reviewer, Time: v.Time}
}

// Verdicts returns the current verdict of every ref of the stored analysis
// and counts the orphaned ones.
func (s *dbStore) Verdicts(caseID int64) (map[string]Verdict, int, error) {
	current, err := s.db.CurrentVerdicts(context.Background(), caseID)
	if err != nil {
		return nil, 0, err
	}
	out := make(map[string]Verdict, len(current))
	orphans := 0
	for _, v := range current {
		if v.Orphan {
			orphans++
			continue
		}
		out[v.Ref] = verdict(v)
	}
	return out, orphans, nil
}

// History returns the verdicts on ref, oldest first.
func (s *dbStore) History(caseID int64, ref string) ([]Verdict, error) {
	hist, err := s.db.History(context.Background(), caseID, ref)
	if err != nil {
		return nil, err
	}
	out := make([]Verdict, len(hist))
	for i, v := range hist {
		out[i] = verdict(v)
	}
	return out, nil
}

// Scale returns the statuses of the database's verdict scale.
func (s *dbStore) Scale() ([]string, error) {
	scale, err := s.db.Scale(context.Background())
	if err != nil {
		return nil, err
	}
	out := make([]string, len(scale))
	for i, st := range scale {
		out[i] = st.Name
	}
	return out, nil
}

// SetScale replaces the verdict scale, keeping the rating of each status
// the scale had and rating new ones by their place: the first best, the
// last 0.
func (s *dbStore) SetScale(statuses []string) error {
	old, err := s.db.Scale(context.Background())
	if err != nil {
		return err
	}
	rating := map[string]int{}
	for _, st := range old {
		rating[strings.ToLower(st.Name)] = st.Rating
	}
	scale := make([]storage.Status, len(statuses))
	for i, name := range statuses {
		r, ok := rating[strings.ToLower(name)]
		if !ok {
			r = len(statuses) - 1 - i
		}
		scale[i] = storage.Status{Name: name, Rating: r}
	}
	return s.db.SetScale(context.Background(), scale)
}
