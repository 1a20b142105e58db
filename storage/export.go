package storage

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-review/parallax/compare"
)

// caseData is everything an export shows of a case.
type caseData struct {
	Case    Case
	Reports []Report
	// Analysis is nil for a case without reports.
	Analysis *Analysis
	// History is the whole verdict history, oldest first; Current the
	// current verdict of each target.
	History []Verdict
	Current []Verdict
	Scale   []Status
	// items maps a quote or claim ID to its report, speaker and text.
	items map[string]item
	// byRef maps a member or group to its current verdict.
	byRef map[string]Verdict
}

// item is a quote or claim as exports show it.
type item struct {
	report  *compare.Report
	speaker string
	text    string
}

// loadCaseData reads a case for export, analysing it first if its
// analysis is stale.
func (s *Store) loadCaseData(ctx context.Context, caseID int64) (*caseData, error) {
	c, err := s.Case(ctx, caseID)
	if err != nil {
		return nil, err
	}
	d := &caseData{Case: c, items: map[string]item{}, byRef: map[string]Verdict{}}
	if d.Reports, err = s.Reports(ctx, caseID); err != nil {
		return nil, err
	}
	if len(d.Reports) > 0 {
		if d.Analysis, err = s.EnsureAnalysis(ctx, caseID); err != nil {
			return nil, err
		}
		reports := map[string]*compare.Report{}
		for _, r := range d.Analysis.Reports {
			reports[r.ID] = r
		}
		for _, q := range d.Analysis.Quotes {
			d.items[q.ID] = item{reports[q.Report], q.Speaker, q.Text}
		}
		for _, cl := range d.Analysis.Claims {
			d.items[cl.ID] = item{reports[cl.Report], cl.Source, cl.Text}
		}
	}
	if d.History, err = s.AllVerdicts(ctx, caseID); err != nil {
		return nil, err
	}
	d.Current = Current(d.History)
	for _, v := range d.Current {
		if !v.Orphan {
			d.byRef[v.Ref] = v
		}
	}
	if d.Scale, err = s.Scale(ctx); err != nil {
		return nil, err
	}
	return d, nil
}

// groups returns the groups an export shows: those across reports and
// those with a verdict.
func (d *caseData) groups() []compare.Group {
	if d.Analysis == nil {
		return nil
	}
	var out []compare.Group
	for _, g := range d.Analysis.Groups {
		_, reviewed := d.byRef[g.ID]
		if len(g.Members) > 1 || reviewed {
			out = append(out, g)
		}
	}
	return out
}

// orphans returns the current verdicts whose quote or claim is gone.
func (d *caseData) orphans() []Verdict {
	var out []Verdict
	for _, v := range d.Current {
		if v.Orphan {
			out = append(out, v)
		}
	}
	return out
}

// memberFlags describes a member's flags in one line.
func memberFlags(g *compare.Group, member string) string {
	var parts []string
	for _, f := range g.Flags {
		if f.Member == member {
			parts = append(parts, string(f.Kind)+": "+f.Detail)
		}
	}
	return strings.Join(parts, "; ")
}

// ExportCSV writes a case as CSV, a row per rendering: its case, group,
// outlet, speaker, text, flags and current verdict, and the group's
// current verdict. Orphaned verdicts follow, a row each, with no group.
func (s *Store) ExportCSV(ctx context.Context, caseID int64, w io.Writer) error {
	d, err := s.loadCaseData(ctx, caseID)
	if err != nil {
		return fmt.Errorf("export case %d as CSV: %w", caseID, err)
	}
	cw := csv.NewWriter(w)
	cw.Write([]string{"case", "case_title", "group", "kind", "member", "reference", "outlet", "url", "speaker", "text",
		"similarity", "flags", "verdict", "note", "evidence", "reviewer", "verdict_time", "group_verdict", "group_note"})
	for _, g := range d.groups() {
		gv := d.byRef[g.ID]
		similarity := map[string]float64{}
		for _, df := range g.Diffs {
			similarity[df.Member] = df.Similarity
		}
		for _, m := range g.Members {
			it := d.items[m]
			v := d.byRef[m]
			sim := ""
			if x, ok := similarity[m]; ok {
				sim = strconv.FormatFloat(x, 'f', 2, 64)
			}
			cw.Write(append([]string{strconv.FormatInt(d.Case.ID, 10), d.Case.Title, g.ID, string(g.Kind), m,
				strconv.FormatBool(m == g.Reference), it.report.Meta.Outlet, it.report.Meta.URL, it.speaker, it.text,
				sim, memberFlags(&g, m)}, append(verdictCells(v), gv.Status, gv.Note)...))
		}
	}
	for _, v := range d.orphans() {
		cw.Write(append([]string{strconv.FormatInt(d.Case.ID, 10), d.Case.Title, "", string(v.Target.Kind),
			"orphan", "", outletOf(d.Reports, v.Target.ReportHash), "", "", v.Target.Text, "", ""}, append(verdictCells(v), "", "")...))
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("export case %d as CSV: %w", caseID, err)
	}
	return nil
}

// verdictCells are the CSV cells of a verdict: empty for none.
func verdictCells(v Verdict) []string {
	if v.Status == "" {
		return []string{"", "", "", "", ""}
	}
	return []string{v.Status, v.Note, strings.Join(v.Evidence, " "), v.Reviewer, v.Time.UTC().Format(time.RFC3339)}
}

// outletOf names the outlet of the report with the given hash, or says
// the report is gone.
func outletOf(reports []Report, hash string) string {
	for _, r := range reports {
		if r.Hash == hash {
			return r.Meta.Outlet
		}
	}
	return "(report removed)"
}

// JSONFormatVersion is the version of the document ExportJSON writes.
const JSONFormatVersion = 1

// CaseDocument is a whole case as ExportJSON writes it.
type CaseDocument struct {
	Format  string       `json:"format"`
	Version int          `json:"version"`
	Case    CaseJSON     `json:"case"`
	Scale   []StatusJSON `json:"scale"`
	Reports []ReportJSON `json:"reports"`
	// Analysis is the analysis in the form of `parallax compare --format
	// json`; null for a case without reports.
	Analysis *compare.Document `json:"analysis"`
	// Verdicts is the whole history, oldest first.
	Verdicts []VerdictJSON `json:"verdicts"`
}

// CaseJSON is a case in a CaseDocument.
type CaseJSON struct {
	ID          int64     `json:"id"`
	UID         string    `json:"uid"`
	Title       string    `json:"title"`
	Description string    `json:"description"`
	Created     time.Time `json:"created"`
	Updated     time.Time `json:"updated"`
}

// StatusJSON is a status of the scale in a CaseDocument.
type StatusJSON struct {
	Name   string `json:"name"`
	Rating int    `json:"rating"`
}

// ReportJSON is a report in a CaseDocument.
type ReportJSON struct {
	ID        int64        `json:"id"`
	Ref       string       `json:"ref"`
	Hash      string       `json:"hash"`
	File      string       `json:"file"`
	Meta      compare.Meta `json:"meta"`
	Reference bool         `json:"reference"`
	Added     time.Time    `json:"added"`
	Body      string       `json:"body"`
}

// VerdictJSON is a history entry in a CaseDocument.
type VerdictJSON struct {
	UID string `json:"uid"`
	// Ref is the member or group the entry is attached to, "" for an orphan.
	Ref     string `json:"ref"`
	Orphan  bool   `json:"orphan"`
	Current bool   `json:"current"`
	Scope   Scope  `json:"scope"`
	Target  struct {
		ReportHash string       `json:"report_hash"`
		Kind       compare.Kind `json:"kind"`
		Text       string       `json:"text"`
		Start      int          `json:"start"`
		End        int          `json:"end"`
	} `json:"target"`
	Status   string    `json:"status"`
	Note     string    `json:"note"`
	Evidence []string  `json:"evidence"`
	Reviewer string    `json:"reviewer"`
	Time     time.Time `json:"time"`
}

// ExportJSON writes a whole case as JSON: its reports with their text,
// its analysis, the scale and the whole verdict history.
func (s *Store) ExportJSON(ctx context.Context, caseID int64, w io.Writer) error {
	d, err := s.loadCaseData(ctx, caseID)
	if err != nil {
		return fmt.Errorf("export case %d as JSON: %w", caseID, err)
	}
	doc := CaseDocument{
		Format: "parallax-case", Version: JSONFormatVersion,
		Case: CaseJSON{ID: d.Case.ID, UID: d.Case.UID, Title: d.Case.Title, Description: d.Case.Description,
			Created: d.Case.Created.UTC(), Updated: d.Case.Updated.UTC()},
		Scale: []StatusJSON{}, Reports: []ReportJSON{}, Verdicts: []VerdictJSON{},
	}
	for _, st := range d.Scale {
		doc.Scale = append(doc.Scale, StatusJSON(st))
	}
	refs := map[int64]string{}
	if d.Analysis != nil {
		a := d.Analysis.Document()
		doc.Analysis = &a
		for ref, id := range d.Analysis.ReportIDs {
			refs[id] = ref
		}
	}
	for _, r := range d.Reports {
		doc.Reports = append(doc.Reports, ReportJSON{ID: r.ID, Ref: refs[r.ID], Hash: r.Hash, File: r.File, Meta: r.Meta,
			Reference: r.Reference, Added: r.Added.UTC(), Body: r.Body})
	}
	currentUID := map[string]bool{}
	for _, v := range d.Current {
		currentUID[v.UID] = true
	}
	for _, v := range d.History {
		j := VerdictJSON{UID: v.UID, Ref: v.Ref, Orphan: v.Orphan, Current: currentUID[v.UID], Scope: v.Target.Scope,
			Status: v.Status, Note: v.Note, Evidence: nonNil(v.Evidence), Reviewer: v.Reviewer, Time: v.Time.UTC()}
		j.Target.ReportHash, j.Target.Kind, j.Target.Text = v.Target.ReportHash, v.Target.Kind, v.Target.Text
		j.Target.Start, j.Target.End = v.Target.Start, v.Target.End
		doc.Verdicts = append(doc.Verdicts, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("export case %d as JSON: %w", caseID, err)
	}
	return nil
}
