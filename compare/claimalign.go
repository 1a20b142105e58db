package compare

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"time"
	"unicode"
)

// claimFeatures is a claim as claim alignment sees it: the weighted terms
// it states (content words, the names it gives with their aliases, what
// its figures measure), its figures and its dates.
type claimFeatures struct {
	report string
	text   string // the claim's text
	// pos is where the claim stands in its report, 0 (first) to 1 (last).
	pos float64
	// terms are the sorted IDs of the terms the claim shares with some
	// other claim: a term no other claim holds links nothing.
	terms  []int32
	weight []float64 // weight of each term, above 0
	// what marks the terms that say what happened (words, figures,
	// dates) rather than who was involved (names).
	what []bool
	// names are the sorted term IDs of the names the claim gives.
	names []int32
	// nameTexts are the names the claim gives, as written.
	nameTexts []string
	norm      float64 // Euclidean norm of the weights
	values    []Quantity
	// figures are the sorted term IDs of the claim's figures at two
	// significant digits: $103 billion, $121 billion.
	figures []int32
	dates   []dateRef
	toks    []token // the claim's text cut into tokens
}

// Claim alignment thresholds, tuned on reports of news events.
const (
	// claimLink is the least similarity at which two claims are linked.
	claimLink = 0.1
	// claimJoin is the least mean similarity between a claim and the
	// members of a group it joins.
	claimJoin = 0.12
	// claimSure is the similarity at which two claims are linked even when
	// one of them is more similar to another claim of the other's report.
	claimSure = 0.6
	// claimSecond is the least similarity between a claim and the members
	// of a group it joins besides its own, alone and on average.
	claimSecond = 0.21
	// claimSecondAlone is the least similarity between a claim and a claim
	// of a group of one that it joins besides its own group.
	claimSecondAlone = 0.35
	// claimMerge is the least mean similarity between the members two
	// groups keep when they merge and set apart their claims of one report.
	claimMerge = 0.15
	// claimPasses bounds how often the links are gone over: the claims a
	// merge sets apart are given the links of the passes after.
	claimPasses = 3
	// claimMaxShare bounds the share of all claims a term may point at
	// before it is too common to suggest a match on its own (the event's
	// main actors, "said").
	claimMaxShare = 0.1
	// claimMaxPosting bounds how many claims a term may point at before it
	// is too common to suggest a match on its own.
	claimMaxPosting = 200
	// minPosting is the posting limit of the smallest cases.
	minPosting = 16
)

// Weights of the kinds of term, relative to a content word.
const (
	nameWeight  = 0.7 // a name: a person, place or organisation
	kindWeight  = 1.2 // what a figure measures: a death toll, a percentage
	valueWeight = 1.0 // the figure itself
	dateWeight  = 0.8 // the month a date falls in
	// magnitudeWeight is the weight of a figure's order of magnitude.
	magnitudeWeight = 0.8
	positionWeight  = 0.6
	// minShared is the fewest terms saying what happened that two claims
	// must share to state the same fact.
	minShared      = 1
	stemMinLetters = 3
	stemMaxLetters = 6
)

// alignClaims groups the claims of a result that state the same fact and
// flags how each differs from its group's reference.
func alignClaims(res *Result, refReport string, opts Options) []Group {
	claims := res.Claims
	if len(claims) == 0 {
		return nil
	}
	feats, terms := claimTerms(res)
	probe := newClaimProbe(feats, terms)
	groups := groupClaims(feats, terms, probe)
	groupsOf := make([]int, len(claims)) // how many groups each claim is in
	for _, members := range groups {
		for _, m := range members {
			groupsOf[m]++
		}
	}
	out := make([]Group, 0, len(groups))
	for _, members := range groups {
		out = append(out, makeClaimGroup(res, feats, probe, members, groupsOf, refReport, opts))
	}
	return out
}

// claimTerms reads the features of every claim of res, and returns them
// with the number of distinct terms; term weights are
// inverse claim frequencies, so that words every report repeats (the
// event's main actors) count less than the words of one fact.
func claimTerms(res *Result) ([]claimFeatures, int) {
	dates := map[string]time.Time{}
	for _, r := range res.Reports {
		if d, ok := parseReportDate(r.Meta.Date); ok {
			dates[r.ID] = d
		}
	}
	feats := make([]claimFeatures, len(res.Claims))
	nameWordsOf := map[string][]string{} // each name the claims give → its nameWords
	count := map[string]int{}            // how many claims each report makes
	for i, c := range res.Claims {
		count[c.Report]++
		f := &feats[i]
		f.toks = c.toks
		if f.toks == nil {
			f.toks = tokenize(c.Text)
		}
		f.nameTexts = entityNamesIn(f.toks)
		if c.subject != "" && !slices.Contains(f.nameTexts, c.subject) {
			f.nameTexts = append(f.nameTexts, c.subject)
		}
		for _, n := range f.nameTexts {
			if _, ok := nameWordsOf[n]; !ok {
				nameWordsOf[n] = nameWords(n)
			}
		}
	}
	aliases := entityAliases(nameWordsOf)

	ids := map[string]int32{}
	var df []int        // how many claims hold each term
	var kinds []float64 // the kind weight of each term ID
	// what marks the term IDs that say what happened: figures, dates and
	// the words written in lower case somewhere; a word only ever
	// capitalised is a name.
	var what []bool
	id := func(key string, w float64) int32 {
		if x, ok := ids[key]; ok {
			return x
		}
		x := int32(len(ids))
		ids[key] = x
		kinds = append(kinds, w)
		df = append(df, 0)
		what = append(what, key[0] == '#' || key[0] == '=' || key[0] == '%')
		return x
	}
	seen := map[string]int{}
	wordTerm := map[string]int32{} // word key → its stem's term, -1 for none
	for i, c := range res.Claims {
		f := &feats[i]
		f.report = c.Report
		f.text = c.Text
		f.pos = float64(seen[c.Report]) / float64(max(1, count[c.Report]-1))
		seen[c.Report]++
		f.values = c.Values
		wt := c.wt
		if wt == nil {
			wt = wtoks(c.Text, f.toks)
		}
		f.dates = readDatesIn(c.Text, wt, dates[c.Report])
		markSaid(f.dates, wt)
		var set []int32
		for _, t := range f.toks {
			if !t.word {
				continue
			}
			x, ok := wordTerm[t.key]
			if !ok {
				x = -1
				if s := stem(t.key); s != "" && !figureWord(t.key) {
					x = id(s, 1)
				}
				wordTerm[t.key] = x
			}
			if x >= 0 {
				set = append(set, x)
				what[x] = what[x] || !isCapitalised(t.text)
			}
		}
		for _, n := range f.nameTexts {
			nw := nameWordsOf[n]
			for _, w := range nw {
				f.names = append(f.names, id("@"+w, nameWeight))
			}
			if len(nw) == 1 {
				for _, w := range aliases[nw[0]] {
					f.names = append(f.names, id("@"+w, nameWeight))
				}
			}
		}
		slices.Sort(f.names)
		f.names = slices.Compact(f.names)
		set = append(set, f.names...)
		for _, q := range c.Values {
			k := quantityKey(q)
			if kindTells(q) {
				set = append(set, id("#"+k, kindWeight))
			}
			fig := id("="+k+"="+roundKey(q), valueWeight)
			f.figures = append(f.figures, fig)
			set = append(set, fig, id("="+k+"~"+magnitudeKey(q), magnitudeWeight))
		}
		for _, d := range f.dates {
			if d.To.Sub(d.From) < 32*24*time.Hour {
				set = append(set, id("%"+d.From.Format("2006-01"), dateWeight))
			}
		}
		slices.Sort(set)
		f.terms = slices.Compact(set)
		for _, t := range f.terms {
			df[t]++
		}
	}
	n := float64(len(res.Claims))
	for i := range feats {
		f := &feats[i]
		f.terms = slices.DeleteFunc(f.terms, func(t int32) bool { return df[t] < 2 })
		slices.Sort(f.figures)
		f.figures = slices.DeleteFunc(slices.Compact(f.figures), func(t int32) bool { return df[t] < 2 })
		f.weight = make([]float64, len(f.terms))
		f.what = make([]bool, len(f.terms))
		for j, t := range f.terms {
			f.what[j] = what[t]
			w := kinds[t] * math.Log(1+n/float64(df[t]))
			f.weight[j] = w
			f.norm += w * w
		}
		f.norm = math.Sqrt(f.norm)
	}
	return feats, len(ids)
}

// isCapitalised tells whether a token's text starts with a capital letter.
func isCapitalised(text string) bool {
	for _, r := range text {
		if unicode.IsSpace(r) {
			continue
		}
		return unicode.IsUpper(r)
	}
	return false
}

// quantityKey names what a figure measures, so that 7 dead and 8 dead, or
// $103 billion and $105 billion, share a key.
func quantityKey(q Quantity) string {
	switch q.Kind {
	case QtyLength, QtyMass, QtyDuration, QtyAge, QtyTime, QtyYear, QtyPercent:
		return q.Kind
	}
	return q.Kind + ":" + q.Unit + ":" + q.Of
}

// kindTells tells whether what a figure measures says which fact a claim
// states: a count of things named (deaths, employees), an amount per
// share, a percentage (the share or change of one thing). That a claim
// states some sum, some span of time or some length says little; the
// figure's value and size terms still count.
func kindTells(q Quantity) bool { return q.Of != "" || q.Kind == QtyPercent }

// figureWord tells whether a word only gives a figure's scale or unit
// ("billion", "percent", "feet"): the figure's own terms stand for it, so
// it is not also a word term. Units of time are words of dates as well
// ("last year") and stay.
func figureWord(k string) bool {
	if m, ok := multipliers[k]; ok && len(k) > 2 && m >= 100 {
		return true
	}
	u, ok := units[k]
	return ok && u.kind != QtyDuration
}

// roundKey is a figure rounded to two significant digits in its base
// unit: $103 billion and $112 billion are "1e+11" and "1.1e+11", $60 and
// $6 "60" and "6".
func roundKey(q Quantity) string { return strconv.FormatFloat(baseValue(q), 'g', 2, 64) }

// magnitudeKey is the order of magnitude of a figure in its base unit:
// $103 billion and $105 billion share one, so that two outlets giving
// different figures for one amount still line up.
func magnitudeKey(q Quantity) string {
	v := math.Abs(baseValue(q))
	if v == 0 {
		return "0"
	}
	return strconv.Itoa(int(math.Floor(math.Log10(v))))
}

// claimProbe holds the terms of one claim spread over all term IDs, so
// that its similarity to many other claims is read off their terms alone.
type claimProbe struct {
	feats  []claimFeatures
	weight []float64 // by term ID: the loaded claim's weight of it, where held
	held   []uint8   // by term ID: how the loaded claim holds it
	loaded int       // the loaded claim, -1 for none
	// first[t] is the first of the posts of term t in linkage's index of
	// one group's sample, -1 for none.
	first []int32
	posts []samplePost
	// sums holds, for each claim of the indexed sample, what its terms
	// share with one claim of the other group.
	sums [linkageSample]shared
}

// samplePost records that a claim of an indexed sample holds a term.
type samplePost struct {
	claim  int32 // its place in the sample
	next   int32 // the next post of the term, -1 for none
	weight float64
}

// shared is what the terms of two claims share: the dot product of their
// weights, and how many shared terms say what happened and who was
// involved.
type shared struct {
	dot       float64
	what, who int
}

// How a claim holds a term, as bits.
const (
	heldTerm uint8 = 1 << iota // it holds the term
	heldWhat                   // … and the term says what happened
	heldName                   // the term is one of its names
)

func newClaimProbe(feats []claimFeatures, terms int) *claimProbe {
	first := make([]int32, terms)
	for t := range first {
		first[t] = -1
	}
	return &claimProbe{feats: feats, weight: make([]float64, terms), held: make([]uint8, terms), loaded: -1, first: first}
}

// load makes claim i the one that sim compares others with.
func (p *claimProbe) load(i int) {
	if p.loaded == i {
		return
	}
	p.unload()
	f := &p.feats[i]
	for j, t := range f.terms {
		p.weight[t] = f.weight[j]
		p.held[t] = heldTerm
		if f.what[j] {
			p.held[t] |= heldWhat
		}
	}
	for _, t := range f.names {
		p.held[t] |= heldName
	}
	p.loaded = i
}

// unload clears the marks of the loaded claim.
func (p *claimProbe) unload() {
	if p.loaded < 0 {
		return
	}
	f := &p.feats[p.loaded]
	for _, t := range f.terms {
		p.held[t] = 0
	}
	for _, t := range f.names {
		p.held[t] = 0
	}
	p.loaded = -1
}

// sim is the cosine similarity of the loaded claim's weighted terms and
// claim j's, or 0 when they share only names, or a single word and no
// name: two claims about the same people state the same fact only if they
// also share what happened, and one common word alone is a coincidence.
func (p *claimProbe) sim(j int) float64 {
	a, b := &p.feats[p.loaded], &p.feats[j]
	if a.norm == 0 || b.norm == 0 {
		return 0
	}
	var sh shared
	for k, t := range b.terms {
		h := p.held[t]
		if h&heldTerm == 0 {
			continue
		}
		sh.dot += p.weight[t] * b.weight[k]
		if h&heldWhat != 0 {
			sh.what++
		} else {
			sh.who++
		}
	}
	return p.score(a, b, sh)
}

// score is the similarity of claims a and b from what their terms share;
// the names of a must be marked heldName.
func (p *claimProbe) score(a, b *claimFeatures, sh shared) float64 {
	if sh.what < minShared || sh.what == minShared && sh.who == 0 {
		return 0 // one shared word is a fact only with the same people
	}
	sim := sh.dot / (a.norm * b.norm) * (1 + positionWeight*(0.5-math.Abs(a.pos-b.pos)))
	if len(a.names) > 0 && len(b.names) > 0 && !p.sharesName(b) {
		sim *= otherNames // "Broadcom shares rose" is not "Qualcomm shares rose"
	}
	return sim
}

// sharesName tells whether claim b gives a name the loaded claim gives.
func (p *claimProbe) sharesName(b *claimFeatures) bool {
	for _, t := range b.names {
		if p.held[t]&heldName != 0 {
			return true
		}
	}
	return false
}

// otherNames scales the similarity of two claims that each name someone
// and share no name.
const otherNames = 0.6

// claimPair is a candidate link between claims a < b.
type claimPair struct {
	a, b int32
	sim  float64
}

// claimCandidates returns the pairs of claims of different reports that
// share a term held by no more than a tenth of the claims (within
// minPosting and claimMaxPosting), from an inverted index,
// with their similarity, in no particular order.
func claimCandidates(feats []claimFeatures, terms int, probe *claimProbe) []claimPair {
	index := make([][]int32, terms)
	for i, f := range feats {
		for _, t := range f.terms {
			index[t] = append(index[t], int32(i))
		}
	}
	limit := min(claimMaxPosting, max(minPosting, int(claimMaxShare*float64(len(feats)))))
	var pairs []claimPair
	touched := make([]bool, len(feats))
	var near []int32
	for i := range feats {
		near = near[:0]
		for _, t := range feats[i].terms {
			post := index[t]
			if len(post) > limit {
				continue
			}
			// Postings are in claim order: only later claims are paired.
			k, _ := slices.BinarySearch(post, int32(i+1))
			for _, j := range post[k:] {
				if !touched[j] && feats[j].report != feats[i].report {
					touched[j] = true
					near = append(near, j)
				}
			}
		}
		probe.load(i)
		for _, j := range near {
			touched[j] = false
			if s := probe.sim(int(j)); s >= claimLink {
				pairs = append(pairs, claimPair{a: int32(i), b: j, sim: s})
			}
		}
	}
	return pairs
}

// bestFirst orders claim pairs by falling similarity, then by their claims.
func bestFirst(x, y claimPair) int {
	switch {
	case x.sim > y.sim:
		return -1
	case x.sim < y.sim:
		return 1
	case x.a != y.a:
		return cmp.Compare(x.a, y.a)
	}
	return cmp.Compare(x.b, y.b)
}

// groupClaims joins linked claims into groups, best links first. A group
// holds at most one claim of each report, and a claim joins a group only
// when it is, on average, similar enough to all of its members. A claim
// that also states the fact of another group joins that one too (see
// secondGroups). probe measures the claims' similarity.
func groupClaims(feats []claimFeatures, terms int, probe *claimProbe) [][]int {
	reportOf, nReports := reportNumbers(feats)
	group := make([]int, len(feats)) // claim → group index
	members := make([][]int, len(feats))
	// reports is the set of reports each group holds a claim of; swapping
	// one claim for another of the same report leaves it as it is.
	reports := newReportSets(len(feats), nReports)
	for i := range feats {
		group[i] = i
		members[i] = []int{i}
		reports.add(i, reportOf[i])
	}
	cands := preferSameFigure(claimCandidates(feats, terms, probe), feats, reportOf)
	pairs := linkablePairs(slices.Clone(cands), reportOf, nReports)
	slices.SortFunc(pairs, bestFirst)
	links := newLinkageCache(len(feats))
	// Later passes over the links of the claims a merge set apart let them
	// join another group.
	apart := make([]bool, len(feats))
	for pass, todo := 0, pairs; pass < claimPasses && len(todo) > 0; pass++ {
		clear(apart)
		for _, p := range todo {
			ga, gb := group[p.a], group[p.b]
			if ga == gb {
				continue
			}
			if reports.meet(ga, gb) {
				// A lone claim takes the place of its report's claim in a
				// group it fits better.
				for _, g := range [][2]int{{gb, ga}, {ga, gb}} {
					lone, into := g[0], g[1]
					if len(members[lone]) != 1 {
						continue
					}
					y := members[lone][0]
					k := slices.IndexFunc(members[into], func(x int) bool { return reportOf[x] == reportOf[y] })
					rest := slices.Delete(slices.Clone(members[into]), k, k+1)
					if len(rest) == 0 {
						continue
					}
					x := members[into][k]
					avgY := probe.linkage([]int{y}, rest)
					if avgY > probe.linkage([]int{x}, rest) && avgY >= claimJoin {
						members[into][k] = y
						group[y] = into
						members[lone] = []int{x}
						group[x] = lone
						if k < linkageSample {
							links.changed(into)
						} else {
							links.joined(into)
						}
						links.changed(lone)
					}
					break
				}
				if len(members[ga]) > 1 && len(members[gb]) > 1 && !reports.has(gb, reportOf[p.a]) && !reports.has(ga, reportOf[p.b]) {
					before := len(members)
					members = mergeEjecting(probe, links, members, group, &reports, reportOf, ga, gb)
					for _, g := range members[before:] {
						apart[g[0]] = true
					}
				}
				continue
			}
			if links.linkage(probe, members, ga, gb) < claimJoin {
				continue
			}
			if len(members[ga]) < len(members[gb]) {
				ga, gb = gb, ga
			}
			for _, y := range members[gb] {
				group[y] = ga
			}
			if len(members[ga]) < linkageSample {
				links.changed(ga)
			} else {
				links.joined(ga)
			}
			members[ga] = append(members[ga], members[gb]...)
			members[gb] = nil
			reports.merge(ga, gb)
		}
		todo = slices.DeleteFunc(slices.Clone(pairs), func(p claimPair) bool { return !apart[p.a] && !apart[p.b] })
	}
	return withSecond(members, group, secondGroups(probe, cands, members, group, &reports, reportOf))
}

// withSecond returns the groups of members, each with the claims that join
// it besides their own (second, by group; see secondGroups), its claims
// sorted, in order of their first claim. A lone claim that joined another
// group and took in none has no group of its own: it states others' fact,
// not one of its own. Two lone claims that took in each other make one
// group, not two.
func withSecond(members [][]int, group []int, second map[int][]int) [][]int {
	for _, joined := range second {
		for _, y := range joined {
			if g := group[y]; len(members[g]) == 1 && len(second[g]) == 0 {
				members[g] = nil
			}
		}
	}
	var out [][]int
	for g, m := range members {
		if len(m) == 0 {
			continue
		}
		m = append(m, second[g]...)
		slices.Sort(m)
		// Only a group that took in others can equal another: the claims
		// of its own are in no other group.
		if len(second[g]) > 0 && slices.ContainsFunc(out, func(o []int) bool { return slices.Equal(o, m) }) {
			continue
		}
		out = append(out, m)
	}
	slices.SortFunc(out, func(x, y []int) int { return cmp.Compare(x[0], y[0]) })
	return out
}

// secondGroups returns, by group, the claims that join it besides their
// own: a claim linked to a member of a group that holds no claim of its
// report, and at least claimSecond alike to that member and on average to
// all of them, states that group's fact as well — a sentence that gives a
// rocket's height and the pad it stands on lines up with the reports that
// give each. A lone claim takes such a claim when they are at least
// claimSecondAlone alike: "standing 230 feet tall" takes the height out of
// the sentence that joined the pad's group. Of each report, the claim most
// alike to the group joins.
func secondGroups(probe *claimProbe, pairs []claimPair, members [][]int, group []int, reports *reportSets, reportOf []int32) map[int][]int {
	type join struct {
		claim int
		mean  float64
	}
	best := map[[2]int]join{}  // group, report → its best second claim
	tried := map[[2]int]bool{} // group, claim
	for _, p := range pairs {
		if p.sim < claimSecond {
			continue
		}
		for _, e := range [][2]int32{{p.a, p.b}, {p.b, p.a}} {
			x, y := int(e[0]), int(e[1])
			g := group[x]
			if group[y] == g || reports.has(g, reportOf[y]) || tried[[2]int{g, y}] {
				continue
			}
			tried[[2]int{g, y}] = true
			key := [2]int{g, int(reportOf[y])}
			mean := probe.linkage([]int{y}, members[g])
			if j, ok := best[key]; mean >= claimSecond && (len(members[g]) > 1 || mean >= claimSecondAlone) && (!ok || mean > j.mean) {
				best[key] = join{y, mean}
			}
		}
	}
	out := map[int][]int{}
	for key, j := range best {
		out[key[0]] = append(out[key[0]], j.claim)
	}
	return out
}

// mergeEjecting merges groups ga and gb, linked by claims of reports only
// one of them holds, when each also holds a claim of some same report:
// of each such report the merged group keeps the claim that fits the
// others better, and the other claim is set apart in a group of its own.
// The merge is made only when the two groups' kept members are similar
// enough (claimMerge) and not bridged by a single claim (see bridged). It
// returns members, grown by the groups of the claims set apart.
func mergeEjecting(probe *claimProbe, links *linkageCache, members [][]int, group []int, reports *reportSets, reportOf []int32, ga, gb int) [][]int {
	if links.declined(ga, gb) {
		return members
	}
	var keep, ejected, clash []int
	for _, m := range members[ga] {
		if reports.has(gb, reportOf[m]) {
			clash = append(clash, m)
		} else {
			keep = append(keep, m)
		}
	}
	kept := len(keep)
	for _, m := range members[gb] {
		if !reports.has(ga, reportOf[m]) {
			keep = append(keep, m)
		}
	}
	// Each group's kept members start with its claims of the reports the
	// other lacks: when those fill both linkage samples, the merge can be
	// declined before the clashes are settled.
	if ka, kb := keep[:kept], keep[kept:]; len(ka) >= linkageSample && len(kb) >= linkageSample {
		if probe.linkage(ka, kb) < claimMerge {
			links.decline(ga, gb)
			return members
		}
	}
	for _, x := range clash {
		y := members[gb][slices.IndexFunc(members[gb], func(m int) bool { return reportOf[m] == reportOf[x] })]
		ax := probe.linkage([]int{x}, keep)
		ay := probe.linkage([]int{y}, keep)
		if ay > ax {
			x, y = y, x
		}
		keep = append(keep, x)
		ejected = append(ejected, y)
	}
	var ka, kb []int
	for _, m := range keep {
		if group[m] == ga {
			ka = append(ka, m)
		} else {
			kb = append(kb, m)
		}
	}
	if probe.linkage(ka, kb) < claimMerge || bridged(probe, ka, kb) || bridged(probe, kb, ka) {
		links.decline(ga, gb)
		return members
	}
	members[ga], members[gb] = keep, nil
	reports.clear(ga)
	reports.clear(gb)
	for _, m := range keep {
		group[m] = ga
		reports.add(ga, reportOf[m])
	}
	links.changed(ga)
	links.changed(gb)
	for _, m := range ejected {
		g := len(members)
		group[m] = g
		members = append(members, []int{m})
		reports.grow()
		reports.add(g, reportOf[m])
		links.grow()
	}
	return members
}

// bridged tells whether groups a and b, of two claims or more each, are
// linked through one claim of b at most: one sentence that states two facts
// ("approved a $48 million flood barrier for the Eastside, which flooded
// three times last winter") is like the claims of both, which state
// different facts. Each group is read up to its linkage sample.
func bridged(p *claimProbe, a, b []int) bool {
	a, b = a[:min(len(a), linkageSample)], b[:min(len(b), linkageSample)]
	if len(a) < 2 || len(b) < 2 {
		return false
	}
	linked := 0
	for _, y := range b {
		p.load(y)
		if slices.ContainsFunc(a, func(x int) bool { return p.sim(x) > 0 }) {
			if linked++; linked == 2 {
				break
			}
		}
	}
	p.unload()
	return linked < 2
}

// reportNumbers numbers the reports of the claims in order of first
// appearance and returns each claim's report number, with how many
// reports there are.
func reportNumbers(feats []claimFeatures) ([]int32, int) {
	number := map[string]int32{}
	of := make([]int32, len(feats))
	for i, f := range feats {
		n, ok := number[f.report]
		if !ok {
			n = int32(len(number))
			number[f.report] = n
		}
		of[i] = n
	}
	return of, len(number)
}

// otherFigure scales the similarity of two claims that give different
// figures when one of them is linked to a claim of the other's report that
// gives its figure.
const otherFigure = 0.5

// preferSameFigure scales down the similarity of each pair of claims a, b
// that share no figure when a is also linked to a claim of b's report that
// gives one of a's figures, or b to one of a's report that gives one of
// b's: "Broadcom raised its bid to $121 billion" is more likely another
// outlet's "sweetening its offer to more than $121 billion" than the same
// outlet's "made an unsolicited $103 billion offer", however alike their
// words.
func preferSameFigure(pairs []claimPair, feats []claimFeatures, reportOf []int32) []claimPair {
	type claimReport struct{ claim, report int32 }
	matched := map[claimReport]bool{} // claim linked to a claim of report giving its figure
	sameFigure := func(a, b int32) bool {
		fa, fb := feats[a].figures, feats[b].figures
		for _, t := range fa {
			if _, ok := slices.BinarySearch(fb, t); ok {
				return true
			}
		}
		return false
	}
	for _, p := range pairs {
		if sameFigure(p.a, p.b) {
			matched[claimReport{p.a, reportOf[p.b]}] = true
			matched[claimReport{p.b, reportOf[p.a]}] = true
		}
	}
	if len(matched) == 0 {
		return pairs
	}
	for k, p := range pairs {
		if len(feats[p.a].figures) == 0 || len(feats[p.b].figures) == 0 || sameFigure(p.a, p.b) {
			continue
		}
		if matched[claimReport{p.a, reportOf[p.b]}] || matched[claimReport{p.b, reportOf[p.a]}] {
			pairs[k].sim *= otherFigure
		}
	}
	return pairs
}

// linkablePairs keeps, in order, the candidate pairs that may link their
// claims: those where each claim is the other's best match in its report
// (ties included), and those sure enough to link anyway.
func linkablePairs(pairs []claimPair, reportOf []int32, nReports int) []claimPair {
	// at[start[c]:start[c+1]] lists the pairs that claim c is part of.
	start := make([]int32, len(reportOf)+1)
	for _, p := range pairs {
		start[p.a+1]++
		start[p.b+1]++
	}
	for c := range reportOf {
		start[c+1] += start[c]
	}
	at := make([]int32, start[len(reportOf)])
	fill := slices.Clone(start[:len(reportOf)])
	for k, p := range pairs {
		at[fill[p.a]] = int32(k)
		fill[p.a]++
		at[fill[p.b]] = int32(k)
		fill[p.b]++
	}
	// best[r] is the current claim's best similarity to a claim of report r.
	best := make([]float64, nReports)
	mutual := make([]bool, len(pairs))
	for k := range mutual {
		mutual[k] = true
	}
	for c := range reportOf {
		mine := at[start[c]:start[c+1]]
		other := func(p claimPair) int32 {
			if int(p.a) == c {
				return reportOf[p.b]
			}
			return reportOf[p.a]
		}
		for _, k := range mine {
			r := other(pairs[k])
			best[r] = max(best[r], pairs[k].sim)
		}
		for _, k := range mine {
			if pairs[k].sim < best[other(pairs[k])] {
				mutual[k] = false
			}
		}
		for _, k := range mine {
			best[other(pairs[k])] = 0
		}
	}
	var out []claimPair
	for k, p := range pairs {
		if mutual[k] || p.sim >= claimSure {
			out = append(out, p)
		}
	}
	return out
}

// reportSets holds a set of report numbers for each group, as bits.
type reportSets struct {
	words int // uint64 words per set
	bits  []uint64
}

func newReportSets(groups, reports int) reportSets {
	words := (reports + 63) / 64
	return reportSets{words: words, bits: make([]uint64, groups*words)}
}

// of is group g's set.
func (s reportSets) of(g int) []uint64 { return s.bits[g*s.words : (g+1)*s.words] }

// add puts report r in group g's set.
func (s reportSets) add(g int, r int32) { s.of(g)[r/64] |= 1 << (r % 64) }

// meet tells whether two groups' sets of reports meet.
func (s reportSets) meet(a, b int) bool {
	sb := s.of(b)
	for i, w := range s.of(a) {
		if w&sb[i] != 0 {
			return true
		}
	}
	return false
}

// has tells whether group g's set holds report r.
func (s reportSets) has(g int, r int32) bool { return s.of(g)[r/64]&(1<<(r%64)) != 0 }

// clear empties group g's set.
func (s reportSets) clear(g int) { clear(s.of(g)) }

// grow adds an empty set for a new group.
func (s *reportSets) grow() { s.bits = append(s.bits, make([]uint64, s.words)...) }

// merge adds group b's reports to group a's and empties b's.
func (s reportSets) merge(a, b int) {
	sa, sb := s.of(a), s.of(b)
	for i, w := range sb {
		sa[i] |= w
		sb[i] = 0
	}
}

// linkageCache remembers the linkage of two groups until the sample of
// either changes, and the merges mergeEjecting declined until the members
// of either change: the same two groups are often met again through
// another pair of their members.
type linkageCache struct {
	version []int32 // of each group's sample
	known   map[[2]int]linkageResult
	members []int32 // version of each group's members
	// unmerged holds the pairs of groups mergeEjecting declined to merge,
	// with the versions of their members then.
	unmerged map[[2]int][2]int32
}

// linkageResult is a remembered linkage, with the versions of the two
// groups' samples it was taken at.
type linkageResult struct {
	versions [2]int32
	mean     float64
}

func newLinkageCache(groups int) *linkageCache {
	return &linkageCache{version: make([]int32, groups), known: map[[2]int]linkageResult{},
		members: make([]int32, groups), unmerged: map[[2]int][2]int32{}}
}

// grow makes room for a new group.
func (c *linkageCache) grow() {
	c.version = append(c.version, 0)
	c.members = append(c.members, 0)
}

// changed records that the first linkageSample members of group g changed.
func (c *linkageCache) changed(g int) {
	c.version[g]++
	c.members[g]++
}

// joined records that members of group g changed past its sample.
func (c *linkageCache) joined(g int) { c.members[g]++ }

// decline records that mergeEjecting does not merge groups a and b as
// they are.
func (c *linkageCache) decline(a, b int) {
	c.unmerged[[2]int{a, b}] = [2]int32{c.members[a], c.members[b]}
}

// declined tells whether mergeEjecting declined to merge groups a and b
// as they are.
func (c *linkageCache) declined(a, b int) bool {
	v, ok := c.unmerged[[2]int{a, b}]
	return ok && v == [2]int32{c.members[a], c.members[b]}
}

// linkage is probe.linkage(members[a], members[b]), remembered.
func (c *linkageCache) linkage(probe *claimProbe, members [][]int, a, b int) float64 {
	key := [2]int{a, b}
	versions := [2]int32{c.version[a], c.version[b]}
	if r, ok := c.known[key]; ok && r.versions == versions {
		return r.mean
	}
	mean := probe.linkage(members[a], members[b])
	c.known[key] = linkageResult{versions: versions, mean: mean}
	return mean
}

// linkage returns the mean similarity between the claims of two groups.
// (No similarity is below 0, so the least would bound nothing.)
//
// A large group is represented by its first linkageSample members, so
// that a claim every report repeats does not cost the square of the
// number of reports.
//
// The terms of b's sample are indexed, so that each claim of a's sample
// meets only the claims it shares a term with; a lone claim is loaded and
// compared with each of b's, which costs less than the index.
func (p *claimProbe) linkage(a, b []int) float64 {
	a, b = a[:min(len(a), linkageSample)], b[:min(len(b), linkageSample)]
	total := 0.0
	if len(a) == 1 {
		p.load(a[0])
		for _, y := range b {
			total += p.sim(y)
		}
		return total / float64(len(b))
	}
	p.unload()
	p.posts = p.posts[:0]
	for k, y := range b {
		f := &p.feats[y]
		for j, t := range f.terms {
			p.posts = append(p.posts, samplePost{claim: int32(k), next: p.first[t], weight: f.weight[j]})
			p.first[t] = int32(len(p.posts) - 1)
		}
	}
	for _, x := range a {
		fx := &p.feats[x]
		sums := p.sums[:len(b)]
		clear(sums)
		// Terms in increasing order, as sim adds them up.
		for j, t := range fx.terms {
			for e := p.first[t]; e >= 0; e = p.posts[e].next {
				post := &p.posts[e]
				sh := &sums[post.claim]
				sh.dot += fx.weight[j] * post.weight
				if fx.what[j] {
					sh.what++
				} else {
					sh.who++
				}
			}
		}
		for _, t := range fx.names {
			p.held[t] |= heldName
		}
		for k, y := range b {
			s := 0.0
			if fy := &p.feats[y]; fx.norm != 0 && fy.norm != 0 {
				s = p.score(fx, fy, sums[k])
			}
			total += s
		}
		for _, t := range fx.names {
			p.held[t] = 0
		}
	}
	for _, y := range b {
		for _, t := range p.feats[y].terms {
			p.first[t] = -1
		}
	}
	return total / float64(len(a)*len(b))
}

// linkageSample is how many members of each group linkage compares.
const linkageSample = 24

// keptShare is the Dice coefficient of the words a diff keeps: twice the
// kept words over the words of both sides.
func keptShare(d tokenDiff) float64 {
	kept, total := 0, 0
	d.each(func(r run, ref, member []token) {
		n := countWords(ref) + countWords(member)
		total += n
		if r.op == OpEqual {
			kept += n
		}
	})
	if total == 0 {
		return 1
	}
	return float64(kept) / float64(total)
}

// makeClaimGroup picks the group's reference (the reference report's claim,
// else one in the fewest groups, groupsOf, which states this group's fact
// alone rather than with another's, else the one stating the most figures,
// else the one most like the other members by probe, else the longest),
// diffs every other member against it word by word and flags the figures,
// dates and names that disagree.
func makeClaimGroup(res *Result, feats []claimFeatures, probe *claimProbe, members, groupsOf []int, refReport string, opts Options) Group {
	// How like the rest each member is: the mean similarity of its terms.
	central := make(map[int]float64, len(members))
	if len(members) > 2 {
		for _, m := range members {
			central[m] = probe.linkage([]int{m}, members)
		}
	}
	ref := pickReference(members,
		func(m int) bool { return res.Claims[m].Report == refReport },
		func(a, b int) bool {
			x, y := &res.Claims[a], &res.Claims[b]
			if groupsOf[a] != groupsOf[b] {
				return groupsOf[a] < groupsOf[b]
			}
			if len(x.Values) != len(y.Values) {
				return len(x.Values) > len(y.Values)
			}
			if central[a] != central[b] {
				return central[a] > central[b]
			}
			return len(x.Text) > len(y.Text)
		})
	rc := &res.Claims[ref]
	g := Group{Kind: KindClaim, Reference: rc.ID}
	var peers []*claimFeatures // the members other than the reference and m
	for _, m := range members {
		c := &res.Claims[m]
		g.Members = append(g.Members, c.ID)
		if m == ref {
			continue
		}
		peers = peers[:0]
		for _, p := range members {
			if p != m && p != ref {
				peers = append(peers, &feats[p])
			}
		}
		d := diffTokens(feats[ref].toks, feats[m].toks, opts.DiffTimeout)
		edits := d.edits()
		g.Diffs = append(g.Diffs, Diff{Member: c.ID, Similarity: keptShare(d), Edits: edits})
		g.Flags = append(g.Flags, claimFlags(c, &feats[ref], &feats[m], peers, edits)...)
	}
	if len(members) == 1 {
		g.Flags = append(g.Flags, Flag{Member: rc.ID, Kind: FlagUnique, Detail: "only one report states this claim"})
	}
	return g
}
