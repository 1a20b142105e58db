package compare

import (
	"path/filepath"
	"slices"
	"testing"
)

// TestResultInvariants checks what docs/compare-json.md promises of every
// analysis, on the sample case, on a generated case and on each cluster of
// the shared corpus when it is present: every quote and claim is in a
// group of its kind, a group holds each member once, a claim group holds
// at most one member of each report (a quote group may hold the pieces one
// report quotes apart), a group's reference is a member, and its flags and
// diffs are about members.
func TestResultInvariants(t *testing.T) {
	t.Run("sample", func(t *testing.T) {
		checkInvariants(t, Analyze(loadSample(t), DefaultOptions()))
	})
	t.Run("generated", func(t *testing.T) {
		checkInvariants(t, Analyze(generateCase(20, 400, 7), DefaultOptions()))
	})
	t.Run("corpus", func(t *testing.T) {
		if testing.Short() {
			t.Skip("analyses the whole corpus")
		}
		for _, reports := range corpusReports(t) {
			t.Run(filepath.Base(filepath.Dir(reports[0].File)), func(t *testing.T) {
				checkInvariants(t, Analyze(reports, DefaultOptions()))
			})
		}
	})
}

// checkInvariants reports each promise of TestResultInvariants that res
// breaks.
func checkInvariants(t *testing.T, res *Result) {
	t.Helper()
	reportOf := map[string]string{}
	kindOf := map[string]Kind{}
	for _, q := range res.Quotes {
		reportOf[q.ID], kindOf[q.ID] = q.Report, KindQuote
	}
	for _, c := range res.Claims {
		reportOf[c.ID], kindOf[c.ID] = c.Report, KindClaim
	}
	grouped := map[string]bool{}
	ids := map[string]bool{}
	for _, g := range res.Groups {
		if ids[g.ID] {
			t.Errorf("group ID %s given twice", g.ID)
		}
		ids[g.ID] = true
		reports := map[string]string{}
		for i, m := range g.Members {
			if slices.Contains(g.Members[:i], m) {
				t.Errorf("group %s holds %s twice", g.ID, m)
			}
			if kindOf[m] != g.Kind {
				t.Errorf("group %s (%s) holds %s, a %s", g.ID, g.Kind, m, kindOf[m])
			}
			if other, ok := reports[reportOf[m]]; ok && g.Kind == KindClaim {
				t.Errorf("group %s holds %s and %s, both of report %s", g.ID, other, m, reportOf[m])
			}
			reports[reportOf[m]] = m
			grouped[m] = true
		}
		if !slices.Contains(g.Members, g.Reference) {
			t.Errorf("group %s: reference %s is not a member of %v", g.ID, g.Reference, g.Members)
		}
		for _, f := range g.Flags {
			if !slices.Contains(g.Members, f.Member) {
				t.Errorf("group %s: flag %s on %s, not a member", g.ID, f.Kind, f.Member)
			}
		}
		for _, d := range g.Diffs {
			if !slices.Contains(g.Members, d.Member) || d.Member == g.Reference {
				t.Errorf("group %s: diff of %s, not a member other than the reference %s", g.ID, d.Member, g.Reference)
			}
		}
	}
	for id := range kindOf {
		if !grouped[id] {
			t.Errorf("%s %s is in no group", kindOf[id], id)
		}
	}
}
