package compare

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"hash/maphash"
	"slices"
	"strings"
)

// ContentHash identifies a report's text whatever file or format it came
// from: the SHA-256 of its words, white space folded. The same report
// added twice has the same hash.
func ContentHash(r *Report) string {
	sum := sha256.Sum256([]byte(strings.Join(strings.Fields(r.Body), " ")))
	return hex.EncodeToString(sum[:])
}

// Syndication records that one report carries another's text: one wire
// story (AP, Reuters, AFP) run by two outlets, often trimmed, or one
// outlet's story republished by another.
type Syndication struct {
	// Copy is the ID of the report that carries the other's text.
	Copy string `json:"copy"`
	// Of is the ID of the report it was taken from, or of the fuller
	// version when the text does not tell.
	Of string `json:"of"`
	// Containment is the share of the shorter report's word sequences
	// (runs of syndicationShingle words) found in the other.
	Containment float64 `json:"containment"`
}

const (
	// syndicationShingle is the length of the word runs compared: long
	// enough that two reporters writing about one event rarely share
	// one by chance, short enough to survive an editor's trims.
	syndicationShingle = 5
	// syndicationContainment is the share of a report's word runs that
	// must recur in another report for it to be a copy.
	syndicationContainment = 0.6
	// minSyndicationShingles leaves out reports too short to judge.
	minSyndicationShingles = 30
)

var syndicationSeed = maphash.MakeSeed()

// wordRuns returns the distinct hashes of each run of n words of text, in
// increasing order.
func wordRuns(text string, n int) []uint64 {
	w := words(text)
	runs := make([]uint64, 0, max(0, len(w)-n+1))
	for i := 0; i+n <= len(w); i++ {
		var h maphash.Hash
		h.SetSeed(syndicationSeed)
		for _, x := range w[i : i+n] {
			h.WriteString(x)
			h.WriteByte(0)
		}
		runs = append(runs, h.Sum64())
	}
	slices.Sort(runs)
	return slices.Compact(runs)
}

// sharedRuns counts the hashes two increasing lists of run hashes share.
func sharedRuns(a, b []uint64) int {
	shared := 0
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] < b[0]:
			a = a[1:]
		case a[0] > b[0]:
			b = b[1:]
		default:
			shared++
			a, b = a[1:], b[1:]
		}
	}
	return shared
}

// FindSyndication returns the pairs of reports of which one carries the
// other's text, by containment of word runs: most of the shorter report's
// runs of five words recur in the longer. Which report is the copy is
// decided by the text where it can be (a report that names the other's
// outlet, as in "More from The New York Times", is the copy), then by
// date (the later is the copy), then by length (the trimmed one is).
// Pairs are in the order of their copies, then their originals. Only pairs
// that an index of runs shows sharing rare runs are measured.
func FindSyndication(reports []*Report) []Syndication {
	runs := make([][]uint64, len(reports))
	for i, r := range reports {
		runs[i] = wordRuns(r.Body, syndicationShingle)
	}
	var out []Syndication
	for _, pair := range syndicationCandidates(runs) {
		i, j := pair[0], pair[1]
		small, large := runs[i], runs[j]
		if len(small) > len(large) {
			small, large = large, small
		}
		if len(small) < minSyndicationShingles {
			continue
		}
		c := float64(sharedRuns(small, large)) / float64(len(small))
		if c < syndicationContainment {
			continue
		}
		dup, orig := syndicationOrder(reports[i], reports[j], len(runs[i]), len(runs[j]))
		out = append(out, Syndication{Copy: dup.ID, Of: orig.ID, Containment: c})
	}
	order := make(map[string]int, len(reports))
	for i, r := range reports {
		order[r.ID] = i
	}
	slices.SortFunc(out, func(a, b Syndication) int {
		return cmp.Or(cmp.Compare(order[a.Copy], order[b.Copy]), cmp.Compare(order[a.Of], order[b.Of]))
	})
	return out
}

// syndicationCandidates returns the pairs of reports i < j, in order,
// that share at least minSyndicationShingles/4 runs held by few reports,
// from an inverted index: runs that many reports hold (a much-quoted
// sentence) suggest no copy, and a copy shares many runs that no other
// report has.
func syndicationCandidates(runs [][]uint64) [][2]int {
	// held lists every run with a report holding it, by run then report:
	// the reports holding one run stand together, in order.
	type holding struct {
		run    uint64
		report int
	}
	total := 0
	for _, r := range runs {
		total += len(r)
	}
	held := make([]holding, 0, total)
	for i, r := range runs {
		for _, h := range r {
			held = append(held, holding{h, i})
		}
	}
	slices.SortFunc(held, func(a, b holding) int { return cmp.Or(cmp.Compare(a.run, b.run), cmp.Compare(a.report, b.report)) })
	shared := map[[2]int]int{}
	for len(held) > 0 {
		n := 1
		for n < len(held) && held[n].run == held[0].run {
			n++
		}
		post := held[:n]
		held = held[n:]
		if len(post) > rareRunReports {
			continue
		}
		for x, i := range post {
			for _, j := range post[x+1:] {
				shared[[2]int{i.report, j.report}]++
			}
		}
	}
	var out [][2]int
	for pair, n := range shared {
		if n >= minSyndicationShingles/4 {
			out = append(out, pair)
		}
	}
	slices.SortFunc(out, func(a, b [2]int) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	return out
}

// rareRunReports is the most reports a run may stand in and still suggest
// a copy.
const rareRunReports = 8

// syndicationOrder tells which of two reports sharing one text is the
// copy; na and nb are the sizes of their texts.
func syndicationOrder(a, b *Report, na, nb int) (dup, orig *Report) {
	aNamesB, bNamesA := namesOutlet(a, b), namesOutlet(b, a)
	switch {
	case aNamesB && !bNamesA:
		return a, b
	case bNamesA && !aNamesB:
		return b, a
	case a.Meta.Date != "" && b.Meta.Date != "" && a.Meta.Date != b.Meta.Date:
		if a.Meta.Date > b.Meta.Date {
			return a, b
		}
		return b, a
	case na < nb:
		return a, b
	}
	return b, a
}

// namesOutlet tells whether r's text names other's outlet (and other's
// outlet is not r's own).
func namesOutlet(r, other *Report) bool {
	name := other.Meta.Outlet
	return len(name) > 3 && !strings.EqualFold(name, r.Meta.Outlet) && strings.Contains(r.Body, name)
}

// SyndicationGroups gathers the reports that FindSyndication links,
// directly or through others, into groups of IDs, each in report order;
// reports linked to none are left out.
func SyndicationGroups(reports []*Report, links []Syndication) [][]string {
	parent := map[string]string{}
	var find func(string) string
	find = func(id string) string {
		if p, ok := parent[id]; ok && p != id {
			root := find(p)
			parent[id] = root
			return root
		}
		return id
	}
	linked := map[string]bool{}
	for _, l := range links {
		parent[find(l.Copy)] = find(l.Of)
		linked[l.Copy], linked[l.Of] = true, true
	}
	index := map[string]int{}
	var groups [][]string
	for _, r := range reports {
		if !linked[r.ID] {
			continue
		}
		root := find(r.ID)
		k, ok := index[root]
		if !ok {
			k = len(groups)
			index[root] = k
			groups = append(groups, nil)
		}
		groups[k] = append(groups[k], r.ID)
	}
	return groups
}
