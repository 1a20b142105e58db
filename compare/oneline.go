package compare

import (
	"strings"
	"unicode"
)

// OneLine folds each run of white space in s, line breaks included, into
// one space, keeping a space at either end where there was one, so that the
// runs of a diff printed one after another still join up.
func OneLine(s string) string {
	folded := strings.Join(strings.Fields(s), " ")
	if folded == "" {
		if s != "" {
			return " "
		}
		return ""
	}
	if strings.TrimLeftFunc(s, unicode.IsSpace) != s {
		folded = " " + folded
	}
	if strings.TrimRightFunc(s, unicode.IsSpace) != s {
		folded += " "
	}
	return folded
}
