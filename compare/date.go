package compare

import (
	"strconv"
	"strings"
	"time"
)

// dateRef is a date or period a text names, normalised to the calendar
// days it covers (From and To inclusive, at midnight UTC).
type dateRef struct {
	Text     string
	From, To time.Time
	// at and end bound the tokens of the text it was read from that it
	// spans.
	at, end int
	// said tells that it dates a statement ("Marsh said on Thursday
	// that …") rather than the fact stated.
	said bool
}

// overlaps tells whether two dates can name the same day.
func (d dateRef) overlaps(e dateRef) bool {
	return !d.To.Before(e.From) && !e.To.Before(d.From)
}

// Sizes of period a date names.
const (
	sizeDay   = "day"
	sizeWeek  = "week"
	sizeMonth = "month"
	sizeYear  = "year"
	sizeSpan  = "span"
)

// size says how long a period d names: a day, a week, a month, a year or
// some other span.
func (d dateRef) size() string {
	days := int(d.To.Sub(d.From).Hours()/24) + 1
	switch {
	case days == 1:
		return sizeDay
	case days == 7:
		return sizeWeek
	case days >= 28 && days <= 31:
		return sizeMonth
	case days == 365 || days == 366:
		return sizeYear
	}
	return sizeSpan
}

// String gives the period in ISO form: "2018-02-05", "2018-02", "2017",
// or "2018-02-05..2018-02-11".
func (d dateRef) String() string {
	switch {
	case d.From.Equal(d.To):
		return d.From.Format("2006-01-02")
	case d.From.Day() == 1 && d.To.Equal(d.From.AddDate(0, 1, -1)):
		return d.From.Format("2006-01")
	case d.From.YearDay() == 1 && d.To.Equal(d.From.AddDate(1, 0, -1)):
		return d.From.Format("2006")
	}
	return d.From.Format("2006-01-02") + ".." + d.To.Format("2006-01-02")
}

// reportDateLayouts are the forms a report's Date header takes.
var reportDateLayouts = []string{
	"2006-01-02", time.RFC3339, "2006-01-02 15:04:05", "2006/01/02", "January 2, 2006",
	"Jan 2, 2006", "2 January 2006", "2 Jan 2006", "Mon, 02 Jan 2006 15:04:05 MST", "01/02/2006",
}

// parseReportDate reads a report's Date header; ok is false when it holds
// no date Parallax can read.
func parseReportDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range reportDateLayouts {
		n := min(len(s), len(layout)+6)
		if layout == time.RFC3339 {
			n = len(s)
		}
		if t, err := time.Parse(layout, s[:n]); err == nil {
			return day(t.Year(), t.Month(), t.Day()), true
		}
		if len(s) >= 10 && layout == "2006-01-02" {
			if t, err := time.Parse(layout, s[:10]); err == nil {
				return day(t.Year(), t.Month(), t.Day()), true
			}
		}
	}
	return time.Time{}, false
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// isWeekday tells whether a lower-case word names a day of the week
// (Sunday too, whose time.Weekday is 0).
func isWeekday(k string) bool {
	_, ok := weekdays[k]
	return ok
}

// readDates finds the dates of text and normalises them against base, the
// report's date: "Nov. 2, 2017", "in November", "on Sunday", "last week",
// "this month", "in 2015", "yesterday". Relative dates are skipped when base
// is the zero time.
func readDates(text string, base time.Time) []dateRef {
	return readDatesIn(text, wtoks(text, tokenize(text)), base)
}

// readDatesIn is readDates on text already cut into tokens.
func readDatesIn(text string, toks []wtok, base time.Time) []dateRef {
	known := !base.IsZero()
	var out []dateRef
	add := func(from, to time.Time, i, j int) {
		out = append(out, dateRef{Text: text[toks[i].start:toks[j-1].end], From: from, To: to, at: i, end: j})
	}
	for i := 0; i < len(toks); i++ {
		k := toks[i].key
		prev, next := keyAt(toks, i-1), keyAt(toks, i+1)
		if m, ok := months[k]; ok && (len(k) > 3 || k == "may" || next == "." || startsDigit(next)) && isMonthName(text, toks[i], k) {
			j := i + 1
			// The point of an abbreviation ("Dec. 3"), not a full stop
			// after a full name ("in December.").
			if j < len(toks) && toks[j].key == "." && !strings.EqualFold(k, time.Month(m).String()) {
				j++
			}
			dayN, year := 0, 0
			if j < len(toks) && isDigits(toks[j].key) && len(toks[j].key) <= 2 {
				dayN, _ = strconv.Atoi(toks[j].key)
				j++
				if j+1 < len(toks) && toks[j].key == "," && len(toks[j+1].key) == 4 {
					j++
				}
			}
			if j < len(toks) && len(toks[j].key) == 4 && isDigits(toks[j].key) {
				year, _ = strconv.Atoi(toks[j].key)
				j++
			}
			if j > 0 && toks[j-1].key == "." && j-1 > i+1 {
				j--
			}
			// "2 November 2017": the day before the month.
			start := i
			if dayN == 0 && i > 0 && isDigits(prev) && len(prev) <= 2 {
				dayN, _ = strconv.Atoi(prev)
				start = i - 1
			}
			if dayN > 31 {
				continue
			}
			if year == 0 {
				if !known {
					continue
				}
				year = nearestYear(base, time.Month(m), max(dayN, 1))
			}
			if dayN > 0 {
				d := day(year, time.Month(m), dayN)
				add(d, d, start, j)
			} else {
				from := day(year, time.Month(m), 1)
				add(from, from.AddDate(0, 1, -1), start, j)
			}
			i = j - 1
			continue
		}
		if wd, ok := weekdays[k]; ok && known {
			d := nearestWeekday(base, wd)
			add(d, d, i, i+1)
			continue
		}
		if !known {
			if isYear(k, yearValue(k)) && !startsDigit(next) {
				y := int(yearValue(k))
				add(day(y, 1, 1), day(y, 12, 31), i, i+1)
			}
			continue
		}
		switch {
		case k == "today" || k == "tonight":
			add(base, base, i, i+1)
		case k == "yesterday":
			d := base.AddDate(0, 0, -1)
			add(d, d, i, i+1)
		case k == "tomorrow":
			d := base.AddDate(0, 0, 1)
			add(d, d, i, i+1)
		case (k == "last" || k == "this" || k == "next" || k == "past") && i+1 < len(toks):
			shift := map[string]int{"last": -1, "past": -1, "this": 0, "next": 1}[k]
			switch next {
			case "week":
				monday := base.AddDate(0, 0, -((int(base.Weekday())+6)%7)+7*shift)
				add(monday, monday.AddDate(0, 0, 6), i, i+2)
				i++
			case "month":
				from := day(base.Year(), base.Month(), 1).AddDate(0, shift, 0)
				add(from, from.AddDate(0, 1, -1), i, i+2)
				i++
			case "year":
				y := base.Year() + shift
				add(day(y, 1, 1), day(y, 12, 31), i, i+2)
				i++
			}
		case isYear(k, yearValue(k)) && !startsDigit(next) && prev != "$":
			y := int(yearValue(k))
			add(day(y, 1, 1), day(y, 12, 31), i, i+1)
		}
	}
	return out
}

// isMonthName tells whether a month word is meant as a month: "May" and
// "March" only when capitalised, since "may" and "march" are verbs.
func isMonthName(text string, t wtok, k string) bool {
	if k == "may" || k == "march" {
		return text[t.start] < 'a'
	}
	return true
}

func yearValue(k string) float64 {
	if len(k) != 4 || !isDigits(k) {
		return 0
	}
	v, _ := strconv.Atoi(k)
	return float64(v)
}

// nearestYear picks the year that puts month m, day d closest to base.
func nearestYear(base time.Time, m time.Month, d int) int {
	best, gap := base.Year(), time.Duration(1<<62)
	for y := base.Year() - 1; y <= base.Year()+1; y++ {
		g := day(y, m, d).Sub(base)
		if g < 0 {
			g = -g
		}
		if g < gap {
			best, gap = y, g
		}
	}
	return best
}

// nearestWeekday picks the day named wd closest to base, the past when the
// two are as close: "on Monday" in a Thursday report is three days before.
func nearestWeekday(base time.Time, wd time.Weekday) time.Time {
	back := (int(base.Weekday()) - int(wd) + 7) % 7
	if fwd := 7 - back; fwd < back {
		return base.AddDate(0, 0, fwd)
	}
	return base.AddDate(0, 0, -back)
}
