package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one piece of a text as the word diff sees it: a word with the
// white space before it, or a punctuation mark with the white space before
// it. Concatenating a text's tokens gives the text back.
type token struct {
	text string
	// key is how the token compares: the word lower-cased, apostrophes
	// unified, or the punctuation mark; "" for trailing white space.
	key string
	// word is true for words and numbers, false for punctuation.
	word bool
}

// tokenize cuts s into tokens.
func tokenize(s string) []token {
	if s == "" {
		return nil
	}
	// A token takes about five bytes of English text: room for a few
	// more saves growing the slice.
	toks := make([]token, 0, len(s)/4+1)
	for i := 0; i < len(s); {
		at, end, word := scanToken(s, i)
		switch {
		case at == len(s): // white space alone ends s
			if len(toks) > 0 {
				toks[len(toks)-1].text += s[i:]
			} else {
				toks = append(toks, token{text: s[i:]})
			}
		case word:
			toks = append(toks, token{text: s[i:end], key: wordKey(s[at:end]), word: true})
		default:
			r, _ := utf8.DecodeRuneInString(s[at:])
			toks = append(toks, token{text: s[i:end], key: punctKey(r)})
		}
		i = end
	}
	return toks
}

// scanToken reads the token of s that starts at i: the white space before
// it, then a word (letters and digits with the apostrophes, hyphens and
// decimal points inside it: don't, counter-terrorism, 3.5, 1,000) or any
// other one rune. It returns where the word or rune starts, where the
// token ends, and whether it is a word; at and end are len(s) when only
// white space is left.
func scanToken(s string, i int) (at, end int, word bool) {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	if i == len(s) {
		return i, i, false
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if !isWordRune(r) {
		return i, i + n, false
	}
	j := i + n
	for j < len(s) {
		r, m := utf8.DecodeRuneInString(s[j:])
		if isWordRune(r) {
			j += m
			continue
		}
		if isJoiner(r) && j+m < len(s) {
			next, _ := utf8.DecodeRuneInString(s[j+m:])
			if isWordRune(next) && (r != '.' && r != ',' || unicode.IsDigit(next) && unicode.IsDigit(lastRune(s[:j]))) {
				j += m
				continue
			}
		}
		break
	}
	return i, j, true
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '‐', '‑', '.', ',':
		return true
	}
	return false
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// wordKey is a word as compared: lower case, in one spelling.
func wordKey(w string) string { return strings.ToLower(spelling(w)) }

var typographic = strings.NewReplacer("’", "'", "‘", "'", "‐", "-", "‑", "-")

// spelling is a word without surrounding space and with one apostrophe and
// one hyphen, so that typography is not taken for a spelling.
func spelling(w string) string {
	w = strings.TrimSpace(w)
	// Every mark typographic replaces starts with the byte 0xE2 in UTF-8.
	if strings.IndexByte(w, 0xE2) < 0 {
		return w
	}
	return typographic.Replace(w)
}

// punctKey unifies the styles of one punctuation mark.
func punctKey(r rune) string {
	switch r {
	case '“', '”', '„', '«', '»', '"':
		return `"`
	case '‘', '’', '‚', '‹', '›':
		return "'"
	case '—', '–':
		return "-"
	}
	return string(r)
}

// numWords returns how many words words(s) reads in s, without making their
// keys.
func numWords(s string) int {
	n := 0
	for i := 0; i < len(s); {
		_, end, word := scanToken(s, i)
		if word {
			n++
		}
		i = end
	}
	return n
}

// words returns the comparison keys of the words of s, without punctuation.
func words(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		at, end, word := scanToken(s, i)
		if word {
			out = append(out, wordKey(s[at:end]))
		}
		i = end
	}
	return out
}

var unjoined = strings.NewReplacer("-", "", "'", "")

// looseKey folds what the spelling flag forgives: hyphens, apostrophes and
// British spellings.
func looseKey(w string) string {
	w = unjoined.Replace(w)
	if us, ok := britishToAmerican(w); ok {
		return us
	}
	return w
}

// britishToAmerican maps a British spelling to the American one by the
// regular endings that differ.
func britishToAmerican(w string) (string, bool) {
	for _, p := range []struct{ uk, us string }{
		{"isation", "ization"}, {"isations", "izations"}, {"ise", "ize"}, {"ised", "ized"},
		{"ises", "izes"}, {"ising", "izing"}, {"our", "or"}, {"ours", "ors"}, {"ourite", "orite"},
		{"yse", "yze"}, {"ysed", "yzed"}, {"ysing", "yzing"}, {"tre", "ter"}, {"tres", "ters"},
		{"ogue", "og"}, {"ence", "ense"}, {"lled", "led"}, {"lling", "ling"},
	} {
		if len(w) > len(p.uk)+2 && strings.HasSuffix(w, p.uk) {
			return w[:len(w)-len(p.uk)] + p.us, true
		}
	}
	return w, false
}

// stopWords are the words too common to show that two texts share a
// phrase.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and or but if of in on at to for from by with as about into
		over after before than then so that this these those there here it its it's is are was were be
		been being am do does did have has had having i me my we us our you your he him his she her they
		them their who whom which what when where why how not no all any some more most very can could
		will would shall should may might must just also only even lot lots one s`) {
		stopWords[w] = true
	}
}

// isContentWord tells whether a word key carries meaning of its own.
func isContentWord(w string) bool { return !stopWords[w] }

// isContentToken tells whether a token is a content word.
func isContentToken(t token) bool { return t.word && isContentWord(t.key) }
