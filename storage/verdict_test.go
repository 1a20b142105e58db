package storage

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-review/parallax/compare"
)

// flaggedMember returns a group with a flagged member and that member.
func flaggedMember(t *testing.T, a *Analysis) (group, member string) {
	t.Helper()
	for _, g := range a.Groups {
		for _, f := range g.Flags {
			if f.Member != g.Reference {
				return g.ID, f.Member
			}
		}
	}
	t.Fatal("the analysis flags no member")
	return "", ""
}

func TestVerdictHistory(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	c, a, _ := sampleCase(t, s)
	group, member := flaggedMember(t, a)

	mustRecord(t, s, c.ID, member, "unverified", "first look")
	mustRecord(t, s, c.ID, member, "Altered", "the figure changed")
	mustRecord(t, s, c.ID, group, "3", "one outlet changed the figure")

	hist, err := s.History(ctx, c.ID, member)
	if err != nil {
		t.Fatal(err)
	}
	if got := statuses(hist); !slices.Equal(got, []string{"unverified", "altered"}) {
		t.Errorf("history of %s = %v, want unverified then altered", member, got)
	}
	cur, err := s.CurrentVerdicts(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(cur) != 2 {
		t.Fatalf("current verdicts = %+v, want one on %s and one on %s", cur, member, group)
	}
	for _, v := range cur {
		switch v.Ref {
		case member:
			if v.Status != "altered" || v.Note != "the figure changed" || v.Reviewer != "tester" || v.Target.Scope != ScopeMember {
				t.Errorf("current verdict on %s = %+v", member, v)
			}
		case group:
			if v.Status != "altered" || v.Target.Scope != ScopeGroup {
				t.Errorf("current verdict on %s = %+v", group, v)
			}
		default:
			t.Errorf("verdict attached to %q", v.Ref)
		}
	}
	if _, err := s.db.Exec(`UPDATE verdicts SET status = 'accurate'`); err == nil || !strings.Contains(err.Error(), "append-only") {
		t.Errorf("changing a verdict in place: %v, want the append-only refusal", err)
	}
}

func statuses(vs []Verdict) []string {
	var out []string
	for _, v := range vs {
		out = append(out, v.Status)
	}
	return out
}

func TestVerdictErrors(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	c, a, _ := sampleCase(t, s)
	tests := []struct {
		name   string
		caseID int64
		ref    string
		in     VerdictInput
		want   error
	}{
		{"unknown status", c.ID, a.Groups[0].ID, VerdictInput{Status: "fake"}, ErrUnknownStatus},
		{"number off the scale", c.ID, a.Groups[0].ID, VerdictInput{Status: "8"}, ErrUnknownStatus},
		{"unknown ref", c.ID, "q9999", VerdictInput{Status: "accurate"}, ErrNotFound},
		{"unknown case", 999, "g1", VerdictInput{Status: "accurate"}, ErrNotFound},
		{"relative evidence", c.ID, a.Groups[0].ID, VerdictInput{Status: "accurate", Evidence: []string{"/local/file"}}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.RecordVerdict(ctx, tc.caseID, tc.ref, tc.in)
			if err == nil || tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("RecordVerdict: %v, want %v", err, tc.want)
			}
		})
	}
	all, err := s.AllVerdicts(ctx, c.ID)
	if err != nil || len(all) != 0 {
		t.Errorf("refused verdicts were stored: %v, %v", all, err)
	}
}

// TestVerdictsSurviveReanalysis checks that verdicts re-attach to the
// same quote after the case changes, become orphans when their report
// goes, and come back when it returns.
func TestVerdictsSurviveReanalysis(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	c, a, extra := sampleCase(t, s)
	group, member := flaggedMember(t, a)
	memberText := itemText(t, a.Result, member)
	mustRecord(t, s, c.ID, member, "altered", "checked against the transcript")
	mustRecord(t, s, c.ID, group, "minor difference", "")

	// Adding a report renumbers quotes and groups.
	if _, err := s.AddReport(ctx, c.ID, extra); err != nil {
		t.Fatal(err)
	}
	a2, err := s.Analyze(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	cur := mustCurrent(t, s, c.ID)
	if len(cur) != 2 {
		t.Fatalf("after re-analysis: %d current verdicts, want 2", len(cur))
	}
	for _, v := range cur {
		if v.Orphan {
			t.Fatalf("verdict %+v orphaned by adding a report", v)
		}
		if v.Target.Scope == ScopeMember && itemText(t, a2.Result, v.Ref) != memberText {
			t.Errorf("member verdict re-attached to %s %q, want the text %q", v.Ref, itemText(t, a2.Result, v.Ref), memberText)
		}
	}

	// Removing the member's report orphans its verdict; the group verdict
	// stays while its anchor (the reference's quote) remains.
	var memberReport int64
	for _, q := range a.Quotes {
		if q.ID == member {
			memberReport = a.ReportIDs[q.Report]
		}
	}
	for _, cl := range a.Claims {
		if cl.ID == member {
			memberReport = a.ReportIDs[cl.Report]
		}
	}
	reports, err := s.Reports(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	removed := reports[slices.IndexFunc(reports, func(r Report) bool { return r.ID == memberReport })]
	if err := s.RemoveReport(ctx, c.ID, memberReport); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Analyze(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	cur = mustCurrent(t, s, c.ID)
	if len(cur) != 2 {
		t.Fatalf("after removing the report: %d current verdicts, want 2 (none dropped)", len(cur))
	}
	for _, v := range cur {
		if got, want := v.Orphan, v.Target.Scope == ScopeMember; got != want {
			t.Errorf("%s verdict: orphan %v, want %v", v.Target.Scope, got, want)
		}
		if v.Target.Scope == ScopeMember && (v.Target.Text != memberText || v.Status != "altered") {
			t.Errorf("orphaned verdict lost what it was about: %+v", v)
		}
	}

	// Adding the report back re-attaches the verdict.
	if _, err := s.AddReport(ctx, c.ID, removed.Compare()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Analyze(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	for _, v := range mustCurrent(t, s, c.ID) {
		if v.Orphan {
			t.Errorf("verdict %+v still orphaned after its report came back", v)
		}
	}
}

func mustCurrent(t *testing.T, s *Store, caseID int64) []Verdict {
	t.Helper()
	cur, err := s.CurrentVerdicts(context.Background(), caseID)
	if err != nil {
		t.Fatal(err)
	}
	return cur
}

// itemText returns the text of a quote or claim of a result.
func itemText(t *testing.T, res *compare.Result, ref string) string {
	t.Helper()
	for _, q := range res.Quotes {
		if q.ID == ref {
			return q.Text
		}
	}
	for _, c := range res.Claims {
		if c.ID == ref {
			return c.Text
		}
	}
	t.Fatalf("no quote or claim %q", ref)
	return ""
}

func TestAttachAfterShiftedSpan(t *testing.T) {
	text := Target{ReportHash: "h", Kind: compare.KindQuote, Text: "we will"}
	at := &attacher{
		exact:    map[string]string{},
		byText:   map[string][]placed{textKey(text): {{"q3", 10}, {"q7", 400}}},
		id:       map[string]string{"q3": "h|quote|10|17", "q7": "h|quote|400|407", "q9": "x|quote|5|12"},
		groupsOf: map[string][]string{"q7": {"g2", "g5"}},
		members:  map[string][]string{"g2": {"q7"}, "g5": {"q7", "q9"}},
	}
	at.exact[Target{Scope: ScopeMember, ReportHash: "h", Kind: compare.KindQuote, Text: "we will",
		Span: compare.Span{Start: 10, End: 17}}.key()] = "q3"
	tests := []struct {
		name string
		t    Target
		want string
	}{
		{"exact span", Target{Scope: ScopeMember, ReportHash: "h", Kind: compare.KindQuote, Text: "we will", Span: compare.Span{Start: 10, End: 17}}, "q3"},
		{"nearest same text", Target{Scope: ScopeMember, ReportHash: "h", Kind: compare.KindQuote, Text: "we will", Span: compare.Span{Start: 390, End: 397}}, "q7"},
		{"group sharing most members", Target{Scope: ScopeGroup, ReportHash: "h", Kind: compare.KindQuote, Text: "we will",
			Span: compare.Span{Start: 402, End: 409}, Members: []string{"h|quote|400|407", "x|quote|5|12"}}, "g5"},
		{"first group on a tie", Target{Scope: ScopeGroup, ReportHash: "h", Kind: compare.KindQuote, Text: "we will",
			Span: compare.Span{Start: 400, End: 407}}, "g2"},
		{"group of a member in none", Target{Scope: ScopeGroup, ReportHash: "h", Kind: compare.KindQuote, Text: "we will",
			Span: compare.Span{Start: 10, End: 17}}, ""},
		{"other report", Target{Scope: ScopeMember, ReportHash: "other", Kind: compare.KindQuote, Text: "we will"}, ""},
		{"other text", Target{Scope: ScopeMember, ReportHash: "h", Kind: compare.KindQuote, Text: "we won't"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := at.attach(tc.t); got != tc.want {
				t.Errorf("attach = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestScale(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	c, a, _ := sampleCase(t, s)
	mustRecord(t, s, c.ID, a.Groups[0].ID, "misattributed", "")
	custom := []Status{{"true", 3}, {"half true", 2}, {"false", 1}, {"unproven", 0}}
	if err := s.SetScale(ctx, custom); err != nil {
		t.Fatal(err)
	}
	got, err := s.Scale(ctx)
	if err != nil || !slices.Equal(got, custom) {
		t.Fatalf("Scale() = %v, %v; want %v", got, err, custom)
	}
	if v := mustRecord(t, s, c.ID, a.Groups[0].ID, "HALF TRUE", ""); v.Status != "half true" {
		t.Errorf("status recorded as %q, want the scale's spelling", v.Status)
	}
	if _, err := s.RecordVerdict(ctx, c.ID, a.Groups[0].ID, VerdictInput{Status: "misattributed"}); !errors.Is(err, ErrUnknownStatus) {
		t.Errorf("status of the old scale: %v, want ErrUnknownStatus", err)
	}
	if hist, _ := s.History(ctx, c.ID, a.Groups[0].ID); !slices.Equal(statuses(hist), []string{"misattributed", "half true"}) {
		t.Errorf("history after a scale change = %v", statuses(hist))
	}
	for _, bad := range [][]Status{nil, {{"a", 1}, {"A", 2}}, {{"", 1}}, {{"a", -1}}} {
		if err := s.SetScale(ctx, bad); err == nil {
			t.Errorf("SetScale(%v) accepted", bad)
		}
	}
}
