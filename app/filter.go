package app

import (
	"slices"
	"strings"

	"github.com/parallax-review/parallax/compare"
)

// filter says which groups the matrix shows and in what order. The zero
// value shows every group in order of appearance.
type filter struct {
	// kind is compare.KindQuote, compare.KindClaim or "" for both.
	kind compare.Kind
	// withDiff keeps groups with at least one flag.
	withDiff bool
	// unreviewed keeps groups not yet reviewed.
	unreviewed bool
	// speaker keeps groups whose speaker is this one; "" keeps all.
	speaker string
	// report keeps groups the report with this ID carries; "" keeps all.
	report string
	// text keeps groups whose texts, speakers, flag details or verdict
	// notes contain it, ignoring case.
	text string
	// bySignificance sorts the most significant differences first.
	bySignificance bool
}

// apply returns the rows f keeps, in f's order.
func (f filter) apply(rows []*row, verdicts map[string]Verdict) []*row {
	needle := strings.ToLower(strings.TrimSpace(f.text))
	var out []*row
	for _, r := range rows {
		switch {
		case f.kind != "" && r.kind != f.kind,
			f.withDiff && r.severity == 0,
			f.unreviewed && reviewed(r, verdicts),
			f.speaker != "" && r.speaker != f.speaker,
			f.report != "" && r.byReport[f.report] == nil,
			needle != "" && !matchesText(r, verdicts, needle):
			continue
		}
		out = append(out, r)
	}
	if f.bySignificance {
		slices.SortStableFunc(out, func(a, b *row) int { return b.severity - a.severity })
	}
	return out
}

// matchesText tells whether a row's text or a verdict note on it contains
// needle, which is in lower case.
func matchesText(r *row, verdicts map[string]Verdict, needle string) bool {
	if strings.Contains(r.haystack, needle) {
		return true
	}
	note := func(key string) bool {
		v, ok := verdicts[key]
		return ok && strings.Contains(strings.ToLower(v.Note), needle)
	}
	if note(r.key) {
		return true
	}
	return slices.ContainsFunc(r.members, func(m *member) bool { return note(m.key) })
}

// speakers lists the rows' distinct speakers, sorted.
func speakers(rows []*row) []string {
	var out []string
	for _, r := range rows {
		if r.speaker != "" && !slices.Contains(out, r.speaker) {
			out = append(out, r.speaker)
		}
	}
	slices.Sort(out)
	return out
}
