package ingest

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestTrimSiteName(t *testing.T) {
	tests := []struct {
		title, outlet, url, want string
	}{
		{"Ferry resumes | Easthaven Daily", "Easthaven Daily", "", "Ferry resumes"},
		{"Easthaven Daily - Ferry resumes", "Easthaven Daily", "", "Ferry resumes"},
		{"Ferry resumes - Daily.example", "", "https://www.daily.example/ferry", "Ferry resumes"},
		{"Ferry resumes - Digg", "Digg", "https://digg.com/2019/ferry", "Ferry resumes"},
		{"Ferry resumes - Daily - Memorabilia", "Daily - Memorabilia", "", "Ferry resumes"},
		{"Island news: Ferry resumes", "Daily | Island news", "", "Ferry resumes"},
		{"Daily | Island news: Ferry resumes", "Daily | Island news", "", "Ferry resumes"},
		{"Ferry resumes: the timetable", "Easthaven Daily", "", "Ferry resumes: the timetable"},
		{"Opinion | Ferry resumes", "Easthaven Daily", "", "Opinion | Ferry resumes"},
		{"Ferry resumes", "", "", "Ferry resumes"},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			if got := trimSiteName(tt.title, tt.outlet, tt.url); got != tt.want {
				t.Errorf("trimSiteName(%q, %q, %q) = %q, want %q", tt.title, tt.outlet, tt.url, got, tt.want)
			}
		})
	}
}

func TestLinksHome(t *testing.T) {
	page := `<html><body><div id="header"><a href="/"><h1>Site Name</h1></a>
<a href="https://daily.example"><span>Daily</span></a><a href="/news/1">Headline</a></div></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]bool{"Site Name": true, "site name": true, "Daily": true, "Headline": false, "": false} {
		if got := linksHome(doc, text); got != want {
			t.Errorf("linksHome(%q) = %v, want %v", text, got, want)
		}
	}
}
