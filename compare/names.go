package compare

import (
	"iter"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is a word or punctuation mark of the text outside quotes, as the
// speaker rules read it.
type word struct {
	Span
	text  string
	punct bool
	// low is text lower-cased, when splitWords read the word.
	low string
}

// lower returns the word lower-cased.
func (w word) lower() string {
	if w.low != "" {
		return w.low
	}
	return strings.ToLower(w.text)
}

// capital reports whether the word starts with a capital letter.
func (w word) capital() bool {
	r, _ := utf8.DecodeRuneInString(w.text)
	return !w.punct && unicode.IsUpper(r)
}

// splitWords cuts span s of body into words and punctuation marks. A word
// keeps inner apostrophes, hyphens and dots (O'Neill, Ocasio-Cortez, U.S.)
// and the full stop of a title or initial (Mr., J.).
func splitWords(body string, s Span, out []word) []word {
	i := s.Start
	for i < s.End {
		r, n := utf8.DecodeRuneInString(body[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		hashtag := (r == '#' || r == '@') && i+n < s.End && nextIsWord(body[i+n:s.End])
		if !isWordRune(r) && !hashtag {
			out = append(out, word{Span: Span{i, i + n}, text: body[i : i+n], punct: true})
			i += n
			continue
		}
		j := i + n
		for j < s.End {
			r, m := utf8.DecodeRuneInString(body[j:])
			if isWordRune(r) || isMojibakeTail(body[i:j], r) {
				j += m
				continue
			}
			if r == '\'' || r == '’' || r == '-' || r == '.' || r == '‑' {
				if j+m < s.End {
					next, _ := utf8.DecodeRuneInString(body[j+m:])
					if isWordRune(next) {
						j += m
						continue
					}
				}
			}
			break
		}
		if j < s.End && body[j] == '.' {
			w := strings.ToLower(body[i:j])
			if titleAbbrevs[w] || utf8.RuneCountInString(w) == 1 || strings.Contains(w, ".") || isStateTag(body[i:j]) || body[i:j] == "Del" && nextIsCapital(body[j+1:s.End]) {
				j++
			}
		}
		out = append(out, word{Span: Span{i, j}, text: body[i:j], low: strings.ToLower(body[i:j])})
		i = j
	}
	return out
}

// isStateTag reports whether w is a party and state tag whose state is
// abbreviated, so that a full stop after it is the abbreviation's:
// "R-Ky." in "Mitch McConnell, R-Ky., said".
func isStateTag(w string) bool {
	if !isPartyTag(w) {
		return false
	}
	for _, r := range w[2:] {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return len(w) <= 8
}

// isMojibakeTail reports whether r, a Latin-1 sign after "Ã" or "Â",
// is the second half of a letter whose UTF-8 bytes were read as Latin-1:
// "FranÃ§ois" stays one word.
func isMojibakeTail(before string, r rune) bool {
	p, _ := utf8.DecodeLastRuneInString(before)
	return (p == 'Ã' || p == 'Â') && r >= 0x80 && r <= 0xBF
}

// nextIsCapital reports whether s, after spaces, starts with a capital:
// "Del." before a name is the title Delegate.
func nextIsCapital(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, " "))
	return unicode.IsUpper(r)
}

// nextIsWord tells whether s starts with a letter, digit or mark.
func nextIsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

// Words that shape how a name is read.
var (
	// titleWords come before a name and are not part of it.
	titleWords = setOf("president", "vice", "secretary", "minister", "prime", "deputy", "press",
		"spokesman", "spokeswoman", "spokesperson", "mayor", "governor", "gov.", "senator", "sen.",
		"rep.", "representative", "congressman", "congresswoman", "chairman", "chairwoman", "chair",
		"director", "chief", "officer", "ceo", "cfo", "coo", "cto", "executive", "manager", "general",
		"gen.", "lt.", "col.", "maj.", "capt.", "sgt.", "admiral", "adm.", "commander", "cmdr.",
		"commissioner", "judge", "justice", "attorney", "ambassador", "leader", "speaker",
		"chancellor", "premier", "king", "queen", "prince", "princess", "pope", "bishop",
		"archbishop", "cardinal", "rabbi", "imam", "rev.", "reverend", "dr.", "prof.", "professor",
		"mr.", "mrs.", "ms.", "mr", "mrs", "ms", "dr", "miss", "prof", "rival", "sir", "dame", "lord", "lady", "coach",
		"founder", "co-founder", "sheriff", "superintendent", "inspector", "detective", "constable",
		"trooper", "councilman", "councilwoman", "councillor", "councilor", "alderman",
		"assemblyman", "assemblywoman", "delegate", "treasurer", "comptroller", "editor", "analyst",
		"economist", "correspondent", "anchor", "host", "captain", "colonel", "major", "lieutenant",
		"sergeant", "corporal", "state", "former", "retired", "acting", "interim", "senior", "sr.",
		"nominee", "candidate", "head", "lawyer", "attorney-general", "president-elect",
		"chairperson", "commander-in-chief", "spokesmen", "officials", "official", "actress",
		"actor", "producer", "filmmaker", "star", "sen", "rep", "gov", "gen", "vp", "u.s.", "us",
		"uk", "gop", "republican", "democrat", "democratic", "alhaji", "sheikh", "emir", "sultan",
		"ayatollah", "mufti", "hajiya", "mallam", "chief", "dean", "principal", "provost", "rector",
		"chancellor", "governor-general", "first", "lady", "minister-president", "mp", "mep", "msp",
		"del.")
	// nameParticles join the words of a name in lower case.
	nameParticles = setOf("de", "van", "von", "der", "den", "bin", "ibn", "al", "el", "da", "di",
		"la", "le", "du", "del", "dos", "das", "ter", "y")
	// notNames are capitalised words that start sentences or name days,
	// not people.
	notNames = setOf("the", "a", "an", "but", "and", "or", "in", "on", "at", "as", "when", "after",
		"before", "while", "if", "then", "also", "meanwhile", "however", "still", "yet", "so", "now",
		"for", "with", "by", "from", "to", "of", "this", "that", "these", "those", "his", "her",
		"their", "its", "our", "my", "your", "he", "she", "it", "they", "we", "i", "you", "there",
		"here", "what", "why", "how", "who", "where", "monday", "tuesday", "wednesday", "thursday",
		"friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
		"july", "august", "september", "october", "november", "december", "today", "yesterday",
		"tomorrow", "last", "next", "earlier", "later", "asked", "speaking", "according", "read",
		"more", "related", "watch", "photo", "image", "video", "advertisement", "follow", "in",
		"until", "though", "although", "because", "since", "during", "about", "over", "under",
		"like", "just", "even", "only", "not", "no", "yes", "all", "both", "each", "every", "one",
		"two", "many", "most", "some", "several", "other", "another", "such", "instead", "despite",
		"among", "amid", "through", "without", "within", "against", "toward", "towards", "upon",
		"whether", "do", "does", "did", "is", "are", "was", "were", "be", "has", "have", "had",
		"will", "would", "can", "could", "should", "must", "may", "might", "let", "let's", "please",
		"thank", "thanks", "oh", "well", "yeah", "ok", "okay", "look", "sure", "dear", "hi", "hello",
		"mr", "ms", "mrs", "editor's", "note", "update", "updated", "correction", "breaking", "nor")
	// orgWords mark a name as an organisation's or a place's.
	orgWords = setOf("department", "ministry", "party", "inc", "inc.", "corp", "corp.", "company",
		"co.", "ltd", "university", "college", "school", "times", "news", "post", "journal",
		"house", "senate", "congress", "council", "committee", "association", "union", "bank",
		"group", "agency", "office", "police", "army", "forces", "airlines", "airline", "airways",
		"court", "commission", "board", "foundation", "institute", "center", "centre", "network",
		"service", "services", "administration", "government", "campaign", "federation", "league",
		"club", "team", "organization", "organisation", "press", "media", "tv", "radio", "channel",
		"reuters", "bloomberg", "cnn", "bbc", "abc", "nbc", "cbs", "fox", "npr", "msnbc", "ap",
		"twitter", "facebook", "google", "apple", "microsoft", "amazon", "states", "republic",
		"kingdom", "city", "county", "street", "avenue", "river", "island", "islands", "airport",
		"station", "hospital", "church", "pentagon", "nations", "assembly", "parliament",
		"pakistan", "afghanistan", "india", "china", "russia", "america", "europe", "africa",
		"iran", "iraq", "syria", "israel", "germany", "france", "britain", "england", "japan",
		"mexico", "canada", "ukraine", "nigeria", "taliban", "isis", "nato", "eu", "un", "fbi",
		"cia", "irs", "gop", "naacp", "dnc", "rnc", "spacex", "nasa", "white", "washington", "weekly",
		"daily", "herald", "tribune", "gazette", "register", "magazine", "chronicle", "courier",
		"observer", "telegraph", "examiner", "inquirer", "monitor", "bulletin", "dispatch",
		"review", "institute", "partners", "capital",
		"llc", "l.l.p.", "llp", "plc", "ag", "sa", "gmbh", "holdings", "technologies", "systems",
		"electronics", "motors", "industries", "communications", "pharmaceuticals", "energy",
		"forum", "summit", "conference")
	// pronouns that can name a speaker.
	personPronouns = setOf("he", "she", "they", "it", "i", "we", "who")
	// determiners start a description of a speaker: "the official".
	determiners = setOf("the", "a", "an", "his", "her", "their", "its", "our", "one", "another",
		"some", "several", "two", "three", "many", "other", "this", "that", "these", "those",
		"each", "both")
)

// Common given names, by the gender they usually go with: they tell "he"
// from "she" when a report gives no other sign.
var (
	femaleNames = setOf(strings.Fields(`mary patricia jennifer linda elizabeth barbara susan
		jessica sarah karen nancy lisa betty margaret sandra ashley kimberly emily donna michelle
		dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen amy
		angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra
		rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia
		victoria kelly lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline
		martha gloria teresa theresa ann sara madison frances kathryn janice jean abigail alice
		judy sophia grace denise amber doris marilyn danielle beverly isabella diana natalie
		brittany charlotte marie kayla alexis lori kate claire rose ellen lynn jill sheila tina
		chloe zoe eva ella lucy fatima harriet susan anne jane julia caroline sophie louise
		hillary melania kamala maureen ivanka kellyanne huma nikki betsy condoleezza madeleine
		oprah meryl marcia`)...)
	maleNames = setOf(strings.Fields(`james robert john michael william david richard joseph
		thomas charles christopher daniel matthew anthony mark donald steven paul andrew joshua
		kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas
		eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank
		patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary
		peter kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean
		austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie gabriel
		logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip
		phil mike chris tom jim bob ted rick dick bill ben tim greg doug dan dave steve tony nick
		sam matt pete alex andy fred ed hugo oscar luis carlos jorge pedro miguel francisco
		antonio ahmed mohammed muhammad ali omar hassan boris vladimir hans klaus jeff barack
		bernie mitch chuck newt marco mitt harvey quentin elon sergey rudy jared reince`)...)
)

// givenNameGender returns 'f' or 'm' for a common given name written in
// lower case, else 0.
func givenNameGender(w string) byte {
	switch {
	case femaleNames[w] && !maleNames[w]:
		return 'f'
	case maleNames[w] && !femaleNames[w]:
		return 'm'
	}
	return 0
}

// nameRun is a run of capitalised words read as a name: the name proper
// and the titles written before it.
type nameRun struct {
	name   string
	titles []string
	// person is true when something marks the run as a person's name: a
	// personal title, or a given name and a surname free of organisation
	// words.
	person bool
	// gender is 'm' or 'f' when a title tells it (Mr., Mrs.), else 0.
	gender byte
	// org is true when the run holds an organisation's word or an acronym.
	org bool
	// surname is true for a single word after a title ("Mr. Obama",
	// "President Obama"): a surname, not a given name.
	surname bool
}

// readName reads the capitalised words ws as a name: titles, the words
// that start sentences and words the report also writes in lower case
// (common, "Previously", "Behind") are dropped from the front, and only the words after
// the last title count as the name.
func readName(body string, ws []word, common map[string]bool) (nameRun, bool) {
	// Within a sentence or after "The", capitalised words are a name even
	// when the report writes them in lower case too: the Center for Humane
	// Technology, The Bring Back Our Girls campaign.
	named := len(ws) > 0 && !sentenceInitial(body, ws[0].Start)
	for len(ws) > 0 {
		// "It's" is no possessive of a name.
		lw := strings.TrimSuffix(strings.TrimSuffix(ws[0].lower(), "'s"), "’s")
		if !notNames[lw] && !prepositions[lw] && (named || !common[lw] || givenNameGender(ws[0].lower()) != 0) {
			break
		}
		named = named || lw == "the" || lw == "a" || lw == "an"
		ws = ws[1:]
	}
	// "Singapore-based Broadcom", "San Diego-headquartered Qualcomm": the
	// name after a compound adjective.
	for i := len(ws) - 2; i >= 0; i-- {
		if isCompoundAdjective(ws[i].text) {
			ws = ws[i+1:]
			break
		}
	}
	// "Southwest Research Institute's Alan Stern": the name after a
	// possessive.
	for i := len(ws) - 2; i >= 0; i-- {
		if isPossessive(ws[i].text) {
			ws = ws[i+1:]
			break
		}
	}
	// "Charles B. Rangel of New York", "Daniel Ives of GBH Insights": a
	// person's name before "of" or "for"; "Center for Humane Technology"
	// stays whole.
	for i, w := range ws {
		if lw := w.lower(); lw == "of" || lw == "for" {
			if head := ws[:i]; len(head) >= 2 && !titleWords[strings.TrimSuffix(head[len(head)-1].lower(), ".")] && !orgWords[head[len(head)-1].lower()] {
				ws = head
			}
			break
		}
	}
	last := -1
	for i, w := range ws {
		if isTitle(w.lower()) {
			last = i
		}
	}
	var nr nameRun
	for _, w := range ws[:last+1] {
		t := strings.TrimSuffix(w.lower(), ".")
		nr.titles = append(nr.titles, t)
		switch t {
		case "mr", "sir", "lord", "king", "prince", "father":
			nr.gender = 'm'
		case "mrs", "ms", "miss", "dame", "lady", "queen", "princess":
			nr.gender = 'f'
		}
	}
	ws = ws[last+1:]
	if last >= 0 {
		ws = afterOffice(ws)
	}
	// An acronym before a name is an organisation's: "DpolG Rainer Wendt".
	for len(ws) > 2 && isAcronym(ws[0].text) && !isAcronym(ws[1].text) {
		ws = ws[1:]
	}
	if limit := 5 + 3*connectors(ws); len(ws) > limit {
		ws = ws[len(ws)-limit:]
	}
	for len(ws) > 0 && nameParticles[ws[0].lower()] {
		ws = ws[1:]
	}
	if len(ws) == 0 {
		return nr, false
	}
	text := body[ws[0].Start:ws[len(ws)-1].End]
	text = strings.TrimSuffix(strings.TrimSuffix(text, "'s"), "’s")
	nr.name = text
	nr.surname = last >= 0 && len(ws) == 1
	org := false
	for _, w := range ws {
		if orgWords[strings.TrimSuffix(strings.TrimSuffix(w.lower(), "'s"), "’s")] {
			org = true
		}
	}
	acronym := false
	for _, w := range ws {
		acronym = acronym || isAcronym(w.text)
	}
	if inUpperCase(text) && len(ws) > 1 {
		acronym = false // a transcript's label: MAYOR ELENA MARSH
	}
	if len(ws) == 2 && givenNameGender(ws[0].lower()) != 0 && !common[ws[1].lower()] {
		org = false // "John Fox": a surname that names a network elsewhere
	}
	for _, w := range ws {
		org = org || runBreakers[w.lower()]
	}
	nr.person = !org && !acronym && (len(nr.titles) > 0 || len(ws) >= 2 && len(ws) <= 3)
	nr.org = org || acronym
	if g := givenNameGender(ws[0].lower()); g != 0 && len(ws) >= 2 && !org {
		nr.person = true
		if nr.gender == 0 {
			nr.gender = g
		}
	}
	return nr, true
}

// afterOffice returns the words of a name that follow the body a title
// names with "of" or "for": "Newt Gingrich" of "of the House Newt
// Gingrich", after "Speaker"; "Sergei Lavrov" of "of Foreign Affairs
// Sergei Lavrov". Without an organisation's word to end the body, the name
// is its last two words, three with an initial, and there is none when the
// body leaves fewer than three. Words that do not open with "of" or "for"
// are returned as they are.
func afterOffice(ws []word) []word {
	if len(ws) == 0 || ws[0].lower() != "of" && ws[0].lower() != "for" {
		return ws
	}
	k := 1
	if k < len(ws) && ws[k].lower() == "the" {
		k++
	}
	end := -1
	for i := k; i < len(ws); i++ {
		if orgWords[strings.ToLower(ws[i].text)] {
			end = i
		}
	}
	if end >= 0 {
		return ws[end+1:]
	}
	if len(ws)-k < 3 {
		return nil // "Coach of the Year": the office alone
	}
	n := len(ws) - 2
	if n > k && len(ws[n].text) == 2 && strings.HasSuffix(ws[n].text, ".") {
		n-- // an initial: "John F. Kerry"
	}
	return ws[max(n, k):]
}

// isCompoundAdjective reports whether w is hyphenated with a lower-case
// last part ("Singapore-based", "Nigeria-born"), unlike a hyphenated
// name ("Ocasio-Cortez", "Jean-Marc").
func isCompoundAdjective(w string) bool {
	k := strings.LastIndexAny(w, "-‑")
	if k <= 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w[k+1:])
	return unicode.IsLower(r)
}

// sentenceInitial reports whether the word at pos of body may open a
// sentence: nothing but spaces, marks and quotation marks before it since
// a full stop or the start.
func sentenceInitial(body string, pos int) bool {
	for pos > 0 {
		r, n := utf8.DecodeLastRuneInString(body[:pos])
		switch {
		case unicode.IsSpace(r) || strings.ContainsRune("\"“”'‘’([-–—", r):
			pos -= n
		default:
			return strings.ContainsRune(".!?:;", r)
		}
	}
	return true
}

// runBreakers are words that, capitalised inside a run, show it is no
// person's name ("Sign Up You"), or an organisation's ("Center for Humane
// Technology").
var runBreakers = setOf("you", "we", "i", "he", "she", "it", "they", "the", "a", "an", "and", "or",
	"but", "up", "in", "on", "to", "of", "for", "your", "our", "my", "this", "that", "not", "is")

// isAcronym reports whether a word has two capitals or more (NFC, DpolG,
// SpaceX): an organisation's name rather than a person's.
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2 && !strings.HasPrefix(w, "Mc") && !strings.HasPrefix(w, "Mac") && !strings.Contains(w, "-") && !strings.Contains(w, "'") && !strings.Contains(w, "’") && !strings.Contains(w, ".")
}

// namePart returns how many of the capitalised words ws come after the
// last title among them: the words of the name proper.
func namePart(ws []word) int {
	n := len(ws)
	for i, w := range ws {
		if isTitle(w.lower()) {
			n = len(ws) - i - 1
		}
	}
	return n
}

// isTitle reports whether the lower-cased word w is a title (Sen., Chief).
func isTitle(w string) bool { return titleWords[w] || titleWords[strings.TrimSuffix(w, ".")] }

// isNameWord reports whether w can be part of a name: a capitalised word
// that is not a sentence starter.
func isNameWord(w word) bool { return w.capital() && !notNames[w.lower()] }

// entity is a person or body a report names, under its fullest name.
type entity struct {
	name string
	// key is surnameKey(name), which the entity is filed under.
	key    string
	titles []string
	person bool
	gender byte
	// spoke is true once the entity is a speech verb's subject or a
	// quote's speaker.
	spoke bool
	org   bool
	// aliases are surnames the entity was known by before a fuller name
	// ended otherwise (Amina Ali, then Amina Ali Nkeki).
	aliases []string
	// he, she and it count the pronouns used later in sentences the
	// entity is the subject of.
	he, she, it int
	// named counts the report's mentions of the entity so far.
	named int
}

// addTitle gives the entity title t, unless it has it or maxTitles already.
func (e *entity) addTitle(t string) {
	if !slices.Contains(e.titles, t) && len(e.titles) < maxTitles {
		e.titles = append(e.titles, t)
	}
}

// maxTitles is the most titles an entity keeps.
const maxTitles = 16

// filedUnder reports whether the entity answers to the surname key.
func (e *entity) filedUnder(key string) bool {
	return e.key == key || slices.Contains(e.aliases, key)
}

// isPerson reports whether the entity is a person: a name of two or three
// words without an organisation's, a personal title, or a name alone that
// the report goes on to call "he" or "she" more than "it".
func (e *entity) isPerson() bool {
	return e.person || !e.org && e.he+e.she > e.it
}

// isBody reports whether the entity is an organisation or a place rather
// than a person: a name with an organisation's word or an acronym, or
// one not read as a person's.
func (e *entity) isBody() bool { return e.org || !e.isPerson() }

// genderGuess returns 'm' or 'f' from the entity's title, else from the
// pronouns used of it, or 0 when neither tells.
func (e *entity) genderGuess() byte {
	switch {
	case e.gender != 0:
		return e.gender
	case e.he > e.she:
		return 'm'
	case e.she > e.he:
		return 'f'
	}
	return 0
}

// mention is a place where a report names an entity outside quotes.
type mention struct {
	pos int
	ent *entity
	// subject is true when the name stands where a sentence's subject does.
	subject bool
}

// cast is every entity a report names, with where it names them.
type cast struct {
	// full holds the entities named with more than one word, by surname.
	full map[string][]*entity
	// bare holds, by surname, the entity a surname alone refers to.
	bare map[string]*entity
	// first holds, by given name, the person last named with it.
	first map[string]*entity
	// acronyms holds organisations by the initials of their names' words.
	acronyms map[string]*entity
	// common holds the words the report writes in lower case: capitalised
	// at a sentence's start, they are no names.
	common map[string]bool
	// openers holds, lower-cased, the capitalised words the report writes
	// only to open a sentence: alone there, they are no names.
	openers  map[string]bool
	mentions []mention
}

// surnameKey is the key a name is filed under: its last word, lower-cased,
// without a possessive.
func surnameKey(name string) string {
	k := strings.ToLower(lastField(name))
	k = strings.TrimSuffix(strings.TrimSuffix(k, "'s"), "’s")
	return strings.Trim(k, ",.;:")
}

// lastField returns the last of the words white space parts s into, as
// strings.Fields gives them, without cutting s into all of them; "" when
// s is blank.
func lastField(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return s[i+n:]
}

// add files a name run read at pos and returns its entity. A name of
// several words joins the entity whose name ends with its words or whose
// words it ends with; a surname alone refers to the person of that surname
// named before it (the one named last, if several fit), or stands for
// itself when nobody was.
func (c *cast) add(nr nameRun, pos int, subject bool) *entity {
	e := c.find(nr.name, nr.gender, nr.surname)
	if e == nil && strings.Contains(nr.name, " ") {
		e = c.bareBefore(nr)
	}
	key := surnameKey(nr.name)
	if e == nil {
		e = &entity{name: nr.name, key: key}
		if strings.Contains(nr.name, " ") {
			c.full[key] = append(c.full[key], e)
		} else {
			c.bare[key] = e
		}
	}
	if len(nr.name) > len(e.name) && (hasWordSuffix(nr.name, e.name) || strings.HasPrefix(nr.name, e.name+" ")) {
		if key != e.key {
			c.full[key] = append(c.full[key], e)
			e.aliases = append(e.aliases, e.key)
		}
		e.name, e.key = nr.name, key
	}
	if given, _, ok := strings.Cut(e.name, " "); ok && nr.person {
		c.first[strings.ToLower(given)] = e
	}
	if a := initials(e.name); len(a) >= 3 && !nr.person {
		c.acronyms[a] = e
	}
	for _, t := range nr.titles {
		e.addTitle(t)
	}
	e.person = e.person || nr.person
	e.org = e.org || nr.org
	if e.gender == 0 {
		e.gender = nr.gender
	}
	e.named++
	c.mentions = append(c.mentions, mention{pos: pos, ent: e, subject: subject})
	return e
}

// bareBefore returns the entity of a surname named alone once or twice
// before the fuller name nr — "Sanders" in a headline, then "Bernie
// Sanders" — or nil. A relative of the same surname ("her father, Robert
// Thurman") is someone else.
func (c *cast) bareBefore(nr nameRun) *entity {
	e := c.bare[surnameKey(nr.name)]
	if e == nil || e.org || strings.Contains(e.name, " ") || e.named > 2 {
		return nil
	}
	for _, t := range nr.titles {
		if kin[t] {
			return nil
		}
	}
	return e
}

// kin are the roles of relatives, who may share a surname.
var kin = setOf("father", "mother", "son", "daughter", "brother", "sister", "wife", "husband",
	"niece", "nephew", "uncle", "aunt", "cousin", "grandfather", "grandmother", "grandson",
	"granddaughter", "parents", "widow", "stepfather", "stepmother", "ex-wife", "ex-husband")

// find returns the entity a name refers to after the names filed so far,
// or nil. A single word given with a title (surname: "Mr. Obama") is not
// taken for a given name.
func (c *cast) find(name string, gender byte, surname bool) *entity {
	key := surnameKey(name)
	if strings.Contains(name, " ") {
		for _, e := range c.full[key] {
			if hasWordSuffix(e.name, name) || hasWordSuffix(name, e.name) {
				return e
			}
		}
		// "Amina Ali" for Amina Ali Nkeki: the name begins a fuller one.
		// and "Amina Ali Nkeki" the fuller name of Amina Ali.
		if e := c.first[strings.ToLower(strings.Fields(name)[0])]; e != nil && (strings.HasPrefix(e.name, name+" ") || strings.HasPrefix(name, e.name+" ")) {
			return e
		}
		return nil
	}
	if e := c.bare[key]; e != nil {
		return e
	}
	// "Mr. Obama" is not the Michelle Obama named before him.
	for i := len(c.mentions) - 1; i >= max(0, len(c.mentions)-recentMentions); i-- {
		e := c.mentions[i].ent
		if !e.filedUnder(key) || !strings.Contains(e.name, " ") {
			continue
		}
		if gender == 0 || e.gender == 0 || e.gender == gender {
			return e
		}
	}
	var best *entity
	if !surname {
		best = c.first[strings.ToLower(name)] // "Uma" for Uma Thurman
	}
	if best == nil {
		best = c.middle(name) // "Ali" for Amina Ali Nkeki
	}
	if best == nil && isAcronym(name) && inUpperCase(name) {
		best = c.acronyms[name] // "ICRC" for International Committee of the Red Cross
	}
	return best
}

// middle returns the person named lately whose name has the word name
// between its first and last words, or nil.
func (c *cast) middle(name string) *entity {
	for i := len(c.mentions) - 1; i >= max(0, len(c.mentions)-recentMentions); i-- {
		e := c.mentions[i].ent
		if !e.person {
			continue
		}
		if f := strings.Fields(e.name); len(f) >= 3 && slices.Contains(f[1:len(f)-1], name) {
			return e
		}
	}
	return nil
}

// recentMentions bounds how far back the speaker rules look for a name, so
// that the work per quote does not grow with the report.
const recentMentions = 200

// before returns how many mentions come before pos.
func (c *cast) before(pos int) int {
	return sort.Search(len(c.mentions), func(i int) bool { return c.mentions[i].pos >= pos })
}

// connectors counts the lower-case words joining a run of capitalised
// words ("of", "the").
func connectors(ws []word) int {
	n := 0
	for _, w := range ws {
		if !w.capital() {
			n++
		}
	}
	return min(n, 2)
}

// initials returns the initials of the capitalised words of a name:
// "ICRC" for "International Committee of the Red Cross".
func initials(name string) string {
	var b strings.Builder
	for w := range strings.FieldsSeq(name) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// hasWordSuffix reports whether the words of short end the words of long:
// "Kirby" and "John Kirby".
func hasWordSuffix(long, short string) bool {
	if !strings.HasSuffix(long, short) {
		return false
	}
	if len(long) == len(short) {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(long[:len(long)-len(short)])
	return unicode.IsSpace(r)
}

// lookup returns the entity a speaker's name refers to at pos: for a
// surname alone that stands for itself in the report, that; else the
// matching entity named last before pos, else what the name refers to after
// the whole report, or nil. surname is as for find.
func (c *cast) lookup(name string, gender byte, surname bool, pos int) *entity {
	key := surnameKey(name)
	if e := c.bare[key]; e != nil && !strings.Contains(name, " ") {
		return e
	}
	end := c.before(pos)
	for i := end - 1; i >= max(0, end-recentMentions); i-- {
		m := c.mentions[i]
		if !m.ent.filedUnder(key) {
			continue
		}
		if hasWordSuffix(m.ent.name, name) || hasWordSuffix(name, m.ent.name) {
			if gender == 0 || m.ent.gender == 0 || m.ent.gender == gender {
				return m.ent
			}
		}
	}
	return c.find(name, gender, surname)
}

// buildCast reads every name in the text of d outside quotes.
func buildCast(d *document) *cast {
	c := &cast{full: map[string][]*entity{}, bare: map[string]*entity{}, first: map[string]*entity{},
		acronyms: map[string]*entity{}}
	c.common, c.openers = caseSets(d.report.Body)
	body := d.report.Body
	var ws []word
	for _, p := range d.paragraphs {
		if isHeading(body[p.Start:p.End]) {
			continue
		}
		for _, s := range p.sentences {
			ws = outsideWords(body, s, p.quotes, ws[:0])
			c.readSentence(body, ws)
		}
	}
	return c
}

// caseSets reads, in one walk over the letter runs of body, the set of
// words it writes in lower case, and, lower-cased, the capitalised words
// it writes only where a sentence opens, never within one: "Turns" in
// "Turns out, she owed less" is no name.
func caseSets(body string) (lower, openers map[string]bool) {
	lower, openers = map[string]bool{}, map[string]bool{}
	within := map[string]bool{}
	var low []byte // a word lower-cased, made a string only for a new key
	for w := range letterRuns(body) {
		if !strings.ContainsFunc(w.text, changesInLowerCase) {
			lower[w.text] = true
		}
		f, _ := utf8.DecodeRuneInString(w.text)
		if !unicode.IsUpper(f) || isJoinedAt(body, w.Start) {
			continue
		}
		set := within
		if sentenceInitial(body, w.Start) {
			set = openers
		}
		if low = appendLower(low[:0], w.text); !set[string(low)] {
			set[string(low)] = true
		}
	}
	for w := range within {
		delete(openers, w)
	}
	return lower, openers
}

// changesInLowerCase reports whether lower case writes r otherwise: a
// word with no such letter is in lower case already, which this tells
// without building a lower-case copy.
func changesInLowerCase(r rune) bool { return unicode.ToLower(r) != r }

// inUpperCase reports whether strings.ToUpper(s) == s, without building
// the upper-case copy: no letter of s changes in upper case, and no byte
// is invalid UTF-8, which strings.ToUpper would replace.
func inUpperCase(s string) bool {
	for i, r := range s {
		if unicode.ToUpper(r) != r || r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") {
			return false
		}
	}
	return true
}

// appendLower appends letters, lower-cased as strings.ToLower writes them,
// to buf.
func appendLower(buf []byte, letters string) []byte {
	for _, r := range letters {
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	return buf
}

// letterRuns yields the runs of letters of body, in order.
func letterRuns(body string) iter.Seq[word] {
	return func(yield func(word) bool) {
		start := -1
		for i, r := range body {
			if unicode.IsLetter(r) {
				if start < 0 {
					start = i
				}
				continue
			}
			if start >= 0 {
				if !yield(word{Span: Span{start, i}, text: body[start:i]}) {
					return
				}
				start = -1
			}
		}
		if start >= 0 {
			yield(word{Span: Span{start, len(body)}, text: body[start:]})
		}
	}
}

// isJoinedAt reports whether the letters at pos go on a word joined by an
// apostrophe, hyphen or full stop before them (O'Neill, Ocasio-Cortez).
func isJoinedAt(body string, pos int) bool {
	r, _ := utf8.DecodeLastRuneInString(body[:pos])
	return pos > 0 && strings.ContainsRune("'’-.", r)
}

// isHeading reports whether a paragraph is a heading or a caption line —
// a few words without a full stop — whose capitals are no names.
func isHeading(p string) bool {
	r, _ := utf8.DecodeLastRuneInString(p)
	return !strings.ContainsRune(".!?:\"”’'", r) && len(strings.Fields(p)) <= 6
}

// outsideWords splits span s of body into words, leaving out the quotes qs
// (marks included), which stand as a single '"' mark each.
func outsideWords(body string, s Span, qs []quoteSpan, out []word) []word {
	pos := s.Start
	// Start from the last quote of depth 0 that opens before s, looking
	// back over a bounded number of quotes inside it.
	i := sort.Search(len(qs), func(i int) bool { return qs[i].Open.Start >= s.Start })
	for back := 0; i > 0 && back < 64; back++ {
		i--
		if qs[i].depth == 0 {
			break
		}
	}
	for ; i < len(qs) && qs[i].Open.Start < s.End; i++ {
		q := qs[i]
		if q.depth > 0 || q.Close.End <= pos {
			continue
		}
		if q.Open.Start > pos {
			out = splitWords(body, Span{pos, q.Open.Start}, out)
		}
		if isNameNickname(body, q) {
			pos = min(q.Close.End, s.End) // Marcia "Cia" Price reads as Marcia Price
			continue
		}
		out = append(out, word{Span: Span{max(q.Open.Start, s.Start), min(q.Close.End, s.End)}, text: `"`, punct: true})
		pos = min(q.Close.End, s.End)
	}
	if pos < s.End {
		out = splitWords(body, Span{pos, s.End}, out)
	}
	return out
}

// isNameNickname reports whether quote q is a nickname inside a name
// ("Cia" in Marcia "Cia" Price), which the name reads past.
func isNameNickname(body string, q quoteSpan) bool {
	if q.depth > 0 || q.unclosed || q.Close.End >= len(body) || q.Open.Start == 0 || body[q.Open.Start-1] != ' ' {
		return false
	}
	words := strings.Fields(body[q.Start:q.End])
	before := strings.TrimRight(body[max(0, q.Open.Start-40):q.Open.Start], " ")
	return len(words) > 0 && isTitleCase(words) && isNickname(before, body[q.Close.End:min(len(body), q.Close.End+40)], words)
}

// prepositions open phrases that are not a sentence's subject.
var prepositions = setOf("in", "at", "on", "to", "from", "of", "for", "with", "by", "into", "about",
	"against", "over", "under", "between", "through", "across", "near", "toward", "towards",
	"like", "than", "including", "via", "during", "after", "before", "since", "until", "without",
	"within", "among", "per", "up", "as", "when", "while", "if", "although", "though", "because",
	"despite", "amid", "following", "unlike", "besides", "beyond", "outside", "inside", "once",
	"behind", "above", "below", "along", "around", "beneath", "throughout", "upon", "onto",
	"down", "off", "out")

// clauseOpeners may stand before the subject of a clause.
var clauseOpeners = setOf("and", "but", "so", "then", "yet", "still", "now", "also", "meanwhile",
	"however", "later", "earlier", "instead")

// readSentence files the names of one sentence's words. A name is a
// subject where it opens the sentence (after an opening phrase set off by
// a comma) or stands before a speech verb; the pronouns "he" and "she"
// later in a sentence are counted for its opening subject. A lower-case
// role right before a name ("spokesman Joshua Freed", "the friend, Ilona
// Herman") is filed as one of its titles.
func (c *cast) readSentence(body string, ws []word) {
	var subj *entity
	// objHim and objHer mark a pronoun object in the sentence: a later
	// "he" or "she" is more likely that object than the subject.
	var objHim, objHer bool
	start := clauseStart(ws)
	for i := 0; i < len(ws); {
		if !ws[i].capital() || !isNameWord(ws[i]) && !(i+1 < len(ws) && isNameWord(ws[i+1])) {
			if subj != nil {
				if r := epithetRole(ws, i); r != "" && subj.isPerson() {
					subj.addTitle(r)
				}
				switch ws[i].lower() {
				case "he":
					if !objHim {
						subj.he++
					}
				case "she":
					if !objHer {
						subj.she++
					}
				case "it", "its":
					subj.it++
				case "him":
					objHim = true
				case "her":
					// "show her the footage if she signed": she is the
					// one shown, not the subject.
					objHer = objHer || i+1 == len(ws) || ws[i+1].punct || determiners[ws[i+1].lower()] || prepositions[ws[i+1].lower()]
				}
			}
			i++
			continue
		}
		j := nameRunEnd(ws, i)
		if j == i+1 && i == start && c.isOpenerVerb(ws, i) {
			i = j // "Turns out, she owed less", "Based on the report, …"
			continue
		}
		nr, ok := readName(body, ws[i:j], c.common)
		if !ok {
			i = j
			continue
		}
		k := skipAsides(ws, skipAdverbs(ws, j))
		if k < len(ws) && ws[k].lower() == "who" {
			k = skipAdverbs(ws, k+1) // "Theresa May, who said"
		}
		// A name after a preposition ("the father of Aisha Zanna", "a lawyer
		// at Greenberg Traurig") is not the one who speaks, unless a bare
		// infinitive makes it so ("listened to Yemi Osinbajo speak").
		speaks := k < len(ws) && speechVerbs[ws[k].lower()] && (i == 0 || !prepositions[ws[i-1].lower()] || bareInfinitives[ws[k].lower()])
		if r := roleBefore(ws, i); r != "" {
			nr.titles = append(nr.titles, r)
		}
		nr.titles = append(nr.titles, appositionRoles(ws, j)...)
		// A role may open the sentence before its subject: "presidential
		// nominee Hillary Clinton was more circumspect".
		subject := i == start || i > start && roleEnd(ws, start) == i || speaks
		e := c.add(nr, ws[i].Start, subject)
		e.spoke = e.spoke || speaks
		if i == start {
			subj = e
		}
		i = j
	}
}

// epithetRole returns the role of an epithet that stands at ws[i] for the
// subject of its sentence — "director" in "Tarantino also responded to
// claims that the director spat in her face" — or "". The epithet is the
// subject of a "that" clause no speech verb opens: after "Hawke added
// that", "the director" is whoever Hawke speaks of.
func epithetRole(ws []word, i int) string {
	if i < 2 || i+2 >= len(ws) || ws[i].lower() != "the" || ws[i-1].lower() != "that" || speechVerbs[ws[i-2].lower()] {
		return ""
	}
	role, verb := ws[i+1], ws[i+2]
	if role.punct || role.capital() || isPossessive(role.text) || isBareGroup(role.lower()) || isBodyHead(role.lower()) ||
		verb.punct || verb.capital() || prepositions[verb.lower()] || !(strings.HasSuffix(verb.lower(), "ed") || isAdverb(verb) || irregularPast[verb.lower()]) {
		return ""
	}
	return role.lower()
}

// irregularPast are past tenses that do not end in -ed, the verbs of an
// epithet's clause ("the director spat").
var irregularPast = setOf("spat", "was", "had", "made", "took", "gave", "went", "told", "said", "did",
	"hit", "threw", "broke", "drove", "ran", "got", "left", "put", "kept", "held", "sent", "knew")

// isOpenerVerb reports whether ws[i], alone at the start of a sentence,
// is a verb form rather than a name: a word in -s, -ed or -ing that the
// report capitalises only to open a sentence, before a lower-case word
// that is no verb of its subject ("Turns out", "Based on").
func (c *cast) isOpenerVerb(ws []word, i int) bool {
	lw := ws[i].lower()
	if !c.openers[lw] || !(strings.HasSuffix(lw, "s") || strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "ing")) {
		return false
	}
	if i+1 >= len(ws) || ws[i+1].punct || ws[i+1].capital() {
		return false
	}
	next := ws[i+1].lower()
	return prepositions[next] || next == "out"
}

// bareInfinitives are speech verbs in the form that follows a perceived
// speaker: "heard him say", "listened to Yemi Osinbajo speak".
var bareInfinitives = setOf("say", "speak", "tell", "ask", "add", "explain", "declare", "warn", "admit", "insist")

// clauseStart returns the index of the word that opens the main clause of
// a sentence's words: after "But", "And" and the like, and after an
// opening phrase set off by a comma ("On Monday, …").
func clauseStart(ws []word) int {
	i := datelineEnd(ws)
	for i < len(ws) && (ws[i].punct || clauseOpeners[ws[i].lower()] || adverbs[ws[i].lower()] && strings.HasSuffix(ws[i].lower(), "ly")) {
		i++
	}
	for range 3 {
		next := i
		reach := 9
		if i < len(ws) && prepositions[ws[i].lower()] {
			reach = 25 // "With Democratic leaders worried about …, the president …"
		}
		for k := i; k < len(ws) && k < i+reach; k++ {
			if ws[k].text == "," {
				if prepositions[ws[i].lower()] || isAdverb(ws[i]) || strings.HasSuffix(ws[i].lower(), "ing") || isTimePhrase(ws[i:k]) || k+1 < len(ws) && !ws[k+1].punct && !isNameWord(ws[i]) && !determiners[ws[i].lower()] && !personPronouns[ws[i].lower()] {
					next = k + 1
				}
				break
			}
		}
		if next == i {
			break
		}
		i = next
	}
	return i
}

// datelineEnd returns the index of the word after the dash that closes a
// dateline, a credit or a heading in capitals opening a paragraph's words
// ws — "TEMPE, Ariz. --", "(Reuters) -", "CONGRESS HAS INVESTIGATED HIM —"
// — or 0 when ws opens with none.
func datelineEnd(ws []word) int {
	i := 0
	// A place in capitals, then a comma or a credit in brackets, and a
	// dash: "TEMPE, Ariz. --", "CAPE CANAVERAL, Fla. —", "LONDON
	// (Reuters) -".
	place := 0
	for place < len(ws) && isCapitals(ws[place]) {
		place++
	}
	if place > 0 && place < len(ws) && len(ws[0].text) > 2 && (ws[place].text == "," || ws[place].text == "(") {
		for k := place + 1; k < len(ws) && k < place+12; k++ {
			if isDash(ws[k]) {
				for k+1 < len(ws) && isDash(ws[k+1]) {
					k++ // "--"
				}
				i = k + 1
				break
			}
		}
	}
	// A credit or a heading in capitals set off by a dash: "(Reuters) -",
	// "CONGRESS HAS INVESTIGATED HIM —".
	for k := 0; k < len(ws) && k < 8; k++ {
		if isDash(ws[k]) {
			if k > 0 {
				i = k + 1
			}
			break
		}
		if !ws[k].punct && (!inUpperCase(ws[k].text) || len(ws[k].text) < 2) && !(k == 1 && ws[0].text == "(") {
			break
		}
	}
	return i
}

// isCapitals reports whether w is a word written in capitals: WASHINGTON.
func isCapitals(w word) bool {
	return !w.punct && inUpperCase(w.text) && w.lower() != w.text
}

// timeNouns name a stretch of time: "this week", "that morning".
var timeNouns = setOf("week", "month", "year", "morning", "afternoon", "evening", "night",
	"weekend", "summer", "winter", "spring", "autumn", "fall", "time", "day")

// isTimePhrase reports whether ws is a determiner and a time noun: an
// opening phrase ("This week, …"), not a subject.
func isTimePhrase(ws []word) bool {
	return len(ws) == 2 && determiners[ws[0].lower()] && timeNouns[ws[1].lower()]
}

// isDash reports whether w is a dash mark.
func isDash(w word) bool { return w.punct && strings.ContainsAny(w.text, "-–—―") }

// roleBefore returns the lower-case role written right before the name
// at ws[i] — "spokesman" in "spokesman Joshua Freed" or "the friend, Ilona
// Herman" — or "".
func roleBefore(ws []word, i int) string {
	k := i - 1
	if k >= 1 && ws[k].text == "," {
		k--
	}
	if k < 0 || ws[k].punct || ws[k].capital() || prepositions[ws[k].lower()] || determiners[ws[k].lower()] || speechVerbs[ws[k].lower()] || adverbs[ws[k].lower()] {
		return ""
	}
	return ws[k].lower()
}

// appositionRoles returns the lower-case words of a description set off
// by commas right after a name — "director" and "film" in "Quentin
// Tarantino, the director of the film," — or nil.
func appositionRoles(ws []word, j int) []string {
	if j+2 >= len(ws) || ws[j].text != "," || !determiners[ws[j+1].lower()] {
		return nil
	}
	var roles []string
	for k := j + 2; k < len(ws) && k < j+10; k++ {
		switch w := ws[k]; {
		case w.text == ",":
			return roles
		case w.punct || speechVerbs[w.lower()]:
			return nil
		case !w.capital() && !prepositions[w.lower()] && !determiners[w.lower()]:
			roles = append(roles, w.lower())
		}
	}
	return nil
}

// skipAdverbs returns the index of the first word at or after i that is
// not an adverb or auxiliary.
func skipAdverbs(ws []word, i int) int {
	for i < len(ws) && isAdverb(ws[i]) {
		i++
	}
	return i
}

// isAdverb reports whether w may stand between a speaker and a speech
// verb. A capitalised word ending in -ly is a name (Kelly, Holly) unless
// it is a known adverb (Previously).
func isAdverb(w word) bool {
	lw := w.lower()
	return adverbs[lw] || !w.capital() && len(lw) > 4 && strings.HasSuffix(lw, "ly") && !strings.HasSuffix(lw, "ply") && !lyNouns[lw]
}

// lyNouns end in -ly but are nouns: "Scott's family said".
var lyNouns = setOf("family", "rally", "assembly", "belly", "bully", "anomaly", "monopoly", "folly",
	"homily", "jelly", "melancholy")
