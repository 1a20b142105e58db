package compare

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// markFamily groups the quotation marks that pair with one another.
type markFamily uint8

// The families of quotation marks.
const (
	famDouble      markFamily = iota + 1 // “ ” " „
	famSingle                            // ‘ ’ ' ‚
	famAngle                             // « »
	famSingleAngle                       // ‹ ›
	famCorner                            // 「 」
	famWhiteCorner                       // 『 』
)

// mark is one quotation mark in a paragraph and what it may do there.
type mark struct {
	Span
	fam      markFamily
	canOpen  bool
	canClose bool
	// weak marks a closing single mark that may as well be the apostrophe
	// of a plural possessive (the Joneses' car).
	weak bool
}

// quoteSpan is a pair of quotation marks found in a paragraph.
type quoteSpan struct {
	// Span is the text between the marks.
	Span
	// Open and Close are the marks themselves; Close is empty, at the
	// paragraph's end, when the quote runs on into the next paragraph.
	Open, Close Span
	fam         markFamily
	// depth is 0 for a quote, 1 for a quote inside it, and so on.
	depth int
	// unclosed marks a quote whose closing mark is in a later paragraph.
	unclosed bool
	// cont marks a paragraph that continues a quote left open in the
	// previous paragraph.
	cont bool
	// passage marks a quote opened by a doubled mark (""X," he said): it
	// sets off a passage whose words, in this paragraph, are the quotes it
	// holds and their attribution, not a quote of its own.
	passage bool
}

// contains reports whether offset pos lies strictly inside the quote,
// between its opening and the end of its closing mark.
func (q *quoteSpan) contains(pos int) bool { return q.Open.Start < pos && pos < q.Close.End }

// pairQuotes finds the quotation marks of paragraph p of body and pairs
// them. prevOpen tells whether the previous paragraph ended inside a quote.
// Quotes come in order of their opening marks; a quote left open at the
// paragraph's end runs to it.
func pairQuotes(body string, p Span, prevOpen bool) []quoteSpan {
	marks := scanMarks(body, p)
	if len(marks) == 0 {
		return nil
	}
	// nextStrong[i] is the index of the first single closing mark after
	// i that is not weak, or len(marks).
	nextStrong := make([]int, len(marks)+1)
	nextStrong[len(marks)] = len(marks)
	nextOpen := make([]int, len(marks)+1)
	nextOpen[len(marks)] = len(marks)
	for i := len(marks) - 1; i >= 0; i-- {
		nextStrong[i], nextOpen[i] = nextStrong[i+1], nextOpen[i+1]
		m := marks[i]
		if m.fam == famSingle && m.canClose && !m.weak {
			nextStrong[i] = i
		}
		if m.fam == famSingle && m.canOpen && !m.canClose {
			nextOpen[i] = i
		}
	}

	var out []quoteSpan
	var stack []int
	for i, m := range marks {
		if m.canClose {
			j := len(stack) - 1
			for j >= 0 && marks[stack[j]].fam != m.fam {
				j--
			}
			skip := m.weak && nextStrong[i+1] < nextOpen[i+1]
			if j >= 0 && !skip {
				o := marks[stack[j]]
				out = append(out, quoteSpan{
					Span: Span{o.End, m.Start}, Open: o.Span, Close: m.Span, fam: m.fam, depth: j,
					passage: opensDoubled(marks, stack[j]),
				})
				stack = stack[:j]
				continue
			}
		}
		if m.canOpen {
			stack = append(stack, i)
		}
	}
	if len(stack) > 0 {
		o := marks[stack[0]]
		if o.fam != famSingle || o.Start == p.Start || startsWithOpener(body, p.End) {
			out = append(out, quoteSpan{
				Span: Span{o.End, p.End}, Open: o.Span, Close: Span{p.End, p.End}, fam: o.fam, unclosed: true,
				passage: opensDoubled(marks, stack[0]),
			})
		}
	}
	slices.SortFunc(out, func(a, b quoteSpan) int { return a.Open.Start - b.Open.Start })
	for _, ps := range out {
		if !ps.passage {
			continue
		}
		// The quotes a passage holds stand as the paragraph's own.
		for i := range out {
			if out[i].depth > ps.depth && ps.contains(out[i].Open.Start) {
				out[i].depth--
			}
		}
	}
	if prevOpen && len(out) > 0 && out[0].Open.Start == p.Start {
		out[0].cont = true
	}
	return out
}

// leftOpen reports whether paragraph quotes qs leave a quote open at the
// paragraph's end; it need not be the last to open.
func leftOpen(qs []quoteSpan) bool {
	return slices.ContainsFunc(qs, func(q quoteSpan) bool { return q.unclosed })
}

// opensDoubled reports whether marks[k] is directly followed by another
// opening mark of its family: a doubled mark, ""X," he said.
func opensDoubled(marks []mark, k int) bool {
	if k+1 >= len(marks) {
		return false
	}
	o, n := marks[k], marks[k+1]
	return n.fam == o.fam && n.canOpen && n.Start == o.End
}

// startsWithOpener reports whether the paragraph after offset end of body
// begins with an opening quotation mark: the sign of a quote running over
// several paragraphs.
func startsWithOpener(body string, end int) bool {
	rest := strings.TrimLeftFunc(body[end:], unicode.IsSpace)
	r, _ := utf8.DecodeRuneInString(rest)
	return r == '\'' || r == '‘' || r == '"' || r == '“' || r == '«' || r == '„'
}

// scanMarks lists the quotation marks of paragraph p of body, telling
// apostrophes apart from single quotation marks.
func scanMarks(body string, p Span) []mark {
	var marks []mark
	for i := p.Start; i < p.End; {
		r, n := utf8.DecodeRuneInString(body[i:])
		if r == '<' {
			// The attribute values of a markup tag (<tweet id="…">) are
			// nobody's words.
			i += markupTagLen(body[i:p.End]) + n
			continue
		}
		if r < 0x80 && r != '"' && r != '\'' {
			i += n
			continue
		}
		if m, ok := classifyMark(body, p, i, r, n); ok {
			marks = append(marks, m)
		}
		i += n
	}
	return marks
}

// markupTagLen returns how many bytes after the '<' that begins s belong to
// a markup tag (<tweet author="x">, </p>, <br/>), or 0 when the '<' begins
// none: a tag opens with a letter or '/' and closes with '>' before any
// other '<'.
func markupTagLen(s string) int {
	if len(s) < 3 || !(s[1] == '/' || isASCIILetter(s[1])) {
		return 0
	}
	end := strings.IndexAny(s[1:], "<>")
	if end < 0 || s[1+end] != '>' {
		return 0
	}
	return end + 1
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// classifyMark decides whether the rune r at offset i of paragraph p is a
// quotation mark, and whether it may open or close a quote, from the
// characters on either side of it.
func classifyMark(body string, p Span, i int, r rune, n int) (mark, bool) {
	prev, next := ' ', ' '
	if i > p.Start {
		prev, _ = utf8.DecodeLastRuneInString(body[p.Start:i])
	}
	if i+n < p.End {
		next, _ = utf8.DecodeRuneInString(body[i+n : p.End])
	}
	prevSpace, nextSpace := unicode.IsSpace(prev), unicode.IsSpace(next)
	left := !nextSpace && (prevSpace || isOpenPunct(prev) || isQuoteRune(prev))
	right := !prevSpace && (nextSpace || isClosePunct(next) || isQuoteRune(next))
	m := mark{Span: Span{i, i + n}}
	switch r {
	case '"':
		m.fam = famDouble
		m.canOpen = left || !right
		m.canClose = right || !left
	case '“':
		m.fam = famDouble
		m.canOpen = true
		m.canClose = right && !left
	case '”':
		m.fam = famDouble
		m.canClose = true
		m.canOpen = left && !right
	case '„':
		m.fam, m.canOpen = famDouble, true
	case '«', '»', '‹', '›':
		// French sets guillemets off with spaces and German points them
		// inwards (»so«): a guillemet closes an open one, else opens.
		m.fam = famAngle
		if r == '‹' || r == '›' {
			m.fam = famSingleAngle
		}
		m.canOpen, m.canClose = true, true
	case '「':
		m.fam, m.canOpen = famCorner, true
	case '」':
		m.fam, m.canClose = famCorner, true
	case '『':
		m.fam, m.canOpen = famWhiteCorner, true
	case '』':
		m.fam, m.canClose = famWhiteCorner, true
	case '\'', '‘', '’', '‚':
		if isApostrophe(body[i+n:p.End], prev, next) {
			return m, false
		}
		m.fam = famSingle
		switch r {
		case '‚':
			m.canOpen = left && !right
		case '‘':
			m.canOpen = !nextSpace
			m.canClose = right && !left
		default:
			m.canOpen = left && !right
			m.canClose = right
		}
		if m.canClose && (prev == 's' || prev == 'z') && nextSpace {
			m.weak = true
		}
	default:
		return m, false
	}
	return m, m.canOpen || m.canClose
}

// isApostrophe tells an apostrophe from a single quotation mark, given the
// characters before and after it and the text after it: inside a word
// (don't, O'Neill), before a year ('90s) or in an elision ('em, rock 'n'
// roll).
func isApostrophe(after string, prev, next rune) bool {
	if isWordRune(prev) && isWordRune(next) {
		return true
	}
	if !isWordRune(prev) && unicode.IsDigit(next) {
		// '90s, '16 — but not '2016 was a year' opening a quote.
		d := 0
		for d < len(after) && after[d] >= '0' && after[d] <= '9' {
			d++
		}
		return d == 2
	}
	if !isWordRune(prev) && unicode.IsLetter(next) {
		w := after
		if k := strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }); k >= 0 {
			w = w[:k]
		}
		switch strings.ToLower(w) {
		case "em", "n", "til", "cause", "tis", "twas", "bout", "round", "nuff", "cos", "s":
			return true
		}
	}
	return false
}

// isOpenPunct reports whether a quotation mark after r may open a quote.
func isOpenPunct(r rune) bool {
	switch r {
	case '(', '[', '{', '—', '–', '-', '/', ':', '…':
		return true
	}
	return false
}

// isClosePunct reports whether a quotation mark before r may close a quote.
func isClosePunct(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', ')', ']', '}', '—', '–', '-', '…', '/':
		return true
	}
	return false
}

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '«', '»', '‹', '›', '„', '‚', '「', '」', '『', '』':
		return true
	}
	return false
}

// findQuotes finds the direct quotes of a document, in body order, with
// their speakers.
func findQuotes(d *document) []Quote {
	var quotes []Quote
	var spans []quoteSpan
	title := titleEnd(d.report)
	for pi, p := range d.paragraphs {
		for _, s := range p.quotes {
			text := d.text(s.Span)
			if s.Start < title || s.passage || strings.TrimFunc(text, isQuoteSpace) == "" || isStageDirection(text) || isFollowLine(text) || isTerm(d, pi, s) {
				continue
			}
			quotes = append(quotes, Quote{Report: d.report.ID, Text: text, Span: s.Span, Paragraph: pi})
			spans = append(spans, s)
		}
	}
	attributeSpeakers(d, quotes, spans)
	return quotes
}

// Limits of the title block that a report without a title in its header
// begins with.
const (
	maxTitleLines = 2
	maxTitleWords = 20
)

// titleEnd returns the offset in r's body where a title block ends, or 0
// when the body begins with none. A report whose header gives no title
// often begins with it instead: one or two short lines, the first opening
// with neither a quotation mark nor a dateline, set off from the rest by a
// blank line.
// Such a title stands where the header's title does; quotes are sought in
// the body the title heads, as they are in a report with a header.
func titleEnd(r *Report) int {
	if r.Meta.Title != "" {
		return 0
	}
	body := r.Body
	end := strings.Index(body, "\n\n")
	if end < 0 || strings.TrimSpace(body[end:]) == "" {
		return 0
	}
	lines := strings.Split(body[:end], "\n")
	if len(lines) > maxTitleLines {
		return 0
	}
	for _, l := range lines {
		words := strings.Fields(l)
		if len(words) == 0 || len(words) > maxTitleWords || slices.Contains(words, "said") {
			return 0 // headlines speak in the present tense; a short lede says "said"
		}
	}
	first := strings.TrimSpace(lines[0])
	if r, _ := utf8.DecodeRuneInString(first); isQuoteRune(r) || isDateline(first) {
		return 0
	}
	return end
}

// isDateline reports whether line opens with a news dateline, which begins
// a story's first paragraph, never its title (see datelineEnd).
func isDateline(line string) bool {
	return datelineEnd(splitWords(line, Span{0, len(line)}, nil)) > 0
}

func isQuoteSpace(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }

// isStageDirection reports whether quoted text is wholly a bracketed note
// of a transcript — "(CROSSTALK.)", "[inaudible]" — rather than speech.
func isStageDirection(text string) bool {
	t := strings.TrimRight(strings.TrimSpace(text), ".,;:")
	if len(t) < 2 {
		return false
	}
	open, close := t[0], t[len(t)-1]
	inner := t[1 : len(t)-1]
	return (open == '(' && close == ')' || open == '[' && close == ']') && !strings.ContainsAny(inner, "()[]")
}

// followLine matches the line that ends many reports, asking readers to
// follow its author: "Follow Pam Key on Twitter @pamkeyNEN".
var followLine = regexp.MustCompile(`^(?i:follow)\s+(?:\S+\s+){0,4}?(?i:on)\s+(?:Twitter|X|Facebook|Instagram|Threads|Bluesky)\b`)

// isFollowLine reports whether text asks readers to follow someone on a
// social network: page furniture, even when a quotation mark left open
// runs on over it.
func isFollowLine(text string) bool { return followLine.MatchString(strings.TrimSpace(text)) }

// termCues are the words that, right before a quotation mark, introduce a
// name or a word being talked about rather than anybody's speech.
var termCues = setOf("its", "their", "so-called", "dubbed", "nicknamed", "nickname", "moniker",
	"titled", "entitled", "term", "word", "phrase", "label", "labels", "slogan", "hashtag", "motto",
	"headline", "banner")

// labelNouns are the nouns that, followed by "of", name what the quoted
// words are: "the mantra of ‘…’", "Byrd's strategy of “massive resistance”".
var labelNouns = setOf("mantra", "strategy", "policy", "doctrine", "label", "labels", "notion",
	"concept", "slogan", "motto", "term", "terms")

// workKinds are the kinds of titled work — shows, films, books — whose
// names are quoted right after the word ("the documentary “13th”") or
// right before it ("his “Keepin' It Real” radio program").
var workKinds = setOf("show", "program", "programme", "series", "episode", "broadcast",
	"documentary", "film", "movie", "book", "novel", "memoir", "album", "song", "play", "musical",
	"podcast", "column", "commentary", "op-ed", "sitcom")

// mentionWords are words that, quoted on their own, are talked about
// rather than said: "unless simply because “she” is a “he”".
var mentionWords = setOf("he", "she", "him", "her", "it", "they", "them", "we", "us", "you",
	"when", "if", "why", "how", "what", "where", "who", "whether")

// isTerm tells a scare-quoted label, name or title — quoted words that are
// nobody's reproduced speech — from a quote. It looks at the words around
// the marks: "its", "the so-called", "dubbed", "the term", "the mantra of"
// and the like introduce a name, not speech, when no speech cue follows; a
// quoted name in title case is a title when a possessive ("CBS's “Face the
// Nation”") or a kind of work ("the documentary “13th”") stands beside it,
// when a preposition governs it ("during a “Town Hall Forum”", a sentence
// opening "On “Meet the Voters,”"), when an appositive says what it names
// (“Harvest Day,” a festival) or when it makes up a paragraph of its own,
// a section heading; a nickname sits inside a name (Robert C. “Bobby”
// Scott); a lone pronoun is a word talked about.
func isTerm(d *document, pi int, s quoteSpan) bool {
	if s.unclosed || s.cont {
		return false
	}
	text := d.text(s.Span)
	words := strings.Fields(text)
	if len(words) > 6 {
		return false
	}
	if len(words) == 1 && mentionWords[strings.ToLower(strings.TrimFunc(text, isQuoteSpace))] {
		return true
	}
	body := d.report.Body
	p := d.paragraphs[pi].Span
	before, after := quoteContext(d, pi, s)
	prev := strings.TrimRight(before, ",")
	prevWord := strings.ToLower(lastWord(prev))
	ofWord := "" // the word before "of" when "of" comes right before the mark
	if prevWord == "of" {
		ofWord = strings.ToLower(lastWord(strings.TrimRightFunc(prev[:len(prev)-2], unicode.IsSpace)))
	}
	if termCues[strings.ToLower(lastWord(before))] || labelNouns[ofWord] {
		// A name that ends its sentence leaves what follows to the next.
		return strings.HasSuffix(text, ".") || !hasSpeechCue(after)
	}
	if strings.HasSuffix(before, ",") && workKinds[prevWord] && (strings.HasSuffix(text, ",") || strings.HasPrefix(after, ",")) {
		// Quoted words set off by commas after a kind of work name it,
		// whatever their case: the commentary, “Tell your story,” is
		// thoughtful.
		return !hasSpeechCue(after)
	}
	if !isTitleCase(words) {
		return false
	}
	if isSubheading(p, s, words) {
		return true
	}
	if isHeadline(body[p.Start:p.End]) {
		// In a headline every word is capitalised: a quote there is
		// no more a title than its neighbours are.
		return false
	}
	if isNickname(before, after, words) {
		return true
	}
	// The kind may follow with one word between: “X” radio program.
	next := strings.Fields(strings.ToLower(after))
	kindAfter := len(next) > 0 && workKinds[leadingWord(next[0])] || len(next) > 1 && workKinds[leadingWord(next[1])]
	return workKinds[prevWord] || workKinds[ofWord] || kindAfter || isPossessive(prev) || strings.HasSuffix(prev, "s'") ||
		ownedName(prev, prevWord) || isNamePhrase(words) && (governedName(prev) || namedByAppositive(text, after))
}

// isSubheading reports whether quote s, in title case and of at least
// three words, makes up the whole of paragraph p: a section heading that
// borrows a phrase, 'All Roads Lead Home.', set between paragraphs of
// running text. A paragraph quoting a lower-case phrase alone ('Not a
// deal') still quotes it.
func isSubheading(p Span, s quoteSpan, words []string) bool {
	return len(words) >= 3 && !isExclaimed(words) && s.Open.Start == p.Start && s.Close.End == p.End
}

// isNamePhrase reports whether title-case words may name something rather
// than cry or ask it: two words or more, not ending in "!" or "?" (the
// chant "Go Team Go!" is somebody's words).
func isNamePhrase(words []string) bool { return len(words) >= 2 && !isExclaimed(words) }

// isExclaimed reports whether words end in an exclamation or question mark.
func isExclaimed(words []string) bool {
	last := strings.TrimRight(words[len(words)-1], ".,;:")
	return strings.HasSuffix(last, "!") || strings.HasSuffix(last, "?")
}

// eventPrepositions govern the name of an event, which is held, not said:
// during a “Town Hall Forum”.
var eventPrepositions = setOf("during", "throughout")

// openingPrepositions, opening a sentence, govern a name that sets the
// scene of the clause after it: On “Meet the Voters,” the senator spoke.
var openingPrepositions = setOf("on", "in", "at")

// governedName reports whether the text before a quoted title-case phrase
// ends with a preposition that makes it a name, with an article or none
// between: "during a", or "On", "In" or "At" opening a sentence.
func governedName(before string) bool {
	w := lastWord(before)
	if articles[strings.ToLower(w)] {
		before = strings.TrimRightFunc(before[:len(before)-len(w)], unicode.IsSpace)
		w = lastWord(before)
	}
	lw := strings.ToLower(w)
	if eventPrepositions[lw] {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	return openingPrepositions[lw] && unicode.IsUpper(r) && sentenceInitial(before, len(before)-len(w))
}

// articles are the words that may stand between a preposition and the
// name it governs.
var articles = setOf("a", "an", "the")

// namedByAppositive reports whether a quoted title-case phrase set off by
// a comma is followed by a noun phrase saying what it names, and no speech
// cue: “Harvest Day,” a festival held each fall.
func namedByAppositive(text, after string) bool {
	if !strings.HasSuffix(text, ",") && !strings.HasPrefix(after, ",") {
		return false
	}
	next := strings.Fields(strings.TrimLeft(after, ", "))
	if len(next) < 2 || next[0] != "a" && next[0] != "an" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next[1])
	return unicode.IsLower(r) && !hasSpeechCue(after)
}

// possessiveDeterminers own the name that follows them: his “Contract
// with America”.
var possessiveDeterminers = setOf("his", "her", "their", "our", "my", "your")

// ownedName reports whether the text before a quoted title-case name ends
// with a possessive determiner, alone or before a year: his 1994 “Contract
// with America”. "her" after a speech verb is whom the words were said to,
// not whose the name is: asked her “Are You OK?”.
func ownedName(before, prevWord string) bool {
	if len(prevWord) == 4 && strings.Trim(prevWord, "0123456789") == "" {
		before = strings.TrimRightFunc(before[:len(before)-len(prevWord)], unicode.IsSpace)
		prevWord = strings.ToLower(lastWord(before))
	}
	if prevWord == "her" {
		before = strings.TrimRightFunc(before[:len(before)-len(prevWord)], unicode.IsSpace)
		return !speechVerbs[strings.ToLower(lastWord(before))]
	}
	return possessiveDeterminers[prevWord]
}

// quoteContext returns up to 40 bytes of paragraph pi before quote s,
// white space trimmed, and up to 60 after it, cut at the next quotation
// mark: what follows that belongs to another quote.
func quoteContext(d *document, pi int, s quoteSpan) (before, after string) {
	body := d.report.Body
	p := d.paragraphs[pi].Span
	before = strings.TrimRightFunc(body[max(p.Start, s.Open.Start-40):s.Open.Start], unicode.IsSpace)
	after = body[s.Close.End:min(p.End, s.Close.End+60)]
	if k := strings.IndexFunc(after, isQuoteRune); k >= 0 {
		after = after[:k]
	}
	return before, after
}

// titleMinorWords are the longer words a title leaves in lower case.
var titleMinorWords = setOf("with", "from", "into", "onto", "over", "upon", "than")

// isTitleCase reports whether words read as a name or title: the first and
// every longer word capitalised ("Face the Nation", "Contract with
// America", "Keepin' It Real"), or begun with a digit ("13th").
func isTitleCase(words []string) bool {
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(w, unicode.IsPunct))
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			continue
		}
		if i == 0 || utf8.RuneCountInString(w) > 3 && !titleMinorWords[strings.TrimRightFunc(w, unicode.IsPunct)] {
			return false
		}
	}
	return true
}

// isHeadline reports whether a paragraph is set in headline style, most of
// its longer words capitalised.
func isHeadline(para string) bool {
	long, capital := 0, 0
	for _, w := range strings.Fields(para) {
		w = strings.TrimFunc(w, isQuoteSpace)
		if utf8.RuneCountInString(w) <= 3 {
			continue
		}
		long++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			capital++
		}
	}
	return long >= 3 && capital*5 >= long*4
}

// isNickname reports whether quoted title-case words sit inside a name,
// between capitalised words and with no punctuation of their own: Rep.
// Robert C. “Bobby” Scott.
func isNickname(before, after string, words []string) bool {
	if len(words) > 3 || !strings.HasPrefix(after, " ") {
		return false
	}
	last := words[len(words)-1]
	if r, _ := utf8.DecodeLastRuneInString(last); unicode.IsPunct(r) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(before)
	next, _ := utf8.DecodeRuneInString(strings.TrimLeft(after, " "))
	pw := lastWord(strings.TrimSuffix(before, "."))
	pr, _ := utf8.DecodeRuneInString(pw)
	return (unicode.IsLetter(prev) || prev == '.') && unicode.IsUpper(pr) && unicode.IsUpper(next)
}

// lastWord returns the last run of letters, digits and hyphens in s.
func lastWord(s string) string {
	end := len(s)
	start := strings.LastIndexFunc(s[:end], func(r rune) bool { return !isWordRune(r) && r != '-' })
	return s[start+1 : end]
}

// leadingWord returns the first run of letters, digits and hyphens in s,
// after any white space.
func leadingWord(s string) string {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if end := strings.IndexFunc(s, func(r rune) bool { return !isWordRune(r) && r != '-' }); end >= 0 {
		return s[:end]
	}
	return s
}
