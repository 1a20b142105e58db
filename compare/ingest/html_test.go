package ingest

import (
	"testing"

	trafilatura "github.com/markusmobius/go-trafilatura"
)

// TestHTMLDateSearchIsFast pins trafilatura's fast date search for HTML
// reports. Its extensive search is the only caller of go-dateparser,
// which go.mod replaces with a stand-in that finds no date
// (third_party/go-dateparser): with it, the dates that search reads from a
// page's text would go missing without a word.
func TestHTMLDateSearchIsFast(t *testing.T) {
	if htmlOptions.HtmlDateMode != trafilatura.Fast || htmlOptions.HtmlDateOptions != nil {
		t.Errorf("HTML date search: mode %d, options %+v; want trafilatura.Fast and no options of its own (see third_party/go-dateparser)",
			htmlOptions.HtmlDateMode, htmlOptions.HtmlDateOptions)
	}
}
