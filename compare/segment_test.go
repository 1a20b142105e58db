package compare

import (
	"slices"
	"testing"
)

// sentenceTexts returns the sentences of each paragraph of body.
func sentenceTexts(body string) [][]string {
	var out [][]string
	for _, p := range segment(body) {
		var ss []string
		for _, s := range p.sentences {
			ss = append(ss, body[s.Start:s.End])
		}
		out = append(out, ss)
	}
	return out
}

func TestSegment(t *testing.T) {
	tests := []struct {
		name string
		body string
		want [][]string
	}{
		{"paragraphs and sentences", "One here. Two there.\n\nThree.",
			[][]string{{"One here.", "Two there."}, {"Three."}}},
		{"titles", "Mr. Kirby met Sen. Warren and Gen. Milley. They spoke.",
			[][]string{{"Mr. Kirby met Sen. Warren and Gen. Milley.", "They spoke."}}},
		{"a congressman's title", "She will face former Cong. Rob Hale in May. He lost in 2010.",
			[][]string{{"She will face former Cong. Rob Hale in May.", "He lost in 2010."}}},
		{"dotted abbreviations mid-sentence", "The U.S. Senate met at 9 a.m. Eastern on Monday.",
			[][]string{{"The U.S. Senate met at 9 a.m. Eastern on Monday."}}},
		{"dotted abbreviation ending a sentence", "He moved to the U.S. The move was hard.",
			[][]string{{"He moved to the U.S.", "The move was hard."}}},
		{"months and numbers", "It opens Jan. 5 at No. 10 Downing Street. Crowds came.",
			[][]string{{"It opens Jan. 5 at No. 10 Downing Street.", "Crowds came."}}},
		{"no is a word before a capital", "She said no. Then she left.",
			[][]string{{"She said no.", "Then she left."}}},
		{"initials", "John F. Kennedy spoke. Crowds cheered.",
			[][]string{{"John F. Kennedy spoke.", "Crowds cheered."}}},
		{"company suffix ending a sentence", "He works at Apple Inc. The firm agreed.",
			[][]string{{"He works at Apple Inc.", "The firm agreed."}}},
		{"never inside a quotation", `"We came. We saw. We left," Khan said. Then he went home.`,
			[][]string{{`"We came. We saw. We left," Khan said.`, "Then he went home."}}},
		{"closing mark ends the sentence", `He said "It is over." The crowd left.`,
			[][]string{{`He said "It is over."`, "The crowd left."}}},
		{"a quote left open runs on", "“It is a test. If it fails, we learn.\n\n“We try again,” he said.",
			[][]string{{"“It is a test.", "If it fails, we learn."}, {"“We try again,” he said."}}},
		{"question and exclamation", "Why now? Because! It works.",
			[][]string{{"Why now?", "Because!", "It works."}}},
		{"white space around", "  \n  Alone.  \n\n", [][]string{{"Alone."}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentenceTexts(tt.body)
			if !slices.EqualFunc(got, tt.want, slices.Equal[[]string]) {
				t.Errorf("sentences of %q\n got %q\nwant %q", tt.body, got, tt.want)
			}
		})
	}
}
