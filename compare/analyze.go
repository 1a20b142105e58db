package compare

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
)

// Version identifies the analysis rules; stored results made by another
// version are re-analysed.
const Version = "0.1.0"

// Options tunes an analysis. The zero value is not useful: start from
// DefaultOptions.
type Options struct {
	// DiffTimeout bounds each word-level diff of texts longer than a few
	// thousand words together; shorter ones always run to the end.
	DiffTimeout time.Duration
	// Workers is how many reports are analysed at once; 0 means one per CPU.
	Workers int
}

// DefaultOptions returns the options Parallax uses.
func DefaultOptions() Options {
	return Options{DiffTimeout: 100 * time.Millisecond}
}

// Analyze finds the quotes and claims of every report, lines them up across
// reports and flags their differences. It does no I/O and does not modify
// the reports, except to give an ID ("r1", "r2", …) to those without one.
// The result is the same for the same input.
func Analyze(reports []*Report, opts Options) *Result {
	res := &Result{Reports: reports}
	for i, r := range reports {
		if r.ID == "" {
			r.ID = fmt.Sprintf("r%d", i+1)
		}
	}
	type found struct {
		quotes []Quote
		claims []Claim
	}
	per := make([]found, len(reports))
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(workers, len(reports)) {
		wg.Go(func() {
			for i := range next {
				doc := newDocument(reports[i])
				per[i].quotes = findQuotes(doc)
				per[i].claims = findClaims(doc, per[i].quotes)
			}
		})
	}
	for i := range reports {
		next <- i
	}
	close(next)
	wg.Wait()

	for _, f := range per {
		for _, q := range f.quotes {
			q.ID = fmt.Sprintf("q%d", len(res.Quotes)+1)
			res.Quotes = append(res.Quotes, q)
		}
		for _, c := range f.claims {
			c.ID = fmt.Sprintf("c%d", len(res.Claims)+1)
			res.Claims = append(res.Claims, c)
		}
	}
	fullSurnames(res.Quotes, res.Claims)
	res.Groups = align(res, opts)
	res.Syndication = FindSyndication(reports)
	return res
}

// fullSurnames gives each person quoted by surname alone ("Tan", where a
// report only writes "Mr. Tan") the full name that the other reports give
// for that surname, when they give exactly one: the same speaker then
// reads the same in every report. A claim attributed to that surname
// alone takes the full name too, and so does a speaker named by a known
// first name alone ("Quentin") when one full name opens with it. A surname
// that two full names share ("Tamimi": Bassem Tamimi, Ahed Tamimi) is left
// as it is. Names match whatever their case and accents ("Walesa", "Lech
// Wałęsa").
func fullSurnames(quotes []Quote, claims []Claim) {
	key := func(name string) string { return withoutAccents(strings.ToLower(name)) }
	full := map[string][]string{}  // surname → the full names that end with it
	given := map[string][]string{} // first name → the full names that open with it
	add := func(m map[string][]string, k, name string) {
		if !slices.Contains(m[k], name) {
			m[k] = append(m[k], name)
		}
	}
	for _, q := range quotes {
		ws := strings.Fields(q.Speaker)
		if !q.person || len(ws) < 2 {
			continue
		}
		add(full, key(ws[len(ws)-1]), q.Speaker)
		add(given, key(ws[0]), q.Speaker)
	}
	for i, q := range quotes {
		// A surname, of a speaker read as a person; a known first name
		// alone ("Quentin", as a friend calls him), when it is nobody's
		// surname.
		k := key(q.Speaker)
		names, ok := full[k]
		switch {
		case !ok && (maleNames[k] || femaleNames[k]):
			names = given[k]
		case !q.person:
			continue
		}
		if len(names) == 1 {
			quotes[i].Speaker = names[0]
		}
	}
	for i, c := range claims {
		if names := full[key(c.Source)]; len(names) == 1 && isCapitalised(c.Source) {
			claims[i].Source = names[0]
		}
	}
}
