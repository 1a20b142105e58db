package compare

import (
	"strings"
	"testing"
)

func TestStemSynonyms(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b string
		same bool
	}{
		{"inflections meet", "released", "releasing", true},
		{"a purchase is an acquisition", "bought", "acquisition", true},
		{"footage is video", "footage", "video", true},
		{"an injury is a wound", "injuries", "wounded", true},
		{"the marriage and the married", "marriage", "married", true},
		{"shares are stock", "shares", "stocks", true},
		{"a rise is no fall", "rose", "fell", false},
		{"unrelated words stay apart", "barrier", "river", false},
		{"a mass is no weight", "mass", "weight", false},
		{"a strike overturns nothing", "strike", "overturned", false},
		{"a bar is no ban", "bar", "ban", false},
		{"a clear sky approves nothing", "clear", "approved", false},
		{"a boot kicks no one out", "boot", "ejected", false},
		{"a commercial flight is no advertisement", "commercial", "ad", false},
		{"to vet is not to be a veteran", "vets", "veterans", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := stem(tc.a) == stem(tc.b); got != tc.same {
				t.Errorf("stem(%q) = %q, stem(%q) = %q; same = %v, want %v", tc.a, stem(tc.a), tc.b, stem(tc.b), got, tc.same)
			}
		})
	}
}

// TestSynonymGroupsApart checks that no word belongs to two synonym groups:
// the later group would silently take it from the earlier.
func TestSynonymGroupsApart(t *testing.T) {
	owner := map[string]string{}
	for _, g := range synonymGroups {
		ws := strings.Fields(g)
		for _, w := range ws {
			for _, k := range []string{w, plainStem(w)} {
				if o, ok := owner[k]; ok && o != ws[0] {
					t.Errorf("%q (from %q) is in the groups of %q and %q", k, w, o, ws[0])
				}
				owner[k] = ws[0]
			}
		}
	}
}
