package compare

import "testing"

func TestOneLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain words", "plain words"},
		{"two\nlines", "two lines"},
		{"  padded\t", " padded "},
		{"\n\n", " "},
		{"no\u00a0break space", "no break space"},
		{"\u2003em space at the start", " em space at the start"},
	}
	for _, tt := range tests {
		if got := OneLine(tt.in); got != tt.want {
			t.Errorf("OneLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
