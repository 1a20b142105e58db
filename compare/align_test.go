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
	got := groupTexts(texts)
	want := [][]int{{0, 1, 3, 4}, {0, 2, 3}, {5}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("groups %v, want %v (whole statements join each piece's group; a group inside another is dropped)", got, want)
	}
}

func TestGroupItemsNested(t *testing.T) {
	// r1 and r2 both quote a speaker who quotes someone else (item 1 is
	// nested in item 0, item 3 in item 2); r3 quotes an order nested at the
	// start of its own words, which r4 quotes alone.
	texts := []struct {
		report, text string
		outer        int
	}{
		{"r1", "He was angry about the delay. But I was worried. He said: 'The bridge is safe. It is a short span.'", -1},
		{"r1", "The bridge is safe. It is a short span.", 0},
		{"r2", "He was angry about the delay. But I was worried. He said: 'The bridge is safe. It is a short span.'", -1},
		{"r2", "The bridge is safe. It is a short span.", 2},
		{"r3", "'Drive at forty miles an hour or we do it again.' But that car was a death trap with a loose seat.", -1},
		{"r3", "Drive at forty miles an hour or we do it again.", 4},
		{"r4", "Drive at forty miles an hour or we do it again.", -1},
	}
	var items []item
	for _, x := range texts {
		it := newItem(x.report, x.report, "", x.text)
		it.outer = x.outer
		items = append(items, it)
	}
	got := groupItems(items, linkItems(items, DefaultOptions()))
	want := [][]int{{0, 2}, {1, 3}, {4, 5, 6}}
	slices.SortFunc(got, slices.Compare)
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("groups %v, want %v (a quote rendered whole elsewhere stays out of its nested quote's group; one rendered nowhere else joins it)", got, want)
	}
}

func TestGroupItemsCoveredInOnePlace(t *testing.T) {
	// r1 quotes a whole statement and r2 its second sentence; r3 quotes
	// the start of that sentence, r4 a rewording of it, r5 the first
	// sentence and r6 both sentences.
	texts := []struct{ report, text string }{
		{"r1", "Construction starts in September and should be finished before the winter of 2028. We have learned from the delays on the North Pier project, and this contract carries penalties for every week it runs late."},
		{"r2", "We have learned from the delays on the North Pier project, and this contract carries penalties for every week it runs late."},
		{"r3", "We have learned from the delays on the North Pier project,"},
		{"r4", "We learned our lesson from the North Pier delays, and this contract punishes every week it runs late."},
		{"r5", "Construction starts in September and should be finished before the winter of 2028."},
	}
	got := groupTexts(texts)
	want := [][]int{{0, 1, 2, 3}, {0, 4}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("groups %v, want %v (quotes a longer one covers in one place are one group, though they share few words; a piece elsewhere keeps its own)", got, want)
	}
}

// groupTexts groups quotes of the given reports and texts, one item each,
// and returns the groups in order.
func groupTexts(texts []struct{ report, text string }) [][]int {
	var items []item
	for _, x := range texts {
		items = append(items, newItem(x.report, x.report, "", x.text))
	}
	got := groupItems(items, linkItems(items, DefaultOptions()))
	slices.SortFunc(got, slices.Compare)
	return got
}
