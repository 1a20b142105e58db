package compare

import (
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// entityTitles are words that precede or follow a name without being part
// of who it names.
var entityTitles = setOf("mr", "mrs", "ms", "dr", "sen", "senator", "rep", "gov", "gen", "prof",
	"president", "sir", "inc", "ltd", "co", "corp", "plc", "llc", "nv", "ag", "sa", "the", "cong",
	"judge", "minister", "secretary")

// entityStop are capitalised words that open sentences or name times, not
// entities.
var entityStop = setOf("a", "an", "the", "in", "on", "at", "but", "and", "he", "she", "it", "they",
	"we", "i", "his", "her", "its", "their", "this", "that", "these", "those", "as", "after",
	"before", "when", "while", "if", "for", "of", "with", "by", "from", "to", "so", "yet", "also",
	"there", "what", "who", "one", "some", "now", "then", "read", "more", "photo", "image", "however",
	"although")

// entityNames returns the runs of capitalised words of text (names of
// people, places and organisations), titles dropped, in their original
// spelling: "Pennsylvania Electric Co." gives "Pennsylvania Electric".
func entityNames(text string) []string { return entityNamesIn(tokenize(text)) }

// entityNamesIn is entityNames on text already cut into tokens.
func entityNamesIn(toks []token) []string {
	var out []string
	var run []string
	flush := func() {
		for len(run) > 0 && entityTitles[strings.ToLower(run[len(run)-1])] {
			run = run[:len(run)-1]
		}
		for len(run) > 0 && entityTitles[strings.ToLower(run[0])] {
			run = run[1:]
		}
		if len(run) > 0 {
			out = append(out, strings.Join(run, " "))
		}
		run = nil
	}
	for _, t := range toks {
		if !t.word {
			if strings.TrimSpace(t.text) != "." || len(run) == 0 {
				flush()
			}
			continue
		}
		w := strings.TrimSpace(t.text)
		lower := strings.ToLower(w)
		switch {
		case isCapitalised(w) && (!entityStop[lower] || lower == "the" && len(run) > 0) && months[lower] == 0 && !isWeekday(lower):
			run = append(run, w)
		case len(run) > 0 && (lower == "of" || lower == "the" || lower == "for"):
			run = append(run, w) // "Committee of the Red Cross"
		default:
			flush()
		}
	}
	flush()
	// A run cannot end with a joining word.
	for i, n := range out {
		f := strings.Fields(n)
		for len(f) > 1 && (f[len(f)-1] == "of" || f[len(f)-1] == "the" || f[len(f)-1] == "for") {
			f = f[:len(f)-1]
		}
		out[i] = strings.Join(f, " ")
	}
	return out
}

// nameWords are the capitalised words of a name, lower-cased, joining
// words, titles and a possessive ending dropped: "Broadcom's" and
// "Broadcom" are one name.
func nameWords(name string) []string {
	var out []string
	for _, w := range words(name) {
		w = withoutPossessive(w)
		if w != "" && !entityTitles[w] && w != "of" && w != "for" {
			out = append(out, looseKey(withoutAccents(w)))
		}
	}
	return out
}

// abbreviates tells whether short is formed from the starts of the words
// of long, in order, each word giving at least its first letter: ICRC for
// International Committee of the Red Cross, Penelec for Pennsylvania
// Electric.
func abbreviates(short string, long []string) bool {
	if len(long) < 2 || len(short) < 2 {
		return false
	}
	var try func(s string, ws []string) bool
	try = func(s string, ws []string) bool {
		if s == "" {
			return len(ws) == 0
		}
		if len(ws) == 0 {
			return false
		}
		w := ws[0]
		for n := min(len(w), len(s)); n >= 1; n-- {
			if s[:n] == w[:n] && try(s[n:], ws[1:]) {
				return true
			}
		}
		return false
	}
	return try(short, long)
}

// sameEntity tells whether two names can name the same person, place or
// organisation: the same words once titles are dropped, one the surname
// or a part of the other ("Tamimi" and "Bassem Tamimi"), or one an
// abbreviation of the other ("Penelec" and "Pennsylvania Electric Co.").
func sameEntity(a, b string) bool {
	wa, wb := nameWords(a), nameWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) == 1 {
		if wa[0] == wb[len(wb)-1] {
			return true
		}
		if abbreviates(wa[0], wb) || abbreviates(wa[0], withoutJoiners(words(b))) {
			return true
		}
	}
	return strings.Join(wa, " ") == strings.Join(wb[len(wb)-len(wa):], " ")
}

// withoutJoiners drops titles from name words but keeps "of" and "the",
// which some abbreviations spell (BoE, RotR).
func withoutJoiners(ws []string) []string {
	var out []string
	for _, w := range ws {
		if w != "the" && w != "of" && !entityTitles[w] {
			out = append(out, w)
		}
	}
	return out
}

// entityAliases maps, across all the claims of a result, each one-word
// name that abbreviates or is the first name of a longer name to the
// longer name's words (the first name to the surname), so that claims
// naming the one also name the other: "ICRC" → international, committee,
// red, cross; "Uma" → thurman. wordsOf gives each name's nameWords.
func entityAliases(wordsOf map[string][]string) map[string][]string {
	long := map[string][]string{} // joined words → words
	for _, w := range wordsOf {
		if len(w) >= 2 {
			long[strings.Join(w, " ")] = w
		}
	}
	longKeys := slices.Sorted(maps.Keys(long)) // in order, for a stable choice
	aliases := map[string][]string{}
	firstOf := map[string]string{} // first name → surname, "" when ambiguous
	for _, w := range long {
		f, last := w[0], w[len(w)-1]
		if prev, ok := firstOf[f]; ok && prev != last {
			firstOf[f] = ""
		} else {
			firstOf[f] = last
		}
	}
	for _, w := range wordsOf {
		if len(w) != 1 {
			continue
		}
		short := w[0]
		for _, k := range longKeys {
			if abbreviates(short, long[k]) {
				aliases[short] = long[k]
				break
			}
		}
		if _, done := aliases[short]; !done && firstOf[short] != "" {
			aliases[short] = []string{firstOf[short]}
		}
	}
	return aliases
}

// withoutAccents drops the accents of the letters of s, which reports
// often leave out ("Wrocław", "Wroclaw").
func withoutAccents(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return r >= utf8.RuneSelf }) < 0 {
		return s // nothing to drop
	}
	return strokedLetters.Replace(strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, norm.NFD.String(s)))
}

// strokedLetters are the lower-case letters with an accent that Unicode
// does not write as a letter and a mark.
var strokedLetters = strings.NewReplacer("ł", "l", "ø", "o", "đ", "d", "ħ", "h", "ı", "i")
