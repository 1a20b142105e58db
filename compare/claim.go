package compare

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// wovenQuoteWords is the most words a quote may have and still be read as
// part of the sentence around it (she called it a "deathbox"): longer
// quotes are someone's words, and claims are cut around them.
const wovenQuoteWords = 6

// minClaimWords is the fewest words a claim has.
const minClaimWords = 4

var (
	// sourceBefore matches an attribution that opens a claim: "Qualcomm
	// said in a statement that …", "The Times reported …".
	sourceBefore = regexp.MustCompile(`^((?:[A-Z][\w.'’&-]*\s+){0,5}?(?:[A-Z][\w.'’&-]*|[Hh]e|[Ss]he|[Tt]hey|officials|police|the company))\s+(?:also\s+)?(?:said|says|told|announced|reported|confirmed|added|claimed|denied|stated|wrote)\b`)
	// sourceAfter matches one that closes it: "…, the government said."
	sourceAfter = regexp.MustCompile(`,\s+((?:the\s+|a\s+)?(?:[\w.'’&-]+\s+){0,6}?[\w.'’&-]+)\s+(?:said|says|reported|confirmed|added|told \w+)(?:\s+on\s+\w+|\s+\w+day)?[.!]?$`)
	// sourceAccording matches "according to X": a name, or a word and the
	// kind of record it keeps ("city figures", "court documents").
	sourceAccording = regexp.MustCompile(`[Aa]ccording to ((?:the\s+|a\s+)?[\w'’&-]+(?:\s+(?:[A-Z][\w'’&-]*|` + sourceRecords + `)\b)*)`)
)

// sourceRecords are the records a claim may be attributed to after the
// word that says whose they are: "according to city figures".
const sourceRecords = `figures|data|records|estimates|statistics|documents|filings|reports|sources|officials|police|spokesman|spokeswoman|spokesperson|statement|survey|poll|count`

// findClaims returns the statements a report makes in its own voice: each
// sentence, cut around the direct quotes it holds, that has enough words to
// state a fact. Sentences are not cut at semicolons: the clauses a
// semicolon joins often share one subject or figure, which other outlets
// state in one sentence. Words quoted at length are never part
// of a claim; a short quoted phrase woven into a sentence is.
func findClaims(d *document, quotes []Quote) []Claim {
	var claims []Claim
	qi := 0
	body := d.report.Body
	f := newSpeakerFinder(d)
	title := strings.Join(words(d.report.Meta.Title), " ")
	for pi, p := range d.paragraphs {
		if pi < 3 && title != "" && p.Len() < 2*len(title) && strings.Join(words(d.text(p.Span)), " ") == title {
			continue // the headline repeated as one of the first lines
		}
		chrome, widget := chromeSentences(d, p)
		if widget {
			continue
		}
		for si, s := range p.sentences {
			for qi < len(quotes) && quotes[qi].End <= s.Start {
				qi++
			}
			if isQuestion(d.text(s)) {
				continue // a question states nothing
			}
			// Cut the sentence around the long quotes inside it.
			start := s.Start
			var after *Quote // the quote the current piece follows
			var pieces []claimPiece
			for j := qi; j < len(quotes) && quotes[j].Start < s.End; j++ {
				q := &quotes[j]
				if WordCount(q.Text) <= wovenQuoteWords || completesClause(body, start, q.Start) {
					continue
				}
				pieces = append(pieces, claimPiece{Span{start, max(start, q.Start)}, after})
				start, after = min(s.End, q.End), q
			}
			cut := len(pieces) > 0
			pieces = append(pieces, claimPiece{Span{start, s.End}, after})
			for _, piece := range pieces {
				if c := trimClaim(body, piece.Span); c.Len() > 0 {
					if claim, ok := newClaim(d, c, cut, piece.after, !cut && !chrome[si]); ok {
						// "He put the chances at …", "She said that …":
						// whom the pronoun stands for, or no one.
						claim.subject = f.personOf(claim.toks[0].key, claim.Start, pi)
						if src := strings.ToLower(claim.Source); pronounGender(src) != 0 {
							claim.Source = f.personOf(src, claim.Start, pi)
						}
						claims = append(claims, claim)
					}
				}
			}
		}
	}
	return claims
}

// personOf returns the person the pronoun w, "he" or "she", stands for
// at pos of paragraph pi, or "" when it stands for no one or w is another
// word.
func (f *speakerFinder) personOf(w string, pos, pi int) string {
	if pronounGender(w) == 0 {
		return ""
	}
	if e := f.pronoun(w, pos, pi); e != nil {
		return e.name
	}
	return ""
}

// isQuestion tells whether a sentence asks rather than states: it ends
// with a question mark that no quotation closes after ("Did they steal
// them?" asks; he asked whether "they stole them?" reports the asking).
func isQuestion(sentence string) bool {
	s := strings.TrimRight(sentence, " )")
	if strings.HasSuffix(s, "?") {
		return true
	}
	quoted := strings.TrimRight(s, "\"'”’")
	return len(quoted) < len(s) && strings.HasSuffix(quoted, "?") && !strings.ContainsAny(quoted, "\"“‘")
}

// completesClause tells whether the quote that opens at quoteStart
// finishes the clause begun at start rather than being someone's words
// set beside it: the words before its opening mark run straight into it,
// with no colon, comma or dash between, and do not end with who says it
// ("the network was “ripping apart the social fabric”", not "Marsh said:
// “…”" nor "he told reporters “…”").
func completesClause(body string, start, quoteStart int) bool {
	if quoteStart <= start {
		return false // the quote opened before the sentence did
	}
	before := strings.TrimRight(body[start:quoteStart], " \t\n\"'“‘«")
	r, _ := utf8.DecodeLastRuneInString(before)
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return false
	}
	toks := tokenize(before)
	if countWords(toks) < minClaimWords {
		return false
	}
	// A speech verb among the last words gives the speaker the quote
	// ("told the council “…”"), unless "that" makes it reported speech.
	if toks[len(toks)-1].key == "that" {
		return true
	}
	for i, n := len(toks)-1, 0; i >= 0 && n < cueReach; i-- {
		if !toks[i].word {
			continue
		}
		if attributionWords[toks[i].key] || speechVerbs[toks[i].key] {
			return false
		}
		n++
	}
	return true
}

// cueReach is how many words before a quote a speech verb gives it its
// speaker: "told the council".
const cueReach = 3

// trimClaim shrinks s to exclude white space, quotation marks and
// punctuation other than a final full stop at either end.
func trimClaim(body string, s Span) Span {
	for s.Start < s.End {
		r, n := utf8.DecodeRuneInString(body[s.Start:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '$' || r == '£' || r == '€' || r == '(' {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		r, n := utf8.DecodeLastRuneInString(body[:s.End])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '%' || r == ')' || closesQuote(body[s.Start:s.End], r) {
			break
		}
		s.End -= n
	}
	return s
}

// closesQuote tells whether r, the last character of text, closes a
// quotation text opens: a claim that holds a quote keeps both its marks.
func closesQuote(text string, r rune) bool {
	switch r {
	case '”':
		return strings.Contains(text, "“")
	case '"':
		return strings.Count(text, `"`)%2 == 0
	}
	return false
}

// newClaim makes a claim of span s, or reports that s states too little:
// fewer than minClaimWords words, no word of substance, or, beside a quote
// it was cut from, little more than who said it ("Marsh told reporters on
// Thursday") or the frame that leads to its reporting verb, or page
// chrome; notChrome tells that s was found not to be chrome. A span that
// follows the quote after starts after that quote's frame (see
// quoteFrameEnd).
func newClaim(d *document, s Span, besideQuote bool, after *Quote, notChrome bool) (Claim, bool) {
	whole := s
	s = afterCaptionLabel(d.report.Body, s)
	speakers := false // whether the claim goes on in the quote's speaker's voice
	if after != nil {
		if n, sp := quoteFrameEnd(d.text(s)); n > 0 {
			s.Start += n
			speakers = sp
		}
	}
	text := d.text(s)
	if (!notChrome || s != whole) && isPageChrome(text) {
		return Claim{}, false
	}
	toks := tokenize(text)
	need := 1
	if besideQuote {
		need = 3
	}
	if countWords(toks) < minClaimWords || substance(toks) < need || besideQuote && endsWithCue(toks) {
		return Claim{}, false
	}
	c := Claim{Report: d.report.ID, Text: text, Span: s, toks: toks}
	if slices.ContainsFunc(toks, func(t token) bool { return attributionCues[t.key] }) {
		c.Source = withoutLegalForm(d.fullName(claimSource(text), s))
	}
	if speakers && (c.Source == "" || pronounCase[strings.ToLower(c.Source)]) {
		c.Source = after.Speaker // "…," Marsh said, though she added that …
	}
	c.wt = wtoks(text, toks)
	c.Values = readQuantitiesIn(text, c.wt)
	for _, q := range c.Values {
		c.Numbers = append(c.Numbers, q.Text)
	}
	return c, true
}

// claimPiece is a piece of a sentence cut around the quotes in it, with
// the quote it follows, if any.
type claimPiece struct {
	Span
	after *Quote
}

// quoteFrameEnd returns where the statement starts in text, the piece of
// a sentence after a quote, when the piece opens with the quote's
// attribution ("Mayor Elena Marsh said, though she added that …", "Marsh
// said of the barrier, which …"), or 0 when it does not; and whether the
// statement goes on in the speaker's voice. The frame says who spoke,
// which the quote already records; what follows it can state a fact of
// its own.
func quoteFrameEnd(text string) (start int, speakers bool) {
	ws := wtoks(text, tokenize(text))
	verb := -1
	for i, w := range ws {
		if i > maxFrameWords {
			return 0, false
		}
		if speechVerbs[w.key] {
			verb = i
			break
		}
		if !w.word || !(isCapitalised(text[w.start:w.end]) || pronounCase[w.key] || i == 0 && determiners[w.key] || i > 0 && determiners[ws[0].key]) {
			return 0, false // not who said it: a statement of its own
		}
	}
	if verb < 0 {
		return 0, false
	}
	k := verb + 1
	if verb == 0 { // "said Marsh, …", "said the mayor, …"
		for k < len(ws) && ws[k].word && k <= maxFrameWords {
			k++
		}
	}
	// When it was said: "on Thursday", "later", "in a statement".
	for k < len(ws) && ws[k].word && (frameTimes[ws[k].key] || isWeekday(ws[k].key)) {
		k++
	}
	switch {
	case k+1 >= len(ws):
		return 0, false
	case ws[k].key == "of" || ws[k].key == "about":
		// "said of the barrier, which …": the rest is about it, in the
		// report's own voice.
		return ws[k+1].start, false
	case ws[k].key != ",":
		return 0, false
	case frameJoins[ws[k+1].key] && k+2 < len(ws):
		return ws[k+2].start, true // "…, though she added that …"
	case isParticiple(ws[k+1].key):
		return ws[k+1].start, true // "…, adding that …"
	}
	return 0, false // "said Kenneth Baer, a former official …": who spoke
}

// isParticiple tells whether a lower-case word is the present participle
// of a speech verb ("adding", "warning") or of another verb that goes on
// from a quote to what its speaker meant ("referring to", "speaking of").
func isParticiple(key string) bool {
	base, ok := strings.CutSuffix(key, "ing")
	return ok && (speechVerbs[base+"ed"] || speechVerbs[base+"d"] || frameParticiples[key])
}

var frameParticiples = setOf("referring", "speaking", "summing", "going", "pointing", "citing",
	"emphasizing", "emphasising", "stressing", "underscoring")

// maxFrameWords is the most words who said a quote takes before or after
// the speech verb.
const maxFrameWords = 5

// frameTimes are the words of when a quote was said, in its frame, beside
// the days of the week.
var frameTimes = setOf("on", "in", "a", "an", "statement", "interview", "today", "yesterday",
	"later", "earlier", "also")

// frameJoins are the words that join a quote's frame to the statement
// after it: "…, Marsh said, though she added that …".
var frameJoins = setOf("though", "although", "but", "and", "while", "yet")

// pageChrome are phrases of a news page's furniture, which states
// nothing about the event: sign-up boxes, advertisement labels, copyright
// and reprint notices, links to follow.
var pageChrome = []string{"continue reading the main story", "newsletter", "subscribe for",
	"all rights reserved", "may not be published, broadcast", "copyright 1", "copyright 2",
	"follow us on", "email us", "read more", "click here", "order reprints", "toggle caption",
	"enlarge this image", "not a robot", "you agree to receive", "just watched", "http://",
	"https://"}

// linkLabels open a link to another story ("read more" is page chrome
// wherever it stands).
var linkLabels = []string{"more:", "related:", "see also:", "watch:", "listen:", "also read:",
	"read also:", "video:", "graphic:", "photos:", "gallery:", "email:"}

// creditMarks are the marks of a photo credit ("Jim Smith/AP", "via
// Getty Images"), a line that names who took a picture.
var creditMarks = []string{"getty images", "/ap", "/reuters", "/afp", "wireimage",
	"image copyright", "shutterstock", "photo:"}

// maxCreditWords is the most words a photo credit line has.
const maxCreditWords = 10

// isPageChrome tells whether a sentence is part of the page around a
// report rather than the report: a sign-up box, a copyright notice, a
// photo credit.
func isPageChrome(text string) bool {
	if isFollowLine(text) {
		return true
	}
	lower := strings.ToLower(text)
	for _, p := range linkLabels {
		if strings.HasPrefix(lower, p) {
			return true // a link to another story: "More: Iran blocks the app"
		}
	}
	for _, p := range pageChrome {
		if strings.Contains(lower, p) {
			return true
		}
	}
	for _, p := range creditMarks {
		if strings.Contains(lower, p) {
			// Counted only here: most sentences hold no mark of a credit.
			return WordCount(text) <= maxCreditWords
		}
	}
	return false
}

// chromeSentences tells which sentences of paragraph p, trimmed as claims
// are, are page chrome, and whether p is a box of the page rather than
// text of the report: two or more of its sentences are chrome (a sign-up
// box, whose "Thank you for subscribing." and "An error has occurred." are
// chrome too).
func chromeSentences(d *document, p paragraph) (chrome []bool, widget bool) {
	chrome = make([]bool, len(p.sentences))
	n := 0
	for i, s := range p.sentences {
		if isPageChrome(d.text(trimClaim(d.report.Body, s))) {
			chrome[i] = true
			n++
		}
	}
	return chrome, n >= 2
}

// captionLabel ends the credit that opens a picture's caption ("Image
// copyright Getty Images Image caption The pair met in 1994"): the
// caption after it can state a fact, the credit before it does not.
const captionLabel = "Image caption "

// afterCaptionLabel moves the start of s past a caption's credit and
// label, when s holds one.
func afterCaptionLabel(body string, s Span) Span {
	if i := strings.Index(body[s.Start:s.End], captionLabel); i >= 0 {
		s.Start += i + len(captionLabel)
	}
	return s
}

// endsWithCue tells whether a piece of a sentence ends with who said the
// quote after it ("Asked whether residents would move, Marsh said"): the
// frame of the quote, not a fact.
func endsWithCue(toks []token) bool {
	var last []token
	for i := len(toks) - 1; i >= 0 && len(last) < 2; i-- {
		if toks[i].word {
			last = append(last, toks[i])
		}
	}
	if len(last) < 2 || !attributionWords[last[0].key] {
		return false
	}
	return isCapitalised(last[1].text) || pronounCase[last[1].key]
}

var pronounCase = setOf("he", "she", "they", "it", "we", "i")

// attributionWords are the words that say who spoke and when, not what
// happened.
var attributionWords = setOf("said", "says", "say", "told", "tells", "added", "adding", "asked",
	"called", "wrote", "writes", "tweeted", "explained", "continued", "according", "statement",
	"reporters", "interview", "morning", "afternoon", "evening", "night", "today", "yesterday",
	"good", "later", "earlier", "reporter", "spokesman", "spokeswoman", "spokesperson", "noted",
	"stated", "insisted")

// substance counts the words of toks that say what happened: not function
// words, names, reporting verbs or times.
func substance(toks []token) int {
	n := 0
	for _, t := range toks {
		if !t.word || claimStopWords[t.key] || attributionWords[t.key] || isWeekday(t.key) {
			continue
		}
		if isCapitalised(t.text) {
			continue // a name
		}
		n++
	}
	return n
}

// attributionCues are the words one of the source patterns needs, so
// that the patterns run only where one may match.
var attributionCues = setOf("said", "says", "told", "announced", "reported", "confirmed", "added",
	"claimed", "denied", "stated", "wrote", "according")

// fullName returns the fullest name the document gives for source, the
// attribution of the claim at span at as it writes it ("Marsh said" after
// "Mayor Elena Marsh" gives "Elena Marsh"), or source itself when it names
// nobody the document knows by a fuller name.
func (d *document) fullName(source string, at Span) string {
	i := strings.Index(d.text(at), source)
	if source == "" || i < 0 {
		return source
	}
	body := d.report.Body
	ws := splitWords(body, Span{at.Start + i, at.Start + i + len(source)}, nil)
	if slices.ContainsFunc(ws, func(w word) bool { return !w.punct && !w.capital() }) {
		return source // "he", "the company", "city officials"
	}
	c := d.castOf()
	nr, ok := readName(body, ws, c.common)
	if !ok {
		return source
	}
	if e := c.lookup(nr.name, nr.gender, nr.surname, ws[0].Start); e != nil && e.isPerson() {
		return e.name
	}
	return source
}

// claimSource returns who a claim is attributed to, or "".
func claimSource(text string) string {
	if m := sourceAccording.FindStringSubmatch(text); m != nil {
		return strings.TrimSpace(m[1])
	}
	if m := sourceBefore.FindStringSubmatch(text); m != nil {
		return m[1]
	}
	if m := sourceAfter.FindStringSubmatch(text); m != nil {
		return m[1]
	}
	return ""
}
