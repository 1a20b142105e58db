package app

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
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
	// history maps what a case's verdicts are tied to (see target) to
	// the verdicts, oldest first.
	history map[int64]map[target][]Verdict
	scale   []string
	lastID  int64
}

// NewMemoryStore returns an empty store with the default verdict scale.
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{
		reports:  map[int64][]*compare.Report{},
		analyses: map[int64]*compare.Result{},
		fresh:    map[int64]bool{},
		history:  map[int64]map[target][]Verdict{},
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

// target is what a verdict is tied to, so that it follows its quote or
// claim into the next analysis: a rendering by its kind, report and place
// ("quote:r2@10-42"); a group, as in the database, by its reference rendering
// and the renderings it held, which tell apart groups that share one.
type target struct {
	rendering string
	// members lists a group's renderings, space separated; it is "" for
	// a verdict on one rendering.
	members string
}

// renderings indexes the quotes and claims of an analysis: ref → the
// rendering's kind, report and place, and back.
type renderings struct{ place, ref map[string]string }

func newRenderings(res *compare.Result) renderings {
	ix := renderings{place: map[string]string{}, ref: map[string]string{}}
	add := func(ref string, kind compare.Kind, report string, span compare.Span) {
		p := fmt.Sprintf("%s:%s@%d-%d", kind, report, span.Start, span.End)
		ix.place[ref], ix.ref[p] = p, ref
	}
	for _, q := range res.Quotes {
		add(q.ID, compare.KindQuote, q.Report, q.Span)
	}
	for _, c := range res.Claims {
		add(c.ID, compare.KindClaim, c.Report, c.Span)
	}
	return ix
}

// target returns what a verdict on ref, a rendering or a group of res, is
// tied to.
func (ix renderings) target(res *compare.Result, ref string) (target, error) {
	if p, ok := ix.place[ref]; ok {
		return target{rendering: p}, nil
	}
	for _, g := range res.Groups {
		if g.ID == ref {
			places := make([]string, len(g.Members))
			for i, id := range g.Members {
				places[i] = ix.place[id]
			}
			return target{rendering: ix.place[g.Reference], members: strings.Join(places, " ")}, nil
		}
	}
	return target{}, fmt.Errorf("%s: %w", ref, errNotInAnalysis)
}

// attach returns the ref of res that t names, or "" when res no longer has
// it: a group is the one holding t's rendering and most of its former
// renderings.
func (ix renderings) attach(res *compare.Result, t target) string {
	ref := ix.ref[t.rendering]
	if t.members == "" || ref == "" {
		return ref
	}
	former := strings.Fields(t.members)
	group, most := "", 0
	for _, g := range res.Groups {
		if !slices.Contains(g.Members, ref) {
			continue
		}
		shared := 0
		for _, id := range g.Members {
			if slices.Contains(former, ix.place[id]) {
				shared++
			}
		}
		if shared > most {
			group, most = g.ID, shared
		}
	}
	return group
}

var errNotInAnalysis = errors.New("not in the case's analysis")

// target returns what a verdict on ref, a rendering or a group of the
// case's latest analysis, is tied to.
func (m *MemoryStore) target(caseID int64, ref string) (target, error) {
	res := m.analyses[caseID]
	if res == nil {
		return target{}, fmt.Errorf("%s: the case has no analysis", ref)
	}
	return newRenderings(res).target(res, ref)
}

// RecordVerdict appends v to the history of what ref is about.
func (m *MemoryStore) RecordVerdict(caseID int64, ref string, v Verdict) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !slices.Contains(m.scale, v.Status) {
		return fmt.Errorf("record verdict on %s: %q is not a status on the verdict scale", ref, v.Status)
	}
	t, err := m.target(caseID, ref)
	if err != nil {
		return fmt.Errorf("record verdict: %w", err)
	}
	if err := m.changed(caseID, false); err != nil {
		return err
	}
	if m.history[caseID] == nil {
		m.history[caseID] = map[target][]Verdict{}
	}
	m.history[caseID][t] = append(m.history[caseID][t], v)
	return nil
}

// histories gathers a case's verdicts by the ref of its latest analysis
// they are on, oldest first, and counts the targets that analysis no
// longer has.
func (m *MemoryStore) histories(caseID int64) (map[string][]Verdict, int) {
	res := m.analyses[caseID]
	if res == nil {
		return nil, len(m.history[caseID])
	}
	ix := newRenderings(res)
	out := map[string][]Verdict{}
	orphans := 0
	// In a fixed order, so that verdicts of two targets that now name one
	// ref and were given at the same time keep one order.
	targets := slices.SortedFunc(maps.Keys(m.history[caseID]), func(a, b target) int {
		return cmp.Or(strings.Compare(a.rendering, b.rendering), strings.Compare(a.members, b.members))
	})
	for _, t := range targets {
		ref := ix.attach(res, t)
		if ref == "" {
			orphans++
			continue
		}
		out[ref] = append(out[ref], m.history[caseID][t]...)
	}
	for _, h := range out {
		slices.SortStableFunc(h, func(a, b Verdict) int { return a.Time.Compare(b.Time) })
	}
	return out, orphans
}

// Verdicts returns the newest verdict of every ref of the latest analysis.
func (m *MemoryStore) Verdicts(caseID int64) (map[string]Verdict, int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	byRef, orphans := m.histories(caseID)
	out := map[string]Verdict{}
	for ref, h := range byRef {
		out[ref] = h[len(h)-1]
	}
	return out, orphans, nil
}

// History returns the verdicts on ref, oldest first.
func (m *MemoryStore) History(caseID int64, ref string) ([]Verdict, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	byRef, _ := m.histories(caseID)
	if h, ok := byRef[ref]; ok {
		return h, nil
	}
	// No verdict on ref: it must still be a ref of the analysis.
	if _, err := m.target(caseID, ref); err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	return nil, nil
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
