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
