package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// document is a report cut into paragraphs and sentences.
type document struct {
	report     *Report
	paragraphs []paragraph
	names      *cast // read on first use by castOf
}

// paragraph is one paragraph of a body with its sentences and its paired
// quotation marks, each in order.
type paragraph struct {
	Span
	sentences []Span
	quotes    []quoteSpan
}

func newDocument(r *Report) *document {
	return &document{report: r, paragraphs: segment(r.Body)}
}

// castOf returns the names the document's text gives, read once.
func (d *document) castOf() *cast {
	if d.names == nil {
		d.names = buildCast(d)
	}
	return d.names
}

// text returns the body text of a span.
func (d *document) text(s Span) string { return d.report.Body[s.Start:s.End] }

// segment cuts a body into paragraphs (each line holding text) and each
// paragraph into sentences, never inside a quotation. Spans exclude
// surrounding white space.
func segment(body string) []paragraph {
	var paras []paragraph
	open := false
	for off := 0; off < len(body); {
		end := strings.IndexByte(body[off:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += off
		}
		if s := trimSpan(body, Span{off, end}); s.Len() > 0 {
			qs := pairQuotes(body, s, open)
			open = leftOpen(qs)
			paras = append(paras, paragraph{Span: s, sentences: sentences(body, s, qs), quotes: qs})
		}
		off = end + 1
	}
	return paras
}

// trimSpan shrinks s to exclude white space at either end.
func trimSpan(body string, s Span) Span {
	for s.Start < s.End {
		r, n := utf8.DecodeRuneInString(body[s.Start:])
		if !unicode.IsSpace(r) {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		r, n := utf8.DecodeLastRuneInString(body[:s.End])
		if !unicode.IsSpace(r) {
			break
		}
		s.End -= n
	}
	return s
}

// sentences splits the paragraph p of body at sentence ends, except inside
// the quotes qs that close within the paragraph.
func sentences(body string, p Span, qs []quoteSpan) []Span {
	var out []Span
	start := p.Start
	text := body[:p.End]
	qi := 0
	for i := p.Start; i < p.End; {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		// Take closing quotes and brackets with the sentence.
		j := i
		for j < p.End {
			c, m := utf8.DecodeRuneInString(text[j:])
			if !isCloser(c) {
				break
			}
			j += m
		}
		if j >= p.End {
			break
		}
		c, _ := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsSpace(c) {
			continue
		}
		k := j
		for k < p.End {
			c, m := utf8.DecodeRuneInString(text[k:])
			if !unicode.IsSpace(c) {
				break
			}
			k += m
		}
		next, _ := utf8.DecodeRuneInString(text[k:])
		if !unicode.IsUpper(next) && !isOpener(next) && !unicode.IsDigit(next) {
			continue
		}
		for qi < len(qs) && (qs[qi].depth > 0 || qs[qi].unclosed || qs[qi].Close.End <= j) {
			qi++
		}
		if qi < len(qs) && qs[qi].contains(j) {
			continue
		}
		if r == '.' && isAbbreviation(text[start:i], text[k:p.End]) {
			continue
		}
		out = append(out, trimSpan(body, Span{start, j}))
		start = k
		i = k
	}
	if s := trimSpan(body, Span{start, p.End}); s.Len() > 0 {
		out = append(out, s)
	}
	return out
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '’', '”', '»', '›', ')', ']', '」', '』':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '‘', '“', '«', '‹', '„', '‚', '(', '[', '「', '『':
		return true
	}
	return false
}

// Abbreviations that end with a full stop without ending a sentence.
var (
	// titleAbbrevs always precede a name.
	titleAbbrevs = setOf("mr", "mrs", "ms", "dr", "prof", "sen", "rep", "reps", "gov", "gen", "lt",
		"col", "sgt", "capt", "cmdr", "adm", "maj", "st", "ft", "mt", "jr", "sr", "rev", "hon",
		"pres", "supt", "insp", "det", "atty", "amb", "vs", "v", "cpl", "pvt", "messrs", "mme", "cong")
	// capitalAbbrevs are abbreviations when capitalised: months and US states.
	capitalAbbrevs = setOf("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
		"nov", "dec", "ariz", "calif", "fla", "mass", "penn", "wash", "tenn", "ill", "mich", "minn",
		"conn", "ga", "va", "pa", "ky", "la", "md", "mo", "nev", "okla", "ore", "wis", "colo", "ala",
		"ark", "kan", "neb", "miss", "del", "ind", "wyo", "vt", "mont", "ariz", "nh", "nj", "ny")
	// numberAbbrevs are abbreviations before a number: No. 1.
	numberAbbrevs = setOf("no", "nos", "p", "pp", "art", "vol", "fig", "ch")
	// trailingAbbrevs may end a sentence, which then goes on with a word
	// that usually starts one: "Apple Inc. The company …".
	trailingAbbrevs = setOf("inc", "corp", "co", "ltd", "llc", "plc", "bros", "etc", "dept", "univ",
		"approx", "est", "assn")
	// sentenceStarters are words that usually start a sentence.
	sentenceStarters = setOf("the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and",
		"this", "that", "these", "those", "in", "on", "at", "his", "her", "their", "its", "there",
		"when", "after", "before", "while", "as", "if", "meanwhile", "however", "still", "yet", "so",
		"then", "now", "for", "some", "many", "most", "our", "what", "why", "how", "who")
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// isAbbreviation tells whether s ends with an abbreviation's full stop
// rather than a sentence's, given the text that follows: a title (Mr.,
// Sen.), a capitalised month or state (Jan., Calif.), No. before a number,
// a single initial (John F. Kennedy) or dotted letters (U.S., a.m.). Dotted
// letters and company suffixes end a sentence when the next word is one
// that usually starts a sentence.
func isAbbreviation(s, next string) bool {
	s = strings.TrimSuffix(s, ".")
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' })
	word := s[i+1:]
	if word == "" {
		return false
	}
	lower := strings.ToLower(word)
	first, _ := utf8.DecodeRuneInString(word)
	nextWord := strings.TrimLeftFunc(next, isOpener)
	if k := strings.IndexFunc(nextWord, func(r rune) bool { return !unicode.IsLetter(r) }); k >= 0 {
		nextWord = nextWord[:k]
	}
	nextWord = strings.ToLower(nextWord)
	nextDigit := next != "" && next[0] >= '0' && next[0] <= '9'
	switch {
	case strings.Contains(word, "."), trailingAbbrevs[lower]:
		return !sentenceStarters[nextWord] // U.S., a.m., D.C., Inc.
	case utf8.RuneCountInString(word) == 1 && unicode.IsUpper(first):
		return true // an initial
	case titleAbbrevs[lower]:
		return true
	case capitalAbbrevs[lower]:
		return unicode.IsUpper(first)
	case numberAbbrevs[lower]:
		return nextDigit
	}
	return false
}
