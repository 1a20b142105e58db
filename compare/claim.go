package compare

import (
	"regexp"
)

var figure = regexp.MustCompile(`\$?\d[\d,.]*(?:\s?(?:%|percent|million|billion|bn|m))?`)

// findClaims returns the sentences outside quotes that state figures.
func findClaims(d *document, quotes []Quote) []Claim {
	var claims []Claim
	qi := 0
	for _, p := range d.paragraphs {
		for _, s := range p.sentences {
			for qi < len(quotes) && quotes[qi].End <= s.Start {
				qi++
			}
			if qi < len(quotes) && quotes[qi].Start < s.End {
				continue // the sentence holds a quote
			}
			text := d.text(s)
			nums := figure.FindAllString(text, -1)
			if len(nums) == 0 {
				continue
			}
			claims = append(claims, Claim{Report: d.report.ID, Text: text, Numbers: nums, Span: s})
		}
	}
	return claims
}
