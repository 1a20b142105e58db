package compare

import (
	"strings"
	"testing"
)

func TestReadDates(t *testing.T) {
	const thursday = "2016-10-13"
	for _, tc := range []struct {
		name, base, in string
		want           []string // Text=period
	}{
		{"full date", thursday, "on Nov. 2, 2017, before", []string{"Nov. 2, 2017=2017-11-02"}},
		{"full month name", thursday, "announced November 6, 2017 in", []string{"November 6, 2017=2017-11-06"}},
		{"day before month", thursday, "on 2 November 2017", []string{"2 November 2017=2017-11-02"}},
		{"month and year", thursday, "kidnapped in April 2014", []string{"April 2014=2014-04"}},
		{"month alone is the nearest", "2018-02-26", "said in November that", []string{"November=2017-11"}},
		{"full stop after a month", "2018-02-26", "said so in December.", []string{"December=2017-12"}},
		{"abbreviation at the end", "2018-02-26", "said so in Dec.", []string{"Dec.=2017-12"}},
		{"full stop after a short month", "2018-02-26", "said so in July.", []string{"July=2018-07"}},
		{"abbreviation of four letters", "2018-02-26", "said so in Sept.", []string{"Sept.=2017-09"}},
		{"month ahead of the report", "2011-12-27", "the Jan. 3 caucuses", []string{"Jan. 3=2012-01-03"}},
		{"weekday in the past", thursday, "said on Monday", []string{"Monday=2016-10-10"}},
		{"weekday the same day", thursday, "freed on Thursday", []string{"Thursday=2016-10-13"}},
		{"weekday ahead", "2017-12-30", "celebrate on Sunday night", []string{"Sunday=2017-12-31"}},
		{"yesterday", thursday, "released yesterday", []string{"yesterday=2016-10-12"}},
		{"last week", thursday, "met last week", []string{"last week=2016-10-03..2016-10-09"}},
		{"last month", "2018-02-26", "approved last month", []string{"last month=2018-01"}},
		{"this month", "2018-02-26", "approved this month", []string{"this month=2018-02"}},
		{"last year", "2018-02-26", "the takeover last year", []string{"last year=2017"}},
		{"bare year", thursday, "moved in 2015 after", []string{"2015=2015"}},
		{"may the verb", thursday, "it may rain", nil},
		{"May the month", thursday, "found in May", []string{"May=2016-05"}},
		{"relative without a report date", "", "on Monday and in 2015", []string{"2015=2015"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			base, _ := parseReportDate(tc.base)
			var got []string
			for _, d := range readDates(tc.in, base) {
				got = append(got, d.Text+"="+d.String())
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("readDates(%q, %s) = %q, want %q", tc.in, tc.base, got, tc.want)
			}
		})
	}
}

func TestParseReportDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2018-02-26", "2018-02-26"},
		{"2018-02-26T14:03:00Z", "2018-02-26"},
		{"February 26, 2018", "2018-02-26"},
		{"26 Feb 2018", "2018-02-26"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			d, ok := parseReportDate(tc.in)
			if !ok || d.Format("2006-01-02") != tc.want {
				t.Errorf("parseReportDate(%q) = %v, %v; want %s", tc.in, d, ok, tc.want)
			}
		})
	}
	if _, ok := parseReportDate("soon"); ok {
		t.Error(`parseReportDate("soon") read a date`)
	}
}

func FuzzReadDates(f *testing.F) {
	for _, s := range []string{"on Nov. 2, 2017, before", "last week", "in May", "2 November 2017",
		"Jan. 3", "this month and next year", "on Sunday night", "Nov.", "31 February"} {
		f.Add(s)
	}
	base, _ := parseReportDate("2018-02-26")
	f.Fuzz(func(t *testing.T, s string) {
		for _, d := range readDates(s, base) {
			if !strings.Contains(s, d.Text) || d.Text == "" || d.To.Before(d.From) {
				t.Errorf("date %q (%s) read from %q", d.Text, d, s)
			}
		}
	})
}
