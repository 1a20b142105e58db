package compare

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

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

// wordDiff diffs member against ref word by word: each token becomes one
// rune, go-diff runs on the runes with semantic clean-up, and the runes are
// mapped back to text. Tokens compare by their key, so a change of quotation
// mark style is no difference; the edits carry the member's text where both
// agree.
func wordDiff(ref, member []token, timeout time.Duration) []Edit {
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
	a, b := encode(ref), encode(member)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = timeout
	diffs := dmp.DiffMainRunes(a, b, false)
	diffs = dmp.DiffCleanupSemantic(diffs)

	var edits []Edit
	ia, ib := 0, 0
	for _, d := range diffs {
		n := len([]rune(d.Text))
		var sb strings.Builder
		var op Op
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			op = OpEqual
			for _, t := range member[ib : ib+n] {
				sb.WriteString(t.text)
			}
			ia += n
			ib += n
		case diffmatchpatch.DiffDelete:
			op = OpDelete
			for _, t := range ref[ia : ia+n] {
				sb.WriteString(t.text)
			}
			ia += n
		case diffmatchpatch.DiffInsert:
			op = OpInsert
			for _, t := range member[ib : ib+n] {
				sb.WriteString(t.text)
			}
			ib += n
		}
		if k := len(edits) - 1; k >= 0 && edits[k].Op == op {
			edits[k].Text += sb.String()
		} else {
			edits = append(edits, Edit{Op: op, Text: sb.String()})
		}
	}
	return edits
}

// similarity is the Dice coefficient of the words two texts share in the
// diff: twice the kept words over the words of both.
func similarity(edits []Edit) float64 {
	kept, total := 0, 0
	for _, e := range edits {
		n := len(words(e.Text))
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
