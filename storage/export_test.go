package storage

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-review/parallax/compare"
)

// reviewedCase makes the sample case with verdicts on a group and one of
// its members, the member's verdict changed once, and an orphaned verdict.
func reviewedCase(t *testing.T, s *Store) (c Case, group, member string) {
	t.Helper()
	ctx := context.Background()
	c, a, _ := sampleCase(t, s)
	group, member = flaggedMember(t, a)
	mustRecord(t, s, c.ID, member, "unverified", "")
	if _, err := s.RecordVerdict(ctx, c.ID, member, VerdictInput{Status: "altered", Note: "figure | changed, \"84\"",
		Evidence: []string{"https://council.example/minutes"}, Reviewer: "ana"}); err != nil {
		t.Fatal(err)
	}
	mustRecord(t, s, c.ID, group, "out of context/trimmed", "see the full transcript")
	// A verdict on the last report's first quote, then the report goes.
	last := a.Reports[len(a.Reports)-1]
	for _, q := range a.Quotes {
		if q.Report == last.ID && q.ID != member {
			mustRecord(t, s, c.ID, q.ID, "accurate", "orphan to be")
			break
		}
	}
	if err := s.RemoveReport(ctx, c.ID, a.ReportIDs[last.ID]); err != nil {
		t.Fatal(err)
	}
	return c, group, member
}

func TestExportCSV(t *testing.T) {
	s := mustOpen(t)
	c, group, member := reviewedCase(t, s)
	var buf bytes.Buffer
	if err := s.ExportCSV(context.Background(), c.ID, &buf); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("the export is not CSV: %v", err)
	}
	head := rows[0]
	col := func(name string) int {
		i := slices.Index(head, name)
		if i < 0 {
			t.Fatalf("no column %q in %v", name, head)
		}
		return i
	}
	for _, name := range []string{"case", "group", "outlet", "speaker", "text", "flags", "verdict", "note", "reviewer", "verdict_time"} {
		col(name)
	}
	var memberRow, orphanRow []string
	for _, r := range rows[1:] {
		if len(r) != len(head) {
			t.Fatalf("row of %d cells, header of %d", len(r), len(head))
		}
		if r[col("member")] == member {
			memberRow = r
		}
		if r[col("member")] == "orphan" {
			orphanRow = r
		}
		if r[col("group")] == group && r[col("group_verdict")] != "out of context/trimmed" {
			t.Errorf("row of %s lacks the group verdict: %v", group, r)
		}
	}
	if memberRow == nil || memberRow[col("verdict")] != "altered" || memberRow[col("note")] != `figure | changed, "84"` ||
		memberRow[col("reviewer")] != "ana" || memberRow[col("flags")] == "" || memberRow[col("outlet")] == "" {
		t.Errorf("row of %s = %v", member, memberRow)
	}
	if _, err := time.Parse(time.RFC3339, memberRow[col("verdict_time")]); err != nil {
		t.Errorf("verdict time: %v", err)
	}
	if orphanRow == nil || orphanRow[col("verdict")] != "accurate" || orphanRow[col("note")] != "orphan to be" {
		t.Errorf("orphaned verdict row = %v", orphanRow)
	}
}

func TestExportJSON(t *testing.T) {
	s := mustOpen(t)
	c, _, member := reviewedCase(t, s)
	var buf bytes.Buffer
	if err := s.ExportJSON(context.Background(), c.ID, &buf); err != nil {
		t.Fatal(err)
	}
	var doc CaseDocument
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("the export is not JSON: %v", err)
	}
	if doc.Case.UID != c.UID || len(doc.Reports) != 3 || doc.Analysis == nil || len(doc.Analysis.Groups) == 0 ||
		len(doc.Scale) != len(DefaultScale()) {
		t.Fatalf("document: case %+v, %d reports, analysis %v", doc.Case, len(doc.Reports), doc.Analysis != nil)
	}
	var onMember []VerdictJSON
	orphans := 0
	for _, v := range doc.Verdicts {
		if v.Ref == member {
			onMember = append(onMember, v)
		}
		if v.Orphan {
			orphans++
		}
	}
	if len(doc.Verdicts) != 4 || orphans != 1 || len(onMember) != 2 ||
		onMember[0].Status != "unverified" || onMember[0].Current || onMember[1].Status != "altered" || !onMember[1].Current ||
		!slices.Equal(onMember[1].Evidence, []string{"https://council.example/minutes"}) {
		t.Errorf("verdict history in JSON = %+v", doc.Verdicts)
	}
}

func TestExportMarkdown(t *testing.T) {
	s := mustOpen(t)
	c, group, _ := reviewedCase(t, s)
	var buf bytes.Buffer
	if err := s.ExportMarkdown(context.Background(), c.ID, &buf); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	for _, want := range []string{
		"# Flood barrier\n",
		"3 reports · 4 verdicts recorded · changed ",
		"## Reports\n",
		"### " + group + " · ",
		"Verdict on the group: **out of context/trimmed** — see the full transcript",
		"  - Verdict: **altered** — figure | changed, \"84\" [evidence](https://council.example/minutes) (ana, ",
		"~~", "⚑ ",
		"## Orphaned verdicts\n",
		"## Verdict history\n",
		"| unverified |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
}

func TestExportMarkdownOneVerdict(t *testing.T) {
	s := mustOpen(t)
	c, a, _ := sampleCase(t, s)
	mustRecord(t, s, c.ID, a.Groups[0].ID, "accurate", "checked against the minutes")
	var buf bytes.Buffer
	if err := s.ExportMarkdown(context.Background(), c.ID, &buf); err != nil {
		t.Fatal(err)
	}
	if md := buf.String(); !strings.Contains(md, "4 reports · 1 verdict recorded · ") {
		t.Errorf("Markdown begins %q, want the four reports and one verdict counted", md[:min(len(md), 120)])
	}
}

func TestMarkDiff(t *testing.T) {
	tests := []struct {
		name  string
		edits []compare.Edit
		want  string
	}{
		{"number", []compare.Edit{{Op: compare.OpEqual, Text: "cost $"}, {Op: compare.OpDelete, Text: "48"}, {Op: compare.OpInsert, Text: "84"}, {Op: compare.OpEqual, Text: " million"}}, "cost $~~48~~**84** million"},
		{"spaces outside marks", []compare.Edit{{Op: compare.OpEqual, Text: "we will"}, {Op: compare.OpDelete, Text: " not"}, {Op: compare.OpEqual, Text: " raise"}}, "we will ~~not~~ raise"},
		{"markdown in text", []compare.Edit{{Op: compare.OpEqual, Text: "a *b*"}, {Op: compare.OpInsert, Text: " [c]"}}, `a \*b\* **\[c\]**`},
		{"line breaks folded", []compare.Edit{{Op: compare.OpEqual, Text: "one\n\ntwo"}}, "one two"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := markDiff(tc.edits); got != tc.want {
				t.Errorf("markDiff = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestClaimReview(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	c, group, _ := reviewedCase(t, s)
	pub := Publisher{Organization: "Harbour Checks", OrganizationURL: "https://checks.example", URL: "https://checks.example/flood-barrier"}

	var buf bytes.Buffer
	if err := s.ExportClaimReview(ctx, c.ID, pub, &buf); err != nil {
		t.Fatal(err)
	}
	var reviews []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &reviews); err != nil {
		t.Fatalf("the export is not a JSON array: %v", err)
	}
	if len(reviews) != 1 {
		t.Fatalf("%d ClaimReviews, want one for the reviewed group %s", len(reviews), group)
	}
	for _, r := range reviews {
		validateClaimReview(t, r)
	}
	rating := reviews[0]["reviewRating"].(map[string]any)
	if rating["alternateName"] != "out of context/trimmed" || rating["ratingValue"] != 3.0 {
		t.Errorf("reviewRating = %v, want the verdict and its rating 3", rating)
	}

	// A status that rates nothing keeps its name and drops the numbers.
	mustRecord(t, s, c.ID, group, "unverified", "")
	reviewsNow, err := s.ClaimReviews(ctx, c.ID, pub)
	if err != nil {
		t.Fatal(err)
	}
	if r := reviewsNow[0].ReviewRating; r.AlternateName != "unverified" || r.RatingValue != 0 || r.BestRating != 0 {
		t.Errorf("rating of an unrated status = %+v", r)
	}

	for _, bad := range []Publisher{
		{URL: pub.URL},
		{Organization: "X", URL: "/flood"},
		{Organization: "X", URL: pub.URL, OrganizationURL: "checks.example"},
	} {
		if _, err := s.ClaimReviews(ctx, c.ID, bad); err == nil {
			t.Errorf("ClaimReviews accepted publisher %+v", bad)
		}
	}
}

// validateClaimReview checks a ClaimReview against the fields schema.org
// and fact-check aggregators require.
func validateClaimReview(t *testing.T, r map[string]any) {
	t.Helper()
	str := func(m map[string]any, key string) string {
		s, _ := m[key].(string)
		if s == "" {
			t.Errorf("ClaimReview: %q missing or empty in %v", key, m)
		}
		return s
	}
	obj := func(m map[string]any, key string) map[string]any {
		o, ok := m[key].(map[string]any)
		if !ok {
			t.Fatalf("ClaimReview: %q is not an object in %v", key, m)
		}
		return o
	}
	absolute := func(s string) {
		u, err := url.Parse(s)
		if err != nil || !u.IsAbs() || u.Host == "" {
			t.Errorf("ClaimReview: URL %q is not absolute", s)
		}
	}
	if str(r, "@context") != "https://schema.org" || str(r, "@type") != "ClaimReview" {
		t.Errorf("ClaimReview: @context/@type = %v/%v", r["@context"], r["@type"])
	}
	absolute(str(r, "url"))
	if _, err := time.Parse("2006-01-02", str(r, "datePublished")); err != nil {
		t.Errorf("ClaimReview: datePublished: %v", err)
	}
	str(r, "claimReviewed")
	author := obj(r, "author")
	str(author, "name")
	if author["@type"] != "Organization" {
		t.Errorf("ClaimReview: author type %v, want Organization", author["@type"])
	}
	if u, ok := author["url"].(string); ok {
		absolute(u)
	}
	rating := obj(r, "reviewRating")
	str(rating, "alternateName")
	if _, ok := rating["ratingValue"]; ok {
		best, _ := rating["bestRating"].(float64)
		worst, _ := rating["worstRating"].(float64)
		value, _ := rating["ratingValue"].(float64)
		if !(best > worst && worst >= 1) || value < worst || value > best {
			t.Errorf("ClaimReview: rating %v of worst %v, best %v", value, worst, best)
		}
	}
	item := obj(r, "itemReviewed")
	if item["@type"] != "Claim" {
		t.Errorf("ClaimReview: itemReviewed type %v, want Claim", item["@type"])
	}
	str(obj(item, "author"), "name")
	appearances, _ := item["appearance"].([]any)
	if len(appearances) == 0 {
		t.Error("ClaimReview: the claim has no appearance")
	}
	for _, a := range appearances {
		absolute(str(a.(map[string]any), "url"))
	}
}
