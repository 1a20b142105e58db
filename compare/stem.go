package compare

import "strings"

// claimStopWords are the words too common to say what a claim states: function
// words, reporting verbs and the vaguest nouns of news prose.
var claimStopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a about above after again against all also am an and any are aren't as at
		be because been before being below between both but by can could couldn't did didn't do does doesn't
		doing don't down during each few for from further had hadn't has hasn't have haven't having he he'd
		he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is
		isn't it it's its itself let's me more most mustn't my myself no nor not of off on once only or other
		ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some such
		than that that's the their theirs them themselves then there there's these they they'd they'll
		they're they've this those through to too under until up very was wasn't we we'd we'll we're we've
		were weren't what what's when when's where where's which while who who's whom why why's will with
		won't would wouldn't you you'd you'll you're you've your yours yourself yourselves
		said says say saying told tells according added adding noted stated reported reports report
		just now new also still even well may might must shall one ones per like since yet already mr mrs ms`) {
		claimStopWords[w] = true
	}
}

// synonyms maps words that news reports use for one another to one stem:
// an offer is a bid, a girl freed is a girl released.
var synonyms = map[string]string{
	"bid": "offer", "proposal": "offer", "approach": "offer",
	"buy": "acquir", "purchas": "acquir", "acquisition": "acquir", "takeover": "acquir",
	"freed": "releas", "free": "releas",
	"kill": "dead", "die": "dead", "death": "dead", "died": "dead", "killed": "dead", "fatal": "dead",
	"kidnap": "abduct", "kidnapp": "abduct", "seiz": "abduct", "captur": "abduct",
	"quit": "resign", "resignation": "resign",
	"crash": "accident", "incident": "accident",
	"photograph": "photo", "pictur": "photo", "footag": "video",
	"lawsuit": "sue", "su": "sue",
	"rais": "increas", "ris": "increas", "rose": "increas",
	"fell": "declin", "fall": "declin", "drop": "declin", "dropp": "declin",
	"remov": "pull", "pulled": "pull",
}

// stem reduces a word key to a crude stem for matching claims, or "" for a
// stop word: plural, past and -ing endings go, so that released, release
// and releasing meet.
func stem(w string) string {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "'")
	if claimStopWords[w] || len(w) < 2 {
		return ""
	}
	if s, ok := synonyms[w]; ok {
		return s
	}
	if startsDigit(w) {
		return "" // figures are compared as values
	}
	w = looseKey(w)
	for _, suf := range []string{"izations", "ization", "ations", "ation", "izing", "ized", "izes", "ize",
		"ments", "ment", "ness", "ings", "ing", "edly", "ed", "ies", "es", "s", "ly", "ity", "al", "y", "e"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= stemMinLetters && !strings.HasSuffix(w, "ss") {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	if len(w) > stemMaxLetters {
		w = w[:stemMaxLetters]
	}
	if s, ok := synonyms[w]; ok {
		return s
	}
	return w
}
