package compare

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// baseFactor converts a unit to its base (metres, kilograms, days) so that
// figures in different units compare.
var baseFactor = map[string]float64{
	"ft": 0.3048, "m": 1, "km": 1000, "mi": 1609.344, "yd": 0.9144, "in": 0.0254, "cm": 0.01,
	"lb": 0.45359237, "kg": 1, "t": 1000,
	"year": 365.25, "month": 30.44, "week": 7, "day": 1, "hour": 1.0 / 24, "minute": 1.0 / 1440,
	"second": 1.0 / 86400, "decade": 3652.5,
}

// factor is the base-unit factor of q's unit: 1 when it has none.
func factor(q Quantity) float64 {
	switch q.Kind {
	case QtyLength, QtyMass, QtyDuration, QtyAge:
		if f, ok := baseFactor[q.Unit]; ok {
			return f
		}
	}
	return 1
}

// baseValue is q's value in its base unit.
func baseValue(q Quantity) float64 { return q.Value * factor(q) }

// interval is the range of values q is consistent with, in base units: an
// exact figure to half its last digit ("230" is 225 to 235), an approximate
// one to a whole digit, a range or a bound to its ends.
func interval(q Quantity) (lo, hi float64) {
	f := factor(q)
	v, step := q.Value*f, q.step*f
	if step == 0 {
		step = f
	}
	switch {
	case q.Max > 0:
		return v - step/2, q.Max*f + step/2
	case q.Limit == "above":
		return v, math.Inf(1)
	case q.Limit == "below":
		return 0, v + step/2
	case q.Approx:
		return v - step, v + step
	}
	return v - step/2, v + step/2
}

// figuresAgree tells whether two figures of one kind can be the same
// figure, told with more or less precision.
func figuresAgree(a, b Quantity) bool {
	if a.Max > 0 && b.Max > 0 {
		// Two ranges are one range when their ends are: 50 to 70 percent
		// is not one-half to two-thirds.
		return figuresAgree(rangeEnd(a, a.Value), rangeEnd(b, b.Value)) &&
			figuresAgree(rangeEnd(a, a.Max), rangeEnd(b, b.Max))
	}
	alo, ahi := interval(a)
	blo, bhi := interval(b)
	return alo < bhi && blo < ahi
}

// rangeEnd is the end of range q at value v, as a figure of its own.
func rangeEnd(q Quantity, v float64) Quantity {
	q.Value, q.Max = v, 0
	return q
}

// measures says in plain English what a figure of key measures in the
// claims a and b: "death toll", "amount per share", "height".
func measures(q Quantity, a, b string) string {
	switch q.Kind {
	case QtyMoney:
		if q.Of != "" {
			return "amount per " + q.Of
		}
		return "amount"
	case QtyPercent:
		return "percentage"
	case QtyLength:
		if both := strings.ToLower(a + " " + b); strings.Contains(both, "tall") || strings.Contains(both, "high") || strings.Contains(both, "height") {
			return "height"
		}
		return "length"
	case QtyMass:
		return "weight"
	case QtyDuration:
		return "duration"
	case QtyAge:
		return "age"
	case QtyTime:
		return "time"
	case QtyYear:
		return "year"
	}
	switch {
	case q.Of == "dead":
		return "death toll"
	case q.Of == "people":
		return "number of people"
	case q.Of != "":
		return "number of " + q.Of + "s"
	}
	return "figure"
}

// claimFlags explains how a member claim differs from its group's
// reference: figures that disagree beyond rounding (number), figures one
// states more precisely (precision), dates that cannot be the same day
// (date) and another name in the same place of the sentence (entity). A
// figure the reference does not state is held against the first peer (the
// group's other members) that states one of its kind, and what it
// measures is read from the text of the claim it is held against.
func claimFlags(member *Claim, rf, mf *claimFeatures, peers []*claimFeatures, edits []Edit) []Flag {
	var flags []Flag
	add := func(k FlagKind, detail string) {
		flags = append(flags, Flag{Member: member.ID, Kind: k, Detail: detail})
	}
	pairs := comparableFigures(rf.values, mf.values)
	against := make([]string, len(pairs)) // the text each pair's first figures are from
	done := map[string]bool{}
	for i, p := range pairs {
		done[quantityKey(p[1][0])] = true
		against[i] = rf.text
	}
	for _, pf := range peers {
		for _, p := range comparableFigures(pf.values, mf.values) {
			if k := quantityKey(p[1][0]); !done[k] {
				done[k] = true
				pairs = append(pairs, p)
				against = append(against, pf.text)
			}
		}
	}
	var differ, vaguer []string
	for i, pair := range pairs {
		rs, ms := pair[0], pair[1]
		agreed, exact := false, false
		var loose [2]Quantity
		for _, a := range rs {
			for _, b := range ms {
				if !figuresAgree(a, b) {
					continue
				}
				agreed = true
				if baseValue(a) == baseValue(b) && a.Max == b.Max && a.Limit == b.Limit && a.Approx == b.Approx {
					exact = true
				} else {
					loose = [2]Quantity{a, b}
				}
			}
		}
		switch {
		case !agreed:
			differ = append(differ, fmt.Sprintf("%s: %s vs %s", measures(rs[0], against[i], member.Text), rs[0].Text, ms[0].Text))
		case !exact:
			vaguer = append(vaguer, fmt.Sprintf("%s: %s vs %s", measures(rs[0], against[i], member.Text), loose[0].Text, loose[1].Text))
		}
	}
	if len(differ) > 0 {
		add(FlagNumber, strings.Join(differ, "; "))
	}
	if len(vaguer) > 0 {
		add(FlagPrecision, strings.Join(vaguer, "; "))
	}
	if d := peerDateConflict(rf, mf, peers); d != "" {
		add(FlagDate, d)
	}
	if e := entitySwap(edits); e != "" {
		add(FlagEntity, e)
	} else if e := lookalikeName(rf.nameTexts, mf.nameTexts); e != "" {
		add(FlagEntity, e)
	}
	return flags
}

// comparableFigures pairs the figures of two claims that measure the same
// thing: the same kind, unit and counted noun. Counts of things named
// differently are paired too when each claim states only one count and
// the two count the same things: nouns of one synonym group ("revellers",
// "party-goers"), or people against any people ("hundreds of thousands of
// people", "thousands of revellers"), since the claims were aligned as
// one fact.
func comparableFigures(ref, member []Quantity) [][2][]Quantity {
	var out [][2][]Quantity
	done := map[string]bool{}
	for _, rq := range ref {
		key := quantityKey(rq)
		if done[key] || rq.Kind == QtyCount && rq.Of == "" || rq.Kind == QtyYear {
			continue // years are dates: dateConflict compares them
		}
		done[key] = true
		// The figures of one key are compared scale by scale: a share
		// price with a share price, a deal's value with a deal's value.
		var keyed []Quantity
		for _, q := range ref {
			if quantityKey(q) == key {
				keyed = append(keyed, q)
			}
		}
		for len(keyed) > 0 {
			var rs, rest, ms []Quantity
			for _, q := range keyed {
				if sameScale(keyed[0], q) {
					rs = append(rs, q)
				} else {
					rest = append(rest, q)
				}
			}
			keyed = rest
			for _, q := range member {
				if quantityKey(q) == key && slices.ContainsFunc(rs, func(r Quantity) bool { return sameScale(r, q) }) {
					ms = append(ms, q)
				}
			}
			if len(ms) > 0 {
				out = append(out, [2][]Quantity{rs, ms})
			}
		}
	}
	rc, mc := onlyCount(ref), onlyCount(member)
	if rc != nil && mc != nil && quantityKey(*rc) != quantityKey(*mc) && sameCounted(rc.Of, mc.Of) {
		out = append(out, [2][]Quantity{{*rc}, {*mc}})
	}
	return out
}

// sameScale tells whether two amounts or counts are within a factor of
// maxScale of each other: a share price of $119 and a deal of $47 billion
// are two things, not one amount told two ways. Shares, times and
// figures stated as ranges or bounds always compare.
func sameScale(a, b Quantity) bool {
	if a.Kind != QtyMoney && a.Kind != QtyCount || a.Max > 0 || b.Max > 0 || a.Limit != "" || b.Limit != "" {
		return true
	}
	x, y := math.Abs(baseValue(a)), math.Abs(baseValue(b))
	return x <= y*maxScale && y <= x*maxScale
}

// maxScale is how many times larger than another a figure may be and
// still be the same figure misreported.
const maxScale = 10

// sameCounted tells whether two counted nouns count the same things: one
// synonym group, or people against a noun of people. A count of nothing
// named ("thousands celebrate") is not held against a count of something.
func sameCounted(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if stem(a) == stem(b) {
		return true
	}
	return a == "people" && peopleNouns[b] || b == "people" && peopleNouns[a]
}

// peopleNouns are the counted nouns that count people, singular.
var peopleNouns = setOf("person", "reveller", "reveler", "partygoer", "party-goer", "visitor",
	"resident", "protester", "demonstrator", "spectator", "fan", "passenger", "worker",
	"employee", "student", "schoolgirl", "girl", "boy", "woman", "man", "child", "adult",
	"civilian", "soldier", "officer", "tourist", "voter", "member", "citizen", "migrant",
	"refugee", "victim", "survivor", "patient", "customer", "user", "attendee", "guest")

// onlyCount returns the one count among qs, or nil when there is none or
// more than one.
func onlyCount(qs []Quantity) *Quantity {
	var c *Quantity
	for i := range qs {
		if qs[i].Kind == QtyCount {
			if c != nil {
				return nil
			}
			c = &qs[i]
		}
	}
	return c
}

// peerDateConflict is dateConflict between the member's dates and the
// reference's, or, when the reference states no date of a size the
// member's dates have, the first peer's that does ("in November" against
// "in December" where the reference gives no month).
func peerDateConflict(rf, mf *claimFeatures, peers []*claimFeatures) string {
	if len(mf.dates) == 0 {
		return "" // nothing to weigh, as most claims
	}
	for _, f := range append([]*claimFeatures{rf}, peers...) {
		if d, weighed := dateConflict(f.dates, mf.dates); weighed {
			return d
		}
	}
	return ""
}

// dateConflict describes how two claims' dates disagree, or returns "" when
// one states none, some date of one can be some date of the other, or the
// two never name periods of one size (a day against a year is more likely
// two events than one event told twice). weighed tells whether it could
// weigh the dates against each other: some date of one overlaps or is of
// the size of some date of the other. A date of a statement is weighed
// only against another's (see markSaid): that the mayor spoke on Thursday
// does not gainsay that the council voted on Wednesday.
func dateConflict(ref, member []dateRef) (detail string, weighed bool) {
	var pair []dateRef
	for _, a := range ref {
		for _, b := range member {
			if a.said != b.said {
				continue // when one said it is not when the other happened
			}
			if a.overlaps(b) {
				return "", true
			}
			if pair == nil && a.size() == b.size() {
				pair = []dateRef{a, b}
			}
		}
	}
	if pair == nil {
		return "", false
	}
	return fmt.Sprintf("%s (%s) vs %s (%s)", pair[0].Text, pair[0], pair[1].Text, pair[1]), true
}

// sayingVerbs are the verbs that attribute a claim to whoever stated it.
var sayingVerbs = setOf("said", "says", "told", "tells", "added", "announced", "confirmed",
	"stated", "wrote", "tweeted", "promised", "pledged", "vowed", "warned", "insisted", "noted",
	"claimed", "denied", "explained", "argued")

// markSaid marks the dates that date a statement rather than the fact
// stated, read from tokens toks: those right after the claim's first
// verb of saying ("said on Thursday", "told reporters on Thursday"),
// right before it ("Marsh on Thursday promised") or opening the claim
// before it ("In December, Palihapitiya said").
func markSaid(dates []dateRef, toks []wtok) {
	v := slices.IndexFunc(toks, func(t wtok) bool { return sayingVerbs[t.key] })
	if v < 0 {
		return
	}
	for i, d := range dates {
		dates[i].said = d.at > v && d.at-v <= 3 || d.end == v || d.at <= 1 && d.end < v
	}
}

// entitySwap finds, in a word diff, a name of the reference replaced by
// another name that is not an alias of it ("Norwalk" → "Norfolk"), and
// describes it; "" when there is none.
func entitySwap(edits []Edit) string {
	for i := 0; i+1 < len(edits); i++ {
		a, b := edits[i], edits[i+1]
		if a.Op == OpEqual || b.Op == OpEqual || a.Op == b.Op {
			continue
		}
		if a.Op == OpInsert {
			a, b = b, a
		}
		// Both sides must be names in the same context: kept words around.
		if i == 0 || i+2 >= len(edits) || edits[i-1].Op != OpEqual || edits[i+2].Op != OpEqual {
			continue
		}
		ra, rb := strings.TrimSpace(a.Text), strings.TrimSpace(b.Text)
		if !isName(ra) || !isName(rb) || sameEntity(ra, rb) {
			continue
		}
		return fmt.Sprintf("%s instead of %s", rb, ra)
	}
	return ""
}

// lookalikeName finds, among the names two claims give, a name of the
// member that is not in the reference but looks like one of the
// reference's that is not in the member ("Norfolk" and "Norwalk"): two
// places, people or firms told apart by a letter or two, where a report
// may have confused one with the other. It describes the pair, or returns
// "" when there is none.
func lookalikeName(ref, member []string) string {
	// Whether a name is one of the other claim's, said another way.
	known := func(n string, other []string) bool {
		return slices.ContainsFunc(other, func(o string) bool { return sameEntity(n, o) })
	}
	for _, m := range member {
		for _, r := range ref {
			if looksLike(m, r) && !known(m, ref) && !known(r, member) {
				return fmt.Sprintf("%s instead of %s", m, r)
			}
		}
	}
	return ""
}

// looksLike tells whether two different names are spelled nearly alike:
// the same first three letters and at most two letters apart in a name of
// six letters or more, neither the other with an ending ("Germans",
// "Nigerian", "Nigeria's" are forms of "German" and "Nigeria") or the
// other without its accents ("Orleans" is "Orléans").
func looksLike(a, b string) bool {
	a, b = bareName(a), bareName(b)
	ra, rb := []rune(a), []rune(b)
	if min(len(ra), len(rb)) < 6 || !slices.Equal(ra[:3], rb[:3]) || strings.HasPrefix(a, b) || strings.HasPrefix(b, a) {
		return false
	}
	return editDistance(ra, rb) <= 2
}

// bareName is a name as a word key (in lower case, its apostrophes
// plain), without a possessive ending and without accents.
func bareName(s string) string { return withoutAccents(withoutPossessive(wordKey(s))) }

// editDistance is the Levenshtein distance of two strings of letters.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// isName tells whether s is all one name: one to four capitalised words.
func isName(s string) bool {
	names := entityNames(s)
	return len(names) == 1 && names[0] == s && len(strings.Fields(s)) <= 4
}
