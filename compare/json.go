package compare

import (
	"encoding/json"
	"io"
	"slices"
)

// FormatVersion is the version of the JSON document WriteJSON prints.
const FormatVersion = 1

// ReportSummary is a report as the JSON document lists it.
type ReportSummary struct {
	ID        string `json:"id"`
	File      string `json:"file"`
	Outlet    string `json:"outlet"`
	Title     string `json:"title"`
	Date      string `json:"date"`
	URL       string `json:"url"`
	Author    string `json:"author,omitempty"`
	Words     int    `json:"words"`
	Reference bool   `json:"reference"`
	// SyndicatedWith lists the other reports that carry the same text
	// (one wire story run by several outlets); CopyOf is the report this
	// one was taken from. Both are absent for an original report.
	SyndicatedWith []string `json:"syndicated_with,omitempty"`
	CopyOf         string   `json:"copy_of,omitempty"`
}

// Document is the machine-readable form of a Result, as printed by
// `parallax compare --format json`.
type Document struct {
	Version int             `json:"version"`
	Engine  string          `json:"engine"`
	Reports []ReportSummary `json:"reports"`
	Quotes  []Quote         `json:"quotes"`
	Claims  []Claim         `json:"claims"`
	Groups  []Group         `json:"groups"`
}

// Document returns the result in its machine-readable form. Empty lists
// are empty, never null.
func (r *Result) Document() Document {
	doc := Document{
		Version: FormatVersion,
		Engine:  Version,
		Reports: make([]ReportSummary, 0, len(r.Reports)),
		Quotes:  nonNil(r.Quotes),
		Claims:  make([]Claim, len(r.Claims)),
		Groups:  make([]Group, len(r.Groups)),
	}
	with, copyOf := map[string][]string{}, map[string]string{}
	for _, g := range SyndicationGroups(r.Reports, r.Syndication) {
		for _, id := range g {
			with[id] = slices.DeleteFunc(slices.Clone(g), func(o string) bool { return o == id })
		}
	}
	best := map[string]float64{}
	for _, s := range r.Syndication {
		if s.Containment > best[s.Copy] {
			best[s.Copy], copyOf[s.Copy] = s.Containment, s.Of
		}
	}
	for _, rep := range r.Reports {
		doc.Reports = append(doc.Reports, ReportSummary{
			ID: rep.ID, File: rep.File, Outlet: rep.Meta.Outlet, Title: rep.Meta.Title,
			Date: rep.Meta.Date, URL: rep.Meta.URL, Author: rep.Meta.Author,
			Words: WordCount(rep.Body), Reference: rep.Reference,
			SyndicatedWith: with[rep.ID], CopyOf: copyOf[rep.ID],
		})
	}
	for i, c := range r.Claims {
		c.Numbers = nonNil(c.Numbers)
		doc.Claims[i] = c
	}
	for i, g := range r.Groups {
		g.Flags, g.Diffs = nonNil(g.Flags), nonNil(g.Diffs)
		doc.Groups[i] = g
	}
	return doc
}

// WriteJSON prints the result's Document, indented.
func (r *Result) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r.Document())
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// WordCount counts the words of a text as Parallax compares them.
func WordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := isWordRune(r) || in && (r == '\'' || r == '’' || r == '-')
		if w && !in {
			n++
		}
		in = w
	}
	return n
}
