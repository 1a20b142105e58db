package compare

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"slices"
	"strings"
)

// item is one quote as alignment sees it.
type item struct {
	id      string
	report  string
	speaker string
	toks    []token
	loose   []token  // toks with loose keys, for matching
	words   []string // loose keys of the words
	// outer is the index of the quote of the same report that this one is
	// nested in (a speaker quoting someone else's words), or -1.
	outer int
}

// shingleSize is how many words in a row make one index key.
const shingleSize = 2

// maxPosting bounds how many items one shingle may point at before it is
// too common ("he said", "of the") to suggest a match.
const maxPosting = 100

var shingleSeed = maphash.MakeSeed()

// shingles returns the distinct hashes of each run of shingleSize words
// that holds a content word; a text shorter than that gives one hash of all
// its words.
func shingles(w []string) []uint64 {
	if len(w) == 0 {
		return nil
	}
	n := min(shingleSize, len(w))
	seen := map[uint64]bool{}
	var out []uint64
	for i := 0; i+n <= len(w); i++ {
		if !slices.ContainsFunc(w[i:i+n], isContentWord) {
			continue // "of the", "it was": in every text
		}
		var h maphash.Hash
		h.SetSeed(shingleSeed)
		for _, x := range w[i : i+n] {
			h.WriteString(x)
			h.WriteByte(0)
		}
		s := h.Sum64()
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// link is a candidate match between items a < b.
type link struct {
	a, b int
	// common is the number of words the two share in runs (see overlap),
	// which decides whether they render about the same extent of words.
	common int
	// at holds, for a and b, where in each the words they share are (see
	// overlap).
	at [2]wordSpan
}

// cover returns the longer item of l, the shorter one it covers, and where
// in the longer one the words they share are; a is the longer of two of one
// length.
func (l link) cover(items []item) (long, short int, at wordSpan) {
	if len(items[l.a].words) < len(items[l.b].words) {
		return l.b, l.a, l.at[1]
	}
	return l.a, l.b, l.at[0]
}

// minPiece is the fewest words of quotes that one longer quote covering
// them in the same place puts in one group: a fragment of a few words
// ("joy and peace") is not a rendering of a sentence.
const minPiece = 5

// wordSpan is a half-open range of word positions in an item.
type wordSpan struct{ lo, hi int }

// meets tells whether two spans of one item are of a like extent and
// share at least half of the shorter one's words: two quotes covered there
// render the same words, not a phrase and the passage around it.
func (s wordSpan) meets(t wordSpan) bool {
	common := min(s.hi, t.hi) - max(s.lo, t.lo)
	short, long := min(s.hi-s.lo, t.hi-t.lo), max(s.hi-s.lo, t.hi-t.lo)
	return common > 0 && 2*common >= short && 5*short >= 2*long
}

// candidates returns the pairs of items that share a shingle, with how many
// shingles they share, from an inverted index. Pairs from one report count
// too: a report may quote a statement whole and repeat a sentence of it,
// and copies of that sentence elsewhere are represented by one item.
func candidates(items []item) map[[2]int]int {
	index := map[uint64][]int{}
	for i, it := range items {
		for _, s := range shingles(it.words) {
			index[s] = append(index[s], i)
		}
	}
	shared := map[[2]int]int{}
	for _, post := range index {
		if len(post) > maxPosting {
			continue
		}
		for x, i := range post {
			for _, j := range post[x+1:] {
				shared[[2]int{i, j}]++
			}
		}
	}
	return shared
}

// minRun is the shortest run of words in a row that counts as shared:
// shorter runs ("of the", "it was") are common to unrelated texts.
const minRun = 3

// overlap measures what two texts share in order.
type overlap struct {
	// runs counts the shared words in runs of at least minRun words in a
	// row that hold a content word.
	runs int
	// all counts every shared word (the longest common subsequence).
	all int
	// longest is the longest run of shared words.
	longest int
	// at holds, for each text, the words its shared words span, when they
	// make at least half of them; else the words of the longest run.
	at [2]wordSpan
}

// measureOverlap compares a and b by a raw word diff on their loose keys.
func measureOverlap(a, b []token, opts Options) overlap {
	var o overlap
	var pos [2]int               // word positions in a and b
	var longest, all [2]wordSpan // of the longest shared run, of all shared words
	diffTokens(a, b, opts.DiffTimeout).each(func(r run, ref, member []token) {
		n, nb := countWords(ref), countWords(member)
		defer func() { pos[0] += n; pos[1] += nb }()
		if r.op != OpEqual || n == 0 {
			return
		}
		if n > o.longest {
			longest = [2]wordSpan{{pos[0], pos[0] + n}, {pos[1], pos[1] + n}}
		}
		for k := range all {
			if o.all == 0 {
				all[k].lo = pos[k]
			}
			all[k].hi = pos[k] + n
		}
		o.all += n
		o.longest = max(o.longest, n)
		if n >= minRun && slices.ContainsFunc(ref, isContentToken) {
			o.runs += n
		}
	})
	o.at = longest
	if 2*o.all >= all[0].hi-all[0].lo && 2*o.all >= all[1].hi-all[1].lo {
		o.at = all
	}
	return o
}

// linkItems decides which candidate pairs render the same words: they
// share a run of five words or more, or four in five of the shorter one's
// words in order with a run of three, or the shorter is a two-word
// fragment that a text of at most ten words holds whole.
//
// Items with the same words (a quote carried verbatim by many reports) are
// compared once: only the first of each set of copies goes through the
// index, and each other copy gets a link to it.
func linkItems(items []item, opts Options) []link {
	var links []link
	first := map[string]int{}
	var distinct []item
	var at []int // at[k] is the index in items of distinct[k]
	for i, it := range items {
		key := strings.Join(it.words, " ")
		if f, ok := first[key]; ok && len(it.words) >= 2 {
			links = append(links, link{a: f, b: i, common: len(it.words)})
			continue
		}
		first[key] = i
		distinct = append(distinct, it)
		at = append(at, i)
	}
	for pair, shared := range candidates(distinct) {
		pair = [2]int{at[pair[0]], at[pair[1]]}
		a, b := &items[pair[0]], &items[pair[1]]
		short := min(len(a.words), len(b.words))
		// Every rule below needs a run of three words or more, which holds
		// two shingles with a content word unless it is that short.
		if short < 2 || short > 3 && shared < 2 {
			continue
		}
		o := measureOverlap(a.loose, b.loose, opts)
		switch {
		case o.runs >= 5 || o.runs >= minRun && float64(o.all) >= 0.8*float64(short):
			links = append(links, link{a: pair[0], b: pair[1], common: o.runs, at: o.at})
		case short == 2 && o.longest == 2 && max(len(a.words), len(b.words)) <= 10 &&
			slices.ContainsFunc(shorter(a, b).words, isContentWord):
			links = append(links, link{a: pair[0], b: pair[1], common: 2})
		}
	}
	slices.SortFunc(links, func(x, y link) int { return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b)) })
	return links
}

func shorter(a, b *item) *item {
	if len(a.words) <= len(b.words) {
		return a
	}
	return b
}

// groupItems forms groups from links. Items that render about the same
// extent of words are joined transitively; an item that covers a shorter
// one (a whole statement and one sentence of it) joins the shorter one's
// group without merging the pieces it covers in different places into one
// (pieces of minPiece words or more that it covers in the same place are
// one group), unless the words it shares are a quote nested in it and other
// reports render it whole: then the nested words and the quote around them
// keep groups of their own.
func groupItems(items []item, links []link) [][]int {
	// copies[i] lists the items with the same words as item i, i first.
	copies := map[int][]int{}
	for _, l := range links {
		if len(items[l.a].words) == l.common && len(items[l.b].words) == l.common {
			copies[l.a] = append(copies[l.a], l.b)
		}
	}
	parent := make([]int, len(items))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) {
		ra, rb := find(a), find(b)
		if ra != rb {
			parent[max(ra, rb)] = min(ra, rb)
		}
	}
	var covers []link
	for _, l := range links {
		long := max(len(items[l.a].words), len(items[l.b].words))
		if float64(l.common) >= 0.6*float64(long) {
			union(l.a, l.b)
		} else {
			covers = append(covers, l)
		}
	}
	// Two quotes that one longer quote covers in the same place render the
	// same words, though they may share too few with each other to link
	// ("We have learned from the delays on the North Pier project" and "We
	// learned our lesson from the North Pier delays"); quotes it covers in
	// different places are pieces that keep groups of their own.
	coveredIn := map[int][]covered{} // long item → the pieces of minPiece words or more it covers
	for _, l := range covers {
		if long, short, at := l.cover(items); len(items[short].words) >= minPiece {
			coveredIn[long] = append(coveredIn[long], covered{item: short, at: at})
		}
	}
	for _, cs := range coveredIn {
		// The covered quotes, each in the first cluster all of whose
		// quotes it meets.
		var clusters [][]covered
		for _, c := range cs {
			if k := slices.IndexFunc(clusters, func(cl []covered) bool { return meetAll(items, c, cl) }); k >= 0 {
				clusters[k] = append(clusters[k], c)
			} else {
				clusters = append(clusters, []covered{c})
			}
		}
		for _, c := range clusters {
			for _, x := range c[1:] {
				union(c[0].item, x.item)
			}
		}
	}
	byRoot := map[int][]int{}
	for i := range items {
		r := find(i)
		byRoot[r] = append(byRoot[r], i)
	}
	inner := map[int][]int{} // item → the quotes nested in it
	for i, it := range items {
		if it.outer >= 0 {
			inner[it.outer] = append(inner[it.outer], i)
		}
	}
	joined := map[int]bool{} // items that joined another's group
	for _, l := range covers {
		long, short, _ := l.cover(items)
		r := find(short)
		for _, x := range append([]int{long}, copies[long]...) {
			if find(x) == r || slices.Contains(byRoot[r], x) {
				continue
			}
			if len(byRoot[find(x)]) > 1 && slices.ContainsFunc(inner[x], func(y int) bool { return find(y) == r }) {
				// Its words there are another speaker's, nested in it, and
				// other reports render it whole in a group of its own.
				continue
			}
			byRoot[r] = append(byRoot[r], x)
			joined[x] = true
		}
	}
	var groups [][]int
	for r, members := range byRoot {
		if len(members) == 1 && joined[members[0]] && find(members[0]) == r {
			continue // it lives on in the groups it joined
		}
		slices.Sort(members)
		groups = append(groups, members)
	}
	slices.SortFunc(groups, slices.Compare)
	return dropContained(groups)
}

// covered is a quote that a longer one covers, with where in the longer
// one its words are.
type covered struct {
	item int
	at   wordSpan
}

// meetAll tells whether quote x meets every quote of a cluster in the
// longer quote that covers them all, each of another report: a rendering
// of two sentences meets each, but does not make the two one.
func meetAll(items []item, x covered, cluster []covered) bool {
	for _, y := range cluster {
		if items[x.item].report == items[y.item].report || !x.at.meets(y.at) {
			return false
		}
	}
	return true
}

// dropContained removes each group all of whose members are in a larger
// group too: a whole statement that joined a piece's group can make that
// group hold every member of the statement's own.
func dropContained(groups [][]int) [][]int {
	in := map[int][]int{} // item → the groups that hold it
	for g, members := range groups {
		for _, m := range members {
			in[m] = append(in[m], g)
		}
	}
	kept := groups[:0:0]
	for g, members := range groups {
		contained := false
		for _, other := range in[members[0]] {
			if other != g && len(groups[other]) > len(members) && isSubset(members, groups[other]) {
				contained = true
				break
			}
		}
		if !contained {
			kept = append(kept, members)
		}
	}
	return kept
}

// isSubset tells whether every element of the sorted slice a is in the
// sorted slice b.
func isSubset(a, b []int) bool {
	i := 0
	for _, x := range b {
		if i < len(a) && a[i] == x {
			i++
		}
	}
	return i == len(a)
}

// align lines up the quotes and the claims of a result across reports and
// diffs each group's members against its reference.
func align(res *Result, opts Options) []Group {
	refReport := ""
	for _, r := range res.Reports {
		if r.Reference {
			refReport = r.ID
			break
		}
	}
	items := make([]item, len(res.Quotes))
	for i, q := range res.Quotes {
		items[i] = newItem(q.ID, q.Report, q.Speaker, q.Text)
	}
	setOuter(items, res.Quotes)
	var groups []Group
	for _, members := range groupItems(items, linkItems(items, opts)) {
		groups = append(groups, makeGroup(items, members, refReport, opts))
	}
	groups = append(groups, alignClaims(res, refReport, opts)...)
	for i := range groups {
		groups[i].ID = fmt.Sprintf("g%d", i+1)
	}
	return groups
}

// setOuter records for each item the innermost quote of its report whose
// span holds its own.
func setOuter(items []item, quotes []Quote) {
	byReport := map[string][]int{}
	for i, q := range quotes {
		byReport[q.Report] = append(byReport[q.Report], i)
	}
	for _, in := range byReport {
		for _, i := range in {
			for _, j := range in {
				qi, qj := quotes[i].Span, quotes[j].Span
				if j == i || qj.Start > qi.Start || qj.End < qi.End || qj == qi {
					continue
				}
				if o := items[i].outer; o < 0 || quotes[o].Len() > qj.Len() {
					items[i].outer = j
				}
			}
		}
	}
}

// newItem prepares a quote's text for alignment.
func newItem(id, report, speaker, text string) item {
	toks := tokenize(text)
	loose := slices.Clone(toks)
	var w []string
	for i, t := range loose {
		if t.word {
			loose[i].key = looseKey(t.key)
			w = append(w, loose[i].key)
		}
	}
	return item{id: id, report: report, speaker: speaker, toks: toks, loose: loose, words: w, outer: -1}
}

// pickReference returns the member of a group that the others are diffed
// against: the reference report's member when there is one, else the first
// member no other is better than.
func pickReference(members []int, inReference func(int) bool, better func(a, b int) bool) int {
	ref := members[0]
	for _, m := range members[1:] {
		if inReference(m) != inReference(ref) {
			if inReference(m) {
				ref = m
			}
		} else if better(m, ref) {
			ref = m
		}
	}
	return ref
}

// makeGroup picks the group's reference (the reference report's member,
// else the fullest rendering) and diffs and flags every other member.
func makeGroup(items []item, members []int, refReport string, opts Options) Group {
	ref := pickReference(members,
		func(m int) bool { return items[m].report == refReport },
		func(a, b int) bool { return len(items[a].words) > len(items[b].words) })
	g := Group{Kind: KindQuote, Reference: items[ref].id}
	reports := map[string]bool{}
	for _, m := range members {
		g.Members = append(g.Members, items[m].id)
		reports[items[m].report] = true
		if m == ref {
			continue
		}
		d, flags := compareItems(&items[ref], &items[m], opts)
		g.Diffs = append(g.Diffs, d)
		g.Flags = append(g.Flags, flags...)
	}
	if len(reports) == 1 {
		g.Flags = append(g.Flags, Flag{Member: items[ref].id, Kind: FlagUnique,
			Detail: fmt.Sprintf("only one report carries this %s", g.Kind)})
	}
	return g
}

// compareItems diffs member against ref for a reader and flags how they
// differ. Flags come from a diff of loose keys, so that spelling variants
// line up and are reported as such rather than as changed words.
func compareItems(ref, member *item, opts Options) (Diff, []Flag) {
	edits := diffTokens(ref.toks, member.toks, opts.DiffTimeout).edits()
	loose := diffTokens(ref.loose, member.loose, opts.DiffTimeout)
	return Diff{Member: member.id, Similarity: similarity(edits), Edits: edits},
		flagsFor(ref, member, loose.edits(), loose.variants())
}
