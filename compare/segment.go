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
}

// paragraph is one paragraph of a body and its sentences, in order.
type paragraph struct {
	Span
	sentences []Span
}

func newDocument(r *Report) *document {
	return &document{report: r, paragraphs: segment(r.Body)}
}

// text returns the body text of a span.
func (d *document) text(s Span) string { return d.report.Body[s.Start:s.End] }

// segment cuts a body into paragraphs (each line holding text) and each
// paragraph into sentences. Spans exclude surrounding white space.
func segment(body string) []paragraph {
	var paras []paragraph
	for off := 0; off < len(body); {
		end := strings.IndexByte(body[off:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += off
		}
		if s := trimSpan(body, Span{off, end}); s.Len() > 0 {
			paras = append(paras, paragraph{Span: s, sentences: sentences(body, s)})
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

// sentences splits the paragraph p of body at sentence ends.
func sentences(body string, p Span) []Span {
	var out []Span
	start := p.Start
	text := body[:p.End]
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
		if r == '.' && isAbbreviation(text[start:i]) {
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

// abbreviations end with a full stop without ending a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true, "rep": true,
	"gov": true, "gen": true, "lt": true, "col": true, "sgt": true, "capt": true, "cmdr": true,
	"adm": true, "maj": true, "st": true, "jr": true, "sr": true, "rev": true, "hon": true,
	"pres": true, "supt": true, "insp": true, "det": true, "atty": true, "amb": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"no": true, "nos": true, "vs": true, "v": true, "etc": true, "inc": true, "corp": true,
	"co": true, "ltd": true, "dept": true, "univ": true, "approx": true, "est": true, "fig": true,
	"ariz": true, "calif": true, "fla": true, "mass": true, "penn": true, "wash": true, "tenn": true,
	"ill": true, "mich": true, "minn": true, "conn": true, "ga": true, "va": true, "pa": true,
	"ky": true, "la": true, "md": true, "mo": true, "nev": true, "okla": true, "ore": true,
	"wis": true, "colo": true, "ala": true, "ark": true, "kan": true, "neb": true, "miss": true,
}

// isAbbreviation tells whether s ends with an abbreviation's full stop:
// a known abbreviation, a single initial, or dotted letters (U.S., a.m.).
func isAbbreviation(s string) bool {
	s = strings.TrimSuffix(s, ".")
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' })
	word := s[i+1:]
	if word == "" {
		return false
	}
	if strings.Contains(word, ".") {
		return true // U.S., a.m., D.C.
	}
	if utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0]) {
		return true // an initial: John F. Kennedy
	}
	return abbreviations[strings.ToLower(word)]
}
