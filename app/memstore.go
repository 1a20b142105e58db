package app

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parallax-review/parallax/compare"
)

// MemoryStore is a Store held in memory: nothing survives the process. It
// serves tests and a session started without a database. Like the
// database, it ties verdicts to a rendering's report and place, so they
// follow it into the next analysis.
type MemoryStore struct {
	mu      sync.Mutex
	cases   []CaseInfo
	reports map[int64][]*compare.Report
	// analyses holds each case's latest analysis; fresh tells whether the
	// reports changed since.
	analyses map[int64]*compare.Result
	fresh    map[int64]bool
	// history maps a case's verdict identities (see identity) to their
	// verdicts, oldest first.
	history map[int64]map[string][]Verdict
	scale   []string
	lastID  int64
}

// NewMemoryStore returns an empty store with the default verdict scale.
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{
		reports:  map[int64][]*compare.Report{},
		analyses: map[int64]*compare.Result{},
		fresh:    map[int64]bool{},
		history:  map[int64]map[string][]Verdict{},
		scale:    slices.Clone(DefaultScale),
	}
}

// DefaultScale is the verdict scale a store starts with, best first.
var DefaultScale = []string{
	"accurate",
	"minor difference",
	"altered",
	"out of context/trimmed",
	"misattributed",
	"unsupported",
	"unverified",
}

// Cases lists the cases, most recently updated first.
func (m *MemoryStore) Cases() ([]CaseInfo, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := slices.Clone(m.cases)
	slices.SortStableFunc(out, func(a, b CaseInfo) int { return b.Updated.Compare(a.Updated) })
	return out, nil
}

// NewCase creates an empty case.
func (m *MemoryStore) NewCase(title string) (CaseInfo, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.lastID++
	c := CaseInfo{ID: m.lastID, Title: title, Updated: time.Now()}
	m.cases = append(m.cases, c)
	return c, nil
}

// Case returns one case.
func (m *MemoryStore) Case(id int64) (CaseInfo, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	i, err := m.find(id)
	if err != nil {
		return CaseInfo{}, err
	}
	return m.cases[i], nil
}

// UpdateCase gives a case a new title and description, trimmed of spaces.
func (m *MemoryStore) UpdateCase(id int64, title, description string) (CaseInfo, error) {
	title = strings.TrimSpace(title)
	if title == "" {
		return CaseInfo{}, fmt.Errorf("update case %d: the title is empty", id)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.changed(id, false); err != nil {
		return CaseInfo{}, err
	}
	i, _ := m.find(id)
	m.cases[i].Title, m.cases[i].Description = title, strings.TrimSpace(description)
	return m.cases[i], nil
}

// DeleteCase deletes a case with its reports, analysis and verdicts.
func (m *MemoryStore) DeleteCase(id int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	i, err := m.find(id)
	if err != nil {
		return err
	}
	m.cases = slices.Delete(m.cases, i, i+1)
	delete(m.reports, id)
	delete(m.analyses, id)
	delete(m.fresh, id)
	delete(m.history, id)
	return nil
}

func (m *MemoryStore) find(id int64) (int, error) {
	i := slices.IndexFunc(m.cases, func(c CaseInfo) bool { return c.ID == id })
	if i < 0 {
		return -1, fmt.Errorf("case %d: not found", id)
	}
	return i, nil
}

// changed marks a case updated; reports says its reports changed.
func (m *MemoryStore) changed(id int64, reports bool) error {
	i, err := m.find(id)
	if err != nil {
		return err
	}
	m.cases[i].Updated = time.Now()
	if reports {
		m.fresh[id] = false
	}
	return nil
}

// Reports returns copies of a case's reports in the order they were added.
func (m *MemoryStore) Reports(caseID int64) ([]*compare.Report, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, err := m.find(caseID); err != nil {
		return nil, err
	}
	out := make([]*compare.Report, len(m.reports[caseID]))
	for i, r := range m.reports[caseID] {
		c := *r
		out[i] = &c
	}
	return out, nil
}

// AddReport adds a copy of r to a case and sets r.ID.
func (m *MemoryStore) AddReport(caseID int64, r *compare.Report) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.changed(caseID, true); err != nil {
		return err
	}
	m.lastID++
	r.ID = "r" + strconv.FormatInt(m.lastID, 10)
	if r.Reference {
		for _, o := range m.reports[caseID] {
			o.Reference = false
		}
	}
	c := *r
	m.reports[caseID] = append(m.reports[caseID], &c)
	return nil
}

// RemoveReport removes a report from a case.
func (m *MemoryStore) RemoveReport(caseID int64, reportID string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.changed(caseID, true); err != nil {
		return err
	}
	rs := m.reports[caseID]
	i := slices.IndexFunc(rs, func(r *compare.Report) bool { return r.ID == reportID })
	if i < 0 {
		return fmt.Errorf("report %s of case %d: not found", reportID, caseID)
	}
	m.reports[caseID] = slices.Delete(rs, i, i+1)
	return nil
}

// SetReference makes reportID the case's only reference.
func (m *MemoryStore) SetReference(caseID int64, reportID string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.changed(caseID, true); err != nil {
		return err
	}
	found := false
	for _, r := range m.reports[caseID] {
		r.Reference = r.ID == reportID
		found = found || r.Reference
	}
	if !found {
		return fmt.Errorf("report %s of case %d: not found", reportID, caseID)
	}
	return nil
}

// Analysis returns the case's latest analysis, analysing its reports when
// they changed since.
func (m *MemoryStore) Analysis(caseID int64) (*compare.Result, error) {
	m.mu.Lock()
	if m.fresh[caseID] {
		defer m.mu.Unlock()
		return m.analyses[caseID], nil
	}
	m.mu.Unlock()
	reports, err := m.Reports(caseID)
	if err != nil {
		return nil, err
	}
	res := compare.Analyze(reports, compare.DefaultOptions())
	m.mu.Lock()
	defer m.mu.Unlock()
	m.analyses[caseID], m.fresh[caseID] = res, true
	return res, nil
}

// StoredAnalysis returns the case's latest analysis, stale or not, or nil.
func (m *MemoryStore) StoredAnalysis(caseID int64) (*compare.Result, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, err := m.find(caseID); err != nil {
		return nil, err
	}
	return m.analyses[caseID], nil
}

// identity names what ref of a case's latest analysis is about, so that a
// verdict follows it into the next analysis: a rendering by its report and
// span, a group by its reference rendering and its other members, since
// two groups may share a reference (a claim stating two facts is in the
// group of each).
func (m *MemoryStore) identity(caseID int64, ref string) (string, error) {
	res := m.analyses[caseID]
	if res == nil {
		return "", fmt.Errorf("%s: the case has no analysis", ref)
	}
	for _, g := range res.Groups {
		if g.ID == ref {
			return groupIdentity(res, g)
		}
	}
	return memberIdentity(res, ref)
}

// groupIdentity is "group REF with MEMBER,MEMBER…", the identities of g's
// reference and of its other members in order.
func groupIdentity(res *compare.Result, g compare.Group) (string, error) {
	id, err := memberIdentity(res, g.Reference)
	if err != nil {
		return "", err
	}
	var others []string
	for _, ref := range g.Members {
		if ref == g.Reference {
			continue
		}
		o, err := memberIdentity(res, ref)
		if err != nil {
			return "", err
		}
		others = append(others, o)
	}
	slices.Sort(others)
	return groupPrefix(id) + strings.Join(others, ","), nil
}

// groupPrefix begins the identity of each group whose reference has
// identity id.
func groupPrefix(id string) string { return "group " + id + " with " }

// stored returns the identity under which the history of ref is kept: its
// identity, or, for a group whose members changed since its verdicts (a
// report added or removed), the group of the same reference with the
// newest verdict, when no other group of the analysis has that reference.
func (m *MemoryStore) stored(caseID int64, ref string) (string, error) {
	id, err := m.identity(caseID, ref)
	if err != nil || m.history[caseID][id] != nil || !strings.HasPrefix(id, "group ") {
		return id, err
	}
	res := m.analyses[caseID]
	var reference string
	for _, g := range res.Groups {
		if g.ID == ref {
			reference = g.Reference
		}
	}
	shared := 0
	for _, g := range res.Groups {
		if g.Reference == reference {
			shared++
		}
	}
	if shared > 1 {
		return id, nil
	}
	refID, err := memberIdentity(res, reference)
	if err != nil {
		return "", err
	}
	prefix := groupPrefix(refID)
	best := id
	var newest time.Time
	for other, h := range m.history[caseID] {
		if strings.HasPrefix(other, prefix) && h[len(h)-1].Time.After(newest) {
			best, newest = other, h[len(h)-1].Time
		}
	}
	return best, nil
}

func memberIdentity(res *compare.Result, ref string) (string, error) {
	for _, q := range res.Quotes {
		if q.ID == ref {
			return fmt.Sprintf("%s@%d-%d", q.Report, q.Start, q.End), nil
		}
	}
	for _, c := range res.Claims {
		if c.ID == ref {
			return fmt.Sprintf("%s@%d-%d", c.Report, c.Start, c.End), nil
		}
	}
	return "", fmt.Errorf("%s: %w", ref, errNotInAnalysis)
}

var errNotInAnalysis = errors.New("not in the case's analysis")

// RecordVerdict appends v to the history of ref's identity.
func (m *MemoryStore) RecordVerdict(caseID int64, ref string, v Verdict) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !slices.Contains(m.scale, v.Status) {
		return fmt.Errorf("record verdict on %s: %q is not a status on the verdict scale", ref, v.Status)
	}
	id, err := m.stored(caseID, ref)
	if err != nil {
		return fmt.Errorf("record verdict: %w", err)
	}
	if err := m.changed(caseID, false); err != nil {
		return err
	}
	if m.history[caseID] == nil {
		m.history[caseID] = map[string][]Verdict{}
	}
	m.history[caseID][id] = append(m.history[caseID][id], v)
	return nil
}

// Verdicts returns the newest verdict of every ref of the latest analysis.
func (m *MemoryStore) Verdicts(caseID int64) (map[string]Verdict, int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := map[string]Verdict{}
	res := m.analyses[caseID]
	if res == nil {
		return out, len(m.history[caseID]), nil
	}
	refs := map[string]string{}
	for _, ref := range verdictRefs(res) {
		if id, err := m.stored(caseID, ref); err == nil {
			refs[id] = ref
		}
	}
	orphans := 0
	for id, h := range m.history[caseID] {
		if ref, ok := refs[id]; ok {
			out[ref] = h[len(h)-1]
		} else {
			orphans++
		}
	}
	return out, orphans, nil
}

// History returns the verdicts on ref, oldest first.
func (m *MemoryStore) History(caseID int64, ref string) ([]Verdict, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	id, err := m.stored(caseID, ref)
	if err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	return slices.Clone(m.history[caseID][id]), nil
}

// Scale returns the verdict statuses, best first.
func (m *MemoryStore) Scale() ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.scale), nil
}

// SetScale replaces the verdict statuses.
func (m *MemoryStore) SetScale(statuses []string) error {
	if len(statuses) == 0 {
		return errors.New("set the verdict scale: no statuses given")
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.scale = slices.Clone(statuses)
	return nil
}
