package compare

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// MarshalJSON writes an edit as ["op", "text"].
func (e Edit) MarshalJSON() ([]byte, error) {
	return json.Marshal([2]string{string(e.Op), e.Text})
}

// UnmarshalJSON reads an edit written by MarshalJSON.
func (e *Edit) UnmarshalJSON(data []byte) error {
	var pair [2]string
	if err := json.Unmarshal(data, &pair); err != nil {
		return err
	}
	if len(pair[0]) != 1 || !strings.Contains("=-+", pair[0]) {
		return fmt.Errorf("diff op %q: want =, - or +", pair[0])
	}
	e.Op, e.Text = Op(pair[0][0]), pair[1]
	return nil
}

// tokenDiff is a word-level diff of two token sequences, in runs.
type tokenDiff struct {
	ref, member []token
	runs        []run
}

// run is one diff run: n tokens kept, deleted from ref or inserted in
// member.
type run struct {
	op Op
	n  int
}

// exactDiffTokens is the most tokens two texts may hold together for their
// diff to run without a deadline. Below it a diff takes milliseconds at
// worst, and running it to the end keeps the result the same however busy
// the machine is; a deadline would cut it short, and differently, under load.
const exactDiffTokens = 4000

// diffTokens diffs member against ref: each distinct token key becomes one
// rune, go-diff runs on the runes (within timeout when the texts are longer
// than exactDiffTokens together), and the result is kept as runs of tokens.
// Tokens compare by their key, so a change of quotation-mark style is no
// difference.
func diffTokens(ref, member []token, timeout time.Duration) tokenDiff {
	ids := map[string]rune{}
	encode := func(toks []token) []rune {
		out := make([]rune, len(toks))
		for i, t := range toks {
			k := t.key
			if !t.word {
				k = "\x00" + k
			}
			r, ok := ids[k]
			if !ok {
				// Skip the surrogate range, which is not valid in strings.
				r = rune(len(ids) + 1)
				if r >= 0xD800 {
					r += 0x800
				}
				ids[k] = r
			}
			out[i] = r
		}
		return out
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // no deadline
	if len(ref)+len(member) > exactDiffTokens {
		dmp.DiffTimeout = timeout
	}
	d := tokenDiff{ref: ref, member: member}
	for _, x := range dmp.DiffMainRunes(encode(ref), encode(member), false) {
		op := OpEqual
		switch x.Type {
		case diffmatchpatch.DiffDelete:
			op = OpDelete
		case diffmatchpatch.DiffInsert:
			op = OpInsert
		}
		d.runs = append(d.runs, run{op: op, n: utf8.RuneCountInString(x.Text)})
	}
	return d
}

// each calls f for every run with the tokens it covers on either side
// (none on the side a run does not touch).
func (d tokenDiff) each(f func(r run, ref, member []token)) {
	ia, ib := 0, 0
	for _, r := range d.runs {
		switch r.op {
		case OpEqual:
			f(r, d.ref[ia:ia+r.n], d.member[ib:ib+r.n])
			ia += r.n
			ib += r.n
		case OpDelete:
			f(r, d.ref[ia:ia+r.n], nil)
			ia += r.n
		case OpInsert:
			f(r, nil, d.member[ib:ib+r.n])
			ib += r.n
		}
	}
}

// edits returns the diff for a reader, in the member's words where both
// agree, after a semantic clean-up for word diffs. go-diff's own
// DiffCleanupSemantic weighs an equality against the edits around it by
// length, which at word level erases a whole kept sentence between two cut
// ones; here only a kept run of at most one word (or only punctuation)
// between changes of more than one word on each side is folded into them,
// so "[-came over-] the {+overtopped+}" reads as one replacement while a
// trimmed quote keeps its common words.
func (d tokenDiff) edits() []Edit {
	// changed[i] counts the words run i touches, for the folding rule.
	changed := make([]int, len(d.runs))
	i := 0
	d.each(func(r run, ref, member []token) {
		changed[i] = countWords(ref) + countWords(member)
		i++
	})
	foldable := func(i int) bool {
		before, after := 0, 0
		for k := i - 1; k >= 0 && d.runs[k].op != OpEqual; k-- {
			before += changed[k]
		}
		for k := i + 1; k < len(d.runs) && d.runs[k].op != OpEqual; k++ {
			after += changed[k]
		}
		return before > 1 && after > 1
	}

	var out []Edit
	var del, ins strings.Builder
	flush := func() {
		if del.Len() > 0 {
			out = append(out, Edit{Op: OpDelete, Text: del.String()})
		}
		if ins.Len() > 0 {
			out = append(out, Edit{Op: OpInsert, Text: ins.String()})
		}
		del.Reset()
		ins.Reset()
	}
	i = 0
	d.each(func(r run, ref, member []token) {
		switch {
		case r.op == OpDelete:
			del.WriteString(joinTokens(ref))
		case r.op == OpInsert:
			ins.WriteString(joinTokens(member))
		case changed[i] <= 2 && foldable(i):
			del.WriteString(joinTokens(ref))
			ins.WriteString(joinTokens(member))
		default:
			flush()
			// Keep the space between a cut and the words after it, which
			// the member, starting there, does not have.
			if k := len(out) - 1; k >= 0 && out[k].Op == OpDelete && leadingSpace(member[0].text) == "" {
				out[k].Text += leadingSpace(ref[0].text)
			}
			out = append(out, Edit{Op: OpEqual, Text: joinTokens(member)})
		}
		i++
	})
	flush()
	return out
}

// variants lists the kept words that the two sides spell differently
// (case, hyphenation, British and American spelling) as reference and
// member pairs; only a diff of loose keys keeps such words. A capital
// letter that only starts one side's text, where a quote was cut, is no
// variant.
func (d tokenDiff) variants() [][2]string {
	firstRef, firstMember := firstWord(d.ref), firstWord(d.member)
	var out [][2]string
	ia, ib := 0, 0
	for _, r := range d.runs {
		if r.op == OpEqual {
			for k := range r.n {
				t, u := d.ref[ia+k], d.member[ib+k]
				a, b := spelling(t.text), spelling(u.text)
				if !t.word || a == b || (ia+k == firstRef || ib+k == firstMember) && strings.EqualFold(a, b) {
					continue
				}
				out = append(out, [2]string{a, b})
			}
		}
		if r.op != OpInsert {
			ia += r.n
		}
		if r.op != OpDelete {
			ib += r.n
		}
	}
	return out
}

// firstWord returns the index of the first word token, or -1.
func firstWord(toks []token) int {
	for i, t := range toks {
		if t.word {
			return i
		}
	}
	return -1
}

// leadingSpace returns the white space s starts with.
func leadingSpace(s string) string {
	return s[:len(s)-len(strings.TrimLeftFunc(s, unicode.IsSpace))]
}

func joinTokens(toks []token) string {
	var sb strings.Builder
	for _, t := range toks {
		sb.WriteString(t.text)
	}
	return sb.String()
}

func countWords(toks []token) int {
	n := 0
	for _, t := range toks {
		if t.word {
			n++
		}
	}
	return n
}

// similarity is the Dice coefficient of the words two texts share in the
// diff: twice the kept words over the words of both.
func similarity(edits []Edit) float64 {
	kept, total := 0, 0
	for _, e := range edits {
		n := numWords(e.Text)
		total += n
		if e.Op == OpEqual {
			kept += 2 * n
			total += n
		}
	}
	if total == 0 {
		return 1
	}
	return float64(kept) / float64(total)
}
