package compare

import "testing"

func TestSpelling(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"plain word", "counterterrorism", "counterterrorism"},
		{"surrounding space", " said\n", "said"},
		{"curly apostrophe", "don’t", "don't"},
		{"opening single mark", "‘90s", "'90s"},
		{"hyphen sign", "counter‐terrorism", "counter-terrorism"},
		{"non-breaking hyphen", "counter‑terrorism", "counter-terrorism"},
		{"other marks kept", "café—ok…", "café—ok…"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := spelling(tc.in); got != tc.want {
				t.Errorf("spelling(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestIsWordRune(t *testing.T) {
	for _, tc := range []struct {
		r    rune
		want bool
	}{
		{'a', true}, {'Z', true}, {'7', true}, {'é', true}, {'\u0301', true}, {'中', true}, {'٣', true},
		{' ', false}, {'-', false}, {'\'', false}, {'_', false}, {'@', false}, {'[', false}, {'`', false}, {'{', false}, {'—', false},
	} {
		if got := isWordRune(tc.r); got != tc.want {
			t.Errorf("isWordRune(%q) = %v, want %v", tc.r, got, tc.want)
		}
	}
}

func TestNumWords(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     int
	}{
		{"empty", "", 0},
		{"punctuation alone", " — … ", 0},
		{"joined words", "don't counter-terrorism", 2},
		{"figures", "3.5 and 1,000.", 3},
		{"trailing space", "We will win, ", 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := numWords(tc.in); got != tc.want || got != len(words(tc.in)) {
				t.Errorf("numWords(%q) = %d, want %d, as many as words gives (%d)", tc.in, got, tc.want, len(words(tc.in)))
			}
		})
	}
}
