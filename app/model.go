package app

import (
	"slices"
	"strings"

	"github.com/parallax-review/parallax/compare"
)

// member is one report's rendering of a quote or claim, with what the
// analysis says about it.
type member struct {
	report  *compare.Report
	text    string
	speaker string
	span    compare.Span
	// diff is nil for the reference rendering.
	diff *compare.Diff
	// flags are the rendering's differences, the most significant first.
	flags []compare.Flag
	// key is the rendering's ref for verdicts: its quote or claim ID.
	key string
}

// topFlag returns the most significant of a rendering's flags.
func (m *member) topFlag() (compare.Flag, bool) {
	if len(m.flags) == 0 {
		return compare.Flag{}, false
	}
	return m.flags[0], true
}

// severity is that of the rendering's most significant flag, 0 when it
// has none.
func (m *member) severity() int {
	f, _ := m.topFlag()
	return f.Kind.Severity()
}

// row is one group of the analysis as the matrix and the detail show it.
type row struct {
	group *compare.Group
	// order is the group's place in the analysis: the order of appearance.
	order    int
	kind     compare.Kind
	speaker  string
	opening  string
	ref      *member
	members  []*member // every rendering: the reference, then the others in report order
	byReport map[string]*member
	// severity is that of the group's most significant difference between
	// reports: 0 when every report renders it alike, and for a group only
	// one report carries, which has nothing to differ from (its "unique"
	// flag says so in the detail).
	severity int
	// key is the group's ref for verdicts: its ID.
	key string
	// haystack is the row's text in lower case, for the search filter.
	haystack string
}

// openingWords returns the first n words of s, with an ellipsis when s has
// more.
func openingWords(s string, n int) string {
	ws := strings.Fields(s)
	if len(ws) <= n {
		return strings.Join(ws, " ")
	}
	return strings.Join(ws[:n], " ") + "…"
}

// minSharedRun is the fewest words in a row that a member must share with
// its reference for sharedStart to take them as what it renders.
const minSharedRun = 3

// sharedStart returns how many words of the reference of a quote's row
// the members that render a piece of it leave out before the words they
// share with it: when a long quote is the reference of the group of a
// piece that others quote ("Two thirds of the money …" of a two-sentence statement),
// the row is labelled with the piece, not with the statement's opening,
// which the group of the first sentence also shows. Members that render
// the whole reference say nothing of the piece and are passed over. It
// returns 0 when some member renders the reference from its start. Words
// are counted as compare.WordCount counts them, so that a quotation mark
// or bracket the diff keeps apart ("(" before "Except you …") is none.
func sharedStart(r *row) int {
	skip := -1
	for _, m := range r.members {
		if m == r.ref || m.diff == nil {
			continue
		}
		var before strings.Builder // the reference's text before the shared words
		kept, dropped, shared := 0, 0, false
		for _, e := range m.diff.Edits {
			n := len(strings.Fields(e.Text))
			switch e.Op {
			case compare.OpEqual:
				kept += n
				shared = shared || n >= minSharedRun
			case compare.OpDelete:
				dropped += n
			}
			if !shared && e.Op != compare.OpInsert {
				before.WriteString(e.Text)
			}
		}
		if !shared || dropped*10 <= kept+dropped {
			continue // nothing of it in common, or the whole reference
		}
		if at := compare.WordCount(before.String()); skip < 0 || at < skip {
			skip = at
		}
	}
	return max(skip, 0)
}

// fromWord returns s from the field that holds its word n+1 (counted as
// compare.WordCount counts), or "" when s has no more than n words.
func fromWord(s string, n int) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		if n -= compare.WordCount(w); n < 0 {
			return strings.Join(ws[i:], " ")
		}
	}
	return ""
}

// buildRows indexes an analysis for display: one row per group, its
// reference rendering first, then the others in report order.
func buildRows(res *compare.Result) []*row {
	reports := map[string]*compare.Report{}
	order := map[string]int{}
	for i, r := range res.Reports {
		reports[r.ID] = r
		order[r.ID] = i
	}
	members := map[string]*member{}
	for _, q := range res.Quotes {
		members[q.ID] = &member{report: reports[q.Report], text: q.Text, speaker: q.Speaker, span: q.Span, key: q.ID}
	}
	for _, c := range res.Claims {
		members[c.ID] = &member{report: reports[c.Report], text: c.Text, speaker: c.Source, span: c.Span, key: c.ID}
	}
	rows := make([]*row, 0, len(res.Groups))
	for gi := range res.Groups {
		g := &res.Groups[gi]
		r := &row{group: g, order: gi, kind: g.Kind, byReport: map[string]*member{}}
		for _, id := range g.Members {
			m := *members[id]
			m.flags, m.diff = nil, nil
			for _, f := range g.Flags {
				if f.Member == id {
					m.flags = append(m.flags, f)
					if f.Kind != compare.FlagUnique {
						r.severity = max(r.severity, f.Kind.Severity())
					}
				}
			}
			// The most significant first, as the detail lists them.
			slices.SortStableFunc(m.flags, func(a, b compare.Flag) int { return b.Kind.Severity() - a.Kind.Severity() })
			for di := range g.Diffs {
				if g.Diffs[di].Member == id {
					m.diff = &g.Diffs[di]
				}
			}
			r.members = append(r.members, &m)
			if id == g.Reference {
				r.ref = &m
			}
		}
		if r.ref == nil && len(r.members) > 0 {
			r.ref = r.members[0]
		}
		// The reference first, so that the detail shows what the others
		// are compared with before them, then the others in report order.
		rank := func(m *member) int {
			if m == r.ref {
				return -1
			}
			return order[m.report.ID]
		}
		slices.SortStableFunc(r.members, func(a, b *member) int { return rank(a) - rank(b) })
		r.speaker = r.ref.speaker
		var hay strings.Builder
		for _, m := range r.members {
			// A report carrying the quote twice shows its most significant
			// rendering in the matrix.
			if o, ok := r.byReport[m.report.ID]; !ok || m.severity() > o.severity() {
				r.byReport[m.report.ID] = m
			}
			// A quote is its speaker's whoever renders it, the reference
			// first; a claim's source is one report's attribution, so only
			// the reference's is the row's.
			if r.speaker == "" && r.kind == compare.KindQuote {
				r.speaker = m.speaker
			}
			hay.WriteString(m.text + "\n" + m.speaker + "\n")
			for _, f := range m.flags {
				hay.WriteString(f.Detail + "\n")
			}
		}
		r.opening = openingWords(r.ref.text, 8)
		if r.kind == compare.KindQuote {
			if skip := sharedStart(r); skip > 0 {
				r.opening = "…" + openingWords(fromWord(r.ref.text, skip), 8)
			}
		}
		r.key = g.ID
		r.haystack = strings.ToLower(hay.String())
		rows = append(rows, r)
	}
	return rows
}

// counts is what the status bar says about an analysis.
type counts struct {
	quotes, claims, groups, single, withDiff, reviewed int
}

func countRows(res *compare.Result, rows []*row, verdicts map[string]Verdict) counts {
	c := counts{quotes: len(res.Quotes), claims: len(res.Claims), groups: len(rows)}
	for _, r := range rows {
		if len(r.byReport) == 1 {
			c.single++
		}
		if r.severity > 0 {
			c.withDiff++
		}
		if reviewed(r, verdicts) {
			c.reviewed++
		}
	}
	return c
}

// reviewed tells whether a group has a verdict on the whole or on every
// rendering other than the reference.
func reviewed(r *row, verdicts map[string]Verdict) bool {
	if _, ok := verdicts[r.key]; ok {
		return true
	}
	others := 0
	for _, m := range r.members {
		if m == r.ref {
			continue
		}
		others++
		if _, ok := verdicts[m.key]; !ok {
			return false
		}
	}
	return others > 0
}
