package compare

import (
	"math"
	"slices"
	"testing"
)

func TestLinkablePairs(t *testing.T) {
	// Claims 0 and 1 are of report 0, 2 and 3 of report 1, 4 of report 2.
	reportOf := []int32{0, 0, 1, 1, 2}
	for _, tc := range []struct {
		name  string
		pairs []claimPair // as claimCandidates finds them
		want  []claimPair
	}{
		{"mutual best kept, the other dropped",
			[]claimPair{{0, 2, 0.5}, {1, 2, 0.3}},
			[]claimPair{{0, 2, 0.5}}},
		{"best of one side only is dropped",
			[]claimPair{{0, 2, 0.5}, {0, 3, 0.4}, {1, 3, 0.2}},
			[]claimPair{{0, 2, 0.5}}},
		{"ties are all best",
			[]claimPair{{0, 2, 0.4}, {0, 3, 0.4}},
			[]claimPair{{0, 2, 0.4}, {0, 3, 0.4}}},
		{"a sure link is kept though not best",
			[]claimPair{{0, 2, 0.9}, {1, 2, claimSure}, {1, 3, 0.2}},
			[]claimPair{{0, 2, 0.9}, {1, 2, claimSure}}},
		{"best is taken per other report",
			[]claimPair{{0, 2, 0.5}, {0, 4, 0.3}, {1, 4, 0.2}},
			[]claimPair{{0, 2, 0.5}, {0, 4, 0.3}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := linkablePairs(tc.pairs, reportOf, 3); !slices.Equal(got, tc.want) {
				t.Errorf("linkablePairs = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestReportSets(t *testing.T) {
	s := newReportSets(3, 130)
	s.add(0, 1)
	s.add(1, 129)
	s.add(2, 129)
	if s.meet(0, 1) {
		t.Error("sets {1} and {129} meet")
	}
	if !s.meet(1, 2) {
		t.Error("sets {129} and {129} do not meet")
	}
	s.merge(0, 1)
	if !s.meet(0, 2) {
		t.Error("after merging {129} into {1}, it does not meet {129}")
	}
	if s.meet(1, 2) {
		t.Error("a merged-away set still meets {129}")
	}
}

// TestMergeEjecting merges two groups that both hold a claim of report C:
// the claim of C that fits the merged group better stays, the other is set
// apart in a group of its own.
func TestMergeEjecting(t *testing.T) {
	claim := func(report string, terms ...int32) claimFeatures {
		f := claimFeatures{report: report, terms: terms}
		for range terms {
			f.weight = append(f.weight, 1)
			f.what = append(f.what, true)
		}
		f.norm = math.Sqrt(float64(len(terms)))
		return f
	}
	feats := []claimFeatures{
		claim("A", 0, 1), claim("B", 0, 1), claim("C", 0, 1, 5), // group 0
		claim("C", 2, 3), claim("D", 0, 1, 2, 3), // group 3
	}
	reportOf, nReports := reportNumbers(feats)
	members := [][]int{{0, 1, 2}, nil, nil, {3, 4}, nil}
	group := []int{0, 0, 0, 3, 3}
	reports := newReportSets(len(feats), nReports)
	for i, g := range group {
		reports.add(g, reportOf[i])
	}
	probe := newClaimProbe(feats, 6)
	members = mergeEjecting(probe, newLinkageCache(len(feats)), members, group, &reports, reportOf, 0, 3)
	got := slices.Clone(members[0])
	slices.Sort(got)
	if !slices.Equal(got, []int{0, 1, 2, 4}) || len(members[3]) != 0 {
		t.Errorf("merged group %v, old group %v: want [0 1 2 4] and nothing", got, members[3])
	}
	if len(members) != 6 || !slices.Equal(members[5], []int{3}) || group[3] != 5 {
		t.Errorf("groups %v, claim 3 in group %d: want claim 3 set apart in a new group 5", members, group[3])
	}
	if !reports.has(0, reportOf[4]) || reports.has(3, reportOf[4]) || !reports.has(5, reportOf[3]) {
		t.Error("report sets not updated with the merge")
	}
}
