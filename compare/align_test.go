package compare

import (
	"slices"
	"testing"
)

func TestGroupItems(t *testing.T) {
	// r1 quotes a whole statement; r2 and r3 each quote one sentence of it;
	// r4 quotes the whole statement too, r5 a part of r2's sentence.
	texts := []struct{ report, text string }{
		{"r1", "The barrier will cost $48 million, and we will not raise taxes to pay for it. Two thirds of the money comes from the state fund."},
		{"r2", "The barrier will cost $48 million, and we will not raise taxes to pay for it."},
		{"r3", "Two thirds of the money comes from the state fund."},
		{"r4", "The barrier will cost $48 million, and we will not raise taxes to pay for it. Two thirds of the money comes from the state fund."},
		{"r5", "we will not raise taxes to pay for it"},
		{"r6", "Construction starts in September and ends before the winter."},
	}
	var items []item
	for _, x := range texts {
		items = append(items, newItem(x.report, x.report, "", x.text))
	}
	got := groupItems(items, linkItems(items, DefaultOptions()))
	want := [][]int{{0, 1, 3, 4}, {0, 2, 3}, {5}}
	slices.SortFunc(got, slices.Compare)
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("groups %v, want %v (whole statements join each piece's group; a group inside another is dropped)", got, want)
	}
}
