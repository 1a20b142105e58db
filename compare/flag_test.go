package compare

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestFlags(t *testing.T) {
	const ref = "The barrier will cost $48 million, and we will not raise property taxes to pay for it."
	tests := []struct {
		name, ref, member      string
		refSpeaker, memSpeaker string
		want                   map[FlagKind]string // kind → a part of its detail
	}{
		{name: "verbatim", ref: ref, member: ref, want: map[FlagKind]string{}},
		{name: "changed figure", ref: ref,
			member: "The barrier will cost $84 million, and we will not raise property taxes to pay for it.",
			want:   map[FlagKind]string{FlagNumber: "“48” vs “84”"}},
		{name: "spelled-out number", ref: "Seven people died in the crash on Sunday.",
			member: "Eight people died in the crash on Sunday.",
			want:   map[FlagKind]string{FlagNumber: "“seven” vs “eight”"}},
		{name: "dropped not", ref: ref,
			member: "The barrier will cost $48 million, and we will raise property taxes to pay for it.",
			want:   map[FlagKind]string{FlagNegation: "“not” dropped"}},
		{name: "added never", ref: "We will raise taxes to pay for the barrier.",
			member: "We will never raise taxes to pay for the barrier.",
			want:   map[FlagKind]string{FlagNegation: "“never” added"}},
		{name: "contraction", ref: "I do think it is going to look right.",
			member: "I don't think it is going to look right.",
			want:   map[FlagKind]string{FlagNegation: "added"}},
		{name: "trimmed at the end", ref: ref, member: "The barrier will cost $48 million,",
			want: map[FlagKind]string{FlagTrimmed: "drops 11 words at the end"}},
		{name: "trimmed at the start", ref: ref, member: "we will not raise property taxes to pay for it.",
			want: map[FlagKind]string{FlagTrimmed: "drops 7 words at the start"}},
		{name: "trimmed words hold a not", ref: ref, member: "The barrier will cost $48 million,",
			want: map[FlagKind]string{FlagTrimmed: "at the end"}},
		{name: "extended", ref: "we will not raise property taxes",
			member: "we will not raise property taxes to pay for it",
			want:   map[FlagKind]string{FlagExtended: "adds 4 words at the end"}},
		{name: "ellipsis", ref: ref, member: "The barrier will cost $48 million … to pay for it.",
			want: map[FlagKind]string{FlagEllipsis: "cut with an ellipsis"}},
		{name: "three dots", ref: ref, member: "The barrier will cost $48 million... to pay for it.",
			want: map[FlagKind]string{FlagEllipsis: "“and we will not raise property taxes”"}},
		{name: "British and American spelling", ref: "This is a defence of the whole city.",
			member: "This is a defense of the whole city.",
			want:   map[FlagKind]string{FlagSpelling: "“defense” for “defence”"}},
		{name: "hyphenation", ref: "We expect sustained action on counter-terrorism and reconciliation.",
			member: "We expect sustained action on counterterrorism and reconciliation.",
			want:   map[FlagKind]string{FlagSpelling: "counterterrorism"}},
		{name: "split word", ref: "We expect sustained action on counterterrorism and reconciliation.",
			member: "We expect sustained action on counter terrorism and reconciliation.",
			want:   map[FlagKind]string{FlagSpelling: "counter terrorism"}},
		{name: "case", ref: "we must protect our homes first", member: "we must Protect our homes first",
			want: map[FlagKind]string{FlagSpelling: "“Protect” for “protect”"}},
		{name: "capital where a quote was cut", ref: "and we will protect our homes", member: "We will protect our homes",
			want: map[FlagKind]string{FlagTrimmed: "drops 1 word at the start"}},
		{name: "closing punctuation is no difference", ref: "protect our homes first.", member: "protect our homes first,",
			want: map[FlagKind]string{}},
		{name: "quote-mark style is no difference", ref: "he said ‘go’ and left", member: "he said 'go' and left",
			want: map[FlagKind]string{}},
		{name: "reworded", ref: "We have learned from the delays on the North Pier project.",
			member: "We learned our lesson from the North Pier delays.",
			want:   map[FlagKind]string{FlagWording: "words changed"}},
		{name: "other speaker", ref: ref, member: ref, refSpeaker: "Elena Marsh", memSpeaker: "Tom Reyes",
			want: map[FlagKind]string{FlagSpeaker: "credited to Tom Reyes; the reference has Elena Marsh"}},
		{name: "same speaker by surname", ref: ref, member: ref, refSpeaker: "Elena Marsh", memSpeaker: "Marsh",
			want: map[FlagKind]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newItem("a", "r1", tt.refSpeaker, tt.ref)
			b := newItem("b", "r2", tt.memSpeaker, tt.member)
			_, flags := compareItems(&a, &b, DefaultOptions())
			got := map[FlagKind]string{}
			for _, f := range flags {
				if f.Member != "b" {
					t.Errorf("flag %v is about %s, not the member", f, f.Member)
				}
				got[f.Kind] = f.Detail
			}
			for kind, part := range tt.want {
				if !strings.Contains(got[kind], part) {
					t.Errorf("%s flag: got %q, want it to contain %q (all flags: %v)", kind, got[kind], part, flags)
				}
			}
			for kind, detail := range got {
				if _, ok := tt.want[kind]; !ok {
					t.Errorf("unexpected %s flag: %s", kind, detail)
				}
			}
		})
	}
}

func TestDiffEdits(t *testing.T) {
	tests := []struct {
		name, ref, member string
		want              string // edits as [-deleted-]{+inserted+}
	}{
		{"verbatim", "we will not stop", "we will not stop", "we will not stop"},
		{"changed number", "it costs $48 million", "it costs $84 million", "it costs $[-48-]{+84+} million"},
		{"kept sentence between cuts stays kept",
			"Work starts in May. We have learned from the delays on the pier. It will be done.",
			"We have learned from the delays on the pier.",
			"[-Work starts in May. -]We have learned from the delays on the pier.[- It will be done.-]"},
		{"lone kept word folds into a replacement", "the river came over the eastern wall",
			"the river overtopped the eastern wall",
			"the river[- came over-]{+ overtopped+} the eastern wall"},
		{"quote marks", "he said “go” now", "he said \"go\" now", "he said \"go\" now"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			edits := diffTokens(tokenize(tt.ref), tokenize(tt.member), DefaultOptions().DiffTimeout).edits()
			var sb strings.Builder
			for _, e := range edits {
				switch e.Op {
				case OpDelete:
					sb.WriteString("[-" + e.Text + "-]")
				case OpInsert:
					sb.WriteString("{+" + e.Text + "+}")
				default:
					sb.WriteString(e.Text)
				}
			}
			if sb.String() != tt.want {
				t.Errorf("got  %s\nwant %s", sb.String(), tt.want)
			}
		})
	}
}

// TestDiffTokensExact checks that a diff of texts of ordinary length runs to
// the end whatever its deadline, so that a busy machine gets the same diff.
func TestDiffTokensExact(t *testing.T) {
	ref := tokenize(strings.Repeat("The council voted on the bridge plan and the mayor called it a triumph for the town. ", 20))
	member := tokenize(strings.Repeat("The council approved the new bridge plan, and the mayor hailed it as a triumph for the city. ", 20))
	want := diffTokens(ref, member, time.Hour).runs
	if got := diffTokens(ref, member, time.Nanosecond).runs; !slices.Equal(got, want) {
		t.Errorf("with a deadline of 1 ns the diff has %d runs, without one %d: the deadline cut it short", len(got), len(want))
	}
}
