package storage

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"

	"github.com/parallax-review/parallax/compare"
)

// Publisher says who publishes ClaimReviews and where.
type Publisher struct {
	// Organization is the reviewing organisation's name.
	Organization string
	// OrganizationURL is its home page, an absolute URL; optional.
	OrganizationURL string
	// URL is the absolute URL of the page that publishes the reviews;
	// each review's url is this page with a fragment naming the review.
	URL string
}

// check refuses a publisher without a name or with URLs that are not
// absolute.
func (p Publisher) check() error {
	if p.Organization == "" {
		return errors.New("the reviewing organisation's name is missing")
	}
	if !absoluteURL(p.URL) {
		return fmt.Errorf("the review page URL %q is not an absolute http or https URL", p.URL)
	}
	if p.OrganizationURL != "" && !absoluteURL(p.OrganizationURL) {
		return fmt.Errorf("the organisation URL %q is not an absolute http or https URL", p.OrganizationURL)
	}
	return nil
}

// absoluteURL tells whether s is an absolute http or https URL.
func absoluteURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// ClaimReview is a schema.org ClaimReview, as ExportClaimReview writes it.
type ClaimReview struct {
	Context       string       `json:"@context"`
	Type          string       `json:"@type"`
	URL           string       `json:"url"`
	DatePublished string       `json:"datePublished"`
	Author        Thing        `json:"author"`
	ClaimReviewed string       `json:"claimReviewed"`
	ReviewRating  Rating       `json:"reviewRating"`
	ItemReviewed  ReviewedItem `json:"itemReviewed"`
}

// Thing is a schema.org Person, Organization or CreativeWork, named.
type Thing struct {
	Type string `json:"@type"`
	Name string `json:"name,omitempty"`
	URL  string `json:"url,omitempty"`
}

// Rating is a schema.org Rating. The numbers are left out for a status
// that rates nothing.
type Rating struct {
	Type          string `json:"@type"`
	AlternateName string `json:"alternateName"`
	RatingValue   int    `json:"ratingValue,omitempty"`
	BestRating    int    `json:"bestRating,omitempty"`
	WorstRating   int    `json:"worstRating,omitempty"`
}

// ReviewedItem is the schema.org Claim a ClaimReview is about.
type ReviewedItem struct {
	Type          string  `json:"@type"`
	Author        Thing   `json:"author"`
	DatePublished string  `json:"datePublished,omitempty"`
	Appearance    []Thing `json:"appearance,omitempty"`
}

// ClaimReviews returns a schema.org ClaimReview for each group of a case
// with a current verdict: the claim reviewed is the group's reference
// text, its author the quote's speaker (or, for a claim or a quote
// without one, the reference report's outlet), its appearances the URLs of the reports that
// carry it; the rating comes from the scale.
func (s *Store) ClaimReviews(ctx context.Context, caseID int64, pub Publisher) ([]ClaimReview, error) {
	if err := pub.check(); err != nil {
		return nil, fmt.Errorf("ClaimReview of case %d: %w", caseID, err)
	}
	d, err := s.loadCaseData(ctx, caseID)
	if err != nil {
		return nil, fmt.Errorf("ClaimReview of case %d: %w", caseID, err)
	}
	best, worst := 0, 0
	for _, st := range d.Scale {
		if st.Rating > 0 {
			best = max(best, st.Rating)
			if worst == 0 || st.Rating < worst {
				worst = st.Rating
			}
		}
	}
	reviews := []ClaimReview{}
	for _, g := range d.groups() {
		v, ok := d.byRef[g.ID]
		if !ok {
			continue
		}
		reviews = append(reviews, d.claimReview(&g, v, pub, best, worst))
	}
	return reviews, nil
}

func (d *caseData) claimReview(g *compare.Group, v Verdict, pub Publisher, best, worst int) ClaimReview {
	ref := d.items[g.Reference]
	rating := Rating{Type: "Rating", AlternateName: v.Status}
	if st, ok := findStatus(d.Scale, v.Status); ok && st.Rating > 0 && best > worst {
		rating.RatingValue, rating.BestRating, rating.WorstRating = st.Rating, best, worst
	}
	author := Thing{Type: "Organization", Name: ref.report.Meta.Outlet}
	if g.Kind == compare.KindQuote && ref.speaker != "" {
		author = Thing{Type: "Person", Name: ref.speaker}
	}
	item := ReviewedItem{Type: "Claim", Author: author, DatePublished: ref.report.Meta.Date}
	seen := map[string]bool{}
	for _, m := range g.Members {
		r := d.items[m].report
		if absoluteURL(r.Meta.URL) && !seen[r.Meta.URL] {
			seen[r.Meta.URL] = true
			item.Appearance = append(item.Appearance, Thing{Type: "CreativeWork", Name: r.Meta.Outlet, URL: r.Meta.URL})
		}
	}
	sum := sha256.Sum256([]byte(v.Target.key()))
	return ClaimReview{
		Context:       "https://schema.org",
		Type:          "ClaimReview",
		URL:           pageURL(pub.URL, "review-"+hex.EncodeToString(sum[:6])),
		DatePublished: v.Time.UTC().Format("2006-01-02"),
		Author:        Thing{Type: "Organization", Name: pub.Organization, URL: pub.OrganizationURL},
		ClaimReviewed: trimmedLine(ref.text),
		ReviewRating:  rating,
		ItemReviewed:  item,
	}
}

// pageURL returns the page at base with the fragment.
func pageURL(base, fragment string) string {
	u, _ := url.Parse(base)
	u.Fragment = fragment
	return u.String()
}

// ExportClaimReview writes the case's ClaimReviews as a JSON-LD array.
func (s *Store) ExportClaimReview(ctx context.Context, caseID int64, pub Publisher, w io.Writer) error {
	reviews, err := s.ClaimReviews(ctx, caseID, pub)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(reviews); err != nil {
		return fmt.Errorf("ClaimReview of case %d: %w", caseID, err)
	}
	return nil
}
