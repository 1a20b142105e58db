package compare

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// speechVerbs attribute the words of a quote to whoever is their subject.
var speechVerbs = setOf(
	"said", "says", "say", "told", "tells", "tell", "added", "adds", "wrote", "writes", "tweeted",
	"tweets", "posted", "posts", "explained", "explains", "stated", "states", "noted", "notes",
	"asked", "asks", "replied", "replies", "responded", "responds", "continued", "continues",
	"insisted", "insists", "argued", "argues", "claimed", "claims", "declared", "declares",
	"warned", "warns", "recalled", "recalls", "remarked", "announced", "announces",
	"acknowledged", "acknowledges", "admitted", "admits", "conceded", "concedes", "observed",
	"commented", "concluded", "confirmed", "confirms", "cautioned", "urged", "urges", "suggested",
	"suggests", "joked", "jokes", "quipped", "shouted", "yelled", "screamed", "whispered",
	"exclaimed", "complained", "complains", "boasted", "testified", "described", "describes",
	"called", "calls", "dubbed", "labeled", "labelled", "branded", "termed", "promised",
	"promises", "vowed", "vows", "pledged", "predicted", "predicts", "maintained", "maintains",
	"contended", "contends", "countered", "retorted", "snapped", "interjected", "mused",
	"wondered", "recounted", "emailed", "texted", "informed", "reminded", "assured", "stressed",
	"stresses", "emphasized", "emphasised", "underscored", "agreed", "disputed", "denied",
	"denies", "alleged", "alleges", "charged", "accused", "criticized", "criticised", "praised",
	"thanked", "apologized", "apologised", "lamented", "bemoaned", "read", "reads", "saying",
	"telling", "adding", "writing", "noting", "calling", "declaring", "insisting", "arguing",
	"warning", "explaining", "asking", "tweeting", "describing", "stating", "claiming",
	"according", "reported", "reports", "announcing", "quoted", "quoting", "cried", "sang",
	"sings", "chanted", "demanded", "begged", "pleaded", "answered", "answers", "shot", "fired",
	"went", "pointed", "related", "explain", "penned", "opined", "reasoned", "reiterated",
	"reiterates", "repeated", "revealed", "reveals", "griped", "blasted", "slammed", "hit",
	"mocked", "attacked", "questioned", "recommended", "advised", "hinted", "gushed", "raved",
	"sniffed", "scoffed", "laughed", "sighed", "grumbled", "muttered", "chimed", "concluding",
	"continuing", "speaking", "note", "add", "write", "ask", "declare", "warn", "admit", "insist",
	"uttered", "uttering", "remembers", "remembered", "proclaimed", "thought", "instructed",
	"speak", "speaks", "spoke", "phrased", "ordered", "commanded", "proclaiming", "echoed",
	"acknowledging", "responding", "condemned", "condemns", "denounced", "denounces", "exhorted",
	"lauded", "hailed", "decried", "derided", "accuses", "call")

// listenerVerbs take the listener as their object: after a quote, "told
// X" names who heard it.
var listenerVerbs = setOf("told", "tells", "asked", "asks", "informed", "reminded", "assured",
	"urged", "thanked", "accused", "called", "quoted")

// castOnlyVerbs mark who speaks in a report but do not introduce the
// words of a quote ("Osinbajo spoke from behind a table").
var castOnlyVerbs = setOf("speak", "speaks", "spoke")

// isCueVerb reports whether w introduces a quote's words.
func isCueVerb(w string) bool { return speechVerbs[w] && !castOnlyVerbs[w] }

// isCueAt reports whether ws[i] introduces a quote's words: a speech
// verb, or "put" in "as the magazine put it".
func isCueAt(ws []word, i int) bool {
	lw := ws[i].lower()
	return isCueVerb(lw) || lw == "put" && i+1 < len(ws) && ws[i+1].lower() == "it"
}

// participles are speech verbs without a subject of their own: the
// speaker is the subject of the clause they hang on ("…, saying").
var participles = setOf(
	"saying", "telling", "adding", "writing", "noting", "calling", "declaring", "insisting",
	"arguing", "warning", "explaining", "asking", "tweeting", "describing", "stating", "claiming",
	"announcing", "quoting", "concluding", "continuing", "speaking", "uttering", "proclaiming",
	"acknowledging", "responding")

// adverbs may stand between a speaker and the speech verb.
var adverbs = setOf(
	"also", "later", "then", "previously", "earlier", "again", "once", "has", "had", "have",
	"would", "will", "recently", "reportedly", "simply", "just", "further", "last", "flatly",
	"bluntly", "publicly", "privately", "repeatedly", "often", "frequently", "famously",
	"angrily", "quickly", "initially", "first", "separately", "additionally", "did", "does", "do",
	"is", "was", "were", "are", "already", "subsequently", "finally", "ha", "directly",
	"specifically", "explicitly", "apparently", "jokingly", "tearfully", "softly", "quietly",
	"loudly", "emphatically", "clearly", "openly", "herself", "himself", "themselves", "even",
	"still", "never", "not", "could", "can", "may", "might", "shall", "should", "must")

// speakerFinder attributes the quotes of one document.
type speakerFinder struct {
	d    *document
	cast *cast
	// ws holds the words a rule reads; closing holds those closingCue
	// reads, so that the words before a quote outlast it.
	ws, closing []word
	// last is the entity of the last named, resolved speaker, and the
	// paragraph and end of its quote.
	last     *entity
	lastPara int
	lastPos  int
}

// newSpeakerFinder returns a finder for the speakers of document d, with
// no one quoted yet.
func newSpeakerFinder(d *document) *speakerFinder {
	return &speakerFinder{d: d, cast: d.castOf(), lastPara: -10}
}

// attributeSpeakers sets the speaker and cue of each quote: from a speech
// cue before or after it in its sentence, else from the quote it continues
// (a quote over several paragraphs, or the second half of a quote broken
// by its attribution), else from the named subject of its sentence.
// Pronouns and descriptions are resolved to the person they most likely
// stand for; surnames, given names and titles to the fullest name the
// report gives. A quote inside a quote takes the cue found within the
// outer one, else the outer quote's speaker.
func attributeSpeakers(d *document, quotes []Quote, spans []quoteSpan) {
	f := newSpeakerFinder(d)
	ents := make([]*entity, len(quotes))
	// carried marks a quote without a cue that takes its speaker from a
	// quote of an earlier paragraph.
	carried := make([]bool, len(quotes))
	var outer *Quote // the last quote of depth 0
	var outerEnt *entity
	prev := -1 // the index of the last quote of depth 0
	for i := range quotes {
		q, s := &quotes[i], spans[i]
		var m cueMention
		var ok bool
		if s.depth > 0 && outer != nil {
			m, ok = f.nestedCue(q, s, outer)
		} else {
			m, ok = f.cue(q, s)
		}
		if ok {
			ents[i] = f.resolve(q, m)
			q.Cue = m.cue
			if m.cue == ":" && q.Start <= m.pos && m.pos < q.End {
				afterLabel(d.report.Body, q, m.words)
			}
		}
		switch {
		case q.Speaker != "":
		case s.depth > 0 && outer != nil:
			q.Speaker, ents[i] = outer.Speaker, outerEnt
		case prev >= 0 && f.continues(quotes[prev], *q, s):
			q.Speaker, ents[i] = quotes[prev].Speaker, ents[prev]
			carried[i] = !s.cont && quotes[prev].Paragraph != q.Paragraph
		case s.depth == 0 && s.Open.Start == f.d.paragraphs[q.Paragraph].Start && f.last != nil && q.Paragraph-f.lastPara <= 2:
			// A paragraph opening with a quote nobody is credited with goes
			// on with the speaker last quoted.
			q.Speaker, ents[i] = f.last.name, f.last
			carried[i] = true
		default:
			if m, ok := f.priorCue(q, s); ok {
				ents[i] = f.resolve(q, m)
				break
			}
			// A speaker read from the sentence alone is a guess: it does
			// not become the person pronouns refer to.
			if m, ok := f.sentenceSubject(q, s); ok {
				if e := f.resolve(q, m); e == nil || !e.isPerson() && !(e.org && m.kind == 'n') {
					q.Speaker = ""
				}
			}
		}
		if s.depth == 0 {
			prev = i
			outer, outerEnt = q, ents[i]
			if ents[i] != nil && ents[i].isPerson() {
				f.last, f.lastPara, f.lastPos = ents[i], q.Paragraph, q.End
				ents[i].spoke = true
			}
		}
	}
	for i := range quotes {
		quotes[i].Speaker = withoutLegalForm(displayName(quotes[i].Speaker))
		quotes[i].person = ents[i] != nil && ents[i].isPerson()
	}
	// A quote without a cue whose paragraph holds a later attributed one
	// is that speaker's: "A." "B," she said. That outweighs a speaker
	// carried over from an earlier paragraph: a paragraph of quotes
	// signed at its end ("A." And so on, "B." ― Ana Ruiz) is the signer's.
	for i := len(quotes) - 2; i >= 0; i-- {
		if (quotes[i].Speaker == "" || carried[i] && spans[i+1].depth == 0) && spans[i].depth == 0 && quotes[i+1].Paragraph == quotes[i].Paragraph && quotes[i+1].Cue != "" {
			quotes[i].Speaker, quotes[i].person = quotes[i+1].Speaker, quotes[i+1].person
		}
	}
	f.creditHeadings(quotes, spans)
}

// isQuotedHeading reports whether paragraph p is nothing but the quote
// text, set off by marks and dashes, a few words without a full stop:
// "- 'Not a swap' -".
func isQuotedHeading(p, text string) bool {
	return strings.Trim(p, " -–—'\"‘’“”«»") == text && !strings.ContainsAny(text, ".!?") && len(strings.Fields(text)) <= 6
}

// headingLookahead bounds how many later quotes a quoted heading is
// looked for in.
const headingLookahead = 40

// creditHeadings gives a quote that makes up a subheading ('Not a swap')
// the speaker of the first later quote with a cue that holds its words.
func (f *speakerFinder) creditHeadings(quotes []Quote, spans []quoteSpan) {
	body := f.d.report.Body
	for i := range quotes {
		q := &quotes[i]
		p := f.d.paragraphs[q.Paragraph]
		if q.Cue != "" || spans[i].depth > 0 || !isQuotedHeading(body[p.Start:p.End], q.Text) {
			continue
		}
		words := strings.Fields(strings.ToLower(strings.Trim(q.Text, " .,;:!?")))
		if len(words) == 0 {
			continue
		}
		key := strings.Join(words, " ")
		for k := i + 1; k < len(quotes) && k <= i+headingLookahead; k++ {
			if quotes[k].Cue != "" && quotes[k].Speaker != "" && strings.Contains(strings.ToLower(quotes[k].Text), key) {
				q.Speaker, q.person = quotes[k].Speaker, quotes[k].person
				break
			}
		}
	}
}

// cueMention is who a speech cue names and how.
type cueMention struct {
	words []word
	kind  byte // 'n' name, 'p' pronoun, 'd' description
	cue   string
	pos   int
}

// continues reports whether quote q, without a cue of its own, goes on
// with the words of the quote before it: a paragraph continuing a quote
// left open, a quote in the same paragraph, or a paragraph that is nothing
// but a quote right after a paragraph with a quote.
func (f *speakerFinder) continues(prev, q Quote, s quoteSpan) bool {
	if s.cont || prev.Paragraph == q.Paragraph {
		return true
	}
	if prev.Paragraph != q.Paragraph-1 {
		return false
	}
	p := f.d.paragraphs[q.Paragraph]
	return s.Open.Start == p.Start
}

// cue finds the speech cue of a quote of depth 0: after the quote, before
// it in its sentence, or a label ending the paragraph before.
func (f *speakerFinder) cue(q *Quote, s quoteSpan) (cueMention, bool) {
	d, body := f.d, f.d.report.Body
	p := d.paragraphs[q.Paragraph]
	// A transcript quoted whole: "PENCE: Well, look, …".
	f.ws = splitWords(body, Span{s.Start, min(s.End, s.Start+80)}, f.ws[:0])
	if k := transcriptLabel(f.ws); k > 0 {
		return cueMention{words: f.ws[:k], kind: 'n', cue: ":", pos: f.ws[0].Start}, true
	}
	// After: to the end of the paragraph, other quotes standing as one
	// mark each.
	end := min(p.End, s.Close.End+240)
	f.ws = outsideWords(body, Span{s.Close.End, end}, p.quotes, f.ws[:0])
	if m, ok := postCue(f.ws); ok && !opensNextQuote(body, s, f.ws, m) {
		return m, true
	}
	// Before: from the start of the sentence.
	start := max(sentenceStart(p, s.Open.Start), s.Open.Start-300)
	f.ws = outsideWords(body, Span{start, s.Open.Start}, p.quotes, f.ws[:0])
	if m, ok := preCue(f.ws); ok {
		if b, ok := bodyThey(f.ws, m); ok {
			return b, true
		}
		return m, true
	}
	// A cue closing the sentence after more words: A cashier who "steals"
	// is held accountable, Warren said.
	if m, ok := f.closingCue(p, s); ok {
		return m, true
	}
	// The owner of a claim: Donald Trump's claim that there were
	// "thousands of shootings".
	if m, ok := claimOwner(f.ws); ok {
		return m, true
	}
	if m, ok := passiveAgent(f.ws); ok {
		return m, true
	}
	// A label or "said:" ending the paragraph before.
	if s.Open.Start == p.Start && q.Paragraph > 0 {
		pp := d.paragraphs[q.Paragraph-1]
		if strings.HasSuffix(body[pp.Start:pp.End], ":") && (len(pp.quotes) == 0 || pp.quotes[len(pp.quotes)-1].Close.End < pp.End-1) {
			start := max(sentenceStart(pp, pp.End-1), pp.End-300)
			f.ws = splitWords(body, Span{start, pp.End}, f.ws[:0])
			if m, ok := preCue(f.ws); ok {
				return m, true
			}
		}
	}
	return cueMention{}, false
}

// bodyThey resolves "they" in cue m, read from a sentence's words ws, to
// the body that is the sentence's subject: "Clinton's campaign is seeking
// to contrast her approach with what they call …".
func bodyThey(ws []word, m cueMention) (cueMention, bool) {
	if m.kind != 'p' || m.words[0].lower() != "they" {
		return cueMention{}, false
	}
	b, ok := clauseSubject(ws)
	if !ok || b.kind == 'p' || b.pos >= m.pos || !isBodyHead(strings.TrimSuffix(b.words[len(b.words)-1].lower(), ".")) {
		return cueMention{}, false
	}
	b.cue = m.cue
	return b, true
}

// opensNextQuote reports whether the cue m read in ws, the words after
// quote s, belongs to the next sentence's quote instead: s ends its
// sentence with a full stop, a capital opens the next, and the cue's verb
// leads to a quote of its own there. In `Japan called it "an outlaw
// nation." Russia insisted that Pyongyang "stop."` Russia's cue is the
// second quote's.
func opensNextQuote(body string, s quoteSpan, ws []word, m cueMention) bool {
	if len(ws) == 0 || !ws[0].capital() || !strings.HasSuffix(strings.TrimRight(body[s.Start:s.End], " "), ".") {
		return false
	}
	verb := false
	for _, w := range ws {
		switch {
		case w.Start < m.pos:
		case !verb:
			verb = w.lower() == m.cue
		case w.text == `"`:
			return true
		case w.text == "." || w.text == "!" || w.text == "?":
			return false
		}
	}
	return false
}

// priorCue reads the speaker of a quote that opens a sentence of its own
// after a sentence of the same paragraph with a speech cue: `The talks
// will go on, Holt said. "We are not done."`
func (f *speakerFinder) priorCue(q *Quote, s quoteSpan) (cueMention, bool) {
	p := f.d.paragraphs[q.Paragraph]
	start := sentenceStart(p, s.Open.Start)
	if start == p.Start || strings.TrimSpace(f.d.report.Body[start:s.Open.Start]) != "" {
		return cueMention{}, false
	}
	prev := max(sentenceStart(p, start-1), start-300)
	f.ws = outsideWords(f.d.report.Body, Span{prev, start}, p.quotes, f.ws[:0])
	for _, w := range f.ws {
		if w.text == `"` {
			return cueMention{}, false
		}
	}
	return preCue(f.ws)
}

// sentenceSubject reads who speaks a quote woven into a sentence without
// a speech cue — Trump is promising "jobs, jobs, jobs" — as the named or
// pronoun subject of the sentence before the quote.
func (f *speakerFinder) sentenceSubject(q *Quote, s quoteSpan) (cueMention, bool) {
	p := f.d.paragraphs[q.Paragraph]
	body := f.d.report.Body
	start := max(sentenceStart(p, s.Open.Start), s.Open.Start-300)
	f.ws = outsideWords(body, Span{start, s.Open.Start}, p.quotes, f.ws[:0])
	if len(f.ws) >= 2 {
		if m, ok := clauseSubject(f.ws); ok && m.kind != 'd' {
			return m, true
		}
	}
	// The subject after the quote: In between tears of "joy and peace,"
	// coach Bruce Arians cited his family.
	f.ws = outsideWords(body, Span{s.Close.End, min(p.End, s.Close.End+200)}, p.quotes, f.ws[:0])
	i := 0
	for i < len(f.ws) && f.ws[i].punct && f.ws[i].text != `"` {
		i++
	}
	if m, _, ok := subjectAt(f.ws[i:]); ok && m.kind == 'n' {
		return m, true
	}
	return cueMention{}, false
}

// closingCue reads a cue that ends the sentence of quote s after a comma,
// with no quote between: "…", Warren said.
func (f *speakerFinder) closingCue(p paragraph, s quoteSpan) (cueMention, bool) {
	end := p.End
	i := sort.Search(len(p.sentences), func(i int) bool { return p.sentences[i].End > s.Close.End })
	if i < len(p.sentences) {
		end = p.sentences[i].End
	}
	if end-s.Close.End > 300 {
		return cueMention{}, false
	}
	f.closing = outsideWords(f.d.report.Body, Span{s.Close.End, end}, p.quotes, f.closing[:0])
	comma := -1
	for k, w := range f.closing {
		if w.text == `"` {
			return cueMention{}, false
		}
		if w.text == "," {
			comma = k
		}
	}
	if comma < 0 {
		return cueMention{}, false
	}
	return postCue(f.closing[comma:])
}

// speechNouns name what someone said: "Trump's claim that …".
var speechNouns = setOf("claim", "claims", "assertion", "remark", "remarks", "comment", "comments",
	"words", "promise", "pledge", "warning", "description", "accusation", "insistence",
	"argument", "boast", "vow", "prediction", "suggestion", "contention", "allegation", "charge",
	"statement", "statements", "tweet", "tweets", "speech", "testimony", "response", "reply", "answer",
	"quip", "joke")

// claimOwner reads the speaker of a quote from a speech noun before it,
// in the words ws of its sentence, owned by a capitalised name:
// "Donald Trump's claim that there have been".
func claimOwner(ws []word) (cueMention, bool) {
	for k := len(ws) - 1; k >= 1 && k >= len(ws)-20; k-- {
		if ws[k].text == `"` {
			break
		}
		owner := ws[k-1]
		if !speechNouns[ws[k].lower()] || !isPossessive(owner.text) || !owner.capital() {
			continue
		}
		i := k - 1
		for i > 0 && ws[i-1].capital() {
			i--
		}
		return cueMention{words: ws[i:k], kind: 'n', cue: ws[k].lower(), pos: ws[i].Start}, true
	}
	return cueMention{}, false
}

// passiveAgent reads the agent of a passive speech verb right before a
// quote: "the company" in "the rocket, billed by the company as “…”".
func passiveAgent(ws []word) (cueMention, bool) {
	n := len(ws)
	if n < 4 || ws[n-1].lower() != "as" {
		return cueMention{}, false
	}
	for b := n - 2; b >= 1 && b >= n-8; b-- {
		if ws[b].punct {
			break
		}
		verb := ws[b-1].lower()
		if ws[b].lower() != "by" || !strings.HasSuffix(verb, "ed") {
			continue
		}
		if m, k, ok := subjectAt(ws[b+1 : n-1]); ok && k == n-1-(b+1) && m.kind != 'p' {
			m.cue = verb
			return m, true
		}
		break
	}
	return cueMention{}, false
}

// afterLabel moves the start of quote q, a transcript's paragraph quoted
// whole ("PENCE: Well, look, …"), past its speaker's label and the space
// after it: the label says who speaks; the words spoken follow it. A label
// with no words after it is left as the quote.
func afterLabel(body string, q *Quote, label []word) {
	end := label[len(label)-1].End
	if end > q.End {
		return
	}
	_, spoken, ok := strings.Cut(body[end:q.End], ":")
	if spoken = strings.TrimLeftFunc(spoken, unicode.IsSpace); ok && spoken != "" {
		q.Start, q.Text = q.End-len(spoken), spoken
	}
}

// transcriptLabel returns the number of words of an upper-case speaker's
// label that opens ws ("MAYOR ELENA MARSH:"), or 0.
func transcriptLabel(ws []word) int {
	for k, w := range ws {
		if w.text == ":" {
			return k
		}
		if k == 4 || w.punct || !inUpperCase(w.text) || !w.capital() {
			return 0
		}
	}
	return 0
}

// nestedCue finds the cue of a quote inside the quote outer, within the
// words of outer.
func (f *speakerFinder) nestedCue(q *Quote, s quoteSpan, outer *Quote) (cueMention, bool) {
	body := f.d.report.Body
	f.ws = splitWords(body, Span{s.Close.End, min(outer.End, s.Close.End+160)}, f.ws[:0])
	if m, ok := postCue(f.ws); ok {
		return m, true
	}
	f.ws = splitWords(body, Span{max(outer.Start, s.Open.Start-200), s.Open.Start}, f.ws[:0])
	if len(f.ws) > 0 {
		// "Uma's response was 'OK'": a possessive owner right before.
		n := len(f.ws)
		for k := n - 1; k >= max(0, n-4); k-- {
			t := f.ws[k].text
			if (strings.HasSuffix(t, "'s") || strings.HasSuffix(t, "’s")) && f.ws[k].capital() {
				w := f.ws[k]
				w.text = t[:len(t)-len("'s")]
				if strings.HasSuffix(t, "’s") {
					w.text = t[:len(t)-len("’s")]
				}
				w.End = w.Start + len(w.text)
				return cueMention{words: []word{w}, kind: 'n', cue: "said", pos: w.Start}, true
			}
		}
	}
	m, ok := preCue(f.ws)
	if ok && m.kind == 'p' {
		if n, named := f.namedInQuote(outer, m); named {
			return n, true
		}
	}
	return m, ok
}

// namedInQuote resolves the pronoun of cue m, inside quote outer, to a
// person the quotes of its paragraph name before it: "Quentin came in my trailer.
// … He said: 'I promise you the car is fine.'" It reports false when the
// quote names no such person.
func (f *speakerFinder) namedInQuote(outer *Quote, m cueMention) (cueMention, bool) {
	want := pronounGender(m.words[0].lower())
	if want == 0 {
		return cueMention{}, false
	}
	p := f.d.paragraphs[outer.Paragraph]
	inQuote := func(pos int) bool {
		return slices.ContainsFunc(p.quotes, func(s quoteSpan) bool { return s.depth == 0 && s.Start <= pos && pos < s.End })
	}
	ws := splitWords(f.d.report.Body, Span{max(p.Start, m.pos-400), m.pos}, nil)
	for k := len(ws) - 1; k >= 0; k-- {
		w := ws[k]
		if !isNameWord(w) || w.text == "I" || k+1 < len(ws) && ws[k+1].capital() || k > 0 && ws[k-1].capital() || !inQuote(w.Start) {
			continue
		}
		// A person the report names, or a given name of the pronoun's
		// gender the report gives only there.
		if e := f.cast.lookup(w.text, 0, false, m.pos); e != nil && e.isPerson() && e.genderGuess() == want || e == nil && givenNameGender(w.lower()) == want {
			return cueMention{words: ws[k : k+1], kind: 'n', cue: m.cue, pos: w.Start}, true
		}
	}
	return cueMention{}, false
}

// sentenceStart returns where the sentence of paragraph p holding pos
// starts.
func sentenceStart(p paragraph, pos int) int {
	i := sort.Search(len(p.sentences), func(i int) bool { return p.sentences[i].Start > pos })
	if i == 0 {
		return p.Start
	}
	return p.sentences[i-1].Start
}

// postCue reads a cue right after a quote: "…," Kirby said; "…," said the
// official; "…," according to the ministry; "…," Khan, who …, said.
func postCue(ws []word) (cueMention, bool) {
	// A signature: "…" ― Christina Lastra.
	if len(ws) > 1 && strings.ContainsAny(ws[0].text, "―—–") && isNameWord(ws[1]) {
		if e := nameRunEnd(ws, 1); e == len(ws) || ws[e].punct {
			return cueMention{words: ws[1:e], kind: 'n', cue: ws[0].text, pos: ws[1].Start}, true
		}
	}
	i := 0
	for i < len(ws) && ws[i].punct && strings.ContainsAny(ws[i].text, ",—–-.―") {
		i++
	}
	if i < len(ws) && ws[i].lower() == "as" {
		i++ // "…," as Wendt phrased it
	}
	if i >= len(ws) || i > 2 {
		return cueMention{}, false
	}
	if ws[i].lower() == "according" && i+1 < len(ws) && ws[i+1].lower() == "to" {
		if m, ok := subjectForward(ws[i+2:]); ok {
			m.cue = "according to"
			return m, true
		}
		return cueMention{}, false
	}
	if isCueVerb(ws[i].lower()) && !participles[ws[i].lower()] {
		// "said Kirby", but not "told Business Insider": who is told
		// listens; nor "suggests that Phoenix", a clause.
		if i+1 < len(ws) && ws[i+1].lower() == "that" {
			return cueMention{}, false
		}
		if m, ok := subjectForward(ws[i+1:]); ok && !listenerVerbs[ws[i].lower()] {
			m.cue = ws[i].lower()
			return m, true
		}
		return cueMention{}, false
	}
	m, k, ok := subjectAt(ws[i:])
	if !ok {
		return cueMention{}, false
	}
	j := skipAsides(ws, affiliationEnd(ws, i+k))
	for j < len(ws) && adverbs[ws[j].lower()] {
		j++
	}
	if j < len(ws) && isCueAt(ws, j) && !participles[ws[j].lower()] && !(j+1 < len(ws) && spokenObjects[ws[j+1].lower()]) {
		m.cue = ws[j].lower()
		return m, true
	}
	return cueMention{}, false
}

// spokenObjects are what a speech verb says in their place, so that the
// verb introduces no quote: "…," Melanie said yes.
var spokenObjects = setOf("yes", "no", "nothing", "something", "goodbye", "hello", "thanks", "little", "otherwise")

// affiliationEnd returns the index after an affiliation that follows a
// name at ws[j] — "of the Sierra Club" in "Mr. Morgan of the Sierra Club
// said" — or j when there is none.
func affiliationEnd(ws []word, j int) int {
	if j >= len(ws) || !(ws[j].lower() == "of" || ws[j].lower() == "at" || ws[j].lower() == "from") {
		return j
	}
	k := j + 1
	if k < len(ws) && determiners[ws[k].lower()] {
		k++
	}
	if k < len(ws) && ws[k].capital() {
		return nameRunEnd(ws, k)
	}
	return j
}

// skipAside returns the index after an aside that opens at ws[j] — a
// comma-enclosed apposition (", a spokesman for the ministry,") or a
// bracket — or j when there is none.
func skipAside(ws []word, j int) int {
	closer := ","
	if ws[j].text == "(" {
		closer = ")"
	}
	for k := j + 1; k < len(ws) && k < j+30; k++ {
		if ws[k].text == closer {
			return k + 1
		}
		if closer == "," && (ws[k].text == "." || speechVerbs[ws[k].lower()]) {
			return j
		}
	}
	return j
}

// skipAsides returns the index after the asides that follow a name at
// ws[k] — "the spokesman, Mallam Garba Shehu, said", "Rep. Jim Jordan
// (R-Ohio), an oversight panel member, said", "Lawan Zanna, the father of
// Aisha Zanna, one of the abducted girls, said" — and the adverbs after
// them, or k when there are none.
func skipAsides(ws []word, k int) int {
	for range 3 {
		switch {
		case k+1 < len(ws) && ws[k].text == "," && speechVerbs[ws[k+1].lower()]:
			return k + 1
		case k < len(ws) && (ws[k].text == "," || ws[k].text == "("):
			e := skipAside(ws, k)
			if e == k {
				return k
			}
			if ws[e-1].text == "," && e < len(ws) && !speechVerbs[ws[e].lower()] && !isAdverb(ws[e]) {
				k = e - 1 // the comma that closes one aside opens the next
				continue
			}
			if ws[e-1].text == ")" && e < len(ws) && ws[e].text == "," {
				k = e // a bracket, then an aside set off by commas
				continue
			}
			return skipAdverbs(ws, e)
		default:
			return k
		}
	}
	return k
}

// subjectForward reads who follows a speech verb: "said Kirby", "said the
// Pentagon's spokesman", "said he".
func subjectForward(ws []word) (cueMention, bool) {
	m, _, ok := subjectAt(ws)
	return m, ok
}

// subjectAt reads a speaker at the start of ws — a pronoun, a name or a
// description — and returns it with the number of words it takes. A name
// after a role ("analyst Daniel Ives", "Swiss ministry spokesman Pierre
// Eltschinger", "his representative Holly Baird") or in apposition to a
// description ("the friend, Ilona Herman") is the speaker.
func subjectAt(ws []word) (cueMention, int, bool) {
	if len(ws) == 0 || ws[0].punct {
		return cueMention{}, 0, false
	}
	w := ws[0]
	lw := w.lower()
	if personPronouns[lw] && lw != "who" {
		return cueMention{words: ws[:1], kind: 'p', pos: w.Start}, 1, true
	}
	if (w.capital() || lw == "the" && len(ws) > 1 && isProperWord(ws[1])) && (isNameWord(w) || len(ws) > 1 && isNameWord(ws[1])) {
		j := nameRunEnd(ws, 0)
		if t := ws[j-1].text; isPossessive(t) && j < len(ws) && !ws[j].punct && !speechVerbs[ws[j].lower()] {
			// "Qualcomm's board", "Weinstein's spokeswoman Holly Baird"
			k := descriptionEnd(ws, j)
			return namedDescription(ws, k)
		}
		if k := roleEnd(ws, j); k > j && isNameWord(ws[k]) {
			return roleName(ws, k)
		}
		if j < len(ws) && isBareGroup(ws[j].lower()) {
			return cueMention{words: ws[:j+1], kind: 'd', pos: w.Start}, j + 1, true // "SpaceX officials"
		}
		if j < len(ws) && isBodyHead(ws[j].lower()) {
			return cueMention{words: ws[:j+1], kind: 'n', pos: w.Start}, j + 1, true // "The Bring Back Our Girls campaign"
		}
		if m, e, ok := apposedName(ws, j); ok && namePart(afterPossessive(ws[:j])) == 0 {
			return m, e, true // "Common Sense's CEO, James Steyer,"
		}
		return cueMention{words: ws[:j], kind: 'n', pos: w.Start}, j, true
	}
	if k := roleEnd(ws, 0); k > 0 && isNameWord(ws[k]) {
		return roleName(ws, k)
	}
	if determiners[lw] {
		return namedDescription(ws, descriptionEnd(ws, 1))
	}
	if isBareGroup(lw) {
		return cueMention{words: ws[:1], kind: 'd', pos: w.Start}, 1, true
	}
	return cueMention{}, 0, false
}

// roleName reads the name at ws[k] after a role that opens ws — "analyst
// Daniel Ives" — unless the name is a possessive and the role and the name
// describe someone else: "presidential candidate Gary Johnson's doctor".
func roleName(ws []word, k int) (cueMention, int, bool) {
	e := nameRunEnd(ws, k)
	if isPossessive(ws[e-1].text) && e < len(ws) && !ws[e].punct && !speechVerbs[ws[e].lower()] {
		return namedDescription(ws, descriptionEnd(ws, e))
	}
	return cueMention{words: ws[k:e], kind: 'n', pos: ws[k].Start}, e, true
}

// namedDescription makes a speaker of the description ws[:k]: the name
// it ends with or that follows it in apposition, else the description.
func namedDescription(ws []word, k int) (cueMention, int, bool) {
	if k == 0 {
		return cueMention{}, 0, false
	}
	// "his representative Holly Baird", "the 58-year-old Horomanski", but
	// not "a representative for Thurman, Leslie Sloane," nor "Common
	// Sense's CEO, James Steyer,".
	n := k
	for n > 1 && ws[n-1].capital() && !isPossessive(ws[n-1].text) && !notNames[ws[n-1].lower()] {
		n--
	}
	apposed := k+1 < len(ws) && ws[k].text == "," && isNameWord(ws[k+1])
	if n < k && n > 0 && (!ws[n-1].capital() || isPossessive(ws[n-1].text)) && !notNames[ws[n].lower()] && !(apposed && (prepositions[ws[n-1].lower()] || namePart(ws[n:k]) == 0)) {
		return cueMention{words: ws[n:k], kind: 'n', pos: ws[n].Start}, k, true
	}
	// "the friend, Ilona Herman, said"
	if m, e, ok := apposedName(ws, k); ok {
		return m, e, true
	}
	return cueMention{words: ws[:k], kind: 'd', pos: ws[0].Start}, k, true
}

// apposedName reads a name set off by a comma at ws[k] — ", Ilona Herman,"
// or, after a role, ", state Del. Marcia Price" — that ends at a mark or a
// speech verb, and returns it with the index after it.
func apposedName(ws []word, k int) (cueMention, int, bool) {
	if k+1 >= len(ws) || ws[k].text != "," {
		return cueMention{}, 0, false
	}
	n := k + 1
	if r := roleEnd(ws, n); r > n && isNameWord(ws[r]) {
		n = r
	}
	if !isNameWord(ws[n]) {
		return cueMention{}, 0, false
	}
	e := nameRunEnd(ws, n)
	if e == len(ws) || ws[e].punct || speechVerbs[ws[e].lower()] {
		return cueMention{words: ws[n:e], kind: 'n', pos: ws[n].Start}, e, true
	}
	return cueMention{}, 0, false
}

// afterPossessive returns the words of ws after its last possessive, or
// ws when it has none.
func afterPossessive(ws []word) []word {
	for i := len(ws) - 1; i >= 0; i-- {
		if isPossessive(ws[i].text) {
			return ws[i+1:]
		}
	}
	return ws
}

// nameRunEnd returns the index after the run of capitalised words (and
// the particles between them) that starts at ws[i]. A headline's verb
// ends the run — "Lindsey Graham Says" — unless a lower-case word before
// the run shows the text is no headline: "the United States".
func nameRunEnd(ws []word, i int) int {
	headline := i == 0 || ws[i-1].punct || ws[i-1].capital()
	j := i + 1
	for j < len(ws) {
		switch lw := ws[j].lower(); {
		case ws[j].capital() && headline && isHeadlineVerb(lw):
			return j
		case ws[j].capital():
			j++
		case isConnector(ws[j].lower()) && j+1 < len(ws) && ws[j+1].capital():
			j++
		case isConnector(ws[j].lower()) && j+2 < len(ws) && ws[j+1].lower() == "the" && ws[j+2].capital():
			j += 2 // International Committee of the Red Cross
		default:
			return j
		}
	}
	return j
}

// inNameRun reports whether ws[v], capitalised, goes on a run of
// capitalised words that a lower-case word opens before it: "States" in
// "the United States" is a name's word, not a verb, as "Says" in the
// headline "Lindsey Graham Says" is not.
func inNameRun(ws []word, v int) bool {
	if !ws[v].capital() {
		return false
	}
	k := v - 1
	for k >= 0 && ws[k].capital() {
		k--
	}
	return k >= 0 && k < v-1 && !ws[k].punct
}

// isHeadlineVerb reports whether the lower-cased w is a speech verb in
// the present tense of a headline: "Says", "Accuses".
func isHeadlineVerb(w string) bool {
	stem, ok := strings.CutSuffix(w, "s")
	return ok && (speechVerbs[w] || speechVerbs[stem+"d"])
}

// isConnector reports whether w may join the capitalised words of one
// name: a particle (Ursula von der Leyen) or "of" and "for" in an
// organisation's name (Center for Humane Technology).
func isConnector(w string) bool { return nameParticles[w] || w == "of" || w == "for" }

// roleEnd returns the index after up to three lower-case words of a role
// starting at ws[i] ("foreign ministry spokesman"), or i when there are
// none.
func roleEnd(ws []word, i int) int {
	k := i
	for k < len(ws) && k < i+3 && !ws[k].punct && !ws[k].capital() {
		lw := ws[k].lower()
		if speechVerbs[lw] || isAdverb(ws[k]) || prepositions[lw] || determiners[lw] || personPronouns[lw] || clauseOpeners[lw] || lw == "who" || lw == "that" {
			return i
		}
		k++
	}
	if k == len(ws) {
		return i
	}
	return k
}

// afterPreposition reports whether the name m read from ws follows a
// preposition ("an ad in Iowa describing"), which makes it no subject.
func afterPreposition(ws []word, m cueMention) bool {
	for i, w := range ws {
		if w.Start == m.pos {
			// "with Steve Mollenkopf arguing" keeps its subject.
			return i > 0 && prepositions[ws[i-1].lower()] && ws[i-1].lower() != "with"
		}
	}
	return false
}

// isPartyTag reports whether w is a party and state tag: R-TX, D-Mo.
func isPartyTag(w string) bool {
	return len(w) >= 3 && strings.IndexByte("RDI", w[0]) >= 0 && w[1] == '-'
}

func isPossessive(t string) bool { return strings.HasSuffix(t, "'s") || strings.HasSuffix(t, "’s") }

// descriptionEnd returns where a description that starts ws ends: before
// punctuation, a speech verb, a conjunction, a verb in the past after its
// noun ("Oz's dubious advice earned him"), or after at most eight words.
func descriptionEnd(ws []word, from int) int {
	k := from
	for k < len(ws) && k < 9 && !ws[k].punct && !speechVerbs[ws[k].lower()] && !isAdverb(ws[k]) && !descriptionStops[ws[k].lower()] && !(k > from && isPastAfterNoun(ws, k)) {
		k++
	}
	return k
}

// isPastAfterNoun reports whether ws[k], a lower-case word in -ed after a
// lower-case word that is no number, is a verb in the past rather than a
// description's adjective: "advice earned", but not "two armed men".
func isPastAfterNoun(ws []word, k int) bool {
	w, p := ws[k].lower(), ws[k-1]
	if ws[k].capital() || !strings.HasSuffix(w, "ed") || len(w) < 5 || p.punct || p.capital() || strings.HasSuffix(p.lower(), "ed") {
		return false
	}
	return !isNumber(p.lower())
}

// subordinators open a clause of their own, though prepositions may
// stand in their place: "after the company said".
var subordinators = setOf("after", "before", "since", "until", "when", "while", "if", "although",
	"though", "because", "once", "as")

// descriptionStops end a description.
var descriptionStops = setOf("who", "which", "that", "and", "but", "or", "in", "on", "at", "during", "after")

// isBareGroup reports whether w names speakers without an article:
// "police said", "officials said".
func isBareGroup(w string) bool {
	switch w {
	case "police", "officials", "authorities", "witnesses", "residents", "prosecutors",
		"investigators", "critics", "experts", "analysts", "researchers", "scientists", "sources",
		"organizers", "organisers", "activists", "protesters", "doctors", "lawmakers", "democrats",
		"republicans", "aides", "officers", "troops", "students", "parents", "fans", "spokesmen":
		return true
	}
	return false
}

// preCue reads a cue before a quote in its sentence: Kirby said: "…";
// She called the car "…"; according to the ministry, "…"; MARSH: "…".
func preCue(ws []word) (cueMention, bool) {
	n := len(ws)
	if n == 0 {
		return cueMention{}, false
	}
	// A label: Name: "…"
	if ws[n-1].text == ":" && n >= 2 && ws[n-2].capital() {
		k := n - 2
		for k > 0 && (ws[k-1].capital() || nameParticles[ws[k-1].lower()]) {
			k--
		}
		if k == 0 {
			return cueMention{words: ws[k : n-1], kind: 'n', cue: ":", pos: ws[k].Start}, true
		}
	}
	if ws[n-1].text == ":" && n >= 3 && n <= 6 && !ws[n-2].capital() && ws[0].capital() && isRoleLabel(ws[:n-1]) {
		return cueMention{words: ws[:n-1], kind: 'd', cue: ":", pos: ws[0].Start}, true
	}
	// A name or pronoun before a speech verb beats a description before a
	// later one: Clinton says Trump's flurry of tweets was "unhinged".
	var desc cueMention
	found := false
	take := func(m cueMention, cue string) bool {
		m.cue = cue
		if m.kind == 'd' {
			if !found {
				desc, found = m, true
			}
			return false
		}
		desc = m
		return true
	}
	for v := n - 1; v >= 0 && v >= n-40; v-- {
		w := ws[v]
		if w.text == `"` && v < n-1 {
			break
		}
		lw := w.lower()
		if inNameRun(ws, v) {
			continue
		}
		if lw == "according" && v+1 < n && ws[v+1].lower() == "to" {
			if m, ok := subjectForward(ws[v+2:]); ok && take(m, "according to") {
				return desc, true
			}
			continue
		}
		if !isCueAt(ws, v) {
			continue
		}
		if participles[lw] {
			// "Parker, who said he objected, adding": whoever spoke last
			// in the sentence goes on; else "with CEO Steve Mollenkopf
			// arguing", else the clause's subject.
			if m, ok := lastSpeaker(ws[:v]); ok && take(m, lw) {
				return desc, true
			}
			if v > 0 && ws[v-1].text != "," {
				if m, ok := subjectBefore(ws[:v]); ok && m.kind != 'd' && !afterPreposition(ws, m) && take(m, lw) {
					return desc, true
				}
			}
			if m, ok := clauseSubject(ws[:v]); ok && take(m, lw) {
				return desc, true
			}
			continue
		}
		if isNounForm(ws, v) {
			continue
		}
		if m, ok := subjectBefore(ws[:v]); ok {
			if strings.HasSuffix(lw, "s") && afterPreposition(ws, m) {
				continue // "rated 32% of Republican claims as"
			}
			if take(m, lw) {
				return desc, true
			}
			continue
		}
		// "said Kirby:" — the speaker after the verb.
		if m, k, ok := subjectAt(ws[v+1:]); ok && m.kind != 'p' {
			if e := v + 1 + k; (e == n || ws[e].text == ":" || ws[e].text == ",") && take(m, lw) {
				return desc, true
			}
		}
	}
	return desc, found
}

// lastSpeaker reads the named subject of the last speech verb in ws, a
// sentence's words before a participle: "Sean Parker who said" in "Sean
// Parker who said he objected, adding".
func lastSpeaker(ws []word) (cueMention, bool) {
	for u := len(ws) - 1; u > 0 && u >= len(ws)-40; u-- {
		lw := ws[u].lower()
		if !isCueVerb(lw) || participles[lw] || isNounForm(ws, u) || inNameRun(ws, u) {
			continue
		}
		if m, ok := subjectBefore(ws[:u]); ok && m.kind == 'n' && !afterPreposition(ws, m) {
			return m, true
		}
		return cueMention{}, false
	}
	return cueMention{}, false
}

// isNounForm reports whether the speech verb ws[v], in a form that is
// also a noun, is the noun: a plural after a determiner or a possessive
// ("those reports", "her claims"), or the shot of "a screen shot".
func isNounForm(ws []word, v int) bool {
	if v > 0 && ws[v].lower() == "shot" && ws[v-1].lower() == "screen" {
		return true
	}
	if v == 0 || !strings.HasSuffix(ws[v].lower(), "s") {
		return false
	}
	p := ws[v-1]
	return determiners[p.lower()] || isPossessive(p.text)
}

// isRoleLabel reports whether ws, ending a label before a colon, names a
// role: capitalised words and then one lower-case role ("American
// Airlines spokesman").
func isRoleLabel(ws []word) bool {
	n := len(ws)
	if ws[n-1].punct || speechVerbs[ws[n-1].lower()] {
		return false
	}
	for _, w := range ws[:n-1] {
		if !w.capital() {
			return false
		}
	}
	return true
}

// subjectBefore reads the speaker that ends ws, right before a speech verb:
// "Kirby", "Imran Khan, who has …,", "the official", "she", "spurred
// Thurman to", "… but".
func subjectBefore(ws []word) (cueMention, bool) {
	n := len(ws)
	// "Theresa May said": a capitalised word after a name is the name's.
	for n > 0 && isAdverb(ws[n-1]) && !(ws[n-1].capital() && n >= 2 && isNameWord(ws[n-2])) {
		n--
	}
	if n == 0 {
		return cueMention{}, false
	}
	last := ws[n-1]
	switch lw := last.lower(); {
	case last.text == "," || last.text == ")":
		return asideSubject(ws[:n])
	case lw == "to" && n >= 2:
		// "spurred Thurman to note": the object before "to" speaks.
		k := n - 1
		if ws[k-1].capital() {
			s := k - 1
			for s > 0 && ws[s-1].capital() {
				s--
			}
			return cueMention{words: ws[s:k], kind: 'n', pos: ws[s].Start}, true
		}
		return cueMention{}, false
	case lw == "and" || lw == "but":
		return clauseSubject(ws[:n-1])
	case last.punct:
		return cueMention{}, false
	case lw == "which" && n >= 3 && ws[n-2].text == ",":
		// "the Log Cabin Republicans, a gay group, which said"
		if m, ok := asideSubject(ws[:n-1]); ok && m.kind != 'd' {
			return m, true
		}
		return subjectBefore(ws[:n-2])
	case personPronouns[lw]:
		if lw == "who" && n >= 3 && ws[n-2].text == "," {
			return subjectBefore(ws[:n-2])
		}
		if lw == "who" && n >= 2 && ws[n-2].capital() {
			return subjectBefore(ws[:n-1])
		}
		if lw == "who" {
			return cueMention{}, false
		}
		return cueMention{words: ws[n-1 : n], kind: 'p', pos: last.Start}, true
	case isPartyTag(last.text) && n >= 3 && ws[n-2].text == ",":
		return subjectBefore(ws[:n-2]) // "John Cornyn, R-TX,"
	case last.capital():
		k := n - 1
		for k > 0 && (ws[k-1].capital() || isConnector(ws[k-1].lower()) && k > 1 && ws[k-2].capital()) {
			k--
		}
		if t := ws[k].lower(); notNames[t] && k == n-1 {
			return cueMention{}, false
		}
		return cueMention{words: ws[k:n], kind: 'n', pos: ws[k].Start}, true
	case isBareGroup(lw):
		k := n - 1
		for k > 0 && !ws[k-1].punct && n-k < 6 && !speechVerbs[ws[k-1].lower()] && (ws[k-1].capital() || determiners[ws[k-1].lower()]) {
			k--
		}
		return cueMention{words: ws[k:n], kind: 'd', pos: ws[k].Start}, true
	}
	// A description: back to its determiner or possessive, across "and"
	// when one person holds both roles ("the former first lady and
	// senator").
	for k := n - 1; k >= 0 && k >= n-9; k-- {
		w := ws[k]
		if w.punct || speechVerbs[w.lower()] || descriptionStops[w.lower()] && w.lower() != "and" {
			break
		}
		if determiners[w.lower()] || isPossessive(w.text) {
			if k > 0 && prepositions[ws[k-1].lower()] && !subordinators[ws[k-1].lower()] {
				// "Protesters marching through the streets chanted": the
				// object of a preposition does not speak.
				return innerClauseSubject(ws[:k-1])
			}
			if k > 0 && ws[k-1].capital() && !determiners[w.lower()] {
				k-- // "American Airlines' spokesman"
				for k > 0 && ws[k-1].capital() {
					k--
				}
			}
			return cueMention{words: ws[k:n], kind: 'd', pos: ws[k].Start}, true
		}
	}
	return cueMention{}, false
}

// asideSubject reads the speaker of ws, which ends with an aside closed by
// a comma or bracket: the name in the aside when the aside is one
// ("Facebook's founding president, Sean Parker,"), else the speaker before
// it ("Imran Khan, who has been a critic,").
func asideSubject(ws []word) (cueMention, bool) {
	n := len(ws)
	open := ","
	if ws[n-1].text == ")" {
		open = "("
	}
	for k := n - 2; k >= 0 && k >= n-30; k-- {
		if open == "," && ws[k].text == "." {
			break
		}
		if ws[k].text != open {
			continue
		}
		inner := ws[k+1 : n-1]
		if open == "," && len(inner) > 1 && inner[0].lower() == "by" && k > 0 && authoredWorks[ws[k-1].lower()] {
			// "Saturday's article, by columnist Maureen Dowd," is its author's.
			if m, e, ok := subjectAt(inner[1:]); ok && m.kind == 'n' && e == len(inner)-1 {
				return m, true
			}
		}
		if open == "," && len(inner) > 0 && len(inner) <= 5 && inner[0].capital() && nameRunEnd(inner, 0) == len(inner) && k > 0 {
			if n := namePart(inner); n >= 2 || n == 1 && !ws[k-1].capital() {
				return cueMention{words: inner, kind: 'n', pos: inner[0].Start}, true
			}
		}
		if open == "," && len(inner) > 0 && relatives[inner[0].lower()] && k > 0 {
			// "Michael Mulgrew, president of the union, which represents
			// teachers, said": a relative clause after another aside.
			if m, ok := asideSubject(ws[:k+1]); ok {
				return m, true
			}
		}
		return subjectBefore(ws[:k])
	}
	return cueMention{}, false
}

// authoredWorks are writings whose author, set off after them ("the
// article, by Maureen Dowd,"), speaks for them.
var authoredWorks = setOf("article", "column", "piece", "op-ed", "essay", "story", "report",
	"editorial", "book", "letter", "post", "review", "interview", "profile")

// relatives open a relative clause.
var relatives = setOf("which", "who", "whose", "whom", "where")

// clauseSubject reads the subject of the clause ws: its first name,
// pronoun or description, after any opening phrase.
func clauseSubject(ws []word) (cueMention, bool) {
	start := clauseStart(ws)
	if m, _, ok := subjectAt(ws[start:]); ok {
		return m, true
	}
	return cueMention{}, false
}

// innerClauseSubject reads the subject of the last clause of ws that a
// subordinator opens ("where she appeared at a hearing" in "Oz's advice
// earned him notice, where he appeared at a hearing for saying"), else
// of the sentence's main clause.
func innerClauseSubject(ws []word) (cueMention, bool) {
	for r := len(ws) - 2; r > 0; r-- {
		if lw := ws[r].lower(); ws[r-1].text == "," && (subordinators[lw] || lw == "where") {
			if m, _, ok := subjectAt(ws[r+1:]); ok && m.kind != 'd' {
				return m, true
			}
			break
		}
	}
	return clauseSubject(ws)
}

// resolve turns a cue's mention into the speaker's fullest name, sets it
// on q and returns its entity when it names one.
func (f *speakerFinder) resolve(q *Quote, m cueMention) *entity {
	body := f.d.report.Body
	switch m.kind {
	case 'n':
		nr, ok := readName(body, m.words, f.cast.common)
		if !ok {
			// Only titles: "the Prime Minister".
			return f.describe(q, m)
		}
		e := f.cast.lookup(nr.name, nr.gender, nr.surname, m.pos)
		if e == nil {
			q.Speaker = nr.name
			return nil
		}
		q.Speaker = e.name
		return e
	case 'p':
		e := f.pronoun(m.words[0].lower(), m.pos, q.Paragraph)
		if e != nil {
			q.Speaker = e.name
		}
		return e
	}
	return f.describe(q, m)
}

// describe resolves a description: "the coach" is the entity last given
// that title, else the person last quoted nearby; "a witness" stays as
// written.
func (f *speakerFinder) describe(q *Quote, m cueMention) *entity {
	body := f.d.report.Body
	text := body[m.words[0].Start:m.words[len(m.words)-1].End]
	first := m.words[0].lower()
	if e := f.documentOwner(q, m); e != nil {
		q.Speaker = e.name
		return e
	}
	// "SpaceX officials said": those who speak for a body.
	if n := len(m.words); n >= 2 && isBareGroup(m.words[n-1].lower()) && m.words[n-2].capital() {
		k := n - 2
		for k > 0 && m.words[k-1].capital() {
			k--
		}
		name := body[m.words[k].Start:m.words[n-2].End]
		if e := f.cast.lookup(name, 0, false, m.pos); e != nil && !e.isPerson() {
			q.Speaker = e.name
			return e
		}
	}
	if first == "the" || first == "this" || first == "that" || m.words[0].capital() {
		head, h := "", 0
		for k, w := range m.words[1:] {
			if lw := w.lower(); lw == "of" || lw == "for" || lw == "with" {
				break
			}
			head, h = strings.TrimSuffix(w.lower(), "."), k+1
		}
		if e := f.titled(head, m.pos); e != nil {
			q.Speaker = e.name
			return e
		}
		if isBodyHead(head) {
			// "the Nigeria-based #Chibokgirls campaign", "Iran's
			// government": the body by the name it is given.
			k := h
			for k > 0 && isProperWord(m.words[k-1]) {
				k--
			}
			if k < h {
				q.Speaker = body[m.words[k].Start:m.words[h].End]
				return nil
			}
			// "the airline" for American Airlines.
			if e := f.namedBody(head, m.pos); e != nil {
				q.Speaker = e.name
				return e
			}
		}
		specific := false
		for _, w := range m.words[1:] {
			specific = specific || w.capital() && !strings.Contains(w.text, "-")
		}
		if isBodyHead(head) && !specific {
			if e := f.organisation(m.pos, q.Paragraph, false); e != nil {
				q.Speaker = e.name
				return e
			}
		} else if len(m.words) > 1 && (first == "the" || !m.words[0].capital()) && !allCapital(m.words[1:]) {
			// "the 21-year-old": the person last quoted nearby, else the
			// person in focus, as for a pronoun.
			e := f.pronoun("", m.pos, q.Paragraph)
			if f.last != nil && q.Paragraph-f.lastPara <= 3 {
				e = f.last
			}
			if e != nil && (e != f.last || q.Paragraph-f.lastPara <= 3) {
				q.Speaker = e.name
				return e
			}
		}
	}
	q.Speaker = text
	return nil
}

// documentOwner resolves a document that speaks to whoever it belongs
// to: "Apple's guidelines" to Apple, "its website" and "a company
// statement" to the organisation in question, "the center's website" to
// the center. It returns nil when the description is no such document.
func (f *speakerFinder) documentOwner(q *Quote, m cueMention) *entity {
	ws := m.words
	doc := -1
	for i, w := range ws {
		if isDocument(strings.TrimSuffix(w.lower(), ".")) {
			doc = i
			break
		}
	}
	if doc <= 0 {
		return nil
	}
	owner := ws[doc-1]
	switch lw := owner.lower(); {
	case lw == "its" || lw == "their" || isBodyHead(lw) || lw == "a" || lw == "an":
		// "according to a statement": the organisation in question's.
		return f.organisation(m.pos, q.Paragraph, true)
	case isPossessive(owner.text) && owner.capital():
		k := doc - 1
		for k > 0 && ws[k-1].capital() {
			k--
		}
		nr, ok := readName(f.d.report.Body, ws[k:doc], f.cast.common)
		if !ok {
			return nil
		}
		return f.cast.lookup(nr.name, nr.gender, nr.surname, m.pos)
	case isPossessive(owner.text) && !hasCapital(ws[1:doc]):
		head := strings.TrimSuffix(strings.TrimSuffix(lw, "'s"), "’s")
		if e := f.titled(head, m.pos); e != nil {
			return e
		}
		if e := f.namedBody(head, m.pos); e != nil && isBodyHead(head) {
			return e
		}
		if isBodyHead(head) {
			return f.organisation(m.pos, q.Paragraph, false)
		}
	}
	return nil
}

// isProperWord reports whether w is a word of a proper name, a hashtag
// included, rather than a sentence starter or a compound adjective
// ("Nigeria-based").
func isProperWord(w word) bool {
	return (isNameWord(w) || strings.HasPrefix(w.text, "#")) && !strings.Contains(w.text, "-")
}

// namedBody returns the organisation named lately whose name holds the
// description's head word: "the airline" for American Airlines, "the
// center" for the Center for Humane Technology; or nil.
func (f *speakerFinder) namedBody(head string, pos int) *entity {
	ms := f.cast.mentions
	end := f.cast.before(pos)
	for i := end - 1; i >= max(0, end-recentMentions); i-- {
		if e := ms[i].ent; e.isBody() && nameHasWord(e.name, head) {
			return e
		}
	}
	return nil
}

// nameHasWord reports whether one of the words of name is w, in either
// case and perhaps in the plural.
func nameHasWord(name, w string) bool {
	for f := range strings.FieldsSeq(name) {
		f = strings.ToLower(f)
		if f == w || f == w+"s" {
			return true
		}
	}
	return false
}

// allCapital reports whether every one of ws is capitalised: "the
// Associated Press" names a body, it does not describe a person.
func allCapital(ws []word) bool {
	for _, w := range ws {
		if !w.capital() {
			return false
		}
	}
	return true
}

// hasCapital reports whether any of ws is capitalised.
func hasCapital(ws []word) bool {
	for _, w := range ws {
		if w.capital() {
			return true
		}
	}
	return false
}

// isDocument reports whether w names something that speaks for its
// owner: a statement, a website, a post.
func isDocument(w string) bool {
	switch w {
	case "statement", "website", "site", "blog", "page", "account", "letter", "tweet", "post",
		"guidelines", "release", "feed", "memo", "filing", "announcement", "apology", "remarks",
		"comments", "speech", "ad", "advertisement":
		return true
	}
	return false
}

// organisation returns the body a report last made the subject of a
// sentence, in this paragraph or the two before; else, with fallback, the
// body most often a subject lately; or nil.
func (f *speakerFinder) organisation(pos, para int, fallback bool) *entity {
	ms := f.cast.mentions
	end := f.cast.before(pos)
	stop := max(0, end-recentMentions)
	near := f.d.paragraphs[max(0, para-2)].Start
	// A body that speaks comes before one that is only a subject.
	var subject *entity
	for i := end - 1; i >= stop && ms[i].pos >= near; i-- {
		if e := ms[i].ent; ms[i].subject && e.isBody() {
			if e.spoke {
				return e
			}
			if subject == nil {
				subject = e
			}
		}
	}
	if subject != nil {
		return subject
	}
	if !fallback {
		return nil
	}
	// Else the body most often a subject lately.
	count := map[*entity]int{}
	var best *entity
	for i := end - 1; i >= stop; i-- {
		if e := ms[i].ent; ms[i].subject && e.isBody() {
			count[e]++
			if best == nil || count[e] > count[best] {
				best = e
			}
		}
	}
	if best != nil {
		return best
	}
	// Else an organisation named nearby, though not as a subject: "a
	// coalition called the Center for Humane Technology".
	for i := end - 1; i >= stop && ms[i].pos >= near; i-- {
		if e := ms[i].ent; e.org {
			return e
		}
	}
	return nil
}

// isBodyHead reports whether a description's head word names a company,
// organisation or body rather than a person.
func isBodyHead(head string) bool {
	switch head {
	case "company", "firm", "group", "airline", "carrier", "organization", "organisation",
		"agency", "ministry", "department", "government", "administration", "campaign", "board",
		"bank", "network", "startup", "maker", "manufacturer", "retailer", "chipmaker",
		"automaker", "developer", "publisher", "service", "team", "club", "league", "union",
		"party", "committee", "commission", "council", "office", "institute", "foundation",
		"charity", "coalition", "center", "centre", "court", "website", "site", "app":
		return true
	}
	return false
}

// titled returns the entity most recently named before pos with the title
// head ("minister" for "Prime Minister Imran Khan"), or nil.
func (f *speakerFinder) titled(head string, pos int) *entity {
	ms := f.cast.mentions
	end := f.cast.before(pos)
	for i := end - 1; i >= max(0, end-recentMentions); i-- {
		for _, t := range ms[i].ent.titles {
			if sameTitle(t, head) {
				return ms[i].ent
			}
		}
	}
	return nil
}

// titleKinds gives the titles that name one office in different words.
var titleKinds = map[string]string{
	"rep": "representative", "congressman": "representative", "congresswoman": "representative",
	"lawmaker": "representative", "sen": "senator", "gov": "governor", "gen": "general",
	"prof": "professor", "dr": "doctor", "pres": "president", "spokeswoman": "spokesman",
	"spokesperson": "spokesman", "chairwoman": "chairman", "chair": "chairman",
	"chairperson": "chairman", "ceo": "executive", "premier": "minister",
}

// sameTitle reports whether two titles name one office: "rep" and
// "congressman".
func sameTitle(a, b string) bool {
	if ka, ok := titleKinds[a]; ok {
		a = ka
	}
	if kb, ok := titleKinds[b]; ok {
		b = kb
	}
	return a == b
}

// pronoun resolves a pronoun at pos in paragraph para. In this paragraph
// and the one before, a subject who speaks and is known to be of the
// pronoun's gender comes first, then one who speaks, then any subject;
// then the person last quoted; then a subject further back. "he" and
// "she" skip people known to be of the other gender.
func (f *speakerFinder) pronoun(p string, pos, para int) *entity {
	want := pronounGender(p)
	switch p {
	case "i", "we":
		return nil
	case "it":
		return f.organisation(pos, para, false)
	}
	fits := func(e *entity) bool {
		g := e.genderGuess()
		return e.isPerson() && (want == 0 || g == 0 || g == want)
	}
	ms := f.cast.mentions
	end := f.cast.before(pos)
	stop := max(0, end-recentMentions)
	// A subject earlier in the pronoun's own sentence: "Ban Ki-moon
	// condemned what he called …".
	for i, from := end-1, sentenceStart(f.d.paragraphs[para], pos); i >= stop && ms[i].pos >= from; i-- {
		if ms[i].subject && ms[i].ent.person && fits(ms[i].ent) {
			return ms[i].ent
		}
	}
	near := f.d.paragraphs[f.paragraphBefore(para)].Start
	known := func(e *entity) bool { return want != 0 && e.genderGuess() == want }
	var spokeKnown, spokeSince, spoke, anyKnown, any *entity
	i := end - 1
	for ; i >= stop && ms[i].pos >= near; i-- {
		e := ms[i].ent
		if !ms[i].subject || !fits(e) {
			continue
		}
		switch {
		case e.spoke && known(e) && spokeKnown == nil:
			spokeKnown = e
		case e.spoke && ms[i].pos > f.lastPos && spokeSince == nil:
			spokeSince = e
		case e.spoke && spoke == nil:
			spoke = e
		case known(e) && anyKnown == nil:
			anyKnown = e
		case any == nil:
			any = e
		}
	}
	last := f.last
	if last != nil && !fits(last) && p != "they" {
		last = nil
	}
	for _, e := range []*entity{spokeKnown, spokeSince, knownOnly(last, known), spoke, anyKnown, any} {
		if e != nil {
			return e
		}
	}
	// Further back, a subject known to be of the pronoun's gender beats
	// the person last quoted when that one's gender is unknown.
	if last == nil || !known(last) {
		for k := i; k >= stop; k-- {
			if ms[k].subject && fits(ms[k].ent) && known(ms[k].ent) {
				return ms[k].ent
			}
		}
	}
	if last != nil {
		return last
	}
	for k := i; k >= stop; k-- {
		if ms[k].subject && fits(ms[k].ent) {
			return ms[k].ent
		}
	}
	// "For Mr. Tan, … he and his team": a person of the pronoun's gender
	// named nearby, though not as a subject.
	for k := end - 1; k >= stop && ms[k].pos >= near; k-- {
		if fits(ms[k].ent) && known(ms[k].ent) {
			return ms[k].ent
		}
	}
	return nil
}

// pronounGender returns 'm' for "he", 'f' for "she", else 0: the gender,
// as genderGuess gives it, of the person a pronoun stands for.
func pronounGender(p string) byte {
	switch p {
	case "he":
		return 'm'
	case "she":
		return 'f'
	}
	return 0
}

// paragraphBefore returns the index of the paragraph before para, going
// back over a caption — a line that ends without a full stop, as "Coach
// Glynn Cyprien tweeted that the airline needs 'training'" under a
// picture — to the one before it.
func (f *speakerFinder) paragraphBefore(para int) int {
	k := max(0, para-1)
	p := f.d.paragraphs[k]
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(f.d.report.Body[p.Start:p.End]))
	if k > 0 && !strings.ContainsRune(".!?:\"”", r) {
		k--
	}
	return k
}

// knownOnly returns e when known(e), else nil.
func knownOnly(e *entity, known func(*entity) bool) *entity {
	if e != nil && known(e) {
		return e
	}
	return nil
}

// hasSpeechCue reports whether s, the text right after a quote, starts
// with a speech cue.
func hasSpeechCue(s string) bool {
	ws := splitWords(s, Span{0, len(s)}, nil)
	_, ok := postCue(ws)
	return ok
}

// withoutLegalForm drops the legal form that closes a firm's name
// ("Broadcom Ltd", "Qualcomm Inc."): a firm speaks under its name, and
// reports that leave the form out name the same speaker.
func withoutLegalForm(name string) string {
	last := lastField(name)
	if !legalForms[strings.ToLower(strings.TrimRight(last, "."))] || last == strings.TrimSpace(name) {
		return name // no legal form, or nothing before it
	}
	words := strings.Fields(name)
	return strings.TrimRight(strings.Join(words[:len(words)-1], " "), ",")
}

// legalForms are the abbreviations of the legal form of a firm, without
// their full stops.
var legalForms = setOf("inc", "ltd", "corp", "co", "llc", "plc", "nv", "n.v", "ag", "sa", "s.a", "gmbh", "lp", "llp")

// displayName writes a name that a transcript label gives in capitals
// ("ELENA MARSH") the way the rest of a report would ("Elena Marsh").
// Single capitalised words (NAACP) may be acronyms and stay as they are.
func displayName(name string) string {
	if !strings.Contains(name, " ") || !inUpperCase(name) || strings.ToLower(name) == name {
		return name
	}
	words := strings.Fields(name)
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(r) + strings.ToLower(w[n:])
	}
	return strings.Join(words, " ")
}
