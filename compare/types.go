// Package compare finds the direct quotes and checkable claims in several
// reports of one event, lines up the same quote or claim across reports and
// flags the differences that matter.
//
// It is pure text analysis: no I/O beyond reading report files in
// LoadReport, no storage and no user interface. Offsets are UTF-8 byte
// offsets into a report's Body, half-open.
package compare

// Meta is what a report's header says about it.
type Meta struct {
	Title  string `json:"title"`
	Outlet string `json:"outlet"`
	Date   string `json:"date"`
	URL    string `json:"url"`
	Author string `json:"author,omitempty"`
	// Extra holds header keys Parallax does not interpret, lower-cased.
	Extra map[string]string `json:"extra,omitempty"`
}

// Report is one outlet's text of the event.
type Report struct {
	// ID names the report within one analysis ("r1", "r2", …).
	ID string
	// File is where the report came from, as the user gave it.
	File string
	Meta Meta
	// Body is the report's text after any header, NFC-normalised.
	Body string
	// Reference marks the report the others are compared against (a
	// transcript, say). At most one report should carry it.
	Reference bool
}

// Span is a half-open byte range into a report's Body.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Quote is one direct quotation: the words between a pair of quotation marks.
type Quote struct {
	ID     string `json:"id"`
	Report string `json:"report"`
	// Text is the quoted words without the enclosing marks.
	Text string `json:"text"`
	// Speaker is the fullest name the report gives for who said it, or "";
	// a person the report names by surname alone takes the one full name
	// the other reports give for that surname.
	Speaker string `json:"speaker"`
	// Cue is the speech verb or phrase that attributes it ("said",
	// "according to", ":"), or "" when the speaker was inherited or unknown.
	Cue string `json:"cue"`
	Span
	// Paragraph is the index of the paragraph that holds the quote.
	Paragraph int `json:"paragraph"`
	// person tells whether the speaker is a person, not a body.
	person bool
}

// Claim is a checkable statement in a report's own voice.
type Claim struct {
	ID     string `json:"id"`
	Report string `json:"report"`
	Text   string `json:"text"`
	// Numbers are the figures the claim states, as written.
	Numbers []string `json:"numbers"`
	// Values are Numbers read as quantities, where they could be read.
	Values []Quantity `json:"values,omitempty"`
	// Source is who the claim is attributed to ("X said that …"), a person
	// by the fullest name the report gives, or "".
	Source string `json:"source"`
	Span
	// toks is Text cut into tokens, and wt the words and marks among them
	// with their offsets, kept for alignment.
	toks []token
	wt   []wtok
	// subject is the person the pronoun that opens the claim stands for
	// ("He put the chances at …"), or "", kept for alignment.
	subject string
}

// Quantity is a number read from text, with what it measures.
type Quantity struct {
	Text  string  `json:"text"`
	Value float64 `json:"value"`
	// Unit is a normalised unit: "%", "USD", "year", "" for a bare count.
	Unit string `json:"unit,omitempty"`
	// Approx marks "about", "more than" and the like.
	Approx bool `json:"approx,omitempty"`
	// Kind is what the figure measures: "count", "money", "percent",
	// "length", "mass", "duration", "age", "time", "year".
	Kind string `json:"kind,omitempty"`
	// Of is what a count counts ("girl") or what an amount is per ("share").
	Of string `json:"of,omitempty"`
	// Max is the upper end of a range ("50 to 70 percent"), or 0.
	Max float64 `json:"max,omitempty"`
	// Limit is "above" for "more than", "over", "at least" and "below" for
	// "less than", "nearly", "up to"; "" otherwise.
	Limit string `json:"limit,omitempty"`
	// step is the size of the last significant digit: 10 for "230".
	step float64
}

// Kind says what a group lines up.
type Kind string

// The kinds of group.
const (
	KindQuote Kind = "quote"
	KindClaim Kind = "claim"
)

// FlagKind names a difference that matters.
type FlagKind string

// The differences Parallax flags, from most to least significant.
const (
	FlagNumber    FlagKind = "number"
	FlagNegation  FlagKind = "negation"
	FlagSpeaker   FlagKind = "speaker"
	FlagDate      FlagKind = "date"
	FlagEntity    FlagKind = "entity"
	FlagWording   FlagKind = "wording"
	FlagEllipsis  FlagKind = "ellipsis"
	FlagTrimmed   FlagKind = "trimmed"
	FlagExtended  FlagKind = "extended"
	FlagPrecision FlagKind = "precision"
	FlagSpelling  FlagKind = "spelling"
	FlagUnique    FlagKind = "unique"
)

// Severity orders flags: a higher value matters more.
func (k FlagKind) Severity() int {
	switch k {
	case FlagNumber, FlagNegation:
		return 9
	case FlagSpeaker:
		return 8
	case FlagDate, FlagEntity:
		return 7
	case FlagWording:
		return 6
	case FlagEllipsis:
		return 5
	case FlagTrimmed, FlagExtended:
		return 4
	case FlagPrecision:
		return 3
	case FlagSpelling:
		return 2
	case FlagUnique:
		return 1
	}
	return 0
}

// Flag is one difference between a member and its group's reference.
type Flag struct {
	// Member is the quote or claim ID the flag is about.
	Member string   `json:"member"`
	Kind   FlagKind `json:"kind"`
	// Detail says in plain English what differs ("'not' dropped", "7 vs 8").
	Detail string `json:"detail"`
}

// Op is one kind of diff operation.
type Op byte

// The diff operations: kept, only in the reference, only in the member.
const (
	OpEqual  Op = '='
	OpDelete Op = '-'
	OpInsert Op = '+'
)

// Edit is one run of a word-level diff.
type Edit struct {
	Op   Op
	Text string
}

// Diff is a member's word-level diff against its group's reference.
type Diff struct {
	Member string `json:"member"`
	// Similarity is the share of words the two have in common, 0 to 1.
	Similarity float64 `json:"similarity"`
	Edits      []Edit  `json:"ops"`
}

// Group is one quote or claim as several reports render it.
type Group struct {
	ID   string `json:"id"`
	Kind Kind   `json:"kind"`
	// Reference is the member the others are diffed against.
	Reference string   `json:"reference"`
	Members   []string `json:"members"`
	Flags     []Flag   `json:"flags"`
	Diffs     []Diff   `json:"diffs"`
}

// Severity is the highest severity among the group's flags, 0 when none.
func (g *Group) Severity() int {
	s := 0
	for _, f := range g.Flags {
		s = max(s, f.Kind.Severity())
	}
	return s
}

// Result is the whole analysis of a set of reports.
type Result struct {
	Reports []*Report
	Quotes  []Quote
	Claims  []Claim
	Groups  []Group
	// Syndication lists the reports that carry another's text (one wire
	// story run by several outlets), as FindSyndication finds them.
	Syndication []Syndication
}
