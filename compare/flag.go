package compare

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// negations are the words whose presence flips a statement.
var negations = map[string]bool{
	"not": true, "no": true, "never": true, "nor": true, "neither": true, "nobody": true,
	"nothing": true, "none": true, "nowhere": true, "cannot": true, "without": true,
}

// isNegation tells whether a word key negates: a negation word or a
// contraction in n't.
func isNegation(w string) bool {
	return negations[w] || strings.HasSuffix(w, "n't")
}

// numberWords are the spelled-out numbers the number flag compares.
var numberWords = map[string]bool{
	"zero": true, "one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true,
	"thirteen": true, "fourteen": true, "fifteen": true, "sixteen": true, "seventeen": true,
	"eighteen": true, "nineteen": true, "twenty": true, "thirty": true, "forty": true, "fifty": true,
	"sixty": true, "seventy": true, "eighty": true, "ninety": true, "hundred": true,
	"thousand": true, "million": true, "billion": true, "trillion": true, "dozen": true,
	"half": true, "percent": true,
}

func isNumber(w string) bool {
	return numberWords[w] || strings.IndexFunc(w, unicode.IsDigit) >= 0
}

// flagsFor explains how member differs from ref, given their word diff on
// loose keys and the words they spell differently.
func flagsFor(ref, member *item, edits []Edit, variants [][2]string) []Flag {
	var flags []Flag
	add := func(k FlagKind, format string, args ...any) {
		flags = append(flags, Flag{Member: member.id, Kind: k, Detail: fmt.Sprintf(format, args...)})
	}

	// Words cut from or added at the ends.
	endChange := func(e Edit, end string) {
		n := Plural(numWords(e.Text), "word")
		if e.Op == OpDelete {
			add(FlagTrimmed, "drops %s at the %s", n, end)
		} else {
			add(FlagExtended, "adds %s at the %s", n, end)
		}
	}
	first, last := 0, len(edits)-1
	for first <= last && numWords(edits[first].Text) == 0 {
		first++
	}
	for last >= first && numWords(edits[last].Text) == 0 {
		last--
	}
	inner := edits
	if first <= last {
		// A change at either end is a cut or an addition only when nothing
		// takes the place of the words: a deletion next to an insertion is
		// a replacement, for the wording and number rules below.
		if e := edits[first]; e.Op != OpEqual && first < last && edits[first+1].Op == OpEqual {
			endChange(e, "start")
			first++
		}
		if e := edits[last]; e.Op != OpEqual && first < last && edits[last-1].Op == OpEqual {
			endChange(e, "end")
			last--
		}
		inner = edits[first : last+1]
	}

	var removed, added []string
	for _, e := range inner {
		switch e.Op {
		case OpDelete:
			removed = append(removed, words(e.Text)...)
		case OpInsert:
			added = append(added, words(e.Text)...)
		}
	}
	refText, memText := joinEdits(inner, OpDelete), joinEdits(inner, OpInsert)
	if hasEllipsis(memText) && !hasEllipsis(refText) {
		add(FlagEllipsis, "cut with an ellipsis where the reference has %s", quoteWords(removed, "nothing"))
		removed = nil
	} else if hasEllipsis(refText) && !hasEllipsis(memText) {
		add(FlagEllipsis, "fills the reference's ellipsis with %s", quoteWords(added, "nothing"))
		added = nil
	}

	numsR, numsM := filterWords(removed, isNumber), filterWords(added, isNumber)
	if len(numsR)+len(numsM) > 0 {
		add(FlagNumber, "%s vs %s", quoteWords(numsR, "no figure"), quoteWords(numsM, "no figure"))
	}
	negR, negM := filterWords(removed, isNegation), filterWords(added, isNegation)
	switch {
	case len(negR) > len(negM):
		add(FlagNegation, "%s dropped", quoteWords(negR, ""))
	case len(negM) > len(negR):
		add(FlagNegation, "%s added", quoteWords(negM, ""))
	}
	if ref.speaker != "" && member.speaker != "" && !samePerson(ref.speaker, member.speaker) {
		add(FlagSpeaker, "credited to %s; the reference has %s", member.speaker, ref.speaker)
	}

	switch {
	case len(removed)+len(added) > 0 && looseJoin(removed) == looseJoin(added):
		variants = append(variants, [2]string{strings.Join(removed, " "), strings.Join(added, " ")})
	case len(removed)+len(added) > 0 && (len(flags) == 0 || !onlyExplained(removed, added)):
		add(FlagWording, "words changed: %s → %s", quoteWords(removed, "nothing"), quoteWords(added, "nothing"))
	}
	if len(variants) > 0 {
		var pairs []string
		for _, v := range variants[:min(len(variants), 3)] {
			pairs = append(pairs, fmt.Sprintf("“%s” for “%s”", v[1], v[0]))
		}
		add(FlagSpelling, "spells %s", strings.Join(pairs, ", "))
	} else if len(flags) == 0 && strings.TrimSpace(refText+memText) != "" {
		add(FlagSpelling, "differs only in punctuation")
	}
	return flags
}

// onlyExplained tells whether the changed words differ only by numbers
// and negations ("do" → "don't" included), so that a number or negation
// flag already says all there is.
func onlyExplained(removed, added []string) bool {
	rest := func(ws []string) []string {
		var out []string
		for _, w := range ws {
			if isNumber(w) || negations[w] {
				continue
			}
			if base, ok := strings.CutSuffix(w, "n't"); ok {
				w = map[string]string{"wo": "will", "ca": "can", "sha": "shall"}[base]
				if w == "" {
					w = base
				}
			}
			out = append(out, w)
		}
		return out
	}
	return slices.Equal(rest(removed), rest(added))
}

func hasEllipsis(s string) bool {
	return strings.Contains(s, "…") || strings.Contains(s, "...") || strings.Contains(s, ". . .")
}

func joinEdits(edits []Edit, op Op) string {
	var sb strings.Builder
	for _, e := range edits {
		if e.Op == op {
			sb.WriteString(e.Text)
		}
	}
	return sb.String()
}

func filterWords(ws []string, keep func(string) bool) []string {
	var out []string
	for _, w := range ws {
		if keep(w) {
			out = append(out, w)
		}
	}
	return out
}

// looseJoin runs words together in their loose form, so that "counter
// terrorism", "counter-terrorism" and "counterterrorism" compare equal.
func looseJoin(ws []string) string {
	var sb strings.Builder
	for _, w := range ws {
		sb.WriteString(looseKey(w))
	}
	return sb.String()
}

func quoteWords(ws []string, none string) string {
	if len(ws) == 0 {
		return none
	}
	const most = 8
	s := strings.Join(ws[:min(len(ws), most)], " ")
	if len(ws) > most {
		s += " …"
	}
	return "“" + s + "”"
}

// Plural counts n things in English, as flag details and messages do:
// "1 word", "2 words".
func Plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

// samePerson tells whether two speaker names name the same person: the same
// surname, and the same first name when both give one.
func samePerson(a, b string) bool {
	wa, wb := words(a), words(b)
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	if wa[len(wa)-1] != wb[len(wb)-1] {
		return false
	}
	return len(wa) == 1 || len(wb) == 1 || wa[0] == wb[0]
}
