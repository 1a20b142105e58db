package compare

import (
	"regexp"
	"strings"
)

var (
	// nameSaid matches "Name Name said" right after a quote.
	afterCue = regexp.MustCompile(`^[,.]?\s*(?:(he|she|they)|((?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+))\s+(said|says|told|added|wrote|tweeted|explained)\b`)
	// properName matches a run of capitalised words.
	properName = regexp.MustCompile(`[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+`)
)

// attributeSpeakers sets the speaker and cue of each quote from the text
// after it, resolving pronouns to the last person named and surnames to the
// fullest name the report gives.
func attributeSpeakers(d *document, quotes []Quote) {
	body := d.report.Body
	last := ""
	for i := range quotes {
		q := &quotes[i]
		p := d.paragraphs[q.Paragraph]
		after := body[min(q.End+len("”"), p.End):p.End]
		if m := afterCue.FindStringSubmatch(after); m != nil {
			q.Cue = m[3]
			if m[1] != "" {
				q.Speaker = last
			} else {
				q.Speaker = fullName(body[:q.Start], m[2])
			}
		}
		if q.Speaker != "" {
			last = q.Speaker
		}
	}
}

// fullName returns the longest name in before that ends with name's last
// word, or name itself.
func fullName(before, name string) string {
	fields := strings.Fields(name)
	surname := fields[len(fields)-1]
	best := name
	for _, m := range properName.FindAllString(before, -1) {
		if strings.HasSuffix(m, " "+surname) && len(m) > len(best) {
			best = m
		}
	}
	return best
}
