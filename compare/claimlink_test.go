package compare

import (
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
