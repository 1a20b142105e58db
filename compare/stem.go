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

// synonymGroups are the words news reports use for one another, a group a
// line, the first word naming the group: an offer is a bid, a girl freed is
// a girl released, footage is video. Each word stands for its inflections
// too, through its stem.
var synonymGroups = []string{
	"offer bid bids proposal approach",
	"acquire buy buying bought purchase acquisition takeover",
	"release freed free liberated",
	"dead kill kills killed killing die died dies death deaths fatal fatalities",
	"abduct kidnap kidnapped kidnapping seize seized capture captured",
	"resign quit quits resignation",
	"accident crash crashed crashes incident collision wreck",
	"photo photograph photographs picture pictures image images snapshot",
	"video footage clip recording",
	"sue sued suing lawsuit",
	"increase raise raised rise rose risen rising climb climbed gain gained jump jumped surge surged soar soared",
	"decline fell fall falls falling drop dropped dip dipped slide slid slump slumped tumble tumbled plunge plunged",
	"pull pulled remove removed removal delete deleted",
	"injure injury injuries injured hurt wound wounded",
	"relationship relationships friendship trust ties bond rapport",
	"fire fired oust ousted dismiss dismissed sack sacked expel expelled",
	"accuse accused accusation accusations allege alleged allegation allegations",
	"deny denied denial refute refuted",
	"reject rejected rebuff rebuffed spurn spurned",
	"approve approved approval",
	"share shares stock stocks",
	"launch launched found founded form formed establish established",
	"expect expected anticipate anticipated predict predicted forecast",
	"apologize apologized apologise apologised apology apologies sorry",
	"child children baby babies infant toddler",
	"company companies firm firms",
	"attack attacked assault assaulted",
	"arrest arrested detain detained jail jailed imprison imprisoned",
	"prisoner prisoners captive captives hostage hostages",
	"swap exchange",
	"complete full",
	"agreement deal deals pact accord",
	"lawmaker lawmakers legislator legislators congressman congresswoman",
	"spokesman spokeswoman spokesperson representative representatives",
	"respond responded response reply replied",
	"plane planes airplane aircraft jet flight flights",
	"passenger passengers traveler travelers traveller travellers",
	"woman women",
	"man men",
	"government administration",
	"huge massive giant enormous gargantuan behemoth",
	"tall height",
	"weight weigh weighs",
	"payload cargo",
	"cost costs price prices",
	"sell sold sale sales",
	"confirm confirmed verify verified acknowledge acknowledged",
	"investigation investigate probe inquiry",
	"announce announced unveil unveiled disclose disclosed reveal revealed",
	"criticize criticized criticise criticised condemn condemned slam slammed blast blasted",
	"error errors mistake mistakes glitch blunder",
	"electric electricity",
	"app apps application",
	"ban banned barred prohibit prohibited",
	"safe safety",
	"celebration celebrations celebrate festivities",
	"reveller revellers reveler revelers partygoer partygoers party-goers",
	"marriage marriages married spouse spouses",
	"ruling decision verdict judgment",
	"overturn overturned invalidate invalidated",
	"ad ads advertisement",
	"television tv broadcast",
	"faith religion religious",
	"veteran veterans",
	"misspoke misspoken misstated misstatement",
	"farmer farmers farm agriculture",
	"remark remarks comment comments",
	"mock mocked ridicule ridiculed belittle belittled disparage disparaged",
	"harassment misconduct abuse",
	"technology tech",
	"employee employees staff worker workers",
	"former ex",
	"coalition alliance",
	"girl girls schoolgirl schoolgirls",
	"militant militants extremist extremists insurgent insurgents fighter fighters jihadist jihadists",
	"soldier soldiers troops army",
	"negotiation negotiations negotiate negotiated mediation",
	"steal stole stolen theft",
	"kick kicked eject ejected",
	"discrimination discriminatory racism racist racial bias",
	"zone area",
	"bill bills invoice",
	"conference briefing",
}

// synonyms maps a word, or its stem, to the stem of the first word of its
// synonym group.
var synonyms = map[string]string{}

func init() {
	for _, g := range synonymGroups {
		ws := strings.Fields(g)
		head := plainStem(ws[0])
		for _, w := range ws {
			synonyms[w] = head
			synonyms[plainStem(w)] = head
		}
	}
}

// stem reduces a word key to a crude stem for matching claims, or "" for a
// stop word: plural, past and -ing endings go, so that released, release
// and releasing meet.
func stem(w string) string {
	w = withoutPossessive(w)
	if claimStopWords[w] || len(w) < 2 {
		return ""
	}
	if s, ok := synonyms[w]; ok {
		return s
	}
	if startsDigit(w) {
		return "" // figures are compared as values
	}
	w = plainStem(w)
	if s, ok := synonyms[w]; ok {
		return s
	}
	return w
}

// withoutPossessive drops the possessive ending of a word key:
// "broadcom's" and "reporters'" are "broadcom" and "reporters".
func withoutPossessive(w string) string {
	return strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "'")
}

// plainStem cuts a word's common endings and keeps its first
// stemMaxLetters letters, without looking for synonyms.
func plainStem(w string) string {
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
	return w
}
